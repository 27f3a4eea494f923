"""A JSON array with one object per diagnostic, for tools and scripts."""

from __future__ import annotations

import json
from typing import Any, TextIO

from auroralint.diagnostic import Diagnostic
from auroralint.reporters import Report


def as_dict(diagnostic: Diagnostic) -> dict[str, Any]:
    return {
        "path": diagnostic.path,
        "line": diagnostic.line,
        "column": diagnostic.column,
        "end_line": diagnostic.end_line,
        "end_column": diagnostic.end_column,
        "code": diagnostic.code,
        "name": diagnostic.name,
        "severity": diagnostic.severity,
        "message": diagnostic.message,
        "hint": diagnostic.hint,
        "job": diagnostic.job,
        "related": [
            {
                "path": related.span.path,
                "line": related.span.line,
                "column": related.span.column,
                "end_line": related.span.end_line,
                "end_column": related.span.end_column,
                "note": related.note,
            }
            for related in diagnostic.related
        ],
    }


def write(report: Report, stream: TextIO) -> None:
    json.dump([as_dict(diagnostic) for diagnostic in report.diagnostics], stream, indent=2)
    stream.write("\n")
