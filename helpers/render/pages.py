"""Executed notebooks as HTML pages and reveal.js slides that load nothing from the network, and the report's index."""

from __future__ import annotations

import html
from pathlib import Path

from .assets import REVEAL_DIR_NAME

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
