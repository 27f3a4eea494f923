"""Random jobs built from the schema, written out as a config and loaded back, are unchanged.

The strategy walks the schema's type maps, so every struct, field type, list, map and choice of
the Aurora schema can appear; the config text is rendered from the object, the way a user
would write it. Loading it back must give ``inspect`` JSON equal to the object's own ``get()``.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pystachio import Boolean, Empty, Float, Integer, String
from pystachio.basic import EnumContainer
from pystachio.choice import ChoiceContainer
from pystachio.composite import Structural
from pystachio.container import ListContainer, MapContainer

from auroralint.job import prepare
from auroralint.loader import LoadSettings, evaluate
from auroralint.schema import base_namespace

SCHEMA = base_namespace()
# Text without braces: mustaches would make interpolation, not loading, the subject.
TEXT = st.text(st.characters(blacklist_characters="{}", blacklist_categories=("Cs",)), max_size=12)
FLOATS = st.floats(allow_nan=False, allow_infinity=False, width=64)
# A number or flag left to a {{ref}} nobody binds: it stays text, and fails the type check.
UNBOUND = st.sampled_from(["{{unset_value}}", "{{profile.flag}}"])
# Fields whose schema default is a template: set them, so get() holds no {{refs}}.
TEMPLATED = {"MesosJob": ("name",), "Task": ("name",), "Announcer": ("portmap",)}


def values(klass: type, depth: int) -> st.SearchStrategy[Any]:
    """Plain Python values (what a config writes) for a pystachio type."""
    if issubclass(klass, EnumContainer):
        return st.sampled_from(klass.VALUES)
    if klass is String or issubclass(klass, String):
        return TEXT
    if issubclass(klass, Boolean):
        return st.booleans() | UNBOUND
    if issubclass(klass, Integer):
        return st.integers(min_value=-(2**40), max_value=2**40) | UNBOUND
    if issubclass(klass, Float):
        return FLOATS | UNBOUND
    if issubclass(klass, ListContainer):
        return st.lists(values(klass.TYPE, depth + 1), max_size=0 if depth > 3 else 3)
    if issubclass(klass, MapContainer):
        return st.dictionaries(values(klass.KEYTYPE, depth + 1), values(klass.VALUETYPE, depth + 1),
                               max_size=3)
    if issubclass(klass, ChoiceContainer):
        return st.one_of([values(alternative, depth + 1) for alternative in klass.CHOICES])
    if issubclass(klass, Structural):
        return structs(klass, depth)
    raise AssertionError(f"no strategy for {klass}")


def structs(klass: type, depth: int) -> st.SearchStrategy[Any]:
    required = set(TEMPLATED.get(klass.__name__, ()))
    fields = {
        name: values(signature.klazz, depth + 1)
        for name, signature in klass.TYPEMAP.items()
        if depth < 4 or signature.required or name in required
    }
    forced = {name: strategy for name, strategy in fields.items() if name in required}
    optional = {name: strategy for name, strategy in fields.items() if name not in required}
    return st.fixed_dictionaries(forced, optional=optional).map(lambda kw: klass(**kw))


def source(value: Any) -> str:
    """Python source that builds ``value`` with the config namespace's names."""
    if isinstance(value, ChoiceContainer):
        return source(value._value)
    if isinstance(value, Structural):
        name = "Job" if type(value).__name__ == "MesosJob" else type(value).__name__
        assert name in SCHEMA, name
        arguments = ", ".join(
            f"{field}={source(child)}"
            for field, child in value._schema_data.items()
            if child is not Empty
        )
        return f"{name}({arguments})"
    if isinstance(value, ListContainer):
        return "[" + ", ".join(source(child) for child in value._values) + "]"
    if isinstance(value, MapContainer):
        return "{" + ", ".join(f"{source(k)}: {source(v)}" for k, v in value._map) + "}"
    if hasattr(value, "_value"):
        return source(value._value)
    if isinstance(value, float):
        return repr(value) if math.isfinite(value) else f"float({str(value)!r})"
    return repr(value)


def plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    return value


JOBS = structs(SCHEMA["Job"], 0)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(job=JOBS)
def test_written_jobs_load_back_unchanged(job: Any, tmp_path_factory: Any) -> None:
    config = Path(tmp_path_factory.mktemp("property")) / "random.aurora"
    config.write_text(f"jobs = [{source(job)}]\n", encoding="utf-8")
    evaluation = evaluate(str(config), LoadSettings())
    assert evaluation.error is None, evaluation.error
    (loaded,) = [prepare(index, raw, ()) for index, raw in enumerate(evaluation.jobs)]
    assert loaded.error is None, loaded.error
    assert loaded.data == plain(job.get())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(job=JOBS)
def test_type_check_of_the_interpolated_job_agrees_with_pystachio(job: Any) -> None:
    from auroralint.typecheck import type_problems

    interpolated, _ = job.interpolate()
    fast = sorted(type_problems(job, interpolated))
    slow = sorted(type_problems(job))
    assert fast == slow
