"""Fuzzing: random bytes through the reader, random mixed-script text through extract and the aligner.

Example counts are bounded so the whole file runs in seconds; `--hypothesis-seed` reproduces a run.
"""

import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import align
from helpers.align.dictionary import default_dictionary
from helpers.columns import CONTENT_KINDS, PART_COMMENTARY, PART_ORIGINAL
from helpers.tables.entities import load_gazetteer
from helpers.text.parse import EDGE_SPACE
from helpers.pipeline import extract
from helpers.text.reader import BOMS, InputError, decode_bytes

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# ---- bytes through the reader ---------------------------------------------------------------

BOM_PREFIXES = st.sampled_from([b"", *[bom for bom, _, _ in BOMS]])
TEXTY_BYTES = st.text(max_size=200).flatmap(
    lambda t: st.sampled_from([t.encode("utf-8"), t.encode("utf-16"), t.encode("gb18030", "replace")])
)


@settings(max_examples=300, deadline=None)
@given(st.tuples(BOM_PREFIXES, st.one_of(st.binary(max_size=400), TEXTY_BYTES)).map(lambda p: p[0] + p[1]))
def test_decode_bytes_decodes_or_refuses_with_input_error(data):
    try:
        text, encoding = decode_bytes(data)
    except InputError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    assert isinstance(text, str) and encoding


# ---- mixed-script text through extract ------------------------------------------------------


def _gazetteer_aliases() -> list[str]:
    gazetteer = load_gazetteer()
    names = [*gazetteer["name_en"], *gazetteer["name_zh"]]
    for aliases in gazetteer["aliases"]:
        names += [a.lstrip("!~").strip() for a in aliases.split("|")]
    return sorted({n for n in names if n})


PIECES = (
    list("中国实验室开源模型作者认为他说可能一定不没有。！？；，、：“”‘’《》（）【】…")
    + list("abcXYZ .!?,;:'\"()-$%")
    + list("0123456789０１２３")
    + ["\n", "\r\n", "\r", "\t", "\u3000", "\u00a0"]
    + ["\x00", "\x07", "\x1b", "\x7f", "\x85", "\x0b", "\x0c"]
    + ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"]
    + ["\u200b", "\u200c", "\u200d", "\ufeff", "\u2028", "\u2029"]
    + ["😀", "🇨🇳", "👍🏽", "\U00020000"]
    + ["U.S. ", "01.ai", "$10M+", "labThe", "spending.Some", "1. ", "- ", "=1+1", "@x", "<script>alert(1)</script>"]
    + ["The labs may well be right. ", "作者认为,中国实验室很强。", "\n\n"]
)
MIXED_TEXT = st.lists(
    st.one_of(st.sampled_from(PIECES), st.sampled_from(_gazetteer_aliases()), st.characters(codec="utf-8")),
    max_size=60,
).map("".join)


def is_space(char: str) -> bool:
    """What the parser trims from a sentence's edges: Unicode spaces plus zero-width ones."""
    return char.isspace() or char in EDGE_SPACE


def check_tables(text: str, tables) -> None:
    blocks, claims, mentions, candidates, repairs = (
        tables.blocks, tables.claims, tables.mentions, tables.candidates, tables.repairs
    )
    for table, column in ((blocks, "text"), (claims, "text"), (mentions, "surface"), (candidates, "surface")):
        assert all(0 <= a <= b <= len(text) for a, b in zip(table["start"], table["end"]))
        assert all(text[a:b] == t for a, b, t in zip(table["start"], table["end"], table[column]))
    for position, before, after in zip(repairs["position"], repairs["before"], repairs["after"]):
        assert text[position - len(before):position] == before and text[position:position + len(after)] == after
    # ids are unique and join
    assert blocks["block_id"].is_unique and claims["claim_id"].is_unique and mentions["mention_id"].is_unique
    assert set(claims["block_id"]) <= set(blocks["block_id"])
    assert set(mentions["claim_id"]) <= set(claims["claim_id"])
    assert set(candidates["claim_id"]) <= set(claims["claim_id"])
    # each claim lies inside its block
    spans = blocks.set_index("block_id")[["start", "end"]]
    for block_id, start, end in zip(claims["block_id"], claims["start"], claims["end"]):
        assert spans.loc[block_id, "start"] <= start and end <= spans.loc[block_id, "end"]
    # content claims cover each non-space character of the content blocks exactly once
    covered = [0] * len(text)
    for start, end in zip(claims["start"], claims["end"]):
        for k in range(start, end):
            covered[k] += 1
    assert max(covered, default=0) <= 1
    content = blocks[blocks["kind"].isin(CONTENT_KINDS)]
    for start, end in zip(content["start"], content["end"]):
        assert all(covered[k] == 1 or is_space(text[k]) for k in range(start, end)), text[start:end]


@FUZZ
@given(MIXED_TEXT)
def test_extract_invariants_hold_for_hostile_mixed_text(text):
    check_tables(text, extract(text))


@FUZZ
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=12), st.lists(st.sampled_from(PIECES), max_size=12))
def test_extract_invariants_hold_for_a_commentary_then_an_original(zh_pieces, en_pieces):
    # The genre's shape: Chinese paragraphs, then English ones, with hostile characters inside.
    text = "".join(zh_pieces) + "中国实验室很强。\n" + "The original essay says so. " + "".join(en_pieces) + "\n"
    check_tables(text, extract(text))


# ---- the aligner ----------------------------------------------------------------------------



@pytest.fixture(scope="module")
def dictionary():
    return default_dictionary()


ZH_SENTENCES = st.lists(
    st.sampled_from(["作者认为,中国实验室很强。", "DeepSeek 开源了模型。", "美团也在做大模型。", "说白了,这就是执行力。",
                     "芯片不够用。", "他说,人才密度很高。", *PIECES[:40]]),
    min_size=1, max_size=10,
).map("".join)
EN_SENTENCES = st.lists(
    st.sampled_from(["Chinese labs are strong. ", "DeepSeek released open models. ", "Meituan builds models too. ",
                     "Chips are scarce. ", "We met many students.\n", "Talent density is high. ", *PIECES[40:]]),
    min_size=1, max_size=10,
).map("".join)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(ZH_SENTENCES, EN_SENTENCES, MIXED_TEXT)
def test_align_claims_accounts_for_every_content_claim(dictionary, zh, en, noise):
    text = zh + "\n" + noise + "\n" + en
    tables = extract(text)
    claims = tables.claims
    alignment = align.align_claims(claims, mentions=tables.mentions, dictionary=dictionary)
    content = claims[claims["kind"].isin(CONTENT_KINDS)]
    zh_ids = set(content.loc[content["part"] == PART_COMMENTARY, "claim_id"])
    en_ids = set(content.loc[content["part"] == PART_ORIGINAL, "claim_id"])
    assert set(alignment["zh_claim_id"].dropna().astype(int)) == zh_ids
    assert set(alignment["en_claim_id"].dropna().astype(int)) == en_ids
    assert set(alignment["zh_claim_id"].dropna().astype(int)) | set(alignment["en_claim_id"].dropna().astype(int)) <= set(claims["claim_id"])
    assert all(math.isfinite(s) for s in alignment["score"])
    assert set(alignment["relation"]) <= set(align.RELATIONS)
    omissions = alignment[alignment["relation"] == align.OMISSION]
    assert omissions["zh_claim_id"].isna().all()
    assert not (set(omissions["en_claim_id"].astype(int)) & set(alignment.loc[alignment["relation"] != align.OMISSION, "en_claim_id"].dropna().astype(int)))
