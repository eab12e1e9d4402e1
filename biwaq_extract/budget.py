"""Run each document's extraction in a worker process that is killed and replaced when it overruns its budget.

A thread cannot be stopped inside spaCy's compiled code, and a signal handler only runs between Python
bytecodes; a process can always be killed. The worker is a fork of the calling process: it shares the loaded
pipeline (copy-on-write, no second loading) and extracts documents one at a time, sent and returned through a
pipe. When a document takes longer than the budget, the worker is killed (SIGKILL), the document gets the
reason "took longer than N s", and a fresh fork takes the documents after it.

- `map_within` serves a run (`biwaq extract`, `biwaq run --no-prefect`): one worker for the run, with the
  next document sent before the current one is answered, so the worker never waits for the caller and the
  caller's writing overlaps the NLP.
- `call_within` serves callers that extract one document per call (the Prefect tasks, on threads or Dask
  workers): one worker per process, kept between calls. A different pipeline or extraction function (a
  test's monkeypatch) gets a new worker: a worker runs the code as it was when it was forked.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.connection import Connection, Pipe
from typing import Any, TypeVar

Result = TypeVar("Result")


class Overrun(Exception):
    """The work did not finish within its budget; its worker process was killed."""


class WorkerDied(Exception):
    """The worker process ended without an answer (killed from outside, out of memory, a crash in C code)."""


def bounded(seconds: float) -> bool:
    """Is a budget of `seconds` enforced? (0 or less: no; a system without fork runs everything in-process.)"""
    return seconds > 0 and hasattr(os, "fork")


def _serve(conn: Connection, work: Callable[..., Any], args: tuple) -> None:
    """The worker's loop: receive an item, send back `work(*args, item)`, until the pipe closes."""
    code = 0
    try:
        while True:
            try:
                item = conn.recv()
            except EOFError:  # the parent closed its end or exited
                break
            conn.send(work(*args, item))
    except BaseException:  # noqa: BLE001 - any failure ends the worker; the parent reports it for the item
        code = 1
    finally:
        os._exit(code)  # no atexit handlers, no flushing of the parent's buffers a second time


class Worker:
    """One forked worker process that answers each item sent to it with `work(*args, item)`, in order."""

    def __init__(self, work: Callable[..., Any], args: tuple):
        self.work, self.args = work, args
        parent_end, child_end = Pipe()
        pid = os.fork()
        if pid == 0:
            parent_end.close()
            signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl-C ends the worker without a traceback
            _serve(child_end, work, args)
        child_end.close()
        self.pid, self.conn, self.owner = pid, parent_end, os.getpid()

    def serves(self, work: Callable[..., Any], args: tuple) -> bool:
        """Does this worker run `work` with these arguments, and is it a child of this process?"""
        same_args = len(args) == len(self.args) and all(a is b for a, b in zip(args, self.args))
        return self.owner == os.getpid() and self.work is work and same_args

    def alive(self) -> bool:
        """Is the worker still running? (An idle worker's pipe is readable only when it has ended.)"""
        try:
            return not self.conn.poll(0) and os.waitpid(self.pid, os.WNOHANG) == (0, 0)
        except (OSError, ChildProcessError):
            return False

    def send(self, item: Any) -> None:
        """Queue an item for the worker; WorkerDied when it has ended."""
        try:
            self.conn.send(item)
        except OSError as exc:
            raise WorkerDied(f"worker process ended ({self.stop()})") from exc

    def receive(self, wait: float, budget: float) -> Any:
        """The answer to the oldest queued item; after `wait` seconds without one the worker is killed and
        Overrun says the item took longer than `budget`."""
        try:
            if self.conn.poll(max(wait, 0.0)):
                return self.conn.recv()
        except (EOFError, OSError) as exc:
            raise WorkerDied(f"worker process ended ({self.stop()})") from exc
        self.stop(kill=True)
        raise Overrun(f"took longer than {budget:g} s")

    def stop(self, kill: bool = False) -> str:
        """End the worker (an idle one ends when its pipe closes; `kill` ends a busy one) and say how it ended."""
        if kill:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
        self.conn.close()
        try:
            _, status = os.waitpid(self.pid, 0)
        except ChildProcessError:  # reaped already (see alive)
            return "ended"
        if os.WIFSIGNALED(status):
            return f"signal {os.WTERMSIG(status)}"
        return f"exit status {os.WEXITSTATUS(status)}"


# Items sent ahead of the answers: the worker goes on with the next one while this process is busy or not
# scheduled (on a loaded machine that can be longer than one document takes).
IN_FLIGHT = 8


def map_within(seconds: float | Callable[[Any], float], work: Callable[..., Result], args: tuple,
               items: Iterable[Any], wanted: Callable[[Any], bool] = lambda item: True) -> Iterator[tuple[Any, Any]]:
    """Yield `(item, outcome)` for each item, in order: `work(*args, item)`, or an Overrun or WorkerDied
    instance, or None for an item that `wanted` turns down (not sent to the worker).

    `seconds` is the budget of every item, or a function giving each item's; a number <= 0 runs `work` here
    without a bound. The worker's clock for an item starts when it was sent or when the item before it was
    answered, whichever is later. What `work` returns must be picklable, so it should catch its own exceptions.
    """
    if not (callable(seconds) or bounded(seconds)) or not hasattr(os, "fork"):
        for item in items:
            yield item, work(*args, item) if wanted(item) else None
        return
    budget = seconds if callable(seconds) else lambda item: seconds
    source = iter(items)
    queue: deque[list] = deque()  # [item, sent at (None: not wanted)], oldest first
    worker = Worker(work, args)
    ready = time.monotonic()  # when the worker was last free to start the oldest item
    try:
        while True:
            while sum(entry[1] is not None for entry in queue) < IN_FLIGHT:
                item = next(source, _END)
                if item is _END:
                    break
                queue.append([item, _send(worker, item) if wanted(item) else None])
            if not queue:
                return
            item, sent = queue.popleft()
            if sent is None:
                yield item, None
                continue
            allowed = budget(item)
            try:
                outcome = worker.receive(max(sent, ready) + allowed - time.monotonic(), allowed)
            except (Overrun, WorkerDied) as exc:
                outcome = exc
                worker = Worker(work, args)  # the items queued behind go to a fresh worker
                for entry in queue:
                    if entry[1] is not None:
                        entry[1] = _send(worker, entry[0])
            ready = time.monotonic()
            yield item, outcome
    finally:
        with contextlib.suppress(OSError):
            worker.stop(kill=True)


_END = object()


def _send(worker: Worker, item: Any) -> float:
    """Send an item and return when. A worker found dead is reported by `receive`, for the item it was on."""
    with contextlib.suppress(WorkerDied):
        worker.send(item)
    return time.monotonic()


_LOCK = threading.Lock()
_WORKER: Worker | None = None


def call_within(seconds: float, work: Callable[..., Result], *args: Any) -> Result:
    """`work(*args)` with its last argument run in this process's worker, stopped after `seconds`.

    Raises Overrun or WorkerDied; whatever `work` returns must be picklable, so `work` should catch its own
    exceptions. Unbounded (see `bounded`), `work` runs here.
    """
    if not bounded(seconds):
        return work(*args)
    *fixed, item = args
    global _WORKER
    with _LOCK:  # one document at a time per worker (the Prefect threads runner calls from several threads)
        if _WORKER is not None and not (_WORKER.serves(work, tuple(fixed)) and _WORKER.alive()):
            _retire()  # another pipeline or function, or ended while idle (not this item's fault)
        if _WORKER is None:
            _WORKER = Worker(work, tuple(fixed))
        try:
            _WORKER.send(item)
            return _WORKER.receive(seconds, seconds)
        except (Overrun, WorkerDied):
            _WORKER = None  # stopped already: the next document forks a fresh one
            raise


def _retire() -> None:
    """Stop the current worker and forget it. A process forked from the one that made the worker (a Dask or
    multiprocessing child) inherits the reference but not the child: it only forgets it and forks its own."""
    global _WORKER
    if _WORKER is not None and _WORKER.owner == os.getpid():
        with contextlib.suppress(OSError):
            _WORKER.stop(kill=True)  # idle between documents, or the run is being stopped
    _WORKER = None


def shutdown() -> None:
    """Stop this process's worker (also done at exit)."""
    with _LOCK:
        _retire()


atexit.register(shutdown)
