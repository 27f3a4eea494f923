"""Mustache refs as Aurora treats them: run-time namespaces, where they are bound, their grammar."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from auroralint import Finding, suggest
from auroralint.model import split
from auroralint.patterns import lazy_pattern
from auroralint.refs import MUSTACHE, UnboundRef, mustaches
from auroralint.rules._images import binders
from auroralint.rules._ports import PORT_ADDRESS

# Bound on the agent (executor and Thermos runner), never by the client.
RUNTIME = ("mesos.instance", "mesos.hostname", "thermos.task_id")
_PORT_LIKE = lazy_pattern(r"^thermos\.ports?(?:\[(?P<index>[^\]]+)\]|\.(?P<name>\w+))$")
# The parts of a job the executor interpolates at launch; elsewhere the literal text stays.
EXECUTOR_FIELDS = ("task", "announce", "health_check_config", "lifecycle")
# Accepted but never sent (the client always sends `{}`, AURORA-739): nothing reaches the
# scheduler, and the client's unbound-variables check lets run-time refs through anywhere.
NEVER_SENT_FIELDS = ("task_links",)
# pystachio's ref parts: `.name` and `[index]`.
_PART = lazy_pattern(r"\.[^\d\W]\w*|\[[\w./-]+\]")


def is_runtime(address: str) -> bool:
    return address in RUNTIME or bool(PORT_ADDRESS.fullmatch(address))


def _top(field: str) -> str:
    return (split(field) or [""])[0]


def interpolated_on_agent(field: str) -> bool:
    return _top(field) in EXECUTOR_FIELDS


def runtime_ref_harmless(field: str) -> bool:
    """Whether a run-time ref (``{{mesos.hostname}}``) in ``field`` does no harm."""
    return _top(field) in (*EXECUTOR_FIELDS, *NEVER_SENT_FIELDS)


def is_binder(address: str) -> bool:
    """A ``{{docker.image...}}`` ref, the Docker binder rules' business, well formed or not."""
    return any(True for _ in binders("{{" + address + "}}"))


def runtime_spelling(address: str) -> str:
    """The run-time ref a misspelt one stands for (``thermos.port[http]``), or ``""``."""
    port = _PORT_LIKE.match(address)
    if port:
        fixed = f"thermos.ports[{port.group('index') or port.group('name')}]"
        return fixed if fixed != address else ""
    if address.split(".")[0] in ("mesos", "thermos"):
        return suggest.closest(address, RUNTIME)
    return ""


def closest(address: str, names: Iterable[str], field: str = "") -> str:
    """The name in scope ``address`` most likely misspells, or ``""``. Names reaching ``field``
    itself (``image_id`` inside ``AppcImage.image_id``) would refer to themselves: never those."""
    candidates = [name for name in names
                  if name != address and name != field and not field.endswith("." + name)]
    return suggest.closest(address, candidates)


def count_written(text: str, address: str) -> int:
    """How many times ``{{address}}`` (unescaped) is written in ``text``."""
    return sum(1 for found, escaped in mustaches(text) if found == address and not escaped)


def grammar_problem(address: str) -> str:
    """Why pystachio's ref grammar refuses ``address`` (ask ``refs.valid_address`` first)."""
    if address != address.strip() or any(c.isspace() for c in address):
        return "spaces are not allowed inside the braces"
    if not re.match(r"[A-Za-z_.[]", address):
        return "a ref must start with a letter or `_`"
    rest = address if address[0] in ".[" else "." + address
    while rest:
        part = _PART.match(rest)
        if part is None:
            break
        rest = rest[part.end() :]
    if rest.startswith("["):
        index = rest.split("]")[0] + "]"
        return f"`{index}` is not an index: only letters, digits and `_ . / -` go in []"
    if rest == ".":
        return "a ref cannot end with `.`"
    if rest.startswith("."):
        return f"`{rest[:2]}`: a name part must start with a letter or `_`"
    return f"`{rest[:1] or address}` cannot appear in a ref"


def unclosed(text: str) -> list[tuple[str, int]]:
    """Each ``{{`` that never closes (pystachio leaves it as literal text), as the text from it
    to the next space and which occurrence of that text in ``text`` it is."""
    masked, previous = text, None
    while previous != masked:  # innermost first, as nested templates resolve; keep offsets
        previous = masked
        masked = MUSTACHE.sub(lambda match: "\0" * len(match.group(0)), masked)
    found = []
    for match in re.finditer(r"\{\{", masked):
        fragment = re.match(r"\S{1,24}", text[match.start() :])
        shown = fragment.group(0) if fragment else "{{"
        found.append((shown, _count(text[: match.start()], shown)))
    return found


def _count(text: str, fragment: str) -> int:
    """Appearances of ``fragment`` in ``text``, overlapping ones included."""
    return sum(1 for start in range(len(text)) if text.startswith(fragment, start))


def at_each_use(use: UnboundRef, written: str, message: str, hint: str) -> Iterator[Finding]:
    """A finding at every place the config writes ``use``'s mustache in its field, or at the
    field when the ref came in through a bound value."""
    if not use.written_here:  # produced by nested templating: the field is all we know
        yield Finding(f"{message} (it comes from a bound value)", field=use.field, hint=hint)
        return
    for occurrence in range(max(1, count_written(written, use.address))):
        yield Finding(message, field=use.field, hint=hint, ref=use.address, occurrence=occurrence)
