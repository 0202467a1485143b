"""Write tables so that Excel shows Chinese and no reader ever sees a half-written file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pandas as pd


def write_csv_atomic(table: pd.DataFrame, path: str | Path) -> Path:
    """Write ``table`` as UTF-8 CSV with a BOM, via a temporary file renamed into place."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8-sig", newline="") as stream:
            table.to_csv(stream, index=False, lineterminator="\r\n")
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target


def write_tables(tables: dict[str, pd.DataFrame], out_dir: str | Path) -> list[Path]:
    """Write several tables as ``<name>.csv`` under ``out_dir``; each file appears whole or not at all."""
    return [write_csv_atomic(table, Path(out_dir) / f"{name}.csv") for name, table in tables.items()]
