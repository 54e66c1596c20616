from .catalogue import Product, tokenize
from .fuzzy import close_words


# @implements SRCH-2
class SearchIndex:
    """An inverted index over product titles, brands and descriptions."""

    def __init__(self, products: list[Product]):
        self.products = {p.sku: p for p in products}
        self.postings: dict[str, set[str]] = {}
        for product in products:
            for word in tokenize(f"{product.title} {product.brand} {product.description}"):
                self.postings.setdefault(word, set()).add(product.sku)

    # @implements SRCH-3
    def search(self, query: str, fuzzy: bool = True) -> list[Product]:
        words = tokenize(query)
        if not words:
            return []
        matches: set[str] | None = None
        for word in words:
            skus = set(self.postings.get(word, set()))
            if fuzzy and not skus:
                for near in close_words(word, self.postings.keys()):
                    skus |= self.postings[near]
            matches = skus if matches is None else matches & skus
        return [self.products[sku] for sku in sorted(matches or set())]


# @implements SRCH-6
def sort_results(results: list[Product], order: str = "relevance") -> list[Product]:
    if order == "price-asc":
        return sorted(results, key=lambda p: p.price_cents)
    if order == "price-desc":
        return sorted(results, key=lambda p: -p.price_cents)
    return sorted(results, key=lambda p: -p.popularity)
