"""A port reference or portmap alias that Aurora will never resolve.

Ports are referenced as ``{{thermos.ports[NAME]}}`` and nothing else resolves: in a process
``{{thermos.ports.http}}`` makes the client reject the task ("Bad port specification"), and
elsewhere it stays as literal text. Only references in the processes request ports. A shell
health-check command sees only those requested ports, and the task's other fields the
executor's port table (requested ports and portmap keys): a reference to any other port is left
in place as text, so the command runs with ``{{thermos.ports[admin]}}`` in it. Announce
``portmap`` aliases that form a cycle fail the client ("Found cycle in portmap!").

Options:
    none

Bad::

    server = Process(name='server',
                     cmdline='./server --port={{thermos.ports.http}}')  # expect: AUR707
    jobs = [job(task=task(processes=[server]), health_check_config=HealthCheckConfig(
        health_checker=HealthCheckerConfig(shell=ShellHealthChecker(
            shell_command='curl localhost:{{thermos.ports[admin]}}'))))]  # expect: AUR707

Good::

    server = Process(name='server', cmdline='./server --port={{thermos.ports[http]}}')
    jobs = [job(task=task(processes=[server]), health_check_config=HealthCheckConfig(
        health_checker=HealthCheckerConfig(shell=ShellHealthChecker(
            shell_command='curl localhost:{{thermos.ports[http]}}'))))]
"""

from __future__ import annotations

from collections.abc import Iterator

from auroralint import Finding, JobView, Options, job_rule
from auroralint.rules._ports import PROCESSES, SHELL_COMMAND, PortRef, Ports, analyse


@job_rule("AUR707", "inconsistent-port-reference", "error")
def check(job: JobView, options: Options) -> Iterator[Finding]:
    ports = analyse(job)
    if ports is None:
        return
    for cycle in ports.cycles:
        loop = " -> ".join((*cycle, cycle[0]))
        yield Finding(f"announce.portmap aliases form a cycle ({loop}): Aurora's client fails "
                      "with 'Found cycle in portmap!'", field=f"announce.portmap[{cycle[0]}]",
                      hint="make each alias end at a port name or a number")  # fmt: skip
    for ref in ports.references:
        problem = _problem(ref, ports)
        if problem:
            yield Finding(problem, field=ref.field, ref=ref.address, occurrence=ref.occurrence,
                          hint="write {{thermos.ports[NAME]}} with a port a process "
                               "requests")  # fmt: skip


def _problem(ref: PortRef, ports: Ports) -> str:
    mustache = "{{" + ref.address + "}}"
    if not ref.name:
        consequence = ("the client rejects the task ('Bad port specification')"
                       if ref.in_processes else "it is never resolved")  # fmt: skip
        return f"{mustache} is not the index form thermos.ports[NAME]: {consequence}"
    if not ports.usable or ref.in_processes:
        return ""
    if ref.field == SHELL_COMMAND and ref.name not in ports.requested:
        kind = "an announce alias or static port" if ref.name in ports.portmap else "a port"
        return (f"{mustache} in the health-check command names {kind} no process requests: "
                "health checks see only requested ports and run the text as written")
    if ref.field.startswith("task.") and not ref.field.startswith(PROCESSES):
        if ref.name not in ports.bound:
            return f"{mustache} names a port no process requests: it is never resolved"
    return ""
