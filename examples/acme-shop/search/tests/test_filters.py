from search.engine import SearchIndex
from search.filters import Filters, apply_filters


# @verifies SRCH-5
def test_price_and_brand_filters_combine(index: SearchIndex) -> None:
    results = index.search("sonora")
    assert [p.sku for p in apply_filters(results, Filters(max_price_cents=10000))] == ["SP-1"]
    assert [p.sku for p in apply_filters(results, Filters(brands=frozenset({"Basix"})))] == []
