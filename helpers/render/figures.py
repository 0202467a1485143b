"""Figures for the notebooks and the report: tidy DataFrames in, a matplotlib Figure out.

Every figure is drawn at slide size (10 × 5.6 in at 150 dpi, labels ≥ 16 pt: at least 16 px when the slides
show it 420 px high on their 1280 × 720 canvas) with Noto Sans CJK SC, so Chinese labels render; nothing
random, so the same tables give the same pixels. ``save_figure`` writes PNG and SVG without timestamps,
and ``show`` gives a notebook the PNG saved, drawn once.

Each chart compares like with like: versions of very different length are compared in characters or per
1,000 characters of each version, never in raw counts alone, and each axis says what it measures.
"""

from __future__ import annotations

import base64
import fcntl
import hashlib
import inspect
import io
import os
import pickle
import textwrap
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

import matplotlib
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from ..columns import CONTENT_KINDS, PART_COMMENTARY, PART_NONCONTENT, PART_ORIGINAL, units_noun
from ..framing.caveats import unit_weight, version_weights
from ..framing.reliability import judged_group
from ..paths import MEMO_ENV
from .fonts import cjk_font_path, use_cjk_font

#: Slide-sized canvas (inches), and the smallest font size (points) used on it.
FIGSIZE = (10.0, 5.6)
DPI = 150
MIN_FONT_PT = 16
#: Height of one organisation's row in the mentions chart: two bars, each taller than a 16 pt label.
ROW_INCHES = 0.62
STYLE = {
    "font.size": 17,
    "axes.titlesize": 20,
    "axes.titleweight": "normal",   # the CJK font ships one weight: asking for bold logs a warning
    "axes.titlelocation": "left",
    "axes.labelsize": 17,
    "xtick.labelsize": MIN_FONT_PT,
    "ytick.labelsize": MIN_FONT_PT,
    "legend.fontsize": MIN_FONT_PT,
    "legend.frameon": False,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "svg.hashsalt": "zh-en-framing",   # stable ids inside the SVG
    "svg.fonttype": "path",            # the SVG shows the glyphs without the font installed
}
PART_COLOURS = {PART_COMMENTARY: "#c0392b", PART_ORIGINAL: "#2e6da4", PART_NONCONTENT: "#a0a0a0"}
LANG_COLOURS = {"zh": "#c0392b", "en": "#2e6da4", "mixed": "#8e6bb0"}
PART_LABELS = {PART_COMMENTARY: "Chinese version", PART_ORIGINAL: "English original",
               PART_NONCONTENT: "non-content"}
LANG_LABELS = {"zh": "Chinese", "en": "English", "mixed": "mixed"}
KIND_COLOURS = {"title": "#2c3e50", "label": "#5d6d7e", "heading": "#34495e", "paragraph": "#7f8c8d", "list_item": "#16a085",
                "byline": "#e67e22", "boilerplate": "#bdc3c7", "image_placeholder": "#d5dbdb", "caption": "#f0b27a",
                "code": "#aab7b8"}
#: A kind's name in the anatomy chart's legend where its own would mislead: the parser files a line that is only a
#: date (a news site's '2026/01/05 08:30') and a photo or wire credit with the bylines, as the pages' sentences say.
LEGEND_NAMES = {"byline": "byline, credit or date line"}
PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
           "#bcbd22", "#17becf"]


def _figure(height: float | None = None) -> tuple[Figure, "matplotlib.axes.Axes"]:
    """A new slide-sized figure with one axes (not registered with pyplot's global state)."""
    use_cjk_font()
    matplotlib.rcParams.update({"svg.hashsalt": STYLE["svg.hashsalt"]})
    with matplotlib.rc_context(STYLE):
        fig = Figure(figsize=(FIGSIZE[0], height or FIGSIZE[1]), dpi=DPI, layout="constrained")
        ax = fig.add_subplot()
    return fig, ax


def _styled(draw):
    """Run a drawing function under the bundle's style so every text gets the slide-size fonts; under a drawing memo
    (``MEMO_ENV``), the figure carries the key of what it was drawn from."""
    def wrapper(*args, **kwargs):
        use_cjk_font()
        with matplotlib.rc_context(STYLE):
            fig = draw(*args, **kwargs)
        if os.environ.get(MEMO_ENV):
            fig._bundle_key = _memo_key(draw, args, kwargs)
            # changed before it is drawn (a notebook setting a limit), it is no longer what its inputs draw
            fig.stale_callback = _forget_key
        return fig
    wrapper.__name__, wrapper.__doc__ = draw.__name__, draw.__doc__
    wrapper.__signature__ = inspect.signature(draw)
    return wrapper


# ``MEMO_ENV`` (``helpers.paths``) names a folder one report's kernels share their drawn PNGs through: a figure drawn
# in another notebook from the same function and the same arguments is read from it, not drawn again. Unset (a notebook
# run alone), nothing is shared.

def _memo_key(draw, args, kwargs) -> str | None:
    """What a figure is drawn from, as a digest: the function and its arguments (defaults filled in), pickled. Equal
    pickles are equal inputs, so equal figures; inputs that pickle apart only miss the memo. None: not picklable."""
    try:
        bound = inspect.signature(draw).bind(*args, **kwargs)
        bound.apply_defaults()
        data = pickle.dumps((draw.__module__, draw.__qualname__, tuple(bound.arguments.items())), protocol=5)
    except Exception:  # noqa: BLE001 - an argument that does not pickle: the figure is drawn, as without a memo
        return None
    return hashlib.sha256(data).hexdigest()


def _forget_key(fig: Figure, stale: bool) -> None:
    if stale:
        fig._bundle_key = None


def _memo_file(fig: Figure, suffix: str = ".png") -> Path | None:
    folder, key = os.environ.get(MEMO_ENV), getattr(fig, "_bundle_key", None)
    return Path(folder) / f"{key}{suffix}" if folder and key else None


def _keep(memo: Path, data: bytes) -> None:
    """Put ``data`` in the memo whole or not at all: a notebook beside this one may read it now."""
    partial = memo.with_name(f".{memo.name}.{os.getpid()}.tmp")
    try:
        partial.write_bytes(data)
        os.replace(partial, memo)
    except OSError:
        pass  # the memo only spares drawing; without it each notebook draws its own


def _empty(ax, message: str) -> None:
    """An empty panel that says why; its message is the figure's description until a title gives one, so that the
    page's alt text and the notebook's text never fall back to matplotlib's '<Figure size 1500x600 with 2 Axes>'."""
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes, fontsize=MIN_FONT_PT + 1, color="#555555")
    ax.set_xticks([])
    ax.set_yticks([])
    if getattr(ax.figure, "_repr_mimebundle_", None) is None:
        describe(ax.figure, message[:1].upper() + message[1:])


def _bar_labels(ax, bars, fmt: str = "{:.0f}", *, skip_zero: bool = True) -> None:
    for bar in bars:
        width = bar.get_width()
        if skip_zero and width == 0:
            continue
        ax.annotate(fmt.format(width), (bar.get_x() + width, bar.get_y() + bar.get_height() / 2),
                    xytext=(4, 0), textcoords="offset points", va="center", fontsize=MIN_FONT_PT)


# ---- 01 anatomy -------------------------------------------------------------------------------

@_styled
def plot_anatomy(blocks: pd.DataFrame, claims: pd.DataFrame | None = None) -> Figure:
    """Horizontal stacked bars: each part's length in characters, by kind of block; blocks and sentences labelled.

    Characters, not blocks: a Chinese summary of a few dozen short paragraphs is a fraction of the
    English original's length, and counting blocks would draw it longer.
    """
    fig, ax = _figure(4.6)
    # the sentences' characters when they are given (the narrative's figures), else the blocks'; counted as every page
    # counts a version's length: Han characters of the Chinese, Latin letters at three a character of the English
    # (raw characters drew a Chinese of 124% of the English's length at 40% of it), both of the furniture
    units = claims if claims is not None else blocks
    lengths = units.assign(chars=[unit_weight(str(text), part) for text, part in zip(units["text"], units["part"])])
    chars = lengths.groupby(["part", "kind"])["chars"].sum().unstack("kind", fill_value=0)
    parts = [p for p in [PART_COMMENTARY, PART_ORIGINAL, PART_NONCONTENT] if p in chars.index]
    chars = chars.reindex(parts)
    n_blocks = blocks.groupby("part").size().reindex(parts).fillna(0).astype(int)
    kinds = [k for k in KIND_COLOURS if k in chars.columns]
    left = np.zeros(len(parts))
    y = np.arange(len(parts))[::-1]
    for kind in kinds:
        values = chars[kind].to_numpy()
        ax.barh(y, values, left=left, color=KIND_COLOURS[kind], label=LEGEND_NAMES.get(kind, kind.replace("_", " ")),
                height=0.6)
        left += values
    content = claims[claims["kind"].isin(CONTENT_KINDS)] if claims is not None else None
    sentences = (content.groupby("part").size().reindex(parts).fillna(0).astype(int) if content is not None
                 else pd.Series(0, index=parts))
    noun = units_noun(content["kind"]) if content is not None else "sentences"  # a heading is never called a sentence
    weights = dict(zip((PART_COMMENTARY, PART_ORIGINAL), version_weights(claims))) if claims is not None else {}
    for yi, total, b, n, part in zip(y, left, n_blocks, sentences, parts):
        # the count is of a version's sentences and headings (furniture, titles and labels are neither); their length
        # is the pages' own figure (``version_weights``: a title and labels left out, the English's letters divided by
        # three once, not unit by unit: a bar summed to 4,994.99 was labelled 4,994 beside pages saying 4,995)
        counted = claims is not None and part != PART_NONCONTENT
        label = f"{round(total):,} characters · {b} block{'s' if b != 1 else ''}"
        if counted:
            label += f"\n{n} {noun}" + ("" if weights[part] == round(total) else f": {weights[part]:,} characters")
        ax.annotate(label, (total, yi), xytext=(6, 0), textcoords="offset points", va="center", fontsize=MIN_FONT_PT)
    ax.set_yticks(y, [PART_LABELS[p] for p in parts])
    ax.set_xlabel("characters (Latin letters at three a character), each bar split by kind of block")
    ax.set_xlim(0, max(left.max(), 1) * 2.1)   # room for the longest label right of the longest bar
    _title(fig, "What the document is made of, in characters")
    fig.legend(*ax.get_legend_handles_labels(), loc="outside lower center", ncols=min(max(len(kinds), 1), 3))
    return fig


# ---- 02 themes --------------------------------------------------------------------------------

@_styled
def plot_top_terms(terms: pd.DataFrame, title: str = "Most frequent terms") -> Figure:
    """Side-by-side horizontal bars of the top terms per language (a ``top_terms`` table per language, concatenated)."""
    langs = [l for l in ["zh", "en"] if l in set(terms["lang"])]
    use_cjk_font()
    fig = Figure(figsize=FIGSIZE, dpi=DPI, layout="constrained")
    axes = fig.subplots(1, max(len(langs), 1), squeeze=False)[0]
    if not langs:
        _empty(axes[0], "no terms")
        return fig
    for ax, lang in zip(axes, langs):
        chosen = terms[terms["lang"] == lang].iloc[::-1]
        bars = ax.barh(chosen["term"], chosen["count"], color=LANG_COLOURS[lang])
        _bar_labels(ax, bars)
        ax.set_title(LANG_LABELS[lang], fontsize=18, loc="left")
        # a Chinese word is what the segmenter cuts: one inside a longer dictionary word is not counted again
        ax.set_xlabel("occurrences as the segmenter cuts the text\n(none inside a longer dictionary word or phrase)" if lang == "zh"
                      else "occurrences")
        ax.set_xlim(0, chosen["count"].max() * 1.2)
        ax.spines[["top", "right"]].set_visible(False)
    _title(fig, title)
    return fig


@_styled
def plot_theme_strip(positions: pd.DataFrame, spans: pd.DataFrame, themes: list[str], *, unstated=None) -> Figure:
    """One row per theme, a tick at each sentence touching it; one panel per version, in characters from its start.
    ``unstated``: the themes whose gap the pages do not state (``narrative.unstated_themes(..., small=True)``):
    their ticks are drawn pale and their names grey, and a note under the panels says how many and why.

    Chinese packs about three times more meaning per character than English, so each version gets its own
    scale rather than one shared axis that would squeeze the commentary into a sliver.
    """
    unstated = dict(unstated or {})
    use_cjk_font()
    fig = Figure(figsize=FIGSIZE, dpi=DPI, layout="constrained")
    parts = spans["part"].tolist() or [PART_COMMENTARY]
    axes = fig.subplots(1, len(parts), sharey=True, squeeze=False)[0]
    rows = np.arange(len(themes))[::-1]
    for ax, (part, start, end) in zip(axes, spans[["part", "start", "end"]].itertuples(index=False)):
        ax.set_facecolor(PART_COLOURS.get(part, "#dddddd") + "12")
        for row, theme in zip(rows, themes):
            chosen = positions[(positions["theme"] == theme) & (positions["part"] == part)]
            colour = PALETTE[themes.index(theme) % len(PALETTE)]
            ax.vlines(chosen["start"] - start, row - 0.35, row + 0.35, color=colour, lw=2.2,
                      alpha=0.3 if theme in unstated else 1.0, linestyles="dotted" if theme in unstated else "solid")
        ax.set_xlim(0, max(end - start, 1))
        ax.set_title(PART_LABELS.get(part, part), fontsize=18, color=PART_COLOURS.get(part, "#333333"))
        ax.set_xlabel("characters from its start")
        ax.spines[["top", "right"]].set_visible(False)
    axes[0].set_yticks(rows, [t.replace("_", " ") for t in themes])
    _grey_ticks(axes[0], themes, unstated)
    axes[0].set_ylim(-0.6, len(themes) - 0.4)
    _notes_below(fig, _unstated_note(unstated, list(themes), "theme").replace("hatched,", "pale and dotted,"))
    _title(fig, "Where each theme comes up")
    return fig


def _thin(table: pd.DataFrame, key: str, count: str, least: int) -> list[str]:
    """The ``key`` values (themes, frames) that some sentence touches but whose ``count`` of sentences is under
    ``least`` in every version; one no sentence touches is no thin bar, so the theme chart (whose table lists every
    theme) and the frame chart (only the frames found) count alike."""
    if not least or table.empty:
        return []
    most = table.groupby(key, sort=False)[count].max()
    return [k for k, n in most.items() if 0 < int(n) < least]


def _thin_note(thin: list[str], least: int, noun: str) -> str:
    """The line under an axis that says how many themes or frames rest on too few sentences to be drawn."""
    if not thin:
        return ""
    return (f"{len(thin)} {noun}{'' if len(thin) == 1 else 's'} touched by fewer than {least} sentences "
            "in each version not drawn")


#: The legend entry of a bar drawn hatched and pale: a theme or frame whose gap the pages do not state.
UNSTATED_LABEL = "gap not stated (why: below)"
UNSTATED_HATCH = "///"


def _why_kind(reason: str) -> str:
    """One of ``narrative.theme_evidence``'s reasons with its counts taken out, in the prose's own words, so the
    note under a chart can say how many themes each reason holds back ('only 1 Chinese sentence touches it, under 3'
    → 'fewer than 3 sentences touch it on the side that uses it more')."""
    import re

    floor = re.search(r"under (\S+)$", reason)
    if reason.startswith("without the headings"):
        return "it does not hold over the sentences without the headings"
    if "touch" in reason and floor:
        return f"fewer than {floor.group(1)} sentences touch it on the side that uses it more"
    if "rest on" in reason and floor:
        return f"its sentences rest on fewer than {floor.group(1)} distinct words"
    if "chance" in reason:
        return re.sub(r"p [0-9.]+ above", "p above", reason)
    return reason


def _unstated_note(unstated: dict, shown: list[str], noun: str) -> str:
    """The lines under a chart's axis that say how many of the ``shown`` themes or frames are drawn hatched because
    the pages do not state their gap, and why, grouped by reason ('' when none is)."""
    marked = [t for t in shown if t in unstated]
    if not marked:
        return ""
    kinds: dict[str, int] = {}
    for t in marked:
        kind = _why_kind(str(unstated[t]))
        kinds[kind] = kinds.get(kind, 0) + 1
    head = f"hatched, gap not stated: {len(marked)} of {len(shown)} {noun}s"
    return head + "".join(f"\n{n}: {kind}" for kind, n in kinds.items())


def _notes_below(fig: Figure, *notes: str) -> None:
    """The notes under a chart (hatched bars, themes not drawn), across the figure's width rather than the axis's,
    so that they are never cut off beside long tick labels."""
    text = "\n".join(n.strip() for n in notes if n and n.strip())
    if text:
        fig.supxlabel(text, fontsize=12, color="#444444")


def _hatch(bars, names: list[str], unstated: dict) -> None:
    """Draws the bars of the themes or frames whose gap is not stated pale and hatched."""
    for bar, name in zip(bars, names):
        if name in unstated:
            bar.set_alpha(0.35)
            bar.set_hatch(UNSTATED_HATCH)
            bar.set_edgecolor("#555555")


def _unstated_legend(ax, shown: list[str], unstated: dict) -> None:
    """The legend, with an entry for the hatched bars where any is drawn."""
    from matplotlib.patches import Patch

    handles, labels = ax.get_legend_handles_labels()
    if any(t in unstated for t in shown):
        handles.append(Patch(facecolor="#dddddd", edgecolor="#555555", hatch=UNSTATED_HATCH))
        labels.append(UNSTATED_LABEL)
    ax.legend(handles, labels, loc="lower right")


def _grey_ticks(ax, names: list[str], unstated: dict) -> None:
    for label, name in zip(ax.get_yticklabels(), names):
        if name in unstated:
            label.set_color("#777777")
            label.set_fontstyle("italic")


@_styled
def plot_theme_share(share: pd.DataFrame, top: int = 8, *, unstated=None, min_sentences: int = 0) -> Figure:
    """Grouped horizontal bars: the share of each language's sentences touching each theme (a frame of
    frames.csv), the ``top`` themes by their larger share, largest first. ``unstated``: the themes whose gap the
    pages do not state (``narrative.unstated_themes(..., small=True)``), drawn pale and hatched, with a legend entry
    and a note under the axis saying how many and why, in the prose's words.
    ``min_sentences`` (the pages pass ``min_theme_sentences``): a theme fewer sentences touch in each version is
    not drawn, and the chart says so: a bar of one or two sentences is as likely a word read in another sense."""
    unstated = dict(unstated or {})
    fig, ax = _figure()
    thin = _thin(share, "theme", "hits", min_sentences)
    # the table lists every theme: one no sentence touches in either version is no row (nor a thin one, see _thin)
    touched = share.groupby("theme", sort=False)["hits"].transform("max").astype(int) > 0
    share = share[touched & ~share["theme"].isin(thin)]
    if share.empty or not share["share"].gt(0).any():
        _empty(ax, f"no theme touched by {min_sentences} sentences or more in either version")
        _title(fig, "Theme share: how many of each version's sentences touch each theme")
        return fig
    larger = share.groupby("theme", sort=False)["share"].max()
    themes = sorted(larger.index, key=lambda t: (-larger[t], list(larger.index).index(t)))[:top]
    y = np.arange(len(themes))[::-1]
    height = 0.45
    for offset, lang in [(height / 2, "zh"), (-height / 2, "en")]:
        values = share[share["lang"] == lang].set_index("theme")["share"].reindex(themes).fillna(0) * 100
        bars = ax.barh(y + offset, values, height=height, color=LANG_COLOURS[lang], label=LANG_LABELS[lang])
        _hatch(bars, themes, unstated)
        _bar_labels(ax, bars, "{:.0f}%")
    ax.set_yticks(y, [t.replace("_", " ") for t in themes])
    _grey_ticks(ax, themes, unstated)
    units = units_noun(["heading"] if "headings" in share and share["headings"].astype(int).gt(0).any() else [])
    ax.set_xlabel(f"% of the version's {units}\ntouching the theme")  # two lines: never cut off beside long names
    _notes_below(fig, _unstated_note(unstated, themes, "theme"), _thin_note(thin, min_sentences, "theme"))
    ax.set_xlim(0, max(share["share"].max() * 100, 1) * 1.2)
    _title(fig, "Theme share: how many of each version's sentences touch each theme" if units == "sentences" else
           "Theme share: each version's sentences and headings touching a theme")
    _unstated_legend(ax, themes, unstated)
    return fig


# ---- 03 lab mentions --------------------------------------------------------------------------

def part_lengths(claims: pd.DataFrame) -> pd.Series:
    """Each version's length in the caveats' one measure (``helpers.framing.caveats.version_weights``: Han characters
    of the Chinese, Latin letters / 3 of the English), indexed commentary, original: the denominator of a per-1,000
    rate, so that a name as dense in both versions comes out at about the same rate."""
    zh, en = version_weights(claims)
    return pd.Series({PART_COMMENTARY: zh, PART_ORIGINAL: en}, dtype=int)


@_styled
def plot_org_mentions(by_part: pd.DataFrame, top: int = 15, *, claims: pd.DataFrame | None = None) -> Figure:
    """Grouped horizontal bars: mentions of each organisation in the commentary and the original, and,
    given ``claims``, beside them the same per 1,000 characters of each version (the fair comparison:
    the versions differ several times over in length)."""
    chosen = by_part.head(top)
    use_cjk_font()
    # a row holds two bars, each taller than its 16 pt number, so no two numbers touch
    fig = Figure(figsize=(FIGSIZE[0], max(4.0, ROW_INCHES * len(chosen) + 1.9)), dpi=DPI, layout="constrained")
    lengths = part_lengths(claims) if claims is not None else None
    axes = fig.subplots(1, 2 if lengths is not None else 1, sharey=True, squeeze=False)[0]
    if chosen.empty:
        _empty(axes[0], "no lab or company found")
        return fig
    y = np.arange(len(chosen))[::-1]
    height = 0.45   # two bars a row, each tall enough for its number's digits
    panels = [(axes[0], "mentions", "{:.0f}", lambda part: chosen[part])]
    if lengths is not None:
        panels.append((axes[1], "per 1,000 characters\nof the version (English:\n3 letters a character)", "{:.1f}",
                       lambda part: chosen[part] * 1000 / max(lengths[part], 1)))
    for ax, label, fmt, values in panels:
        top_value = 0.0
        for offset, part in [(height / 2, PART_COMMENTARY), (-height / 2, PART_ORIGINAL)]:
            shown = values(part)
            bars = ax.barh(y + offset, shown, height=height, color=PART_COLOURS[part], label=PART_LABELS[part])
            _bar_labels(ax, bars, fmt)
            top_value = max(top_value, float(shown.max()))
        ax.set_xlabel(label)
        ax.set_xlim(0, max(top_value, 1e-9) * 1.3)
        ax.spines[["top", "right"]].set_visible(False)
    axes[0].set_yticks(y, chosen["org"])
    _title(fig, "Who is named, in each version: counts and per 1,000 characters" if lengths is not None
           else "Who is named, in each version")
    # below the panels, never over a bar's number
    fig.legend(*axes[0].get_legend_handles_labels(), loc="outside lower center", ncols=2)
    return fig


@_styled
def plot_co_mentions(matrix: pd.DataFrame, unit_label: str = "paragraphs") -> Figure:
    """Annotated heatmap: how many paragraphs (or sentences) name both organisations; diagonal blanked."""
    size = max(5.6, 0.5 * len(matrix) + 2.0)
    fig, ax = _figure(size)
    fig.set_size_inches(size + 1.5, size)
    if matrix.empty:
        _empty(ax, "no lab or company found")
        return fig
    if len(matrix) < 2:  # one name has no pair: said, not drawn as a one-cell blank map
        _empty(ax, f"only one lab or company found ({matrix.index[0]}): no pair to count")
        _title(fig, f"Named together ({unit_label})")
        return fig
    values = matrix.to_numpy().astype(float)
    np.fill_diagonal(values, np.nan)
    values[values == 0] = np.nan   # never named together: leave the cell white
    image = ax.imshow(values, cmap="Blues", vmin=0, vmax=max(np.nanmax(values) if np.isfinite(values).any() else 1, 1))
    for i in range(len(matrix)):
        for j in range(len(matrix)):
            if i != j and values[i, j] > 0:
                dark = values[i, j] > 0.6 * np.nanmax(values)
                ax.text(j, i, f"{int(values[i, j])}", ha="center", va="center", fontsize=MIN_FONT_PT,
                        color="white" if dark else "#222222")
    ax.set_xticks(range(len(matrix)), matrix.columns, rotation=45, ha="right")
    ax.set_yticks(range(len(matrix)), matrix.index)
    ax.spines[:].set_visible(False)
    fig.colorbar(image, ax=ax, shrink=0.7, label=f"{unit_label} naming both")
    _title(fig, f"Named together ({unit_label})")
    return fig


# ---- 04 framing -------------------------------------------------------------------------------

@_styled
def plot_section_coverage(coverage: pd.DataFrame, *, by: str = "chars", links=None) -> Figure:
    """Horizontal bars: the share of each English section (by ``"chars"`` or ``"claims"``) the Chinese carries.

    Takes ``helpers.framing.section_coverage`` output (section, heading, share_claims, share_chars). ``links``: the
    document's LinkGate; where it holds the links back, the chart says so instead of drawing shares that rest on them.
    """
    fig, ax = _figure(min(FIGSIZE[1], max(3.6, 0.8 * len(coverage) + 1.8)))
    if links is not None and not links.presented:
        # wrapped: the empty axes sit right of the labels' margin, and a long line ran off the figure
        _empty(ax, textwrap.fill(f"not drawn: links on {judged_group(links.group)} are not reliable enough to count",
                                 36))
        _title(fig, "How much of each English section the Chinese carries")
        return fig
    if coverage.empty:
        _empty(ax, "no English sections")
        return fig
    y = np.arange(len(coverage))[::-1]
    labels = [_shorten(str(h), 40) or ("(opening, before the first heading)" if not str(h).strip()
                                       else "(a heading of symbols only)") for h in coverage["heading"]]
    bars = ax.barh(y, coverage[f"share_{by}"] * 100, color=PART_COLOURS[PART_ORIGINAL], height=0.6)
    _bar_labels(ax, bars, "{:.0f}%", skip_zero=False)
    ax.set_yticks(y, labels)
    ax.set_xlim(0, 120)  # room for '100%' right of a full bar
    ax.set_xticks(range(0, 101, 20))
    unit = "characters" if by == "chars" else "sentences"
    # short: under a long section name the axis sits right of the figure's middle, and a long label ran off its edge
    ax.set_xlabel(f"% of the section's {unit} drawn on")
    _title(fig, "How much of each English section the Chinese carries")
    return fig


@_styled
def plot_frame_mix(mix: pd.DataFrame, *, by: str = "chars", top: int = 8, unstated=None, min_sentences: int = 0) -> Figure:
    """Grouped horizontal bars: each frame's share of the commentary and of the original.

    Takes ``helpers.framing.frame_mix`` output (part, frame, share_claims, share_chars); shows the ``top``
    frames by their larger share; the untagged remainder is labelled "(no frame)". ``unstated``: the frames whose
    gap the pages do not state (``narrative.unstated_themes(..., small=True)``), drawn hatched as on the theme chart,
    so this picture says no more than the sentences do. ``min_sentences``: a frame fewer sentences carry in each
    version is not drawn (the chart says how many are left out), as on the theme chart.
    """
    unstated = dict(unstated or {})
    # the text no frame tags is no frame: its gap between the versions is never a finding (a translation's 47% against
    # 35% came from the word lists, drawn solid as if stated)
    unstated.setdefault("", "the text no frame's words tag")
    fig, ax = _figure()
    thin = _thin(mix[mix["frame"].astype(bool)], "frame", "claims", min_sentences) if not mix.empty else []
    mix = mix[~mix["frame"].isin(thin)]
    if mix.empty:
        _empty(ax, "no frames tagged")
        return fig
    column = f"share_{by}"
    wide = mix.pivot_table(index="frame", columns="part", values=column, aggfunc="sum", fill_value=0.0)
    wide = wide.reindex(columns=[PART_COMMENTARY, PART_ORIGINAL], fill_value=0.0)
    ranked = wide.max(axis=1).sort_values(ascending=False, kind="mergesort")
    frames = sorted(ranked.index[:top], key=lambda f: (-ranked[f], f))
    y = np.arange(len(frames))[::-1]
    height = 0.45
    for offset, part in [(height / 2, PART_COMMENTARY), (-height / 2, PART_ORIGINAL)]:
        bars = ax.barh(y + offset, wide.loc[frames, part] * 100, height=height, color=PART_COLOURS[part],
                       label=PART_LABELS[part])
        _hatch(bars, frames, unstated)
        _bar_labels(ax, bars, "{:.0f}%")
    ax.set_yticks(y, [f.replace("_", " ") if f else "(no frame)" for f in frames])
    _grey_ticks(ax, frames, unstated)
    ax.set_xlim(0, max(wide.to_numpy().max() * 100, 1) * 1.2)
    unit = "text (characters)" if by == "chars" else "sentences"
    ax.set_xlabel(f"share of the version's {unit} (%)")
    note = _unstated_note(unstated, [f for f in frames if f], "frame")
    if by == "chars":  # the pages weigh a frame's gap in sentences: said so under bars of characters (49% vs 37%)
        note = note.replace("the shares differ", "the sentence shares differ")
    _notes_below(fig, note, _thin_note(thin, min_sentences, "frame"))
    _title(fig, "Frame mix: what each version talks about, in policy-frame terms")
    _unstated_legend(ax, frames, unstated)
    return fig


@_styled
def plot_shift_counts(counts: pd.DataFrame, *, empty: str = "no shifts found", kind: str = "summary") -> Figure:
    """Horizontal bars, grouped by kind of shift: how many linked Chinese sentences show each value.

    Takes ``helpers.framing.shift_counts`` output (shift, value, claims); '' values (unlinked, no shift) are left out.
    ``empty`` is what the figure says when no bar is left (the notebooks pass only the labels they present); ``kind``
    what the Chinese is ('summary', or 'translation' where the caveats say so), named in the title.
    """
    shown = counts[counts["value"] != ""]
    fig, ax = _figure(min(FIGSIZE[1], max(3.6, 0.45 * len(shown) + 1.8)))
    if shown.empty:
        _empty(ax, empty)
        _title(fig, f"What changes between the source and the {kind}")  # described like a drawn one, not as a repr
        return fig
    colours = {name: PALETTE[i] for i, name in enumerate(dict.fromkeys(shown["shift"]))}
    y = np.arange(len(shown))[::-1]
    bars = ax.barh(y, shown["claims"], color=[colours[s] for s in shown["shift"]], height=0.65)
    _bar_labels(ax, bars, skip_zero=False)
    ax.set_yticks(y, [f"{s}: {v.replace('_', ' ')}" for s, v in zip(shown["shift"], shown["value"])])
    ax.set_xlim(0, max(shown["claims"].max(), 1) * 1.15)
    ax.set_xlabel("linked Chinese sentences")
    _title(fig, f"What changes between the source and the {kind}")
    return fig


def _title(fig: Figure, text: str) -> None:
    """The figure's title, flush left over the whole canvas (long tick labels never push it off the edge), and the
    figure's description from it (``describe``)."""
    fig.suptitle(text, x=0.01, ha="left", fontsize=STYLE["axes.titlesize"])
    describe(fig, text)


def describe(fig: Figure, text: str) -> Figure:
    """Give ``fig`` a description: its plain-text form in a notebook and the alt text of its image on the pages.

    IPython asks a figure for ``_repr_mimebundle_`` before drawing it: the text and the PNG's ``alt`` come from
    here, the PNG itself from the inline backend as before.
    """
    def bundle(include=None, exclude=None):
        return {"text/plain": f"Figure: {text}"}, {"image/png": {"alt": text}}
    fig._repr_mimebundle_ = bundle
    return fig


def _shorten(text: str, width: int) -> str:
    # the CJK font draws ’ full-width; an ASCII apostrophe reads better in English labels
    text = " ".join(drawable(text.replace("’", "'")).split())
    text = text if len(text) <= width else text[: width - 1].rstrip() + "…"
    return text.replace("$", r"\$")  # two dollar signs would make matplotlib parse the text between them as TeX


@lru_cache(maxsize=1)
def _font_characters() -> frozenset[int]:
    from matplotlib.ft2font import FT2Font

    return frozenset(FT2Font(str(cjk_font_path())).get_charmap())


def drawable(text: str) -> str:
    """``text`` without the characters the figures' font has no glyph for (emoji in a README's headings: drawn as
    empty boxes, with a warning on the page), spaces and line breaks kept.

    >>> drawable("💡 Summary")
    ' Summary'
    """
    have = _font_characters()
    return "".join(c for c in text if ord(c) in have or c.isspace())


# ---- saving and showing -------------------------------------------------------------------------

def _png(fig: Figure) -> bytes:
    """The figure's PNG, drawn once: the saved file and the image a notebook shows are these bytes.

    The first draw runs the layout, which is then frozen: constrained layout is iterative, so each further draw
    would nudge positions by a fraction of a point and every save would differ from the last. The bytes are kept on
    the figure until it changes (matplotlib marks a changed figure stale).
    """
    kept = getattr(fig, "_bundle_png", None)
    if kept is not None and not fig.stale:
        return kept
    memo = _memo_file(fig) if kept is None else None
    if memo is None:
        return _draw_png(fig, None)
    # one notebook draws it while any other that wants the same chart waits for it (the briefing and a page run side
    # by side): each chart of a report is drawn once. A notebook holds one such lock at a time, and a killed one's goes
    # with it.
    with _drawing(memo):
        if memo.is_file():
            fig._bundle_png = memo.read_bytes()   # drawn by another notebook from the same inputs
            fig.stale = False
            return fig._bundle_png
        return _draw_png(fig, memo)


@contextmanager
def _drawing(memo: Path):
    try:
        handle = open(memo.with_suffix(".lock"), "a")
    except OSError:  # the memo only spares drawing: without its lock, notebooks may draw a chart twice
        yield
        return
    with handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _draw_png(fig: Figure, memo: Path | None) -> bytes:
    buffer = io.BytesIO()
    # under the bundle's style: the first draw creates the tick labels, which take their sizes from it
    with matplotlib.rc_context(STYLE):
        fig.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    _freeze(fig, drawn=True)
    fig._bundle_png, fig._bundle_svg = buffer.getvalue(), None
    if memo is not None:
        _keep(memo, fig._bundle_png)
        # and its SVG, drawn now with the layout just run: the page that saves this chart (the briefing shows the
        # pages' charts without saving them) takes both files from the memo instead of running the layout again
        fig._bundle_svg = _svg(fig)
        _keep(memo.with_suffix(".svg"), fig._bundle_svg)
    return fig._bundle_png


def _svg(fig: Figure) -> bytes:
    """The figure's SVG, glyphs as paths (it shows without the font installed), its layout frozen by ``_png``."""
    buffer = io.BytesIO()
    with matplotlib.rc_context({"svg.hashsalt": STYLE["svg.hashsalt"], "svg.fonttype": "path"}):
        fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    fig.stale = False  # the save put the figure's own dpi back, which marks it changed; nothing drawn did
    return buffer.getvalue()


def _freeze(fig: Figure, *, drawn: bool) -> None:
    """Run the layout unless the figure was just ``drawn`` (which ran it), then freeze it: no engine at all (a
    placeholder engine would still have each save draw the figure once before drawing it)."""
    if fig.get_layout_engine() is not None and not drawn:
        with matplotlib.rc_context(STYLE):   # the tick labels this pass creates take their sizes from the style
            fig.draw_without_rendering()
    with matplotlib.rc_context({"figure.autolayout": False, "figure.constrained_layout.use": False}):
        fig.set_layout_engine(None)
    fig.stale = False


def save_figure(fig: Figure, path_stem: str | Path) -> list[Path]:
    """Write ``<stem>.png`` and ``<stem>.svg``; the same figure gives byte-identical files on every run."""
    stem = Path(path_stem)
    stem.parent.mkdir(parents=True, exist_ok=True)
    png = stem.with_suffix(".png")
    png.write_bytes(_png(fig))   # first: it runs and freezes the layout the SVG is drawn with
    svg = stem.with_suffix(".svg")
    drawn = getattr(fig, "_bundle_svg", None)   # drawn with the PNG just now (under a memo)
    memo = _memo_file(fig, ".svg")
    if drawn is None and memo is not None and memo.is_file():
        drawn = memo.read_bytes()   # the PNG came from the memo: the SVG drawn with it, by the notebook that drew it
    if drawn is None:
        if fig.get_layout_engine() is not None:  # the PNG came from the memo: nothing drawn here yet
            _freeze(fig, drawn=False)
        drawn = _svg(fig)
        if memo is not None:
            _keep(memo, drawn)
    svg.write_bytes(drawn)
    return [png, svg]


def save_to(fig: Figure, folder: str | Path, name: str) -> list[Path]:
    """``save_figure`` into ``folder``/``name``; does nothing when ``folder`` is "" (notebooks run interactively)."""
    return save_figure(fig, Path(folder) / name) if str(folder) else []


class Picture:
    """A figure as a notebook shows it: the PNG drawn once (``_png``, the file ``save_figure`` writes), with the
    figure's description (``describe``) as its text and its image's alt text.

    Shown as a Figure itself, the inline backend would draw it twice more (once to find its tight box, once to
    render), a third and fourth drawing of a picture already drawn for its files.
    """

    def __init__(self, figure: Figure):
        self.figure = figure

    def _repr_mimebundle_(self, include=None, exclude=None):
        described = getattr(self.figure, "_repr_mimebundle_", None)
        # a figure nothing described is still never shown by its repr (its size and axes mean nothing to a reader)
        data, metadata = described() if described else ({"text/plain": "Figure"}, {"image/png": {"alt": "Figure"}})
        return {**data, "image/png": base64.b64encode(_png(self.figure)).decode("ascii")}, metadata


def show(fig: Figure, folder: str | Path = "", name: str = "") -> Picture:
    """``fig`` to show in a notebook, saved first as ``folder``/``name`` PNG and SVG when ``folder`` is given (the
    report's figures; "" when a notebook runs on its own): the page's image and the saved PNG are one drawing."""
    save_to(fig, folder, name)
    return Picture(fig)
