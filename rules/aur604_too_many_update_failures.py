"""The update allows more instance failures than the scheduler accepts.

The scheduler caps how many failures an update may absorb: ``max_per_shard_failures`` times
``instances`` must not exceed its ``-max_update_instance_failures`` flag (20000 by default).
Above it ``aurora update start`` is refused ("Your update allows too many failures to occur").
The limit comes from the cluster profile when one is configured, else Aurora's default.

Options:
    none

Bad::

    jobs = [job(instances=500,
                update_config=UpdateConfig(max_per_shard_failures=50))]  # expect: AUR604

Good::

    jobs = [job(instances=500, update_config=UpdateConfig(max_per_shard_failures=3))]
"""

from __future__ import annotations

from collections.abc import Iterator

from auroralint import Finding, JobView, Options, job_rule
from auroralint.rules._scheduler import integer


@job_rule("AUR604", "too-many-update-failures", "error")
def check(job: JobView, options: Options) -> Iterator[Finding]:
    per_instance = integer(job, "update_config.max_per_shard_failures")
    instances = integer(job, "instances")
    # Negative values and instance counts below 1 are reported by their own rules.
    if per_instance is None or instances is None or per_instance <= 0 or instances < 1:
        return
    limit = job.profile.max_update_instance_failures
    total = per_instance * instances
    if total <= limit:
        return
    where = "this cluster's" if job.profile.configured else "Aurora's default"
    yield Finding(
        f"max_per_shard_failures {per_instance} x {instances} instances allows {total} "
        f"failures, above {where} max_update_instance_failures of {limit}",
        field="update_config.max_per_shard_failures",
        hint=f"use max_per_shard_failures of at most {limit // instances}",
    )
