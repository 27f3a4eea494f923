"""A runaway config costs a diagnostic for its own file; the others are still linted."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

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
    started = time.monotonic()
    result = run_cli("--timeout", "1.5", "--jobs", "1", ".", cwd=tmp_path, timeout=60)
    elapsed = time.monotonic() - started
    assert "a_loop.aurora:1:1: AUR009 evaluation took longer than 1.5 s" in result.stdout
    assert "b_sibling.aurora:1:1: AUR012" in result.stdout
    assert 1.5 <= elapsed < 10, f"took {elapsed:.1f} s"  # the timeout given, not the default 10 s


def _running(pid: int) -> bool:
    """Whether ``pid`` still runs (a zombie nobody reaped yet does not)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state != "Z"


def test_config_output_and_spawned_processes_do_not_leak(tmp_path: Path) -> None:
    pid_file = tmp_path / "sleep.pid"
    write(tmp_path, "noisy.aurora", f"""
import os, sys
print('from print')
sys.stderr.write('from stderr\\n')
os.system('echo from a shell; sleep 60 & echo $! > {pid_file}')
group_led = os.getpgid(0) == os.getpid()
jobs = [] if group_led else None
""")
    result = run_cli("--output-format", "json", "noisy.aurora", cwd=tmp_path)
    assert "from" not in result.stdout + result.stderr
    # AUR012 (jobs = []): the worker led its own process group, and AUR007 had it not.
    assert [d["code"] for d in json.loads(result.stdout)] == ["AUR012"]
    if Path("/proc/self/stat").exists():
        deadline = time.monotonic() + 5
        while _running(int(pid_file.read_text())):  # killed with its group when the worker ended
            assert time.monotonic() < deadline, "the background process outlived the run"
            time.sleep(0.05)


def test_a_forked_process_holding_the_pipe_does_not_stall_the_file(tmp_path: Path) -> None:
    # The fork inherits the worker's end of the result pipe and keeps it open for 60 s.
    write(tmp_path, "forks.aurora", "import os, time\nif os.fork() == 0:\n    time.sleep(60)\n"
                                    "    os._exit(0)\njobs = []\n")  # fmt: skip
    started = time.monotonic()
    result = run_cli("--output-format", "json", "--timeout", "30", "forks.aurora", cwd=tmp_path)
    assert [d["code"] for d in json.loads(result.stdout)] == ["AUR012"]
    assert time.monotonic() - started < 15


def test_crashing_interpreter_is_reported(tmp_path: Path) -> None:
    write(tmp_path, "crash.aurora", "import os\nos.kill(os.getpid(), 9)\n")
    write(tmp_path, "fine.aurora", SIBLING)
    result = run_cli("--output-format", "json", ".", cwd=tmp_path)
    found = {(d["path"], d["code"], d["message"]) for d in json.loads(result.stdout)}
    assert ("crash.aurora", "AUR013", "evaluating the config crashed: the worker was killed by SIGKILL") in found
    assert any(path == "fine.aurora" for path, _, _ in found)


def _looping_config(directory: Path) -> Path:
    """Write loop.aurora, which records its worker's pid and loops; return the pid file."""
    pid_file = directory / "worker.pid"
    write(directory, "loop.aurora", f"import os\nopen({str(pid_file)!r}, 'w').write(str(os.getpid()))\n"
                                    "while True:\n    pass\n")  # fmt: skip
    return pid_file


def _worker_pid(pid_file: Path) -> int:
    deadline = time.monotonic() + 30
    while not (pid_file.exists() and pid_file.read_text()):
        assert time.monotonic() < deadline, "the worker never started"
        time.sleep(0.05)
    return int(pid_file.read_text())


def test_ctrl_c_stops_the_run_and_its_workers(tmp_path: Path) -> None:
    # A terminal's Ctrl-C signals the foreground process group: auroralint, not its workers,
    # which lead groups of their own; auroralint must stop and take its workers with it.
    pid_file = _looping_config(tmp_path)
    environment = {**os.environ, "NO_COLOR": "1"}
    process = subprocess.Popen([sys.executable, "-m", "auroralint", "--timeout", "60", "loop.aurora"],
                               cwd=tmp_path, env=environment, start_new_session=True,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip
    try:
        worker = _worker_pid(pid_file)
        os.killpg(process.pid, signal.SIGINT)
        _, stderr = process.communicate(timeout=10)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    assert process.returncode != 0
    assert "interrupted" in stderr
    assert "Traceback" not in stderr
    try:
        os.kill(worker, 0)
    except ProcessLookupError:
        pass  # killed and reaped
    else:
        raise AssertionError(f"worker {worker} outlived auroralint")


def test_structs_a_config_drops_are_not_kept_alive(tmp_path: Path) -> None:
    # 150000 throwaway Processes: kept alive for their source positions, they would need about
    # 200 MiB; the limit here is 128 MiB.
    write(tmp_path, "loop.aurora", "for i in range(150000):\n"
                                   "    scratch = Process(name='p%d' % i, cmdline='echo')\njobs = []\n")  # fmt: skip
    result = run_cli("--output-format", "json", "--memory-limit", "128", "loop.aurora", cwd=tmp_path)
    assert [d["code"] for d in json.loads(result.stdout)] == ["AUR012"]


def test_the_timeout_holds_whatever_the_config_does_with_the_pipe(tmp_path: Path) -> None:
    # The worker loops while its fork runs on to the end of the config; another config sends
    # an empty result on every descriptor it can find, then loops.
    write(tmp_path, "forked.aurora", "import os\nif os.fork() != 0:\n    while True:\n        pass\njobs = []\n")
    write(tmp_path, "forged.aurora", "import os\nfor fd in range(3, 64):\n    try:\n"
                                     "        os.write(fd, bytes(8))\n    except OSError:\n"
                                     "        pass\nwhile True:\n    pass\n")  # fmt: skip
    started = time.monotonic()
    result = run_cli("--output-format", "json", "--timeout", "2", "--jobs", "2", ".", cwd=tmp_path,
                     timeout=60)  # fmt: skip
    assert {(d["path"], d["code"]) for d in json.loads(result.stdout)} == {
        ("forged.aurora", "AUR009"), ("forked.aurora", "AUR009")}
    assert time.monotonic() - started < 15


def test_a_worker_orphaned_by_a_killed_run_stops_by_itself(tmp_path: Path) -> None:
    # SIGKILL gives auroralint no chance to kill its workers: a looping one must still stop.
    if not Path("/proc/self/stat").exists():
        pytest.skip("reads process states from /proc")
    pid_file = _looping_config(tmp_path)
    process = subprocess.Popen([sys.executable, "-m", "auroralint", "--timeout", "1", "loop.aurora"],
                               cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    worker = _worker_pid(pid_file)
    process.kill()
    process.wait()
    # The CPU limit: the one-second timeout on every CPU, two seconds of grace; then some slack.
    deadline = time.monotonic() + (os.cpu_count() or 1) + 2 + 10
    while _running(worker):
        if time.monotonic() > deadline:
            os.kill(worker, signal.SIGKILL)
            raise AssertionError("the orphaned worker kept running")
        time.sleep(0.1)


def test_a_config_that_closes_its_pipe_does_not_hold_up_its_siblings(tmp_path: Path) -> None:
    write(tmp_path, "a_fast.aurora", "import time\ntime.sleep(1)\n" + SIBLING)
    write(tmp_path, "b_closer.aurora", "import os, time\nos.closerange(3, 4096)\ntime.sleep(30)\n")
    write(tmp_path, "c_exits.aurora", "import os\nos._exit(3)\n")
    result = run_cli("--output-format", "json", "--timeout", "3", "--jobs", "3", ".", cwd=tmp_path,
                     timeout=60)  # fmt: skip
    assert {(d["path"], d["code"], d["message"]) for d in json.loads(result.stdout)} == {
        ("a_fast.aurora", "AUR012", "the config does not define `jobs`: Aurora would find no job in this file"),
        ("b_closer.aurora", "AUR009", "evaluation took longer than 3 s; is there an endless loop?"),
        ("c_exits.aurora", "AUR013", "evaluating the config crashed: the worker exited with status 3"),
    }
