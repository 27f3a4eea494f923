"""What each command does once its arguments are parsed."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from contextlib import ExitStack
from typing import TextIO

from typing import TYPE_CHECKING

from auroralint.cli import EXIT_OK, EXIT_PROBLEMS, UsageError
from auroralint.settings import FileSettings

if TYPE_CHECKING:
    from auroralint.failures import LoadFailure
    from auroralint.rule import Rule
    from auroralint.run import Run


def _pairs(values: Sequence[str], flag: str) -> dict[str, str]:
    pairs = {}
    for value in values:
        name, sep, text = value.partition("=")
        if not sep or not name:
            raise UsageError(f"auroralint: {flag} {value!r} must be formatted NAME=VALUE")
        pairs[name] = text
    return pairs


def _split(values: Sequence[str] | None) -> tuple[str, ...] | None:
    if values is None:
        return None
    return tuple(item.strip() for value in values for item in value.split(",") if item.strip())


def file_settings(options: argparse.Namespace) -> FileSettings:
    from auroralint import settings

    if options.config:
        if not os.path.isfile(options.config):
            raise UsageError(f"auroralint: --config {options.config}: no such file")
        return settings.read(options.config)
    found = settings.discover(os.getcwd())
    return settings.read(found) if found else FileSettings()


def build_run(
    options: argparse.Namespace, configured: FileSettings, lint: bool
) -> tuple[Run, list[LoadFailure]]:
    """The run described by the command line on top of the configuration file, and what is
    wrong with the clusters files it found."""
    from auroralint.context import RunContext
    from auroralint.engine import EngineSettings
    from auroralint.isolation import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT, Limits
    from auroralint.job import BindingError, parse_binding
    from auroralint.loader import LoadSettings
    from auroralint.registry import all_rules, by_code_or_name
    from auroralint.run import Run
    from auroralint.settings import SettingsError, rule_options, selected

    try:
        bindings = tuple(parse_binding(text) for text in options.bind)
    except BindingError as error:
        raise UsageError(f"auroralint: --bind: {error}") from None
    env = {**configured.env, **_pairs(options.env, "--env")}
    preludes = configured.prelude + tuple(options.prelude)
    for prelude in preludes:
        if not os.path.isfile(prelude):
            raise UsageError(f"auroralint: prelude {prelude}: no such file")
    rules: tuple[Rule, ...] = ()
    if lint:  # `inspect` classifies load failures only, with rules imported when one happens
        select = _split(options.select) or configured.select
        ignore = _split(options.ignore) or configured.ignore
        rules = tuple(rule for rule in all_rules() if selected(rule, select, ignore))
    severities, rule_settings = {}, {}
    for key, severity in configured.severity.items():
        rule = by_code_or_name(key)
        if rule is None:
            raise SettingsError(f"{configured.source}: severity.{key}: no such rule")
        severities[rule.code] = severity
    for key, given in configured.rule_options.items():
        rule = by_code_or_name(key)
        if rule is None:
            raise SettingsError(f"{configured.source}: rules.{key}: no such rule")
        rule_settings[rule.code] = rule_options(rule, given, f"{configured.source}: rules.{key}")
    context, problems = RunContext(), []
    if lint:
        from auroralint.clusters import build_context

        context, problems = build_context(getattr(options, "clusters", None), configured)
    engine = EngineSettings(
        load=LoadSettings(env=env, preludes=preludes),
        bindings=bindings,
        rules=rules,
        severities=severities,
        options=rule_settings,
        context=context,
        all_load_rules=not lint,
    )
    limits = Limits(
        timeout=options.timeout or configured.timeout or DEFAULT_TIMEOUT,
        memory_mb=options.memory_limit or configured.memory_limit or DEFAULT_MEMORY_MB,
        workers=max(options.jobs, 0),
    )
    return Run(engine, limits, configured.per_file_ignores, configured.root), problems


def check(options: argparse.Namespace, stdout: TextIO) -> int:
    from auroralint.files import collect
    from auroralint.reporters import Report, reporter
    from auroralint.run import lint_paths, unique_diagnostics

    from auroralint.engine import classify

    configured = file_settings(options)
    run, problems = build_run(options, configured, lint=True)
    exclude = _split(options.exclude) or configured.exclude
    files = collect(options.paths or ["."], exclude, configured.root)
    if not files:
        sys.stderr.write("auroralint: no .aurora files found\n")
    results = lint_paths(files, run)
    diagnostics = unique_diagnostics(results)
    diagnostics += [found for problem in problems for found in classify(problem, run.engine)]
    errors = any(diagnostic.severity == "error" for diagnostic in diagnostics)
    exit_code = EXIT_PROBLEMS if errors and not options.exit_zero else EXIT_OK
    with ExitStack() as stack:
        stream = stdout
        if options.output_file:
            stream = stack.enter_context(open(options.output_file, "w", encoding="utf-8"))
        report = Report(diagnostics, run.engine.rules, len(files), exit_code,
                        color=_color(options.color, stream))  # fmt: skip
        reporter(options.output_format)(report, stream)
    return exit_code


def _color(choice: str, stream: TextIO) -> bool:
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    return hasattr(stream, "isatty") and stream.isatty()


def inspect_files(options: argparse.Namespace, stdout: TextIO) -> int:
    from auroralint.reporters.json_format import as_dict
    from auroralint.run import lint_paths

    configured = file_settings(options)
    run, _ = build_run(options, configured, lint=False)
    files = [os.path.normpath(path) for path in options.files]
    exit_code = EXIT_OK
    for result in lint_paths(files, run, with_jobs=True):
        if any(diagnostic.severity == "error" for diagnostic in result.diagnostics):
            exit_code = EXIT_PROBLEMS
        document = {
            "file": result.path,
            "jobs": [
                {"key": job.key, "json": job.json, "unbound": list(job.unbound)}
                for job in result.jobs
            ],
            "diagnostics": [as_dict(diagnostic) for diagnostic in result.diagnostics],
        }
        stdout.write(json.dumps(document, sort_keys=True) + "\n")
    return exit_code


def list_rules(options: argparse.Namespace, stdout: TextIO) -> int:
    from auroralint.registry import all_rules

    rules = all_rules()
    if options.output_format == "json":
        entries = [
            {"code": rule.code, "name": rule.name, "severity": rule.severity, "kind": rule.kind,
             "summary": rule.summary, "options": dict(rule.options)}
            for rule in rules
        ]  # fmt: skip
        stdout.write(json.dumps(entries, indent=2) + "\n")
        return EXIT_OK
    for rule in rules:
        stdout.write(f"{rule.code}  {rule.name:<40} {rule.severity:<8} {rule.summary}\n")
    return EXIT_OK


def explain(key: str, stdout: TextIO) -> int:
    from auroralint.registry import by_code_or_name
    from auroralint.reporters.text_format import printable

    rule = by_code_or_name(key)
    if rule is None:
        raise UsageError(f"auroralint: --explain: no rule {key!r}; `auroralint rules` lists them")
    stdout.write(f"{rule.code} {rule.name} (default severity: {rule.severity})\n\n")
    stdout.write("\n".join(printable(line) for line in rule.doc.strip().splitlines()) + "\n")
    return EXIT_OK

