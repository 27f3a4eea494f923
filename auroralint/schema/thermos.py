"""The Thermos part of Aurora 0.22's config namespace: processes, tasks, resources and helpers.

Written for auroralint from the field tables in Aurora's documentation; names, types and
defaults match Aurora's so that a config evaluates to the same JSON.
"""

# pystachio is untyped; this module is part of the typed boundary around it.
# mypy: disable-error-code="misc,valid-type,no-untyped-call,no-untyped-def"

from __future__ import annotations

import itertools
from collections.abc import Iterable
from typing import Any

import auroralint._pystachio  # noqa: F401 - imports pystachio without pprint

# isort: split
from pystachio import (
    Boolean,
    Default,
    Empty,
    Enum,
    Float,
    Integer,
    List,
    Map,
    Required,
    String,
    Struct,
)

BYTES = 1
KB = 1024 * BYTES
MB = 1024 * KB
GB = 1024 * MB
TB = 1024 * GB

LoggerDestination = Enum("file", "console", "both", "none")
LoggerMode = Enum("standard", "rotate")


class RotatePolicy(Struct):
    log_size = Default(Integer, 100 * MB)
    backups = Default(Integer, 5)


class Logger(Struct):
    destination = Default(LoggerDestination, LoggerDestination("file"))
    mode = Default(LoggerMode, LoggerMode("standard"))
    rotate = RotatePolicy


class Resources(Struct):
    cpu = Required(Float)
    ram = Required(Integer)
    disk = Required(Integer)
    gpu = Default(Integer, 0)


class Constraint(Struct):
    order = List(String)


class Process(Struct):
    cmdline = Required(String)
    name = Required(String)
    resources = Resources
    max_failures = Default(Integer, 1)
    daemon = Default(Boolean, False)
    ephemeral = Default(Boolean, False)
    min_duration = Default(Integer, 5)
    final = Default(Boolean, False)
    logger = Default(Logger, Empty)


class Task(Struct):
    name = Default(String, "{{processes[0].name}}")
    processes = List(Process)
    constraints = Default(List(Constraint), [])
    resources = Resources
    max_failures = Default(Integer, 1)
    max_concurrency = Default(Integer, 0)
    finalization_wait = Default(Integer, 30)
    user = String


class ThermosContext(Struct):
    ports = Map(String, Integer)
    task_id = String
    user = String


def _value_or_zero(value: Any) -> Any:
    return 0 if value is Empty else value.get()


class Units:
    """Arithmetic over resources and task parts, used by the task combinators."""

    @classmethod
    def safe_get(cls, value: Any) -> Any:
        return _value_or_zero(value)

    @classmethod
    def optional_resources(cls, resources: Any) -> Any:
        return Resources() if resources is Empty else resources

    @classmethod
    def _combine(cls, resources: Iterable[Any], pick: Any) -> Any:
        total = Resources(cpu=0, ram=0, disk=0)
        for item in map(cls.optional_resources, resources):
            total = Resources(
                **{
                    dimension: pick(
                        _value_or_zero(getattr(total, dimension)()),
                        _value_or_zero(getattr(item, dimension)()),
                    )
                    for dimension in ("cpu", "ram", "disk")
                }
            )
        return total

    @classmethod
    def resources_sum(cls, *resources: Any) -> Any:
        return cls._combine(resources, lambda a, b: a + b)

    @classmethod
    def resources_max(cls, resources: Iterable[Any]) -> Any:
        return cls._combine(resources, max)

    @classmethod
    def finalization_wait_sum(cls, waits: Iterable[Any]) -> int:
        return sum(_value_or_zero(wait) for wait in waits)

    @classmethod
    def finalization_wait_max(cls, waits: Iterable[Any]) -> int:
        return max([_value_or_zero(wait) for wait in waits] + [0])

    @classmethod
    def processes_merge(cls, tasks: Iterable[Any]) -> list[Any]:
        # Aurora merges through a set; we keep first-seen order so results are reproducible.
        return _unique(itertools.chain.from_iterable(task.processes() for task in tasks))

    @classmethod
    def constraints_merge(cls, tasks: Iterable[Any]) -> list[Any]:
        return _unique(itertools.chain.from_iterable(task.constraints() for task in tasks))


def _unique(items: Iterable[Any]) -> list[Any]:
    seen: dict[Any, None] = {}
    for item in items:
        seen.setdefault(item, None)
    return list(seen)


class Processes:
    @classmethod
    def _process_name(cls, process: Any) -> Any:
        if isinstance(process, Process):
            return process.name()
        if isinstance(process, str):
            return process
        raise ValueError(f"Unknown value for process order: {process!r}")

    @classmethod
    def order(cls, *processes: Any) -> list[Any]:
        """``order(a, b, c)`` is ``[Constraint(order=['a', 'b', 'c'])]``; orders concatenate."""
        return [Constraint(order=[cls._process_name(process) for process in processes])]


class Tasks:
    SIMPLE_CPU = 1.0
    SIMPLE_RAM = 1 * GB
    SIMPLE_DISK = 1 * GB

    @classmethod
    def _merged(cls, tasks: tuple[Any, ...]) -> Any:
        # The last task is the base: its name and limits carry over.
        return tasks[-1](processes=Units.processes_merge(tasks))

    @classmethod
    def combine(cls, *tasks: Any, **overrides: Any) -> Any:
        """Run the processes of all tasks in parallel."""
        if not tasks:
            return Task()
        return cls._merged(tasks)(
            resources=Units.resources_sum(*(task.resources() for task in tasks)),
            constraints=Units.constraints_merge(tasks),
            finalization_wait=Units.finalization_wait_max(
                task.finalization_wait() for task in tasks
            ),
            **overrides,
        )

    @classmethod
    def concat(cls, *tasks: Any, **overrides: Any) -> Any:
        """Run the processes of each task only after all processes of the previous task."""
        if not tasks:
            return Task()
        constraints = Units.constraints_merge(tasks)
        for before, after in zip(tasks, tasks[1:]):
            for first in before.processes():
                for second in after.processes():
                    if first != second:
                        constraints.extend(Processes.order(first, second))
        return cls._merged(tasks)(
            resources=Units.resources_max(task.resources() for task in tasks),
            finalization_wait=Units.finalization_wait_sum(
                task.finalization_wait() for task in tasks
            ),
            constraints=constraints,
            **overrides,
        )

    @classmethod
    def simple(cls, name: Any, command: Any) -> Any:
        return Task(
            name=name,
            processes=[Process(name=name, cmdline=command)],
            resources=Resources(cpu=cls.SIMPLE_CPU, ram=cls.SIMPLE_RAM, disk=cls.SIMPLE_DISK),
        )

    @classmethod
    def sequential(cls, task: Any) -> Any:
        constraints = task.constraints()
        if constraints is not Empty and constraints.get():
            raise ValueError("Cannot turn a Task with existing constraints into a SequentialTask!")
        processes = task.processes()
        if processes is Empty:
            return task
        return task(constraints=Processes.order(*processes))


class Options:
    """Render command-line options: strings, dicts (order kept) and keyword arguments."""

    @classmethod
    def render_option(
        cls, short_prefix: str, long_prefix: str, option: str, value: Any = None
    ) -> str:
        flag = (short_prefix if len(option) == 1 else long_prefix) + option
        return f"{flag} {value}" if value else flag

    @classmethod
    def render_options(
        cls, short_prefix: str, long_prefix: str, *options: Any, **kw_options: Any
    ) -> list[str]:
        rendered = []
        for option in options:
            if isinstance(option, str):
                rendered.append(cls.render_option(short_prefix, long_prefix, option))
            elif isinstance(option, dict):
                rendered.extend(
                    cls.render_option(short_prefix, long_prefix, key, value)
                    for key, value in option.items()
                )
            else:
                raise ValueError(f"Got an unexpected argument to render_options: {option!r}")
        rendered.extend(
            cls.render_option(short_prefix, long_prefix, key, value)
            for key, value in kw_options.items()
        )
        return rendered

    @classmethod
    def java(cls, *options: Any, **kw_options: Any) -> str:
        return " ".join(cls.render_options("-", "-", *options, **kw_options))

    @classmethod
    def python(cls, *options: Any, **kw_options: Any) -> str:
        return " ".join(cls.render_options("-", "--", *options, **kw_options))


def SimpleTask(name: Any, command: Any) -> Any:  # noqa: N802 - Aurora's DSL name
    return Tasks.simple(name, command)


def SequentialTask(*args: Any, **kw: Any) -> Any:  # noqa: N802 - Aurora's DSL name
    return Tasks.sequential(Task(*args, **kw))


order = Processes.order
combine_tasks = Tasks.combine
concat_tasks = Tasks.concat
java_options = Options.java
python_options = Options.python
