"""Where a field of a job was written: the keyword that set it, through templates and helpers.

A rule names a field path (``task.processes[1].cmdline``). We follow the path through the raw
pystachio objects, find the struct whose construction (or template call) set the field, and
look up that call's keyword in the syntax tree. Elements of list and dict literals, mustaches
inside strings and helper-function parameters are followed to the exact expression.
"""


import ast
from collections.abc import Sequence
from types import CodeType
from typing import Any, NamedTuple

from auroralint import model
from auroralint.diagnostic import Related
from auroralint.origins import CodePoint, Origin, Recorder
from auroralint.sourcemap import SourceFile, Sources, Span, byte_span

_COMPREHENSIONS = frozenset({"<listcomp>", "<dictcomp>", "<setcomp>", "<genexpr>"})


class Location(NamedTuple):
    span: Span
    related: tuple[Related, ...] = ()


class _Expression(NamedTuple):
    source: SourceFile
    node: ast.AST
    code: CodeType  # the code running ``node``
    outer: tuple[CodePoint, ...]  # the call sites that led into ``code``
    exact: bool  # the node is the value itself, not an enclosing keyword or list
    keyword: ast.keyword | None = None  # reported instead of ``node`` when it is its value


class Locator:
    def __init__(self, recorder: Recorder, sources: Sources) -> None:
        self.recorder = recorder
        self.sources = sources

    def chain(self, points: Sequence[CodePoint], inner: CodeType | None = None) -> tuple[Related, ...]:
        """The outer call sites as notes; ``inner`` is the code the first of them called."""
        related = []
        for point in points:
            called_comprehension = inner is not None and inner.co_name in _COMPREHENSIONS
            inner = point.code
            if called_comprehension:
                continue  # the call that started a comprehension adds nothing
            span = self.sources.span_of(point)
            if span is None:
                continue
            found = self.sources.call_of(point)
            called = found and isinstance(found[1].func, ast.Name) and found[1].func.id
            related.append(Related(span, "included from" if called == "include" else "called from"))
        return _shortened(related)

    def at(self, points: Sequence[CodePoint]) -> Location | None:
        for index, point in enumerate(points):
            span = self.sources.span_of(point)
            if span is not None:
                return Location(span, self.chain(points[index + 1 :], point.code))
        return None

    def site(self, origin: Origin) -> Location | None:
        return self.at(origin.sites)

    def keyword(self, point: CodePoint, name: str) -> Span | None:
        """The span of keyword argument ``name`` in the call in progress at ``point``."""
        found = self.sources.call_of(point)
        if found is None:
            return None
        source, call = found
        for keyword in call.keywords:
            if keyword.arg == name:
                return source.span(byte_span(keyword))
        return None

    def site_of(self, obj: Any) -> Location | None:
        origin = self.recorder.origin(model.unwrap(obj))
        return self.site(origin) if origin is not None else None

    def is_explicit(self, root: Any, path: str) -> bool:
        """Whether a call in the config set ``path``, rather than a schema default."""
        steps = _steps(root, path)
        if not steps or steps[-1][2] is None:
            return False
        for parent, component, _ in reversed(steps):
            origin = self.recorder.origin(parent)
            if origin is not None:  # the deepest struct the config built decides
                return origin.setter_of(component) is not None
        return False

    def field(self, root: Any, path: str, text: str = "", occurrence: int = 0) -> Location | None:
        """Where ``path`` of the job ``root`` was set; ``text`` narrows it to that text (a
        ``{{ref}}``, say) inside the string literal, its ``occurrence``-th appearance."""
        steps = _steps(root, path)
        fallback = None
        last = model.unwrap(steps[-1][2]) if steps else None
        origin = self.recorder.origin(last) if last is not None else None
        if origin is not None:
            fallback = self.site(origin)
        for depth in range(len(steps) - 1, -1, -1):
            parent, component, _ = steps[depth]
            origin = self.recorder.origin(parent)
            if origin is None:
                continue
            setter = origin.setter_of(component)
            if setter is None:
                return fallback or self.site(origin)
            remaining = [step[1] for step in steps[depth + 1 :]]
            expression = self._keyword_value(setter, component)
            if expression is not None:
                expression = self._refine(expression, remaining)
                if expression.exact or fallback is None:
                    return self._finish(expression, text, occurrence)
            return fallback or self.site(setter)
        return fallback or self.site_of(root)

    def _keyword_value(self, origin: Origin, name: str) -> _Expression | None:
        if origin.from_mapping or not origin.sites:
            return None
        found = self.sources.call_of(origin.sites[0])
        if found is None:
            return None
        source, call = found
        code, outer = origin.sites[0].code, origin.sites[1:]
        for keyword in call.keywords:
            if keyword.arg == name:
                value = _Expression(source, keyword.value, code, outer, True, keyword)
                return self._through_parameters(value) or value
        listed = _helper_arguments(call, name)
        return _Expression(source, listed, code, outer, True) if listed is not None else None

    def _through_parameters(self, expression: _Expression) -> _Expression | None:
        """Follow a helper function's parameter to the argument its caller passed."""
        node, outer = expression.node, expression.outer
        if not isinstance(node, ast.Name) or not outer:
            return None
        inner_code = expression.code
        parameters = inner_code.co_varnames[: inner_code.co_argcount + inner_code.co_kwonlyargcount]
        if node.id not in parameters:
            return None
        found = self.sources.call_of(outer[0])
        if found is None:
            return None
        source, call = found
        argument: ast.AST | None = None
        for keyword in call.keywords:
            if keyword.arg == node.id:
                argument = keyword.value
        index = parameters.index(node.id)
        if argument is None and index < inner_code.co_argcount:
            positional = call.args
            position = index - _implicit_arguments(inner_code, call)
            if 0 <= position < len(positional) and not any(
                isinstance(arg, ast.Starred) for arg in positional[: position + 1]
            ):
                argument = positional[position]
        if argument is None:
            return None
        caller = _Expression(source, argument, outer[0].code, outer[1:], True)
        return self._through_parameters(caller) or caller

    def _refine(self, expression: _Expression, components: list[str]) -> _Expression:
        node = expression.node
        for component in components:
            inner: ast.AST | None = None
            if isinstance(node, (ast.List, ast.Tuple)) and component.isdigit():
                index = int(component)
                if index < len(node.elts) and not any(
                    isinstance(element, ast.Starred) for element in node.elts[: index + 1]
                ):
                    inner = node.elts[index]
            elif isinstance(node, ast.Dict):
                for key, value in zip(node.keys, node.values):
                    if isinstance(key, ast.Constant) and str(key.value) == component:
                        inner = value
            if inner is None:
                return expression._replace(node=node, exact=False)
            node = inner
        return expression._replace(node=node)

    def _finish(self, expression: _Expression, needle: str, occurrence: int) -> Location:
        source, node, keyword = expression.source, expression.node, expression.keyword
        shown = keyword if keyword is not None and keyword.value is node and not needle else node
        span = source.span(byte_span(shown))
        if needle:
            text = source.segment(node)
            start = -1
            for _ in range(occurrence + 1):
                start = text.find(needle, start + 1)
                if start < 0:
                    break
            if start >= 0:
                span = source.offset_span(node, start, len(needle))
        return Location(span, self.chain(expression.outer, expression.code))


# A recursion ends after about a thousand calls; what matters is where it starts and loops.
_CHAIN_ENDS = 20


def _shortened(chain: list[Related]) -> tuple[Related, ...]:
    """Runs of the same call as one note (like Python's tracebacks), then the first and last
    calls of a chain still too long to read."""
    collapsed: list[Related] = []
    index = 0
    while index < len(chain):
        end = index
        while end + 1 < len(chain) and chain[end + 1] == chain[index]:
            end += 1
        repeats = end - index + 1
        if repeats > 1 and chain[index].note == "called from":
            collapsed.append(Related(chain[index].span, f"called {repeats} times in a row from"))
        else:
            collapsed.extend(chain[index : end + 1])
        index = end + 1
    if len(collapsed) <= 2 * _CHAIN_ENDS + 1:
        return tuple(collapsed)
    skipped = len(collapsed) - 2 * _CHAIN_ENDS
    middle = Related(collapsed[_CHAIN_ENDS].span, f"{skipped} more calls, the first from")
    return (*collapsed[:_CHAIN_ENDS], middle, *collapsed[-_CHAIN_ENDS:])


def _implicit_arguments(code: CodeType, call: ast.Call) -> int:
    """1 when the call passes the first parameter itself (``obj.method(x)``, ``Class(x)`` for
    ``__init__(self, x)``, ``Class.named(x)`` for a classmethod), so the caller's arguments
    start at the second parameter; 0 for a plain function, and for a method called through
    its class with ``self`` written out (``Base.__init__(self, x)``), which we tell by the
    class's capitalised name, as Python code names classes."""
    first = code.co_varnames[:1]
    if first not in (("self",), ("cls",)):
        return 0
    if not isinstance(call.func, ast.Attribute):
        return 1 if code.co_name in ("__init__", "__new__") else 0
    receiver = call.func.value
    through_class = isinstance(receiver, ast.Name) and receiver.id[:1].isupper()
    return 0 if through_class and first == ("self",) else 1


def _steps(root: Any, path: str) -> list[tuple[Any, str, Any]]:
    """(parent, component, value) along ``path``; stops at the first unset component."""
    steps = []
    node = root
    for component in model.split(path):
        value = model.child(node, component)
        steps.append((model.unwrap(node), component, value))
        if value is None:
            break
        node = value
    return steps


def _helper_arguments(call: ast.Call, field: str) -> ast.AST | None:
    """The order list that the DSL helpers build from their arguments, as a list node.

    ``order(a, b)`` makes ``Constraint(order=['a', 'b'])`` and ``SequentialTask(processes=[a,
    b])`` makes ``order(a, b)``: element k of the order is argument k, or process k.
    """
    function = call.func.attr if isinstance(call.func, ast.Attribute) else getattr(call.func, "id", "")
    if field != "order":
        return None
    if function == "order" and not any(isinstance(arg, ast.Starred) for arg in call.args):
        return ast.copy_location(ast.List(elts=list(call.args), ctx=ast.Load()), call)
    if function in ("SequentialTask", "sequential"):
        for keyword in call.keywords:
            if keyword.arg == "processes":
                return keyword.value
    return None
