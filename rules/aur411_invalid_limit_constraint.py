"""A ``limit:`` constraint does not give an integer.

A constraint value starting ``limit:`` caps how many of the job's instances share one value of
the host attribute (``{'host': 'limit:1'}``: one instance per host). Aurora's client converts
the rest with Python's ``int()``; anything else (``limit:one``, ``limit:1.5``, ``limit:``)
makes it print "... is not a valid limit value, must be integer" and fail with a raw
``ValueError`` before the job reaches the scheduler.

Options:
    none

Bad::

    jobs = [job(constraints={'host': 'limit:one'})]  # expect: AUR411

Good::

    jobs = [job(constraints={'host': 'limit:1'})]
"""

from __future__ import annotations

from collections.abc import Iterator

from auroralint import Finding, JobView, Options, job_rule
from auroralint.rules._scheduler import constraints


@job_rule("AUR411", "invalid-limit-constraint", "error")
def check(job: JobView, options: Options) -> Iterator[Finding]:
    for entry in constraints(job):
        if entry.constraint.limit and entry.constraint.maximum is None:
            yield Finding(f"constraint {entry.name!r}: {entry.value!r} is not a valid limit, the "
                          f"client needs an integer after 'limit:'", field=entry.field,
                          hint="write 'limit:N' with a whole number N, like 'limit:1'")  # fmt: skip
