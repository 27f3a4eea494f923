"""The config uses a name that nothing defines: not Aurora's schema, not the file, not an include.

Aurora stops at the first undefined name, so nothing after it is checked either. A typo of a
schema name gets a suggestion. Organisations often extend Aurora's DSL with names of their own
(``Packer``, ``Artifact``, site-wide templates); auroralint cannot know them, so give it a
Python file defining them with ``--prelude FILE`` (or ``prelude = [...]`` in the configuration)
and it runs that file in the config's namespace first.

Options:
    none

Bad::

    jobs = [job(task=Tsk(processes=[hello], resources=resources))]  # expect: AUR002

Good::

    jobs = [job(task=Task(processes=[hello], resources=resources))]
"""

from __future__ import annotations

from collections.abc import Iterator

from auroralint import Finding, LoadFailure, load_rule
from auroralint.patterns import lazy_pattern
from auroralint.schema import base_namespace
from auroralint.suggest import closest

_NAME = lazy_pattern(r"name '([^']+)' is not defined")


@load_rule("AUR002", "undefined-name", "error")
def classify(failure: LoadFailure) -> Iterator[Finding]:
    error = failure.error
    if not isinstance(error, NameError):
        return
    match = _NAME.search(str(error))
    name = match.group(1) if match else getattr(error, "name", None) or "?"
    close = closest(name, [*base_namespace(), "include"], cutoff=0.8)
    if close:
        yield Finding(f"undefined name `{name}`; did you mean `{close}`?")
    else:
        yield Finding(
            f"undefined name `{name}`",
            hint="if it comes from your organisation's extensions of the Aurora DSL, "
            "pass a file defining it with --prelude",
        )
