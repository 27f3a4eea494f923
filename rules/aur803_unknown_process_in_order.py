"""An order names a process the task does not have.

Thermos reads each ``Constraint(order=[...])`` of a task (written by hand, by ``order()``,
``SequentialTask`` or ``concat_tasks``) against the task's process names. An order that names
some real processes and some unknown ones makes Aurora's client reject the task ("Invalid
process dependencies!"). An order that names only unknown processes is silently ignored, so
the processes run in parallel instead of in sequence. Both are usually a typo, a renamed
process, or a ``SequentialTask`` whose processes were replaced later (``t(processes=[...])``
keeps the order computed from the old ones).

Options:
    none

Bad::

    fetch = Process(name='fetch', cmdline='curl -O $URL')
    jobs = [job(task=task(processes=[fetch, hello],
                          constraints=order('fetch', 'helo')))]  # expect: AUR803

Good::

    fetch = Process(name='fetch', cmdline='curl -O $URL')
    jobs = [job(task=task(processes=[fetch, hello], constraints=order(fetch, hello)))]
"""

from __future__ import annotations

from collections.abc import Iterator

from auroralint import Finding, JobView, Options, job_rule
from auroralint.rules._processes import Plan
from auroralint.rules._scheduler import did_you_mean


@job_rule("AUR803", "unknown-process-in-order", "error")
def check(job: JobView, options: Options) -> Iterator[Finding]:
    plan = Plan(job)
    # A SequentialTask's order outlives a later change of its processes: list the real ones.
    real = "the task's processes are " + ", ".join(repr(name) for name in plan.by_name)
    if not plan.by_name:
        real = "the task has no named process"
    for order in plan.orders:
        unknown = plan.unknown(order)
        if not unknown:
            continue
        if any(plan.known(name) for name in order.names):
            for position, name in unknown:
                yield Finding(
                    f"process {name!r} in this order is not a process of the task"
                    f"{did_you_mean(name, plan.by_name)}: an order mixing unknown and real "
                    "processes makes Aurora reject the task (Invalid process dependencies!)",
                    field=order.field(position),
                    hint=real,
                )
        elif len(unknown) == len(order.names):
            names = ", ".join(f"{name!r}{did_you_mean(name, plan.by_name)}" for _, name in unknown)
            yield Finding(
                f"this order names no process of the task ({names}): Thermos silently "
                "ignores it, and the task's processes run without this ordering",
                field=order.field(),
                hint=f"{real}: name them, or drop the order if it is left over",
            )
