r"""The job's environment is not one the cluster's scheduler accepts.

Since Aurora 0.19 the scheduler refuses a job whose environment does not fully match its
``-allowed_job_environments`` regular expression ("Job environment X doesn't match: ..."). The
default, ``^(prod|devel|test|staging\d*)$``, allows ``prod``, ``devel``, ``test``, ``staging``
and ``staging<digits>``; ``production``, which parts of Aurora's documentation show, is
refused. A cluster profile's ``allowed_job_environments`` replaces the default. Environments
that are not identifiers at all are left to ``invalid-job-key``.

Options:
    none

Bad::

    jobs = [job(environment='production')]  # expect: AUR402

Good::

    jobs = [job(environment='prod')]
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from auroralint import Finding, JobView, Options, job_rule
from auroralint.rules._scheduler import identifier_problem, text

# Environment names people write for the ones Aurora's default pattern knows.
_USUAL = {"production": "prod", "prd": "prod", "development": "devel", "develop": "devel",
          "dev": "devel", "testing": "test", "stage": "staging", "stg": "staging"}  # fmt: skip


def _suggestion(environment: str) -> str:
    staged = re.fullmatch(r"(?:staging|stage|stg)[-_.]?(\d*)", environment.lower())
    if staged:
        return f"staging{staged.group(1)}"
    return _USUAL.get(environment.lower(), environment.lower())


@job_rule("AUR402", "invalid-environment", "error")
def check(job: JobView, options: Options) -> Iterator[Finding]:
    environment = text(job, "environment")
    profile = job.profile
    if environment is None or identifier_problem(environment):
        return
    if profile.environment_allowed(environment):
        return
    pattern = profile.allowed_job_environments
    who = f"cluster {job.get('cluster')!r}" if profile.configured else "Aurora's default scheduler"
    suggestion = _suggestion(environment)
    hint = (f"use environment={suggestion!r}" if profile.environment_allowed(suggestion)
            else f"use an environment matching {pattern}")  # fmt: skip
    yield Finding(f"environment {environment!r} is not allowed: {who} accepts only "
                  f"environments fully matching {pattern}", field="environment", hint=hint)  # fmt: skip
