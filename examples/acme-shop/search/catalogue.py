from dataclasses import dataclass, field


@dataclass(frozen=True)
class Product:
    sku: str
    title: str
    brand: str
    price_cents: int
    description: str = ""
    popularity: int = 0
    words: frozenset = field(default_factory=frozenset)


def tokenize(text: str) -> list[str]:
    return [word for word in "".join(c.lower() if c.isalnum() else " " for c in text).split() if word]
