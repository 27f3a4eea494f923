"""Regular expressions compiled on first use.

A lint run imports every rule, but a typical config exercises few of their patterns (cron
syntax, image references, port refs...). Compiling them all at import would cost a
pre-commit hook a couple of milliseconds on every commit for nothing.
"""

from __future__ import annotations

import re
from typing import Any


class LazyPattern:
    """Stands for ``re.compile(source, flags)``; compiles at the first method call."""

    __slots__ = ("_compiled", "flags", "source")

    def __init__(self, source: str, flags: int = 0) -> None:
        self.source = source
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:
        if self._compiled is None:
            self._compiled = re.compile(self.source, self.flags)
        return getattr(self._compiled, name)


def lazy_pattern(source: str, flags: int = 0) -> re.Pattern[str]:
    """A pattern with the interface of ``re.compile(source, flags)``, compiled when first used."""
    return LazyPattern(source, flags)  # type: ignore[return-value]
