"""SARIF 2.1.0 for code-scanning services: rule metadata plus one result per diagnostic."""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from pathlib import PurePath
from typing import Any, TextIO
from urllib.parse import quote

from auroralint import __version__
from auroralint.diagnostic import Diagnostic
from auroralint.reporters import Report
from auroralint.rule import Rule
from auroralint.sourcemap import Span

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/auroralint/auroralint"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _uri(path: str) -> str:
    """A relative URI for a file under the current directory (code scanning resolves those
    against the repository), an absolute ``file://`` URI for anything else."""
    absolute = os.path.abspath(path)
    relative = os.path.relpath(absolute, os.getcwd())
    if relative != os.pardir and not relative.startswith(os.pardir + os.sep):
        # The file name's own bytes, percent-encoded, even when they are not UTF-8.
        return quote(os.fsencode(PurePath(relative).as_posix()))
    return PurePath(absolute).as_uri()


def _region(span: Span) -> dict[str, int]:
    # Code scanning rejects a start line below 1, and an end before the start.
    line = max(span.line, 1)
    column = max(span.column, 1)
    end_line = max(span.end_line, line)
    end_column = max(span.end_column, 1)
    if end_line == line:
        end_column = max(end_column, column)
    return {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column}


def _location(span: Span) -> dict[str, Any]:
    return {
        "physicalLocation": {
            "artifactLocation": {"uri": _uri(span.path)},
            "region": _region(span),
        }
    }


def help_uri(rule: Rule) -> str:
    """The rule's documentation: its module, whose docstring ``--explain`` prints."""
    module = rule.check.__module__.rpartition(".")[2]
    if module.startswith("aur"):
        return f"{INFORMATION_URI}/blob/main/rules/{module}.py"
    return f"{INFORMATION_URI}#rules"


def _descriptor(rule: Rule) -> dict[str, Any]:
    doc = rule.doc.strip()
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": doc or rule.summary},
        "help": {"text": doc or rule.summary, "markdown": doc or rule.summary},
        "helpUri": help_uri(rule),
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
        "properties": {"kind": rule.kind},
    }


def _fingerprint(diagnostic: Diagnostic) -> str:
    # Stable across edits that only move lines: the rule, the file, the job, the message and
    # the files that included the one at fault (the message names their lines: not those).
    includers = [related.span for related in diagnostic.related if related.note == "included from"]
    chain = f" (included from {' <- '.join(str(span) for span in includers)})"
    message = diagnostic.message.removesuffix(chain) if includers else diagnostic.message
    key = "\0".join((diagnostic.code, PurePath(diagnostic.path).as_posix(), diagnostic.job,
                     message, *(PurePath(span.path).as_posix() for span in includers)))  # fmt: skip
    return hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()[:32]


def _fingerprints(report: Report) -> list[str]:
    """One per diagnostic; the same problem twice in a file is told apart by its occurrence."""
    seen: Counter[str] = Counter()
    found = []
    for diagnostic in report.diagnostics:
        base = _fingerprint(diagnostic)
        seen[base] += 1
        found.append(f"{base}:{seen[base]}")
    return found


def _result(diagnostic: Diagnostic, index: dict[str, int], fingerprint: str) -> dict[str, Any]:
    message = diagnostic.message + (f"\n{diagnostic.hint}" if diagnostic.hint else "")
    result: dict[str, Any] = {
        "ruleId": diagnostic.code,
        "level": _LEVEL[diagnostic.severity],
        "message": {"text": message},
        "locations": [_location(diagnostic.span)],
        "partialFingerprints": {"auroralint/v1": fingerprint},
    }
    if diagnostic.code in index:
        result["ruleIndex"] = index[diagnostic.code]
    if diagnostic.job:
        result["locations"][0]["logicalLocations"] = [
            {"fullyQualifiedName": diagnostic.job, "kind": "object"}
        ]
    if diagnostic.related:
        result["relatedLocations"] = [
            {"id": number, **_location(related.span), "message": {"text": related.note}}
            for number, related in enumerate(diagnostic.related, start=1)
        ]
    return result


def document(report: Report) -> dict[str, Any]:
    rules = sorted(report.rules, key=lambda rule: rule.code)
    index = {rule.code: position for position, rule in enumerate(rules)}
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "auroralint",
                        "version": __version__,
                        "informationUri": INFORMATION_URI,
                        "rules": [_descriptor(rule) for rule in rules],
                    }
                },
                "invocations": [
                    {"executionSuccessful": report.exit_code in (0, 1), "exitCode": report.exit_code}
                ],
                "columnKind": "unicodeCodePoints",
                "results": [
                    _result(diagnostic, index, fingerprint)
                    for diagnostic, fingerprint in zip(report.diagnostics, _fingerprints(report))
                ],
            }
        ],
    }


def write(report: Report, stream: TextIO) -> None:
    json.dump(document(report), stream, indent=2)
    stream.write("\n")
