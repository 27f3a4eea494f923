"""The config reads an environment variable that is not set.

Configs often read ``os.environ['DEPLOY_TAG']`` to pick an image tag or a cluster. Aurora's
client fails on a missing variable with a bare ``KeyError``. auroralint evaluates configs with
its own environment plus any ``--env NAME=VALUE`` you give, so a check in CI can say what the
deploy job will set.

Options:
    none

Bad::

    import os
    jobs = [job(name=os.environ['HELLO_JOB_NAME'])]  # expect: AUR004

Good::

    import os
    jobs = [job(name=os.environ.get('HELLO_JOB_NAME', 'hello'))]
"""

from __future__ import annotations

import os
from collections.abc import Iterator

from auroralint import Finding, LoadFailure, load_rule


@load_rule("AUR004", "missing-environment-variable", "error")
def classify(failure: LoadFailure) -> Iterator[Finding]:
    error = failure.error
    if not isinstance(error, KeyError) or not _raised_by_environ(error):
        return
    name = error.args[0] if error.args else "?"
    yield Finding(
        f"environment variable {name} is not set",
        hint=f"set it for the lint run with --env {name}=VALUE",
    )


def _raised_by_environ(error: KeyError) -> bool:
    trace = error.__traceback__
    while trace is not None:
        frame = trace.tb_frame
        if isinstance(frame.f_locals.get("self"), os._Environ):
            return True
        trace = trace.tb_next
    return False
