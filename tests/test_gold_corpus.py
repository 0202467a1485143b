"""The corpus gold is well-formed, applies to the files it names, and the engine does not fall below
the figures measured on it (floors, not targets: the closing notes give the targets).

The corpus is third-party text kept outside the repository: its folder is `$CORPUS`, or
`../shared/corpus` beside the checkout; without it the corpus documents are skipped, saying so.
"""

import hashlib
import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from helpers.paths import ROOT

GOLD = ROOT / "data" / "reference" / "gold" / "corpus"
CORPUS = Path(os.environ.get("CORPUS", ROOT.parent / "shared" / "corpus"))
KINDS = {"summary", "heading", "framing", "aside", "beyond", "noncontent", ""}
LABELS = {
    "certainty": {"softened", "sharpened", "same", ""},
    "voice": {"attributed", "absorbed", "plain", ""},
    "generalisation": {"generalised", "particularised", "same", ""},
}

spec = importlib.util.spec_from_file_location("gold_eval", ROOT / "tools" / "gold_eval.py")
gold_eval = importlib.util.module_from_spec(spec)
spec.loader.exec_module(gold_eval)
INDEX = gold_eval.read_index(GOLD)


def read(doc: str, table: str) -> pd.DataFrame:
    return pd.read_csv(GOLD / f"{doc}.{table}.csv", comment="#", dtype=str, keep_default_na=False)


def document_bytes(doc: dict) -> bytes:
    path = gold_eval.document_path(doc, CORPUS)
    if not path.exists():
        pytest.skip(f"corpus folder {CORPUS.name!r} not found beside the checkout (set CORPUS=…): {doc['file']} not checked")
    return path.read_bytes()


def test_index_splits_the_corpus_into_two_halves_mixed_in_kind():
    halves = {row["half"] for row in INDEX}
    assert halves == {"tuning", "test"}
    test_half = [row for row in INDEX if row["half"] == "test"]
    assert len(test_half) >= 4
    assert any(row["kind"].startswith("summary") for row in test_half)
    assert any(row["kind"].startswith("translation") for row in test_half)


@pytest.mark.parametrize("doc", INDEX, ids=[row["doc"] for row in INDEX])
def test_gold_applies_to_its_file_and_is_well_formed(doc):
    raw = document_bytes(doc)
    assert hashlib.sha256(raw).hexdigest() == doc["sha256"]
    text = raw.decode("utf-8-sig")
    en_start = int(doc["en_start"])
    sentences = read(doc["doc"], "sentences")
    assert set(sentences["kind"]) <= KINDS
    for column, values in LABELS.items():
        assert set(sentences[column]) <= values, column
    starts, ends = sentences["start"].astype(int), sentences["end"].astype(int)
    assert (starts < ends).all() and (ends <= en_start).all() and starts.is_monotonic_increasing
    assert all(text[s:e].strip() for s, e in zip(starts, ends))
    linked = sentences[sentences["en_spans"] != ""]
    for spans in linked["en_spans"]:
        for span in spans.split("|"):
            s, e = map(int, span.split(":"))
            assert en_start <= s < e <= len(text) and "\n" not in text[s:e]
    blocks = read(doc["doc"], "blocks")
    assert set(blocks["noncontent"]) <= {"0", "1"}
    orgs = read(doc["doc"], "orgs")
    assert set(orgs["lang"]) <= {"zh", "en"} and (orgs["count"].astype(int) > 0).all()


@pytest.fixture(scope="module")
def scores():
    if not CORPUS.exists():
        pytest.skip(f"corpus folder {CORPUS.name!r} not found beside the checkout (set CORPUS=…): corpus figures not measured")
    return gold_eval.score_corpus(CORPUS, GOLD)


def accuracy(counter) -> float:
    return counter["right"] / counter["n"]


def precision(counter) -> float:
    return counter["tp"] / (counter["tp"] + counter["fp"])


def recall(counter) -> float:
    return counter["tp"] / (counter["tp"] + counter["fn"])


# Floors: the figures measured when the gold was made (tuning / test), less a sentence or two.
def test_alignment_of_summarising_sentences_holds_its_floor(scores):
    # A link withheld as ambiguous (relation 'unsure') counts as a miss here: measured 0.93 (712/767) and 0.90 (320/356);
    # 0.93 (711/767) and 0.94 (333/356) when every link was kept (0.91 and 0.92 before the writer's outline was read)
    assert accuracy(scores["tuning"]["align"]) >= 0.92
    assert accuracy(scores["test"]["align"]) >= 0.87


def test_links_on_summaries_are_fewer_and_more_often_right(scores):
    """On summaries and commentaries a link is withheld unless the source's order or its own evidence singles out its
    paragraph (helpers.align.decode.withhold_ambiguous): precision over recall, since a false pointer misleads a reader
    and a withheld one does not. Translations are not asked."""
    groups = {half: scores[f"{half} · summaries"] for half in ("tuning", "test")}
    # measured 0.88 (46/52) and 1.00 (10/10) since a summary's repeated words weigh less; 0.87 (46/53) and 1.00 (9/9)
    # with anchors alone (a sentence pulled to the one unit holding its Latin words); 0.83 (44/53) and 0.71 (10/14)
    # before them; 0.58 (46/79) and 0.53 (25/47) with every link kept
    assert precision(groups["tuning"]["link"]) >= 0.8
    assert precision(groups["test"]["link"]) >= 0.65
    assert recall(groups["tuning"]["link"]) >= 0.6      # measured 0.61 (46/75); 0.59 (44/75) before anchors
    # sentences with no source in the file (asides, beyond the English given) stay unlinked: issue 11 asks 0.8
    assert accuracy(groups["tuning"]["unsourced"]) >= 0.9   # measured 0.94 (51/54)
    assert accuracy(groups["test"]["unsourced"]) >= 0.9     # measured 1.00 (37/37); 0.97 (36/37) before anchors
    assert precision(scores["tuning · translations"]["link"]) >= 0.95 and precision(scores["test · translations"]["link"]) >= 0.97


def test_sentences_left_unlinked_are_mostly_additions(scores):
    assert precision(scores["tuning"]["add"]) >= 0.88    # measured 0.90 (149/165); 0.82 before the outline rules
    assert precision(scores["test"]["add"]) >= 0.62      # measured 0.66 (25/38); 0.30 before them
    # 'beyond the English given' (an excerpt's rest) counts as unlinked: recall measured 0.91 (149/163), 0.68 (25/37);
    # 0.87 and 0.19 before the outline rules. A label of the outline in Latin script ('Summary', 'TL;DR') is a label,
    # not a sentence, since: the gold calls two such lines asides, hence 0.89 (145/163) on the tuning half.
    assert recall(scores["tuning"]["add"]) >= 0.88 and recall(scores["test"]["add"]) >= 0.64


def test_non_content_lines_are_found(scores):
    """Site furniture, bylines, credits, captions and page metadata (issue 11, item 2)."""
    nc = scores["tuning"]["noncontent"], scores["test"]["noncontent"]
    assert precision(nc[0]) >= 0.98 and recall(nc[0]) >= 0.96    # measured 1.00 (119/119), 0.98 (119/122)
    assert precision(nc[1]) >= 0.93 and recall(nc[1]) >= 0.60    # measured 0.96 (49/51), 0.64 (49/76)


def test_document_caveats_match_the_gold(scores):
    """Caveats found against index.csv's (issue 11, item 3): translation, English excerpt, Traditional script, a
    Chinese far shorter than the English."""
    cv = scores["tuning"]["caveats"], scores["test"]["caveats"]
    assert precision(cv[0]) >= 0.95 and recall(cv[0]) >= 0.95    # measured 1.00 (12/12), 1.00 (12/12)
    assert precision(cv[1]) >= 0.70 and recall(cv[1]) >= 0.95    # measured 0.75 (6/8), 1.00 (6/6)


def test_organisation_mentions_found_are_right(scores):
    assert precision(scores["test"]["orgs"]) >= 0.95     # measured 0.97 (118/122)


def test_label_quality_file_is_current(scores):
    """data/reference/label_quality.csv (which the notebooks' presentation gate reads) is what `make eval`
    writes for the engine as it is now: rerun `make eval` and commit the file after changing a shift rule."""
    committed = (ROOT / "data" / "reference" / "label_quality.csv").read_text(encoding="utf-8")
    assert committed == gold_eval.quality_text(scores), "label_quality.csv is stale: run `make eval` and commit it"


def test_presented_shift_labels_clear_the_bar_on_the_test_half(scores):
    from helpers.framing.shifts import label_gate
    from helpers.params import DEFAULTS

    for row in label_gate().itertuples():
        if row.presented:
            c = scores["test"][row.label]
            assert c["tp"] + c["fp"] >= DEFAULTS.min_label_predicted
            assert precision(c) >= DEFAULTS.min_label_precision, row.label


@pytest.mark.parametrize("argv, message", [
    (["--bogus"], "gold_eval: unknown option --bogus"),
    (["--param=no_such_threshold=1"], "gold_eval: unknown parameter 'no_such_threshold'"),
    (["--gazetteer=full"], "gold_eval: --gazetteer takes only 'seed'"),
])
def test_the_scorer_refuses_bad_options_in_one_line_before_reading_anything(argv, message):
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "gold_eval.py"), *argv], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.splitlines()[0].startswith(message) and len(done.stderr.splitlines()) == 1


def test_the_scorer_says_which_documents_it_skips_when_the_corpus_is_absent(tmp_path):
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "gold_eval.py"), str(tmp_path / "nowhere")],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0
    assert done.stderr.splitlines()[0] == "gold_eval: no corpus folder at " + str(tmp_path / "nowhere") + \
        ": its documents are skipped"
    skipped = [line.split("skipped: ")[1].split()[0] for line in done.stderr.splitlines()[1:]]
    assert skipped == [doc["file"] for doc in INDEX if not doc["file"].startswith("data/")]
    assert "wrote " not in done.stdout  # one half alone never rewrites the label-quality file
