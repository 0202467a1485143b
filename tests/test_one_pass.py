"""The fast paths give the tables the slow ones gave (issue 14): one automaton over the gazetteer's aliases against a
regex per alias, the cue prefilter against running every cue pattern, one cue pass per sentence against one per
category, jieba-rs against jieba, and one cut per sentence (``SentenceCuts``) against cutting again."""

from __future__ import annotations

import math
import re
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers.paths import RAW
from helpers.pipeline import run
from helpers.tables.claims import cue_matcher, decide_voice, find_cues, find_numbers
from helpers.tables.entities import (
    default_gazetteer, find_mentions, find_mentions_by_regex, load_gazetteer, tokenizer_for,
)
from helpers.tables.extract import extract
from helpers.text.reader import read_document
from helpers.text.segment import SentenceCuts, Tokenizer
from helpers.vocab import CueMatcher, boundary_view, load_cues, load_frames, load_themes

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
DOCUMENTS = sorted(RAW.glob("*.txt")) + sorted(FIXTURES.glob("*.txt"))
HARD_ENTITY_SENTENCES = pd.read_csv(FIXTURES / "hard_entity_sentences.csv", dtype=str, keep_default_na=False)["text"]


def documents() -> dict[str, str]:
    texts = {path.name: read_document(path).text for path in DOCUMENTS}
    texts["hard entity sentences"] = "\n".join(HARD_ENTITY_SENTENCES)
    return texts


TEXTS = documents()


# ---- mentions: the automaton against a regex per alias --------------------------------------------------------

@pytest.mark.parametrize("name", sorted(TEXTS))
def test_the_automaton_finds_the_mentions_a_regex_per_alias_finds(name):
    text = TEXTS[name]
    got, want = find_mentions(text, default_gazetteer()), find_mentions_by_regex(text, default_gazetteer())
    assert len(want) > 0 or name == "mulan-psl-v2.zh-en.txt"
    pd.testing.assert_frame_equal(got, want)


def test_the_automaton_finds_an_unseen_gazetteers_mentions_as_its_regexes_do():
    gazetteer = load_gazetteer(FIXTURES / "unseen_gazetteer.csv")
    text = TEXTS["unseen_article.txt"]
    pd.testing.assert_frame_equal(find_mentions(text, gazetteer), find_mentions_by_regex(text, gazetteer))


def _pieces() -> list[str]:
    gazetteer = default_gazetteer()
    pieces = []
    for column in ("name_en", "name_zh", "aliases", "exclusions"):
        for cell in gazetteer[column]:
            pieces += [p.strip().lstrip("!~") for p in cell.split("|") if p.strip()]
    return sorted(set(pieces))


GLUE = ["", " ", "  ", "\t", "\u00a0", "\u3000", "\n", "\r", "的", "和", "a", "Z", "9", "’s", "-", ".", "，", "《",
        "é", "ß", "—", "ſ", "\u212a"]


@st.composite
def gazetteer_strings(draw):
    """Aliases and exclusions of the reference gazetteer, in odd case and spacing, with odd neighbours."""
    parts = []
    for _ in range(draw(st.integers(1, 5))):
        piece = draw(st.sampled_from(_pieces()))
        case = draw(st.sampled_from(["as is", "upper", "lower"]))
        piece = piece.upper() if case == "upper" else piece.lower() if case == "lower" else piece
        piece = piece.replace(" ", draw(st.sampled_from([" ", "", "  ", "\t", "\n"])))
        parts += [draw(st.sampled_from(GLUE)), piece]
    return "".join(parts) + draw(st.sampled_from(GLUE))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(gazetteer_strings())
def test_the_automaton_agrees_with_the_regexes_on_any_string_made_of_aliases(text):
    pd.testing.assert_frame_equal(find_mentions(text, default_gazetteer()), find_mentions_by_regex(text, default_gazetteer()))


# ---- cues: the prefilter against every pattern run over the text ------------------------------------------------

def every_pattern(matcher: CueMatcher, text: str, tokens=None, labels=None) -> list[tuple[int, int, str]]:
    """CueMatcher.find as it was: every pattern of every label run over the whole text, tokens read per label."""
    found = set()
    for name in labels if labels is not None else matcher.labels:
        compiled = matcher.labels.get(name)
        if compiled is None:
            continue
        for pattern in (compiled.capitals, compiled.other, compiled.substrings):
            if pattern is not None:
                found.update((m.start(), m.end(), name) for m in pattern.finditer(text))
        if tokens and (compiled.tokens or compiled.token_prefixes):
            found.update((a, b, name) for t, a, b in tokens
                         if t in compiled.tokens or (compiled.token_prefixes and t.startswith(compiled.token_prefixes)))
    return sorted(found, key=lambda f: (f[0], -(f[1] - f[0]), f[2]))


MATCHERS = {"cues": CueMatcher(load_cues(), "category"), "frames": CueMatcher(load_frames(), "frame"),
            "themes": CueMatcher(load_themes(), "theme")}


@pytest.mark.parametrize("vocabulary", sorted(MATCHERS))
def test_the_cue_prefilter_finds_what_every_pattern_finds_on_every_sentence(vocabulary):
    matcher, tokenizer = MATCHERS[vocabulary], tokenizer_for()
    checked = 0
    for text in TEXTS.values():
        for sentence in extract(text).claims["text"]:
            tokens = tokenizer.tokenize(sentence)
            assert matcher.find(sentence, tokens) == every_pattern(matcher, sentence, tokens), sentence
            checked += 1
    assert checked > 300


def _cue_words() -> list[str]:
    return sorted({word for table in (load_cues(), load_frames(), load_themes()) for cue in table["cue"]
                   for word in cue.rstrip("*").split()})


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_cue_words()), st.sampled_from(GLUE + ["s", "ing", "-", "A", "I", "İ"])),
                max_size=12),
       st.sampled_from(["as is", "upper", "title"]))
def test_the_cue_prefilter_agrees_with_every_pattern_on_any_string_made_of_cues(parts, case):
    text = "".join(parts)
    text = text.upper() if case == "upper" else text.title() if case == "title" else text
    for matcher in MATCHERS.values():
        assert matcher.find(text) == every_pattern(matcher, text)


# ---- cues: one pass over a document's sentences against one per sentence ------------------------------------------

@pytest.mark.parametrize("vocabulary", sorted(MATCHERS))
def test_one_pass_over_every_sentence_finds_what_a_pass_per_sentence_finds(vocabulary):
    matcher, tokenizer = MATCHERS[vocabulary], tokenizer_for()
    for text in TEXTS.values():
        sentences = extract(text).claims["text"].tolist()
        cuts = [tokenizer.tokenize(s) for s in sentences]
        assert matcher.find_each(sentences, cuts) == [matcher.find(s, t) for s, t in zip(sentences, cuts)]
        assert matcher.find_each(sentences, cuts) == [every_pattern(matcher, s, t) for s, t in zip(sentences, cuts)]


def test_a_dotted_capital_i_costs_no_later_sentence_its_cues():
    # İ lowercases to two characters: the one pass read the sentences after it one character off and lost their cues
    texts = ["İstanbul is one stop.", "我认为这可能会有帮助，也许未必。", "This may perhaps help, and it will certainly matter."]
    for matcher in MATCHERS.values():
        assert matcher.find_each(texts) == [every_pattern(matcher, t) for t in texts]
    assert all(MATCHERS["cues"].find_each(texts)[1:])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.one_of(st.sampled_from(_cue_words()), st.sampled_from(GLUE + ["s", "ing", "-", "A", "I", "İ"])),
                         max_size=8).map("".join), max_size=6),
       st.sampled_from([None, ("hedge", "not_hedge"), ("booster",)]))
def test_one_pass_over_any_strings_agrees_with_every_pattern_over_each(texts, labels):
    for matcher in MATCHERS.values():
        assert matcher.find_each(texts, labels=labels) == [every_pattern(matcher, t, labels=labels) for t in texts]


@given(st.text())
def test_the_boundary_view_keeps_each_latin_letter_and_digit_lowercased_and_blanks_the_rest(text):
    view = boundary_view(text)
    assert len(view) == len(text)
    assert all(v == (c.lower() if c.isascii() and c.isalnum() else " ") for c, v in zip(text, view))


# ---- claims: one cue pass per sentence against one per category --------------------------------------------------

def annotate_per_category(claims: pd.DataFrame, tokenizer: Tokenizer) -> pd.DataFrame:
    """The claims' cue columns as annotate_claims computed them before: one find per category, jieba's own cut."""
    rows = []
    for part, lang, sentence in zip(claims["part"], claims["lang"], claims["text"]):
        tokens = list(tokenizer.jieba.tokenize(sentence, HMM=False)) if lang in ("zh", "mixed") else None
        voice, voice_cue = decide_voice(sentence, part=part, tokens=tokens)
        rows.append((voice, voice_cue, "|".join(find_cues(sentence, "hedge", tokens=tokens)),
                     "|".join(find_cues(sentence, "booster", tokens=tokens)),
                     bool(find_cues(sentence, "negation", tokens=tokens)), "|".join(find_numbers(sentence))))
    return pd.DataFrame(rows, columns=["voice", "voice_cue", "hedges", "boosters", "negated", "numbers"])


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_the_claims_table_is_the_one_a_cue_pass_per_category_and_jieba_give(name):
    claims = extract(TEXTS[name]).claims
    want = annotate_per_category(claims, tokenizer_for())
    got = claims[list(want.columns)].reset_index(drop=True)
    pd.testing.assert_frame_equal(got.astype(object), want.astype(object))


# ---- the cut: jieba-rs against jieba, and one cut per sentence ------------------------------------------------------

def test_jieba_rs_cuts_every_sentence_as_jieba_does_with_the_vocabularys_words():
    tokenizer = tokenizer_for()
    sentences = [s for text in TEXTS.values() for s in extract(text).claims["text"] if re.search("[\u4e00-\u9fff]", s)]
    assert len(sentences) > 100
    for sentence in sentences:
        assert tokenizer.tokenize(sentence) == list(tokenizer.jieba.tokenize(sentence, HMM=False)), sentence
        assert tokenizer.cut(sentence) == tokenizer.jieba.lcut(sentence, HMM=False)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="美团蚂蚁模型芯片很缺开源实验室的 AIab1-.,。Ring1T", max_size=40))
def test_jieba_rs_cuts_any_string_as_jieba_does(text):
    """The same cut, or, where two routes through the dictionary are equally likely (片片片: 片片|片 or 片|片片, the
    same words' frequencies summed in another order), the other of the two: jieba and jieba-rs break an exact tie
    apart differently, and both cuts are then covers of the text with the same probability."""
    tokenizer = tokenizer_for()
    got, want = tokenizer.tokenize(text), list(tokenizer.jieba.tokenize(text, HMM=False))
    if got != want:
        assert "".join(w for w, _, _ in got) == text and [(s, e) for _, s, e in got] == [
            (s, s + len(w)) for w, s, _ in got]
        freq = tokenizer.jieba.FREQ
        def route(cut):
            return sum(math.log(freq.get(w) or 1) for w, _, _ in cut)
        assert math.isclose(route(got), route(want), rel_tol=1e-12), (got, want)


def test_jieba_rs_breaks_an_exact_tie_its_own_way_and_only_there():
    """片片片 is an exact tie (片片|片 or 片|片片): jieba and jieba-rs may break it apart differently, and which way each
    goes hangs on the rounding of the dictionary's total frequency, which every word the vocabulary adds (a glossary or
    gazetteer row) moves; so the cut is checked for the same words at the same probability, in either order."""
    tokenizer = tokenizer_for()
    freq = tokenizer.jieba.FREQ
    got = [w for w, _, _ in tokenizer.tokenize("片片片1验")]
    want = [w for w, _, _ in tokenizer.jieba.tokenize("片片片1验", HMM=False)]
    assert sorted(got) == sorted(want)  # the same words, the tie broken either way
    assert math.isclose(sum(math.log(freq.get(w) or 1) for w in got),
                        sum(math.log(freq.get(w) or 1) for w in want), rel_tol=1e-12)


def test_an_analysis_cuts_each_sentence_once_and_every_stage_reads_that_cut():
    text = TEXTS["lambert-china-ai-labs-2026-05.zh-en.txt"]
    analysis = run(text)
    cuts = analysis.cuts
    chinese = analysis.claims.loc[analysis.claims["lang"].isin(["zh", "mixed"]), "text"]
    assert isinstance(cuts, SentenceCuts) and set(chinese) <= set(cuts._cuts)
    assert set(cuts._cuts) <= set(analysis.claims["text"])  # sentences only: no dictionary rendering is kept
    for sentence in chinese:
        assert cuts.tokenize(sentence) == analysis.tokenizer.tokenize(sentence)
        assert cuts.han_words(sentence) == analysis.tokenizer.han_words(sentence)


# ---- issue 14, fourth round: what is kept across documents changes no table ------------------------------------

def test_words_judged_in_earlier_documents_give_a_document_the_tables_it_gets_alone():
    """Discovery's and the candidates' verdicts per word are kept across a process's documents: a document analysed
    after every other one gets the tables it gets in a fresh cache."""
    from helpers.tables import discover, entities

    def tables(text):
        got = extract(text)
        return got.mentions, got.candidates, got.claims

    names = sorted(TEXTS)
    after_the_others = {}
    for name in names + names[:1]:
        after_the_others[name] = tables(TEXTS[name])
    for name in names:
        discover._word_verdicts.cache_clear()
        entities._word_reasons.cache_clear()
        for got, want in zip(after_the_others[name], tables(TEXTS[name])):
            pd.testing.assert_frame_equal(got, want)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="$¥12０٣.,-–~ %％KMBbnmillion万亿千百倍年零一二三四五六七八九十两 aZ中", max_size=30))
def test_a_text_without_a_digit_or_chinese_numeral_has_no_number(text):
    from helpers.patterns import ENUMERATOR_NUMBER, NUMBER, NUMBER_HINT

    if NUMBER_HINT.search(text) is None:
        assert NUMBER.search(text) is None
    enumerator = ENUMERATOR_NUMBER.match(text)
    skip = enumerator.end() if enumerator else 0
    assert find_numbers(text) == [m.group() for m in NUMBER.finditer(text) if m.start() >= skip]


def test_a_gazetteer_is_validated_as_strictly_without_its_regexes():
    """The automaton path validates a gazetteer without compiling a regex per alias: the same first error."""
    from helpers.tables.entities import _compile_gazetteer, _gazetteer_key, _validate_gazetteer

    bad = default_gazetteer().copy()
    bad.loc[len(bad) - 1, "aliases"] = bad.loc[0, "name_en"]  # an alias another row already claims
    key = _gazetteer_key(bad)
    with pytest.raises(ValueError) as compiled:
        _compile_gazetteer(key)
    with pytest.raises(ValueError) as validated:
        _validate_gazetteer(key)
    assert str(validated.value) == str(compiled.value)
    with pytest.raises(ValueError):
        find_mentions("text", bad)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abzAZ09ÀÞßé.-&+' 中\n", max_size=40))
def test_discovery_skips_only_words_with_neither_a_capital_nor_a_digit(text):
    """Discovery reads DISCOVER_NAMED_WORD_RE's words: every word of DISCOVER_WORD_RE holding a capital or a digit is
    among them, and each of them is one of its words."""
    from helpers.patterns import DISCOVER_NAMED_WORD_RE, DISCOVER_WORD_RE

    words = {m.span(): m.group() for m in DISCOVER_WORD_RE.finditer(text)}
    named = {m.span(): m.group() for m in DISCOVER_NAMED_WORD_RE.finditer(text)}
    assert named.items() <= words.items()
    assert {span for span, word in words.items() if re.search(r"[A-Z\u00C0-\u00DE0-9]", word)} <= set(named)


# ---- gazetteer keys: hashed once, one object for equal rows ------------------------------------------------------

def test_equal_gazetteers_give_one_key_object_hashed_as_its_tuple():
    import pickle

    from helpers.tables.entities import _gazetteer_key

    first, second = load_gazetteer(), load_gazetteer()
    key = _gazetteer_key(first)
    assert first is not second and _gazetteer_key(second) is key
    assert hash(key) == hash(tuple(key)) and key == tuple(key)
    assert pickle.loads(pickle.dumps(key)) is key  # unpickled in the same process: the kept object
    changed = first.copy()
    changed.loc[0, "aliases"] = changed.loc[0, "aliases"] + "|Zzqx Labs"
    assert _gazetteer_key(changed) != key and _gazetteer_key(changed) is _gazetteer_key(changed.copy())


def test_the_gazetteer_keys_kept_are_bounded():
    import helpers.tables.entities as entities_module

    base = load_gazetteer()
    for n in range(entities_module.KEYS_KEPT + 3):
        variant = base.copy()
        variant.loc[0, "aliases"] = variant.loc[0, "aliases"] + f"|Zzqx {n}"
        entities_module._gazetteer_key(variant)
    assert len(entities_module._KEYS) <= entities_module.KEYS_KEPT
    assert find_mentions("Zzqx 0", base).empty  # an earlier gazetteer's caches are not mistaken for another's


# ---- columns read without a Series, against the Series' own -----------------------------------------------------

@pytest.mark.parametrize("name", sorted(TEXTS))
def test_a_column_read_without_a_series_is_the_series_values(name):
    from helpers.frames import array_of, column, taken

    tables = extract(TEXTS[name])
    for table in (tables.blocks, tables.claims, tables.mentions, tables.candidates, tables.repairs):
        for label in table.columns:
            series = table[label]
            values = column(table, label)
            assert values.dtype == series.dtype and values.tolist() == series.tolist()
            assert type(array_of(table, label)) is type(series.array)
            pd.testing.assert_extension_array_equal(array_of(table, label), series.array)
            positions = list(range(len(table)))[::-2]
            pd.testing.assert_extension_array_equal(taken(table, label, positions), series.array.take(positions))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.integers(-5, 5), st.sampled_from(["a", "", "中"]), st.booleans()), max_size=6))
def test_a_column_read_without_a_series_is_the_series_values_in_any_frame(rows):
    from helpers.frames import array_of, column

    frame = pd.DataFrame(rows, columns=["n", "s", "b"]).assign(o=pd.Series([object()] * len(rows), dtype=object))
    for label in frame.columns:
        assert column(frame, label).dtype == frame[label].dtype
        assert column(frame, label).tolist() == frame[label].tolist()
        pd.testing.assert_extension_array_equal(array_of(frame, label), frame[label].array)


# ---- candidates: the words of named chains against every Latin word ------------------------------------------------

def candidate_rows_judging_every_word(text, spans, stoplist=None):
    """``candidate_rows`` as it was: every Latin word of the text judged, in order."""
    from unittest import mock

    import helpers.tables.entities as entities_module

    every_word = lambda text, stoplist: [(0, len(text))]  # noqa: E731  (one stretch: the whole text)
    with mock.patch.object(entities_module, "_named_chains", every_word):
        return entities_module.candidate_rows(text, spans, stoplist=stoplist)


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_the_candidates_of_named_chains_are_those_judging_every_word_gives(name):
    from helpers.tables.entities import candidate_rows

    text = TEXTS[name]
    mentions = find_mentions(text, default_gazetteer())
    spans = list(zip(mentions["start"].tolist(), mentions["end"].tolist()))
    got = candidate_rows(text, spans)
    assert got == candidate_rows_judging_every_word(text, spans)
    assert got or name == "mulan-psl-v2.zh-en.txt"


CHAIN_WORDS = ["the", "The", "models", "model", "a", "as", "is", "Foo", "Bar-2", "e.g", "don't", "OpenAI", "Meituan’s",
               "vs", "LLMs", "AI", "ab", "abs", "x", "xs", "straße", "Élan", "mid", "《Foo bar》", "中文", "模型"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(CHAIN_WORDS), st.sampled_from([" ", "  ", "\t", "\u00a0", "\n", ", ", ". ", "",
                                                                          "的", "-", "'s "])), max_size=12),
       st.sampled_from([None, ("the", "a", "model", "ab", "x"), ("foo",)]))
def test_the_candidates_of_named_chains_agree_with_judging_every_word_on_any_string(pairs, stoplist):
    from helpers.tables.entities import candidate_rows

    text = "".join(word + gap for word, gap in pairs)
    # a mention at each "OpenAI" (the words it covers break runs, or carry a version)
    spans = [(m.start(), m.end()) for m in re.finditer("OpenAI", text)]
    stoplist = None if stoplist is None else frozenset(stoplist)
    assert candidate_rows(text, spans, stoplist=stoplist) == candidate_rows_judging_every_word(text, spans, stoplist)


# ---- corpus mode: each document's rows as CSV text by the csv module, as pandas writes them ------------------

def _with_doc_id(table: pd.DataFrame, doc_id: str) -> pd.DataFrame:
    table = table.copy()
    table.insert(0, "doc_id", doc_id)
    return table


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_a_documents_rows_are_the_csv_text_pandas_writes(name):
    from helpers.corpus import TABLE_NAMES, rows_csv
    from helpers.export import csv_text
    from helpers.pipeline import extract as extract_on_source

    tables = extract_on_source(TEXTS[name])
    for table_name in TABLE_NAMES:
        table = getattr(tables, table_name)
        for doc_id in ("doc-1", "=1+1", "a,b \"c\""):
            assert rows_csv(table, doc_id) == csv_text(_with_doc_id(table, doc_id), header=False)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from("ab'=+-@\t\r\0 中"), max_size=6), max_size=6))
def test_a_column_is_sent_to_the_escape_test_as_the_pattern_over_every_position_sent_it(values):
    from helpers.corpus import ESCAPE_AFTER_NUL, ESCAPE_FIRST

    old = re.compile("(?:^|\0)[" + re.escape("".join(sorted(ESCAPE_FIRST))) + "]")  # the pattern it replaced
    joined = "\0".join(values)
    assert bool(joined[:1] in ESCAPE_FIRST or ESCAPE_AFTER_NUL.search(joined)) == bool(old.search(joined))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(-2**40, 2**40), st.booleans(), st.text(max_size=12),
                          st.one_of(st.none(), st.text(max_size=5)), st.floats(allow_nan=True)), max_size=6),
       st.text(min_size=1, max_size=8))
def test_the_csv_fast_path_writes_what_pandas_writes_or_leaves_it_to_pandas(rows, doc_id):
    from helpers.corpus import rows_csv
    from helpers.export import csv_text

    frame = pd.DataFrame(rows, columns=["n", "flag", "text", "maybe", "x"])
    frame = frame.astype({"n": "int64", "flag": "bool"}) if rows else frame
    for columns in (["n", "flag", "text"], ["n", "maybe"], ["text", "x"]):
        table = frame[columns]
        got = rows_csv(table, doc_id)
        assert got is None or got == csv_text(_with_doc_id(table, doc_id), header=False)


@pytest.mark.parametrize("rows", [[], [(3, 5, "Zorb", "title")], [(0, 1, "a", "b"), (2, 9, "c", "")]])
def test_a_result_frame_is_the_one_pandas_builds_from_rows_then_casts(rows):
    from helpers.tables.entities import CANDIDATE_RESULT_COLUMNS, _frame

    want = pd.DataFrame(rows, columns=CANDIDATE_RESULT_COLUMNS).astype({"start": "int64", "end": "int64"})
    pd.testing.assert_frame_equal(_frame(rows, CANDIDATE_RESULT_COLUMNS), want, check_exact=True)


# ---- issue 14, fifth round: the tables built once from lists, as the frame-by-frame path built them ---------------

def _attached_frame(table, claims, columns, *, keep=None, numbered=None):
    """The mentions' and candidates' frames as they were built before: each row's claim by a sorted search, then one
    take per column from the rows' own frame."""
    import numpy as np

    from helpers.tables.extract import locate_claims

    found = locate_claims(claims, table["start"].to_numpy())
    kept = np.flatnonzero(found > 0)
    ids = found[kept]
    row_of = np.zeros(int(claims["claim_id"].max()) + 1 if len(claims) else 1, dtype=np.int64)
    row_of[claims["claim_id"].to_numpy()] = np.arange(len(claims))
    rows = row_of[ids]
    if keep is not None:
        mask = keep[np.arange(len(kept))] if len(kept) else np.zeros(0, dtype=bool)
        kept, ids, rows = kept[mask], ids[mask], rows[mask]
    data = {}
    for column in columns:
        if column == numbered:
            data[column] = np.arange(1, len(kept) + 1, dtype=np.int64)
        elif column == "claim_id":
            data[column] = ids.astype(int)
        elif column in ("lang", "part"):
            data[column] = claims[column].array.take(rows)
        else:
            values = table[column]
            data[column] = (pd.Series(values.to_numpy()[kept], dtype=values.dtype) if isinstance(values.dtype, np.dtype)
                            else values.array.take(kept))
    return pd.DataFrame(data, columns=columns)


def frames_mentions_and_candidates(text, known, discovered, claims, repairs, gazetteer):
    """The mentions and candidates tables as extract built them before: a concat, a sort, then the frame above."""
    import numpy as np

    from helpers.columns import CANDIDATE_COLUMNS, MENTION_COLUMNS
    from helpers.tables.entities import find_candidates
    from helpers.tables.extract import implied_via

    all_mentions = pd.concat([known.assign(evidence=""), discovered], ignore_index=True).sort_values(
        "start", kind="mergesort").reset_index(drop=True)
    found = _attached_frame(all_mentions, claims, [c for c in MENTION_COLUMNS if c != "via"], numbered="mention_id")
    found["via"] = implied_via(found["type"], found["org"])
    candidates = find_candidates(text, gazetteer, mentions=all_mentions)
    repaired = np.sort(repairs["position"].to_numpy(dtype=np.int64))
    located = locate_claims_of(candidates, claims)
    starts = candidates["start"].to_numpy(dtype=np.int64)[located]
    ends = candidates["end"].to_numpy(dtype=np.int64)[located]
    straddles = np.searchsorted(repaired, ends, side="left") > np.searchsorted(repaired, starts, side="right")
    return found, _attached_frame(candidates, claims, CANDIDATE_COLUMNS, keep=~straddles)


def locate_claims_of(table, claims):
    import numpy as np

    from helpers.tables.extract import locate_claims

    return np.flatnonzero(locate_claims(claims, table["start"].to_numpy()) > 0)


def _parts_of(text, gazetteer):
    from helpers.tables.claims import annotate_claims, build_claims
    from helpers.tables.discover import discover_mentions, outside_urls
    from helpers.text.parse import parse_document

    parsed = parse_document(text)
    claims = annotate_claims(build_claims(text, parsed), tokenizer=tokenizer_for(gazetteer))
    known = outside_urls(text, find_mentions(text, gazetteer))
    return parsed, claims, known, discover_mentions(text, claims, known, gazetteer)


def _check_tables_from_lists(text, gazetteer, *, known=None, discovered=None):
    from helpers.tables.entities import candidate_rows
    from helpers.tables.extract import candidate_table, mention_table

    parsed, claims, found_known, found_discovered = _parts_of(text, gazetteer)
    known = found_known if known is None else known
    discovered = found_discovered if discovered is None else discovered
    want_mentions, want_candidates = frames_mentions_and_candidates(text, known, discovered, claims, parsed.repairs,
                                                                    gazetteer)
    mentions, spans = mention_table(known, discovered, claims)
    import numpy as np
    candidates = candidate_table(candidate_rows(text, spans), claims,
                                 np.sort(parsed.repairs["position"].to_numpy(dtype=np.int64)))
    pd.testing.assert_frame_equal(mentions, want_mentions, check_exact=True)
    pd.testing.assert_frame_equal(candidates, want_candidates, check_exact=True)
    return mentions


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_the_mentions_and_candidates_built_from_lists_are_the_frames_the_frame_path_built(name):
    _check_tables_from_lists(TEXTS[name], default_gazetteer())


@pytest.mark.parametrize("drop", ["none", "known", "discovered", "both"])
def test_the_tables_from_lists_keep_the_frame_paths_dtypes_when_a_side_has_no_rows(drop):
    """Concatenated with an empty frame, the frame path's text columns were object: the same dtypes, each case."""
    text = TEXTS["lambert-china-ai-labs-2026-05.zh-en.txt"]
    _, _, mentions, _ = _parts_of(text, default_gazetteer())
    # the gazetteer's mentions dealt in turn to the two sides (the discovered ones with an evidence), so the merge
    # interleaves them
    known = mentions.iloc[0::2].reset_index(drop=True)
    discovered = mentions.iloc[1::2].reset_index(drop=True).assign(evidence="both_versions")
    assert len(known) and len(discovered)
    if drop == "none":
        _check_tables_from_lists(text, default_gazetteer(), known=known, discovered=discovered)
        return
    if drop in ("known", "both"):
        known = known.iloc[0:0]
    if drop in ("discovered", "both"):
        discovered = discovered.iloc[0:0]
    _check_tables_from_lists(text, default_gazetteer(), known=known, discovered=discovered)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.text(max_size=3), st.none(), st.just(float("nan"))), max_size=5),
       st.sampled_from(["object", "str", "string", "int-like"]))
def test_a_mentions_column_is_the_one_a_series_or_pandas_array_gave(values, kind):
    import numpy as np

    from helpers.frames import typed_frame
    from helpers.tables.extract import _column

    dtype = {"object": np.dtype(object), "str": pd.Series([""]).dtype, "string": pd.StringDtype(),
             "int-like": np.dtype(object)}[kind]
    if kind == "int-like":
        values = list(range(len(values)))
    old = pd.Series(values, dtype=dtype) if isinstance(dtype, np.dtype) else pd.array(values, dtype=dtype)
    new = _column(values, dtype)
    frames = [typed_frame({"c": column, "n": np.arange(len(values))}, ["c", "n"]) for column in (old, new)]
    pd.testing.assert_frame_equal(frames[1], frames[0], check_exact=True)
    assert frames[1]["c"].dtype == frames[0]["c"].dtype


def test_a_frame_without_rows_is_the_constructors_and_its_own():
    import numpy as np

    from helpers.tables.discover import DISCOVERY_COLUMNS
    from helpers.tables.entities import MENTION_RESULT_COLUMNS, _frame

    for columns in (DISCOVERY_COLUMNS, MENTION_RESULT_COLUMNS):
        want = pd.DataFrame({name: np.empty(0, dtype=np.int64 if name in ("start", "end") else object)
                             for name in columns}, columns=columns)
        got = _frame([], columns)
        pd.testing.assert_frame_equal(got, want, check_exact=True)
        assert type(got.index) is type(want.index) and got.columns.dtype == want.columns.dtype
        got["added"] = 1  # a caller's change stays in its own frame
        assert "added" not in _frame([], columns)


def test_the_tables_from_lists_match_the_frame_path_with_an_unseen_gazetteer():
    _check_tables_from_lists(TEXTS["unseen_article.txt"], load_gazetteer(FIXTURES / "unseen_gazetteer.csv"))


# ---- claims: built once with their names, against annotated then summarised ------------------------------------------

def claims_annotated_then_summarised(text, gazetteer):
    """The claims table as extract built it before: the cues first, discovery on those claims, then a copy of the
    table with its entities and orgs set."""
    from helpers.tables.extract import mention_table, summarise_entities

    _, claims, known, discovered = _parts_of(text, gazetteer)
    return summarise_entities(claims, mention_table(known, discovered, claims)[0])


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_the_claims_built_once_with_their_names_are_the_ones_annotated_then_summarised(name):
    text, gazetteer = TEXTS[name], default_gazetteer()
    pd.testing.assert_frame_equal(extract(text, gazetteer=gazetteer).claims,
                                  claims_annotated_then_summarised(text, gazetteer), check_exact=True)


LINES = ["美团发布了 Foo-2 模型。", "作者认为 OpenAI 可能会跟进。", "Nvidia said it may not ship.", "", "  ",
         "《测试》", "We think Meituan's Bar Labs is big.", "1. 阿里巴巴", "https://example.com/openai"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(LINES), max_size=6))
def test_the_claims_built_once_agree_with_the_old_order_on_any_document_of_made_up_lines(lines):
    text, gazetteer = "\n\n".join(lines), default_gazetteer()
    pd.testing.assert_frame_equal(extract(text, gazetteer=gazetteer).claims,
                                  claims_annotated_then_summarised(text, gazetteer), check_exact=True)


# ---- parsing: the seams' patterns that open on a character, against the lookbehind-first ones they replaced --------

OLD_GLUED_HEADING = re.compile(
    r"(?<=[a-z]{2}|[a-z][)”’\"'])(?=(?:The|This|That|These|Those|There|When|Where|What|While|How|Our|Some|Most|Many|But|And|After|Before|With|From)\b)"
)
OLD_GLUED_SENTENCE = re.compile(r"(?:(?<=[a-z]{2}[.!?])|(?<=[a-z]{2}[.!?][’”]))(?=[A-Z](?:[a-z]|[A-Z]{2}))")


def _same_seams(text):
    from helpers.patterns import GLUED_HEADING, GLUED_SENTENCE

    assert [m.end() for m in GLUED_SENTENCE.finditer(text)] == [m.start() for m in OLD_GLUED_SENTENCE.finditer(text)]
    old, new = OLD_GLUED_HEADING.search(text), GLUED_HEADING.search(text)
    assert (old and old.start()) == (new and new.start())


def test_the_seam_patterns_find_the_seams_the_old_ones_found_in_every_line():
    lines = [line for text in TEXTS.values() for line in text.splitlines()]
    assert len(lines) > 250
    for line in lines:
        _same_seams(line)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="abzAZTheWo.!?’”)\"' \n中", max_size=40))
def test_the_seam_patterns_agree_with_the_old_ones_on_any_string(text):
    _same_seams(text)


# ---- discovery: the platform cues and web addresses as the patterns they replaced find them --------------------------

OLD_PLATFORM_CUE = re.compile(
    r"(?:\b(?:[Jj]oin|[Ff]ollow|[Ff]ind|[Rr]each|[Cc]ontact|[Cc]hat with)[ \u00A0]+us[ \u00A0]+(?:on|at|via)[ \u00A0]+"
    r"(?:our[ \u00A0]+)?|欢迎(?:大家)?(?:加入|关注)(?:我们的?)?|(?:加入|关注)我们的?)"
)


def _same_addresses_and_cues(text):
    from helpers.patterns import DISCOVER_PLATFORM_CUE_RE, DISCOVER_URL_RE, DISCOVER_WEB_ADDRESS_RE
    from helpers.tables.discover import _url_mask

    spans = [m.span() for m in DISCOVER_URL_RE.finditer(text)]
    if "@" not in text:
        assert [m.span() for m in DISCOVER_WEB_ADDRESS_RE.finditer(text)] == spans
    mask = bytearray(len(text))
    for a, b in spans:
        mask[a:b] = b"\x01" * (b - a)
    assert _url_mask(text) == bytes(mask)
    assert [m.span() for m in DISCOVER_PLATFORM_CUE_RE.finditer(text)] == [m.span() for m in OLD_PLATFORM_CUE.finditer(text)]


def test_the_platform_cues_and_addresses_are_found_as_before_in_every_document():
    for text in TEXTS.values():
        _same_addresses_and_cues(text)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["Join", "join", "xFind", "follow", "Chat with", "Reach", "contact", " ", "\u00a0", "us",
                                 "on", "at", "via", "our", "欢迎", "大家", "加入", "关注", "我们", "的", "Zorb", "a@b.io",
                                 "www.", "https://", "x.com/p", "@", ".", "_", "é", "\n", "，"]), max_size=14))
def test_the_platform_cues_and_addresses_agree_with_the_old_patterns_on_any_string(parts):
    _same_addresses_and_cues("".join(parts))


OLD_INLINE_RUN = re.compile(r"[^\S\r\n]{2,}|[^\S \r\n]")


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=" \t\u00a0\u3000\r\nab中", max_size=30))
def test_the_inline_runs_are_found_as_the_two_class_pattern_found_them(text):
    from helpers.patterns import INLINE_RUN_RE

    assert [m.span() for m in INLINE_RUN_RE.finditer(text)] == [m.span() for m in OLD_INLINE_RUN.finditer(text)]
    assert INLINE_RUN_RE.sub(" ", text) == OLD_INLINE_RUN.sub(" ", text)


def test_the_inline_runs_of_every_document_are_found_as_before():
    from helpers.patterns import INLINE_RUN_RE

    for text in TEXTS.values():
        assert [m.span() for m in INLINE_RUN_RE.finditer(text)] == [m.span() for m in OLD_INLINE_RUN.finditer(text)]


OLD_ZH_END = re.compile(r"(?:[。！？；!?;]+|…+|\.{3,})(?:[”’」』）)】》\"'][。！？；!?;]*)*")


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="。！？；!?;….”’」』）)】》\"'a中 ", max_size=30))
def test_the_chinese_sentence_ends_are_found_as_the_three_alternatives_found_them(text):
    from helpers.patterns import ZH_END

    assert [m.span() for m in ZH_END.finditer(text)] == [m.span() for m in OLD_ZH_END.finditer(text)]


def test_the_chinese_sentence_ends_of_every_line_are_found_as_before():
    from helpers.patterns import ZH_END

    for text in TEXTS.values():
        for line in text.splitlines():
            assert [m.span() for m in ZH_END.finditer(line)] == [m.span() for m in OLD_ZH_END.finditer(line)]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="aZé×÷ÀɏɐßÞ中文。 \t1'’\ud800\U00020000", max_size=30))
def test_a_blocks_han_characters_and_latin_letters_are_counted_as_the_patterns_counted_them(text):
    from helpers.patterns import NOT_HAN_RUN, NOT_LATIN_LETTER_RUN
    from helpers.text.parse import script_counts

    assert script_counts(text) == (len(NOT_HAN_RUN.sub("", text)), len(NOT_LATIN_LETTER_RUN.sub("", text)))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="|｜•·¦/🤗 ab[]()https:/.中，。", max_size=30))
def test_a_line_without_a_separator_character_splits_into_one_entry(text):
    """``is_link_row`` refuses a line holding none of LINK_ROW_SEPARATOR_CHARS before splitting it: the split of such a
    line gives one entry, which is no row either."""
    from helpers.patterns import LINK_ROW_SEPARATOR, LINK_ROW_SEPARATOR_CHARS

    if not any(mark in text for mark in LINK_ROW_SEPARATOR_CHARS):
        assert len(LINK_ROW_SEPARATOR.split(text)) == 1


# ---- issue 14, sixth round: discovery's Chinese names read the claims' cut ------------------------------------------

@pytest.mark.parametrize("name", sorted(TEXTS))
def test_discovery_reading_the_claims_cut_finds_what_cutting_again_finds(name):
    from helpers.tables.claims import annotate_claims, build_claims
    from helpers.tables.discover import discover_mentions, outside_urls
    from helpers.text.parse import parse_document

    text, gazetteer = TEXTS[name], default_gazetteer()
    cuts = SentenceCuts(tokenizer_for(gazetteer))
    claims = annotate_claims(build_claims(text, parse_document(text)), tokenizer=cuts)
    known = outside_urls(text, find_mentions(text, gazetteer))
    pd.testing.assert_frame_equal(discover_mentions(text, claims, known, gazetteer, cuts=cuts),
                                  discover_mentions(text, claims, known, gazetteer), check_exact=True)
    assert set(cuts._cuts) <= set(claims["text"])  # sentences only


class _CountingTokenizer(Tokenizer):
    def __init__(self, words):
        super().__init__(words)
        self.calls: list[str] = []

    def tokenize(self, text, *, hmm=False):
        self.calls.append(text)
        return super().tokenize(text, hmm=hmm)


def test_an_extraction_cuts_each_sentence_once_and_discovery_reads_that_cut():
    import helpers.tables.entities as entities_module

    text, gazetteer = TEXTS["lambert-china-ai-labs-2026-05.zh-en.txt"], default_gazetteer()
    counting = _CountingTokenizer(tokenizer_for(gazetteer).words)
    original = entities_module.tokenizer_for
    entities_module.tokenizer_for = lambda *args, **kwargs: counting  # the gazetteer's tokenizer, counted
    try:
        tables = extract(text, gazetteer=gazetteer)
    finally:
        entities_module.tokenizer_for = original
    sentences = [c for c in counting.calls if c in set(tables.claims["text"])]
    assert sentences and len(sentences) == len(set(sentences))  # no sentence cut twice
    for frame in ("claims", "mentions", "candidates", "blocks", "repairs"):
        pd.testing.assert_frame_equal(getattr(tables, frame), getattr(extract(text, gazetteer=gazetteer), frame),
                                      check_exact=True)


def _glued_twice(block: str, lang: str) -> tuple[list[tuple[int, int]], list[int]]:
    """The old path: the sentences split, then the glued-sentence pattern run again over the block."""
    from helpers.patterns import GLUED_SENTENCE
    from helpers.text.parse import split_sentences

    return split_sentences(block, lang), [m.end() for m in GLUED_SENTENCE.finditer(block)]


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_the_glued_seams_found_while_splitting_are_those_a_second_pass_finds(name):
    from helpers.text.parse import _spans_and_glued, parse_document

    blocks = parse_document(TEXTS[name]).blocks
    for block, lang in zip(blocks["text"].tolist(), blocks["lang"].tolist()):
        assert _spans_and_glued(block, lang) == _glued_twice(block, lang)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(["ab.", "lab.The", "cd?", "“", "’", "AI", "Xy", " ", "。", "x! Yz", "ok.”Then", "\n"]),
                max_size=12).map("".join), st.sampled_from(["en", "zh", "mixed"]))
def test_the_glued_seams_found_while_splitting_agree_with_a_second_pass_on_any_string(text, lang):
    from helpers.text.parse import _spans_and_glued

    assert _spans_and_glued(text, lang) == _glued_twice(text, lang)


# ---- issue 14, seventh round: frames from typed columns without the constructor's checks -------------------------

_TYPED_KINDS = {
    "int64": lambda values: __import__("numpy").array([len(v) for v in values], dtype="int64"),
    "bool": lambda values: __import__("numpy").array([bool(v) for v in values], dtype=bool),
    "text": lambda values: pd.array(values, dtype=pd.Series([""]).dtype),
    "object series": lambda values: pd.Series(values, dtype=object),
    "text series": lambda values: pd.Series(values, dtype=pd.Series([""]).dtype),
    "Int64": lambda values: pd.array([len(v) or None for v in values], dtype="Int64"),
    "list": list,
    "object array": lambda values: __import__("numpy").array(values, dtype=object),
}


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(max_size=4), max_size=6),
       st.lists(st.sampled_from(sorted(_TYPED_KINDS)), min_size=1, max_size=6))
def test_a_typed_frame_is_the_frame_the_constructor_builds(values, kinds):
    """Whatever the columns (typed or to infer, empty or not), ``typed_frame`` gives the constructor's frame."""
    from helpers.frames import typed_frame

    columns = [f"c{k}" for k in range(len(kinds))]
    data = {c: _TYPED_KINDS[kind](values) for c, kind in zip(columns, kinds)}
    got, want = typed_frame(data, columns), pd.DataFrame(data, columns=columns)
    pd.testing.assert_frame_equal(got, want, check_exact=True)
    assert list(got.dtypes) == list(want.dtypes) and type(got.index) is type(want.index)


def test_a_typed_frame_owns_its_columns():
    """A frame built by ``typed_frame`` is written to without touching the arrays it was built from, nor another
    frame's column names."""
    import numpy as np

    from helpers.frames import typed_frame

    starts, texts = np.array([1, 2], dtype=np.int64), pd.array(["a", "b"], dtype=pd.Series([""]).dtype)
    one = typed_frame({"start": starts, "text": texts}, ["start", "text"])
    two = typed_frame({"start": starts, "text": texts}, ["start", "text"])
    one.loc[0, "start"], one.loc[0, "text"] = 9, "z"
    one.columns.name = "renamed"
    assert starts.tolist() == [1, 2] and list(texts) == ["a", "b"] and two.columns.name is None
    assert two["start"].tolist() == [1, 2]


_REPAIR = st.fixed_dictionaries({"position": st.integers(0, 50), "repair": st.sampled_from(["a", "b"]),
                                 "before": st.text(max_size=3), "after": st.text(max_size=3)})


@settings(max_examples=200, deadline=None)
@given(st.lists(_REPAIR, min_size=1, max_size=8))
def test_the_repairs_table_is_the_one_a_frame_then_a_stable_sort_gave(repairs):
    from helpers.text.parse import REPAIR_COLUMNS, repairs_frame

    want = pd.DataFrame(repairs, columns=REPAIR_COLUMNS).sort_values("position", kind="stable", ignore_index=True)
    got = repairs_frame(repairs)
    pd.testing.assert_frame_equal(got, want, check_exact=True)
    assert list(got.dtypes) == list(want.dtypes) and type(got.index) is type(want.index)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.text(max_size=4), st.text(max_size=4), st.none()), max_size=6))
def test_a_text_array_is_the_array_pandas_makes_of_the_strings(values):
    from helpers.frames import TEXT, text_array

    got, want = text_array(values), pd.array(values, dtype=TEXT)
    assert type(got) is type(want) and got.dtype == want.dtype
    pd.testing.assert_extension_array_equal(got, want)
    tuple_got = text_array(tuple(values))
    pd.testing.assert_extension_array_equal(tuple_got, pd.array(tuple(values), dtype=TEXT))


_HAN_POOL = "這是软件發布后後台臺湾灣说說話话的了中國国个個里裡面麵干乾幹"


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(alphabet=_HAN_POOL, min_size=1, max_size=12), min_size=1, max_size=4))
def test_characters_converted_in_earlier_documents_count_as_converting_them_again(texts):
    """A block's Traditional and Simplified counts read characters converted for earlier documents: the same counts as
    converting each of its characters anew."""
    from collections import Counter

    from helpers.text import variants

    for text in texts:
        counts = Counter(text)
        unique = sorted(counts)
        fresh_s = dict(zip(unique, variants._convert_each("".join(unique), "t2s")))
        fresh_t = dict(zip(unique, variants._convert_each("".join(unique), "s2t")))
        shared = variants.shared_chars()  # standard in both scripts (昇, 乾): they mark neither
        want = (sum(n for c, n in counts.items() if fresh_s[c] != c and c not in shared),
                sum(n for c, n in counts.items() if fresh_t[c] != c))
        assert variants.script_counts(text) == want


# ---- discovery: file names and repository ids read where they can be ----------------------------------------------

_PATH_ALPHABET = "abZ09_.-/:  中éx"


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_repository_ids_read_in_their_runs_are_those_the_pattern_finds_over_the_text(name):
    from helpers.patterns import DISCOVER_REPO_ID_RE
    from helpers.tables.discover import repo_id_spans

    text = TEXTS[name]
    assert repo_id_spans(text) == [m.span() for m in DISCOVER_REPO_ID_RE.finditer(text)]


@given(st.text(alphabet=_PATH_ALPHABET, max_size=40))
def test_repository_ids_read_in_their_runs_agree_with_the_pattern_on_any_string(text):
    from helpers.patterns import DISCOVER_REPO_ID_RE
    from helpers.tables.discover import repo_id_spans

    assert repo_id_spans(text) == [m.span() for m in DISCOVER_REPO_ID_RE.finditer(text)]


@given(st.lists(st.sampled_from(["a", "B", "7", "_", ".", "-", "/", " ", "中", "png", "md", "jpeg", "yml", "html", "x"]),
                max_size=16))
def test_a_text_without_a_file_extension_holds_no_file_name(parts):
    from helpers.patterns import DISCOVER_FILE_EXTENSION_RE, DISCOVER_FILE_NAME_RE

    text = "".join(parts)
    if DISCOVER_FILE_EXTENSION_RE.search(text) is None:
        assert DISCOVER_FILE_NAME_RE.search(text) is None
    for match in DISCOVER_FILE_NAME_RE.finditer(text):
        assert DISCOVER_FILE_EXTENSION_RE.search(match.group())


# ---- cues: first words holding a Han character looked for only in the texts holding one --------------------------

_HAN_CUE_WORDS = [w for w in _cue_words() if re.search(r"[\u4e00-\u9fff]", w)]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.one_of(st.sampled_from(_HAN_CUE_WORDS), st.sampled_from(_cue_words()),
                                   st.sampled_from(["", " ", "\u212a", "can't", "。", "a", "中"])), max_size=6).map("".join),
                max_size=6))
def test_chinese_first_words_read_only_in_chinese_texts_are_those_every_pattern_finds(texts):
    """Texts with and without Han characters side by side (a Kelvin sign among them, which lowercases to a k): each
    text's cues are those every pattern finds in it alone; each stretch read opens on a space and ends on a text's."""
    from helpers.vocab import _han_ranges

    for matcher in MATCHERS.values():
        assert matcher.find_each(texts) == [every_pattern(matcher, t) for t in texts]
    joined = " " + "  ".join(texts) + " "
    bases = [1 + sum(len(t) + 2 for t in texts[:k]) for k in range(len(texts))]
    for a, b in _han_ranges(joined, joined.lower(), bases) if texts and len(joined.lower()) == len(joined) else ():
        assert joined[a] == " " and (b == len(joined) or joined[b - 1:b + 1] == "  ")


# ---- furniture: a language switcher needs a link or a joiner ---------------------------------------------------------

@given(st.lists(st.sampled_from(["English", "中文", "简体中文", " | ", "｜", " / ", "•", "·", "[", "]", "(README.md)",
                                 "[English](README_EN.md)", " ", "版", "Docs", "\n"]), max_size=8))
def test_a_line_without_a_link_or_a_joiner_is_no_language_switch(parts):
    """The quick refusal keeps the switcher test's answer: the test without it (its patterns over the line) agrees."""
    from helpers.patterns import LINK_TEXT, SWITCHER_JOINER
    from helpers.text.parse import SWITCHER_JOINER_CHARS, _labels, is_language_switch

    text = "".join(parts)
    names = _labels("language_name")
    single = LINK_TEXT.fullmatch(text.strip())
    if single:
        want = re.sub(r"\s*(?:版本|版|文档|文檔|version|readme)$", "", single.group(1).strip(), flags=re.I).lower() in names
    else:
        entries = SWITCHER_JOINER.split(LINK_TEXT.sub(r"\1", text).strip())
        named = [e for e in entries if e.strip()]
        want = len(entries) >= 2 and bool(named) and all(e.strip().strip("*_").lower() in names for e in named)
    assert is_language_switch(text) == want
    if "[" not in text and not any(mark in text for mark in SWITCHER_JOINER_CHARS):
        assert not want
