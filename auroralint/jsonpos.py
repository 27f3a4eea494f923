"""Line and column of a value inside a JSON text, addressed by its path of keys and indices.

``json`` gives no positions; this scanner walks the text once, just far enough to find the
value at a path, so a schema error can point at the offending key of clusters.json.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence

_WHITESPACE = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()


def offset_of(text: str, path: Sequence[str | int]) -> int:
    """Character offset of the value at ``path`` (its key, for object members); 0 if not found."""
    position = _skip(text, 0)
    found = 0
    for step in path:
        if position >= len(text):
            return found
        if text[position] == "{":
            located = _member(text, position, str(step))
        elif text[position] == "[" and isinstance(step, int):
            located = _element(text, position, step)
        else:
            return found
        if located is None:
            return found
        found, position = located
    return found if path else position


def end_of(text: str, offset: int) -> int:
    """Where the JSON value (or member key) starting at ``offset`` ends; ``offset + 1`` if none does."""
    try:
        return _end_of_value(text, offset)
    except (ValueError, IndexError):
        return min(offset + 1, len(text)) if text else offset


def line_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _skip(text: str, position: int) -> int:
    match = _WHITESPACE.match(text, position)
    return match.end() if match else position


def _end_of_value(text: str, position: int) -> int:
    _, end = _DECODER.raw_decode(text, position)
    return end


def _member(text: str, position: int, wanted: str) -> tuple[int, int] | None:
    """The last member named ``wanted``: with a repeated key, ``json`` keeps the last."""
    found = None
    position = _skip(text, position + 1)
    while position < len(text) and text[position] != "}":
        key_start = position
        key, position = _string(text, position)
        position = _skip(text, position)
        position = _skip(text, position + 1)  # the colon
        if key == wanted:
            found = key_start, position
        position = _skip(text, _end_of_value(text, position))
        if position < len(text) and text[position] == ",":
            position = _skip(text, position + 1)
    return found


def _element(text: str, position: int, wanted: int) -> tuple[int, int] | None:
    position = _skip(text, position + 1)
    index = 0
    while position < len(text) and text[position] != "]":
        if index == wanted:
            return position, position
        position = _skip(text, _end_of_value(text, position))
        if position < len(text) and text[position] == ",":
            position = _skip(text, position + 1)
        index += 1
    return None


def _string(text: str, position: int) -> tuple[str, int]:
    value, end = _DECODER.raw_decode(text, position)
    return str(value), end
