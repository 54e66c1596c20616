import time

from search.cache import CachedSearch
from search.catalogue import Product
from search.engine import SearchIndex


# @verifies SRCH-7
def test_p95_latency_with_a_large_catalogue() -> None:
    products = [Product(f"SKU-{n}", f"Product {n} lamp", f"Brand{n % 50}", n) for n in range(100_000)]
    search = CachedSearch(SearchIndex(products))
    timings = []
    for n in range(200):
        start = time.perf_counter()
        search.search(f"brand{n % 50} lamp")
        timings.append(time.perf_counter() - start)
    timings.sort()
    assert timings[int(len(timings) * 0.95)] < 0.3
