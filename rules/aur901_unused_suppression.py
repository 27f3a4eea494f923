"""A suppression comment that silences nothing, or names a rule that does not exist.

Suppressions outlive the problems they were written for: once the config is fixed, a stale
``# noqa: AUR103`` hides the next real problem of that kind on the line. Remove it. Only codes
of rules that ran count, so ``--select`` never makes a suppression look unused. An empty
``# auroralint: ignore[]`` names no rule and suppresses nothing.

Options:
    none

Bad::

    jobs = [job]  # noqa: AUR999  # expect: AUR901

Good::

    jobs = [job]
"""

from __future__ import annotations

from collections.abc import Iterator, Set
from typing import TYPE_CHECKING

from auroralint import Finding, suppression_rule

if TYPE_CHECKING:  # the module is imported only for files holding a suppression comment
    from auroralint.suppressions import Suppression


@suppression_rule("AUR901", "unused-suppression", "warning")
def check(
    suppression: Suppression, used: Set[str], known: Set[str], enabled: Set[str]
) -> Iterator[Finding]:
    """``used``: codes and names the comment silenced; ``enabled``: those of rules that ran."""
    if suppression.codes is None:
        if not used:
            yield Finding("this `# noqa` suppresses nothing")
        return
    if not suppression.codes:
        yield Finding("this suppression names no rule, so it suppresses nothing")
        return
    for code in suppression.codes:
        if code in ("AUR901", "unused-suppression"):
            continue  # naming this rule silences its reports on the line instead
        if code not in known:
            yield Finding(f"the suppression names an unknown rule `{code}`")
        elif code in enabled and code not in used:
            yield Finding(f"the suppression of {code} is unused: nothing reports it here")
