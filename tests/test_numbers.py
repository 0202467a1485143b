

def test_trn_is_a_trillion():
    # bilingual review round 18: '1.4trn yuan ($195bn)' was read as 1.4 against 1.4万亿
    from helpers.align.numbers import number_spans
    assert [t for _, _, t in number_spans("1.4trn yuan ($195bn)")] == ["#1400000000000", "#195000000000"]
