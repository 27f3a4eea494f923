"""The Mesos container mounts volumes the cluster's scheduler refuses.

``Mesos(volumes=[Volume(container_path=..., host_path=..., mode=...)])`` mounts host paths
into the task's image. The scheduler refuses a non-empty list unless it runs with
``-allow_container_volumes`` ("This scheduler is configured to disallow container volumes."),
which is off by default. With a cluster profile (``allow_container_volumes``) this is an error,
without one a warning.

Options:
    none

Bad::

    data = Volume(container_path='/data', host_path='/srv/data', mode=Mode('RO'))
    jobs = [job(container=Mesos(image=DockerImage(name='debian', tag='stretch'),
                                volumes=[data]))]  # expect: AUR422

Good::

    jobs = [job(container=Mesos(image=DockerImage(name='debian', tag='stretch')))]
"""

from __future__ import annotations

from collections.abc import Iterator

from auroralint import Finding, JobView, Options, job_rule
from auroralint.rules._scheduler import by_profile


@job_rule("AUR422", "container-volumes-not-allowed", "error")
def check(job: JobView, options: Options) -> Iterator[Finding]:
    volumes = job.get("container.volumes") if job.kind("container") == "Mesos" else None
    if not isinstance(volumes, list) or not volumes or job.profile.allow_container_volumes:
        return
    paths = [volume.get("host_path") for volume in volumes if isinstance(volume, dict)]
    shown = ", ".join(repr(path) for path in paths if isinstance(path, str)) or len(volumes)
    yield by_profile(job, f"the Mesos container mounts volumes ({shown})",
                     "allow_container_volumes = false", "-allow_container_volumes=false",
                     field="container.volumes",
                     hint="remove the volumes, or ask the operator for -allow_container_volumes "
                          "(or -global_container_mounts)")  # fmt: skip
