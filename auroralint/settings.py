"""``[tool.auroralint]`` in the nearest ``pyproject.toml`` (or ``auroralint.toml``), validated.

Every key is checked: an unknown key or a value of the wrong type is a ``SettingsError`` that
names the key, and the CLI exits with status 2. Paths are relative to the configuration file.
"""


import os
import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, NamedTuple

from auroralint.diagnostic import SEVERITIES, Severity, bounded
from auroralint.files import shown
from auroralint.rule import OptionValue


class SettingsError(Exception):
    pass


_EMPTY: Mapping[str, Any] = MappingProxyType({})
MAX_SECONDS = 86400  # for timeout: a day
MAX_MIB = 1 << 20  # for memory-limit: a TiB


class FileSettings(NamedTuple):
    """What a configuration file says; every field has the default of an absent file."""

    source: str = ""  # the file read, if any
    select: tuple[str, ...] = ("AUR",)
    ignore: tuple[str, ...] = ()
    per_file_ignores: Mapping[str, tuple[str, ...]] = _EMPTY
    exclude: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = _EMPTY
    rule_options: Mapping[str, Mapping[str, OptionValue]] = _EMPTY
    clusters_file: str = ""
    cluster_profiles: Mapping[str, Mapping[str, Any]] = _EMPTY
    env: Mapping[str, str] = _EMPTY
    prelude: tuple[str, ...] = ()
    timeout: float | None = None
    memory_limit: int | None = None
    prefix: str = ""  # where the table sits in the file: "tool.auroralint" in a pyproject.toml

    def where(self, key: str) -> str:
        """How messages name ``key`` of this file: ``pyproject.toml: tool.auroralint.KEY``."""
        return _Where(self.source, self.prefix)(key) if self.source else key

    @property
    def root(self) -> str:
        """The directory paths in the file are relative to."""
        return os.path.dirname(os.path.abspath(self.source)) if self.source else os.getcwd()


def _text(path: str) -> str:
    with open(path, encoding="utf-8") as handle:
        return handle.read()


def discover(start: str) -> str | None:
    """The nearest ``auroralint.toml``, or ``pyproject.toml`` with a ``[tool.auroralint]``.

    In one directory ``auroralint.toml`` wins; a ``pyproject.toml`` that does not configure
    auroralint is passed over, and the search goes on upwards.
    """
    directory = os.path.abspath(start)
    while True:
        dedicated = os.path.join(directory, "auroralint.toml")
        if os.path.isfile(dedicated):
            return dedicated
        pyproject = os.path.join(directory, "pyproject.toml")
        if os.path.isfile(pyproject) and _configures_auroralint(pyproject):
            return pyproject
        parent = os.path.dirname(directory)
        if parent == directory:
            return None
        directory = parent


def _configures_auroralint(pyproject: str) -> bool:
    try:
        text = _text(pyproject)
    except UnicodeDecodeError:
        return False  # not TOML at all
    except OSError as error:
        # It may be ours, or a stranger's file above the repository: pass it over, but say so.
        import sys

        sys.stderr.write(f"auroralint: warning: passing over {shown(pyproject)}, which cannot be "
                         f"read ({error.strerror or error}); --config names a file to use\n")  # fmt: skip
        return False
    if "auroralint" not in text:  # most pyproject.toml files: no TOML parser needed
        return False
    import tomllib

    try:
        document = tomllib.loads(text)
    except (ValueError, RecursionError):  # TOMLDecodeError, a number too long, deep nesting
        # Broken TOML that looks like ours: read() will say what is wrong with it.
        return "[tool.auroralint" in text
    tool = document.get("tool")
    return isinstance(tool, dict) and "auroralint" in tool


def read(path: str) -> FileSettings:
    import tomllib

    display = shown(path)
    try:
        document = tomllib.loads(_text(path))
    except (OSError, UnicodeDecodeError) as error:
        raise SettingsError(f"{display}: cannot read: {error}") from None
    except ValueError as error:  # TOMLDecodeError, or a number too long for Python to read
        raise SettingsError(f"{display}: invalid TOML: {error}") from None
    except RecursionError:
        raise SettingsError(f"{display}: invalid TOML: nested too deeply to read") from None
    if os.path.basename(path) == "pyproject.toml":
        tool = document.get("tool", {})
        if not isinstance(tool, dict):
            raise SettingsError(f"{display}: tool: expected a table, got {kind_of(tool)}")
        table = tool.get("auroralint", {})
        prefix = "tool.auroralint"
        if not isinstance(table, dict):
            raise SettingsError(f"{display}: {prefix}: expected a table, got {kind_of(table)}")
    else:
        table, prefix = document, ""
    return parse(table, display, prefix)


_KEYS = {
    "select", "ignore", "per-file-ignores", "exclude", "severity", "rules", "clusters-file",
    "clusters", "env", "prelude", "timeout", "memory-limit",
}  # fmt: skip


def parse(table: Mapping[str, Any], path: str, prefix: str = "") -> FileSettings:
    where = _Where(path, prefix)
    for key in table:
        if key not in _KEYS:
            if key == "tool" and not prefix:
                raise SettingsError(f"{where(key)}: unknown setting: [tool.auroralint] is read from "
                                    "a file named pyproject.toml; this file's settings go at its "
                                    "top level")  # fmt: skip
            raise SettingsError(f"{where(key)}: unknown setting (known: {', '.join(sorted(_KEYS))})")
    base = os.path.dirname(path)
    return FileSettings(
        source=path,
        select=_strings(table, "select", where, ("AUR",)),
        ignore=_strings(table, "ignore", where, ()),
        per_file_ignores={
            pattern: string_list(codes, where(f"per-file-ignores.{toml_key(pattern)}"))
            for pattern, codes in _table(table, "per-file-ignores", where).items()
        },
        exclude=_strings(table, "exclude", where, ()),
        severity={key: _severity(value, where(f"severity.{toml_key(key)}"))
                  for key, value in _table(table, "severity", where).items()},  # fmt: skip
        rule_options={
            key: dict(_table_value(value, where(f"rules.{toml_key(key)}")))
            for key, value in _table(table, "rules", where).items()
        },
        clusters_file=shown(os.path.join(base, _string(table["clusters-file"], where("clusters-file"))))
        if "clusters-file" in table
        else "",
        cluster_profiles={
            name: dict(_table_value(value, where(f"clusters.{toml_key(name)}")))
            for name, value in _table(table, "clusters", where).items()
        },
        env={key: _string(value, where(f"env.{toml_key(key)}"))
             for key, value in _table(table, "env", where).items()},  # fmt: skip
        prelude=tuple(shown(os.path.join(base, item)) for item in _strings(table, "prelude", where, ())),
        timeout=_number(table, "timeout", where),
        memory_limit=_integer(table, "memory-limit", where),
        prefix=prefix,
    )


_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


def toml_key(key: str) -> str:
    """``key`` as TOML writes it in a dotted key: quoted unless it is a bare key."""
    if _BARE_KEY.match(key):
        return key
    return '"' + key.replace("\\", "\\\\").replace('"', '\\"') + '"'


class _Where:
    def __init__(self, path: str, prefix: str) -> None:
        self.path, self.prefix = path, prefix

    def __call__(self, key: str) -> str:
        return f"{self.path}: {self.prefix + '.' if self.prefix else ''}{key}"


def _string(value: Any, where: str) -> str:
    if not isinstance(value, str):
        raise SettingsError(f"{where}: expected a string, got {kind_of(value)}")
    return value


def string_list(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise SettingsError(f"{where}: expected a list of strings, got {kind_of(value)}")
    return tuple(value)


def _strings(table: Mapping[str, Any], key: str, where: _Where, default: tuple[str, ...]) -> tuple[str, ...]:
    return string_list(table[key], where(key)) if key in table else default


def _table(table: Mapping[str, Any], key: str, where: _Where) -> Mapping[str, Any]:
    return _table_value(table.get(key, {}), where(key))


def _table_value(value: Any, where: str) -> Mapping[str, Any]:
    if not isinstance(value, dict):
        raise SettingsError(f"{where}: expected a table, got {kind_of(value)}")
    return value


def _severity(value: Any, where: str) -> Severity:
    if value not in SEVERITIES:
        raise SettingsError(f"{where}: expected one of {', '.join(SEVERITIES)}, got {value!r}")
    return value  # type: ignore[no-any-return]


def _number(table: Mapping[str, Any], key: str, where: _Where) -> float | None:
    if key not in table:
        return None
    value = table[key]
    # Compared, not converted: nan and inf fail the range, and an integer of hundreds of
    # digits is too large for a float.
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= MAX_SECONDS:
        raise SettingsError(f"{where(key)}: expected a positive number up to {MAX_SECONDS:g}, "
                            f"got {bounded(repr(value), 60)}")  # fmt: skip
    return float(value)


def _integer(table: Mapping[str, Any], key: str, where: _Where) -> int | None:
    if key not in table:
        return None
    value = table[key]
    if isinstance(value, bool) or not isinstance(value, int) or not 0 < value <= MAX_MIB:
        raise SettingsError(f"{where(key)}: expected a positive integer up to {MAX_MIB}, "
                            f"got {bounded(repr(value), 60)}")  # fmt: skip
    return value


def kind_of(value: Any) -> str:
    return {bool: "a boolean", int: "an integer", float: "a number", str: "a string",
            list: "a list", dict: "a table"}.get(type(value), type(value).__name__)  # fmt: skip
