"""A ``{{docker.image[name][tag]}}`` binder anywhere but as the whole ``image`` of ``Docker(...)``.

Aurora's client resolves every ``{{docker.image[name][tag]}}`` of a job, wherever it is, to a
digest reference (``name@sha256:...``, with the registry host for a private registry). Only
``Docker(image=...)`` takes such a reference: in ``Mesos(image=DockerImage(name=..., tag=...))``
the scheduler builds ``name:tag`` and the digest breaks it; in a cmdline or any other field the
digest reference lands in text that does not expect it; and with text around it in
``Docker.image`` the image reference is no longer valid.

Options:
    none

Bad::

    image = DockerImage(name='{{docker.image[library/python][2.7]}}', tag='2.7')  # expect: AUR211
    jobs = [job(container=Mesos(image=image))]

Good::

    jobs = [job(container=Mesos(image=DockerImage(name='library/python', tag='2.7'))),
            job(name='hello-docker',
                container=Docker(image='{{docker.image[library/python][2.7]}}'))]
"""

from __future__ import annotations

from collections.abc import Iterator

from auroralint import Finding, JobView, Options, job_rule
from auroralint.rules._images import BinderUse, binder_uses


@job_rule("AUR211", "misplaced-docker-image-binder", "error")
def check(job: JobView, options: Options) -> Iterator[Finding]:
    for use in binder_uses(job):
        binder = use.binder
        if len(binder.indices) != 2 or not binder.well_formed:
            continue  # the client does not resolve it: invalid-docker-image-binder's
        parent, _, last = use.field.rpartition(".")
        value = job.get(use.field)  # as written when the job could not be interpolated
        if job.kind(parent) == "Docker" and last == "image":
            if (value if isinstance(value, str) else binder.text) == binder.text:
                continue
            where = ("`image` holds other text around it, so the resolved reference "
                     f"(`{binder.name}@sha256:...`) is no longer a valid image")  # fmt: skip
        elif job.kind(parent) == "DockerImage":
            where = (f"the scheduler builds the Mesos image as `name:tag`, so the digest "
                     f"reference it resolves to breaks `{use.field}`")  # fmt: skip
        else:
            where = (f"the client still resolves it and writes `{binder.name}@sha256:...` into "
                     f"`{use.field}`")  # fmt: skip
        yield _finding(use, where)


def _finding(use: BinderUse, where: str) -> Finding:
    return Finding(
        f"`{use.binder.text}` is only meaningful as the whole `image` of Docker(...): {where}",
        field=use.field, ref=use.binder.address if use.written else "",
        occurrence=use.occurrence,
        hint="use Docker(image='{{docker.image[name][tag]}}'); for Mesos(image=DockerImage(...)) "
             "name the repository and tag themselves",
    )  # fmt: skip
