"""A struct is given where the schema expects a struct of another type.

pystachio converts a field's value to the field's type while the config runs; a struct of the
wrong type cannot be converted, so Aurora stops loading the file with a bare
``IsNotMappingError``. The classic case is an image in the wrong place:
``Container(docker=DockerImage(...))``; DockerImage and AppcImage belong in
``Mesos(image=...)``. The message names the field, what it takes and what it was given.

Options:
    none

Bad::

    jobs = [job(task=hello)]  # expect: AUR015

Good::

    jobs = [job(task=task(processes=[hello]))]
"""

from __future__ import annotations

from collections.abc import Iterator

from auroralint import Finding, LoadFailure, load_rule
from auroralint.config_errors import mistyped_argument

_IMAGES = ("DockerImage", "AppcImage")


@load_rule("AUR015", "mistyped-struct-argument", "error")
def classify(failure: LoadFailure) -> Iterator[Finding]:
    found = mistyped_argument(failure.error)
    if found is None:
        return
    takes = f"{found.expected} elements" if found.element else f"a {found.expected}"
    hint = f"give {found.struct}.{found.field} {takes}"
    if found.given in _IMAGES:
        hint = (f"{found.given} goes in a Mesos container: "
                f"container=Mesos(image={found.given}(...)); the Docker engine takes "
                "Docker(image='name:tag')")  # fmt: skip
    yield Finding(f"{found.struct}.{found.field} takes {takes}, not a {found.given}",
                  field=found.field, hint=hint)  # fmt: skip
