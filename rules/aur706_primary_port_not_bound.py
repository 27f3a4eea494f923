"""The announced primary port is neither requested by the task nor in the portmap.

With ``announce`` set, the executor registers each instance in ZooKeeper under
``primary_port`` (``http`` by default). That name must be in the task's port table: a port a
process requests with ``{{thermos.ports[NAME]}}`` (or an announce alias target, which the
scheduler also assigns), or a key of ``portmap``. Otherwise Aurora's client only prints a
warning and the service is announced on port 0, so clients of the serverset cannot reach it.
The default ``portmap`` maps ``aurora`` to the primary port, so this happens when ``portmap``
is overridden. A portmap whose aliases form a cycle is ``inconsistent-port-reference``'s.

Options:
    none

Bad::

    server = Process(name='server', cmdline='./server --port={{thermos.ports[web]}}')
    jobs = [job(task=task(processes=[server]),
                announce=Announcer(portmap={'admin': 'web'}))]  # expect: AUR706

Good::

    server = Process(name='server', cmdline='./server --port={{thermos.ports[web]}}')
    jobs = [job(task=task(processes=[server]),
                announce=Announcer(primary_port='web', portmap={'admin': 'web'}))]
"""

from __future__ import annotations

from collections.abc import Iterator

from auroralint import Finding, JobView, Options, job_rule
from auroralint.rules._ports import analyse


@job_rule("AUR706", "primary-port-not-bound", "error")
def check(job: JobView, options: Options) -> Iterator[Finding]:
    primary = job.get("announce.primary_port")
    ports = analyse(job)
    if not isinstance(primary, str) or "{{" in primary or ports is None or not ports.usable:
        return
    if primary not in ports.bound:
        yield Finding(
            f"announce.primary_port is {primary!r} but no process requests that port and "
            "the portmap has no such key: the service is announced on port 0",
            field="announce.primary_port",
            hint=f"listen on {{{{thermos.ports[{primary}]}}}} in a process, or name a port "
                 "the task requests as primary_port",
        )  # fmt: skip
