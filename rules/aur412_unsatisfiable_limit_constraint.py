"""A ``limit:0`` constraint means no instance of the job can ever be placed.

``{'rack': 'limit:N'}`` lets at most N of the job's instances run on hosts sharing one value
of the attribute. With N = 0 (or a negative N) every host is vetoed ("Limit not satisfied"):
the scheduler accepts the job, and its tasks stay PENDING forever. The ``dedicated``
constraint is left to ``invalid-dedicated-constraint``, which rejects any limit there.

Options:
    none

Bad::

    jobs = [job(constraints={'rack': 'limit:0'})]  # expect: AUR412

Good::

    jobs = [job(constraints={'rack': 'limit:1'})]
"""

from __future__ import annotations

from collections.abc import Iterator

from auroralint import Finding, JobView, Options, job_rule
from auroralint.rules._scheduler import constraints


@job_rule("AUR412", "unsatisfiable-limit-constraint", "warning")
def check(job: JobView, options: Options) -> Iterator[Finding]:
    for entry in constraints(job):
        maximum = entry.constraint.maximum
        if entry.name != "dedicated" and maximum is not None and maximum <= 0:
            yield Finding(f"constraint {entry.name!r}: {entry.value!r} allows no instance on any "
                          f"host, so the job's tasks will stay PENDING", field=entry.field,
                          hint="use limit:1 or more, or remove the constraint")  # fmt: skip
