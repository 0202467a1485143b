"""Chinese names tied to English ones, and models counted under the maker the text names: each rule, its false friends."""

import doctest

import pandas as pd
import pytest

import helpers.tables.ties as ties
from helpers.tables.discover import DISCOVERED, EVIDENCE_MADE_BY
from helpers.tables.entities import _gazetteer_key, _rollup, normalise_gazetteer
from helpers.tables.extract import extract

GAZETTEER = normalise_gazetteer(pd.DataFrame([
    {"entity": "acme", "name_en": "Acme", "type": "lab"},
    {"entity": "zing", "name_en": "Zing", "type": "model", "parent": "acme"},
    {"entity": "bolt", "name_en": "Bolt Robotics", "type": "company"},
    {"entity": "ada", "name_en": "Ada Lovelace", "type": "person"},
    {"entity": "paris", "name_en": "Paris", "name_zh": "巴黎", "type": "place"},
]))
GAZETTEER = GAZETTEER.assign(org=list(map(_rollup(_gazetteer_key(GAZETTEER)).get, GAZETTEER["entity"])))


def document(zh: str, en: str) -> str:
    return f"{zh}\n\n{en}\n"


def found(text: str) -> pd.DataFrame:
    mentions = extract(text, gazetteer=GAZETTEER).mentions
    return mentions[mentions["evidence"] != ""]


def test_docstring_examples_run():
    assert doctest.testmod(ties).failed == 0


# ---- ties: a Chinese name and an English one -----------------------------------------------------------


def test_a_chinese_name_read_in_pinyin_as_an_english_name_is_that_organisation():
    text = document("博尔特科技发布了新机器人，博尔特科技很高兴。", "Bolt Robotics shipped a new robot and is glad.")
    # 博尔特 reads "boerte", not "bolt": no tie by pinyin; the sentences share no anchors: no tie at all
    assert found(text).empty
    text = document("艾克米智能发布了 Zing 3 模型，艾克米智能很高兴。", "Acme shipped Zing 3 and is glad.")
    # 艾克米 reads "aikemi", not "acme": the two sentences share Zing and 3, so the sentence rule ties them
    tied = found(text)
    assert tied["surface"].tolist() == ["艾克米智能", "艾克米智能"]
    assert set(tied["org"]) == {"acme"} and set(tied["evidence"]) == {"tied_sentence:Acme"}


def test_pinyin_ties_a_name_the_english_spells_out():
    gazetteer = normalise_gazetteer(pd.DataFrame([{"entity": "mingyue", "name_en": "Mingyue", "type": "lab"}]))
    gazetteer = gazetteer.assign(org=["mingyue"])
    text = document("明月智能今天发布了新模型，大家都很关注。", "Mingyue released a model today, to wide interest.")
    mentions = extract(text, gazetteer=gazetteer).mentions
    tied = mentions[mentions["evidence"] != ""]
    assert tied["surface"].tolist() == ["明月智能"] and tied["evidence"].tolist() == ["tied_pinyin:Mingyue"]
    assert tied["entity"].tolist() == ["mingyue"] and tied["type"].tolist() == ["lab"]


@pytest.mark.parametrize("pair", ["星尘智能（Acme）", "星尘智能 (Acme)", "Acme 星尘智能", "星尘智能/Acme"])
def test_a_chinese_name_written_beside_an_english_one_is_tied_to_it(pair):
    text = document(f"{pair}发布了新模型，大家都很关注这件事。", "Acme released a model, to wide interest.")
    tied = found(text)
    assert tied["surface"].tolist() == ["星尘智能"] and tied["evidence"].tolist() == ["tied_paired:Acme"]
    start = text.index("星尘智能")
    assert (tied["start"].iloc[0], tied["end"].iloc[0]) == (start, start + 4)


def test_a_discovered_english_name_takes_its_chinese_name_too():
    text = document("星尘智能发布了 Zorb 4 模型，在 MMLU 上得分 80。", "Stardust Labs released Zorb 4, scoring 80 on MMLU.")
    tied = found(text)
    chinese = tied[tied["surface"] == "星尘智能"]
    assert chinese["evidence"].tolist() == ["tied_sentence:Stardust Labs"]
    assert chinese["type"].tolist() == [DISCOVERED] and chinese["org"].tolist() == ["Stardust Labs"]


@pytest.mark.parametrize(
    "zh, en",
    [
        # generic words before a suffix: 人工智能, 这家公司, 很多团队, a place's university
        ("人工智能发布了 Zing 3 模型，得分 80。", "Acme released Zing 3, scoring 80."),
        ("这家公司发布了 Zing 3 模型，得分 80。", "Acme released Zing 3, scoring 80."),
        ("很多团队发布了 Zing 3 模型，得分 80。", "Acme released Zing 3, scoring 80."),
        ("巴黎大学发布了 Zing 3 模型，得分 80。", "Acme released Zing 3, scoring 80."),
        # the Chinese sentence names the organisation already: the Chinese name is another one
        ("Acme 和星尘智能发布了 Zing 3 模型，得分 80。", "Acme released Zing 3, scoring 80."),
        # one shared anchor is chance, not a translation
        ("星尘智能发布了 Zing 模型，大家都很关注。", "Acme released Zing to wide interest."),
        # a person is no organisation to tie to
        ("星尘智能发布了 Zorb 3 模型，得分 80。", "Ada Lovelace released Zorb 3, scoring 80."),
    ],
)
def test_false_friends_are_not_tied(zh, en):
    assert not found(document(zh, en))["evidence"].str.startswith("tied").any()


def test_a_chinese_name_two_english_names_claim_equally_is_tied_to_neither():
    text = document("Acme 星尘智能（Bolt Robotics）合作，大家都很关注。", "Acme and Bolt Robotics work together.")
    assert not found(text)["evidence"].str.startswith("tied").any()


def test_the_head_before_a_suffix_stops_at_a_function_word():
    tokens = [("我们", 0, 2), ("和", 2, 3), ("星", 3, 4), ("尘", 4, 5), ("智能", 5, 7)]
    assert ties._head_before(tokens, 4, ties.load_zh_stoplist()) == ("星尘", 3)


# ---- made_by: a model-like name counted under the maker the text names --------------------------------


@pytest.mark.parametrize(
    "zh, en",
    [
        ("Acme 推出的 Zorb-7B 很强，大家都很关注这个消息。", "Zorb-7B, developed by Acme, is strong and everyone is watching."),
        ("Acme 的 Zorb-7B 很强，大家都很关注这个消息。", "Acme's Zorb-7B is strong, and everyone is watching."),
        ("Zorb-7B 由 Acme 开发，大家都很关注这个消息。", "Acme released Zorb-7B today, and everyone is watching."),
        ("大家都很关注 ZorbChat 这个产品的消息。", "ZorbChat was built by Acme, and everyone is watching."),
        ("大家都很关注 Zorb-7B 这个消息，效果很好。", "Acme trained Zorb-7B on public data, and everyone is watching."),
    ],
)
def test_a_model_the_text_ties_to_its_maker_counts_for_that_maker(zh, en):
    text = document(zh, en)
    made = found(text)
    made = made[made["evidence"].str.startswith(EVIDENCE_MADE_BY)]
    word = "ZorbChat" if "ZorbChat" in zh else "Zorb-7B"
    assert made["surface"].tolist() == [word, word]
    assert set(made["org"]) == {"acme"} and set(made["type"]) == {"model"}
    assert set(made["evidence"]) == {f"{EVIDENCE_MADE_BY}:Acme"}


@pytest.mark.parametrize(
    "zh, en",
    [
        # the "maker" is a person, a model or a place
        ("Ada Lovelace 的 Zorb-7B 很强，大家都很关注。", "Ada Lovelace's Zorb-7B is strong, everyone is watching."),
        ("Zing 的 Zorb-7B 插件很强，大家都很关注。", "Zing's Zorb-7B plugin is strong, everyone is watching."),
        ("Paris 的 Zorb-7B 很强，大家都很关注。", "Paris's Zorb-7B is strong, everyone is watching."),
        # named in one version only
        ("大家都很关注这个消息，效果很好。", "Acme's Zorb-7B is strong, everyone is watching."),
        # two makers: the text does not say whose it is
        ("Acme 的 Zorb-7B 很强，大家都很关注。", "Bolt Robotics released Zorb-7B, everyone is watching."),
        # an ordinary word or a benchmark acronym after a maker
        ("Acme 的 MMLU 成绩很好，大家都很关注。", "Acme's MMLU score is strong, everyone is watching."),
        ("Acme 的 Research 很强，大家都很关注。", "Acme's Research is strong, everyone is watching."),
    ],
)
def test_false_friends_are_not_counted_under_a_maker(zh, en):
    made = found(document(zh, en))
    assert not made["evidence"].str.startswith(EVIDENCE_MADE_BY).any()


# ---- issue 12, discovery documents: bracketed transliterations, descriptions, two names in a sentence ----


def test_a_transliteration_before_a_bracketed_english_name_is_tied_to_it():
    text = document("另外，赞塔罗（Zentaro）这家公司在欧洲做生意。赞塔罗很大。",
                    "In Europe, the company Zentaro runs the same business. Zentaro is big.")
    tied = found(text)
    zh = tied[tied["surface"] == "赞塔罗"]
    assert len(zh) == 2 and set(zh["evidence"]) == {"tied_paired:Zentaro"} and set(zh["org"]) == {"Zentaro"}


def test_a_long_run_of_han_before_a_bracket_is_no_transliteration():
    text = document("我们今天见到了赞塔罗（Zentaro）。", "We met the company Zentaro today.")
    assert set(found(text)["surface"]) == {"Zentaro"}


def test_a_dictionary_word_or_a_model_before_a_bracket_is_no_transliteration():
    text = document("我们发布了新模型：开源社区（Zentaro）很热闹。开源社区很好。",
                    "The company Zentaro has a lively open community.")
    assert "开源社区" not in set(found(text)["surface"])
    text = document("另外，艾克米的模型（Zing）很强。", "Acme built the model Zing.")
    assert found(text).empty  # Zing is Acme's model: the word before it describes the model


def test_a_generic_suffix_before_a_latin_name_describes_it_and_is_no_name():
    text = document("芯片设计公司 Ketterly Inc. 宣布收购。", "Chip design company Ketterly Inc. is acquiring a lab.")
    assert set(found(text)["surface"]) == {"Ketterly Inc."}


def test_a_sentence_with_two_chinese_names_ties_neither_by_the_sentence_rule():
    text = document("Zorbly Labs 与海川大学共建多模态实验室，投入 30 亿。",
                    "Zorbly Labs and Haichuan University set up a multimodal lab with 30 billion.")
    surfaces = set(found(text)["surface"])
    assert "模态实验室" not in surfaces and "多模态实验室" not in surfaces


def test_a_character_taken_in_before_a_known_chinese_name_is_left_out():
    text = document("Halvard Robotics 获晶曜科技投资。晶曜科技很大。",
                    "Halvard Robotics gets money from Jingyao Technology. Jingyao Technology is big.")
    tied = found(text)
    zh = tied[tied["evidence"].str.startswith("tied_")]
    assert set(zh["surface"]) == {"晶曜科技"} and set(zh["org"]) == {"Jingyao Technology"}


def test_a_model_the_author_introduces_in_the_first_person_is_the_authors():
    text = document("今天，我们发布 Zorb-7B。Zorb-7B 很强。Quuxo AI 团队写了这篇文章。",
                    "Introducing Zorb-7B\nPosted by the Quuxo AI team\nToday we are releasing Zorb-7B. Zorb-7B is strong.")
    tied = found(text)
    zorb = tied[tied["surface"] == "Zorb-7B"]
    assert len(zorb) == 5 and set(zorb["org"]) == {"Quuxo AI"} and set(zorb["evidence"]) == {f"{EVIDENCE_MADE_BY}:Quuxo AI"}


@pytest.mark.parametrize("en", [
    # no author line: "we" alone names no one
    "Today we are releasing Zorb-7B. Zorb-7B is strong. Quuxo AI wrote it.",
    # an author line, but the model is someone else's, named without the first person
    "Posted by the Quuxo AI team\nWe tested Zorb-7B. Zorb-7B is strong.",
    # a person's byline is no organisation's
    "By Ann Lee\nToday we are releasing Zorb-7B. Quuxo AI helped.",
])
def test_first_person_alone_or_a_model_the_author_only_uses_is_not_the_authors(en):
    text = document("我们测试了 Zorb-7B。Quuxo AI 团队很强。", en)
    assert not (found(text)["surface"] == "Zorb-7B").any()


# ---- transliterated and translated names (names the Chinese does not write in Latin letters) -------------


@pytest.mark.parametrize("han, word, expected", [
    ("科瓦兰", "Korvalan", True),      # 科 co/ko, the r left unwritten, 瓦 va, 兰 lan
    ("泰斯莫尔", "Tessmore", True),
    ("维尔莫拉", "Velmora", True),
    ("科凡", "Corvane", True),         # a silent final e is free
    ("科瓦兰", "Tessmore", False),
    ("泰斯", "Tessmore", False),       # letters left over
    ("据泰斯莫尔", "Tessmore", False),  # a character that transliterates nothing
    ("科", "Korvalan", False),         # one character is no name
    ("瓦兰", "Korvalan", False),       # the first letter is never skipped
])
def test_a_transliteration_is_read_back_character_by_character(han, word, expected):
    assert ties.transliterates(han, word) is expected


def test_every_character_of_the_transliteration_table_reads_as_latin_letters():
    table = ties.load_transliteration()
    assert len(table) > 100 and all(groups and all(g.isascii() and g.isalpha() for g in groups) for groups in table.values())
    assert all(english == () or all(" " not in w or w.istitle() for w in english)
               for english, _ in ties.load_zh_org_words().values())


WIRE = document(
    "科瓦兰能源周三表示，新工厂将于 2027 年投产。莉娜·瓦尔加说，科瓦兰能源不缺钱。瓦尔加表示，暂无融资计划。",
    "Korvalan Energy said on Wednesday the new plant would open in 2027. Lena Varga said the company had money. "
    "Varga said there were no plans to raise funds.")


def test_a_transliterated_chinese_name_is_tied_to_the_english_organisation_it_spells():
    tied = found(WIRE)
    chinese = tied[tied["surface"].str.contains("科瓦兰")]
    assert chinese["surface"].tolist() == ["科瓦兰能源", "科瓦兰能源"]
    assert set(chinese["evidence"]) == {"tied_transliterated:Korvalan Energy"} and set(chinese["org"]) == {"Korvalan Energy"}
    # a person's transliterated name has no organisation word: 瓦尔加 spells Varga, and is nobody's mention
    assert not tied["surface"].str.contains("瓦尔加|Varga").any()


def test_a_transliteration_whose_organisation_word_renders_another_name_word_is_not_tied():
    text = document("科瓦兰科技周三表示，新工厂将于明年投产。", "Korvalan Energy said on Wednesday the new plant would open next year.")
    assert not found(text)["surface"].str.contains("科瓦兰").any()  # 科技 renders Technology, not Energy


def test_a_chinese_name_two_english_names_could_be_is_tied_to_neither():
    text = document("泰斯莫尔集团周三表示，新工厂将于明年投产。",
                    "Tessmore Group said the plant would open. Tesmor Group said it would not.")
    assert not found(text)["surface"].str.contains("泰斯莫尔").any()


TRANSLATED = document(
    "明川研究院今天发布了新的数据集。该项目由青石资本资助。感谢所有参与者。",
    "The Brightriver Institute released a new dataset today. The project was funded by Bluestone Capital. "
    "We thank everyone who took part.")


def test_a_translated_chinese_name_is_tied_to_the_one_english_organisation_its_word_renders():
    tied = found(TRANSLATED)
    pairs = dict(zip(tied["surface"], tied["evidence"]))
    assert pairs["明川研究院"] == "tied_translated:Brightriver Institute"
    assert pairs["青石资本"] == "tied_translated:Bluestone Capital"


def test_a_translated_name_needs_its_partner_at_about_the_same_place():
    text = document(
        "明川研究院今天发布了新的数据集。" + "这是一段很长的评论，与任何机构都无关。" * 8,
        "A long introduction that names nobody at all. " * 8 + "The Brightriver Institute released a dataset.")
    # not tied: the Chinese name stands alone, a coined name only the Chinese writes (discover's chinese_only)
    assert set(found(text)["evidence"]) == {"chinese_only", "org_suffix"}


def test_two_chinese_names_one_english_word_could_render_are_tied_to_neither():
    text = document("明川研究院和云峰研究院今天发布了新的数据集。", "The Brightriver Institute released a new dataset today.")
    assert not found(text)["evidence"].str.startswith("tied_translated").any()


def test_a_function_character_the_dictionary_glues_to_a_heads_front_is_left_out():
    tokens = [("工作", 0, 2), ("由云杉", 2, 5), ("实验室", 5, 8)]
    assert ties._head_before(tokens, 2, ties.load_zh_stoplist()) == ("云杉", 3)


def test_a_non_initial_x_is_transliterated_as_ks():
    # bilingual review round 12: 赫利克斯 was not read as Helix
    from helpers.tables.ties import transliterates
    assert transliterates("赫利克斯", "Helix")


def test_a_chinese_name_ending_in_a_latin_ai_is_tied_to_the_english_one():
    # bilingual review round 14: 北极光AI was never tied to Northlight AI (a Latin 'AI' ends no Chinese name)
    from helpers.pipeline import run
    mentions = run("北极光AI发布了新模型。北极光AI的创始人说，这个模型很快。\n\n"
                   "Northlight AI released a new model. The founder of Northlight AI said the model is fast.\n").tables.mentions
    assert set(mentions.loc[mentions["lang"] == "zh", "entity"]) == {"northlight ai"}


def test_a_calque_before_its_english_in_brackets_is_tied():
    # bilingual review round 14: 光环研究（Halcyon Research） was never tied, its words being the dictionary's
    from helpers.pipeline import run
    text = ("光环研究（Halcyon Research）发布了报告。光环研究称模型有风险。\n\n"
            "Halcyon Research published a report. Halcyon Research said the model is risky.\n")
    mentions = run(text).tables.mentions
    assert (mentions["surface"] == "光环研究").sum() == 2 and set(mentions["org"]) == {"Halcyon Research"}


def test_a_function_character_before_a_bracketed_name_is_no_part_of_it():
    # bilingual review round 15: 据卢莫拉（Lumora AI）官方新闻稿 tied '据卢莫拉', and the eight other 卢莫拉 went uncounted
    from helpers.pipeline import run
    text = ("据卢莫拉（Lumora AI）官方新闻稿，卢莫拉的模型更快。卢莫拉还表示会开源。\n\n"
            "Lumora AI released a new model. Lumora AI said the model is faster and will be open.\n")
    mentions = run(text).tables.mentions
    assert (mentions["surface"] == "卢莫拉").sum() == 3 and "据卢莫拉" not in set(mentions["surface"])


def test_an_organisation_word_followed_by_a_nearer_one_ends_no_name():
    # bilingual review round 16: 联合AI安全研究所 ('with the AI Security Institute') tied 联合AI to Mistral AI
    from helpers.pipeline import run
    text = ("英国科学部联合AI安全研究所发布报告。报告由多方完成。\n\n"
            "The department and the AI Security Institute published a report. Mistral AI was not involved.\n")
    mentions = run(text).tables.mentions
    assert "联合AI" not in set(mentions["surface"])


def test_a_calque_whose_first_character_is_stoplisted_keeps_it_and_its_head_alone_is_tied():
    # bilingual review round 20 (a commentary on two articles about one lab): 子 is stoplisted (子公司 'subsidiary'), so
    # 子午线实验室（Meridian Labs） was tied as 午线实验室, and 子午线 'meridian' alone, a word of the dictionary, not at all
    text = document("总部位于西雅图的子午线实验室（Meridian Labs）发布了新模型。子午线实验室称成本很低。子午线的说法对不上。",
                    "Meridian Labs, based in Seattle, released a new model. Meridian says costs were low. "
                    "Meridian's numbers do not add up.")
    zh = found(text)
    zh = zh[zh["lang"] == "zh"]
    assert set(zh["surface"]) == {"子午线实验室", "子午线", "Meridian Labs"}
    assert set(zh["org"]) == {"Meridian Labs"} and (zh["surface"] == "子午线").sum() == 1


def test_a_calque_written_once_after_a_function_word_is_tied_to_its_bracketed_english_name():
    # bilingual review round 20: 由红隼资本（Kestrel Capital）领投 was a Chinese-only organisation, 'named only in the Chinese'
    text = document("星港在6月完成了由红隼资本（Kestrel Capital）领投的融资。",
                    "Xinggang closed a round in June led by Kestrel Capital.")
    zh = found(text)
    row = zh[zh["surface"] == "红隼资本"]
    assert len(row) == 1 and row["org"].iloc[0] == "Kestrel Capital"
    assert not (zh["surface"] == "由红隼资本").any()


def test_a_glued_function_character_is_still_left_out_of_a_name_written_once():
    assert ties._glued("由云杉", "由云杉实验室发布了新模型。") and not ties._glued("子午线", "子午线实验室发布。子午线称。")


def test_a_chinese_name_beside_both_a_discovered_lab_and_its_model_is_tied_to_the_lab():
    # bilingual review round 20: 子午线实验室Aster-3 in the title paired the Chinese name with Aster-3 (counted for Meridian
    # Labs under a second identity) as well as with Meridian Labs, and two partners tie it to neither
    text = document("关于子午线实验室Aster-3的两篇报道\n\n总部位于西雅图的子午线实验室（Meridian Labs）发布了Aster-3。子午线实验室称成本很低。",
                    "Meridian's Aster-3\n\nMeridian Labs, based in Seattle, released Aster-3. Meridian says costs were low.")
    zh = found(text)
    rows = zh[zh["surface"] == "子午线实验室"]
    assert len(rows) == 3 and set(rows["org"]) == {"Meridian Labs"}



def test_a_bracketed_name_every_place_of_which_is_held_by_another_mention_is_no_name():
    # bilingual review round 21: 生命未来研究所（Future of Life Institute）held by another mention left the calque with no
    # place, and tying it read its first place: the report crashed (IndexError)
    text = "此前，生命未来研究所（Future of Life Institute）发起公开信。"
    at = text.index("Future")
    english = {("fli", "Future of Life Institute", "lab"): [(at, at + 24, "Future of Life Institute", "zh", True)]}
    covered = bytearray(len(text))
    covered[3:10] = b"\x01" * 7
    assert ties.bracketed_names(text, [(0, len(text))], english, covered, frozenset("此前，"), frozenset()) == {}
