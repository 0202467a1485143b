"""Corpus mode on Dask: a LocalCluster equals the single-process run byte for byte, a killed worker loses and
doubles nothing, an interrupted run resumes without redoing finished documents and never mixes two runs; align
over a corpus from the command line; the tables read back with their dtypes."""

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import cloudpickle
import dask
import pandas as pd
import pytest
from distributed import Client, LocalCluster

from helpers import corpus
from helpers.corpus import (
    ALIGN_TABLE_NAMES, DOC_ID, Journal, TABLE_NAMES, align_corpus, journal_for, list_sources, load_corpus, run_corpus,
)
from helpers.params import Params
from helpers.paths import RAW, ROOT
from helpers.publish import MARKER

from corpus_docs import FIXTURES, SHORT, UNDECODABLE, make_corpus  # noqa: E402  (tests/ is on the path)


def small_corpus(folder: Path) -> Path:
    """Four documents and a bad one: two real bilingual posts (the bundle's own) and two short ones."""
    mulan = (RAW / "mulan-psl-v2.zh-en.txt").read_text(encoding="utf-8")
    unseen = (FIXTURES / "unseen_article.txt").read_text(encoding="utf-8")
    return make_corpus(folder, {"01-mulan.txt": mulan, "02-bad.txt": UNDECODABLE, "03-unseen.txt": unseen, **SHORT})


def tables_bytes(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.glob("*.csv"))}


def quiet(line: str) -> None:
    pass


#: How long a loaded machine may take to start a worker process and connect it (not a timing: a guard against a hang).
CONNECT = "300s"


@pytest.fixture(scope="module")
def cluster():
    """A LocalCluster of two worker processes, as corpus mode starts by default on a 2-core machine; timeouts wide
    enough for a machine under heavy load to start them."""
    with dask.config.set({"distributed.comm.timeouts.connect": CONNECT, "distributed.deploy.lost-worker-timeout": CONNECT}):
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                          dashboard_address="127.0.0.1:0", silence_logs=50) as local:
            yield local


@pytest.fixture(scope="module")
def single(tmp_path_factory):
    """The single-process run of the small corpus, in align mode: the reference."""
    folder = small_corpus(tmp_path_factory.mktemp("corpus") / "in")
    out = folder.parent / "single"
    result = align_corpus(list_sources(str(folder)), out, workers=1, report=quiet, progress=False)
    assert result.landed == ["01-mulan", "03-unseen", "b-short", "c-mixed"] and len(result.skipped) == 1
    return folder, out


def test_a_local_cluster_of_two_workers_writes_the_single_process_tables_byte_for_byte(single, cluster, tmp_path):
    folder, reference = single
    lines = []
    result = align_corpus(list_sources(str(folder)), tmp_path / "out", scheduler=cluster.scheduler_address,
                          report=lines.append, progress=False)
    assert tables_bytes(tmp_path / "out") == tables_bytes(reference)
    assert sorted(tables_bytes(reference)) == sorted(f"{name}.csv" for name in ALIGN_TABLE_NAMES)
    assert len(lines) == 1 and lines[0].startswith("skipped: ") and "02-bad.txt" in lines[0]
    assert result.rows["alignment"] == len(pd.read_csv(reference / "alignment.csv")) > 0


def kill_the_worker_that_analyses(doc_id: str, marker: str) -> None:
    """Run on each worker: the first time any worker starts analysing ``doc_id``, it writes its pid to ``marker``
    and kills itself, mid-task (a worker lost to the out-of-memory killer, deterministically)."""
    from helpers import corpus as on_worker

    real = getattr(on_worker.analyse_document, "__wrapped__", on_worker.analyse_document)

    def analyse(path, this, *args, **kwargs):
        if this == doc_id:
            try:
                handle = os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
            except FileExistsError:
                return real(path, this, *args, **kwargs)  # the task run again, on a live worker
            os.write(handle, str(os.getpid()).encode())
            os.close(handle)
            os.kill(os.getpid(), signal.SIGKILL)
        return real(path, this, *args, **kwargs)

    analyse.__wrapped__ = real
    on_worker.analyse_document = analyse


def restore_the_workers() -> None:
    from helpers import corpus as on_worker

    on_worker.analyse_document = getattr(on_worker.analyse_document, "__wrapped__", on_worker.analyse_document)


def test_a_worker_killed_midway_loses_nothing_and_doubles_nothing(single, cluster, tmp_path):
    folder, reference = single
    # twelve good documents and three bad ones; the worker analysing the fifth good one dies in the middle of it,
    # with documents before it written and others in flight
    copies = make_corpus(tmp_path / "in", {f"{k:02d}-{p.name}": p.read_bytes()
                                          for k in range(3) for p in sorted(folder.glob("*.txt"))})
    marker = tmp_path / "killed.pid"
    watcher = Client(cluster, set_as_default=False, timeout=CONNECT)
    cloudpickle.register_pickle_by_value(sys.modules[__name__])  # the worker functions above travel by value
    try:
        watcher.run(kill_the_worker_that_analyses, "01-01-mulan", str(marker))
        result = align_corpus(list_sources(str(copies)), tmp_path / "out", scheduler=cluster.scheduler_address,
                              journal=tmp_path / "journal", report=quiet, progress=False)
        watcher.run(restore_the_workers)
        alive = set(watcher.run(os.getpid).values())
    finally:
        cloudpickle.unregister_pickle_by_value(sys.modules[__name__])
        watcher.close()
    killed = int(marker.read_text())
    assert killed not in alive, "the worker that analysed the document did not die"
    expected = run_corpus(list_sources(str(copies)), tmp_path / "expected", mode="align", workers=1, report=quiet,
                          progress=False)
    assert result.landed == expected.landed and len(result.landed) == 12  # every good document, once, in order
    assert "01-01-mulan" in result.landed and len(result.skipped) == 3
    assert tables_bytes(tmp_path / "out") == tables_bytes(tmp_path / "expected")
    claims = pd.read_csv(tmp_path / "out" / "claims.csv", encoding="utf-8-sig", keep_default_na=False, dtype=str)
    assert not claims.duplicated([DOC_ID, "claim_id"]).any()


def counting(monkeypatch) -> list[str]:
    """Record the doc_id of every document analysed in this process."""
    analysed, real = [], corpus.analyse_document

    def analyse(path, doc_id, *args, **kwargs):
        analysed.append(doc_id)
        return real(path, doc_id, *args, **kwargs)

    monkeypatch.setattr(corpus, "analyse_document", analyse)
    return analysed


def interrupt_at_the_skipped_document(folder: Path, out: Path, journal: Path, **options) -> None:
    def interrupt(line):
        raise KeyboardInterrupt(line)

    with pytest.raises(KeyboardInterrupt):
        run_corpus(list_sources(str(folder)), out, workers=1, journal=journal, report=interrupt, progress=False, **options)
    assert not out.exists() or not list(out.glob("*.csv"))  # no table of the interrupted run


def test_a_run_started_again_resumes_without_redoing_finished_documents(single, tmp_path, monkeypatch):
    folder, reference = single
    journal = tmp_path / "journal"
    interrupt_at_the_skipped_document(folder, tmp_path / "out", journal, mode="align")
    assert Journal(journal, "align", Params()).count() == 2  # 01-mulan and the bad one are kept
    analysed = counting(monkeypatch)
    result = run_corpus(list_sources(str(folder)), tmp_path / "out", mode="align", workers=1, journal=journal,
                        report=quiet, progress=False)
    assert analysed == ["03-unseen", "b-short", "c-mixed"] and result.resumed == 2
    assert len(result.skipped) == 1  # the bad document is still reported, from the journal
    assert tables_bytes(tmp_path / "out") == tables_bytes(reference)


def test_a_resumed_run_with_other_parameters_or_an_edited_document_never_mixes_runs(single, tmp_path, monkeypatch):
    folder = small_corpus(tmp_path / "in")
    journal = tmp_path / "journal"
    interrupt_at_the_skipped_document(folder, tmp_path / "out", journal, mode="align")
    changed = Params().replace(min_coverage=0.6)
    analysed = counting(monkeypatch)
    run_corpus(list_sources(str(folder)), tmp_path / "out", mode="align", params=changed, workers=1, journal=journal,
               report=quiet, progress=False)
    assert analysed == ["01-mulan", "02-bad", "03-unseen", "b-short", "c-mixed"]  # the other run's journal was wiped
    fresh = run_corpus(list_sources(str(folder)), tmp_path / "fresh", mode="align", params=changed, workers=1,
                       report=quiet, progress=False)
    assert tables_bytes(tmp_path / "out") == tables_bytes(tmp_path / "fresh") and fresh.landed

    # an edited document is analysed again; the others come from the journal
    shutil.rmtree(tmp_path / "out")
    interrupt_at_the_skipped_document(folder, tmp_path / "out", journal, mode="extract")
    (folder / "01-mulan.txt").write_text(SHORT["c-mixed.txt"], encoding="utf-8")
    analysed.clear()
    run_corpus(list_sources(str(folder)), tmp_path / "out", mode="extract", workers=1, journal=journal,
               report=quiet, progress=False)
    assert analysed == ["01-mulan", "03-unseen", "b-short", "c-mixed"]
    claims = load_corpus(tmp_path / "out")["claims"]
    assert list(claims.loc[claims[DOC_ID] == "01-mulan", "text"]) == \
        list(claims.loc[claims[DOC_ID] == "c-mixed", "text"])


def helpers_command(*args, **popen):
    return subprocess.Popen([sys.executable, "-m", "helpers", *args], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, **popen)


def test_ctrl_c_then_the_same_command_resumes_from_the_documents_done(tmp_path):
    mulan = (RAW / "mulan-psl-v2.zh-en.txt").read_text(encoding="utf-8")
    documents = 24  # enough that a run cannot finish them all while this test waits for a core under load (8 could)
    folder = make_corpus(tmp_path / "in", {f"{k:02d}.txt": mulan for k in range(documents)})
    out = tmp_path / "out"
    command = ["align", str(folder), "--out", str(out), "--jobs", "1"]
    process = helpers_command(*command, start_new_session=True)
    journal = journal_for(out)
    done = lambda: Journal.records(journal)  # the documents it holds, read without opening it for a run
    deadline = time.monotonic() + 900  # a guard against a hang, not a timing
    while done() < 2:
        assert time.monotonic() < deadline and process.poll() is None, process.communicate()
        time.sleep(0.05)
    # Ctrl-C in the middle of the run, whatever the machine's load: the command is frozen first, so that it cannot
    # finish the corpus between the check and the signal; the signal is delivered when it goes on
    os.killpg(process.pid, signal.SIGSTOP)
    stopped_at = done()
    os.killpg(process.pid, signal.SIGINT)
    os.killpg(process.pid, signal.SIGCONT)
    assert 2 <= stopped_at < documents
    _, err = process.communicate(timeout=600)
    assert process.returncode == 130 and err.count("\n") == 1 and "the same command resumes" in err, err
    assert not out.exists()
    kept = done()
    assert stopped_at <= kept < documents
    again = helpers_command(*command)
    stdout, err = again.communicate(timeout=900)
    assert again.returncode == 0, err
    assert f"{kept} from the interrupted run)" in stdout, stdout
    assert not journal.exists()  # published: the journal went
    assert sorted(p.name for p in out.iterdir()) == sorted([MARKER, *(f"{n}.csv" for n in ALIGN_TABLE_NAMES)])
    fresh = helpers_command("align", str(folder), "--out", str(tmp_path / "fresh"), "--jobs", "1")
    fresh.communicate(timeout=900)
    assert tables_bytes(out) == tables_bytes(tmp_path / "fresh")


def test_align_over_a_corpus_writes_every_table_with_doc_id_first_and_skips_a_bad_document(single):
    folder, reference = single
    tables = load_corpus(reference)
    assert list(tables) == ALIGN_TABLE_NAMES
    for name, table in tables.items():
        assert list(table.columns)[0] == DOC_ID, name
    assert list(tables["documents"][DOC_ID]) == ["01-mulan", "03-unseen", "b-short", "c-mixed"]
    # each document's rows are what align writes for it alone, doc_id aside
    alone = subprocess.run([sys.executable, "-m", "helpers", "align", str(folder / "01-mulan.txt"), "--out",
                            str(reference.parent / "alone")], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert alone.returncode == 0, alone.stderr
    for name in [n for n in ALIGN_TABLE_NAMES if n != "documents"]:
        expected = pd.read_csv(reference.parent / "alone" / f"{name}.csv", encoding="utf-8-sig", keep_default_na=False,
                               dtype=str)
        got = pd.read_csv(reference / f"{name}.csv", encoding="utf-8-sig", keep_default_na=False, dtype=str)
        got = got[got[DOC_ID] == "01-mulan"].drop(columns=DOC_ID).reset_index(drop=True)
        pd.testing.assert_frame_equal(got, expected, obj=name)


def test_the_tables_read_back_with_their_dtypes(tmp_path):
    folder = make_corpus(tmp_path / "in", {"0123.txt": SHORT["b-short.txt"], "4.txt": SHORT["c-mixed.txt"]})
    run_corpus(list_sources(str(folder)), tmp_path / "out", mode="align", workers=1, report=quiet, progress=False)
    tables = load_corpus(tmp_path / "out")
    claims, alignment, framing = tables["claims"], tables["alignment"], tables["framing"]
    assert list(dict.fromkeys(claims[DOC_ID])) == ["0123", "4"]  # not 123: ids stay strings
    assert str(claims[DOC_ID].dtype) == "string" and str(tables["mentions"]["entity"].dtype) == "string"
    assert claims["claim_id"].dtype == "Int64" and claims["negated"].dtype == "boolean"
    assert all(isinstance(v, list) for v in claims["entities"]) and ["deepseek"] in list(claims["entities"])
    assert alignment["en_claim_id"].dtype == "Int64" and alignment["score"].dtype == "Float64"
    linked = framing[framing["en_claim_ids"].map(len) > 0]
    assert all(isinstance(i, int) for ids in linked["en_claim_ids"] for i in ids)
    # a folder of documents is analysed in this process and reads back the same
    in_process = load_corpus(folder)
    for name in ALIGN_TABLE_NAMES:
        pd.testing.assert_frame_equal(in_process[name], tables[name], obj=name)


def test_extract_mode_still_writes_its_five_tables(tmp_path):
    folder = make_corpus(tmp_path / "in", SHORT)
    run_corpus(list_sources(str(folder)), tmp_path / "out", workers=1, report=quiet, progress=False)
    assert sorted(tables_bytes(tmp_path / "out")) == sorted(f"{n}.csv" for n in TABLE_NAMES)


def test_a_corpus_report_writes_each_documents_report_and_the_corpus_page_with_an_index(tmp_path, monkeypatch):
    from helpers.corpus import build_corpus_report
    from helpers.paths import NOTEBOOKS
    from helpers.render import kernels, report

    fresh = []   # notebooks run in a fresh kernel: none, every one is forked from the corpus's one warm process
    for module in (kernels, report):
        monkeypatch.setattr(module, "run_notebook", lambda notebook, *args, **kwargs: fresh.append(notebook.name))

    mulan = (RAW / "mulan-psl-v2.zh-en.txt").read_text(encoding="utf-8")
    folder = make_corpus(tmp_path / "in", {"a-mulan.txt": mulan, "b-chinese-only.txt": "只有中文。第二句。\n",
                                          "c-short.txt": SHORT["b-short.txt"]})
    lines = []
    result = build_corpus_report(list_sources(str(folder)), tmp_path / "out", workers=1, report=lines.append,
                                 notebooks=[NOTEBOOKS / "01-overview.ipynb"])
    out = tmp_path / "out"
    assert result.landed == ["a-mulan", "c-short"]
    assert len(lines) == 1 and lines[0].startswith("skipped: ") and "b-chinese-only.txt" in lines[0]
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="html/06-corpus.html"' in index
    for doc_id in result.landed:
        assert f'href="{doc_id}/index.html"' in index and (out / doc_id / "index.html").is_file()
        assert (out / doc_id / "html" / "01-overview.html").is_file()
    assert not (out / "b-chinese-only").exists()
    page = (out / "html" / "06-corpus.html").read_text(encoding="utf-8")
    assert 'href="../a-mulan/index.html"' in page  # the documents link to their own reports
    assert (out / "tables" / "alignment.csv").is_file() and (out / MARKER).is_file()
    assert list(load_corpus(out / "tables")["documents"][DOC_ID]) == ["a-mulan", "c-short"]
    assert fresh == []


def test_a_document_whose_report_fails_is_skipped_and_the_others_are_published(tmp_path):
    import nbformat

    from helpers.corpus import build_corpus_report

    notebook = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell('SOURCE = ""', metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell('assert "fails" not in SOURCE, "a notebook this document breaks"')])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    made = tmp_path / "nb" / "01-made.ipynb"
    made.parent.mkdir()
    nbformat.write(notebook, made)
    mulan = (RAW / "mulan-psl-v2.zh-en.txt").read_text(encoding="utf-8")
    folder = make_corpus(tmp_path / "in", {"a-fine.txt": mulan, "b-fails.txt": SHORT["b-short.txt"]})
    lines = []
    result = build_corpus_report(list_sources(str(folder)), tmp_path / "out", workers=1, report=lines.append,
                                 notebooks=[made])
    out = tmp_path / "out"
    assert result.landed == ["a-fine"] and [p for p, _ in result.skipped] == [str(folder / "b-fails.txt")]
    assert len(lines) == 1 and lines[0].startswith("skipped: ") and "01-made.ipynb failed" in lines[0]
    assert (out / "a-fine" / "html" / "01-made.html").is_file()
    stub = (out / "b-fails" / "index.html").read_text(encoding="utf-8")
    assert "could not be built" in stub and (out / "b-fails" / "notebooks" / "01-made.ipynb").is_file()
    assert 'href="../b-fails/index.html"' in (out / "html" / "06-corpus.html").read_text(encoding="utf-8")
    assert list(load_corpus(out / "tables")["documents"][DOC_ID]) == ["a-fine", "b-fails"]  # its tables stay
