"""Output formats. Each reporter is a function from a finished run to text on a stream."""


from collections.abc import Callable, Sequence
from importlib import import_module
from typing import NamedTuple, TextIO

from auroralint.diagnostic import Diagnostic
from auroralint.rule import Rule

FORMATS = ("text", "json", "github", "sarif")


class Report(NamedTuple):
    diagnostics: Sequence[Diagnostic]
    rules: Sequence[Rule]  # the rules that ran, for formats that describe them
    files: int
    exit_code: int
    color: bool = False


Reporter = Callable[[Report, TextIO], None]


def reporter(name: str) -> Reporter:
    module = import_module(f"auroralint.reporters.{name}_format")
    return module.write  # type: ignore[no-any-return]
