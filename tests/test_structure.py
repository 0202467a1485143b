"""What counts as the Chinese version's content and how a document is cut into sections (helpers.text.parse): the
title and the outline's labels are not sentences, numbered section lines are headings, a heading run in after a space
is split only where safe, image placeholders and the captions, breadcrumbs and bylines around them are furniture. Every
line here is made up."""

import pytest
from hypothesis import given, settings, strategies as st

from helpers.columns import CONTENT_KINDS, KINDS, PART_COMMENTARY, PART_NONCONTENT, PART_ORIGINAL
from helpers.render.conclusions import furniture_kinds, overview_conclusion
from helpers.render.deck import document_facts
from helpers.text.parse import is_section_label, numbered_section, parse_document, run_in_heading

ENGLISH_BODY = ("The harbour town grew slowly over two centuries of trade and weather. "
                "Its people built boats, sold fish and argued about the tides.")


def kinds_of(text: str) -> dict[str, tuple[str, str]]:
    blocks = parse_document(text).blocks
    return {t: (p, k) for t, p, k in zip(blocks["text"], blocks["part"], blocks["kind"])}


# ---- 1. the title and the labels of the Chinese version ------------------------------------------

BOOKMARKED = f"""Harbour Notes

Summary

摘要：文章讲述了一个港口小镇两百年的变化。作者认为贸易和天气塑造了这里的人。

要点总结：

1、小镇靠贸易慢慢发展。
2、居民以捕鱼为生。

Title: Harbour Notes

URL Source: https://example.org/essays/harbour-notes

{ENGLISH_BODY}

Summary

{ENGLISH_BODY}
"""


def test_a_latin_title_and_label_in_the_chinese_part_are_not_sentences():
    blocks = parse_document(BOOKMARKED).blocks
    chinese = blocks[blocks["part"] == PART_COMMENTARY].set_index("text")["kind"]
    assert chinese["Harbour Notes"] == "title"
    assert chinese["Summary"] == "label"
    assert chinese["要点总结："] == "heading"                          # a Chinese label heads its list
    assert chinese["1、小镇靠贸易慢慢发展。"] == "list_item"
    english_summary = blocks[(blocks["text"] == "Summary") & (blocks["part"] == PART_ORIGINAL)]
    assert list(english_summary["kind"]) == ["heading"]               # in the English it is the article's own heading
    assert {"title", "label"}.isdisjoint(CONTENT_KINDS)


def test_the_commentary_counts_chinese_sentences_only():
    from helpers.render.narrative import overview_findings
    from helpers.pipeline import run
    analysis = run(BOOKMARKED)
    claims = analysis.tables.claims
    commentary = claims[claims["part"] == PART_COMMENTARY]
    sentences = commentary[commentary["kind"].isin(CONTENT_KINDS)]
    assert not sentences["text"].isin(["Harbour Notes", "Summary"]).any()
    line = next(l for l in overview_findings(analysis.tables.blocks, claims, analysis.tables.repairs)
                if l.startswith("The Chinese version has"))
    assert line.startswith(f"The Chinese version has {len(sentences)} sentences")  # and headings, said so where there are
    linked = set(analysis.alignment["zh_claim_id"].dropna().astype(int))
    title_ids = set(commentary.loc[commentary["kind"].isin(["title", "label"]), "claim_id"])
    assert title_ids and not (title_ids & linked)                     # never linked, never an aside


@pytest.mark.parametrize("doc, title", [
    # a line repeating the English version's title, after a Chinese line of metadata
    ("原文：Tides\n\nTides and Trade\n\n小镇的历史很长。居民以捕鱼为生，也做贸易。\n\nTides and Trade\n\n" + ENGLISH_BODY, "Tides and Trade"),
    # a numbered title: '00.' opens the write-up, it is not the first list item
    ("00. Tides and Trade 精读：主精读\n\n一、核心观点\n\n1. 小镇靠贸易发展。\n2. 居民以捕鱼为生。\n\n" + ENGLISH_BODY, "00. Tides and Trade 精读：主精读"),
])
def test_the_title_is_found(doc, title):
    blocks = parse_document(doc).blocks
    assert list(blocks.loc[blocks["kind"] == "title", "text"]) == [title]


def test_a_chinese_first_line_and_a_later_latin_line_stay_content():
    doc = "港口小镇的两百年\n\n小镇的历史很长。居民以捕鱼为生。\n\nTides and Trade\n\n这是另一个段落，讲贸易。\n\n" + ENGLISH_BODY
    kinds = kinds_of(doc)
    assert kinds["港口小镇的两百年"][1] == "heading"
    assert kinds["Tides and Trade"][1] != "title"


@pytest.mark.parametrize("line, label", [
    ("Summary", True), ("## Key points", True), ("TL;DR", True), ("要点总结：", True), ("摘要", True),
    ("Summary of the results", False), ("Key points of the trade deal are below", False), ("摘要写得很好。", False),
])
def test_section_labels(line, label):
    assert is_section_label(line) is label


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["Tides and Trade", "Summary", "小镇的历史很长。", "1. Definitions", "Image 1",
                                 ENGLISH_BODY, "00. 标题", "要点总结：", "Home > Blog"]), min_size=1, max_size=12))
def test_at_most_one_title_and_only_in_the_chinese(lines):
    blocks = parse_document("\n\n".join(lines)).blocks
    assert set(blocks["kind"]) <= set(KINDS)
    titles = blocks[blocks["kind"] == "title"]
    assert len(titles) <= 1 and set(titles["part"]) <= {PART_COMMENTARY}
    assert set(blocks.loc[blocks["kind"] == "label", "part"]) <= {PART_COMMENTARY}


# ---- 2. numbered section lines --------------------------------------------------------------------

LICENCE = """1. Definitions

The terms below mean what they say in this licence and nothing more than that, for every party.

2. Grant of Rights

We grant you the right to use the thing under these terms for as long as the terms are kept.

3. Dispute Resolution

Any dispute is settled by talks in good faith before anyone goes to a court of law.
"""


def test_numbered_section_lines_over_body_text_are_headings_and_open_sections():
    blocks = parse_document(LICENCE).blocks
    headings = blocks[blocks["kind"] == "heading"]
    assert list(headings["text"]) == ["1. Definitions", "2. Grant of Rights", "3. Dispute Resolution"]
    assert list(blocks["section"]) == [1, 1, 2, 2, 3, 3]


def test_real_numbered_lists_stay_lists():
    steps = "How to start:\n1. Plan it\n2. Build it\n3. Ship it\n" + ENGLISH_BODY
    sentences = ("1. The town was founded by fishermen who came from the north.\n"
                 "2. The harbour silted up in the dry years and was dug out again.\n" + ENGLISH_BODY)
    kinds = kinds_of(steps) | kinds_of(sentences)
    for item in ["1. Plan it", "2. Build it", "3. Ship it", "1. The town was founded by fishermen who came from the north.",
                 "2. The harbour silted up in the dry years and was dug out again."]:
        assert kinds[item][1] == "list_item", item


@pytest.mark.parametrize("line, following, previous, expected", [
    ("1. 定义", "本许可中的术语，其含义如下文所述，适用于每一方。", None, True),
    ("第一条 总则", "本规定适用于小镇的所有码头和渔船，自发布之日起施行。", None, True),
    ("3.小镇居民有很强的自主意识和贸易传统", "作者说，这是长期形成的习惯，也是生存的需要。", None, False),  # a key point, not a name
    ("1. Definitions.", "The terms below mean what they say in this licence.", None, False),           # a sentence
    ("2. Grant", "3. Disputes", None, False),                                                          # over another number
])
def test_numbered_section(line, following, previous, expected):
    lang = "zh" if any("\u4e00" <= c <= "\u9fff" for c in line) else "en"
    assert numbered_section(line, lang, following, previous) is expected


# ---- 3. a heading run into its paragraph after a space --------------------------------------------

def test_a_run_in_heading_is_split_where_its_name_repeats():
    doc = "Harbour Pilots As of May 2020, Harbour Pilots guide every ship in. They work in pairs at night."
    parsed = parse_document(doc)
    assert list(parsed.blocks["text"]) == ["Harbour Pilots", doc[len("Harbour Pilots "):]]
    assert list(parsed.blocks["kind"]) == ["heading", "paragraph"]
    assert list(parsed.repairs["repair"]) == ["heading_run_into_paragraph"]
    position = int(parsed.repairs["position"].iloc[0])
    assert doc[position:].startswith(parsed.repairs["after"].iloc[0])
    assert parsed.seams_examined >= 1


@pytest.mark.parametrize("block", [
    "Harbour Pilots As of May 2020, the guides bring every ship in. They work in pairs at night.",  # no repeat
    "New Harbour Town In the dry years boats waited. New Harbour Town",                              # no sentence end
    "The Harbour Pilots guide every ship in. Harbour Pilots work in pairs.",                         # no opener
])
def test_a_title_case_opening_that_is_not_a_heading_is_left_whole(block):
    assert run_in_heading(block) is None


# ---- 4. image placeholders, captions, breadcrumbs and bylines -------------------------------------

CAPTURE = f"""小镇的历史很长。居民以捕鱼为生，也做贸易。作者认为天气决定了一切。

Title: Harbour Notes

URL Source: https://www.example.org/engineering/harbour-notes

Engineering at Example

Harbour Notes

{ENGLISH_BODY}

Image 1

Process diagram showing how a boat is loaded, from the quay to the hold, with the crew at each step.

{ENGLISH_BODY}

Image 2

The crew met every morning at six, long before the fish market opened its doors to the town.

Written by Ann Example and Bo Sample. We thank the harbour master for his patience and his tea.
"""


def test_image_placeholders_and_the_captions_below_them_are_furniture():
    kinds = kinds_of(CAPTURE)
    assert kinds["Image 1"] == (PART_NONCONTENT, "image_placeholder")
    assert kinds["Process diagram showing how a boat is loaded, from the quay to the hold, with the crew at each step."] \
        == (PART_NONCONTENT, "caption")
    # a paragraph below a placeholder that does not describe a figure stays content
    assert kinds["The crew met every morning at six, long before the fish market opened its doors to the town."] \
        == (PART_ORIGINAL, "paragraph")


def test_a_breadcrumb_below_the_address_is_furniture_and_the_title_is_not():
    kinds = kinds_of(CAPTURE)
    assert kinds["Engineering at Example"][0] == PART_NONCONTENT
    assert kinds["Harbour Notes"] == (PART_ORIGINAL, "heading")
    assert kinds_of("Home > Blog > Essays\n\n" + ENGLISH_BODY)["Home > Blog > Essays"][0] == PART_NONCONTENT


def test_written_by_names_the_author_wherever_it_stands():
    blocks = parse_document(CAPTURE).blocks
    assert document_facts(blocks)["author"] == "Ann Example and Bo Sample"
    assert kinds_of("Written by Ann Example\n\n" + ENGLISH_BODY)["Written by Ann Example"][1] == "byline"


def test_the_furniture_sentence_names_the_kinds_found():
    blocks = parse_document(CAPTURE).blocks
    named = furniture_kinds(blocks)
    assert "2 image placeholders" in named and "1 caption" in named and "ads" not in named
    sentence = overview_conclusion(blocks, blocks.assign(end=blocks["end"]), blocks.iloc[:0])[1]
    assert f"({named})" in sentence


# ---- 5. lines that look like headings and are not; a list run on its label --------------------------

@pytest.mark.parametrize("line, following", [
    ("Big boats are slow to turn. In the long run the best boats are the ones", "which can be turned quickly."),
    ("To begin, please open our harbour page for the timetable", ENGLISH_BODY),
    ("The best boats in the long run are the ones", "which the crews can turn quickly in a storm."),
])
def test_a_line_that_reads_as_a_sentence_is_not_a_heading(line, following):
    assert kinds_of(f"{line}\n{following}\n")[line][1] != "heading"


def test_a_long_numbered_section_name_in_title_case_is_a_heading_and_a_sentence_is_not():
    doc = ("4. Harbour Engine – One Shared Framework to Run and Improve Every Crossing\n" + ENGLISH_BODY + "\n"
           "6. Release: Try the Harbour Engine Today!\n" + ENGLISH_BODY + "\n"
           "7. the crews load the boats and then they sail out to sea at dawn\n" + ENGLISH_BODY + "\n")
    kinds = kinds_of(doc)
    assert kinds["4. Harbour Engine – One Shared Framework to Run and Improve Every Crossing"][1] == "heading"
    assert kinds["6. Release: Try the Harbour Engine Today!"][1] == "heading"
    assert kinds["7. the crews load the boats and then they sail out to sea at dawn"][1] == "list_item"


def test_a_label_with_its_points_run_on_one_line_is_cut_into_label_and_items():
    line = "要点总结： 1、小镇靠贸易发展：这是事实。 2、居民以捕鱼为生。 3、天气决定一切。"
    doc = f"{line}\n\n{ENGLISH_BODY}\n"
    parsed = parse_document(doc)
    chinese = parsed.blocks[parsed.blocks["part"] == PART_COMMENTARY]
    assert list(chinese["text"]) == ["要点总结：", "1、小镇靠贸易发展：这是事实。", "2、居民以捕鱼为生。", "3、天气决定一切。"]
    assert list(chinese["kind"]) == ["heading", "list_item", "list_item", "list_item"]
    assert list(parsed.repairs["repair"]) == ["list_run_on_its_label"] * 3
    for start, end, text in zip(chinese["start"], chinese["end"], chinese["text"]):
        assert doc[start:end] == text
    # a number out of turn is not cut; a line without a label is left whole
    assert list(parse_document("要点总结： 1、第一点。 3、第三点。\n").blocks["text"]) == ["要点总结：", "1、第一点。 3、第三点。"]
    assert len(parse_document("他说： 1、第一点。 2、第二点。\n").blocks) == 1


def test_a_display_formula_is_never_a_section_heading():
    zh = "这是中文的评论。它讨论一个公式。\n\n"
    en = ("This is the English original. It states a bound.\n\n$$2f(x) \\geq f(x + h) + f(x - h)$$\n\n"
          "The bound holds for every concave function we consider here, and the proof follows below.\n")
    parsed = parse_document(zh + en)
    formula = parsed.blocks[parsed.blocks["text"].str.startswith("$$")]
    assert len(formula) == 1 and formula["kind"].iloc[0] != "heading"


@pytest.mark.parametrize("line", ["*图 5: 两种系统的吞吐量对比*", "**Figure 3:** Latency at four loads", "_Table 2._ Sizes"])
def test_a_caption_in_markdown_emphasis_is_a_caption(line):
    from helpers.text.parse import classify_noncontent
    assert classify_noncontent(line) == "caption"


@pytest.mark.parametrize("text, following, previous, expected", [
    ("二、方法拆解（What / How）", "1. 先把任务拆成三步。", "4. 最后检查结果", True),   # a level above the items under it
    ("六、推演与设想", "1. 提出一个新的分工办法。", None, True),
    ("二、方法拆解", "三、结果", "一、背景", False),                           # a run of short ordinals: a list
    ("1. 计划", "2. 实施", None, False),                                      # same scheme: items, not a section
])
def test_a_chinese_ordinal_over_arabic_numbered_items_is_a_section(text, following, previous, expected):
    assert numbered_section(text, "zh", following, previous) is expected


# ---- code blocks: a README's or a tech post's code is in both versions, neither one's prose ----------------------

CODE_README = """## 快速上手

安装之后，用下面几行加载模型：

```python
from transformers import AutoModel
model = AutoModel.from_pretrained("example/harbour-7b")
print(model.config)
```

## 引用

如果这个项目对你有帮助，请引用我们的论文。

## Quick start

After installing, load the model with the lines below:

```python
from transformers import AutoModel
model = AutoModel.from_pretrained("example/harbour-7b")
print(model.config)
```

## Citation

If this project helps you, please cite our paper in your own work.
"""


def test_a_code_block_in_the_chinese_version_does_not_start_the_english_original():
    blocks = parse_document(CODE_README).blocks
    kinds = dict(zip(blocks["text"], zip(blocks["part"], blocks["kind"])))
    # before, the Chinese version's code opened the original, and 引用 and its sentence were read as English
    assert kinds["## 引用"] == (PART_COMMENTARY, "heading")
    assert kinds["如果这个项目对你有帮助，请引用我们的论文。"][0] == PART_COMMENTARY
    assert kinds["## Quick start"] == (PART_ORIGINAL, "heading")
    code = blocks[blocks["kind"] == "code"]
    # each version's code stays in it, and is not one of its sentences
    assert code["part"].tolist() == [PART_COMMENTARY] * 5 + [PART_ORIGINAL] * 5
    assert "print(model.config)" in set(code["text"])
    assert not set(code["kind"]) & set(CONTENT_KINDS)


def test_the_overview_says_how_many_lines_of_code_each_version_holds():
    from helpers.render.narrative import overview_findings
    from helpers.pipeline import run
    analysis = run(CODE_README)
    first = overview_findings(analysis.blocks, analysis.claims, analysis.tables.repairs)[0]
    assert "of the Chinese version (of them 5 lines of code, not counted as sentences)" in first
    assert "of English original (of them 5 lines of code, not counted as sentences)" in first
    zh = analysis.claims[analysis.claims["part"] == PART_COMMENTARY]
    assert "print(model.config)" not in " ".join(zh.loc[zh["kind"].isin(CONTENT_KINDS), "text"])


def test_an_unclosed_fence_is_not_code_and_leaves_the_english_where_it_was():
    text = CODE_README.replace("print(model.config)\n```\n\n## 引用", "print(model.config)\n\n## 引用", 1)
    kinds = kinds_of(text)
    assert kinds["## Quick start"] == (PART_ORIGINAL, "heading")
    assert kinds["## Citation"] == (PART_ORIGINAL, "heading")


def test_a_markdown_heading_mark_makes_a_heading_whatever_follows():
    text = "## Star History\n\n![Star History Chart](https://example.org/chart.svg)\n\n## Licence\n\n" + ENGLISH_BODY
    assert kinds_of(text)["## Star History"] == (PART_ORIGINAL, "heading")


def test_join_our_prompts_are_furniture_in_both_languages():
    text = "加入我们的微信群和 Discord 交流讨论\n\n港口小镇两百年来靠贸易和天气生活。\n\nJoin our WeChat group and Discord\n\n" + ENGLISH_BODY
    kinds = kinds_of(text)
    assert kinds["加入我们的微信群和 Discord 交流讨论"][0] == PART_NONCONTENT
    assert kinds["Join our WeChat group and Discord"][0] == PART_NONCONTENT


def test_an_english_title_with_a_subtitle_list_is_a_heading_not_a_sentence():
    text = ("港口服务 2.0 发布：更快、更省\n\n今天我们发布港口服务 2.0，这是平台最大的一次更新。\n\n"
            "Introducing Harbour Serve 2.0: faster, cheaper inference\n\n"
            "Today we are releasing Harbour Serve 2.0, the largest update to our platform so far.")
    assert kinds_of(text)["Introducing Harbour Serve 2.0: faster, cheaper inference"] == (PART_ORIGINAL, "heading")
    # without the colon the comma still opens a clause: a sentence that broke over two lines
    assert kinds_of(text.replace("2.0: faster", "2.0 today, faster"))[
        "Introducing Harbour Serve 2.0 today, faster, cheaper inference"] == (PART_ORIGINAL, "paragraph")


def test_a_subheading_below_a_photo_credit_is_a_heading_not_the_photos_caption():
    text = ("美方研擬新規\n\n官員表示，新規最快下月公布。\n\n黃某某日前在台北出席活動。\n\n圖／路透資料照\n\n"
            "台廠：短期影響有限\n\n業界人士指出，台灣供應鏈短期內恐受波及，但影響仍待觀察。\n\n" + ENGLISH_BODY)
    kinds = kinds_of(text)
    assert kinds["台廠：短期影響有限"] == (PART_COMMENTARY, "heading")
    # a short line that reads as a caption below the credit still is one
    kinds = kinds_of(text.replace("台廠：短期影響有限", "會場一角。"))
    assert kinds["會場一角。"] == (PART_NONCONTENT, "caption")


def test_a_headline_announcing_the_original_after_it_is_the_posts_title():
    text = ("港口小镇的两百年（原文附后）\n\n作者认为，港口小镇的兴衰取决于贸易路线。\n\n"
            "Two Hundred Years of a Harbour Town\n\n" + ENGLISH_BODY)
    assert kinds_of(text)["港口小镇的两百年（原文附后）"] == (PART_COMMENTARY, "title")
    # a sentence saying so is no title
    text = "原文附后的说明：作者认为，港口小镇的兴衰取决于贸易路线。\n\n" + ENGLISH_BODY
    assert kinds_of(text)["原文附后的说明：作者认为，港口小镇的兴衰取决于贸易路线。"][1] != "title"
