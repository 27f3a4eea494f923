"""GitHub Actions workflow commands: each diagnostic becomes an annotation on the pull request."""

from __future__ import annotations

from typing import TextIO

from auroralint.diagnostic import Diagnostic
from auroralint.reporters import Report

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(diagnostic: Diagnostic) -> str:
    properties = [
        f"file={_property(diagnostic.path)}",
        f"line={diagnostic.line}",
        f"endLine={diagnostic.end_line}",
    ]
    # GitHub accepts columns only for single-line spans.
    if diagnostic.line == diagnostic.end_line:
        properties.append(f"col={diagnostic.column}")
        properties.append(f"endColumn={max(diagnostic.end_column, diagnostic.column)}")
    properties.append(f"title={_property(f'{diagnostic.code} {diagnostic.name}')}")
    message = diagnostic.message + (f"\n{diagnostic.hint}" if diagnostic.hint else "")
    return f"::{_LEVEL[diagnostic.severity]} {','.join(properties)}::{_data(message)}"


def write(report: Report, stream: TextIO) -> None:
    for diagnostic in report.diagnostics:
        stream.write(annotation(diagnostic) + "\n")
