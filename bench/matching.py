"""Candidates for issue 14, measured against floors timed in the same run: one automaton over all
aliases instead of a regex per alias, and rjieba (jieba-rs) beside jieba.

    .venv/bin/python bench/matching.py [--repeat N] [--corpus DIR] [--fuzz N] [--out build/bench-matching.md]

It prints a Markdown report and writes it to build/bench-matching.md (whole or not at all).

1. Matching: every gazetteer alias (name_en, name_zh, aliases, read with
   helpers.tables.entities.load_gazetteer) and every cue of data/reference/cues.csv, over the seed and over
   about 1 MiB made by repeating it. Compared: the engine's ``find_mentions`` (a regex per alias),
   alone and with the engine's cue regexes (``helpers.tables.claims.cue_matcher``) run over the same text;
   ``pyahocorasick`` and ``ahocorasick-rs``, each one automaton over the case-folded aliases (and
   cues) searched once over the document's matching view, the rules of data/reference/README.md
   (gazetteer section) applied on the hits only. Floor: one ``re`` alternation of the same literal
   patterns, case-insensitive, over the raw text (no rules); ``str.count`` of every pattern is
   timed too, as a row.
2. Equality: the automata's mentions, after the rules, against ``find_mentions`` (every column) on
   the seed, the 1 MiB text, the other documents of data/raw/, the hard sentences of the tests'
   fixtures, every ``*.txt`` of --corpus (read in place, never copied), and --fuzz random strings
   built from the gazetteer's own aliases and exclusions with odd spacing, case and neighbours.
3. Tokenisation: ``jieba.lcut`` (HMM on: the floor, as in bench/run.py; HMM off) against ``rjieba``
   over the Chinese lines (lines holding a Han character) of the seed and of the corpus; whether the
   tokens are identical per sentence, with jieba's default dictionary and with the engine's
   (default dictionary plus every gazetteer alias, ``jieba_userdict_lines``), HMM off and on.

Figures are medians of --repeat runs, the variants run in turn within each repetition so that the
noise of a shared machine falls on all of them alike; read the ratios, not the milliseconds.

The engine runs ahocorasick-rs and rjieba (requirements.txt); pyahocorasick, the other candidate, is not in
requirements.txt: install it into the venv first, ``.venv/bin/pip install pyahocorasick``. Versions measured (CPython 3.11.7,
x86_64): pyahocorasick 2.3.1, ahocorasick-rs 1.0.3, rjieba 0.2.2, against jieba 0.42.1; the run
prints the versions it finds.

Exit status: 0 done; 2 a candidate package is missing or --corpus is not a folder of documents
(one line on stderr, nothing written).
"""

from __future__ import annotations

import argparse
import bisect
import csv
import difflib
import gc
import importlib.metadata
import importlib.util
import logging
import math
import os
import platform
import random
import re
import statistics
import sys
import tempfile
import time
import warnings
from dataclasses import dataclass
from itertools import product
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pandas as pd  # noqa: E402

# The reference is the regex-per-alias matcher (``find_mentions`` itself now runs one automaton).
from helpers.paths import BUILD, DEFAULT_SOURCE, RAW, REFERENCE  # noqa: E402
from helpers.tables.entities import find_mentions_by_regex as find_mentions  # noqa: E402
from helpers.tables.entities import jieba_userdict_lines, load_gazetteer  # noqa: E402
from helpers.text.reader import read_document  # noqa: E402

CANDIDATES = {"pyahocorasick": "ahocorasick", "ahocorasick-rs": "ahocorasick_rs", "rjieba": "rjieba"}
CUES_PATH = REFERENCE / "cues.csv"
HARD_SENTENCES = ROOT / "tests" / "fixtures" / "hard_entity_sentences.csv"
# The team's development corpus lives beside the repository, never inside it.
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
MIB = 2**20
FUZZ_SEED = 20261130

# The rules, as data/reference/README.md states them (gazetteer section), written here afresh so
# that the equality check tests the README's description as much as the automata.
LATIN_CLASS = r"A-Za-z0-9\u00C0-\u024F"
LATIN_EXACT = re.compile(f"[{LATIN_CLASS}]")
LATIN_FOLDED = re.compile(f"[{LATIN_CLASS}]", re.IGNORECASE)  # an ignore-case alias's boundary, as re sees it
CJK = re.compile(
    r"[\u2E80-\u2FFF\u3000-\u303F\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF"
    r"\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF\U00020000-\U0002FA1F]"
)
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
WHITESPACE = re.compile(r"\s+")
# What the matching view changes: a run of two or more inline spaces (any whitespace but a newline)
# becomes one space, and a lone tab or no-break space becomes a space.
INLINE_RUN = re.compile(r"[^\S\n]{2,}|[^\S \n]")
CUE_BEFORE = re.compile(r"[A-Za-z’']")  # helpers.vocab: an English word cue's left edge
CUE_AFTER = re.compile(r"[A-Za-z]")
ZH_SENTENCE = re.compile(r"[^。！？；…!?;\n]+[。！？；…!?;]*[”’」』）)]*")


# ---- case folding as re.IGNORECASE sees it --------------------------------------------------


def _fold_table() -> dict[int, str]:
    """Characters whose re.IGNORECASE class is not simply ``str.lower()``: İ, ı, ſ, µ and some Greek."""
    try:
        from re._casefix import _EXTRA_CASES  # CPython 3.11+: the letters re equates beyond lower()
    except ImportError:  # pragma: no cover - the equality check would show what goes missing
        _EXTRA_CASES = {}
    table = {}
    for code in range(sys.maxunicode + 1):
        if 0xD800 <= code < 0xE000:
            continue
        lower = chr(code).lower()
        simple = ord(lower[0])  # İ lowers to two characters; re's simple mapping keeps the first, i
        rep = min((simple, *_EXTRA_CASES.get(simple, ())))
        if len(lower) != 1 or rep != ord(lower):
            table[code] = chr(rep)
    return table


FOLD_TABLE = _fold_table()
FOLD_TRIGGER = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(FOLD_TABLE)) + "]")


def fold(text: str) -> str:
    """Case-fold keeping every offset: equal folds <=> equal under re.IGNORECASE, character by character."""
    if FOLD_TRIGGER.search(text):
        text = text.translate(FOLD_TABLE)
    return text.lower()


# ---- the matching view ----------------------------------------------------------------------


def matching_view(text: str) -> tuple[str, list[int], list[int]]:
    """The text with inline space runs collapsed to one space, and what maps its offsets back."""
    runs = [(m.start(), m.end()) for m in INLINE_RUN.finditer(text)]
    if not runs:
        return text, [], [0]
    view = INLINE_RUN.sub(" ", text)
    starts, shifts, shift = [], [0], 0
    for start, end in runs:
        if end - start > 1:
            starts.append(start - shift)
            shift += end - start - 1
            shifts.append(shift)
    return view, starts, shifts


def to_text(offset: int, starts: list[int], shifts: list[int]) -> int:
    """A view offset as an offset into the text."""
    return offset + shifts[bisect.bisect_left(starts, offset)]


# ---- patterns -------------------------------------------------------------------------------


def split_cell(cell: str) -> list[str]:
    """The pieces of a |-separated gazetteer cell, stripped, empty ones dropped."""
    return [piece.strip() for piece in cell.split("|") if piece.strip()]


def surface_forms(row: dict) -> list[tuple[str, bool]]:
    """(alias, ignore_case) of a gazetteer row: names then aliases, ``!``/``~`` prefixes applied."""
    forms: list[tuple[str, bool]] = []
    for raw in [row["name_en"], row["name_zh"], *split_cell(row["aliases"])]:
        if not raw:
            continue
        ignore = row["case"] == "ignore"
        if raw.startswith("!"):
            raw, ignore = raw[1:].strip(), False
        elif raw.startswith("~"):
            raw, ignore = raw[1:].strip(), True
        raw = WHITESPACE.sub(" ", raw)
        if raw and (raw, ignore) not in forms:
            forms.append((raw, ignore))
    return forms


def view_variants(alias: str) -> list[str]:
    """How an alias can look in the matching view: a space next to CJK may also be nothing."""
    tokens = alias.split(" ")
    joints = []
    for previous, token in zip(tokens, tokens[1:]):
        beside_cjk = CJK.match(previous[-1]) or CJK.match(token[0])
        joints.append((" ", "") if beside_cjk else (" ",))
    variants = []
    for choice in product(*joints):
        variants.append(tokens[0] + "".join(j + t for j, t in zip(choice, tokens[1:])))
    return variants


@dataclass(frozen=True)
class Form:
    """One (alias, case) of a gazetteer row, as find_mentions compiles one regex for it."""

    row: int
    ignore: bool
    before: bool  # a Latin boundary is needed before
    after: bool  # and after


@dataclass(frozen=True)
class Cue:
    """One row of cues.csv, as far as matching needs it."""

    cue: str
    match: str  # word | token | prefix | substring


ALIAS, EXCLUSION, CUE = 0, 1, 2


def read_cues(path: Path = CUES_PATH) -> list[Cue]:
    """Every cue of cues.csv (its leading '#' lines are documentation)."""
    with open(path, encoding="utf-8-sig", newline="") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    return [Cue(r["cue"], r["match"]) for r in csv.DictReader(lines) if r["cue"].strip()]


class Automaton:
    """One Aho–Corasick automaton over every alias, exclusion and (optionally) cue, folded."""

    def __init__(self, gazetteer: pd.DataFrame, cues: list[Cue], backend: str):
        self.rows = gazetteer.to_dict("records")
        self.forms: list[Form] = []
        self.row_exclusions: list[list[int]] = []
        self.cues = cues
        payloads: dict[str, list[tuple[int, int, str]]] = {}
        exclusion_ids: dict[str, int] = {}
        for index, row in enumerate(self.rows):
            for alias, ignore in surface_forms(row):
                form_id = len(self.forms)
                self.forms.append(Form(index, ignore, bool(LATIN_EXACT.match(alias[0])),
                                       bool(LATIN_EXACT.match(alias[-1]))))
                for variant in view_variants(alias):
                    payloads.setdefault(fold(variant), []).append((ALIAS, form_id, variant))
            mine = []
            for exclusion in split_cell(row["exclusions"]):
                exclusion = WHITESPACE.sub(" ", exclusion)
                if exclusion not in exclusion_ids:
                    exclusion_ids[exclusion] = len(exclusion_ids)
                    for variant in view_variants(exclusion):
                        payloads.setdefault(fold(variant), []).append((EXCLUSION, exclusion_ids[exclusion], variant))
                mine.append(exclusion_ids[exclusion])
            self.row_exclusions.append(mine)
        self.alias_keys = len(payloads)
        for cue_id, cue in enumerate(cues):
            payloads.setdefault(fold(cue.cue), []).append((CUE, cue_id, cue.cue))
        self.n_exclusions = len(exclusion_ids)
        self.keys = list(payloads)
        self.payloads = [payloads[k] for k in self.keys]
        self.key_lengths = [len(k) for k in self.keys]
        self.backend = backend
        self.automaton = self._build(self.keys)
        # the aliases alone, for the like-for-like comparison with find_mentions
        alias_only = [k for k, p in zip(self.keys, self.payloads) if any(kind != CUE for kind, _, _ in p)]
        self.alias_index = [self.keys.index(k) for k in alias_only]
        self.alias_automaton = self._build(alias_only)

    def _build(self, keys: list[str]):
        if self.backend == "pyahocorasick":
            import ahocorasick

            automaton = ahocorasick.Automaton()
            for index, key in enumerate(keys):
                automaton.add_word(key, (index, len(key)))
            automaton.make_automaton()
            return automaton
        import ahocorasick_rs

        return ahocorasick_rs.AhoCorasick(keys)

    def _hits(self, folded: str, *, cues: bool) -> list[tuple[int, int, int]]:
        """(key index, start, end) of every occurrence, overlapping ones included."""
        automaton = self.automaton if cues else self.alias_automaton
        if self.backend == "pyahocorasick":
            hits = [(k, end + 1 - n, end + 1) for end, (k, n) in automaton.iter(folded)]
        else:
            hits = automaton.find_matches_as_indexes(folded, overlapping=True)
        if not cues:
            index = self.alias_index
            hits = [(index[k], s, e) for k, s, e in hits]
        return hits

    def scan(self, text: str, *, cues: bool = False) -> tuple[pd.DataFrame, list[tuple[int, int, int]]]:
        """(mentions as find_mentions returns them, cue hits (start, end, cue id) after their rules)."""
        view, starts, shifts = matching_view(text)
        folded = fold(view)
        size = len(view)
        alias_hits: dict[int, list[tuple[int, int]]] = {}
        exclusion_hits: dict[int, list[tuple[int, int]]] = {}
        cue_hits: list[tuple[int, int, int]] = []
        forms, payloads, cue_list = self.forms, self.payloads, self.cues
        for key, start, end in self._hits(folded, cues=cues):
            for kind, ident, literal in payloads[key]:
                if kind == ALIAS:
                    form = forms[ident]
                    if not form.ignore and view[start:end] != literal:
                        continue
                    latin = LATIN_FOLDED if form.ignore else LATIN_EXACT
                    if form.before and start and latin.match(view[start - 1]):
                        continue
                    if form.after and end < size and latin.match(view[end]):
                        continue
                    alias_hits.setdefault(ident, []).append((start, end))
                elif kind == EXCLUSION:
                    exclusion_hits.setdefault(ident, []).append((start, end))
                elif cues:
                    cue_hits.append((start, end, ident))
        found = []
        for ident, spans in alias_hits.items():
            row = forms[ident].row
            blocked = [b for x in self.row_exclusions[row] for b in leftmost(exclusion_hits.get(x, []))]
            for start, end in leftmost(spans):
                if any(bs <= start and be >= end for bs, be in blocked):
                    continue
                s, e = to_text(start, starts, shifts), to_text(end - 1, starts, shifts) + 1
                found.append((s, e, row))
        found.sort(key=lambda m: (m[0] - m[1], m[0], m[2]))
        taken = bytearray(len(text))
        kept = []
        for start, end, row in found:
            if any(taken[start:end]):
                continue
            taken[start:end] = b"\x01" * (end - start)
            kept.append((start, end, row))
        kept.sort()
        rows = self.rows
        mentions = pd.DataFrame(
            [(s, e, text[s:e], rows[r]["entity"], rows[r]["org"], rows[r]["type"]) for s, e, r in kept],
            columns=["start", "end", "surface", "entity", "org", "type"],
        ).astype({"start": "int64", "end": "int64"})
        cues_found = []
        for start, end, ident in cue_hits:
            s, e = to_text(start, starts, shifts), to_text(end - 1, starts, shifts) + 1
            cue = cue_list[ident]
            if cue.match == "word":
                surface = text[s:e]
                if surface != cue.cue and not (cue.cue.islower() and surface == cue.cue[:1].upper() + cue.cue[1:]):
                    continue
                if (s and CUE_BEFORE.match(text[s - 1])) or (e < len(text) and CUE_AFTER.match(text[e])):
                    continue
            elif e - s != len(cue.cue):
                continue  # a cue is a literal: a run of spaces in the text is not its one space
            cues_found.append((s, e, ident))  # token/prefix cues: candidates for the jieba cut to confirm
        return mentions, cues_found


def leftmost(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """What re.finditer keeps of one pattern's occurrences: leftmost first, never overlapping."""
    kept, reach = [], -1
    for start, end in sorted(spans, key=lambda s: (s[0], -s[1])):
        if start >= reach:
            kept.append((start, end))
            reach = end
    return kept


# ---- baselines ------------------------------------------------------------------------------


def literal_patterns(gazetteer: pd.DataFrame, cues: list[Cue]) -> list[str]:
    """Every alias (as written, each CJK-joint variant), exclusion and cue: the floors' patterns."""
    patterns = []
    for row in gazetteer.to_dict("records"):
        for alias, _ in surface_forms(row):
            patterns += view_variants(alias)
        for exclusion in split_cell(row["exclusions"]):
            patterns += view_variants(WHITESPACE.sub(" ", exclusion))
    patterns += [c.cue for c in cues]
    return list(dict.fromkeys(patterns))


def engine_cue_regexes() -> list[re.Pattern]:
    """The engine's compiled cue regexes (English words, Chinese substrings), every category."""
    from helpers.tables.claims import cue_matcher

    patterns = []
    for compiled in cue_matcher().labels.values():
        patterns += [p for p in (compiled.capitals, compiled.other, compiled.substrings) if p is not None]
    return patterns


# ---- timing ---------------------------------------------------------------------------------


def round_robin(variants: dict[str, object], text: str, repeat: int) -> dict[str, float]:
    """Median seconds per variant; within each repetition every variant runs once, order rotating,
    each after a full garbage collection so that none pays for another's garbage."""
    names = list(variants)
    for name in names:
        variants[name](text)  # warm-up: caches, compiled patterns
    runs: dict[str, list[float]] = {name: [] for name in names}
    for rep in range(repeat):
        for name in names[rep % len(names):] + names[:rep % len(names)]:
            gc.collect()
            start = time.perf_counter()
            variants[name](text)
            runs[name].append(time.perf_counter() - start)
    return {name: statistics.median(r) for name, r in runs.items()}


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms" if seconds < 10 else f"{seconds:.1f} s"


def ratio(value: float, floor: float) -> str:
    return f"{value / floor:.2f}×" if value / floor < 10 else f"{value / floor:.0f}×"


# ---- 1. matching ----------------------------------------------------------------------------


def bench_matching(seed: str, big: str, gazetteer, cues, automata, repeat: int, lines: list[str]) -> None:
    patterns = literal_patterns(gazetteer, cues)
    alternation = re.compile("|".join(re.escape(p) for p in sorted(patterns, key=len, reverse=True)), re.IGNORECASE)
    cue_regexes = engine_cue_regexes()
    jieba = quiet_jieba()
    floor = "floor: `str.count` of every pattern (as written) over the text, no folding, no rules"
    engine = "engine: `find_mentions` (a regex per alias), aliases only"
    variants = {
        floor: lambda t: sum(t.count(p) for p in patterns),
        "one `re` alternation of every pattern, IGNORECASE, `finditer` over the text, no rules":
            lambda t: sum(1 for _ in alternation.finditer(t)),
        "matching view + fold only (what both automata pay before searching)":
            lambda t: fold(matching_view(t)[0]),
        "for scale: bare `jieba.lcut` over the text's Chinese lines (`make bench`'s floor)":
            lambda t: jieba.lcut(chinese_lines(t)),
        engine: lambda t: find_mentions(t, gazetteer),
        "engine: `find_mentions` + its cue regexes over the text (token cues need jieba: not run)":
            lambda t: (find_mentions(t, gazetteer), [p.findall(t) for p in cue_regexes]),
    }
    for name, automaton in automata.items():
        variants[f"`{name}`: search only (every hit listed, no rules), aliases + cues"] = (
            lambda t, a=automaton: a._hits(fold(t), cues=True))
        variants[f"`{name}`: one automaton, aliases only, rules on hits"] = lambda t, a=automaton: a.scan(t)
        variants[f"`{name}`: one automaton, aliases + cues, rules on hits"] = lambda t, a=automaton: a.scan(t, cues=True)
    big_repeat = max(3, repeat // 3)
    seed_times = round_robin(dict(variants), seed, repeat)
    big_times = round_robin(dict(variants), big, big_repeat)
    lines += [
        "## 1. Multi-pattern search: every gazetteer alias and every cue",
        "",
        f"{len(patterns)} literal patterns ({len(gazetteer)} gazetteer rows: names, aliases and exclusions, "
        f"each CJK-joint spelling; {len(cues)} cues). Seed {len(seed):,} characters; "
        f"repeated seed {len(big):,} characters ({len(big.encode('utf-8')) / MIB:.2f} MiB). "
        f"Medians of {repeat} runs (seed) and {big_repeat} (1 MiB), in process, one core.",
        "",
        "| variant | seed | × floor | 1 MiB | × floor |",
        "|---|---|---|---|---|",
    ]
    for name in variants:
        lines.append(f"| {name} | {ms(seed_times[name])} | {ratio(seed_times[name], seed_times[floor])} "
                     f"| {ms(big_times[name])} | {ratio(big_times[name], big_times[floor])} |")
    lines += ["", "The automata against the engine's `find_mentions` (aliases only: same rules, same table):", ""]
    for name in automata:
        key = f"`{name}`: one automaton, aliases only, rules on hits"
        lines.append(f"- `{name}`: {seed_times[engine] / seed_times[key]:.0f}× faster on the seed, "
                     f"{big_times[engine] / big_times[key]:.0f}× on 1 MiB.")
    builds = {}
    for name in automata:
        start = time.perf_counter()
        Automaton(gazetteer, cues, name)
        builds[name] = time.perf_counter() - start
    lines += [
        "",
        "Floor: `str.count` of every pattern, the bare standard-library search with no folding and no rules "
        "(as bare `jieba.lcut` is `make bench`'s floor). One `re` alternation of the same patterns was the other "
        "candidate for a floor; it is several times slower than `str.count` (sre tries the branches one by one at "
        "each position), so it measures sre's weakness rather than the least a search must cost. Building "
        "an automaton (once per gazetteer and cue list, cacheable; keys folded first): "
        + ", ".join(f"`{n}` {ms(s)}" for n, s in builds.items()) + ".",
        "",
    ]


# ---- 2. equality ----------------------------------------------------------------------------


def fuzz_texts(gazetteer: pd.DataFrame, count: int) -> list[str]:
    """Random strings made of the gazetteer's own aliases and exclusions, with odd case, spacing and
    neighbours (Latin letters, digits, CJK, possessives, hyphens, the letters re folds specially)."""
    rng = random.Random(FUZZ_SEED)
    pieces = []
    for row in gazetteer.to_dict("records"):
        pieces += [a for a, _ in surface_forms(row)] + split_cell(row["exclusions"])
    glue = ["", " ", "  ", "\t", "\u00a0", "\u3000", "\n", "的", "和", "a", "Z", "9", "’s", "'s", "-", ".",
            "，", "《", "》", "İ", "ı", "ſ", "\u212a", "é", "ß", "—"]

    def mangle(piece: str) -> str:
        choice = rng.random()
        if choice < 0.2:
            piece = piece.upper()
        elif choice < 0.4:
            piece = piece.lower()
        elif choice < 0.5:
            piece = "".join(c.upper() if rng.random() < 0.5 else c.lower() for c in piece)
        if " " in piece and rng.random() < 0.5:
            piece = piece.replace(" ", rng.choice(["", "  ", "\t", " \u00a0", "\n"]))
        borders = [b for b in range(1, len(piece)) if piece[:b] == piece[-b:]]
        if borders and rng.random() < 0.5:  # an alias overlapping itself: "didi" -> "dididi"
            piece += piece[borders[-1]:]
        if rng.random() < 0.1 and len(piece) > 2:
            cut = rng.randrange(1, len(piece))
            piece = piece[:cut] + rng.choice(glue) + piece[cut:]
        return piece

    texts = []
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(1, 6)):
            parts += [rng.choice(glue), mangle(rng.choice(pieces))]
        parts.append(rng.choice(glue))
        texts.append("".join(parts))
    return texts


def compare(text: str, gazetteer, automaton: Automaton, expected: pd.DataFrame) -> list[str]:
    """Differences between the automaton's mentions and find_mentions', as short descriptions."""
    got, _ = automaton.scan(text)
    if got.reset_index(drop=True).equals(expected.reset_index(drop=True)):
        return []
    want = set(map(tuple, expected[["start", "end", "entity"]].itertuples(index=False)))
    have = set(map(tuple, got[["start", "end", "entity"]].itertuples(index=False)))
    out = [f"missing {s}-{e} {ent} {text[s:e]!r}" for s, e, ent in sorted(want - have)]
    out += [f"extra {s}-{e} {ent} {text[s:e]!r}" for s, e, ent in sorted(have - want)]
    return out or ["same spans, other columns differ"]


def bench_equality(documents: list[tuple[str, str]], fuzz: list[str], gazetteer, automata, lines: list[str]) -> None:
    lines += [
        "## 2. Equality: the automata's mentions after the rules against `find_mentions`",
        "",
        "Every column of the mentions table (start, end, surface, entity, org, type) compared.",
        "",
        "| document | characters | mentions (`find_mentions`) | " + " | ".join(f"`{n}`" for n in automata) + " |",
        "|---|---|---|" + "---|" * len(automata),
    ]
    examples: list[str] = []
    for label, text in documents:
        expected = find_mentions(text, gazetteer)
        cells = []
        for name, automaton in automata.items():
            diff = compare(text, gazetteer, automaton, expected)
            cells.append("identical" if not diff else f"**{len(diff)} differences**")
            examples += [f"- {label}, `{name}`: {d}" for d in diff[:5]]
        lines.append(f"| {label} | {len(text):,} | {len(expected)} | " + " | ".join(cells) + " |")
    if fuzz:
        cells, with_mentions = [], 0
        expected_all = [find_mentions(t, gazetteer) for t in fuzz]
        with_mentions = sum(1 for e in expected_all if len(e))
        for name, automaton in automata.items():
            bad = 0
            for text, expected in zip(fuzz, expected_all):
                diff = compare(text, gazetteer, automaton, expected)
                if diff:
                    bad += 1
                    if bad <= 5:
                        examples.append(f"- fuzz {text!r}, `{name}`: {'; '.join(diff[:3])}")
            cells.append("identical on all" if not bad else f"**{bad} strings differ**")
        total = sum(len(e) for e in expected_all)
        lines.append(f"| {len(fuzz)} random strings from the gazetteer's aliases ({with_mentions} with a mention) "
                     f"| {sum(map(len, fuzz)):,} | {total} | " + " | ".join(cells) + " |")
    lines += ["", "Differences:" if examples else "No difference.", *examples, ""]


# ---- 3. tokenisation ------------------------------------------------------------------------


def chinese_lines(text: str) -> str:
    """Every line that holds a Han character, newline-joined (bench/run.py's floor input)."""
    return "\n".join(line for line in text.splitlines() if HAN.search(line))


def zh_sentences(text: str) -> list[str]:
    return [m.group().strip() for m in ZH_SENTENCE.finditer(chinese_lines(text)) if HAN.search(m.group())]


def quiet_jieba():
    """jieba with its import warning and load log silenced, dictionary loaded."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import jieba

        jieba.setLogLevel(logging.WARNING)
        jieba.initialize()
    return jieba


def diff_window(left: list[str], right: list[str], context: int = 2) -> str:
    """The first place two token lists part, with a little context: "a / [b / c] / d" vs "a / [bc] / d"."""
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=left, b=right, autojunk=False).get_opcodes():
        if tag != "equal":
            def show(tokens: list[str], a: int, b: int) -> str:
                return " / ".join(tokens[max(0, a - context):a] + ["[" + " / ".join(tokens[a:b]) + "]"]
                                  + tokens[b:b + context])
            return f"jieba `{show(left, i1, i2)}` · rjieba `{show(right, j1, j2)}`"
    return "identical"


def han_tokens(tokens: list) -> list:
    return [t for t in tokens if HAN.search(t if isinstance(t, str) else t[0])]


def bench_tokens(inputs: list[tuple[str, str]], gazetteer, repeat: int, lines: list[str]) -> None:
    jieba = quiet_jieba()
    import rjieba

    # the engine's cut: jieba's default dictionary plus every gazetteer alias (helpers.pipeline does this)
    user_lines = [line.rsplit(" ", 2) for line in jieba_userdict_lines(gazetteer)]
    engine_jieba = jieba.Tokenizer()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        engine_jieba.initialize()
    engine_rjieba = rjieba.Jieba()
    for word, freq, tag in user_lines:
        engine_jieba.add_word(word, freq=int(freq), tag=tag)
        engine_rjieba.add_word(word, int(freq), tag)

    variants = {
        "floor: `jieba.lcut`, HMM on": lambda t: jieba.lcut(t),
        "`jieba.lcut`, HMM off": lambda t: jieba.lcut(t, HMM=False),
        "`rjieba.cut`, HMM off": lambda t: rjieba.cut(t, hmm=False),
        "`rjieba.cut`, HMM on": lambda t: rjieba.cut(t, hmm=True),
        "engine's dictionary (+ gazetteer aliases): jieba `lcut`, HMM off": lambda t: engine_jieba.lcut(t, HMM=False),
        "engine's dictionary (+ gazetteer aliases): rjieba `cut`, HMM off": lambda t: engine_rjieba.cut(t, hmm=False),
        "engine's dictionary: jieba `tokenize` (offsets, as `tokenize_zh`), HMM off":
            lambda t: list(engine_jieba.tokenize(t, HMM=False)),
        "engine's dictionary: rjieba `tokenize` (offsets), HMM off": lambda t: engine_rjieba.tokenize(t, hmm=False),
    }
    floor_name = next(iter(variants))
    timings = {label: round_robin(dict(variants), chinese_lines(text), repeat) for label, text in inputs}
    labels = [label for label, _ in inputs]
    lines += [
        "## 3. Tokenisation: jieba against rjieba (jieba-rs)",
        "",
        "Over the Chinese lines (every line holding a Han character) of each input; "
        f"medians of {repeat} runs. Floor: bare `jieba.lcut` with HMM on, as in `make bench`.",
        "",
        "| variant | " + " | ".join(f"{label}: time | × floor" for label in labels) + " |",
        "|---|" + "---|---|" * len(labels),
    ]
    for name in variants:
        cells = " | ".join(f"{ms(timings[l][name])} | {ratio(timings[l][name], timings[l][floor_name])}" for l in labels)
        lines.append(f"| {name} | {cells} |")
    comparisons = {
        "default dictionary, HMM off": (lambda s: jieba.lcut(s, HMM=False), lambda s: rjieba.cut(s, hmm=False)),
        "default dictionary, HMM on": (lambda s: jieba.lcut(s), lambda s: rjieba.cut(s, hmm=True)),
        "engine's dictionary, HMM off": (lambda s: engine_jieba.lcut(s, HMM=False),
                                         lambda s: engine_rjieba.cut(s, hmm=False)),
        "engine's dictionary, `tokenize` with offsets, HMM off": (
            lambda s: list(engine_jieba.tokenize(s, HMM=False)), lambda s: engine_rjieba.tokenize(s, hmm=False)),
    }
    lines += [
        "",
        "Identical tokens, sentence by sentence (Chinese lines cut at 。！？；…!?;); in brackets, the sentences "
        "whose tokens holding a Han character differ too (the rest differ only in Latin, digits or punctuation):",
        "",
        "| input | sentences | " + " | ".join(f"differ: {c}" for c in comparisons) + " |",
        "|---|---|" + "---|" * len(comparisons),
    ]
    shown: list[str] = []
    for label, text in inputs:
        sentences = zh_sentences(text)
        cells = []
        for what, (left, right) in comparisons.items():
            differ = [(s, left(s), right(s)) for s in sentences]
            differ = [d for d in differ if d[1] != d[2]]
            in_han = [d for d in differ if han_tokens(d[1]) != han_tokens(d[2])]
            cells.append(f"{len(differ)} ({len(in_han)})")
            for _, a, b in (in_han + [d for d in differ if d not in in_han])[:3]:
                a, b = ([t if isinstance(t, str) else f"{t[0]}@{t[1]}" for t in x] for x in (a, b))
                shown.append(f"- {label}, {what}: {diff_window(a, b)}")
        lines.append(f"| {label} | {len(sentences)} | " + " | ".join(cells) + " |")
    lines += ["", "Examples of differences (at most three per input and setting):" if shown else "", *shown, ""]


# ---- main -----------------------------------------------------------------------------------


def versions() -> str:
    found = []
    for dist in ["jieba", *CANDIDATES, "pandas"]:
        try:
            found.append(f"{dist} {importlib.metadata.version(dist)}")
        except importlib.metadata.PackageNotFoundError:
            found.append(f"{dist} missing")
    return ", ".join(found)


def write_whole(path: Path, text: str) -> None:
    """Write to a temporary file beside ``path``, then rename it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=15, help="runs per median on the seed (default 15; a third of it on 1 MiB)")
    parser.add_argument("--corpus", type=Path, default=None,
                        help="a folder of *.txt documents for the equality and token checks, read in place "
                             "(default: the development corpus beside the repository, shared/corpus, if present)")
    parser.add_argument("--fuzz", type=int, default=3000, help="random strings for the equality check (default 3000)")
    parser.add_argument("--out", type=Path, default=BUILD / "bench-matching.md", help="default build/bench-matching.md")
    args = parser.parse_args(argv)
    missing = [dist for dist, module in CANDIDATES.items() if importlib.util.find_spec(module) is None]
    if missing:
        print(f"bench/matching.py: install the candidates first: .venv/bin/pip install {' '.join(missing)}",
              file=sys.stderr)
        return 2
    corpus_dir = args.corpus if args.corpus is not None else (DEFAULT_CORPUS if DEFAULT_CORPUS.is_dir() else None)
    corpus = sorted(corpus_dir.glob("*.txt")) if corpus_dir is not None and corpus_dir.is_dir() else []
    if args.corpus is not None and not corpus:
        print(f"bench/matching.py: --corpus {args.corpus}: not a folder holding *.txt documents", file=sys.stderr)
        return 2

    started = time.perf_counter()
    gazetteer = load_gazetteer()
    cues = read_cues()
    seed = read_document(DEFAULT_SOURCE).text
    copies = math.ceil(MIB / len(seed.encode("utf-8")))
    big = "\n".join([seed] * copies)
    automata = {name: Automaton(gazetteer, cues, name) for name in ("pyahocorasick", "ahocorasick-rs")}
    corpus_docs = [(p.name, read_document(p).text) for p in corpus]

    lines = [
        "# Matching and tokenisation candidates (issue 14)",
        "",
        f"Machine: {os.cpu_count()} cores ({platform.machine()}), Python {platform.python_version()}, "
        f"{platform.system()}; shared, so the figures are indicative: read the ratios. Versions: {versions()}.",
        "",
    ]
    bench_matching(seed, big, gazetteer, cues, automata, args.repeat, lines)

    documents = [("seed", seed), (f"seed × {copies} (1 MiB)", big)]
    documents += [(f"data/raw/{p.name}", read_document(p).text) for p in sorted(RAW.glob("*.txt")) if p != DEFAULT_SOURCE]
    hard = pd.read_csv(HARD_SENTENCES, dtype=str, keep_default_na=False)["text"].tolist()
    documents.append((f"tests' hard entity sentences ({len(hard)}, joined)", "\n".join(hard)))
    documents += [(f"corpus/{name}", text) for name, text in corpus_docs]
    bench_equality(documents, fuzz_texts(gazetteer, args.fuzz), gazetteer, automata, lines)

    token_inputs = [("seed", seed)]
    if corpus_docs:
        token_inputs.append((f"corpus ({len(corpus_docs)} documents)", "\n".join(t for _, t in corpus_docs)))
    bench_tokens(token_inputs, gazetteer, args.repeat, lines)

    lines.append(f"Total bench time {time.perf_counter() - started:.0f} s.")
    report = "\n".join(lines) + "\n"
    write_whole(args.out, report)
    print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
