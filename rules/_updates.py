"""Typed reads of the numbers the update and health-check rules compare, and job facts they share.

A number the config wrote as an unbound ``{{ref}}`` arrives as a string: these helpers return
None for it (and for booleans, which Python counts as integers), so rules stay silent on values
they cannot know.
"""

from __future__ import annotations

from typing import Any

from auroralint import JobView

# The client's share of instances a dedicated job must tolerate failing during an update.
DEDICATED_FAILURE_SHARE = 0.02


def whole(value: Any) -> int | None:
    """``value`` if it is an integer (not a boolean), else None."""
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def integer(job: JobView, path: str) -> int | None:
    return whole(job.get(path))


def number(job: JobView, path: str) -> int | float | None:
    """An Integer or Float field's value, or None when it is unset or not a number."""
    value = job.get(path)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    return None


def dedicated(job: JobView) -> bool:
    """Whether the job asks for dedicated hosts (a ``dedicated`` key in ``constraints``)."""
    constraints = job.get("constraints")
    return isinstance(constraints, dict) and "dedicated" in constraints
