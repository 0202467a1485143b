"""Parsed data pickled under ``.cache/``: read back while its source is unchanged, rebuilt when missing or damaged.

The cache file's name carries whatever the parse depends on (source size and mtime, parser version…),
so a changed source or parser simply misses and builds a new file; the old one is never trusted.
"""

from __future__ import annotations

import os
import pickle
from pathlib import Path
from typing import Callable, TypeVar

T = TypeVar("T")


def load_or_build(cache_file: Path, build: Callable[[], T]) -> T:
    """The pickled value in ``cache_file``, or ``build()``'s, written there atomically for next time."""
    if cache_file.exists():
        try:
            with open(cache_file, "rb") as handle:
                return pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, TypeError):
            pass  # a damaged cache is rebuilt below
    value = build()
    cache_file.parent.mkdir(parents=True, exist_ok=True)
    partial = cache_file.with_suffix(f".{os.getpid()}.tmp")
    with open(partial, "wb") as handle:
        pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(partial, cache_file)  # atomic: a concurrent reader sees the old file or the whole new one
    return value
