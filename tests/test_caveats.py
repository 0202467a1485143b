"""Document caveats (helpers.framing.caveats), one small synthetic document per kind, and 'beyond the English given'."""

import pandas as pd

from helpers.columns import ADDITION, BEYOND, CAVEAT_COLUMNS, PART_COMMENTARY, PART_ORIGINAL, SUMMARISES
from helpers.framing.caveats import caveats, mark_beyond

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
    assert table.loc["few_links", "evidence"] == ("only 2 of 10 Chinese sentences linked to the English; 3 more "
                                                  "withheld as unsure (other places in the English hold their words "
                                                  "about as well)")
