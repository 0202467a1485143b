"""Scoring an alignment against hand-made gold, and the length-only Gale–Church baseline it is compared with."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..columns import ADDITION, OMISSION, ONE_TO_MANY, SUMMARISES
from ..patterns import WHITESPACE
from ..vocab import load_vocabulary
from .evidence import content_units
from .link import alignment_frame, with_omissions

GOLD_COLUMNS = ["zh_text", "en_anchor", "kind", "note"]
#: Gold kinds that restate a particular place in the source. The gold's other anchored kind, ``framing`` (the
#: commentator's thesis or verdict about the whole article), draws on the article at large: its anchors are the
#: annotator's nearest guesses, so it is scored apart.
SUMMARY_KINDS = ("summary", "heading")


def align_gale_church(claims: pd.DataFrame) -> pd.DataFrame:
    """Baseline: nltk's length-only Gale–Church alignment of the same units (Chinese lengths scaled to the English total).

    Same output shape as ``align_claims``; what it pairs with nothing counts as an addition or omission.
    """
    from nltk.translate.gale_church import align_blocks

    zh, en = content_units(claims)
    if len(zh) == 0 or len(en) == 0:
        rows = [(int(c), pd.NA, 0.0, ADDITION) for c in zh["claim_id"]]
        return alignment_frame(with_omissions(rows, en))
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
    return alignment_frame(with_omissions(rows, en))


def read_gold(path: str | Path) -> pd.DataFrame:
    """A gold alignment CSV (zh_text, en_anchor, kind, note; leading '#' lines document it)."""
    return load_vocabulary(path, GOLD_COLUMNS[:3], optional=GOLD_COLUMNS[3:])


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
    additions = set(alignment.loc[alignment["relation"] == ADDITION, "zh_claim_id"].dropna().astype(int))
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
        is_addition = claim_id in additions  # a withheld link ('unsure') is neither a link nor an addition
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


