"""Align the Chinese commentary to the English original it summarises, sentence to paragraph.

Method (the answer to "which English paragraph does this Chinese sentence draw on, if any?"):

1. Evidence, in both directions. Each Chinese sentence becomes a bag of *concepts*: a jieba word glossed
   through CC-CEDICT and the domain glossary (plus its pinyin, so 美团 meets "Meituan"), or a Latin word
   or number written inside the Chinese. An English paragraph is a bag of stemmed content words plus
   their Chinese renderings from ECDICT (``helpers.align.ecdict``: "technical" → 技术, "top" → 最高), which a
   Chinese word meets as itself. A concept matches a paragraph when one of its renderings occurs there,
   and weighs the IDF (over the English paragraphs) of the rarest rendering found. ``coverage`` =
   matched weight / the sentence's weight. An English heading and the paragraph after it are one unit.
2. Standardising. Each sentence's coverages are turned into z-scores across the paragraphs, and a
   link must clear both a raw floor (``min_coverage``) and a standardised bar (``z_threshold``);
   the z bar is capped by what a source of that many paragraphs can reach, so it transfers from a
   long essay to a short licence.
3. Order. A monotone Viterbi pass over the sentences in reading order: a link earns its gain
   (how far it clears the bars), leaving a sentence unlinked earns 0 (an aside), moving forward in
   the source is free (summaries skip whole sections), moving back costs (``back_jump_cost`` +
   ``back_step_cost`` per paragraph), and an *excursion* — a link that does not move the reading
   position, for the one sentence that cites the end of the essay early — costs ``excursion_cost``.
   A weak chain cannot beat a strong local match: every link pays its own way.
4. Inside the chosen paragraph, the sentence links to the English sentence(s) that cover it best.

Relations in the result: ``summarises`` (a Chinese sentence linked to one English sentence),
``one-to-many`` (linked to several English sentences of the paragraph; one row each), ``addition``
(no English sentence: en_claim_id is <NA>), ``omission`` (an English sentence no Chinese sentence
draws on: zh_claim_id is <NA>).

The stages, one module each, in the order they run: ``evidence`` (steps 1-2), ``decode`` (3), ``link`` (4), then
``evaluate`` (scoring against gold, and the length-only Gale–Church baseline). ``dictionary`` (CC-CEDICT under the
glossary) and ``ecdict`` (ECDICT) supply the evidence's two directions.
"""

from __future__ import annotations

import math
import re
import os
from dataclasses import dataclass, replace
from functools import lru_cache

import numpy as np
import pandas as pd

from ..columns import CONTENT_KINDS, PART_COMMENTARY, PART_ORIGINAL
from ..params import AlignParams
from ..tables.claims import find_cues
from ..tables.entities import tokenizer_for
from ..patterns import ENDS_SENTENCE, ENUMERATOR_NUMBER, HAN, OUTLINE_ENUMERATOR
from ..text.segment import Tokenizer
from ..text.reader import InputError
from ..vocab import CueMatcher, load_cues
from .dictionary import Dictionary, default_dictionary, load_zh_idf, tokenize_en
from .ecdict import EnglishChinese, default_ecdict
from .kind import own_reporting, reports_source
from .numbers import chinese_number_terms, mask_numbers, number_terms, rounded_terms

ZH_TERM = "zh:"  # prefix of a Chinese term in an English term set (ECDICT renderings), so it never meets an English stem
SCORE_COLUMNS = ["zh_claim_id", "en_block_id", "coverage", "z", "gain"]


#: British -ise spellings (subsidises, organisation, optimised) as the -ize the dictionary's glosses use (subsidize):
#: folded on both sides before stemming (bilingual review round 15: 补贴 'subsidize' missed "Who subsidises?").
BRITISH_ISE = re.compile(r"(?<=[a-z]{3})is(e|es|ed|ing|ation|ations|er|ers)$")


@lru_cache(maxsize=None)
def _stem(word: str) -> str:
    return _porter().stem(BRITISH_ISE.sub(r"iz\1", word))


@lru_cache(maxsize=1)
def _porter():
    return porter_class()()


def porter_class():
    """NLTK's ``PorterStemmer``, its own module loaded without running ``nltk/__init__``: that imports most of NLTK
    (its corpora readers, parsers, metrics: half a second a process, on the report's way to its first notebook) and
    the stemmer needs none of it, only its module and the three small ones it imports. The package's two folders stand
    in as bare packages while those load, then are removed, so that a later ``import nltk`` runs NLTK's own
    ``__init__`` (which reuses the modules loaded here: the same class). Where that cannot be done, the ordinary
    import."""
    import importlib
    import importlib.util
    import sys
    import types

    if "nltk" not in sys.modules and "nltk.stem" not in sys.modules:
        try:
            spec = importlib.util.find_spec("nltk")
            folders = list(spec.submodule_search_locations or ()) if spec is not None else []
        except (ImportError, ValueError):
            folders = []
        if folders:
            stand_ins = {}
            for name, path in (("nltk", folders[0]), ("nltk.stem", os.path.join(folders[0], "stem"))):
                stand_ins[name] = types.ModuleType(name)
                stand_ins[name].__path__ = [path]
            sys.modules.update(stand_ins)
            try:
                return importlib.import_module("nltk.stem.porter").PorterStemmer
            except Exception:  # noqa: BLE001 - the ordinary import below says what is wrong
                for name in [n for n in sys.modules if n.startswith("nltk.")]:
                    del sys.modules[name]
            finally:
                for name, module in stand_ins.items():
                    if sys.modules.get(name) is module:
                        del sys.modules[name]
    from nltk.stem.porter import PorterStemmer  # heavy: loaded on the first stem, not on import

    return PorterStemmer


@lru_cache(maxsize=None)
def _pinyin(word: str) -> str:
    from pypinyin import lazy_pinyin

    return "".join(lazy_pinyin(word))


class EnglishTerms:
    """The terms of English text: stemmed content words (``"Nvidia chips are scarce"`` → nvidia, chip, scarc), plus
    (with ECDICT) the Chinese words rendering them, prefixed ``zh:`` (``"technical"`` → ``technic``, ``zh:技术上``,
    ``zh:技术``…). Renderings are cut by jieba so a Chinese word meets a rendering that holds it; trailing 的/地 are
    dropped. Memoised per word."""

    def __init__(self, en_zh: EnglishChinese | None = None, per_sense: int = 2, tokenizer: Tokenizer | None = None):
        self.en_zh = en_zh if per_sense > 0 else None
        self.per_sense = per_sense
        self.tokenizer = tokenizer or tokenizer_for()
        self._memo: dict[str, frozenset[str]] = {}

    def of_word(self, word: str) -> frozenset[str]:
        terms = self._memo.get(word)
        if terms is None:
            found = {_stem(word)}
            if self.en_zh is not None:
                for rendering in self.en_zh.renderings(word, self.per_sense):
                    rendering = rendering.rstrip("的地")
                    if len(rendering) >= 2:
                        found.add(ZH_TERM + rendering)
                    found.update(ZH_TERM + w for w in self.tokenizer.cut(rendering) if len(w) >= 2)
            terms = self._memo[word] = frozenset(found)
        return terms

    def __call__(self, text: str) -> set[str]:
        # "16 million" → #16000000, met by 1600万; and its round figure, met by a Chinese round one (近1600万)
        terms: set[str] = number_terms(text) | rounded_terms(text)
        for word in tokenize_en(text):
            terms |= self.of_word(word)
        return terms


def zh_concepts(text: str, dictionary: Dictionary, params: AlignParams = AlignParams(),
                tokenizer: Tokenizer | None = None, *, own_numbering: bool = False) -> list[tuple[str, frozenset[str], float]]:
    """The concepts of a Chinese sentence: ``(key, stemmed renderings, weight factor)``, one per distinct word,
    its words cut by ``tokenizer`` (default: the reference vocabulary's, which keeps 美团 whole). ``own_numbering``:
    the sentence's opening enumerator ('3. ', '2、', '四、') is the writer's own outline, not a number of the claim, so
    it is no concept (in a summary; a translation's numbering renders the source's).

    >>> [key for key, _, _ in zh_concepts("美团缺 Nvidia 芯片", default_dictionary())]
    ['nvidia', '美团', '缺', '芯片']
    >>> [key for key, _, _ in zh_concepts("3. 芯片", default_dictionary(), own_numbering=True)]
    ['芯片']
    """
    tokenizer = tokenizer or tokenizer_for()
    concepts: dict[str, tuple[str, frozenset[str], float]] = {}
    enumerator = (ENUMERATOR_NUMBER.match(text) or OUTLINE_ENUMERATOR.match(text)) if own_numbering else None
    if enumerator:  # blanked, same length: offsets are not read here, but the cut should see the rest as it was
        text = " " * enumerator.end() + text[enumerator.end():]
    if params.number_values:  # 2.4万 → #24000, one concept; its digits and unit are not read again as words
        for term in sorted(chinese_number_terms(text)):
            concepts[term] = (term, frozenset({term}), 1.0)
        text = mask_numbers(text)
    for word in tokenize_en(text):  # Latin names and numbers written inside the Chinese
        concepts.setdefault(word, (word, frozenset({_stem(word)}), 1.0))
    for word in tokenizer.han_words(text):
        if word in concepts:
            continue
        glosses = dictionary.gloss(word)
        if not glosses and word in dictionary.overridden:
            continue  # the glossary says: ignore this word
        renderings = {_stem(g) for g in glosses[: params.max_gloss_words]}
        if not renderings and len(word) >= 2:
            # jieba's word is not in the dictionary (很多, 科研机构): compose it from the words or characters inside
            parts = _known_parts(word, dictionary) if len(word) > 2 else []
            share = params.max_gloss_words if parts else max(1, params.max_gloss_words // 2)
            renderings = {_stem(g) for part in (parts or list(word)) for g in dictionary.gloss(part)[:share]}
        if params.use_pinyin and len(word) >= 2:
            renderings.add(_pinyin(word))
        if params.en_zh_senses > 0 and len(word) >= 2 and HAN.search(word):
            renderings.add(ZH_TERM + word)  # met by the English words ECDICT renders with it
            if len(word) > 2:
                renderings.update(ZH_TERM + part for part in _known_parts(word, dictionary))
        if renderings:
            factor = min(1.0, _zh_idf(word) / params.zh_idf_full) if params.zh_idf_full > 0 else 1.0
            if len(word) == 1:
                factor *= params.single_char_weight
            concepts[word] = (word, frozenset(renderings), factor)
    return list(concepts.values())


def _zh_idf(word: str) -> float:
    """jieba's IDF of ``word``; words it does not know count as rare (its median, about 12)."""
    return load_zh_idf().get(word, 12.0)


def _known_parts(word: str, dictionary: Dictionary) -> list[str]:
    """Greedy longest dictionary words (two characters or more) inside an unknown word."""
    parts, i = [], 0
    while i < len(word):
        for j in range(len(word), i + 1, -1):
            if word[i:j] in dictionary:
                parts.append(word[i:j])
                i = j
                break
        else:
            i += 1
    return parts


def content_units(claims: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The Chinese units (commentary content claims) and English units (original content claims), in reading order."""
    content = claims[claims["kind"].isin(CONTENT_KINDS)]
    zh = content[content["part"] == PART_COMMENTARY].sort_values("start", kind="stable")
    en = content[content["part"] == PART_ORIGINAL].sort_values("start", kind="stable")
    return zh, en


@dataclass
class Evidence:
    zh: pd.DataFrame
    en: pd.DataFrame
    blocks: list            # English block ids in reading order
    coverage: np.ndarray    # zh sentences × English paragraphs
    z: np.ndarray
    gain: np.ndarray        # > 0 where a link clears both bars
    concepts: list          # per zh sentence
    idf: dict
    marked: np.ndarray      # per zh sentence: a marked aside (no continuity bonus)
    terms: EnglishTerms     # how English text became terms (reused to pick sentences in a paragraph)
    params: AlignParams     # the parameters as calibrated to this document (``calibrate``)
    restart: np.ndarray | None = None  # per zh sentence: it opens a section of the writer's outline (a summary's
                                       # sections each read the source again: the decoder lets it link anywhere)
    anchors: np.ndarray | None = None  # per zh sentence: the English unit its Latin words, names or numbers single out
                                       # (``anchor_units``), or -1; the decoder lets it link there against the order
    translation: bool = False  # the document read as a translation (``is_translation``): its own bars, in strict order


def _mention_terms(mentions: pd.DataFrame | None) -> dict[int, set[str]]:
    """Canonical entity ids per claim, as extra shared terms (``ent:<id>``)."""
    if mentions is None or len(mentions) == 0 or "entity" not in mentions:
        return {}
    terms: dict[int, set[str]] = {}
    for claim_id, entity in zip(mentions["claim_id"], mentions["entity"]):
        if isinstance(entity, str) and entity:
            terms.setdefault(int(claim_id), set()).add(f"ent:{entity}")
    return terms


def _coverage(concepts_list: list, term_sets: list[set[str]], idf: dict, params: AlignParams) -> np.ndarray:
    """Share of each sentence's concept weight that each term set (paragraph or sentence) covers.

    A concept credits a term set once, with the IDF of its rarest rendering found there; an inverted index
    (term → the sets holding it) visits only the sets that hold a rendering. With ``params.term_once`` an English
    term credits a set for one word of the sentence only, the most informative word first: 和, 并, 与, 合作 and
    共同 all render "together", and one "together" in a paragraph is one word met, not five.
    """
    top_idf = max(idf.values(), default=1.0)
    m = len(term_sets)
    coverage = np.zeros((len(concepts_list), m))
    postings: dict[str, list[int]] = {}
    for k, terms in enumerate(term_sets):
        for term in terms:
            postings.setdefault(term, []).append(k)
    index = {term: np.asarray(ks, dtype=np.intp) for term, ks in postings.items()}
    credited = np.zeros(m, dtype=bool)
    for i, concepts in enumerate(concepts_list):
        total = params.evidence_prior * top_idf
        row = coverage[i]
        ranked = []
        for _key, renderings, factor in concepts:
            present = sorted(((idf[r], r) for r in renderings if r in idf), reverse=True)  # rarest rendering first
            if not present:
                total += factor * params.unmatched_weight * top_idf
                continue
            total += factor * present[0][0]
            ranked.append((factor * present[0][0], factor, present))
        if params.term_once:  # the most informative word takes an English term first; the next must find another
            ranked.sort(key=lambda item: -item[0])
        used: dict[str, np.ndarray] = {}  # per English term: the sets where a word of this sentence already took it
        for _best, factor, present in ranked:
            touched = []
            for weight, r in present:
                sets = index.get(r)
                if sets is None:
                    continue
                free = ~credited[sets]
                if params.term_once and r in used:
                    free &= ~used[r][sets]
                fresh = sets[free]
                if len(fresh):
                    row[fresh] += factor * weight
                    credited[fresh] = True
                    touched.append(fresh)
                    if params.term_once:
                        used.setdefault(r, np.zeros(m, dtype=bool))[fresh] = True
            for fresh in touched:
                credited[fresh] = False
        row /= total
    return coverage


def english_units(en: pd.DataFrame, join_headings: bool = True) -> np.ndarray:
    """The alignment unit of each English sentence: its paragraph's block id, or with ``join_headings`` the block id
    of the heading(s) right before it, so a heading and the paragraph it titles form one unit."""
    units, pending = [], None
    block_unit: dict[int, int] = {}
    for block_id, kind in zip(en["block_id"], en["kind"]):
        if block_id in block_unit:
            units.append(block_unit[block_id])
            continue
        unit = pending if pending is not None else int(block_id)
        pending = unit if join_headings and kind == "heading" else None
        block_unit[block_id] = unit
        units.append(unit)
    return np.asarray(units, dtype=int)


class AlignmentTooLarge(InputError):
    """A document beyond ``AlignParams.max_cells``; the message is one line naming the limit."""


def check_size(claims: pd.DataFrame, params: AlignParams = AlignParams()) -> tuple[int, int]:
    """(Chinese sentences, English sentences) to align; AlignmentTooLarge if their product exceeds ``max_cells``.

    Checked before any evidence is gathered, so a document too large is refused in one line, never
    by a MemoryError halfway through.
    """
    zh, en = content_units(claims)
    n, s = len(zh), len(en)
    if n * s > params.max_cells:
        raise AlignmentTooLarge(
            f"too large to align: {n:,} Chinese × {s:,} English sentences = {n * s:,} pairs, above the limit of "
            f"{params.max_cells:,} (AlignParams.max_cells: about 28 bytes of memory each); extract still reads it")
    return n, s


def length_ratio(zh: pd.DataFrame, en: pd.DataFrame) -> float:
    """Characters of the Chinese units over characters of the English ones (0 without English)."""
    english = int(en["text"].str.len().sum()) if len(en) else 0
    return int(zh["text"].str.len().sum()) / english if english else 0.0


def is_translation(zh: pd.DataFrame, en: pd.DataFrame, params: AlignParams = AlignParams(),
                   tokenizer: Tokenizer | None = None) -> bool:
    """True when the Chinese is about as long as a translation of the English (``translation_ratio``) and does not
    report its source in the third person (``kind.reports_source``: 作者说, 这篇文章; what the caveats read too, so the
    aligner and the pages agree on the kind): a commentary that retells its source at length, asides between, is read
    with a summary's bars, where the writer's own sentences pay to link.

    >>> units = lambda *texts: pd.DataFrame({"text": list(texts)})
    >>> is_translation(units("我们发布了新模型。"), units("We released a new model."))
    True
    >>> is_translation(units("新模型发布。"), units("We released a new model. " * 10))
    False
    >>> is_translation(units(*["作者说，他们发布了新模型。"] * 3), units("We released a new model. " * 2))
    False
    """
    return (length_ratio(zh, en) >= params.translation_ratio and not reports_source(zh, en, tokenizer)
            and not own_reporting(zh))


def calibrate(zh: pd.DataFrame, en: pd.DataFrame, params: AlignParams, translation: bool | None = None) -> AlignParams:
    """The parameters for this document: a translation's own bars (``translation_*``) replace the summary's.
    ``translation``: the kind when already read (``is_translation``)."""
    if not (is_translation(zh, en, params) if translation is None else translation):
        return params
    return replace(params, aside_penalty=params.translation_aside_penalty,
                   back_jump_cost=params.translation_back_jump_cost, excursion_cost=params.translation_excursion_cost)


def gather_evidence(claims: pd.DataFrame, mentions: pd.DataFrame | None, params: AlignParams,
                    dictionary: Dictionary | None = None, en_zh: EnglishChinese | None = None,
                    tokenizer: Tokenizer | None = None) -> Evidence:
    """Every score the decoder needs: coverage, z and gain per (Chinese sentence, English unit), and what built them."""
    check_size(claims, params)
    zh, en = content_units(claims)
    tokenizer = tokenizer or tokenizer_for()
    translation = is_translation(zh, en, params, tokenizer)
    params = calibrate(zh, en, params, translation)
    dictionary = dictionary or default_dictionary()
    if params.en_zh_senses > 0 and en_zh is None:
        en_zh = default_ecdict()
    english_terms = EnglishTerms(en_zh, params.en_zh_senses, tokenizer)
    en = en.assign(unit=english_units(en, params.join_headings))
    entity_terms = _mention_terms(mentions)
    blocks = list(dict.fromkeys(en["unit"].tolist()))
    block_index = {b: k for k, b in enumerate(blocks)}
    m = len(blocks)
    block_terms: list[set[str]] = [set() for _ in blocks]
    block_length = np.zeros(m)
    sentence_terms, sentence_block = [], []
    for claim_id, block_id, text in zip(en["claim_id"], en["unit"], en["text"]):
        terms = english_terms(text) | entity_terms.get(int(claim_id), set())
        sentence_terms.append(terms)
        sentence_block.append(block_index[block_id])
        block_terms[block_index[block_id]] |= terms
        block_length[block_index[block_id]] += len(tokenize_en(text))
    df: dict[str, int] = {}
    for terms in block_terms:
        for term in terms:
            df[term] = df.get(term, 0) + 1
    idf = {term: math.log(1.0 + m / count) for term, count in df.items()}
    median_length = float(np.median(block_length)) if m else 1.0
    length_norm = (np.maximum(block_length, 1.0) / max(median_length, 1.0)) ** params.length_exponent

    summary = not translation
    all_concepts = []
    for claim_id, text in zip(zh["claim_id"], zh["text"]):
        concepts = zh_concepts(text, dictionary, params, tokenizer, own_numbering=summary)
        for entity in sorted(entity_terms.get(int(claim_id), ())):
            concepts.append((entity, frozenset({entity}), 1.0))
        all_concepts.append(concepts)
    n = len(zh)
    if summary:
        all_concepts = discount_repeated(all_concepts, params.zh_full_share)
    own = _coverage(all_concepts, block_terms, idf, params) / (length_norm if m else 1.0)
    if params.sentence_mix > 0 and m:
        by_sentence = _coverage(all_concepts, sentence_terms, idf, params)
        best_sentence = np.zeros((n, m))
        for k, b in enumerate(sentence_block):
            best_sentence[:, b] = np.maximum(best_sentence[:, b], by_sentence[:, k])
        own = (1 - params.sentence_mix) * own + params.sentence_mix * best_sentence
    coverage = own
    if params.context_weight > 0 and n > 1:
        coverage = own + params.context_weight * _neighbour_coverage(own, zh, params.context_decay)
    z, gain = _gain(coverage, params)
    marked = aside_marked(zh, tokenizer) if len(zh) else np.zeros(0, dtype=bool)
    adjustment = np.zeros((n, 1))
    if "voice" in zh.columns and params.reported_bonus:
        adjustment += params.reported_bonus * (zh["voice"].to_numpy() == "reported")[:, None]
    if params.aside_penalty:
        adjustment -= params.aside_penalty * marked[:, None]
    elif translation and len(zh):  # a translation's 我们 is its source's; 说白了, 值得一提, a bracketed note are the writer's
        explicit = np.array([_explicit_aside(str(t), tokenizer) for t in zh["text"]], dtype=bool) & marked
        adjustment -= params.translation_marked_penalty * explicit[:, None]
    gain = gain + adjustment
    if len(zh):  # an editor's or translator's note (编者按：…) is theirs by its label: never a rendering of the English
        notes = note_sentences(zh)
        gain[notes, :] = np.minimum(gain[notes, :], NOTE_GAIN)
    restart = section_openings(zh) if len(zh) and summary else np.zeros(n, dtype=bool)
    anchors = (anchor_units(all_concepts, block_terms, df, coverage, gain, marked) if summary and params.anchor_pull
               else np.full(n, -1))
    return Evidence(zh=zh, en=en, blocks=blocks, coverage=coverage, z=z, gain=gain, concepts=all_concepts, idf=idf,
                     marked=marked, terms=english_terms, params=params, restart=restart, anchors=anchors,
                     translation=translation)


#: A summary's own repeated words are discounted only over this many sentences: fewer say too little about the rest.
MIN_SENTENCES_FOR_REPEATS = 8


def discount_repeated(concepts_list: list, full_share: float) -> list:
    """The concepts with each word's weight scaled by its IDF over the Chinese sentences themselves, in full up to
    ``full_share`` of them: a word a summary repeats in sentence after sentence (文件指出, 作者认为, its topic) says who
    speaks or what it is all about, not where in the source each sentence comes from (文件 'document' would meet the
    one English paragraph that says 'document'). Unchanged under ``MIN_SENTENCES_FOR_REPEATS`` sentences or a share of 0.

    >>> repeated = [[("文件", frozenset({"document"}), 1.0), (f"w{k}", frozenset({f"w{k}"}), 1.0)] for k in range(10)]
    >>> [round(f, 2) for _, _, f in discount_repeated(repeated, 0.2)[0]]
    [0.39, 1.0]
    """
    n = len(concepts_list)
    if full_share <= 0 or n < MIN_SENTENCES_FOR_REPEATS:
        return concepts_list
    df: dict[str, int] = {}
    for concepts in concepts_list:
        for key in {key for key, _, _ in concepts}:
            df[key] = df.get(key, 0) + 1
    full = math.log(1.0 + 1.0 / full_share)
    return [[(key, renderings, factor * min(1.0, math.log(1.0 + n / df[key]) / full)) for key, renderings, factor in concepts]
            for concepts in concepts_list]


def anchor_units(concepts_list: list, unit_terms: list[set[str]], df: dict[str, int], coverage: np.ndarray,
                 gain: np.ndarray, marked: np.ndarray) -> np.ndarray:
    """Per Chinese sentence, the English unit its anchors single out, or -1: the one unit holding every rendering of
    its Latin words, names and numbers that occur in one unit only (``df`` 1), when that unit also covers the sentence
    best of all, some link of the sentence clears the bars, and the sentence is not marked as the writer's own. Han
    words are no anchors: their renderings are glosses, a Latin word or a number is the source's own string.

    >>> anchor_units([[("loop", frozenset({"loop"}), 1.0)]], [{"loop"}, {"plan"}], {"loop": 1, "plan": 1},
    ...              np.array([[0.3, 0.1]]), np.array([[0.1, -0.1]]), np.array([False])).tolist()
    [0]
    """
    n, m = coverage.shape
    anchors = np.full(n, -1)
    if m < 2:
        return anchors
    for i, concepts in enumerate(concepts_list):
        if marked[i] or gain[i].max() <= 0:
            continue
        units: set[int] = set()
        for key, renderings, _factor in concepts:
            if HAN.search(key) or len(key) < 2:
                continue
            for rendering in renderings:
                if df.get(rendering) == 1:
                    units.update(k for k in range(m) if rendering in unit_terms[k])
        if len(units) == 1:
            k = units.pop()
            if k == int(np.argmax(coverage[i])):
                anchors[i] = k
    return anchors


def section_openings(zh: pd.DataFrame) -> np.ndarray:
    """True for each Chinese unit that opens a section of the writer's outline: the unit right after an outline
    heading (``outline_heading``; the title itself, a few words, would meet a paragraph anywhere by chance). A
    translation follows its source in order and is not asked."""
    kinds = zh["kind"].tolist() if "kind" in zh.columns else [""] * len(zh)
    heading = np.array([outline_heading(text, kind) for text, kind in zip(zh["text"], kinds)], dtype=bool)
    labelled = np.array([outline_label(text) for text in zh["text"]], dtype=bool)
    return (np.concatenate([[False], heading[:-1]]) & ~heading) | labelled


#: An outline label run into its sentence ('摘要：…', 'TL;DR: …') is at most this long before its colon.
OUTLINE_LABEL_MAX_CHARS = 8


def outline_label(text: str) -> bool:
    """True for a sentence that opens with a label of the writer's outline and a colon ('摘要：最近…', 'Summary: …'):
    the section title written on the sentence's own line, so the sentence opens a section as one after a title does.

    >>> outline_label("摘要：最近一份文件流传。"), outline_label("文件指出：模型很强。")
    (True, False)
    """
    core = text.lstrip()
    colon = min((i for i in (core.find("："), core.find(":")) if i > 0), default=-1)
    if colon < 0 or colon > OUTLINE_LABEL_MAX_CHARS or not core[colon + 1:].strip():
        return False
    return bool(find_cues(core[:colon], "outline"))


def _gain(coverage: np.ndarray, params: AlignParams) -> tuple[np.ndarray, np.ndarray]:
    """Standardised scores and gains: how far each link clears the stricter of its two bars, in coverage units."""
    m = coverage.shape[1]
    if m < 2:
        return np.zeros_like(coverage), coverage - params.min_coverage
    std = np.maximum(coverage.std(axis=1, keepdims=True), 1e-3)
    z = (coverage - coverage.mean(axis=1, keepdims=True)) / std
    z_bar = min(params.z_threshold, params.z_cap_share * math.sqrt(m - 1))
    return z, np.minimum(coverage - params.min_coverage, (z - z_bar) * std)


def chinese_sections(zh: pd.DataFrame) -> np.ndarray:
    """Section number of each Chinese unit: a new section opens at every heading or list item."""
    return np.cumsum(zh["kind"].isin(["heading", "list_item"]).to_numpy())


def _neighbour_coverage(coverage: np.ndarray, zh: pd.DataFrame, decay: float) -> np.ndarray:
    """Each sentence's neighbours' coverage (same Chinese section), weighted decay ** distance and normalised."""
    sections = chinese_sections(zh)
    n = len(sections)
    distance = np.abs(np.arange(n)[:, None] - np.arange(n)[None, :])
    weights = np.where((sections[:, None] == sections[None, :]) & (distance > 0), decay ** distance, 0.0)
    totals = weights.sum(axis=1, keepdims=True)
    return np.divide(weights @ coverage, totals, out=np.zeros_like(coverage), where=totals > 0)


#: A line of the Chinese writer's outline (a section title: '三、要点总结', 'TL;DR') is at most this long.
OUTLINE_HEADING_MAX_CHARS = 30


def outline_heading(text: str, kind: str) -> bool:
    """A section title of the Chinese version: short, not a sentence, and a heading or numbered as one ('四、…').

    >>> outline_heading("四、误区与反模式", "list_item"), outline_heading("1. 模型很强。", "list_item")
    (True, False)
    """
    core = text.strip()
    if not core or len(core) > OUTLINE_HEADING_MAX_CHARS or ENDS_SENTENCE.search(core):
        return False
    return kind == "heading" or bool(OUTLINE_ENUMERATOR.match(core))


@lru_cache(maxsize=None)
def _note_labels() -> CueMatcher:
    """The 'note_label' cues of cues.csv: 编译者注, 编后语, Editor's note."""
    cues = load_cues()
    return CueMatcher(cues[cues["category"] == "note_label"], "category")


#: The gain of a note's sentence with every English paragraph: below any link's.
NOTE_GAIN = -1.0
#: A note's label opens its sentence: it starts within this many characters (a bracket or a mark before it: 【编者注】).
NOTE_LABEL_OPENING_CHARS = 2


def opens_note(text: str) -> bool:
    """Whether the sentence opens with an editor's or translator's note label ('note_label' cues) then a colon or a
    closing bracket.

    >>> opens_note("编译者注：从这次访谈来看，她很务实。"), opens_note("【编者注】以下为原文。"), opens_note("他在编者注里说过。")
    (True, True, False)
    >>> opens_note("Editor's note: this interview was condensed.")
    True
    """
    return any(start <= NOTE_LABEL_OPENING_CHARS and re.match(r"\s*\d{0,3}\s*[:：】\]]", text[end:])
               for start, end, _ in _note_labels().find(text))


def note_sentences(zh: pd.DataFrame) -> np.ndarray:
    """True for each sentence of an editor's or translator's note: the one that opens with its label (``opens_note``)
    and the rest of its paragraph, or, for a bracketed note ('（译者注：…。…。）'), the sentences up to the one that
    closes its bracket (bilingual review round 10: a note's second sentence was linked to the English and labelled).

    >>> zh = pd.DataFrame({"block_id": [1, 1, 1, 2, 2], "text": ["（译者注：此段未译出。", "原文也没说明。）", "下文照译。",
    ...                                                        "编者按：本文有删节。", "观点仅代表作者。"]})
    >>> note_sentences(zh).tolist()
    [True, True, False, True, True]
    """
    notes = np.zeros(len(zh), dtype=bool)
    blocks = zh["block_id"].tolist() if "block_id" in zh.columns else list(range(len(zh)))
    open_block, depth = None, 0
    for k, (block, text) in enumerate(zip(blocks, zh["text"].astype(str))):
        balance = text.count("（") + text.count("(") - text.count("）") - text.count(")")
        if opens_note(text):
            notes[k] = True
            bracketed = text.lstrip()[:1] in "(（"
            open_block, depth = block, (balance if bracketed else None)
            if bracketed and balance <= 0:
                open_block = None  # a bracketed note closed in its own sentence
        elif open_block is not None and block == open_block:
            notes[k] = True
            if depth is not None:
                depth += balance
                if depth <= 0:
                    open_block = None
        else:
            open_block = None
    return notes


#: First-person aside cues a translation renders from its source ("we", "I think"): no mark of the translator's.
FIRST_PERSON_ASIDES = {"我们", "咱们", "下面我们", "接下来我们", "我认为", "我觉得", "在我看来", "我个人", "我的看法"}


def _explicit_aside(text: str, tokenizer: Tokenizer) -> bool:
    """A bracketed sentence, or one carrying an 'aside' cue other than a first-person one."""
    core = text.strip().rstrip("。.!！?？;；")
    if core[:1] in "(（" and core[-1:] in ")）":
        return True
    unanchored = NOTE_ANCHOR.sub(" ", text)
    return any(cue not in FIRST_PERSON_ASIDES and cue in unanchored
               for cue in find_cues(text, "aside", tokens=tokenizer.tokenize(text)))


QUOTED_SPAN = re.compile(r"“[^”]*”|「[^」]*」|\"[^\"]*\"")
#: A numbered note's anchor inside a translated sentence ('[译者注1]', '（注2）', '【编者注3】'): it points to the note, it
#: is not the note; the sentence carrying it is the source's, not the translator's aside.
NOTE_ANCHOR = re.compile(r"[\[【［(（]\s*(?:译者注|譯者注|译注|譯注|编者注|編者注|编注|編注|注)\s*\d{1,3}\s*[\]】］)）]")


def aside_marked(zh: pd.DataFrame, tokenizer: Tokenizer | None = None) -> np.ndarray:
    """True for the commentator's marked asides: an 'aside' cue (cues.csv: the writer's own voice and meta-comment,
    本篇…, 为避免重复…), a wholly bracketed sentence, a sentence that follows a marked one in the same paragraph
    without attributing anything to the author; and the writer's outline: a section title carrying an 'outline' cue
    (摘要, 要点总结, TL;DR: the writer's own structure, no English heading's), and every sentence of a section whose
    title carries an 'own_section' cue (理论推演, 实践清单, 建议: the writer's own reasoning, checklists, proposals)
    up to the next section title.
    """
    marked = np.zeros(len(zh), dtype=bool)
    previous_block, previous_marked = None, False
    voices = zh["voice"].tolist() if "voice" in zh.columns else [""] * len(zh)
    kinds = zh["kind"].tolist() if "kind" in zh.columns else [""] * len(zh)
    tokenizer = tokenizer or tokenizer_for()
    own_section = False
    for k, (block_id, text, voice, kind) in enumerate(zip(zh["block_id"], zh["text"], voices, kinds)):
        tokens = tokenizer.tokenize(text)
        core = text.strip().rstrip("。.!！?？;；")
        opened = core[:1] in "(（"
        # a wholly bracketed sentence, or one that opens a bracket it does not close: the first of a bracketed note
        # that runs over several sentences (（背景：…。…。）)
        bracketed = opened and (core[-1:] in ")）" or core.count("（") + core.count("(") > core.count("）") + core.count(")"))
        # a cue inside a quotation is the quoted speaker's ('"过去我们……"'), not the writer's own voice
        # (the sentence's own cut is read, and a cue counts where it stands outside the quotation: no other text is cut)
        unquoted = NOTE_ANCHOR.sub(" ", QUOTED_SPAN.sub(" ", text))
        cued = any(cue in unquoted for cue in find_cues(text, "aside", tokens=tokens))
        # a short label of its own block ending in a colon ('编辑部实测：') heads what follows as a title does
        label_line = block_id != previous_block and len(core) <= OUTLINE_HEADING_MAX_CHARS and core[-1:] in ":：" \
            and (k + 1 >= len(zh) or zh["block_id"].iloc[k + 1] != block_id)
        if outline_heading(text, kind) or label_line:
            own_section = bool(find_cues(text, "own_section", tokens=tokens))
            cued = cued or own_section or bool(find_cues(text, "outline", tokens=tokens))
        inherited = (block_id == previous_block and previous_marked) or own_section
        marked[k] = (cued or bracketed or inherited) and voice != "reported"
        previous_block, previous_marked = block_id, marked[k]
    return marked


def score_paragraphs(
    claims: pd.DataFrame,
    *,
    mentions: pd.DataFrame | None = None,
    params: AlignParams = AlignParams(),
    dictionary: Dictionary | None = None,
    en_zh: EnglishChinese | None = None,
    tokenizer: Tokenizer | None = None,
) -> pd.DataFrame:
    """Every (Chinese sentence, English paragraph) score: coverage, z and gain (> 0: the pair may link)."""
    evidence = gather_evidence(claims, mentions, params, dictionary, en_zh, tokenizer)
    n, m = evidence.coverage.shape
    return pd.DataFrame(
        {
            "zh_claim_id": np.repeat(evidence.zh["claim_id"].to_numpy(), m),
            "en_block_id": np.tile(np.asarray(evidence.blocks, dtype=int), n),
            "coverage": evidence.coverage.ravel(),
            "z": evidence.z.ravel(),
            "gain": evidence.gain.ravel(),
        },
        columns=SCORE_COLUMNS,
    )


