"""Load the editable vocabularies in data/reference/: cue lists, stoplists, lexicons."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pandas as pd

from .paths import REFERENCE


def read_table(path: str | Path) -> pd.DataFrame:
    """Read a reference CSV whose leading '#' lines are its documentation; all cells are strings."""
    return pd.read_csv(path, comment=None, dtype=str, keep_default_na=False, skiprows=_count_header_lines(path))


def _count_header_lines(path: str | Path) -> int:
    with open(path, encoding="utf-8") as handle:
        count = 0
        for line in handle:
            if not line.startswith("#"):
                break
            count += 1
    return count


def read_word_list(path: str | Path) -> list[str]:
    """Read a one-entry-per-line list, skipping blank lines and '#' comments."""
    with open(path, encoding="utf-8") as handle:
        return [line.strip() for line in handle if line.strip() and not line.lstrip().startswith("#")]


@lru_cache(maxsize=None)
def load_cues(path: str | Path = REFERENCE / "cues.csv") -> pd.DataFrame:
    """The cue table (columns cue, lang, category, match, source); cached, do not mutate."""
    table = read_table(path)
    missing = {"cue", "lang", "category", "match"} - set(table.columns)
    if missing:
        raise ValueError(f"{path}: missing columns {sorted(missing)}")
    return table
