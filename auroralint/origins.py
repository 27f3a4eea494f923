"""Remember where each pystachio struct was built while a config file runs.

pystachio objects carry no source positions. While a config executes, we wrap the few pystachio
entry points that create structs (construction, template calls ``base(name=...)``, ``.bind()``,
copies and interpolation) and record, for every new struct, the call in progress in the config
files being evaluated: the code object and instruction offset of the innermost config frame
plus the chain of outer config frames (helper functions, ``include()``). Spans are worked out
lazily from ``co_positions()`` only when a diagnostic needs them.

Recording is active only inside :func:`recording`, so linting's own interpolation later costs
one context-variable lookup per object.
"""


import sys
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from types import CodeType, FrameType
from typing import Any, NamedTuple


class CodePoint(NamedTuple):
    """An instruction in progress in a config file's code: a call being made."""

    code: CodeType
    offset: int

    @property
    def filename(self) -> str:
        return self.code.co_filename


class Origin(NamedTuple):
    """How one struct instance came to be.

    ``sites[0]`` is the call that built it; later entries are the outer calls on the way there
    (a helper function's caller, an ``include()``). ``explicit`` names the fields set by keyword
    at that call; ``from_mapping`` says they came from a dict instead. ``derived_from`` is the
    template the object was copied from (``base(name='x')``, ``.bind()``), if it was recorded.
    """

    sites: tuple[CodePoint, ...]
    explicit: frozenset[str] = frozenset()
    from_mapping: bool = False
    derived_from: "Origin | None" = None

    def setter_of(self, field_name: str) -> "Origin | None":
        """The origin in this derivation chain whose call set ``field_name``, if any."""
        origin: Origin | None = self
        while origin is not None:
            if field_name in origin.explicit:
                return origin
            origin = origin.derived_from
        return None


class Recorder:
    """Origins of the structs built while config files in ``files`` were executing."""

    def __init__(self) -> None:
        self.files: set[str] = set()
        # id -> (weak reference, origin). An entry leaves with its object, before the id can
        # be reused; a config that builds and drops structs in a loop keeps none of them.
        self._origins: dict[int, tuple[Callable[[], object], Origin]] = {}

    def origin(self, obj: object) -> Origin | None:
        entry = self._origins.get(id(obj))
        return entry[1] if entry is not None and entry[0]() is obj else None

    def sites_here(self) -> tuple[CodePoint, ...]:
        sites = []
        frame: FrameType | None = sys._getframe(2)
        while frame is not None:
            if frame.f_code.co_filename in self.files:
                sites.append(CodePoint(frame.f_code, frame.f_lasti))
            frame = frame.f_back
        return tuple(sites)

    def record(self, obj: object, origin: Origin) -> None:
        key = id(obj)
        origins = self._origins
        try:
            alive: Callable[[], object] = weakref.ref(obj, lambda _: origins.pop(key, None))
        except TypeError:  # not weakly referenceable: keep it, so that its id stays its own
            alive = lambda: obj  # noqa: E731
        origins[key] = (alive, origin)


_active: ContextVar[Recorder | None] = ContextVar("auroralint_recorder", default=None)


@contextmanager
def recording(recorder: Recorder) -> Iterator[Recorder]:
    _install_hooks()
    token = _active.set(recorder)
    try:
        yield recorder
    finally:
        _active.reset(token)


def _wrap(original: Callable[..., Any], after: Callable[..., None]) -> Callable[..., Any]:
    def wrapper(self: Any, *args: Any, **kw: Any) -> Any:
        result = original(self, *args, **kw)
        recorder = _active.get()
        if recorder is not None:
            sites = recorder.sites_here()
            if sites:
                after(recorder, sites, self, result, args, kw)
        return result

    wrapper.__wrapped__ = original  # type: ignore[attr-defined]
    return wrapper


def _constructed(recorder: Recorder, sites: tuple[CodePoint, ...], obj: Any, _: Any,
                 args: tuple[Any, ...], kw: dict[str, Any]) -> None:
    keys = set(kw)
    for mapping in args:
        keys.update(mapping)
    recorder.record(obj, Origin(sites, frozenset(keys), from_mapping=bool(args) and not kw))


def _derived(explicit_from_kw: bool) -> Callable[..., None]:
    def after(recorder: Recorder, sites: tuple[CodePoint, ...], source: Any, result: Any,
              args: tuple[Any, ...], kw: dict[str, Any]) -> None:
        if isinstance(result, tuple):  # interpolate() returns (object, unbound refs)
            result = result[0]
        explicit = frozenset(kw) if explicit_from_kw else frozenset()
        recorder.record(result, Origin(sites, explicit, derived_from=recorder.origin(source)))

    return after


@cache
def _install_hooks() -> None:
    """Wrap pystachio's struct-creating methods once per process."""
    from pystachio.base import Object
    from pystachio.composite import Structural

    Structural.__init__ = _wrap(Structural.__init__, _constructed)  # type: ignore[method-assign]
    Structural.__call__ = _wrap(Structural.__call__, _derived(True))  # type: ignore[method-assign]
    Structural.interpolate = _wrap(Structural.interpolate, _derived(False))  # type: ignore[method-assign]
    copy = Object.copy

    def copy_struct(self: Any) -> Any:
        return copy(self)

    Structural.copy = _wrap(copy_struct, _derived(False))  # type: ignore[attr-defined]
    Structural.bind = _wrap(Object.bind, _derived(False))  # type: ignore[attr-defined]
