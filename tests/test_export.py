"""Export: atomic CSV with a BOM, formula cells neutralised in the file only, and exactly reversibly."""

import os

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.export import neutralise_formulas, read_table, restore_formulas, write_csv_atomic

CASES = [  # cell, as written
    ("=1+1", "'=1+1"),
    ("+86 138", "'+86 138"),
    ("-5%", "'-5%"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\tcmd", "'\tcmd"),
    ("\rcmd", "'\rcmd"),
    ("'=already", "''=already"),   # so that reading back is exact
    ("a=b", "a=b"),
    ("'quoted'", "'quoted'"),
    ("中文=", "中文="),
    ("", ""),
]


@pytest.mark.parametrize("cell, written", CASES)
def test_neutralise_formulas(cell, written):
    table = pd.DataFrame({"text": [cell], "n": [-1]})
    out = neutralise_formulas(table)
    assert out.loc[0, "text"] == written
    assert out.loc[0, "n"] == -1  # numbers are never touched
    assert table.loc[0, "text"] == cell  # the input frame is unchanged
    assert restore_formulas(out).loc[0, "text"] == cell


def test_written_file_has_a_bom_crlf_and_the_apostrophe(tmp_path):
    table = pd.DataFrame({"start": [0, 5], "text": ["=cmd", "fine"]})
    path = write_csv_atomic(table, tmp_path / "t.csv")
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data
    assert b"'=cmd" in data
    assert table.loc[0, "text"] == "=cmd"
    assert read_table(path)["text"].tolist() == ["=cmd", "fine"]
    assert [p.name for p in tmp_path.iterdir()] == ["t.csv"]  # no temporary left
    assert oct(os.stat(path).st_mode & 0o777) != oct(0o600)  # readable like any new file


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path):
    path = write_csv_atomic(pd.DataFrame({"a": [1]}), tmp_path / "t.csv")
    before = path.read_bytes()

    class Boom(pd.DataFrame):
        def to_csv(self, *args, **kwargs):
            raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        write_csv_atomic(Boom({"a": [2]}), path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["t.csv"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from("'=+-@\t\r\na,\"中 "), max_size=8), min_size=1, max_size=5))
def test_neutralise_then_csv_then_restore_is_the_identity(tmp_path_factory, cells):
    path = tmp_path_factory.mktemp("csv") / "t.csv"
    # two columns, like every real table (a one-column CSV row of spaces reads back as a blank line)
    write_csv_atomic(pd.DataFrame({"id": range(len(cells)), "text": cells}), path)
    back = read_table(path)
    assert back["text"].tolist() == cells
