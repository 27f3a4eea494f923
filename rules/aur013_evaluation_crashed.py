"""The process evaluating the config died without reporting a result.

A config can crash the Python interpreter that runs it (a native extension, ``os.abort()``, a
signal). auroralint evaluates every file in a separate worker, so the crash costs this one
diagnostic and the other files are still linted.

Options:
    none

Bad::

    import os; os.abort()  # expect: AUR013

Good::

    jobs = [job]
"""

from __future__ import annotations

from collections.abc import Iterator

from auroralint import Finding, LoadFailure, load_rule
from auroralint.failures import WorkerCrashed


@load_rule("AUR013", "evaluation-crashed", "error")
def classify(failure: LoadFailure) -> Iterator[Finding]:
    if isinstance(failure.error, WorkerCrashed):
        yield Finding(f"evaluating the config crashed: {failure.error}",
                      hint="the config's own code (or a library it imports) killed the Python "
                      "process; Aurora's client would die the same way")
