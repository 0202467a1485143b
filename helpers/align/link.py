"""The alignment table: each Chinese sentence linked to the English sentence(s) of its decoded paragraph.

Relations in the result: ``summarises`` (a Chinese sentence linked to one English sentence),
``one-to-many`` (linked to several English sentences of the paragraph; one row each), ``addition``
(no English sentence: en_claim_id is <NA>), ``unsure`` (a link withheld as ambiguous: several places in the English
hold the sentence's words about as well; en_claim_id is <NA>, and it is no addition), ``omission`` (an English
sentence no Chinese sentence draws on: zh_claim_id is <NA>).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..columns import ADDITION, ALIGNMENT_COLUMNS, OMISSION, ONE_TO_MANY, RELATIONS, SUMMARISES, UNSURE
from ..params import AlignParams
from ..text.segment import Tokenizer
from .decode import WITHHELD, decode
from .dictionary import Dictionary
from .ecdict import EnglishChinese
from .evidence import Evidence, EnglishTerms, gather_evidence
from .numbers import number_terms

__all__ = ["RELATIONS", "align_claims", "alignment_frame", "with_omissions"]


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


def alignment_frame(rows: list[tuple]) -> pd.DataFrame:
    if not rows:
        return _empty_alignment()
    frame = pd.DataFrame(rows, columns=ALIGNMENT_COLUMNS)
    frame["zh_claim_id"] = pd.array(frame["zh_claim_id"], dtype="Int64")
    frame["en_claim_id"] = pd.array(frame["en_claim_id"], dtype="Int64")
    frame["score"] = frame["score"].astype("float64")
    return frame


def with_omissions(rows: list[tuple], en: pd.DataFrame) -> list[tuple]:
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
    tokenizer: Tokenizer | None = None,
) -> pd.DataFrame:
    """Link each Chinese commentary sentence to the English sentence(s) it draws on; see the module doc.

    Returns ALIGNMENT_COLUMNS: one row per link, one ``addition`` row per unlinked Chinese sentence,
    one ``omission`` row per English sentence nothing draws on. ``score`` is the link's coverage.
    """
    evidence = gather_evidence(claims, mentions, params, dictionary, en_zh, tokenizer)
    path = decode(evidence)
    params = evidence.params
    en_by_block = {b: group for b, group in evidence.en.groupby("unit", sort=False)}
    titled = headings_title_what_follows(evidence, path, en_by_block)
    rows: list[tuple] = []
    zh_kinds = evidence.zh["kind"].tolist()
    translation = evidence.translation
    for i, (claim_id, k) in enumerate(zip(evidence.zh["claim_id"], path)):
        if k < 0:
            rows.append((int(claim_id), pd.NA, 0.0, UNSURE if k == WITHHELD else ADDITION))
            continue
        sentences = en_by_block[evidence.blocks[k]]
        # a heading given to the unit it titles, or, in a translation, linked to a unit that opens with a heading
        # ('2. 授予专利许可' to '2. Grant of Patent License' and its clauses): it links to that unit's English heading(s),
        # not to a clause that repeats the heading's words
        if i in titled or (translation and zh_kinds[i] == "heading" and sentences["kind"].iloc[0] == "heading"):
            chosen = [s for s, kind in enumerate(sentences["kind"]) if kind == "heading"]
            if i not in titled and len(chosen) > 1:  # of a run of headings, the one the Chinese heading names
                scores = _sentence_coverage(evidence.concepts[i], sentences["text"].iloc[chosen].tolist(), evidence.idf,
                                            evidence.terms)
                chosen = [chosen[int(np.argmax(scores))]]
            relation = SUMMARISES if len(chosen) == 1 else ONE_TO_MANY
            for s in chosen:
                rows.append((int(claim_id), int(sentences["claim_id"].iloc[s]), float(evidence.coverage[i, k]), relation))
            continue
        scores = _sentence_coverage(evidence.concepts[i], sentences["text"].tolist(), evidence.idf, evidence.terms)
        best = max(scores)
        chosen = [s for s, score in enumerate(scores) if best > 0 and score >= params.sentence_share * best] or [int(np.argmax(scores))]
        relation = SUMMARISES if len(chosen) == 1 else ONE_TO_MANY
        for s in chosen:
            rows.append((int(claim_id), int(sentences["claim_id"].iloc[s]), float(evidence.coverage[i, k]), relation))
    if params.gap_sentences > 0 and evidence.translation:
        rows = fill_gaps(rows, evidence)
    return alignment_frame(with_omissions(rows, evidence.en))


def _states_a_figure_they_do_not(evidence: Evidence, n: int, between: list[int]) -> bool:
    """Whether the ``n``-th Chinese sentence states a figure (``number_terms``: 20亿, 三成) and the English sentences
    ``between`` state none: a gap filled by order alone would pass the translator's own figure off as a rendering."""
    if "text" not in evidence.zh.columns or "text" not in evidence.en.columns:
        return False
    if not number_terms(str(evidence.zh["text"].iloc[n])):
        return False
    return not number_terms(" ".join(evidence.en.loc[evidence.en["claim_id"].isin(between), "text"].astype(str)))


def _figures(frame: pd.DataFrame, claim_id: int) -> set[str]:
    """The value terms of one sentence of ``frame`` (``number_terms``), none where the frame holds no text."""
    if "text" not in frame.columns:
        return set()
    return number_terms(str(frame.loc[frame["claim_id"] == claim_id, "text"].iloc[0]))


def fill_gaps(rows: list[tuple], evidence: Evidence) -> list[tuple]:
    """A translation's links with its one-sentence gaps filled, where the order leaves one reading.

    A Chinese sentence left unlinked between two linked ones takes the English sentences between theirs that nothing
    draws on, when those are one or two (轻松实现！ between its neighbours' links takes "You got it!", which has no
    word to meet; a sentence between them that another Chinese sentence took is no part of the gap). An English sentence nothing draws on, between sentences that consecutive Chinese sentences draw on,
    joins the later one when it opens that one's paragraph (a short lead sentence: "Now it is time to test it." with
    the sentence after it), or the one Chinese sentence that draws on both its neighbours. Marked asides stay unlinked.
    """
    zh_ids = [int(c) for c in evidence.zh["claim_id"]]
    en_ids = [int(c) for c in evidence.en["claim_id"]]
    unit_of = dict(zip(en_ids, evidence.en["unit"]))
    position = {e: p for p, e in enumerate(en_ids)}
    zh_position = {z: n for n, z in enumerate(zh_ids)}
    links: dict[int, list[int]] = {}
    score: dict[int, float] = {}
    for zh_id, en_id, value, _relation in rows:
        if en_id is not pd.NA and en_id is not None:
            links.setdefault(zh_id, []).append(int(en_id))
            score[zh_id] = value
    drawn = {e for es in links.values() for e in es}
    for n in range(1, len(zh_ids) - 1):
        before, after = links.get(zh_ids[n - 1]), links.get(zh_ids[n + 1])
        if zh_ids[n] in links or evidence.marked[n] or not before or not after:
            continue
        # the English between the neighbours' links that nothing draws on: a sentence there that another Chinese
        # sentence already took (a loose second link of a one-to-many) leaves the order's reading of the rest as it was
        between = [e for e in en_ids[max(position[e] for e in before) + 1:min(position[e] for e in after)] if e not in drawn]
        # a sentence stating a figure takes no English that states none (an aside's 第三笔超过20亿美元 between two links)
        if _states_a_figure_they_do_not(evidence, n, between):
            continue
        if 1 <= len(between) <= evidence.params.gap_sentences:
            links[zh_ids[n]] = list(between)
            score[zh_ids[n]] = 0.0
            drawn.update(between)
    owner = {e: z for z, es in links.items() for e in es}
    for p in range(1, len(en_ids) - 1):
        e, a, b = en_ids[p], owner.get(en_ids[p - 1]), owner.get(en_ids[p + 1])
        if e in drawn or a is None or b is None:
            continue
        joins = a if a == b else b if zh_position[b] - zh_position[a] == 1 and unit_of[e] == unit_of[en_ids[p + 1]] else None
        figures = {f.replace("~", "") for f in _figures(evidence.en, e)}
        if figures and joins is not None:
            # an English sentence stating a figure joins the neighbour that states it (320万千瓦时 for "3.2
            # gigawatt-hours"), never one that does not: order alone would pass the figure off to the wrong sentence
            joins = next((z for z in (a, b) if figures & {f.replace("~", "") for f in _figures(evidence.zh, z)}), None)
        if joins is not None:
            links[joins].append(e)
            drawn.add(e)
    out = []
    for zh_id, en_id, value, relation in rows:
        if zh_id in links:
            if en_id is pd.NA or en_id is None or int(en_id) == links[zh_id][0]:
                targets = sorted(links[zh_id], key=position.get)
                kind = SUMMARISES if len(targets) == 1 else ONE_TO_MANY
                out.extend((zh_id, t, score[zh_id], kind) for t in targets)
            continue
        out.append((zh_id, en_id, value, relation))
    return out


def headings_title_what_follows(evidence: Evidence, path: list[int], en_by_block: dict) -> set[int]:
    """Give a Chinese heading to the English unit it titles; ``path`` is changed in place, the sentences moved returned.

    A heading titles what follows it: when the next Chinese sentence links to a unit that opens with an English
    heading, a Chinese heading left unlinked, or linked to the unit right before that one (a neighbour that shares a
    word), takes that unit. In a summary the heading must also share some evidence with the unit (coverage > 0), and
    a heading marked as the writer's own (an outline title, an aside) is never moved.
    """
    moved: set[int] = set()
    kinds = evidence.zh["kind"].tolist()
    translation = evidence.translation
    for i in range(len(path) - 1):
        k, following = path[i], path[i + 1]
        # a translation's outline word over an English heading (要点 over "Takeaways") renders that heading
        if kinds[i] != "heading" or (evidence.marked[i] and not translation) or following < 0 or not (k < 0 or k == following - 1):
            continue
        if "heading" not in set(en_by_block[evidence.blocks[following]]["kind"].iloc[:1]):
            continue
        if not translation and evidence.coverage[i, following] <= 0:
            continue
        path[i] = following
        moved.add(i)
    return moved


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


