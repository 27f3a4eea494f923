"""The job's tier is not one of the tiers the cluster's scheduler defines.

The scheduler resolves ``tier`` against its tier configuration (``-tier_config``) and refuses a
name it does not know ("Invalid tier 'x' in TaskConfig."); the client cannot even decide whether
the job is a production one. Aurora's bundled tiers are ``preferred`` (production),
``preemptible`` (the default) and ``revocable``. A cluster profile's ``tiers`` or
``tier_config`` replaces them. Tiers still written as ``{{refs}}`` are skipped.

Options:
    none

Bad::

    jobs = [job(tier='prefered')]  # expect: AUR404

Good::

    jobs = [job(tier='preferred')]
"""

from __future__ import annotations

from collections.abc import Iterator

from auroralint import Finding, JobView, Options, job_rule
from auroralint.rules._scheduler import did_you_mean, text


@job_rule("AUR404", "unknown-tier", "error")
def check(job: JobView, options: Options) -> Iterator[Finding]:
    tier = text(job, "tier")
    tiers = job.profile.tiers
    if tier is None or tier in tiers:
        return
    known = ", ".join(tiers)
    where = (f"the tiers of cluster {job.get('cluster')!r}" if job.profile.configured
             else "Aurora's default tiers")  # fmt: skip
    hint = ("use one of the cluster's tiers" if job.profile.configured else
            "use one of Aurora's tiers, or describe the cluster's tiers in "
            "[tool.auroralint.clusters.<name>] (tiers or tier_config)")  # fmt: skip
    yield Finding(f"tier {tier!r} is not one of {where} ({known}){did_you_mean(tier, tiers)}",
                  field="tier", hint=hint)  # fmt: skip
