"""The Docker container passes parameters the cluster's scheduler refuses.

``Docker(parameters=[Parameter(name=..., value=...)])`` become ``docker run --name=value``
options. The scheduler refuses any of them unless it runs with ``-allow_docker_parameters``
("This scheduler is configured to disallow Docker parameters."), which is off by default; Docker
jobs without parameters get the operator's ``-default_docker_parameters`` instead. With a
cluster profile (``allow_docker_parameters``) this is an error, without one a warning.

Options:
    none

Bad::

    debug = Parameter(name='env', value='DEBUG=1')
    jobs = [job(container=Docker(image='python:2.7', parameters=[debug]))]  # expect: AUR421

Good::

    jobs = [job(container=Docker(image='python:2.7'))]
"""

from __future__ import annotations

from collections.abc import Iterator

from auroralint import Finding, JobView, Options, job_rule
from auroralint.rules._scheduler import by_profile, docker_path


@job_rule("AUR421", "docker-parameters-not-allowed", "error")
def check(job: JobView, options: Options) -> Iterator[Finding]:
    path = docker_path(job)
    parameters = job.get(f"{path}.parameters") if path else None
    if not isinstance(parameters, list) or not parameters or job.profile.allow_docker_parameters:
        return
    names = [item.get("name") for item in parameters if isinstance(item, dict)]
    shown = ", ".join(f"--{name}" for name in dict.fromkeys(names) if isinstance(name, str))
    yield by_profile(job, f"the Docker container passes parameters ({shown or len(parameters)})",
                     "allow_docker_parameters = false", "-allow_docker_parameters=false",
                     field=f"{path}.parameters",
                     hint="remove the parameters, or ask the operator for "
                          "-allow_docker_parameters or -default_docker_parameters")  # fmt: skip
