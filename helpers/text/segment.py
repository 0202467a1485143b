"""Cutting Chinese into words: one ``Tokenizer`` object per vocabulary, passed to everything that cuts.

A ``Tokenizer`` is jieba's dictionary plus the words a document's vocabulary must keep whole (the gazetteer's
names, the glossary's terms), in a ``jieba.Tokenizer`` of its own. Nothing here, or anywhere in the package, adds
a word to a tokenizer after it is built, or touches jieba's shared default instance: the same text is cut the same
way whatever ran before in the process. ``tokenizer_with(words)`` builds one per word list and keeps it.

Importing this module loads nothing; jieba's dictionary loads the first time a tokenizer cuts.
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import logging
import os
import sys
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


@lru_cache(maxsize=1)
def rjieba_class():
    """jieba-rs's ``Jieba`` class, loaded on the first cut. Importing the ``rjieba`` package builds a default instance
    with its dictionary (0.6 s a process: every kernel, every worker) that nothing here uses; the compiled module
    alone is loaded where it can be found, the package otherwise."""
    if "rjieba" not in sys.modules:
        try:
            spec = importlib.util.find_spec("rjieba")
            for folder in spec.submodule_search_locations or ():
                for suffix in importlib.machinery.EXTENSION_SUFFIXES:
                    location = os.path.join(folder, f"rjieba{suffix}")
                    if not os.path.isfile(location):
                        continue
                    compiled = importlib.util.spec_from_file_location("rjieba.rjieba", location)
                    module = importlib.util.module_from_spec(compiled)
                    compiled.loader.exec_module(module)
                    sys.modules["rjieba.rjieba"] = module  # a later ``import rjieba`` reuses it
                    return module.Jieba
        except (ImportError, AttributeError, OSError):
            pass
    import rjieba

    return rjieba.Jieba


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
        self._rjieba = None
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

    @property
    def rjieba(self):
        """jieba-rs (``rjieba``) with the same dictionary and words: the cut without HMM, on first use."""
        if self._rjieba is None:
            with self._lock:
                if self._rjieba is None:
                    tokenizer = rjieba_class()()
                    for word, freq, tag in self.words:
                        tokenizer.add_word(word, freq, tag)
                    self._rjieba = tokenizer
        return self._rjieba

    def tokenize(self, text: str, *, hmm: bool = False) -> list[tuple[str, int, int]]:
        """Cut text into (token, start, end), offsets into ``text``.

        >>> [t for t, _, _ in Tokenizer().tokenize("中国开发者")]
        ['中国', '开发者']
        """
        if hmm:
            return list(self.jieba.tokenize(text, HMM=True))
        return self.rjieba.tokenize(text, hmm=False)

    def cut(self, text: str, *, hmm: bool = False) -> list[str]:
        """Cut text into tokens (jieba's precise mode), everything kept, Latin and spaces included."""
        return self.jieba.lcut(text, HMM=True) if hmm else self.rjieba.cut(text, hmm=False)

    def han_words(self, text: str, *, hmm: bool = False) -> list[str]:
        """The words of ``text``'s Han runs only (Latin and digits are left to the English tokeniser).

        >>> Tokenizer().han_words("中国实验室缺 Nvidia 芯片")
        ['中国', '实验室', '缺', '芯片']
        """
        words: list[str] = []
        for run in HAN_RUN.findall(text):
            words.extend(w for w in self.cut(run, hmm=hmm) if w.strip())
        return words


@lru_cache(maxsize=8)
def tokenizer_with(words: tuple[Word, ...] = ()) -> Tokenizer:
    """The tokenizer for a word list, built once per list in a process (a vocabulary's tokenizer is shared)."""
    return Tokenizer(words)


class SentenceCuts:
    """One cut per sentence: a ``Tokenizer``'s cuts kept by text, so that every stage reading a sentence (claims'
    cues, alignment, frames, themes) reads the one cut made of it. It answers as a ``Tokenizer`` does.

    A document's analysis owns one (``helpers.pipeline.Analysis.cuts``). ``tokenize`` keeps each text's cut (made
    once, HMM off, never changed); ``cut`` and ``han_words`` read a kept cut, and pass any other text (a
    dictionary's rendering) to the tokenizer without keeping it.

    >>> cuts = SentenceCuts(Tokenizer([("美团", 100000, "nt")]))
    >>> [t for t, _, _ in cuts.tokenize("美团缺芯片")], cuts.cut("美团缺芯片"), len(cuts)
    (['美团', '缺', '芯片'], ['美团', '缺', '芯片'], 1)
    >>> cuts.cut("芯片很缺"), len(cuts)
    (['芯片', '很', '缺'], 1)
    """

    def __init__(self, tokenizer: Tokenizer):
        self.tokenizer = tokenizer
        self._cuts: dict[str, list[tuple[str, int, int]]] = {}

    def __repr__(self) -> str:
        return f"SentenceCuts({len(self._cuts)} texts, {self.tokenizer!r})"

    def __len__(self) -> int:
        return len(self._cuts)

    @property
    def words(self) -> tuple[Word, ...]:
        return self.tokenizer.words

    def tokenize(self, text: str, *, hmm: bool = False) -> list[tuple[str, int, int]]:
        """``Tokenizer.tokenize``, cut once per text."""
        if hmm:
            return self.tokenizer.tokenize(text, hmm=True)
        cut = self._cuts.get(text)
        if cut is None:
            cut = self._cuts[text] = self.tokenizer.tokenize(text)
        return list(cut)

    def cut(self, text: str, *, hmm: bool = False) -> list[str]:
        """``Tokenizer.cut``, read from the kept cut of ``text`` if there is one."""
        kept = None if hmm else self._cuts.get(text)
        return self.tokenizer.cut(text, hmm=hmm) if kept is None else [token for token, _, _ in kept]

    def han_words(self, text: str, *, hmm: bool = False) -> list[str]:
        """``Tokenizer.han_words``, read from the one cut of ``text``: its all-Han tokens; a token mixing Han with
        Latin or digits (A股) gives the words of its Han runs. (On the 1,402 Chinese sentences of data/raw, the
        tests' fixtures and the development corpus: the same words as cutting each Han run apart.)

        >>> cuts = SentenceCuts(Tokenizer())
        >>> _ = cuts.tokenize("中国实验室缺 Nvidia 芯片")
        >>> cuts.han_words("中国实验室缺 Nvidia 芯片")
        ['中国', '实验室', '缺', '芯片']
        """
        kept = None if hmm else self._cuts.get(text)
        if kept is None:
            return self.tokenizer.han_words(text, hmm=hmm)
        words: list[str] = []
        for token, _, _ in kept:
            if HAN_RUN.fullmatch(token):
                words.append(token)
            elif HAN_RUN.search(token):
                words.extend(self.tokenizer.han_words(token))
        return words
