"""Each page's closing lines, and the yes or no that a yes/no question deserves, computed from the tables.

The notebooks end on these (``bullets`` of them), so a reader who skips to the end still reads what the page
showed; the sentences reuse the slides' titles (``helpers.render.deck``), so page and slide say the same thing.
"""

from __future__ import annotations

import pandas as pd

from ..columns import PART_COMMENTARY, PART_NONCONTENT, PART_ORIGINAL
from ..framing.labs import org_nouns
from ..params import DEFAULTS
from .deck import additions_title, coverage_title, length_title, mention_title, shift_title, theme_title
from .narrative import FURNITURE_NAMES, furniture_name, listing, pct, plural

#: Both versions "talk about the same labs" when at least this share of the organisations named is named in
#: both: a summary drops some names by design, so all of them is too strict, and fewer than half is another cast.
SAME_LABS_SHARE = 0.5


#: The answer where no organisation was found: what the engine found, not what the text holds.
NO_LABS_FOUND = "Cannot tell: no lab or company that the gazetteer lists or discovery took is named in either version."


def same_labs(by_part: pd.DataFrame, *, share: float = SAME_LABS_SHARE) -> str:
    """Yes or no: are the organisations the two versions name mostly the same ones?

    What is counted is what the lab page counts: labs and companies of the gazetteer's lab types and discovered
    names, not every organisation (a court, a ministry, a newspaper are not among them), and the sentence says so: a
    company neither knows can be named in both versions beside the one found, so the one or none is said as 'found'.

    >>> same_labs(pd.DataFrame({"org": ["A", "B", "C"], "commentary": [2, 1, 0], "original": [3, 1, 4]}))
    'Yes: 2 of 3 labs and companies are named in both versions, and they carry 64% of the mentions; the other appears in one version only.'
    >>> same_labs(pd.DataFrame({"org": ["A"], "commentary": [2], "original": [3]}))
    'Yes: the one lab or company found, A, is named in both versions.'
    >>> same_labs(pd.DataFrame({"org": ["A", "B"], "commentary": [2, 0], "original": [0, 1]}))
    'No: none of the 2 labs and companies found is named in both versions.'
    >>> same_labs(pd.DataFrame({"org": [], "commentary": [], "original": []}))
    'Cannot tell: no lab or company that the gazetteer lists or discovery took is named in either version.'

    A discovered name may be a non-profit's or a university's: with one among them, they are organisations.

    >>> same_labs(pd.DataFrame({"org": ["Brightwell Action (discovered)"], "commentary": [2], "original": [3]}))
    'Yes: the one organisation found, Brightwell Action \\\\(discovered\\\\), is named in both versions.'
    """
    if by_part.empty:  # nothing found is not nothing named: a company known to neither may be there (page 03 lists
        # the names weighed and not taken), so neither yes nor no
        return NO_LABS_FOUND
    both = by_part[(by_part[PART_COMMENTARY] > 0) & (by_part[PART_ORIGINAL] > 0)]
    total = int(by_part[[PART_COMMENTARY, PART_ORIGINAL]].to_numpy().sum())
    carried = int(both[[PART_COMMENTARY, PART_ORIGINAL]].to_numpy().sum())
    one, many = org_nouns(by_part["org"])  # a discovered name may be a non-profit's: then 'organisations'
    labs = lambda n: plural(n, one, many)
    if len(by_part) == 1 and len(both) == 1:
        return f"Yes: the one {one} found, {listing(by_part['org'].tolist())}, is named in both versions."
    if len(both) >= share * len(by_part):
        rest = len(by_part) - len(both)  # a 'yes' over half the names must not hide the other half
        return (f"Yes: {len(both)} of {labs(len(by_part))} {'is' if len(both) == 1 else 'are'} named in both versions, "
                f"and they carry {pct(carried / max(total, 1))} of the mentions"
                + (f"; {'the other' if rest == 1 else f'the other {rest}'} {'appears' if rest == 1 else 'appear'} in one "
                   f"version only." if rest else "."))
    if both.empty and len(by_part) == 1:
        return f"No: the one {one} found, {listing(by_part['org'].tolist())}, is named in one version only."
    if both.empty:
        return f"No: none of the {labs(len(by_part))} found is named in both versions."
    return (f"No: only {len(both)} of {labs(len(by_part))} {'is' if len(both) == 1 else 'are'} named in both versions "
            f"({listing(both['org'].tolist(), limit=4)}); the rest appear in one version only.")


def furniture_kinds(blocks: pd.DataFrame) -> str:
    """The kinds of furniture set aside with their counts, most frequent first, as the closing sentence names them.

    >>> furniture_kinds(pd.DataFrame({"part": ["noncontent"] * 3, "kind": ["caption", "caption", "byline"]}))
    '2 captions, 1 byline, credit or date line'
    """
    kinds = blocks.loc[blocks["part"] == PART_NONCONTENT, "kind"].value_counts(sort=False)
    order = sorted(kinds.index, key=lambda k: (-kinds[k], k))
    return ", ".join(furniture_name(k, int(kinds[k]), FURNITURE_NAMES) for k in order)


def overview_conclusion(blocks: pd.DataFrame, claims: pd.DataFrame, repairs: pd.DataFrame) -> list[str]:
    """What page 01 showed: the two versions' lengths, what was set aside, what was repaired."""
    noise = int((blocks["part"] == PART_NONCONTENT).sum())
    furniture = f"{plural(noise, 'block')} of furniture ({furniture_kinds(blocks)})" if noise else "No furniture was found"
    return [f"{length_title(claims)}.",
            f"{furniture} and {plural(len(repairs), 'glued unit')} "
            f"were handled before counting: every later page counts only the two versions' sentences."]


def themes_conclusion(emphasis: pd.DataFrame, *, min_difference: float = DEFAULTS.min_difference) -> list[str]:
    """What page 02 showed: the theme whose words each version uses in a larger share of its sentences than the other."""
    return [f"{theme_title(emphasis, min_difference=min_difference)}.",
            "Shares are of each version's own sentences, so length alone does not favour the longer version; a summary, "
            "whose every sentence carries its topic, tends to show higher shares than the original it condenses."]


def labs_conclusion(by_part: pd.DataFrame, lengths: pd.Series, names: dict[str, str] | None = None) -> list[str]:
    """What page 03 showed: the yes or no, then who each version names most for its length."""
    return [same_labs(by_part), f"{mention_title(by_part, lengths, names)}."]


def framing_conclusion(analysis) -> list[str]:
    """What page 04 showed: what gets through, what is added, what changes voice or certainty."""
    min_evidence = analysis.params.min_evidence
    links = analysis.link_gate
    return [f"{coverage_title(analysis.coverage, min_evidence=min_evidence, links=links)}.",
            f"{additions_title(analysis.alignment, analysis.additions, links=links, caveats=analysis.caveats, claims=analysis.claims)}.",
            f"{shift_title(analysis.shifts, min_evidence=min_evidence, links=links)}."]
