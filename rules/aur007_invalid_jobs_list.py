"""The top-level ``jobs`` is not a list of ``Job`` objects.

Aurora reads only the variable ``jobs`` and needs a list whose every element is a ``Job`` (or
``Service``, which is a Job). Anything else (a single Job, a Process, a dict) fails when the
client picks a job. The message points at the offending element.

Options:
    none

Bad::

    jobs = [job, task]  # expect: AUR007

Good::

    jobs = [job]
"""

from __future__ import annotations

from collections.abc import Iterator

from auroralint import Finding, LoadFailure, load_rule
from auroralint.loader import InvalidJobs


@load_rule("AUR007", "invalid-jobs-list", "error")
def classify(failure: LoadFailure) -> Iterator[Finding]:
    if isinstance(failure.error, InvalidJobs):
        yield Finding(str(failure.error), hint="jobs = [Job(...), Service(...)]")
