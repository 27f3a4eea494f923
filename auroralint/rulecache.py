"""The rule modules' bytecode in one file, so that a run reads one file instead of eighty.

Importing a small module costs more in the import system (finding, opening, reading and
validating its ``.pyc``) than running it does, and a pre-commit hook pays that for every rule
on every commit. The bundle holds each rule module's code object next to the path, size and
modification time of its source; when any of them differs the rules are loaded the usual way
and the bundle is written again (where bytecode may be written at all).
"""

from __future__ import annotations

import marshal
import os
import sys
from collections.abc import Sequence
from importlib.machinery import SourceFileLoader
from importlib.util import MAGIC_NUMBER
from types import CodeType

_HEADER = MAGIC_NUMBER + b"auroralint-rules-1\n"

Stamp = tuple[str, int, int]  # source path, modification time (ns), size


def code_objects(files: Sequence[tuple[str, str]]) -> list[CodeType]:
    """The code of each ``(module name, source path)``, from the bundle when it is current."""
    if not files:
        return []
    stamps = [_stamp(path) for _, path in files]
    bundle = os.path.join(os.path.dirname(files[0][1]), "__pycache__",
                          f"auroralint-rules.{sys.implementation.cache_tag}.bundle")  # fmt: skip
    cached = _read(bundle, stamps)
    if cached is not None:
        return cached
    codes = []
    for name, path in files:
        code = SourceFileLoader(name, path).get_code(name)
        assert code is not None
        codes.append(code)
    if not sys.dont_write_bytecode:
        _write(bundle, stamps, codes)
    return codes


def _stamp(path: str) -> Stamp:
    status = os.stat(path)
    return (path, status.st_mtime_ns, status.st_size)


def _read(bundle: str, stamps: list[Stamp]) -> list[CodeType] | None:
    try:
        with open(bundle, "rb") as handle:
            data = handle.read()
        if not data.startswith(_HEADER):
            return None
        saved, codes = marshal.loads(data[len(_HEADER) :])
    except (OSError, EOFError, ValueError, TypeError):
        return None  # missing, unreadable or from another version: load the usual way
    if [tuple(stamp) for stamp in saved] != stamps or len(codes) != len(stamps):
        return None
    return list(codes)


def _write(bundle: str, stamps: list[Stamp], codes: list[CodeType]) -> None:
    temporary = f"{bundle}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(bundle), exist_ok=True)
        with open(temporary, "wb") as handle:
            handle.write(_HEADER + marshal.dumps((stamps, codes)))
        os.replace(temporary, bundle)  # readers see the old bundle or the new one, never half
    except OSError:  # a read-only installation: every run loads the usual way
        try:
            os.unlink(temporary)
        except OSError:
            pass
