"""Bilingual review round 21 (reviewer xa): a 36氪 快讯 compiling a chip startup's funding round and a lab's model
release (a rival named after 'Rival', 36氪 as a figure, an investment arm glossed in brackets) and a 虎嗅 commentary
reposted from a WeChat account on an English essay (its repost credit lines, the essay's author alone under its
title, 'At Redpoint, we …', the writer's own close after the essay's end)."""

import pandas as pd

from helpers.framing import caveats as cv
from helpers.framing.labs import _company_words
from helpers.framing.shifts import figure_changes
from helpers.pipeline import extract
from helpers.text.parse import classify_noncontent, parse_document


def test_a_wechat_repost_credit_line_is_furniture():
    assert classify_noncontent("本文来自微信公众号：岫谈科技（ID：xiutan_tech），作者：林岫，原文标题：《智能体经济学：一笔被高估的账》") == "byline"


def test_a_repost_credit_with_the_sites_disclaimer_and_reprint_notice_is_furniture():
    line = ("本文来自微信公众号：岫谈科技（ID：xiutan_tech），作者：林岫。本内容为作者独立观点，不代表虎嗅立场。"
            "未经允许不得转载，授权事宜请联系hezuo@huxiu.com")
    assert classify_noncontent(line) == "byline"


def test_a_credit_followed_by_a_sentence_of_the_writers_stays_content():
    assert classify_noncontent("本文来自微信公众号：某号。作者认为，这笔账算得太漂亮了，我们并不同意。") is None


def test_an_essays_author_alone_under_its_title_is_a_byline():
    text = ("智能体的账算得过来吗？作者认为算不过来。\n\n—— 原文 ——\n\nThe Agent Economy Is Already Here\n\n"
            "Marcus Heller\n\nNovember 12, 2026\n\nEvery few decades a technology arrives that changes work.\n")
    blocks = parse_document(text).blocks.set_index("text")
    assert blocks.loc["Marcus Heller", "kind"] == "byline"


def test_a_rival_before_a_labs_name_is_no_part_of_it():
    text = ("同赛道的Ayar Labs今年也完成了大额融资。\n\n"
            "Rival Ayar Labs and Celestial AI have also raised large rounds this year.\n")
    orgs = extract(text).mentions["org"].tolist()
    assert "Rival Ayar Labs" not in orgs
    assert orgs.count("Ayar Labs") == 2


def test_a_name_after_a_sentences_opening_preposition_counts_in_the_english():
    text = ("风投机构Redpoint Ventures合伙人写了一篇长文。Redpoint正在押注创业者。\n\n"
            "Redpoint Ventures partner wrote an essay. Markets move. At Redpoint, we are backing founders.\n")
    m = extract(text).mentions
    assert len(m[(m["org"] == "Redpoint Ventures") & (m["lang"] == "en")]) == 2


def test_a_number_that_opens_a_listed_name_is_no_figure():
    table = pd.DataFrame({"zh_claim_id": [1], "zh_text": ["36氪获悉，Lumora完成3.2亿美元融资。"],
                          "en_text": ["Lumora raised $320 million, it said on Monday."]})
    assert figure_changes(table).empty


def test_an_investment_arms_word_ends_a_company_name():
    assert _company_words("投资")


def test_a_commentarys_closing_paragraph_that_opens_in_its_own_voice_is_its_own(monkeypatch):
    zh = pd.DataFrame({"claim_id": [1, 2, 3, 4, 5], "block_id": [1, 1, 2, 3, 3], "part": "commentary",
                       "kind": "paragraph", "text": ["还要补充一点：他是合伙人。", "读者最好记住这一点。", "在成功率理清之前，这是融资故事。",
                                                     "说到底，两条曲线不是一条线。", "智能体会来，但不会这么快。"]})
    monkeypatch.setattr(cv, "own_voice_ids", lambda claims: [2, 4])
    assert cv._bookended_by_own(zh, zh, [1, 2, 3, 4, 5])
    monkeypatch.setattr(cv, "own_voice_ids", lambda claims: [4])
    assert not cv._bookended_by_own(zh, zh, [1, 2, 3, 4, 5])


def test_the_sources_end_is_a_reference_to_the_source():
    from helpers.align.kind import source_references
    units = lambda *texts: pd.DataFrame({"text": list(texts)})
    cited, _ = source_references(units("他在文末也坦承，公司正在押注创业者。", "模型很强。"), units("Models are strong."))
    assert cited == ["他在文末也坦承，公司正在押注创业者。"]
