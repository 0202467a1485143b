"""The editable vocabularies in data/reference/: one loader and checker for every file, and one cue syntax.

Every reference CSV opens with ``#`` lines that document it, then a header row; every cell is a string.
``load_vocabulary`` reads one, checks its columns and rows, and raises ValueError naming the file and the line
(the header is the line after the ``#`` lines). One-entry-a-line lists (stopwords, the candidate stoplist) go
through ``read_word_list``.

**One cue syntax** for the cue files (cues.csv, frames.csv, categories.csv): a row's ``cue`` is
looked for as its ``match`` column says:

- ``word``: a whole Latin word or phrase; a trailing ``*`` matches any ending (``regulat*`` → regulation); a
  space matches spaces or a hyphen (``open source`` → open-source);
- ``prefix``: a word starting with the cue (a Latin word, or a jieba token for a Chinese cue);
- ``token``: a whole jieba token (Chinese: 会 the modal, not inside 机会);
- ``substring``: anywhere, case ignored (Chinese domain terms that jieba cuts apart: 算力 → 算/力).

Case, for ``word`` and ``prefix``: a cue in capitals matches only capitals (``I``, ``US``; ``CLI*`` finds "CLIs", never
"climate"); any other cue ignores case (``the West`` finds "The West", ``license`` finds "LICENSE"). A file whose
labels need a look-alike kept out lists it under ``not_<label>`` (cues.csv: ``US`` is not the pronoun ``us``).
``CueMatcher`` is the one matcher; ``longest_first`` resolves overlaps.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .paths import REFERENCE

CUES_PATH = REFERENCE / "cues.csv"
FRAMES_PATH = REFERENCE / "frames.csv"
CATEGORIES_PATH = REFERENCE / "categories.csv"
#: Themes and frames are one lexicon: notebook 02's themes are frames.csv's frames, so a topic has one set of
#: cues and one number per measure (a user's own theme file, ``theme,lang,cue,match``, still reads as before).
THEMES_PATH = FRAMES_PATH
GLOSSARY_PATH = REFERENCE / "glossary.csv"
STOPWORDS_PATHS = {"zh": REFERENCE / "stopwords_zh.txt", "en": REFERENCE / "stopwords_en.txt"}

LANGS = ("en", "zh")
MATCHES = ("word", "prefix", "token", "substring")

CUE_COLUMNS = ["cue", "lang", "category", "match"]
FRAME_COLUMNS = ["frame", "lang", "cue", "match", "note"]
CATEGORY_COLUMNS = ["category", "lang", "cue", "match", "types", "description"]
THEME_COLUMNS = ["theme", "lang", "cue", "match"]
GLOSSARY_COLUMNS = ["zh", "en"]

LATIN_EDGE = "A-Za-z0-9"


# ---- reading ----------------------------------------------------------------------------------

def read_table(path: str | Path) -> pd.DataFrame:
    """Read a reference CSV whose leading '#' lines are its documentation; all cells are strings."""
    return pd.read_csv(path, comment=None, dtype=str, keep_default_na=False, skiprows=_count_header_lines(path),
                       encoding="utf-8-sig")


def _count_header_lines(path: str | Path) -> int:
    with open(path, encoding="utf-8-sig") as handle:
        count = 0
        for line in handle:
            if not line.startswith("#"):
                break
            count += 1
    return count


def read_word_list(path: str | Path) -> list[str]:
    """Read a one-entry-per-line list: '#' starts a comment, blank lines are skipped."""
    with open(path, encoding="utf-8-sig") as handle:
        return [word for word in (line.split("#", 1)[0].strip() for line in handle) if word]


def load_vocabulary(path: str | Path, columns: list[str], *, required: tuple[str, ...] = (),
                    matches: tuple[str, ...] = (), unique: bool = False, optional: tuple[str, ...] = ()) -> pd.DataFrame:
    """A reference CSV with ``columns`` (others dropped), checked row by row; ValueError names the file and line.

    ``required``: columns no row may leave empty. ``optional``: columns kept when present, added empty when not.
    A ``lang`` column must say en or zh; a ``match`` column one of ``matches`` (token only for zh). ``unique``: no
    cue twice in one language (case folded).
    """
    table = read_table(path)
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise ValueError(f"{path}: missing required columns {missing}")
    table = table.assign(**{c: "" for c in optional if c not in table.columns})
    table = table[list(dict.fromkeys([*columns, *optional]))].reset_index(drop=True)
    first_line = _count_header_lines(path) + 2  # the header row, then the first row
    for index, row in enumerate(table.to_dict("records")):
        where = f"{path}, line {first_line + index}"
        for column in required:
            if not row[column].strip():
                raise ValueError(f"{where}: empty {column}")
        if "lang" in row and row["lang"] not in LANGS:
            raise ValueError(f"{where}: lang must be en or zh, not {row['lang']!r}")
        if "match" in row and (row["match"] not in matches or (row["match"] == "token" and row["lang"] != "zh")):
            raise ValueError(f"{where}: match must be one of {list(matches)} (token for zh only), not {row['match']!r}")
    if unique:
        duplicated = table.assign(folded=table["cue"].str.casefold()).duplicated(["lang", "folded"], keep=False)
        if duplicated.any():
            raise ValueError(f"{path}: cues listed twice: {sorted(set(table.loc[duplicated, 'cue']))}")
    return table


@lru_cache(maxsize=None)
def load_cues(path: str | Path = CUES_PATH) -> pd.DataFrame:
    """The cue table (cue, lang, category, match): voice, certainty, negation, asides, post furniture. Cached."""
    return load_vocabulary(path, CUE_COLUMNS, required=("cue", "category"), matches=MATCHES)


def load_frames(path: str | Path = FRAMES_PATH) -> pd.DataFrame:
    """The frame lexicon (frame, lang, cue, match, note)."""
    return load_vocabulary(path, FRAME_COLUMNS, required=("cue", "frame"), matches=("word", "token", "substring"),
                           unique=True)


def load_categories(path: str | Path = CATEGORIES_PATH) -> pd.DataFrame:
    """The category words (category, lang, cue, match, types, description): 国产芯片 stands for chip makers."""
    return load_vocabulary(path, CATEGORY_COLUMNS, required=("cue", "types"), matches=("word", "token", "substring"),
                           unique=True)


@lru_cache(maxsize=None)
def load_themes(path: str | Path = THEMES_PATH) -> pd.DataFrame:
    """The theme lexicon (theme, lang, cue, match): by default the frame lexicon, each frame a theme; a file
    with a ``theme`` column (a user's own) is read as it is. Cached: do not mutate."""
    header = read_table(path).columns
    if "theme" not in header and "frame" in header:
        frames = load_vocabulary(path, FRAME_COLUMNS, required=("cue", "frame"), matches=MATCHES, unique=True)
        return frames.rename(columns={"frame": "theme"})[THEME_COLUMNS]
    return load_vocabulary(path, THEME_COLUMNS, required=("cue", "theme"), matches=MATCHES)


def load_glossary(path: str | Path = GLOSSARY_PATH) -> pd.DataFrame:
    """The domain glossary (zh, en, note): ``en`` holds '|'-separated English words or phrases; may be empty."""
    return load_vocabulary(path, GLOSSARY_COLUMNS)


@lru_cache(maxsize=None)
def load_stopwords(lang: str, path: str | Path | None = None) -> frozenset[str]:
    """The stopword list for ``lang`` ("zh" or "en"); English lowercased."""
    words = read_word_list(STOPWORDS_PATHS[lang] if path is None else path)
    return frozenset(words if lang == "zh" else (w.lower() for w in words))


# ---- matching ---------------------------------------------------------------------------------

def _body(cue: str) -> str:
    """A cue's words as a pattern: a space matches spaces or a hyphen."""
    return r"[\s\-]+".join(re.escape(part) for part in cue.split())


def cue_pattern(cue: str, match: str) -> str:
    """The regex of a ``word``, Latin ``prefix`` or ``substring`` cue.

    >>> re.findall(cue_pattern("regulat*", "word"), "Regulators regulate", re.IGNORECASE)
    ['Regulators', 'regulate']
    """
    if match == "substring":
        return r"\s*".join(re.escape(part) for part in cue.split())
    if match == "prefix":
        return rf"(?<![{LATIN_EDGE}]){_body(cue)}"
    stem, star = (cue[:-1], True) if cue.endswith("*") else (cue, False)
    return rf"(?<![{LATIN_EDGE}]){_body(stem)}{'[A-Za-z]*' if star else ''}(?![{LATIN_EDGE}])"


@dataclass(frozen=True)
class _Label:
    """One label's compiled cues."""

    capitals: re.Pattern | None    # word and Latin prefix cues in capitals (no lowercase letter): as written
    other: re.Pattern | None       # ... the others: case ignored
    substrings: re.Pattern | None
    tokens: frozenset
    token_prefixes: tuple


class CueMatcher:
    """Every cue of a vocabulary table, by label (``label`` names the column: category, frame, theme).

    >>> table = pd.DataFrame({"category": ["hedge", "hedge", "first_person", "not_first_person"],
    ...                       "lang": ["en", "zh", "en", "en"], "cue": ["may", "可能", "us", "US"],
    ...                       "match": ["word", "token", "word", "word"]})
    >>> CueMatcher(table, "category").find("May US lend to us?")
    [(0, 3, 'hedge'), (4, 6, 'first_person'), (4, 6, 'not_first_person'), (15, 17, 'first_person')]
    """

    def __init__(self, table: pd.DataFrame, label: str):
        self.labels: dict[str, _Label] = {}
        for name, rows in table.groupby(label, sort=False):
            by = {m: rows.loc[rows["match"] == m, "cue"].tolist() for m in MATCHES}
            latin_prefix = [c for c in by["prefix"] if not re.search(r"[^\x00-\u024f]", c)]
            han_prefix = [c for c in by["prefix"] if c not in latin_prefix]
            words = [(c, "word") for c in by["word"]] + [(c, "prefix") for c in latin_prefix]
            upper = [(c, m) for c, m in words if c != c.lower() and c == c.upper()]
            other = [(c, m) for c, m in words if (c, m) not in upper]
            self.labels[str(name)] = _Label(
                capitals=_mixed(upper, 0), other=_mixed(other, re.IGNORECASE),
                substrings=_mixed([(c, "substring") for c in by["substring"]], re.IGNORECASE),
                tokens=frozenset(by["token"]), token_prefixes=tuple(han_prefix),
            )
        self.needs_tokens = any(c.tokens or c.token_prefixes for c in self.labels.values())

    def find(self, text: str, tokens: list[tuple[str, int, int]] | None = None,
             labels: tuple[str, ...] | None = None) -> list[tuple[int, int, str]]:
        """(start, end, label) of every cue found in ``text``, by start then longest; ``tokens`` are its jieba
        tokens (token and Chinese prefix cues are looked for only among them). Overlaps are kept: callers choose."""
        found: set[tuple[int, int, str]] = set()
        for name in labels if labels is not None else self.labels:
            compiled = self.labels.get(name)
            if compiled is None:
                continue
            for pattern in (compiled.capitals, compiled.other, compiled.substrings):
                if pattern is not None:
                    found.update((m.start(), m.end(), name) for m in pattern.finditer(text))
            if tokens and (compiled.tokens or compiled.token_prefixes):
                found.update((a, b, name) for t, a, b in tokens
                             if t in compiled.tokens or (compiled.token_prefixes and t.startswith(compiled.token_prefixes)))
        return sorted(found, key=lambda f: (f[0], -(f[1] - f[0]), f[2]))


def _mixed(cues: list[tuple[str, str]], flags: int) -> re.Pattern | None:
    """One alternation of (cue, match) pairs, the longest cue first so it wins where several start."""
    if not cues:
        return None
    ordered = sorted(dict.fromkeys(cues), key=lambda cm: len(cm[0]), reverse=True)
    return re.compile("|".join(cue_pattern(c, m) for c, m in ordered), flags)


def longest_first(found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The matches that do not overlap, the longest kept first (then the earliest), in reading order.

    >>> longest_first([(0, 2, "safety"), (0, 4, "security"), (5, 7, "x")])
    [(0, 4, 'security'), (5, 7, 'x')]
    """
    kept: list[tuple[int, int, str]] = []
    for start, end, label in sorted(found, key=lambda f: (-(f[1] - f[0]), f[0])):
        if all(end <= a or start >= b for a, b, _ in kept):
            kept.append((start, end, label))
    return sorted(kept)
