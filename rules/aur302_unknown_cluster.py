"""A job's ``cluster`` is not one of the clusters in clusters.json.

Aurora's client finds the scheduler (and the Docker registry for ``{{docker.image[...]}}``
binders) through the clusters.json entry whose ``name`` equals the job's ``cluster``; with no
such entry every command fails ("Unknown cluster"). Checked only when a clusters.json was
found (``--clusters``, ``clusters-file``, ``$AURORA_CONFIG_ROOT``, ``~/.aurora``) and every
one found could be read as JSON (an unreadable one may define the cluster), and not when
``cluster`` is still an unbound ``{{ref}}``.

Options:
    none

Bad::

    # clusters.json: [{"name": "devcluster", "scheduler_uri": "http://localhost:8081"}]
    jobs = [job(cluster='dev-cluster')]  # expect: AUR302

Good::

    # clusters.json: [{"name": "devcluster", "scheduler_uri": "http://localhost:8081"}]
    jobs = [job(cluster='devcluster')]
"""

from __future__ import annotations

from collections.abc import Iterator

from auroralint import Finding, JobView, Options, job_rule
from auroralint.suggest import closest


@job_rule("AUR302", "unknown-cluster", "error")
def check(job: JobView, options: Options) -> Iterator[Finding]:
    clusters = job.context.clusters
    name = job.get("cluster")
    if clusters is None or not job.context.clusters_complete:
        return  # no clusters.json, or one that could not be read and may define it
    if not isinstance(name, str) or "{{" in name or name in clusters:
        return
    close = closest(name, clusters, cutoff=0.6)
    suggestion = f"; did you mean {close!r}?" if close else ""
    known = ", ".join(sorted(clusters)) or "none"
    yield Finding(
        f"cluster {name!r} is not in clusters.json ({job.context.clusters_source}){suggestion}",
        field="cluster",
        hint=f"known clusters: {known}; add an entry named {name!r} or fix the name",
    )
