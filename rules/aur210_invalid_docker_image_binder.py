"""A ``{{docker.image[name][tag]}}`` binder that Aurora cannot parse or resolve.

Aurora's client replaces ``{{docker.image[name][tag]}}`` with the image's digest, looked up in
the cluster's Docker registry. It only binds refs with exactly two indices; inside the brackets
pystachio's ref grammar allows letters, digits and ``_ . / -`` only, so ``[python:2.7]``, a
registry ``host:port`` or an ``@sha256:`` digest make pystachio raise and Aurora rejects the whole
job. The name must be a Docker repository (lower-case path components) and the tag a Docker
tag, or the registry refuses the lookup and the client aborts. A registry host in the name is
``private-registry-not-configured``'s.

Options:
    none

Bad::

    jobs = [job(container=Docker(image='{{docker.image[library/python:2.7]}}'))]  # expect: AUR210

Good::

    jobs = [job(container=Docker(image='{{docker.image[library/python][2.7]}}'))]
"""

from __future__ import annotations

from collections.abc import Iterator

from auroralint import Finding, JobView, Options, job_rule
from auroralint.rules._images import (
    Binder,
    binder_uses,
    index_parses,
    registry_host,
    repository_problem,  # fmt: skip
    tag_problem,
)

_UNPARSABLE = "pystachio cannot parse the ref and Aurora rejects the whole job"


@job_rule("AUR210", "invalid-docker-image-binder", "error")
def check(job: JobView, options: Options) -> Iterator[Finding]:
    for use in binder_uses(job):
        problem, hint = _problem(use.binder)
        if problem:
            yield Finding(f"`{use.binder.text}`: {problem}", field=use.field, hint=hint,
                          ref=use.binder.address if use.written else "",
                          occurrence=use.occurrence)  # fmt: skip


def _problem(binder: Binder) -> tuple[str, str]:
    indices = binder.indices
    if indices and registry_host(indices[0]):
        return "", ""  # private-registry-not-configured explains the registry host
    for index in indices:
        if index_parses(index):
            continue
        if "@" in index:
            return (f"`[{index}]`: a digest cannot be written in a binder, which resolves a tag to "
                    f"a digest; {_UNPARSABLE}", "name a tag, or write the digest reference "
                    "in Docker(image=...) without a binder")  # fmt: skip
        if ":" in index and len(indices) == 1:
            name, _, tag = index.rpartition(":")
            return (f"the tag goes in its own brackets: `:` cannot be written in a binder; "
                    f"{_UNPARSABLE}", f"write `{{{{docker.image[{name}][{tag}]}}}}`")  # fmt: skip
        return (f"`[{index}]`: only letters, digits and `_ . / -` go inside the brackets; "
                f"{_UNPARSABLE}", "")  # fmt: skip
    if len(indices) != 2 or not binder.well_formed:
        return ("the binder takes exactly two indices, `docker.image[name][tag]`; the client "
                "binds no other shape and refuses the job (\"Config contains unbound variables\")",
                "write `{{docker.image[library/python][2.7]}}`")  # fmt: skip
    name, tag = indices
    problem = repository_problem(name)
    if problem:
        return (f"`{name}` is not a Docker repository name: {problem}; the registry refuses the "
                "lookup and the client aborts", "use lower-case path components: `team/app`")
    problem = tag_problem(tag)
    if problem:
        return f"{problem}; the registry refuses the lookup and the client aborts", ""
    return "", ""
