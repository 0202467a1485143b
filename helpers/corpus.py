"""Corpus mode: extract or align many documents into one set of tables with a ``doc_id`` column, in parallel.

Design (bounded memory, deterministic output, resumable):

- The documents are listed first (a directory: every ``*.txt`` in it, sorted by name; a glob: its
  matches, sorted) and each gets a ``doc_id``: the file's stem, made unique with ``-2``, ``-3``…
- Each document is one pure task, ``analyse_document(path, doc_id, mode, params, gazetteer)``: it reads
  and extracts (``extract``) or analyses (``align``: every table of ``pipeline.run``) the document and
  returns its tables already rendered as CSV text, formulas neutralised as in ``helpers.export``. The
  tasks run in worker processes forked from this one, one per core (``corpus_pool.ForkPool``), after this
  process has built the caches every analysis reads (``warm_up``), so that each worker starts with them;
  ``scheduler=ADDRESS`` sends the same tasks to an existing Dask cluster instead, the parameters and the
  gazetteer scattered to its workers once. With one worker and no scheduler the tasks run in this process.
- At most ``window`` documents (default: ``WINDOW_PER_WORKER`` times the workers) are in flight or waiting at any
  moment: a new one is submitted only when the oldest unwritten one is within the window. Results
  that arrive out of order wait in a small ordered buffer; each is appended to the output the
  moment every document before it has been written. So rows stream out in document order
  whatever order the workers finish in, and memory holds at most ``window`` documents' tables.
  A worker that dies (killed, out of memory, a lost machine) is replaced and its document run again; a
  document that kills ``ALLOWED_FAILURES`` workers is skipped; each document is written once, when its own
  task's result arrives.
- Rows go to temporary files, renamed into place only at the end (and the CLI publishes the folder
  whole, ``helpers.publish``): a reader never sees a half-written table.
- Resume: each finished document's rendered tables are also kept in a journal folder (``Journal``),
  one record per document appended whole to one file (a record cut short is ignored), keyed by the run
  (command, parameters, the engine's code and reference files) and by the document (its path, size and
  modification time). A run that is
  interrupted and started again with the same arguments takes finished documents from the journal
  instead of analysing them again; a journal of another run (other parameters, another engine) is
  wiped first, so a table never mixes two runs. The journal goes once the output is published.
- A document that cannot be read or analysed is reported in one line naming it and skipped; so is
  a ``*.txt`` entry that is not a regular file (a FIFO, a broken link, a folder): ``list_sources``
  returns them as skipped, never silently drops them.
- Workers die with their parent: a terminal's Ctrl-C reaches the whole process group, the workers ignore it,
  and this process kills them at once; on Linux the kernel kills them when this process dies however it dies
  (elsewhere they exit when their pipe to it closes).
"""

from __future__ import annotations

import csv
import functools
import glob
import hashlib
import html
import io
import json
import logging
import os
import re
import shutil
import sys
import tempfile
import uuid
import zlib
from urllib.parse import quote
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import numpy as np
import pandas as pd

from .columns import ADDITION, CAVEAT_KINDS, CONTENT_KINDS, PART_COMMENTARY, PART_ORIGINAL
from .framing.reliability import link_gate
from .framing.shifts import GOLD_LABELS, SHIFTS, label_gate, load_label_quality
from .corpus_pool import ForkPool, TaskFailed, WorkerDied
from .export import FORMULA_TRIGGERS, NEEDS_ESCAPE, csv_text, publish, restore_formulas
from .params import Params
from .paths import RAW
from .pipeline import engine_digest, extract, run  # extract: the Simplified view's tables, mapped back
from .publish import publishing
from .render.assets import ensure_reveal, write_fonts
from .render.narrative import NOT_SHIFTS, code_of, listing, pct, plural, text_of
from .render.kernels import warm_kernels
from .render.notebooks import numbered_notebooks
from .render.pages import render
from .render.errors import NotebookFailed
from .render.report import build_document_report, require_both_parts
from .render.report import document_notebooks as document_report_notebooks
from .tables.entities import default_gazetteer, settled_gazetteer
from .text.parse import second_article_caveat
from .text.reader import InputError, not_a_regular_file, read_document
from .text.variants import detect_script

#: The tables of ``extract``, and those ``align`` adds, in the order they are written.
TABLE_NAMES = ["claims", "mentions", "blocks", "candidates", "repairs"]
ALIGN_TABLE_NAMES = TABLE_NAMES + ["alignment", "framing", "coverage", "additions", "omissions", "frames",
                                   "frame_mix", "shifts", "caveats", "documents"]
#: ``documents.csv`` (align mode): one row per document landed, what the notebook's per-document table starts from.
TITLE_CHARS = 40  # a title longer than this is cut, with an ellipsis
DOCUMENT_COLUMNS = ["file", "title", "encoding", "script", "chars", "caveat"]
MODES = {"extract": TABLE_NAMES, "align": ALIGN_TABLE_NAMES}
DOC_ID = "doc_id"
GLOB_CHARS = frozenset("*?[")
JOURNAL_VERSION = 2
#: How many workers a document may kill (each run again on a fresh one) before it is skipped.
ALLOWED_FAILURES = 3
#: Documents in flight or waiting to be written, per worker. Results are written in document order, so a long document
#: holds back the window behind it: with twice the workers, a worker that had finished the short documents after a
#: long one waited for it (a mix of the seed and a 1.5 kB document, simulated: 9% more wall time than the work over two
#: workers; four times the workers, none). Each holds one document's rows as CSV text.
WINDOW_PER_WORKER = 4


@dataclass
class CorpusResult:
    """What a corpus run did: documents landed and skipped (with the one-line reason), rows per table."""

    landed: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)
    written: list[Path] = field(default_factory=list)
    resumed: int = 0  # documents taken from the journal of an interrupted run, not analysed again


def is_corpus(source: str) -> bool:
    """True when ``source`` names many documents: a directory, or a glob that is not a file's name."""
    path = Path(source)
    return path.is_dir() or (not path.exists() and any(c in GLOB_CHARS for c in source))


def list_sources(source: str) -> list[Path]:
    """The documents of a corpus, sorted: ``*.txt`` inside a directory (not recursive), or a glob's files.

    >>> [p.name for p in list_sources(str(RAW))]
    ['lambert-china-ai-labs-2026-05.zh-en.txt', 'mulan-psl-v2.zh-en.txt']
    """
    return find_sources(source)[0]


def find_sources(source: str) -> tuple[list[Path], list[tuple[Path, str]]]:
    """``list_sources`` and the entries it passed over that a user would expect read, with why: (path, reason).

    A directory's ``*.txt`` that is not a regular file (a FIFO, a device, a broken link, a folder
    named ``x.txt``) is skipped with a reason; a glob's matches likewise, except folders.
    """
    path = Path(source)
    if path.is_dir():
        candidates = sorted(path.glob("*.txt"), key=lambda p: p.name)
    else:
        candidates = sorted((Path(p) for p in glob.glob(source, recursive=True)), key=str)
    files, skipped = [], []
    for candidate in candidates:
        reason = _not_a_document(candidate)
        if reason is None:
            files.append(candidate)
        elif not (reason == "a directory" and not path.is_dir()):
            skipped.append((candidate, reason))
    return files, skipped


def _not_a_document(path: Path) -> str | None:
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return "a broken symbolic link" if path.is_symlink() else "gone"
    except OSError as exc:
        return f"cannot be read ({exc.strerror})"
    return not_a_regular_file(mode)


def unique_ids(paths: list[Path]) -> list[str]:
    """Each file's stem, with ``-2``, ``-3``… added to the later of two that share one.

    >>> unique_ids([Path("a/x.txt"), Path("b/x.txt"), Path("y.txt")])
    ['x', 'x-2', 'y']
    """
    stems = {p.stem for p in paths}
    used: set[str] = set()
    ids = []
    for p in paths:
        doc_id, k = p.stem, 1
        # a suffixed id must not take the name of another file's own stem
        while doc_id in used or (k > 1 and doc_id in stems):
            k += 1
            doc_id = f"{p.stem}-{k}"
        used.add(doc_id)
        ids.append(doc_id)
    return ids




def table_names(mode: str) -> list[str]:
    """The tables a corpus run in ``mode`` (``extract`` or ``align``) writes, in order."""
    return MODES[mode]


def analyse_document(path: str, doc_id: str, mode: str = "extract", params: Params | None = None,
                     gazetteer: pd.DataFrame | None = None) -> tuple[str, dict | str]:
    """One document's task: (doc_id, {table: (columns, csv body, rows), "caveat": …}) or (doc_id, error line).

    Pure: the same file, parameters and engine give the same text, in whatever process it runs.
    """
    try:
        document = read_document(path)
        if mode == "align":
            analysis = run(document.text, params or Params(), gazetteer=gazetteer)
            tables, blocks = analysis.named_tables(), analysis.blocks
            tables["documents"] = describe_document(Path(path), document, blocks)
        else:
            extracted = extract(document.text, gazetteer=gazetteer)
            tables = {name: getattr(extracted, name) for name in TABLE_NAMES}
            blocks = extracted.blocks
    except InputError as exc:
        return doc_id, str(exc)
    except Exception as exc:  # one broken document must not sink the corpus; the line names it
        return doc_id, f"{path}: internal error: {type(exc).__name__}: {exc}"
    rendered: dict = {"caveat": second_article_caveat(document.text, blocks)}
    for name in MODES[mode]:
        table = tables[name]
        body = rows_csv(table, doc_id)
        if body is None:  # a column the fast path does not write (floats, missing values): pandas writes it
            body = csv_text(table.assign(**{DOC_ID: doc_id})[[DOC_ID, *table.columns]], header=False)
        rendered[name] = ([DOC_ID, *table.columns], body, len(table))
    return doc_id, rendered


def rows_csv(table: pd.DataFrame, doc_id: str) -> str | None:
    """``csv_text`` of ``table`` with ``doc_id`` as its first column, no header, written by the csv module from the
    columns as lists (what pandas does, at a fraction of its cost per table: corpus mode writes five per document), or
    None when a column is neither integers, booleans nor strings without a missing value (then pandas writes it).
    Each column is read once: its cells tested for a spreadsheet's formula, and escaped, as ``neutralise_formulas``
    does, only where one starts with a trigger or an apostrophe.
    """
    columns = []
    for position in range(table.shape[1]):
        # the column's array as the frame holds it (``frames.column``): a Series made of each costs more than its rows
        array = table._get_column_array(position)
        dtype = array.dtype
        values = array.tolist()
        if isinstance(dtype, np.dtype) and (dtype == np.int64 or dtype == np.bool_):  # numpy's: no missing value
            columns.append(values)
        elif _is_text(dtype) and (not values or set(map(type, values)) == _STR):
            # a cell opening on a trigger opens the joined column or follows its separator (a NUL inside a cell only
            # sends the column to the exact test below)
            joined = "\0".join(values)
            if joined[:1] in ESCAPE_FIRST or ESCAPE_AFTER_NUL.search(joined):
                values = ["'" + v if NEEDS_ESCAPE.match(v) else v for v in values]
            columns.append(values)
        else:
            return None
    doc = "'" + doc_id if NEEDS_ESCAPE.match(doc_id) else doc_id
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(zip([doc] * len(table), *columns))
    return buffer.getvalue()


#: The first characters of a cell that may need a spreadsheet's escape (``NEEDS_ESCAPE``: apostrophes, then a trigger).
ESCAPE_FIRST = frozenset("'" + FORMULA_TRIGGERS)
#: Such a character opening a cell of a column joined by NULs, after the first cell (a search that opens on a literal
#: NUL skips to each NUL at C speed: one that may also match at the start tries every position, 50 times slower on a
#: column of long texts).
ESCAPE_AFTER_NUL = re.compile("\0[" + re.escape("".join(sorted(ESCAPE_FIRST))) + "]")
_STR = {str}
_TEXTUAL: dict = {}


def _is_text(dtype) -> bool:
    """An object or string dtype (kept by dtype: pandas' test costs more than a short column's cells)."""
    textual = _TEXTUAL.get(dtype)
    if textual is None:
        textual = _TEXTUAL[dtype] = bool(dtype == object or pd.api.types.is_string_dtype(dtype))
    return textual


def describe_document(path: Path, document, blocks: pd.DataFrame) -> pd.DataFrame:
    """One row: the file's name, the title (the commentary's first line of content: a README's or a blog's first
    heading is often a section's, such as 简介 or Summary, and a table's row may read as one), encoding, script of
    the Chinese (``text.variants.detect_script``), length, and the parser's caveat ("" when none)."""
    commentary = blocks[blocks["part"] == PART_COMMENTARY]
    content = commentary[commentary["kind"].isin(CONTENT_KINDS)]
    first = content if len(content) else commentary
    title = str(first["text"].iloc[0]).strip() if len(first) else path.stem
    title = title if len(title) <= TITLE_CHARS else title[:TITLE_CHARS - 1] + "…"
    chinese = "".join(commentary["text"])
    return pd.DataFrame([[path.name, title, document.encoding, detect_script(chinese), len(document.text),
                          second_article_caveat(document.text, blocks) or ""]], columns=DOCUMENT_COLUMNS)


def extract_document(path: str, doc_id: str) -> tuple[str, dict | str]:
    """``analyse_document`` in extract mode (the name earlier callers use)."""
    return analyse_document(path, doc_id, "extract")


class Journal:
    """Finished documents of a run, one record each in one file, so that a run started again does not redo them.

    The folder holds ``run.json`` (what the run is: mode, parameters, the engine's digest) and ``documents.log``: one
    record per document, appended whole (a header line with the document's key, the JSON's length and its digest, then
    the JSON), keyed by the hash of its doc_id, path, size and modification time. A record cut short (the process
    killed while writing it) fails its length or digest and is ignored, and cut off before the next one is appended;
    the last record of a key wins. Opening it for another run wipes it: its documents were analysed by other rules and
    must not mix with this run's. (One file per document, before: creating a file cost this machine's kernel about
    0.9 ms, more than writing a document's rows.)
    """

    RUN_FILE = "run.json"
    LOG_FILE = "documents.log"

    def __init__(self, folder: str | Path, mode: str, params: Params):
        self.folder = Path(folder)
        self.run = {"version": JOURNAL_VERSION, "mode": mode, "params": repr(params), "engine": engine_digest()}
        if self.folder.exists() and self._recorded() != self.run:
            shutil.rmtree(self.folder)
        self.index, self.valid_end = _read_log(self.folder / self.LOG_FILE)
        self._log = None  # opened for appending on the first record written

    def _recorded(self) -> dict | None:
        try:
            return json.loads((self.folder / self.RUN_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    @staticmethod
    def entry(path: Path, doc_id: str) -> str:
        """A document's key: changes when the file or its doc_id does."""
        try:
            stat = path.stat()
            stamp = f"{stat.st_size}:{stat.st_mtime_ns}"
        except OSError:
            stamp = "unreadable"
        key = "\0".join([doc_id, str(path.resolve()), stamp])
        return hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()[:32]

    def done(self, path: Path, doc_id: str) -> bool:
        return self.entry(path, doc_id) in self.index

    def get(self, path: Path, doc_id: str) -> dict | str:
        offset, length = self.index[self.entry(path, doc_id)]
        with open(self.folder / self.LOG_FILE, "rb") as handle:
            handle.seek(offset)
            stored = json.loads(handle.read(length).decode("utf-8"))
        outcome = stored["outcome"]
        if isinstance(outcome, dict):
            outcome = {k: tuple(v) if isinstance(v, list) else v for k, v in outcome.items()}
        return outcome

    def put(self, path: Path, doc_id: str, outcome: dict | str) -> None:
        """Keep one document's outcome: its record appended whole (one write), or ignored when read back."""
        if self._log is None:
            if not self.folder.exists():
                self.folder.mkdir(parents=True)
                self._write(self.RUN_FILE, json.dumps(self.run))
            self._log = open(self.folder / self.LOG_FILE, "ab", buffering=0)
            if self._log.tell() != self.valid_end:  # a record cut short: cut it off before appending
                self._log.truncate(self.valid_end)
                self._log.seek(self.valid_end)
        key = self.entry(path, doc_id)
        payload = json.dumps({"doc_id": doc_id, "outcome": outcome}, ensure_ascii=False).encode("utf-8")
        header = f"{key} {len(payload)} {_digest(payload)}\n".encode("ascii")
        record = memoryview(header + payload + b"\n")
        while record:
            record = record[self._log.write(record):]
        self.index[key] = (self.valid_end + len(header), len(payload))
        self.valid_end += len(header) + len(payload) + 1

    def close(self) -> None:
        if self._log is not None:
            self._log.close()
            self._log = None

    def _write(self, name: str, text: str) -> None:
        handle, temporary = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=self.folder)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                stream.write(text)
            os.replace(temporary, self.folder / name)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    def count(self) -> int:
        """How many documents it holds."""
        return len(self.index)

    @classmethod
    def records(cls, folder: str | Path) -> int:
        """How many documents the journal in ``folder`` holds, read without opening it for a run (nothing wiped)."""
        return len(_read_log(Path(folder) / cls.LOG_FILE)[0])

    def remove(self) -> None:
        self.close()
        shutil.rmtree(self.folder, ignore_errors=True)


#: A journal record's header line is shorter than this (a key, a length, a digest).
HEADER_MAX_BYTES = 128


def _digest(payload: bytes) -> str:
    """A record's check: its CRC-32, which finds a record cut short or written over (not a safeguard against
    tampering: the journal is the user's own)."""
    return f"{zlib.crc32(payload):08x}"


def _read_log(path: Path) -> tuple[dict[str, tuple[int, int]], int]:
    """(key -> (offset, length) of its last whole record's JSON, the end of the last whole record) of a journal's log;
    reading stops at the first record cut short or unreadable (one record in memory at a time)."""
    index: dict[str, tuple[int, int]] = {}
    end = 0
    try:
        handle = open(path, "rb")
    except OSError:
        return index, end
    with handle:
        while True:
            header = handle.readline(HEADER_MAX_BYTES)
            parts = header.split()
            if not header.endswith(b"\n") or len(parts) != 3 or not parts[1].isdigit() or not parts[0].isalnum() \
                    or not parts[0].isascii():
                break
            length = int(parts[1])
            payload = handle.read(length)
            if len(payload) != length or handle.read(1) != b"\n" or _digest(payload).encode("ascii") != parts[2]:
                break
            index[parts[0].decode("ascii")] = (end + len(header), length)
            end += len(header) + length + 1
    return index, end


def journal_for(out: str | Path) -> Path:
    """The journal folder of an output folder: ``.<name>.resume`` beside it."""
    out = Path(os.path.abspath(out))
    return out.parent / f".{out.name}.resume"


class _TableSink:
    """Temporary CSV files, one per table, renamed into place by ``commit``."""

    def __init__(self, out_dir: Path, names: list[str]):
        self.out_dir = out_dir
        self.names = names
        self.temporary: dict[str, Path] = {}
        self.streams: dict = {}
        self.columns: dict[str, list[str]] = {}

    def append(self, name: str, columns: list[str], body: str) -> None:
        if name not in self.streams:
            self.out_dir.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(prefix=f".{name}.csv.", suffix=".tmp", dir=self.out_dir)
            self.temporary[name] = Path(temporary)
            self.streams[name] = os.fdopen(handle, "w", encoding="utf-8-sig", newline="")
            self.streams[name].write(",".join(_quote(c) for c in columns) + "\r\n")
            self.columns[name] = list(columns)
        elif list(columns) != self.columns[name]:
            raise RuntimeError(f"{name}: a document's columns differ from the first's ({columns} vs {self.columns[name]})")
        self.streams[name].write(body)

    def commit(self) -> list[Path]:
        self._close()
        written = []
        for name in self.names:
            if name in self.temporary:
                target = self.out_dir / f"{name}.csv"
                publish(self.temporary.pop(name), target)
                written.append(target)
        return written

    def discard(self) -> None:
        self._close()
        for temporary in self.temporary.values():
            temporary.unlink(missing_ok=True)
        self.temporary.clear()

    def _close(self) -> None:
        for stream in self.streams.values():
            stream.close()
        self.streams.clear()


def _quote(name: str) -> str:
    return f'"{name}"' if any(c in name for c in ',"\r\n') else name


class _InProcess:
    """Runs each task here, one at a time, when it is waited for: the single-process run."""

    def __init__(self, mode: str, params: Params):
        self.mode, self.params, self.queue, self.slots = mode, params, [], 1

    def submit(self, index: int, path: str, doc_id: str) -> None:
        self.queue.append((index, path, doc_id))

    def next_done(self) -> tuple[int, dict | str]:
        index, path, doc_id = self.queue.pop(0)
        return index, analyse_document(path, doc_id, self.mode, self.params)[1]

    def close(self, fast: bool = False) -> None:
        pass


class _OnPool:
    """Runs each task in a worker process forked from this one (``corpus_pool.ForkPool``), after building here, once,
    the caches every document reads (``warm_up``): the workers start with them."""

    def __init__(self, mode: str, params: Params, workers: int):
        warm_up(mode, params)
        self.pool = ForkPool(workers, functools.partial(_analyse_in_worker, mode=mode, params=params),
                             allowed_failures=ALLOWED_FAILURES)
        self.slots = workers

    def submit(self, index: int, path: str, doc_id: str) -> None:
        self.pool.submit(index, (path, doc_id))

    def next_done(self) -> tuple[int, dict | str]:
        index, result = self.pool.next_done()
        if isinstance(result, WorkerDied):
            return index, died(result.path, result.failures)
        if isinstance(result, TaskFailed):  # analyse_document reports its own errors: this is the pool's own
            return index, f"{result.path}: internal error: {result.error}"
        return index, result[1]

    def close(self, fast: bool = False) -> None:
        self.pool.close(fast=fast)


def died(path: str, failures: int) -> str:
    """The line of a document skipped because analysing it killed its worker each time it was tried."""
    return f"{path}: its worker died {failures} times while analysing it (out of memory?)"


def _analyse_in_worker(path: str, doc_id: str, *, mode: str, params: Params) -> tuple[str, dict | str]:
    return analyse_document(path, doc_id, mode, params)  # looked up when called: the module's, as the worker has it


#: A made-up bilingual post (no document's text), analysed once before the workers are forked: it takes every lazy
#: path a document takes (the gazetteer's compiled form, jieba-rs's dictionary, the cue matchers, pinyin for a
#: Chinese name tied to an English one, numbers, a byline; in align mode the dictionaries), so that each worker
#: starts with them built instead of building them again.
WARM_TEXT = """原创 观察 2025-01-02
一位工程师眼中的中国模型:速度和价格(原文附后)。
1.成本是最大的优势
作者认为,深度求索和华星科技的模型很强,成本下降了大约 30%。
她最近走访了华星科技。
说白了,这就是集群的力量。
Zhang Wei Jan 2, 2025
Costs, not chemistry
The models of DeepSeek and Huaxing Tech are strong.Costs fell by about 30% in 2024.
I recently visited Huaxing Tech in Hefei.
Subscribe
"""


def warm_up(mode: str, params: Params) -> None:
    """Build in this process what every document's analysis builds on first use (by analysing ``WARM_TEXT``).
    A warm-up only: whatever fails here fails again, and is reported, on the document that meets it."""
    try:
        if mode == "align":
            run(WARM_TEXT, params)
        else:
            extract(WARM_TEXT)
    except Exception:  # noqa: BLE001
        pass


class _OnDask:
    """Runs each task on the Dask cluster at ``scheduler`` (``--scheduler ADDRESS``)."""

    def __init__(self, mode: str, params: Params, scheduler: str):
        from distributed import Client, as_completed

        with _dask_config():
            self.client = Client(scheduler, set_as_default=False, timeout=CONNECT_SECONDS)
        self.mode, self.run_id = mode, uuid.uuid4().hex[:12]
        # the parameters and the reference data go to every worker once, not with every task: a worker plugin,
        # which a worker started later (one restarted after a crash) receives too
        plugin = __getattr__("ReferencePlugin")(self.run_id, params, default_gazetteer())
        self.client.register_plugin(plugin, name=self.run_id)
        self.slots = max(sum(self.client.nthreads().values()), 1)
        self.index: dict[str, int] = {}
        self.paths: dict[int, str] = {}
        self.completed = as_completed(loop=self.client.loop, raise_errors=False)

    def submit(self, index: int, path: str, doc_id: str) -> None:
        future = self.client.submit(analyse_on_worker, path, doc_id, self.mode, self.run_id,
                                    key=f"document-{self.run_id}-{index}", pure=False)
        self.index[future.key] = index
        self.paths[index] = path
        self.completed.add(future)

    def next_done(self) -> tuple[int, dict | str]:
        from distributed import KilledWorker

        future = next(self.completed)
        index = self.index.pop(future.key)
        try:
            outcome = future.result()[1]
        except KilledWorker:
            outcome = died(self.paths[index], ALLOWED_FAILURES)
        self.paths.pop(index, None)
        future.release()  # the cluster forgets it: memory does not grow with the corpus
        return index, outcome

    def close(self, fast: bool = False) -> None:
        logging.disable(logging.CRITICAL)  # the client's lines about a cluster it loses while closing
        try:
            self.client.close(timeout=2 if fast else 30)
        except Exception:
            if not fast:
                raise
        finally:
            logging.disable(logging.NOTSET)


#: What each worker received from the runs it serves (``ReferencePlugin``): run id -> (params, gazetteer).
_REFERENCE: dict[str, tuple[Params, pd.DataFrame]] = {}


def analyse_on_worker(path: str, doc_id: str, mode: str, run_id: str) -> tuple[str, dict | str]:
    """``analyse_document`` with the parameters and gazetteer the run shipped to this worker."""
    params, gazetteer = _REFERENCE[run_id]
    return analyse_document(path, doc_id, mode, params, gazetteer)


def _reference_plugin_class():
    """A ``distributed`` WorkerPlugin that keeps a run's parameters and gazetteer in each worker (built on first use,
    so that importing this module does not import Dask)."""
    from distributed.diagnostics.plugin import WorkerPlugin

    class ReferencePlugin(WorkerPlugin):
        def __init__(self, run_id: str, params: Params, gazetteer: pd.DataFrame):
            self.run_id, self.params, self.gazetteer = run_id, params, gazetteer

        def setup(self, worker) -> None:
            # the worker's own copy, unpickled, never mutated: its key made once, not four times per document
            _REFERENCE[self.run_id] = (self.params, settled_gazetteer(self.gazetteer))

        def teardown(self, worker) -> None:
            _REFERENCE.pop(self.run_id, None)

    ReferencePlugin.__module__, ReferencePlugin.__qualname__ = __name__, "ReferencePlugin"  # pickled by reference
    return ReferencePlugin


def __getattr__(name: str):
    if name == "ReferencePlugin":  # made on first use, here and where a worker unpickles it
        return globals().setdefault(name, _reference_plugin_class())
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


CONNECT_SECONDS = 120  # a loaded machine may take a while to start Python and import the engine in each worker


def _dask_config():
    import dask

    return dask.config.set({"distributed.scheduler.allowed-failures": ALLOWED_FAILURES,
                            "distributed.comm.timeouts.connect": f"{CONNECT_SECONDS}s"})


def run_corpus(
    paths: list[Path],
    out_dir: str | Path,
    *,
    mode: str = "extract",
    params: Params = Params(),
    workers: int | None = None,
    scheduler: str | None = None,
    window: int | None = None,
    journal: str | Path | None = None,
    report: Callable[[str], None] | None = None,
    progress: bool | None = None,
) -> CorpusResult:
    """Write every table of ``mode`` for each document of ``paths`` into ``out_dir``/<table>.csv, ``doc_id`` first.

    ``workers``: that many worker processes forked from this one (``corpus_pool.ForkPool``; default: one per core);
    1, or a single document to analyse: this process. ``scheduler``: the address of a Dask cluster to run them on
    instead. ``journal``: a folder where finished documents are kept for a resume (see ``Journal``); it is kept
    when the run fails or is interrupted. ``report`` receives one line per skipped document (default: stderr).
    ``progress`` shows a tqdm bar (default: only when stderr is a terminal). Nothing is written unless a
    document lands. See the module doc.
    """
    from tqdm import tqdm

    names = MODES[mode]
    out = Path(out_dir)
    workers = workers or os.cpu_count() or 1
    ids = unique_ids(paths)
    kept = Journal(journal, mode, params) if journal is not None else None
    result = CorpusResult(rows={name: 0 for name in names})
    sink = _TableSink(out, names)
    # without tqdm's monitor thread: the workers are forked from this process, which should then hold no thread
    bar = type("CorpusBar", (tqdm,), {"monitor_interval": 0})(
        total=len(paths), unit="doc", file=sys.stderr, disable=not sys.stderr.isatty() if progress is None else not progress)
    say = report or (lambda line: bar.write(line, file=sys.stderr))

    def land(index: int, outcome: dict | str) -> None:
        if isinstance(outcome, str):
            result.skipped.append((str(paths[index]), outcome))
            say(f"skipped: {outcome}")
        else:
            if outcome.get("caveat"):
                say(f"caveat: {paths[index]}: {outcome['caveat']}")
            for name in names:
                columns, body, rows = outcome[name]
                sink.append(name, columns, body)
                result.rows[name] += rows
            result.landed.append(ids[index])
        bar.update(1)

    done_before = {i for i in range(len(paths)) if kept is not None and kept.done(paths[i], ids[i])}
    result.resumed = len(done_before)
    todo = [i for i in range(len(paths)) if i not in done_before]
    runner = None
    try:
        if todo:
            runner = (_OnDask(mode, params, scheduler) if scheduler else
                      _OnPool(mode, params, min(workers, len(todo))) if workers > 1 and len(todo) > 1 else
                      _InProcess(mode, params))
        window = max(window or WINDOW_PER_WORKER * (runner.slots if runner else workers), 1)
        buffer: dict[int, dict | str] = {}
        in_flight = 0
        next_submit = next_write = 0
        while next_write < len(paths):
            if next_write in buffer or next_write in done_before:
                outcome = buffer.pop(next_write) if next_write in buffer else kept.get(paths[next_write], ids[next_write])
                land(next_write, outcome)
                next_write += 1
                continue
            while next_submit < len(paths) and next_submit < next_write + window:
                if next_submit not in done_before:
                    runner.submit(next_submit, str(paths[next_submit]), ids[next_submit])
                    in_flight += 1
                next_submit += 1
            index, outcome = runner.next_done()
            in_flight -= 1
            if kept is not None:
                kept.put(paths[index], ids[index], outcome)
            buffer[index] = outcome
        if runner is not None:
            runner.close()
            runner = None
        if result.landed:
            result.written = sink.commit()
        else:
            sink.discard()
    except BaseException:
        # Ctrl-C, SIGTERM, a full disk: stop the workers now, then remove the temporary tables; the journal stays.
        if runner is not None:
            runner.close(fast=True)  # the workers at once (never the caller's other children)
        sink.discard()
        raise
    finally:
        bar.close()
        if kept is not None:
            kept.close()
    return result


def extract_corpus(paths: list[Path], out_dir: str | Path, **options) -> CorpusResult:
    """``run_corpus`` in extract mode: claims, mentions, blocks, candidates and repairs."""
    return run_corpus(paths, out_dir, mode="extract", **options)


def align_corpus(paths: list[Path], out_dir: str | Path, **options) -> CorpusResult:
    """``run_corpus`` in align mode: every table ``python -m helpers align`` writes for one document."""
    return run_corpus(paths, out_dir, mode="align", **options)


# Reading a corpus's tables back (``load_corpus``): the dtypes of each column, by name.
#: Whole numbers (ids, offsets, counts): pandas' nullable Int64, so an empty cell (an addition's en_claim_id) is <NA>.
INT_COLUMNS = frozenset({"block_id", "claim_id", "mention_id", "zh_claim_id", "en_claim_id", "start", "end", "claims",
                         "chars", "carried_claims", "carried_chars", "mentions", "hits"})
#: Fractions and scores: Float64.
FLOAT_COLUMNS = frozenset({"score", "share_claims", "share_chars", "weight_claims", "weight_chars", "share"})
BOOL_COLUMNS = frozenset({"negated"})
#: ``|``-joined cells, split into lists (an empty cell: an empty list); ``en_claim_ids`` holds ints.
LIST_COLUMNS = frozenset({"hedges", "boosters", "numbers", "entities", "orgs", "en_claim_ids", "zh_frames", "en_frames",
                          "en_voices", "zh_categories", "en_categories", "zh_only_entities", "en_only_entities"})


def read_corpus_table(path: str | Path) -> pd.DataFrame:
    """One table of a corpus (or of one document) with its dtypes: ids and text as strings (``doc_id`` "01" stays
    "01"), offsets and counts as Int64, shares as Float64, ``negated`` as boolean, ``|``-joined cells as lists;
    spreadsheet apostrophes removed as ``export.read_table`` does."""
    table = restore_formulas(pd.read_csv(path, encoding="utf-8-sig", keep_default_na=False, dtype=str))
    for column in table.columns:
        values = table[column]
        if column in INT_COLUMNS:
            table[column] = pd.to_numeric(values.replace("", None)).astype("Int64")
        elif column in FLOAT_COLUMNS:
            table[column] = pd.to_numeric(values.replace("", None)).astype("Float64")
        elif column in BOOL_COLUMNS:
            table[column] = values.map({"True": True, "False": False, "": None}).astype("boolean")
        elif column in LIST_COLUMNS:
            table[column] = values.map(lambda cell: [int(v) if column == "en_claim_ids" else v
                                                     for v in cell.split("|") if v])
        else:
            table[column] = values.astype("string")
    return table


def load_corpus(source: str | Path, *, params: Params | None = None, **changes) -> dict[str, pd.DataFrame]:
    """A corpus's tables as pandas frames, by name (``claims``, ``alignment``, …, ``documents``), dtypes as in
    ``read_corpus_table``.

    ``source`` is a folder of tables written by ``python -m helpers align DIR --out OUT`` (it holds
    ``claims.csv``), or a folder (or glob) of documents, analysed here in this process with ``changes`` to the
    default parameters (the notebook's ``PARAMS``) and read back the same way.

    >>> tables = load_corpus(RAW)
    >>> list(tables["documents"]["doc_id"]), str(tables["claims"]["doc_id"].dtype), tables["claims"]["claim_id"].dtype
    (['lambert-china-ai-labs-2026-05.zh-en', 'mulan-psl-v2.zh-en'], 'string', Int64Dtype())
    """
    folder = Path(source)
    if folder.is_dir() and (folder / "claims.csv").is_file():
        return {path.stem: read_corpus_table(path) for path in sorted(folder.glob("*.csv"),
                                                                       key=lambda p: _table_rank(p.stem))}
    params = (params or Params()).replace(**changes)
    paths = list_sources(str(source))
    if not paths:
        raise InputError(f"no documents in {source}")
    with tempfile.TemporaryDirectory(prefix="corpus-") as scratch:
        align_corpus(paths, scratch, params=params, workers=1, report=lambda line: None, progress=False)
        return load_corpus(scratch)


def _table_rank(name: str) -> tuple[int, str]:
    return (ALIGN_TABLE_NAMES.index(name), name) if name in ALIGN_TABLE_NAMES else (len(ALIGN_TABLE_NAMES), name)


# ---- notebook 06: the corpus at a glance ------------------------------------------------------------
NO_VALUE = "(none)"  # a shift's empty value, and a document's kind when no caveat holds
#: How a shift value is shown in notebook 06: counted (its label is measured right often enough), worth reading
#: side by side (its label is not: ``helpers.framing.shifts.label_gate``), or no shift at all.
COUNTED, WORTH_READING, NO_SHIFT = "counted", "worth reading side by side", "no shift"
#: Each caveat kind in words, for the corpus's short answer (the kinds: ``helpers.columns.CAVEAT_KINDS``).
KIND_WORDS = {
    "translation": ("translation", "translations"),
    "chinese_much_shorter": ("summary (the Chinese much shorter than the English)",
                             "summaries (the Chinese much shorter than the English)"),
    "commentary": ("commentary (the writer's own asides and opinions in the Chinese)",
                   "commentaries (the writer's own asides and opinions in the Chinese)"),
    "english_excerpt": ("document whose English is only an excerpt", "documents whose English is only an excerpt"),
    "traditional_script": ("document in Traditional script", "documents in Traditional script"),
    "several_originals": ("document whose English holds several articles", "documents whose English holds several articles"),
    "own_reporting": ("news report with reporting of its own", "news reports with reporting of their own"),
    "few_links": ("document with few links (its framing tables rest on little)",
                  "documents with few links (their framing tables rest on little)"),
}
DOCUMENT_TABLE_TEXT = ["title", "file", "script", "kind", "labs_zh", "labs_en"]


def report_link(doc_id: str, label: str, reports: str = "") -> str:
    """``label`` as Markdown, linked to the document's own report (``<reports>/<doc_id>/index.html``) when
    ``reports`` says where the reports lie; the label is escaped (it is document text)."""
    shown = text_of(label)
    return f"[{shown}]({quote(reports.rstrip('/'))}/{quote(doc_id)}/index.html)" if reports else shown


def document_links(documents: pd.DataFrame, reports: str = "") -> dict[str, str]:
    """Each document's title (its file's name when it has none) as Markdown, linked to its report (``report_link``)."""
    return {doc_id: report_link(doc_id, title or file or doc_id, reports)
            for doc_id, title, file in zip(documents.index, documents["title"], documents["file"])}


def lab_names(params: Params = Params()) -> dict[str, str]:
    """The gazetteer's organisations whose type ``params.lab_types`` counts as a lab, each with the name shown
    (its English name, else its Chinese one, else its id)."""
    gazetteer = default_gazetteer()
    labs = gazetteer[gazetteer["type"].isin(params.lab_types)]
    return {entity: (en or zh or entity) for entity, en, zh in zip(labs["entity"], labs["name_en"].fillna(""),
                                                                    labs["name_zh"].fillna(""))}


def shift_gate(params: Params = Params()) -> pd.DataFrame:
    """Which shift labels are counted: ``label_gate`` with the parameters' bar (``min_label_precision`` …)."""
    return label_gate(min_precision=params.min_label_precision, min_predicted=params.min_label_predicted)


def counted_labels(gate: pd.DataFrame) -> list[str]:
    """The gate's labels that are counted, as the column names of ``corpus_documents`` (``voice: attributed``)."""
    return [label.replace(":", ": ") for label in gate.loc[gate["presented"], "label"]]


def document_kinds(tables: dict[str, pd.DataFrame]) -> pd.Series:
    """Each document's caveat kinds (``caveats.csv``: translation, english_excerpt, …), in CAVEAT_KINDS order and
    joined by ", "; ``(none)`` when no caveat holds."""
    docs = list(tables["documents"][DOC_ID])
    caveats = tables["caveats"]
    rank = {kind: k for k, kind in enumerate(CAVEAT_KINDS)}
    kinds = caveats.assign(rank=caveats["kind"].map(lambda k: rank.get(k, len(rank)))).sort_values(
        [DOC_ID, "rank"], kind="stable").groupby(DOC_ID)["kind"].agg(lambda s: ", ".join(dict.fromkeys(s)))
    return kinds.reindex(docs).fillna(NO_VALUE).rename("kind")


def shift_labels(tables: dict[str, pd.DataFrame], gate: pd.DataFrame) -> pd.DataFrame:
    """Each linked Chinese sentence's shift labels (the corpus gold's labels, ``voice:attributed`` …), one row per
    label: doc_id, zh_claim_id, shift, value, label, counted (whether the gate counts the label)."""
    framing = tables["framing"]
    counted = set(gate.loc[gate["presented"], "label"])
    parts = []
    for shift, column in SHIFTS.items():
        values = framing[column].fillna("").astype(str)
        labels = values.map(lambda v, s=shift: GOLD_LABELS[s].get(v))
        part = pd.DataFrame({DOC_ID: framing[DOC_ID], "zh_claim_id": framing["zh_claim_id"], "shift": shift,
                             "value": values, "label": labels})
        parts.append(part[labels.notna()])
    out = pd.concat(parts, ignore_index=True)
    return out.assign(counted=out["label"].isin(counted))


#: The ``links`` column of the per-document table: whether the document's links are counted (``link_gate``).
LINKS_COUNTED, LINKS_READ = "counted", "read, not counted"


def links_counted(tables: dict[str, pd.DataFrame], *, params: Params = Params()) -> pd.Series:
    """Per document, whether its links may be counted (``helpers.framing.reliability.link_gate`` on its caveats):
    where they may not, what rests on them (the share carried, the additions, the sections dropped) is not counted."""
    quality = load_label_quality()
    caveats = tables["caveats"]
    docs = list(tables["documents"][DOC_ID])
    return pd.Series([link_gate(caveats[caveats[DOC_ID] == doc], quality, min_precision=params.min_label_precision,
                                min_predicted=params.min_label_predicted, min_recall=params.min_link_recall).presented
                      for doc in docs],
                     index=pd.Index(docs, name=DOC_ID), dtype=bool)


def corpus_documents(tables: dict[str, pd.DataFrame], *, params: Params = Params(),
                     gate: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per document: title (its file's name when it has none), file, script, kind (its caveats), the share
    of the English carried, Chinese sentences, additions, the sentences with each shift label that is counted
    (``voice: attributed`` …), those whose label is not (``worth_reading``: to read side by side, not counted), and
    the labs each version names."""
    gate = shift_gate(params) if gate is None else gate
    docs = tables["documents"].set_index(DOC_ID)
    alignment = tables["alignment"]
    zh = alignment.dropna(subset=["zh_claim_id"]).drop_duplicates([DOC_ID, "zh_claim_id"])
    coverage = tables["coverage"].groupby(DOC_ID)[["carried_chars", "chars"]].sum()
    out = pd.DataFrame({
        "title": docs["title"].where(docs["title"] != "", docs["file"]), "file": docs["file"],
        "script": docs["script"], "kind": document_kinds(tables),
        "carried": (coverage["carried_chars"] / coverage["chars"].where(coverage["chars"] > 0)).astype("Float64"),
        "zh_sentences": zh.groupby(DOC_ID).size(),
        "additions": zh[zh["relation"] == ADDITION].groupby(DOC_ID).size(),
    }, index=docs.index)
    labels = shift_labels(tables, gate)
    shown = labels[labels["counted"]]
    for column in counted_labels(gate):
        out[column] = shown[shown["label"] == column.replace(": ", ":")].groupby(DOC_ID)["zh_claim_id"].nunique()
    out["worth_reading"] = labels[~labels["counted"]].groupby(DOC_ID)["zh_claim_id"].nunique()
    names = lab_names(params)
    mentions = tables["mentions"]
    named = mentions[mentions["org"].isin(names)]
    for part, column in ((PART_COMMENTARY, "labs_zh"), (PART_ORIGINAL, "labs_en")):
        out[column] = named[named["part"] == part].groupby(DOC_ID)["org"].agg(
            lambda s: ", ".join(sorted({names[o] for o in s}, key=str.casefold)))
    counts = [c for c in out.columns if c not in DOCUMENT_TABLE_TEXT and c != "carried"]
    out[counts] = out[counts].fillna(0).astype("int64")
    out[["labs_zh", "labs_en"]] = out[["labs_zh", "labs_en"]].fillna("")
    counted = links_counted(tables, params=params).reindex(out.index, fill_value=False)
    out["carried"] = out["carried"].mask(~counted)  # resting on links not reliable enough: not counted
    out["additions"] = out["additions"].astype("Int64").mask(~counted)
    out.insert(out.columns.get_loc("carried"), "links", counted.map({True: LINKS_COUNTED, False: LINKS_READ}))
    out.index.name = DOC_ID
    return out


def labs_by_version(tables: dict[str, pd.DataFrame], *, params: Params = Params()) -> pd.DataFrame:
    """Each lab (by its name): how many documents name it in the Chinese and in the English, and its mentions in
    each; the labs the most Chinese versions name first."""
    names = lab_names(params)
    mentions = tables["mentions"]
    named = mentions[mentions["org"].isin(names) & mentions["part"].isin([PART_COMMENTARY, PART_ORIGINAL])]
    columns = ["docs_zh", "docs_en", "mentions_zh", "mentions_en"]
    if not len(named):
        return pd.DataFrame(columns=columns, index=pd.Index([], name="lab"), dtype="int64")
    named = named.assign(lab=named["org"].map(names))
    docs = named.groupby(["lab", "part"])[DOC_ID].nunique().unstack(fill_value=0)
    counts = named.groupby(["lab", "part"]).size().unstack(fill_value=0)
    out = pd.DataFrame({
        "docs_zh": docs.get(PART_COMMENTARY, 0), "docs_en": docs.get(PART_ORIGINAL, 0),
        "mentions_zh": counts.get(PART_COMMENTARY, 0), "mentions_en": counts.get(PART_ORIGINAL, 0),
    }).fillna(0).astype("int64")[columns]
    out.index.name = "lab"
    out = out.sort_index(key=lambda i: i.str.casefold())
    return out.sort_values(["docs_zh", "docs_en", "mentions_zh"], ascending=False, kind="stable")


def _counted_coverage(tables: dict[str, pd.DataFrame], documents: pd.DataFrame) -> pd.DataFrame:
    """The coverage rows of the documents whose links are counted (``documents['links']``)."""
    coverage = tables["coverage"]
    if "links" not in documents.columns:
        return coverage
    return coverage[coverage[DOC_ID].isin(documents.index[documents["links"] == LINKS_COUNTED])]


def dropped_sections(tables: dict[str, pd.DataFrame], documents: pd.DataFrame, *, top: int | None = None) -> pd.DataFrame:
    """The English sections the Chinese drops whole (nothing in them is carried), the largest first: one row per
    section, indexed by doc_id, with the document's kind, the section's heading (``(opening)``: the English before its
    first heading), its characters and their share of the document's English; the ``top`` largest, or all."""
    coverage = _counted_coverage(tables, documents)
    english = coverage.groupby(DOC_ID)["chars"].sum()
    dropped = coverage[(coverage["carried_chars"] == 0) & (coverage["chars"] > 0)]
    out = pd.DataFrame({
        "kind": dropped[DOC_ID].map(documents["kind"]).astype("string"),
        "heading": dropped["heading"].str.strip().replace("", "(opening)").astype("string"),
        "chars": dropped["chars"].astype("int64"),
        "share": (dropped["chars"] / dropped[DOC_ID].map(english)).astype("Float64"),
    }).set_axis(pd.Index(dropped[DOC_ID], name=DOC_ID))
    order = list(documents.index)
    out = out.assign(_doc=[order.index(d) if d in order else len(order) for d in out.index])
    return out.sort_values(["chars", "_doc"], ascending=[False, True], kind="stable").drop(columns="_doc").head(top if top is not None else len(out))


def dropped_by_kind(tables: dict[str, pd.DataFrame], documents: pd.DataFrame) -> pd.DataFrame:
    """Per caveat kind (a document counts under each kind it carries; ``(none)`` for none): documents, their English
    sections, the sections dropped whole, and the share of the English characters those hold; translations and
    summaries first."""
    kinds = documents["kind"].str.split(", ").explode().rename("kind")
    coverage = _counted_coverage(tables, documents)
    coverage = coverage[coverage["chars"] > 0].merge(kinds, left_on=DOC_ID, right_index=True)
    whole = coverage["carried_chars"] == 0
    by = coverage["kind"]
    out = pd.DataFrame({
        "documents": coverage.groupby(by)[DOC_ID].nunique(), "sections": coverage.groupby(by).size(),
        "dropped": whole.groupby(by).sum(),
        "share": coverage["chars"].where(whole, 0).groupby(by).sum() / coverage.groupby(by)["chars"].sum(),
    })
    order = list(KIND_WORDS) + [k for k in CAVEAT_KINDS if k not in KIND_WORDS] + [NO_VALUE]
    out = out.reindex([k for k in order if k in out.index] + sorted(set(out.index) - set(order)))
    out.index.name = "kind"
    return out.astype({"documents": "int64", "sections": "int64", "dropped": "int64", "share": "Float64"})


def share_text(share: float) -> str:
    """A share as ``pct`` shows it, but a small non-zero one as ``under 1%`` rather than ``0%``."""
    return "under 1%" if 0 < share < 0.005 else pct(share)


def shift_distribution(tables: dict[str, pd.DataFrame], *, params: Params = Params(),
                       gate: pd.DataFrame | None = None) -> pd.DataFrame:
    """Each shift's values over the corpus, one row per (shift, value): ``status`` (``counted``; ``worth reading
    side by side`` when the value's label is right too seldom to count; ``no shift``), then for a counted or
    unchanged value the Chinese sentences with it, their share within the shift and the documents showing it; for a
    value worth reading, only how many sentences there are to read (``to_read``)."""
    gate = shift_gate(params) if gate is None else gate
    counted = set(gate.loc[gate["presented"], "label"])
    shifts = tables["shifts"].assign(value=lambda t: t["value"].fillna("").replace("", NO_VALUE))
    out = shifts.groupby(["shift", "value"], sort=True).agg(claims=("claims", "sum"), docs=(DOC_ID, "nunique"))
    out = out[out["claims"] > 0]
    label = [GOLD_LABELS.get(s, {}).get(v) for s, v in out.index]
    # a value that keeps what the English had (the author's claim kept as the author's) is no shift, whatever its gate
    status = pd.Series([NO_SHIFT if lab is None or key in NOT_SHIFTS else COUNTED if lab in counted else WORTH_READING
                        for lab, key in zip(label, out.index)], index=out.index)
    shown = status != WORTH_READING
    total = out["claims"].groupby(level="shift").transform("sum")
    result = pd.DataFrame({
        "status": status,
        "sentences": out["claims"].where(shown).astype("Int64"),
        "share": (out["claims"] / total).where(shown).astype("Float64"),
        "documents": out["docs"].where(shown).astype("Int64"),
        "to_read": out["claims"].where(~shown).astype("Int64"),
    })
    return result


def _name(documents: pd.DataFrame, doc_id: str, reports: str) -> str:
    return report_link(doc_id, documents.loc[doc_id, "title"] or doc_id, reports)


def standout_documents(documents: pd.DataFrame, *, reports: str = "", dropped: pd.DataFrame | None = None) -> list[str]:
    """Findings naming the documents that stand out, each linked to its own report: least and most of the English
    carried, most additions per Chinese sentence, most sentences with each counted shift label and most worth
    reading side by side, the largest English section a translation and a summary drop whole (from ``dropped``:
    ``dropped_sections``), and those whose caveats say to read their tables with care."""
    lines = []
    if not len(documents):
        return lines
    name = lambda doc_id: _name(documents, doc_id, reports)
    kind = lambda doc_id: "" if documents.loc[doc_id, "kind"] == NO_VALUE else f"; {text_of(documents.loc[doc_id, 'kind'])}"
    carried = documents["carried"].dropna()
    if len(carried) > 1 and carried.max() > carried.min():
        low, high = carried.idxmin(), carried.idxmax()
        lines.append(f"Carries the least of its English: {name(low)} ({pct(carried[low])}{kind(low)}); "
                     f"the most: {name(high)} ({pct(carried[high])}{kind(high)}).")
    sentences = documents["zh_sentences"].where(documents["zh_sentences"] > 0)
    rate = (documents["additions"] / sentences).dropna()
    if len(rate) and rate.max() > 0:
        top = rate.idxmax()
        lines.append(f"Adds most of its own: {name(top)} ({documents.loc[top, 'additions']} of "
                     f"{documents.loc[top, 'zh_sentences']} Chinese sentences link to no English{kind(top)}).")
    for column in [c for c in documents.columns if ": " in c] + ["worth_reading"]:
        share = (documents[column] / sentences).dropna()
        if len(share) and share.max() > 0:
            top = share.idxmax()
            what = ("Most sentences worth reading side by side (a shift label too seldom right to count)"
                    if column == "worth_reading" else
                    "Most often {1} ({0})".format(*map(text_of, column.split(": ", 1))))
            lines.append(f"{what}: {name(top)} ({documents.loc[top, column]} of {documents.loc[top, 'zh_sentences']} "
                         f"Chinese sentences, {pct(share[top])}).")
    for kind in ("translation", "chinese_much_shorter"):
        these = pd.DataFrame() if dropped is None else dropped[dropped["kind"].str.split(", ").map(lambda k: kind in k)]
        if len(these):
            doc_id, row = these.index[0], these.iloc[0]
            lines.append(f"The largest English section a {KIND_WORDS[kind][0].split(' (')[0]} drops whole: "
                         f"{text_of(row['heading'])} in {name(doc_id)} ({row['chars']:,} characters, "
                         f"{share_text(row['share'])} of its English).")
    for caveat, why in (("few_links", "few of their Chinese sentences link, so their shifts rest on little"),
                        ("english_excerpt", "their English is only an excerpt, so coverage is of the part given")):
        marked = [d for d in documents.index if caveat in documents.loc[d, "kind"].split(", ")]
        if marked:
            lines.append(f"Read with care ({why}): {listing([name(d) for d in marked], quoted=False, limit=8)}.")
    return lines


def kind_counts(documents: pd.DataFrame) -> pd.Series:
    """How many documents carry each caveat kind, translations and summaries first (kinds none carries left out)."""
    kinds = documents["kind"].str.split(", ").explode()
    order = list(KIND_WORDS) + [k for k in CAVEAT_KINDS if k not in KIND_WORDS]
    return kinds[kinds != NO_VALUE].value_counts().reindex(order).dropna().astype("int64")


def corpus_findings(documents: pd.DataFrame, labs: pd.DataFrame, dropped: pd.DataFrame, distribution: pd.DataFrame,
                    *, params: Params = Params()) -> list[str]:
    """The short answer of notebook 06: the documents and their kinds, how much of the English they carry and what
    they add, the labs each version names, the sections dropped most, and the shifts counted and held back (by the
    bar of ``params.min_label_precision``)."""
    n = len(documents)
    kinds = kind_counts(documents)
    described = [f"{count} {KIND_WORDS.get(kind, (kind, kind))[count != 1]}" for kind, count in kinds.items()]
    lines = [f"{plural(n, 'document')}" + (f", by their caveats (a document may carry several): "
                                           f"{listing(described, quoted=False, limit=len(described))}."
                                           if described else ", none with a caveat.")]
    carried = documents["carried"].dropna()
    if len(carried) == 1:
        lines.append(f"The one document whose links are counted carries {pct(float(carried.iloc[0]))} of its "
                     "English's characters.")
    elif len(carried):
        line = (f"The Chinese carries a median {pct(float(carried.median()))} of its English's characters "
                f"(from {pct(float(carried.min()))} to {pct(float(carried.max()))})")
        by_kind = []
        for kind in ("translation", "chinese_much_shorter"):
            these = carried[documents.loc[carried.index, "kind"].str.split(", ").map(lambda k, c=kind: c in k)]
            if len(these) >= 2:
                by_kind.append(f"{pct(float(these.median()))} in the {len(these)} {KIND_WORDS[kind][1].split(' (')[0]}")
        lines.append(line + (f"; a median {listing(by_kind, quoted=False)}." if by_kind else "."))
    if "links" in documents.columns and (documents["links"] != LINKS_COUNTED).any():
        held = documents[documents["links"] != LINKS_COUNTED]
        lines.append(f"For {plural(len(held), 'document')} (summaries and commentaries, by their caveats) the share "
                     "carried, the additions and the sections dropped are not counted: the aligner's links on such "
                     "documents are not reliable enough on the corpus gold (too rarely right, or too few found); read "
                     "their links side by side in their reports.")
    adding = documents[documents["additions"].notna()]
    added, total = int(adding["additions"].sum()), int(adding["zh_sentences"].sum())
    if total:
        where = ("" if len(adding) == len(documents) else
                 f" in the {plural(len(adding), 'document')} whose links are counted")
        lines.append(f"{added} of {total} Chinese sentences{where} ({pct(added / total)}) link to no English: the "
                     "writers' additions, or sentences the aligner could not place.")
    if len(labs):
        zh_only = labs[(labs["docs_zh"] > 0) & (labs["docs_en"] == 0)].index.tolist()
        en_only = labs[(labs["docs_en"] > 0) & (labs["docs_zh"] == 0)].index.tolist()
        most = labs[labs["docs_zh"] > 0]
        if len(most):
            lines.append(f"Labs named in the most Chinese versions: " + listing(
                [f"{text_of(lab)} ({r.docs_zh} of {n}; the English names it in {r.docs_en})"
                 for lab, r in most.head(5).iterrows()], quoted=False) + ".")
        if zh_only:
            lines.append(f"Named in a Chinese version but in no English original: {listing(zh_only, limit=8)}.")
        if en_only:
            lines.append(f"Named in an English original but in no Chinese version: {listing(en_only, limit=8)}.")
    if len(dropped):
        lines.append("English sections dropped whole: " + listing(
            [f"{r.dropped} of {r.sections} in the {plural(r.documents, 'document')} of kind {code_of(kind)} "
             f"({share_text(r.share)} of their English)" for kind, r in dropped.iterrows()
             if r.dropped or kind in ("translation", "chinese_much_shorter")],
            quoted=False, limit=len(dropped)) + ".")
    counted = distribution[distribution["status"] == COUNTED]
    if len(counted):
        lines.append("Shifts counted: " + listing(
            [f"{text_of(value)} ({text_of(shift)}) in {plural(r.sentences, 'sentence')} of "
             f"{plural(r.documents, 'document')}"
             for (shift, value), r in counted.iterrows()], quoted=False, limit=len(counted)) + ".")
    reading = distribution[distribution["status"] == WORTH_READING]
    if len(reading):
        lines.append("Worth reading side by side, not counted (their labels are right under "
                     f"{pct(params.min_label_precision)} of the time on the corpus gold, or too rarely given to measure): "
                     + listing([f"{text_of(v)} ({text_of(s)})" for s, v in reading.index], quoted=False,
                               limit=len(reading)) + ".")
    return lines


def markdown_table(table: pd.DataFrame, *, links: dict[str, str] | None = None) -> str:
    """A small frame as a Markdown table: cells escaped as document text, except the ``links`` given by index
    (Markdown we built, e.g. ``report_link``) shown in place of the index; shares (``carried``, ``share``) as
    percentages (``share_text``), missing values empty."""
    columns = [str(table.index.name or "") if not links else "document"] + [str(c) for c in table.columns]
    lines = ["| " + " | ".join(text_of(c) for c in columns) + " |", "|" + "---|" * len(columns)]
    for key, row in table.iterrows():
        first = (links or {}).get(key) or text_of(key)
        cells = [first] + ["" if pd.isna(v) else share_text(v) if name in ("carried", "share") else text_of(v)
                           for name, v in row.items()]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


# ---- make report SOURCE=DIR: every document's report, and the corpus page ---------------------------
CORPUS_NOTEBOOK = "06-corpus.ipynb"


def build_corpus_report(paths: list[Path], out_dir: str | Path, *, params: Params = Params(), title: str = "corpus",
                        workers: int | None = None, report: Callable[[str], None] | None = None,
                        notebooks: list[Path] | None = None) -> CorpusResult:
    """Write ``out_dir``: ``tables/`` (``align`` over the corpus), ``<doc_id>/`` (each document's own report, as
    ``python -m helpers report`` writes it), the corpus notebook (06) executed on those tables with its page, and an
    ``index.html`` linking them all. Published whole (``helpers.publish``). A document that cannot be read or lacks
    a part is named in one line and left out; InputError when none can be reported. ``notebooks``: each document's
    (default: 01–05)."""
    say = report or (lambda line: print(line, file=sys.stderr))
    corpus_notebook = next(p for p in numbered_notebooks() if p.name == CORPUS_NOTEBOOK)
    document_notebooks = notebooks if notebooks is not None else document_report_notebooks()
    reveal = ensure_reveal()
    result = CorpusResult()
    reportable = []
    paths = [Path(os.path.abspath(p)) for p in paths]  # read the same files whatever the working directory becomes
    for path in paths:  # the report compares two versions: a document with one is left out before any work
        try:
            require_both_parts(read_document(path).text, path, caveat=False)
            reportable.append(path)
        except InputError as exc:
            say(f"skipped: {exc}")
            result.skipped.append((str(path), str(exc)))
    if not reportable:
        raise InputError(f"none of the {len(paths)} documents could be reported")
    with publishing(out_dir) as folder:
        folder = Path(folder).resolve()
        aligned = align_corpus(reportable, folder / "tables", params=params, workers=workers, report=say)
        if not aligned.landed:
            raise InputError(f"none of the {len(paths)} documents could be reported")
        reported = []
        changes = {k: list(v) if isinstance(v, tuple) else v for k, v in params.changes().items()}
        # one warm process for the whole corpus (``helpers.render.kernels``): it imports once, analyses each document in
        # turn and forks that document's notebooks, instead of a fresh kernel importing everything for each notebook
        with warm_kernels() as kernels:
            kernels.wait_ready()
            for path, doc_id in zip(reportable, unique_ids(reportable)):
                if doc_id not in aligned.landed:
                    continue
                kernels.analyse(path, changes)
                try:
                    build_document_report(path, folder / doc_id, reveal, document_notebooks, params, kernels,
                                          published_as=Path(os.path.abspath(out_dir)) / doc_id)
                    reported.append(doc_id)
                except NotebookFailed as exc:  # one document the pages cannot show must not sink the others' reports
                    say(f"skipped: {path}: its report: {exc}")
                    result.skipped.append((str(path), str(exc)))
                    write_failed_report(folder / doc_id, path, str(exc))
            if not reported:
                raise InputError(f"none of the {len(paths)} documents could be reported")
            result.landed, result.rows = reported, aligned.rows
            result.skipped += aligned.skipped
            executed = folder / "notebooks" / corpus_notebook.name
            executed.parent.mkdir(parents=True, exist_ok=True)
            kernels.run(corpus_notebook, executed, {
                "CORPUS": os.path.relpath(folder / "tables", corpus_notebook.parent), "PARAMS": changes,
                "REPORTS": ".."})
        render(executed, folder / "html" / f"{corpus_notebook.stem}.html")
        write_corpus_index(folder, f"Corpus report: {title}", reported)
        write_fonts(sorted(folder.glob("html/*.html")) + [folder / "index.html"], folder / "fonts")
    return result


def write_failed_report(out_dir: Path, source: Path, reason: str) -> Path:
    """In place of a document's report whose notebook failed: an ``index.html`` that says so (the corpus page links
    every document), beside the executed notebooks that show the failing cell."""
    out_dir.mkdir(parents=True, exist_ok=True)
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{html.escape(source.name)}: no report</title></head>
<body><h1>{html.escape(source.name)}: no report</h1>
<p>Its tables are in the corpus's <code>tables/</code>, but its pages could not be built: {html.escape(reason)}.</p>
<p>The executed notebooks are in <a href="notebooks/">notebooks/</a>.</p></body></html>
"""
    path = out_dir / "index.html"
    path.write_text(page, encoding="utf-8")
    return path


def write_corpus_index(out_dir: Path, title: str, doc_ids: list[str]) -> Path:
    """The corpus report's index.html: the corpus page, each document's report, the tables."""
    def item(href: str, label: str) -> str:
        return f'<li><a href="{html.escape(quote(href))}">{html.escape(label)}</a></li>'

    documents = "\n".join(item(f"{doc_id}/index.html", doc_id) for doc_id in doc_ids)
    tables = "\n".join(item(f"tables/{p.name}", p.name) for p in sorted((out_dir / "tables").glob("*.csv")))
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>
<link rel="stylesheet" href="fonts/cjk.css">
<style>body{{font-family:var(--jp-content-font-family);max-width:50em;margin:2em auto;line-height:1.5}}</style></head>
<body><h1>{html.escape(title)}</h1>
<h2>The corpus</h2><ul>{item("html/06-corpus.html", "06-corpus.html: the documents side by side")}</ul>
<h2>Each document's report</h2><ul>{documents}</ul>
<h2>Tables</h2><ul>{tables}</ul>
</body></html>
"""
    path = out_dir / "index.html"
    path.write_text(page, encoding="utf-8")
    return path
