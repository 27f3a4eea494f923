"""pystachio's type check, every failure at its own field rather than only the first."""


from collections.abc import Iterator
from typing import Any, NamedTuple

import auroralint._pystachio  # noqa: F401 - imports pystachio without pprint

# isort: split
from pystachio import Empty
from pystachio.base import Object
from pystachio.basic import SimpleObject
from pystachio.choice import ChoiceContainer
from pystachio.composite import Structural
from pystachio.container import ListContainer, MapContainer
from pystachio.typing import TypeCheck

from auroralint.errortext import error_text, shown
from auroralint.model import fields, join, kind, type_name, walk


class TypeProblem(NamedTuple):
    field: str
    message: str
    missing: bool  # a Required field that is not set


def type_problems(job: Any, interpolated: Any = None) -> list[TypeProblem]:
    """Every field of ``job`` that fails pystachio's type check, each on its own path.

    When ``interpolated`` (the job after interpolation) is given, every value in it was
    coerced to its type already, so only two failures remain possible: a Required field left
    unset, and a non-text field still holding an unbound ``{{ref}}``. Finding those in the
    interpolated job is much cheaper than pystachio's check, which rebuilds every scope.
    Values holding a malformed ``{{mustache}}`` are skipped: pystachio raises on them instead
    of failing the check, and they are a problem of their own.
    """

    if interpolated is not None:
        return list(_check_interpolated(interpolated))
    try:
        if job.check().ok():
            return []
    except Exception:  # noqa: BLE001 - walk instead, where each failure is caught on its own
        pass  # pystachio crashes on an invalid Choice member and a malformed ref; a config's
        # own object may raise anything while coerced
    return list(_check(job, ""))


def _check_interpolated(job: Any) -> Iterator[TypeProblem]:
    from pystachio import String

    for path, node in walk(job):
        if isinstance(node, Structural):
            for name, signature in node.TYPEMAP.items():
                if signature.required and node._schema_data[name] is Empty:
                    yield TypeProblem(join(path, name), f"{kind(node)}.{name} is required", True)
        elif (isinstance(node, SimpleObject) and not isinstance(node, String)
              and isinstance(node._value, str)):  # fmt: skip
            result = _checked(node)
            if result is not None and not result.ok():
                yield TypeProblem(path, _readable(result.message()), False)


def _checked(node: Any) -> Any:
    """``node.check()``, or None when pystachio raises on a malformed mustache."""
    from pystachio.naming import Ref

    try:
        return node.check()
    except Ref.InvalidRefError:
        return None
    except Exception as error:  # noqa: BLE001 - a config's own object failed while coerced
        value = shown(getattr(node, "_value", node))
        return TypeCheck.failure(f"{value} cannot be made a {type_name(type(node))}: "
                                 f"{error_text(error)}")  # fmt: skip


def _check(node: Any, path: str) -> Iterator[TypeProblem]:
    if isinstance(node, ChoiceContainer):
        yield from _check_choice(node, path)
    elif isinstance(node, Structural):
        scopes = node.scopes()
        for name, signature in node.TYPEMAP.items():
            value = node._schema_data[name]
            if value is Empty:
                if signature.required:
                    message = f"{kind(node)}.{name} is required"
                    yield TypeProblem(join(path, name), message, True)
            else:
                yield from _check(value.in_scope(*scopes), join(path, name))
    elif isinstance(node, (ListContainer, MapContainer)):
        scopes = node.scopes()
        for name, value in fields(node):
            yield from _check(value.in_scope(*scopes), f"{path}[{name}]")
    else:
        result = _checked(node)
        if result is not None and not result.ok():
            yield TypeProblem(path, _readable(result.message()), False)


def _check_choice(node: Any, path: str) -> Iterator[TypeProblem]:
    value = node._value
    for alternative in node.CHOICES:
        if isinstance(value, alternative):
            yield from _check(value.in_scope(*node.scopes()), path)
            return
    for alternative in node.CHOICES:
        try:
            coerced = alternative(value)
        except Exception:  # noqa: BLE001 - not this alternative (a config's object may raise anything)
            continue
        result = _checked(coerced.in_scope(*node.scopes()))
        if result is None or result.ok():
            return
    names = ", ".join(type_name(alternative) for alternative in node.CHOICES)
    got = kind(value) if isinstance(value, Object) else shown(value)
    yield TypeProblem(path, f"expected one of {names}, got {got}", False)


def _readable(message: str) -> str:
    # pystachio says "'{{n}}' not an integer" or "Cannot coerce 'abc' to Float".
    return message.removeprefix("Unable to interpolate: ")
