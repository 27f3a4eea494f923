"""``update_config.sla_aware=True`` on a job without an SLA policy.

An SLA-aware update drains instances only as the task's ``sla_policy`` allows. Without a
policy there is nothing to be aware of, and the scheduler refuses ``aurora update start``
("slaAware is true, but no task slaPolicy is specified."); ``aurora job create`` itself works,
so the problem shows up at the first update.

Options:
    none

Bad::

    jobs = [job(update_config=UpdateConfig(sla_aware=True))]  # expect: AUR612

Good::

    jobs = [job(update_config=UpdateConfig(sla_aware=True), tier='preferred', instances=20,
                sla_policy=PercentageSlaPolicy(percentage=90, duration_secs=600))]
"""

from __future__ import annotations

from collections.abc import Iterator

from auroralint import Finding, JobView, Options, job_rule


@job_rule("AUR612", "sla-aware-without-policy", "error")
def check(job: JobView, options: Options) -> Iterator[Finding]:
    if job.get("update_config.sla_aware") is True and not job.has("sla_policy"):
        yield Finding("update_config.sla_aware=True needs an sla_policy: the scheduler refuses the "
                      "job's updates without one", field="update_config.sla_aware",
                      hint="add sla_policy=CountSlaPolicy(...), PercentageSlaPolicy(...) or "
                           "CoordinatorSlaPolicy(...), or drop sla_aware")  # fmt: skip
