"""``auroralint inspect`` agrees with Aurora's own loader on every config of the shared corpus."""

from __future__ import annotations

import json
import sys

import pytest

from conftest import CORPUS, REPO

sys.path.insert(0, str(REPO / "scripts"))
import conformance  # noqa: E402

CONFIGS = CORPUS / "configs"
FILES = sorted(str(p.relative_to(CONFIGS)) for p in CONFIGS.rglob("*.aurora")) if CONFIGS.is_dir() else []


@pytest.fixture(scope="module")
def inspected() -> dict[str, dict]:
    if not FILES:
        pytest.skip("../shared/corpus is not beside this checkout")
    return conformance.inspect(CONFIGS, FILES)


@pytest.mark.parametrize("config", FILES or ["(no corpus)"])
def test_config_agrees_with_aurora(config: str, inspected: dict[str, dict]) -> None:
    expected = json.loads((CORPUS / "expected" / config).with_suffix(".json").read_text())
    assert conformance.disagreements(expected, inspected[config]) == []


def test_whole_corpus_counts() -> None:
    if not FILES:
        pytest.skip("../shared/corpus is not beside this checkout")
    loaded = [f for f in FILES if "load_error" not in json.loads(
        (CORPUS / "expected" / f).with_suffix(".json").read_text())]  # fmt: skip
    assert (len(FILES), len(loaded)) == (36, 27)


def test_jobs_have_keys(inspected: dict[str, dict]) -> None:
    document = inspected["examples/jobs/hello_docker_engine.aurora"]
    assert [job["key"] for job in document["jobs"]] == [
        "devcluster/www-data/devel/hello_docker_engine",
        "devcluster/www-data/devel/hello_docker_engine_binding",
    ]
    assert document["diagnostics"] == []


def test_the_comparator_sees_each_kind_of_disagreement() -> None:
    # Runs without the corpus: a comparator that always agreed would make the tests above pass.
    job = {"key": "c/r/e/n", "json": {"name": "n", "instances": 1}, "unbound": ["x"]}
    same = {"file": "f", "jobs": [job], "diagnostics": []}
    assert conformance.disagreements({"jobs": [job]}, same) == []
    other_json = {**same, "jobs": [{**job, "json": {"name": "n", "instances": 2}}]}
    assert conformance.disagreements({"jobs": [job]}, other_json) == ["jobs[0] json differs in instances"]
    other_unbound = {**same, "jobs": [{**job, "unbound": []}]}
    assert conformance.disagreements({"jobs": [job]}, other_unbound) == ["jobs[0] unbound [] != ['x']"]
    assert conformance.disagreements({"jobs": [job, job]}, same) == ["2 jobs expected, 1 found"]
    failed = {"load_error": "SyntaxError"}
    assert conformance.disagreements(failed, same) != []
    warning_only = {"file": "f", "jobs": [], "diagnostics": [{"code": "AUR012", "severity": "warning"}]}
    assert conformance.disagreements(failed, warning_only) != []
    diagnosed = {"file": "f", "jobs": [], "diagnostics": [{"code": "AUR001", "severity": "error"}]}
    assert conformance.disagreements(failed, diagnosed) == []
