"""Framing shifts between the Chinese commentary and the English original it summarises.

Method (see data/reference/README-framing.md for the full account and the data dictionary):

* Frames. A claim evokes a frame when a cue of data/reference/frames.csv occurs in it (a bilingual lexicon
  adapted from the Policy Frames Codebook, Boydstun et al. 2014). ``frame_mix`` compares the two parts.
* Coverage and omissions. An English claim is *carried* when some Chinese claim links to it in the
  alignment; ``section_coverage`` and ``omissions`` count what the commentary kept and dropped.
* Additions. The commentator's asides (Chinese claims the aligner links to nothing) and the entities only
  the Chinese names.
* Shifts, per *link*: a Chinese claim together with every English claim it links to (one row per linked
  Chinese claim, the English ids '|'-joined). A Chinese sentence that draws on three English sentences is
  judged against the three together, so one link gets one verdict. ``certainty_shift`` compares hedges and
  boosters, ``voice_shift`` whose voice the claim is in, ``generalisation_shift`` names against category words.
* ``framing_table`` puts all of it side by side, one row per Chinese content claim.

The alignment follows the aligner's contract (helpers/align.py): columns ALIGNMENT_COLUMNS, one row per link,
``en_claim_id`` <NA> with relation "addition" for an unlinked Chinese claim, ``zh_claim_id`` <NA> with relation
"omission" for an English claim nothing draws on. This module does not import the aligner's decoder or links; it reads
the aligner's evidence (glosses, renderings, numbers as values) only to tell which sentences of a linked group a Chinese
sentence draws on (``drawn_on``) and which numbers are ratios (``multipliers``).
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from pathlib import Path

import pandas as pd

from ..columns import (
    ADDITION, ADDITION_COLUMNS, BEYOND, CERTAINTY_COLUMNS, CONTENT_KINDS, COVERAGE_COLUMNS, FRAME_MIX_COLUMNS, FRAMING_COLUMNS,
    GENERALISATION_COLUMNS, OMISSION_COLUMNS, PART_COMMENTARY, PART_NONCONTENT, PART_ORIGINAL, SHIFT_COUNT_COLUMNS, TAG_COLUMNS,
    VOICE_COLUMNS,
)
from ..tables.claims import FRAME_GAP, framed_attribution, own_stance_before  # noqa: F401 (FRAME_GAP: re-exported)
from ..tables.claims import claim_matcher, find_cues as claim_cues
from ..tables.entities import _gazetteer_key, _surface_forms, load_gazetteer, tokenizer_for
from ..paths import REFERENCE
from ..params import DEFAULTS
from ..align.dictionary import default_dictionary
from ..align.ecdict import default_ecdict
from ..align.evidence import EnglishTerms, outline_heading, zh_concepts
from ..patterns import ENUMERATOR_NUMBER
from ..align.numbers import (
    CONVERSION_TOLERANCE, NUMBER_TERM, ROUND_MARK, about_figure, chinese_range, chinese_term, converted_match,
    measure_mark, number_spans, number_word_terms, rounded_term, within_range,
)
from ..patterns import BEFORE_NUMBER, BOOK_TITLE, BOUND_NUMBER_AFTER, CLAUSE, EN_TERM, HAN, LATIN_LETTER, QUOTED_SPAN
from ..text.segment import Tokenizer
from ..vocab import (
    FRAME_COLUMNS, CueMatcher, load_categories, load_cues, load_frames, longest_first, outside_addresses, outside_spans,
)
from .themes import SenseCheck


LEXICON_COLUMNS = FRAME_COLUMNS  # the frame lexicon's columns (helpers.vocab)

# Values.
NO_FRAME = ""                      # a claim no cue tags: its frame, and an omission's topic
ASIDE, ENTITY_ONLY_IN_ZH = "aside", "entity_only_in_zh"
SOFTENED, SHARPENED, UNCHANGED = "softened", "sharpened", "unchanged"
AUTHOR, QUOTED = "author", "quoted"   # the English voice: the author's own claim, or someone the author reports
ATTRIBUTED = "attributed"          # the author's claim, kept as the author's (作者认为…)
ABSORBED = "absorbed"              # the author's claim, restated in the commentator's own voice
REATTRIBUTED = "reattributed"      # a claim the author reports from others, credited to the author
QUOTE_ABSORBED = "quote_absorbed"  # a claim the author reports from others, restated in the commentator's voice
GENERALISED, PARTICULARISED = "generalised", "particularised"
SHIFTS = {"certainty": "certainty_shift", "voice": "voice_shift", "generalisation": "generalisation_shift"}

EN_AUTHOR_VOICES = ("first_person", "plain")

#: Over a link to several English sentences, hedges and boosters are compared with those the Chinese draws on within
#: this share of the best one's evidence (``drawn_on``; a Chinese sentence rendering two English ones draws on both);
#: 0 compares the whole group.
DRAWN_SHARE = DEFAULTS.align.sentence_share  # the aligner's own share for the sentences of a paragraph


# ---- matching cues ----------------------------------------------------------------------------

def find_cues(matcher: CueMatcher, text: str, tokenizer: Tokenizer | None = None) -> list[tuple[int, int, str]]:
    """(start, end, label) of a vocabulary's cues in ``text``, overlaps resolved (the longest wins): 国家安全
    (security) beats 安全 (safety). Chinese text is cut by ``tokenizer`` (default: the reference vocabulary's)."""
    tokens = None
    if matcher.needs_tokens and HAN.search(text):
        tokens = (tokenizer or tokenizer_for()).tokenize(text)
    return longest_first(matcher.find(text, tokens))


# ---- frames -----------------------------------------------------------------------------------

def _tokens(senses: SenseCheck, text: str, tokenizer: Tokenizer | None) -> list | None:
    """``text``'s jieba tokens where a weak cue of ``senses`` is a token cue and the text holds Chinese, else None."""
    return (tokenizer or tokenizer_for()).tokenize(text) if senses.needs_tokens and HAN.search(text) else None


def tag_frames(claims: pd.DataFrame, *, lexicon: pd.DataFrame | None = None, tokenizer: Tokenizer | None = None,
               names: dict | None = None) -> pd.DataFrame:
    """Every frame cue in every claim (TAG_COLUMNS; start/end are document offsets), in reading order; ``names``
    (``themes.name_spans``): a cue inside an organisation's or a product's name counts nothing (科技 in 青禾科技).

    >>> tag_frames(pd.DataFrame({"claim_id": [1], "start": [0], "text": ["算力受限"]}))[["frame", "cue"]].values.tolist()
    [['technology', '算力'], ['capacity_and_resources', '受限']]
    """
    lexicon = load_frames() if lexicon is None else lexicon
    cues, senses = CueMatcher(lexicon, "frame"), SenseCheck(lexicon, "frame")  # a weak cue needs its sense confirmed
    rows = [
        (claim_id, frame, text[a:b], offset + a, offset + b)
        for claim_id, offset, text in zip(claims["claim_id"], claims["start"], claims["text"])
        for a, b, frame in senses.kept(text, [m for m in outside_addresses(text, outside_spans(
                                              find_cues(cues, text, tokenizer), (names or {}).get(claim_id)))
                                              if not m[2].startswith("not_")], _tokens(senses, text, tokenizer))  # not_: a look-alike row
    ]
    return pd.DataFrame(rows, columns=TAG_COLUMNS).astype({"claim_id": "int64", "start": "int64", "end": "int64"})


def _frames_by_claim(tags: pd.DataFrame) -> pd.Series:
    """claim_id → its distinct frames in order of first cue, '|'-joined."""
    ordered = tags.sort_values(["claim_id", "start"], kind="stable")
    return ordered.groupby("claim_id", sort=False)["frame"].agg(lambda s: "|".join(dict.fromkeys(s)))


def dominant_frames(tags: pd.DataFrame) -> pd.Series:
    """claim_id → the frame with the most cues in the claim (ties: the one whose cue comes first)."""
    if tags.empty:
        return pd.Series(dtype=object, name="frame")
    counts = tags.assign(first=tags["start"]).groupby(["claim_id", "frame"], sort=False).agg(
        hits=("cue", "size"), first=("first", "min")
    ).reset_index()
    best = counts.sort_values(["claim_id", "hits", "first"], ascending=[True, False, True]).drop_duplicates("claim_id")
    return best.set_index("claim_id")["frame"]


def _content(claims: pd.DataFrame, part: str) -> pd.DataFrame:
    return claims[(claims["part"] == part) & claims["kind"].isin(CONTENT_KINDS)]


def frame_mix(claims: pd.DataFrame, tags: pd.DataFrame, *, parts: tuple[str, ...] = (PART_COMMENTARY, PART_ORIGINAL)) -> pd.DataFrame:
    """Share of each frame per part, two ways: by claims and by characters (FRAME_MIX_COLUMNS).

    A claim's weight (1, or its length in characters) is split equally among the distinct frames it evokes;
    a claim evoking none puts its weight on NO_FRAME (''), so each part's shares sum to 1. ``claims`` counts
    the claims evoking the frame at all.
    """
    content = pd.concat([_content(claims, part) for part in parts])
    pairs = tags[["claim_id", "frame"]].drop_duplicates()
    pairs = content[["claim_id", "part", "text"]].merge(pairs, on="claim_id", how="left")
    pairs["frame"] = pairs["frame"].fillna(NO_FRAME)
    split = pairs.groupby("claim_id")["frame"].transform("size")
    pairs["weight_claims"] = 1.0 / split
    pairs["weight_chars"] = pairs["text"].str.len() / split
    mix = pairs.groupby(["part", "frame"], sort=False).agg(
        claims=("claim_id", "nunique"), weight_claims=("weight_claims", "sum"), weight_chars=("weight_chars", "sum")
    ).reset_index()
    totals = mix.groupby("part")[["weight_claims", "weight_chars"]].transform("sum")
    mix["share_claims"] = mix["weight_claims"] / totals["weight_claims"]
    mix["share_chars"] = mix["weight_chars"] / totals["weight_chars"]
    mix["part"] = pd.Categorical(mix["part"], categories=list(parts), ordered=True)
    mix = mix.sort_values(["part", "share_chars", "frame"], ascending=[True, False, True])
    mix["part"] = mix["part"].astype(str)
    return mix[FRAME_MIX_COLUMNS].reset_index(drop=True)


# ---- links ------------------------------------------------------------------------------------

def _links(alignment: pd.DataFrame) -> pd.DataFrame:
    """Rows of the alignment that link a Chinese claim to an English one, ids as plain ints."""
    linked = alignment[alignment["zh_claim_id"].notna() & alignment["en_claim_id"].notna()]
    return linked.astype({"zh_claim_id": "int64", "en_claim_id": "int64"})


def _groups(alignment: pd.DataFrame) -> pd.DataFrame:
    """One row per linked Chinese claim: its English claim ids (a list, in source order) and '|'-joined."""
    links = _links(alignment).sort_values(["zh_claim_id", "en_claim_id"])
    groups = links.groupby("zh_claim_id", sort=True)["en_claim_id"].agg(lambda s: list(dict.fromkeys(s))).rename("en_ids")
    groups = groups.reset_index()
    groups["en_claim_ids"] = groups["en_ids"].map(lambda ids: "|".join(map(str, ids)))
    return groups


def _carried(alignment: pd.DataFrame) -> set[int]:
    return set(_links(alignment)["en_claim_id"])


def _cues(cell: str) -> list[str]:
    return [c for c in str(cell).split("|") if c] if isinstance(cell, str) else []


# ---- coverage, additions, omissions -------------------------------------------------------------

def _headings(claims: pd.DataFrame) -> pd.Series:
    """section → its heading text ('' for the intro, section 0, which has none)."""
    original = _content(claims, PART_ORIGINAL)
    heads = original[original["kind"] == "heading"].drop_duplicates("section").set_index("section")["text"]
    return pd.Series({s: heads.get(s, "") for s in sorted(original["section"].unique())}, dtype=object)


def section_coverage(alignment: pd.DataFrame, claims: pd.DataFrame) -> pd.DataFrame:
    """How much of each English section the commentary carries, by claims and by characters (COVERAGE_COLUMNS)."""
    original = _content(claims, PART_ORIGINAL).copy()
    original["chars"] = original["text"].str.len()
    original["carried"] = original["claim_id"].isin(_carried(alignment))
    original["carried_chars"] = original["chars"].where(original["carried"], 0)
    coverage = original.groupby("section", sort=True).agg(
        claims=("claim_id", "size"), chars=("chars", "sum"),
        carried_claims=("carried", "sum"), carried_chars=("carried_chars", "sum"),
    ).reset_index()
    coverage["heading"] = coverage["section"].map(_headings(claims)).fillna("")
    coverage["share_claims"] = coverage["carried_claims"] / coverage["claims"]
    coverage["share_chars"] = coverage["carried_chars"] / coverage["chars"]
    return coverage.astype({"carried_claims": "int64", "carried_chars": "int64"})[COVERAGE_COLUMNS]


def asides(alignment: pd.DataFrame, claims: pd.DataFrame) -> pd.DataFrame:
    """The commentator's asides: Chinese content claims linked to no English claim, with their voice."""
    linked = set(_links(alignment)["zh_claim_id"])
    marked = set(alignment.loc[alignment["relation"] == ADDITION, "zh_claim_id"].dropna().astype(int))
    zh = _content(claims, PART_COMMENTARY)
    rows = zh[zh["claim_id"].isin(marked - linked)]
    return pd.DataFrame({
        "addition": ASIDE, "zh_claim_id": rows["claim_id"].astype("int64"), "voice": rows["voice"],
        "entity": "", "org": "", "type": "", "surface": "", "zh_claims": 1, "text": rows["text"],
    }, columns=ADDITION_COLUMNS).reset_index(drop=True)


def entities_only_in_zh(claims: pd.DataFrame, mentions: pd.DataFrame, *, level: str = DEFAULTS.addition_level) -> pd.DataFrame:
    """Entities the commentary names and the original never does (ADDITION_COLUMNS), first mention first.

    ``level="org"`` compares organisations instead, so a model named only in Chinese whose lab the
    English names does not count.
    """
    if level not in ("entity", "org"):
        raise ValueError("level must be 'entity' or 'org'")
    zh_ids = set(_content(claims, PART_COMMENTARY)["claim_id"])
    zh = mentions[mentions["claim_id"].isin(zh_ids)].sort_values("start")
    # the English names what its furniture names too (arXiv in its stamp, a university in its affiliation line), and
    # the site's own name in its masthead is no name the writer adds (bilingual review round 10)
    # but the Chinese post's closing furniture (a related-reading headline, 相关阅读：《月之暗面…》) is no English naming it:
    # Chinese furniture counts only above the Chinese's first sentence (its masthead, its byline) (bilingual review
    # round 18: a 36氪-style 编译 of a scoop)
    lang = mentions["lang"] if "lang" in mentions else pd.Series("", index=mentions.index)
    closing = (mentions["part"] == PART_NONCONTENT) & (lang == "zh") & (mentions["claim_id"] > min(zh_ids, default=0))
    en = mentions[mentions["part"].isin((PART_ORIGINAL, PART_NONCONTENT)) & ~closing]
    if level == "org":
        zh = zh[zh["org"] != ""]
    only = zh[~zh[level].isin(set(en[level]))]
    info = claims.set_index("claim_id")
    first = only.drop_duplicates(level)
    counts = only.groupby(level)["claim_id"].nunique()
    return pd.DataFrame({
        "addition": ENTITY_ONLY_IN_ZH,
        "zh_claim_id": first["claim_id"].astype("int64"),
        "voice": info.loc[first["claim_id"], "voice"].to_numpy(),
        "entity": first["entity"] if level == "entity" else first["org"],
        "org": first["org"], "type": first["type"], "surface": first["surface"],
        "zh_claims": first[level].map(counts).astype("int64"),
        "text": info.loc[first["claim_id"], "text"].to_numpy(),
    }, columns=ADDITION_COLUMNS).reset_index(drop=True)


def additions(alignment: pd.DataFrame, claims: pd.DataFrame, mentions: pd.DataFrame, *,
              level: str = DEFAULTS.addition_level) -> pd.DataFrame:
    """What the Chinese adds: its asides, then the entities only it names, in one table (ADDITION_COLUMNS).

    Sentences beyond the English given (relation ``beyond``) add nothing of the writer's: the English the file lacks
    may well name what they name, so their entities are left out too.
    """
    beyond = set(alignment.loc[alignment["relation"] == BEYOND, "zh_claim_id"].dropna().astype(int))
    parts = [asides(alignment, claims),
             entities_only_in_zh(claims, mentions[~mentions["claim_id"].isin(beyond)], level=level)]
    return pd.concat([p for p in parts if not p.empty] or parts[:1], ignore_index=True)[ADDITION_COLUMNS]


def omissions(alignment: pd.DataFrame, claims: pd.DataFrame, tags: pd.DataFrame, *,
              by: tuple[str, ...] = ("section", "topic")) -> pd.DataFrame:
    """English content claims nothing links to, counted by section and/or topic (their dominant frame)."""
    unknown = set(by) - {"section", "topic"}
    if unknown or not by:
        raise ValueError("by must name 'section' and/or 'topic'")
    original = _content(claims, PART_ORIGINAL)
    dropped = original[~original["claim_id"].isin(_carried(alignment))].copy()
    dropped["topic"] = dropped["claim_id"].map(dominant_frames(tags)).astype(object).fillna(NO_FRAME)
    dropped["chars"] = dropped["text"].str.len()
    table = dropped.groupby(list(by), sort=True).agg(claims=("claim_id", "size"), chars=("chars", "sum")).reset_index()
    if "section" in by:
        table["heading"] = table["section"].map(_headings(claims)).fillna("")
    columns = [c for c in OMISSION_COLUMNS if c in table.columns]
    return table[columns].astype({"claims": "int64", "chars": "int64"})


# ---- shifts -----------------------------------------------------------------------------------

#: An epistemic booster with the future 会 it governs (必然会, 一定会, 势必会): the 会 asserts, it does not hedge.
EPISTEMIC_WILL = re.compile(r"(?:必然|必定|一定|肯定|势必|勢必|注定|必将|必將)会")


def certainty_shift(alignment: pd.DataFrame, claims: pd.DataFrame, *, margin: float = DEFAULTS.certainty_margin,
                    group_limit: int = DEFAULTS.certainty_group_limit, dropped: bool = DEFAULTS.certainty_dropped,
                    close_ratio: float = DEFAULTS.certainty_close_ratio, drawn_share: float = DRAWN_SHARE,
                    tokenizer: Tokenizer | None = None) -> pd.DataFrame:
    """Did the commentary soften or sharpen the author's certainty? One row per link (CERTAINTY_COLUMNS).

    Like is compared with like, kind by kind (hedges, boosters, quantities): a side's cue of a kind counts only
    where the other side has no cue of that kind at all, so a hedge translated by a hedge is unchanged, whatever
    the two hedges are. A hedge counts −1 and a booster +1; the weak cues of cues.csv (weak_hedge, weak_booster:
    "would", "often", 通常, 所有) and the modals that can render a possibility (category ``modal``: 会, 可以, "can")
    never count by themselves, but they do render a cue of their kind on the other side ("can be quite technical"
    → 可能相当技术化 is unchanged; over a link to several English sentences an English modal renders only Chinese
    hedges of possibility, category ``possibility``: 可能, 也许, so "It is small. It can fail." → 它可能出错 is
    unchanged while 不一定 there still softens); so do the obligations (category ``obligation``: "shall", "required", 应当, 需要)
    for a booster of obligation ("shall provide" → 必须提供, "must install" → 需要安装: unchanged). Quantities (categories ``quantity_all`` > ``quantity_most`` > ``quantity_many``
    > ``quantity_some``: "every" 所有, "most" 大多数, "many" 很多, "some" 一些) count where both sides quantify and the
    Chinese goes up or down the scale ("Most developers" → 很多开发者: softened), over a link to at most
    ``group_limit`` English sentences (a longer group holds quantities the Chinese does not render). An English hedge
    or booster the Chinese lacks counts (with ``dropped``) only where the Chinese renders that English sentence
    closely: the link is one to one (the English sentence is linked to this Chinese sentence alone) and the Chinese
    is at least ``close_ratio`` of the English's weight (Han characters against Latin letters / 3). A summary's
    sentence that compresses its English drops qualifiers with the rest ("obviously" left out of a shortened
    clause softens nothing); a translator who leaves out "primarily" or "may" does sharpen. The cues are found with
    their scope (helpers/tables/claims.py ``find_cues``: 在一定程度上 one hedge, 不一定 a hedge
    and no booster, "May 2024" no hedge). zh_certainty and en_certainty are what each side counts after that
    comparison; ``sharpened`` when Chinese − English > ``margin``, ``softened`` when < −``margin``. More scales
    count, like quantities, only where both versions place the claim on them, over at most ``group_limit`` English
    sentences: superlatives (one of a kind against one of a few: "the top performer" → 名列前茅 softens, "one of
    the strongest" → 最强 sharpens; ``SUPERLATIVE_SCALE``) and degree words two steps apart ("slightly" → 非常
    sharpens; ``DEGREE_SCALE``), and how much of a claim holds, a step apart ("fully solved" → 部分地解决 softens;
    ``EXTENT_SCALE``, a step rendering a hedge or a booster of the other side as a weak cue does), of evidence two
    steps apart ("suggests" → 证明 sharpens; ``EVIDENCE_SCALE``) of rarity ("rarely" → 从不; ``RARITY_SCALE``) and of
    prediction ("could" → 将会; ``PREDICTION_SCALE``).
    Renderings (cues.csv ``hedge_rendering``, ``booster_rendering``: 大量 for
    "substantially", "large" for 显著) render a cue of their kind as a weak cue does, and are listed in no claim's
    hedges or boosters. zh_other_cues and en_other_cues list the modals, obligations, quantities, superlatives, degree,
    extent, evidence, rarity and prediction words and renderings found, by category ('quantity_most:Most|modal:can'). Over a
    link to several English sentences,
    hedges, boosters, modals, obligations and renderings are read in the sentences the Chinese draws on (``drawn_on``,
    clause by clause, within ``drawn_share`` of the best one's evidence; 0: the whole group), and a scale's step counts
    only beyond every English sentence on that scale (``scale_shift``). A title the sentence cites (``title_spans``)
    lends none of its cues; a magnitude (``multipliers``, cues.csv ``magnitude``) renders an intensifier only where
    the other version states none.
    """
    info = claims.set_index("claim_id")
    groups = _groups(alignment)
    links = _links(alignment)
    sharing = links.groupby("en_claim_id")["zh_claim_id"].agg(lambda z: list(dict.fromkeys(z))).to_dict()
    strength = links.groupby("zh_claim_id")["score"].max().to_dict()
    weak = _weak_cues()
    possibility = _cue_forms("possibility")
    epistemic = _cue_forms("epistemic")
    approximations = _cue_forms("approximation")
    breaks = _cue_forms("approximation_break")
    extra = _certainty_matchers()
    tok = tokenizer or tokenizer_for()

    memo: dict[tuple[int, str], list[str]] = {}

    def found(ids: list[int], kind: str) -> list[str]:
        out = []
        for i in ids:
            if (i, kind) in memo:  # a sentence is read once per kind: alone, in its group, and as a sharer
                out += memo[i, kind]
                continue
            text = info.at[i, "text"]
            if kind in ("superlative", "rendering") or kind in LOOK_ALIKE_SCALES:
                cues = scoped_cues(extra[kind], text, tok)
            else:
                cues = [c for c in find_cues(extra[kind], text, tok) if not c[2].startswith("not_")]
            if kind == "quantity":
                cues = near_universal_scope(text, partial_negation_scope(text, cues, tok), tok)
            if kind == "superlative":
                cues = superlative_scope(text, bound_scope(text, cues))
            if kind == "extent":
                cues = negated_extent_scope(text, cues, tok)
            if kind == "prediction":
                cues = hedged_future(text, cues)
            if kind == "rendering":
                cues = sorted(negated_renderings(text, cues, tok) + multipliers(text))
            cues = outside_titles(text, cues)
            memo[i, kind] = [label + ":" + text[a:b] for a, b, label in cues]
            out += memo[i, kind]
        return out

    def carries(i: int, kind: str) -> bool:
        """Whether a Chinese sentence holds any cue of ``kind`` (hedge or booster), weak ones and renderings included."""
        if kind == "hedge":
            return bool(cited(i, "hedges") or found([i], "modal") or _of(found([i], "rendering"), "hedge_rendering"))
        return bool(cited(i, "boosters") or found([i], "obligation") or
                    [c for c in found([i], "rendering") if c.split(":")[0] != "hedge_rendering"])

    def cited(i: int, column: str) -> list[str]:
        """A claim's hedges or boosters, less those inside a title it cites and a reported speech's backshifted
        'would'; a Title-Case heading's read afresh."""
        text = info.at[i, "text"]
        if title_case(text):
            return heading_cues(text, CERTAINTY_OF[column])
        found = untitled(text, _cues(info.at[i, column]))
        if column != "hedges":
            return found
        found = backshifted(text, found)
        approximate = approximating(text, found, approximations, breaks)
        return [c for c in found if c not in approximate] if approximate else found

    def level(cues: list[str], kind: str, renderings: list[str]) -> int:
        """2: a cue of ``kind`` that weighs; 1: only weak cues or renderings; 0: none."""
        if any(not _is_weak(c, weak[kind]) for c in cues):
            return 2
        return 1 if cues or renderings else 0

    rows = []
    for zh_id, en_ids, en_claim_ids in zip(groups["zh_claim_id"], groups["en_ids"], groups["en_claim_ids"]):
        zh_h, zh_b = cited(zh_id, "hedges"), cited(zh_id, "boosters")
        # hedges and boosters are compared with the English sentence(s) the Chinese draws on most, not the whole group:
        # a hedge in another sentence of the paragraph neither hides nor invents a shift
        drawn = [en_ids[k] for k in drawn_on(info.at[zh_id, "text"], [info.at[i, "text"] for i in en_ids], tok,
                                              share=drawn_share)] if len(en_ids) > 1 and drawn_share > 0 else en_ids
        en_h = [c for i in drawn for c in cited(i, "hedges")]
        en_b = [c for i in drawn for c in cited(i, "boosters")]
        zh_m = found([zh_id], "modal")
        # the future 会 of an epistemic booster (必然会, 一定会) is the booster's, not a modal that hedges
        if EPISTEMIC_WILL.search(info.at[zh_id, "text"]):
            zh_m = [c for c in zh_m if c != "modal:会"]
        en_m = found(drawn, "modal") if len(en_ids) == 1 or (zh_h and all(_is_weak(c, possibility) for c in zh_h)) \
            else []
        zh_o, en_o = found([zh_id], "obligation"), found(drawn, "obligation")  # as renderings: over what it draws on
        zh_rend, en_rend = found([zh_id], "rendering"), found(drawn, "rendering")  # as weak cues: likewise
        # a magnitude renders an intensifier only where the other version states none: stated by both, it is their
        # shared fact ("dramatically faster (2.3x)" → 快了 2.3 倍 drops "dramatically")
        zh_boost = _of(zh_rend, "booster_rendering") + (_of(zh_rend, "magnitude") if not _of(en_rend, "magnitude") else [])
        en_boost = _of(en_rend, "booster_rendering") + (_of(en_rend, "magnitude") if not _of(zh_rend, "magnitude") else [])
        zh_q, en_q = found([zh_id], "quantity"), found(en_ids, "quantity")
        one = len(en_ids) == 1
        close = one and rendering_ratio(info.at[zh_id, "text"], info.at[en_ids[0], "text"]) >= close_ratio
        # the English sentence is this Chinese sentence's alone, or its strongest link's, the others sharing it
        # carrying no cue of the kind (a summary's second sentence that touches the same English renders nothing)
        sharers = [o for o in sharing.get(en_ids[0], [zh_id]) if o != zh_id] if one else []
        strongest = not sharers or strength.get(zh_id, 0.0) > max(strength.get(o, 0.0) for o in sharers)
        if not one:
            # a translator's sentence that merges English sentences renders each closely as one to one does: a cue
            # dropped from the sentences it draws on counts where no other Chinese sentence draws on them and the
            # Chinese carries their weight together
            # against the whole group (a sentence that renders one of the group compresses the rest away)
            # and meets each of them
            sharers = list(dict.fromkeys(o for i in en_ids for o in sharing.get(i, [zh_id]) if o != zh_id))
            en_texts = [info.at[i, "text"] for i in en_ids]
            close = (not sharers and rendering_ratio(info.at[zh_id, "text"], " ".join(en_texts)) >= close_ratio
                     and draws_on_each(info.at[zh_id, "text"], en_texts, tok))
        zh_score = en_score = 0
        # a hedge that approximates a number (大概两天 'about two days') renders a hedge as a weak cue does
        zh_approx = approximating(info.at[zh_id, "text"], _cues(info.at[zh_id, "hedges"]), approximations, breaks)
        en_approx = [c for i in drawn for c in approximating(info.at[i, "text"], _cues(info.at[i, "hedges"]),
                                                             approximations, breaks)]
        # approximations pair with each other first: where both versions approximate their numbers (约三成 for
        # "roughly 30%"), the Chinese 约 renders the English "roughly", not a hedge on the claim beside it ("it
        # appears to have cut ... by roughly 30%" → 下降了约三成 drops "appears to"), and likewise the other way
        if zh_approx and en_approx:
            zh_approx, en_approx = [], []
        # a step on the extent scale renders a cue of its kind as a weak cue does (partly, largely a hedge; fully a
        # booster): 尚未完全解决 for "has not been fully solved" drops no hedge, the two holding the same step
        zh_e, en_drawn_e = found([zh_id], "extent"), found(drawn, "extent")
        zh_part, en_part = _below_full(zh_e), _below_full(en_drawn_e)
        zh_full, en_full = _of(zh_e, "extent_full"), _of(en_drawn_e, "extent_full")
        for kind, sign, zh, en, zh_r, en_r in (("hedge", -1, zh_h, en_h,
                                                zh_m + _of(zh_rend, "hedge_rendering") + zh_approx + zh_part,
                                                en_m + _of(en_rend, "hedge_rendering") + en_approx + en_part),
                                               ("booster", 1, zh_b, en_b, zh_o + zh_boost + zh_full,
                                                en_o + en_boost + en_full)):
            if kind == "booster":
                zh, zh_r, en, en_r = epistemic_renderings(zh, zh_r, zh_o, en, en_r, en_o, weak[kind], epistemic)
            z, e = level(zh, kind, zh_r), level(en, kind, en_r)
            if z == 2 and e == 0:
                zh_score += sign
            # a booster the English states and the Chinese replaces by a hedge of its own (clearly -> 某种程度上可能) is
            # swapped, not compressed away: it counts however loosely the Chinese renders the English around it
            swapped = kind == "booster" and level(zh_h, "hedge", []) == 2 and not zh_b
            if e == 2 and z == 0 and dropped and (swapped or (close and strongest
                                                              and not any(carries(o, kind) for o in sharers))):
                en_score += sign
        zh_s, en_s = found([zh_id], "superlative"), found(en_ids, "superlative")
        zh_d, en_d = found([zh_id], "degree"), found(en_ids, "degree")
        en_e = found(en_ids, "extent")
        zh_more_by = {kind: found([zh_id], kind) for kind in MORE_SCALES}
        zh_more = [c for cues in zh_more_by.values() for c in cues]
        en_more = [c for kind in MORE_SCALES for c in found(en_ids, kind)]
        if len(en_ids) <= group_limit:
            for scale, kind, zh_c in ((QUANTITY_SCALE, "quantity", zh_q), (SUPERLATIVE_SCALE, "superlative", zh_s),
                                      (DEGREE_SCALE, "degree", zh_d), (EXTENT_SCALE, "extent", zh_e),
                                      *((scale, kind, zh_more_by[kind]) for kind, scale in MORE_SCALES.items())):
                # each English sentence's step on its own: a step in another sentence of the group neither hides
                # nor invents a shift, so the Chinese counts only beyond every English sentence that is on the scale
                # a step both versions hold is their shared quantifier; only the others are compared
                shift = scale_verdict(scale_steps(zh_c, scale), [scale_steps(found([i], kind), scale) for i in en_ids],
                                      SCALE_GAP[id(scale)])
                zh_score += shift > 0
                en_score += shift < 0
        diff = zh_score - en_score
        shift = SHARPENED if diff > margin else SOFTENED if diff < -margin else UNCHANGED
        rows.append((zh_id, en_claim_ids, "|".join(zh_h), "|".join(zh_b), "|".join(en_h), "|".join(en_b),
                     "|".join(zh_m + zh_o + zh_q + zh_s + zh_d + zh_e + zh_more + zh_rend),
                     "|".join(found(en_ids, "modal") + found(en_ids, "obligation") + en_q + en_s + en_d + en_e + en_more
                              + en_rend),
                     float(zh_score), float(en_score),
                     shift))
    return pd.DataFrame(rows, columns=CERTAINTY_COLUMNS)


def drawn_on(zh: str, en: list[str], tokenizer: Tokenizer | None = None, *, share: float = 1.0) -> list[int]:
    """Which of a linked group's English sentences a Chinese sentence draws on, by the aligner's own evidence (its
    words glossed through CC-CEDICT, the English words rendered through ECDICT, numbers as values; each shared concept
    weighted by how few of the group's sentences hold it), clause by clause: for each clause of the Chinese, the
    English sentences within ``share`` of the best one's evidence; all of them where no clause meets any.

    >>> drawn_on("芯片供应可能受限。", ["Demand is high.", "Chip supply is limited.", "Prices rise."])
    [1]
    >>> drawn_on("芯片供应受限，价格上涨。", ["Demand is high.", "Chip supply is limited.", "Prices rise."])
    [1, 2]
    """
    drawn: set[int] = set()
    for scores in _clause_evidence(zh, en, tokenizer):
        best = max(scores, default=0.0)
        if best > 0:
            drawn.update(k for k, score in enumerate(scores) if score >= share * best)
    return sorted(drawn) or list(range(len(en)))


def draws_on_each(zh: str, en: list[str], tokenizer: Tokenizer | None = None) -> bool:
    """Whether each English sentence of a group is the one some clause of a Chinese sentence draws on most (a merged
    translation renders each in a clause of its own; a sentence that meets one of them, or one clause that shares a
    word with several, compresses the rest away).

    >>> draws_on_each("芯片供应受限，价格上涨。", ["Chip supply is limited.", "Prices rise."])
    True
    >>> draws_on_each("芯片供应受限。", ["Chip supply is limited.", "Chip prices rise."])
    False
    """
    met: set[int] = set()
    for scores in _clause_evidence(zh, en, tokenizer):
        best = max(scores, default=0.0)
        if best > 0:
            met.update(k for k, score in enumerate(scores) if score >= best)
    return len(met) == len(en)


def _clause_evidence(zh: str, en: list[str], tokenizer: Tokenizer | None) -> list[list[float]]:
    """For each clause of ``zh``, its evidence with each English sentence of ``en`` (``drawn_on``'s weights)."""
    terms = [_english_terms(tokenizer)(text) for text in en]
    out = []
    for clause in CLAUSE.findall(zh):
        concepts = zh_concepts(clause, default_dictionary(), tokenizer=tokenizer)
        scores = []
        for text_terms in terms:
            total = 0.0
            for _key, renderings, factor in concepts:
                if renderings & text_terms:
                    held = sum(1 for t in terms if renderings & t)
                    total += factor * (1.0 + math.log(len(en) / held))
            scores.append(total)
        out.append(scores)
    return out


@lru_cache(maxsize=4)
def _english_terms(tokenizer: Tokenizer | None) -> EnglishTerms:
    """The aligner's English terms (stems and their ECDICT renderings), memoised per word, one per tokenizer."""
    return EnglishTerms(default_ecdict(), DEFAULTS.align.en_zh_senses, tokenizer)


def epistemic_renderings(zh: list[str], zh_r: list[str], zh_o: list[str], en: list[str], en_r: list[str],
                         en_o: list[str], weak: tuple, epistemic: tuple) -> tuple[list, list, list, list]:
    """Boosters and renderings of each side, where one side's weighed boosters all assert the claim's truth (cues.csv
    ``epistemic``: 无疑, 必将, clearly) and the other holds no such cue nor rendering (可见 'evidently'): that other side's weak boosters and renderings
    of size are then no rendering of it (a major breakthrough → 无疑是重大突破 sharpens), only its weighed boosters
    and its obligations are (must → 一定要: unchanged).

    >>> weak, epistemic = ({"major", "大幅"}, ()), ({"无疑", "clearly"}, ())
    >>> epistemic_renderings(["无疑"], [], [], [], ["booster_rendering:major"], [], weak, epistemic)
    (['无疑'], [], [], [])
    >>> epistemic_renderings(["无疑"], [], [], ["clearly"], [], [], weak, epistemic)
    (['无疑'], [], ['clearly'], [])
    """
    def asserts(cues: list[str]) -> bool:
        weighed = [c for c in cues if not _is_weak(c, weak)]
        return bool(weighed) and all(_is_weak(c, epistemic) for c in weighed)

    def holds(cues: list[str], renderings: list[str]) -> bool:
        return any(_is_weak(c, epistemic) for c in cues + [r.split(":", 1)[-1] for r in renderings])

    if asserts(zh) and not holds(en, en_r):
        # an obligation renders a booster of obligation (must → 一定要), not one of truth (have to → 必然)
        en, en_r = [c for c in en if not _is_weak(c, weak)], [o for o in en_o if o.split(":", 1)[-1].lower() == "must"]
    elif asserts(en) and not holds(zh, zh_r):
        zh, zh_r = [c for c in zh if not _is_weak(c, weak)], zh_o
    return zh, zh_r, en, en_r


def _below_full(cues: list[str]) -> list[str]:
    """The extent cues ('category:text') under fully: partly and largely, which render a hedge."""
    return [c for c in cues if c.split(":")[0] in ("extent_partial", "extent_large")]


def _of(cues: list[str], category: str) -> list[str]:
    """The cues ('category:text') of one category."""
    return [c for c in cues if c.split(":")[0] == category]


def rendering_ratio(zh: str, en: str) -> float:
    """How much of an English sentence's weight a Chinese sentence carries: (Han characters + Latin letters / 3) over
    the English's Latin letters / 3; a close translation is near 1, a compressed summary well under.

    >>> round(rendering_ratio("模型很强。", "The model is strong."), 2)
    0.75
    """
    english = len(LATIN_LETTER.findall(en)) / 3
    chinese = len(HAN.findall(zh)) + len(LATIN_LETTER.findall(zh)) / 3
    return chinese / english if english else float("inf")


def _weak_cues() -> dict[str, tuple[set[str], tuple[str, ...]]]:
    """hedge / booster → the cues (case folded) of cues.csv's weak_hedge / weak_booster, shown, not weighed: those
    matched whole, and the stems of those matched as a prefix (彻底 finds 彻底解决) or with a trailing *."""
    return {kind: _cue_forms("weak_" + kind) for kind in ("hedge", "booster")}


def _cue_forms(category: str) -> tuple[set[str], tuple[str, ...]]:
    """The cues (case folded) of one cues.csv category: those matched whole, and the stems of those matched as a
    prefix or with a trailing * (``_is_weak`` tests a cue found verbatim against them)."""
    cues = load_cues()
    rows = cues[cues["category"] == category]
    stem = (rows["match"] == "prefix") | rows["cue"].str.endswith("*")
    return (set(rows.loc[~stem, "cue"].str.casefold()), tuple(rows.loc[stem, "cue"].str.rstrip("*").str.casefold()))


def _is_weak(cue: str, weak: tuple[set[str], tuple[str, ...]]) -> bool:
    """Whether a cue found verbatim is one of the weak cues ``_weak_cues`` gives for its kind."""
    whole, stems = weak
    folded = cue.casefold()
    return folded in whole or folded.startswith(stems)


#: The quantity scale of cues.csv (every > most > many > some): where both versions quantify, a step down the
#: scale softens ("Most developers" → 很多开发者), a step up sharpens ("many" → 大多数).
QUANTITY_SCALE = {"quantity_all": 4, "quantity_most": 3, "quantity_many": 2, "quantity_some": 1}


#: Where a clause ends: a universal quantifier's negation must stand in the quantifier's own clause.
CLAUSE_ENDS = frozenset("，,；;。！？!?：:\n")


def partial_negation_scope(text: str, cues: list[tuple[int, int, str]], tokenizer: Tokenizer | None = None
                           ) -> list[tuple[int, int, str]]:
    """Quantity cues with a negation's scope: a Chinese universal quantifier (``quantity_all``: 每个, 所有) that a
    partial negation (cues.csv ``partial_negation``: 并不是, 并非, 不都) follows in its own clause says "not every",
    a step down to ``quantity_some`` (每个词并不是同等重要 for "not every word is equally important"); 都不是 (none
    of them) is a whole negation and keeps the quantifier's step.

    >>> partial_negation_scope("每个词并不是同等重要。", [(0, 2, "quantity_all")])
    [(0, 2, 'quantity_some')]
    >>> partial_negation_scope("每个词都不是同等重要。", [(0, 2, "quantity_all")])
    [(0, 2, 'quantity_all')]
    """
    if not HAN.search(text) or not any(label == "quantity_all" for _, _, label in cues):
        return cues
    negations = [(a, b) for a, b, label in find_cues(_category_matcher("partial_negation"), text, tokenizer)
                 if label == "partial_negation" and not (a > 0 and text[a - 1] == "都")]
    out = []
    for a, b, label in cues:
        if label == "quantity_all":
            end = next((k for k in range(b, len(text)) if text[k] in CLAUSE_ENDS), len(text))
            if any(b <= x and y <= end for x, y in negations):
                label = "quantity_some"
        out.append((a, b, label))
    return out


def near_universal_scope(text: str, cues: list[tuple[int, int, str]], tokenizer: Tokenizer | None = None
                         ) -> list[tuple[int, int, str]]:
    """Quantity cues with an approximating adverb's scope: a Chinese universal quantifier (``quantity_all``: 所有)
    that an adverb of cues.csv ``near_universal`` (几乎, 差不多) stands before in its own clause says "almost all", a
    step down to ``quantity_most``, where the adverb comes before the verb and the quantifier after it
    (它几乎支持所有主流框架 for "it supports almost all mainstream frameworks").

    >>> near_universal_scope("它几乎支持所有主流框架。", [(5, 7, "quantity_all")])
    [(5, 7, 'quantity_most')]
    >>> near_universal_scope("它几乎不用,所有人都知道。", [(6, 8, "quantity_all")])
    [(6, 8, 'quantity_all')]
    """
    if not HAN.search(text) or not any(label == "quantity_all" for _, _, label in cues):
        return cues
    adverbs = [a for a, _, label in find_cues(_category_matcher("near_universal"), text, tokenizer)
               if label == "near_universal"]
    out = []
    for a, b, label in cues:
        if label == "quantity_all":
            start = max((k + 1 for k in range(a) if text[k] in CLAUSE_ENDS), default=0)
            if any(start <= x < a for x in adverbs):
                label = "quantity_most"
        out.append((a, b, label))
    return out


#: Superlatives (cues.csv ``superlative``: 最强, 最佳, "the best", "state-of-the-art"): one of a kind (2), or one of a
#: few (1: ``one_of`` in the superlative's clause, "one of the strongest", 最强的…之一; or ``superlative_among``:
#: 名列前茅, "among the top"). Where both versions rank the claim, "the top performer" → 名列前茅 softens and "one
#: of the best" → 最好的 sharpens; a superlative both versions share, or one only one version has, counts for nothing.
SUPERLATIVE_SCALE = {"superlative_among": 1, "superlative": 2}

#: Degree words (cues.csv ``degree_slight`` < ``degree_moderate`` < ``degree_strong``: 略/slightly, 比较/fairly,
#: 非常/very): where both versions grade the claim, only a gap of two steps shifts it ("slightly faster" → 非常快
#: sharpens); a step is a translator's choice of words (very → 比较, highly → 极其 are the same).
DEGREE_SCALE = {"degree_slight": 1, "degree_moderate": 2, "degree_strong": 3}

#: How much of a claim holds (cues.csv ``extent_partial`` < ``extent_large`` < ``extent_full``: 部分地/partly,
#: 基本上/largely, 完全/fully): where both versions place the claim on it, a step down softens ("fully solved" →
#: 部分地解决, "largely" → "partly") and a step up sharpens; the same step on both sides is no shift (尚未完全解决 for
#: "not fully solved"), and a fully word only one version has counts only as a hedge or booster it is (weak ones do not).
EXTENT_SCALE = {"extent_partial": 1, "extent_large": 2, "extent_full": 3}

#: How seldom (cues.csv ``rarity_few`` < ``rarity_none``: rarely, 很少 < never, 从不): where both versions place the
#: claim on it, "rarely" → 从不 sharpens and "never" → 很少 softens.
RARITY_SCALE = {"rarity_few": 1, "rarity_none": 2}

#: How strongly a finding supports a claim (cues.csv ``evidence_suggest`` < ``evidence_show`` < ``evidence_prove``:
#: suggest, 暗示 < show, 表明 < prove, 证明): as degree words, only two steps apart ("suggests" → 证明 sharpens; "shows"
#: → 证明 and "suggests" → 表明 are a translator's choice).
EVIDENCE_SCALE = {"evidence_suggest": 1, "evidence_show": 2, "evidence_prove": 3}

#: A possibility against a prediction (cues.csv ``prediction_possible`` < ``prediction_future``: could, might < will,
#: 将会): where both versions place the claim on it, "could double" → 将会翻倍 sharpens. The Chinese has only the
#: future step (将会, 将要; 可能 is a hedge, compared as one), so the scale shifts only that way.
PREDICTION_SCALE = {"prediction_possible": 1, "prediction_future": 2}

#: The scales compared only where both versions place a claim on them and read by nothing else: kind → scale.
MORE_SCALES = {"rarity": RARITY_SCALE, "evidence": EVIDENCE_SCALE, "prediction": PREDICTION_SCALE}

#: The kinds whose look-alikes (not_<kind>) drop a cue they contain (``scoped_cues``).
LOOK_ALIKE_SCALES = ("degree", "extent", *MORE_SCALES)

#: The least gap on each scale that shifts certainty.
SCALE_GAP = {id(QUANTITY_SCALE): 1, id(SUPERLATIVE_SCALE): 1, id(DEGREE_SCALE): 2, id(EXTENT_SCALE): 1,
             id(RARITY_SCALE): 1, id(EVIDENCE_SCALE): 2, id(PREDICTION_SCALE): 1}


def scale_step(cues: list[str], scale: dict[str, int]) -> int:
    """The highest step of ``scale`` among ``found`` cues ('category:text'), 0 where none is on it.

    >>> scale_step(["superlative_among:之一", "modal:can"], SUPERLATIVE_SCALE)
    1
    """
    return max((scale.get(c.split(":")[0], 0) for c in cues), default=0)


def scale_shift(zh: int, en: list[int], gap: int) -> int:
    """+1 where the Chinese step ``zh`` stands at least ``gap`` above every English sentence's step ``en`` (those on the
    scale), −1 where at least ``gap`` below every one, 0 otherwise (no step on one side, or within the group's range).

    >>> scale_shift(2, [3], 1), scale_shift(2, [3, 2], 1), scale_shift(4, [3, 2], 1), scale_shift(1, [2], 2)
    (-1, 0, 1, 0)
    """
    if not zh or not en:
        return 0
    return 1 if zh - max(en) >= gap else -1 if min(en) - zh >= gap else 0


def scale_steps(cues: list[str], scale: dict[str, int]) -> set[int]:
    """Every step of ``scale`` among ``found`` cues ('category:text').

    >>> sorted(scale_steps(["quantity_all:All", "quantity_some:some", "modal:can"], QUANTITY_SCALE))
    [1, 4]
    """
    return {scale[c.split(":")[0]] for c in cues if c.split(":")[0] in scale}


def scale_verdict(zh: set[int], en: list[set[int]], gap: int) -> int:
    """``scale_shift`` over the steps each version's sentence holds: a step the Chinese shares with an English sentence
    is their common quantifier, and only the steps left on both sides are compared ("All models have some weaknesses"
    → 模型都有一些缺点 keeps 'some' and renders 'all' by 都: no shift; "many benchmarks; some results" → 所有基准…一些结果
    sharpens). +1 where the Chinese stands at least ``gap`` above every English sentence on the scale, −1 below.

    >>> scale_verdict({1}, [{4, 1}], 1), scale_verdict({4, 1}, [{2, 1}], 1), scale_verdict({2}, [{3}], 1)
    (0, 1, -1)
    >>> scale_verdict({2}, [{3}, {2}], 1), scale_verdict({4}, [{3}, {2}], 1), scale_verdict(set(), [{3}], 1)
    (0, 1, 0)
    """
    verdicts = []
    for steps in en:
        if not steps:
            continue
        if not zh:
            return 0
        shared = zh & steps
        z, e = zh - shared, steps - shared
        if not z or not e:
            verdicts.append(0)
            continue
        verdicts.append(scale_shift(max(z), [max(e)], gap))
    return 1 if verdicts and all(v == 1 for v in verdicts) else -1 if verdicts and all(v == -1 for v in verdicts) else 0


#: A hedge right before a Chinese future (或将改变, 可能将成为, 恐将导致): 'may change', a possibility, not a forecast.
HEDGED_FUTURE_BEFORE = re.compile(r"(?:或|恐|可能|也许|也許|或许|或許)$")
#: An English 'will' under a possibility in its own clause ("it's possible that by 2028 most tokens will …",
#: "perhaps … will"): a possibility, not a forecast.
HEDGED_FUTURE_BEFORE_EN = re.compile(r"\b(?:it'?s possible|it is possible|possibly|perhaps|maybe)\b(?:(?![.;!?]).)*$", re.IGNORECASE)
#: An English future hedged right after its 'will' (will likely, will probably): a possibility, as 很可能会 renders it.
HEDGED_FUTURE_AFTER_EN = re.compile(r"\s+(?:most\s+|very\s+)?(?:likely|probably|possibly|perhaps|maybe)\b", re.IGNORECASE)


def hedged_future(text: str, cues: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Prediction cues with a hedged Chinese future read as a possibility (``HEDGED_FUTURE_BEFORE``).

    >>> hedged_future("这或将改变行业。", [(2, 5, "prediction_future")])
    [(2, 5, 'prediction_possible')]
    """
    return [(a, b, "prediction_possible" if label == "prediction_future" and (
                (HAN.search(text[a:b]) and HEDGED_FUTURE_BEFORE.search(text, 0, a))
                or (not HAN.search(text[a:b]) and (HEDGED_FUTURE_BEFORE_EN.search(text[max(0, a - 60):a])
                                                   or HEDGED_FUTURE_AFTER_EN.match(text, b))))
             else label) for a, b, label in cues]


def bound_scope(text: str, cues: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Superlative cues less the Chinese ones a number follows: 最长 32K, 最高可达 90%, 最多 8 张 state a bound ('up
    to'), not a rank.

    >>> bound_scope("支持最长 32K 的上下文。", [(2, 4, "superlative")]), bound_scope("最强的模型。", [(0, 2, "superlative")])
    ([], [(0, 2, 'superlative')])
    """
    return [(a, b, label) for a, b, label in cues
            if not (label == "superlative" and HAN.search(text[a:b]) and BOUND_NUMBER_AFTER.match(text, b))]


#: The least ratio that renders an intensifier: "2.3x faster" and 提升 2.3 倍 say how much, as 大幅 or "dramatically" do.
MULTIPLIER_FLOOR = 2.0


def multipliers(text: str) -> list[tuple[int, int, str]]:
    """A ratio of at least ``MULTIPLIER_FLOOR`` (2.3x, 15 倍, 翻倍, twice) as a ``magnitude`` cue: a number that
    measures how much renders the other version's intensifier where that version states no magnitude itself.

    >>> multipliers("推理速度提升 2.3 倍。"), multipliers("It uses 1.5x the memory."), multipliers("Never the same twice.")
    ([(7, 12, 'magnitude')], [], [])
    """
    out = []
    for a, b, term in number_spans(text):
        if term.startswith(NUMBER_TERM + "x") and float(term[len(NUMBER_TERM) + 1:]) >= MULTIPLIER_FLOOR \
                and not text[a:b].isalpha():  # 'twice' also counts occasions ('never the same twice'); 翻倍 has 倍
            out.append((a, b, "magnitude"))
    return out


def title_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` cites a title: in book-title marks (《…》), or an English title in double quotes whose words of
    four letters or more are all capitalised ("Why Most Projects Fail"; not "it may fail", a quotation).

    >>> title_spans('他在《模型可能会说谎》中说。'), title_spans('See "Why Most Projects Fail" and "it may fail".')
    ([(2, 11)], [(4, 28)])
    """
    spans = [m.span() for m in BOOK_TITLE.finditer(text)]
    for m in QUOTED_SPAN.finditer(text):
        words = EN_TERM.findall(m.group(1))
        long = [w for w in words if len(w) >= 4]
        if len(words) >= 2 and long and all(w[0].isupper() for w in long) and not HAN.search(m.group(1)):
            spans.append(m.span())
    return sorted(spans)


#: The certainty column of a claim → its cue category.
CERTAINTY_OF = {"hedges": "hedge", "boosters": "booster"}


def title_case(text: str) -> bool:
    """Whether ``text`` is an English line in Title Case: two words or more, all its words of four letters or more
    capitalised, no Chinese and no full stop inside (a heading: 'Potential Issues', 'Significant Performance Gains').

    >>> title_case("Significant Performance Gains"), title_case("It may fail."), title_case("Potential issues")
    (True, False, False)
    """
    if HAN.search(text) or "." in text.rstrip(". "):
        return False
    words = EN_TERM.findall(text)
    long = [w for w in words if len(w) >= 4]
    return len(words) >= 2 and bool(long) and all(w[0].isupper() for w in long)


def heading_cues(text: str, category: str) -> list[str]:
    """A Title-Case heading's cues of ``category`` (hedge or booster): every word is capitalised there, so a capital is
    no sign of a name or a month ('Potential Issues' hedges as 'potential issues' would); a cue before a number
    ('May 2024') or inside a hyphenated compound still is none.

    >>> heading_cues("Potential Issues", "hedge"), heading_cues("Released May 2024", "hedge")
    (['Potential'], [])
    """
    found = claim_matcher().find(text, None, labels=(category, "not_" + category))
    kept = [(a, b, label) for a, b, label in found
            if not (label == category and (BEFORE_NUMBER.match(text, b) or (a and text[a - 1] == "-") or
                                           (b < len(text) and text[b] == "-")))]
    kept = [(a, b, label) for a, b, label in kept if label != category or not any(
        x <= a and b <= y for x, y, other in kept if other == "not_" + category)]
    return [text[a:b] for a, b, label in longest_first([c for c in kept if c[2] == category])]


def outside_titles(text: str, cues: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Cues (start, end, label) less those inside a title ``text`` cites (``title_spans``)."""
    spans = title_spans(text) if ("《" in text or "〈" in text or '"' in text or "“" in text) else []
    return [c for c in cues if not any(x <= c[0] and c[1] <= y for x, y in spans)]


def untitled(text: str, cues: list[str]) -> list[str]:
    """Cues found verbatim (a claim's hedges or boosters, in order) less those inside a title ``text`` cites: the n-th
    cue of a spelling is read at that spelling's n-th place in the text.

    >>> untitled("《模型可能会说谎》说它可能出错。", ["可能", "可能"])
    ['可能']
    """
    if not cues or not ("《" in text or "〈" in text or '"' in text or "“" in text):
        return cues
    spans, seen, out = title_spans(text), {}, []
    for cue in cues:
        places = [k for k in range(len(text)) if text.startswith(cue, k)]
        n = seen.get(cue, 0)
        seen[cue] = n + 1
        at = places[n] if n < len(places) else -1
        if at < 0 or not any(x <= at and at + len(cue) <= y for x, y in spans):
            out.append(cue)
    return out


def superlative_scope(text: str, cues: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Superlative cues with the scope of "one of": a superlative that a ``one_of`` cue of its clause precedes
    (English "one of the strongest") or follows (Chinese 最强的模型之一) ranks among a few, ``superlative_among``;
    ``one_of`` cues themselves are dropped (alone, "one of the reasons" ranks nothing).

    >>> superlative_scope("最强的模型之一。", [(0, 3, "superlative"), (5, 7, "one_of")])
    [(0, 3, 'superlative_among')]
    >>> superlative_scope("One of the reasons is the best.", [(0, 6, "one_of"), (22, 30, "superlative")])
    [(22, 30, 'superlative')]
    """
    marks = [(a, b) for a, b, label in cues if label == "one_of"]
    out = []
    for a, b, label in cues:
        if label == "one_of":
            continue
        if label == "superlative" and any(
                (HAN.search(text[x:y]) and x >= b and _same_clause(text, b, x)) or
                (not HAN.search(text[x:y]) and y <= a and a - y <= ONE_OF_REACH and _same_clause(text, y, a))
                for x, y in marks):
            label = "superlative_among"
        out.append((a, b, label))
    return out


def scoped_cues(matcher: CueMatcher, text: str, tokenizer: Tokenizer | None = None) -> list[tuple[int, int, str]]:
    """``find_cues`` without the look-alikes: a cue that a ``not_`` row of its kind matches or contains (最后 is no
    superlative, 最佳实践 no claim) is left out even where the two are the same length; overlaps then the longest."""
    tokens = (tokenizer or tokenizer_for()).tokenize(text) if matcher.needs_tokens and HAN.search(text) else None
    found = matcher.find(text, tokens)
    excluded = [(a, b) for a, b, label in found if label.startswith("not_")]
    return longest_first([(a, b, label) for a, b, label in found
                          if not label.startswith("not_") and not any(x <= a and b <= y for x, y in excluded)])


#: How far (in characters) an English "one of" / "among" may stand before the superlative it scopes ("one of the
#: most capable"): the article and an adverb between them, no more.
ONE_OF_REACH = 8


def _same_clause(text: str, start: int, end: int) -> bool:
    """Whether no clause ending stands in ``text[start:end]``."""
    return not any(ch in CLAUSE_ENDS or ch == "." for ch in text[start:end])


#: How near before a hedge rendering a negation scopes it: Chinese characters (不担心, 并不担心, 没有担心), English
#: words ('no one was actively worried').
NEGATION_REACH = {"zh": 2, "en": 4}
SCOPE_BREAK = re.compile(r"\b(?:that|which|who|because|but|and|while|although)\b|[,;:.!?，；：。！？]", re.IGNORECASE)


def negated_renderings(text: str, cues: list[tuple[int, int, str]], tokenizer: Tokenizer | None = None
                       ) -> list[tuple[int, int, str]]:
    """Rendering cues less the hedge renderings a negation of cues.csv scopes: "no one was worried" and 不担心 voice
    no worry, so they render no hedge of the other version (the negation within ``NEGATION_REACH`` before the cue, in
    its clause).

    >>> negated_renderings("No one was actively worried.", [(20, 27, "hedge_rendering")])
    []
    >>> negated_renderings("Investors are worried.", [(14, 21, "hedge_rendering")])
    [(14, 21, 'hedge_rendering')]
    >>> negated_renderings("投资者并不担心。", [(5, 7, "hedge_rendering")])
    []
    """
    if not any(label == "hedge_rendering" for _, _, label in cues):
        return cues
    negations = _negations(text, tokenizer)
    return [c for c in cues if c[2] != "hedge_rendering" or not _negated(text, negations, c[0], NEGATION_REACH)]


def _negations(text: str, tokenizer: Tokenizer | None = None) -> list[tuple[int, int]]:
    """Where cues.csv's negations stand in ``text`` (their look-alikes left out: 不仅, 不同 negate nothing)."""
    return [(a, b) for a, b, _ in scoped_cues(_category_matcher("negation", "not_negation"), text, tokenizer)]


def _negated(text: str, negations: list[tuple[int, int]], at: int, reach: dict[str, int]) -> bool:
    """Whether one of ``negations`` stands before ``at`` in its clause, within ``reach`` (Chinese characters, English
    words) of it."""
    for x, y in negations:
        if y > at or SCOPE_BREAK.search(text, y, at):
            continue
        between = text[y:at]
        if HAN.search(text[x:y]):
            if len(between.strip()) <= reach["zh"]:
                return True
        elif len(EN_TERM.findall(between)) <= reach["en"]:
            return True
    return False


#: How near before a fully word a negation makes it partly: Chinese characters (无法完全, 不能完全), English words
#: ("doesn't fully", "has not yet been fully").
EXTENT_NEGATION_REACH = {"zh": 1, "en": 3}


def negated_extent_scope(text: str, cues: list[tuple[int, int, str]], tokenizer: Tokenizer | None = None
                         ) -> list[tuple[int, int, str]]:
    """Extent cues with a negation's scope: a fully word (``extent_full``) that a negation of cues.csv stands right
    before in its clause (within ``EXTENT_NEGATION_REACH``) says partly, ``extent_partial`` ("doesn't fully work",
    无法完全替代 'cannot fully replace'); the usual negated forms (not fully, 未完全, 不完全) are rows of their own.

    >>> negated_extent_scope("It doesn't fully work.", [(11, 16, "extent_full")])
    [(11, 16, 'extent_partial')]
    >>> negated_extent_scope("它无法完全替代人工。", [(3, 5, "extent_full")])
    [(3, 5, 'extent_partial')]
    >>> negated_extent_scope("It is fully open, not closed.", [(6, 11, "extent_full")])
    [(6, 11, 'extent_full')]
    """
    if not any(label == "extent_full" for _, _, label in cues):
        return cues
    negations = _negations(text, tokenizer)
    return [(a, b, "extent_partial" if label == "extent_full" and _negated(text, negations, a, EXTENT_NEGATION_REACH)
             else label) for a, b, label in cues]


#: 'would' in reported speech is the reported 'will' (backshift: "She said it would double" reports "it will
#: double"; Quirk et al. 1985, A Comprehensive Grammar of the English Language, §14.31), no hedge; a conditional
#: in the reported clause ('if', 'unless') keeps it a hypothesis.
BACKSHIFTED = frozenset({"would", "'d", "’d"})
CONDITIONAL = re.compile(r"\b(?:if|unless|otherwise|were it|had it)\b", re.IGNORECASE)


#: How near after an approximating hedge its number stands (大概需要两天, 大概 3 天): characters.
APPROXIMATION_REACH = 4
NUMBER_START = re.compile(r"[\d零一二三四五六七八九十百千万两几半]")


def approximating(text: str, cues: list[str], forms: tuple[set[str], tuple[str, ...]],
                  breaks: tuple[set[str], tuple[str, ...]] = (set(), ())) -> list[str]:
    """The hedges among ``cues`` (found verbatim) of cues.csv's ``approximation`` rows (大概) that a number follows
    within ``APPROXIMATION_REACH`` characters: they approximate the number ('about two days'), no doubt about the
    claim, and weigh as a weak cue does. One that a modal of ``breaks`` follows at once (cues.csv
    ``approximation_break``: 大概会持续十年 'will probably last ten years') hedges the claim, whatever number comes next.

    >>> approximating("这大概需要两天。", ["大概"], ({"大概"}, ())), approximating("这大概是错的。", ["大概"], ({"大概"}, ()))
    (['大概'], [])
    >>> approximating("这大概会持续十年。", ["大概"], ({"大概"}, ()), ({"会"}, ()))
    []
    """
    out = []
    modals = sorted(breaks[0], key=len, reverse=True)
    for cue in cues:
        if not _is_weak(cue, forms):
            continue
        at = text.find(cue)
        while at >= 0:
            after = text[at + len(cue):].lstrip()
            if any(after.startswith(m) for m in modals):
                at = text.find(cue, at + 1)
                continue
            if NUMBER_START.search(text[at + len(cue):at + len(cue) + APPROXIMATION_REACH]):
                out.append(cue)
                break
            at = text.find(cue, at + 1)
    return out


def backshifted(text: str, cues: list[str]) -> list[str]:
    """An English sentence's hedges (found verbatim, in order) less each 'would' that an attribution cue of cues.csv
    (said, told, according to) stands before in the sentence with no conditional between: the future of reported
    speech, which a Chinese 将 or 会 renders and a 或许 softens.

    >>> backshifted("Brandt said the centre would double the team.", ["would"])
    []
    >>> backshifted("He said that if it ships, it would double the team.", ["would"])
    ['would']
    >>> backshifted("The centre would double the team, he said.", ["would"])
    ['would']
    """
    if not cues or HAN.search(text) or not any(c.casefold() in BACKSHIFTED for c in cues):
        return cues
    reported = [b for a, b, label in find_cues(_category_matcher("attribution"), text) if label == "attribution"]
    if not reported:
        return cues
    out, start = [], 0
    for cue in cues:
        at = text.casefold().find(cue.casefold(), start) if cue.casefold() in BACKSHIFTED else -1
        if at >= 0:
            start = at + len(cue)
            if any(b <= at and not CONDITIONAL.search(text, b, at) and _same_clause_or_that(text, b, at)
                   for b in reported):
                continue
        out.append(cue)
    return out


def _same_clause_or_that(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds no sentence end (a reported clause may follow a comma: 'said, that …')."""
    return not any(ch in ".;!?" for ch in text[start:end])


def _certainty_matchers() -> dict[str, CueMatcher]:
    """modal / obligation / quantity → a matcher over cues.csv's rows of that kind and their look-alikes (not_modal,
    not_obligation, not_quantity), built once per cue table."""
    cues = load_cues()
    key = id(cues)
    if _MATCHERS.get("key") != key:
        _MATCHERS.clear()
        _MATCHERS["key"] = key
        for kind, labels in (("modal", ("modal",)), ("obligation", ("obligation",)), ("quantity", tuple(QUANTITY_SCALE)),
                             ("superlative", tuple(SUPERLATIVE_SCALE) + ("one_of",)), ("degree", tuple(DEGREE_SCALE)),
                             ("extent", tuple(EXTENT_SCALE)),
                             *((kind, tuple(scale)) for kind, scale in MORE_SCALES.items()),
                             ("rendering", ("hedge_rendering", "booster_rendering", "magnitude"))):
            rows = cues[cues["category"].isin(labels + ("not_" + kind,))]
            _MATCHERS[kind] = CueMatcher(rows, "category")
    return _MATCHERS


_MATCHERS: dict = {}


def _english_voice(voices: list[str]) -> str:
    """The linked English group's voice: the author's when most of its sentences are (ties too), else quoted."""
    own = sum(v in EN_AUTHOR_VOICES for v in voices)
    return AUTHOR if own * 2 >= len(voices) else QUOTED


FIRST_PERSON = frozenset({"我们", "我們", "我", "笔者"})  # the authors' own voice: kept in its sentence, not carried


#: Where a Chinese clause ends: the subject of an attribution is sought after the last of these before its verb.
_CLAUSE_ENDS = "，。；：！？,;:!?"


def attribution_clause(text: str, cue: str) -> tuple[int, int]:
    """Where the clause of ``text`` that holds the attribution ``cue`` runs, from its start to the cue's end: the
    subject who speaks. '这位官员说，……但他拒绝透露' credits the official, whatever 他 later does; the whole text where
    the cue is not found in it (none, or carried from the sentence before).

    >>> attribution_clause("这位官员说，新规下月公布，但他拒绝透露细节。", "说"), attribution_clause("成本会下降，他在文中表示。", "表示")
    ((0, 5), (6, 12))
    """
    position = text.find(cue) if cue and not cue.startswith("↑") else -1
    if position < 0:
        return 0, len(text)
    start = max(text.rfind(mark, 0, position) for mark in _CLAUSE_ENDS) + 1
    return start, position + len(cue)


def author_marked(text: str, cue: str, tokenizer: Tokenizer | None = None) -> bool:
    """Whether an ``author_mark`` (作者, 笔者, 他 in a commentary) stands in the clause that attributes the claim
    (``attribution_clause``): the sentence is cut whole, once, and the marks found in it are placed."""
    if not HAN.search(text):
        return False
    start, end = attribution_clause(text, cue)
    found = find_cues(_category_matcher("author_mark", "not_author_mark"), text, tokenizer)
    # the author as the one spoken to (X对作者表示, 告诉作者) is no credit to the author: 'X told me'
    addressed = [(a, b) for a, b, label in found if label == "not_author_mark"]
    return any(label == "author_mark" and start <= a and b <= end and not any(x <= a and b <= y for x, y in addressed)
               for a, b, label in found)


def attribution_cues(claims: pd.DataFrame, category: str = "attribution", *, carry: bool = False,
                     tokenizer: Tokenizer | None = None) -> pd.Series:
    """claim_id → the first ``category`` cue of data/reference/cues.csv in the claim ('' for none).

    ``attribution`` marks a sentence as someone's claim (表示, 指出, 据…报道, 我们 for "we", said, according to);
    ``stance`` marks the English claim as someone's opinion, finding or report (I think, we found, X said).
    With ``carry``, a sentence without a cue that continues an attributed one in the same block (a reported
    passage: the sentence right after one that reports a third party) carries its attribution, shown as '↑' and
    the cue; the authors' first person is not carried. A clause after a semicolon (the parser cuts there) carries
    its sentence's attribution always.
    """
    tok = tokenizer or tokenizer_for()
    out, previous_block, previous, clause = {}, None, "", False
    blocks = claims["block_id"] if "block_id" in claims else [None] * len(claims)
    for claim_id, block_id, text in zip(claims["claim_id"], blocks, claims["text"]):
        tokens = tok.tokenize(text) if HAN.search(text) else None
        found = claim_cues(text, category, tokens=tokens)
        cue = found[0] if found else (framed_attribution(text, tokens) if category == "attribution" else "")
        if cue and tokens is not None and category == "attribution" and _judged_by_the_writer(text, found, cue):
            cue = ""  # 我认为作者说得对: the writer's own judgement of the source
        # the parser cuts a sentence at ；: the clause after it is the same sentence, and its attribution carries
        # (文章提出…；并认为… is the article's whole), with or without ``carry``
        if not cue and (carry or clause) and block_id is not None and block_id == previous_block and previous \
                and (clause or not previous.startswith("↑")) and previous.lstrip("↑") not in FIRST_PERSON:
            cue = previous if previous.startswith("↑") else "↑" + previous
        out[claim_id] = cue
        previous_block, previous = block_id, cue
        clause = category == "attribution" and str(text).rstrip().endswith(("；", ";"))
    return pd.Series(out, dtype=object)


def _judged_by_the_writer(text: str, found: list[str], cue: str) -> bool:
    """Whether the writer's own stance (cues.csv ``own_stance``: 我认为, 在我看来) comes before the sentence's attribution
    (a cue other than the first person, or its frame): 我认为作者说得对 judges the source in the writer's voice. The
    first person alone (我认为… in a translation: the author's "I think") keeps its attribution."""
    others = [c for c in found if c not in FIRST_PERSON] if found else [cue]
    stances = [b for _, b, label in claim_matcher().find(text, None, labels=("own_stance",)) if label == "own_stance"]
    if not stances:
        return False
    # what the stance judges comes after it: a cue inside it (the 认为 of 我认为) is the stance's own word, and 我认为这是…
    # in a translation is the author's "I believe" (bilingual review round 14: a keynote's 我认为 read as absorbed)
    end = min(stances)
    rest = text[end:]
    return any(text.find(c, end) >= 0 for c in others) or bool(marks(rest, "author_mark") or marks(rest, "source_mark"))


def marks(text: str, category: str, tokenizer: Tokenizer | None = None) -> list[str]:
    """The cues of one cues.csv ``category`` in a Chinese sentence, verbatim: ``source_mark`` (it names where a claim
    comes from: 根据 X, 据, X 中描述的, 援引) or ``author_mark`` (it credits the author: 作者, 笔者, 本文).

    >>> marks("根据 InstructGPT，这种方法更好。", "source_mark"), marks("这种方法更好。", "source_mark")
    (['根据'], [])
    """
    if not HAN.search(text):
        return []
    return [text[a:b] for a, b, label in find_cues(_category_matcher(category), text, tokenizer) if label == category]


def _category_matcher(*categories: str) -> CueMatcher:
    """A matcher of some categories of cues.csv (an attribution frame's subjects, verbs and look-alikes: 该文本 is no
    该文, 的表示 no verb; a source or an author mark), built once per cue table."""
    cues = load_cues()
    if _CATEGORIES.get("key") != id(cues):
        _CATEGORIES.clear()
        _CATEGORIES["key"] = id(cues)
    if categories not in _CATEGORIES:
        _CATEGORIES[categories] = CueMatcher(cues[cues["category"].isin(categories)], "category")
    return _CATEGORIES[categories]


_CATEGORIES: dict = {}


#: A pronoun author mark (他说, 她表示) and an English sentence whose own subject is that pronoun ("she said").
PRONOUN_MARK = re.compile(r"[他她]们?(?:表示|说|称|补充|指出|透露|强调)")
PRONOUN_SAID = re.compile(r"\b(?:he|she|they)\s+(?:said|says|added|adds|told|noted|explained)\b", re.IGNORECASE)
#: An English sentence whose speaker is named, not the author ("Wang said", "…, said Wang"): a Chinese 他说 for it
#: keeps that person's claim (bilingual review round 10: a founder's profile).
NAMED_SAID = re.compile(r"\b(?!I\b|We\b)[A-Z][a-z]+\s+(?:said|says|added|adds|told|noted|explained)\b"
                        r"|\b(?:said|says)\s+(?!I\b|[Ww]e\b)[A-Z][a-z]+")


def _drawing_on(groups: pd.DataFrame) -> dict[int, set]:
    """Each English sentence → the Chinese sentences whose link groups hold it (``_groups``): a translator who splits
    one English sentence into two Chinese ones links both to it."""
    out: dict[int, set] = {}
    for zh_id, en_ids in zip(groups["zh_claim_id"], groups["en_ids"]):
        for i in en_ids:
            out.setdefault(i, set()).add(zh_id)
    return out


def voice_shift(alignment: pd.DataFrame, claims: pd.DataFrame, *, carry: bool = False,
                tokenizer: Tokenizer | None = None) -> pd.DataFrame:
    """Whose voice does each link speak in, before and after? One row per link (VOICE_COLUMNS).

    The Chinese is ``reported`` when it marks the claim as someone's (an attribution cue: 作者认为, 表示, 指出,
    據…報導, or the authors' kept first person 我们), also, with ``carry``, when it continues a reported passage in
    the same paragraph (off by default: on the corpus gold's tuning half carrying added 3 wrong attributions
    and no right one); else the commentator's. The English group is ``quoted`` when most of its sentences report
    someone else, else the author's, and ``marked`` when one of its sentences marks the claim as someone's
    (a stance cue: I think, we found, X said, according to). Reported Chinese: attributed (the author's claim)
    or reattributed (a third party's); commentator's Chinese: absorbed or quote_absorbed only where the English
    is marked and the Chinese drops the mark, '' otherwise (plain rendered plainly). Where the English quotes a
    third party and the Chinese names that source too (a ``source_mark`` of cues.csv: 根据 X, 据, X 中描述的, 援引),
    the attribution is kept: attributed, neither reattributed nor quote_absorbed ("as described in InstructGPT"
    → InstructGPT 中描述的). Reattributed only where the Chinese credits the author (an ``author_mark``: 作者认为
    for "a source told me"); 美国官员表示 for "a US official said" keeps the official's claim, attributed.
    en_voices lists each English sentence's voice, '+' marking a stance cue.
    """
    info = claims.set_index("claim_id")
    groups = _groups(alignment)
    zh_ids = list(groups["zh_claim_id"])
    en_all = sorted({i for ids in groups["en_ids"] for i in ids})
    zh_cues = attribution_cues(claims[claims["claim_id"].isin(zh_ids) | claims["part"].eq(PART_COMMENTARY)],
                               carry=carry, tokenizer=tokenizer)
    en_cues = attribution_cues(claims[claims["claim_id"].isin(en_all)], "stance", tokenizer=tokenizer)
    table = {(AUTHOR, "reported"): ATTRIBUTED, (AUTHOR, "commentator"): ABSORBED,
             (QUOTED, "reported"): REATTRIBUTED, (QUOTED, "commentator"): QUOTE_ABSORBED}
    en_siblings = _drawing_on(groups)
    by_block = "block_id" in info.columns
    rows = []
    for zh_id, en_ids, en_claim_ids in zip(zh_ids, groups["en_ids"], groups["en_claim_ids"]):
        zh_voice = "reported" if info.at[zh_id, "voice"] == "reported" or zh_cues.get(zh_id, "") else "commentator"
        en_voices = [info.at[i, "voice"] for i in en_ids]
        marked = [bool(en_cues.get(i, "")) for i in en_ids]
        en_voice = _english_voice(en_voices) if all(en_voices) else ""
        shift = table.get((en_voice, zh_voice), "")
        if zh_voice == "commentator" and not any(marked):
            shift = ""
        text = info.at[zh_id, "text"]
        if shift and outline_heading(str(text), str(info.at[zh_id, "kind"]) if "kind" in info.columns else ""):
            shift = ""  # a section title ('二、钱和卡') speaks in no one's voice: it drops no attribution (bilingual review round 15)
        if shift == QUOTE_ABSORBED and marks(text, "source_mark", tokenizer):
            shift = ATTRIBUTED
        if shift == REATTRIBUTED and (marks(text, "source_mark", tokenizer)
                                      or not author_marked(text, zh_cues.get(zh_id, ""), tokenizer)
                                      or (PRONOUN_MARK.search(text) and any(
                                          PRONOUN_SAID.search(str(info.at[i, "text"])) or NAMED_SAID.search(str(info.at[i, "text"]))
                                          for i in en_ids))):
            shift = ATTRIBUTED  # 她表示 for "she said": the English's own pronoun, not the author (bilingual review round 8)
        if shift in (QUOTE_ABSORBED, ABSORBED) and by_block and any(
                sib != zh_id and info.at[sib, "block_id"] == info.at[zh_id, "block_id"]
                and (info.at[sib, "voice"] == "reported" or zh_cues.get(sib, ""))
                for i in en_ids for sib in en_siblings.get(i, ())):
            shift = ""  # one English sentence split in two Chinese ones, the attribution kept in the other (bilingual review round 8)
        rows.append((zh_id, en_claim_ids, zh_voice, "|".join(v + "+" * m for v, m in zip(en_voices, marked)),
                     en_voice, shift))
    return pd.DataFrame(rows, columns=VOICE_COLUMNS)


def generalisation_shift(alignment: pd.DataFrame, claims: pd.DataFrame, mentions: pd.DataFrame,
                         categories: pd.DataFrame | None = None, *, tokenizer: Tokenizer | None = None) -> pd.DataFrame:
    """Did a name become a category word (or the reverse)? One row per link (GENERALISATION_COLUMNS).

    ``generalised``: the English names an entity the Chinese does not (neither it nor its org), and the Chinese
    uses a category word whose types include that entity's type (a named chip maker → 国产芯片). ``particularised``: the
    same the other way round. '' otherwise; a link that is both is called by the side with more such entities
    ('' on a tie). zh_only_entities / en_only_entities list only the names the other side's category words cover.
    """
    categories = load_categories() if categories is None else categories
    cue_set = CueMatcher(categories, "category")
    types_of = categories.groupby("category")["types"].agg(lambda s: set("|".join(s).split("|")))
    info = claims.set_index("claim_id")
    by_claim = {cid: group for cid, group in mentions.groupby("claim_id")}
    empty = mentions.iloc[0:0]

    def named(ids: list[int]) -> pd.DataFrame:
        found = [by_claim[i] for i in ids if i in by_claim]
        return pd.concat(found) if found else empty

    def used(ids: list[int]) -> list[str]:
        return list(dict.fromkeys(label for i in ids for _, _, label in find_cues(cue_set, info.at[i, "text"], tokenizer)))

    def only(side: pd.DataFrame, other: pd.DataFrame, words: list[str]) -> list[str]:
        known = set(other["entity"]) | (set(other["org"]) - {""})
        covered = set().union(*(types_of.get(w, set()) for w in words)) if words else set()
        mask = ~side["entity"].isin(known) & ~(side["org"].isin(known) & (side["org"] != "")) & side["type"].isin(covered)
        return list(dict.fromkeys(side.loc[mask, "entity"]))

    rows = []
    groups = _groups(alignment)
    # a translator who splits one English sentence into two Chinese ones names its entities across both: the names
    # of every Chinese sentence drawing on the same English count as named (bilingual review round 8)
    siblings = _drawing_on(groups)
    rows = []
    for zh_id, en_ids, en_claim_ids in zip(*(groups[c] for c in ("zh_claim_id", "en_ids", "en_claim_ids"))):
        block = info.at[zh_id, "block_id"] if "block_id" in info else None
        shared = sorted({z for i in en_ids for z in siblings.get(i, ())
                         if block is not None and info.at[z, "block_id"] == block} | {zh_id})
        zh_named, en_named = named(shared), named(en_ids)
        zh_words, en_words = used([zh_id]), used(en_ids)
        lost = only(en_named, zh_named, zh_words)     # English names, Chinese says the category
        gained = only(zh_named, en_named, en_words)   # Chinese names, English says the category
        shift = GENERALISED if len(lost) > len(gained) else PARTICULARISED if len(gained) > len(lost) else ""
        if shift and own_stance_before(str(info.at[zh_id, "text"]), OWN_STANCE_OPENING):
            shift = ""  # '据我所知，X、Y…', '笔者认为…': the writer's own examples or view, no rendering of the English's
            # names or categories (bilingual review round 10: a rebuttal's counter-examples read as particularising)
        rows.append((zh_id, en_claim_ids, "|".join(zh_words), "|".join(en_words), "|".join(gained), "|".join(lost), shift))
    return pd.DataFrame(rows, columns=GENERALISATION_COLUMNS)


#: The writer's own stance or knowledge (an ``own_stance`` cue) opening a sentence within this many characters.
OWN_STANCE_OPENING = 6


# ---- side by side -----------------------------------------------------------------------------

def framing_table(alignment: pd.DataFrame, claims: pd.DataFrame, mentions: pd.DataFrame, tags: pd.DataFrame,
                  categories: pd.DataFrame | None = None, *, margin: float = DEFAULTS.certainty_margin,
                  group_limit: int = DEFAULTS.certainty_group_limit, dropped: bool = DEFAULTS.certainty_dropped,
                  close_ratio: float = DEFAULTS.certainty_close_ratio, tokenizer: Tokenizer | None = None) -> pd.DataFrame:
    """One row per Chinese content claim: its link, every shift, and the frames on each side (FRAMING_COLUMNS).

    An unlinked claim has en_claim_ids '' and '' shifts; a claim missing from the alignment has relation ''.
    """
    zh = _content(claims, PART_COMMENTARY)[["claim_id", "text"]].rename(columns={"claim_id": "zh_claim_id", "text": "zh_text"})
    rows = alignment[alignment["zh_claim_id"].notna()].astype({"zh_claim_id": "int64"})
    summary = rows.groupby("zh_claim_id").agg(score=("score", "max"), relation=("relation", "first"))
    groups = _groups(alignment).set_index("zh_claim_id")
    frames = _frames_by_claim(tags)
    text = claims.set_index("claim_id")["text"]
    table = zh.join(summary, on="zh_claim_id").join(groups, on="zh_claim_id")
    for shift in (certainty_shift(alignment, claims, margin=margin, group_limit=group_limit, dropped=dropped,
                                  close_ratio=close_ratio, tokenizer=tokenizer), voice_shift(alignment, claims, tokenizer=tokenizer),
                  generalisation_shift(alignment, claims, mentions, categories, tokenizer=tokenizer)):
        column = shift.columns[-1]
        table[column] = table["zh_claim_id"].map(shift.set_index("zh_claim_id")[column])
    ids = table["en_ids"].map(lambda v: v if isinstance(v, list) else [])
    table["en_claim_ids"] = table["en_claim_ids"].astype(object).fillna("")
    table["zh_frames"] = table["zh_claim_id"].map(frames).astype(object).fillna("")
    table["en_frames"] = ids.map(lambda v: "|".join(dict.fromkeys(f for i in v for f in frames.get(i, "").split("|") if f)))
    table["en_text"] = ids.map(lambda v: " ".join(text[i] for i in v))
    table["score"] = table["score"].fillna(0.0)
    for column in ("relation", "certainty_shift", "voice_shift", "generalisation_shift"):
        table[column] = table[column].astype(object).fillna("")  # all-missing columns come as float
    # a question asserts nothing: no claim of its is hedged, sharpened or taken into the writer's voice (a section
    # title '二、美国企业不用中国模型？' was labelled a quote absorbed)
    asks = table["zh_text"].astype(str).str.rstrip().str.endswith(QUESTION_ENDS)
    table.loc[asks, ["certainty_shift", "voice_shift"]] = ""
    return table[FRAMING_COLUMNS].reset_index(drop=True)


#: What a question ends with, in either script.
QUESTION_ENDS = ("？", "?", "？」", "?”", "？”")


def shift_counts(table: pd.DataFrame) -> pd.DataFrame:
    """How many Chinese claims show each value of each shift ('' = unlinked or no shift) (SHIFT_COUNT_COLUMNS)."""
    counts = [
        table[column].value_counts(sort=False).rename_axis("value").reset_index(name="claims").assign(shift=name)
        for name, column in SHIFTS.items()
    ]
    result = pd.concat(counts, ignore_index=True)[SHIFT_COUNT_COLUMNS]
    result["order"] = result["shift"].map(list(SHIFTS).index)
    return result.sort_values(["order", "claims", "value"], ascending=[True, False, True]).drop(columns="order").reset_index(drop=True)


# ---- which labels are presented ------------------------------------------------------------------

#: The engine's shift values, as the labels of the corpus gold they are measured against (tools/gold_eval.py).
GOLD_LABELS = {
    "certainty": {SOFTENED: "certainty:softened", SHARPENED: "certainty:sharpened"},
    "voice": {ABSORBED: "voice:absorbed", QUOTE_ABSORBED: "voice:absorbed",
              ATTRIBUTED: "voice:attributed", REATTRIBUTED: "voice:reattributed"},
    "generalisation": {GENERALISED: "generalisation:generalised", PARTICULARISED: "generalisation:particularised"},
}
GATE_COLUMNS = ["label", "presented", "precision", "predicted", "why"]
WORTH_READING_COLUMNS = ["zh_claim_id", "shift", "value", "zh_cues", "en_cues", "zh_text", "en_text"]


def load_label_quality(path=None) -> pd.DataFrame:
    """data/reference/label_quality.csv (written by `make eval`): each shift label's precision and recall per half.

    Read once per process for each content of the file (a copy each call): every link gate reads it, dozens of times
    a report."""
    path = REFERENCE / "label_quality.csv" if path is None else path
    try:
        content = Path(path).read_bytes()
    except (OSError, TypeError):  # not a file's path: pandas reads it, or says what is wrong
        return _read_label_quality(path)
    return _label_quality_of(str(path), content).copy()


@lru_cache(maxsize=8)
def _label_quality_of(path: str, content: bytes) -> pd.DataFrame:
    return _read_label_quality(path)


def _read_label_quality(path) -> pd.DataFrame:
    return pd.read_csv(path, comment="#", dtype={"label": str, "half": str}, keep_default_na=False)


def label_gate(quality: pd.DataFrame | None = None, *, min_precision: float = DEFAULTS.min_label_precision,
               min_predicted: int = DEFAULTS.min_label_predicted) -> pd.DataFrame:
    """Which shift labels may be presented as counts and findings (GATE_COLUMNS, one row per gold label).

    A label is presented when, on the corpus gold's test half, the engine gave it to at least ``min_predicted``
    sentences and at least ``min_precision`` of them carry it in the gold. ``why`` says, in words, why not.
    """
    quality = load_label_quality() if quality is None else quality
    test = quality[quality["half"] == "test"].set_index("label")
    rows = []
    for label in dict.fromkeys(v for values in GOLD_LABELS.values() for v in values.values()):
        row = test.loc[label] if label in test.index else None
        predicted = int(row["predicted"]) if row is not None else 0
        precision = float(row["precision"]) if row is not None and str(row["precision"]) != "" else float("nan")
        if predicted < min_predicted:
            right = f" ({round(precision * predicted)} of them right)" if predicted else ""
            why = (f"given to too few sentences on the corpus gold's test half to measure: {predicted}{right}, "
                   f"under {min_predicted}")
        elif not precision >= min_precision:
            why = (f"right for {round(precision * predicted)} of the {predicted} sentences given it on the corpus "
                   f"gold's test half: precision {precision:.2f}, under {min_precision:.2f}")
        else:
            why = ""
        rows.append((label, not why, precision, predicted, why))
    return pd.DataFrame(rows, columns=GATE_COLUMNS)


def _presented(gate: pd.DataFrame) -> set[str]:
    return set(gate.loc[gate["presented"], "label"])


def presented_counts(counts: pd.DataFrame, gate: pd.DataFrame | None = None) -> pd.DataFrame:
    """``shift_counts`` output with only the values whose label the gate presents (others, and '', dropped)."""
    gate = label_gate() if gate is None else gate
    keep = _presented(gate)
    mask = pd.Series([GOLD_LABELS.get(s, {}).get(v) in keep for s, v in zip(counts["shift"], counts["value"])],
                     index=counts.index, dtype=bool)
    return counts.loc[mask].reset_index(drop=True)


def withheld(gate: pd.DataFrame | None = None) -> pd.DataFrame:
    """The gate's rows for labels not presented, with why (GATE_COLUMNS)."""
    gate = label_gate() if gate is None else gate
    return gate[~gate["presented"]].reset_index(drop=True)


#: The columns of ``figure_changes``.
FIGURE_CHANGE_COLUMNS = ["zh_claim_id", "zh_text", "en_text", "zh_figures", "en_figures"]


def _figure_kind(term: str) -> str:
    """A value term's kind: a share ('%'), a ratio ('x'), a quantity ('W:', 'Wh:', 'm:') or a count ('')."""
    body = term[len(NUMBER_TERM):].lstrip("~")
    mark, _ = measure_mark(body)
    return mark or (body[:1] if body[:1] in ("%", "x") else "")


def figure_changes(table: pd.DataFrame, english: str = "") -> pd.DataFrame:
    """The linked Chinese sentences stating a figure that neither the English they are linked to nor anywhere else
    in ``english`` (the whole English given) states, where the linked English states figures of the same kind (a
    share against shares, a count against counts): 12个月 against "18 months"; 将近四成 against "39.2%" is not listed
    (a round figure meets the figures that round to it), nor a figure the English states in another sentence. Read
    side by side: a wrong link can make a false difference, so they are not counted. (FIGURE_CHANGE_COLUMNS, in
    reading order; a list's own numbering, a month or a day, a version and a vague 数千亿 aside.)

    >>> t = pd.DataFrame({"zh_claim_id": [1, 2], "zh_text": ["过渡期为12个月。", "将近四成的修改改错了。"],
    ...                   "en_text": ["The transition lasts 18 months.", "39.2% of the revisions were wrong."]})
    >>> figure_changes(t)[["zh_claim_id", "zh_figures", "en_figures"]].values.tolist()
    [[1, '12', '18']]
    """
    rows = []
    whole = NOT_A_FIGURE.sub(lambda m: " " * len(m.group()), SCALE_HYPHEN.sub(r"\1 ", english))
    anywhere = _english_figures(whole, number_spans(whole))
    # a translator's conversions: miles to 公里, pounds to 吨, dollars to 人民币 at the rate the Chinese states
    chinese = " ".join(table["zh_text"].astype(str)) if "zh_text" in table else ""
    factors = UNIT_FACTORS + tuple(float(m.group(1)) for m in STATED_RATE.finditer(chinese))
    for r in table.itertuples():
        zh, en = str(r.zh_text), str(r.en_text or "")
        if not en.strip():
            continue
        skip_zh = (ENUMERATOR_NUMBER.match(zh) or None)
        en = SCALE_HYPHEN.sub(r"\1 ", en)  # '30-billion-parameter': the figure as '30 billion'
        en = NOT_A_FIGURE.sub(lambda m: " " * len(m.group()), en)  # '[00:01:44]', 'a year earlier.[1]': no figures
        skip_en = (ENUMERATOR_NUMBER.match(en) or None)
        en_spans = [(a, b, t) for a, b, t in number_spans(en) if not (skip_en and a < skip_en.end())]
        met = _english_figures(en, en_spans) | anywhere
        kinds = {_figure_kind(t) for _, _, t in en_spans}
        english_counts = [_value(t) for t in _english_figures(en, en_spans) if _figure_kind(t) == ""]  # linked only
        differ, differ_kinds = [], set()
        rates = [m.span() for m in STATED_RATE.finditer(zh)]  # the rate itself (1美元约合7.2元) states no figure
        # a note's mark ('[译者注1]') or a time stamp in the Chinese is no figure either (spaces keep the offsets)
        for a, b, term in number_spans(NOT_A_FIGURE.sub(lambda m: " " * len(m.group()), zh)):
            if skip_zh and a < skip_zh.end() or any(x <= a and b <= y for x, y in rates):
                continue
            if HOUR_AFTER.match(zh, b) and HOUR_BEFORE.search(zh[max(0, a - 4):a]):
                continue  # 下午2点: an hour of the day
            if DATE_PART_AFTER.match(zh, b) or VAGUE_BEFORE.search(zh[max(0, a - 2):a]) or _names_a_thing(zh, a, b) \
                    or not re.search(r"\d", zh[a:b]) and SCALE_ONLY.fullmatch(zh[a:b].strip()):
                continue  # a month or a day (1月15日), a vague 数千亿, a version (Kestrel 2, 2.1 版本), 每百万 (per million)
            # the figure as the aligner reads it: a round figure (将近四成) by its rounding
            bounds = chinese_range(zh, a, b, term)  # 3000多 meets 3,100: a bound, met by any figure inside it
            if _figure_kind(term) in kinds and chinese_term(zh, a, b, term) not in met and not (
                    bounds and within_range(bounds, met)) and not converted_match(term, met) and not (
                    _figure_kind(term) == "" and _converted(_value(term), english_counts, factors)) and not (
                    (not bounds or about_figure(zh, a, b)) and _rounded_from(zh[a:b], term, met)):  # 近8亿 is a bound: 8.2亿 lies
                # past it; 约6亿 is 612 million rounded at its place
                differ.append(zh[a:b])
                differ_kinds.add(_figure_kind(term))
        if differ:
            rows.append((int(r.zh_claim_id), zh, en, " | ".join(differ),
                         " | ".join(en[a:b] for a, b, t in en_spans if _figure_kind(t) in differ_kinds)))
    return pd.DataFrame(rows, columns=FIGURE_CHANGE_COLUMNS)


#: A transcript's time stamp ('[00:01:44]', '12:31') and a footnote's mark after a word or a stop ('earlier.[1]'):
#: where the recording or the note is, no figure the text states (bilingual review round 15).
NOT_A_FIGURE = re.compile(r"[\[(]?\b\d{1,2}:\d{2}(?::\d{2})?\b[\])]?|(?<=[\w.,;:%)\"”’])\[\d{1,3}\]"
                         # a translator's or editor's note mark ('[译者注1]', '［注2］', '（编者注3）': round 16)
                         r"|[\[［【(（](?:译者注|譯者註|譯者注|译注|譯註|编者注|編者註|编注|注|註)\s*\d{1,3}[\]］】)）]")
#: Unit conversions a translation makes (mile→km, pound→kg and →t, gallon→L, foot→m, inch→cm, °F steps aside).
UNIT_FACTORS = (1.609344, 0.453592, 0.000453592, 3.78541, 0.3048, 2.54)
#: The exchange rate a translator states (按1美元约合7.2元人民币计, 1美元兑7.1元).
STATED_RATE = re.compile(r"1\s*(?:美元|欧元|英镑|日元)\s*(?:约|大约)?\s*(?:合|兑|折合|兑换)\s*(?:约)?\s*(\d+(?:\.\d+)?)\s*元")


def _value(term: str) -> float:
    body = term[len(NUMBER_TERM):].lstrip("~").lstrip("%x")
    try:
        return float(body)
    except ValueError:
        return float("nan")


def _converted(value: float, english: list[float], factors: tuple[float, ...]) -> bool:
    """Whether ``value`` is one of the English counts times a conversion factor, within CONVERSION_TOLERANCE."""
    return any(e and f and abs(value / (e * f) - 1) <= CONVERSION_TOLERANCE for e in english for f in factors)


#: A month's or a day's number (1月, 15日, 3号): the English spells the month, so it is no figure to compare.
DATE_PART_AFTER = re.compile(r"\s*(?:月|日|号|號)")
#: An hour of the day (下午2点, 凌晨3時): the English writes it as a time ('2:00 p.m.'), no figure to compare (round 16).
HOUR_BEFORE = re.compile(r"(?:上午|下午|晚上|凌晨|早上|中午|傍晚|当天|當天|时间|時間)\s*$")
HOUR_AFTER = re.compile(r"\s*(?:点|點|时|時)")
#: A scale word hyphened to its number in English ('30-billion-parameter').
SCALE_HYPHEN = re.compile(r"(\d)-(?=(?:thousand|million|billion|trillion)\b)", re.IGNORECASE)
#: A bare scale (每百万 'per million'): a unit, no figure.
SCALE_ONLY = re.compile(r"[百千万萬亿億兆]+")
#: What makes a number part of a name (a version or an ordinal): a Latin word right before it ('Kestrel 2', 'AIME 2025',
#: 'InternLM 2.5'), 第 before it, or 版, 版本, 代, 系列, 期 after it.
VERSION_AFTER = re.compile(r"\s*(?:版本|版|代|系列|期|届|屆)")


def _names_a_thing(text: str, a: int, b: int) -> bool:
    """Whether the number at ``text[a:b]`` names a thing rather than states a figure (a version, an ordinal, or the
    opening of a name the gazetteer lists: 36氪, bilingual review round 21: '36氪获悉' read as a figure 36).

    >>> _names_a_thing("36氪获悉，公司融资3亿元。", 0, 2), _names_a_thing("36氪获悉，公司融资3亿元。", 10, 11)
    (True, False)
    """
    before = text[max(0, a - 2):a]
    return bool(re.search(r"[A-Za-z]\s?$", before) or before.endswith("第") or VERSION_AFTER.match(text, b)
                or any(text.startswith(name, a) for name in _digit_names()))


@lru_cache(maxsize=1)
def _digit_names() -> tuple[str, ...]:
    """The gazetteer's names and aliases that open with a digit (36氪, 3GPP), longest first: a number that opens one
    is the name's, no figure."""
    names = {form for row in _gazetteer_key(load_gazetteer()) for form, _ in _surface_forms(row)}  # as matching reads them
    return tuple(sorted((n for n in names if n[:1].isdigit() and len(n) > 1 and not n.isdigit()), key=len, reverse=True))


#: A vague quantity's head (数千亿 'hundreds of billions', 几十, 若干): no figure.
VAGUE_BEFORE = re.compile(r"(?:数|數|几|幾|若干|上)$")
#: How far a figure a translator rounds at the precision they write (71% for 71.4 percent, 38亿 for 3.75 billion) may
#: stand from the English's: a rounding, not a changed figure (bilingual review round 16); 2% for 1.6% is more than one.
ROUNDING_TOLERANCE = 0.05
#: The digits a Chinese figure writes ('71', '37.5', '12,400'), whose last place is the precision it states.
WRITTEN_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _rounded_from(written: str, term: str, met: set[str]) -> bool:
    """Whether the Chinese figure ``written`` (value term ``term``) is an English figure of its kind in ``met`` rounded
    at the place its last written digit stands for, within ROUNDING_TOLERANCE.

    >>> _rounded_from("71%", "#%71", {"#%71.4"}), _rounded_from("38亿", "#3800000000", {"#3750000000"})
    (True, True)
    >>> _rounded_from("72%", "#%72", {"#%71.4"}), _rounded_from("2%", "#%2", {"#%1.6"}), _rounded_from("三成", "#%30", {"#%30.2"})
    (False, False, False)
    """
    digits = WRITTEN_DIGITS.search(written)
    value = _value(term)
    if not digits or not value or value != value:
        return False
    numeral = digits.group().replace(",", "")
    places = len(numeral.partition(".")[2])
    step = value / float(numeral) * 10 ** -places if float(numeral) else 0
    if not step:
        return False
    kind = _figure_kind(term)
    for other in met:
        if _figure_kind(other) != kind or other[len(NUMBER_TERM):].startswith(ROUND_MARK):
            continue
        e = _value(other)
        if e == e and e and abs(round(e / step) * step - value) <= 1e-9 * abs(value) \
                and abs(value - e) <= ROUNDING_TOLERANCE * abs(e):
            return True
    return False


def _english_figures(text: str, spans: list[tuple[int, int, str]]) -> set[str]:
    """What a Chinese figure can meet in an English text: its numbers' value terms (``spans``, from ``number_spans``),
    their round figures, and the number words it spells ('nine years' → #9)."""
    words = number_word_terms(text)
    return {t for _, _, t in spans} | {r for _, _, t in spans if (r := rounded_term(t))} | words


def worth_reading(table: pd.DataFrame, claims: pd.DataFrame, gate: pd.DataFrame | None = None, *,
                  tokenizer: Tokenizer | None = None) -> pd.DataFrame:
    """The linked sentences whose shift label is not presented: both texts and the cues behind the label
    (WORTH_READING_COLUMNS), in reading order, to read side by side rather than count."""
    gate = label_gate() if gate is None else gate
    keep = _presented(gate)
    info = claims.set_index("claim_id")
    ids = lambda cell: [int(i) for i in str(cell).split("|") if i]
    rows = []
    for r in table.itertuples():
        for shift, column in SHIFTS.items():
            value = getattr(r, column)
            label = GOLD_LABELS.get(shift, {}).get(value)
            if not label or label in keep:
                continue
            en = ids(r.en_claim_ids)
            if shift == "certainty":
                def scales(i):
                    text = info.at[i, "text"]
                    return {kind: [f"{label.replace('_', ' ')} {text[a:b]}"
                                   for a, b, label in find_cues(_certainty_matchers()[kind], text, tokenizer)
                                   if not label.startswith("not_")]
                            for kind in ("modal", "obligation", "quantity", "superlative", "degree", "extent",
                                         *MORE_SCALES)}

                found = {i: scales(i) for i in [r.zh_claim_id, *en]}  # each sentence's cues, looked up once

                # hedges and boosters are read in the English sentences the Chinese draws on (``certainty_shift``):
                # one in another sentence of the group weighed nothing, so it is not listed beside the label
                drawn = {en[k] for k in drawn_on(r.zh_text, [info.at[i, "text"] for i in en], tokenizer,
                                                 share=DRAWN_SHARE)} if len(en) > 1 else set(en)

                def cues(i, other: set[str]):
                    # a quantity, superlative or degree word weighs only where the other version has one of its
                    # kind too (``certainty_table``): listed alone it would read as a cause of the label
                    scale = [c for kind, hits in found[i].items() if kind not in _COMPARED_ONLY or kind in other
                             for c in hits]
                    plain = i == r.zh_claim_id or i in drawn
                    return " ".join([f"{kind} {c}" for kind, col in (("hedge", "hedges"), ("booster", "boosters"))
                                     for c in _cues(info.at[i, col]) if plain] + scale)
                has = lambda ids_: {kind for i in ids_ for kind, hits in found[i].items() if hits}
                zh_kinds, en_kinds = has([r.zh_claim_id]), has(en)
                zh_cues = cues(r.zh_claim_id, en_kinds)
                en_cues = " ".join(filter(None, (cues(i, zh_kinds) for i in en)))
            elif shift == "voice":
                zh_cues = attribution_cues(claims[claims["claim_id"] == r.zh_claim_id], tokenizer=tokenizer).iloc[0]
                en_cues = " ".join(filter(None, attribution_cues(claims[claims["claim_id"].isin(en)], "stance",
                                                                  tokenizer=tokenizer)))
            else:
                zh_cues = en_cues = ""
            rows.append((r.zh_claim_id, shift, value, zh_cues, en_cues, r.zh_text, r.en_text))
    return pd.DataFrame(rows, columns=WORTH_READING_COLUMNS)


#: The scales ``certainty_table`` compares only where both versions place a claim on them.
_COMPARED_ONLY = frozenset({"quantity", "superlative", "degree", "extent", *MORE_SCALES})


HELD_BACK = "read side by side"  # what a side-by-side table shows in place of a label the gate holds back


def gated(table: pd.DataFrame, gate: pd.DataFrame | None = None) -> pd.DataFrame:
    """``framing_table`` with each shift label the gate does not present replaced by HELD_BACK (a copy)."""
    gate = label_gate() if gate is None else gate
    keep = _presented(gate)
    out = table.copy()
    for shift, column in SHIFTS.items():
        labels = out[column].map(lambda v, s=shift: GOLD_LABELS[s].get(v))
        out[column] = out[column].where(labels.isna() | labels.isin(keep), HELD_BACK)
    return out
