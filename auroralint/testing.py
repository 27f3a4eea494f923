"""Run example configs marked ``# expect: AUR101`` and compare with what the rules report.

Rule docstrings and test fixtures use the same conventions, so third-party rules can be tested
the same way:

* ``# expect: AUR101`` on a line means exactly one AUR101 diagnostic on that line;
  ``# expect: AUR101, AUR101`` means two.
* A block of comments starting ``# clusters.json: [...]`` is written to a clusters.json used for
  the run; a marker on one of its lines expects the diagnostic on that line of clusters.json.
* Examples run after :data:`PRELUDE`, in the same namespace, so they can use ``hello``,
  ``resources``, ``task`` and ``job``; line numbers stay the example's own.
"""


import re
import textwrap
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import Any, NamedTuple

from auroralint.diagnostic import Diagnostic
from auroralint.rule import Rule
from auroralint.sourcemap import source_lines

PRELUDE = """\
hello = Process(name='hello', cmdline='echo hello world; sleep 3600')
resources = Resources(cpu=0.5, ram=128*MB, disk=256*MB)
task = Task(name='hello', processes=[hello], resources=resources)
job = Service(cluster='devcluster', role='www-data', environment='prod', name='hello',
              task=task)
"""

MARKER = re.compile(r"#\s*expect:\s*(?P<codes>AUR\d{3}(?:\s*,\s*AUR\d{3})*)")
_CLUSTERS = re.compile(r"^#\s*clusters\.json:\s?(?P<json>.*)$")
_BLOCK = re.compile(r"^(?P<kind>Bad|Good)::\s*$", re.MULTILINE)

Expected = Counter[tuple[str, int, str]]  # (file name, line, code)


class Example(NamedTuple):
    kind: str  # "Bad" or "Good"
    text: str


def examples(doc: str) -> list[Example]:
    """The ``Bad::`` and ``Good::`` blocks of a rule docstring, dedented."""
    found = []
    doc = textwrap.dedent(doc)
    for match in _BLOCK.finditer(doc):
        body = []
        for line in doc[match.end() :].splitlines()[1:]:
            if line.strip() and not line.startswith((" ", "\t")):
                break
            body.append(line)
        found.append(Example(match.group("kind"), textwrap.dedent("\n".join(body)).strip("\n") + "\n"))
    return found


def expectations(text: str, config_name: str) -> Expected:
    expected: Expected = Counter()
    clusters_line = 0
    for number, line in enumerate(source_lines(text), start=1):
        in_clusters = bool(_CLUSTERS.match(line)) or (clusters_line > 0 and line.startswith("#"))
        clusters_line = clusters_line + 1 if in_clusters else 0
        match = MARKER.search(line)
        if match:
            where = ("clusters.json", clusters_line) if in_clusters else (config_name, number)
            for code in re.split(r"\s*,\s*", match.group("codes")):
                expected[(*where, code)] += 1
    return expected


def clusters_json(text: str) -> str | None:
    """The clusters.json an example declares in its leading ``# clusters.json:`` comments."""
    lines: list[str] = []
    for line in text.splitlines():
        match = _CLUSTERS.match(line)
        if match or (lines and line.startswith("#")):
            content = match.group("json") if match else line[1:]
            lines.append(MARKER.sub("", content).rstrip())
        elif lines:
            break
    return "\n".join(lines) + "\n" if lines else None


class Case(NamedTuple):
    """One example config and how to run it."""

    text: str
    rules: Sequence[Rule]
    name: str = "example.aurora"
    settings: Mapping[str, Any] = MappingProxyType({})  # a [tool.auroralint] table
    prelude: str = PRELUDE


def run(case: Case, directory: Path, write: bool = True) -> list[Diagnostic]:
    """Lint the case in ``directory`` exactly as the command line would, one worker per file.

    With ``write=False`` the config is already in ``directory`` (a fixture copied with the
    files it includes) and ``case.text`` only provides the markers.
    """
    from auroralint import settings as settings_module
    from auroralint.clusters import build_context
    from auroralint.engine import EngineSettings, classify
    from auroralint.isolation import Limits
    from auroralint.loader import LoadSettings
    from auroralint.run import Run, lint_paths, unique_diagnostics
    from auroralint.selection import rule_settings

    directory.mkdir(parents=True, exist_ok=True)
    config = directory / case.name
    if write:
        config.write_text(case.text, encoding="utf-8")
    prelude = directory / "prelude.aurora"
    prelude.write_text(case.prelude, encoding="utf-8")
    table = dict(case.settings)
    clusters = clusters_json(case.text)
    if clusters is not None:
        (directory / "clusters.json").write_text(clusters, encoding="utf-8")
        table.setdefault("clusters-file", "clusters.json")
    configured = settings_module.parse(table, str(directory / "auroralint.toml"))
    context, problems = build_context(None, configured)
    options = rule_settings(configured).options
    engine = EngineSettings(
        load=LoadSettings(env=dict(configured.env), preludes=(str(prelude),)),
        rules=tuple(case.rules),
        options=options,
        context=context,
    )
    run_settings = Run(engine, Limits(timeout=3, memory_mb=512, workers=1), {}, str(directory))
    diagnostics = unique_diagnostics(lint_paths([str(config)], run_settings))
    diagnostics += [found for problem in problems for found in classify(problem, engine)]
    return diagnostics


def got(diagnostics: Sequence[Diagnostic]) -> Expected:
    return Counter((Path(d.path).name, d.line, d.code) for d in diagnostics)


def mismatch(case: Case, diagnostics: Sequence[Diagnostic]) -> str:
    """Empty when the diagnostics are exactly the expected ones, else a readable difference."""
    expected = expectations(case.text, case.name)
    actual = got(diagnostics)
    if expected == actual:
        return ""
    lines = [f"{case.name} differs from its # expect: markers"]
    for key in sorted(set(expected) | set(actual)):
        if expected[key] != actual[key]:
            name, line, code = key
            lines.append(f"  {name}:{line}: {code} expected {expected[key]}, got {actual[key]}")
    for diagnostic in diagnostics:
        lines.append(f"  got: {diagnostic.path}:{diagnostic.line}:{diagnostic.column}: "
                     f"{diagnostic.code} {diagnostic.message}")  # fmt: skip
    return "\n".join(lines)
