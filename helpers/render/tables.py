"""One table style for the pages: tables made for people, from the same DataFrames the CSV files hold.

``style_table(frame)`` returns a pandas Styler: no index, text left-aligned and wrapped (never cut) at a
width in characters, ids shown as names (organisations and places through the gazetteer's ``name_en`` /
``name_zh``, frames through their display name), ``|``-joined cues shown as ", "-joined, numbers rounded
to what they can claim, and an empty label cell named rather than left blank. The DataFrame itself is not
changed: the CSV files keep ids and full precision.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd
from pandas.io.formats.style import Styler

#: Columns whose cells hold gazetteer ids (an organisation, a place, a model…).
ENTITY_COLUMNS = ("org", "entity", "entities", "orgs")
#: Columns whose cells hold frame or theme ids.
FRAME_COLUMNS = ("frame", "frames", "topic", "theme", "zh_frames", "en_frames")
#: Columns whose cells hold ``|``-joined cues.
CUE_COLUMNS = ("hedges", "boosters", "voice_cue", "cue", "cues", "zh_hedges", "zh_boosters", "en_hedges", "en_boosters")
#: Columns that label a row: an empty one is named by ``EMPTY_LABELS`` rather than shown blank.
EMPTY_LABELS = {"section": "(opening, before the first heading)", "heading": "(opening, before the first heading)",
                "topic": "(no topic)", "frame": "(no frame)", "theme": "(no theme)"}
#: Decimal places for a share (0.1356 → 13.6 % reads as 0.136) and for any other float.
SHARE_DIGITS, FLOAT_DIGITS = 3, 2
#: Where a long sentence wraps, in characters (a CJK character counts as one).
WRAP_WIDTH = 60


def display_name(entity_id: str, names: Mapping[str, str]) -> str:
    """A gazetteer id as its name (``names`` from ``entity_names``); an unknown id as readable words.

    >>> display_name("united_states", {})
    'United states'
    >>> display_name("Moonshot AI", {})
    'Moonshot AI'
    >>> display_name("moonshot", {"moonshot": "Moonshot AI"})
    'Moonshot AI'
    """
    text = str(entity_id)
    if text in names:
        return names[text]
    if text != text.lower():
        return text  # a name already ('Moonshot AI', 'xAI') keeps its spelling (bilingual review round 20: 'XAI')
    text = text.replace("_", " ")   # an id
    return text[:1].upper() + text[1:]


def frame_name(frame_id: str) -> str:
    """A frame or theme id as its display name.

    >>> frame_name("external_regulation_and_reputation")
    'External regulation and reputation'
    >>> frame_name("open_source")
    'Open source'
    """
    return str(frame_id).replace("_", " ").capitalize()


def entity_names(gazetteer: pd.DataFrame) -> dict[str, str]:
    """id → the name to show: ``name_en``, with ``name_zh`` after it where the gazetteer has both.

    >>> entity_names(pd.DataFrame({"entity": ["moonshot"], "name_en": ["Moonshot AI"], "name_zh": ["月之暗面"]}))
    {'moonshot': 'Moonshot AI (月之暗面)'}
    """
    names = {}
    for row in gazetteer[["entity", "name_en", "name_zh"]].fillna("").itertuples(index=False):
        english, chinese = str(row.name_en).strip(), str(row.name_zh).strip()
        shown = f"{english} ({chinese})" if english and chinese else english or chinese
        if shown:
            names[str(row.entity)] = shown
    return names


def join_cues(value: object) -> str:
    """``hypothesis|tend to`` → ``hypothesis, tend to``; empty stays empty.

    >>> join_cues("hypothesis|tend to")
    'hypothesis, tend to'
    """
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    return ", ".join(part for part in str(value).split("|") if part)


def _map_ids(value: object, convert) -> object:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    return ", ".join(convert(part) for part in str(value).split("|") if part) if isinstance(value, str) else value


def readable(frame: pd.DataFrame, names: Mapping[str, str] | None = None) -> pd.DataFrame:
    """A copy of ``frame`` with ids as names, cues joined with ", ", and blank labels named."""
    names = names or {}
    shown = frame.copy()
    for column in shown.columns:
        if column in ENTITY_COLUMNS:
            shown[column] = shown[column].map(lambda v: _map_ids(v, lambda e: display_name(e, names)))
        elif column in FRAME_COLUMNS:
            shown[column] = shown[column].map(lambda v: _map_ids(v, frame_name))
        elif column in CUE_COLUMNS:
            shown[column] = shown[column].map(join_cues)
        if column in EMPTY_LABELS and not pd.api.types.is_numeric_dtype(shown[column]):
            shown[column] = shown[column].map(
                lambda v: EMPTY_LABELS[column] if v is None or (isinstance(v, float) and pd.isna(v)) or not str(v).strip() else v)
    return shown


#: Columns of p-values: shown to two significant digits, so that a cell agrees with the sentence that cites it
#: ("p 0.053 above 0.05", where two decimals would show 0.05), and a tiny one as "under 0.001", never "0.00".
P_COLUMNS = frozenset({"p_value"})


def _p_cell(p: float) -> str:
    """A p-value's cell.

    >>> [_p_cell(p) for p in (0.0526, 0.29, 0.0012, 0.00002, 1.0)]
    ['0.053', '0.29', '0.0012', 'under 0.001', '1']
    """
    if p != p:  # NaN: no test was run
        return ""
    return "under 0.001" if p < 0.001 else f"{p:.2g}"


def _digits(column: str) -> int:
    return SHARE_DIGITS if column.startswith("share") or column in ("score", "difference") else FLOAT_DIGITS


class Table(Styler):
    """The pages' Styler, with a plain-text form that is the same on every run (a Styler's own names its memory
    address, which nbval would compare)."""

    def __repr__(self) -> str:
        rows = len(self.data)
        return f"Table: {rows} row{'' if rows == 1 else 's'}; columns {', '.join(map(str, self.data.columns))}"


def style_table(frame: pd.DataFrame, *, names: Mapping[str, str] | None = None, width: int = WRAP_WIDTH,
                text_columns: Iterable[str] | None = None, right: Iterable[str] = (), rows: int | None = None,
                full: str = "", empty: str = ""):
    """The pages' table: a pandas Styler over ``readable(frame)``, with no index, left-aligned, wrapped at ``width``
    characters, and floats rounded (shares to 3 places, other floats to 2). Columns in ``right`` are right-aligned
    (the text before a keyword, so that it meets the keyword).

    ``rows``: show the first so many, and say so in the table's caption when there are more (``full``: the report's
    table that holds them all, 'framing.csv'); ``empty``: the caption of a table with no row, why it has none (a
    header over nothing read as a table that failed to fill).

    >>> style_table(pd.DataFrame({"a": range(12)}), rows=10, full="claims.csv").caption
    "The first 10 of 12 rows; all of them are in the report's tables/claims.csv."
    >>> style_table(pd.DataFrame({"a": []}), empty="No sentence is held back.").caption
    'No sentence is held back.'
    """
    caption = ""
    if rows is not None and len(frame) > rows:
        caption = (f"The first {rows} of {len(frame)} rows" + (f"; all of them are in the report's tables/{full}."
                                                               if full else "."))
        frame = frame.head(rows)
    elif frame.empty and empty:
        caption = empty
    shown = readable(frame, names).reset_index(drop=True)
    floats = [c for c in shown.columns if pd.api.types.is_float_dtype(shown[c])]
    long_text = list(text_columns) if text_columns is not None else [
        c for c in shown.columns if not pd.api.types.is_numeric_dtype(shown[c]) and shown[c].astype(str).str.len().max() > width]
    # a fixed id: nbval compares the HTML, and pandas would otherwise draw a random one per table
    styler = Table(shown).set_uuid("bundle").hide(axis="index")
    # an article's markup is shown, never run; one call, since each call of ``format`` resets every column it
    # does not name to pandas' default, which does not escape
    styler = styler.format({c: _p_cell if c in P_COLUMNS else f"{{:.{_digits(c)}f}}" for c in floats},
                           escape="html", na_rep="")
    styler = styler.set_table_styles([
        {"selector": "th", "props": [("text-align", "left"), ("vertical-align", "bottom")]},
        {"selector": "td", "props": [("text-align", "left"), ("vertical-align", "top")]},
    ])
    right = [c for c in right if c in shown.columns]
    if right:
        styler = styler.set_properties(subset=right, **{"text-align": "right !important"})  # over the pages' left-align rule
    if long_text:
        styler = styler.set_properties(subset=long_text, **{"white-space": "normal", "min-width": f"{width // 2}ch",
                                                            "max-width": f"{width}ch", "overflow-wrap": "anywhere"})
    if caption:
        styler = styler.set_caption(caption).set_table_styles(
            [{"selector": "caption", "props": [("caption-side", "bottom"), ("text-align", "left"), ("color", "#555")]}],
            overwrite=False)
    return styler
