"""helpers.vocab: one loader and checker for every reference file, one cue syntax, one matcher."""

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import vocab
from helpers.tables.entities import tokenizer_for


def matcher(*rows):
    return vocab.CueMatcher(pd.DataFrame(rows, columns=["label", "lang", "cue", "match"]), "label")


def surfaces(m, text, tokens=None):
    return [text[a:b] for a, b, _ in m.find(text, tokens)]


@pytest.mark.parametrize("cue, match, text, expected", [
    ("regulat*", "word", "Regulators regulate regulatory", ["Regulators", "regulate", "regulatory"]),  # stem
    ("open source", "word", "open-source and open  source", ["open-source", "open  source"]),      # a space: space or hyphen
    ("chip", "word", "chips, a chip, CHIP", ["chip", "CHIP"]),                                      # whole words, case ignored
    ("subsid", "prefix", "subsidies, Subsidy, resubsidise", ["subsid", "Subsid"]),                  # a word's start
    ("CLI*", "word", "CLIs and climate", ["CLIs"]),                                                 # capitals: only capitals
    ("the West", "word", "The West and the west", ["The West", "the west"]),                        # mixed case: ignored
    ("算力", "substring", "中国缺算力", ["算力"]),                                                      # anywhere
])
def test_one_cue_syntax(cue, match, text, expected):
    assert surfaces(matcher(("x", "en" if match != "substring" else "zh", cue, match)), text) == expected


def test_token_and_chinese_prefix_cues_look_only_at_jieba_tokens():
    m = matcher(("modal", "zh", "会", "token"), ("neg", "zh", "没", "prefix"))
    text = "他会来,这是机会,没有人"
    tokens = tokenizer_for().tokenize(text)
    assert [(text[a:b], label) for a, b, label in m.find(text, tokens)] == [("会", "modal"), ("没有", "neg")]
    assert m.find(text) == []  # no tokens given: token cues cannot match
    assert m.needs_tokens


def test_longest_first_keeps_the_longest_of_overlapping_cues():
    m = matcher(("safety", "zh", "安全", "substring"), ("security", "zh", "国家安全", "substring"))
    assert vocab.longest_first(m.find("国家安全和安全")) == [(0, 4, "security"), (5, 7, "safety")]


def test_every_reference_file_loads():
    assert set(vocab.load_cues()["match"]) <= set(vocab.MATCHES)
    assert len(vocab.load_frames()) and len(vocab.load_categories()) and len(vocab.load_themes())
    assert "算力" in set(vocab.load_glossary()["zh"])
    assert "一个" in vocab.load_stopwords("zh") and "the" in vocab.load_stopwords("en")


@pytest.mark.parametrize("row, message", [
    ("x,fr,foo,word", "line 3: lang must be en or zh"),
    ("x,en,foo,fuzzy", "line 3: match must be one of"),
    ("x,en,foo,token", "token for zh only"),
    (",en,foo,word", "line 3: empty theme"),
])
def test_a_bad_row_is_named_by_its_line(tmp_path, row, message):
    path = tmp_path / "themes.csv"
    path.write_text(f"# a theme lexicon\ntheme,lang,cue,match\n{row}\n", encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        vocab.load_vocabulary(path, vocab.THEME_COLUMNS, required=("cue", "theme"), matches=vocab.MATCHES)


def test_a_missing_column_is_named(tmp_path):
    path = tmp_path / "frames.csv"
    path.write_text("frame,lang,cue\nx,en,foo\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"missing required columns \['match', 'note'\]"):
        vocab.load_frames(path)


def test_word_lists_skip_comments(tmp_path):
    path = tmp_path / "stop.txt"
    path.write_text("# header\nthe\n\nof  # a note\n", encoding="utf-8")
    assert vocab.read_word_list(path) == ["the", "of"]


CUES = st.sampled_from([("x", "en", "open source", "word"), ("x", "en", "regulat*", "word"), ("y", "en", "AI", "word"),
                        ("y", "zh", "算力", "substring"), ("z", "zh", "安全", "substring"), ("z", "zh", "国家安全", "substring"),
                        ("w", "en", "subsid", "prefix")])
TEXTS = st.lists(st.sampled_from(["open source", "open-source", "Regulators", "AI", "ai", "算力", "国家安全", "subsidies",
                                  " ", "，", "x", "安全"]), max_size=12).map("".join)


@settings(max_examples=60, deadline=None)
@given(st.lists(CUES, min_size=1, max_size=7, unique=True), TEXTS)
def test_matches_index_the_text_and_longest_first_never_overlaps(rows, text):
    m = matcher(*rows)
    found = m.find(text)
    assert all(0 <= a < b <= len(text) for a, b, _ in found) and found == sorted(found, key=lambda f: (f[0], f[0] - f[1], f[2]))
    kept = vocab.longest_first(found)
    assert set(kept) <= set(found)
    assert all(b1 <= a2 for (_, b1, _), (a2, _, _) in zip(kept, kept[1:]))
    assert all(any(not (b <= a2 or a >= b2) for a2, b2, _ in kept) for a, b, _ in found)  # every match meets a kept one
