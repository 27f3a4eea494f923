"""A Count or Percentage SLA policy the scheduler refuses for this job's size or duration.

The scheduler checks ``CountSlaPolicy`` and ``PercentageSlaPolicy`` against the job: it needs
at least ``-min_required_instances_for_sla_check`` instances (20 by default); ``count`` must be
less than ``instances`` and ``percentage`` must leave at least one instance that may be
killed, or no instance could ever be drained; ``duration_secs`` may not exceed
``-max_sla_duration_secs`` (7200 by default). A cluster profile can set both flags; the two
limits that come from flags are errors against a described cluster and warnings when only
Aurora's defaults are assumed (clusters such as Aurora's Vagrant box lower the minimum).
``CoordinatorSlaPolicy`` is exempt. Each problem is reported at its own field.

Options:
    none

Bad::

    jobs = [job(tier='preferred', instances=20,
                sla_policy=CountSlaPolicy(count=20, duration_secs=600))]  # expect: AUR611

Good::

    jobs = [job(tier='preferred', instances=20,
                sla_policy=CountSlaPolicy(count=19, duration_secs=600))]
"""

from __future__ import annotations

import math
from collections.abc import Iterator

from auroralint import Finding, JobView, Options, job_rule
from auroralint.rules._scheduler import integer, number


@job_rule("AUR611", "invalid-sla-policy", "error")
def check(job: JobView, options: Options) -> Iterator[Finding]:
    kind = job.kind("sla_policy")
    if kind not in ("CountSlaPolicy", "PercentageSlaPolicy"):
        return
    profile, instances = job.profile, integer(job, "instances")
    least = profile.min_required_instances_for_sla_check
    # Without a profile, say which flag sets the limits: some clusters (Aurora's Vagrant box
    # among them) lower -min_required_instances_for_sla_check.
    tune = "" if profile.configured else "; a cluster's own flag values go in its profile"
    by_flag = "error" if profile.configured else "warning"
    if instances is not None and 0 < instances < least:
        yield Finding(f"a {kind} needs at least {least} instances "
                      f"(-min_required_instances_for_sla_check), and the job has {instances}",
                      field="instances" if job.explicit("instances") else "sla_policy",
                      hint=f"run more instances, use a CoordinatorSlaPolicy, or drop the "
                           f"policy{tune}", severity=by_flag)  # fmt: skip
    count, percentage = integer(job, "sla_policy.count"), number(job, "sla_policy.percentage")
    if instances is not None and instances > 0:
        if kind == "CountSlaPolicy" and count is not None and instances - count < 1:
            yield Finding(f"count={count} keeps all {instances} instances running, so none may "
                          f"ever be killed: it must be less than {instances}",
                          field="sla_policy.count", hint=f"use count={instances - 1} or less")  # fmt: skip
        if percentage is not None and instances - instances * percentage / 100 < 1:
            most = math.floor((instances - 1) / instances * 10000) / 100  # 2 decimals, down
            yield Finding(f"percentage={percentage:g} of {instances} instances leaves none that "
                          f"may be killed: it must be at most {most:g}",
                          field="sla_policy.percentage", hint=f"use percentage={most:g} or less")  # fmt: skip
    duration = integer(job, "sla_policy.duration_secs")
    if duration is not None and duration > profile.max_sla_duration_secs:
        yield Finding(f"duration_secs={duration} is above the cluster-wide maximum of "
                      f"{profile.max_sla_duration_secs} seconds (-max_sla_duration_secs)",
                      field="sla_policy.duration_secs",
                      hint=f"use at most {profile.max_sla_duration_secs}{tune}",
                      severity=by_flag)  # fmt: skip
