"""A job as rules see it: plain values after client-side interpolation, addressed by field path.

``prepare`` applies ``--bind`` values and the client's legacy aliases and interpolates once;
``JobView`` answers rules in plain Python values, so rules never touch pystachio.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import cached_property
from typing import Any

from auroralint import model, refs, typecheck
from auroralint.context import Cluster, ClusterProfile, RunContext

MISSING = "{MISSING}"


class BindingError(ValueError):
    pass


def parse_binding(text: str) -> tuple[str, str]:
    """``name=value`` as ``aurora job create --bind`` takes it."""
    from pystachio import Ref

    name, sep, value = text.partition("=")
    if not sep:
        raise BindingError(f"binding {text!r} must be formatted name=value")
    try:
        Ref.from_address(name)
    except Ref.InvalidRefError:
        raise BindingError(f"could not parse binding name {name!r} in {text!r}") from None
    return name, value


class PreparedJob:
    """One job of a config with the client's bindings applied, interpolated once."""

    def __init__(self, index: int, raw: Any, bound: Any) -> None:
        self.index = index
        self.raw = raw
        self.bound = bound
        self.interpolated: Any = None
        # When the whole job cannot be interpolated: every field that can be, interpolated,
        # the others as written, so one bad value does not hide the rest of the job.
        self.partial: Any = None
        self.unbound: tuple[str, ...] = ()
        self.error: Exception | None = None

    @property
    def current(self) -> Any:
        """The interpolated job, else as much of it as could be interpolated."""
        if self.interpolated is not None:
            return self.interpolated
        return self.partial if self.partial is not None else self.bound

    @cached_property
    def data(self) -> Any:
        return model.plain(self.current)

    @cached_property
    def key(self) -> str:
        values = self.data if isinstance(self.data, dict) else {}
        parts = [values.get(part, MISSING) for part in ("cluster", "role", "environment", "name")]
        return "/".join(str(part) for part in parts)


def prepare(index: int, raw: Any, bindings: Sequence[tuple[str, str]]) -> PreparedJob:
    # As Aurora's client: --bind when the job is picked, the legacy aliases after it (the most
    # recent binding wins, so `--bind mesos.role=x` cannot override the alias).
    bound = raw.bind({name: value for name, value in bindings}) if bindings else raw
    bound = bound.bind(**model.LEGACY_ALIASES)
    job = PreparedJob(index, raw, bound)
    # pystachio raises its own errors (a bad ref, a ref cycle, an uncoercible value), and a
    # config's own object in a field runs its own code while coerced (its __str__), which may
    # raise anything: either way the job cannot be interpolated.
    failures = (Exception,)
    try:
        interpolated, refs = bound.interpolate()
        job.interpolated = interpolated
    except failures as error:
        job.error = error
        job.partial, refs = model.interpolate_fields(bound, failures)
    job.unbound = tuple(sorted({ref.address() for ref in refs}))
    return job


Explicit = Callable[[str], bool]


class JobView:
    """Read-only, typed access to one job for rules."""

    def __init__(self, job: PreparedJob, context: RunContext, explicit: Explicit) -> None:
        self._job = job
        self._explicit = explicit
        self.context = context

    @property
    def index(self) -> int:
        return self._job.index

    @property
    def key(self) -> str:
        return self._job.key

    @property
    def interpolated(self) -> bool:
        """False when the job could not be interpolated as a whole: then each field that could
        be is interpolated, and the others are as written."""
        return self._job.interpolated is not None

    @property
    def interpolation_error(self) -> str:
        from auroralint.errortext import shown

        return shown(self._job.error, str) if self._job.error is not None else ""

    @property
    def data(self) -> Mapping[str, Any]:
        data = self._job.data
        return data if isinstance(data, dict) else {}

    def get(self, path: str, default: Any = None) -> Any:
        """The plain value at ``path`` (``task.processes[0].name``), or ``default`` when unset."""
        value: Any = self.data
        for component in model.split(path):
            if isinstance(value, dict) and component in value:
                value = value[component]
            elif isinstance(value, list) and component.isdigit() and int(component) < len(value):
                value = value[int(component)]
            else:
                return default
        return value

    def has(self, path: str) -> bool:
        sentinel = object()
        return self.get(path, sentinel) is not sentinel

    def kind(self, path: str) -> str | None:
        """The schema type at ``path`` (``Docker``, ``Mesos``, ``DockerImage``...), if a struct."""
        return self._kinds.get(path)

    def explicit(self, path: str) -> bool:
        """Whether the config set ``path`` itself rather than leaving a schema default."""
        return self._explicit(path)

    @cached_property
    def _kinds(self) -> dict[str, str]:
        return model.struct_kinds(self._job.current)

    # Several rules ask the same questions of a job: each answer is computed once, as a tuple.
    @cached_property
    def _unbound_refs(self) -> tuple[refs.UnboundRef, ...]:
        job = self._job
        done = job.interpolated if job.interpolated is not None else job.partial
        return tuple(refs.unbound_refs(job.bound, done, job.unbound)) if done is not None else ()

    @cached_property
    def _raw_strings(self) -> tuple[tuple[str, str], ...]:
        return tuple(model.text_leaves(self._job.bound))

    @cached_property
    def _type_errors(self) -> tuple[typecheck.TypeProblem, ...]:
        return tuple(typecheck.type_problems(self._job.bound, self._job.interpolated))

    def unbound_refs(self) -> tuple[refs.UnboundRef, ...]:
        """Refs left unbound by the client's interpolation, each with the field holding it."""
        return self._unbound_refs

    def raw_strings(self) -> tuple[tuple[str, str], ...]:
        """Every text value as written, before interpolation."""
        return self._raw_strings

    def struct_ref(self, field: str, address: str) -> refs.StructRef | None:
        """For a ref left unbound in ``field``: the struct that its longest resolvable prefix
        names (the job's own fields, a struct bound with ``.bind(profile=...)``), if any."""
        return refs.struct_ref(self._job.bound, field, address)

    def names_in_scope(self, field: str) -> list[str]:
        """The addresses a ``{{ref}}`` in ``field`` can use: the fields of the enclosing structs,
        bindings (``.bind()``, ``--bind``, the client's aliases) and bound structs' fields."""
        return refs.names_at(self._job.bound, field)

    def type_errors(self) -> tuple[typecheck.TypeProblem, ...]:
        """Every field failing the schema's type check (pystachio stops at the first)."""
        return self._type_errors

    @property
    def cluster(self) -> Cluster | None:
        clusters = self.context.clusters
        name = self.get("cluster")
        return clusters.get(name) if clusters is not None and isinstance(name, str) else None

    @property
    def profile(self) -> ClusterProfile:
        name = self.get("cluster")
        return self.context.profile(name if isinstance(name, str) else "")


