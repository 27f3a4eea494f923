"""A ``{{...}}`` that pystachio cannot parse as a ref, or a ``{{`` that is never closed.

A ref is a name (a letter or ``_`` first), then ``.name`` and ``[index]`` parts, with only
letters, digits and ``_ . / -`` inside an index. pystachio raises on anything else (``{{ name }}``
with spaces, ``{{1x}}``, ``{{a:b}}``) as soon as the job is interpolated, so Aurora's client
rejects the whole job; a ``{{`` without ``}}`` is not parsed at all and reaches the task as
literal text, usually a typo for a ref. ``{{docker.image...}}`` binders are checked by
``invalid-docker-image-binder``. Write ``{{&...}}`` for text that must keep its braces.

Options:
    none

Bad::

    serve = Process(name='serve',
                    cmdline='serve --name={{ name }} --port={{thermos.ports[http]}')  # expect: AUR202, AUR202
    jobs = [job(task=task(processes=[serve]))]

Good::

    serve = Process(name='serve',
                    cmdline='serve --name={{name}} --port={{thermos.ports[http]}}')
    jobs = [job(task=task(processes=[serve]))]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from auroralint import Finding, JobView, Options, job_rule
from auroralint.refs import mustaches, valid_address
from auroralint.rules._refs import grammar_problem, is_binder, unclosed


@job_rule("AUR202", "malformed-mustache", "error")
def check(job: JobView, options: Options) -> Iterator[Finding]:
    for field, text in job.raw_strings():
        seen: Counter[str] = Counter()
        for address, escaped in mustaches(text):
            if escaped:
                continue
            occurrence, seen[address] = seen[address], seen[address] + 1
            if is_binder(address) or valid_address(address):
                continue
            stripped = "".join(address.split())
            fix = (f"write `{{{{{stripped}}}}}`" if stripped != address and valid_address(stripped)
                   else "a ref is a name, then `.name` and `[index]` parts")  # fmt: skip
            yield Finding(
                f"`{{{{{address}}}}}` is not a valid ref: {grammar_problem(address)}; pystachio "
                "raises on it and Aurora rejects the whole job",
                field=field, ref=address, occurrence=occurrence,
                hint=f"{fix}; write `{{{{&{address}}}}}` to keep the braces as text",
            )  # fmt: skip
        for fragment, occurrence in unclosed(text):
            yield Finding(f"`{{{{` is never closed in `{fragment}`: pystachio leaves it as literal "
                          "text", field=field, fragment=fragment, occurrence=occurrence,
                          hint="close the ref with `}}`, or write `{{&...}}` for literal braces")
