"""The ``dedicated`` constraint is not one the scheduler accepts for this job.

Hosts an operator dedicates carry a ``dedicated`` attribute such as ``www-data/hello``, and
only jobs with a matching ``constraints={'dedicated': ...}`` are placed on them. The scheduler
checks that constraint on submission: it must be a value, not ``limit:N`` ("A dedicated
constraint must be of value type."); exactly one value, so no comma ("A dedicated constraint
must have exactly one value"); and the role part (before the first ``/``, after an optional
``!``) must be ``*`` or the job's own role ("Only <role> may use hosts dedicated for that
role.").

Options:
    none

Bad::

    jobs = [job(constraints={'dedicated': 'search/hello'})]  # expect: AUR410

Good::

    jobs = [job(constraints={'dedicated': 'www-data/hello'})]
"""

from __future__ import annotations

from collections.abc import Iterator

from auroralint import Finding, JobView, Options, job_rule
from auroralint.rules._scheduler import constraints, text


@job_rule("AUR410", "invalid-dedicated-constraint", "error")
def check(job: JobView, options: Options) -> Iterator[Finding]:
    for entry in constraints(job):
        if entry.name != "dedicated":
            continue
        parsed, shown = entry.constraint, repr(entry.value)
        if parsed.limit:
            yield Finding(f"dedicated constraint {shown} is a limit: the scheduler accepts only a "
                          f"value constraint", field=entry.field,
                          hint="name the dedicated hosts: 'dedicated': '<role>/<name>'")  # fmt: skip
        elif len(parsed.values) != 1:
            yield Finding(f"dedicated constraint {shown} lists {len(parsed.values)} values: the "
                          f"scheduler accepts exactly one", field=entry.field,
                          hint="keep one '<role>/<name>' value")  # fmt: skip
        else:
            owner, _, group = parsed.values[0].partition("/")
            role = text(job, "role")
            if role is not None and owner not in ("*", role):
                yield Finding(f"dedicated constraint {shown} is for role {owner!r}: only {owner!r} "
                              f"may use hosts dedicated for that role, and this job's role is "
                              f"{role!r}", field=entry.field,
                              hint=f"use '{role}/{group or '<name>'}' or '*/{group or '<name>'}'")  # fmt: skip
