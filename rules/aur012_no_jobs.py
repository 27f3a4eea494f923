"""The config defines no jobs, so Aurora has nothing to run.

Aurora reads only the top-level variable ``jobs``; ``aurora job create`` fails with "No job
defined in this config!" when it is missing or empty. Files meant only to be ``include()``d by
other configs define no jobs on purpose: exclude them, or ignore this rule for them with
``per-file-ignores``.

Options:
    none

Bad::

    hello_job = job(name='hello')  # expect: AUR012

Good::

    jobs = [job(name='hello')]
"""

from __future__ import annotations

from collections.abc import Iterator

from auroralint import Finding, LoadFailure, load_rule
from auroralint.loader import NoJobs


@load_rule("AUR012", "no-jobs", "warning")
def classify(failure: LoadFailure) -> Iterator[Finding]:
    if isinstance(failure.error, NoJobs):
        yield Finding(
            f"{failure.error}: Aurora would find no job in this file",
            hint="list the jobs in a top-level `jobs = [...]`",
        )
