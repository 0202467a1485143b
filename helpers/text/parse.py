"""Split a document into blocks (one per line) and sentences, by general rules of shape and script.

Parts: the document is read as Chinese commentary, then the English original, then whatever
follows (ads, signatures). The split is the one that best separates Chinese blocks from English
ones (a maximum-drop over a running score), so it depends on no string of any one document.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
import pandas as pd

from ..columns import (
    BLOCK_COLUMNS,
    CONTENT_KINDS,
    NONCONTENT_KINDS,
    PART_COMMENTARY,
    PART_NONCONTENT,
    PART_ORIGINAL,
)
from ..patterns import (
    BARE_URL, BRACKETED_CREDIT, BRACKETED_NEWS_CREDIT, BREADCRUMB_TRAIL, WIRE_CREDIT, BUTTON_COUNT, BUTTON_JOINER, CITED_YEAR, HTML_ONLY, HTML_TAG, IMAGES_ONLY, LINK_TEXT,
    REFERENCE_ENTRY, NEWS_BYLINE, SWITCHER_JOINER, TOC_ENTRY, MONTHS, BYLINE_LEAD, SOCIAL_POST_HEADER, HANDLE_ONLY_LINE, PARAGRAPH_MARKER, CAPTION, CHINESE_CLAUSE_MARK, COMMA_CLAUSE, COUNT_AFTER_LABEL, DATE, DATED_ITEM, DISPLAY_MATH, END_MARK, ENDS_SENTENCE, ENDS_WITH_COLON, ENUMERATOR, EN_END,
    FILE_ENTRY, GLUED_HEADING, RELEASE_HEADING, GLUED_SENTENCE, HAN, HANDLE_AFTER_LABEL, IMAGE_PLACEHOLDER, INITIAL, INNER_SENTENCE_END, LATIN_ACCENTED_LETTER, LATIN_LETTER, LINE, OUTLINE_ENUMERATOR, ENUMERATOR_NUMBER,
    LABELLED_URL, LINK_ENTRY, LINK_ROW_SEPARATOR, LINK_ROW_SEPARATOR_CHARS, NOT_HAN_RUN, PHOTO_CREDIT, PICTOGRAPH, RUN_IN_HEADING, RUN_ON_ITEM, SECTION_NUMBER, SENTENCE_STARTERS,
    TABLE_CELL_MARK, TABLE_ROW, TERMINAL, TITLE_FIELD, TITLE_NUMBER, URL_PARTS, ZH_CLOSE_QUOTE, ZH_END, ZH_OPEN_QUOTE, ZH_QUOTE_INTRODUCERS,
)
from ..patterns import AUTOLINK, CREDIT_LEAD, EPISODE_NUMBER, HTML_LINK, LABELLED_LIST_JOINER, LINK_ROW_REST, MARKDOWN_HEADING, READING_TIME_ZH
from ..patterns import WORD_RUN, literal_not_after, LABELLED_DISCLAIMER, TEAM_CREDIT
from ..patterns import AD_LABEL, CONTACT_LINE, TIMESTAMP_LINE, SUBTITLE_TIMING, STAGE_DIRECTION, THREAD_COMMENT_HEADER, HOME_TRAIL, ENCYCLOPEDIA_SITE_LINE, SEPARATOR_LINE, CALL_WITH_ARROW, SALUTATION_LINE, SIGN_OFF_LINE, REACTION_COUNT_LINE, SORT_MENU_LINE, RELATIVE_TIME_LINE, FOLLOW_WRITER, CONTACT_LABEL, PRESS_RELEASE_LINE, BREADCRUMB_BARS, AFFILIATION_LINE, AFFILIATION_WORD, ARXIV_STAMP, AUTHOR_LIST, EMAIL_ONLY_LINE, QUESTIONS_CONTACT_LINE, FOOTNOTE_MARK_LINE, CODE_FENCE, COMPILED_BY, HASHTAG_LINE, FOLLOW_ACCOUNT, FOLLOW_OUTLET, FOLLOW_PLATFORM, ORIGINAL_APPENDED, REPORTER_LINE, SITE_DISCLAIMER, TRAILING_CREDIT_LABEL, WEIBO_SOURCE, REPRINT_NOTICE
from ..frames import text_array, typed_frame
from ..vocab import CueMatcher, load_cues

EDGE_SPACE = "\t\x0b\x0c \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u2028\u2029\u202f\u205f\u3000\ufeff"


ABBREVIATIONS = frozenset(
    "mr. mrs. ms. dr. prof. sr. jr. st. vs. etc. e.g. i.e. inc. ltd. co. corp. no. fig. approx. "
    "u.s. u.k. u.n. e.u. a.m. p.m. cf. al. ca. jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec.".split()
)
# Abbreviations that close a list and so usually end their sentence when a capital follows.
CLOSING_ABBREVIATIONS = frozenset(["etc."])
#: Abbreviations of 'number' ('No. 5', 'Nos. 3 and 4'): one only before a figure; 'No.' before a word is the answer
#: that ends its sentence ('Is liquid cooling right for everyone? No. For racks under 30 kilowatts…': bilingual review
#: round 20, where the Chinese 不。 was then left with no English to link to and listed as the translator's own).
NUMBER_ABBREVIATIONS = frozenset(["no.", "nos."])
#: What follows a number's abbreviation: a figure, perhaps after '#'.
AFTER_NUMBER_ABBREVIATION = re.compile(r"\s*#?\d")

HEADING_MAX_CHARS = {"zh": 40, "mixed": 60, "en": 100}
LIST_RUN_MAX_CHARS = 300
#: A question that stands as a heading ('What are agents?', '大语言模型是如何训练的？'): one sentence, at most this many
#: English words or Chinese characters, over a longer block that is not a question too.
QUESTION_HEADING_MAX = {"zh": 20, "mixed": 12, "en": 10}
QUESTION_END = re.compile(r"[?？]['\"”’）)]*$")
NONCONTENT_MAX_CHARS = {"zh": 60, "mixed": 100, "en": 200}
BYLINE_MAX_CHARS = 80
#: The longest labelled disclaimer line read as furniture (``LABELLED_DISCLAIMER``).
LABELLED_DISCLAIMER_MAX_CHARS = 240
#: The longest line whose furniture cues ``classify_noncontent`` may read.
_CUED_MAX_CHARS = max(NONCONTENT_MAX_CHARS.values())
#: Where a short line's segments part: a column's name and its byline ('科技夜读 · 文／老周', 'Notes ｜ 作者：…').
CREDIT_SEPARATOR = re.compile(r"\s+[·•|｜]\s+|\s*｜\s*")


@dataclass
class Parsed:
    """Blocks, sentence spans and the repairs made, for one document."""

    blocks: pd.DataFrame
    sentences: pd.DataFrame  # block_id, start, end (document offsets)
    repairs: pd.DataFrame    # position, repair, before, after
    notes: list[str] = field(default_factory=list)
    #: Places checked for a glued unit: every block (a heading run into its paragraph, with or without a space) and
    #: every sentence end inside one; so "none found" can say how many places were looked at.
    seams_examined: int = 0


def detect_lang(text: str) -> str:
    """Name the script a unit is written in: ``zh``, ``en`` or ``mixed``.

    Latin letters count a third of a Han character (an English word carries about what one or
    two characters do), so 'Nathan Lambert 是美国 AI 研究机构…' is zh and 'Kimi K2 模型' is mixed.
    """
    return lang_of_counts(*script_counts(text))


def script_counts(text: str) -> tuple[int, int]:
    """(Han characters, Latin letters) in ``text``."""
    # ASCII letters counted as the bytes left when every other byte of its UTF-8 is deleted (every byte of a longer
    # character is 0x80 or more), accented ones by their own pattern (rare, re skips to them): speed
    latin = len(text.encode("utf-8", "surrogatepass").translate(None, _NOT_ASCII_LETTER))
    if text.isascii():  # and no Han character to count
        return 0, latin
    return len(NOT_HAN_RUN.sub("", text)), latin + len(LATIN_ACCENTED_LETTER.findall(text))


_NOT_ASCII_LETTER = bytes(b for b in range(256) if not (0x41 <= b <= 0x5A or 0x61 <= b <= 0x7A))


def lang_of_counts(han: int, latin: int) -> str:
    """``detect_lang`` of a text with ``han`` Han characters and ``latin`` Latin letters."""
    if han == 0:
        return "en"
    share = han / (han + latin / 3)
    if share >= 0.6:
        return "zh"
    if share <= 0.25:
        return "en"
    return "mixed"


def iter_lines(text: str):
    """Yield (start, end) of each non-blank line with its edge whitespace trimmed."""
    for match in LINE.finditer(text):
        line = match.group()
        stripped = line.strip(EDGE_SPACE)
        if not stripped:
            continue
        start = match.start() + (len(line) - len(line.lstrip(EDGE_SPACE)))
        yield start, start + len(stripped)


@lru_cache(maxsize=None)
def _noncontent_cues() -> CueMatcher:
    """The 'noncontent', 'pictograph_prompt', 'alt_text' and 'credit_line' cues of cues.csv (built once: this runs for every short line). Lines
    are not cut into tokens here, so only their word and substring cues count."""
    cues = load_cues()
    return CueMatcher(cues[cues["category"].isin(["noncontent", "not_noncontent", "pictograph_prompt", "alt_text", "credit_line",
                                                  "image_credit"])], "category")


@lru_cache(maxsize=None)
def _button_row() -> re.Pattern:
    """A line made only of interface buttons (cues.csv's 'button': 赞同, 评论, 在看, Like, Share) and their counts:
    '赞同 1.2k', '35 条评论', '点赞 128 · 在看 46 · 分享 19', '收藏 · 喜欢 · 举报'."""
    button = "(?:" + _button_words().pattern + ")"
    entry = rf"(?:{button}\s*(?:{BUTTON_COUNT})?|(?:{BUTTON_COUNT})\s*{button})"
    return re.compile(rf"^\W{{0,2}}{entry}(?:{BUTTON_JOINER}{entry})*\W{{0,2}}$", re.IGNORECASE)


#: A row of buttons: at most this long.
BUTTON_ROW_MAX_CHARS = 60


def is_button_row(text: str) -> bool:
    """A row of interface buttons: at least two, or one with its count ('赞同 1.2k'); a lone word ('分享') may be a heading.

    >>> is_button_row("点赞 128 · 在看 46 · 分享 19"), is_button_row("赞同 1.2k"), is_button_row("35 comments")
    (True, True, True)
    >>> is_button_row("分享"), is_button_row("我们分享了 3 个例子")
    (False, False)
    """
    core = re.sub("[\u200b-\u200d\u2060\ufeff]+", " ", text).strip()  # Zhihu pastes zero-width spaces between its buttons
    if len(core) > BUTTON_ROW_MAX_CHARS or ENDS_SENTENCE.search(core) or not _button_row().match(core):
        return False
    return bool(re.search(r"\d", core)) or len(_button_words().findall(core)) >= 2


def lone_button(text: str) -> bool:
    """A line that is one interface button's word and nothing else ('Share', '收藏'): alone it may be a heading, beside
    another it is a row of buttons laid out one a line (``furniture_in_context``).

    >>> lone_button("Share"), lone_button(" 收藏 "), lone_button("Share this")
    (True, True, False)
    """
    core = text.strip()
    return len(core) <= BUTTON_ROW_MAX_CHARS and bool(_button_words().fullmatch(core))


@lru_cache(maxsize=None)
def _button_words() -> re.Pattern:
    """The 'button' cues of cues.csv as one alternation, longest first."""
    cues = load_cues()
    words = sorted(cues.loc[cues["category"] == "button", "cue"], key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in words) or r"(?!)", re.IGNORECASE)


#: A reference list's entry: at most this long.
REFERENCE_ENTRY_MAX_CHARS = 300


def reference_entry(text: str, *, cites_address: bool = False) -> bool:
    """An entry of a reference list: a bracketed number, then a cited source (a web address, or a year and no Chinese
    sentence's end): '[1] A. Author, Some Title, 2026.', '[2] https://example.org/a'. A footnote that speaks ('[1] 我们在
    2024 年提出了这个方法。') is the text's own. ``cites_address``: only an entry that cites a web address (read alone,
    without its list's label, a year-citing entry could be an English footnote: '[1] We first tried this in 2024.').

    >>> reference_entry("[1] A. Author, Some Title, 2026."), reference_entry("[2] https://example.org/a")
    (True, True)
    >>> reference_entry("[1] 我们在2024年提出了这个方法。"), reference_entry("[3] see the appendix")
    (False, False)
    >>> reference_entry("[1] A. Author, Some Title, 2026.", cites_address=True)
    False
    """
    core = text.strip()
    if len(core) > REFERENCE_ENTRY_MAX_CHARS or not REFERENCE_ENTRY.match(core):
        return False
    if re.search(r"https?://|www\.", core):
        return True
    # a Chinese citation closes with a full stop ('[4] 路透社的采访，2025年。', '《…》，2022年10月13日。'): no sentence's end
    cited = core[:-1] if core.endswith("。") and ("《" in core or re.search(r"\d+\s*[年月日]。$", core)) else core
    return not cites_address and bool(CITED_YEAR.search(core)) and not re.search(r"[。！？]", cited)


@lru_cache(maxsize=None)
def _reference_labels() -> frozenset[str]:
    """The 'reference_label' cues of cues.csv, lowercased: a label over a list of cited sources."""
    cues = load_cues()
    return frozenset(cues.loc[cues["category"] == "reference_label", "cue"].str.lower())


def label_form(line: str) -> str:
    """A line as the label tests read it: Markdown marks, a closing colon and edge spaces aside, lowercased."""
    return line.strip().strip("#*_ ").rstrip("：:").strip().lower()


def contents_label(line: str) -> bool:
    """A line that is only a table of contents' label (目录, Table of Contents; Markdown marks and a colon aside)."""
    return label_form(line) in _labels("toc_label")


def reference_label(line: str) -> bool:
    """A line that is only a reference list's label (参考资料, References; Markdown marks and a closing colon aside).

    >>> reference_label("参考资料："), reference_label("## References"), reference_label("参考了很多资料。")
    (True, True, False)
    """
    return label_form(line) in _reference_labels()


@lru_cache(maxsize=None)
def _field_labels() -> re.Pattern:
    """A line that opens with a label of cues.csv's byline_field or metadata_field, then a colon or a slash:
    'Title: …', 'URL Source: …', '原文：…', '译者：…', '图／路透'. The group named after the category says which."""
    cues = load_cues()
    groups = []
    for category in ("byline_field", "metadata_field"):
        labels = sorted(cues.loc[cues["category"] == category, "cue"], key=len, reverse=True)
        if labels:
            groups.append(f"(?P<{category}>" + "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in labels) + ")")
    if not groups:
        return re.compile(r"(?!)")
    # the label, then a colon or a slash; or a page-metadata label followed by nothing but a count ('閱讀 18,732')
    # a label in lenticular brackets closes on its bracket as on a colon ('【延伸閱讀】…': bilingual review round 20)
    return re.compile(r"^\W{0,3}(?:" + "|".join(groups) + r")(?:\s*[:：/／|｜]|(?<=[^\W\d_])】|" + COUNT_AFTER_LABEL + ")",
                      re.IGNORECASE)


@lru_cache(maxsize=None)
def _context_cues() -> CueMatcher:
    """The 'section_label' cues (a line that is only a label of the writer's outline, 'Summary', '要点总结：', is a
    heading) and 'figure_caption' cues (a paragraph right below an image placeholder that describes a figure is its
    caption) of cues.csv; lines are not cut into tokens, so only word and substring cues count."""
    cues = load_cues()
    return CueMatcher(cues[cues["category"].isin(["section_label", "figure_caption"])], "category")


#: A field line ('Title: …', '原文：…') longer than this is a paragraph that happens to open with the word.
FIELD_LINE_MAX_CHARS = 200
#: A caption longer than this is a paragraph that opens with 'Table 1.'.
CAPTION_MAX_CHARS = 400
#: ... in Latin script, where the same caption takes about three letters for each Chinese character ('Figure 1: …'
#: describing a diagram in five sentences runs to 500 letters while its Chinese twin stays under 400 characters).
CAPTION_MAX_LATIN_CHARS = 800
#: A row of links: each entry at most this long.
LINK_ROW_ENTRY_MAX_CHARS = 40
#: A line led by an emoji and carrying a prompt cue: at most this long (a menu entry, not a paragraph).
PICTOGRAPH_LINE_MAX_CHARS = 80
#: ... whose cue starts within this many characters opens with the call (the emoji, a variation selector, a space).
PICTOGRAPH_CALL_OPENING = 3
#: An alt text ('Visual Gif of decoding'): at most this long; longer, it is an alt text glued to a paragraph.
ALT_TEXT_MAX_CHARS = 60
#: What may follow a prompt's call at the end of its line (punctuation, emoji, space).
PROMPT_CLOSING = EDGE_SPACE + "。！!.~～）)" + "\u2b50\ufe0f"
#: A furniture-length line at least this long that ends as a sentence reads as prose: a prompt's cue counts in it only
#: where it opens a sentence (within ``PROMPT_OPENING_CHARS``) or closes the line (a red-team note, wave 10).
#: English only: a Chinese post's closing prompt runs long and strings its calls together ('觉得有用的话，欢迎点赞、在看，
#: 并分享到朋友圈…'), where an English one opens with its call.
PROSE_SENTENCE_MIN_CHARS = {"en": 80}
PROMPT_OPENING_CHARS = 24
#: A transcript's speaker label opening a line ('PRIYA RAMAN: ', 'Host: '): what follows opens a sentence.
SPEAKER_LABEL = re.compile(r"^(?:[A-Z][A-Z.'’-]*(?: [A-Z][A-Z.'’-]*){0,3}|[A-Z][a-z]+(?: [A-Z][a-z]+)?):\s+")
#: Where a line's next sentence opens: after a full stop, question or exclamation mark and any closing mark or space.
SENTENCE_BREAK = re.compile(r"[。！？!?]['\"”’）)]*\s*|\.['\"”’)]*\s+(?=[A-Z])")


def is_link_row(text: str) -> bool:
    """A row of links: entries joined by '•', by '|' or '·' when every entry opens with an emoji, or by any of them
    when every entry is a link ('[Paper](https://…) | [Code](https://…)'). A table row ('7B | 🤗 Baichuan2-7B-Base |
    …', 'GPUs | OPT-13B | …') is content: its entries do not all open with one; so is a name written with a middle dot.

    >>> is_link_row("🤗 Model hub • 🤖 Mirror site • 💬 Chat group"), is_link_row("Model | Params | Date")
    (True, False)
    >>> is_link_row("[Paper](https://example.org/p) · [Code](https://example.org/c)"), is_link_row("马克·吐温")
    (True, False)
    """
    if text.startswith(("|", "｜")) or not _LINK_ROW_MARK.search(text):  # one entry
        return False
    entries = [e for e in LINK_ROW_SEPARATOR.split(text)]
    if len(entries) >= 2 and all(LINK_ENTRY.match(e) for e in entries):
        return True  # '[Paper](https://…) | [Blog](https://…)', 'https://… · https://…': links and nothing else
    if len(entries) < 2 or any(not e or len(e) > LINK_ROW_ENTRY_MAX_CHARS or TERMINAL.search(e) for e in entries):
        return False
    if "•" in text:
        return True
    return all(PICTOGRAPH.match(e) for e in entries)


@lru_cache(maxsize=None)
def _labels(category: str) -> frozenset[str]:
    """The cues of one category of cues.csv, lowercased: lines compared whole (language names, a contents label)."""
    cues = load_cues()
    return frozenset(cues.loc[cues["category"] == category, "cue"].str.lower())


#: The characters ``SWITCHER_JOINER`` joins on: a line holding none of them (nor a link) is no switcher of two entries.
SWITCHER_JOINER_CHARS = "|｜/•·"
#: A link's opening bracket or one of those characters, in one search (a line has one or is refused at once).
_SWITCHER_HINT = re.compile(f"[{re.escape('[' + SWITCHER_JOINER_CHARS)}]")
#: One of a link row's separators (``LINK_ROW_SEPARATOR_CHARS``), in one search.
_LINK_ROW_MARK = re.compile(f"[{re.escape(LINK_ROW_SEPARATOR_CHARS)}]")


def is_language_switch(text: str) -> bool:
    """A row of the languages a page is offered in (cues.csv's 'language_name'), joined by '|', '/' or '•', maybe as
    links: 'English | 简体中文', '[English](README_EN.md) | 中文'; or one link to the page in another language
    ('[English](README_EN.md)', '[中文文档](README_zh.md)'). A sentence that names two languages is not.

    >>> is_language_switch("English | 简体中文"), is_language_switch("[中文](README.md) ｜ English")
    (True, True)
    >>> is_language_switch("中文 / 英文 两种版本都有"), is_language_switch("English"), is_language_switch("[中文文档](zh.md)")
    (False, False, True)
    >>> is_language_switch("中文 |"), is_language_switch("| English"), is_language_switch("|")
    (True, True, False)
    """
    if not _SWITCHER_HINT.search(text):
        return False  # neither a link nor a joiner: one entry (speed: most lines; the patterns below need one)
    names = _labels("language_name")
    single = LINK_TEXT.fullmatch(text.strip())
    if single:  # one link to the page in another language: '[English](README_EN.md)', '[中文文档](README_zh.md)'
        return re.sub(r"\s*(?:版本|版|文档|文檔|version|readme)$", "", single.group(1).strip(), flags=re.I).lower() in names
    entries = SWITCHER_JOINER.split(LINK_TEXT.sub(r"\1", text).strip())
    # a switcher spread over lines leaves a name and its separator on a line ('<b>中文</b> |'): the empty side is the row's
    named = [e for e in entries if e.strip()]
    return len(entries) >= 2 and bool(named) and all(e.strip().strip("*_").lower() in names for e in named)


#: A letter, digit or character of any script: a line without one is ornament (compiled once: this runs on every line).
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")


def is_markup_line(text: str) -> str | None:
    """The furniture kind of a line made only of markup: HTML tags (an image's is its placeholder), a row of
    Markdown images (a README's badges), a table of contents' anchor link, or ornament with no letter, digit or
    character ('* * *', '———'), a code fence and display math aside ('```', '$$' belong to what they open), and a table's
    rule alone on its line ('|---|---|'); else None.

    >>> is_markup_line('<div align="center">'), is_markup_line('<img src="a.png"/>'), is_markup_line("- [简介](#简介)")
    ('boilerplate', 'image_placeholder', 'boilerplate')
    >>> is_markup_line("* * *"), is_markup_line("|---|---|"), is_markup_line("<3 this model")
    ('boilerplate', 'boilerplate', None)
    """
    core = text.strip()
    if HTML_ONLY.match(core):
        return "image_placeholder" if re.search(r"<img\b", core, re.IGNORECASE) else "boilerplate"
    if IMAGE_PLACEHOLDER.match(core):
        return "image_placeholder"  # one picture: the short line below it is its caption
    if IMAGES_ONLY.match(core) or TOC_ENTRY.match(core):
        return "boilerplate"
    if len(core) >= 3 and not core.startswith(("|", "｜", "`", "~", "$", "\\")) and not _LETTER_OR_DIGIT.search(core):
        return "boilerplate"
    if TABLE_RULE_LINE.match(core):  # a table's rule alone on its line, its rows lines of their own: layout, no sentence
        return "boilerplate"
    return None


#: A Markdown table's rule row alone ('|---|---|', '| :--- | ---: |').
TABLE_RULE_LINE = re.compile(r"^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?$")


def is_html_link_row(text: str) -> bool:
    """A line of HTML links and nothing else but their separators: two or more ('<a href="a.md">English</a> · <a …>日本語
    </a>'), or one that points inside the page ('<a href="#install">Install</a> |': a contents row a README spreads over
    lines; a back-to-top link) or stands before or after a separator. One link to another page alone on its line may
    be the text's own (a download, a paper).

    >>> is_html_link_row('<a href="#install">Install</a> |'), is_html_link_row('<p><a href="#top">⬆ Back to top</a></p>')
    (True, True)
    >>> is_html_link_row('<a href="https://example.org/p.pdf">Paper</a>'), is_html_link_row('See <a href="#x">below</a>.')
    (False, False)
    """
    links = HTML_LINK.findall(text)
    if not links:
        return False
    rest = HTML_TAG.sub("", HTML_LINK.sub("", text))
    if not LINK_ROW_REST.match(rest):
        return False
    return len(links) >= 2 or all(href.startswith("#") for href, _ in links) or bool(rest.strip())


def is_markdown_link_row(text: str) -> bool:
    """Two or more Markdown links and nothing else but spaces or separators: '[Paper](https://…) [Code](https://…)'
    (a row of links the README sets apart by spaces alone). A table row and a list item are content; so is a link
    inside a sentence.

    >>> is_markdown_link_row("[Paper](https://example.org/p) [Code](https://example.org/c)")
    True
    >>> is_markdown_link_row("See [the paper](https://example.org/p) and [code](https://example.org/c)."), is_markdown_link_row("[Paper](p)")
    (False, False)
    """
    core = text.strip()
    if core.startswith(("|", "｜")) or "](" not in core:
        return False
    links = LINK_TEXT.findall(core)
    return len(links) >= 2 and bool(LINK_ROW_REST.match(LINK_TEXT.sub("", core)))


@lru_cache(maxsize=None)
def _list_labels() -> re.Pattern:
    """The 'list_label' cues of cues.csv (标签, 发布于, Tags, Posted in, Share) as a line's opening, longest first."""
    cues = load_cues()
    labels = sorted(cues.loc[cues["category"] == "list_label", "cue"], key=len, reverse=True)
    if not labels:
        return re.compile(r"(?!)")
    # a colon after the label; a space only after a label that ends in a preposition ('Posted in', 'Filed under',
    # '发布于'): 'Share' or 'Tags' then a space opens a sentence as often as a list ('Share the load, and …')
    spaced = [c for c in labels if re.search(r"(?:\s(?:in|under|on)|[于於])$", c, re.IGNORECASE)]
    pattern = (r"^\W{0,3}(?:(?:" + "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in labels) + r")\s*[:：]\s*"
               + (r"|(?:" + "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in spaced) + r")\s+" if spaced else "") + ")")
    return re.compile(pattern, re.IGNORECASE)


#: A labelled list of tags, categories or share targets: at most this long in all, and each entry at most this long.
LABELLED_LIST_MAX_CHARS = 100
LABELLED_LIST_ENTRY_MAX_CHARS = 30


def is_labelled_list(text: str) -> bool:
    """A post's tags, categories or share targets after their label (cues.csv's 'list_label'): two or more short
    entries and no sentence's end ('标签：存储 · 可靠性', 'Posted in Engineering, Reliability', 'Share: Twitter · LinkedIn').
    A sentence that opens with the word is not ('Tags are stored with each record.').

    >>> is_labelled_list("标签：存储 · 可靠性 · 数据库"), is_labelled_list("Posted in Engineering, Reliability")
    (True, True)
    >>> is_labelled_list("Tags: storage"), is_labelled_list("Share the load, and split the work")
    (False, False)
    """
    core = text.strip()
    if len(core) > LABELLED_LIST_MAX_CHARS:
        return False
    label = _list_labels().match(core)
    if not label or ENDS_SENTENCE.search(core):
        return False
    entries = LABELLED_LIST_JOINER.split(core[label.end():].strip())
    # each entry a name: short, at most three words, a Latin one capitalised ('Storage', 'Copy link'; not 'and share …')
    return len(entries) >= 2 and all(
        0 < len(e) <= LABELLED_LIST_ENTRY_MAX_CHARS and not TERMINAL.search(e) and len(e.split()) <= 3
        and (HAN.search(e[0]) is not None or not e[0].isalpha() or e[0].isupper()) for e in entries)


#: A show's or podcast's episode line: at most this long.
EPISODE_LINE_MAX_CHARS = 80
#: After an episode's number, a colon and a title of its own (three words or more, or four Han characters): the line
#: titles the episode ('Night Shift, Episode 9: Why the buses stopped running'), the transcript's heading.
EPISODE_TITLE_AFTER = re.compile(r"^\s*[:：]\s*(?:\S+\s+){2,}\S+|^\s*[:：]\s*(?:[^\x00-\x7f]\s*){4,}")


def is_episode_line(text: str) -> bool:
    """A podcast's or show's line naming an episode by its number, with a show's name or a label beside it and no
    sentence's end: 'The Lantern · Episode 112', '🎧 收听本期播客：某某夜话 · 第 37 期'. A sentence that mentions an
    episode ('我们在第 37 期节目里聊过这件事。') is content.

    >>> is_episode_line("The Lantern · Episode 112"), is_episode_line("🎧 Listen: Night Shift · Ep. 4")
    (True, True)
    >>> is_episode_line("We covered this in Episode 12."), is_episode_line("Episode 3")
    (False, False)

    An episode's own title after its number and a colon is the transcript's title, not furniture:

    >>> is_episode_line("Night Shift, Episode 9: Why the buses stopped running")
    False
    >>> is_episode_line("北极光AI首席科学家：规模定律、欧洲算力与智能体的未来 | The Compute Hour 第58期")
    False
    """
    core = text.strip()
    # the length first: the episode's number is searched for in a short line only (a search over every content
    # line, most of them longer than an episode's, cost the seed 1.5% of its extraction)
    if len(core) > EPISODE_LINE_MAX_CHARS:
        return False
    number = EPISODE_NUMBER.search(core)
    if ENDS_SENTENCE.search(core) or not number:
        return False
    if EPISODE_TITLE_AFTER.match(core[number.end():]):
        return False
    # ... or before its show's name and number ('【中英字幕】某某首席科学家：规模定律与智能体的未来 | The Compute Hour 第58期':
    # a subtitled video's title, bilingual review round 14)
    bars = [m.start() for m in re.finditer(r"[|｜]", core[:number.start()])]
    if bars and (len(HAN.findall(core[:bars[-1]])) >= EPISODE_TITLE_MIN_HAN
                 or len(WORD_RUN.findall(core[:bars[-1]])) >= EPISODE_TITLE_MIN_WORDS):
        return False
    # the show's name, a comma and the number closing the line ('The Long Context, Episode 147': bilingual review round 20)
    comma_show = bool(re.search(r"[A-Za-z\u4e00-\u9fff]\s*[,，]\s*$", core[:number.start()])) and not core[number.end():].strip()
    return bool(re.search(r"[·•|｜:：]", core)) or bool(PICTOGRAPH.match(core)) or comma_show


#: A title before a show's name and episode number, parted by a bar, has at least this many Han characters or words.
EPISODE_TITLE_MIN_HAN = 10
EPISODE_TITLE_MIN_WORDS = 6


#: The endings of a news organisation's Chinese name (法新社, 聯合報, 新華網, 電視台, 中央電): a bracketed name that ends so
#: is a credit.
AGENCY_NAME_ENDINGS = ("社", "報", "报", "網", "网", "台", "電", "电", "新聞", "新闻")


def bracketed_agency(text: str) -> bool:
    """A bracketed credit alone on its line names a news organisation: in Latin script every word capitalised ('(AFP)',
    '(Reuters)'), in Chinese a name with an agency's ending (（法新社）) or a wire's short name (cues.csv's
    'news_agency': （路透）, （彭博）). A bracketed stage direction or note (（笑）, '(laughs)', （掌声）) is the text's own.

    >>> bracketed_agency("（法新社）"), bracketed_agency("(AFP)"), bracketed_agency("（路透）")
    (True, True, True)
    >>> bracketed_agency("（笑）"), bracketed_agency("(laughs)"), bracketed_agency("（掌声）")
    (False, False, False)
    """
    inner = text.strip()[1:-1].strip()
    if not HAN.search(inner):
        words = inner.split()
        return bool(words) and all(w[0].isupper() for w in words)
    return inner.endswith(AGENCY_NAME_ENDINGS) or inner.lower() in _labels("news_agency")


#: The separators a date line's parts are joined by: not words ('Build Mode · November 12, 2026 · 71 min').
DATE_LINE_SEPARATORS = frozenset({"·", "•", "|", "｜", "-", "–", "—"})
#: A Chinese reading-time line: at most this long ('本文约 1800 字，阅读需要 5 分钟').
READING_TIME_MAX_CHARS = 40
#: A credit or source line by its opening words ('Originally published in …, Winter 2026 issue.'): at most this long.
CREDIT_LINE_MAX_CHARS = 120


def _furniture_after_credit(text: str) -> bool:
    """Whether every sentence after a credit's first is the site's furniture too: its disclaimer (不代表本站立场) or a
    notice against reposting (未经允许不得转载; bilingual review round 21: a 虎嗅 repost's closing credit line).

    >>> _furniture_after_credit("本文来自微信公众号：某号（ID：abc），作者：某某。本内容为作者独立观点，不代表虎嗅立场。"
    ...                         "未经允许不得转载，授权事宜请联系hezuo@huxiu.com")
    True
    >>> _furniture_after_credit("本文转载自某刊。作者认为，这笔账算得太漂亮了。")
    False
    """
    rest = [s.strip() for s in re.split(r"[。！？]", text)[1:] if s.strip()]
    return bool(rest) and all(SITE_DISCLAIMER.match(s) or REPRINT_NOTICE.match(s) for s in rest)


def is_reading_time(text: str) -> bool:
    """A Chinese post's reading-time line: short, a number of minutes after 阅读, and no sentence's end but where the
    line speaks of the post itself (本文, 全文).

    >>> is_reading_time("本文约 1800 字，阅读需要 5 分钟"), is_reading_time("全文约 2000 字，阅读时间约 6 分钟。")
    (True, True)
    >>> is_reading_time("很多人阅读 10 分钟就会走神。"), is_reading_time("读完这本书需要 30 分钟")
    (False, False)
    """
    core = text.strip()
    if len(core) > READING_TIME_MAX_CHARS or not READING_TIME_ZH.search(core):
        return False
    return not ENDS_SENTENCE.search(core) or core.startswith(("本文", "全文"))


def dated_clause(text: str) -> bool:
    """A short line with a date that reads as a sentence: it ends as one, or a Chinese clause mark parts it, and the
    date is not what closes it ('…，最后更新于 2026-08-15。' dates the page). A Chinese line holds no spaces, so the
    word count that tells an English date line from a sentence says nothing there.

    >>> dated_clause("2025年3月1日，示例公司发布了新模型。"), dated_clause("记者 王明 2024年5月7日")
    (True, False)
    >>> dated_clause("On March 1, 2025, the lab released a model."), dated_clause("Night Shift · March 3, 2026 · 48 min")
    (True, False)
    >>> dated_clause("本文由志愿者翻译，最后更新于 2026-08-15。")
    False

    Three dates or more are a schedule, a sentence (bilingual review round 14: a rule's effective, compliance and
    comment dates were set aside as the page's date line).

    >>> dated_clause("新规于2026年11月15日生效，合规截止日为2027年1月15日，征询期至2026年12月15日。")
    True
    """
    if not (ENDS_SENTENCE.search(text) or CHINESE_CLAUSE_MARK.search(text)):
        return False
    dates = list(DATE.finditer(text))
    if len(dates) >= 3:
        return True  # a schedule ('…生效，截止日为…，征询期至…。'): several dates make a sentence, not a page's date
    last = dates[-1] if dates else None
    return last is None or bool(_LETTER_OR_DIGIT.search(text[last.end():]))


#: A Chinese site's filing number (浙ICP备12345678号, 京公网安备 11010802012345号): its footer, whatever else it holds.
SITE_FILING = re.compile(r"(?:ICP[备證证]|公网安备|公網安備)\s*\d{6,}")
SITE_FOOTER_MAX_CHARS = 200
#: The longest line whose shape alone (``_line_shapes``) may make it furniture: the shapes are short lines'.
LINE_SHAPE_MAX_CHARS = 120


@lru_cache(maxsize=None)
def _line_shapes() -> re.Pattern:
    """The short lines' furniture shapes as one alternation, read in one call per line (a call per pattern cost the
    seed's extraction 7%): each alternative a named group whose name says the kind (boilerplate…, byline…)."""
    shapes = {"boilerplate_time": RELATIVE_TIME_LINE, "byline_comment": THREAD_COMMENT_HEADER,
              "boilerplate_trail": HOME_TRAIL, "boilerplate_site": ENCYCLOPEDIA_SITE_LINE, "byline_sign_off": SIGN_OFF_LINE,
              "boilerplate_separator": SEPARATOR_LINE, "boilerplate_reactions": REACTION_COUNT_LINE,
              "boilerplate_sort": SORT_MENU_LINE, "boilerplate_call": CALL_WITH_ARROW, "boilerplate_salutation": SALUTATION_LINE,
              "byline_post": SOCIAL_POST_HEADER, "boilerplate_paragraph_marker": PARAGRAPH_MARKER}
    def scoped(pattern: re.Pattern) -> str:
        return f"(?i:{pattern.pattern})" if pattern.flags & re.IGNORECASE else f"(?:{pattern.pattern})"
    return re.compile("|".join(f"(?P<{name}>\\s*{scoped(p)})" for name, p in shapes.items()))


#: A line whose prompt follows a sentence of its own of at least this many words is that sentence's line.
PROSE_BEFORE_PROMPT_WORDS = 8


def _prose_before_prompt(text: str, cue_start: int) -> bool:
    """Whether a full sentence of at least PROSE_BEFORE_PROMPT_WORDS words (or as many Han characters times two) ends
    before the sentence that holds the prompt's cue starting at ``cue_start``.

    >>> _prose_before_prompt("6/6 Engineers who refuse to learn it may well be replaced. That's all, thanks for reading.", 74)
    True
    >>> _prose_before_prompt("Thanks for reading! Subscribe for more.", 0)
    False
    """
    openings = [m.end() for m in SENTENCE_BREAK.finditer(text, 0, cue_start)]
    if not openings:
        return False
    before = text[:openings[-1]]
    return len(WORD_RUN.findall(before)) >= PROSE_BEFORE_PROMPT_WORDS or len(HAN.findall(before)) >= 2 * PROSE_BEFORE_PROMPT_WORDS


def classify_noncontent(text: str, *, lang: str | None = None, cues: list | None = None) -> str | None:
    """Return the furniture kind of a line shaped like furniture, else None.

    image_placeholder: an image's placeholder alone on its line ('Image 1', '![alt](src)'); caption: a figure's or
    table's caption and an image's alt text ('Figure 2. …', 'Visual Gif of decoding'); byline: bylines and credits
    ('By …', 'Written by …', '作者：', '译者：@…'); boilerplate: navigation, link rows, page metadata ('Title: …',
    'URL Source: …', '原文：…', a bare URL, a folder's file list), prompts and ads (cues.csv). A numbered line
    ('5. 免责声明与责任限制') is the document's own structure, never furniture; so is a dated news item
    ('2022-06-01: Our technical report is out!'). ``lang``: the line's ``detect_lang``, if known; ``cues``: the
    line's furniture cues (``_noncontent_cues().find(text)``), if already found (``parse_document`` finds every line's
    in one pass).
    """
    markup = is_markup_line(text)  # a contents entry may be a list item ('- [简介](#简介)'): read before the enumerator
    if markup:
        return markup
    if END_MARK.match(text):  # '- END -' opens like a list item
        return "boilerplate"
    if "<" in text and any(not AUTOLINK.match(tag.group()) for tag in HTML_TAG.finditer(text)):
        # a line with HTML: a row of links, or furniture once its links are read as Markdown's and its other tags as
        # the text they wrap ('<a href="README.md">English</a> · <b>简体中文</b>': a language switcher; '🤗 <a …>Hub</a> |
        # 🤖 <a …>Mirror</a>': a row of links)
        if text.startswith("<") and is_html_link_row(text):
            return "boilerplate"
        markdown = HTML_LINK.sub(lambda m: "[" + HTML_TAG.sub("", m.group(2)).strip() + "](" + m.group(1) + ")", text)
        inner = re.sub(r"\s+", " ", HTML_TAG.sub(lambda m: m.group() if AUTOLINK.match(m.group()) else " ", markdown)).strip()
        if inner and not inner.startswith("<") and inner != text:
            return classify_noncontent(inner)
    if ENUMERATOR.match(text) or DATED_ITEM.match(text):
        return None
    if IMAGE_PLACEHOLDER.match(text):
        return "image_placeholder"
    if END_MARK.match(text):
        return "boilerplate"
    if REPORTER_LINE.match(text) or COMPILED_BY.match(text):  # '記者 何某某', '本文由某某编译': bylines
        return "byline"
    if ARXIV_STAMP.match(text) or TIMESTAMP_LINE.match(text):
        return "boilerplate"  # a paper's stamp; a transcript's time stamp
    shape = _line_shapes().match(text) if len(text) <= LINE_SHAPE_MAX_CHARS else None
    if shape:
        # one pass over the short lines' shapes: 'Updated 3 hours ago', '——', '👍❤️💡 2,417', 'Most relevant ▾', 'Sign
        # the letter →', 'Team,', 'Home > Help > FAQ', 'From X, the free encyclopedia' (boilerplate); 'kestrel_dev 3
        # days ago | parent | next [–]', '— Dana', 'Ann Lee @annlee · Nov 18' (bylines: a comment's writer and time, a
        # memo's sign-off, a thread's post header)
        return "byline" if shape.lastgroup.startswith("byline") else "boilerplate"
    if PRESS_RELEASE_LINE.match(text):  # a wire's credit, a contact block's label and telephone, the safe harbour
        return "boilerplate"
    if CONTACT_LINE.match(text) or QUESTIONS_CONTACT_LINE.match(text):  # 'Investor contact: Ann Lee, ir@…': who to
        # call, as a byline says who wrote; 'Questions? Contact policy@…' (round 16)
        return "byline"
    if ORIGINAL_APPENDED.fullmatch(text.strip()):  # '以下为原文：', '（原文如下）' alone: the way to the original
        return "boilerplate"
    if len(text) <= BYLINE_MAX_CHARS and (AUTHOR_LIST.match(text) or EMAIL_ONLY_LINE.match(text)
                                          or FOOTNOTE_MARK_LINE.match(text)
                                          or (AFFILIATION_LINE.match(text) and AFFILIATION_WORD.search(text))):
        return "byline"  # a paper's authors, their affiliations and addresses, and its footnotes on them
    if FOLLOW_OUTLET.match(text) and len(text) <= NONCONTENT_MAX_CHARS["zh"]:  # '关注某某，获取更多…': a prompt
        return "boilerplate"
    if HASHTAG_LINE.match(text):  # '#程序员# #人工智能#': a post's topic tags
        return "boilerplate"
    if (BRACKETED_CREDIT.match(text) and bracketed_agency(text)) or BRACKETED_NEWS_CREDIT.match(text) \
            or WIRE_CREDIT.match(text):
        return "byline"
    # a caption may sit inside HTML tags or a quote ('<p align="center"><b>Figure 2:</b> …</p>', '> 图 1：…')
    bare = re.sub(r"^>\s*", "", HTML_TAG.sub("", text).strip()) if text.startswith(("<", ">")) else text
    if len(bare) <= (CAPTION_MAX_CHARS if HAN.search(bare) else CAPTION_MAX_LATIN_CHARS) and CAPTION.match(bare):
        return "caption"
    if len(text) <= FIELD_LINE_MAX_CHARS:
        field = _field_labels().match(text)
        if not field and len(text) <= BYLINE_MAX_CHARS:
            # a column's or show's name, then the credit: '科技夜读 · 文／老周', 'Weekly Notes | By: …'
            field = next(filter(None, (_field_labels().match(part) for part in CREDIT_SEPARATOR.split(text)[1:])),
                         None)
        if field and field.group("byline_field") and QUESTION_END.search(text.rstrip()):
            field = None  # '记者：你们为什么开源？': the label names an interview's speaker, and a credit asks nothing
        if field:
            return "byline" if field.group("byline_field") else "boilerplate"
        if HANDLE_AFTER_LABEL.search(text) and len(text) <= BYLINE_MAX_CHARS:
            return "byline"
        if FILE_ENTRY.match(text) or BARE_URL.match(text) or LABELLED_URL.match(text):
            return "boilerplate"
    # a release's heading: a versioned name and its date (Corvid-3.2 (October 14, 2026), v2.1.0 – 2026-03-01)
    release_heading = RELEASE_HEADING.match(text)
    if re.fullmatch(rf"\s*{MONTHS}\s+\d{{4}}\s*|\s*\d{{4}}\s*年\s*\d{{1,2}}\s*月\s*", text):
        return "byline"  # a dateline of a month alone ('April 2026', '2026年4月') under a byline
    if re.fullmatch(rf"\s*[A-Z][\w&'’ -]{{0,30}}?\s*[|｜·•]\s*{MONTHS}\s+\d{{4}}\s*", text):
        return "boilerplate"  # a section's kicker and the issue's month over the headline ('Technology | October 2026')
    if len(text) <= BYLINE_MAX_CHARS and (BYLINE_LEAD.search(text) or NEWS_BYLINE.match(text)
            or (DATE.search(text) and re.search(r"[|·•｜]\s*By\s+[A-Z]", text)) or (not release_heading and
            DATE.search(text) and len([w for w in (READ_TIME_TAIL.sub("", text) if NAME_OPENING.match(text) else text).split()
                                       if not (w in BYLINE_SEPARATORS and BY_FIELD.search(text))]) <= 8
            and not DATED_ITEM.match(text) and not dated_clause(text))):
        return "byline"
    if len(text) <= BYLINE_MAX_CHARS and not NAME_OPENING.match(text) and PUBLISHING_LINE.match(text):
        return "boilerplate"
    if len(text) <= BYLINE_MAX_CHARS and HAN.search(text) and TOPIC_ROW.match(text):
        return "boilerplate"  # a question's topic tags ('人工智能 · 大模型 · 创业': a Zhihu page, round 15)
    if len(text) <= BYLINE_MAX_CHARS and STAR_RATING.search(text) and DATE.search(text):
        return "byline"  # a review site's reviewer, rating and time ('北窗读书人 评论 《…》 ★★★★☆ 2026-03-14 18:22')
    if len(text) <= BYLINE_MAX_CHARS and not ENDS_SENTENCE.search(text) and (
            WEIBO_SOURCE.search(text) or TRAILING_CREDIT_LABEL.search(text)):
        return "byline"  # '11-27 22:41 来自 iPhone客户端', '◎ 林小明／文　王大華／譯'
    if len(text) <= LABELLED_DISCLAIMER_MAX_CHARS and LABELLED_DISCLAIMER.match(text):
        return "boilerplate"  # '*免责声明：本文由作者原创。…转载仅为了传达一种不同的观点，不代表…'
    if len(text) <= NONCONTENT_MAX_CHARS["zh"] and (SITE_DISCLAIMER.match(text) or FOLLOW_ACCOUNT.search(text)
                                                   or FOLLOW_PLATFORM.search(text)):
        return "boilerplate"  # '本報刊出之評論文章，不代表本報立場。', '了解更多信息，请关注…官方微信公众号。'
    follow_writer = FOLLOW_WRITER.search(text) if len(text) <= NONCONTENT_MAX_CHARS["zh"] else None
    if follow_writer and not _prose_before_prompt(text, follow_writer.start()):
        return "boilerplate"  # '记得关注我～', '点个关注不迷路': a call to follow the writer, after no sentence of its own
    if is_link_row(text) or is_button_row(text) or reference_entry(text, cites_address=True) or is_language_switch(text):
        return "boilerplate"
    if len(text) <= SITE_FOOTER_MAX_CHARS and ("备" in text or "備" in text) and SITE_FILING.search(text):
        return "boilerplate"  # a Chinese site's footer with its ICP or public-security filing number (review round 13)
    if is_labelled_list(text) or is_episode_line(text) or is_reading_time(text) or is_markdown_link_row(text):
        return "boilerplate"
    # a credit is one sentence: a line that goes on after it (本文译自…。Corvid系列是…) is the writer's paragraph
    if len(text) <= CREDIT_LINE_MAX_CHARS and CREDIT_LEAD.match(text) and (
            not re.search(r"[。！？][^。！？]{8,}", text) or _furniture_after_credit(text)):
        return "byline"  # 'Illustration by …', 'Edited by …', 'Originally published in …', '本文首发于…'

    lang = lang or detect_lang(text)
    # a Markdown heading ('## 联系我们') is the text's own structure: a prompt's words in it are its title's
    if len(text) <= max(NONCONTENT_MAX_CHARS["mixed"], NONCONTENT_MAX_CHARS[lang]) and not MARKDOWN_HEADING.match(text):
        found = _noncontent_cues().find(text) if cues is None else cues
        # a look-alike ('阅读原文前，…': before reading the original, not the prompt to read it) hides the cues it covers
        blocked = [(s, e) for s, e, label in found if label == "not_noncontent"]
        found = [(s, e, label) for s, e, label in found
                 if label != "not_noncontent" and not any(bs <= s and e <= be for bs, be in blocked)]
        if len(text) > NONCONTENT_MAX_CHARS[lang]:
            # longer than a furniture line of its script: only a prompt that ends the line with its call counts
            # ('…如果喜欢我们的成果，请在 Repo 上点⭐。'); a cue inside a longer sentence is the sentence's own word
            closing = len(text.rstrip(PROMPT_CLOSING))
            found = [(s, e, label) for s, e, label in found if label == "noncontent" and e >= closing]
        elif lang in PROSE_SENTENCE_MIN_CHARS and len(text) >= PROSE_SENTENCE_MIN_CHARS[lang] and ENDS_SENTENCE.search(text):
            # a long sentence that ends as prose: a prompt opens a sentence with its call or closes the line with it
            # ('Subscribe to …', 'You can also follow us on …', '… become a subscriber.'); a cue well inside it is the sentence's own word ('… existing
            # subscribers upgrade at no cost.')
            closing = len(text.rstrip(PROMPT_CLOSING))
            speaker = SPEAKER_LABEL.match(text)  # a transcript's turn ('PRIYA RAMAN: This episode is brought …')
            openings = [0] + ([speaker.end()] if speaker else []) + [m.end() for m in SENTENCE_BREAK.finditer(text)]
            found = [(s, e, label) for s, e, label in found if label != "noncontent" or e >= closing
                     or any(0 <= s - o <= PROMPT_OPENING_CHARS for o in openings)]
        labels = {label for _, _, label in found}
        if "noncontent" in labels and _prose_before_prompt(text, min(s for s, _, label in found if label == "noncontent")):
            labels.discard("noncontent")  # a sign-off after the line's own sentence ('… may well be replaced. Thanks
            # for reading.'): the line is that sentence's, its closing words a courtesy
        if "noncontent" in labels:
            return "boilerplate"
        if "credit_line" in labels:
            return "byline"
        if "image_credit" in labels and len(text) <= BYLINE_MAX_CHARS and not ENDS_SENTENCE.search(text):
            return "byline"  # 'Rita Dunn/Getty Images', '视觉中国': a sentence that names the agency is content
        # a line led by an emoji that carries a prompt's cue, unpunctuated, or opening with the call ('👋 Join our
        # Discord and tell us how you use it.': the call right after the emoji, whatever closes the line)
        opens_with_call = any(label == "pictograph_prompt" and start <= PICTOGRAPH_CALL_OPENING for start, _, label in found)
        if ("pictograph_prompt" in labels and PICTOGRAPH.match(text) and len(text) <= PICTOGRAPH_LINE_MAX_CHARS
                and (not ENDS_SENTENCE.search(text) or opens_with_call)):
            return "boilerplate"
        if "alt_text" in labels and len(text) <= ALT_TEXT_MAX_CHARS and not TERMINAL.search(text):
            return "caption"
    # a date line's words, its separators aside ('Build Mode · November 12, 2026 · 71 min': a show, a date, a length),
    # split only for a short line holding a date (every content line reaches this test)
    if release_heading:  # a release's heading is content, however like a date line it reads
        return None
    if len(text) <= BYLINE_MAX_CHARS and DATE.search(text) and not DATED_ITEM.match(text) \
            and not dated_clause(text) and sum(w not in DATE_LINE_SEPARATORS for w in text.split()) <= 8:
        return "byline"
    return None


#: A run-in heading's paragraph is at least this many times as long as the heading (a heading over a sentence or more).
RUN_IN_BODY_MIN_RATIO = 3
#: Words a run-in heading's name repeats in its paragraph: at least this many of its first words ('Claude Code').
RUN_IN_REPEAT_WORDS = 2


def run_in_heading(block: str) -> int | None:
    """Where a run-in heading separated by one space ends and its paragraph starts, or None: a Title-Case run of two
    to five words, then a capitalised sentence opener, when the paragraph repeats the run's first words (the heading
    names what the paragraph is about). Anything less sure is left whole.

    >>> block = "Code Helpers As of May 2020, Code Helpers run in a loop. They stop on errors."
    >>> block[run_in_heading(block):][:10], run_in_heading("Acme Corp In March the firm grew. It hired staff.")
    ('As of May ', None)
    """
    match = RUN_IN_HEADING.match(block)
    if not match:
        return None
    head = match.group(1)
    words = head.split()
    if not words[-1][:1].isupper():
        return None
    body = block[match.end():]
    if len(body) < RUN_IN_BODY_MIN_RATIO * len(head) or not ENDS_SENTENCE.search(body) or HAN.search(block):
        return None
    name = " ".join(words[:RUN_IN_REPEAT_WORDS])
    if not re.search(literal_not_after("A-Za-z", re.escape(name)) + "(?![A-Za-z])", body):
        return None
    return match.end()


def run_on_list(block: str) -> list[int]:
    """Where a label and the numbered points run on after it on one line are cut apart ('要点总结： 1、… 2、…'): after the
    label, and before each next number in turn (1, 2, 3 …, each after a space); [] when the line is not one.

    >>> block = "要点总结： 1、成本在下降。 2、价值在增长。"
    >>> [block[c:c + 2] for c in run_on_list(block)]
    ['1、', '2、']
    """
    label, colon, rest = block.partition("：") if "：" in block[:20] else block.partition(":")
    if not colon or not is_section_label(label) or not rest.strip():
        return []
    first = len(label) + len(colon) + (len(rest) - len(rest.lstrip()))
    if not re.match(r"1\s*[、.．)）](?!\d)", block[first:]):
        return []
    cuts, expected = [first], 2
    for item in RUN_ON_ITEM.finditer(block, first + 2):
        if int(item.group(1)) == expected:
            cuts.append(item.start())
            expected += 1
    return cuts


def split_glued_headings(text: str, spans: list[tuple[int, int]]) -> tuple[list[tuple[int, int, bool]], list[dict], int]:
    """Split a heading glued to its paragraph ('…the Western labThe thing…', or run in after one space:
    'Code Helpers As of May 2020, Code Helpers…') into two blocks.

    Returns (start, end, is_heading) spans, the repairs made and how many blocks were examined (those with Latin text).
    """
    out: list[tuple[int, int, bool]] = []
    repairs: list[dict] = []
    examined = 0
    for start, end in spans:
        block = text[start:end]
        if LATIN_LETTER.search(block):
            examined += 1
        match = GLUED_HEADING.search(block)
        if match:
            head = block[: match.start()]
            if len(head) <= HEADING_MAX_CHARS["en"] and not TERMINAL.search(head) and detect_lang(head) != "zh":
                cut = start + match.start()
                out.append((start, cut, True))
                out.append((cut, end, False))
                repairs.append({"position": cut, "repair": "heading_glued_to_paragraph",
                                "before": text[max(start, cut - 30):cut], "after": text[cut:cut + 30]})
                continue
        run_on = run_on_list(block)
        if run_on:
            bounds = [0, *run_on, len(block)]
            for n, (a, b) in enumerate(zip(bounds, bounds[1:])):
                piece = block[a:b]
                out.append((start + a, start + a + len(piece.rstrip(EDGE_SPACE)), n == 0))
            for cut in run_on:
                repairs.append({"position": start + cut, "repair": "list_run_on_its_label",
                                "before": text[max(start, start + cut - 30):start + cut],
                                "after": text[start + cut:start + cut + 30]})
            continue
        run_in = run_in_heading(block)
        if run_in is not None:
            cut = start + run_in
            head_end = start + len(block[:run_in].rstrip())
            out.append((start, head_end, True))
            out.append((cut, end, False))
            repairs.append({"position": cut, "repair": "heading_run_into_paragraph",
                            "before": text[max(start, cut - 30):cut], "after": text[cut:cut + 30]})
            continue
        out.append((start, end, False))
    return out, repairs, examined


#: The original does not start on a line holding Chinese characters: up to this many such lines at the head of the
#: English run (a Chinese part's last lines that name Latin files or titles, '02-concept-x.md：…', '关联来源：Writing
#: effective tools') go back to the Chinese, when they weigh at most ORIGINAL_HEAD_MAX_SHARE of the run's English.
ORIGINAL_HEAD_MAX_BLOCKS = 12
ORIGINAL_HEAD_MAX_SHARE = 0.1


def assign_parts(langs: list[str], weights: list[int], noncontent: list[bool], han: list[int] | None = None) -> list[str]:
    """Give each block a part: Chinese commentary, English original, or non-content.

    The English original is the run [i, j) that maximises (Chinese weight outside it) + (English
    weight inside it); Chinese after the original is an appendix (ads, signatures), unless it
    outweighs the Chinese before it, in which case the commentary follows the original. ``han`` (each block's
    count of Han characters) moves the run's start past a few Latin-heavy lines that still hold Chinese.
    """
    n = len(langs)
    score = [0] * (n + 1)
    for k, (lang, weight, skip) in enumerate(zip(langs, weights, noncontent)):
        step = 0 if skip or lang == "mixed" else (weight if lang == "zh" else -weight)
        score[k + 1] = score[k] + step
    best_drop, best_i, best_j = 0, n, n
    peak, peak_at = score[0], 0
    for j in range(n + 1):
        if score[j] > peak:
            peak, peak_at = score[j], j
        if peak - score[j] > best_drop:
            best_drop, best_i, best_j = peak - score[j], peak_at, j
    if han is not None and best_i < best_j:
        k = best_i
        while k < best_j and (noncontent[k] or han[k] > 0):
            k += 1
        moved = [w for w, s in zip(weights[best_i:k], noncontent[best_i:k]) if not s]
        english = sum(w for w, lang, s in zip(weights[best_i:best_j], langs[best_i:best_j], noncontent[best_i:best_j])
                      if lang == "en" and not s)
        if k < best_j and moved and len(moved) <= ORIGINAL_HEAD_MAX_BLOCKS and sum(moved) <= ORIGINAL_HEAD_MAX_SHARE * english:
            best_i = k
    # Trim Chinese or mixed blocks off the run's edges so the original starts and ends in English.
    head_weight = sum(w for w, lang, s in zip(weights[:best_i], langs[:best_i], noncontent[:best_i]) if lang != "en" and not s)
    tail_weight = sum(w for w, lang, s in zip(weights[best_j:], langs[best_j:], noncontent[best_j:]) if lang != "en" and not s)
    parts = []
    for k in range(n):
        if noncontent[k]:
            parts.append(PART_NONCONTENT)
        elif best_i <= k < best_j:
            parts.append(PART_ORIGINAL)
        elif k < best_i:
            parts.append(PART_COMMENTARY if head_weight >= tail_weight or best_i == best_j else PART_NONCONTENT)
        else:
            parts.append(PART_COMMENTARY if tail_weight > head_weight else PART_NONCONTENT)
    if best_i == best_j:  # one language only: everything is the commentary or everything the original
        only = PART_ORIGINAL if all(l == "en" for l, s in zip(langs, noncontent) if not s) else PART_COMMENTARY
        parts = [PART_NONCONTENT if s else only for s in noncontent]
    return parts


#: A label line of the writer's outline ('要点总结：') without a cue: at most this many Han characters, then a colon, over
#: a numbered list.
LABEL_MAX_HAN = 6
LABEL_SHAPE = re.compile(rf"^[\u4e00-\u9fff]{{2,{LABEL_MAX_HAN}}}\s*[:：]$")
#: What may surround a label on its line: Markdown heading marks, emoji, brackets, a colon.
LABEL_EDGES = "#*_ \t【】[]「」:：-–—" + EDGE_SPACE


def is_section_label(text: str) -> bool:
    """A line that is only a label of the writer's outline: a 'section_label' cue of cues.csv, alone on the line but for
    Markdown marks and a closing colon ('Summary', '## Key points', '要点总结：').

    >>> is_section_label("要点总结："), is_section_label("Summary"), is_section_label("Summary of the results")
    (True, True, False)
    """
    core = text.strip(LABEL_EDGES)
    if not core or len(core) > 30:
        return False
    return any(a == 0 and b == len(core) for a, b, label in _context_cues().find(core) if label == "section_label")


#: A numbered section line names its section: at most this many words (English) or Han characters (Chinese) after
#: its number; longer, it states something (a summary's numbered key point: '3.中国公司有很强的技术自主意识').
SECTION_NAME_MAX_WORDS = 7
SECTION_NAME_MAX_HAN = 10
#: A name in Title Case may run to this many words ('4. A Shared Engine – One Framework to Run Training').
SECTION_TITLE_MAX_WORDS = 14
TITLE_CASE_SHARE = 0.7


def section_name(text: str, lang: str) -> bool:
    """A number, then a short name without a sentence's closing mark: what a numbered section line looks like
    ('6. Dispute Resolution', '1. 定义'), whatever follows it.

    >>> section_name("2. Decoders", "en"), section_name("2. Decoders take text and output tokens.", "en")
    (True, False)
    """
    number = SECTION_NUMBER.match(text)
    if not number or len(text) > HEADING_MAX_CHARS[lang] or TABLE_ROW.search(text):
        return False
    name = text[number.end():]
    words = re.findall(r"[A-Za-z0-9]+(?:['’-][A-Za-z0-9]+)*", name)
    title_case = is_title_case(words)
    if TERMINAL.search(text) and not (title_case and text.rstrip()[-1:] in "!?"):
        return False
    return len(HAN.findall(name)) <= SECTION_NAME_MAX_HAN and (
        len(words) <= SECTION_NAME_MAX_WORDS or (title_case and len(words) <= SECTION_TITLE_MAX_WORDS))


def is_title_case(words: list[str]) -> bool:
    """Words written as a title: most of the longer ones (four letters or more) capitalised.

    >>> is_title_case("Shared Framework to Run and Improve Training".split()), is_title_case("we train the models".split())
    (True, False)
    """
    long = [w for w in words if len(w) >= 4 and w[:1].isalpha()]
    return len(long) >= 2 and sum(w[:1].isupper() for w in long) >= TITLE_CASE_SHARE * len(long)


def numbered_section(text: str, lang: str, following: str | None, previous: str | None) -> bool:
    """A numbered section line ('1. Definitions', '6. Dispute Resolution', '1. 定义', '第一条 …', '一、…'): a short name
    without a sentence's closing mark, over body text (the next block is longer and not numbered), and not the last of
    a run of short numbered items (a list of steps: '1. Plan' / '2. Build' / '3. Ship' then a paragraph).

    >>> numbered_section("1. Definitions", "en", "The terms below mean what follows.", None)
    True
    >>> numbered_section("3. Ship it", "en", "Then we wrote the report.", "2. Build it")
    False
    """
    if not section_name(text, lang) or following is None:
        return False
    # a Chinese ordinal ('二、…') over items numbered 1. 2. …: a level above them, whatever their lengths
    outline = bool(OUTLINE_ENUMERATOR.match(text))
    over_items = outline and bool(ENUMERATOR_NUMBER.match(following))
    if not over_items and (len(following) <= len(text) or ENUMERATOR.match(following) or SECTION_NUMBER.match(following)):
        return False
    same_scheme = (lambda line: OUTLINE_ENUMERATOR.match(line)) if outline else \
        (lambda line: ENUMERATOR.match(line) or SECTION_NUMBER.match(line))
    return not (previous is not None and same_scheme(previous)
                and not TERMINAL.search(previous) and len(previous) <= HEADING_MAX_CHARS[lang])


#: A line whose comma opens a lowercase clause reads as a sentence past this many words ('To get started, please …').
CLAUSE_MIN_WORDS = 7


#: A wire story's dateline lead: a place in capitals, a date, the agency in brackets, a dash (bilingual review round 18).
WIRE_DATELINE = re.compile(r"[A-Z][A-Z .'-]{2,40},\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})"
                           r"(?:,\s+\d{4})?\s+\([^)]{2,40}\)\s+[-–—]")


def reads_as_sentence(text: str, following: str) -> bool:
    """A short unpunctuated line that is not a heading all the same: it holds a sentence's end inside ('… holding us
    back. In the end, the best are the ones'), the next line goes on in lowercase (the sentence broke over two
    lines), or a comma opens a lowercase clause in a line of some length ('To begin, please open our page').

    >>> reads_as_sentence("Big models are slow. In the long run the best ones", "which can be iterated on.")
    True
    >>> reads_as_sentence("Why factories matter", "Factories are where the learning happens.")
    False

    A comma after a colon lists a title's subtitle, not a clause ('Introducing Serve 2.0: faster, cheaper inference'):
    >>> reads_as_sentence("Introducing Harbour Serve 2.0: faster, cheaper inference", "Today we release it.")
    False
    """
    if WIRE_DATELINE.match(following):
        return False  # the next line opens a wire story ('PARIS, April 21 (Reuters) - …'): this line is its headline
    clause = COMMA_CLAUSE.search(text)
    return bool(INNER_SENTENCE_END.search(text) or following[:1].islower()
                or (clause and ":" not in text[:clause.start()] and len(text.split()) >= CLAUSE_MIN_WORDS))


def question_heading(text: str, lang: str, following: str | None) -> bool:
    """A short one-sentence question over a longer block of prose (ending as a sentence does) that is not a question:
    a heading ('How are LLMs trained?' over the answer), not a checklist's item, nor a rhetorical question inside a
    paragraph of its own sentences, nor a question over a short label line.

    >>> question_heading("Why write rules at all?", "en", "Rules keep a team honest when the tools change.")
    True
    >>> question_heading("Is it cheap?", "en", "Is it safe?"), question_heading("Why? Because it is cheap.", "en", "…")
    (False, False)
    >>> question_heading("Host: And the price?", "en", "About half of what the old pumps cost, if the grid holds.")
    False
    """
    body = text.strip()
    if following is None or not QUESTION_END.search(body) or QUESTION_END.search(following.strip()):
        return False
    # the block below is prose (it ends as a sentence does), not another short line ('What is Yi?' over 'Introduction')
    # a speaker's turn ('Host: And the price?', '问：…？') is an interview's line, not a heading
    if re.search(r"[。！？!?.；;:：]", QUESTION_END.sub("", body)) or len(following) <= len(body) \
            or not TERMINAL.search(following.strip()):
        return False
    size = len(body.split()) if lang == "en" else len(HAN.findall(body)) if lang == "zh" else len(body.split())
    return size <= QUESTION_HEADING_MAX.get(lang, QUESTION_HEADING_MAX["en"])


def classify_kinds(texts: list[str], langs: list[str], glued_heading: list[bool],
                   noncontent_kind: list[str | None], breaks_before: list[int] | None = None) -> tuple[list[str], set[int]]:
    """Give each block a kind: heading, paragraph, list_item, or its furniture kind (byline, boilerplate, …); and say
    which headings are section labels ('Summary', '要点总结：'): in the Chinese version they are the writer's outline,
    kind 'label' (``parse_document``), in the English a heading like another.

    ``breaks_before`` (line breaks before each block, 2 or more for a blank line): a list whose items follow one another
    with single line breaks ends at a blank line, so the short line after it ('Why write rules at all?' over the
    next section) is not one more item."""
    kinds: list[str] = []
    labels: set[int] = set()
    in_list = False
    list_single = False  # the current list's items so far follow one another with single line breaks
    breaks = breaks_before if breaks_before is not None else [1] * len(texts)
    previous_kind = None
    # The next block that is not a byline or boilerplate, for every block: one pass from the end
    # (searching forward from each block made long documents quadratic).
    following_texts: list[str | None] = [None] * len(texts)
    upcoming = None
    for k in range(len(texts) - 1, -1, -1):
        following_texts[k] = upcoming
        if not noncontent_kind[k]:
            upcoming = texts[k]
    previous = None  # the last block that is not furniture
    for k, text in enumerate(texts):
        if noncontent_kind[k]:
            kinds.append(noncontent_kind[k])
            in_list = False
            continue
        following = following_texts[k]
        label = False
        if glued_heading[k] or (MARKDOWN_HEADING.match(text) and len(text) <= HEADING_MAX_CHARS[langs[k]]):
            kind = "heading"  # a Markdown heading mark says so, whatever follows ('## Star History' over a chart)
        elif numbered_section(text, langs[k], following, previous):
            kind = "heading"
        elif following is not None and (is_section_label(text) or (
                LABEL_SHAPE.match(text.strip()) and (ENUMERATOR.match(following) or SECTION_NUMBER.match(following)))):
            kind, label = "heading", True
        elif ENUMERATOR.match(text):
            kind = "list_item"
        elif in_list and len(text) <= LIST_RUN_MAX_CHARS and not (list_single and breaks[k] >= 2):
            kind = "list_item"
        elif (
            len(text) <= HEADING_MAX_CHARS[langs[k]]
            and (not TERMINAL.search(text) or question_heading(text, langs[k], following))
            and not TABLE_ROW.search(text)
            and not DISPLAY_MATH.match(text)
            and following is not None
            and len(following) > len(text)
            and not section_name(following, detect_lang(following))  # a line over a section's name closes a section
            and not reads_as_sentence(text, following)
        ):
            kind = "heading"
        else:
            kind = "paragraph"
        if kind == "list_item" and previous_kind == "list_item":
            list_single = breaks[k] == 1
        if kind == "list_item" and in_list and ENDS_SENTENCE.search(text):
            in_list = False
        elif ENDS_WITH_COLON.search(text) and (kind == "paragraph" or label):
            in_list = following is not None and len(following) <= LIST_RUN_MAX_CHARS
            list_single = False
        elif kind != "list_item":
            in_list = False
        previous_kind = kind
        kinds.append(kind)
        if label:
            labels.add(k)
        previous = text
    return kinds, labels


def _is_abbreviation(text: str, terminator_at: int, after_at: int) -> bool:
    """True when the '.' at ``terminator_at`` ends an abbreviation or initial, not a sentence.

    Reads only the word before it and the text at ``after_at`` (slicing the whole block around
    every full stop made a long one-line document quadratic).
    """
    word_start = terminator_at
    while word_start > 0 and not text[word_start - 1].isspace():
        word_start -= 1
    last_word = text[word_start:terminator_at + 1]
    token = last_word.lstrip("(“‘\"'[").lower()
    if INITIAL.match(last_word):  # 'J. R. Smith', but not 'output Z. But the system…': a sentence starts there
        return not SENTENCE_STARTERS.match(text, after_at)
    if token in CLOSING_ABBREVIATIONS:
        return False
    if token in NUMBER_ABBREVIATIONS:
        return bool(AFTER_NUMBER_ABBREVIATION.match(text, after_at))
    if token in ABBREVIATIONS:
        return not SENTENCE_STARTERS.match(text, after_at)
    return False


#: A quotation's speaker tag after it closes ('“……。”王教授说。'): the tag ends the quoted sentence, not a sentence of its own.
SPEAKER_TAG = re.compile(r"[^，。！？：:“”\"\s]{1,16}?(?:说|表示|指出|称|强调|坦言|回答|补充道|写道|告诉[^，。]{1,10})[。！？]")


def _ends_embedded_quote(text: str, start: int, end: int) -> bool:
    """True when a Chinese sentence end closes a quotation embedded in a longer sentence, which goes on after it:
    是否已把“……多代理。”落成执行项？ is one sentence. A quotation opened after a colon or a sentence end (他说：“好。”)
    or at the block's start is a sentence of its own, and so is one followed by a space or the block's end."""
    if text[end - 1] not in ZH_CLOSE_QUOTE or end >= len(text) or not HAN.match(text, end):
        return False
    opened = max(text.rfind(mark, 0, start) for mark in ZH_OPEN_QUOTE)
    if opened <= 0:
        return False
    before = text[:opened].rstrip()
    return bool(before) and before[-1] not in ZH_QUOTE_INTRODUCERS


def sentence_cuts(text: str, lang: str) -> list[int]:
    """Offsets inside ``text`` where a new sentence starts (never 0 or len(text))."""
    return _cuts_and_glued(text, lang)[0]


def _cuts_and_glued(text: str, lang: str) -> tuple[list[int], list[int]]:
    """``sentence_cuts``, and the ends of the glued-sentence seams among them (every match, kept or not): what
    parsing records as repairs, found on the same pass (the pattern ran twice per block)."""
    cuts: set[int] = set()
    if lang in ("zh", "mixed"):
        for match in ZH_END.finditer(text):
            if not _ends_embedded_quote(text, match.start(), match.end()) \
                    and not (text[match.end() - 1] in ZH_CLOSE_QUOTE + '"' and SPEAKER_TAG.match(text, match.end())):
                cuts.add(match.end())
    if lang in ("en", "mixed"):
        for match in EN_END.finditer(text):
            terminator_at = match.start()
            if text[terminator_at] == "." and (_is_abbreviation(text, terminator_at, match.end())
                                               or text[:terminator_at].strip().isdigit()):
                continue  # an abbreviation, or a list number ("1. Share context") that heads its item
            cuts.add(match.end())
    glued = [match.end() for match in GLUED_SENTENCE.finditer(text)]
    cuts.update(glued)
    return sorted(c for c in cuts if 0 < c < len(text)), glued


def split_sentences(text: str, lang: str) -> list[tuple[int, int]]:
    """Split one block into sentence spans, edge whitespace trimmed, covering every other character.

    >>> split_sentences("他说,好。你呢?", "zh")
    [(0, 5), (5, 8)]
    """
    return _spans_and_glued(text, lang)[0]


def _spans_and_glued(text: str, lang: str) -> tuple[list[tuple[int, int]], list[int]]:
    """``split_sentences``, and the glued-sentence seams' ends (``_cuts_and_glued``)."""
    cuts, glued = _cuts_and_glued(text, lang)
    bounds = [0, *cuts, len(text)]
    spans = []
    for a, b in zip(bounds, bounds[1:]):
        piece = text[a:b]
        stripped = piece.strip(EDGE_SPACE + "\n\r")
        if not stripped:
            continue
        lead = len(piece) - len(piece.lstrip(EDGE_SPACE + "\n\r"))
        if spans and END_MARK.match(stripped):
            # a closing mark after the last sentence ('…见原推回复。（完）') is no sentence of its own: it stays with
            # the sentence before it (bilingual review round 14: '（完）' was counted as the translator's own)
            spans[-1] = (spans[-1][0], a + lead + len(stripped))
            continue
        spans.append((a + lead, a + lead + len(stripped)))
    return spans, glued


#: A Chinese passage inside the English original this heavy (Han characters net of English words) means a second
#: article: at least this many, and at least this share of the commentary's own weight. Measured: 0–5 on 17
#: single articles (the seed, Mulan and a corpus of 15), 1,102 and 1,806 for two articles concatenated.
SECOND_ARTICLE_MIN_WEIGHT = 100
SECOND_ARTICLE_MIN_SHARE = 0.25


def _block_weight(text: str, lang: str) -> int:
    """A block's signed weight: + its Han characters if Chinese, − a third of its Latin letters if English."""
    if lang == "zh":
        return script_counts(text)[0]  # the Han characters (a count, not a list of them: speed)
    if lang == "en":
        return -(script_counts(text)[1] // 3)
    return 0


#: The code point ranges (first, last) of ``HAN_CLASS`` and of ``LATIN_LETTER_CLASS``, as ``_block_weights`` counts them.
_HAN_POINTS = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))
_LATIN_LETTER_POINTS = ((0x41, 0x5A), (0x61, 0x7A), (0xC0, 0xD6), (0xD8, 0xF6), (0xF8, 0x24F))


def script_counts_each(texts: list[str]) -> list[tuple[int, int]]:
    """``script_counts`` of each of ``texts``, counted over their joined text at once (numpy over its code points: text
    by text cost a seed-sized document's parse 0.4 ms).

    >>> script_counts_each(["中文，三个字", "Three words", "Ünïcode 中", ""])
    [(5, 0), (0, 10), (1, 7), (0, 0)]
    """
    if not texts:
        return []
    points = np.frombuffer("".join(texts).encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    lengths = [len(text) for text in texts]
    ends = np.cumsum(lengths)
    starts = ends - lengths

    def per_text(ranges) -> list[int]:
        inside = np.zeros(len(points), dtype=bool)
        for first, last in ranges:
            inside |= (points >= first) & (points <= last)
        running = np.concatenate(([0], np.cumsum(inside)))
        return (running[ends] - running[starts]).tolist()

    return list(zip(per_text(_HAN_POINTS), per_text(_LATIN_LETTER_POINTS)))


def _block_weights(texts: list[str], langs: list[str]) -> list[int]:
    """``_block_weight`` of each block (``script_counts_each``: counted at once).

    >>> _block_weights(["中文，三个字", "Three words here", "Ünïcode", "混合 mixed", ""], ["zh", "en", "en", "mixed", "zh"])
    [5, -4, -2, 0, 0]
    """
    return [han if lang == "zh" else -(latin // 3) if lang == "en" else 0
            for (han, latin), lang in zip(script_counts_each(texts), langs)]


def second_article(blocks: pd.DataFrame) -> int | None:
    """The block_id where a second bilingual article starts, or None: a Chinese passage inside the English original
    (the file holds a commentary, its original, then another commentary and original).

    The parts are one commentary and one original by construction, so a second article is read as a long original
    with a Chinese island; this finds the heaviest such island and names it when it weighs like a commentary.
    """
    if not isinstance(blocks.index, pd.RangeIndex) or blocks.index.start != 0 or blocks.index.step != 1:
        blocks = blocks.reset_index(drop=True)  # positions below: a table sliced or reordered is read in its order
    parts, texts, langs = blocks["part"].tolist(), blocks["text"].tolist(), blocks["lang"].tolist()
    original = [k for k, part in enumerate(parts) if part == PART_ORIGINAL]
    if len(original) == 0:
        return None
    first, last = original[0], original[-1]
    weights = _block_weights(texts, langs)
    commentary_weight = sum(w for w, l, p in zip(weights, langs, parts) if p == PART_COMMENTARY and l == "zh")
    score = low = best = 0
    low_at, start = None, None
    for position, weight in enumerate(weights[first:last + 1]):
        score += weight
        if score < low:
            low, low_at = score, position
        if score - low > best:
            best, start = score - low, (low_at + 1 if low_at is not None else 0)
    if start is None or best < max(SECOND_ARTICLE_MIN_WEIGHT, SECOND_ARTICLE_MIN_SHARE * commentary_weight):
        return None
    return int(blocks["block_id"].iloc[first + start])


def second_article_caveat(text: str, blocks: pd.DataFrame) -> str | None:
    """One line for the user when ``second_article`` finds one, naming the line where it seems to start."""
    block_id = second_article(blocks)
    if block_id is None:
        return None
    start = int(blocks.loc[blocks["block_id"] == block_id, "start"].iloc[0])
    line = text.count("\n", 0, start) + (text.count("\r", 0, start) if "\n" not in text else 0) + 1
    return (f"a second article seems to start near line {line}: a Chinese passage inside the English original, "
            "read here as part of the original; split the file to analyse each article")


#: A document whose paragraphs are set apart by blank lines: at least this share of its line breaks hold one.
BLANK_LINE_LAYOUT_SHARE = 0.5
#: An image's alt text repeated as a line: a short Latin line (no table cells, no 'label: value') seen at least this
#: many times in one part of the document ('Model-Chat!' above each of a post's diagrams); a heading or a name a
#: document repeats stays content below it.
REPEATED_ALT_TEXT_MIN = 3
REPEATED_ALT_TEXT_MAX_WORDS = 4


def caption_continuations(text: str, spans: list[tuple[int, int, bool]], kinds: list[str | None]) -> list[str | None]:
    """``kinds`` with the wrapped lines of a caption marked too: in a document whose paragraphs are set apart by
    blank lines, a line right below a caption ('Figure 3. Throughput of …' / 'training on one GPU.') with no blank
    line between is the caption's next line, up to CAPTION_MAX_CHARS in all. A document of single line breaks is
    left alone: there the next line is the next paragraph."""
    gaps = [text[b:a] for (_, b, _), (a, _, _) in zip(spans, spans[1:])]
    if not gaps or sum(_breaks(g) >= 2 for g in gaps) < BLANK_LINE_LAYOUT_SHARE * len(gaps):
        return kinds
    out = list(kinds)
    caption_length = 0
    for k, (a, b, _) in enumerate(spans):
        line = text[a:b]
        if out[k] is None and caption_length and k > 0 and _single_break(gaps[k - 1]) \
                and caption_length + len(line) <= CAPTION_MAX_CHARS and not _table_or_list(line):
            out[k] = "caption"
            caption_length += len(line)
            continue
        caption_length = len(line) if out[k] == "caption" and CAPTION.match(line) else 0
    return out


def _table_or_list(line: str) -> bool:
    """A table row ('Model | Score') or a list item: content under a table's or a list's caption, not its next line."""
    return bool(TABLE_CELL_MARK.search(line) or ENUMERATOR.match(line))


def _breaks(gap: str) -> int:
    """Line breaks in the text between two lines (2 or more: a blank line between them)."""
    return gap.replace("\r\n", "\n").replace("\r", "\n").count("\n")


def breaks_before(text: str, spans: list[tuple[int, int, bool]]) -> list[int]:
    """Line breaks before each line (the first: 2, as after a blank line); a glued heading's split is a single one."""
    return [2] + [max(1, _breaks(text[b:a])) for (_, b, _), (a, _, _) in zip(spans, spans[1:])]


def _single_break(gap: str) -> bool:
    return _breaks(gap) == 1


def repeated_alt_texts(texts: list[str], parts: list[str], kinds: list[str]) -> list[bool]:
    """True for each short Latin line repeated REPEATED_ALT_TEXT_MIN times or more within one part (an image's alt
    text over each diagram), wherever it stands (the other version's copy is the same picture's); lines with table
    cells, a 'label: value' or a closing full stop are content, and so is a heading (a short line over a longer one: a
    label a document repeats over each of its sections, 'Usage')."""
    def candidate(line: str) -> bool:
        return (len(line) <= ALT_TEXT_MAX_CHARS and not HAN.search(line) and not re.search(r"[|｜:：]|[.。]$", line)
                and len(line.split()) <= REPEATED_ALT_TEXT_MAX_WORDS and LATIN_LETTER.search(line) is not None)
    counts: dict[tuple[str, str], int] = {}
    for line, part, kind in zip(texts, parts, kinds):
        if part != PART_NONCONTENT and kind != "heading" and candidate(line):
            counts[(part, line)] = counts.get((part, line), 0) + 1
    # the same alt text in the other version is the same picture's (an excerpt's English holds one of its diagrams)
    repeated = {line for (_, line), n in counts.items() if n >= REPEATED_ALT_TEXT_MIN}
    return [part != PART_NONCONTENT and kind != "heading" and line in repeated and candidate(line)
            for line, part, kind in zip(texts, parts, kinds)]


#: A caption below an image placeholder: the paragraph at most this many blocks below it (a bare URL may stand
#: between), at most this long (an alt text describing a diagram can run to several sentences), with a
#: 'figure_caption' cue in its first FIGURE_CUE_WINDOW characters ('Process diagram showing…', '… in action:').
PLACEHOLDER_CAPTION_REACH = 2
PLACEHOLDER_CAPTION_MAX_CHARS = 1500
FIGURE_CUE_WINDOW = 100
#: A breadcrumb: at most this many words and characters, unpunctuated.
BREADCRUMB_MAX_WORDS = 6
BREADCRUMB_MAX_CHARS = 60
#: Words a breadcrumb may hold besides its site's and section's names ('Engineering at Acme').
BREADCRUMB_LINKS = frozenset("at of the and on in for by from to".split())
#: A trail of links ('Home > Blog') counts as a breadcrumb among the first this many lines of a version.
BREADCRUMB_HEAD_LINES = 3


def _url_words(line: str) -> set[str]:
    """The words of the host and folders of the web address on a line (not its last segment, the page's own name):
    'https://www.acme.com/engineering/a-post' → {'www', 'acme', 'com', 'engineering'}."""
    found = URL_PARTS.search(line)
    if not found:
        return set()
    return set(re.findall(r"[a-z0-9]+", (found.group(1) + found.group(2)).lower()))


#: A caption with no 'Figure N' right below an image placeholder or a photo credit: at most this long (Chinese, other;
#: a sentence of a paragraph's length below a picture, 95 letters, is the text's own).
SHORT_CAPTION_MAX_CHARS = {"zh": 40, "other": 80}


def subheading_shape(line: str) -> bool:
    """A news report's subheading: a short label, a colon, a short phrase, no sentence's closing mark ('台廠：短期影響有限',
    'Suppliers: little change'); below a picture's credit it opens the next section, it does not caption the picture.

    >>> subheading_shape("台廠：短期影響有限"), subheading_shape("黃仁勳在台北出席活動。"), subheading_shape("會場一角")
    (True, False, False)
    """
    core = line.strip()
    label, colon, rest = core.partition("：") if "：" in core else core.partition(": ")
    return bool(colon) and 0 < len(label.strip()) <= 12 and bool(rest.strip()) and not TERMINAL.search(core)


def short_caption(line: str) -> bool:
    """A line that can be the caption of the picture right above it: short, one sentence at most, no heading's or list's
    mark and not a table row ('美国商务部大楼外观。', 'The team at work in the lab'). A heading of the text's own
    ('## Design', '3. Results') or a paragraph of several sentences is not.

    >>> short_caption("会场一角。"), short_caption("## 设计"), short_caption("第一句。第二句。")
    (True, False, False)
    """
    core = line.strip()
    limit = SHORT_CAPTION_MAX_CHARS["zh" if HAN.search(core) else "other"]
    if not core or len(core) > limit or core.startswith(("#", "|", "｜", ">")) or ENUMERATOR.match(core):
        return False
    if TABLE_ROW.search(core) or IMAGE_PLACEHOLDER.match(core) or DISPLAY_MATH.match(core):
        return False
    if ENDS_WITH_COLON.search(core):  # '编辑部实测：', 'What we found:': a label over what follows, not a caption
        return False
    # a photo credit closing the caption ('Our lab in Austin. Photo: Acme'): the credit is no second sentence
    core = re.sub(r"(?<=[.。])\s*(?:Photo|Image|Picture|Credit|Courtesy)(?:\s+credit)?\s*[:：][^.。!?！？]{1,60}$", "", core,
                  flags=re.IGNORECASE)
    return len(re.findall(r"[。！？!?]|\.(?=\s|$)", core.rstrip("。！？!?. ")) ) == 0


@lru_cache(maxsize=None)
def _related_labels() -> frozenset[str]:
    """The 'related_label' cues of cues.csv, lowercased: a news site's label over its row of related stories."""
    cues = load_cues()
    return frozenset(cues.loc[cues["category"] == "related_label", "cue"].str.lower())


def related_label(line: str) -> bool:
    """A line that is only a related-stories label (延伸閱讀, 相关阅读, Related stories; Markdown marks and a closing
    colon aside).

    >>> related_label("延伸閱讀"), related_label("## 相关阅读："), related_label("延伸阅读这篇文章很有必要。")
    (True, True, False)
    """
    return label_form(line) in _related_labels() or related_with_headline(line)


def related_with_headline(line: str) -> bool:
    """A related-stories label with one story's headline after its colon, on one line (往期推荐：…, 上一篇：…; bilingual
    review round 14), the headline short and no sentence."""
    if "：" not in line and ": " not in line:
        return False
    head, colon, rest = line.strip().partition("：") if "：" in line else line.strip().partition(": ")
    return len(rest.strip()) <= RELATED_HEADLINE_MAX_CHARS["zh"] and 0 < len(rest.strip()) \
        and label_form(head) in _related_labels() and not re.search(r"[。！!]|\.(?=\s|$)", rest)


#: A related story's headline below the label: a short line that does not end like a sentence (Chinese, other: an
#: English headline takes about two letters for each Chinese character, 'Why we gave up running our own …' 44).
RELATED_HEADLINE_MAX_CHARS = {"zh": 40, "other": 90}


def related_headline(line: str, above: str) -> bool:
    """A related story's headline below a related-stories label or another such headline: short, no sentence's end, in
    the label's script (the other version's title that follows a Chinese list is no headline of it).

    >>> related_headline("园区扩建 明年完工", "延伸阅读"), related_headline("Plant opens in Ohio", "延伸阅读")
    (True, False)
    >>> related_headline("我们下周会继续聊这个话题。", "延伸阅读")
    False

    A headline may ask its question ('成效如何？'), with no other sentence's mark in it:

    >>> related_headline("．园区扩建两年 成效如何？", "延伸阅读"), related_headline("他来了。你呢？", "延伸阅读")
    (True, False)
    """
    core = line.strip()
    limit = RELATED_HEADLINE_MAX_CHARS["zh" if HAN.search(core) else "other"]
    quoted = QUOTED_HEADLINE.fullmatch(core)
    if quoted:  # a headline that is one quoted exclamation or question ('★“新光刻机，太贵了！”': round 20)
        inner = quoted.group(1).rstrip("！!？?")
        return (0 < len(core) <= limit and not re.search(r"[。！？!?；;]", inner)
                and bool(HAN.search(core)) == bool(HAN.search(above)))
    asked = core.rstrip("？?")
    if asked != core and re.search(r"[。！？!?；;]", asked):
        return False
    return (0 < len(core) <= limit and not TERMINAL.search(asked)
            and bool(HAN.search(core)) == bool(HAN.search(above)))


def author_label(line: str) -> bool:
    """A line that is only the label over an author's bio (关于作者, About the author; Markdown marks and a colon aside).

    >>> author_label("## 关于作者"), author_label("About the author:"), author_label("关于作者的更多信息见官网。")
    (True, True, False)
    """
    return label_form(line) in _labels("author_label")


#: An author's bio below its label: one paragraph at most this long.
AUTHOR_BIO_MAX_CHARS = 300


def author_bio(line: str) -> bool:
    """A paragraph that can be an author's bio below its label: not a heading, a list item or a table row, and short."""
    core = line.strip()
    return (0 < len(core) <= AUTHOR_BIO_MAX_CHARS and not core.startswith(("#", "|", "｜")) and not ENUMERATOR.match(core)
            and not TABLE_ROW.search(core))


def continues_reference_list(line: str) -> bool:
    """Whether ``line``, right below a reference list's label or entry, is the list's next entry: an entry by itself
    (``reference_entry``), or, under its label, one that need not cite a year ('[2] Authors' estimate based on …'),
    short, with no sentence's end but a closing 。.

    >>> continues_reference_list("[2] Authors' estimate based on public filings"), continues_reference_list("[3] 这很重要。然后呢？")
    (True, False)
    """
    core = line.strip()
    return reference_entry(line) or (len(core) <= REFERENCE_ENTRY_MAX_CHARS and bool(REFERENCE_ENTRY.match(core))
                                     and not re.search(r"[。！？]", core.removesuffix("。")))


def furniture_in_context(texts: list[str], kinds: list[str | None]) -> list[str | None]:
    """``kinds`` with the furniture that only its neighbours show: the caption below an image placeholder ('Image 1',
    then 'Process diagram showing…'), a breadcrumb: a short line right below page metadata whose words are its
    address's site and section ('URL Source: https://acme.com/engineering/post' then 'Engineering at Acme'), or a
    trail of links at the head of the document or below its metadata ('Home > Blog'), and a news site's row of related
    stories: a label alone on its line ('延伸閱讀') and the headlines right below it (``related_headline``)."""
    out = list(kinds)
    placeholder_at, url_words, metadata_at, related_at, reference_at = None, set(), None, None, None
    credit_at = None  # the last picture credit's line: a subheading may follow it, where no picture is in the text
    # how often each short line stands in the document: a button's word under every comment is the page's
    repeated = Counter(line.strip().casefold() for line in texts if len(line.strip()) <= BUTTON_ROW_MAX_CHARS)
    # a line's form as the label tests read it (``label_form``), made once for the four of them (speed)
    related, references, contents, authors = (_related_labels(), _reference_labels(), _labels("toc_label"),
                                              _labels("author_label"))
    for k, line in enumerate(texts):
        if out[k] == "image_placeholder":
            placeholder_at = k
            continue
        form = label_form(line)
        if out[k] is None and k > 0 and out[k - 1] == "boilerplate" and is_html_link_row(texts[k - 1]) \
                and HTML_LINK.fullmatch(line.strip()):
            out[k] = "boilerplate"  # the last entry of a row of HTML links spread over lines ('<a …>Blog</a> |' above)
        if out[k] is None and k + 1 < len(texts) and HANDLE_ONLY_LINE.match(texts[k + 1]) \
                and SIGNATURE_NAME.fullmatch(line.strip()):
            out[k] = "byline"  # a poster's name over the handle ('Mira Kandel' / '@mirakandel': round 14's thread)
        if out[k] is None and k + 1 < len(texts) and out[k + 1] == "byline" and TEAM_CREDIT.fullmatch(line.strip()) \
                and DATE.search(texts[k + 1]) and len(texts[k + 1].strip()) <= TEAM_DATE_MAX_CHARS:
            out[k] = "byline"  # a team credited over the post's date ('Lumen Labs Research Team' / 'November 12, 2026')
        if out[k] is not None:
            if form in related:  # 'Related:' read as a field label still heads the headlines below it
                related_at = k
            if reference_at is not None and k == reference_at + 1 and continues_reference_list(line):
                reference_at = k  # an entry citing an address goes on the list
            if PHOTO_CREDIT.match(line) and len(line) <= 30:  # '圖／路透': the short line below a picture's credit is its caption; a credit line that describes the picture itself ('（图：X在会上发言。图片来源：Y）') is the caption
                placeholder_at, credit_at = k, k
            if _field_labels().match(line) or BARE_URL.match(line):
                metadata_at = k
                url_words = _url_words(line) or url_words
            continue
        if placeholder_at is not None and k == placeholder_at + 1 and short_caption(line) \
                and not (placeholder_at == credit_at and subheading_shape(line)):
            out[k] = "caption"
            placeholder_at = None
            continue
        if placeholder_at is not None and k - placeholder_at <= PLACEHOLDER_CAPTION_REACH \
                and len(line) <= PLACEHOLDER_CAPTION_MAX_CHARS and any(
                a < FIGURE_CUE_WINDOW for a, _, label in _context_cues().find(line[:FIGURE_CUE_WINDOW + 40])
                if label == "figure_caption"):
            out[k] = "caption"
            continue
        placeholder_at = None
        if related_at is not None and k == related_at + 1 and related_headline(line, texts[related_at]):
            out[k], related_at = "boilerplate", k  # a related story's headline below the label or another headline
            continue
        related_at = None
        if reference_at is not None and k == reference_at + 1 and continues_reference_list(line):
            out[k], reference_at = "boilerplate", k  # a reference list's entry below its label or another entry
            continue
        reference_at = None
        if k + 1 < len(texts) and form in references and reference_entry(texts[k + 1]):
            out[k], reference_at = "boilerplate", k  # a reference list's label over its first entry ('参考资料', '[1] …')
            continue
        if k + 1 < len(texts) and form in contents and TOC_ENTRY.match(texts[k + 1]):
            out[k] = "boilerplate"  # a contents' label over its first entry ('目录', then '- [简介](#简介)')
            continue
        if form in related or SITE_AFTER_LABEL.sub("", form) in related or related_with_headline(line):  # 'Most Read from Bloomberg'
            out[k], related_at = "boilerplate", k
            continue
        if k + 1 < len(texts) and form in authors and out[k + 1] is None and author_bio(texts[k + 1]):
            out[k] = out[k + 1] = "byline"  # an author's bio under its label ('关于作者', then who they are)
            continue
        short = len(line) <= BREADCRUMB_MAX_CHARS and len(line.split()) <= BREADCRUMB_MAX_WORDS and not TERMINAL.search(line)
        below_metadata = metadata_at is not None and metadata_at == k - 1
        if short and below_metadata and url_words:
            words = re.findall(r"[a-z0-9]+", line.lower())
            named = [w for w in words if w not in BREADCRUMB_LINKS]
            if named and all(w in url_words for w in named):
                out[k] = "boilerplate"
                continue
        # a trail below a page's banner of prompts or navigation ('Accept | Decline'); not below a picture or a byline
        below_furniture = k > 0 and out[k - 1] == "boilerplate"
        if short and (below_metadata or below_furniture or k < BREADCRUMB_HEAD_LINES) and (
                BREADCRUMB_TRAIL.match(line) or (BREADCRUMB_BARS.match(line) and not (
                    k + 1 < len(texts) and TABLE_CELL_MARK.search(texts[k + 1])))):  # a table's header row is no trail
            out[k] = "boilerplate"
            continue
        if menu_row(line):
            out[k] = "boilerplate"  # a site's menu
            if k > 0 and out[k - 1] is None and site_name(texts[k - 1]):
                out[k - 1] = "boilerplate"  # the site's name above its menu ('Halcyon Research', then the menu)
            continue
        if lone_button(line) and (any(0 <= j < len(texts) and (lone_button(texts[j]) or is_button_row(texts[j])
                                                               or out[j] == "boilerplate")
                                      for j in (k - 1, k + 1)) or repeated[line.strip().casefold()] > 1
                                  or k + 1 < len(texts) and SOCIAL_POST_HEADER.match(texts[k + 1])):
            # a row of buttons laid out one a line ('Save', then 'Share'), a button beside the page's other furniture
            # ('Share' over 'Subscribe to …': review round 11), or a button under each comment of a thread ('reply'
            # after every comment: bilingual review round 10), or X's 'Quote' over the quoted post's header (round 14)
            out[k] = "boilerplate"
            continue
        if bare_row(line) and not any(0 <= j < len(texts) and TABLE_CELL_MARK.search(texts[j]) for j in (k - 1, k + 1)):
            out[k] = "boilerplate"  # a row of links rendered as their words alone ('技术报告 | 模型下载 | 在线体验')
    return ad_bodies(texts, out)


#: An ad's body under its label runs at most this many lines before the separator that closes it.
AD_BODY_MAX_LINES = 3


def ad_bodies(texts: list[str], kinds: list[str | None]) -> list[str | None]:
    """``kinds`` with an ad's body as boilerplate: the lines under an ad label (``AD_LABEL``: '推广｜…') up to the
    separator line that closes the ad ('——————'), at most AD_BODY_MAX_LINES of them; an ad label with no separator
    after its body leaves the lines below it as they were (bilingual review round 20: a WeChat post's closing ad).

    >>> ad_bodies(["正文。", "推广｜会员八折", "加入会员即可收听。点击阅读原文，立即加入。", "——————", "点赞"],
    ...           [None, "boilerplate", None, "boilerplate", "boilerplate"])
    [None, 'boilerplate', 'boilerplate', 'boilerplate', 'boilerplate']
    >>> ad_bodies(["推广｜会员八折", "正文继续。"], ["boilerplate", None])
    ['boilerplate', None]
    """
    out = list(kinds)
    for k, line in enumerate(texts):
        if not AD_LABEL.match(line):
            continue
        j = k + 1
        while j < len(texts) and j - k <= AD_BODY_MAX_LINES and out[j] is None and not SEPARATOR_LINE.match(texts[j]):
            j += 1
        if k + 1 < j < len(texts) and SEPARATOR_LINE.match(texts[j]):
            out[k] = "boilerplate"
            for i in range(k + 1, j):
                out[i] = "boilerplate"
    return out


#: ... over a line of at most this many characters holding a date.
TEAM_DATE_MAX_CHARS = 40

#: A related story's headline that is one quotation, after a list's bullet ('★“新光刻机，太贵了！”'): its quoted words.
QUOTED_HEADLINE = re.compile(r"[★☆●•·\-–—>\s]*[“「\"]([^“”「」\"]+)[”」\"]")

#: A site's name after a related-stories label ('Most Read from Bloomberg', 'More on Example News').
SITE_AFTER_LABEL = re.compile(r"\s+(?:from|on|at)\s+[\w.&'’ -]{1,30}$")

#: A bare row's entries: at least this many, each at most this long.
BARE_ROW_MIN_ENTRIES = 3
BARE_ROW_ENTRY_MAX_CHARS = 20


def site_name(line: str) -> bool:
    """A line that can be a site's name over its menu: one to four capitalised words, no Markdown heading mark, no
    digit, no sentence's end (a README's '# Yi' over its badges is the text's own title).

    >>> site_name("Halcyon Research"), site_name("# Kestrel"), site_name("Introducing Kestrel 3")
    (True, False, False)
    """
    core = line.strip()
    return bool(core) and not MARKDOWN_HEADING.match(core) and not re.search(r"\d", core) and \
        not TERMINAL.search(core) and 1 <= len(core.split()) <= 4 and all(w[:1].isupper() for w in core.split())


#: A site's menu parted by middots or bullets ('Research · Products · Safety · Careers · Blog'): at least this many
#: entries, each a word or two.
MENU_ROW_MIN_ENTRIES = 4
MENU_ENTRY = re.compile(r"^(?:[A-Z][\w&'’-]*(?: [A-Z&][\w&'’-]*)?|[\u4e00-\u9fff]{2,6})$")


def menu_row(line: str) -> bool:
    """A site's menu rendered as its words, parted by '·' or '•': four entries or more, each one or two capitalised
    words (or a short Han word), none a sentence.

    >>> menu_row("Research · Products · Safety · Careers · Blog"), menu_row("Nov 12, 2026 · 9 min read")
    (True, False)
    >>> menu_row("Speed · Cost · Quality · and why they trade off")
    False
    """
    entries = [e.strip() for e in re.split(r"\s[·•]\s", line.strip())]
    return len(entries) >= MENU_ROW_MIN_ENTRIES and all(MENU_ENTRY.match(e) for e in entries)


def bare_row(line: str) -> bool:
    """A line of short entries parted by '|' (a site's or a README's links rendered as their words): three or more,
    none a sentence. Alone on its line it is navigation; a table's rows come with their header and one another, so
    ``furniture_in_context`` reads it so only where neither neighbour holds a cell mark.

    >>> bare_row("技术报告 | 模型下载 | 在线体验"), bare_row("Paper | Code | Demo"), bare_row("模型 | 参数")
    (True, True, False)
    >>> bare_row("Ask questions | The model is small. | Try it")
    False
    """
    if not TABLE_CELL_MARK.search(line) or line.lstrip().startswith(("|", "｜")):
        return False
    entries = [e.strip() for e in TABLE_CELL_MARK.split(line)]
    return len(entries) >= BARE_ROW_MIN_ENTRIES and all(
        e and len(e) <= BARE_ROW_ENTRY_MAX_CHARS and not TERMINAL.search(e) for e in entries)


#: A post's reading time closing its dated byline ('Dana Whitfield · November 12, 2026 · 9 min read'): not counted among
#: the byline's words (bilingual review round 14) ...
READ_TIME_TAIL = re.compile(r"\s*[·•|｜]\s*\d+\s*(?:min|mins|minutes?)\s+(?:read|listen)\s*$", re.IGNORECASE)
#: ... when a person's name opens it (a section's word, 'Research · March 12, 2026 · 9 min read', is the site's line).
NAME_OPENING = re.compile(r"[A-Z][\w'’-]+\s+[A-Z][\w'’-]+\s*[·•|｜,]")
#: The marks that part a byline's fields, not counted among its words ...
BYLINE_SEPARATORS = frozenset("|·•｜")
#: ... in a line with a field led by 'by' ('Compute Ledger | by Dana Whitfield | …'): the writer's byline among a
#: site's fields.
BY_FIELD = re.compile(r"[|·•｜]\s*[Bb]y\s+[A-Z]")
#: A row of three or more short topic tags parted by middots ('人工智能 · 大模型 · 创业'), no sentence.
#: A tag may open on a Latin word and a space before its Han characters ('知乎 · 专栏 · AI 前沿观察': a Zhihu column's
#: site line, bilingual review round 20).
TOPIC_ROW = re.compile(r"^\s*(?:(?:[A-Za-z0-9]{1,8}\s)?[\u4e00-\u9fffA-Za-z0-9]{1,8}\s*[·•]\s*){2,}"
                       r"(?:[A-Za-z0-9]{1,8}\s)?[\u4e00-\u9fffA-Za-z0-9]{1,8}\s*$")
#: A page's publishing line with no name: a label, the date and a length ('Transcript · Published October 30, 2026 · 1 hr
#: 27 min', 'Research · March 12, 2026 · 9 min read'): furniture (bilingual review round 15: an interview's transcript).
PUBLISHING_LINE = re.compile(rf"^\s*[A-Z][\w&'’-]*(?:\s+[A-Za-z][\w&'’-]*){{0,2}}\s*[·•|｜]\s*(?:(?:Published|Posted|Updated)\s+)?"
                             rf"(?:{DATE.pattern})\s*[·•|｜]\s*(?:\d+\s*(?:hr|hrs|hours?)\s*(?:\d+\s*(?:min|mins|minutes?))?"
                             rf"|\d+\s*(?:min|mins|minutes?))(?:\s+(?:read|listen))?\s*$", re.IGNORECASE)
#: A review's star rating ('★★★★☆'): with a date on a short line, the reviewer's byline (bilingual review round 14).
STAR_RATING = re.compile(r"[★☆]{3,5}")
#: A post's author name alone on its line: at most this many characters, among the document's first this many lines.
AUTHOR_NAME_MAX_CHARS = 8
#: An author's tagline below the name: at most this long, with a role word, not a sentence.
TAGLINE_MAX_CHARS = 40
TAGLINE_ROLE = re.compile(r"工程师|工程師|研究员|研究員|教授|博士|硕士|碩士|学生|學生|实习生|實習生|创始人|創始人|编辑|編輯"
                          r"|记者|記者|产品经理|產品經理|开发者|開發者|爱好者|愛好者|从业者|從業者|分析师|分析師|投资人|投資人"
                          r"|设计师|設計師|科学家|科學家|创业者|創業者|程序员|程序員|架构师|架構師|CEO|CTO")
AUTHOR_NAME_HEAD_LINES = 4
#: ... with a byline (a date, a credit) among the furniture lines right below it, at most this many lines down (the
#: tagline and a count come between on an answer's page).
AUTHOR_NAME_REACH = 3


def author_name_lines(texts: list[str], kinds: list[str | None]) -> list[str | None]:
    """``kinds`` with an answer's or post's author name alone on its line set aside as a byline: near the document's
    head, below a line of content (the question or title: the document's first line is its title, never a name),
    right above furniture lines among which a byline comes (the author's tagline, a count, then the date), short, with
    no punctuation or digit ('林间行' between a question and '编程爱好者 / 后端工程师').

    >>> author_name_lines(["如何看待这篇文章？", "林间行", "发布于 2026-03-04"], [None, None, "byline"])[1]
    'byline'
    >>> author_name_lines(["港口周报", "作者：张三"], [None, "byline"])[0] is None
    True
    >>> author_name_lines(["Lumen", "轻量日志工具", "English | 简体中文"], [None, None, "boilerplate"])[1] is None
    True
    >>> author_name_lines(["如何看待这篇文章？", "林间行", "算法工程师，前某某实验室实习生", "谢邀。"], [None] * 4)[1:3]
    ['byline', 'byline']

    A Weibo post has no title: its first line is the account's name, right above the time and the client it was sent
    from ('老周说事' over '11-27 22:41 来自 iPhone客户端').

    >>> author_name_lines(["老周说事", "11-27 22:41 来自 iPhone客户端", "正文。"], [None, "byline", None])[0]
    'byline'
    """
    out = list(kinds)
    # an answer's author tagline right below the name ('林间行' over '算法工程师，前某某实验室实习生'): a byline, which
    # then makes the name above it one
    for k in range(2, min(len(texts), AUTHOR_NAME_HEAD_LINES + 1)):
        name, tagline = texts[k - 1].strip(), texts[k].strip()
        if out[k] is None and out[k - 1] is None and 0 < len(name) <= AUTHOR_NAME_MAX_CHARS \
                and len(HAN.findall(name)) == len(name) and 0 < len(tagline) <= TAGLINE_MAX_CHARS \
                and TAGLINE_ROLE.search(tagline) and not TERMINAL.search(tagline):
            out[k] = "byline"
    if len(texts) > 1 and out[0] is None and out[1] == "byline" and WEIBO_SOURCE.search(texts[1]) \
            and 0 < len(texts[0].strip()) <= AUTHOR_NAME_MAX_CHARS and not TERMINAL.search(texts[0].strip()):
        out[0] = "byline"
    for k in range(1, min(len(texts) - 1, AUTHOR_NAME_HEAD_LINES)):
        core = texts[k].strip()
        # below a line of content (the question or title), maybe with furniture between (a Zhihu question's buttons
        # and topic tags: bilingual review round 15)
        if out[k] is not None or all(kind is not None for kind in out[:k]) or not 0 < len(core) <= AUTHOR_NAME_MAX_CHARS \
                or re.search(r"[\W\d_]", core.replace(" ", "")):
            continue
        below = []  # the run of furniture right below it, up to the first byline among AUTHOR_NAME_REACH lines
        for kind in out[k + 1:k + 1 + AUTHOR_NAME_REACH]:
            if kind is None:
                break
            below.append(kind)
        if "byline" in below:  # a name over a badge row or a language switcher is a title's, not an author's
            out[k] = "byline"
    return out


#: A person's name alone on its line in Latin letters ('Marcus Heller', 'Ann B. Example'): two or three capitalised
#: words, an initial between.
LATIN_PERSON_NAME_LINE = re.compile(r"^[A-Z][a-z'’-]+(?:\s+[A-Z]\.)?(?:\s+(?:van|von|de|da|del|di|le|la)?\s*[A-Z][a-z'’-]+){1,2}$")
#: The longest line read as such a name.
LATIN_NAME_MAX_CHARS = 40


def english_author_lines(texts: list[str], kinds: list[str | None]) -> list[str | None]:
    """``kinds`` with an essay's author name alone on its line set aside as a byline: a person's name in Latin letters
    (``LATIN_PERSON_NAME_LINE``) right below a title (a line of content that ends no sentence) and right above a date
    line already read as a byline ('The Agent Economy Is Already Here' / 'Marcus Heller' / 'November 12, 2026';
    bilingual review round 21: a blog essay's author read as a heading of the English).

    >>> english_author_lines(["The Agent Economy Is Here", "Marcus Heller", "November 12, 2026", "Body."],
    ...                      [None, None, "byline", None])[1]
    'byline'
    >>> english_author_lines(["Why it matters.", "Marcus Heller", "November 12, 2026"], [None, None, "byline"])[1] is None
    True
    """
    out = list(kinds)
    for k in range(1, len(texts) - 1):
        name, title = texts[k].strip(), texts[k - 1].strip()
        if out[k] is None and out[k - 1] is None and out[k + 1] == "byline" and DATE.search(texts[k + 1]) \
                and 0 < len(name) <= LATIN_NAME_MAX_CHARS and LATIN_PERSON_NAME_LINE.match(name) \
                and title and not HAN.search(title) and not TERMINAL.search(title) and len(title) <= TITLE_MAX_CHARS:
            out[k] = "byline"
    return out


#: A title is looked for among the Chinese version's first this many content lines.
TITLE_HEAD_BLOCKS = 6
#: A title is at most this long, and does not end like a sentence or a clause (a question may be a title).
TITLE_MAX_CHARS = 120
TITLE_END = re.compile(r"[.。;；:：,，…]['\"”’）)]*$")


def _title_words(text: str) -> str:
    """A title as compared: its words, lowercased, one space apart ('Google “We Have No Moat”' → 'google we have no moat')."""
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def mark_title(texts: list[str], parts: list[str], kinds: list[str]) -> None:
    """Give the Chinese version's title line the kind 'title' (in place): among its first content lines, before its
    first Chinese sentence, a line numbered '00.' ('00. How It Works 精读'), or a line in Latin script, short and
    unpunctuated, that repeats the English version's title (its 'Title:' metadata or its first line), or that opens
    the document (a bookmark site's page title). A title is the document's, not a sentence of the Chinese: it is never
    linked, never an aside, and not counted among the Chinese sentences. At most one line is a title."""
    english = set()
    for text, part, kind in zip(texts, parts, kinds):
        found = TITLE_FIELD.match(text)
        if found:
            english.add(_title_words(found.group("title")))
    opening = [t for t, p, k in zip(texts, parts, kinds) if p == PART_ORIGINAL and k in CONTENT_KINDS][:1]
    english |= {_title_words(t) for t in opening if len(t) <= TITLE_MAX_CHARS}
    english.discard("")
    first_content = next((k for k, kind in enumerate(kinds) if kind in CONTENT_KINDS), None)
    seen = 0
    for k, (text, part, kind) in enumerate(zip(texts, parts, kinds)):
        if part != PART_COMMENTARY or kind not in CONTENT_KINDS:
            continue
        seen += 1
        if seen > TITLE_HEAD_BLOCKS:
            return
        line = text.strip()
        if TITLE_NUMBER.match(line) and seen == 1 and len(line) <= TITLE_MAX_CHARS:
            kinds[k] = "title"
            return
        if seen == 1 and kind == "heading" and len(line) <= TITLE_MAX_CHARS and ORIGINAL_APPENDED.search(line):
            kinds[k] = "title"  # '…（原文附后）': the post's headline, never linked nor counted as an aside
            return
        if HAN.search(line):
            return  # the Chinese has begun: a later Latin line is the Chinese version's own
        if len(line) > TITLE_MAX_CHARS or TITLE_END.search(line) or is_section_label(line):
            continue
        words = _title_words(line)
        repeats = bool(words) and any(words == e or (len(words.split()) >= 2 and (words in e or e in words)) for e in english)
        if repeats or k == first_content:
            kinds[k] = "title"
            return


#: The sentences table's columns.
SENTENCE_COLUMNS = ["block_id", "start", "end"]

#: The dtype pandas infers for a list of strings.
_TEXT_DTYPE = pd.Series([""]).dtype


def _typed_texts(values: list[str]):
    return text_array(values)


REPAIR_COLUMNS = ["position", "repair", "before", "after"]


def repairs_frame(repairs: list[dict]) -> pd.DataFrame:
    """The repairs table of a non-empty list of repairs: ``pd.DataFrame(repairs).sort_values("position",
    kind="stable", ignore_index=True)``, sorted first and built from typed columns (speed: the same frame)."""
    ordered = sorted(repairs, key=lambda r: r["position"])  # stable, as the mergesort
    columns = {name: [r[name] for r in ordered] for name in REPAIR_COLUMNS}
    if not (all(type(p) is int for p in columns["position"])
            and all(type(v) is str for name in REPAIR_COLUMNS[1:] for v in columns[name])):
        return pd.DataFrame(repairs, columns=REPAIR_COLUMNS).sort_values("position", kind="stable", ignore_index=True)
    return typed_frame({name: (np.array(values, dtype=np.int64) if name == "position" else _typed_texts(values))
                        for name, values in columns.items()}, REPAIR_COLUMNS)


def fenced_code(texts: list[str]) -> list[bool]:
    """Which lines belong to a fenced code block, its fences included: a fence ('```python', '~~~') opens, a line of the
    same character at least as long closes. A fence that nothing closes before the next block opens ('```python') is
    left to the other rules: it would otherwise take what lies between, the English original's start with it.

    >>> fenced_code(["安装：", "```bash", "pip install x", "```", "然后运行。"])
    [False, True, True, True, False]
    >>> fenced_code(["```", "no closing fence"])
    [False, False]
    """
    code = [False] * len(texts)
    k = 0
    while k < len(texts):
        opening = CODE_FENCE.match(texts[k])
        if opening:
            fence = opening.group(1)
            for j in range(k + 1, len(texts)):
                line = texts[j].strip()
                if line and set(line) == {fence[0]} and len(line) >= len(fence):
                    code[k:j + 1] = [True] * (j + 1 - k)
                    k = j
                    break
                if CODE_FENCE.match(texts[j]):
                    break  # another block opens ('```python'): this one was never closed
        k += 1
    return code


#: An English follow or join prompt ('Follow us on Twitter and Zhihu', 'Join our Discord').
FOLLOW_PROMPT_EN = re.compile(r"\b(?:follow|join)\b", re.IGNORECASE)
#: A capitalised Latin name in a line ('Twitter', 'DeepSpeed', 'Discord').
LATIN_NAME = re.compile(r"\b[A-Z][A-Za-z0-9]{2,}\b")
#: A Chinese line that renders a prompt is at most this long.
MIRRORED_PROMPT_MAX_CHARS = 80


#: A line without Han characters inside a comments section is a commenter's name when it is this short and a Chinese
#: line follows ('Kevin_L', then the comment); a longer one, or one before an English line, opens the original.
COMMENTER_NAME_MAX_CHARS = 24


def readers_comments(texts: list[str], langs: list[str], kinds: list[str | None]) -> list[str | None]:
    """``kinds`` with a post's readers' comments as furniture: from a line that is only a comments label (精选留言,
    热门评论: ``comments_label`` in cues.csv) to the last Chinese line before the original (its ``原文附后`` marker or
    its first English line; a short Latin line before a Chinese one is a commenter's name). The comments, their
    names and the author's replies are the readers' text, not the post's: none is a sentence, a mention or a theme.

    >>> readers_comments(["正文。", "精选留言", "小王", "写得好！", "作者回复：谢谢", "Title of the original"],
    ...                  ["zh", "zh", "zh", "zh", "zh", "en"], [None] * 6)
    [None, 'boilerplate', 'boilerplate', 'boilerplate', 'boilerplate', None]
    >>> readers_comments(["精选留言很重要，我们会认真看。"], ["zh"], [None])
    [None]
    """
    labels = _labels("comments_label")
    out = list(kinds)
    k = 0
    while k < len(texts):
        if label_form(texts[k]) not in labels:
            k += 1
            continue
        out[k] = "boilerplate"
        k += 1
        while k < len(texts) and not ORIGINAL_APPENDED.search(texts[k]):
            if langs[k] == "en" and not (len(texts[k]) <= COMMENTER_NAME_MAX_CHARS and k + 1 < len(texts)
                                         and langs[k + 1] != "en"):
                break
            out[k] = "boilerplate"
            k += 1
    return out


#: A contact block's lines below its label (a name, an address, a telephone): at most this many, each this short.
CONTACT_LINES = 4
CONTACT_LINE_MAX_CHARS = 48


def contact_blocks(texts: list[str], kinds: list[str | None]) -> list[str | None]:
    """``kinds`` with a press release's contact block as furniture: up to ``CONTACT_LINES`` short lines that end no
    sentence right below a contact label ('Media Contact', then 'Chen Yue', 'press@lumen.example', '+86 …').

    >>> contact_blocks(["Media Contact", "Ann Lee", "ann@lumen.example", "The end."], ["boilerplate", None, None, None])
    ['boilerplate', 'boilerplate', 'boilerplate', None]
    """
    out = list(kinds)
    for k, line in enumerate(texts):
        if out[k] != "boilerplate" or not CONTACT_LABEL.match(line.strip()):
            continue
        for j in range(k + 1, min(len(texts), k + 1 + CONTACT_LINES)):
            below = texts[j].strip()
            if len(below) > CONTACT_LINE_MAX_CHARS or ENDS_SENTENCE.search(below) and "@" not in below:
                break
            out[j] = out[j] or "boilerplate"
    return out


#: A masthead: the document's first line at most this long, ...
MASTHEAD_MAX_CHARS = 24
#: ... over furniture, then, within this many lines, a longer line that ends no sentence (the post's own title).
MASTHEAD_TITLE_REACH = 4
MASTHEAD_TITLE_MIN_CHARS = 10


#: A column's note on its writer, in brackets on its own line (（作者為科技政策研究者，本欄逢星期五刊出）, (作者是本报特约评论员)).
AUTHOR_NOTE_ZH = re.compile(r"\s*[（(]\s*作者\s*(?:为|為|是|係|系|现为|現為|现任|現任)[^（）()]{2,80}[）)]\s*")
#: An op-ed's closing line on its author ('Margaret Oduya is a senior fellow at the Halvorsen Institute.'): the name,
#: then 'is a/an/the/currently', one sentence.
AUTHOR_BIO_EN = re.compile(r"\s*(?P<name>[A-Z][\w.'’-]+(?:\s[A-Z][\w.'’-]+){1,3})\s+(?:is\s+(?:a|an|the|currently|also)\b"
                           r"|(?:covers|writes\s+(?:about|on)|reports\s+on)\s)"
                           r"[^.!?]{0,160}\.(?:\s+[^.!?]{1,60}[.!?]){0,2}\s*")


#: A quoted stretch in a byline ('原文：OpenAtlas“Lingxi Intelligence”条目'): a title it cites, no name of its writers.
BYLINE_QUOTED = re.compile(r"“[^”\n]*”|\"[^\"\n]*\"|「[^」\n]*」|『[^』\n]*』|《[^》\n]*》")
SIGNATURE_NAME = re.compile(r"[A-Z][\w.'’-]+(?:\s[A-Z][\w.'’-]+){1,3}")
SIGNATURE_TITLE = re.compile(r"(?:(?:Co-)?Founder|Chair(?:man|woman|person)?|President|(?:Chief|Executive|Senior|Vice)\b[\w ,&-]{0,60}"
                             r"|CEO|CFO|CTO|COO)(?:,? (?:and|&) [\w ,-]{0,40})?")


def author_notes(texts: list[str], kinds: list[str | None]) -> list[str | None]:
    """``kinds`` with the notes on a writer set aside as bylines: a Chinese column's bracketed line on its writer
    (``AUTHOR_NOTE_ZH``), and an English line on an author that a byline above names ('By Margaret Oduya' …
    'Margaret Oduya is a senior fellow at …', ``AUTHOR_BIO_EN``).

    >>> author_notes(["By Ann Example", "Ports matter.", "Ann Example is a fellow at the Institute."], ["byline", None, None])[2]
    'byline'
    >>> author_notes(["Ports matter.", "Ann Example is a fellow at the Institute."], [None, None])[1] is None
    True
    """
    out = list(kinds)
    bylines: list[str] = []
    for k, line in enumerate(texts):
        if out[k] == "byline":
            bylines.append(line)
            continue
        if out[k] is not None:
            continue
        if AUTHOR_NOTE_ZH.fullmatch(line):
            out[k] = "byline"
            continue
        bio = AUTHOR_BIO_EN.fullmatch(line)
        if bio and any(bio.group("name") in BYLINE_QUOTED.sub(" ", b) for b in bylines):
            out[k] = "byline"
            continue
        # a letter's signature: the bylined name alone on its line, and the title on the line below it (bilingual review round 11)
        # (a name the byline quotes is the original's title, not its writer: 原文：OpenAtlas“Lingxi Intelligence”条目;
        # bilingual review round 13's encyclopedia explainer)
        if SIGNATURE_NAME.fullmatch(line.strip()) and any(line.strip() in BYLINE_QUOTED.sub(" ", b) for b in bylines):
            out[k] = "byline"
            if k + 1 < len(texts) and out[k + 1] is None and SIGNATURE_TITLE.fullmatch(texts[k + 1].strip()):
                out[k + 1] = "byline"
    return out


#: The English's masthead: its first line, this many words at most ('The Policy Ledger', 'TechLedger', 'The Circuit
#: Review · Interviews') ...
ENGLISH_MASTHEAD_MAX_WORDS = 5
#: ... a byline within this many blocks below it, a longer line between (the headline) ...
ENGLISH_MASTHEAD_BYLINE_REACH = 4
#: ... and its name written again elsewhere in the file (© 2026 The Policy Ledger, 原文作者：…（The Frontier）), but not
#: as the original's title after its label (原文标题：…, whose line is the headline's).
TITLE_LABEL = re.compile(r"^\s*(?:原文标题|原文標題|原标题|原標題|英文原题|英文原題|英文标题|英文標題|原题|原題|Original title)\s*[:：]",
                         re.IGNORECASE)


def english_masthead(texts: list[str], parts: list[str], kinds: list[str]) -> None:
    """Set aside (in place) the English's first line when it is the publication's name over its headline and byline:
    short, no sentence, a byline within ENGLISH_MASTHEAD_BYLINE_REACH blocks with a longer line between, and its name
    written again elsewhere in the file (bilingual review round 8: 'The Policy Ledger' was counted as an English
    heading and a section of its own).

    >>> texts = ["评论。", "The Harbour Ledger", "Regulate the ports, not the ships", "By Ann Example", "Ports matter.",
    ...          "© 2026 The Harbour Ledger"]
    >>> parts = ["commentary", "original", "original", "noncontent", "original", "noncontent"]
    >>> kinds = ["paragraph", "heading", "heading", "byline", "paragraph", "boilerplate"]
    >>> english_masthead(texts, parts, kinds); parts[1], kinds[1]
    ('noncontent', 'boilerplate')
    """
    first = next((k for k, part in enumerate(parts) if part == PART_ORIGINAL), None)
    if first is None:
        return
    line = texts[first].strip()
    words = line.split()
    if not line or len(words) > ENGLISH_MASTHEAD_MAX_WORDS or ENDS_SENTENCE.search(line) or HAN.search(line):
        return
    # the reach counts lines that are not furniture ('Subscribe | Sign in' between masthead and headline: bilingual review round 13)
    below, seen = [], 0
    for k in range(first + 1, len(texts)):
        if seen >= ENGLISH_MASTHEAD_BYLINE_REACH:
            break
        below.append(k)
        seen += kinds[k] != "boilerplate"
    byline = next((k for k in below if kinds[k] == "byline"), None)
    # the headline between them, or right below the byline ('The Silicon Ledger', 'Issue #117 · … · By Priya Raman',
    # then the headline: bilingual review round 15)
    headline_after = byline is not None and byline == first + 1 and byline + 1 < len(texts) \
        and parts[byline + 1] == PART_ORIGINAL and len(texts[byline + 1].strip()) > len(line) \
        and not ENDS_SENTENCE.search(texts[byline + 1].strip())
    if byline is None or not headline_after and not any(len(texts[j].strip()) > len(line) and parts[j] == PART_ORIGINAL
                                                         for j in range(first + 1, byline)):
        return
    names = {line, re.split(r"\s+[·|｜]\s+", line)[0]}
    if len(words) >= 3:
        names.add(" ".join(words[:-1]))
    names = {n for n in names if len(n) >= 6}
    others = [t for k, t in enumerate(texts) if k != first and not TITLE_LABEL.match(t)]
    if any(name in other for name in names for other in others):
        parts[first], kinds[first] = PART_NONCONTENT, "boilerplate"


#: A publication's name between an article's byline and its date line: this many words at most.
OUTLET_LINE_MAX_WORDS = 5


def outlet_between_bylines(texts: list[str], parts: list[str], kinds: list[str]) -> None:
    """Set aside (in place) an English line that is a publication's name between two lines of an article's byline
    ('By Dana Example', 'The Harbour Ledger', 'November 10, 2026'): short, no sentence, every word capitalised
    (bilingual review round 20: a commentary on two articles, each with its outlet under its 'By' line, counted the
    outlets as the English's headings, and the title slide found no date below the byline).

    >>> texts = ["A headline here", "By Ann Example", "The Harbour Ledger", "November 10, 2026", "Ports matter."]
    >>> parts = ["original", "noncontent", "original", "noncontent", "original"]
    >>> kinds = ["paragraph", "byline", "heading", "byline", "paragraph"]
    >>> outlet_between_bylines(texts, parts, kinds); parts[2], kinds[2]
    ('noncontent', 'byline')
    """
    for k in range(1, len(texts) - 1):
        line = texts[k].strip()
        words = line.split()
        if parts[k] != PART_ORIGINAL or kinds[k - 1] != "byline" or kinds[k + 1] != "byline" or \
                not 0 < len(words) <= OUTLET_LINE_MAX_WORDS or ENDS_SENTENCE.search(line) or HAN.search(line) or \
                not all(w[:1].isupper() or w.lower() in ("of", "the", "and", "for", "on", "&") for w in words):
            continue
        parts[k], kinds[k] = PART_NONCONTENT, "byline"


def masthead(texts: list[str], kinds: list[str | None]) -> list[str | None]:
    """``kinds`` with the document's first line as furniture when it is a site's or an account's name: short, no
    sentence's end, over a line of furniture (a follow prompt, a byline, a breadcrumb), with a longer line that ends
    no sentence below them (the post's title): '智能治理观察', '点击上方蓝字关注我们', then the headline.

    >>> masthead(["港口观察", "点击上方蓝字关注我们", "英国发布港口新规（全文编译）", "正文。"], [None, "boilerplate", None, None])[0]
    'boilerplate'
    >>> masthead(["港口新规发布", "作者：张三", "新规明年生效。"], [None, "byline", None])[0] is None
    True
    """
    out = list(kinds)
    first = texts[0].strip() if texts else ""
    # an account's or a site's name that its own byline repeats below the headline ('AI前沿译站' over the title, then
    # '原创 编译：某某 AI前沿译站 2026年…'): the first line is the masthead, whatever stands between
    if (len(texts) >= 3 and out[0] is None and 2 <= len(first) <= MASTHEAD_MAX_CHARS and not TERMINAL.search(first)
            and any(out[k] in ("byline", "boilerplate") and first in texts[k] and texts[k].strip() != first
                    for k in range(1, min(len(texts), 2 + MASTHEAD_TITLE_REACH)))):
        out[0] = "boilerplate"
        return out
    if len(texts) < 3 or out[0] is not None or out[1] not in ("byline", "boilerplate"):
        return out
    if len(first) > MASTHEAD_MAX_CHARS or TERMINAL.search(first) or MARKDOWN_HEADING.match(first):
        return out
    for k in range(2, min(len(texts), 2 + MASTHEAD_TITLE_REACH)):
        line = texts[k].strip()
        if out[k] is not None:
            continue
        # a headline may ask a question or exclaim (規管人工智能，該管什麼？): only a full stop or a colon ends no title
        if len(line) >= max(MASTHEAD_TITLE_MIN_CHARS, len(first) + 1) and not TERMINAL.search(line.rstrip("？?！!")):
            out[0] = "boilerplate"
        break
    return out


def mirrored_prompts(texts: list[str], kinds: list[str | None]) -> list[str | None]:
    """``kinds`` with the Chinese rendering of an English follow or join prompt set aside too: a short Chinese line, not
    yet furniture, whose Latin names (two or more) all stand in one English line set aside as a prompt ('你也可以在
    Twitter 上关注 DeepSpeed' beside 'Follow DeepSpeed on Twitter'). Kept as content, it was the translator's only
    'addition', and its names the ones 'only the Chinese' used. A navigation row's names are not enough: a README's
    sentence may name the hubs its links row lists.

    >>> texts = ["你也可以在 Twitter 和 Discord 上关注 Harbourline。", "Follow Harbourline on Twitter and Discord."]
    >>> mirrored_prompts(texts, [None, "boilerplate"])[0]
    'boilerplate'
    >>> mirrored_prompts(["我们在 Harbourhub 和 Mirrorsite 发布了权重。", "🤗 Harbourhub • 🤖 Mirrorsite"], [None, "boilerplate"])[0] is None
    True
    """
    prompts = [set(LATIN_NAME.findall(t)) for t, kind in zip(texts, kinds)
               if kind == "boilerplate" and not HAN.search(t) and FOLLOW_PROMPT_EN.search(t)]
    if not prompts:
        return kinds
    out = list(kinds)
    for k, (line, kind) in enumerate(zip(texts, kinds)):
        if kind is not None or not HAN.search(line) or len(line.strip()) > MIRRORED_PROMPT_MAX_CHARS:
            continue
        names = set(LATIN_NAME.findall(line))
        if len(names) >= 2 and any(names <= prompt for prompt in prompts):
            out[k] = "boilerplate"
    return out


def code_parts(parts: list[str], code: list[bool]) -> None:
    """Give each code line (in place) the part of the content line before it, or after it where none comes before: a
    README's code belongs to the version that shows it.

    >>> parts = ["commentary", "noncontent", "noncontent", "original"]
    >>> code_parts(parts, [False, True, True, False]); parts
    ['commentary', 'commentary', 'commentary', 'original']
    """
    last = None
    for k, part in enumerate(parts):
        if code[k]:
            if last is not None:
                parts[k] = last
        elif part != PART_NONCONTENT:
            last = part
    upcoming = None
    for k in range(len(parts) - 1, -1, -1):
        if not code[k] and parts[k] != PART_NONCONTENT:
            upcoming = parts[k]
        elif code[k] and parts[k] == PART_NONCONTENT and upcoming is not None:
            parts[k] = upcoming


def subtitle_cues(texts: list[str], kinds: list[str | None]) -> list[str | None]:
    """A subtitle file's furniture: each cue's timing line ('00:01:02,500 --> 00:01:05,000') and the cue's number
    alone on the line above it ('12'); neither is said in the video (bilingual review round 14: a subtitle file's
    numbers and timings were 84 sentences, linked to each other by their numbers).

    >>> subtitle_cues(["12", "00:01:02,500 --> 00:01:05,000", "大家好。"], [None, None, None])
    ['boilerplate', 'boilerplate', None]
    """
    out = list(kinds)
    for k, line in enumerate(texts):
        if SUBTITLE_TIMING.match(line.strip()):
            out[k] = "boilerplate"
            if k and texts[k - 1].strip().isdigit():
                out[k - 1] = "boilerplate"
    return out


def parse_document(text: str) -> Parsed:
    """Parse a decoded document into blocks, sentences and the repairs made to glued units."""
    spans, repairs, examined = split_glued_headings(text, list(iter_lines(text)))
    texts = [text[a:b] for a, b, _ in spans]
    counts = script_counts_each(texts)  # (Han, Latin) of each block, counted once
    langs = [lang_of_counts(han, latin) for han, latin in counts]
    # every short line's furniture cues in one pass of the matcher over them all (a line longer than any furniture
    # line's limit is never looked up: its place holds an empty text)
    cues = _noncontent_cues().find_each([t if len(t) <= _CUED_MAX_CHARS else "" for t in texts])
    noncontent_kind = english_author_lines(texts, author_name_lines(texts, furniture_in_context(texts, caption_continuations(
        text, spans, [classify_noncontent(t, lang=lang, cues=c) for t, lang, c in zip(texts, langs, cues)]))))
    noncontent_kind = contact_blocks(texts, readers_comments(texts, langs, mirrored_prompts(texts, noncontent_kind)))
    noncontent_kind = author_notes(texts, masthead(texts, noncontent_kind))
    if "-->" in text:  # a subtitle file's timings (the scan is skipped where none can be)
        noncontent_kind = subtitle_cues(texts, noncontent_kind)
    code = fenced_code(texts) if "```" in text or "~~~" in text else None
    if code:  # code is neither version's prose: weighed as neither, it cannot start the English original
        noncontent_kind = ["code" if in_code else kind for in_code, kind in zip(code, noncontent_kind)]
    glued = [g for _, _, g in spans]
    kinds, labels = classify_kinds(texts, langs, glued, noncontent_kind, breaks_before(text, spans))
    weights = [han + latin // 3 for han, latin in counts]
    parts = assign_parts(langs, weights, [nk is not None for nk in noncontent_kind], [han for han, _ in counts])
    if code:
        code_parts(parts, code)
    for k, repeated in enumerate(repeated_alt_texts(texts, parts, kinds)):
        if repeated:
            parts[k], kinds[k] = PART_NONCONTENT, "caption"
    for k, part in enumerate(parts):
        if part == PART_NONCONTENT and kinds[k] not in NONCONTENT_KINDS:
            kinds[k] = "boilerplate"
    english_masthead(texts, parts, kinds)
    outlet_between_bylines(texts, parts, kinds)
    mark_title(texts, parts, kinds)
    for k in range(len(kinds)):
        if parts[k] == PART_COMMENTARY and k in labels and not HAN.search(texts[k]):
            kinds[k] = "label"

    # A signature: the document's last line, short and unpunctuated, after the content.
    if parts and parts[-1] == PART_NONCONTENT and len(texts[-1]) <= 20 and not re.search(r"[\W_]", texts[-1].replace(" ", "")):
        kinds[-1] = "byline"
    # Sections count the headings within each part; a prompt between two sections does not reset them.
    sections, seen = [], {part: 0 for part in set(parts)}
    for part, kind in zip(parts, kinds):
        if kind in ("heading", "label"):
            seen[part] += 1
        sections.append(seen[part])

    # built typed as pandas infers the lists (strings; int64), so that no column's type is inferred (speed); a
    # document without blocks keeps its lists (their frame's inferred columns are other dtypes)
    typed = _typed_texts if spans else list
    blocks = typed_frame(
        {
            "block_id": np.arange(1, len(spans) + 1, dtype=np.int64) if spans else range(1, len(spans) + 1),
            "part": typed(parts),
            "kind": typed(kinds),
            "lang": typed(langs),
            "section": np.array(sections, dtype=np.int64) if spans else sections,
            "start": np.array([a for a, _, _ in spans], dtype=np.int64) if spans else [],
            "end": np.array([b for _, b, _ in spans], dtype=np.int64) if spans else [],
            "text": typed(texts),
        },
        BLOCK_COLUMNS,
    )
    rows = []
    for block_id, (a, _, _), block_text, lang in zip(range(1, len(spans) + 1), spans, texts, langs):
        spans_in, glued = _spans_and_glued(block_text, lang)
        for s, e in spans_in:
            if STAGE_DIRECTION.fullmatch(block_text[s:e].strip()):
                continue  # an audience cue ([掌声], [Applause]) is the transcript's furniture, no sentence of the speaker's
            rows.append((block_id, a + s, a + e))
        for end in glued:
            position = a + end
            repairs.append({"position": position, "repair": "sentence_glued_to_next",
                            "before": text[max(a, position - 30):position], "after": text[position:position + 30]})
    # built column by column (the same frames as from the rows, at a third of pandas' cost: this runs per document)
    sentences = (typed_frame({name: np.array(column, dtype=np.int64) for name, column in
                              zip(SENTENCE_COLUMNS, zip(*rows))}, SENTENCE_COLUMNS) if rows
                 else pd.DataFrame(rows, columns=["block_id", "start", "end"]))
    repairs_table = (repairs_frame(repairs) if repairs
        else pd.DataFrame({name: np.empty(0, dtype=object) for name in ["position", "repair", "before", "after"]}))
    return Parsed(blocks=blocks, sentences=sentences, repairs=repairs_table, seams_examined=examined + len(sentences))
