"""``auroralint inspect``: one JSON document per file, a public contract."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run_cli
from helpers import write

CONFIG = """
import os
hello = Process(name='hello', cmdline='echo {{greeting}} on {{thermos.ports[http]}}')
task = Task(processes=[hello], resources=Resources(cpu=1, ram=16*MB, disk=16*MB))
jobs = [Service(cluster='devcluster', role='www-data', environment=os.environ.get('ENV', 'devel'),
                name='hello', task=task)]
"""


def inspect(directory: Path, *args: str) -> tuple[int, list[dict]]:
    result = run_cli("inspect", *args, cwd=directory)
    assert result.stderr == ""
    return result.returncode, [json.loads(line) for line in result.stdout.splitlines()]


def test_document_shape(tmp_path: Path) -> None:
    write(tmp_path, "hello.aurora", CONFIG)
    code, documents = inspect(tmp_path, "hello.aurora")
    assert code == 0
    (document,) = documents
    assert set(document) == {"file", "jobs", "diagnostics"}
    (job,) = document["jobs"]
    assert set(job) == {"key", "json", "unbound"}
    assert job["key"] == "devcluster/www-data/devel/hello"
    assert job["unbound"] == ["greeting", "thermos.ports[http]"]
    assert job["json"]["task"]["resources"] == {"cpu": 1.0, "ram": 16 * 2**20, "disk": 16 * 2**20, "gpu": 0}
    assert job["json"]["service"] is True and "container" not in job["json"]
    assert document["diagnostics"] == []


def test_bind_env_and_prelude(tmp_path: Path) -> None:
    write(tmp_path, "hello.aurora", CONFIG.replace("jobs = [", "jobs = [") + "jobs = [j(contact=Owner) for j in jobs]\n")
    write(tmp_path, "site.py", "Owner = 'ops@example.com'\n")
    code, (document,) = inspect(tmp_path, "--bind", "greeting=hi", "--env", "ENV=prod",
                                "--prelude", "site.py", "hello.aurora")  # fmt: skip
    (job,) = document["jobs"]
    assert code == 0
    assert job["key"] == "devcluster/www-data/prod/hello"
    assert job["json"]["contact"] == "ops@example.com"
    assert job["json"]["task"]["processes"][0]["cmdline"] == "echo hi on {{thermos.ports[http]}}"
    assert job["unbound"] == ["thermos.ports[http]"]


def test_one_line_per_file_and_exit_status(tmp_path: Path) -> None:
    write(tmp_path, "a.aurora", CONFIG)
    write(tmp_path, "b.aurora", "jobs = [\n")
    write(tmp_path, "c.aurora", "# nothing here\n")
    code, documents = inspect(tmp_path, "a.aurora", "b.aurora", "c.aurora")
    assert code == 1
    assert [d["file"] for d in documents] == ["a.aurora", "b.aurora", "c.aurora"]
    assert [d["code"] for d in documents[1]["diagnostics"]] == ["AUR001"]
    assert documents[1]["jobs"] == []
    assert [(d["code"], d["severity"]) for d in documents[2]["diagnostics"]] == [("AUR012", "warning")]
    code, _ = inspect(tmp_path, "a.aurora", "c.aurora")
    assert code == 0  # a file without jobs still loaded


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    write(tmp_path, "a.aurora", CONFIG)
    for args in (["inspect"], ["inspect", "--bind", "nothing", "a.aurora"], ["inspect", "--bind", "1x=2", "a.aurora"]):
        result = run_cli(*args, cwd=tmp_path)
        assert result.returncode == 2, args
        assert "Traceback" not in result.stderr and result.stderr.strip()


def test_the_legacy_aliases_are_bound_after_bind_as_the_client_does(tmp_path: Path) -> None:
    write(tmp_path, "hello.aurora", CONFIG.replace("echo {{greeting}}", "echo {{mesos.role}} {{greeting}}"))
    _, (document,) = inspect(tmp_path, "--bind", "mesos.role=intruder", "--bind", "greeting=hi",
                             "hello.aurora")  # fmt: skip
    (job,) = document["jobs"]
    assert job["json"]["task"]["processes"][0]["cmdline"] == "echo www-data hi on {{thermos.ports[http]}}"
