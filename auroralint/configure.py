"""The run a command line describes, on top of the configuration file it finds."""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence
from typing import TYPE_CHECKING

from auroralint.cli import UsageError
from auroralint.settings import FileSettings, SettingsError

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


def split_list(values: Sequence[str] | None) -> tuple[str, ...] | None:
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
    from auroralint.selection import chosen_rules, rule_settings

    try:
        bindings = tuple(parse_binding(text) for text in options.bind)
    except BindingError as error:
        raise UsageError(f"auroralint: --bind: {error}") from None
    env = {**configured.env, **_pairs(options.env, "--env")}
    preludes = _preludes(options, configured)
    configured_rules = rule_settings(configured)
    rules: tuple[Rule, ...] = ()
    if lint:
        rules = chosen_rules(split_list(options.select), split_list(options.ignore) or (), configured)
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
