"""A field holds a value its type cannot take.

pystachio stores values as written and checks them only when Aurora's client type-checks or
interpolates the job: ``ram='abc'``, ``service='yes'``, ``priority='2.5'``, a ``Mesos``
volume ``mode`` bound to ``'rw'``, or a struct of the wrong kind in a Choice field
(``sla_policy=Resources(...)``). Aurora then stops at the first one, often with only
``'NoneType' object has no attribute 'ok'`` or "cannot be interpolated"; this rule names each
field. Values still holding an unbound ``{{ref}}`` are left to the unbound-ref rule, misplaced
images to ``misplaced-container-image``.

Options:
    none

Bad::

    small = Resources(cpu=0.25, ram='64*MB', disk=128*MB)  # expect: AUR021
    jobs = [job(task=task(resources=small))]

Good::

    small = Resources(cpu=0.25, ram=64*MB, disk=128*MB)
    jobs = [job(task=task(resources=small))]
"""

from __future__ import annotations

from collections.abc import Iterator

from auroralint import Finding, JobView, Options, job_rule
from auroralint.patterns import lazy_pattern
from auroralint.rules._containers import (
    CHOICE_CRASH,
    CHOICES,
    covers,
    field_name,
    owned_fields,
    struct_name,
    under_choice,
)
from auroralint.schema import dsl_names

_GENERATED = lazy_pattern(r"\b(?:Enum|Choice)_\w+")  # pystachio's names for Enum/Choice types
_ARITHMETIC = lazy_pattern(r"^Cannot coerce '[\d.\s]*\*\s*[A-Z]+' to Integer$")


def _describe(job: JobView, field: str, message: str) -> tuple[str, str]:
    """(what is wrong, how to fix it) for one type-check failure."""
    choices = CHOICES.get(field)
    if message.startswith("expected one of") and choices:
        got = struct_name(job, field) or repr(job.get(field))
        wanted = ", ".join(choices[:-1]) + f" or {choices[-1]}"
        return f"{field_name(job, field)} takes {wanted}, not {got}", f"use {wanted}"
    text = _GENERATED.sub(lambda match: dsl_names().get(match.group(0), match.group(0)), message)
    text = " ".join(text.split())  # struct reprs span lines
    hint = "write the arithmetic in Python, not inside a string" if _ARITHMETIC.match(text) else ""
    return f"invalid {field_name(job, field)}: {text[:1].lower()}{text[1:]}", hint


@job_rule("AUR021", "invalid-field-value", "error")
def check(job: JobView, options: Options) -> Iterator[Finding]:
    owned = owned_fields(job)  # misplaced images and Docker(image=None): the container rules
    for problem in job.type_errors():
        if problem.missing or any(covers(field, problem.field) for field in owned):
            continue
        if "{{" in problem.message:  # an unbound {{ref}} (unbound-ref), or a cycle of refs
            continue  # (uninterpolatable-job): pystachio's only failures that quote a mustache
        message, hint = _describe(job, problem.field, problem.message)
        if under_choice(problem.field):
            message += f"; {CHOICE_CRASH}"
        yield Finding(message, field=problem.field, hint=hint)
