"""auroralint: lint Apache Aurora job configurations.

The public API is imported lazily, so that ``auroralint --version`` or a pre-commit run pays
only for what it uses.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {
    "Diagnostic": "auroralint.diagnostic",
    "Finding": "auroralint.diagnostic",
    "Severity": "auroralint.diagnostic",
    "JobView": "auroralint.job",
    "LoadFailure": "auroralint.failures",
    "Options": "auroralint.rule",
    "Rule": "auroralint.rule",
    "job_rule": "auroralint.rule",
    "load_rule": "auroralint.rule",
    "suppression_rule": "auroralint.rule",
}

if TYPE_CHECKING:
    from auroralint.diagnostic import Diagnostic, Finding, Severity
    from auroralint.failures import LoadFailure
    from auroralint.job import JobView
    from auroralint.rule import Options, Rule, job_rule, load_rule, suppression_rule

__all__ = [
    "Diagnostic", "Finding", "JobView", "LoadFailure", "Options", "Rule", "Severity", "job_rule",
    "load_rule", "suppression_rule",
]  # fmt: skip


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'auroralint' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value  # found directly next time: every rule module imports these
    return value
