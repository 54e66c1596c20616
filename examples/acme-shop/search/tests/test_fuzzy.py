from search.engine import SearchIndex
from search.fuzzy import close_words, edit_distance


def test_edit_distance() -> None:
    assert edit_distance("headphnes", "headphones") == 1
    assert edit_distance("same", "same") == 0


# @verifies SRCH-4@2
def test_one_typo_still_finds_the_product(index: SearchIndex) -> None:
    assert {p.sku for p in index.search("headphnes")} == {"HP-1", "HP-2"}
    assert close_words("cat", ["car"]) == []
