"""The update tolerates as many failed instances as the job has.

Aurora's client refuses every config whose ``update_config.max_total_failures`` is not below
the job's ``instances`` ("max_total_failures in update_config must be lesser than the job
size"): ``aurora job create``, ``update start`` and ``cron schedule`` all exit before talking
to the scheduler, for cron and batch jobs too. An update allowed to fail on every instance
would never stop a bad rollout, so with one instance the value must be 0.

Options:
    none

Bad::

    jobs = [job(instances=3,
                update_config=UpdateConfig(max_total_failures=3))]  # expect: AUR601

Good::

    jobs = [job(instances=3, update_config=UpdateConfig(max_total_failures=2))]
"""

from __future__ import annotations

from collections.abc import Iterator

from auroralint import Finding, JobView, Options, job_rule
from auroralint.rules._scheduler import integer


@job_rule("AUR601", "max-total-failures-too-high", "error")
def check(job: JobView, options: Options) -> Iterator[Finding]:
    instances = integer(job, "instances")
    failures = integer(job, "update_config.max_total_failures")
    # An instance count below 1 is wrong in itself; the instance-count check reports it.
    if instances is None or failures is None or instances < 1 or failures < instances:
        return
    yield Finding(
        f"max_total_failures is {failures} but the job has {instances} instance"
        f"{'s' if instances > 1 else ''}: Aurora's client refuses an update that may fail "
        "on every instance",
        field="update_config.max_total_failures",
        hint=f"set max_total_failures to at most {instances - 1}",
    )
