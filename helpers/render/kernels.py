"""Warm kernels for the report: each notebook's kernel forked from a process that has imported what they all import.

A fresh kernel spends about a second importing pandas, matplotlib and the bundle, and five of them did so in turn
on two cores. ``warm_kernels()`` starts one process that imports them once (``serve``), and the report's kernels are
forked from it: each is still a fresh kernel process of its own (its own memory, its own working directory and
environment, nothing shared with the other notebooks once forked), started by the same ``ipykernel`` application
with the same arguments as the ``python3`` kernel, only without the imports to repeat.

How a kernel is started: ``jupyter_client`` runs ``python -m helpers.render.kernels launch SOCKET <the kernel's own
command>`` (``ForkedKernelManager``); this small launcher hands its command, folder, environment and standard
streams to the warm process over a Unix socket, which forks; the launcher then stands for the kernel: it passes on
interrupts and terminations and exits when the kernel does; killed, its kernel notices and exits too. When the warm
process cannot be reached, the launcher runs the kernel's own command instead: a slower start, the same kernel.

The kernels it forks share one drawing memo (``helpers.paths.MEMO_ENV``, a folder beside its socket): a
figure two notebooks draw from the same inputs (the briefing repeats five of the pages' charts) is drawn once.

A notebook opened alone (JupyterLab, nbval, ``make notebooks``) uses the ordinary kernel; nothing here is needed.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import sys
import threading
from contextlib import contextmanager
from pathlib import Path

from ..paths import MEMO_ENV

LAUNCHER = "ipykernel_launcher"
#: What every numbered notebook imports (their first cells), imported once in the warm process.
WARM_MODULES = (
    "pandas", "matplotlib", "matplotlib.pyplot", "matplotlib_inline.backend_inline", "IPython.display",
    # the kernel and shell classes the application resolves when it starts, and what they import (its debugger's
    # debugpy and pdb, the shell's extensions, tornado's event loop): each kernel imported them again
    "ipykernel.kernelapp", "ipykernel.ipkernel", "ipykernel.zmqshell", "ipykernel.debugger", "IPython.core.debugger",
    "IPython.core.completerlib", "IPython.extensions.storemagic", "tornado.platform.asyncio",
    "helpers.pipeline", "helpers.render.conclusions", "helpers.render.deck",
    "helpers.render.figures", "helpers.render.narrative", "helpers.render.tables", "helpers.framing.labs",
    "helpers.framing.shifts", "helpers.framing.themes", "helpers.tables.entities",
)
CONNECT_SECONDS = 10  # how long a launcher waits for the warm process's socket to appear (its first act)
MESSAGE_BYTES = 1 << 20


# ---- the report's side -----------------------------------------------------------------------

class WarmKernels:
    """The report's handle on the warm process: the kernel manager class to give nbclient, and ``wait_ready``."""

    def __init__(self, server, path: Path):
        self.server = server
        self.manager_class = manager_class(path)

    def wait_ready(self) -> bool:
        """Wait until the warm process has imported and analysed (True), or has ended without (False)."""
        return self.server.stdout.readline().strip() == b"ready"


#: The warm process started early (``prestart``), not yet given its document: (process, its folder, its socket).
_prestarted = None


def _start_server():
    import subprocess
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="kernels-"))  # a short path: a Unix socket's is limited to ~100 bytes
    path = folder / "warm.sock"
    # its errors are the report's to find and say: it analyses the document again when this process could not
    server = subprocess.Popen([sys.executable, "-m", "helpers.render.kernels", "serve", str(path)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                              start_new_session=True)
    return server, folder, path


def prestart(arguments: list[str]) -> None:
    """For ``python -m helpers report ARGUMENTS`` on one document, start the warm process now, before this process's
    own imports (a second of them): it makes its imports meanwhile, on the other core, and ``warm_kernels`` gives it
    its document. Not given one, it ends when this process does (its stdin closes), removing its folder. A folder or a
    glob among the arguments (a corpus, whose reports start no warm process; or an output folder) starts nothing."""
    global _prestarted
    if _prestarted is None and not any(os.path.isdir(a) or any(c in a for c in "*?[") for a in arguments):
        _prestarted = _start_server()


def _give_document(server, source: Path | None, changes: dict | None) -> bool:
    line = json.dumps({"source": str(source) if source is not None else None, "changes": changes or {}}) + "\n"
    try:
        server.stdin.write(line.encode("utf-8"))
        server.stdin.flush()
        return True
    except OSError:  # it has ended
        return False


@contextmanager
def warm_kernels(source: Path | None = None, changes: dict | None = None):
    """Start the warm process for the block's duration (or take the one ``prestart`` started); yields its
    ``WarmKernels``. Given a document, the warm process analyses it (``helpers.pipeline.load_analysis``: into the cache
    the report and the notebooks read) before it forks kernels, so they start with everything the analysis loaded.
    The process ends when the block does."""
    global _prestarted
    started, _prestarted = _prestarted, None
    server, folder, path = started or _start_server()
    if not _give_document(server, source, changes):
        _stop(server, folder)
        server, folder, path = _start_server()
        _give_document(server, source, changes)
    try:
        yield WarmKernels(server, path)
    finally:
        _stop(server, folder)


def _stop(server, folder: Path) -> None:
    import shutil
    import subprocess

    try:
        server.stdin.close()  # the warm process ends when its stdin does
    except OSError:
        pass
    try:
        server.wait(timeout=5)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()
    server.stdout.close()
    shutil.rmtree(folder, ignore_errors=True)


def manager_class(path: Path):
    """An nbclient kernel manager whose kernels are forked from the warm process listening at ``path``."""
    from jupyter_client.manager import AsyncKernelManager

    class ForkedKernelManager(AsyncKernelManager):
        def format_kernel_cmd(self, extra_arguments=None):
            command = super().format_kernel_cmd(extra_arguments=extra_arguments)
            return [sys.executable, "-m", "helpers.render.kernels", "launch", str(path), *command]

    return ForkedKernelManager


# ---- the launcher: stands for one kernel -------------------------------------------------------

def launch(path: str, command: list[str]) -> None:
    """Have the warm process fork a kernel running ``command``; wait for it, passing on signals. Falls back to
    running ``command`` itself when the warm process is not there or cannot run it."""
    if (LAUNCHER not in command or os.path.realpath(command[0]) != os.path.realpath(sys.executable)
            or not os.path.isdir(os.path.dirname(path))):  # no warm process made that folder: the plain kernel
        os.execv(command[0], command)
    try:
        conn = _connect(path)
        request = {"argv": command[command.index(LAUNCHER) + 1:], "cwd": os.getcwd(), "env": dict(os.environ)}
        socket.send_fds(conn, [json.dumps(request).encode("utf-8")], [0, 1, 2])
        pid = int(_read_line(conn))
    except (OSError, ValueError):
        os.execv(command[0], command)

    def forward(signum, _frame):
        try:
            os.kill(pid, signum)
        except ProcessLookupError:
            pass

    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT, signal.SIGUSR1, signal.SIGUSR2):
        signal.signal(signum, forward)
    while True:  # the kernel holds the other end: its exit closes it
        try:
            if not conn.recv(64):
                break
        except InterruptedError:
            continue
        except OSError:
            break
    os._exit(0)


def _connect(path: str) -> socket.socket:
    import time

    deadline = time.monotonic() + CONNECT_SECONDS
    while True:
        conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            conn.connect(path)
            return conn
        except FileNotFoundError:
            conn.close()
            if time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def _read_line(conn: socket.socket) -> str:
    data = b""
    while not data.endswith(b"\n"):
        chunk = conn.recv(64)
        if not chunk:
            raise OSError("the warm process closed the connection")
        data += chunk
    return data.decode("ascii")


# ---- the warm process ---------------------------------------------------------------------------

def _read_request() -> dict | None:
    """The first line on stdin, ``{"source": …, "changes": {…}}`` (JSON); None once stdin is closed without one."""
    data = b""
    while not data.endswith(b"\n"):
        chunk = os.read(sys.stdin.fileno(), 1)
        if not chunk:
            return None
        data += chunk
    try:
        return json.loads(data.decode("utf-8"))
    except ValueError:
        return {}


def serve(path: str) -> None:
    """Listen at ``path``, import ``WARM_MODULES``, read the document on stdin (``warm_kernels`` writes it), analyse its
    ``source`` with its ``changes`` if given, say "ready" on stdout, then fork a kernel for each launcher until stdin
    closes. Started early (``prestart``) and never given a document, it ends, removing its folder."""
    import gc
    import importlib
    import select
    import shutil

    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(path)  # first: launchers may connect while the imports below run
    drawn = Path(path).parent / "drawn"   # the kernels' drawing memo (``helpers.paths.MEMO_ENV``)
    drawn.mkdir(exist_ok=True)
    listener.listen(16)
    # as the kernel application sets it before a notebook imports matplotlib (its default backend: inline)
    os.environ.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    for name in WARM_MODULES:
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001 - a module that fails here fails in its notebook, which says why
            pass
    request = _read_request()
    if request is None:   # the process that started it ended (or made no report)
        listener.close()
        shutil.rmtree(Path(path).parent, ignore_errors=True)
        return
    if request.get("source"):
        try:
            importlib.import_module("helpers.pipeline").load_analysis(request["source"], **(request.get("changes") or {}))
        except Exception:  # noqa: BLE001 - the report analyses it again, and says what is wrong
            pass
    warm_caches()
    # what is built so far stays as it is: the kernels' garbage collector leaves it alone (a full collection would
    # walk and touch every object inherited, copying the pages forked processes share)
    gc.collect()
    gc.freeze()
    print("ready", flush=True)
    while True:
        ready, _, _ = select.select([listener, sys.stdin], [], [], 1.0)
        _reap()
        if sys.stdin in ready and not os.read(sys.stdin.fileno(), 1024):
            break
        if listener in ready:
            conn, _ = listener.accept()
            try:
                message, fds, _flags, _address = socket.recv_fds(conn, MESSAGE_BYTES, 3)
                request = json.loads(message.decode("utf-8"))
            except (OSError, ValueError):
                conn.close()
                continue
            warm = os.getpid()
            if os.fork() == 0:
                listener.close()
                _kernel(conn, fds, request, drawn, warm)  # never returns
            conn.close()
            for fd in fds:
                os.close(fd)


def warm_caches() -> None:
    """Build, once, what the notebooks each built again on first use: the gazetteer and its compiled form, the links'
    label quality, the tokenizer's dictionary, the cue matchers, the figures' font coverage, the engine's hash (the analysis cache's key). Each is a process-wide cache of reference
    files (no document in it); forked kernels find it built. Only memory: nothing here keeps a file open, which
    forked processes would share. A name that moved is skipped (the notebook builds it then, as before)."""
    steps = (
        ("helpers.pipeline", "engine_digest", ()),
        ("helpers.tables.entities", "load_gazetteer", ()),
        ("helpers.framing.shifts", "load_label_quality", ()),   # read by every link gate, dozens of times a report
        ("helpers.tables.entities", "tokenizer_for", ()),
        ("helpers.tables.claims", "cue_matcher", ()),
        ("helpers.tables.claims", "claim_matcher", ()),
        ("helpers.framing.shifts", "_certainty_matchers", ()),
        ("helpers.render.figures", "_font_characters", ()),
    )
    import importlib

    for module, name, arguments in steps:
        try:
            value = getattr(importlib.import_module(module), name)(*arguments)
            if name == "tokenizer_for":
                value.cut("中文")  # loads jieba-rs's dictionary
        except Exception:  # noqa: BLE001 - a warm-up only: the notebook builds it itself and says what fails
            pass


def _reap() -> None:
    while True:
        try:
            pid, _status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


#: Linux's ``prctl`` option that sends a signal to a process when its parent dies.
PR_SET_PDEATHSIG = 1


def _die_with(parent: int | None) -> None:
    """Have the kernel killed when the warm process dies (Linux): out of its process group, a kernel is no longer
    killed with it when a stopped report kills the group; a warm process already gone: exit now."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        except Exception:  # noqa: BLE001 - without it the kernel still ends with its launcher
            pass
    if parent is not None and os.getppid() != parent:
        os._exit(1)


def _kernel(conn: socket.socket, fds: list[int], request: dict, drawn: Path | None = None,
            parent: int | None = None) -> None:
    """In the forked child: become the kernel the launcher asked for, as ``python -m ipykernel_launcher`` would; its
    figures shared with the report's other kernels through ``drawn`` (each figure drawn once, whichever notebook
    draws it first)."""
    code = 1
    try:
        # A session of its own, as jupyter_client starts every kernel (``start_new_session``): with Linux's autogroup
        # scheduling a loaded machine shares its cores between sessions, and five kernels left in the warm process's
        # one session shared one kernel's share. It still ends with its launcher (``_exit_with``) and, on Linux, with
        # the warm process (``_die_with``).
        os.setsid()
        _die_with(parent)
        for target, fd in enumerate(fds):
            os.dup2(fd, target)
            os.close(fd)
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        if drawn is not None:
            os.environ[MEMO_ENV] = str(drawn)
        sys.path[0] = request["cwd"]  # as ``python -m`` sets it in the kernel's own folder
        sys.argv = [LAUNCHER, *request["argv"]]
        if os.environ.get("JPY_PARENT_PID"):  # read by the application's class when imported, before the fork
            sys.argv.append(f"--IPKernelApp.parent_handle={int(os.environ['JPY_PARENT_PID'])}")
        conn.sendall(f"{os.getpid()}\n".encode("ascii"))
        # the launcher gone (killed with its kernel's manager): the kernel goes too
        threading.Thread(target=_exit_with, args=(conn,), daemon=True).start()
        from ipykernel import kernelapp

        kernelapp.launch_new_instance()
        code = 0
    except SystemExit as stop:
        code = stop.code if isinstance(stop.code, int) else 0
    except BaseException:  # noqa: BLE001 - said on the kernel's stderr, as a kernel that fails to start says it
        import traceback

        traceback.print_exc()
    finally:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):
                pass
        os._exit(code)


def _exit_with(conn: socket.socket) -> None:
    try:
        while conn.recv(64):
            pass
    except OSError:
        pass
    os._exit(1)


if __name__ == "__main__":
    if sys.argv[1:2] == ["serve"] and len(sys.argv) == 3:
        serve(sys.argv[2])
    elif sys.argv[1:2] == ["launch"]:
        launch(sys.argv[2], sys.argv[3:])
    else:
        sys.exit("usage: python -m helpers.render.kernels serve SOCKET | launch SOCKET COMMAND…")
