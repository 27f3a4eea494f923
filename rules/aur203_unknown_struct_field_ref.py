"""A ``{{ref}}`` names a field that the struct it points into does not declare.

``{{task.name}}`` or ``{{profile.cmd}}`` (with ``.bind(profile=Profile(...))``) reach into a
struct; when the struct has no such field (``{{task.nmae}}``, ``{{profile.cpus}}`` for a
``Profile`` without ``cpus``), pystachio does not complain: it leaves the ref in place, and the
client later refuses the job with "Config contains unbound variables" (or the task with
"Unexpected unbound refs"). The message names the struct and its closest field. A field the
struct declares but nobody set is reported by ``unbound-ref``.

Options:
    none

Bad::

    class Profile(Struct):
        cmd = Default(String, './serve')
        threads = Default(Integer, 4)

    serve = Process(name='serve', cmdline='{{profile.cmd}} -t {{profile.thread}}')  # expect: AUR203
    jobs = [job(task=task(processes=[serve]), contact='{{task.nmae}}@example.com')  # expect: AUR203
            .bind(profile=Profile())]

Good::

    class Profile(Struct):
        cmd = Default(String, './serve')
        threads = Default(Integer, 4)

    serve = Process(name='serve', cmdline='{{profile.cmd}} -t {{profile.threads}}')
    jobs = [job(task=task(processes=[serve]), contact='{{task.name}}@example.com')
            .bind(profile=Profile())]
"""

from __future__ import annotations

from collections.abc import Iterator

from auroralint import Finding, JobView, Options, job_rule
from auroralint.rules._refs import at_each_use
from auroralint.suggest import closest


@job_rule("AUR203", "unknown-struct-field-ref", "error")
def check(job: JobView, options: Options) -> Iterator[Finding]:
    raw = dict(job.raw_strings())
    for use in job.unbound_refs():
        found = job.struct_ref(use.field, use.address)
        if found is None or found.declared:
            continue
        close = closest(found.missing, found.fields, cutoff=0.6)
        suggestion = f"; did you mean `{{{{{found.prefix}.{close}}}}}`?" if close else ""
        message = (f"`{{{{{use.address}}}}}`: {found.struct} `{found.prefix}` has no field "
                   f"`{found.missing}`{suggestion}")  # fmt: skip
        hint = f"{found.struct} fields: {', '.join(found.fields)}"
        yield from at_each_use(use, raw.get(use.field, ""), message, hint)
