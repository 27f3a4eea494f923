"""Which files a run lints: ``*.aurora`` under the given paths, minus exclusions."""

from __future__ import annotations

import fnmatch
import os
import posixpath
from collections.abc import Iterator, Sequence
from typing import NamedTuple

CONFIG_SUFFIX = ".aurora"


def shown(path: str) -> str:
    """``path`` as reports show it: relative to the current directory when it is inside it."""
    path = os.path.normpath(path)
    if os.path.isabs(path):
        relative = os.path.relpath(path, os.getcwd())
        if not _outside(relative):
            return relative
    return path


def _outside(relative: str) -> bool:
    return relative == os.pardir or relative.startswith(os.pardir + os.sep)


def matches_any(path: str, patterns: Sequence[str], root: str) -> bool:
    """Whether ``path`` or one of its parent directories matches a glob of ``patterns``.

    Patterns are matched against the path relative to ``root`` (the configuration file's
    directory) and, for patterns written without a ``/``, against each path component, so
    ``legacy`` excludes every directory named legacy (but ``./legacy`` only the one in root).
    """
    if not patterns:
        return False
    from_root = os.path.relpath(os.path.abspath(path), os.path.abspath(root))
    relative = os.path.normpath(path) if _outside(from_root) else from_root
    parts = relative.replace(os.sep, "/").split("/")
    prefixes = _prefixes(relative)
    for written in patterns:
        pattern = _relative_pattern(written, root)
        if not pattern:
            continue
        if pattern.startswith("../"):  # beside the configuration file's directory
            if any(fnmatch.fnmatchcase(prefix, pattern) for prefix in _prefixes(from_root)):
                return True
        elif _anchored(written):
            if any(fnmatch.fnmatchcase(prefix, pattern) for prefix in prefixes):
                return True
        elif any(fnmatch.fnmatchcase(part, pattern) for part in parts):
            return True
    return False


def _prefixes(relative: str) -> list[str]:
    parts = relative.replace(os.sep, "/").split("/")
    return ["/".join(parts[: index + 1]) for index in range(len(parts))]


def _anchored(pattern: str) -> bool:
    """Whether a pattern names a path from the root (`a/b`, `./a`, `/abs/a`, `../x/a`), not a
    name to find at any depth (`a`, `a/`)."""
    return "/" in pattern.replace(os.sep, "/").rstrip("/")


def _relative_pattern(pattern: str, root: str) -> str:
    if os.path.isabs(pattern):
        pattern = os.path.relpath(pattern, os.path.abspath(root))
    pattern = pattern.replace(os.sep, "/").rstrip("/")
    if not pattern:
        return ""
    pattern = posixpath.normpath(pattern)  # `./a`, `a//b` and `a/../b` as the paths they name
    if pattern.startswith("../"):  # it may lead back inside: `../conf/legacy` from conf/
        absolute = os.path.normpath(os.path.join(os.path.abspath(root), pattern))
        pattern = os.path.relpath(absolute, os.path.abspath(root)).replace(os.sep, "/")
    return "" if pattern == "." else pattern


class Collected(NamedTuple):
    files: list[str]
    unlisted: list[tuple[str, str]]  # (directory, why) for directories that could not be read


def collect(paths: Sequence[str], exclude: Sequence[str], root: str) -> Collected:
    """Files to lint, in a stable order; named files are kept whatever their suffix."""
    found: dict[str, None] = {}
    unlisted: list[tuple[str, str]] = []
    for given in paths:
        path = shown(given)
        if os.path.isdir(path):
            for file in _configs_under(path, exclude, root, unlisted):
                found.setdefault(file, None)
        elif not matches_any(path, exclude, root):
            found.setdefault(path, None)
    return Collected(list(found), unlisted)


def _configs_under(
    directory: str, exclude: Sequence[str], root: str, unlisted: list[tuple[str, str]]
) -> Iterator[str]:
    def skipped(error: OSError) -> None:  # a directory we may not list hides configs: say so
        where = os.path.normpath(error.filename or directory)
        unlisted.append((where, error.strerror or str(error)))

    for current, directories, files in os.walk(directory, onerror=skipped):
        directories[:] = sorted(
            name
            for name in directories
            if not name.startswith(".") and not matches_any(os.path.join(current, name), exclude, root)
        )
        for name in sorted(files):
            file = os.path.normpath(os.path.join(current, name))
            if name.endswith(CONFIG_SUFFIX) and not matches_any(file, exclude, root):
                yield file
