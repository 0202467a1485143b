"""Chinese names tied to English ones: an organisation the Chinese writes in Han characters and the English in Latin
letters (面壁智能 and ModelBest), found when the document itself ties the two.

A Chinese name is a word of the Chinese version cut right before an organisation suffix, with the suffix (面壁 + 智能
→ 面壁智能; ``TIE_ZH_SUFFIX_RE``), or one word ending in such a suffix, that no known name covers and that
``org_name_stoplist_zh.txt`` does not list, as a whole or as its head (人工智能, 这家公司, 美国大学). An English name is an
organisation named in Latin letters: a gazetteer organisation (or a model or product that rolls up to one) or a
discovered name. The two are tied, and every place the Chinese version writes the Chinese name becomes a mention of
the English name's organisation, with ``evidence`` ``tied_<how>:<English name>``, where ``how`` is:

- ``pinyin``: the head read in pinyin is the English name's first word (百川 → Baichuan), letters only, case ignored;
- ``paired``: the document writes the two side by side (面壁智能（ModelBest）, ModelBest 面壁智能);
- ``sentence``: a Chinese sentence holding the Chinese name but no other name of the organisation itself and an
  English sentence naming the organisation itself are each other's one best match by shared anchors (Latin words and numbers, the
  organisation's own names left out, at least ``MIN_SHARED_ANCHORS``).

Each Chinese name ties to one English name: a Chinese name that two English names claim by the same evidence is
tied to neither. Nothing is tied to a person or a place.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import lru_cache

import pandas as pd

from ..paths import REFERENCE
from ..patterns import (
    HAN_RUN, LATIN_CHAR_RE as LATIN_RE, TIE_ANCHOR_RE, TIE_BRACKETED_RE, TIE_GENERIC_SUFFIX_RE, TIE_PAIR_GAP_RE,
    TIE_ZH_SUFFIX_RE,
)
from ..text.segment import SentenceCuts, Tokenizer
from ..vocab import read_word_list

ZH_NAME_STOPLIST_PATH = REFERENCE / "org_name_stoplist_zh.txt"
EVIDENCE_TIED = "tied"
HOW_PINYIN, HOW_PAIRED, HOW_SENTENCE = "pinyin", "paired", "sentence"
#: Shared anchors (Latin words, numbers) a Chinese and an English sentence need before the sentence rule pairs them:
#: one shared word is chance (a model name every sentence repeats); two are a translation's fingerprint.
MIN_SHARED_ANCHORS = 2
#: Letters a pinyin reading needs before it ties two names (a two-letter syllable matches too many words).
MIN_PINYIN_LETTERS = 4
#: Characters a name may stand from its partner for the paired rule: brackets, a space or a dash between them.
PAIR_GAP = 3

#: An English name's identity: (entity, org, type) as its mentions carry them.
Identity = tuple[str, str, str]


@lru_cache(maxsize=4)
def load_zh_stoplist(path: str = str(ZH_NAME_STOPLIST_PATH)) -> frozenset[str]:
    """The Chinese words never taken as an organisation's name or head."""
    return frozenset(read_word_list(path))


def chinese_names(text: str, spans: list[tuple[int, int]], tokenizer: Tokenizer, covered: bytearray,
                  stoplist: frozenset[str], places: frozenset[str]) -> dict[str, list[tuple[int, int, str]]]:
    """Chinese organisation-like names in the Chinese sentences ``spans``: name → [(start, end, head)].

    >>> from helpers.tables.entities import tokenizer_for
    >>> text = "面壁智能发布了新模型。"
    >>> names = chinese_names(text, [(0, len(text))], tokenizer_for(), bytearray(len(text)), frozenset(), frozenset())
    >>> list(names)
    ['面壁智能']
    """
    found: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for start, end in spans:
        sentence = text[start:end]
        if not TIE_ZH_SUFFIX_RE.search(sentence):
            continue
        tokens = tokenizer.tokenize(sentence)
        for index, (word, s, e) in enumerate(tokens):
            suffix = TIE_ZH_SUFFIX_RE.fullmatch(word) or None
            if suffix and index > 0:
                head, hs = _head_before(tokens, index, stoplist)
                name_start, name_end = hs, e
            elif not suffix and len(word) > 2 and TIE_ZH_SUFFIX_RE.search(word[2:]) and \
                    TIE_ZH_SUFFIX_RE.search(word).end() == len(word):
                head = word[: TIE_ZH_SUFFIX_RE.search(word[2:]).start() + 2]
                name_start, name_end = s, e
            else:
                continue
            name = sentence[name_start:name_end]
            if len(head) < 2 or not HAN_RUN.fullmatch(head):
                continue
            if name in stoplist or head in stoplist or head in places:
                continue
            if any(covered[start + name_start : start + name_end]):
                continue
            found[name].append((start + name_start, start + name_end, head))
    return _shortest_names(found)


def _shortest_names(found: dict[str, list[tuple[int, int, str]]]) -> dict[str, list[tuple[int, int, str]]]:
    """The names less those that end with another name found: a head taken in with a character before it (获星尘智能
    in a title, where 星尘智能 stands alone elsewhere) is that name.

    >>> _shortest_names({"获星尘智能": [(0, 5, "获星尘")], "星尘智能": [(9, 13, "星尘")]})
    {'星尘智能': [(1, 5, '星尘'), (9, 13, '星尘')]}
    """
    out: dict[str, list[tuple[int, int, str]]] = {}
    for name, places in found.items():
        inner = next((other for other in found if other != name and len(other) >= 3 and name.endswith(other)), None)
        if inner is None:
            out.setdefault(name, []).extend(places)
        else:
            head = found[inner][0][2]
            out.setdefault(inner, []).extend((e - len(inner), e, head) for _, e, _ in places)
    return {name: sorted(places) for name, places in out.items()}


def bracketed_names(text: str, spans: list[tuple[int, int]], english: dict[Identity, list[tuple[int, int, str, str, bool]]],
                    covered: bytearray, stoplist: frozenset[str], places: frozenset[str],
                    tokenizer: Tokenizer | None = None) -> dict[str, list[tuple[int, int, str]]]:
    """Chinese names written right before an English name in brackets, with no suffix of their own (a transliteration:
    赞塔罗（Zentaro）): name → every place the Chinese sentences ``spans`` write it, as ``chinese_names`` gives them.
    The Han word is the run back to the last punctuation or space, two to four characters (``TIE_BRACKETED_RE``), and
    not made of whole words of the tokenizer's dictionary (模型（Foo）, 开源社区（Foo） describe; a transliteration cuts into
    pieces, 赞/塔罗); the
    English name is the organisation's own, not one of its models or products (端侧模型（Zorb-7B）).

    >>> text = "另外，赞塔罗（Zentaro）很大。赞塔罗也很好。"
    >>> bracketed_names(text, [(0, 18), (18, 26)], {("z", "Z", "x"): [(7, 14, "Zentaro", "zh", True)]},
    ...                 bytearray(len(text)), frozenset(), frozenset())
    {'赞塔罗': [(3, 6, '赞塔罗'), (18, 21, '赞塔罗')]}
    """
    found: dict[str, list[tuple[int, int, str]]] = {}
    inside = [False] * (len(text) + 1)
    for start, end in spans:
        inside[start:end] = [True] * (end - start)
    for en_places in english.values():
        for start, _, surface, _, itself in en_places:
            if not itself or not inside[start] or not LATIN_RE.match(surface[:1]):
                continue
            match = TIE_BRACKETED_RE.search(text, max(0, start - 8), start)
            if match is None:
                continue
            name = HAN_RUN.match(text, match.start()).group()
            if name in found or name in stoplist or name in places or any(covered[match.start() : match.start() + len(name)]):
                continue
            if tokenizer is not None and all(e - s >= 2 for _, s, e in tokenizer.tokenize(name)):
                continue  # whole words of the dictionary (开源/社区): a description; a transliteration cuts apart (赞/塔罗)
            found[name] = [(s + i, s + i + len(name), name) for s, e in spans
                           for i in _occurrences(text[s:e], name) if not any(covered[s + i : s + i + len(name)])]
    return found


def _occurrences(sentence: str, name: str) -> list[int]:
    index, out = sentence.find(name), []
    while index >= 0:
        out.append(index)
        index = sentence.find(name, index + len(name))
    return out


def _head_before(tokens: list[tuple[str, int, int]], index: int, stoplist: frozenset[str]) -> tuple[str, int]:
    """The head of a name whose suffix is ``tokens[index]``: the word before it, or the single characters before it
    (jieba cuts a name it does not know into characters: 星 尘 智能), up to four, stopping at a stoplisted one.

    >>> _head_before([("发布", 0, 2), ("了", 2, 3), ("星", 3, 4), ("尘", 4, 5), ("智能", 5, 7)], 4, frozenset({"了"}))
    ('星尘', 3)
    """
    head, start = "", tokens[index][1]
    for word, s, _ in reversed(tokens[:index]):
        if not HAN_RUN.fullmatch(word) or word in stoplist:
            break
        if len(word) > 1:
            if not head:
                head, start = word, s
            break
        if len(head) == 4:
            break
        head, start = word + head, s
    return head, start


def letters(name: str) -> str:
    """A Latin name's letters, lowercased: what its pinyin reading is compared with ("Lingshu AI" → "lingshuai")."""
    return re.sub(r"[^a-z]", "", name.casefold())


def pinyin(head: str) -> str:
    """A Chinese name's head read in pinyin, toneless and joined (灵枢 → "lingshu")."""
    from pypinyin import lazy_pinyin  # heavy: loaded only when a Chinese name is to be read

    return "".join(lazy_pinyin(head))


def _paired(text: str, zh: tuple[int, int], en_places: list[tuple[int, int]]) -> bool:
    """Whether an occurrence of the English name stands within a bracket or a space of the Chinese name; a name with a
    generic suffix before it only inside brackets (芯片设计公司 Foo is "the chip design company Foo").

    >>> text = "芯片设计公司 Zorbly 和星尘公司（Quux）"
    >>> _paired(text, (2, 6), [(7, 13)]), _paired(text, (15, 19), [(20, 24)])
    (False, True)
    """
    start, end = zh
    generic = TIE_GENERIC_SUFFIX_RE.search(text, end - 2, end) is not None
    for s, e in en_places:
        if 0 <= s - end <= PAIR_GAP and TIE_PAIR_GAP_RE.fullmatch(text[end:s]) and \
                (not generic or any(ch in text[end:s] for ch in "（(【[「")):
            return True
        if 0 <= start - e <= PAIR_GAP and TIE_PAIR_GAP_RE.fullmatch(text[e:start]):
            return True
    return False


def _anchors(sentence: str) -> frozenset[str]:
    return frozenset(a.casefold() for a in TIE_ANCHOR_RE.findall(sentence))


def _best_match(anchors: frozenset[str], others: list[tuple[int, int, frozenset[str]]]) -> tuple[int, int] | None:
    """The one sentence of ``others`` sharing most anchors (at least MIN_SHARED_ANCHORS) with ``anchors``; None on a tie."""
    scored = sorted(((len(anchors & theirs), (s, e)) for s, e, theirs in others), reverse=True)
    if not scored or scored[0][0] < MIN_SHARED_ANCHORS or (len(scored) > 1 and scored[1][0] == scored[0][0]):
        return None
    return scored[0][1]


def tie_names(text: str, claims: pd.DataFrame, part_of: list[str], covered: bytearray,
              english: dict[Identity, list[tuple[int, int, str, str, bool]]], tokenizer: Tokenizer, *,
              stoplist: frozenset[str] | None = None, places: frozenset[str] = frozenset(),
              cuts: SentenceCuts | None = None) -> list[tuple]:
    """Mention rows (start, end, surface, entity, org, type, evidence) for the Chinese names tied to ``english``.

    ``english``: an organisation's identity (entity, org, type) → the places it is named, as (start, end, surface,
    part, whether the surface names the organisation itself rather than one of its models or products); ``covered``
    marks the characters other mentions hold; ``cuts``: the document's one cut of each sentence by ``tokenizer``
    (``SentenceCuts``), read for the sentences' names (a bracketed name is cut by ``tokenizer``: no sentence).
    """
    stoplist = load_zh_stoplist() if stoplist is None else stoplist
    sentences = [(s, e) for s, e in zip(claims["start"].tolist(), claims["end"].tolist()) if part_of[s] in ("zh", "en")]
    zh_sentences = [(s, e) for s, e in sentences if part_of[s] == "zh"]
    names = chinese_names(text, zh_sentences, cuts if cuts is not None else tokenizer, covered, stoplist, places)
    for name, found in bracketed_names(text, zh_sentences, english, covered, stoplist, places, tokenizer).items():
        names.setdefault(name, found)
    if not names or not english:
        return []
    en_sentences = [(s, e, _anchors(text[s:e])) for s, e in sentences if part_of[s] == "en"]
    zh_anchors = {(s, e): _anchors(text[s:e]) for s, e in zh_sentences}
    zh_sentence_of = {}
    for s, e in zh_sentences:
        for name, places_ in names.items():
            for ps, _, _ in places_:
                if s <= ps < e:
                    zh_sentence_of[ps] = (s, e)

    names_in = Counter(sentence for sentence, _ in {(zh_sentence_of[ps], name) for name, places_ in names.items()
                                                     for ps, _, _ in places_ if ps in zh_sentence_of})
    claims_by_name: dict[str, Counter] = defaultdict(Counter)  # Chinese name -> (how, identity) -> votes
    for name, places_ in names.items():
        reading = pinyin(places_[0][2])
        for identity, en_places in english.items():
            surfaces = {surface for _, _, surface, _, _ in en_places if LATIN_RE.search(surface)}
            own = [(a, b) for a, b, _, _, itself in en_places if itself]
            if len(reading) >= MIN_PINYIN_LETTERS and any(letters(surface.split(" ")[0]) == reading for surface in surfaces):
                claims_by_name[name][(HOW_PINYIN, identity)] += 1
            latin_spans = [(a, b) for a, b, surface, _, _ in en_places if LATIN_RE.search(surface)]
            if any(_paired(text, (s, e), latin_spans) for s, e, _ in places_):
                claims_by_name[name][(HOW_PAIRED, identity)] += 1
            folded = {surface.casefold() for _, _, surface, _, itself in en_places if itself}
            for s, _, _ in places_:
                sentence = zh_sentence_of.get(s)
                if sentence is None or any(sentence[0] <= a < sentence[1] for a, _ in own):
                    continue  # the sentence names the organisation already: the Chinese name is another
                if names_in.get(sentence, 0) > 1:
                    continue  # two Chinese names in the sentence: the pair does not say which is this one
                best = _best_match(zh_anchors[sentence] - folded, en_sentences)
                if best is None or not any(best[0] <= a < best[1] for a, _ in own):
                    continue
                back = _best_match(_anchors(text[best[0]:best[1]]) - folded,
                                   [(a, b, zh_anchors[(a, b)]) for a, b in zh_sentences])
                if back == sentence:
                    claims_by_name[name][(HOW_SENTENCE, identity)] += 1

    rows: list[tuple] = []
    taken = bytearray(covered)
    for name, votes in sorted(claims_by_name.items()):
        for how in (HOW_PINYIN, HOW_PAIRED, HOW_SENTENCE):
            partners = {en for (h, en) in votes if h == how}
            if len(partners) == 1:
                identity = partners.pop()
                entity, org, kind = identity
                en_name = next((sf for _, _, sf, _, itself in english[identity] if itself and LATIN_RE.search(sf)),
                               next((sf for _, _, sf, _, _ in english[identity] if LATIN_RE.search(sf)), name))
                for start, end, _ in names[name]:
                    if any(taken[start:end]):
                        continue
                    taken[start:end] = b"\x01" * (end - start)
                    rows.append((start, end, name, entity, org, kind, f"{EVIDENCE_TIED}_{how}:{en_name}"))
                break
            if partners:
                break  # two English names claim it by the same evidence: tie it to neither
    return rows
