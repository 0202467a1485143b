"""Score the theme hits against the tuning half's theme gold (data/reference/gold/themes/theme_hits.tuning.csv).

    python tools/theme_gold.py [CORPUS_DIR]

For each annotated document: the hits the engine gives now, how many of them the gold marks right and wrong (the
precision of theme hits), how many of the gold's right hits the engine no longer gives (what weak cues cost), and
hits the gold does not hold (a new cue: read them before trusting the figure). Prints a table; writes nothing.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
GOLD = ROOT / "data" / "reference" / "gold" / "themes" / "theme_hits.tuning.csv"
KEY = ["doc", "start", "end", "theme"]


def read_theme_gold(path: Path = GOLD) -> pd.DataFrame:
    """The theme gold: doc, start, end, theme, cue, sense (right | wrong), note."""
    gold = pd.read_csv(path, comment="#", dtype=str, keep_default_na=False)
    return gold.astype({"start": int, "end": int})


def engine_hits(corpus: Path, docs: list[str]) -> pd.DataFrame:
    """The engine's theme hits on ``docs``, placed by their sentence's offsets (doc, start, end, theme, cue)."""
    from helpers.pipeline import load_analysis

    rows = []
    for doc in docs:
        analysis = load_analysis(corpus / f"{doc}.zh-en.txt")
        placed = analysis.theme_hits.merge(analysis.claims[["claim_id", "start", "end"]], on="claim_id")
        rows += [(doc, int(s), int(e), t, c) for s, e, t, c in placed[["start", "end", "theme", "cue"]].itertuples(index=False)]
    return pd.DataFrame(rows, columns=[*KEY, "cue"])


def score(gold: pd.DataFrame, hits: pd.DataFrame) -> pd.DataFrame:
    """Per document and per set (``tuning``: the documents the weak cues were chosen on; ``check``: annotated after,
    never tuned on): hits, right, wrong, disputed (the two annotators differ), unjudged (a hit the gold does not hold),
    precision (right / (right + wrong)), right_lost (right hits, both annotators agreeing, the engine no longer gives), and the same without the technology frame (the frames whose cue words are most often common
    words)."""
    sets = gold.drop_duplicates("doc").set_index("doc")["set"] if "set" in gold else pd.Series("tuning", gold["doc"].unique())
    judged = hits.merge(gold[[*KEY, "sense"]], on=KEY, how="left").fillna({"sense": "unjudged"})
    lost = gold[gold["sense"] == "right"].merge(hits[KEY], on=KEY, how="left", indicator=True)
    lost = lost[lost["_merge"] == "left_only"]
    groups = [(doc, [doc]) for doc in sorted(sets.index)]
    groups += [(f"all {name}", sorted(sets.index[sets == name])) for name in ("tuning", "check") if (sets == name).any()]
    rows = []
    for scope, keep in (("all frames", lambda t: t == t), ("without technology", lambda t: t != "technology")):
        for name, docs in groups:
            j = judged[keep(judged["theme"]) & judged["doc"].isin(docs)]
            l = lost[keep(lost["theme"]) & lost["doc"].isin(docs)]
            right, wrong = int((j["sense"] == "right").sum()), int((j["sense"] == "wrong").sum())
            rows.append((scope, name, len(j), right, wrong, int((j["sense"] == "").sum()), int((j["sense"] == "unjudged").sum()),
                         round(right / (right + wrong), 3) if right + wrong else float("nan"), len(l)))
    return pd.DataFrame(rows, columns=["scope", "doc", "hits", "right", "wrong", "disputed", "unjudged", "precision",
                                       "right_lost"])


def main(argv: list[str]) -> int:
    corpus = Path(argv[0]) if argv else ROOT.parent / "shared" / "corpus"
    if not corpus.is_dir():
        print(f"theme_gold: no corpus folder at {corpus}", file=sys.stderr)
        return 2
    gold = read_theme_gold()
    hits = engine_hits(corpus, sorted(gold["doc"].unique()))
    with pd.option_context("display.width", 140):
        print(score(gold, hits).to_string(index=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
