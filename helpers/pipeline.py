"""The whole analysis of one document, built once: ``run(text, params) -> Analysis``.

``Analysis`` owns every table: the extracted ones (``helpers.tables``), the alignment (``helpers.align``), and the
framing, theme and lab tables on top (``helpers.framing``), all computed from one frozen ``Params`` with one tokenizer.
The notebooks, ``make report`` and ``python -m helpers align`` read their tables from it, so a threshold changed in
one place changes every page and every CSV file together.

``load_analysis(source, **changes)`` is what a notebook calls: it reads the document, builds the analysis (or reads
it from ``.cache/analysis/``, keyed by the document's hash, the parameters and the engine's own code and reference
files), and checks its invariants.
"""

from __future__ import annotations

import fcntl
import hashlib
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from .align import align_claims
from .cache import load_or_build
from .columns import (
    BEYOND, CONTENT_KINDS, KINDS, PART_COMMENTARY, PART_NONCONTENT, PART_ORIGINAL, PARTS, RELATIONS, semicolon_note,
    units_noun,
)
from .frames import column
from .framing import shifts as fr
from .framing.caveats import caveats, mark_beyond, mark_own_additions, short_quote
from .framing.labs import lab_mentions
from .framing.reliability import LinkGate, judged_group, link_gate
from .framing.themes import name_spans, theme_hits, theme_share
from .params import Params
from .paths import CACHE, RAW, REFERENCE, ROOT
from .tables.discover import DISCOVERED
from .tables.entities import default_gazetteer, tokenizer_for
from .tables.extract import Tables
from .tables.extract import extract as extract_tables
from .text.reader import read_document
from .text.segment import SentenceCuts, Tokenizer
from .text.variants import ConvertedView, convert_view
from .vocab import THEMES_PATH, load_themes

__all__ = ["Analysis", "Params", "Tables", "extract", "load_analysis", "run"]

#: Bump when what an Analysis holds changes shape, so cached ones are not reused.
ANALYSIS_VERSION = 4


@dataclass
class Analysis:
    """Every table of one document's analysis, and the parameters that made them; all offsets index ``text``."""

    params: Params
    tables: Tables
    alignment: pd.DataFrame
    frame_tags: pd.DataFrame
    framing: pd.DataFrame
    coverage: pd.DataFrame
    additions: pd.DataFrame
    omissions: pd.DataFrame
    frame_mix: pd.DataFrame
    shifts: pd.DataFrame
    theme_lexicon: pd.DataFrame
    theme_hits: pd.DataFrame
    theme_share: pd.DataFrame
    labs: pd.DataFrame
    caveats: pd.DataFrame  # what a reader must know before any finding (helpers.framing.caveats)
    tokenizer: Tokenizer  # the one that cut every Chinese sentence above: pass it on to cut more the same way
    cuts: SentenceCuts | None = None  # its one cut of each sentence, which every stage above read
    source: str = ""     # the document's file name, when read from a file
    encoding: str = ""   # the encoding it was decoded from
    script: str = ""     # the Chinese script found (helpers.text.variants.detect_script): simplified, traditional, mixed, none

    @property
    def text(self) -> str:
        return self.tables.text

    @property
    def blocks(self) -> pd.DataFrame:
        return self.tables.blocks

    @property
    def claims(self) -> pd.DataFrame:
        return self.tables.claims

    @property
    def mentions(self) -> pd.DataFrame:
        return self.tables.mentions

    @property
    def link_gate(self) -> LinkGate:
        """Whether this document's links may be counted (``helpers.framing.reliability``): read, not stored, so a
        re-measured data/reference/label_quality.csv applies to a cached analysis too."""
        return link_gate(self.caveats, min_precision=self.params.min_label_precision,
                         min_predicted=self.params.min_label_predicted, min_recall=self.params.min_link_recall)

    def named_tables(self) -> dict[str, pd.DataFrame]:
        """Every table written as CSV, by the file name it is written under (``<name>.csv``)."""
        t = self.tables
        return {
            "claims": t.claims, "mentions": t.mentions, "blocks": t.blocks,
            "candidates": t.candidates, "repairs": t.repairs,
            "alignment": self.alignment, "framing": self.framing, "coverage": self.coverage,
            "additions": self.additions, "omissions": self.omissions, "frames": self.frame_tags,
            "frame_mix": self.frame_mix, "shifts": self.shifts, "caveats": self.caveats,
        }

    def describe(self) -> str:
        """One line: the document, its size, and what the aligner made of it."""
        rows = self.alignment.dropna(subset=["zh_claim_id"])
        per_sentence = rows.drop_duplicates("zh_claim_id")
        # linked: a link to an English sentence ('beyond' and 'addition' rows have none), as page 04 counts it
        linked = int(rows.dropna(subset=["en_claim_id"])["zh_claim_id"].nunique())
        beyond = int((per_sentence["relation"] == BEYOND).sum())
        changed = ", ".join(f"{k}={v}" for k, v in self.params.changes().items())
        # sentences of the two versions' content: furniture, titles and outline labels are not counted as sentences
        # and headings with them, said so: a section title or an outline label is content, not a sentence
        kept = self.claims[self.claims["kind"].isin(CONTENT_KINDS) & (self.claims["part"] != PART_NONCONTENT)]
        content, zh_content = len(kept), int((kept["part"] == PART_COMMENTARY).sum())
        noun = units_noun(kept["kind"])
        semis = semicolon_note(kept.loc[kept["part"] == PART_COMMENTARY, "text"])
        script = f" ({self.script} script)" if self.script else ""
        return (f"{self.source or 'the text'}: {self.encoding or 'str'}, {len(self.text):,} characters{script}, "
                f"{len(self.blocks)} blocks, {content} {noun} ({zh_content} Chinese{f' ({semis})' if semis else ''}, {content - zh_content} "
                f"English), {len(self.mentions)} mention{'' if len(self.mentions) == 1 else 's'} of listed or discovered names; "
                + f"{linked} of {len(per_sentence) - beyond} Chinese {noun} linked"
                + (f", {beyond} more beyond the English given" if beyond else "")
                + ("" if self.link_gate.presented else f" (links on {judged_group(self.link_gate.group)} are not "
                                                        "reliable enough to count: read them side by side)")
                + (f" (parameters changed: {changed})" if changed else ""))

    def check(self) -> "Analysis":
        """Raise AssertionError naming the first invariant the tables break; return self."""
        blocks, claims, mentions, text = self.blocks, self.claims, self.mentions, self.text
        assert set(blocks["part"]) <= set(PARTS) and set(blocks["kind"]) <= set(KINDS), "unknown part or kind"
        assert claims["claim_id"].is_unique and (claims["start"] < claims["end"]).all(), "claims overlap or are empty"
        assert all(text[a:b] == s for a, b, s in zip(claims["start"], claims["end"], claims["text"])), \
            "a claim's text is not the source's at its offsets"
        assert claims["block_id"].isin(blocks["block_id"]).all() and mentions["claim_id"].isin(claims["claim_id"]).all()
        assert {PART_COMMENTARY, PART_ORIGINAL} <= set(claims["part"]), "expected a Chinese commentary and an English original"
        zh = claims[(claims["part"] == PART_COMMENTARY) & claims["kind"].isin(CONTENT_KINDS)]
        assert set(self.alignment["relation"]) <= set(RELATIONS), "unknown relation"
        assert set(zh["claim_id"]) == set(self.alignment["zh_claim_id"].dropna().astype(int)), \
            "a Chinese sentence is missing from the alignment"
        originals = claims.loc[claims["part"] == PART_ORIGINAL, "claim_id"]
        assert self.alignment["en_claim_id"].dropna().astype(int).isin(originals).all(), "a link to a non-English claim"
        hits = self.theme_hits
        assert hits["claim_id"].isin(claims["claim_id"]).all() and not hits.duplicated(["claim_id", "theme"]).any()
        assert self.labs["org_type"].isin((*self.params.lab_types, DISCOVERED)).all() and self.labs["part"].isin([PART_COMMENTARY, PART_ORIGINAL]).all()
        return self


def run(text: str, params: Params = Params(), *, gazetteer: pd.DataFrame | None = None) -> Analysis:
    """Extract the tables, align the commentary to the original, and build the framing, theme and lab tables.

    Every stage reads the document's Simplified view (``helpers.text.variants.convert_view``: Traditional script
    and Taiwan or Hong Kong terms converted), so that the gazetteer, cues, lexicons, glossary, dictionaries and
    jieba see the forms they hold; at the end every table's offsets and verbatim text are mapped back to the
    source (``on_source``). A Simplified document is its own view. One tokenizer, the gazetteer's
    (``tables.entities.tokenizer_for``), cuts the Chinese, and each sentence once: the claims' cues, the aligner,
    the frames and the themes all read its one cut (``SentenceCuts``).
    """
    gazetteer = default_gazetteer() if gazetteer is None else gazetteer
    tokenizer = tokenizer_for(gazetteer)
    cuts = SentenceCuts(tokenizer)
    view = convert_view(text)
    tables = extract_tables(view.text, gazetteer=gazetteer, tokenizer=cuts)
    claims, mentions = tables.claims, tables.mentions
    alignment = align_claims(claims, mentions=mentions, params=params.align, tokenizer=cuts)
    alignment = mark_beyond(mark_own_additions(alignment, claims), claims, tables.blocks)
    names = name_spans(claims, mentions)  # a cue inside a name (科技 in 青禾科技) tags no frame or theme
    tags = fr.tag_frames(claims, tokenizer=cuts, names=names)
    framing = fr.framing_table(alignment, claims, mentions, tags, margin=params.certainty_margin,
                               group_limit=params.certainty_group_limit, dropped=params.certainty_dropped,
                               close_ratio=params.certainty_close_ratio, tokenizer=cuts)
    lexicon = load_themes(params.themes_file or THEMES_PATH)
    hits = theme_hits(claims, lexicon, tokenizer=cuts, names=names)
    analysis = Analysis(
        params=params, tables=tables, alignment=alignment, frame_tags=tags, framing=framing,
        coverage=fr.section_coverage(alignment, claims),
        additions=fr.additions(alignment, claims, mentions, level=params.addition_level),
        omissions=fr.omissions(alignment, claims, tags),
        frame_mix=fr.frame_mix(claims, tags),
        shifts=fr.shift_counts(framing),
        theme_lexicon=lexicon, theme_hits=hits, theme_share=theme_share(claims, hits, lexicon),
        labs=lab_mentions(mentions, gazetteer, types=params.lab_types, claims=claims),
        caveats=caveats(claims, tables.blocks, alignment, script=view.script,
                        order_window=params.align.order_window), tokenizer=tokenizer, cuts=cuts,
    )
    return on_source(analysis, view)


# Tables whose rows carry document offsets, and the columns holding the text at those offsets.
_SPAN_TABLES = {"blocks": "text", "claims": "text", "mentions": "surface", "candidates": "surface"}


def _spans_on_source(table: pd.DataFrame, view: ConvertedView, text_column: str | None) -> pd.DataFrame:
    """``table`` with start/end mapped from the view to the source, and ``text_column`` the source's verbatim text."""
    if table.empty:
        return table
    spans = [view.to_source(a, b) for a, b in zip(column(table, "start").tolist(), column(table, "end").tolist())]
    # the offsets as int64 arrays (an astype of the frame afterwards copied every column: 1.7% of the tuning half's
    # extraction, for its one Traditional document)
    table = table.assign(start=np.array([a for a, _ in spans], dtype=np.int64),
                         end=np.array([b for _, b in spans], dtype=np.int64))
    if text_column is not None:
        table[text_column] = [view.source[a:b] for a, b in spans]
    return table


def extract(text: str, *, gazetteer: pd.DataFrame | None = None, tokenizer: Tokenizer | None = None) -> Tables:
    """Every table of stages 1-2 (``helpers.tables.extract.extract``), matched on the text's Simplified view and
    mapped back to ``text`` (what ``python -m helpers extract`` and corpus mode write).

    >>> tables = extract("輝達的晶片很好。\\n\\nNvidia chips are good.\\n")
    >>> tables.mentions[["surface", "entity"]].values.tolist()
    [['輝達', 'nvidia'], ['Nvidia', 'nvidia']]
    """
    view = convert_view(text)
    return tables_on_source(extract_tables(view.text, gazetteer=gazetteer, tokenizer=tokenizer), view)


def tables_on_source(tables: Tables, view: ConvertedView) -> Tables:
    """``tables`` built on ``view.text``, with every offset and verbatim text those of ``view.source``."""
    if view.text == view.source and not view.pieces:
        return tables
    mapped = {name: _spans_on_source(getattr(tables, name), view, column) for name, column in _SPAN_TABLES.items()}
    repairs = tables.repairs
    if not repairs.empty:
        repairs = repairs.assign(position=[view.to_source(int(p), int(p))[0] for p in repairs["position"]])
    return Tables(text=view.source, repairs=repairs, **mapped)


def on_source(analysis: Analysis, view: ConvertedView) -> Analysis:
    """The analysis built on ``view``, with every table's offsets and verbatim text those of ``view.source``.

    Rows keep their ids, so claim ids, links and labels are unchanged; only where a row points into the text
    and what it quotes change (a frame tag's cue too: it has offsets). Cues without offsets of their own (a claim's
    voice cue, hedges, boosters and numbers, a theme hit's cue) are quoted from the source too, found in their
    sentence's view and mapped back.
    """
    if view.text == view.source and not view.pieces:
        return replace(analysis, script=view.script)
    tables = tables_on_source(analysis.tables, view)
    tables = replace(tables, claims=_cues_on_source(tables.claims, analysis.tables.claims, view, _CLAIM_CUE_COLUMNS))
    claim_text = tables.claims.set_index("claim_id")["text"]
    framing = analysis.framing.copy()
    if not framing.empty:
        framing["zh_text"] = framing["zh_claim_id"].map(claim_text).fillna(framing["zh_text"])
        framing["en_text"] = [
            " ".join(claim_text.get(int(i), "") for i in str(ids).split("|") if i) if str(ids) else old
            for ids, old in zip(framing["en_claim_ids"].astype(str), framing["en_text"])
        ]
    additions = analysis.additions.copy()
    if not additions.empty and "zh_claim_id" in additions:
        additions["text"] = additions["zh_claim_id"].map(claim_text).fillna(additions["text"])
        # an entity named only in the Chinese quotes its first mention in that claim, by entity or by org
        first = tables.mentions.sort_values("start", kind="mergesort")
        surfaces: dict = {}
        for key in ("entity", "org"):
            for claim_id, name, surface in zip(first["claim_id"], first[key], first["surface"]):
                surfaces.setdefault((claim_id, name), surface)
        additions["surface"] = [surfaces.get((c, e), old) if old else old for c, e, old
                                in zip(additions["zh_claim_id"], additions["entity"], additions["surface"])]
    labs = analysis.labs
    if not labs.empty:
        by_id = tables.mentions.set_index("mention_id")
        labs = labs.assign(start=labs["mention_id"].map(by_id["start"]), end=labs["mention_id"].map(by_id["end"]),
                           surface=labs["mention_id"].map(by_id["surface"]))
    theme_hits = analysis.theme_hits
    if not theme_hits.empty:
        quoted = _verbatim_cues(analysis.tables.claims, view)
        theme_hits = theme_hits.assign(cue=[quoted(c, cue) for c, cue in zip(theme_hits["claim_id"], theme_hits["cue"])])
    names = _discovered_names_on_source(analysis.tables.mentions, view)
    if names:  # a discovered organisation is named as the source writes it (港灣智算, not the view's 港湾智算)
        tables = replace(tables, mentions=_renamed(tables.mentions, names, ("entity", "org")),
                         claims=_renamed(tables.claims, names, ("entities", "orgs")))
        labs = _renamed(labs, names, ("entity", "org", "org_id", "entity_name"))
        additions = _renamed(additions, names, ("entity", "org"))
    caveats_table = analysis.caveats
    if caveats_table is not None and len(caveats_table) and "evidence" in caveats_table:
        caveats_table = caveats_table.assign(evidence=[_quotes_on_source(str(e), analysis.tables.claims, tables.claims)
                                                       for e in caveats_table["evidence"]])
    return replace(analysis, tables=tables, frame_tags=_spans_on_source(analysis.frame_tags, view, "cue"),
                   framing=framing, additions=additions, labs=labs, theme_hits=theme_hits, caveats=caveats_table,
                   script=view.script)


def _quotes_on_source(evidence: str, view_claims: pd.DataFrame, source_claims: pd.DataFrame) -> str:
    """A caveat's evidence with the sentences it quotes from the view quoted as the source writes them (a Traditional
    document's caveat quoted 笔者认为… where the document says 筆者認為…), whole or cut as ``short_quote`` cuts them."""
    source = dict(zip(source_claims["claim_id"], source_claims["text"].astype(str)))
    for claim_id, text in zip(view_claims["claim_id"], view_claims["text"].astype(str)):
        original = source.get(claim_id)
        if original is None or original == text:
            continue
        for seen, said in ((short_quote(text), short_quote(original)), (text, original)):
            if seen in evidence:
                evidence = evidence.replace(seen, said)
    return evidence


def _discovered_names_on_source(view_mentions: pd.DataFrame, view: ConvertedView) -> dict[str, str]:
    """{a discovered name as the view writes it: as the source does}, from the first mention that writes it whole."""
    names: dict[str, str] = {}
    if view_mentions.empty or "evidence" not in view_mentions:
        return names
    for start, end, surface, org, evidence in zip(view_mentions["start"], view_mentions["end"], view_mentions["surface"],
                                                  view_mentions["org"], view_mentions["evidence"]):
        if evidence and surface == org and org not in names:
            a, b = view.to_source(int(start), int(end))
            if view.source[a:b] != org:
                names[org] = view.source[a:b]
    return names


def _renamed(table: pd.DataFrame, names: dict[str, str], columns) -> pd.DataFrame:
    """``table`` with each name of ``names`` replaced in ``columns`` (a cell may join several names with '|')."""
    if table.empty:
        return table

    def renamed(part: str) -> str:  # a name, or a name the labs table marks '(discovered)'
        base, mark, rest = part.partition(" (")
        return names[base] + mark + rest if base in names else part

    changes = {}
    for column in columns:
        if column in table:
            changes[column] = ["|".join(renamed(part) for part in value.split("|")) if isinstance(value, str)
                               else value for value in table[column]]
    return table.assign(**changes) if changes else table


#: The claims' columns that quote cues found in the sentence, '|'-joined, with no offsets of their own.
_CLAIM_CUE_COLUMNS = ("voice_cue", "hedges", "boosters", "numbers")


def _verbatim_cues(view_claims: pd.DataFrame, view: ConvertedView):
    """``quoted(claim_id, cue)``: the source's characters for a cue the matchers found in the claim's Simplified view
    (輝達 for 辉达, 據路透報導 for 据路透报导); the cue as it is where the view's sentence does not hold it (a cue
    carried from the sentence before, '↑表示')."""
    spans = {int(c): (int(a), t) for c, a, t in zip(view_claims["claim_id"], view_claims["start"], view_claims["text"])}

    def quoted(claim_id, cue: str) -> str:
        start, text = spans.get(int(claim_id), (0, ""))
        position = text.find(cue) if cue else -1
        if position < 0:
            return cue
        a, b = view.to_source(start + position, start + position + len(cue))
        return view.source[a:b]

    return quoted


def _cues_on_source(claims: pd.DataFrame, view_claims: pd.DataFrame, view: ConvertedView, columns) -> pd.DataFrame:
    """``claims`` with each cue of ``columns`` quoted from the source (``_verbatim_cues``)."""
    if claims.empty:
        return claims
    quoted = _verbatim_cues(view_claims, view)
    ids = view_claims["claim_id"].tolist()
    changed = {}
    for name in columns:
        if name in claims:
            changed[name] = ["|".join(quoted(c, cue) for cue in str(value).split("|")) if value else value
                             for c, value in zip(ids, view_claims[name])]
    return claims.assign(**changed).astype({name: claims[name].dtype for name in changed})


def load_analysis(source: str | Path, *, cache: bool = True, **changes) -> Analysis:
    """The analysis of the document at ``source`` with ``changes`` to the default parameters, checked.

    Read from ``.cache/analysis/`` when this document, these parameters and this engine were analysed before.

    >>> load_analysis(RAW / "mulan-psl-v2.zh-en.txt", min_coverage=0.2).describe()[:44]
    'mulan-psl-v2.zh-en.txt: utf-8, 6,870 charact'
    """
    document = read_document(source)
    params = Params().replace(**changes)
    if cache:
        target = CACHE / "analysis" / f"{cache_key(document.text, params)}.pickle"
        if target.exists():
            analysis = load_or_build(target, lambda: run(document.text, params))
        else:
            with _building(target):  # another process building the same analysis: wait for it, then read it
                analysis = load_or_build(target, lambda: run(document.text, params))
    else:
        analysis = run(document.text, params)
    return replace(analysis, source=Path(source).name, encoding=document.encoding).check()


@contextmanager
def _building(target: Path):
    """Hold an advisory lock beside ``target`` while it is built: the report's kernels start while the report
    builds the analysis, and each waits here for it instead of building it again (the lock goes with its process)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target.with_suffix(".lock"), "a") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def cache_key(text: str, params: Params) -> str:
    """The document's hash, the parameters and the engine's own files, in one name."""
    digest = hashlib.sha256()
    for part in (str(ANALYSIS_VERSION), engine_digest(), repr(params), text):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    if params.themes_file:  # a lexicon of the user's own, wherever it lives: its content counts too
        digest.update(Path(params.themes_file).read_bytes())
    return digest.hexdigest()[:32]


@lru_cache(maxsize=1)
def engine_digest() -> str:
    """A hash of the package's code and the reference files: an edit to either makes cached analyses miss."""
    digest = hashlib.sha256()
    files = sorted((ROOT / "helpers").rglob("*.py")) + sorted(p for p in REFERENCE.rglob("*") if p.is_file())
    for path in files:
        digest.update(str(path.relative_to(ROOT)).encode("utf-8"))
        digest.update(path.read_bytes())
    return digest.hexdigest()
