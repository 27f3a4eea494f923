"""clusters.json is malformed: not JSON, not the shape Aurora's client reads, or ambiguous.

Aurora's client reads clusters.json on every command, before anything else; a malformed file
breaks every ``aurora`` command, not only those for the broken cluster. The file is checked
against a JSON Schema of the fields the client reads: every cluster needs a ``name``, a way to
reach the scheduler (``zk`` with ``scheduler_zk_path``, or ``scheduler_uri``), ``zk`` lists
hosts without ports, and ``docker_registry`` is an http(s) URL with no path. A name defined
twice is reported too: the client silently keeps the later entry. The diagnostic points at the
offending key in clusters.json.

Options:
    none

Bad::

    # clusters.json: [{"name": "devcluster", "scheduler_uri": "http://localhost:8081",
    #   "docker_registry": "registry.example.com"}]  # expect: AUR301
    jobs = [job]

Good::

    # clusters.json: [{"name": "devcluster", "scheduler_uri": "http://localhost:8081",
    #   "docker_registry": "https://registry.example.com"}]
    jobs = [job]
"""

from __future__ import annotations

from collections.abc import Iterator

from auroralint import Finding, LoadFailure, load_rule


@load_rule("AUR301", "invalid-clusters-file", "error")
def classify(failure: LoadFailure) -> Iterator[Finding]:
    from auroralint.clusters import ClustersFileError  # only runs with a clusters file

    if isinstance(failure.error, ClustersFileError):
        yield Finding(str(failure.error))
