"""An HTTP lifecycle names a port the task never requests, so graceful shutdown is skipped.

To stop an instance the executor POSTs to ``graceful_shutdown_endpoint`` and then
``shutdown_endpoint`` on the lifecycle's named ``port`` (``health`` by default), and only when
that port is in the task's port table: requested by a process
(``{{thermos.ports[health]}}``) or a key of the announce ``portmap``. Otherwise the requests are
silently skipped and the process is killed without warning. Every job carries the default
lifecycle, so this rule only looks at a ``lifecycle`` the config sets itself.

Options:
    none

Bad::

    jobs = [job(lifecycle=LifecycleConfig(
        http=HttpLifecycleConfig(port='admin')))]  # expect: AUR704

Good::

    server = Process(name='server', cmdline='./server --admin={{thermos.ports[admin]}}')
    jobs = [job(task=task(processes=[server]),
                lifecycle=LifecycleConfig(http=HttpLifecycleConfig(port='admin')))]
"""

from __future__ import annotations

from collections.abc import Iterator

from auroralint import Finding, JobView, Options, job_rule
from auroralint.rules._ports import analyse


@job_rule("AUR704", "lifecycle-port-not-requested", "error")
def check(job: JobView, options: Options) -> Iterator[Finding]:
    if not job.explicit("lifecycle"):
        return
    port = job.get("lifecycle.http.port")
    ports = analyse(job)
    if not isinstance(port, str) or "{{" in port or ports is None or not ports.usable:
        return
    if port not in ports.bound:
        yield Finding(
            f"the lifecycle sends its shutdown requests to port {port!r}, which no process "
            "requests: the executor skips them and kills the task without warning",
            field="lifecycle.http.port",
            hint=f"listen on {{{{thermos.ports[{port}]}}}} in a process, or use "
                 "lifecycle=DisableLifecycle",
        )  # fmt: skip
