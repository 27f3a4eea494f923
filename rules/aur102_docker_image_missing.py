"""A ``Docker(...)`` container names no image, or an empty one.

``Docker.image`` is Required, but a ``Docker`` without it sits inside the Job's Choice field
``container``, where pystachio crashes instead of naming the field: Aurora stops with only
``'NoneType' object has no attribute 'ok'``. An empty or blank image string passes the client
and fails when the Docker engine pulls it, and the deprecated ``Container()`` wrapper with no
``docker`` crashes Aurora's conversion of the job.

Options:
    none

Bad::

    docker = Docker(parameters=[Parameter(name='network', value='host')])  # expect: AUR102
    jobs = [job(container=docker)]

Good::

    docker = Docker(image='python:2.7', parameters=[Parameter(name='network', value='host')])
    jobs = [job(container=docker)]
"""

from __future__ import annotations

from collections.abc import Iterator

from auroralint import Finding, JobView, Options, job_rule
from auroralint.rules._containers import CHOICE_CRASH, docker_fields

_HINT = "name the image: Docker(image='name:tag') or Docker(image='{{docker.image[name][tag]}}')"


@job_rule("AUR102", "docker-image-missing", "error")
def check(job: JobView, options: Options) -> Iterator[Finding]:
    if job.kind("container") == "Container" and not job.has("container.docker"):
        yield Finding(
            "Container() wraps no Docker(...), so the job has no image; Aurora's client "
            "crashes converting it",
            field="container",
            hint="write container=Docker(image='name:tag'); Container is deprecated",
        )
    for docker in docker_fields(job):
        image = job.get(f"{docker}.image")
        if image is None:
            yield Finding(f"Docker(...) has no image; {CHOICE_CRASH}",
                          field=f"{docker}.image", hint=_HINT)  # fmt: skip
        elif isinstance(image, str) and not image.strip():
            yield Finding(f"the Docker image is blank ({image!r}): Docker cannot pull it",
                          field=f"{docker}.image", hint=_HINT)  # fmt: skip
