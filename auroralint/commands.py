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
from auroralint.configure import build_run, file_settings, split_list

if TYPE_CHECKING:
    from auroralint.engine import FileResult


def _open_output(path: str, stack: ExitStack) -> TextIO:
    try:
        # A file name that is not UTF-8 is written back as the bytes it was (surrogateescape).
        return stack.enter_context(open(path, "w", encoding="utf-8", errors="surrogateescape"))
    except OSError as error:
        raise UsageError(f"auroralint: --output-file {path}: {error.strerror or error}") from None


def check(options: argparse.Namespace, stdout: TextIO) -> int:
    from auroralint.failures import LoadFailure
    from auroralint.files import collect
    from auroralint.loader import UnreadableFile
    from auroralint.reporters import Report, reporter
    from auroralint.run import classify_problems, lint_paths, unique_diagnostics

    configured = file_settings(options, options.paths)
    run, problems = build_run(options, configured, lint=True)
    if options.exclude is not None:  # patterns given on the command line: relative to here
        exclude, root = split_list(options.exclude) or (), os.getcwd()
    else:
        exclude, root = configured.exclude, configured.root
    files, unlisted = collect(options.paths or ["."], exclude, root)
    problems += [LoadFailure(UnreadableFile(f"cannot list directory {directory}: {why}"), directory)
                 for directory, why in unlisted]  # fmt: skip
    with ExitStack() as stack:
        # Opened first: a report that cannot be written should not cost a whole run.
        stream = _open_output(options.output_file, stack) if options.output_file else stdout
        if not files:
            sys.stderr.write("auroralint: no .aurora files found\n")
        results = lint_paths(files, run)
        diagnostics = sorted(set(unique_diagnostics(results)) | set(classify_problems(problems, run)))
        errors = any(diagnostic.severity == "error" for diagnostic in diagnostics)
        exit_code = EXIT_PROBLEMS if errors and not options.exit_zero else EXIT_OK
        if any(result.internal_errors for result in results):
            exit_code = EXIT_USAGE  # the report says so too (SARIF's executionSuccessful)
        report = Report(diagnostics, run.engine.rules, len(files), exit_code,
                        color=_color(options.color, stream))  # fmt: skip
        try:
            reporter(options.output_format)(report, stream)
            stream.flush()
            _internal_errors(results)
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

