"""Whether a document's links may be counted: the aligner's measured precision and recall on documents of its kind.

On translations the aligner's links are right almost every time; on summaries and commentaries far less often
(``make eval`` measures both, per half of the corpus gold, into data/reference/label_quality.csv as the labels
``link:translations`` and ``link:summaries``). Every finding that counts links (how many Chinese sentences draw on
the English, how much of each section is carried, what is dropped, what the Chinese adds) is only as good as the
links, so it is presented as a count only where links on documents of that kind clear the same bar as a shift
label; elsewhere the links are shown to be read side by side, not counted. Precision is not enough: what the Chinese
drops and adds is counted from the sentences left unlinked, so the links must also find at least half the sentences
that have a source (``min_link_recall``), or a link missed would be read as English dropped.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..params import DEFAULTS
from .shifts import load_label_quality


@dataclass(frozen=True)
class LinkGate:
    """The verdict for one document: presented or not, the kind of document it was judged as, and why."""
    presented: bool
    group: str          # 'translations' or 'summaries'
    precision: float    # the links' precision on the corpus gold's test half for that kind (nan: unmeasured)
    predicted: int      # how many links that precision rests on
    why: str            # '' when presented; else one sentence for the reader
    recall: float = float("nan")  # the share of the test half's sentences with a source that the links found


def kind_group(caveats: pd.DataFrame) -> str:
    """'translations' when the document carries the translation caveat (almost every sentence linked one to one),
    else 'summaries' (a summary, a commentary, a compiled report: the harder case)."""
    return "translations" if "translation" in set(caveats["kind"]) else "summaries"


def link_gate(caveats: pd.DataFrame, quality: pd.DataFrame | None = None, *,
              min_precision: float = DEFAULTS.min_label_precision,
              min_predicted: int = DEFAULTS.min_label_predicted,
              min_recall: float = DEFAULTS.min_link_recall) -> LinkGate:
    """May this document's links be counted? The same bar as the shift labels (``label_gate``), read for the row
    ``link:<kind>`` of the test half, and a recall of at least ``min_recall`` there."""
    quality = load_label_quality() if quality is None else quality
    group = kind_group(caveats)
    rows = quality[(quality["half"] == "test") & (quality["label"] == f"link:{group}")]
    if rows.empty:
        return LinkGate(False, group, float("nan"), 0,
                        f"the links on {group} have not been measured against the corpus gold")
    row = rows.iloc[0]
    predicted = int(row["predicted"])
    precision = float(row["precision"]) if str(row["precision"]) != "" else float("nan")
    recall = float(row["recall"]) if str(row["recall"]) != "" else float("nan")
    support = int(row["support"])
    if predicted < min_predicted:
        why = f"links on {group} are too few on the corpus gold's test half to measure ({predicted})"
    elif not precision >= min_precision:
        why = (f"on {group} in the corpus gold's test half, the aligner's links were right "
               f"{round(precision * predicted)} times in {predicted} ({precision:.0%}), under the bar of "
               f"{min_precision:.0%}")
    elif not recall >= min_recall:
        why = (f"on {group} in the corpus gold's test half, the aligner linked {round(recall * support)} of the "
               f"{support} sentences that draw on the English ({recall:.0%}), under the bar of {min_recall:.0%}, so "
               f"a sentence left unlinked may well have a source")
    else:
        why = ""
    return LinkGate(not why, group, precision, predicted, why, recall)


def judged_group(group: str) -> str:
    """The documents a link gate's ``group`` names, for a reader: a compiled news report is judged with the summaries
    but is none, so 'links on summaries' would call it one.

    >>> judged_group("summaries"), judged_group("translations")
    ('documents that do not read as translations (summaries, commentaries, compiled reports)', 'translations')
    """
    return ("documents that do not read as translations (summaries, commentaries, compiled reports)"
            if group == "summaries" else group)
