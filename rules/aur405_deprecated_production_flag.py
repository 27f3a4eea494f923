"""The job uses ``production``, deprecated since Aurora 0.16 in favour of ``tier``.

Aurora's client warns "Job configuration attribute 'production' is deprecated" when
``production=True`` is given without a tier, and picks the first production tier for it. Once
``tier`` is set, ``production`` is ignored: the scheduler derives it from the tier. A job that
sets both and disagrees (``production=True, tier='preemptible'``) is not what it says: it gets
no production guarantees, or, the other way round, it needs quota it may not have.

Options:
    none

Bad::

    jobs = [job(production=True)]  # expect: AUR405

Good::

    jobs = [job(tier='preferred')]
"""

from __future__ import annotations

from collections.abc import Iterator

from auroralint import Finding, JobView, Options, job_rule
from auroralint.rules._scheduler import production_tier, text


@job_rule("AUR405", "deprecated-production-flag", "warning")
def check(job: JobView, options: Options) -> Iterator[Finding]:
    production = job.get("production")
    if not isinstance(production, bool) or not job.explicit("production"):
        return
    modern = f"tier={production_tier(job) or 'preferred'!r}"
    tier = text(job, "tier")
    known = job.profile.tiers.get(tier) if tier is not None else None
    if not job.has("tier"):
        if production:
            yield Finding(f"production=True is deprecated since Aurora 0.16: use {modern}",
                          field="production", hint=f"replace production=True with {modern}")  # fmt: skip
    elif known is not None and known.production != production:
        kind = "a production tier" if known.production else "not a production tier"
        wanted = modern if production else "a preemptible tier"
        yield Finding(f"production={production} is ignored: the scheduler derives production from "
                      f"tier {tier!r}, which is {kind}", field="production",
                      hint=f"remove production={production}; for a "
                           f"{'' if production else 'non-'}production job use {wanted}")  # fmt: skip
    elif production:
        yield Finding("production=True is deprecated since Aurora 0.16, and ignored when the "
                      "tier is set", field="production", hint="remove production=True")  # fmt: skip
