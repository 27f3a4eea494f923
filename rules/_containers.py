"""The job's container as rules see it, and the schema-check findings container rules own.

Several rules look at the same few places (``container``, ``container.docker``,
``container.image``) and must agree on who reports what: a ``DockerImage`` given as
``container`` fails pystachio's type check too, but ``misplaced-container-image`` explains it
better than ``invalid-field-value`` can. The helpers here answer both questions once.
"""


from collections.abc import Iterator
from typing import Any, NamedTuple

from auroralint import JobView
from auroralint.patterns import lazy_pattern
from auroralint.rules._images import parse_image

IMAGE_STRUCTS = ("DockerImage", "AppcImage")
# The Job's Choice fields and the structs each takes (``container.image`` only under Mesos).
CHOICES = {
    "container": ("Container", "Docker", "Mesos"),
    "container.image": IMAGE_STRUCTS,
    "sla_policy": ("CoordinatorSlaPolicy", "CountSlaPolicy", "PercentageSlaPolicy"),
    "update_config.update_strategy": (
        "QueueUpdateStrategy", "BatchUpdateStrategy", "VariableBatchUpdateStrategy"),
}  # fmt: skip
# All Aurora's client prints for any invalid struct held by a Choice field (a pystachio bug).
CHOICE_CRASH = "Aurora only reports \"'NoneType' object has no attribute 'ok'\""
_LAST = lazy_pattern(r"(?:\.(\w+)|\[([^\]]*)\])$")


def split_field(path: str) -> tuple[str, str]:
    """``task.processes[0].cmdline`` -> (``task.processes[0]``, ``cmdline``)."""
    match = _LAST.search(path)
    if match is None:
        return "", path
    return path[: match.start()], match.group(1) or match.group(2)


def covers(field: str, path: str) -> bool:
    """Whether ``path`` is ``field`` or lies inside it."""
    return path == field or path.startswith((f"{field}.", f"{field}["))


def struct_name(job: JobView, path: str) -> str | None:
    """The struct type at ``path``, also when a struct sits in a scalar field (``Docker.image``)."""
    return job.kind(path)


def field_name(job: JobView, path: str) -> str:
    """``Resources.ram`` for ``task.resources.ram``: the nearest struct, then the rest."""
    parent = split_field(path)[0]
    while parent and struct_name(job, parent) is None:  # a list or a map: keep its index
        parent = split_field(parent)[0]
    rest = path[len(parent) :].lstrip(".")
    return f"{struct_name(job, parent) or 'Job'}{'' if rest.startswith('[') else '.'}{rest}"


def under_choice(path: str) -> bool:
    """Whether ``path`` lies inside a struct held by a Choice field, where Aurora crashes."""
    return any(covers(choice, path) and path != choice for choice in CHOICES)


def is_ref(value: Any) -> bool:
    return isinstance(value, str) and "{{" in value


def docker_fields(job: JobView) -> list[str]:
    """Where the job's ``Docker`` struct is: ``container``, or ``container.docker`` in Container."""
    if job.kind("container") == "Docker":
        return ["container"]
    if job.kind("container") == "Container" and job.kind("container.docker") == "Docker":
        return ["container.docker"]
    return []


def uses_thermos(job: JobView) -> bool:
    """Whether Aurora's own executor runs the job (no custom ``executor_config.name``)."""
    name = job.get("executor_config.name", "AuroraExecutor")
    return isinstance(name, str) and name == "AuroraExecutor"


class Misplaced(NamedTuple):
    """A value in an image slot it does not fit, or an image struct outside ``Mesos.image``."""

    field: str
    found: str  # what is there, as the config would write it
    fix: str  # the form to write instead
    other: str = ""  # the alternative form, for the hint


def _text(value: Any) -> str:
    return repr(value) if isinstance(value, str) else "..."


def _image_struct(kind: str, value: Any) -> str:
    values = value if isinstance(value, dict) else {}
    second = "tag" if kind == "DockerImage" else "image_id"
    return f"{kind}(name={_text(values.get('name'))}, {second}={_text(values.get(second))})"


def _from_string(text: str) -> tuple[str, str]:
    """(Mesos form, Docker form) for an image written as a ``name:tag`` string."""
    docker = f"container=Docker(image={text!r})"
    ref = parse_image(text)
    if ref is None or ref.digest:  # DockerImage takes no digest: only the Docker engine can
        return "", docker
    mesos = f"container=Mesos(image=DockerImage(name={ref.name!r}, tag={ref.tag or 'latest'!r}))"
    return mesos, docker


def _struct_fix(job: JobView, path: str, kind: str, value: Any) -> Misplaced:
    image = _image_struct(kind, value)
    mesos = f"container=Mesos(image={image})"
    values = value if isinstance(value, dict) else {}
    name, tag = values.get("name"), values.get("tag")
    docker = ""
    if kind == "DockerImage" and isinstance(name, str) and isinstance(tag, str):
        docker = f"Docker(image={name + ':' + tag!r})"
    parent, last = split_field(path)
    if last == "image" and parent in docker_fields(job) and docker:
        return Misplaced(path, image, docker, mesos)  # Docker.image takes the string itself
    return Misplaced(path, image, mesos, f"container={docker}" if docker else "")


def misplaced_images(job: JobView) -> list[Misplaced]:
    """Image structs outside ``Mesos(image=...)``, and ``Mesos.image``/``container`` given
    something that is no container or image (a ``Docker(...)``, a ``name:tag`` string)."""
    found: list[Misplaced] = []
    for path in _paths(job, job.data, ""):
        kind = struct_name(job, path)
        if kind not in IMAGE_STRUCTS or any(covers(f.field, path) for f in found):
            continue
        if path == "container.image" and job.kind("container") == "Mesos":
            continue
        found.append(_struct_fix(job, path, kind, job.get(path)))
    value = job.get("container.image")
    kind = struct_name(job, "container.image")
    if job.kind("container") == "Mesos" and value is not None and kind not in IMAGE_STRUCTS:
        if kind == "Docker" and isinstance(value, dict) and isinstance(value.get("image"), str):
            mesos, docker = _from_string(value["image"])
            shown = f"Docker(image={value['image']!r})"
            found.append(Misplaced("container.image", shown, mesos or docker, docker))
        elif isinstance(value, str) and not is_ref(value):
            mesos, docker = _from_string(value)
            found.append(Misplaced("container.image", repr(value), mesos or docker, docker))
        elif not is_ref(value):
            shown = f"{kind}(...)" if kind else repr(value)
            example = "container=Mesos(image=DockerImage(name=..., tag=...))"
            found.append(Misplaced("container.image", shown, example))
    value = job.get("container")
    if isinstance(value, str) and value.strip() and not is_ref(value):
        mesos, docker = _from_string(value)
        found.append(Misplaced("container", repr(value), docker, mesos))
    return found


def _paths(job: JobView, value: Any, path: str) -> Iterator[str]:
    yield path
    if isinstance(value, dict):
        struct = job.kind(path) is not None
        for key, child in value.items():
            inner = (f"{path}.{key}" if path else key) if struct else f"{path}[{key}]"
            yield from _paths(job, child, inner)
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _paths(job, child, f"{path}[{index}]")


def owned_fields(job: JobView) -> list[str]:
    """Fields whose type-check failures the container rules report better than the generic
    ones: misplaced images (misplaced-container-image), a Docker image left unset or None
    (docker-image-missing)."""
    owned = [misplaced.field for misplaced in misplaced_images(job)]
    owned += [f"{docker}.image" for docker in docker_fields(job)
              if job.get(f"{docker}.image") is None]  # fmt: skip
    return owned
