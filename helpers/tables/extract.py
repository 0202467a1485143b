"""Raw text to tables in one call: blocks, claims, mentions, candidate names, repairs (the stages up to alignment)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..columns import CANDIDATE_COLUMNS, MENTION_COLUMNS
from ..text.parse import parse_document
from ..text.segment import Tokenizer
from . import entities
from .discover import discover_mentions, outside_urls
from .claims import annotate_claims, build_claims


@dataclass
class Tables:
    """Every table extracted from one document; all offsets index ``text``."""

    text: str
    blocks: pd.DataFrame
    claims: pd.DataFrame
    mentions: pd.DataFrame
    candidates: pd.DataFrame
    repairs: pd.DataFrame


def locate_claims(claims: pd.DataFrame, starts) -> np.ndarray:
    """Claim id containing each offset in ``starts``, or 0 for an offset between claims."""
    if claims.empty:
        return np.zeros(len(starts), dtype=int)
    order = claims if claims["start"].is_monotonic_increasing else claims.sort_values("start")  # sentences: in order
    begin, finish = order["start"].to_numpy(), order["end"].to_numpy()
    starts = np.asarray(starts, dtype=int)
    index = np.clip(np.searchsorted(begin, starts, side="right") - 1, 0, len(order) - 1)
    inside = (starts < finish[index]) & (starts >= begin[index])
    return np.where(inside, order["claim_id"].to_numpy()[index], 0)


def _holding_claims(table: pd.DataFrame, claims: pd.DataFrame) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(positions of the rows inside a claim, their claim ids, those claims' row positions in ``claims``)."""
    found = locate_claims(claims, table["start"].to_numpy())
    kept = np.flatnonzero(found > 0)
    ids = found[kept]
    # the claims' rows by id, then each kept row's claim by position: one take per column, no per-row lookups
    row_of = np.zeros(int(claims["claim_id"].max()) + 1 if len(claims) else 1, dtype=np.int64)
    row_of[claims["claim_id"].to_numpy()] = np.arange(len(claims))
    return kept, ids, row_of[ids]


def attach_to_claims(table: pd.DataFrame, claims: pd.DataFrame) -> pd.DataFrame:
    """Give each row of an offset table the claim that holds it, with that claim's language and part.

    Rows outside every claim (between sentences) are dropped: each kept row traces to one claim.
    """
    kept, ids, rows = _holding_claims(table, claims)
    attached = table.take(kept)
    attached.index = pd.RangeIndex(len(kept))
    attached["claim_id"] = ids.astype(int)
    attached["lang"] = claims["lang"].array.take(rows)
    attached["part"] = claims["part"].array.take(rows)
    return attached


def _attached_frame(table: pd.DataFrame, claims: pd.DataFrame, columns: list[str], *, keep: np.ndarray | None = None,
                    numbered: str | None = None) -> pd.DataFrame:
    """``attach_to_claims(table, claims)``, less the rows ``keep`` (a mask over its rows) refuses, its ``columns``
    only, a ``numbered`` id column from 1 if asked: built by one constructor (what the takes, inserts and
    selections did, at a fraction of their cost: each is a pandas call per document)."""
    kept, ids, rows = _holding_claims(table, claims)
    if keep is not None:
        mask = keep[np.arange(len(kept))] if len(kept) else np.zeros(0, dtype=bool)
        kept, ids, rows = kept[mask], ids[mask], rows[mask]
    data = {}
    for column in columns:
        if column == numbered:
            data[column] = np.arange(1, len(kept) + 1, dtype=np.int64)
        elif column == "claim_id":
            data[column] = ids.astype(int)
        elif column in ("lang", "part"):
            data[column] = claims[column].array.take(rows)
        else:
            values = table[column]
            # a numpy column taken as numpy, in a Series of its dtype (pandas infers strings from an object array)
            data[column] = (pd.Series(values.to_numpy()[kept], dtype=values.dtype) if isinstance(values.dtype, np.dtype)
                            else values.array.take(kept))
    return pd.DataFrame(data, columns=columns)


def implied_via(types: pd.Series, orgs: pd.Series) -> list[str]:
    """Per mention, how its organisation is named: "" when the text names the organisation itself (or there is none),
    else "model" or "product", the kind of thing through which the organisation is implied (MacBook → Apple).

    >>> implied_via(pd.Series(["company", "product", "model", "person"]), pd.Series(["apple", "apple", "acme", ""]))
    ['', 'product', 'model', '']
    """
    return [kind if kind in entities.PRODUCT_TYPES and org else "" for kind, org in zip(types.tolist(), orgs.tolist())]


def summarise_entities(claims: pd.DataFrame, mentions: pd.DataFrame) -> pd.DataFrame:
    """Fill the claims' entities and orgs columns from the mentions table (first mention first)."""
    claims = claims.copy()
    entity_lists: dict[int, dict[str, None]] = {}
    org_lists: dict[int, dict[str, None]] = {}
    for claim_id, entity, org in zip(mentions["claim_id"].tolist(), mentions["entity"].tolist(), mentions["org"].tolist()):
        entity_lists.setdefault(claim_id, {})[entity] = None
        if org != "":
            org_lists.setdefault(claim_id, {})[org] = None
    claims["entities"] = ["|".join(entity_lists.get(c, ())) for c in claims["claim_id"].tolist()]
    claims["orgs"] = ["|".join(org_lists.get(c, ())) for c in claims["claim_id"].tolist()]
    return claims


def extract(text: str, *, gazetteer: pd.DataFrame | None = None, tokenizer: Tokenizer | None = None) -> Tables:
    """Parse ``text`` and build every table.

    ``gazetteer`` defaults to data/reference/gazetteer.csv; pass another to analyse another domain. ``tokenizer``
    defaults to the gazetteer's own (``entities.tokenizer_for``): its names stay whole in every cut.
    """
    gazetteer = entities.default_gazetteer() if gazetteer is None else gazetteer
    tokenizer = entities.tokenizer_for(gazetteer) if tokenizer is None else tokenizer
    parsed = parse_document(text)
    claims = annotate_claims(build_claims(text, parsed), tokenizer=tokenizer)

    known = outside_urls(text, entities.find_mentions(text, gazetteer))
    discovered = discover_mentions(text, claims, known, gazetteer)
    all_mentions = pd.concat([known.assign(evidence=""), discovered], ignore_index=True).sort_values(
        "start", kind="mergesort").reset_index(drop=True)
    found = _attached_frame(all_mentions, claims, [c for c in MENTION_COLUMNS if c != "via"], numbered="mention_id")
    found["via"] = implied_via(found["type"], found["org"])
    mentions = found
    claims = summarise_entities(claims, mentions)

    candidates = entities.find_candidates(text, gazetteer, mentions=all_mentions)
    # A glued unit the parser repaired ("labThe") is no name to add to the gazetteer.
    # A repair position p straddles a candidate when start < p < end: count the positions below
    # end minus those up to start (sorted search; one scan per candidate was quadratic).
    repaired = np.sort(parsed.repairs["position"].to_numpy(dtype=np.int64))
    kept, _, _ = _holding_claims(candidates, claims)
    starts = candidates["start"].to_numpy(dtype=np.int64)[kept]
    ends = candidates["end"].to_numpy(dtype=np.int64)[kept]
    straddles = np.searchsorted(repaired, ends, side="left") > np.searchsorted(repaired, starts, side="right")
    candidates = _attached_frame(candidates, claims, CANDIDATE_COLUMNS, keep=~straddles)
    return Tables(text=text, blocks=parsed.blocks, claims=claims, mentions=mentions,
                  candidates=candidates, repairs=parsed.repairs)
