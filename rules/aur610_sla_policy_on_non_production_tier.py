"""An SLA policy on a job whose tier is not a production tier.

The scheduler honours ``sla_policy`` (Count, Percentage or Coordinator) only for production
tiers, those neither preemptible nor revocable, and refuses it elsewhere ("Tier 'x' does not
support SlaPolicy.") unless it runs with ``-sla_aware_kill_non_prod``. A job without a tier
gets one from Aurora's client: the first production tier with ``production=True``, otherwise
the first preemptible one (``preemptible`` with Aurora's tiers), so an SLA policy alone is
refused.

Options:
    none

Bad::

    policy = CountSlaPolicy(count=18, duration_secs=600)
    jobs = [job(instances=20, sla_policy=policy)]  # expect: AUR610

Good::

    policy = CountSlaPolicy(count=18, duration_secs=600)
    jobs = [job(instances=20, tier='preferred', sla_policy=policy)]
"""

from __future__ import annotations

from collections.abc import Iterator

from auroralint import Finding, JobView, Options, job_rule
from auroralint.rules._scheduler import production_tier, resolve_tier

_POLICIES = ("CoordinatorSlaPolicy", "CountSlaPolicy", "PercentageSlaPolicy")


@job_rule("AUR610", "sla-policy-on-non-production-tier", "error")
def check(job: JobView, options: Options) -> Iterator[Finding]:
    policy = job.kind("sla_policy")
    if policy not in _POLICIES or job.profile.sla_aware_kill_non_prod:
        return  # a value of another type is invalid-field-value's
    chosen = resolve_tier(job)
    if chosen is None or chosen.tier is None or chosen.tier.production:
        return  # unknown or unbound tiers are unknown-tier's business
    kind = "revocable" if chosen.tier.revocable else "preemptible"
    how = "" if chosen.written else ", which the client picks as the job sets no tier"
    production = production_tier(job)
    hint = (f"set tier={production!r} (production jobs need quota), or drop the SLA policy"
            if production else "drop the SLA policy: this cluster has no production tier")  # fmt: skip
    yield Finding(f"{policy} needs a production tier, but the job runs in the {kind} tier "
                  f"{chosen.name!r}{how}; the scheduler refuses it", field="sla_policy",
                  hint=hint)  # fmt: skip
