"""An explicit update strategy is combined with the legacy batch settings.

Since Aurora 0.22 ``update_config.update_strategy`` says how instances are grouped. The legacy
``batch_size`` and ``wait_for_batch_completion`` describe the same thing, and Aurora's client
refuses to start an update that sets both ("Ambiguous update configuration"): a
``batch_size`` above 1 or ``wait_for_batch_completion=True`` next to an ``update_strategy``.

Options:
    none

Bad::

    jobs = [job(update_config=UpdateConfig(
        batch_size=5,  # expect: AUR606
        update_strategy=VariableBatchUpdateStrategy(batch_sizes=[1, 5])))]

Good::

    jobs = [job(update_config=UpdateConfig(
        update_strategy=VariableBatchUpdateStrategy(batch_sizes=[1, 5])))]
"""

from __future__ import annotations

from collections.abc import Iterator

from auroralint import Finding, JobView, Options, job_rule
from auroralint.rules._scheduler import integer


@job_rule("AUR606", "ambiguous-update-strategy", "error")
def check(job: JobView, options: Options) -> Iterator[Finding]:
    if not job.has("update_config.update_strategy"):
        return
    strategy = job.kind("update_config.update_strategy") or "update_strategy"
    if job.get("update_config.wait_for_batch_completion") is True:
        yield Finding(f"wait_for_batch_completion=True conflicts with the explicit {strategy}",
                      field="update_config.wait_for_batch_completion",
                      hint="drop wait_for_batch_completion: the strategy decides how batches "
                           "run")  # fmt: skip
    size = integer(job, "update_config.batch_size")
    if size is not None and size > 1:
        yield Finding(f"batch_size={size} conflicts with the explicit {strategy}",
                      field="update_config.batch_size",
                      hint="drop batch_size and set the group size in the strategy")
