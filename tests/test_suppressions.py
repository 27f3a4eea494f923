"""``# noqa: CODE`` and ``# auroralint: ignore[CODE]``: what they cover, and unused ones (AUR901).

A config stops at its first load error, so each file here has at most one AUR0xx problem;
``unknown-schema-attribute`` (AUR005) on a known line is the problem being suppressed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from auroralint.sourcemap import SourceFile
from auroralint.suppressions import Suppression, find
from conftest import run_cli

HELLO = "hello = Process(name='hello', cmdline='echo hello')\n"
MULTI_LINE_JOB = """\
jobs = [Service(
    cluster='devcluster', role='www-data', environment='prod', name='hello',
    task=Task(name='hello', processes=[hello],
              resourcez=Resources(cpu=1, ram=1, disk=1)),
)]
"""  # AUR005 on its line 4, the keyword `resourcez`


def lint(tmp_path: Path, text: str, *args: str) -> list[tuple[int, str, str]]:
    """(line, code, message) of what linting ``text`` reports."""
    (tmp_path / "web.aurora").write_text(text, encoding="utf-8")
    result = run_cli("--output-format", "json", "--select", "AUR0,AUR901", *args, "web.aurora",
                     cwd=tmp_path)  # fmt: skip
    assert result.returncode in (0, 1), result.stderr
    return [(entry["line"], entry["code"], entry["message"]) for entry in json.loads(result.stdout)]


def only_codes(found: list[tuple[int, str, str]]) -> list[tuple[int, str]]:
    return [(line, code) for line, code, _ in found]


# --- end to end -----------------------------------------------------------------------------


def test_unsuppressed_baseline(tmp_path: Path) -> None:
    assert only_codes(lint(tmp_path, HELLO + MULTI_LINE_JOB)) == [(5, "AUR005")]


@pytest.mark.parametrize(
    "comment",
    ["# noqa: AUR005", "# noqa:AUR005", "#noqa: aur005", "# NOQA: AUR005",
     "# noqa: unknown-schema-attribute", "# noqa: AUR003, AUR005", "# noqa: AUR003 AUR005",
     "# noqa: AUR005 because the schema is extended at runtime", "# noqa",
     "# auroralint: ignore[AUR005]", "# some words  # noqa: AUR005"],
)
def test_noqa_at_the_end_of_the_line(tmp_path: Path, comment: str) -> None:
    text = HELLO + MULTI_LINE_JOB.replace("disk=1)),", "disk=1)),  " + comment)
    found = lint(tmp_path, text)
    # Nothing left but, for the two-code comments, the unused AUR003 (which did run).
    assert [code for _, code, _ in found if code != "AUR901"] == []
    unused = [message for _, code, message in found if code == "AUR901"]
    assert unused == (["the suppression of AUR003 is unused: nothing reports it here"]
                      if "AUR003" in comment else [])  # fmt: skip


def test_noqa_on_another_line_does_not_cover_and_is_reported(tmp_path: Path) -> None:
    text = HELLO + MULTI_LINE_JOB.replace("name='hello',\n", "name='hello',  # noqa: AUR005\n")
    found = lint(tmp_path, text)
    assert only_codes(found) == [(3, "AUR901"), (5, "AUR005")]
    assert found[0][2] == "the suppression of AUR005 is unused: nothing reports it here"


@pytest.mark.parametrize("codes", ["AUR005", "unknown-schema-attribute", "AUR002, AUR005"])
def test_own_line_ignore_covers_the_whole_statement_below(tmp_path: Path, codes: str) -> None:
    text = HELLO + f"# auroralint: ignore[{codes}]\n" + MULTI_LINE_JOB
    found = lint(tmp_path, text)
    expected = [(2, "AUR901")] if "AUR002" in codes else []
    assert only_codes(found) == expected


def test_own_line_ignore_with_blank_lines_and_stacked_comments(tmp_path: Path) -> None:
    text = HELLO + "# auroralint: ignore[AUR002]\n# auroralint: ignore[AUR005]\n\n" + MULTI_LINE_JOB
    # Both cover the statement; only the AUR002 one is unused.
    assert only_codes(lint(tmp_path, text)) == [(2, "AUR901")]


def test_own_line_ignore_does_not_reach_the_next_statement(tmp_path: Path) -> None:
    text = HELLO + "# auroralint: ignore[AUR005]\nx = 1\n" + MULTI_LINE_JOB
    assert only_codes(lint(tmp_path, text)) == [(2, "AUR901"), (7, "AUR005")]


def test_own_line_ignore_inside_a_call_covers_the_argument_below(tmp_path: Path) -> None:
    inside = MULTI_LINE_JOB.replace("    task=Task(", "    # auroralint: ignore[AUR005]\n    task=Task(")
    assert only_codes(lint(tmp_path, HELLO + inside)) == []
    # ... and only that argument: one placed before the previous argument does not reach it.
    before = MULTI_LINE_JOB.replace("    cluster=", "    # auroralint: ignore[AUR005]\n    cluster=")
    assert only_codes(lint(tmp_path, HELLO + before)) == [(3, "AUR901"), (6, "AUR005")]


def test_hash_inside_strings_is_not_a_comment(tmp_path: Path) -> None:
    text = HELLO + MULTI_LINE_JOB.replace(
        "resourcez=Resources(cpu=1, ram=1, disk=1)),",
        "resourcez='# noqa: AUR005 # auroralint: ignore[AUR005]'),")
    text = text.replace("jobs = [", "s = '''\n# auroralint: ignore[AUR005]\n'''\njobs = [")
    assert only_codes(lint(tmp_path, text)) == [(8, "AUR005")]


def test_unused_suppressions(tmp_path: Path) -> None:
    # no-jobs is reported at the start of the file: that noqa is used.
    text = ("jobs = []  # noqa: no-jobs\n" + "x = 1  # noqa\n"
            + "y = 2  # noqa: AUR999, not-a-rule\n" + "z = 3  # noqa: AUR005\n")  # fmt: skip
    found = lint(tmp_path, text, "--select", "AUR012")
    assert [(line, code, message) for line, code, message in found] == [
        (2, "AUR901", "this `# noqa` suppresses nothing"),
        (3, "AUR901", "the suppression names an unknown rule `AUR999`"),
        (3, "AUR901", "the suppression names an unknown rule `not-a-rule`"),
        (4, "AUR901", "the suppression of AUR005 is unused: nothing reports it here"),
    ]


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_suppressions_in_files_with_other_line_endings(tmp_path: Path, newline: str) -> None:
    text = (HELLO + MULTI_LINE_JOB).replace("resourcez=Resources(cpu=1, ram=1, disk=1)),",
                                            "resourcez=Resources(cpu=1, ram=1, disk=1)),  # noqa: AUR005")
    (tmp_path / "web.aurora").write_bytes(text.replace("\n", newline).encode())
    result = run_cli("--output-format", "json", "--select", "AUR0,AUR901", "web.aurora", cwd=tmp_path)
    assert json.loads(result.stdout) == []


def test_an_empty_ignore_suppresses_nothing_and_says_so(tmp_path: Path) -> None:
    text = "# auroralint: ignore[]\n" + MULTI_LINE_JOB
    assert only_codes(lint(tmp_path, HELLO + text)) == [(2, "AUR901"), (6, "AUR005")]


def test_suppressions_of_rules_that_did_not_run_are_not_reported(tmp_path: Path) -> None:
    text = "jobs = []  # noqa: no-jobs\nx = 1  # noqa: AUR005\n"
    assert only_codes(lint(tmp_path, text, "--ignore", "AUR005,AUR012")) == []


def test_naming_aur901_keeps_a_stale_suppression_quiet(tmp_path: Path) -> None:
    text = "jobs = []  # noqa: AUR012\nx = 1  # noqa: AUR005, AUR901\n"
    assert only_codes(lint(tmp_path, text)) == []
    # ... while without it the stale one is reported.
    assert only_codes(lint(tmp_path, "jobs = []  # noqa: AUR012\nx = 1  # noqa: AUR005\n")) == [
        (2, "AUR901")]  # fmt: skip


def test_suppressions_in_an_included_file(tmp_path: Path) -> None:
    (tmp_path / "lib.aurora").write_text(
        "base = Task(name='hello',  # noqa: AUR005\n           bogus=1)\n"
        "other = 1  # noqa: AUR012\n", encoding="utf-8")  # fmt: skip
    text = "include('lib.aurora')\njobs = []\n"
    found = lint(tmp_path, text)
    # The noqa is on the call's first line, the problem on the keyword: not covered. Unused
    # suppressions are reported for the file being linted only, not for what it includes.
    assert [(code, message.split(" ")[0]) for _, code, message in found] == [("AUR005", "Task")]
    assert run_cli("--output-format", "json", "lib.aurora", cwd=tmp_path).returncode == 1
    (tmp_path / "lib.aurora").write_text("base = Task(name='hello',\n           bogus=1)  # noqa: AUR005\n",
                                         encoding="utf-8")  # fmt: skip
    # Suppressed where it happens; the include still failed, so nothing after it ran.
    assert only_codes(lint(tmp_path, text)) == []


# --- parsing --------------------------------------------------------------------------------


def parse(text: str) -> list[tuple[tuple[str, ...] | None, int, int]]:
    return [(found.codes, found.first_line, found.last_line) for found in find(SourceFile("x.aurora", text))]


@pytest.mark.parametrize(
    ("comment", "codes"),
    [
        ("# noqa", None),
        ("# NoQA", None),
        ("# noqa:", None),
        ("# auroralint: ignore[]", ()),
        ("# auroralint: ignore[ , ]", ()),
        ("# noqa: AUR005", ("AUR005",)),
        ("# noqa : aur005,aur006", ("AUR005", "AUR006")),
        ("# noqa: AUR005, no-jobs AUR006", ("AUR005", "no-jobs", "AUR006")),
        ("# noqa: no-jobs because it is included", ("no-jobs",)),
        ("# noqa: AUR005 -- reason", ("AUR005",)),
        ("# noqa: AUR005: reason", ("AUR005",)),
        ("# noqa: AUR005  # reason", ("AUR005",)),
        ("# auroralint: ignore[AUR005, no-jobs]", ("AUR005", "no-jobs")),
        ("# auroralint: ignore[aur005 AUR006]", ("AUR005", "AUR006")),
    ],
)
def test_codes_of_a_comment(comment: str, codes: tuple[str, ...] | None) -> None:
    assert parse(f"x = 1  {comment}\n") == [(codes, 1, 1)]


@pytest.mark.parametrize("text", [
    "x = '# noqa: AUR005'\n",
    "x = 1  # see the noqa docs\n",
    "x = 1  # noqanother\n",
    "x = 1  # auroralint: ignore AUR005\n",
    "x = '''\n# noqa\n'''\n",
    "x = 1\n",
])  # fmt: skip
def test_not_suppressions(text: str) -> None:
    assert parse(text) == []


def test_extent_of_own_line_ignores() -> None:
    text = (
        "# auroralint: ignore[A]\n"  # 1: covers the statement of lines 3-6
        "\n"
        "job = Service(\n"
        "    name='x',\n"
        "    # auroralint: ignore[B]\n"  # 5: covers the keyword of lines 6-7
        "    task=Task(\n"
        "        name='t'),\n"
        "    role='r')\n"
        "def f():\n"
        "    # auroralint: ignore[C]\n"  # 10: covers the nested statement of lines 11-12
        "    return [1,\n"
        "            2]\n"
        "# auroralint: ignore[D]\n"  # 13: nothing follows
    )
    assert parse(text) == [(("A",), 3, 8), (("B",), 6, 7), (("C",), 11, 12), (("D",), 14, 14)]


def test_an_unparsable_file_still_has_line_suppressions() -> None:
    text = "x = (\n  1  # noqa: AUR001\n"  # never closed: the tokenizer gives up
    assert parse(text) == []
    assert parse("print 'hello'  # noqa: AUR001\n# auroralint: ignore[AUR002]\nprint x\n") == [
        (("AUR001",), 1, 1), (("AUR002",), 3, 3)]  # fmt: skip


def test_covers_by_code_or_name() -> None:
    (suppression,) = find(SourceFile("x.aurora", "x = 1  # noqa: AUR005, no-jobs\n"))
    assert isinstance(suppression, Suppression)
    assert suppression.covers(1, "AUR005", "unknown-schema-attribute")
    assert suppression.covers(1, "AUR012", "no-jobs")
    assert not suppression.covers(1, "AUR002", "undefined-name")
    assert not suppression.covers(2, "AUR005", "unknown-schema-attribute")
    assert suppression.span.line == 1 and suppression.span.column == 8
