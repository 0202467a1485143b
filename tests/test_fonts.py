"""helpers.render.fonts: Chinese renders in figures with the OFL Noto font, never SimHei, and without warnings."""

import subprocess
import sys
import warnings

import matplotlib
import pytest

matplotlib.use("Agg")

from matplotlib import font_manager  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from helpers.render.fonts import CJK_FONT_FILE, cjk_font_path, use_cjk_font  # noqa: E402


def test_the_font_file_comes_from_the_mplfonts_package_and_is_noto():
    path = cjk_font_path()
    assert path.name == CJK_FONT_FILE == "NotoSansCJKsc-Regular.otf"
    assert path.parent.parent.name == "mplfonts" and path.is_file()


def test_finding_the_font_file_imports_neither_mplfonts_nor_matplotlib():
    # the report's own process finds it to cut the pages' subset, and draws nothing
    code = ("import sys; from helpers.render.fonts import cjk_font_path; cjk_font_path(); "
            "print(sorted(m for m in ('matplotlib', 'mplfonts') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_use_cjk_font_puts_noto_first_once_however_often_it_is_called():
    first = use_cjk_font()
    second = use_cjk_font()
    families = matplotlib.rcParams["font.sans-serif"]
    assert first == second == "Noto Sans CJK SC"
    assert families[0] == first and families.count(first) == 1
    assert matplotlib.rcParams["axes.unicode_minus"] is False


def test_chinese_labels_draw_without_a_missing_glyph_warning_and_resolve_to_noto():
    use_cjk_font()
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "Glyph … missing from font(s)" would raise here
        fig = Figure()
        ax = fig.add_subplot()
        ax.set_title("中国 AI 实验室:月之暗面、智谱、美团")
        ax.set_xlabel("算力 −1")
        ax.bar(["开源", "芯片"], [1, -1])
        fig.canvas.draw()
    chosen = font_manager.findfont(font_manager.FontProperties(family=["sans-serif"]))
    assert chosen.endswith("NotoSansCJKsc-Regular.otf")
    assert "SimHei" not in chosen


def test_the_pages_font_subset_is_cut_once_per_set_of_characters(tmp_path, monkeypatch):
    from fontTools import subset
    from fontTools.ttLib import TTFont

    from helpers.render import assets

    page = tmp_path / "page.html"
    page.write_text("<p>一个中文句子 and English</p>", encoding="utf-8")
    first = assets.write_fonts([page], tmp_path / "a", cache=tmp_path / "kept")
    assert {ord(c) for c in "一个中文句子"} <= set(TTFont(first[0]).getBestCmap())
    monkeypatch.setattr(subset, "Subsetter", None)  # a second cut of the same characters would fail here
    again = assets.write_fonts([page], tmp_path / "b", cache=tmp_path / "kept")
    assert again[0].read_bytes() == first[0].read_bytes() and again[1].read_text() == first[1].read_text()
    page.write_text("<p>另一句</p>", encoding="utf-8")
    with pytest.raises(TypeError):  # other characters: cut anew
        assets.write_fonts([page], tmp_path / "c", cache=tmp_path / "kept")
    assert len(list((tmp_path / "kept").iterdir())) == 1
