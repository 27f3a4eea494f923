"""``# noqa: AUR101`` at the end of a line, ``# auroralint: ignore[AUR101]`` above a statement.

Codes may be rule codes or rule names; a bare ``# noqa`` covers every code on its line. An
own-line ``ignore`` covers the whole statement that follows it, so a multi-line ``Job(...)``
needs one comment; inside a call or a list it covers the argument or element that follows;
after code on a line, that line. Comments are found with ``tokenize``, so ``#`` inside strings
is never mistaken for one.
"""


import ast
import io
import re
import tokenize
from collections.abc import Iterable
from typing import TYPE_CHECKING, NamedTuple

from auroralint.diagnostic import Diagnostic
from auroralint.sourcemap import SourceFile, Sources, Span

if TYPE_CHECKING:
    from auroralint.engine import EngineSettings

_NOQA = re.compile(r"#\s*noqa\b(?P<colon>\s*:)?", re.IGNORECASE)
_IGNORE = re.compile(r"#\s*auroralint:\s*ignore\[(?P<codes>[^\]]*)\]")
_CODE = re.compile(r"AUR\d+\b", re.IGNORECASE)
# A code, or a rule name (kebab-case), at the start of the text.
_ITEM = re.compile(r"(?:AUR\d+|[a-z][a-z0-9]*(?:-[a-z0-9]+)*)(?![\w-])", re.IGNORECASE)
_COMMA = re.compile(r"\s*,\s*")
_SPACE = re.compile(r"\s+")
_SKIPPED = frozenset((tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE, tokenize.INDENT,
                      tokenize.DEDENT, tokenize.ENDMARKER))  # fmt: skip


class Suppression(NamedTuple):
    span: Span  # the comment
    codes: tuple[str, ...] | None  # None: every code (a bare noqa); empty: none (`ignore[]`)
    first_line: int
    last_line: int

    def covers(self, line: int, code: str, name: str) -> bool:
        if not self.first_line <= line <= self.last_line:
            return False
        return self.codes is None or code in self.codes or name in self.codes


def _normal(code: str) -> str:
    return code.upper() if code.upper().startswith("AUR") else code


def _codes(text: str) -> tuple[str, ...]:
    """The codes or names of ``ignore[...]``: separated by commas or spaces."""
    return tuple(_normal(code) for code in re.split(r"[\s,]+", text.strip()) if code)


def _noqa_codes(text: str) -> tuple[str, ...]:
    """The codes or names after ``# noqa:``, up to the first word that is neither.

    Items are separated by commas; a space separates two items only before a code, so that a
    reason written after the codes (``# noqa: AUR012 only included``) is not read as rule
    names.
    """
    codes: list[str] = []
    position = len(text) - len(text.lstrip())
    while True:
        item = _ITEM.match(text, position)
        if item is None:
            break
        codes.append(_normal(item.group()))
        position = item.end()
        comma = _COMMA.match(text, position)
        if comma and comma.group().strip():
            position = comma.end()
            continue
        space = _SPACE.match(text, position)
        if space and _CODE.match(text, space.end()):
            position = space.end()
            continue
        break
    return tuple(codes)


def find(source: SourceFile) -> list[Suppression]:
    lowered = source.text.lower()
    if "noqa" not in lowered and "auroralint:" not in lowered:
        return []
    # Lines as Python numbers them: StringIO would end lines only at "\n", not at a lone "\r".
    text = source.text.replace("\r\n", "\n").replace("\r", "\n")
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(text).readline))
    except (tokenize.TokenError, SyntaxError):
        return []
    suppressions = []
    code_lines = _code_lines(tokens)
    for index, token in enumerate(tokens):
        if token.type != tokenize.COMMENT:
            continue
        line, column = token.start
        span = Span(source.display, line, column + 1, line, column + 1 + len(token.string))
        ignore = _IGNORE.search(token.string)
        if ignore:
            codes = _codes(ignore.group("codes"))
            if line in code_lines:  # after code: that line only
                suppressions.append(Suppression(span, codes, line, line))
            else:
                first, last = _next_construct(source, tokens, index)
                suppressions.append(Suppression(span, codes, first, last))
            continue
        noqa = _NOQA.search(token.string)
        if noqa:
            rest = token.string[noqa.end():]
            # Like flake8, a `# noqa:` followed by no code is a bare noqa.
            noqa_codes = (_noqa_codes(rest) if noqa.group("colon") else ()) or None
            suppressions.append(Suppression(span, noqa_codes, line, line))
    return suppressions


def _code_lines(tokens: Iterable[tokenize.TokenInfo]) -> set[int]:
    lines: set[int] = set()
    for token in tokens:
        if token.type not in _SKIPPED:
            lines.update(range(token.start[0], token.end[0] + 1))
    return lines


def _next_construct(
    source: SourceFile, tokens: list[tokenize.TokenInfo], comment: int
) -> tuple[int, int]:
    """The lines of what follows an own-line comment: the largest construct starting on the
    next line of code. Between statements that is the whole next statement (a multi-line
    ``Job(...)``); inside a call, the argument or element starting there."""
    following = next((token for token in tokens[comment + 1:] if token.type not in _SKIPPED),
                     None)  # fmt: skip
    if following is None:
        line = tokens[comment].start[0] + 1
        return line, line
    first = following.start[0]
    last = first
    if source.module is not None:
        for node in ast.walk(source.module):
            if getattr(node, "lineno", None) == first and isinstance(node, (ast.stmt, ast.expr, ast.keyword)):
                last = max(last, getattr(node, "end_lineno", None) or first)
    return first, last


def apply(
    diagnostics: list[Diagnostic], sources: Sources, linted: str, settings: "EngineSettings"
) -> list[Diagnostic]:
    """``diagnostics`` minus the suppressed ones, plus what the suppression rules say about
    the comments of ``linted`` (the file being linted) that silenced nothing."""
    found = {source.display: find(source) for source in sources.files.values()}
    used: dict[Suppression, set[str]] = {}
    kept = []
    for diagnostic in diagnostics:
        covering = [
            suppression
            for suppression in found.get(diagnostic.path, [])
            if suppression.covers(diagnostic.line, diagnostic.code, diagnostic.name)
        ]
        for suppression in covering:
            used.setdefault(suppression, set()).update((diagnostic.code, diagnostic.name))
        if not covering:
            kept.append(diagnostic)
    checkers = [rule for rule in settings.rules if rule.kind == "suppression"]
    if checkers:
        # A suppression may name the checker itself, to keep a deliberate stale code quiet.
        def silenced(diagnostic: Diagnostic) -> bool:
            return any(suppression.codes and suppression.covers(diagnostic.line, diagnostic.code,
                                                                diagnostic.name)
                       for suppression in found.get(diagnostic.path, []))  # fmt: skip

        from auroralint.registry import all_rules

        known = {key for rule in all_rules() for key in (rule.code, rule.name)}
        enabled = {key for rule in settings.rules for key in (rule.code, rule.name)}
        # Only the linted file's own comments: an included file may be linted through others.
        for suppression in found.get(linted, []):
            for rule in checkers:
                findings = rule.check(suppression, used.get(suppression, set()), known, enabled)
                reported = (Diagnostic.at(suppression.span, rule.code, rule.name,
                                          settings.severity(rule), finding)
                            for finding in findings)  # fmt: skip
                kept.extend(diagnostic for diagnostic in reported if not silenced(diagnostic))
    return kept
