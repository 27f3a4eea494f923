"""A job asks for the ``RUN_OVERLAP`` cron collision policy, which the scheduler removed.

``cron_collision_policy`` says what happens when a cron run is due while the previous one is
still running. ``RUN_OVERLAP`` (start another copy) was removed from the scheduler (AURORA-38):
the client still accepts it, but ``aurora cron schedule`` fails with "The RUN_OVERLAP collision
policy has been removed". On a job without ``cron_schedule`` the policy has no effect yet, so
it is reported as a warning there.

Options:
    none

Bad::

    jobs = [Job(cluster='devcluster', role='www-data', environment='prod', name='report',
                task=task, cron_schedule='*/10 * * * *',
                cron_collision_policy='RUN_OVERLAP')]  # expect: AUR812

Good::

    jobs = [Job(cluster='devcluster', role='www-data', environment='prod', name='report',
                task=task, cron_schedule='*/10 * * * *',
                cron_collision_policy='CANCEL_NEW')]
"""

from __future__ import annotations

from collections.abc import Iterator

from auroralint import Finding, JobView, Options, job_rule
from auroralint.rules._scheduler import text


@job_rule("AUR812", "run-overlap-collision-policy", "error")
def check(job: JobView, options: Options) -> Iterator[Finding]:
    policy = text(job, "cron_collision_policy")
    # The client reads the policy case-insensitively.
    if policy is None or policy.upper() != "RUN_OVERLAP":
        return
    schedule = job.get("cron_schedule")
    cron = isinstance(schedule, str) and schedule != ""
    effect = "the scheduler rejects it"
    if not cron:
        effect = "it has no effect without a cron_schedule, but the scheduler rejects it once " \
                 "the job gets one"  # fmt: skip
    yield Finding(
        f"cron_collision_policy {policy!r} was removed from Aurora's scheduler (AURORA-38): "
        f"{effect}",
        field="cron_collision_policy",
        hint="use 'KILL_EXISTING' (the default: stop the running copy) or 'CANCEL_NEW' (skip "
             "the new run)",
        severity=None if cron else "warning",
    )  # fmt: skip
