"""Docker image references and the ``{{docker.image[name][tag]}}`` binder, shared by rules."""


import fnmatch
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, NamedTuple

from auroralint.patterns import lazy_pattern

if TYPE_CHECKING:
    from auroralint.job import JobView

DOCKER_HUB = "docker.io"
# Docker's grammar: lower-case path components separated by / (with . _ - inside), a tag of
# word characters, dots and dashes (at most 128), a digest algorithm:hex.
_COMPONENT = lazy_pattern(r"^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$")
_TAG = lazy_pattern(r"^[\w][\w.-]{0,127}$")
_DIGEST = lazy_pattern(r"^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[0-9a-fA-F]{32,}$")
_BINDER = lazy_pattern(r"\{\{docker\.image(?P<rest>(?:\[[^\]{}]*\]|\.[^{}\[\]]*)*)\}\}")
_INDEX = lazy_pattern(r"\[([^\]]*)\]")


# Images without bash: the Mesos containerizer runs every process as /bin/bash -c inside the
# image, and the Docker engine's executor needs a shell too.
NO_BASH = ("*:*alpine*", "alpine", "busybox", "scratch", "*distroless*")


class ImageRef(NamedTuple):
    """``registry/repository:tag@digest`` split into parts; missing parts are empty."""

    registry: str
    repository: str
    tag: str
    digest: str

    @property
    def official(self) -> bool:
        """A Docker Hub image named without a namespace (``python``, meaning library/python)."""
        return not self.registry and "/" not in self.repository

    @property
    def name(self) -> str:
        return f"{self.registry}/{self.repository}" if self.registry else self.repository

    @property
    def on_docker_hub(self) -> bool:
        return self.registry in ("", DOCKER_HUB, "index.docker.io", "registry-1.docker.io")

    @property
    def hub_path(self) -> str:
        """The repository as Docker Hub's registry API names it (``library/python``)."""
        return self.repository if "/" in self.repository else f"library/{self.repository}"

    def spellings(self) -> set[str]:
        """The ways to write this image's name: Docker Hub's ``python``, ``library/python``
        and ``docker.io/library/python`` are one image."""
        if not self.on_docker_hub:
            return {self.name}
        short = self.repository.removeprefix("library/")
        if "/" in short:
            return {short, f"{DOCKER_HUB}/{short}"}
        return {short, f"library/{short}", f"{DOCKER_HUB}/library/{short}"}

    def matches(self, patterns: Sequence[str]) -> bool:
        """Whether ``name:tag`` or ``name`` matches one of the globs, in any spelling."""
        tag = f":{self.tag}" if self.tag else ""
        names = {spelling + suffix for spelling in self.spellings() for suffix in (tag, "")}
        return any(fnmatch.fnmatchcase(name, pattern) for pattern in patterns for name in names)


def is_registry_host(component: str) -> bool:
    return "." in component or ":" in component or component == "localhost"


def parse_image(text: str) -> ImageRef | None:
    """Split an image reference, or None when it is not one (empty, spaces, ``{{refs}}``)."""
    text = text.strip()
    if not text or any(c.isspace() for c in text) or "{{" in text:
        return None
    rest, _, digest = text.partition("@")
    registry = ""
    first, slash, remainder = rest.partition("/")
    if slash and is_registry_host(first):
        registry, rest = first, remainder
    repository, colon, tag = rest.rpartition(":") if ":" in rest.rsplit("/", 1)[-1] else (rest, "", "")
    if not colon:
        repository, tag = rest, ""
    return ImageRef(registry, repository, tag, digest)


def repository_problem(repository: str) -> str:
    """Why ``repository`` is not a valid Docker repository path, or ``""`` when it is."""
    if not repository:
        return "the repository name is empty"
    if repository != repository.lower():
        return "Docker repository names must be lower case"
    for component in repository.split("/"):
        if not _COMPONENT.match(component):
            return f"{component!r} is not a valid repository path component"
    return ""


def tag_problem(tag: str) -> str:
    """Why ``tag`` is not a valid Docker tag, or ``""`` when it is."""
    if not _TAG.match(tag):
        return f"{tag!r} is not a valid Docker tag (letters, digits, _ . -, at most 128)"
    return ""


def digest_valid(digest: str) -> bool:
    return bool(_DIGEST.match(digest))


class Binder(NamedTuple):
    """One ``{{docker.image...}}`` in a string: its text, its indices, and where it is."""

    text: str  # the whole mustache
    address: str  # inside the braces: docker.image[...][...]
    indices: tuple[str, ...]  # the bracketed parts, in order
    well_formed: bool  # only [..] parts: no .name parts
    start: int

    @property
    def name(self) -> str:
        return self.indices[0] if len(self.indices) == 2 else ""

    @property
    def tag(self) -> str:
        return self.indices[1] if len(self.indices) == 2 else ""


def binders(text: str) -> Iterator[Binder]:
    for match in _BINDER.finditer(text):
        rest = match.group("rest")
        indices = tuple(_INDEX.findall(rest))
        well_formed = _INDEX.sub("", rest) == ""
        yield Binder(match.group(0), match.group(0)[2:-2], indices, well_formed, match.start())


_REF_INDEX = lazy_pattern(r"^[\w./-]+$")  # what pystachio's ref grammar allows inside [...]
_HUB_HOSTS = ("registry-1.docker.io", "index.docker.io", "registry.hub.docker.com", DOCKER_HUB)


def index_parses(index: str) -> bool:
    """Whether pystachio can parse ``[index]`` (no ``:``, ``@``, spaces...)."""
    return bool(_REF_INDEX.match(index)) and index.isascii()


# Registries whose one-dot names cannot be a namespace of a private registry.
_PUBLIC_REGISTRIES = frozenset({"docker.io", "index.docker.io", "registry-1.docker.io", "quay.io",
                                "gcr.io", "ghcr.io", "public.ecr.aws", "mcr.microsoft.com",
                                "registry.gitlab.com", "nvcr.io"})  # fmt: skip


def registry_host(name: str, registry_url: str | None = None) -> str:
    """The registry host a binder name starts with (``localhost:5000/app``), or ``""``.

    Docker reads a first component with a dot as a host, and Docker Hub's namespaces have no
    dots. A private ``registry_url`` may have dotted namespaces (``com.example/app``): there,
    only a port, ``localhost``, that registry's own host, a known public registry or a full
    domain name (two dots or more) make the first component a host.
    """
    first, slash, _ = name.partition("/")
    if not slash or not is_registry_host(first):
        return ""
    if registry_url is None or is_docker_hub(registry_url):
        return first
    own = _authority(registry_url)
    named = first.lower()
    certain = (":" in first or named == "localhost" or named in (own, own.rsplit(":", 1)[0])
               or named in _PUBLIC_REGISTRIES or first.count(".") >= 2)  # fmt: skip
    return first if certain else ""


def _authority(registry_url: str) -> str:
    """``host[:port]`` of a registry URL, lower-cased."""
    return registry_url.split("://", 1)[-1].split("/", 1)[0].lower()


def is_docker_hub(registry_url: str) -> bool:
    host = _authority(registry_url)
    return host in _HUB_HOSTS


class BinderUse(NamedTuple):
    """A binder in one of a job's text fields."""

    field: str
    binder: Binder
    occurrence: int  # among identical binders in that field
    written: bool  # False: produced by nested templating, so only the field can be pointed at


def binder_uses(job: "JobView") -> Iterator[BinderUse]:
    """Every ``{{docker.image...}}`` of a job: as written, then those bound values produced."""
    for field, text in job.raw_strings():
        seen: dict[str, int] = {}
        for binder in binders(text):
            seen[binder.text] = seen.get(binder.text, -1) + 1
            yield BinderUse(field, binder, seen[binder.text], True)
    for use in job.unbound_refs():
        text = job.get(use.field)
        if not use.written_here and isinstance(text, str):
            for binder in binders(text):
                if binder.address == use.address:
                    yield BinderUse(use.field, binder, 0, False)
                    break


class NamedImage(NamedTuple):
    """The image a ``Docker.image`` string names, and the binder naming it, if any."""

    ref: ImageRef
    binder: Binder | None


def named_image(text: str) -> NamedImage | None:
    """What ``text`` names: a plain reference, or the ``name:tag`` of a string that is one
    well-formed ``{{docker.image[name][tag]}}`` binder; None while other refs are unresolved."""
    found = list(binders(text))
    if len(found) == 1 and found[0].well_formed and text.strip() == found[0].text:
        ref = parse_image(f"{found[0].name}:{found[0].tag}") if found[0].name else None
        return NamedImage(ref, found[0]) if ref is not None else None
    ref = parse_image(text)
    return NamedImage(ref, None) if ref is not None else None
