"""The names an ``.aurora`` file sees, exactly as Aurora 0.22's loader puts them in scope."""

from __future__ import annotations

import types
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from functools import cache
from typing import Any

# pystachio's public API and the modules that ``from pystachio import *`` leaks into scope.
_PYSTACHIO_NAMES = (
    "Boolean", "Choice", "Default", "Empty", "Enum", "Environment", "Float", "Integer", "List",
    "Map", "MustacheParser", "Namable", "Ref", "Required", "String", "Struct", "Type",
    "TypeCheck", "TypeFactory",
)  # fmt: skip
_PYSTACHIO_MODULES = (
    "base", "basic", "choice", "composite", "container", "naming", "parsing", "typing",
)  # fmt: skip
_THERMOS_NAMES = (
    "BYTES", "KB", "MB", "GB", "TB", "Constraint", "Logger", "LoggerDestination", "LoggerMode",
    "Options", "Process", "Processes", "Resources", "RotatePolicy", "SequentialTask",
    "SimpleTask", "Task", "Tasks", "ThermosContext", "Units", "combine_tasks", "concat_tasks",
    "java_options", "order", "python_options",
)  # fmt: skip
_AURORA_NAMES = (
    "AURORA_EXECUTOR_NAME", "Announcer", "AppcImage", "BatchUpdateStrategy", "Container",
    "CoordinatorSlaPolicy", "CountSlaPolicy", "DefaultHealthChecker", "DefaultLifecycleConfig",
    "DisableLifecycle", "Docker", "DockerImage", "ExecutorConfig", "HealthCheckConfig",
    "HealthCheckerConfig", "HttpHealthChecker", "HttpLifecycleConfig", "Job", "LifecycleConfig",
    "Mesos", "MesosContext", "MesosJob", "MesosTaskInstance", "Metadata", "Mode", "Parameter",
    "PartitionPolicy", "PercentageSlaPolicy", "QueueUpdateStrategy", "Service",
    "ShellHealthChecker", "UpdateConfig", "VariableBatchUpdateStrategy", "Volume",
)  # fmt: skip


@contextmanager
def _one_type_table() -> Iterator[None]:
    """Let pystachio build each schema type once while the schema modules are created.

    pystachio builds every struct from a serialized description with a fresh type table, so
    each struct that mentions ``Task`` rebuilds ``Task``, ``Process``, ``Resources``... with
    it. Sharing one table makes those copies the same classes (pystachio compares types by
    name and parameters, so nothing else changes) and roughly halves the schema's import time,
    which every pre-commit run pays.
    """
    from pystachio.typing import TypeFactory

    new = TypeFactory.new
    table: dict[Any, Any] = {}

    def shared(type_dict: dict[Any, Any], *arguments: Any, **keywords: Any) -> Any:
        return new(table if type_dict == {} else type_dict, *arguments, **keywords)

    TypeFactory.new = staticmethod(shared)  # type: ignore[method-assign]
    try:
        yield
    finally:
        TypeFactory.new = staticmethod(new)  # type: ignore[method-assign]


@cache
def _namespace() -> Mapping[str, Any]:
    import sys

    import pystachio

    with _one_type_table():
        from auroralint.schema import aurora, thermos

    names: dict[str, Any] = {"sys": sys}
    names.update((name, getattr(pystachio, name)) for name in _PYSTACHIO_NAMES)
    names.update((name, sys.modules[f"pystachio.{name}"]) for name in _PYSTACHIO_MODULES)
    names.update((name, getattr(thermos, name)) for name in _THERMOS_NAMES)
    names.update((name, getattr(aurora, name)) for name in _AURORA_NAMES)
    return types.MappingProxyType(names)


def base_namespace() -> dict[str, Any]:
    """A fresh copy of the schema names; the loader adds ``include`` itself."""
    return dict(_namespace())


def is_job(value: Any) -> bool:
    from auroralint.schema.aurora import Job

    return isinstance(value, Job)


@cache
def dsl_names() -> Mapping[str, str]:
    """pystachio's generated type names (``Enum_RO_RW``) mapped to the names configs use."""
    names: dict[str, str] = {}
    for name, value in _namespace().items():
        type_name = getattr(value, "__name__", None)
        if isinstance(value, type) and type_name and type_name != name:
            names.setdefault(type_name, name)
    return types.MappingProxyType(names)
