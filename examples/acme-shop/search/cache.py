from functools import lru_cache

from .engine import SearchIndex


# @implements SRCH-7
class CachedSearch:
    """Popular queries are answered from memory so that 95% of searches stay under 300 ms."""

    def __init__(self, index: SearchIndex, size: int = 10_000):
        self._search = lru_cache(maxsize=size)(self._uncached)
        self._index = index

    def _uncached(self, query: str) -> tuple[str, ...]:
        return tuple(product.sku for product in self._index.search(query))

    def search(self, query: str) -> tuple[str, ...]:
        return self._search(" ".join(query.lower().split()))
