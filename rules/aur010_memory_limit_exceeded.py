"""Evaluating the config used more memory than allowed.

A config that builds a huge string or list would exhaust the machine running pre-commit or CI.
auroralint runs each file in a worker whose address space is capped by ``--memory-limit``
(in MiB, default 1024), reports this, and goes on with the other files.

Options:
    none (the limit is the ``--memory-limit`` flag or the ``memory-limit`` setting)

Bad::

    padding = ' ' * (10 * 1024 ** 3)  # expect: AUR010
    jobs = [job]

Good::

    padding = ' ' * 1024
    jobs = [job]
"""

from __future__ import annotations

from collections.abc import Iterator

from auroralint import Finding, LoadFailure, load_rule


@load_rule("AUR010", "memory-limit-exceeded", "error")
def classify(failure: LoadFailure) -> Iterator[Finding]:
    if isinstance(failure.error, MemoryError):
        yield Finding(
            "evaluating the config exceeded the memory limit",
            hint="raise the limit with --memory-limit MIB if the config really needs it",
        )
