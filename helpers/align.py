"""Align the Chinese commentary to the English original it summarises, sentence to paragraph.

Method (the answer to "which English paragraph does this Chinese sentence draw on, if any?"):

1. Evidence, in both directions. Each Chinese sentence becomes a bag of *concepts*: a jieba word glossed
   through CC-CEDICT and the domain glossary (plus its pinyin, so 美团 meets "Meituan"), or a Latin word
   or number written inside the Chinese. An English paragraph is a bag of stemmed content words plus
   their Chinese renderings from ECDICT (``helpers.ecdict``: "technical" → 技术, "top" → 最高), which a
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
"""

from __future__ import annotations

import math
import re
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from .columns import ALIGNMENT_COLUMNS, CONTENT_KINDS, PART_COMMENTARY, PART_ORIGINAL
from .dictionary import Dictionary, default_dictionary, load_zh_idf, tokenize_en
from .ecdict import EnglishChinese, default_ecdict
from .segment import HAN, cut_zh

ZH_TERM = "zh:"  # prefix of a Chinese term in an English term set (ECDICT renderings), so it never meets an English stem
ADDITION, OMISSION, SUMMARISES, ONE_TO_MANY = "addition", "omission", "summarises", "one-to-many"
RELATIONS = [SUMMARISES, ONE_TO_MANY, ADDITION, OMISSION]
SCORE_COLUMNS = ["zh_claim_id", "en_block_id", "coverage", "z", "gain"]
GOLD_COLUMNS = ["zh_text", "en_anchor", "kind", "note"]
#: Gold kinds that restate a particular place in the source. The gold's other anchored kind, ``framing`` (the
#: commentator's thesis or verdict about the whole article), draws on the article at large: its anchors are the
#: annotator's nearest guesses, so it is scored apart.
SUMMARY_KINDS = ("summary", "heading")
WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class AlignParams:
    """Every threshold, weight and cost of the aligner, with the defaults used on both gold documents."""

    # evidence
    max_gloss_words: int = 4          # renderings kept per Chinese word: CC-CEDICT lists the common sense first, later
                                      # senses mostly add chance matches (办公 'business', 招商 'fund')
    single_char_weight: float = 0.5   # one-character words are ambiguous (说, 做, 会): they count this much less
    zh_idf_full: float = 6.0          # a Chinese word counts fully from this jieba IDF up (的 0.9, 中国 3.0, 芯片 9.0), less below
    evidence_prior: float = 1.0       # coverage = matched / (weight + this × top IDF): short sentences need more proof
    unmatched_weight: float = 0.5     # a concept found nowhere in the English weighs this share of the top IDF
    use_pinyin: bool = True           # 美团 → "meituan": names CC-CEDICT lacks or glosses as common nouns
    en_zh_senses: int = 2             # the other direction: each English word also carries its ECDICT renderings, this
                                      # many per part of speech ("technical" → 技术上的 → 技术), and a Chinese word
                                      # matches them by itself (0: off, CC-CEDICT's direction only)
    length_exponent: float = 0.35     # coverage is divided by (paragraph length / median length) ** this: a long
                                      # paragraph holds more words to meet by chance, the more so with ECDICT's
                                      # several renderings per English word (0.25 before them)
    sentence_mix: float = 0.2         # paragraph score = mix of its own coverage and its best sentence's (0: paragraph only)
    reverse_weight: float = 0.0       # coverage = mix of forward coverage (jieba words glossed) and reverse coverage: the
                                      # paragraph's terms that some dictionary word found anywhere in the sentence renders
                                      # (substrings: 科研机构 holds 科研, 机构), over the sentence's own reverse weight.
                                      # 0: off — tried at 0.2-1.0, it did not improve either gold document
    # link bars (a link must clear both)
    min_coverage: float = 0.16        # raw: share of the sentence's weight the paragraph covers
    z_threshold: float = 1.0          # standardised across the paragraphs, for this sentence ...
    z_cap_share: float = 0.45         # ... but never above this share of the z a lone hit could reach, sqrt(m - 1)
    # decoder
    skip_cost: float = 0.0            # moving forward past k paragraphs costs this × log(1 + k)
    back_jump_cost: float = 0.20      # moving back in the source at all
    back_step_cost: float = 0.01      # ... plus this per paragraph moved back
    excursion_cost: float = 0.20      # a link that leaves the reading position where it was
    continuity_bonus: float = 0.0     # added to a link that stays on the last paragraph or takes the next one
    reported_bonus: float = 0.10      # added to every link of a sentence in reported voice (作者认为…: claims' voice column)
    aside_penalty: float = 0.30       # taken from every link of a sentence marked as the commentator's aside (说白了, 咱们…:
                                      # cues.csv category 'aside'; a wholly bracketed sentence; or a later sentence of a
                                      # paragraph that a marked sentence opens)
    # context: a summary's neighbouring sentences of one Chinese section tend to draw on one place
    context_weight: float = 0.25      # share of the neighbours' coverage added to a sentence's own
    context_decay: float = 0.5        # a neighbour k sentences away weighs decay ** k
    section_weight: float = 0.0       # share of the sentence's section's pooled coverage added to its own (two-level alignment)
    context_gate: bool = False        # context moves a link but cannot create one: a sentence its own words leave unlinked stays so
    gate_penalty: float = 1.0         # ... precisely: such a sentence's links lose this much gain (1: it stays unlinked)
    # sentence links inside the chosen paragraph
    sentence_share: float = 0.6       # link every English sentence covering at least this share of the best one's coverage
    # units
    join_headings: bool = True        # an English heading joins the paragraph after it as one unit: a title is read with
                                      # what it titles, and a few words alone cannot outscore whole paragraphs


# ---- evidence -------------------------------------------------------------------------------

@lru_cache(maxsize=None)
def _stem(word: str) -> str:
    return _porter().stem(word)


@lru_cache(maxsize=1)
def _porter():
    from nltk.stem.porter import PorterStemmer

    return PorterStemmer()


@lru_cache(maxsize=None)
def _pinyin(word: str) -> str:
    from pypinyin import lazy_pinyin

    return "".join(lazy_pinyin(word))


class EnglishTerms:
    """The terms of English text: stemmed content words (``"Nvidia chips are scarce"`` → nvidia, chip, scarc), plus
    (with ECDICT) the Chinese words rendering them, prefixed ``zh:`` (``"technical"`` → ``technic``, ``zh:技术上``,
    ``zh:技术``…). Renderings are cut by jieba so a Chinese word meets a rendering that holds it; trailing 的/地 are
    dropped. Memoised per word."""

    def __init__(self, en_zh: EnglishChinese | None = None, per_sense: int = 2):
        self.en_zh = en_zh if per_sense > 0 else None
        self.per_sense = per_sense
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
                    found.update(ZH_TERM + w for w in cut_zh(rendering) if len(w) >= 2)
            terms = self._memo[word] = frozenset(found)
        return terms

    def __call__(self, text: str) -> set[str]:
        terms: set[str] = set()
        for word in tokenize_en(text):
            terms |= self.of_word(word)
        return terms


def zh_concepts(text: str, dictionary: Dictionary, params: AlignParams = AlignParams()) -> list[tuple[str, frozenset[str], float]]:
    """The concepts of a Chinese sentence: ``(key, stemmed renderings, weight factor)``, one per distinct word.

    >>> [key for key, _, _ in zh_concepts("美团缺 Nvidia 芯片", default_dictionary())]
    ['nvidia', '美团', '缺', '芯片']
    """
    concepts: dict[str, tuple[str, frozenset[str], float]] = {}
    for word in tokenize_en(text):  # Latin names and numbers written inside the Chinese
        concepts.setdefault(word, (word, frozenset({_stem(word)}), 1.0))
    for word in dictionary.tokenize(text):
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
class _Evidence:
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
    own_gain: np.ndarray | None = None  # gain from the sentence's own words alone (context_gate), else None


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
    (term → the sets holding it) visits only the sets that hold a rendering.
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
        for _key, renderings, factor in concepts:
            present = sorted(((idf[r], r) for r in renderings if r in idf), reverse=True)  # rarest rendering first
            if not present:
                total += factor * params.unmatched_weight * top_idf
                continue
            total += factor * present[0][0]
            touched = []
            for weight, r in present:
                sets = index.get(r)
                if sets is None:
                    continue
                fresh = sets[~credited[sets]]
                if len(fresh):
                    row[fresh] += factor * weight
                    credited[fresh] = True
                    touched.append(fresh)
            for fresh in touched:
                credited[fresh] = False
        row /= total
    return coverage


def _reverse_terms(text: str, concepts: list, dictionary: Dictionary, params: AlignParams) -> dict[str, float]:
    """The stemmed English words a Chinese sentence can render, each with its weight factor (the largest among the
    words rendering it): the renderings of every dictionary word of two characters or more found in the sentence as a
    substring, overlaps included (科研机构 → 科研, 机构), plus the forward concepts' non-Han renderings (Latin words,
    numbers, pinyin, entity ids).

    Equivalent to a reverse index (English stem → Chinese words rendering it) probed by substring, without building one.
    """
    terms: dict[str, float] = {}
    for word in dictionary.words_in(text):
        factor = min(1.0, _zh_idf(word) / params.zh_idf_full) if params.zh_idf_full > 0 else 1.0
        for gloss in dictionary.gloss(word)[: params.max_gloss_words]:
            stem = _stem(gloss)
            terms[stem] = max(terms.get(stem, 0.0), factor)
    for _key, renderings, factor in concepts:
        for r in renderings:
            if not HAN.search(r):
                terms[r] = max(terms.get(r, 0.0), factor)
    return terms


def _reverse_coverage(reverse: list[dict[str, float]], term_sets: list[set[str]], idf: dict, params: AlignParams) -> np.ndarray:
    """Reverse coverage: the IDF weight of each term set's English terms that the sentence can render (each term once),
    over the sentence's own reverse weight (every renderable term the English has anywhere, plus the evidence prior),
    so a long paragraph gains nothing from its length alone."""
    top_idf = max(idf.values(), default=1.0)
    out = np.zeros((len(reverse), len(term_sets)))
    for i, terms in enumerate(reverse):
        weighted = {t: f * idf[t] for t, f in terms.items() if t in idf}
        total = params.evidence_prior * top_idf + sum(weighted.values())
        for k, block in enumerate(term_sets):
            out[i, k] = sum(w for t, w in weighted.items() if t in block) / total
    return out


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


def _gather_evidence(claims: pd.DataFrame, mentions: pd.DataFrame | None, params: AlignParams,
                     dictionary: Dictionary | None = None, en_zh: EnglishChinese | None = None) -> _Evidence:
    zh, en = content_units(claims)
    dictionary = dictionary or default_dictionary()
    if params.en_zh_senses > 0 and en_zh is None:
        en_zh = default_ecdict()
    english_terms = EnglishTerms(en_zh, params.en_zh_senses)
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

    all_concepts = []
    for claim_id, text in zip(zh["claim_id"], zh["text"]):
        concepts = zh_concepts(text, dictionary, params)
        for entity in sorted(entity_terms.get(int(claim_id), ())):
            concepts.append((entity, frozenset({entity}), 1.0))
        all_concepts.append(concepts)
    n = len(zh)
    reverse = None
    if params.reverse_weight > 0 and m:
        reverse = [_reverse_terms(text, concepts, dictionary, params) for text, concepts in zip(zh["text"], all_concepts)]

    def scores(term_sets: list[set[str]]) -> np.ndarray:
        forward = _coverage(all_concepts, term_sets, idf, params)
        if reverse is None:
            return forward
        return (1 - params.reverse_weight) * forward + params.reverse_weight * _reverse_coverage(reverse, term_sets, idf, params)

    own = scores(block_terms) / (length_norm if m else 1.0)
    if params.sentence_mix > 0 and m:
        by_sentence = scores(sentence_terms)
        best_sentence = np.zeros((n, m))
        for k, b in enumerate(sentence_block):
            best_sentence[:, b] = np.maximum(best_sentence[:, b], by_sentence[:, k])
        own = (1 - params.sentence_mix) * own + params.sentence_mix * best_sentence
    coverage = own
    if params.context_weight > 0 and n > 1:
        coverage = own + params.context_weight * _neighbour_coverage(own, zh, params.context_decay)
    if params.section_weight > 0 and n > 1 and m:
        coverage = coverage + params.section_weight * _section_coverage(all_concepts, zh, block_terms, idf, params, length_norm)
    z, gain = _gain(coverage, params)
    own_gain = _gain(own, params)[1] if params.context_gate and coverage is not own else None
    marked = aside_marked(zh) if len(zh) else np.zeros(0, dtype=bool)
    adjustment = np.zeros((n, 1))
    if "voice" in zh.columns and params.reported_bonus:
        adjustment += params.reported_bonus * (zh["voice"].to_numpy() == "reported")[:, None]
    if params.aside_penalty:
        adjustment -= params.aside_penalty * marked[:, None]
    gain = gain + adjustment
    if own_gain is not None:
        own_gain = own_gain + adjustment
    return _Evidence(zh=zh, en=en, blocks=blocks, coverage=coverage, z=z, gain=gain, concepts=all_concepts, idf=idf,
                     marked=marked, own_gain=own_gain, terms=english_terms)


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


def _section_coverage(concepts_list: list, zh: pd.DataFrame, block_terms: list, idf: dict, params: AlignParams,
                      length_norm: np.ndarray) -> np.ndarray:
    """Each sentence's section's coverage: the section's sentences pooled into one bag (zero before the first heading).

    A section (a list item or heading and what follows it) summarises one place in the source, so pooling its
    sentences finds that place even where a single short sentence shares no word with it.
    """
    sections = chinese_sections(zh)
    out = np.zeros((len(concepts_list), len(block_terms)))
    for section in np.unique(sections):
        rows = np.flatnonzero(sections == section)
        if section == 0 or len(rows) < 2:
            continue
        pooled: dict[str, tuple] = {}
        for i in rows:
            for concept in concepts_list[i]:
                pooled.setdefault(concept[0], concept)
        out[rows] = _coverage([list(pooled.values())], block_terms, idf, params)[0] / length_norm
    return out


def _neighbour_coverage(coverage: np.ndarray, zh: pd.DataFrame, decay: float) -> np.ndarray:
    """Each sentence's neighbours' coverage (same Chinese section), weighted decay ** distance and normalised."""
    sections = chinese_sections(zh)
    n = len(sections)
    distance = np.abs(np.arange(n)[:, None] - np.arange(n)[None, :])
    weights = np.where((sections[:, None] == sections[None, :]) & (distance > 0), decay ** distance, 0.0)
    totals = weights.sum(axis=1, keepdims=True)
    return np.divide(weights @ coverage, totals, out=np.zeros_like(coverage), where=totals > 0)


def aside_marked(zh: pd.DataFrame) -> np.ndarray:
    """True for the commentator's marked asides: an 'aside' cue (cues.csv), a wholly bracketed sentence,
    or a sentence that follows a marked one in the same paragraph without attributing anything to the author.
    """
    from .claims import find_cues
    from .segment import tokenize_zh

    marked = np.zeros(len(zh), dtype=bool)
    previous_block, previous_marked = None, False
    voices = zh["voice"].tolist() if "voice" in zh.columns else [""] * len(zh)
    for k, (block_id, text, voice) in enumerate(zip(zh["block_id"], zh["text"], voices)):
        core = text.strip().rstrip("。.!！?？;；")
        bracketed = core[:1] in "(（" and core[-1:] in ")）"
        cued = bool(find_cues(text, "aside", tokens=tokenize_zh(text)))
        inherited = block_id == previous_block and previous_marked and voice != "reported"
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
) -> pd.DataFrame:
    """Every (Chinese sentence, English paragraph) score: coverage, z and gain (> 0: the pair may link)."""
    evidence = _gather_evidence(claims, mentions, params, dictionary, en_zh)
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


# ---- decoder --------------------------------------------------------------------------------

def decode_monotone(gain: np.ndarray, params: AlignParams = AlignParams(), *, marked: np.ndarray | None = None) -> list[int]:
    """Best paragraph index per Chinese sentence (-1 = unlinked) under the order model; see the module doc.

    State = the reading position (the paragraph last linked in order; -1 before the first link).
    """
    n, m = gain.shape
    if n == 0:
        return []
    if m == 0:
        return [-1] * n
    NEG = -1e18
    positions = np.arange(m)
    # score[p + 1] = best total with reading position p (p = -1 stored at index 0)
    score = np.full(m + 1, NEG)
    score[0] = 0.0
    back = []  # per sentence: (previous state, chosen paragraph) for every state
    # cost of moving from position p (rows, -1..m-1) to paragraph j (columns)
    from_pos = np.arange(-1, m)[:, None]
    skipped = np.maximum(positions[None, :] - from_pos - 1, 0)
    skipped = np.where(from_pos < 0, 0, skipped)  # where the summary starts reading is free
    move_cost = np.where(
        positions[None, :] >= from_pos,
        params.skip_cost * np.log1p(skipped),
        params.back_jump_cost + params.back_step_cost * (from_pos - positions[None, :]),
    )
    continuing = ((positions[None, :] == from_pos) | (positions[None, :] == from_pos + 1)) & (from_pos >= 0)
    for i in range(n):
        g = gain[i]
        new = np.full(m + 1, NEG)
        prev_state = np.zeros(m + 1, dtype=int)
        choice = np.full(m + 1, -1, dtype=int)
        # stay unlinked, or make an excursion: the position does not move
        best_excursion = int(np.argmax(g))
        excursion_gain = g[best_excursion] - params.excursion_cost
        for s in range(m + 1):
            if score[s] <= NEG / 2:
                continue
            if excursion_gain > 0 and score[s] + excursion_gain > new[s]:
                new[s], prev_state[s], choice[s] = score[s] + excursion_gain, s, best_excursion
            elif score[s] > new[s]:
                new[s], prev_state[s], choice[s] = score[s], s, -1
        # link in order (or back at a cost): the position becomes j. A link must pay its own way:
        # its gain, plus the continuity bonus when it stays on the paragraph or takes the next one.
        bonus = 0.0 if marked is not None and marked[i] else params.continuity_bonus
        own_gain = g[None, :] + bonus * continuing  # (m + 1) × m
        candidates = np.where(own_gain > 0, score[:, None] + own_gain - move_cost, NEG)
        best_from = np.argmax(candidates, axis=0)
        best_total = candidates[best_from, positions]
        for j in range(m):
            if best_total[j] > NEG / 2 and best_total[j] > new[j + 1]:
                new[j + 1], prev_state[j + 1], choice[j + 1] = best_total[j], best_from[j], j
        back.append((prev_state, choice))
        score = new
    return backtrack(score, back)


def backtrack(score: np.ndarray, back: list[tuple[np.ndarray, np.ndarray]]) -> list[int]:
    """Follow a decoder's back-pointers from its best final state: the chosen paragraph per sentence."""
    state = int(np.argmax(score))
    path = [-1] * len(back)
    for i in range(len(back) - 1, -1, -1):
        prev_state, choice = back[i]
        path[i] = int(choice[state])
        state = int(prev_state[state])
    return path


# ---- alignment ------------------------------------------------------------------------------

def _empty_alignment() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "zh_claim_id": pd.array([], dtype="Int64"),
            "en_claim_id": pd.array([], dtype="Int64"),
            "score": pd.array([], dtype="float64"),
            "relation": pd.array([], dtype="object"),
        },
        columns=ALIGNMENT_COLUMNS,
    )


def _alignment_frame(rows: list[tuple]) -> pd.DataFrame:
    if not rows:
        return _empty_alignment()
    frame = pd.DataFrame(rows, columns=ALIGNMENT_COLUMNS)
    frame["zh_claim_id"] = pd.array(frame["zh_claim_id"], dtype="Int64")
    frame["en_claim_id"] = pd.array(frame["en_claim_id"], dtype="Int64")
    frame["score"] = frame["score"].astype("float64")
    return frame


def _with_omissions(rows: list[tuple], en: pd.DataFrame) -> list[tuple]:
    linked = {row[1] for row in rows if row[1] is not pd.NA and row[1] is not None}
    for claim_id in en["claim_id"]:
        if int(claim_id) not in linked:
            rows.append((pd.NA, int(claim_id), 0.0, OMISSION))
    return rows


def align_claims(
    claims: pd.DataFrame,
    *,
    mentions: pd.DataFrame | None = None,
    params: AlignParams = AlignParams(),
    dictionary: Dictionary | None = None,
    en_zh: EnglishChinese | None = None,
) -> pd.DataFrame:
    """Link each Chinese commentary sentence to the English sentence(s) it draws on; see the module doc.

    Returns ALIGNMENT_COLUMNS: one row per link, one ``addition`` row per unlinked Chinese sentence,
    one ``omission`` row per English sentence nothing draws on. ``score`` is the link's coverage.
    """
    evidence = _gather_evidence(claims, mentions, params, dictionary, en_zh)
    path = _decode(evidence, params)
    en_by_block = {b: group for b, group in evidence.en.groupby("unit", sort=False)}
    rows: list[tuple] = []
    for i, (claim_id, k) in enumerate(zip(evidence.zh["claim_id"], path)):
        if k < 0:
            rows.append((int(claim_id), pd.NA, 0.0, ADDITION))
            continue
        sentences = en_by_block[evidence.blocks[k]]
        scores = _sentence_coverage(evidence.concepts[i], sentences["text"].tolist(), evidence.idf, evidence.terms)
        best = max(scores)
        chosen = [s for s, score in enumerate(scores) if best > 0 and score >= params.sentence_share * best] or [int(np.argmax(scores))]
        relation = SUMMARISES if len(chosen) == 1 else ONE_TO_MANY
        for s in chosen:
            rows.append((int(claim_id), int(sentences["claim_id"].iloc[s]), float(evidence.coverage[i, k]), relation))
    return _alignment_frame(_with_omissions(rows, evidence.en))


def _decode(evidence: _Evidence, params: AlignParams) -> list[int]:
    """The decoder's path; with ``context_gate``, in two passes: whether a sentence links at all is decided on its
    own words (an aside amid summaries borrows no evidence from them), where it links on its words and context."""
    if evidence.own_gain is None:
        return decode_monotone(evidence.gain, params, marked=evidence.marked)
    unlinked = np.asarray(decode_monotone(evidence.own_gain, params, marked=evidence.marked)) < 0
    gain = evidence.gain - params.gate_penalty * unlinked[:, None]
    return decode_monotone(gain, params, marked=evidence.marked)


def _sentence_coverage(concepts: list, texts: list[str], idf: dict, english_terms: EnglishTerms) -> list[float]:
    """Matched concept weight of each English sentence (same weights as the paragraph scores)."""
    scores = []
    for text in texts:
        terms = english_terms(text)
        total = 0.0
        for _key, renderings, factor in concepts:
            hits = [idf.get(r, 0.0) for r in renderings if r in terms]
            if hits:
                total += factor * max(hits)
        scores.append(total)
    return scores


def align_gale_church(claims: pd.DataFrame) -> pd.DataFrame:
    """Baseline: nltk's length-only Gale–Church alignment of the same units (Chinese lengths scaled to the English total).

    Same output shape as ``align_claims``; what it pairs with nothing counts as an addition or omission.
    """
    from nltk.translate.gale_church import align_blocks

    zh, en = content_units(claims)
    if len(zh) == 0 or len(en) == 0:
        rows = [(int(c), pd.NA, 0.0, ADDITION) for c in zh["claim_id"]]
        return _alignment_frame(_with_omissions(rows, en))
    zh_lengths = zh["text"].str.len().to_numpy(dtype=float)
    en_lengths = en["text"].str.len().to_numpy(dtype=float)
    ratio = en_lengths.sum() / max(zh_lengths.sum(), 1.0)
    pairs = align_blocks([max(1, int(round(x * ratio))) for x in zh_lengths], [max(1, int(x)) for x in en_lengths])
    zh_ids, en_ids = zh["claim_id"].to_numpy(), en["claim_id"].to_numpy()
    targets: dict[int, list[int]] = {}
    for a, b in pairs:
        targets.setdefault(a, []).append(b)
    rows = []
    for a, claim_id in enumerate(zh_ids):
        linked = targets.get(a, [])
        if not linked:
            rows.append((int(claim_id), pd.NA, 0.0, ADDITION))
        for b in linked:
            rows.append((int(claim_id), int(en_ids[b]), 0.0, SUMMARISES if len(linked) == 1 else ONE_TO_MANY))
    return _alignment_frame(_with_omissions(rows, en))


# ---- evaluation -----------------------------------------------------------------------------

def read_gold(path: str | Path) -> pd.DataFrame:
    """A gold alignment CSV (zh_text, en_anchor, kind, note; leading '#' lines document it)."""
    from .lexicons import read_table

    gold = read_table(path)
    missing = set(GOLD_COLUMNS) - set(gold.columns)
    if missing:
        raise ValueError(f"{path}: missing columns {sorted(missing)}")
    return gold


def _squash(text: str) -> str:
    return WHITESPACE.sub("", text)


def _anchor_blocks(anchor: str, en: pd.DataFrame) -> list[int]:
    """English blocks whose text starts with ``anchor`` (whitespace ignored)."""
    wanted = _squash(anchor)
    hits = []
    for block_id, group in en.groupby("block_id", sort=False):
        if _squash("".join(group.sort_values("start")["text"])).startswith(wanted):
            hits.append(int(block_id))
    return hits


def evaluate_alignment(alignment: pd.DataFrame, claims: pd.DataFrame, gold: pd.DataFrame) -> dict:
    """Score an alignment against a gold table at paragraph level; every gold row is accounted for.

    Gold rows are matched to Chinese units by verbatim text (whitespace ignored). Returned figures:
    ``link_accuracy`` (gold sentences with an anchor whose best-scoring predicted link lands in one of
    the gold paragraphs), ``summary_link_accuracy`` (the same over the ``summarising`` rows, kinds
    SUMMARY_KINDS), ``link_accuracy_by_kind``, ``link_precision`` and ``link_recall`` (over predicted and gold
    sentence→paragraph pairs), ``addition_recall`` and ``addition_precision`` (gold asides
    predicted as additions, and the reverse), counts, and the lists ``unmatched_gold`` (gold rows
    no unit matches), ``unmatched_anchors`` (anchors no English paragraph starts with) and
    ``errors`` (one dict per wrong row, for reading).
    """
    zh, en = content_units(claims)
    by_text: dict[str, list[int]] = {}
    for claim_id, text in zip(zh["claim_id"], zh["text"]):
        by_text.setdefault(_squash(text), []).append(int(claim_id))
    block_of = dict(zip(en["claim_id"].astype(int), en["block_id"].astype(int)))
    text_of = dict(zip(zh["claim_id"].astype(int), zh["text"]))

    links = alignment.dropna(subset=["zh_claim_id", "en_claim_id"])
    predicted: dict[int, list[tuple[float, int]]] = {}
    for zh_id, en_id, score in zip(links["zh_claim_id"], links["en_claim_id"], links["score"]):
        predicted.setdefault(int(zh_id), []).append((float(score), block_of.get(int(en_id), -1)))

    used: dict[str, int] = {}
    by_kind: dict[str, list[int]] = {}
    unmatched_gold, unmatched_anchors, errors = [], [], []
    n_anchored = correct = 0
    gold_pairs = predicted_pairs = hit_pairs = 0
    asides = aside_hits = predicted_additions = predicted_addition_hits = 0
    for row in gold.itertuples(index=False):
        key = _squash(row.zh_text)
        candidates = by_text.get(key, [])
        k = used.get(key, 0)
        if k >= len(candidates):
            unmatched_gold.append(row.zh_text)
            continue
        used[key] = k + 1
        claim_id = candidates[k]
        anchors = [a for a in str(row.en_anchor).split("|") if a.strip()]
        gold_blocks: set[int] = set()
        for anchor in anchors:
            found = _anchor_blocks(anchor, en)
            if not found:
                unmatched_anchors.append(anchor)
            gold_blocks.update(found)
        links_here = predicted.get(claim_id, [])
        predicted_blocks = {b for _, b in links_here}
        is_addition = not links_here
        predicted_additions += is_addition
        if anchors:
            n_anchored += 1
            primary = max(links_here)[1] if links_here else None
            ok = primary in gold_blocks
            correct += ok
            tally = by_kind.setdefault(str(row.kind), [0, 0])
            tally[0] += ok
            tally[1] += 1
            gold_pairs += len(gold_blocks)
            hit_pairs += len(gold_blocks & predicted_blocks)
            if not ok:
                errors.append({"claim_id": claim_id, "zh_text": text_of[claim_id], "gold_blocks": sorted(gold_blocks),
                               "predicted_blocks": sorted(predicted_blocks), "kind": row.kind})
        else:
            asides += 1
            aside_hits += is_addition
            if not is_addition:
                errors.append({"claim_id": claim_id, "zh_text": text_of[claim_id], "gold_blocks": [],
                               "predicted_blocks": sorted(predicted_blocks), "kind": row.kind})
        if is_addition and not anchors:
            predicted_addition_hits += 1
        predicted_pairs += len(predicted_blocks)

    def share(a: int, b: int) -> float:
        return a / b if b else float("nan")

    summaries = [by_kind.get(kind, [0, 0]) for kind in SUMMARY_KINDS]
    return {
        "gold_rows": len(gold),
        "matched_rows": len(gold) - len(unmatched_gold),
        "anchored": n_anchored,
        "link_accuracy": share(correct, n_anchored),
        "summarising": sum(n for _, n in summaries),
        "summary_link_accuracy": share(sum(c for c, _ in summaries), sum(n for _, n in summaries)),
        "link_accuracy_by_kind": {kind: share(c, n) for kind, (c, n) in sorted(by_kind.items())},
        "link_precision": share(hit_pairs, predicted_pairs),
        "link_recall": share(hit_pairs, gold_pairs),
        "asides": asides,
        "addition_recall": share(aside_hits, asides),
        "predicted_additions": predicted_additions,
        "addition_precision": share(predicted_addition_hits, predicted_additions),
        "omitted_en_claims": int((alignment["relation"] == OMISSION).sum()),
        "unmatched_gold": unmatched_gold,
        "unmatched_anchors": sorted(set(unmatched_anchors)),
        "errors": errors,
    }


def params_dict(params: AlignParams = AlignParams()) -> dict:
    """The parameters as a plain dict (for a notebook's parameters cell or a report)."""
    return asdict(params)
