"""Corpus mode: extract many documents in parallel into one set of tables with a ``doc_id`` column.

Design (bounded memory, deterministic output):

- The documents are listed first (a directory: every ``*.txt`` in it, sorted by name; a glob: its
  matches, sorted) and each gets a ``doc_id``: the file's stem, made unique with ``-2``, ``-3``…
- Workers (a ``ProcessPoolExecutor``, one process per core) each read and extract one document
  and send back its tables already rendered as CSV text, formulas neutralised as in
  ``helpers.export``.
- At most ``window`` documents (default: twice the workers) are in flight or waiting at any
  moment: a new one is submitted only when the oldest unwritten one is within the window. Results
  that arrive out of order wait in a small ordered buffer; each is appended to the output the
  moment every document before it has been written. So rows stream out in document order
  whatever order the workers finish in, and memory holds at most ``window`` documents' tables.
- Rows go to temporary files beside the outputs, renamed into place only at the end: a reader
  never sees a half-written table, and a run in which no document landed leaves nothing behind.
- A document that cannot be read or extracted is reported in one line naming it and skipped; so is
  a ``*.txt`` entry that is not a regular file (a FIFO, a broken link, a folder): ``list_sources``
  returns them as skipped, never silently drops them.
- Workers die with their parent: each asks the kernel for SIGKILL when its parent dies (Linux's
  ``PR_SET_PDEATHSIG``; elsewhere a watchdog thread polls the parent's PID), ignores Ctrl-C (the
  parent handles it and stops them), so a killed run leaves no worker blocked holding memory or
  the caller's stdout.
"""

from __future__ import annotations

import ctypes
import glob
import os
import signal
import sys
import tempfile
import threading
import time
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .errors import stop_children
from .export import csv_text, publish
from .paths import RAW
from .pipeline import extract  # the Simplified view's tables, mapped back to the source
from .text.parse import second_article_caveat
from .text.reader import InputError, not_a_regular_file, read_document

TABLE_NAMES = ["claims", "mentions", "blocks", "candidates", "repairs"]
DOC_ID = "doc_id"
GLOB_CHARS = frozenset("*?[")


@dataclass
class CorpusResult:
    """What a corpus run did: documents landed and skipped (with the one-line reason), rows per table."""

    landed: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)
    written: list[Path] = field(default_factory=list)


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


PR_SET_PDEATHSIG = 1  # linux/prctl.h
PARENT_POLL_SECONDS = 1.0


def _worker_start(parent: int) -> None:
    """Worker initializer: die with the parent, leave Ctrl-C to it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        armed = libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):
        armed = False
    if os.getppid() != parent:  # the parent died before the request was made
        os._exit(1)
    if not armed:
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(PARENT_POLL_SECONDS)
    os._exit(1)


def extract_document(path: str, doc_id: str) -> tuple[str, dict | str]:
    """Worker: read and extract one document; (doc_id, {table: (columns, csv body, rows)}) or (doc_id, error line)."""
    try:
        document = read_document(path)
        tables = extract(document.text)
    except InputError as exc:
        return doc_id, str(exc)
    except Exception as exc:  # one broken document must not sink the corpus; the line names it
        return doc_id, f"{path}: internal error: {type(exc).__name__}: {exc}"
    rendered = {"caveat": second_article_caveat(document.text, tables.blocks)}
    for name in TABLE_NAMES:
        table = getattr(tables, name)
        table.insert(0, DOC_ID, doc_id)
        rendered[name] = (list(table.columns), csv_text(table, header=False), len(table))
    return doc_id, rendered


class _TableSink:
    """Temporary CSV files, one per table, renamed into place by ``commit``."""

    def __init__(self, out_dir: Path):
        self.out_dir = out_dir
        self.temporary: dict[str, Path] = {}
        self.streams: dict = {}

    def append(self, name: str, columns: list[str], body: str) -> None:
        if name not in self.streams:
            self.out_dir.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(prefix=f".{name}.csv.", suffix=".tmp", dir=self.out_dir)
            self.temporary[name] = Path(temporary)
            self.streams[name] = os.fdopen(handle, "w", encoding="utf-8-sig", newline="")
            self.streams[name].write(",".join(_quote(c) for c in columns) + "\r\n")
        self.streams[name].write(body)

    def commit(self) -> list[Path]:
        self._close()
        written = []
        for name in TABLE_NAMES:
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


def extract_corpus(
    paths: list[Path],
    out_dir: str | Path,
    *,
    workers: int | None = None,
    window: int | None = None,
    report: Callable[[str], None] | None = None,
    progress: bool | None = None,
) -> CorpusResult:
    """Extract every document of ``paths`` into ``out_dir``/<table>.csv, ``doc_id`` first; see the module doc.

    ``report`` receives one line per skipped document (default: stderr). ``progress`` shows a tqdm
    bar (default: only when stderr is a terminal). Nothing is written unless a document lands.
    """
    from tqdm import tqdm

    out = Path(out_dir)
    workers = workers or os.cpu_count() or 1
    window = max(window or 2 * workers, 1)
    ids = unique_ids(paths)
    result = CorpusResult(rows={name: 0 for name in TABLE_NAMES})
    sink = _TableSink(out)
    bar = tqdm(total=len(paths), unit="doc", file=sys.stderr,
               disable=not sys.stderr.isatty() if progress is None else not progress)
    say = report or (lambda line: bar.write(line, file=sys.stderr))

    def land(index: int, outcome: dict | str) -> None:
        if isinstance(outcome, str):
            result.skipped.append((str(paths[index]), outcome))
            say(f"skipped: {outcome}")
        else:
            if outcome.get("caveat"):
                say(f"caveat: {paths[index]}: {outcome['caveat']}")
            for name in TABLE_NAMES:
                columns, body, rows = outcome[name]
                sink.append(name, columns, body)
                result.rows[name] += rows
            result.landed.append(ids[index])
        bar.update(1)

    pool = ProcessPoolExecutor(max_workers=workers, initializer=_worker_start, initargs=(os.getpid(),))
    try:
        pending: dict[Future, int] = {}
        done_out_of_order: dict[int, dict | str] = {}
        next_submit = next_write = 0
        while next_write < len(paths):
            while next_submit < len(paths) and next_submit < next_write + window:
                future = pool.submit(extract_document, str(paths[next_submit]), ids[next_submit])
                pending[future] = next_submit
                next_submit += 1
            finished, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                done_out_of_order[pending.pop(future)] = future.result()[1]
            while next_write in done_out_of_order:
                land(next_write, done_out_of_order.pop(next_write))
                next_write += 1
        pool.shutdown()
        if result.landed:
            result.written = sink.commit()
        else:
            sink.discard()
    except BaseException:
        # Ctrl-C, SIGTERM, a full disk: stop the workers now (the pool would first finish what is
        # queued), then remove the temporary tables.
        stop_children()
        pool.shutdown(wait=False, cancel_futures=True)
        sink.discard()
        raise
    finally:
        bar.close()
    return result
