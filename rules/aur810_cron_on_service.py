"""A service job has a cron schedule.

A service (``Service(...)`` or ``service=True``) is restarted whenever it exits; a cron job is
started by the scheduler at set times and runs to completion. A job cannot be both: the
scheduler rejects it ("A service task may not be run on a cron schedule"), and Aurora's client
refuses to ``aurora job create`` a config with a ``cron_schedule`` anyway. An empty
``cron_schedule`` is not a schedule for the scheduler and is not reported here, nor is one
still holding an unbound ``{{ref}}``.

Options:
    none

Bad::

    jobs = [job(name='cleanup', cron_schedule='0 3 * * *')]  # expect: AUR810

Good::

    jobs = [Job(cluster='devcluster', role='www-data', environment='prod', name='cleanup',
                task=task, cron_schedule='0 3 * * *')]
"""

from __future__ import annotations

from collections.abc import Iterator

from auroralint import Finding, JobView, Options, job_rule
from auroralint.rules._scheduler import text


@job_rule("AUR810", "cron-on-service", "error")
def check(job: JobView, options: Options) -> Iterator[Finding]:
    # The scheduler takes an empty schedule for none; a {{ref}} might still become one.
    schedule = text(job, "cron_schedule")
    if job.get("service") is not True or not schedule:
        return
    yield Finding(
        f"a service job cannot run on a cron schedule ({schedule!r}): the scheduler rejects it "
        "(A service task may not be run on a cron schedule)",
        field="cron_schedule",
        hint="use Job(...) with service=False for a cron job, or remove cron_schedule",
    )
