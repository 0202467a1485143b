"""The aligner's decoder: a monotone Viterbi pass that picks at most one English paragraph per Chinese sentence.

A link earns its gain (how far it clears the bars), leaving a sentence unlinked earns 0 (an aside), moving forward in
the source is free, moving back costs, and an excursion (a link that leaves the reading position where it was) costs.
A sentence that opens a section of the Chinese writer's outline (``restart``: a summary's 'TL;DR', then 'Summary', then
'Key points', each reading the source again from its start) may link anywhere at no cost, as the first link does.
"""

from __future__ import annotations

import heapq

import numpy as np
import pandas as pd

from ..columns import LINK_DECISION_COLUMNS, LINK_OUTCOMES
from ..params import AlignParams
from .evidence import Evidence


def decode_monotone(gain: np.ndarray, params: AlignParams = AlignParams(), *, marked: np.ndarray | None = None,
                    restart: np.ndarray | None = None) -> list[int]:
    """Best paragraph index per Chinese sentence (-1 = unlinked) under the order model; see the module doc.

    State = the reading position (the paragraph last linked in order; -1 before the first link).
    """
    n, m = gain.shape
    if n == 0:
        return []
    if m == 0:
        return [-1] * n
    NEG = -1e18
    positions = np.arange(m)
    # score[p + 1] = best total with reading position p (p = -1 stored at index 0)
    score = np.full(m + 1, NEG)
    score[0] = 0.0
    back = []  # per sentence: (previous state, chosen paragraph) for every state
    # cost of moving from position p (rows, -1..m-1) to paragraph j (columns)
    from_pos = np.arange(-1, m)[:, None]
    skipped = np.maximum(positions[None, :] - from_pos - 1, 0)
    skipped = np.where(from_pos < 0, 0, skipped)  # where the summary starts reading is free
    move_cost = np.where(
        positions[None, :] >= from_pos,
        params.skip_cost * np.log1p(skipped),
        params.back_jump_cost + params.back_step_cost * (from_pos - positions[None, :]),
    )
    continuing = ((positions[None, :] == from_pos) | (positions[None, :] == from_pos + 1)) & (from_pos >= 0)
    for i in range(n):
        g = gain[i]
        new = np.full(m + 1, NEG)
        prev_state = np.zeros(m + 1, dtype=int)
        choice = np.full(m + 1, -1, dtype=int)
        # stay unlinked, or make an excursion: the position does not move
        best_excursion = int(np.argmax(g))
        excursion_gain = g[best_excursion] - params.excursion_cost
        for s in range(m + 1):
            if score[s] <= NEG / 2:
                continue
            if excursion_gain > 0 and score[s] + excursion_gain > new[s]:
                new[s], prev_state[s], choice[s] = score[s] + excursion_gain, s, best_excursion
            elif score[s] > new[s]:
                new[s], prev_state[s], choice[s] = score[s], s, -1
        # link in order (or back at a cost): the position becomes j. A link must pay its own way:
        # its gain, plus the continuity bonus when it stays on the paragraph or takes the next one.
        bonus = 0.0 if marked is not None and marked[i] else params.continuity_bonus
        own_gain = g[None, :] + bonus * continuing  # (m + 1) × m
        moving = 0.0 if restart is not None and restart[i] else move_cost
        candidates = np.where(own_gain > 0, score[:, None] + own_gain - moving, NEG)
        best_from = np.argmax(candidates, axis=0)
        best_total = candidates[best_from, positions]
        for j in range(m):
            if best_total[j] > NEG / 2 and best_total[j] > new[j + 1]:
                new[j + 1], prev_state[j + 1], choice[j + 1] = best_total[j], best_from[j], j
        back.append((prev_state, choice))
        score = new
    return backtrack(score, back)


def decode_banded(gain: np.ndarray, params: AlignParams = AlignParams(), *, marked: np.ndarray | None = None,
                  restart: np.ndarray | None = None) -> list[int]:
    """``decode_monotone`` with links restricted to paragraphs within ``params.band`` of the reading position.

    The same states, costs, choices and ties, but a link from reading position p may go back only to paragraphs
    p - band … p, and forward only to p … p + band unless moving forward is free (``skip_cost`` 0, the default):
    then any paragraph ahead is open, as in the full pass, through a running maximum over the states behind the
    band (a summary of a long source may skip more than the band: a link cut there would let the wrong paragraph
    set the reading position). From the start, before any link, every paragraph is open, and an excursion may
    still go anywhere: it does not move the position. Time n × m × (2·band + 1) and memory n × m back-pointers
    (int32), against n × m² time for the full pass.
    """
    n, m = gain.shape
    if n == 0:
        return []
    if m == 0:
        return [-1] * n
    NEG = -1e18
    band = params.band
    score = np.full(m + 1, NEG)
    score[0] = 0.0
    back = []
    positions = np.arange(m)
    states = np.arange(m + 1, dtype=np.int32)
    # window column k holds the reading position p = j + k - band for target paragraph j: offset o = j - p = band - k
    offsets = band - np.arange(2 * band + 1)
    move_cost = np.where(offsets >= 0, params.skip_cost * np.log1p(np.maximum(offsets - 1, 0)),
                         params.back_jump_cost + params.back_step_cost * (-offsets))
    continuing = (offsets == 0) | (offsets == 1)
    padding = np.full(band, NEG)
    free_forward = params.skip_cost == 0
    for i in range(n):
        g = gain[i]
        alive = score > NEG / 2
        # stay unlinked, or make an excursion: the position does not move
        best_excursion = int(np.argmax(g))
        excursion_gain = g[best_excursion] - params.excursion_cost
        new = np.where(alive, score + max(excursion_gain, 0.0), NEG)
        prev_state = states.copy()
        choice = np.where(alive & (excursion_gain > 0), best_excursion, -1).astype(np.int32)
        bonus = 0.0 if marked is not None and marked[i] else params.continuity_bonus
        if free_forward and m > band + 1:
            # per paragraph j > band: the best state among 1 … j - band (reading positions 0 … j - band - 1), the
            # first of equals (a running record of strict maxima)
            values = score[1:m - band]
            far_best = np.maximum.accumulate(values)
            record = values > np.concatenate([[-np.inf], far_best[:-1]])
            far_from = np.maximum.accumulate(np.where(record, np.arange(1, m - band), 0))
        if restart is not None and restart[i]:
            # a sentence that opens a section: from every state at no cost, as the full pass reads it
            total, origin = _restart_links(score, g, bonus)
            better = total > new[1:]
            new[1:][better], prev_state[1:][better], choice[1:][better] = total[better], origin[better], positions[better]
            back.append((prev_state, choice))
            score = new
            continue
        # from the start state (no link yet) any paragraph is free; on a tie the start wins, as in the full pass
        if alive[0]:
            total = np.where(g > 0, score[0] + g, NEG)
            better = total > new[1:]
            new[1:][better], prev_state[1:][better], choice[1:][better] = total[better], 0, positions[better]
        # from a reading position more than the band behind: moving forward is free (skip_cost 0), so the best of
        # those states, the lowest of equals, as the full pass takes it (states 1 … j - band for paragraph j)
        if free_forward and m > band + 1:
            ahead = g[band + 1:]
            far_total = np.where((far_best > NEG / 2) & (ahead > 0), far_best + ahead, NEG)
            better = far_total > new[band + 2:]
            new[band + 2:][better] = far_total[better]
            prev_state[band + 2:][better] = far_from[better]
            choice[band + 2:][better] = positions[band + 1:][better]
        # from a reading position within the band
        window = np.lib.stride_tricks.sliding_window_view(np.concatenate([padding, score[1:], padding]), 2 * band + 1)
        own_gain = g[:, None] + bonus * continuing[None, :]
        total = np.where((window > NEG / 2) & (own_gain > 0), window + own_gain - move_cost[None, :], NEG)
        best = np.argmax(total, axis=1)  # the first of equals: the lowest previous position, as in the full pass
        best_total = total[positions, best]
        better = (best_total > new[1:]) & (best_total > NEG / 2)
        new[1:][better] = best_total[better]
        prev_state[1:][better] = positions[better] + best[better] - band + 1
        choice[1:][better] = positions[better]
        back.append((prev_state, choice))
        score = new
    return backtrack(score, back)


def _restart_links(score: np.ndarray, g: np.ndarray, bonus: float) -> tuple[np.ndarray, np.ndarray]:
    """Per paragraph j: the best total of a free link to j from any state, and that state (the lowest of equals).

    Any state s reaches j at no cost; the states that continue on j (reading position j or j - 1: s = j + 1 or j, s
    ≥ 1) add ``bonus``. So the best is one of the best states overall, or one of those two with the bonus: O(m), not
    O(m²). "The best states" are all within rounding of the top score: adding a gain can round two of them to one
    total, and the full pass then takes the lowest.
    """
    m = len(g)
    NEG = -1e18
    j = np.arange(m)
    top_score = float(score.max())
    tolerance = 1e-9 * (1.0 + abs(top_score) + float(np.abs(g).max(initial=0.0)) + abs(bonus))
    near = np.flatnonzero((score >= top_score - tolerance) & (score > NEG / 2))
    options_state = np.vstack([np.repeat(near[:, None], m, axis=1), j + 1, j])
    continuing = (options_state >= 1) & ((options_state == j + 1) | (options_state == j))
    own = g[None, :] + bonus * continuing
    values = np.where((own > 0) & (score[options_state] > NEG / 2), score[options_state] + own, NEG)
    top = values.max(axis=0)
    # the lowest state among the options reaching the top
    lowest = np.where(values == top[None, :], options_state, np.iinfo(np.int64).max).min(axis=0)
    return top, np.where(top > NEG / 2, lowest, 0)


def backtrack(score: np.ndarray, back: list[tuple[np.ndarray, np.ndarray]]) -> list[int]:
    """Follow a decoder's back-pointers from its best final state: the chosen paragraph per sentence."""
    state = int(np.argmax(score))
    path = [-1] * len(back)
    for i in range(len(back) - 1, -1, -1):
        prev_state, choice = back[i]
        path[i] = int(choice[state])
        state = int(prev_state[state])
    return path


#: A sentence's paragraph in a decoded path when its link was withheld as ambiguous (-1: unlinked, an addition).
WITHHELD = -2


def link_margins(coverage: np.ndarray, path: list[int]) -> np.ndarray:
    """Per sentence: its link's coverage over the best coverage of any paragraph more than one away (inf when there
    is none, nan when unlinked). Near 1: another place in the source holds the sentence's words as well.

    >>> link_margins(np.array([[0.1, 0.4, 0.3, 0.2], [0.3, 0.1, 0.1, 0.3]]), [1, 0]).round(2).tolist()
    [2.0, 1.0]
    """
    n, m = coverage.shape
    margins = np.full(n, np.nan)
    columns = np.arange(m)
    for i, k in enumerate(path):
        if k < 0:
            continue
        far = np.abs(columns - k) > 1
        other = float(coverage[i, far].max()) if far.any() else 0.0
        margins[i] = coverage[i, k] / other if other > 0 else np.inf
    return margins


def order_support(k: int, previous: int | None, following: int | None, window: int) -> int:
    """How many of a link's nearest kept links (its paragraph ``k``; theirs ``previous`` and ``following``, None for
    none) lie 0 to ``window`` paragraphs behind it or ahead of it, in reading order: 0, 1 or 2.

    >>> order_support(5, 4, 6, 2), order_support(5, 9, 6, 2), order_support(5, None, None, 2)
    (2, 1, 0)
    """
    return (int(previous is not None and 0 <= k - previous <= window)
            + int(following is not None and 0 <= following - k <= window))


def needed_margin(support: int, params: AlignParams = AlignParams()) -> float:
    """The margin a link with this order support needs to be kept (``-inf``: none)."""
    return params.alone_margin if support == 0 else params.one_side_margin if support == 1 else -np.inf


def withhold_ambiguous(path: list[int], margins: np.ndarray, params: AlignParams = AlignParams()) -> list[int]:
    """``path`` with the links that neither the source's order nor their own evidence singles out withheld (``WITHHELD``).

    A link's support: how many of its nearest kept links (the one before, the one after) lie 0 to ``order_window``
    paragraphs behind it or ahead of it, in reading order. Unsupported, it needs a margin (``link_margins``) of
    ``alone_margin``; supported on one side, ``one_side_margin``; on both, none. Links are withheld one at a time, the
    least supported first, among those a stray (a link whose neighbours follow the order from one to the other without
    it), then the weakest, and their neighbours judged again: a stray goes before it can cost them their support.

    >>> withhold_ambiguous([3, 4, 20, 5, 40], np.array([1.2, 1.0, 1.2, 1.3, 1.3]))
    [3, 4, -2, 5, -2]
    """
    path = list(path)
    linked = [i for i, k in enumerate(path) if k >= 0]
    if not linked or (params.alone_margin <= 0 and params.one_side_margin <= 0):
        return path
    before = {i: p for p, i in zip([None] + linked[:-1], linked)}
    after = {i: q for i, q in zip(linked, linked[1:] + [None])}
    window = params.order_window

    def support(i: int) -> int:
        return order_support(path[i], path[before[i]] if before[i] is not None else None,
                             path[after[i]] if after[i] is not None else None, window)

    def bar(s: int) -> float:
        return needed_margin(s, params)

    def stray(i: int) -> bool:
        """Its neighbours would follow the source's order from one to the other without it."""
        p, q = before[i], after[i]
        return p is not None and q is not None and 0 <= path[q] - path[p] <= window

    def key(i: int) -> tuple:
        s = support(i)
        return (s, not stray(i), float(margins[i]), i)

    def push(heap: list, i: int) -> None:
        if margins[i] < bar(support(i)):
            heapq.heappush(heap, key(i))

    heap: list = []
    for i in linked:
        push(heap, i)
    while heap:
        entry = heapq.heappop(heap)
        i = entry[-1]
        if path[i] < 0 or key(i) != entry:
            continue  # already withheld, or judged again since
        path[i] = WITHHELD
        p, q = before.pop(i), after.pop(i)
        if p is not None:
            after[p] = q
            push(heap, p)
        if q is not None:
            before[q] = p
            push(heap, q)
    return path


def decode_path(evidence: Evidence, params: AlignParams | None = None) -> list[int]:
    """The decoder's path before any link is withheld: banded unless ``params.band`` is 0 or spans the source, one
    paragraph index per Chinese sentence, -1 for none. ``params``: the evidence's own (calibrated to the document). A
    sentence whose anchors single out a unit the pass did not take (``Evidence.anchors``) is read again as one that
    may link anywhere at no cost (as a section's opening)."""
    params = evidence.params if params is None else params
    decoder = decode_banded if 0 < params.band < evidence.gain.shape[1] else decode_monotone
    path = decoder(evidence.gain, params, marked=evidence.marked, restart=evidence.restart)
    if evidence.anchors is not None:
        # a sentence its anchors tie to one unit, read elsewhere for the order's sake: read again, free to move there
        pulled = (evidence.anchors >= 0) & (np.asarray(path) != evidence.anchors)
        if pulled.any():
            restart = pulled if evidence.restart is None else evidence.restart | pulled
            path = decoder(evidence.gain, params, marked=evidence.marked, restart=restart)
    return path


def decode(evidence: Evidence, params: AlignParams | None = None) -> list[int]:
    """The decoder's path (``decode_path``); on a summary, the links that are ambiguous then withheld
    (``withhold_ambiguous``: ``WITHHELD``)."""
    params = evidence.params if params is None else params
    path = decode_path(evidence, params)
    if evidence.translation:
        return path
    return withhold_ambiguous(path, link_margins(evidence.coverage, path), params)


def explain_links(evidence: Evidence, params: AlignParams | None = None) -> pd.DataFrame:
    """Why each Chinese sentence was linked where it was, or withheld, or left unlinked: ``LINK_DECISION_COLUMNS``.

    ``unit`` is the decoded unit (before withholding: a withheld link names the unit it would have taken), ``best_unit``
    the unit covering the sentence best whatever the order; ``margin`` and ``support`` are read against the links kept
    in the end (``link_margins``, ``order_support``), ``needed_margin`` the bar that support sets (0: none, as for
    a link both neighbours support, or any link of a translation, which withholds nothing). What a reader asks of a summary's missed sentence: was the right paragraph the best cover
    at all (``best_unit``), did it clear the bars (``best_gain``), or did the order or the margin stop it (``outcome``).
    """
    params = evidence.params if params is None else params
    raw = decode_path(evidence, params)
    final = raw if evidence.translation else withhold_ambiguous(raw, link_margins(evidence.coverage, raw), params)
    n, m = evidence.coverage.shape
    blocks = np.asarray(evidence.blocks, dtype=int)
    kept = [i for i, k in enumerate(final) if k >= 0]
    rows = []
    for i, claim_id in enumerate(evidence.zh["claim_id"]):
        k = raw[i] if final[i] == WITHHELD else final[i]
        best = int(np.argmax(evidence.coverage[i])) if m else -1
        margin = float(link_margins(evidence.coverage[i:i + 1], [k])[0]) if k >= 0 else np.nan
        support, bar = 0, 0.0
        if k >= 0:
            previous = max((j for j in kept if j < i), default=None)
            following = min((j for j in kept if j > i), default=None)
            support = order_support(k, final[previous] if previous is not None else None,
                                    final[following] if following is not None else None, params.order_window)
            bar = 0.0 if evidence.translation else max(0.0, float(needed_margin(support, params)))
        if final[i] >= 0:
            outcome = LINK_OUTCOMES[0]
        elif final[i] == WITHHELD:
            outcome = LINK_OUTCOMES[1]
        elif m == 0 or evidence.gain[i].max() <= 0:
            outcome = LINK_OUTCOMES[2]
        else:
            outcome = LINK_OUTCOMES[3]
        rows.append((int(claim_id), int(blocks[k]) if k >= 0 else pd.NA, int(blocks[best]) if best >= 0 else pd.NA,
                     float(evidence.coverage[i, k]) if k >= 0 else np.nan,
                     float(evidence.coverage[i, best]) if best >= 0 else np.nan,
                     float(evidence.gain[i, best]) if best >= 0 else np.nan, margin, support, bar, outcome))
    frame = pd.DataFrame(rows, columns=LINK_DECISION_COLUMNS)
    for column in ("unit", "best_unit"):
        frame[column] = pd.array(frame[column], dtype="Int64")
    return frame
