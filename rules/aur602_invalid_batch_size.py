"""An update batch size is zero or negative, or a variable batch list is empty.

Updates replace instances in groups. Aurora's client stops ``aurora update start`` when
``update_config.batch_size`` is not positive ("Batch size should be greater than 0"), and the
scheduler rejects an update strategy whose group sizes are not all positive ("All update group
sizes must be positive", "Update results in no instance being modified"): a
``QueueUpdateStrategy`` or ``BatchUpdateStrategy`` with ``batch_size`` <= 0, or a
``VariableBatchUpdateStrategy`` whose ``batch_sizes`` is empty or holds a size <= 0. The job
itself starts fine; the first update fails.

Options:
    none

Bad::

    jobs = [job(update_config=UpdateConfig(batch_size=0))]  # expect: AUR602

Good::

    jobs = [job(update_config=UpdateConfig(
        update_strategy=VariableBatchUpdateStrategy(batch_sizes=[1, 5, 10])))]
"""

from __future__ import annotations

from collections.abc import Iterator

from auroralint import Finding, JobView, Options, job_rule
from auroralint.rules._scheduler import integer

STRATEGY = "update_config.update_strategy"


@job_rule("AUR602", "invalid-batch-size", "error")
def check(job: JobView, options: Options) -> Iterator[Finding]:
    size = integer(job, "update_config.batch_size")
    if size is not None and size <= 0:
        yield Finding(f"update_config.batch_size is {size}: updates need a positive batch size",
                      field="update_config.batch_size", hint="use a batch size of 1 or more")
    strategy = job.kind(STRATEGY)
    if strategy in ("QueueUpdateStrategy", "BatchUpdateStrategy"):
        size = integer(job, f"{STRATEGY}.batch_size")
        if size is not None and size <= 0:
            yield Finding(f"the {strategy} has batch_size {size}: the scheduler refuses update "
                          "groups that are not positive", field=f"{STRATEGY}.batch_size",
                          hint="use a batch size of 1 or more")  # fmt: skip
    elif strategy == "VariableBatchUpdateStrategy":
        sizes = job.get(f"{STRATEGY}.batch_sizes")
        if sizes == []:
            yield Finding("VariableBatchUpdateStrategy.batch_sizes is empty: the update "
                          "would modify no instance", field=f"{STRATEGY}.batch_sizes",
                          hint="list the group sizes, e.g. [1, 5, 10] (the last one repeats)")
        for index in range(len(sizes) if isinstance(sizes, list) else 0):
            number = integer(job, f"{STRATEGY}.batch_sizes[{index}]")
            if number is not None and number <= 0:
                yield Finding(f"batch_sizes[{index}] is {number}: the scheduler refuses update "
                              "groups that are not positive",
                              field=f"{STRATEGY}.batch_sizes[{index}]",
                              hint="use group sizes of 1 or more")  # fmt: skip
