"""A process name is empty, starts with ``.`` or ``/``, or contains ``/``.

Thermos uses process names as file names in the task's checkpoint and log directories, so
Aurora's client checks each against ``^[^./][^/]*$`` before submitting the job and fails with
"Task has invalid process: Invalid process name". Spaces and other characters are allowed.
Parts of a name still holding an unbound ``{{ref}}`` are not judged.

Options:
    none

Bad::

    setup = Process(name='./setup', cmdline='./setup.sh')  # expect: AUR802
    fetch = Process(name='fetch/data', cmdline='curl -O $URL')  # expect: AUR802
    jobs = [job(task=task(processes=[setup, fetch]))]

Good::

    setup = Process(name='setup', cmdline='./setup.sh')
    fetch = Process(name='fetch data', cmdline='curl -O $URL')
    jobs = [job(task=task(processes=[setup, fetch]))]
"""

from __future__ import annotations

from collections.abc import Iterator

from auroralint import Finding, JobView, Options, job_rule
from auroralint.patterns import lazy_pattern
from auroralint.rules._processes import processes

_REF = lazy_pattern(r"\{\{[^{}]*\}\}")


@job_rule("AUR802", "invalid-process-name", "error")
def check(job: JobView, options: Options) -> Iterator[Finding]:
    for process in processes(job):
        name = process.name
        # Only what is written around a {{ref}} is certain; the ref may become anything.
        written = _REF.sub("", name)
        if not name:
            why = "is empty"
        elif name.startswith((".", "/")):
            why = f"starts with {name[0]!r}"
        elif "/" in written:
            why = "contains '/'"
        else:
            continue
        yield Finding(
            f"process name {name!r} {why}: Thermos needs a name usable as a file name "
            "(no leading '.' or '/', no '/')",
            field=f"{process.field}.name",
            hint="use letters, digits, '-', '_' (spaces and dots inside are allowed too)",
        )
