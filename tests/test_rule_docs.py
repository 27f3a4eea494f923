"""A rule's docstring is its documentation, and its Bad and Good examples are tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from auroralint import testing
from auroralint.registry import all_rules

EXAMPLES = [
    (rule, index, example)
    for rule in all_rules()
    for index, example in enumerate(testing.examples(rule.doc))
]


@pytest.mark.parametrize(
    ("rule", "index", "example"),
    EXAMPLES,
    ids=[f"{rule.code}-{example.kind}{index}" for rule, index, example in EXAMPLES],
)
def test_example(rule, index: int, example: testing.Example, tmp_path: Path) -> None:
    marked = bool(testing.MARKER.search(example.text))
    assert marked == (example.kind == "Bad"), "Bad examples carry markers, Good ones do not"
    case = testing.Case(example.text, [rule])
    diagnostics = testing.run(case, tmp_path)
    assert not testing.mismatch(case, diagnostics), testing.mismatch(case, diagnostics)
