"""Cluster profiles: ``[tool.auroralint.clusters.<name>]`` tables keyed by scheduler flag names.

An operator can copy values from the scheduler's command line: ``allowed_container_types``
takes ``"MESOS,DOCKER"`` as well as a list, ``tier_config`` and ``custom_executor_config`` take
the same JSON files the scheduler reads.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping
from typing import Any

from auroralint.context import ClusterProfile, Tier
from auroralint.settings import FileSettings, SettingsError, toml_key

_CONTAINER_TYPES = ("mesos", "docker")
_BOOLEANS = ("allow_docker_parameters", "allow_container_volumes", "allow_gpu_resource",
             "sla_aware_kill_non_prod")  # fmt: skip
_COUNTS = ("max_tasks_per_job", "max_update_instance_failures",
           "min_required_instances_for_sla_check", "max_sla_duration_secs")  # fmt: skip
_KEYS = (*_BOOLEANS, *_COUNTS, "allowed_container_types", "allowed_job_environments",
         "tiers", "default_tier", "tier_config", "custom_executors", "custom_executor_config")  # fmt: skip


def profiles_of(configured: FileSettings) -> dict[str, ClusterProfile]:
    where = configured.where("clusters")
    return {
        name: parse(table, f"{where}.{toml_key(name)}", configured.root)
        for name, table in configured.cluster_profiles.items()
    }


def parse(table: Mapping[str, Any], where: str, root: str) -> ClusterProfile:
    values: dict[str, Any] = {"configured": True}
    for key, value in table.items():
        if key not in _KEYS:
            raise SettingsError(f"{where}.{key}: unknown scheduler setting "
                                f"(known: {', '.join(sorted(_KEYS))})")  # fmt: skip
        if key in _BOOLEANS:
            if not isinstance(value, bool):
                raise SettingsError(f"{where}.{key}: expected true or false, got {value!r}")
            values[key] = value
        elif key in _COUNTS:
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise SettingsError(f"{where}.{key}: expected a non-negative integer, got {value!r}")
            values[key] = value
        elif key == "allowed_container_types":
            values[key] = _container_types(value, f"{where}.{key}")
        elif key == "allowed_job_environments":
            values[key] = _pattern(value, f"{where}.{key}")
        elif key in ("tiers", "tier_config"):
            document = _json_file(value, root, f"{where}.{key}") if key == "tier_config" else value
            tiers, default = _tiers(document, f"{where}.{key}")
            values["tiers"] = tiers
            if default:
                values.setdefault("default_tier", default)
        elif key == "default_tier":
            values[key] = _string(value, f"{where}.{key}")
        elif key == "custom_executors":
            values[key] = _names(value, f"{where}.{key}")
        elif key == "custom_executor_config":
            values["custom_executors"] = _executors(_json_file(value, root, f"{where}.{key}"),
                                                    f"{where}.{key}")  # fmt: skip
    profile = ClusterProfile(**values)
    if profile.default_tier not in profile.tiers:
        given = "default_tier" in values
        raise SettingsError(f"{where}.default_tier: {profile.default_tier!r}"
                            f"{'' if given else ' (the default)'} is not one of the tiers "
                            f"{', '.join(profile.tiers)}")  # fmt: skip
    return profile


def _string(value: Any, where: str) -> str:
    if not isinstance(value, str):
        raise SettingsError(f"{where}: expected a string, got {value!r}")
    return value


def _names(value: Any, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [part.strip() for part in value.split(",") if part.strip()]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise SettingsError(f"{where}: expected a list of strings, got {value!r}")
    return tuple(value)


def _container_types(value: Any, where: str) -> tuple[str, ...]:
    names = tuple(name.lower() for name in _names(value, where))
    for name in names:
        if name not in _CONTAINER_TYPES:
            raise SettingsError(f"{where}: {name!r} is not a container type (mesos, docker)")
    return names


def _pattern(value: Any, where: str) -> str:
    text = _string(value, where)
    try:
        re.compile(text)
    except re.error as error:
        raise SettingsError(f"{where}: not a regular expression: {error}") from None
    return text


def _json_file(value: Any, root: str, where: str) -> Any:
    path = os.path.join(root, _string(value, where))
    try:
        with open(path, encoding="utf-8") as handle:
            return json.load(handle)
    except (OSError, ValueError) as error:  # ValueError: not UTF-8, not JSON, a number too long
        raise SettingsError(f"{where}: cannot read {path}: {error}") from None
    except RecursionError:
        raise SettingsError(f"{where}: cannot read {path}: nested too deeply") from None


def _tiers(document: Any, where: str) -> tuple[dict[str, Tier], str]:
    """A tiers.json document (``{"default": ..., "tiers": {...}}``) or a bare tier table."""
    if isinstance(document, dict) and "tiers" in document:
        default = document.get("default", "")
        table = document["tiers"]
    else:
        default, table = "", document
    if not isinstance(table, dict) or not table:
        raise SettingsError(f"{where}: expected a table of tiers, got {table!r}")
    tiers = {}
    for name, flags in table.items():
        if not isinstance(flags, dict) or not all(
            isinstance(flags.get(flag, False), bool) for flag in ("preemptible", "revocable")
        ) or set(flags) - {"preemptible", "revocable"}:
            raise SettingsError(f"{where}.{name}: expected {{preemptible = bool, revocable = bool}}")
        tiers[name] = Tier(bool(flags.get("preemptible")), bool(flags.get("revocable")))
    return tiers, _string(default, f"{where}.default") if default else ""


def _executors(document: Any, where: str) -> tuple[str, ...]:
    """Executor names from a ``-custom_executor_config`` JSON array."""
    if not isinstance(document, list):
        raise SettingsError(f"{where}: expected a JSON array of executor configurations")
    names = []
    for entry in document:
        name = entry.get("executor", {}).get("name") if isinstance(entry, dict) else None
        if not isinstance(name, str):
            raise SettingsError(f"{where}: every entry needs executor.name")
        names.append(name)
    return tuple(names)

