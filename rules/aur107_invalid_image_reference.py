"""An image name the registry or the agent cannot parse: upper case, spaces, a bad tag.

Docker references are ``[host[:port]/]path[:tag][@digest]`` with a lower-case path; the
scheduler passes ``Docker(image=...)`` on as written and builds ``name:tag`` from
``DockerImage(name=..., tag=...)``, so a malformed reference is only discovered when every
instance fails to pull. A tag written into ``DockerImage.name`` (``name='debian:bookworm'``)
or a digest into ``DockerImage.tag`` breaks the same way. ``{{docker.image[...]}}`` binders are
checked by invalid-docker-image-binder.

Options:
    none

Bad::

    jobs = [job(container=Docker(image='Python:2.7')),  # expect: AUR107
            job(name='image', container=Mesos(image=DockerImage(name='debian:bookworm', tag='x')))]  # expect: AUR107

Good::

    jobs = [job(container=Docker(image='python:2.7@sha256:' + 'a' * 64)),
            job(name='image', container=Mesos(image=DockerImage(name='debian', tag='bookworm')))]
"""

from __future__ import annotations

from collections.abc import Iterator

from auroralint import Finding, JobView, Options, job_rule
from auroralint.rules._containers import docker_fields
from auroralint.rules._images import digest_valid, parse_image, repository_problem, tag_problem


@job_rule("AUR107", "invalid-image-reference", "error")
def check(job: JobView, options: Options) -> Iterator[Finding]:
    for docker in docker_fields(job):
        text = job.get(f"{docker}.image")
        if isinstance(text, str) and text.strip() and "{{" not in text:
            yield from _reference(text, f"{docker}.image")
    if job.kind("container") == "Mesos" and job.kind("container.image") == "DockerImage":
        name, tag = job.get("container.image.name"), job.get("container.image.tag")
        if isinstance(name, str) and name and "{{" not in name:
            yield from _name(name)
        if isinstance(tag, str) and tag and "{{" not in tag and tag_problem(tag):
            yield Finding(f"DockerImage tag {tag!r}: {tag_problem(tag)}",
                          field="container.image.tag",
                          hint="a tag only; Mesos cannot take a digest")  # fmt: skip


def _reference(text: str, field: str) -> Iterator[Finding]:
    ref = parse_image(text)
    if ref is None:
        yield Finding(f"the image {text!r} is not a Docker reference (no spaces allowed)",
                      field=field)  # fmt: skip
        return
    problem = repository_problem(ref.repository) or (ref.tag and tag_problem(ref.tag))
    if ref.digest and not digest_valid(ref.digest):
        problem = f"{ref.digest!r} is not a digest (algorithm:hex, like sha256:<64 hex digits>)"
    if problem:
        yield Finding(f"the image {text!r} is not a valid Docker reference: {problem}",
                      field=field, hint="write [host[:port]/]path[:tag][@digest] with a "
                      "lower-case path")  # fmt: skip


def _name(name: str) -> Iterator[Finding]:
    ref = parse_image(name)
    if ref is not None and (ref.tag or ref.digest):
        yield Finding(f"DockerImage name {name!r} holds a tag or digest: the scheduler adds "
                      "':' and the tag itself", field="container.image.name",
                      hint=f"DockerImage(name={ref.name!r}, tag={ref.tag or '<tag>'!r})")  # fmt: skip
    elif ref is None or repository_problem(ref.repository):
        problem = repository_problem(ref.repository) if ref else "spaces are not allowed"
        yield Finding(f"DockerImage name {name!r}: {problem}", field="container.image.name")
