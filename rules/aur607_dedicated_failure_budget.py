"""A large dedicated job tolerates too few failed instances during an update.

For a job on dedicated hosts (a ``dedicated`` key in ``constraints``) Aurora's client demands
that ``update_config.max_total_failures`` be at least 2% of ``instances``, rounded down, and
refuses the config otherwise ("Since this is a dedicated job, you must set your
max_total_failures ... to no less than 2% of your job size"), on every command that loads it.
It matters from 50 instances on, where the 2% reach one instance.

Options:
    none

Bad::

    jobs = [job(instances=100, constraints={'dedicated': 'www-data/web'})]  # expect: AUR607

Good::

    jobs = [job(instances=100, constraints={'dedicated': 'www-data/web'},
                update_config=UpdateConfig(max_total_failures=2))]
"""

from __future__ import annotations

import math
from collections.abc import Iterator

from auroralint import Finding, JobView, Options, job_rule
from auroralint.rules._scheduler import dedicated, integer

# The share of instances a dedicated job must tolerate failing during an update.
DEDICATED_FAILURE_SHARE = 0.02


@job_rule("AUR607", "dedicated-failure-budget", "error")
def check(job: JobView, options: Options) -> Iterator[Finding]:
    instances = integer(job, "instances")
    failures = integer(job, "update_config.max_total_failures")
    if not dedicated(job) or instances is None or failures is None or failures < 0:
        return
    minimum = math.floor(instances * DEDICATED_FAILURE_SHARE)
    if failures < minimum:
        yield Finding(
            f"max_total_failures is {failures} for a dedicated job of {instances} instances: "
            f"Aurora's client requires at least 2% of the instances ({minimum})",
            field="update_config.max_total_failures",
            hint=f"set update_config=UpdateConfig(max_total_failures={minimum}) or more",
        )
