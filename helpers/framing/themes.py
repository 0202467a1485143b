"""What each version talks about: frequent terms per language and themes (the frames of data/reference/frames.csv).

Every function takes the claims table (see helpers.columns) and returns a tidy DataFrame sorted
in a fixed order, so notebooks print the same thing on every run.
"""

from __future__ import annotations

import math
import re

import pandas as pd

from ..columns import (
    CONTENT_KINDS, HIT_COLUMNS, PART_COMMENTARY, PART_ORIGINAL, POSITION_COLUMNS, SHARE_COLUMNS, TERM_COLUMNS,
)
from ..patterns import DIGITS_ONLY, EN_TERM, HAN, LATIN_LETTER, LATIN_WORD_RE, NOT_A_WORD_CHARACTER, POSSESSIVE
from ..tables.entities import tokenizer_for
from ..tables.ties import load_transliteration
from ..text.segment import Tokenizer
from ..vocab import (
    THEMES_PATH, CueMatcher, cue_pattern, load_stopwords, load_themes, longest_first, outside_addresses,
    outside_spans,
)

THEMES_FILE = THEMES_PATH

#: The version each part is, as theme_share's and top_terms' ``lang`` names it: the Chinese version and the English
#: original.
VERSION_OF_PART = {PART_COMMENTARY: "zh", PART_ORIGINAL: "en"}
PART_OF_VERSION = {version: part for part, version in VERSION_OF_PART.items()}


def theme_order(lexicon: pd.DataFrame | None = None) -> list[str]:
    """Themes in the order the lexicon first names them (the order every table and figure uses); a ``not_<theme>``
    row is a look-alike kept out of its theme (``is_theme``), never a theme."""
    lexicon = load_themes() if lexicon is None else lexicon
    return [t for t in dict.fromkeys(lexicon["theme"]) if is_theme(t)]


def is_theme(label: str) -> bool:
    """False for a look-alike row's label (``not_openness``: 'open-ended' is no openness): such a row only wins its
    overlap with the shorter cue (the longest cue wins) and then counts for nothing, as in cues.csv."""
    return not str(label).startswith("not_")


def content_claims(claims: pd.DataFrame) -> pd.DataFrame:
    """The claims of the commentary and the original that are headings, paragraphs or list items."""
    keep = claims["part"].isin([PART_COMMENTARY, PART_ORIGINAL]) & claims["kind"].isin(CONTENT_KINDS)
    return claims[keep]


# ---- terms --------------------------------------------------------------------------------------

def _join_transliterations(tokens: list[str]) -> list[str]:
    """Tokens that together spell one transliterated name, joined back (赫利/克斯 → 赫利克斯, 纳塔拉/詹 → 纳塔拉詹):
    a run of two or more tokens, three characters or more, every character a transliteration character
    (``transliteration_zh.csv``; jieba cuts a name it does not know into such pieces)."""
    table = load_transliteration()
    phonetic = [bool(t.strip()) and all(ch in table for ch in t) for t in tokens]
    out, k = [], 0
    while k < len(tokens):
        j = k
        while j < len(tokens) and phonetic[j]:
            j += 1
        if j - k >= 2 and sum(len(t) for t in tokens[k:j]) >= 3:
            out.append("".join(tokens[k:j]))
            k = j
        else:
            out.append(tokens[k])
            k += 1
    return out


def terms_zh(text: str, stopwords: frozenset[str], tokenizer: Tokenizer | None = None) -> list[str]:
    """Content tokens of Chinese text: jieba words of two or more characters, no numbers, punctuation or stopwords;
    a Latin word is kept whole (RLHF, DeepSpeed-HE), never cut into the pieces jieba knows.

    >>> terms_zh("中国开发者很迷 Claude。", frozenset())
    ['中国', '开发者', 'Claude']
    >>> terms_zh("DeepSpeed-HE 加速 RLHF 训练", frozenset())
    ['DeepSpeed-HE', '加速', 'RLHF', '训练']
    """
    pieces, position = [], 0
    for match in LATIN_WORD_RE.finditer(text):
        pieces += [(text[position:match.start()], False), (match.group(), True)]
        position = match.end()
    pieces.append((text[position:], False))
    kept = []
    for piece, latin in pieces:
        tokens = [piece] if latin else (tokenizer or tokenizer_for()).cut(piece) if piece.strip() else []
        if not latin:
            tokens = _join_transliterations(tokens)
        for token in tokens:
            token = token.strip()
            if len(token) < 2 or DIGITS_ONLY.match(token) or token in stopwords or token.lower() in stopwords:
                continue
            if HAN.search(token) or LATIN_LETTER.search(token):
                kept.append(token)
    return kept


def terms_en(text: str, stopwords: frozenset[str], tokenizer: Tokenizer | None = None) -> list[str]:
    """Lowercased English words of two or more letters, possessives stripped, stopwords dropped.

    >>> terms_en("Nvidia's chips are the gold-standard", frozenset({"are", "the"}))
    ['nvidia', 'chips', 'gold-standard']
    >>> terms_en("Xyz5-1B and GPT-4 beat Qwen2.5.", frozenset({"and"}))  # a model's name whole, not cut at a digit
    ['xyz5-1b', 'gpt-4', 'beat', 'qwen2.5']
    """
    words = (POSSESSIVE.sub("", w.lower()).replace("’", "'") for w in EN_TERM.findall(text))
    return [w for w in words if len(w) > 1 and w not in stopwords]


#: A transcript's turn label: one to three capitalised words and a colon opening a sentence ('Host: …', 'Mira Vance: …').
#: A role in brackets may follow the name ('SENATOR DELGADO (Ranking Member): …', a hearing's transcript).
TURN_LABEL = re.compile(r"^(?:[\[(]?\d{1,2}:\d{2}(?::\d{2})?[\])]?\s+)?([A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,2}|[\u4e00-\u9fff]{1,4})"
                        r"(?:\s+\([A-Z][\w\s.'-]{0,30}\))?(?::\s|：\s*)")
#: Labels are speakers' where at least two of them open this many sentences each and together open this share of the
#: version's sentences (a dialogue throughout): list items' labels ('Example:', 'Workflow:') stay words of the text.
#: Tuning half: list labels open at most 0.05 of a version's sentences; the invented transcripts' turns 0.5.
TURN_LABEL_MIN_TURNS = 3
TURN_LABEL_MIN_SHARE = 0.3


def without_turn_labels(texts: list[str]) -> list[str]:
    """The texts less the speakers' labels of a transcript (``TURN_LABEL`` opening ``TURN_LABEL_MIN_TURNS`` of them or
    more): a speaker's name at each turn is the layout's, not a word the text dwells on.

    >>> without_turn_labels(["Host: Why now?", "Ann Lee: Because.", "Host: And?", "Ann Lee: Cost.", "Host: Thanks.",
    ...                      "Ann Lee: Bye.", "Note: one label."])[::6]
    ['Why now?', 'Note: one label.']
    >>> without_turn_labels(["CHAIR SMITH: Order.", "We begin.", "DR. LEE: Thanks.", "I propose X.", "CHAIR SMITH: Why?",
    ...     "DR. LEE: Because.", "MR. ROE: I disagree.", "CHAIR SMITH: Noted.", "DR. LEE: Fine.", "MR. ROE: Done.",
    ...     "SEN. KAY (Ranking Member): Agreed."])[6:]  # a hearing: a witness who speaks twice is a speaker too
    ['I disagree.', 'Noted.', 'Fine.', 'Done.', 'SEN. KAY (Ranking Member): Agreed.']
    >>> without_turn_labels(["Workflow: plan.", "Workflow: act.", "Workflow: check."])  # one label: a list's, kept
    ['Workflow: plan.', 'Workflow: act.', 'Workflow: check.']
    """
    labels = [m.group(1) if (m := TURN_LABEL.match(t)) else None for t in texts]
    turns = {label for label in labels if label and labels.count(label) >= TURN_LABEL_MIN_TURNS}
    # the share counts every turn, its speaker's labels however few: a hearing's witness who speaks twice, a turn
    # of several sentences (bilingual review round 20: 'DR. TRAN:', 'SENATOR OKAFOR:' were its top English terms)
    if len(turns) < 2 or sum(label is not None for label in labels) < TURN_LABEL_MIN_SHARE * len(texts):
        return list(texts)
    # a dialogue's speakers: those of the frequent turns, and any label that opens two turns or more
    turns |= {label for label in labels if label and labels.count(label) >= 2}
    return [TURN_LABEL.sub("", t, count=1) if label in turns else t for t, label in zip(texts, labels)]


def top_terms(claims: pd.DataFrame, lang: str, n: int = 15, *, extra_stopwords=(),
              tokenizer: Tokenizer | None = None) -> pd.DataFrame:
    """The ``n`` most frequent terms of one version's content claims: ``lang`` "zh" the Chinese version, "en" the
    English original, every line of it whatever its script (count, then term, break ties).

    Columns: lang, term, count (occurrences), claims (sentences holding the term). The Chinese version is cut as
    Chinese (its English table rows too: a translated README's rows are not the original's terms), the original as
    English. ``extra_stopwords`` are dropped too, compared case-insensitively (e.g. ``["ai"]``).
    """
    extra = {w.lower() for w in extra_stopwords}
    stopwords = load_stopwords(lang) | load_stopwords("en" if lang == "zh" else "zh") | extra
    selected = content_claims(claims)
    selected = selected[selected["part"] == PART_OF_VERSION[lang]]
    cut = terms_zh if lang == "zh" else terms_en
    texts = without_turn_labels([str(t) for t in selected["text"]])
    rows = [(claim_id, term) for claim_id, text in zip(selected["claim_id"], texts)
            for term in cut(text, stopwords, tokenizer) if term.lower() not in extra]
    if not rows:
        return pd.DataFrame(columns=TERM_COLUMNS).astype({"count": int, "claims": int})
    # counted in plain Python: a pandas group-by cost more than the counting (called once per organisation too)
    count: dict[str, int] = {}
    holding: dict[str, set] = {}
    for claim_id, term in rows:
        count[term] = count.get(term, 0) + 1
        holding.setdefault(term, set()).add(claim_id)
    top = sorted(count, key=lambda term: (-count[term], term))[:n]
    return pd.DataFrame({"lang": lang, "term": top, "count": [count[t] for t in top],
                         "claims": [len(holding[t]) for t in top]}, columns=TERM_COLUMNS)


# ---- weak cues: words with a common sense outside their frame -----------------------------------

class SenseCheck:
    """The weak cues of a frame or theme lexicon (``strength`` weak): such a cue counts for its label only where the
    same sentence carries a second, different cue of that label or one of the row's ``context`` words, or where it is
    the whole line (a heading of the word alone).

    >>> lexicon = pd.DataFrame({"frame": ["openness", "openness"], "lang": ["en", "en"], "cue": ["feedback", "open source"],
    ...                         "match": ["word", "word"], "strength": ["weak", ""], "context": ["user*", ""]})
    >>> check = SenseCheck(lexicon, "frame")
    >>> check.kept("tight feedback loops", [(6, 14, "openness")])
    []
    >>> check.kept("open source feedback", [(0, 11, "openness"), (12, 20, "openness")])
    [(0, 11, 'openness'), (12, 20, 'openness')]
    >>> check.kept("feedback from users", [(0, 8, "openness")])
    [(0, 8, 'openness')]
    """

    def __init__(self, lexicon: pd.DataFrame, label: str):
        weak = lexicon[lexicon["strength"] == "weak"] if "strength" in lexicon else lexicon.iloc[0:0]
        self.label = label
        # one key per weak row (its label, then its row), so that a match names the row and with it its context
        keys = [f"{row[label]}\x1f{i}" for i, row in enumerate(weak.to_dict("records"))]
        self.matcher = CueMatcher(weak.assign(_key=keys), "_key") if len(weak) else None
        self.needs_tokens = bool(self.matcher and self.matcher.needs_tokens)
        self.context: dict[str, re.Pattern | None] = {}
        for key, words in zip(keys, weak["context"] if "context" in weak else [""] * len(keys)):
            parts = [w.strip() for w in str(words).split("|") if w.strip()]
            self.context[key] = re.compile("|".join(
                cue_pattern(w, "substring" if HAN.search(w) else "word") for w in parts), re.IGNORECASE) if parts else None

    def kept(self, text: str, found: list[tuple[int, int, str]],
             tokens: list[tuple[str, int, int]] | None = None) -> list[tuple[int, int, str]]:
        """The matches of ``found`` (overlaps resolved) that count: every strong one, and a weak one only beside a
        second, different cue of its label in ``text`` or one of its row's context words."""
        if self.matcher is None or not found:
            return found
        weak = {}
        for a, b, key in self.matcher.find(text, tokens):
            weak.setdefault((a, b, key.split("\x1f")[0]), key)
        if not weak:
            return found
        words: dict[str, set[str]] = {}
        for a, b, name in found:
            words.setdefault(name, set()).add(text[a:b].casefold())
        kept = []
        for a, b, name in found:
            key = weak.get((a, b, name))
            if key is not None and len(words[name] - {text[a:b].casefold()}) == 0 and not _alone(text, a, b):
                context = self.context.get(key)
                if context is None or not context.search(text):
                    continue
            kept.append((a, b, name))
        return kept


def _alone(text: str, start: int, end: int) -> bool:
    """True where the cue at ``start:end`` is all the words of ``text`` (a heading that is the word alone names its
    section's subject: 协议 over a licence, "Risks"), numbering and punctuation aside.

    >>> _alone("三、协议", 2, 4), _alone("协作协议", 2, 4)
    (True, False)
    """
    return not NOT_A_WORD_CHARACTER.sub("", text[:start] + text[end:])


# ---- themes -------------------------------------------------------------------------------------

def name_spans(claims: pd.DataFrame, mentions: pd.DataFrame | None) -> dict[int, list[tuple[int, int]]]:
    """claim_id → the spans of the names found in it (``mentions``, any type), in the claim's own offsets: the
    theme and frame taggers skip a cue inside a name (科技 in 青禾科技)."""
    if mentions is None or mentions.empty:
        return {}
    starts = dict(zip(claims["claim_id"], claims["start"]))
    spans: dict[int, list[tuple[int, int]]] = {}
    for claim_id, start, end in zip(mentions["claim_id"], mentions["start"], mentions["end"]):
        if claim_id in starts:
            spans.setdefault(int(claim_id), []).append((int(start) - int(starts[claim_id]), int(end) - int(starts[claim_id])))
    return spans


def theme_hits(claims: pd.DataFrame, lexicon: pd.DataFrame | None = None, *,
               tokenizer: Tokenizer | None = None, names: dict | None = None) -> pd.DataFrame:
    """One row per (content claim, theme) whose cues occur in it: claim_id, theme, cue (the first cue found).

    English claims are searched with the en cues; Chinese and mixed ones with both, the en cues finding the Latin
    words a Chinese sentence carries (agent, LLM, prompt, workflow) as the frame tagger does. Where cues overlap the
    longest wins, as in the frame tagger: 国家安全 is security, not safety; 内存成本 (memory cost) is no economic cue.
    ``names`` (``name_spans``): a cue inside an organisation's or a product's name counts nothing (科技 in 青禾科技).
    """
    lexicon = load_themes() if lexicon is None else lexicon
    matchers = {lang: CueMatcher(lexicon[lexicon["lang"] == lang], "theme") for lang in ("zh", "en")}
    senses = SenseCheck(lexicon, "theme")
    order = {theme: i for i, theme in enumerate(theme_order(lexicon))}
    rows = []
    for claim_id, lang, text in content_claims(claims)[["claim_id", "lang", "text"]].itertuples(index=False):
        found: dict[str, tuple[int, int]] = {}
        matches, tokens = [], None
        for l in (("zh", "en") if lang in ("zh", "mixed") else (lang,)):
            matcher = matchers[l]
            if tokens is None and (matcher.needs_tokens or senses.needs_tokens) and HAN.search(text):
                tokens = (tokenizer or tokenizer_for()).tokenize(text)
            matches += matcher.find(text, tokens)
        # overlaps: the longest cue wins (内存成本 over 成本); then a weak cue needs its sense confirmed
        matches = outside_spans(matches, names.get(claim_id)) if names else matches
        in_sense = senses.kept(text, [m for m in outside_addresses(text, longest_first(matches)) if is_theme(m[2])], tokens)
        for start, end, theme in in_sense:
            if theme not in found and is_theme(theme):  # a look-alike (open-ended) wins its overlap, then counts nothing
                found[theme] = (start, end)
        rows += [(claim_id, theme, text[a:b].lower()) for theme, (a, b) in found.items()]
    hits = pd.DataFrame(rows, columns=HIT_COLUMNS)
    hits["order"] = hits["theme"].map(order)
    return hits.sort_values(["claim_id", "order"]).drop(columns="order").reset_index(drop=True)


def theme_positions(claims: pd.DataFrame, hits: pd.DataFrame) -> pd.DataFrame:
    """Each hit placed in the document: its claim's part, lang, section and character offsets (for the strip)."""
    info = claims.set_index("claim_id")[["part", "lang", "section", "start", "end"]]
    placed = hits[["claim_id", "theme"]].join(info, on="claim_id")
    return placed[POSITION_COLUMNS].reset_index(drop=True)




def theme_share(claims: pd.DataFrame, hits: pd.DataFrame, lexicon: pd.DataFrame | None = None) -> pd.DataFrame:
    """Share of each version's content sentences that touch each theme: theme, lang (the version: zh the Chinese
    version, en the English original), claims (the version's content sentences, its headings among them: counted
    together, so that a heading read as a sentence or the other way changes no count), headings (how many of the
    claims are headings, so that a page calls them "sentences and headings"), hits (those touching the theme),
    share, and cues: the words they rest on, most frequent first, each with the number of sentences it tagged
    ('模型 ×13|软件 ×4'); heading_hits, the headings among hits (a gap must also hold without the headings: a
    summary's outline of short headings touches few themes). A version is its part of the document, whatever the script of each line: a translated
    README's English table rows and code lines belong to the Chinese version, and counting them as English made a
    line-for-line translation look 20 points apart on technology."""
    content = content_claims(claims)
    content = content.assign(lang=content["part"].map(VERSION_OF_PART))
    content = content[content["lang"].isin(["zh", "en"])]
    totals = content.groupby("lang").size()
    heads = content[content["kind"] == "heading"].groupby("lang").size()
    placed = hits.merge(content[["claim_id", "lang", "kind"]], on="claim_id")
    counts = placed.groupby(["theme", "lang"]).size()
    heading_counts = placed[placed["kind"] == "heading"].groupby(["theme", "lang"]).size()
    words = {key: cue_counts(group["cue"]) for key, group in placed.groupby(["theme", "lang"])}
    themes = theme_order(lexicon)
    rows = []
    for theme in themes:
        for lang in ["zh", "en"]:
            total = int(totals.get(lang, 0))
            hit = int(counts.get((theme, lang), 0))
            rows.append((theme, lang, total, int(heads.get(lang, 0)), hit, hit / total if total else 0.0,
                         words.get((theme, lang), ""), int(heading_counts.get((theme, lang), 0))))
    return pd.DataFrame(rows, columns=SHARE_COLUMNS)


def cue_counts(cues: pd.Series) -> str:
    """The distinct cues, most frequent first (ties alphabetical), each with its count: '模型 ×13|软件 ×4'.

    >>> cue_counts(pd.Series(["model", "chips", "model"]))
    'model ×2|chips ×1'
    """
    counts = cues.value_counts()
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return "|".join(f"{cue} ×{n}" for cue, n in ordered)


def fisher_p(a: int, n: int, b: int, m: int) -> float:
    """Two-sided Fisher exact test: how likely shares at least as far apart as a of n and b of m are, if both
    versions touched the theme equally often (the hypergeometric over the fixed totals; no SciPy needed).

    >>> round(fisher_p(1, 68, 9, 138), 2), round(fisher_p(6, 68, 39, 138), 4), fisher_p(3, 10, 3, 10), fisher_p(0, 0, 0, 0)
    (0.17, 0.0012, 1.0, 1.0)
    """
    total, hits = n + m, a + b
    if not n or not m:
        return 1.0
    denominator = math.comb(total, hits)
    low, high = max(0, hits - m), min(hits, n)
    prob = lambda k: math.comb(n, k) * math.comb(m, hits - k) / denominator
    observed = prob(a)
    return min(1.0, sum(p for k in range(low, high + 1) if (p := prob(k)) <= observed * (1 + 1e-9)))


def theme_emphasis(share: pd.DataFrame) -> pd.DataFrame:
    """Per theme: zh share, en share and their difference in points (positive: the Chinese dwells on it more), with
    the evidence each rests on: each version's sentences touching the theme and its content sentences (zh_hits of
    zh_claims, en_hits of en_claims), the cues that tagged them, and ``p_value``, a two-sided Fisher exact test of
    the two shares (small: the difference is unlikely to be chance)."""
    wide = share.pivot(index="theme", columns="lang", values="share").reindex(columns=["zh", "en"]).fillna(0.0)
    wide = wide.reindex(list(dict.fromkeys(share["theme"])))
    wide.columns = ["zh_share", "en_share"]
    wide["difference"] = wide["zh_share"] - wide["en_share"]
    for column in ("hits", "claims", "headings", "cues", "heading_hits"):
        if column not in share:
            continue
        values = share.pivot(index="theme", columns="lang", values=column).reindex(columns=["zh", "en"])
        for lang in ("zh", "en"):
            wide[f"{lang}_{column}"] = values[lang].reindex(wide.index).fillna("" if column == "cues" else 0)
    if {"zh_hits", "zh_claims", "en_hits", "en_claims"} <= set(wide.columns):
        for column in ("zh_hits", "zh_claims", "en_hits", "en_claims"):
            wide[column] = wide[column].astype(int)
        wide["p_value"] = [fisher_p(a, n, b, m) for a, n, b, m in
                           zip(wide["zh_hits"], wide["zh_claims"], wide["en_hits"], wide["en_claims"])]
    return wide.reset_index()


def section_labels(blocks: pd.DataFrame) -> pd.DataFrame:
    """One row per (part, section) of the content: part, section, label (its heading, or "(opening)")."""
    content = blocks[blocks["part"].isin([PART_COMMENTARY, PART_ORIGINAL])]
    rows = []
    for (part, section), group in content.groupby(["part", "section"], sort=True):
        headings = group[group["kind"].isin(["heading", "label"])]  # an outline label ('Summary') opens a section too
        label = headings["text"].iloc[0].strip() if len(headings) and section > 0 else "(opening)"
        rows.append((part, int(section), label))
    table = pd.DataFrame(rows, columns=["part", "section", "label"])
    table["part_order"] = table["part"].map({PART_COMMENTARY: 0, PART_ORIGINAL: 1})
    return table.sort_values(["part_order", "section"]).drop(columns="part_order").reset_index(drop=True)


def theme_by_section(claims: pd.DataFrame, hits: pd.DataFrame, blocks: pd.DataFrame,
                     lexicon: pd.DataFrame | None = None) -> pd.DataFrame:
    """Sentences per theme in each part and section: part, section, label, sentences, then one column per theme. A
    section with no content sentence (an opening of furniture only, a heading straight over the next) has no row: it
    holds nothing to count, and a row of zeros reads as a section that says nothing on every theme."""
    content = content_claims(claims)
    labels = section_labels(blocks)
    sizes = content.groupby(["part", "section"]).size().rename("sentences")
    placed = hits.merge(content[["claim_id", "part", "section"]], on="claim_id")
    counts = placed.groupby(["part", "section", "theme"]).size().unstack("theme")
    counts = counts.reindex(columns=theme_order(lexicon))
    table = labels.join(sizes, on=["part", "section"]).join(counts, on=["part", "section"])
    themes = theme_order(lexicon)
    table[themes] = table[themes].fillna(0).astype(int)
    table["sentences"] = table["sentences"].fillna(0).astype(int)
    return table[table["sentences"] > 0].reset_index(drop=True)


def part_spans(claims: pd.DataFrame) -> pd.DataFrame:
    """Where the commentary and the original lie: part, start (first claim), end (last claim), for shading strips."""
    content = claims[claims["part"].isin([PART_COMMENTARY, PART_ORIGINAL])]
    spans = content.groupby("part").agg(start=("start", "min"), end=("end", "max")).reset_index()
    return spans.sort_values("start").reset_index(drop=True)
