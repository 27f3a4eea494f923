"""Invariants over the rule catalogue: shape, names, documentation, README."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from auroralint import testing
from auroralint.registry import all_rules
from auroralint.rule import CODE, NAME

REPO = Path(__file__).resolve().parent.parent
RULES = all_rules()


@pytest.mark.parametrize("rule", RULES, ids=[rule.code for rule in RULES])
def test_rule_shape(rule) -> None:
    assert CODE.match(rule.code)
    assert NAME.match(rule.name)
    assert rule.severity in ("error", "warning", "info")
    module = rule.check.__module__.rsplit(".", 1)[-1]
    assert module == f"{rule.code.lower()}_{rule.name.replace('-', '_')}"
    doc = rule.doc.strip()
    assert doc and doc.splitlines()[0].endswith("."), "a one-sentence summary first"
    assert "Options:" in doc
    for option in rule.options:
        assert re.search(rf"^\s+{re.escape(option)}\b", doc, re.M), f"option {option} undocumented"
    kinds = [example.kind for example in testing.examples(doc)]
    assert kinds[:1] == ["Bad"] and "Good" in kinds, "Bad:: then Good:: examples"


def test_codes_and_names_are_unique() -> None:
    assert len({rule.code for rule in RULES}) == len(RULES)
    assert len({rule.name for rule in RULES}) == len(RULES)


def test_readme_lists_every_rule() -> None:
    readme = (REPO / "README.md").read_text()
    missing = [rule.code for rule in RULES if f"`{rule.code}`" not in readme or rule.name not in readme]
    assert not missing, f"README.md does not list {missing}"


def test_precommit_hook_runs_the_console_script() -> None:
    hooks = (REPO / ".pre-commit-hooks.yaml").read_text()
    pyproject = (REPO / "pyproject.toml").read_text()
    entry = re.search(r"entry:\s*(\S+)", hooks).group(1)
    assert re.search(rf"^{entry}\s*=", pyproject, re.M)
    assert re.search(r"files:\s*.*\\\.aurora\$", hooks)
