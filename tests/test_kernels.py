"""helpers.render.kernels: a notebook run by the warm process runs in a process of its own, in its notebook's folder."""

import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
import pytest

from helpers.paths import MEMO_ENV
from helpers.render import kernels
from helpers.render.errors import NotebookFailed
from helpers.render.kernels import WarmKernels, warm_kernels
from helpers.render.notebooks import run_notebook

PROBE = f"""import os, sys, json
print(json.dumps({{"cwd": os.getcwd(), "pandas": "pandas" in sys.modules, "pid": os.getpid(), "session": os.getsid(0),
                   "parent": os.getppid(),
                   "drawn": os.environ.get("{MEMO_ENV}", "")}}))"""


def probe(tmp_path, name, warm=None):
    notebook = tmp_path / name / "probe.ipynb"
    notebook.parent.mkdir()
    nb = nbformat.v4.new_notebook()
    nb.cells.append(nbformat.v4.new_code_cell(PROBE))
    nbformat.write(nb, notebook)
    if warm is None:
        run_notebook(notebook, notebook.with_name("out.ipynb"), {})
    else:
        warm.run(notebook, notebook.with_name("out.ipynb"), {})
    executed = nbformat.read(notebook.with_name("out.ipynb"), as_version=4)
    return json.loads(executed.cells[0].outputs[0]["text"])


def test_a_notebook_run_warm_runs_in_its_folder_with_the_imports_done(tmp_path):
    with warm_kernels() as warm:
        assert warm.wait_ready()
        first = probe(tmp_path, "a", warm)
        second = probe(tmp_path, "b", warm)
    assert first["cwd"] == str(tmp_path / "a") and second["cwd"] == str(tmp_path / "b")
    assert first["pandas"] and second["pandas"]  # imported before the fork, not by the probe
    assert first["pid"] != second["pid"]  # two processes
    # each in a session of its own, as jupyter_client starts a kernel (the scheduler shares a loaded machine by session)
    assert first["session"] == first["pid"] and second["session"] == second["pid"]
    # one drawing memo for the report's notebooks, in the warm process's own folder (removed with it)
    assert first["drawn"] == second["drawn"] and first["drawn"].endswith("/drawn")
    assert not (Path(first["drawn"]).exists())


def test_one_warm_process_takes_document_after_document_and_is_replaced_once_killed(tmp_path):
    # a corpus report: each document given in turn (here files that do not exist: the analysis fails quietly, as the
    # report's own then says why), "ready" after each, each document's notebooks forked from the same process
    with warm_kernels() as warm:
        assert warm.wait_ready()
        first_server = warm.server.pid
        warm.analyse(tmp_path / "made-up-1.txt", {})
        assert warm.wait_ready()
        first = probe(tmp_path, "a", warm)
        warm.analyse(tmp_path / "made-up-2.txt", {"z_threshold": 1.2})
        assert warm.wait_ready()
        second = probe(tmp_path, "b", warm)
        assert first["parent"] == second["parent"] == first_server and first["pandas"] and second["pandas"]
        os.kill(first_server, signal.SIGKILL)   # what a report stopped after a failed notebook does to it
        warm.server.wait()
        warm.analyse(tmp_path / "made-up-3.txt", {})
        assert warm.wait_ready() and warm.server.pid != first_server
        third = probe(tmp_path, "c", warm)
        assert third["parent"] == warm.server.pid and third["pandas"]
        replaced = warm.server
    assert replaced.poll() is not None


def test_without_the_warm_process_a_notebook_runs_in_the_plain_kernel(tmp_path, monkeypatch):
    monkeypatch.setattr(kernels, "CONNECT_SECONDS", 0)
    plain = probe(tmp_path, "p", WarmKernels(None, tmp_path / "absent" / "warm.sock"))
    assert plain["cwd"] == str(tmp_path / "p") and not plain["pandas"] and not plain["drawn"]


def one_cell_notebook(path, source: str):
    """A notebook of one code cell, written to ``path``."""
    nb = nbformat.v4.new_notebook()
    nb.cells.append(nbformat.v4.new_code_cell(source))
    nbformat.write(nb, path)
    return path


def test_a_failing_cell_run_warm_is_the_reports_one_line_error(tmp_path):
    notebook = one_cell_notebook(tmp_path / "fails.ipynb", "raise ValueError('made-up failure')")
    with warm_kernels() as warm:
        assert warm.wait_ready()
        with pytest.raises(NotebookFailed, match="fails.ipynb failed: ValueError: made-up failure"):
            warm.run(notebook, tmp_path / "out.ipynb", {})
    executed = nbformat.read(tmp_path / "out.ipynb", as_version=4)  # written, the failing cell's error in it
    assert executed.cells[0].outputs[0]["output_type"] == "error"


def test_the_warm_process_ends_with_its_block():
    with warm_kernels() as kernels:
        server = kernels.server
    assert server.poll() is not None


def test_a_notebook_whose_process_dies_fails_in_one_line_and_is_not_run_again(tmp_path):
    notebook = one_cell_notebook(tmp_path / "dies.ipynb", "import os, signal\nos.kill(os.getpid(), signal.SIGKILL)")
    with warm_kernels() as warm:
        assert warm.wait_ready()
        with pytest.raises(NotebookFailed, match="dies.ipynb failed: ProcessDied"):
            warm.run(notebook, tmp_path / "out.ipynb", {})
    assert not (tmp_path / "out.ipynb").exists()  # not run again in a kernel of its own, which would die the same way


@pytest.mark.parametrize("arguments", [[], ["other"], ["launch", "x"]])
def test_the_module_refuses_an_unknown_command_in_one_line(arguments):
    done = subprocess.run([sys.executable, "-m", "helpers.render.kernels", *arguments], capture_output=True, text=True)
    assert done.returncode != 0 and len(done.stderr.strip().splitlines()) == 1 and "usage" in done.stderr


def test_a_prestarted_warm_process_is_the_one_the_report_takes(tmp_path, monkeypatch):
    monkeypatch.setattr(kernels, "_prestarted", None)
    kernels.prestart([str(tmp_path)])  # a folder among the arguments (a corpus): nothing started
    assert kernels._prestarted is None
    kernels.prestart(["made-up.txt", "--param", "z_threshold=1.2"])
    started = kernels._prestarted
    assert started is not None
    with warm_kernels() as warm:
        assert warm.server is started[0] and kernels._prestarted is None
        assert warm.wait_ready()
    assert started[0].poll() is not None and not started[1].exists()


def test_a_prestarted_warm_process_never_given_a_document_ends_and_removes_its_folder(monkeypatch):
    monkeypatch.setattr(kernels, "_prestarted", None)
    kernels.prestart([])
    server, folder, _ = kernels._prestarted
    monkeypatch.setattr(kernels, "_prestarted", None)
    server.stdin.close()  # what the command's exit does
    assert server.wait(timeout=60) == 0
    server.stdout.close()
    assert not folder.exists()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the parent-death signal is Linux's")
def test_a_notebook_out_of_the_warm_process_group_still_dies_with_it():
    read, write = os.pipe()
    warm = os.fork()
    if warm == 0:  # stands for the warm process: forks a "notebook" that asks to die with it, then waits to be killed
        if os.fork() == 0:
            os.setsid()
            kernels._die_with(os.getppid())
            os.write(write, f"{os.getpid()}\n".encode())
            time.sleep(60)
            os._exit(0)
        time.sleep(60)
        os._exit(0)
    kernel = int(os.read(read, 64).decode())
    os.kill(warm, signal.SIGKILL)
    os.waitpid(warm, 0)
    deadline = time.monotonic() + 30
    while os.path.exists(f"/proc/{kernel}") and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not os.path.exists(f"/proc/{kernel}") or open(f"/proc/{kernel}/stat", "rb").read().rsplit(b")", 1)[1].split()[0] == b"Z"


def test_the_warm_process_says_ready_once_the_documents_analysis_is_in_the_cache(tmp_path):
    # the analysis is built in a process of its own, forked while the warm process makes the notebooks' imports:
    # "ready" waits for it, so the first notebook reads the analysis instead of building it again
    from helpers.params import Params
    from helpers.paths import CACHE, RAW
    from helpers.pipeline import cache_key
    from helpers.text.reader import read_document

    source = tmp_path / "made-up.zh-en.txt"
    source.write_text((RAW / "mulan-psl-v2.zh-en.txt").read_text(encoding="utf-8"), encoding="utf-8")
    changes = {"z_threshold": 1.2345}   # parameters no other test uses: an analysis built here, not read back
    cached = CACHE / "analysis" / f"{cache_key(read_document(source).text, Params().replace(**changes))}.pickle"
    cached.unlink(missing_ok=True)
    try:
        with warm_kernels(source, changes) as warm:
            assert warm.wait_ready()
            assert cached.is_file()
            server = warm.server.pid
            assert not [pid for pid in _children(server)]   # the analysing process has ended
    finally:
        cached.unlink(missing_ok=True)


def _children(pid: int) -> list[int]:
    try:
        return [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def test_a_warm_process_forked_from_the_reports_process_is_the_one_the_report_takes(tmp_path, monkeypatch):
    # ``python -m helpers report`` forks its warm process once its own imports are made, instead of starting a fresh
    # interpreter that makes them again: the same process to the report (its pipes, "ready", notebooks run in their
    # folders)
    monkeypatch.setattr(kernels, "_prestarted", None)
    kernels.prestart(["made-up.txt"], fork=True)
    started = kernels._prestarted
    assert isinstance(started[0], kernels._Forked) and started[0].poll() is None
    with warm_kernels() as warm:
        assert warm.server is started[0] and kernels._prestarted is None
        assert warm.wait_ready()
        probed = probe(tmp_path, "a", warm)
        assert os.getsid(started[0].pid) == started[0].pid   # a session of its own, as a started one
    assert probed["parent"] == started[0].pid and probed["pandas"] and probed["cwd"] == str(tmp_path / "a")
    assert started[0].poll() == 0 and not started[1].exists()


def test_a_warm_process_that_cannot_be_forked_is_left_to_the_report_to_start(monkeypatch):
    def no_fork():
        raise OSError("made-up: no process to spare")

    monkeypatch.setattr(kernels, "_prestarted", None)
    monkeypatch.setattr(os, "fork", no_fork)
    before = set(Path(tempfile.gettempdir()).glob("kernels-*"))
    kernels.prestart(["made-up.txt"], fork=True)   # no traceback from the command's first lines
    assert kernels._prestarted is None
    assert set(Path(tempfile.gettempdir()).glob("kernels-*")) == before   # its folder not left behind


SAVES_A_CHART = """import pandas as pd
from helpers.render import figures
chart = figures.plot_shift_counts(pd.DataFrame({"shift": ["voice"], "value": ["absorbed"], "claims": [2]}))
figures.save_figure(chart, "figures/shifts")"""


def test_a_report_notebooks_svgs_are_written_after_it_has_answered_and_waited_for_by_finishing(tmp_path):
    notebook = tmp_path / "chart.ipynb"
    nb = nbformat.v4.new_notebook()
    nb.cells.append(nbformat.v4.new_code_cell(SAVES_A_CHART))
    nbformat.write(nb, notebook)
    finishing = []
    with warm_kernels() as warm:
        assert warm.wait_ready()
        warm.run(notebook, tmp_path / "out.ipynb", {}, finishing=finishing)
        assert (tmp_path / "out.ipynb").is_file() and (tmp_path / "figures" / "shifts.png").is_file()
        assert len(finishing) == 1   # the SVG left to its process, which the report waits for before publishing
        finishing[0]()
        svg = (tmp_path / "figures" / "shifts.svg").read_bytes()
        (tmp_path / "figures" / "shifts.svg").unlink()
        warm.run(notebook, tmp_path / "again.ipynb", {})   # without ``finishing``: returns once the SVG is written
        assert (tmp_path / "figures" / "shifts.svg").read_bytes() == svg and svg.startswith(b"<?xml")


def test_the_document_is_analysed_in_a_session_of_its_own(tmp_path, monkeypatch):
    # beside the warm process's own imports, in a session of its own: a loaded machine shares its cores by session
    said = tmp_path / "said"
    monkeypatch.setattr(kernels, "_analyse", lambda request: said.write_text(f"{os.getpid()} {os.getsid(0)}"))
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        kernels._analyse_aside({"source": "made-up.txt"}, listener)()
    finally:
        listener.close()
    pid, session = said.read_text().split()
    assert pid == session and int(pid) != os.getpid()
