"""A whole run: files in, every file evaluated in isolation, diagnostics out in a stable order."""


import functools
from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import Any, NamedTuple

from auroralint.diagnostic import Diagnostic
from auroralint.engine import EngineSettings, FileResult, classify, from_wire, lint_file, to_wire
from auroralint.failures import LoadFailure, WorkerCrashed, WorkerTimeout
from auroralint.files import matches_any
from auroralint.isolation import Limits, WorkerFailure, run_isolated
from auroralint.rule import Rule
from auroralint.selection import matches


class Run(NamedTuple):
    engine: EngineSettings
    limits: Limits = Limits()
    per_file_ignores: Mapping[str, tuple[str, ...]] = MappingProxyType({})
    root: str = "."  # where per-file-ignores patterns are relative to
    # The codes reported, None for all. Failures are classified with every load rule (so an
    # ignored undefined-name is not reported as a generic config-error instead); this keeps
    # what the selection leaves out from being reported.
    report: frozenset[str] | None = None


def lint_paths(files: Sequence[str], run: Run, with_jobs: bool = False) -> list[FileResult]:
    """Lint ``files``; results follow the order of ``files``, diagnostics are sorted."""
    from auroralint.schema import base_namespace

    base_namespace()  # built once here, inherited by every worker rather than built in each
    task = functools.partial(_lint_to_wire, settings=run.engine, with_jobs=with_jobs)
    results: dict[str, FileResult] = {}
    for path, wired in run_isolated(task, files, run.limits):
        outcome = wired if isinstance(wired, WorkerFailure) else from_wire(wired)
        if isinstance(outcome, WorkerFailure) and outcome.kind == "internal":
            outcome = FileResult(path, internal_errors=(outcome.detail,))
        elif isinstance(outcome, WorkerFailure):
            outcome = FileResult(path, tuple(classify(_failure(path, outcome), run.engine)))
        results[path] = _without_ignored(outcome, run)
    return [results[path] for path in files]


def _lint_to_wire(path: str, settings: EngineSettings, with_jobs: bool) -> Any:
    return to_wire(lint_file(path, settings, with_jobs))


def _failure(path: str, failure: WorkerFailure) -> LoadFailure:
    error: BaseException
    if failure.kind == "timeout":
        error = WorkerTimeout(failure.detail)
    elif failure.kind == "memory":
        error = MemoryError(failure.detail)
    else:
        error = WorkerCrashed(failure.detail)
    return LoadFailure(error, path)


def _without_ignored(result: FileResult, run: Run) -> FileResult:
    if not run.per_file_ignores and run.report is None:
        return result
    return result._replace(diagnostics=tuple(reported(result.diagnostics, run)))


def reported(diagnostics: Sequence[Diagnostic], run: Run) -> list[Diagnostic]:
    """``diagnostics`` without those of unselected rules and those ``per-file-ignores`` drop."""
    rules = {rule.code: rule for rule in run.engine.rules}
    return [
        diagnostic
        for diagnostic in diagnostics
        if (run.report is None or diagnostic.code in run.report)
        and not _ignored(diagnostic, rules.get(diagnostic.code), run)
    ]


def classify_problems(problems: Sequence[LoadFailure], run: Run) -> list[Diagnostic]:
    """Diagnostics for failures outside any linted file (a malformed clusters.json)."""
    found = [diagnostic for problem in problems for diagnostic in classify(problem, run.engine)]
    return reported(found, run)


def _ignored(diagnostic: Diagnostic, rule: Rule | None, run: Run) -> bool:
    if rule is None:
        return False
    return any(
        matches(rule, codes) and matches_any(diagnostic.path, [pattern], run.root)
        for pattern, codes in run.per_file_ignores.items()
    )


def unique_diagnostics(results: Sequence[FileResult]) -> list[Diagnostic]:
    """All diagnostics once each, sorted.

    The same problem shows through every job built from a shared template or process, and
    through every file that includes the file at fault: one diagnostic names all the jobs.
    """
    jobs: dict[Diagnostic, set[str]] = {}
    for result in results:
        for diagnostic in result.diagnostics:
            jobs.setdefault(diagnostic._replace(job=""), set()).add(diagnostic.job)
    return sorted(
        diagnostic._replace(job=", ".join(sorted(job for job in names if job)))
        for diagnostic, names in jobs.items()
    )
