"""Corpus mode's local workers: processes forked from this one, fed over pipes, run again when one dies.

Why not Dask's local cluster (which corpus mode used before, and still uses for ``--scheduler ADDRESS``): on a loaded
2-core machine it took 5 to 9 s to start (a scheduler, workers and their nannies, each starting Python and importing
the package) and about 8 ms for each document's round trip through the scheduler, so two workers were slower than one
process on 2 MiB. A worker forked from the command starts in milliseconds with everything the command has imported
and built (the caches of the reference files, warmed once before the fork, shared until written), and a document's
round trip is a pickle over a pipe.

- ``ForkPool(workers, task)``: ``submit(key, args)`` queues a task; ``next_done()`` returns ``(key, result)`` of a
  finished one, in the order they finish. Each worker holds at most ``depth`` tasks (one running, the next waiting,
  so that a worker never idles while this process is busy writing) and runs them in the order it got them.
- A worker that dies (killed, out of memory) is replaced; the task it was running is tried again on a worker, and
  after it has killed ``allowed_failures`` workers its result is ``WorkerDied``; the tasks waiting behind it are sent
  again, not counted against.
- Workers ignore Ctrl-C (a terminal sends it to the whole process group: this process alone handles it, and
  ``close(fast=True)`` kills them at once); on Linux each dies with this process however it dies (the kernel's
  parent-death signal), elsewhere when its pipe closes.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import multiprocessing
import os
import signal
import sys
from collections import deque
from multiprocessing.connection import wait
from typing import Callable

#: Linux's ``prctl`` option that sends a signal to a process when its parent dies.
PR_SET_PDEATHSIG = 1
STOP_SIGNALS = {signal.SIGINT, signal.SIGTERM}
CLOSE_SECONDS = 30  # how long ``close`` waits for a worker to finish and exit before killing it


class WorkerDied:
    """A task's result when the worker running it died ``failures`` times (each time another worker); ``path``: the
    task's first argument."""

    def __init__(self, path, failures: int):
        self.path, self.failures = path, failures

    def __repr__(self) -> str:
        return f"WorkerDied({self.path!r}, {self.failures})"


class TaskFailed:
    """A task's result when it raised an exception in its worker: ``error`` says which; ``path``: the task's first
    argument."""

    def __init__(self, path, error: str):
        self.path, self.error = path, error

    def __repr__(self) -> str:
        return f"TaskFailed({self.path!r}, {self.error!r})"


class _Worker:
    def __init__(self, process, connection):
        self.process, self.connection = process, connection
        self.tasks: deque = deque()  # keys sent and not returned, in the order sent: the first is running


class ForkPool:
    """``workers`` processes forked from this one, each running ``task(*args)`` for what ``submit`` sends it."""

    def __init__(self, workers: int, task: Callable, *, depth: int = 2, allowed_failures: int = 3):
        if "fork" not in multiprocessing.get_all_start_methods():
            raise RuntimeError("corpus mode's workers need fork (Linux or macOS); use --jobs 1")
        self.context = multiprocessing.get_context("fork")
        self.task, self.depth, self.allowed_failures = task, depth, allowed_failures
        self.slots = workers
        self.args: dict = {}  # key -> args, until its result is returned
        self.failures: dict = {}  # key -> workers it killed
        self.pending: deque = deque()  # keys to send, first first
        self.done: deque = deque()  # (key, result) of tasks settled without a worker (WorkerDied)
        self.workers: list[_Worker] = []
        self.started: list = []  # every process started, so that ``close`` reaches one whatever happened since
        try:
            for _ in range(workers):
                self.workers.append(self._start())
        except BaseException:
            self.close(fast=True)
            raise

    def _start(self) -> _Worker:
        ours, theirs = self.context.Pipe(duplex=True)
        others = [w.connection for w in self.workers]
        for stream in (sys.stdout, sys.stderr):  # nothing buffered here may be written twice, by the child too
            with contextlib.suppress(Exception):
                stream.flush()
        # signals wait until the child has set its own handlers: it must never run this process's (a Ctrl-C that
        # arrived during the fork would raise KeyboardInterrupt in the child, with a traceback)
        blocked = signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
        # the objects built so far go where the child's collector never writes them, so that it shares their pages;
        # this process takes them back at once
        gc.freeze()
        try:
            process = self.context.Process(target=_serve, args=(theirs, ours, others, self.task, os.getpid()),
                                           daemon=True, name="corpus-worker")
            process.start()
            self.started.append(process)
        finally:
            gc.unfreeze()
            signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
        theirs.close()
        return _Worker(process, ours)

    def submit(self, key, args: tuple) -> None:
        self.args[key] = args
        self.pending.append(key)
        self._dispatch()

    def _dispatch(self) -> None:
        while self.pending:
            worker = min(self.workers, key=lambda w: len(w.tasks))
            if len(worker.tasks) >= self.depth:
                return
            key = self.pending.popleft()
            worker.tasks.append(key)
            try:
                worker.connection.send((key, self.args[key]))
            except (BrokenPipeError, ConnectionResetError, EOFError):
                self._lost(worker)  # it died: its tasks (this one too) are queued again

    def next_done(self) -> tuple:
        """The key and result of the next task to finish (a ``WorkerDied`` for one that kept killing its worker)."""
        while not self.done:
            self._dispatch()  # what waits for a free place, now that results have made some
            busy = [w for w in self.workers if w.tasks]
            if not busy:
                raise RuntimeError("next_done: no task submitted")
            ready = wait([w.connection for w in busy] + [w.process.sentinel for w in busy])
            for worker in busy:
                if worker.connection in ready or worker.process.sentinel in ready:
                    self._collect(worker)
        return self.done.popleft()

    def _collect(self, worker: _Worker) -> None:
        try:
            while worker.tasks and worker.connection.poll():
                key, result = worker.connection.recv()
                worker.tasks.remove(key)
                self.args.pop(key, None)
                self.failures.pop(key, None)
                self.done.append((key, result))
        except (EOFError, OSError):
            self._lost(worker)
            return
        if worker.tasks and not worker.process.is_alive():
            self._lost(worker)
        else:
            self._dispatch()

    def _lost(self, worker: _Worker) -> None:
        """A worker died: the task it was running counts a failure; it and those behind it go to another worker."""
        with contextlib.suppress(Exception):
            worker.connection.close()
        worker.process.join()
        if worker.tasks:
            running = worker.tasks.popleft()
            self.failures[running] = self.failures.get(running, 0) + 1
            again = list(worker.tasks)
            if self.failures[running] >= self.allowed_failures:
                args = self.args.pop(running)
                self.done.append((running, WorkerDied(args[0] if args else None, self.failures.pop(running))))
            else:
                again.insert(0, running)
            self.pending.extendleft(reversed(again))
        self.workers[self.workers.index(worker)] = self._start()
        self._dispatch()

    def close(self, fast: bool = False) -> None:
        """Stop the workers: at once (``fast``: SIGKILL, for Ctrl-C and errors), or once they have finished."""
        for worker in self.workers:
            with contextlib.suppress(Exception):
                worker.connection.close()  # a worker waiting for a task reads the end of its pipe and exits
        for process in self.started:
            with contextlib.suppress(ValueError, AttributeError, AssertionError):
                if fast:
                    process.kill()
                process.join(None if fast else CLOSE_SECONDS)
                if process.is_alive():
                    process.kill()
                    process.join()
        self.workers, self.started = [], []


def _serve(connection, parent_end, others, task: Callable, parent: int) -> None:
    """A worker's life: run each task received, send back its result, until the pipe closes or the parent dies."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)
    _die_with(parent)
    for inherited in [parent_end, *others]:  # the parent's ends of the pipes: an end left open here would hide its
        inherited.close()                   # closing from the worker at the other end
    while True:
        try:
            key, args = connection.recv()
        except (EOFError, OSError):
            break
        try:
            result = task(*args)
        except Exception as exc:  # noqa: BLE001 - the parent says what failed; a worker prints nothing
            result = TaskFailed(args[0] if args else None, f"{type(exc).__name__}: {exc}")
        try:
            connection.send((key, result))
        except OSError:  # the parent is gone
            break
        except Exception as exc:  # noqa: BLE001 - a result that cannot be pickled (nothing of it was sent)
            connection.send((key, TaskFailed(args[0] if args else None, f"{type(exc).__name__}: {exc}")))
    connection.close()


def _die_with(parent: int) -> None:
    """Have the kernel kill this process when its parent dies (Linux); a parent already gone: exit now."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(Exception):
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:
        os._exit(0)
