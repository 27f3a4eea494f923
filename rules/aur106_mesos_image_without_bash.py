"""A Mesos container runs its processes with ``/bin/bash`` from an image that has none.

With ``container=Mesos(image=...)`` the executor stays on the host but starts every process
inside the image as ``/bin/bash -c '<cmdline>'``: the image needs bash (no Python, unlike the
Docker engine). Images known to lack it (Alpine, busybox, scratch, distroless) make every
process fail as it starts. Images the rule does not know are not reported.

Options:
    known-bad (list of globs, default *:*alpine*, alpine, busybox, scratch, *distroless*):
        images without bash. Globs match ``name:tag`` and ``name`` in every Docker Hub
        spelling; an AppcImage is matched by its name.

Bad::

    jobs = [job(container=Mesos(image=DockerImage(name='alpine', tag='3.19')))]  # expect: AUR106

Good::

    jobs = [job(container=Mesos(image=DockerImage(name='debian', tag='bookworm-20240701')))]
"""

from __future__ import annotations

from collections.abc import Iterator

from auroralint import Finding, JobView, Options, job_rule
from auroralint.rules._images import NO_BASH, parse_image


@job_rule("AUR106", "mesos-image-without-bash", "warning", options={"known-bad": list(NO_BASH)})
def check(job: JobView, options: Options) -> Iterator[Finding]:
    image = job.kind("container.image")
    if job.kind("container") != "Mesos" or image not in ("DockerImage", "AppcImage"):
        return
    name, tag = job.get("container.image.name"), job.get("container.image.tag", "")
    if not isinstance(name, str) or not isinstance(tag, str) or "{{" in name + tag:
        return
    ref = parse_image(f"{name}:{tag}" if tag else name)
    bad = options["known-bad"]
    if ref is None or not isinstance(bad, tuple) or not ref.matches(bad):
        return
    shown = f"{name}:{tag}" if tag else name
    yield Finding(
        f"{image} {shown!r} has no bash, and the Mesos containerizer runs every process as "
        "/bin/bash -c inside the image: the processes fail as they start",
        field="container.image",
        hint="use an image with bash (debian, ubuntu, python:*-slim), or add bash to this one",
    )
