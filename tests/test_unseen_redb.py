"""A red team's second look at summaries and commentaries (issue 11, issue 12): the rules its two invented documents
called for, each on made-up lines, and what the pages must say of the documents themselves
(tests/fixtures/unseen/r-summary-magazine-excerpt-clinics.txt, a repost digest of a magazine feature whose English is
its opening five paragraphs; r-commentary-podcast-interview-whole.txt, a listener's commentary on a podcast transcript
given whole). Both are the project's own inventions: no third-party text."""

from pathlib import Path

import pytest

from helpers import pipeline
from helpers.columns import BEYOND, PART_COMMENTARY, PART_ORIGINAL
from helpers.render.narrative import chinese_kind
from helpers.tables.discover import _located
from helpers.text.parse import classify_noncontent, is_episode_line

UNSEEN = Path(__file__).parent / "fixtures" / "unseen"


@pytest.mark.parametrize("line, kind", [
    ("本文转载自公众号「晨读周刊」", "byline"),     # a repost's source line: where the piece ran first
    ("本文转自「某某日报」，有删节", "byline"),
])
def test_a_reposts_source_line_is_a_credit(line, kind):
    assert classify_noncontent(line) == kind


@pytest.mark.parametrize("line", [
    "他说这篇文章转载自一本杂志。",                # a sentence about a repost is content
    "转载自杂志的那篇文章，我读了三遍。",
])
def test_a_sentence_that_mentions_a_repost_stays_content(line):
    assert classify_noncontent(line) is None


@pytest.mark.parametrize("line, furniture", [
    ("The Lantern · Episode 112", True),                                 # a show's episode line
    ("Night Shift, Episode 9: Why the buses stopped running", False),    # the episode's own title: a heading
    ("某某夜话 第37期：海水能给机房降温吗", False),
    ("Episode 12: Live", True),                                          # a number and a word: no title of its own
])
def test_an_episodes_title_after_its_number_is_no_furniture(line, furniture):
    assert is_episode_line(line) is furniture


def test_a_firm_placed_in_a_city_is_found_though_named_only_in_the_chinese():
    found = pipeline.run("与 Quillfern 不同，深圳的禾溪智能做的是语音问诊。\nThe text is short.").tables.mentions
    assert "禾溪智能" in set(found["org"])


@pytest.mark.parametrize("text", [
    "杭州的码垛机器人越来越多。\nThe text is short.",     # a kind of robot (a word of the dictionary), not a firm
    "上海的人工智能发展很快。\nThe text is short.",
])
def test_a_kind_placed_in_a_city_is_no_firm(text):
    assert (pipeline.run(text).tables.mentions["type"] != "discovered").all()


def test_a_place_right_before_a_name_is_told_from_another_word():
    assert _located("杭州的青禾智能", 3, frozenset({"杭州"})) and _located("杭州青禾智能", 2, frozenset({"杭州"}))
    assert not _located("他们的青禾智能", 3, frozenset({"杭州"}))


# ---- the two invented documents ------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def digest():
    return pipeline.run((UNSEEN / "r-summary-magazine-excerpt-clinics.txt").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def podcast():
    return pipeline.run((UNSEEN / "r-commentary-podcast-interview-whole.txt").read_text(encoding="utf-8"))


def orgs(analysis, part):
    mentions = analysis.tables.mentions
    return set(mentions.loc[(mentions["part"] == part) & (mentions["type"] != "place"), "org"])


def test_the_digests_english_is_read_as_an_excerpt_and_its_later_sections_as_beyond_it(digest):
    claims, alignment = digest.tables.claims, digest.alignment
    assert "english_excerpt" in set(digest.caveats["kind"])
    beyond = claims.loc[claims["claim_id"].isin(alignment.loc[alignment["relation"] == BEYOND, "zh_claim_id"]), "text"]
    assert [t[:5] for t in beyond] == ["在后半部分", "文章还对比", "最后一部分"]
    # its own view and question stay its additions, not English the file lacks
    own = set(digest.additions["text"])
    assert any(t.startswith("我们的看法是") for t in own) and any(t.startswith("你觉得") for t in own)


def test_the_digests_organisations_per_language(digest):
    assert orgs(digest, PART_COMMENTARY) == {"Fernhollow", "澄溪智能"}
    assert orgs(digest, PART_ORIGINAL) == {"Fernhollow"}


def test_the_podcast_commentary_is_called_a_commentary_not_a_translation(podcast):
    kinds = set(podcast.caveats["kind"])
    assert "commentary" in kinds and "translation" not in kinds
    assert chinese_kind(podcast.caveats) == "commentary"


def test_the_episodes_title_line_is_the_englishs_heading(podcast):
    blocks = podcast.tables.blocks
    title = blocks[blocks["text"].str.startswith("Low Orbit, Episode 48")]
    assert list(title["part"]) == [PART_ORIGINAL]


def test_the_podcast_commentarys_organisations_per_language(podcast):
    assert orgs(podcast, PART_COMMENTARY) == {"Saltmarsh Systems", "海擎科技"}
    assert "Saltmarsh Systems" in orgs(podcast, PART_ORIGINAL)


@pytest.mark.xfail(strict=False, reason="known gap: an English-only utility's name ('Northwick Water owns the pipes') "
                   "carries no organisation word discovery trusts alone ('Water' would take headings such as "
                   "'Clean Water'; helpers/tables/discover.py)")
def test_the_podcasts_english_only_utility_is_found(podcast):
    assert orgs(podcast, PART_ORIGINAL) == {"Saltmarsh Systems", "Northwick Water"}


@pytest.mark.xfail(strict=False, reason="known gaps (certainty rules, helpers/framing/shifts.py; the aligner): 'I don't "
                   "think it harms marine life' as 完全不会伤害 is not read as sharpened, and 'most new ones near the "
                   "coast could' as 或许有一部分可以 is linked to the host's question instead of the answer")
def test_the_podcast_commentarys_sharpened_and_softened_claims(podcast):
    framing, claims = podcast.framing, podcast.tables.claims
    label = dict(zip(framing["zh_claim_id"], framing["certainty_shift"]))
    by_text = {t[:6]: c for c, t in zip(claims["claim_id"], claims["text"])}
    assert label.get(by_text["关于海洋生物"]) == "sharpened"
    assert label.get(by_text["她的判断是，"]) == "softened"


def test_a_transcripts_speaker_labels_are_not_its_terms():
    from helpers.framing.themes import without_turn_labels
    turns = ["Host: Why the sea?", "Dana Ruel: It is cold.", "Host: Any catch?", "Dana Ruel: Salt.", "Host: Next?",
             "Dana Ruel: A second site."]
    assert without_turn_labels(turns) == ["Why the sea?", "It is cold.", "Any catch?", "Salt.", "Next?", "A second site."]
    # a list's labels among many sentences stay the text's words (one label, or too few of the sentences)
    listing = ["Example: a chatbot.", "Use Cases: support.", "Example: a tutor.", "Use Cases: teaching.",
               "Example: a search box.", "Use Cases: search."] + ["A plain sentence."] * 20
    assert without_turn_labels(listing) == listing


def test_the_podcasts_english_terms_are_not_its_speakers_names(podcast):
    from helpers.framing.themes import top_terms
    top = list(top_terms(podcast.tables.claims, "en", 4)["term"])
    assert not {"brandvold", "marchetti", "theo"} & set(top)


@pytest.mark.parametrize("text, turns", [
    ("你愿意花一万块，让一台机器人住进家里吗？", True),   # a question put to one reader
    ("她问孩子你愿意不愿意。", False),                    # reported speech, no question
    ("你愿意的话，可以先试一试。", False),
])
def test_a_question_asking_one_reader_what_they_would_do_turns_to_the_reader(text, turns):
    from helpers.framing.caveats import addresses_reader
    assert addresses_reader(text) is turns
