"""An order constraint names no process at all.

``order=[]``, ``order()`` with no argument, and a ``Constraint()`` without ``order`` add a
constraint that orders nothing. The Thermos planner cannot plan a task with one, and Aurora's
client rejects the job ("Invalid process dependencies!" for an empty list; a bare
``Constraint()`` makes the planner fail outright). This often comes from building an order out
of a list that turned out empty.

Options:
    none

Bad::

    jobs = [job(task=task(constraints=[Constraint(order=[])]))]  # expect: AUR806

Good::

    jobs = [job(task=task(constraints=[]))]
"""

from __future__ import annotations

from collections.abc import Iterator

from auroralint import Finding, JobView, Options, job_rule
from auroralint.rules._processes import orders


@job_rule("AUR806", "empty-process-order", "error")
def check(job: JobView, options: Options) -> Iterator[Finding]:
    for order in orders(job):
        if order.names:
            continue
        what = "this order names no process" if order.written else "a Constraint() without order"
        yield Finding(
            f"{what}: the Thermos planner cannot plan the task and Aurora rejects it",
            field=order.field(),
            hint="drop the empty constraint, or list the processes to run one after another",
        )
