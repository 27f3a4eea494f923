"""Turn what stopped a config (an exception, a timeout) into a located ``LoadFailure``."""


import ast
from types import TracebackType
from typing import NamedTuple

from auroralint.locate import Location, Locator
from auroralint.origins import CodePoint
from auroralint.sourcemap import SourceFile, Span, byte_span


class LoadFailure(NamedTuple):
    """Why a file produced no jobs to lint, and where in the config that happened."""

    error: BaseException
    path: str  # the file that was being linted
    location: Location | None = None
    point: CodePoint | None = None  # the failing call, to narrow the location to a keyword


class WorkerTimeout(Exception):
    """Evaluating the file took longer than the timeout."""


class WorkerCrashed(Exception):
    """The process evaluating the file died without reporting."""


def config_frames(trace: TracebackType | None, files: set[str]) -> list[CodePoint]:
    """The traceback entries running config code, outermost first."""
    points = []
    while trace is not None:
        code = trace.tb_frame.f_code
        if code.co_filename in files:
            points.append(CodePoint(code, trace.tb_lasti))
        trace = trace.tb_next
    return points


def locate_failure(error: BaseException, path: str, locator: Locator) -> LoadFailure:
    from auroralint.loader import InvalidJobs, NoJobs

    sources = locator.sources
    points = config_frames(error.__traceback__, locator.recorder.files)
    chain = locator.chain(list(reversed(points)))
    if isinstance(error, SyntaxError) and error.filename:
        source = sources.get(error.filename)
        if source is not None:
            return LoadFailure(error, path, Location(_syntax_span(error, source), chain))
    if isinstance(error, (InvalidJobs, NoJobs)):
        return LoadFailure(error, path, _jobs_location(error, path, locator))
    if points:
        location = locator.at(list(reversed(points)))
        return LoadFailure(error, path, location, points[-1])
    return LoadFailure(error, path, None)


def _syntax_span(error: SyntaxError, source: SourceFile) -> Span:
    line = error.lineno or 1
    column = error.offset or 1
    end_line = error.end_lineno or line
    end_column = error.end_offset if error.end_offset and end_line >= line else column + 1
    if end_line == line and end_column <= column:
        end_column = column + 1
    return Span(source.display, line, column, end_line, end_column)


def _jobs_location(error: BaseException, path: str, locator: Locator) -> Location | None:
    """The last top-level ``jobs = ...`` of the file being linted (or of what it includes)."""
    index = getattr(error, "index", None)
    for source in locator.sources.files.values():
        if source.display != path or source.module is None:
            continue
        assignments = [
            node
            for node in source.module.body
            if isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign))
            and any(_is_jobs(target) for target in _targets(node))
        ]
        if not assignments:
            return None
        value = assignments[-1].value
        if value is None:
            return None
        if index is not None and isinstance(value, (ast.List, ast.Tuple)) and index < len(value.elts):
            value = value.elts[index]
        return Location(source.span(byte_span(value)))
    return None


def _targets(node: ast.Assign | ast.AnnAssign | ast.AugAssign) -> list[ast.expr]:
    return list(node.targets) if isinstance(node, ast.Assign) else [node.target]


def _is_jobs(target: ast.expr) -> bool:
    return isinstance(target, ast.Name) and target.id == "jobs"
