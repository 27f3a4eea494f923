"""An enumerated field is given a value outside its enumeration (values are case-sensitive).

``Mode('rw')``, ``Logger(mode='rotated')`` and the like raise while the config runs, and Aurora
stops there. The message lists the values the enumeration accepts.

Options:
    none

Bad::

    volume = Volume(container_path='/data', host_path='/srv/data', mode=Mode('rw'))  # expect: AUR006
    jobs = [job]

Good::

    volume = Volume(container_path='/data', host_path='/srv/data', mode=Mode('RW'))
    jobs = [job]
"""

from __future__ import annotations

from collections.abc import Iterator

from auroralint import Finding, LoadFailure, load_rule
from auroralint.patterns import lazy_pattern
from auroralint.schema import dsl_names

_ENUM = lazy_pattern(r"^(?P<enum>\w+) only accepts the following values: (?P<values>.*)$")


@load_rule("AUR006", "invalid-enum-value", "error")
def classify(failure: LoadFailure) -> Iterator[Finding]:
    match = _ENUM.match(str(failure.error)) if isinstance(failure.error, ValueError) else None
    if match is None:
        return
    enum = dsl_names().get(match.group("enum"), match.group("enum"))
    values = match.group("values")
    yield Finding(
        f"invalid {enum} value: accepted values are {values} (case-sensitive)",
        hint=f"write one of {values} exactly",
    )
