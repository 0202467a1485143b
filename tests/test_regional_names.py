"""Regional names of the major tech companies: the names Taiwan, Hong Kong and the mainland write for them reach the
gazetteer's entity through the Simplified view (OpenCC's tw2sp plus data/reference/regional_variants.csv), and the
longer names that hold a shorter one by accident stay whole."""

import pytest

from helpers.tables import entities
from helpers.pipeline import extract
from helpers.text.variants import convert_span, load_regional_variants

#: (the name as a Taiwan or Hong Kong text writes it, the gazetteer's entity): each from the company's own regional
#: name, as gazetteer.csv's and regional_variants.csv's source columns say.
REGIONAL_NAMES = [
    ("輝達", "nvidia"), ("英偉達", "nvidia"), ("超微", "amd"), ("超微半導體", "amd"), ("美超微", "supermicro"),
    ("英特爾", "intel"), ("高通", "qualcomm"), ("台積電", "tsmc"), ("三星", "samsung"), ("聯發科", "mediatek"),
    ("甲骨文", "oracle"), ("亞馬遜", "amazon"), ("微軟", "microsoft"), ("谷歌", "google"), ("臉書", "meta"),
    ("博通", "broadcom"), ("美光", "micron"), ("戴爾", "dell"), ("惠普", "hp"), ("思科", "cisco"), ("艾司摩爾", "asml"),
    ("阿斯麥", "asml"), ("安謀", "arm"), ("鴻海", "foxconn"), ("德州儀器", "texas_instruments"),
    ("應用材料公司", "applied_materials"), ("科林研發", "lam_research"), ("東京威力科創", "tokyo_electron"),
    ("海力士", "sk_hynix"), ("特斯拉", "tesla"), ("推特", "twitter"), ("字節跳動", "bytedance"), ("騰訊", "tencent"),
    ("華為", "huawei"), ("華碩", "asus"), ("宏碁", "acer"), ("廣達", "quanta"), ("緯創", "wistron"),
    ("英業達", "inventec"), ("和碩", "pegatron"), ("技嘉", "gigabyte"), ("聯電", "umc"), ("中華電信", "chunghwa_telecom"),
    ("網飛", "netflix"), ("奈飛", "netflix"), ("優步", "uber"),
    # universities, institutes and government bodies of Taiwan and Hong Kong
    ("國立清華大學", "nthu"), ("清大", "nthu"), ("陽明交通大學", "nycu"), ("國立成功大學", "ncku"), ("台大", "ntu_taiwan"),
    ("資訊工業策進會", "iii_taiwan"), ("資策會", "iii_taiwan"), ("數位發展部", "moda_taiwan"), ("工研院", "itri"),
    ("中研院", "academia_sinica"), ("國科會", "nstc_taiwan"), ("經濟部", "moea_taiwan"), ("數碼港", "cyberport"),
    ("香港科技園", "hkstp"), ("港大", "hku"), ("港科大", "hkust"),
    # Hong Kong's name for Facebook, wire agencies, investors and regulators as Taiwan and Hong Kong press write them
    ("面書", "meta"), ("格羅方德", "globalfoundries"), ("美國證交會", "sec"), ("美聯社", "ap"), ("法新社", "afp"),
    ("中央社", "cna_taiwan"), ("中央通訊社", "cna_taiwan"), ("南華早報", "scmp"), ("聯合報", "udn"), ("日經", "nikkei"),
    ("紅杉資本", "sequoia_capital"), ("紅杉中國", "hongshan"), ("軟銀", "softbank"),
]


@pytest.mark.parametrize("name, entity", REGIONAL_NAMES)
def test_a_regional_name_reaches_its_company_through_the_view(name, entity):
    view = convert_span(f"報導指出，{name}表示將擴大投資。")
    found = entities.find_mentions(view, entities.default_gazetteer())
    assert found["entity"].tolist() == [entity], (name, view)


def test_every_company_entity_named_here_is_in_the_gazetteer():
    listed = set(entities.default_gazetteer()["entity"])
    assert {entity for _, entity in REGIONAL_NAMES} <= listed


def test_supermicro_holds_taiwans_name_for_amd_and_is_not_amd():
    guard = {row.variant: row.kind for row in load_regional_variants()}
    assert guard["美超微"] == "guard"
    text = ("美超微與超微都在擴產，美超微表示新竹廠的產能將擴大一倍。\n\n"
            "Supermicro and AMD are both expanding, and Supermicro said it would double capacity.\n")
    mentions = extract(text).mentions
    zh = mentions[(mentions["part"] == "commentary") & (mentions["org"] != "")]
    assert zh["surface"].tolist() == ["美超微", "超微", "美超微"]
    assert zh["org"].tolist() == ["supermicro", "amd", "supermicro"]
    assert "amd" not in set(mentions.loc[mentions["surface"] == "美超微", "org"])


@pytest.mark.parametrize("text", ["這台超微型相機很輕。", "他在研究細胞的超微結構。", "聯想到去年的事，大家都很擔心。",
                                  "經濟部門的數據不錯。", "這款應用材料很新。", "它會變成大模型。", "成功大學生不多。",
                                  "數位部分做得不錯。"])
def test_a_word_that_holds_a_companys_regional_name_by_accident_names_no_company(text):
    found = entities.find_mentions(convert_span(text), entities.default_gazetteer())
    assert not set(found["type"]) & set(entities.ORG_TYPES), found["surface"].tolist()


def test_taiwans_tsing_hua_is_not_beijings_tsinghua():
    found = entities.find_mentions(convert_span("國立清華大學與清華大學合作。"), entities.default_gazetteer())
    assert found["entity"].tolist() == ["nthu", "tsinghua"]


@pytest.mark.parametrize("config", ["t2hk", "hk2t"])
def test_the_taiwan_compile_names_the_same_organisations_in_hong_kongs_characters(config):
    """The discovery fixture k (a Taiwan compile) with its Chinese in Hong Kong's character forms, or back to OpenCC's
    standard Traditional: the same organisations, as often."""
    import opencc
    from collections import Counter
    from helpers.paths import ROOT
    from helpers.pipeline import run
    text = (ROOT / "tests" / "fixtures" / "discovery" / "k-chip-compile-taiwan-traditional.txt").read_text(encoding="utf-8")
    cut = text.index("Nvidia and AMD race")
    converted = opencc.OpenCC(f"{config}.json").convert(text[:cut]) + text[cut:]

    def orgs(document: str) -> Counter:
        mentions = run(document).tables.mentions
        return Counter(mentions.loc[mentions["org"] != "", "org"].str.casefold())

    assert orgs(converted) == orgs(text)
