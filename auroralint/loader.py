"""Run an ``.aurora`` file the way Aurora's client does, recording where every struct was built.

Semantics kept from Aurora 0.22: one fresh namespace per file holding the schema names;
``include()`` resolves relative to the file that is being executed and runs the included code in
the same namespace; only the top-level ``jobs`` is read. Configs were written for Python 2, so
``/`` between integers floors (unless the file imports ``division`` from ``__future__``) and
``map``/``filter``/``zip`` return lists.
"""


import ast
import os
import re
import stat
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from types import CodeType, MappingProxyType
from typing import Any, NamedTuple

from auroralint.origins import Recorder, recording
from auroralint.sourcemap import Sources

DEFAULT_MAX_FILE_BYTES = 4 * 1024 * 1024


class UnreadableFile(Exception):
    """The file is missing, a directory, binary, too large or not text."""


class IncludeError(Exception):
    """``include()`` named a file that cannot be read, or an include cycle."""

    def __init__(self, message: str, target: str) -> None:
        super().__init__(message)
        self.target = target


class InvalidJobs(Exception):
    """The top-level ``jobs`` is not a list of jobs."""

    def __init__(self, message: str, index: int | None = None) -> None:
        super().__init__(message)
        self.index = index


class NoJobs(Exception):
    """The config defines no jobs: ``jobs`` is missing or empty."""

    def __init__(self, defined: bool) -> None:
        super().__init__("`jobs` is empty" if defined else "the config does not define `jobs`")
        self.defined = defined


class InterpolationFailed(Exception):
    """pystachio could not interpolate a job (a bad ref, a ref cycle, an uncoercible value)."""

    def __init__(self, error: BaseException) -> None:
        from auroralint.errortext import error_text, shown

        # pystachio's own messages stand alone; anything else raised while coercing a config's
        # object is named with its type.
        ours = type(error).__module__.startswith("pystachio")
        super().__init__(shown(error, str) if ours else error_text(error))
        self.error = error


class LoadSettings(NamedTuple):
    env: Mapping[str, str] = MappingProxyType({})
    preludes: tuple[str, ...] = ()
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES


class Evaluation:
    """What running one config produced: raw pystachio jobs, or the exception that stopped it."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.sources = Sources()
        self.recorder = Recorder()
        self.namespace: dict[str, Any] = {}
        self.jobs: list[Any] = []
        self.jobs_defined = False
        self.error: BaseException | None = None


def read_source(path: str, limit: int) -> str:
    try:
        mode = os.stat(path).st_mode
        if stat.S_ISDIR(mode):
            raise UnreadableFile(f"{path} is a directory")
        if not stat.S_ISREG(mode):  # opening a FIFO blocks; a device may never end
            raise UnreadableFile(f"{path} is not a regular file")
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as error:
        raise UnreadableFile(f"cannot read {path}: {error.strerror or error}") from None
    if len(data) > limit:
        raise UnreadableFile(f"{path} is larger than {limit} bytes; not an Aurora config?")
    if b"\0" in data:
        raise UnreadableFile(f"{path} contains NUL bytes; it looks like a binary file")
    return decode_source(data, path)


def decode_source(data: bytes, path: str) -> str:
    """A config's text: UTF-8, or the encoding its coding declaration names."""
    encoding = _declared_encoding(data, path)
    try:
        return data.decode(encoding)
    except UnicodeError as error:  # UnicodeDecodeError, or a codec's own complaint (idna)
        shown = "UTF-8" if encoding == "utf-8-sig" else encoding
        start = getattr(error, "start", None)
        where = f" (byte {start}: {data[start]:#04x})" if isinstance(start, int) and start < len(data) else ""
        raise UnreadableFile(f"{path} is not {shown} text{where}") from None


# PEP 263: `# -*- coding: latin-1 -*-` on the first or second line, as Python reads it.
_CODING = re.compile(rb"^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)")
_BLANK_OR_COMMENT = re.compile(rb"^[ \t\f]*(?:#|$)")
_BYTE_LINE_END = re.compile(rb"\r\n|\r|\n")


def _declared_encoding(data: bytes, path: str) -> str:
    import codecs

    first, second = ([*_BYTE_LINE_END.split(data, 2)[:2], b""])[:2]
    found = _CODING.match(first) or (_BLANK_OR_COMMENT.match(first) and _CODING.match(second))
    if not found or data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    name = found.group(1).decode("ascii", "replace")
    try:
        codec = codecs.lookup(name)
    except LookupError:
        raise UnreadableFile(f"{path} declares an unknown encoding: {name}") from None
    if not getattr(codec, "_is_text_encoding", True):  # hex, rot13: Python refuses them too
        raise UnreadableFile(f"{path} declares {name}, which is not a text encoding")
    return "utf-8-sig" if codec.name == "utf-8" else codec.name


class _Python2Division(ast.NodeTransformer):
    def visit_BinOp(self, node: ast.BinOp) -> ast.AST:
        self.generic_visit(node)
        if not isinstance(node.op, ast.Div):
            return node
        call = ast.Call(ast.Name("__aurora_div__", ast.Load()), [node.left, node.right], [])
        return ast.copy_location(call, node)

    def visit_AugAssign(self, node: ast.AugAssign) -> ast.AST:
        """``x /= y`` as ``x = x / y`` with Python 2's division. (An attribute or subscript
        target's object is evaluated twice; configs do not divide through side effects.)"""
        self.generic_visit(node)
        if not isinstance(node.op, ast.Div):
            return node
        read = ast.copy_location(_as_load(node.target), node.target)
        call = ast.copy_location(
            ast.Call(ast.Name("__aurora_div__", ast.Load()), [read, node.value], []), node)
        return ast.copy_location(ast.Assign([node.target], call), node)


def _as_load(target: ast.expr) -> ast.expr:
    if isinstance(target, ast.Name):
        return ast.Name(target.id, ast.Load())
    if isinstance(target, ast.Attribute):
        return ast.Attribute(target.value, target.attr, ast.Load())
    if isinstance(target, ast.Subscript):
        return ast.Subscript(target.value, target.slice, ast.Load())
    return target


def _uses_true_division(tree: ast.Module) -> bool:
    return any(
        isinstance(node, ast.ImportFrom)
        and node.module == "__future__"
        and any(alias.name == "division" for alias in node.names)
        for node in tree.body
    )


def compile_config(text: str, filename: str) -> tuple[CodeType, ast.Module]:
    tree = ast.parse(text, filename)
    if not _uses_true_division(tree):
        tree = ast.fix_missing_locations(_Python2Division().visit(tree))
    return compile(tree, filename, "exec", dont_inherit=True), tree


def _python2_div(left: Any, right: Any) -> Any:
    if isinstance(left, int) and isinstance(right, int):
        return left // right
    return left / right


def _python2_builtins() -> dict[str, Any]:
    import builtins
    import functools

    names = dict(vars(builtins))
    names.update(
        map=lambda *args: list(map(*args)),
        filter=lambda *args: list(filter(*args)),
        zip=lambda *args: list(zip(*args)),
        range=lambda *args: list(range(*args)),  # `range(3) + [7]` is a list in Python 2
        xrange=range,
        unicode=str,
        basestring=str,
        long=int,
        reduce=functools.reduce,
    )
    return names


@contextmanager
def environment(overrides: Mapping[str, str]) -> Iterator[None]:
    saved = {name: os.environ.get(name) for name in overrides}
    os.environ.update(overrides)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


class _Runner:
    def __init__(self, evaluation: Evaluation, limit: int) -> None:
        self.evaluation = evaluation
        self.limit = limit
        self.stack: list[str] = []

    def run_file(self, display: str) -> None:
        text = read_source(display, self.limit)
        filename = os.path.abspath(display)
        self.evaluation.recorder.files.add(filename)
        source = self.evaluation.sources.add(filename, display, text)
        code, source.tree = compile_config(text, filename)
        self.stack.append(display)
        try:
            exec(code, self.evaluation.namespace)
        finally:
            self.stack.pop()

    def include(self, target: str) -> None:
        if not isinstance(target, str):
            from auroralint.errortext import shown

            raise TypeError(f"include() expects a path string, got {shown(target)}")
        including = self.stack[-1] if self.stack else self.evaluation.path
        joined = os.path.join(os.path.dirname(including), target)
        tidy = os.path.normpath(joined)
        # `link/../x` is not `x` when link is a symlink to another directory: the system goes
        # up from where the link points, for Aurora's client as for us.
        display = tidy if tidy == joined or os.path.realpath(tidy) == os.path.realpath(joined) else joined
        if display in self.stack:
            cycle = " -> ".join([*self.stack[self.stack.index(display):], display])
            raise IncludeError(f"include cycle: {cycle}", target)
        try:
            self.run_file(display)
        except UnreadableFile as error:
            raise IncludeError(str(error), target) from None


def evaluate(path: str, settings: LoadSettings) -> Evaluation:
    """Execute ``path`` (and its preludes and includes); never raises for config errors."""
    from auroralint.schema import base_namespace

    evaluation = Evaluation(path)
    runner = _Runner(evaluation, settings.max_file_bytes)
    namespace = evaluation.namespace
    namespace.update(base_namespace())
    namespace["__builtins__"] = _python2_builtins()
    namespace["__aurora_div__"] = _python2_div
    namespace["include"] = runner.include
    try:
        with environment(settings.env), recording(evaluation.recorder):
            for prelude in settings.preludes:
                runner.run_file(prelude)
            runner.run_file(path)
        evaluation.jobs_defined = "jobs" in namespace
        evaluation.jobs = _jobs_of(namespace.get("jobs", []))
    except (Exception, SystemExit) as error:
        if isinstance(error, MemoryError):
            namespace.clear()  # free what the config built, to have room to report it
        evaluation.error = error
    return evaluation


def _jobs_of(value: Any) -> list[Any]:
    from auroralint.schema import is_job

    if isinstance(value, (str, bytes)) or not isinstance(value, (list, tuple)):
        raise InvalidJobs(f"`jobs` must be a list of Job objects, not {type(value).__name__}")
    for index, job in enumerate(value):
        if not is_job(job):
            raise InvalidJobs(
                f"`jobs[{index}]` is {_describe(job)}, not a Job", index
            )
    return list(value)


def _describe(value: Any) -> str:
    name = type(value).__name__
    return f"a {name}" if name[0].lower() not in "aeiou" else f"an {name}"

