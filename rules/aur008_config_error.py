"""The config's own code raised an exception, so Aurora would stop loading it.

This is the catch-all for errors raised while a config runs that no more specific rule
explains: a ``TypeError`` from a helper function, an ``order()`` given something that is not a
process, ``SequentialTask`` on a task that already has constraints, ``sys.exit()``. The
diagnostic points at the failing call in the config (not inside auroralint or pystachio) and
lists the calls that led there.

Options:
    none

Bad::

    jobs = [job(task=task(processes=[hello] + 'world'))]  # expect: AUR008

Good::

    world = Process(name='world', cmdline='echo world')
    jobs = [job(task=task(processes=[hello, world]))]
"""

from __future__ import annotations

from collections.abc import Iterator

from auroralint import Finding, LoadFailure, load_rule
from auroralint.errortext import error_text, shown


@load_rule("AUR008", "config-error", "error", fallback=True)
def classify(failure: LoadFailure) -> Iterator[Finding]:
    error = failure.error
    hint = "Aurora's client stops loading the config here too; the notes show the calls that led here"
    if isinstance(error, SystemExit):
        yield Finding(f"the config called sys.exit({shown(error.code)})",
                      hint="a config must not exit: Aurora's client would exit with it")
        return
    yield Finding(error_text(error), hint=hint)
