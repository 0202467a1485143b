"""Entity layer: find gazetteer names in mixed Chinese/English text and suggest names it lacks.

All domain vocabulary (labs, models, people, places, their aliases in both scripts) lives in
data/reference/gazetteer.csv; this module only knows how to read and match it. See
data/reference/README.md, section "gazetteer.csv", for what a row means. It also builds a gazetteer's
tokenizer (``tokenizer_for``): jieba plus the gazetteer's names and the glossary's terms, kept whole.

Matching rules (find_mentions):
- Latin-script alias edges need a Latin boundary: no Latin letter or digit just before/after,
  so "zing" is found in "zing和" and "Zing's" but not in "amazing"; a possessive "Acme’s"
  yields "Acme"; "Acme-pilled" yields "Acme" (a hyphen is a boundary); a name ending in a digit takes a plural
  's' ("2,048 Zing7s" yields "Zing7").
- CJK alias edges match anywhere; a row's `exclusions` lists longer strings in which its
  aliases are not names (谷子粥 blocks 谷子).
- A space inside an alias matches any run of spaces/tabs (never a newline); next to a CJK
  character it also matches nothing, so "艾克米 Zing" finds "艾克米Zing" too.
- Longest match wins, then the earliest; kept matches never overlap.
- A name belongs to the hyphenated Latin name it starts: a match that is a later part of one ("Foo-Zing-7B") is
  dropped (``drop_compound_tails``).

How (speed): one Aho–Corasick automaton (``vocab.Automaton``) over every alias and exclusion, lowercased, is run once
over the text's matching view (inline space runs collapsed to one space, lowercased); the rules above are applied
to its hits only. A text holding one of the letters that case-insensitive regexes equate with ASCII beyond
``lower()`` (ı, İ, ſ, the Kelvin and Ångström signs) goes through one regex per alias instead, as before: both paths
give the same mentions (tests/test_entities.py compares them).
"""

from __future__ import annotations

import bisect
import re
import weakref
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, product
from pathlib import Path

import numpy as np
import pandas as pd

from ..frames import text_array, typed_frame
from ..paths import REFERENCE
from ..patterns import (
    ACRONYM_RE, CAMEL_RE, CAPITALISED_RE, CJK_CHAR, ENTITY_ID_RE, FOLDING_SPECIALS_RE, HAS_DIGIT_RE, HAS_UPPER_RE,
    INLINE_GAP_CHARS, INLINE_RUN_RE, INLINE_SPACE, LATIN_AFTER, LATIN_BEFORE, LATIN_CHAR_IGNORECASE_RE, LATIN_CHAR_RE, LATIN_LETTER, LATIN_WORD_RE, LOWERCASE_CHAIN_RE,
    LOWER_WORD_RE, OTHER_INLINE_SPACE_RE, POSSESSIVE, TITLE_RE, WHITESPACE, word_chain_re,
)
from ..text.segment import Tokenizer, Word, tokenizer_with
from ..vocab import GLOSSARY_PATH, Automaton, load_glossary, load_vocabulary, read_word_list

GAZETTEER_PATH = REFERENCE / "gazetteer.csv"
STOPLIST_PATH = REFERENCE / "candidate_stoplist.txt"

GAZETTEER_COLUMNS = ["entity", "name_en", "name_zh", "type", "parent", "case", "aliases", "exclusions"]
REQUIRED_GAZETTEER_COLUMNS = ["entity", "type"]

# Organisation types: an entity of one of these types is its own `org`.
ORG_TYPES = ("lab", "company", "university", "publication", "chip_maker", "government", "association")
# Named things made by an organisation; they roll up to it through `parent`.
PRODUCT_TYPES = ("model", "product")
OTHER_TYPES = ("person", "place")
ENTITY_TYPES = ORG_TYPES + PRODUCT_TYPES + OTHER_TYPES
CASE_VALUES = ("exact", "ignore")
DEFAULT_CASE = "exact"

ALIAS_SEPARATOR = "|"
EXACT_ALIAS_PREFIX = "!"   # "!QB": this alias is exact-case even on a case=ignore row
IGNORE_ALIAS_PREFIX = "~"  # "~acme labs": this alias ignores case even on a case=exact row

# Subsets of helpers.columns.MENTION_COLUMNS / CANDIDATE_COLUMNS that these functions fill.
MENTION_RESULT_COLUMNS = ["start", "end", "surface", "entity", "org", "type"]
CANDIDATE_RESULT_COLUMNS = ["start", "end", "surface", "reason"]

# Candidate reasons, strongest first (a multi-word run takes the strongest of its words).
REASON_TITLE = "title"
REASON_LATIN_IN_ZH = "latin_in_zh"
REASON_MODEL_LIKE = "model_like"
REASON_CAMEL_CASE = "camel_case"
REASON_ACRONYM = "acronym"
REASON_CAPITALISED = "capitalised"
REASON_VERSIONED = "versioned_mention"  # a known name with a version glued on: overlaps that mention
WORD_REASON_RANK = (REASON_VERSIONED, REASON_MODEL_LIKE, REASON_CAMEL_CASE, REASON_ACRONYM, REASON_CAPITALISED)

JIEBA_FREQ = 100_000
JIEBA_TAGS = {"person": "nr", "place": "ns", "model": "nz", "product": "nz"}  # orgs: "nt"

# Characters skipped when looking back for a sentence start: spaces, quotes, brackets, bullets.
SENTENCE_LEADIN = set(" \t\u00A0\u3000\"'“”‘’«»(（[「『*•·-")
SENTENCE_END = set(".!?:;。！？：；…")


# ---------------------------------------------------------------------------------------------
# Gazetteer


def load_gazetteer(path: str | Path | None = None) -> pd.DataFrame:
    """Read and validate the gazetteer CSV; adds an `org` column (the organisation each row rolls up to).

    Read once per process for each content of the file (a copy each call): every notebook of a report asks for it, and
    their kernels, forked from one process that read it, find it read; an edited file is read again."""
    path = Path(path) if path is not None else GAZETTEER_PATH
    try:
        content = path.read_bytes()
    except OSError:
        return _parse_gazetteer(path)  # says what is wrong, as it did
    return _gazetteer_of(str(path), content).copy()


@lru_cache(maxsize=8)
def _gazetteer_of(path: str, content: bytes) -> pd.DataFrame:
    return _parse_gazetteer(Path(path))


def _parse_gazetteer(path: Path) -> pd.DataFrame:
    gazetteer = normalise_gazetteer(load_vocabulary(path, REQUIRED_GAZETTEER_COLUMNS, optional=tuple(GAZETTEER_COLUMNS)))
    key = _gazetteer_key(gazetteer)
    _validate_gazetteer(key)  # raises ValueError naming the first bad row
    orgs = _rollup(key)
    return gazetteer.assign(org=[orgs[e] for e in gazetteer["entity"]])


def normalise_gazetteer(table: pd.DataFrame) -> pd.DataFrame:
    """Return the gazetteer columns as stripped strings, adding missing optional ones as empty."""
    missing = [c for c in REQUIRED_GAZETTEER_COLUMNS if c not in table.columns]
    if missing:
        raise ValueError(f"gazetteer is missing required column(s): {', '.join(missing)}")
    out = pd.DataFrame(index=range(len(table)))
    for column in GAZETTEER_COLUMNS:
        values = table[column].tolist() if column in table.columns else [""] * len(table)
        out[column] = ["" if _is_missing(v) else str(v).strip() for v in values]
    out["case"] = [c.lower() or DEFAULT_CASE for c in out["case"]]
    return out


def _is_missing(value: object) -> bool:
    """True for None/NaN cells (a hand-built DataFrame may hold them)."""
    return value is None or (isinstance(value, float) and value != value)


class GazetteerKey(tuple):
    """A gazetteer's key (``_gazetteer_key``): the tuple of its rows, hashed once, and one object for equal rows.

    Every matcher, word list and table made from a gazetteer is cached by its key, looked up about ten times an
    extract: a plain tuple of the reference gazetteer's 6,000 cells was hashed anew at each lookup, then compared cell
    by cell with the equal key the cache had kept from reading the file (about 70 µs a lookup, a tenth of a short
    document's extraction). Equal keys made since are the object made first (the last ``KEYS_KEPT``)."""

    def __new__(cls, rows):
        key = super().__new__(cls, rows)
        key._hash = tuple.__hash__(key)
        kept = _KEYS.get(key)
        if kept is not None:
            return kept
        if len(_KEYS) >= KEYS_KEPT:
            del _KEYS[next(iter(_KEYS))]
        _KEYS[key] = key
        return key

    def __hash__(self) -> int:
        return self._hash

    def __reduce__(self):
        return GazetteerKey, (tuple(self),)  # hashed again where it is unpickled (string hashes differ by process)


#: How many distinct gazetteer keys a process keeps as the one object for their rows (memory bound; the caches keyed
#: by them keep 32 at most).
KEYS_KEPT = 32
_KEYS: dict[GazetteerKey, GazetteerKey] = {}


def _gazetteer_key(gazetteer: pd.DataFrame) -> tuple[tuple[str, ...], ...]:
    """Hashable snapshot of a gazetteer, so its compiled matchers can be cached."""
    known = _READ_KEYS.get(id(gazetteer))
    if known is not None and known[0]() is gazetteer:  # the reference file's frame (never mutated): key made on reading
        return known[1]
    # normalise_gazetteer's cells, without building a DataFrame (this runs on every call of find_mentions)
    missing = [c for c in REQUIRED_GAZETTEER_COLUMNS if c not in gazetteer.columns]
    if missing:
        raise ValueError(f"gazetteer is missing required column(s): {', '.join(missing)}")
    size = len(gazetteer)
    columns = []
    for column in GAZETTEER_COLUMNS:
        values = gazetteer[column].tolist() if column in gazetteer.columns else [""] * size
        cells = ["" if _is_missing(v) else str(v).strip() for v in values]
        columns.append([c.lower() or DEFAULT_CASE for c in cells] if column == "case" else cells)
    return GazetteerKey(zip(*columns))


def is_settled(gazetteer: pd.DataFrame) -> bool:
    """Whether ``gazetteer`` is a settled one (``settled_gazetteer``: its key made once, never mutated)."""
    known = _READ_KEYS.get(id(gazetteer))
    return known is not None and known[0]() is gazetteer


def _row_label(index: int, row: tuple[str, ...]) -> str:
    """Name a row in error messages: CSV line number (header is line 1) and entity id."""
    return f"gazetteer line {index + 2} (entity {row[0]!r})"


def _split_aliases(field: str) -> list[str]:
    """Split a |-separated alias cell, dropping empty pieces."""
    return [a.strip() for a in field.split(ALIAS_SEPARATOR) if a.strip()]


def _surface_forms(row: tuple[str, ...]) -> list[tuple[str, bool]]:
    """Every (alias, ignore_case) of a row: its names, then its aliases, prefixes applied."""
    _, name_en, name_zh, _, _, case, aliases, _ = row
    forms: list[tuple[str, bool]] = []
    for raw in [name_en, name_zh, *_split_aliases(aliases)]:
        if not raw:
            continue
        ignore = case == "ignore"
        if raw.startswith(EXACT_ALIAS_PREFIX):
            raw, ignore = raw[1:].strip(), False
        elif raw.startswith(IGNORE_ALIAS_PREFIX):
            raw, ignore = raw[1:].strip(), True
        raw = WHITESPACE.sub(" ", raw)
        if raw and (raw, ignore) not in forms:
            forms.append((raw, ignore))
    return forms


def _alias_key(alias: str) -> str:
    """Comparison key for alias clashes: spaces dropped next to CJK ("艾克米 AI" = "艾克米AI")."""
    tokens = alias.split(" ")
    key = tokens[0]
    for token in tokens[1:]:
        joint = "" if CJK_CHAR.match(key[-1]) or CJK_CHAR.match(token[0]) else " "
        key += joint + token
    return key


def _alias_pattern(alias: str, *, boundaries: bool = True) -> str:
    """Regex source for an alias: flexible inner spaces, Latin boundaries on Latin edges."""
    tokens = alias.split(" ")
    body = re.escape(tokens[0])
    for previous, token in zip(tokens, tokens[1:]):
        cjk_joint = CJK_CHAR.match(previous[-1]) or CJK_CHAR.match(token[0])
        body += (INLINE_SPACE + ("*" if cjk_joint else "+")) + re.escape(token)
    if boundaries and LATIN_CHAR_RE.match(alias[0]):
        body = LATIN_BEFORE + body
    if boundaries and LATIN_CHAR_RE.match(alias[-1]):
        # a name ending in a digit takes a plural 's' ('2,048 Zing7s': bilingual review round 20, X threads on chips)
        body += f"(?:(?=s{LATIN_AFTER})|{LATIN_AFTER})" if alias[-1].isdigit() else LATIN_AFTER
    return body


@lru_cache(maxsize=32)
def _rollup(key: tuple[tuple[str, ...], ...]) -> dict[str, str]:
    """Map entity id -> organisation it rolls up to ("" when none), following parent links."""
    rows = {row[0]: row for row in key}
    orgs: dict[str, str] = {}
    for entity in rows:
        current, seen = entity, []
        while current and rows[current][3] not in ORG_TYPES:
            seen.append(current)
            current = rows[current][4]
            if current in seen:
                raise ValueError(f"gazetteer: parent chain of {entity!r} loops back to {current!r}")
        orgs[entity] = current
    return orgs


@lru_cache(maxsize=32)
def _compile_gazetteer(key: tuple[tuple[str, ...], ...]) -> list[tuple]:
    """Validate a gazetteer snapshot and compile, per alias: its regex, row index, exclusion regexes,
    the literal chunks any match must contain (lowercased when case is ignored) and whether it is."""
    return _check_gazetteer(key, compile_patterns=True)


@lru_cache(maxsize=32)
def _validate_gazetteer(key: tuple[tuple[str, ...], ...]) -> None:
    """``_compile_gazetteer``'s checks (the same errors, in the same order) without compiling a regex per alias: the
    automaton does not need them, and compiling them took 1.6 s in every process (each corpus worker, each kernel)."""
    _check_gazetteer(key, compile_patterns=False)


def _check_gazetteer(key: tuple[tuple[str, ...], ...], *, compile_patterns: bool) -> list[tuple]:
    ids: dict[str, int] = {}
    for index, row in enumerate(key):
        entity, _, _, kind, _, case, _, _ = row
        label = _row_label(index, row)
        if not ENTITY_ID_RE.fullmatch(entity):
            raise ValueError(f"{label}: entity id must be lowercase letters, digits and _")
        if entity in ids:
            raise ValueError(f"{label}: duplicate entity id, first defined on line {ids[entity] + 2}")
        ids[entity] = index
        if kind not in ENTITY_TYPES:
            raise ValueError(f"{label}: unknown type {kind!r}; expected one of {', '.join(ENTITY_TYPES)}")
        if case not in CASE_VALUES:
            raise ValueError(f"{label}: case must be 'exact' or 'ignore', not {case!r}")
    claimed: dict[str, list[tuple[int, bool, str]]] = {}
    compiled = []
    for index, row in enumerate(key):
        label = _row_label(index, row)
        parent = row[4]
        if parent and parent not in ids:
            raise ValueError(f"{label}: parent {parent!r} is not an entity id")
        if parent == row[0]:
            raise ValueError(f"{label}: an entity cannot be its own parent")
        forms = _surface_forms(row)
        if not forms:
            raise ValueError(f"{label}: no name or alias to match")
        exclusions = [
            re.compile(_alias_pattern(WHITESPACE.sub(" ", e), boundaries=False), re.IGNORECASE)
            for e in _split_aliases(row[7])
        ] if compile_patterns else []
        for alias, ignore in forms:
            alias_key = _alias_key(alias)
            # Two rows clash when one alias can match the other's text: same spelling, or the
            # same letters with either side ignoring case.
            for other, other_ignore, other_key in claimed.get(alias_key.casefold(), []):
                if other != index and (ignore or other_ignore or other_key == alias_key):
                    raise ValueError(
                        f"{label}: alias {alias!r} is also claimed by {key[other][0]!r} (line {other + 2})"
                    )
            claimed.setdefault(alias_key.casefold(), []).append((index, ignore, alias_key))
            if not compile_patterns:
                continue
            flags = re.IGNORECASE if ignore else 0
            chunks = tuple(c.lower() if ignore else c for c in alias.split(" ") if c)
            compiled.append((re.compile(_alias_pattern(alias), flags), index, exclusions, chunks, ignore))
    _rollup(key)  # raises on a parent cycle
    return compiled


# ---------------------------------------------------------------------------------------------
# Mentions


def find_mentions(text: str, gazetteer: pd.DataFrame) -> pd.DataFrame:
    """Every gazetteer name in `text`, longest match first, non-overlapping, sorted by start.

    Example: "Acme Robotics 的 Zing" -> (0, 13, "Acme Robotics", acme, acme, company) and
    (16, 20, "Zing", zing, acme, model) when the gazetteer has Zing with parent acme.
    """
    key = _gazetteer_key(gazetteer)
    _validate_gazetteer(key)  # validates the gazetteer (raises ValueError naming a bad row)
    if FOLDING_SPECIALS_RE.search(text):
        return find_mentions_by_regex(text, gazetteer)
    return _mentions_frame(text, key, _automaton(key).find(text))


def find_mentions_by_regex(text: str, gazetteer: pd.DataFrame) -> pd.DataFrame:
    """``find_mentions`` by one regex per alias: the reference the automaton is checked against, and the path for
    text holding a letter that ``re.IGNORECASE`` folds beyond ``lower()``."""
    key = _gazetteer_key(gazetteer)
    compiled = _compile_gazetteer(key)
    found: list[tuple[int, int, int]] = []
    # Most aliases do not occur at all: a plain substring test of their literal pieces skips their
    # regex. Case-insensitive regexes also equate ı, İ, ſ and the Kelvin and Ångström signs with
    # ASCII letters, which lower() does not: with any of those in the text, every regex runs.
    lowered = None if FOLDING_SPECIALS_RE.search(text) else text.lower()
    for pattern, index, exclusions, chunks, ignore in compiled:
        if lowered is not None and not all(c in (lowered if ignore else text) for c in chunks):
            continue
        matches = [(m.start(), m.end()) for m in pattern.finditer(text) if m.end() > m.start()]
        if not matches:
            continue
        blocked = sorted((m.start(), m.end()) for ex in exclusions for m in ex.finditer(text))
        # a match is blocked when some exclusion starting at or before it ends at or after it
        blocked_starts = [bs for bs, _ in blocked]
        furthest_end = list(accumulate((be for _, be in blocked), max))
        found.extend(
            (s, e, index) for s, e in matches
            if not (k := bisect.bisect_right(blocked_starts, s)) or furthest_end[k - 1] < e
        )
    return _mentions_frame(text, key, _longest_first(found))


def _longest_first(found: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """(start, end, row) matches that do not overlap, the longest kept first, then the earliest; sorted by start."""
    found.sort(key=lambda m: (m[0] - m[1], m[0], m[2]))
    taken = bytearray(max((e for _, e, _ in found), default=0))
    kept = []
    for start, end, index in found:
        if any(taken[start:end]):
            continue
        taken[start:end] = b"\x01" * (end - start)
        kept.append((start, end, index))
    kept.sort()
    return kept


def _mentions_frame(text: str, key: tuple[tuple[str, ...], ...], kept: list[tuple[int, int, int]]) -> pd.DataFrame:
    orgs = _rollup(key)
    kept = drop_compound_tails(text, kept, [row[3] in ORG_TYPES for row in key])
    rows = [(s, e, text[s:e], key[i][0], orgs[key[i][0]], key[i][3]) for s, e, i in kept]
    return _frame(rows, MENTION_RESULT_COLUMNS)


def drop_compound_tails(text: str, kept: list[tuple[int, int, int]], is_org: list[bool] | None = None,
                        ) -> list[tuple[int, int, int]]:
    """The matches less those that are a later part of a hyphenated Latin name: a name belongs to what it starts
    with, so "Foo-Zing-7B" (Foo's fine-tune of Zing), "Acme-Zing" or "amazing-acme-api" name Foo, Acme and no one,
    not Zing or Acme. A Latin match right after a hyphen that follows a Latin letter or digit is such a part, except
    an organisation right after another ("Acme-Foo partnership", ``is_org`` by row): two names paired. (A name that
    heads a hyphenated name is kept: "Zing-Audio-Chat" is Zing's; a tool someone else named after it, as
    "Zing-Factory", needs a gazetteer row of its own with no parent.)

    >>> drop_compound_tails("Foo-Zing-7B and Zing", [(0, 3, 0), (4, 8, 1), (16, 20, 1)], [True, False])
    [(0, 3, 0), (16, 20, 1)]
    >>> drop_compound_tails("the Foo-Acme deal", [(4, 7, 0), (8, 12, 2)], [True, False, True])
    [(4, 7, 0), (8, 12, 2)]
    """
    out: list[tuple[int, int, int]] = []
    for start, end, index in kept:
        inside = start >= 2 and text[start - 1] == "-" and LATIN_CHAR_RE.match(text[start - 2])
        if inside and LATIN_CHAR_RE.match(text[start]):
            paired = (is_org is not None and is_org[index] and bool(out) and out[-1][1] == start - 1
                      and is_org[out[-1][2]])
            if not paired:
                continue
        out.append((start, end, index))
    return out


def _view_variants(alias: str) -> list[str]:
    """How an alias can look in the matching view: a space next to CJK may also be nothing ("艾克米 Zing", "艾克米Zing")."""
    tokens = alias.split(" ")
    joints = [(" ", "") if CJK_CHAR.match(previous[-1]) or CJK_CHAR.match(token[0]) else (" ",)
              for previous, token in zip(tokens, tokens[1:])]
    return [tokens[0] + "".join(j + t for j, t in zip(choice, tokens[1:])) for choice in product(*joints)]


def _finditer_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """What ``re.finditer`` keeps of one pattern's occurrences: the leftmost first, never overlapping."""
    kept, reach = [], -1
    for start, end in sorted(spans, key=lambda s: (s[0], -s[1])):
        if start >= reach:
            kept.append((start, end))
            reach = end
    return kept


@dataclass(frozen=True)
class _Form:
    """One (alias, case) of a gazetteer row: what its regex would check beyond the letters."""

    row: int
    ignore: bool
    before: bool  # a Latin boundary is needed before it
    after: bool   # and after it
    plural: bool = False  # ends in a digit: a plural 's' after it is a boundary too ('Zing7s')


_ALIAS, _EXCLUSION = 0, 1


class _Automaton:
    """One Aho–Corasick automaton over every alias and exclusion of a gazetteer, lowercased."""

    def __init__(self, key: tuple[tuple[str, ...], ...]):
        self.forms: list[_Form] = []
        self.row_exclusions: list[list[int]] = []
        payloads: dict[str, list[tuple[int, int, str]]] = {}
        exclusion_ids: dict[str, int] = {}
        for index, row in enumerate(key):
            for alias, ignore in _surface_forms(row):
                form_id = len(self.forms)
                self.forms.append(_Form(index, ignore, bool(LATIN_CHAR_RE.match(alias[0])),
                                        bool(LATIN_CHAR_RE.match(alias[-1])), alias[-1].isdigit()))
                for variant in _view_variants(alias):
                    payloads.setdefault(variant.lower(), []).append((_ALIAS, form_id, variant))
            mine = []
            for exclusion in _split_aliases(row[7]):
                exclusion = WHITESPACE.sub(" ", exclusion)
                if exclusion not in exclusion_ids:
                    exclusion_ids[exclusion] = len(exclusion_ids)
                    for variant in _view_variants(exclusion):
                        payloads.setdefault(variant.lower(), []).append((_EXCLUSION, exclusion_ids[exclusion], variant))
                mine.append(exclusion_ids[exclusion])
            self.row_exclusions.append(mine)
        self.automaton = Automaton({word: tuple(payload) for word, payload in payloads.items()})

    def find(self, text: str) -> list[tuple[int, int, int]]:
        """(start, end, row) of the mentions in ``text`` (no ı, İ, ſ, K or Å in it), as the regexes find them."""
        view, run_starts, shifts = _matching_view(text)
        size = len(view)
        alias_hits: dict[int, list[tuple[int, int]]] = {}
        exclusion_hits: dict[int, list[tuple[int, int]]] = {}
        forms = self.forms
        for start, end, payload in self.automaton.find(view.lower()):
            for kind, ident, literal in payload:
                if kind == _EXCLUSION:
                    exclusion_hits.setdefault(ident, []).append((start, end))
                    continue
                form = forms[ident]
                if not form.ignore and view[start:end] != literal:
                    continue
                latin = LATIN_CHAR_IGNORECASE_RE if form.ignore else LATIN_CHAR_RE
                if form.before and start and latin.match(view[start - 1]):
                    continue
                if form.after and end < size and latin.match(view[end]) and not (
                        form.plural and view[end] in ("sS" if form.ignore else "s")
                        and (end + 1 == size or not latin.match(view[end + 1]))):
                    continue
                alias_hits.setdefault(ident, []).append((start, end))
        found = []
        for ident, spans in alias_hits.items():
            row = forms[ident].row
            blocked = [b for x in self.row_exclusions[row] for b in _finditer_spans(exclusion_hits.get(x, []))]
            for start, end in _finditer_spans(spans):
                if any(bs <= start and be >= end for bs, be in blocked):
                    continue
                found.append((_to_text(start, run_starts, shifts), _to_text(end - 1, run_starts, shifts) + 1, row))
        return _longest_first(found)


@lru_cache(maxsize=32)
def _automaton(key: tuple[tuple[str, ...], ...]) -> _Automaton:
    return _Automaton(key)


def _matching_view(text: str) -> tuple[str, list[int], list[int]]:
    """The text with each run of inline spaces as one space, and what maps its offsets back (``_to_text``)."""
    if "  " not in text and OTHER_INLINE_SPACE_RE.search(text) is None:  # no run (most texts): no scan for one
        return text, [], [0]
    runs = [(m.start(), m.end()) for m in INLINE_RUN_RE.finditer(text)]
    if not runs:
        return text, [], [0]
    view = INLINE_RUN_RE.sub(" ", text)
    starts, shifts, shift = [], [0], 0
    for start, end in runs:
        if end - start > 1:
            starts.append(start - shift)
            shift += end - start - 1
            shifts.append(shift)
    return view, starts, shifts


def _to_text(offset: int, starts: list[int], shifts: list[int]) -> int:
    """A matching view's offset as an offset into the text."""
    return offset + shifts[bisect.bisect_left(starts, offset)]


_STR = {str}


@lru_cache(maxsize=16)
def _empty_frame(columns: tuple[str, ...]) -> pd.DataFrame:
    """``_frame``'s frame without rows (copied before it is handed out)."""
    return pd.DataFrame({name: np.empty(0, dtype=np.int64 if name in ("start", "end") else object) for name in columns},
                        columns=list(columns))


def _frame(rows: list[tuple], columns: list[str]) -> pd.DataFrame:
    """DataFrame with integer start/end columns even when there are no rows (built column by column: the same frame
    as ``pd.DataFrame(rows, columns=columns).astype(...)`` at a fraction of its cost)."""
    if not rows:  # object columns, int64 offsets, as ``astype`` makes them (which costs 3 ms on an empty frame)
        return _empty_frame(tuple(columns)).copy()  # a copy of one made once (speed: most documents discover none)
    values = list(zip(*rows))
    # a column of strings typed as pandas infers it (``typed_frame``: no inference per column and document)
    return typed_frame({name: np.array(column, dtype=np.int64) if name in ("start", "end")
                        else text_array(column) if set(map(type, column)) == _STR else list(column)
                        for name, column in zip(columns, values)}, columns)


# ---------------------------------------------------------------------------------------------
# Candidates


def load_stoplist(path: str | Path | None = None) -> frozenset[str]:
    """Casefolded words that are never candidates: one per line, '#' starts a comment."""
    return _read_stoplist(str(Path(path) if path is not None else STOPLIST_PATH))


@lru_cache(maxsize=8)
def _read_stoplist(path: str) -> frozenset[str]:
    """Cached reader behind load_stoplist."""
    return frozenset(word.casefold() for word in read_word_list(path))


def _is_stopword(word: str, stoplist: frozenset[str]) -> bool:
    """Stoplisted as written, or as the singular of a plural ("LLMs" -> "LLM")."""
    folded = word.casefold()
    return folded in stoplist or (len(folded) > 2 and folded.endswith("s") and folded[:-1] in stoplist)


#: The endings ``POSSESSIVE`` matches, as a set of two-character strings.
POSSESSIVE_ENDINGS = frozenset(a + b for a in "'’" for b in "sS")


def _word_reason(word: str) -> str | None:
    """Why a Latin word looks like a name, or None for an ordinary (lowercase/number) word."""
    if HAS_DIGIT_RE.search(word) and LATIN_LETTER.match(word[0]):
        if HAS_UPPER_RE.search(word) or "-" in word or "." in word:
            return REASON_MODEL_LIKE
        return None
    if HAS_DIGIT_RE.search(word):
        return None
    if CAMEL_RE.search(word):
        return REASON_CAMEL_CASE
    if ACRONYM_RE.fullmatch(word):
        return REASON_ACRONYM
    if CAPITALISED_RE.match(word):
        return REASON_CAPITALISED
    return None


def _neighbour(text: str, index: int, step: int) -> str:
    """The nearest character from `index` in direction `step` that is not a space or tab, or ""."""
    while 0 <= index < len(text) and text[index] in " \t\u00A0":
        index += step
    return text[index] if 0 <= index < len(text) else ""


def _in_chinese_context(text: str, start: int, end: int) -> bool:
    """True when the nearest non-space character on either side is CJK."""
    before, after = _neighbour(text, start - 1, -1), _neighbour(text, end, 1)
    return bool(CJK_CHAR.match(before) or CJK_CHAR.match(after))


def _sentence_initial(text: str, start: int) -> bool:
    """True when only quotes/brackets/spaces separate `start` from a line or sentence start."""
    index = start - 1
    while index >= 0 and text[index] in SENTENCE_LEADIN:
        index -= 1
    return index < 0 or text[index] in "\r\n" or text[index] in SENTENCE_END


def find_candidates(
    text: str, gazetteer: pd.DataFrame, *, stoplist: frozenset[str] | None = None,
    mentions: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Name-like strings that are not gazetteer mentions, for a user to review and maybe add.

    Reasons: "title" (《…》), "latin_in_zh" (a Latin run with a capital or digit beside CJK,
    e.g. "Foo-2T" in "发布了 Foo-2T 模型"), and in English text "model_like" (letters+digits,
    "Foo-2T"), "camel_case", "acronym", "capitalised" (a lone capitalised word only when it
    does not start a sentence), and "versioned_mention" (a known name with a version glued on,
    "Foo-3" when only "Foo" is in the gazetteer: the one kind of candidate that overlaps a
    mention). Stoplisted words and existing mentions are never candidates.
    """
    mentions = find_mentions(text, gazetteer) if mentions is None else mentions
    rows = candidate_rows(text, list(zip(mentions["start"].tolist(), mentions["end"].tolist())), stoplist=stoplist)
    return _frame(rows, CANDIDATE_RESULT_COLUMNS)


def candidate_rows(text: str, spans: list[tuple[int, int]], *, stoplist: frozenset[str] | None = None,
                   ) -> list[tuple[int, int, str, str]]:
    """``find_candidates``'s rows (start, end, surface, reason), sorted, beside the mentions at ``spans`` (sorted,
    non-overlapping (start, end) pairs)."""
    stoplist = load_stoplist() if stoplist is None else frozenset(w.casefold() for w in stoplist)
    covered = bytearray(len(text))
    span_ends = [e for _, e in spans]
    for start, end in spans:
        covered[start:end] = b"\x01" * (end - start)

    rows: list[tuple[int, int, str, str]] = []
    in_title = bytearray(len(text))
    titled = False
    for match in TITLE_RE.finditer(text):
        start, end = match.span(1)
        in_title[match.start():match.end()] = b"\x01" * (match.end() - match.start())
        titled = True
        inner = match.group(1).strip()
        if any(covered[start:end]) or not inner or _is_stopword(inner, stoplist):
            continue
        start += len(match.group(1)) - len(match.group(1).lstrip())
        rows.append((start, start + len(inner), inner, REASON_TITLE))

    # Latin words: None breaks a run (a mention or stoplisted word), "" is an ordinary word,
    # anything else is the reason the word looks like a name. Each word is judged, then joins or ends the run of
    # adjacent words it stands in, in one pass over the words.
    # a word's reason depends on the word and the stoplist alone: found once per distinct word in a process
    reasons = _word_reasons(stoplist)
    if len(reasons) > WORD_REASONS_KEPT:
        reasons.clear()
    possessive, find_covered, find_title = POSSESSIVE_ENDINGS, covered.find, in_title.find
    # the text's all-lowercase words, made only when a run's capitalised first word needs them
    lowercase_words = _LazyWords(text)
    # A run of ordinary words only, all lowercase letters, yields nothing (no capital nor digit to make a name,
    # beside CJK or not): it is not looked at (``plain``: the distinct words known to be such).
    plain: dict[str, bool] = {}
    run: list[tuple[int, int, str]] = []
    named = False  # the run holds a word that is not plainly ordinary
    words_in = LATIN_WORD_RE.finditer
    for chain_start, chain_end in _named_chains(text, stoplist):
        # a chain holding no title's nor mention's character: none of its words does (no word asked in turn)
        in_title = titled and find_title(1, chain_start, chain_end) >= 0
        in_mention = find_covered(1, chain_start, chain_end) >= 0
        for match in words_in(text, chain_start, chain_end):
            start, end = match.span()
            word = match.group()
            if word[-2:] in possessive:  # POSSESSIVE, without a regex per word
                end -= 2
                word = word[:-2]
            if in_title and find_title(1, start, end) >= 0:
                continue
            if in_mention and find_covered(1, start, end) >= 0:
                # A known name with a version glued on ("Foo-3" when only "Foo" is known) is news.
                uncovered = "".join(ch for ch, c in zip(word, covered[start:end]) if not c)
                # every mention overlapping the word lies inside it (mentions are sorted and disjoint)
                k = bisect.bisect_right(span_ends, start)  # the first mention ending after start
                inside = True
                while k < len(spans) and spans[k][0] < end:
                    if not (start <= spans[k][0] and spans[k][1] <= end):
                        inside = False
                        break
                    k += 1
                versioned = inside and HAS_DIGIT_RE.search(uncovered) and _word_reason(word) == REASON_MODEL_LIKE
                reason = REASON_VERSIONED if versioned else None
            else:
                reason = reasons.get(word, False)
                if reason is False:
                    reason = reasons[word] = None if _is_stopword(word, stoplist) else _word_reason(word) or ""
            if run and (reason is None or text[run[-1][1]:start].strip(INLINE_GAP_CHARS)):  # INLINE_GAP_RE.fullmatch
                if named:
                    rows.extend(_run_candidates(text, run, lowercase_words))
                run = []
                named = False
            if reason is not None:
                run.append((start, end, reason))
                if not named:
                    if reason:
                        named = True
                    else:
                        lower = plain.get(word)
                        if lower is None:
                            lower = plain[word] = word.isascii() and word.isalpha() and word.islower()
                        named = not lower
    if run and named:
        rows.extend(_run_candidates(text, run, lowercase_words))
    rows.sort()
    return rows


def _named_chains(text: str, stoplist: frozenset[str]) -> list[tuple[int, int]]:
    """The (start, end) of the stretches whose Latin words (``LATIN_WORD_RE`` matches) ``candidate_rows`` must judge, in
    order: each chain of words joined by inline gaps, broken at a stoplisted word of lowercase ASCII letters, unless
    all of the chain's words are lowercase ASCII letters. (Every run of adjacent words lies inside one such chain, and a
    run of lowercase words alone names nothing: judging every word of the seed read four times as many, most of them
    plain English.)"""
    lowercase = LOWERCASE_CHAIN_RE.fullmatch
    return [span for chain in _word_chains(stoplist).finditer(text)
            if lowercase(text, *(span := chain.span())) is None]


@lru_cache(maxsize=8)
def _word_chains(stoplist: frozenset[str]) -> re.Pattern:
    """``word_chain_re`` broken at the words ``_is_stopword`` finds in ``stoplist`` that are lowercase ASCII letters:
    those listed as such, and their plurals of three letters or more."""
    listed = {word for word in stoplist if word.isascii() and word.isalpha() and word.islower()}
    return word_chain_re(frozenset(listed | {word + "s" for word in listed if len(word) >= 2}))


#: How many distinct words' reasons a process keeps per stoplist before starting afresh (memory bound).
WORD_REASONS_KEPT = 50_000


@lru_cache(maxsize=8)
def _word_reasons(stoplist: frozenset[str]) -> dict[str, str | None]:
    """word -> None (stoplisted), "" (an ordinary word) or the reason it looks like a name: ``find_candidates``'s
    verdicts, kept across the documents of a process for one stoplist."""
    return {}


class _LazyWords:
    """The all-lowercase words of a text (``LOWER_WORD_RE``), found on the first question asked of them."""

    def __init__(self, text: str):
        self.text, self.words = text, None

    def __contains__(self, word: str) -> bool:
        if self.words is None:
            self.words = frozenset(LOWER_WORD_RE.findall(self.text))
        return word in self.words


def _run_candidates(
    text: str, run: list[tuple[int, int, str]], lowercase_words: frozenset[str] | _LazyWords
) -> list[tuple[int, int, str, str]]:
    """Candidates from a run of adjacent Latin words that holds no mention or stoplisted word.

    Beside CJK the whole run is one candidate if it has a capital or a digit; in English text
    each stretch of name-like words is one, except a lone capitalised word starting a sentence.
    A capitalised sentence-initial word that the text also uses in lowercase is an ordinary
    word and is dropped from the front of its stretch ("Later Foo Bar left ... later" -> "Foo Bar").
    """
    start, end = run[0][0], run[-1][1]
    if _in_chinese_context(text, start, end):
        surface = text[start:end]
        if LATIN_LETTER.search(surface) and (HAS_UPPER_RE.search(surface) or HAS_DIGIT_RE.search(surface)):
            versioned = any(reason == REASON_VERSIONED for _, _, reason in run)
            return [(start, end, surface, REASON_VERSIONED if versioned else REASON_LATIN_IN_ZH)]
        return []
    out = []
    stretches: list[list[tuple[int, int, str]]] = [[]]
    for word in run:
        if word[2]:
            stretches[-1].append(word)
        elif stretches[-1]:
            stretches.append([])
    for stretch in filter(None, stretches):
        head_start, head_end, head_reason = stretch[0]
        if (
            len(stretch) > 1 and head_reason == REASON_CAPITALISED and _sentence_initial(text, head_start)
            and text[head_start:head_end].lower() in lowercase_words
        ):
            stretch = stretch[1:]
        first, last = stretch[0][0], stretch[-1][1]
        reason = min((r for _, _, r in stretch), key=WORD_REASON_RANK.index)
        if len(stretch) == 1 and reason == REASON_CAPITALISED and _sentence_initial(text, first):
            continue
        out.append((first, last, text[first:last], reason))
    return out


# ---------------------------------------------------------------------------------------------
# jieba


def jieba_userdict_lines(gazetteer: pd.DataFrame) -> list[str]:
    """jieba user-dictionary lines "word freq tag" for every alias, so jieba keeps names whole.

    Aliases containing a space cannot be jieba words and are skipped ("Acme Robotics"). jieba
    matches case-sensitively, so an ignore-case alias is added as written and in lowercase.
    """
    return list(_userdict_lines(_gazetteer_key(gazetteer)))


@lru_cache(maxsize=32)
def _userdict_lines(key: tuple[tuple[str, ...], ...]) -> tuple[str, ...]:
    _validate_gazetteer(key)
    lines: dict[str, None] = {}
    for row in key:
        tag = "nt" if row[3] in ORG_TYPES else JIEBA_TAGS.get(row[3], "nz")
        for alias, ignore in _surface_forms(row):
            for word in dict.fromkeys([alias, alias.lower()] if ignore else [alias]):
                if " " not in word:
                    lines.setdefault(f"{word} {JIEBA_FREQ} {tag}")
    return tuple(lines)


def gazetteer_words(gazetteer: pd.DataFrame) -> tuple[Word, ...]:
    """The gazetteer's aliases as words a tokenizer keeps whole: (word, frequency, tag), in the file's order."""
    return _words_of(_gazetteer_key(gazetteer))


@lru_cache(maxsize=32)
def _words_of(key: tuple[tuple[str, ...], ...]) -> tuple[Word, ...]:
    """``gazetteer_words`` of a gazetteer's key (made once per gazetteer: an extract asks twice)."""
    return tuple((word, int(freq), tag) for word, freq, tag in (line.rsplit(" ", 2) for line in _userdict_lines(key)))


def tokenizer_for(gazetteer: pd.DataFrame | None = None, glossary: pd.DataFrame | None = None) -> Tokenizer:
    """The tokenizer of a vocabulary: jieba's dictionary, the gazetteer's names, then the glossary's terms, kept whole.

    Built once per (gazetteer, glossary) in a process; nothing changes it afterwards, so a document is cut the same
    way whatever was cut before. Defaults: data/reference/gazetteer.csv and glossary.csv.

    >>> tokenizer_for().cut("美团和蚂蚁都在做模型")[:3]
    ['美团', '和', '蚂蚁']
    """
    gazetteer = default_gazetteer() if gazetteer is None else gazetteer
    if glossary is None:  # the reference glossary, read again only when the file changes (speed: every extract)
        stat = GLOSSARY_PATH.stat()
        terms = _glossary_terms(str(GLOSSARY_PATH), stat.st_mtime_ns, stat.st_size)
        # the words of a gazetteer's key and this glossary: one tuple per pair, not joined and hashed anew per call
        return _tokenizer_of(_gazetteer_key(gazetteer), terms)
    return tokenizer_with(gazetteer_words(gazetteer) + _terms_of(glossary))


@lru_cache(maxsize=8)
def _tokenizer_of(key: tuple[tuple[str, ...], ...], terms: tuple[Word, ...]) -> Tokenizer:
    return tokenizer_with(_words_of(key) + terms)


def _terms_of(glossary: pd.DataFrame) -> tuple[Word, ...]:
    return tuple((word, None, None) for word in sorted({z.strip() for z in glossary["zh"] if z.strip()}))


@lru_cache(maxsize=2)
def _glossary_terms(path: str, mtime_ns: int, size: int) -> tuple[Word, ...]:
    return _terms_of(load_glossary(path))


def default_gazetteer() -> pd.DataFrame:
    """data/reference/gazetteer.csv, read again only when the file changes (speed: corpus mode). Do not mutate."""
    stat = GAZETTEER_PATH.stat()
    return _read_gazetteer(str(GAZETTEER_PATH), stat.st_mtime_ns, stat.st_size)


#: id of a gazetteer frame ``_read_gazetteer`` returned -> (a weak reference to it, its key): an extract reads the key
#: four times, and the frame it reads is the cached reference one, which nothing mutates.
_READ_KEYS: dict[int, tuple[weakref.ref, tuple[tuple[str, ...], ...]]] = {}


@lru_cache(maxsize=2)
def _read_gazetteer(path: str, mtime_ns: int, size: int) -> pd.DataFrame:
    return settled_gazetteer(load_gazetteer(path))


def settled_gazetteer(gazetteer: pd.DataFrame) -> pd.DataFrame:
    """``gazetteer``, its key made now and reused by every later call that reads it (four per extract), so nothing
    may mutate it afterwards: the reference file's frame, and the copy a corpus run ships to each worker."""
    key = _gazetteer_key(gazetteer)
    _READ_KEYS[id(gazetteer)] = (weakref.ref(gazetteer, lambda _, i=id(gazetteer): _READ_KEYS.pop(i, None)), key)
    return gazetteer
