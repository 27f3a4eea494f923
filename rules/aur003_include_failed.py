"""``include()`` names a file that cannot be read, or files include each other in a cycle.

Aurora resolves an include relative to the file that calls ``include()``, not to the current
directory, and runs the included file in the same namespace. A missing file stops the whole
config; a cycle makes Aurora recurse until Python gives up. The message names the path as
resolved, and the chain of includes that led there.

Options:
    none

Bad::

    include('common/missing_templates.aurora')  # expect: AUR003

Good::

    jobs = [job]
"""

from __future__ import annotations

from collections.abc import Iterator

from auroralint import Finding, LoadFailure, load_rule
from auroralint.loader import IncludeError


@load_rule("AUR003", "include-failed", "error")
def classify(failure: LoadFailure) -> Iterator[Finding]:
    error = failure.error
    if isinstance(error, IncludeError):
        yield Finding(
            f"include({error.target!r}) failed: {error}",
            hint="include() paths are relative to the file that calls include()",
        )
