"""``path:line:col: CODE message [name]``, the source line and a caret, for people."""

from __future__ import annotations

import os
from collections import Counter
from functools import cache
from typing import TextIO

from auroralint.diagnostic import Diagnostic
from auroralint.reporters import Report
from auroralint.sourcemap import source_lines

_COLORS = {"error": "\033[1;31m", "warning": "\033[1;33m", "info": "\033[1;36m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"


@cache
def _lines(path: str) -> tuple[str, ...]:
    if not os.path.isfile(path):  # a FIFO or a device would block or never end
        return ()
    from auroralint.loader import UnreadableFile, decode_source

    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError:
        return ()
    try:
        text = decode_source(data, path)
    except UnreadableFile:
        text = data.decode("utf-8", errors="replace")
    return tuple(source_lines(text))


def printable(text: str) -> str:
    """Control characters from a config or a file name shown escaped, never sent to the
    terminal; so are the undecodable bytes of a file name (``\\udce9``)."""
    return "".join(
        character if character.isprintable() or character == "\t" else repr(character)[1:-1]
        for character in text
    )


def _shown(text: str) -> str:
    return printable(text.replace("\t", " "))


_WIDE = 160  # characters of a source line shown around the column (a minified JSON line...)
_MARGIN = 60


def _window(line: str, start: int, end: int) -> tuple[str, str, str, int, int]:
    """The part of a long ``line`` around ``start:end``, with ``...`` where it was cut."""
    if len(line) <= _WIDE:
        return "", line, "", start, end
    left = max(0, start - _MARGIN)
    right = min(len(line), max(left + _WIDE, min(end, start + _WIDE - _MARGIN)))
    head, tail = ("..." if left else ""), ("..." if right < len(line) else "")
    return head, line[left:right], tail, start - left, min(end, right) - left


def render(diagnostic: Diagnostic, color: bool) -> str:
    paint = (lambda code, text: f"{code}{text}{_RESET}") if color else (lambda _, text: text)
    header = (
        f"{paint(_BOLD, printable(diagnostic.path))}:{diagnostic.line}:{diagnostic.column}: "
        f"{paint(_COLORS[diagnostic.severity], diagnostic.code)} "
        f"{printable(diagnostic.message)} {paint(_DIM, f'[{diagnostic.name}]')}"
    )
    out = [header]
    lines = _lines(diagnostic.path)
    if 1 <= diagnostic.line <= len(lines):
        raw = lines[diagnostic.line - 1]
        start = min(max(diagnostic.column, 1), len(raw) + 1) - 1  # 0-based, in characters
        end = diagnostic.end_column - 1 if diagnostic.end_line == diagnostic.line else len(raw)
        end = min(max(end, start + 1), len(raw) + 1)
        head, raw, tail, start, end = _window(raw, start, end)
        # Columns count characters of the line as written; the shown line has tabs expanded
        # and control characters escaped, so measure the caret on the shown text.
        before = head + _shown(raw[:start])
        marked = _shown(raw[start:end])
        number = str(diagnostic.line)
        gutter = " " * len(number)
        out.append(f"{paint(_DIM, number + ' |')} {head}{_shown(raw)}{tail}")
        caret = " " * len(before) + "^" * max(len(marked), 1)
        out.append(f"{paint(_DIM, gutter + ' |')} {paint(_COLORS[diagnostic.severity], caret)}")
    if diagnostic.hint:
        out.append(f"  help: {printable(diagnostic.hint)}")
    for related in diagnostic.related:
        out.append(f"  note: {printable(related.note)} {printable(str(related.span))}")
    return "\n".join(out)


def summary(report: Report) -> str:
    counts = Counter(diagnostic.severity for diagnostic in report.diagnostics)
    files = f"{report.files} file{'s' if report.files != 1 else ''}"
    if not counts:
        return f"No problems found in {files}."
    parts = [
        f"{counts[severity]} {severity}{'s' if counts[severity] != 1 else ''}"
        for severity in ("error", "warning", "info")
        if counts[severity]
    ]
    return f"Found {', '.join(parts)} in {files}."


def write(report: Report, stream: TextIO) -> None:
    for diagnostic in report.diagnostics:
        stream.write(render(diagnostic, report.color) + "\n")
    stream.write(summary(report) + "\n")
