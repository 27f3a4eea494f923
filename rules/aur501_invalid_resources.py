"""The task's resources are missing, or a CPU, RAM or disk request the scheduler refuses.

Aurora's client refuses a task without ``resources`` ("Task must specify resources!"), even
for custom executors. It converts ``ram`` and ``disk`` from bytes to MiB with integer
division, so a request under 1 MiB becomes 0 and is refused ("cpu/ramMb/diskMb must all be
positive"); the scheduler also wants ``cpu`` above 0. ``ram=512`` is 512 bytes, not 512 MB: the
sizes need the ``MB``/``GB`` constants. A negative ``gpu`` is reported too.

Options:
    none

Bad::

    jobs = [job(task=task(resources=Resources(cpu=0.5, ram=512, disk=1*GB)))]  # expect: AUR501

Good::

    jobs = [job(task=task(resources=Resources(cpu=0.5, ram=512*MB, disk=1*GB)))]
"""

from __future__ import annotations

from collections.abc import Iterator

from auroralint import Finding, JobView, Options, job_rule
from auroralint.rules._scheduler import integer, number, readable_bytes

_MiB = 1024 * 1024


@job_rule("AUR501", "invalid-resources", "error")
def check(job: JobView, options: Options) -> Iterator[Finding]:
    if not isinstance(job.get("task"), dict):
        return
    if not job.has("task.resources"):
        yield Finding("the task has no resources: Aurora's client refuses it",
                      field="task.resources",
                      hint="add resources=Resources(cpu=..., ram=...*MB, disk=...*MB) to the Task")  # fmt: skip
        return
    cpu = number(job, "task.resources.cpu")
    if cpu is not None and cpu <= 0:
        yield Finding(f"cpu is {cpu:g}: the scheduler needs more than 0 CPUs per instance",
                      field="task.resources.cpu", hint="request a share of a CPU, like cpu=0.25")  # fmt: skip
    for part in ("ram", "disk"):
        size = integer(job, f"task.resources.{part}")
        if size is None or size >= _MiB:
            continue
        field = f"task.resources.{part}"
        if size > 0:
            # A small number is most likely meant in MB (ram=512), a larger one as it is.
            hint = (f"sizes are in bytes: did you mean {part}={size}*MB?" if size <= 65536
                    else f"request at least 1 MiB, like {part}=1*MB")  # fmt: skip
            yield Finding(f"{part} is {readable_bytes(size)}: the client counts whole MiB, which "
                          f"makes it 0, and Aurora refuses it", field=field, hint=hint)  # fmt: skip
        else:
            yield Finding(f"{part} is {readable_bytes(size)}: Aurora needs at least 1 MiB",
                          field=field, hint=f"request a size, like {part}=64*MB")  # fmt: skip
    gpu = integer(job, "task.resources.gpu")
    if gpu is not None and gpu < 0:
        yield Finding(f"gpu is {gpu}: a task cannot request a negative number of GPUs",
                      field="task.resources.gpu", hint="use gpu=0 (the default) or more")  # fmt: skip
