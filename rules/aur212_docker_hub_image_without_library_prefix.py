"""A Docker binder names an official Docker Hub image without its ``library/`` namespace.

Docker's command line reads ``python`` as ``library/python``, but Aurora's client asks the
registry for the binder's name literally: Docker Hub answers ``/v2/python/...`` with an
authentication error, and the client aborts with "Private Docker repository - python:2.7".
This only matters when the job's cluster resolves binders on Docker Hub: its clusters.json
entry has no ``docker_registry`` (the default), or no clusters.json was found (then the
finding is a warning, since the cluster may well have a private registry).

Options:
    none

Bad::

    # clusters.json: [{"name": "devcluster", "scheduler_uri": "http://localhost:8081"}]
    jobs = [job(container=Docker(image='{{docker.image[python][2.7]}}'))]  # expect: AUR212

Good::

    # clusters.json: [{"name": "devcluster", "scheduler_uri": "http://localhost:8081"}]
    jobs = [job(container=Docker(image='{{docker.image[library/python][2.7]}}'))]
"""

from __future__ import annotations

from collections.abc import Iterator

from auroralint import Finding, JobView, Options, Severity, job_rule
from auroralint.rules._images import binder_uses, is_docker_hub, repository_problem


@job_rule("AUR212", "docker-hub-image-without-library-prefix", "error")
def check(job: JobView, options: Options) -> Iterator[Finding]:
    severity: Severity | None
    if job.context.clusters is None:
        where, severity = "Docker Hub (the default: no clusters.json was found)", "warning"
    elif job.cluster is not None and is_docker_hub(job.cluster.registry):
        where, severity = f"Docker Hub ({job.cluster.name}'s registry)", None
    else:
        return  # a private registry, or a cluster clusters.json does not know
    for use in binder_uses(job):
        name, tag = use.binder.name, use.binder.tag
        if not name or "/" in name or repository_problem(name) or not use.binder.well_formed:
            continue
        yield Finding(
            f"`{use.binder.text}` names the official image `{name}` without `library/`: the "
            f"client looks `{name}` up on {where}, which refuses it, so the client aborts "
            f"(\"Private Docker repository - {name}:{tag}\")",
            field=use.field, ref=use.binder.address if use.written else "",
            occurrence=use.occurrence, severity=severity,
            hint=f"write `{{{{docker.image[library/{name}][{tag}]}}}}`",
        )  # fmt: skip
