"""Exit statuses with one meaning each, and the one line a command prints for what went wrong.

Every command of ``python -m helpers`` ends through ``exit_status``: the README's table of exit
statuses is ``EXIT_CODES`` (a test keeps them equal). An engine bug prints a short line; with
``--debug`` or ``HELPERS_DEBUG=1`` it prints the traceback as well.
"""

from __future__ import annotations

import errno
import os
import re
import signal
import sys
import time
import traceback

EXIT_OK = 0
EXIT_INTERNAL = 1        # a bug in the engine
EXIT_BAD_INPUT = 2       # the source cannot be used, or the command line is wrong
EXIT_SOME_SKIPPED = 3    # corpus mode: some documents were skipped (each named on stderr)
EXIT_MISSING_ASSET = 4   # a dictionary or asset that `make env` fetches is missing or damaged
EXIT_DISK_FULL = 5       # no space left (or quota exceeded) while writing
EXIT_PERMISSION = 6      # permission denied, read-only file system, or another refusal of the file system
EXIT_OUTPUT_REFUSED = 7  # --out holds files we did not write, or another run is writing it
EXIT_INTERRUPTED = 130   # Ctrl-C (128 + SIGINT)
EXIT_TERMINATED = 143    # SIGTERM (128 + SIGTERM)

#: (status, meaning): the README's table, in order.
EXIT_CODES = [
    (EXIT_OK, "success"),
    (EXIT_INTERNAL, "internal error: a bug; `--debug` or `HELPERS_DEBUG=1` prints the traceback"),
    (EXIT_BAD_INPUT, "bad input: the source is missing, not a regular file, too large, not text, or lacks a part; or a wrong option"),
    (EXIT_SOME_SKIPPED, "corpus mode: some documents were skipped, each named on stderr; the rest were written"),
    (EXIT_MISSING_ASSET, "missing asset: a dictionary or reveal.js that `make env` fetches is absent or damaged"),
    (EXIT_DISK_FULL, "disk full (or quota exceeded) while writing; nothing was published"),
    (EXIT_PERMISSION, "permission denied, or the file system refused a write (read-only, name too long…)"),
    (EXIT_OUTPUT_REFUSED, "`--out` holds files this program did not write, or another run is writing it"),
    (EXIT_INTERRUPTED, "interrupted (Ctrl-C); temporary files removed, the previous output kept"),
    (EXIT_TERMINATED, "terminated (SIGTERM); the same"),
]

#: The same, in a word or two (``--help``).
EXIT_NAMES = {EXIT_OK: "success", EXIT_INTERNAL: "internal error", EXIT_BAD_INPUT: "bad input",
              EXIT_SOME_SKIPPED: "some documents skipped", EXIT_MISSING_ASSET: "missing asset",
              EXIT_DISK_FULL: "disk full", EXIT_PERMISSION: "permission denied", EXIT_OUTPUT_REFUSED: "--out refused or busy",
              EXIT_INTERRUPTED: "interrupted", EXIT_TERMINATED: "terminated"}

DISK_FULL_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT})
ERRNO_IN_TEXT = re.compile(r"\[Errno (\d+)\]")


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised like Ctrl-C so that every ``finally`` and cleanup runs."""


#: The signals received since ``install_signal_handlers``, in order: a library that turns the exception a signal
#: raised into an error of its own (pandas' CSV reader reports "Calling read(nbytes) on source failed") must not
#: make an interruption look like a bug.
RECEIVED: list[int] = []


def raise_terminated(signum, frame) -> None:
    RECEIVED.append(signum)
    raise Terminated()


def raise_interrupt(signum, frame) -> None:
    RECEIVED.append(signum)
    raise KeyboardInterrupt()


def _unraisable(hook_args) -> None:
    """A signal's exception raised inside a callback Python cannot unwind (an import lock's, a finaliser's) is
    swallowed there and printed as "Exception ignored in …": it is in ``RECEIVED``, and the run reports the
    interruption when it ends (``helpers.cli.main``), in its one line; anything else is printed as Python would."""
    if isinstance(hook_args.exc_value, KeyboardInterrupt):
        return
    sys.__unraisablehook__(hook_args)


def install_signal_handlers() -> dict:
    """SIGTERM unwinds like Ctrl-C (cleanup runs, then exit 143) instead of killing the process mid-write;
    Ctrl-C raises KeyboardInterrupt even where a caller had set it aside. Returns the handlers replaced."""
    RECEIVED.clear()
    wanted = {signal.SIGTERM: raise_terminated, signal.SIGINT: raise_interrupt}
    previous = {signum: signal.signal(signum, handler) for signum, handler in wanted.items()}
    previous["unraisablehook"] = sys.unraisablehook
    sys.unraisablehook = _unraisable
    return previous


def received_interrupt() -> KeyboardInterrupt | None:
    """The interruption a signal received since ``install_signal_handlers`` stands for (Terminated for SIGTERM), or
    None: what an error that a library raised in its place really was."""
    if not RECEIVED:
        return None
    return Terminated() if RECEIVED[-1] == signal.SIGTERM else KeyboardInterrupt()


def restore_signal_handlers(previous: dict) -> None:
    """Put back what ``install_signal_handlers`` replaced (a caller such as a test runner keeps its own)."""
    for signum, handler in previous.items():
        if signum == "unraisablehook":
            sys.unraisablehook = handler
            continue
        signal.signal(signum, handler if handler is not None else signal.SIG_DFL)


def debugging(flag: bool = False) -> bool:
    """True when tracebacks are wanted: ``--debug`` or ``HELPERS_DEBUG`` set to anything but 0/empty."""
    return flag or os.environ.get("HELPERS_DEBUG", "") not in ("", "0")


def os_error_status(exc: OSError) -> int:
    """The exit status of a file-system error: disk full, or a refusal of the file system."""
    code = exc.errno
    if code is None:  # shutil.Error and friends carry the errno only in their text
        found = ERRNO_IN_TEXT.search(str(exc))
        code = int(found.group(1)) if found else None
    return EXIT_DISK_FULL if code in DISK_FULL_ERRNOS else EXIT_PERMISSION


def describe_os_error(exc: OSError) -> str:
    """``[Errno 28] No space left on device: 'x'`` → ``disk full: no space left on device (writing x)``."""
    status = os_error_status(exc)
    reason = (exc.strerror or str(exc) or type(exc).__name__).strip().rstrip(".").splitlines()[0]
    if reason[1:2].islower():  # "No space left" reads on after a colon; "OSError" stays as it is
        reason = reason[:1].lower() + reason[1:]
    where = f" ({exc.filename})" if exc.filename else ""
    if status == EXIT_DISK_FULL:
        return f"disk full: {reason}{where}; nothing was published, free some space and run again"
    return f"cannot write: {reason}{where}"


def print_error(line: str) -> None:
    print(f"error: {line}", file=sys.stderr)


def report_internal(exc: BaseException, debug: bool) -> int:
    """An engine bug: one line, and the traceback when debugging."""
    if debugging(debug):
        traceback.print_exception(exc, file=sys.stderr)
    detail = str(exc).strip().splitlines()
    print(f"internal error: {type(exc).__name__}{': ' + detail[0] if detail else ''} "
          "(a bug; run with --debug or HELPERS_DEBUG=1 for the traceback)", file=sys.stderr)
    return EXIT_INTERNAL


def interrupted(exc: KeyboardInterrupt) -> int:
    """One line for Ctrl-C or SIGTERM; the status 128 + the signal."""
    kept, published = getattr(exc, "kept", None), getattr(exc, "published", None)
    if published:
        what = f"the output in {published} had already been written in full"
    elif kept:
        what = f"nothing was written; the previous output in {kept} is unchanged"
    else:
        what = "nothing was written"
    resume = getattr(exc, "resume", None)
    if resume:  # corpus mode: the documents already done are kept for the next run with the same arguments
        what += f"; the documents done are kept in {resume}, and the same command resumes from them"
    print(f"interrupted; {what}", file=sys.stderr)
    return EXIT_TERMINATED if isinstance(exc, Terminated) else EXIT_INTERRUPTED


def child_pids(parent: int | None = None) -> list[int]:
    """The live child processes of ``parent`` (default: this process), read from /proc; [] where there is none."""
    parent = os.getpid() if parent is None else parent
    children = []
    try:
        entries = os.listdir("/proc")
    except OSError:
        return []
    for entry in entries:
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as stream:
                fields = stream.read().rsplit(b")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if len(fields) > 1 and int(fields[1]) == parent:
            children.append(int(entry))
    return sorted(children)


def stop_children() -> list[int]:
    """Kill this process's children and the sessions they lead (notebook kernels start their own): after an
    interruption nothing of ours keeps running, writing or holding memory. Returns the PIDs signalled."""
    stopped = []
    for pid in child_pids():
        try:
            if os.getpgid(pid) == pid:  # a group leader: take its own children with it
                os.killpg(pid, signal.SIGKILL)
            else:
                os.kill(pid, signal.SIGKILL)
            stopped.append(pid)
        except (ProcessLookupError, PermissionError):
            continue
    deadline = time.monotonic() + STOP_WAIT_SECONDS  # until each is dead (a zombie holds nothing)
    while any(_running(pid) for pid in stopped) and time.monotonic() < deadline:
        time.sleep(0.01)
    return stopped


STOP_WAIT_SECONDS = 5.0


def _running(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", "rb") as stream:
            return stream.read().rsplit(b")", 1)[1].split()[0] != b"Z"
    except (OSError, IndexError):
        return False
