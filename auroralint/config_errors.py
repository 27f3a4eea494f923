"""What pystachio's exceptions mean, read from the frames that raised them."""


import re
from typing import NamedTuple

import auroralint._pystachio  # noqa: F401 - imports pystachio without pprint

# isort: split
from pystachio.base import Object
from pystachio.composite import Structural
from pystachio.container import ListContainer

from auroralint.model import kind, type_name


class MistypedArgument(NamedTuple):
    struct: str  # the struct whose field was given the wrong struct
    field: str
    expected: str  # the field's type, or its elements' type when ``element``
    given: str
    element: bool  # an element of a list (or a map value), not the field itself


def mistyped_argument(error: BaseException) -> MistypedArgument | None:
    """Details of a struct given where another struct belongs (``Container(docker=Task())``).

    pystachio tries to build the expected struct from the value and fails because the value is
    not a dict; the frames converting the field (and the list element) know what was expected.
    """
    from pystachio.composite import IsNotMappingError

    if not isinstance(error, IsNotMappingError):
        return None
    found: MistypedArgument | None = None
    trace = error.__traceback__
    while trace is not None:
        local = trace.tb_frame.f_locals
        owner, value = local.get("self"), local.get("value")
        field = local.get("attr")
        if isinstance(owner, Structural) and isinstance(field, str) and field in owner.TYPEMAP:
            given = kind(value) if isinstance(value, Object) else type(value).__name__
            expected = type_name(owner.TYPEMAP[field].klazz)
            found = MistypedArgument(kind(owner), field, expected, given, False)
        elif found is not None and isinstance(owner, ListContainer) and "value" in local:
            given = kind(value) if isinstance(value, Object) else type(value).__name__
            found = found._replace(expected=type_name(owner.TYPE), given=given, element=True)
        trace = trace.tb_next
    return found


class UnknownAttribute(NamedTuple):
    struct: str
    attribute: str
    known: tuple[str, ...]


_UNKNOWN = re.compile(r"^(?:Unknown schema attribute (?P<a>\w+)|\w+ has no attribute (?P<b>\w+))$")


def unknown_attribute(error: BaseException) -> UnknownAttribute | None:
    """Details of pystachio's "Unknown schema attribute x" (or a misspelt accessor ``job.x()``)."""
    match = _UNKNOWN.match(str(error)) if isinstance(error, AttributeError) else None
    if match is None:
        return None
    struct = None
    trace = error.__traceback__
    while trace is not None:
        candidate = trace.tb_frame.f_locals.get("self")
        if isinstance(candidate, Structural):
            struct = candidate
        trace = trace.tb_next
    if struct is None:
        return None
    return UnknownAttribute(kind(struct), match.group("a") or match.group("b"), tuple(struct.TYPEMAP))
