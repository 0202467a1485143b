"""The briefing's slides, computed from the analysis: a title slide from the document's own lines, one message
per slide with a title that states the finding in a sentence, the terms of art defined, the evidence rows
behind each claim for the speaker notes, and a closing slide that answers the briefing's question.

Nothing here knows a document: titles, bylines and dates are found by the shape of a line (``helpers.patterns``
and the parser's block kinds), and every number comes from the tables.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from ..columns import ADDITION, BEYOND, OMISSION, PART_COMMENTARY, PART_NONCONTENT, PART_ORIGINAL, UNSURE, units_noun
from ..framing.caveats import english_articles, unsure_reason, version_letters, version_weights
from ..framing.labs import org_nouns, through_words
from ..framing.shifts import label_gate, title_case, worth_reading
from ..align.evidence import opens_note
from ..params import DEFAULTS
from ..patterns import (
    BYLINE_LEAD, DATE, DISCOVER_URL_RE, ENDS_SENTENCE, ENDS_WITH_COLON, HAN, LATIN_LETTER, MARKDOWN_IMAGE, MARKDOWN_LINK,
    MONTHS, NEWS_BYLINE, TEAM_CREDIT, TITLE_FIELD,
)
from .narrative import (
    SHIFTS_WITHOUT_LINKS, judged_as, listing, pct, plural, share_units, shift_changes, text_of, theme_evidence,
    unstated_themes,
)
from .tables import frame_name

#: The question the briefing answers (its closing slide answers it).
QUESTION = "What does a reader of the Chinese write-up get, and miss, compared with the English original?"

#: The terms of art the slides use, each defined in one line (the glossary slide).
TERMS = (
    ("linked", "a Chinese sentence the aligner ties to the English sentence(s) it draws on"),
    ("coverage", "the share of an English section's characters that some Chinese sentence draws on"),
    ("aside (addition)", "a Chinese sentence linked to no English sentence, and not held back as unsure: the writer "
                         "speaking, or a restatement the aligner could not match"),
    ("unsure", "a Chinese sentence whose link the aligner held back: it may draw on the English, or on nothing in it"),
    ("omission", "an English sentence no Chinese sentence draws on"),
    ("attributed", "the author's claim, kept as the author's (作者认为…, “he says”)"),
    ("absorbed", "the author's claim restated in the commentator's own voice: whose view it is is lost"),
    ("reattributed", "a claim the author reports from others, credited to the author"),
    ("softened / sharpened", "the Chinese hedges more / states more firmly than the English it draws on"),
    ("frame", "a policy frame (Boydstun et al. 2014) evoked by a cue of the frame lexicon"),
    ("per 1,000 characters", "a count divided by the version's length, Han characters for the Chinese and Latin "
                             "letters at three a character for the English: the versions differ several times over"),
    ("names (a lab)", "a mention of the lab or of one of its models or products (Claude Code counts for Anthropic), "
                      "as the gazetteer lists them"),
)

#: Longest line read as a title (a heading or the document's first line); longer is a paragraph.
TITLE_MAX_CHARS = 120
#: A line that ends like a statement is a sentence, not a title ('What are LLMs?' may be a title).
SENTENCE_END = re.compile(r"[。．]\s*$|(?<![A-Z.])\.\s*$")
#: A Chinese title has at least this many Han characters (an English one a word of three letters or more).
MIN_TITLE_HAN = 4
#: A rule notice's fields under its title ('AGENCY: Bureau of Industry and Security, Commerce.', 'ACTION: Final rule.').
RULE_NOTICE_FIELD = re.compile(r"^\s*(?:AGENCY|ACTION)\s*:\s*\S")
#: ... a title that may run long ('Export Administration Regulations: Controls on …; Cloud Compute Reporting').
RULE_TITLE_MAX_CHARS = 240
#: How many blocks at the top of a version are searched for its title or byline.
HEAD_BLOCKS = 6


def _plain(text: str) -> str:
    """A line as a title reads: Markdown images dropped, links as their text, spaces trimmed."""
    return MARKDOWN_LINK.sub(r"\1", MARKDOWN_IMAGE.sub("", str(text))).strip()


#: A numbered part's label, never a title ('Thread 1', 'Part 2', 'Tweet 3 of 5'): a post that appends several threads or
#: parts labels each so (bilingual review round 20: a Weibo post over three researchers' X threads read 'Thread 1').
PART_LABEL = re.compile(r"(?i)(?:thread|part|tweet|post|story|article|excerpt)\s*#?\d{1,2}(?:\s*(?:of|/)\s*\d{1,2})?[.:]?")


def _is_title(text: str, max_chars: int = TITLE_MAX_CHARS) -> bool:
    """A short line that is not a sentence, a date, an address, a link definition ('[r]: https://…'), a numbered part's
    label ('Thread 1') or a row of links ('Report | Docs | Forum': a title may name its site after one bar, a navigation
    row has two or more)."""
    return (0 < len(text) <= max_chars and not SENTENCE_END.search(text) and not DATE.search(text)
            and not PART_LABEL.fullmatch(text.strip())
            and not DISCOVER_URL_RE.search(text) and len(re.findall(r"[|｜•]", text)) < 2
            and (re.search(r"[A-Za-z]{3,}", text) is not None or len(HAN.findall(text)) >= MIN_TITLE_HAN))


#: A person's name as a byline writes it: capitalised words ('Ada Lindqvist', 'J. R. Smith', "O'Neil").
_NAME = r"(?:[A-Z]\.|[A-Z][\w'’-]*)(?:\s+(?:[A-Z]\.|[A-Z][\w'’-]*|de|van|von|der|la|le))*"
#: Names joined into a list ('Ada Lindqvist and Tomas Berg', 'A, B, and C').
_NAMES = rf"{_NAME}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*){_NAME})*"
#: An English byline: 'Written by …' anywhere in a line, 'By …' as a whole line (once a date is taken out).
AUTHOR_PHRASE = re.compile(rf"\b(?:Written|Posted|Authored|Words)\s+by\s+(?P<name>{_NAMES})")
BY_LINE = re.compile(rf"^\s*By\s+(?P<name>{_NAMES})[\s,·|/–—-]*$")
#: A Chinese byline: '文章由X撰写' (anywhere in a sentence), '作者：X'.
ZH_WRITTEN_BY = re.compile(r"(?:文章|本文|原文|该文)由\s*(?P<name>[^，。,；;：:\n]{1,40}?)\s*(?:撰写|所写|撰文|执笔|写成|发表)")
#: A byline's date: a full date, or a month and year alone ('By Ann Example, November 2026').
BYLINE_DATE = re.compile(rf"{DATE.pattern}|\b{MONTHS}\s+\d{{4}}\b|\d{{4}}\s*年\s*\d{{1,2}}\s*月")
#: A Chinese writer's byline: '文／X', '撰文｜X', '作者 | X', a date maybe after the name ('文／林某　2026年11月20日').
ZH_WRITER_BYLINE = re.compile(r"^\s*(?:文|撰文|作者|编译|編譯)\s*[/／|｜:：]\s*(?:(?:本刊|本报|本報|特约|特約)?(?:记者|記者)[\s\u3000]*)?(?P<name>[^\s，。,；;|｜/／·•\d]{2,12})")
#: A translator's credit closing a byline ('◎ 某某／文　林某某／譯'): the Chinese version's own writer.
ZH_TRANSLATOR_CREDIT = re.compile(r"(?:^|[\s\u3000])(?P<name>[\u4e00-\u9fff．·]{2,8})[／/](?:譯|译)\s*$")
#: A reporter's credit with the label and the name apart by a space ('記者 何某某'): the first name is the writer.
ZH_SPACED_BYLINE = re.compile(r"^\s*(?:记者|記者|编译|編譯|撰文)[ \u00a0\u3000]+(?P<name>[\u4e00-\u9fff]{2,4})(?:[ \u00a0\u3000、，,]|$)")
#: A dated Chinese byline with no lead: a team's or desk's name, a separator, a date ('某某智能团队 · 2026年10月8日');
#: the name is at most this many characters, with no punctuation inside, and ends as a team does (a bare name beside a
#: date may be a dateline's place: '北京 2026年11月20日').
ZH_DATED_NAME_MAX = 12
ZH_TEAM_END = re.compile(r"(?:团队|團隊|编辑部|編輯部|小组|小組|工作室|编译组|編譯組)$")
ZH_AUTHOR_FIELD = re.compile(r"(?:^|\s)(?:作者|编译|編譯|翻译|翻譯|译者|譯者)\s*[:：]\s*"
                             r"(?P<name>[^\s，。,；;|｜/／]+(?:\s+[A-Z][^\s，。,；;|｜/／]*)*)")
#: A translator's or compiler's credit after a bar, a colon or a slash ('编译 | 林舟', '翻译：周航', '文／Foo Bar　譯／林某某' on
#: a Taiwan site: bilingual review round 21): the Chinese post's writer.
ZH_RENDERER_CREDIT = re.compile(r"(?:编译|編譯|翻译|翻譯|译者|譯者|(?:^|(?<=[\s|｜/／]))[譯译])\s*[|｜:：/／]\s*"
                                r"(?P<name>[\u4e00-\u9fff·]{2,8})")
#: A post's editors' credit ('编辑：陈萍、杜伟'), read where no writer is named; 责任编辑 (a news desk's) is not it.
ZH_EDITOR_FIELD = re.compile(r"(?:^|\s)(?:编辑|編輯)\s*[:：]\s*(?P<name>[^\s，。,；;|｜/／]+(?:\s+[A-Z][^\s，。,；;|｜/／]*)*)")
#: A newspaper's reporter byline ('报道：本报记者 林佩仪', '本报记者 林佩仪', '記者：李某某' closing a Hong Kong report:
#: bilingual review round 21, where the 編輯： line below it was read as the writer): the names after 记者.
ZH_PAPER_REPORTER = re.compile(r"^\s*(?:(?:报道|報導|報道|撰稿|采写|採寫)\s*[：:]\s*)?(?:本报|本報|特约|特約)?(?:记者|記者)(?:\s*[：:]\s*|\s+)"
                               r"(?P<name>[\u4e00-\u9fff]{2,4}(?:[、，,\s]+[\u4e00-\u9fff]{2,4}){0,3})\s*$")
#: A WeChat post's originality mark and its writer ('原创 老周说AI 硅谷回声 2026年11月20日'): the name after 原创.
ZH_ORIGINAL_MARK = re.compile(r"^\s*原创\s+(?P<name>[^\s，。,；;|｜/／]{2,12})\s")
#: A news report's byline: the reporter or compiler, then a slash and the desk's credit ending in 报道, 电 or 讯
#: ('记者王某／综合外电报道', '編譯林某/綜合報導', '记者王某／北京电'): the Chinese report's own writer; after the site's
#: name and a slash, the credit after a space ('數位觀察網 / 編譯林某 綜合外電報導': round 20's recheck of a Taiwanese report).
ZH_REPORTER_BYLINE = re.compile(r"^\s*(?:[^／/\s]{2,12}\s*[／/]\s*)?(?:记者|記者|编译|編譯)\s*(?P<name>[\u4e00-\u9fff]{2,4})"
                                r"(?:\s*[／/]|[ \u3000]+)[^／/]{0,12}(?:报道|報道|報導|报导|电|電|讯|訊)\s*$")
#: A job title after a byline's name ('By Ann Example, Head of Product, Foo Software'): the name ends at the comma
#: before it.
BYLINE_ROLE = re.compile(r",\s+(?=(?:[A-Z][\w.&'-]*\s+){0,3}(?:Head|Director|Editor|Correspondent|Reporter|Writer|Engineer"
                         r"|Manager|Lead|Officer|Founder|Co-founder|CEO|CTO|COO|President|Chief|VP|Vice|Senior|Staff"
                         r"|Principal|Researcher|Scientist|Analyst|Designer|Developer)\b)")
#: A metadata line giving the publication date ('Published Time: 2021-03-02T08:00:00+00:00', '发布时间：…'); a
#: bookmark's 'Added At:' is the day it was saved, not the article's date, and is not read.
PUBLISHED_FIELD = re.compile(r"^\s*(?:Published(?:\s+(?:Time|At|On|Date))?|Publication\s+Date|Date|发布时间|发表时间|发布日期|发表日期|日期)"
                             r"\s*[:：]\s*(?P<value>.+)$", re.I)
#: A line's leading section number ('00. ', '1、'), which a title set as the first item of a list carries.
NUMBER_PREFIX = re.compile(r"^\s*\d{1,3}\s*[.、．]\s*")
#: What a dated line holds besides a name: when it was published or updated, and how long it takes to read or hear
#: ('Published November 14, 2026 · 58 min', 'Nov 12, 2026 · 9 min read'): none of it is an author.
BYLINE_NOT_NAME = re.compile(r"\b(?:(?:Originally\s+|First\s+)?Published|(?:Last\s+)?Updated|Posted)(?:\s+(?:on|at))?\b"
                             r"|\b\d+\s*(?:min|mins|minutes?|hrs?|hours?|sec|seconds?)\b(?:\s+(?:read|listen|watch))?"
                             r"|\b\d{1,2}:\d{2}\s*[AaPp]\.?[Mm]\b\.?(?:\s*(?:ET|EST|EDT|PT|PST|PDT|CT|CST|CDT|GMT|UTC|BST|CET|HKT"
                             r"|SGT|JST|KST)\b)?",  # a post's clock time: '9:14 AM · Apr 2, 2026', '4:30 PM ET'
                             re.IGNORECASE)
#: Most words in one name of a byline, and most names in one byline (a longer run is a sentence that happens to
#: start 'By …'): names are counted between commas and 'and', so six authors' byline is six names, not 13 words.
MAX_NAME_WORDS = 4
MAX_NAMES = 12
NAME_SEPARATOR = re.compile(r"\s*(?:,|，|、|;|&|\band\b|和|与)\s*")


#: A memo's or e-mail's sender line ('From: Dana Whitfield <dana@…>'): the writer's name.
MEMO_FROM = re.compile(r"^\s*From\s*:\s*(?P<name>[^<@:]+?)\s*(?:<[^>]*>)?\s*$")


#: A byline's lead ('By ', 'Written by '), taken off the name it leads.
BY_LEAD = re.compile(r"^\s*(?:(?:Written|Posted|Words)\s+)?By\s+", re.IGNORECASE)
NAME_PARTICLE = {"van", "von", "de", "da", "del", "der", "di", "bin", "al", "la", "le", "du", "and"}


def _capitalised_name(text: str) -> bool:
    """Whether every word of ``text`` opens with a capital, a name's particles aside (van, de, bin)."""
    words = re.findall(r"[^\s,]+", text)
    return bool(words) and all(w[:1].isupper() or w.lower() in NAME_PARTICLE for w in words) \
        and not any(w.lower().strip(".:") in BYLINE_LABEL_WORDS for w in words)


#: A publishing line's words that name no writer ('Transcript excerpt · Recorded …', 'Issue #117 · …').
BYLINE_LABEL_WORDS = {"recorded", "transcript", "excerpt", "episode", "issue", "updated", "published", "posted",
                      "edited", "live", "replay", "newsletter"}


def _reads_as_names(text: str) -> bool:
    """Whether a byline's text is one to ``MAX_NAMES`` names of at most ``MAX_NAME_WORDS`` words each.

    >>> _reads_as_names("Ada Lovelace, Alan Turing, and Grace Hopper")
    True
    >>> _reads_as_names("the team that built the first version of this system and then shipped it to users")
    False
    """
    if TEAM_NAME.fullmatch(text.strip()):
        return True  # 'the Halcyon Labs research team': a team's credit (bilingual review round 15)
    names = [n for n in NAME_SEPARATOR.split(text.strip()) if n]
    return 0 < len(names) <= MAX_NAMES and all(len(n.split()) <= MAX_NAME_WORDS for n in names)


#: A team credited as the author ('the Halcyon Labs research team'): the, a few capitalised words, then team.
TEAM_NAME = re.compile(r"[Tt]he\s+(?:[A-Z][\w.&'’-]*\s+){1,4}(?:[a-z]+\s+)?team")


def _ends(frame: pd.DataFrame, count: int = HEAD_BLOCKS) -> pd.DataFrame:
    """A version's head and foot: its first and last ``count`` blocks (a byline sits at one end or the other)."""
    return pd.concat([frame.head(count), frame.iloc[count:].tail(count)])


#: The longest line below a byline read as its date alone ('April 2, 2026', 'Updated June 3, 2026, 6:42 PM ET').
DATE_LINE_MAX_CHARS = 60


#: Where a newspaper's reporter filed from, after each name of its byline ('… in Hong Kong and … in London').
REPORTER_CITY = re.compile(r"\s+in\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}(?=\s*(?:,|\band\b|&|$))")
#: A team credited after the named authors: the names are the byline's authors.
TEAM_AFTER_NAMES = re.compile(r",?\s+(?:and|&)\s+the\s+[\w\s.'’-]{1,40}?\bteam\s*$"
                              # the named authors' team after a comma ('Priya Raman and Tomás Ibarra, CodeArena team':
                              # bilingual review round 20)
                              r"|,\s+(?:the\s+)?[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3}(?:\s+[a-z]+)?\s+team\s*$")


def _date_below(blocks: pd.DataFrame, index) -> str:
    """The date on the line right below the byline at ``index``, or else on one of the two above it with its month in
    words ('Research · March 12, 2026 · 9 min read' over 'By …'), when that line is a short English date line."""
    position = blocks.index.get_loc(index) if index in blocks.index else None
    if position is None:
        return ""
    below = _plain(str(blocks["text"].iloc[position + 1])).strip() if position + 1 < len(blocks) else ""
    # past a masthead and section line between them ('By …' over 'The Asia Ledger | Opinion' over 'November 18, 2026':
    # bilingual review round 20)
    past_masthead = (position + 2,) if SECTION_TRAIL.fullmatch(below) and not DATE.search(below) \
        and not SENTENCE_END.search(below) else ()
    # two below when the line right below is the byline's too (the publication's name: 'By …', 'The Harbour Ledger',
    # 'November 10, 2026': bilingual review round 20)
    second = (position + 2,) if position + 1 < len(blocks) and blocks["kind"].iloc[position + 1] == "byline" else ()
    for near in (position + 1, *sorted(set(past_masthead) | set(second)), position - 1, position - 2):
        if not 0 <= near < len(blocks):
            continue
        line = _plain(str(blocks["text"].iloc[near])).strip()
        date = BYLINE_DATE.search(line)
        # above, a date with its month in words only: '2026/01/05 08:30' may be the Chinese post's own stamp
        if date and len(line) <= DATE_LINE_MAX_CHARS and not HAN.search(line) and (
                near > position or LATIN_LETTER.search(date.group(0))):
            return date.group(0)
    return ""


#: A person's name alone on its line (two or three capitalised words): the name half of a byline whose date stands
#: on the line below it (Substack, Medium: 'Maya Okafor' over 'Mar 12, 2026').
NAME_LINE = re.compile(r"^[A-Z][a-z'’\-]+(?:\s+[A-Z][a-z'’\-]+){1,2}"
                       # a job title after a comma ('Daniel Reeves, Managing Partner'): the name is the match
                       r"(?=$|,\s+(?:(?:[A-Z][\w&’'\-]*|of|and|the|for)\s*){1,6}$)")


def _name_over_date(blocks: pd.DataFrame, index) -> str:
    """The name on the line right above a byline that is a date alone, else ""."""
    position = blocks.index.get_loc(index) if index in blocks.index else None
    if not position:
        return ""
    line = _plain(str(blocks["text"].iloc[position - 1])).strip()
    if TEAM_CREDIT.fullmatch(line):
        return line  # a team credited over the date ('Lumen Labs Research Team': bilingual review round 20)
    found = NAME_LINE.match(line)
    return found.group(0) if found else ""


def _author(blocks: pd.DataFrame) -> tuple[str, str]:
    """The English article's (author, date) from a byline in the head or foot of either version or the furniture
    around them (a dated byline, 'Name  May 7, 2026', or a line 'By …'), else from an explicit phrasing anywhere
    ('Written by …', or the Chinese saying who wrote the article, '文章由X撰写'); ('', '') when none is found."""
    ends = pd.concat([_ends(blocks[blocks["part"] == part]) for part in (PART_ORIGINAL, PART_NONCONTENT, PART_COMMENTARY)])
    # the furniture right under the English's first line comes first: a compiled report's first article's byline
    # sits there, whatever furniture the Chinese post or a later article carries at the file's two ends
    original = blocks[blocks["part"] == PART_ORIGINAL]
    if len(original) and "start" in blocks:
        # from the furniture right above the English's first content line (a masthead and its byline over the
        # headline: bilingual review round 15), past the Chinese's last line
        english_start = original["start"].min()
        chinese = blocks.loc[(blocks["part"] == PART_COMMENTARY) & (blocks["start"] < english_start), "start"]
        after_chinese = chinese.max() if len(chinese) else -1
        lead_in = blocks[(blocks["start"] > after_chinese) & (blocks["start"] < english_start)].sort_values("start").tail(2)
        near = pd.concat([lead_in, blocks[blocks["start"] >= english_start].sort_values("start").head(HEAD_BLOCKS)])
        near = near[near["part"] == PART_NONCONTENT]
        # a 'By …' line there before a site's dated line ('Halcyon Labs Blog · Research · November 18, 2026' over 'By
        # the Halcyon Labs research team': bilingual review round 15)
        led = near["text"].astype(str).str.strip().map(lambda t: bool(BYLINE_LEAD.match(t)))
        ends = pd.concat([near[led], near[~led], ends])
        ends = ends[~ends.index.duplicated()]
    # a dated byline or one with a byline's lead, as the parser marks it
    spare_date = ""  # the date of a publishing line that names no one ('Nov 12, 2026 · 9 min read' over 'By …')
    # a memo's or email's header: 'From: Name' names the writer, its 'Date:' line the date
    for text in ends.loc[ends["kind"] == "byline", "text"].astype(str).str.strip():
        sender = MEMO_FROM.match(text)
        if sender and _reads_as_names(sender.group("name")):
            dated = next((BYLINE_DATE.search(t) for t in ends["text"].astype(str) if PUBLISHED_FIELD.match(t.strip())), None)
            return sender.group("name").strip(), dated.group(0) if dated else ""
    for index, text in ends.loc[ends["kind"] == "byline", "text"].astype(str).str.strip().items():
        date = BYLINE_DATE.search(text)
        if not (date or BYLINE_LEAD.search(text) or NEWS_BYLINE.match(text)) or HAN.search(text):
            continue
        name = (text[:date.start()] + text[date.end():]) if date else text
        name, publishing = BYLINE_NOT_NAME.subn(" ", name)  # 'Published … · 58 min', '… · 9 min read': no name
        # the lead after the date's separator too ('March 12, 2026 · By Priya Raman': bilingual review round 16)
        name = BY_LEAD.sub("", name.strip(" ·,|-–—/")).strip(" ·,|-–—/")
        name = BYLINE_ROLE.split(name, maxsplit=1)[0]
        name = REPORTER_CITY.sub("", name)  # 'By Helen Carver in Hong Kong and Tom Ashby in London': the names
        if date and DATELINE_PLACE.fullmatch(name.strip(" ·,|-–—/")):
            spare_date = spare_date or date.group(0)  # 'SANTA CLARA, Calif., November 19, 2026': a dateline, no name
            continue
        name = TEAM_AFTER_NAMES.sub("", name)  # 'Priya Raman, Jonah Whitfield and the Halcyon evaluation team'
        # 'Daniel Reeves | The Compute Ledger': the name, then the publication, parted by a bar or a dot
        parts = [p for p in re.split(r"\s*[|｜·•]\s*", name) if p.strip()]
        if len(parts) > 1:
            # a part with a byline's lead names the writer ('Issue #117 · … · By Priya Raman'); else a part whose
            # words are capitalised as a name's are ('Transcript excerpt · Recorded …' names no one)
            led = [BY_LEAD.sub("", p) for p in parts if BY_LEAD.match(p)]
            name = led[0] if led else next((p for p in parts if LATIN_LETTER.search(p) and _reads_as_names(p)
                                            and _capitalised_name(p)), "")
        # what is left of a dated line must read as a name: a news site's '2026/11/29 07:15' leaves its time
        # a name holds no digit: what is left of 'August 6, 2026, 4:30 PM ET' is a time of day, not an author
        if LATIN_LETTER.search(name) and not re.search(r"\d", name) and 0 < len(name.split()) <= 6 and _reads_as_names(name) \
                and not name.rstrip(" .").endswith((":", "：")):  # 'Dated: October 15, 2026.' leaves a label
            return name, date.group(0) if date else spare_date or _date_below(blocks, index)
        if date and name.rstrip(" .").endswith((":", "：")):
            spare_date = spare_date or date.group(0)  # 'Dated: October 15, 2026.': a signed notice's date, no name
        if date and re.fullmatch(r"\d{1,2}:\d{2}\s*[AaPp]\.?[Mm]\.?\s*[A-Z]{0,4}", name.strip()):
            spare_date = spare_date or date.group(0)  # 'August 6, 2026, 4:30 PM ET': a date and its time of day
        if date and not LATIN_LETTER.search(name) and (above := _name_over_date(blocks, index)):
            return above, date.group(0)
        if date and not name.strip():  # a dated publishing line that names no one ('Transcript excerpt · Recorded …')
            spare_date = spare_date or date.group(0)
        if date and publishing:  # a site's bare time stamp ('2026/01/05 08:30') may be the Chinese post's own
            spare_date = spare_date or date.group(0)
    for text in ends["text"].astype(str):
        line = _plain(text)
        date = DATE.search(line)
        by = BY_LINE.match(line[:date.start()] + line[date.end():] if date else line)
        if by and _reads_as_names(by.group("name")):
            return by.group("name").strip(), date.group(0) if date else spare_date
    # the explicit phrasings ('Written by …' in the acknowledgements, '文章由X撰写' in a summary) anywhere
    for pattern in (AUTHOR_PHRASE, ZH_WRITTEN_BY):
        for text in blocks["text"].astype(str):
            found = pattern.search(_plain(text))
            if found and _reads_as_names(found.group("name")):
                return found.group("name").strip(), spare_date
    return "", spare_date


def _published(texts: pd.Series) -> str:
    """The date of a metadata line that gives the publication date ('Published Time: 2021-03-02T…' → '2021-03-02')."""
    for text in texts:
        field = PUBLISHED_FIELD.match(str(text))
        # an ISO timestamp's 'T' joins the date to the time ('2021-03-02T08:00'): a space lets the date stand alone
        date = DATE.search(re.sub(r"(?<=\d)T(?=\d)", " ", field.group("value"))) if field else None
        if date:
            return date.group(0)
    return ""


def _less_masthead(name: str, blocks: pd.DataFrame) -> str:
    """A byline's name without the account's name it runs into ('小鹿 AI前沿译站' under the masthead 'AI前沿译站')."""
    first = blocks.loc[blocks["part"] == PART_NONCONTENT, "text"].astype(str).head(1).str.strip().tolist()
    if first and name.endswith(first[0]) and name != first[0]:
        return name[:-len(first[0])].strip(" \u3000·•|｜/／-–—,，")
    return name


#: A bracketed affiliation or job title closing a byline's name ('（Kestrel Cloud首席工程师）').
AFFILIATION_AFTER_NAME = re.compile(r"\s*[（(][^（）()]*[）)]\s*$")


def _zh_author(blocks: pd.DataFrame) -> str:
    """The Chinese post's own writer, from a '作者：X' line or a news report's '记者X／…' byline in the Chinese or the
    furniture ('' when none): the Chinese version's byline, not the English article's author."""
    for text in blocks.loc[blocks["part"] != PART_ORIGINAL, "text"].astype(str):
        line = _plain(text)
        found = ZH_AUTHOR_FIELD.search(line) or ZH_REPORTER_BYLINE.match(line) or ZH_PAPER_REPORTER.match(line) \
            or ZH_WRITER_BYLINE.match(line) \
            or ZH_SPACED_BYLINE.match(line) or ZH_TRANSLATOR_CREDIT.search(line)
        # a Latin name with its affiliation in brackets ('Teodora Vasquez（Kestrel Cloud首席工程师）') is still a Latin
        # name: the English's author, whose Han job title made it read as the Chinese post's writer (round 20)
        if found and (not HAN.search(AFFILIATION_AFTER_NAME.sub("", found.group("name"))) or re.match(r"[·・\u4e00-\u9fff]*\s*[（(][A-Z][A-Za-z .'-]+[）)]", line[found.end():])):
            # '作者：Margaret Liu　翻译：周航': a name in Latin letters is the English's author, the translator beside it
            # the Chinese post's writer (bilingual review round 17)
            # (or a transliteration glossed with it: '文 | 丹尼尔·奥科罗（Daniel Okoro）  编译 | 林舟', round 18)
            found = next((m for m in ZH_AUTHOR_FIELD.finditer(line) if HAN.search(AFFILIATION_AFTER_NAME.sub("", m.group("name")))
                          and not line[m.end():].lstrip().startswith(("（", "("))), None) \
                or ZH_RENDERER_CREDIT.search(line) or ZH_TRANSLATOR_CREDIT.search(line)
        if found and _reads_as_names(found.group("name")):
            return _less_masthead(found.group("name").strip(), blocks)
    # a WeChat '原创 <account>' line names the account, not the writer: only when no 作者/记者 line names one
    for text in blocks.loc[blocks["part"] != PART_ORIGINAL, "text"].astype(str):
        found = ZH_ORIGINAL_MARK.match(_plain(text))
        if found and _reads_as_names(found.group("name")):
            return _less_masthead(found.group("name").strip(), blocks)
    # a post credited only to its editors ('编辑：陈萍、杜伟', as a tech outlet's WeChat posts are): they wrote it; a news
    # report's 责任编辑 is no writer, and the pattern's opening excludes it (bilingual review round 10)
    for text in blocks.loc[blocks["part"] != PART_ORIGINAL, "text"].astype(str):
        found = ZH_EDITOR_FIELD.search(_plain(text))
        if found and _reads_as_names(found.group("name")):
            return _less_masthead(found.group("name").strip(), blocks)
    # a dated byline the parser set aside at the Chinese version's head: the name beside its date; or an answer's
    # author's name alone on its line, which the parser set aside with the tagline below it
    head = _ends(blocks[blocks["part"] != PART_ORIGINAL])
    # the name only at the head, under the title: a bare name closing a post may sign its ad or its account
    opening = blocks[blocks["part"] != PART_ORIGINAL].head(HEAD_BLOCKS)
    for text in opening.loc[opening["kind"] == "byline", "text"].astype(str):
        if 2 <= len(text.strip()) <= 4 and len(HAN.findall(text.strip())) == len(text.strip()):
            return text.strip()
    for text in head.loc[head["kind"] == "byline", "text"].astype(str):
        line = _plain(text)
        date = BYLINE_DATE.search(line)
        if not date or not HAN.search(line):
            continue
        name = (line[:date.start()] + line[date.end():]).strip(" \u3000·•|｜/／-–—,，")
        if len(name) <= ZH_DATED_NAME_MAX and ZH_TEAM_END.search(name) and not re.search(r"[\s\d，。,；;:：|｜/／·•]", name):
            return name
    return ""


def _zh_title(blocks: pd.DataFrame, title: str) -> str:
    """The Chinese post's name: its first block when that reads as a title, its section number ('00. ') dropped; a
    numbered first line counts when no list item follows it (one item is a title, a list has two)."""
    commentary = blocks[blocks["part"] == PART_COMMENTARY]
    # an editor's note opening the post (編按：…) is no title: the title is the line after it
    while len(commentary) and opens_note(_plain(commentary["text"].iloc[0])):
        commentary = commentary.iloc[1:]
    # a site's or column's line opening the post ('机器之芯 · 技术译文') is no title when the line below it reads as one
    if len(commentary) > 1 and SITE_LINE.fullmatch(_plain(commentary["text"].iloc[0]).strip()) \
            and _is_title(_plain(commentary["text"].iloc[1])):
        commentary = commentary.iloc[1:]
    commentary = commentary.head(2)
    if commentary.empty:
        return ""
    first = commentary.iloc[0]
    name = NUMBER_PREFIX.sub("", _plain(first["text"])) if first["kind"] in ("title", "list_item", "heading", "paragraph") \
        else ""
    if first["kind"] == "list_item" and len(commentary) > 1 and commentary["kind"].iloc[1] == "list_item":
        return ""
    # a post's title may exclaim or ask inside it ('小模型正在吃掉端侧！AI研究员8个月实测总结'): no full stop makes it a title
    titled = _is_title(name) or (bool(name) and "。" not in name and _is_title(ZH_TITLE_MARKS.sub("，", name)))
    return name if name and titled and HAN.search(name) and name != title else ""


#: An exclamation or question mark inside a Chinese title, read as a pause when judging whether it is one.
ZH_TITLE_MARKS = re.compile(r"[！？!?]+(?=.)")


#: The fewest words of a headline in Title Case over its standfirst: a site's name ('The Frontier Interview') has fewer.
HEADLINE_MIN_WORDS = 4
#: A standfirst is a sentence under its headline, this much longer at least where both are in sentence case.
STANDFIRST_RATIO = 1.3


def _headline_over_standfirst(upper: str, lower: str) -> bool:
    """Whether ``upper`` is an English headline of HEADLINE_MIN_WORDS words or more and ``lower`` its standfirst: longer
    and not in Title Case where the headline is ('Regulate the Deployers, Not the Math' over 'Why compute thresholds
    …'), or STANDFIRST_RATIO times as long. The caller never takes a version's first line (a site's name).

    >>> _headline_over_standfirst("Regulate the Deployers, Not the Math", "Why thresholds miss where harm happens")
    True
    >>> _headline_over_standfirst("The Frontier Interview", "Inside Helix: we will ship robots next year")
    False
    >>> _headline_over_standfirst("The data-centre boom is running into physics", "Power and water, not chips, will "
    ...                           "decide how much of the build-out the region can host")
    True
    """
    if HAN.search(upper) or len(upper.split()) < HEADLINE_MIN_WORDS or upper.rstrip().endswith((":", "：")):
        return False
    return (title_case(upper) and not title_case(lower) and len(lower) > len(upper)) or \
        len(lower) >= STANDFIRST_RATIO * len(upper)


#: The marks of a Chinese clause or sentence: a line without them may be a name.
ZH_CLAUSE_MARKS = re.compile(r"[，。！？：；、,!?:;]")
#: A headline and its standfirst in sentence case, each at least this many words (a kicker or a site's name has fewer).
SENTENCE_HEADLINE_MIN_WORDS = 6


def _sentence_case_headline_over_standfirst(upper: str, lower: str) -> bool:
    """Whether ``upper`` and ``lower`` are an English headline and its standfirst, both in sentence case and long (a
    newspaper's: 'Beijing tightens its grip on generative AI as start-ups brace for costs' over 'New registration rules
    will reshape …'): the headline is the upper line (bilingual review round 13).

    >>> _sentence_case_headline_over_standfirst("Beijing tightens its grip on generative AI as start-ups brace",
    ...                                         "New registration rules will reshape the crowded model market")
    True
    >>> _sentence_case_headline_over_standfirst("Artificial intelligence | China", "Beijing tightens its grip on AI now")
    False
    """
    return (not HAN.search(upper + lower) and len(upper.split()) >= SENTENCE_HEADLINE_MIN_WORDS
            and len(lower.split()) >= SENTENCE_HEADLINE_MIN_WORDS and not upper.rstrip().endswith((".", ":", "|"))
            and not re.search(r"[|·•]", upper))


#: A podcast's episode line ('Episode 142 · November 18, 2026 · 1 hr 12 min', 'Ep. 7 | …').
EPISODE_LINE = re.compile(r"^\s*(?:Episode|Ep\.?)\s*#?\d+\b")
#: A Chinese headline and its subheadline: each at least this many Han characters (a site's or an account's name has
#: fewer, a newspaper's subheadline under its headline as many: '首相署：欢迎高质量投资 专家忧水电供应吃紧').
ZH_HEADLINE_MIN_HAN, ZH_SUBHEADLINE_MIN_HAN = 8, 12


def _zh_headline_over_subheadline(upper: str, lower: str) -> bool:
    """Whether ``upper`` is a Chinese news headline and ``lower`` its subheadline, both long enough to be neither a
    site's nor an account's name: the headline is the upper line (bilingual review round 10: a Malaysian paper's).

    >>> _zh_headline_over_subheadline("中资AI企业斥资120亿令吉 柔佛建大型数据中心", "首相署：欢迎高质量投资 专家忧水电供应吃紧")
    True
    >>> _zh_headline_over_subheadline("硅谷回声", "北辰智能开源Polaris-2，程序员吵翻了")
    False
    """
    return len(HAN.findall(upper)) >= ZH_HEADLINE_MIN_HAN and len(HAN.findall(lower)) >= ZH_SUBHEADLINE_MIN_HAN


#: A testimony's venue over its hearing's title ('Before the House Select Committee on …' over 'Hearing on "…"'): the
#: committee, not the title (bilingual review round 17, after '以下为证词英文原文：' became the way to the original).
TESTIMONY_VENUE = re.compile(r"Before the (?:House|Senate|Committee|Subcommittee|Select|Joint|U\.S\.)\b")
#: A blog's or newsletter's name on its own line (under the headline, over the byline): no title.
BLOG_NAME = re.compile(r"\b(?:Blog|Newsletter|Weekly|Digest)$")
#: A section trail: two or three short parts joined by bars ('Interviews | Artificial Intelligence').
SECTION_TRAIL = re.compile(r"[^|｜]{1,30}(?:\s[|｜]\s[^|｜]{1,30}){1,2}")
#: A kicker: a section's label in capitals over a headline ('INVESTIGATION', 'ANALYSIS', 'WORLD NEWS').
KICKER = re.compile(r"[A-Z][A-Z&'-]+(?: [A-Z][A-Z&'-]+){0,2}")
#: A site's or column's name line: two or three short parts joined by a middot or a bar, no sentence's mark.
SITE_LINE = re.compile(r"[^。！？.!?·|｜]{1,20}(?:\s*[·|｜]\s*[^。！？.!?·|｜]{1,12}){1,2}")
#: A news wire's or agency's name on its own line under a press release's or a report's headline ('Business Wire',
#: 'PR Newswire', 'GlobeNewswire', 'Reuters'): the source, never the title (bilingual review round 21).
WIRE_LINE = re.compile(r"(?:[A-Z][\w&.'’-]*\s+){0,2}(?:Wire|Newswire|News\s+Service)|GlobeNewswire|Reuters|"
                       r"Associated\s+Press|Agence\s+France-Presse|Xinhua(?:\s+News\s+Agency)?")
#: A press release's or a news report's dateline before its date ('SANTA CLARA, Calif., November 19, 2026', 'BEIJING,
#: China, …'): a place in capitals, a comma and its state or country; no author (bilingual review round 21).
DATELINE_PLACE = re.compile(r"[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3},\s+[A-Z][A-Za-z.]*(?:\s+[A-Z][A-Za-z.]*)?")


#: A section's generic label, never a document's title ('Executive Summary', 'Key findings').
GENERIC_SECTION = re.compile(r"(?i)(?:executive\s+)?summary|abstract|overview|introduction|foreword|preface|"
                             r"key\s+(?:findings|takeaways|points)|highlights")


def _long_title_over_byline(blocks: pd.DataFrame, index) -> bool:
    """Whether the block at ``index`` is a long headline (up to ``RULE_TITLE_MAX_CHARS``, unpunctuated) right above a
    byline or credit line: a hearing's or a report's full title runs past a headline's length ('Enforcing Export
    Controls …: Hearing Before the Committee on Banking, Housing, and Urban Affairs, United States Senate (Excerpt)'
    over its transcript's credit: bilingual review round 20).

    >>> blocks = pd.DataFrame({"kind": ["paragraph", "byline", "paragraph"], "start": [0, 200, 300],
    ...                        "text": ["Oversight of Things: Hearing Before the Subcommittee on Matters of the Committee on "
    ...                                 "Affairs, United States Senate, One Hundred Nineteenth Congress (Excerpt)",
    ...                                 "November 18, 2026", "CHAIRMAN: The committee will come to order."]})
    >>> _long_title_over_byline(blocks, 0), _long_title_over_byline(blocks, 2)
    (True, False)
    """
    if index not in blocks.index or "start" not in blocks:
        return False
    text = _plain(str(blocks.at[index, "text"]))
    after = blocks[blocks["start"] > blocks.at[index, "start"]].sort_values("start").head(1)
    return bool(len(after)) and after["kind"].iloc[0] == "byline" and _is_title(text, RULE_TITLE_MAX_CHARS)


def _above_byline(blocks: pd.DataFrame, part: str, script) -> str:
    """The line right above the first byline among a version's first HEAD_BLOCKS blocks (and the furniture between
    them), when a line above it too reads as a title: a masthead or kicker over a headline; else "". A headline in
    Title Case over a standfirst is the headline (``_headline_over_standfirst``)."""
    start = blocks[blocks["part"] == part]["start"].min() if "start" in blocks else None
    if start is None or pd.isna(start):
        return ""
    head = blocks[blocks["start"] >= start].sort_values("start").head(HEAD_BLOCKS)
    kinds, texts = head["kind"].tolist(), [_plain(t) for t in head["text"]]
    for k, kind in enumerate(kinds):
        if kind == "byline":
            whole = "\n".join(_plain(t) for t in blocks["text"])
            # a masthead 'Site · Section' whose site the document names again (The Circuit Review · Interviews)
            masthead = [bool(re.fullmatch(r"(.+?)\s+[·|｜•—–]\s+[^·|｜•—–]{1,30}", t))
                        and whole.count(re.split(r"\s+[·|｜•—–]\s+", t)[0]) > 1 for t in texts]
            above = [j for j in range(k) if kinds[j] in ("heading", "title", "paragraph") and _is_title(texts[j])
                     and script(texts[j]) and not masthead[j]]
            if len(above) == 1 and k >= 2 and masthead[k - 1] and above[0] == k - 2:
                return NUMBER_PREFIX.sub("", texts[k - 2])
            if len(above) == 1 and k >= 2 and above[0] == k - 1 and GENERIC_SECTION.fullmatch(texts[k - 1].strip()) \
                    and masthead[k - 2] and _is_title(texts[k - 2]):
                return texts[k - 2]  # a report's section label ('Executive Summary') under 'Lab | Report title': the
                # title is the line above it
            if len(above) == 1 and k >= 2 and above[0] == k - 1 and all(
                    masthead[j] or SITE_LINE.fullmatch(texts[j].strip()) for j in range(k - 1)):
                # a section's kicker over the headline, its words named again below ('Policy · Safety'): the headline
                # stands right above the byline (bilingual review round 16: a lab's policy post)
                return NUMBER_PREFIX.sub("", texts[k - 1])
            if len(above) < 2 or above[-1] != k - 1:
                return ""
            pick = k - 1
            if BYLINE_DATE.fullmatch(texts[k].strip()) and NAME_LINE.match(texts[k - 1].strip()) and len(above) >= 2:
                pick = above[-2]  # a bare date under the author's name: the headline stands above the name (a
                # standfirst that is no title may sit between them: Substack's title, subtitle, author, date)
            longer = [j for j in above if j < pick and len(HAN.findall(texts[j])) >= ZH_HEADLINE_MIN_HAN]
            if HAN.search(texts[pick]) and len(HAN.findall(texts[pick])) < ZH_HEADLINE_MIN_HAN \
                    and not ZH_CLAUSE_MARKS.search(texts[pick]) and longer:
                pick = longer[-1]  # an account's or writer's name over the date ('AI打工人小鹿', then '编辑于 2026-03-16'):
                # the title stands above it (bilingual review round 10: a Xiaohongshu note)
            first_ok = len(texts[0].split()) > HEADLINE_MIN_WORDS  # a long first line is a headline, not a site's name
            if pick - 1 in above and SITE_LINE.fullmatch(texts[pick].strip()) and len(texts[pick - 1]) > len(texts[pick]):
                pick -= 1  # a site's or column's line under the headline ('AI前哨站 · 播客精读'): the headline is above it
            elif pick - 1 in above and WIRE_LINE.fullmatch(texts[pick].strip()):
                pick -= 1  # a wire's name under the headline ('Business Wire': bilingual review round 21)
            elif pick - 1 in above and BLOG_NAME.search(texts[pick].strip()):
                pick -= 1  # a blog's name under the headline ('Meridian Alignment Lab Blog': bilingual review round 18)
            elif pick - 1 in above and len(texts[pick - 1]) > len(texts[pick]) and whole.count(texts[pick].strip()) > 1 \
                    and texts[pick].strip() not in texts[pick - 1]:
                pick -= 1  # a blog's name under the headline that the page names again ('Subscribe to the Larkspur Labs
                # Engineering Blog': bilingual review round 14)
            elif SITE_LINE.fullmatch(texts[pick - 1].strip()):
                pass  # a site's or section's line over the headline ('Engineering · Inference · Quantization', '机器之芯 · 技术译文')
            elif pick - 1 in above and (pick - 1 > 0 or first_ok) and _headline_over_standfirst(texts[pick - 1], texts[pick]) \
                    and not re.search(r"\s[|｜]\s", texts[pick - 1]):  # 'China Semiconductors | Industry Update': a trail
                pick -= 1
            elif pick - 1 in above and _zh_headline_over_subheadline(texts[pick - 1], texts[pick]):
                pick -= 1
            elif pick - 1 in above and _sentence_case_headline_over_standfirst(texts[pick - 1], texts[pick]) \
                    and not TESTIMONY_VENUE.match(texts[pick - 1]):
                pick -= 1
            return NUMBER_PREFIX.sub("", texts[pick])
    return ""


def document_facts(blocks: pd.DataFrame, source: str | Path = "") -> dict[str, str]:
    """The title slide's facts: the article's title, author and date, the Chinese post's name, the file name.

    Each is "" where the document does not give it. The title is a metadata 'Title:' line, else the English
    original's opening line past its furniture (or the document's first line) when it reads as a title; the author and date
    come from a byline in the head or foot of either version ('By …', 'Name  May 7, 2026') or a phrasing anywhere
    ('Written by …', '文章由X撰写'); the Chinese name is the commentary's opening line when it reads as a title
    (short, no full stop, no date, no address), a leading section number dropped; its writer a '作者：X' line.

    >>> blocks = pd.DataFrame({"part": ["commentary", "commentary", "original", "original"],
    ...                        "kind": ["heading", "paragraph", "byline", "paragraph"],
    ...                        "text": ["一篇评论的标题", "正文。", "By Ann Example May 7, 2026", "Text."]})
    >>> document_facts(blocks, "x.zh-en.txt")["author"], document_facts(blocks)["date"], document_facts(blocks)["zh_title"]
    ('Ann Example', 'May 7, 2026', '一篇评论的标题')
    """
    texts = blocks["text"].map(_plain)
    facts = {"title": "", "author": "", "date": "", "zh_title": "", "zh_author": "", "more_articles": "",
             "file": Path(source).name if source else ""}
    for text in texts:
        found = TITLE_FIELD.match(text)
        if found:
            facts["title"] = found.group("title")
            break
    original = blocks[blocks["part"] == PART_ORIGINAL].head(HEAD_BLOCKS)
    episode_date = ""
    if not facts["title"]:
        # the parse's title line in Latin script (the file's first line, the English title over the Chinese)
        for text in texts[blocks["kind"] == "title"]:
            if not HAN.search(text) and _is_title(text):
                facts["title"] = text
                break
    if not facts["title"]:
        # a podcast's episode line under its show's name ('Episode 142 · November 18, 2026'): the episode's title is the
        # line below it, the show's name above it no title (bilingual review round 13: a podcast's show notes)
        english_start = blocks.loc[blocks["part"] == PART_ORIGINAL, "start"].min() if "start" in blocks else None
        head_blocks = blocks[blocks["start"] >= english_start].sort_values("start").head(HEAD_BLOCKS) \
            if english_start is not None and not pd.isna(english_start) else original
        heads = [_plain(t) for t in head_blocks["text"]]
        episode = next((k for k, t in enumerate(heads) if EPISODE_LINE.match(t)), None)
        if episode is not None and episode + 1 < len(heads) and _is_title(heads[episode + 1]) \
                and not HAN.search(heads[episode + 1]):
            facts["title"] = heads[episode + 1]
            aired = DATE.search(heads[episode])
            episode_date = aired.group(0) if aired else ""  # the episode line's date is the episode's
    if not facts["title"]:
        # a rule notice's title stands right above its AGENCY: and ACTION: fields, below the agency's name and the
        # docket's lines (bilingual review round 14: a Federal Register notice read 'DEPARTMENT OF COMMERCE')
        heads = original["text"].map(_plain).tolist()
        field = next((k for k, t in enumerate(heads) if RULE_NOTICE_FIELD.match(t)), None)
        if field and 0 < len(heads[field - 1]) <= RULE_TITLE_MAX_CHARS and not SENTENCE_END.search(heads[field - 1]) \
                and not HAN.search(heads[field - 1]):
            facts["title"] = heads[field - 1]
    if not facts["title"]:
        # the headline stands right above its byline, below a masthead or a kicker ('TechLedger', 'The … Interview')
        facts["title"] = _above_byline(blocks, PART_ORIGINAL, lambda t: not HAN.search(t))
    if not facts["title"]:
        # the original's first block, past its furniture (bylines, prompts, a link definition), if a heading
        opening = original[~original["kind"].isin(["byline", "boilerplate"])
                           & ~original["text"].map(lambda t: bool(DISCOVER_URL_RE.search(_plain(t)))).astype(bool)].head(4)
        # a kicker in capitals over the headline ('INVESTIGATION': bilingual review round 17), a masthead in capitals and
        # a section trail ('THE LATTICE REVIEW', 'Interviews | Artificial Intelligence': round 18) are no titles
        while len(opening) >= 2 and (KICKER.fullmatch(_plain(opening["text"].iloc[0]).strip())
                                     or SECTION_TRAIL.fullmatch(_plain(opening["text"].iloc[0]).strip())) \
                and opening["kind"].iloc[1] in ("heading", "paragraph") and _is_title(_plain(opening["text"].iloc[1])):
            opening = opening.iloc[1:]
        opening = opening.head(1)
        first = texts.iloc[0] if len(texts) else ""
        if len(opening) and opening["kind"].iloc[0] in ("heading", "paragraph") \
                and (_is_title(_plain(opening["text"].iloc[0])) or _long_title_over_byline(blocks, opening.index[0])) \
                and not NUMBER_PREFIX.match(_plain(opening["text"].iloc[0])):  # '1. Definitions' is a section, not the title
            facts["title"] = _plain(opening["text"].iloc[0])
        elif first and not HAN.search(first) and _is_title(first):
            facts["title"] = first
    facts["author"], facts["date"] = _author(blocks)
    if not facts["date"] and episode_date:
        facts["date"] = episode_date
    if not facts["date"]:
        facts["date"] = _published(texts)
    facts["zh_title"] = _above_byline(blocks, PART_COMMENTARY, lambda t: bool(HAN.search(t))) or _zh_title(blocks, facts["title"])
    facts["zh_author"] = _zh_author(blocks)
    # a compiled report's other articles (``english_articles``): the title and byline above are the first one's
    facts["more_articles"] = " | ".join(t for t in english_articles(blocks) if t != facts["title"])
    return facts


def title_slide(facts: dict[str, str]) -> str:
    """The title slide's Markdown: the article, its author and date, the Chinese post's name, the file."""
    title = text_of(facts["title"]) if facts["title"] else "An English article and its Chinese write-up"
    lines = [f"# {title}", "", "**Briefing: what the Chinese write-up keeps, adds and changes**", ""]
    by = " · ".join(text_of(v) for v in (facts["author"], facts["date"]) if v)
    if by:
        lines.append(f"- {by}")
    if facts.get("more_articles"):
        more = facts["more_articles"].split(" | ")
        lines.append(f"- The English also holds {plural(len(more), 'more article')}: "
                     + " and ".join(f"“{text_of(t)}”" for t in more))
    zh_by = f" (by {text_of(facts['zh_author'])})" if facts.get("zh_author") else ""
    if facts["zh_title"]:
        lines.append(f"- The Chinese post: “{text_of(facts['zh_title'])}”{zh_by}")
    elif zh_by:
        lines.append(f"- The Chinese post{zh_by}")
    if facts["file"]:
        lines.append(f"- Document: `{facts['file']}`")
    return "\n".join(lines)


def glossary() -> str:
    """The glossary slide's Markdown: every term of art the slides use, one line each."""
    return "\n".join(f"- **{term}**: {text_of(meaning)}" for term, meaning in TERMS)


# ---- the titles: one finding each, as a sentence ---------------------------------------------------

#: What each caveat kind (helpers.framing.caveats) says about the document, for the caveats slide's title.
CAVEAT_PHRASES = {
    "english_excerpt": "the English here is an excerpt of a longer original",
    "chinese_much_shorter": "the Chinese is much shorter than the English",
    "traditional_script": "the Chinese is in Traditional script",
    "several_originals": "the English holds several articles, drawn on together",
    "own_reporting": "the Chinese is a news report with reporting of its own, not a translation",
    "translation": "the Chinese reads as a translation, not a summary",
    "commentary": "the Chinese carries its writer's own asides and opinions",
    "few_links": "few Chinese sentences link to the English",
}


def caveat_title(caveats: pd.DataFrame) -> str:
    """The caveats slide's title: what the reader must know first, in one sentence.

    >>> caveat_title(pd.DataFrame({"kind": ["chinese_much_shorter"]}))
    'Read these findings knowing that the Chinese is much shorter than the English'
    """
    kinds = [CAVEAT_PHRASES.get(k, str(k).replace("_", " ")) for k in dict.fromkeys(caveats["kind"])]
    return f"Read these findings knowing that {listing(kinds, quoted=False)}" if kinds else "No caveats"


def _heading(value) -> str:
    text = str(value).strip() if value is not None and value == value else ""
    return f"“{text_of(text)}”" if text else "the opening"


#: A section is kept when at least this share of its characters is drawn on: below it the narrative says
#: "a little of" or "barely any of" (``narrative.share_words``).
KEPT_SHARE = 0.25


def _unjudged(coverage: pd.DataFrame, min_evidence: int) -> str:
    """' (1 shorter section, under 3 sentences, not judged)' where sections fall under the evidence floor: the count
    of sections kept is of those judged, and the sentence must say so."""
    short = int((coverage["claims"] < min_evidence).sum())
    if not short:
        return ""
    return f" ({plural(short, 'shorter section')}, under {min_evidence} sentences and headings, not judged)"


def _unjudged_empty(coverage: pd.DataFrame, min_evidence: int) -> str:
    """' (1 shorter section, not judged, gets nothing)': a short section nothing draws on, which 'misses no whole
    section' must not hide (a site's name read as a section sat at 0% below that line).

    >>> _unjudged_empty(pd.DataFrame({"claims": [1, 5, 2], "carried_chars": [0, 10, 4]}), 3)
    '; 1 shorter section, not judged, gets nothing'
    """
    empty = int(((coverage["claims"] < min_evidence) & (coverage["carried_chars"] == 0)).sum())
    if not empty:
        return ""
    return f"; {plural(empty, 'shorter section')}, not judged, {'gets' if empty == 1 else 'get'} nothing"


def coverage_title(coverage: pd.DataFrame, *, min_coverage: float = KEPT_SHARE, min_evidence: int = DEFAULTS.min_evidence,
                   links=None) -> str:
    """'The Chinese keeps 2 of 4 English sections and draws on under 25% of “The mentality…”': a section is kept
    when at least ``min_coverage`` of its characters are drawn on; only sections of ``min_evidence`` sentences count.

    >>> cov = pd.DataFrame({"heading": ["", "A", "B"], "claims": [5, 5, 5], "share_chars": [0.5, 0.3, 0.0]})
    >>> coverage_title(cov)
    'The Chinese keeps 2 of 3 English sections and draws on under 25% of “B”'
    """
    if links is not None and not links.presented:  # ``links``: the document's LinkGate (Analysis.link_gate)
        return "Which English sections get through is not counted here: read the links side by side"
    judged = coverage[coverage["claims"] >= min_evidence]
    if judged.empty:
        return "The English sections are too short to say how much of each gets through"
    kept = judged[judged["share_chars"] >= min_coverage]
    dropped = judged[judged["share_chars"] < min_coverage]
    head = f"The Chinese keeps {len(kept)} of {plural(len(judged), 'English section')}{_unjudged(coverage, min_evidence)}"
    if dropped.empty:
        return head
    # the bar's own figure, not 'barely' (which the pages keep for a tenth or less: ``narrative.share_words``)
    return (f"{head} and draws on under {pct(min_coverage)} of "
            f"{listing([_heading(h) for h in dropped['heading']], limit=2, quoted=False)}")


def theme_title(emphasis: pd.DataFrame, *, min_difference: float = DEFAULTS.min_difference) -> str:
    """The theme whose words the Chinese uses in the largest share of sentences more than the English does, or the
    reverse, in a sentence with the counts it rests on: only a difference with enough evidence on each side
    (``narrative.theme_evidence``: sentences, distinct words, beyond chance) is stated. It says what is counted
    (sentences holding a theme's word), never that a version 'dwells' on a theme."""
    ordered = emphasis.sort_values(["difference", "theme"], ascending=[False, True])
    if {"zh_hits", "en_hits", "zh_claims", "en_claims"} <= set(ordered.columns):
        # why each gap is not stated ('' where it may be), read once for the claim and for the line without one
        reasons = ordered.apply(lambda r: theme_evidence(r, min_difference=min_difference), axis=1) \
            if len(ordered) else pd.Series(dtype=str)
        enough = reasons.eq("")
    else:
        reasons = pd.Series("", index=ordered.index)
        enough = pd.Series(False, index=ordered.index)  # no evidence columns: no claim
    differs = ordered["difference"].abs().round(9) >= min_difference
    more_zh = ordered[enough & (ordered["difference"] > 0)]
    more_en = ordered[enough & (ordered["difference"] < 0)].iloc[::-1]
    if more_zh.empty and more_en.empty:
        if differs.any():
            headings = reasons[differs].str.startswith("without the headings").any()
            why = "on too few sentences or words, by chance, or only with the headings counted" if headings else \
                "on too few sentences or words, or by chance"
            return (f"No theme's words fill a larger share of one version's sentences on enough evidence (some shares "
                    f"differ by {pct(min_difference)} or more, {why})")
        return f"Both versions give every theme about the same share of their sentences (within {pct(min_difference)})"

    def uses(r, first: str, second: str) -> str:
        units = share_units(r, first)
        return (f"uses {frame_name(r['theme']).lower()} words in {int(r[f'{first}_hits'])} of its "
                f"{int(r[f'{first}_claims'])} {units} ({pct(r[f'{first}_share'])}), the "
                f"{'Chinese' if second == 'zh' else 'English'} in {int(r[f'{second}_hits'])} of "
                f"{int(r[f'{second}_claims'])} ({pct(r[f'{second}_share'])})")
    parts = []
    if len(more_zh):
        parts.append(f"The Chinese {uses(more_zh.iloc[0], 'zh', 'en')}")
    if len(more_en):
        parts.append(f"{'the' if parts else 'The'} English {uses(more_en.iloc[0], 'en', 'zh')}")
    return "; ".join(parts)


def largest_gaps(emphasis: pd.DataFrame, params=None) -> pd.DataFrame:
    """The theme table ordered by the size of the gap between the versions, either way (the largest first), so that a
    table cut to its first rows never hides the largest gap towards the English; with a column ``not_stated`` saying
    why a gap the pages leave unstated is left so ('' for a gap stated or too small to matter)."""
    why = unstated_themes(emphasis, params)
    order = emphasis.assign(_gap=emphasis["difference"].abs().round(9),
                            not_stated=emphasis["theme"].astype(str).map(lambda t: why.get(t, "")))
    return order.sort_values(["_gap", "theme"], ascending=[False, True]).drop(columns="_gap").reset_index(drop=True)


def mention_title(by_part: pd.DataFrame, lengths: pd.Series, names: dict[str, str] | None = None) -> str:
    """Who each version names most, per 1,000 characters of that version; every name tied for most, never one
    chosen among equals, and never a version said to name most what it names zero times."""
    if by_part.empty:
        return "No lab or company that the gazetteer lists or discovery took is named in either version"
    names = names or {}
    name = lambda org: text_of(names.get(org, org))

    def leaders(part: str) -> tuple[list[str], int, float]:
        named = by_part[by_part[part] > 0]
        if named.empty:
            return [], 0, 0.0, part
        most = int(named[part].max())
        orgs = sorted(named.loc[named[part] == most, "org"], key=lambda o: name(o).casefold())
        return orgs, most, most * 1000 / max(int(lengths.get(part, 0)), 1), part

    def who(orgs: list[str], count: int, rate: float, part: str, *, short: bool = False, only: bool = False) -> str:
        each = " each" if len(orgs) > 1 else ""
        listed = listing([name(o) for o in orgs], quoted=False, limit=len(orgs))
        # a count a product stands for says so: "Meta most (5 times, 4 of them through React, …)"
        through = through_words(by_part, orgs[0], part) if len(orgs) == 1 else ""
        if short:  # the second half of a sentence whose first half said "most" and the unit
            return f"{'only ' if only else ''}{listed} ({plural(count, 'time')}{each}{through}, {rate:.1f})"
        # a version that names one lab only ranks nothing: "only", never "most"
        return (f"only {listed} ({plural(count, 'time')}{each}{through}, {rate:.1f} per 1,000 characters)" if only else
                f"{listed} most ({plural(count, 'time')}{each}{through}, {rate:.1f} per 1,000 characters)")

    zh, en = leaders(PART_COMMENTARY), leaders(PART_ORIGINAL)
    one, many = org_nouns(by_part["org"])  # a discovered name may be a non-profit's: then 'organisations'
    alone = {part: int((by_part[part] > 0).sum()) == 1 for part in (PART_COMMENTARY, PART_ORIGINAL)}
    if not zh[0] or not en[0]:  # a version that names none has no "most"
        other, which, top = ("Chinese", "English", en) if not zh[0] else ("English", "Chinese", zh)
        # "only" is of those found: a company neither knows may be named throughout both versions
        return (f"The {other} names no {one} the gazetteer or discovery knows; of those, with its products, the {which} names "
                f"{who(*top, only=alone[PART_ORIGINAL if not zh[0] else PART_COMMENTARY])}")
    if zh[0] == en[0]:
        each = " each" if len(zh[0]) > 1 else ""
        named = listing([name(o) for o in zh[0]], quoted=False, limit=len(zh[0]))
        only = alone[PART_COMMENTARY] and alone[PART_ORIGINAL]
        head = f"only {named}," if only else f"{named} most,"
        rates = (f"{'their' if each else 'its'} products: {zh[2]:.1f} times per 1,000 characters{each} in the Chinese, "
                 f"{en[2]:.1f} in the English")
        if not only and (alone[PART_COMMENTARY] or alone[PART_ORIGINAL]):  # a version that names one ranks nothing
            lone, other = ("Chinese", "English") if alone[PART_COMMENTARY] else ("English", "Chinese")
            # "the Chinese names it most" beside a rate that the English's beats read as "more often": said as a rank
            return (f"The {lone} names only {named} of the {many} found, and the {other} names it more "
                    f"than any other; with {rates}")
        return f"{f'Of the {many} found, both' if only else 'Both'} versions name {head} with {rates}"
    if alone[PART_COMMENTARY] or alone[PART_ORIGINAL]:  # "most" only where a version names several
        return (f"With their products, the Chinese names {who(*zh, only=alone[PART_COMMENTARY])}, the English names "
                f"{who(*en, only=alone[PART_ORIGINAL])}")
    return f"With their products, the Chinese names {who(*zh)}, the English {who(*en, short=True)}"


def length_words(claims: pd.DataFrame) -> tuple[int, int, str]:
    """(Chinese weight, English weight, the two in words with their unit): the caveats' one length measure
    (``helpers.framing.caveats.version_weights``: Han characters against Latin letters at three a character).

    >>> claims = pd.DataFrame({"claim_id": [1, 2], "part": ["commentary", "original"], "kind": ["paragraph"] * 2,
    ...                        "start": [0, 6], "text": ["中文句子。", "Some English words."]})
    >>> length_words(claims)[2]
    '4 Han characters against 16 Latin letters (5 characters at three letters each)'
    """
    zh, en = version_weights(claims)
    return zh, en, (f"{zh:,} Han characters against {version_letters(claims)[1]:,} Latin letters "
                    f"({en:,} characters at three letters each)")


def length_title(claims: pd.DataFrame) -> str:
    """The two versions' lengths in a sentence, in the caveats' one measure (``length_words``), with its unit.

    >>> length_title(pd.DataFrame({"claim_id": [1, 2], "part": ["commentary", "original"], "kind": ["paragraph"] * 2,
    ...                            "start": [0, 6], "text": ["中文句子。", "Some English words and more words here."]}))
    'The Chinese runs to 4 Han characters against the English’s 32 Latin letters (10 characters at three letters each): 40% of its length'
    """
    zh, en, _ = length_words(claims)
    if not zh or not en:
        return "Only one version has sentences to compare"
    ratio = f"{zh / en:.1f} times its length" if zh >= 1.5 * en else f"{zh / en:.0%} of its length"
    return (f"The Chinese runs to {zh:,} Han characters against the English’s {version_letters(claims)[1]:,} Latin letters "
            f"({en:,} characters at three letters each): {ratio}")


def within_english(alignment: pd.DataFrame) -> tuple[int, int]:
    """(Chinese sentences within the English the file holds, Chinese sentences beyond it): an excerpt's Chinese that
    goes on past its English (relation 'beyond') is neither linked nor the writer's own, so it is counted apart."""
    sentences = alignment.dropna(subset=["zh_claim_id"])
    beyond = set(sentences.loc[sentences["relation"] == BEYOND, "zh_claim_id"]) if "relation" in sentences else set()
    return sentences["zh_claim_id"].nunique() - len(beyond), len(beyond)


def _writer(caveats: pd.DataFrame | None) -> str:
    """Who wrote the Chinese: the translator where the document carries the ``translation`` caveat, the commentator
    where it carries ``commentary``, else the writer (a plain summary's writer is no commentator)."""
    kinds = set(caveats["kind"]) if caveats is not None and len(caveats) else set()
    return "translator" if "translation" in kinds else "commentator" if "commentary" in kinds else "writer"


#: A Chinese sentence that opens by citing another report as its source (据《…》报道, 據外電報導, 报道引述…指, 另據…):
#: with no English behind it in the file, it is not the writer's own but what another report says (a red-team note,
#: wave 10: a Hong Kong report's sentences from a second wire story were called the translator's own).
CITES_REPORT = re.compile(
    r"^(?:另|此外，?|同时，?|同時，?)?(?:(?:据|據|根据|根據|援引|引述)[^，。,；;]{0,24}(?:报道|報道|報導|报导|消息)"
    r"|(?:该|該|此|这篇|這篇)?(?:报道|報道|報導|报导)(?:又|还|還|并|並)?(?:引述|援引|指出|指|称|稱))")


def cites_report(text: str) -> bool:
    """Whether a Chinese sentence opens by citing another report as its source.

    >>> cites_report("據《海灣日報》報道，該廠已停產。"), cites_report("報道引述業界人士指，兩家公司或會競爭。")
    (True, True)
    >>> cites_report("政府發言人表示，當局會審慎評估。"), cites_report("他据理力争，最后赢了。")
    (False, False)
    """
    return bool(CITES_REPORT.match(str(text).strip()))


def additions_title(alignment: pd.DataFrame, additions: pd.DataFrame, *, links=None,
                    caveats: pd.DataFrame | None = None, claims: pd.DataFrame | None = None) -> str:
    """How many of the Chinese sentences are the commentator's own (the translator's, with the ``translation``
    caveat); not counted where the links are held back: a sentence the aligner leaves unlinked is then as likely a
    summary it missed."""
    if links is not None and not links.presented:
        # unlinked here is as likely a restatement the aligner could not match as the writer's own: said both ways
        return ("Sentences the aligner linked to no English: the writer's own or restatements it could not match, "
                "to be read, not counted")
    zh, beyond = within_english(alignment)
    asides = int((additions["addition"] == "aside").sum())
    past = (f"; {plural(beyond, 'more sentence')} come after the English given ends" if beyond > 1 else
            "; 1 more comes after the English given ends" if beyond else "")
    if not zh:
        return "The Chinese has no sentence to compare" + past
    if not asides:
        every = "Every Chinese sentence within the English given" if beyond else "Every Chinese sentence"
        return f"{every} draws on the English: the {_writer(caveats)} adds no aside{past}"
    noun = "sentences"
    if claims is not None:  # the units counted hold headings: said so, never a heading called a sentence
        within = alignment["relation"] != BEYOND if "relation" in alignment else pd.Series(True, index=alignment.index)
        units = alignment.loc[within, "zh_claim_id"].dropna()
        noun = units_noun(claims.loc[claims["claim_id"].isin(units), "kind"])
    cited = int(additions.loc[additions["addition"] == "aside", "text"].map(cites_report).sum()) if "text" in additions else 0
    if cited:
        own = asides - cited
        return (f"{asides} of {zh} Chinese {noun} ({pct(asides / zh)}) have no English in the file behind them: "
                f"{own} the {_writer(caveats)}'s own, {cited} citing another report (据…报道)" + past)
    return (f"{asides} of {zh} Chinese {noun} ({pct(asides / zh)}) are the {_writer(caveats)}'s own, with no English "
            f"behind them{past}")


#: What a counted shift label says a sentence does, for a slide title ("17 linked Chinese sentences …").
SHIFT_PHRASES = {
    ("voice", "absorbed"): "restate the author's claim in the commentator's own voice (absorbed)",
    ("voice", "reattributed"): "credit the author with what the author reports from others (reattributed)",
    ("voice", "quote_absorbed"): "restate what the author reports from others in the commentator's voice",
    ("certainty", "softened"): "hedge more than the English they draw on (softened)",
    ("certainty", "sharpened"): "state more firmly than the English they draw on (sharpened)",
    ("certainty", "unchanged"): "keep the English's certainty",
    ("generalisation", "generalised"): "turn a name into a category word (generalised)",
    ("generalisation", "particularised"): "name what the English puts as a category (particularised)",
}


def shift_title(shifts: pd.DataFrame, gate: pd.DataFrame | None = None, *, min_evidence: int = DEFAULTS.min_evidence,
                links=None) -> str:
    """The largest shift the label gate lets be counted, in a sentence; else that shifts are read, not counted.

    >>> gate = pd.DataFrame({"label": ["voice:attributed", "voice:absorbed"], "presented": [True, True]})
    >>> shift_title(pd.DataFrame({"shift": ["voice", "voice"], "value": ["attributed", "absorbed"], "claims": [17, 5]}), gate)
    "5 linked Chinese sentences restate the author's claim in the commentator's own voice (absorbed)"
    """
    # changes only ('attributed' keeps the voice), and none where the links they are read off are held back
    if links is not None and not links.presented:
        return SHIFTS_WITHOUT_LINKS.removesuffix(".")
    shown = shift_changes(shifts, label_gate() if gate is None else gate, links=links)
    shown = shown[shown["claims"] >= min_evidence].sort_values(["claims", "shift", "value"], ascending=[False, True, True])
    if shown.empty:
        return "No shift in voice or certainty is both frequent and reliably labelled enough to count"
    r = shown.iloc[0]
    what = SHIFT_PHRASES.get((r["shift"], r["value"]), f"are {r['value'].replace('_', ' ')} in {r['shift']}")
    return f"{plural(int(r['claims']), 'linked Chinese sentence')} {what}"


def side_by_side_title(worth: pd.DataFrame) -> str:
    """The slide of labels held back (measured right less often than the gate asks): read, not counted."""
    kinds = list(dict.fromkeys(worth["shift"]))
    if not kinds:
        return "Every shift found is one the engine labels reliably: nothing held back"
    return (f"Changes in {listing(kinds, quoted=False)} are labelled unreliably: "
            f"read these pairs side by side rather than count them")


def _quotable(text: str) -> bool:
    """A Chinese sentence to quote on a slide: it ends like a sentence (a heading, '二、机制拆解', or a label that
    introduces a list, '回答三件事：', does not); a quotation's closing marks after its end are read through
    (她說：「…。」).

    >>> _quotable("她說：「我們希望靠近夥伴。」"), _quotable("二、机制拆解"), _quotable("回答三件事：")
    (True, False, False)
    """
    text = str(text).strip().rstrip("」』”’\"'）)】 ")
    return bool(HAN.search(text)) and bool(ENDS_SENTENCE.search(text)) and not ENDS_WITH_COLON.search(text)


#: The labels a side-by-side slide shows first, in this order, one pair each, before the voice labels.
CERTAINTY_FIRST = {"sharpened": 0, "softened": 1}


def side_by_side(worth: pd.DataFrame, *, limit: int = 2, width: int = 150) -> str:
    """The shortest held-back pairs, the shortest of each label first, in reading order: each Chinese sentence with the
    English the aligner links it to (which is itself a pointer where the document's links are not counted)."""
    if worth.empty:
        return ""
    pairs = worth[worth["zh_text"].astype(str).map(_quotable)]  # a sentence, not a heading or a label ending in '：'
    if pairs.empty:  # a title over no pair read as a slide with its pairs missing
        held = worth["zh_claim_id"].nunique()
        return (f"- {plural(held, 'Chinese unit')} held back, none of them a whole sentence to quote (a heading or a "
                f"label): page 04's table of pairs to read lists {'it' if held == 1 else 'them'}.")
    pairs = pairs.drop_duplicates("zh_claim_id").assign(size=lambda f: f["zh_text"].str.len() * 3 + f["en_text"].str.len())
    # the shortest pair of each label first (softened, sharpened, absorbed…), then the shortest of the rest: a slide of
    # three softenings must not hide the one sharpening because it is longer
    pairs = pairs.sort_values(["size", "zh_claim_id"])
    each = pairs.drop_duplicates("value")
    # certainty's labels before voice's where the slide has room for fewer labels than the document has: the claim made
    # stronger or weaker is what a reader presents (round 20's recheck: three voice labels hid the one sharpening)
    each = each.assign(rank=each["value"].map(CERTAINTY_FIRST).fillna(len(CERTAINTY_FIRST))).sort_values(
        ["rank", "size", "zh_claim_id"], kind="mergesort").drop(columns="rank")
    chosen = pd.concat([each, pairs.drop(each.index)]).head(limit).sort_values("zh_claim_id")
    lines = []
    for row in chosen.itertuples():
        english = _cut(str(row.en_text).strip(), width)
        lines.append(f"- “{text_of(str(row.zh_text).strip())}”  \n  <small>the English the aligner links it to: “{text_of(english)}” "
                     f"(labelled {text_of(row.value.replace('_', ' '))})</small>")
    held = worth["zh_claim_id"].nunique()
    if held > len(chosen):
        # the slide shows the shortest few: it says they are a few (bilingual review round 14: a headline
        # sharpening, longer, went unseen and the slide never said how many pairs there were)
        lines.append(f"- <small>{len(chosen)} of the {held} held back shown here, the shortest of each label first (a sharpening or "
                     f"softening before a change of voice); page "
                     f"04's table of pairs to read lists them all.</small>")
    return "\n".join(lines)


def _cut(text: str, width: int) -> str:
    """``text`` cut to ``width`` characters with '…': English at a space, Chinese (no spaces between words) anywhere."""
    if len(text) <= width:
        return text
    head = text[:width - 1]
    return (head if HAN.search(head) else head.rsplit(" ", 1)[0]) + "…"


def frame_title(mix: pd.DataFrame, *, by: str = "chars", emphasis: pd.DataFrame | None = None,
                min_sentences: int = DEFAULTS.min_theme_sentences, min_cues: int = DEFAULTS.min_theme_cues) -> str:
    """The frame each version gives most of its text to, said of a version only where that frame rests on enough
    of it: with ``emphasis`` (``helpers.framing.themes.theme_emphasis``, the same lexicon's hits per sentence), at
    least ``min_sentences`` of the version's sentences touching it, tagged by at least ``min_cues`` distinct words, the
    bar page 02 states a theme's gap on (a frame carried by one word, 卖家 ×4 or "seller" ×3, is that word's lean).

    >>> mix = pd.DataFrame({"part": ["commentary", "original"], "frame": ["economic", "economic"],
    ...                     "share_chars": [0.2, 0.1]})
    >>> thin = pd.DataFrame({"theme": ["economic"], "zh_hits": [4], "en_hits": [3], "zh_cues": ["市场 ×4"],
    ...                      "en_cues": ["market ×2|price ×1"]})
    >>> frame_title(mix, emphasis=thin)
    'The English leans most on the economic frame (10% of its text); no frame rests on enough of the Chinese to say which it leans on (at least 3 sentences tagged by 2 distinct words)'
    """
    share = f"share_{by}"
    tagged = mix[mix["frame"].astype(str).str.strip() != ""]
    tops, tied = {}, {}
    for part in (PART_COMMENTARY, PART_ORIGINAL):
        rows = tagged[tagged["part"] == part].sort_values([share, "frame"], ascending=[False, True])
        if len(rows):
            tops[part] = rows.iloc[0]
            # frames with as large a share: the version leans on them as much (a red-team note, wave 10)
            tied[part] = [str(f) for f, v in zip(rows["frame"].iloc[1:], rows[share].iloc[1:])
                          if abs(float(v) - float(rows[share].iloc[0])) < 1e-9]
    if len(tops) < 2:
        return "Too little of either version evokes a frame to compare"
    bar = f"at least {plural(min_sentences, 'sentence')} tagged by {plural(min_cues, 'distinct word')}"
    held = {part: row for part, row in tops.items() if _frame_rests(row["frame"], part, emphasis, min_sentences, min_cues)}
    if not held:
        return f"No frame rests on enough of either version to say which it leans on ({bar})"
    if len(held) == 1:
        part, row = next(iter(held.items()))
        lang, other = ("Chinese", "English") if part == PART_COMMENTARY else ("English", "Chinese")
        lean = (f"gives the largest share of its text to {_frames(row['frame'], tied[part])} alike ({pct(row[share])} each)"
                if tied[part] else f"leans most on {_frames(row['frame'], [])} ({pct(row[share])} of its text)")
        return f"The {lang} {lean}; no frame rests on enough of the {other} to say which it leans on ({bar})"
    zh, en = tops[PART_COMMENTARY], tops[PART_ORIGINAL]
    if tied[PART_COMMENTARY] or tied[PART_ORIGINAL]:
        # a version whose largest share two frames hold alike leans on neither more: the shares are said, no contrast
        return (f"The Chinese's largest share of text goes to {_frames(zh['frame'], tied[PART_COMMENTARY])} "
                f"({pct(zh[share])}{' each' if tied[PART_COMMENTARY] else ''}), the English's to "
                f"{_frames(en['frame'], tied[PART_ORIGINAL])} ({pct(en[share])}{' each' if tied[PART_ORIGINAL] else ''})")
    if zh["frame"] == en["frame"]:
        both = (f"Both versions lean most on the {frame_name(zh['frame']).lower()} frame "
                f"({pct(zh[share])} of the Chinese text, {pct(en[share])} of the English)")
        if abs(float(zh[share]) - float(en[share])) >= DEFAULTS.min_difference \
                and not _gap_stated(emphasis, (zh["frame"],), min_sentences, min_cues):
            # two shares side by side read as a contrast: say when the gap between them is not one to present
            both += "; the gap between the two shares does not rest on enough evidence to call it a difference"
        return both
    if not _gap_stated(emphasis, (zh["frame"], en["frame"]), min_sentences, min_cues):
        # each version's own top frame, said without the contrast: the leans differ, the shares behind them may not
        return (f"The Chinese's largest frame is {frame_name(zh['frame']).lower()} ({pct(zh[share])} of its text), the "
                f"English's {frame_name(en['frame']).lower()} ({pct(en[share])}); on neither frame does the gap between the "
                f"versions rest on enough evidence to call it a difference of framing")
    return (f"The Chinese leans most on {frame_name(zh['frame']).lower()} ({pct(zh[share])} of its text), "
            f"the English on {frame_name(en['frame']).lower()} ({pct(en[share])})")


def _frames(frame: str, tied: list[str]) -> str:
    """'the economic frame', or with the frames tied with it, 'the economic and openness frames'.

    >>> _frames("economic", []), _frames("economic", ["openness", "technology"])
    ('the economic frame', 'the economic, openness and technology frames')
    """
    names = [frame_name(f).lower() for f in [frame, *tied]]
    if len(names) == 1:
        return f"the {names[0]} frame"
    return f"the {', '.join(names[:-1])} and {names[-1]} frames"


def _gap_stated(emphasis: pd.DataFrame | None, frames, min_sentences: int, min_cues: int) -> bool:
    """The gap between the versions on at least one of ``frames`` is one page 02 states (``narrative.theme_evidence``:
    shares apart, enough sentences and words, beyond chance); True where ``emphasis`` lacks the counts to judge it."""
    needed = {"theme", "difference", "zh_claims", "en_claims", "zh_hits", "en_hits", "p_value"}
    if emphasis is None or not needed <= set(emphasis.columns):
        return True
    rows = emphasis[emphasis["theme"].astype(str).isin([str(f) for f in frames])]
    return any(theme_evidence(r, min_sentences=min_sentences, min_cues=min_cues) == "" for _, r in rows.iterrows())


def _frame_rests(frame, part: str, emphasis: pd.DataFrame | None, min_sentences: int, min_cues: int) -> bool:
    """``frame`` touches at least ``min_sentences`` sentences of ``part``'s version through at least ``min_cues``
    distinct words (True without ``emphasis`` to read it from)."""
    if emphasis is None or "theme" not in emphasis.columns:
        return True
    rows = emphasis[emphasis["theme"].astype(str) == str(frame)]
    if rows.empty:
        return False
    side = "zh" if part == PART_COMMENTARY else "en"
    cues = [c for c in str(rows[f"{side}_cues"].iloc[0] or "").split("|") if c]
    return int(rows[f"{side}_hits"].iloc[0]) >= min_sentences and len(cues) >= min_cues


# ---- quotations, placed in the Chinese ----------------------------------------------------------

def unlinked_rows(additions: pd.DataFrame, alignment: pd.DataFrame, claims: pd.DataFrame) -> pd.DataFrame:
    """The Chinese sentences and headings the additions slide counts as having no link, for its table: those linked
    to no English (the ``aside`` additions, the writer's headings among them), then those the aligner held back as
    unsure, in the Chinese's order within each. The slide's bullet counts both; a table of the asides alone was
    empty where every unlinked sentence was unsure. 'linked to no English' says what the aligner did, not that the
    English lacks the content: a restatement it could not match reads the same.
    Columns: zh_claim_id, why ('linked to no English' or 'held back as unsure'), voice ('' where not read), text."""
    asides = additions[additions["addition"] == "aside"] if len(additions) else additions
    rows = [{"zh_claim_id": int(i), "why": "linked to no English", "voice": str(v) if pd.notna(v) else "",
             "text": str(t)}
            for i, v, t in zip(asides.get("zh_claim_id", []), asides.get("voice", pd.Series("", index=asides.index)),
                               asides.get("text", []))]
    if "relation" in alignment:
        texts = claims.set_index("claim_id")["text"]
        held = sorted(set(alignment.loc[alignment["relation"] == UNSURE, "zh_claim_id"].dropna().astype(int)))
        rows += [{"zh_claim_id": i, "why": "held back as unsure", "voice": "", "text": str(texts.get(i, ""))}
                 for i in held]
    return pd.DataFrame(rows, columns=["zh_claim_id", "why", "voice", "text"])


def unlinked_note(rows: pd.DataFrame, shown: int) -> str:
    """The line under the unlinked table when it shows only its first ``shown`` rows: how many there are of each
    kind, and where all of them are, so a reader counting the rows against the bullet is not left short.

    >>> rows = pd.DataFrame({"why": ["linked to no English"] * 3 + ["held back as unsure"] * 2})
    >>> unlinked_note(rows, 8), unlinked_note(rows, 4)
    ('', 'The first 4 of these 5 Chinese sentences and headings are shown (3 linked to no English, 2 held back as unsure); tables/alignment.csv lists every one with its relation.')
    """
    if len(rows) <= shown:
        return ""
    kinds = rows["why"].value_counts()
    parts = [f"{int(kinds[k])} {k}" for k in ("linked to no English", "held back as unsure") if k in kinds]
    return (f"The first {shown} of these {len(rows)} Chinese sentences and headings are shown ({', '.join(parts)}); "
            f"tables/alignment.csv lists every one with its relation.")


def quotations(additions: pd.DataFrame, alignment: pd.DataFrame, claims: pd.DataFrame, *, limit: int = 3) -> pd.DataFrame:
    """The commentator's asides, each placed by the Chinese sentence just before it in the Chinese (an aside has no
    English; and the English is not beside it in the file, where all the Chinese comes first, nor is the aligner's
    order a position in it). Columns: zh_claim_id, zh_text, zh_before ('' for an aside that opens the Chinese)."""
    kinds = claims.set_index("claim_id")["kind"]
    # sentences of the commentator's in Chinese, not its headings ('TL;DR', 'Summary', '二、机制拆解') or labels ('…三件事：')
    asides = additions[(additions["addition"] == "aside") & additions["zh_claim_id"].map(lambda i: kinds.get(i) != "heading")
                       & additions["text"].astype(str).map(_quotable)].head(limit)
    chinese = claims[claims["part"] == PART_COMMENTARY] if "part" in claims.columns else claims
    chinese = chinese[(chinese["kind"] != "heading") & chinese["text"].astype(str).str.contains(HAN)].sort_values("claim_id")
    rows = []
    for row in asides.itertuples():
        before = chinese[chinese["claim_id"] < row.zh_claim_id]
        rows.append({"zh_claim_id": int(row.zh_claim_id), "zh_text": str(row.text).strip(),
                     "zh_before": str(before["text"].iloc[-1]).strip() if len(before) else ""})
    return pd.DataFrame(rows, columns=["zh_claim_id", "zh_text", "zh_before"])


def quote_lines(quoted: pd.DataFrame, *, width: int = 60, links=None, caveats: pd.DataFrame | None = None,
                alignment: pd.DataFrame | None = None, order_window: int = DEFAULTS.align.order_window) -> str:
    """Each aside quoted, with where it sits in the Chinese (after which sentence): it draws on no English, the
    commentator's own; where the document's links are held back (``links``) it is only linked to none, which is all
    that is said. Given ``alignment``, the sentences the aligner held back as unsure are counted after them: they
    have no link either, and a bare "none" would tell a reader every sentence was matched."""
    lines = []
    own = "linked to no English" if links is not None and not links.presented else f"the {_writer(caveats)}'s own"
    for row in quoted.itertuples():
        where = (f"after the Chinese sentence “{text_of(_cut(row.zh_before, width))}”" if row.zh_before
                 else "the Chinese opens with it")
        said = own if (links is not None and not links.presented) or not cites_report(row.zh_text) else \
            "citing another report, which the file does not hold"
        lines.append(f"- “{text_of(row.zh_text)}”  \n  <small>{said}; {where}</small>")
    unsure = (int(alignment.loc[alignment["relation"] == UNSURE, "zh_claim_id"].nunique())
              if alignment is not None and "relation" in alignment else 0)
    if unsure:
        added = int(alignment.loc[alignment["relation"] == ADDITION, "zh_claim_id"].nunique())
        shown = len(lines)
        if not shown and added:  # additions none of which is quotable (headings, labels): counted, so the table's rows add up
            lead = f"{_unquoted(added)}; "
        elif not shown:
            lead = "No sentence is an addition; "
        else:  # the quotes are a few of the additions: said, so the count after them is not read as the rest
            lead = (f"{shown} of the {plural(added, 'sentence')} linked to no English "
                    f"{'is' if shown == 1 else 'are'} quoted above; ")
        # 'more' only after sentences already counted: with none, a reader looks for the sentences it would be more than
        held = (f"{plural(unsure, ('more ' if shown or added else '') + 'Chinese sentence')} "
                f"{'has' if unsure == 1 else 'have'} no link: the aligner "
                f"held them back as unsure ({unsure_reason(order_window)})")
        lines.append(f"- {lead}{held}")
    elif alignment is not None and "relation" in alignment:
        added = int(alignment.loc[alignment["relation"] == ADDITION, "zh_claim_id"].nunique())
        if 0 < len(lines) < added:  # a few of the additions quoted: said, so they are not read as all of them
            lines.append(f"- {len(lines)} of the {plural(added, 'sentence')} linked to no English "
                         f"{'is' if len(lines) == 1 else 'are'} quoted above.")
        elif added and not lines:
            # none of them is a whole sentence to quote (a heading, a label, a line ending in an address): a bare
            # "none" under a title counting them read as a contradiction (an invented press release's 'request the
            # report at …' line)
            lines.append(f"- {_unquoted(added)}: the table lists {'it' if added == 1 else 'them'}.")
    if not lines and alignment is not None and "relation" in alignment:
        return "- No Chinese sentence is left without a link to the English."
    return "\n".join(lines) or "- none"


def _unquoted(added: int) -> str:
    """The additions counted where none of them is quoted: none ends as a sentence does (the quotable ones are)."""
    return (f"{plural(added, 'Chinese sentence or heading', 'Chinese sentences and headings')} linked to no English, "
            f"none of them a whole sentence to quote here (a heading, a label or a line that does not end as a sentence)")


def dropped_paragraphs(claims: pd.DataFrame, alignment: pd.DataFrame, blocks: pd.DataFrame) -> pd.DataFrame:
    """The English paragraphs no Chinese sentence draws on, whole (none of their sentences linked), in reading order:
    a translation that keeps every section can still leave a paragraph out, which a section's share hides.
    Columns: block_id, sentences, first (the paragraph's first sentence)."""
    paragraphs = set(blocks.loc[(blocks["part"] == PART_ORIGINAL) & (blocks["kind"] == "paragraph"), "block_id"])
    # the English's headline written as a plain line is its title, which the Chinese's own title stands for: no
    # paragraph left out (a red-team note, wave 10: a wire story's headline was "a whole paragraph left out")
    facts = document_facts(blocks)
    if facts["title"] and facts["zh_title"]:
        titled = blocks[(blocks["part"] == PART_ORIGINAL) & (blocks["text"].map(_plain) == facts["title"])]
        paragraphs -= set(titled["block_id"].head(1))
    english = claims[(claims["part"] == PART_ORIGINAL) & claims["block_id"].isin(paragraphs)].sort_values("start")
    linked = set(alignment.loc[alignment["relation"] != OMISSION, "en_claim_id"].dropna().astype(int))
    rows = [{"block_id": int(block), "sentences": len(group), "first": str(group["text"].iloc[0]).strip()}
            for block, group in english.groupby("block_id", sort=False) if not set(group["claim_id"]) & linked]
    return pd.DataFrame(rows, columns=["block_id", "sentences", "first"])


def paragraphs_line(gone: pd.DataFrame, *, width: int = 60) -> str:
    """The paragraphs ``dropped_paragraphs`` found, said with their sentences and the first one's opening.

    >>> paragraphs_line(pd.DataFrame({"block_id": [7], "sentences": [3], "first": ["We also learned a lesson."]}))
    'it leaves out 1 whole English paragraph (3 sentences), the one opening “We also learned a lesson”'
    """
    sentences = int(gone["sentences"].sum())
    first = text_of(_cut(str(gone["first"].iloc[0]).rstrip(".!?。！？"), width))  # the line's own full stop follows
    opening = f"the one opening “{first}”" if len(gone) == 1 else f"the first opening “{first}”"
    return (f"it leaves out {plural(len(gone), 'whole English paragraph')} ({plural(sentences, 'sentence')}), {opening}")


def closing(analysis, *, min_coverage: float = KEPT_SHARE) -> str:
    """The closing slide: the briefing's question answered in three bullets (gets, misses, adds)."""
    coverage, alignment = analysis.coverage, analysis.alignment
    total = coverage["carried_chars"].sum() / max(coverage["chars"].sum(), 1)
    judged = coverage[coverage["claims"] >= analysis.params.min_evidence]
    dropped = judged[judged["share_chars"] < min_coverage]
    zh, beyond = within_english(alignment)
    asides = int((analysis.additions["addition"] == "aside").sum())
    links = analysis.link_gate
    if not links.presented:
        lines = [f"**{text_of(QUESTION)}**", "",
                 f"- **Gets, misses, adds**: not counted for this document{judged_as(links)}. {text_of(links.why)[:1].upper()}"
                 f"{text_of(links.why)[1:]}; the pairs are to be read side by side (page 04)."]
        lines.append("- **Names**: the organisations each version names are counted on their own (page 03), "
                     "without the links.")
        return "\n".join(lines)
    lines = [f"**{text_of(QUESTION)}**", "",
             f"- **Gets** {pct(total)} of the English text's characters; it keeps {len(judged) - len(dropped)} of "
             f"{plural(len(judged), 'section')} (a quarter of a section's characters or more)"
             f"{_unjudged(coverage, analysis.params.min_evidence)}."]
    gone = dropped_paragraphs(analysis.claims, alignment, analysis.tables.blocks)
    lines.append(f"- **Misses**, or draws on under {pct(min_coverage)} of, "
                 f"{listing([_heading(h) for h in dropped['heading']], limit=3, quoted=False)}."
                 if len(dropped) else "- **Misses** no whole section judged: each is drawn on in part at least"
                 + _unjudged_empty(coverage, analysis.params.min_evidence)
                 + (f"; but {paragraphs_line(gone)}." if len(gone) else "."))
    past = f" ({beyond} more come after the English given ends)" if beyond else ""
    one, many = (units_noun(analysis.claims.loc[analysis.claims["part"] == PART_COMMENTARY, "kind"], one=flag)
                 for flag in (True, False))
    lines.append(f"- **Adds** {plural(asides, one, many)} of its own out of {zh}{past}." if zh else "- **Adds** nothing.")
    changed = shift_title(analysis.shifts, min_evidence=analysis.params.min_evidence)
    if changed[:1].isdigit():
        lines.append(f"- **Voice and certainty**: {changed}.")
    elif len(worth_reading(analysis.framing, analysis.claims, tokenizer=analysis.tokenizer)):
        lines.append("- **Voice and certainty**: no change is labelled reliably enough to count; read the pairs side by side "
                     "(page 04).")
    else:  # no pair to read: sending a reader to them sent them looking for a slide that is not there
        lines.append("- **Voice and certainty**: no change in either is labelled in the linked sentences.")
    return "\n".join(lines)


def evidence(frame: pd.DataFrame, columns: list[str], *, limit: int = 8) -> pd.DataFrame:
    """The rows behind a slide's claim, for its speaker notes: the named columns, at most ``limit`` rows."""
    return frame[[c for c in columns if c in frame.columns]].head(limit).reset_index(drop=True)
