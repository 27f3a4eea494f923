"""An order mixes final and non-final processes.

Thermos runs a task in two stages: first the regular processes, then, once they have all
finished (or the task is killed), the ``final=True`` processes, such as cleanup or log upload.
Each stage is planned on its own, so an order may only name processes of one stage. An order
with both makes Aurora's client reject the task ("Invalid process dependencies!"). Final
processes need no order to run after the regular ones; order them among themselves only.

Options:
    none

Bad::

    upload = Process(name='upload_logs', cmdline='./upload.sh', final=True)
    jobs = [job(task=task(processes=[hello, upload],
                          constraints=order(hello, upload)))]  # expect: AUR804

Good::

    upload = Process(name='upload_logs', cmdline='./upload.sh', final=True)
    jobs = [job(task=task(processes=[hello, upload]))]
"""

from __future__ import annotations

from collections.abc import Iterator

from auroralint import Finding, JobView, Options, job_rule
from auroralint.rules._processes import Plan


@job_rule("AUR804", "mixed-final-order", "error")
def check(job: JobView, options: Options) -> Iterator[Finding]:
    plan = Plan(job)
    for order in plan.orders:
        first = None
        for position, name in enumerate(order.names):
            process = plan.known(name)
            if process is None or process.final is None:
                continue
            if first is None:
                first = process
            elif process.final != first.final:
                final, regular = (process, first) if process.final else (first, process)
                yield Finding(
                    f"this order mixes final process {final.name!r} with non-final process "
                    f"{regular.name!r}: Thermos plans final processes separately, after all "
                    "others, and rejects the task (Invalid process dependencies!)",
                    field=order.field(position),
                    hint="final processes always run after the others: leave them out of "
                         "orders with non-final processes",
                )  # fmt: skip
                break
