"""Write tables so that Excel shows Chinese and no reader ever sees a half-written file.

Formula injection (CSV injection): a spreadsheet treats a cell that begins with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return as a formula, and the article's text is not ours to
trust. Following the OWASP guidance, the *written CSV* prefixes such a cell with an apostrophe
(``=HYPERLINK(…)`` is written ``'=HYPERLINK(…)``); the tables in memory stay verbatim. So that the
change can be undone exactly, a cell made of apostrophes followed by one of those characters
(``'=x``) gets one more apostrophe too: ``restore_formulas`` (and ``read_table``) strip exactly
one leading apostrophe from every cell that matches ``'+[=+\\-@\\t\\r]…``, giving back the
verbatim text, so ``text[start:end] == row.text`` holds again. Numeric columns are never touched.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

import pandas as pd

#: Characters that make a spreadsheet read a cell as a formula (OWASP, "CSV Injection").
FORMULA_TRIGGERS = "=+-@\t\r"
# A cell to escape on writing: any run of apostrophes, then a trigger.
NEEDS_ESCAPE = re.compile(r"^'*[=+\-@\t\r]")
# A cell escaped on writing: one or more apostrophes, then a trigger.
ESCAPED = re.compile(r"^'+[=+\-@\t\r]")


def _text_columns(table: pd.DataFrame) -> list[str]:
    return [c for c in table.columns if table[c].dtype == object or pd.api.types.is_string_dtype(table[c].dtype)]


def neutralise_formulas(table: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``table`` whose text cells a spreadsheet will not run: ``=1+1`` -> ``'=1+1``.

    Only for writing: the input frame is not modified. Non-string cells are left as they are.
    """
    # read as plain lists (a pandas map per column cost more than the test itself: corpus mode writes every table)
    columns = [c for c in _text_columns(table) if any(map(_needs_escape, table[c].tolist()))]
    if not columns:
        return table
    table = table.copy()
    for column in columns:
        table[column] = table[column].map(lambda v: "'" + v if _needs_escape(v) else v)
    return table


def restore_formulas(table: pd.DataFrame) -> pd.DataFrame:
    """Undo ``neutralise_formulas`` on a table read back from CSV: ``'=1+1`` -> ``=1+1``."""
    table = table.copy()
    for column in _text_columns(table):
        table[column] = table[column].map(lambda v: v[1:] if isinstance(v, str) and ESCAPED.match(v) else v)
    return table


def _needs_escape(value) -> bool:
    return isinstance(value, str) and NEEDS_ESCAPE.match(value) is not None


def read_table(path: str | Path) -> pd.DataFrame:
    """Read a table this module wrote, verbatim: BOM removed, empty cells as "", formulas restored."""
    return restore_formulas(pd.read_csv(path, encoding="utf-8-sig", keep_default_na=False))


def csv_text(table: pd.DataFrame, *, header: bool = True) -> str:
    """The CSV text ``write_csv_atomic`` writes for ``table`` (no BOM), formulas neutralised."""
    return neutralise_formulas(table).to_csv(index=False, header=header, lineterminator="\r\n")


def write_csv_atomic(table: pd.DataFrame, path: str | Path) -> Path:
    """Write ``table`` as UTF-8 CSV with a BOM, via a temporary file renamed into place.

    Text cells that a spreadsheet would run as a formula are written with a leading apostrophe
    (see the module docstring); ``table`` itself is not changed.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8-sig", newline="") as stream:
            stream.write(csv_text(table))
        publish(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target


def publish(temporary: str | Path, target: str | Path) -> None:
    """Rename a finished temporary file into place, readable as any new file would be (mkstemp makes 0600)."""
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(temporary, 0o666 & ~umask)
    os.replace(temporary, target)


def write_tables(tables: dict[str, pd.DataFrame], out_dir: str | Path) -> list[Path]:
    """Write several tables as ``<name>.csv`` under ``out_dir``; each file appears whole or not at all."""
    return [write_csv_atomic(table, Path(out_dir) / f"{name}.csv") for name, table in tables.items()]
