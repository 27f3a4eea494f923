"""An HTTP health check is configured but the task has no port named ``health``.

The executor runs the HTTP health check against the port named ``health`` and only if the
task has one: requested by a process (``{{thermos.ports[health]}}``) or a key of the announce
``portmap``. Without it no health check runs at all: instances count as healthy once
``watch_secs`` pass, whatever they answer. Every job carries a default HTTP checker, so this
rule only looks at a ``health_check_config`` the config sets itself.

Options:
    none

Bad::

    server = Process(name='server', cmdline='./server --port={{thermos.ports[http]}}')
    jobs = [job(task=task(processes=[server]),
                health_check_config=HealthCheckConfig(interval_secs=5))]  # expect: AUR708

Good::

    server = Process(name='server', cmdline='./server --port={{thermos.ports[http]}} '
                                            '--admin={{thermos.ports[health]}}')
    jobs = [job(task=task(processes=[server]),
                health_check_config=HealthCheckConfig(interval_secs=5))]
"""

from __future__ import annotations

from collections.abc import Iterator

from auroralint import Finding, JobView, Options, job_rule
from auroralint.rules._ports import analyse

CONFIG = "health_check_config"
CHECKER = f"{CONFIG}.health_checker"


@job_rule("AUR708", "http-health-check-without-health-port", "warning")
def check(job: JobView, options: Options) -> Iterator[Finding]:
    if not (job.explicit(CONFIG) or job.explicit(CHECKER)):
        return
    # A shell checker wins over the HTTP one; with neither, checking is off on purpose.
    if not job.has(f"{CHECKER}.http") or job.has(f"{CHECKER}.shell"):
        return
    ports = analyse(job)
    if ports is None or not ports.usable or "health" in ports.bound:
        return
    field = CHECKER if job.explicit(CHECKER) else CONFIG
    yield Finding(
        "the HTTP health check needs a port named 'health', which no process requests: "
        "Aurora runs no health check at all",
        field=field,
        hint="listen on {{thermos.ports[health]}} in a process, or use a ShellHealthChecker",
    )
