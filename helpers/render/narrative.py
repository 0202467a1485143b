"""Short Markdown findings computed from the tables, so a notebook's prose stays true for any document.

Each ``*_findings`` function returns a list of one-sentence strings; ``answer`` puts a question and its
findings into the Markdown block that opens a notebook. Numbers are formatted the same way on every run.
"""

from __future__ import annotations

import re

import pandas as pd

from ..columns import BEYOND, CONTENT_KINDS, PART_COMMENTARY, PART_NONCONTENT, PART_ORIGINAL, semicolon_note, units_noun
from ..framing.caveats import version_letters, version_weights
from ..framing.labs import org_nouns, through_words
from ..framing.shifts import GOLD_LABELS, gated, label_gate, presented_counts, withheld
from ..framing.themes import fisher_p
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
        return ("**Read first:** no caveats found for this document (the English looks whole; the Chinese reads neither as "
                "a translation nor as a much shorter summary; and fewer of its sentences than the commentary caveat needs "
                "carry a mark the bundle counts as its writer's own voice (an aside cue, brackets, a section of the "
                "writer's own), so it is not labelled a commentary, though it may be one: the asides page 04 lists "
                "may still be there).")
    lines = [f"- **{text_of(k.replace('_', ' '))}**: {text_of(e)} (affects {text_of(a)})"
             for k, e, a in zip(caveats["kind"], caveats["evidence"], caveats["affects"])]
    return "**Read first:** caveats for this document:\n\n" + "\n".join(lines)


# ---- 01 overview --------------------------------------------------------------------------------

#: How each kind of furniture is named in the closing sentence, one and many (a kind not listed: its own name). The
#: parser files a line that is only a date (a news site's '2026/01/05 08:30') with the bylines, so they are named so.
FURNITURE_NAMES = {"byline": ("byline, credit or date line", "bylines, credits and date lines"),
                   "boilerplate": ("line of navigation, metadata or prompt", "lines of navigation, metadata or prompts"),
                   "image_placeholder": ("image placeholder", "image placeholders"), "caption": ("caption", "captions")}
#: The kinds named by their own names where a sentence lists them with examples beside, but for the bylines, whose
#: name alone would call a date line a byline.
FURNITURE_SHORT_NAMES = {"byline": FURNITURE_NAMES["byline"]}


def furniture_name(kind, n: int, names: dict[str, tuple[str, str]] = FURNITURE_SHORT_NAMES) -> str:
    """A count of one kind of furniture in words: ``furniture_name("byline", 2)`` → ``'2 bylines, credits and date
    lines'``; a kind ``names`` does not list is its own name (``furniture_name("image_placeholder", 1)`` → ``'1 image
    placeholder'``)."""
    word = str(kind).replace("_", " ")
    return plural(n, *names.get(kind, (word, word + "s")))


def overview_findings(blocks: pd.DataFrame, claims: pd.DataFrame, repairs: pd.DataFrame) -> list[str]:
    """How the document divides: parts, sentences per part, the non-content found, glued units repaired."""
    claims = claims[claims["kind"].isin(CONTENT_KINDS)]  # content: not the title, not a label of the outline
    sizes = claims.groupby("part").size()
    zh, en = int(sizes.get(PART_COMMENTARY, 0)), int(sizes.get(PART_ORIGINAL, 0))
    one, many = units_noun(claims["kind"], one=True), units_noun(claims["kind"])  # a heading is never called a sentence
    noise = blocks[blocks["part"] == PART_NONCONTENT]
    zh_weight, _ = version_weights(claims)  # the one length measure of every page (the caveats')
    commentary = blocks[blocks["part"] == PART_COMMENTARY]
    # the Chinese version's own title and outline labels ('Three Observations', 'Summary') may be in English: said so
    titles = int((commentary["kind"] == "title").sum()) if "kind" in blocks else 0
    labels = int((commentary["kind"] == "label").sum()) if "kind" in blocks else 0
    code = (blocks["kind"] == "code") if "kind" in blocks else pd.Series(False, index=blocks.index)
    zh_code, en_code = (int((code & (blocks["part"] == part)).sum()) for part in (PART_COMMENTARY, PART_ORIGINAL))
    parts = (["its title"] if titles else []) + ([plural(labels, "outline label") + " such as 'Summary'"] if labels else []) \
        + ([plural(zh_code, "line of code", "lines of code")] if zh_code else [])
    framing_note = f" (of them {' and '.join(parts)}, not counted as sentences)" if parts else ""
    english_note = f" (of them {plural(en_code, 'line of code', 'lines of code')}, not counted as sentences)" if en_code else ""
    lines = [
        f"{plural(len(blocks), 'block')}: {plural(len(commentary), 'block')} of the Chinese version{framing_note}, "
        f"{plural(int((blocks['part'] == PART_ORIGINAL).sum()), 'block')} of English original{english_note} and "
        f"{plural(len(noise), 'block')} of non-content.",
    ]
    if zh and en:
        semis = semicolon_note(claims.loc[claims["part"] == PART_COMMENTARY, "text"])
        lines.append(
            f"The Chinese version has {plural(zh, one, many)} ({zh_weight:,} Han characters{'; ' + semis if semis else ''}) against the "
            f"original's {plural(en, one, many)} ({version_letters(claims)[1]:,} Latin letters): "
            + (f"about one Chinese {one} for every {en / zh:.1f} English ones." if en >= zh else
               f"about {zh / en:.1f} Chinese {many} for every English one.")
        )
    if len(noise):
        kinds = noise["kind"].value_counts()
        texts = list(dict.fromkeys(noise["text"].str.strip()))
        shown = [t if len(t) <= 24 else t[:23] + "…" for t in texts[:4]]
        lines.append(
            f"Non-content set aside: {listing([furniture_name(k, int(n)) for k, n in kinds.items()], quoted=False)} "
            f"(e.g. {listing(shown, limit=4, code=True)})."
        )
    if len(repairs):
        kinds = repairs["repair"].value_counts()
        lines.append(f"{plural(len(repairs), 'glued unit')} split apart: "
                     f"{listing([f'{n} × {k.replace(chr(95), chr(32))}' for k, n in kinds.items()])}.")
    else:
        lines.append("No glued unit found where the parser looks for one: a word running into a capitalised sentence "
                     "opener with no space between (a heading into its paragraph, ‘…labThe’; a sentence into the next, "
                     "‘spending.Some’), or a heading run in after a space that repeats a name of its paragraph.")
    return lines


# ---- 02 themes ----------------------------------------------------------------------------------

def theme_evidence(row, *, min_difference: float = DEFAULTS.min_difference,
                   min_sentences: int = DEFAULTS.min_theme_sentences, min_cues: int = DEFAULTS.min_theme_cues,
                   max_p: float = DEFAULTS.max_theme_p) -> str:
    """Why a theme's difference between the versions is not stated ('' when it may be): the shares differ by less
    than ``min_difference``; the version that dwells more has fewer than ``min_sentences`` sentences touching it,
    or they rest on fewer than ``min_cues`` distinct words; or the difference could be chance (Fisher p > ``max_p``).
    ``row`` is a row of ``helpers.framing.themes.theme_emphasis``.

    >>> row = {"zh_share": 1 / 68, "en_share": 9 / 138, "difference": 1 / 68 - 9 / 138, "zh_hits": 1, "zh_claims": 68,
    ...        "en_hits": 9, "en_claims": 138, "zh_cues": "审批 ×1", "en_cues": "decision making ×2|aid ×1", "p_value": 0.17}
    >>> theme_evidence(row)
    'could be chance, p 0.17 above 0.05'
    """
    difference = round(float(row["difference"]), 9)  # 0.15 − 0.10 is 0.05, not 0.0499…
    if abs(difference) < min_difference:
        return f"the shares differ by under {pct(min_difference)}"
    side = "zh" if difference > 0 else "en"
    hits = int(row.get(f"{side}_hits", 0))
    cues = [c for c in str(row.get(f"{side}_cues", "") or "").split("|") if c]
    if hits < min_sentences:
        return f"only {plural(hits, LANG_NAMES[side] + ' sentence')} {'touches' if hits == 1 else 'touch'} it, under {min_sentences}"
    if len(cues) < min_cues:
        return f"its {LANG_NAMES[side]} sentences rest on {plural(len(cues), 'word')}, under {min_cues}"
    p_value = float(row.get("p_value", 0.0))
    if p_value > max_p:
        return f"could be chance, p {_p_above(p_value, max_p)} above {max_p:.2f}"
    return _without_headings(row, difference, min_difference, max_p)


def _without_headings(row, difference: float, min_difference: float, max_p: float) -> str:
    """Why a gap is not stated though it passes on sentences and headings together ('' when it holds without the
    headings too): counted over the sentences alone, its shares differ by less, the other way, or by chance. A
    summary's outline of short headings (一、核心命题, What, Why) touches few themes and can make a gap of its own."""
    if not {"zh_headings", "en_headings", "zh_heading_hits", "en_heading_hits"} <= set(row.keys()):
        return ""
    heads = {lang: int(row[f"{lang}_headings"]) for lang in ("zh", "en")}
    if not any(heads.values()):
        return ""
    hits = {lang: int(row[f"{lang}_hits"]) - int(row[f"{lang}_heading_hits"]) for lang in ("zh", "en")}
    claims = {lang: int(row[f"{lang}_claims"]) - heads[lang] for lang in ("zh", "en")}
    if not all(claims.values()):
        return ""
    apart = round(hits["zh"] / claims["zh"] - hits["en"] / claims["en"], 9)
    held = f"without the headings ({heads['zh']} Chinese, {heads['en']} English)"
    if apart * difference <= 0 or abs(apart) < min_difference:
        return f"{held} the shares differ by under {pct(min_difference)}"
    p_value = fisher_p(hits["zh"], claims["zh"], hits["en"], claims["en"])
    if p_value > max_p:
        return f"{held} it could be chance, p {_p_above(p_value, max_p)} above {max_p:.2f}"
    return ""


def _p_above(p_value: float, bar: float) -> str:
    """``p_value`` with as many decimals as it takes to show it above ``bar`` (0.0526 against 0.05 is '0.053', never
    '0.05 above 0.05').

    >>> _p_above(0.31, 0.05), _p_above(0.0526, 0.05), _p_above(0.05004, 0.05)
    ('0.31', '0.053', '0.05004')
    """
    for decimals in range(2, 7):
        if round(p_value, decimals) > bar:
            return f"{p_value:.{decimals}f}"
    return f"{p_value:.6g}"


def unstated_themes(emphasis: pd.DataFrame, params=None, *, small: bool = False) -> dict[str, str]:
    """The themes whose shares differ by ``min_difference`` or more but whose gap is not stated (``theme_evidence``
    finds too little behind it), each with why: what the tables mark. ``small``: also the themes whose shares differ
    by less than ``min_difference`` (why: 'the shares differ by under 5%'), which the charts mark as well, since
    the pages state no gap for them either and two bars of 7% and 3% drawn plain would say more than the sentences
    do. ``params``: a ``helpers.params.Params`` (the defaults when None)."""
    params = DEFAULTS if params is None else params
    if not {"zh_hits", "en_hits", "zh_claims", "en_claims"} <= set(emphasis.columns):
        return {str(t): "no evidence counted" for t in emphasis.get("theme", [])} if small else {}
    why = {}
    for _, row in emphasis.iterrows():
        if abs(round(float(row["difference"]), 9)) < params.min_difference and not small:
            continue
        reason = theme_evidence(row, min_difference=params.min_difference, min_sentences=params.min_theme_sentences,
                                min_cues=params.min_theme_cues, max_p=params.max_theme_p)
        if reason:
            why[str(row["theme"])] = reason
    return why


def share_units(row, lang: str | None = None, *, one: bool = False) -> str:
    """What a theme share counts, for ``lang`` or both versions: 'sentences', or 'sentences and headings' where the
    version's counted units hold headings (``{lang}_headings`` of ``helpers.framing.themes.theme_emphasis``)."""
    langs = [lang] if lang else ["zh", "en"]
    headings = any(int(row.get(f"{x}_headings", 0) or 0) for x in langs)
    return units_noun(["heading"] if headings else [], one=one)


def _theme_sentence(row) -> str:
    """One theme's difference with the counts and the words it rests on."""
    def side(lang):
        cues = [c for c in str(row.get(f"{lang}_cues", "") or "").split("|") if c]
        # a sentence is credited to one of its cue words, so "agent ×20" counts sentences, not occurrences of the word
        words = f", each credited to one cue word: {listing(cues, limit=3, code=True)}" if cues else ""
        name = LANG_NAMES[lang]
        return (f"{int(row[f'{lang}_hits'])} of {plural(int(row[f'{lang}_claims']), f'{name} ' + share_units(row, lang, one=True), f'{name} ' + share_units(row, lang))}"
                f"{words}")
    return (f"{text_of(str(row['theme']).replace('_', ' '))} ({pct(row['zh_share'])} of Chinese vs "
            f"{pct(row['en_share'])} of English {share_units(row)}; {side('zh')}; {side('en')})")


def top_terms_line(terms: pd.DataFrame, language: str, *, shown: int = 5, left_out: tuple[str, ...] = ()) -> str:
    """The ``shown`` most frequent terms in a sentence, with their counts; a tie across the last place is said as a tie
    and listed whole, never broken by the alphabet ('' when there are no terms). ``terms``: ``top_terms`` rows. The
    sentence says what a count is (whole words as the text is cut: 下降 inside 价格下降 is not counted) and names the
    words ``left_out`` of every count (the ``extra_stopwords`` parameter), so a reader missing a word knows why.

    >>> terms = pd.DataFrame({"term": ["a", "b", "c", "d", "e"], "count": [9, 5, 5, 5, 2]})
    >>> top_terms_line(terms, "English", shown=2)
    'Most frequent English terms (whole words; common words left out): `a` (9); then, tied at 5, `b`, `c` and `d`.'
    >>> top_terms_line(terms.head(4), "English", shown=2, left_out=("ai",))   # the table stops inside the tie
    'Most frequent English terms (whole words; common words and `ai` left out): `a` (9); then, tied at 5, among them `b`, `c` and `d`.'
    >>> top_terms_line(terms.head(1), "Chinese", shown=1)
    'Most frequent Chinese terms (words as the segmenter cuts the text, none counted inside a longer word; common words left out): `a` (9).'
    """
    if terms.empty:
        return ""
    skipped = listing([code_of(w) for w in left_out], quoted=False, limit=len(left_out)) if left_out else ""
    # Chinese has no spaces: a word is what the segmenter cuts, and one it keeps inside a longer dictionary word is
    # not counted again (下降 in 价格下降): said, so a reader counting by eye knows why a count is lower than theirs
    unit = ("words as the segmenter cuts the text, none counted inside a longer word" if language == "Chinese"
            else "whole words")
    language = f"{language} terms ({unit}; common words{' and ' + skipped if skipped else ''} left out)"
    if "count" not in terms or len(terms) <= shown or terms["count"].iloc[shown] != terms["count"].iloc[shown - 1]:
        top = terms.head(shown)
        counted = [f"{code_of(t)} ({int(c)})" for t, c in zip(top["term"], top["count"])] if "count" in top else \
            [code_of(t) for t in top["term"]]
        return f"Most frequent {language}: {listing(counted, quoted=False, limit=shown)}."
    tie = int(terms["count"].iloc[shown - 1])
    above, tied = terms[terms["count"] > tie], terms[terms["count"] == tie]
    among = " among them" if tied.index[-1] == terms.index[-1] else ""  # the table may stop inside the tie
    lead = listing([f"{code_of(t)} ({int(c)})" for t, c in zip(above["term"], above["count"])], quoted=False,
                   limit=len(above))
    rest = f"tied at {tie},{among} {listing([code_of(t) for t in tied['term']], quoted=False, limit=8)}"
    return f"Most frequent {language}: {lead}; then, {rest}." if len(above) else \
        f"Most frequent {language}, {rest}."


def theme_findings(emphasis: pd.DataFrame, terms: pd.DataFrame | None = None, *,
                   min_difference: float = DEFAULTS.min_difference, min_sentences: int = DEFAULTS.min_theme_sentences,
                   min_cues: int = DEFAULTS.min_theme_cues, max_p: float = DEFAULTS.max_theme_p,
                   caveats: pd.DataFrame | None = None, params=None) -> list[str]:
    """Each version's top terms (when ``terms`` is given), then the themes it dwells on more: a theme is stated only
    when ``theme_evidence`` finds enough on each side (the shares differ by ``min_difference``, the version that dwells
    more has ``min_sentences`` sentences touching it through ``min_cues`` distinct words, and the difference is beyond
    chance), each with the sentences and words it rests on; the differences left unstated are named, with why.
    ``params`` (a ``helpers.params.Params``, e.g. ``analysis.params``) supplies all four thresholds at once."""
    if params is not None:
        min_difference, min_sentences = params.min_difference, params.min_theme_sentences
        min_cues, max_p = params.min_theme_cues, params.max_theme_p
    lines = []
    terms = pd.DataFrame(columns=["lang", "term"]) if terms is None else terms
    for lang in ["zh", "en"]:
        line = top_terms_line(terms[terms["lang"] == lang], LANG_NAMES[lang],
                              left_out=tuple(params.extra_stopwords) if params is not None else DEFAULTS.extra_stopwords)
        if line:
            lines.append(line)
    zh_name = chinese_kind(caveats)
    if not {"zh_hits", "en_hits", "zh_claims", "en_claims"} <= set(emphasis.columns):
        emphasis = emphasis.assign(zh_hits=0, en_hits=0, zh_claims=0, en_claims=0, p_value=1.0)  # no evidence: no claim
    verdict = emphasis.apply(lambda r: theme_evidence(r, min_difference=min_difference, min_sentences=min_sentences,
                                                      min_cues=min_cues, max_p=max_p), axis=1) if len(emphasis) else \
        pd.Series(dtype=object)
    stated = emphasis[verdict.eq("")] if len(emphasis) else emphasis
    more_zh = stated[stated["difference"] > 0].sort_values(["difference", "theme"], ascending=[False, True])
    more_en = stated[stated["difference"] < 0].sort_values(["difference", "theme"])
    describe = lambda rows: listing([_theme_sentence(r) for _, r in rows.iterrows()], quoted=False, limit=len(rows))
    verb = "uses a theme's words"  # what is counted: sentences holding a cue word, not what a version dwells on
    if len(more_zh):
        lines.append(f"The Chinese {zh_name} {verb} in a larger share of its sentences than the English: {describe(more_zh)}.")
    if len(more_en):
        lines.append(f"The English original {verb} in a larger share of its sentences than the Chinese: {describe(more_en)}.")
    if zh_name == "translation" and (len(more_zh) or len(more_en)):
        row = emphasis.iloc[0]
        lines.append(f"In a translation these shares differ mostly with how each version is cut into sentences "
                     f"({int(row['zh_claims'])} Chinese against {int(row['en_claims'])} English here) and with the cue "
                     f"lists, not with what the translator chose to stress.")
    if (len(more_zh) or len(more_en)) and caveats is not None and len(caveats) and "english_excerpt" in set(caveats["kind"]):
        # the Chinese's share counts what it says of English the file lacks (the caveat says so): a gap may be there
        lines.append("The English here is an excerpt: the Chinese's shares also count what it says of the part of the "
                     "source the file does not hold, so a gap may lie in that part rather than in the writer's emphasis.")
    unstated = emphasis[(emphasis["difference"].abs().round(9) >= min_difference) & verdict.ne("")] if len(emphasis) else emphasis
    if len(unstated):
        names = [f"{text_of(str(r['theme']).replace('_', ' '))} ({pct(r['zh_share'])} vs {pct(r['en_share'])}: "
                 f"{verdict[i]})" for i, r in unstated.iterrows()]
        lines.append(f"Not stated, each with why: {listing(names, quoted=False, limit=len(names))}.")
    if not len(more_zh) and not len(more_en):
        lines.append(f"No theme's words fill a larger share of one version's sentences on enough evidence (a share {pct(min_difference)} "
                     f"higher, from {min_sentences} sentences and {min_cues} words, beyond chance).")
    return lines


def chinese_kind(caveats: pd.DataFrame | None) -> str:
    """What the Chinese version is: 'translation' with the ``translation`` caveat, 'report' with the ``own_reporting``
    one (a news report with reporting of its own), 'commentary' with the ``commentary`` caveat (its writer's own asides
    are there), else 'summary' (a summary is never called a commentary).

    >>> [chinese_kind(pd.DataFrame({"kind": k})) for k in (["translation"], ["chinese_much_shorter", "commentary"], [],
    ...                                                     ["own_reporting", "commentary"])]
    ['translation', 'commentary', 'summary', 'report']
    """
    if _is_translation(caveats):
        return "translation"
    if caveats is not None and len(caveats) > 0 and "own_reporting" in set(caveats["kind"]):
        return "report"
    if caveats is not None and len(caveats) > 0 and "commentary" in set(caveats["kind"]):
        return "commentary"
    return "summary"


def _is_translation(caveats: pd.DataFrame | None) -> bool:
    """The document carries the ``translation`` caveat (helpers.framing.caveats): its shifts are a translator's."""
    return caveats is not None and len(caveats) > 0 and "translation" in set(caveats["kind"])


# ---- 03 lab mentions ----------------------------------------------------------------------------

def mention_findings(by_part: pd.DataFrame, one_version: pd.DataFrame, co: pd.DataFrame | None = None, *,
                     excerpt: bool = False) -> list[str]:
    """The most named organisations, the ones only one version names, the strongest pairing. A mention is of the
    organisation or of one of its products (the gazetteer rolls models and products up to their maker), and every
    sentence says so. ``excerpt``: ``one_version`` was computed leaving out the Chinese beyond the English given
    (``labs_within_english``), which the sentences then say."""
    if by_part.empty:
        # said of what was looked for: a company neither the gazetteer lists nor discovery takes for one may be there
        return ["None of the gazetteer's labs and companies is named, and discovery took no other name for one; "
                "a company known to neither can still be named (the candidates table lists the names weighed)."]
    lines = []
    ranked = by_part.sort_values(["total", "org"], ascending=[False, True], kind="stable")
    shown = 3
    if len(ranked) > shown and int(ranked["total"].iloc[shown]) == int(ranked["total"].iloc[shown - 1]):
        tie = int(ranked["total"].iloc[shown - 1])   # a tie across the last place: said as a tie, not cut by the alphabet
        above, tied = ranked[ranked["total"] > tie], ranked[ranked["total"] == tie]
        most = listing([f"{text_of(r.org)} ({plural(int(r.total), 'mention')})" for r in above.itertuples()],
                       quoted=False, limit=len(above))
        rest = f"tied at {plural(tie, 'mention')}, {listing(tied['org'].tolist(), limit=6)}"
        most = f"{most}; then, {rest}" if len(above) else rest
    else:
        most = listing([f"{text_of(r.org)} ({plural(int(r.total), 'mention')})" for r in ranked.head(shown).itertuples()],
                       quoted=False)
    if ranked["total"].nunique() == 1 and len(ranked) <= 6:  # all named alike: none is named "most often"
        tie = int(ranked["total"].iloc[0])
        most = None
        counted = (f"{listing(ranked['org'].tolist(), limit=6)} ({plural(tie, 'mention')}"
                   f"{' each' if len(ranked) > 1 else ''})")
    lines.append(f"{plural(len(by_part), *org_nouns(by_part['org']))} named in the text (the gazetteer's lab "
                 f"types and discovered names), directly or through a product"
                 + (f"; most often {most}." if most is not None else f": {counted}."))

    def leaders(part: str) -> tuple[list[str], int]:  # every organisation tied for most, never one picked among equals
        most = int(by_part[part].max()) if len(by_part) else 0
        return (sorted(by_part.loc[by_part[part] == most, "org"], key=lambda o: str(o).casefold()) if most else []), most

    (zh_orgs, zh_most), (en_orgs, en_most) = leaders(PART_COMMENTARY), leaders(PART_ORIGINAL)
    if zh_orgs and en_orgs and zh_orgs != en_orgs:
        each = lambda orgs: " each" if len(orgs) > 1 else ""
        # a version that names one organisation ranks nothing: it names "only" that one, never "most"
        alone = {p: int((by_part[p] > 0).sum()) == 1 for p in (PART_COMMENTARY, PART_ORIGINAL)}

        def side(part: str, orgs: list[str], count: int, *, most: bool = True) -> str:
            through = through_words(by_part, orgs[0], part) if len(orgs) == 1 else ""  # "4 of them through React"
            names, counted = listing(orgs, limit=len(orgs)), f"({plural(count, 'mention')}{each(orgs)}{through})"
            return f"only {names} {counted}" if alone[part] else f"{names} most {counted}" if most else f"{names} {counted}"
        # the English's "names … most" is left to be understood where the Chinese's said it, and said where it did not
        en_side = side(PART_ORIGINAL, en_orgs, en_most, most=alone[PART_COMMENTARY])
        en_side = f"names {en_side}" if alone[PART_COMMENTARY] or alone[PART_ORIGINAL] else en_side
        lines.append(f"With their products, the Chinese names {side(PART_COMMENTARY, zh_orgs, zh_most)}, the original "
                     f"{en_side}.")
    within = " within the English given" if excerpt else ""
    for part, label in [(PART_COMMENTARY, f"Only the Chinese{within} names"), (PART_ORIGINAL, "Only the English names")]:
        only = one_version[one_version["only_in"] == part]
        # a name the other version gives only outside its text (a byline, an author's note, boilerplate) is said apart
        outside = only[only["in_other_furniture"].astype(bool)] if "in_other_furniture" in only else only.iloc[:0]
        only = only.drop(outside.index)
        if len(only):
            lines.append(f"{label}, directly or through a product, {listing(only['org'].tolist(), limit=6)}.")
        if len(outside):
            this, that = ("Chinese", "English") if part == PART_COMMENTARY else ("English", "Chinese")
            lines.append(f"Named in the {this}'s text and in the {that} only outside its text (a byline, an author's note "
                         f"or boilerplate): {listing(outside['org'].tolist(), limit=6)}.")
    if excerpt:
        # a name the Chinese gives only past the English's end is neither version's alone: said apart, never silent
        beyond = by_part[(by_part[PART_COMMENTARY] > 0) & (by_part[PART_ORIGINAL] == 0)
                         & ~by_part["org"].isin(one_version.loc[one_version["only_in"] == PART_COMMENTARY, "org"])]
        if len(beyond):
            lines.append(f"Named in the Chinese only beyond the English given, so perhaps in the part of the source the "
                         f"file lacks: {listing(beyond['org'].tolist(), limit=6)}.")
    if co is not None and len(co) > 1:
        pairs = co.where(~pd.DataFrame(
            [[i >= j for j in range(len(co))] for i in range(len(co))], index=co.index, columns=co.columns))
        stacked = pairs.stack().sort_values(ascending=False, kind="mergesort")
        if len(stacked) and stacked.iloc[0] > 0:
            n = int(stacked.iloc[0])
            tied = [f"{text_of(a)} and {text_of(b)}" for a, b in stacked[stacked == n].index]  # a tie is said as one
            if len(tied) == 1:
                lines.append(f"Most often named together, directly or through a product: {tied[0]} "
                             f"({plural(n, 'paragraph')}).")
            else:
                lines.append(f"Most often named together, directly or through a product, tied at "
                             f"{plural(n, 'paragraph')}: {'; '.join(tied)}.")
    return lines


def discovery_none(candidates: pd.DataFrame, *, limit: int = 8) -> str:
    """What discovery's silence means: no organisation candidate, with the name-like strings of the two versions it
    weighed and rejected (``candidates``: the extraction's candidate names), so a reader can see what it looked at.

    >>> discovery_none(pd.DataFrame({"surface": ["LoRA", "Moat", "LoRA"], "part": ["original"] * 3}))
    'Discovery found no organisation candidate outside the gazetteer in this document. The name-like strings it weighed and did not take for organisations: `LoRA` ×2 and `Moat` ×1.'
    """
    head = "Discovery found no organisation candidate outside the gazetteer in this document."
    read = candidates[candidates["part"].isin([PART_COMMENTARY, PART_ORIGINAL])] if len(candidates) else candidates
    if read.empty:
        return head + (" It found no name-like string to weigh outside the gazetteer and its stoplist (a capitalised word "
                       "that opens a sentence is not one).")
    counts = read["surface"].astype(str).value_counts(sort=False)
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0].casefold()))
    shown = [f"{code_of(name)} ×{n}" for name, n in ordered]
    return (head + " The name-like strings it weighed and did not take for organisations: "
            + listing(shown, limit=limit, quoted=False) + ".")


def labs_within_english(labs: pd.DataFrame, alignment: pd.DataFrame) -> pd.DataFrame:
    """The lab mentions without those in Chinese sentences beyond the English given (relation 'beyond'): a name the
    Chinese takes from English the file lacks is not one the Chinese adds."""
    beyond = alignment.loc[alignment["relation"] == BEYOND, "zh_claim_id"].dropna().astype(int)
    return labs[~labs["claim_id"].isin(set(beyond))]


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
            f"{int(row['carried_claims'])} of {plural(int(row['claims']), 'English sentence or heading', 'English sentences and headings')} drawn on)")


TRANSLATOR = "the translator's choices, not a commentator's: the document is a translation"

#: Labels that say a linked sentence kept what its English had: not a shift, so never counted or drawn as one (a
#: sentence that keeps the author's claim as the author's is the translation or summary doing its job).
NOT_SHIFTS = {("voice", "attributed"), ("certainty", "unchanged"), ("voice", "plain"), ("generalisation", "same")}


#: What is said of shifts where the document's links are held back: a shift is read off a link.
SHIFTS_WITHOUT_LINKS = ("No shift in voice or certainty is counted for this document: a shift is read off a link, and the "
                        "links are held back.")


def shift_changes(shifts: pd.DataFrame, gate: pd.DataFrame | None = None, *, links=None) -> pd.DataFrame:
    """The shift counts (``helpers.framing.shifts.shift_counts`` output) to present: labels the gate presents that
    are changes (NOT_SHIFTS left out); none where the document's links are held back (``links``, its ``LinkGate``):
    a shift is read off a link, and a count of them is only as good as the links.

    >>> counts = pd.DataFrame({"shift": ["voice", "voice"], "value": ["attributed", "absorbed"], "claims": [9, 2]})
    >>> gate = pd.DataFrame({"label": ["voice:attributed", "voice:absorbed"], "presented": [True, True]})
    >>> shift_changes(counts, gate)[["value", "claims"]].to_dict("records")
    [{'value': 'absorbed', 'claims': 2}]
    """
    shown = presented_counts(shifts, gate)
    if links is not None and not links.presented:
        return shown.iloc[:0].reset_index(drop=True)
    keep = [(s, v) not in NOT_SHIFTS for s, v in zip(shown["shift"], shown["value"])]
    return shown.loc[keep].reset_index(drop=True)


def shift_findings(shifts: pd.DataFrame, gate: pd.DataFrame | None = None, *,
                   min_evidence: int = DEFAULTS.min_evidence, caveats: pd.DataFrame | None = None, links=None) -> list[str]:
    """The shift counts the gate lets through (labels measured right on the corpus gold's test half), each kind
    only when at least ``min_evidence`` linked sentences carry a presented label; then, per label held back, that
    its sentences are to be read side by side and why. No count of a held-back label is stated. When ``caveats``
    hold ``translation``, every line says the shifts are the translator's choices (TRANSLATOR)."""
    gate = label_gate() if gate is None else gate
    whose = f" ({TRANSLATOR})" if _is_translation(caveats) else ""
    lines = [SHIFTS_WITHOUT_LINKS] if links is not None and not links.presented else []
    shown = shift_changes(shifts, gate, links=links)
    for shift in dict.fromkeys(shown["shift"]):
        rows = shown[shown["shift"] == shift].sort_values(["claims", "value"], ascending=[False, True])
        if int(rows["claims"].sum()) < min_evidence:
            continue
        parts = [f"{r.value.replace('_', ' ')} in {plural(int(r.claims), 'linked Chinese sentence')}" for r in rows.itertuples()]
        lines.append(f"{shift.capitalize()} shifts{whose}: {listing(parts, quoted=False)}.")
    held = withheld(gate)
    found = {GOLD_LABELS.get(s, {}).get(v) for s, v in zip(shifts["shift"], shifts["value"])}
    held = held[held["label"].isin(found)]
    if len(held):
        names = [f"{r.label.split(':')[1].replace('_', ' ')} ({text_of(r.why)})" for r in held.itertuples()]
        lines.append(f"Not counted, to be read side by side with the cues instead{whose}: the sentences labelled "
                     f"{listing(names, quoted=False, limit=len(names))}.")
    return lines


def judged_as(links) -> str:
    """Why a document's links are measured against the summaries' ('' for a translation's): a compiled news report or a
    commentary is no summary, but any Chinese that does not read as a translation is judged with them.

    >>> from types import SimpleNamespace
    >>> judged_as(SimpleNamespace(group="summaries")), judged_as(SimpleNamespace(group="translations"))
    (', which does not read as a translation (its links are judged with those of summaries and commentaries)', '')
    """
    return (", which does not read as a translation (its links are judged with those of summaries and commentaries)"
            if getattr(links, "group", "") == "summaries" else "")


def links_withheld(links) -> str:
    """The one sentence said instead of any count that rests on links, when the link gate holds them back."""
    return (f"How much of the English each Chinese sentence draws on is not counted for this document{judged_as(links)}: "
            f"{text_of(links.why)}. The links are shown to be read side by side (page 04), as pointers, not findings.")


#: The English column's name where a document's links are held back: the aligner's pointer, not a finding.
UNCHECKED_ENGLISH = "English the aligner links it to (unchecked)"
#: The framing table's label columns, and what they show where the links are held back.
SHIFT_LABEL_COLUMNS = ("certainty_shift", "voice_shift", "generalisation_shift")
NOT_READ = "not counted (link unchecked)"  # a label read off such a link may still be listed below as worth reading


def not_counted(what: str, links) -> str:
    """The line shown in place of a table whose counts rest on the links, where the link gate (``links``, the
    document's ``LinkGate``) holds them back: what is left out, and why. No count of it is shown anywhere.

    >>> from types import SimpleNamespace
    >>> not_counted("Coverage per section", SimpleNamespace(presented=False, why="links were right 5 times in 10"))
    'Coverage per section: not shown for this document, since its counts rest on the links and links were right 5 times in 10. Read the sentences side by side instead (each Chinese sentence beside the English the aligner links it to).'
    """
    return (f"{what}: not shown for this document, since its counts rest on the links and {text_of(links.why)}. "
            f"Read the sentences side by side instead (each Chinese sentence beside the English the aligner links it to).")


def link_rows(table: pd.DataFrame, links=None, columns: list[str] | None = None,
              gate: pd.DataFrame | None = None) -> pd.DataFrame:
    """The framing table's ``columns`` to read side by side: each shift label the label gate holds back shown as
    'read side by side' (``helpers.framing.shifts.gated``), and, where the link gate holds the links back (``links``),
    the English column named for what it is: the aligner's link, unchecked; its linked rows then come first (in
    reading order, then the rest), so that a page showing the first rows shows the pointers it speaks of, not ten
    rows with an empty English column."""
    rows = gated(table, gate)
    if links is not None and not links.presented and "en_text" in rows:
        unlinked = rows["en_text"].fillna("").astype(str).str.strip() == ""
        rows = pd.concat([rows[~unlinked], rows[unlinked]])
    rows = rows[columns] if columns is not None else rows
    if links is not None and not links.presented:
        # a label is read off the link: over an unchecked link, 'unchanged' is as unfounded as 'sharpened'
        labels = [c for c in SHIFT_LABEL_COLUMNS if c in rows.columns]
        rows = rows.assign(**{c: NOT_READ for c in labels}).rename(columns={"en_text": UNCHECKED_ENGLISH})
    return rows


def framing_findings(alignment: pd.DataFrame, coverage: pd.DataFrame, shifts: pd.DataFrame,
                     additions: pd.DataFrame, *, include=FRAMING_TOPICS, gate: pd.DataFrame | None = None,
                     min_evidence: int = DEFAULTS.min_evidence, links=None,
                     caveats: pd.DataFrame | None = None, claims: pd.DataFrame | None = None) -> list[str]:
    """How many sentences link, coverage of the source, what the commentary adds, the shifts worth stating.

    ``include`` picks which of FRAMING_TOPICS to report, in that order. A coverage sentence names a section only
    when it has at least ``min_evidence`` English sentences; shifts go through ``shift_findings`` (``gate``:
    ``helpers.framing.shifts.label_gate``, by default from data/reference/label_quality.csv). With the ``translation``
    caveat among ``caveats``, the Chinese is called the translation and its shifts the translator's choices.
    """
    unknown = set(include) - set(FRAMING_TOPICS)
    if unknown:
        raise ValueError(f"unknown topics {sorted(unknown)}; choose from {FRAMING_TOPICS}")
    found = {topic: [] for topic in FRAMING_TOPICS}
    # the Chinese beyond an excerpt's English: its names come from English the file lacks, not from the writer
    beyond_ids = set(alignment.loc[alignment["relation"] == BEYOND, "zh_claim_id"].dropna()) if "relation" in alignment else set()
    if links is not None and not links.presented:  # ``links``: the document's LinkGate (Analysis.link_gate)
        found["links"].append(links_withheld(links))
        if "links" not in include and "coverage" in include:
            found["coverage"].append(links_withheld(links))
        alignment, coverage = alignment.iloc[:0], coverage.iloc[:0]
    lines = found["links"]
    sentences = alignment.dropna(subset=["zh_claim_id"])
    beyond = sentences.loc[sentences["relation"] == BEYOND, "zh_claim_id"].nunique() if "relation" in sentences else 0
    zh = sentences["zh_claim_id"].nunique() - beyond  # an excerpt's Chinese past its English is counted apart
    linked = alignment[alignment["zh_claim_id"].notna() & alignment["en_claim_id"].notna()]["zh_claim_id"].nunique()
    within = " within the English given" if beyond else ""
    # ``claims`` given: the units counted hold headings, said so (a heading is never called a sentence)
    noun = units_noun(claims.loc[claims["part"] == PART_COMMENTARY, "kind"] if claims is not None else [])
    if zh:
        lines.append(f"{linked} of {zh} Chinese {noun}{within} ({pct(linked / zh)}) draw on an identifiable English "
                     f"sentence" + (f"; the other {zh - linked} link to none" if linked < zh else "")
                     + (f"; {beyond} more come after the English given ends (beyond it: they may draw on English the file "
                           "lacks, or be the writer's own context)."
                        if beyond else "."))
    lines = found["coverage"]
    if len(coverage):
        total = coverage["carried_chars"].sum() / max(coverage["chars"].sum(), 1)
        carried, units = int(coverage["carried_claims"].sum()), int(coverage["claims"].sum())
        lines.append(f"The {chinese_kind(caveats) if caveats is not None else 'Chinese'} draws on {pct(total)} of the "
                     f"English text's characters "
                     f"({carried} of {plural(units, 'English sentence or heading', 'English sentences and headings')}).")
        enough = coverage[coverage["claims"] >= min_evidence]
        if len(enough) > 1:
            best = enough.sort_values(["share_chars", "section"], ascending=[False, True]).iloc[0]
            worst = enough.sort_values(["share_chars", "section"]).iloc[0]
            if best["share_chars"] > worst["share_chars"]:
                lines.append(f"It carries {coverage_sentence(best, min_evidence=min_evidence)}, "
                             f"against {coverage_sentence(worst, min_evidence=min_evidence)}.")
    lines = found["additions"]
    names = additions[additions["addition"] == "entity_only_in_zh"]
    if "zh_claim_id" in names:
        names = names[~names["zh_claim_id"].isin(beyond_ids)]
    if len(names):
        lines.append(f"Named only in the Chinese: {listing(names['surface'].tolist(), limit=6)}.")
    found["shifts"].extend(shift_findings(shifts, gate, min_evidence=min_evidence, caveats=caveats, links=links)
                           if "shifts" in include else [])
    return [line for topic in FRAMING_TOPICS if topic in include for line in found[topic]]


def withheld_findings(gate: pd.DataFrame | None = None, *, caveats: pd.DataFrame | None = None) -> list[str]:
    """One line per shift label the gate holds back: that it is not counted, and why (its measured precision,
    or too few sentences to measure), so a reader knows to judge those sentences by reading them; with the
    ``translation`` caveat, that the shifts are the translator's choices."""
    held = withheld(label_gate() if gate is None else gate)
    whose = f" (its shifts here are {TRANSLATOR})" if _is_translation(caveats) else ""
    lines = [f"{code_of(r.label)} is not counted{whose}: {text_of(r.why)}." for r in held.itertuples()]
    return lines or ["Every shift label is measured right often enough to be counted."]
