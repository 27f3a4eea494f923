"""A rule is a code, a kebab-case name, a default severity, options and one function.

Rules come in three kinds, by what their function receives:

* ``job`` rules get a :class:`~auroralint.job.JobView` and the rule's options, once per job;
* ``load`` rules get a :class:`~auroralint.failures.LoadFailure` (a config that could not be
  evaluated, a worker that timed out, a clusters file that does not parse) and say what it means;
* ``suppression`` rules get the suppression comments that silenced nothing.

Each yields :class:`~auroralint.diagnostic.Finding` values; the engine adds code, severity and
location. The rule module's docstring is its documentation.
"""


import re
import sys
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import Any, Literal, NamedTuple

from auroralint.diagnostic import Finding, Severity

Kind = Literal["job", "load", "suppression"]
OptionValue = bool | int | float | str | tuple[str, ...]
Options = Mapping[str, OptionValue]

CODE = re.compile(r"^AUR\d{3}$")
NAME = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")


class Rule(NamedTuple):
    code: str
    name: str
    severity: Severity
    kind: Kind
    check: Callable[..., Iterable[Finding]]
    options: Options = MappingProxyType({})
    doc: str = ""
    fallback: bool = False  # a load rule that takes any failure no other load rule claims

    @property
    def summary(self) -> str:
        return self.doc.strip().splitlines()[0] if self.doc.strip() else self.name


def _rule(
    kind: Kind,
    code: str,
    name: str,
    severity: Severity,
    options: Mapping[str, OptionValue] | None = None,
    fallback: bool = False,
) -> Callable[[Callable[..., Iterable[Finding]]], Rule]:
    if not CODE.match(code):
        raise ValueError(f"rule code {code!r} is not AUR followed by three digits")
    if not NAME.match(name):
        raise ValueError(f"rule name {name!r} is not kebab-case")

    def decorate(check: Callable[..., Iterable[Finding]]) -> Rule:
        module = sys.modules.get(check.__module__)
        doc = (module.__doc__ if module is not None else None) or ""
        frozen = MappingProxyType(
            {key: tuple(value) if isinstance(value, list) else value
             for key, value in (options or {}).items()}
        )  # fmt: skip
        return Rule(code, name, severity, kind, check, frozen, doc, fallback)

    return decorate


def job_rule(
    code: str, name: str, severity: Severity, options: Mapping[str, Any] | None = None
) -> Callable[[Callable[..., Iterable[Finding]]], Rule]:
    return _rule("job", code, name, severity, options)


def load_rule(
    code: str, name: str, severity: Severity, fallback: bool = False
) -> Callable[[Callable[..., Iterable[Finding]]], Rule]:
    return _rule("load", code, name, severity, fallback=fallback)


def suppression_rule(
    code: str, name: str, severity: Severity
) -> Callable[[Callable[..., Iterable[Finding]]], Rule]:
    return _rule("suppression", code, name, severity)
