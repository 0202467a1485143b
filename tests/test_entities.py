"""Tests for helpers.tables.entities: gazetteer validation, mention matching, candidates, jieba, gold."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import columns
from helpers.text.segment import Tokenizer
from helpers.tables import entities
from helpers.tables.entities import (
    CANDIDATE_RESULT_COLUMNS,
    GAZETTEER_COLUMNS,
    MENTION_RESULT_COLUMNS,
    ORG_TYPES,
    PRODUCT_TYPES,
    find_candidates,
    find_mentions,
    jieba_userdict_lines,
    load_gazetteer,
    gazetteer_words,
    tokenizer_for,
    load_stoplist,
)

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "raw" / "lambert-china-ai-labs-2026-05.zh-en.txt"
GOLD = ROOT / "data" / "reference" / "gold_org_mentions.csv"
HARD = Path(__file__).resolve().parent / "fixtures" / "hard_entity_sentences.csv"
SEED_ZH_END_MARKER = "Nathan Lambert May 07, 2026"

# A made-up gazetteer: every rule is exercised on names the seed never uses.
TOY_ROWS = [
    # entity, name_en, name_zh, type, parent, case, aliases, exclusions
    ("acme", "Acme Robotics", "艾克米", "company", "", "ignore", "Acme", ""),
    ("acme_cloud", "Acme Cloud", "艾克米云", "product", "acme", "ignore", "", ""),
    ("zing", "Zing", "", "model", "acme", "ignore", "艾克米 Zing|Zing-2", ""),
    ("zing_pro", "Zing Pro", "", "model", "zing", "ignore", "", ""),
    ("qb", "QB", "", "lab", "", "exact", "~quill labs", ""),
    ("pillar", "Pillar", "", "publication", "", "exact", "", ""),
    ("millet", "Millet Tech", "谷子", "company", "", "ignore", "", "谷子粥"),
    ("jane_roe", "Jane Roe", "", "person", "", "exact", "", ""),
    ("john_doe", "John Doe", "", "person", "acme", "exact", "", ""),
    ("springfield", "Springfield", "春田", "place", "", "exact", "", ""),
]


def toy_gazetteer() -> pd.DataFrame:
    """The made-up gazetteer as a DataFrame, the way a notebook might build one."""
    return pd.DataFrame(TOY_ROWS, columns=GAZETTEER_COLUMNS)


def write_gazetteer(path: Path, rows: list[tuple[str, ...]]) -> Path:
    """Write rows as a gazetteer CSV and return its path."""
    pd.DataFrame(rows, columns=GAZETTEER_COLUMNS).to_csv(path, index=False)
    return path


@pytest.fixture(scope="module")
def gazetteer() -> pd.DataFrame:
    return load_gazetteer()


@pytest.fixture(scope="module")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def pairs(mentions: pd.DataFrame) -> list[tuple[str, str]]:
    """(surface, entity) in order: the compact form expected tables use."""
    return list(zip(mentions["surface"], mentions["entity"]))


# ---------------------------------------------------------------------------------------------
# Gazetteer


def test_default_gazetteer_loads_and_rolls_up(gazetteer):
    assert list(gazetteer.columns) == GAZETTEER_COLUMNS + ["org"]
    assert gazetteer["entity"].is_unique
    org = dict(zip(gazetteer["entity"], gazetteer["org"]))
    assert org["kimi"] == "moonshot"
    assert org["claude_code"] == "anthropic"  # claude_code -> claude -> anthropic
    assert org["ling"] == "ant_group"
    assert org["moonshot"] == "moonshot"
    assert org["china"] == ""
    organisations = gazetteer[gazetteer["type"].isin(ORG_TYPES)]
    assert (organisations["org"] == organisations["entity"]).all()


def test_result_columns_are_subsets_of_the_shared_columns():
    assert set(MENTION_RESULT_COLUMNS) <= set(columns.MENTION_COLUMNS)
    assert set(CANDIDATE_RESULT_COLUMNS) <= set(columns.CANDIDATE_COLUMNS)


def test_load_gazetteer_from_path_with_missing_optional_columns(tmp_path):
    path = tmp_path / "g.csv"
    path.write_text("entity,type,aliases\nfoo,company,Foo Corp|福公司\n", encoding="utf-8")
    loaded = load_gazetteer(path)
    assert loaded.loc[0, "case"] == "exact"
    assert pairs(find_mentions("福公司 and Foo Corp, not foo corp", loaded)) == [
        ("福公司", "foo"), ("Foo Corp", "foo"),
    ]



def test_a_gazetteer_read_before_is_given_as_a_copy_and_read_again_once_edited(tmp_path):
    path = tmp_path / "g.csv"
    path.write_text("entity,type,aliases\nfoo,company,Foo Corp\n", encoding="utf-8")
    first = load_gazetteer(path)
    first.loc[0, "aliases"] = "changed by a caller"
    assert load_gazetteer(path).loc[0, "aliases"] == "Foo Corp"  # the caller's change stays with the caller
    path.write_text("entity,type,aliases\nfoo,company,Foo Corp\nbar,lab,Bar Lab\n", encoding="utf-8")
    assert load_gazetteer(path)["entity"].tolist() == ["foo", "bar"]  # the same size of file or not, its content counts

BAD_ROWS = [
    pytest.param(
        [("foo", "Foo", "", "startup", "", "exact", "", "")],
        r"line 2 \(entity 'foo'\): unknown type 'startup'", id="unknown-type"),
    pytest.param(
        [("foo", "Foo", "", "company", "", "exact", "", ""),
         ("foo_x", "FooX", "", "model", "fooo", "exact", "", "")],
        r"line 3 \(entity 'foo_x'\): parent 'fooo' is not an entity id", id="bad-parent"),
    pytest.param(
        [("foo", "Foo", "", "company", "", "exact", "", ""),
         ("foo", "Foo Two", "", "company", "", "exact", "", "")],
        r"line 3 \(entity 'foo'\): duplicate entity id", id="duplicate-id"),
    pytest.param(
        [("foo", "Foo", "", "company", "", "exact", "Bar", ""),
         ("bar", "Bar", "", "company", "", "exact", "", "")],
        r"line 3 \(entity 'bar'\): alias 'Bar' is also claimed by 'foo'", id="alias-clash"),
    pytest.param(
        [("foo", "Foo", "", "company", "", "ignore", "Bar", ""),
         ("bar", "BAR", "", "company", "", "exact", "", "")],
        r"alias 'BAR' is also claimed by 'foo'", id="alias-clash-ignoring-case"),
    pytest.param(
        [("foo", "Foo", "福", "company", "", "exact", "", ""),
         ("bar", "Bar", "", "company", "", "exact", "福 Bar|福Baz", ""),
         ("baz", "Baz", "", "company", "", "exact", "福 Baz", "")],
        r"line 4 \(entity 'baz'\): alias '福 Baz' is also claimed by 'bar'", id="alias-clash-cjk-space"),
    pytest.param(
        [("foo", "Foo", "", "company", "", "sometimes", "", "")],
        r"line 2 \(entity 'foo'\): case must be", id="bad-case"),
    pytest.param(
        [("a", "Aaa", "", "model", "b", "exact", "", ""),
         ("b", "Bbb", "", "model", "a", "exact", "", "")],
        r"loops back", id="parent-cycle"),
    pytest.param(
        [("foo", "", "", "company", "", "exact", "", "")],
        r"line 2 \(entity 'foo'\): no name or alias", id="nothing-to-match"),
    pytest.param(
        [("Foo Corp", "Foo", "", "company", "", "exact", "", "")],
        r"line 2 \(entity 'Foo Corp'\): entity id must be", id="bad-id"),
]


@pytest.mark.parametrize("rows, message", BAD_ROWS)
def test_invalid_gazetteer_raises_naming_the_row(tmp_path, rows, message):
    with pytest.raises(ValueError, match=message):
        load_gazetteer(write_gazetteer(tmp_path / "bad.csv", rows))


def test_missing_required_column_raises(tmp_path):
    path = tmp_path / "g.csv"
    path.write_text("entity,aliases\nfoo,Foo\n", encoding="utf-8")
    with pytest.raises(ValueError, match="missing required column"):
        load_gazetteer(path)


# ---------------------------------------------------------------------------------------------
# Mentions on the made-up gazetteer


TOY_CASES = [
    ("Acme Robotics released Zing.", [("Acme Robotics", "acme"), ("Zing", "zing")]),
    ("It is amazing how zinging works", []),
    ("艾克米的 zing和 Zing-2 都开源了", [("艾克米", "acme"), ("zing", "zing"), ("Zing-2", "zing")]),
    ("Zing's rival and Zing’s rival", [("Zing", "zing"), ("Zing", "zing")]),
    ("ACME, acme and Acme", [("ACME", "acme"), ("acme", "acme"), ("Acme", "acme")]),
    ("QB and qb and Qb", [("QB", "qb")]),
    ("Quill Labs and QUILL LABS", [("Quill Labs", "qb"), ("QUILL LABS", "qb")]),
    ("a pillar of Pillar", [("Pillar", "pillar")]),
    ("Acme Cloud beats Acme", [("Acme Cloud", "acme_cloud"), ("Acme", "acme")]),
    ("艾克米云和艾克米", [("艾克米云", "acme_cloud"), ("艾克米", "acme")]),
    ("艾克米 Zing 与艾克米Zing", [("艾克米 Zing", "zing"), ("艾克米Zing", "zing")]),
    ("Acme\nRobotics", [("Acme", "acme")]),
    ("Acme  Robotics", [("Acme  Robotics", "acme")]),
    ("谷子粥和谷子", [("谷子", "millet")]),
    ("Acme-pilled devs", [("Acme", "acme")]),
    ("Zing Pro, Zing2, 4Zing", [("Zing Pro", "zing_pro")]),
    ("Jane Roe met John Doe in 春田", [("Jane Roe", "jane_roe"), ("John Doe", "john_doe"), ("春田", "springfield")]),
    # a name inside another's hyphenated name is not a mention: Acme-Zing-7B is Acme's, amazing-acme-api no one's
    ("Acme-Zing-7B and Zing", [("Acme", "acme"), ("Zing", "zing")]),
    ("amazing-acme-api for Acme", [("Acme", "acme")]),
    ("艾克米-Zing", [("艾克米", "acme"), ("Zing", "zing")]),  # a hyphen after Han characters joins no Latin name
    # a name heading a hyphenated name is that name's maker's, with words or a size after it
    ("Zing-Audio-Chat and Zing-7B-Base", [("Zing", "zing"), ("Zing", "zing")]),
]


@pytest.mark.parametrize("text, expected", TOY_CASES)
def test_find_mentions_toy(text, expected):
    mentions = find_mentions(text, toy_gazetteer())
    assert pairs(mentions) == expected
    for start, end, surface in zip(mentions["start"], mentions["end"], mentions["surface"]):
        assert text[start:end] == surface


def test_find_mentions_columns_orgs_and_types():
    mentions = find_mentions("Jane Roe, John Doe, Zing Pro, 艾克米云, 春田", toy_gazetteer())
    assert list(mentions.columns) == MENTION_RESULT_COLUMNS
    assert list(mentions["org"]) == ["", "acme", "acme", "acme", ""]
    assert list(mentions["type"]) == ["person", "person", "model", "product", "place"]
    assert mentions.loc[0, ["start", "end"]].tolist() == [0, 8]


def test_find_mentions_empty():
    mentions = find_mentions("nothing here", toy_gazetteer())
    assert mentions.empty and list(mentions.columns) == MENTION_RESULT_COLUMNS


def hard_sentences() -> list:
    table = pd.read_csv(HARD, dtype=str, keep_default_na=False)
    return [
        pytest.param(
            row.text,
            [tuple(item.rsplit("@", 1)) for item in row.expected.split("|") if item],
            id=row.note,
        )
        for row in table.itertuples()
    ]


@pytest.mark.parametrize("text, expected", hard_sentences())
def test_find_mentions_hard_sentences(gazetteer, text, expected):
    assert pairs(find_mentions(text, gazetteer)) == expected


# ---------------------------------------------------------------------------------------------
# Property test

GAZETTEER_FOR_PROPERTIES = load_gazetteer()
SAMPLE_ALIASES = sorted(
    {a for cell in GAZETTEER_FOR_PROPERTIES["aliases"] for a in cell.split("|") if a}
    | set(GAZETTEER_FOR_PROPERTIES["name_en"]) | set(GAZETTEER_FOR_PROPERTIES["name_zh"]) - {""}
)
TEXT_ALPHABET = st.sampled_from(list("中国的和模型蚂蚁小米《》，。、abcLINGz AI09-.'’\n\t_s粥"))
FRAGMENT = st.one_of(
    st.text(TEXT_ALPHABET, max_size=6),
    st.sampled_from(SAMPLE_ALIASES),
    st.sampled_from(SAMPLE_ALIASES).map(str.lower),
    st.sampled_from(SAMPLE_ALIASES).map(str.upper),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(FRAGMENT, max_size=8).map("".join))
def test_mentions_are_exact_sorted_and_disjoint(text):
    mentions = find_mentions(text, GAZETTEER_FOR_PROPERTIES)
    previous_end = 0
    for start, end, surface in zip(mentions["start"], mentions["end"], mentions["surface"]):
        assert text[start:end] == surface and end > start
        assert start >= previous_end
        previous_end = end
    candidates = find_candidates(text, GAZETTEER_FOR_PROPERTIES)
    spans = list(zip(mentions["start"], mentions["end"]))
    for start, end, surface, reason in candidates[["start", "end", "surface", "reason"]].itertuples(
        index=False, name=None
    ):
        assert text[start:end] == surface
        overlapping = [(s, e) for s, e in spans if s < end and start < e]
        if reason == "versioned_mention":  # a known name with a version glued on contains it
            assert overlapping and all(start <= s and e <= end and (s, e) != (start, end) for s, e in overlapping)
        else:
            assert not overlapping


# ---------------------------------------------------------------------------------------------
# Candidates


CANDIDATE_CASES = [
    ("我们测试了 Foo-2T 模型", [("Foo-2T", "latin_in_zh")]),
    ("发布了 Blorbo 和 AI 产品,企业 IM 也有", [("Blorbo", "latin_in_zh")]),
    ("团队用 open-first 策略", []),
    ("2026年发布", []),
    ("The team at FizzBuzz shipped Quux-7B today.", [("FizzBuzz", "camel_case"), ("Quux-7B", "model_like")]),
    ("《银河日报》报道了此事", [("银河日报", "title")]),
    ("《Pillar》报道了此事", []),
    ("Acme uses an API and LLMs via SaaS with RL.", []),
    ("Yesterday we met Gary Oldman in Springfield.", [("Gary Oldman", "capitalised")]),
    ("Blorbo said hi. Later, we left.", []),
    ("Blorbo said hi. Then Blorbo left.", [("Blorbo", "capitalised")]),
    ("我们用了 Zing-9 模型", [("Zing-9", "versioned_mention")]),
    ("we asked Blorbo again", [("Blorbo", "capitalised")]),
    ("Acme shipped Zing-3 and Zing-2", [("Zing-3", "versioned_mention")]),
    ("Soon Gary Oldman left. It came soon after.", [("Gary Oldman", "capitalised")]),
    ("Chinese and American labs in May", []),
    ("spent $10M+ in 36 hours on 0-to-1 work (edited1)", []),
    ("the NCSA team", [("NCSA", "acronym")]),
]


@pytest.mark.parametrize("text, expected", CANDIDATE_CASES)
def test_find_candidates(text, expected):
    candidates = find_candidates(text, toy_gazetteer())
    assert list(candidates.columns) == CANDIDATE_RESULT_COLUMNS
    assert list(zip(candidates["surface"], candidates["reason"])) == expected
    for start, end, surface in zip(candidates["start"], candidates["end"], candidates["surface"]):
        assert text[start:end] == surface


def test_stoplist_file_and_override():
    stoplist = load_stoplist()
    assert {"ai", "llm", "saas", "im", "ceo", "us"} <= stoplist
    custom = find_candidates("我们用 Blorbo 和 Foo-2T", toy_gazetteer(), stoplist=frozenset({"Blorbo"}))
    assert list(custom["surface"]) == ["Foo-2T"]


# ---------------------------------------------------------------------------------------------
# jieba


def test_jieba_userdict_lines_skip_spaced_aliases():
    lines = jieba_userdict_lines(toy_gazetteer())
    assert "艾克米 100000 nt" in lines
    assert "Zing-2 100000 nz" in lines and "zing-2 100000 nz" in lines  # case=ignore: lowercase too
    assert "Jane Roe" not in " ".join(lines)
    assert all(len(line.split(" ")) == 3 for line in lines)


def test_the_gazetteers_tokenizer_keeps_names_whole_and_the_plain_one_does_not():
    words = gazetteer_words(toy_gazetteer())
    assert len(words) == len(jieba_userdict_lines(toy_gazetteer()))
    assert {"艾克米云", "谷子", "春田"} <= set(tokenizer_for(toy_gazetteer()).cut("艾克米云和谷子都在春田"))
    assert "艾克米云" not in Tokenizer().cut("艾克米云和谷子都在春田")


# ---------------------------------------------------------------------------------------------
# Nothing seed-specific


def test_made_up_article_with_made_up_gazetteer(tmp_path):
    path = write_gazetteer(tmp_path / "gazetteer.csv", [
        ("nebula", "Nebula Labs", "星云实验室", "lab", "", "ignore", "Nebula|星云", ""),
        ("orbit", "Orbit", "", "model", "nebula", "exact", "Orbit-3B", ""),
        ("helio", "Helio Chips", "赫利奥", "chip_maker", "", "exact", "", ""),
        ("riverton", "Riverton", "河屯", "place", "", "exact", "", ""),
    ])
    gazetteer = load_gazetteer(path)
    article = (
        "星云实验室在河屯发布了 Orbit-3B,但训练仍依赖赫利奥芯片,也在试用 Quasar-9X。\n"
        "Nebula Labs May 01, 2030\n"
        "Nebula’s Orbit-3B was trained on Helio Chips in Riverton. Orbit rivals Pulsar-7B.\n"
    )
    mentions = find_mentions(article, gazetteer)
    assert pairs(mentions) == [
        ("星云实验室", "nebula"), ("河屯", "riverton"), ("Orbit-3B", "orbit"), ("赫利奥", "helio"),
        ("Nebula Labs", "nebula"), ("Nebula", "nebula"), ("Orbit-3B", "orbit"),
        ("Helio Chips", "helio"), ("Riverton", "riverton"), ("Orbit", "orbit"),
    ]
    assert mentions.loc[mentions["org"] != "", "org"].value_counts().to_dict() == {"nebula": 6, "helio": 2}
    candidates = find_candidates(article, gazetteer)
    assert list(zip(candidates["surface"], candidates["reason"])) == [
        ("Quasar-9X", "latin_in_zh"), ("Pulsar-7B", "model_like"),
    ]


def test_entities_module_names_no_gazetteer_entries(gazetteer):
    source = (ROOT / "helpers" / "tables" / "entities.py").read_text(encoding="utf-8")
    named = gazetteer[gazetteer["type"].isin(ORG_TYPES + PRODUCT_TYPES)]
    aliases = {
        a for row in named.itertuples()
        for a in [row.name_en, row.name_zh, *row.aliases.split("|")] if len(a) >= 3
    }
    leaked = sorted(a for a in aliases if re.search(rf"(?<![A-Za-z0-9]){re.escape(a)}(?![A-Za-z0-9])", source))
    assert not leaked, f"helpers/entities.py names gazetteer entries: {leaked}"


# ---------------------------------------------------------------------------------------------
# Gold


def test_gold_offsets_are_exact(seed_text):
    gold = pd.read_csv(GOLD, keep_default_na=False)
    assert list(gold.columns) == ["start", "end", "surface", "entity", "org", "note"]
    for row in gold.itertuples():
        assert seed_text[row.start:row.end] == row.surface, row


def test_find_mentions_matches_gold(gazetteer, seed_text):
    gold = pd.read_csv(GOLD, keep_default_na=False)
    mentions = find_mentions(seed_text, gazetteer)
    kept = mentions[(mentions["org"] != "") & mentions["type"].isin(ORG_TYPES + PRODUCT_TYPES)]
    predicted = set(kept[["start", "end", "entity", "org"]].itertuples(index=False, name=None))
    expected = set(gold[["start", "end", "entity", "org"]].itertuples(index=False, name=None))
    hits = len(predicted & expected)
    precision = hits / len(predicted) if predicted else 0.0
    recall = hits / len(expected) if expected else 0.0
    assert predicted == expected, (
        f"precision {precision:.3f}, recall {recall:.3f}; "
        f"spurious {sorted(predicted - expected)[:10]}; missed {sorted(expected - predicted)[:10]}"
    )


# ---- false friends of the wire agencies', investors' and labs' names (issue 12): ordinary words, an index, a tree ----

@pytest.mark.parametrize("text, expected", [
    ("本报与本地电视台联合报道了这场发布会。", []),                       # a joint report, not the United Daily News
    ("两家机构联合报告了这一发现。", []),
    ("The Nikkei 225 rose two per cent on the chip rally.", []),           # Japan's stock index, not the newspaper
    ("日经225指数收涨。", []),
    ("《每日经济新闻》说，他平日经常加班，当日经过工厂。", []),           # 日经 across two words
    ("中央社会工作部和共同社区都在推进。", []),                        # 中央社会, 共同社区: not the wire agencies
    ("这款高规格芯片的价格芯片行业都关心。", []),                      # 格芯 across two words, not GlobalFoundries
    ("据日经和中央社报道，格芯与共同社都在关注。", ["nikkei", "cna_taiwan", "globalfoundries", "kyodo"]),
    ("公园里的红杉已经长到八十米高。", []),                                # a redwood: only 红杉资本 and 红杉中国 are investors
    ("Apple orchards in the valley had a good year.", []),                # fruit, where a sentence opens on it
    ("The anthropic principle is an argument of cosmology.", []),         # Anthropic matches in exact case only
    ("Giant sequoia trees grow slowly; macOS Sequoia shipped in autumn.", []),
    ("The model reaches 52.1 box AP on COCO; AP50 is higher.", []),    # average precision, not the wire agency
    ("The IBM Sequoia supercomputer was retired.", ["ibm"]),       # IBM named, Sequoia a machine
    ("The Nikkei reported that Anthropic and Apple met Sequoia Capital.", ["nikkei", "anthropic", "apple", "sequoia_capital"]),
    ("据美联社和《南华早报》报道，红杉中国领投。", ["ap", "scmp", "hongshan"]),
])
def test_names_of_news_agencies_and_investors_and_their_false_friends(text, expected):
    found = entities.find_mentions(text, entities.default_gazetteer())
    found = found[found["type"].isin(entities.ORG_TYPES)]
    assert found["entity"].tolist() == expected


@pytest.mark.parametrize("text", ["Reporters in Boston and Seattle", "记者在伦敦和东京采访", "New York startups"])
def test_cities_are_places_and_never_organisations(text):
    found = entities.find_mentions(text, entities.default_gazetteer())
    assert len(found) == 2 or text.startswith("New York") and len(found) == 1
    assert set(found["type"]) == {"place"}


def test_a_chinese_company_name_glued_to_its_labs_latin_name_is_one_mention():
    # a bilingual review (round 4): 谷歌DeepMind counted as Google and Google DeepMind, two labs named where one is
    from helpers.tables.entities import default_gazetteer, find_mentions

    for text in ("创办人曾任职谷歌DeepMind。", "创办人曾任职谷歌 DeepMind。"):
        assert find_mentions(text, default_gazetteer())["entity"].tolist() == ["google_deepmind"]
    assert find_mentions("AWS Lambda functions run it; Lambda's CFO said so.", default_gazetteer())["entity"].tolist() \
        == ["aws", "lambda_labs"]


def test_the_other_inline_spaces_listed_are_every_inline_space_but_the_plain_one():
    # the matching view skips its scan for runs of inline spaces when a text holds none of these and no two plain
    # spaces together: the list must be exactly the inline spaces re knows, the plain space aside
    from helpers.patterns import OTHER_INLINE_SPACE_RE

    other = re.compile(r"[^\S \r\n]")
    assert [c for c in range(0x110000) if other.match(chr(c))] == \
        [c for c in range(0x110000) if OTHER_INLINE_SPACE_RE.match(chr(c))]


@pytest.mark.parametrize("text", ["Acme  Labs 发布", "Acme\u00a0Labs", "Acme Labs\t", "Acme Labs 发布", "", " ", "a\u3000b"])
def test_the_matching_view_of_a_text_without_a_run_of_spaces_is_the_text(text):
    view, starts, shifts = entities._matching_view(text)
    runs = [(m.start(), m.end()) for m in entities.INLINE_RUN_RE.finditer(text)]
    assert view == entities.INLINE_RUN_RE.sub(" ", text)
    assert (starts, shifts) == (([], [0]) if not runs else (starts, shifts))
    assert len(shifts) == 1 + sum(end - start > 1 for start, end in runs)


@pytest.mark.parametrize("zh, en, org", [
    # general-knowledge rows of bilingual review round 6 (invented funding, data-centre and regulation reports)
    ("该公司已向港交所递交上市申请。", "The company has filed to list on HKEX.", "hkex"),
    ("富达和光速创投参与了本轮融资。", "Fidelity Investments and Lightspeed joined the round.", "fidelity_investments"),
    ("富达和光速创投参与了本轮融资。", "Fidelity Investments and Lightspeed joined the round.", "lightspeed"),
    ("淡马锡是新加坡的投资公司。", "Temasek is a Singapore investor.", "temasek"),
    ("国际能源署预计用电量会上升。", "The International Energy Agency expects demand to rise.", "iea"),
    ("欧盟的人工智能法案已经生效。", "The European Union's AI Act is in force.", "european_union"),
    ("经合组织发布了报告。", "The OECD published a report.", "oecd"),
    ("史丹福大學的學者提出反駁。", "Scholars at Stanford University disagreed.", "stanford"),
])
def test_the_rows_of_review_round_six_are_found_in_both_versions(zh, en, org):
    from helpers.pipeline import run
    mentions = run(f"{zh}\n\n{en}\n").tables.mentions
    assert set(mentions.loc[mentions["org"] == org, "part"]) == {"commentary", "original"}


def test_an_idiom_holding_a_products_name_names_nothing():
    # bilingual review round 10: 板上钉钉 ('a done deal') counted as DingTalk, so as Alibaba
    found = entities.find_mentions("这几乎是板上钉钉的事，钉钉也在用。", entities.load_gazetteer())
    assert found["surface"].tolist() == ["钉钉"] and found["start"].tolist() == [11]


def test_chinas_security_standards_committee_is_named_by_its_number():
    found = entities.find_mentions("TC260发布了新标准，全国网络安全标准化技术委员会表示欢迎。", entities.load_gazetteer())
    assert found["entity"].tolist() == ["tc260", "tc260"]


@pytest.mark.parametrize("text, entities_found", [
    ("A reader asked about the BIS rules.", ["bis"]),           # the export-control bureau (review round 10)
    ("The Bank for International Settlements (BIS) said rates would fall.", []),   # a bank, not the bureau
])
def test_bis_is_the_bureau_but_for_the_bank_for_international_settlements(text, entities_found):
    assert entities.find_mentions(text, entities.load_gazetteer())["entity"].tolist() == entities_found


@pytest.mark.parametrize("text, found", [("苹果发布了新模型。", ["apple"]), ("他每天吃一个苹果。", []), ("苹果树开花了。", [])])
def test_pingguo_alone_is_apple_but_the_fruit_is_not(text, found):
    # bilingual review round 12: a Taiwanese adaptation named 蘋果 beside Google and the counts missed it
    assert entities.find_mentions(text, entities.load_gazetteer())["entity"].tolist() == found


def test_the_national_data_administration_is_named():
    assert entities.find_mentions("国家数据局公布了算力数据。", entities.load_gazetteer())["entity"].tolist() == [
        "national_data_administration"]


def test_the_hong_kong_monetary_authority_is_named_in_either_form():
    found = entities.find_mentions("金管局推出了沙盒。The HKMA launched a sandbox.", entities.load_gazetteer())
    assert found["entity"].tolist() == ["hkma", "hkma"]


@pytest.mark.parametrize("text, found", [
    # bilingual review round 14: UC Berkeley's alias inside the national lab's name credited the lab's figures to the
    # university; a machine translation's 拥抱脸 is Hugging Face; the energy regulator a thread's translator named
    ("据劳伦斯伯克利国家实验室统计。According to Lawrence Berkeley National Laboratory.", ["lbnl", "lbnl"]),
    ("伯克利的研究者。Researchers at Berkeley.", ["uc_berkeley", "uc_berkeley"]),
    ("我们在拥抱脸上使用开放权重模型。", ["hugging_face"]),
    ("国家能源局尚未公布分项数据。", ["nea_china"]),
])
def test_round_14_names(text, found):
    assert entities.find_mentions(text, entities.load_gazetteer())["entity"].tolist() == found


def test_thinking_machines_in_a_books_subtitle_is_no_lab():
    # bilingual review round 14: '…Racing to Build Thinking Machines' counted as Thinking Machines Lab
    found = entities.find_mentions("Inside the race to build thinking machines. Thinking Machines Lab raised money.",
                                   entities.load_gazetteer())
    assert found["surface"].tolist() == ["Thinking Machines Lab"]


def test_fair_alone_is_metas_lab_but_not_the_fair_data_principles():
    # bilingual review round 14: 'Meta's FAIR lab' was read as the fairness theme
    found = entities.find_mentions("Researchers at Meta's FAIR lab built it. FAIR data principles apply.",
                                   entities.load_gazetteer())
    assert found["surface"].tolist() == ["Meta", "FAIR"]


@pytest.mark.parametrize("text, entity", [("国家发展改革委印发了通知。", "ndrc"), ("国家电网投资了储能。", "state_grid"),
                                          ("日月光擴大封裝產能。", "ase_group")])
def test_round_15_state_bodies_by_their_official_short_names(text, entity):
    # bilingual review round 15: a magazine feature's added state bodies were not named
    assert entities.find_mentions(text, entities.load_gazetteer())["entity"].tolist() == [entity]


@pytest.mark.parametrize("text, entity", [("乔治城大学安全与新兴技术中心发布报告。", "cset"), ("香港生产力促进局发布指引。", "hkpc")])
def test_round_16_bodies(text, entity):
    # bilingual review round 16: a policy centre and a Hong Kong statutory body named in one version were not counted
    assert entities.find_mentions(text, entities.load_gazetteer())["entity"].tolist() == [entity]


@pytest.mark.parametrize("text, found", [
    # bilingual review round 16: "Open AI models" counted as OpenAI; 国家科学基金会, CISA and 沃尔沃 were not named
    ("Open AI models are everywhere.", []), ("国家科学基金会资助了研究。", ["nsf"]),
    ("CISA issued guidance.", ["cisa"]), ("沃尔沃汽车采购了芯片。", ["volvo_cars"]),
])
def test_round_16_names(text, found):
    assert entities.find_mentions(text, entities.load_gazetteer())["entity"].tolist() == found


def test_a_departments_office_written_as_one_chinese_name_names_the_department_in_both():
    # bilingual review round 17: 'the Commerce Department's Bureau of Industry and Security' against
    # 美国商务部工业与安全局 made the Department of Commerce 'named only in the English'
    from helpers.tables.extract import extract
    text = ("美国商务部工业与安全局上月更新了规则。\n\n"
            "Last month the Commerce Department's Bureau of Industry and Security updated its rules.\n")
    mentions = extract(text).mentions
    assert "us_commerce" not in set(mentions.loc[mentions["lang"] == "en", "entity"])
    assert set(mentions["entity"]) >= {"bis"}


def test_a_department_the_chinese_names_alone_is_named_in_both():
    # bilingual review round 19: the Chinese named only 美国商务部, the English 'the Commerce Department's Bureau of
    # Industry and Security': the department was dropped from the English and listed as named only in the Chinese
    from helpers.tables.extract import extract
    text = ("美国商务部上月更新了规则。\n\n"
            "Last month the Commerce Department's Bureau of Industry and Security updated its rules.\n")
    mentions = extract(text).mentions
    assert "us_commerce" in set(mentions.loc[mentions["lang"] == "en", "entity"])


# Bilingual review round 20: three researchers' X threads wrote '2,048 H20s' and '10,000 A100s', and the English named
# Nvidia's chips once where it did three times.
@pytest.mark.parametrize("tail", ["", " (ı)"])  # the automaton's path, and the regexes' (a dotless i)
def test_a_name_ending_in_a_digit_takes_a_plural_s(tail):
    from helpers.tables.entities import find_mentions, load_gazetteer
    found = find_mentions("We used 2,048 H20s and 10,000 A100s; H20st is no name." + tail, load_gazetteer())
    assert found["surface"].tolist() == ["H20", "A100"]


# Bilingual review round 20: a Hong Kong outlet's translation named Hong Kong's and Singapore's public bodies and a US
# trade association in Traditional script; 英國科學、創新及科技部 was read as China's 科技部, the others as no one.
def test_hong_kong_renderings_of_public_bodies_are_found_through_the_simplified_view():
    from helpers.tables.entities import find_mentions, load_gazetteer
    from helpers.text.variants import convert_view
    text = ("前英國科學、創新及科技部顧問；資訊通信媒體發展局；個人資料私隱專員公署；創新科技及工業局；"
            "電腦及通訊產業協會；AI Verify基金會。")
    found = find_mentions(convert_view(text).text, load_gazetteer())
    assert found["entity"].tolist() == ["uk_dsit", "imda", "pcpd", "hk_itib", "ccia", "ai_verify_foundation"]


@pytest.mark.parametrize("text, found", [
    # bilingual review round 20: a translation's standards society and open-hardware foundation went uncounted in
    # both versions (discovery weighed 'ASHRAE' and 'Compute Project' as name-like strings only)
    ("We follow ASHRAE's guidance for liquid-cooled IT equipment.", ["ashrae"]),
    ("并遵循ASHRAE针对液冷IT设备的指南。", ["ashrae"]),
    ("We contribute our data to the Open Compute Project.", ["open_compute_project"]),
    ("我们正在向开放计算项目提供数据。", ["open_compute_project"]),
])
def test_round_20_bodies(text, found):
    assert entities.find_mentions(text, entities.load_gazetteer())["entity"].tolist() == found


@pytest.mark.parametrize("text, found", [
    # bilingual review round 20: 'analysts at Bernstein' was listed as a name the gazetteer does not list
    ("according to estimates from analysts at Bernstein.", ["bernstein"]),
    # the Chinese name and its gloss both match (the pages count them as one naming: labs._glossed_again)
    ("根据伯恩斯坦（Bernstein）分析师的估算。", ["bernstein", "bernstein"]),
    ("伯恩斯坦分析师认为，伦纳德·伯恩斯坦的音乐很好。", ["bernstein"]),
    ("Leonard Bernstein conducted the orchestra.", []),
    ("the Bernstein-Vazirani algorithm", []),
])
def test_bare_bernstein_is_the_broker(text, found):
    assert entities.find_mentions(text, entities.load_gazetteer())["entity"].tolist() == found


def test_an_earnings_calls_analyst_firm_is_named_in_both_versions():
    # bilingual review round 20: 杰富瑞分析师 Tomás Okafor / 'Tomás Okafor with Jefferies' named no organisation
    from helpers.tables.entities import load_gazetteer
    row = load_gazetteer().set_index("entity").loc["jefferies"]
    assert (row["name_en"], row["name_zh"]) == ("Jefferies", "杰富瑞")


@pytest.mark.parametrize("text, found", [
    # bilingual review round 20: a commentary's aside named China's foreign ministry and the foundry Hua Hong, a
    # leaderboard's rows LG AI Research and its EXAONE, and none was counted; a bare 外交部 is any country's
    ("中国外交部发言人回应称。", ["mofa_china"]),
    ("国产设备在中芯国际、华虹等晶圆厂的采购占比上升。", ["smic", "hua_hong"]),
    ("LG AI研究院的EXAONE 4.5首次亮相。LG AI Research's EXAONE 4.5 debuted.",
     ["lg_ai_research", "exaone", "lg_ai_research", "exaone"]),
    ("外交部发言人表示。", []),
])
def test_round_20_names(text, found):
    assert entities.find_mentions(text, entities.load_gazetteer())["entity"].tolist() == found


def test_a_chips_model_number_in_the_plural_counts_for_its_maker():
    # bilingual review round 20: '4,096 A100s' and 'tens of thousands of H100s' were no mention of Nvidia
    from helpers.tables.extract import extract
    text = "子午线用了4096块A100芯片。\n\nMeridian trained on 4,096 A100s, where others need H100s.\n"
    mentions = extract(text).mentions
    en = mentions[mentions["lang"] == "en"]
    # the plural counts for the maker; the surface is the name as the gazetteer lists it (the rule of the round's
    # other review, 'Zing7s' yields 'Zing7')
    assert set(en["surface"]) >= {"A100", "H100"} and set(en.loc[en["surface"].isin(["A100", "H100"]), "org"]) == {"nvidia"}


@pytest.mark.parametrize("text, found", [
    # bilingual review round 21: a reading note on a book chapter about 1980s AI wrote 日本通产省（MITI）, and the bare
    # MITI was counted as Malaysia's trade ministry
    ("日本通产省（MITI）牵头的第五代计算机计划。", ["japan", "miti_japan"]),
    ("Japan's MITI launched the Fifth Generation project.", ["japan"]),
    ("the Ministry of International Trade and Industry", ["miti_japan"]),
    ("Malaysia's trade ministry, MITI, said on Friday.", ["malaysia", "miti_malaysia"]),
])
def test_japans_trade_ministry_is_not_malaysias(text, found):
    assert entities.find_mentions(text, entities.load_gazetteer())["entity"].tolist() == found


def test_the_vector_institute_and_mila_are_found_by_their_chinese_names():
    # bilingual review round 21: a signatory list's 多伦多大学向量研究所 and 魁北克人工智能研究所（Mila） read as named only
    # in the English
    found = entities.find_mentions("梁文博，多伦多大学向量研究所；本吉奥，魁北克人工智能研究所。", entities.load_gazetteer())
    assert {"vector_institute", "mila"} <= set(found["entity"])


@pytest.mark.parametrize("text, found", [
    # bilingual review round 21's recheck: 中国 in the photo credit 视觉中国 counted as China
    ("图片来源：视觉中国。中国的公司很多。", ["china"]),
    ("圖片來源：視覺中國", []),
])
def test_a_photo_agency_is_no_country(text, found):
    assert entities.find_mentions(text, entities.load_gazetteer())["entity"].tolist() == found
