"""`auroralint examples/`, the README's main command, reports exactly what the examples mark."""

from __future__ import annotations

import json
from collections import Counter

from auroralint import testing
from conftest import REPO, run_cli

EXAMPLES = REPO / "examples"


def test_every_example_reports_what_its_markers_say() -> None:
    result = run_cli("--output-format", "json", "examples/", cwd=REPO)
    assert result.returncode == 1, result.stderr  # the examples are broken on purpose
    got = Counter((d["path"], d["line"], d["code"]) for d in json.loads(result.stdout))
    expected: Counter[tuple[str, int, str]] = Counter()
    for config in sorted(EXAMPLES.rglob("*.aurora")):
        path = str(config.relative_to(REPO))
        for (_, line, code), count in testing.expectations(config.read_text(), path).items():
            expected[(path, line, code)] += count
    assert got == expected


def test_the_production_style_service_is_clean() -> None:
    result = run_cli("examples/services/", cwd=REPO)
    assert (result.returncode, result.stdout) == (0, "No problems found in 1 file.\n")


def test_the_seed_rules_all_fire_in_the_examples() -> None:
    marked = {code for config in EXAMPLES.rglob("*.aurora")
              for _, _, code in testing.expectations(config.read_text(), config.name)}  # fmt: skip
    seed = {"AUR020", "AUR021", "AUR101", "AUR102", "AUR103", "AUR104", "AUR105", "AUR201",
            "AUR202", "AUR203", "AUR210", "AUR211", "AUR212", "AUR302", "AUR303"}  # fmt: skip
    assert seed - marked == set()
