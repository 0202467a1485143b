"""Who is talked about (notebook 03): the labs and companies each version mentions, how often, together, and in
which words.

Every function takes the mentions (and claims) tables and returns a tidy DataFrame in a fixed order.
"""

from __future__ import annotations

import re

import pandas as pd

from ..columns import CONTENT_KINDS, KWIC_COLUMNS, ORG_COUNT_COLUMNS, PART_COMMENTARY, PART_NONCONTENT, PART_ORIGINAL
from ..params import DEFAULTS
from ..patterns import DISCOVER_WEB_ADDRESS, WHITESPACE
from ..tables.discover import DISCOVERED
from ..tables.entities import load_gazetteer
from ..tables.ties import zh_org_word_re
from ..text.segment import Tokenizer
from ..text.variants import convert_span
from .themes import top_terms

#: Appended to a discovered organisation's name in the lab tables, so every count and list shows it.
DISCOVERED_MARK = " (discovered)"
#: What the pages call the organisations they count: labs and companies where the gazetteer knows each as one of its
#: lab types; organisations once discovery took one (a non-profit, a think tank or a university as often as a company).
LAB_NOUNS = ("lab or company", "labs and companies")
ORG_NOUNS = ("organisation", "organisations")


def org_nouns(orgs) -> tuple[str, str]:
    """The singular and plural noun for the organisations ``orgs`` (the lab tables' ``org`` column).

    >>> org_nouns(["Anthropic"]), org_nouns(["Anthropic", "Wellspring Action (discovered)"])
    (('lab or company', 'labs and companies'), ('organisation', 'organisations'))
    >>> org_nouns(["Anthropic", "Stanford University"])[1]
    'organisations'

    """
    kinds = _display_types()
    if any(str(o).endswith(DISCOVERED_MARK) or kinds.get(str(o), "lab") not in LAB_AND_COMPANY_TYPES for o in orgs):
        return ORG_NOUNS
    return LAB_NOUNS


#: The gazetteer types that "labs and companies" names; a university, an association or a government body among the
#: organisations makes them 'organisations'.
LAB_AND_COMPANY_TYPES = frozenset({"lab", "company", "chip_maker"})


def _display_types() -> dict[str, str]:
    """Each gazetteer organisation's display name (``lab_mentions``'s ``org``) → its type."""
    table = load_gazetteer().set_index("entity")
    names = table["name_en"].where(table["name_en"].astype(str) != "", table["name_zh"])
    names = names.where(names.astype(str) != "", table.index.to_series())
    return dict(zip(names.astype(str), table["type"].astype(str)))

#: Organisation types counted as "labs" in the lab-mention analysis (see gazetteer.csv `type`).
LAB_TYPES = DEFAULTS.lab_types


#: What may stand between a name and its gloss: an opening bracket or a space (深度求索（DeepSeek）, 微软 Azure), or
#: 即 'that is' spelling a short form out (ASHRAE即美国采暖、制冷与空调工程师学会: bilingual review round 20, where a
#: translator's note glossing a society counted it twice in one sentence).
GLOSS_GAP = frozenset("（( \u00a0即")
#: The most characters between a Han name and its bracketed gloss when they are a company word and the bracket
#: (纬颖科技（Wiwynn）: bilingual review round 20's recheck, where the name counted twice in one naming).
GLOSS_WORD_GAP = 8
#: What separates two glosses of one name inside its bracket ('（Bureau of Industry and Security，BIS）').
GLOSS_LIST = frozenset("，,、;；/")


def _inside_bracket(text: str) -> bool:
    """Whether ``text`` ends inside an open bracket ('工业与安全局（Bureau of Industry and Security')."""
    depth = 0
    for char in text:
        depth += char in "（("
        depth -= char in "）)" and depth > 0
    return depth > 0


def _glossed_again(mentions: pd.DataFrame, claims: pd.DataFrame | None = None) -> pd.Series:
    """True for a mention of the organisation that the mention right before it in the same sentence names already,
    nothing between them (微软Azure), or, given the ``claims`` that hold them, only an opening bracket or a space
    (深度求索（DeepSeek）, 'Allen Institute for AI (Ai2)': bilingual review round 11): each is one naming, not two;
    A100和H100 and 英伟达的A100 are two."""
    if mentions.empty or "claim_id" not in mentions:
        return pd.Series(False, index=mentions.index)
    order = mentions.sort_values(["claim_id", "start"])
    same = order["claim_id"].eq(order["claim_id"].shift()) & order["org"].eq(order["org"].shift())
    gap = order["start"] - order["end"].shift()
    glossed = gap.eq(0)
    if claims is not None and len(claims) and {"claim_id", "start", "text"} <= set(claims.columns):
        where = claims.set_index("claim_id")
        # one character between (（, a space) or an English space and bracket ('Allen Institute for AI (Ai2)')
        # or the words that end a Chinese company's name and the bracket (纬颖科技（Wiwynn）, 某某集团有限公司（Foo）)
        near = order.index[same & gap.between(1, GLOSS_WORD_GAP)]
        for index in near:
            claim = order.at[index, "claim_id"]
            if claim in where.index:
                end = int(order.at[index, "start"]) - int(where.at[claim, "start"])
                between = str(where.at[claim, "text"])[max(0, end - int(gap.at[index])):end]
                core = between.strip()
                before = str(where.at[claim, "text"])[:end]
                glossed.at[index] = len(between) == int(gap.at[index]) and (
                    core == "" or (len(core) == 1 and core in GLOSS_GAP)
                    or (len(core) > 2 and core[-1] in "（(" and _company_words(core[:-1]))
                    # a second gloss in the same bracket, after a comma ('工业与安全局（Bureau of Industry and
                    # Security，BIS）': bilingual review round 21, where the acronym counted as a second naming)
                    or (len(core) == 1 and core in GLOSS_LIST and _inside_bracket(before)))
    return (same & glossed).reindex(mentions.index, fill_value=False)


def _company_words(text: str) -> bool:
    """Whether ``text`` (Han characters) is only words that end a Chinese organisation's name (科技, 集团有限公司: the
    ``org_name_words_zh.csv`` words, and 有限, 股份), read through the Simplified view."""
    rest = convert_span(text)
    for word in ("股份", "有限"):
        rest = rest.replace(word, "")
    return zh_org_word_re().sub("", rest) == "" and rest != ""


def lab_mentions(mentions: pd.DataFrame, gazetteer: pd.DataFrame | None = None, *,
                 types=LAB_TYPES, claims: pd.DataFrame | None = None) -> pd.DataFrame:
    """Mentions in the commentary or the original whose organisation is of one of ``types``.

    Given ``claims``, only the mentions in the versions' content (headings, paragraphs, list items) count: not a
    title line or an outline label, which the lengths every rate divides by leave out too (an English title heading
    the whole file would otherwise count for the Chinese, and a rate per 1,000 characters would set its mentions
    against the other units' length).

    ``org`` becomes the organisation's display name (the gazetteer's English name, else its Chinese
    one: 'Ant Group', not 'ant_group'), since every table and figure built on it is read by people;
    ``org_id`` keeps the canonical id and ``org_type`` its type. A discovered organisation
    (``helpers.tables.discover``) is kept whatever ``types`` says, its name marked ``DISCOVERED_MARK``.
    """
    gazetteer = load_gazetteer() if gazetteer is None else gazetteer
    table = gazetteer.set_index("entity")
    org_type = table["type"]
    names = table["name_en"].where(table["name_en"].astype(str) != "", table["name_zh"])
    names = names.where(names.astype(str) != "", table.index.to_series())
    kept = mentions[mentions["part"].isin([PART_COMMENTARY, PART_ORIGINAL]) & (mentions["org"].astype(str) != "")]
    if claims is not None:
        kept = kept[kept["claim_id"].isin(claims.loc[claims["kind"].isin(CONTENT_KINDS), "claim_id"])]
    kept = kept[~_glossed_again(kept, claims)]
    discovered = kept["type"] == DISCOVERED
    kept = kept.assign(org_type=kept["org"].map(org_type).fillna("").where(~discovered, DISCOVERED), org_id=kept["org"],
                       org=kept["org"].map(names).fillna(kept["org"]).where(~discovered, kept["org"] + DISCOVERED_MARK))
    if "entity" in kept:  # the name of what was named (a product's, a model's), for "4 of them through React"
        kept = kept.assign(entity_name=kept["entity"].map(names).fillna(kept["entity"]))
    return kept[kept["org_type"].isin(types) | discovered].reset_index(drop=True)


def org_counts(labs: pd.DataFrame) -> pd.DataFrame:
    """Mentions per organisation, part and language (tidy), most-mentioned organisation first."""
    counts = labs.groupby(["org", "part", "lang"]).size().rename("mentions").reset_index()
    total = counts.groupby("org")["mentions"].transform("sum")
    counts = counts.assign(total=total).sort_values(["total", "org", "part", "lang"],
                                                    ascending=[False, True, True, True], kind="mergesort")
    return counts[ORG_COUNT_COLUMNS].reset_index(drop=True)


def org_by_part(labs: pd.DataFrame) -> pd.DataFrame:
    """One row per organisation: mentions in the commentary, in the original, total; most mentioned first."""
    wide = labs.groupby(["org", "part"]).size().unstack("part")
    wide = wide.reindex(columns=[PART_COMMENTARY, PART_ORIGINAL]).fillna(0).astype(int)
    wide["total"] = wide.sum(axis=1)
    wide = wide.reset_index().sort_values(["total", "org"], ascending=[False, True], kind="mergesort")
    wide.columns.name = None
    wide = wide.reset_index(drop=True)
    # how many of each count a product or model stands for, and which ones: "Meta most (5 mentions)" read as Meta named
    # five times where React stood for it four times; the pages say "4 of them through React"
    implied = labs[labs["via"].astype(str) != ""] if "via" in labs else labs.iloc[0:0]
    for part in (PART_COMMENTARY, PART_ORIGINAL):
        rows = implied[implied["part"] == part]
        wide[f"{part}{IMPLIED}"] = wide["org"].map(rows.groupby("org").size()).fillna(0).astype(int)
        named = "entity_name" if "entity_name" in rows else "surface"
        through = rows.groupby("org")[named].agg(_through_names).to_dict() if len(rows) else {}
        wide[f"{part}{THROUGH}"] = [through.get(org, "") for org in wide["org"]]
    return wide


#: org_by_part's columns of the mentions a product or model stands for, per part (commentary_implied, ...), and of
#: their names as written, most frequent first, "|"-joined (commentary_through, ...)
IMPLIED, THROUGH = "_implied", "_through"


def _through_names(surfaces: pd.Series) -> str:
    """The products' names (display names, else as written), one per name whatever its case, most frequent first,
    ties in text order."""
    keys = surfaces.astype(str).str.casefold()
    first = dict(zip(keys[::-1], surfaces.astype(str)[::-1]))  # the first spelling of each name
    order = keys.value_counts(sort=False).to_dict()
    seen = list(dict.fromkeys(keys))
    return "|".join(first[k] for k in sorted(seen, key=lambda k: (-order[k], seen.index(k))))


def through_words(by_part: pd.DataFrame, org: str, part: str, *, limit: int = 2) -> str:
    """', 4 of them through React' when a product or model stands for some of ``org``'s mentions in ``part``, so that
    a count said of an organisation says what it counts; '' when the text names it every time (or the table is one
    built before the columns existed)."""
    column = f"{part}{IMPLIED}"
    if column not in by_part:
        return ""
    row = by_part[by_part["org"] == org]
    if row.empty or int(row[column].iloc[0]) == 0:
        return ""
    n, total = int(row[column].iloc[0]), int(row[part].iloc[0])
    names = [x for x in str(row[f"{part}{THROUGH}"].iloc[0]).split("|") if x]
    shown = (" and ".join(names) if len(names) <= limit else
             f"{names[0]} and {len(names) - 1} other products" if names else "its products")
    them = "" if n == total == 1 else "all " if n == total else f"{n} of them "
    return f", {them}through {shown}"


def orgs_in_one_version(by_part: pd.DataFrame, furniture: pd.DataFrame | None = None) -> pd.DataFrame:
    """Organisations named in only one of the two versions' text: org, only_in, mentions, and ``in_other_furniture``:
    whether the other version names it outside its text (``furniture_labs``: a byline, an author's note, a release's boilerplate),
    so that it is not said to be named by one version alone (bilingual review round 21: the English named the Allen
    Institute for AI only in its closing author's note, and the pages said only the Chinese names it)."""
    only_zh = by_part[(by_part[PART_COMMENTARY] > 0) & (by_part[PART_ORIGINAL] == 0)]
    only_en = by_part[(by_part[PART_ORIGINAL] > 0) & (by_part[PART_COMMENTARY] == 0)]
    table = pd.concat([
        pd.DataFrame({"org": only_zh["org"], "only_in": PART_COMMENTARY, "mentions": only_zh[PART_COMMENTARY]}),
        pd.DataFrame({"org": only_en["org"], "only_in": PART_ORIGINAL, "mentions": only_en[PART_ORIGINAL]}),
    ])
    named = set(zip(furniture["org"], furniture["part"])) if furniture is not None and len(furniture) else set()
    other = {PART_COMMENTARY: PART_ORIGINAL, PART_ORIGINAL: PART_COMMENTARY}
    table["in_other_furniture"] = [(org, other[part]) in named for org, part in zip(table["org"], table["only_in"])]
    return table.sort_values(["only_in", "mentions", "org"], ascending=[True, False, True],
                             kind="mergesort").reset_index(drop=True)


def furniture_labs(mentions: pd.DataFrame, claims: pd.DataFrame, gazetteer: pd.DataFrame | None = None, *,
                   types=LAB_TYPES) -> pd.DataFrame:
    """``lab_mentions`` of the mentions in each version's furniture (bylines, authors' notes, boilerplate), each given
    the version whose lines hold it: the Chinese's before the English's first sentence (a line in Chinese), the
    English's from there (a line in English; a Chinese ad after the English is neither). Its ``part`` is the version."""
    original = claims.loc[claims["part"] == PART_ORIGINAL, "start"] if len(claims) else claims.iloc[:0]
    furniture = mentions[mentions["part"] == PART_NONCONTENT] if len(mentions) else mentions
    if original.empty or furniture.empty:
        return lab_mentions(mentions.iloc[:0], gazetteer, types=types)
    english = furniture["start"] >= int(original.min())
    lang = furniture["lang"].astype(str)
    kept = (english & lang.eq("en")) | (~english & lang.ne("en"))
    version = english[kept].map({True: PART_ORIGINAL, False: PART_COMMENTARY})
    return lab_mentions(furniture[kept].assign(part=version), gazetteer, types=types)


def co_mentions(labs: pd.DataFrame, claims: pd.DataFrame, *, unit: str = "block_id", top: int = 12) -> pd.DataFrame:
    """Square table: how many units (``"block_id"`` paragraphs or ``"claim_id"`` sentences) name both orgs.

    The diagonal counts the units naming the org at all. Rows and columns: the ``top`` most mentioned orgs.
    """
    placed = labs[["claim_id", "org"]].join(claims.set_index("claim_id")[["block_id"]], on="claim_id")
    order = org_by_part(labs)["org"].head(top).tolist()
    if not order:  # a document naming no organisation: an empty square
        return pd.DataFrame(index=pd.Index([], name="org"), dtype=int)
    present = pd.crosstab(placed[unit], placed["org"]).clip(upper=1).reindex(columns=order, fill_value=0)
    matrix = present.T.dot(present)
    matrix.index.name, matrix.columns.name = "org", None
    return matrix.astype(int)


def kwic(text: str, labs: pd.DataFrame, orgs, *, width: int = 30, limit: int = 6) -> pd.DataFrame:
    """Keyword in context for one organisation or several (in the order given): up to ``limit`` mentions
    per part each, with ``width`` characters either side. No organisation gives an empty table.
    """
    rows = []
    for org in [orgs] if isinstance(orgs, str) else list(orgs):
        chosen = labs[labs["org"] == org].sort_values("start")
        for part in [PART_COMMENTARY, PART_ORIGINAL]:
            for row in chosen[chosen["part"] == part].head(limit).itertuples(index=False):
                left = WHITESPACE.sub(" ", text[max(0, row.start - width):row.start])
                right = WHITESPACE.sub(" ", text[row.end:row.end + width])
                rows.append((row.mention_id, org, part, left, row.surface, right))
    return pd.DataFrame(rows, columns=KWIC_COLUMNS)


def blank_mentions(claims: pd.DataFrame, mentions: pd.DataFrame) -> pd.DataFrame:
    """The claims with every mentioned name replaced by spaces (offsets kept), so term counts skip names."""
    texts = dict(zip(claims["claim_id"], claims["text"]))
    starts = dict(zip(claims["claim_id"], claims["start"]))
    for claim_id, start, end in mentions[["claim_id", "start", "end"]].itertuples(index=False):
        if claim_id in texts:
            offset = start - starts[claim_id]
            text = texts[claim_id]
            texts[claim_id] = text[:offset] + " " * (end - start) + text[offset + end - start:]
    # a web address is no word about anything: its pieces (https, github, com) were listed as words about a lab
    texts = {k: WEB_ADDRESS.sub(lambda m: " " * len(m.group()), v) for k, v in texts.items()}
    return claims.assign(text=claims["claim_id"].map(texts))


#: A web address inside a sentence (discovery's pattern for a scheme or www., or a host with a path:
#: github.com/org/repo), blanked whole.
WEB_ADDRESS = re.compile(rf"{DISCOVER_WEB_ADDRESS}|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|io|ai|cn|dev)(?:/[^\s，。；、）)」>]*)?",
                         re.IGNORECASE)


def words_about(claims: pd.DataFrame, labs: pd.DataFrame, mentions: pd.DataFrame, *, orgs=None, n: int = 6,
                extra_stopwords=(), tokenizer: Tokenizer | None = None) -> pd.DataFrame:
    """The words most used in the sentences naming each organisation, per language: org, lang, sentences, words.

    Every name in ``mentions`` (labs, models, people, places) is blanked first, so the words describe.
    """
    orgs = org_by_part(labs)["org"].tolist() if orgs is None else list(orgs)
    blanked = blank_mentions(claims, mentions)
    rows = []
    for org in orgs:
        ids = labs.loc[labs["org"] == org, "claim_id"].unique()
        about = blanked[blanked["claim_id"].isin(ids)]
        for lang in ["zh", "en"]:
            chosen = about[about["lang"] == lang]
            if chosen.empty:
                continue
            terms = top_terms(chosen, lang, n=n, extra_stopwords=extra_stopwords, tokenizer=tokenizer)
            rows.append((org, lang, len(chosen), ", ".join(terms["term"])))
    return pd.DataFrame(rows, columns=["org", "lang", "sentences", "words"])
