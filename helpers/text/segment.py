"""One shared jieba tokenizer, created on first use with its log silenced, and plain functions over it.

Importing this module loads nothing; the dictionary loads the first time a function needs it.
"""

from __future__ import annotations

import logging
import re
import warnings
from collections.abc import Iterable
from functools import lru_cache

# Han characters (CJK unified ideographs, extension A, compatibility ideographs): the one
# definition of "Chinese script" every module uses.
HAN_CLASS = r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
HAN = re.compile(HAN_CLASS)
HAN_RUN = re.compile(HAN_CLASS + "+")


@lru_cache(maxsize=1)
def quiet_jieba():
    """The jieba module, imported with its pkg_resources warning and load log silenced."""
    # jieba logs its load time to stderr and its import warns about pkg_resources: both would
    # land in notebook outputs, so silence them before anything loads.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import jieba
    jieba.setLogLevel(logging.WARNING)
    logging.getLogger("jieba").setLevel(logging.WARNING)
    return jieba


@lru_cache(maxsize=1)
def get_tokenizer():
    """The shared jieba Tokenizer, dictionary loaded."""
    jieba = quiet_jieba()
    tokenizer = jieba.Tokenizer()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        tokenizer.initialize()
    return tokenizer


def add_words(words: Iterable[str], *, freq: int = 200000) -> None:
    """Teach the shared tokenizer words to keep whole (names from the gazetteer, glossary terms)."""
    tokenizer = get_tokenizer()
    for word in words:
        if word and " " not in word:
            tokenizer.add_word(word, freq=freq)


def tokenize_zh(text: str, *, hmm: bool = False) -> list[tuple[str, int, int]]:
    """Cut Chinese text into (token, start, end), offsets into ``text``.

    >>> [t for t, _, _ in tokenize_zh("中国开发者")]
    ['中国', '开发者']
    """
    return list(get_tokenizer().tokenize(text, HMM=hmm))


def cut_zh(text: str, *, hmm: bool = False) -> list[str]:
    """Cut Chinese text into tokens (jieba's precise mode)."""
    return get_tokenizer().lcut(text, HMM=hmm)
