"""Lint one file: evaluate it, run the selected rules, place findings, apply suppressions."""


import os
from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import Any, NamedTuple

from auroralint.context import RunContext
from auroralint.diagnostic import Diagnostic, Finding, Related, Severity
from auroralint.errortext import error_text
from auroralint.failures import LoadFailure, locate_failure
from auroralint.job import JobView, PreparedJob, prepare
from auroralint.loader import Evaluation, InterpolationFailed, LoadSettings, NoJobs, evaluate
from auroralint.locate import Location, Locator
from auroralint.rule import Options, Rule
from auroralint.sourcemap import Span


class EngineSettings(NamedTuple):
    load: LoadSettings = LoadSettings()
    bindings: tuple[tuple[str, str], ...] = ()
    rules: tuple[Rule, ...] = ()
    severities: Mapping[str, Severity] = MappingProxyType({})
    options: Mapping[str, Options] = MappingProxyType({})
    context: RunContext = RunContext()
    all_load_rules: bool = False  # classify failures with every load rule, imported on demand

    def severity(self, rule: Rule, finding: Finding | None = None) -> Severity:
        chosen = finding.severity if finding is not None else None
        return self.severities.get(rule.code, chosen or rule.severity)

    def options_for(self, rule: Rule) -> Options:
        return self.options.get(rule.code, rule.options)


class JobReport(NamedTuple):
    key: str
    json: Any
    unbound: tuple[str, ...]


class FileResult(NamedTuple):
    path: str
    diagnostics: tuple[Diagnostic, ...] = ()
    jobs: tuple[JobReport, ...] = ()
    internal_errors: tuple[str, ...] = ()  # rules that crashed: auroralint's bugs, not the config's


def lint_file(path: str, settings: EngineSettings, with_jobs: bool = False) -> FileResult:
    """Evaluate and lint ``path``; ``with_jobs`` also reports each job as ``inspect`` shows it."""
    evaluation = evaluate(path, settings.load)
    locator = Locator(evaluation.recorder, evaluation.sources)
    errors: list[str] = []
    diagnostics: list[Diagnostic] = []
    failure = _failure_of(evaluation, locator)
    if failure is not None:
        diagnostics.extend(classify(failure, settings, locator, errors=errors))
    jobs = [prepare(index, raw, settings.bindings) for index, raw in enumerate(evaluation.jobs)]
    job_rules = [rule for rule in settings.rules if rule.kind == "job"]
    for job in jobs:
        found = list(_lint_job(job, job_rules, settings, locator, path, errors))
        if job.error is not None and not found:
            # Nothing explained why interpolation failed: say so rather than stay silent.
            failed = LoadFailure(InterpolationFailed(job.error), path, locator.site_of(job.raw))
            found = classify(failed, settings, locator, job.key, errors)
        diagnostics.extend(found)
    diagnostics = _apply_suppressions(diagnostics, evaluation, settings)
    reports = tuple(JobReport(job.key, job.data, job.unbound) for job in jobs) if with_jobs else ()
    return FileResult(path, tuple(sorted(set(diagnostics))), reports, tuple(errors))


def to_wire(result: FileResult) -> Any:
    """``result`` as plain tuples, for a worker to send with ``marshal``."""
    diagnostics = tuple(
        (*diagnostic[:-1], tuple((tuple(related.span), related.note) for related in diagnostic.related))
        for diagnostic in result.diagnostics
    )
    jobs = tuple((job.key, _plain(job.json), job.unbound) for job in result.jobs)
    return (result.path, diagnostics, jobs, result.internal_errors)


def from_wire(data: Any) -> FileResult:
    path, diagnostics, jobs, errors = data
    return FileResult(
        path,
        tuple(
            Diagnostic(*fields[:-1], tuple(Related(Span(*span), note) for span, note in fields[-1]))  # type: ignore[call-arg]
            for fields in diagnostics
        ),
        tuple(JobReport(key, json, tuple(unbound)) for key, json, unbound in jobs),
        tuple(errors),
    )


_JSON_INT_BITS = 14_000  # about 4200 digits, under Python's default limit of 4300


def _plain(value: Any) -> Any:
    """JSON-like data as ``marshal`` takes it; anything else (a stray object a config put in a
    Choice field) as its repr."""
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if isinstance(value, int) and value.bit_length() > _JSON_INT_BITS:
        # The parent's json module refuses it, and converting it there would have no time
        # limit: the worker writes its digits, and inspect shows them as a string.
        return str(value)
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return repr(value)


def _findings(rule: Rule, errors: list[str], where: str, *arguments: object) -> list[Finding]:
    """A rule's findings; a rule that raises is an internal error, and the others still run."""
    try:
        return list(rule.check(*arguments))
    except Exception as error:  # noqa: BLE001 - one broken rule must not stop the run
        errors.append(f"rule {rule.code} ({rule.name}) failed on {where}: "
                      f"{error_text(error)}{_traceback()}")  # fmt: skip
        return []


def _traceback() -> str:
    if not os.environ.get("AURORALINT_DEBUG"):
        return ""
    import traceback

    return "\n" + traceback.format_exc()


def _failure_of(evaluation: Evaluation, locator: Locator) -> LoadFailure | None:
    if evaluation.error is not None:
        return locate_failure(evaluation.error, evaluation.path, locator)
    if not evaluation.jobs:
        return locate_failure(NoJobs(evaluation.jobs_defined), evaluation.path, locator)
    return None


def classify(
    failure: LoadFailure,
    settings: EngineSettings,
    locator: Locator | None = None,
    job: str = "",
    errors: list[str] | None = None,
) -> list[Diagnostic]:
    """What the load rules make of a failure; the fallback rule takes what none claims."""
    load_rules = [rule for rule in settings.rules if rule.kind == "load"]
    if settings.all_load_rules:
        from auroralint.registry import all_rules

        load_rules = [rule for rule in all_rules() if rule.kind == "load"]
    for rule in sorted(load_rules, key=lambda rule: rule.fallback):
        findings = _findings(rule, errors if errors is not None else [], failure.path, failure)
        if findings:
            return [_place_failure(failure, rule, finding, settings, locator, job)
                    for finding in findings]  # fmt: skip
    return []


def _place_failure(
    failure: LoadFailure,
    rule: Rule,
    finding: Finding,
    settings: EngineSettings,
    locator: Locator | None,
    job: str,
) -> Diagnostic:
    location = failure.location or _start_of(failure.path)
    span = location.span
    if finding.field and failure.point is not None and locator is not None:
        span = locator.keyword(failure.point, finding.field) or span
    includes = [str(related.span) for related in location.related if related.note == "included from"]
    # The file at fault is not the one being linted: say how it got there.
    chain = f" (included from {' <- '.join(includes)})" if includes else ""
    return Diagnostic.at(span, rule.code, rule.name, settings.severity(rule, finding), finding,
                         job, location.related, chain)  # fmt: skip


def _start_of(path: str) -> Location:
    return Location(Span(path, 1, 1, 1, 1))


def _lint_job(
    job: PreparedJob,
    rules: Sequence[Rule],
    settings: EngineSettings,
    locator: Locator,
    path: str,
    errors: list[str],
) -> Iterable[Diagnostic]:
    view = JobView(job, settings.context, lambda field: locator.is_explicit(job.raw, field))
    where = f"{path} job {job.key}"
    for rule in rules:
        for finding in _findings(rule, errors, where, view, settings.options_for(rule)):
            needle = "{{" + finding.ref + "}}" if finding.ref else finding.fragment
            location = (
                locator.field(job.raw, finding.field, needle, finding.occurrence)
                or locator.site_of(job.raw)
                or _start_of(path)
            )
            yield Diagnostic.at(location.span, rule.code, rule.name,
                                settings.severity(rule, finding), finding, job.key,
                                location.related)  # fmt: skip


def _apply_suppressions(
    diagnostics: list[Diagnostic], evaluation: Evaluation, settings: EngineSettings
) -> list[Diagnostic]:
    texts = [source.text for source in evaluation.sources.files.values()]
    if not any("noqa" in text.lower() or "auroralint:" in text for text in texts):
        return diagnostics  # nothing to parse: most files have no suppression comments
    from auroralint import suppressions

    return suppressions.apply(diagnostics, evaluation.sources, evaluation.path, settings)
