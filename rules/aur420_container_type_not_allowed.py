"""The job's container type is not one the cluster's scheduler allows.

The scheduler accepts only the container types listed in ``-allowed_container_types``, MESOS
alone by default, and refuses the others ("This scheduler is not configured to allow the
container type DOCKER"). ``Docker(...)`` and ``Container(docker=...)`` are DOCKER; ``Mesos(...)``
and no container at all are MESOS. With a cluster profile (``allowed_container_types``) this is
an error; without one it is a warning, since many clusters do enable Docker.

Options:
    none

Bad::

    jobs = [job(container=Docker(image='python:2.7'))]  # expect: AUR420

Good::

    jobs = [job(container=Mesos(image=DockerImage(name='python', tag='2.7')))]
"""

from __future__ import annotations

from collections.abc import Iterator

from auroralint import Finding, JobView, Options, job_rule
from auroralint.rules._scheduler import by_profile, docker_path


@job_rule("AUR420", "container-type-not-allowed", "error")
def check(job: JobView, options: Options) -> Iterator[Finding]:
    if job.kind("container") == "Container" and docker_path(job) is None:
        return  # Container() without docker crashes Aurora's client: another rule's business
    kind = "docker" if docker_path(job) else "mesos"
    allowed = job.profile.allowed_container_types
    if kind in allowed:
        return
    if kind == "docker":
        what = "the job runs in a Docker container"
        hint = ("to run the image with the Mesos containerizer, use "
                "container=Mesos(image=DockerImage(name=..., tag=...))")  # fmt: skip
    else:
        what = ("the job runs in a Mesos container" if job.has("container")
                else "the job runs in a Mesos container (it sets no container)")  # fmt: skip
        hint = "run it in a Docker container: container=Docker(image=...)"
    yield by_profile(job, what, f"allowed_container_types = {', '.join(allowed) or 'none'}",
                     "-allowed_container_types=MESOS", field="container", hint=hint)  # fmt: skip
