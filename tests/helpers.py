"""In-process loading for tests of the loader itself (the CLI tests use real subprocesses)."""

from __future__ import annotations

import textwrap
from pathlib import Path

from auroralint.job import PreparedJob, prepare
from auroralint.loader import Evaluation, LoadSettings, evaluate
from auroralint.locate import Locator


def write(directory: Path, name: str, text: str) -> Path:
    path = directory / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def load(path: Path, **settings: object) -> Evaluation:
    return evaluate(str(path), LoadSettings(**settings))  # type: ignore[arg-type]


def jobs(evaluation: Evaluation, bindings: tuple[tuple[str, str], ...] = ()) -> list[PreparedJob]:
    assert evaluation.error is None, evaluation.error
    return [prepare(index, raw, bindings) for index, raw in enumerate(evaluation.jobs)]


def where(evaluation: Evaluation, job: int, field: str, ref: str = "") -> str:
    """``file:line:col`` (just the file name) of a field of a job, as diagnostics show it."""
    locator = Locator(evaluation.recorder, evaluation.sources)
    location = locator.field(evaluation.jobs[job], field, "{{" + ref + "}}" if ref else "")
    assert location is not None, f"no location for {field}"
    span = location.span
    return f"{Path(span.path).name}:{span.line}:{span.column}"


def chain(evaluation: Evaluation, job: int, field: str) -> list[str]:
    locator = Locator(evaluation.recorder, evaluation.sources)
    location = locator.field(evaluation.jobs[job], field)
    assert location is not None
    return [f"{related.note} {Path(related.span.path).name}:{related.span.line}:{related.span.column}"
            for related in location.related]  # fmt: skip
