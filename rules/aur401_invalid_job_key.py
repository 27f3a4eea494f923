r"""A role, environment or job name is not a valid Aurora identifier.

Aurora's client refuses a job key part that does not match ``^[\w\-\.]+$`` ("Invalid name
'x'"), and the scheduler also refuses parts longer than 255 characters ("Job key ... is
invalid."). ``\w`` means ASCII letters, digits and ``_`` here, as in Aurora's Java and
Python 2 code, so ``café``, ``web server`` and ``team/web`` are all rejected. Each invalid part
is reported at its own field; values still holding unbound ``{{refs}}`` are skipped.

Options:
    none

Bad::

    jobs = [job(name='web server')]  # expect: AUR401

Good::

    jobs = [job(name='web-server.v2')]
"""

from __future__ import annotations

from collections.abc import Iterator

from auroralint import Finding, JobView, Options, job_rule
from auroralint.rules._scheduler import identifier_problem, text


@job_rule("AUR401", "invalid-job-key", "error")
def check(job: JobView, options: Options) -> Iterator[Finding]:
    for part in ("role", "environment", "name"):
        value = text(job, part)
        problem = identifier_problem(value) if value is not None else ""
        if value is not None and problem:
            shown = value if len(value) <= 60 else f"{value[:57]}..."
            yield Finding(f"the job's {part} {shown!r} {problem}", field=part,
                          hint="use only letters, digits, '_', '-' and '.', at most 255 of them")  # fmt: skip
