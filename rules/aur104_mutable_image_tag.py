"""A container image is named by a tag that moves: none (meaning ``latest``) or ``latest``.

Agents pull the image when an instance starts, so instances restarted or rescheduled later
may run a different image than the ones started before, and rolling back the config does not
roll back the image. Pin a version tag or a digest; or, for the Docker engine, write the
``{{docker.image[name][tag]}}`` binder, which Aurora's client resolves to a digest when the
job is submitted (so binders are not reported). ``Mesos(image=DockerImage(...))`` cannot take
a digest: pin its tag.

Options:
    none

Bad::

    jobs = [job(container=Docker(image='nginx')),  # expect: AUR104
            job(name='latest', container=Docker(image='nginx:latest'))]  # expect: AUR104

Good::

    jobs = [job(container=Docker(image='nginx:1.25.3')),
            job(name='resolved', container=Docker(image='{{docker.image[library/nginx][latest]}}'))]
"""

from __future__ import annotations

from collections.abc import Iterator

from auroralint import Finding, JobView, Options, job_rule
from auroralint.rules._containers import docker_fields
from auroralint.rules._images import named_image


@job_rule("AUR104", "mutable-image-tag", "warning")
def check(job: JobView, options: Options) -> Iterator[Finding]:
    for docker in docker_fields(job):
        text = job.get(f"{docker}.image")
        named = named_image(text) if isinstance(text, str) else None
        if named is None or named.binder is not None or named.ref.digest:
            continue
        if named.ref.tag not in ("", "latest"):
            continue
        ref = named.ref
        said = "has no tag, so it means 'latest'" if not ref.tag else "uses the tag 'latest'"
        path, tag = (ref.hub_path if ref.on_docker_hub else ref.repository), ref.tag or "latest"
        resolved = f", or '{{{{docker.image[{path}][{tag}]}}}}'" + (
            "" if ref.on_docker_hub else f" with {ref.registry} as the cluster's docker_registry")
        yield Finding(
            f"the Docker image {text.strip()!r} {said}: instances started later may run "
            "a different image",
            field=f"{docker}.image",
            hint=f"pin a version tag ('{ref.name}:<version>'), a digest "
            f"('{ref.name}@sha256:...'){resolved}",
        )
    if job.kind("container") == "Mesos" and job.kind("container.image") == "DockerImage":
        if job.get("container.image.tag") == "latest":
            yield Finding(
                "DockerImage(tag='latest') moves: instances started later may run a "
                "different image",
                field="container.image.tag",
                hint="pin a version tag (Mesos takes name:tag, so neither digests nor the "
                "docker.image binder work here)",
            )
