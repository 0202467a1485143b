"""The report: run every numbered notebook on a document and render pages, slides, figures and tables.

``build_report(source)`` writes ``build/<document name>/``::

    index.html           links to everything below
    notebooks/           the executed notebooks (papermill, a fresh kernel each)
    html/                one page per notebook (no prompts, images embedded, no script from the network)
    slides/              05-briefing.slides.html with its own copy of reveal.js: presents offline;
                         05-briefing.pdf, the handout (one slide a page, by headless Chromium where installed)
    figures/             every figure as PNG and SVG
    tables/              claims, mentions, blocks, alignment, framing as UTF-8 CSV (BOM, for Excel)
    fonts/               the Chinese characters used, cut from Noto Sans CJK SC, so pages render anywhere

The steps live beside it: ``notebooks`` (running them), ``pages`` (HTML and slides), ``assets`` (reveal.js, fonts).
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from concurrent.futures import ThreadPoolExecutor, wait
from pathlib import Path

from ..columns import PART_COMMENTARY, PART_ORIGINAL
from ..errors import stop_children
from ..export import write_tables
from ..paths import BUILD, DEFAULT_SOURCE
from ..params import Params
from ..pipeline import load_analysis
from ..publish import publishing
from ..text.parse import parse_document, second_article_caveat
from ..text.reader import InputError, read_document
from ..text.variants import TRADITIONAL
from .assets import REVEAL_DIR_NAME, ensure_reveal, offline_reveal, write_fonts
from .browser import write_handout
from .errors import NotebookFailed, ReportError
from .notebooks import numbered_notebooks, run_notebook
from .pages import render, write_index

__all__ = ["NotebookFailed", "ReportError", "build_document_report", "build_report", "default_out", "document_notebooks",
           "require_both_parts", "write_report_tables"]

SLIDES_NOTEBOOK = "05-briefing.ipynb"
CORPUS_NOTEBOOK = "06-corpus.ipynb"  # run by ``helpers.corpus.build_corpus_report`` on a folder, not on one document
KERNEL_STOP_SECONDS = 5  # after an interruption, how long the threads running notebooks get to notice


def default_out(source: str | Path) -> Path:
    """``build/<document name without .txt>/``."""
    return BUILD / Path(source).stem


def write_report_tables(source: Path, out_dir: Path, params: Params = Params()) -> list[Path]:
    """Every table of the document's analysis (``helpers.pipeline``) as CSV under ``out_dir``.

    The analysis goes to the cache the notebooks read it from: pages and tables come from the same one.
    """
    return write_tables(load_analysis(source, **params.changes()).named_tables(), out_dir)


def require_both_parts(text: str, source: Path, *, caveat: bool = True) -> None:
    """The notebooks compare two versions: refuse, before writing anything, a document with only one;
    say so (one ``caveat:`` line) when the file seems to hold two articles."""
    blocks = parse_document(text).blocks
    parts = set(blocks["part"])
    missing = [name for part, name in ((PART_COMMENTARY, "a Chinese commentary"), (PART_ORIGINAL, "an English original"))
               if part not in parts]
    if missing:
        raise InputError(f"{source}: the report compares two versions, but this document has no {' nor '.join(m.split(' ', 1)[1] for m in missing)} "
                         "(python -m helpers extract still reads it)")
    line = second_article_caveat(text, blocks) if caveat else None
    if line:
        print(f"caveat: {source}: {line}", file=sys.stderr)


def build_report(source: str | Path = DEFAULT_SOURCE, out_dir: str | Path | None = None, *,
                 notebooks: list[Path] | None = None, params: Params = Params()) -> Path:
    """Run every numbered notebook on ``source`` and write the whole report to ``out_dir``; returns it.

    ``params`` drive the tables and every notebook alike (each gets ``PARAMS``: the changes to the defaults).

    An unreadable source raises InputError before anything is written. The report is built in a
    fresh folder beside ``out_dir`` and published whole (``helpers.publish``): a failure or an
    interruption leaves a previous report in place, and a folder we did not write is refused.
    """
    source = Path(source)
    document = read_document(source)      # raises InputError: nothing written yet
    require_both_parts(document.text, source)
    reveal = ensure_reveal()
    out_dir = Path(out_dir) if out_dir else default_out(source)
    with publishing(out_dir) as folder:
        build_document_report(source.resolve(), Path(folder).resolve(), reveal, notebooks or document_notebooks(), params)
    return out_dir


def document_notebooks() -> list[Path]:
    """The notebooks of one document's report: the numbered ones but the corpus notebook (06)."""
    return [p for p in numbered_notebooks() if p.name != CORPUS_NOTEBOOK]


def build_document_report(source: Path, out_dir: Path, reveal: Path, notebooks: list[Path], params: Params) -> None:
    """Write one document's report into ``out_dir`` (which exists): tables, executed notebooks, pages, slides."""
    figures = out_dir / "figures"
    figures.mkdir(parents=True)
    changes = {k: list(v) if isinstance(v, tuple) else v for k, v in params.changes().items()}
    (out_dir / "notebooks").mkdir()

    stopping = threading.Event()

    def execute(notebook: Path) -> Path:
        if stopping.is_set():
            raise ReportError("stopped")
        executed = out_dir / "notebooks" / notebook.name
        parameters = {"SOURCE": os.path.relpath(source, notebook.parent),
                      "FIGURES_DIR": os.path.relpath(figures, notebook.parent), "PARAMS": changes}
        run_notebook(notebook, executed, parameters)
        return executed

    # Each notebook runs in its own kernel process, so they can run side by side, one per core;
    # their outputs do not depend on the order (each writes only its own figures).
    pool = ThreadPoolExecutor(max_workers=max(1, min(len(notebooks), os.cpu_count() or 1)))
    running = [pool.submit(execute, notebook) for notebook in notebooks]
    try:
        # The analysis is built here while the first kernels start and import (on a core the analysis leaves idle);
        # they wait for it (``helpers.pipeline.load_analysis`` holds a lock while one process builds it) and read it.
        write_report_tables(source, out_dir / "tables", params)
        # the pages mark their Chinese with the document's script, so a browser picks the right glyph shapes
        chinese = "zh-Hant" if load_analysis(source, **params.changes()).script == TRADITIONAL else "zh-Hans"
        executed_notebooks = []
        for notebook, future in zip(notebooks, running):  # each page rendered as soon as its notebook has run
            executed_notebooks.append(future.result())
            render(executed_notebooks[-1], out_dir / "html" / f"{notebook.stem}.html", chinese=chinese)
            if notebook.name == SLIDES_NOTEBOOK:
                render(executed_notebooks[-1], out_dir / "slides" / f"{notebook.stem}.slides.html", kind="slides",
                       chinese=chinese)
                offline_reveal(reveal, out_dir / "slides" / REVEAL_DIR_NAME)
    except BaseException:
        # Ctrl-C, SIGTERM or a failed notebook: stop every kernel now rather than wait for them, so that
        # nothing writes into the folder after it is removed; a thread caught starting a kernel may start
        # it after the first sweep, hence the wait and the second.
        stopping.set()
        pool.shutdown(wait=False, cancel_futures=True)
        logging.disable(logging.CRITICAL)  # nbclient's lines about the kernels we stopped
        try:
            stop_children()
            wait(running, timeout=KERNEL_STOP_SECONDS)
            stop_children()
        finally:
            logging.disable(logging.NOTSET)
        raise
    finally:
        pool.shutdown(wait=False)
    write_index(out_dir, f"Report: {source.name}", executed_notebooks, chinese=chinese)
    write_fonts(sorted(out_dir.glob("*/*.html")) + [out_dir / "index.html"], out_dir / "fonts")
    handouts = [write_handout(slides, slides.with_name(slides.name.replace(".slides.html", ".pdf")))
                for slides in sorted((out_dir / "slides").glob("*.slides.html"))]
    if any(handouts):
        write_index(out_dir, f"Report: {source.name}", executed_notebooks, chinese=chinese)  # now with the handout's link
