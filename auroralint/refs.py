"""Mustache refs in jobs: which stay unbound and where, and what a struct ref points into."""


import re
from collections.abc import Iterator, Sequence
from typing import Any, NamedTuple

import auroralint._pystachio  # noqa: F401 - imports pystachio without pprint

# isort: split
from pystachio.base import Object
from pystachio.choice import ChoiceContainer
from pystachio.composite import Structural
from pystachio.container import MapContainer

from auroralint.model import child, fields, join, kind, split, text_leaves, unwrap, walk

MUSTACHE = re.compile(r"\{\{(&?)([^{}]+?)\}\}")


def mustaches(text: str) -> Iterator[tuple[str, bool]]:
    """(address, escaped) for each ``{{...}}`` in ``text``; ``{{&x}}`` is escaped."""
    for match in MUSTACHE.finditer(text):
        yield match.group(2), bool(match.group(1))


class UnboundRef(NamedTuple):
    field: str
    address: str
    written_here: bool  # the raw value of ``field`` contains the mustache itself


def unbound_refs(raw: Any, interpolated: Any, unbound: Sequence[str]) -> list[UnboundRef]:
    """Which fields hold each ref that interpolation left unbound."""
    wanted = set(unbound)
    raw_text = dict(text_leaves(raw))
    found = []
    for path, text in text_leaves(interpolated):
        written = {address for address, escaped in mustaches(raw_text.get(path, "")) if not escaped}
        escaped = {address for address, was in mustaches(raw_text.get(path, "")) if was}
        for address in dict.fromkeys(address for address, _ in mustaches(text)):
            if address in wanted and (address in written or address not in escaped):
                found.append(UnboundRef(path, address, address in written))
    # Map keys are interpolated too (`constraints={'{{attribute}}': ...}`): a ref left in one
    # is reported on the map, whose written text holds the key.
    raw_keys = dict(_map_keys(raw))
    for path, keys in _map_keys(interpolated):
        written = {address for text in raw_keys.get(path, ()) for address, was in mustaches(text)
                   if not was}  # fmt: skip
        in_keys = (address for text in keys for address, was in mustaches(text) if not was)
        for address in dict.fromkeys(in_keys):
            if address in wanted:
                found.append(UnboundRef(path, address, address in written))
    return found


def _map_keys(root: Any) -> Iterator[tuple[str, list[str]]]:
    for path, node in walk(root):
        if isinstance(node, MapContainer):
            keys = [key._value for key, _ in node._map if isinstance(getattr(key, "_value", None), str)]
            if any("{{" in key for key in keys):
                yield path, keys


def valid_address(address: str) -> bool:
    """Whether pystachio parses ``address`` as a ref (it raises on the whole job otherwise)."""
    from pystachio.naming import Ref

    try:
        Ref.from_address(address)
    except Ref.InvalidRefError:
        return False
    return True


def _enter(node: Any) -> Any:
    """The value of a Choice placed in the Choice's scopes, as pystachio interpolates it."""
    while isinstance(node, ChoiceContainer) and isinstance(node._value, Object):
        node = node._value.in_scope(*node.scopes())
    return node


def scopes_at(root: Any, path: str) -> tuple[Any, ...]:
    """The namables a text value at ``path`` is interpolated in, nearest first (empty if unset).

    Each step places the child in its parent's scopes exactly as ``interpolate()`` does, so
    the result sees the struct's own fields, the bindings of every enclosing object and ``super``.
    """
    node = root
    for component in split(path):
        node = _enter(node)
        value = child(node, component)
        if value is None:
            return ()
        node = value.in_scope(*node.scopes())
    node = _enter(node)
    return tuple(node.scopes()) if isinstance(node, Object) else ()


def _find(scopes: Sequence[Any], components: Sequence[Any]) -> Any:
    from pystachio.naming import Namable, Ref

    for scope in scopes:
        if not isinstance(scope, Namable):
            continue
        try:
            return scope.find(Ref(components))
        except (Namable.Error, ValueError, TypeError, AttributeError):
            continue
    return None


class StructRef(NamedTuple):
    """How far an unbound ref gets: the struct its longest resolvable prefix names."""

    prefix: str  # the address of the struct: ``profile`` in ``profile.cpus``
    struct: str  # the struct's type name: ``Profile``, ``Task``
    fields: tuple[str, ...]  # every field the struct declares
    missing: str  # the component after the prefix: ``cpus``

    @property
    def declared(self) -> bool:
        """The struct declares the field, but it is unset and has no default."""
        return self.missing in self.fields


def struct_ref(root: Any, path: str, address: str) -> StructRef | None:
    """For ``address`` unbound at ``path``: the struct its longest resolvable prefix names, if
    the next component is a ``.field`` of it (None when the prefix names no struct)."""
    from pystachio.naming import Ref

    try:
        components = Ref.from_address(address).components()
    except Ref.InvalidRefError:
        return None
    scopes = scopes_at(root, path)
    for length in range(len(components) - 1, 0, -1):
        found = _find(scopes, components[:length])
        if found is None:
            continue
        node, following = unwrap(found), components[length]
        if isinstance(node, Structural) and isinstance(following, Ref.Dereference):
            prefix = Ref(components[:length]).address()
            return StructRef(prefix, kind(node), tuple(node.TYPEMAP), following.value)
        return None
    return None


def names_at(root: Any, path: str) -> list[str]:
    """Addresses bound where ``path`` is interpolated: fields of the enclosing structs, bindings,
    and the fields of structs bound to a name (``profile.cmd``); nearest first."""
    from pystachio.base import Environment

    names: dict[str, None] = {}
    for scope in scopes_at(root, path):
        entries = ([(ref.address(), value) for ref, value in scope._table.items()]
                   if isinstance(scope, Environment) else [("", scope)])  # fmt: skip
        for address, value in entries:
            if address.split(".")[0].split("[")[0] in ("self", "super"):
                continue
            if address:
                names.setdefault(address)
            if isinstance(unwrap(value), Structural):
                names.update((join(address, name), None) for name, _ in fields(value))
    return list(names)
