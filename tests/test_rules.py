"""Every fixture under tests/fixtures/AURnnn/ fires exactly where its `# expect:` markers say.

A fixture is linted with only the rule its folder names. A same-stem ``.toml`` beside it holds
a ``[tool.auroralint]`` table for that fixture only (rule options, cluster profiles, env).
"""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

import pytest

from auroralint import testing
from auroralint.registry import by_code_or_name

FIXTURES = Path(__file__).parent / "fixtures"
CASES = sorted(FIXTURES.glob("AUR*/*.aurora"))


@pytest.mark.parametrize("fixture", CASES, ids=[f"{p.parent.name}/{p.name}" for p in CASES])
def test_fixture(fixture: Path, tmp_path: Path) -> None:
    rule = by_code_or_name(fixture.parent.name)
    assert rule is not None, f"no rule {fixture.parent.name}"
    settings = {}
    options = fixture.with_suffix(".toml")
    if options.is_file():
        settings = tomllib.loads(options.read_text())["tool"]["auroralint"]
    # The whole folder, so that files a fixture include()s come along, bytes as they are.
    shutil.copytree(fixture.parent, tmp_path, dirs_exist_ok=True)
    text = fixture.read_bytes().decode("utf-8", errors="replace")
    case = testing.Case(text, [rule], fixture.name, settings)
    diagnostics = testing.run(case, tmp_path, write=False)
    assert not testing.mismatch(case, diagnostics), testing.mismatch(case, diagnostics)


def test_every_rule_has_a_firing_and_a_clean_fixture() -> None:
    from auroralint.registry import all_rules

    missing = []
    for rule in all_rules():
        files = sorted((FIXTURES / rule.code).glob("*.aurora"))
        texts = {f: f.read_bytes().decode("utf-8", errors="replace") for f in files}
        marked = [f for f in files if testing.MARKER.search(texts[f])]
        clean = [f for f in files if not testing.MARKER.search(texts[f])]
        if not marked or not clean:
            missing.append(rule.code)
    assert not missing, f"rules without a bad and a good fixture: {missing}"
