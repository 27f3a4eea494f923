"""A Docker-engine job runs Aurora's executor in an image that cannot run it.

With ``container=Docker(...)`` the Thermos executor runs inside the container: the image needs
a shell, CPython 2.7 (``python2.7``) and glibc for the executor's native Mesos libraries. Images
known to lack them (Python 3 only, Alpine's musl, busybox, scratch, distroless, bare Debian and
Ubuntu) make every instance fail at launch. Images the rule does not know are not reported, nor
are ``Mesos(image=...)`` containers (the executor stays on the host) or custom executors.
A ``{{docker.image[name][tag]}}`` binder is judged by its name and tag.

Options:
    known-good (list of globs, default python:2, python:2.7, python:2.7.N and the Debian
        variants python:2*-slim*, -stretch, -buster, -jessie, -wheezy): images that can run
        the executor; they win over known-bad. Globs match ``name:tag`` and ``name`` in every
        Docker Hub spelling (``python``, ``library/python``, ``docker.io/library/python``).
    known-bad (list of globs, default python:3*, python:latest, *:*alpine*, alpine, busybox,
        scratch, *distroless*, debian, ubuntu): images without CPython 2.7, glibc or a shell.
        An untagged image is judged as ``:latest``.

Bad::

    jobs = [job(container=Docker(image='python:3.11-slim'))]  # expect: AUR103

Good::

    jobs = [job(container=Docker(image='python:2.7-slim')),
            job(name='native', container=Mesos(image=DockerImage(name='python', tag='3.11')))]
"""

from __future__ import annotations

from collections.abc import Iterator

from auroralint import Finding, JobView, Options, job_rule
from auroralint.rules._containers import docker_fields, uses_thermos
from auroralint.rules._images import NO_BASH, named_image

GOOD = ["python:2", "python:2.7", "python:2.7.[0-9]", "python:2.7.[0-9][0-9]",
        "python:2*-slim*", "python:2*-stretch", "python:2*-buster", "python:2*-jessie",
        "python:2*-wheezy"]  # fmt: skip
BAD = ["python:3*", "python:latest", "*:*alpine*", "alpine", "busybox", "scratch",
       "*distroless*", "debian", "ubuntu"]  # fmt: skip


def _globs(options: Options, key: str) -> tuple[str, ...]:
    value = options[key]
    return value if isinstance(value, tuple) else ()


@job_rule("AUR103", "docker-image-without-python27", "error",
          options={"known-good": GOOD, "known-bad": BAD})  # fmt: skip
def check(job: JobView, options: Options) -> Iterator[Finding]:
    if not uses_thermos(job):  # a custom executor brings its own requirements
        return
    good, bad = _globs(options, "known-good"), _globs(options, "known-bad")
    for docker in docker_fields(job):
        text = job.get(f"{docker}.image")
        named = named_image(text) if isinstance(text, str) else None
        if named is None or (named.ref.digest and not named.ref.tag):
            continue  # still templated, or a bare digest: nothing to judge by
        ref = named.ref if named.ref.tag or named.ref.digest else named.ref._replace(tag="latest")
        if ref.matches(good) or not ref.matches(bad):
            continue
        pattern = next(pattern for pattern in bad if ref.matches([pattern]))
        shown = f"{ref.name}:{ref.tag}" if named.binder else text.strip()
        hint = "use an image with Python 2.7 on glibc (python:2.7-slim)"
        if not ref.matches(NO_BASH):  # the Mesos containerizer still needs bash in the image
            hint += ("; or run this one with the Mesos containerizer, which needs no Python in "
                     f"the image: container=Mesos(image=DockerImage(name={ref.name!r}, "
                     f"tag={ref.tag!r}))")  # fmt: skip
        yield Finding(
            f"the Docker image {shown!r} cannot run Aurora's executor "
            f"(known-bad {pattern!r}): Docker-engine jobs need CPython 2.7, a shell and glibc "
            "in the image",
            field=f"{docker}.image", ref=named.binder.address if named.binder else "", hint=hint,
        )
