"""A Mesos container has volumes but no image, so the volumes are silently ignored.

Aurora mounts a ``Mesos`` container's ``volumes`` only into the image's filesystem, next to the
image itself. Without ``image=`` the task runs directly on the host filesystem, and the
volumes are accepted (where the scheduler allows volumes at all) and then dropped: the task
does not see the paths it expects at ``container_path``.

Options:
    none

Bad::

    data = Volume(container_path='/data', host_path='/srv/data', mode=Mode('RO'))
    jobs = [job(container=Mesos(volumes=[data]))]  # expect: AUR423

Good::

    data = Volume(container_path='/data', host_path='/srv/data', mode=Mode('RO'))
    jobs = [job(container=Mesos(image=DockerImage(name='debian', tag='stretch'), volumes=[data]))]
"""

from __future__ import annotations

from collections.abc import Iterator

from auroralint import Finding, JobView, Options, job_rule


@job_rule("AUR423", "volumes-without-image", "warning")
def check(job: JobView, options: Options) -> Iterator[Finding]:
    if job.kind("container") != "Mesos" or job.has("container.image"):
        return
    volumes = job.get("container.volumes")
    if isinstance(volumes, list) and volumes:
        yield Finding(f"the Mesos container has {len(volumes)} volume(s) but no image: Aurora "
                      f"mounts volumes only into an image, so these are ignored",
                      field="container.volumes",
                      hint="add image=DockerImage(name=..., tag=...) or AppcImage(...), or use "
                           "the host paths directly")  # fmt: skip
