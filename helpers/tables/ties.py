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
  organisation's own names left out, at least ``MIN_SHARED_ANCHORS``);
- ``transliterated``: a run of Han characters before a Chinese organisation word (``org_name_words_zh.csv``) reads,
  character by character through ``transliteration_zh.csv``, as the letters of the English name's first word, and the
  word renders one of the English name's words or the English name has none (科瓦兰能源 ↔ Korvalan Energy, 维尔莫拉公司 ↔
  Velmora): for organisations the Chinese never writes in Latin letters;
- ``translated``: the one Chinese name left untied that ends in a word translating the last word of the one English
  organisation left without a Chinese partner, named at about the same place in each version (明川研究院 ↔ Brightriver
  Institute: a name the Chinese translates rather than spells).

Each Chinese name ties to one English name: a Chinese name that two English names claim by the same evidence is
tied to neither. Nothing is tied to a person or a place.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import lru_cache

import pandas as pd

from ..frames import column
from ..paths import REFERENCE
from ..patterns import (
    HAN_RUN, LATIN_CHAR_RE as LATIN_RE, TIE_ANCHOR_RE, TIE_BRACKETED_RE, TIE_GENERIC_SUFFIX_RE, TIE_PAIR_GAP_RE,
    TIE_ZH_SUFFIX_RE,
)
from ..text.segment import SentenceCuts, Tokenizer
from ..vocab import load_vocabulary, read_word_list

ZH_NAME_STOPLIST_PATH = REFERENCE / "org_name_stoplist_zh.txt"
ZH_ORG_WORDS_PATH = REFERENCE / "org_name_words_zh.csv"
TRANSLITERATION_PATH = REFERENCE / "transliteration_zh.csv"
EVIDENCE_TIED = "tied"
HOW_PINYIN, HOW_PAIRED, HOW_SENTENCE = "pinyin", "paired", "sentence"
HOW_TRANSLITERATED, HOW_TRANSLATED = "transliterated", "translated"
#: Han characters a transliterated head may run to, back from the organisation word (泰斯莫尔 is four).
MAX_TRANSLITERATED_CHARS = 6
#: Letters of an English name a transliteration may leave unwritten: one per this many (the r of Korvalan in 科瓦兰).
LETTERS_PER_SKIP = 4
#: How far apart, as a share of each version's length, a translated name and its English partner may first stand: a
#: translation names an organisation at about the same place in both versions.
MAX_POSITION_GAP = 0.25
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


@lru_cache(maxsize=4)
def load_zh_org_words(path: str = str(ZH_ORG_WORDS_PATH)) -> dict[str, tuple[tuple[str, ...], bool]]:
    """``org_name_words_zh.csv``: Chinese organisation word -> (the English name words it renders, strong)."""
    table = load_vocabulary(path, ["word", "english", "strong", "source"], required=("word", "source"))
    return {word: (tuple(w for w in english.split("|") if w), strong.strip() == "1")
            for word, english, strong in zip(table["word"], table["english"], table["strong"])}


@lru_cache(maxsize=4)
def zh_org_word_re(path: str = str(ZH_ORG_WORDS_PATH)) -> re.Pattern:
    """The words of ``org_name_words_zh.csv`` as one pattern, the longest first (研究院 before 院)."""
    return re.compile("|".join(re.escape(w) for w in sorted(load_zh_org_words(path), key=len, reverse=True)))


@lru_cache(maxsize=4)
def strong_zh_org_word_re(path: str = str(ZH_ORG_WORDS_PATH)) -> re.Pattern:
    """The ``strong`` words of ``org_name_words_zh.csv`` (资本, 集团, 研究院 …) as one pattern, the longest first."""
    words = [w for w, (_, strong) in load_zh_org_words(path).items() if strong]
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


@lru_cache(maxsize=4)
def weak_zh_org_word_re(path: str = str(ZH_ORG_WORDS_PATH)) -> re.Pattern:
    """The words of ``org_name_words_zh.csv`` that end descriptions as often as names (智能, 机器人, 能源 …: not ``strong``,
    with an English rendering, so not 公司) as one pattern, the longest first."""
    words = [w for w, (english, strong) in load_zh_org_words(path).items() if english and not strong]
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


@lru_cache(maxsize=4)
def load_transliteration(path: str = str(TRANSLITERATION_PATH)) -> dict[str, tuple[str, ...]]:
    """``transliteration_zh.csv``: Han character -> the letter groups it stands for in a transliteration."""
    table = load_vocabulary(path, ["char", "latin", "source"], required=("char", "latin", "source"))
    return {char: tuple(sorted({g.casefold() for g in latin.split("|") if g}, key=len, reverse=True))
            for char, latin in zip(table["char"], table["latin"])}


def transliterates(han: str, word: str, table: dict[str, tuple[str, ...]] | None = None) -> bool:
    """Whether Han characters, read one by one as the letter groups they transliterate, spell ``word``'s letters, each
    character at least one group, a letter left unwritten at most once per ``LETTERS_PER_SKIP`` (never the first), a
    silent final e for free.

    >>> transliterates("科瓦兰", "Korvalan"), transliterates("泰斯莫尔", "Tessmore"), transliterates("科瓦兰", "Tessmore")
    (True, True, False)
    >>> transliterates("科凡", "Corvane"), transliterates("科凡", "Corvalis")
    (True, False)
    """
    table = load_transliteration() if table is None else table
    target = letters(word)
    # a non-initial x is written as two syllables, k + s (Helix 赫利克斯, Baxter 巴克斯特)
    target = target[:1] + target[1:].replace("x", "ks")
    if len(han) < 2 or not target or any(ch not in table for ch in han):
        return False
    skips = len(target) // LETTERS_PER_SKIP
    # reachable (letters read, skips used) after each character; a skip may come before a character but the first
    states = {(0, 0)}
    for index, char in enumerate(han):
        after = set()
        for read, used in states:
            for skip in range(1 if index == 0 else skips - used + 1):
                at = read + skip
                after.update((at + len(g), used + skip) for g in table[char] if target.startswith(g, at))
        states = after
        if not states:
            return False
    # an English name's silent final e is seldom written (科凡 for Corvane): it costs no skip
    return any(len(target) - read + used <= skips or (target[read:] == "e" and used <= skips) for read, used in states)


def chinese_names(text: str, spans: list[tuple[int, int]], tokenizer: Tokenizer, covered: bytearray,
                  stoplist: frozenset[str], places: frozenset[str],
                  suffix_re: re.Pattern = TIE_ZH_SUFFIX_RE) -> dict[str, list[tuple[int, int, str]]]:
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
        # a name's head is Han characters right before its organisation word: a sentence with no such word after a Han
        # character names none, and is not cut (speed: a Latin 'AI' is such a word since review round 14, and the
        # seed writes 'AI' in most of its sentences)
        if not any(m.start() and "\u4e00" <= sentence[m.start() - 1] <= "\u9fff" for m in suffix_re.finditer(sentence)):
            continue
        tokens = tokenizer.tokenize(sentence)
        for index, (word, s, e) in enumerate(tokens):
            suffix = suffix_re.fullmatch(word) or None
            # an organisation word that a nearer one follows in the same run of words does not end the name
            # (联合AI安全研究所, 市场AI公司: the name, if any, ends at 研究所 / 公司)
            if suffix and index + 1 < len(tokens) and HAN_RUN.fullmatch(tokens[index + 1][0]) and any(
                    suffix_re.fullmatch(w) for w, *_ in tokens[index + 1 : index + 3]):
                continue
            if suffix and index > 0:
                head, hs = _head_before(tokens, index, stoplist, text)
                name_start, name_end = hs, e
            elif not suffix and len(word) > 2 and suffix_re.search(word[2:]) and \
                    suffix_re.search(word).end() == len(word):
                head = word[: suffix_re.search(word[2:]).start() + 2]
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
    # the organisation words a calque ends in, with the English name words each renders (研究 'Research' only here,
    # where the bracket ties it): read once, not once per bracket
    calque_words = {**{w: e[0] for w, e in load_zh_org_words().items()}, "研究": ("Research",)}
    for en_places in english.values():
        for start, _, surface, _, itself in en_places:
            if not itself or not inside[start] or not LATIN_RE.match(surface[:1]):
                continue
            match = TIE_BRACKETED_RE.search(text, max(0, start - 8), start)
            if match is None:
                # a longer run ending in an organisation word that renders the English name's last word
                # (…对赫利克斯机器人（Helix Robotics）: 机器人 ↔ Robotics): its longest tail the Chinese writes again
                run = re.search(r"[\u4e00-\u9fff]{3,12}[ \u00A0]*[（(][ \u00A0]*$", text[max(0, start - 14):start])
                words = load_zh_org_words()
                if run is None:
                    continue
                han = HAN_RUN.match(run.group()).group()
                last = surface.split()[-1] if " " in surface else ""
                word = next((w for w in words if han.endswith(w) and last in words[w][0]), None)
                if word is None or len(han) - len(word) < 2:
                    continue
                base = max(0, start - 14) + run.start()
                tail = next((han[k:] for k in range(len(han) - len(word) - 1)
                             if text.count(han[k:]) > 1), None)
                if tail is None:
                    # a calque written once (由红隼资本（Kestrel Capital）领投): its head runs back from the organisation
                    # word to a stoplisted character, two to four characters (bilingual review round 20)
                    head = ""
                    for ch in reversed(han[: len(han) - len(word)]):
                        if ch in stoplist or len(head) == 4:
                            break
                        head = ch + head
                    if len(head) < 2 or head in stoplist or head in places or \
                            (tokenizer is not None and len(tokenizer.tokenize(head)) == 1 and head in stoplist):
                        continue
                    tail = head + word
                match = re.compile(re.escape(tail)).search(text, base)
                name = tail
                if name in found or name in stoplist or name in places:
                    continue
                head = name[: len(name) - len(word)]
                found[name] = [(s + i, s + i + len(name), head) for s, e in spans
                               for i in _occurrences(text[s:e], name) if not any(covered[s + i : s + i + len(name)])]
                continue
            name = HAN_RUN.match(text, match.start()).group()
            # a function character glued to the front of the run (据卢莫拉（Lumora AI）) is no part of the name
            while len(name) > 2 and name[0] in stoplist and _glued(name, text):
                name = name[1:]
            if name in found or name in stoplist or name in places or any(covered[match.start() : match.start() + len(name)]):
                continue
            last = surface.split()[-1] if " " in surface else ""
            # a calque of the name right before its English in brackets (光环研究（Halcyon Research）): its last word
            # renders the English name's last word; 研究 'Research' only here, where the bracket ties it
            calque = last and any(name.endswith(w) and len(name) - len(w) >= 2 and last in e
                                  for w, e in calque_words.items())
            if tokenizer is not None and not calque and all(e - s >= 2 for _, s, e in tokenizer.tokenize(name)):
                continue  # whole words of the dictionary (开源/社区): a description; a transliteration cuts apart (赞/塔罗)
            found[name] = [(s + i, s + i + len(name), name) for s, e in spans
                           for i in _occurrences(text[s:e], name) if not any(covered[s + i : s + i + len(name)])]
    # a name whose every place another mention holds is no name of its own here: a name with no place would be read by
    # its first place (生命未来研究所（Future of Life Institute）, held by a longer mention: bilingual review round 21)
    return {name: places_ for name, places_ in found.items() if places_}


def _occurrences(sentence: str, name: str) -> list[int]:
    index, out = sentence.find(name), []
    while index >= 0:
        out.append(index)
        index = sentence.find(name, index + len(name))
    return out


def _glued(word: str, text: str | None) -> bool:
    """Whether ``word``'s first character, a stoplisted one, is glued on rather than the name's own (由云杉 → 云杉): so
    unless the text writes ``word`` more than once and never its rest without that character (子午线 'meridian', 子 being
    stoplisted for 子公司 'subsidiary': bilingual review round 20, 子午线实验室 read as 午线实验室).

    >>> _glued("由云杉", "由云杉实验室发布。"), _glued("子午线", "子午线实验室发布。子午线称…")
    (True, False)
    """
    if text is None:
        return True
    whole = text.count(word)
    return whole <= 1 or text.count(word[1:]) > whole


def _head_before(tokens: list[tuple[str, int, int]], index: int, stoplist: frozenset[str],
                 text: str | None = None) -> tuple[str, int]:
    """The head of a name whose suffix is ``tokens[index]``: the word before it (less a stoplisted character the
    dictionary glued to its front: 由云杉 → 云杉), or the single characters before it (jieba cuts a name it does not
    know into characters: 星 尘 智能), up to four, stopping at a stoplisted one.

    >>> _head_before([("发布", 0, 2), ("了", 2, 3), ("星", 3, 4), ("尘", 4, 5), ("智能", 5, 7)], 4, frozenset({"了"}))
    ('星尘', 3)
    """
    head, start = "", tokens[index][1]
    for word, s, _ in reversed(tokens[:index]):
        if not HAN_RUN.fullmatch(word) or word in stoplist:
            break
        if len(word) > 1:
            if not head:
                # a function character the dictionary glued on (由云杉 in 由云杉实验室) is no part of the name
                while len(word) > 2 and word[0] in stoplist and _glued(word, text):
                    word, s = word[1:], s + 1
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
    """A Chinese name's head read in pinyin, toneless and joined (灵枢 → "lingshu").

    A head's reading depends on the head alone: each is read once in a process, up to ``READINGS_KEPT`` of them
    (pypinyin took 20 to 100 µs a head, and its import statement, run at every call, 10 more).
    """
    reading = _READINGS.get(head)
    if reading is None:
        from pypinyin import lazy_pinyin  # heavy: loaded only when a Chinese name is to be read

        if len(_READINGS) >= READINGS_KEPT:
            _READINGS.clear()
        reading = _READINGS[head] = "".join(lazy_pinyin(head))
    return reading


#: How many heads' readings a process keeps before starting afresh (memory bound).
READINGS_KEPT = 20_000
_READINGS: dict[str, str] = {}


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


#: A credit line citing the source it renders (本文译自…, 编译自…, 原文来自…, 来源：…): its names are the source's.
CITES_SOURCE = re.compile(r"译自|譯自|编译自|編譯自|原文来自|原文來自|来源[:：]|來源[:：]|原文[:：]")


def tie_names(text: str, claims: pd.DataFrame, part_of: list[str], covered: bytearray,
              english: dict[Identity, list[tuple[int, int, str, str, bool]]], tokenizer: Tokenizer, *,
              stoplist: frozenset[str] | None = None, places: frozenset[str] = frozenset(),
              cuts: SentenceCuts | None = None, written_in_chinese: frozenset[str] = frozenset()) -> list[tuple]:
    """Mention rows (start, end, surface, entity, org, type, evidence) for the Chinese names tied to ``english``.

    ``english``: an organisation's identity (entity, org, type) → the places it is named, as (start, end, surface,
    part, whether the surface names the organisation itself rather than one of its models or products); ``covered``
    marks the characters other mentions hold; ``cuts``: the document's one cut of each sentence by ``tokenizer``
    (``SentenceCuts``), read for the sentences' names (a bracketed name is cut by ``tokenizer``: no sentence);
    ``written_in_chinese``: the gazetteer's entities that have a Chinese name (``translated_rows`` ties none of them).
    """
    stoplist = load_zh_stoplist() if stoplist is None else stoplist
    starts, ends = column(claims, "start").tolist(), column(claims, "end").tolist()
    sentences = [(s, e) for s, e in zip(starts, ends) if part_of[s] in ("zh", "en")]
    zh_sentences = [(s, e) for s, e in sentences if part_of[s] == "zh"]
    names = chinese_names(text, zh_sentences, cuts if cuts is not None else tokenizer, covered, stoplist, places)
    for name, found in bracketed_names(text, zh_sentences, english, covered, stoplist, places, tokenizer).items():
        names.setdefault(name, found)
    if not english:
        return []
    taken = bytearray(covered)
    rows = _tied_by_evidence(text, names, english, sentences, zh_sentences, part_of, taken) if names else []
    rows += _short_forms(text, rows, names, zh_sentences, taken, tokenizer, stoplist)
    tied = {(entity, org, kind) for _, _, _, entity, org, kind, _ in rows}
    alone = _untied_english(english, part_of, tied)
    if alone:
        found = transliterated_rows(text, zh_sentences, alone, taken, stoplist)
        rows += found
        # a transliterated name's head written alone (哈尔西恩 after 哈尔西恩实验室 ↔ Halcyon Labs), as for the others
        # the head before a Chinese organisation word, or before the English last word kept in Latin (赫利克斯AI)
        heads = {r[2]: [(r[0], r[1], r[2][: zh_org_word_re().search(r[2]).start()] if zh_org_word_re().search(r[2])
                         else r[2].rstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz. "))] for r in found
                 if zh_org_word_re().search(r[2]) or r[2][-1:].isascii()}
        rows += _short_forms(text, found, heads, zh_sentences, taken, tokenizer, stoplist)
        alone = {identity: name for identity, name in alone.items()
                 if identity not in {(entity, org, kind) for _, _, _, entity, org, kind, _ in found}}
    if alone:
        # the weak 'translated' tie reads content only: a site's or account's name on a byline line (芯事研究所 in
        # '原创 芯事研究所 2026-…') is the publisher's, never a translation of a source the English names (bilingual review round 15)
        # (a credit that cites the source, 本文译自明川研究院的英文公告, names it: kept)
        parts = claims["part"].tolist() if "part" in claims.columns else [""] * len(starts)
        zh_content = [(s, e) for s, e, p in zip(starts, ends, parts)
                      if part_of[s] == "zh" and (p != "noncontent" or CITES_SOURCE.search(text, s, e))]
        rows += translated_rows(text, zh_content, [(s, e) for s, e in sentences if part_of[s] == "en"], alone,
                                english, taken, cuts if cuts is not None else tokenizer, stoplist, places,
                                written_in_chinese)
    return rows


def _short_forms(text: str, rows: list[tuple], names: dict[str, list[tuple[int, int, str]]],
                 zh_sentences: list[tuple[int, int]], taken: bytearray, tokenizer, stoplist: frozenset[str]) -> list[tuple]:
    """Rows for a tied name's head written alone (維睿 after 維睿科技（Veridane Systems）): a news report names a
    company in full once, then by its head. Only a coined head (the tokenizer cuts it into single characters, as it
    cuts no word of the dictionary) of two characters or more, not on the stoplist; ``taken`` is updated.

    >>> from helpers.tables.entities import tokenizer_for
    >>> text = "维睿科技（Veridane）公布财报。维睿表示需求强劲。"
    >>> rows = [(0, 4, "维睿科技", "veridane", "Veridane", "discovered", "tied_paired:Veridane")]
    >>> [(r[0], r[2]) for r in _short_forms(text, rows, {"维睿科技": [(0, 4, "维睿")]}, [(0, len(text))],
    ...                                     bytearray(b"\x01" * 4 + bytes(len(text) - 4)), tokenizer_for(), frozenset())]
    [(19, '维睿')]
    """
    out, done = [], set()
    for start, end, name, entity, org, kind, evidence in rows:
        places_ = names.get(name)
        if not places_ or name in done:  # a name's rows come from one evidence: its head is read once
            continue
        done.add(name)
        head = places_[0][2]
        # a coined head: cut into single characters, made of transliteration characters only (赫利克斯: cut 赫利/克斯),
        # or read back as the tied English name's first word (哈尔西恩 ↔ Halcyon: the dictionary may hold a
        # transliteration's first characters as a word)
        phonetic = all(ch in load_transliteration() for ch in head)
        coined = len(tokenizer.cut(head)) == len(head) or phonetic or transliterates(
            head, (org or "").split()[0] if org else "")
        # or a calque of three characters or more that the text itself pairs with the English name in brackets
        # (子午线实验室（Meridian Labs）, then 子午线 'meridian' alone: bilingual review round 20); a two-character word
        # of the dictionary so paired (北辰 'north star') stays a word
        coined = coined or (evidence.startswith(f"{EVIDENCE_TIED}_{HOW_PAIRED}:") and len(head) >= 3)
        if len(head) < 2 or head == name or head in stoplist or not coined:
            continue
        for s, e in zh_sentences:
            at = text.find(head, s, e)
            while at != -1:
                if not any(taken[at:at + len(head)]):
                    taken[at:at + len(head)] = b"\x01" * len(head)
                    out.append((at, at + len(head), head, entity, org, kind, evidence))
                at = text.find(head, at + len(head), e)
    return out


def _tied_by_evidence(text: str, names: dict[str, list[tuple[int, int, str]]],
                      english: dict[Identity, list[tuple[int, int, str, str, bool]]], sentences: list[tuple[int, int]],
                      zh_sentences: list[tuple[int, int]], part_of: list[str], taken: bytearray) -> list[tuple]:
    """The rows of the Chinese names found by suffix or brackets that pinyin, a pairing or a sentence pair ties to one
    English name (``HOW_PINYIN``, ``HOW_PAIRED``, ``HOW_SENTENCE``, tried in that order); ``taken`` is updated."""
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


def _untied_english(english: dict[Identity, list[tuple[int, int, str, str, bool]]], part_of: list[str],
                    tied: set[Identity]) -> dict[Identity, str]:
    """The organisations named in Latin letters in the English only, that no Chinese name is tied to yet: identity ->
    the name as the English writes it for the organisation itself (its longest such form)."""
    out = {}
    for identity, places in english.items():
        if identity in tied or any(part_of[s] == "zh" for s, _, _, _, _ in places):
            continue
        own = [surface for _, _, surface, _, itself in places if itself and LATIN_RE.match(surface[:1])]
        if own:
            out[identity] = max(own, key=len)
    return out


def _renders(word: str, name: str, zh_words: dict[str, tuple[tuple[str, ...], bool]]) -> bool:
    """Whether the Chinese organisation word ``word`` renders the word that ends the English ``name`` (资本 and "Bluestone
    Capital"); a one-word name has none to render, so any word may stand for it (维尔莫拉公司 and Velmora)."""
    if " " not in name.strip():
        return True
    english = zh_words.get(word, ((), False))[0]
    return any(name.endswith(" " + w) for w in english)


def _occurrences_in(text: str, spans: list[tuple[int, int]], name: str, taken: bytearray) -> list[tuple[int, int]]:
    return [(s + i, s + i + len(name)) for s, e in spans for i in _occurrences(text[s:e], name)
            if not any(taken[s + i : s + i + len(name)])]


def transliterated_rows(text: str, zh_spans: list[tuple[int, int]], alone: dict[Identity, str], taken: bytearray,
                        stoplist: frozenset[str]) -> list[tuple]:
    """Mention rows for the Chinese names whose head transliterates an English organisation's first word and whose
    organisation word renders its last (``HOW_TRANSLITERATED``): 科瓦兰能源 ↔ Korvalan Energy. The head is the longest
    run of Han characters, back from the word, that reads as those letters; a Chinese name two English names could be,
    or an English name two Chinese names could be, is tied to neither. ``taken`` is updated.

    >>> text = "科瓦兰能源周三表示，据泰斯莫尔集团披露。Korvalan Energy said. According to Tessmore Group."
    >>> alone = {("k", "Korvalan Energy", "discovered"): "Korvalan Energy", ("t", "Tessmore Group", "discovered"): "Tessmore Group"}
    >>> sorted((r[0], r[2], r[6]) for r in transliterated_rows(text, [(0, 21)], alone, bytearray(len(text)), frozenset()))
    [(0, '科瓦兰能源', 'tied_transliterated:Korvalan Energy'), (11, '泰斯莫尔集团', 'tied_transliterated:Tessmore Group')]
    """
    zh_words, table = load_zh_org_words(), load_transliteration()
    heads = {identity: name.split(" ")[0] for identity, name in alone.items()
             if len(letters(name.split(" ")[0])) >= MIN_PINYIN_LETTERS}
    if not heads:
        return []
    claims: dict[str, set[Identity]] = defaultdict(set)  # Chinese name -> the English names it could be
    for start, end in zh_spans:
        for match in zh_org_word_re().finditer(text, start, end):
            run_start = match.start()
            while run_start > max(start, match.start() - MAX_TRANSLITERATED_CHARS) and \
                    HAN_RUN.fullmatch(text[run_start - 1]) and text[run_start - 1] in table and not taken[run_start - 1]:
                run_start -= 1
            for head_start in range(run_start, match.start() - 1):  # the longest run first
                head = text[head_start : match.start()]
                if head in stoplist:
                    continue
                partners = {identity for identity, first in heads.items()
                            if _renders(match.group(), alone[identity], zh_words) and transliterates(head, first, table)}
                if partners:
                    claims[head + match.group()] |= partners
                    break
    # the English name's own last word kept in Latin letters after the transliterated head (拉克斯珀AI ↔ Larkspur AI)
    for identity, first in heads.items():
        words = [w.strip(",.") for w in alone[identity].split(" ")]
        if len(words) < 2 or not words[1].isascii() or len(words[1]) < 2:
            continue
        for start, end in zh_spans:
            at = text.find(words[1], start, end)
            while at != -1:
                run_start = at
                while run_start > max(start, at - MAX_TRANSLITERATED_CHARS) and HAN_RUN.fullmatch(text[run_start - 1]) \
                        and text[run_start - 1] in table and not taken[run_start - 1]:
                    run_start -= 1
                for head_start in range(run_start, at - 1):
                    head = text[head_start:at]
                    if head not in stoplist and transliterates(head, first, table):
                        claims[head + words[1]].add(identity)
                        break
                at = text.find(words[1], at + 1, end)
    return _tied_once(text, zh_spans, claims, alone, taken, HOW_TRANSLITERATED)


def _tied_once(text: str, zh_spans: list[tuple[int, int]], claims: dict[str, set[Identity]], alone: dict[Identity, str],
               taken: bytearray, how: str) -> list[tuple]:
    """Rows for each Chinese name one English name claims and that claims it alone, at every place the Chinese writes it."""
    claimed_by: dict[Identity, set[str]] = defaultdict(set)
    for name, partners in claims.items():
        for identity in partners:
            claimed_by[identity].add(name)
    rows = []
    for name, partners in sorted(claims.items()):
        if len(partners) != 1 or len(claimed_by[next(iter(partners))]) != 1:
            continue
        identity = next(iter(partners))
        entity, org, kind = identity
        for start, end in _occurrences_in(text, zh_spans, name, taken):
            taken[start:end] = b"\x01" * (end - start)
            rows.append((start, end, name, entity, org, kind, f"{EVIDENCE_TIED}_{how}:{alone[identity]}"))
    return rows


def translated_rows(text: str, zh_spans: list[tuple[int, int]], en_spans: list[tuple[int, int]],
                    alone: dict[Identity, str], english: dict[Identity, list[tuple[int, int, str, str, bool]]],
                    taken: bytearray, tokenizer: Tokenizer | SentenceCuts, stoplist: frozenset[str],
                    places: frozenset[str], written_in_chinese: frozenset[str] = frozenset()) -> list[tuple]:
    """Mention rows for the Chinese names that translate an English organisation's name (``HOW_TRANSLATED``: 明川研究院 ↔
    Brightriver Institute): the Chinese name's organisation word renders the last word of the English name, that English
    name is the only one left untied that it could render and the Chinese name the only one left that could render it,
    and each is first named at about the same place in its version (``MAX_POSITION_GAP``). ``taken`` is updated."""
    zh_words = load_zh_org_words()
    # a name the gazetteer already gives in Chinese is written that way by a translation: the weak 'translated' rule
    # ties only names the gazetteer has no Chinese for (discovered ones, or listed without name_zh)
    named = {identity: name for identity, name in alone.items() if " " in name.strip()
             and identity[0] not in written_in_chinese}
    if not named or not zh_spans or not en_spans:
        return []
    names = chinese_names(text, zh_spans, tokenizer, taken, stoplist, places, zh_org_word_re())
    zh_from, zh_to = zh_spans[0][0], zh_spans[-1][1]
    en_from, en_to = en_spans[0][0], en_spans[-1][1]
    first_en = {identity: min(s for s, *_ in english[identity]) for identity in named}
    claims: dict[str, set[Identity]] = defaultdict(set)
    for name, found in names.items():
        word = zh_org_word_re().search(name, len(found[0][2]))
        if word is None or word.end() != len(name):
            continue
        at = (found[0][0] - zh_from) / max(zh_to - zh_from, 1)
        for identity, en_name in named.items():
            en_at = (first_en[identity] - en_from) / max(en_to - en_from, 1)
            if _renders(word.group(), en_name, zh_words) and abs(at - en_at) <= MAX_POSITION_GAP:
                claims[name].add(identity)
    return _tied_once(text, zh_spans, claims, alone, taken, HOW_TRANSLATED)
