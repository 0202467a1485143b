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
        assert gate.presented == (float(row["precision"].iloc[0]) >= 0.8 and int(row["predicted"].iloc[0]) >= 5
                                  and float(row["recall"].iloc[0]) >= 0.5)


def test_links_right_every_time_but_found_too_rarely_are_not_counted():
    """What the Chinese drops and adds is read off the sentences left unlinked: links that are right but find a
    quarter of the sentences with a source would have three quarters of them read as dropped."""
    q = quality([("link:summaries", "test", "1.000", "0.244", 41, 10, 10)])
    held = link_gate(CAVEATS_SUMMARY, q)
    assert not held.presented and held.recall == pytest.approx(0.244)
    assert "10 of the 41 sentences" in held.why and "24%" in held.why and "50%" in held.why
    assert link_gate(CAVEATS_SUMMARY, q, min_recall=0.2).presented
    enough = quality([("link:summaries", "test", "0.900", "0.600", 40, 30, 27)])
    assert link_gate(CAVEATS_SUMMARY, enough).presented


# ---- what the pages and slides say when the links are held back -------------------------------------------------

from helpers.framing.reliability import LinkGate  # noqa: E402
from helpers.render import deck, figures, narrative  # noqa: E402

HELD = LinkGate(False, "summaries", 0.52, 52, "on summaries in the corpus gold's test half, the aligner's links were "
                "right 27 times in 52 (52%), under the bar of 80%")
SHOWN = LinkGate(True, "translations", 0.98, 310, "")
ALIGNMENT = pd.DataFrame({"zh_claim_id": [1.0, 2.0, 3.0], "en_claim_id": [10.0, None, 11.0],
                          "score": [0.5, None, 0.4], "relation": ["summarises", "addition", "summarises"]})
COVERAGE = pd.DataFrame({"section": [0, 1], "heading": ["", "Second part"], "claims": [6, 6], "chars": [600, 600],
                         "carried_claims": [5, 0], "carried_chars": [500, 0], "share_claims": [5 / 6, 0.0],
                         "share_chars": [500 / 600, 0.0]})
SHIFTS = pd.DataFrame({"shift": pd.Series([], dtype=str), "value": pd.Series([], dtype=str),
                       "claims": pd.Series([], dtype=int)})
ADDITIONS = pd.DataFrame({"addition": ["aside"], "zh_claim_id": [2], "voice": ["commentator"], "surface": [""],
                          "text": ["我的看法。"]})


def test_held_links_give_one_sentence_and_no_count_that_rests_on_them():
    held = narrative.framing_findings(ALIGNMENT, COVERAGE, SHIFTS, ADDITIONS, links=HELD,
                                      include=("links", "coverage"))
    assert held == [narrative.links_withheld(HELD)]
    assert "27 times in 52" in held[0] and "2 of 3" not in held[0]
    shown = narrative.framing_findings(ALIGNMENT, COVERAGE, SHIFTS, ADDITIONS, links=SHOWN,
                                       include=("links", "coverage"))
    assert shown[0].startswith("2 of 3 Chinese sentences")
    only_coverage = narrative.framing_findings(ALIGNMENT, COVERAGE, SHIFTS, ADDITIONS, links=HELD, include=("coverage",))
    assert only_coverage == [narrative.links_withheld(HELD)]


def test_slide_titles_and_the_coverage_chart_count_nothing_when_the_links_are_held_back():
    assert not any(ch.isdigit() for ch in deck.coverage_title(COVERAGE, links=HELD))
    assert not any(ch.isdigit() for ch in deck.additions_title(ALIGNMENT, ADDITIONS, links=HELD))
    assert deck.coverage_title(COVERAGE, links=SHOWN).startswith("The Chinese keeps 1 of 2 English sections")
    assert deck.additions_title(ALIGNMENT, ADDITIONS, links=SHOWN).startswith("1 of 3 Chinese sentences")
    fig = figures.plot_section_coverage(COVERAGE, links=HELD)
    assert not fig.axes[0].patches  # no bar drawn
    assert len(figures.plot_section_coverage(COVERAGE, links=SHOWN).axes[0].patches) == 2


def test_label_quality_read_before_is_given_as_a_copy_and_read_again_once_edited(tmp_path):
    path = tmp_path / "quality.csv"
    path.write_text("label,half,precision\nsoftened,test,0.5\n", encoding="utf-8")
    first = load_label_quality(path)
    first.loc[0, "precision"] = 1.0
    assert load_label_quality(path).loc[0, "precision"] == 0.5
    path.write_text("label,half,precision\nsoftened,test,0.9\n", encoding="utf-8")
    assert load_label_quality(path).loc[0, "precision"] == 0.9
