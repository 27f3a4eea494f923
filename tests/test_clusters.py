"""clusters.json: Aurora's lookup order, --clusters and clusters-file, and AUR301 at the right line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from auroralint import jsonpos
from auroralint.clusters import build_context, read, search_path
from auroralint.settings import FileSettings
from conftest import run_cli
from helpers import write

GOOD_CONFIG = "jobs = []\n"  # AUR012 only; these tests select AUR301
FINE = '[{"name": "devcluster", "scheduler_uri": "http://localhost:8081"}]\n'


def problems(tmp_path: Path, *args: str, env: dict[str, str] | None = None,
             ) -> list[tuple[str, int, int, str]]:  # fmt: skip
    """(path, line, column, message) of every AUR301 of a run in ``tmp_path``."""
    write(tmp_path, "web.aurora", GOOD_CONFIG)
    environment = {"AURORA_CONFIG_ROOT": str(tmp_path / "nowhere"), "HOME": str(tmp_path / "nohome"),
                   **(env or {})}  # fmt: skip
    result = run_cli("--output-format", "json", "--select", "AUR301", "--ignore", "AUR0", *args,
                     "web.aurora", cwd=tmp_path, env=environment)  # fmt: skip
    assert result.returncode in (0, 1), result.stderr
    return [(entry["path"], entry["line"], entry["column"], entry["message"])
            for entry in json.loads(result.stdout)]  # fmt: skip


# --- where clusters.json is found -----------------------------------------------------------


def test_search_path_is_aurora_config_root_then_home() -> None:
    assert search_path({"AURORA_CONFIG_ROOT": "/srv/aurora", "HOME": "/home/me"}) == [
        "/srv/aurora/clusters.json", "/home/me/.aurora/clusters.json"]  # fmt: skip
    assert search_path({"AURORA_CONFIG_ROOT": "", "HOME": "/home/me"})[0] == "/etc/aurora/clusters.json"
    assert search_path({"HOME": "/home/me"})[0] == "/etc/aurora/clusters.json"


def test_both_lookup_files_are_read(tmp_path: Path) -> None:
    write(tmp_path, "etc/clusters.json", '[{"name": "a"}]\n')
    write(tmp_path, "home/.aurora/clusters.json", '[\n{"name": "b", "zk": "zk1"}]\n')
    env = {"AURORA_CONFIG_ROOT": str(tmp_path / "etc"), "HOME": str(tmp_path / "home")}
    assert problems(tmp_path, env=env) == [
        ("etc/clusters.json", 1, 2, "cluster 'a': a cluster needs `zk` (with scheduler_zk_path) or `scheduler_uri`"),
        ("home/.aurora/clusters.json", 2, 1, "cluster 'b': `zk` needs `scheduler_zk_path` (the scheduler's path in ZooKeeper)"),
    ]  # fmt: skip
    # An empty AURORA_CONFIG_ROOT means /etc/aurora, not the current directory.
    write(tmp_path, "clusters.json", "not json")
    assert [path for path, *_ in problems(tmp_path, env={**env, "AURORA_CONFIG_ROOT": ""})] == [
        "home/.aurora/clusters.json"]  # fmt: skip


def test_a_later_entry_replaces_an_earlier_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    system = write(tmp_path, "etc/clusters.json", json.dumps([
        {"name": "west", "scheduler_uri": "http://west:8081", "docker_registry": "https://old.example.com"},
        {"name": "east", "scheduler_uri": "http://east:8081"},
    ], indent=1))  # fmt: skip
    user = write(tmp_path, "home/.aurora/clusters.json", json.dumps([
        {"name": "west", "scheduler_uri": "http://west:8081", "docker_registry": "https://new.example.com"},
    ], indent=1))  # fmt: skip
    monkeypatch.setenv("AURORA_CONFIG_ROOT", str(system.parent))
    monkeypatch.setenv("HOME", str(user.parent.parent))
    monkeypatch.chdir(tmp_path)
    context, found = build_context(None, FileSettings())
    assert found == []  # the same name in two files is Aurora's override, not a mistake
    assert context.clusters is not None
    assert sorted(context.clusters) == ["east", "west"]
    assert context.clusters["west"].docker_registry == "https://new.example.com"
    assert context.clusters["west"].source == "home/.aurora/clusters.json"
    assert context.clusters["west"].line == 2
    assert context.clusters["east"].source == "etc/clusters.json"
    assert context.clusters["east"].registry == "https://registry-1.docker.io"
    assert context.clusters_source == "etc/clusters.json, home/.aurora/clusters.json"


def test_no_clusters_file_at_all(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AURORA_CONFIG_ROOT", str(tmp_path / "none"))
    monkeypatch.setenv("HOME", str(tmp_path / "none"))
    context, found = build_context(None, FileSettings())
    # None, not {}: rules then stay silent about clusters instead of calling every one unknown.
    assert (context.clusters, found) == (None, [])


def test_clusters_flag_and_clusters_file_replace_the_lookup(tmp_path: Path) -> None:
    write(tmp_path, "etc/clusters.json", "[{]\n")
    write(tmp_path, "deploy/clusters.json", FINE)
    write(tmp_path, "deploy/broken.json", "{}\n{}\n")
    env = {"AURORA_CONFIG_ROOT": str(tmp_path / "etc")}
    assert [path for path, *_ in problems(tmp_path, env=env)] == ["etc/clusters.json"]
    assert problems(tmp_path, "--clusters", "deploy/clusters.json", env=env) == []
    write(tmp_path, "pyproject.toml", '[tool.auroralint]\nclusters-file = "deploy/broken.json"\n')
    assert problems(tmp_path, env=env) == [("deploy/broken.json", 2, 1, "not valid JSON: Extra data")]
    # The flag wins over the configuration.
    assert problems(tmp_path, "--clusters", "deploy/clusters.json", env=env) == []


def test_clusters_problems_are_reported_once_for_many_files(tmp_path: Path) -> None:
    write(tmp_path, "clusters.json", "[{}]")
    for name in ("a", "b", "c"):
        write(tmp_path, f"jobs/{name}.aurora", GOOD_CONFIG)
    result = run_cli("--output-format", "json", "--select", "AUR301", "--ignore", "AUR0",
                     "--clusters", "clusters.json", "jobs", cwd=tmp_path)  # fmt: skip
    assert [entry["path"] for entry in json.loads(result.stdout)] == ["clusters.json"] * 2


# --- what is wrong, and where ---------------------------------------------------------------

SCHEMA_CASES = [
    # (clusters.json, [(line, column, message)])
    # One cluster where a list of them is expected: read as the object form, whose values are entries.
    ('{"name": "west"}', [(1, 2, "cluster entry 'name' must be an object, not a string")]),
    ('"west"', [(1, 1, "clusters.json must be a list of cluster entries (or an object whose "
                "values are cluster entries), not a string")]),
    ('[\n  {"name": "west",\n   "scheduler_uri": "localhost:8081"}\n]',
     [(3, 4, "cluster 'west': scheduler_uri 'localhost:8081' must be an http(s) URL, like http://scheduler:8081")]),
    ('[\n  {"name": "west", "zk": "zk1:2181,zk2", "scheduler_zk_path": "/aurora/scheduler"}\n]',
     [(2, 20, "cluster 'west': zk 'zk1:2181,zk2' must list host names without ports (zk_port sets the port)")]),
    ('[{"name": "west", "zk": "zk1", "scheduler_zk_path": "aurora"}]',
     [(1, 32, "cluster 'west': scheduler_zk_path 'aurora' must be an absolute path (starting with /)")]),
    ('[{"name": "west", "scheduler_uri": "http://s", "zk_port": "2181"}]',
     [(1, 48, "cluster 'west': zk_port must be an integer, not a string '2181'")]),
    ('[{"name": "west", "scheduler_uri": "http://s",\n  "docker_registry": "https://registry.example.com/v2/"}]',
     [(2, 3, "cluster 'west': docker_registry 'https://registry.example.com/v2/' must be an http(s) "
       "URL with no path, like https://registry.example.com:5000")]),
    ('[{"scheduler_uri": "http://s"},\n 7]',
     [(1, 2, "cluster entry 0: 'name' is required"), (2, 2, "cluster entry 1 must be an object, not a number")]),
    ('{"a": {"name": "west", "scheduler_uri": "http://s"},\n "b": {"name": "west", "scheduler_uri": "http://t"}}',
     [(2, 2, "cluster 'west' is defined twice (first at line 1); the client keeps only this later entry")]),
    ('[]', []),
    ('{}', []),
]


@pytest.mark.parametrize(("text", "expected"), SCHEMA_CASES)
def test_schema_problems_at_their_line(tmp_path: Path, text: str, expected: list[tuple[int, int, str]]) -> None:
    write(tmp_path, "clusters.json", text + "\n")
    found = problems(tmp_path, "--clusters", "clusters.json")
    assert [(line, column, message) for _, line, column, message in found] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('[\n  {"name": "west",},\n]', (2, 19, "not valid JSON: Expecting property name enclosed in double quotes")),
        ('[\n  {"name": "west"}\n', (3, 1, "not valid JSON: Expecting ',' delimiter")),
        ("", (1, 1, "not valid JSON: Expecting value")),
        ("// comment\n[]", (1, 1, "not valid JSON: Expecting value")),
        ("[{'name': 'west'}]", (1, 3, "not valid JSON: Expecting property name enclosed in double quotes")),
    ],
)
def test_json_syntax_errors_at_their_position(tmp_path: Path, text: str, expected: tuple[int, int, str]) -> None:
    write(tmp_path, "clusters.json", text)
    assert problems(tmp_path, "--clusters", "clusters.json") == [("clusters.json", *expected)]


def test_unreadable_clusters_file(tmp_path: Path) -> None:
    (tmp_path / "clusters.json").write_bytes(b'[{"name": "caf\xe9"}]')
    ((path, line, column, message),) = problems(tmp_path, "--clusters", "clusters.json")
    assert (path, line, column) == ("clusters.json", 1, 1)
    assert message.startswith("cannot read clusters.json: 'utf-8' codec can't decode")


def test_the_diagnostic_shows_the_clusters_json_line(tmp_path: Path) -> None:
    write(tmp_path, "clusters.json", '[\n  {"name": "west", "zk": "zk1"}\n]\n')
    write(tmp_path, "web.aurora", GOOD_CONFIG)
    result = run_cli("--select", "AUR301", "--clusters", "clusters.json", "web.aurora", cwd=tmp_path)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0] == ("clusters.json:2:3: AUR301 cluster 'west': `zk` needs `scheduler_zk_path` "
                        "(the scheduler's path in ZooKeeper) [invalid-clusters-file]")  # fmt: skip
    assert lines[1] == '2 |   {"name": "west", "zk": "zk1"}'
    assert lines[2] == "  |   " + "^" * len('{"name": "west", "zk": "zk1"}')


def test_read_keeps_what_it_can(tmp_path: Path) -> None:
    path = write(tmp_path, "clusters.json", json.dumps([
        {"name": "west", "scheduler_uri": "http://s", "docker_registry": "https://r.example.com"},
        {"name": "east"}, {"scheduler_uri": "http://s"}, 3]))  # fmt: skip
    found = read(str(path))
    # Entries with a name are kept even when something else is wrong with them.
    assert [cluster.name for cluster in found.clusters] == ["west", "east"]
    assert found.clusters[0].registry == "https://r.example.com"
    assert len(found.problems) == 3


# --- jsonpos --------------------------------------------------------------------------------


def test_jsonpos_offsets() -> None:
    text = '{\n  "a": [1, {"b\\u0022c": true, "d": [null, "x"]}],\n  "e": {}\n}'
    def at(*path: str | int) -> tuple[int, int]:
        return jsonpos.line_column(text, jsonpos.offset_of(text, list(path)))

    assert at() == (1, 1)
    assert at("a") == (2, 3)  # a member: its key
    assert at("a", 0) == (2, 9)  # an element: the value
    assert at("a", 1) == (2, 12)
    assert at("a", 1, 'b"c') == (2, 13)  # escaped keys compare decoded
    assert at("a", 1, "d", 1) == (2, 43)
    assert at("e") == (3, 3)
    # Paths that do not exist stop at the deepest part that does.
    assert at("a", 5) == at("a")
    assert at("missing") == (1, 1)
    assert at("e", "x") == at("e")
    key = jsonpos.offset_of(text, ["a", 1, "d"])
    assert text[key:jsonpos.end_of(text, key)] == '"d"'
    element = jsonpos.offset_of(text, ["a", 1])
    assert text[element:jsonpos.end_of(text, element)] == '{"b\\u0022c": true, "d": [null, "x"]}'
    # A repeated key: json keeps the last one, and so does the position.
    repeated = '{"name": "a",\n "name": 7}'
    assert jsonpos.line_column(repeated, jsonpos.offset_of(repeated, ["name"])) == (2, 2)


def test_jsonpos_line_column() -> None:
    assert jsonpos.line_column("ab\ncd", 0) == (1, 1)
    assert jsonpos.line_column("ab\ncd", 3) == (2, 1)
    assert jsonpos.line_column("ab\ncd", 4) == (2, 2)
    assert jsonpos.line_column("é\n\tx", 3) == (2, 2)  # characters, not bytes; a tab is one


def test_a_broken_clusters_file_blames_no_job_for_its_cluster(tmp_path: Path) -> None:
    # The broken file may well define the job's cluster: only the file itself is reported.
    write(tmp_path, "web.aurora", "jobs = [Job(cluster='west', role='www', environment='prod', "
                                  "name='web', task=Task())]\n")  # fmt: skip
    write(tmp_path, "clusters.json", '[{"name": "west",}]\n')
    result = run_cli("--output-format", "json", "--select", "AUR30", "--clusters", "clusters.json",
                     "web.aurora", cwd=tmp_path)  # fmt: skip
    assert [entry["code"] for entry in json.loads(result.stdout)] == ["AUR301"]
    write(tmp_path, "clusters.json", '[{"name": "east", "scheduler_uri": "http://east"}]\n')
    result = run_cli("--output-format", "json", "--select", "AUR30", "--clusters", "clusters.json",
                     "web.aurora", cwd=tmp_path)  # fmt: skip
    assert [entry["code"] for entry in json.loads(result.stdout)] == ["AUR302"]


def test_a_broken_clusters_file_hides_the_clusters_it_may_redefine(tmp_path: Path) -> None:
    # Later files win: ~/.aurora/clusters.json over $AURORA_CONFIG_ROOT/clusters.json.
    west = '[{"name": "west", "scheduler_uri": "http://west"}]\n'  # Docker Hub as its registry
    write(tmp_path, "web.aurora", "jobs = [Job(cluster='west', role='www', environment='prod', name='web', "
                                  "task=Task(), container=Docker(image='{{docker.image[nginx][1]}}'))]\n")  # fmt: skip
    environment = {"AURORA_CONFIG_ROOT": str(tmp_path / "etc"), "HOME": str(tmp_path / "home")}

    def found() -> list[tuple[str, str, str]]:
        result = run_cli("--output-format", "json", "--select", "AUR212,AUR3", "web.aurora",
                         cwd=tmp_path, env=environment)  # fmt: skip
        return [(entry["path"], entry["code"], entry["severity"]) for entry in json.loads(result.stdout)]

    # The broken file comes first: west, read after it, is known (Docker Hub refuses `nginx`).
    write(tmp_path, "etc/clusters.json", '[{"name": "east",')
    write(tmp_path, "home/.aurora/clusters.json", west)
    assert found() == [("etc/clusters.json", "AUR301", "error"), ("web.aurora", "AUR212", "error")]
    # The broken file comes last and may redefine west: nothing is said of west.
    write(tmp_path, "etc/clusters.json", west)
    write(tmp_path, "home/.aurora/clusters.json", '[{"name": "east",')
    assert found() == [("home/.aurora/clusters.json", "AUR301", "error")]


def test_a_number_too_long_for_python_is_invalid_json_not_a_crash(tmp_path: Path) -> None:
    write(tmp_path, "clusters.json", '[{"name": "west", "zk_port": ' + "9" * 5000 + "}]\n")
    ((path, line, column, message),) = problems(tmp_path, "--clusters", "clusters.json")
    assert (path, line, column) == ("clusters.json", 1, 1)
    assert message.startswith("not valid JSON: Exceeds the limit (4300 digits)")
    write(tmp_path, "clusters.json", "[" * 100000 + "]" * 100000 + "\n")
    ((path, line, column, message),) = problems(tmp_path, "--clusters", "clusters.json")
    assert message == "not valid JSON: nested too deeply to read"
