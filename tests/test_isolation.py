"""A runaway config costs a diagnostic for its own file; the others are still linted."""

from __future__ import annotations

import json
import time
from pathlib import Path

from conftest import run_cli
from helpers import write

SIBLING = "hello = Process(name='hello', cmdline='echo')\n"  # defines no jobs: AUR012 proves it ran


def test_endless_loop_and_memory_bomb_end_with_diagnostics(tmp_path: Path) -> None:
    write(tmp_path, "a_loop.aurora", "while True:\n    pass\n")
    write(tmp_path, "b_bomb.aurora", "padding = ' ' * (10 * 1024 ** 3)\njobs = []\n")
    write(tmp_path, "c_growth.aurora", "chunks = []\nwhile True:\n    chunks.append(' ' * 2 ** 20)\n")
    write(tmp_path, "d_sibling.aurora", SIBLING)
    started = time.monotonic()
    result = run_cli("--output-format", "json", "--timeout", "3", "--memory-limit", "512",
                     "--jobs", "2", ".", cwd=tmp_path, timeout=60)  # fmt: skip
    elapsed = time.monotonic() - started
    assert result.returncode == 1, result.stderr
    found = {(d["path"], d["code"]) for d in json.loads(result.stdout)}
    assert found == {
        ("a_loop.aurora", "AUR009"),
        ("b_bomb.aurora", "AUR010"),
        ("c_growth.aurora", "AUR010"),
        ("d_sibling.aurora", "AUR012"),
    }
    assert elapsed < 20, f"took {elapsed:.1f} s"


def test_one_worker_at_a_time_still_finishes(tmp_path: Path) -> None:
    write(tmp_path, "a_loop.aurora", "x = 0\nwhile True:\n    x += 1\n")
    write(tmp_path, "b_sibling.aurora", SIBLING)
    result = run_cli("--timeout", "1", "--jobs", "1", ".", cwd=tmp_path, timeout=60)
    assert "a_loop.aurora:1:1: AUR009" in result.stdout
    assert "b_sibling.aurora:1:1: AUR012" in result.stdout


def test_config_output_and_spawned_processes_do_not_leak(tmp_path: Path) -> None:
    write(tmp_path, "noisy.aurora", """
import os, sys
print('from print')
sys.stderr.write('from stderr\\n')
os.system('echo from a shell; sleep 30 &')
jobs = []
""")
    result = run_cli("--output-format", "json", "noisy.aurora", cwd=tmp_path)
    assert "from" not in result.stdout + result.stderr
    assert [d["code"] for d in json.loads(result.stdout)] == ["AUR012"]


def test_crashing_interpreter_is_reported(tmp_path: Path) -> None:
    write(tmp_path, "crash.aurora", "import os\nos.kill(os.getpid(), 9)\n")
    write(tmp_path, "fine.aurora", SIBLING)
    result = run_cli("--output-format", "json", ".", cwd=tmp_path)
    found = {(d["path"], d["code"], d["message"]) for d in json.loads(result.stdout)}
    assert ("crash.aurora", "AUR013", "evaluating the config crashed: the worker was killed by SIGKILL") in found
    assert any(path == "fine.aurora" for path, _, _ in found)
