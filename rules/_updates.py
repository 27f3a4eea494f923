"""Job facts shared by the update rules and the static-port rule.

Numbers are read with :func:`auroralint.rules._scheduler.integer` and ``number``, which give
None for unset fields, booleans and values still holding an unbound ``{{ref}}``.
"""

from __future__ import annotations

from auroralint import JobView

# The share of instances a dedicated job must tolerate failing during an update (client rule).
DEDICATED_FAILURE_SHARE = 0.02


def dedicated(job: JobView) -> bool:
    """Whether the job asks for dedicated hosts: a ``dedicated`` key in ``constraints``.

    Aurora's client looks at the key only, so a value still holding a ``{{ref}}`` counts.
    """
    constraints = job.get("constraints")
    return isinstance(constraints, dict) and "dedicated" in constraints
