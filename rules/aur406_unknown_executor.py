"""The job names an executor the cluster's scheduler does not have.

``executor_config.name`` other than ``AuroraExecutor`` (Thermos) must be one of the executors
the scheduler loads from ``-custom_executor_config``; otherwise it refuses the job with
"Configuration for executor 'X' doesn't exist.". Aurora's default scheduler has no custom
executors, so without a cluster profile (``custom_executors`` or ``custom_executor_config``)
this is a warning; against a profile it is an error.

Options:
    none

Bad::

    jobs = [job(executor_config=ExecutorConfig(name='MyExecutor', data='{}'))]  # expect: AUR406

Good::

    jobs = [job(executor_config=ExecutorConfig(name='AuroraExecutor'))]
"""

from __future__ import annotations

from collections.abc import Iterator

from auroralint import Finding, JobView, Options, job_rule
from auroralint.rules._scheduler import AURORA_EXECUTOR, by_profile, did_you_mean, text


@job_rule("AUR406", "unknown-executor", "error")
def check(job: JobView, options: Options) -> Iterator[Finding]:
    name = text(job, "executor_config.name")
    known = (AURORA_EXECUTOR, *job.profile.custom_executors)
    if name is None or name in known:
        return
    listed = ", ".join(known)
    yield by_profile(
        job,
        f"the job uses executor {name!r}{did_you_mean(name, known)}",
        f"executors: {listed}",
        "no -custom_executor_config: only AuroraExecutor",
        field="executor_config.name",
        hint=f"use {'one of ' if len(known) > 1 else ''}{listed}, or have the operator add "
             f"{name!r} to -custom_executor_config",
    )
