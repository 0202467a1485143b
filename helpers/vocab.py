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
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import ahocorasick_rs
import pandas as pd

from .paths import REFERENCE
from .patterns import ADDRESS_OR_FILE, FOLDING_SPECIALS_RE, HAN_CLASS

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
#: A frame or theme cue's optional columns: ``strength`` (``weak``: a word with a common sense outside its frame, which
#: counts only beside a second cue of its frame or one of its ``context`` words; empty: strong), ``context`` (words,
#: ``|``-joined, that confirm a weak cue's sense in its sentence) and ``source`` (where the marking came from).
SENSE_COLUMNS = ("strength", "context", "source")
STRENGTHS = ("", "weak")
GLOSSARY_COLUMNS = ["zh", "en"]

LATIN_EDGE = "A-Za-z0-9"
#: A character a word or prefix cue may not follow (each of their patterns opens with ``(?<![LATIN_EDGE])``).
LATIN_EDGE_RE = re.compile(f"[{LATIN_EDGE}]")
LATIN_EDGE_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")  # the same, as a set

#: The boundary view's byte table: ASCII letters lowercased, digits kept, every other byte a space.
_BOUNDARY_TABLE = bytes(b + 32 if 65 <= b <= 90 else b if 97 <= b <= 122 or 48 <= b <= 57 else 32 for b in range(256))
#: A first word the boundary view can hold as it is: Latin letters and digits alone, lowercase.
_BOUNDARY_WORD = re.compile(r"[a-z0-9]+")


class Automaton:
    """Every occurrence of a set of keys in a text, overlaps included, in one pass, each hit with its key's payload:
    one Aho–Corasick automaton (``ahocorasick-rs``) over the keys, built once, never changed. (pyahocorasick, the one
    used before, scanned a text holding Chinese six to ten times as slowly: its trie looks a character up among a
    node's children one by one, and the cue and alias tries' roots have hundreds; the same hits.)

    >>> Automaton({"作者": 1, "作者认为": 2, "ab": 3}).find(" 作者认为 ab")
    [(1, 3, 1), (1, 5, 2), (6, 8, 3)]
    >>> Automaton({"ab": 3}).find("ab ab", 1), len(Automaton({}))
    ([(3, 5, 3)], 0)
    """

    def __init__(self, payloads: dict[str, object]):
        self._keys, self._payloads = list(payloads), list(payloads.values())
        self._automaton = ahocorasick_rs.AhoCorasick(self._keys) if self._keys else None

    def __len__(self) -> int:
        return len(self._keys)

    def __reduce__(self):
        # rebuilt from its keys wherever it is unpickled (the compiled automaton cannot be pickled)
        return Automaton, (dict(zip(self._keys, self._payloads)),)

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, object]]:
        """(start, end, payload) of every key found in ``text[start:end]`` (offsets into ``text``), in the order of their
        ends, the longer first where two end together."""
        if self._automaton is None:
            return []
        payloads = self._payloads
        if start == 0 and (end is None or end >= len(text)):
            return [(a, b, payloads[k]) for k, a, b in self._automaton.find_matches_as_indexes(text, overlapping=True)]
        return [(a + start, b + start, payloads[k])
                for k, a, b in self._automaton.find_matches_as_indexes(text[start:end], overlapping=True)]


def boundary_view(text: str) -> str:
    """``text`` with its Latin letters lowercased, its digits kept and every other character a space, offset for
    offset (each character not ASCII becomes one "?", then a space): a word cue's first word stands in it between
    spaces exactly where the cue's lookbehind and lookahead let it stand (re's ignore-case folds no other character
    to a Latin letter or digit but ı, ſ, İ and the Kelvin sign, for which the matcher runs every pattern).

    >>> boundary_view("Xin 10倍, i.e.")
    'xin 10   i e '
    """
    return text.encode("ascii", "replace").translate(_BOUNDARY_TABLE).decode("ascii")


def lower_in_place(text: str) -> str:
    """``text.lower()`` offset for offset: the dotted capital I (İ, the one character whose lowercase is two) lowers
    to a plain i, so a position in the lowered text is the same position in ``text``.

    >>> len(lower_in_place("İstanbul 可能")) == len("İstanbul 可能")
    True
    """
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else text.replace("\u0130", "i").lower()


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
    """The frame lexicon (frame, lang, cue, match, note, and SENSE_COLUMNS: empty where a file lacks them)."""
    return _checked_strength(path, load_vocabulary(path, FRAME_COLUMNS, required=("cue", "frame"),
                                                   matches=("word", "token", "substring"), unique=True,
                                                   optional=SENSE_COLUMNS))


def _checked_strength(path: str | Path, table: pd.DataFrame) -> pd.DataFrame:
    """``table`` unchanged, once every row's strength is one of STRENGTHS (ValueError naming the line otherwise)."""
    bad = ~table["strength"].isin(STRENGTHS)
    if bad.any():
        line = _count_header_lines(path) + 2 + int(bad.to_numpy().nonzero()[0][0])
        raise ValueError(f"{path}, line {line}: strength must be empty or weak, not {table.loc[bad, 'strength'].iloc[0]!r}")
    return table


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
        frames = _checked_strength(path, load_vocabulary(path, FRAME_COLUMNS, required=("cue", "frame"), matches=MATCHES,
                                                         unique=True, optional=SENSE_COLUMNS))
        return frames.rename(columns={"frame": "theme"})[[*THEME_COLUMNS, *SENSE_COLUMNS]]
    return _checked_strength(path, load_vocabulary(path, THEME_COLUMNS, required=("cue", "theme"), matches=MATCHES,
                                                   optional=SENSE_COLUMNS))


def load_glossary(path: str | Path = GLOSSARY_PATH) -> pd.DataFrame:
    """The domain glossary (zh, en, note): ``en`` holds '|'-separated English words or phrases; may be empty."""
    return load_vocabulary(path, GLOSSARY_COLUMNS)


@lru_cache(maxsize=None)
def load_stopwords(lang: str, path: str | Path | None = None) -> frozenset[str]:
    """The stopword list for ``lang`` ("zh" or "en"); English lowercased."""
    words = read_word_list(STOPWORDS_PATHS[lang] if path is None else path)
    return frozenset(words if lang == "zh" else (w.lower() for w in words))


# ---- matching ---------------------------------------------------------------------------------

def _escaped(part: str) -> str:
    """One word of a cue, escaped; its apostrophe matches the typographic one too (Moore's, Moore’s)."""
    return re.escape(part).replace("'", "['’]")


def _body(cue: str) -> str:
    """A cue's words as a pattern: a space matches spaces or a hyphen."""
    return r"[\s\-]+".join(_escaped(part) for part in cue.split())


def cue_pattern(cue: str, match: str) -> str:
    """The regex of a ``word``, Latin ``prefix`` or ``substring`` cue.

    >>> re.findall(cue_pattern("regulat*", "word"), "Regulators regulate", re.IGNORECASE)
    ['Regulators', 'regulate']
    >>> re.findall(cue_pattern("Moore's law", "word"), "Moore’s law and Moore's law", re.IGNORECASE)
    ['Moore’s law', "Moore's law"]
    """
    if match == "substring":
        return r"\s*".join(_escaped(part) for part in cue.split())
    if match == "prefix":
        return rf"(?<![{LATIN_EDGE}]){_body(cue)}"
    stem, star = (cue[:-1], True) if cue.endswith("*") else (cue, False)
    return rf"(?<![{LATIN_EDGE}]){_body(stem)}{'[A-Za-z]*' if star else ''}(?![{LATIN_EDGE}])"


@dataclass(frozen=True)
class _Label:
    """One label's compiled cues."""

    capitals: LazyPattern | None    # word and Latin prefix cues in capitals (no lowercase letter): as written
    other: LazyPattern | None       # ... the others: case ignored
    substrings: LazyPattern | None
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
        alternatives: dict[tuple[str, str], list[tuple[str, str]]] = {}  # each pattern's (cue, match), in its order
        for name, rows in table.groupby(label, sort=False):
            by = {m: rows.loc[rows["match"] == m, "cue"].tolist() for m in MATCHES}
            latin_prefix = [c for c in by["prefix"] if not re.search(r"[^\x00-\u024f]", c)]
            han_prefix = [c for c in by["prefix"] if c not in latin_prefix]
            words = [(c, "word") for c in by["word"]] + [(c, "prefix") for c in latin_prefix]
            upper = [(c, m) for c, m in words if c != c.lower() and c == c.upper()]
            other = [(c, m) for c, m in words if (c, m) not in upper]
            for which, pairs in (("capitals", upper), ("other", other), ("substrings", [(c, "substring") for c in by["substring"]])):
                alternatives[(str(name), which)] = _ordered(pairs)
            self.labels[str(name)] = _Label(
                capitals=_mixed(upper, 0), other=_mixed(other, re.IGNORECASE),
                substrings=_mixed([(c, "substring") for c in by["substring"]], re.IGNORECASE),
                tokens=frozenset(by["token"]), token_prefixes=tuple(han_prefix),
            )
        self.needs_tokens = any(c.tokens or c.token_prefixes for c in self.labels.values())
        # Token cues by token, and Chinese prefixes with their labels: a sentence's tokens are read once for every
        # label asked about, not once per label.
        self._token_labels: dict[str, tuple[str, ...]] = {}
        for name, compiled in self.labels.items():
            for token in compiled.tokens:
                self._token_labels[token] = self._token_labels.get(token, ()) + (name,)
        self._prefixes = tuple(p for c in self.labels.values() for p in c.token_prefixes)
        self._prefix_labels = tuple((p, name) for name, c in self.labels.items() for p in c.token_prefixes)
        # Most sentences hold none of a label's cues: one automaton over each cue's first word, lowercased, says
        # which patterns can match at all (a match holds its cue's first word, case aside), and only those run.
        self._patterns: list[tuple[str, re.Pattern]] = []
        # and each pattern's alternatives with the first words they open on (``_narrowed``)
        self._alternatives: list[list[tuple[str, str, frozenset[str]]]] = []
        self._narrow: dict[tuple[int, frozenset[str]], re.Pattern] = {}
        anchors: dict[str, set[int]] = {}
        # a capitals pattern (case kept) can match only where its cue's first word stands as written: (index, spelling)
        capitals: dict[str, set[tuple[int, str]]] = {}
        for name, rows in table.groupby(label, sort=False):
            compiled = self.labels[str(name)]
            for which, pattern in (("capitals", compiled.capitals), ("other", compiled.other),
                                   ("substrings", compiled.substrings)):
                if pattern is None:
                    continue
                index = len(self._patterns)
                self._patterns.append((str(name), pattern))
                self._alternatives.append([(c, m, frozenset(_spellings(_anchor(c)))) for c, m in alternatives[(str(name), which)]])
                for cue in _pattern_cues(pattern, compiled, rows):
                    first = cue.split()[0].rstrip("*") if cue.split() else ""
                    anchor = _anchor(cue)
                    for spelling, written in {(anchor, first), (anchor.replace("'", "’"), first.replace("'", "’"))}:
                        anchors.setdefault(spelling, set()).add(index)  # the pattern takes either apostrophe
                        if pattern is compiled.capitals and spelling:
                            capitals.setdefault(spelling, set()).add((index, written))
        self._wanted: dict[tuple[str, ...] | None, frozenset[str]] = {}
        self._always = frozenset(anchors.pop("", ()))  # a cue without a literal first word: its pattern always runs
        # A word or prefix pattern cannot match right after a Latin letter or digit (its lookbehind, case-sensitive or
        # not, refuses such a character), nor, where every cue opening on a first word needs a boundary after that word
        # too (a word cue, not a prefix or a starred stem), right before one. A first word of Latin letters and digits
        # alone is looked for on a boundary view (``boundary_view``: those letters lowercased, every other character a
        # space, one for one) as ' word ' or ' word', so the automaton reports only the starts its patterns allow and no
        # hit is refused in Python ("i" inside "in" is never reported); other first words ('moore's', 可能) and the
        # substring cues' are looked for on the lowercased text, their hits after a letter or digit refused one by one.
        bounded = {i for i, (name, pattern) in enumerate(self._patterns) if pattern is not self.labels[name].substrings}
        cased = {i for i, (name, pattern) in enumerate(self._patterns) if pattern is self.labels[name].capitals}
        opens: dict[str, set[int]] = {}  # first word -> the patterns with a cue that may go on in letters after it
        for index, alternatives_of in enumerate(self._alternatives):
            for cue, match, spellings in alternatives_of:
                if match != "word" or (cue.split() and cue.split()[0].endswith("*")):
                    for spelling in spellings:
                        opens.setdefault(spelling, set()).add(index)
        # a word cue's second word, where every cue of the pattern opening on the first word has one of Latin letters
        # and digits (None where one is that word alone, or its second word is not of those): the first word is
        # looked for with each second word after it, one separator apart, or with two separators or more after it
        # (a run of spaces, a comma: the pattern's own separator may be longer, and the regex decides)
        seconds: dict[tuple[int, str], set[str] | None] = {}
        for index, alternatives_of in enumerate(self._alternatives):
            for cue, match, spellings in alternatives_of:
                parts = cue.split()
                second = parts[1].rstrip("*").lower() if len(parts) > 1 else ""
                for spelling in spellings:
                    if not _BOUNDARY_WORD.fullmatch(second):
                        seconds[(index, spelling)] = None
                    elif seconds.get((index, spelling), set()) is not None:
                        seconds.setdefault((index, spelling), set()).add(second)
        self._words = self._others = self._others_han = None
        # the other first words holding a Han character are looked for only in the texts holding one (their own
        # automaton: the one automaton read every English character against its hundreds of Chinese first words)
        words: dict[str, tuple] = {}
        others: dict[str, tuple] = {}
        others_han: dict[str, tuple] = {}
        keyed: dict[str, tuple[set[int], set[tuple[int, str]], str]] = {}  # key -> (patterns, cased ones, first word)
        for anchor, indexes in anchors.items():
            plain, anywhere = indexes & bounded - cased, tuple(sorted(indexes - bounded))
            written = capitals.get(anchor, set())
            other = others_han if _HAN.search(anchor) else others
            if not _BOUNDARY_WORD.fullmatch(anchor):
                other[anchor] = (tuple(sorted(plain)), anywhere, tuple(sorted(written)), anchor)
                continue
            if anywhere:
                other[anchor] = ((), anywhere, (), anchor)
            going_on = opens.get(anchor, set())
            for index in plain:
                after = None if index in going_on else seconds.get((index, anchor))
                keys = ([f" {anchor}"] if index in going_on else [f" {anchor} "] if after is None
                        else [f" {anchor} {second}" for second in after] + [f" {anchor}  "])
                for key in keys:
                    keyed.setdefault(key, (set(), set(), anchor))[0].add(index)
            for index, spelling in written:
                keyed.setdefault(f" {anchor}" if index in going_on else f" {anchor} ", (set(), set(), anchor))[1].add(
                    (index, spelling))
        for key, (kept, kept_written, anchor) in keyed.items():
            # the first word starts one character into the key
            words[key] = (tuple(sorted(kept)), tuple(sorted(kept_written)), anchor)
        if words:
            self._words = Automaton(words)
        if others:
            self._others = Automaton(others)
        if others_han:
            self._others_han = Automaton(others_han)
        self._any_anchor = bool(anchors)
        # (pattern, first word) -> the word's length, where every alternative of the pattern opening on that word is
        # that one word alone as a word cue: found between boundaries, it is the pattern's match there
        self._certain: dict[tuple[int, str], int] = {}
        for index, alternatives_of in enumerate(self._alternatives):
            if index not in bounded:
                continue
            single: dict[str, bool] = {}
            for cue, match, spellings in alternatives_of:
                for spelling in spellings:
                    single[spelling] = single.get(spelling, True) and (
                        match == "word" and cue.split() == [cue] and not cue.endswith("*")
                        and cue.lower() == spelling and _BOUNDARY_WORD.fullmatch(spelling) is not None)
            self._certain.update(((index, word), len(word)) for word, alone in single.items() if alone)
        self._token_names: dict[str, tuple[str, ...]] = {}
        # every pattern run anywhere (a text with a letter re folds beyond lower()), and those of cues without a first
        # word, run anywhere in every text (made once: a list per call cost a short line more than its cues)
        self._everywhere = [(name, pattern, None) for name, pattern in self._patterns]
        self._always_run = [(*self._patterns[i], None) for i in self._always]

    def find(self, text: str, tokens: list[tuple[str, int, int]] | None = None,
             labels: tuple[str, ...] | None = None) -> list[tuple[int, int, str]]:
        """(start, end, label) of every cue found in ``text``, by start then longest; ``tokens`` are its jieba
        tokens (token and Chinese prefix cues are looked for only among them). Overlaps are kept: callers choose."""
        if not self._any_anchor or FOLDING_SPECIALS_RE.search(text):
            candidates = self._everywhere
        else:
            candidates = self._listed(self._starts(f" {text} ", None, 1)[0])
        return self._found(text, candidates, tokens, self._wanted_of(labels))

    def find_each(self, texts: list[str], tokens: list | None = None,
                  labels: tuple[str, ...] | None = None) -> list[list[tuple[int, int, str]]]:
        """``find`` of each of ``texts`` (``tokens``: each one's tokens, or None), with one pass of each automaton over
        all of them: the texts are read as one string, each between spaces, and each hit is given to its text by its
        offset (no first word holds a space, so none spans two texts; a text's first character follows a space, as
        its start follows nothing).

        >>> table = pd.DataFrame({"category": ["hedge"], "lang": ["en"], "cue": ["may"], "match": ["word"]})
        >>> CueMatcher(table, "category").find_each(["It may", "mayhem", "May"])
        [[(3, 6, 'hedge')], [], [(0, 3, 'hedge')]]
        """
        wanted = self._wanted_of(labels)
        if tokens is None:
            tokens = [None] * len(texts)
        if not self._any_anchor:
            return [self._found(text, self._everywhere, text_tokens, wanted) for text, text_tokens in zip(texts, tokens)]
        joined = " " + "  ".join(texts) + " "
        bases, position = [], 1
        for text in texts:
            bases.append(position)
            position += len(text) + 2
        special = FOLDING_SPECIALS_RE.search(joined) is not None
        return [self._found(text, self._everywhere if special and FOLDING_SPECIALS_RE.search(text) else
                            self._listed(here), text_tokens, wanted)
                for text, here, text_tokens in zip(texts, self._starts(joined, bases, len(texts)), tokens)]

    def _wanted_of(self, labels) -> frozenset[str]:
        """The labels asked about that the matcher has (kept: the same few tuples are asked about for every text)."""
        if labels is not None and not isinstance(labels, tuple):
            labels = tuple(labels)
        wanted = self._wanted.get(labels)
        if wanted is None:
            wanted = self._wanted[labels] = (frozenset(self.labels) if labels is None
                                             else frozenset(name for name in labels if name in self.labels))
        return wanted

    def _found(self, text: str, candidates: list, tokens: list | None, wanted: frozenset) -> list[tuple[int, int, str]]:
        """What ``find`` returns for ``text``, given its candidate patterns (``_candidates_each``)."""
        found: set[tuple[int, int, str]] = set()
        certain = self._certain
        for name, pattern, starts in candidates:
            if name not in wanted:
                continue
            if starts is None:  # ``pattern`` is the pattern, run anywhere
                found.update((m.start(), m.end(), name) for m in pattern.finditer(text))
                continue
            # ``pattern`` is its index: what finditer finds, tried only where a cue's first word starts (leftmost
            # first, never overlapping), at each start only the alternatives opening on a first word found there; a
            # word whose every alternative there is that one word, found between boundaries, is its match (no regex)
            reach = 0
            for start, words in starts:
                if start < reach:
                    continue
                if len(words) == 1 and (length := certain.get((pattern, next(iter(words))))) is not None:
                    reach = start + length
                    found.add((start, reach, name))
                elif (m := self._narrowed(pattern, words).match(text, start)) is not None:
                    found.add((start, m.end(), name))
                    reach = m.end()
        if tokens and self.needs_tokens:
            cache, names_of = self._token_names, self._names_of_token
            for t, a, b in tokens:
                names = cache.get(t)
                if names is None:
                    names = names_of(t)
                for name in names:
                    if name in wanted:
                        found.add((a, b, name))
        if len(found) < 2:  # most sentences: nothing to order
            return list(found)
        return sorted(found, key=_by_start_then_longest)

    def _names_of_token(self, token: str) -> tuple[str, ...]:
        """The labels of the token cues ``token`` is and of the Chinese prefix cues it opens with (kept per token)."""
        names = self._token_labels.get(token, ())
        if self._prefixes and token.startswith(self._prefixes):
            names += tuple(name for prefix, name in self._prefix_labels if token.startswith(prefix))
        if len(self._token_names) > TOKENS_KEPT:
            self._token_names.clear()
        self._token_names[token] = names
        return names

    def _starts(self, joined: str, bases: list[int] | None, count: int) -> list[dict[int, dict[int, set[str]]]]:
        """For each of the ``count`` texts in ``joined`` (each between spaces, the first at offset 1, each at its offset
        in ``bases``; None for one text), where its patterns' first words start: pattern index -> start -> the first
        words found there, case aside (a pattern's index stands for the pattern)."""
        starts: list[dict[int, dict[int, set[str]]]] = [{} for _ in range(count)]
        here = starts[0] if count else {}
        view = boundary_view(joined) if self._words is not None else " "
        if not view.isspace():  # a text without a Latin letter or digit (most Chinese lines) holds no such first word
            for start, _, (plain, written, word) in self._words.find(view):
                start += 1  # the key's leading space
                if bases is None:
                    local = start - 1
                else:
                    k = bisect_right(bases, start) - 1
                    local, here = start - bases[k], starts[k]
                for index in plain:
                    here.setdefault(index, {}).setdefault(local, set()).add(word)
                if written:
                    spelled = joined[start:start + len(word)]
                    for index, spelling in written:
                        if spelled == spelling:
                            here.setdefault(index, {}).setdefault(local, set()).add(word)
        scans = [] if self._others is None else [self._others]
        if scans or self._others_han is not None:
            edge, lowered = LATIN_EDGE_CHARS, lower_in_place(joined)
            scans = [(automaton, 0, len(lowered)) for automaton in scans]
            if self._others_han is not None:
                scans += [(self._others_han, a, b) for a, b in _han_ranges(joined, lowered, bases)]
            for automaton, a, b in scans:
                for start, last, (bounded, anywhere, cased, word) in automaton.find(lowered, a, b):
                    if bases is None:
                        local = start - 1
                    else:
                        k = bisect_right(bases, start) - 1
                        local, here = start - bases[k], starts[k]
                    if (bounded or cased) and joined[start - 1] not in edge:  # a text's start follows a space
                        for index in bounded:
                            here.setdefault(index, {}).setdefault(local, set()).add(word)
                        if cased:
                            written = joined[start:last]
                            for index, spelling in cased:
                                if written == spelling:
                                    here.setdefault(index, {}).setdefault(local, set()).add(word)
                    for index in anywhere:
                        here.setdefault(index, {}).setdefault(local, set()).add(word)
        return starts

    def _listed(self, starts: dict[int, dict[int, set[str]]]) -> list[tuple[str, re.Pattern | int, list | None]]:
        """(label, pattern, where a match may start) of the patterns that can match a text, given its ``starts``
        (``_starts``): the patterns of cues without a first word anywhere (None), the others narrowed per start
        (the pattern's index, its (start, first words) in order)."""
        if not starts:
            return self._always_run
        return self._always_run + [(self._patterns[i][0], i, sorted(positions.items())) for i, positions in starts.items()
                                   if i not in self._always]

    def _narrowed(self, index: int, words: set[str]) -> re.Pattern:
        """Pattern ``index`` with only its alternatives whose cue opens on one of ``words`` (first words, lowercased),
        in its order: where only those words stand it matches what the whole alternation matches (the first
        alternative that matches is among them), at a fraction of the cost of trying every cue (built once per set)."""
        # one first word (most starts): its own key, no set built for it
        key = (index, next(iter(words))) if len(words) == 1 else (index, frozenset(words))
        narrowed = self._narrow.get(key)
        if narrowed is None:
            if len(self._narrow) > NARROWED_KEPT:
                self._narrow.clear()
            pattern = self._patterns[index][1]
            kept = [cue_pattern(c, m) for c, m, spellings in self._alternatives[index] if spellings & words]
            narrowed = self._narrow[key] = re.compile("|".join(kept), pattern.flags) if kept else pattern
        return narrowed


def _by_start_then_longest(found: tuple[int, int, str]) -> tuple[int, int, str]:
    """A cue's place in ``CueMatcher.find``'s order: by start, then longest, then label."""
    return found[0], found[0] - found[1], found[2]


_HAN = re.compile(f"[{HAN_CLASS}]")


def _han_ranges(joined: str, lowered: str, bases: list[int] | None) -> list[tuple[int, int]]:
    """The stretches of ``lowered`` (``lower_in_place(joined)``, offset for offset) to read for first words holding a
    Han character: those of the texts (at ``bases`` in ``joined``, each between spaces; None: one text) that hold one,
    neighbours merged, each with the space before it.

    >>> _han_ranges(" ab  可能  cd  能 ", " ab  可能  cd  能 ", [1, 5, 9, 13])
    [(4, 8), (12, 15)]
    """
    if bases is None:
        return [(0, len(joined))] if _HAN.search(joined) else []
    ranges: list[tuple[int, int]] = []
    search, found = _HAN.search, _HAN.search(joined)
    while found is not None:
        k = bisect_right(bases, found.start()) - 1
        a = bases[k] - 1
        b = bases[k + 1] - 1 if k + 1 < len(bases) else len(joined)
        if ranges and ranges[-1][1] >= a:
            ranges[-1] = (ranges[-1][0], b)
        else:
            ranges.append((a, b))
        found = search(joined, b)
    return ranges


def _pattern_cues(pattern: re.Pattern, compiled: _Label, rows: pd.DataFrame) -> list[str]:
    """The cues a label's compiled pattern was built from."""
    latin_prefix = [c for c in rows.loc[rows["match"] == "prefix", "cue"] if not re.search(r"[^\x00-\u024f]", c)]
    words = rows.loc[rows["match"] == "word", "cue"].tolist() + latin_prefix
    if pattern is compiled.substrings:
        return rows.loc[rows["match"] == "substring", "cue"].tolist()
    upper = [c for c in words if c != c.lower() and c == c.upper()]
    return upper if pattern is compiled.capitals else [c for c in words if c not in upper]


def _ordered(cues: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """(cue, match) pairs as an alternation holds them: each once, the longest cue first so it wins where several start."""
    return sorted(dict.fromkeys(cues), key=lambda cm: len(cm[0]), reverse=True)


class LazyPattern:
    """A regular expression compiled on first use: a label's whole alternation runs only where its cues' first words
    cannot narrow it (``CueMatcher._narrowed`` builds the narrowed ones from the cues), so most are never compiled;
    compiling them all cost a report's analysis about 0.4 s. Reads as the ``re.Pattern`` it stands for.

    >>> lazy = LazyPattern(r"(?<![a-z])may(?![a-z])", re.IGNORECASE)
    >>> [m.span() for m in lazy.finditer("May mayhem may")], lazy.flags & re.IGNORECASE == re.IGNORECASE
    ([(0, 3), (11, 14)], True)
    """

    __slots__ = ("pattern", "flags", "_compiled")

    def __init__(self, pattern: str, flags: int = 0):
        self.pattern, self.flags, self._compiled = pattern, flags, None

    def compiled(self) -> re.Pattern:
        if self._compiled is None:
            self._compiled = re.compile(self.pattern, self.flags)
        return self._compiled

    def __getattr__(self, name: str):   # finditer, match, search, ...: the compiled pattern's
        return getattr(self.compiled(), name)

    def __getstate__(self):
        return (self.pattern, self.flags)

    def __setstate__(self, state):
        self.pattern, self.flags = state
        self._compiled = None


def _mixed(cues: list[tuple[str, str]], flags: int) -> LazyPattern | None:
    """One alternation of (cue, match) pairs, the longest cue first so it wins where several start (compiled when
    first run)."""
    if not cues:
        return None
    return LazyPattern("|".join(cue_pattern(c, m) for c, m in _ordered(cues)), flags)


def _anchor(cue: str) -> str:
    """A cue's first word, lowercased, a prefix's star dropped: what the prefilter looks for ("" for a blank cue)."""
    return cue.split()[0].rstrip("*").lower() if cue.split() else ""


def _spellings(anchor: str) -> set[str]:
    """An anchor as the prefilter looks for it: with either apostrophe."""
    return {anchor, anchor.replace("'", "’")}


#: How many narrowed patterns a matcher keeps before starting afresh (memory bound; a few hundred serve a corpus).
NARROWED_KEPT = 5_000
#: How many tokens' labels a matcher keeps before starting afresh (memory bound).
TOKENS_KEPT = 200_000


def outside_addresses(text: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The matches not inside a web address or a file name of ``text`` ('budget' in 'finite-budget.md' is no money).

    >>> outside_addresses("see context-budget.md on budget", [(12, 18, "economic"), (25, 31, "economic")])
    [(25, 31, 'economic')]
    """
    spans = [m.span() for m in ADDRESS_OR_FILE.finditer(text)] if ("." in text) else []
    if not spans:
        return found
    return [(a, b, label) for a, b, label in found if not any(s <= a and b <= e for s, e in spans)]


def outside_spans(found: list[tuple[int, int, str]], spans) -> list[tuple[int, int, str]]:
    """The matches not inside one of ``spans`` ((start, end) pairs in the same text): a cue inside an organisation's
    name says nothing of the sentence's theme (科技 in 青禾科技, 智能 in 百川智能, 'Data' in 'Blue Data Labs'). A cue
    that is the whole name stays: a lexicon that lists a name as a cue ('hugging face' for openness) means it.

    >>> outside_spans([(2, 4, "technology"), (8, 10, "technology"), (12, 16, "openness")], [(0, 4), (12, 16)])
    [(8, 10, 'technology'), (12, 16, 'openness')]
    """
    if not spans:
        return found
    return [(a, b, label) for a, b, label in found
            if not any(s <= a and b <= e and b - a < e - s for s, e in spans)]


def longest_first(found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The matches that do not overlap, the longest kept first (then the earliest), in reading order.

    >>> longest_first([(0, 2, "safety"), (0, 4, "security"), (5, 7, "x")])
    [(0, 4, 'security'), (5, 7, 'x')]
    """
    if len(found) < 2:  # most sentences' cues of a category: one, kept
        return [(start, end, label) for start, end, label in found]
    kept: list[tuple[int, int, str]] = []
    for start, end, label in sorted(found, key=lambda f: (-(f[1] - f[0]), f[0])):
        if all(end <= a or start >= b for a, b, _ in kept):
            kept.append((start, end, label))
    return sorted(kept)
