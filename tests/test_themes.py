"""helpers.framing.themes: term counts, theme cues and the lab-mention tables, input → output."""

import os
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings, strategies as st

from helpers import vocab
from helpers.framing import labs as lab_tables, themes
from helpers.paths import ROOT
from helpers.tables.extract import extract
from helpers.text.variants import convert_view
from tools import gold_eval


def claims_table(rows):
    """A minimal claims table: (claim_id, part, lang, text[, section]) rows, content paragraphs."""
    table = pd.DataFrame(rows, columns=["claim_id", "part", "lang", "text", "section"][: len(rows[0])])
    if "section" not in table:
        table["section"] = 0
    table["kind"] = "paragraph"
    table["block_id"] = table["claim_id"]
    table["start"] = (table["claim_id"] - 1) * 100
    table["end"] = table["start"] + table["text"].str.len()
    return table


@pytest.mark.parametrize("text, expected", [
    ("中国开发者很迷 Claude。", ["中国", "开发者", "Claude"]),
    ("我们认为 2026 年芯片非常重要!", ["芯片", "重要"]),      # stopwords, numbers, 年, punctuation out
    ("的了是", []),
])
def test_terms_zh_keeps_content_words_only(text, expected):
    assert themes.terms_zh(text, themes.load_stopwords("zh")) == expected


@pytest.mark.parametrize("text, expected", [
    ("Nvidia's chips are the gold-standard.", ["nvidia", "chips", "gold-standard"]),
    ("It is a 10x model, I think", ["model", "think"]),               # numbers and single letters out
])
def test_terms_en_lowercases_strips_possessives_and_stopwords(text, expected):
    assert themes.terms_en(text, themes.load_stopwords("en")) == expected


def test_top_terms_counts_and_breaks_ties_alphabetically():
    claims = claims_table([
        (1, "original", "en", "Chips and chips and models."),
        (2, "original", "en", "Models need data."),
        (3, "commentary", "zh", "芯片很缺。"),
        (4, "noncontent", "en", "Subscribe to chips"),        # not content: never counted
    ])
    table = themes.top_terms(claims, "en", 3)
    assert table.to_dict("list") == {"lang": ["en"] * 3, "term": ["chips", "models", "data"],
                                     "count": [2, 2, 1], "claims": [1, 2, 1]}
    assert themes.top_terms(claims, "en", 3, extra_stopwords=["CHIPS"])["term"].tolist() == ["models", "data", "need"]


def test_top_terms_count_by_version_and_keep_latin_words_whole():
    claims = claims_table([
        (1, "commentary", "zh", "DeepSpeed-HE 加速 RLHF 训练。"),
        (2, "commentary", "en", "OPT-13B | 9 hours | 9 hours"),    # a table row of the Chinese version
        (3, "original", "en", "DeepSpeed-HE speeds up RLHF training."),
    ])
    zh = themes.top_terms(claims, "zh", 10).set_index("term")["count"].to_dict()
    en = themes.top_terms(claims, "en", 10).set_index("term")["count"].to_dict()
    assert zh["DeepSpeed-HE"] == 1 and zh["RLHF"] == 1 and "RL" not in zh and "HE" not in zh
    assert zh["hours"] == 2 and "hours" not in en                   # the row is the Chinese version's
    assert set(en) == {"deepspeed-he", "speeds", "rlhf", "training"}


def test_top_terms_of_a_language_with_no_sentences_is_empty_with_columns():
    claims = claims_table([(1, "original", "en", "Chips.")])
    assert themes.top_terms(claims, "zh").columns.tolist() == themes.TERM_COLUMNS


def test_theme_hits_match_by_language_and_respect_word_boundaries():
    claims = claims_table([
        (1, "commentary", "zh", "中国实验室缺少芯片和算力,也在开源。"),
        (2, "original", "en", "Labs race for GPUs and open-source releases."),
        (3, "original", "en", "They embrace scaling."),         # "race" inside "embrace" is no hit
        (4, "original", "en", "芯片"),                           # English claim: Chinese cues not searched
    ])
    hits = themes.theme_hits(claims)
    found = {(c, t, cue) for c, t, cue in hits.itertuples(index=False)}
    assert {(1, "technology", "芯片"), (1, "openness", "开源"), (2, "technology", "gpus"), (2, "openness", "open-source"),
            (2, "external_regulation_and_reputation", "race")} <= found
    assert not any(cue == "race" for c, _, cue in found if c == 3)
    assert 4 not in set(hits["claim_id"])


def test_theme_share_counts_each_sentence_once_per_theme():
    claims = claims_table([
        (1, "commentary", "zh", "芯片芯片算力"),
        (2, "commentary", "zh", "今天天气好"),
        (3, "original", "en", "Nvidia chips."),
    ])
    share = themes.theme_share(claims, themes.theme_hits(claims)).set_index(["theme", "lang"])
    assert share.loc[("technology", "zh"), "hits"] == 1 and share.loc[("technology", "zh"), "share"] == 0.5
    assert share.loc[("technology", "en"), "share"] == 1.0
    emphasis = themes.theme_emphasis(share.reset_index()).set_index("theme")
    assert emphasis.loc["technology", "difference"] == -0.5


def test_themes_and_frames_are_one_lexicon():
    # a topic has one set of cues: notebook 02's themes are frames.csv's frames, cue for cue
    frames = vocab.load_frames()
    lexicon = themes.load_themes()
    assert lexicon.to_dict("list") == frames.rename(columns={"frame": "theme"})[list(lexicon.columns)].to_dict("list")
    assert themes.theme_order() == [f for f in dict.fromkeys(frames["frame"]) if not f.startswith("not_")]


def test_a_lexicon_row_with_an_unknown_match_kind_is_refused_with_its_line(tmp_path):
    path = tmp_path / "themes.csv"
    path.write_text("# a comment\ntheme,lang,cue,match\ncompute,en,chip,prefix\ncompute,en,gpu,regex\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line 4"):
        themes.load_themes(path)


def test_seed_hits_sit_in_content_and_positions_inside_their_part(seed_tables):
    claims = seed_tables.claims
    hits = themes.theme_hits(claims)
    assert set(hits["theme"]) <= set(themes.theme_order())
    positions = themes.theme_positions(claims, hits)
    spans = themes.part_spans(claims).set_index("part")
    for part, group in positions.groupby("part"):
        assert group["start"].between(spans.loc[part, "start"], spans.loc[part, "end"]).all()
    by_section = themes.theme_by_section(claims, hits, seed_tables.blocks)
    assert by_section["sentences"].sum() == len(themes.content_claims(claims))


def test_seed_lab_tables_agree_with_each_other(seed_document, seed_tables):
    labs = lab_tables.lab_mentions(seed_tables.mentions)
    by_part = lab_tables.org_by_part(labs)
    assert by_part["total"].sum() == len(labs) == lab_tables.org_counts(labs)["mentions"].sum()
    assert by_part["total"].is_monotonic_decreasing
    only = lab_tables.orgs_in_one_version(by_part)
    assert set(only["only_in"]) <= {"commentary", "original"}
    co = lab_tables.co_mentions(labs, seed_tables.claims, top=6)
    assert (co.to_numpy() == co.to_numpy().T).all() and list(co.index) == list(co.columns)
    snippet = lab_tables.kwic(seed_document.text, labs, by_part["org"].iloc[0], width=10, limit=2)
    assert len(snippet) and snippet["surface"].str.len().gt(0).all()


def test_words_about_a_lab_never_include_names():
    claims = claims_table([(1, "original", "en", "Moonshot ships fast open models.")])
    mentions = pd.DataFrame({"mention_id": [1], "claim_id": [1], "start": [0], "end": [8], "surface": ["Moonshot"],
                             "entity": ["moonshot"], "org": ["moonshot"], "type": ["lab"], "lang": ["en"],
                             "part": ["original"]})
    labs = lab_tables.lab_mentions(mentions)
    words = lab_tables.words_about(claims, labs, mentions)
    assert words.to_dict("records") == [{"org": "Moonshot AI", "lang": "en", "sentences": 1,
                                         "words": "fast, models, open, ships"}]  # display name, not the id


def test_lab_mentions_given_claims_leave_out_a_title_line():
    # an English title heading the file is not the Chinese version's text: no rate may count it against the Chinese
    claims = claims_table([(1, "commentary", "en", "The Moonshot Licence"), (2, "commentary", "zh", "月之暗面发布了新模型。")])
    claims.loc[claims["claim_id"] == 1, "kind"] = "title"
    mentions = pd.DataFrame({"mention_id": [1, 2], "claim_id": [1, 2], "start": [4, 21], "end": [12, 25],
                             "surface": ["Moonshot", "月之暗面"], "entity": ["moonshot"] * 2, "org": ["moonshot"] * 2,
                             "type": ["lab"] * 2, "lang": ["en", "zh"], "part": ["commentary"] * 2})
    assert len(lab_tables.lab_mentions(mentions)) == 2
    kept = lab_tables.lab_mentions(mentions, claims=claims)
    assert kept["mention_id"].tolist() == [2]


def test_lab_mentions_show_display_names_and_keep_ids(seed_tables):
    labs = lab_tables.lab_mentions(seed_tables.mentions)
    pairs = dict(zip(labs["org_id"], labs["org"]))
    assert pairs["ant_group"] == "Ant Group" and pairs["anthropic"] == "Anthropic"
    assert (labs["org_id"] != "").all() and labs["org"].map(bool).all()


# ---- a line-for-line translation gives near-equal theme shares ----------------------------------------------------
# Made-up pairs, each a close translation: the Chinese and the English line must touch the same themes, so the two
# versions' shares come out equal. Each row tests one pairing of the lexicon or one scoped cue (issue 11).
PAIRED_LINES = [
    ("本许可证下，许可方不承担任何责任。", "Under this license, the licensor is not responsible for any damage."),
    ("作者或版权持有人对任何索赔均不承担责任。", "The authors or copyright holders shall not be liable for any claim."),
    ("本仓库的代码依照 Apache-2.0 协议开源。", "The code in this repository is open-sourced under the Apache-2.0 license."),
    ("获得官方商用许可后即可免费商用。", "Commercial use is free once a commercial license is granted."),
    ("该团队发布了新的模型权重。", "The team published new model weights."),
    ("这个 LLM 的词汇表只有三万个 token。", "The LLM has a vocabulary of only thirty thousand tokens."),
    ("我们在以下基准上测试了模型。", "We tested the model on the following benchmarks."),
    ("模型在 LLM 排行榜上名列前茅。", "The model ranks near the top of the LLM leaderboard."),
    ("传统的提示工程依赖手写提示词。", "Conventional prompt engineering relies on hand-written prompts."),
    ("它关注的不是速度，而是可靠性。", "It focuses not on speed but on reliability."),
    ("智能体先规划任务，再调用工具。", "The agent first plans the task, then calls tools."),
    ("这种方法最终在生产中落地。", "The approach was finally put into production."),
    ("他在业内很有影响力。", "He is very influential in the field."),
    ("这篇文章在全球范围内被转载。", "The article was reposted all over the world."),
    ("模型可能生成有害的内容。", "The model may generate harmful content."),
    ("请注意数据安全风险。", "Please be aware of data security risks."),
    ("该模型系列包括三个尺寸。", "The model family includes three sizes."),
    ("我们欢迎社区的贡献。", "We welcome contributions from the community."),
    ("模型存在性别偏见。", "The model has gender biases."),  # "biases" alone is weak (a skew, a selection bias): 偏见 is not
    ("这是官方网站发布的版本。", "This is the version released on the official website."),
    ("多个国家的研究者参与了评测。", "Researchers from several countries took part in the evaluation."),
    ("这种设计约束了智能体的行为。", "This design constrains the behaviour of the agent."),
    ("模型上下文协议让智能体调用工具。", "The Model Context Protocol lets agents call tools."),
    ("这会带来额外的内存成本。", "This brings an extra memory cost."),
    ("谷歌的竞争力正在下降。", "Google is becoming less competitive."),
    ("它在消费级 GPU 上运行。", "It runs on consumer-grade GPUs."),
]


@pytest.mark.parametrize("zh, en", PAIRED_LINES)
def test_a_close_translation_touches_the_same_themes(zh, en):
    claims = claims_table([(1, "commentary", "zh", zh), (2, "original", "en", en)])
    hits = themes.theme_hits(claims)
    found = {cid: set(group["theme"]) for cid, group in hits.groupby("claim_id")}
    assert found.get(1, set()) == found.get(2, set()), (found.get(1), found.get(2))


def test_paired_lines_give_equal_shares_per_version():
    rows = [(i + 1, part, lang, text) for i, (part, lang, text) in enumerate(
        (part, lang, text) for zh, en in PAIRED_LINES for part, lang, text in (("commentary", "zh", zh), ("original", "en", en)))]
    rows.append((len(rows) + 1, "commentary", "en", "Apache-2.0 license"))  # an English line of the Chinese version
    rows.append((len(rows) + 1, "original", "en", "Apache-2.0 license"))
    claims = claims_table(rows)
    share = themes.theme_share(claims, themes.theme_hits(claims)).pivot(index="theme", columns="lang", values="share")
    assert (share["zh"] - share["en"]).abs().max() == 0  # each version's lines, whatever their script, count for it


# ---- the same on the corpus gold's tuning translations (third-party texts, read from outside the repository) ----
TUNING_TRANSLATIONS = ("01-yi-readme", "03-baichuan2-readme", "04-internlm-readme", "05-deepspeed-chat-blog",
                       "07-hf-agents-course-what-are-llms", "10-baichuan2-readme-s2twp")
MAX_TRANSLATION_GAP = 0.12  # share between the versions of a translation, any frame (measured: at most 0.11, on 04,
                            # whose translators add 模型 where the English says "checkpoints" or "versions")


@pytest.mark.parametrize("doc_name", TUNING_TRANSLATIONS)
def test_a_translation_gives_near_equal_theme_shares(doc_name):
    corpus = Path(os.environ.get("CORPUS", ROOT.parent / "shared" / "corpus"))
    doc = next(d for d in gold_eval.read_index() if d["doc"] == doc_name)
    path = gold_eval.document_path(doc, corpus)
    if not path.exists():
        pytest.skip(f"corpus folder {corpus.name!r} not found beside the checkout (set CORPUS=…): {doc['file']} not checked")
    claims = extract(convert_view(path.read_bytes().decode("utf-8-sig")).text).claims
    share = themes.theme_share(claims, themes.theme_hits(claims)).pivot(index="theme", columns="lang", values="share")
    gap = (share["zh"] - share["en"]).abs()
    assert gap.max() <= MAX_TRANSLATION_GAP, gap.sort_values().tail(3).to_dict()


def test_laws_of_science_and_client_software_are_technology_not_legality_or_money():
    claims = pd.DataFrame({"claim_id": [1, 2, 3, 4], "part": ["original", "original", "commentary", "original"],
                           "kind": ["paragraph"] * 4, "lang": ["en", "en", "zh", "en"],
                           "text": ["Scaling laws hold for these models.", "Moore’s law slowed.", "客户端发送请求。",
                                    "The law requires consent."]})
    hits = themes.theme_hits(claims).set_index("claim_id")["theme"]
    assert hits[1] == hits[2] == hits[3] == "technology" and hits[4] == "legality"


@pytest.mark.parametrize("word, frame", [("investigation", "economic"), ("pollution", "public_opinion"),
                                         ("courtesy", "legality"), ("habitat", "cultural_identity"),
                                         ("harmony", "health_and_safety")])
def test_a_cues_stem_does_not_take_in_an_unrelated_word(word, frame):
    # the stem's own forms still count; a longer word that only shares its letters does not
    kin = {"investigation": "investment", "pollution": "polls", "courtesy": "court", "habitat": "habits",
           "harmony": "harmful"}[word]
    claims = pd.DataFrame({"claim_id": [1, 2], "part": ["original"] * 2, "kind": ["paragraph"] * 2, "lang": ["en"] * 2,
                           "text": [f"The {word} went on for a while.", f"The {kin} went on for a while."]})
    hits = themes.theme_hits(claims)
    assert frame not in set(hits.loc[hits["claim_id"] == 1, "theme"])
    assert frame in set(hits.loc[hits["claim_id"] == 2, "theme"])


def _frames_of(text: str, lang: str) -> set[str]:
    claims = pd.DataFrame({"claim_id": [1], "part": ["original" if lang == "en" else "commentary"],
                           "kind": ["paragraph"], "lang": [lang], "text": [text]})
    return set(themes.theme_hits(claims)["theme"])


@pytest.mark.parametrize("text, lang, counted", [
    ("A more traditional parser did the sorting.", "en", False),     # "traditional" as "conventional"
    ("Old traditions shape how the lab hires.", "en", True),          # the noun keeps its sense
    ("They kept their traditional culture alive.", "en", True),        # the adjective with culture beside it
])
def test_traditional_counts_as_culture_only_in_its_cultural_sense(text, lang, counted):
    assert ("cultural_identity" in _frames_of(text, lang)) is counted


@pytest.mark.parametrize("compound", ["通讯协议", "交互协议", "协议标准", "标准协议", "开放协议"])
def test_a_protocol_is_technology_and_a_bare_agreement_stays_a_licence(compound):
    frames = _frames_of(f"这个工具采用新的{compound}来传递消息。", "zh")
    assert "technology" in frames and "legality" not in frames
    assert "legality" in _frames_of("模型权重依照 Apache-2.0 协议开源。", "zh")


@pytest.mark.parametrize("text, frame, counted", [
    ("Agents suit open-ended problems.", "openness", False),           # an unbounded task
    ("Two open problems remain in the proof.", "openness", False),     # an unsolved question
    ("The weights are open to anyone.", "openness", True),             # the bare word keeps its sense elsewhere
    ("Cheap chips are leading to new uses.", "external_regulation_and_reputation", False),   # a consequence
    ("The leading labs compete for staff.", "external_regulation_and_reputation", True),
])
def test_a_look_alike_row_keeps_a_common_word_out_of_its_frame(text, frame, counted):
    assert (frame in _frames_of(text, "en")) is counted
    assert not any(t.startswith("not_") for t in _frames_of(text, "en"))  # a look-alike is never a theme


def test_a_look_alike_row_is_no_frame_of_the_tagger_or_of_the_theme_order():
    from helpers.framing.shifts import tag_frames

    tags = tag_frames(pd.DataFrame({"claim_id": [1], "start": [0], "text": ["Open-ended tasks, leading to more open models."]}))
    assert "openness" in set(tags["frame"]) and not any(f.startswith("not_") for f in tags["frame"])
    assert list(tags["cue"]) == ["open models"]  # open-ended and leading to count for nothing
    assert not any(t.startswith("not_") for t in themes.theme_order())


def test_words_inside_a_web_address_or_a_file_name_touch_no_theme():
    claims = pd.DataFrame({"claim_id": [1, 2], "part": ["original"] * 2, "kind": ["paragraph"] * 2, "lang": ["en"] * 2,
                           "text": ["See notes/context-as-finite-budget.md and https://example.com/investment-news.",
                                    "The budget went to investment."]})
    hits = themes.theme_hits(claims)
    assert "economic" not in set(hits.loc[hits["claim_id"] == 1, "theme"])
    assert "economic" in set(hits.loc[hits["claim_id"] == 2, "theme"])


# ---- weak cues: a word with a common sense outside its frame counts only where its sense is confirmed ------------
# Made-up lines. A weak row (frames.csv's strength column) counts beside a second, different cue of its frame or one
# of its context words; alone it counts for nothing, for the themes and for the frame tagger alike.
@pytest.mark.parametrize("text, lang, frame, counted", [
    ("We keep a tight feedback loop between the two runs.", "en", "openness", False),
    ("The community sent feedback on the open-source release.", "en", "openness", True),    # a second openness cue
    ("Give the agent feedback from the test suite.", "en", "openness", False),
    ("This chatbot can be an excellent prompt engineer.", "en", "talent", False),          # the role, said of a model
    ("Each senior engineer mentors two juniors.", "en", "talent", True),                   # a context word: senior
    ("They read the academic PDFs before writing.", "en", "talent", False),
    ("Many students left academic careers for industry.", "en", "talent", True),
    ("The student model imitates the teacher's outputs.", "en", "talent", False),         # distillation (round 10)
    ("学生模型模仿教师模型的输出。", "zh", "talent", False),
    ("很多博士学生毕业后去了工业界。", "zh", "talent", True),
    ("The students have a benefit of coming at LLMs with fresh eyes.", "en", "talent", True),   # people: no school word
    ("这一领域还有很多开放问题。", "zh", "openness", False),          # 'open problems' (review round 11)
    ("量化会改变模型的权重。", "zh", "openness", False),              # a model's weights, no openness (round 12)
    ("The authors sued the lab for copyright infringement.", "en", "legality", True),   # litigation (round 12)
    ("原告指控该公司侵权。", "zh", "legality", True),
    ("We rate the stock Equal-weight.", "en", "fairness_and_equality", False),   # an analyst's rating (round 13)
    ("企业版按月计费，支持开具发票。", "zh", "economic", True),                      # billing words (round 13)
    ("他们公开了模型的权重。", "zh", "openness", True),                # weights made public
    ("The sample suffers from a selection bias.", "en", "fairness_and_equality", False),    # a statistical skew
    ("The model repeats gender bias from its data.", "en", "fairness_and_equality", True),
    ("Paris is the capital of a large country.", "en", "economic", False),
    ("The startup raised capital from two funds.", "en", "economic", True),
    ("There is a trade-off between speed and cost.", "en", "external_regulation_and_reputation", False),
    ("Pay attention to the last line.", "en", "economic", False),
    ("两个智能体按照一份协作协议交换消息。", "zh", "legality", False),                          # a protocol
    ("五、协议", "zh", "legality", True),                                                  # a heading of the word alone
    ("本模型依照 MIT 协议开源。", "zh", "legality", True),                                   # a licence: context MIT
    ("发布前要确认这次改动的风险能否回退。", "zh", "health_and_safety", False),                 # a software change's risk
    ("模型的安全风险需要单独评估。", "zh", "health_and_safety", True),                        # a second cue: 安全
    ("智能体根据环境反馈调整下一步。", "zh", "openness", False),
    ("开源社区的反馈让模型越来越好。", "zh", "openness", True),
    # a model's cost counted in salaries and GPU rental (bilingual review round 20: X threads read as no economic words)
    ("It excludes ablations, failed runs, data work, and salaries.", "en", "economic", True),
    ("The number covers the final run's GPU rental only.", "en", "economic", True),
    ("团队工资这些都没算进去。", "zh", "economic", True),
])
def test_a_weak_cue_counts_only_where_its_sense_is_confirmed(text, lang, frame, counted):
    from helpers.framing.shifts import tag_frames

    assert (frame in _frames_of(text, lang)) is counted
    tags = tag_frames(pd.DataFrame({"claim_id": [1], "start": [0], "text": [text]}))
    assert (frame in set(tags["frame"])) is counted  # the frame mix reads the same cues


def test_every_weak_row_says_where_it_came_from_and_only_weak_rows_name_context():
    frames = vocab.load_frames()
    weak = frames[frames["strength"] == "weak"]
    assert len(weak) >= 20 and weak["source"].str.strip().astype(bool).all()
    assert not frames.loc[frames["strength"] != "weak", "context"].str.strip().astype(bool).any()
    assert set(frames["strength"]) <= {"", "weak"}


def test_a_lexicon_row_with_an_unknown_strength_is_refused_with_its_line(tmp_path):
    path = tmp_path / "frames.csv"
    path.write_text("# a made-up lexicon\nframe,lang,cue,match,note,strength,context,source\n"
                    "openness,en,feedback,word,,weak,,a dictionary\nopenness,en,open source,word,,strong-ish,,\n",
                    encoding="utf-8")
    with pytest.raises(ValueError, match=r"line 4: strength must be empty or weak"):
        vocab.load_frames(path)


def test_a_lexicon_without_the_sense_columns_reads_every_cue_as_strong(tmp_path):
    path = tmp_path / "themes.csv"
    path.write_text("theme,lang,cue,match\nopenness,en,feedback,word\n", encoding="utf-8")
    lexicon = vocab.load_themes(path)
    claims = claims_table([(1, "original", "en", "We keep a tight feedback loop.")])
    assert themes.theme_hits(claims, lexicon)["theme"].tolist() == ["openness"]


CUE_WORDS = ["feedback", "open source", "community", "capital", "funding", "engineer", "hiring", "bias", "gender",
             "model", "risk", "safety", "the", "loop", "of", "a"]


@given(st.lists(st.sampled_from(CUE_WORDS), min_size=1, max_size=12))
@settings(max_examples=60, deadline=None)
def test_a_sense_check_only_ever_takes_hits_away_and_never_a_strong_one(words):
    from helpers.vocab import CueMatcher

    text = " ".join(words) + "."
    lexicon = vocab.load_themes()
    en = lexicon[lexicon["lang"] == "en"]
    found = [m for m in vocab.longest_first(CueMatcher(en, "theme").find(text)) if themes.is_theme(m[2])]
    check = themes.SenseCheck(lexicon, "theme")
    kept = check.kept(text, found)
    assert set(kept) <= set(found)
    weak = {(a, b, key.split("\x1f")[0]) for a, b, key in check.matcher.find(text)}
    assert all(m in kept for m in found if m not in weak)  # a strong cue always counts
    # a weak cue beside a different cue of its frame always counts
    for a, b, frame in found:
        others = {text[x:y].casefold() for x, y, f in found if f == frame} - {text[a:b].casefold()}
        if others:
            assert (a, b, frame) in kept


# ---- the tuning half's theme gold (third-party texts, read from outside the repository) --------------------------
def test_theme_hits_on_the_tuning_theme_gold_are_in_their_frames_sense():
    from tools import theme_gold

    corpus = Path(os.environ.get("CORPUS", ROOT.parent / "shared" / "corpus"))
    gold = theme_gold.read_theme_gold()
    missing = [d for d in gold["doc"].unique() if not (corpus / f"{d}.zh-en.txt").exists()]
    if missing:
        pytest.skip(f"corpus folder {corpus.name!r} not found beside the checkout (set CORPUS=…): {missing} not scored")
    table = theme_gold.score(gold, theme_gold.engine_hits(corpus, sorted(gold["doc"].unique())))
    tuning = table[table["doc"] == "all tuning"].set_index("scope")
    check = table[table["doc"] == "all check"].set_index("scope")
    # measured when weak cues came in, on the documents they were chosen on: 0.98 (0.92 before), 0.93 without
    # technology (0.73 before), 2 right hits lost; on the document annotated after (never tuned on): 0.96 (0.95
    # before), 0.87 without technology (0.82 before), 2 right hits lost
    assert tuning.loc["all frames", "precision"] >= 0.97 and tuning.loc["without technology", "precision"] >= 0.9
    assert check.loc["all frames", "precision"] >= 0.96 and check.loc["without technology", "precision"] >= 0.85
    assert (table["right_lost"] <= 3).all() and (table["unjudged"] == 0).all()
    # the two annotators differ on 27 of 802 hits (kappa 0.77): under a tenth of any document's hits
    whole = table[table["scope"] == "all frames"]
    assert (whole["disputed"] * 10 <= whole["hits"]).all()


def test_subagents_are_technology_as_their_chinese_is():
    """agent* reaches no compound; subagent* and sub agent* do, as 代理 (a jieba token) reaches 子代理."""
    claims = claims_table([(1, "original", "en", "The lead spawns subagents in parallel."),
                           (2, "original", "en", "Two sub-agents read the files."),
                           (3, "original", "en", "The subway ran late, said the subeditor."),
                           (4, "commentary", "zh", "主代理再派出子代理并行检索。")])
    hits = themes.theme_hits(claims)
    tech = hits.loc[hits["theme"] == "technology", "claim_id"].tolist()
    assert tech == [1, 2, 4]


def test_money_words_of_a_commentary_are_economic_as_their_english_is():
    """The Chinese counterparts of fund, spend, cheap and budget (red team, issue 11), with their look-alikes: a time
    budget is no money, and 或许可以 (perhaps … can) is no licence. Made-up lines."""
    claims = claims_table([(1, "commentary", "zh", "项目只付了安装费，没有留出维护预算。"),
                           (2, "commentary", "zh", "每台设备都该有十年的维护经费。"),
                           (3, "commentary", "zh", "谁愿意为看不见的检修花钱呢？"),
                           (4, "commentary", "zh", "灯很便宜，人却很贵。"),
                           (5, "commentary", "zh", "在相同的时间预算下跑完更多步。"),
                           (6, "commentary", "zh", "代理应当有预算上限和停止条件。"),
                           (7, "commentary", "zh", "我们或许可以换一种做法。")])
    hits = themes.theme_hits(claims)
    assert hits.loc[hits["theme"] == "economic", "claim_id"].tolist() == [1, 2, 3, 4]
    assert hits.loc[hits["theme"] == "legality", "claim_id"].tolist() == []


def _claims(*texts):
    starts, at = [], 0
    for text in texts:
        starts.append(at)
        at += len(text) + 1
    return pd.DataFrame({"claim_id": range(1, len(texts) + 1), "part": "commentary", "kind": "paragraph",
                         "lang": "zh", "section": "", "start": starts, "end": [s + len(t) for s, t in zip(starts, texts)],
                         "text": list(texts)})


def test_a_cue_inside_a_name_tags_no_theme_or_frame_but_the_same_word_outside_it_does():
    from helpers.framing.shifts import tag_frames

    claims = _claims("青禾科技发布了新的模型。", "这家公司重视科技投入。")
    mentions = pd.DataFrame({"claim_id": [1], "start": [0], "end": [4]})  # 青禾科技, a made-up company
    names = themes.name_spans(claims, mentions)
    assert names == {1: [(0, 4)]}
    hits = themes.theme_hits(claims, names=names)
    assert "科技" not in hits.loc[hits["claim_id"] == 1, "cue"].tolist()
    assert "科技" in hits.loc[hits["claim_id"] == 2, "cue"].tolist()
    without = themes.theme_hits(claims)
    assert "科技" in without.loc[without["claim_id"] == 1, "cue"].tolist()  # the name alone made the hit
    tags = tag_frames(claims, names=names)
    assert not ((tags["claim_id"] == 1) & (tags["cue"] == "科技")).any()
    assert ((tags["claim_id"] == 2) & (tags["cue"] == "科技")).any()


def test_a_cue_that_is_the_whole_name_still_counts():
    assert vocab.outside_spans([(0, 12, "openness")], [(0, 12)]) == [(0, 12, "openness")]
    assert vocab.outside_spans([(0, 4, "technology")], [(0, 12)]) == []


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 30), st.integers(1, 6)), max_size=8),
       st.lists(st.tuples(st.integers(0, 30), st.integers(1, 10)), max_size=4))
def test_names_only_ever_remove_cues(found, spans):
    found = [(a, a + n, "t") for a, n in found]
    spans = [(a, a + n) for a, n in spans]
    kept = vocab.outside_spans(found, spans)
    assert set(kept) <= set(found)
    assert all(not any(s <= a and b <= e and b - a < e - s for s, e in spans) for a, b, _ in kept)
    assert vocab.outside_spans(found, []) == found


@pytest.mark.parametrize("text, political", [
    ("这里人口密集，是测试新服务的理想地方。", False),            # a place (a red-team note, wave 10)
    ("地方政府表示会加快审批。", True),                          # local government
    ("地方财政压力不小，议员呼吁削减开支。", True),
])
def test_difang_is_politics_only_beside_its_political_sense(text, political):
    hits = themes.theme_hits(claims_table([(1, "commentary", "zh", text)]))
    assert ("political" in set(hits["theme"])) == political


def test_a_section_without_sentences_has_no_row():
    """A Chinese version that opens on an outline label over its first heading has no '(opening)' section to count: a row of zeros would
    read as a section that says nothing on every theme, and a caption counting its rows would count one too many."""
    from helpers.pipeline import extract
    text = ("Summary\n\n一、背景\n\n芯片公司今年的收入增长很快，监管也在收紧。\n\n二、展望\n\n作者认为明年的市场仍有空间。\n\n"
            "Background\n\nChip companies grew their revenue quickly this year, and regulation tightened.\n\n"
            "Outlook\n\nThe author thinks the market still has room next year.\n")
    tables = extract(text)
    hits = themes.theme_hits(tables.claims)
    by_section = themes.theme_by_section(tables.claims, hits, tables.blocks)
    assert (by_section["sentences"] > 0).all()
    assert by_section["sentences"].sum() == len(themes.content_claims(tables.claims))
    assert set(by_section["part"]) == {"commentary", "original"}
    # a section opened by an outline label is named by it, not '(opening)'
    labelled = extract(text.replace("Summary\n\n一、背景\n\n", "Summary\n\n"))
    rows = themes.theme_by_section(labelled.claims, themes.theme_hits(labelled.claims), labelled.blocks)
    assert rows.loc[rows["part"] == "commentary", "label"].tolist()[0] == "Summary"


@pytest.mark.parametrize("text, theme", [
    ("To be honest, the tool is fine for small teams.", "morality"),   # a discourse marker, not honesty as a value
    ("Honestly, we did not expect the benchmark to move.", "morality"),
    ("The library follows a design philosophy of small parts.", "morality"),  # an approach, not ethics
    ("The goal is a system that benefits all of humanity.", "cultural_identity"),  # everyone, no group's identity
    ("The two engineers reached a consensus on the design.", "public_opinion"),  # two people agreeing
    ("She spoke with humility about the bugs in her parser.", "cultural_identity"),
])
def test_a_word_in_its_everyday_sense_tags_no_theme(text, theme):
    hits = themes.theme_hits(_claims(text).assign(lang="en"))
    assert theme not in set(hits["theme"]), hits


@pytest.mark.parametrize("text, theme", [
    ("The humility of Chinese researchers struck every visitor.", "cultural_identity"),  # a people's trait
    ("A public consensus on data privacy is forming.", "public_opinion"),
    ("The philosophy of right and wrong in AI is still unsettled.", "morality"),
])
def test_the_same_word_in_its_frames_sense_still_tags_it(text, theme):
    assert theme in set(themes.theme_hits(_claims(text).assign(lang="en"))["theme"])


def test_false_friends_of_frames_found_by_a_review_stay_out():
    """'custom accelerators' is no culture's custom and 我的看法 no public opinion; a wire story's 'curbs' and
    'suppliers' count as their Chinese counterparts (管制, 供应商) do."""
    claims = pd.DataFrame({"claim_id": [1, 2, 3, 4], "part": ["original", "commentary", "original", "original"],
                           "kind": ["paragraph"] * 4, "lang": ["en", "zh", "en", "en"],
                           "text": ["Labs build custom accelerators.", "下面是我的看法。",
                                    "The curbs start next month.", "Its suppliers ship fewer units."]})
    hits = themes.theme_hits(claims)
    found = {(c, t) for c, t in zip(hits["claim_id"], hits["theme"])}
    assert not {(1, "cultural_identity"), (2, "public_opinion")} & found
    assert {(3, "policy_prescription"), (4, "capacity_and_resources")} <= found


def test_a_name_and_its_gloss_or_its_own_product_right_after_it_are_one_naming():
    # bilingual review round 6: 深度求索（DeepSeek） counted DeepSeek twice, 微软Azure Microsoft twice
    text = ("国内的深度求索（DeepSeek）用过这个思路。微软Azure也支持。深度求索和微软都在做。英伟达的A100和H100都缺货。\n\n"
            "DeepSeek used it. Microsoft Azure supports it.\n")
    tables = extract(text)
    labs = lab_tables.lab_mentions(tables.mentions, claims=tables.claims)
    counts = labs.groupby(["part", "org"]).size()
    assert counts["commentary", "DeepSeek"] == 2 and counts["commentary", "Microsoft"] == 2   # 和 between: two namings
    assert counts["original", "Microsoft"] == 1
    assert counts["commentary", "Nvidia"] == 3                      # 英伟达 and its A100 and H100: three namings



def test_a_chinese_name_its_company_word_and_its_bracketed_gloss_are_one_naming():
    # bilingual review round 20's recheck: 纬颖科技（Wiwynn） counted Wiwynn twice in one naming; 的 between is no
    # company word, so 英伟达的（…） stays as it was
    text = ("纬颖科技（Wiwynn）今年出货大增。英伟达集团（Nvidia）也这么说。纬颖和Wiwynn是一家。\n\n"
            "Wiwynn shipped more. Wiwynn said so.\n")
    tables = extract(text)
    counts = lab_tables.lab_mentions(tables.mentions, claims=tables.claims).groupby(["part", "org"]).size()
    assert counts["commentary", "Wiwynn"] == 3      # one glossed naming, then 纬颖 和 Wiwynn: two
    assert counts["commentary", "Nvidia"] == 1
    assert counts["original", "Wiwynn"] == 2


def test_an_english_name_and_its_bracketed_acronym_are_one_naming():
    # bilingual review round 11: 'the Cyberspace Administration of China (CAC)' counted twice in the English
    text = ("国家网信办发布了规则。国家网信办还在征求意见。\n\n"
            "The Cyberspace Administration of China (CAC) issued rules. The CAC and OpenAI disagree.\n")
    tables = extract(text)
    counts = lab_tables.lab_mentions(tables.mentions, claims=tables.claims).groupby(["part", "org"]).size()
    assert counts["original", "Cyberspace Administration of China"] == 2      # the gloss, then the acronym alone


def test_a_government_body_is_counted_and_the_pages_then_say_organisations():
    # a Hong Kong column matched the UK's AI safety institute in both versions; the pages left it out of
    # "organisations named in both versions" (bilingual review round 6)
    text = "欧盟和OpenAI都在讨论监管。\n\nThe European Union and OpenAI are both debating rules.\n"
    labs = lab_tables.lab_mentions(extract(text).mentions)
    assert {"European Union", "OpenAI"} <= set(labs["org"])
    assert lab_tables.org_nouns(labs["org"])[1] == "organisations"
    assert lab_tables.org_nouns(["OpenAI"])[1] == "labs and companies"


def test_a_transliterated_name_is_one_term_not_its_fragments():
    # bilingual review round 8: 克斯 and 纳塔拉 stood among the top Chinese terms
    terms = themes.terms_zh("赫利克斯机器人说纳塔拉詹很强", frozenset())
    assert "赫利克斯" in terms and "纳塔拉詹" in terms and "克斯" not in terms


@pytest.mark.parametrize("text, political", [
    ("A Beijing-based lab released a model.", False),   # the city where a lab is (bilingual review round 10)
    ("He moved to a lab in Beijing.", False),
    ("Beijing has tightened export rules.", True),      # the government by its capital
    ("Washington and Beijing disagree.", True),
])
def test_a_capital_as_a_place_is_no_political_cue(text, political):
    from helpers.framing.themes import theme_hits
    claims = pd.DataFrame({"claim_id": [1], "part": ["original"], "kind": ["paragraph"], "lang": ["en"], "text": [text]})
    assert ("political" in set(theme_hits(claims)["theme"])) is political


def test_compliance_is_legality_as_its_chinese_is():
    # review round 11: 合规 counted for legality, 'compliance' for nothing, so a survey's notes 'stressed legal matters'
    from helpers.framing.themes import theme_hits
    claims = pd.DataFrame({"claim_id": [1, 2], "part": ["original", "commentary"], "kind": ["paragraph"] * 2,
                           "lang": ["en", "zh"], "text": ["Firms must show compliance with the rules.", "企业必须证明合规。"]})
    hits = theme_hits(claims)
    assert set(hits.loc[hits["theme"] == "legality", "claim_id"]) == {1, 2}


def test_a_chinese_transcripts_speaker_labels_are_no_top_terms():
    # bilingual review round 17: a podcast's translation listed its speakers (Priya, Dalton) as its top terms; the
    # English's labels were stripped, the Chinese's were not (and full-width colons, Han names, were not read)
    turns = [(i, "commentary", "zh", text) for i, text in enumerate([
        "主持人：你们怎么看？", "Priya：模型推理的成本下降了。", "主持人：还有呢？", "Priya：模型越来越小。",
        "主持人：芯片呢？", "Priya：推理芯片不够。", "Dalton：推理需求很大。"], start=1)]
    terms = set(themes.top_terms(claims_table(turns), "zh", 15)["term"])
    assert {"模型", "推理"} <= terms and not {"Priya", "主持人"} & terms


def test_a_translators_note_labels_are_no_top_term():
    # bilingual review round 16: a translation's top Chinese term was 译者, all from its '[译者注1]' marks
    notes = [(i, "commentary", "zh", f"开源模型的下载量很大[译者注{i}]。") for i in range(1, 5)]
    assert "译者" not in set(themes.top_terms(claims_table(notes), "zh", 15)["term"])


@pytest.mark.parametrize("text, counted", [
    ("华盛顿应当停止把出口管制当作万能药。", True),     # the US government, as the English's Washington (round 16)
    ("他在华盛顿大学读博士。", False), ("这位研究员目前在华盛顿工作。", False),
])
def test_washington_in_chinese_is_the_government_as_in_english(text, counted):
    assert ("political" in _frames_of(text, "zh")) is counted


@pytest.mark.parametrize("text, lang, counted", [
    ("云雀机器人裁员近两成。", "zh", True), ("Larkspur Robotics announced layoffs of 18% of staff.", "en", True),
    ("一份谷歌内部员工的泄密文件在网上流传。", "zh", False),   # a leak's author: no talent theme (round 18)
])
def test_layoffs_are_the_talent_theme_in_both_versions(text, lang, counted):
    assert ("talent" in _frames_of(text, lang)) is counted


def test_a_short_form_spelt_out_after_ji_is_one_naming():
    # bilingual review round 20: a translator's note 'ASHRAE即美国采暖、制冷与空调工程师学会（American Society of …）'
    # counted the society three times in one sentence
    text = ("我们遵循ASHRAE的指南。译者注：ASHRAE即美国采暖、制冷与空调工程师学会（American Society of Heating, "
            "Refrigerating and Air-Conditioning Engineers），其指南被广泛采用。ASHRAE和英伟达都发布过指南。\n\n"
            "We follow ASHRAE's guidance. ASHRAE and Nvidia publish guides.\n")
    tables = extract(text)
    counts = lab_tables.lab_mentions(tables.mentions, claims=tables.claims).groupby(["part", "org"]).size()
    assert counts["commentary", "ASHRAE"] == 3 and counts["original", "ASHRAE"] == 2


def test_the_chip_industrys_words_for_chips_evoke_technology_in_english_too():
    # bilingual review round 20: an earnings call's 'custom silicon', 'ASICs', 'optical interconnect' and 'HBM' evoked
    # no frame where the Chinese's 芯片 and 光互连 evoked technology: the Chinese read three times as technical
    claims = claims_table([
        (1, "original", "en", "Custom silicon does carry lower margins."),
        (2, "original", "en", "Our 1.6T optical interconnect is now sampling."),
        (3, "original", "en", "HBM supply remains tight."),
        (4, "commentary", "zh", "公司新一代光互连产品已经开始送样。"),
    ])
    hits = themes.theme_hits(claims)
    assert set(hits.loc[hits["theme"] == "technology", "claim_id"]) == {1, 2, 3, 4}


def test_a_dollar_amount_counts_as_money_in_both_versions():
    """Bilingual review round 20: a leaderboard's cost column, 0.33美元 in every Chinese row against $0.33 in the English,
    read as the Chinese's economic emphasis (31% against 9%): 美元 was a cue and '$' none. Both count now (a figure's
    currency unit dropped instead, as proposed, lost a hit the theme gold marks right)."""
    claims = claims_table([(1, "commentary", "zh", "3 | 某模型 | 某实验室 | 是 | 69.6% | 0.33美元"),
                           (2, "original", "en", "3 | Model | Lab | Yes | 69.6% | $0.33"),
                           (3, "original", "en", "They did it with 13B params for $100."),
                           (4, "original", "en", "Set the variable x to 3.")])
    hits = themes.theme_hits(claims)
    assert hits.loc[hits["theme"] == "economic", "claim_id"].tolist() == [1, 2, 3]


def test_a_hearings_speaker_labels_are_no_terms_of_its_english():
    """Bilingual review round 20: a hearing transcript's turns of several sentences, some speakers speaking twice,
    gave 'dr', 'senator' and 'tran' as the English's most frequent terms."""
    lines = ["CHAIRMAN ROE: The committee will come to order.", "We meet on chips.", "Exports rose.",
             "DR. TRAN: Thank you.", "Controls leak.", "Clusters matter.", "SENATOR OKAFOR: How far along is China?",
             "DR. TRAN: Yields improved.", "Data is thin.", "MR. FEHR: Revenue fell.", "SENATOR OKAFOR: Profits are no measure.",
             "MR. FEHR: Not to my knowledge.", "DR. TRAN: Perhaps.", "CHAIRMAN ROE: Thank you.", "CHAIRMAN ROE: Adjourned.", "SENATOR KAY (Ranking Member): Agreed.",
             "SENATOR KAY (Ranking Member): So noted."]
    claims = claims_table([(k + 1, "original", "en", t) for k, t in enumerate(lines)])
    terms = set(themes.top_terms(claims, "en", n=50)["term"])
    assert not terms & {"dr", "tran", "senator", "okafor", "fehr", "chairman", "roe", "mr"}, terms
    assert {"china", "revenue", "committee"} <= terms


@pytest.mark.parametrize("text, counted", [
    ("开源模型首次把与榜首的差距缩小到了2分以内。", False),   # a gap between models: the English's uncued 'gap'
    ("开源与闭源的差距正在以月为单位缩小。", False),
    ("中美之间的技术差距正在缩小。", True),                    # a gap between nations
])
def test_a_gap_between_models_is_no_nations_standing(text, counted):
    # bilingual review round 20: a leaderboard post's 差距 made the Chinese's external-reputation emphasis
    hits = themes.theme_hits(claims_table([(1, "commentary", "zh", text)]))
    assert ("external_regulation_and_reputation" in set(hits["theme"])) == counted


@pytest.mark.parametrize("text, theme", [
    # bilingual review round 20's recheck: discourse markers and 'agree with' read as frames
    ("公平地说，这家公司做得不错。", "fairness_and_equality"),
    ("To be fair, the company did well.", "fairness_and_equality"),
    ("我不认同他的看法。", "cultural_identity"),
    ("It closed a $50 million round last week.", "openness"),
])
def test_a_look_alike_counts_for_no_frame(text, theme):
    claims = claims_table([(1, "original" if text.isascii() else "commentary", "en" if text.isascii() else "zh", text)])
    assert theme not in set(themes.theme_hits(claims)["theme"])


def test_the_frames_look_alikes_leave_their_frames_own_words():
    claims = claims_table([(1, "commentary", "zh", "文化认同和公平分配都很重要。"), (2, "original", "en", "Closed models lag.")])
    found = set(zip(themes.theme_hits(claims)["claim_id"], themes.theme_hits(claims)["theme"]))
    assert {(1, "fairness_and_equality"), (2, "openness")} <= found


def test_a_name_glossed_with_its_english_name_and_acronym_in_one_bracket_is_one_naming():
    # bilingual review round 21: 工业与安全局（Bureau of Industry and Security，BIS） counted twice in one naming;
    # two organisations in one bracket stay two
    text = ("美国商务部工业与安全局（Bureau of Industry and Security，BIS）公布了新规。BIS还说会继续审查。\n\n"
            "The Bureau of Industry and Security issued a rule. BIS said more would come.\n")
    tables = extract(text)
    counts = lab_tables.lab_mentions(tables.mentions, claims=tables.claims).groupby(["part", "org"]).size()
    assert counts["commentary", "Bureau of Industry and Security"] == 2   # one glossed naming, then BIS alone
    assert counts["original", "Bureau of Industry and Security"] == 2


def test_wire_reports_names_for_chinas_commerce_ministry_and_a_chip_brand_are_no_new_organisation():
    # bilingual review round 21: "China's commerce ministry" read as no organisation (the Chinese alone named
    # 中國商務部), and AMD's Ryzen AI as an organisation of its own beside AMD
    text = ("中国商务部表示坚决反对。机器采用AMD的Ryzen AI Max+ 395处理器。\n\n"
            "China's commerce ministry said it firmly opposes the move. Inside is AMD's Ryzen AI Max+ 395.\n")
    tables = extract(text)
    counts = lab_tables.lab_mentions(tables.mentions, claims=tables.claims).groupby(["part", "org"]).size()
    assert counts["original", "Ministry of Commerce of China"] == 1
    assert not any("Ryzen" in org for _, org in counts.index)
    assert counts["commentary", "AMD"] == 2 and counts["original", "AMD"] == 2   # AMD and its Ryzen
