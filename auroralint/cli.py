"""Command line: ``auroralint [check] PATH...``, ``auroralint inspect FILE...``, ``auroralint rules``.

Exit status: 0 when no error-severity diagnostic, 1 when there is one, 2 on a usage error, a
bad configuration file or an internal error.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import NoReturn, TextIO

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
COMMANDS = ("check", "inspect", "rules")
FORMATS = ("text", "json", "github", "sarif")  # as auroralint.reporters.FORMATS, not imported
MAX_TIMEOUT = 86400.0  # a day: the worker pool's clock cannot wait much longer
MAX_MEMORY_MIB = 1 << 20  # a TiB: more does not fit the address-space limit a worker sets


class UsageError(Exception):
    pass


class _Formatter(argparse.HelpFormatter):
    def __init__(self, prog: str) -> None:
        # argparse would import shutil (and zlib, bz2, lzma) just to learn the terminal width.
        try:
            width = os.get_terminal_size().columns
        except OSError:
            width = 80
        super().__init__(prog, width=min(width, 100) - 2)


class _Parser(argparse.ArgumentParser):
    def __init__(self, **kwargs: object) -> None:
        super().__init__(formatter_class=_Formatter, **kwargs)  # type: ignore[arg-type]

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{self.prog}: {message}")


def _positive_number(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of seconds, got {text!r}") from None
    if not 0 < value <= MAX_TIMEOUT:
        raise argparse.ArgumentTypeError(f"expected a positive number of seconds up to "
                                         f"{MAX_TIMEOUT:g}, got {text!r}")  # fmt: skip
    return value


def _positive_integer(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {text!r}") from None
    if value <= 0:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {text!r}")
    return value


def _memory_limit(text: str) -> int:
    value = _positive_integer(text)
    if value > MAX_MEMORY_MIB:
        raise argparse.ArgumentTypeError(f"expected at most {MAX_MEMORY_MIB} MiB, got {text!r}")
    return value


def _shared(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--bind", action="append", default=[], metavar="NAME=VALUE",
                        help="bind a {{ref}} as `aurora job create --bind` does (repeatable)")
    parser.add_argument("--env", action="append", default=[], metavar="NAME=VALUE",
                        help="set an environment variable while configs run (repeatable)")
    parser.add_argument("--prelude", action="append", default=[], metavar="FILE",
                        help="run FILE in each config's namespace first, for site DSL extensions")
    parser.add_argument("--config", metavar="FILE",
                        help="read this pyproject.toml or auroralint.toml instead of discovering one")
    parser.add_argument("--timeout", type=_positive_number, metavar="SECONDS",
                        help="stop evaluating a file after this long (default 10)")
    parser.add_argument("--memory-limit", type=_memory_limit, metavar="MIB",
                        help="memory allowed to evaluate one file (default 1024)")
    parser.add_argument("--jobs", "-j", type=_positive_integer, default=0, metavar="N",
                        help="files evaluated in parallel (default: one per CPU)")


def _default_format() -> str:
    # argparse never checks a default against the choices: an unknown value must fail here.
    chosen = os.environ.get("AURORALINT_OUTPUT_FORMAT") or "text"
    if chosen not in FORMATS:
        raise UsageError(f"auroralint: AURORALINT_OUTPUT_FORMAT={chosen!r} is not one of "
                         f"{', '.join(FORMATS)}")  # fmt: skip
    return chosen


def build_parser() -> argparse.ArgumentParser:
    from auroralint import __version__

    parser = _Parser(prog="auroralint", description="Lint Apache Aurora job configurations.",
                     epilog="Other commands: `auroralint inspect FILE...` shows the jobs as the "
                     "linter sees them; `auroralint rules` lists the rules.")  # fmt: skip
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="files or directories to lint (default: .)")  # fmt: skip
    parser.add_argument("--output-format", choices=FORMATS, default=None,
                        help="report format (default: text, or $AURORALINT_OUTPUT_FORMAT)")
    parser.add_argument("--output-file", "-o", metavar="FILE", help="write the report to FILE")
    parser.add_argument("--select", action="append", default=None, metavar="CODES",
                        help="rules to run: code prefixes or names, comma-separated")
    parser.add_argument("--ignore", action="append", default=None, metavar="CODES",
                        help="rules to skip: code prefixes or names, comma-separated")
    parser.add_argument("--exclude", action="append", default=None, metavar="PATTERNS",
                        help="paths to skip (globs, comma-separated)")
    parser.add_argument("--clusters", metavar="FILE",
                        help="the clusters.json to check jobs against (replaces the lookup)")
    parser.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    parser.add_argument("--exit-zero", action="store_true",
                        help="exit 0 even when errors are found")
    parser.add_argument("--explain", metavar="CODE", help="show the documentation of a rule")
    parser.add_argument("--version", action="version", version=f"auroralint {__version__}")
    _shared(parser)
    return parser


def build_inspect_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="auroralint inspect",
                     description="Print each file's jobs as auroralint sees them: one JSON "
                     "document per file, after client-side interpolation.")  # fmt: skip
    parser.add_argument("files", nargs="+", metavar="FILE")
    _shared(parser)
    return parser


def build_rules_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="auroralint rules", description="List every rule.")
    parser.add_argument("--output-format", choices=("text", "json"), default="text")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    _write_file_names_as_bytes(sys.stdout)
    try:
        if arguments and arguments[0] in COMMANDS:
            command, arguments = arguments[0], arguments[1:]
        else:
            command = "check"
        if command == "inspect":
            from auroralint.commands import inspect_files

            return inspect_files(build_inspect_parser().parse_args(arguments), sys.stdout)
        if command == "rules":
            from auroralint.commands import list_rules

            return list_rules(build_rules_parser().parse_args(arguments), sys.stdout)
        options = build_parser().parse_args(arguments)
        if options.output_format is None:
            options.output_format = _default_format()
        if options.explain:
            from auroralint.commands import explain

            return explain(options.explain, sys.stdout)
        from auroralint.commands import check

        return check(options, sys.stdout)
    except UsageError as error:
        return _fail(str(error), sys.stderr)
    except BrokenPipeError:  # `auroralint rules | head`: nothing went wrong
        from auroralint.commands import silence_closed_pipe

        silence_closed_pipe(sys.stdout)
        return EXIT_OK
    except KeyboardInterrupt:
        return _fail("interrupted", sys.stderr)
    except Exception as error:  # noqa: BLE001 - never a traceback for users
        from auroralint.errortext import error_text
        from auroralint.settings import SettingsError

        if isinstance(error, SettingsError):
            return _fail(f"auroralint: {error}", sys.stderr)
        if os.environ.get("AURORALINT_DEBUG"):
            raise
        return _fail(
            f"auroralint: internal error: {error_text(error)}\n"
            "Please report this; set AURORALINT_DEBUG=1 to see the traceback.",
            sys.stderr,
        )


def _write_file_names_as_bytes(stream: TextIO) -> None:
    """A file name that is not UTF-8 reaches us with surrogates for its bytes (as ``os.walk``
    gives it); outside a C locale Python's stdout refuses to write those. Give them back as
    the bytes they were, as the C locale does."""
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None and getattr(stream, "errors", "") == "strict":
        try:
            reconfigure(errors="surrogateescape")
        except (ValueError, OSError):  # a closed or unusual stream: leave it as it is
            pass


def console() -> NoReturn:
    """The ``auroralint`` command: ``main()``, then exit without tearing the interpreter down.

    Freeing every module of a finished run costs a few milliseconds a pre-commit hook would
    pay on every commit; the streams are flushed and nothing else is left to clean up.
    """
    code = main()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:
        pass
    os._exit(code)


def _fail(message: str, stream: TextIO) -> int:
    stream.write(message.rstrip() + "\n")
    return EXIT_USAGE
