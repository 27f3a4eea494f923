"""What each command does once its arguments are parsed."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from contextlib import ExitStack
from typing import TYPE_CHECKING, TextIO

from auroralint.cli import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, UsageError
from auroralint.settings import FileSettings, SettingsError

if TYPE_CHECKING:
    from auroralint.engine import FileResult
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


def _file_problem(path: str) -> str:
    """Why ``path`` cannot be read as a file, or nothing."""
    if os.path.isdir(path):
        return "is a directory, not a file"
    if not os.path.exists(path):
        return "no such file"
    if not os.path.isfile(path):
        return "not a regular file"
    return ""


def file_settings(options: argparse.Namespace, paths: Sequence[str] = ()) -> FileSettings:
    """``--config``, or the configuration nearest to what is linted: searched from the
    deepest directory holding every path given (the current directory when none is)."""
    from auroralint import settings

    if options.config:
        problem = _file_problem(options.config)
        if problem:
            raise UsageError(f"auroralint: --config {options.config}: {problem}")
        return settings.read(options.config)
    found = settings.discover(_common_directory(paths))
    return settings.read(found) if found else FileSettings()


def _common_directory(paths: Sequence[str]) -> str:
    directories = [
        os.path.abspath(path if os.path.isdir(path) else os.path.dirname(path) or ".")
        for path in paths
    ]
    try:
        return os.path.commonpath(directories) if directories else os.getcwd()
    except ValueError:  # paths on different drives
        return os.getcwd()


def _selection(options: argparse.Namespace, configured: FileSettings) -> tuple[Rule, ...]:
    """The rules a run reports, as ruff layers its settings.

    Within one layer (the configuration file, the command line) the more specific of a
    ``select`` and an ``ignore`` entry wins, a tie going to ``ignore``. ``--select`` replaces
    the file's ``select`` and ``ignore``; ``--ignore`` alone removes rules from what the file
    selects. The loading rules (``AUR0xx`` load rules of severity error) run unless ignored:
    a config that cannot be evaluated was not checked at all, and ``--select AUR1`` must not
    turn that into a clean report.
    """
    from auroralint.registry import all_rules
    from auroralint.settings import check_selectors, matches, selected

    select, ignore = _split(options.select), _split(options.ignore) or ()
    for flag, given in (("--select", select), ("--ignore", ignore)):
        if given:
            check_selectors(given, flag)
    if select:
        ignored = tuple(ignore)

        def chosen(rule: Rule) -> bool:
            return selected(rule, select, ignore)
    else:
        ignored = configured.ignore + tuple(ignore)

        def chosen(rule: Rule) -> bool:
            return selected(rule, configured.select, configured.ignore) and not matches(rule, ignore)

    return tuple(
        rule
        for rule in all_rules()
        if chosen(rule) or (_loading(rule) and not matches(rule, ignored))
    )


def _loading(rule: Rule) -> bool:
    return rule.kind == "load" and rule.code.startswith("AUR0") and rule.severity == "error"


def _preludes(options: argparse.Namespace, configured: FileSettings) -> tuple[str, ...]:
    for prelude in configured.prelude:
        problem = _file_problem(prelude)
        if problem:
            raise SettingsError(f"{configured.where('prelude')}: {prelude}: {problem}")
    for prelude in options.prelude:
        problem = _file_problem(prelude)
        if problem:
            raise UsageError(f"auroralint: --prelude {prelude}: {problem}")
    return configured.prelude + tuple(options.prelude)


def _check_clusters_file(options: argparse.Namespace, configured: FileSettings) -> None:
    given = getattr(options, "clusters", None)
    if given:
        problem = _file_problem(given)
        if problem:
            raise UsageError(f"auroralint: --clusters {given}: {problem}")
    elif configured.clusters_file:
        problem = _file_problem(configured.clusters_file)
        if problem:
            raise SettingsError(f"{configured.where('clusters-file')}: "
                                f"{configured.clusters_file}: {problem}")  # fmt: skip


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
    from auroralint.run import Run
    from auroralint.settings import rule_settings

    try:
        bindings = tuple(parse_binding(text) for text in options.bind)
    except BindingError as error:
        raise UsageError(f"auroralint: --bind: {error}") from None
    env = {**configured.env, **_pairs(options.env, "--env")}
    preludes = _preludes(options, configured)
    configured_rules = rule_settings(configured)
    rules: tuple[Rule, ...] = _selection(options, configured) if lint else ()
    context: RunContext = RunContext()
    problems: list[LoadFailure] = []
    if lint:
        from auroralint.clusters import build_context

        _check_clusters_file(options, configured)
        context, problems = build_context(getattr(options, "clusters", None), configured)
    engine = EngineSettings(
        load=LoadSettings(env=env, preludes=preludes),
        bindings=bindings,
        rules=rules,
        severities=configured_rules.severities,
        options=configured_rules.options,
        context=context,
        # Failures are classified by every load rule; `report` drops the unselected ones.
        all_load_rules=True,
    )
    limits = Limits(
        timeout=options.timeout or configured.timeout or DEFAULT_TIMEOUT,
        memory_mb=options.memory_limit or configured.memory_limit or DEFAULT_MEMORY_MB,
        workers=options.jobs or 0,
    )
    report = frozenset(rule.code for rule in rules) if lint else None
    run = Run(engine, limits, configured.per_file_ignores, configured.root, report)
    return run, problems


def _open_output(path: str, stack: ExitStack) -> TextIO:
    try:
        return stack.enter_context(open(path, "w", encoding="utf-8"))
    except OSError as error:
        raise UsageError(f"auroralint: --output-file {path}: {error.strerror or error}") from None


def check(options: argparse.Namespace, stdout: TextIO) -> int:
    from auroralint.files import collect
    from auroralint.reporters import Report, reporter
    from auroralint.run import classify_problems, lint_paths, unique_diagnostics

    configured = file_settings(options, options.paths)
    run, problems = build_run(options, configured, lint=True)
    if options.exclude is not None:  # patterns given on the command line: relative to here
        exclude, root = _split(options.exclude) or (), os.getcwd()
    else:
        exclude, root = configured.exclude, configured.root
    files = collect(options.paths or ["."], exclude, root)
    with ExitStack() as stack:
        # Opened first: a report that cannot be written should not cost a whole run.
        stream = _open_output(options.output_file, stack) if options.output_file else stdout
        if not files:
            sys.stderr.write("auroralint: no .aurora files found\n")
        results = lint_paths(files, run)
        diagnostics = sorted(set(unique_diagnostics(results)) | set(classify_problems(problems, run)))
        errors = any(diagnostic.severity == "error" for diagnostic in diagnostics)
        exit_code = EXIT_PROBLEMS if errors and not options.exit_zero else EXIT_OK
        report = Report(diagnostics, run.engine.rules, len(files), exit_code,
                        color=_color(options.color, stream))  # fmt: skip
        try:
            reporter(options.output_format)(report, stream)
            stream.flush()
            if _internal_errors(results):
                exit_code = EXIT_USAGE
        except BrokenPipeError:
            # `auroralint | head`: the reader has seen enough; the status still tells the result.
            silence_closed_pipe(stream)
        except OSError as error:
            target = options.output_file or "standard output"
            if options.output_file:
                try:  # closing flushes again, and fails again: the file is closed all the same
                    stream.close()
                except OSError:
                    pass
            raise UsageError(f"auroralint: cannot write the report to {target}: "
                             f"{error.strerror or error}") from None  # fmt: skip
    return exit_code


def silence_closed_pipe(stream: TextIO) -> None:
    """Send what is still buffered for a closed pipe nowhere, so exiting does not complain."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
    except (OSError, ValueError):
        pass


def _color(choice: str, stream: TextIO) -> bool:
    """``--color always|never`` decides; ``auto`` colours a terminal unless NO_COLOR is set
    (to anything but the empty string, https://no-color.org) or the terminal is dumb."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return hasattr(stream, "isatty") and stream.isatty()


def inspect_files(options: argparse.Namespace, stdout: TextIO) -> int:
    from auroralint.reporters.json_format import as_dict
    from auroralint.run import lint_paths

    configured = file_settings(options, options.files)
    run, _ = build_run(options, configured, lint=False)
    files = [os.path.normpath(path) for path in options.files]
    exit_code = EXIT_OK
    results = lint_paths(files, run, with_jobs=True)
    for result in results:
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
    return EXIT_USAGE if _internal_errors(results) else exit_code


def _internal_errors(results: Sequence[FileResult]) -> bool:
    """Say on standard error where auroralint itself failed (exit status 2); the rest of the
    report stands."""
    errors = [(result.path, error) for result in results for error in result.internal_errors]
    for path, error in errors:
        sys.stderr.write(f"auroralint: internal error while linting {path}: {error}\n")
    if errors:
        sys.stderr.write("Please report this; set AURORALINT_DEBUG=1 to see tracebacks.\n")
    return bool(errors)


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

