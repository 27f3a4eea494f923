"""Aurora's model of named ports, shared by the port rules.

What Aurora does, in order:

* it collects every ``{{thermos.ports[NAME]}}`` in the task's processes (after the client's
  interpolation); references anywhere else request nothing;
* it resolves the announce ``portmap``: values that parse as integers are static ports, other
  values are aliases of another name and are followed (a cycle is an error, "Found cycle in
  portmap!");
* the requested ports, which the scheduler assigns and which become ``assignedPorts``, are the
  names the portmap entries end at (unless static) and the referenced names that are not portmap
  keys. The default ``Announcer`` maps ``aurora`` to its primary port, so it requests ``http``;
* the executor's port table holds the requested ports plus every portmap key. The Thermos
  runner binds the task's references from that table; health-check commands see only the
  requested ports.
"""


from collections.abc import Iterator, Mapping
from typing import Any, NamedTuple

from auroralint import JobView
from auroralint.patterns import lazy_pattern

# Any mustache naming the thermos.ports namespace, well formed or not.
_MUSTACHE = lazy_pattern(r"\{\{(thermos\.ports(?:[.\[][^{}]*)?)\}\}")
# The only form the runtime resolves: an index of pystachio's index characters.
PORT_ADDRESS = lazy_pattern(r"thermos\.ports\[([A-Za-z0-9_\-./]+)\]")
# A port name still holding an unbound ref: ``{{thermos.ports[{{name}}]}}``.
_NESTED = lazy_pattern(r"\{\{thermos\.ports\[[^\]}]*\{\{")
_STATIC = lazy_pattern(r"\s*[-+]?\d+\s*")
# Map fields of the schema, whose keys are path indices (``announce.portmap[http]``).
_MAPS = frozenset({"constraints", "task_links", "announce.portmap"})
PROCESSES = "task.processes"
SHELL_COMMAND = "health_check_config.health_checker.shell.shell_command"
Cycles = tuple[tuple[str, ...], ...]


class PortRef(NamedTuple):
    """One ``{{thermos.ports...}}`` mustache and the field holding it."""

    field: str  # task.processes[0].cmdline
    address: str  # what the braces hold: thermos.ports[http]
    name: str  # the port name of the index form; "" for any other form
    occurrence: int  # how many times the same mustache came earlier in the field

    @property
    def in_processes(self) -> bool:
        return self.field.startswith(PROCESSES + "[")


class Ports(NamedTuple):
    references: tuple[PortRef, ...]
    portmap: Mapping[str, str]  # announce.portmap as interpolated; {} without announce
    resolved: Mapping[str, str | int]  # each portmap key -> the name or static port it ends at
    cycles: Cycles  # alias cycles, each in portmap order
    requested: frozenset[str]  # what the scheduler assigns
    certain: bool  # False when unbound refs hide port names, so the sets are guesses

    @property
    def usable(self) -> bool:
        """Whether the sets describe what Aurora would compute (no cycle, nothing unbound)."""
        return self.certain and not self.cycles

    @property
    def bound(self) -> frozenset[str]:
        """Names in the executor's port table: requested ports plus every portmap key."""
        return self.requested | frozenset(self.portmap)


def static_port(value: Any) -> int | None:
    """The port number of a portmap value that Aurora reads as a static port."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    return int(value) if isinstance(value, str) and _STATIC.fullmatch(value) else None


def analyse(job: JobView) -> Ports | None:
    """The job's ports as Aurora computes them, or None when the job was not interpolated."""
    if not job.interpolated:
        return None
    raw = job.get("announce.portmap", {})
    portmap = raw if isinstance(raw, dict) else {}
    certain = isinstance(raw, dict) and all(
        isinstance(key, str) and isinstance(value, str) and "{{" not in key + value
        for key, value in portmap.items()
    )
    resolved, cycles = _resolve(portmap)
    references = tuple(references_in(job.data))
    requested = {target for target in resolved.values() if isinstance(target, str)}
    for ref in references:
        if ref.in_processes and ref.name and ref.name not in portmap:
            requested.add(ref.name)
    processes = job.get(PROCESSES, [])
    if any(_NESTED.search(text) for _, text in _strings(processes, PROCESSES)):
        certain = False
    return Ports(references, portmap, resolved, cycles, frozenset(requested), certain)


def _resolve(portmap: Mapping[str, str]) -> tuple[dict[str, str | int], Cycles]:
    """Follow aliases as Aurora's PortResolver does: each key to a name or a static port."""
    values: dict[str, str | int] = {}
    for key, value in portmap.items():
        number = static_port(value)
        values[key] = value if number is None else number
    resolved: dict[str, str | int] = {}
    cycles: dict[frozenset[str], tuple[str, ...]] = {}
    for name in values:
        chain, target = [name], values[name]
        while isinstance(target, str) and target in values:
            if target in chain:
                cycle = chain[chain.index(target):]
                cycles.setdefault(frozenset(cycle), tuple(k for k in values if k in cycle))
                break
            chain.append(target)
            target = values[target]
        else:
            resolved[name] = target
    return resolved, tuple(cycles.values())


def references_in(data: Any, path: str = "") -> Iterator[PortRef]:
    """Every ``{{thermos.ports...}}`` mustache in the job's text values, in field order."""
    for field, text in _strings(data, path):
        seen: dict[str, int] = {}
        for match in _MUSTACHE.finditer(text):
            address = match.group(1)
            index = PORT_ADDRESS.fullmatch(address)
            yield PortRef(field, address, index.group(1) if index else "", seen.get(address, 0))
            seen[address] = seen.get(address, 0) + 1


def _strings(value: Any, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, f"{path}[{index}]")
    elif isinstance(value, dict):
        for key, item in value.items():
            inner = f"{path}[{key}]" if path in _MAPS else f"{path}.{key}" if path else str(key)
            yield from _strings(item, inner)
