"""Chinese script variants: which script a text is in, and a Simplified view of it whose offsets map back.

Matching (gazetteer, cues, lexicons, glossary, dictionaries, jieba) is written for Simplified
Chinese with mainland terms; half the press that relays English reporting writes Traditional with
Taiwan or Hong Kong terms (軟體, 晶片, 輝達). ``convert_view`` gives a text's *view*: the same text
with Traditional lines converted by OpenCC's phrase-level ``tw2sp`` configuration and the hand-kept
rows of ``data/reference/regional_variants.csv`` applied on top, so that matchers can read the view
while every table keeps the source's verbatim text and offsets.

How offsets map back. The view is built piece by piece, and each piece records the source span
that produced it. Text outside Han runs (Latin, digits, punctuation, spaces, newlines) is copied,
one character for one. Inside a Han run, a hand-kept row is one piece (華府 → 华盛顿); the rest is
cut where OpenCC itself cuts: a position is a cut when converting the run's two sides apart gives
the same result as converting it whole (so 演算法 → 算法 or 輝達執行長 → 英伟达首席执行官 stays one
piece, and 軟體 → 软件 too, since 體 alone gives 体, not 件). A one-character piece that gives one
character maps one-to-one; any other piece is *atomic*: a view span that touches it maps back to
the whole of it, so ``to_source`` always returns the source characters that produced the span, and
a source span that touches it maps to all that it produced. A Simplified text (or one with nothing
to tell the scripts apart) is its own view and the mapping is the identity.

>>> view = convert_view("輝達的晶片與軟體")
>>> view.text
'英伟达的芯片与软件'
>>> view.to_source(0, 3), view.source[0:2]
((0, 2), '輝達')
"""

from __future__ import annotations

import csv
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import opencc

from ..paths import REFERENCE
from ..patterns import HAN_RUN, NOT_HAN_RUN

SIMPLIFIED, TRADITIONAL, MIXED, NONE = "simplified", "traditional", "mixed", "none"

# The view's OpenCC configuration: Taiwan Traditional to Simplified with mainland phrases. Chosen
# over hk2sp for Hong Kong text too: Hong Kong's phrase list is short and leaves the Taiwan terms
# Hong Kong also writes (晶片, 軟體) and 輝達, while tw2sp converts Hong Kong's characters as well.
VIEW_CONFIG = "tw2sp"

# detect_script counts marked characters: those whose form one script changes (a Traditional-only
# form such as 這, or a Simplified-only form such as 这); shared characters (中, 人) mark nothing.
# A text is mixed when the minority script has at least MIXED_MIN_CHARS marked characters and
# at least MIXED_MIN_SHARE of all marked ones: one stray 乾 or 於 (both also Simplified
# characters in names and set phrases) does not make a Simplified text mixed.
MIXED_MIN_CHARS = 2
MIXED_MIN_SHARE = 0.1

REGIONAL_VARIANTS = REFERENCE / "regional_variants.csv"
#: Characters standard in Simplified that t2s still changes (昇, 乾): they mark neither script.
SHARED_CHARS = REFERENCE / "script_shared_chars.csv"
REGIONAL_COLUMNS = ("variant", "canonical", "meaning", "region", "kind", "opencc", "source")
REGIONS = ("tw", "hk", "tw|hk")
VARIANT_KINDS = ("name", "term", "guard")
OPENCC_VALUES = ("derives", "misses")


@lru_cache(maxsize=None)
def _converter(config: str) -> opencc.OpenCC:
    """One OpenCC converter per configuration, built on first use (importing this module loads nothing)."""
    return opencc.OpenCC(config)


def _convert_each(chars: str, config: str) -> list[str]:
    """Each character converted alone, with no phrase around it (one call: a newline ends every phrase)."""
    return _converter(config).convert("\n".join(chars)).split("\n")


#: Each character converted alone, by configuration: kept across a process's documents, which share most of their
#: characters (speed: the seed's 900 distinct characters cost two OpenCC calls a document); at most this many.
CHARS_KEPT = 50_000
_EACH: dict[str, dict[str, str]] = {}


def _each_converted(unique, config: str) -> dict[str, str]:
    """``dict(zip(unique, _convert_each("".join(unique), config)))``, from the characters converted before."""
    return _changed_by(unique, config)[0]


#: The characters of ``_EACH[config]`` that ``config`` changes, by configuration (kept with them).
_CHANGED: dict[str, set[str]] = {}


def _changed_by(unique, config: str) -> tuple[dict[str, str], set[str]]:
    """(each character converted alone, those of them that ``config`` changes), every one of ``unique`` (distinct
    characters) among them: those not converted before converted now, in sorted order (a set's difference found at
    C speed: a test per character cost a document more than its counting)."""
    known = _EACH.setdefault(config, {})
    changed = _CHANGED.setdefault(config, set())
    missing = sorted(set(unique).difference(known))
    if len(known) + len(missing) > CHARS_KEPT:
        known.clear()
        changed.clear()
        missing = sorted(set(unique))
    if missing:
        converted = _convert_each("".join(missing), config)
        known.update(zip(missing, converted))
        changed.update(char for char, to in zip(missing, converted) if to != char)
    return known, changed


@lru_cache(maxsize=8)
def shared_chars(path: str | Path = SHARED_CHARS) -> frozenset[str]:
    """The characters of ``script_shared_chars.csv`` (one a row); a malformed row raises one ValueError naming it."""
    name = Path(path).name
    chars: set[str] = set()
    with open(path, encoding="utf-8", newline="") as handle:
        rows = csv.reader(line for line in handle if not line.startswith("#"))
        header = next(rows, None)
        if header is None or [f.strip() for f in header] != ["char", "simplified_use", "source"]:
            raise ValueError(f"{name}: header must be char,simplified_use,source")
        for number, fields in enumerate(rows, start=2):
            if not fields:
                continue
            char = fields[0].strip()
            if len(fields) != 3 or len(char) != 1 or not HAN_RUN.fullmatch(char) or not fields[2].strip():
                raise ValueError(f"{name} row {number}: one Han character, where Simplified uses it, and a source")
            chars.add(char)
    return frozenset(chars)


def script_counts(text: str) -> tuple[int, int]:
    """(Traditional-only, Simplified-only) character counts among a text's Han characters; the characters both
    standards write (``shared_chars``: 昇 in 华为昇腾) count for neither.

    >>> script_counts("這是软件"), script_counts("华为昇腾")
    ((1, 1), (0, 3))
    """
    chars = NOT_HAN_RUN.sub("", text)  # the Han characters, in one string (a list of their runs, joined, cost a third more)
    if not chars:
        return 0, 0
    counts = Counter(chars)  # each distinct character once, with how often it occurs (speed)
    unique = counts.keys()
    # the characters that each conversion changes, as sets: the document's marked ones are their intersections
    to_simplified, to_traditional = _changed_by(unique, "t2s")[1], _changed_by(unique, "s2t")[1]
    traditional = sum(map(counts.__getitem__, to_simplified.intersection(unique).difference(shared_chars())))
    simplified = sum(map(counts.__getitem__, to_traditional.intersection(unique)))
    return traditional, simplified


def detect_script(text: str) -> str:
    """'simplified', 'traditional', 'mixed', or 'none' when no Han character tells the scripts apart.

    >>> detect_script("英伟达的芯片"), detect_script("輝達的晶片"), detect_script("Nvidia 中文")
    ('simplified', 'traditional', 'none')
    """
    traditional, simplified = script_counts(text)
    marked = traditional + simplified
    if marked == 0:
        return NONE
    minority = min(traditional, simplified)
    if minority >= MIXED_MIN_CHARS and minority >= MIXED_MIN_SHARE * marked:
        return MIXED
    return TRADITIONAL if traditional > simplified else SIMPLIFIED


# ---------------------------------------------------------------------------------------------
# Regional names and terms


@dataclass(frozen=True)
class RegionalVariant:
    """One row of regional_variants.csv."""

    variant: str
    canonical: str
    meaning: str
    region: str
    kind: str
    opencc: str
    source: str
    line: int

    @property
    def applied(self) -> bool:
        """Whether the view applies this row on top of OpenCC (what OpenCC misses, and every guard)."""
        return self.opencc == "misses" or self.kind == "guard"


@lru_cache(maxsize=8)
def load_regional_variants(path: str | Path = REGIONAL_VARIANTS) -> tuple[RegionalVariant, ...]:
    """The hand-kept regional rows, validated; a malformed row raises one ValueError naming its line."""
    name = Path(path).name
    rows: list[RegionalVariant] = []
    seen: dict[str, int] = {}
    header_seen = False
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        for fields in reader:
            line = reader.line_num
            if not fields or (fields[0].startswith("#") and not header_seen):
                continue
            if not header_seen:
                if tuple(f.strip() for f in fields) != REGIONAL_COLUMNS:
                    raise ValueError(f"{name} line {line}: header must be {','.join(REGIONAL_COLUMNS)}")
                header_seen = True
                continue
            rows.append(_check_row(fields, name, line, seen))
    if not header_seen:
        raise ValueError(f"{name}: no header row ({','.join(REGIONAL_COLUMNS)})")
    return tuple(rows)


def _check_row(fields: list[str], name: str, line: int, seen: dict[str, int]) -> RegionalVariant:
    """One validated row, or a ValueError that names the line and what is wrong with it."""
    where = f"{name} line {line}"
    if len(fields) != len(REGIONAL_COLUMNS):
        raise ValueError(f"{where}: {len(fields)} fields, expected {len(REGIONAL_COLUMNS)} ({','.join(REGIONAL_COLUMNS)})")
    row = dict(zip(REGIONAL_COLUMNS, (f.strip() for f in fields)))
    for column in REGIONAL_COLUMNS:
        if not row[column]:
            raise ValueError(f"{where}: empty {column}")
    if not HAN_RUN.fullmatch(row["variant"]):
        raise ValueError(f"{where}: variant {row['variant']!r} must be Han characters only")
    if row["region"] not in REGIONS:
        raise ValueError(f"{where}: region must be one of {', '.join(REGIONS)}, not {row['region']!r}")
    if row["kind"] not in VARIANT_KINDS:
        raise ValueError(f"{where}: kind must be one of {', '.join(VARIANT_KINDS)}, not {row['kind']!r}")
    if row["opencc"] not in OPENCC_VALUES:
        raise ValueError(f"{where}: opencc must be one of {', '.join(OPENCC_VALUES)}, not {row['opencc']!r}")
    if row["variant"] in seen:
        raise ValueError(f"{where}: variant {row['variant']!r} already listed on line {seen[row['variant']]}")
    seen[row["variant"]] = line
    return RegionalVariant(**row, line=line)


@lru_cache(maxsize=8)
def _regional_pattern(rows: tuple[RegionalVariant, ...]) -> tuple[re.Pattern | None, dict[str, str]]:
    """A regex over the applied variants, longest first (so a guard wins over the row inside it)."""
    applied = {row.variant: row.canonical for row in rows if row.applied}
    if not applied:
        return None, {}
    alternatives = sorted(applied, key=lambda v: (-len(v), v))
    return re.compile("|".join(map(re.escape, alternatives))), applied


# ---------------------------------------------------------------------------------------------
# The converted view


@dataclass(frozen=True)
class ConvertedView:
    """A text (``source``) and its Simplified view (``text``), with the pieces that map one onto the other.

    ``pieces`` holds the atomic pieces only, as (source start, source end, view start, view end),
    in order; between them, source and view advance one character for one.
    """

    source: str
    text: str
    script: str = NONE
    pieces: tuple[tuple[int, int, int, int], ...] = ()
    # the pieces' source starts and view starts, for bisection
    _starts: dict[int, tuple[int, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        starts = {side: tuple(piece[side] for piece in self.pieces) for side in (0, 2)}
        object.__setattr__(self, "_starts", starts)

    def _map(self, offset: int, frm: int, to: int, *, end: bool) -> int:
        """An offset on side ``frm`` (0 source, 2 view) on side ``to``: a piece's start, or its end
        when ``end`` and the offset falls strictly inside or at the end of the piece."""
        limit = len(self.source) if frm == 0 else len(self.text)
        if not 0 <= offset <= limit:
            raise IndexError(f"offset {offset} outside 0..{limit}")
        if not self.pieces:
            return offset
        starts = self._starts[frm]
        if end:
            k = bisect_left(starts, offset) - 1  # the last piece starting strictly before offset
            if k >= 0 and offset <= self.pieces[k][frm + 1]:
                return self.pieces[k][to + 1]
        else:
            k = bisect_right(starts, offset) - 1  # the last piece starting at or before offset
            if k >= 0 and offset < self.pieces[k][frm + 1]:
                return self.pieces[k][to]
        if k < 0:
            return offset
        return self.pieces[k][to + 1] + offset - self.pieces[k][frm + 1]

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """The source span that produced view span [start, end): atomic pieces it touches come whole."""
        if start > end:
            raise ValueError(f"span start {start} after end {end}")
        if start == end:
            offset = self._map(start, 2, 0, end=False)
            return offset, offset
        return self._map(start, 2, 0, end=False), self._map(end, 2, 0, end=True)

    def to_view(self, offset: int) -> int:
        """The view offset of a source offset (inside an atomic piece: the start of what it produced)."""
        return self._map(offset, 0, 2, end=False)

    def to_view_span(self, start: int, end: int) -> tuple[int, int]:
        """The view span that source span [start, end) produced: atomic pieces it touches come whole."""
        if start > end:
            raise ValueError(f"span start {start} after end {end}")
        if start == end:
            offset = self.to_view(start)
            return offset, offset
        return self._map(start, 0, 2, end=False), self._map(end, 0, 2, end=True)


def convert_view(
    text: str,
    *,
    variants: tuple[RegionalVariant, ...] | None = None,
    config: str = VIEW_CONFIG,
) -> ConvertedView:
    """The Simplified view of ``text``: Traditional lines through OpenCC and the regional rows.

    A Simplified text is its own view (tw2sp would otherwise rewrite mainland words such as 影片 or
    支援). In a Traditional text every line converts; in a mixed text each line is decided alone
    and converts when it is Traditional or mixed itself.

    >>> convert_view("華府說，演算法 v2 很好").text
    '华盛顿说，算法 v2 很好'
    """
    script = detect_script(text)
    if script in (SIMPLIFIED, NONE):
        return ConvertedView(source=text, text=text, script=script)
    rows = load_regional_variants() if variants is None else variants
    pattern, canonical = _regional_pattern(rows)
    out: list[str] = []
    pieces: list[tuple[int, int, int, int]] = []
    view_length = 0
    position = 0
    for line in text.splitlines(keepends=True):
        line_script = detect_script(line) if script == MIXED else TRADITIONAL
        if line_script in (TRADITIONAL, MIXED):
            cursor = 0
            for run in HAN_RUN.finditer(line):
                out.append(line[cursor : run.start()])
                view_length += run.start() - cursor
                for src_start, src_end, converted, atomic in _convert_run(run.group(), pattern, canonical, config):
                    if atomic:
                        base = position + run.start()
                        pieces.append((base + src_start, base + src_end, view_length, view_length + len(converted)))
                    out.append(converted)
                    view_length += len(converted)
                cursor = run.end()
            out.append(line[cursor:])
            view_length += len(line) - cursor
        else:
            out.append(line)
            view_length += len(line)
        position += len(line)
    return ConvertedView(source=text, text="".join(out), script=script, pieces=tuple(pieces))


def convert_span(text: str, *, variants: tuple[RegionalVariant, ...] | None = None, config: str = VIEW_CONFIG) -> str:
    """``text`` converted as the view converts a Traditional line, whatever its script (for tests and checks)."""
    rows = load_regional_variants() if variants is None else variants
    pattern, canonical = _regional_pattern(rows)
    out, cursor = [], 0
    for run in HAN_RUN.finditer(text):
        out.append(text[cursor : run.start()])
        out.extend(converted for _, _, converted, _ in _convert_run(run.group(), pattern, canonical, config))
        cursor = run.end()
    out.append(text[cursor:])
    return "".join(out)


def _convert_run(
    run: str, pattern: re.Pattern | None, canonical: dict[str, str], config: str
) -> list[tuple[int, int, str, bool]]:
    """A Han run's pieces as (start, end, converted, atomic): regional rows whole, the rest cut as OpenCC cuts."""
    pieces: list[tuple[int, int, str, bool]] = []
    cursor = 0
    matches = pattern.finditer(run) if pattern is not None else ()
    for match in matches:
        pieces.extend(_opencc_pieces(run, cursor, match.start(), config))
        converted = canonical[match.group()]
        pieces.append((match.start(), match.end(), converted, match.end() - match.start() != 1 or len(converted) != 1))
        cursor = match.end()
    pieces.extend(_opencc_pieces(run, cursor, len(run), config))
    return pieces


def _opencc_pieces(run: str, start: int, end: int, config: str) -> list[tuple[int, int, str, bool]]:
    """``run[start:end]`` converted, as pieces cut where converting the two sides apart changes nothing."""
    return [(start + a, start + b, converted, atomic) for a, b, converted, atomic in _cut(run[start:end], config)]


@lru_cache(maxsize=65536)
def _cut(chunk: str, config: str) -> tuple[tuple[int, int, str, bool], ...]:
    """OpenCC's pieces of a Han chunk (cached: the same clauses recur across a corpus)."""
    if not chunk:
        return ()
    convert = _converter(config).convert
    whole = convert(chunk)
    singles = _convert_each(chunk, config)
    if "".join(singles) == whole and all(len(s) == 1 for s in singles):
        return tuple((i, i + 1, s, False) for i, s in enumerate(singles))
    # Cut points: positions where prefix and suffix, converted apart, give the whole conversion.
    cuts = [(0, 0)]
    for i in range(1, len(chunk)):
        left = convert(chunk[:i])
        if whole.startswith(left) and convert(chunk[i:]) == whole[len(left) :]:
            cuts.append((i, len(left)))
    cuts.append((len(chunk), len(whole)))
    # Keep only cuts whose pieces convert alone to what they stand for, merging across the others.
    # The last piece always does: every cut's suffix converts to the rest of the whole.
    kept = [cuts[0]]
    for b, q in cuts[1:]:
        a, p = kept[-1]
        if convert(chunk[a:b]) == whole[p:q]:
            kept.append((b, q))
    pieces = []
    for (a, p), (b, q) in zip(kept, kept[1:]):
        pieces.append((a, b, whole[p:q], not (b - a == 1 and q - p == 1)))
    return tuple(pieces)
