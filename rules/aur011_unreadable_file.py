"""A file given to auroralint cannot be read as an Aurora config.

Missing files, directories given as ``FILE`` arguments, binary files, files that are not UTF-8
text (or the encoding a ``# coding:`` line declares) and files larger than the limit (4 MiB)
are reported here instead of being executed; so is a directory auroralint may not list, since
the configs in it go unchecked.

Options:
    none

Bad::

    jobs = [job]\x00  # expect: AUR011

Good::

    jobs = [job]
"""

from __future__ import annotations

from collections.abc import Iterator

from auroralint import Finding, LoadFailure, load_rule
from auroralint.loader import UnreadableFile


@load_rule("AUR011", "unreadable-file", "error")
def classify(failure: LoadFailure) -> Iterator[Finding]:
    if isinstance(failure.error, UnreadableFile):
        yield Finding(str(failure.error),
                      hint="exclude files that are not Aurora configs with --exclude or `exclude`")
