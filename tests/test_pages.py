"""helpers.render.pages: the index's inline Markdown and its Chinese marking."""

import json
import re

import nbformat
import pytest
from hypothesis import given, strategies as st

from helpers.render import pages

OUR_TAGS = re.compile(r'</?code>|</?strong>|<span lang="zh-Hans">|</span>')


@given(st.text(alphabet=st.sampled_from(list("ab `*\\<>&\"'()中文 /=")), max_size=40))
def test_inline_markdown_never_lets_markup_through(text):
    rendered = pages.markdown_inline(text)
    assert "<" not in OUR_TAGS.sub("", rendered)


@given(st.text(alphabet=st.sampled_from(list("ab 中文,。1")), max_size=30))
def test_marking_chinese_keeps_the_text(text):
    marked = pages.mark_chinese(text)
    assert OUR_TAGS.sub("", marked) == text
    assert all(pages.CJK_RUN.fullmatch(run) for run in re.findall(r'<span lang="zh-Hans">(.*?)</span>', marked))


def test_a_pages_summary_is_its_title_question_and_first_answer_line(tmp_path):
    notebook = tmp_path / "01-x.ipynb"
    notebook.write_text('{"cells": [{"cell_type": "markdown", "source": ["# 01 · X\\n", "What it is."]},'
                        '{"cell_type": "code", "source": "", "outputs": [{"output_type": "execute_result", "data": '
                        '{"text/markdown": ["**Is it so?**\\n", "\\n", "- Yes: 3 of 4.\\n", "- More."]}}]}]}',
                        encoding="utf-8")
    assert pages.page_summary(notebook) == {"title": "01 · X", "question": "Is it so?", "answer": "Yes: 3 of 4."}
    notebook.write_text('{"cells": [{"cell_type": "markdown", "source": "# 05 · Y\\nThe slides."}]}', encoding="utf-8")
    assert pages.page_summary(notebook) == {"title": "05 · Y", "question": "", "answer": "The slides."}


@given(st.lists(st.sampled_from(['<p title="中">', "</p>", "<script>var s = '中文';</script>", "<title>中</title>",
                                 "中文", "ab", " ", "。", "<style>p::before{content:'中'}</style>"]), max_size=12),
       st.sampled_from(["zh-Hans", "zh-Hant"]))
def test_marking_a_page_touches_only_its_text(pieces, lang):
    page = "".join(pieces)
    marked = pages.mark_languages(page, lang)
    assert marked.replace(f'<span lang="{lang}">', "").replace("</span>", "") == page
    for skipped in re.findall(r"<(?:script|style|title)\b.*?</(?:script|style|title)>|<[^>]*>", page, re.S):
        assert skipped in marked   # tags, scripts, styles and the title are left as they were


def cell(kind, slide, outputs=None, tags=()):
    import nbformat
    made = nbformat.v4.new_code_cell("x") if kind == "code" else nbformat.v4.new_markdown_cell("x")
    if kind == "code":
        made.outputs = outputs or []
    made.metadata["slideshow"] = {"slide_type": slide}
    made.metadata["tags"] = list(tags)
    return made


def test_a_slide_that_showed_nothing_is_left_out_with_its_notes():
    import nbformat
    shown = [{"output_type": "stream", "name": "stdout", "text": "a"}]
    nb = nbformat.v4.new_notebook(cells=[
        cell("code", "-", tags=["injected-parameters"]),      # papermill's: no output
        cell("code", "slide", shown), cell("code", "notes", shown),
        cell("code", "slide"), cell("code", "notes", shown),   # a caveats slide for a document without caveats
        cell("markdown", "slide"), cell("code", "notes", shown)])
    pages.drop_empty_slides(nb)
    assert [(c.cell_type, c.metadata["slideshow"]["slide_type"]) for c in nb.cells] == [
        ("code", "slide"), ("code", "notes"), ("markdown", "slide"), ("code", "notes")]


def test_a_page_is_rendered_from_a_valid_notebook_and_an_invalid_one_is_refused(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.cells.append(nbformat.v4.new_markdown_cell("# A title\n\nA line."))
    nbformat.write(nb, tmp_path / "ok.ipynb")
    for _ in range(2):  # the second with the exporter and the validator built by the first
        page = pages.render(tmp_path / "ok.ipynb", tmp_path / "ok.html").read_text(encoding="utf-8")
        assert "A line." in page
    nb.cells[0]["cell_type"] = "unknown"  # no cell type the schema knows
    (tmp_path / "bad.ipynb").write_text(json.dumps(nb), encoding="utf-8")
    with pytest.raises(nbformat.ValidationError):
        pages.render(tmp_path / "bad.ipynb", tmp_path / "bad.html")
