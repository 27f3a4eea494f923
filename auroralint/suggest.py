"""Did-you-mean: the closest of some names to a misspelt one."""

from __future__ import annotations

from collections.abc import Iterable


def closest(word: str, names: Iterable[str], cutoff: float = 0.75) -> str:
    """The name ``word`` most likely misspells, or ``""`` when none is close enough."""
    import difflib  # only when a rule has something to suggest

    candidates = [name for name in dict.fromkeys(names) if name != word]
    found = difflib.get_close_matches(word, candidates, n=1, cutoff=cutoff)
    return found[0] if found else ""
