"""What Aurora's client and scheduler check when a job is submitted, shared by the AUR4xx-6xx rules.

Values are read defensively: a field that is unset, of an unexpected type or still holding an
unbound ``{{ref}}`` gives ``None``, and rules stay silent on it. Cluster-dependent checks read
the job's :class:`~auroralint.context.ClusterProfile`; :func:`by_profile` turns a violation
into an error when the user described the cluster, and into a warning naming Aurora's default
scheduler flag when the linter only assumes Aurora's defaults.
"""


import re
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from auroralint import Finding, JobView
from auroralint.context import Tier
from auroralint.patterns import lazy_pattern
from auroralint.suggest import closest

AURORA_EXECUTOR = "AuroraExecutor"
MAX_IDENTIFIER = 255
# Aurora's GOOD_IDENTIFIER_PATTERN, ^[\w\-\.]+$, with Java's (and Python 2's) ASCII \w.
_IDENTIFIER_CHARACTER = lazy_pattern(r"[\w\-.]", re.ASCII)
# What Python 2's int() accepts, as the client parses "limit:N" (no 1_000, unlike Python 3).
_INTEGER = lazy_pattern(r"\s*[+-]?\d+\s*", re.ASCII)
_KiB = 1024
_MiB = 1024 * _KiB
_GiB = 1024 * _MiB


def text(job: JobView, path: str) -> str | None:
    """The string at ``path``, or None when unset, not a string, or holding a ``{{ref}}``."""
    value = job.get(path)
    return value if isinstance(value, str) and "{{" not in value else None


def integer(job: JobView, path: str) -> int | None:
    """The integer at ``path``; None for unset fields, booleans, floats and ``'{{refs}}'``."""
    value = job.get(path)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def number(job: JobView, path: str) -> float | None:
    value = job.get(path)
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def identifier_problem(value: str) -> str:
    """Why ``value`` cannot be a role, environment or job name, or ``""`` when it can."""
    if not value:
        return "is empty"
    bad = "".join(dict.fromkeys(c for c in value if not _IDENTIFIER_CHARACTER.fullmatch(c)))
    if bad:
        shown = ", ".join(repr(c) for c in bad)
        return f"contains {shown}: only ASCII letters, digits, '_', '-' and '.' are allowed"
    if len(value) > MAX_IDENTIFIER:
        return f"is {len(value)} characters long: the scheduler allows at most {MAX_IDENTIFIER}"
    return ""


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """``" (did you mean 'x'?)"`` for a close match, else ``""``."""
    close = closest(word, choices, cutoff=0.8)
    return f" (did you mean {close!r}?)" if close else ""


def readable_bytes(value: int) -> str:
    """``512 KiB`` for whole units, else the exact byte count: truncation is the point."""
    for unit, size in (("GiB", _GiB), ("MiB", _MiB), ("KiB", _KiB)):
        if value and value % size == 0:
            return f"{value // size} {unit}"
    return f"{value} bytes"


class TierChoice(NamedTuple):
    """The tier a job runs in, and how it was chosen."""

    name: str
    tier: Tier | None  # None: the cluster's profile has no tier of that name
    written: bool  # the job sets ``tier``; False: the client picked it from ``production``


def production_tier(job: JobView) -> str | None:
    """The first production tier of the job's cluster (``preferred`` with Aurora's tiers)."""
    return next((name for name, tier in job.profile.tiers.items() if tier.production), None)


def resolve_tier(job: JobView) -> TierChoice | None:
    """The tier the scheduler will see, as Aurora's client backfills it; None when unknowable.

    With ``tier`` unset the client takes the first tier that is not revocable and whose
    preemptibility is the opposite of ``production`` (so ``production=True`` gives the first
    production tier, ``False`` the first preemptible one), else the cluster's default tier.
    """
    profile = job.profile
    if job.has("tier"):
        name = text(job, "tier")
        return TierChoice(name, profile.tiers.get(name), True) if name is not None else None
    production = job.get("production", False)
    if not isinstance(production, bool):
        return None
    for name, tier in profile.tiers.items():
        if tier.preemptible != production and not tier.revocable:
            return TierChoice(name, tier, False)
    return TierChoice(profile.default_tier, profile.tiers.get(profile.default_tier), False)


class Constraint(NamedTuple):
    """A ``constraints`` value as Aurora's client converts it."""

    limit: bool  # ``limit:N``; otherwise a value constraint
    maximum: int | None  # N of a limit constraint, None when N is not an integer
    negated: bool  # a value constraint with a leading ``!``
    values: tuple[str, ...]  # a value constraint's distinct comma-separated values


def parse_constraint(value: str) -> Constraint:
    if value.startswith("limit:"):
        count = value[len("limit:") :]
        return Constraint(True, int(count) if _INTEGER.fullmatch(count) else None, False, ())
    negated = value.startswith("!")
    # The client sends the values as a set: repeated values collapse into one.
    values = tuple(dict.fromkeys((value[1:] if negated else value).split(",")))
    return Constraint(False, None, negated, values)


class Entry(NamedTuple):
    name: str  # the host attribute
    value: str  # as written (interpolated)
    constraint: Constraint
    field: str  # ``constraints[name]``


def constraints(job: JobView) -> Iterator[Entry]:
    """The ``constraints`` entries that are plain text, parsed as the client parses them."""
    table = job.get("constraints")
    if not isinstance(table, dict):
        return
    for name, value in table.items():
        if isinstance(name, str) and isinstance(value, str) and "{{" not in value:
            # A name with brackets cannot be addressed inside the map: point at the map.
            field = f"constraints[{name}]" if "[" not in name and "]" not in name else "constraints"
            yield Entry(name, value, parse_constraint(value), field)


def dedicated(job: JobView) -> bool:
    """Whether the job asks for dedicated hosts: a ``dedicated`` key in ``constraints``.

    Aurora's client looks at the key only, so a value still holding a ``{{ref}}`` counts.
    """
    table = job.get("constraints")
    return isinstance(table, dict) and "dedicated" in table


def by_profile(job: JobView, message: str, setting: str, default: str, field: str = "",
               hint: str = "") -> Finding:  # fmt: skip
    """A finding about a scheduler flag: an error against a described cluster, else a warning.

    ``setting`` shows the profile's value (``allowed_container_types = mesos``), ``default``
    the scheduler flag Aurora ships with (``-allowed_container_types=MESOS``).
    """
    cluster = job.get("cluster")
    name = cluster if isinstance(cluster, str) else "<cluster>"
    if job.profile.configured:
        return Finding(f"{message}, which cluster {name!r} does not allow ({setting})", field,
                       hint, severity="error")  # fmt: skip
    extra = f"if cluster {name!r} allows it, describe it in [tool.auroralint.clusters.{name}]"
    return Finding(f"{message}: Aurora's default scheduler ({default}) would reject it", field,
                   f"{hint}; {extra}" if hint else extra, severity="warning")  # fmt: skip


def docker_path(job: JobView) -> str | None:
    """Where the job's Docker struct is: ``container`` or the deprecated ``container.docker``."""
    if job.kind("container") == "Docker":
        return "container"
    if job.kind("container") == "Container" and job.kind("container.docker") == "Docker":
        return "container.docker"
    return None
