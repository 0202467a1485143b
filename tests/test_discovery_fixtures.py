"""Discovery on invented documents whose organisations no gazetteer lists (tests/fixtures/discovery/README.md): the
gold is sound, and what discovery finds of them is right, document by document and version by version."""

import csv
import re
import sys
from collections import Counter
from pathlib import Path

import pytest

from helpers.paths import ROOT
from helpers.pipeline import run
from helpers.tables.discover import DISCOVERED
from helpers.tables.entities import default_gazetteer

FIXTURES = ROOT / "tests" / "fixtures" / "discovery"
sys.path.insert(0, str(ROOT / "tools"))
import gold_eval  # noqa: E402  (a tool's script, not a package)

#: Discovery's floor on these documents, per document and version: precision (a name found is right) first; recall
#: over all of them, a guard against losing what the rules were written for (0.90 and 0.95 on the first five; 0.97
#: and 0.99 on all eight once the rules for source-only, translated and Chinese-only names came in; 1.00 and 1.00 on
#: all ten once a model after its maker's pronoun, a Chinese-only name with a rare proper name for its head and a name
#: ending in a weak name word were taken; on the three written next, k to m, 0.92 and 0.60 (zh), 0.97 and 0.64 (en)
#: before their rules, 1.00 and 1.00 on all thirteen after; on n, written after those rules as a check, 0.92 and 0.80
#: (zh), 0.71 and 1.00 (en) before its own, 1.00 and 0.93, 1.00 and 1.00 after: 城大 left unlisted; on o to q, wire
#: agencies, investors, standards bodies and compiled news's cues, 0.99 and 0.92 in each version over all seventeen
#: before their gazetteer rows and cues, 1.00 and 1.00 after).
MIN_PRECISION = 0.95
MIN_RECALL_OVERALL = 0.95


def rows(name: str) -> list[dict]:
    with open(FIXTURES / name, encoding="utf-8") as handle:
        return list(csv.DictReader(line for line in handle if not line.startswith("#")))


INDEX = rows("index.csv")
GOLD = rows("gold_orgs.csv")


def versions(doc: dict) -> dict[str, str]:
    text = (FIXTURES / doc["file"]).read_text(encoding="utf-8")
    start = text.index(doc["en_title"])
    return {"zh": text[:start], "en": text[start:]}


@pytest.mark.parametrize("doc", INDEX, ids=[d["doc"] for d in INDEX])
def test_each_gold_count_is_how_often_its_surface_stands_in_that_version(doc):
    for lang, part in versions(doc).items():
        gold = [g for g in GOLD if g["doc"] == doc["doc"] and g["lang"] == lang]
        surfaces = sorted({g["surface"] for g in gold}, key=len, reverse=True)  # longest first, as a reader counts
        pattern = re.compile("|".join(rf"(?<![A-Za-z0-9]){re.escape(s)}(?![A-Za-z0-9])" for s in surfaces))
        counted = Counter(match.group() for match in pattern.finditer(part))
        assert {g["surface"]: int(g["count"]) for g in gold} == {s: counted[s] for s in surfaces}


def test_no_invented_organisation_is_in_the_gazetteer():
    gazetteer = default_gazetteer()
    known = {n.casefold() for column in ("name_en", "name_zh") for n in gazetteer[column] if n}
    known |= {a.lstrip("!~").casefold() for aliases in gazetteer["aliases"] for a in aliases.split("|") if a}
    # a real company (note "real: …", document k) is there for its regional names, listed in the gazetteer or not
    invented_rows = [g for g in GOLD if "in the gazetteer" not in g["note"] and not g["note"].startswith("real")]
    invented = {g["org"] for g in invented_rows}
    assert invented and not {o for o in invented if o.casefold() in known}
    assert not {g["surface"] for g in invented_rows if g["surface"].casefold() in known}


@pytest.fixture(scope="module")
def scores():
    return gold_eval.score_fixtures(FIXTURES)


@pytest.mark.parametrize("doc", [d["doc"] for d in INDEX])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_discovery_is_precise_on_each_document_and_version(scores, doc, lang):
    counts = scores[doc][f"orgs:{lang}"]
    assert counts["tp"] / max(counts["tp"] + counts["fp"], 1) >= MIN_PRECISION, dict(scores[doc]["wrong"])


def test_discovery_finds_most_of_the_invented_organisations(scores):
    tp = sum(scores[d][f"orgs:{lang}"]["tp"] for d in scores for lang in ("zh", "en"))
    fn = sum(scores[d][f"orgs:{lang}"]["fn"] for d in scores for lang in ("zh", "en"))
    assert tp / (tp + fn) >= MIN_RECALL_OVERALL, {d: dict(scores[d]["missed"]) for d in scores}


FALSE_FRIENDS = [
    "Mara", "Quen", "Dev", "Alcott", "Ilse", "Moran", "Priya", "Salgado", "Anders", "Kloft", "Julia", "Brandt",
    "Shenzhen", "Boston", "Hsinchu", "North", "America", "Europe", "German", "Taiwan", "China", "Glance", "Mode",
    "MathQuarry", "Micro", "Still", "However", "Founded", "Take", "Analysts", "Evaluation", "Acknowledgements",
    "Availability", "Key", "Why", "Series", "Demo", "Day", "Lumen-3", "Vesper-8B", "Labs", "Systems", "Technologies",
    "Ines", "Harrow", "Oregon", "Nevada", "Hybrid", "Private", "Cloud", "Compute", "Rill-2", "产业资本", "国有资本", "大型集团",
    "知名大学", "Nora", "Dell", "Ellis", "Ford", "Wren", "Halloway", "Apache", "Gao", "Tong", "Jensen", "Huang", "Lisa",
    "Taipei", "Hangzhou", "License", "Citation", "Professor", "人形机器人", "具身智能", "国内大学", "本地大学", "华府",
]


@pytest.mark.parametrize("doc", INDEX, ids=[d["doc"] for d in INDEX])
def test_false_friends_are_never_discovered_and_every_row_quotes_the_text(doc):
    text = (FIXTURES / doc["file"]).read_text(encoding="utf-8")
    mentions = run(text).tables.mentions
    assert all(text[s:e] == surface for s, e, surface in zip(mentions["start"], mentions["end"], mentions["surface"]))
    # a model counted for its maker (made_by) is right; a false friend taken for an organisation of its own is not
    found = mentions[(mentions["type"] == DISCOVERED) & ~mentions["evidence"].str.startswith("made_by")]
    heads = {surface.split()[0] for surface in found["surface"]} | set(found["surface"])  # "Labs" may end a name
    assert not heads & set(FALSE_FRIENDS), sorted(heads & set(FALSE_FRIENDS))


def test_the_gazetteer_cut_back_to_the_seed_keeps_every_parent_it_names():
    """``gold_eval --discovery`` cuts the gazetteer back to the rows whose source is the seed document: a seed row whose
    source text is changed drops out, and a model whose maker dropped out has no parent."""
    cut = gold_eval.seed_gazetteer()
    assert {"anthropic", "openai", "claude"} <= set(cut["entity"])
    assert set(cut["parent"]) - {""} <= set(cut["entity"])
