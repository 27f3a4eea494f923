"""A shell health checker runs an empty command, which always passes.

With ``HealthCheckerConfig(shell=ShellHealthChecker(...))`` the executor runs
``shell_command`` and counts a zero exit status as healthy. An empty or blank command exits 0
at once, so every instance is reported healthy whatever its state, and updates roll on over
broken instances: the health check is silently switched off.

Options:
    none

Bad::

    jobs = [job(health_check_config=HealthCheckConfig(
        health_checker=HealthCheckerConfig(
            shell=ShellHealthChecker(shell_command='  '))))]  # expect: AUR703

Good::

    jobs = [job(health_check_config=HealthCheckConfig(
        health_checker=HealthCheckerConfig(
            shell=ShellHealthChecker(shell_command='curl -sf localhost:8080/health'))))]
"""

from __future__ import annotations

from collections.abc import Iterator

from auroralint import Finding, JobView, Options, job_rule

FIELD = "health_check_config.health_checker.shell.shell_command"


@job_rule("AUR703", "empty-shell-health-command", "error")
def check(job: JobView, options: Options) -> Iterator[Finding]:
    command = job.get(FIELD)
    if isinstance(command, str) and not command.strip():
        yield Finding(f"the shell health check runs {command!r}, which always succeeds: "
                      "no instance is ever reported unhealthy", field=FIELD,
                      hint="give a command that fails when the service is unhealthy")  # fmt: skip
