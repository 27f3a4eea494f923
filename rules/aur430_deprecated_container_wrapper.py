"""``Container(docker=Docker(...))`` is the wrapper deprecated since Aurora 0.14.

Since 0.14 a job's ``container`` takes ``Docker(...)`` or ``Mesos(...)`` directly; the
``Container`` wrapper is still accepted, without any warning, but only for Docker, and
``Container()`` without ``docker`` makes the client crash. Writing ``container=Docker(...)``
keeps configs in the form Aurora documents.

Options:
    none

Bad::

    jobs = [job(container=Container(docker=Docker(image='python:2.7')))]  # expect: AUR430

Good::

    jobs = [job(container=Docker(image='python:2.7'))]
"""

from __future__ import annotations

from collections.abc import Iterator

from auroralint import Finding, JobView, Options, job_rule


@job_rule("AUR430", "deprecated-container-wrapper", "warning")
def check(job: JobView, options: Options) -> Iterator[Finding]:
    if job.kind("container") != "Container" or job.kind("container.docker") != "Docker":
        return
    image = job.get("container.docker.image")
    arguments = f"image={image!r}" if isinstance(image, str) and len(image) <= 60 else "..."
    if job.get("container.docker.parameters"):
        arguments += ", parameters=[...]"
    modern = f"container=Docker({arguments})"
    yield Finding(f"Container(docker=Docker(...)) is deprecated since Aurora 0.14: write {modern}",
                  field="container", hint=f"replace the wrapper with {modern}")  # fmt: skip
