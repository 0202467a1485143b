"""Frames built from columns already typed, without the constructor's per-column checks (speed).

A document's tables are small (tens of rows), so ``pd.DataFrame(dict)`` costs more in its checks (each column
sanitised, its dtype looked at, the index inferred from every column) than in its data: about 0.1 ms a table, a
tenth of a short document's analysis. ``typed_frame`` builds the same frame, column for column and dtype for
dtype, when every column is a numpy array, a pandas array or a Series (each copied, as the constructor copies a dict's
columns); given anything it would have to infer (a list, a range) it leaves the frame to the constructor.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pandas as pd
from pandas.api.extensions import ExtensionArray

__all__ = ["TEXT", "array_of", "column", "taken", "text_array", "typed_frame"]

#: The dtype pandas infers for a list of strings.
TEXT = pd.Series([""]).dtype
_STR = {str}


def text_array(values: list) -> ExtensionArray:
    """``pd.array(values, dtype=TEXT)``: for a list of strings only, made from a numpy array of them (a tenth of the
    cost: the strings' type checked in one pass, not each converted and checked again); anything else as pandas makes
    it."""
    if values and getattr(TEXT, "storage", None) == "python" and set(map(type, values)) == _STR:
        # every value a str, checked here: the array wraps them as they are (its constructor would check them again)
        return pd.arrays.StringArray._simple_new(np.array(values, dtype=object), TEXT)
    return pd.array(values, dtype=TEXT)


def column(frame: pd.DataFrame, name: str):
    """The values of ``frame[name]`` as the frame holds them (a numpy array or a pandas array, not copied: do not
    change them), without making a Series of them: ``frame[name]`` costs ten times as much, and an extraction reads
    about seventy columns (a tenth of a short document's time). ``frame[name].array`` for a pandas array,
    ``frame[name].to_numpy()`` for a numpy one (tests/test_one_pass.py)."""
    return frame._get_column_array(frame.columns.get_loc(name))


def array_of(frame: pd.DataFrame, name: str) -> ExtensionArray:
    """``frame[name].array`` (not copied), without making a Series of the column (``column``)."""
    values = column(frame, name)
    return values if isinstance(values, ExtensionArray) else pd.arrays.NumpyExtensionArray(values)


def taken(frame: pd.DataFrame, name: str, positions) -> ExtensionArray:
    """``frame[name].array.take(positions)``, without making a Series of the column (``column``)."""
    return array_of(frame, name).take(positions)


def typed_frame(data: dict[str, object], columns: list[str]) -> pd.DataFrame:
    """``pd.DataFrame({c: data[c] for c in columns}, columns=columns)``, the same frame (tests/test_one_pass.py)."""
    arrays, length = [], None
    for name in columns:
        values = data[name]
        typed = isinstance(values, pd.Series)  # a Series keeps its dtype, object included
        if typed:
            values = values.to_numpy() if isinstance(values.dtype, np.dtype) else values.array
        if isinstance(values, np.ndarray):
            # a numpy column as the constructor keeps it: one dimension, and not a bare object array (whose strings
            # the constructor would type)
            if values.ndim != 1 or (values.dtype == object and not typed):
                return _constructed(data, columns)
        elif not isinstance(values, ExtensionArray):
            return _constructed(data, columns)
        if length is None:
            length = len(values)
        elif len(values) != length:
            return _constructed(data, columns)  # the constructor's own error
        arrays.append(values.copy())
    if length is None:  # no columns: the constructor's empty frame (a typed frame without rows is built as any other:
        # the same frame, a third of the constructor's cost)
        return _constructed(data, columns)
    return pd.DataFrame._from_arrays(arrays, columns=_index(tuple(columns)).copy(), index=pd.RangeIndex(length),
                                     verify_integrity=False)


@lru_cache(maxsize=64)
def _index(columns: tuple[str, ...]) -> pd.Index:
    # one per list of column names, each frame given a shallow copy (its name its own): building one costs a third of
    # the frame
    return pd.Index(list(columns))


def _constructed(data: dict[str, object], columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame({c: data[c] for c in columns}, columns=columns)
