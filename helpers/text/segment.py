"""Cutting Chinese into words: one ``Tokenizer`` object per vocabulary, passed to everything that cuts.

A ``Tokenizer`` is jieba's dictionary plus the words a document's vocabulary must keep whole (the gazetteer's
names, the glossary's terms), in a ``jieba.Tokenizer`` of its own. Nothing here, or anywhere in the package, adds
a word to a tokenizer after it is built, or touches jieba's shared default instance: the same text is cut the same
way whatever ran before in the process. ``tokenizer_with(words)`` builds one per word list and keeps it.

Importing this module loads nothing; jieba's dictionary loads the first time a tokenizer cuts.
"""

from __future__ import annotations

import logging
import threading
import warnings
from functools import lru_cache

from ..patterns import HAN_RUN

#: A word to keep whole: (word, frequency or None for jieba's own suggestion, part-of-speech tag or None).
Word = tuple[str, "int | None", "str | None"]


@lru_cache(maxsize=1)
def quiet_jieba():
    """The jieba module, imported with its pkg_resources warning and load log silenced."""
    # jieba logs its load time to stderr and its import warns about pkg_resources: both would
    # land in notebook outputs, so silence them before anything loads.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import jieba  # heavy: loaded on the first cut, not on import
    jieba.setLogLevel(logging.WARNING)
    logging.getLogger("jieba").setLevel(logging.WARNING)
    return jieba


class Tokenizer:
    """jieba's dictionary plus ``words``, kept whole; built once, never changed afterwards.

    >>> Tokenizer().cut("美团和蚂蚁都在做模型")[:2]
    ['美', '团']
    >>> Tokenizer([("美团", 100000, "nt")]).cut("美团和蚂蚁都在做模型")[:2]
    ['美团', '和']
    """

    def __init__(self, words=()):
        self.words: tuple[Word, ...] = tuple((w, f, t) for w, f, t in words if w and " " not in w)
        self._jieba = None
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"Tokenizer({len(self.words)} words)"

    def __reduce__(self):
        # Pickled (the analysis cache) as its word list: unpickling reuses this process's tokenizer for that list.
        return tokenizer_with, (self.words,)

    @property
    def jieba(self):
        """The underlying ``jieba.Tokenizer``, its dictionary loaded and the words added (on first use)."""
        if self._jieba is None:
            with self._lock:
                if self._jieba is None:
                    tokenizer = quiet_jieba().Tokenizer()
                    with warnings.catch_warnings():
                        warnings.simplefilter("ignore")
                        tokenizer.initialize()
                    for word, freq, tag in self.words:
                        tokenizer.add_word(word, freq=freq, tag=tag)
                    self._jieba = tokenizer
        return self._jieba

    def tokenize(self, text: str, *, hmm: bool = False) -> list[tuple[str, int, int]]:
        """Cut text into (token, start, end), offsets into ``text``.

        >>> [t for t, _, _ in Tokenizer().tokenize("中国开发者")]
        ['中国', '开发者']
        """
        return list(self.jieba.tokenize(text, HMM=hmm))

    def cut(self, text: str, *, hmm: bool = False) -> list[str]:
        """Cut text into tokens (jieba's precise mode), everything kept, Latin and spaces included."""
        return self.jieba.lcut(text, HMM=hmm)

    def han_words(self, text: str, *, hmm: bool = False) -> list[str]:
        """The words of ``text``'s Han runs only (Latin and digits are left to the English tokeniser).

        >>> Tokenizer().han_words("中国实验室缺 Nvidia 芯片")
        ['中国', '实验室', '缺', '芯片']
        """
        words: list[str] = []
        for run in HAN_RUN.findall(text):
            words.extend(w for w in self.jieba.lcut(run, HMM=hmm) if w.strip())
        return words


@lru_cache(maxsize=8)
def tokenizer_with(words: tuple[Word, ...] = ()) -> Tokenizer:
    """The tokenizer for a word list, built once per list in a process (a vocabulary's tokenizer is shared)."""
    return Tokenizer(words)
