"""Source text of the files a config run read, and the spans of nodes and instructions in them.

Python reports columns as UTF-8 byte offsets (both ``ast`` and ``co_positions()``); users and
editors count characters. Everything leaving this module is in 1-based lines and 1-based
character columns, with exclusive end columns.
"""


import ast
import re
from functools import cached_property
from typing import NamedTuple

from auroralint.origins import CodePoint

ByteSpan = tuple[int, int, int, int]  # line, byte column, end line, byte end column
_LINE_END = re.compile(r"\r\n|\r|\n")


def source_lines(text: str) -> list[str]:
    """The lines of ``text`` as Python numbers them: only ``\\n``, ``\\r\\n`` and ``\\r`` end
    a line. (``str.splitlines`` also breaks at form feeds and Unicode separators, which
    Python reads as part of a line, and that would shift every line number after them.)"""
    lines = _LINE_END.split(text)
    return lines[:-1] if lines[-1] == "" else lines


class Span(NamedTuple):
    path: str
    line: int
    column: int
    end_line: int
    end_column: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


class SourceFile:
    """One file read during a config run: its display path, text and (lazily) its syntax tree."""

    def __init__(self, display: str, text: str, tree: ast.Module | None = None) -> None:
        self.display = display
        self.text = text
        self.tree = tree

    @cached_property
    def lines(self) -> list[str]:
        return source_lines(self.text)

    @cached_property
    def module(self) -> ast.Module | None:
        if self.tree is not None:
            return self.tree
        try:
            return ast.parse(self.text)
        except (SyntaxError, ValueError):
            return None

    @cached_property
    def _calls(self) -> dict[ByteSpan, ast.Call]:
        calls: dict[ByteSpan, ast.Call] = {}
        if self.module is not None:
            for node in ast.walk(self.module):
                if isinstance(node, ast.Call):
                    calls[byte_span(node)] = node
        return calls

    def call_at(self, span: ByteSpan) -> ast.Call | None:
        return self._calls.get(span)

    def char_column(self, line: int, byte_column: int) -> int:
        """1-based character column of a 0-based byte offset on a 1-based line."""
        if not 1 <= line <= len(self.lines):
            return byte_column + 1
        encoded = self.lines[line - 1].encode("utf-8")
        return len(encoded[:byte_column].decode("utf-8", errors="replace")) + 1

    def span(self, where: ByteSpan) -> Span:
        line, column, end_line, end_column = where
        return Span(
            self.display,
            line,
            self.char_column(line, column),
            end_line,
            self.char_column(end_line, end_column),
        )

    def segment(self, node: ast.AST) -> str:
        return ast.get_source_segment(self.text, node) or ""

    def offset_span(self, node: ast.AST, start: int, length: int) -> Span:
        """The span of ``length`` characters at character ``start`` of ``node``'s source text."""
        before = self.segment(node)[:start]
        line = node.lineno + before.count("\n")  # type: ignore[attr-defined]
        if "\n" in before:
            column = len(before) - before.rindex("\n")
        else:
            column = self.char_column(line, node.col_offset) + len(before)  # type: ignore[attr-defined]
        return Span(self.display, line, column, line, column + length)


def byte_span(node: ast.AST) -> ByteSpan:
    return (
        node.lineno,  # type: ignore[attr-defined]
        node.col_offset,  # type: ignore[attr-defined]
        node.end_lineno or node.lineno,  # type: ignore[attr-defined]
        node.end_col_offset or 0,  # type: ignore[attr-defined]
    )


class Sources:
    """Every file a run read, by the absolute filename its code was compiled under."""

    def __init__(self) -> None:
        self.files: dict[str, SourceFile] = {}

    def add(self, filename: str, display: str, text: str) -> SourceFile:
        source = self.files[filename] = SourceFile(display, text)
        return source

    def get(self, filename: str) -> SourceFile | None:
        return self.files.get(filename)

    def instruction(self, point: CodePoint) -> ByteSpan | None:
        """The span of the instruction in progress at ``point``, as Python records it."""
        positions = list(point.code.co_positions())
        index = point.offset // 2
        if not 0 <= index < len(positions):
            return None
        line, end_line, column, end_column = positions[index]
        if line is None:
            return None
        if column is None or end_column is None:  # -X no_debug_ranges
            return (line, 0, end_line or line, 0)
        return (line, column, end_line or line, end_column)

    def span_of(self, point: CodePoint) -> Span | None:
        source = self.get(point.filename)
        where = self.instruction(point)
        if source is None or where is None:
            return None
        return source.span(where)

    def call_of(self, point: CodePoint) -> tuple[SourceFile, ast.Call] | None:
        source = self.get(point.filename)
        where = self.instruction(point)
        if source is None or where is None:
            return None
        call = source.call_at(where)
        return (source, call) if call is not None else None
