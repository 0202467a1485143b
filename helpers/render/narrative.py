"""Short Markdown findings computed from the tables, so a notebook's prose stays true for any document.

Each ``*_findings`` function returns a list of one-sentence strings; ``answer`` puts a question and its
findings into the Markdown block that opens a notebook. Numbers are formatted the same way on every run.
"""

from __future__ import annotations

import re

import pandas as pd

from ..columns import PART_COMMENTARY, PART_NONCONTENT, PART_ORIGINAL
from ..framing.shifts import GOLD_LABELS, label_gate, presented_counts, withheld
from ..params import DEFAULTS

LANG_NAMES = {"zh": "Chinese", "en": "English", "mixed": "mixed"}

# Every ASCII character that Markdown (CommonMark, GitHub's autolinks, MathJax's $) can read as syntax, and the
# characters HTML reads. Backslash-escaped or written as entities, each shows as itself and does nothing.
MARKDOWN_SYNTAX = re.compile(r"[\\`*_{}\[\]()#+\-.!|~$:@]")
HTML_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029]+")


def text_of(value) -> str:
    r"""Document text as Markdown that shows it and runs nothing: links, images, HTML, math all become text.

    >>> print(text_of("![x](http://a.example/x.png) <b>&"))
    \!\[x\]\(http\://a\.example/x\.png\) &lt;b&gt;&amp;
    """
    flat = LINE_BREAKS.sub(" ", str(value))
    escaped = MARKDOWN_SYNTAX.sub(lambda m: "\\" + m.group(), flat)
    return re.sub(r"[&<>]", lambda m: HTML_ENTITIES[m.group()], escaped)


def code_of(value) -> str:
    """Document text as a Markdown code span: shown literally, whatever backticks it holds.

    >>> code_of("a`b")
    '`` a`b ``'
    """
    flat = LINE_BREAKS.sub(" ", str(value))
    if not flat.strip():
        return ""  # an empty code span is two backticks shown as such
    fence = "`" * (max((len(run) for run in re.findall(r"`+", flat)), default=0) + 1)
    pad = " " if "`" in flat or flat.startswith(" ") or flat.endswith(" ") else ""
    return f"{fence}{pad}{flat}{pad}{fence}"


def pct(share: float) -> str:
    """A share as a whole percentage: ``pct(0.254)`` → ``'25%'``."""
    return f"{round(100 * share):d}%"


def plural(n: int, word: str, many: str | None = None) -> str:
    """``plural(1, "block")`` → ``'1 block'``; ``plural(3, "block")`` → ``'3 blocks'``."""
    return f"{n} {word if n == 1 else (many or word + 's')}"


def listing(items, *, limit: int = 5, code: bool = False, quoted: bool = True) -> str:
    """'a, b and c' (at most ``limit`` items, then 'and N more'); each item escaped with ``text_of`` (or
    shown as a code span with ``code``) unless ``quoted=False`` says the items are Markdown we built."""
    items = [code_of(i) if code else text_of(i) if quoted else str(i) for i in items]
    if len(items) > limit:
        items = items[:limit] + [f"{len(items) - limit} more"]
    if len(items) <= 1:
        return "".join(items) or "none"
    return ", ".join(items[:-1]) + " and " + items[-1]


def answer(question: str, findings: list[str]) -> str:
    """The Markdown that opens a notebook: the question in bold, then the findings as bullets.

    The findings are Markdown already: every piece of the document in them was escaped where it
    was put in (``text_of``, ``code_of``), so that our own code spans stay code spans.
    """
    bullets = "\n".join(f"- {line}" for line in findings) or "- Nothing to report for this document."
    return f"**{text_of(question)}**\n\n{bullets}"


def quotes(texts, *, limit: int = 5) -> str:
    """Sentences quoted verbatim as Markdown bullets, at most ``limit``, with a count of the rest."""
    texts = [text_of(str(t).strip()) for t in texts]
    lines = [f"- “{t}”" for t in texts[:limit]]
    if len(texts) > limit:
        lines.append(f"- … and {len(texts) - limit} more")
    return "\n".join(lines) or "- none"


def bullets(findings: list[str]) -> str:
    """Findings (Markdown, their document text escaped where it was put in) as a bullet list."""
    return "\n".join(f"- {line}" for line in findings)


def caveat_notes(caveats: pd.DataFrame) -> str:
    r"""The document's caveats (helpers.framing.caveats) as Markdown, to read before any finding.

    >>> caveat_notes(pd.DataFrame({"kind": ["translation"], "evidence": ["40 of 41 linked"], "affects": ["shifts"]}))
    '**Read first:** caveats for this document:\n\n- **translation**: 40 of 41 linked (affects shifts)'
    """
    if caveats.empty:
        return "**Read first:** no caveats found for this document (the English looks whole, the Chinese a summary or commentary of it)."
    lines = [f"- **{text_of(k.replace('_', ' '))}**: {text_of(e)} (affects {text_of(a)})"
             for k, e, a in zip(caveats["kind"], caveats["evidence"], caveats["affects"])]
    return "**Read first:** caveats for this document:\n\n" + "\n".join(lines)


# ---- 01 overview --------------------------------------------------------------------------------

def overview_findings(blocks: pd.DataFrame, claims: pd.DataFrame, repairs: pd.DataFrame) -> list[str]:
    """How the document divides: parts, sentences per part, the non-content found, glued units repaired."""
    sizes = claims.groupby("part").size()
    zh, en = int(sizes.get(PART_COMMENTARY, 0)), int(sizes.get(PART_ORIGINAL, 0))
    noise = blocks[blocks["part"] == PART_NONCONTENT]
    chars = claims.assign(chars=claims["text"].str.len()).groupby("part")["chars"].sum()
    lines = [
        f"{plural(len(blocks), 'block')}: {plural(int((blocks['part'] == PART_COMMENTARY).sum()), 'block')} of Chinese "
        f"commentary, {plural(int((blocks['part'] == PART_ORIGINAL).sum()), 'block')} of English original and "
        f"{plural(len(noise), 'block')} of non-content.",
    ]
    if zh and en:
        lines.append(
            f"The commentary has {plural(zh, 'sentence')} ({chars.get(PART_COMMENTARY, 0):,} characters) against the "
            f"original's {plural(en, 'sentence')} ({chars.get(PART_ORIGINAL, 0):,} characters): "
            f"about one Chinese sentence for every {en / zh:.1f} English ones."
        )
    if len(noise):
        kinds = noise["kind"].value_counts()
        texts = list(dict.fromkeys(noise["text"].str.strip()))
        shown = [t if len(t) <= 24 else t[:23] + "…" for t in texts[:4]]
        lines.append(
            f"Non-content set aside: {listing([plural(int(n), k.replace('_', ' ')) for k, n in kinds.items()])} "
            f"(e.g. {listing(shown, limit=4, code=True)})."
        )
    if len(repairs):
        kinds = repairs["repair"].value_counts()
        lines.append(f"{plural(len(repairs), 'glued unit')} split apart: "
                     f"{listing([f'{n} × {k.replace(chr(95), chr(32))}' for k, n in kinds.items()])}.")
    else:
        lines.append("No glued headings or sentences needed splitting.")
    return lines


# ---- 02 themes ----------------------------------------------------------------------------------

def theme_findings(emphasis: pd.DataFrame, terms: pd.DataFrame | None = None, *,
                   min_difference: float = DEFAULTS.min_difference) -> list[str]:
    """Each version's top terms (when ``terms`` is given), then the themes it dwells on more (share differs ≥ ``min_difference``)."""
    lines = []
    terms = pd.DataFrame(columns=["lang", "term"]) if terms is None else terms
    for lang in ["zh", "en"]:
        top = terms[terms["lang"] == lang]["term"].head(5).tolist()
        if top:
            lines.append(f"Most frequent {LANG_NAMES[lang]} terms: {listing(top, code=True)}.")
    more_zh = emphasis[emphasis["difference"] >= min_difference].sort_values("difference", ascending=False)
    more_en = emphasis[emphasis["difference"] <= -min_difference].sort_values("difference")
    describe = lambda rows: listing([f"{text_of(r.theme.replace('_', ' '))} ({pct(r.zh_share)} of Chinese vs "
                                     f"{pct(r.en_share)} of English sentences)" for r in rows.itertuples()], quoted=False)
    if len(more_zh):
        lines.append(f"The Chinese commentary dwells more on {describe(more_zh)}.")
    if len(more_en):
        lines.append(f"The English original dwells more on {describe(more_en)}.")
    if not len(more_zh) and not len(more_en):
        lines.append(f"No theme's share differs by {pct(min_difference)} or more between the versions.")
    return lines


# ---- 03 lab mentions ----------------------------------------------------------------------------

def mention_findings(by_part: pd.DataFrame, one_version: pd.DataFrame, co: pd.DataFrame | None = None) -> list[str]:
    """The most named organisations, the ones only one version names, the strongest pairing."""
    if by_part.empty:
        return ["No lab or company is named."]
    lines = []
    top = by_part.head(3)
    lines.append(
        f"{plural(len(by_part), 'organisation')} named; most often {listing([f'{text_of(r.org)} ({r.total})' for r in top.itertuples()], quoted=False)}."
    )
    lead_zh = by_part.sort_values([PART_COMMENTARY, "org"], ascending=[False, True]).iloc[0]
    lead_en = by_part.sort_values([PART_ORIGINAL, "org"], ascending=[False, True]).iloc[0]
    if lead_zh["org"] != lead_en["org"] and lead_zh[PART_COMMENTARY] > 0 and lead_en[PART_ORIGINAL] > 0:
        lines.append(f"The commentary names {text_of(lead_zh['org'])} most ({lead_zh[PART_COMMENTARY]}), "
                     f"the original {text_of(lead_en['org'])} ({lead_en[PART_ORIGINAL]}).")
    for part, label in [(PART_COMMENTARY, "Only the Chinese names"), (PART_ORIGINAL, "Only the English names")]:
        only = one_version[one_version["only_in"] == part]
        if len(only):
            lines.append(f"{label} {listing(only['org'].tolist(), limit=6)}.")
    if co is not None and len(co) > 1:
        pairs = co.where(~pd.DataFrame(
            [[i >= j for j in range(len(co))] for i in range(len(co))], index=co.index, columns=co.columns))
        stacked = pairs.stack().sort_values(ascending=False, kind="mergesort")
        if len(stacked) and stacked.iloc[0] > 0:
            (a, b), n = stacked.index[0], int(stacked.iloc[0])
            lines.append(f"Most often named together: {text_of(a)} and {text_of(b)} ({plural(n, 'paragraph')}).")
    return lines


# ---- 04 framing ---------------------------------------------------------------------------------

FRAMING_TOPICS = ("links", "coverage", "additions", "shifts")

# How much of a section a share of it is, in words, so the words never contradict the figure beside them:
# "nearly all" from 90%, "most" only above half, "barely any" at a tenth or less.
SHARE_WORDS = ((0.9, True, "nearly all of"), (0.5, False, "most of"), (0.25, True, "part of"), (0.1, False, "a little of"))
NO_SHARE_WORDS = "barely any of"


def share_words(share: float) -> str:
    """The words for a share of a section: ``share_words(0.6)`` → ``'most of'``; ``share_words(0.38)`` → ``'part of'``.

    >>> [share_words(s) for s in (1.0, 0.9, 0.51, 0.5, 0.3, 0.11, 0.1, 0.0)]
    ['nearly all of', 'nearly all of', 'most of', 'part of', 'part of', 'a little of', 'barely any of', 'barely any of']
    """
    if share != share or not 0 <= share <= 1:
        raise ValueError(f"a share is between 0 and 1, not {share!r}")
    share = round(100 * share) / 100  # judged as shown (``pct``): 50.4% shows as 50%, which is not "most"
    for bound, inclusive, words in SHARE_WORDS:
        if share > bound or (inclusive and share == bound):
            return words
    return NO_SHARE_WORDS


def coverage_sentence(row, *, min_evidence: int = DEFAULTS.min_evidence) -> str:
    """One section's coverage in words, with the figure and the sentences it rests on; '' when the section has
    fewer than ``min_evidence`` English sentences (too few to say how much of it gets through)."""
    if int(row["claims"]) < min_evidence:
        return ""
    heading = f"“{text_of(row['heading'].replace(chr(8217), chr(39)))}”" if row["heading"] else "the opening"
    share = float(row["share_chars"])
    return (f"{share_words(share)} {heading} ({pct(share)} of its characters; "
            f"{int(row['carried_claims'])} of {plural(int(row['claims']), 'English sentence')} drawn on)")


def shift_findings(shifts: pd.DataFrame, gate: pd.DataFrame | None = None, *,
                   min_evidence: int = DEFAULTS.min_evidence) -> list[str]:
    """The shift counts the gate lets through (labels measured right on the corpus gold's test half), each kind
    only when at least ``min_evidence`` linked sentences carry a presented label; then, per label held back, that
    its sentences are to be read side by side and why. No count of a held-back label is stated."""
    gate = label_gate() if gate is None else gate
    lines = []
    shown = presented_counts(shifts, gate)
    for shift in dict.fromkeys(shown["shift"]):
        rows = shown[shown["shift"] == shift].sort_values(["claims", "value"], ascending=[False, True])
        if int(rows["claims"].sum()) < min_evidence:
            continue
        parts = [f"{r.value.replace('_', ' ')} in {plural(int(r.claims), 'linked Chinese sentence')}" for r in rows.itertuples()]
        lines.append(f"{shift.capitalize()} shifts: {listing(parts, quoted=False)}.")
    held = withheld(gate)
    found = {GOLD_LABELS.get(s, {}).get(v) for s, v in zip(shifts["shift"], shifts["value"])}
    held = held[held["label"].isin(found)]
    if len(held):
        names = [f"{r.label.split(':')[1].replace('_', ' ')} ({text_of(r.why)})" for r in held.itertuples()]
        lines.append(f"Not counted, to be read side by side with the cues instead: the sentences labelled "
                     f"{listing(names, quoted=False, limit=len(names))}.")
    return lines


def links_withheld(links) -> str:
    """The one sentence said instead of any count that rests on links, when the link gate holds them back."""
    return (f"How much of the English each Chinese sentence draws on is not counted for this document: "
            f"{text_of(links.why)}. The links are shown to be read side by side (page 04), as pointers, not findings.")


def framing_findings(alignment: pd.DataFrame, coverage: pd.DataFrame, shifts: pd.DataFrame,
                     additions: pd.DataFrame, *, include=FRAMING_TOPICS, gate: pd.DataFrame | None = None,
                     min_evidence: int = DEFAULTS.min_evidence, links=None) -> list[str]:
    """How many sentences link, coverage of the source, what the commentary adds, the shifts worth stating.

    ``include`` picks which of FRAMING_TOPICS to report, in that order. A coverage sentence names a section only
    when it has at least ``min_evidence`` English sentences; shifts go through ``shift_findings`` (``gate``:
    ``helpers.framing.shifts.label_gate``, by default from data/reference/label_quality.csv).
    """
    unknown = set(include) - set(FRAMING_TOPICS)
    if unknown:
        raise ValueError(f"unknown topics {sorted(unknown)}; choose from {FRAMING_TOPICS}")
    found = {topic: [] for topic in FRAMING_TOPICS}
    if links is not None and not links.presented:  # ``links``: the document's LinkGate (Analysis.link_gate)
        found["links"].append(links_withheld(links))
        if "links" not in include and "coverage" in include:
            found["coverage"].append(links_withheld(links))
        alignment, coverage = alignment.iloc[:0], coverage.iloc[:0]
    lines = found["links"]
    zh = alignment["zh_claim_id"].dropna().nunique()
    linked = alignment[alignment["zh_claim_id"].notna() & alignment["en_claim_id"].notna()]["zh_claim_id"].nunique()
    if zh:
        lines.append(f"{linked} of {zh} Chinese sentences ({pct(linked / zh)}) draw on an identifiable English sentence"
                     + (f"; the other {zh - linked} link to none." if linked < zh else "."))
    lines = found["coverage"]
    if len(coverage):
        total = coverage["carried_chars"].sum() / max(coverage["chars"].sum(), 1)
        carried, claims = int(coverage["carried_claims"].sum()), int(coverage["claims"].sum())
        lines.append(f"The commentary draws on {pct(total)} of the English text's characters "
                     f"({carried} of {plural(claims, 'English sentence')}).")
        enough = coverage[coverage["claims"] >= min_evidence]
        if len(enough) > 1:
            best = enough.sort_values(["share_chars", "section"], ascending=[False, True]).iloc[0]
            worst = enough.sort_values(["share_chars", "section"]).iloc[0]
            if best["share_chars"] > worst["share_chars"]:
                lines.append(f"It carries {coverage_sentence(best, min_evidence=min_evidence)}, "
                             f"against {coverage_sentence(worst, min_evidence=min_evidence)}.")
    lines = found["additions"]
    names = additions[additions["addition"] == "entity_only_in_zh"]
    if len(names):
        lines.append(f"Named only in the Chinese: {listing(names['surface'].tolist(), limit=6)}.")
    found["shifts"].extend(shift_findings(shifts, gate, min_evidence=min_evidence) if "shifts" in include else [])
    return [line for topic in FRAMING_TOPICS if topic in include for line in found[topic]]


def withheld_findings(gate: pd.DataFrame | None = None) -> list[str]:
    """One line per shift label the gate holds back: that it is not counted, and why (its measured precision,
    or too few sentences to measure), so a reader knows to judge those sentences by reading them."""
    held = withheld(label_gate() if gate is None else gate)
    lines = [f"{code_of(r.label)} is not counted: {text_of(r.why)}." for r in held.itertuples()]
    return lines or ["Every shift label is measured right often enough to be counted."]
