from collections.abc import Iterable


def edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


# @implements SRCH-4@1
def close_words(word: str, vocabulary: Iterable[str], max_distance: int = 1) -> list[str]:
    """Words of the index one typo away from `word`; short words must match exactly."""
    if len(word) < 4:
        return []
    return [candidate for candidate in vocabulary if abs(len(candidate) - len(word)) <= max_distance
            and edit_distance(word, candidate) <= max_distance]
