"""An update watch time or failure budget is negative.

``update_config.watch_secs``, ``max_per_shard_failures`` and ``max_total_failures`` count
seconds and failures; none can be below 0. A negative ``watch_secs`` stops Aurora's client on
every command that loads the config ("Value cannot be less than 0"), and the scheduler refuses
an update with negative failure counts ("maxPerInstanceFailures must be non-negative",
"maxFailedInstances must be non-negative").

Options:
    none

Bad::

    jobs = [job(update_config=UpdateConfig(
        watch_secs=-1,  # expect: AUR603
        max_per_shard_failures=-1))]  # expect: AUR603

Good::

    jobs = [job(update_config=UpdateConfig(watch_secs=0, max_per_shard_failures=1))]
"""

from __future__ import annotations

from collections.abc import Iterator

from auroralint import Finding, JobView, Options, job_rule
from auroralint.rules._scheduler import integer

# Each field, and who refuses a negative value.
FIELDS = {
    "watch_secs": "Aurora's client refuses to load the config",
    "max_per_shard_failures": "the scheduler refuses the update",
    "max_total_failures": "the scheduler refuses the update",
}


@job_rule("AUR603", "negative-update-value", "error")
def check(job: JobView, options: Options) -> Iterator[Finding]:
    for name, consequence in FIELDS.items():
        value = integer(job, f"update_config.{name}")
        if value is not None and value < 0:
            yield Finding(f"update_config.{name} is {value}: it cannot be negative and "
                          f"{consequence}", field=f"update_config.{name}",
                          hint="use 0 or a positive value")  # fmt: skip
