"""``[tool.auroralint]`` / ``auroralint.toml``: discovery, every key, and errors that name the key.

End-to-end tests run the CLI in a subprocess; the option type checks call
``auroralint.settings`` directly with a rule built for the test.
"""

from __future__ import annotations

import json
from pathlib import Path
from types import MappingProxyType
from typing import Any

import pytest

from auroralint import selection, settings
from auroralint.rule import Rule
from auroralint.testing import PRELUDE
from conftest import run_cli
from helpers import write

STABLE = "--select=AUR0,AUR301,AUR901"  # see test_cli.py
GOOD = PRELUDE + "jobs = [job]\n"
BAD = PRELUDE + "jobs = [job(task=Task(name='hello', resourcez=resources, processes=[hello]))]\n"
NO_JOBS = "x = 1\n"


def lint(*args: str, cwd: Path, expect: int | None = None) -> list[tuple[str, str]]:
    """(path, code) of each diagnostic of a JSON report."""
    result = run_cli("--output-format", "json", *args, cwd=cwd)
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode in (0, 1), result.stderr
    if expect is not None:
        assert result.returncode == expect, result.stdout
    return [(entry["path"], entry["code"]) for entry in json.loads(result.stdout)]


def config_error(*args: str, cwd: Path) -> str:
    result = run_cli(*args, cwd=cwd)
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    return result.stderr.strip()


# --- discovery ------------------------------------------------------------------------------


def test_nearest_pyproject_upwards_from_the_current_directory(tmp_path: Path) -> None:
    write(tmp_path, "pyproject.toml", '[project]\nname = "x"\n\n[tool.auroralint]\nignore = ["no-jobs"]\n')
    write(tmp_path, "deploy/web/empty.aurora", NO_JOBS)
    # A pyproject.toml that does not configure auroralint (even if it mentions it) is passed over.
    write(tmp_path, "deploy/pyproject.toml", '[project]\nname = "y"\ndependencies = ["auroralint"]\n')
    assert lint(".", cwd=tmp_path / "deploy" / "web", expect=0) == []
    assert settings.discover(str(tmp_path / "deploy" / "web")) == str(tmp_path / "pyproject.toml")


def test_auroralint_toml_wins_in_its_directory_and_nearer_wins_overall(tmp_path: Path) -> None:
    write(tmp_path, "auroralint.toml", 'ignore = ["no-jobs"]\n')
    write(tmp_path, "pyproject.toml", '[tool.auroralint]\nselect = ["AUR005"]\n')
    write(tmp_path, "sub/empty.aurora", NO_JOBS)
    assert lint("sub", cwd=tmp_path, expect=0) == []
    write(tmp_path, "sub/pyproject.toml", '[tool.auroralint]\nselect = ["AUR0"]\n')
    assert lint(".", cwd=tmp_path / "sub") == [("empty.aurora", "AUR012")]
    assert settings.discover(str(tmp_path / "sub")) == str(tmp_path / "sub" / "pyproject.toml")
    assert settings.discover(str(tmp_path)) == str(tmp_path / "auroralint.toml")


def test_the_configuration_nearest_to_the_linted_paths_is_used(tmp_path: Path) -> None:
    # `auroralint examples/` from a repository root uses examples/auroralint.toml.
    write(tmp_path, "examples/auroralint.toml", 'ignore = ["no-jobs"]\n')
    write(tmp_path, "examples/a/empty.aurora", NO_JOBS)
    write(tmp_path, "examples/b/empty.aurora", NO_JOBS)
    write(tmp_path, "other/empty.aurora", NO_JOBS)
    assert lint("examples/", cwd=tmp_path, expect=0) == []
    assert lint("examples/a/empty.aurora", "examples/b", cwd=tmp_path, expect=0) == []
    # Paths in several trees: the configuration above all of them (none here).
    assert lint("examples", "other", STABLE, cwd=tmp_path) == [
        ("examples/a/empty.aurora", "AUR012"),
        ("examples/b/empty.aurora", "AUR012"),
        ("other/empty.aurora", "AUR012"),
    ]


def test_config_flag_reads_that_file_instead(tmp_path: Path) -> None:
    write(tmp_path, "pyproject.toml", '[tool.auroralint]\nignore = ["no-jobs"]\n')
    write(tmp_path, "empty.aurora", NO_JOBS)
    write(tmp_path, "bad.aurora", BAD)
    assert lint(".", cwd=tmp_path) == [("bad.aurora", "AUR005")]
    # Another pyproject.toml: its [tool.auroralint]; any other name: its top level.
    write(tmp_path, "ci/pyproject.toml", '[tool.auroralint]\nignore = ["AUR005"]\n')
    write(tmp_path, "ci/strict.toml", 'ignore = []\n')
    assert lint("--config", "ci/pyproject.toml", ".", cwd=tmp_path) == [("empty.aurora", "AUR012")]
    assert lint("--config", "ci/strict.toml", ".", cwd=tmp_path) == [
        ("bad.aurora", "AUR005"), ("empty.aurora", "AUR012")]  # fmt: skip
    # A pyproject.toml without [tool.auroralint] given explicitly: the defaults.
    write(tmp_path, "plain/pyproject.toml", '[project]\nname = "x"\n')
    assert len(lint("--config", "plain/pyproject.toml", ".", cwd=tmp_path)) == 2


def test_paths_in_the_file_are_relative_to_it(tmp_path: Path) -> None:
    write(tmp_path, "pyproject.toml", """\
[tool.auroralint]
exclude = ["legacy/"]
per-file-ignores = { "lib/*.aurora" = ["no-jobs"] }
prelude = ["site/dsl.py"]
clusters-file = "deploy/clusters.json"
""")
    write(tmp_path, "site/dsl.py", "MyProcess = Process\n")
    write(tmp_path, "deploy/clusters.json", '[{"name": "devcluster"}]\n')
    write(tmp_path, "legacy/old.aurora", BAD)
    write(tmp_path, "lib/common.aurora", NO_JOBS)
    write(tmp_path, "jobs/lib/other.aurora", NO_JOBS)  # lib/*.aurora is anchored at the file
    write(tmp_path, "jobs/web.aurora", PRELUDE.replace("Process(", "MyProcess(") + "jobs = [job]\n")
    for cwd in (tmp_path, tmp_path / "jobs"):
        found = lint(STABLE, str(tmp_path), cwd=cwd)
        shown = [(Path(path).name, code) for path, code in found]
        assert shown == [("clusters.json", "AUR301"), ("other.aurora", "AUR012")], cwd
    # Reported paths are relative to the current directory.
    assert lint(STABLE, ".", cwd=tmp_path) == [("deploy/clusters.json", "AUR301"),
                                               ("jobs/lib/other.aurora", "AUR012")]  # fmt: skip


# --- every key ------------------------------------------------------------------------------


def test_select_and_ignore(tmp_path: Path) -> None:
    write(tmp_path, "empty.aurora", NO_JOBS)
    write(tmp_path, "bad.aurora", BAD)
    write(tmp_path, "pyproject.toml", '[tool.auroralint]\nselect = ["no-jobs"]\nignore = ["AUR0"]\n')
    assert lint(".", cwd=tmp_path) == [("empty.aurora", "AUR012")]
    # --ignore skips rules on top of the file's selection; --select replaces both lists.
    assert lint("--ignore", "AUR012", ".", cwd=tmp_path) == []
    assert lint("--ignore", "AUR005", ".", cwd=tmp_path) == [("empty.aurora", "AUR012")]
    assert lint("--select", "AUR005", ".", cwd=tmp_path) == [("bad.aurora", "AUR005")]
    assert lint("--select", "AUR0", ".", cwd=tmp_path) == [
        ("bad.aurora", "AUR005"), ("empty.aurora", "AUR012")]  # fmt: skip


def test_per_file_ignores(tmp_path: Path) -> None:
    write(tmp_path, "pyproject.toml", '[tool.auroralint.per-file-ignores]\n'
          '"lib/*.aurora" = ["no-jobs", "AUR005"]\n"one.aurora" = ["AUR0"]\n')  # fmt: skip
    write(tmp_path, "lib/a.aurora", NO_JOBS)
    write(tmp_path, "lib/b.aurora", BAD)
    write(tmp_path, "one.aurora", BAD)
    write(tmp_path, "two.aurora", BAD)
    write(tmp_path, "three.aurora", NO_JOBS)
    assert lint(".", cwd=tmp_path) == [("three.aurora", "AUR012"), ("two.aurora", "AUR005")]


def test_exclude_and_the_flag_that_replaces_it(tmp_path: Path) -> None:
    write(tmp_path, "pyproject.toml", '[tool.auroralint]\nexclude = ["generated", "*.tmp.aurora"]\n')
    write(tmp_path, "generated/x.aurora", BAD)
    write(tmp_path, "a/generated/y.aurora", BAD)
    write(tmp_path, "scratch.tmp.aurora", BAD)
    write(tmp_path, "web.aurora", BAD)
    assert lint(".", cwd=tmp_path) == [("web.aurora", "AUR005")]
    # Named files are excluded too (pre-commit passes every changed file by name).
    assert lint("generated/x.aurora", "web.aurora", cwd=tmp_path) == [("web.aurora", "AUR005")]
    assert lint("--exclude", "web.aurora", ".", cwd=tmp_path) == [
        ("a/generated/y.aurora", "AUR005"), ("generated/x.aurora", "AUR005"),
        ("scratch.tmp.aurora", "AUR005")]  # fmt: skip


def test_exclude_patterns_that_leave_the_configuration_directory(tmp_path: Path) -> None:
    # An auroralint.toml in deploy/ that excludes a sibling directory and normalised paths.
    write(tmp_path, "deploy/auroralint.toml", 'exclude = ["../vendor", "./jobs/../old"]\n')
    for name in ("vendor/x.aurora", "deploy/old/y.aurora", "deploy/web.aurora", "other/z.aurora"):
        write(tmp_path, name, BAD)
    found = lint("--config", "deploy/auroralint.toml", ".", cwd=tmp_path)
    assert found == [("deploy/web.aurora", "AUR005"), ("other/z.aurora", "AUR005")]
    # From the command line (relative to the current directory), back into it.
    write(tmp_path, "deploy/keep/old/z.aurora", BAD)
    for pattern in ("../deploy/old", "./old", str(tmp_path / "deploy" / "old")):
        found = lint("--exclude", pattern, ".", cwd=tmp_path / "deploy")
        # Anchored at the current directory: keep/old is another directory named old.
        assert found == [("keep/old/z.aurora", "AUR005"), ("web.aurora", "AUR005")], pattern


def test_severity_overrides_by_code_and_name(tmp_path: Path) -> None:
    write(tmp_path, "empty.aurora", NO_JOBS)
    write(tmp_path, "bad.aurora", BAD)
    write(tmp_path, "pyproject.toml",
          '[tool.auroralint.severity]\nno-jobs = "error"\nAUR005 = "warning"\n')  # fmt: skip
    result = run_cli("--output-format", "json", ".", cwd=tmp_path)
    assert result.returncode == 1  # only because no-jobs became an error
    severities = {entry["code"]: entry["severity"] for entry in json.loads(result.stdout)}
    assert severities == {"AUR005": "warning", "AUR012": "error"}
    write(tmp_path, "pyproject.toml", '[tool.auroralint.severity]\naur005 = "info"\n')
    assert run_cli("bad.aurora", cwd=tmp_path).returncode == 0


def test_env(tmp_path: Path) -> None:
    name = "AURORALINT_TEST_SETTING"
    write(tmp_path, "pyproject.toml", f'[tool.auroralint]\nenv = {{ {name} = "from-config" }}\n')
    write(tmp_path, "env.aurora", f"import os\nassert os.environ['{name}'] == 'from-flag', os.environ['{name}']\n")
    result = run_cli("--output-format", "json", "env.aurora", cwd=tmp_path)
    (entry,) = json.loads(result.stdout)
    assert (entry["code"], entry["message"]) == ("AUR008", "AssertionError: from-config")
    # --env adds to env, and wins for a name given in both.
    assert lint("--env", f"{name}=from-flag", "--env", "OTHER=1", "env.aurora",
                cwd=tmp_path) == [("env.aurora", "AUR012")]  # fmt: skip


def test_prelude_from_config_and_flag_add_up(tmp_path: Path) -> None:
    write(tmp_path, "pyproject.toml", '[tool.auroralint]\nprelude = ["one.py"]\n')
    write(tmp_path, "one.py", "ONE = 1\n")
    write(tmp_path, "two.py", "TWO = ONE + 1\n")
    write(tmp_path, "uses.aurora", "assert TWO == 2\njobs = []\n")
    assert lint("uses.aurora", cwd=tmp_path) == [("uses.aurora", "AUR002")]
    assert lint("--prelude", "two.py", "uses.aurora", cwd=tmp_path) == [("uses.aurora", "AUR012")]


def test_timeout_and_memory_limit_and_the_flags_that_win(tmp_path: Path) -> None:
    write(tmp_path, "loop.aurora", "while True:\n    pass\n")
    # bytes(n) is calloc'ed: the address space is reserved, never touched.
    write(tmp_path, "big.aurora", "block = bytes(700 * 1024 * 1024)\njobs = []\n")
    write(tmp_path, "pyproject.toml", "[tool.auroralint]\ntimeout = 0.5\nmemory-limit = 600\n")
    result = run_cli("--output-format", "json", ".", cwd=tmp_path)
    found = {entry["code"]: entry["message"] for entry in json.loads(result.stdout)}
    assert set(found) == {"AUR009", "AUR010"}
    assert "0.5 s" in found["AUR009"]
    result = run_cli("--output-format", "json", "--timeout", "0.7", "--memory-limit", "4096", ".",
                     cwd=tmp_path)  # fmt: skip
    found = {entry["code"]: entry["message"] for entry in json.loads(result.stdout)}
    assert set(found) == {"AUR009", "AUR012"}
    assert "0.7 s" in found["AUR009"]


def test_clusters_file_and_the_flag_that_replaces_it(tmp_path: Path) -> None:
    write(tmp_path, "pyproject.toml", '[tool.auroralint]\nclusters-file = "broken.json"\n')
    write(tmp_path, "broken.json", "[\n  {\"name\": \"devcluster\"}\n]\n")
    write(tmp_path, "fine.json", '[{"name": "devcluster", "scheduler_uri": "http://localhost:8081"}]\n')
    write(tmp_path, "web.aurora", GOOD)
    assert lint(STABLE, "web.aurora", cwd=tmp_path) == [("broken.json", "AUR301")]
    assert lint(STABLE, "--clusters", "fine.json", "web.aurora", cwd=tmp_path, expect=0) == []


# --- errors that name the key ---------------------------------------------------------------

KEY_ERRORS = [
    ('[tool.auroralint]\nselec = ["AUR"]\n', "tool.auroralint.selec: unknown setting (known: clusters,"),
    ('[tool.auroralint]\nselect = "AUR"\n', "tool.auroralint.select: expected a list of strings, got a string"),
    ('[tool.auroralint]\nselect = ["NOPE"]\n', "tool.auroralint.select: 'NOPE' is neither a rule code prefix"),
    ('[tool.auroralint]\nignore = ["AUR", 1]\n', "tool.auroralint.ignore: expected a list of strings"),
    ('[tool.auroralint]\nignore = ["no-such-rule"]\n', "tool.auroralint.ignore: 'no-such-rule' is neither"),
    ('[tool.auroralint]\nexclude = "legacy"\n', "tool.auroralint.exclude: expected a list of strings"),
    ('[tool.auroralint]\nper-file-ignores = ["x"]\n', "tool.auroralint.per-file-ignores: expected a table, got a list"),
    ('[tool.auroralint.per-file-ignores]\n"lib/*.aurora" = "no-jobs"\n',
     'tool.auroralint.per-file-ignores."lib/*.aurora": expected a list of strings, got a string'),
    ('[tool.auroralint.per-file-ignores]\n"lib/*.aurora" = ["no-job"]\n',
     "tool.auroralint.per-file-ignores.\"lib/*.aurora\": 'no-job' is neither a rule code prefix"),
    ('[tool.auroralint.severity]\nno-jobs = "fatal"\n',
     "tool.auroralint.severity.no-jobs: expected one of error, warning, info, got 'fatal'"),
    ('[tool.auroralint.severity]\nno-job = "error"\n', "tool.auroralint.severity.no-job: no such rule"),
    ('[tool.auroralint.severity]\nAUR012 = "error"\nno-jobs = "info"\n',
     "tool.auroralint.severity.no-jobs: AUR012 (no-jobs) is configured twice"),
    ('[tool.auroralint]\nseverity = "error"\n', "tool.auroralint.severity: expected a table, got a string"),
    ('[tool.auroralint.rules]\nAUR012 = 1\n', "tool.auroralint.rules.AUR012: expected a table, got an integer"),
    ('[tool.auroralint.rules.AUR998]\nx = 1\n', "tool.auroralint.rules.AUR998: no such rule"),
    ('[tool.auroralint.rules.no-jobs]\nstrict = true\n',
     "tool.auroralint.rules.no-jobs.strict: no-jobs has no option 'strict' (options: none)"),
    ('[tool.auroralint]\nclusters = 3\n', "tool.auroralint.clusters: expected a table, got an integer"),
    ('[tool.auroralint.clusters]\ndevcluster = "docker"\n',
     "tool.auroralint.clusters.devcluster: expected a table, got a string"),
    ('[tool.auroralint.clusters.devcluster]\nallow_docker_parameter = true\n',
     "tool.auroralint.clusters.devcluster.allow_docker_parameter: unknown scheduler setting"),
    ('[tool.auroralint]\nclusters-file = 3\n', "tool.auroralint.clusters-file: expected a string, got an integer"),
    ('[tool.auroralint]\nclusters-file = "missing.json"\n',
     "tool.auroralint.clusters-file: missing.json: no such file"),
    ('[tool.auroralint]\nclusters-file = "adir"\n',
     "tool.auroralint.clusters-file: adir: is a directory, not a file"),
    ('[tool.auroralint]\nenv = ["A=1"]\n', "tool.auroralint.env: expected a table, got a list"),
    ('[tool.auroralint]\nenv = { DEPLOY_TAG = 12 }\n', "tool.auroralint.env.DEPLOY_TAG: expected a string, got an integer"),
    ('[tool.auroralint]\nprelude = "site.py"\n', "tool.auroralint.prelude: expected a list of strings"),
    ('[tool.auroralint]\nprelude = ["missing.py"]\n', "tool.auroralint.prelude: missing.py: no such file"),
    ('[tool.auroralint]\ntimeout = 0\n', "tool.auroralint.timeout: expected a positive number up to 86400, got 0"),
    ('[tool.auroralint]\ntimeout = "10s"\n', "tool.auroralint.timeout: expected a positive number up to 86400, got '10s'"),
    ('[tool.auroralint]\ntimeout = true\n', "tool.auroralint.timeout: expected a positive number up to 86400, got True"),
    ('[tool.auroralint]\ntimeout = 1e9\n', "tool.auroralint.timeout: expected a positive number up to 86400, got 1000000000.0"),
    ('[tool.auroralint]\ntimeout = nan\n', "tool.auroralint.timeout: expected a positive number up to 86400, got nan"),
    ('[tool.auroralint]\nmemory-limit = 1.5\n', "tool.auroralint.memory-limit: expected a positive integer up to 1048576, got 1.5"),
    ('[tool.auroralint]\nmemory-limit = -1\n', "tool.auroralint.memory-limit: expected a positive integer up to 1048576, got -1"),
    ("[tool]\nauroralint = 3\n", "tool.auroralint: expected a table, got an integer"),
    ("[tool.auroralint\n", "invalid TOML: Expected ']' at the end of a table declaration (at line 1"),
    ("[tool.auroralint]\ntimeout = " + "9" * 5000 + "\n", "invalid TOML: Exceeds the limit (4300 digits)"),
    ("[tool.auroralint]\nexclude = " + "[" * 100000 + "]" * 100000 + "\n", "invalid TOML: nested too deeply to read"),
    ("[tool.auroralint]\ntimeout = 1" + "0" * 400 + "\n",
     "tool.auroralint.timeout: expected a positive number up to 86400, got 1" + "0" * 29 + " [... 341 characters ...] "),
]


@pytest.mark.parametrize(("text", "expected"), KEY_ERRORS, ids=[e[1].split(":")[0] for e in KEY_ERRORS])
def test_configuration_errors_name_the_key(tmp_path: Path, text: str, expected: str) -> None:
    (tmp_path / "adir").mkdir()
    write(tmp_path, "pyproject.toml", text)
    write(tmp_path, "good.aurora", GOOD)
    # Discovered or given with --config, from here or from a subdirectory: same message.
    message = config_error("good.aurora", cwd=tmp_path)
    assert message.startswith(f"auroralint: pyproject.toml: {expected}"), message
    assert config_error("--config", "pyproject.toml", "good.aurora", cwd=tmp_path) == message
    (tmp_path / "sub").mkdir()
    key = expected.split(": ")[0]
    assert f"pyproject.toml: {key}" in config_error("../good.aurora", cwd=tmp_path / "sub")


def test_auroralint_toml_errors_name_top_level_keys(tmp_path: Path) -> None:
    write(tmp_path, "auroralint.toml", "[tool.auroralint]\nselect = []\n")
    message = config_error(cwd=tmp_path)
    assert message == ("auroralint: auroralint.toml: tool: unknown setting: [tool.auroralint] is read "
                       "from a file named pyproject.toml; this file's settings go at its top level")
    write(tmp_path, "auroralint.toml", "[rules.AUR012]\nfoo = 1\n")
    assert config_error(cwd=tmp_path) == (
        "auroralint: auroralint.toml: rules.AUR012.foo: no-jobs has no option 'foo' (options: none)")


def test_the_readme_configuration_example_is_valid(tmp_path: Path) -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    examples = [block.split("```", 1)[0] for block in readme.split("```toml\n")[1:]]
    assert len(examples) >= 2
    for example in examples:
        if "[tool.auroralint]" not in example and "[tool.auroralint." not in example:
            continue
        write(tmp_path, "site/dsl_extensions.py", "")
        write(tmp_path, "deploy/clusters.json", '[{"name": "devcluster", "scheduler_uri": "http://x:8081"}]')
        write(tmp_path, "deploy/tiers.json", json.dumps({"default": "preemptible", "tiers": {
            "preferred": {"revocable": False, "preemptible": False},
            "preemptible": {"revocable": False, "preemptible": True}}}))  # fmt: skip
        write(tmp_path, "pyproject.toml", example)
        write(tmp_path, "web.aurora", GOOD)
        result = run_cli(STABLE, "web.aurora", cwd=tmp_path)
        assert result.returncode == 0, (example, result.stderr)


# --- rule options, checked against the rule's defaults --------------------------------------


def _rule(**options: Any) -> Rule:
    return Rule("AUR998", "test-rule", "warning", "job", lambda *_: iter(()),
                MappingProxyType({k: tuple(v) if isinstance(v, list) else v for k, v in options.items()}))


def test_rule_options_merge_with_defaults_and_keep_types() -> None:
    rule = _rule(strict=False, limit=3, ratio=0.5, image="python", allowed=["a*"])
    merged = selection.rule_options(rule, {"limit": 5, "ratio": 2, "allowed": ["b", "c"]}, "w")
    assert merged == {"strict": False, "limit": 5, "ratio": 2, "image": "python", "allowed": ("b", "c")}
    assert selection.rule_options(rule, {}, "w") == dict(rule.options)


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ({"strict": 1}, "w.strict: expected a boolean, got an integer"),
        ({"limit": True}, "w.limit: expected an integer, got a boolean"),
        ({"limit": 1.5}, "w.limit: expected an integer, got a number"),
        ({"limit": "3"}, "w.limit: expected an integer, got a string"),
        ({"ratio": "x"}, "w.ratio: expected a number, got a string"),
        ({"image": ["python"]}, "w.image: expected a string, got a list"),
        ({"allowed": "a*"}, "w.allowed: expected a list of strings, got a string"),
        ({"allowed": ["a", 1]}, "w.allowed: expected a list of strings, got a list"),
        ({"alowed": []}, "w.alowed: test-rule has no option 'alowed' (options: strict, limit, ratio, image, allowed)"),
    ],
)
def test_rule_option_errors(given: dict[str, Any], message: str) -> None:
    rule = _rule(strict=False, limit=3, ratio=0.5, image="python", allowed=["a*"])
    with pytest.raises(settings.SettingsError) as raised:
        selection.rule_options(rule, given, "w")
    assert str(raised.value) == message


def test_rule_settings_resolve_names_to_codes(tmp_path: Path) -> None:
    path = write(tmp_path, "auroralint.toml", '[severity]\nno-jobs = "error"\nAUR005 = "info"\n'
                 '[rules.unused-suppression]\n')  # fmt: skip
    resolved = selection.rule_settings(settings.read(str(path)))
    assert resolved.severities == {"AUR012": "error", "AUR005": "info"}
    assert resolved.options == {"AUR901": {}}


def test_defaults_without_a_file() -> None:
    empty = settings.FileSettings()
    assert empty.select == ("AUR",) and empty.ignore == () and empty.timeout is None
    assert empty.where("select") == "select"
    parsed = settings.parse({}, "auroralint.toml")
    assert parsed._replace(source="") == empty


def test_flags_win_for_select_even_with_exit_zero(tmp_path: Path) -> None:
    write(tmp_path, "pyproject.toml", '[tool.auroralint]\nselect = ["AUR012"]\n')
    write(tmp_path, "bad.aurora", BAD)
    result = run_cli("--select", "AUR9", "--ignore", "AUR0", "--exit-zero", "bad.aurora", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, "No problems found in 1 file.\n")
