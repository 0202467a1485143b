"""Executed notebooks as HTML pages and reveal.js slides that load nothing from the network, and the report's index."""

from __future__ import annotations

import html
import json
import re
from functools import lru_cache
from pathlib import Path

from ..paths import CACHE
from ..patterns import CJK_CHAR
from .assets import REVEAL_DIR_NAME
from .browser import SLIDE_HEIGHT, SLIDE_WIDTH  # the slides' canvas, the window the handout is printed in

# nbconvert's templates load require.js, MathJax and mermaid from CDNs; the notebooks need none of them,
# so these child templates drop those tags. The slides load the local reveal.js with plain <script> tags.
# Pages: a text column of about 90 characters, table cells left-aligned (sentences read from the left). A code cell's
# input is shown as Pygments highlights it, which escapes every character of the source that HTML reads (& < > " '):
# nbconvert's sanitiser then parsed and wrote out each cell's highlighting again, changing nothing a browser shows, for
# more than a third of a page's rendering time. Outputs (tables, Markdown) stay sanitised.
PAGE_TEMPLATE = """{%- extends 'index.html.j2' -%}
{% block html_head_js %}{% endblock html_head_js %}
{% block html_head_css %}<link rel="stylesheet" href="../fonts/cjk.css">
<style>
body { font-family: var(--jp-content-font-family); }
/* !important: JupyterLab's own stylesheet comes later and right-aligns every table cell */
.jp-RenderedMarkdown > p, .jp-RenderedMarkdown > ul, .jp-RenderedMarkdown > ol, .jp-RenderedMarkdown > blockquote,
.jp-RenderedText > pre { max-width: 90ch !important; }
.jp-RenderedHTMLCommon td, .jp-RenderedHTMLCommon th { text-align: left !important; vertical-align: top; }
.jp-RenderedImage img { max-width: min(100%, 960px); }   /* a slide-size figure, not a poster */
details.fold { margin: 0.3em 0; } details.fold > summary { color: #555; cursor: pointer; font-size: 90%; }
</style>{% endblock html_head_css %}
{% block html_head_js_mathjax %}{% endblock html_head_js_mathjax %}
{% block html_head_js_mermaidjs %}{% endblock html_head_js_mermaidjs %}
{% block input %}
<div class="jp-CodeMirrorEditor jp-Editor jp-InputArea-editor" data-type="inline">
     <div class="cm-editor cm-s-jupyter">
{{ cell.source | highlight_code(metadata=cell.metadata) }}
     </div>
</div>
{%- endblock input %}
{% block any_cell %}{% if cell.metadata.get('fold_start') %}
<details class="fold"><summary>Set-up and checks (click to show)</summary>{% endif %}{{ super() }}{% if cell.metadata.get('fold_end') %}</details>
{% endif %}{% endblock any_cell %}
"""
#: Cells a page folds away under one "Set-up and checks" line: imports, settings and the checks after loading.
FOLDED_TAGS = ("fold", "parameters", "injected-parameters")
# Every figure's image gets its alt text from the figure's title (helpers.render.figures.describe), which the
# notebook keeps in the PNG output's metadata; nbconvert would otherwise write "No description has been provided".
ALT_TEXT_BLOCK = """{% block data_png scoped %}
<div class="jp-RenderedImage jp-OutputArea-output {{ extra_class }}">
<img src="data:image/png;base64,{{ output.data['image/png'] | escape_html }}"
 alt="{{ (output.metadata.get('image/png', {}).get('alt') or output.data.get('text/plain', '') or 'A figure') | escape_html }}">
</div>
{%- endblock data_png %}
"""
PAGE_TEMPLATE += ALT_TEXT_BLOCK

# The reveal.js theme's own @import of web fonts is stripped when reveal.js is copied (assets.offline_reveal);
# the slides load Source Sans Pro, which reveal.js ships, from the copy beside them.
SLIDES_TEMPLATE = """{%- extends 'index.html.j2' -%}
{% block html_head_js %}{% endblock html_head_js %}
{% block html_head_css %}<link rel="stylesheet" href="../fonts/cjk.css">
<link rel="stylesheet" href="{{ resources.reveal.url_prefix }}/dist/theme/fonts/source-sans-pro/source-sans-pro.css">
{% endblock html_head_css %}
{% block html_head_js_mathjax %}{% endblock html_head_js_mathjax %}
{% block footer_js %}
<script src="{{ resources.reveal.url_prefix }}/dist/reveal.js"></script>
<script src="{{ resources.reveal.url_prefix }}/plugin/notes/notes.js"></script>
<script>
Reveal.initialize({
  controls: true, progress: true, history: true, hash: true,
  transition: "{{ resources.reveal.transition | default('slide', true) }}",
  slideNumber: "c/t",
  width: 1280, height: 720, margin: 0.04,
  pdfMaxPagesPerSlide: 1, pdfSeparateFragments: false,
  plugins: [RevealNotes]
});
</script>
<style>
.reveal { --r-main-font: "Bundle CJK", "Source Sans Pro", Helvetica, Arial, sans-serif;
  --r-heading-font: var(--r-main-font); --r-main-font-size: 28px; font-family: var(--r-main-font); }
.reveal .slides { text-align: left; }
.reveal .jp-RenderedHTMLCommon { font-family: var(--r-main-font); }   /* the shipped font, not the pages' system one */
.reveal .slides section { height: 100%; }
.reveal .jp-OutputArea-output img { display: block; max-height: 490px; max-width: 100%; width: auto; margin: 0 auto; }
.reveal h1 { font-size: 52px; margin: 1.2em 0 0.4em; } .reveal h2 { font-size: 34px; line-height: 1.2; margin: 0 0 0.4em; }
.reveal .jp-Cell, .reveal .jp-OutputArea-child, .reveal .jp-OutputArea-output, .reveal .jp-RenderedHTMLCommon { padding: 0; margin: 0; }
.reveal .jp-RenderedMarkdown p { margin: 0 0 0.4em; }
.reveal .jp-RenderedMarkdown li, .reveal .jp-RenderedMarkdown p { font-size: 26px; line-height: 1.3; }
.reveal .jp-RenderedMarkdown li { margin-bottom: 0.3em; }
.reveal .jp-RenderedMarkdown small { font-size: 24px; color: #2e6da4; }
.reveal .jp-RenderedMarkdown ul { margin-top: 0; margin-bottom: 0.3em; }
.reveal table { font-size: 24px; }
.reveal td, .reveal th { text-align: left; }
</style>
{% endblock footer_js %}
""" + ALT_TEXT_BLOCK


@lru_cache(maxsize=None)
def _relaxed_validator(version: int, minor: int):
    """nbformat's validator as an exporter asks for it (unknown fields allowed), compiled once per process: asked for
    it, nbformat compiles the schema again on every call (about 0.15 s a page)."""
    from nbformat.validator import get_validator

    return get_validator(version, minor, relax_add_props=True)


def _validate(nb) -> None:
    """Refuse an invalid notebook as nbconvert does (``nbformat.validate(nb, relax_add_props=True)``, whose error it
    raises), checking a valid one with the validator compiled once."""
    import nbformat

    validator = _relaxed_validator(nb.nbformat, nb.nbformat_minor)
    if validator is None or next(iter(validator.iter_errors(nb)), None) is not None:
        nbformat.validate(nb, relax_add_props=True)


@lru_cache(maxsize=None)
def _exporter(kind: str):
    """The page's or the slides' exporter, built once per process: building one compiles its templates again."""
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter, SlidesExporter
    from traitlets.config import Config

    config = Config()
    # Validate the notebook once, after the preprocessors, not after each of them (an invalid notebook is still
    # refused), and with a validator compiled once (``_validate``).
    config.Exporter.optimistic_validation = True
    config.TagRemovePreprocessor.enabled = True
    config.TagRemovePreprocessor.remove_cell_tags = {"remove_cell"}
    # no id or ¶ link made from a heading's words: a slide's title quotes the document, and its words have no
    # business in an attribute (an id of 'src=https…' reads like a fetch to any scanner of the pages)
    config.HTMLExporter.exclude_anchor_links = True

    def validated(base):
        return type(base.__name__, (base,), {"_validate_preprocessor": lambda self, nb, preprocessor: _validate(nb),
                                             "from_notebook_node": _without_soup})

    if kind == "slides":
        exporter = validated(SlidesExporter)(
            config=config, extra_loaders=[DictLoader({"offline-slides.html.j2": SLIDES_TEMPLATE})],
            template_file="offline-slides.html.j2", reveal_url_prefix=REVEAL_DIR_NAME,
            exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True)
    else:
        exporter = validated(HTMLExporter)(
            config=config, extra_loaders=[DictLoader({"offline-page.html.j2": PAGE_TEMPLATE})],
            template_file="offline-page.html.j2", embed_images=True, exclude_input_prompt=True,
            exclude_output_prompt=True)
    exporter.environment.bytecode_cache = template_cache()
    return exporter


def template_cache():
    """Where the pages' compiled templates are kept between reports (``.cache/templates``; ``make clean`` removes it):
    Jinja compiles nbconvert's dozen templates to Python anew in every process, two thirds of building the exporters.
    Jinja keys each file by its template's name and source and by the Python that compiled it, so an edited template or
    another Python compiles again; a folder that cannot be written only means compiling each time."""
    from jinja2 import FileSystemBytecodeCache

    folder = CACHE / "templates"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return FileSystemBytecodeCache(str(folder))


# What nbconvert's HTML exporter does to a page once its template has written it, done on the tags themselves: it parses
# the whole page (figures embedded, JupyterLab's stylesheet inlined) with BeautifulSoup to add three attributes and
# writes it out again, about half of a page's rendering time.
NOTEBOOK_ELEMENT = re.compile(r"""<[a-zA-Z][^>]*\sclass=(["'])(?:[^"']*\s)?jp-Notebook(?:\s[^"']*)?\1[^>]*>""")
FOCUSABLE_DIV = re.compile(r"""<div\b(?P<attributes>[^>]*\sclass=(["'])(?:[^"']*\s)?"""
                           r"""(?:jp-Cell-inputWrapper|jp-OutputArea-output)(?:\s[^"']*)?\2[^>]*?)\s*(?P<end>/?)>""")
IMG_TAG = re.compile(r"<img\b(?P<attributes>[^>]*)>")   # greedy: an embedded image's data runs to 200 kB
ALT_ATTRIBUTE = re.compile(r"""\salt\s*=""")
TABINDEX_ATTRIBUTE = re.compile(r"""\stabindex\s*=\s*(["'])[^"']*\1|\stabindex\s*=\s*[^\s>]+""")


def _tag_end(inside: str) -> tuple[str, str]:
    """A tag's text between its name and its ``>`` split as ``(attributes)\\s*(/?)`` would split it with the shortest
    attributes, without a regular expression's lazy scan (a step a character over an embedded image's data):
    ``' a="x" /'`` → ``(' a="x"', '/')``."""
    if inside.endswith("/"):
        return inside[:-1].rstrip(), "/"
    return inside.rstrip(), ""


def focusable(page: str) -> str:
    """What nbconvert's HTML exporter adds to a page after its template: each cell's input and each output inside the
    notebook's element made focusable (``tabindex="0"``), and an image with no alt text given a placeholder one.

    >>> focusable('<body class="jp-Notebook"><div class="jp-OutputArea-output x"><img src="a.png"></div></body>')
    '<body class="jp-Notebook"><div class="jp-OutputArea-output x" tabindex="0"><img src="a.png" alt="No description has been provided for this image"></div></body>'
    """
    def alt(m: re.Match) -> str:
        attributes, end = _tag_end(m.group("attributes"))
        return m.group(0) if ALT_ATTRIBUTE.search(attributes) else \
            f'<img{attributes} alt="No description has been provided for this image"{end}>'

    page = IMG_TAG.sub(alt, page)
    notebook = NOTEBOOK_ELEMENT.search(page)
    if notebook is None:
        return page
    start = notebook.end()

    def tab(m: re.Match) -> str:
        attributes = TABINDEX_ATTRIBUTE.sub("", m.group("attributes"))
        return f'<div{attributes} tabindex="0"{m.group("end")}>'

    return page[:start] + FOCUSABLE_DIV.sub(tab, page[start:])


def _without_soup(self, nb, resources=None, **kw):
    """``HTMLExporter.from_notebook_node`` with its closing BeautifulSoup pass done by ``focusable`` instead."""
    from nbconvert.exporters.templateexporter import TemplateExporter
    from nbconvert.filters.highlight import Highlight2HTML
    from nbconvert.filters.widgetsdatatypefilter import WidgetsDataTypeFilter

    language = nb.metadata.get("language_info", {})
    lexer = language.get("pygments_lexer", language.get("name", None))
    self.register_filter("highlight_code", self.filters.get("highlight_code", Highlight2HTML(pygments_lexer=lexer, parent=self)))
    resources = self._init_resources(resources)
    self.register_filter("filter_data_type", WidgetsDataTypeFilter(notebook_metadata=self._nb_metadata, parent=self,
                                                                   resources=resources))
    page, resources = TemplateExporter.from_notebook_node(self, nb, resources, **kw)
    return focusable(page), resources


def prepare_exporters() -> None:
    """Build the pages' and the slides' exporters and compile their templates (a page rendered first compiled them,
    about a third of a second), on a notebook of one cell: done while a report waits for its first notebook."""
    import nbformat

    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# -"), nbformat.v4.new_code_cell("")])
    for kind in ("page", "slides"):
        _exporter(kind).from_notebook_node(nb)


# The folder a report is built in before it is published whole (helpers.publish): '.<name>.tmp-<random>'.
TEMPORARY_FOLDER = re.compile(r"\.(?P<name>[^/\\\"'\s]+?)\.tmp-[^/\\\"'\s]+")


def published_paths(nb) -> None:
    """Show papermill's injected parameters with the report's own folder, not the temporary one it was built in.

    >>> import nbformat
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell('FIGURES_DIR = "../build/.doc.tmp-x1y2/figures"')])
    >>> nb.cells[0].metadata["tags"] = ["injected-parameters"]
    >>> published_paths(nb); nb.cells[0].source
    'FIGURES_DIR = "../build/doc/figures"'
    """
    for cell in nb.cells:
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell.source = TEMPORARY_FOLDER.sub(lambda m: m.group("name"), cell.source)


def mark_folds(nb) -> None:
    """Mark where each run of folded cells (FOLDED_TAGS) starts and ends, so a page shows the run as one fold."""
    folded = [bool(set(cell.metadata.get("tags", [])) & set(FOLDED_TAGS)) for cell in nb.cells]
    for k, cell in enumerate(nb.cells):
        if folded[k]:
            cell.metadata["fold_start"] = k == 0 or not folded[k - 1]
            cell.metadata["fold_end"] = k == len(folded) - 1 or not folded[k + 1]


def drop_empty_slides(nb) -> None:
    """Leave out of the slides a code cell that showed nothing (a caveats slide for a document without caveats),
    and, when it opened a slide, the notes that belong to that slide."""
    kept, dropping = [], False
    for cell in nb.cells:
        kind = cell.metadata.get("slideshow", {}).get("slide_type", "-")
        empty = cell.cell_type == "code" and not cell.get("outputs")   # the slides show no code
        if kind in ("slide", "subslide"):
            dropping = empty
        if empty or (dropping and kind == "notes"):
            continue
        kept.append(cell)
    nb.cells = kept


HTML_PIECES = re.compile(r"(<script\b.*?</script>|<style\b.*?</style>|<title\b.*?</title>|<textarea\b.*?</textarea>|<[^>]*>)", re.S | re.I)


def mark_languages(page: str, chinese: str = "zh-Hans") -> str:
    """Mark every run of Chinese in a page's text (never inside a tag, a script or a style) with ``lang``.

    >>> mark_languages('<p title="中">Anthropic 与 OpenAI</p><script>var s = "中";</script>')
    '<p title="中">Anthropic <span lang="zh-Hans">与</span> OpenAI</p><script>var s = "中";</script>'
    """
    pieces = HTML_PIECES.split(page)
    for k in range(0, len(pieces), 2):
        pieces[k] = mark_chinese(pieces[k], chinese)
    return "".join(pieces)


def render(notebook: Path, output: Path, kind: str = "page", *, chinese: str = "zh-Hans") -> Path:
    """Render an executed notebook as an HTML page (``kind="page"``) or reveal.js slides (``"slides"``), its runs
    of Chinese marked ``lang=chinese`` ("zh-Hant" for a Traditional document) so no browser picks Japanese glyphs."""
    import nbformat

    nb = nbformat.read(str(notebook), as_version=4)
    published_paths(nb)
    if kind == "slides":
        drop_empty_slides(nb)
    else:
        mark_folds(nb)
    body, _ = _exporter(kind).from_notebook_node(nb)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(mark_languages(body, chinese), encoding="utf-8")
    return output


# ---- the index ----------------------------------------------------------------------------------

#: A short answer's question, bold on its own line and ending as a question (the briefing's title slide opens with a
#: bold line that is no question, its first bullet the byline: the index quoted that as the briefing's answer).
QUESTION = re.compile(r"^\*\*(?P<question>.+?[?？])\*\*\s*$", re.M)
BULLET = re.compile(r"^- (?P<line>.+)$", re.M)
# a run of Chinese: CJK characters, with the spaces, digits and punctuation between them, from a CJK character to a CJK character
CJK_RUN = re.compile(f"(?:{CJK_CHAR.pattern})(?:[\\s\\d,.:;!?()“”\"'·-]*(?:{CJK_CHAR.pattern}))*")


def mark_chinese(escaped: str, lang: str = "zh-Hans") -> str:
    """Wrap each run of Chinese in already-escaped HTML in ``<span lang="zh-Hans">`` (so no browser picks Japanese glyphs).

    >>> mark_chinese("Anthropic 与 OpenAI")
    'Anthropic <span lang="zh-Hans">与</span> OpenAI'
    >>> mark_chinese("“原文附后” article")
    '“<span lang="zh-Hans">原文附后</span>” article'
    """
    return CJK_RUN.sub(lambda m: f'<span lang="{lang}">{m.group(0)}</span>', escaped)


MARKDOWN_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>~\"':])")
CODE_SPAN = re.compile(r"(`+)(.+?)\1", re.S)
STRONG = re.compile(r"\*\*(.+?)\*\*")


def markdown_inline(text: str, lang: str = "zh-Hans") -> str:
    """One line of the narrative's Markdown (code spans, backslash escapes, bold) as inline HTML; everything
    else, raw HTML included, is escaped and shown as text.

    >>> markdown_inline(r"Most often `中国` and \\(the\\) <b>x</b> **now**")
    'Most often <code><span lang="zh-Hans">中国</span></code> and (the) &lt;b&gt;x&lt;/b&gt; <strong>now</strong>'
    """
    pieces = CODE_SPAN.split(text)
    out = []
    for k in range(0, len(pieces), 3):
        plain = html.escape(MARKDOWN_ESCAPE.sub(r"\1", pieces[k]), quote=False)
        out.append(STRONG.sub(r"<strong>\1</strong>", plain))
        if k + 2 < len(pieces):
            out.append(f"<code>{html.escape(pieces[k + 2].strip(), quote=False)}</code>")
    return mark_chinese("".join(out), lang)


def page_summary(notebook: Path) -> dict:
    """The title, question and one-line answer of an executed notebook (its first heading, the bold line
    that opens its short answer, and that answer's first bullet, or else the line under the heading)."""
    cells = json.loads(notebook.read_text(encoding="utf-8")).get("cells", [])
    title = question = answer = blurb = ""
    for cell in cells:
        source = "".join(cell.get("source", ""))
        if not title and cell.get("cell_type") == "markdown":
            heading = re.search(r"^#\s+(.+)$", source, re.M)
            title = heading.group(1).strip() if heading else ""
            rest = [line.strip() for line in source[heading.end():].splitlines() if line.strip()] if heading else []
            blurb = rest[0] if rest else ""
        for output in cell.get("outputs", []):
            markdown = output.get("data", {}).get("text/markdown")
            if question or markdown is None:
                continue
            markdown = "".join(markdown) if isinstance(markdown, list) else markdown
            found = QUESTION.search(markdown)
            if found:
                question = found.group("question")
                bullets = BULLET.findall(markdown)
                answer = bullets[0] if bullets else ""
    # a page with no short answer (the briefing) is described by the line under its title
    return {"title": title or notebook.stem, "question": question, "answer": answer or blurb}


def write_index(out_dir: Path, title: str, notebooks: list[Path] | None = None, *, chinese: str = "zh-Hans") -> Path:
    """The report's index.html: the pages in reading order, each with its question and one-line answer
    (read from the executed notebooks in ``notebooks``), then the slides, handout, figures and tables."""
    def links(folder: str, pattern: str) -> str:
        items = sorted((out_dir / folder).glob(pattern))
        return "\n".join(f'<li><a href="{folder}/{p.name}">{html.escape(p.name)}</a></li>' for p in items) or "<li>none</li>"

    executed = notebooks if notebooks is not None else sorted((out_dir / "notebooks").glob("*.ipynb"))
    rows = []
    for notebook in executed:
        summary = page_summary(notebook)
        page = out_dir / "html" / f"{notebook.stem}.html"
        name = mark_chinese(html.escape(summary["title"]), chinese)
        link = f'<a href="html/{page.name}">{name}</a>' if page.is_file() else name
        question = markdown_inline(summary["question"], chinese) if summary["question"] else ""
        answer = markdown_inline(summary["answer"], chinese) if summary["answer"] else ""
        rows.append(f"<li><p class=\"page\">{link}</p>"
                    + (f"<p class=\"question\">{question}</p>" if question else "")
                    + (f"<p class=\"answer\">{answer}</p>" if answer else "") + "</li>")
    pages = "\n".join(rows) or "<li>none</li>"
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>
<link rel="stylesheet" href="fonts/cjk.css">
<style>body{{font-family:var(--jp-content-font-family);max-width:90ch;margin:2em auto;padding:0 1em;line-height:1.5}}
ol.pages>li{{margin-bottom:1em}} .page{{font-weight:600;margin:0}} .question{{font-style:italic;margin:0}} .answer{{margin:0}}</style></head>
<body><h1>{mark_chinese(html.escape(title), chinese)}</h1>
<h2>Read in this order</h2><ol class="pages">{pages}</ol>
<h2>Slides</h2><ul>{links("slides", "*.slides.html")}
{links("slides", "*.pdf")}</ul>
<h2>Figures</h2><ul>{links("figures", "*.png")}</ul>
<h2>Tables</h2><ul>{links("tables", "*.csv")}</ul>
</body></html>
"""
    path = out_dir / "index.html"
    path.write_text(page, encoding="utf-8")
    return path
