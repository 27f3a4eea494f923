"""A ``{{ref}}`` that nothing binds, or a run-time ref where nothing interpolates it.

Aurora's client binds struct fields (``{{role}}``, ``{{task.name}}``), the config's own
``.bind()`` values, ``--bind name=value`` and its legacy aliases; the agent binds
``{{mesos.instance}}``, ``{{mesos.hostname}}``, ``{{thermos.task_id}}`` and
``{{thermos.ports[name]}}``, but only in the task, announce, health_check_config and
lifecycle. Anything else stays literal: the client refuses the job ("Config contains unbound
variables"), and a run-time ref elsewhere (``contact``, ``metadata``, ``constraints``, the
container image, ``tier``, ``cron_schedule``) reaches the scheduler as text. ``task_links`` is
never sent (the client sends ``{}``), so run-time refs there are left alone. Refs into a struct
that lacks the field are ``unknown-struct-field-ref``'s, Docker binders the binder rules'.

Options:
    none

Bad::

    serve = Process(name='serve',
                    cmdline='serve --port={{thermos.port[http]}} -s {{shard}}')  # expect: AUR201, AUR201
    jobs = [job(task=task(processes=[serve]),
                contact='{{mesos.hostname}}@example.com')]  # expect: AUR201

Good::

    serve = Process(name='serve',
                    cmdline='serve --port={{thermos.ports[http]}} -s {{shard}}')
    jobs = [job(task=task(processes=[serve]), contact='{{role}}@example.com').bind(shard=3)]
"""

from __future__ import annotations

from collections.abc import Iterator

from auroralint import Finding, JobView, Options, job_rule
from auroralint.refs import UnboundRef
from auroralint.rules._refs import (
    RUNTIME,
    at_each_use,
    closest,
    is_binder,  # fmt: skip
    is_runtime,
    runtime_ref_harmless,
    runtime_spelling,
)


@job_rule("AUR201", "unbound-ref", "error")
def check(job: JobView, options: Options) -> Iterator[Finding]:
    raw = dict(job.raw_strings())
    for use in job.unbound_refs():
        if is_binder(use.address) or (is_runtime(use.address) and runtime_ref_harmless(use.field)):
            continue
        if use.address.startswith("thermos.ports."):
            continue  # the dotted form of a port: inconsistent-port-reference explains it
        explained = _explain(job, use)
        if explained is None:
            continue  # a field the struct does not declare: unknown-struct-field-ref
        message, hint = explained
        yield from at_each_use(use, raw.get(use.field, ""), message, hint)


def _explain(job: JobView, use: UnboundRef) -> tuple[str, str] | None:
    shown, address = f"`{{{{{use.address}}}}}`", use.address
    if is_runtime(address):
        return (f"{shown} in `{use.field}` is bound only on the agent, which interpolates only "
                "task, announce, health_check_config and lifecycle: the literal text reaches "
                "the scheduler", "use it in the task (a process cmdline), or a value the client "
                "binds (`{{role}}`, a .bind() value)")  # fmt: skip
    found = job.struct_ref(use.field, address)
    if found is not None and not found.declared:
        return None
    if found is not None:
        return (f"{shown} is never bound: {found.struct} declares `{found.missing}`, but it is "
                "not set and has no default", f"set it ({found.struct}({found.missing}=...)) "
                f"or pass --bind {found.prefix}.{found.missing}=value")  # fmt: skip
    names = job.names_in_scope(use.field)
    names += RUNTIME if runtime_ref_harmless(use.field) else ()
    guess = runtime_spelling(address) or closest(address, names, use.field)
    message = (f"{shown} is never bound: no struct field, .bind(), --bind or Aurora namespace "
               "provides it")
    if guess:
        return f"{message}; did you mean `{{{{{guess}}}}}`?", f"write `{{{{{guess}}}}}`"
    how = f".bind({address}=...) on the job or a template, or " if address.isidentifier() else ""
    literal = (f"; write `{{{{&{address}}}}}` if the command needs a literal `{{{{{address}}}}}`"
               if use.field.endswith(("cmdline", "shell_command")) else "")  # fmt: skip
    return message, f"bind it with {how}--bind {address}=value{literal}"
