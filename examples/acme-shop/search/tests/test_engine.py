from search.engine import SearchIndex, sort_results


# @verifies SRCH-2
def test_searches_titles_brands_and_descriptions(index: SearchIndex) -> None:
    assert [p.sku for p in index.search("sonora")] == ["HP-1", "SP-1"]
    assert [p.sku for p in index.search("waterproof")] == ["SP-1"]


# @verifies SRCH-3
def test_every_keyword_must_match(index: SearchIndex) -> None:
    assert [p.sku for p in index.search("wireless headphones")] == ["HP-1"]
    assert index.search("") == []


# @verifies SRCH-6
def test_sort_by_price_and_relevance(index: SearchIndex) -> None:
    results = index.search("headphones")
    assert [p.sku for p in sort_results(results, "price-asc")] == ["HP-2", "HP-1"]
    assert [p.sku for p in sort_results(results)] == ["HP-1", "HP-2"]
