"""The pre-commit hook, installed by the real ``pre-commit`` from this checkout.

``pre-commit try-repo`` clones this repository (with its uncommitted changes), builds a
virtualenv and pip-installs the project, so each run needs the package index and takes a while.
There is one run per outcome, started together so that they install side by side.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import pytest

from auroralint.testing import PRELUDE
from conftest import REPO

TIMEOUT = 900  # seconds per run: a cold pip cache has to download the dependencies
GOOD = PRELUDE + "jobs = [job]\n"
BAD = PRELUDE + "jobs = [job(task=Task(name='hello', resourcez=resources, processes=[hello]))]\n"
# The hook reads the project's configuration like any run. Other rules are written concurrently:
# select the ones this test knows, so that a new rule cannot make the good config fail.
PYPROJECT = '[tool.auroralint]\nselect = ["AUR0", "AUR301", "AUR901"]\n'


class HookRun(NamedTuple):
    returncode: int
    output: str


def _git(repository: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repository, check=True, capture_output=True, timeout=60)


def _repository(directory: Path, files: dict[str, str]) -> Path:
    directory.mkdir(parents=True)
    _git(directory, "init", "-q")
    _git(directory, "config", "user.name", "auroralint tests")
    _git(directory, "config", "user.email", "tests@auroralint.invalid")
    _git(directory, "config", "commit.gpgsign", "false")
    for name, text in files.items():
        path = directory / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    _git(directory, "add", "--all")
    _git(directory, "commit", "-q", "-m", "configs")
    return directory


# What pip prints when the package index cannot be reached.
_NO_INDEX = ("No matching distribution found", "Failed to establish a new connection",
             "Temporary failure in name resolution", "Network is unreachable")  # fmt: skip


def _start(repository: Path, home: Path, *files: str) -> subprocess.Popen[str]:
    environment = {key: value for key, value in os.environ.items()
                   if not key.startswith(("GIT_", "PRE_COMMIT")) and key != "NO_COLOR"}  # fmt: skip
    environment.update(PRE_COMMIT_HOME=str(home), PRE_COMMIT_COLOR="never", TERM="dumb",
                       PIP_DISABLE_PIP_VERSION_CHECK="1")  # fmt: skip
    command = [sys.executable, "-m", "pre_commit", "try-repo", str(REPO), "auroralint",
               "--verbose", "--files", *files]  # fmt: skip
    return subprocess.Popen(command, cwd=repository, env=environment, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)  # fmt: skip


@pytest.fixture(scope="module")
def hook_runs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, HookRun]]:
    if not (REPO / ".git").exists():
        pytest.skip("pre-commit try-repo needs this checkout to be a git repository")
    base = tmp_path_factory.mktemp("pre-commit")
    bad = _repository(base / "bad", {"pyproject.toml": PYPROJECT, "jobs/web.aurora": BAD,
                                     "jobs/lib.aurora": GOOD})  # fmt: skip
    good = _repository(base / "good", {"pyproject.toml": PYPROJECT, "jobs/web.aurora": GOOD,
                                       "README.md": "not a config\n"})  # fmt: skip
    processes = {
        "bad": _start(bad, base / "home-bad", "jobs/web.aurora", "jobs/lib.aurora"),
        "good": _start(good, base / "home-good", "jobs/web.aurora", "README.md"),
    }
    runs = {}
    try:
        for name, process in processes.items():
            output, _ = process.communicate(timeout=TIMEOUT)
            runs[name] = HookRun(process.returncode, output)
    finally:
        for process in processes.values():
            if process.poll() is None:
                process.kill()
                process.wait()
    offline = [run for run in runs.values() if any(sign in run.output for sign in _NO_INDEX)]
    if offline:  # pre-commit installs the hook from the package index, like a user's machine
        pytest.skip("pre-commit could not reach the package index to install the hook")
    yield runs


def test_the_hook_fails_on_a_bad_config_and_prints_the_diagnostic(hook_runs: dict[str, HookRun]) -> None:
    run = hook_runs["bad"]
    assert run.returncode == 1, run.output
    assert "auroralint" in run.output and "Failed" in run.output, run.output
    column = BAD.splitlines()[-1].index("resourcez") + 1
    assert f"jobs/web.aurora:6:{column}: AUR005 Task has no field `resourcez`" in run.output
    assert "[unknown-schema-attribute]" in run.output
    assert "Found 1 error in 2 files." in run.output  # both files were passed to one process


def test_the_hook_passes_on_a_good_config(hook_runs: dict[str, HookRun]) -> None:
    run = hook_runs["good"]
    assert run.returncode == 0, run.output
    assert "Passed" in run.output, run.output
    # Only the .aurora file reaches the hook (files: \.aurora$); README.md is filtered out.
    assert "No problems found in 1 file." in run.output, run.output


def test_the_hook_manifest() -> None:
    import yaml  # a dependency of pre-commit

    result = subprocess.run([sys.executable, "-m", "pre_commit", "validate-manifest",
                             str(REPO / ".pre-commit-hooks.yaml")],
                            capture_output=True, text=True, timeout=120)  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    (hook,) = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())
    assert hook["id"] == "auroralint"
    assert hook["entry"] == "auroralint"
    assert hook["language"] == "python"
    assert hook["files"] == r"\.aurora$"
    assert hook["require_serial"] is True  # auroralint evaluates files in parallel itself
