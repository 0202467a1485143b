"""The link gate: a document's links are counted only where links on documents of its kind clear the bar."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from helpers.framing.reliability import kind_group, link_gate
from helpers.framing.shifts import load_label_quality


def quality(rows):
    return pd.DataFrame(rows, columns=["label", "half", "precision", "recall", "support", "predicted", "tp"])


CAVEATS_TRANSLATION = pd.DataFrame({"kind": ["translation"], "evidence": [""], "affects": [""]})
CAVEATS_SUMMARY = pd.DataFrame({"kind": ["chinese_much_shorter"], "evidence": [""], "affects": [""]})
CAVEATS_NONE = pd.DataFrame({"kind": pd.Series([], dtype=str), "evidence": [], "affects": []})


def test_kind_group_reads_the_translation_caveat():
    assert kind_group(CAVEATS_TRANSLATION) == "translations"
    assert kind_group(CAVEATS_SUMMARY) == "summaries"
    assert kind_group(CAVEATS_NONE) == "summaries"


def test_links_on_a_kind_above_the_bar_are_counted_and_below_it_are_not():
    q = quality([("link:translations", "test", "0.980", "0.970", 315, 310, 304),
                 ("link:summaries", "test", "0.520", "0.660", 41, 52, 27),
                 ("link:summaries", "tuning", "0.950", "0.900", 75, 80, 76)])
    ok = link_gate(CAVEATS_TRANSLATION, q)
    assert ok.presented and ok.why == "" and ok.group == "translations"
    held = link_gate(CAVEATS_SUMMARY, q)  # the tuning half's 0.95 does not count: the test half decides
    assert not held.presented and held.precision == pytest.approx(0.52)
    assert "27 times in 52" in held.why and "52%" in held.why


def test_too_few_links_or_none_measured_are_not_counted():
    few = quality([("link:summaries", "test", "1.000", "1.000", 3, 3, 3)])
    assert not link_gate(CAVEATS_SUMMARY, few).presented
    none = link_gate(CAVEATS_SUMMARY, quality([]))
    assert not none.presented and math.isnan(none.precision) and "not been measured" in none.why


def test_the_shipped_quality_file_measures_links_of_both_kinds_and_the_gate_follows_it():
    q = load_label_quality()
    for group, caveats in (("translations", CAVEATS_TRANSLATION), ("summaries", CAVEATS_SUMMARY)):
        row = q[(q["half"] == "test") & (q["label"] == f"link:{group}")]
        assert len(row) == 1
        gate = link_gate(caveats, q)
        assert gate.presented == (float(row["precision"].iloc[0]) >= 0.8 and int(row["predicted"].iloc[0]) >= 5)
