"""Notebook 06's tables (helpers.corpus): each document's kind from its caveats, shift labels counted only where the
gate lets them through (the rest worth reading side by side, never counted), labs by name, English sections dropped
whole per kind. Made-up tables of two documents, so that every figure can be checked by hand."""

import pandas as pd
import pytest

from helpers import corpus
from helpers.corpus import DOC_ID, NO_SHIFT, NO_VALUE, WORTH_READING
from helpers.framing.shifts import GATE_COLUMNS

#: voice:attributed counted; every other label held back (as if measured right under 8 times in 10)
GATE = pd.DataFrame([("voice:attributed", True, 0.9, 40, ""),
                     ("voice:absorbed", False, 0.3, 6, "precision 0.30"),
                     ("certainty:softened", False, 0.2, 7, "precision 0.20"),
                     ("certainty:sharpened", False, 0.1, 6, "precision 0.10"),
                     ("generalisation:generalised", False, float("nan"), 0, "too few"),
                     ("generalisation:particularised", False, float("nan"), 0, "too few")], columns=GATE_COLUMNS)


def frame(rows, columns):
    return pd.DataFrame(rows, columns=[DOC_ID, *columns]).astype({DOC_ID: "string"})


@pytest.fixture
def tables():
    return {
        "documents": frame([("t", "t.txt", "A translated README", "utf-8", "simplified", 100, ""),
                            ("s", "s.txt", "", "utf-8", "traditional", 80, "")],
                           ["file", "title", "encoding", "script", "chars", "caveat"]),
        "caveats": frame([("s", "traditional_script", "", ""), ("s", "chinese_much_shorter", "", ""),
                          ("t", "translation", "", "")], ["kind", "evidence", "affects"]),
        "alignment": frame([("t", 1, 10, 0.9, "summarises"), ("t", 2, 11, 0.8, "summarises"),
                            ("t", 3, None, None, "addition"), ("s", 1, 20, 0.7, "summarises"),
                            ("s", 2, None, None, "addition"), ("s", None, 21, None, "omission")],
                           ["zh_claim_id", "en_claim_id", "score", "relation"]),
        "coverage": frame([("t", 0, "", 2, 100, 2, 100), ("t", 1, "Usage", 2, 50, 0, 0),
                           ("s", 0, "", 3, 300, 1, 60), ("s", 1, "Why", 2, 200, 0, 0)],
                          ["section", "heading", "claims", "chars", "carried_claims", "carried_chars"]),
        "framing": frame([("t", 1, "softened", "attributed", ""), ("t", 2, "unchanged", "plain", "generalised"),
                          ("t", 3, "", "", ""), ("s", 1, "sharpened", "absorbed", ""), ("s", 2, "", "", "")],
                         ["zh_claim_id", "certainty_shift", "voice_shift", "generalisation_shift"]),
        "shifts": frame([("t", "certainty", "softened", 1), ("t", "certainty", "unchanged", 1),
                         ("t", "voice", "attributed", 1), ("t", "generalisation", "generalised", 1),
                         ("s", "certainty", "sharpened", 1), ("s", "voice", "absorbed", 1)],
                        ["shift", "value", "claims"]),
        "mentions": frame([("t", "openai", "commentary"), ("t", "openai", "original"), ("s", "anthropic", "original")],
                          ["org", "part"]),
    }


def test_each_documents_kind_comes_from_its_caveats_in_their_order(tables):
    kinds = corpus.document_kinds(tables)
    assert kinds.to_dict() == {"t": "translation", "s": "chinese_much_shorter, traditional_script"}
    tables["caveats"] = tables["caveats"].iloc[:0]
    assert set(corpus.document_kinds(tables)) == {NO_VALUE}


def test_a_label_the_gate_holds_back_is_worth_reading_not_counted(tables):
    documents = corpus.corpus_documents(tables, gate=GATE)
    assert [c for c in documents.columns if ": " in c] == ["voice: attributed"]  # the one counted label
    assert documents.loc["t", "voice: attributed"] == 1 and documents.loc["s", "voice: attributed"] == 0
    # t: sentence 1 (softened) and sentence 2 (generalised); s: sentence 1 (sharpened and absorbed: one sentence)
    assert documents.loc["t", "worth_reading"] == 2 and documents.loc["s", "worth_reading"] == 1
    assert documents.loc["t", "additions"] == 1 and documents.loc["t", "zh_sentences"] == 3
    assert documents.loc["s", "title"] == "s.txt"  # no title: the file's name
    assert documents.loc["t", "carried"] == pytest.approx(100 / 150)
    # the summary's links are not reliable enough (data/reference/label_quality.csv): its share and additions not counted
    assert documents.loc["s", "links"] == corpus.LINKS_READ
    assert pd.isna(documents.loc["s", "carried"]) and pd.isna(documents.loc["s", "additions"])
    assert documents.loc["t", "labs_zh"] == documents.loc["t", "labs_en"] == "OpenAI"
    assert documents.loc["s", "labs_zh"] == "" and documents.loc["s", "labs_en"] == "Anthropic"


def test_the_distribution_counts_only_what_the_gate_counts(tables):
    distribution = corpus.shift_distribution(tables, gate=GATE)
    # the author's claim kept as the author's is no shift, though its label is counted
    assert distribution.loc[("voice", "attributed"), "status"] == NO_SHIFT
    assert distribution.loc[("voice", "attributed"), "sentences"] == 1
    assert distribution.loc[("certainty", "unchanged"), "status"] == NO_SHIFT
    held = distribution[distribution["status"] == WORTH_READING]
    assert set(held.index) == {("certainty", "softened"), ("certainty", "sharpened"), ("voice", "absorbed"),
                               ("generalisation", "generalised")}
    assert held["sentences"].isna().all() and held["share"].isna().all() and (held["to_read"] == 1).all()


def test_the_short_answer_names_held_back_labels_as_worth_reading_and_never_gives_their_count(tables):
    documents = corpus.corpus_documents(tables, gate=GATE)
    findings = corpus.corpus_findings(documents, corpus.labs_by_version(tables), corpus.dropped_by_kind(tables, documents),
                                      corpus.shift_distribution(tables, gate=GATE))
    text = "\n".join(findings)
    assert "attributed (voice)" not in text   # no shift, so not among the shifts counted
    reading = next(line for line in findings if line.startswith("Worth reading side by side"))
    assert "softened" in reading and "absorbed" in reading and "sentence" not in reading.split(":", 1)[1]
    assert not any("softened" in line for line in findings if line.startswith("Shifts counted"))
    assert findings[0].startswith("2 documents") and "1 translation" in findings[0]
    # the summary's links are not counted: its sentences are left out of the additions, and the line says whose
    assert any(line.startswith("1 of 3 Chinese sentences in the 1 document whose links are counted") for line in findings)
    assert any("For 1 document (summaries and commentaries" in line for line in findings)


def test_sections_dropped_whole_per_kind_and_the_largest_first(tables):
    documents = corpus.corpus_documents(tables, gate=GATE)
    # every document's links counted (as a corpus of translations would have them): both documents' dropped sections
    everything = documents.assign(links=corpus.LINKS_COUNTED)
    dropped = corpus.dropped_sections(tables, everything)
    assert list(dropped.index) == ["s", "t"] and list(dropped["heading"]) == ["Why", "Usage"]
    assert dropped.loc["s", "share"] == pytest.approx(200 / 500)
    by_kind = corpus.dropped_by_kind(tables, everything)
    assert list(by_kind.index[:2]) == ["translation", "chinese_much_shorter"]  # a document counts under each kind
    assert by_kind.loc["traditional_script", "dropped"] == 1 and by_kind.loc["translation", "sections"] == 2
    # as the shipped link quality has it: the summary's links are not counted, so nothing of it is said dropped
    assert documents.loc["s", "links"] == corpus.LINKS_READ and documents.loc["t", "links"] == corpus.LINKS_COUNTED
    assert list(corpus.dropped_sections(tables, documents).index) == ["t"]
    assert "chinese_much_shorter" not in corpus.dropped_by_kind(tables, documents).index
    dropped = corpus.dropped_sections(tables, documents)
    standouts = corpus.standout_documents(documents, reports="..", dropped=dropped)
    assert any(line.startswith("The largest English section a translation drops whole: Usage in [A translated "
                               "README](../t/index.html)") for line in standouts)


def test_a_document_links_to_its_own_report_and_its_title_is_escaped():
    documents = pd.DataFrame({"title": ["[x](http://a.example)", ""], "file": ["a.txt", "b c.txt"]},
                             index=pd.Index(["a", "b c"], name=DOC_ID))
    links = corpus.document_links(documents, "..")
    assert links == {"a": r"[\[x\]\(http\://a\.example\)](../a/index.html)", "b c": r"[b c\.txt](../b%20c/index.html)"}
    assert corpus.document_links(documents)["a"] == r"\[x\]\(http\://a\.example\)"
