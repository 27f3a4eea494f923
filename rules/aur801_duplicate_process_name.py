"""Two processes of a task have the same name.

Thermos knows a task's processes by name. Aurora does not check that names are unique: when two
processes share one, the planner and the runner silently keep only one of them, and the other
never runs. This happens easily when ``combine_tasks`` or ``concat_tasks`` merge tasks that
each have, say, an ``install`` process, or when a process is copied with ``p(cmdline=...)`` and
its name is left unchanged. Each later duplicate is reported, naming the first.

Options:
    none

Bad::

    install = Process(name='install', cmdline='pip install app.whl')
    migrate = install(cmdline='./manage.py migrate')
    jobs = [job(task=task(processes=[install, migrate]))]  # expect: AUR801

Good::

    install = Process(name='install', cmdline='pip install app.whl')
    migrate = install(name='migrate', cmdline='./manage.py migrate')
    jobs = [job(task=task(processes=[install, migrate]))]
"""

from __future__ import annotations

from collections.abc import Iterator

from auroralint import Finding, JobView, Options, job_rule
from auroralint.rules._processes import Process, processes


@job_rule("AUR801", "duplicate-process-name", "error")
def check(job: JobView, options: Options) -> Iterator[Finding]:
    first: dict[str, Process] = {}
    for process in processes(job):
        earlier = first.setdefault(process.name, process)
        if earlier is process:
            continue
        where = f"(processes[{earlier.index}] and processes[{process.index}])"
        if job.get(earlier.field) == job.get(process.field):
            yield Finding(f"process {process.name!r} is listed twice {where}: Thermos runs it "
                          "once", field=process.field, hint="drop the duplicate")  # fmt: skip
            continue
        yield Finding(
            f"two processes are named {process.name!r} {where}: Thermos keeps only one "
            "process per name, so the other never runs",
            field=process.field,
            hint="give each process its own name",
        )

