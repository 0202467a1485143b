"""Document caveats (helpers.framing.caveats), one small synthetic document per kind, and 'beyond the English given'."""

import pandas as pd
import pytest
from hypothesis import given, settings, strategies as st

from helpers.columns import ADDITION, BEYOND, CAVEAT_COLUMNS, OMISSION, PART_COMMENTARY, PART_ORIGINAL, SUMMARISES, UNSURE
from helpers.align.evidence import content_units, is_translation, length_ratio
from helpers.framing.caveats import addresses_reader, caveats, mark_beyond, mark_own_additions, opens_note
from helpers.params import AlignParams
from helpers.render.narrative import chinese_kind

EN = "The model is strong and small, and it runs on one card."
ZH = "这个模型很强也很小，可以在一张卡上运行，而且速度很快。"


def document(zh: list[str], en: list[str], links: dict[int, int], *, en_last_line: str | None = None):
    """Claims, blocks and an alignment: Chinese sentence k links to English sentence links[k] (else an addition)."""
    rows, blocks, start = [], [], 0
    for part, texts in ((PART_COMMENTARY, zh), (PART_ORIGINAL, en)):
        for text in texts:
            k = len(rows) + 1
            rows.append({"claim_id": k, "block_id": k, "part": part, "kind": "paragraph", "text": text,
                         "start": start, "end": start + len(text)})
            blocks.append({"block_id": k, "part": part, "kind": "paragraph", "start": start, "end": start + len(text),
                           "text": text})
            start += len(text) + 1
    if en_last_line:
        blocks[-1]["text"] = en_last_line
    claims = pd.DataFrame(rows)
    n_zh = len(zh)
    align = [(k + 1, n_zh + links[k] + 1, 0.5, SUMMARISES) if k in links else (k + 1, pd.NA, 0.0, ADDITION)
             for k in range(n_zh)]
    alignment = pd.DataFrame(align, columns=["zh_claim_id", "en_claim_id", "score", "relation"])
    return claims, pd.DataFrame(blocks), alignment


def kinds(claims, blocks, alignment):
    table = caveats(claims, blocks, alignment)
    assert list(table.columns) == CAVEAT_COLUMNS and table["evidence"].str.len().gt(0).all()
    return set(table["kind"])


def test_translation_one_to_one():
    claims, blocks, alignment = document([ZH] * 10, [EN] * 10, {k: k for k in range(10)})
    assert kinds(claims, blocks, alignment) == {"translation"}


def test_summary_is_much_shorter_and_not_a_translation():
    claims, blocks, alignment = document([ZH] * 3, [EN] * 30, {0: 2, 1: 10, 2: 25})
    assert kinds(claims, blocks, alignment) == {"chinese_much_shorter"}


def test_traditional_script():
    trad = "這個模型很強也很小，可以在一張顯示卡上運行，而且速度很快。"
    claims, blocks, alignment = document([trad] * 10, [EN] * 10, {k: k for k in range(10)})
    assert "traditional_script" in kinds(claims, blocks, alignment)


def test_few_links():
    claims, blocks, alignment = document([ZH] * 10, [EN] * 10, {0: 0, 1: 4})
    assert "few_links" in kinds(claims, blocks, alignment)
    assert "translation" not in kinds(claims, blocks, alignment)


def test_english_excerpt_when_the_chinese_runs_past_the_english_end():
    """Chinese sentences 6–9 follow a link into the English's last sentence: they draw on English the file lacks."""
    claims, blocks, alignment = document([ZH] * 10, [EN] * 6, {k: k for k in range(6)})
    marked = mark_beyond(alignment, claims, blocks)
    assert list(marked["relation"].iloc[6:]) == [BEYOND] * 4 and (marked["relation"].iloc[:6] == SUMMARISES).all()
    assert "english_excerpt" in kinds(claims, blocks, marked)


def test_a_last_line_without_a_full_stop_is_no_excerpt_by_itself():
    # A whole README can end on an institution's name or a contact line: no caveat on that alone.
    for last in ("School of Computing and Data Science of an Example University",
                 "Table 3 lists the largest model that a single card supports for"):
        claims, blocks, alignment = document([ZH] * 10, [EN] * 10, {k: k for k in range(10)}, en_last_line=last)
        assert "english_excerpt" not in kinds(claims, blocks, alignment)


def test_a_line_stopping_mid_sentence_is_quoted_when_the_english_is_an_excerpt():
    claims, blocks, alignment = document([ZH] * 10, [EN] * 6, {k: k for k in range(6)},
                                         en_last_line="Table 3 lists the largest model that a single card supports for")
    table = caveats(claims, blocks, mark_beyond(alignment, claims, blocks)).set_index("kind")
    assert "stops mid-sentence" in table.loc["english_excerpt", "evidence"]
    assert "single card supports for" in table.loc["english_excerpt", "evidence"]


def test_asides_in_the_middle_are_not_beyond():
    """Unlinked Chinese sentences followed by more links are the writer's asides, not the excerpt's rest."""
    claims, blocks, alignment = document([ZH] * 10, [EN] * 10, {0: 0, 1: 1, 5: 5, 9: 9})
    marked = mark_beyond(alignment, claims, blocks)
    assert not (marked["relation"] == BEYOND).any()
    assert "english_excerpt" not in kinds(claims, blocks, marked)


def test_entities_beyond_the_english_are_not_the_writers_additions():
    from helpers.framing.shifts import additions
    claims, blocks, alignment = document([ZH] * 10, [EN] * 6, {k: k for k in range(6)})
    marked = mark_beyond(alignment, claims, blocks)
    mentions = pd.DataFrame({"mention_id": [1, 2], "claim_id": [3, 9], "start": [0, 0], "end": [1, 1],
                             "surface": ["甲", "乙"], "entity": ["alpha", "beta"], "org": ["alpha", "beta"],
                             "type": ["lab", "lab"], "lang": ["zh", "zh"], "part": [PART_COMMENTARY] * 2})
    added = additions(marked, claims.assign(voice="plain"), mentions)
    assert set(added["entity"]) == {"alpha"}          # claim 9 is beyond the English given: not the writer's
    assert not (added["addition"] == "aside").any()   # nor are the beyond sentences asides


def test_traditional_script_of_the_source_when_the_tables_read_a_simplified_view():
    claims, blocks, alignment = document([ZH] * 10, [EN] * 10, {k: k for k in range(10)})
    assert "traditional_script" not in kinds(claims, blocks, alignment)
    assert "traditional_script" in set(caveats(claims, blocks, alignment, script="traditional")["kind"])


def test_sentences_past_the_end_that_pile_onto_its_last_english_are_beyond():
    """Past an excerpt's end the aligner's reading position rests on the last English sentence: the Chinese sentences
    that link only to English an earlier sentence already drew on draw on what the file lacks."""
    links = {k: k for k in range(6)} | {6: 5, 7: 5, 8: 5}
    claims, blocks, alignment = document([ZH] * 10, [EN] * 6, links)
    marked = mark_beyond(alignment, claims, blocks)
    assert list(marked["relation"].iloc[:6]) == [SUMMARISES] * 6 and list(marked["relation"].iloc[6:10]) == [BEYOND] * 4
    assert "english_excerpt" in kinds(claims, blocks, marked)


def test_few_links_says_how_many_were_withheld_as_unsure():
    from helpers.columns import UNSURE
    claims, blocks, alignment = document([ZH] * 10, [EN] * 10, {0: 0, 1: 4})
    alignment.loc[[5, 6, 7], "relation"] = UNSURE
    table = caveats(claims, blocks, alignment).set_index("kind")
    assert table.loc["few_links", "evidence"] == (
        "only 2 of 10 Chinese sentences linked to the English; 3 more withheld as unsure (the paragraph each matches "
        "best is not both at most 2 paragraphs after the link kept before it and at most 2 before the one kept after "
        "it, and does not stand far enough above every other place in the English to be linked on its own; some may "
        "have no source in the English at all)")
    # the reason names the aligner's window as the run's parameters set it
    wider = caveats(claims, blocks, alignment, order_window=5).set_index("kind")
    assert "at most 5 paragraphs after" in wider.loc["few_links", "evidence"]


# ---- the kind of a document: more than its link share (issue 11) -------------------------------------------------

REPORTED = "作者说，这个模型很强也很小，可以在一张卡上运行。"   # the source's writer in the third person
ASIDE = "说白了，我觉得这件事没有那么简单，大家可以再想想。"     # the writer's own voice


def test_a_linked_version_that_speaks_of_its_author_is_no_translation():
    # every sentence links one to one, but three in ten say 作者说: a report of the source, not a rendering of it
    claims, blocks, alignment = document([REPORTED] * 3 + [ZH] * 7, [EN] * 10, {k: k for k in range(10)})
    assert "translation" not in kinds(claims, blocks, alignment)


def test_an_english_that_names_its_author_as_often_keeps_the_translation():
    # 'the authors shall not be liable' → 作者不承担责任: the English names the author too, so the Chinese renders it
    en_author = "The authors shall not be liable for any damage that the model may cause."
    claims, blocks, alignment = document([REPORTED] * 3 + [ZH] * 7, [en_author] * 3 + [EN] * 7, {k: k for k in range(10)})
    assert "translation" in kinds(claims, blocks, alignment)


def test_a_summary_with_asides_is_a_commentary_and_one_without_is_not():
    with_asides = document([ASIDE] * 3 + [ZH] * 3, [EN] * 40, {3: 2, 4: 10, 5: 25})
    plain = document([ASIDE] + [ZH] * 5, [EN] * 40, {1: 2, 2: 10, 3: 25})   # one aside: under the bar of three
    assert "commentary" in kinds(*with_asides)
    assert "commentary" not in kinds(*plain)


def test_a_translation_is_never_a_commentary():
    claims, blocks, alignment = document([ASIDE] * 3 + [ZH] * 7, [EN] * 10, {k: k for k in range(10)})
    assert kinds(claims, blocks, alignment) >= {"translation"} and "commentary" not in kinds(claims, blocks, alignment)


def test_a_chinese_that_runs_past_a_shorter_english_reads_it_as_an_excerpt():
    # six Chinese sentences track six English ones to the English's end; six more keep linking back onto its last
    # sentence (the aligner piles what it cannot place there) with no unlinked run at the end: half past the end
    links = {k: k for k in range(6)} | {k: 5 for k in range(6, 12)}
    claims, blocks, alignment = document([ZH] * 12, [EN] * 6, links)
    assert "english_excerpt" in kinds(claims, blocks, alignment)
    alignment = alignment.astype({"zh_claim_id": "Int64", "en_claim_id": "Int64"})  # the aligner's dtypes
    marked = mark_beyond(alignment, claims, blocks)
    assert set(marked.loc[marked["relation"] == BEYOND, "zh_claim_id"]) == set(range(7, 13))


def test_a_commentary_that_keeps_discussing_the_close_in_its_own_voice_is_no_excerpt():
    # the same shape as the excerpt above, but the six sentences past the end are the writer's own or cite the author
    links = {k: k for k in range(6)} | {k: 5 for k in range(6, 12)}
    mid_en = EN + " It was trained on public data, and its weights are released under an open licence."
    claims, blocks, alignment = document([ZH] * 6 + [ASIDE, REPORTED] * 3, [mid_en] * 6, links)
    assert "english_excerpt" not in kinds(claims, blocks, alignment)


def test_a_whole_english_that_is_longer_is_no_excerpt_though_the_chinese_closes_on_it():
    # the same shape but the English the longer: a commentary that keeps returning to the close is no excerpt
    links = {k: k for k in range(6)} | {k: 5 for k in range(6, 12)}
    long_en = EN + " It was trained on public data, and its weights are released under an open licence for anyone to use."
    long_en += " Its authors say a larger version will follow next year, trained the same way on twice the data."
    claims, blocks, alignment = document([ZH] * 12, [long_en] * 6, links)
    assert "english_excerpt" not in kinds(claims, blocks, alignment)


@settings(max_examples=40, deadline=None)
@given(n_zh=st.integers(1, 14), n_en=st.integers(1, 14), asides=st.integers(0, 5), reported=st.integers(0, 5),
       seed=st.randoms(use_true_random=False))
def test_a_document_is_one_kind_and_its_name_agrees_with_its_caveats(n_zh, n_en, asides, reported, seed):
    """Whatever the sizes, links, asides and third-person mentions: never both a translation and a commentary, and
    the pages' name for the Chinese follows the caveats."""

    asides, reported = min(asides, n_zh), min(reported, n_zh - min(asides, n_zh))
    zh = [ASIDE] * asides + [REPORTED] * reported + [ZH] * (n_zh - asides - reported)
    links = {k: seed.randrange(n_en) for k in range(n_zh) if seed.random() < 0.8}
    claims, blocks, alignment = document(zh, [EN] * n_en, links)
    found = kinds(claims, blocks, alignment)
    assert not {"translation", "commentary"} <= found
    name = chinese_kind(caveats(claims, blocks, alignment))
    assert name == ("translation" if "translation" in found else "commentary" if "commentary" in found else "summary")
    # one definition of the kind: a Chinese the aligner reads with a summary's bars for its words (it reports its
    # source: helpers.align.kind), not for its length, is never called a translation by the caveats
    zh_units, en_units = content_units(claims)
    if length_ratio(zh_units, en_units) >= AlignParams().translation_ratio and not is_translation(zh_units, en_units):
        assert "translation" not in found


def test_an_outline_title_the_parser_read_as_a_paragraph_is_neither_side_of_the_asides_count():
    from helpers.framing.caveats import section_titles, writer_asides

    zh = pd.DataFrame({"claim_id": [1, 2, 3, 4], "block_id": [1, 2, 3, 4], "part": ["commentary"] * 4,
                       "lang": ["zh"] * 4, "kind": ["paragraph", "paragraph", "heading", "paragraph"],
                       "text": ["二、方法拆解（What / How）", "说白了，这件事拼的是工程。", "三、结果", "模型更快了。"],
                       "voice": [""] * 4, "start": [0, 20, 40, 50]})
    assert section_titles(zh).tolist() == [True, False, True, False]
    assert writer_asides(zh) == ["说白了，这件事拼的是工程。"]  # the title, marked by the outline rule, is not an aside


def test_a_writer_announcing_a_personal_view_speaks_in_their_own_voice():
    from helpers.framing.caveats import writer_asides

    zh = pd.DataFrame({"claim_id": [1, 2], "block_id": [1, 2], "part": ["commentary"] * 2, "lang": ["zh"] * 2,
                       "kind": ["paragraph"] * 2, "text": ["下面是我的摘要和一点个人看法。", "模型更快了。"],
                       "voice": [""] * 2, "start": [0, 20]})
    assert writer_asides(zh) == ["下面是我的摘要和一点个人看法。"]


# ---- a whole English the Chinese goes past: a commentary's own close, a wire story's sign-off (issue 11, red team) ----

PROMPT = "大家怎么看？欢迎留言。"   # the writer turning to the reader: its own voice, no source
LONG_EN = EN + " It was trained on public data, and its weights are released under an open licence."


def test_a_commentary_closing_in_its_own_voice_after_the_last_paragraph_is_no_excerpt():
    # eight sentences retell eight English ones to the end; three more close the post in the writer's own voice (an
    # opinion, a frank aside, a question to the reader): an unlinked run at the English's end, but no English lacking
    # (a commentary: it speaks of its source in the third person, 作者说)
    claims, blocks, alignment = document([REPORTED, ZH] * 4 + [ASIDE, "说实话，这个数字让我挺意外的。", PROMPT],
                                         [LONG_EN] * 8, {k: k for k in range(8)})
    marked = mark_beyond(alignment, claims, blocks)
    assert not (marked["relation"] == BEYOND).any() and (marked["relation"].iloc[8:] == ADDITION).all()
    assert "english_excerpt" not in kinds(claims, blocks, marked)


def test_a_translations_we_past_the_english_end_is_still_an_excerpt():
    # a translation of a team's post speaks as 'we' (我们, an aside cue of a commentator's): past the English's end
    # that is the source's voice going on, not the writer's own
    we = "我们还把调度器开源了，欢迎大家试用并提出建议。"
    claims, blocks, alignment = document([ZH] * 8 + [we] * 3, [LONG_EN] * 8, {k: k for k in range(8)})
    assert "english_excerpt" in kinds(claims, blocks, mark_beyond(alignment, claims, blocks))


def test_the_same_run_reporting_in_the_sources_manner_is_still_an_excerpt():
    claims, blocks, alignment = document([ZH] * 11, [LONG_EN] * 8, {k: k for k in range(8)})
    assert "english_excerpt" in kinds(claims, blocks, mark_beyond(alignment, claims, blocks))


def signed_off(claims, blocks, credit):
    """The document with a credit line set aside after the English's last block."""
    end = int(blocks["end"].max()) + 1
    line = {"block_id": int(blocks["block_id"].max()) + 1, "part": "noncontent", "kind": "byline", "start": end,
            "end": end + len(credit), "text": credit}
    return pd.concat([blocks, pd.DataFrame([line])], ignore_index=True)


def test_an_english_that_signs_off_with_a_wire_credit_is_whole():
    # the excerpt's shape (six Chinese sentences track six English ones, four more follow, the last three piling onto
    # the English's last sentence), but the English signs off: the four are the compiler's own context, additions
    links = {k: k for k in range(6)} | {7: 5, 8: 5, 9: 5}
    claims, blocks, alignment = document([ZH] * 10, [EN] * 6, links)
    assert "english_excerpt" in kinds(claims, blocks, mark_beyond(alignment, claims, blocks))
    blocks = signed_off(claims, blocks, "(Reporting by Ann Lee; Editing by Bo Chan)")
    marked = mark_beyond(alignment, claims, blocks)
    assert list(marked.drop_duplicates("zh_claim_id")["relation"].iloc[6:10]) == [ADDITION] * 4
    table = caveats(claims, blocks, marked).set_index("kind")
    assert "english_excerpt" not in table.index
    assert table.loc["translation", "evidence"].startswith("6 of 6 Chinese sentences linked up to the English's end "
                                                           "(4 more after it")


@pytest.mark.parametrize("credit", ["Reporting by Ann Lee in New York; Editing by Bo Chan",   # unbracketed (round 6)
                                    "Reporting by Ann Lee and Cy Doe in New York; Editing by Bo Chan and Di Roe"])
def test_a_wire_credit_without_brackets_signs_off_too(credit):
    links = {k: k for k in range(6)} | {7: 5, 8: 5, 9: 5}
    claims, blocks, alignment = document([ZH] * 10, [EN] * 6, links)
    blocks = signed_off(claims, blocks, credit)
    assert "english_excerpt" not in kinds(claims, blocks, mark_beyond(alignment, claims, blocks))


def test_a_chinese_byline_after_the_english_is_no_sign_off():
    # a post's own credit below the English (a Chinese account's name) says nothing of where the English ends
    claims, blocks, alignment = document([ZH] * 10, [EN] * 6, {k: k for k in range(6)})
    blocks = signed_off(claims, blocks, "（编辑：某某）")
    assert "english_excerpt" in kinds(claims, blocks, mark_beyond(alignment, claims, blocks))


@pytest.mark.parametrize("text, turns", [
    ("你们的团队会这样做吗？", True),          # a question put to the readers
    ("大家觉得这个结论站得住吗？", True),
    ("欢迎在评论区聊聊你们的做法。", True),      # a call on them, opening the sentence
    ("所以不妨先把原文读一遍。", True),
    ("风险是否可以回滚？", False),              # a question with no address: a checklist's item
    ("大家都知道这件事。", False),              # an address in a statement
    ("这家公司欢迎外部开发者提交插件。", False),  # 欢迎 inside a sentence about the source
    ("你所在的城市，夜里还能坐上公交吗？", True),   # a question to one reader
    ("你觉得这个办法可行吗？", True),
    ("迷你模型能在手机上跑吗？", False),           # 你 inside 迷你 is no address
])
def test_a_sentence_that_turns_to_the_readers_is_told_apart(text, turns):
    assert addresses_reader(text) is turns


def test_in_a_summary_a_question_to_the_readers_is_an_addition_though_linked():
    """A summary (the Chinese far shorter than the English): the question to the readers restates nothing, so its link
    is undone and the English only it drew on becomes an omission."""
    claims, blocks, alignment = document([ZH, ZH, "你们的团队会这样改吗？"], [EN] * 12, {0: 0, 1: 1, 2: 2})
    marked = mark_own_additions(alignment, claims)
    relation = marked.dropna(subset=["zh_claim_id"]).set_index("zh_claim_id")["relation"]
    assert (relation[1], relation[2], relation[3]) == (SUMMARISES, SUMMARISES, ADDITION)
    assert list(marked.loc[marked["relation"] == OMISSION, "en_claim_id"]) == [6]


def test_in_a_translation_the_sources_own_question_to_its_readers_stays_linked():
    claims, blocks, alignment = document([ZH] * 9 + ["你们的团队会这样改吗？"], [EN] * 10, {k: k for k in range(10)})
    assert mark_own_additions(alignment, claims).equals(alignment)


def test_a_summarys_heading_held_back_as_unsure_is_its_writers_outline():
    claims, blocks, alignment = document([ZH, "How：落地顺序", ZH], [EN] * 12, {0: 0, 2: 2})
    claims.loc[1, "kind"] = "heading"
    alignment.loc[1, "relation"] = UNSURE
    relation = mark_own_additions(alignment, claims).dropna(subset=["zh_claim_id"]).set_index("zh_claim_id")["relation"]
    assert list(relation) == [SUMMARISES, ADDITION, SUMMARISES]
    # the first heading is the document's title: held back, it stays so
    claims.loc[0, "kind"] = "heading"
    alignment.loc[0, "relation"] = UNSURE
    relation = mark_own_additions(alignment, claims).dropna(subset=["zh_claim_id"]).set_index("zh_claim_id")["relation"]
    assert list(relation) == [UNSURE, ADDITION, SUMMARISES]


def test_a_commentary_longer_than_a_whole_short_english_for_its_own_remarks_is_no_excerpt():
    """The writer's own sentences draw on no English: they are not weighed against it (the English is under half of the
    whole Chinese here, but more than half of the Chinese that restates it)."""
    own = ["说实话，我第一次读到这里的时候也有点意外，毕竟行业里一直默认越大越省钱。",
           "我个人觉得，这里真正值得学习的经验是调度软件比硬件本身更重要。",
           "我个人认为，这类改造最难的部分其实是说服维护团队接受新的工作方式。"]
    claims, blocks, alignment = document(["作者认为" + ZH, "作者指出" + ZH, "文章提到" + ZH] + own, [EN] * 4,
                                         {0: 0, 1: 1, 2: 3})
    assert "english_excerpt" not in kinds(claims, blocks, mark_beyond(alignment, claims, blocks))
    # the same English against a Chinese that restates it at that length is an excerpt still
    claims, blocks, alignment = document(["作者认为" + ZH, "作者指出" + ZH, "文章提到" + ZH] * 2, [EN] * 4,
                                         {0: 0, 1: 1, 2: 3})
    assert "english_excerpt" in kinds(claims, blocks, mark_beyond(alignment, claims, blocks))


def test_a_paragraphs_next_sentence_on_the_english_it_reached_is_not_past_the_end():
    """A Chinese paragraph that renders the English's last paragraph in two sentences: the second, linked to the same
    English, goes on rendering it; the sentences after it that pile onto that English are past the end."""
    links = {k: k for k in range(6)} | {6: 5, 7: 5, 8: 5}
    claims, blocks, alignment = document([ZH] * 10, [EN] * 6, links)
    claims.loc[6, "block_id"] = claims.loc[5, "block_id"]  # the 7th Chinese sentence shares the 6th's paragraph
    marked = mark_beyond(alignment, claims, blocks)
    assert list(marked["relation"].iloc[:7]) == [SUMMARISES] * 7 and list(marked["relation"].iloc[7:10]) == [BEYOND] * 3
    # in a paragraph of its own it piles onto the last English as the others do
    claims.loc[6, "block_id"] = 7
    assert list(mark_beyond(alignment, claims, blocks)["relation"].iloc[6:10]) == [BEYOND] * 4


def test_a_summarys_introduction_of_the_author_held_back_as_unsure_is_an_addition():
    """Who the source's author is (the name the English byline gives, then 是) is background the writer brings; a
    sentence that opens with the name and reports what they say is the source's."""
    intro, says = "Ann Example 是一位存储工程师，也是一份数据库通讯的作者。", "Ann Example 认为，存储系统最难的是运维。"
    claims, blocks, alignment = document([ZH, intro, says, ZH], ["By Ann Example · May 2, 2026"] + [EN] * 12,
                                         {0: 1, 3: 3})
    claims.loc[4, "kind"] = "byline"
    alignment.loc[[1, 2], "relation"] = UNSURE
    relation = mark_own_additions(alignment, claims).dropna(subset=["zh_claim_id"]).set_index("zh_claim_id")["relation"]
    assert list(relation) == [SUMMARISES, ADDITION, UNSURE, SUMMARISES]
    # a name the byline does not give is someone the source may introduce itself
    claims.loc[4, "text"] = "By Bo Lee · May 2, 2026"
    relation = mark_own_additions(alignment, claims).dropna(subset=["zh_claim_id"]).set_index("zh_claim_id")["relation"]
    assert list(relation) == [SUMMARISES, UNSURE, UNSURE, SUMMARISES]


@pytest.mark.parametrize("dropped, signs_off, own", [(1, True, True), (2, True, False), (1, False, False)])
def test_a_signed_off_story_whose_last_paragraph_the_report_leaves_out_is_still_reached(dropped, signs_off, own):
    # a red-team note (wave 10): a compiled report renders a signed-off wire story but its last paragraph (a share
    # price), then adds four sentences of its own context; no link reached the English's last tenth, so the four
    # were not set apart and the report was not read as a translation. One paragraph left out is the story's close;
    # two are more than that, and without the credit line the English may be an excerpt.
    n_en = 7
    links = {k: k for k in range(n_en - dropped)}
    claims, blocks, alignment = document([ZH] * (n_en - dropped + 4), [EN] * n_en, links)
    if signs_off:
        blocks = signed_off(claims, blocks, "(Reporting by Ann Lee; Editing by Bo Chan)")
    marked = mark_beyond(alignment, claims, blocks)
    table = caveats(claims, blocks, marked).set_index("kind")
    assert ("translation" in table.index) == own
    if own:
        assert table.loc["translation", "evidence"].startswith(f"{n_en - dropped} of {n_en - dropped} Chinese sentences "
                                                               "linked up to the English's end (4 more after it")
        assert list(marked.drop_duplicates("zh_claim_id")["relation"].iloc[-4:]) == [ADDITION] * 4


LATER_PART = "在后半部分，作者把话题转向了这个模型的定价。"      # places what it reports further on in the source
LAST_PART = "最后一部分讨论了谁来维护它，作者也没有给出答案。"


def test_a_digest_reporting_later_parts_of_the_source_past_the_english_end_reads_it_as_an_excerpt():
    # the shape of the commentary above that keeps discussing the close in its own voice, but two of the sentences past
    # the end place what they report in later parts of the source (后半部分, 最后一部分): the English is its opening
    links = {k: k for k in range(6)} | {k: 5 for k in range(6, 12)}
    mid_en = EN + " It was trained on public data, and its weights are released under an open licence."
    zh = [ZH] * 6 + [ASIDE, LATER_PART, ASIDE, LAST_PART, ASIDE, REPORTED]
    claims, blocks, alignment = document(zh, [mid_en] * 6, links)
    alignment = alignment.astype({"zh_claim_id": "Int64", "en_claim_id": "Int64"})  # the aligner's dtypes
    marked = mark_beyond(alignment, claims, blocks)
    assert "english_excerpt" in kinds(claims, blocks, marked)
    # the writer's own asides past the end stay its additions: only what reports the source is beyond
    assert set(marked.loc[marked["relation"] == BEYOND, "zh_claim_id"]) == {8, 10, 12}
    # one such sentence is not enough
    zh = [ZH] * 6 + [ASIDE, LATER_PART, ASIDE, REPORTED, ASIDE, REPORTED]
    claims, blocks, alignment = document(zh, [mid_en] * 6, links)
    assert "english_excerpt" not in kinds(claims, blocks, alignment)


GUEST = "嘉宾提到，这个模型很强也很小，可以在一张卡上运行。"          # a listener reporting a podcast's guest
HOST_TURN = "主持人：这个模型很强也很小，可以在一张卡上运行吗？"         # a transcript's turn, translated
EN_HOST_TURN = "Host: Is the model strong and small enough to run on one card?"


def test_a_write_up_of_a_podcast_that_reports_its_host_and_guest_is_no_translation():
    # every sentence links one to one and runs as long as the English, but three in ten report the guest (嘉宾提到):
    # a listener's write-up of the episode, not a rendering of its transcript
    claims, blocks, alignment = document([GUEST] * 3 + [ZH] * 7, [EN] * 10, {k: k for k in range(10)})
    assert "translation" not in kinds(claims, blocks, alignment)


def test_a_translated_transcript_whose_english_names_its_host_as_often_keeps_the_translation():
    claims, blocks, alignment = document([HOST_TURN] * 3 + [ZH] * 7, [EN_HOST_TURN] * 3 + [EN] * 7,
                                         {k: k for k in range(10)})
    assert "translation" in kinds(claims, blocks, alignment)


def test_a_question_put_to_the_readers_counts_among_a_commentarys_own_sentences():
    # two asides and a question to the readers (PROMPT): three sentences in the writer's own voice
    claims, blocks, alignment = document([ASIDE] * 2 + [PROMPT] + [ZH] * 3, [EN] * 40, {3: 2, 4: 10, 5: 25})
    assert "commentary" in kinds(claims, blocks, alignment)
    claims, blocks, alignment = document([ASIDE, PROMPT] + [ZH] * 4, [EN] * 40, {2: 2, 3: 10, 4: 25})
    assert "commentary" not in kinds(claims, blocks, alignment)


GOES_ON = "她接着透露，公司明年会推出第一款产品，价格大约一万美元。"   # an interview's later answer, reported
CUT = "That was when we realised the real problem was not the hardware but the"


def test_a_chinese_reporting_on_past_an_english_cut_mid_sentence_reads_it_as_an_excerpt():
    # eight sentences retell eight English ones to the English's last paragraph, whose last line stops mid-sentence;
    # two more report what follows in the interview, then the writer closes in its own voice (an aside, a question)
    zh = [REPORTED, ZH] * 4 + [GOES_ON, GOES_ON.replace("明年", "后年"), ASIDE, PROMPT]
    claims, blocks, alignment = document(zh, [LONG_EN] * 8, {k: k for k in range(8)}, en_last_line=CUT)
    alignment = alignment.astype({"zh_claim_id": "Int64", "en_claim_id": "Int64"})  # the aligner's dtypes
    marked = mark_beyond(alignment, claims, blocks)
    assert "english_excerpt" in kinds(claims, blocks, marked)
    # what reports the source past the cut is beyond the English given; the writer's own close stays its addition
    assert set(marked.loc[marked["relation"] == BEYOND, "zh_claim_id"]) == {9, 10}
    # the same English whole (its last line a sentence): the two reporting sentences are no evidence of a cut
    claims, blocks, alignment = document(zh, [LONG_EN] * 8, {k: k for k in range(8)})
    assert "english_excerpt" not in kinds(claims, blocks, mark_beyond(alignment, claims, blocks))
    # cut, but only the writer's own close follows: the cut line alone is no excerpt
    zh = [REPORTED, ZH] * 4 + [ASIDE, PROMPT]
    claims, blocks, alignment = document(zh, [LONG_EN] * 8, {k: k for k in range(8)}, en_last_line=CUT)
    assert "english_excerpt" not in kinds(claims, blocks, mark_beyond(alignment, claims, blocks))


NOTE = "编译者注：从这次对话来看，她对这个行业的判断相当务实。"   # a compiled translation's closing note (invented)


def test_a_translation_closing_with_its_editors_note_is_no_excerpt():
    # a compiled interview renders a whole English turn by turn, then closes with the editor's note and two sentences
    # of its own context: an unlinked run at the English's end, but the writer's note, not English the file lacks
    # (the kinds round's compiled interview was read as an excerpt)
    claims, blocks, alignment = document([ZH] * 8 + [NOTE, ZH, ZH], [LONG_EN] * 8, {k: k for k in range(8)})
    marked = mark_beyond(alignment, claims, blocks)
    assert not (marked["relation"] == BEYOND).any()
    assert kinds(claims, blocks, marked) == {"translation"}


def test_the_note_must_open_the_run():
    # the same run with the note's label further in ('…在编译者注里') still reads past an excerpt's end
    late = "这一点我们放在编译者注里再说，先看她的下一个回答。"
    claims, blocks, alignment = document([ZH] * 8 + [late, ZH, ZH], [LONG_EN] * 8, {k: k for k in range(8)})
    assert "english_excerpt" in kinds(claims, blocks, mark_beyond(alignment, claims, blocks))


@settings(max_examples=60, deadline=None)
@given(body=st.text(alphabet="这个模型很强也小，可以在一张卡上运行。我们他她说的是", min_size=1, max_size=40),
       label=st.sampled_from(["编译者注", "编后语", "译者注", "编者按"]))
def test_a_note_label_opens_a_note_only_at_the_start(body, label):
    # the label then its colon opens a note, whatever follows; the same words further in do not
    assert opens_note(f"{label}：{body}")
    assert not opens_note(f"{body}{body}，{label}：{body}")


HARBOUR_COMMENTARY = """港口小镇的两百年：一位历史学者的新书（原文附后）

这篇文章来自历史学者安某的博客，下面是我的摘要和一点个人看法。
作者认为，港口小镇的兴衰主要取决于贸易路线的变化。
我个人觉得，这个观点对今天的港口城市也很重要。
作者还写道，天气在小镇的历史中同样重要。
说实话，读到这里我想起了家乡的渔港。
原文提到，小镇的人口在百年间翻了一番。

Two Hundred Years of a Harbour Town

The rise and fall of harbour towns depended above all on changes in trade routes, and this town was no exception.

Weather mattered just as much in the town's history, shaping what its people could build and sell.

The town's population doubled over a century, as the fishing fleet grew and the market expanded.
"""


def test_the_commentary_caveats_third_person_count_leaves_the_title_out_as_its_asides_count_does():
    from helpers.pipeline import run

    evidence = run(HARBOUR_COMMENTARY).caveats.set_index("kind").loc["commentary", "evidence"]
    # six sentences, headings aside; four of them speak of the source (the title's 原文附后 was counted, and quoted)
    assert "of the Chinese's 6 sentences (headings aside)" in evidence
    assert "; 4 speak of the source in the third person" in evidence and "原文附后" not in evidence


HARBOUR_OWN_CLOSE = """港口小镇的两百年

作者认为，港口小镇的兴衰主要取决于贸易路线的变化。
她写道，天气在小镇的历史中同样重要，决定了人们能造什么、卖什么。
作者还提到，小镇的人口在百年间翻了一番，渔船队和市场都在扩大。
她最后说，小镇的未来取决于新的航线。
说白了，我个人觉得这篇文章有点过于乐观了。
这种起落在别处也反复发生过，只是没人写下来。
如今那些老码头大多改成了博物馆。
渔船的数量也比二十年前少了一半。
你们怎么看？

Two Hundred Years of a Harbour Town

The rise and fall of harbour towns depended above all on changes in trade routes, and this town was no exception.

Weather mattered just as much in the town's history, shaping what its people could build and sell.

The town's population doubled over a century, as the fishing fleet grew and the market expanded.

The town's future, in the end, depends on the new shipping lanes that are opening to the north.
"""


def test_a_commentary_that_turns_to_its_own_view_past_a_whole_english_adds_it_is_no_excerpt():
    """说白了，我个人觉得… then 你们怎么看？ with the writer's own context between: additions, not English the file lacks
    (a Zhihu-style answer's close was read as 'beyond' and the English called an excerpt)."""
    from helpers.pipeline import run

    analysis = run(HARBOUR_OWN_CLOSE)
    relations = analysis.alignment.set_index("zh_claim_id")["relation"]
    assert "beyond" not in set(relations) and (relations.loc[6:] == "addition").all()
    assert "english_excerpt" not in set(analysis.caveats["kind"])
    # the same run without its closing question is no such bookend: what follows the aside may report English the
    # file lacks, and stays beyond
    cut = run(HARBOUR_OWN_CLOSE.replace("你们怎么看？\n", "")).alignment.set_index("zh_claim_id")["relation"]
    assert cut.loc[6] == "addition" and (cut.loc[7:] == "beyond").all()


def test_a_post_retelling_a_thread_in_the_third_person_is_no_translation():
    """长帖, 推文, 帖子 speak of the post a Weibo commentary retells, as 原帖 and 作者 do: an invented post linked 9 of
    its 10 sentences and was called a translation, its writer's jokes 'the translator's own'."""
    from helpers.align.kind import source_references
    zh = pd.DataFrame({"text": ["昨晚刷到一条很火的长帖。", "这条推文说团队换了工具。", "帖子里还提到了新人。", "代码审查更慢了。"]})
    en = pd.DataFrame({"text": ["1/3 Our team switched tools.", "2/3 Reviews got slower.", "3/3 Juniors suffer most."]})
    cited, english = source_references(zh, en)
    assert len(cited) == 3 and english == 0


def test_a_summary_naming_a_threads_commenters_by_their_handles_speaks_of_its_source():
    # bilingual review round 10: a Hacker News thread's summary (用户 kestrel_dev 说) was called a translation
    from helpers.align.kind import source_references
    zh = pd.DataFrame({"text": ["用户 kestrel_dev 说这个模型很快。", "网友 @pkt_99 认为价格太低。", "评论区里很多人担心许可证。",
                                "这个模型很快。"]})
    en = pd.DataFrame({"text": ["This model is fast.", "The price is too low."]})
    cited, english = source_references(zh, en)
    assert len(cited) == 3 and english == 0


def test_an_english_of_two_articles_under_their_own_headlines_and_bylines_is_a_caveat():
    # a bilingual review (round 4): a report compiled from two wire stories, both appended, read as one translated
    # article; its title slide named the first alone
    from helpers.params import Params
    from helpers.pipeline import run

    text = ("柔佛收紧数据中心用水\n柔佛州政府表示，新数据中心必须证明冷却水不来自公共供水。\n彭博社指出，当地居民抱怨停水。\n"
            "Johor to tighten water rules\nBy Ann Lee\nJohor will require new data centres to show their cooling water "
            "does not come from the public supply, the state government said.\n"
            "A thirsty boom\nBy Bo Chen and Cy Dee\nResidents have complained of water cuts lasting days.\n")
    caveats = run(text, Params()).caveats.set_index("kind")
    assert "several_originals" in caveats.index
    assert "translation" not in caveats.index  # a compilation's Chinese draws on several sources: no one translation
    assert "Johor to tighten water rules" in caveats.loc["several_originals", "evidence"]
    assert "A thirsty boom" in caveats.loc["several_originals", "evidence"]
    one = text.replace("A thirsty boom\nBy Bo Chen and Cy Dee\n", "")
    assert "several_originals" not in set(run(one, Params()).caveats["kind"])


def test_a_translators_afterword_after_a_whole_english_is_the_writers_own_not_english_the_file_lacks():
    # a bilingual review (round 5): a policy paper's full translation with a 译者后记 was called an excerpt on every
    # page, its afterword 'beyond the English given'
    from helpers.params import Params
    from helpers.pipeline import run

    zh = ["港口新规", "一、范围", "新规适用于所有港口运营商。", "运营商必须每季度报告用水量。", "二、处罚",
          "违规者将被罚款十万英镑。", "罚款收入将用于节水项目。", "三、生效", "新规于明年一月生效。",
          "译者后记", "总体来看，这份新规相当克制。", "我国的港口管理更加系统。", "十万英镑的罚款并不算重。",
          "这种季度报告的做法值得借鉴。"]
    en = ["New harbour rules", "1. Scope", "The rules apply to all harbour operators.",
          "Operators must report their water use every quarter.", "2. Penalties",
          "Operators who break the rules will be fined 100,000 pounds.",
          "Fine income will fund water-saving projects.", "3. Commencement", "The rules take effect next January."]
    analysis = run("\n".join(zh + en) + "\n", Params())
    kinds = set(analysis.caveats["kind"])
    assert "english_excerpt" not in kinds
    assert "beyond" not in set(analysis.alignment["relation"])


def test_a_headline_right_above_a_byline_counts_whatever_kind_the_parser_gave_it():
    # a bilingual review (round 5): a digest's first source's headline, read as a list item, was left out of the count
    from helpers.framing.caveats import english_articles

    blocks = pd.DataFrame({"part": ["commentary", "original", "noncontent", "original", "original", "noncontent",
                                    "original"],
                           "kind": ["paragraph", "list_item", "byline", "paragraph", "heading", "byline", "paragraph"],
                           "text": ["中文。", "Zorbia open-sources Kestrel, a long-context model", "By Ann Lee",
                                    "Zorbia released it on Tuesday.", "A study of coding assistants", "By Bo Chen",
                                    "The study recruited 64 maintainers."]})
    assert english_articles(blocks) == ["Zorbia open-sources Kestrel, a long-context model", "A study of coding assistants"]


def test_a_commentary_naming_its_author_by_a_transliteration_cites_its_source_and_hosting_is_no_podcast():
    # bilingual review round 6: a Singapore newspaper's commentary named the op-ed's author 哈托诺（Daniel Hartono）
    # and then 哈托诺认为 three times; the English's verb 'host' counted as a podcast's host: read as a translation
    from helpers.align.kind import source_references
    zh = pd.DataFrame({"text": ["印尼学者哈托诺（Daniel Hartono）撰文。", "哈托诺认为，电价是关键。", "哈托诺指出，土地有限。",
                                "这一点值得商榷。"]})
    en = pd.DataFrame({"text": ["By Daniel Hartono", "I think power prices decide it.", "The island cannot host every "
                                "data centre.", "Batam now hosts more capacity."]})
    cited, english = source_references(zh, en)
    assert len(cited) == 2 and english == 0
    # the English need not write the name in its own text (a byline may be the only place), but it must speak as 'I':
    # a third-person report's person is the report's source, not its author
    assert len(source_references(zh, en.assign(text=en["text"].str.replace("Daniel Hartono", "Ann Example")))[0]) == 2
    third = en.assign(text=["By a staff writer", "Power prices decide it, he said.", "Land is scarce.", "Batam grows."])
    assert source_references(zh, third)[0] == []


@pytest.mark.parametrize("opening, write_up", [
    ("本文为实验室组会的学习笔记，对原博客做了摘要和解读。", True),     # the post says what it is (review round 7)
    ("以下为原文要点梳理。", True),
    # review round 16: an investor's post on an annual letter ('below', and the letter as its source word)
    ("下面是我的摘要和一些个人看法，英文原信附在文末。", True),
    ("以下为全文翻译。", False),
])
def test_a_post_that_calls_itself_a_summary_of_its_source_reports_it(opening, write_up):
    from helpers.align.kind import reports_source
    zh = pd.DataFrame({"text": [opening, "模型在基准上得了高分。", "污染是主要问题。", "团队公开了数据。"]})
    en = pd.DataFrame({"text": ["The model scored high.", "Contamination is the main problem.", "We released the data."]})
    assert bool(reports_source(zh, en)) == write_up


def test_an_english_that_closes_with_its_authors_bio_is_whole():
    # bilingual review round 8: a book review closing on its reviewer's bio was read as cut off
    links = {k: k for k in range(6)} | {7: 5, 8: 5, 9: 5}
    claims, blocks, alignment = document([ZH] * 10, [EN] * 6, links)
    blocks = signed_off(claims, blocks, "Ann Example is a senior editor at the Harbour Review.")
    assert "english_excerpt" not in kinds(claims, blocks, mark_beyond(alignment, claims, blocks))


def test_a_commentary_on_a_book_review_speaks_of_the_review():
    from helpers.align.kind import reports_source
    zh = pd.DataFrame({"text": ["这篇书评认为，这本书写得很好。", "书评人指出，第三章最弱。", "书评最后提到了中国。",
                                "我觉得这本书值得一读。"]})
    en = pd.DataFrame({"text": ["This is a fine book.", "The third chapter is the weakest.", "China comes last."]})
    assert len(reports_source(zh, en)) == 3


def test_a_chinese_write_up_of_a_talk_calls_itself_so():
    # bilingual review round 8: 以下为演讲内容的中文整理 — a summary of a keynote read as its translation
    from helpers.align.kind import reports_source
    zh = pd.DataFrame({"text": ["以下为这场演讲的中文整理。", "模型越来越便宜。", "推理需求在上升。", "能源是瓶颈。"]})
    en = pd.DataFrame({"text": ["Models get cheaper.", "Inference demand rises.", "Energy is the bottleneck."]})
    assert reports_source(zh, en)


def test_a_summary_naming_its_interviewee_by_a_transliteration_reports_the_interview():
    # bilingual review round 8: 普丽娅·纳塔拉詹, then 纳塔拉詹表示 and 她说, read as a translation of the Q&A
    from helpers.align.kind import reports_source
    zh = pd.DataFrame({"text": ["赫利克斯机器人的CTO普丽娅·纳塔拉詹（Priya Natarajan）接受了专访。", "纳塔拉詹表示，人形机器人还很早期。",
                                "她说，成本是最大难题。", "纳塔拉詹认为，五年内会有转机。", "这家公司很有意思。"]})
    en = pd.DataFrame({"text": ["I think humanoids are early.", "Cost is the hardest problem.", "In five years it turns."]})
    assert len(reports_source(zh, en)) >= 3


def test_a_post_that_says_its_english_is_an_excerpt_gets_the_caveat_with_its_words():
    # bilingual review round 9: 原文较长，以下节选 — a commentary whose last section drew on English the file lacks read
    # as the writer's own, because its sentences speak of the author in the third person
    from helpers.framing.caveats import declared_excerpt
    claims = pd.DataFrame({"claim_id": [1, 2], "lang": ["zh", "zh"], "start": [0, 10],
                           "text": ["原文较长，以下节选。", "作者最后写道，人才是关键。"]})
    assert declared_excerpt(claims) == "原文较长，以下节选。"
    assert declared_excerpt(claims.assign(text=["以下为全文。", "作者最后写道，人才是关键。"])) == ""


def test_a_post_that_says_it_translates_its_source_whole_is_no_write_up():
    # bilingual review round 9: a 全文编译 of a policy brief whose 译者注 speak of the original read as a commentary
    from helpers.align.kind import reports_source
    zh = pd.DataFrame({"text": ["译者按：以下为全文编译。", "原文作者认为出口管制需要调整。", "原文还提到三项建议。",
                                "（译者注：原文单位按原文换算。）", "第一项建议是加强审查。"]})
    en = pd.DataFrame({"text": ["Export controls need adjusting.", "We make three recommendations.", "First, review."]})
    assert reports_source(zh, en) == []


@pytest.mark.parametrize("line, outlet", [
    ("TechWire · By Dana Whitfield · December 1, 2026", True),    # a digest's appended articles (round 9)
    ("AI Research Digest · December 2, 2026", True),
    ("10:42 AM · Nov 28, 2026", False),                           # a time stamp is no outlet
])
def test_an_outlets_byline_opens_on_its_name(line, outlet):
    from helpers.framing.caveats import OUTLET_BYLINE
    assert bool(OUTLET_BYLINE.match(line)) == outlet


@pytest.mark.parametrize("text, kind, opens", [
    ("💡 小鹿碎碎念：", "paragraph", True),       # a blogger's label alone on its line (bilingual review round 10)
    ("写在最后", "heading", True),
    ("作者在最后谈了自己的想法：", "paragraph", False),  # a sentence, not a label
])
def test_a_writers_own_label_opens_an_own_section(text, kind, opens):
    from helpers.framing.caveats import _opens_own_section
    claims = pd.DataFrame({"claim_id": [1], "start": [0], "kind": [kind], "text": [text]})
    assert _opens_own_section(claims, [1]) is opens


def test_a_news_report_with_reporting_of_its_own_is_no_translation():
    # bilingual review round 10: a Malaysian paper's report of a wire story, its dateline and its reporter at the scene,
    # was called a translation and its own reporting 'the translator's own'
    zh = ["（新山3日讯）" + ZH] + [ZH] * 4 + ["本报记者今日走访当地，居民表示欢迎。"]
    links = {k: k for k in range(5)}
    claims, blocks, alignment = document(zh, [EN] * 5, links)
    found = kinds(claims, blocks, alignment)
    assert "own_reporting" in found and "translation" not in found
    assert chinese_kind(caveats(claims, blocks, alignment)) == "report"
    # the same Chinese without the marks, linked alike, reads as the translation it is
    assert {"own_reporting"} & kinds(*document([ZH] * 5, [EN] * 5, links)) == set()


@pytest.mark.parametrize("line", ["报道：本报记者 林佩仪", "本报记者 林佩仪"])
def test_a_papers_reporter_byline_is_furniture(line):
    from helpers.text.parse import classify_noncontent
    assert classify_noncontent(line) == "byline"


def test_a_translations_notes_are_no_sentence_it_leaves_unlinked():
    # bilingual review round 10: a translation with a translator's preface, a bracketed note and an afterword's note
    # fell under the translation's linked share once its notes stayed unlinked, and was called a commentary
    notes = ["译者按：本文译自一位首席执行官的长文。", "（译者注：原文中关于数据合规的一段，本文未译出。）", "编者按：本文有删节。"]
    claims, blocks, alignment = document(notes + [ZH] * 6, [EN] * 6, {k + 3: k for k in range(6)})
    table = caveats(claims, blocks, alignment).set_index("kind")
    assert "translation" in table.index and "3 translator's or editor's notes aside" in table.loc["translation", "evidence"]


def test_a_writer_speaking_in_unlinked_asides_between_close_renderings_writes_a_commentary():
    # bilingual review round 11: a commentary quoting a leaked memo in blocks, its writer's 笔者认为 between them, read as
    # the memo's translation; the same renderings without the asides are one
    links = {k: k for k in range(10)}
    claims, blocks, alignment = document([ZH] * 10 + [ASIDE] * 3, [EN] * 10, links)
    found = kinds(claims, blocks, alignment)
    assert "translation" not in found and "commentary" in found
    assert "translation" in kinds(*document([ZH] * 10, [EN] * 10, links))


@pytest.mark.parametrize("text", ["难道开源就是错的吗？", "殊不知，这些数据早已公开。", "本报认为，这种说法站不住脚。"])
def test_an_editorials_own_voice_is_an_aside(text):
    # bilingual review round 12: a state-media editorial's rhetorical questions and its own view
    from helpers.framing.caveats import writer_asides
    zh = pd.DataFrame({"claim_id": [1], "block_id": [1], "part": ["commentary"], "lang": ["zh"], "kind": ["paragraph"],
                       "text": [text], "voice": [""], "start": [0]})
    assert writer_asides(zh) == [text]


def test_a_schools_news_of_its_own_team_is_no_translation():
    # bilingual review round 14: a university's release on its team's paper (我校…团队) was called a translation
    zh = ["近日，我校大气科学学院团队在国际期刊发表论文。" + ZH] + [ZH] * 5
    found = kinds(*document(zh, [EN] * 6, {k: k for k in range(6)}))
    assert "own_reporting" in found and "translation" not in found


def test_a_run_inside_the_writers_own_section_opens_no_beyond_the_english():
    # bilingual review round 14: a law firm's compliance advice under its own heading (五、合规建议), one list item tied
    # to the English, read as the Chinese going on past the English's end
    from helpers.framing.caveats import _opens_own_section
    claims = pd.DataFrame({"claim_id": [1, 2, 3], "part": ["commentary"] * 3, "start": [0, 10, 20],
                           "kind": ["heading", "paragraph", "paragraph"], "text": ["写在最后", "第一点。", "第二点。"]})
    assert _opens_own_section(claims, [3])
    assert not _opens_own_section(claims.assign(text=["背景", "第一点。", "第二点。"]), [3])


def test_a_reports_own_reporting_past_a_whole_english_is_no_excerpt():
    # bilingual review round 14: a university's release went on past the paper's English with the school's own news,
    # and was said to give the English only in part
    own = ["学院负责人表示，将继续支持团队研究。", "该团队近年来承担多项国家级项目。", "据悉，相关成果已在省内试点。",
           "团队成员多为青年教师和博士生。"]
    zh = ["近日，我校团队在国际期刊发表论文。" + ZH] + [ZH] * 4 + own
    links = {k: k for k in range(5)}
    found = kinds(*document(zh, [" ".join([EN] * 3)] * 5, links))
    assert "own_reporting" in found and "english_excerpt" not in found


def test_a_magazines_own_reporter_marks_reporting_of_its_own():
    # bilingual review round 15: a magazine feature by 本刊记者 was called a commentary
    zh = ["本刊记者近日采访了清华大学的一位教授。" + ZH] + [ZH] * 5
    assert "own_reporting" in kinds(*document(zh, [EN] * 6, {k: k for k in range(6)}))


def test_a_write_up_of_a_technical_report_speaks_of_the_report():
    # bilingual review round 16: a 深度 piece's 报告显示, 根据报告 and 在报告中写道 were not read as speaking of its source
    from helpers.align.kind import source_references
    zh = pd.DataFrame({"text": ["根据报告，模型有4050亿参数。", "报告显示，模型在代码基准上得分52.1%。",
                                "实验室在报告中写道，方法可以推广。", "笔者认为，这很重要。"]})
    en = pd.DataFrame({"text": ["The model has 405 billion parameters.", "It scores 52.1% on code.", "We believe it generalises."]})
    assert len(source_references(zh, en)[0]) == 3


@pytest.mark.parametrize("text, own", [
    ("记者多次拨打该公司电话，均无人接听。", True),           # the magazine's own calls and searches (round 17)
    ("记者查询新加坡公司注册记录发现，该公司只有一名董事。", True),
    ("一位业内人士对本刊表示，这种做法相当普遍。", True),
    ("路透社记者报道，该公司否认指控。", False),
    ("一名分析师接受本報訪問時表示，走私難以杜絕。", True),      # a Hong Kong paper's own interview (round 18)
    ("海關回覆本報查詢時稱，案件仍在調查。", True),
])
def test_a_magazines_own_calls_and_searches_are_its_own_reporting(text, own):
    from helpers.align.kind import own_reporting
    assert bool(own_reporting(pd.DataFrame({"text": [text]}))) == own


def test_a_signature_before_the_writers_own_section_is_skipped():
    # bilingual review round 18: a memo's translation closed with its signer's name (丹娜), then 小编点评：, was read as
    # a commentary: the own section was not seen behind the signature
    from helpers.framing.caveats import _opens_own_section
    claims = pd.DataFrame({"claim_id": [1, 2, 3], "start": [0, 10, 20], "part": ["commentary"] * 3,
                           "kind": ["paragraph", "heading", "paragraph"], "text": ["丹娜", "小编点评：", "这封信写得很坦诚。"]})
    assert _opens_own_section(claims, [1, 2, 3])
    assert not _opens_own_section(claims.assign(text=["丹娜说她很难过。", "小编点评：", "这封信写得很坦诚。"]), [1, 2, 3])


def test_a_page_footers_all_rights_reserved_signs_the_english_off():
    # bilingual review round 18: a product post's English ended on its '© 2026 … All rights reserved.' footer and was
    # read as an excerpt, the translator's closing opinions as English the file lacks
    from helpers.framing.caveats import english_closing_credit
    footer = "© 2026 Halcyon Compute Inc. All rights reserved."
    blocks = pd.DataFrame({"part": ["commentary", "original", "noncontent"], "start": [0, 10, 40],
                           "text": ["翠鸟计算发布新模组。", "Today we launch H2.", footer]})
    assert english_closing_credit(blocks) == footer
    assert english_closing_credit(blocks.assign(text=["翠鸟计算发布新模组。", "Today we launch H2.", "Subscribe"])) is None


def test_a_numbered_section_titles_weak_link_does_not_reach_the_englishs_end():
    # bilingual review round 18: '五、评论区常见的几个疑问', tied on one word to the English's acknowledgements, made the
    # writer's own closing section read as English the file lacks
    from helpers.framing.caveats import _reaching
    claims = pd.DataFrame({"claim_id": [1, 2, 3], "kind": ["paragraph", "heading", "heading"],
                           "text": ["模型会识别评测。", "五、评论区常见的几个疑问", "我们会发布模型"]})
    alignment = pd.DataFrame({"zh_claim_id": [1, 2, 3], "en_claim_id": [10, 19, 20], "score": [0.6, 0.6, 0.6],
                              "relation": ["translates"] * 3})
    assert set(_reaching(alignment, claims)["zh_claim_id"]) == {1, 3}   # a subtitle's short cue still reaches


def test_a_commentary_heading_opens_the_writers_own_section():
    # bilingual review round 19: a court ruling's summary closed on 笔者评注, read as English the file lacks
    from helpers.framing.caveats import _opens_own_section
    claims = pd.DataFrame({"claim_id": [1, 2], "start": [0, 10], "part": ["commentary"] * 2,
                           "kind": ["heading", "paragraph"], "text": ["笔者评注", "这一判决对国内平台有借鉴意义。"]})
    assert _opens_own_section(claims, [1, 2])


def test_a_translators_own_section_after_the_rest_of_the_paragraph_that_reached_the_end_is_no_excerpt():
    # bilingual review round 20: an earnings call's 编译 closed its last rendered paragraph with a remark of its own
    # (值得注意的是…), then 四、译者点评: the run past the English's end opened on the remark, not the heading, and the
    # whole English was called an excerpt
    from helpers.framing.caveats import _opens_own_section
    claims = pd.DataFrame({"claim_id": [1, 2, 3, 4], "part": [PART_COMMENTARY] * 4, "block_id": [1, 1, 2, 3],
                           "start": [0, 10, 20, 30], "kind": ["paragraph", "paragraph", "heading", "paragraph"],
                           "text": ["最后，他总结说前景很好。", "值得注意的是，这种说法并不多见。", "四、译者点评",
                                    "从这次会议看，公司已经完成了转型。"]})
    assert _opens_own_section(claims, [2, 3, 4]) is True
    assert _opens_own_section(claims.assign(block_id=[1, 5, 2, 3]), [2, 3, 4]) is False  # no rest of that paragraph


def test_the_caveat_quotes_the_heading_of_the_writers_own_section_not_the_remark_before_it():
    # bilingual review round 20: 'in a section of the writer's own that opens “值得注意的是…”' quoted the remark closing
    # the last rendered paragraph, not the section's heading (四、译者点评)
    from helpers.framing.caveats import _own_heading_of
    claims = pd.DataFrame({"claim_id": [2, 3, 4], "start": [10, 20, 30], "kind": ["paragraph", "heading", "paragraph"],
                           "text": ["值得注意的是，这种说法并不多见。", "四、译者点评", "从这次会议看，公司已经完成了转型。"]})
    assert _own_heading_of(claims, [2, 3, 4])["text"] == "四、译者点评"
