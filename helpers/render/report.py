"""The report: run every numbered notebook on a document and render pages, slides, figures and tables.

``build_report(source)`` writes ``build/<document name>/``::

    index.html           links to everything below
    notebooks/           the executed notebooks (each in a process of its own, forked from one that analysed the
                         document once: ``kernels``; outputs as a kernel gives them)
    html/                one page per notebook (no prompts, images embedded, no script from the network)
    slides/              05-briefing.slides.html with its own copy of reveal.js: presents offline;
                         05-briefing.pdf, the handout (one slide a page, by headless Chromium where installed)
    figures/             every figure as PNG and SVG
    tables/              claims, mentions, blocks, alignment, framing as UTF-8 CSV (BOM, for Excel)
    fonts/               the Chinese characters used, cut from Noto Sans CJK SC, so pages render anywhere

The steps live beside it: ``notebooks`` (running them), ``pages`` (HTML and slides), ``assets`` (reveal.js, fonts).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sys
import threading
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from contextlib import contextmanager
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
from .assets import FONT_CSS, REVEAL_DIR_NAME, FontToCut, ensure_reveal, offline_reveal, write_fonts
from .browser import start_browser, write_handout
from .errors import NotebookFailed, ReportError
from .fonts import cjk_font_path
from .kernels import warm_kernels
from .notebooks import numbered_notebooks, run_notebook
from .pages import prepare_exporters, render, write_index
from .runner import python_literal

__all__ = ["NotebookFailed", "ReportError", "build_document_report", "build_report", "default_out", "document_notebooks",
           "require_both_parts", "write_report_tables"]

SLIDES_NOTEBOOK = "05-briefing.ipynb"
CJK_SUBSET = "cjk-subset.otf"  # the name ``assets.write_fonts`` gives the pages' font
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


def notebook_changes(params: Params) -> dict:
    """The changes to the default parameters as the notebooks get them (``PARAMS``, JSON: lists, not tuples)."""
    return {k: list(v) if isinstance(v, tuple) else v for k, v in params.changes().items()}


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
    closing = []   # the handout's browser shutting down while the report is published and its warm process ends
    with publishing(out_dir) as folder, warm_kernels(source.resolve(), notebook_changes(params)) as kernels:
        build_document_report(source.resolve(), Path(folder).resolve(), reveal, notebooks or document_notebooks(),
                              params, kernels, published_as=Path(os.path.abspath(out_dir)), closing=closing)
    wait(closing)   # Chromium gone, and its profile with it, before the report is done
    return out_dir


def run_order(notebooks: list[Path]) -> list[Path]:
    """The order the notebooks start in: the slides' first (its handout is printed while the others run), then the
    pages that show none of the slides' charts, then the rest; each group longest first, so that the last to start is a
    short one and both cores stay busy to the end (longest-first scheduling). A notebook's length is its committed
    file's, outputs and all: its figures make most of its work.

    The slides show five of the pages' charts, each drawn once (``figures``' drawing memo) by whichever notebook comes
    to it first, the other waiting for it: a page that shows one of them, started beside the slides, reached it while
    the slides drew it and waited (the themes page, 0.7 s of its 3 s), its core idle; started once a page that shares
    nothing with the slides has run, it finds the chart drawn. Which pages share a chart is read from the committed
    notebooks (the same images), not named here.

    >>> [notebook.name for notebook in run_order(document_notebooks())][:2]
    ['05-briefing.ipynb', '03-lab-mentions.ipynb']
    """
    def size(notebook: Path) -> int:
        try:
            return notebook.stat().st_size
        except OSError:
            return 0
    slides = next((notebook for notebook in notebooks if notebook.name == SLIDES_NOTEBOOK), None)
    charts = shown_images(slides) if slides is not None else set()

    def waits(notebook: Path) -> bool:
        return bool(charts) and notebook is not slides and not charts.isdisjoint(shown_images(notebook))
    return sorted(notebooks, key=lambda notebook: (notebook.name != SLIDES_NOTEBOOK, waits(notebook), -size(notebook),
                                                   notebook.name))


def shown_images(notebook: Path) -> set[str]:
    """The PNG images a committed notebook's outputs show, each as a digest of its data; none where it is unreadable."""
    try:
        nb = json.loads(notebook.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return set()
    found = set()
    for cell in nb.get("cells", []) if isinstance(nb, dict) else []:
        for output in cell.get("outputs", []) if isinstance(cell, dict) else []:
            data = output.get("data", {}).get("image/png") if isinstance(output, dict) else None
            if data:
                found.add(hashlib.sha256("".join(data).encode("utf-8")).hexdigest())
    return found


def show_parameter(executed: Path, name: str, value: str, shown: str) -> None:
    """Write ``shown`` for ``value`` in the executed notebook's parameters cell, where it gives ``name`` that value: the
    line is replaced in the file's JSON text (reading and writing the notebook whole cost the report 30 ms a notebook),
    so nothing else of the file changes."""
    line, replacement = (json.dumps(f"{name} = {python_literal(v)}\n", ensure_ascii=False)[1:-1] for v in (value, shown))
    text = executed.read_text(encoding="utf-8")
    if text.count(line) == 1:
        executed.write_text(text.replace(line, replacement), encoding="utf-8")


def document_notebooks() -> list[Path]:
    """The notebooks of one document's report: the numbered ones but the corpus notebook (06)."""
    return [p for p in numbered_notebooks() if p.name != CORPUS_NOTEBOOK]


def build_document_report(source: Path, out_dir: Path, reveal: Path, notebooks: list[Path], params: Params,
                          kernels=None, published_as: Path | None = None, *, closing: list | None = None) -> None:
    """Write one document's report into ``out_dir`` (which exists): tables, executed notebooks, pages, slides.

    ``kernels``: the warm process the notebooks are run by (``helpers.render.kernels``), by default none: each in the
    installed kernel. ``published_as``: the folder ``out_dir`` becomes once published (``helpers.publish`` builds in a
    temporary one): the notebooks' parameters cell names its figures' folder, not the temporary one, whose random name
    made two reports of the same document differ and named a folder that no longer exists. ``closing``: where to leave
    the future of the handout's browser shutting down, for the caller to wait for (``build_report`` does once the report
    is published); by default it is waited for here."""
    figures = out_dir / "figures"
    figures.mkdir(parents=True)
    changes = notebook_changes(params)
    (out_dir / "notebooks").mkdir()

    stopping = threading.Event()
    quiet = QuietOnceStopped(stopping)
    # what each notebook's process writes once its notebook has run and been answered for (its figures' SVGs,
    # ``figures.defer_svgs``): waited for once the pages are written, before the report is published
    finishing = []

    def execute(notebook: Path) -> Path:
        with quiet.thread():
            if stopping.is_set():
                raise ReportError("stopped")
            executed = out_dir / "notebooks" / notebook.name
            parameters = {"SOURCE": os.path.relpath(source, notebook.parent),
                          "FIGURES_DIR": os.path.relpath(figures, notebook.parent), "PARAMS": changes}
            if kernels:
                kernels.run(notebook, executed, parameters, finishing=finishing)
            else:
                run_notebook(notebook, executed, parameters)
            if published_as is not None and published_as != out_dir:
                shown = os.path.relpath(published_as / "figures", notebook.parent)
                show_parameter(executed, "FIGURES_DIR", parameters["FIGURES_DIR"], shown)
            return executed

    # Each notebook runs in a process of its own, so they can run side by side, one per core;
    # their outputs do not depend on the order (each writes only its own figures). The slides' notebook starts
    # first: the handout is printed from its slides while the other notebooks still run, not after them all.
    pool = ThreadPoolExecutor(max_workers=max(1, min(len(notebooks), os.cpu_count() or 1)))
    order = run_order(notebooks)
    running = dict(zip(order, (pool.submit(execute, notebook) for notebook in order)))
    helper = ThreadPoolExecutor(max_workers=1)  # the handout, beside the notebooks
    handouts = []
    waiting, closing = closing is None, [] if closing is None else closing
    # ``closing``: the handout's browser shutting down once it has printed, on the same thread (``print_handout``)
    # the handout's browser started now, while this process waits for the analysis with a core to spare, not once the
    # slides exist, when the notebooks left to run share the cores with it
    browser = helper.submit(start_browser) if any(n.name == SLIDES_NOTEBOOK for n in notebooks) else None
    font_cut = threading.Event()  # set once the handout's own font is written: the whole subset may then replace it
    try:
        # The analysis is built by a process the warm process forks while it makes the notebooks' imports (without a
        # warm process, here, while the first kernels start and import; they wait for it:
        # ``helpers.pipeline.load_analysis`` holds a lock while one process builds it); the tables and each notebook read
        # it from the cache.
        # Meanwhile this process, which only waits, prepares what it does once the notebooks have run: the pages'
        # templates, and the font the pages' subset is cut from.
        prepared = None
        if kernels:
            prepare_exporters()
            try:
                prepared = FontToCut()
            except (OSError, ImportError):  # no font: cutting the subset says so, as before
                prepared = None
            kernels.wait_ready()
        write_report_tables(source, out_dir / "tables", params)
        # the pages mark their Chinese with the document's script, so a browser picks the right glyph shapes
        chinese = "zh-Hant" if load_analysis(source, **params.changes()).script == TRADITIONAL else "zh-Hans"
        executed = {}
        for notebook in finished_in_turn(order, running):  # each page rendered as soon as its notebook has run
            executed[notebook] = running[notebook].result()
            if notebook.name == SLIDES_NOTEBOOK:   # the slides first: their handout prints while the page renders
                slides = out_dir / "slides" / f"{notebook.stem}.slides.html"
                render(executed[notebook], slides, kind="slides", chinese=chinese)
                offline_reveal(reveal, out_dir / "slides" / REVEAL_DIR_NAME)
                handouts.append(helper.submit(print_handout, slides, out_dir / "fonts", font_cut, browser,
                                              lambda shut_down: closing.append(helper.submit(shut_down))))
            render(executed[notebook], out_dir / "html" / f"{notebook.stem}.html", chinese=chinese)
        executed_notebooks = [executed[notebook] for notebook in notebooks]
        write_index(out_dir, f"Report: {source.name}", executed_notebooks, chinese=chinese)
        write_fonts_beside(sorted(out_dir.glob("*/*.html")) + [out_dir / "index.html"], out_dir / "fonts",
                           font_cut if handouts else None, prepared)
        printed = [future.result() for future in handouts]
        for finish in list(finishing):   # every notebook has run: its list is complete
            finish()
    except BaseException:
        # Ctrl-C, SIGTERM or a failed notebook: stop every kernel now rather than wait for them, so that
        # nothing writes into the folder after it is removed; a thread caught starting a kernel may start
        # it after the first sweep, hence the wait and the second.
        stopping.set()
        pool.shutdown(wait=False, cancel_futures=True)
        logging.disable(logging.CRITICAL)  # nbclient's lines about the kernels we stopped
        try:
            stop_children()
            wait(list(running.values()) + handouts, timeout=KERNEL_STOP_SECONDS)
            stop_children()
        finally:
            logging.disable(logging.NOTSET)
        raise
    finally:
        if browser is not None and not handouts:  # started, and never given the slides: closed once it has started
            browser.add_done_callback(lambda started: started.result() and started.result().close())
        pool.shutdown(wait=False)
        helper.shutdown(wait=False)
        quiet.close()
    if any(printed):
        write_index(out_dir, f"Report: {source.name}", executed_notebooks, chinese=chinese)  # now with the handout's link
    if waiting:
        wait(closing)   # Chromium gone, and its profile with it, before the report is done


def finished_in_turn(order: list, running: dict):
    """The notebooks of ``order`` as their runs (``running``: futures) finish, so that each page is rendered while the
    others still run, not after every notebook started before it (a long one started third held back the pages of the
    short ones started after it, rendered one after the other once it ended). A run that failed is given only once
    every run started before it has finished, and the first of those to have failed comes first: its ``result()``
    raises the same error as when the notebooks were taken in ``order``.

    >>> from concurrent.futures import Future
    >>> done = {name: Future() for name in "abc"}
    >>> for name in "cb": done[name].set_result(name)
    >>> seen = finished_in_turn(list("abc"), done)
    >>> next(seen), next(seen)
    ('b', 'c')
    """
    left = list(order)
    while left:
        finished, _ = wait([running[n] for n in left], return_when=FIRST_COMPLETED)
        ready = [n for n in left if running[n] in finished]
        failed = [n for n in ready if running[n].exception() is not None]
        if failed:
            first = left.index(failed[0])
            wait([running[n] for n in left[:first]])   # as before: every run started before it, finished
            yield next(n for n in left[:first + 1] if running[n].exception() is not None or n == failed[0])
            return
        for notebook in ready:
            left.remove(notebook)
            yield notebook


class QuietOnceStopped(logging.Filter):
    """Once a report is stopping, drops the lines its notebook threads log about the kernels it stopped ("Kernel
    died while waiting for execute reply."): under load a thread may notice the dead kernel after the stop has
    waited for it, so silencing logging only while stopping let the line through. Attached to the notebook
    runner's loggers until this report's last notebook thread has finished."""

    LOGGERS = ("papermill", "traitlets")

    def __init__(self, stopping: threading.Event):
        super().__init__()
        self.stopping, self.threads, self.closing, self.lock = stopping, set(), False, threading.Lock()
        for name in self.LOGGERS:
            logging.getLogger(name).addFilter(self)

    def filter(self, record: logging.LogRecord) -> bool:
        return not (self.stopping.is_set() and record.thread in self.threads)

    @contextmanager
    def thread(self):
        ident = threading.get_ident()
        with self.lock:
            self.threads.add(ident)
        try:
            yield
        finally:
            with self.lock:
                self.threads.discard(ident)
                self._detach_if_done()

    def close(self) -> None:
        """The report is done: detach now, or when its last notebook thread ends."""
        with self.lock:
            self.closing = True
            self._detach_if_done()

    def _detach_if_done(self) -> None:
        if self.closing and not self.threads:
            for name in self.LOGGERS:
                logging.getLogger(name).removeFilter(self)


def print_handout(slides: Path, fonts: Path, font_cut: threading.Event, browser=None, close=None) -> Path | None:
    """The slides' PDF handout, printed while the other notebooks run. The pages' font subset is cut once they have
    all run; until then the fonts folder links the whole font it is cut from (the same glyphs), which the
    subset then replaces. ``browser``: the future of a browser started ahead (``start_browser``), or None; ``close``:
    what the browser's shutdown is handed to once it has printed (``write_handout``)."""
    try:
        fonts.mkdir(parents=True, exist_ok=True)
        (fonts / "cjk.css").write_text(FONT_CSS, encoding="utf-8")
        (fonts / CJK_SUBSET).unlink(missing_ok=True)
        (fonts / CJK_SUBSET).symlink_to(cjk_font_path())
    finally:
        font_cut.set()
    return write_handout(slides, slides.with_name(slides.name.replace(".slides.html", ".pdf")),
                         started=browser.result() if browser is not None else None, close=close)


def write_fonts_beside(pages: list[Path], fonts: Path, after: threading.Event | None,
                       prepared: FontToCut | None = None) -> None:
    """The font subset of ``pages`` cut in a folder beside ``fonts``, then moved into it file by file (each move is
    atomic: a browser printing the handout reads the old font or the new one, never half of one), once ``after``
    is set (the handout's own font written)."""
    staging = fonts.with_name(f".{fonts.name}-cut")
    written = write_fonts(pages, staging, prepared=prepared)
    if after is not None:
        after.wait()
    fonts.mkdir(parents=True, exist_ok=True)
    for path in written:
        os.replace(path, fonts / path.name)
    staging.rmdir()
