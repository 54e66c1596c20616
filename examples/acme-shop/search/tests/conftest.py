import pytest

from search.catalogue import Product
from search.engine import SearchIndex


@pytest.fixture
def catalogue() -> list[Product]:
    return [
        Product("HP-1", "Wireless headphones", "Sonora", 12900, "Noise cancelling", popularity=90),
        Product("HP-2", "Wired headphones", "Basix", 2900, popularity=40),
        Product("SP-1", "Bluetooth speaker", "Sonora", 7900, "Waterproof", popularity=70),
    ]


@pytest.fixture
def index(catalogue: list[Product]) -> SearchIndex:
    return SearchIndex(catalogue)
