"""An image is given where Aurora does not take one, or ``Mesos.image`` is given no image.

``DockerImage`` and ``AppcImage`` are valid only as the ``image`` of a ``Mesos(...)``
container, the unified containerizer. Written as ``container=DockerImage(...)``, as the image
of ``Docker(...)`` or anywhere else, they fail Aurora's type check; so do
``Mesos(image=Docker(...))`` and ``Mesos(image='debian:jessie')``. The Docker engine takes
the image as a ``'name:tag'`` string instead: ``container=Docker(image='python:2.7')``.
(``Container(docker=DockerImage(...))`` already fails while the config runs.)

Options:
    none

Bad::

    jobs = [job(container=DockerImage(name='debian', tag='jessie'))]  # expect: AUR101

Good::

    jobs = [job(container=Mesos(image=DockerImage(name='debian', tag='jessie')))]
"""

from __future__ import annotations

from collections.abc import Iterator

from auroralint import Finding, JobView, Options, job_rule
from auroralint.rules._containers import IMAGE_STRUCTS, field_name, misplaced_images


@job_rule("AUR101", "misplaced-container-image", "error")
def check(job: JobView, options: Options) -> Iterator[Finding]:
    for misplaced in misplaced_images(job):
        where = field_name(job, misplaced.field)
        kind = misplaced.found.partition("(")[0]
        if kind in IMAGE_STRUCTS:
            what = f"{kind} is only valid as Mesos(image=...), not as {where}"
        else:
            what = f"{where} cannot be {misplaced.found}"
        hint = ""
        if misplaced.other:
            engine = "Docker engine" if "Docker(" in misplaced.other else "Mesos containerizer"
            hint = f"or write {misplaced.other} to use the {engine}"
        yield Finding(f"{what}: write {misplaced.fix}", field=misplaced.field, hint=hint)
