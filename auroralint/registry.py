"""Find the rules: one module per rule in ``auroralint.rules``, each holding one ``Rule``."""

from __future__ import annotations

import os
import sys
from functools import cache
from importlib.machinery import ModuleSpec, SourceFileLoader
from types import CodeType, ModuleType

from auroralint.rule import Rule
from auroralint.rulecache import code_objects


class RegistryError(Exception):
    pass


@cache
def all_rules() -> tuple[Rule, ...]:
    import auroralint.rules as package

    rules: list[Rule] = []
    files = sorted(
        (name, os.path.join(directory, name))
        for directory in package.__path__
        for name in os.listdir(directory)
        if name.endswith(".py") and not name.startswith("_")
    )
    names = [(f"{package.__name__}.{name[:-3]}", path) for name, path in files]
    for (name, path), code in zip(names, code_objects(names)):
        module = _load(name, path, code)
        found = [value for value in vars(module).values() if isinstance(value, Rule)]
        if len(found) != 1:
            raise RegistryError(f"{module.__name__} defines {len(found)} rules, expected one")
        rules.append(found[0])
    _check_unique(rules)
    return tuple(sorted(rules, key=lambda rule: rule.code))


def _load(name: str, path: str, code: CodeType) -> ModuleType:
    """Run one rule module's code as the module ``name`` (see ``rulecache``)."""
    module = sys.modules.get(name)
    if module is None:
        # What the import system would set, without its per-module bookkeeping (the cached
        # bytecode path, computed for each of eighty modules, that nothing here reads).
        loader = SourceFileLoader(name, path)
        module = ModuleType(name)
        module.__file__ = path
        module.__loader__ = loader
        module.__package__ = name.rpartition(".")[0]
        module.__spec__ = ModuleSpec(name, loader, origin=path)
        module.__spec__.has_location = True
        sys.modules[name] = module
        try:
            exec(code, module.__dict__)
        except BaseException:
            del sys.modules[name]
            raise
    return module


def _check_unique(rules: list[Rule]) -> None:
    for attribute in ("code", "name"):
        seen: dict[str, Rule] = {}
        for rule in rules:
            key = getattr(rule, attribute)
            if key in seen:
                raise RegistryError(f"rules {seen[key].code} and {rule.code} share the {attribute} {key!r}")
            seen[key] = rule


def by_code_or_name(key: str) -> Rule | None:
    wanted = key.upper() if key.upper().startswith("AUR") else key
    for rule in all_rules():
        if wanted in (rule.code, rule.name):
            return rule
    return None
