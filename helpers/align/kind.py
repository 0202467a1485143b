"""The document's kind as the Chinese's own words tell it, before anything is linked: one definition for the aligner
(which bars it reads the document with) and the caveats (what the pages call the Chinese).

A Chinese version that speaks of its source in the third person in many of its sentences (作者说, 原文, 这篇文章: cue
category ``source_reference``) reports the source: it is a summary or a commentary, however close to the English's
length it runs (a commentary that retells each section at length, with the writer's asides between). A translation
renders the author's "I" and "we"; it does not name the author. Both take the content units in reading order
(``evidence.content_units``: a frame with a ``text`` column each), so they need only the claims table.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

from ..tables.claims import find_cues, glossed_speakers
from ..tables.entities import tokenizer_for
from ..text.segment import Tokenizer
from ..vocab import CueMatcher, load_cues

#: The Chinese speaks of its source in the third person (cues.csv ``source_reference``: 作者, 原文, 这篇文章) in at
#: least this share of its sentences (and this many), more than twice as often as the English names an author or an
#: article: a summary or a commentary of the source, not a translation, however many of its sentences link (a
#: translation renders the author's "I" and "we", it does not name the author). Measured on the tuning half and the
#: invented documents: translations 0.00–0.02, the seed 0.18, the invented WeChat commentary 0.25.
SOURCE_REFERENCE_MIN_SHARE = 0.1
SOURCE_REFERENCE_MIN_SENTENCES = 3

#: The verb 'host' (the region cannot host every …, now hosts more capacity): no podcast's host, which the
#: ``source_reference`` cue 'host' means.
HOST_VERB = re.compile(r"\b(?:can(?:not)?|could|to|will|would|may|might|now|also)\s+hosts?\b"
                       r"|\bhosts?\s+(?:more|every|the|a|an|some|many|most|all)\b", re.IGNORECASE)
#: A verb of opinion or saying after the source's transliterated author (哈托诺认为, 奥杜亚的结论).
AUTHOR_SAYS = r"(?:的)?(?:也)?(?:认为|指出|表示|写道|强调|坦言|的结论|在文中|说|透露|坦承|预计|回答|解释|提到|谈到|的判断|[^，。]{0,6}地说)"
#: A thread's commenter named by a word for a user and a Latin handle (用户 kestrel_dev, 网友 @pkt): a write-up of a
#: discussion speaks of its sources in the third person (bilingual review round 10: a Hacker News thread's summary).
THREAD_HANDLE = re.compile(r"(?:用户|网友|评论者|楼主|ID)\s*@?[A-Za-z][A-Za-z0-9_.-]{2,}")
#: A transliterated full name, given name and surname joined by an interpunct (普丽娅·纳塔拉詹): group 1 the surname.
INTERPUNCT_NAME = re.compile(r"[\u4e00-\u9fff]{1,4}[·・•]([\u4e00-\u9fff]{2,5}?)(?=表示|说|认为|指出|透露|的|[，。、（(]|$)")
#: The English speaks as 'I': its author, whom a write-up names and a translation renders as 我.
ENGLISH_I = re.compile(r"\bI\b")
#: The Chinese says what it is: a summary, notes or a reading of its source (本文为…学习笔记，对原博客做了摘要和解读;
#: 以下为原文要点梳理; 下面是我的摘要…英文原信附在文末, round 16): a write-up, however many of its sentences link (bilingual review round 7). Its own description,
#: next to a word for itself, in a sentence that also names the source (SOURCE_WORD: 原博客, 原文, 这篇文章).
SELF_DESCRIBED_SUMMARY = re.compile(r"(?:本文|本篇|本期|以下|下文|下面|我们)[^。！？]{0,30}?(?:摘要|摘编|解读|笔记|梳理|要点|导读|精读|总结|整理)")
#: The Chinese says it renders its source whole (全文编译, 全文翻译, 译者按, 译者注): a translation's own notes speak of
#: the original (原文语气, 单位按原文换算) without making it a write-up (issue 11, bilingual review round 9: a policy brief's translation).
SELF_DESCRIBED_TRANSLATION = re.compile(r"全文(?:编译|翻译|翻譯|編譯)|全译|全譯|译者按|譯者按|译者注|譯者注|译者补充|譯者補充")
#: A news report's marks of reporting of its own (issue 11, bilingual review round 10: a Malaysian paper's report of a
#: wire story, its reporter at the scene): the paper's reporter (本报记者), its own-news label (本报讯), or a dateline
#: opening a paragraph ('（新山3日讯）', '新华社北京3月3日电'), or a school's news of its own team (我校, 本校, 我院: round 14's
#: university release on its paper). A translation of the wire story carries none of them. The regex reads the Simplified
#: view, where a Taiwan site's 記者查詢 becomes 记者查找 (bilingual review round 20: a Taiwanese compiled wire report).
OWN_REPORTING = re.compile(r"本报记者|记者(?:注意到|获悉|了解到|从[^，。]{1,12}(?:获悉|了解到)|(?:多次|随后|当天)?(?:查询|查找|查阅|检索|致电|拨打|联系|走访|求证|采访))|(?:对|向|告诉)本(?:刊|报|報)(?:记者|記者)?(?:表示|透露|称|稱)"
                           r"|接受本(?:报|報|刊)(?:记者|記者)?(?:访问|訪問|采访|採訪|专访|專訪)|回(?:覆|复|应|應)本(?:报|報|刊)(?:记者|記者)?(?:查询|查詢|提问|提問)"
                           r"|^[\u4e00-\u9fff]{2,8}(?:新闻|日报|晚报|财经)记者|本報記者|本报讯|本報訊|本刊记者|本刊記者|本刊讯|本刊訊|我校|本校|我院(?!士)"
                           r"|^\s*[（(]?[^（()）\s，。]{1,16}?\d{1,2}日(?:讯|訊|电|電)(?=[）)\s（(]|$)"
                           r"|(?:新华社|新華社|中新社|中央社)[^，。]{0,12}\d{1,2}日(?:电|電)(?=[）)\s（(]|$)")
#: The Chinese names the English's own publisher as its reporter (据Meridian News Service报道, TransAsia Wire则报道,
#: Meridian援引…): a compiled report speaks of its wire sources in the third person; only a name the English also
#: writes counts (a translation of a story that cites another outlet renders the English's own 'according to …').
PUBLISHER_REPORTS = re.compile(r"([A-Z][A-Za-z0-9.&'-]*(?: [A-Z][A-Za-z0-9.&'-]*){0,4})(?:的|则|也|还|此前|稍早)?"
                               r"(?:报道|報導|报导|援引|引述|获悉|獲悉)")
QUOTED_TITLE = re.compile(r"《[^》]{1,120}》|“[^”]{1,120}”")
SOURCE_WORD = re.compile(r"演讲|演講|字幕|访谈|訪談|播客|讲座|講座|原文|原博|原帖|原报告|原論文|原论文|原文章|原信|原函|这篇|這篇|该文|該文|博客|博文|文章|报告|報告|论文|論文")


@lru_cache(maxsize=1)
def _own_openings() -> CueMatcher:
    """The cues that open a note or the writer's own section (note_label, own_section: 【长难句解析】, 写在最后)."""
    cues = load_cues()
    return CueMatcher(cues[cues["category"].isin(["note_label", "own_section"])], "category")


#: A note's or an own section's label opens its unit within this many characters ('【词汇】', '（注：').
OWN_OPENING_MAX_START = 2


def source_references(zh: pd.DataFrame, en: pd.DataFrame, tokenizer: Tokenizer | None = None) -> tuple[list[str], int]:
    """(The Chinese units that speak of the source in the third person, cue category ``source_reference``: 作者, 原文;
    how many English units name an author or an article.)

    >>> units = lambda *texts: pd.DataFrame({"text": list(texts)})
    >>> source_references(units("作者认为模型很强。", "模型很强。"), units("The author says so."))
    (['作者认为模型很强。'], 1)
    """
    tokenizer = tokenizer or tokenizer_for()
    english = " ".join(en["text"])
    # the source's author named in the Chinese as a transliteration glossed with a Latin name the English also writes
    # (哈托诺（Daniel Hartono）), then by that name alone (哈托诺认为…): the Chinese speaks of its source in the third
    # person, where the English speaks as "I" (a translation renders that I as 我; a write-up names its author)
    # (the English's own text need not name the author: a byline, which these units leave out, may be the only place)
    authors: frozenset[str] = frozenset()
    if ENGLISH_I.search(english):
        # a transliterated full name joined by an interpunct (普丽娅·纳塔拉詹), then its surname alone (纳塔拉詹表示):
        # the Chinese names the speaker the English lets speak as "I"; and 她说/他表示 after such a name
        whole = "\n".join(zh["text"])
        tails = {m.group(1) for m in INTERPUNCT_NAME.finditer(whole) if whole.count(m.group(1)) > 1}
        glossed = glossed_speakers(list(zh["text"]), None)
        authors = frozenset(glossed | tails | ({"她", "他"} if tails or glossed else set()))
    says = re.compile("(?:" + "|".join(map(re.escape, sorted(authors))) + ")" + AUTHOR_SAYS) if authors else None
    # a note's or the writer's own closing section's words on 'the article' (【长难句解析】原文用的是…, 写在最后：这篇文章…)
    # comment on the source beside a rendering of it: no sign that the rest reports it
    openings = _own_openings()
    cited = [t for t in zh["text"]
             if not any(a <= OWN_OPENING_MAX_START for a, _, _ in openings.find(t[:12]))
             and find_cues(t, "source_reference", tokens=tokenizer.tokenize(t))
             or (says is not None and says.search(t)) or THREAD_HANDLE.search(t)
             or any(m.group(1) in english for m in PUBLISHER_REPORTS.finditer(t))]
    return cited, sum(bool(find_cues(HOST_VERB.sub(" ", t), "source_reference")) for t in en["text"])


def own_reporting(zh: pd.DataFrame) -> list[str]:
    """The Chinese units that mark reporting of the Chinese's own (``OWN_REPORTING``): a news report that compiles the
    English with its own sources, which no translation is.

    >>> units = lambda *texts: pd.DataFrame({"text": list(texts)})
    >>> own_reporting(units("（新山3日讯）某公司宣布投资。", "本报记者今日走访当地。", "该公司表示欢迎。"))
    ['（新山3日讯）某公司宣布投资。', '本报记者今日走访当地。']
    >>> own_reporting(units("路透社3日报道，某公司宣布投资。", "3日，该公司表示欢迎。"))
    []
    """
    return [t for t in zh["text"] if OWN_REPORTING.search(t)]


def reports_source(zh: pd.DataFrame, en: pd.DataFrame, tokenizer: Tokenizer | None = None) -> list[str]:
    """The Chinese units that speak of the source in the third person, when they are enough to say that the Chinese
    reports the source rather than renders it (SOURCE_REFERENCE_MIN_SHARE, SOURCE_REFERENCE_MIN_SENTENCES, and more
    than twice the English's own mentions of an author or article); else [].

    >>> units = lambda *texts: pd.DataFrame({"text": list(texts)})
    >>> len(reports_source(units(*["作者说，模型很强。"] * 3 + ["模型很强。"] * 7), units("Models are strong.")))
    3
    >>> reports_source(units("我们发布了模型。"), units("We released a model."))
    []
    """
    cited, english = source_references(zh, en, tokenizer)
    # a quoted title (《…》, “…”) inside the self-description is the source's name, not words between 本文 and 解读
    described = [t for t in zh["text"] if SELF_DESCRIBED_SUMMARY.search(QUOTED_TITLE.sub("《》", t)) and SOURCE_WORD.search(t)]
    if described:
        return list(dict.fromkeys(described + cited))
    if any(SELF_DESCRIBED_TRANSLATION.search(t) for t in zh["text"]):
        return []
    if len(cited) < max(SOURCE_REFERENCE_MIN_SENTENCES, SOURCE_REFERENCE_MIN_SHARE * len(zh)) or len(cited) <= 2 * english:
        return []
    return cited
