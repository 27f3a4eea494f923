"""Evaluating the config took longer than the timeout, probably an endless loop.

A config is a program; one that never finishes would hang ``aurora job create`` and every
pre-commit run. auroralint evaluates each file in its own worker process and stops it after
``--timeout`` seconds (default 10), reports this, and goes on with the other files.

Options:
    none (the limit is the ``--timeout`` flag or the ``timeout`` setting)

Bad::

    while True:  # expect: AUR009
        pass

Good::

    jobs = [job]
"""

from __future__ import annotations

from collections.abc import Iterator

from auroralint import Finding, LoadFailure, load_rule
from auroralint.failures import WorkerTimeout


@load_rule("AUR009", "evaluation-timeout", "error")
def classify(failure: LoadFailure) -> Iterator[Finding]:
    if isinstance(failure.error, WorkerTimeout):
        yield Finding(
            f"{failure.error}; is there an endless loop?",
            hint="raise the limit with --timeout SECONDS if the config is just slow",
        )
