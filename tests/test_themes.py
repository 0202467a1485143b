"""helpers.framing.themes: term counts, theme cues and the lab-mention tables, input → output."""

import pandas as pd
import pytest

from helpers import vocab
from helpers.framing import labs as lab_tables, themes


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
    assert themes.theme_order() == list(dict.fromkeys(frames["frame"]))


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


def test_lab_mentions_show_display_names_and_keep_ids(seed_tables):
    labs = lab_tables.lab_mentions(seed_tables.mentions)
    pairs = dict(zip(labs["org_id"], labs["org"]))
    assert pairs["ant_group"] == "Ant Group" and pairs["anthropic"] == "Anthropic"
    assert (labs["org_id"] != "").all() and labs["org"].map(bool).all()
