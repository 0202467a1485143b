"""Script detection, the Simplified view and how its offsets map back, and the regional rows."""

import doctest
import re

import opencc
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import helpers.text.variants as variants
from helpers.framing.labs import org_by_part
from helpers.pipeline import extract, run
from helpers.tables.entities import find_mentions, load_gazetteer
from helpers.patterns import HAN
from helpers.text.segment import Tokenizer
from helpers.text.variants import (
    MIXED_MIN_CHARS,
    VIEW_CONFIG,
    ConvertedView,
    convert_span,
    convert_view,
    detect_script,
    load_regional_variants,
)

ROWS = load_regional_variants()


def test_docstring_examples_run():
    assert doctest.testmod(variants).failed == 0


# ---------------------------------------------------------------------------------------------
# detect_script


@pytest.mark.parametrize(
    "text, script",
    [
        ("英伟达发布了新一代芯片，软件开发者说这些算法需要更多内存。", "simplified"),
        ("輝達發表了新一代晶片，軟體開發者說這些演算法需要更多記憶體。", "traditional"),
        ("英偉達的晶片供應緊張，軟件開發商表示，雲端運算正在增長。", "traditional"),
        ("这是简体的一段话，说的是芯片。\n這是繁體的一段話，說的是晶片。", "mixed"),
        ("Nvidia and AMD, 2025.", "none"),
        ("中文大模型", "none"),  # every character is shared by both scripts
        ("", "none"),
        # one stray Traditional-looking character (乾 in a name) does not make a text mixed
        ("乾隆年间的故事说明了这个问题，这里还有更多的说明。", "simplified"),
    ],
)
def test_detect_script(text, script):
    assert detect_script(text) == script


def test_mixed_needs_enough_of_the_minority_script():
    simplified = "这里说的是简体中文，这些话都来自这个国家的报纸。" * 3
    assert detect_script(simplified + "這") == "simplified"
    assert detect_script(simplified + "這" * MIXED_MIN_CHARS + "說說說說說說說說說說") == "mixed"


# ---------------------------------------------------------------------------------------------
# Regional rows


def test_regional_file_loads_with_every_kind():
    assert len(ROWS) >= 25
    assert {row.kind for row in ROWS} == {"name", "term", "guard"}
    assert all(row.source for row in ROWS)


@pytest.mark.parametrize("row", ROWS, ids=[row.variant for row in ROWS])
def test_opencc_column_says_what_tw2sp_gives(row):
    derived = opencc.OpenCC(VIEW_CONFIG).convert(row.variant) == row.canonical
    assert derived == (row.opencc == "derives"), opencc.OpenCC(VIEW_CONFIG).convert(row.variant)


@pytest.mark.parametrize("row", ROWS, ids=[row.variant for row in ROWS])
def test_each_row_reads_as_its_canonical_form_and_maps_back_exactly(row):
    prefix = "據報導，"
    source = f"{prefix}{row.variant}。這是後話。"
    view = convert_view(source)
    start, end = len(prefix), len(prefix) + len(row.variant)
    view_start, view_end = view.to_view_span(start, end)
    assert view.text[view_start:view_end] == row.canonical
    assert view.to_source(view_start, view_end) == (start, end)
    assert view.text.startswith("据报道，") and view.text.endswith("。这是后话。")


@pytest.mark.parametrize(
    "source, view_text",
    [
        ("據說超微和高通的晶片", "据说AMD和高通的芯片"),
        ("這種超微型晶片", "这种超微型芯片"),  # the guard keeps 超微型 whole
        ("細胞的超微結構", "细胞的超微结构"),
        ("他說四川普通話", "他说四川普通话"),  # 川普 inside 四川普通話 is not Trump
        ("川普說", "特朗普说"),
    ],
)
def test_guards_keep_false_friends_whole(source, view_text):
    assert convert_view(source).text == view_text


def test_a_text_with_no_script_marks_is_left_as_it_is():
    # 超微, 晶片: every character is shared by both scripts, so nothing says the text is Traditional
    assert convert_view("超微和高通的晶片").text == "超微和高通的晶片"


def _write(tmp_path, body):
    path = tmp_path / "regional_variants.csv"
    header = "# a comment line\nvariant,canonical,meaning,region,kind,opencc,source\n"
    path.write_text(header + body, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "body, message",
    [
        ("華府,华盛顿,Washington,tw,name,misses\n", "line 3: 6 fields"),
        ("華府,华盛顿,Washington,tw,name,misses,x,extra\n", "line 3: 8 fields"),
        ("晶片,芯片,chip,tw,term,derives,x\nHua府,华盛顿,Washington,tw,name,misses,x\n", "line 4: variant 'Hua府'"),
        ("華府,华盛顿,Washington,cn,name,misses,x\n", "line 3: region"),
        ("華府,华盛顿,Washington,tw,city,misses,x\n", "line 3: kind"),
        ("華府,华盛顿,Washington,tw,name,maybe,x\n", "line 3: opencc"),
        ("華府,,Washington,tw,name,misses,x\n", "line 3: empty canonical"),
        ("華府,华盛顿,Washington,tw,name,misses,\n", "line 3: empty source"),
        ("華府,华盛顿,W,tw,name,misses,x\n\n華府,华府,W,tw,name,misses,x\n", "line 5: variant '華府' already listed on line 3"),
    ],
)
def test_malformed_rows_raise_one_error_naming_the_line(tmp_path, body, message):
    with pytest.raises(ValueError, match=message):
        load_regional_variants(_write(tmp_path, body))


def test_a_file_without_its_header_is_refused(tmp_path):
    path = tmp_path / "regional_variants.csv"
    path.write_text("# only comments\n華府,华盛顿,Washington,tw,name,misses,x\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line 2: header must be"):
        load_regional_variants(path)


def test_a_user_row_applies_in_the_view(tmp_path):
    rows = load_regional_variants(_write(tmp_path, "紐時,纽约时报,The New York Times,tw,name,misses,test\n"))
    assert convert_view("據紐時報導", variants=rows).text == "据纽约时报报导"
    assert convert_view("據紐時報導", variants=()).text == "据纽时报导"


# ---------------------------------------------------------------------------------------------
# The view on real phrasing


@pytest.mark.parametrize(
    "source, view_text",
    [
        # Taiwan: regional phrases, one of them longer in the view (執行長 → 首席执行官), two shorter
        (
            "輝達執行長黃仁勳表示，AI晶片需求強勁，軟體工程師正在最佳化演算法。",
            "英伟达首席执行官黄仁勋表示，AI芯片需求强劲，软件工程师正在优化算法。",
        ),
        (
            "這款大型語言模型的程式碼已經開源，部落格上的影片顯示，它在網際網路上的資料庫中運作。",
            "这款大型语言模型的代码已经开源，博客上的视频显示，它在互联网上的数据库中运作。",
        ),
        (
            "華府官員表示，川普政府將限制對中國出口晶片，超微和高通也受影響。",
            "华盛顿官员表示，特朗普政府将限制对中国出口芯片，AMD和高通也受影响。",
        ),
        # Taiwan's transliterations of universities and companies that tw2sp keeps (康乃爾, 喬治亞理工, 艾司摩爾)
        (
            "康乃爾大學與喬治亞理工學院的研究人員和艾司摩爾、聯華電子合作，在聖地牙哥與蒙特婁發表成果。",
            "康奈尔大学与佐治亚理工学院的研究人员和阿斯麦、联华电子合作，在圣地亚哥与蒙特利尔发表成果。",
        ),
        # Hong Kong: its own terms (雲端運算, 手提電話) through the hand-kept rows
        (
            "英偉達的晶片供應緊張，軟件開發商表示，雲端運算和手提電話市場正在增長。",
            "英伟达的芯片供应紧张，软件开发商表示，云计算和手机市场正在增长。",
        ),
    ],
)
def test_traditional_sentences_read_as_mainland_simplified(source, view_text):
    view = convert_view(source)
    assert view.script == "traditional"
    assert view.text == view_text
    assert view.to_source(0, len(view.text)) == (0, len(source))


def test_a_length_changing_phrase_maps_back_whole():
    source = "輝達執行長說演算法"
    view = convert_view(source)
    assert view.text == "英伟达首席执行官说算法"
    # any part of 首席执行官 maps back to the whole of 執行長, and nothing else
    for start in range(3, 8):
        for end in range(start + 1, 9):
            assert view.to_source(start, end) == (2, 5)
    assert view.to_source(8, 9) == (5, 6)  # 说 ← 說, one for one
    assert view.to_source(9, 10) == (6, 9) and view.to_source(9, 11) == (6, 9)  # 算法 ← 演算法
    assert view.to_view(6) == 9 and view.to_view(7) == 9 and view.to_view(9) == 11


def test_a_simplified_text_is_its_own_view():
    # tw2sp would rewrite these mainland words (影片 → 视频, 支援 → 支持): the fast path keeps them
    source = "这部影片讲的是救灾支援，英伟达的芯片。"
    view = convert_view(source)
    assert view == ConvertedView(source=source, text=source, script="simplified")
    assert all(view.to_source(i, i + 1) == (i, i + 1) for i in range(len(source)))


def test_a_mixed_text_converts_only_its_traditional_lines():
    simplified = "这部影片讲的是救灾支援，这些说法来自这里。\n"
    traditional = "這部影片說的是晶片與軟體，這些說法來自臺灣。\n"
    view = convert_view(simplified + traditional + "Nvidia\n")
    assert view.script == "mixed"
    assert view.text == simplified + "这部视频说的是芯片与软件，这些说法来自台湾。\n" + "Nvidia\n"


def test_offsets_out_of_range_are_refused():
    view = convert_view("輝達")
    with pytest.raises(IndexError):
        view.to_source(0, 4)
    with pytest.raises(ValueError):
        view.to_source(2, 1)


TOKENIZER = Tokenizer()


def test_s2twp_rendering_reads_back_to_the_original_names():
    original = (
        "英伟达发布了新一代芯片。软件开发者说，这些算法需要更多内存和服务器，"
        "华为和阿里巴巴也在做大模型。\nDeepSeek 的 V3 模型用了 2048 块 H800，英伟达的芯片。"
    )
    traditional = opencc.OpenCC("s2twp").convert(original)
    assert traditional != original and detect_script(traditional) == "traditional"
    view = convert_view(traditional)
    names = ["英伟达", "芯片", "软件", "算法", "内存", "服务器", "华为", "DeepSeek", "H800"]

    def name_tokens(text):
        return [token for token, _, _ in TOKENIZER.tokenize(text) if token in names]

    assert name_tokens(view.text) == name_tokens(original)
    # each name in the view maps back to its Traditional rendering in the source, verbatim
    for token, start, end in TOKENIZER.tokenize(view.text):
        if token in names:
            source_start, source_end = view.to_source(start, end)
            assert traditional[source_start:source_end] == opencc.OpenCC("s2twp").convert(token)


def test_the_seeds_traditional_rendering_names_the_same_entities_at_the_same_words(seed_document):
    # a preview of issue 12's goal, on the gazetteer as it stands: the view of the seed's s2twp
    # rendering yields the original's mentions, in order, each mapping back to its rendering
    original = seed_document.text
    to_traditional = opencc.OpenCC("s2twp").convert
    traditional = to_traditional(original)
    view = convert_view(traditional)
    gazetteer = load_gazetteer()
    before = find_mentions(original, gazetteer)
    after = find_mentions(view.text, gazetteer)
    assert len(before) > 100
    assert after["entity"].tolist() == before["entity"].tolist()
    for row, mention in zip(after.itertuples(), before.itertuples()):
        start, end = view.to_source(row.start, row.end)
        assert traditional[start:end] == to_traditional(mention.surface)


# ---------------------------------------------------------------------------------------------
# Offsets under hypothesis

PIECES = st.sampled_from(
    [
        # Simplified and Traditional characters and words
        "英伟达", "芯片", "软件", "这", "说", "的", "中国", "影片",
        "輝達", "晶片", "軟體", "這", "說", "臺灣", "資料", "後",
        # phrases OpenCC converts with a length change, and hand-kept rows that change it too
        "演算法", "記憶體", "網際網路", "程式設計", "執行長", "部落格", "顯示卡", "最佳化",
        # pieces that join into phrases across draws (程式 + 設計 → 编程), and characters both scripts use
        "程式", "設計", "資訊", "科技", "網路", "演算", "算法", "著", "乾",
        "華府", "川普", "超微", "四川普通話", "超微型", "雲端運算", "手提電話",
        # Latin, digits, punctuation, spaces, newlines
        "Nvidia", "AI", "H800", "2048", "3.5", "，", "。", "「", "」", ", ", ".", " ", "\n", "\r\n", "\t",
    ]
)
MIXED_TEXT = st.lists(PIECES, max_size=40).map("".join)
PROPERTY = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def segments(view):
    """Every piece of the mapping, atomic or one-for-one, as (source start, end, view start, end)."""
    result, source, target = [], 0, 0
    for s0, s1, v0, v1 in view.pieces:
        result.extend((source + i, source + i + 1, target + i, target + i + 1) for i in range(s0 - source))
        assert v0 - target == s0 - source, "text between atomic pieces advances one for one"
        result.append((s0, s1, v0, v1))
        source, target = s1, v1
    tail = len(view.source) - source
    assert len(view.text) - target == tail
    result.extend((source + i, source + i + 1, target + i, target + i + 1) for i in range(tail))
    return result


@PROPERTY
@given(MIXED_TEXT)
def test_the_mapping_covers_source_and_view_exactly_once_in_order(text):
    view = convert_view(text)
    parts = segments(view)
    assert "".join(view.source[s0:s1] for s0, s1, _, _ in parts) == view.source
    assert [s0 for s0, *_ in parts[1:]] == [s1 for _, s1, *_ in parts[:-1]]
    assert [v0 for *_, v0, _ in parts[1:]] == [v1 for *_, v1 in parts[:-1]]
    assert all(s0 < s1 and v0 < v1 for s0, s1, v0, v1 in parts)
    assert view.to_source(0, len(view.text)) == (0, len(text))


@PROPERTY
@given(MIXED_TEXT, st.data())
def test_every_view_span_maps_back_monotonically(text, data):
    view = convert_view(text)
    spans = [view.to_source(i, i + 1) for i in range(len(view.text))]
    assert all(start < end for start, end in spans)
    assert all(a[0] <= b[0] and a[1] <= b[1] for a, b in zip(spans, spans[1:]))
    if view.text:
        a = data.draw(st.integers(0, len(view.text)))
        b = data.draw(st.integers(a, len(view.text)))
        start, end = view.to_source(a, b)
        if a < b:
            assert (start, end) == (spans[a][0], spans[b - 1][1])
            view_start, view_end = view.to_view_span(start, end)
            assert view_start <= a and b <= view_end
            assert view.to_source(view_start, view_end) == (start, end)


@PROPERTY
@given(MIXED_TEXT)
def test_text_outside_han_runs_maps_one_for_one(text):
    view = convert_view(text)
    for i, char in enumerate(text):
        if not HAN.match(char):
            j = view.to_view(i)
            assert view.text[j] == char
            assert view.to_view_span(i, i + 1) == (j, j + 1)
            assert view.to_source(j, j + 1) == (i, i + 1)


TRADITIONAL_OPENING = "這是臺灣報紙的說法，輝達與華府。\n"


@PROPERTY
@given(MIXED_TEXT, st.data())
def test_a_view_span_is_the_conversion_of_the_source_it_maps_back_to(text, data):
    view = convert_view(TRADITIONAL_OPENING + text)
    if view.script != "traditional":
        return  # a mixed draw decides line by line; the span rule is checked on converted text
    a = data.draw(st.integers(0, len(view.text)))
    b = data.draw(st.integers(a, len(view.text)))
    start, end = view.to_source(a, b)
    view_start, view_end = view.to_view_span(start, end)
    assert convert_span(view.source[start:end]) == view.text[view_start:view_end]
    assert view.text[a:b] in view.text[view_start:view_end]


@PROPERTY
@given(MIXED_TEXT)
def test_converting_any_text_is_deterministic_and_simplified_texts_are_untouched(text):
    view = convert_view(text)
    assert view == convert_view(text)
    if detect_script(text) in ("simplified", "none"):
        assert view.text == text and view.pieces == ()


# ---------------------------------------------------------------------------------------------
# The whole analysis on a Traditional rendering (issue 12): the engine reads the view, the tables quote the source


@pytest.fixture(scope="module")
def seed_pair(seed_document):
    original = seed_document.text
    traditional = opencc.OpenCC("s2twp").convert(original)
    assert detect_script(traditional) == "traditional"
    return run(original), run(traditional), traditional


def test_a_simplified_document_reports_its_script_and_keeps_its_offsets(seed_pair):
    simplified, _, _ = seed_pair
    assert simplified.script == "simplified" and "(simplified script)" in simplified.describe()


def test_the_seeds_traditional_rendering_gives_the_same_claims_at_mapped_offsets(seed_pair):
    simplified, traditional, text = seed_pair
    assert traditional.script == "traditional" and traditional.text == text
    to_traditional = opencc.OpenCC("s2twp").convert
    before, after = simplified.claims, traditional.claims
    assert after["claim_id"].tolist() == before["claim_id"].tolist()
    assert after[["part", "kind", "lang", "voice"]].equals(before[["part", "kind", "lang", "voice"]])
    # every claim quotes the Traditional source verbatim at its offsets, and is the rendering of the original claim
    assert all(text[a:b] == t for a, b, t in zip(after["start"], after["end"], after["text"]))
    assert [to_traditional(t) for t in before["text"]] == after["text"].tolist()
    assert all(text[a:b] == t for a, b, t in zip(traditional.blocks["start"], traditional.blocks["end"],
                                                 traditional.blocks["text"]))


def test_the_cues_a_claim_lists_are_quoted_from_the_traditional_source(seed_pair):
    """Voice cues, hedges, boosters, numbers and theme cues have no offsets of their own: each is found in its
    sentence's view and quoted from the source, so every one stands in its claim's Traditional text, one for one
    with the Simplified original's."""
    simplified, traditional, _ = seed_pair
    before, after = simplified.claims.set_index("claim_id"), traditional.claims.set_index("claim_id")

    def cues(value) -> list[str]:
        return [c for c in str(value).split("|") if c and not c.startswith("↑")]

    for column in ("voice_cue", "hedges", "boosters", "numbers"):
        for claim_id, value in after[column].items():
            assert all(c in after.at[claim_id, "text"] for c in cues(value)), (column, claim_id, value)
            assert len(cues(value)) == len(cues(before.at[claim_id, column]))
    text = after["text"]
    # a theme's Latin cue is the lexicon's folded form ('ai' for AI), in either script
    assert all(cue in text[c] or cue.isascii() and cue in text[c].casefold()
               for c, cue in zip(traditional.theme_hits["claim_id"], traditional.theme_hits["cue"]))
    to_traditional = opencc.OpenCC("s2twp").convert
    changed = [(a, b) for a, b in zip(simplified.theme_hits["cue"], traditional.theme_hits["cue"]) if a != b]
    assert changed and all(to_traditional(a) == b for a, b in changed)  # 芯片 quoted as 晶片, as the source writes it


def test_the_seeds_traditional_rendering_gives_the_same_org_mentions_links_and_shifts(seed_pair):
    simplified, traditional, text = seed_pair
    before, after = simplified.mentions, traditional.mentions
    assert after[["claim_id", "entity", "org", "type", "evidence"]].equals(before[["claim_id", "entity", "org", "type", "evidence"]])
    assert all(text[a:b] == s for a, b, s in zip(after["start"], after["end"], after["surface"]))
    links = ["zh_claim_id", "en_claim_id", "relation"]
    assert traditional.alignment[links].equals(simplified.alignment[links])
    shifts = ["zh_claim_id", "en_claim_ids", "certainty_shift", "voice_shift", "generalisation_shift"]
    assert traditional.framing[shifts].equals(simplified.framing[shifts])
    assert traditional.shifts.equals(simplified.shifts)


def test_the_seeds_traditional_rendering_gives_the_same_figures(seed_pair):
    simplified, traditional, _ = seed_pair
    assert org_by_part(traditional.labs).equals(org_by_part(simplified.labs))
    assert traditional.theme_share.equals(simplified.theme_share)
    assert traditional.frame_mix[["part", "frame", "claims"]].equals(simplified.frame_mix[["part", "frame", "claims"]])
    assert traditional.frame_tags[["claim_id", "frame"]].equals(simplified.frame_tags[["claim_id", "frame"]])


NAMES_AND_TERMS = st.sampled_from(["輝達", "英偉達", "超微", "高通", "華府", "晶片", "軟體", "演算法", "Nvidia", "AMD", "華為", "昇騰"])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(PIECES, NAMES_AND_TERMS), max_size=30).map("".join))
def test_extracted_tables_quote_any_mixed_script_source_at_their_offsets(body):
    text = f"這是中文的評論。{body}\n\nThis is the English original. {body}\n"
    tables = extract(text)
    assert tables.text == text
    for table, column in ((tables.blocks, "text"), (tables.claims, "text"), (tables.mentions, "surface"),
                          (tables.candidates, "surface")):
        assert all(text[a:b] == s for a, b, s in zip(table["start"], table["end"], table[column]))
    # each gazetteer mention covers a match of the same entity in the view: exactly its span, or, where the match
    # ends inside a phrase OpenCC converted as a whole (雲端運算 → 云计算), the whole phrase around it
    view = convert_view(text)
    in_view = list(find_mentions(view.text, load_gazetteer())[["start", "end", "entity"]].itertuples(index=False))
    known = tables.mentions[tables.mentions["evidence"] == ""]
    for start, end, entity in zip(known["start"], known["end"], known["entity"]):
        assert any(e == entity and view.to_source(s, t) == (start, end) for s, t, e in in_view)


def test_a_mention_that_ends_inside_a_converted_phrase_quotes_the_whole_phrase():
    # 雲端運算 becomes 云计算 as one phrase: 云 alone has no source span, so the mention of 华为云 quotes the phrase
    text = "這是中文的評論。華為雲端運算\n\nThis is the English original.\n"
    mentions = extract(text).mentions
    row = mentions[mentions["entity"] == "huawei_cloud"].iloc[0]
    assert text[row["start"]:row["end"]] == row["surface"] == "華為雲端運算"


def test_the_caveats_quote_the_traditional_source_not_its_view(seed_pair):
    # a bilingual review (round 8 recheck): a Hong Kong column's caveat quoted 笔者认为… where the column says 筆者認為…
    simplified, traditional, text = seed_pair
    quotes = [q for e in traditional.caveats["evidence"] for q in re.findall(r"“([^”]+)”", str(e))]
    assert quotes, "the seed's caveats quote sentences"
    for quote in quotes:
        assert quote.rstrip("…") in text, quote
    simple_quotes = [q for e in simplified.caveats["evidence"] for q in re.findall(r"“([^”]+)”", str(e))]
    assert len(simple_quotes) == len(quotes) and simple_quotes != quotes


# ---------------------------------------------------------------------------------------------
# Every gazetteer name, written in Traditional script, reaches its row through the view (round 20)


@pytest.mark.parametrize("config", ["s2t", "s2tw", "s2hk"])
def test_every_gazetteer_name_written_in_traditional_reads_as_one_of_its_rows_names(config):
    """A Traditional writing of a Chinese name the gazetteer lists converts, through the view, to a name of the same
    row: where OpenCC's phrases misread one (伊利諾伊 → 伊利诺伊伊, 尼日利亞 → 尼日尔利亚, 衞報 left as it is), a
    regional row or an alias must say what it reads as, or the name is never found in a Traditional document."""
    from helpers.tables.entities import _gazetteer_key, _surface_forms, default_gazetteer

    to_traditional = opencc.OpenCC(config).convert
    missed = []
    for row in _gazetteer_key(default_gazetteer()):
        forms = {form for form, _ in _surface_forms(row)}
        for form in forms:
            if re.search(HAN, form) and convert_span(to_traditional(form)) not in forms:
                missed.append((row[0], form, to_traditional(form), convert_span(to_traditional(form))))
    assert missed == []


@pytest.mark.parametrize("source, entity", [
    ("伊利諾伊大學香檳分校的研究團隊發表了論文。", "uiuc"),
    ("英國《衞報》引述消息人士說，這家公司正在融資。", "guardian"),
    ("尼日利亞的電信業者表示，他們正在測試這個模型。", "nigeria"),
])
def test_traditional_names_that_opencc_misreads_are_found(source, entity):
    document = source + "\n\nEnglish text follows here.\n"
    assert entity in set(extract(document).mentions["entity"])


def test_a_simplified_note_on_huaweis_ascend_is_not_mixed_and_keeps_its_ascend():
    # 昇 is a standard Simplified character (华为昇腾); counted as Traditional, a short Simplified note read as mixed
    # and its 昇腾 lines were converted to 升腾, where the gazetteer no longer found Huawei's chips
    note = "华为昇腾芯片的产能\n\n据报道，华为昇腾910C芯片今年产量将提高。华为的昇腾芯片已被多家公司采用。\n\n" \
           "Huawei's Ascend output\n\nHuawei's Ascend 910C chips will be produced in larger numbers this year.\n"
    assert detect_script(note) == "simplified"
    mentions = extract(note).mentions
    assert (mentions.loc[mentions["lang"] == "zh", "surface"] == "昇腾").sum() == 3
    assert variants.script_counts("昇腾") == (0, 1)


def test_a_malformed_shared_character_row_is_refused(tmp_path):
    path = tmp_path / "shared.csv"
    path.write_text("char,simplified_use,source\n昇腾,names,x\n", encoding="utf-8")
    with pytest.raises(ValueError, match="shared.csv row 2"):
        variants.shared_chars(path)
    path.write_text("char,use\n", encoding="utf-8")
    with pytest.raises(ValueError, match="header"):
        variants.shared_chars(path)


def _reference_rows(name):
    import csv

    from helpers.paths import REFERENCE

    with open(REFERENCE / name, encoding="utf-8") as handle:
        return list(csv.DictReader(line for line in handle if not line.startswith("#")))


@pytest.mark.parametrize("config", ["s2t", "s2tw", "s2hk"])
@pytest.mark.parametrize("name, column, group", [("cues.csv", "cue", "category"), ("frames.csv", "cue", "frame"),
                                                 ("number_units.csv", "unit", None), ("categories.csv", "category", None)])
def test_every_chinese_cue_written_in_traditional_reads_as_a_cue_of_its_kind(config, name, column, group):
    """Cues, frames, units and categories are matched on the view: a Traditional writing of each must read back as an
    entry of the same kind, or a Traditional document never shows it (tw2sp gave 据报导 for 據報導, a hedge; 首席运行官
    for 首席執行官; 内核观点 for 核心觀點, a section label)."""
    rows = _reference_rows(name)
    kinds: dict[str, set[str]] = {}
    for row in rows:
        kinds.setdefault(row[group] if group else "", set()).add(row[column])
    to_traditional = opencc.OpenCC(config).convert
    missed = [(row[column], to_traditional(row[column]), convert_span(to_traditional(row[column])))
              for row in rows if re.search(HAN, row[column])
              and convert_span(to_traditional(row[column])) not in kinds[row[group] if group else ""]]
    assert missed == []


@pytest.mark.parametrize("source, view_text", [
    ("據報導，該公司首席執行官表示", "据报道，该公司首席执行官表示"),
    ("核心觀點", "核心观点"),
    ("向量資料庫", "向量数据库"),
    ("執行長說", "首席执行官说"),
    ("執行力", "执行力"),
])
def test_traditional_terms_read_as_the_mainland_writes_them(source, view_text):
    assert convert_span(source) == view_text
