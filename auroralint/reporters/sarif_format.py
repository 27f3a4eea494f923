"""SARIF 2.1.0 for code-scanning services: rule metadata plus one result per diagnostic."""

from __future__ import annotations

import hashlib
import json
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
    return quote(PurePath(path).as_posix())


def _location(span: Span) -> dict[str, Any]:
    return {
        "physicalLocation": {
            "artifactLocation": {"uri": _uri(span.path)},
            "region": {
                "startLine": max(span.line, 1),
                "startColumn": max(span.column, 1),
                "endLine": max(span.end_line, span.line, 1),
                "endColumn": max(span.end_column, 1),
            },
        }
    }


def _descriptor(rule: Rule) -> dict[str, Any]:
    doc = rule.doc.strip()
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": doc or rule.summary},
        "help": {"text": doc or rule.summary, "markdown": doc or rule.summary},
        "helpUri": f"{INFORMATION_URI}#{rule.code.lower()}",
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
        "properties": {"kind": rule.kind},
    }


def _fingerprint(diagnostic: Diagnostic) -> str:
    # Stable across edits that only move lines: the rule, the file, the job and the message.
    key = "\0".join((diagnostic.code, diagnostic.path, diagnostic.job, diagnostic.message))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def _result(diagnostic: Diagnostic, index: dict[str, int]) -> dict[str, Any]:
    message = diagnostic.message + (f"\n{diagnostic.hint}" if diagnostic.hint else "")
    result: dict[str, Any] = {
        "ruleId": diagnostic.code,
        "level": _LEVEL[diagnostic.severity],
        "message": {"text": message},
        "locations": [_location(diagnostic.span)],
        "partialFingerprints": {"auroralint/v1": _fingerprint(diagnostic)},
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
                "results": [_result(diagnostic, index) for diagnostic in report.diagnostics],
            }
        ],
    }


def write(report: Report, stream: TextIO) -> None:
    json.dump(document(report), stream, indent=2)
    stream.write("\n")
