"""Document caveats: what a reader must know before any finding, computed from the tables of every document.

``caveats(claims, blocks, alignment)`` → a table (CAVEAT_COLUMNS: kind, evidence, affects), one row per caveat that
holds, in CAVEAT_KINDS order:

- ``english_excerpt``: the English is given only in part: it ends mid-sentence, or the Chinese keeps going past the
  last English it can link (its last links reach the English's end, and a run of Chinese follows with no link), or
  the English is far shorter than the Chinese;
- ``chinese_much_shorter``: a summary: the Chinese is a small share of the English;
- ``several_originals``: the English holds several articles, each under its own headline and byline (a compiled
  report appends each source it draws on): the title slide names the first, and the English's figures add them up;
- ``traditional_script``: the Chinese is written in Traditional characters (``helpers.text.variants.detect_script``);
- ``own_reporting``: the Chinese carries reporting of its own (本报记者, a dateline such as （新山3日讯）): a news report
  that compiles the English with its own sources, never a translation;
- ``translation``: almost every Chinese sentence is linked, one to one, and the Chinese does not speak of its source
  in the third person (作者, 原文: a summary's or a commentary's mark, however many of its sentences link): the
  shifts are a translator's;
- ``commentary``: not a translation, and the Chinese carries its writer's own asides, opinions or outline
  (``helpers.align.aside_marked``): the additions are the writer's, the shifts a commentator's framing;
- ``few_links``: few Chinese sentences are linked at all: the framing tables rest on little.

``mark_beyond`` relabels the Chinese sentences past the last English the file holds as ``beyond`` (they draw on
English missing from the file): they are not the writer's asides.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np
import pandas as pd

from ..columns import (
    ADDITION, BEYOND, CAVEAT_COLUMNS, CONTENT_KINDS, OMISSION, PART_COMMENTARY, PART_NONCONTENT, PART_ORIGINAL, UNSURE,
    units_noun,
)
from ..align.evidence import aside_marked, note_sentences, opens_note, outline_heading
from ..align import kind
from ..patterns import BYLINE_LEAD, ENDS_SENTENCE, ENDS_WITH_COLON, HAN, LATIN_LETTER, WORD_RUN
from ..patterns import LATIN_NAME_IS, OUTLINE_ENUMERATOR
from ..tables.claims import find_cues
from ..tables.entities import tokenizer_for
from ..text.variants import TRADITIONAL, detect_script
from ..text.parse import AUTHOR_BIO_EN
from ..vocab import CueMatcher, load_cues
from ..params import DEFAULTS

#: The Chinese's weight (Han characters) under this share of the English's (Latin letters / 3) reads as a summary.
#: Measured on the tuning half: translations 0.80–0.97, summaries 0.12–0.34.
CHINESE_SHORTER_SHARE = 0.5
#: The English's weight under this share of the Chinese's: the English is an excerpt.
ENGLISH_SHORTER_SHARE = 0.5
#: The last link reaches the English's end when it falls in this last share of the English's content sentences.
ENGLISH_END_SHARE = 0.1
#: A trailing run of unlinked Chinese sentences this long (and this share of the Chinese) runs past the English.
TRAILING_MIN_SENTENCES = 3
TRAILING_MIN_SHARE = 0.1
#: An English last line this long that does not end like a sentence stops mid-sentence; its last words are quoted
#: (words only: the evidence is shown on pages, and a cut line's markup would lose its opening).
CUT_LINE_MIN_CHARS = 25
CUT_LINE_QUOTED_WORDS = 8
#: A translation: the Chinese (the part the English covers) about as long as the English, and at least this share of
#: its sentences linked. Measured on the tuning half: translations 0.78–0.94 linked, summaries 0.39–0.81 (the seed's
#: 0.81: length, not links, tells a summary).
TRANSLATION_MIN_LINKED = 0.7
#: Under this share of the Chinese sentences linked, the framing tables rest on little.
FEW_LINKS_MAX_SHARE = 0.4
# SOURCE_REFERENCE_MIN_SHARE, SOURCE_REFERENCE_MIN_SENTENCES: in helpers/align/kind.py, the one definition of a
# Chinese that reports its source, which the aligner reads too.
#: A commentary (not a plain summary): at least this many of the Chinese's sentences (and this share), headings
#: aside, are its writer's own (``aside_marked``: first person, meta-comment, the writer's own sections). Tuning half:
#: the plain summary 1, the seed 7 (summary with commentary), the close reading 11 23, the invented commentary 9.
COMMENTARY_MIN_ASIDES = 3
COMMENTARY_MIN_SHARE = 0.05
#: The Chinese goes on past the English's end (``past_english_end``) for at least this share of its sentences while
#: the English is shorter than the Chinese: the English is given only in part, though the Chinese weaves its own
#: context in to its end (a newspaper's report of a wire story cut short) so that no unlinked run trails it. Tuning
#: half: whole translations and summaries 0.00–0.02, the excerpt 0.69, the invented wire report 0.49 (the invented
#: commentary, which closes with its own view, 0.09).
PAST_END_MIN_SHARE = 0.25
#: ... unless at least this share of those sentences are the writer's own or speak of the source in the third person.
PAST_END_MAX_OWN_SHARE = 0.5
#: ... but this many of them that place what they report in a later part of the source (cues.csv ``source_sequence``:
#: 在后半部分, 最后一部分), outside the writer's own voice, report English the file lacks: a digest of a feature whose
#: English is its opening. Unseen documents and the tuning half: whole texts 0, the invented excerpt digest 2.
PAST_END_MIN_SEQUENCED = 2
#: An English that stops mid-sentence is given in part when at least this many Chinese sentences past its end (its last
#: paragraph reached) are not the writer's own: the cut line and the Chinese going on agree (``runs_past_cut_end``).
#: Unseen documents: the invented interview excerpt 2 (an answer's plan and a view, past a cut answer).
CUT_PAST_MIN_SENTENCES = 2


def _content(claims: pd.DataFrame, part: str) -> pd.DataFrame:
    return claims[(claims["part"] == part) & claims["kind"].isin(CONTENT_KINDS)].sort_values("start")


def _lengths(claims: pd.DataFrame, without: set[int] = frozenset()) -> tuple[int, int]:
    """(Han characters of the Chinese's content sentences but those ``without``, Latin letters of the English's)."""
    zh_claims = _content(claims, PART_COMMENTARY)
    if without:  # (a table of blocks, with no claim ids, measures the same way when nothing is left out)
        zh_claims = zh_claims[~zh_claims["claim_id"].isin(without)]
    zh = "".join(zh_claims["text"])
    en = "".join(_content(claims, PART_ORIGINAL)["text"])
    return len(HAN.findall(zh)), len(LATIN_LETTER.findall(en))


#: Latin letters that weigh as one Han character in the pages' one length measure.
LETTERS_PER_HAN = 3


def _weights(claims: pd.DataFrame, without: set[int] = frozenset()) -> tuple[int, int]:
    """(Chinese weight, English weight): Han characters of the Chinese (but its sentences ``without``), Latin
    letters / 3 of the English."""
    han, letters = _lengths(claims, without)
    return han, letters // LETTERS_PER_HAN


def unit_weight(text: str, part: str) -> float:
    """One unit's length in the same measure, for a chart that stacks units: Han characters in the Chinese version,
    Latin letters / 3 in the English original, both in the furniture.

    >>> unit_weight("模型很小", "commentary"), unit_weight("Models are small", "original")
    (4.0, 4.666666666666667)
    """
    han = len(HAN.findall(text)) if part != PART_ORIGINAL else 0
    letters = len(LATIN_LETTER.findall(text)) if part != PART_COMMENTARY else 0
    return han + letters / LETTERS_PER_HAN


def version_letters(claims: pd.DataFrame) -> tuple[int, int]:
    """(Han characters, Latin letters) as counted, for the pages to print: the weight's English side is these
    letters divided by three and rounded down, so three times the weight can be up to two letters short."""
    return _lengths(claims)


def version_weights(claims: pd.DataFrame) -> tuple[int, int]:
    """(Chinese weight, English weight), the one length measure every page states: Han characters of the Chinese's
    content sentences, Latin letters / 3 of the English's (a Chinese character carries about three letters)."""
    return _weights(claims)


def _linked(alignment: pd.DataFrame) -> pd.DataFrame:
    rows = alignment.dropna(subset=["zh_claim_id", "en_claim_id"])
    return rows.astype({"zh_claim_id": "int64", "en_claim_id": "int64"})


#: Kinds of Chinese line whose link never shows the Chinese has reached the English's end: a section title of a few
#: words is tied on one shared word (五、评论区常见的几个疑问 to the acknowledgements; bilingual review round 18).
NOT_REACHING_KINDS = ("heading", "title")


def _reaching(alignment: pd.DataFrame, claims: pd.DataFrame) -> pd.DataFrame:
    """The links that can show how far the Chinese has read: not a heading's, and not one scored under the aligner's
    min_coverage (a neighbour's context carried it)."""
    links = _linked(alignment)
    if links.empty or "kind" not in claims.columns:
        return links
    # a numbered section title ('五、评论区常见的几个疑问'), not any short line the parser calls a heading (a subtitle's cue)
    heads = set(claims.loc[claims["kind"].isin(NOT_REACHING_KINDS)
                           & claims["text"].astype(str).map(lambda t: bool(OUTLINE_ENUMERATOR.match(t))), "claim_id"])
    weak = links["score"] < DEFAULTS.align.min_coverage if "score" in links.columns else False
    return links[~links["zh_claim_id"].isin(heads) & ~weak]


def trailing_unlinked(claims: pd.DataFrame, alignment: pd.DataFrame) -> list[int]:
    """The Chinese sentences after the last one linked to the English's end, when a run of them has no link and
    follows a link into the last ENGLISH_END_SHARE of the English; else []."""
    zh = _content(claims, PART_COMMENTARY)
    en = _content(claims, PART_ORIGINAL)
    links = _reaching(alignment, claims)
    if zh.empty or en.empty or links.empty:
        return []
    order = {c: k for k, c in enumerate(zh["claim_id"])}
    en_rank = {c: k for k, c in enumerate(en["claim_id"])}
    last_zh = max(order.get(c, -1) for c in links["zh_claim_id"])
    tail = list(zh["claim_id"].iloc[last_zh + 1:])
    reached = max(en_rank.get(c, -1) for c in links.loc[links["zh_claim_id"] == zh["claim_id"].iloc[last_zh], "en_claim_id"])
    if reached < (1 - ENGLISH_END_SHARE) * len(en) - 1:
        return []
    if len(tail) < max(TRAILING_MIN_SENTENCES, TRAILING_MIN_SHARE * len(zh)):
        return []
    # a commentary (it speaks of its source in the third person) that closes in its own voice (在我看来…, 你怎么看？)
    # after retelling the English's last paragraph has reached the end of a whole English: what trails an excerpt
    # reports, in the source's manner, what the file lacks. A translation's 'we' (我们) is its source's voice, not
    # the writer's own: it earns no such reading
    if reports_source(claims) and (_mostly_own(claims, zh, tail) or _bookended_by_own(claims, zh, tail)):
        return []
    # a run that opens with an editor's or translator's note (编译者注：…) is the writer's closing note, whatever the
    # kind of document: a compiled translation's own view and context after the whole English it renders
    if any(opens_note(str(t)) for t in zh.loc[zh["claim_id"].isin(tail), "text"]):
        return []  # a note label anywhere in the run (业内人士指出… then 小编点评：…): the writer's own close (bilingual review round 18)
    return [int(c) for c in tail]


def _own_close(claims: pd.DataFrame, ids) -> bool:
    """Whether the Chinese reports its source and the run ``ids`` past the English's end opens and closes in the
    writer's own voice (``_bookended_by_own``)."""
    return bool(reports_source(claims)) and _bookended_by_own(claims, _content(claims, PART_COMMENTARY), ids)


def _bookended_by_own(claims: pd.DataFrame, zh: pd.DataFrame, ids) -> bool:
    """Whether the run ``ids`` opens and closes in the writer's own voice (说白了，我个人觉得… then 你们怎么看？): a
    commentary turning from its source to its own view and ending on it, whatever lies between (国内的情况…, the
    writer's own context, which no cue marks)."""
    run = zh.loc[zh["claim_id"].isin(ids), "claim_id"].tolist()
    own = set(own_voice_ids(claims))
    return len(run) >= 2 and (run[0] in own or _paragraph_own(zh, run[0], own, first=False)) and (
        run[-1] in own or _paragraph_own(zh, run[-1], own, first=True))


def _paragraph_own(zh: pd.DataFrame, claim, own: set, *, first: bool) -> bool:
    """Whether the paragraph of ``claim`` speaks in the writer's own voice: its first sentence (``first``: the closing
    paragraph that opens 说到底，…, its last sentence theirs too), or any sentence after ``claim`` in it (the run's
    opening paragraph, 还要补充一点：… then 这当然不妨碍他的判断，但读者…最好记住…); bilingual review round 21: a 虎嗅
    commentary's close read as English the file lacks."""
    if "block_id" not in zh.columns:
        return False
    block = zh.loc[zh["claim_id"] == claim, "block_id"]
    if block.empty:
        return False
    paragraph = zh.loc[zh["block_id"] == block.iloc[0], "claim_id"].tolist()
    if len(paragraph) < 2:
        return False
    return paragraph[0] in own if first else any(c in own for c in paragraph[paragraph.index(claim) + 1:])


def _opens_own_section(claims: pd.DataFrame, ids) -> bool:
    """Whether the run ``ids`` past the English's end opens with a heading of the writer's own section (译者后记, 写在最后,
    我的看法: an ``own_section`` cue): a translator's afterword after a whole English, not English the file lacks."""
    first = _first_of(claims, ids)
    if _own_section_after_paragraph_rest(claims, ids):
        return True
    # a signature closing the rendered source (丹娜, — Dana) may stand between the English's end and the writer's own
    # section: a short line that ends no sentence and carries no cue is skipped, at most SIGNOFF_MAX_LINES of them
    run = claims[claims["claim_id"].isin(ids)].sort_values("start")
    for k in range(min(SIGNOFF_MAX_LINES, len(run) - 1)):
        text = str(run.iloc[k]["text"]).strip()
        if len(text) > SIGNOFF_MAX_CHARS or ENDS_SENTENCE.search(text) or find_cues(text, "own_section"):
            break
        first = run.iloc[k + 1]
    # a label alone on its line ('💡 小鹿碎碎念：', a pictograph before it, a colon after) opens a section as a heading does
    label = first is not None and len(str(first["text"]).strip()) <= OWN_LABEL_MAX_CHARS and \
        bool(re.search(r"[:：]\s*$", str(first["text"])))
    if first is not None and (first["kind"] in ("heading", "title") or label) and \
            bool(find_cues(str(first["text"]), "own_section")):
        return True
    # the run sits inside a section of the writer's own that opened before it (五、合规建议, then a list whose first
    # item the aligner tied to the English): the section's heading is the last heading of the Chinese before the run
    if first is None or not {"part", "start", "kind"} <= set(claims.columns):
        return False
    before = claims[(claims["part"] == first["part"]) & (claims["start"] < first["start"])
                    & claims["kind"].isin(["heading", "title"])].sort_values("start")
    return len(before) > 0 and bool(find_cues(str(before.iloc[-1]["text"]), "own_section"))


def _own_section_after_paragraph_rest(claims: pd.DataFrame, ids) -> bool:
    """Whether the run ``ids`` opens with the rest of the paragraph that reached the English's end (at most
    PARAGRAPH_REST_MAX sentences of the block of the sentence right before the run: the writer's remark closing the
    rendered source, 值得注意的是…) and then a heading of the writer's own section (四、译者点评): a translator's afterword
    after a whole English, as when the heading opens the run (bilingual review round 20: an earnings call's 编译)."""
    if not {"part", "start", "kind", "block_id"} <= set(claims.columns):
        return False
    run = claims[claims["claim_id"].isin(ids)].sort_values("start")
    if len(run) < 2:
        return False
    version = claims[claims["part"] == run.iloc[0]["part"]]
    before = version[version["start"] < run.iloc[0]["start"]].sort_values("start")
    if before.empty:
        return False
    block, rest = before.iloc[-1]["block_id"], 0
    while rest < min(PARAGRAPH_REST_MAX, len(run) - 1) and run.iloc[rest]["block_id"] == block:
        rest += 1
    heading = run.iloc[rest]
    return rest > 0 and heading["kind"] in ("heading", "title") and bool(find_cues(str(heading["text"]), "own_section"))


def _own_heading_of(claims: pd.DataFrame, ids) -> pd.Series | None:
    """The heading of the writer's own section in the run ``ids`` (四、译者点评, after the rest of the paragraph that
    reached the English's end), else the run's first claim: what a caveat quotes as the section's opening."""
    run = claims[claims["claim_id"].isin(ids)].sort_values("start")
    headed = run[run["kind"].isin(["heading", "title"]) & run["text"].astype(str).map(
        lambda t: bool(find_cues(t, "own_section")))] if "kind" in run.columns else run.iloc[:0]
    return headed.iloc[0] if len(headed) else _first_of(claims, ids)


#: The most sentences of the paragraph that reached the English's end standing before the writer's own section.
PARAGRAPH_REST_MAX = 2

#: A signature between the rendered source's end and the writer's own section: at most this many short lines.
SIGNOFF_MAX_LINES = 2
SIGNOFF_MAX_CHARS = 8

#: The longest line read as a section's label when it ends with a colon ('💡 小鹿碎碎念：', '写在最后：').
OWN_LABEL_MAX_CHARS = 16


def _first_of(claims: pd.DataFrame, ids) -> pd.Series | None:
    """The first claim of the run ``ids`` in reading order (None for none): the heading a section of the writer's own
    opens with."""
    run = claims[claims["claim_id"].isin(ids)].sort_values("start")
    return run.iloc[0] if len(run) else None


def _mostly_own(claims: pd.DataFrame, zh: pd.DataFrame, ids) -> bool:
    """At least PAST_END_MAX_OWN_SHARE of the Chinese sentences ``ids`` are the writer's own (``writer_asides``) or
    speak of the source in the third person."""
    own = set(writer_asides(claims)) | set(reader_addressed(claims)) | set(source_references(claims)[0])
    texts = zh.loc[zh["claim_id"].isin(ids), "text"]
    return bool(len(texts)) and texts.isin(own).mean() >= PAST_END_MAX_OWN_SHARE


@lru_cache(maxsize=None)
def _closing_credit_cues() -> CueMatcher:
    """The English 'credit_line' cues of cues.csv: a wire story's sign-off, '(Reporting by …; Editing by …)'."""
    cues = load_cues()
    return CueMatcher(cues[(cues["category"] == "credit_line") & (cues["lang"] == "en")], "category")


def english_closing_credit(blocks: pd.DataFrame) -> str | None:
    """The English's closing credit, when a credit line (an English 'credit_line' cue: '(Reporting by …)') is set
    aside after the English's last block: the story signs off there, so the English is whole, else None."""
    original = blocks[blocks["part"] == PART_ORIGINAL]
    if original.empty:
        return None
    # the English's own last line on its writer ('Helen Ashford is a research scientist at …'), kept as content when no
    # byline names her ('Helen Ashford' alone under the title): the post signs off there too (bilingual review round 21:
    # a researcher's blog appended whole read as an excerpt because the Zhihu answer quoting it ran longer)
    last = str(original.sort_values("start")["text"].iloc[-1])
    if not HAN.search(last) and AUTHOR_BIO_EN.fullmatch(last):
        return last
    after = blocks[(blocks["start"] > original["start"].max()) & (blocks["part"] == PART_NONCONTENT)]
    for text in after.sort_values("start")["text"]:
        if not HAN.search(str(text)) and (_closing_credit_cues().find(str(text)) or AUTHOR_BIO_EN.fullmatch(str(text))):
            return str(text)
    return None


#: A byline that opens on the outlet's name, then a middot or bar ('TechWire · By Dana Whitfield · December 1, 2026',
#: 'AI Research Digest · December 2, 2026'): not a time stamp ('10:42 AM · Nov 28, 2026').
OUTLET_BYLINE = re.compile(r"^[A-Z][A-Za-z&.' -]{1,60}?\s[·|｜]\s(?:By\s+[A-Z]|[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4})")
#: How far above its byline an article's headline may stand (a dek or a date between them).
HEADLINE_REACH = 3
#: A line right above a byline this short that ends no sentence is the article's headline, whatever its kind.
HEADLINE_MAX_CHARS = 160


def _is_masthead(text: str, blocks: pd.DataFrame) -> bool:
    """A short line (at most four words) that a boilerplate line of the file names again ('© 2026 Asia Compute Review',
    'Sign up for the Asia Compute Review newsletter'): a publication's name, not a headline."""
    name = text.strip()
    if not name or len(name.split()) > 4:
        return False
    furniture = blocks.loc[blocks["kind"] == "boilerplate", "text"].astype(str)
    return any(name in line and line.strip() != name for line in furniture)


def english_articles(blocks: pd.DataFrame) -> list[str]:
    """The headlines of the articles the English holds, where it holds several: each a heading of the English that a
    byline ('By …') follows within ``HEADLINE_REACH`` blocks (a compiled report appends each source it draws on, each
    under its own headline and byline); [] for one article or none so marked.

    >>> blocks = pd.DataFrame({"part": ["commentary", "original", "noncontent", "original", "original", "noncontent",
    ...                                 "original"], "kind": ["paragraph", "heading", "byline", "paragraph", "heading",
    ...                                 "byline", "paragraph"], "text": ["中文。", "Water rules", "By Ann Lee",
    ...                                 "Text.", "A thirsty boom", "By Bo Chen and Cy Dee", "More."]})
    >>> english_articles(blocks)
    ['Water rules', 'A thirsty boom']
    """
    original = blocks[blocks["part"] == PART_ORIGINAL]
    if original.empty:
        return []
    after = blocks[blocks["start"] >= original["start"].min()] if "start" in blocks else blocks.loc[original.index.min():]
    kinds, parts, texts = after["kind"].tolist(), after["part"].tolist(), after["text"].astype(str).tolist()
    titles = []
    for k, (kind, text) in enumerate(zip(kinds, texts)):
        if kind != "byline" or not (BYLINE_LEAD.match(text.strip()) or OUTLET_BYLINE.match(text.strip())):
            continue
        for j in range(k - 1, max(-1, k - 1 - HEADLINE_REACH), -1):
            # a heading; or, right above the byline, any line that ends no sentence (a headline read as a list item)
            # a masthead right above the byline ('Asia Compute Review', which the article's © line or newsletter
            # prompt names again) is the site's name: its headline is the line above it
            if j == k - 1 and j > 0 and parts[j - 1] == PART_ORIGINAL and _is_masthead(texts[j], after):
                continue
            if parts[j] == PART_ORIGINAL and (kinds[j] in ("heading", "title") or (
                    j >= k - 2 and len(texts[j]) <= HEADLINE_MAX_CHARS and not ENDS_SENTENCE.search(texts[j].rstrip()))):
                if texts[j] not in titles:
                    titles.append(texts[j])
                break
    return titles if len(titles) >= 2 else []


def english_cut_line(claims: pd.DataFrame, blocks: pd.DataFrame) -> str | None:
    """The English's last line when it stops mid-sentence (a long line not ending like a sentence), else None."""
    original = blocks[blocks["part"] == PART_ORIGINAL]
    if original.empty:
        return None
    after = blocks[(blocks["start"] >= original["start"].min()) & (blocks["kind"] != "boilerplate")
                   & ((blocks["part"] == PART_ORIGINAL) | (blocks["part"] == PART_NONCONTENT))]
    last = str(after.sort_values("start")["text"].iloc[-1])
    if len(last) >= CUT_LINE_MIN_CHARS and not ENDS_SENTENCE.search(last) and not ENDS_WITH_COLON.search(last) \
            and not HAN.search(last):
        return last
    return None


#: The Chinese has reached the English's end at the first sentence linked into its last ENGLISH_END_SHARE once the
#: sentences up to it draw on at least this share of all the English sentences the Chinese draws on (a thesis
#: sentence that cites the conclusion first thing is not the end).
END_REACHED_MIN_SHARE = 0.5


def past_english_end(claims: pd.DataFrame, alignment: pd.DataFrame, *, end_from: float | None = None) -> list[int]:
    """The Chinese sentences after the Chinese has reached the English's end that draw on nothing there: unlinked,
    linked only further back (in an excerpt, a link back from past its end is a guess at what the file lacks), or
    linked only to English that an earlier Chinese sentence already drew on (the aligner's reading position rests on
    the last paragraph, so what follows the excerpt's end piles onto it). Before the first such sentence, a sentence
    of the same Chinese paragraph as the one before it, linked only to English that one drew on, goes on rendering it:
    not past the end. In order; [] when the Chinese never reaches the English's end."""
    zh = _content(claims, PART_COMMENTARY)
    en = _content(claims, PART_ORIGINAL)
    links = _reaching(alignment, claims)
    if zh.empty or en.empty or links.empty:
        return []
    en_rank = {c: k for k, c in enumerate(en["claim_id"])}
    end_from = (1 - ENGLISH_END_SHARE) * len(en) - 1 if end_from is None else end_from
    reach = links.assign(rank=links["en_claim_id"].map(en_rank).fillna(-1)).groupby("zh_claim_id")["rank"].max()
    total = links["en_claim_id"].nunique()
    seen: set[int] = set()
    order = list(zh["claim_id"])
    # a claims table without its blocks: each sentence a paragraph of its own
    block_of = dict(zip(zh["claim_id"], zh["block_id"] if "block_id" in zh.columns else zh["claim_id"]))
    for position, claim_id in enumerate(order):
        seen.update(links.loc[links["zh_claim_id"] == claim_id, "en_claim_id"])
        if reach.get(claim_id, -1) >= end_from and len(seen) >= END_REACHED_MIN_SHARE * total:
            past = []
            previous, previous_drawn = claim_id, set(links.loc[links["zh_claim_id"] == claim_id, "en_claim_id"])
            for later in order[position + 1:]:
                drawn = set(links.loc[links["zh_claim_id"] == later, "en_claim_id"])
                if not past and drawn and drawn <= previous_drawn and block_of.get(later) == block_of.get(previous):
                    continue  # the paragraph's next sentence renders the English its last one did: not past the end
                previous, previous_drawn = later, drawn
                if reach.get(later, -1) < end_from or drawn <= seen:
                    past.append(int(later))
                seen |= drawn
            return past
    return []


#: English paragraphs at a signed-off story's close that a compiled report may leave out and still have reached its
#: end (the wire's last paragraph, a share price or a hiring plan: a red-team note, wave 10).
SIGNED_OFF_DROPPED_PARAGRAPHS = 1


def signed_off_context(claims: pd.DataFrame, alignment: pd.DataFrame) -> list[int]:
    """The Chinese sentences past the end of an English that signs off with its credit line (the caller checks
    ``english_closing_credit``): ``past_english_end``'s, or, where the Chinese leaves out the story's last
    SIGNED_OFF_DROPPED_PARAGRAPHS paragraph(s) and so never links into its last tenth, the run of unlinked sentences
    after its last link when that link reaches the paragraph before them: a compiled report's own context after the
    wire sentences it renders. In order; [] when neither holds."""
    past = past_english_end(claims, alignment)
    if past:
        return past
    zh = _content(claims, PART_COMMENTARY)
    en = _content(claims, PART_ORIGINAL)
    links = _linked(alignment)
    if zh.empty or en.empty or links.empty or "block_id" not in en.columns:
        return []
    blocks = list(dict.fromkeys(en["block_id"]))
    block_rank = {b: k for k, b in enumerate(blocks)}
    en_block = dict(zip(en["claim_id"], en["block_id"]))
    order = list(zh["claim_id"])
    linked = set(links["zh_claim_id"])
    last = max(k for k, c in enumerate(order) if c in linked) if linked & set(order) else -1
    if last < 0:
        return []
    reached = max(block_rank.get(en_block.get(c), -1) for c in links.loc[links["zh_claim_id"] == order[last], "en_claim_id"])
    tail = [int(c) for c in order[last + 1:]]
    if reached < len(blocks) - 1 - SIGNED_OFF_DROPPED_PARAGRAPHS or len(tail) < TRAILING_MIN_SENTENCES:
        return []
    return tail


def mark_beyond(alignment: pd.DataFrame, claims: pd.DataFrame, blocks: pd.DataFrame) -> pd.DataFrame:
    """The alignment with the Chinese sentences past the English the file holds relabelled ``beyond`` (one row each,
    no English), when the English is given only in part; or ``addition``, when the English is whole and signs off
    with its credit line (``english_closing_credit``): a compiled report's own context after the wire story it renders,
    which the aligner's reading position, resting on the last paragraph, would otherwise pile onto it."""
    if english_closing_credit(blocks):
        relation = ADDITION
    elif _is_excerpt(claims, blocks, alignment):
        relation = BEYOND
    else:
        return alignment
    tail = set(signed_off_context(claims, alignment) if relation == ADDITION else past_english_end(claims, alignment))
    # the end an English cut mid-sentence lets the Chinese reach: its last paragraph (``runs_past_cut_end``)
    cut = not tail and relation == BEYOND and bool(runs_past_cut_end(claims, blocks, alignment))
    tail = tail or set(runs_past_cut_end(claims, blocks, alignment) if cut else [])
    if len(tail) < TRAILING_MIN_SENTENCES:
        return alignment
    if relation == BEYOND and not cut and (_own_close(claims, tail) or _opens_own_section(claims, tail)):
        return alignment  # the writer turning to their own view past a whole English: additions, not English it lacks
    if relation == BEYOND and not cut and kind.own_reporting(_content(claims, PART_COMMENTARY)):
        # a report with reporting of its own (本报记者, 我校团队) going on past a whole English: its own reporting,
        # additions, not English the file lacks (bilingual review round 14: a university's release on its paper)
        return alignment
    if relation == BEYOND and (reports_source(claims) or cut):
        # a summary's or a commentary's own voice past the excerpt's end (我们的看法是…, a question to the reader) is
        # the writer's addition, not English the file lacks; a translation's 'we' is its source's, and stays beyond
        tail -= set(own_voice_ids(claims))
    return _relabel(alignment, tail, relation)


def _relabel(alignment: pd.DataFrame, ids: set[int], relation: str) -> pd.DataFrame:
    """The alignment with the Chinese sentences ``ids`` unlinked and given ``relation`` (one row each, no English);
    English sentences that only they drew on become omissions."""
    tail = set(ids)
    if not tail:
        return alignment
    kept = alignment[~alignment["zh_claim_id"].isin(tail)]
    moved = pd.DataFrame({"zh_claim_id": sorted(tail), "en_claim_id": pd.NA, "score": 0.0, "relation": relation})
    # English sentences that only the moved sentences drew on are now omissions
    dropped = set(_linked(alignment[alignment["zh_claim_id"].isin(tail)])["en_claim_id"]) - set(_linked(kept)["en_claim_id"])
    orphans = pd.DataFrame({"zh_claim_id": pd.NA, "en_claim_id": sorted(dropped), "score": 0.0, "relation": OMISSION})
    # ids as the alignment holds them, made nullable where every sentence was linked (a numpy int column holds no NA)
    ids = {c: "Int64" if isinstance(alignment[c].dtype, np.dtype) and alignment[c].dtype.kind in "iu" else alignment[c].dtype
           for c in ("zh_claim_id", "en_claim_id")}
    frames = [kept.astype(ids)] + [f.astype(ids) for f in (moved, orphans) if not f.empty]
    out = pd.concat(frames, ignore_index=True)
    out["en_claim_id"] = out["en_claim_id"].astype(ids["en_claim_id"])
    # Chinese sentences in reading order, then the omissions, as the aligner writes them
    out["_zh"] = out["zh_claim_id"].astype("Float64").fillna(float("inf"))
    out["_en"] = out["en_claim_id"].astype("Float64").fillna(-1)
    return out.sort_values(["_zh", "_en"], kind="stable").drop(columns=["_zh", "_en"]).reset_index(drop=True)[list(alignment.columns)]


@lru_cache(maxsize=None)
def _reader_cues() -> CueMatcher:
    """The 'reader_address' (你们, 大家, 各位: the writer turning to the readers) and 'call_to_action' (欢迎, 不妨, 记得:
    the opening of a call on them) cues of cues.csv."""
    cues = load_cues()
    return CueMatcher(cues[cues["category"].isin(["reader_address", "call_to_action"])], "category")


#: A call to action opens its sentence: its cue starts within this many characters (after a connective: 所以，不妨…).
CALL_OPENING_CHARS = 3


def addresses_reader(text: str) -> bool:
    """A sentence in which the writer turns to the readers: a question put to them ('你们的团队会这样做吗？') or a call
    on them ('欢迎大家在评论区分享', '不妨先读原文'), by the 'reader_address' and 'call_to_action' cues. A question
    without an address ('风险是否可控？') or an address in a statement ('大家都知道…') is not.

    >>> addresses_reader("你们的团队会这样做吗？"), addresses_reader("不妨先把原文读一遍。"), addresses_reader("大家都知道这件事。")
    (True, True, False)
    """
    found = _reader_cues().find(text)
    address = any(label == "reader_address" for _, _, label in found)
    call = any(label == "call_to_action" and start <= CALL_OPENING_CHARS for start, _, label in found)
    question = text.rstrip(" \"'”’」』）)").endswith(("？", "?"))
    return bool(call or (address and question))


def reader_addressed(claims: pd.DataFrame) -> list[str]:
    """The Chinese sentences (headings aside) in which the writer turns to the readers (``addresses_reader``)."""
    zh = _content(claims, PART_COMMENTARY)
    return [t for t, k in zip(zh["text"], zh["kind"]) if k != "heading" and addresses_reader(str(t))]


def own_voice_ids(claims: pd.DataFrame) -> list[int]:
    """The claim ids of the Chinese sentences in the writer's own voice: ``writer_asides`` and ``reader_addressed``."""
    zh = _content(claims, PART_COMMENTARY)
    own = set(writer_asides(claims)) | set(reader_addressed(claims))
    return [int(c) for c, t in zip(zh["claim_id"], zh["text"]) if t in own]


def byline_words(claims: pd.DataFrame) -> set[str]:
    """The words of the English version's bylines ('Ann Example · May 2, 2026' → {'Ann', 'Example', 'May', …})."""
    bylines = claims.loc[claims["kind"] == "byline", "text"]
    return {word for text in bylines if not HAN.search(str(text)) for word in re.findall(r"[A-Za-z][\w.'-]*", str(text))}


def introduces_author(text: str, byline: set[str]) -> bool:
    """A Chinese sentence that says who the source's author is: it opens with the name the English byline gives (every
    word of it), then 是 ('Ann Example 是一位存储工程师…'): background the writer brings, not the source's words. A
    sentence about 'the author' that goes on to the source's claims ('这篇文章的作者是…，他的核心观点是…') does not
    open with the name.

    >>> introduces_author("Ann Example 是一位存储工程师，长期写数据库。", {"By", "Ann", "Example"})
    True
    >>> introduces_author("Ann Example 认为存储很难。", {"Ann", "Example"}), introduces_author("Bo Lee 是工程师。", {"Ann"})
    (False, False)
    """
    found = LATIN_NAME_IS.match(text.strip())
    return bool(found) and all(word in byline for word in found.group(1).split())


def mark_own_additions(alignment: pd.DataFrame, claims: pd.DataFrame) -> pd.DataFrame:
    """The alignment with the writer's own sentences relabelled ``addition`` where the Chinese is a summary or a
    commentary (far shorter than the English, or it reports its source: ``reports_source``; a translation's "you" and
    "welcome" are its source's): a
    sentence that turns to the readers (``addresses_reader``: a question to them, a call on them), linked or held back
    as unsure, restates nothing of the source; a sentence marked as the writer's own (``writer_asides``), one that
    introduces the source's author (``introduces_author``) or a heading of the writer's outline that the aligner held
    back as unsure (no English heading it titles) is the writer's. The Chinese's first heading is the document's title:
    never an addition."""
    zh = _content(claims, PART_COMMENTARY)
    zh_weight, en_weight = _weights(claims)
    summary = bool(en_weight and zh_weight < CHINESE_SHORTER_SHARE * en_weight)  # the chinese_much_shorter caveat's test
    if zh.empty or not (summary or reports_source(claims)):
        return alignment
    rows = alignment.dropna(subset=["zh_claim_id"]).drop_duplicates("zh_claim_id")
    relation = dict(zip(rows["zh_claim_id"].astype(int), rows["relation"]))
    asides = set(writer_asides(claims))
    byline = byline_words(claims)
    title = int(zh["claim_id"].iloc[0]) if zh["kind"].iloc[0] == "heading" else None  # the document's, not an outline's
    moved = set()
    for claim_id, text, unit_kind in zip(zh["claim_id"], zh["text"], zh["kind"]):
        claim_id = int(claim_id)
        if claim_id not in relation or relation[claim_id] in (ADDITION, BEYOND) or claim_id == title:
            continue
        if unit_kind != "heading" and addresses_reader(str(text)):
            moved.add(claim_id)
        elif relation[claim_id] == UNSURE and (unit_kind == "heading" or text in asides
                                               or introduces_author(str(text), byline)):
            moved.add(claim_id)
    return _relabel(alignment, moved, ADDITION)


def runs_past_end(claims: pd.DataFrame, alignment: pd.DataFrame) -> list[int]:
    """The Chinese sentences past the English's end (``past_english_end``) when they are at least PAST_END_MIN_SHARE
    of the Chinese (and TRAILING_MIN_SENTENCES) and the English is shorter than the Chinese; else []."""
    zh_weight, en_weight = _weights(claims)
    if not zh_weight or en_weight >= zh_weight:
        return []
    past = past_english_end(claims, alignment)
    zh = _content(claims, PART_COMMENTARY)
    if len(past) < max(TRAILING_MIN_SENTENCES, PAST_END_MIN_SHARE * len(zh)):
        return []
    if any(opens_note(str(t)) for t in zh.loc[zh["claim_id"].isin(past), "text"]):
        return []  # the writer's closing note (编译者注：…), not English the file lacks
    # a commentary that keeps returning to the English's close in its own voice (说白了, 作者认为) discusses the end it
    # has; what runs past an excerpt reports on, in the source's manner, what the file lacks
    if (_mostly_own(claims, zh, past) and len(sequenced(claims, past)) < PAST_END_MIN_SEQUENCED
            and not declared_excerpt(claims)):
        return []
    return past


def declared_excerpt(claims: pd.DataFrame) -> str:
    """The first Chinese line (content or furniture) that declares the English an excerpt (cues.csv
    ``excerpt_declared``: 原文较长，以下节选; —— 原文节选 ——), or ''."""
    zh = claims[claims["lang"] == "zh"].sort_values("start") if "lang" in claims.columns else claims.iloc[0:0]
    for text in zh["text"].astype(str):
        if find_cues(text, "excerpt_declared"):
            return text
    return ""


def sequenced(claims: pd.DataFrame, ids) -> list[int]:
    """Of the Chinese sentences ``ids``, those that place what they report in a later part of the source (cues.csv
    ``source_sequence``: 在后半部分，作者…; 最后一部分讨论…) outside the writer's own voice (``own_voice_ids``)."""
    zh = _content(claims, PART_COMMENTARY)
    own, ids = set(own_voice_ids(claims)), set(ids)
    return [int(c) for c, t in zip(zh["claim_id"], zh["text"])
            if c in ids and c not in own and find_cues(str(t), "source_sequence")]


def runs_past_cut_end(claims: pd.DataFrame, blocks: pd.DataFrame, alignment: pd.DataFrame) -> list[int]:
    """When the English stops mid-sentence (``english_cut_line``), the Chinese sentences past its end, the end reached
    at a link into the English's last paragraph (the cut one's last sentences have nothing left to draw on), when at
    least CUT_PAST_MIN_SENTENCES of them are not in the writer's own voice (``own_voice_ids``): the English ends
    mid-story and the Chinese goes on reporting it (an interview's later answers); else []. A cut-looking last line alone
    is no excerpt (list items, names and addresses end that way too)."""
    if not english_cut_line(claims, blocks):
        return []
    en = _content(claims, PART_ORIGINAL)
    if en.empty or "block_id" not in en.columns:
        return []
    last = en["block_id"].iloc[-1]
    past = past_english_end(claims, alignment, end_from=int((en["block_id"].to_numpy() == last).argmax()))
    own = set(own_voice_ids(claims))
    return past if sum(c not in own for c in past) >= CUT_PAST_MIN_SENTENCES else []


def _is_excerpt(claims: pd.DataFrame, blocks: pd.DataFrame, alignment: pd.DataFrame) -> bool:
    """The Chinese runs on past the English's end, or the English is far shorter. A last line that does not end like a
    sentence is only corroboration: list items, names and addresses end that way too (seen on two whole texts)."""
    return bool(trailing_unlinked(claims, alignment) or _english_far_shorter(claims) or runs_past_end(claims, alignment)
                or runs_past_cut_end(claims, blocks, alignment))


def _english_far_shorter(claims: pd.DataFrame) -> bool:
    """The English weighs under ENGLISH_SHORTER_SHARE of the Chinese that restates it: the writer's own sentences
    (``own_voice``: asides, questions to the reader) draw on no English, so a commentary longer than a short whole
    post for its own remarks is no excerpt."""
    zh_weight, en_weight = _weights(claims, set(own_voice_ids(claims)))
    return bool(zh_weight and en_weight < ENGLISH_SHORTER_SHARE * zh_weight)


def source_references(claims: pd.DataFrame) -> tuple[list[str], int]:
    """(The Chinese content sentences that speak of the source in the third person, cue category
    ``source_reference``: 作者, 原文; how many English content sentences name an author or an article.)"""
    return kind.source_references(_content(claims, PART_COMMENTARY), _content(claims, PART_ORIGINAL), tokenizer_for())


def reports_source(claims: pd.DataFrame) -> list[str]:
    """The Chinese sentences that speak of the source in the third person, when they are enough to say that the
    Chinese reports the source rather than renders it (``helpers.align.kind.reports_source``: what the aligner reads
    to choose a summary's bars, so the pages and the alignment agree on the kind); else []."""
    return kind.reports_source(_content(claims, PART_COMMENTARY), _content(claims, PART_ORIGINAL), tokenizer_for())


#: The first person of an English sentence: a Chinese 我们 linked to it renders the source's speaker, not the writer.
ENGLISH_FIRST_PERSON = re.compile(r"\b(?:we|our|us|ours|I|my|me)\b", re.IGNORECASE)
#: The first-person aside cues whose mark a linked first-person English sentence explains.
FIRST_PERSON_ASIDE = re.compile(r"我们|我們|咱们|咱們|我")


def speaker_first_person(claims: pd.DataFrame, alignment: pd.DataFrame) -> set[str]:
    """The Chinese sentences whose only aside mark is a first-person pronoun (我们) and that are linked to an English
    sentence in the first person ('We will begin volume shipments…' → 我们的…可能会…): the translated speaker's voice
    (a CEO on an earnings call, a company's blog), not the Chinese writer's aside."""
    if alignment is None or alignment.empty:
        return set()
    links = _linked(alignment)
    text_of = claims.set_index("claim_id")["text"].astype(str).to_dict()
    out = set()
    for zh_id, rows in links.groupby("zh_claim_id"):
        zh_text = text_of.get(int(zh_id), "")
        cues = find_cues(zh_text, "aside")
        if not cues or any(not FIRST_PERSON_ASIDE.fullmatch(str(c)) for c in cues):
            continue
        if any(ENGLISH_FIRST_PERSON.search(text_of.get(int(e), "")) for e in rows["en_claim_id"]):
            out.add(zh_text)
    return out


def writer_asides(claims: pd.DataFrame) -> list[str]:
    """The Chinese sentences (headings aside) in the writer's own voice or sections (``aside_marked``)."""
    zh = _content(claims, PART_COMMENTARY)
    if zh.empty:
        return []
    if "block_id" not in zh.columns:  # a claims table without its blocks: each sentence a paragraph of its own
        zh = zh.assign(block_id=zh["claim_id"])
    zh = zh.reset_index(drop=True)
    sentences = zh[aside_marked(zh) & ~section_titles(zh)]
    return sentences["text"].tolist()


def section_titles(zh: pd.DataFrame) -> pd.Series:
    """The Chinese units that title a section: headings, and the lines the writer's outline numbers as titles ('二、…',
    short, no sentence) though the parser read them as paragraphs: the asides' count leaves both out, on both sides."""
    kinds = zh["kind"] if "kind" in zh.columns else pd.Series([""] * len(zh), index=zh.index)
    return pd.Series([kind_ == "heading" or outline_heading(text, kind_) for text, kind_ in zip(zh["text"], kinds)],
                     index=zh.index, dtype=bool)


#: A sentence quoted as evidence is cut to this many characters.
QUOTED_CHARS = 30


def short_quote(text: str) -> str:
    """A sentence as the caveats quote it: its whitespace runs as one space, cut at QUOTED_CHARS."""
    text = " ".join(str(text).split())
    return text if len(text) <= QUOTED_CHARS else text[:QUOTED_CHARS] + "…"


def unsure_reason(order_window: int = DEFAULTS.align.order_window) -> str:
    """Why the aligner held a summary's sentences back as unsure, as its rule is (``align.decode``: a link needs the
    kept links on both sides of it within ``order_window`` paragraphs, or a margin over every other place that grows
    as that support shrinks), not as 'out of order': a short summary of a long post can follow the English's order
    and still sit far from the one link kept before it."""
    return (f"the paragraph each matches best is not both at most {order_window} paragraphs after the link kept "
            f"before it and at most {order_window} before the one kept after it, and does not stand far enough above "
            "every other place in the English to be linked on its own; some may have no source in the English at all")


def caveats(claims: pd.DataFrame, blocks: pd.DataFrame, alignment: pd.DataFrame, *, script: str | None = None,
            order_window: int = DEFAULTS.align.order_window) -> pd.DataFrame:
    """Every caveat that holds for the document (CAVEAT_COLUMNS), in CAVEAT_KINDS order. ``script``: the source's
    script when the tables were built on a Simplified view of it (else detected from the Chinese claims);
    ``order_window``: the aligner's, for the reason given for sentences held back as unsure."""
    rows: list[tuple[str, str, str]] = []
    zh = _content(claims, PART_COMMENTARY)
    zh_weight, en_weight = _weights(claims)
    sentences = alignment[alignment["relation"] != OMISSION].drop_duplicates("zh_claim_id")
    beyond = int((sentences["relation"] == BEYOND).sum())
    held_weight, _ = _weights(claims, set(sentences.loc[sentences["relation"] == BEYOND, "zh_claim_id"].astype(int)))
    links = _linked(alignment)
    linked = links["zh_claim_id"].nunique()
    held = max(len(sentences) - beyond, 0)
    held_noun = units_noun(zh.loc[zh["claim_id"].isin(sentences.loc[sentences["relation"] != BEYOND, "zh_claim_id"]), "kind"])

    evidence = []
    credit = english_closing_credit(blocks)
    # a story that signs off ('(Reporting by …)') is whole: the Chinese past its end is the writer's own context
    own_context = set(signed_off_context(claims, alignment)) if credit else set()
    tail = [] if credit else trailing_unlinked(claims, alignment)
    reporting = kind.own_reporting(zh)
    cut_end = runs_past_cut_end(claims, blocks, alignment)  # read once: the branches below ask it again and again
    if tail and (_opens_own_section(claims, tail) or reporting and not cut_end):
        # a translator's afterword (译者后记) after a whole English, a report's own reporting past it: the writer's own
        own_context |= set(tail)
        tail = []
    # a section of the writer's own (小编点评：, 写在最后) opening right after the rendered source's end (its signature
    # aside) is the writer's own context, however much of it speaks in the writer's voice
    whole_past = [] if tail or beyond or credit or cut_end else past_english_end(claims, alignment)
    if whole_past and _opens_own_section(claims, whole_past):
        own_context |= set(whole_past)
    past = [] if tail or beyond or credit or own_context else (runs_past_end(claims, alignment) or cut_end)
    if past and not cut_end and _own_close(claims, past):
        past = []  # a commentary's own close past a whole English's end (说白了…, then 你们怎么看？)
    if past and not cut_end and _opens_own_section(claims, past):
        own_context |= set(past)
        past = []
    if past and not cut_end and reporting:
        past = []  # a report's own reporting past a whole English's end (as ``mark_beyond`` reads it)
    short = _english_far_shorter(claims) and not credit
    cut = english_cut_line(claims, blocks) if tail or short or past or beyond else None  # corroboration only
    if cut:
        words = WORD_RUN.findall(cut)[-CUT_LINE_QUOTED_WORDS:]
        evidence.append(f"the English stops mid-sentence, its last line ending “… {' '.join(words)}”")
    if beyond:  # relabelled by mark_beyond: the one count of the Chinese past the English's end
        beyond_kinds = zh.loc[zh["claim_id"].isin(sentences.loc[sentences["relation"] == BEYOND, "zh_claim_id"]), "kind"]
        evidence.append(f"the Chinese goes on for {beyond} {units_noun(beyond_kinds)} after it has reached the English's end, drawing on "
                        "no English there that it had not drawn on before (relation 'beyond': English the file lacks, or "
                        "the writer's own context)")
    elif tail:
        evidence.append(f"the Chinese goes on for {len(tail)} sentences past the last English it links, at the English's end")
    elif past:
        evidence.append(f"{len(past)} of the Chinese's {len(zh)} {units_noun(zh['kind'])} come after it has reached the "
                        f"English's end and draw on no English there that it had not drawn on before")
    declared = declared_excerpt(claims) if evidence else ""
    if declared:
        evidence.append(f"the Chinese says so itself: “{short_quote(declared)}”")
    if evidence and zh_weight and en_weight < zh_weight or short:
        evidence.append(f"the English is {en_weight / zh_weight:.0%} of the Chinese's length")
    if evidence:
        rows.append(("english_excerpt", "; ".join(evidence),
                     "additions (sentences beyond the English given are not the writer's asides), omissions and "
                     "coverage (computed over the English the file holds, not the whole source), and theme and frame "
                     "shares (the Chinese's count what it says of English the file lacks)"))
    if en_weight and zh_weight < CHINESE_SHORTER_SHARE * en_weight:
        rows.append(("chinese_much_shorter", f"the Chinese is {zh_weight / en_weight:.0%} of the English's length "
                     f"({zh_weight:,} Han characters against {_lengths(claims)[1]:,} Latin letters, "
                     f"counted as {en_weight:,} at three letters a character)",
                     "omissions and coverage: a summary leaves most of the English out by design"))
    articles = english_articles(blocks)  # [] for one article
    if articles:
        rows.append(("several_originals", f"the English holds {len(articles)} articles, each under its own headline "
                     f"and byline: " + " and ".join(f"“{short_quote(t)}”" for t in articles),
                     "the title slide (it names the first article's title and author), and every figure of the English "
                     "(lengths, coverage, omissions, names: the articles counted together, as the Chinese draws on them)"))
    if (script or detect_script("".join(zh["text"]))) == TRADITIONAL:
        rows.append(("traditional_script", "the Chinese is written in Traditional characters",
                     "cue lists and dictionaries compiled for Simplified Chinese: read through a Simplified view"))
    share = linked / held if held else 0.0
    cited = reports_source(claims)
    if reporting:
        rows.append(("own_reporting", f"{len(reporting)} of the Chinese's sentences mark reporting of its own, such as "
                     + " and ".join(f"“{short_quote(t)}”" for t in reporting[:2])
                     + ": a news report compiling the English with its own sources, not a translation",
                     "additions (the report's own sources and reporting are among them), certainty and voice shifts (a "
                     "reporter's framing, not a translator's)"))
    # the part of the Chinese the English covers: what comes after a whole English's end is the writer's context
    # and an editor's or translator's note (译者按：…, （译者注：…）) is theirs, not a sentence the English should cover: a
    # translation with notes is still one (bilingual review round 10: a LinkedIn post's translation)
    beyond_ids = set(sentences.loc[sentences["relation"] == BEYOND, "zh_claim_id"].astype(int))
    linked_ids = set(links["zh_claim_id"].astype(int))
    notes = {int(k) for k, note in zip(zh["claim_id"], note_sentences(zh)) if note} - own_context - beyond_ids - linked_ids
    covered = held - len(own_context) - len(notes)
    covered_weight, _ = _weights(claims, own_context | notes | beyond_ids) if own_context or notes else (held_weight, en_weight)
    linked -= len(linked_ids & (own_context | notes))  # a link inside the writer's own section is no rendering
    covered_share = linked / covered if covered > 0 else 0.0
    # an English of several articles is a compilation's sources: the Chinese drawing on them all is no one translation
    translation = bool(covered > 0 and covered_share >= TRANSLATION_MIN_LINKED and en_weight and not cited
                       and not articles and not reporting
                       and CHINESE_SHORTER_SHARE * en_weight <= covered_weight
                       and en_weight >= ENGLISH_SHORTER_SHARE * covered_weight)
    # a Chinese whose writer speaks in marked asides (笔者认为, 说白了, 讽刺的是) that link to no English is a commentary
    # however closely it quotes between them; a translator's notes (译者注, 译者按) and an excerpt's rest are no such
    # asides (bilingual review round 11: a commentary quoting a leaked memo in blocks read as its translation)
    # a question or a call put to the readers is the writer's own voice too (addresses_reader), in reading order
    own = set(writer_asides(claims)) | set(reader_addressed(claims))
    own -= speaker_first_person(claims, alignment)
    past_end = set(past_english_end(claims, alignment))
    aside_of_source = notes | beyond_ids | own_context | past_end | linked_ids
    unlinked_own = [t for k, t in zip(zh["claim_id"], zh["text"]) if t in own and int(k) not in aside_of_source]
    if translation and len(unlinked_own) >= max(COMMENTARY_MIN_ASIDES, COMMENTARY_MIN_SHARE * len(zh)):
        translation = False
    if translation:
        after_end = ((f" up to the English's end ({len(own_context)} more after it, where the English signs off with "
                      f"its credit line: the writer's own context)") if credit else
                     (f" up to the English's end ({len(own_context)} more after it, in a section of the writer's own "
                      f"that opens “{short_quote(str(_own_heading_of(claims, own_context)['text']))}”)")) if own_context else ""
        rows.append(("translation", f"{linked} of {covered} Chinese {held_noun} linked{after_end}"
                     + (f" ({len(notes)} translator's or editor's note{'s' if len(notes) != 1 else ''} aside)"
                        if notes else "")
                     + (" (beyond the English given aside)" if beyond else "")
                     + f"; the Chinese{' up to it' if own_context else ''}{', its notes aside,' if notes else ''} is "
                       f"{covered_weight / en_weight:.0%} of the English's length",
                     "certainty, voice and generalisation shifts: a translator's choices, not a commentator's framing"))
    asides = [] if translation else [t for t in zh["text"] if t in own]
    if len(asides) >= max(COMMENTARY_MIN_ASIDES, COMMENTARY_MIN_SHARE * len(zh)):
        # what is counted is what is marked (aside cues, brackets, the writer's own sections): a lower bound of the
        # writer's own sentences, said as such; headings are neither side of the count, nor of the third-person one
        # beside it (a title saying 原文附后 was counted and quoted among the sentences 'headings aside')
        sentences_held = int((~section_titles(zh)).sum())
        sentence_texts = set(zh.loc[~section_titles(zh).to_numpy(), "text"])
        cited = [t for t in cited if t in sentence_texts]
        example = next((t for t in cited if t not in asides[:2]), cited[0]) if cited else ""
        rows.append(("commentary", f"{len(asides)} of the Chinese's {sentences_held} sentences (headings aside) carry a "
                     f"mark of its writer's own voice or sit in a section of the writer's own (asides without such a "
                     f"mark are not counted), such as " + " and ".join(f"“{short_quote(t)}”" for t in asides[:2])
                     + (f"; {len(cited)} speak of the source in the third person, such as “{short_quote(example)}”"
                        if cited else ""),
                     "additions (the writer's asides), certainty and voice shifts (a commentator's framing, not a "
                     "translator's)"))
    if held and share < FEW_LINKS_MAX_SHARE:
        unsure = int((sentences["relation"] == UNSURE).sum())
        rows.append(("few_links", f"only {linked} of {held} Chinese {held_noun} linked to the English"
                     + (f"; {unsure} more withheld as unsure ({unsure_reason(order_window)})" if unsure else ""),
                     "every framing table: shifts rest on few sentences; read the additions side by side"))
    return pd.DataFrame(rows, columns=CAVEAT_COLUMNS)
