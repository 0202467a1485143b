"""helpers.publish: an output folder appears whole or not at all, and nothing we did not write is ever lost."""

import errno
import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from helpers import publish
from helpers.paths import ROOT
from helpers.publish import MARKER, OutputBusy, OutputRefused, publishing


def write_run(target, label: str, files=("a.csv", "b.csv")):
    with publishing(target) as folder:
        for name in files:
            (folder / name).write_text(label, encoding="utf-8")


def leftovers(target):
    return sorted(p.name for p in target.parent.iterdir() if p.name.startswith(f".{target.name}."))


def test_a_new_target_is_created_with_the_marker_and_nothing_beside_it(tmp_path):
    target = tmp_path / "deep" / "out"
    write_run(target, "one")
    assert sorted(p.name for p in target.iterdir()) == [MARKER, "a.csv", "b.csv"]
    assert leftovers(target) == []


def test_a_previous_output_is_replaced_whole(tmp_path):
    target = tmp_path / "out"
    write_run(target, "one", files=("a.csv", "old-only.csv"))
    write_run(target, "two")
    assert sorted(p.name for p in target.iterdir()) == [MARKER, "a.csv", "b.csv"]  # no table of the old run
    assert {(target / n).read_text(encoding="utf-8") for n in ("a.csv", "b.csv")} == {"two"}
    assert leftovers(target) == []


def test_a_users_folder_is_refused_and_left_untouched(tmp_path):
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "todo.txt").write_text("keep", encoding="utf-8")
    with pytest.raises(OutputRefused, match="todo.txt"):
        write_run(notes, "one")
    assert sorted(p.name for p in notes.iterdir()) == ["todo.txt"]
    assert (notes / "todo.txt").read_text(encoding="utf-8") == "keep"
    assert leftovers(notes) == []


@pytest.mark.parametrize("kind", ["file", "symlink"])
def test_a_file_or_a_link_is_refused(tmp_path, kind):
    real = tmp_path / "real"
    real.mkdir()
    target = tmp_path / "out"
    if kind == "file":
        target.write_text("mine", encoding="utf-8")
    else:
        target.symlink_to(real)
    with pytest.raises(OutputRefused):
        write_run(target, "one")
    assert target.is_symlink() if kind == "symlink" else target.read_text(encoding="utf-8") == "mine"
    assert list(real.iterdir()) == []


def test_an_empty_folder_is_ours_to_fill(tmp_path):
    target = tmp_path / "out"
    target.mkdir()
    write_run(target, "one")
    assert (target / MARKER).is_file()


@pytest.mark.parametrize("failure", [KeyboardInterrupt, OSError(errno.ENOSPC, "No space left on device")])
def test_a_failed_run_leaves_the_previous_output_exactly(tmp_path, failure):
    target = tmp_path / "out"
    write_run(target, "one")
    before = {p.name: p.read_bytes() for p in target.iterdir()}
    with pytest.raises(type(failure) if isinstance(failure, BaseException) else failure) as caught:
        with publishing(target) as folder:
            (folder / "a.csv").write_text("two", encoding="utf-8")
            raise failure
    assert {p.name: p.read_bytes() for p in target.iterdir()} == before
    assert leftovers(target) == []
    if caught.type is KeyboardInterrupt:
        assert caught.value.kept == target  # the interruption's one line can say what was kept


def test_a_second_run_on_a_busy_target_is_refused_naming_the_holder(tmp_path):
    target = tmp_path / "out"
    with publishing(target) as folder:
        (folder / "a.csv").write_text("first", encoding="utf-8")
        with pytest.raises(OutputBusy, match=f"PID {os.getpid()}"):
            write_run(target, "second")
    assert (target / "a.csv").read_text(encoding="utf-8") == "first"
    assert leftovers(target) == []


HOLDER = textwrap.dedent("""
    import sys, time
    from helpers.publish import publishing
    with publishing(sys.argv[1]) as folder:
        (folder / "a.csv").write_text("half", encoding="utf-8")
        print("writing", flush=True)
        time.sleep(60)
""")


def test_a_run_killed_with_sigkill_leaves_the_previous_output_and_the_next_run_cleans_up(tmp_path):
    target = tmp_path / "out"
    write_run(target, "one")
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(target)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline() == "writing\n"
        with pytest.raises(OutputBusy, match=f"PID {holder.pid}"):  # alive: its lock holds
            write_run(target, "two")
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=10)
    finally:
        holder.kill()
        holder.stdout.close()
    assert (target / "a.csv").read_text(encoding="utf-8") == "one"  # the previous output, in place
    assert any(".tmp-" in name for name in leftovers(target))         # what the dead run left ...
    write_run(target, "two")                                           # ... its stale lock does not block
    assert (target / "a.csv").read_text(encoding="utf-8") == "two"
    assert leftovers(target) == []                                     # ... and is cleaned


def test_a_previous_output_caught_between_two_renames_is_put_back(tmp_path):
    target = tmp_path / "out"
    write_run(target, "one")
    os.rename(target, tmp_path / ".out.old-x")  # a run killed after moving the old output aside
    publish.clean_leftovers(target)
    assert (target / "a.csv").read_text(encoding="utf-8") == "one"
    assert leftovers(target) == []


def read_snapshot(target):
    """A folder's file names and contents as one reader sees them, or None if the folder was swapped meanwhile."""
    try:
        folder = os.open(target, os.O_RDONLY | os.O_DIRECTORY)
    except FileNotFoundError:
        return None
    try:
        names, contents = sorted(os.listdir(folder)), set()
        for name in names:
            if name.endswith(".csv"):
                fd = os.open(name, os.O_RDONLY, dir_fd=folder)
                contents.add(os.read(fd, 100).decode("utf-8"))
                os.close(fd)
        # a folder swapped out is being removed file by file: what was read from it is no reader's view
        return (names, contents) if os.path.samestat(os.fstat(folder), os.stat(target)) else None
    except FileNotFoundError:
        return None
    finally:
        os.close(folder)


def test_two_racing_runs_never_mix_their_files(tmp_path):
    # Two processes publish the same target 20 times each: every state seen is one run's complete set.
    target = tmp_path / "out"
    script = textwrap.dedent("""
        import sys
        from helpers.publish import OutputBusy, publishing
        done = 0
        while done < 20:
            try:
                with publishing(sys.argv[1]) as folder:
                    for name in "abcdefgh":
                        (folder / f"{name}.csv").write_text(f"{sys.argv[2]}-{done}", encoding="utf-8")
                done += 1
            except OutputBusy:
                pass
    """)
    runs = [subprocess.Popen([sys.executable, "-c", script, str(target), label], cwd=ROOT) for label in "xy"]
    seen = 0
    deadline = time.monotonic() + 60
    while any(run.poll() is None for run in runs) and time.monotonic() < deadline:
        snapshot = read_snapshot(target)
        if snapshot:
            names, contents = snapshot
            assert names == [MARKER, *(f"{n}.csv" for n in "abcdefgh")]
            assert len(contents) == 1, contents  # never two runs side by side
            seen += 1
    assert [run.wait(timeout=60) for run in runs] == [0, 0]
    assert seen > 0 and leftovers(target) == []


def test_a_report_hidden_by_the_old_backup_scheme_is_put_back(tmp_path):
    # Before this module, a killed report left the previous one in .<name>.previous.*/<name> for good.
    hidden = tmp_path / ".out.previous.k2j3" / "out"
    hidden.mkdir(parents=True)
    (hidden / "index.html").write_text("previous", encoding="utf-8")
    write_run(tmp_path / "other", "x")  # another target's leftovers are not touched
    publish.clean_leftovers(tmp_path / "out")
    assert (tmp_path / "out" / "index.html").read_text(encoding="utf-8") == "previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other", "out"]
    write_run(tmp_path / "out", "new")  # and it is ours to replace
    assert (tmp_path / "out" / "a.csv").read_text(encoding="utf-8") == "new"


def test_an_interrupt_right_after_the_swap_says_the_new_output_is_in_place(tmp_path, monkeypatch):
    # Ctrl-C landing just after the finished folder was swapped in must not be reported as
    # "nothing was written": the new output is whole, and the interruption carries where it is.
    from helpers import errors

    target = tmp_path / "out"
    write_run(target, "one")
    real_replace = publish._replace

    def replace_then_interrupt(folder, where):
        real_replace(folder, where)
        raise KeyboardInterrupt

    monkeypatch.setattr(publish, "_replace", replace_then_interrupt)
    with pytest.raises(KeyboardInterrupt) as caught:
        with publishing(target) as folder:
            (folder / "a.csv").write_text("two", encoding="utf-8")
    assert caught.value.published == target and not hasattr(caught.value, "kept")
    assert (target / "a.csv").read_text(encoding="utf-8") == "two" and (target / MARKER).is_file()
    assert leftovers(target) == []
    line = []
    monkeypatch.setattr(sys, "stderr", type("Err", (), {"write": lambda self, s: line.append(s), "flush": lambda self: None})())
    assert errors.interrupted(caught.value) == errors.EXIT_INTERRUPTED
    assert "".join(line) == f"interrupted; the output in {target} had already been written in full\n"
