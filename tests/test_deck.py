"""helpers.render.deck and helpers.render.conclusions: the briefing's title slide, its titles stated as findings,
the quotations beside their English, and each page's closing lines. Made-up documents only."""

import re

import pandas as pd
import pytest
from hypothesis import given, settings, strategies as st

from helpers.render import conclusions, deck
from helpers.render.narrative import mention_findings


def blocks(*rows):
    return pd.DataFrame(rows, columns=["part", "kind", "text"])


@pytest.mark.parametrize("rows, expected", [
    # a metadata 'Title:' line wins
    ([("noncontent", "boilerplate", "Title: A Made-Up Essay"), ("commentary", "paragraph", "一段评论。"),
      ("original", "paragraph", "Some text.")], {"title": "A Made-Up Essay"}),
    # the original's opening heading; its byline gives the author and the date
    ([("commentary", "paragraph", "一段评论。"), ("original", "heading", "Notes From a Visit"),
      ("original", "byline", "Ann Example Jan 5, 2025"), ("original", "paragraph", "Some text.")],
     {"title": "Notes From a Visit", "author": "Ann Example", "date": "Jan 5, 2025"}),
    # 'By …' without a date
    ([("commentary", "heading", "一篇文章的名字"), ("original", "byline", "By Bo Sample"), ("original", "paragraph", "Text.")],
     {"title": "", "author": "Bo Sample", "date": "", "zh_title": "一篇文章的名字"}),
    # a link definition is furniture; a heading's image is dropped and its link kept as text
    ([("commentary", "paragraph", "一段评论。"), ("original", "heading", "[r]: https://a.example/ref"),
      ("original", "heading", "Notes [From](https://a.example) a Trip ![x](https://a.example/x.png)"),
      ("original", "paragraph", "Text.")], {"title": "Notes From a Trip"}),
    # a sentence is not a title, and a Chinese byline is the Chinese post's writer, not the English author
    ([("commentary", "paragraph", "这是一句话。"), ("commentary", "byline", "作者：某某 2025年1月5日"),
      ("original", "paragraph", "A plain opening sentence.")], {"title": "", "author": "", "zh_title": "", "zh_author": "某某"}),
    # the author named at the foot ('Written by …' inside an acknowledgement), the title numbered as a list's only item
    ([("commentary", "list_item", "00. 某文 精读：主精读"), ("commentary", "paragraph", "原文：Some Essay"),
      ("commentary", "heading", "一、要点"), ("original", "heading", "Some Essay"), ("original", "paragraph", "Text."),
      ("original", "paragraph", "Written by Ann Example and Bo Sample. Thanks to many.")],
     {"title": "Some Essay", "author": "Ann Example and Bo Sample", "zh_title": "某文 精读：主精读"}),
    # the Chinese saying who wrote the article; a numbered first line followed by more items is a list, not a title
    ([("commentary", "list_item", "1. 第一点的标题文字"), ("commentary", "list_item", "2. 第二点"),
      ("commentary", "paragraph", "摘要：文章由Ann Example撰写，讨论了三件事。"), ("original", "paragraph", "Text.")],
     {"author": "Ann Example", "zh_title": ""}),
    # a sentence opening with 'By' is not a byline
    ([("commentary", "paragraph", "一段评论。"), ("original", "paragraph", "By contrast, the plain text goes on.")],
     {"author": ""}),
    # the date of a 'Published Time:' metadata line; a bookmark's 'Added At:' is not the article's date
    ([("noncontent", "boilerplate", "Added At: 2022-01-05 09:10:11"), ("commentary", "paragraph", "一段评论。"),
      ("noncontent", "boilerplate", "Published Time: 2021-03-02T08:00:00+00:00"), ("original", "paragraph", "Text.")],
     {"date": "2021-03-02"}),
    ([("noncontent", "boilerplate", "Added At: 2022-01-05 09:10:11"), ("original", "paragraph", "Text.")], {"date": ""}),
    # a news site's dated line with its time ('2026/01/05 08:30', read as a dated byline) names nobody: the English
    # story's 'By …' line below it gives the author
    ([("noncontent", "byline", "2026/01/05 08:30"), ("commentary", "paragraph", "一段报道。"),
      ("noncontent", "byline", "By Cleo Sample"), ("original", "paragraph", "Text.")], {"author": "Cleo Sample", "date": ""}),
    ([("noncontent", "byline", "2026/01/05 08:30"), ("original", "paragraph", "Text.")], {"author": "", "date": ""}),
    # 'By …' at the foot, its date taken out
    ([("commentary", "paragraph", "一段评论。"), ("original", "paragraph", "Text."),
      ("original", "paragraph", "By J. R. Example, May 7, 2026")], {"author": "J. R. Example", "date": "May 7, 2026"}),
])
def test_the_title_slide_takes_what_the_document_gives_and_nothing_else(rows, expected):
    facts = deck.document_facts(blocks(*rows), "folder/doc.zh-en.txt")
    assert facts["file"] == "doc.zh-en.txt"
    assert {k: facts[k] for k in expected} == expected


def test_the_title_slide_names_the_file_and_says_when_the_title_is_not_given():
    slide = deck.title_slide({"title": "", "author": "", "date": "", "zh_title": "", "file": "x.txt"})
    assert slide.startswith("# An English article and its Chinese write-up")
    assert "`x.txt`" in slide and "make report" not in slide and "Present" not in slide


def test_a_title_from_the_document_is_shown_as_text():
    slide = deck.title_slide({"title": "![x](https://a.example/x.png) <b>", "author": "", "date": "", "zh_title": "",
                              "file": ""})
    assert "](https" not in slide and "<b>" not in slide


def test_every_term_of_art_the_slides_use_is_in_the_glossary():
    glossary = deck.glossary()
    for term in ("absorbed", "attributed", "reattributed", "softened", "sharpened", "coverage", "aside", "omission"):
        assert f"{term}" in glossary, term


coverage_rows = st.lists(st.tuples(st.text(alphabet="ABC xyz", max_size=12), st.integers(0, 40),
                                   st.floats(0, 1, allow_nan=False)), min_size=0, max_size=8)


@settings(max_examples=60, deadline=None)
@given(coverage_rows)
def test_the_coverage_title_counts_only_judged_sections_and_keeps_no_more_than_it_judges(rows):
    coverage = pd.DataFrame(rows, columns=["heading", "claims", "share_chars"])
    title = deck.coverage_title(coverage, min_evidence=3)
    found = re.match(r"The Chinese keeps (\d+) of (\d+) English sections?", title)
    judged = coverage[coverage["claims"] >= 3]
    if judged.empty:
        assert found is None
        return
    kept, total = int(found.group(1)), int(found.group(2))
    assert total == len(judged) and kept == int((judged["share_chars"] >= deck.KEPT_SHARE).sum())
    assert ("draws on under 25% of" in title) == (kept < total) and "barely" not in title
    # the sections left out of the count are said to be: "keeps 5 of 5" over six sections must not stand alone
    short = len(coverage) - len(judged)
    assert (f"{short} shorter section" in title) == (short > 0)


def test_the_title_is_the_files_title_line_not_a_numbered_section():
    blocks = pd.DataFrame({"part": ["commentary", "commentary", "commentary", "original", "original"],
                           "kind": ["title", "heading", "paragraph", "heading", "paragraph"],
                           "text": ["The Example Licence", "1. 定义", "正文。", "1. Definitions", "Text."]})
    assert deck.document_facts(blocks)["title"] == "The Example Licence"
    assert deck.document_facts(blocks.iloc[1:].reset_index(drop=True))["title"] != "1. Definitions"


def test_the_shift_title_counts_only_labels_the_gate_presents():
    shifts = pd.DataFrame({"shift": ["certainty", "voice"], "value": ["softened", "absorbed"], "claims": [30, 4]})
    gate = pd.DataFrame({"label": ["certainty:softened", "voice:absorbed"], "presented": [False, True]})
    assert deck.shift_title(shifts, gate) == "4 linked Chinese sentences restate the author's claim in the commentator's own voice (absorbed)"
    gate["presented"] = False
    assert "30" not in deck.shift_title(shifts, gate)


def test_an_aside_is_placed_by_the_chinese_sentence_before_it_never_by_the_alignment_order():
    claims = pd.DataFrame({"claim_id": [1, 2, 3, 4, 10], "part": ["commentary"] * 4 + ["original"],
                           "kind": ["paragraph", "heading", "paragraph", "paragraph", "paragraph"],
                           "text": ["甲说了一句。", "摘要", "说白了就是这样。", "再补一句。", "The English sentence."]})
    alignment = pd.DataFrame({"zh_claim_id": [1, 2, 3, 4], "en_claim_id": [10, None, None, None],
                              "relation": ["summarises", "addition", "addition", "addition"]})
    additions = pd.DataFrame({"addition": ["aside"] * 3, "zh_claim_id": [2, 3, 4], "text": ["摘要", "说白了就是这样。", "再补一句。"]})
    quoted = deck.quotations(additions, alignment, claims)
    assert quoted.to_dict("records") == [
        {"zh_claim_id": 3, "zh_text": "说白了就是这样。", "zh_before": "甲说了一句。"},   # the heading between is skipped
        {"zh_claim_id": 4, "zh_text": "再补一句。", "zh_before": "说白了就是这样。"}]
    lines = deck.quote_lines(quoted)
    assert "after the Chinese sentence “甲说了一句。”" in lines and "English" not in lines.replace("no English", "")
    opening = deck.quotations(additions.iloc[1:2], alignment, claims[claims["claim_id"] > 1])
    assert "the Chinese opens with it" in deck.quote_lines(opening)


def test_the_side_by_side_slide_shows_each_chinese_sentence_with_the_english_it_draws_on():
    worth = pd.DataFrame({"zh_claim_id": [5, 2], "shift": ["certainty", "voice"], "value": ["softened", "absorbed"],
                          "zh_cues": ["", ""], "en_cues": ["", ""], "zh_text": ["乙。", "丙丙丙。"],
                          "en_text": ["Second.", "First one."]})
    lines = deck.side_by_side(worth, limit=2).splitlines()
    assert lines[0].startswith("- “丙丙丙。”") and "First one" in lines[1]   # in reading order
    assert "certainty and voice" in deck.side_by_side_title(worth)
    assert len(lines) == 4  # all shown: no line says there are more
    one = deck.side_by_side(worth, limit=1).splitlines()
    assert one[0].startswith("- “乙。”") and "1 of the 2 held back shown here" in one[-1]  # review round 14


@pytest.mark.parametrize("commentary, original, yes", [([3, 2, 0], [1, 4, 5], True), ([3, 0, 0], [0, 4, 5], False)])
def test_the_lab_question_is_answered_yes_or_no(commentary, original, yes):
    by_part = pd.DataFrame({"org": ["A", "B", "C"], "commentary": commentary, "original": original})
    assert conclusions.same_labs(by_part).startswith("Yes:" if yes else "No:")


def test_mention_title_says_products_count_for_their_maker_and_rates_per_version():
    by_part = pd.DataFrame({"org": ["anthropic", "openai"], "commentary": [4, 0], "original": [3, 9]})
    lengths = pd.Series({"commentary": 800, "original": 9000})
    title = deck.mention_title(by_part, lengths, {"anthropic": "Anthropic", "openai": "OpenAI"})
    assert title == ("With their products, the Chinese names only Anthropic (4 times, 5.0 per 1,000 characters), "
                     "the English names OpenAI most (9 times, 1.0 per 1,000 characters)")
    several = by_part.assign(commentary=[4, 1])
    assert deck.mention_title(several, lengths, {"anthropic": "Anthropic", "openai": "OpenAI"}) == (
        "With their products, the Chinese names Anthropic most (4 times, 5.0 per 1,000 characters), "
        "the English OpenAI (9 times, 1.0)")
    both_one = pd.DataFrame({"org": ["anthropic"], "commentary": [2], "original": [2]})
    assert deck.mention_title(both_one, lengths, {"anthropic": "Anthropic"}).startswith(
        "Of the labs and companies found, both versions name only Anthropic, with its products")
    same = deck.mention_title(several.assign(original=[9, 1]), lengths, {"anthropic": "Anthropic"})
    assert same.startswith("Both versions name Anthropic most, with its products: 5.0 times per 1,000 characters")
    # a version that names one lab ranks nothing: the Chinese names "only" it, though the English names it most too
    lone = deck.mention_title(by_part.assign(original=[9, 1]), lengths, {"anthropic": "Anthropic"})
    assert lone == ("The Chinese names only Anthropic of the labs and companies found, and the English names it more than "
                    "any other; with its products: 5.0 times per 1,000 characters in the Chinese, 1.0 in the English")


def test_discovered_names_are_organisations_not_labs_and_companies():
    # an NGO's press release (invented, kinds round) had 'Of the labs and companies found, both versions name only
    # Wellspring Action': discovery takes non-profits, think tanks and universities too, so with one among the names
    # the pages say organisations; the gazetteer's labs alone keep 'labs and companies'
    lengths = pd.Series({"commentary": 800, "original": 3000})
    ngo = pd.DataFrame({"org": ["Brightwell Action (discovered)"], "commentary": [2], "original": [5]})
    assert deck.mention_title(ngo, lengths).startswith("Of the organisations found, both versions name only")
    assert conclusions.same_labs(ngo).startswith("Yes: the one organisation found")
    lines = mention_findings(ngo.assign(total=[7]), pd.DataFrame({"org": [], "only_in": []}))
    assert lines[0].startswith("1 organisation named in the text") and "lab or company" not in " ".join(lines)
    lab = pd.DataFrame({"org": ["anthropic"], "commentary": [2], "original": [2]})
    assert deck.mention_title(lab, lengths, {"anthropic": "Anthropic"}).startswith("Of the labs and companies found")


def test_mention_title_never_says_a_version_names_most_what_it_names_zero_times():
    by_part = pd.DataFrame({"org": ["anthropic", "microsoft"], "commentary": [0, 0], "original": [1, 2]})
    lengths = pd.Series({"commentary": 600, "original": 8000})
    title = deck.mention_title(by_part, lengths, {"microsoft": "Microsoft"})
    assert title == ("The Chinese names no lab or company the gazetteer or discovery knows; of those, with its products, the English names Microsoft most "
                     "(2 times, 0.2 per 1,000 characters)")
    assert "0.0" not in title


def test_mention_title_names_every_lab_tied_for_most_rather_than_choosing_one():
    by_part = pd.DataFrame({"org": ["anthropic", "meta", "openai"], "commentary": [3, 3, 1], "original": [5, 2, 5]})
    lengths = pd.Series({"commentary": 1000, "original": 10000})
    names = {"anthropic": "Anthropic", "meta": "Meta", "openai": "OpenAI"}
    assert deck.mention_title(by_part, lengths, names) == (
        "With their products, the Chinese names Anthropic and Meta most (3 times each, 3.0 per 1,000 characters), "
        "the English Anthropic and OpenAI (5 times each, 0.5)")
    same = deck.mention_title(by_part.assign(original=[4, 4, 0]), lengths, names)
    assert same == ("Both versions name Anthropic and Meta most, with their products: 3.0 times per 1,000 characters "
                    "each in the Chinese, 0.4 in the English")


def test_same_labs_says_none_rather_than_only_0():
    one = pd.DataFrame({"org": ["A"], "commentary": [0], "original": [2]})
    assert conclusions.same_labs(one) == "No: the one lab or company found, A, is named in one version only."
    two = pd.DataFrame({"org": ["A", "B"], "commentary": [0, 1], "original": [2, 0]})
    assert conclusions.same_labs(two) == "No: none of the 2 labs and companies found is named in both versions."


def test_slides_quote_sentences_never_a_heading_or_a_label_ending_in_a_colon():
    worth = pd.DataFrame({"zh_claim_id": [1, 2, 3], "shift": ["certainty"] * 3, "value": ["sharpened"] * 3,
                          "zh_cues": [""] * 3, "en_cues": [""] * 3,
                          "zh_text": ["二、机制拆解", "必须回答三件事：", "这是一句完整的话。"], "en_text": ["A.", "B.", "C."]})
    shown = deck.side_by_side(worth, limit=3)
    assert "机制拆解" not in shown and "三件事" not in shown and "这是一句完整的话" in shown


def test_a_sharpening_is_shown_before_voice_labels_when_the_slide_has_room_for_fewer_labels():
    # round 20's recheck: quote absorbed, softened and absorbed (shorter) filled the three places, and the one sharpening,
    # the document's main real shift, went unseen
    worth = pd.DataFrame({"zh_claim_id": [1, 2, 3, 4], "shift": ["voice", "certainty", "voice", "certainty"],
                          "value": ["quote_absorbed", "softened", "absorbed", "sharpened"], "zh_cues": [""] * 4,
                          "en_cues": [""] * 4, "zh_text": ["甲说了。", "乙也许会。", "丙认为。", "这一定证明了管制已经彻底失效。"],
                          "en_text": ["A.", "B.", "C.", "It may suggest the controls leak."]})
    shown = deck.side_by_side(worth, limit=3)
    assert "彻底失效" in shown and "乙也许会" in shown and ("甲说了" in shown) != ("丙认为" in shown)
    assert "a sharpening or softening before a change of voice" in shown


def test_a_translations_additions_are_the_translators_not_a_commentators():
    alignment = pd.DataFrame({"zh_claim_id": [1, 2], "en_claim_id": [10, None]})
    additions = pd.DataFrame({"addition": ["aside"], "zh_claim_id": [2], "text": ["补一句。"]})
    translation = pd.DataFrame({"kind": ["translation"]})
    assert deck.additions_title(alignment, additions, caveats=translation).endswith(
        "1 of 2 Chinese sentences (50%) are the translator's own, with no English behind them")
    assert "commentator's own" in deck.additions_title(alignment, additions, caveats=pd.DataFrame({"kind": ["commentary"]}))
    assert "writer's own" in deck.additions_title(alignment, additions)   # a plain summary's writer is no commentator
    # a writer's own heading among the units: the count says so, never calling it a sentence
    claims = pd.DataFrame({"claim_id": [1, 2], "kind": ["paragraph", "heading"]})
    assert deck.additions_title(alignment, additions, claims=claims).startswith("1 of 2 Chinese sentences and headings")
    claims["kind"] = "paragraph"
    assert deck.additions_title(alignment, additions, claims=claims).startswith("1 of 2 Chinese sentences (50%)")


def test_an_excerpts_chinese_beyond_the_english_given_is_neither_linked_nor_an_aside():
    from helpers.render.narrative import framing_findings

    alignment = pd.DataFrame({"zh_claim_id": [1, 2, 3, 4], "en_claim_id": [10, 11, None, None],
                              "relation": ["summarises", "summarises", "beyond", "beyond"]})
    additions = pd.DataFrame({"addition": pd.Series([], dtype=str), "zh_claim_id": [], "text": []})
    title = deck.additions_title(alignment, additions)
    assert title == ("Every Chinese sentence within the English given draws on the English: the writer adds no "
                     "aside; 2 more sentences come after the English given ends")
    line = framing_findings(alignment, pd.DataFrame(), pd.DataFrame({"shift": [], "value": [], "claims": []}),
                            additions, include=("links",))[0]
    assert line == ("2 of 2 Chinese sentences within the English given (100%) draw on an identifiable English sentence; "
                    "2 more come after the English given ends (beyond it: they may draw on English the file lacks, or be "
                    "the writer's own context).")


def test_the_unlinked_table_lists_what_the_bullet_counts_and_says_when_it_is_cut():
    claims = pd.DataFrame({"claim_id": [1, 2, 3, 4], "kind": ["heading", "paragraph", "paragraph", "paragraph"],
                           "text": ["摘要", "说白了就这样。", "第三句。", "第四句。"]})
    alignment = pd.DataFrame({"zh_claim_id": [1, 2, 4, 3], "en_claim_id": [pd.NA] * 4,
                              "relation": ["addition", "addition", "unsure", "unsure"]})
    additions = pd.DataFrame({"addition": ["aside", "aside", "entity_only_in_zh"], "zh_claim_id": [1, 2, 2],
                              "voice": ["plain", "plain", ""], "text": ["摘要", "说白了就这样。", ""]})
    rows = deck.unlinked_rows(additions, alignment, claims)
    # the heading too: the bullet counts every sentence and heading linked to no English
    assert rows["zh_claim_id"].tolist() == [1, 2, 3, 4]
    assert rows["why"].tolist() == ["linked to no English"] * 2 + ["held back as unsure"] * 2
    assert "no English" not in set(rows["why"])  # what the aligner did, never a claim about the English
    assert rows["text"].tolist() == ["摘要", "说白了就这样。", "第三句。", "第四句。"]
    only_unsure = deck.unlinked_rows(additions.iloc[:0], alignment, claims)
    assert only_unsure["zh_claim_id"].tolist() == [3, 4]
    assert deck.unlinked_rows(additions.iloc[:0], alignment.iloc[:0], claims).empty
    assert deck.unlinked_note(rows, 4) == ""
    assert deck.unlinked_note(rows, 3) == ("The first 3 of these 4 Chinese sentences and headings are shown (2 linked to "
                                           "no English, 2 held back as unsure); tables/alignment.csv lists every one "
                                           "with its relation.")


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 400), st.integers(30, 6000))
def test_the_length_title_and_the_caveat_state_one_measure(han, letters):
    from helpers.framing.caveats import caveats

    zh, en = "中" * han + "。", " ".join(["abcdefghij"[: min(10, letters - k)] for k in range(0, letters, 10)]) + "."
    claims = pd.DataFrame({"claim_id": [1, 2], "part": ["commentary", "original"], "kind": ["paragraph"] * 2,
                           "start": [0, len(zh) + 1], "end": [len(zh), len(zh) + 1 + len(en)], "text": [zh, en],
                           "lang": ["zh", "en"]})
    blocks = claims.assign(block_id=[1, 2])[["block_id", "part", "kind", "start", "end", "text"]]
    alignment = pd.DataFrame({"zh_claim_id": pd.array([1], dtype="Int64"), "en_claim_id": pd.array([2], dtype="Int64"),
                              "score": [0.5], "relation": ["summarises"]})
    title = deck.length_title(claims)
    assert f"{han:,} Han characters" in title and f"{letters:,} Latin letters" in title  # as counted, not 3 × weight
    shorter = caveats(claims, blocks, alignment)
    shorter = shorter[shorter["kind"] == "chinese_much_shorter"]
    if len(shorter):   # the caveat's figure is the title's
        share = re.search(r"the Chinese is (\d+)%", shorter["evidence"].iloc[0]).group(1)
        assert title.endswith(f": {share}% of its length")
        assert f"against {letters:,} Latin letters" in shorter["evidence"].iloc[0]


def test_a_row_of_links_is_not_the_chinese_posts_title():
    blocks = pd.DataFrame({"part": ["commentary", "commentary", "original", "original"],
                           "kind": ["paragraph", "paragraph", "heading", "paragraph"],
                           "text": ["示例模型 技术报告 | 示例模型 知识库 | 示例模型 论文", "正文。", "Example Model", "Text."]})
    assert deck.document_facts(blocks)["zh_title"] == ""
    blocks.loc[0, "text"] = "示例模型的技术报告 | 示例网站"
    assert deck.document_facts(blocks)["zh_title"] == "示例模型的技术报告 | 示例网站"


def test_additions_none_of_which_is_quotable_are_not_listed_as_none():
    # an invented press release's one addition was a line ending in an address ('如需全文，请访问：https://…'): the
    # slide titled '1 of 27 … are the translator's own' listed '- none' below it
    quoted = pd.DataFrame({"zh_claim_id": [], "zh_text": [], "zh_before": []})
    alignment = pd.DataFrame({"zh_claim_id": [1, 2], "en_claim_id": [10, None], "relation": ["summarises", "addition"]})
    line = deck.quote_lines(quoted, alignment=alignment)
    assert line != "- none" and line.startswith("- 1 Chinese sentence or heading linked to no English, none of them")


def test_the_asides_list_counts_the_sentences_held_back_as_unsure():
    # a bare "none" under "linked to no English" told a reader every sentence was matched, when six were held back
    quoted = pd.DataFrame({"zh_claim_id": [], "zh_text": [], "zh_before": []})
    alignment = pd.DataFrame({"zh_claim_id": [1, 2, 3], "en_claim_id": [10, None, None],
                              "relation": ["summarises", "unsure", "unsure"]})
    assert deck.quote_lines(quoted) == "- none"
    line = deck.quote_lines(quoted, alignment=alignment)
    assert line.startswith("- No sentence is an addition; 2 Chinese sentences have no link: the aligner held them")
    # nothing quoted above it: no 'more' (an invented summary note's slide read "4 more …" under no quote at all)
    assert "; 2 Chinese sentences have no link" in deck.quote_lines(quoted, alignment=alignment)
    # an addition that is not quoted (a heading) is counted all the same: the slide's table lists it, and a count
    # of the unsure alone read "6 Chinese sentences have no link" over a table of 7 rows
    one = alignment.assign(relation=["summarises", "unsure", "addition"])
    assert deck.quote_lines(quoted, alignment=one) == (
        "- 1 Chinese sentence or heading linked to no English, none of them a whole sentence to quote here (a "
        "heading, a label or a line that does not end as a sentence); 1 more Chinese sentence has no link: the aligner "
        "held them back as unsure (" + deck.unsure_reason(2) + ")")

    quoted = pd.DataFrame({"zh_claim_id": [4], "zh_text": ["我的看法。"], "zh_before": [""]})
    more = pd.DataFrame({"zh_claim_id": [1, 2, 3, 4, 5], "en_claim_id": [10, None, None, None, None],
                         "relation": ["summarises", "unsure", "unsure", "addition", "addition"]})
    assert deck.quote_lines(quoted, alignment=more).endswith(
        "- 1 of the 2 sentences linked to no English is quoted above; 2 more Chinese sentences have no link: the aligner "
        "held them back as unsure (the paragraph each matches best is not both at most 2 paragraphs after the link "
        "kept before it and at most 2 before the one kept after it, and does not stand far enough above every other "
        "place in the English to be linked on its own; some may have no source in the English at all)")
    assert "at most 4 paragraphs after" in deck.quote_lines(quoted, alignment=more, order_window=4)
    # none held back as unsure, yet more additions than quoted (a news report's fourth context sentence): said too
    sure = more.assign(relation=["summarises", "addition", "summarises", "addition", "addition"])
    assert deck.quote_lines(quoted, alignment=sure).endswith("- 1 of the 3 sentences linked to no English is quoted above.")
    assert deck.quote_lines(quoted, alignment=sure.assign(relation=["summarises"] * 4 + ["addition"])).count("\n") == 1


def test_mention_title_says_only_where_a_version_names_one_lab():
    # one mention of the one lab the Chinese names ranks nothing: "only", not "most"
    by_part = pd.DataFrame({"org": ["acme", "bolt"], "commentary": [1, 0], "original": [2, 5], "total": [3, 5]})
    lengths = pd.Series({"commentary": 600, "original": 2800})
    title = deck.mention_title(by_part, lengths, {"acme": "Acme", "bolt": "Bolt"})
    assert title == ("With their products, the Chinese names only Acme (1 time, 1.7 per 1,000 characters), the English "
                     "names Bolt most (5 times, 1.8 per 1,000 characters)")
    alone = deck.mention_title(by_part.assign(commentary=[0, 0]), lengths, {"acme": "Acme", "bolt": "Bolt"})
    assert "most" in alone and "only" not in alone  # the English names two: its leader is "most"


def test_a_quoted_sentence_held_back_is_shown_under_its_slide_title():
    # an invented compiled report's only held-back pair was a quotation (她說：「…。」): its slide had a title and no pair
    worth = pd.DataFrame({"zh_claim_id": [3], "shift": ["voice"], "value": ["reattributed"], "zh_cues": [""],
                          "en_cues": [""], "zh_text": ["她說：「我們下個月就會開工。」"],
                          "en_text": ['"We will break ground next month," she said.']})
    assert deck.side_by_side(worth).startswith("- “她說：「我們下個月就會開工。」”")


def test_the_theme_title_names_the_headings_when_they_alone_make_a_gap():
    row = {"theme": "technology", "zh_share": 29 / 52, "en_share": 145 / 201, "difference": 29 / 52 - 145 / 201,
           "zh_hits": 29, "zh_claims": 52, "en_hits": 145, "en_claims": 201, "zh_cues": "模型 ×9|代理 ×8|工具 ×5",
           "en_cues": "agent* ×50|model ×40|tool* ×20", "p_value": 0.03, "zh_headings": 11, "en_headings": 8,
           "zh_heading_hits": 1, "en_heading_hits": 4}
    title = deck.theme_title(pd.DataFrame([row]))
    assert title.endswith("(some shares differ by 5% or more, on too few sentences or words, by chance, or only with "
                          "the headings counted)")
    chance = dict(row, p_value=0.2, zh_heading_hits=0, en_heading_hits=0, zh_headings=0, en_headings=0)
    assert deck.theme_title(pd.DataFrame([chance])).endswith("on too few sentences or words, or by chance)")


def _frame_mix(zh_frame, zh_share, en_frame, en_share):
    return pd.DataFrame({"part": ["commentary", "commentary", "original", "original"], "frame": ["", zh_frame, "", en_frame],
                         "share_chars": [1 - zh_share, zh_share, 1 - en_share, en_share]})


def _emphasis(**sides):
    """theme → (zh_hits, zh_cues, en_hits, en_cues), the columns frame_title reads of theme_emphasis."""
    return pd.DataFrame([{"theme": t, "zh_hits": zh, "zh_cues": zc, "en_hits": en, "en_cues": ec}
                         for t, (zh, zc, en, ec) in sides.items()])


@pytest.mark.parametrize("emphasis, said, unsaid", [
    # each version's leading frame rests on one word repeated (a marketplace's 'seller', a household's 家庭): no lean said
    (_emphasis(technology=(2, "系统 ×2", 1, "system ×1"), economic=(0, "", 3, "seller ×3")),
     "No frame rests on enough of either version", ["leans most on technology", "on economic"]),
    # the English's lean rests on three sentences and two words; the Chinese's on two sentences
    (_emphasis(technology=(2, "系统 ×1|算法 ×1", 1, "system ×1"), economic=(0, "", 3, "seller ×2|price ×1")),
     "The English leans most on the economic frame (19% of its text); no frame rests on enough of the Chinese", ["technology"]),
    # both rest on enough: the comparison as before
    (_emphasis(technology=(3, "系统 ×2|算法 ×1", 1, "system ×1"), economic=(0, "", 3, "seller ×2|price ×1")),
     "The Chinese leans most on technology (15% of its text), the English on economic (19%)", []),
])
def test_the_frame_slide_says_a_lean_only_on_the_evidence_page_02_asks_of_a_theme(emphasis, said, unsaid):
    title = deck.frame_title(_frame_mix("technology", 0.15, "economic", 0.19), emphasis=emphasis)
    assert title.startswith(said) and not any(word in title for word in unsaid), title


def test_the_frame_slide_never_names_a_frame_below_the_top_one_as_the_lean():
    # the Chinese's top frame rests on one word; its second rests on enough, yet it is not what the Chinese leans on most
    mix = pd.concat([_frame_mix("quality_of_life", 0.20, "economic", 0.12),
                     pd.DataFrame({"part": ["commentary"], "frame": ["economic"], "share_chars": [0.14]})])
    emphasis = _emphasis(quality_of_life=(4, "家庭 ×4", 1, "everyday ×1"), economic=(3, "美元 ×2|成本 ×1", 2, "costs ×1|price ×1"))
    assert deck.frame_title(mix, emphasis=emphasis) == (
        "No frame rests on enough of either version to say which it leans on (at least 3 sentences tagged by 2 distinct words)")


def test_one_lab_found_is_said_as_found_not_as_all_the_text_names():
    # a company neither the gazetteer nor discovery knows can run through both versions beside the one found
    one = pd.DataFrame({"org": ["Acme"], "commentary": [0], "original": [1]})
    assert "found" in conclusions.same_labs(one) and "named," not in conclusions.same_labs(one)
    title = deck.mention_title(one, pd.Series({"commentary": 500, "original": 500}))
    assert title.startswith("The Chinese names no lab or company the gazetteer or discovery knows; of those,")


def test_a_paragraph_none_of_whose_sentences_is_linked_is_said_dropped_and_only_such_a_paragraph():
    blocks_ = pd.DataFrame({"block_id": [1, 2, 3, 4], "part": ["commentary", "original", "original", "original"],
                            "kind": ["paragraph", "paragraph", "paragraph", "heading"],
                            "text": ["甲。乙。", "One. Two.", "Three. Four. Five.", "A Heading"]})
    claims = pd.DataFrame({"claim_id": [1, 2, 3, 4, 5, 6, 7, 8], "block_id": [1, 1, 2, 2, 3, 3, 3, 4],
                           "part": ["commentary"] * 2 + ["original"] * 6, "start": range(8),
                           "text": ["甲。", "乙。", "One.", "Two.", "Three.", "Four.", "Five.", "A Heading"]})
    # paragraph 2 is half linked (kept); paragraph 3 has no link at all; a heading is no paragraph
    alignment = pd.DataFrame({"zh_claim_id": [1, 2, None, None, None, None, None],
                              "en_claim_id": [3, 3, 4, 5, 6, 7, 8],
                              "relation": ["summarises", "summarises"] + ["omission"] * 5})
    gone = deck.dropped_paragraphs(claims, alignment, blocks_)
    assert gone.to_dict("records") == [{"block_id": 3, "sentences": 3, "first": "Three."}]
    assert deck.paragraphs_line(gone) == "it leaves out 1 whole English paragraph (3 sentences), the one opening “Three”"
    linked = alignment.assign(en_claim_id=[3, 6, 4, 5, 6, 7, 8], relation=["summarises"] * 2 + ["omission"] * 5)
    assert deck.dropped_paragraphs(claims, linked, blocks_).empty


FRAMES = ["economic", "technology", "quality_of_life"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 6), st.integers(0, 3), st.integers(0, 6), st.integers(0, 3),
                          st.floats(0.01, 0.3), st.floats(0.01, 0.3)), min_size=3, max_size=3))
def test_a_frame_said_to_be_leaned_on_is_the_versions_top_and_rests_on_the_bar(rows):
    mix = pd.DataFrame([{"part": part, "frame": f, "share_chars": round(share, 3)}
                        for f, (_, _, _, _, zs, es) in zip(FRAMES, rows) for part, share in (("commentary", zs), ("original", es))])
    emphasis = _emphasis(**{f: (zh, "|".join(f"z{i} ×1" for i in range(zc)), en, "|".join(f"e{i} ×1" for i in range(ec)))
                            for f, (zh, zc, en, ec, _, _) in zip(FRAMES, rows)})
    title = deck.frame_title(mix, emphasis=emphasis)
    said = {"commentary": re.search(r"(?:Chinese leans most on (?:the )?|Both versions lean most on the )([a-z ]+?)(?: frame|\s\()", title),
            "original": re.search(r"(?:English leans most on the |the English on |Both versions lean most on the )([a-z ]+?)(?: frame|\s\()", title)}
    for part, found in said.items():
        if not found:
            continue
        frame = found.group(1).replace(" ", "_")
        side = mix[mix["part"] == part].sort_values(["share_chars", "frame"], ascending=[False, True])
        assert side["frame"].iloc[0] == frame, title   # the version's top frame, never one below it
        row = emphasis.set_index("theme").loc[frame]
        zh = part == "commentary"
        hits, cues = (row["zh_hits"], row["zh_cues"]) if zh else (row["en_hits"], row["en_cues"])
        assert hits >= 3 and len([c for c in cues.split("|") if c]) >= 2, title


def test_the_frame_slide_contrasts_two_leans_only_where_a_gap_between_the_versions_is_stated():
    # each version's top frame rests on enough of it, yet the shares behind the contrast could be chance (4 of 17
    # Chinese sentences against 1 of 21 English on one frame, 4 of 17 against 6 of 21 on the other): each lean is said
    # as that version's largest frame, and the gap as not established, never as a difference of framing
    def row(theme, zh, zh_cues, en, en_cues, p):
        return {"theme": theme, "zh_hits": zh, "zh_claims": 17, "en_hits": en, "en_claims": 21, "zh_cues": zh_cues,
                "en_cues": en_cues, "difference": zh / 17 - en / 21, "p_value": p, "zh_share": zh / 17, "en_share": en / 21}
    mix = _frame_mix("technology", 0.43, "economic", 0.40)
    emphasis = pd.DataFrame([row("technology", 4, "数据 ×2|科技 ×1", 1, "data ×1", 0.15),
                             row("economic", 4, "经费 ×1|便宜 ×1", 6, "fund ×1|cheap ×1|budget ×1", 1.0)])
    title = deck.frame_title(mix, emphasis=emphasis)
    assert title.startswith("The Chinese's largest frame is technology (43% of its text), the English's economic (40%); "
                            "on neither frame does the gap"), title
    assert "leans" not in title
    # the Chinese's lean on technology beyond chance (9 of 17 against 1 of 21): the contrast is said
    stated = emphasis.assign(zh_hits=[9, 4], difference=[9 / 17 - 1 / 21, 4 / 17 - 6 / 21], p_value=[0.001, 1.0])
    assert deck.frame_title(mix, emphasis=stated) == "The Chinese leans most on technology (43% of its text), the English on economic (40%)"


# A red-team note (wave 10): the title slide found no author in 'By …, Head of Product, …' nor the Chinese report's
# reporter in '記者…／綜合外電報道'.
@pytest.mark.parametrize("byline, author", [
    ("By Ann Example, Head of Product, Foo Software", "Ann Example"),
    ("By Ann Example, Senior Editor", "Ann Example"),
    ("By Ann Example, November 2026", "Ann Example"),  # a month and year alone is the byline's date, not a name
    ("By Ann Example, Bo Sample and Cy Person", "Ann Example, Bo Sample and Cy Person"),
    # the authors' team after a comma (bilingual review round 20: a leaderboard post's byline gave no author)
    ("By Ann Example and Bö Sample, FooArena team", "Ann Example and Bö Sample"),
    ("By Ann Example and Bo Sample, the Foo evaluation team", "Ann Example and Bo Sample"),
])
def test_a_bylines_job_title_is_no_part_of_the_authors_name(byline, author):
    blocks = pd.DataFrame({"part": ["commentary", "original", "noncontent", "original"],
                           "kind": ["heading", "heading", "byline", "paragraph"],
                           "text": ["一篇文章的标题", "A Made-up Title", byline, "Text."]})
    assert deck.document_facts(blocks)["author"] == author


# A bilingual review (round 4): a podcast's 'Published November 14, 2026 · 58 min' gave the author 'Published · 58 min',
# a blog's 'Nov 12, 2026 · 9 min read' the author '9 min read' (its 'By the … team' was read as a heading).
@pytest.mark.parametrize("lines, author, date", [
    (["Published November 14, 2026 · 58 min"], "", "November 14, 2026"),
    (["Nov 12, 2026 · 9 min read", "By the Foo Research team"], "the Foo Research team", "Nov 12, 2026"),
    (["Updated May 7, 2026 · 12 min listen", "By Ann Example"], "Ann Example", "May 7, 2026"),
    (["Ann Example | The Sample Ledger | Nov 14, 2026"], "Ann Example", "Nov 14, 2026"),  # the name, then its newsletter
])
def test_a_date_lines_publishing_words_and_reading_time_are_no_author(lines, author, date):
    blocks = pd.DataFrame({"part": ["commentary", "original", *["noncontent"] * len(lines), "original"],
                           "kind": ["heading", "heading", *["byline"] * len(lines), "paragraph"],
                           "text": ["一篇文章的标题", "A Made-up Title", *lines, "Text."]})
    facts = deck.document_facts(blocks)
    assert (facts["author"], facts["date"]) == (author, date)


@pytest.mark.parametrize("line, name", [("記者王小明／綜合外電報道", "王小明"), ("编译李华/综合报道", "李华"),
                                        ("记者节的由来／专题", ""),
                                        # a writer's '文／' byline, a date after the name
                                        ("文／林某某\u30002026年11月20日", "林某某"), ("撰文｜王某", "王某"),
                                        # a team's dated byline; a bare name beside a date may be a dateline's place
                                        ("某某智能团队 · 2026年10月8日", "某某智能团队"), ("北京 2026年11月20日", ""),
                                        ("記者 何某某", "何某某"),
                                        ("◎ 某某某／文\u3000林某某／譯", "林某某"),   # the translator's credit
                                        # a compiler's field, a WeChat post's originality mark (round 5)
                                        ("编译：李某 | 审校：王某 | 来源：GOV.UK", "李某"),
                                        ("原创 老某说AI 某某回声 2026年11月20日 21:08 浙江", "老某说AI"),
                                        # a post credited to its editors; a news desk's 责任编辑 (round 10)
                                        ("编辑：陈某、杜某", "陈某、杜某"), ("责任编辑：王某", ""),
                                        ("报道：本报记者 林某某", "林某某"),
                                        # the English's author in Latin letters, the translator beside it (round 17)
                                        ("作者：Maya Okafor\u3000翻译：林某某", "林某某"),
                                        # a transliteration glossed with the English's author, the compiler beside it
                                        ("文 | 丹尼尔·奥科罗（Daniel Okoro）  编译 | 林某", "林某"),
                                        # the site's name and a slash before the compiler, the credit after a space
                                        # (round 20's recheck of a Taiwanese compiled report)
                                        ("數位觀察網 / 編譯林某某 綜合外電報導", "林某某"),
                                        # a Taiwan site's translated review: the English's writer, then the
                                        # translator after a slash (bilingual review round 21)
                                        ("文／Mark Example\u3000譯／林某某\u30002026-11-20 14:30", "林某某")])
def test_a_news_reports_reporter_byline_gives_the_chinese_writer(line, name):
    blocks = pd.DataFrame({"part": ["commentary", "noncontent", "commentary"], "kind": ["heading", "byline", "paragraph"],
                           "text": ["一则新闻的标题", line, "正文。"]})
    assert deck.document_facts(blocks)["zh_author"] == name


def test_a_hong_kong_reports_reporter_line_outranks_its_editor_line():
    # bilingual review round 21: '記者：李某某' then '編輯：陳某某' closing a Hong Kong report gave the editor as its writer
    blocks = pd.DataFrame({"part": ["commentary", "commentary", "noncontent", "noncontent"],
                           "kind": ["heading", "paragraph", "byline", "byline"],
                           "text": ["一則新聞的標題", "正文。", "記者：李某某", "編輯：陳某某"]})
    assert deck.document_facts(blocks)["zh_author"] == "李某某"


def test_a_frame_tied_for_a_versions_largest_share_is_not_its_lean():
    # a red-team note (wave 10): "The Chinese leans most on the economic frame (14%)" where openness held 14% too
    mix = pd.DataFrame({"part": ["commentary", "commentary", "original"], "frame": ["openness", "economic", "economic"],
                        "share_chars": [0.141, 0.141, 0.2]})
    emphasis = pd.DataFrame({"theme": ["economic", "openness"], "zh_hits": [4, 2], "en_hits": [1, 0],
                             "zh_cues": ["价格 ×1|订阅 ×1|美元 ×2", "发布 ×2"], "en_cues": ["price ×1", ""]})
    title = deck.frame_title(mix, emphasis=emphasis)
    assert "leans most" not in title
    assert title.startswith("The Chinese gives the largest share of its text to the economic and openness frames alike (14% each)")
    both = deck.frame_title(mix, emphasis=None)
    assert "leans" not in both and "the economic and openness frames (14% each)" in both


def test_a_sentence_citing_another_report_is_not_called_the_writers_own():
    # a red-team note (wave 10): a compiled report's sentences from a second wire story, cited 據《…》報道, were
    # counted and quoted as "the translator's own"
    alignment = pd.DataFrame({"zh_claim_id": [1, 2, 3, 4], "en_claim_id": [9, pd.NA, pd.NA, pd.NA],
                              "relation": ["summarises", "addition", "addition", "addition"]})
    additions = pd.DataFrame({"addition": ["aside"] * 3, "zh_claim_id": [2, 3, 4],
                              "text": ["據《灣岸快訊》報道，另一家公司也已申請。", "報道引述業界人士指，兩家公司或會競爭。",
                                       "有居民擔心噪音問題。"]})
    caveats = pd.DataFrame({"kind": ["translation"], "evidence": ["x"], "affects": ["y"]})
    title = deck.additions_title(alignment, additions, caveats=caveats)
    assert title == ("3 of 4 Chinese sentences (75%) have no English in the file behind them: 1 the translator's own, "
                     "2 citing another report (据…报道)")
    quoted = pd.DataFrame({"zh_claim_id": [2, 4], "zh_text": [additions["text"][0], additions["text"][2]],
                           "zh_before": ["前一句。", "前一句。"]})
    lines = deck.quote_lines(quoted, caveats=caveats).splitlines()
    assert "citing another report, which the file does not hold" in lines[1]
    assert "the translator's own" in lines[3]


def test_an_english_headline_on_a_plain_line_is_no_paragraph_left_out():
    blocks = pd.DataFrame({"block_id": [1, 2, 3, 4], "part": ["commentary", "commentary", "original", "original"],
                           "kind": ["paragraph", "paragraph", "paragraph", "paragraph"],
                           "text": ["美公司進軍香港 投資近4億", "該公司周一宣布擴張。", "Foo Corp to expand in Hong Kong",
                                    "Foo Corp said on Monday it would expand."]})
    claims = blocks.assign(claim_id=[1, 2, 3, 4], start=[0, 20, 40, 80])
    alignment = pd.DataFrame({"zh_claim_id": [1, 2], "en_claim_id": [4, 4], "relation": ["summarises"] * 2})
    assert deck.dropped_paragraphs(claims, alignment, blocks).empty


def test_an_asides_slide_with_nothing_unlinked_says_so_rather_than_none():
    # a translation whose every sentence links: the slide read "- none" under its title
    quoted = pd.DataFrame({"zh_claim_id": [], "zh_text": [], "zh_before": []})
    alignment = pd.DataFrame({"zh_claim_id": [1, 2], "en_claim_id": [10, 11], "relation": ["summarises"] * 2})
    assert deck.quote_lines(quoted, alignment=alignment) == "- No Chinese sentence is left without a link to the English."


def test_the_answers_voice_line_sends_a_reader_to_pairs_only_where_there_are_some():
    from helpers.pipeline import run
    # a close translation with no hedge or booster and no voice cue on either side: no pair to read
    text = ("港口服务发布\n\n今天我们发布港口服务第二版，它比第一版快三倍。\n\n新版本支持十种语言。\n\n"
            "Harbour Serve released\n\nToday we release the second version of Harbour Serve, three times faster than the first.\n\n"
            "The new version supports ten languages.\n")
    answer = deck.closing(run(text))
    assert "- **Voice and certainty**: no change in either is labelled in the linked sentences." in answer
    assert "read the pairs side by side" not in answer


def test_a_side_by_side_slide_whose_pairs_are_all_headings_says_where_they_are():
    worth = pd.DataFrame({"zh_claim_id": [1], "shift": ["certainty"], "value": ["softened"],
                          "zh_text": ["美拟扩大芯片出口管制　某公司恐受波及"], "en_text": ["U.S. weighs wider curbs"]})
    text = deck.side_by_side(worth)
    assert text.startswith("- 1 Chinese unit held back, none of them a whole sentence to quote")
    assert "page 04" in text


def test_the_chinese_title_is_the_line_after_an_editors_note():
    blocks = pd.DataFrame({"part": ["commentary", "commentary", "noncontent", "commentary"],
                           "kind": ["paragraph", "heading", "byline", "paragraph"],
                           "text": ["編按：本文原刊於英文網站，標題為編輯所加。", "港口的下一場考驗不在碼頭", "◎ 某某／文　林某某／譯", "正文。"]})
    facts = deck.document_facts(blocks)
    assert (facts["zh_title"], facts["zh_author"]) == ("港口的下一場考驗不在碼頭", "林某某")


def test_both_versions_leaning_on_one_frame_says_when_the_gap_between_their_shares_is_not_evidence():
    # a bilingual review (round 4): 'Both versions lean most on the economic frame (63% of the Chinese text, 31% of the
    # English)' over four Chinese sentences read as a contrast the theme page calls chance
    mix = pd.DataFrame({"part": ["commentary", "original"], "frame": ["economic", "economic"],
                        "share_chars": [0.63, 0.31]})
    row = {"theme": "economic", "zh_cues": "融资 ×2|估值 ×1|成本 ×1", "en_cues": "financing ×3|cost ×2|round ×2"}
    thin = pd.DataFrame([{**row, "difference": 0.3, "zh_claims": 6, "en_claims": 30, "zh_hits": 4, "en_hits": 11,
                          "p_value": 0.16}])
    firm = pd.DataFrame([{**row, "difference": 0.3, "zh_claims": 60, "en_claims": 300, "zh_hits": 40, "en_hits": 110,
                          "p_value": 0.001}])
    assert "does not rest on enough evidence" in deck.frame_title(mix, emphasis=thin)
    assert "does not rest on enough evidence" not in deck.frame_title(mix, emphasis=firm)
    assert deck.frame_title(mix, emphasis=firm).startswith("Both versions lean most on the economic frame (63%")
    close = mix.assign(share_chars=[0.66, 0.65])  # shares a point apart: no gap to speak of, none disclaimed
    assert "does not rest on enough evidence" not in deck.frame_title(close, emphasis=thin)


def test_the_title_slide_names_the_other_articles_of_a_compiled_english():
    # a bilingual review (round 4): the title slide named the first of two appended wire stories as 'the article'
    blocks = pd.DataFrame({"part": ["commentary", "original", "noncontent", "original", "original", "noncontent",
                                    "original"],
                           "kind": ["heading", "heading", "byline", "paragraph", "heading", "byline", "paragraph"],
                           "text": ["柔佛收紧用水", "Water rules tighten", "By Ann Lee", "Text.", "A thirsty boom",
                                    "By Bo Chen", "More text."],
                           "start": [0, 10, 30, 41, 47, 62, 73]})
    facts = deck.document_facts(blocks)
    assert (facts["title"], facts["author"], facts["more_articles"]) == ("Water rules tighten", "Ann Lee", "A thirsty boom")
    assert "The English also holds 1 more article: “A thirsty boom”" in deck.title_slide(facts)
    assert "more article" not in deck.title_slide(deck.document_facts(blocks.head(4)))


def test_a_yes_over_some_of_the_names_says_how_many_appear_in_one_version_only():
    # a bilingual review (round 4): 'Yes: 6 of 11 organisations are named in both versions' hid the lead investor,
    # the largest customer and the regulators the summary dropped
    by_part = pd.DataFrame({"org": list("ABCDEFG"), "commentary": [3, 2, 1, 1, 0, 0, 0], "original": [4, 2, 1, 1, 2, 1, 1]})
    answer = conclusions.same_labs(by_part)
    assert answer.startswith("Yes: 4 of 7") and answer.endswith("the other 3 appear in one version only.")
    whole = by_part.assign(commentary=[3, 2, 1, 1, 1, 1, 1])
    assert conclusions.same_labs(whole).endswith("of the mentions.")


@pytest.mark.parametrize("zh_head, en_head, expected", [
    # a site's name and a tagline over the headline and its standfirst (bilingual review round 6)
    (["明報新聞網", "文：林某某", "規管人工智能，該管「數學」還是管「用家」？"],
     ["The Policy Ledger", "Essays on technology, law and the state", "Regulate the Deployers, Not the Math",
      "Why compute thresholds and licensing regimes miss where harm actually happens", "By Ann Example"],
     {"title": "Regulate the Deployers, Not the Math", "zh_title": "規管人工智能，該管「數學」還是管「用家」？",
      "zh_author": "林某某"}),
    # a headline and a standfirst both in sentence case, the date on its own line below the byline
    (["数据中心热潮撞上物理墙", "文 / 陈某某"],
     ["The Pacific Ledger", "Opinion | Technology", "The data-centre boom is running into physics",
      "Power and water, not chips, will decide how much of the build-out the region can host", "By Ann Example",
      "April 2, 2026"],
     {"title": "The data-centre boom is running into physics", "author": "Ann Example", "date": "April 2, 2026"}),
    # an account's name that its byline repeats: the writer's name without it
    (["AI前沿译站", "刚刚，某公司发布新的语音模型", "原创 编译：小鹿 AI前沿译站 2026年10月28日 08:30 北京"],
     ["Company Blog", "Introducing Atlas 2: faster speech recognition for everyone",
      "Posted by the Atlas team · October 27, 2026 · 6 min read"],
     {"zh_title": "刚刚，某公司发布新的语音模型", "zh_author": "小鹿"}),
])
def test_the_title_slide_skips_mastheads_and_standfirsts_in_a_parsed_document(zh_head, en_head, expected):
    facts = parsed_facts(zh_head, en_head)
    assert {k: facts[k] for k in expected} == expected


def parsed_facts(zh_head: list[str], en_head: list[str]) -> dict:
    """The title slide's facts of a document made of these heads over two sentences of body each, parsed whole."""
    from helpers.text.parse import parse_document
    zh_body = ["这家机构认为，监管应该针对部署者，而不是针对模型本身。", "作者举了招聘筛选的例子来说明这一点。"]
    en_body = ["Regulators should target deployers rather than the models themselves, the essay argues.",
               "Hiring screens are the example that makes the case plainly for every reader."]
    return deck.document_facts(parse_document("\n".join(zh_head + zh_body + en_head + en_body) + "\n").blocks)


def test_a_dated_line_with_a_time_of_day_gives_a_date_and_no_author():
    # bilingual review round 7: 'August 6, 2026, 4:30 PM ET' gave '4:30 PM ET' as the earnings call's author
    rows = [("commentary", "paragraph", "一段翻译。"), ("noncontent", "byline", "August 6, 2026, 4:30 PM ET"),
            ("original", "paragraph", "Good afternoon and welcome to the call.")]
    facts = deck.document_facts(blocks(*rows))
    assert facts["author"] == "" and facts["date"] == "August 6, 2026"


@pytest.mark.parametrize("zh_head, en_head, expected", [
    # a newsletter's author's name over a bare date (bilingual review round 7)
    (["推理账单来了", "作者：精读君"], ["The inference bill comes due", "Maya Okafor", "Mar 12, 2026"],
     {"title": "The inference bill comes due", "author": "Maya Okafor", "date": "Mar 12, 2026"}),
    # named authors and a team; the date on a section line above the byline; a compiler's byline 编译｜…
    (["新基准发布", "编译｜周某某　编辑｜陈某"], ["Research · March 12, 2026 · 9 min read",
                                               "Introducing a benchmark for tool use",
                                               "By Ann Example, Bo Sample and the evaluation team"],
     {"author": "Ann Example, Bo Sample", "date": "March 12, 2026", "zh_author": "周某某"}),
])
def test_the_title_slide_reads_a_name_over_its_date_a_team_after_names_and_a_compilers_byline(zh_head, en_head,
                                                                                               expected):
    facts = parsed_facts(zh_head, en_head)
    assert {k: facts[k] for k in expected} == expected


@pytest.mark.parametrize("lines, zh_title", [
    # a Xiaohongshu note: its title exclaims, a cover caption and the poster's handle sit over the date (review round 10)
    (["小模型正在吃掉端侧！AI研究员8个月实测总结", "封面文案：手机跑大模型，真的要来了", "AI打工人小鹿", "编辑于 2026-03-16 上海",
      "姐妹们！今天给大家扒一篇博客。"], "小模型正在吃掉端侧！AI研究员8个月实测总结"),
    # a newspaper's headline over its subheadline, over the date line
    (["东方前锋报 · 国内新闻", "中资AI企业深衡智能斥120亿令吉 柔佛建大型数据中心", "首相署：欢迎高质量投资 专家忧水电供应吃紧",
      "2026年12月3日 星期四 上午 8:45", "（新山3日讯）中国人工智能企业宣布投资。"], "中资AI企业深衡智能斥120亿令吉 柔佛建大型数据中心"),
])
def test_a_chinese_title_over_a_handle_or_a_subheadline_is_the_title(lines, zh_title):
    from helpers.text.parse import parse_document
    english = ["Small models are eating the edge", "By Ann Example", "The English text runs on for a while here."]
    blocks = parse_document("\n".join(lines + english) + "\n").blocks
    assert deck.document_facts(blocks)["zh_title"] == zh_title


def test_a_bylines_cities_are_no_part_of_its_names_and_a_sites_line_is_no_title():
    # bilingual review round 12: 'By Helen Carver in Hong Kong' gave no author; a section trail over the English
    # headline and a site's line over the Chinese title were taken for the titles
    from helpers.text.parse import parse_document
    zh = ["机器之芯 · 技术译文", "一文读懂大模型量化", "正文第一段，讲的是量化。", "正文第二段，讲的是精度。"]
    en = ["Engineering · Inference · Quantization", "A Practical Guide to Quantizing Large Models",
          "By Helen Carver in Hong Kong and Tom Ashby in London", "Quantization shrinks models.", "It also speeds them up."]
    facts = deck.document_facts(parse_document("\n".join(zh + en) + "\n").blocks)
    assert facts["zh_title"] == "一文读懂大模型量化"
    assert facts["title"] == "A Practical Guide to Quantizing Large Models"
    assert facts["author"] == "Helen Carver and Tom Ashby"


def test_a_newspapers_headline_over_its_standfirst_and_its_reporters_byline():
    # bilingual review round 13: a financial paper's sentence-case headline lost to its standfirst, and the byline of
    # reporters and their cities gave no author
    from helpers.text.parse import parse_document
    zh = ["北京收紧生成式AI监管", "正文第一段，讲的是监管。", "正文第二段，讲的是初创公司。"]
    en = ["Beijing tightens its grip on generative AI as start-ups brace for costs",
          "New registration rules will reshape China's crowded model market",
          "Edward Hale in Beijing and Mei Lin in Shanghai", "November 14 2026", "Regulators said so on Monday.",
          "Start-ups will pay more."]
    facts = deck.document_facts(parse_document("\n".join(zh + en) + "\n").blocks)
    assert (facts["title"], facts["author"], facts["date"]) == (en[0], "Edward Hale and Mei Lin", "November 14 2026")


def test_a_podcasts_episode_title_is_below_its_episode_line_and_the_show_is_no_title():
    # bilingual review round 13: a podcast's show notes gave the show's name as the English title
    from helpers.text.parse import parse_document
    zh = ["推理价格战背后：播客笔记", "正文第一段，讲的是价格。", "正文第二段，讲的是芯片。"]
    en = ["The Gradient Descent Hour", "Episode 142 · November 18, 2026 · 1 hr 12 min",
          "The inference price war, with Priya Raman of Corvid Labs", "Priya argues that prices have fallen fast.",
          "She expects them to keep falling."]
    facts = deck.document_facts(parse_document("\n".join(zh + en) + "\n").blocks)
    assert (facts["title"], facts["date"]) == (en[2], "November 18, 2026")


def test_a_byline_after_the_wechat_originality_mark_names_the_writer():
    # bilingual review round 17: '原创 硅谷译站 …' over '作者：周以宁' gave the slide '(by 硅谷译站)', the account
    blocks = pd.DataFrame({"part": ["commentary", "noncontent", "noncontent", "commentary"],
                           "kind": ["heading", "byline", "byline", "paragraph"],
                           "text": ["一则访谈的标题", "原创 硅谷译站 2026年11月20日 21:08 上海", "作者：周以宁", "正文。"]})
    assert deck.document_facts(blocks)["zh_author"] == "周以宁"


def test_the_side_by_side_slide_shows_each_label_before_more_of_one():
    # bilingual review round 18: three short softenings hid the one sharpening, longer, from the slide
    worth = pd.DataFrame({"zh_claim_id": [1, 2, 3, 4], "shift": ["certainty"] * 4,
                          "value": ["softened", "softened", "softened", "sharpened"], "zh_cues": [""] * 4, "en_cues": [""] * 4,
                          "zh_text": ["甲。", "乙。", "丙。", "这一点必将改变整个行业。"],
                          "en_text": ["A.", "B.", "C.", "This may eventually change the industry."]})
    lines = deck.side_by_side(worth, limit=3)
    assert "必将" in lines and "(labelled sharpened)" in lines and "3 of the 4 held back" in lines


# Bilingual review round 20: a Hong Kong outlet's translation ('文：Daniel … ｜ 譯：陳某某'; the English 'By …' over
# 'The … Ledger | Opinion' over its date) gave no date and no Chinese writer; a Weibo post over three X threads gave
# the title 'Thread 1'.
@pytest.mark.parametrize("zh_head, en_head, expected", [
    (["算力設上限的錯誤", "文：Ann Example ｜ 譯：陳某某"],
     ["Compute Caps Are the Wrong Idea", "By Ann Example", "The Sample Ledger | Opinion", "November 18, 2026"],
     {"title": "Compute Caps Are the Wrong Idea", "author": "Ann Example", "date": "November 18, 2026",
      "zh_author": "陳某某"}),
    (["三位研究员的长推"], ["Thread 1", "Ann Example @ann_evals", "Nov 23, 2026"], {"title": ""}),
])
def test_a_date_below_a_masthead_a_bare_translators_credit_and_a_threads_label(zh_head, en_head, expected):
    facts = parsed_facts(zh_head, en_head)
    assert {k: facts[k] for k in expected} == expected


def test_a_latin_author_with_a_bracketed_han_title_is_the_englishs_and_the_translator_line_below_names_the_writer():
    # bilingual review round 20: '作者：Teodora Vasquez（Kestrel Cloud首席工程师）' over '译者：林晓舟　校对：陈默' gave the
    # slide '(by Teodora Vasquez（Kestrel Cloud首席工程师）)': the Han job title made the English's author read as the
    # Chinese post's writer
    blocks = pd.DataFrame({"part": ["commentary", "noncontent", "noncontent", "commentary"],
                           "kind": ["heading", "byline", "byline", "paragraph"],
                           "text": ["一篇译文的标题", "作者：Teodora Vasquez（Kestrel Cloud首席工程师）", "译者：林晓舟\u3000校对：陈默",
                                    "正文。"]})
    assert deck.document_facts(blocks)["zh_author"] == "林晓舟"
    blocks.loc[1, "text"] = "作者：王小明（本刊记者）"
    assert deck.document_facts(blocks)["zh_author"] == "王小明（本刊记者）"


def test_a_team_credited_over_the_date_is_the_author_and_not_the_title():
    # bilingual review round 20: a lab's blog post, 'Lumen Labs Research Team' over 'November 12, 2026', gave the
    # title slide the team as its title and no author
    from helpers.text.parse import parse_document
    zh = ["一个新基准：最强模型也只有三成", "上周，一家研究机构发布了一个新基准。", "我觉得这个基准很有意思。"]
    en = ["Introducing FooBench: Measuring Long Tasks", "Foo Labs Research Team", "November 12, 2026",
          "Most benchmarks today measure short tasks.", "Today we are introducing FooBench."]
    parsed = parse_document("\n\n".join(zh + en) + "\n").blocks
    assert parsed.set_index("text").loc["Foo Labs Research Team", "kind"] == "byline"
    facts = deck.document_facts(parsed)
    assert (facts["title"], facts["author"], facts["date"]) == (en[0], en[1], en[2])


def test_a_hearings_long_title_over_its_transcripts_credit_is_the_title():
    """Bilingual review round 20: a hearing's title (148 characters, past a headline's 120) over the transcript's credit
    and date gave the title slide no title."""
    title = ("Oversight of Chips: Hearing Before the Committee on Banking, Housing, and Urban Affairs, United States "
             "Senate, One Hundred Nineteenth Congress, Second Session "
             "(Excerpt)")
    blocks = pd.DataFrame({"part": ["commentary", "commentary", "original", "noncontent", "noncontent", "original"],
                           "kind": ["heading", "paragraph", "paragraph", "byline", "byline", "paragraph"],
                           "start": [0, 20, 100, 260, 330, 350],
                           "text": ["一篇听证会速览", "正文。", title, "Unofficial transcript excerpt prepared by Example Services",
                                    "November 18, 2026", "CHAIRMAN ROE: The committee will come to order."]})
    facts = deck.document_facts(blocks)
    assert (facts["title"], facts["date"]) == (title, "November 18, 2026")


def test_the_date_below_a_byline_and_its_publications_name_is_the_articles_date():
    # bilingual review round 20 (a commentary on two articles, each 'By …', then its outlet, then its date): the title
    # slide said 'date (not found)'
    blocks = pd.DataFrame({"part": ["commentary", "original", "noncontent", "noncontent", "noncontent", "original"],
                           "kind": ["heading", "paragraph", "byline", "byline", "byline", "paragraph"],
                           "text": ["一篇文章的标题", "A Made-up Title", "By Ann Example", "The Harbour Ledger",
                                    "November 10, 2026", "Text."]})
    facts = deck.document_facts(blocks)
    assert (facts["author"], facts["date"]) == ("Ann Example", "November 10, 2026")


def test_a_press_release_dateline_is_no_author_and_a_wire_under_the_headline_is_no_title():
    # bilingual review round 21: a Chinese earnings summary of a Business Wire release showed the title 'Business Wire'
    # and the author 'SANTA CLARA, Calif.'
    rows = [("commentary", "paragraph", "财报速览｜某公司三季度营收同比增长41%"), ("commentary", "paragraph", "正文。"),
            ("original", "paragraph", "Example Semiconductor Reports Third Quarter Fiscal 2027 Financial Results"),
            ("original", "heading", "Business Wire"),
            ("noncontent", "byline", "SANTA CLARA, Calif., November 19, 2026"),
            ("original", "paragraph", "Example Semiconductor today reported results.")]
    frame = blocks(*rows).assign(start=[0, 30, 40, 120, 140, 180])
    facts = deck.document_facts(frame)
    assert facts["title"] == "Example Semiconductor Reports Third Quarter Fiscal 2027 Financial Results"
    assert (facts["author"], facts["date"]) == ("", "November 19, 2026")
    # a byline's name in capitals with no state after it is still a name
    assert deck.DATELINE_PLACE.fullmatch("SANTA CLARA, Calif.") and not deck.DATELINE_PLACE.fullmatch("ANN EXAMPLE")
