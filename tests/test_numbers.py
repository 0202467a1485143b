

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
