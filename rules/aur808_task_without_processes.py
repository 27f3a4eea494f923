"""The task has no processes: Aurora's client refuses it, or it has nothing to run.

A task without ``processes`` is refused by the client ("Processes required for task on job");
one with an empty list is accepted but runs nothing: a cron job does no work, and a service
finishes at once and is restarted forever.

Options:
    none

Bad::

    jobs = [job(task=Task(name='hello', resources=resources))]  # expect: AUR808

Good::

    jobs = [job(task=Task(name='hello', processes=[hello], resources=resources))]
"""

from __future__ import annotations

from collections.abc import Iterator

from auroralint import Finding, JobView, Options, job_rule


@job_rule("AUR808", "task-without-processes", "error")
def check(job: JobView, options: Options) -> Iterator[Finding]:
    if not job.has("task"):
        return  # no task at all: missing-required-field
    processes = job.get("task.processes")
    if processes is None:
        yield Finding("the task has no processes: Aurora's client refuses the job (Processes "
                      "required for task)", field="task",
                      hint="list the task's processes: Task(processes=[...])")  # fmt: skip
    elif processes == []:
        yield Finding("the task's process list is empty: the task runs nothing",
                      field="task.processes", hint="add the processes the task should run")  # fmt: skip
