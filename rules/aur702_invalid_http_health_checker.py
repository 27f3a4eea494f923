"""An HTTP health checker has an unusable endpoint or expected status code.

The executor's HTTP health check requests ``http://localhost:<health port><endpoint>``, so the
``endpoint`` must be a path starting with ``/``: an empty one checks nothing useful and one like
``'health'`` produces a broken URL. ``expected_response_code`` is an HTTP status (100 to 599),
or 0 to accept any status; other values can never match, and the instance never becomes
healthy. A ``shell`` checker, when also set, replaces the HTTP one and this rule is silent.

Options:
    none

Bad::

    checker = HttpHealthChecker(endpoint='health',  # expect: AUR702
                                expected_response_code=2000)  # expect: AUR702
    jobs = [job(health_check_config=HealthCheckConfig(
        health_checker=HealthCheckerConfig(http=checker)))]

Good::

    checker = HttpHealthChecker(endpoint='/health', expected_response_code=200)
    jobs = [job(health_check_config=HealthCheckConfig(
        health_checker=HealthCheckerConfig(http=checker)))]
"""

from __future__ import annotations

from collections.abc import Iterator

from auroralint import Finding, JobView, Options, job_rule
from auroralint.rules._scheduler import integer

CHECKER = "health_check_config.health_checker"


@job_rule("AUR702", "invalid-http-health-checker", "error")
def check(job: JobView, options: Options) -> Iterator[Finding]:
    if not job.has(f"{CHECKER}.http") or job.has(f"{CHECKER}.shell"):
        return
    endpoint = job.get(f"{CHECKER}.http.endpoint")
    if endpoint == "":
        yield Finding("the HTTP health checker's endpoint is empty: nothing is checked",
                      field=f"{CHECKER}.http.endpoint", hint="use a path such as '/health'")
    # A leading {{ref}} may well expand to a path: only a fixed prefix is judged.
    elif isinstance(endpoint, str) and not endpoint.startswith(("/", "{{")):
        yield Finding(f"the HTTP health checker's endpoint {endpoint!r} does not start with '/': "
                      "the executor appends it to the port and requests a broken URL",
                      field=f"{CHECKER}.http.endpoint", hint=f"use '/{endpoint}'")  # fmt: skip
    code = integer(job, f"{CHECKER}.http.expected_response_code")
    if code is not None and code != 0 and not 100 <= code <= 599:
        yield Finding(f"expected_response_code {code} is not an HTTP status: no response can "
                      "match it and the instance never becomes healthy",
                      field=f"{CHECKER}.http.expected_response_code",
                      hint="use a status such as 200, or 0 to accept any")  # fmt: skip
