"""The report: run every numbered notebook on a document and render pages, slides, figures and tables.

``build_report(source)`` writes ``build/<document name>/``::

    index.html           links to everything below
    notebooks/           the executed notebooks (papermill, a fresh kernel each)
    html/                one page per notebook (no prompts, images embedded, no script from the network)
    slides/              05-briefing.slides.html with its own copy of reveal.js: presents offline
    figures/             every figure as PNG and SVG
    tables/              claims, mentions, blocks, alignment, framing as UTF-8 CSV (BOM, for Excel)
    fonts/               the Chinese characters used, cut from Noto Sans CJK SC, so pages render anywhere

reveal.js is fetched once from the npm registry (``helpers.npm``: sha512 checked against the pin below) into
``<venv>/share/zh-en-framing/`` and copied next to the slides. ``execute_in_place()`` re-runs the
committed notebooks on the seed document and strips run metadata (``make notebooks``).
"""

from __future__ import annotations

import argparse
import html
import os
import shutil
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from . import npm
from .paths import BUILD, DEFAULT_SOURCE, NOTEBOOKS
from .reader import InputError, read_document

KERNEL = "python3"
NOTEBOOK_GLOB = "[0-9][0-9]-*.ipynb"
SLIDES_NOTEBOOK = "05-briefing.ipynb"
CELL_TIMEOUT = 600

REVEAL_VERSION = "4.6.0"
REVEAL_INTEGRITY = "sha512-QC80rYsZldAe95bW9VImucIPTjfsKhI0jRQrIOXU4P92ZyXb/dfw9L3EE96bN6i7UmeUl1qBieH4UNTr25erYw=="
#: The parts of the reveal.js package the slides load (plus its licence).
REVEAL_KEEP = ("dist/", "plugin/notes/", "LICENSE")
REVEAL = npm.NpmAsset("reveal.js", REVEAL_VERSION, REVEAL_INTEGRITY, REVEAL_KEEP, "dist/reveal.js")
REVEAL_HOME = REVEAL.home
REVEAL_DIR_NAME = "reveal.js"   # next to the slides

# nbconvert's templates load require.js, MathJax and mermaid from CDNs; the notebooks need none of them,
# so these child templates drop those tags. The slides load the local reveal.js with plain <script> tags.
PAGE_TEMPLATE = """{%- extends 'index.html.j2' -%}
{% block html_head_js %}{% endblock html_head_js %}
{% block html_head_css %}<link rel="stylesheet" href="../fonts/cjk.css">{% endblock html_head_css %}
{% block html_head_js_mathjax %}{% endblock html_head_js_mathjax %}
{% block html_head_js_mermaidjs %}{% endblock html_head_js_mermaidjs %}
"""
SLIDES_TEMPLATE = """{%- extends 'index.html.j2' -%}
{% block html_head_js %}{% endblock html_head_js %}
{% block html_head_css %}<link rel="stylesheet" href="../fonts/cjk.css">{% endblock html_head_css %}
{% block html_head_js_mathjax %}{% endblock html_head_js_mathjax %}
{% block footer_js %}
<script src="{{ resources.reveal.url_prefix }}/dist/reveal.js"></script>
<script src="{{ resources.reveal.url_prefix }}/plugin/notes/notes.js"></script>
<script>
Reveal.initialize({
  controls: true, progress: true, history: true, hash: true,
  transition: "{{ resources.reveal.transition | default('slide', true) }}",
  slideNumber: "c/t",
  width: 1280, height: 800, margin: 0.04,
  plugins: [RevealNotes]
});
</script>
<style>
.reveal { --r-main-font: "Source Sans Pro", Helvetica, Arial, sans-serif, "Bundle CJK";
  --r-heading-font: var(--r-main-font); font-family: var(--r-main-font); }
.reveal .slides { text-align: left; }
.reveal .jp-OutputArea-output img { max-height: 450px; width: auto; }
.reveal h1 { font-size: 1.6em; } .reveal h2 { font-size: 1.2em; }
.reveal .jp-RenderedMarkdown li, .reveal .jp-RenderedMarkdown p { font-size: 24px; line-height: 1.35; }
.reveal table { font-size: 18px; }
</style>
{% endblock footer_js %}
"""


class ReportError(Exception):
    """The report could not be built; the message is one line for the user."""


class NotebookFailed(ReportError):
    """A notebook raised while it ran (a bug, or a document the engine cannot handle)."""


def _failure(notebook: Path, exc: Exception) -> NotebookFailed:
    ename = getattr(exc, "ename", type(exc).__name__)
    evalue = str(getattr(exc, "evalue", "") or "").strip().splitlines()
    detail = f"{ename}: {evalue[-1]}" if evalue else ename
    return NotebookFailed(f"{notebook.name} failed: {detail} (open the executed notebook to see the cell)")


# ---- reveal.js ----------------------------------------------------------------------------------

def check_integrity(data: bytes, integrity: str = REVEAL_INTEGRITY) -> None:
    """Raise ReportError unless ``data`` matches an npm ``sha512-…`` integrity string."""
    try:
        npm.check_integrity(data, integrity, f"reveal.js {REVEAL_VERSION} download")
    except npm.FetchError as exc:
        raise ReportError(str(exc)) from None


def unpack_reveal(data: bytes, target: Path) -> Path:
    """Unpack the kept parts of an npm reveal.js tarball into ``target`` (whole or not at all)."""
    try:
        return npm.unpack(data, target, REVEAL.keep, REVEAL.required)
    except npm.FetchError as exc:
        raise ReportError(f"reveal.js: {exc}") from None


def ensure_reveal(home: Path = REVEAL_HOME) -> Path:
    """The local reveal.js, fetched from the npm registry and checked the first time; returns its folder."""
    try:
        return npm.ensure(REVEAL, home)
    except npm.FetchError as exc:
        raise ReportError(f"{exc}; the slides need it") from None


# ---- notebooks ----------------------------------------------------------------------------------

def numbered_notebooks(folder: Path = NOTEBOOKS) -> list[Path]:
    """The notebooks the report runs, in order: ``01-….ipynb`` to ``05-….ipynb``."""
    return sorted(folder.glob(NOTEBOOK_GLOB))


def clean_metadata(nb) -> None:
    """Strip what changes from run to run: timings, papermill records, the kernel's exact Python version."""
    for key in ("papermill", "widgets"):
        nb.metadata.pop(key, None)
    nb.metadata["language_info"] = {"name": "python"}
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("ExecuteTime", None)
        if cell.cell_type == "code":
            for output in cell.get("outputs", []):
                output.get("metadata", {}).pop("execution", None)


def execute_in_place(notebooks: list[Path] | None = None) -> list[Path]:
    """Run the committed notebooks on their default parameters, save them with outputs and clean metadata."""
    import nbformat
    from nbclient import NotebookClient

    done = []
    for path in notebooks or numbered_notebooks():
        nb = nbformat.read(path, as_version=4)
        client = NotebookClient(nb, kernel_name=KERNEL, timeout=CELL_TIMEOUT, record_timing=False,
                                shutdown_kernel="immediate", resources={"metadata": {"path": str(path.parent)}})
        try:
            client.execute()
        except Exception as exc:
            raise _failure(path, exc) from None
        clean_metadata(nb)
        nbformat.write(nb, path)
        done.append(path)
    return done


def run_notebook(notebook: Path, output: Path, parameters: dict) -> None:
    """Execute one notebook with papermill in a fresh kernel, its folder as working directory."""
    import papermill

    known = papermill.inspect_notebook(str(notebook))
    try:
        papermill.execute_notebook(
            str(notebook), str(output), parameters={k: v for k, v in parameters.items() if k in known},
            kernel_name=KERNEL, cwd=str(notebook.parent), progress_bar=False, log_output=False,
            request_save_on_cell_execute=False, shutdown_kernel="immediate", execution_timeout=CELL_TIMEOUT,
        )
    except Exception as exc:
        raise _failure(notebook, exc) from None
    import nbformat

    nb = nbformat.read(output, as_version=4)
    clean_metadata(nb)
    nbformat.write(nb, output)


# ---- rendering ----------------------------------------------------------------------------------

def _exporter(kind: str):
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter, SlidesExporter
    from traitlets.config import Config

    config = Config()
    config.TagRemovePreprocessor.enabled = True
    config.TagRemovePreprocessor.remove_cell_tags = {"remove_cell"}
    if kind == "slides":
        exporter = SlidesExporter(config=config, extra_loaders=[DictLoader({"offline-slides.html.j2": SLIDES_TEMPLATE})],
                                  template_file="offline-slides.html.j2", reveal_url_prefix=REVEAL_DIR_NAME,
                                  exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True)
    else:
        exporter = HTMLExporter(config=config, extra_loaders=[DictLoader({"offline-page.html.j2": PAGE_TEMPLATE})],
                                template_file="offline-page.html.j2", embed_images=True,
                                exclude_input_prompt=True, exclude_output_prompt=True)
    return exporter


def render(notebook: Path, output: Path, kind: str = "page") -> Path:
    """Render an executed notebook as an HTML page (``kind="page"``) or reveal.js slides (``"slides"``)."""
    body, _ = _exporter(kind).from_filename(str(notebook))
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(body, encoding="utf-8")
    return output


FONT_CSS = """/* Chinese glyphs for readers without a CJK system font: a subset of Noto Sans CJK SC
   (SIL Open Font License 1.1, shipped by the mplfonts package) holding only the characters these pages use. */
@font-face { font-family: "Bundle CJK"; src: url("cjk-subset.otf") format("opentype"); }
:root {
  --jp-content-font-family: system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif, "Bundle CJK";
  --jp-ui-font-family: var(--jp-content-font-family);
  --jp-code-font-family: Menlo, Consolas, "DejaVu Sans Mono", monospace, "Bundle CJK";
}
"""
CJK_CHAR_MIN = 0x2E80   # CJK radicals onwards: every Han character and full-width form


def write_fonts(pages: list[Path], folder: Path) -> list[Path]:
    """Subset Noto Sans CJK SC to the CJK characters in ``pages``; write it and the CSS that uses it."""
    from fontTools import subset

    from .fonts import cjk_font_path

    text = "".join(page.read_text(encoding="utf-8") for page in pages)
    characters = "".join(sorted({c for c in text if ord(c) >= CJK_CHAR_MIN})) or "中"
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    font = subset.load_font(str(cjk_font_path()), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=characters)
    subsetter.subset(font)
    folder.mkdir(parents=True, exist_ok=True)
    subset.save_font(font, str(folder / "cjk-subset.otf"), options)
    (folder / "cjk.css").write_text(FONT_CSS, encoding="utf-8")
    return [folder / "cjk-subset.otf", folder / "cjk.css"]


def write_index(out_dir: Path, title: str) -> Path:
    """A plain index.html linking every page, the slides, figures and tables of one report."""
    def links(folder: str, pattern: str) -> str:
        items = sorted((out_dir / folder).glob(pattern))
        return "\n".join(f'<li><a href="{folder}/{p.name}">{html.escape(p.name)}</a></li>' for p in items)

    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>
<link rel="stylesheet" href="fonts/cjk.css">
<style>body{{font-family:var(--jp-content-font-family);max-width:50em;margin:2em auto;line-height:1.5}}</style></head>
<body><h1>{html.escape(title)}</h1>
<h2>Notebooks</h2><ul>{links("html", "*.html")}</ul>
<h2>Slides</h2><ul>{links("slides", "*.slides.html")}</ul>
<h2>Figures</h2><ul>{links("figures", "*.png")}</ul>
<h2>Tables</h2><ul>{links("tables", "*.csv")}</ul>
</body></html>
"""
    path = out_dir / "index.html"
    path.write_text(page, encoding="utf-8")
    return path


# ---- the report ---------------------------------------------------------------------------------

def default_out(source: str | Path) -> Path:
    """``build/<document name without .txt>/``."""
    return BUILD / Path(source).stem


def write_report_tables(text: str, out_dir: Path) -> list[Path]:
    """Every table of ``text`` (helpers.pipeline.analyse: extract, alignment, framing) as CSV under ``out_dir``."""
    from .export import write_tables
    from .pipeline import analyse

    return write_tables(analyse(text).named_tables(), out_dir)


def require_both_parts(text: str, source: Path) -> None:
    """The notebooks compare two versions: refuse, before writing anything, a document with only one."""
    from .columns import PART_COMMENTARY, PART_ORIGINAL
    from .parse import parse_document

    parts = set(parse_document(text).blocks["part"])
    missing = [name for part, name in ((PART_COMMENTARY, "a Chinese commentary"), (PART_ORIGINAL, "an English original"))
               if part not in parts]
    if missing:
        raise InputError(f"{source}: the report compares two versions, but this document has no {' nor '.join(m.split(' ', 1)[1] for m in missing)} "
                         "(python -m helpers extract still reads it)")


def build_report(source: str | Path = DEFAULT_SOURCE, out_dir: str | Path | None = None, *,
                 notebooks: list[Path] | None = None) -> Path:
    """Run every numbered notebook on ``source`` and write the whole report to ``out_dir``; returns it.

    An unreadable source raises InputError before anything is written. If a later step fails, the
    half-built folder is removed and a previous report in its place is put back.
    """
    source = Path(source)
    document = read_document(source)      # raises InputError: nothing written yet
    require_both_parts(document.text, source)
    reveal = ensure_reveal()
    out_dir = Path(out_dir) if out_dir else default_out(source)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    backup = None
    if out_dir.exists():
        backup = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.previous.", dir=out_dir.parent))
        out_dir.rename(backup / out_dir.name)
    try:
        _build(document.text, source.resolve(), out_dir.resolve(), reveal, notebooks or numbered_notebooks())
    except BaseException:
        shutil.rmtree(out_dir, ignore_errors=True)
        if backup is not None:
            (backup / out_dir.name).rename(out_dir)
        raise
    finally:
        if backup is not None:
            shutil.rmtree(backup, ignore_errors=True)
    return out_dir


def _build(text: str, source: Path, out_dir: Path, reveal: Path, notebooks: list[Path]) -> None:
    figures = out_dir / "figures"
    figures.mkdir(parents=True)
    write_report_tables(text, out_dir / "tables")
    (out_dir / "notebooks").mkdir()

    def execute(notebook: Path) -> Path:
        executed = out_dir / "notebooks" / notebook.name
        parameters = {"SOURCE": os.path.relpath(source, notebook.parent),
                      "FIGURES_DIR": os.path.relpath(figures, notebook.parent)}
        run_notebook(notebook, executed, parameters)
        return executed

    # Each notebook runs in its own kernel process, so they can run side by side, one per core;
    # their outputs do not depend on the order (each writes only its own figures).
    with ThreadPoolExecutor(max_workers=max(1, min(len(notebooks), os.cpu_count() or 1))) as pool:
        executed_notebooks = list(pool.map(execute, notebooks))
    for notebook, executed in zip(notebooks, executed_notebooks):
        render(executed, out_dir / "html" / f"{notebook.stem}.html")
        if notebook.name == SLIDES_NOTEBOOK:
            render(executed, out_dir / "slides" / f"{notebook.stem}.slides.html", kind="slides")
            shutil.copytree(reveal, out_dir / "slides" / REVEAL_DIR_NAME)
    write_index(out_dir, f"Report: {source.name}")
    write_fonts(sorted(out_dir.glob("*/*.html")) + [out_dir / "index.html"], out_dir / "fonts")


# ---- command line -------------------------------------------------------------------------------

def run_report(args: argparse.Namespace) -> int:
    """``python -m helpers report``: build the report, list what was written."""
    try:
        out = build_report(args.source, args.out)
    except NotebookFailed as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except ReportError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    shown = os.path.relpath(out) if not os.path.relpath(out).startswith("..") else str(out)
    print(f"report for {Path(args.source).name} in {shown}/ (open {shown}/index.html)")
    return 0


def add_report_command(subparsers) -> argparse.ArgumentParser:
    """Register ``report [SOURCE] [--out DIR]``, ``notebooks`` and ``fetch-reveal`` on the CLI's subparsers."""
    report = subparsers.add_parser(
        "report",
        help="run every notebook on a document and write pages, slides, figures and tables to build/<name>/",
        description="Execute notebooks/01-05 on SOURCE (papermill, fresh kernels) and write build/<name>/: "
                    "executed notebooks, HTML pages, offline reveal.js slides, figures (PNG+SVG) and tables (CSV).",
    )
    report.add_argument("source", nargs="?", default=str(DEFAULT_SOURCE),
                        help="the document; default: the seed article")
    report.add_argument("--out", metavar="DIR", help="output folder (default: build/<document name>/)")
    report.set_defaults(run=run_report)
    notebooks = subparsers.add_parser("notebooks", help="re-run the committed notebooks in place on the seed "
                                                        "(after an engine change; then commit them)")
    notebooks.set_defaults(run=lambda args: print("\n".join(f"executed {p.relative_to(NOTEBOOKS.parent)}"
                                                            for p in execute_in_place())) or 0)
    fetch = subparsers.add_parser("fetch-reveal", help="fetch and check the local reveal.js the slides use (done once)")
    fetch.set_defaults(run=lambda args: print(f"reveal.js {REVEAL_VERSION} in {ensure_reveal()}") or 0)
    return report


def main(argv: list[str] | None = None) -> int:
    """``python -m helpers.report …``: the same commands as ``python -m helpers …``."""
    from .cli import main as cli_main

    return cli_main(argv)


if __name__ == "__main__":
    sys.exit(main())
