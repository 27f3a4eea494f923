"""Which rules run, at which severity and with which options: settings checked against rules."""


import re
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

from auroralint.diagnostic import Severity
from auroralint.rule import Options, OptionValue, Rule
from auroralint.settings import FileSettings, SettingsError, kind_of, string_list, toml_key


def rule_options(rule: Rule, given: Mapping[str, Any], where: str) -> Mapping[str, OptionValue]:
    """``given`` checked against the rule's defaults (whose types are the schema) and merged."""
    merged = dict(rule.options)
    for key, value in given.items():
        if key not in rule.options:
            known = ", ".join(rule.options) or "none"
            raise SettingsError(f"{where}.{key}: {rule.name} has no option {key!r} (options: {known})")
        default = rule.options[key]
        if isinstance(default, tuple):
            merged[key] = string_list(value, f"{where}.{key}")
        elif isinstance(default, bool) or isinstance(value, bool):
            if not isinstance(value, bool) or not isinstance(default, bool):
                raise SettingsError(f"{where}.{key}: expected {kind_of(default)}, got {kind_of(value)}")
            merged[key] = value
        elif not isinstance(value, type(default)) and not (
            isinstance(default, float) and isinstance(value, int)
        ):
            raise SettingsError(f"{where}.{key}: expected {kind_of(default)}, got {kind_of(value)}")
        else:
            merged[key] = value
    return merged


def matches(rule: Rule, patterns: Sequence[str]) -> int:
    """How specifically ``patterns`` name ``rule``: 0 not at all, more for longer prefixes."""
    best = 0
    for pattern in patterns:
        if pattern == rule.name:
            return 100
        if rule.code.startswith(pattern.upper()):
            best = max(best, len(pattern))
    return best


def selected(rule: Rule, select: Sequence[str], ignore: Sequence[str]) -> bool:
    chosen = matches(rule, select)
    return chosen > 0 and chosen > matches(rule, ignore)


_SELECTOR = re.compile(r"^AUR\d{0,3}$", re.IGNORECASE)


def check_selectors(patterns: Sequence[str], where: str) -> None:
    """Every pattern is a code prefix (``AUR``, ``AUR1``, ``AUR102``) or the name of a rule.

    A typo in ``ignore`` would otherwise silently ignore nothing, one in ``select`` silently
    select nothing: a clean report that means nothing.
    """
    from auroralint.registry import by_code_or_name

    for pattern in patterns:
        if not _SELECTOR.match(pattern) and by_code_or_name(pattern) is None:
            raise SettingsError(f"{where}: {pattern!r} is neither a rule code prefix "
                                "(AUR, AUR1, AUR102) nor a rule name")  # fmt: skip


class RuleSettings(NamedTuple):
    severities: Mapping[str, Severity]  # by rule code
    options: Mapping[str, Options]  # by rule code, merged with the rule's defaults


def rule_settings(configured: FileSettings) -> RuleSettings:
    """The configuration's rule selectors, severities and options checked against the rules."""
    from auroralint.registry import by_code_or_name

    check_selectors(configured.select, configured.where("select"))
    check_selectors(configured.ignore, configured.where("ignore"))
    for pattern, codes in configured.per_file_ignores.items():
        check_selectors(codes, configured.where(f"per-file-ignores.{toml_key(pattern)}"))
    severities: dict[str, Severity] = {}
    options: dict[str, Options] = {}
    for table, key, value in (
        *(("severity", key, value) for key, value in configured.severity.items()),
        *(("rules", key, value) for key, value in configured.rule_options.items()),
    ):
        where = configured.where(f"{table}.{toml_key(key)}")
        rule = by_code_or_name(key)
        if rule is None:
            raise SettingsError(f"{where}: no such rule; `auroralint rules` lists them")
        chosen: dict[str, Any] = severities if table == "severity" else options
        if rule.code in chosen:
            raise SettingsError(f"{where}: {rule.code} ({rule.name}) is configured twice")
        chosen[rule.code] = value if table == "severity" else rule_options(rule, value, where)  # type: ignore[arg-type]
    return RuleSettings(severities, options)


def chosen_rules(
    select: tuple[str, ...] | None, ignore: tuple[str, ...], configured: FileSettings
) -> tuple[Rule, ...]:
    """The rules a run reports (``select`` and ``ignore`` from the command line, or None and
    empty), as ruff layers its settings.

    Within one layer (the configuration file, the command line) the more specific of a
    ``select`` and an ``ignore`` entry wins, a tie going to ``ignore``. ``--select`` replaces
    the file's ``select`` and ``ignore``; ``--ignore`` alone removes rules from what the file
    selects. The loading rules (``AUR0xx`` load rules of severity error) run unless ignored:
    a config that cannot be evaluated was not checked at all, and ``--select AUR1`` must not
    turn that into a clean report.
    """
    from auroralint.registry import all_rules

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
