"""The four output formats, end to end: text (caret, colour, NO_COLOR), json, github, sarif."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from auroralint.diagnostic import Diagnostic
from auroralint.reporters.github_format import annotation
from auroralint.testing import PRELUDE
from conftest import SHARED, run_cli
from helpers import write

STABLE = "--select=AUR0,AUR301,AUR901"  # see test_cli.py
GOOD = PRELUDE + "jobs = [job]\n"
BAD_LINE = "jobs = [job(task=Task(name='hello', resourcez=resources, processes=[hello]))]"
BAD = PRELUDE + BAD_LINE + "\n"  # AUR005 at 6:37, over `resourcez=resources`
BAD_COLUMN = BAD_LINE.index("resourcez") + 1
RAISES = 'def make():\n    raise ValueError("100% broken, a:b\\nsecond line")\n\nmake()\n'
SARIF_SCHEMA = SHARED / "schemas" / "sarif-schema-2.1.0.json"
ANSI = "\033["


# --- text -----------------------------------------------------------------------------------


def test_text_header_source_line_and_caret(tmp_path: Path) -> None:
    write(tmp_path, "bad.aurora", BAD)
    result = run_cli("bad.aurora", cwd=tmp_path)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"bad.aurora:6:{BAD_COLUMN}: AUR005 Task has no field `resourcez`")
    assert lines[0].endswith(" [unknown-schema-attribute]")
    assert lines[1] == f"6 | {BAD_LINE}"
    assert lines[2] == "  | " + " " * (BAD_COLUMN - 1) + "^" * len("resourcez=resources")
    assert lines[-1] == "Found 1 error in 1 file."
    assert ANSI not in result.stdout  # not a terminal, and NO_COLOR is set


def test_text_hint_and_call_chain_notes(tmp_path: Path) -> None:
    write(tmp_path, "raises.aurora", RAISES)
    lines = run_cli("raises.aurora", cwd=tmp_path).stdout.splitlines()
    assert lines[0].startswith("raises.aurora:2:5: AUR008 ValueError: 100% broken")
    # The message's own newline is escaped: one diagnostic, one header line.
    assert "\\n" in lines[0]
    assert lines[1] == '2 |     raise ValueError("100% broken, a:b\\nsecond line")'
    assert lines[2].startswith("  |     ^^^^")
    assert any(line.startswith("  help: ") for line in lines)
    assert "  note: called from raises.aurora:4:1" in lines


def test_text_caret_under_tabs_and_control_characters(tmp_path: Path) -> None:
    # A tab is shown as one space and a control character escaped (\x01, four characters):
    # the caret must still sit under the column the diagnostic gives.
    source = "x = '\x01'\t; y = undefined_name"
    write(tmp_path, "odd.aurora", source + "\n")
    lines = run_cli("odd.aurora", cwd=tmp_path).stdout.splitlines()
    assert lines[0].startswith(f"odd.aurora:1:{source.index('undefined_name') + 1}: AUR002")
    assert lines[1] == "1 | x = '\\x01' ; y = undefined_name"
    shown = lines[1][len("1 | "):]
    assert lines[2] == "  | " + " " * shown.index("undefined_name") + "^" * len("undefined_name")


def test_a_long_source_line_is_shown_around_the_column(tmp_path: Path) -> None:
    source = "x = 1; " * 40 + "y = undefined_name + " + "2 + " * 100 + "2"
    write(tmp_path, "long.aurora", source + "\n")
    lines = run_cli("long.aurora", cwd=tmp_path).stdout.splitlines()
    assert lines[0].startswith(f"long.aurora:1:{source.index('undefined_name') + 1}: AUR002")
    shown = lines[1][len("1 | "):]
    assert shown.startswith("...x = 1;") and shown.endswith("+...") and len(shown) < 200
    assert lines[2] == "  | " + " " * shown.index("undefined_name") + "^" * len("undefined_name")


def test_lines_are_counted_as_python_counts_them(tmp_path: Path) -> None:
    # A form feed and a Unicode line separator do not end a line for Python (str.splitlines
    # would split there): the line, the column and the source line shown must not shift.
    source = "\f# after a form feed\nnote = 'one\u2028two\x0bthree'\n" + PRELUDE
    bad_line = BAD_LINE.replace("name='hello'", "name='h\u00e9llo'")
    write(tmp_path, "breaks.aurora", source + bad_line + "\n")
    line = source.count("\n") + 1
    column = bad_line.index("resourcez") + 1
    lines = run_cli("breaks.aurora", cwd=tmp_path).stdout.splitlines()
    assert lines[0].startswith(f"breaks.aurora:{line}:{column}: AUR005")
    assert lines[1] == f"{line} | {bad_line}"
    assert lines[2] == " " * len(str(line)) + " | " + " " * (column - 1) + "^" * len("resourcez=resources")
    found = json.loads(run_cli("--output-format", "json", "breaks.aurora", cwd=tmp_path).stdout)
    assert [(entry["line"], entry["column"], entry["end_column"]) for entry in found] == [
        (line, column, column + len("resourcez=resources"))]


def test_text_summary_counts(tmp_path: Path) -> None:
    write(tmp_path, "a.aurora", BAD)
    write(tmp_path, "b.aurora", "x = 1\n")
    write(tmp_path, "c.aurora", "y = 2\n")
    assert run_cli(".", cwd=tmp_path).stdout.splitlines()[-1] == "Found 1 error, 2 warnings in 3 files."


def _colour_run(tmp_path: Path, args: list[str], env: dict[str, str], terminal: bool) -> str:
    """The text report, with standard output a pseudo-terminal when ``terminal``."""
    environment = {key: value for key, value in os.environ.items()
                   if key not in ("NO_COLOR", "TERM", "AURORALINT_OUTPUT_FORMAT")}  # fmt: skip
    environment.update(env)
    command = [sys.executable, "-m", "auroralint", *args, "bad.aurora"]
    if not terminal:
        return subprocess.run(command, cwd=tmp_path, env=environment, capture_output=True,
                              text=True, timeout=60).stdout  # fmt: skip
    controller, child = pty.openpty()
    try:
        process = subprocess.Popen(command, cwd=tmp_path, env=environment, stdout=child,
                                   stderr=subprocess.PIPE)  # fmt: skip
        os.close(child)
        chunks = []
        while True:
            try:
                chunk = os.read(controller, 4096)
            except OSError:  # EIO: the child closed the terminal
                break
            if not chunk:
                break
            chunks.append(chunk)
        process.wait(timeout=60)
    finally:
        os.close(controller)
    return b"".join(chunks).decode("utf-8")


@pytest.mark.parametrize(
    ("args", "env", "terminal", "coloured"),
    [
        ([], {}, True, True),  # auto: a terminal gets colour
        ([], {}, False, False),  # auto: a pipe does not
        ([], {"NO_COLOR": "1"}, True, False),  # NO_COLOR, whatever its value
        ([], {"NO_COLOR": ""}, True, True),  # ... but not when empty (no-color.org)
        ([], {"TERM": "dumb"}, True, False),
        (["--color", "never"], {}, True, False),
        (["--color", "always"], {}, False, True),
        (["--color", "always"], {"NO_COLOR": "1"}, False, True),  # the flag wins
        (["--color", "always", "-o", "report.txt"], {}, False, True),
    ],
)
def test_colour(tmp_path: Path, args: list[str], env: dict[str, str], terminal: bool,
                coloured: bool) -> None:  # fmt: skip
    write(tmp_path, "bad.aurora", BAD)
    output = _colour_run(tmp_path, args, env, terminal)
    if "-o" in args:
        output = (tmp_path / "report.txt").read_text()
    assert "AUR005" in output
    assert (ANSI in output) == coloured, output
    if coloured:
        assert "\033[1;31mAUR005\033[0m" in output  # errors in red
        plain = output
        for code in ("\033[1;31m", "\033[1m", "\033[2m", "\033[0m"):
            plain = plain.replace(code, "")
        assert f"bad.aurora:6:{BAD_COLUMN}: AUR005 " in plain


def test_other_formats_are_never_coloured(tmp_path: Path) -> None:
    write(tmp_path, "bad.aurora", BAD)
    for format_name in ("json", "github", "sarif"):
        output = run_cli("--color", "always", "--output-format", format_name, "bad.aurora",
                         cwd=tmp_path).stdout  # fmt: skip
        assert ANSI not in output, format_name


# --- json -----------------------------------------------------------------------------------


def test_json_fields(tmp_path: Path) -> None:
    write(tmp_path, "bad.aurora", BAD)
    write(tmp_path, "raises.aurora", RAISES)
    result = run_cli("--output-format", "json", ".", cwd=tmp_path)
    assert result.returncode == 1
    bad, raises = json.loads(result.stdout)
    assert bad == {
        "path": "bad.aurora", "line": 6, "column": BAD_COLUMN, "end_line": 6,
        "end_column": BAD_COLUMN + len("resourcez=resources"), "code": "AUR005",
        "name": "unknown-schema-attribute", "severity": "error", "message": bad["message"],
        "hint": bad["hint"], "job": "", "related": [],
    }  # fmt: skip
    assert bad["message"].startswith("Task has no field `resourcez`")
    assert raises["message"] == "ValueError: 100% broken, a:b\nsecond line"
    assert raises["related"] == [{"path": "raises.aurora", "line": 4, "column": 1, "end_line": 4,
                                  "end_column": 7, "note": "called from"}]  # fmt: skip


def test_json_clean_run_is_an_empty_array(tmp_path: Path) -> None:
    write(tmp_path, "good.aurora", GOOD)
    result = run_cli(STABLE, "--output-format", "json", "good.aurora", cwd=tmp_path)
    assert (result.returncode, json.loads(result.stdout)) == (0, [])


# --- github ---------------------------------------------------------------------------------


def test_github_annotations(tmp_path: Path) -> None:
    write(tmp_path, "bad.aurora", BAD)
    write(tmp_path, "multi.aurora", "x = int(\n    'abc'\n)\n")
    write(tmp_path, "warn.aurora", "x = 1\n")
    result = run_cli("--output-format", "github", ".", cwd=tmp_path)
    assert result.returncode == 1
    bad, multi, warn = result.stdout.splitlines()
    end = BAD_COLUMN + len("resourcez=resources")
    assert bad.startswith(f"::error file=bad.aurora,line=6,endLine=6,col={BAD_COLUMN},"
                          f"endColumn={end},title=AUR005 unknown-schema-attribute::Task has no")  # fmt: skip
    # A span over several lines: GitHub accepts no columns then.
    assert multi.startswith("::error file=multi.aurora,line=1,endLine=3,title=AUR008 config-error::")
    assert "col=" not in multi and "endColumn=" not in multi
    assert warn.startswith("::warning file=warn.aurora,line=1,endLine=1,col=1,")


def test_github_escaping_end_to_end(tmp_path: Path) -> None:
    write(tmp_path, "odd, name: 100%.aurora", RAISES)
    result = run_cli("--output-format", "github", ".", cwd=tmp_path)
    (line,) = result.stdout.splitlines()
    properties, _, message = line.partition("::")[2].partition("::")
    assert properties.startswith("error file=odd%2C name%3A 100%25.aurora,line=2,")
    # In the message only %, CR and LF are escaped; `:` and `,` stay.
    assert message.startswith("ValueError: 100%25 broken, a:b%0Asecond line%0A")


def test_github_escaping_rules() -> None:
    diagnostic = Diagnostic("dir:x/a,b%.aurora", 3, 5, 3, 2, "AUR008", "config-error", "info",
                            "50% done\r\nnext: a, b", hint="fix it")  # fmt: skip
    assert annotation(diagnostic) == (
        "::notice file=dir%3Ax/a%2Cb%25.aurora,line=3,endLine=3,col=5,endColumn=5,"
        "title=AUR008 config-error::50%25 done%0D%0Anext: a, b%0Afix it"
    )  # an end column before the start is clamped: GitHub requires endColumn >= col
    multi = diagnostic._replace(end_line=4)
    assert "col=" not in annotation(multi) and "endColumn" not in annotation(multi)


# --- sarif ----------------------------------------------------------------------------------


def _sarif(tmp_path: Path, *args: str, cwd: Path | None = None) -> tuple[int, dict[str, Any]]:
    result = run_cli("--output-format", "sarif", *args, cwd=cwd or tmp_path)
    assert result.returncode in (0, 1), result.stderr
    assert result.stderr == "" or "no .aurora files" in result.stderr
    return result.returncode, json.loads(result.stdout)


def _validate(document: dict[str, Any]) -> None:
    if not SARIF_SCHEMA.is_file():
        pytest.skip("../shared/schemas is not beside this checkout")
    import jsonschema

    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.validators.validator_for(schema)(schema)
    errors = sorted(validator.iter_errors(document), key=lambda error: list(error.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


def test_sarif_is_valid_and_complete(tmp_path: Path) -> None:
    write(tmp_path, "jobs/bad.aurora", BAD)
    write(tmp_path, "jobs/raises.aurora", RAISES)
    write(tmp_path, "jobs/warn.aurora", "x = 1  # noqa: AUR999\n")
    write(tmp_path, "clusters.json", '[{"name": "devcluster", "zk": "zk.example.com:2181"}]\n')
    status, document = _sarif(tmp_path, "--clusters", "clusters.json", "jobs")
    assert status == 1
    _validate(document)
    assert document["version"] == "2.1.0"
    (run,) = document["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "auroralint"
    rules = driver["rules"]
    assert [rule["id"] for rule in rules] == sorted(rule["id"] for rule in rules)
    for rule in rules:
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert rule["help"]["text"] and rule["help"]["markdown"]
        assert rule["helpUri"].startswith("https://")
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
    by_id = {rule["id"]: rule for rule in rules}
    assert by_id["AUR012"]["defaultConfiguration"]["level"] == "warning"
    assert by_id["AUR001"]["defaultConfiguration"]["level"] == "error"
    assert "Bad::" in by_id["AUR001"]["help"]["text"]
    results = run["results"]
    found = sorted((result["ruleId"], result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"])
                   for result in results)  # fmt: skip
    assert found == [("AUR005", "jobs/bad.aurora"), ("AUR008", "jobs/raises.aurora"),
                     ("AUR012", "jobs/warn.aurora"), ("AUR301", "clusters.json"),
                     ("AUR301", "clusters.json"), ("AUR901", "jobs/warn.aurora")]  # fmt: skip
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] in ("error", "warning", "note")
        assert result["message"]["text"]
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
        assert region["endLine"] >= region["startLine"]
        assert result["partialFingerprints"]["auroralint/v1"]
    raises = next(result for result in results if result["ruleId"] == "AUR008")
    assert raises["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 2, "startColumn": 5, "endLine": 2,
        "endColumn": len(RAISES.splitlines()[1]) + 1}  # fmt: skip
    (related,) = raises["relatedLocations"]
    assert related["message"]["text"] == "called from"
    assert related["physicalLocation"]["region"]["startLine"] == 4
    assert run["invocations"] == [{"executionSuccessful": True, "exitCode": 1}]


def test_sarif_clean_run_has_an_empty_results_array(tmp_path: Path) -> None:
    write(tmp_path, "good.aurora", GOOD)
    status, document = _sarif(tmp_path, STABLE, "good.aurora")
    assert status == 0
    _validate(document)
    (run,) = document["runs"]
    assert run["results"] == []
    assert run["tool"]["driver"]["rules"]  # the rules that ran are still described
    assert run["invocations"] == [{"executionSuccessful": True, "exitCode": 0}]
    # No files at all is a clean run too.
    (tmp_path / "empty").mkdir()
    status, document = _sarif(tmp_path, "empty")
    _validate(document)
    assert document["runs"][0]["results"] == []


def test_sarif_uris_are_relative_inside_the_current_directory(tmp_path: Path) -> None:
    repository = tmp_path / "repo"
    elsewhere = tmp_path / "elsewhere"
    write(repository, "deploy/web.aurora", BAD)
    write(elsewhere, "clusters.json", "[{]\n")
    status, document = _sarif(tmp_path, str(repository / "deploy" / "web.aurora"), "--clusters",
                              str(elsewhere / "clusters.json"), cwd=repository)  # fmt: skip
    _validate(document)
    uris = sorted(result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                  for result in document["runs"][0]["results"])  # fmt: skip
    # Inside the current directory (the repository): relative. Outside: an absolute file URI.
    assert uris == ["deploy/web.aurora", (elsewhere / "clusters.json").as_uri()]


def test_sarif_uris_are_percent_encoded(tmp_path: Path) -> None:
    write(tmp_path, "my jobs/web #1.aurora", BAD)
    _, document = _sarif(tmp_path, ".")
    _validate(document)
    location = document["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "my%20jobs/web%20%231.aurora"


@pytest.mark.skipif(sys.platform in ("darwin", "win32"), reason="file names must be UTF-8 there")
def test_a_file_name_that_is_not_utf8_in_every_format(tmp_path: Path) -> None:
    (tmp_path / b"caf\xe9.aurora".decode("utf-8", "surrogateescape")).write_text(BAD, encoding="utf-8")
    strict = {"PYTHONIOENCODING": "utf-8"}  # stdout refuses undecodable names unless told
    outputs = {}
    for output_format in ("text", "json", "github", "sarif"):
        result = subprocess.run([sys.executable, "-m", "auroralint", "--output-format", output_format, "."],
                                cwd=tmp_path, env={**os.environ, **strict, "NO_COLOR": "1"},
                                capture_output=True)  # fmt: skip
        assert (result.returncode, result.stderr) == (1, b""), output_format
        outputs[output_format] = result.stdout
    # text escapes the undecodable byte (like a control character); github names the file by
    # its own bytes, so that the annotation lands on it.
    assert outputs["text"].startswith(b"caf\\udce9.aurora:6:")
    assert b"file=caf\xe9.aurora," in outputs["github"]
    assert json.loads(outputs["json"])[0]["path"] == "caf\udce9.aurora"
    document = json.loads(outputs["sarif"])
    _validate(document)
    location = document["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "caf%E9.aurora"
    written = run_cli("--output-format", "sarif", "-o", "report.sarif", ".", cwd=tmp_path, env=strict)
    assert (written.returncode, written.stderr) == (1, "")
    assert json.loads((tmp_path / "report.sarif").read_text(encoding="utf-8")) == document


def test_sarif_fingerprints_survive_moved_lines_and_tell_repeats_apart(tmp_path: Path) -> None:
    text = "x = 1  # noqa: AUR999\ny = 2  # noqa: AUR999\n"
    write(tmp_path, "web.aurora", text)
    _, before = _sarif(tmp_path, "--select", "AUR901", "web.aurora")
    write(tmp_path, "web.aurora", "# a comment that moves every line down\n\n" + text)
    _, after = _sarif(tmp_path, "--select", "AUR901", "web.aurora")

    def prints(document: dict[str, Any]) -> list[tuple[int, str]]:
        return [(result["locations"][0]["physicalLocation"]["region"]["startLine"],
                 result["partialFingerprints"]["auroralint/v1"])
                for result in document["runs"][0]["results"]]  # fmt: skip

    assert [line for line, _ in prints(before)] == [1, 2]
    assert [line for line, _ in prints(after)] == [3, 4]
    assert [value for _, value in prints(before)] == [value for _, value in prints(after)]
    first, second = (value for _, value in prints(before))
    assert first != second  # the same problem twice in a file: two alerts, not one


def test_sarif_fingerprints_of_an_included_problem_survive_moving_the_include(tmp_path: Path) -> None:
    write(tmp_path, "lib.include", "base = Task(name='t', resourcez=1)\n")
    write(tmp_path, "a.aurora", "include('lib.include')\njobs = []\n")
    write(tmp_path, "b.aurora", "include('lib.include')\njobs = []\n")

    def prints() -> dict[str, str]:
        _, document = _sarif(tmp_path, "--select", "AUR005", ".")
        return {result["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"]:
                result["partialFingerprints"]["auroralint/v1"]
                for result in document["runs"][0]["results"]}  # fmt: skip

    before = prints()
    assert sorted(before) == ["a.aurora", "b.aurora"]  # one alert per config that includes it
    assert before["a.aurora"] != before["b.aurora"]
    write(tmp_path, "a.aurora", "# moved down\n\ninclude('lib.include')\njobs = []\n")
    assert prints() == before


def test_sarif_levels_follow_configured_severity(tmp_path: Path) -> None:
    write(tmp_path, "pyproject.toml", '[tool.auroralint.severity]\nno-jobs = "info"\n')
    write(tmp_path, "warn.aurora", "x = 1\n")
    status, document = _sarif(tmp_path, "warn.aurora")
    assert status == 0
    (result,) = document["runs"][0]["results"]
    assert (result["ruleId"], result["level"]) == ("AUR012", "note")
    github = run_cli("--output-format", "github", "warn.aurora", cwd=tmp_path).stdout
    assert github.startswith("::notice file=warn.aurora,")


def test_sarif_to_an_output_file_keeps_stdout_and_the_file_clean(tmp_path: Path) -> None:
    write(tmp_path, "bad.aurora", BAD)
    result = run_cli("--output-format", "sarif", "-o", "out.sarif", "bad.aurora", cwd=tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (1, "", "")
    document = json.loads((tmp_path / "out.sarif").read_text(encoding="utf-8"))
    _validate(document)
    assert [result["ruleId"] for result in document["runs"][0]["results"]] == ["AUR005"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_never_blocks_the_report(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.aurora")
    result = run_cli("--timeout", "1", "pipe.aurora", cwd=tmp_path, timeout=30)
    assert result.returncode == 1
    # Reported (as unreadable, or as a timeout while the loader waits for a writer), with no
    # source line: the report must not try to read the pipe either.
    assert result.stdout.startswith("pipe.aurora:1:1: AUR0")
    assert "\n1 |" not in result.stdout


# --- job rules, end to end --------------------------------------------------------------------

SHARED_TEMPLATE = PRELUDE + """\
web = job(container=Docker(image='python:3.11-slim'))
jobs = [web(name='a'), web(name='b'), job(name='c')]
"""


def test_a_job_rule_at_its_keyword_naming_every_job_it_affects(tmp_path: Path) -> None:
    write(tmp_path, "shared.aurora", SHARED_TEMPLATE)
    template_line = SHARED_TEMPLATE.splitlines().index("web = job(container=Docker(image='python:3.11-slim'))") + 1
    column = "web = job(container=Docker(".index("Docker(") + len("Docker(") + 1
    result = run_cli("--output-format", "json", "--select", "AUR103", "shared.aurora", cwd=tmp_path)
    (found,) = json.loads(result.stdout)
    assert (found["line"], found["column"], found["end_line"], found["end_column"]) == (
        template_line, column, template_line, column + len("image='python:3.11-slim'"))
    # One diagnostic for the template, naming both jobs built from it (not job c).
    cluster_role_env = found["job"].split(", ")[0].rsplit("/", 1)[0]
    assert found["job"] == f"{cluster_role_env}/a, {cluster_role_env}/b"
    _, document = _sarif(tmp_path, "--select", "AUR103", "shared.aurora")
    _validate(document)
    (result_entry,) = document["runs"][0]["results"]
    assert result_entry["locations"][0]["logicalLocations"] == [
        {"fullyQualifiedName": found["job"], "kind": "object"}]


def test_sarif_regions_are_always_acceptable_to_code_scanning() -> None:
    # Load failures can sit at line 0 (an empty file) or end before they start (a one-character
    # span at the end of a line); code scanning rejects such regions.
    from auroralint.diagnostic import Finding
    from auroralint.reporters import Report
    from auroralint.reporters.sarif_format import document
    from auroralint.sourcemap import Span

    spans = [Span("a.aurora", 0, 0, 0, 0), Span("a.aurora", 3, 9, 3, 4), Span("a.aurora", 5, 2, 4, 1),
             Span("a.aurora", 2, 1, 2, 6)]  # fmt: skip
    diagnostics = [Diagnostic.at(span, "AUR001", "syntax-error", "error", Finding("x")) for span in spans]
    (run,) = document(Report(diagnostics, (), 1, 1))["runs"]
    assert run["columnKind"] == "unicodeCodePoints"  # columns count characters, as ours do
    regions = [result["locations"][0]["physicalLocation"]["region"] for result in run["results"]]
    assert [tuple(region.values()) for region in regions] == [(1, 1, 1, 1), (3, 9, 3, 9), (5, 2, 5, 2),
                                                              (2, 1, 2, 6)]  # fmt: skip


def test_sarif_fingerprints_of_a_long_included_message_survive_moving_the_include(tmp_path: Path) -> None:
    # The message is cut to its ends; the include chain after it must not change what is kept.
    write(tmp_path, "lib.include", "raise ValueError('start ' + 'x' * 2000 + ' end')\n")
    write(tmp_path, "a.aurora", "include('lib.include')\n")

    def fingerprint() -> str:
        _, document = _sarif(tmp_path, "--select", "AUR008", "a.aurora")
        (result,) = document["runs"][0]["results"]
        assert result["message"]["text"].split("\n")[0].endswith("x end (included from a.aurora:%d:1)"
                                                                  % result["relatedLocations"][0]["physicalLocation"]["region"]["startLine"])
        return result["partialFingerprints"]["auroralint/v1"]

    before = fingerprint()
    write(tmp_path, "a.aurora", "# moved down\n" * 9 + "include('lib.include')\n")
    assert fingerprint() == before


@given(st.text(alphabet="ab c", min_size=0, max_size=600), st.data())
def test_the_window_of_a_long_line_keeps_the_caret_on_its_characters(line: str, data: st.DataObject) -> None:
    from auroralint.reporters.text_format import _window

    start = data.draw(st.integers(0, len(line)))
    end = data.draw(st.integers(start + 1, len(line) + 1))
    head, shown, tail, new_start, new_end = _window(line, start, end)
    assert len(head + shown + tail) <= max(len(line), 166)
    assert shown[new_start:new_end] == line[start:end][: new_end - new_start]
    assert new_end > new_start  # the caret always marks something
    left = start - new_start  # where the shown part begins in the line
    assert line[left : left + len(shown)] == shown
    assert head == ("..." if left else "") and tail == ("..." if left + len(shown) < len(line) else "")
