"""Framing shifts: small hand-built claims, alignments and mentions in, expected tables out; then the seed."""

import re
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings, strategies as st

from helpers.align import align_claims
from helpers.framing import shifts as F
from helpers.columns import ALIGNMENT_COLUMNS, CONTENT_KINDS


def make_claims(rows):
    """Claims table from (claim_id, part, kind, section, text, voice, hedges, boosters) tuples."""
    claims = pd.DataFrame(rows, columns=["claim_id", "part", "kind", "section", "text", "voice", "hedges", "boosters"])
    claims["start"] = claims["text"].str.len().cumsum().shift(fill_value=0)
    claims["end"] = claims["start"] + claims["text"].str.len()
    return claims


def make_alignment(rows):
    """Alignment table from (zh_claim_id, en_claim_id, score, relation) tuples, None for <NA>."""
    frame = pd.DataFrame(rows, columns=ALIGNMENT_COLUMNS)
    for column in ("zh_claim_id", "en_claim_id"):
        frame[column] = pd.array(frame[column], dtype="Int64")
    return frame


def make_mentions(rows):
    """Mentions from (claim_id, surface, entity, org, type, part) tuples."""
    mentions = pd.DataFrame(rows, columns=["claim_id", "surface", "entity", "org", "type", "part"])
    mentions["start"] = range(len(mentions))
    return mentions


# English original: section 0 (intro, 2 claims), section 1 (heading + 2 claims).
# Chinese commentary: 5 claims.
CLAIMS = make_claims([
    (1, "commentary", "paragraph", 0, "作者认为,芯片供应可能受限。", "reported", "可能", ""),
    (2, "commentary", "paragraph", 0, "中国实验室必然缺国产芯片。", "commentator", "", "必然"),
    (3, "commentary", "paragraph", 0, "说白了,这还是市场的逻辑。", "commentator", "", ""),
    (4, "commentary", "paragraph", 0, "华为和寒武纪在推理上表现不错。", "commentator", "", ""),
    (5, "commentary", "list_item", 0, "1.他说政府确实在帮忙", "reported", "", "确实"),
    (10, "original", "paragraph", 0, "I took a train.", "first_person", "", ""),
    (11, "original", "paragraph", 0, "The market is clearly huge.", "plain", "", "clearly"),
    (12, "original", "heading", 1, "Chips", "plain", "", ""),
    (13, "original", "paragraph", 1, "Labs like Acme use Huawei and Cambricon chips.", "plain", "", ""),
    (14, "original", "paragraph", 1, "A source told me the government might help.", "reported", "might", ""),
    (20, "noncontent", "boilerplate", 0, "Subscribe", "", "", ""),
])

MENTIONS = make_mentions([
    (4, "华为", "huawei", "huawei", "chip_maker", "commentary"),
    (4, "寒武纪", "cambricon", "cambricon", "chip_maker", "commentary"),
    (2, "中国", "china", "", "place", "commentary"),
    (5, "某实验室", "somelab", "somelab", "lab", "commentary"),       # named only in the Chinese
    (13, "Acme", "acme", "acme", "lab", "original"),
    (13, "Huawei", "huawei", "huawei", "chip_maker", "original"),
    (13, "Cambricon", "cambricon", "cambricon", "chip_maker", "original"),
])

ALIGNMENT = make_alignment([
    (1, 11, 0.5, "summarises"),     # zh hedged (可能), en boosted (clearly): softened
    (2, 13, 0.4, "summarises"),     # zh boosted, names no chip maker, says 国产芯片: sharpened, generalised
    (3, None, 0.0, "addition"),     # the commentator's aside
    (4, 13, 0.3, "summarises"),     # zh names what en names: no generalisation
    (5, 14, 0.6, "summarises"),     # en reported (someone told the author), zh reported: reattributed
    (None, 10, 0.0, "omission"),
    (None, 12, 0.0, "omission"),
])

LEXICON = pd.DataFrame(
    [
        ("economic", "en", "market", "word", ""),
        ("economic", "zh", "市场", "substring", ""),
        ("technology", "en", "chip*", "word", ""),
        ("technology", "zh", "芯片", "substring", ""),
        ("capacity_and_resources", "zh", "受限", "substring", ""),
        ("capacity_and_resources", "en", "open source", "word", ""),
        ("health_and_safety", "zh", "安全", "substring", ""),
        ("security_and_defense", "zh", "国家安全", "substring", ""),
    ],
    columns=F.LEXICON_COLUMNS,
)


# ---- vocabularies -------------------------------------------------------------------------------

def test_shipped_vocabularies_load_and_cover_every_frame():
    frames = F.load_frames()
    frames = frames[~frames["frame"].str.startswith("not_")]  # look-alike rows (open-ended is no openness) are no frame
    expected = {
        "economic", "capacity_and_resources", "morality", "fairness_and_equality", "legality",
        "policy_prescription", "crime_and_punishment", "security_and_defense", "health_and_safety",
        "quality_of_life", "cultural_identity", "public_opinion", "political",
        "external_regulation_and_reputation", "talent", "openness", "technology",
    }
    assert set(frames["frame"]) == expected
    assert set(frames.groupby("frame")["lang"].nunique()) == {2}  # every frame has cues in both languages
    categories = F.load_categories()
    assert {"国产芯片", "大公司", "大厂", "中国实验室", "domestic chips", "Chinese labs"} <= set(categories["cue"])


def test_vocabulary_rejects_duplicate_cues(tmp_path):
    path = tmp_path / "frames.csv"
    path.write_text("# a row is a cue\nframe,lang,cue,match,note\neconomic,en,market,word,\ntechnology,en,Market,word,\n",
                    encoding="utf-8")
    with pytest.raises(ValueError, match="listed twice"):
        F.load_frames(path)


def test_vocabulary_rejects_english_token_match(tmp_path):
    path = tmp_path / "frames.csv"
    path.write_text("frame,lang,cue,match,note\neconomic,en,market,token,\n", encoding="utf-8")
    with pytest.raises(ValueError, match="token"):
        F.load_frames(path)


# ---- frames ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, expected",
    [
        ("The market for chips", [("economic", "market"), ("technology", "chips")]),
        ("Chipmakers and the supermarket", [("technology", "Chipmakers")]),   # whole words; * extends only
        ("an open-source model", [("capacity_and_resources", "open-source")]),  # a space matches a hyphen
        ("国家安全和安全", [("security_and_defense", "国家安全"), ("health_and_safety", "安全")]),  # longest wins
        ("市场可能受限", [("economic", "市场"), ("capacity_and_resources", "受限")]),
        ("Nothing here.", []),
    ],
)
def test_tag_frames(text, expected):
    claims = pd.DataFrame({"claim_id": [7], "start": [100], "text": [text]})
    tags = F.tag_frames(claims, lexicon=LEXICON)
    assert list(tags.columns) == F.TAG_COLUMNS
    assert list(zip(tags["frame"], tags["cue"])) == expected
    assert all(text[a - 100:b - 100] == cue for cue, a, b in zip(tags["cue"], tags["start"], tags["end"]))


def test_frame_mix_weights_by_length_and_by_count():
    claims = make_claims([
        (1, "commentary", "paragraph", 0, "市场", "commentator", "", ""),            # 2 chars, economic
        (2, "commentary", "paragraph", 0, "芯片芯片芯片芯片", "commentator", "", ""),  # 8 chars, technology
        (3, "commentary", "paragraph", 0, "市场与芯片", "commentator", "", ""),      # 5 chars, both: split 2.5/2.5
        (4, "commentary", "paragraph", 0, "其他", "commentator", "", ""),            # 2 chars, no frame
        (5, "original", "paragraph", 0, "The market.", "plain", "", ""),
    ])
    tags = F.tag_frames(claims, lexicon=LEXICON)
    mix = F.frame_mix(claims, tags)
    zh = mix[mix["part"] == "commentary"].set_index("frame")
    assert zh.loc["technology", "weight_chars"] == pytest.approx(10.5)
    assert zh.loc["economic", "weight_chars"] == pytest.approx(4.5)
    assert zh.loc["", "weight_chars"] == pytest.approx(2)
    assert zh.loc["technology", "share_chars"] == pytest.approx(10.5 / 17)
    assert zh.loc["economic", "share_claims"] == pytest.approx(1.5 / 4)
    assert zh.loc["technology", "claims"] == 2
    assert mix.groupby("part")[["share_chars", "share_claims"]].sum().to_numpy() == pytest.approx(1)
    assert mix.set_index(["part", "frame"]).loc[("original", "economic"), "share_chars"] == pytest.approx(1)


def test_dominant_frame_prefers_most_cues_then_first():
    tags = pd.DataFrame(
        [(1, "a", "x", 0, 1), (1, "b", "y", 2, 3), (1, "b", "y", 4, 5), (2, "c", "z", 9, 10), (2, "d", "w", 0, 1)],
        columns=F.TAG_COLUMNS,
    )
    assert F.dominant_frames(tags).to_dict() == {1: "b", 2: "d"}


# ---- coverage, additions, omissions ---------------------------------------------------------------

def test_section_coverage_counts_and_shares():
    coverage = F.section_coverage(ALIGNMENT, CLAIMS).set_index("section")
    assert list(coverage.index) == [0, 1]
    assert coverage.loc[0, "heading"] == "" and coverage.loc[1, "heading"] == "Chips"
    assert coverage.loc[0, ["claims", "carried_claims"]].tolist() == [2, 1]
    assert coverage.loc[1, ["claims", "carried_claims"]].tolist() == [3, 2]
    assert coverage.loc[0, "share_claims"] == pytest.approx(0.5)
    en = CLAIMS[CLAIMS["part"] == "original"].set_index("claim_id")["text"].str.len()
    assert coverage.loc[1, "carried_chars"] == en[13] + en[14]
    assert coverage.loc[1, "share_chars"] == pytest.approx((en[13] + en[14]) / (en[12] + en[13] + en[14]))
    assert coverage["chars"].sum() == en.sum()
    assert coverage["carried_chars"].sum() / coverage["chars"].sum() == pytest.approx(
        (en[11] + en[13] + en[14]) / en.sum())


def test_coverage_with_nothing_linked_is_zero_not_missing():
    alignment = make_alignment([(1, None, 0.0, "addition"), (None, 11, 0.0, "omission")])
    coverage = F.section_coverage(alignment, CLAIMS)
    assert coverage["carried_claims"].tolist() == [0, 0]
    assert coverage["share_chars"].tolist() == [0.0, 0.0]


def test_additions_asides_and_entities_only_in_zh():
    table = F.additions(ALIGNMENT, CLAIMS, MENTIONS, level="entity")
    assert list(table.columns) == F.ADDITION_COLUMNS
    aside = table[table["addition"] == "aside"]
    assert aside[["zh_claim_id", "voice"]].values.tolist() == [[3, "commentator"]]
    only = table[table["addition"] == "entity_only_in_zh"]
    assert only["entity"].tolist() == ["china", "somelab"]   # huawei and cambricon are named in English too
    assert only.set_index("entity").loc["somelab", "zh_claim_id"] == 5
    by_org = F.entities_only_in_zh(CLAIMS, MENTIONS, level="org")
    assert by_org["entity"].tolist() == ["somelab"]          # places have no org


def test_a_name_the_englishs_furniture_holds_is_not_named_only_in_the_chinese():
    # bilingual review round 10: a paper digest listed arXiv (the English's stamp) and the site's own masthead name
    # among the names only the Chinese gives
    mentions = MENTIONS.copy()
    somelab = mentions[mentions["entity"] == "somelab"].iloc[[0]].assign(part="noncontent", claim_id=0)
    by_org = F.entities_only_in_zh(CLAIMS, pd.concat([mentions, somelab], ignore_index=True), level="org")
    assert by_org.empty
    # but the Chinese post's closing furniture ('相关阅读：《…》' below its sentences) is no English naming it (round 18)
    closing = somelab.assign(lang="zh", claim_id=99)
    by_org = F.entities_only_in_zh(CLAIMS, pd.concat([mentions, closing], ignore_index=True), level="org")
    assert by_org["entity"].tolist() == ["somelab"]


def test_omissions_group_by_section_and_topic():
    tags = F.tag_frames(CLAIMS, lexicon=LEXICON)
    table = F.omissions(ALIGNMENT, CLAIMS, tags)
    assert list(table.columns) == F.OMISSION_COLUMNS
    assert table[["section", "topic", "claims"]].values.tolist() == [[0, "", 1], [1, "technology", 1]]
    assert table["chars"].tolist() == [len("I took a train."), len("Chips")]
    coverage = F.section_coverage(ALIGNMENT, CLAIMS)
    assert table["claims"].sum() == (coverage["claims"] - coverage["carried_claims"]).sum()
    by_topic = F.omissions(ALIGNMENT, CLAIMS, tags, by=("topic",))
    assert list(by_topic.columns) == ["topic", "claims", "chars"]
    with pytest.raises(ValueError):
        F.omissions(ALIGNMENT, CLAIMS, tags, by=("frame",))


# ---- shifts -----------------------------------------------------------------------------------

def test_certainty_softened_sharpened_unchanged():
    shifts = F.certainty_shift(ALIGNMENT, CLAIMS).set_index("zh_claim_id")
    assert shifts.loc[1, "certainty_shift"] == "softened"     # 可能 against clearly
    assert shifts.loc[1, ["zh_certainty", "en_certainty"]].tolist() == [-1.0, 1.0]  # "clearly" dropped from a close rendering
    without = F.certainty_shift(ALIGNMENT, CLAIMS, dropped=False).set_index("zh_claim_id")
    assert without.loc[1, ["zh_certainty", "en_certainty"]].tolist() == [-1.0, 0.0]
    assert shifts.loc[2, "certainty_shift"] == "sharpened"    # 必然 against nothing
    assert shifts.loc[4, "certainty_shift"] == "unchanged"
    assert 3 not in shifts.index                               # an aside has no link


def test_certainty_compares_like_with_like_over_the_linked_group():
    # a hedge translated by a hedge is unchanged, however many English sentences the link spans (compared over the
    # whole group: drawn_share 0)
    alignment = make_alignment([(1, 13, 0.5, "one-to-many"), (1, 14, 0.5, "one-to-many")])
    shifts = F.certainty_shift(alignment, CLAIMS, margin=0.25, drawn_share=0)
    assert shifts["en_claim_ids"].tolist() == ["13|14"]
    assert shifts[["zh_certainty", "en_certainty"]].values.tolist() == [[0.0, 0.0]]  # each hedge renders the other
    assert shifts["certainty_shift"].tolist() == ["unchanged"]
    # by default, with the sentence the Chinese draws on: 芯片供应可能受限 meets the chips of 13, not the government
    # that might help in 14, so 14's hedge renders nothing
    assert F.certainty_shift(alignment, CLAIMS, margin=0.25)["certainty_shift"].tolist() == ["softened"]
    # an English booster the plain Chinese lacks counts (dropped, on by default) only where the Chinese renders that
    # one English sentence closely: one to one, and not compressed under close_ratio of its weight (a summary drops
    # "obviously" with the rest of a clause); margin 1 needs a hedge for it as well; unknown, so unchanged, where the
    # Chinese renders one of several English sentences or shares its English with another Chinese sentence
    one = make_alignment([(3, 11, 0.5, "summarises")])
    assert F.certainty_shift(one, CLAIMS)["certainty_shift"].tolist() == ["softened"]
    assert F.certainty_shift(one, CLAIMS, dropped=False)["certainty_shift"].tolist() == ["unchanged"]
    assert F.certainty_shift(one, CLAIMS, margin=1)["certainty_shift"].tolist() == ["unchanged"]
    assert F.certainty_shift(one, CLAIMS, close_ratio=2.0)["certainty_shift"].tolist() == ["unchanged"]
    several = make_alignment([(3, 11, 0.5, "one-to-many"), (3, 13, 0.5, "one-to-many")])
    assert F.certainty_shift(several, CLAIMS)["certainty_shift"].tolist() == ["unchanged"]
    shared = make_alignment([(3, 11, 0.5, "summarises"), (4, 11, 0.5, "summarises")])
    assert F.certainty_shift(shared, CLAIMS)["certainty_shift"].tolist() == ["unchanged", "unchanged"]


@pytest.mark.parametrize("zh, en, expected", [
    ("在一定程度上避免了这个问题。", "It avoids the problem.", "softened"),           # one hedge, no booster
    ("这不一定是对的。", "This is not necessarily right.", "unchanged"),             # negated, like for like
    ("模型于 2024 年 5 月发布。", "The model was released in May 2024.", "unchanged"),  # May the month
    ("它是第二受欢迎的模型。", "It is the second-most-popular model.", "unchanged"),    # most in a compound
    ("你可以用 GPU 或者 CPU。", "You can use a GPU or a CPU.", "unchanged"),            # 或者 is "or"
    ("这可能有效。", "This may work.", "unchanged"),                               # a hedge for a hedge
    ("这肯定有效。", "This may work.", "sharpened"),
    ("这可能有效。", "This clearly works.", "softened"),
    ("这个过程可能相当复杂。", "The process can be quite complex.", "unchanged"),  # a modal renders the hedge
    ("评测结果会有差异。", "The results may differ.", "unchanged"),               # may rendered by 会
    ("这个结果会有差异。", "The results are different.", "unchanged"),            # 会 alone is no hedge
    ("很多开发者都在用它。", "Most developers use it.", "softened"),               # down the quantity scale
    ("大多数研究者难以获得它。", "It is out of reach for many students.", "sharpened"),  # up the scale
    ("一些开发者在用它。", "Some developers use it.", "unchanged"),                # the same step
    ("这是最受欢迎的模型。", "It is the most popular model.", "unchanged"),         # a superlative, not a share
    ("我们研究了模型的不确定性。", "We study the model's uncertainty.", "unchanged"),  # a noun, not a hedge
    ("你可以使用这个模型。", "You may use this model.", "unchanged"),               # permission, not a hedge
    ("两者不完全一样。", "The two are the same.", "softened"),                    # a negated booster is a hedge
    ("两者完全一样。", "The two are the same.", "unchanged"),                 # 完全 is weak: shown, not weighed
    ("大幅提升了能力。", "Significantly improved the capabilities.", "unchanged"),  # a weak booster renders
    ("提升了能力。", "Significantly improved the capabilities.", "unchanged"),      # ... and does not weigh
    ("这与预训练截然不同。", "It is different from pre-training.", "sharpened"),
    ("该流程复刻了论文中的三个训练步骤。", "The tool primarily copies the three steps of the method.",
     "sharpened"),                                                              # a translation drops the hedge
    ("该流程主要复刻了论文中的三个训练步骤。", "The tool primarily copies the three steps of the method.",
     "unchanged"),                                                              # 主要 renders it
    ("这种多样性有助于后续的训练。", "This variety is expected to help the later training.", "sharpened"),
    ("这种多样性预计有助于后续的训练。", "This variety is expected to help the later training.", "unchanged"),
    ("这不一定对。", "This may not be right.", "unchanged"),                       # 不一定 renders "may not"
    ("大约需要两小时。", "It takes two hours.", "unchanged"),                      # an approximation is weak
    ("需要两小时。", "It takes approximately two hours.", "unchanged"),           # ... dropped, weighs nothing
    ("我们希望这些接口能服务研究。", "These interfaces serve research.", "softened"),  # the Chinese adds a hope
    ("希望这些接口能服务研究。", "We hope these interfaces serve research.", "unchanged"),
    ("这很强。", "It is clearly a very strong and widely praised result in the field.", "unchanged"),  # compressed
    ("官员说。", "An official said the new rules may possibly apply to every exporter next year.", "unchanged"),
])
def test_certainty_cues_have_scope_and_false_friends(zh, en, expected):
    assert certainty_of(zh, en) == expected


def certainty_of(zh: str, en: str) -> str:
    """The certainty verdict of one Chinese sentence linked to one English sentence, its cues found as the claims
    table finds them (either side may be in either language: a sentence compared with itself)."""
    from helpers.tables.claims import find_cues
    from helpers.tables.entities import tokenizer_for

    def cues(text, kind):
        tokens = tokenizer_for().tokenize(text) if HAN_TEXT.search(text) else None
        return "|".join(find_cues(text, kind, tokens=tokens))

    claims = make_claims([
        (1, "commentary", "paragraph", 0, zh, "commentator", cues(zh, "hedge"), cues(zh, "booster")),
        (2, "original", "paragraph", 0, en, "plain", cues(en, "hedge"), cues(en, "booster")),
    ])
    alignment = make_alignment([(1, 2, 0.5, "summarises")])
    return F.certainty_shift(alignment, claims)["certainty_shift"].iloc[0]


HAN_TEXT = re.compile(r"[\u4e00-\u9fff]")


@pytest.mark.parametrize("zh, en, expected", [
    # adverbs of large degree weigh; their adjectives and the usual renderings only render
    ("训练速度显著提升。", "Training got faster.", "sharpened"),                      # 显著 added
    ("训练速度显著提升。", "Training speed improved significantly.", "unchanged"),    # rendered by 显著
    ("训练取得了显著进展。", "Training made significant progress.", "unchanged"),     # the adjective renders
    ("该系统能训练更大的模型。", "The system can train considerably bigger models.", "softened"),  # dropped, close
    ("该系统能训练明显更大的模型。", "The system can train considerably bigger models.", "unchanged"),
    ("训练速度提升明显。", "Training got faster.", "unchanged"),                      # 明显 alone weighs nothing
    ("训练速度大大提升。", "Training got dramatically faster.", "unchanged"),
    ("该模型在各方面都取得了长足进步。", "The model improved in these areas.", "sharpened"),
    ("它很快。", "It is by far the fastest of the models we tried over the last two years.", "unchanged"),  # compressed
    # an urgent directive is a booster
    ("我们建议读者注意这些设定。", "We urge readers to note these settings.", "softened"),
    ("我们强烈建议读者注意这些设定。", "We urge readers to note these settings.", "unchanged"),
    ("我们建议读者注意这些设定。", "We suggest that readers note these settings.", "unchanged"),
    # approximations and frequencies are shown, never weighed
    ("每一步约有 500 万个词元。", "A step holds 5M tokens.", "unchanged"),
    ("每一步有 500 万个词元左右。", "A step holds 5M tokens.", "unchanged"),
    ("一步有 500 万个词元。", "A step holds nearly 5M tokens.", "unchanged"),
    ("它通常需要两小时。", "It typically takes two hours.", "unchanged"),
    ("它需要两小时。", "It typically takes two hours.", "unchanged"),
    ("这个模型较大。", "This model is large.", "unchanged"),
    # evidential and multiword hedges
    ("据称该模型很强。", "The model is reportedly strong.", "unchanged"),
    ("据称这个新模型的能力很强。", "The new model is strong.", "softened"),
    ("在某种意义上这是对的。", "In a sense this is right.", "unchanged"),
    ("在某种意义上这是对的。", "This is right.", "softened"),
    ("这个问题被彻底解决了。", "The problem was solved.", "unchanged"),             # 彻底 like 完全: weak
    # false friends and scope
    ("该模型在一定程度上可以避免这个问题。", "The model avoids the problem to some extent.", "unchanged"),
    ("他们最近发布了一个新模型。", "They released a new model.", "unchanged"),          # 最近 is "recently"
    ("最后，我们发布了代码。", "Finally, we released the code.", "unchanged"),
    ("这个模型可以处理长文本。", "This model can handle long text.", "unchanged"),     # "can" of ability
    ("这未必对。", "This is not necessarily right.", "unchanged"),
    ("大部分模型都开源了。", "Most of the models are open.", "unchanged"),
    ("它是第二受欢迎的框架。", "It is the second-most popular framework.", "unchanged"),
    ("该模型于五月发布。", "The model was released in May.", "unchanged"),
    ("这提高了出错的可能性。", "This raises the chance of errors.", "unchanged"),    # 可能性 the noun
    ("即使被告知有此种损失的可能性。", "Even if advised of the possibility of such damage.", "unchanged"),  # noun for noun
    # obligations render each other; necessarily renders 必然
    ("您必须向接收者提供本许可证的副本。", "You shall give recipients a copy of this License.", "unchanged"),
    ("您必须提供副本。", "You are required to give a copy.", "unchanged"),
    ("使用前需要安装驱动。", "You must install the driver before use.", "unchanged"),
    ("该专利必然会被侵犯。", "The patent will be necessarily infringed.", "unchanged"),
    ("该专利必然会被侵犯。", "The patent will be infringed.", "sharpened"),
    ("这不一定对。", "This is not necessarily true.", "unchanged"),
    # more false friends: a certain amount, a root cause, an affirmation, "as soon as possible", "at all"
    ("模型具有一定的推理能力。", "The model can reason.", "unchanged"),
    ("这是根本原因。", "This is the cause.", "unchanged"),
    ("这项工作得到了肯定。", "The work was praised.", "unchanged"),
    ("我们会尽快修复它。", "We will fix it as soon as possible.", "unchanged"),
    ("这使得在单卡上训练成为现实。", "This makes it possible to train on one GPU.", "unchanged"),
    ("它可以在单卡上训练大模型。", "It is possible to train large models on one GPU.", "unchanged"),
    ("很多用户都没有用过它。", "Users have not used it at all.", "unchanged"),
    ("我们希望打造一个开放的平台。", "We want to build an open platform.", "unchanged"),     # an intention rendered
    ("这可能带来风险。", "This brings potential risks.", "unchanged"),
    ("这给每个用户都带来风险。", "This potentially brings risks to every user.", "sharpened"),  # dropped, close
    ("这会给每个用户都带来风险。", "This potentially brings risks to every user.", "unchanged"),  # 会 renders it
    # frequency is a quantity over occasions: often ~ many, sometimes ~ some
    ("有时模型会出错。", "The model often fails.", "softened"),
    ("模型经常出错。", "The model sometimes fails.", "sharpened"),
    ("模型往往会出错。", "The model often fails.", "unchanged"),
    ("很多实验室更愿意自己做数据。", "It is often better to build data in-house, and some labs do.", "unchanged"),
    # further Hyland cues and their Chinese equivalents
    ("看起来这个方法更快。", "This method is faster.", "softened"),
    ("看起来这个方法更快。", "This method seems faster.", "unchanged"),
    ("显而易见，这个方法更快。", "This method is faster.", "sharpened"),
    ("显而易见，这个方法更快。", "This method is obviously faster.", "unchanged"),
    ("这个方法势必改变行业。", "This method will change the industry.", "sharpened"),
    ("这个方法基本上更快。", "This method is essentially faster.", "unchanged"),
])
def test_certainty_degree_directive_approximation_and_false_friends(zh, en, expected):
    assert certainty_of(zh, en) == expected


@pytest.mark.parametrize("zh, en, expected", [
    # superlatives: one of a kind against one of a few, only where both versions rank the claim
    ("该模型在同尺寸模型中名列前茅。", "The model is the top performer among models of its size.", "softened"),
    ("该模型是同尺寸中最强的模型之一。", "The model is the strongest of its size.", "softened"),
    ("该模型是同尺寸中最强的模型。", "The model is one of the strongest of its size.", "sharpened"),
    ("该模型是同尺寸中最强的模型。", "The model is among the best of its size.", "sharpened"),
    ("该模型是同尺寸中最强的模型之一。", "The model is one of the strongest of its size.", "unchanged"),
    ("该模型是同尺寸中最强的。", "The model is the strongest of its size.", "unchanged"),    # shared
    ("该模型取得了最先进的结果。", "The model achieves state-of-the-art results.", "unchanged"),
    ("该模型是最强的。", "The model is strong.", "unchanged"),                    # ranked by one version only
    ("该模型表现优异。", "The model is one of the strongest of its size.", "unchanged"),
    # false friends: 'one of the reasons' ranks nothing, 之一 far from a superlative, adverbs of time, a bound
    ("原因之一是成本最低。", "One of the reasons is the lowest cost.", "unchanged"),
    ("这是原因之一，成本最低。", "The cost is the lowest.", "unchanged"),
    ("最后，我们发布了最好的模型。", "Finally, we released one of our best models.", "unchanged"),  # 最好 no rank
    ("吞吐量最高提升 2 倍。", "Throughput improves by up to 2x, among the best results.", "unchanged"),
    ("最近的版本更快。", "One of the recent versions is faster.", "unchanged"),
    ("这是同类中最强的模型之一。", "For the most part, it is the strongest of its kind.", "softened"),
    ("这是同类中最强的模型。", "It makes the most of one of its kind.", "unchanged"),   # idioms rank nothing
    ("他没有看到最高层政府干预的迹象。", "There were no hints of the top levels of the government acting.",
     "unchanged"),
    # degree words: only two steps apart (slight against strong) shift; a step is a translator's choice
    ("这个方法非常快。", "This method is slightly faster.", "sharpened"),
    ("这个方法略快。", "This method is very fast.", "softened"),
    ("这个方法稍微快一些。", "This method is extremely fast.", "softened"),
    ("这个方法比较快。", "This method is very fast.", "unchanged"),
    ("这个方法极其有效。", "This method is highly effective.", "unchanged"),
    ("这个方法非常快。", "This method is fast.", "unchanged"),                     # graded by one version only
    ("我们比较了两种方法，后者略快。", "We compare the two; the latter is slightly faster.", "unchanged"),
    ("特别是，这个方法略快。", "In particular, this method is slightly faster.", "unchanged"),
    ("我们使用它而不是非常慢的基线。", "We use it rather than the slow baseline.", "unchanged"),  # rather than
    # a negated booster is a hedge in English too; 'not always' in Chinese
    ("这并不完全正确。", "This is not entirely correct.", "unchanged"),
    ("这是完全正确的结论。", "This is not entirely correct.", "sharpened"),
    ("该方法并不总是有效。", "The method does not always work.", "unchanged"),
    ("该方法总是有效的方法。", "The method does not always work.", "sharpened"),
    ("目前尚不清楚原因。", "It is not yet clear why.", "unchanged"),
    ("我们不确定这适用于所有场景。", "We are not sure this applies to every scenario.", "unchanged"),
    ("这适用于所有的场景。", "We are not sure this applies to every scenario.", "sharpened"),
    # hedges of appearance and hearsay: the verb with its infinitive; 'appears' alone shows up
    ("这个方法似乎效果更好。", "This method appears to work better.", "unchanged"),
    ("这个方法的效果更好。", "This method appears to work better.", "sharpened"),
    ("这个页面出现在结果列表中。", "The page appears in the result list.", "unchanged"),
    ("这个方法听起来更简单。", "This method sounds like the simpler one.", "unchanged"),
    ("这个方法听起来更简单。", "This method is simpler.", "softened"),
    ("这种芯片被认为是节能的。", "Such chips are said to be frugal.", "unchanged"),
    ("这种芯片被认为是节能的。", "Such chips are frugal.", "unchanged"),     # 被认为 only renders
    # rhetorical emphasis: 恰恰 weighs; 正是 renders a plain 'is'; 'much' rendered by 了很多
    ("问题恰恰在于成本。", "The problem lies in the cost.", "sharpened"),
    ("问题恰恰在于成本。", "The problem lies precisely in the cost.", "unchanged"),
    ("问题正是成本。", "The problem is the cost.", "unchanged"),
    ("推理速度快了很多。", "Inference is significantly faster.", "unchanged"),
    # an intensifier's or a hedge's usual renderings: shown, never weighed, so no dropped cue
    ("这在很大程度上降低了延迟。", "This greatly reduces latency.", "unchanged"),
    ("成本急剧下降。", "Costs drop sharply.", "unchanged"),
    ("成本下降了。", "Costs drop sharply.", "softened"),                          # sharply weighs where dropped
    ("它的准确率远高于基线。", "Its accuracy is far higher than the baseline's.", "unchanged"),
    ("训练速度显著提升。", "Training got noticeably faster.", "unchanged"),
    ("这种做法在某种程度上有效。", "The approach works in a way.", "unchanged"),
    ("这种做法不一定有效。", "The approach need not work.", "unchanged"),
    ("这种做法有效。", "The approach need not work.", "unchanged"),               # need not only renders
    ("很难说这种做法有效。", "It is hard to say whether the approach works.", "unchanged"),
    ("这种做法有效。", "It is hard to say whether the approach works.", "sharpened"),
    ("这种做法不可避免地失败。", "The approach fails.", "sharpened"),
    ("这种做法不可避免地失败。", "The approach inevitably fails.", "unchanged"),
    ("使用前要安装驱动。", "You must install the driver before use.", "unchanged"),   # 要 renders 'must'
])
def test_certainty_superlatives_degrees_negated_boosters_and_appearance(zh, en, expected):
    assert certainty_of(zh, en) == expected


@pytest.mark.parametrize("text, cues, expected", [
    ("最强的模型之一。", [(0, 3, "superlative"), (5, 7, "one_of")], [(0, 3, "superlative_among")]),
    ("最强的模型，原因之一。", [(0, 3, "superlative"), (8, 10, "one_of")], [(0, 3, "superlative")]),   # another clause
    ("one of the best", [(0, 6, "one_of"), (7, 15, "superlative")], [(7, 15, "superlative_among")]),
    ("the best among them", [(0, 8, "superlative"), (9, 14, "one_of")], [(0, 8, "superlative")]),  # English: before
    ("one of many reasons, in the end the best", [(0, 6, "one_of"), (32, 40, "superlative")], [(32, 40, "superlative")]),
])
def test_one_of_scopes_only_a_superlative_of_its_clause(text, cues, expected):
    assert F.superlative_scope(text, cues) == expected


ZH_PIECES = ["模型", "训练", "可能", "显著", "提升", "一定程度上", "所有", "很多", "不一定", "最近", "肯定", "也许",
             "大幅", "通常", "最强", "之一", "非常", "略", "并不总是", "恰恰", "，", "。"]
EN_PIECES = ["the model", "training", "may", "significantly", "improves", "to some extent", "all", "many", "not",
             "necessarily", "clearly", "perhaps", "often", "May 2024", "can", "the best", "one of", "very", "slightly",
             "fully", "appears to", ",", "."]
RANK = {"softened": -1, "unchanged": 0, "sharpened": 1}


@settings(max_examples=60, deadline=None)
@given(st.one_of(st.lists(st.sampled_from(ZH_PIECES), min_size=1, max_size=10).map("".join),
                 st.lists(st.sampled_from(EN_PIECES), min_size=1, max_size=10).map(" ".join)))
def test_a_sentence_compared_with_itself_is_unchanged(text):
    assert certainty_of(text, text) == "unchanged"


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(ZH_PIECES), min_size=1, max_size=10).map("".join),
       st.lists(st.sampled_from(EN_PIECES), min_size=1, max_size=10).map(" ".join),
       st.sampled_from(["也许，", "可能，", "在一定程度上，", "据称，"]))
def test_a_hedge_added_to_the_chinese_never_sharpens(zh, en, hedge):
    assert RANK[certainty_of(hedge + zh, en)] <= RANK[certainty_of(zh, en)]



@pytest.mark.parametrize("zh, en, expected", [
    # deontic modals: a licence's 'may' of permission and 'may not' of prohibition are no dropped hedge
    ("被许可人不得将本模型用于违法用途。", "The Licensee may not use the Model for unlawful purposes.", "unchanged"),
    ("许可方有权终止本许可。", "The Licensor may terminate this License.", "unchanged"),
    ("本模型不能用于商业用途。", "The Model may not be used for any commercial purpose.", "unchanged"),
    ("您不得使用本模型从事违法活动。", "You must not use the Model for illegal activities.", "unchanged"),
    # 不可能 is a certain negative, not a hedge; 不大可能, 很难说 are hedges
    ("这是不可能的。", "This is impossible.", "unchanged"),
    ("这不大可能发生。", "This is unlikely to happen.", "unchanged"),
    ("很难说这个方法更好。", "This method is better.", "softened"),
    # the technical 'absolute' and the determiner 一定 ('a certain') are no boosters
    ("我们使用绝对位置编码。", "We use absolute position encoding.", "unchanged"),
    ("误差的绝对值小于 0.1。", "The absolute error is below 0.1.", "unchanged"),
    ("在一定条件下，该模型可以复现结果。", "Under certain conditions, the model reproduces the results.", "unchanged"),
    ("训练需要一定时间。", "Training takes a certain time.", "unchanged"),
    ("这一定会改变世界。", "This will change the world.", "sharpened"),              # 一定 the booster still weighs
    # renderings of intensifiers: 'not at all', 'fundamentally', 'in fact', 'notably', 'much', 'by a large margin'
    ("这个问题根本没有解决。", "The problem was not solved at all.", "unchanged"),
    ("它在根本上改变了训练方式。", "It fundamentally changes how we train.", "unchanged"),
    ("实际上，这个方法更简单。", "In fact, this method is simpler.", "unchanged"),
    ("推理速度显著提升。", "Inference speed improves notably.", "unchanged"),
    ("推理速度大幅提升。", "Inference is much faster.", "unchanged"),
    ("该模型大幅领先于基线。", "The model beats the baseline by a large margin.", "unchanged"),
    ("推理速度显著提升。", "Inference speed improves.", "sharpened"),                # added, nothing renders it
    ("我们坚信这是未来的方向。", "We believe this is the future.", "sharpened"),      # conviction over a weak hedge
    # obligations a booster of obligation renders
    ("一定要先安装依赖。", "Make sure to install the dependencies first.", "unchanged"),
    ("必须先安装依赖。", "It is necessary to install the dependencies first.", "unchanged"),
    ("我们必须咬紧牙关降价。", "We had to bite the bullet and cut prices.", "unchanged"),  # round 14: 'had to'
    ("风险必然会上升。", "Risks will likely rise.", "sharpened"),  # round 16: the 会 of 必然会 hedges nothing
    ("小模型将取代大模型。", "Small models could take the place of large ones.", "sharpened"),  # round 16: 将取代
    ("论文工厂可能正在制造空洞的论文。", "Paper mills will flood journals with plausible but hollow papers.", "softened"),
    # round 14: a weather forecast (the noun) hedges nothing; 'at all' before a plural noun is 'every'
    ("新模型的预报可能优于现有系统。", "The new model's forecast beats the current system.", "softened"),
    ("模型在各个预报时效上表现更好。", "The model does better at all lead times.", "unchanged"),
    ("分析师预计收入将增长。", "Analysts forecast that revenue will grow.", "unchanged"),
    # the writer's perspective, and opinion verbs that render it
    ("在我看来，这个方法更好。", "In my view, this method is better.", "unchanged"),
    ("在我看来，这个方法更好。", "This method is better.", "softened"),
    ("作者认为多智能体系统很脆弱。", "In my view, multi-agent systems are fragile.", "unchanged"),
    ("作者认为这个方法更好。", "This method is better.", "unchanged"),                # 认为 reports, no hedge
    # 'in most cases' is one hedge on both sides
    ("大多数情况下，单智能体就足够了。", "In most cases, a single agent is enough.", "unchanged"),
    ("大多数情况下，单智能体就足够了。", "A single agent is enough.", "softened"),
    # quantities with their modifiers and negations
    ("几乎所有用户都满意。", "Nearly all users are satisfied.", "unchanged"),
    ("所有用户都满意。", "Nearly all users are satisfied.", "sharpened"),
    ("有些任务不适合多智能体。", "Not all tasks suit multi-agent systems.", "unchanged"),
    ("并非所有任务都适合多智能体。", "Some tasks suit multi-agent systems.", "unchanged"),
    ("每个词并不是同等重要的。", "Not every word is equally important.", "unchanged"),   # partial negation
    ("每个词都不是同等重要的。", "Some words are not equally important.", "sharpened"),  # 都不是: none of them
    ("最重要的是，很多用户喜欢它。", "Most importantly, users like it.", "unchanged"),   # 'most' of a superlative
    # 可能 of 'makes possible' and 'if possible'; degree boosters and their Chinese renderings
    ("该工具使在单卡上训练大模型成为可能。", "The tool enables training large models on one GPU.", "unchanged"),
    ("如果可能的话，请使用 GPU。", "Use a GPU.", "unchanged"),
    ("该系统可以训练大得多的模型。", "The system can train considerably bigger models.", "unchanged"),
    ("它的速度远远超过基线。", "It is by far faster than the baseline.", "unchanged"),
    ("吞吐量大为提升。", "Throughput improves dramatically.", "unchanged"),
    ("成本大幅下降。", "Costs drop drastically.", "unchanged"),
    ("成本下降了。", "Costs drop drastically.", "softened"),                         # dropped in a close rendering
    ("当然，你也可以使用 CPU。", "Naturally, you can also use a CPU.", "unchanged"),
    ("这势必改变行业。", "This will inevitably change the industry.", "unchanged"),
    ("它比基线快得多。", "It is faster than the baseline.", "unchanged"),             # 得多 renders, never weighs
    # evidential and expectation hedges rendered: 据报道, 据悉 for 'reportedly', 预期 for 'expected to'
    ("据报道，该公司将发布新模型。", "The company will reportedly release a new model.", "unchanged"),
    ("据报道，该公司将发布新模型。", "The company will release a new model, a newspaper reported.", "unchanged"),
    ("该方法预期将降低成本。", "The method is expected to lower costs.", "unchanged"),
])
def test_certainty_deontic_modals_determiners_renderings_and_quantity_scope(zh, en, expected):
    assert certainty_of(zh, en) == expected



@pytest.mark.parametrize("zh, expected", [
    ("该模型可能产生幻觉。", "unchanged"),        # 可能: a possibility, which 'can' in the group renders
    ("该模型也许会产生幻觉。", "unchanged"),
    ("该模型不一定产生幻觉。", "softened"),       # 'not necessarily' says more than 'can'
    ("该模型在一定程度上产生幻觉。", "softened"),
])
def test_a_modal_anywhere_in_a_linked_group_renders_only_a_hedge_of_possibility(zh, expected):
    from helpers.tables.claims import find_cues
    from helpers.tables.entities import tokenizer_for

    def cues(text, kind):
        tokens = tokenizer_for().tokenize(text) if HAN_TEXT.search(text) else None
        return "|".join(find_cues(text, kind, tokens=tokens))

    en = ["The model is small.", "It can produce hallucinations."]
    claims = make_claims([(1, "commentary", "paragraph", 0, zh, "commentator", cues(zh, "hedge"), cues(zh, "booster"))]
                         + [(2 + k, "original", "paragraph", 0, t, "plain", cues(t, "hedge"), cues(t, "booster"))
                            for k, t in enumerate(en)])
    group = make_alignment([(1, 2, 0.5, "summarises"), (1, 3, 0.5, "summarises")])
    assert F.certainty_shift(group, claims)["certainty_shift"].tolist() == [expected]

@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(["每个", "所有", "一些", "很多", "词", "模型", "都", "并不是", "不是", "并非", "重要",
                                 "，", "。"]), min_size=1, max_size=12).map("".join))
def test_a_partial_negation_only_lowers_a_universal_quantifier_in_its_own_clause(text):
    matcher = F._certainty_matchers()["quantity"]
    cues = [c for c in F.find_cues(matcher, text) if not c[2].startswith("not_")]
    scoped = F.partial_negation_scope(text, cues)
    assert [(a, b) for a, b, _ in scoped] == [(a, b) for a, b, _ in cues]
    for (a, b, before), (_, _, after) in zip(cues, scoped):
        assert after == before or (before == "quantity_all" and after == "quantity_some")
        if after != before:   # lowered: a partial negation follows in the quantifier's clause, not right after 都
            clause = re.split("[，。]", text[b:])[0]
            assert any(n in clause for n in ("并不是", "不是", "并非"))


def test_voice_attributed_reattributed_and_plain():
    shifts = F.voice_shift(ALIGNMENT, CLAIMS).set_index("zh_claim_id")
    assert shifts.loc[1, "voice_shift"] == "attributed"       # author's plain claim → 作者认为
    assert shifts.loc[2, "voice_shift"] == ""                 # a plain claim rendered plainly is no shift
    assert shifts.loc[5, "voice_shift"] == "reattributed"     # a source's claim → credited to the author
    assert shifts.loc[5, ["en_voices", "en_voice"]].tolist() == ["reported+", "quoted"]   # + : "told" marks it


def test_voice_quote_absorbed():
    alignment = make_alignment([(3, 14, 0.5, "summarises")])
    assert F.voice_shift(alignment, CLAIMS)["voice_shift"].tolist() == ["quote_absorbed"]


@pytest.mark.parametrize("zh, en, expected", [
    ("这是最好的方法。", "I think this is the best approach.", "absorbed"),        # the opinion's mark dropped
    ("我们认为这是最好的方法。", "We think this is the best approach.", "attributed"),  # kept first person
    ("美国官员表示，出口将受限。", "Exports will be limited, a US official said.", "attributed"),  # the official's still
    ("據路透報導，出口將受限。", "Exports will be limited, according to Reuters.", "attributed"),   # Reuters' still
    ("出口将受限。", "Exports will be limited.", ""),                                 # plain, plainly
    ("我们在五月发布了模型。", "We released the model in May.", "attributed"),        # 我们 for "we"
    ("根据 InstructGPT，这种检查点更好。", "According to InstructGPT, such checkpoints are better.", "attributed"),
    ("作者认为出口将受限。", "Exports will be limited, a US official said.", "reattributed"),  # credited to the author
    ("据该官员称，出口将受限。", "Exports will be limited, a US official said.", "attributed"),   # the source kept
    ("这位官员说，新规下月公布，但他拒绝透露细节。", "The official said the rules come next month but declined to give details.",
     "attributed"),  # 他 is the official, later in the sentence: the official still speaks, not the author
    ("分析人士指出，出口将受限。", "Exports will be limited, analysts said.", "attributed"),
    ("需求不会停止增长。", "It does not give me the impression that demand will stop growing.", "absorbed"),
    ("作者认为需求不会停止增长。", "It does not give me the impression that demand will stop growing.", "attributed"),
    ("需求不会停止增长。", "We heard that demand will keep growing.", "absorbed"),   # hearsay, the mark dropped
    # the source named as the one that disclosed it (review round 11): DeepSeek's figure, still DeepSeek's
    ("深度求索公开的训练成本约为600万美元。", "Training cost about $6 million, DeepSeek said.", "attributed"),
    # an allegation stated as fact drops its attribution (review round 12: a lawsuit report)
    ("该公司使用了盗版书籍训练模型。", "The complaint alleges that the company trained its model on pirated books.", "absorbed"),
    # a translation's 我认为 is the speaker's "I believe" (review round 14: a keynote), not the writer judging
    ("这很难，但我认为这是赢得信任的唯一方式。", "This is hard, but I believe it is the only way to earn trust.", "attributed"),
])
def test_voice_reads_attribution_of_news_translation_and_commentary(zh, en, expected):
    from helpers.tables.claims import decide_voice

    claims = make_claims([
        (1, "commentary", "paragraph", 0, zh, decide_voice(zh, part="commentary")[0], "", ""),
        (2, "original", "paragraph", 0, en, decide_voice(en, part="original")[0], "", ""),
    ])
    alignment = make_alignment([(1, 2, 0.5, "summarises")])
    assert F.voice_shift(alignment, claims)["voice_shift"].tolist() == [expected]


@pytest.mark.parametrize("text, expected", [
    ("文章还讨论了三个新问题。", "文章还讨论"),              # the article as the subject of a verb of arguing
    ("本文探讨了模型的边界。", "本文探讨"),
    ("该报告建议各方开放接口。", "该报告建议"),
    ("作者在文中提出一个框架。", "作者在文中提出"),
    ("作者或版权持有人均不承担任何责任。", ""),          # a licence's authors: no one's claim
    ("如有疑问，请与我们联系。", ""),                    # 我们 as the object
    ("用户可以使用我们简单的接口训练模型。", ""),        # ... of a verb: our interface
    ("该格式为我们团队的内部格式。", ""),                # ... after 为: our team's format
    ("在我们之前的文章中，读者看到了例子。", ""),        # ... of a preposition: our earlier post
    ("让我们看看这个例子。", ""),                        # let's: the reader and the writer together
    ("在我们之前的文章中，我们发布了例子。", "我们"),    # the subject after it still attributes
    ("用户的反馈帮助我们发现了问题。", "我们"),          # helped us find: the authors' own finding
    ("模型计算序列的上下文表示。", ""),                  # 表示 the noun: a representation
    ("输出该文本的密集表示。", ""),                      # 该文本 is no 该文
    ("文章很长。\n讨论在后面。", ""),                    # subject and verb apart: no frame
])
def test_attribution_frames_and_look_alikes(text, expected):
    claims = pd.DataFrame({"claim_id": [1], "text": [text]})
    assert F.attribution_cues(claims).tolist() == [expected]


@pytest.mark.parametrize("text", ["文章指出，成本在下降。", "文章的结论很清楚。", "我们发布了新模型。"])
def test_attribution_frame_never_drops_a_cue(text):
    # a frame only adds: a sentence with a plain attribution cue keeps it, and a sentence without a verb stays plain
    claims = pd.DataFrame({"claim_id": [1], "text": [text]})
    found = F.attribution_cues(claims).iloc[0]
    assert (found != "") == (text != "文章的结论很清楚。")


def test_attribution_carries_over_a_reported_passage_in_the_same_block():
    claims = make_claims([
        (1, "commentary", "paragraph", 0, "该官员表示，出口将受限。", "commentator", "", ""),
        (2, "commentary", "paragraph", 0, "新规则下月生效。", "commentator", "", ""),
        (3, "commentary", "paragraph", 0, "市场反应平淡。", "commentator", "", ""),
    ])
    claims["block_id"] = [1, 1, 2]
    cues = F.attribution_cues(claims, carry=True)
    assert cues.tolist() == ["表示", "↑表示", ""]
    assert F.attribution_cues(claims).tolist() == ["表示", "", ""]


def test_generalisation_to_domestic_chips():
    categories = F.load_categories()
    shifts = F.generalisation_shift(ALIGNMENT, CLAIMS, MENTIONS, categories).set_index("zh_claim_id")
    assert shifts.loc[2, "generalisation_shift"] == "generalised"
    assert "domestic_chips" in shifts.loc[2, "zh_categories"].split("|")
    assert set(shifts.loc[2, "en_only_entities"].split("|")) == {"huawei", "cambricon", "acme"}
    assert shifts.loc[4, "generalisation_shift"] == ""         # names kept: no shift
    assert shifts.loc[1, "generalisation_shift"] == ""         # no names on either side


def test_particularised_when_chinese_names_what_english_calls_a_category():
    claims = make_claims([
        (1, "commentary", "paragraph", 0, "华为芯片很好用。", "commentator", "", ""),
        (2, "original", "paragraph", 0, "Domestic chips are usable.", "plain", "", ""),
    ])
    mentions = make_mentions([(1, "华为", "huawei", "huawei", "chip_maker", "commentary")])
    alignment = make_alignment([(1, 2, 0.5, "summarises")])
    shifts = F.generalisation_shift(alignment, claims, mentions, F.load_categories())
    assert shifts["generalisation_shift"].tolist() == ["particularised"]
    assert shifts["zh_only_entities"].tolist() == ["huawei"]



def test_the_writers_own_examples_particularise_nothing():
    # bilingual review round 10: a rebuttal's '据我所知，华为…' against the op-ed's 'domestic chips' was 'particularised'
    claims = make_claims([
        (1, "commentary", "paragraph", 0, "据我所知，华为芯片很好用。", "commentator", "", ""),
        (2, "original", "paragraph", 0, "Domestic chips are usable.", "plain", "", ""),
    ])
    mentions = make_mentions([(1, "华为", "huawei", "huawei", "chip_maker", "commentary")])
    shifts = F.generalisation_shift(make_alignment([(1, 2, 0.5, "summarises")]), claims, mentions, F.load_categories())
    assert shifts["generalisation_shift"].tolist() == [""]


# ---- side by side ---------------------------------------------------------------------------------

def test_framing_table_one_row_per_chinese_claim():
    tags = F.tag_frames(CLAIMS, lexicon=LEXICON)
    table = F.framing_table(ALIGNMENT, CLAIMS, MENTIONS, tags, F.load_categories())
    assert list(table.columns) == F.FRAMING_COLUMNS
    assert table["zh_claim_id"].tolist() == [1, 2, 3, 4, 5]
    row = table.set_index("zh_claim_id")
    assert row.loc[1, ["certainty_shift", "voice_shift"]].tolist() == ["softened", "attributed"]
    assert row.loc[2, "generalisation_shift"] == "generalised"
    assert row.loc[3, ["relation", "en_claim_ids", "certainty_shift", "en_text"]].tolist() == ["addition", "", "", ""]
    assert row.loc[1, "zh_frames"] == "technology|capacity_and_resources"
    assert row.loc[1, "en_frames"] == "economic"
    counts = F.shift_counts(table)
    assert list(counts.columns) == F.SHIFT_COUNT_COLUMNS
    assert (counts.groupby("shift")["claims"].sum() == len(table)).all()
    got = counts.set_index(["shift", "value"])["claims"]
    assert got[("certainty", "softened")] == 1 and got[("certainty", "sharpened")] == 2  # 5 drops "might" (close)
    kept = F.shift_counts(F.framing_table(ALIGNMENT, CLAIMS, MENTIONS, tags, F.load_categories(), dropped=False)).set_index(["shift", "value"])
    assert kept.loc[("certainty", "sharpened"), "claims"] == 1  # without dropped cues, only 2's added 必然
    assert got[("voice", "attributed")] == 1 and got[("voice", "reattributed")] == 1 and got[("voice", "")] == 3
    assert got[("generalisation", "generalised")] == 1


# ---- the seed, with the real aligner ---------------------------------------------------------------

@pytest.fixture(scope="module")
def seed(seed_tables):
    alignment = align_claims(seed_tables.claims, mentions=seed_tables.mentions)
    tags = F.tag_frames(seed_tables.claims)
    return seed_tables.claims, seed_tables.mentions, alignment, tags


def test_seed_coverage_has_every_section_and_shares_in_range(seed):
    claims, _, alignment, _ = seed
    coverage = F.section_coverage(alignment, claims)
    original = claims[(claims["part"] == "original") & claims["kind"].isin(CONTENT_KINDS)]
    assert sorted(coverage["section"]) == sorted(original["section"].unique())
    assert coverage[["share_claims", "share_chars"]].stack().between(0, 1).all()
    assert (coverage.loc[coverage["section"] > 0, "heading"] != "").all()
    assert coverage["claims"].sum() == len(original)


def test_seed_framing_table_has_each_commentary_claim_once(seed):
    claims, mentions, alignment, tags = seed
    table = F.framing_table(alignment, claims, mentions, tags)
    zh = claims[(claims["part"] == "commentary") & claims["kind"].isin(CONTENT_KINDS)]
    assert sorted(table["zh_claim_id"]) == sorted(zh["claim_id"])
    assert table["zh_claim_id"].is_unique
    assert set(table["certainty_shift"]) <= {"softened", "sharpened", "unchanged", ""}
    assert set(table["voice_shift"]) <= {"attributed", "absorbed", "reattributed", "quote_absorbed", ""}
    assert set(table["generalisation_shift"]) <= {"generalised", "particularised", ""}
    linked = table["en_claim_ids"] != ""
    asks = table["zh_text"].str.rstrip().str.endswith(F.QUESTION_ENDS)  # a question asserts nothing: no shift
    assert (table.loc[linked & ~asks, "certainty_shift"] != "").all()
    assert (table.loc[asks, ["certainty_shift", "voice_shift"]] == "").all().all()
    assert table.loc[~linked, "relation"].isin(["addition", "unsure"]).all()  # unsure: a link withheld as ambiguous


def test_seed_frame_mix_and_additions_are_consistent(seed):
    claims, mentions, alignment, tags = seed
    mix = F.frame_mix(claims, tags)
    assert set(mix["part"]) == {"commentary", "original"}
    assert mix.groupby("part")[["share_claims", "share_chars"]].sum().to_numpy() == pytest.approx(1)
    assert set(mix["frame"]) - {""} <= set(F.load_frames()["frame"])
    added = F.additions(alignment, claims, mentions, level="entity")
    en_entities = set(mentions.loc[mentions["part"] == "original", "entity"])
    assert not set(added.loc[added["addition"] == "entity_only_in_zh", "entity"]) & en_entities
    asides = added.loc[added["addition"] == "aside", "zh_claim_id"]
    assert set(asides) == set(alignment.loc[alignment["relation"] == "addition", "zh_claim_id"].dropna())
    omitted = F.omissions(alignment, claims, tags)
    coverage = F.section_coverage(alignment, claims)
    assert omitted["claims"].sum() == (coverage["claims"] - coverage["carried_claims"]).sum()


def test_quantities_are_compared_only_over_small_linked_groups():
    claims = make_claims([
        (1, "commentary", "paragraph", 0, "很多开发者都在用它。", "commentator", "", ""),
        (2, "original", "paragraph", 0, "Most developers use it.", "plain", "", ""),
        (3, "original", "paragraph", 0, "It was released last year.", "plain", "", ""),
        (4, "original", "paragraph", 0, "It runs on a laptop.", "plain", "", ""),
    ])
    two = make_alignment([(1, 2, 0.5, "one-to-many"), (1, 3, 0.5, "one-to-many")])
    three = make_alignment([(1, 2, 0.5, "one-to-many"), (1, 3, 0.5, "one-to-many"), (1, 4, 0.5, "one-to-many")])
    shift = lambda alignment, **kw: F.certainty_shift(alignment, claims, **kw)["certainty_shift"].tolist()
    assert shift(two) == ["softened"] and shift(three) == ["unchanged"]
    assert shift(three, group_limit=3) == ["softened"] and shift(two, group_limit=1) == ["unchanged"]
    row = F.certainty_shift(two, claims).iloc[0]
    assert row["zh_other_cues"] == "quantity_many:很多" and row["en_other_cues"] == "quantity_most:Most"


def _worth_reading(zh: str, en: str, zh_boosters: str, label: str) -> pd.DataFrame:
    """The side-by-side rows of one Chinese sentence linked to one English one, with ``label`` held back by the gate."""
    claims = make_claims([
        (1, "commentary", "paragraph", 0, zh, "commentator", "", zh_boosters),
        (2, "original", "paragraph", 0, en, "plain", "", ""),
    ])
    claims["block_id"] = [1, 2]
    alignment = make_alignment([(1, 2, 0.5, "summarises")])
    table = F.framing_table(alignment, claims, make_mentions([]), F.tag_frames(claims, lexicon=LEXICON),
                            F.load_categories())
    gate = F.label_gate(pd.DataFrame({"label": [label], "half": ["test"], "precision": [0.3], "predicted": [10]}))
    return F.worth_reading(table, claims, gate)


def test_worth_reading_shows_the_quantities_behind_a_held_back_certainty_label():
    rows = _worth_reading("很多开发者都在用它。", "Most developers use it.", "", "certainty:softened")
    assert rows[["shift", "value"]].values.tolist() == [["certainty", "softened"]]
    assert rows.iloc[0]["zh_cues"] == "quantity many 很多" and rows.iloc[0]["en_cues"] == "quantity most Most"


def test_worth_reading_lists_a_degree_word_only_where_the_other_version_grades_the_claim_too():
    # 超级 inside a rendered compound ("super-exponential") is graded against nothing in the English: it is not
    # behind the label, so it is not listed as if it were; the booster that made the label is
    rows = _worth_reading("显而易见，增长是超级指数级的。", "Growth is super-exponential.", "显而易见", "certainty:sharpened")
    certainty = rows[rows["shift"] == "certainty"]
    assert certainty["value"].tolist() == ["sharpened"]
    assert certainty.iloc[0]["zh_cues"] == "booster 显而易见"


# ---- properties -------------------------------------------------------------------------------------------------

PIECES = ["文章", "本文", "作者", "该文本", "还", "讨论", "提出", "分析", "表示", "的", "，", "。", "我们", "模型", "与", "联系"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=12))
def test_an_attribution_frame_is_verbatim_and_starts_with_its_subject(pieces):
    text = "".join(pieces)
    frame = F.framed_attribution(text)
    cues = F.load_cues()
    subjects = tuple(cues.loc[cues["category"] == "attribution_subject", "cue"])
    assert frame == "" or (frame in text and frame.startswith(subjects) and "，" not in frame and "。" not in frame)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="模型很强可能 abcXYZ", max_size=20), st.text(alphabet="The model is strong may ", min_size=1, max_size=40),
       st.integers(min_value=1, max_value=10))
def test_a_longer_rendering_is_never_less_close(zh, en, extra):
    assert F.rendering_ratio(zh + "模" * extra, en) >= F.rendering_ratio(zh, en) >= 0


def test_a_rendering_is_read_by_certainty_but_listed_in_no_claims_boosters():
    from helpers.tables.claims import find_cues
    assert find_cues("The market grew into a large one.", "booster") == []
    assert certainty_of("市场显著增长。", "The market grew into a large one.") == "unchanged"   # 'large' renders 显著
    assert certainty_of("市场显著增长。", "The market grew.") == "sharpened"
    row = F.certainty_shift(make_alignment([(1, 2, 0.5, "summarises")]), make_claims([
        (1, "commentary", "paragraph", 0, "市场显著增长。", "commentator", "", "显著"),
        (2, "original", "paragraph", 0, "The market grew into a large one.", "plain", "", ""),
    ])).iloc[0]
    assert row["en_other_cues"] == "booster_rendering:large"


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(ZH_PIECES), max_size=6).map("".join),
       st.lists(st.sampled_from(ZH_PIECES), max_size=6).map("".join),
       st.lists(st.sampled_from(EN_PIECES), min_size=1, max_size=10).map(" ".join))
def test_one_of_after_a_chinese_superlative_never_sharpens(before, after, en):
    # the same length on both sides: a longer Chinese can carry a one-to-one English closely enough for a dropped hedge
    ranked, among = before + "最强的模型系列" + after, before + "最强的模型之一" + after
    assert RANK[certainty_of(among, en)] <= RANK[certainty_of(ranked, en)]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(ZH_PIECES), max_size=6).map("".join),
       st.lists(st.sampled_from(EN_PIECES), min_size=1, max_size=10).map(" ".join))
def test_a_slighter_chinese_degree_word_never_sharpens(before, en):
    assert RANK[certainty_of(before + "这个方法略微快。", en)] <= RANK[certainty_of(before + "这个方法非常快。", en)]


# ---- certainty: false friends of wave 9 (made-up pairs; either version may carry the cue) ----------------------

def certainty_of_group(zh: str, ens: list[str]) -> str:
    """The certainty verdict of one Chinese sentence linked to a group of English sentences (one paragraph)."""
    from helpers.tables.claims import find_cues
    from helpers.tables.entities import tokenizer_for

    def cues(text, kind):
        tokens = tokenizer_for().tokenize(text) if HAN_TEXT.search(text) else None
        return "|".join(find_cues(text, kind, tokens=tokens))

    rows = [(1, "commentary", "paragraph", 0, zh, "commentator", cues(zh, "hedge"), cues(zh, "booster"))]
    rows += [(2 + k, "original", "paragraph", 0, en, "plain", cues(en, "hedge"), cues(en, "booster"))
             for k, en in enumerate(ens)]
    alignment = make_alignment([(1, 2 + k, 0.5, "one_to_many") for k in range(len(ens))])
    return F.certainty_shift(alignment, make_claims(rows))["certainty_shift"].iloc[0]


@pytest.mark.parametrize("zh, en, expected", [
    # a title the sentence cites: its words are the title's, not the claim's certainty
    ("这篇名为《模型可能会说谎》的论文提出了新方法。", "The paper \"Models Lie\" proposes a new method.", "unchanged"),
    ("这篇名为《Models May Lie》的论文提出了新方法。", "The paper proposes a new method.", "unchanged"),
    ("《模型可能会说谎》一文认为该方法可能失败。", "The essay argues that the method fails.", "softened"),  # outside the title
    ("这篇论文提出了新方法。", "The paper \"Clearly Better Models\" proposes a new method.", "unchanged"),
    ("他说：“这肯定会失败。”", "He said: \"it will fail.\"", "sharpened"),        # a quotation, not a title
    # a Chinese superlative before a number is a bound ('up to'), not a rank
    ("该模型支持最长 32K 的上下文，是同类中最强的之一。",
     "The model supports contexts of up to 32K and is the strongest of its kind.", "softened"),
    ("该模型的准确率最高可达 90%，是最强的模型。", "Its accuracy reaches 90%, one of the strongest models.", "sharpened"),
    # a magnitude renders an intensifier where the other version states none; stated by both, it renders nothing
    ("吞吐量显著提高。", "Throughput is 5x higher.", "unchanged"),
    ("吞吐量提高了 5 倍。", "Throughput is dramatically higher.", "unchanged"),
    ("吞吐量提升了一个数量级。", "Throughput improves dramatically.", "unchanged"),
    ("吞吐量提高了 1.5 倍。", "Throughput is dramatically higher.", "softened"),       # 1.5x is no large magnitude
    ("推理速度提升了 2.3 倍。", "Inference is dramatically faster (2.3x).", "softened"),  # the ratio is shared
    ("推理速度大幅提升 2.3 倍。", "Inference is 2.3x faster.", "sharpened"),
    ("吞吐量显著提高。", "Throughput is 20% higher.", "sharpened"),                   # a share is no magnitude
    # words of size or sharp movement render an intensifier
    ("模型大幅提升了性能。", "The model brings major improvements in performance.", "unchanged"),
    ("DeepSpeed 可显著提高训练速度。", "DeepSpeed can boost training speed.", "unchanged"),
    ("成本大幅下降。", "Costs plummet.", "unchanged"),
    ("这大幅降低了成本。", "This slashes costs.", "unchanged"),
    ("成本下降。", "Costs fall sharply.", "softened"),
    # hedge renderings: potential, a worry
    ("该方法有潜力降低成本。", "The method could potentially reduce costs.", "unchanged"),
    ("投资者担心增长可能放缓。", "Investors are worried about slower growth.", "unchanged"),
    ("增长可能放缓。", "Growth slows.", "softened"),
    # 'in fact' weighs nothing; 'almost certainly' is one booster; 'to some extent' quantifies no group
    ("这是更好的方法。", "In fact, this is the better method.", "unchanged"),
    ("这很可能是错误的。", "This is almost certainly wrong.", "softened"),
    ("这几乎肯定是错误的。", "This is almost certainly wrong.", "unchanged"),
    ("原来的引擎在一定程度上能应对，但我们必须预留大量资源。",
     "The old engine could cope to some extent, but we had to reserve large amounts of compute.", "unchanged"),
    # a need renders a booster of obligation
    ("量化必须针对具体任务重新评测。", "Quantisation needs its own evaluation.", "unchanged"),
    # a hedge of cases rendered by a hedge of cases; 'in some cases' only renders
    ("该方法在绝大多数情况下有效。", "The method works in the vast majority of cases.", "unchanged"),
    ("该方法有效。", "The method works in some cases.", "unchanged"),
    ("该方法在大多数情况下有效。", "The method works.", "softened"),
    # bounds, ranks and plain rendering of a README's claims
    ("峰值吞吐量最高提升 3.4 倍，平均响应时间缩短一半。",
     "Peak throughput rises by up to 3.4x, and mean response time halves.", "unchanged"),
    ("在参数不到 3B 的模型里，它的得分最佳。", "Among models with fewer than 3B parameters, it scores best.",
     "unchanged"),
    ("本模型产生不准确的输出。", "The model may produce inaccurate outputs.", "sharpened"),
    # 'you may' permits in a licence and hedges in a manual: a modal, rendering 可能 and 可以 alike
    ("您可能需要安装额外的依赖。", "You may need to install additional dependencies.", "unchanged"),
    ("你可能会发现这个方法更快。", "You may find this method faster.", "unchanged"),
    ("您可以免费下载这些权重。", "You may download these weights at no cost.", "unchanged"),
    ("被许可方不得将本模型用于任何违法目的。", "The Licensee may not use the Model for any illegal purpose.", "unchanged"),
    # vagueness of a thing is no speaker's hedge; someone's view (在她看来) is an attribution, the writer's own a hedge
    ("任务描述不清楚会导致重复工作。", "Vague task descriptions lead to duplicated work.", "unchanged"),
    ("模糊的目标会导致重复工作。", "Unclear objectives lead to duplicated work.", "unchanged"),
    ("在她看来，衣服的形状每次都不一样。", "She says clothes never look the same.", "unchanged"),
    ("在我看来，这个方法更好。", "This method is better.", "softened"),
    ("衣服的形状每次都不一样。", "Clothes never look the same twice, so grasping is dramatically harder.", "softened"),
    # a Title-Case heading: every word is capitalised, so a capital is no sign of a name or a month
    ("可能的问题", "Potential Issues", "unchanged"),
    ("显著的性能提升", "Significant Performance Gains", "unchanged"),
    ("推理性能提升", "Dramatically Faster Inference", "softened"),
    ("2024 年 5 月发布", "Released May 2024", "unchanged"),
    # Chinese hedges that render English ones, and their look-alikes
    ("这个方法大概率有效。", "This method will likely work.", "unchanged"),
    ("这个方法或将改变行业。", "This method may change the industry.", "unchanged"),
    # a future stated where the English says 'could', 'may' (bilingual review round 6); a hedged future is none
    ("该项目将于四年内耗资50亿美元。", "The project could cost as much as $5 billion over four years.", "sharpened"),
    ("这个渠道将成为主流。", "This channel may become the main one.", "sharpened"),
    ("这个渠道或将成为主流。", "This channel may become the main one.", "unchanged"),
    ("这将让推理成本翻倍。", "This may double inference costs.", "sharpened"),     # 将 before a causative (round 7)
    # a news rewrite's overstatement against 'beat on two of five' (round 9); 'crushed' rendered; the literal sense
    ("新模型全面碾压GPT-5。", "The new model beat GPT-5 on two of five coding benchmarks.", "sharpened"),
    ("新模型碾压了对手。", "The new model crushed its rivals.", "unchanged"),
    ("他在路上被车碾压。", "He was run over by a car.", "unchanged"),
    # 'will' under 'it is possible that' is a possibility (round 8)
    ("到2028年，大多数token将由智能体消耗。", "It is possible that by 2028 most tokens will be consumed by agents.",
     "sharpened"),
    ("11/ 大约40%的模型被攻破。", "11/ Roughly 40 percent of the models were broken.", "unchanged"),  # a thread's number
    ("这个渠道可能将成为主流。", "This channel may become the main one.", "unchanged"),
    ("我们将在明年发布。", "We will release it next year.", "unchanged"),
    # 当然， opening a clause concedes ('admittedly'): no booster
    ("当然，也有学者反对这个方法。", "Some scholars disagree with this method.", "unchanged"),
    ("这个方法当然有效。", "This method works.", "sharpened"),
    ("这个方法看似简单。", "This method seems simple.", "unchanged"),
    ("这个方法理论上可行。", "This method works in theory.", "unchanged"),
    ("这个方法大概率有效。", "This method works.", "softened"),
    ("许可适用于贡献者现在或将来拥有的专利。", "The license covers patents a contributor owns now or later.", "unchanged"),
    ("该方法带来了实质性的改进。", "The method brings substantially better results.", "unchanged"),
    # 'possible' before a noun names candidates; said of the claim it hedges; 'of course' weighs nothing
    ("这道题让模型从三个候选答案里挑出一个。", "The task asks the model to pick one of three possible answers.", "unchanged"),
    ("这道题让模型从三个可能的答案里挑出一个。", "The task asks the model to pick one of three answers.", "unchanged"),
    ("这种情况是可能的。", "This case occurs.", "softened"),
    ("这种情况发生了。", "It is possible that this case occurred.", "sharpened"),
    ("这不是唯一的方法。", "Of course, this is not the only method.", "unchanged"),
    # a forecast hedges as 'expected to' does, and only renders
    ("这种趋势可能会持续下去。", "We expect this trend to continue.", "unchanged"),
    ("这种趋势会持续下去。", "We expect this trend to continue.", "unchanged"),
    # bilingual review round 10 (a CEO's post): 将能 forecasts what 'may' allows; 'will likely' is a possibility;
    # 'we are certain' is a booster a 或许 drops
    ("新芯片将能运行这个模型。", "The new chip may run this model.", "sharpened"),
    ("这个方法很可能会有效。", "This method will likely work.", "unchanged"),
    ("我们相信，这或许是最好的方案。", "We are certain this is the best plan.", "softened"),
    # a certainty word quoted alone is mentioned, not used: the commentator rebutting the op-ed's 'inevitably'
    ("把零散的证据写成“必然”，这并不严谨。", "Scattered evidence is not rigorous.", "unchanged"),
    ("这必然会发生。", "This will happen.", "sharpened"),
    # 一定 before a noun is 'a certain (amount of)'; 板上钉钉 'a done deal' (bilingual review round 10)
    ("用水或许会对供水造成一定压力。", "Water use will strain supplies.", "softened"),
    ("这几乎是板上钉钉的事。", "This will probably happen.", "sharpened"),
    # not knowing how a claim holds is a hedge, said with its question word ('I don't know him' is none)
    ("这种优势未必能长期持续。", "We don't know how long this advantage lasts.", "unchanged"),
    ("这种优势一定会长期持续。", "We don't know how long this advantage lasts.", "sharpened"),
    ("我不认识他。", "I don't know him.", "unchanged"),
    # a booster the English states, swapped for the Chinese's own hedges, softens however loose the rendering (round 12)
    ("作者的判断是，出口管制在某种程度上可能放缓了它们的进展。", "Export controls have clearly slowed these labs, and their "
     "progress on chips and tools since then has been steady but modest.", "softened"),
    ("该公司将面临巨额赔偿。", "The company may face large damages.", "sharpened"),    # 将面临 for 'may face' (round 12)
    ("营收将达到百亿元。", "Revenue could reach ten billion yuan.", "sharpened"),     # 将达到 for 'could reach' (round 13)
    ("新规将拖慢小公司的进展。", "The new rules could slow smaller firms.", "sharpened"),   # 将 + a rate verb (round 13)
    ("新规要求企业标注内容。", "Firms must label content under the new rules.", "unchanged"),  # 要求 renders 'must'
])
def test_certainty_false_friends_titles_bounds_magnitudes_and_renderings(zh, en, expected):
    assert certainty_of(zh, en) == expected


@pytest.mark.parametrize("zh, ens, expected", [
    # each English sentence's step on its own: a quantity in another sentence neither invents nor hides a shift
    ("很多公司为此付费。", ["Most users run it locally.", "Many companies pay for it."], "unchanged"),
    ("很多公司为此付费。", ["Most users run it locally.", "Most companies pay for it."], "softened"),
    ("所有公司都为此付费。", ["Most users run it locally.", "Many companies pay for it."], "sharpened"),
    ("一些公司为此付费。", ["It is free.", "Many companies pay for it."], "softened"),
    ("该模型是最强的模型之一。", ["It is the best on math.", "It is one of the best on code."], "unchanged"),
    ("这个方法略快。", ["The old one is very slow.", "This method is quite fast."], "unchanged"),
    # an obligation in a sentence the Chinese draws on renders a booster of obligation
    ("用户必须遵守协议。", ["This is the agreement.", "Users are required to comply."], "unchanged"),
    # hedges and boosters: against the sentence(s) the Chinese draws on, clause by clause, not the whole paragraph
    ("这种帮助可能包括简化审批。", ["Government aid is real, but its size is unclear.",
                                 "The help almost certainly involved simpler permits."], "softened"),
    ("政府的帮助包括简化审批。", ["Government aid may be real.", "The help involved simpler permits."], "unchanged"),
    ("政府的帮助肯定包括简化审批。", ["Government aid may be real.", "The help involved simpler permits."], "sharpened"),
    ("作者说得很清楚，这个结论只适用于他们的团队，不一定能推广。",
     ["I want to be clear that this held for our team.", "It may not generalise."], "unchanged"),
    ("这个结论只适用于他们的团队，不一定能推广。",
     ["I want to be clear that this held for our team.", "It generalises."], "softened"),
])
def test_certainty_over_a_group_compares_each_sentence_on_its_own(zh, ens, expected):
    assert certainty_of_group(zh, ens) == expected


ZH_PLAIN = ["模型在这个任务上表现更好。", "训练成本在下降。", "这个方法适用于小团队。"]
EN_PLAIN = ["The model does better on this task.", "Training costs are falling.", "This method suits small teams."]
CUE_PAIRS = [("可能", "may"), ("也许", "perhaps"), ("或许", "possibly"), ("显然", "clearly"), ("肯定", "certainly")]
MIRROR = {"softened": "sharpened", "sharpened": "softened", "unchanged": "unchanged"}


@settings(max_examples=40, deadline=None)
@given(st.integers(0, len(ZH_PLAIN) - 1), st.sampled_from(CUE_PAIRS))
def test_moving_a_cue_to_the_other_version_mirrors_the_verdict(k, cue):
    """A hedge or booster carried by the Chinese alone and its counterpart carried by the English alone (a close one to
    one rendering) give mirrored verdicts: softened for one is sharpened for the other."""
    zh_cue, en_cue = cue
    zh_with = zh_cue + "，" + ZH_PLAIN[k]
    en_with = en_cue[0].upper() + en_cue[1:] + ", " + EN_PLAIN[k][0].lower() + EN_PLAIN[k][1:] if en_cue != "may" \
        else EN_PLAIN[k].replace(" does ", " may do ").replace(" are ", " may be ").replace(" suits ", " may suit ")
    on_chinese, on_english = certainty_of(zh_with, EN_PLAIN[k]), certainty_of(ZH_PLAIN[k], en_with)
    assert on_chinese != "unchanged"
    assert on_english == MIRROR[on_chinese]


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(["所有", "大多数", "很多", "一些"]), st.sampled_from(["All", "Most", "Many", "Some"]),
       st.sampled_from(["All", "Most", "Many", "Some", "The"]))
def test_another_quantified_sentence_in_the_group_never_invents_a_shift(zh_q, en_q, other_q):
    """Where one English sentence already quantifies the claim, adding a sentence of the paragraph leaves the verdict
    unchanged or as it was: it never turns 'unchanged' into a shift, nor one shift into the other."""
    zh = zh_q + "用户在本地运行它。"
    alone = certainty_of_group(zh, [en_q + " users run it locally."])
    both = certainty_of_group(zh, [en_q + " users run it locally.", other_q + " companies pay for it."])
    assert both in {"unchanged", alone}


def test_a_dropped_cue_counts_on_a_shared_english_sentence_only_for_its_strongest_link():
    """An English sentence two Chinese sentences link to: its booster counts as dropped by the one whose link is
    strongest, where that one renders it closely and the other carries no booster; never on a tie."""
    en = "There was certainly no sign of the agency changing the rules."
    zh_main, zh_other = "但他没有看到该机构修改规则的迹象。", "换句话说，规则仍然由企业自己制定。"
    claims = make_claims([
        (1, "commentary", "paragraph", 0, zh_main, "commentator", "", ""),
        (2, "commentary", "paragraph", 0, zh_other, "commentator", "", ""),
        (3, "original", "paragraph", 0, en, "plain", "", "certainly"),
    ])

    def verdicts(main: float, other: float, other_boosters: str = "") -> list[str]:
        table = claims.copy()
        table.loc[table["claim_id"] == 2, "boosters"] = other_boosters
        alignment = make_alignment([(1, 3, main, "summarises"), (2, 3, other, "summarises")])
        return F.certainty_shift(alignment, table)["certainty_shift"].tolist()

    assert verdicts(0.3, 0.1) == ["softened", "unchanged"]
    assert verdicts(0.1, 0.3) == ["unchanged", "softened"]       # the other is now the strongest link
    assert verdicts(0.3, 0.3) == ["unchanged", "unchanged"]      # a tie: nobody's alone
    assert verdicts(0.3, 0.1, "确实") == ["unchanged", "unchanged"]  # the other carries a booster: rendered there


def test_worth_reading_lists_no_hedge_of_an_english_sentence_the_chinese_does_not_draw_on():
    # the Chinese draws on the help that involved simpler permits, not on the sentence that hedges the aid's size: its
    # hedge weighed nothing against the added 可能, so it is not listed beside the label
    claims = make_claims([
        (1, "commentary", "paragraph", 0, "这种帮助可能包括简化审批。", "commentator", "可能", ""),
        (2, "original", "paragraph", 0, "Government aid may be real.", "plain", "may", ""),
        (3, "original", "paragraph", 0, "The help involved simpler permits.", "plain", "", ""),
    ])
    claims["block_id"] = [1, 2, 2]
    alignment = make_alignment([(1, 2, 0.5, "one_to_many"), (1, 3, 0.5, "one_to_many")])
    table = F.framing_table(alignment, claims, make_mentions([]), F.tag_frames(claims, lexicon=LEXICON),
                            F.load_categories())
    assert table["certainty_shift"].tolist() == ["softened"]
    gate = F.label_gate(pd.DataFrame({"label": ["certainty:softened"], "half": ["test"], "precision": [0.3],
                                      "predicted": [10]}))
    rows = F.worth_reading(table, claims, gate)
    certainty = rows[rows["shift"] == "certainty"]
    assert certainty.iloc[0]["zh_cues"] == "hedge 可能" and certainty.iloc[0]["en_cues"] == ""


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(ZH_PIECES), min_size=1, max_size=6).map("".join),
       st.sampled_from(["The essay was published.", "The essay may have been published.", "Clearly, it was published."]))
def test_a_cited_title_lends_no_cue(title, en):
    """Whatever a title in book-title marks says, the sentence citing it is judged as if it said nothing of it."""
    assert certainty_of(f"这篇名为《{title}》的文章发表了。", en) == certainty_of("这篇文章发表了。", en)


@pytest.mark.parametrize("zh, en, expected", [
    # a negated booster says 'unclear' as the English hedge does; 明确 negated is no booster
    ("结果尚不明确。", "It is unclear what the outcome will be.", "unchanged"),
    ("前景并不明朗。", "The outlook is uncertain.", "unchanged"),
    ("结果尚不明确。", "The outcome is known.", "softened"),
    ("他明确表示反对。", "He said he was against it.", "unchanged"),            # 明确 alone stays weak
    # a hedge restated in another word class renders it: a noun for an adjective, and back
    ("这存在很大的不确定性。", "This is highly uncertain.", "unchanged"),
    ("这件事不确定。", "There is uncertainty about this.", "unchanged"),
    ("成功的概率很高。", "Success is highly probable.", "unchanged"),
    ("我们研究了模型的不确定性。", "We study the model's uncertainty.", "unchanged"),
    ("我们研究了模型的不确定性。", "We study the model's errors.", "unchanged"),  # a rendering weighs nothing alone
    # 大大 before its verb is one token; 难免 and 绝不 are boosters; 需 is an obligation of formal Chinese
    ("这大大降低了成本。", "This greatly reduces cost.", "unchanged"),
    ("延迟大大降低，吞吐量也随之提升。", "Latency drops and throughput rises with it.", "sharpened"),
    ("各种大大小小的问题都已修复。", "Problems of every size have been fixed.", "unchanged"),
    ("这难免导致失败。", "This inevitably leads to failure.", "unchanged"),
    ("这绝不可能。", "This is definitely impossible.", "unchanged"),
    ("您需在分发时附上本协议。", "You must include this Agreement when distributing.", "unchanged"),
    # 完全 negated says 'not fully'; 'unlikely to' rendered 'hard to'; 迅速 for a sharp movement
    ("这个问题并未完全解决。", "The problem is not entirely solved.", "unchanged"),
    ("这个问题没有完全解决。", "The problem is not completely solved.", "unchanged"),
    ("这个问题没有完全解决。", "The problem is solved for now.", "softened"),
    ("这很难成功。", "This is unlikely to succeed.", "unchanged"),
    ("模型难以收敛。", "The model converges.", "unchanged"),                   # a rendering weighs nothing alone
    ("成本迅速下降。", "Costs fell sharply.", "unchanged"),
    # reported speech: 'would' is the reported 'will', so a Chinese 或许 softens and a 将 or 会 renders it
    ("布朗表示，新中心或许能使团队规模翻倍。", "Brown said the new centre would double the team.", "softened"),
    ("布朗表示，新中心将使团队规模翻倍。", "Brown said the new centre would double the team.", "unchanged"),
    ("布朗表示，新中心会使团队规模翻倍。", "Brown said the new centre would double the team.", "unchanged"),
    ("他说，如果建成，新中心可能使团队翻倍。", "He said that if built, the centre would double the team.", "unchanged"),
    ("新中心可能使团队规模翻倍。", "The new centre would double the team.", "unchanged"),  # no report: a hedge
    ("如果成本降低一半，用户数量就会翻倍。", "If costs fell by half, the number of users would double.", "unchanged"),
    # a worry negated voices none: it renders no hedge
    ("投资者可能放弃。", "No one was worried about it.", "softened"),
    ("投资者可能放弃。", "Investors were worried about it.", "unchanged"),
    ("投资者不担心，增长肯定会持续。", "Investors expect growth to continue.", "sharpened"),
    # 将会 is the future 'will', not the 会 of possibility: 'will likely' → 将会 drops the hedge
    ("该公司将会发布新模型。", "The company will likely release a new model.", "sharpened"),
    ("该公司将会发布新模型。", "The company will release a new model.", "unchanged"),
    ("该公司很可能会发布新模型。", "The company will likely release a new model.", "unchanged"),
    # adjectives of large size render a Chinese intensifier
    ("这显著提升了性能。", "This leads to a sizable improvement.", "unchanged"),
    ("这大幅提升了性能。", "This yields a marked improvement in performance.", "unchanged"),
    ("该文件被标记为废弃。", "The file is marked as deprecated.", "unchanged"),
    ("我们呼吁用户更新。", "We urge users to update.", "unchanged"),
    ("可见这是突破。", "Evidently, this is a breakthrough.", "unchanged"),
    # 'clearly' before a comparison grades a size, as 明显 does: no epistemic booster lost ...
    ("最好的闭源模型仍然明显领先。", "The best closed models are still clearly ahead.", "unchanged"),
    ("新模型明显更快。", "The new model is clearly faster.", "unchanged"),
    # ... but a booster all the same, which the Chinese can drop
    ("新模型更快。", "The new model is clearly faster.", "softened"),
    # 相较之下 compares, it does not hedge
    ("相较之下，这家公司的规模更小。", "By contrast, the company is smaller.", "unchanged"),
    # 恐 before a verb: a news report's 'may, is likely to'
    ("台湾供应链恐受波及。", "Taiwan's supply chain will be affected.", "softened"),
    ("台湾供应链恐受波及。", "Taiwan's supply chain may be affected.", "unchanged"),
    ("可见光的波长更短。", "Visible light has a shorter wavelength.", "unchanged"),
    # hearsay renders 'reportedly' and 'allegedly'; 'to our knowledge' is a writer's hedge in both languages
    ("据了解，该公司在裁员。", "The company is reportedly laying off staff.", "unchanged"),
    ("该公司涉嫌违规。", "The company allegedly broke rules.", "unchanged"),
    ("据了解，该公司在裁员。", "The company is laying off staff.", "unchanged"),      # renders only
    ("据我们所知，这是首个开源模型。", "As far as we know, this is the first open model.", "unchanged"),
    ("据我们所知，这是首个开源模型。", "To our knowledge, this is the first open model.", "unchanged"),
    ("这是首个开源模型。", "To the best of our knowledge, this is the first open model.", "sharpened"),
    ("但愿它有帮助。", "We hope it helps.", "unchanged"),
    ("大部分时候，这是对的。", "In most cases, this is right.", "unchanged"),
    ("这不一定对。", "This isn't necessarily right.", "unchanged"),
    ("这是对的。", "This doesn’t necessarily hold.", "sharpened"),
    # 大量 renders 'many'; a floating 'all' is no quantity; a licence's 'may be used' grants; a headline's formula
    ("对于一些包含大量重复值的数据，节省可以超过一半。", "For data with many repeated values, the savings can exceed half.",
     "unchanged"),
    ("大量用户在用它。", "Most users use it.", "softened"),
    ("中间夹了一些我自己的看法。", "It does this all without sending anything to a server.", "unchanged"),
    ("这和前面的逻辑一致，一些公司自己搭建。", "This all mirrors the logic above: companies build their own.", "unchanged"),
    ("所有公司都自己搭建。", "This all mirrors the logic above: some companies build their own.", "sharpened"),
    ("本项目基于 Apache-2.0 许可证发布。", "The project may be used under the terms of Apache-2.0.", "unchanged"),
    ("该模型可以被自由分发。", "The model may be distributed freely.", "unchanged"),
    ("这可能带来风险。", "The model may be used to produce harmful content.", "unchanged"),
    ("AI 的水账单，可能比你想的更吓人", "The water bill of AI", "unchanged"),
    ("AI 的水账单可能更高", "The water bill of AI is higher", "softened"),
    # a quantifier both versions hold is shared: only the others are compared; 'each year' is a frequency
    ("模型都有一些缺点。", "All models have some weaknesses.", "unchanged"),
    ("一些模型表现更好。", "Some models do better, while all of them are cheap.", "unchanged"),
    ("我们在所有基准上进行了测试，一些结果如下。", "We tested on many benchmarks; some results follow.", "sharpened"),
    ("所有模型都有一些缺点。", "All models have many weaknesses.", "softened"),
    ("很多公司每年花费数亿美元。", "Some companies spend hundreds of millions each year.", "sharpened"),
    ("一些公司每天都在用它。", "Some companies use it every day.", "unchanged"),
    # 大概 before a number approximates it (weak, as 大约 is); before a claim it is 'probably'
    ("这大概需要两天。", "This takes about two days.", "unchanged"),
    ("这大概需要两天。", "This probably takes two days.", "unchanged"),
    ("这大概是错的。", "This is wrong.", "softened"),
    ("这大概是错的。", "This is probably wrong.", "unchanged"),
    # approximations pair with each other first: 约 renders 'roughly', not the hedge on the claim beside it
    # (bilingual review round 21: an adapted blog post dropped "appears to" and kept 约三成)
    ("故障率下降了约三成。", "It appears to have cut the failure rate by roughly 30%.", "sharpened"),
    ("故障率似乎下降了约三成。", "It appears to have cut the failure rate by roughly 30%.", "unchanged"),
    ("故障率下降了约三成。", "It cut the failure rate by roughly 30%.", "unchanged"),
    # 'more likely to' compares how often, rendered 更容易: no writer's doubt, but it renders a hedge
    ("模型更容易产生幻觉。", "Models are more likely to hallucinate.", "unchanged"),
    ("小模型更不容易过拟合。", "Small models are less likely to overfit.", "unchanged"),
    ("模型更有可能产生幻觉。", "Models are more likely to hallucinate.", "unchanged"),
    ("这可能是内存问题。", "This is likely a memory issue.", "unchanged"),
    ("这是内存问题。", "This is likely a memory issue.", "sharpened"),
    # future tense, modals and questions a careful reader calls the same
    ("该公司将于明年发布新模型。", "The company will release a new model next year.", "unchanged"),
    ("开发者应该先测试。", "Developers should test first.", "unchanged"),
    ("开发者需要先测试。", "Developers should test first.", "unchanged"),
    ("您应在分发时附上本协议。", "You must include a copy of this Agreement when distributing.", "unchanged"),
    ("许可方有权终止本协议。", "The Licensor may terminate this Agreement.", "unchanged"),
    ("官员表示，该计划可能推迟。", "The plan may be delayed, the official said.", "unchanged"),
    ("这可能成功吗？", "Could this succeed?", "unchanged"),
    ("这种情况有可能发生。", "This could possibly happen.", "unchanged"),
])
def test_certainty_negated_boosters_word_classes_reported_speech_and_renderings(zh, en, expected):
    assert certainty_of(zh, en) == expected


@pytest.mark.parametrize("zh, ens, expected", [
    # a translator's sentence that merges two English sentences renders both closely: a cue dropped counts
    ("这个方法更快，成本也更低。", ["This method is probably faster.", "It also costs less."], "sharpened"),
    ("这个方法更快，成本也更低。", ["This method is clearly faster.", "It also costs less."], "softened"),
    ("这个方法可能更快，成本也更低。", ["This method is probably faster.", "It also costs less."], "unchanged"),
    ("这个方法更快，也更省事。", ["This method is probably faster.", "It also costs less."], "unchanged"),  # meets one
    # ... but a sentence that renders one of a long group compresses the rest, and drops nothing by itself
    ("这个方法更快。", ["This method is clearly faster.",
                      "It is also cheaper, and it works on every machine we have tried so far in the lab."], "unchanged"),
])
def test_a_cue_dropped_from_a_merged_translation_counts(zh, ens, expected):
    assert certainty_of_group(zh, ens) == expected


def test_a_cue_dropped_from_a_merged_translation_counts_only_where_no_other_sentence_draws_on_the_group():
    ens = ["This method is probably faster.", "It also costs less."]
    claims = make_claims([
        (1, "commentary", "paragraph", 0, "这个方法更快，成本也更低。", "commentator", "", ""),
        (2, "commentary", "paragraph", 0, "它的成本更低。", "commentator", "", ""),
        (3, "original", "paragraph", 0, ens[0], "plain", "probably", ""),
        (4, "original", "paragraph", 0, ens[1], "plain", "", ""),
    ])
    alone = make_alignment([(1, 3, 0.5, "one_to_many"), (1, 4, 0.5, "one_to_many")])
    shared = make_alignment([(1, 3, 0.5, "one_to_many"), (1, 4, 0.5, "one_to_many"), (2, 4, 0.4, "summarises")])
    assert F.certainty_shift(alone, claims)["certainty_shift"].tolist() == ["sharpened"]
    assert F.certainty_shift(shared, claims).set_index("zh_claim_id").loc[1, "certainty_shift"] == "unchanged"


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(["said", "told reporters", "added", "announced"]), st.sampled_from(["或许", "可能", "也许"]))
def test_a_reported_would_never_hides_a_hedge_the_chinese_adds(verb, hedge):
    """'X said it would double' reports a future, not a hedge: a hedge added in the Chinese softens it, and the same
    hedge moved to the English (X said it may double) mirrors the verdict against a Chinese in the future tense."""
    en = f"Brown {verb} the centre would double the team."
    assert certainty_of(f"布朗表示，新中心{hedge}会使团队规模翻倍。", en) == "softened"
    assert certainty_of("布朗表示，新中心将使团队规模翻倍。", en) == "unchanged"
    assert certainty_of("布朗表示，新中心将使团队规模翻倍。", en.replace("would", "may")) == "sharpened"


@settings(max_examples=80, deadline=None)
@given(st.sets(st.integers(1, 4), max_size=3), st.lists(st.sets(st.integers(1, 4), max_size=3), min_size=1, max_size=3),
       st.integers(1, 4))
def test_a_scale_verdict_mirrors_and_a_shared_quantifier_never_decides(zh, en, common):
    """Swapping the versions' steps swaps the verdict (for one English sentence); a quantifier added to both versions,
    where neither held that step, leaves the verdict as it was where both already held others."""
    if len(en) == 1:
        assert F.scale_verdict(en[0], [zh], 1) == -F.scale_verdict(zh, en, 1)
    if zh and all(en) and common not in zh and not any(common in e for e in en):
        assert F.scale_verdict(zh | {common}, [e | {common} for e in en], 1) == F.scale_verdict(zh, en, 1)


def test_a_count_a_product_stands_for_says_through_which():
    """'Meta most (5 mentions)' where React stood for Meta four times read as Meta named five times: the count says
    how many of its mentions a product or model made, and which, and says nothing where the text names it each time."""
    import pandas as pd
    from helpers.framing.labs import org_by_part, through_words
    from helpers.render import deck, narrative
    labs = pd.DataFrame({
        "org": ["Meta"] * 5 + ["Anthropic"] + ["OpenAI"] * 2,
        "part": ["original"] * 5 + ["commentary"] + ["original"] * 2,
        "via": ["product"] * 4 + ["", "", "", "model"],
        "surface": ["React", "react", "ReactJS", "React", "Facebook", "Anthropic", "OpenAI", "GPT-4"],
        "lang": ["en"] * 5 + ["zh"] + ["en"] * 2,
    })
    by_part = org_by_part(labs)
    assert by_part["total"].tolist() == [5, 2, 1]  # the counts themselves unchanged
    assert through_words(by_part, "Meta", "original") == ", 4 of them through React and ReactJS"
    assert through_words(by_part, "Anthropic", "commentary") == ""
    assert through_words(by_part, "Meta", "commentary") == ""
    title = deck.mention_title(by_part, pd.Series({"commentary": 600, "original": 2700}))
    assert "Meta most (5 times, 4 of them through React and ReactJS, 1.9 per 1,000 characters)" in title
    lines = narrative.mention_findings(by_part, pd.DataFrame(columns=["org", "only_in", "mentions"]))
    assert any("Meta most (5 mentions, 4 of them through React and ReactJS)" in line for line in lines)
    alone = org_by_part(labs[labs["org"] == "OpenAI"].assign(via=["model", "model"], surface=["GPT-4", "GPT-4o"]))
    assert through_words(alone, "OpenAI", "original") == ", all through GPT-4 and GPT-4o"


def test_a_clause_after_a_semicolon_keeps_its_sentences_attribution():
    """The parser cuts at ；, but the clause after it is the same sentence: 文章提出…；… is the article's claim whole
    (a summary's second clause read as the commentator's own). A new sentence after a full stop keeps its own voice,
    and the authors' first person is not carried."""
    from helpers.framing.shifts import attribution_cues
    claims = pd.DataFrame({"claim_id": [1, 2, 3, 4, 5, 6], "block_id": [1, 1, 1, 2, 2, 3],
                           "text": ["文章提出了三个原则；", "上下文是最重要的；", "日志也要保留。", "这是另一段话。",
                                    "成本在下降。", "我们认为；"]})
    cues = attribution_cues(claims).to_dict()
    assert cues[1] == "文章提出" and cues[2] == "↑文章提出" and cues[3] == "↑文章提出"
    assert cues[4] == "" and cues[5] == ""
    after_first_person = attribution_cues(pd.DataFrame({"claim_id": [1, 2], "block_id": [1, 1],
                                                        "text": ["我们认为；", "成本在下降。"]})).to_dict()
    assert after_first_person[2] == ""


def test_web_addresses_are_no_words_about_a_lab():
    """A sentence naming a lab beside its repository's address listed https, github and com as words about it."""
    from helpers.framing.labs import blank_mentions
    claims = pd.DataFrame({"claim_id": [1], "start": [0],
                           "text": ["代码在 https://github.com/acme/tool 和 acme.ai/docs 上，见 www.acme.com。"]})
    blanked = blank_mentions(claims, pd.DataFrame({"claim_id": [], "start": [], "end": []}))["text"].iloc[0]
    assert len(blanked) == len(claims["text"].iloc[0])  # offsets kept
    assert not any(piece in blanked for piece in ("https", "github", "com", "acme", "docs"))
    assert blanked.startswith("代码在 ") and "上，见" in blanked


# ---- the invented parallel set ----------------------------------------------------------------------

CERTAINTY_PAIRS = Path(__file__).parent / "fixtures" / "certainty" / "pairs.tsv"

#: What the labeller must keep on the invented set (tests/fixtures/certainty/pairs.tsv): of the sentences it labels
#: softened or sharpened, at least this share right (a false finding costs more than a missed one) ...
PAIRS_MIN_PRECISION = 0.9
#: ... and of the sentences a careful reader labels so, at least this share found, for each label.
PAIRS_MIN_RECALL = 0.75


def test_the_certainty_labeller_scores_on_an_invented_parallel_set():
    """Translation, compiled-news and commentary pairs written for the project, each with a careful reader's label:
    precision and recall of softened and sharpened above the floors, and the false friends (May the month, 或者,
    一定程度, 不一定 for 'not necessarily', a shared superlative, a hedge for a hedge) never labelled."""
    pairs = pd.read_csv(CERTAINTY_PAIRS, sep="\t", comment="#", dtype=str)
    assert len(pairs) >= 30 and set(pairs["genre"]) == {"translation", "news", "commentary"}
    assert set(pairs["label"]) == {"softened", "sharpened", "unchanged"}
    got = [certainty_of(zh, en) for zh, en in zip(pairs["zh"], pairs["en"])]
    for label in ("softened", "sharpened"):
        said = [g == label for g in got]
        gold = (pairs["label"] == label).tolist()
        right = sum(s and g for s, g in zip(said, gold))
        assert right / max(sum(said), 1) >= PAIRS_MIN_PRECISION, (label, right, sum(said))
        assert right / sum(gold) >= PAIRS_MIN_RECALL, (label, right, sum(gold))
    # a reader's "unchanged" for a false friend is never a label
    friends = (pairs["label"] == "unchanged") & pairs["why"].str.contains(
        "May the month|'or'|一定条件|rendered by one|shared|compound|ability")
    assert friends.sum() >= 10
    assert [g for g, f in zip(got, friends) if f] == ["unchanged"] * int(friends.sum())


@pytest.mark.parametrize("zh, en, expected", [
    # an epistemic booster (a claim's truth) is not rendered by a word of size ...
    ("这无疑是一次重大突破。", "This is a major breakthrough.", "sharpened"),
    ("这项技术必将改变行业。", "This technology could change the industry.", "sharpened"),
    # ... but by another epistemic booster, its rendering, or an obligation
    ("这无疑是一次重大突破。", "This is clearly a major breakthrough.", "unchanged"),
    ("这显然是一次重大突破。", "This is undoubtedly a major breakthrough.", "unchanged"),
    ("可见这是突破。", "Evidently, this is a breakthrough.", "unchanged"),
    ("你一定要先备份数据。", "You must back up your data first.", "unchanged"),
    ("这未必将改变行业。", "This will not necessarily change the industry.", "unchanged"),  # 未必 + 将, not 必将
    # frequency: always > usually on the quantity scale; 通常 renders both 'usually' and 'often'
    ("他总是第一个到。", "He usually arrives first.", "sharpened"),
    ("他总是第一个到。", "He always arrives first.", "unchanged"),
    ("他通常第一个到。", "He usually arrives first.", "unchanged"),
    ("他通常第一个到。", "He often arrives first.", "unchanged"),
    # a negated always is a hedge, not the top step; 有时 renders it
    ("这并不总是最好的选择。", "This is not always the best choice.", "unchanged"),
    ("这有时是最好的选择。", "This is not always the best choice.", "unchanged"),
    ("这有时是最好的选择。", "This is sometimes the best choice.", "unchanged"),
    # 几乎 before the verb scopes over 所有 after it: almost all, a step under all
    ("它几乎支持所有主流框架。", "It supports almost all mainstream frameworks.", "unchanged"),
    ("它几乎支持所有主流框架。", "It supports all mainstream frameworks.", "softened"),
    ("它支持所有主流框架。", "It supports almost all mainstream frameworks.", "sharpened"),
    # 大概 before a modal is 'probably', not an approximation of the number after the verb
    ("这一趋势大概会持续十年。", "This trend will continue for the next decade.", "softened"),
    ("这一趋势大概会持续十年。", "This trend will probably continue for the next decade.", "unchanged"),
    # an open question and a settled fact, each rendered by the other language's form
    ("这一结论尚无定论。", "The conclusion remains unclear.", "unchanged"),
    ("这一结论尚无定论。", "The conclusion is settled.", "softened"),
    ("众所周知,这个方法很有效。", "It is well known that this method works well.", "unchanged"),
    ("众所周知,这个方法很有效。", "This method works well.", "sharpened"),
    ("这是一家知名的公司。", "This is a well-known company.", "unchanged"),        # the adjective, no booster
    ("这是无可争议的事实。", "This is an undisputed fact.", "unchanged"),
    ("这是无可争议的事实。", "This is a fact.", "sharpened"),
    # the adverbial 一定程度地 is the hedge 'to some extent'; 达到一定程度 'reach a certain level' is none
    ("这一定程度地缓解了问题。", "This eased the problem.", "softened"),
    ("当规模达到一定程度时,成本会下降。", "When the scale reaches a certain point, costs fall.", "unchanged"),
    # 有望 is a hedge of expectation; the English words of promise render it
    ("这种做法有望降低成本。", "This approach reduces costs.", "softened"),
    ("这种做法有望降低成本。", "This approach promises to reduce costs.", "unchanged"),
    ("这种做法有望降低成本。", "This approach is expected to reduce costs.", "unchanged"),
    # bilingual review round 4 (invented pairs): 仍然 renders 'still, remains' (aspect, not certainty); 下表比较 is
    # 'the table compares', no hedge; 数据称 is 'the figures say', no 据称 ('reportedly') across its two words
    ("华为的芯片在训练上仍然不如英伟达。", "Huawei's chips still trail Nvidia's in training.", "unchanged"),
    ("华为的芯片在训练上仍然不如英伟达。", "Huawei's chips trail Nvidia's in training.", "unchanged"),
    ("下表比较新模型与旧模型的得分。", "The table below compares the new model with the old one.", "unchanged"),
    ("州政府数据称，总容量约为580万千瓦。", "State data show total capacity of 5.8 GW.", "unchanged"),
    ("据称，总容量约为580万千瓦。", "Total capacity is 5.8 GW.", "softened"),
    # 'appearing' is the hedge appear (Hyland) in its -ing form: 看起来 renders it (invented pair)
    ("这让它的吞吐量看起来更低。", "This leaves its throughput appearing lower.", "unchanged"),
    ("这让它的吞吐量看起来更低。", "This leaves its throughput lower.", "softened"),
])
def test_certainty_epistemic_boosters_and_frequency(zh, en, expected):
    assert certainty_of(zh, en) == expected


def _weighed_epistemic(lang: str) -> list[str]:
    """The epistemic boosters of cues.csv that weigh (booster, not weak_booster), in ``lang``; Chinese ones in their
    Simplified form only (a Traditional document is read through its Simplified view)."""
    from helpers.text.variants import convert_span
    from helpers.vocab import load_cues
    cues = load_cues()
    of = lambda category: set(cues.loc[(cues["category"] == category) & (cues["lang"] == lang), "cue"])  # noqa: E731
    found = sorted((of("epistemic") & of("booster")) - of("weak_booster"))
    return [c for c in found if lang == "en" or convert_span(c) == c]


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(_weighed_epistemic("zh")), st.sampled_from(_weighed_epistemic("en")))
def test_an_epistemic_booster_is_rendered_by_any_other_and_by_no_word_of_size(zh, en):
    """Any weighed booster of truth rendered by any other is unchanged; against a word of size alone it sharpens."""
    assert certainty_of(f"这{zh}是一次突破。", f"This is {en} a breakthrough.") == "unchanged"
    assert certainty_of(f"这{zh}是一次重大突破。", "This is a major breakthrough.") == "sharpened"


def _weighed(category: str, lang: str) -> list[str]:
    """The cues of ``category`` (hedge or booster) in ``lang`` that weigh (not listed as weak); Chinese ones in their
    Simplified form only, and only those a sentence can hold as they are (a token row jieba never cuts whole, such as
    一定程度, is left to its substring rows)."""
    from helpers.text.variants import convert_span
    from helpers.vocab import load_cues
    cues = load_cues()
    of = lambda name: set(cues.loc[(cues["category"] == name) & (cues["lang"] == lang), "cue"])  # noqa: E731
    found = sorted(of(category) - of("weak_" + category))
    return [c for c in found if lang == "en" or (convert_span(c) == c and c not in ("一定程度",))]


@settings(max_examples=80, deadline=None)
@given(st.sampled_from(_weighed("hedge", "zh")), st.sampled_from(_weighed("hedge", "en")))
def test_any_weighed_hedge_added_softens_dropped_sharpens_and_rendered_is_unchanged(zh, en):
    """Over the whole hedge lexicon: a Chinese hedge added to a close rendering softens it, an English hedge the close
    rendering drops sharpens it, and a hedge rendered by a hedge, whichever two, is unchanged."""
    assert certainty_of(f"这个方法{zh}有效。", "This method works.") == "softened"
    assert certainty_of("这个方法有效。", f"This method {en} works.") == "sharpened"
    assert certainty_of(f"这个方法{zh}有效。", f"This method {en} works.") == "unchanged"


@settings(max_examples=80, deadline=None)
@given(st.sampled_from(_weighed("booster", "zh")), st.sampled_from(_weighed("booster", "en")))
def test_any_weighed_booster_added_sharpens_dropped_softens_and_rendered_is_unchanged(zh, en):
    """Over the whole booster lexicon: a Chinese booster added to a close rendering sharpens it, an English booster the
    close rendering drops softens it, and a booster rendered by a booster, whichever two, is unchanged."""
    assert certainty_of(f"这个方法{zh}有效。", "This method works.") == "sharpened"
    assert certainty_of("这个方法有效。", f"This method {en} works.") == "softened"
    assert certainty_of(f"这个方法{zh}有效。", f"This method {en} works.") == "unchanged"


#: Neutral sentences a certainty cue is set in to see whether jieba cuts it whole.
TOKEN_FRAMES = ("这个{}有效。", "{}，这个有效。", "他说{}会好。", "我们{}需要它。")


def test_every_chinese_token_cue_of_certainty_is_one_jieba_can_cut_whole():
    """A cue matched as a whole jieba token that jieba never cuts whole (一定程度 is cut 一定 + 程度) matches nothing:
    every such row of the certainty categories must come out whole in some neutral sentence, or be a substring row."""
    from helpers.tables.entities import tokenizer_for
    from helpers.text.variants import convert_span
    from helpers.vocab import load_cues
    cues = load_cues()
    certainty = cues["category"].str.contains(
        "hedge|booster|modal|obligation|quantity|superlative|degree|extent|rarity|evidence|epistemic|near_universal|possibility|approximation")
    rows = cues[certainty & (cues["lang"] == "zh") & (cues["match"] == "token")]
    tokenizer = tokenizer_for()
    dead = sorted({cue for cue in rows["cue"] if convert_span(cue) == cue and not any(
        cue in [t[0] for t in tokenizer.tokenize(frame.format(cue))] for frame in TOKEN_FRAMES)})
    assert len(rows) > 300 and dead == []


# ---- certainty: the extent scale, partly < largely < fully (made-up pairs) ---------------------------------------

@pytest.mark.parametrize("zh, en, expected", [
    # the same step on both sides is no shift, a negated fully included
    ("这个问题尚未完全解决。", "The problem has not been fully solved.", "unchanged"),
    ("这个问题并未完全解决。", "The problem is not completely solved.", "unchanged"),
    ("这个问题部分地得到了解决。", "The problem is partly solved.", "unchanged"),
    ("这个问题在很大程度上得到了解决。", "The problem is largely solved.", "unchanged"),
    ("这个问题已经彻底解决。", "The problem is fully solved.", "unchanged"),
    ("该模型无法完全取代人工审核。", "The model doesn't fully replace human review.", "unchanged"),
    # a step down softens, a step up sharpens, a negated fully being partly
    ("这个问题部分地得到了解决。", "The problem is fully solved.", "softened"),
    ("这个问题基本上得到了解决。", "The problem is completely solved.", "softened"),
    ("这个问题尚未完全解决。", "The problem is largely solved.", "softened"),
    ("这个问题已经完全解决。", "The problem is partly solved.", "sharpened"),
    ("这个问题大体上得到了解决。", "The problem is solved to some extent.", "sharpened"),
    ("这个问题已经完全解决。", "The problem is not fully solved.", "sharpened"),
    # a step one version alone takes counts only as the hedge or booster it is: 部分地 and 完全 are neither
    ("这个问题部分地得到了解决。", "The problem is solved.", "unchanged"),
    ("这个问题已经完全解决。", "The problem is solved.", "unchanged"),
    ("这个问题在某种程度上得到了解决。", "The problem is solved.", "softened"),      # 某种程度上 a hedge
    # look-alikes: a fully word stressing a negation or a difference, a technical term; 不仅 negates nothing
    ("这两个版本完全不同,后者大体上更快。", "The two versions differ; the latter is largely faster.", "unchanged"),
    ("该方法完全不需要标注数据。", "The method mostly needs no labelled data.", "unchanged"),
    ("该网络大体上由卷积层组成。", "The network is mostly convolutional, with a fully connected head.", "unchanged"),
    ("这基本上是旧方法。", "This is an entirely new take on the old method.", "unchanged"),
    ("它不仅完全免费,而且开源。", "It is not only free but largely open source.", "sharpened"),
])
def test_certainty_extent_scale(zh, en, expected):
    assert certainty_of(zh, en) == expected


@pytest.mark.parametrize("text, expected", [
    ("这个问题尚未完全解决。", ["extent_partial"]),
    ("它无法完全替代人工。", ["extent_partial"]),
    ("它不仅完全免费。", ["extent_full"]),
    ("两者完全不同。", []),
    ("这完全没有必要。", []),
    ("It doesn't fully work.", ["extent_partial"]),
    ("It has not yet been fully tested.", ["extent_partial"]),
    ("It is fully open, not closed.", ["extent_full"]),
    ("It adds a fully connected layer.", []),
    ("It is an entirely new design.", []),
    ("By and large, it works.", ["extent_large"]),
])
def test_extent_cues_with_their_negation_and_look_alikes(text, expected):
    cues = F.scoped_cues(F._certainty_matchers()["extent"], text)
    assert [label for _, _, label in F.negated_extent_scope(text, cues)] == expected


def _extent_cues(lang: str) -> list[tuple[str, int]]:
    """Every extent cue of cues.csv in ``lang`` with its step (Simplified Chinese only)."""
    from helpers.text.variants import convert_span
    from helpers.vocab import load_cues
    cues = load_cues()
    rows = cues[cues["category"].isin(F.EXTENT_SCALE) & (cues["lang"] == lang)]
    return [(c, F.EXTENT_SCALE[k]) for c, k in zip(rows["cue"], rows["category"]) if lang == "en" or convert_span(c) == c]


#: Made-up frames an extent cue is set in: (Chinese, English).
EXTENT_FRAMES = [("这个问题已经{}解决了。", "The problem has been {} solved."),
                 ("该工具{}替代了手写脚本。", "The tool {} replaced hand-written scripts.")]


@settings(max_examples=80, deadline=None)
@given(st.sampled_from(_extent_cues("zh")), st.sampled_from(_extent_cues("en")), st.sampled_from(EXTENT_FRAMES))
def test_an_extent_step_shifts_by_its_direction_and_swapping_the_versions_mirrors_it(zh, en, frame):
    """Any Chinese extent cue against any English one: the same step is unchanged, a lower Chinese step softens, a
    higher one sharpens; read the other way round (the English as the rendering) the verdict mirrors."""
    (zh_cue, zh_step), (en_cue, en_step) = zh, en
    zh_text, en_text = frame[0].format(zh_cue), frame[1].format(en_cue)
    expected = "sharpened" if zh_step > en_step else "softened" if zh_step < en_step else "unchanged"
    assert certainty_of(zh_text, en_text) == expected
    assert RANK[certainty_of(en_text, zh_text)] == -RANK[expected]


@pytest.mark.parametrize("zh, en, expected", [
    # how strongly a finding supports a claim: only two steps apart (suggest against prove) shift
    ("这一结果证明数据质量更重要。", "This result suggests that data quality matters more.", "sharpened"),
    ("这一结果暗示数据质量更重要。", "This result proves that data quality matters more.", "softened"),
    ("这一结果表明数据质量更重要。", "This result suggests that data quality matters more.", "unchanged"),
    ("这一结果证明数据质量更重要。", "This result shows that data quality matters more.", "unchanged"),
    ("这一结果证明数据质量更重要。", "Data quality matters more.", "unchanged"),          # one version only
    ("我们建议你先备份,结果证明这很有用。", "We suggest you back up first; this proved useful.", "unchanged"),  # advice
    # how seldom: rarely < never, a step apart
    ("该模型从不输出无效的结果。", "The model rarely outputs invalid results.", "sharpened"),
    ("该模型很少输出无效的结果。", "The model never outputs invalid results.", "softened"),
    ("该模型几乎从不输出无效的结果。", "The model rarely outputs invalid results.", "unchanged"),
    ("该模型从未输出无效的结果。", "The model has never output invalid results.", "unchanged"),
    ("该模型很少输出无效的结果。", "The model outputs invalid results.", "unchanged"),    # one version only
    # 原则上 'in principle' renders the English hedge, as 理论上 'in theory' does
    ("原则上,这个方法适用于任何语言。", "In principle, this method works for any language.", "unchanged"),
    ("理论上,这个方法适用于任何语言。", "In principle, this method works for any language.", "unchanged"),
])
def test_certainty_evidence_and_rarity_scales_and_hedges_of_principle(zh, en, expected):
    assert certainty_of(zh, en) == expected


@pytest.mark.parametrize("zh, en, expected", [
    # a possibility made a prediction: 'could', 'might' against the future 将会, 将要 (将 alone is also the object marker)
    ("这将会使推理速度翻倍。", "This could double the inference speed.", "sharpened"),
    ("它将要发布新版本。", "It might release a new version.", "sharpened"),
    ("这将会使推理速度翻倍。", "This will double the inference speed.", "unchanged"),
    ("这可能会使推理速度翻倍。", "This could double the inference speed.", "unchanged"),
    ("这可能会使推理速度翻倍。", "This will likely double the inference speed.", "unchanged"),
    ("这将会使推理速度翻倍,但成本可能上升。", "This will double the speed, but costs could rise.", "unchanged"),
    ("我们将会改用新方案。", "We could not keep the old plan, so we will switch.", "unchanged"),   # past inability
])
def test_certainty_a_possibility_made_a_prediction(zh, en, expected):
    assert certainty_of(zh, en) == expected


@pytest.mark.parametrize("zh, en, expected", [
    # a figure reference is no 'show' of evidence: 'suggest' stays two steps under 证明
    ("如图所示,实验证明数据更重要。", "As shown in the figure, the experiments suggest data matters more.", "sharpened"),
    ("如图所示,实验表明数据更重要。", "As shown in the figure, the experiments suggest data matters more.", "unchanged"),
    # 证明 the noun weighs no evidence
    ("申请人需提交证明文件,这意味着流程很正式。", "Applicants submit a certificate, which suggests a formal process.",
     "unchanged"),
])
def test_certainty_evidence_look_alikes(zh, en, expected):
    assert certainty_of(zh, en) == expected


def test_a_question_carries_no_certainty_or_voice_shift():
    # a bilingual review (round 5): a section title asking '美国企业不用中国模型？' was labelled a quote absorbed
    from helpers.params import Params
    from helpers.pipeline import run

    text = ("中国模型被高估了吗\n美国企业真的不用中国模型？\n中国模型很便宜。\n很多公司都在用。\n"
            "Are Chinese models overrated?\nAmerican companies do not use Chinese models, the author said.\n"
            "Chinese models are cheap.\nMany companies use them.\n")
    framing = run(text, Params()).framing.set_index("zh_text")
    asked = framing.loc["美国企业真的不用中国模型？"]
    assert asked["relation"] != "" and (asked["certainty_shift"], asked["voice_shift"]) == ("", "")


def test_major_before_a_noun_is_no_hedge_and_mainly_before_a_verb_is():
    # a bilingual review (round 5): 主要 in 主要客户 ('major customers') was listed as a hedge beside a sharpened pair
    from helpers.tables.claims import find_cues
    from helpers.tables.entities import tokenizer_for

    def hedges(text):
        return find_cues(text, "hedge", tokens=tokenizer_for().tokenize(text))

    assert "主要" not in hedges("需求来自主要客户。")
    assert "主要" in hedges("需求主要来自云计算客户。")


@pytest.mark.parametrize("zh, en, english, listed", [
    ("过渡期为12个月。", "The transition lasts 18 months.", "", "12"),          # a changed figure (round 5's policy paper)
    ("将近四成的修改改错了。", "39.2% of the revisions were wrong.", "", ""),      # a round figure meets its rounding
    ("研究招募了平均有 9 年经验的维护者。", "It recruited maintainers with nine years' experience on average.", "", ""),
    ("新规于2027年1月15日生效。", "The rules take effect on January 15, 2027.", "", ""),   # a month and a day aside
    ("Kestrel 2 的得分为 41 分。", "Kestrel 2 scored 41 points.", "", ""),           # a version aside
    ("训练成本约 900 万美元。", "Training cost was not disclosed; one investor put it at 10 million dollars.", "", "900 万"),
    ("总容量为580万千瓦。", "Capacity is large, the state said.", "It has 5.8 million kilowatts.", ""),  # said elsewhere
    ("下表比较 3 个模型。", "The table compares the models.", "", ""),               # no figure of its kind linked
    # a bound meets any figure inside it (bilingual review round 6): 3000多, 逾150亿, 近8亿, 300余人, 99%以上
    ("已有3000多家企业使用。", "Over 3,100 companies use it.", "", ""),
    ("估值逾150亿美元。", "It is valued at $15.5 billion.", "", ""),
    ("收入近8亿美元。", "Revenue was $780 million.", "", ""),
    ("团队有300余人。", "The team has 320 people.", "", ""),
    ("准确率在99%以上。", "Accuracy is 99.2%.", "", ""),
    ("团队有300余人。", "The team has 420 people.", "", "300"),                    # outside the bound: listed
    # a quantity in another unit (bilingual review round 6): a conversion is no difference, a changed figure is
    ("装机容量从不到1万千瓦增至160万千瓦。", "Capacity grew from under 10 megawatts to 1.6 GW.", "", ""),
    ("年用电量约9450亿千瓦时。", "Annual demand is about 945 TWh.", "", ""),
    ("两地相距160公里。", "The sites are 100 miles apart.", "", ""),
    ("两地相距250公里。", "The sites are 100 miles apart.", "", "250公里"),
    # a round figure meets what rounds to it; a price converted at the rate the Chinese states (round 7)
    ("约39%的题目被污染。", "39.1% of the items were contaminated.", "", ""),
    ("一辆电动卡车售价约108万元（按1美元约合7.2元人民币计）。", "An electric truck costs $150,000.", "", ""),
    ("收入近8亿美元。", "Revenue was $820 million.", "", "8亿"),
    # a figure rounded at the place it writes (bilingual review round 16): 71% for 71.4 percent; not 2% for 1.6%
    ("准确率为71%。", "Accuracy was 71.4 percent.", "", ""),
    ("营收38亿美元。", "Revenue was $3.75 billion.", "", ""),
    ("准确率为72%。", "Accuracy was 71.4 percent.", "", "72%"),
    ("份额为2%。", "Its share is 1.6%.", "", "2%"),
    # a translator's note mark and an hour of the day are no figures (round 16)
    ("下载量超过了12亿次[译者注1]。", "Downloads passed 1.2 billion.", "", ""),
    ("管理层将于当天下午2点召开电话会议。", "Management will hold a call at 2:00 p.m. Pacific time in 2026.", "", ""),
    ("指数上涨了30点。", "The index rose 25 points.", "", "30"),
    # an 'about' figure rounded at its place (round 16): 约6亿 for 612 million
    ("中国区收入约6亿美元。", "China revenue was $612 million.", "", ""),
])
def test_figures_a_linked_sentence_states_that_the_english_nowhere_states(zh, en, english, listed):
    table = pd.DataFrame({"zh_claim_id": [1], "zh_text": [zh], "en_text": [en]})
    found = F.figure_changes(table, english or en)
    assert (found["zh_figures"].iloc[0] if len(found) else "") == listed


@pytest.mark.parametrize("text, cue, credited", [
    ("Priya Raman对作者表示，这很难。", "表示", False),     # the author spoken to: 'Priya Raman told me' (round 7)
    ("作者表示，这很难。", "表示", True),
])
def test_the_author_as_the_one_spoken_to_is_no_credit_to_the_author(text, cue, credited):
    assert F.author_marked(text, cue) == credited


def test_she_said_rendered_by_ta_biaoshi_is_attributed_not_reattributed():
    # bilingual review round 8: 她表示 for "she said" was labelled reattributed (credited to the author)
    claims = make_claims([
        (1, "commentary", "paragraph", 1, "她表示，公司明年会招聘更多研究人员。", "reported", "", ""),
        (2, "original", "paragraph", 2, "The company will hire more researchers next year, she said.", "reported", "", ""),
    ])
    table = F.voice_shift(make_alignment([(1, 2, 0.6, "summarises")]), claims)
    assert table["voice_shift"].iloc[0] == "attributed"


@pytest.mark.parametrize("english, shift", [
    ("The company will hire more researchers next year, Wang said.", "attributed"),   # a named speaker (round 10)
    ("The company will hire more researchers next year, said Wang.", "attributed"),
    ("The company will hire more researchers next year, a source told me.", "reattributed"),
])
def test_he_said_for_a_named_speaker_keeps_the_speakers_claim(english, shift):
    # bilingual review round 10: a profile's 他说自己… for "Wang said" was labelled reattributed
    claims = make_claims([
        (1, "commentary", "paragraph", 1, "他说，公司明年会招聘更多研究人员。", "reported", "", ""),
        (2, "original", "paragraph", 2, english, "reported", "", ""),
    ])
    table = F.voice_shift(make_alignment([(1, 2, 0.6, "summarises")]), claims)
    assert table["voice_shift"].iloc[0] == shift


def test_a_cameras_resolution_in_wan_pixels_is_the_megapixels():
    # bilingual review round 14: 1200万像素 against "12-megapixel" was listed among the figures to check
    t = pd.DataFrame({"zh_claim_id": [1, 2], "zh_text": ["主摄像头为1200万像素。", "主摄像头为1600万像素。"],
                      "en_text": ["The main camera is 12-megapixel.", "The main camera is 12-megapixel."]})
    assert F.figure_changes(t)["zh_claim_id"].tolist() == [2]


def test_yi_cheng_ban_is_fifteen_percent():
    # bilingual review round 15: 一成半 was read as 一成 and listed against "15 percent"
    t = pd.DataFrame({"zh_claim_id": [1], "zh_text": ["我们把约一成半的算力用于安全。"],
                      "en_text": ["We spend about 15 percent of our compute on safety."]})
    assert F.figure_changes(t).empty


def test_a_time_stamp_and_a_footnote_mark_are_no_figures():
    # bilingual review round 15: '[00:01:44]' and 'earlier.[1]' were read as figures against the Chinese's
    t = pd.DataFrame({"zh_claim_id": [1], "zh_text": ["收入增长了一成。"],
                      "en_text": ["[00:01:44] Revenue grew 10 percent from a year earlier.[1]"]})
    assert F.figure_changes(t).empty


def test_a_section_title_carries_no_voice_shift():
    # bilingual review round 15: '二、钱和卡' was labelled quote_absorbed against the English it was linked to
    from helpers.tables.claims import decide_voice
    zh, en = "二、钱和卡", "Money and chips, Zhou said, were the constraint."
    claims = make_claims([(1, "commentary", "heading", 0, zh, decide_voice(zh, part="commentary")[0], "", ""),
                          (2, "original", "paragraph", 0, en, decide_voice(en, part="original")[0], "", "")])
    assert F.voice_shift(make_alignment([(1, 2, 0.5, "summarises")]), claims)["voice_shift"].tolist() == [""]


@pytest.mark.parametrize("zh, shift", [
    ("按Ellison的说法，出版商正在被投稿淹没。", "attributed"),   # 'in X's words' keeps the claim X's (round 16)
    ("用Ellison的话说，出版商正在被投稿淹没。", "attributed"),
    ("出版商正在被投稿淹没。", "quote_absorbed"),
])
def test_in_a_speakers_words_is_an_attribution(zh, shift):
    claims = make_claims([
        (1, "commentary", "paragraph", 1, zh, "commentator", "", ""),
        (2, "original", "paragraph", 2, "Publishers are drowning in submissions, Ellison said.", "reported", "", ""),
    ])
    table = F.voice_shift(make_alignment([(1, 2, 0.6, "summarises")]), claims)
    assert table["voice_shift"].iloc[0] == shift


def test_by_a_sources_count_is_an_attribution():
    # bilingual review round 16: 按照Hugging Face的统计 ('by Hugging Face's count') was read as absorbing the source
    claims = pd.DataFrame({"claim_id": [1, 2], "text": ["按照Hugging Face的统计，平台上的衍生模型已超过150万个。",
                                                        "平台上的衍生模型已超过150万个。"]})
    assert F.attribution_cues(claims).tolist() == ["的统计", ""]


@pytest.mark.parametrize("text, hedged", [
    ("出口管制或会进一步收紧。", True),     # Hong Kong and Taiwan 或會 'may' (bilingual review round 18)
    ("公司将召开董事会或会议讨论此事。", False),
])
def test_huo_hui_is_a_hedge_but_not_before_a_meeting(text, hedged):
    from helpers.tables.claims import find_cues
    from helpers.tables.entities import tokenizer_for
    assert ("或会" in find_cues(text, "hedge", tokens=tokenizer_for().tokenize(text))) == hedged


def test_said_glued_to_shi_is_an_attribution():
    # bilingual review round 19: 该公司总裁在接受采访时说 (jieba cuts 时说) was read as absorbing the quote
    claims = pd.DataFrame({"claim_id": [1], "text": ["该公司总裁在接受采访时说，这种药明年进入临床。"]})
    assert F.attribution_cues(claims).iloc[0].endswith("时说")   # the frame from its subject to the verb


def test_cyber_attacks_and_crime_in_chinese_are_security_words_as_cyber_is_in_english():
    # bilingual review round 21: an open letter on cyber-offense read as security words in 15% of the English (cyber*)
    # and 0% of its translation (网络攻击, 网络犯罪 were no cue)
    claims = pd.DataFrame({"claim_id": [1, 2, 3], "start": [0, 20, 40],
                           "text": ["AI系统在网络攻击领域的能力。", "全球网络犯罪造成的损失。", "一个神经网络模型。"]})
    tags = F.tag_frames(claims)
    security = tags[tags["frame"] == "security_and_defense"]
    assert sorted(security["cue"]) == ["网络攻击", "网络犯罪"]
