"""helpers.render.pages: the index's inline Markdown and its Chinese marking."""

import re

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
