"""Bilingual review round 21: a Chinese news site's translation of a Q and A interview (its closing source credit with
the original headline in brackets) and a commentary over a leaked memo's English excerpt (its '附：…（英文原文）' label
and the excerpt's bracketed end mark)."""

import pytest

from helpers.text.parse import classify_noncontent, parse_document


@pytest.mark.parametrize("line", ["（本文编译自The Circuit，原标题为“Halcyon's CEO on cheaper training, export rules "
                                  "and what comes next”。）", "（本文编译自路透社。）", "(本文翻译自Ledger Weekly)"])
def test_a_bracketed_source_credit_is_a_byline(line):
    assert classify_noncontent(line) == "byline"


@pytest.mark.parametrize("line", ["附：备忘录节选（英文原文）", "附：英文原文节选", "附：报告原文"])
def test_an_appended_label_with_a_colon_is_furniture(line):
    assert classify_noncontent(line) == "boilerplate"


@pytest.mark.parametrize("line", ["[Excerpt ends.]", "(End of excerpt)", "[Memo ends]", "（节选完）"])
def test_an_excerpts_end_mark_is_furniture(line):
    assert classify_noncontent(line) == "boilerplate"


@pytest.mark.parametrize("line", ["附：笔者的一些补充想法", "（本文作者自外媒离职后，首次谈及此事。）",
                                  "[The excerpt ends with a warning about safety.]", "（本文观点编译自多位分析师，仅供参考）"])
def test_lines_of_content_near_those_shapes_stay_content(line):
    assert classify_noncontent(line) is None


def test_the_credit_and_the_labels_stay_out_of_the_chinese_and_the_english():
    text = ("某实验室CEO谈训练成本\n\n作者：某某 编译\n\n她说，训练成本下降了一半。\n\n"
            "（本文编译自The Circuit，原标题为“A CEO on cheaper training”。）\n\n附：访谈节选（英文原文）\n\n"
            "A CEO on cheaper training\n\nBy Dan Smith\n\nShe said the training cost fell by half.\n\n[Excerpt ends.]\n")
    blocks = parse_document(text).blocks.set_index("text")
    for line in ("（本文编译自The Circuit，原标题为“A CEO on cheaper training”。）", "附：访谈节选（英文原文）", "[Excerpt ends.]"):
        assert blocks.loc[line, "part"] == "noncontent", line
    assert blocks.loc["她说，训练成本下降了一半。", "part"] == "commentary"
    assert blocks.loc["She said the training cost fell by half.", "part"] == "original"


def _named(text):
    from helpers.tables.entities import default_gazetteer, find_mentions
    found = find_mentions(text, default_gazetteer())
    return list(zip(found["surface"], found["entity"]))


def test_saudi_arabias_investment_fund_is_an_organisation_not_the_country():
    assert _named("投资方还包括英伟达和沙特公共投资基金。") == [("英伟达", "nvidia"), ("沙特公共投资基金", "saudi_pif")]
    assert _named("the Saudi Public Investment Fund led the round") == [("Saudi Public Investment Fund", "saudi_pif")]
    assert _named("沙特将投资数据中心") == [("沙特", "saudi_arabia")]
