"""clusters.json: found as Aurora's client finds it, validated against our schema.

Lookup, as in Aurora's client: ``$AURORA_CONFIG_ROOT/clusters.json`` (``/etc/aurora`` when the
variable is unset or empty), then ``~/.aurora/clusters.json``; an entry of the second file
replaces the entry of the same name from the first. ``--clusters FILE`` (or ``clusters-file``
in the configuration) replaces the lookup.
"""


import json
import os
from collections.abc import Iterator, Mapping
from functools import cache
from typing import Any, NamedTuple

from auroralint import jsonpos
from auroralint.context import Cluster, RunContext
from auroralint.failures import LoadFailure
from auroralint.locate import Location
from auroralint.settings import FileSettings
from auroralint.sourcemap import Span


class ClustersFileError(Exception):
    """clusters.json is not JSON, does not match the schema, or repeats a cluster name."""

    def __init__(self, message: str, path: str) -> None:
        super().__init__(message)
        self.path = path


class ClustersFile(NamedTuple):
    path: str
    clusters: tuple[Cluster, ...]
    problems: tuple[LoadFailure, ...]
    readable: bool = True  # False: unreadable or not JSON, so which clusters it names is unknown


def search_path(environ: Mapping[str, str] | None = None) -> list[str]:
    """Where Aurora's client looks for clusters.json, in order (later entries win)."""
    environ = os.environ if environ is None else environ
    root = environ.get("AURORA_CONFIG_ROOT") or "/etc/aurora"
    home = environ.get("HOME") or os.path.expanduser("~")
    return [os.path.join(root, "clusters.json"), os.path.join(home, ".aurora", "clusters.json")]


@cache
def _schema() -> dict[str, Any]:
    data = os.path.join(os.path.dirname(__file__), "data", "clusters.schema.json")
    with open(data, encoding="utf-8") as handle:
        return json.load(handle)  # type: ignore[no-any-return]


def _failure(message: str, path: str, text: str, at: list[str | int]) -> LoadFailure:
    """A problem at the value ``at`` addresses: its key inside an object, or the value."""
    if text:
        start = jsonpos.offset_of(text, at)
        line, column = jsonpos.line_column(text, start)
        end_line, end_column = jsonpos.line_column(text, jsonpos.end_of(text, start))
        span = Span(path, line, column, end_line, max(end_column, column + 1) if end_line == line else end_column)
    else:
        span = Span(path, 1, 1, 1, 1)
    return LoadFailure(ClustersFileError(message, path), path, Location(span))


def read(path: str) -> ClustersFile:
    from auroralint.files import shown as display

    shown = display(path)
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except (OSError, UnicodeDecodeError) as error:
        return ClustersFile(shown, (), (_failure(f"cannot read {shown}: {error}", shown, "", []),),
                            readable=False)  # fmt: skip
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        span = Span(shown, error.lineno, error.colno, error.lineno, error.colno + 1)
        failure = LoadFailure(ClustersFileError(f"not valid JSON: {error.msg}", shown), shown,
                              Location(span))  # fmt: skip
        return ClustersFile(shown, (), (failure,), readable=False)
    except (ValueError, RecursionError) as error:  # a number of over 4300 digits, deep nesting
        why = str(error) if isinstance(error, ValueError) else "nested too deeply to read"
        failure = LoadFailure(ClustersFileError(f"not valid JSON: {why}", shown), shown,
                              Location(Span(shown, 1, 1, 1, 1)))  # fmt: skip
        return ClustersFile(shown, (), (failure,), readable=False)
    problems = list(_schema_problems(document, shown, text))
    clusters: dict[str, Cluster] = {}
    for at, entry in _entries(document):
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            continue
        name = entry["name"]
        line, _ = jsonpos.line_column(text, jsonpos.offset_of(text, at))
        if name in clusters:
            problems.append(_failure(f"cluster {name!r} is defined twice (first at line "
                                     f"{clusters[name].line}); the client keeps only this "
                                     "later entry", shown, text, at))  # fmt: skip
        registry = entry.get("docker_registry")
        clusters[name] = Cluster(name, registry if isinstance(registry, str) else None, shown, line)
    return ClustersFile(shown, tuple(clusters.values()), tuple(problems))


def _entries(document: Any) -> Iterator[tuple[list[str | int], Any]]:
    if isinstance(document, list):
        for index, entry in enumerate(document):
            at: list[str | int] = [index]
            yield at, entry
    elif isinstance(document, dict):
        yield from (([key], entry) for key, entry in document.items())


def _schema_problems(document: Any, path: str, text: str) -> Iterator[LoadFailure]:
    from jsonschema import Draft202012Validator

    if not isinstance(document, (list, dict)):
        yield _failure("clusters.json must be a list of cluster entries (or an object whose "
                       f"values are cluster entries), not {_kind(document)}", path, text, [])  # fmt: skip
        return
    validator = Draft202012Validator(_schema())
    leaves = [leaf for error in validator.iter_errors(document) for leaf in _leaves(error, document)]
    for leaf in sorted(leaves, key=lambda e: jsonpos.offset_of(text, list(e.absolute_path))):
        at = list(leaf.absolute_path)
        if leaf.validator == "type" and len(at) == 1:
            message = f"cluster entry {at[0]!r} must be an object, not {_kind(leaf.instance)}"
        else:
            message = f"{_entry(document, at)}{_explain(leaf)}"
        yield _failure(message, path, text, at)


def _kind(value: Any) -> str:
    return {str: "a string", int: "a number", float: "a number", bool: "a boolean",
            type(None): "null"}.get(type(value), type(value).__name__)  # fmt: skip


def _entry(document: Any, at: list[str | int]) -> str:
    """``cluster 'devcluster': `` for a problem inside an entry, else nothing."""
    if not at:
        return ""
    try:
        entry = document[at[0]]
    except (KeyError, IndexError, TypeError):
        return ""
    name = entry.get("name") if isinstance(entry, dict) else None
    return f"cluster {name!r}: " if isinstance(name, str) else f"cluster entry {at[0]!r}: "


def _leaves(error: Any, document: Any) -> Iterator[Any]:
    # The top-level anyOf: report the errors of the branch for the document's shape (the
    # first branch is the list form, the second the object form).
    if error.validator == "anyOf" and not error.absolute_path and error.context:
        branch = 0 if isinstance(document, list) else 1
        yield from (sub for sub in error.context
                    if sub.schema_path and sub.schema_path[0] == branch)  # fmt: skip
        return
    yield error


def _explain(error: Any) -> str:
    field = error.absolute_path[-1] if error.absolute_path else None
    if error.validator == "type" and field is not None:
        wanted = {"string": "a string", "integer": "an integer"}.get(error.validator_value,
                                                                      error.validator_value)
        return f"{field} must be {wanted}, not {_kind(error.instance)} {error.instance!r}"
    if error.validator == "pattern" and field in ("scheduler_uri", "proxy_url"):
        return f"{field} {error.instance!r} must be an http(s) URL, like http://scheduler:8081"
    if error.validator == "pattern" and field in ("scheduler_zk_path", "slave_root"):
        return f"{field} {error.instance!r} must be an absolute path (starting with /)"
    if error.validator == "dependentRequired":
        return "`zk` needs `scheduler_zk_path` (the scheduler's path in ZooKeeper)"
    if error.validator == "pattern" and field == "docker_registry":
        return (f"docker_registry {error.instance!r} must be an http(s) URL with no path, "
                "like https://registry.example.com:5000")  # fmt: skip
    if error.validator == "pattern" and field == "zk":
        return f"zk {error.instance!r} must list host names without ports (zk_port sets the port)"
    if error.validator == "anyOf" and error.absolute_path:
        return "a cluster needs `zk` (with scheduler_zk_path) or `scheduler_uri`"
    if error.validator == "required":
        return error.message.replace("is a required property", "is required")
    return str(error.message)


def build_context(given: str | None, configured: FileSettings) -> tuple[RunContext, list[LoadFailure]]:
    """The clusters this run checks jobs against, and what is wrong with their files."""
    from auroralint.profiles import profiles_of

    if given:
        paths = [given]
        if not os.path.isfile(given):
            missing = _failure(f"--clusters {given}: no such file", given, "", [])
            return RunContext(profiles=profiles_of(configured)), [missing]
    elif configured.clusters_file:
        paths = [configured.clusters_file]
    else:
        paths = [path for path in search_path() if os.path.isfile(path)]
    if not paths:
        return RunContext(profiles=profiles_of(configured)), []
    merged: dict[str, Cluster] = {}
    problems: list[LoadFailure] = []
    complete = True
    for path in paths:
        found = read(path)
        problems.extend(found.problems)
        if not found.readable:  # it may redefine any cluster read so far: trust none of them
            merged.clear()
        merged.update((cluster.name, cluster) for cluster in found.clusters)
        complete = complete and found.readable
    from auroralint.files import shown

    sources = ", ".join(shown(path) for path in paths)
    # A file that cannot be read may name any cluster: its problem is reported, and no job is
    # blamed for a cluster that file might have defined; clusters of later files still count.
    return RunContext(merged, sources, clusters_complete=complete, profiles=profiles_of(configured)), problems
