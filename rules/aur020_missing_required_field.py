"""A field the schema marks Required is not set.

Aurora refuses the job: ``Cluster required for job "hello"`` for the job's cluster, task and
role, ``MesosJob[environment] is required.`` for the others, and only the cryptic
``'NoneType' object has no attribute 'ok'`` when the struct missing the field sits in a Choice
field (``container``, ``sla_policy``, ``update_strategy``). Aurora names the first missing
field; this rule names every one, each where its struct was built. A ``Docker`` without an
image is ``docker-image-missing``'s.

Options:
    none

Bad::

    sla = CountSlaPolicy(count=18)  # expect: AUR020
    jobs = [job(instances=20, sla_policy=sla)]

Good::

    sla = CountSlaPolicy(count=18, duration_secs=1800)
    jobs = [job(instances=20, sla_policy=sla)]
"""

from __future__ import annotations

from collections.abc import Iterator

from auroralint import Finding, JobView, Options, job_rule
from auroralint.rules._containers import (
    CHOICE_CRASH,
    covers,
    field_name,
    owned_fields,
    under_choice,
)

_CHECKED_FIRST = ("cluster", "task", "role")  # AuroraConfig checks these before the type check


def _aurora_says(job: JobView, field: str, struct: str, attribute: str) -> str:
    if under_choice(field):
        return f"; {CHOICE_CRASH}"
    if field in _CHECKED_FIRST:
        name = job.get("name")
        named = f' for job "{name}"' if isinstance(name, str) and "{{" not in name else ""
        return f" (Aurora: {field.capitalize()} required{named})"
    return f" (Aurora: {'MesosJob' if struct == 'Job' else struct}[{attribute}] is required.)"


@job_rule("AUR020", "missing-required-field", "error")
def check(job: JobView, options: Options) -> Iterator[Finding]:
    owned = owned_fields(job)  # Docker.image, misplaced images: the container rules say more
    for problem in job.type_errors():
        if not problem.missing or any(covers(field, problem.field) for field in owned):
            continue
        shown = field_name(job, problem.field)
        struct, _, attribute = shown.rpartition(".")
        says = _aurora_says(job, problem.field, struct, attribute)
        where = "on the job" if struct == "Job" else f"in {struct}(...)"
        yield Finding(f"{shown} is required but not set{says}",
                      field=problem.field, hint=f"set {attribute}=... {where}")  # fmt: skip
