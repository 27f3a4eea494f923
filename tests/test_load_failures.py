"""A config that cannot be loaded is a diagnostic with a code, a location and a hint."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import run_cli
from helpers import write

JOB = """
hello = Process(name='hello', cmdline='echo hello')
task = Task(processes=[hello], resources=Resources(cpu=1, ram=16*MB, disk=16*MB))
job = Service(cluster='devcluster', role='www-data', environment='prod', name='hello', task=task)
"""


def lint(directory: Path, *args: str) -> list[dict]:
    result = run_cli("--output-format", "json", "--select", "AUR0", *args, cwd=directory)
    assert result.returncode in (0, 1), result.stderr
    assert "Traceback" not in result.stderr
    return json.loads(result.stdout)


def only(diagnostics: list[dict]) -> dict:
    assert len(diagnostics) == 1, diagnostics
    return diagnostics[0]


def test_python2_print_statement_is_named(tmp_path: Path) -> None:
    write(tmp_path, "old.aurora", JOB + "print 'deploying'\njobs = [job]\n")
    found = only(lint(tmp_path, "old.aurora"))
    assert (found["code"], found["line"], found["column"]) == ("AUR001", 4, 1)
    assert "Python 2" in found["message"] and "print statement" in found["message"]
    assert "print(...)" in found["hint"]


def test_syntax_error_in_an_included_file(tmp_path: Path) -> None:
    write(tmp_path, "lib/common.aurora", "x = (1,\n")
    write(tmp_path, "main.aurora", "# header\ninclude('lib/common.aurora')\njobs = []\n")
    found = only(lint(tmp_path, "main.aurora"))
    assert (found["code"], found["path"], found["line"]) == ("AUR001", "lib/common.aurora", 1)
    assert [(r["path"], r["line"], r["note"]) for r in found["related"]] == [
        ("main.aurora", 2, "included from")
    ]


def test_undefined_site_name_hints_at_preludes(tmp_path: Path) -> None:
    write(tmp_path, "site.aurora", JOB + "pkg = Packer.package('hello')\njobs = [job]\n")
    found = only(lint(tmp_path, "site.aurora"))
    assert (found["code"], found["line"], found["column"]) == ("AUR002", 4, 7)
    assert "Packer" in found["message"] and "--prelude" in found["hint"]
    write(tmp_path, "packer.py", "class Packer:\n    @staticmethod\n    def package(name):\n        return name\n")
    assert lint(tmp_path, "--prelude", "packer.py", "site.aurora") == []


def test_undefined_schema_typo_suggests_the_name(tmp_path: Path) -> None:
    write(tmp_path, "typo.aurora", JOB + "jobs = [job(update_config=UpdateConfg())]\n")
    found = only(lint(tmp_path, "typo.aurora"))
    assert found["code"] == "AUR002" and "UpdateConfig" in found["message"]


def test_missing_include_names_the_resolved_path(tmp_path: Path) -> None:
    write(tmp_path, "jobs/main.aurora", JOB + "include('../common/missing.aurora')\njobs = [job]\n")
    found = only(lint(tmp_path, "jobs/main.aurora"))
    assert (found["code"], found["line"], found["column"]) == ("AUR003", 4, 1)
    assert "common/missing.aurora" in found["message"]


def test_include_cycle(tmp_path: Path) -> None:
    write(tmp_path, "a.aurora", "include('b.aurora')\njobs = []\n")
    write(tmp_path, "b.aurora", "include('a.aurora')\n")
    found = only(lint(tmp_path, "a.aurora"))
    assert found["code"] == "AUR003" and "cycle" in found["message"]
    assert found["path"] == "b.aurora"


def test_missing_environment_variable_is_named(tmp_path: Path) -> None:
    write(tmp_path, "env.aurora", JOB + "import os\njobs = [job(name=os.environ['JOB_NAME'])]\n")
    found = only(lint(tmp_path, "env.aurora"))
    assert (found["code"], found["line"]) == ("AUR004", 5)
    assert "JOB_NAME" in found["message"] and "--env JOB_NAME=" in found["hint"]
    assert lint(tmp_path, "--env", "JOB_NAME=web", "env.aurora") == []


def test_unknown_attribute_points_at_the_keyword(tmp_path: Path) -> None:
    write(tmp_path, "attr.aurora", JOB + "jobs = [job(\n  name='x',\n  instnaces=3)]\n")
    found = only(lint(tmp_path, "attr.aurora"))
    assert (found["code"], found["line"], found["column"]) == ("AUR005", 6, 3)
    assert "instances" in found["message"]


def test_removed_field_gets_its_replacement(tmp_path: Path) -> None:
    write(tmp_path, "removed.aurora", JOB + "jobs = [job(cron_policy='KILL_EXISTING')]\n")
    found = only(lint(tmp_path, "removed.aurora"))
    assert found["code"] == "AUR005" and "cron_collision_policy" in found["message"]


def test_bad_enum_value(tmp_path: Path) -> None:
    write(tmp_path, "enum.aurora", JOB + "v = Volume(container_path='/a', host_path='/b', mode=Mode('ro'))\njobs = [job]\n")
    found = only(lint(tmp_path, "enum.aurora"))
    assert found["code"] == "AUR006" and "RO, RW" in found["message"] and "Mode" in found["message"]


@pytest.mark.parametrize(("jobs", "line", "column"), [("1234", 4, 8), ("[job, 'web']", 4, 14), ("job", 4, 8)])
def test_jobs_must_be_a_list_of_jobs(tmp_path: Path, jobs: str, line: int, column: int) -> None:
    write(tmp_path, "jobs.aurora", JOB + f"jobs = {jobs}\n")
    found = only(lint(tmp_path, "jobs.aurora"))
    assert (found["code"], found["line"], found["column"]) == ("AUR007", line, column)


def test_exception_in_a_helper_shows_the_call_chain(tmp_path: Path) -> None:
    write(tmp_path, "helper.aurora", JOB + """
def scaled(factor):
    return job(instances=factor * 'x' + 1)
jobs = [scaled(2)]
""")
    found = only(lint(tmp_path, "helper.aurora"))
    assert (found["code"], found["line"]) == ("AUR008", 6)
    assert found["message"].startswith("TypeError:")
    assert [(r["line"], r["note"]) for r in found["related"]] == [(7, "called from")]


def test_unreadable_and_missing_files(tmp_path: Path) -> None:
    (tmp_path / "binary.aurora").write_bytes(b"\x7fELF\x00\x00")
    found = lint(tmp_path, "binary.aurora", "missing.aurora")
    assert [(d["path"], d["code"]) for d in found] == [
        ("binary.aurora", "AUR011"),
        ("missing.aurora", "AUR011"),
    ]


def test_every_failure_kind_exits_1_without_traceback(tmp_path: Path) -> None:
    write(tmp_path, "bad.aurora", "jobs = [\n")
    result = run_cli("bad.aurora", cwd=tmp_path)
    assert result.returncode == 1
    assert "bad.aurora:1:8: AUR001" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


# --- values a config's own code makes hostile ------------------------------------------------

BROKEN_TEXT = """
class Broken(Exception):
    def __str__(self):
        raise RuntimeError('no message either')
    __repr__ = __str__
"""


def test_an_exception_whose_message_raises(tmp_path: Path) -> None:
    write(tmp_path, "raise.aurora", BROKEN_TEXT + "raise Broken()\n")
    found = only(lint(tmp_path, "raise.aurora"))
    assert (found["code"], found["line"]) == ("AUR008", 5)
    assert found["message"] == "Broken (its message cannot be shown: RuntimeError)"
    write(tmp_path, "raise.aurora", "import sys\n" + BROKEN_TEXT + "sys.exit(Broken())\n")
    found = only(lint(tmp_path, "raise.aurora"))
    assert found["message"] == "the config called sys.exit(<Broken that cannot be shown: RuntimeError>)"


def test_a_field_holding_an_object_that_cannot_be_converted(tmp_path: Path) -> None:
    write(tmp_path, "field.aurora", BROKEN_TEXT + JOB
          + "jobs = [job(contact=Broken())]\n")  # fmt: skip
    found = only(lint(tmp_path, "field.aurora"))
    assert (found["code"], found["line"], found["column"]) == ("AUR021", 9, 13)
    assert found["message"] == ("invalid Job.contact: <Broken that cannot be shown: RuntimeError> "
                                "cannot be made a String: RuntimeError: no message either")


def test_an_integer_too_long_for_python_to_print(tmp_path: Path) -> None:
    write(tmp_path, "huge.aurora", JOB + "jobs = [job(instances=10**5000)]\n")
    result = run_cli("--output-format", "json", "huge.aurora", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (1, "")
    found = only([d for d in json.loads(result.stdout) if d["code"] == "AUR403"])
    # The message keeps both ends of the 5001 digits and stays readable.
    assert found["message"].startswith("instances is 1000") and len(found["message"]) < 1100
    assert "characters ...]" in found["message"]
    inspected = run_cli("inspect", "huge.aurora", cwd=tmp_path)
    assert (inspected.returncode, inspected.stderr) == (0, "")
    assert json.loads(inspected.stdout)["jobs"][0]["json"]["instances"] == "1" + "0" * 5000


def test_a_runaway_recursion_keeps_its_call_chain_short(tmp_path: Path) -> None:
    write(tmp_path, "deep.aurora", "def deep(n):\n    return deep(n + 1)\ndeep(0)\n")
    found = only(lint(tmp_path, "deep.aurora"))
    assert (found["code"], found["line"], found["message"]) == (
        "AUR008", 2, "RecursionError: maximum recursion depth exceeded")
    notes = [(r["line"], r["note"]) for r in found["related"]]
    assert len(notes) == 2 and notes[1] == (3, "called from")
    assert notes[0][0] == 2 and notes[0][1].startswith("called ") and notes[0][1].endswith(" times in a row from")
    write(tmp_path, "mutual.aurora", "def ping(n):\n    return pong(n)\ndef pong(n):\n    return ping(n)\nping(0)\n")
    related = only(lint(tmp_path, "mutual.aurora"))["related"]
    assert len(related) == 41
    assert related[20]["note"].endswith(" more calls, the first from")
    assert (related[-1]["line"], related[-1]["note"]) == (5, "called from")


def test_a_coding_declaration_is_honoured(tmp_path: Path) -> None:
    (tmp_path / "latin.aurora").write_bytes(
        b"# -*- coding: latin-1 -*-\n" + JOB.encode() + b"jobs = [job(contact='caf\xe9', bogus=1)]\n")
    result = run_cli("--select", "AUR0", "latin.aurora", cwd=tmp_path)
    assert result.stdout.startswith("latin.aurora:6:29: AUR005 Job has no field `bogus`")
    assert "6 | jobs = [job(contact='café', bogus=1)]" in result.stdout
    inspected = json.loads(run_cli("inspect", "latin.aurora", cwd=tmp_path).stdout)
    assert [d["code"] for d in inspected["diagnostics"]] == ["AUR005"]
    # Only the first two lines count, as Python numbers them (a lone CR ends a line too).
    late = "# a comment\n\n# coding: latin-1" + JOB + "jobs = [job(contact='h\u00e9llo')]\n"
    (tmp_path / "late.aurora").write_bytes(late.replace("\n", "\r").encode())
    inspected = json.loads(run_cli("inspect", "late.aurora", cwd=tmp_path).stdout)
    assert inspected["jobs"][0]["json"]["contact"] == "h\u00e9llo"  # read as UTF-8, like Python
    (tmp_path / "klingon.aurora").write_bytes(b"#!/usr/bin/env python\n# coding: klingon\njobs = []\n")
    found = only(lint(tmp_path, "klingon.aurora"))
    assert (found["code"], found["message"]) == ("AUR011", "klingon.aurora declares an unknown encoding: klingon")
    for codec, why in (("rot13", "declares rot13, which is not a text encoding"),
                       ("hex", "declares hex, which is not a text encoding"),
                       ("punycode", "is not punycode text")):  # fmt: skip
        (tmp_path / f"{codec}.aurora").write_bytes(f"# coding: {codec}\njobs = ['\u00e9']\n".encode("latin-1"))
        result = run_cli(f"{codec}.aurora", cwd=tmp_path)  # text: the source line is read too
        assert (result.returncode, result.stderr) == (1, ""), codec
        assert result.stdout.startswith(f"{codec}.aurora:1:1: AUR011 {codec}.aurora {why}"), result.stdout


def test_a_list_element_of_the_wrong_kind_is_named(tmp_path: Path) -> None:
    write(tmp_path, "list.aurora", JOB + "jobs = [job(task=task(processes=[hello, 'echo bye']))]\n")
    found = only(lint(tmp_path, "list.aurora"))
    assert (found["code"], found["message"]) == ("AUR015", "Task.processes takes Process elements, not a str")
