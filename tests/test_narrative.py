"""helpers.render.narrative: document text reaches Markdown as text, whatever it holds."""

import html
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from nbconvert.filters.markdown_mistune import markdown2html_mistune as render_markdown

from helpers.render.narrative import answer, code_of, listing, quotes, text_of

TAG = re.compile(r"<[^>]+>")
# Markdown's and HTML's own syntax, weighted so that examples are full of it
TRICKY = st.lists(st.one_of(st.sampled_from(list("[]()!*_`#|<>&:/\\$~{}-+.@\"'=")), st.sampled_from(
    ["http://a.example/x.png", "javascript:alert(1)", "www.a.example", "<a href='x'>", "<img src=x>", "](", "![", "\n",
     "[r]: http://a.example", "&amp;", "&#60;", "$$", "{{", "}}", "```", "1. ", "# ", "> ", "    "]),
    st.characters(blacklist_categories=("Cs", "Cc"))), max_size=20).map("".join)


def shown(markdown: str) -> str:
    """The text a reader sees in the rendered HTML, whitespace squeezed."""
    return " ".join(html.unescape(TAG.sub(" ", render_markdown(markdown))).split())


@settings(max_examples=300, deadline=None)
@given(TRICKY)
def test_escaped_text_renders_as_itself_and_makes_no_link_image_or_tag(text):
    rendered = render_markdown(f"- said {text_of(text)} here")
    tags = {name.lower() for name in re.findall(r"<([a-zA-Z][\w-]*)", rendered)}
    assert tags <= {"ul", "li", "p", "br"}, rendered
    assert shown(f"- said {text_of(text)} here") == " ".join(f"said {text} here".split())


@settings(max_examples=200, deadline=None)
@given(TRICKY)
def test_a_code_span_shows_its_text_literally(text):
    rendered = render_markdown(f"- {code_of(text)}")
    tags = {name.lower() for name in re.findall(r"<([a-zA-Z][\w-]*)", rendered)}
    assert tags <= {"ul", "li", "p", "code"}, rendered
    assert shown(f"- {code_of(text)}") == " ".join(text.split())


def test_findings_keep_our_own_markup_and_escape_the_documents():
    markdown = answer("What is named?", [f"Named: {listing(['[x](javascript:alert(1))', 'Qwen'])}.",
                                         f"Terms: {listing(['a*b', '`c`'], code=True)}."])
    rendered = render_markdown(markdown)
    assert "<strong>What is named?</strong>" in rendered  # ours: bold, bullets, code spans
    assert rendered.count("<code>") == 2 and "<a " not in rendered
    assert "[x](javascript:alert(1))" in shown(markdown)
    assert "“\\!\\[" in quotes(["![x](y)"])


@pytest.mark.parametrize("text", ["", " ", "`", "``", "a`", "`a"])
def test_code_spans_of_edge_texts(text):
    assert shown(f"- {code_of(text)}") == " ".join(text.split())


# ---- sentences that say only what their numbers support ------------------------------------------

import pandas as pd  # noqa: E402

from helpers.framing.shifts import GATE_COLUMNS, label_gate  # noqa: E402
from helpers.render.narrative import coverage_sentence, framing_findings, share_words, shift_findings  # noqa: E402

# what each phrase may say about the share shown beside it, in whole percent
WORDS_RANGE = {"nearly all of": (90, 100), "most of": (51, 100), "part of": (25, 50), "a little of": (11, 24),
               "barely any of": (0, 10)}


@pytest.mark.parametrize("share, words", [
    (1.0, "nearly all of"), (0.895, "nearly all of"), (0.894, "most of"), (0.506, "most of"), (0.505, "part of"),
    (0.5, "part of"), (0.25, "part of"), (0.245, "a little of"), (0.106, "a little of"), (0.105, "barely any of"),
    (0.0, "barely any of"),
])
def test_share_words_at_their_boundaries(share, words):
    assert share_words(share) == words


@pytest.mark.parametrize("share", [float("nan"), -0.01, 1.01])
def test_share_words_refuse_what_is_no_share(share):
    with pytest.raises(ValueError):
        share_words(share)


def section(heading="Chips", claims=4, carried=1, share=0.25, section_id=1):
    return {"section": section_id, "heading": heading, "claims": claims, "chars": 100 * claims,
            "carried_claims": carried, "carried_chars": round(share * 100 * claims), "share_claims": carried / claims,
            "share_chars": share}


def test_a_section_is_described_only_on_enough_sentences():
    assert coverage_sentence(section(claims=2), min_evidence=3) == ""
    text = coverage_sentence(section(claims=3, carried=1, share=0.38), min_evidence=3)
    assert text == "part of “Chips” (38% of its characters; 1 of 3 English sentences and headings drawn on)"
    assert "most" not in text and "barely" not in text


def gate(presented=("certainty:sharpened",)):
    labels = ["certainty:softened", "certainty:sharpened", "voice:absorbed", "voice:attributed",
              "generalisation:generalised", "generalisation:particularised"]
    return pd.DataFrame([(label, label in presented, 0.9 if label in presented else 0.1, 10,
                          "" if label in presented else "precision 0.10 on the test half") for label in labels],
                        columns=GATE_COLUMNS)


def counts(**values):
    rows = [(("certainty" if v in ("softened", "sharpened", "unchanged") else "voice"), v, n) for v, n in values.items()]
    return pd.DataFrame(rows, columns=["shift", "value", "claims"])


def test_shift_findings_count_only_presented_labels_and_say_why_for_the_rest():
    lines = shift_findings(counts(sharpened=4, softened=7, absorbed=2), gate(), min_evidence=3)
    assert lines[0] == "Certainty shifts: sharpened in 4 linked Chinese sentences."
    held = " ".join(lines[1:])
    assert "softened" in held and "absorbed" in held and "side by side" in held and "precision 0" in held
    assert "7" not in held and "2 " not in held          # no count of a label held back
    # too few sentences: no count stated even for a presented label
    assert shift_findings(counts(sharpened=2), gate(), min_evidence=3) == []


def test_the_committed_label_quality_gives_every_label_a_verdict():
    verdicts = label_gate()
    assert set(verdicts["label"]) >= {"certainty:softened", "certainty:sharpened", "voice:absorbed"}
    assert (verdicts["why"].eq("") == verdicts["presented"]).all()
    assert (verdicts.loc[verdicts["presented"], "precision"] >= 0.8).all()


SECTIONS = st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40), st.floats(0, 1)), min_size=1, max_size=6)


@settings(max_examples=300, deadline=None)
@given(SECTIONS, st.integers(1, 5))
def test_no_coverage_sentence_contradicts_its_number(rows, min_evidence):
    table = pd.DataFrame([section(heading=f"S{i}", claims=max(n, 1), carried=min(c, max(n, 1)), share=s, section_id=i)
                          for i, (n, c, s) in enumerate(rows)])
    lines = framing_findings(pd.DataFrame({"zh_claim_id": pd.array([], dtype="Int64"),
                                           "en_claim_id": pd.array([], dtype="Int64")}),
                             table, counts(), pd.DataFrame({"addition": []}), include=("coverage",),
                             gate=gate(), min_evidence=min_evidence)
    for line in lines:
        for words, heading, percent, carried, total in re.findall(
                r"(nearly all of|most of|part of|a little of|barely any of) “(S\d+)” \((\d+)% of its characters; "
                r"(\d+) of (\d+) English sentences? drawn on\)", line):
            low, high = WORDS_RANGE[words]
            assert low <= int(percent) <= high, line
            assert int(carried) <= int(total) and int(total) >= min_evidence, line
            row = table[table["heading"] == heading].iloc[0]
            assert int(percent) == round(100 * row["share_chars"]), line
        if line.startswith("It carries"):
            assert line.count("% of its characters") == 2


def test_withheld_findings_say_why_and_state_no_count():
    from helpers.render.narrative import withheld_findings

    lines = withheld_findings(gate())
    assert len(lines) == 5 and all("is not counted: precision 0\\.10 on the test half" in line for line in lines)
    assert withheld_findings(gate(presented=tuple(gate()["label"]))) == [
        "Every shift label is measured right often enough to be counted."]


SHIFT_VALUES = ["softened", "sharpened", "unchanged", "attributed", "reattributed", "absorbed", "quote_absorbed", ""]
#: A shift-count table (value → sentences), the labels the gate presents, and the evidence floor.
SHIFT_CASES = (st.dictionaries(st.sampled_from(SHIFT_VALUES), st.integers(0, 30), max_size=8),
               st.sets(st.sampled_from(["certainty:softened", "certainty:sharpened", "voice:absorbed", "voice:attributed"])),
               st.integers(1, 6))


@settings(max_examples=300, deadline=None)
@given(*SHIFT_CASES)
def test_no_shift_sentence_contradicts_its_count_or_counts_a_held_back_label(values, presented, min_evidence):
    table = counts(**values)
    lines = shift_findings(table, gate(presented=tuple(presented)), min_evidence=min_evidence)
    from helpers.framing.shifts import GOLD_LABELS

    stated = {}
    for line in lines:
        for value, n, noun in re.findall(r"([a-z_ ]+?) in (\d+) (linked Chinese sentences?)", line.split(": ", 1)[-1]):
            value = value.strip().removeprefix("and ").strip().replace(" ", "_")
            stated[value] = int(n)
            assert noun == ("linked Chinese sentence" if int(n) == 1 else "linked Chinese sentences"), line
    for value, n in stated.items():
        shift = "certainty" if value in ("softened", "sharpened", "unchanged") else "voice"
        assert n == values[value] and GOLD_LABELS[shift].get(value) in presented, (value, lines)
        assert value not in ("attributed", "unchanged"), lines   # a voice or certainty kept is not a shift
    for line in lines:
        if line.startswith("Not counted"):
            assert not re.search(r"\bin \d+ linked", line)


def test_every_sentence_linked_is_said_without_naming_zero_others():
    alignment = pd.DataFrame({"zh_claim_id": pd.array([1, 2], dtype="Int64"), "en_claim_id": pd.array([5, 6], dtype="Int64")})
    lines = framing_findings(alignment, pd.DataFrame(), counts(), pd.DataFrame({"addition": []}), include=("links",),
                             gate=gate())
    assert lines == ["2 of 2 Chinese sentences (100%) draw on an identifiable English sentence."]
    alignment.loc[1, "en_claim_id"] = pd.NA
    lines = framing_findings(alignment, pd.DataFrame(), counts(), pd.DataFrame({"addition": []}), include=("links",),
                             gate=gate())
    assert lines[0].endswith("; the other 1 link to none.")


def test_a_version_that_names_no_organisation_is_never_said_to_name_one_most():
    from helpers.render.narrative import mention_findings

    by_part = pd.DataFrame({"org": ["Beta AI", "Alpha Labs"], "commentary": [0, 0], "original": [7, 1],
                            "total": [7, 1]})
    lines = mention_findings(by_part, pd.DataFrame({"org": [], "only_in": []}))
    assert not any("most (0" in line or line.startswith("With their products, the Chinese names") for line in lines), lines


# ---- a translation's shifts are the translator's --------------------------------------------------

TRANSLATION = pd.DataFrame({"kind": ["translation"], "evidence": ["40 of 41 linked"], "affects": ["shifts"]})


def test_every_shift_sentence_of_a_translation_says_whose_choices_they_are():
    lines = shift_findings(counts(sharpened=4, softened=7, absorbed=2), gate(), min_evidence=3, caveats=TRANSLATION)
    assert len(lines) == 2 and all("translator's choices, not a commentator's" in line for line in lines)
    plain = shift_findings(counts(sharpened=4, softened=7, absorbed=2), gate(), min_evidence=3)
    assert not any("translator" in line for line in plain)
    from helpers.render.narrative import withheld_findings
    assert all("translator's choices" in line for line in withheld_findings(gate(), caveats=TRANSLATION))
    other = pd.DataFrame({"kind": ["chinese_much_shorter"], "evidence": ["x"], "affects": ["y"]})
    assert not any("translator" in line for line in shift_findings(counts(sharpened=4), gate(), caveats=other))


@settings(max_examples=100, deadline=None)
@given(*SHIFT_CASES)
def test_no_shift_sentence_of_a_translation_forgets_the_translator(values, presented, min_evidence):
    table = counts(**values)
    lines = framing_findings(pd.DataFrame({"zh_claim_id": pd.array([], dtype="Int64"),
                                           "en_claim_id": pd.array([], dtype="Int64")}),
                             pd.DataFrame([section()]), table, pd.DataFrame({"addition": []}), include=("shifts",),
                             gate=gate(presented=tuple(presented)), min_evidence=min_evidence, caveats=TRANSLATION)
    assert all("translator's choices" in line for line in lines), lines


# ---- themes: stated only on enough evidence on each side, with the words it rests on -------------

from helpers.framing.themes import fisher_p, theme_emphasis  # noqa: E402
from helpers.render.narrative import theme_evidence, theme_findings  # noqa: E402


def theme_row(zh_hits, zh_claims, en_hits, en_claims, zh_cues=None, en_cues=None, theme="policy"):
    zh_cues = "|".join(f"z{i} ×1" for i in range(zh_hits)) if zh_cues is None else zh_cues
    en_cues = "|".join(f"e{i} ×1" for i in range(en_hits)) if en_cues is None else en_cues
    return {"theme": theme, "zh_share": zh_hits / zh_claims, "en_share": en_hits / en_claims,
            "difference": zh_hits / zh_claims - en_hits / en_claims, "zh_hits": zh_hits, "zh_claims": zh_claims,
            "en_hits": en_hits, "en_claims": en_claims, "zh_cues": zh_cues, "en_cues": en_cues,
            "p_value": fisher_p(zh_hits, zh_claims, en_hits, en_claims)}


def test_a_theme_on_one_sentence_one_word_or_chance_is_not_stated():
    # the seed's slide: policy prescription, 1 of 68 Chinese sentences against 9 of 138 English: chance
    assert theme_evidence(theme_row(1, 68, 9, 138)).startswith("could be chance")
    # boundaries of each bar: sentences, words, the share's difference, p
    assert theme_evidence(theme_row(0, 100, 3, 10)) == ""
    assert theme_evidence(theme_row(0, 100, 2, 4)).startswith("only 2 English sentences touch it, under 3")
    assert theme_evidence(theme_row(0, 100, 3, 10), min_sentences=4).startswith("only 3")
    assert theme_evidence(theme_row(0, 100, 7, 10, en_cues="企业 ×7")) == "its English sentences rest on 1 word, under 2"
    assert theme_evidence(theme_row(0, 100, 7, 10, en_cues="企业 ×6|商业 ×1")) == ""
    assert theme_evidence(theme_row(10, 100, 15, 100), min_difference=0.05, max_p=1) == ""
    assert theme_evidence(theme_row(10, 100, 14, 100), min_difference=0.05, max_p=1).startswith("the shares differ by under")
    row = theme_row(0, 100, 3, 10)
    assert theme_evidence(row, max_p=row["p_value"]) == "" and theme_evidence(row, max_p=row["p_value"] / 2) != ""


def test_theme_findings_state_the_counts_and_words_and_name_what_they_leave_out():
    emphasis = pd.DataFrame([theme_row(6, 68, 39, 138, theme="talent"), theme_row(1, 68, 9, 138, theme="policy_prescription")])
    lines = theme_findings(emphasis)
    assert lines[0].startswith("The English original uses a theme's words in a larger share of its sentences than the "
                               "Chinese: talent (9% of Chinese vs 28% of English sentences; "
                               "6 of 68 Chinese sentences, each credited to one cue word: `z0 ×1`")
    assert "39 of 138 English sentences" in lines[0] and "policy" not in lines[0]
    assert lines[1].startswith("Not stated, each with why: policy prescription (1% vs 7%: could be chance")
    assert theme_findings(emphasis, caveats=TRANSLATION)[0] == lines[0]
    translated = theme_findings(pd.DataFrame([theme_row(39, 138, 6, 68)]), caveats=TRANSLATION)
    assert translated[0].startswith("The Chinese translation uses a theme's words in a larger share of its sentences "
                                    "than the English: policy (28%")
    assert "dwells" not in " ".join(translated) and "138 Chinese against 68 English" in translated[1]
    # an emphasis table without the evidence columns states no theme at all
    bare = emphasis[["theme", "zh_share", "en_share", "difference"]]
    assert not any("theme's words in a larger share" in line for line in theme_findings(bare))


def test_theme_emphasis_carries_the_evidence_of_theme_share():
    share = pd.DataFrame([("t", "zh", 10, 1, 0.1, "a ×1"), ("t", "en", 20, 10, 0.5, "b ×6|c ×4")],
                         columns=["theme", "lang", "claims", "hits", "share", "cues"])
    row = theme_emphasis(share).iloc[0]
    assert (row["zh_hits"], row["zh_claims"], row["en_hits"], row["en_claims"]) == (1, 10, 10, 20)
    assert row["en_cues"] == "b ×6|c ×4" and row["p_value"] == pytest.approx(fisher_p(1, 10, 10, 20))


THEME_ROWS = st.lists(st.tuples(st.integers(0, 60), st.integers(1, 60), st.integers(0, 60), st.integers(1, 60),
                                st.integers(1, 4)), min_size=1, max_size=6)


@settings(max_examples=300, deadline=None)
@given(THEME_ROWS, st.floats(0.0, 0.3), st.integers(1, 5), st.integers(1, 3), st.floats(0.001, 1.0))
def test_no_theme_sentence_contradicts_its_numbers(rows, min_difference, min_sentences, min_cues, max_p):
    table = []
    for i, (a, n, b, m, words) in enumerate(rows):
        a, b = min(a, n), min(b, m)
        cues = lambda k, prefix: "|".join(f"{prefix}{j} ×1" for j in range(min(words, k)))
        table.append(theme_row(a, n, b, m, zh_cues=cues(a, "z"), en_cues=cues(b, "e"), theme=f"T{i}"))
    emphasis = pd.DataFrame(table)
    lines = theme_findings(emphasis, min_difference=min_difference, min_sentences=min_sentences, min_cues=min_cues,
                           max_p=max_p)
    pattern = (r"(T\d+) \((\d+)% of Chinese vs (\d+)% of English sentences; (\d+) of (\d+) Chinese sentences?[^;]*; "
               r"(\d+) of (\d+) English sentences?")
    for line in lines:
        for theme, zp, ep, a, n, b, m in re.findall(pattern, line):
            row = emphasis[emphasis["theme"] == theme].iloc[0]
            assert (int(a), int(n), int(b), int(m)) == (row["zh_hits"], row["zh_claims"], row["en_hits"], row["en_claims"])
            assert int(zp) == round(100 * row["zh_share"]) and int(ep) == round(100 * row["en_share"])
            more_zh = line.startswith("The Chinese")
            assert (row["difference"] > 0) == more_zh and abs(round(row["difference"], 9)) >= min_difference, line
            side = "zh" if more_zh else "en"
            assert row[f"{side}_hits"] >= min_sentences and row["p_value"] <= max_p, line
            assert len(row[f"{side}_cues"].split("|")) >= min_cues, line
            assert "Not stated" not in line


def test_the_briefing_theme_title_states_only_a_difference_with_enough_evidence():
    from helpers.render.deck import theme_title

    chance = pd.DataFrame([theme_row(1, 68, 9, 138, theme="policy_prescription")])
    assert theme_title(chance).startswith("No theme's words fill a larger share of one version's sentences on enough")
    both = pd.DataFrame([theme_row(1, 68, 9, 138, theme="policy_prescription"), theme_row(6, 68, 39, 138, theme="talent")])
    assert theme_title(both) == "The English uses talent words in 39 of its 138 sentences (28%), the Chinese in 6 of 68 (9%)"
    assert theme_title(pd.DataFrame([theme_row(3, 60, 3, 60)])).startswith("Both versions give every theme")


def test_organisations_tied_for_most_are_all_named_never_one_picked_alphabetically():
    from helpers.render.narrative import mention_findings

    by_part = pd.DataFrame({"org": ["Beta AI", "Alpha Labs", "Gamma"], "commentary": [2, 0, 2], "original": [3, 3, 1],
                            "total": [5, 3, 3]})
    lines = mention_findings(by_part, pd.DataFrame({"org": [], "only_in": []}))
    assert "With their products, the Chinese names Beta AI and Gamma most (2 mentions each), the original Alpha Labs and Beta AI " \
           "(3 mentions each)." in lines
    # a version that names one organisation ranks nothing: 'only' it, never 'most'
    lone = mention_findings(by_part.assign(commentary=[0, 0, 2]), pd.DataFrame({"org": [], "only_in": []}))
    assert "With their products, the Chinese names only Gamma (2 mentions), the original names Alpha Labs and Beta AI " \
           "most (3 mentions each)." in lone
    alone = mention_findings(by_part.assign(original=[0, 3, 0]), pd.DataFrame({"org": [], "only_in": []}))
    assert "With their products, the Chinese names Beta AI and Gamma most (2 mentions each), the original names only " \
           "Alpha Labs (3 mentions)." in alone
    same = by_part.assign(commentary=[2, 2, 0])
    assert not any(line.startswith("With their products, the Chinese names")
                   for line in mention_findings(same.assign(original=[3, 3, 0]), pd.DataFrame({"org": [], "only_in": []})))


def test_discovery_silence_says_no_organisation_candidate_and_lists_what_it_rejected():
    from helpers.render.narrative import discovery_none

    found = discovery_none(pd.DataFrame({"surface": ["Widget", "LoRA", "LoRA", "Nav"],
                                         "part": ["original", "original", "commentary", "noncontent"]}))
    assert found.startswith("Discovery found no organisation candidate outside the gazetteer")
    assert "`LoRA` ×2 and `Widget` ×1" in found and "Nav" not in found   # furniture is not read
    assert "no name" not in found
    empty = discovery_none(pd.DataFrame({"surface": [], "part": []}))
    assert "found no name-like string to weigh" in empty


def test_a_table_resting_on_held_back_links_is_replaced_by_the_reason_and_the_english_is_called_unchecked():
    from types import SimpleNamespace

    from helpers.render.narrative import NOT_READ, UNCHECKED_ENGLISH, link_rows, not_counted

    held = SimpleNamespace(presented=False, why="links were right 3 times in 10")
    line = not_counted("Coverage per section", held)
    assert "links were right 3 times in 10" in line and not re.search(r"\b\d+%", line)
    table = pd.DataFrame({"zh_claim_id": [1], "zh_text": ["甲。"], "en_text": ["A."], "certainty_shift": ["softened"],
                          "voice_shift": ["attributed"], "generalisation_shift": [""]})
    gate_ = pd.DataFrame({"label": ["certainty:softened", "voice:attributed"], "presented": [False, True]})
    rows = link_rows(table, held, ["zh_claim_id", "zh_text", "en_text", "certainty_shift", "voice_shift"], gate=gate_)
    assert list(rows.columns) == ["zh_claim_id", "zh_text", UNCHECKED_ENGLISH, "certainty_shift", "voice_shift"]
    # over an unchecked link no label is read, 'unchanged' no more than 'softened'
    assert rows.iloc[0]["certainty_shift"] == NOT_READ and rows.iloc[0]["voice_shift"] == NOT_READ
    shown = link_rows(table, SimpleNamespace(presented=True, why=""), ["zh_text", "en_text"], gate=gate_)
    assert list(shown.columns) == ["zh_text", "en_text"]
    labelled = link_rows(table, SimpleNamespace(presented=True, why=""), ["certainty_shift", "voice_shift"], gate=gate_)
    assert labelled.iloc[0]["certainty_shift"] == "read side by side" and labelled.iloc[0]["voice_shift"] == "attributed"


def test_held_back_links_come_first_so_the_first_rows_show_the_pointers():
    # ten rows of empty English above a document's two links told a reader there was nothing to read side by side
    from types import SimpleNamespace

    from helpers.render.narrative import link_rows

    table = pd.DataFrame({"zh_claim_id": [1, 2, 3, 4], "zh_text": ["甲。", "乙。", "丙。", "丁。"],
                          "en_text": ["", "B.", "", "D."], "certainty_shift": [""] * 4, "voice_shift": [""] * 4,
                          "generalisation_shift": [""] * 4})
    held = SimpleNamespace(presented=False, why="links were right 3 times in 10")
    assert link_rows(table, held, ["zh_claim_id"])["zh_claim_id"].tolist() == [2, 4, 1, 3]
    shown = SimpleNamespace(presented=True, why="")
    assert link_rows(table, shown, ["zh_claim_id"])["zh_claim_id"].tolist() == [1, 2, 3, 4]  # counted: reading order


def test_the_theme_table_cut_to_its_first_rows_keeps_the_largest_gap_either_way():
    from helpers.render.deck import largest_gaps

    emphasis = pd.DataFrame({"theme": ["a", "b", "c", "d"], "difference": [0.05, 0.0, -0.4, 0.2]})
    assert largest_gaps(emphasis)["theme"].head(2).tolist() == ["c", "d"]


def test_page_01_states_lengths_in_the_caveats_measure():
    from helpers.framing.caveats import version_weights
    from helpers.render.narrative import overview_findings

    claims = pd.DataFrame({"claim_id": [1, 2], "part": ["commentary", "original"], "kind": ["paragraph"] * 2,
                           "start": [0, 10], "text": ["中文的句子。", "Some English words here."]})
    blocks = pd.DataFrame({"part": ["commentary", "original"], "kind": ["paragraph"] * 2, "text": claims["text"]})
    zh, en = version_weights(claims)
    line = overview_findings(blocks, claims, pd.DataFrame({"repair": []}))[1]
    assert f"({zh} Han characters)" in line and "(20 Latin letters)" in line and en == 20 // 3  # as counted, not 3 × weight


def test_names_beyond_the_english_given_are_not_said_to_be_only_in_the_chinese():
    from helpers.render.narrative import labs_within_english, mention_findings

    labs = pd.DataFrame({"claim_id": [1, 2, 3], "org": ["A", "B", "A"]})
    alignment = pd.DataFrame({"zh_claim_id": [1, 2], "en_claim_id": [9, None], "relation": ["summarises", "beyond"]})
    assert labs_within_english(labs, alignment)["claim_id"].tolist() == [1, 3]
    additions = pd.DataFrame({"addition": ["entity_only_in_zh"], "zh_claim_id": [2], "surface": ["B"]})
    lines = framing_findings(alignment, pd.DataFrame(), counts(), additions, include=("additions",), gate=gate())
    assert not any("Named only in the Chinese" in line for line in lines)
    by_part = pd.DataFrame({"org": ["A"], "commentary": [1], "original": [0], "total": [1]})
    one = pd.DataFrame({"org": ["A"], "only_in": ["commentary"]})
    assert "Only the Chinese within the English given names, directly or through a product, A." in \
        mention_findings(by_part, one, excerpt=True)


def test_a_theme_gap_left_unstated_is_marked_wherever_it_is_shown():
    from helpers.render.deck import largest_gaps
    from helpers.render.narrative import unstated_themes

    one_word = theme_row(8, 11, 6, 158, zh_cues="竞争 ×8", theme="external")
    stated = theme_row(0, 100, 30, 100, theme="talent")
    small = theme_row(10, 100, 11, 100, theme="quiet")
    emphasis = pd.DataFrame([one_word, stated, small])
    why = unstated_themes(emphasis)
    assert set(why) == {"external"} and why["external"] == "its Chinese sentences rest on 1 word, under 2"
    table = largest_gaps(emphasis)
    assert table.loc[table["theme"] == "external", "not_stated"].item() == why["external"]
    assert table.loc[table["theme"] == "talent", "not_stated"].item() == ""


def test_no_shift_is_counted_where_the_links_it_is_read_off_are_held_back():
    from types import SimpleNamespace

    from helpers.render.deck import shift_title
    from helpers.render.narrative import shift_changes

    table = counts(absorbed=9, softened=7)
    presented = gate(presented=("voice:absorbed", "certainty:softened"))
    held = SimpleNamespace(presented=False, why="links were right 5 times in 10")
    assert len(shift_changes(table, presented)) == 2 and shift_changes(table, presented, links=held).empty
    assert not any(re.search(r"in \d+ linked", line) for line in shift_findings(table, presented, links=held))
    assert shift_title(table, presented, links=held).startswith("No shift in voice or certainty is counted for this document")
    assert shift_findings(table, presented, links=held)[0].startswith("No shift in voice or certainty is counted")


def test_the_most_named_list_says_a_tie_across_its_last_place():
    from helpers.render.narrative import mention_findings

    by_part = pd.DataFrame({"org": ["A", "B", "C", "D", "E"], "commentary": [0] * 5, "original": [8, 2, 1, 1, 1],
                            "total": [8, 2, 1, 1, 1]})
    line = mention_findings(by_part, pd.DataFrame({"org": [], "only_in": []}))[0]
    assert line == ("5 labs and companies named in the text (the gazetteer's lab types and discovered names), "
                    "directly or through a product; most often A (8 mentions) and B (2 mentions); "
                    "then, tied at 1 mention, C, D and E.")


def test_the_pair_most_often_named_together_is_said_as_a_tie_when_others_equal_it():
    from helpers.render.narrative import mention_findings

    by_part = pd.DataFrame({"org": ["Acme", "Bolt", "Cord"], "commentary": [3, 2, 2], "original": [3, 2, 2],
                            "total": [6, 4, 4]})
    one = pd.DataFrame({"org": [], "only_in": []})
    co = pd.DataFrame([[0, 8, 8], [8, 0, 1], [8, 1, 0]], index=["Acme", "Bolt", "Cord"], columns=["Acme", "Bolt", "Cord"])
    line = [x for x in mention_findings(by_part, one, co) if "named together" in x][0]
    assert line == ("Most often named together, directly or through a product, tied at 8 paragraphs: "
                    "Acme and Bolt; Acme and Cord.")
    co.loc["Acme", "Cord"] = co.loc["Cord", "Acme"] = 3
    line = [x for x in mention_findings(by_part, one, co) if "named together" in x][0]
    assert line == "Most often named together, directly or through a product: Acme and Bolt (8 paragraphs)."


def test_page_01_names_the_chinese_versions_title_and_labels_apart_from_its_headings():
    from helpers.pipeline import run
    from helpers.render.narrative import overview_findings

    text = ("An Example Title\n\nSummary\n\n这是第一句评论。这是第二句评论。\n\n"
            "This is the first English sentence. This is the second one. A third follows here.\n")
    analysis = run(text)
    line = overview_findings(analysis.blocks, analysis.claims, analysis.tables.repairs)[0]
    assert "(of them its title and 1 outline label such as 'Summary', not counted as sentences)" in line
    plain = run("这是第一句评论。\n\nThis is the first English sentence. It goes on here.\n")
    assert "of them" not in overview_findings(plain.blocks, plain.claims, plain.tables.repairs)[0]


def test_no_organisation_found_is_said_of_what_was_looked_for_never_as_none_named():
    # an unknown company (neither in the gazetteer nor discovered) can be the story's subject: the page must not
    # say the text names no company
    from helpers.render.narrative import mention_findings

    empty = pd.DataFrame({"org": [], "commentary": [], "original": [], "total": []})
    lines = mention_findings(empty, pd.DataFrame({"org": [], "only_in": []}))
    assert len(lines) == 1
    assert "gazetteer" in lines[0] and "discovery" in lines[0]
    assert "No lab or company is named" not in lines[0]


def test_the_charts_mark_also_the_gaps_too_small_to_state():
    from helpers.render.narrative import unstated_themes

    small = theme_row(10, 100, 11, 100, theme="quiet")
    stated = theme_row(0, 100, 30, 100, theme="talent")
    why = unstated_themes(pd.DataFrame([small, stated]), small=True)
    assert why == {"quiet": "the shares differ by under 5%"}
    assert unstated_themes(pd.DataFrame([small, stated])) == {}  # the tables' column keeps its meaning


def test_a_theme_gap_the_headings_make_is_not_stated():
    """A summary's outline of short headings (一、核心命题, What, Why) touches few themes: a gap that passes on sentences
    and headings together but not on the sentences alone is not stated, and the reason says so."""
    from helpers.render.narrative import theme_evidence

    # 29 of 52 (11 headings, 1 touching) against 145 of 201 (8 headings, 4 touching): over sentences 28/41 vs 141/193
    row = {"zh_share": 29 / 52, "en_share": 145 / 201, "difference": 29 / 52 - 145 / 201, "zh_hits": 29,
           "zh_claims": 52, "en_hits": 145, "en_claims": 201, "zh_cues": "模型 ×9|代理 ×8|工具 ×5",
           "en_cues": "agent* ×50|model ×40|tool* ×20", "p_value": 0.03, "zh_headings": 11, "en_headings": 8,
           "zh_heading_hits": 1, "en_heading_hits": 4}
    assert theme_evidence(row) == ("without the headings (11 Chinese, 8 English) the shares differ by under 5%")
    # the same gap carried by the sentences themselves is stated
    held = dict(row, zh_hits=20, zh_share=20 / 52, difference=20 / 52 - 145 / 201, p_value=0.0001, zh_heading_hits=0)
    assert theme_evidence(held) == ""
    # a table without the heading columns (an older cache) judges as before
    assert theme_evidence({k: v for k, v in row.items() if "heading" not in k}) == ""


def test_links_held_back_on_a_document_judged_with_summaries_say_why_it_is_judged_so():
    # a compiled news report with its newspaper's own context is no summary, yet its links are measured with the
    # summaries' because it does not read as a translation: said so, never leaving it to be read as a summary
    from types import SimpleNamespace

    from helpers.render.narrative import links_withheld

    why = "on summaries in the corpus gold's test half, the aligner linked 3 of the 9 sentences"
    held = links_withheld(SimpleNamespace(presented=False, group="summaries", why=why))
    assert held.startswith("How much of the English each Chinese sentence draws on is not counted for this document, "
                           "which does not read as a translation (its links are judged with those of summaries and "
                           "commentaries): on summaries")
    translation = links_withheld(SimpleNamespace(presented=False, group="translations", why="too few to measure"))
    assert "does not read as a translation" not in translation


def test_a_date_line_set_aside_with_the_bylines_is_not_called_a_byline():
    # the parser files a line that is only a date and time ('2026/01/05 08:30') with the bylines: the pages name the
    # kind for what it holds, so no reader counts five bylines where four lines name someone
    from helpers.pipeline import run
    from helpers.render.conclusions import overview_conclusion
    from helpers.render.narrative import overview_findings

    analysis = run("首页 > 科技\n\n2026/01/05 08:30\n\n星河公司宣布，明年将推出一款新耳机。\n\n"
                   "Xinghe said it would launch new earbuds next year.\n")
    blocks = analysis.tables.blocks
    assert blocks.loc[blocks["text"] == "2026/01/05 08:30", "kind"].tolist() == ["byline"]
    found = next(line for line in overview_findings(blocks, analysis.claims, analysis.tables.repairs)
                 if line.startswith("Non-content set aside"))
    assert "1 byline, credit or date line" in found and "1 byline (" not in found and "1 byline and" not in found
    assert "1 byline, credit or date line" in overview_conclusion(blocks, analysis.claims, analysis.tables.repairs)[1]


def test_organisations_all_named_alike_are_not_said_to_be_named_most_often():
    from helpers.render.narrative import mention_findings

    none = pd.DataFrame({"org": [], "only_in": []})
    two = pd.DataFrame({"org": ["Acme", "北辰"], "commentary": [0, 1], "original": [1, 0], "total": [1, 1]})
    assert mention_findings(two, none)[0].endswith("directly or through a product: Acme and 北辰 (1 mention each).")
    one = pd.DataFrame({"org": ["Acme"], "commentary": [2], "original": [1], "total": [3]})
    assert mention_findings(one, none)[0].endswith("directly or through a product: Acme (3 mentions).")
    ranked = pd.DataFrame({"org": ["Acme", "Bolt"], "commentary": [2, 1], "original": [1, 0], "total": [3, 1]})
    assert "most often Acme (3 mentions) and Bolt (1 mention)." in mention_findings(ranked, none)[0]


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 4), st.integers(0, 4)), min_size=1, max_size=5))
def test_no_mention_sentence_says_a_version_names_most_what_it_names_alone_or_never(counts):
    # over random mention tables: a version naming one organisation names it "only", a version naming several names
    # its leaders "most", and no organisation is said to be named most by a version that names it zero times
    from helpers.render import deck
    from helpers.render.narrative import mention_findings

    orgs = [f"Org{i}" for i in range(len(counts))]
    by_part = pd.DataFrame({"org": orgs, "commentary": [c for c, _ in counts], "original": [o for _, o in counts]})
    by_part = by_part[(by_part["commentary"] + by_part["original"]) > 0].assign(
        total=lambda f: f["commentary"] + f["original"])
    if by_part.empty:
        return
    lines = mention_findings(by_part, pd.DataFrame({"org": [], "only_in": []}))
    title = deck.mention_title(by_part, pd.Series({"commentary": 500, "original": 900}))
    said = " ".join(lines + [title])
    for part, name in (("commentary", "Chinese"), ("original", "(?:English|original)")):
        named = by_part[by_part[part] > 0]
        if len(named) == 1:
            lone = named["org"].iloc[0]
            assert not re.search(rf"the {name} (?:names )?{lone} most|Both versions name {lone} most", said), said
        for org in by_part.loc[by_part[part] == 0, "org"]:
            assert not re.search(rf"the {name} names (?:only )?{org}\b", said), said
    if len(by_part) > 1 and by_part["total"].nunique() == 1:
        assert "most often" not in lines[0]


def test_a_name_the_chinese_gives_only_beyond_an_excerpts_english_is_said_apart():
    from helpers.render.narrative import mention_findings

    # B is named only in a Chinese sentence past the English given: neither "only the Chinese" nor silence
    by_part = pd.DataFrame({"org": ["A", "B"], "commentary": [2, 1], "original": [2, 0], "total": [4, 1]})
    lines = mention_findings(by_part, pd.DataFrame({"org": [], "only_in": []}), excerpt=True)
    assert ("Named in the Chinese only beyond the English given, so perhaps in the part of the source the file lacks: "
            "B.") in lines
    assert not any(line.startswith("Only the Chinese") for line in lines)
    # a whole English: nothing is beyond it
    assert not any("beyond" in line for line in mention_findings(by_part, pd.DataFrame({"org": ["B"], "only_in": ["commentary"]})))


def test_a_theme_gap_over_an_excerpt_says_the_chinese_counts_what_the_file_lacks():
    from helpers.render.narrative import theme_findings
    emphasis = pd.DataFrame([theme_row(39, 68, 6, 138, theme="talent")])
    excerpt = pd.DataFrame({"kind": ["english_excerpt"], "evidence": ["…"], "affects": ["…"]})
    said = [line for line in theme_findings(emphasis, caveats=excerpt) if "excerpt" in line]
    assert said == ["The English here is an excerpt: the Chinese's shares also count what it says of the part of the "
                    "source the file does not hold, so a gap may lie in that part rather than in the writer's emphasis."]
    # a whole English, or no gap stated: nothing said
    assert not any("excerpt" in line for line in theme_findings(emphasis))
    assert not any("excerpt" in line for line in theme_findings(pd.DataFrame([theme_row(1, 68, 9, 138)]), caveats=excerpt))
