"""A process is ordered after a daemon process, or a non-ephemeral one after an ephemeral one.

A daemon process is restarted whenever it exits, so it never completes for good; the task does
not wait for an ephemeral process, which may still run when the task ends. A process ordered
after either would wait for something that need not finish, so Aurora's client rejects the
task ("Process B may not depend upon daemon process A", "Non-ephemeral process B may not
depend upon ephemeral process A"). A daemon or ephemeral process may wait for a regular one,
and an ephemeral process for another ephemeral one.

Options:
    none

Bad::

    proxy = Process(name='proxy', cmdline='./proxy', daemon=True)
    jobs = [job(task=task(processes=[proxy, hello],
                          constraints=[Constraint(order=['proxy', 'hello'])]))]  # expect: AUR805

Good::

    proxy = Process(name='proxy', cmdline='./proxy', daemon=True)
    jobs = [job(task=task(processes=[hello, proxy],
                          constraints=[Constraint(order=['hello', 'proxy'])]))]
"""

from __future__ import annotations

from collections.abc import Iterator

from auroralint import Finding, JobView, Options, job_rule
from auroralint.rules._processes import Plan


@job_rule("AUR805", "invalid-process-dependency", "error")
def check(job: JobView, options: Options) -> Iterator[Finding]:
    for step in Plan(job).steps():
        before, after = step.before.name, step.after.name
        if step.before.daemon:
            yield Finding(
                f"process {after!r} is ordered after daemon process {before!r}, which never "
                f"finishes for good: Aurora rejects the task (Process {after} may not depend "
                f"upon daemon process {before})",
                field=step.field,
                hint=f"drop this order, or make {before!r} a regular process",
            )
        if step.before.ephemeral and step.after.ephemeral is False:
            yield Finding(
                f"non-ephemeral process {after!r} is ordered after ephemeral process "
                f"{before!r}: Aurora rejects the task (Non-ephemeral process {after} may not "
                f"depend upon ephemeral process {before})",
                field=step.field,
                hint=f"drop this order, or make {after!r} ephemeral too",
            )
