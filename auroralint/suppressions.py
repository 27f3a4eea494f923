"""``# noqa: AUR101`` at the end of a line, ``# auroralint: ignore[AUR101]`` above a statement.

Codes may be rule codes or rule names. An own-line ``ignore`` covers the whole statement that
follows it, so a multi-line ``Job(...)`` needs one comment. Comments are found with
``tokenize``, so ``#`` inside strings is never mistaken for one.
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
from collections.abc import Iterable
from typing import NamedTuple

from auroralint.sourcemap import SourceFile, Span

_NOQA = re.compile(r"#\s*noqa(?::\s*(?P<codes>[\w\-]+(?:[\s,]+[\w\-]+)*))?", re.IGNORECASE)
_IGNORE = re.compile(r"#\s*auroralint:\s*ignore\[(?P<codes>[^\]]*)\]")


class Suppression(NamedTuple):
    span: Span  # the comment
    codes: tuple[str, ...]  # empty: every code (a bare ``# noqa``)
    first_line: int
    last_line: int

    def covers(self, line: int, code: str, name: str) -> bool:
        if not self.first_line <= line <= self.last_line:
            return False
        return not self.codes or code in self.codes or name in self.codes


def _codes(text: str) -> tuple[str, ...]:
    return tuple(code.upper() if code.upper().startswith("AUR") else code
                 for code in re.split(r"[\s,]+", text.strip()) if code)  # fmt: skip


def find(source: SourceFile) -> list[Suppression]:
    if "noqa" not in source.text and "auroralint:" not in source.text:
        return []
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(source.text).readline))
    except (tokenize.TokenError, SyntaxError):
        return []
    suppressions = []
    own_line = _own_line_comments(tokens)
    for token in tokens:
        if token.type != tokenize.COMMENT:
            continue
        line, column = token.start
        span = Span(source.display, line, column + 1, line, column + 1 + len(token.string))
        ignore = _IGNORE.search(token.string)
        if ignore and line in own_line:
            first, last = _next_statement(source, line)
            suppressions.append(Suppression(span, _codes(ignore.group("codes")), first, last))
            continue
        noqa = _NOQA.search(token.string)
        if noqa:
            codes = _codes(noqa.group("codes") or "")
            suppressions.append(Suppression(span, codes, line, line))
    return suppressions


def _own_line_comments(tokens: Iterable[tokenize.TokenInfo]) -> set[int]:
    code_lines = set()
    comments = set()
    for token in tokens:
        if token.type == tokenize.COMMENT:
            comments.add(token.start[0])
        elif token.type not in (tokenize.NL, tokenize.NEWLINE, tokenize.INDENT,
                                tokenize.DEDENT, tokenize.ENDMARKER):  # fmt: skip
            code_lines.update(range(token.start[0], token.end[0] + 1))
    return comments - code_lines


def _next_statement(source: SourceFile, comment_line: int) -> tuple[int, int]:
    """The lines of the outermost statement starting first after ``comment_line``."""
    best: tuple[int, int] | None = None
    if source.module is not None:
        for node in ast.walk(source.module):
            if isinstance(node, ast.stmt) and node.lineno > comment_line:
                extent = (node.lineno, node.end_lineno or node.lineno)
                if best is None or extent[0] < best[0] or (
                    extent[0] == best[0] and extent[1] > best[1]
                ):
                    best = extent
    return best or (comment_line + 1, comment_line + 1)
