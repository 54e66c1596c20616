from dataclasses import dataclass

from .catalogue import Product


@dataclass(frozen=True)
class Filters:
    min_price_cents: int | None = None
    max_price_cents: int | None = None
    brands: frozenset[str] = frozenset()


# @implements SRCH-5
def apply_filters(results: list[Product], filters: Filters) -> list[Product]:
    def keep(product: Product) -> bool:
        if filters.min_price_cents is not None and product.price_cents < filters.min_price_cents:
            return False
        if filters.max_price_cents is not None and product.price_cents > filters.max_price_cents:
            return False
        return not filters.brands or product.brand in filters.brands

    return [product for product in results if keep(product)]
