"""The claims table: one row per sentence, with its voice, certainty cues, negation and numbers."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

import numpy as np
import pandas as pd

from ..columns import CLAIM_BASE_COLUMNS, CLAIM_COLUMNS, PART_COMMENTARY, PART_ORIGINAL
from ..frames import array_of, column, taken, text_array, typed_frame
from ..patterns import ENUMERATOR_NUMBER, HAN, NUMBER, NUMBER_HINT
from ..text.parse import Parsed
from ..text.segment import Tokenizer
from ..vocab import CueMatcher, load_cues, longest_first
from .entities import tokenizer_for


#: The cue categories a claim row reports, with their look-alikes: found in one pass per sentence.
CLAIM_LABELS = tuple(f"{prefix}{c}" for c in ("reported", "hedge", "booster", "negation") for prefix in ("", "not_"))


#: And the original's first person, decided on the same pass where no first-person cue is a token cue.
VOICE_LABELS = ("first_person", "not_first_person")

#: An attribution frame's parts (cues.csv): a subject (文章, 文中, 作者) and a verb of saying or arguing (指出, 分析)
#: a few characters apart, their look-alikes (本文将 is the write-up itself), and the writer's own stance (我认为),
#: which, written before them, makes the sentence the writer's: found on the same pass as the claim's cues.
FRAME_LABELS = ("attribution_subject", "attribution_verb", "not_attribution", "own_stance")


@lru_cache(maxsize=None)
def cue_matcher() -> CueMatcher:
    """The matcher of data/reference/cues.csv, by category (built once)."""
    return CueMatcher(load_cues(), "category")


@lru_cache(maxsize=None)
def claim_matcher() -> CueMatcher:
    """The matcher of the categories a claim row reads (``CLAIM_LABELS``, ``VOICE_LABELS``), built once: each label's
    cues are found as ``cue_matcher`` finds them, with fewer first words to look for than the whole of cues.csv."""
    cues = load_cues()
    return CueMatcher(cues[cues["category"].isin(CLAIM_LABELS + VOICE_LABELS + FRAME_LABELS)], "category")


#: The dtype pandas infers for a list of strings: the claims' text columns are built as it (no inference per column).
TEXT_DTYPE = pd.Series([""]).dtype

CERTAINTY = ("hedge", "booster")
LATIN_WORD = re.compile(r"[A-Za-z]")
CAPITALISED = re.compile(r"[A-Z][a-z]")
# where a capitalised certainty word is a name or a date, not the word: before a number ("May 2024") or a name
BEFORE_NAME = re.compile(r"[\s\-]+(?:\d|[A-Z])")
MONTH_CUES = frozenset({"may", "march"})


#: The quotation marks that, right around a cue, make it a word mentioned rather than used.
QUOTED_WORD = frozenset(["“”", "「」", "『』", "\"\"", "‘’", "''"])


def _look_alike(text: str, start: int, end: int) -> bool:
    """A Latin certainty cue that is not the word: inside a hyphenated compound ("second-most-popular",
    "well-known"), or capitalised where the word would not be (a month or name: "in May", "May 2024")."""
    cue = text[start:end]
    if start and end < len(text) and text[start - 1] + text[end] in QUOTED_WORD:
        return True  # a word quoted alone is mentioned, not used: 把证据写成“必然” (bilingual review round 10)
    if not LATIN_WORD.match(cue):
        return False
    if (start and text[start - 1] == "-") or (end < len(text) and text[end] == "-"):
        return True
    if CAPITALISED.match(cue):
        before = text[:start].rstrip()
        sentence_start = not before or before[-1] in ".!?:;\"“‘(•*#>-–—" or before[-1].isdigit() \
            or bool(re.fullmatch(r"\d{1,3}/(?:\d{1,3})?", before))  # a thread's numbering: '11/ Roughly …', '3/12 About …'
        # at a sentence's start only a month ('May 2024', 'May Chen') is a look-alike before a number; 'Roughly 40
        # percent', 'About 30%' open a sentence with their hedge
        before = BEFORE_NAME.match(text, end)
        return not sentence_start or bool(before and (before.group(0)[-1].isupper() or cue.lower() in MONTH_CUES))
    return False


def find_cues(text: str, category: str, *, tokens: list[tuple[str, int, int]] | None = None) -> list[str]:
    """Cues of ``category`` in ``text``, verbatim, in order. ``tokens`` are its jieba tokens if Chinese.

    Cues have scope. A span that a ``not_<category>`` cue matches or contains (a look-alike: 不仅 is no
    negation, 一定 inside 一定程度 no booster) is not a cue of ``category``; where cues of the category overlap the
    longest counts once (在一定程度上 is one hedge); a certainty word inside a hyphenated compound or
    capitalised as a name or month is none.

    >>> find_cues("It may well be true", "hedge")
    ['may']
    >>> find_cues("Released in May 2024, the second-most-popular model", "hedge") + find_cues("the second-most-popular", "booster")
    []
    """
    return cues_of(cue_matcher().find(text, tokens, labels=(category, "not_" + category)), text, category)


def cues_of(found: list[tuple[int, int, str]], text: str, category: str) -> list[str]:
    """The cues of ``category`` among ``found`` (``CueMatcher.find``'s list), verbatim: a cue inside one of its
    ``not_`` look-alikes or a certainty false friend left out, overlapping cues counted once, longest first."""
    if not found:
        return []
    excluded = [(a, b) for a, b, label in found if label == "not_" + category]
    kept = [(a, b, label) for a, b, label in found
            if label == category and not any(x <= a and b <= y for x, y in excluded)]
    if category in CERTAINTY:
        kept = [(a, b, label) for a, b, label in kept if not _look_alike(text, a, b)]
    return [text[a:b] for a, b, _ in longest_first(kept)]


def find_numbers(text: str) -> list[str]:
    """Numbers and amounts in a sentence, verbatim; a leading list enumerator is skipped.

    >>> find_numbers("spending $10M+ in 2026 on Ring-1T")
    ['$10M+', '2026']
    """
    if not NUMBER_HINT.search(text):
        return []
    enumerator = ENUMERATOR_NUMBER.match(text)
    skip = enumerator.end() if enumerator else 0
    return [m.group() for m in NUMBER.finditer(text) if m.start() >= skip]


#: A subject (文章, 本文, 作者, the article) and its verb (提出, 探讨, argues) are one attribution frame when at most this
#: many characters (a Latin word or a number counting one), none of them punctuation, stand between them: 文章还讨论了,
#: 文中进一步分析, 作者在文中提出, 作者通过两个实验展示, 文章由 Jane Doe 撰写, 作者通过一个 Pong 小游戏的例子说明 (an
#: adverb or a short phrase between them; 8 left the last out).
FRAME_GAP = 12
_FRAME_BREAK = frozenset("，。；：！？,.;:!?、（）()")  # quotation marks around a name or title (构建“X”案例) do not end the clause


def _gap_weight(gap: str) -> int:
    """What stands between a frame's subject and verb, weighed as Chinese reads it: a character each, a Latin word or
    a number one (作者通过 Pong 的例子说明 has 6, as 作者通过乒乓的例子说明 has)."""
    return len(HAN.findall(gap)) + len(re.findall(r"[A-Za-z0-9][A-Za-z0-9'’.-]*", gap))


def frame_spans(text: str, found: list[tuple[int, int, str]]) -> tuple[int, int] | None:
    """The first attribution frame among ``found`` (``CueMatcher.find``'s list with the ``FRAME_LABELS``): an
    ``attribution_subject`` followed, within FRAME_GAP characters and no punctuation, by an ``attribution_verb``, as
    (subject start, verb end); None for none. A subject or verb inside a ``not_attribution`` look-alike is none."""
    alike = [(a, b) for a, b, label in found if label == "not_attribution"]
    kept = [(a, b, label) for a, b, label in found if label in ("attribution_subject", "attribution_verb")
            and not any(x <= a and b <= y for x, y in alike)]
    subjects = sorted((a, b) for a, b, label in kept if label == "attribution_subject")
    if not subjects:
        return None
    verbs = sorted((a, b) for a, b, label in kept if label == "attribution_verb")
    for a, b in subjects:
        for c, d in verbs:
            if b <= c and _gap_weight(text[b:c]) <= FRAME_GAP and not _FRAME_BREAK.intersection(text[b:c]) \
                    and not (NEGATED_BEFORE.search(text, b, c) and text[c:d] in MENTION_VERBS):
                return a, d
    return None


#: Verbs of mentioning: negated (原文没有提到东数西算), they say the source does not hold what the sentence goes on to
#: say, which is then the writer's own; a negated verb of opinion (作者并不认为…) still reports the author's view.
MENTION_VERBS = frozenset("提到 提及 谈到 談到 谈及 談及 说到 說到 涉及 讨论 討論 介绍 介紹".split())
NEGATED_BEFORE = re.compile(r"(?:没有|沒有|没|沒|并未|並未|未|并没有|並沒有)\s*$")
#: A person or company named in Latin letters right before a verb of saying (Marcus透露, Altman 表示, OpenAI也承认): the
#: source speaks, as 他说 does. Only verbs of saying: 'Foo 显示' or 'Foo 发现' may be a model's result, not a source's word.
LATIN_SPEAKER_BEFORE = re.compile(r"(?:^|[，,。；;：:“”\"「」『』（(\s])[A-Z][A-Za-z.'’-]+(?:[ \u00A0][A-Z][A-Za-z.'’-]+){0,2}"
                                  r"\s*[）)]?\s*(?:也|还|還|则|則|又|更|就|曾|都|亦)?\s*$")
#: A verb of saying right before a colon and an opening quotation mark (李某对记者表示：“…”): a quotation, whoever
#: says it, unless the writer does (我想说：“…”).
QUOTATION_AFTER = re.compile(r"\s*[：:]\s*[“「『\"]")
WRITER_BEFORE = re.compile(r"(?:我|我们|我們|笔者|筆者)(?:想|要|只想|还想|還想)?\s*$")
#: What opens the words reported after the verb ('Marcus透露，…', '…表示：“…”'); without it 表示 may be 'denotes' (上表中的
#: HF 表示对应模型为…).
SPEECH_OPENING = frozenset("，,：:“\"「『")
LATIN_SPEAKER_VERBS = frozenset("说 說 表示 透露 坦言 承认 承認 指出 称 稱 认为 認為 告诉 告訴 强调 強調 补充 補充 回忆 回憶 "
                                "直言 坦承 写道 寫道 提到 话 話 断言 斷言 声称 聲稱 主张 主張 警告 提醒 警示".split())


#: A name in Han characters glossed with a person's or a body's name in Latin letters (奥杜亚（Margaret Oduya）,
#: 哈托诺（Daniel Hartono）): two or three capitalised words in the brackets.
GLOSSED_NAME = re.compile(r"(?P<han>[\u4e00-\u9fff·．]{2,8})\s*[（(]\s*(?P<latin>[A-Z][a-z]+(?:[ \u00A0][A-Z][a-z]+){1,2})\s*[）)]")


def glossed_speakers(texts: list[str], english: str | None) -> frozenset[str]:
    """The names in Han characters that a write-up glosses once with a Latin name the English also writes, and then
    uses alone (奥杜亚（Margaret Oduya）… 奥杜亚写道): a transliterated author or source who speaks in later sentences
    as 'Marcus透露' does. The name is the longest tail of the Han run before the gloss (作者奥杜亚 → 奥杜亚) that the
    Chinese writes again outside the gloss. ``english`` None: any Latin name (the caller knows the English's author is
    named only in its byline, which it does not hold).

    >>> sorted(glossed_speakers(["作者奥杜亚（Margaret Oduya）是学者。", "奥杜亚写道，监管应针对部署者。"], "By Margaret Oduya"))
    ['奥杜亚']
    >>> glossed_speakers(["作者奥杜亚（Margaret Oduya）是学者。"], "By Margaret Oduya")   # never named again
    frozenset()
    """
    whole = "\n".join(texts)
    names = set()
    for m in GLOSSED_NAME.finditer(whole):
        if english is not None and m.group("latin") not in english:
            continue
        run = m.group("han")
        elsewhere = whole[:m.start("han")] + "\n" + whole[m.end():]
        for k in range(2, len(run) + 1)[::-1]:
            if run[-k:] in elsewhere:
                names.add(run[-k:])
                break
    return frozenset(names)


def latin_speaker(text: str, found: list[tuple[int, int, str]], speakers: frozenset[str] = frozenset()
                  ) -> tuple[int, int] | None:
    """The first verb of saying (``LATIN_SPEAKER_VERBS``, an ``attribution_verb`` cue) right after a name in Latin
    letters that opens its clause (``LATIN_SPEAKER_BEFORE``), or right before a colon and a quotation mark
    (``QUOTATION_AFTER``: 李某对记者表示：“…”, not the writer's 我想说：“…”), as (verb start, verb end); None for none.

    >>> text = "Marcus透露，成本已经降到9万美元。"
    >>> latin_speaker(text, [(6, 8, "attribution_verb")])
    (6, 8)
    >>> latin_speaker("新的GPU显示出优势。", [(5, 7, "attribution_verb")]) is None
    True
    """
    for a, b, label in found:
        if label != "attribution_verb" or text[a:b] not in LATIN_SPEAKER_VERBS:
            continue
        before = text[:a]
        # where the speaker spoke may stand between the name and the verb (Helix Labs在文末也提醒: round 19)
        unset = SPEAKER_SETTING.sub("", before.rstrip())
        if (LATIN_SPEAKER_BEFORE.search(before) or LATIN_SPEAKER_BEFORE.search(unset) or _named_before(before, speakers)
                or HAN_BODY_BEFORE.search(unset)) and (
                text[b:b + 1] in SPEECH_OPENING or text[a:b] in ("说", "說")):
            return a, b
        if QUOTATION_AFTER.match(text, b) and not WRITER_BEFORE.search(text[max(0, a - 4):a]):
            return a, b  # '…对记者表示：“…”': a quotation introduced, its speaker named in Han characters
    return None


def _named_before(before: str, speakers: frozenset[str]) -> bool:
    """Whether ``before`` ends with one of ``speakers`` (``glossed_speakers``), maybe with 也, 还 … between."""
    core = SPEAKER_PARTICLES.sub("", SPEAKER_SETTING.sub("", before.rstrip())).rstrip()
    return any(core.endswith(name) for name in speakers)


SPEAKER_PARTICLES = re.compile(r"(?:也|还|還|则|則|又|更|就|曾|都|亦)$")
#: A public body or a source named in Han characters right before a verb of saying (马来西亚投资贸易及工业部称，…,
#: 某某警察部队表示，…, 一位从业者对本刊表示，…): the source speaks, as a Latin name does.
HAN_BODY_BEFORE = re.compile(r"[\u4e00-\u9fff](?:部|局|署|厅|廳|委员会|委員會|部队|部隊|警方|检方|檢方|法院|政府|当局|當局)"
                             r"\s*(?:也|还|還|则|則|又|亦)?\s*$|[\u4e00-\u9fff](?:者|人士|员|員)(?:对|對|向)(?:本刊|本报|本報|记者|記者)$")
#: Where the speaker spoke, between the name and the verb (警方在一份声明中表示, 发言人在例行发布会上表示).
SPEAKER_SETTING = re.compile(r"(?:也|还|還|则|則|又|曾|亦)?(?:在|於|于)[^，。；！？,]{1,14}(?:中|上|末|里|裡)(?:也|还|還|则|則|又|亦)?$")


def framed_attribution(text: str, tokens: list | None = None) -> str:
    """The first attribution frame of cues.csv in ``text`` (``frame_spans``), verbatim from subject to verb; '' for
    none. The subject alone attributes nothing (作者或版权持有人均不负责 is a licence's clause), nor does the verb
    (分析 is also 'analysis').

    >>> framed_attribution("文章还讨论了三个问题。"), framed_attribution("作者或版权持有人均不负责。")
    ('文章还讨论', '')
    >>> framed_attribution("作者通过 Pong 小游戏的例子说明了缓存的作用。")
    '作者通过 Pong 小游戏的例子说明'
    """
    if tokens is None and HAN.search(text):
        tokens = tokenizer_for().tokenize(text)
    span = frame_spans(text, claim_matcher().find(text, tokens, labels=FRAME_LABELS))
    return text[span[0]:span[1]] if span else ""


def own_stance_before(text: str, position: int, found: list[tuple[int, int, str]] | None = None) -> bool:
    """Whether the writer's own stance (an ``own_stance`` cue of cues.csv: 我认为, 在我看来) opens before ``position``:
    我认为作者说得对 is the writer's judgement of the source, not the source's claim."""
    if found is None:
        found = claim_matcher().find(text, None, labels=("own_stance",))
    return any(label == "own_stance" and a < position for a, _, label in found)


def decide_voice(text: str, *, part: str, tokens: list | None = None,
                 found: list[tuple[int, int, str]] | None = None, first_person_found: bool = False,
                 speakers: frozenset[str] = frozenset()) -> tuple[str, str]:
    """Say whose voice a sentence speaks in, and the cue that decided it.

    In the commentary: 'reported' (作者认为…, 他说…, or an attribution frame: 文章最后指出…, 作者通过实验展示了…) or
    the 'commentator''s own (also where the writer's own stance comes first: 我认为作者说得对). In the original:
    'reported' (someone told the author), 'first_person', or 'plain'. ``found``: the sentence's cues, if already
    found (``CueMatcher.find`` with ``tokens``, the reported labels and ``FRAME_LABELS`` among them;
    ``first_person_found``: the ``VOICE_LABELS`` among them too, which no token cue finds). ``speakers``: the
    document's transliterated names (``glossed_speakers``), which speak as a name in Latin letters does.

    >>> decide_voice("文章最后指出，成本会下降。", part="commentary")
    ('reported', '文章最后指出')
    >>> decide_voice("我认为作者说得对。", part="commentary")
    ('commentator', '')
    """
    han = bool(HAN.search(text))
    if found is None:
        if han and tokens is None:
                tokens = tokenizer_for().tokenize(text)
        found = claim_matcher().find(text, tokens, labels=CLAIM_LABELS + FRAME_LABELS)
    reported = cues_of(found, text, "reported")
    cue, position = "", -1
    if reported:
        cue, position = reported[0], text.find(reported[0])
    elif han:
        span = frame_spans(text, found) or latin_speaker(text, found, speakers)
        if span:
            cue, position = text[span[0]:span[1]], span[0]
    if cue and not (han and own_stance_before(text, position, found)):
        return "reported", cue
    if part == PART_COMMENTARY:
        return "commentator", ""
    if part == PART_ORIGINAL:
        first = cues_of(found, text, "first_person") if first_person_found else find_cues(text, "first_person")
        if first:
            return "first_person", first[0]
        return "plain", ""
    return "", ""


def _texts(values: list[str]):
    """A non-empty list of strings as the column pandas would infer from it (built typed: speed); an empty one as it is
    (its inferred column is another dtype)."""
    return text_array(values) if values else values


def build_claims(text: str, parsed: Parsed) -> pd.DataFrame:
    """One row per sentence of ``parsed``, with its block's part, kind and language, verbatim text."""
    blocks, sentences = parsed.blocks, parsed.sentences
    # each sentence's block by position, its columns taken as they are (dtypes kept): no index built per document
    position = dict(zip(column(blocks, "block_id").tolist(), range(len(blocks))))
    block_ids = column(sentences, "block_id")
    rows = [position[b] for b in block_ids.tolist()]
    starts, ends = column(sentences, "start"), column(sentences, "end")
    claims = typed_frame(
        {
            "claim_id": np.arange(1, len(sentences) + 1, dtype=np.int64) if len(sentences) else range(0),
            "part": taken(blocks, "part", rows),
            "block_id": block_ids,
            "kind": taken(blocks, "kind", rows),
            "lang": taken(blocks, "lang", rows),
            "section": taken(blocks, "section", rows),
            "start": starts,
            "end": ends,
            "text": _texts([text[a:b] for a, b in zip(starts.tolist(), ends.tolist())]),
        },
        CLAIM_BASE_COLUMNS,
    )
    return claims


#: A speaker's label opening a paragraph of a transcript (奥卡福：, 问：, Q:, 玛雅·奥卡福：): a short name, then a colon.
SPEAKER_LABEL = re.compile(r"\s*(?P<label>[\u4e00-\u9fffA-Za-z·．.]{1,12}|[A-Z][a-z]+ [A-Z][a-z]+)\s*[：:]")
#: Labels that open notes and fields, not a speaker's turn.
NOT_SPEAKERS = frozenset("注 按 编者按 編者按 编按 編按 译者注 譯者注 编者注 编注 来源 來源 原文 原文作者 作者 图 圖 表 链接 鏈接 原文链接 "
                         "网址 網址 标签 標籤 提示 注意 备注 備註 说明 說明 附 更新 编辑 編輯 责编 責編".split())
#: The labels of an interview's questions or its host: one of them among the labels makes the Chinese a transcript.
INTERVIEWER_LABELS = frozenset("问 問 答 提问 提問 主持人 记者 記者 采访者 採訪者 操作员 操作員 接线员 接線員 Q A Host Interviewer "
                               "Operator".split())
#: A label must open this many paragraphs of the Chinese to be a transcript's speaker ...
TRANSCRIPT_MIN_TURNS = 2
#: ... unless it names a role that speaks once on a call (an analyst's question, the operator's line).
ONE_TURN_SPEAKERS = ("分析师", "分析師", "操作员", "操作員", "接线员", "接線員", "Analyst", "Operator")
#: The labelled paragraphs a transcript has at the least.
TRANSCRIPT_MIN_LABELLED = 3


def transcript_blocks(sentences: list[str], blocks: list, parts: list[str]) -> dict:
    """The Chinese paragraphs that are a transcript's turns: block → its speaker's label ('奥卡福：'), for each label
    that opens TRANSCRIPT_MIN_TURNS paragraphs or more (an interview's 问： and 奥卡福：), NOT_SPEAKERS aside, where
    one of them is an interviewer's or an operator's (INTERVIEWER_LABELS) and TRANSCRIPT_MIN_LABELLED paragraphs are
    labelled; none otherwise (a README's 示例：, 用例：). The host, an analyst's one question and a speaker's first turn
    under a title (执行长惠特菲尔德： before 惠特菲尔德：) are turns too.

    >>> transcript_blocks(["问：何时交付？", "奥卡福：明年。", "问：价格？", "奥卡福：九万美元。", "注：仅供参考。"],
    ...                   [1, 2, 3, 4, 5], ["commentary"] * 5)
    {1: '问：', 2: '奥卡福：', 3: '问：', 4: '奥卡福：'}
    >>> transcript_blocks(["示例：甲。", "用例：乙。", "示例：丙。", "用例：丁。"], [1, 2, 3, 4], ["commentary"] * 4)
    {}
    """
    first: dict = {}
    for sentence, block, part in zip(sentences, blocks, parts):
        if part == PART_COMMENTARY and block is not None and block not in first:
            first[block] = sentence
    labels = {}
    for block, sentence in first.items():
        found = SPEAKER_LABEL.match(sentence)
        if found and found.group("label") not in NOT_SPEAKERS:
            labels[block] = found.group("label")
    turns = Counter(labels.values())
    if not set(turns) & INTERVIEWER_LABELS or len(labels) < TRANSCRIPT_MIN_LABELLED:
        return {}  # a README's 示例： and 用例： are fields, not a dialogue's turns
    # a speaker who speaks twice or more, or once under a title or a firm's name before a name that does
    # (执行长惠特菲尔德：), or an analyst's one question (高盛分析师：), or the host's
    speakers = {label for label, n in turns.items() if n >= TRANSCRIPT_MIN_TURNS}
    speakers |= {label for label in turns if label in INTERVIEWER_LABELS or label.endswith(ONE_TURN_SPEAKERS)
                 or any(label.endswith(other) for other in speakers)}
    return {block: label + "：" for block, label in labels.items() if label in speakers}


#: The labels without one of which ``decide_voice`` gives a sentence its part's own voice (``_PLAIN_VOICE``): a reported
#: cue, an attribution frame's subject, a first-person cue.
_VOICE_CUES = frozenset({"reported", "attribution_subject", "first_person"})
#: ... and in Chinese a verb of saying that a name in Latin letters before it, or a quotation after it, makes a
#: source's (``latin_speaker``): a sentence with neither a capital nor a colon before a quotation mark has none.
_SPEAKER_HINT = re.compile(r"[A-Z]|[：:]\s*[“「『\"]|(?:部|局|署|厅|委员会|部队|警方|检方|法院|政府|当局|本刊|本报)[^，。]{0,16}(?:表示|称|稱|透露|指出|说)")
_PLAIN_VOICE = {PART_COMMENTARY: "commentator", PART_ORIGINAL: "plain"}


def annotate_claims(claims: pd.DataFrame, *, tokenizer: Tokenizer, names: dict[str, list[str]] | None = None,
                    org_speakers: frozenset[str] = frozenset()) -> pd.DataFrame:
    """Add voice, hedges, boosters, negation and numbers to a claims table (a new frame); ``tokenizer`` cuts Chinese.
    ``names``: its entities and orgs columns (``helpers.tables.extract.entity_columns``), if known (else as they are,
    or empty)."""
    columns: dict[str, list] = {name: [] for name in CLAIM_COLUMNS[len(CLAIM_BASE_COLUMNS):-2]}
    voices, voice_cues, hedges, boosters, negated, numbers = columns.values()
    matcher = claim_matcher()
    # the first person is found without tokens (decide_voice): on the same pass unless one of its cues is a token cue
    voice_on_pass = not any(matcher.labels[name].tokens or matcher.labels[name].token_prefixes
                            for name in VOICE_LABELS if name in matcher.labels)
    labels = CLAIM_LABELS + FRAME_LABELS + (VOICE_LABELS if voice_on_pass else ())
    parts, langs, sentences = (column(claims, c).tolist() for c in ("part", "lang", "text"))
    blocks = column(claims, "block_id").tolist() if "block_id" in claims else [None] * len(sentences)
    cuts = [tokenizer.tokenize(sentence) if lang in ("zh", "mixed") else None for lang, sentence in zip(langs, sentences)]
    labelled = transcript_blocks(sentences, blocks, parts)
    # the English with its furniture: an author the Chinese glosses may be named only in the byline ('By …')
    speakers = glossed_speakers([t for t, p in zip(sentences, parts) if p == PART_COMMENTARY],
                                " ".join(t for t, p in zip(sentences, parts) if p != PART_COMMENTARY)) | org_speakers
    previous = (None, None, "", "")  # the last sentence's block, its text, voice and cue
    # every category below found once per sentence, the sentences' cues in one pass of the matcher over them all
    for part, block, sentence, tokens, found in zip(parts, blocks, sentences, cuts,
                                                    matcher.find_each(sentences, cuts, labels=labels)):
        present = {label for _, _, label in found}  # a category none of whose cues was found has none to keep
        if voice_on_pass and present.isdisjoint(_VOICE_CUES) and not (
                "attribution_verb" in present and (_SPEAKER_HINT.search(sentence)
                                                   or any(name in sentence for name in speakers))):
            # no cue to weigh: the part's own voice (decide_voice)
            voice, voice_cue = _PLAIN_VOICE.get(part, ""), ""
        else:
            voice, voice_cue = decide_voice(sentence, part=part, tokens=tokens, found=found,
                                            first_person_found=voice_on_pass, speakers=speakers)
        if voice == "commentator" and block in labelled and not sentence.lstrip().startswith(("（", "(")):
            # a transcript's turn (奥卡福：…, 问：…): the speaker's words, the label their attribution; a bracketed
            # note inside it is the translator's
            voice, voice_cue = "reported", labelled[block]
        if (voice == "commentator" and not voice_cue and block is not None and previous[0] == block
                and previous[2] == "reported" and previous[1].rstrip().endswith(("；", ";"))):
            # the parser cuts at ；: the clause after it is the same sentence, reported as its first clause is
            voice, voice_cue = "reported", previous[3] if previous[3].startswith("↑") else "↑" + previous[3]
        previous = (block, sentence, voice, voice_cue)
        voices.append(voice)
        voice_cues.append(voice_cue)
        hedges.append("|".join(cues_of(found, sentence, "hedge")) if "hedge" in present else "")
        boosters.append("|".join(cues_of(found, sentence, "booster")) if "booster" in present else "")
        negated.append(bool(cues_of(found, sentence, "negation")) if "negation" in present else False)
        numbers.append("|".join(find_numbers(sentence)))
    order = [c for c in claims.columns if c not in CLAIM_COLUMNS[len(CLAIM_BASE_COLUMNS):]]
    if len(claims):
        # one constructor: the claims' columns as they are (dtypes kept, copied), then the new ones (speed: a concat,
        # two inserts and a reindex cost more than the work on a short document)
        data = {c: array_of(claims, c).copy() for c in order}
        # the new columns as the frame would infer them (strings; booleans), typed here: inference costs per column
        data.update({name: np.array(values, dtype=bool) if name == "negated" else text_array(values)
                     for name, values in columns.items()})
        for name in ("entities", "orgs"):
            data[name] = (text_array(names[name]) if names is not None else claims[name].array.copy()
                          if name in claims else pd.array([""] * len(claims), dtype=TEXT_DTYPE))
        return typed_frame(data, order + CLAIM_COLUMNS[len(CLAIM_BASE_COLUMNS):])
    added = pd.DataFrame([], index=range(0), columns=list(columns))  # no rows: object columns, as before
    annotated = pd.concat([claims.reset_index(drop=True), added], axis=1)
    for name in ("entities", "orgs"):
        if name not in annotated:
            annotated[name] = ""
    return annotated[order + CLAIM_COLUMNS[len(CLAIM_BASE_COLUMNS):]]
