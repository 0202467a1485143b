"""The report's warm process: it imports what the notebooks import and has the document analysed once (in a process
it forks for that, while it makes the notebooks' imports: ``serve``), then runs each notebook in a process forked from
it (``helpers.render.runner``: an IPython shell, no kernel), two at a time. ``python -m helpers report`` forks it from
its own process once its imports are made (``prestart``); elsewhere ``warm_kernels`` starts it as a fresh interpreter.

A fresh kernel spends about a second importing pandas, matplotlib and the bundle, and a kernel's start (an application,
its sockets and threads) and every output's trip as a message cost again on both sides (the kernel's and the report's
client, papermill). ``warm_kernels()`` starts one process that imports once (``serve``); the report asks it over a Unix
socket to run a notebook (``WarmKernels.run``), and it forks: each notebook still runs in a process of its own (its own
memory, its own working directory, nothing shared with the other notebooks once forked), its outputs those a kernel
would give (``tests/test_runner.py``). When the warm process cannot be reached, the notebook runs in a fresh kernel
instead (``helpers.render.notebooks.run_notebook``): slower, the same notebook.

The processes it forks share one drawing memo (``helpers.paths.MEMO_ENV``, a folder beside its socket): a figure two
notebooks draw from the same inputs (the briefing repeats five of the pages' charts) is drawn once.

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
from .errors import failure
from .notebooks import run_notebook
from .runner import CellFailed, make_shell, run_file

#: What the document's analysis imports, imported first in the warm process: the analysis is forked off once these and
#: the engine's caches are loaded (``serve``).
ENGINE_MODULES = ("pandas", "helpers.pipeline", "helpers.framing.labs", "helpers.framing.shifts",
                  "helpers.framing.themes", "helpers.tables.entities")
#: What only the notebooks import (their first cells), imported while the document is analysed.
NOTEBOOK_MODULES = (
    "matplotlib", "matplotlib.pyplot", "matplotlib_inline.backend_inline", "IPython.display",
    # the shell the notebooks run in (and what its %matplotlib magic and its first cell import), reading and writing
    # them; what saving a figure's SVG, and a notebook's pivot, import on first use: each forked notebook imported
    # them again
    "IPython.core.interactiveshell", "IPython.core.magics.execution", "IPython.core.magics.pylab", "nbformat",
    "matplotlib.backends.backend_svg", "pandas.core.reshape.reshape",
    "helpers.render.conclusions", "helpers.render.deck", "helpers.render.figures", "helpers.render.narrative",
    "helpers.render.tables",
)
#: What every numbered notebook imports, imported once in the warm process.
WARM_MODULES = ENGINE_MODULES + NOTEBOOK_MODULES
CONNECT_SECONDS = 10  # how long the report waits for the warm process's socket to appear (its first act)


# ---- the report's side -----------------------------------------------------------------------

class WarmKernels:
    """The report's handle on the warm process: ``run`` a notebook in it, ``wait_ready``."""

    def __init__(self, server, path: Path, folder: Path | None = None):
        self.server, self.path, self.folder = server, path, folder

    def wait_ready(self) -> bool:
        """Wait until the warm process has imported and analysed (True), or has ended without (False)."""
        return self.server.stdout.readline().strip() == b"ready"

    def analyse(self, source: Path, changes: dict | None = None) -> None:
        """Give the warm process another document (a corpus report's next one): it analyses it, says "ready" again
        (``wait_ready``) and forks that document's notebooks from then on, its imports made once for the whole corpus.
        A warm process that has ended (a report stopped after a notebook failed kills it) is replaced by a new one."""
        if not _give_document(self.server, source, changes):
            _stop(self.server, self.folder)
            self.server, self.folder, self.path = _start_server()
            _give_document(self.server, source, changes)

    def run(self, notebook: Path, output: Path, parameters: dict, finishing: list | None = None) -> None:
        """Run ``notebook`` with ``parameters`` into ``output`` in a process forked from the warm process (``run_here``:
        no kernel; the same outputs); where the warm process cannot be reached or ends before it has forked, in a fresh
        kernel (``helpers.render.notebooks.run_notebook``): slower, the same notebook. A cell that fails raises
        ``errors.failure``'s error, as a kernel's failure does; so does the notebook's process ending before it has
        answered (killed: a stopped report, the memory exhausted), as a kernel that dies does.

        ``finishing``: where to leave what is left once the notebook has run and been written: its figures' SVGs
        (``figures.defer_svgs``), which its process writes after answering; a function that waits for them (raising
        as above if that fails). Without it, ``run`` returns once they are written."""
        request = {"run": str(notebook), "output": str(output), "parameters": parameters, "cwd": str(notebook.parent),
                   "defer": finishing is not None}
        try:
            conn = _connect(str(self.path))
        except OSError:   # no warm process (or it has gone): the notebook's own kernel
            return run_notebook(notebook, output, parameters)
        answers = conn.makefile("rb")

        def answer(died: str) -> dict:
            try:
                return json.loads(answers.readline())
            except (OSError, ValueError):
                return {"ename": "ProcessDied", "evalue": f"the process running it ended before {died}"}

        def finish() -> None:
            try:
                reply = answer("its figures were written")
            finally:
                answers.close()
                conn.close()
            if reply.get("ename"):
                raise failure(notebook, CellFailed(reply["ename"], reply.get("evalue", ""), reply.get("cell", -1)))

        try:
            try:
                conn.sendall((json.dumps(request) + "\n").encode("utf-8"))
                started = answers.readline()
            except OSError:
                started = b""
            if not started.endswith(b"\n"):   # the warm process ended before it forked: the notebook's own kernel
                answers.close()
                conn.close()
                return run_notebook(notebook, output, parameters)
            reply = answer("the notebook did")
        except BaseException:
            answers.close()
            conn.close()
            raise
        if reply.get("ename"):
            answers.close()
            conn.close()
            raise failure(notebook, CellFailed(reply["ename"], reply.get("evalue", ""), reply.get("cell", -1)))
        if finishing is not None:
            finishing.append(finish)
        else:
            finish()


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


class _Forked:
    """A warm process forked from this one (``_fork_server``), with what ``warm_kernels`` uses of a ``Popen``: its pid,
    its stdin and stdout (pipes), ``poll``, ``wait`` and ``kill``."""

    def __init__(self, pid: int, stdin, stdout):
        self.pid, self.stdin, self.stdout, self.returncode = pid, stdin, stdout, None

    def poll(self) -> int | None:
        if self.returncode is None:
            try:
                pid, status = os.waitpid(self.pid, os.WNOHANG)
            except ChildProcessError:
                self.returncode = 0
                return self.returncode
            if pid:
                self.returncode = os.waitstatus_to_exitcode(status)
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        import subprocess
        import time

        deadline = None if timeout is None else time.monotonic() + timeout
        while self.poll() is None:
            if deadline is not None and time.monotonic() > deadline:
                raise subprocess.TimeoutExpired(f"warm process {self.pid}", timeout)
            time.sleep(0.005)
        return self.returncode

    def kill(self) -> None:
        if self.poll() is None:
            try:
                os.kill(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass


def _fork_server():
    """The warm process forked from this one, which has made the imports the analysis needs (the report's own): the
    same process ``_start_server`` starts, without importing pandas and the engine a second time. In a session of its
    own, as started; its stdin and stdout pipes to this process, its stderr nowhere, no other file of this one's."""
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="kernels-"))
    path = folder / "warm.sock"
    to_server, from_us = os.pipe()
    to_us, from_server = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    try:
        pid = os.fork()
    except OSError:
        import shutil

        for fd in (to_server, from_us, to_us, from_server):
            os.close(fd)
        shutil.rmtree(folder, ignore_errors=True)
        raise
    if pid == 0:
        code = 1
        try:
            os.setsid()
            for signum in (signal.SIGINT, signal.SIGTERM):
                signal.signal(signum, signal.SIG_DFL)
            os.dup2(to_server, 0)
            os.dup2(from_server, 1)
            null = os.open(os.devnull, os.O_WRONLY)
            os.dup2(null, 2)
            # what this process was handed beyond its three (inheritable: its own files are not) is not the warm
            # process's to hold open
            for fd in _open_descriptors():
                try:
                    if fd > 2 and os.get_inheritable(fd):
                        os.close(fd)
                except OSError:   # the listing's own, closed since
                    pass
            for fd in (to_server, from_us, to_us, from_server, null):
                if fd > 2:
                    try:
                        os.close(fd)
                    except OSError:
                        pass
            # the handout's browser, if launched early, is the report's: its pipe is not the warm process's to hold
            _forget_browser()
            # this process's streams, whatever stood in for them (a test's capture), on the three descriptors
            sys.stdin = open(0, encoding="utf-8", closefd=False)
            sys.stdout = open(1, "w", encoding="utf-8", closefd=False)
            sys.stderr = open(2, "w", encoding="utf-8", closefd=False)
            serve(str(path))
            code = 0
        finally:
            os._exit(code)
    os.close(to_server)
    os.close(from_server)
    return _Forked(pid, os.fdopen(from_us, "wb"), os.fdopen(to_us, "rb")), folder, path


def _forget_browser() -> None:
    browser = sys.modules.get("helpers.render.browser")
    if browser is not None:
        browser.forget_early()


def _open_descriptors() -> list[int]:
    try:
        return sorted(int(fd) for fd in os.listdir("/proc/self/fd"))
    except OSError:
        return list(range(3, 256))


def prestart(arguments: list[str], *, fork: bool = False) -> None:
    """For ``python -m helpers report ARGUMENTS`` on one document, start the warm process now, and ``warm_kernels``
    gives it its document. Not given one, it ends when this process does (its stdin closes), removing its folder. A
    folder or a glob among the arguments (a corpus, whose reports start no warm process; or an output folder) starts
    nothing. ``fork``: fork it from this process, which has made the report's imports (pandas, the engine): the warm
    process starts with them made, instead of making them again beside this one (half a second of CPU)."""
    global _prestarted
    if _prestarted is None and one_document(arguments):
        try:
            _prestarted = _fork_server() if fork and hasattr(os, "fork") else _start_server()
        except OSError:   # no process to spare now: ``warm_kernels`` starts one, or says why it cannot
            _prestarted = None


def one_document(arguments: list[str]) -> bool:
    """Whether ``python -m helpers report ARGUMENTS`` reports on one document: no folder or glob among the arguments (a
    corpus, or an output folder), nor a request for help."""
    return not any(os.path.isdir(a) or any(c in a for c in "*?[") or a in ("-h", "--help") for a in arguments)


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
    the report and the notebooks read) before it forks, so each notebook starts with everything the analysis loaded.
    The process ends when the block does."""
    global _prestarted
    started, _prestarted = _prestarted, None
    server, folder, path = started or _start_server()
    if not _give_document(server, source, changes):
        _stop(server, folder)
        server, folder, path = _start_server()
        _give_document(server, source, changes)
    kernels = WarmKernels(server, path, folder)
    try:
        yield kernels
    finally:
        _stop(kernels.server, kernels.folder)


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
    ``source`` with its ``changes`` if given, say "ready" on stdout, then fork a process for each notebook it is asked
    to run (``run_here``) until stdin closes; each further line on stdin is another document (``WarmKernels.analyse``),
    analysed before the notebooks asked for after it are forked, then "ready" again. Started early (``prestart``) and
    never given a document, it ends, removing its folder.

    The first document is analysed in a process forked once the analysis's imports and the engine's caches are loaded
    (``_analyse_aside``), while this one imports what only the notebooks need and builds their shell: the two halves
    of the way to the first notebook side by side, on two cores, instead of one after the other. Nothing is loaded
    twice (the analysis finds the engine's caches built), and the analysis reaches the notebooks as before, through
    the cache they read it from."""
    import gc
    import importlib
    import select
    import shutil

    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(path)  # first: the report may ask while the imports below run
    drawn = Path(path).parent / "drawn"   # the notebooks' drawing memo (``helpers.paths.MEMO_ENV``)
    drawn.mkdir(exist_ok=True)
    listener.listen(16)
    # as a kernel has it before a notebook imports matplotlib (its default backend: inline)
    os.environ.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")

    def load(name: str) -> None:
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001 - a module that fails here fails in its notebook, which says why
            pass

    for name in ENGINE_MODULES:
        load(name)
    warm_caches(ENGINE_CACHES)
    # the notebooks' side, done while the document is analysed; begun before, while the report has not yet sent it
    notebooks_side = [lambda name=name: load(name) for name in NOTEBOOK_MODULES]
    notebooks_side.append(lambda: warm_caches(NOTEBOOK_CACHES))
    while notebooks_side and not select.select([sys.stdin], [], [], 0)[0]:
        notebooks_side.pop(0)()
    request = _read_request()
    if request is None:   # the process that started it ended (or made no report)
        listener.close()
        shutil.rmtree(Path(path).parent, ignore_errors=True)
        return
    analysing = _analyse_aside(request, listener)
    for step in notebooks_side:
        step()
    shell = _runner_shell()
    # what is built so far stays as it is: the forked processes' garbage collector leaves it alone (a full collection would
    # walk and touch every object inherited, copying the pages forked processes share). Not collected first: imports and
    # caches leave next to no garbage (72 objects on the seed; the analysis, which left more, is built in its own
    # process), and a full collection walked all they hold, 0.1 s of the way to the first notebook
    gc.freeze()
    analysing()
    print("ready", flush=True)
    pending = b""
    while True:
        ready, _, _ = select.select([listener, sys.stdin], [], [], 1.0)
        _reap()
        if sys.stdin in ready:  # first: a further document (a corpus report's next), before its notebooks are forked
            chunk = os.read(sys.stdin.fileno(), 4096)
            if not chunk:   # the report has ended (or stopped): end now
                listener.close()
                _end_now()
            pending += chunk
            while b"\n" in pending:
                line, pending = pending.split(b"\n", 1)
                try:
                    _analyse(json.loads(line.decode("utf-8")))
                except ValueError:
                    pass
                gc.collect()
                gc.freeze()
                print("ready", flush=True)
            continue
        if listener in ready:
            conn, _ = listener.accept()
            try:
                request = json.loads(_read_line(conn))
            except (OSError, ValueError):
                conn.close()
                continue
            warm = os.getpid()
            if os.fork() == 0:
                listener.close()
                run_here(conn, request, drawn, warm, shell)  # never returns
            conn.close()


def _end_now() -> None:
    """End the warm process without the interpreter's teardown: what it holds (the dictionaries, the cue matchers, the
    imports of every notebook) is the system's to free, and the report waits for it to end (``_stop``). Writing nothing
    and holding no file but its socket, it has nothing to flush or close; its folder is the report's to remove."""
    sys.stdout.flush()
    os._exit(0)


def _analyse_aside(request: dict, listener: socket.socket):
    """Analyse the request's document (``_analyse``) in a process forked from this one, which ends once the analysis is
    in the cache; returns a function that waits for it. Where no process can be forked, the function analyses it
    here. The forked process answers nothing and writes nothing but the cache; it dies with this one (``_die_with``).
    In a session of its own, as each notebook's process: with Linux's autogroup scheduling, on a loaded machine it
    shared this process's session's share with the notebooks' imports made here meanwhile, while it is what the
    notebooks wait for."""
    if not request.get("source"):
        return lambda: None
    parent = os.getpid()
    try:
        pid = os.fork()
    except OSError:
        return lambda: _analyse(request)
    if pid == 0:
        code = 1
        try:
            listener.close()
            os.setsid()
            _die_with(parent)
            _analyse(request)
            code = 0
        finally:
            os._exit(code)

    def wait() -> None:
        try:
            os.waitpid(pid, 0)
        except ChildProcessError:
            pass
    return wait


def _analyse(request: dict) -> None:
    """Analyse the request's ``source`` with its ``changes`` (``helpers.pipeline.load_analysis``: into the cache the
    report and the notebooks read), if it names one."""
    if request.get("source"):
        import importlib

        try:
            importlib.import_module("helpers.pipeline").load_analysis(request["source"], **(request.get("changes") or {}))
        except Exception:  # noqa: BLE001 - the report analyses it again, and says what is wrong
            pass


#: The engine's caches, each a process-wide cache of reference files (no document in it), built before the document's
#: analysis is forked off (which finds them built) and inherited by every notebook: the gazetteer and its compiled form,
#: the links' label quality (read by every link gate, dozens of times a report), the tokenizer's dictionary, the cue
#: matchers, the engine's hash (the analysis cache's key), and what the framing page's and the briefing's link gates
#: load on their first look at evidence (the stemmer and the pinyin dictionary, about 0.5 s each in each of those
#: notebooks).
ENGINE_CACHES = (
    ("helpers.pipeline", "engine_digest", ()),
    ("helpers.tables.entities", "load_gazetteer", ()),
    ("helpers.framing.shifts", "load_label_quality", ()),
    ("helpers.tables.entities", "tokenizer_for", ()),
    ("helpers.tables.claims", "cue_matcher", ()),
    ("helpers.tables.claims", "claim_matcher", ()),
    ("helpers.framing.shifts", "_certainty_matchers", ()),
    ("helpers.align.evidence", "_porter", ()),
    ("helpers.align.evidence", "_pinyin", ("中文",)),
)
#: What the notebooks alone build on first use: the figures' font coverage, the image formats' plugins (which saving the
#: first PNG loads), the notebook format's schema (compiled by the first notebook read; each notebook reads and writes
#: its own).
NOTEBOOK_CACHES = (
    ("helpers.render.figures", "_font_characters", ()),
    ("PIL.Image", "init", ()),
    ("nbformat.validator", "get_validator", (4, 5)),
)


def warm_caches(steps=ENGINE_CACHES + NOTEBOOK_CACHES) -> None:
    """Build, once, what the notebooks each built again on first use (``ENGINE_CACHES``, ``NOTEBOOK_CACHES``). Each is
    a process-wide cache; the forked notebooks find it built. Only memory: nothing here keeps a file open, which forked
    processes would share. A name that moved is skipped (the notebook builds it then, as before)."""
    import importlib

    for module, name, arguments in steps:
        try:
            value = getattr(importlib.import_module(module), name)(*arguments)
            if name == "tokenizer_for":
                value.cut("中文")  # loads jieba-rs's dictionary
        except Exception:  # noqa: BLE001 - a warm-up only: the notebook builds it itself and says what fails
            pass


def _runner_shell():
    """The IPython shell the forked notebooks run in (``helpers.render.runner``), made once here with what running and
    writing a notebook imports; None when it cannot be made (each run then makes its own, and says what fails)."""
    try:
        import nbformat  # noqa: F401 - reading and writing the notebooks

        return make_shell()
    except Exception:  # noqa: BLE001 - a warm-up only
        return None


def run_here(conn: socket.socket, request: dict, drawn: Path | None, parent: int | None, shell) -> None:
    """In the forked child: run the notebook ``request["run"]`` into ``request["output"]`` in this process
    (``helpers.render.runner.run_file``), in its folder, then answer on ``conn`` with one JSON line: ``{}``, or the
    failing cell's ``ename`` and ``evalue``. A session of its own, as jupyter_client starts every kernel
    (``start_new_session``): with Linux's autogroup scheduling a loaded machine shares its cores between sessions, and
    notebooks left in the warm process's one session would share one session's share. It ends with the warm process
    (``_die_with``) and with the report's connection (``_exit_with``)."""
    code = 0
    try:
        os.setsid()
        _die_with(parent)
        for target, flags in ((0, os.O_RDONLY), (1, os.O_WRONLY), (2, os.O_WRONLY)):
            # the warm process's stdin and stdout are its pipes to the report: none of the notebook's
            null = os.open(os.devnull, flags)
            os.dup2(null, target)
            os.close(null)
        os.chdir(request["cwd"])
        if drawn is not None:
            os.environ[MEMO_ENV] = str(drawn)
        sys.path[0] = request["cwd"]   # as a kernel started in the notebook's folder has it
        conn.sendall(f"{os.getpid()}\n".encode("ascii"))   # forked: from now on a failure is the notebook's
        threading.Thread(target=_exit_with, args=(conn,), daemon=True).start()
        figures = sys.modules.get("helpers.render.figures")   # imported by the warm process
        if figures is not None and request.get("defer"):
            figures.defer_svgs()
        try:
            run_file(Path(request["run"]), Path(request["output"]), request.get("parameters") or {}, shell)
            reply = {}
        except CellFailed as failed:
            reply = {"ename": failed.ename, "evalue": failed.evalue, "cell": failed.cell_index}
        except Exception as exc:  # noqa: BLE001 - said to the report, as a kernel's failure is
            reply = {"ename": type(exc).__name__, "evalue": str(exc)}
        conn.sendall((json.dumps(reply) + "\n").encode("utf-8"))
        # then what the notebook left to write once it had run (its SVGs), the report rendering its page meanwhile;
        # a second line says they are written (a notebook that failed has its report stopped: nothing more to write)
        if not reply:
            try:
                if figures is not None:
                    figures.write_deferred_svgs()
                reply = {}
            except Exception as exc:  # noqa: BLE001 - said to the report, as a kernel's failure is
                reply = {"ename": type(exc).__name__, "evalue": str(exc)}
            conn.sendall((json.dumps(reply) + "\n").encode("utf-8"))
    except BaseException:  # noqa: BLE001 - the report reads a closed connection and runs the notebook itself
        code = 1
    finally:
        os._exit(code)


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
    """Have a forked notebook killed when the warm process dies (Linux): out of its process group, it is no longer
    killed with it when a stopped report kills the group; a warm process already gone: exit now."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        except Exception:  # noqa: BLE001 - without it the notebook still ends with the report's connection
            pass
    if parent is not None and os.getppid() != parent:
        os._exit(1)


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
    else:
        sys.exit("usage: python -m helpers.render.kernels serve SOCKET")
