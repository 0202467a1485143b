"""The claims table: one row per sentence, with its voice, certainty cues, negation and numbers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from ..columns import CLAIM_BASE_COLUMNS, CLAIM_COLUMNS, PART_COMMENTARY, PART_ORIGINAL
from ..vocab import load_cues
from ..text.parse import Parsed
from ..text.segment import tokenize_zh

# Numbers and amounts: "$10M+", "3-9", "2026年", "1.5倍", "40%", "三亿". Digits glued to Latin letters
# belong to names (Ai2, Ring-1T, 01.ai) and are not numbers.
NUMBER = re.compile(
    r"(?<![A-Za-z0-9.\-])"
    r"(?:[$¥€£]\s?)?\d+(?:[.,]\d+)*(?:\s?[-–~]\s?\d+(?:[.,]\d+)*)?"
    r"(?:\s?(?:%|％|[KMBT](?![a-z])|bn|million|billion|trillion|thousand|万亿|万|亿|千|百|倍|年|个月|月|天|人|家|美元|元|块))?\+?"
    r"(?![A-Za-z0-9]|\.[A-Za-z0-9])"
    r"|[零一二三四五六七八九十百千两]+(?:万亿|万|亿)"
)
# "1." or "2、" opening a list item is an enumerator, not a number in the claim.
ENUMERATOR_NUMBER = re.compile(r"^\s*\d{1,2}\s*[.．、)）]")


@dataclass(frozen=True)
class CueMatcher:
    """Compiled cue patterns of one category in both languages."""

    en: re.Pattern | None
    zh_tokens: frozenset
    zh_prefixes: tuple
    zh_excluded: frozenset
    zh_substrings: re.Pattern | None


def _english_pattern(words: list[str]) -> re.Pattern | None:
    """Whole-word pattern; a lowercase cue also matches its Capitalised form but not ALL CAPS."""
    if not words:
        return None
    variants = set()
    for word in words:
        variants.add(re.escape(word))
        if word.islower():
            variants.add(re.escape(word[0].upper() + word[1:]))
    alternation = "|".join(sorted(variants, key=len, reverse=True))
    return re.compile(rf"(?<![A-Za-z’'])(?:{alternation})(?![A-Za-z])")


@lru_cache(maxsize=None)
def cue_matcher(category: str) -> CueMatcher:
    """Build the matcher for a cue category of data/reference/cues.csv."""
    cues = load_cues()
    rows = cues[cues["category"] == category]
    en = rows[(rows["lang"] == "en") & (rows["match"] == "word")]["cue"].tolist()
    zh = rows[rows["lang"] == "zh"]
    substrings = zh.loc[zh["match"] == "substring", "cue"].tolist()
    excluded = cues.loc[(cues["category"] == "not_" + category) & (cues["lang"] == "zh"), "cue"]
    return CueMatcher(
        en=_english_pattern(en),
        zh_tokens=frozenset(zh.loc[zh["match"] == "token", "cue"]),
        zh_prefixes=tuple(zh.loc[zh["match"] == "prefix", "cue"]),
        zh_excluded=frozenset(excluded),
        zh_substrings=re.compile("|".join(re.escape(s) for s in sorted(substrings, key=len, reverse=True)), re.I)
        if substrings else None,
    )


def find_cues(text: str, category: str, *, tokens: list[tuple[str, int, int]] | None = None) -> list[str]:
    """Cues of ``category`` in ``text``, verbatim, in order. ``tokens`` are its jieba tokens if Chinese.

    >>> find_cues("It may well be true", "hedge")
    ['may']
    """
    matcher = cue_matcher(category)
    found: list[tuple[int, str]] = []
    if matcher.en is not None:
        found += [(m.start(), m.group()) for m in matcher.en.finditer(text)]
    if tokens:
        for token, start, _ in tokens:
            if token in matcher.zh_excluded:
                continue
            if token in matcher.zh_tokens or (matcher.zh_prefixes and token.startswith(matcher.zh_prefixes)):
                found.append((start, token))
    if matcher.zh_substrings is not None:
        found += [(m.start(), m.group()) for m in matcher.zh_substrings.finditer(text)]
    return [cue for _, cue in sorted(found)]


def find_numbers(text: str) -> list[str]:
    """Numbers and amounts in a sentence, verbatim; a leading list enumerator is skipped.

    >>> find_numbers("spending $10M+ in 2026 on Ring-1T")
    ['$10M+', '2026']
    """
    enumerator = ENUMERATOR_NUMBER.match(text)
    skip = enumerator.end() if enumerator else 0
    return [m.group() for m in NUMBER.finditer(text) if m.start() >= skip]


def decide_voice(text: str, *, part: str, tokens: list | None = None) -> tuple[str, str]:
    """Say whose voice a sentence speaks in, and the cue that decided it.

    In the commentary: 'reported' (作者认为…, 他说…) or the 'commentator''s own. In the original:
    'reported' (someone told the author), 'first_person', or 'plain'.
    """
    reported = find_cues(text, "reported", tokens=tokens)
    if reported:
        return "reported", reported[0]
    if part == PART_COMMENTARY:
        return "commentator", ""
    if part == PART_ORIGINAL:
        first = find_cues(text, "first_person")
        if first:
            return "first_person", first[0]
        return "plain", ""
    return "", ""


def build_claims(text: str, parsed: Parsed) -> pd.DataFrame:
    """One row per sentence of ``parsed``, with its block's part, kind and language, verbatim text."""
    blocks = parsed.blocks.set_index("block_id")
    sentences = parsed.sentences
    info = blocks.loc[sentences["block_id"], ["part", "kind", "lang", "section"]].reset_index(drop=True)
    claims = pd.DataFrame(
        {
            "claim_id": range(1, len(sentences) + 1),
            "part": info["part"],
            "block_id": sentences["block_id"].to_numpy(),
            "kind": info["kind"],
            "lang": info["lang"],
            "section": info["section"],
            "start": sentences["start"].to_numpy(),
            "end": sentences["end"].to_numpy(),
        }
    )
    claims["text"] = [text[a:b] for a, b in zip(claims["start"], claims["end"])]
    return claims[[*CLAIM_BASE_COLUMNS[:5], "section", *CLAIM_BASE_COLUMNS[5:]]]


def annotate_claims(claims: pd.DataFrame) -> pd.DataFrame:
    """Add voice, hedges, boosters, negation and numbers to a claims table (a new frame)."""
    rows = []
    for part, lang, sentence in zip(claims["part"], claims["lang"], claims["text"]):
        tokens = tokenize_zh(sentence) if lang in ("zh", "mixed") else None
        voice, voice_cue = decide_voice(sentence, part=part, tokens=tokens)
        rows.append(
            {
                "voice": voice,
                "voice_cue": voice_cue,
                "hedges": "|".join(find_cues(sentence, "hedge", tokens=tokens)),
                "boosters": "|".join(find_cues(sentence, "booster", tokens=tokens)),
                "negated": bool(find_cues(sentence, "negation", tokens=tokens)),
                "numbers": "|".join(find_numbers(sentence)),
            }
        )
    added = pd.DataFrame(rows, index=range(len(claims)), columns=CLAIM_COLUMNS[len(CLAIM_BASE_COLUMNS):-2])
    annotated = pd.concat([claims.reset_index(drop=True), added], axis=1)
    for column in ("entities", "orgs"):
        if column not in annotated:
            annotated[column] = ""
    order = [c for c in claims.columns if c not in CLAIM_COLUMNS[len(CLAIM_BASE_COLUMNS):]]
    return annotated[order + CLAIM_COLUMNS[len(CLAIM_BASE_COLUMNS):]]
