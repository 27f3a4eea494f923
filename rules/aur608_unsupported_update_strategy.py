"""``update_strategy`` is a Queue or Batch strategy, which Aurora 0.22's client cannot start.

Aurora 0.22 added explicit update strategies, but its client converts only
``VariableBatchUpdateStrategy``: with ``QueueUpdateStrategy`` or ``BatchUpdateStrategy``,
``aurora update start`` fails with an ``AttributeError`` (``groupSize``) before talking to the
scheduler. The same behaviour is available without the crash: ``batch_size=N`` is a queue of
N, ``batch_size=N, wait_for_batch_completion=True`` runs batches of N, and
``VariableBatchUpdateStrategy(batch_sizes=[N])`` works.

Options:
    none

Bad::

    jobs = [job(update_config=UpdateConfig(update_strategy=QueueUpdateStrategy(batch_size=2)))]  # expect: AUR608

Good::

    jobs = [job(update_config=UpdateConfig(batch_size=2))]
"""

from __future__ import annotations

from collections.abc import Iterator

from auroralint import Finding, JobView, Options, job_rule
from auroralint.rules._scheduler import integer

_REPLACEMENT = {
    "QueueUpdateStrategy": "UpdateConfig(batch_size={n})",
    "BatchUpdateStrategy": "UpdateConfig(batch_size={n}, wait_for_batch_completion=True)",
}


@job_rule("AUR608", "unsupported-update-strategy", "error")
def check(job: JobView, options: Options) -> Iterator[Finding]:
    strategy = job.kind("update_config.update_strategy")
    if strategy not in _REPLACEMENT:
        return
    size = integer(job, "update_config.update_strategy.batch_size")
    n = size if size is not None else 1
    yield Finding(
        f"{strategy} makes `aurora update start` fail in Aurora 0.22's client (AttributeError: "
        "groupSize); only VariableBatchUpdateStrategy is converted",
        field="update_config.update_strategy",
        hint=f"write {_REPLACEMENT[strategy].format(n=n)}, or "
        f"update_strategy=VariableBatchUpdateStrategy(batch_sizes=[{n}])",
    )
