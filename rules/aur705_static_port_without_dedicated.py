"""An announce portmap holds a static port on a job without dedicated hosts.

A ``portmap`` value that parses as an integer (``{'http': 8080}``) pins a port number instead
of letting the scheduler assign one. Two instances on one host would collide, so Aurora's
client allows it only for jobs with a ``dedicated`` constraint and otherwise fails on every
command that loads the config ("Job must be dedicated in order to specify static ports!").

Options:
    none

Bad::

    jobs = [job(announce=Announcer(portmap={'http': 8080}))]  # expect: AUR705

Good::

    jobs = [job(announce=Announcer(portmap={'http': 8080}),
                constraints={'dedicated': 'www-data/web'})]
"""

from __future__ import annotations

from collections.abc import Iterator

from auroralint import Finding, JobView, Options, job_rule
from auroralint.rules._ports import static_port
from auroralint.rules._scheduler import dedicated


@job_rule("AUR705", "static-port-without-dedicated", "error")
def check(job: JobView, options: Options) -> Iterator[Finding]:
    portmap = job.get("announce.portmap")
    if not isinstance(portmap, dict) or dedicated(job):
        return
    for name, value in portmap.items():
        number = static_port(value)
        if number is not None:
            yield Finding(
                f"announce.portmap maps {name!r} to the static port {number}, which only "
                "dedicated jobs may use",
                field=f"announce.portmap[{name}]",
                hint="let the scheduler assign the port ({{thermos.ports[NAME]}} in a "
                     "process), or add a 'dedicated' constraint",
            )  # fmt: skip
