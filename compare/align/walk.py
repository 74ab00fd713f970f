"""Pair the sentences of two documents from their vectors: many-to-one, crossing, or none at all.

Pure numpy; no model, no I/O. Every sentence pair (i, j) gets a log-odds of reporting the same statement
(``compare.align.scoring``: a small logistic model over cosine, CSLS margin, per-pair z-score, shared rare
words and numbers, merged neighbours, neighbours' agreement and position). Each side is then walked in its
own order (``_viterbi``): a sentence links to one partner or to none (below ``link_threshold``), local order
is preferred but jumps back are allowed, so links cross where a text moves passages. The walk over b adds the
links that extend one of a's links to the next sentence (one-to-many); a sentence keeps its partners at one
place of the other text, or at two when the second stands on its own evidence (``runs.keep_places``: a link
by its calibrated confidence that shares a rare word), and a hub with partners at three places keeps its most
confident one. Before the walk, a section (text between runs of page furniture) that is not
related to the other document gets no links, and a sentence shorter than ``min_tokens`` words links only on
a near-identical match, and a pair without checkable evidence (``compare.align.confidence.evidence_gate``:
shared content words or a cosine clearly above the pair's own null) cannot be walked at all, so position
orders and breaks ties but never creates a pairing; jump costs are scaled by the larger of the texts' global order
agreement and their order within runs (``scoring.walk_order``). Each pairing the walk chose gets a calibrated
probability (``pairing_confidence``: the document pair's prior, ``counterpart_prior``, times the evidence odds): a
link at or above ``link_confidence``, a possible counterpart from ``possible_floor`` up to it (``align_pair``). Which documents are compared at all is decided earlier (``compare.align.events``).

A pair whose longer side has ``AlignSettings.dense_below`` sentences or more (long documents) takes the same
decision over a sparse candidate set instead (``_walk_sparse``: ``compare.align.sparse`` for the cosine statistics,
the candidates and the walk, ``compare.align.features_at`` for the features at the candidates), with memory linear
in the candidates. A change to the decision here must be made there too: tests/test_sparse.py compares the paths.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..records import Link
from ..segment.sections import section_groups
from ..settings import AlignSettings
from .confidence import (
    CONFIDENCE_FEATURES,
    anchor_count,
    confidence_features,
    counterpart_prior,
    evidence_gate,
    null_z,
    pairing_confidence,
    shared_content,
    shared_content_at,
    shared_phrases,
)
from .features_at import content_overlap, pair_features_at
from .relatedness import relatedness
from .runs import group_pairs as _group
from .runs import keep_places as _one_run_per_sentence
from .scoring import FEATURES, link_log_odds, order_agreement, pair_features, run_order_agreement, walk_order
from .sparse import candidate_pairs, cosine_stats, cosines_near, null_of, step_costs, walk_candidates

__all__ = ["AlignInput", "PairResult", "align_pair", "align_vectors", "link_scores", "walk_pairings"]

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
    positions: Sequence[int] = ()
    """Each sentence's place in its document, its unit id (empty: its index); a link joins only sentences whose
    places are adjacent (``runs.group_pairs``)."""


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


@dataclass(frozen=True)
class PairResult:
    """What the aligner found between two texts (sentence indices)."""

    links: list[Link]
    """Pairings at or above ``AlignSettings.link_confidence``, each with its ``confidence``."""
    possible: list[Link]
    """Possible counterparts: pairings the walk chose with a confidence from ``possible_floor`` up to the link threshold."""
    related: float
    """The texts' relatedness (``compare.align.relatedness``)."""
    coverage: tuple[float, float]
    """Share of each text's sentences that has any link."""


def align_vectors(
    a: AlignInput, b: AlignInput, settings: AlignSettings | None = None, *, scores: np.ndarray | None = None
) -> tuple[list[Link], float]:
    """Link sentences of ``a`` to sentences of ``b``; return the links (sorted) and the pair's relatedness.

    The links of ``align_pair`` (which also returns the possible counterparts). ``scores``, an (n, m) array,
    replaces the log-odds that the walk follows (to decode another scorer's evidence with this aligner, as
    benchmarks/aligner_ceiling.py does); the evidence gate, the masks and the walk stay the same, and the links
    carry no confidence (all pairings the walk makes are links).
    """
    result = align_pair(a, b, settings, scores=scores)
    return result.links, result.related


def align_pair(
    a: AlignInput, b: AlignInput, settings: AlignSettings | None = None, *, scores: np.ndarray | None = None
) -> PairResult:
    """Link sentences of ``a`` to sentences of ``b``: links, possible counterparts, relatedness, coverage.

    Only pairings with checkable evidence (``compare.align.confidence.evidence_gate``) may be walked. Each side
    is walked in its own order (``_viterbi``) over the pair's log-odds (``compare.align.scoring``); the links of
    both walks are kept, so a sentence of either side can pair with several adjacent sentences of the other (and
    with a second place of it on that place's own evidence, ``runs.keep_places``), and links may cross. Each
    pairing the walks chose gets a calibrated probability (``pairing_confidence``, no position in it): at or above ``link_confidence`` it is a link, from
    ``possible_floor`` up to it a possible counterpart, below the floor nothing.
    """
    s = settings or AlignSettings()
    n, m = len(a.texts), len(b.texts)
    if n == 0 or m == 0:
        return PairResult([], [], 0.0, (0.0, 0.0))
    inputs: np.ndarray | None
    if scores is None and max(n, m) >= s.dense_below:
        found, cos_of, related, inputs, prior = _walk_sparse(a, b, s)
    else:
        found, cos, related, inputs, prior = walk_pairings(a, b, s, scores=scores)
        cos_of = [float(cos[i, j]) for i, j in found]
    if inputs is None:
        links = _group([(i, j, c, None) for (i, j), c in zip(found, cos_of)], (a.positions, b.positions))
        return PairResult(links, [], related, _coverage(links, n, m))
    p = pairing_confidence(inputs, s.confidence_weights, s.confidence_intercept, prior)
    # A link's reported score is the plain cosine of its sentences (0..1), which a reader can interpret;
    # its confidence is the calibrated probability that it is right.
    chosen = [(i, j, cos_of[k], float(p[k])) for k, (i, j) in enumerate(found)]
    places = (a.positions, b.positions)
    links = _group([c for c in chosen if c[3] >= s.link_confidence], places)
    possible = _group([c for c in chosen if s.possible_floor <= c[3] < s.link_confidence], places)
    return PairResult(links, possible, related, _coverage(links, n, m))


def walk_pairings(
    a: AlignInput, b: AlignInput, s: AlignSettings, *, scores: np.ndarray | None = None
) -> tuple[list[tuple[int, int]], np.ndarray, float, np.ndarray | None, float]:
    """Return the sentence pairs both walks chose (sorted), the cosines, the relatedness, each chosen pair's
    inputs to the confidence model (``None`` when ``scores`` replaced the log-odds) and the document pair's
    prior log-odds (``counterpart_prior``). Both sides must be non-empty.

    Which places a sentence keeps (``runs.keep_places``) is decided on the calibrated confidence of the
    walked pairs; with ``scores`` (no confidence) each sentence keeps its strongest place."""
    n, m = len(a.texts), len(b.texts)
    cos = a.vectors @ b.vectors.T
    related = relatedness(cos, s.relatedness_top)
    order = order_agreement(cos)
    if scores is not None and scores.shape != (n, m):
        raise ValueError(f"scores has shape {scores.shape}; the two sides have {n} and {m} sentences")
    features = pair_features(a.vectors, b.vectors, a.texts, b.texts, order)
    log_odds = link_log_odds(features, s.weights, s.intercept) if scores is None else np.asarray(scores, dtype=np.float64)
    z = null_z(cos)
    content = shared_content(a.texts, b.texts)
    ok_a = _section_mask(cos, section_groups(a.sections, s.section_min_units), s)
    ok_b = _section_mask(cos.T, section_groups(b.sections, s.section_min_units), s)
    short_a = np.array([len(_TOKEN.findall(t)) < s.min_tokens for t in a.texts])
    short_b = np.array([len(_TOKEN.findall(t)) < s.min_tokens for t in b.texts])
    short = short_a[:, None] | short_b[None, :]
    allowed = ok_a[:, None] & ok_b[None, :] & (~short | (cos >= s.short_threshold))
    allowed &= evidence_gate(z, content[0], z_alone=s.evidence_z, z_with_word=s.evidence_z_with_word)
    log_odds = np.where(allowed, log_odds, -np.inf)
    steps = walk_order(order, run_order_agreement(cos))
    found = set(_viterbi(log_odds, s, steps))
    reverse = {(i, j) for j, i in _viterbi(log_odds.T, s, steps)}
    if s.both_directions:
        found |= reverse
    else:
        # One-to-many from the other walk only where it extends a link to the next or previous sentence.
        found |= {(i, j) for i, j in reverse if (i, j - 1) in found or (i, j + 1) in found}
    anchors = anchor_count(cos.max(axis=1), cos.argmax(axis=1), cos.argmax(axis=0), s.prior_anchor)
    prior = counterpart_prior(anchors, min(n, m), s.prior_strength, s.prior_base)
    if scores is not None:
        return sorted(_one_run_per_sentence(found, log_odds)), cos, related, None, prior
    # The confidence model sees the log-odds without the position terms: position orders, never proves.
    positional = [k for k, name in enumerate(FEATURES) if name in _POSITIONAL]
    content_lo = link_log_odds(np.delete(features, positional, axis=-1),
                               [w for k, w in enumerate(s.weights) if k not in positional], s.intercept)
    inputs = confidence_features(cos, z, features[..., FEATURES.index("lexical")], content, content_lo, order, related)
    walked = sorted(found)
    rows = np.array([i for i, _ in walked], dtype=np.int64)
    cols = np.array([j for _, j in walked], dtype=np.int64)
    at = inputs[rows, cols].reshape(len(walked), inputs.shape[-1])
    walked_inputs = np.column_stack([at, shared_phrases(a.texts, b.texts, rows, cols)])
    # Which places a sentence keeps (``runs.keep_places``) reads each pairing's calibrated confidence.
    confidence = dict(zip(walked, pairing_confidence(walked_inputs, s.confidence_weights, s.confidence_intercept, prior).tolist()))
    chosen = sorted(_one_run_per_sentence(found, log_odds, confidence, content[1], s.link_confidence))
    row_of = {p: k for k, p in enumerate(walked)}
    return chosen, cos, related, walked_inputs[[row_of[p] for p in chosen]], prior


_POSITIONAL = frozenset({"position", "diagonal"})
"""Features of ``compare.align.scoring.FEATURES`` that speak of where sentences stand, not what they say."""


def _coverage(links: Sequence[Link], n: int, m: int) -> tuple[float, float]:
    """Return the share of a's and of b's sentences that some link holds."""
    in_a = {i for lk in links for i in lk.a}
    in_b = {j for lk in links for j in lk.b}
    return len(in_a) / n if n else 0.0, len(in_b) / m if m else 0.0


def _walk_sparse(
    a: AlignInput, b: AlignInput, s: AlignSettings
) -> tuple[list[tuple[int, int]], list[float], float, np.ndarray, float]:
    """``walk_pairings`` for long documents: the same decision over a sparse candidate set (``compare.align.sparse``).

    Returns the chosen pairs (sorted), their cosines, the relatedness, their confidence inputs and the pair's prior. Memory is linear
    in the number of candidates, except the pair's null (median and MAD of all its cosines), which is taken over a
    float32 copy of the cosines made block by block (4 bytes a sentence pair).
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
    med, mad = null_of(a.vectors, b.vectors)
    z = (cos.astype(np.float64) - med) / mad
    words, rares, weight = shared_content_at(a.texts, b.texts, rows, cols)
    ok_a = _section_mask(st.row_best.astype(np.float32)[:, None], section_groups(a.sections, s.section_min_units), s)
    ok_b = _section_mask(st.col_best.astype(np.float32)[:, None], section_groups(b.sections, s.section_min_units), s)
    short_a = np.array([len(_TOKEN.findall(t)) < s.min_tokens for t in a.texts])
    short_b = np.array([len(_TOKEN.findall(t)) < s.min_tokens for t in b.texts])
    short = short_a[rows] | short_b[cols]
    keep = ok_a[rows] & ok_b[cols] & (~short | (cos.astype(np.float32) >= s.short_threshold))
    keep &= evidence_gate(z, words, z_alone=s.evidence_z, z_with_word=s.evidence_z_with_word)
    k = np.flatnonzero(keep)
    rows, cols, log_odds = rows[k], cols[k], log_odds[k]
    gain = log_odds - s.link_threshold
    steps = walk_order(st.order, st.run_order)
    found = set(walk_candidates(_row_pointers(rows, n), cols, gain, m, s, steps))
    by_col = np.lexsort((rows, cols))
    walked = walk_candidates(_row_pointers(cols[by_col], m), rows[by_col], gain[by_col], n, s, steps)
    reverse = {(i, j) for j, i in walked}
    if s.both_directions:
        found |= reverse
    else:
        found |= {(i, j) for i, j in reverse if (i, j - 1) in found or (i, j + 1) in found}
    keys = rows * m + cols  # sorted: the candidates are in (row, column) order
    where = {p: int(k[np.searchsorted(keys, p[0] * m + p[1])]) for p in found}
    walked = sorted(found)
    at = np.array([where[p] for p in walked], dtype=np.int64)
    related = st.relatedness(s.relatedness_top)
    # The confidence inputs at the walked pairs, as ``confidence_features`` makes them for the dense matrix.
    positional = [i for i, name in enumerate(FEATURES) if name in _POSITIONAL]
    content_lo = link_log_odds(np.delete(features[at], positional, axis=-1),
                               [w for i, w in enumerate(s.weights) if i not in positional], s.intercept)
    c = cos[at].astype(np.float64)
    second_row = 2 * st.row_top2 - st.row_best  # row_top2 is the mean of the two best cosines of the row
    second_col = 2 * st.col_top2 - st.col_best
    ri = np.array([p[0] for p in walked], dtype=np.int64)
    cj = np.array([p[1] for p in walked], dtype=np.int64)
    margin_row = c - np.where(c >= st.row_best[ri], second_row[ri] if m > 1 else med, st.row_best[ri])
    margin_col = c - np.where(c >= st.col_best[cj], second_col[cj] if n > 1 else med, st.col_best[cj])
    mutual = float((st.col_arg[st.row_arg] == np.arange(n)).sum() / min(n, m))
    columns = {
        "cos": c, "null_z": z[at], "row_margin": margin_row, "col_margin": margin_col,
        "lexical": features[at, FEATURES.index("lexical")], "log_shared_weight": weight[at], "shared_rare": rares[at],
        "shared_words": np.minimum(words[at], 4), "coverage": np.full(len(at), mutual),
        "content_log_odds": np.maximum(content_lo, -10.0), "order": np.full(len(at), st.order),
        "relatedness": np.full(len(at), related), "size_ratio": np.full(len(at), abs(math.log(n / m))),
        "shared_phrase": shared_phrases(a.texts, b.texts, ri, cj),
    }
    inputs = np.stack([columns[name] for name in CONFIDENCE_FEATURES], axis=-1) if len(at) else np.zeros((0, len(CONFIDENCE_FEATURES)))
    anchors = anchor_count(st.row_best.astype(np.float32), st.row_arg, st.col_arg, s.prior_anchor)
    prior = counterpart_prior(anchors, min(n, m), s.prior_strength, s.prior_base)
    confidence = dict(zip(walked, pairing_confidence(inputs, s.confidence_weights, s.confidence_intercept, prior).tolist()))
    chosen = sorted(_one_run_per_sentence(found, {p: float(log_odds[np.searchsorted(keys, p[0] * m + p[1])]) for p in found},
                                          confidence, {p: float(rares[where[p]]) for p in found}, s.link_confidence))
    row_of = {p: r for r, p in enumerate(walked)}
    keep = np.array([row_of[p] for p in chosen], dtype=np.int64)
    return chosen, [float(x) for x in cos[at[keep]]], related, inputs[keep], prior


def _row_pointers(rows: np.ndarray, n: int) -> np.ndarray:
    """Return CSR row pointers for pairs sorted by row."""
    return np.searchsorted(rows, np.arange(n + 1)).astype(np.int64)
