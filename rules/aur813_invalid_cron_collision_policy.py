"""``cron_collision_policy`` is not one of Aurora's policies.

Aurora's client turns ``cron_collision_policy`` into the scheduler's enum for every job, cron
or not, reading it case-insensitively: only ``KILL_EXISTING`` (the default), ``CANCEL_NEW`` and
the removed ``RUN_OVERLAP`` (see ``run-overlap-collision-policy``) are known. Anything else,
including surrounding spaces, fails the whole config ("Invalid ... CronCollisionPolicy type").

Options:
    none

Bad::

    jobs = [job(cron_collision_policy='KILL')]  # expect: AUR813

Good::

    jobs = [job(cron_collision_policy='kill_existing')]
"""

from __future__ import annotations

from collections.abc import Iterator

from auroralint import Finding, JobView, Options, job_rule
from auroralint.rules._scheduler import did_you_mean, text

POLICIES = ("KILL_EXISTING", "CANCEL_NEW", "RUN_OVERLAP")


@job_rule("AUR813", "invalid-cron-collision-policy", "error")
def check(job: JobView, options: Options) -> Iterator[Finding]:
    policy = text(job, "cron_collision_policy")
    if policy is None or policy.upper() in POLICIES:
        return
    yield Finding(
        f"unknown cron_collision_policy {policy!r}"
        f"{did_you_mean(policy.strip().upper(), POLICIES[:2])}: Aurora's client rejects the job",
        field="cron_collision_policy",
        hint="use 'KILL_EXISTING' (the default) or 'CANCEL_NEW'",
    )
