"""A job cannot be interpolated, and no other rule explains why.

Aurora's client interpolates every ``{{ref}}`` of a job before submitting it; pystachio fails on
a value its type cannot hold once interpolated, or on refs that refer to each other in a
cycle. Rules usually name the field at fault (``invalid-field-value``,
``malformed-mustache``); this rule reports the failure when none did.

Options:
    none

Bad::

    jobs = [job(name='{{label}}').bind(label='{{name}}')]  # expect: AUR014

Good::

    jobs = [job(name='hello-{{label}}').bind(label='web')]
"""

from __future__ import annotations

from collections.abc import Iterator

from auroralint import Finding, LoadFailure, load_rule
from auroralint.loader import InterpolationFailed


@load_rule("AUR014", "uninterpolatable-job", "error")
def classify(failure: LoadFailure) -> Iterator[Finding]:
    error = failure.error
    if isinstance(error, InterpolationFailed):
        cycle = "Maximum replacements" in str(error)
        hint = ("two {{refs}} refer to each other; bind one of them to a value" if cycle
                else "a value cannot be converted to its field's type once its refs are filled in")
        yield Finding(f"the job cannot be interpolated: {error}", hint=hint)
