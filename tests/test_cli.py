"""The command line as users run it: files found, rules chosen, flags applied, exit statuses.

Every test runs ``python -m auroralint`` in a subprocess on real files in ``tmp_path``.
Only the loading rules (``AUR0xx``), ``AUR301`` and ``AUR901`` are relied on; other rules are
written concurrently, so no test asserts on the whole rule list.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from auroralint.testing import PRELUDE
from conftest import run_cli

GOOD = PRELUDE + "jobs = [job]\n"
# Line 6, column 37: the unknown keyword `resourcez`.
BAD = PRELUDE + "jobs = [job(task=Task(name='hello', resourcez=resources, processes=[hello]))]\n"
NO_JOBS = "x = 1\n"  # AUR012, a warning
# Job rules are being written concurrently: where a config has jobs, only the rules this suite
# knows are selected, so that a new rule cannot change what these tests see.
STABLE = "--select=AUR0,AUR301,AUR901"
UNDEFINED = PRELUDE + "jobs = [job(task=MyTask)]\n"  # AUR002 unless a prelude defines MyTask


def write(directory: Path, name: str, text: str | bytes) -> Path:
    path = directory / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def lint(*args: str, cwd: Path, env: dict[str, str] | None = None,
         expect: int | None = None) -> tuple[subprocess.CompletedProcess[str], list[dict]]:
    """Run with ``--output-format json`` (and `STABLE` unless the test selects rules itself);
    the parsed report and the process."""
    if not any(arg.startswith("--select") for arg in args):
        args = (STABLE, *args)
    result = run_cli("--output-format", "json", *args, cwd=cwd, env=env)
    assert "Traceback" not in result.stderr, result.stderr
    if expect is not None:
        assert result.returncode == expect, (result.stdout, result.stderr)
    assert result.returncode in (0, 1), result.stderr
    return result, json.loads(result.stdout)


def codes(report: list[dict]) -> list[tuple[str, str]]:
    return [(entry["path"], entry["code"]) for entry in report]


def usage_error(*args: str, cwd: Path, env: dict[str, str] | None = None) -> str:
    """Run, expect exit status 2 with one clear line on stderr and no report; the message."""
    result = run_cli(*args, cwd=cwd, env=env)
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    message = result.stderr.strip()
    assert message.startswith("auroralint"), message
    assert len(message.splitlines()) == 1, message
    return message


# --- which files are linted ---------------------------------------------------------------


def test_default_path_is_the_current_directory_recursively(tmp_path: Path) -> None:
    write(tmp_path, "top.aurora", GOOD)
    write(tmp_path, "deep/er/nested.aurora", BAD)
    write(tmp_path, ".hidden/skipped.aurora", BAD)
    write(tmp_path, "notes.txt", "not a config")
    write(tmp_path, "config.aurora.bak", BAD)
    result, report = lint(cwd=tmp_path, expect=1)
    assert codes(report) == [("deep/er/nested.aurora", "AUR005")]


def test_files_and_directories_are_linted_once_each(tmp_path: Path) -> None:
    write(tmp_path, "jobs/a.aurora", BAD)
    write(tmp_path, "jobs/b.aurora", NO_JOBS)
    write(tmp_path, "other.aurora", BAD)
    # A named file is linted whatever its name; repeated and overlapping paths count once.
    write(tmp_path, "named.txt", BAD)
    _, report = lint("jobs", "jobs/a.aurora", "./jobs/", "named.txt", str(tmp_path / "jobs"),
                     cwd=tmp_path, expect=1)  # fmt: skip
    assert codes(report) == [("jobs/a.aurora", "AUR005"), ("jobs/b.aurora", "AUR012"),
                             ("named.txt", "AUR005")]  # fmt: skip


def test_exclude_globs_apply_to_directories_and_named_files(tmp_path: Path) -> None:
    write(tmp_path, "legacy/old.aurora", BAD)
    write(tmp_path, "lib/common.aurora", NO_JOBS)
    write(tmp_path, "lib/keep/deep.aurora", BAD)
    write(tmp_path, "web.aurora", BAD)
    _, report = lint("--exclude", "legacy,lib/*.aurora", ".", "legacy/old.aurora",
                     cwd=tmp_path, expect=1)  # fmt: skip
    # `lib/*.aurora` matches lib/common.aurora; fnmatch's `*` also crosses `/`.
    assert codes(report) == [("web.aurora", "AUR005")]
    _, report = lint("--exclude", "web.aurora", "--exclude", "./legacy/", "web.aurora", "legacy",
                     cwd=tmp_path, expect=0)  # fmt: skip
    assert report == []


def test_no_aurora_files_is_not_an_error(tmp_path: Path) -> None:
    write(tmp_path, "README.md", "nothing to lint")
    result = run_cli(cwd=tmp_path)
    assert result.returncode == 0
    assert "no .aurora files found" in result.stderr
    assert "No problems found in 0 files." in result.stdout


def test_check_is_the_default_command(tmp_path: Path) -> None:
    write(tmp_path, "web.aurora", BAD)
    assert run_cli("check", "web.aurora", cwd=tmp_path).stdout == run_cli("web.aurora", cwd=tmp_path).stdout


def _as_unprivileged_user() -> None:
    os.setgroups([])
    os.setgid(65534)
    os.setuid(65534)  # nobody: root reads every directory, whatever its mode


def _unprivileged(base: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``auroralint ARGS`` in ``base`` as a user that permissions apply to (root reads all)."""
    demote = _as_unprivileged_user if os.geteuid() == 0 else None
    try:
        return subprocess.run(
            [sys.executable, "-m", "auroralint", *args], cwd=base, capture_output=True, text=True,
            timeout=60, env={**os.environ, "HOME": str(base), "NO_COLOR": "1"}, preexec_fn=demote,
        )  # fmt: skip
    except PermissionError:  # this Python lives where only root may go (under /root)
        pytest.skip("the interpreter cannot be run by an unprivileged user")


@pytest.fixture
def shared_directory() -> Iterator[Path]:
    """A directory an unprivileged user can reach (tmp_path is private to its owner)."""
    with tempfile.TemporaryDirectory() as directory:
        base = Path(directory)
        base.chmod(0o755)
        yield base
        for path in base.rglob("*"):  # give back what a test took away, so it can be removed
            path.chmod(0o755)


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX permissions")
def test_a_directory_that_cannot_be_listed_is_reported(shared_directory: Path) -> None:
    write(shared_directory, "jobs/ok/web.aurora", BAD)
    write(shared_directory, "jobs/secret/hidden.aurora", BAD)
    (shared_directory / "jobs" / "secret").chmod(0)
    result = _unprivileged(shared_directory, "--output-format", "json", "jobs")
    assert result.returncode == 1, result.stderr
    found = [(entry["path"], entry["code"], entry["message"]) for entry in json.loads(result.stdout)]
    assert found == [
        ("jobs/ok/web.aurora", "AUR005", "Task has no field `resourcez`; did you mean `resources`?"),
        ("jobs/secret", "AUR011", "cannot list directory jobs/secret: Permission denied"),
    ]


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX permissions")
def test_a_pyproject_that_cannot_be_read_is_passed_over_with_a_warning(shared_directory: Path) -> None:
    write(shared_directory, "pyproject.toml", '[tool.auroralint]\nignore = ["AUR005"]\n')
    write(shared_directory, "web.aurora", BAD)
    (shared_directory / "pyproject.toml").chmod(0)
    result = _unprivileged(shared_directory, "web.aurora")
    assert result.returncode == 1 and "AUR005" in result.stdout  # its ignore did not apply
    assert result.stderr == ("auroralint: warning: passing over pyproject.toml, which cannot be read "
                             "(Permission denied); --config names a file to use\n")


# --- exit statuses --------------------------------------------------------------------------


def test_exit_status_follows_the_worst_severity(tmp_path: Path) -> None:
    write(tmp_path, "good.aurora", GOOD)
    write(tmp_path, "warn.aurora", NO_JOBS)
    write(tmp_path, "bad.aurora", BAD)
    assert run_cli(STABLE, "good.aurora", cwd=tmp_path).returncode == 0
    assert run_cli("warn.aurora", cwd=tmp_path).returncode == 0  # warnings do not fail
    assert run_cli("warn.aurora", "bad.aurora", cwd=tmp_path).returncode == 1
    zero = run_cli("--exit-zero", "bad.aurora", cwd=tmp_path)
    assert zero.returncode == 0
    assert "AUR005" in zero.stdout  # still reported
    # --exit-zero never hides a usage error.
    assert run_cli("--exit-zero", "--select", "NOPE", "bad.aurora", cwd=tmp_path).returncode == 2


BREAKS_AURORALINT = """
# Stands in for a bug in auroralint: the prelude runs in the worker, where rules run too.
import auroralint.job
def broken(self, path, default=None):
    raise RuntimeError("a rule's bug")
auroralint.job.JobView.get = broken
"""


def test_an_internal_error_exits_2_and_the_report_says_so(tmp_path: Path) -> None:
    write(tmp_path, "breaks.py", BREAKS_AURORALINT)
    write(tmp_path, "bad.aurora", BAD)
    write(tmp_path, "good.aurora", GOOD)
    result = run_cli("--prelude", "breaks.py", "--output-format", "sarif", "bad.aurora", "good.aurora",
                     "--exit-zero", cwd=tmp_path)  # fmt: skip
    assert result.returncode == 2  # even with --exit-zero: the lint was not complete
    assert "auroralint: internal error while linting good.aurora: rule AUR" in result.stderr
    assert "RuntimeError: a rule's bug" in result.stderr and "Traceback" not in result.stderr
    (run,) = json.loads(result.stdout)["runs"]
    assert run["invocations"] == [{"executionSuccessful": False, "exitCode": 2}]
    # What did not depend on the broken code is still reported.
    assert "AUR005" in {found["ruleId"] for found in run["results"]}


def test_clean_text_report(tmp_path: Path) -> None:
    write(tmp_path, "good.aurora", GOOD)
    result = run_cli(STABLE, "good.aurora", cwd=tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (0, "No problems found in 1 file.\n", "")


# --- rule selection -------------------------------------------------------------------------


def test_select_and_ignore_by_prefix_and_name(tmp_path: Path) -> None:
    write(tmp_path, "warn.aurora", NO_JOBS)
    write(tmp_path, "bad.aurora", BAD)
    _, report = lint(".", cwd=tmp_path)
    assert codes(report) == [("bad.aurora", "AUR005"), ("warn.aurora", "AUR012")]
    for ignored in ("AUR012", "aur012", "no-jobs", "AUR01"):
        _, report = lint("--ignore", ignored, ".", cwd=tmp_path)
        assert codes(report) == [("bad.aurora", "AUR005")], ignored
    # The more specific entry wins, whichever list it is in; a name beats any code.
    _, report = lint("--ignore", "AUR0", "--select", "AUR012", ".", cwd=tmp_path)
    assert codes(report) == [("warn.aurora", "AUR012")]
    _, report = lint("--select", "AUR0", "--ignore", "AUR012", ".", cwd=tmp_path)
    assert codes(report) == [("bad.aurora", "AUR005")]
    _, report = lint("--select", "no-jobs", "--ignore", "AUR0", "--ignore", "AUR012", ".",
                     cwd=tmp_path)  # fmt: skip
    assert codes(report) == [("warn.aurora", "AUR012")]
    # Comma-separated and repeated flags add up.
    _, report = lint("--ignore", "AUR005, no-jobs", ".", cwd=tmp_path, expect=0)
    assert report == []


def test_loading_rules_run_whatever_is_selected_unless_ignored(tmp_path: Path) -> None:
    # A file that cannot be evaluated was not checked: --select must not make that a clean run.
    write(tmp_path, "bad.aurora", BAD)
    write(tmp_path, "warn.aurora", NO_JOBS)
    _, report = lint("--select", "AUR8", ".", cwd=tmp_path, expect=1)
    assert codes(report) == [("bad.aurora", "AUR005")]  # the no-jobs warning is not selected
    _, report = lint("--select", "AUR8", "--ignore", "AUR005", ".", cwd=tmp_path, expect=0)
    assert report == []


def test_an_ignored_load_rule_is_not_reported_under_another_code(tmp_path: Path) -> None:
    write(tmp_path, "undefined.aurora", UNDEFINED)
    _, report = lint("undefined.aurora", cwd=tmp_path, expect=1)
    assert codes(report) == [("undefined.aurora", "AUR002")]
    # Without AUR002 the NameError must not fall through to the catch-all config-error.
    _, report = lint("--ignore", "undefined-name", "undefined.aurora", cwd=tmp_path, expect=0)
    assert report == []


@pytest.mark.parametrize("flag", ["--select", "--ignore"])
@pytest.mark.parametrize("value", ["NOPE", "AUR1234", "no-such-rule", "AUR005,typo-rule"])
def test_unknown_selectors_are_usage_errors(tmp_path: Path, flag: str, value: str) -> None:
    write(tmp_path, "good.aurora", GOOD)
    message = usage_error(flag, value, "good.aurora", cwd=tmp_path)
    bad = value.split(",")[-1]
    assert f"{flag}: {bad!r} is neither a rule code prefix" in message


# --- flags that change how configs run ------------------------------------------------------


def test_env_sets_variables_while_configs_run(tmp_path: Path) -> None:
    name = "AURORALINT_TEST_JOB_NAME"
    write(tmp_path, "env.aurora",
          "import os\n" + PRELUDE + f"jobs = [job(name=os.environ['{name}'])]\n")  # fmt: skip
    _, report = lint("env.aurora", cwd=tmp_path, expect=1)
    assert [entry["code"] for entry in report] == ["AUR004"]
    _, report = lint("--env", f"{name}=hello", "env.aurora", cwd=tmp_path, expect=0)
    assert report == []
    # As when Aurora's client runs it, the config also sees the caller's environment.
    _, report = lint("env.aurora", cwd=tmp_path, env={name: "hello"}, expect=0)
    assert report == []


def test_prelude_defines_site_names(tmp_path: Path) -> None:
    write(tmp_path, "site/dsl.py", "MyTask = Task(name='hello', processes=[Process(name='hello', "
          "cmdline='echo hello')], resources=Resources(cpu=0.5, ram=128*MB, disk=256*MB))\n")
    write(tmp_path, "web.aurora", UNDEFINED)
    _, report = lint("web.aurora", cwd=tmp_path, expect=1)
    assert [entry["code"] for entry in report] == ["AUR002"]
    _, report = lint("--prelude", "site/dsl.py", "web.aurora", cwd=tmp_path, expect=0)
    assert report == []


def test_bind_applies_to_inspect_and_must_be_name_equals_value(tmp_path: Path) -> None:
    write(tmp_path, "web.aurora", PRELUDE + "jobs = [job(cluster='{{site}}')]\n")
    result = run_cli("inspect", "--bind", "site=west", "web.aurora", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    (document,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert document["file"] == "web.aurora"
    assert [job["key"] for job in document["jobs"]] == ["west/www-data/prod/hello"]
    assert document["jobs"][0]["json"]["cluster"] == "west"
    unbound = run_cli("inspect", "web.aurora", cwd=tmp_path)
    assert json.loads(unbound.stdout)["jobs"][0]["unbound"] == ["site"]
    assert "--bind" in usage_error("--bind", "site", "web.aurora", cwd=tmp_path)
    assert "--bind" in usage_error("--bind", "=west", "web.aurora", cwd=tmp_path)
    assert "--env" in usage_error("--env", "JOB_NAME", "web.aurora", cwd=tmp_path)


def test_inspect_reports_load_failures_with_status_1(tmp_path: Path) -> None:
    write(tmp_path, "bad.aurora", BAD)
    write(tmp_path, "good.aurora", GOOD)
    result = run_cli("inspect", "good.aurora", "bad.aurora", cwd=tmp_path)
    assert result.returncode == 1
    documents = [json.loads(line) for line in result.stdout.splitlines()]
    assert [document["file"] for document in documents] == ["good.aurora", "bad.aurora"]
    assert [entry["code"] for entry in documents[1]["diagnostics"]] == ["AUR005"]
    assert documents[1]["jobs"] == []


def test_timeout_stops_an_endless_loop(tmp_path: Path) -> None:
    write(tmp_path, "loop.aurora", "while True:\n    pass\n")
    write(tmp_path, "good.aurora", GOOD)
    _, report = lint("--timeout", "0.5", ".", cwd=tmp_path, expect=1)
    assert codes(report) == [("loop.aurora", "AUR009")]
    assert "0.5 s" in report[0]["message"]


def test_jobs_flag_gives_the_same_report(tmp_path: Path) -> None:
    for number in range(4):
        write(tmp_path, f"c{number}.aurora", BAD if number % 2 else GOOD)
    serial = run_cli(STABLE, "-j", "1", ".", cwd=tmp_path)
    parallel = run_cli(STABLE, "--jobs", "3", ".", cwd=tmp_path)
    assert serial.stdout == parallel.stdout
    assert serial.stdout.count("AUR005") == 2


def test_print_in_a_config_never_reaches_the_report(tmp_path: Path) -> None:
    write(tmp_path, "noisy.aurora", "print('hello from the config')\n" + BAD)
    result, report = lint("noisy.aurora", cwd=tmp_path, expect=1)
    assert "hello from the config" not in result.stdout + result.stderr
    assert [entry["code"] for entry in report] == ["AUR005"]


def test_output_file_gets_the_report_and_stdout_stays_empty(tmp_path: Path) -> None:
    write(tmp_path, "bad.aurora", BAD)
    result = run_cli("--output-format", "json", "-o", "report.json", "bad.aurora", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout == ""
    report = json.loads((tmp_path / "report.json").read_text())
    assert [entry["code"] for entry in report] == ["AUR005"]


def test_output_format_from_the_environment(tmp_path: Path) -> None:
    import os
    import sys

    write(tmp_path, "bad.aurora", BAD)

    def run(value: str, *args: str) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "AURORALINT_OUTPUT_FORMAT": value, "NO_COLOR": "1"}
        return subprocess.run([sys.executable, "-m", "auroralint", *args, "bad.aurora"],
                              cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60)  # fmt: skip

    assert run("github").stdout.startswith("::error file=bad.aurora,")
    # The flag wins over the variable.
    assert json.loads(run("github", "--output-format", "json").stdout)[0]["code"] == "AUR005"
    wrong = run("xml")
    assert wrong.returncode == 2
    assert "AURORALINT_OUTPUT_FORMAT='xml' is not one of text, json, github, sarif" in wrong.stderr
    assert run("xml", "--output-format", "text").returncode == 1  # not consulted then


# --- rule documentation ---------------------------------------------------------------------


@pytest.mark.parametrize("key", ["AUR012", "aur012", "no-jobs"])
def test_explain_prints_the_rule_documentation(tmp_path: Path, key: str) -> None:
    result = run_cli("--explain", key, cwd=tmp_path)
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "AUR012 no-jobs (default severity: warning)"
    assert "Bad::" in lines and "Good::" in lines
    assert "Options:" in lines


def test_explain_an_unknown_rule(tmp_path: Path) -> None:
    message = usage_error("--explain", "AUR999", cwd=tmp_path)
    assert "no rule 'AUR999'" in message and "auroralint rules" in message


def test_rules_lists_the_catalogue(tmp_path: Path) -> None:
    text = run_cli("rules", cwd=tmp_path)
    assert text.returncode == 0
    by_code = {line.split()[0]: line.split() for line in text.stdout.splitlines()}
    assert by_code["AUR001"][1:3] == ["syntax-error", "error"]
    assert by_code["AUR012"][1:3] == ["no-jobs", "warning"]
    assert by_code["AUR901"][1:3] == ["unused-suppression", "warning"]
    listed = json.loads(run_cli("rules", "--output-format", "json", cwd=tmp_path).stdout)
    entries = {entry["code"]: entry for entry in listed}
    assert set(entries) == set(by_code)
    assert entries["AUR301"]["name"] == "invalid-clusters-file"
    assert entries["AUR301"]["kind"] == "load"
    assert entries["AUR301"]["summary"].startswith("clusters.json is malformed")
    assert entries["AUR012"]["options"] == {}
    assert [entry["code"] for entry in listed] == sorted(entries)


def test_version_and_help(tmp_path: Path) -> None:
    from auroralint import __version__

    version = run_cli("--version", cwd=tmp_path)
    assert (version.returncode, version.stdout) == (0, f"auroralint {__version__}\n")
    help_text = run_cli("--help", cwd=tmp_path)
    assert help_text.returncode == 0
    for option in ("--output-format", "--select", "--ignore", "--exclude", "--config",
                   "--clusters", "--bind", "--env", "--prelude", "--explain", "--exit-zero"):
        assert option in help_text.stdout, option


# --- bad input: a clear message, never a traceback -----------------------------------------


def test_missing_and_unreadable_paths_are_diagnostics(tmp_path: Path) -> None:
    write(tmp_path, "binary.aurora", b"\x00\x01\x02jobs = []\n")
    write(tmp_path, "latin1.aurora", "name = 'caf\xe9'\n".encode("latin-1"))
    _, report = lint("missing.aurora", "binary.aurora", "latin1.aurora", cwd=tmp_path, expect=1)
    assert codes(report) == [("binary.aurora", "AUR011"), ("latin1.aurora", "AUR011"),
                             ("missing.aurora", "AUR011")]  # fmt: skip
    assert "missing.aurora" in report[2]["message"]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--timeout", "0"], "argument --timeout: expected a positive number of seconds up to 86400, got '0'"),
        (["--timeout", "-1"], "expected a positive number"),
        (["--timeout", "soon"], "expected a number of seconds, got 'soon'"),
        (["--timeout", "nan"], "expected a positive number"),
        (["--timeout", "inf"], "expected a positive number"),
        (["--timeout", "1e12"], "expected a positive number of seconds up to 86400, got '1e12'"),
        (["--memory-limit", "0"], "argument --memory-limit: expected a positive integer"),
        (["--memory-limit", "1.5"], "argument --memory-limit: expected a positive integer"),
        (["--memory-limit", "99999999999999"], "argument --memory-limit: expected at most 1048576 MiB"),
        (["-j", "0"], "argument --jobs/-j: expected a positive integer"),
        (["--output-format", "xml"], "argument --output-format: invalid choice: 'xml'"),
        (["--color", "sometimes"], "argument --color: invalid choice"),
        (["--no-such-flag"], "unrecognized arguments: --no-such-flag"),
        (["--config", "missing.toml"], "--config missing.toml: no such file"),
        (["--config", "adir"], "--config adir: is a directory, not a file"),
        (["--clusters", "missing.json"], "--clusters missing.json: no such file"),
        (["--clusters", "adir"], "--clusters adir: is a directory, not a file"),
        (["--prelude", "missing.py"], "--prelude missing.py: no such file"),
        (["--prelude", "adir"], "--prelude adir: is a directory, not a file"),
        (["-o", "adir"], "--output-file adir: Is a directory"),
        (["-o", "nowhere/report.txt"], "--output-file nowhere/report.txt: No such file or directory"),
        (["--bind", "cluster"], "--bind: binding 'cluster' must be formatted name=value"),
        (["--env", "=x"], "--env '=x' must be formatted NAME=VALUE"),
    ],
)
def test_usage_errors(tmp_path: Path, args: list[str], expected: str) -> None:
    (tmp_path / "adir").mkdir()
    write(tmp_path, "good.aurora", GOOD)
    message = usage_error(*args, "good.aurora", cwd=tmp_path)
    assert expected in message


def test_a_bad_output_file_fails_before_linting(tmp_path: Path) -> None:
    # The loop would take the whole timeout if the run started before the file was opened.
    write(tmp_path, "loop.aurora", "while True:\n    pass\n")
    result = run_cli("-o", "nowhere/report.txt", "--timeout", "30", "loop.aurora", cwd=tmp_path,
                     timeout=20)  # fmt: skip
    assert result.returncode == 2


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_report_that_cannot_be_written(tmp_path: Path) -> None:
    write(tmp_path, "bad.aurora", BAD)
    message = usage_error("-o", "/dev/full", "bad.aurora", cwd=tmp_path)
    assert message == "auroralint: cannot write the report to /dev/full: No space left on device"


@pytest.mark.parametrize(("args", "status"), [(["bad.aurora"], 1), (["rules"], 0),
                                              (["--explain", "AUR005"], 0)])  # fmt: skip
def test_a_closed_pipe_keeps_the_exit_status(tmp_path: Path, args: list[str], status: int) -> None:
    import os
    import sys

    write(tmp_path, "bad.aurora", BAD)
    process = subprocess.Popen([sys.executable, "-m", "auroralint", *args], cwd=tmp_path,
                               env={**os.environ, "NO_COLOR": "1"}, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)  # fmt: skip
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # `auroralint ... | head -0`: the reader is gone before any output
    stderr = process.stderr.read()
    assert process.wait(timeout=60) == status
    assert stderr == ""  # no traceback, no "Exception ignored" at exit


def test_the_readme_documents_every_option_and_only_those(tmp_path: Path) -> None:
    import re

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Command line", 1)[1].split("\n## ", 1)[0]
    documented = set(re.findall(r"^\| `(?:-\w, )?(--[a-z-]+)", section, re.MULTILINE))
    help_text = run_cli("--help", cwd=tmp_path).stdout
    offered = set(re.findall(r"(?<![\w-])(--[a-z][a-z-]+)", help_text)) - {"--help", "--version"}
    assert documented == offered
