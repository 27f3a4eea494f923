"""The rule bundle is used when current, rebuilt when a rule changes, and never required."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from auroralint import rulecache


@pytest.fixture
def rules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    files = []
    for index in range(3):
        path = tmp_path / f"rule{index}.py"
        path.write_text(f"VALUE = {index}\n")
        files.append((f"bundled.rule{index}", str(path)))
    return files


def run(code) -> dict[str, object]:
    namespace: dict[str, object] = {}
    exec(code, namespace)
    return namespace


def bundle_of(files: list[tuple[str, str]]) -> Path:
    (found,) = (Path(files[0][1]).parent / "__pycache__").glob("auroralint-rules.*.bundle")
    return found


def test_the_bundle_is_written_then_used(rules: list[tuple[str, str]]) -> None:
    assert [run(code)["VALUE"] for code in rulecache.code_objects(rules)] == [0, 1, 2]
    bundle = bundle_of(rules)
    before = bundle.stat().st_mtime_ns
    assert [run(code)["VALUE"] for code in rulecache.code_objects(rules)] == [0, 1, 2]
    assert bundle.stat().st_mtime_ns == before  # read, not rewritten


def test_a_changed_rule_invalidates_it(rules: list[tuple[str, str]]) -> None:
    rulecache.code_objects(rules)
    path = Path(rules[1][1])
    path.write_text("VALUE = 'changed, and longer'\n")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))
    assert run(rulecache.code_objects(rules)[1])["VALUE"] == "changed, and longer"
    assert run(rulecache.code_objects(rules)[1])["VALUE"] == "changed, and longer"


def test_a_corrupt_or_foreign_bundle_is_ignored(rules: list[tuple[str, str]]) -> None:
    rulecache.code_objects(rules)
    bundle = bundle_of(rules)
    for junk in (b"", b"not a bundle", bundle.read_bytes()[:-7]):
        bundle.write_bytes(junk)
        assert [run(code)["VALUE"] for code in rulecache.code_objects(rules)] == [0, 1, 2]


def test_nothing_is_written_where_bytecode_must_not_be(rules, monkeypatch) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    assert [run(code)["VALUE"] for code in rulecache.code_objects(rules)] == [0, 1, 2]
    assert not list((Path(rules[0][1]).parent / "__pycache__").glob("*.bundle"))


def test_an_unwritable_cache_directory_still_loads(rules: list[tuple[str, str]]) -> None:
    # A file where the cache directory should be: writing fails (even for root), loading not.
    (Path(rules[0][1]).parent / "__pycache__").write_text("in the way")
    assert [run(code)["VALUE"] for code in rulecache.code_objects(rules)] == [0, 1, 2]
    assert [p.name for p in Path(rules[0][1]).parent.iterdir() if p.suffix == ".tmp"] == []
