"""Import pystachio without importing pprint with it.

pystachio 0.8.10 imports ``pprint`` (which imports ``dataclasses`` and ``inspect``, about 4 ms)
only to format ``Environment.__repr__``, a debugging aid. A pre-commit hook pays every
millisecond on every commit, so while pystachio is imported a stand-in ``pprint`` module
offers a ``pformat`` that imports the real one the first time it is called. The stand-in is
removed right after, so a config's own ``import pprint`` gets the real module.

Importing this module does the import; modules that import pystachio import this first.
"""

from __future__ import annotations

import sys
import types
from typing import Any


def _pformat(*args: Any, **kwargs: Any) -> str:
    import pprint

    return pprint.pformat(*args, **kwargs)


def _load() -> None:
    if "pystachio" in sys.modules or "pprint" in sys.modules:
        return
    stand_in = types.ModuleType("pprint")
    stand_in.pformat = _pformat  # type: ignore[attr-defined]
    sys.modules["pprint"] = stand_in
    try:
        import pystachio  # noqa: F401
    finally:
        if sys.modules.get("pprint") is stand_in:
            del sys.modules["pprint"]


_load()
