"""How Thermos plans a task's processes, modelled once for the process and order rules.

Aurora's client runs the Thermos planner on every task before submitting it. The planner knows
processes by name (a later process with the same name replaces an earlier one), and plans the
regular and the final processes separately. Each ``Constraint(order=[...])`` must name either
processes of the plan only (each then waits for the one before it), or none of them (ignored);
an order naming some of both, or nothing at all, makes the task invalid. Within a plan a
process may not wait for a daemon process, a non-ephemeral one not for an ephemeral one, and
the orders may not form a cycle.

Values come from a :class:`~auroralint.JobView` after interpolation. Anything that is not of the
expected type, and every name holding an unbound ``{{ref}}``, counts as unknown here, so that
rules stay silent rather than guess.
"""


from collections.abc import Iterator, Mapping
from typing import Any, NamedTuple

from auroralint import JobView


def has_refs(text: str) -> bool:
    return "{{" in text


class Process(NamedTuple):
    index: int  # position in task.processes
    name: str
    daemon: bool | None  # None: not a boolean (yet), e.g. an unbound {{ref}}
    ephemeral: bool | None
    final: bool | None

    @property
    def field(self) -> str:
        return f"task.processes[{self.index}]"


class Order(NamedTuple):
    index: int  # position in task.constraints
    names: tuple[str, ...]  # as written; non-string entries cannot occur (List(String))
    written: bool  # False for a Constraint() that sets no order at all

    def field(self, position: int | None = None) -> str:
        base = f"task.constraints[{self.index}]"
        if not self.written:
            return base
        return f"{base}.order" if position is None else f"{base}.order[{position}]"


class Step(NamedTuple):
    """One dependency of the plan: ``after`` waits for ``before`` (consecutive in an order)."""

    order: Order
    position: int  # of ``after`` in the order
    before: Process
    after: Process

    @property
    def field(self) -> str:
        return self.order.field(self.position)


def _flag(entry: Mapping[str, Any], name: str) -> bool | None:
    value = entry.get(name, False)  # absent only when the job was not interpolated
    return value if isinstance(value, bool) else None


def processes(job: JobView) -> list[Process]:
    """The task's processes that have a name, in the order written."""
    found = []
    listed = job.get("task.processes")
    for index, entry in enumerate(listed if isinstance(listed, list) else []):
        if isinstance(entry, dict) and isinstance(entry.get("name"), str):
            flags = (_flag(entry, flag) for flag in ("daemon", "ephemeral", "final"))
            found.append(Process(index, entry["name"], *flags))
    return found


def orders(job: JobView) -> list[Order]:
    """Every order of the task's constraints (``order()``, SequentialTask, concat_tasks...)."""
    found = []
    listed = job.get("task.constraints")
    for index, entry in enumerate(listed if isinstance(listed, list) else []):
        if not isinstance(entry, dict):
            continue
        names = entry.get("order")
        if names is None:
            found.append(Order(index, (), written=False))
        elif isinstance(names, list) and all(isinstance(name, str) for name in names):
            found.append(Order(index, tuple(names), written=True))
    return found


class Plan:
    """The processes of one task by name, and the orders between them."""

    def __init__(self, job: JobView) -> None:
        self.processes = processes(job)
        self.orders = orders(job)
        # Thermos keys processes by name: the last one listed wins.
        self.by_name = {process.name: process for process in self.processes}
        # A process name with a {{ref}} might become any name: then no name is surely unknown.
        self.certain = not any(has_refs(name) for name in self.by_name)

    def known(self, name: str) -> Process | None:
        return self.by_name.get(name)

    def unknown(self, order: Order) -> list[tuple[int, str]]:
        """Positions and names in ``order`` that surely name no process of the task."""
        if not self.certain:
            return []
        return [
            (position, name)
            for position, name in enumerate(order.names)
            if name not in self.by_name and not has_refs(name)
        ]

    def steps(self) -> Iterator[Step]:
        """The dependencies the planner would build: consecutive known processes of one stage.

        Pairs across stages (final with non-final) or next to an unknown name are errors of
        their own; the dependencies around them still hold once those are fixed.
        """
        for order in self.orders:
            for position in range(1, len(order.names)):
                before = self.known(order.names[position - 1])
                after = self.known(order.names[position])
                if before is None or after is None:
                    continue
                if before.final is None or before.final != after.final:
                    continue
                yield Step(order, position, before, after)

    def cycles(self) -> list[list[Step]]:
        """One cycle of dependencies per strongly connected group of processes."""
        edges: dict[str, dict[str, Step]] = {}
        for step in self.steps():
            edges.setdefault(step.before.name, {}).setdefault(step.after.name, step)
        found = []
        for group in _strongly_connected(edges):
            start = min(group)
            if len(group) == 1 and start not in edges.get(start, {}):
                continue
            found.append(_cycle_through(start, group, edges))
        return found


def _strongly_connected(edges: Mapping[str, Mapping[str, Step]]) -> list[set[str]]:
    """Tarjan's algorithm, iterative: orders from concat_tasks can be long."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[set[str]] = []
    for root in sorted(edges):
        if root in index:
            continue
        work = [(root, iter(sorted(edges.get(root, {}))))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, successors = work[-1]
            for successor in successors:
                if successor not in index:
                    index[successor] = low[successor] = len(index)
                    stack.append(successor)
                    on_stack.add(successor)
                    work.append((successor, iter(sorted(edges.get(successor, {})))))
                    break
                if successor in on_stack:
                    low[node] = min(low[node], index[successor])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    group = set()
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.add(member)
                        if member == node:
                            break
                    groups.append(group)
    return groups


def _cycle_through(start: str, group: set[str], edges: Mapping[str, Mapping[str, Step]]) -> list[Step]:
    """The shortest cycle from ``start`` back to itself inside ``group`` (breadth first)."""
    came_from: dict[str, Step] = {}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for successor, step in sorted(edges.get(node, {}).items()):
                if successor == start:
                    path = [step]
                    while path[0].before.name != start:
                        path.insert(0, came_from[path[0].before.name])
                    return path
                if successor in group and successor not in came_from:
                    came_from[successor] = step
                    following.append(successor)
        frontier = following
    return []  # unreachable for a strongly connected group
