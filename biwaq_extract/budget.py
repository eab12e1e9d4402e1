"""Run one document's extraction in a worker process that is killed and replaced when it overruns its budget.

A thread cannot be stopped inside spaCy's compiled code, and a signal handler only runs between Python
bytecodes; a process can always be killed. The worker is a fork of the calling process made at its first
document: it shares the loaded pipeline (copy-on-write, no second loading) and extracts documents one at a
time, sent and returned through a pipe. When a document takes longer than the budget the worker is killed
(SIGKILL), the document gets the reason "took longer than N s", and the next document starts a fresh fork.

The same path serves `biwaq extract`, `biwaq run --no-prefect` and the Prefect tasks (threads or Dask
workers): each process that extracts has its own worker. The worker runs the code as it was when it was
forked; a different pipeline or extraction function (a test's monkeypatch) gets a new worker.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import signal
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection, Pipe
from typing import Any, TypeVar

Result = TypeVar("Result")


class Overrun(Exception):
    """The work did not finish within its budget; its worker process was killed."""


class WorkerDied(Exception):
    """The worker process ended without an answer (killed from outside, out of memory, a crash in C code)."""


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
    """One forked worker process that calls `work(*args, item)` for each item sent to it."""

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

    def call(self, item: Any, seconds: float) -> Any:
        """`work(*args, item)` in the worker; Overrun (worker killed) after `seconds`, WorkerDied on a crash."""
        try:
            self.conn.send(item)
            if self.conn.poll(seconds):
                return self.conn.recv()
        except (EOFError, OSError) as exc:
            status = self.stop()
            raise WorkerDied(f"worker process ended ({status})") from exc
        self.stop(kill=True)
        raise Overrun(f"took longer than {seconds:g} s")

    def stop(self, kill: bool = False) -> str:
        """End the worker (an idle one ends when its pipe closes; `kill` ends a busy one) and say how it ended."""
        if kill:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
        self.conn.close()
        _, status = os.waitpid(self.pid, 0)
        if os.WIFSIGNALED(status):
            return f"signal {os.WTERMSIG(status)}"
        return f"exit status {os.WEXITSTATUS(status)}"


_LOCK = threading.Lock()
_WORKER: Worker | None = None


def call_within(seconds: float, work: Callable[..., Result], *args: Any) -> Result:
    """`work(*args)` with its last argument run in this process's worker, stopped after `seconds`.

    `seconds` <= 0, or a system without fork, runs `work` here without a bound. Raises Overrun or WorkerDied;
    whatever `work` returns or raises must be picklable, so `work` should catch its own exceptions.
    """
    if seconds <= 0 or not hasattr(os, "fork"):
        return work(*args)
    *fixed, item = args
    global _WORKER
    with _LOCK:  # one document at a time per worker (the Prefect threads runner calls from several threads)
        if _WORKER is not None and not _WORKER.serves(work, tuple(fixed)):
            _retire()
        if _WORKER is not None and not _WORKER.alive():
            _retire()  # ended while idle (killed from outside): not this item's fault
        if _WORKER is None:
            _WORKER = Worker(work, tuple(fixed))
        try:
            return _WORKER.call(item, seconds)
        except (Overrun, WorkerDied):
            _WORKER = None  # stopped already: the next document forks a fresh one
            raise


def _retire() -> None:
    """Stop the current worker and forget it. A process forked from the one that made the worker (a Dask or
    multiprocessing child) inherits the reference but not the child: it only forgets it and forks its own."""
    global _WORKER
    if _WORKER is not None and _WORKER.owner == os.getpid():
        with contextlib.suppress(OSError, ChildProcessError):
            _WORKER.stop(kill=True)  # idle between documents, or the run is being stopped
    _WORKER = None


def shutdown() -> None:
    """Stop this process's worker (also done at exit)."""
    with _LOCK:
        _retire()


atexit.register(shutdown)
