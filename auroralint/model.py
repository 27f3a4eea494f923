"""The typed boundary around pystachio: jobs as plain values and field paths.

Everything else in auroralint works with the plain values and paths produced here and in its
siblings ``refs`` (mustaches), ``typecheck`` and ``config_errors``; only they (with ``locate``
and the schema) reach into pystachio objects.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import auroralint._pystachio  # noqa: F401 - imports pystachio without pprint

# isort: split
from pystachio import Empty
from pystachio.base import Object
from pystachio.basic import SimpleObject
from pystachio.choice import ChoiceContainer
from pystachio.composite import Structural
from pystachio.container import ListContainer, MapContainer

_COMPONENT = re.compile(r"\.?([A-Za-z_]\w*)|\[([^\]]*)\]")

# Refs the client rewrites before interpolating (legacy aliases kept by Aurora 0.22).
LEGACY_ALIASES = {"mesos": {"role": "{{role}}", "cluster": "{{cluster}}"},
                  "thermos": {"user": "{{role}}"}}  # fmt: skip


def join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def split(path: str) -> list[str]:
    return [name or index for name, index in _COMPONENT.findall(path)]


def unwrap(node: Any) -> Any:
    """The value inside a Choice field, or the node itself."""
    while isinstance(node, ChoiceContainer):
        node = node._value
    return node


def fields(node: Any) -> Iterator[tuple[str, Any]]:
    """The set (non-Empty) children of a struct, list or map node, in declaration order."""
    node = unwrap(node)
    if isinstance(node, Structural):
        for name in node.TYPEMAP:
            value = node._schema_data[name]
            if value is not Empty:
                yield name, value
    elif isinstance(node, ListContainer):
        yield from ((str(index), value) for index, value in enumerate(node._values))
    elif isinstance(node, MapContainer):
        yield from ((str(key.get()), value) for key, value in node._map)


def child(node: Any, component: str) -> Any:
    for name, value in fields(node):
        if name == component:
            return value
    return None


def walk(node: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    """Every node under ``node`` with its path; Choice wrappers are transparent."""
    node = unwrap(node)
    yield path, node
    indexed = isinstance(node, (ListContainer, MapContainer))
    for name, value in fields(node):
        yield from walk(value, f"{path}[{name}]" if indexed else join(path, name))


def plain(node: Any) -> Any:
    """pystachio's ``get()`` shape (dicts, lists, scalars) without re-interpolating choices."""
    node = unwrap(node)
    if isinstance(node, Structural):
        return {name: plain(value) for name, value in fields(node)}
    if isinstance(node, ListContainer):
        return [plain(value) for value in node._values]
    if isinstance(node, MapContainer):
        return {str(key.get()): plain(value) for key, value in node._map}
    if isinstance(node, SimpleObject) and isinstance(node._value, Object):
        return plain(node._value)  # a struct given where a scalar belongs
    if isinstance(node, Object):
        return node.get()
    return node  # a raw value a Choice could not coerce


def struct_kinds(root: Any) -> dict[str, str]:
    """The schema type of every struct under ``root`` by path, including a struct given to a
    scalar field (``Docker(image=DockerImage(...))``), which pystachio stores unconverted."""
    kinds = {}
    for path, node in walk(root):
        if isinstance(node, SimpleObject) and isinstance(node._value, Structural):
            node = node._value
        if isinstance(node, Structural):
            kinds[path] = kind(node)
    return kinds


def interpolate_fields(job: Any, failures: tuple[type[BaseException], ...]) -> tuple[Any, list[Any]]:
    """``job.interpolate()`` field by field: a field that fails stays as written.

    Returns the job rebuilt from the pieces and the refs left unbound in the fields that
    could be interpolated.
    """
    scopes = job.scopes()
    pieces: dict[str, Any] = {}
    unbound: list[Any] = []
    for name, value in job._schema_data.items():
        pieces[name] = value
        if value is Empty:
            continue
        try:
            pieces[name], refs = value.in_scope(*scopes).interpolate()
        except failures:
            continue
        unbound.extend(refs)
    return type(job)(**pieces), unbound


def type_name(klass: type) -> str:
    """The name configs use for a schema type (``Mode`` rather than ``Enum_RO_RW``)."""
    from auroralint.schema import dsl_names

    return dsl_names().get(klass.__name__, klass.__name__)


def kind(node: Any) -> str:
    return type_name(type(unwrap(node)))


def text_leaves(node: Any) -> Iterator[tuple[str, str]]:
    """Every scalar holding text (strings, and numbers still written as ``{{refs}}``)."""
    for path, value in walk(node):
        if isinstance(value, SimpleObject) and isinstance(value._value, str):
            yield path, value._value
        elif isinstance(value, str):  # an uncoerced Choice value
            yield path, value
