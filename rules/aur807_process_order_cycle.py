"""The orders of a task form a cycle.

Each order makes a process wait for the one before it. When the orders of a task, taken
together, lead from a process back to itself (``order(a, b) + order(b, a)``, a process listed
twice in one order, or a task given twice to ``concat_tasks``), no process of the cycle
can ever start. Aurora's client rejects the task ("Cycles detected in the task schedule!").
The cycle is reported once, at the order that closes it.

Options:
    none

Bad::

    build = Process(name='build', cmdline='make')
    test = Process(name='test', cmdline='make test')
    jobs = [job(task=task(processes=[build, test],
                          constraints=order(build, test) +
                                      order(test, build)))]  # expect: AUR807

Good::

    build = Process(name='build', cmdline='make')
    test = Process(name='test', cmdline='make test')
    jobs = [job(task=task(processes=[build, test], constraints=order(build, test)))]
"""

from __future__ import annotations

from collections.abc import Iterator

from auroralint import Finding, JobView, Options, job_rule
from auroralint.rules._processes import Plan


@job_rule("AUR807", "process-order-cycle", "error")
def check(job: JobView, options: Options) -> Iterator[Finding]:
    for cycle in Plan(job).cycles():
        # The step written last closes the cycle; read the cycle from the process it delays.
        last = max(range(len(cycle)), key=lambda i: (cycle[i].order.index, cycle[i].position))
        steps = cycle[last + 1 :] + cycle[: last + 1]
        path = " -> ".join([steps[0].before.name] + [step.after.name for step in steps])
        closing = cycle[last]
        what = f"ordering {closing.after.name!r} after {closing.before.name!r} closes a cycle"
        if len(cycle) == 1:
            what = f"process {closing.after.name!r} is ordered after itself"
        yield Finding(
            f"{what} ({path}): no process of the cycle can start, and Aurora rejects the task "
            "(Cycles detected in the task schedule!)",
            field=closing.field,
            hint="remove one of the orders in the cycle",
        )
