"""A Docker binder names its registry host instead of relying on the cluster's ``docker_registry``.

``{{docker.image[name][tag]}}`` names a repository relative to the registry configured as
``docker_registry`` for the job's cluster in clusters.json (Docker Hub when there is none); a
host in the name (``registry.example.com/team/app``, ``localhost:5000/app``) is not a registry
to the client, just the first path component. Without a ``docker_registry`` the client asks
Docker Hub, which refuses; with one, it asks that registry for a repository that does not
exist. A ``host:port`` also makes the ref unparsable, and Aurora rejects the whole job.
Docker Hub namespaces have no dots, so there any dotted first component is a host; behind a
private ``docker_registry`` only a port, ``localhost``, that registry's own host, a known
public registry or a name with two dots or more is, since ``com.example/app`` may be a
namespace of that registry.

Options:
    none

Bad::

    # clusters.json: [{"name": "devcluster", "scheduler_uri": "http://localhost:8081"}]
    binder = '{{docker.image[registry.example.com/team/app][1.0]}}'
    jobs = [job(container=Docker(image=binder))]  # expect: AUR303

Good::

    # clusters.json: [{"name": "devcluster", "scheduler_uri": "http://localhost:8081",
    #                  "docker_registry": "https://registry.example.com"}]
    jobs = [job(container=Docker(image='{{docker.image[team/app][1.0]}}'))]
"""

from __future__ import annotations

from collections.abc import Iterator

from auroralint import Finding, JobView, Options, job_rule
from auroralint.rules._images import Binder, binder_uses, registry_host


@job_rule("AUR303", "private-registry-not-configured", "error")
def check(job: JobView, options: Options) -> Iterator[Finding]:
    if job.context.clusters is not None and job.cluster is None:
        return  # a cluster clusters.json does not know: unknown-cluster's
    cluster = job.cluster.name if job.cluster is not None else str(job.get("cluster", ""))
    registry = job.cluster.docker_registry if job.cluster is not None else None
    for use in binder_uses(job):
        name = use.binder.indices[0] if use.binder.indices else ""
        host = registry_host(name, registry)
        if not host:
            continue
        fixed = _relative(use.binder)
        if registry is None:
            why = (f"{cluster} has no docker_registry in clusters.json" if job.cluster else
                   "no clusters.json was found")  # fmt: skip
            detail = f"{why}, so the client would look `{name}` up on Docker Hub"
            hint = (f'set "docker_registry": "https://{host}" for {cluster} in clusters.json '
                    f"(scheme://host[:port], no path) and write `{fixed}`")  # fmt: skip
        else:
            detail = (f"{cluster}'s is {registry}, so the client would ask it for `{name}`: the "
                      "host must go")  # fmt: skip
            hint = f"write `{fixed}`"
        message = f"binder names are relative to the cluster's docker_registry: {detail}"
        if ":" in host:
            message = (f"pystachio cannot parse the `:` in `{host}`, so Aurora rejects the whole "
                       f"job; besides, {message}")  # fmt: skip
        yield Finding(f"`{use.binder.text}`: {message}", field=use.field, hint=hint,
                      ref=use.binder.address if use.written else "",
                      occurrence=use.occurrence)  # fmt: skip


def _relative(binder: Binder) -> str:
    """The binder with the host dropped from its name (and a ``name:tag`` split)."""
    name = binder.indices[0].partition("/")[2]
    tag = binder.indices[1] if len(binder.indices) > 1 else ""
    if not tag and ":" in name.rsplit("/", 1)[-1]:
        name, _, tag = name.rpartition(":")
    return f"{{{{docker.image[{name}][{tag or 'TAG'}]}}}}"
