"""Evaluate each file in a forked worker with a wall-clock timeout and a memory limit.

A config is arbitrary Python: an infinite loop or a runaway allocation in one file must cost a
diagnostic for that file, not the run. Forking after the schema is imported keeps a worker's
start-up to about a millisecond. The worker's stdin, stdout and stderr are /dev/null, so a
``print`` in a config cannot corrupt a SARIF or JSON report, and it leads its own process group
so that whatever it spawns is killed with it, and a Ctrl-C at the terminal reaches auroralint
alone, which then kills its workers. A worker's result is preceded by its length, since a
process the config forked may keep the pipe open after the worker is done.
"""


import marshal
import math
import os
import select
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from typing import Generic, NamedTuple, TypeVar

DEFAULT_TIMEOUT = 10.0
DEFAULT_MEMORY_MB = 1024

_LENGTH = 8  # bytes of the length that precedes a worker's result
_CPU_GRACE = 2  # seconds of CPU time beyond the most the timeout allows, then the kernel stops it
_SIGKILL = 9  # fixed by POSIX; spares every run importing signal

Item = TypeVar("Item")
Result = TypeVar("Result")


class Limits(NamedTuple):
    timeout: float = DEFAULT_TIMEOUT  # seconds of wall-clock time per file
    memory_mb: int = DEFAULT_MEMORY_MB  # address space per worker; 0 for no limit
    workers: int = 0  # 0: one per CPU


class WorkerFailure(NamedTuple):
    kind: str  # "timeout", "memory", "crash" (the config killed it) or "internal" (our bug)
    detail: str


class _Running(Generic[Item]):
    def __init__(self, pid: int, item: Item, deadline: float) -> None:
        self.pid = pid
        self.item = item
        self.deadline = deadline
        self.chunks: list[bytes] = []
        self.received = 0

    def complete(self) -> bool:
        """Whether the whole result arrived: a process the config forked may still hold the
        pipe open, so its end is known from the length the worker sent first."""
        if self.received < _LENGTH:
            return False
        head = self.chunks[0] if len(self.chunks[0]) >= _LENGTH else b"".join(self.chunks)
        return self.received >= _LENGTH + int.from_bytes(head[:_LENGTH], "big")


def can_fork() -> bool:
    return hasattr(os, "fork")


def run_isolated(
    task: Callable[[Item], Result], items: Sequence[Item], limits: Limits
) -> Iterator[tuple[Item, Result | WorkerFailure]]:
    """``task(item)`` for every item, each in its own worker; results in completion order.

    Results travel back with ``marshal`` (built in, nothing to import): ``task`` returns plain
    data, tuples, lists, dicts, strings and numbers.
    """
    if not can_fork():  # no isolation where fork() does not exist; still one file at a time
        for item in items:
            yield item, task(item)
        return
    workers = limits.workers or os.cpu_count() or 1
    import resource  # noqa: F401 - imported once here, not once in every worker
    pending = list(reversed(items))
    running: dict[int, _Running[Item]] = {}
    closing: list[_Running[Item]] = []  # the pipe ended without a whole result: wait for exit
    poller = select.poll()  # not selectors: importing it costs a hook run more than it saves
    sys.stdout.flush()
    sys.stderr.flush()
    try:
        while pending or running or closing:
            while pending and len(running) < workers:
                item = pending.pop()
                fd, pid = _start(task, item, limits)
                running[fd] = _Running(pid, item, time.monotonic() + limits.timeout)
                poller.register(fd, select.POLLIN)
            now = time.monotonic()
            # Wake up at the next deadline, and at least hourly: poll() refuses huge waits;
            # soon while a worker is exiting, which no descriptor announces.
            deadlines = [job.deadline for job in [*running.values(), *closing]]
            wait = min(3600.0, max(0.0, min(deadlines) - now), 0.001 if closing else 3600.0)
            for fd, _ in poller.poll(math.ceil(wait * 1000)):
                job = running[fd]
                data = os.read(fd, 1 << 16)
                if data:
                    job.chunks.append(data)
                    job.received += len(data)
                    if not job.complete():
                        continue
                running.pop(fd)
                poller.unregister(fd)
                os.close(fd)
                if job.complete():  # done: the worker and anything it left running go now
                    _kill(job.pid)
                    yield job.item, _result(job, None, limits)
                else:
                    closing.append(job)
            now = time.monotonic()
            for job in list(closing):
                status, reaped = _exit_status(job.pid)
                if status is not None or job.deadline <= now:
                    closing.remove(job)
                    _kill(job.pid, reaped)
                    yield job.item, _result(job, status, limits)
            for fd, job in list(running.items()):
                if job.deadline <= now:
                    running.pop(fd)
                    poller.unregister(fd)
                    os.close(fd)
                    _kill(job.pid)
                    yield job.item, _timed_out(limits)
    finally:
        for fd, job in running.items():
            os.close(fd)
            _kill(job.pid)
        for job in closing:
            _kill(job.pid)


def _start(task: Callable[[Item], Result], item: Item, limits: Limits) -> tuple[int, int]:
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid:
        os.close(write_end)
        return read_end, pid
    # In the worker: never return from here.
    status = 0
    worker = os.getpid()
    try:
        os.close(read_end)
        _sandbox(limits)
        try:
            payload = marshal.dumps(("ok", task(item)))  # type: ignore[arg-type]
        except MemoryError:
            payload = marshal.dumps(("memory", "the memory limit was exceeded"))
        except Exception as error:  # noqa: BLE001 - auroralint's own bug: report, don't hide it
            from auroralint.errortext import error_text

            payload = marshal.dumps(("internal", error_text(error)))
        if os.getpid() == worker:  # not a process the config forked, which ran on to here
            with os.fdopen(write_end, "wb") as pipe:
                pipe.write(len(payload).to_bytes(_LENGTH, "big") + payload)
    except BaseException:  # noqa: BLE001 - whatever happens, the worker must not unwind
        status = 70
    os._exit(status)


def _sandbox(limits: Limits) -> None:
    os.setpgid(0, 0)
    # A config may hold an integer of thousands of digits (`instances=10**5000`): messages and
    # reports must still show it. Converting it is bounded here by the worker's timeout.
    sys.set_int_max_str_digits(0)
    faulthandler = sys.modules.get("faulthandler")
    if faulthandler is not None:  # it keeps its own copy of stderr; a crash is reported anyway
        faulthandler.disable()
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(devnull, fd)
    import resource

    if limits.memory_mb > 0:
        _lower(resource.RLIMIT_AS, limits.memory_mb * 1024 * 1024)
    # Threads on every CPU spend at most this much CPU time before the parent's timeout, so
    # the limit never fires first; it ends a loop that outlives a parent killed with SIGKILL.
    cpus = os.cpu_count() or 1
    _lower(resource.RLIMIT_CPU, math.ceil(limits.timeout * cpus) + _CPU_GRACE)


def _lower(kind: int, limit: int) -> None:
    import resource

    _, hard = resource.getrlimit(kind)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    try:
        resource.setrlimit(kind, (limit, hard))
    except (ValueError, OSError):  # a limit the system cannot represent: none, not a crash
        pass


def _result(job: _Running[Item], status: int | None, limits: Limits) -> Result | WorkerFailure:  # type: ignore[type-var]
    """What the worker sent, or why it sent nothing: ``status`` is how it ended (None: it was
    still running at its deadline)."""
    received = b"".join(job.chunks)
    length = int.from_bytes(received[:_LENGTH], "big")
    data = received[_LENGTH : _LENGTH + length] if len(received) >= _LENGTH + length else b""
    if data:
        try:
            kind, value = marshal.loads(data)
        except Exception:  # noqa: BLE001 - a truncated result is a crash like any other
            pass
        else:
            return value if kind == "ok" else WorkerFailure(kind, value)  # type: ignore[no-any-return]
    if status is None:
        return _timed_out(limits)
    if os.WIFSIGNALED(status):
        import signal

        name = signal.Signals(os.WTERMSIG(status)).name
        return WorkerFailure("crash", f"the worker was killed by {name}")
    return WorkerFailure("crash", f"the worker exited with status {os.WEXITSTATUS(status)}")


def _timed_out(limits: Limits) -> WorkerFailure:
    return WorkerFailure("timeout", f"evaluation took longer than {limits.timeout:g} s")


def _exit_status(pid: int) -> tuple[int | None, bool]:
    """How the worker ended (None while it runs), and whether that reaped it. Where waitid()
    exists it is not reaped, so its number and its group's stay taken until ``_kill``."""
    waitid = getattr(os, "waitid", None)
    if waitid is None:  # macOS: no WNOWAIT, so the worker is reaped here
        done, status = os.waitpid(pid, os.WNOHANG)
        return (status, True) if done else (None, False)
    found = waitid(os.P_PID, pid, os.WEXITED | os.WNOHANG | os.WNOWAIT)
    if found is None:
        return None, False
    if found.si_code == os.CLD_EXITED:
        return found.si_status << 8, False  # as waitpid() reports it
    return found.si_status, False  # the signal that ended it


def _kill(pid: int, reaped: bool = False) -> None:
    """End a worker and its process group (what the config left running), and reap it. Once
    reaped, its number may belong to another process: only its group is signalled."""
    if reaped:
        try:
            os.killpg(pid, _SIGKILL)
        except OSError:
            pass
        return
    for target in (lambda: os.killpg(pid, _SIGKILL), lambda: os.kill(pid, _SIGKILL)):
        try:
            target()
        except ProcessLookupError:
            pass
        except PermissionError:
            continue
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass
