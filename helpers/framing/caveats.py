"""Document caveats: what a reader must know before any finding, computed from the tables of every document.

``caveats(claims, blocks, alignment)`` → a table (CAVEAT_COLUMNS: kind, evidence, affects), one row per caveat that
holds, in CAVEAT_KINDS order:

- ``english_excerpt``: the English is given only in part: it ends mid-sentence, or the Chinese keeps going past the
  last English it can link (its last links reach the English's end, and a run of Chinese follows with no link), or
  the English is far shorter than the Chinese;
- ``chinese_much_shorter``: a summary: the Chinese is a small share of the English;
- ``traditional_script``: the Chinese is written in Traditional characters (``helpers.text.variants.detect_script``);
- ``translation``: almost every Chinese sentence is linked, one to one: the shifts are a translator's;
- ``few_links``: few Chinese sentences are linked at all: the framing tables rest on little.

``mark_beyond`` relabels the Chinese sentences past the last English the file holds as ``beyond`` (they draw on
English missing from the file): they are not the writer's asides.
"""

from __future__ import annotations

import pandas as pd

from ..columns import (
    ADDITION, BEYOND, CAVEAT_COLUMNS, CONTENT_KINDS, OMISSION, PART_COMMENTARY, PART_NONCONTENT, PART_ORIGINAL,
)
from ..patterns import ENDS_SENTENCE, HAN, LATIN_LETTER
from ..text.variants import TRADITIONAL, detect_script

#: The Chinese's weight (Han characters) under this share of the English's (Latin letters / 3) reads as a summary.
#: Measured on the tuning half: translations 0.9–1.6, summaries 0.05–0.35.
CHINESE_SHORTER_SHARE = 0.5
#: The English's weight under this share of the Chinese's: the English is an excerpt.
ENGLISH_SHORTER_SHARE = 0.5
#: The last link reaches the English's end when it falls in this last share of the English's content sentences.
ENGLISH_END_SHARE = 0.1
#: A trailing run of unlinked Chinese sentences this long (and this share of the Chinese) runs past the English.
TRAILING_MIN_SENTENCES = 3
TRAILING_MIN_SHARE = 0.1
#: An English last line this long that does not end like a sentence stops mid-sentence.
CUT_LINE_MIN_CHARS = 25
#: A translation: at least this share of the Chinese sentences linked, one Chinese sentence to each English one.
TRANSLATION_MIN_LINKED = 0.8
TRANSLATION_MIN_ONE_TO_ONE = 0.6
#: Under this share of the Chinese sentences linked, the framing tables rest on little.
FEW_LINKS_MAX_SHARE = 0.4


def _content(claims: pd.DataFrame, part: str) -> pd.DataFrame:
    return claims[(claims["part"] == part) & claims["kind"].isin(CONTENT_KINDS)].sort_values("start")


def _weights(claims: pd.DataFrame) -> tuple[int, int]:
    """(Chinese weight, English weight): Han characters of the Chinese, Latin letters / 3 of the English."""
    zh = "".join(_content(claims, PART_COMMENTARY)["text"])
    en = "".join(_content(claims, PART_ORIGINAL)["text"])
    return len(HAN.findall(zh)), len(LATIN_LETTER.findall(en)) // 3


def _linked(alignment: pd.DataFrame) -> pd.DataFrame:
    rows = alignment.dropna(subset=["zh_claim_id", "en_claim_id"])
    return rows.astype({"zh_claim_id": "int64", "en_claim_id": "int64"})


def trailing_unlinked(claims: pd.DataFrame, alignment: pd.DataFrame) -> list[int]:
    """The Chinese sentences after the last one linked to the English's end, when a run of them has no link and
    follows a link into the last ENGLISH_END_SHARE of the English; else []."""
    zh = _content(claims, PART_COMMENTARY)
    en = _content(claims, PART_ORIGINAL)
    links = _linked(alignment)
    if zh.empty or en.empty or links.empty:
        return []
    order = {c: k for k, c in enumerate(zh["claim_id"])}
    en_rank = {c: k for k, c in enumerate(en["claim_id"])}
    last_zh = max(order.get(c, -1) for c in links["zh_claim_id"])
    tail = list(zh["claim_id"].iloc[last_zh + 1:])
    reached = max(en_rank.get(c, -1) for c in links.loc[links["zh_claim_id"] == zh["claim_id"].iloc[last_zh], "en_claim_id"])
    if reached < (1 - ENGLISH_END_SHARE) * len(en) - 1:
        return []
    if len(tail) < max(TRAILING_MIN_SENTENCES, TRAILING_MIN_SHARE * len(zh)):
        return []
    return [int(c) for c in tail]


def english_cut_line(claims: pd.DataFrame, blocks: pd.DataFrame) -> str | None:
    """The English's last line when it stops mid-sentence (a long line not ending like a sentence), else None."""
    original = blocks[blocks["part"] == PART_ORIGINAL]
    if original.empty:
        return None
    after = blocks[(blocks["start"] >= original["start"].min()) & (blocks["kind"] != "boilerplate")
                   & ((blocks["part"] == PART_ORIGINAL) | (blocks["part"] == PART_NONCONTENT))]
    last = str(after.sort_values("start")["text"].iloc[-1])
    if len(last) >= CUT_LINE_MIN_CHARS and not ENDS_SENTENCE.search(last) and not HAN.search(last):
        return last
    return None


def mark_beyond(alignment: pd.DataFrame, claims: pd.DataFrame, blocks: pd.DataFrame) -> pd.DataFrame:
    """The alignment with the Chinese sentences past the English the file holds relabelled ``beyond`` (from
    ``addition``), when the English is given only in part."""
    if not _is_excerpt(claims, blocks, alignment):
        return alignment
    tail = set(trailing_unlinked(claims, alignment))
    if not tail:
        return alignment
    out = alignment.copy()
    hit = (out["relation"] == ADDITION) & out["zh_claim_id"].isin(tail)
    out.loc[hit, "relation"] = BEYOND
    return out


def _is_excerpt(claims: pd.DataFrame, blocks: pd.DataFrame, alignment: pd.DataFrame) -> bool:
    zh_weight, en_weight = _weights(claims)
    return bool(english_cut_line(claims, blocks) or trailing_unlinked(claims, alignment)
                or (zh_weight and en_weight < ENGLISH_SHORTER_SHARE * zh_weight))


def caveats(claims: pd.DataFrame, blocks: pd.DataFrame, alignment: pd.DataFrame) -> pd.DataFrame:
    """Every caveat that holds for the document (CAVEAT_COLUMNS), in CAVEAT_KINDS order."""
    rows: list[tuple[str, str, str]] = []
    zh = _content(claims, PART_COMMENTARY)
    zh_weight, en_weight = _weights(claims)
    sentences = alignment[alignment["relation"] != OMISSION].drop_duplicates("zh_claim_id")
    beyond = int((sentences["relation"] == BEYOND).sum())
    links = _linked(alignment)
    linked = links["zh_claim_id"].nunique()
    held = max(len(sentences) - beyond, 0)

    evidence = []
    cut = english_cut_line(claims, blocks)
    if cut:
        evidence.append(f"the English stops mid-sentence: “{cut[-60:]}”")
    tail = trailing_unlinked(claims, alignment)
    if tail:
        evidence.append(f"the Chinese goes on for {len(tail)} sentences past the last English it links, at the English's end")
    if zh_weight and en_weight < ENGLISH_SHORTER_SHARE * zh_weight:
        evidence.append(f"the English is {en_weight / zh_weight:.0%} of the Chinese's length")
    if evidence:
        rows.append(("english_excerpt", "; ".join(evidence) + (f"; {beyond} Chinese sentences draw on English the file "
                     "does not hold (relation 'beyond')" if beyond else ""),
                     "additions (sentences beyond the English given are not the writer's asides), omissions and "
                     "coverage (computed over the English the file holds, not the whole source)"))
    if en_weight and zh_weight < CHINESE_SHORTER_SHARE * en_weight:
        rows.append(("chinese_much_shorter", f"the Chinese is {zh_weight / en_weight:.0%} of the English's length "
                     f"({zh_weight:,} Han characters against {en_weight * 3:,} Latin letters)",
                     "omissions and coverage: a summary leaves most of the English out by design"))
    if detect_script("".join(zh["text"])) == TRADITIONAL:
        rows.append(("traditional_script", "the Chinese is written in Traditional characters",
                     "cue lists and dictionaries compiled for Simplified Chinese: read through a Simplified view"))
    one_to_one = 0.0
    if linked:
        per_en = links.groupby("en_claim_id")["zh_claim_id"].nunique()
        per_zh = links.groupby("zh_claim_id")["en_claim_id"].nunique()
        one_to_one = float(((per_zh == 1) & per_zh.index.map(lambda z: per_en[links.loc[links["zh_claim_id"] == z, "en_claim_id"]].max() == 1)).mean())
    share = linked / held if held else 0.0
    if (held and share >= TRANSLATION_MIN_LINKED and one_to_one >= TRANSLATION_MIN_ONE_TO_ONE
            and not (en_weight and zh_weight < CHINESE_SHORTER_SHARE * en_weight)):
        rows.append(("translation", f"{linked} of {held} Chinese sentences linked, {one_to_one:.0%} of them one to one",
                     "certainty, voice and generalisation shifts: a translator's choices, not a commentator's framing"))
    if held and share < FEW_LINKS_MAX_SHARE:
        rows.append(("few_links", f"only {linked} of {held} Chinese sentences linked to the English",
                     "every framing table: shifts rest on few sentences; read the additions side by side"))
    return pd.DataFrame(rows, columns=CAVEAT_COLUMNS)
