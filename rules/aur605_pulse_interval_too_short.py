"""A coordinated update expects pulses more often than once a minute.

Setting ``update_config.pulse_interval_secs`` turns on coordinated updates: the update blocks
unless an external coordinator calls ``pulseJobUpdate`` within each interval. Aurora's client
refuses intervals under 60 seconds when starting the update ("Pulse interval seconds must be at
least 60 seconds."), so ``aurora update start`` fails.

Options:
    none

Bad::

    jobs = [job(update_config=UpdateConfig(pulse_interval_secs=30))]  # expect: AUR605

Good::

    jobs = [job(update_config=UpdateConfig(pulse_interval_secs=60))]
"""

from __future__ import annotations

from collections.abc import Iterator

from auroralint import Finding, JobView, Options, job_rule
from auroralint.rules._scheduler import integer

MINIMUM = 60


@job_rule("AUR605", "pulse-interval-too-short", "error")
def check(job: JobView, options: Options) -> Iterator[Finding]:
    interval = integer(job, "update_config.pulse_interval_secs")
    if interval is not None and interval < MINIMUM:
        yield Finding(
            f"pulse_interval_secs is {interval}: Aurora requires at least {MINIMUM} seconds "
            "between pulses of a coordinated update",
            field="update_config.pulse_interval_secs",
            hint=f"use {MINIMUM} or more, or leave it unset for an uncoordinated update",
        )
