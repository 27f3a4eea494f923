"""A health-check interval, timeout or threshold is negative.

``health_check_config`` counts seconds and checks, none of which can be below 0. Aurora's
client refuses a config with a negative ``initial_interval_secs``, ``interval_secs``,
``max_consecutive_failures`` or ``min_consecutive_successes`` on every command that loads it
("Invalid value (-1) specified for interval_secs. Value cannot be less than 0."). A negative
``timeout_secs`` passes the client and is rejected by the executor's health checker when the
task launches, so every instance fails instead.

Options:
    none

Bad::

    jobs = [job(health_check_config=HealthCheckConfig(
        initial_interval_secs=-5))]  # expect: AUR701

Good::

    jobs = [job(health_check_config=HealthCheckConfig(initial_interval_secs=30))]
"""

from __future__ import annotations

from collections.abc import Iterator

from auroralint import Finding, JobView, Options, job_rule
from auroralint.rules._scheduler import number

CLIENT = "Aurora's client refuses to load the config"
# Each field, and who rejects a negative value.
FIELDS = {
    "initial_interval_secs": CLIENT,
    "interval_secs": CLIENT,
    "max_consecutive_failures": CLIENT,
    "min_consecutive_successes": CLIENT,
    "timeout_secs": "the executor fails the task when it starts health checks",
}


@job_rule("AUR701", "negative-health-check-value", "error")
def check(job: JobView, options: Options) -> Iterator[Finding]:
    for name, consequence in FIELDS.items():
        path = f"health_check_config.{name}"
        value = number(job, path)  # Integer and Float fields alike; :g shows -2.0 as -2
        if value is not None and value < 0:
            yield Finding(f"{path} is {value:g}: it cannot be negative and {consequence}",
                          field=path, hint="use 0 or a positive value")
