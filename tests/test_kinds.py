"""Kinds of document the bundle had not met (tests/fixtures/kinds/, invented): a WeChat paper write-up, a compiled
interview, a Taiwan op-ed translation in Traditional script, a non-profit's press release with no AI lab in it, a Weibo
commentary and a flash report of a full wire story. Each document's caveats must say what it is, and what its pages
count must be true of it: its furniture set aside, no country or name fragment taken for an organisation, no client app
read as a company named."""

from pathlib import Path

import pytest

from helpers import pipeline
from helpers.columns import BEYOND, PART_NONCONTENT
from helpers.framing.labs import org_by_part, org_nouns
from helpers.render import conclusions, deck
from helpers.render.deck import document_facts

KINDS = Path(__file__).parent / "fixtures" / "kinds"


@pytest.fixture(scope="module")
def analyses():
    return {path.name[0]: pipeline.run(path.read_text(encoding="utf-8")) for path in sorted(KINDS.glob("*.txt"))}


@pytest.mark.parametrize("doc, kinds", [
    ("a", {"commentary"}),
    ("b", {"translation"}),                              # a whole transcript, closed by the editor's note: no excerpt
    ("c", {"traditional_script", "translation"}),
    ("d", {"translation"}),
    ("e", {"commentary"}),
    ("f", {"chinese_much_shorter"}),
])
def test_each_documents_caveats_say_what_it_is(analyses, doc, kinds):
    assert set(analyses[doc].caveats["kind"]) == kinds


def furniture(analysis) -> set[str]:
    blocks = analysis.blocks
    return set(blocks.loc[blocks["part"] == PART_NONCONTENT, "text"].str.strip())


@pytest.mark.parametrize("doc, line", [
    ("b", "Build Mode · November 12, 2026 · 71 min"),
    ("b", "本文经授权发布，不代表36氪立场。"),
    ("c", "◎ 瑪格麗特．艾勒里（Margaret Ellery）／文　林佩君／譯"),
    ("c", "字級設定：小 中 大"),
    ("c", "本報刊出之評論文章，不代表本報立場。"),
    ("c", "．美晶片法案兩年 成效如何？"),
    ("d", "Media contact: press@example-wellspring.org"),
    ("d", "了解更多信息，请关注清泉行动官方微信公众号。"),
    ("e", "老K说科技"),
    ("e", "11-27 22:41 来自 iPhone客户端 已编辑"),
    ("f", "相关阅读：欧洲电动车销量连续三个月下滑"),
])
def test_each_documents_furniture_is_set_aside(analyses, doc, line):
    assert line in furniture(analyses[doc])


def test_the_compiled_interviews_closing_note_is_its_own_not_beyond_the_english(analyses):
    b = analyses["b"]
    assert not (b.alignment["relation"] == BEYOND).any()
    assert any(str(t).startswith("编译者注") for t in b.additions["text"])


def test_the_press_release_states_no_lab_finding(analyses):
    d = analyses["d"]
    assert d.labs.empty and not (d.tables.mentions["type"] == "discovered").any()
    assert "tencent" not in set(d.tables.mentions["entity"])          # a follow prompt names no company
    assert conclusions.same_labs(org_by_part(d.labs)).startswith("Cannot tell")


def test_the_weibo_posts_client_is_no_company_and_its_account_no_title(analyses):
    e = analyses["e"]
    assert "apple" not in set(e.tables.mentions["entity"])
    assert document_facts(e.blocks)["zh_title"] != "老K说科技"


def test_countries_are_places_and_discovered_names_are_organisations(analyses):
    f = analyses["f"]
    mentions = f.tables.mentions
    assert set(mentions.loc[mentions["surface"] == "Germany", "type"]) == {"place"}
    # a named government body counts beside them (bilingual review round 6: 'organisations' left the UK's institute out)
    assert set(f.labs["org"]) == {"European Commission", "Volterra (discovered)", "Nordhaven Capital (discovered)"}
    # a university (the paper's) and a think tank (the op-ed's) are named: the pages call them organisations
    for doc in ("a", "c"):
        assert org_nouns(org_by_part(analyses[doc].labs)["org"]) == ("organisation", "organisations")


def test_the_compiled_interviews_short_turns_are_linked_not_left_out(analyses):
    # 'Host: What has driven that growth?' and 'Okonkwo: Honestly, word of mouth.' had no word their Chinese turns
    # share through CC-CEDICT (增长 'to grow', 说实话 'to tell the truth', 口碑 'public praise'): the briefing said the
    # question was left out and the answer was the translator's own; the glossary lists the everyday senses
    b = analyses["b"]
    claims = b.claims.set_index("claim_id")
    answer = next(i for i, t in claims["text"].items() if str(t).startswith("Okonkwo：说实话"))
    assert set(b.alignment.loc[b.alignment["zh_claim_id"] == answer, "relation"]) != {"addition"}
    dropped = deck.dropped_paragraphs(b.claims, b.alignment, b.blocks)
    assert not dropped["first"].str.contains("driven that growth").any()


def test_a_study_posts_notes_on_the_article_do_not_make_it_a_commentary():
    # bilingual review round 14: a 双语精读 post's grammar notes (【长难句解析】原文用的是…) and its closing 写在最后：这篇
    # 文章… counted as speaking of the source in the third person, and its close translation read as a commentary
    import pandas as pd
    from helpers.align.kind import source_references
    zh = pd.DataFrame({"text": ["【长难句解析】原文用的是 might，表示可能性较低。", "写在最后：这篇文章的生词不多。",
                                "作者认为小模型会赢。"]})
    cited, _ = source_references(zh, pd.DataFrame({"text": ["Small models will win."]}))
    assert cited == ["作者认为小模型会赢。"]


def test_a_compiled_report_naming_its_wires_speaks_of_its_source():
    # bilingual review round 15: a report compiled from two wire stories (据Meridian News Service报道, TransAsia Wire则报道)
    # was read as a translation; a name the English does not write is no wire of its
    import pandas as pd
    from helpers.align.kind import source_references
    zh = pd.DataFrame({"text": ["据Meridian News Service报道，美方撤销了许可。", "TransAsia Wire则报道，股价下跌。",
                                "据Bloomberg报道，另有消息。", "英伟达拒绝置评。"]})
    en = pd.DataFrame({"text": ["Meridian News Service: The US revoked the licence.", "TransAsia Wire: shares fell."]})
    cited, _ = source_references(zh, en)
    assert cited == zh["text"].tolist()[:2]


def test_a_self_description_around_a_quoted_title_and_a_reporters_own_finding():
    # bilingual review round 16: 本文解读…《a long title》… was missed (30 characters between 本文 and 解读), and a news
    # report whose 记者注意到 marks its own reporting was read as a translation
    import pandas as pd
    from helpers.align.kind import OWN_REPORTING, reports_source
    zh = pd.DataFrame({"text": ["本文将围绕《Reinforcement Learning Does Not Teach Models New Reasoning Skills》这篇博客进行解读。",
                                "模型很强。"]})
    assert reports_source(zh, pd.DataFrame({"text": ["RL narrows the search."]}))
    assert OWN_REPORTING.search("记者注意到，该公司股价上涨。") and not OWN_REPORTING.search("该公司股价上涨。")
