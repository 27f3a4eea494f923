"""The task requests GPUs on a cluster whose scheduler has GPU support off.

A ``Resources(gpu=N)`` above zero is refused unless the scheduler runs with
``-allow_gpu_resource`` ("GPU resource support is disabled in this cluster."), which is off by
default and also needs Mesos' GPU isolation on the agents. With a cluster profile
(``allow_gpu_resource``) this is an error; without one it is a warning.

Options:
    none

Bad::

    gpus = Resources(cpu=1, ram=1*GB, disk=1*GB, gpu=1)  # expect: AUR502
    jobs = [job(task=task(resources=gpus))]

Good::

    cpus = Resources(cpu=1, ram=1*GB, disk=1*GB)
    jobs = [job(task=task(resources=cpus))]
"""

from __future__ import annotations

from collections.abc import Iterator

from auroralint import Finding, JobView, Options, job_rule
from auroralint.rules._scheduler import by_profile, integer


@job_rule("AUR502", "gpu-not-allowed", "error")
def check(job: JobView, options: Options) -> Iterator[Finding]:
    gpu = integer(job, "task.resources.gpu")
    if gpu is None or gpu <= 0 or job.profile.allow_gpu_resource:
        return
    yield by_profile(job, f"the task requests {gpu} GPU{'s' if gpu > 1 else ''}",
                     "allow_gpu_resource = false", "-allow_gpu_resource=false",
                     field="task.resources.gpu",
                     hint="drop gpu=..., or send the job to a cluster with GPUs enabled")  # fmt: skip
