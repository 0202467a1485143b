"""helpers.render.figures: every plot returns a slide-readable Figure; saving is byte-for-byte repeatable."""

import base64
import warnings

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.text import Text  # noqa: E402

from helpers.framing import labs as lab_tables, themes  # noqa: E402
from helpers.framing.caveats import version_weights  # noqa: E402
from helpers.patterns import LATIN_LETTER  # noqa: E402
from helpers.render import figures  # noqa: E402
from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402

# At least 16 px when a 5.6-inch figure is shown 490 px high on a 1280 × 720 slide (the slides' img max-height,
# helpers.render.pages): 16 pt × 150/72 × 490/840.
MIN_POINTS = 16
SLIDE_IMAGE_HEIGHT = 490
# Organisations the briefing's mentions slide shows (notebook 05's TOP_ORGS); the pages show more, taller.
SLIDE_ORGS = 6


@pytest.fixture(scope="module")
def drawn(seed_tables):
    """Every figure of the bundle, drawn from the seed's tables (framing ones from hand-made tables)."""
    claims, blocks, mentions = seed_tables.claims, seed_tables.blocks, seed_tables.mentions
    hits = themes.theme_hits(claims)
    labs = lab_tables.lab_mentions(mentions)
    terms = pd.concat([themes.top_terms(claims, lang, 8) for lang in ["zh", "en"]])
    coverage = pd.DataFrame({"section": [0, 1], "heading": ["", "The mentality of Chinese researchers"],
                             "share_claims": [0.0, 0.5], "share_chars": [0.0, 0.4]})
    mix = pd.DataFrame({"part": ["commentary", "commentary", "original"], "frame": ["technology", "", "talent"],
                        "share_claims": [0.6, 0.4, 1.0], "share_chars": [0.7, 0.3, 1.0]})
    shifts = pd.DataFrame({"shift": ["certainty", "certainty", "voice"], "value": ["sharpened", "", "absorbed"],
                           "claims": [3, 5, 4]})
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        made = {
            "anatomy": figures.plot_anatomy(blocks, claims),
            "terms": figures.plot_top_terms(terms),
            "strip": figures.plot_theme_strip(themes.theme_positions(claims, hits), themes.part_spans(claims),
                                              themes.theme_order()),
            "share": figures.plot_theme_share(themes.theme_share(claims, hits)),
            "orgs": figures.plot_org_mentions(lab_tables.org_by_part(labs), top=SLIDE_ORGS),
            "orgs_rate": figures.plot_org_mentions(lab_tables.org_by_part(labs), top=SLIDE_ORGS, claims=claims),
            "orgs_page": figures.plot_org_mentions(lab_tables.org_by_part(labs), claims=claims),
            "co": figures.plot_co_mentions(lab_tables.co_mentions(labs, claims)),
            "coverage": figures.plot_section_coverage(coverage),
            "mix": figures.plot_frame_mix(mix),
            "shifts": figures.plot_shift_counts(shifts),
        }
        for fig in made.values():
            fig.canvas.draw()   # glyph warnings surface at draw time
    return made


def test_every_plot_returns_a_figure(drawn):
    assert all(isinstance(fig, Figure) for fig in drawn.values())


def test_every_visible_text_is_at_least_12_points(drawn):
    for name, fig in drawn.items():
        sizes = [t.get_fontsize() for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]
        assert sizes, name
        assert min(sizes) >= MIN_POINTS, (name, min(sizes))


def test_every_label_is_at_least_16_px_on_a_slide(drawn):
    for name, fig in drawn.items():
        if name in ("co", "orgs_page"):   # page figures, tall; never on a slide
            continue
        scale = min(1.0, SLIDE_IMAGE_HEIGHT / (fig.get_figheight() * figures.DPI))
        sizes = [t.get_fontsize() for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]
        assert min(sizes) * figures.DPI / 72 * scale >= 16, (name, min(sizes), fig.get_figheight())


@pytest.mark.parametrize("name", ["orgs_rate", "orgs_page"])
def test_no_two_numbers_of_the_mentions_chart_touch(drawn, name):
    fig = drawn[name]
    renderer = FigureCanvasAgg(fig).get_renderer()
    fig.draw(renderer)
    for ax in fig.axes:
        numbers = sorted((t.get_window_extent(renderer) for t in ax.texts), key=lambda box: box.y0)
        assert numbers, name
        for below, above in zip(numbers, numbers[1:]):
            overlap_x = min(below.x1, above.x1) - max(below.x0, above.x0)
            assert overlap_x <= 0 or above.y0 >= below.y1 - 0.5, (name, below, above)


def test_the_anatomy_chart_measures_characters_with_blocks_as_a_label(seed_tables):
    blocks, claims = seed_tables.blocks, seed_tables.claims
    fig = figures.plot_anatomy(blocks, claims)
    ax = fig.axes[0]
    widths = {}
    for bar in ax.patches:
        y = round(bar.get_y() + bar.get_height() / 2)
        widths[y] = max(widths.get(y, 0), bar.get_x() + bar.get_width())
    # the pages' one length measure: Han characters of the Chinese, Latin letters at three a character of the English
    # (raw characters drew a Chinese of 124% of the English's length at 40% of it)
    zh_weight, en_weight = version_weights(claims)
    assert widths[max(widths)] == pytest.approx(zh_weight, abs=1)   # the top bar: the Chinese version
    letters = sum(len(LATIN_LETTER.findall(t)) for t in claims.loc[claims["part"] == "original", "text"])
    assert any(w == pytest.approx(letters / 3) for w in widths.values()) and en_weight == letters // 3
    assert "characters" in ax.get_xlabel() and "three" in ax.get_xlabel()
    labels = [t.get_text() for t in ax.texts]
    assert any(f"{zh_weight:,} characters · " in label for label in labels)
    assert any(f"{en_weight:,} characters" in label for label in labels)
    for part, n in blocks.groupby("part").size().items():
        assert any(f" · {n} block{'s' if n != 1 else ''}" in label for label in labels), part


def test_org_mentions_show_rates_per_1000_characters_beside_the_counts(seed_tables):
    claims, mentions = seed_tables.claims, seed_tables.mentions
    by_part = lab_tables.org_by_part(lab_tables.lab_mentions(mentions))
    fig = figures.plot_org_mentions(by_part, top=5, claims=claims)
    counts, rates = fig.axes[:2]
    assert "1,000 characters" in rates.get_xlabel()
    lengths = figures.part_lengths(claims)
    first = by_part.iloc[0]
    # the top bar of each panel is the first organisation: the commentary's count and rate
    count_bars = sorted(counts.patches, key=lambda b: -b.get_y())
    rate_bars = sorted(rates.patches, key=lambda b: -b.get_y())
    assert count_bars[0].get_width() == first["commentary"]
    assert rate_bars[0].get_width() == pytest.approx(first["commentary"] * 1000 / lengths["commentary"])


def test_figures_are_titled(drawn):
    for name, fig in drawn.items():
        assert fig.get_suptitle(), name


def test_frame_mix_labels_the_untagged_share_and_shift_counts_drop_empty_values(drawn):
    mix_labels = [t.get_text() for t in drawn["mix"].axes[0].get_yticklabels()]
    assert "(no frame)" in mix_labels
    shift_labels = [t.get_text() for t in drawn["shifts"].axes[0].get_yticklabels()]
    assert shift_labels == ["certainty: sharpened", "voice: absorbed"]


@pytest.mark.parametrize("plot, table", [
    (figures.plot_org_mentions, pd.DataFrame(columns=["org", "commentary", "original", "total"])),
    (figures.plot_shift_counts, pd.DataFrame(columns=["shift", "value", "claims"])),
    (figures.plot_frame_mix, pd.DataFrame(columns=["part", "frame", "share_claims", "share_chars"])),
])
def test_empty_tables_give_a_figure_that_says_so(plot, table):
    fig = plot(table)
    assert any(t.get_text().startswith("no ") for t in fig.findobj(Text))


def test_save_figure_writes_png_and_svg_identically_twice(drawn, tmp_path):
    first = figures.save_figure(drawn["share"], tmp_path / "a" / "share")
    second = figures.save_figure(drawn["share"], tmp_path / "b" / "share")
    assert [p.suffix for p in first] == [".png", ".svg"]
    for one, two in zip(first, second):
        assert one.read_bytes() == two.read_bytes(), one.name
    svg = first[1].read_text(encoding="utf-8")
    assert "<dc:date>" not in svg
    png = first[0].read_bytes()
    assert b"tIME" not in png and b"Software" not in png


def test_save_to_an_empty_folder_name_writes_nothing(drawn, tmp_path):
    assert figures.save_to(drawn["share"], "", "share") == []
    assert figures.save_to(drawn["share"], tmp_path, "share") == [tmp_path / "share.png", tmp_path / "share.svg"]


def counting_draws(fig):
    """Count ``fig``'s draws (each format a renderer draws it in is one)."""
    calls = []
    draw = fig.draw
    fig.draw = lambda renderer: (calls.append(1), draw(renderer))[1]
    return calls


def kept_in(memo):
    """The drawings a memo folder holds (its locks aside)."""
    return [p for p in memo.iterdir() if p.suffix in (".png", ".svg")]


def test_a_shown_figure_is_the_saved_png_drawn_once_with_its_description(seed_tables, tmp_path):
    from IPython.core.formatters import DisplayFormatter

    fig = figures.plot_anatomy(seed_tables.blocks, seed_tables.claims)
    draws = counting_draws(fig)
    picture = figures.show(fig, tmp_path, "anatomy")
    assert len(draws) == 3  # the layout's pass, the PNG, the SVG
    data, metadata = DisplayFormatter().format(picture)
    assert base64.b64decode(data["image/png"]) == (tmp_path / "anatomy.png").read_bytes()
    assert data["text/plain"] == "Figure: What the document is made of, in characters"
    assert metadata == {"image/png": {"alt": "What the document is made of, in characters"}}
    DisplayFormatter().format(picture)
    assert len(draws) == 3  # shown again: not drawn again


def test_a_figure_shown_without_a_folder_writes_nothing_and_one_changed_is_drawn_again(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    fig = figures.plot_shift_counts(pd.DataFrame({"shift": ["voice"], "value": ["absorbed"], "claims": [2]}))
    draws = counting_draws(fig)
    first = figures.show(fig)._repr_mimebundle_()[0]["image/png"]
    assert len(draws) == 2 and list(tmp_path.iterdir()) == []  # the layout's pass and the PNG
    assert figures.show(fig)._repr_mimebundle_()[0]["image/png"] == first and len(draws) == 2
    fig.axes[0].set_xlabel("changed")
    assert figures.show(fig)._repr_mimebundle_()[0]["image/png"] != first and len(draws) == 3


def test_a_figure_without_a_title_is_described_in_words_not_by_matplotlibs_repr():
    fig = figures.plot_top_terms(pd.DataFrame({"lang": [], "term": [], "count": []}))
    data, metadata = figures.show(fig)._repr_mimebundle_()
    assert data["text/plain"] != repr(fig) and "Figure size" not in data["text/plain"] and data["image/png"]
    assert data["text/plain"].startswith("Figure") and metadata["image/png"]["alt"]


def test_a_figure_drawn_by_another_notebook_of_the_report_is_read_from_the_memo_not_drawn(seed_tables, tmp_path,
                                                                                          monkeypatch):
    monkeypatch.setenv(figures.MEMO_ENV, str(tmp_path / "drawn"))
    (tmp_path / "drawn").mkdir()
    first = figures.plot_anatomy(seed_tables.blocks, seed_tables.claims)
    figures.save_figure(first, tmp_path / "a" / "anatomy")
    again = figures.plot_anatomy(seed_tables.blocks, seed_tables.claims)  # another kernel, the same inputs
    draws = counting_draws(again)
    figures.save_figure(again, tmp_path / "b" / "anatomy")
    assert draws == []  # the PNG and the SVG are the memo's, drawn together by the first notebook
    for suffix in (".png", ".svg"):
        assert (tmp_path / "a" / "anatomy").with_suffix(suffix).read_bytes() == \
            (tmp_path / "b" / "anatomy").with_suffix(suffix).read_bytes()
    shown = figures.plot_anatomy(seed_tables.blocks, seed_tables.claims)
    draws = counting_draws(shown)
    assert figures.show(shown)._repr_mimebundle_()[0]["image/png"] and draws == []  # only shown: not drawn at all
    other = figures.plot_anatomy(seed_tables.blocks, seed_tables.claims.head(20))  # other inputs: drawn
    draws = counting_draws(other)
    figures.show(other)._repr_mimebundle_()
    assert len(draws) == 3 and len(kept_in(tmp_path / "drawn")) == 4  # layout, PNG and SVG, both kept
    changed = figures.plot_anatomy(seed_tables.blocks, seed_tables.claims)  # the same inputs, then changed
    changed.axes[0].set_xlabel("changed by the notebook")
    draws = counting_draws(changed)
    assert figures.show(changed)._repr_mimebundle_()[0]["image/png"] != \
        base64.b64encode((tmp_path / "a" / "anatomy.png").read_bytes()).decode("ascii")
    assert len(draws) == 2 and len(kept_in(tmp_path / "drawn")) == 4  # drawn, and not kept in the memo


def test_without_a_memo_nothing_is_kept_between_figures(seed_tables, monkeypatch):
    monkeypatch.delenv(figures.MEMO_ENV, raising=False)
    fig = figures.plot_anatomy(seed_tables.blocks, seed_tables.claims)
    assert not hasattr(fig, "_bundle_key")


def test_a_heading_with_emoji_is_drawn_without_them_and_without_a_glyph_warning():
    coverage = pd.DataFrame({"section": [0, 1, 2], "heading": ["", "✨ Highlights 🔥", "🚀"], "claims": [2, 3, 1],
                             "chars": [80, 120, 10], "carried_claims": [1, 3, 0], "carried_chars": [40, 120, 0],
                             "share_claims": [0.5, 1.0, 0.0], "share_chars": [0.5, 1.0, 0.0]})
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig = figures.plot_section_coverage(coverage)
        fig.canvas.draw()
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels == ["(opening, before the first heading)", "Highlights", "(a heading of symbols only)"]


def test_a_heading_with_dollar_signs_is_drawn_as_text_not_parsed_as_tex():
    coverage = pd.DataFrame({"section": [0], "heading": ["Costs: 3 hours ($118) | 7 hours ($305)"], "claims": [2],
                             "chars": [80], "carried_claims": [1], "carried_chars": [40], "share_claims": [0.5],
                             "share_chars": [0.5]})
    fig = figures.plot_section_coverage(coverage)
    fig.canvas.draw()  # a label read as TeX raises here
    label = fig.axes[0].get_yticklabels()[0]
    assert label.get_text().startswith(r"Costs: 3 hours (\$118)")


def test_the_shift_chart_names_a_translation_and_an_empty_one_is_still_titled():
    empty = pd.DataFrame({"shift": [], "value": [], "claims": []})
    fig = figures.plot_shift_counts(empty, empty="nothing counted", kind="translation")
    assert fig._suptitle.get_text() == "What changes between the source and the translation"


def test_charts_mark_the_themes_and_frames_whose_gap_the_pages_do_not_state():
    mix = pd.DataFrame({"part": ["commentary", "original", "commentary", "original"],
                        "frame": ["economic", "economic", "legality", "legality"],
                        "share_claims": [0.3, 0.1, 0.2, 0.2], "share_chars": [0.3, 0.1, 0.2, 0.2]})
    fig = figures.plot_frame_mix(mix, unstated={"economic": "rests on 1 word"})
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert "economic" in labels and "legality" in labels
    assert "1: rests on 1 word" in _below(fig)
    assert sum(1 for bar in fig.axes[0].patches if bar.get_hatch()) == 2  # economic's two bars
    plain = figures.plot_frame_mix(mix)
    assert not any(bar.get_hatch() for bar in plain.axes[0].patches)
    assert "not stated" not in _below(plain)

    # bars of characters held back for a gap in sentences say which share the reason weighs (49% vs 37% drawn above
    # a note "the shares differ by under 5%" read as a contradiction)
    by_chars = figures.plot_frame_mix(mix, unstated={"economic": "the shares differ by under 5%"})
    assert "1: the sentence shares differ by under 5%" in _below(by_chars)


def test_co_mentions_of_one_organisation_say_there_is_no_pair():
    one = pd.DataFrame([[3]], index=["Zhipu AI"], columns=["Zhipu AI"])
    fig = figures.plot_co_mentions(one)
    texts = [t.get_text() for ax in fig.axes for t in ax.texts]
    assert texts == ["only one lab or company found (Zhipu AI): no pair to count"]
    assert not any(ax.images for ax in fig.axes)  # no one-cell map drawn


def test_theme_and_frame_charts_leave_out_what_too_few_sentences_carry_and_say_so():
    # a bar resting on one or two sentences in each version is as likely a word read in another sense: not drawn
    share = pd.DataFrame({"theme": ["technology", "technology", "morality", "morality"], "lang": ["zh", "en"] * 2,
                          "claims": [20, 40] * 2, "headings": [0, 0, 0, 0], "hits": [12, 20, 1, 2],
                          "share": [0.6, 0.5, 0.05, 0.05], "cues": [""] * 4})
    fig = figures.plot_theme_share(share, min_sentences=3)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["technology"]
    assert "1 theme touched by fewer than 3 sentences" in _below(fig)
    drawn = figures.plot_theme_share(share)  # without a floor every theme with a share is drawn, as before
    assert {t.get_text() for t in drawn.axes[0].get_yticklabels()} == {"technology", "morality"}
    mix = pd.DataFrame({"part": ["commentary", "original"] * 3, "frame": ["technology"] * 2 + ["morality"] * 2 + [""] * 2,
                        "claims": [12, 20, 1, 2, 7, 18], "weight_claims": [1.0] * 6, "weight_chars": [1.0] * 6,
                        "share_claims": [0.6, 0.5, 0.05, 0.05, 0.35, 0.45], "share_chars": [0.6, 0.5, 0.05, 0.05, 0.35, 0.45]})
    labels = [t.get_text() for t in figures.plot_frame_mix(mix, min_sentences=3).axes[0].get_yticklabels()]
    assert "morality" not in labels and {"technology", "(no frame)"} <= set(labels)


def _below(fig) -> str:
    """The notes under a chart: its axis label and the line across the figure's foot."""
    return fig.axes[0].get_xlabel() + "\n" + (fig._supxlabel.get_text() if fig._supxlabel else "")


def _share_table():
    # made-up counts: technology's gap is stated; morality rests on one Chinese sentence; quiet differs by 1 point
    return pd.DataFrame({"theme": ["technology"] * 2 + ["morality"] * 2 + ["quiet"] * 2, "lang": ["zh", "en"] * 3,
                         "claims": [20, 40] * 3, "headings": [0] * 6, "hits": [12, 4, 3, 1, 4, 8],
                         "share": [0.6, 0.1, 0.15, 0.025, 0.2, 0.2], "cues": [""] * 6})


def test_a_theme_whose_gap_is_not_stated_is_drawn_hatched_with_why_under_the_chart():
    unstated = {"morality": "its Chinese sentences rest on 1 word, under 2", "quiet": "the shares differ by under 5%"}
    fig = figures.plot_theme_share(_share_table(), unstated=unstated, min_sentences=3)
    ax = fig.axes[0]
    hatched = {bar.get_hatch() for bar in ax.patches if bar.get_hatch()}
    assert hatched == {figures.UNSTATED_HATCH}
    # two themes of three hatched, in each version's bars: four bars
    assert sum(1 for bar in ax.patches if bar.get_hatch()) == 4
    note = _below(fig)
    assert "hatched, gap not stated: 2 of 3 themes" in note
    assert "1: its sentences rest on fewer than 2 distinct words" in note
    assert "1: the shares differ by under 5%" in note
    assert figures.UNSTATED_LABEL in [t.get_text() for t in ax.get_legend().get_texts()]
    assert {t.get_text() for t in ax.get_yticklabels()} == {"technology", "morality", "quiet"}  # no * in names
    plain = figures.plot_theme_share(_share_table(), min_sentences=3)
    assert not any(bar.get_hatch() for bar in plain.axes[0].patches)
    assert "hatched" not in _below(plain)
    assert figures.UNSTATED_LABEL not in [t.get_text() for t in plain.axes[0].get_legend().get_texts()]


def test_the_strip_greys_the_themes_whose_gap_is_not_stated_and_says_so():
    positions = pd.DataFrame({"theme": ["technology", "morality"], "part": ["commentary", "commentary"],
                              "start": [3, 9]})
    spans = pd.DataFrame({"part": ["commentary", "original"], "start": [0, 20], "end": [20, 60]})
    fig = figures.plot_theme_strip(positions, spans, ["technology", "morality"],
                                   unstated={"morality": "only 1 Chinese sentence touches it, under 3"})
    labels = {t.get_text(): t.get_color() for t in fig.axes[0].get_yticklabels()}
    assert labels["morality"] != labels["technology"]
    assert fig._supxlabel.get_text().startswith("pale and dotted, gap not stated: 1 of 2 themes")
    assert "fewer than 3 sentences touch it on the side that uses it more" in fig._supxlabel.get_text()
    assert figures.plot_theme_strip(positions, spans, ["technology", "morality"])._supxlabel is None


def test_a_theme_no_sentence_touches_is_no_thin_bar_on_either_chart():
    """The note under a chart counts the themes or frames left out for resting on one or two sentences; one with no
    sentence at all (the theme table lists every theme, the frame mix only those found) is not among them."""
    from helpers.render.figures import _thin

    table = pd.DataFrame({"theme": ["economic", "economic", "talent", "talent", "openness", "openness"],
                          "version": ["zh", "en"] * 3, "hits": [0, 0, 1, 2, 5, 0]})
    assert _thin(table, "theme", "hits", 3) == ["talent"]


def test_a_theme_no_sentence_touches_takes_no_row_of_the_chart():
    # the theme table lists every theme: untouched ones must not fill the top rows and push touched ones out (a
    # re-review saw legality and security drawn 0 against 0 while talent, 10% against 2%, was left out)
    rows = [("technology", 12, 20), ("talent", 5, 3)] + [(f"untouched {i}", 0, 0) for i in range(8)]
    share = pd.DataFrame([(t, lang, 40, 0, n, n / 40, "") for t, zh, en in rows for lang, n in (("zh", zh), ("en", en))],
                         columns=["theme", "lang", "claims", "headings", "hits", "share", "cues"])
    for floor in (0, 3):
        fig = figures.plot_theme_share(share, min_sentences=floor)
        assert sorted(t.get_text() for t in fig.axes[0].get_yticklabels()) == ["talent", "technology"]
        assert "not drawn" not in _below(fig)


def test_a_chart_the_briefing_only_shows_gives_a_page_that_saves_it_the_same_files_as_drawing_them(seed_tables, tmp_path,
                                                                                                  monkeypatch):
    monkeypatch.delenv(figures.MEMO_ENV, raising=False)
    figures.save_figure(figures.plot_anatomy(seed_tables.blocks, seed_tables.claims), tmp_path / "alone" / "anatomy")
    monkeypatch.setenv(figures.MEMO_ENV, str(tmp_path / "drawn"))
    (tmp_path / "drawn").mkdir()
    figures.show(figures.plot_anatomy(seed_tables.blocks, seed_tables.claims))._repr_mimebundle_()  # the briefing, first
    page = figures.plot_anatomy(seed_tables.blocks, seed_tables.claims)
    draws = counting_draws(page)
    figures.show(page, tmp_path / "page", "anatomy")
    assert draws == []
    for suffix in (".png", ".svg"):
        assert (tmp_path / "page" / "anatomy").with_suffix(suffix).read_bytes() == \
            (tmp_path / "alone" / "anatomy").with_suffix(suffix).read_bytes()


def _draw_in_another_kernel(blocks, claims, folder, start, draws):
    start.wait()
    fig = figures.plot_anatomy(blocks, claims)
    counted = counting_draws(fig)
    figures.show(fig, folder, "anatomy")
    draws.put(len(counted))


def test_two_notebooks_drawing_the_same_chart_at_once_draw_it_once(seed_tables, tmp_path, monkeypatch):
    import multiprocessing

    monkeypatch.setenv(figures.MEMO_ENV, str(tmp_path / "drawn"))
    (tmp_path / "drawn").mkdir()
    context = multiprocessing.get_context("fork")
    start, draws = context.Event(), context.Queue()
    kernels = [context.Process(target=_draw_in_another_kernel,
                               args=(seed_tables.blocks, seed_tables.claims, tmp_path / name, start, draws))
               for name in ("briefing", "page")]
    for kernel in kernels:
        kernel.start()
    start.set()
    for kernel in kernels:
        kernel.join(60)
    assert sorted(draws.get(timeout=5) for _ in kernels) == [0, 3]  # one drew layout, PNG and SVG; the other waited
    for suffix in (".png", ".svg"):
        assert (tmp_path / "briefing" / "anatomy").with_suffix(suffix).read_bytes() == \
            (tmp_path / "page" / "anatomy").with_suffix(suffix).read_bytes()


def test_the_anatomy_chart_calls_the_chinese_a_version_whatever_its_kind(seed_tables):
    # a translation's Chinese was labelled "Chinese commentary" (a red-team page); the kind is the caveats' to name
    ticks = [t.get_text() for t in figures.plot_anatomy(seed_tables.blocks, seed_tables.claims).axes[0].get_yticklabels()]
    assert "Chinese version" in ticks and not any("commentary" in t for t in ticks)


def test_the_anatomy_legend_names_the_byline_kind_as_the_pages_do(seed_tables):
    # the parser files date-only lines and credits with the bylines: 'byline' alone called a date line a byline
    fig = figures.plot_anatomy(seed_tables.blocks, seed_tables.claims)
    labels = [t.get_text() for legend in fig.legends for t in legend.get_texts()]
    assert "byline, credit or date line" in labels and "byline" not in labels


def test_an_empty_figure_is_described_by_its_message_not_its_repr():
    """A document naming no lab drew an empty panel with no title: the page's alt text and the notebook's text were
    matplotlib's '<Figure size 1500x600 with 2 Axes>'. The empty panel's message describes it instead."""
    import pandas as pd
    from helpers.render import figures
    empty = pd.DataFrame(columns=["org", "commentary", "original", "total"])
    for fig in (figures.plot_org_mentions(empty), figures.plot_co_mentions(pd.DataFrame())):
        data, metadata = figures.Picture(fig)._repr_mimebundle_()
        assert data["text/plain"] == "Figure: No lab or company found"
        assert metadata["image/png"]["alt"] == "No lab or company found"
        assert "Figure size" not in str(data) + str(metadata)
    from matplotlib.figure import Figure
    data, metadata = figures.Picture(Figure())._repr_mimebundle_()
    assert data["text/plain"] == "Figure" and "Figure size" not in str(data)


def test_the_anatomy_chart_labels_each_version_with_the_pages_length_figure():
    """A version's label states the pages' figure (``version_weights``): its sentences and headings without its title,
    the English's letters divided by three once (invented lines: a title the chart stacks and the pages leave out,
    and English units whose letters /3 sum to a hair under a whole number, which the label had cut one short)."""
    from helpers.pipeline import run
    from helpers.params import Params

    text = ("模型评测报告（原文附后）\n这个模型很强，在多项评测中领先。\n它的价格也很低。\n"
            "Model report\nThe model is strong and leads many benchmarks.\nIts price is low too, said the team.\n"
            "It was trained on new data.\n")
    tables = run(text, Params()).tables
    zh_weight, en_weight = version_weights(tables.claims)
    fig = figures.plot_anatomy(tables.blocks, tables.claims)
    labels = [t.get_text() for t in fig.axes[0].texts]
    assert any(label.endswith(f"{zh_weight:,} characters") or f"{zh_weight:,} characters · " in label
               for label in labels)
    assert any(label.endswith(f"{en_weight:,} characters") or f"{en_weight:,} characters · " in label
               for label in labels)


def test_the_frame_mix_never_draws_the_untagged_remainder_as_a_stated_gap():
    # the held-out evaluation: a translation's '(no frame)' at 47% against 35%, drawn solid, read as a finding
    mix = pd.DataFrame({"part": ["commentary", "original", "commentary", "original"],
                        "frame": ["", "", "economic", "economic"],
                        "share_claims": [0.47, 0.35, 0.2, 0.2], "share_chars": [0.47, 0.35, 0.2, 0.2]})
    fig = figures.plot_frame_mix(mix)
    ticks = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    bars = fig.axes[0].patches
    hatched = {ticks[::-1][round(bar.get_y() + bar.get_height() / 2)] for bar in bars if bar.get_hatch()}
    assert hatched == {"(no frame)"}
