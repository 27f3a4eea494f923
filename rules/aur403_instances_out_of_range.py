"""The job asks for fewer than one instance, or more than the scheduler allows per job.

Aurora's client passes ``instances`` through unchecked; the scheduler refuses a count below one
("Instance count must be positive.") and one above its ``-max_tasks_per_job`` flag, 4000 by
default ("Instance count must be between 1 and 4000 inclusive."). A cluster profile's
``max_tasks_per_job`` replaces the default. Counts still written as ``{{refs}}`` are skipped.

Options:
    none

Bad::

    jobs = [job(instances=0)]  # expect: AUR403

Good::

    jobs = [job(instances=3)]
"""

from __future__ import annotations

from collections.abc import Iterator

from auroralint import Finding, JobView, Options, job_rule
from auroralint.rules._scheduler import integer


@job_rule("AUR403", "instances-out-of-range", "error")
def check(job: JobView, options: Options) -> Iterator[Finding]:
    instances = integer(job, "instances")
    limit = job.profile.max_tasks_per_job
    if instances is None:
        return
    if instances < 1:
        yield Finding(f"instances is {instances}: the scheduler needs at least one instance",
                      field="instances", hint="set instances=1 or more")  # fmt: skip
    elif instances > limit:
        where = (f"cluster {job.get('cluster')!r}" if job.profile.configured
                 else "Aurora's scheduler (-max_tasks_per_job default)")  # fmt: skip
        yield Finding(f"instances is {instances}: {where} allows at most {limit} instances per job",
                      field="instances", hint=f"split the job, or ask for at most {limit}")  # fmt: skip
