"""Pair the sentences of two documents from their vectors: many-to-one, crossing, or none at all.

Pure numpy; no model, no I/O. Every sentence pair (i, j) gets a log-odds of reporting the same statement
(``compare.align.scoring``: a small logistic model over cosine, CSLS margin, per-pair z-score, shared rare
words and numbers, merged neighbours, neighbours' agreement and position). Each side is then walked in its
own order (``_viterbi``): a sentence links to one partner or to none (below ``link_threshold``), local order
is preferred but jumps back are allowed, so links cross where a text moves passages. The walk over b adds the
links that extend one of a's links to the next sentence (one-to-many); a sentence keeps only its strongest
run of adjacent partners. Before the walk, a section (text between runs of page furniture) that is not
related to the other document gets no links, and a sentence shorter than ``min_tokens`` words links only on
a near-identical match. Which documents are compared at all is decided earlier (``compare.align.events``).

A pair whose longer side has ``AlignSettings.dense_below`` sentences or more (long documents) takes the same
decision over a sparse candidate set instead (``_align_sparse``: ``compare.align.sparse`` for the cosine statistics,
the candidates and the walk, ``compare.align.features_at`` for the features), with memory linear in the candidates.
A change to the decision here must be made there too: tests/test_sparse.py compares the two paths' links.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from ..records import Link
from ..segment.sections import section_groups
from ..settings import AlignSettings
from .features_at import content_overlap, pair_features_at
from .relatedness import relatedness
from .scoring import link_log_odds, order_agreement, pair_features
from .sparse import candidate_pairs, cosine_stats, cosines_near, step_costs, walk_candidates

__all__ = ["AlignInput", "align_vectors", "link_scores"]

_TOKEN = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class AlignInput:
    """One side of an alignment: sentence vectors, texts and sections."""

    vectors: np.ndarray
    """(n, dim) float32, L2-normalised."""
    texts: Sequence[str]
    """The n sentence texts (for lexical evidence and length)."""
    sections: Sequence[int] = ()
    """Section index of each sentence (empty: all one section)."""


def _section_mask(cos: np.ndarray, groups: Sequence[int], settings: AlignSettings) -> np.ndarray:
    """Return, per row of ``cos``, whether its section is related enough to the columns' document."""
    keys = list(groups) if groups else [0] * cos.shape[0]
    ok = np.ones(cos.shape[0], dtype=bool)
    if len(set(keys)) < 2:
        return ok  # a text of one section: whether it is related at all is the event check's question
    best = cos.max(axis=1)
    for g in set(keys):
        idx = np.array([k == g for k in keys])
        k = min(settings.relatedness_top, int(idx.sum()))
        if float(np.sort(best[idx])[-k:].mean()) < settings.section_threshold:
            ok[idx] = False
    return ok


def _viterbi(log_odds: np.ndarray, s: AlignSettings, order: float = 1.0) -> list[tuple[int, int]]:
    """Walk the rows of ``log_odds`` in order, each linked to one column or to none; return the best path's links.

    A row linked to column j gains ``log_odds[i, j] - s.link_threshold``; a row left unlinked gains 0. Moving
    from the last linked column p to j costs nothing when j = p + 1, ``s.stay_penalty`` when j = p (several
    rows to one column), ``s.skip_penalty * log(j - p)`` when jumping forward, and ``s.back_penalty +
    s.back_step_penalty * (p - j)`` when jumping back: reordering is allowed, local order preferred. Jump
    costs are scaled by ``order`` (``compare.scoring.order_agreement``): texts that move passages about pay less.
    """
    n, m = log_odds.shape
    step = np.arange(m)[None, :] - np.arange(-1, m)[:, None]  # (m + 1, m): from last column p (row p + 1) to column j
    move = step_costs(step, s, order)
    best = np.full(m + 1, -np.inf)
    best[0] = 0.0
    came_from = np.zeros((n, m), dtype=np.int64)
    linked = np.zeros((n, m + 1), dtype=bool)
    gain = log_odds - s.link_threshold
    for i in range(n):
        options = best[:, None] + move
        came_from[i] = options.argmax(axis=0)
        as_link = options.max(axis=0) + gain[i]
        linked[i, 1:] = as_link > best[1:]
        best = best.copy()
        best[1:] = np.where(linked[i, 1:], as_link, best[1:])
    pairs: list[tuple[int, int]] = []
    state = int(best.argmax())
    for i in range(n - 1, -1, -1):
        if linked[i, state]:
            pairs.append((i, state - 1))
            state = int(came_from[i, state - 1])
    return pairs[::-1]


def link_scores(
    a: AlignInput, b: AlignInput, settings: AlignSettings | None = None, order: float | None = None
) -> np.ndarray:
    """Return the (n, m) log-odds that sentence i of ``a`` and sentence j of ``b`` report the same statement."""
    s = settings or AlignSettings()
    return link_log_odds(pair_features(a.vectors, b.vectors, a.texts, b.texts, order), s.weights, s.intercept)


def align_vectors(
    a: AlignInput, b: AlignInput, settings: AlignSettings | None = None, *, scores: np.ndarray | None = None
) -> tuple[list[Link], float]:
    """Link sentences of ``a`` to sentences of ``b``; return the links (sorted) and the pair's relatedness.

    Link.a and Link.b hold sentence indices into ``a`` and ``b``. Each side is walked in its own order
    (``_viterbi``) over the pair's log-odds (``compare.scoring``); the links of both walks are kept, so a
    sentence of either side can pair with several adjacent sentences of the other, and links may cross.
    ``scores``, an (n, m) array, replaces those log-odds (to decode another scorer's evidence with this
    aligner, as benchmarks/aligner_ceiling.py does); the masks and the walk stay the same.
    """
    s = settings or AlignSettings()
    n, m = len(a.texts), len(b.texts)
    if n == 0 or m == 0:
        return [], 0.0
    if scores is None and max(n, m) >= s.dense_below:
        return _align_sparse(a, b, s)
    cos = a.vectors @ b.vectors.T
    related = relatedness(cos, s.relatedness_top)
    order = order_agreement(cos)
    if scores is not None and scores.shape != (n, m):
        raise ValueError(f"scores has shape {scores.shape}; the two sides have {n} and {m} sentences")
    log_odds = link_scores(a, b, s, order) if scores is None else np.asarray(scores, dtype=np.float64)
    ok_a = _section_mask(cos, section_groups(a.sections, s.section_min_units), s)
    ok_b = _section_mask(cos.T, section_groups(b.sections, s.section_min_units), s)
    short_a = np.array([len(_TOKEN.findall(t)) < s.min_tokens for t in a.texts])
    short_b = np.array([len(_TOKEN.findall(t)) < s.min_tokens for t in b.texts])
    short = short_a[:, None] | short_b[None, :]
    allowed = ok_a[:, None] & ok_b[None, :] & (~short | (cos >= s.short_threshold))
    log_odds = np.where(allowed, log_odds, -np.inf)
    found = set(_viterbi(log_odds, s, order))
    reverse = {(i, j) for j, i in _viterbi(log_odds.T, s, order)}
    if s.both_directions:
        found |= reverse
    else:
        # One-to-many from the other walk only where it extends a link to the next or previous sentence.
        found |= {(i, j) for i, j in reverse if (i, j - 1) in found or (i, j + 1) in found}
    found = _one_run_per_sentence(found, log_odds)
    # A link's reported score is the plain cosine of its sentences (0..1), which a reader can interpret;
    # the log-odds only decide which links are made.
    links = _group([(i, j, float(cos[i, j])) for i, j in sorted(found)])
    return links, related


def _align_sparse(a: AlignInput, b: AlignInput, s: AlignSettings) -> tuple[list[Link], float]:
    """``align_vectors`` for long documents: the same decision over a sparse candidate set (``compare.align.sparse``).

    Memory is linear in the number of candidates; the links are the dense walk's whenever its links are candidates.
    """
    n, m = len(a.texts), len(b.texts)
    st = cosine_stats(a.vectors, b.vectors, s.candidates)
    overlap = content_overlap(a.texts, b.texts, s.candidates_shared)
    rows, cols = candidate_pairs(st, (overlap.top_a, overlap.top_b), s.band, n, m)
    stats = (st.row_best, st.col_best, st.row_top2, st.col_top2)
    near = cosines_near(a.vectors, b.vectors, rows, cols)
    summary = (st.mean, st.std, st.order)
    features = pair_features_at(a.vectors, b.vectors, a.texts, b.texts, rows, cols, near, stats, summary, overlap)
    cos, log_odds = features[:, 0], link_log_odds(features, s.weights, s.intercept)
    ok_a = _section_mask(st.row_best.astype(np.float32)[:, None], section_groups(a.sections, s.section_min_units), s)
    ok_b = _section_mask(st.col_best.astype(np.float32)[:, None], section_groups(b.sections, s.section_min_units), s)
    short_a = np.array([len(_TOKEN.findall(t)) < s.min_tokens for t in a.texts])
    short_b = np.array([len(_TOKEN.findall(t)) < s.min_tokens for t in b.texts])
    short = short_a[rows] | short_b[cols]
    keep = ok_a[rows] & ok_b[cols] & (~short | (cos.astype(np.float32) >= s.short_threshold))
    rows, cols, cos, log_odds = rows[keep], cols[keep], cos[keep], log_odds[keep]
    gain = log_odds - s.link_threshold
    found = set(walk_candidates(_row_pointers(rows, n), cols, gain, m, s, st.order))
    by_col = np.lexsort((rows, cols))
    walked = walk_candidates(_row_pointers(cols[by_col], m), rows[by_col], gain[by_col], n, s, st.order)
    reverse = {(i, j) for j, i in walked}
    if s.both_directions:
        found |= reverse
    else:
        found |= {(i, j) for i, j in reverse if (i, j - 1) in found or (i, j + 1) in found}
    keys = rows * m + cols  # sorted: the candidates are in (row, column) order

    def at(p: tuple[int, int]) -> int:
        return int(np.searchsorted(keys, p[0] * m + p[1]))

    found = _one_run_per_sentence(found, {p: float(log_odds[at(p)]) for p in found})
    links = _group([(i, j, float(cos[at((i, j))])) for i, j in sorted(found)])
    return links, st.relatedness(s.relatedness_top)


def _row_pointers(rows: np.ndarray, n: int) -> np.ndarray:
    """Return CSR row pointers for pairs sorted by row."""
    return np.searchsorted(rows, np.arange(n + 1)).astype(np.int64)


def _one_run_per_sentence(
    pairs: set[tuple[int, int]], log_odds: np.ndarray | Mapping[tuple[int, int], float]
) -> set[tuple[int, int]]:
    """Keep, for each sentence of either side, only one run of adjacent partners: the run with the best link.

    One statement reported twice, at two separate places of the other text, is rare; a sentence that
    attracts partners from all over the other text is a hub ("Putin met Lukashenko") rather than a match.
    """
    for side in (1, 0):
        partners: dict[int, list[int]] = {}
        for pair in pairs:
            partners.setdefault(pair[side], []).append(pair[1 - side])
        for key, others in partners.items():
            if len(others) < 2:
                continue
            others.sort()
            runs: list[list[int]] = [[others[0]]]
            for o in others[1:]:
                if o == runs[-1][-1] + 1:
                    runs[-1].append(o)
                else:
                    runs.append([o])
            if len(runs) < 2:
                continue

            def strength(run: Iterable[int], key: int = key, side: int = side) -> float:
                return max(float(log_odds[(o, key) if side else (key, o)]) for o in run)

            keep = set(max(runs, key=strength))
            pairs = {p for p in pairs if p[side] != key or p[1 - side] in keep}
    return pairs


def _group(pairs: list[tuple[int, int, float]]) -> list[Link]:
    """Join pairs that share a sentence into links when the other side's sentences are adjacent."""
    by_a: dict[int, list[tuple[int, float]]] = {}
    for i, j, sc in pairs:
        by_a.setdefault(i, []).append((j, sc))
    # Union pairs into connected components, then split each into runs of adjacent ids.
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(x: tuple[str, int]) -> tuple[str, int]:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j, _ in pairs:
        parent[find(("a", i))] = find(("b", j))
    comps: dict[tuple[str, int], list[tuple[int, int, float]]] = {}
    for p in pairs:
        comps.setdefault(find(("a", p[0])), []).append(p)
    links: list[Link] = []
    for comp in comps.values():
        a_ids = sorted({i for i, _, _ in comp})
        b_ids = sorted({j for _, j, _ in comp})
        adjacent = a_ids[-1] - a_ids[0] == len(a_ids) - 1 and b_ids[-1] - b_ids[0] == len(b_ids) - 1
        if adjacent and (len(a_ids) == 1 or len(b_ids) == 1):
            score = sum(sc for _, _, sc in comp) / len(comp)
            links.append(Link(tuple(a_ids), tuple(b_ids), round(min(max(score, 0.0), 1.0), 4)))
        else:
            for i, j, sc in comp:
                links.append(Link((i,), (j,), round(min(max(sc, 0.0), 1.0), 4)))
    links.sort(key=lambda lk: (lk.a[0], lk.b[0]))
    return links

