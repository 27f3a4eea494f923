"""Shared test helpers: the repository layout, the shared corpus, and running the real CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus"


@pytest.fixture(scope="session", autouse=True)
def isolated_user_environment(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Keep the developer's own Aurora and auroralint setup out of every test.

    A ``~/.aurora/clusters.json`` or an ``AURORALINT_OUTPUT_FORMAT`` on the machine running the
    suite would otherwise change what the linter reports; tests that need a clusters file or a
    format set them explicitly.
    """
    home = tmp_path_factory.mktemp("home")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("HOME", str(home))
        patch.setenv("AURORA_CONFIG_ROOT", str(home / "etc-aurora"))
        patch.delenv("AURORALINT_OUTPUT_FORMAT", raising=False)
        yield


@pytest.fixture
def corpus() -> Path:
    if not (CORPUS / "configs").is_dir():
        pytest.skip("../shared/corpus is not beside this checkout")
    return CORPUS


def run_cli(*args: str, cwd: Path | str | None = None, env: dict[str, str] | None = None,
            timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """``python -m auroralint ARGS`` in a real subprocess, as users run it."""
    environment = {**os.environ, "NO_COLOR": "1", **(env or {})}
    environment.pop("AURORALINT_OUTPUT_FORMAT", None)
    return subprocess.run(
        [sys.executable, "-m", "auroralint", *args],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
