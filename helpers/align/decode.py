"""The aligner's decoder: a monotone Viterbi pass that picks at most one English paragraph per Chinese sentence.

A link earns its gain (how far it clears the bars), leaving a sentence unlinked earns 0 (an aside), moving forward in
the source is free, moving back costs, and an excursion (a link that leaves the reading position where it was) costs.
A sentence that opens a section of the Chinese writer's outline (``restart``: a summary's 'TL;DR', then 'Summary', then
'Key points', each reading the source again from its start) may link anywhere at no cost, as the first link does.
"""

from __future__ import annotations

import numpy as np

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

    The same states, costs, choices and ties, but a link from reading position p may go only to paragraphs
    p - band … p + band (from the start, before any link, every paragraph is open, and an excursion may
    still go anywhere: it does not move the position). Time n × m × (2·band + 1) and memory n × m
    back-pointers (int32), against n × m² time for the full pass.
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


def decode(evidence: Evidence, params: AlignParams | None = None) -> list[int]:
    """The decoder's path over an evidence's gains, banded unless ``params.band`` is 0 or spans the source: one
    paragraph index per Chinese sentence, -1 for none. ``params``: the evidence's own (calibrated to the document)."""
    params = evidence.params if params is None else params
    decoder = decode_banded if 0 < params.band < evidence.gain.shape[1] else decode_monotone
    return decoder(evidence.gain, params, marked=evidence.marked, restart=evidence.restart)


