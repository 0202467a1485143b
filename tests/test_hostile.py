"""Hostile input: markup stays verbatim, spreadsheets never run a cell, odd characters do not break tables."""

import os

import pandas as pd
import pytest

from helpers.export import read_table, write_tables
from helpers.pipeline import extract

TABLES = ["claims", "mentions", "blocks", "candidates", "repairs"]
HOSTILE = (
    "作者认为,<script>alert(1)</script> 是一种攻击。DeepSeek 很强。\n"
    "=HYPERLINK(\"http://x\",\"click\")是公式。\n"
    "+1 的说法,-2 的说法,@SUM(A1) 也是。\n"
    "\t制表符开头的一行。\n"
    "The original said <img src=x onerror=alert(1)> was harmless. Qwen agreed.\n"
    "-cmd|' /C calc'!A0 is a classic payload. It may well work.\n"
)
CONTROL_AND_BIDI = (
    "中国\u202e实验室\u202c很强。\u2066DeepSeek\u2069 开源了\u200b模型。\x07响铃\x1b[31m红色\x1b[0m。\r\n"
    "Kimi\u202dtxet desrever\u202c is fast.\u2028 It\u00a0may\u3000win. \x0bVertical\x0ctab.\r"
    "\ufeffBOM inside. Last\u2067 line\u2069.\n"
)


@pytest.fixture(scope="module")
def hostile_tables():
    return extract(HOSTILE)


def test_markup_stays_verbatim_in_the_tables(hostile_tables):
    texts = " ".join(hostile_tables.claims["text"])
    assert "<script>alert(1)</script>" in texts
    assert "<img src=x onerror=alert(1)>" in texts
    assert all(HOSTILE[a:b] == t for a, b, t in zip(hostile_tables.claims["start"], hostile_tables.claims["end"],
                                                     hostile_tables.claims["text"]))


def test_csv_neutralises_formulas_but_memory_stays_verbatim(hostile_tables, tmp_path):
    blocks = hostile_tables.blocks
    assert blocks["text"].str.startswith("=HYPERLINK").any()  # in memory: verbatim
    write_tables({name: getattr(hostile_tables, name) for name in TABLES}, tmp_path)
    raw = pd.read_csv(tmp_path / "blocks.csv", encoding="utf-8-sig", keep_default_na=False)
    for text in raw["text"]:
        assert not text.startswith(tuple("=+-@\t\r")), text
    assert "'=HYPERLINK(\"http://x\",\"click\")是公式。" in set(raw["text"])
    assert "'-cmd|' /C calc'!A0 is a classic payload. It may well work." in set(raw["text"])
    assert "'+1 的说法,-2 的说法,@SUM(A1) 也是。" in set(raw["text"])
    # read_table undoes the escape, so every row traces back to the source again
    for name in ("blocks", "claims"):
        back = read_table(tmp_path / f"{name}.csv")
        assert all(HOSTILE[a:b] == t for a, b, t in zip(back["start"], back["end"], back["text"]))
    assert blocks["text"].str.startswith("=HYPERLINK").any()  # writing did not touch the frame


def test_control_and_bidi_characters_survive_a_csv_round_trip(tmp_path):
    tables = extract(CONTROL_AND_BIDI)
    assert len(tables.claims) >= 5
    write_tables({name: getattr(tables, name) for name in TABLES}, tmp_path)
    for name, column in (("claims", "text"), ("blocks", "text"), ("mentions", "surface")):
        original = getattr(tables, name)
        back = read_table(tmp_path / f"{name}.csv")
        assert len(back) == len(original)
        assert back["start"].tolist() == original["start"].tolist()
        assert back["end"].tolist() == original["end"].tolist()
        assert back[column].tolist() == original[column].tolist()
        assert all(CONTROL_AND_BIDI[a:b] == t for a, b, t in zip(back["start"], back["end"], back[column]))


def test_html_rendering_escapes_a_hostile_claim(hostile_tables):
    html = hostile_tables.claims[["claim_id", "text"]].to_html()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>" not in html and "<img" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_a_long_one_line_document_with_many_full_stops():
    # One 100 kB line, thousands of sentences and abbreviations: the sentence splitter once sliced
    # the whole line at every full stop (quadratic); offsets must still hold.
    text = "In the U.S. labs ship fast. Dr. Li agrees, e.g. on chips. " * 1700
    tables = extract(text)
    assert len(tables.blocks) == 1
    claims = tables.claims
    assert len(claims) == 2 * 1700
    assert all(text[a:b] == t for a, b, t in zip(claims["start"], claims["end"], claims["text"]))


@pytest.mark.skipif(not os.environ.get("BUNDLE_LARGE_TESTS"), reason="set BUNDLE_LARGE_TESTS=1 (minutes)")
def test_an_eight_megabyte_document_extracts_like_its_parts(seed_document):
    # The seed repeated to ~8 MB: every table scales with the number of copies, offsets hold.
    text = seed_document.text + "\n"  # the seed ends without one: copies must not glue lines
    copies = 8 * 2**20 // len(text.encode("utf-8"))
    one, many = extract(text), extract(text * copies)
    assert len(many.claims) == copies * len(one.claims)
    assert len(many.mentions) == copies * len(one.mentions)
    big = text * copies
    assert all(big[a:b] == t for a, b, t in zip(many.claims["start"], many.claims["end"], many.claims["text"]))
