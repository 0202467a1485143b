"""Corpus mode's local workers (``helpers.corpus_pool``): forked workers write the single-process tables byte for
byte, a killed worker loses and doubles nothing, a document that keeps killing its worker is skipped with one line,
and no worker outlives the pool."""

import os
import signal
import time
from pathlib import Path

import pytest

from helpers import corpus
from helpers.corpus import ALIGN_TABLE_NAMES, DOC_ID, align_corpus, list_sources, run_corpus
from helpers.corpus_pool import ForkPool, TaskFailed, WorkerDied
from helpers.export import read_table
from helpers.paths import RAW

from corpus_docs import FIXTURES, SHORT, UNDECODABLE, make_corpus  # noqa: E402  (tests/ is on the path)


def small_corpus(folder: Path, copies: int = 1) -> Path:
    """Real bilingual posts (the bundle's own), two short ones and a bad one, ``copies`` times over."""
    mulan = (RAW / "mulan-psl-v2.zh-en.txt").read_text(encoding="utf-8")
    unseen = (FIXTURES / "unseen_article.txt").read_text(encoding="utf-8")
    docs = {"01-mulan.txt": mulan, "02-bad.txt": UNDECODABLE, "03-unseen.txt": unseen, **SHORT}
    return make_corpus(folder, {f"{k}-{name}" if copies > 1 else name: content
                                for k in range(copies) for name, content in docs.items()})


def tables_bytes(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.glob("*.csv"))}


def quiet(line: str) -> None:
    pass


def alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", "rb") as stream:
            return stream.read().rsplit(b")", 1)[1].split()[0] != b"Z"
    except FileNotFoundError:
        return False


@pytest.fixture(scope="module")
def single(tmp_path_factory):
    """The single-process run of the small corpus, three times over, in align mode: the reference."""
    folder = small_corpus(tmp_path_factory.mktemp("corpus") / "in", copies=3)
    out = folder.parent / "single"
    result = align_corpus(list_sources(str(folder)), out, workers=1, report=quiet, progress=False)
    assert len(result.landed) == 12 and len(result.skipped) == 3
    return folder, out


def test_two_forked_workers_write_the_single_process_tables_byte_for_byte(single, tmp_path):
    folder, reference = single
    lines = []
    result = align_corpus(list_sources(str(folder)), tmp_path / "out", workers=2, report=lines.append, progress=False)
    assert tables_bytes(tmp_path / "out") == tables_bytes(reference)
    assert sorted(tables_bytes(reference)) == sorted(f"{name}.csv" for name in ALIGN_TABLE_NAMES)
    assert len(lines) == 3 and all(line.startswith("skipped: ") and "02-bad.txt" in line for line in lines)
    assert len(result.landed) == 12


def killing(monkeypatch, doc_id: str, marker: Path, times: int) -> None:
    """The workers (forked after this) kill themselves the first ``times`` times one of them starts on ``doc_id``,
    mid-document, as the out-of-memory killer would; each death is a line in ``marker``."""
    real = corpus.analyse_document

    def analyse(path, this, *args, **kwargs):
        if this == doc_id:
            with open(marker, "a+", encoding="utf-8") as stream:  # one short append: whole under O_APPEND
                stream.seek(0)
                deaths = len(stream.read().splitlines())
                if deaths < times:
                    stream.write(f"{os.getpid()}\n")
                    stream.flush()
                    os.kill(os.getpid(), signal.SIGKILL)
        return real(path, this, *args, **kwargs)

    monkeypatch.setattr(corpus, "analyse_document", analyse)


def test_a_worker_killed_midway_loses_nothing_and_doubles_nothing(single, tmp_path, monkeypatch):
    folder, reference = single
    marker = tmp_path / "killed"
    killing(monkeypatch, "1-01-mulan", marker, times=1)
    lines = []
    result = align_corpus(list_sources(str(folder)), tmp_path / "out", workers=2, journal=tmp_path / "journal",
                          report=lines.append, progress=False)
    killed = [int(pid) for pid in marker.read_text().split()]
    assert len(killed) == 1 and not alive(killed[0])
    assert "1-01-mulan" in result.landed and len(result.landed) == 12 and len(lines) == 3  # the bad ones only
    assert tables_bytes(tmp_path / "out") == tables_bytes(reference)
    claims = read_table(tmp_path / "out" / "claims.csv")
    assert not claims.duplicated([DOC_ID, "claim_id"]).any()


def test_a_document_that_kills_every_worker_is_skipped_with_one_line_and_the_rest_land(single, tmp_path,
                                                                                     monkeypatch):
    folder, reference = single
    marker = tmp_path / "killed"
    killing(monkeypatch, "0-03-unseen", marker, times=99)
    lines = []
    result = run_corpus(list_sources(str(folder)), tmp_path / "out", mode="align", workers=2, report=lines.append,
                        progress=False)
    assert len(marker.read_text().split()) == corpus.ALLOWED_FAILURES
    assert "0-03-unseen" not in result.landed and len(result.landed) == 11
    died = [line for line in lines if "0-03-unseen" in line]
    assert died == [f"skipped: {folder / '0-03-unseen.txt'}: its worker died {corpus.ALLOWED_FAILURES} times while "
                    "analysing it (out of memory?)"]
    documents = read_table(tmp_path / "out" / "documents.csv")
    assert "0-03-unseen" not in set(documents[DOC_ID]) and len(documents) == 11


def square(n: int) -> int:
    return n * n


def test_the_pool_returns_every_result_once_whatever_order_they_finish_in():
    pool = ForkPool(2, lambda n, pause: time.sleep(pause) or square(n), depth=2)
    try:
        for n in range(10):
            pool.submit(n, (n, 0.05 if n % 3 == 0 else 0))
        results = dict(pool.next_done() for _ in range(10))
    finally:
        pool.close()
    assert results == {n: n * n for n in range(10)}


def test_a_task_that_kills_its_worker_every_time_is_given_up_after_the_allowed_failures():
    pool = ForkPool(2, lambda n: os.kill(os.getpid(), signal.SIGKILL) if n == 3 else square(n), allowed_failures=2)
    pids = {w.process.pid for w in pool.workers}
    try:
        for n in range(6):
            pool.submit(n, (n,))
        results = dict(pool.next_done() for _ in range(6))
        pids |= {w.process.pid for w in pool.workers}
    finally:
        pool.close()
    gave_up = results.pop(3)
    assert isinstance(gave_up, WorkerDied) and (gave_up.path, gave_up.failures) == (3, 2)
    assert results == {n: n * n for n in range(6) if n != 3}
    assert len(pids) >= 3 and not any(alive(pid) for pid in pids)  # the killed replaced, then all gone


def test_workers_ignore_ctrl_c_and_a_fast_close_kills_them_at_once():
    pool = ForkPool(2, lambda pause: time.sleep(pause) or os.getpid())
    pids = [w.process.pid for w in pool.workers]
    try:
        pool.submit(0, (0,))
        pool.submit(1, (0,))
        assert {pool.next_done()[0], pool.next_done()[0]} == {0, 1}
        for pid in pids:
            os.kill(pid, signal.SIGINT)  # what a terminal's Ctrl-C sends the whole group
        pool.submit(2, (0,))
        assert pool.next_done()[1] in pids  # still there, still working
        pool.submit(3, (600,))  # a long task: close(fast) must not wait for it
    finally:
        pool.close(fast=True)
    assert not any(alive(pid) for pid in pids)


def test_a_task_that_raises_is_returned_as_its_error_and_the_worker_goes_on():
    pool = ForkPool(1, lambda n: 1 // n)
    try:
        pool.submit("zero", (0,))
        pool.submit("one", (1,))
        results = dict(pool.next_done() for _ in range(2))
    finally:
        pool.close()
    failed = results["zero"]
    assert isinstance(failed, TaskFailed) and failed.path == 0 and failed.error.startswith("ZeroDivisionError")
    assert results["one"] == 1


def test_a_result_that_cannot_be_sent_is_returned_as_its_error():
    pool = ForkPool(1, lambda n: (lambda: n) if n else n)  # a function cannot be pickled
    try:
        pool.submit("function", (1,))
        pool.submit("zero", (0,))
        results = dict(pool.next_done() for _ in range(2))
    finally:
        pool.close()
    assert isinstance(results["function"], TaskFailed) and results["function"].path == 1
    assert results["zero"] == 0
