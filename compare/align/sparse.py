"""Align long documents without (n, m) arrays: cosine statistics by row blocks, a sparse candidate set, an exact walk.

Pure numpy/scipy; no model, no I/O. The dense aligner (``compare.align.walk``) holds every sentence pair at once:
a (n, m, 23) feature stack and (m + 1, m) arrays per row of the walk, so two book-length documents need many GB.
Here:

- ``cosine_stats`` walks the cosine matrix in blocks of rows (never holding it) and keeps what the features need
  from the whole matrix: each row's and column's best and two best cosines, each sentence's best partners, the
  mean and spread, and the texts' order agreement (same anchors and Kendall tau as ``order_agreement``);
- ``candidate_pairs`` keeps, for each sentence of either side, its ``k`` best partners by cosine and its best
  partners by shared rare words, plus a band around the path (a few sentences along the diagonal through each
  sentence's best partner, and the diagonal scaled by n/m); memory is linear in the number of candidates;
- ``walk_candidates`` is the aligner's walk restricted to those candidates: the same recurrence, costs
  (``step_costs``) and tie-breaking as the dense walk, so when every link of the dense path is a candidate the
  links are identical. It stays exact while skipping states: a state more than the largest jump cost below the
  best state can never be the best predecessor of any link, so only the states within that margin are compared.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..settings import AlignSettings
from .scoring import run_order_of

__all__ = [
    "NEAR",
    "CosineStats",
    "candidate_pairs",
    "cosine_stats",
    "cosines_near",
    "null_of",
    "step_costs",
    "top_indices",
    "walk_candidates",
]


def step_costs(step: np.ndarray, s: AlignSettings, order: float) -> np.ndarray:
    """Return the walk's gain (<= 0) of moving from the last linked column p to column j, for ``step = j - p``.

    Nothing for the next column (step 1), ``s.stay_penalty`` for the same one (step 0), ``s.skip_penalty *
    log(step)`` for a jump forward and ``s.back_penalty + s.back_step_penalty * (p - j)`` for one back; all but
    step 1 are scaled by ``order``. The dense and the sparse walk both take their costs from here.
    """
    move = np.where(
        step == 1,
        0.0,
        np.where(
            step == 0,
            -s.stay_penalty,
            np.where(step > 1, -s.skip_penalty * np.log(np.maximum(step, 1)), -s.back_penalty + s.back_step_penalty * step),
        ),
    )
    out: np.ndarray = np.where(step == 1, move, move * order)
    return out


@dataclass(frozen=True)
class CosineStats:
    """What the aligner needs from the whole (n, m) cosine matrix of two texts, gathered without holding it."""

    row_best: np.ndarray
    """(n,) float64: each a sentence's best cosine in b."""
    col_best: np.ndarray
    """(m,) float64: each b sentence's best cosine in a."""
    row_top2: np.ndarray
    """(n,) float64: mean of each row's two best cosines (one when m = 1)."""
    col_top2: np.ndarray
    """(m,) float64: the same per column."""
    row_top: np.ndarray
    """(n, k) int64: each row's k best columns (any order)."""
    col_top: np.ndarray
    """(m, k) int64: each column's k best rows (any order)."""
    row_arg: np.ndarray
    """(n,) int64: each row's best column (the first on ties)."""
    col_arg: np.ndarray
    """(m,) int64: each column's best row (the first on ties)."""
    mean: float
    std: float
    order: float
    """The texts' order agreement (``compare.align.scoring.order_agreement``)."""
    run_order: float = 1.0
    """The texts' order agreement within runs (``compare.align.scoring.run_order_agreement``)."""

    def relatedness(self, top: int) -> float:
        """Return ``compare.align.relatedness.relatedness`` of the matrix: mean of the smaller side's ``top`` best."""
        best = self.row_best if len(self.row_best) <= len(self.col_best) else self.col_best
        best = best.astype(np.float32)  # the float32 cosines themselves, summed as the dense path sums them
        k = min(top, best.shape[0])
        return float(np.sort(best)[-k:].mean())


def _kendall(b_positions: np.ndarray) -> float:
    """Return Kendall's tau of anchors sorted by their a position, from their b positions (all distinct)."""
    count = len(b_positions)
    ranks = np.argsort(np.argsort(b_positions))
    tree = np.zeros(count + 1, dtype=np.int64)
    inversions = 0
    for r in ranks[::-1].tolist():  # anchors after this one with a smaller b position
        k = r
        while k > 0:
            inversions += int(tree[k])
            k -= k & -k
        k = r + 1
        while k <= count:
            tree[k] += 1
            k += k & -k
    total = count * (count - 1) // 2
    return (total - 2 * inversions) / total


def top_indices(values: np.ndarray, k: int) -> np.ndarray:
    """Return the column indices of the ``k`` largest entries of each row (all of them when there are fewer)."""
    size = values.shape[1]
    if k >= size:
        return np.broadcast_to(np.arange(size), values.shape).copy()
    return np.argpartition(values, size - k, axis=1)[:, size - k :]


def cosine_stats(va: np.ndarray, vb: np.ndarray, k: int, anchor: float = 0.5, block: int = 256) -> CosineStats:
    """Walk ``va @ vb.T`` in blocks of rows and return its statistics (see ``CosineStats``); memory O((n + m) k)."""
    n, m = len(va), len(vb)
    k = max(k, 2)
    kk = min(k, m)
    row_best, row_top2 = np.empty(n), np.empty(n)
    row_arg = np.empty(n, dtype=np.int64)
    row_top = np.empty((n, kk), dtype=np.int64)
    col_vals = np.zeros((m, 0), dtype=np.float32)
    col_idx = np.zeros((m, 0), dtype=np.int64)
    col_best, col_arg = np.full(m, -np.inf, dtype=np.float32), np.zeros(m, dtype=np.int64)
    total, mean, m2 = 0, 0.0, 0.0
    for r0 in range(0, n, block):
        cos = va[r0 : r0 + block] @ vb.T  # float32, as the dense path's cosines
        rows = cos.shape[0]
        row_arg[r0 : r0 + rows] = cos.argmax(axis=1)
        row_best[r0 : r0 + rows] = cos.max(axis=1)
        top = top_indices(cos, kk)
        row_top[r0 : r0 + rows] = top
        two = np.sort(np.take_along_axis(cos, top, axis=1), axis=1)[:, -2:].astype(np.float64)
        row_top2[r0 : r0 + rows] = two.sum(axis=1) / two.shape[1]
        ct = np.ascontiguousarray(cos.T)  # (m, rows): columns as rows
        better = ct.max(axis=1) > col_best  # strictly: the first row keeps a tie, as argmax does
        col_arg = np.where(better, ct.argmax(axis=1) + r0, col_arg)
        col_best = np.maximum(col_best, ct.max(axis=1))
        top_c = top_indices(ct, min(k, rows))
        vals = np.concatenate([col_vals, np.take_along_axis(ct, top_c, axis=1)], axis=1)
        idx = np.concatenate([col_idx, top_c + r0], axis=1)
        keep = top_indices(vals, min(k, vals.shape[1]))
        col_vals, col_idx = np.take_along_axis(vals, keep, axis=1), np.take_along_axis(idx, keep, axis=1)
        # Chan et al.'s update of the mean and the sum of squared deviations.
        c64 = cos.astype(np.float64)
        b_mean, b_n = float(c64.mean()), c64.size
        b_m2 = float(((c64 - b_mean) ** 2).sum())
        delta = b_mean - mean
        mean += delta * b_n / (total + b_n)
        m2 += b_m2 + delta * delta * total * b_n / (total + b_n)
        total += b_n
    two_c = np.sort(col_vals, axis=1)[:, -2:].astype(np.float64)
    col_top2 = two_c.sum(axis=1) / two_c.shape[1]
    anchors = [(i, int(j)) for i, j in enumerate(row_arg) if col_arg[j] == i and row_best[i] >= anchor]
    order = 1.0 if len(anchors) < 3 else min(max(_kendall(np.array([j for _, j in anchors])), 0.0), 1.0)
    run_order = run_order_of([j for _, j in anchors])
    std = float(np.sqrt(m2 / total))
    return CosineStats(
        row_best, col_best.astype(np.float64), row_top2, col_top2, row_top, col_idx, row_arg, col_arg, mean, std, order,
        run_order,
    )


def null_of(va: np.ndarray, vb: np.ndarray, block: int = 1024) -> tuple[float, float]:
    """Return the median and the scaled MAD of all cosines of a pair (``compare.align.confidence.null_z``)."""
    n, m = va.shape[0], vb.shape[0]
    flat = np.empty(n * m, dtype=np.float32)
    for start in range(0, n, block):
        stop = min(start + block, n)
        flat[start * m : stop * m] = (va[start:stop] @ vb.T).ravel()
    med = float(np.median(flat))
    np.subtract(flat, med, out=flat)
    np.abs(flat, out=flat)
    return med, float(np.median(flat)) * 1.4826 + 1e-6


NEAR: tuple[tuple[int, int], ...] = ((0, 0), (-1, 0), (1, 0), (0, -1), (0, 1), (-1, -1), (1, 1))
"""Offsets (row, column) of the cosines ``cosines_near`` returns around each pair."""


def cosines_near(va: np.ndarray, vb: np.ndarray, rows: np.ndarray, cols: np.ndarray, block: int = 256) -> np.ndarray:
    """Return the (len(NEAR), K) cosines at each pair (rows[t], cols[t]) offset by ``NEAR`` (NaN outside the texts).

    ``rows`` must be sorted. The cosines are the float32 products ``va @ vb.T`` of blocks of rows (one row more on
    either side), as the dense path computes them, cast to float64.
    """
    n, m = len(va), len(vb)
    out = np.full((len(NEAR), len(rows)), np.nan)
    starts = np.searchsorted(rows, np.arange(0, n + block, block))
    for b, r0 in enumerate(range(0, n, block)):
        lo, hi = int(starts[b]), int(starts[b + 1])
        if lo == hi:
            continue
        base = max(r0 - 1, 0)
        cos = va[base : min(r0 + block + 1, n)] @ vb.T
        r, c = rows[lo:hi], cols[lo:hi]
        for k, (dr, dc) in enumerate(NEAR):
            rr, cc = r + dr, c + dc
            inside = (rr >= 0) & (rr < n) & (cc >= 0) & (cc < m)
            out[k, lo:hi][inside] = cos[rr[inside] - base, cc[inside]]
    return out


def candidate_pairs(
    stats: CosineStats, shared_top: tuple[np.ndarray, np.ndarray], band: int, n: int, m: int
) -> tuple[np.ndarray, np.ndarray]:
    """Return the candidate pairs as (rows, cols), sorted by row then column, without repeats.

    The candidates: each row's and column's best partners by cosine (``stats.row_top``/``col_top``) and by
    shared words (``shared_top``: (n, k) and (m, k) arrays, -1 for none), plus the band: the pairs within
    ``band`` steps along the diagonal (and one column either side) of each sentence's best partner, and
    within ``band`` columns of the diagonal scaled by m/n.
    """
    rows: list[np.ndarray] = []
    cols: list[np.ndarray] = []

    def add(r: np.ndarray, c: np.ndarray) -> None:
        ok = (r >= 0) & (r < n) & (c >= 0) & (c < m)
        rows.append(r[ok])
        cols.append(c[ok])

    add(np.repeat(np.arange(n), stats.row_top.shape[1]), stats.row_top.ravel())
    add(stats.col_top.ravel(), np.repeat(np.arange(m), stats.col_top.shape[1]))
    sa, sb = shared_top
    add(np.repeat(np.arange(n), sa.shape[1]), sa.ravel())
    add(sb.ravel(), np.repeat(np.arange(m), sb.shape[1]))
    best_rows = np.concatenate([np.arange(n), stats.col_arg])
    best_cols = np.concatenate([stats.row_arg, np.arange(m)])
    for d in range(-band, band + 1):
        for e in (d - 1, d, d + 1):
            add(best_rows + d, best_cols + e)
    diagonal = np.floor((np.arange(n) + 0.5) * m / n).astype(np.int64)
    for e in range(-band, band + 1):
        add(np.arange(n), diagonal + e)
    key = np.unique(np.concatenate(rows).astype(np.int64) * m + np.concatenate(cols))
    return key // m, key % m


def walk_candidates(
    indptr: np.ndarray, cols: np.ndarray, gain: np.ndarray, m: int, s: AlignSettings, order: float
) -> list[tuple[int, int]]:
    """Walk the rows in order over the candidates only; return the best path's links as (row, column) pairs.

    Row i's candidates are ``cols[indptr[i]:indptr[i + 1]]`` (sorted) with gains ``gain`` (the log-odds less the
    link threshold); every other pair counts as impossible. The recurrence, costs and tie-breaking are those of
    the dense walk (``compare.align.walk``): per row, each candidate column takes its best predecessor state
    (the first on ties), and becomes linked only when that beats the state's current value strictly.
    """
    n = len(indptr) - 1
    steps = np.arange(-(m - 1), m + 1)
    by_step = step_costs(steps, s, order)  # by_step[step + m - 1]
    margin = float(by_step.max() - by_step.min())
    best = np.full(m + 1, -np.inf)
    best[0] = 0.0
    top = 0.0
    live = np.zeros(1, dtype=np.int64)  # states (last column + 1) that can still be some link's best predecessor
    is_live = np.zeros(m + 1, dtype=bool)
    is_live[0] = True
    came_from = np.zeros(len(cols), dtype=np.int64)
    linked = np.zeros(len(cols), dtype=bool)
    for i in range(n):
        lo, hi = int(indptr[i]), int(indptr[i + 1])
        if lo == hi:
            continue
        js = cols[lo:hi]
        options = best[live][:, None] + by_step[js[None, :] - live[:, None] + m]
        pick = options.argmax(axis=0)
        came_from[lo:hi] = live[pick]
        as_link = options[pick, np.arange(hi - lo)] + gain[lo:hi]
        won = as_link > best[js + 1]
        linked[lo:hi] = won
        if won.any():
            best[js[won] + 1] = as_link[won]
            is_live[js[won] + 1] = True
            top = max(top, float(as_link[won].max()))
            live = np.flatnonzero(is_live)
            out = best[live] < top - margin
            if out.any():
                is_live[live[out]] = False
                live = live[~out]
    pairs: list[tuple[int, int]] = []
    state = int(best.argmax())
    for i in range(n - 1, -1, -1):
        lo, hi = int(indptr[i]), int(indptr[i + 1])
        if state == 0 or lo == hi:
            continue
        at = lo + int(np.searchsorted(cols[lo:hi], state - 1))
        if at < hi and cols[at] == state - 1 and linked[at]:
            pairs.append((i, state - 1))
            state = int(came_from[at])
    return pairs[::-1]
