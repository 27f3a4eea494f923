"""The typed boundary around pystachio: jobs as plain values, field paths, refs and type checks.

Everything else in auroralint works with the plain values and paths produced here; only this
module (with ``locate`` and the schema) reaches into pystachio objects.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any, NamedTuple

from pystachio import Empty
from pystachio.base import Object
from pystachio.basic import SimpleObject
from pystachio.choice import ChoiceContainer
from pystachio.composite import Structural
from pystachio.container import ListContainer, MapContainer

MUSTACHE = re.compile(r"\{\{(&?)([^{}]+?)\}\}")
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
    return found


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
    from pystachio.naming import Ref

    if interpolated is not None:
        return list(_check_interpolated(interpolated))
    try:
        if job.check().ok():
            return []
    except (AttributeError, Ref.InvalidRefError):  # pystachio crashes on these: walk instead
        pass
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
        except (ValueError, AttributeError, TypeError):
            continue
        result = _checked(coerced.in_scope(*node.scopes()))
        if result is None or result.ok():
            return
    names = ", ".join(type_name(alternative) for alternative in node.CHOICES)
    got = kind(value) if isinstance(value, Object) else repr(value)
    yield TypeProblem(path, f"expected one of {names}, got {got}", False)


def _readable(message: str) -> str:
    # pystachio says "'{{n}}' not an integer" or "Cannot coerce 'abc' to Float".
    return message.removeprefix("Unable to interpolate: ")


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
        elif found is not None and isinstance(owner, ListContainer) and isinstance(value, Object):
            found = found._replace(expected=type_name(owner.TYPE), given=kind(value), element=True)
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
