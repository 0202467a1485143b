"""Corpus mode: many documents in parallel into one set of tables, doc_id first, rows in document order."""

import errno
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from helpers import cli, corpus
from helpers.cli import cores, worker_count
from helpers.corpus import DOC_ID, TABLE_NAMES, extract_corpus, is_corpus, list_sources, unique_ids
from helpers.errors import EXIT_DISK_FULL, child_pids
from helpers.export import read_table
from helpers.text.reader import InputError
from helpers.publish import MARKER
from helpers.paths import ROOT

FIXTURES = Path(__file__).parent / "fixtures"
SHORT = {
    "b-short.txt": "作者认为,中国实验室执行力很强。DeepSeek 开源了模型。\n\nThe labs are fast. We met Qwen.\n",
    "a-tiny.txt": "只有中文。第二句。\n",
    "c-mixed.txt": "Kimi 模型很强吗？可能吧。\nMoonshot builds Kimi. It may well be true.\n",
}
UNDECODABLE = b"abc " + b"\xff\xfe\x80\x81\x90\xa0" * 200


def run(*args):
    return subprocess.run([sys.executable, "-m", "helpers", *args], capture_output=True, text=True, cwd=ROOT, timeout=300)


def make_corpus(folder: Path, docs: dict[str, str | bytes]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in docs.items():
        (folder / name).write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return folder


def test_unique_ids_keep_stems_and_number_repeats():
    paths = [Path("a/x.txt"), Path("b/x.txt"), Path("c/x.txt"), Path("x-2.txt"), Path("y.txt")]
    assert unique_ids(paths) == ["x", "x-3", "x-4", "x-2", "y"]


def test_directory_lists_only_its_txt_files_sorted(tmp_path):
    folder = make_corpus(tmp_path / "in", {"b.txt": "乙。", "a.txt": "甲。", "notes.md": "no", "c.TXT.bak": "no"})
    (folder / "sub").mkdir()
    (folder / "sub" / "d.txt").write_text("丁。", encoding="utf-8")
    assert [p.name for p in list_sources(str(folder))] == ["a.txt", "b.txt"]
    assert is_corpus(str(folder)) and is_corpus(str(folder / "*.txt"))
    assert not is_corpus(str(folder / "a.txt"))


def test_corpus_skips_a_bad_document_and_keeps_the_rest_in_order(tmp_path):
    folder = make_corpus(tmp_path / "in", {**SHORT, "bad.txt": UNDECODABLE})
    out = tmp_path / "out"
    result = run("extract", str(folder), "--out", str(out), "--jobs", "2", "--force-jobs")
    assert result.returncode == 3, result.stderr
    assert result.stderr.count("\n") == 1 and "bad.txt" in result.stderr and "Traceback" not in result.stderr
    assert sorted(p.name for p in out.iterdir()) == sorted([*(f"{name}.csv" for name in TABLE_NAMES), MARKER])  # no leftovers
    for name in TABLE_NAMES:
        table = read_table(out / f"{name}.csv")
        assert list(table.columns)[0] == DOC_ID
    claims = read_table(out / "claims.csv")
    order = list(dict.fromkeys(claims[DOC_ID]))
    assert order == ["a-tiny", "b-short", "c-mixed"]
    # Each document's rows are exactly what a single-file run writes, doc_id aside.
    for doc_id in order:
        single = tmp_path / f"single-{doc_id}"
        assert run("extract", str(folder / f"{doc_id}.txt"), "--out", str(single)).returncode == 0
        for name in TABLE_NAMES:
            expected = read_table(single / f"{name}.csv")
            got = read_table(out / f"{name}.csv")
            got = got[got[DOC_ID] == doc_id].drop(columns=DOC_ID).reset_index(drop=True)
            pd.testing.assert_frame_equal(got, expected, check_dtype=False)


def test_all_good_corpus_exits_0_and_a_glob_makes_ids_unique(tmp_path):
    make_corpus(tmp_path / "one", {"same.txt": SHORT["a-tiny.txt"]})
    make_corpus(tmp_path / "two", {"same.txt": SHORT["c-mixed.txt"]})
    out = tmp_path / "out"
    result = run("extract", str(tmp_path / "*" / "same.txt"), "--out", str(out), "--jobs", "1")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # no progress bar when stderr is not a terminal
    blocks = read_table(out / "blocks.csv")
    assert list(dict.fromkeys(blocks[DOC_ID])) == ["same", "same-2"]


def test_corpus_with_no_readable_document_exits_2_and_writes_nothing(tmp_path):
    folder = make_corpus(tmp_path / "in", {"bad.txt": UNDECODABLE, "empty.txt": b""})
    out = tmp_path / "out"
    result = run("extract", str(folder), "--out", str(out))
    assert result.returncode == 2
    assert "bad.txt" in result.stderr and "empty.txt" in result.stderr
    assert not out.exists()


def test_empty_directory_and_unmatched_glob_are_one_line_exit_2(tmp_path):
    (tmp_path / "in").mkdir()
    for source in (tmp_path / "in", tmp_path / "in" / "*.txt"):
        result = run("extract", str(source), "--out", str(tmp_path / "out"))
        assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert not (tmp_path / "out").exists()


def test_order_is_deterministic_whatever_finishes_first(tmp_path):
    # A long document first and many short ones after: workers finish out of order.
    long_text = (FIXTURES / "unseen_article.txt").read_text(encoding="utf-8") * 3
    docs = {"00-long.txt": long_text, **{f"{k:02d}-short.txt": f"第{k}句。Line {k}.\n" for k in range(1, 12)}}
    folder = make_corpus(tmp_path / "in", docs)
    lines = []
    result = extract_corpus(list_sources(str(folder)), tmp_path / "out", workers=2, window=3,
                            report=lines.append, progress=False)
    assert result.landed == [Path(n).stem for n in sorted(docs)] and not result.skipped and not lines
    claims = read_table(tmp_path / "out" / "claims.csv")
    assert list(dict.fromkeys(claims[DOC_ID])) == result.landed
    assert result.rows["claims"] == len(claims)


def test_interrupted_run_leaves_nothing_behind(tmp_path):
    folder = make_corpus(tmp_path / "in", {"a.txt": SHORT["a-tiny.txt"], "b.txt": UNDECODABLE, "c.txt": SHORT["c-mixed.txt"]})
    out = tmp_path / "out"

    def interrupt(line):
        raise KeyboardInterrupt(line)

    with pytest.raises(KeyboardInterrupt):
        extract_corpus(list_sources(str(folder)), out, workers=1, report=interrupt, progress=False)
    assert not out.exists() or list(out.iterdir()) == []


def test_single_file_has_no_doc_id_column(tmp_path):
    source = make_corpus(tmp_path / "in", {"one.txt": SHORT["b-short.txt"]}) / "one.txt"
    result = run("extract", str(source), "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert DOC_ID not in read_table(tmp_path / "out" / "claims.csv").columns


def test_every_txt_passed_over_is_named_with_its_reason(tmp_path):
    folder = make_corpus(tmp_path / "in", {"a-tiny.txt": SHORT["a-tiny.txt"]})
    os.mkfifo(folder / "pipe.txt")
    (folder / "link.txt").symlink_to(folder / "gone.txt")
    (folder / "folder.txt").mkdir()
    out = tmp_path / "out"
    result = run("extract", str(folder), "--out", str(out), "--jobs", "1")  # a FIFO read would hang: timeout
    assert result.returncode == 3, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 3 and all(line.startswith("skipped: ") for line in lines)
    for name, reason in (("pipe.txt", "named pipe"), ("link.txt", "broken symbolic link"), ("folder.txt", "directory")):
        assert any(name in line and reason in line for line in lines), (name, lines)
    assert "read 1 of 4 documents" in result.stdout
    assert list(dict.fromkeys(read_table(out / "claims.csv")[DOC_ID])) == ["a-tiny"]


def test_jobs_are_capped_at_the_cores_unless_forced(capsys):
    assert worker_count(None) == cores()
    assert worker_count(cores() + 30) == cores()
    assert "capped" in capsys.readouterr().err
    assert worker_count(cores() + 30, force=True) == cores() + 30
    with pytest.raises(InputError):
        worker_count(0)


def slow_corpus(folder: Path, documents: int = 6) -> Path:
    text = (FIXTURES / "unseen_article.txt").read_text(encoding="utf-8") * 20
    return make_corpus(folder, {f"{k:02d}.txt": text for k in range(documents)})


def alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", "rb") as stream:
            return stream.read().rsplit(b")", 1)[1].split()[0] != b"Z"  # a zombie holds nothing
    except FileNotFoundError:
        return False


def start_corpus(folder: Path, out: Path) -> tuple[subprocess.Popen, list[int]]:
    """A corpus run in its own session (as a terminal's job is); returns it once its workers are busy."""
    process = subprocess.Popen([sys.executable, "-m", "helpers", "extract", str(folder), "--out", str(out),
                                "--jobs", "2", "--force-jobs"], cwd=ROOT, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, start_new_session=True)
    deadline = time.monotonic() + 120
    while len(descendants(process.pid)) < 2 or not any(".tmp-" in p.name for p in out.parent.iterdir()):
        assert time.monotonic() < deadline and process.poll() is None, "the workers never started"
        time.sleep(0.05)
    return process, descendants(process.pid)


def descendants(pid: int) -> list[int]:
    """The processes a run started: its workers and what they started."""
    found, todo = [], child_pids(pid)
    while todo:
        child = todo.pop()
        found.append(child)
        todo += child_pids(child)
    return sorted(found)


def test_workers_die_with_a_parent_killed_by_sigkill(tmp_path):
    process, workers = start_corpus(slow_corpus(tmp_path / "in"), tmp_path / "out")
    process.kill()
    out, err = process.communicate(timeout=20)  # returns only once no worker holds our stdout
    deadline = time.monotonic() + 10
    while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(alive(pid) for pid in workers)
    assert not (tmp_path / "out").exists()
    assert run("extract", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--jobs", "1").returncode == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "out"]  # the dead run's temporary folder went


@pytest.mark.parametrize("signum, status", [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_ctrl_c_or_sigterm_stops_a_corpus_run_with_one_line(tmp_path, signum, status):
    process, workers = start_corpus(slow_corpus(tmp_path / "in"), tmp_path / "out")
    # Ctrl-C reaches the terminal's whole process group; SIGTERM (kill PID) only the parent
    if signum == signal.SIGINT:
        os.killpg(process.pid, signum)
    else:
        process.send_signal(signum)
    out, err = process.communicate(timeout=30)
    assert process.returncode == status and err.startswith("interrupted; nothing was written") and err.count("\n") == 1
    assert not [pid for pid in workers if alive(pid)], err
    # no folder, no .tmp files; only the resume journal of the documents done, when some were
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != ".out.resume") == ["in"]
    assert ("kept in" in err) == (tmp_path / ".out.resume").is_dir()


def test_a_full_disk_in_corpus_mode_leaves_no_temporary_file(tmp_path, monkeypatch, capsys):
    folder = make_corpus(tmp_path / "in", SHORT)
    real, calls = corpus._TableSink.append, []

    def failing(self, name, columns, body):
        calls.append(name)
        if len(calls) == 7:  # the second document's second table
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real(self, name, columns, body)

    monkeypatch.setattr(corpus._TableSink, "append", failing)
    assert cli.main(["extract", str(folder), "--out", str(tmp_path / "out"), "--jobs", "1"]) == EXIT_DISK_FULL
    assert "disk full" in capsys.readouterr().err
    # the disk is as it was, but for the journal of the documents done, from which the next run resumes
    assert sorted(p.name for p in tmp_path.rglob("*") if ".out.resume" not in p.parts) == sorted(["in", *SHORT])


def test_a_file_holding_two_articles_gets_a_caveat(tmp_path):
    seed = (ROOT / "data" / "raw" / "lambert-china-ai-labs-2026-05.zh-en.txt").read_text(encoding="utf-8")
    mulan = (ROOT / "data" / "raw" / "mulan-psl-v2.zh-en.txt").read_text(encoding="utf-8")
    folder = make_corpus(tmp_path / "in", {"two.txt": seed + "\n" + mulan, "one.txt": mulan})
    result = run("extract", str(folder), "--out", str(tmp_path / "out"), "--jobs", "1")
    assert result.returncode == 0
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"caveat: {folder / 'two.txt'}: a second article seems to start near line ")
    # near: between the end of the seed's own article (its closing ad) and the first line of the second
    near = int(lines[0].split("near line ")[1].split(":")[0])
    ad = next(i for i, l in enumerate(seed.splitlines()) if l.strip() == "合作启事") + 1
    assert ad <= near <= seed.count("\n") + 2
    assert "one.txt" not in result.stderr  # a single article: no caveat


# ---- the resume journal: one file of records, a record cut short ignored ----------------------------------------

def test_a_journal_record_cut_short_is_ignored_and_cut_off_before_the_next(tmp_path):
    from helpers.corpus import Journal
    from helpers.params import Params

    documents = []
    for name in ("a", "b", "c"):
        documents.append(tmp_path / f"{name}.txt")
        documents[-1].write_text(f"文档 {name}", encoding="utf-8")
    rows = {"claims": (["doc_id", "text"], "a,\"x, y\"\r\n", 1), "caveat": None}
    journal = Journal(tmp_path / "journal", "extract", Params())
    journal.put(documents[0], "a", rows)
    journal.put(documents[1], "b", "b.txt: cannot be read")
    journal.close()
    log = tmp_path / "journal" / Journal.LOG_FILE
    whole = log.read_bytes()
    log.write_bytes(whole + whole[:50])  # the process killed while it wrote a third record
    again = Journal(tmp_path / "journal", "extract", Params())
    assert again.count() == 2 and again.get(documents[0], "a") == rows
    assert again.get(documents[1], "b") == "b.txt: cannot be read" and not again.done(documents[2], "c")
    again.put(documents[2], "c", "c.txt: cannot be read")
    again.close()
    assert log.read_bytes().startswith(whole) and Journal.records(tmp_path / "journal") == 3
    written = bytearray(log.read_bytes())
    written[len(whole) - 5] ^= 0x01  # a byte of the second record's JSON written over
    log.write_bytes(bytes(written))
    assert Journal.records(tmp_path / "journal") == 1
    # a journal of another run is wiped when opened
    assert Journal(tmp_path / "journal", "align", Params()).count() == 0 and not log.exists()
