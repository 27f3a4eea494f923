"""A struct is given a field it does not have, usually a typo or a field Aurora removed.

pystachio raises at once, while the config runs, so Aurora stops there and reports nothing
else. The message names the struct and suggests the closest field; fields that older Aurora
releases had (``cron_policy``, ``daemon``, ``HealthCheckConfig.endpoint``...) get their modern
replacement instead.

Options:
    none

Bad::

    jobs = [job(instances=2, enviroment='devel')]  # expect: AUR005

Good::

    jobs = [job(instances=2, environment='devel')]
"""

from __future__ import annotations

from collections.abc import Iterator

from auroralint import Finding, LoadFailure, load_rule
from auroralint.config_errors import unknown_attribute
from auroralint.suggest import closest

# (struct, removed field) -> what replaced it
_REMOVED = {
    ("Job", "cron_policy"): "removed in Aurora 0.6.0; use cron_collision_policy",
    ("Job", "daemon"): "removed in Aurora 0.6.0; use service=True",
    ("Job", "health_check_interval_secs"):
        "removed in Aurora 0.6.0; use health_check_config=HealthCheckConfig(interval_secs=...)",
    ("Job", "recipes"): "removed in Aurora 0.6.0",
    ("HealthCheckConfig", "endpoint"):
        "moved to HttpHealthChecker in Aurora 0.12.0: "
        "health_checker=HealthCheckerConfig(http=HttpHealthChecker(endpoint=...))",
    ("HealthCheckConfig", "expected_response"): "moved to HttpHealthChecker in Aurora 0.12.0",
    ("HealthCheckConfig", "expected_response_code"): "moved to HttpHealthChecker in Aurora 0.12.0",
    ("UpdateConfig", "restart_threshold"): "removed in Aurora 0.12.0",
}  # fmt: skip


@load_rule("AUR005", "unknown-schema-attribute", "error")
def classify(failure: LoadFailure) -> Iterator[Finding]:
    found = unknown_attribute(failure.error)
    if found is None:
        return
    struct, attribute = found.struct, found.attribute
    shown = struct
    removed = _REMOVED.get((struct, attribute))
    fields = f"{shown} fields: {', '.join(sorted(found.known))}"
    if removed:
        yield Finding(f"{shown} has no field `{attribute}`: {removed}", field=attribute, hint=fields)
        return
    close = closest(attribute, found.known, cutoff=0.6) or next(
        (known for known in found.known if known.startswith(attribute)), ""
    )
    suggestion = f"; did you mean `{close}`?" if close else ""
    yield Finding(f"{shown} has no field `{attribute}`{suggestion}", field=attribute, hint=fields)
