import pytest

from helpers.align.numbers import number_spans


def test_trn_is_a_trillion():
    # bilingual review round 18: '1.4trn yuan ($195bn)' was read as 1.4 against 1.4万亿
    from helpers.align.numbers import number_spans
    assert [t for _, _, t in number_spans("1.4trn yuan ($195bn)")] == ["#1400000000000", "#195000000000"]


def test_wa_is_taiwans_kilowatt():
    # bilingual review round 17: 4,500萬瓩 was listed as a figure the English (45 GW) nowhere states
    from helpers.align.numbers import number_spans
    assert [t for _, _, t in number_spans("恐需4,500萬瓩（45GW）")] == ["#W:45000000000", "#W:45000000000"]


def test_cheng_inside_a_word_is_no_tenth():
    # bilingual review round 18: 一成 was read inside 这一成绩 ('this result') and listed as a figure to check
    from helpers.align.numbers import number_spans
    assert number_spans("这一成绩来之不易，一成不变。") == [] and number_spans("约三成用户")[0][2] == "#%30"


def test_a_bare_number_set_against_a_measured_one_takes_its_unit():
    # bilingual review round 20: 每机柜80千瓦而非25千瓦 was listed as a figure to check against
    # 'racks at 80 kilowatts instead of 25', which states 25 kilowatts with the unit elided
    from helpers.align.numbers import number_spans
    import pandas as pd
    from helpers.framing.shifts import figure_changes
    import pandas as pd
    english = "The short version: it let us run racks at 80 kilowatts instead of 25."
    assert [t for _, _, t in number_spans(english)] == ["#W:80000", "#W:25000"]
    assert [t for _, _, t in number_spans("a share of 38 percent, up from 30 last year")] == ["#%38", "#%30"]
    assert [t for _, _, t in number_spans("80 kilowatts for 25 racks")] == ["#W:80000", "#25"]
    table = pd.DataFrame({"zh_claim_id": [9], "zh_text": ["简而言之：液冷让我们能以每机柜80千瓦而非25千瓦的功率运行。"],
                          "en_text": [english]})
    assert figure_changes(table, english).empty


@pytest.mark.parametrize("text, terms", [
    ("The rule applies by mid-2027.", ["#2027"]),          # bilingual review round 20's recheck: 2027年中 had no partner
    ("a late-2025 launch and pre-2020 chips", ["#2025", "#2020"]),
    ("GPT-4 beat Model-2027 here.", []),                  # a letter and a hyphen before digits still name a version
])
def test_a_year_after_a_time_qualifier_is_a_figure(text, terms):
    assert [t for _, _, t in number_spans(text)] == terms


def test_a_unit_glued_to_its_figure_is_a_figure_and_a_model_suffix_is_not_a_new_one():
    # bilingual review round 21: a hardware review's 'Weight: 1.9kg' read as no figure, so the Chinese 1.9 公斤 was
    # listed as a figure no English states
    from helpers.align.numbers import number_spans
    import pandas as pd
    from helpers.framing.shifts import figure_changes
    assert [t for _, _, t in number_spans("Weight: 1.9kg (4.2 lbs), 128GB, 5.1GHz")] == ["#1.9", "#4.2", "#128", "#5.1"]
    assert number_spans("GPT-4o came 3rd") == []
    table = pd.DataFrame({"zh_claim_id": [1], "zh_text": ["重量｜1.9 公斤"], "en_text": ["Price: $2,299"]})
    assert figure_changes(table, "Weight: 1.9kg (4.2 lbs) Price: $2,299").empty
