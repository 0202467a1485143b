"""Raw text to tables in one call: blocks, claims, mentions, candidate names, repairs (the stages up to alignment)."""

from __future__ import annotations

from dataclasses import dataclass

import re
import numpy as np
import pandas as pd
from pandas.core.dtypes.cast import find_common_type

from ..columns import CANDIDATE_COLUMNS, MENTION_COLUMNS
from ..frames import column, taken, text_array, typed_frame
from ..text.parse import parse_document
from ..text.segment import SentenceCuts, Tokenizer
from . import entities
from .discover import _entity_types as entity_types, discover_mentions, outside_person_names, outside_urls
from .claims import annotate_claims, build_claims


#: The dtype pandas infers for a list of strings: a non-empty text column made here is built as it (speed: no inference
#: per column and document; the same column).
_TEXT = pd.Series([""]).dtype


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
    begin = column(claims, "start")
    # sentences: in order (tested on the array: pandas' own test builds an index for it, which costs more than this)
    ordered = len(begin) < 2 or bool((begin[1:] >= begin[:-1]).all())
    order = claims if ordered else claims.sort_values("start")
    begin, finish = (begin if order is claims else column(order, "start")), column(order, "end")
    starts = np.asarray(starts, dtype=int)
    index = np.clip(np.searchsorted(begin, starts, side="right") - 1, 0, len(order) - 1)
    inside = (starts < finish[index]) & (starts >= begin[index])
    return np.where(inside, column(order, "claim_id")[index], 0)


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
    # typed as pandas would infer them from the lists (an empty list left to pandas: it infers another dtype)
    for column, values in entity_columns(claims, mentions).items():
        claims[column] = text_array(values) if values else values
    return claims


def entity_columns(claims: pd.DataFrame, mentions: pd.DataFrame) -> dict[str, list[str]]:
    """The claims' entities and orgs columns as lists, from the mentions table: each claim's names, first mention
    first, ``|``-joined."""
    entity_lists: dict[int, dict[str, None]] = {}
    org_lists: dict[int, dict[str, None]] = {}
    for claim_id, entity, org in zip(*(column(mentions, c).tolist() for c in ("claim_id", "entity", "org"))):
        entity_lists.setdefault(claim_id, {})[entity] = None
        if org != "":
            org_lists.setdefault(claim_id, {})[org] = None
    ids = column(claims, "claim_id").tolist()
    return {column: ["|".join(lists.get(c, ())) for c in ids]
            for column, lists in (("entities", entity_lists), ("orgs", org_lists))}


def extract(text: str, *, gazetteer: pd.DataFrame | None = None, tokenizer: Tokenizer | None = None) -> Tables:
    """Parse ``text`` and build every table.

    ``gazetteer`` defaults to data/reference/gazetteer.csv; pass another to analyse another domain. ``tokenizer``
    defaults to the gazetteer's own (``entities.tokenizer_for``): its names stay whole in every cut.
    """
    gazetteer = entities.default_gazetteer() if gazetteer is None else gazetteer
    own = entities.tokenizer_for(gazetteer)
    tokenizer = own if tokenizer is None else tokenizer
    # one cut per sentence: the claims' cues and discovery's Chinese names read the same cut, when both cut with the
    # gazetteer's tokenizer (discovery always does; a caller's other tokenizer leaves discovery its own cuts)
    cuts = tokenizer if isinstance(tokenizer, SentenceCuts) else SentenceCuts(tokenizer)
    parsed = parse_document(text)
    claims = build_claims(text, parsed)

    known = outside_person_names(text, outside_urls(text, entities.find_mentions(text, gazetteer)))
    # discovery and the mentions table read the claims' offsets, ids, parts and languages alone: they come before the
    # cues, so the claims table is built once, its entities and orgs with it (speed: copying the whole table to set
    # two columns cost a short document more than its mentions)
    discovered = discover_mentions(text, claims, known, gazetteer, cuts=cuts if cuts.tokenizer is own else None)
    mentions, spans = mention_table(known, discovered, claims)
    mentions = _without_possessive_parents(text, mentions, gazetteer)
    if len(claims):
        # an organisation the Chinese names in Han characters speaks as a Latin name does (美超微则表示，…)
        han_orgs = mentions.loc[(mentions["lang"] == "zh") & mentions["org"].fillna("").astype(str).ne(""), "surface"]
        org_speakers = frozenset(s for s in han_orgs.astype(str) if re.search(r"[\u4e00-\u9fff]", s))
        claims = annotate_claims(claims, tokenizer=cuts, names=entity_columns(claims, mentions), org_speakers=org_speakers)
    else:  # no sentence: the frame the empty path gives, as before
        claims = summarise_entities(annotate_claims(claims, tokenizer=cuts), mentions)

    rows = entities.candidate_rows(text, spans)
    # A glued unit the parser repaired ("labThe") is no name to add to the gazetteer.
    # A repair position p straddles a candidate when start < p < end: count the positions below
    # end minus those up to start (sorted search; one scan per candidate was quadratic).
    repaired = np.sort(parsed.repairs["position"].to_numpy(dtype=np.int64))
    candidates = candidate_table(rows, claims, repaired)
    return Tables(text=text, blocks=parsed.blocks, claims=claims, mentions=mentions,
                  candidates=candidates, repairs=parsed.repairs)


# The tables a user reads are built once each, from plain lists (speed: a concat, a sort, a take and an insert per
# table cost a small document more than its analysis). Each column keeps the dtype the frame-by-frame path gave it
# (tests/test_one_pass.py compares the two): the common dtype of the frames its rows came from, as a concat makes it
# (pandas' "str" where both were "str", object where one was, an empty frame's object columns included).

def _column(values: list, dtype):
    # an object column as a Series of that dtype holds it: from an array or a list, pandas would infer "str" from its
    # strings (strings wrapped as an object array: a tenth of the Series' cost); a "str" column by ``text_array``
    if isinstance(dtype, np.dtype):
        if dtype != object or not set(map(type, values)) <= _STR:
            return pd.Series(values, dtype=dtype)
        array = np.empty(len(values), dtype=object)
        array[:] = values
        return pd.arrays.NumpyExtensionArray(array)
    return text_array(values) if dtype == _TEXT else pd.array(values, dtype=dtype)


_STR = {str}


_COMMON: dict[tuple, object] = {}


def _common(*dtypes):
    # kept by its dtypes (a handful per process: the search costs a small document more than its column)
    common = _COMMON.get(dtypes)
    if common is None:
        common = _COMMON[dtypes] = find_common_type(list(dtypes))
    return common


def _claim_positions(starts: list[int], claims: pd.DataFrame) -> tuple[list[int], np.ndarray, np.ndarray]:
    """(indexes into ``starts`` of the offsets inside a claim, their claim ids, those claims' row positions)."""
    found = locate_claims(claims, starts)
    kept = np.flatnonzero(found > 0)
    ids = found[kept]
    claim_ids = column(claims, "claim_id")
    row_of = np.zeros(int(claim_ids.max()) + 1 if len(claims) else 1, dtype=np.int64)
    row_of[claim_ids] = np.arange(len(claims))
    return kept.tolist(), ids, row_of[ids]


def mention_table(known: pd.DataFrame, discovered: pd.DataFrame, claims: pd.DataFrame
                  ) -> tuple[pd.DataFrame, list[tuple[int, int]]]:
    """The mentions table: the gazetteer's mentions (``known``) and the discovered ones in the order of their starts
    (the gazetteer's first where two start together), each in the claim that holds it, numbered from 1; and the
    (start, end) of every one of them, those between claims too, in that order (what candidates must not overlap)."""
    names = entities.MENTION_RESULT_COLUMNS
    # each column taken once (a frame's column costs more than its few rows here)
    known_columns, discovered_columns = ({c: column(frame, c) for c in names} for frame in (known, discovered))
    merged = [known_columns[c].tolist() + discovered_columns[c].tolist() for c in names]
    evidence = [""] * len(known) + column(discovered, "evidence").tolist()
    starts = merged[0]
    order = sorted(range(len(starts)), key=starts.__getitem__)  # stable: what a mergesort on start gave
    spans = [(starts[i], merged[1][i]) for i in order]
    kept, ids, rows = _claim_positions([starts[i] for i in order], claims)
    chosen = [order[k] for k in kept]
    data: dict[str, object] = {
        "mention_id": np.arange(1, len(chosen) + 1, dtype=np.int64),
        "claim_id": ids.astype(int),
        "start": np.array([starts[i] for i in chosen], dtype=np.int64),
        "end": np.array([merged[1][i] for i in chosen], dtype=np.int64),
    }
    for name, values in zip(names[2:], merged[2:]):
        data[name] = _column([values[i] for i in chosen],
                             _common(known_columns[name].dtype, discovered_columns[name].dtype))
    data["lang"] = taken(claims, "lang", rows)
    data["part"] = taken(claims, "part", rows)
    # the gazetteer's rows were given evidence "" (a "str" column) before the concat
    data["evidence"] = _column([evidence[i] for i in chosen], _common(pd.StringDtype(na_value=np.nan),
                                                                      column(discovered, "evidence").dtype))
    via = [kind if kind in entities.PRODUCT_TYPES and org else "" for kind, org in zip(merged[5], merged[4])]
    if not chosen:  # as the column was set on the empty frame
        columns = [c for c in MENTION_COLUMNS if c != "via"]
        table = pd.DataFrame({c: data[c] for c in columns}, columns=columns)  # no rows: the constructor's frame
        table["via"] = []
        return table, spans
    data["via"] = text_array([via[i] for i in chosen])  # ``implied_via`` of its rows, as set it inferred
    return typed_frame(data, MENTION_COLUMNS), spans


def candidate_table(rows: list[tuple[int, int, str, str]], claims: pd.DataFrame, repaired: np.ndarray) -> pd.DataFrame:
    """The candidates table: ``entities.candidate_rows`` in the claims that hold them, less those a repair position
    (``repaired``, sorted) falls strictly inside."""
    kept, ids, positions = _claim_positions([r[0] for r in rows], claims)
    starts = np.array([rows[k][0] for k in kept], dtype=np.int64)
    ends = np.array([rows[k][1] for k in kept], dtype=np.int64)
    straddles = np.searchsorted(repaired, ends, side="left") > np.searchsorted(repaired, starts, side="right")
    keep = ~straddles
    chosen = [k for k, good in zip(kept, keep.tolist()) if good]
    texts = pd.StringDtype(na_value=np.nan) if rows else np.dtype(object)  # the rows' frame's (``entities._frame``)
    data = {
        "start": starts[keep], "end": ends[keep],
        "surface": _column([rows[k][2] for k in chosen], texts),
        "reason": _column([rows[k][3] for k in chosen], texts),
        "claim_id": ids[keep].astype(int),
        "part": taken(claims, "part", positions[keep]),
    }
    return typed_frame(data, CANDIDATE_COLUMNS)


#: An English possessive after a name and the space before the next word ("Commerce Department's Bureau").
POSSESSIVE_AFTER = re.compile(r"(?:'|’)s?\s+")


def _without_possessive_parents(text: str, mentions: pd.DataFrame, gazetteer: pd.DataFrame) -> pd.DataFrame:
    """Drop an English mention of a public body that only qualifies the next one ("the Commerce Department's Bureau of
    Industry and Security") where the Chinese name of the second begins with the Chinese name of the first
    (美国商务部工业与安全局): the Chinese writes the department inside its office's one name, so counting the English
    possessive apart would make the department 'named only in the English' (bilingual review round 17)."""
    # the English mentions a possessive follows, found first: most documents have none, and the gazetteer's public
    # bodies are read only where one does
    possessed = [(idx, after.end(), entity) for idx, end, entity, lang in
                 zip(mentions.index, mentions["end"], mentions["entity"], mentions["lang"])
                 if lang == "en" and (after := POSSESSIVE_AFTER.match(text, end, end + 4))] if len(mentions) else []
    types = entity_types(gazetteer)  # made once for a settled gazetteer
    possessed = [(idx, child_start, entity) for idx, child_start, entity in possessed if types.get(entity) == "government"]
    if not possessed:
        return mentions
    # a public body's office only (a company's product, 'Amazon's AWS', names its maker in both versions)
    public = gazetteer[gazetteer["type"].astype(str) == "government"]
    zh = dict(zip(public["entity"], public["name_zh"].fillna("").astype(str)))
    zh_named = set(mentions.loc[mentions["lang"] != "en", "entity"])
    starts = dict(zip(mentions["start"], mentions["entity"]))
    drop = []
    for idx, child_start, entity in possessed:
        if not zh.get(entity):
            continue
        child = starts.get(child_start)
        # and only where the Chinese names the office (美国商务部 alone names the department, in both: round 19)
        if child and child != entity and child in zh_named and zh.get(child, "").startswith(zh[entity]) \
                and len(zh[child]) > len(zh[entity]):
            drop.append(idx)
    return mentions.drop(index=drop).reset_index(drop=True) if drop else mentions
