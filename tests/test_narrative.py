"""helpers.render.narrative: document text reaches Markdown as text, whatever it holds."""

import html
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from nbconvert.filters.markdown_mistune import markdown2html_mistune as render_markdown

from helpers.render.narrative import answer, code_of, listing, quotes, text_of

TAG = re.compile(r"<[^>]+>")
# Markdown's and HTML's own syntax, weighted so that examples are full of it
TRICKY = st.lists(st.one_of(st.sampled_from(list("[]()!*_`#|<>&:/\\$~{}-+.@\"'=")), st.sampled_from(
    ["http://a.example/x.png", "javascript:alert(1)", "www.a.example", "<a href='x'>", "<img src=x>", "](", "![", "\n",
     "[r]: http://a.example", "&amp;", "&#60;", "$$", "{{", "}}", "```", "1. ", "# ", "> ", "    "]),
    st.characters(blacklist_categories=("Cs", "Cc"))), max_size=20).map("".join)


def shown(markdown: str) -> str:
    """The text a reader sees in the rendered HTML, whitespace squeezed."""
    return " ".join(html.unescape(TAG.sub(" ", render_markdown(markdown))).split())


@settings(max_examples=300, deadline=None)
@given(TRICKY)
def test_escaped_text_renders_as_itself_and_makes_no_link_image_or_tag(text):
    rendered = render_markdown(f"- said {text_of(text)} here")
    tags = {name.lower() for name in re.findall(r"<([a-zA-Z][\w-]*)", rendered)}
    assert tags <= {"ul", "li", "p", "br"}, rendered
    assert shown(f"- said {text_of(text)} here") == " ".join(f"said {text} here".split())


@settings(max_examples=200, deadline=None)
@given(TRICKY)
def test_a_code_span_shows_its_text_literally(text):
    rendered = render_markdown(f"- {code_of(text)}")
    tags = {name.lower() for name in re.findall(r"<([a-zA-Z][\w-]*)", rendered)}
    assert tags <= {"ul", "li", "p", "code"}, rendered
    assert shown(f"- {code_of(text)}") == " ".join(text.split())


def test_findings_keep_our_own_markup_and_escape_the_documents():
    markdown = answer("What is named?", [f"Named: {listing(['[x](javascript:alert(1))', 'Qwen'])}.",
                                         f"Terms: {listing(['a*b', '`c`'], code=True)}."])
    rendered = render_markdown(markdown)
    assert "<strong>What is named?</strong>" in rendered  # ours: bold, bullets, code spans
    assert rendered.count("<code>") == 2 and "<a " not in rendered
    assert "[x](javascript:alert(1))" in shown(markdown)
    assert "“\\!\\[" in quotes(["![x](y)"])


@pytest.mark.parametrize("text", ["", " ", "`", "``", "a`", "`a"])
def test_code_spans_of_edge_texts(text):
    assert shown(f"- {code_of(text)}") == " ".join(text.split())
