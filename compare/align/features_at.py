"""The aligner's features at chosen sentence pairs, for long documents: no (n, m) arrays.

``pair_features_at`` returns what ``compare.align.scoring.pair_features`` returns at the pairs (rows[t], cols[t]):
the same features, the same formulas, from statistics of the whole cosine matrix gathered by row blocks
(``compare.align.sparse.cosine_stats``), the cosines around each pair, and the texts' rare-word overlap (``content_overlap``, sparse products by
row blocks). A feature changed or added in ``pair_features`` must be changed or added here too:
tests/test_sparse.py compares the two, feature by feature, on real texts, and a count mismatch raises.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from .scoring import FEATURES, FUNCTION_WORDS, TOKEN, merged_norms, word_stems
from .sparse import top_indices

__all__ = ["ContentOverlap", "content_overlap", "pair_features_at"]


@dataclass(frozen=True)
class ContentOverlap:
    """Rare-word overlap of two texts, as ``_content_recall`` weighs it, without (n, m) arrays."""

    stems_a: list[list[str]]
    """``word_stems`` of each a sentence."""
    stems_b: list[list[str]]
    bags_a: list[set[str]]
    bags_b: list[set[str]]
    idf: dict[str, float]
    weight_a: np.ndarray
    """(n,) each a sentence's rare-word weight (1 when it has none)."""
    weight_b: np.ndarray
    found_in_b: np.ndarray
    """(n,) share of each a sentence's weight found anywhere in b."""
    found_in_a: np.ndarray
    best_shared_a: np.ndarray
    """(n,) the most weight an a sentence shares with any one b sentence."""
    top_a: np.ndarray
    """(n, k) the b sentences sharing the most weight with each a sentence (-1: none shares any)."""
    top_b: np.ndarray
    """(m, k) the same for each b sentence."""

    a_idf: sparse.csr_matrix
    """(n, vocabulary) each a sentence's rare words, weighted by IDF."""
    b_ones: sparse.csr_matrix
    """(m, vocabulary) each b sentence's rare words, weight 1."""

    def shared(self, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        """Return the IDF weight each pair (rows[t], cols[t]) shares (as ``_content_recall``, summed in another order)."""
        out = np.empty(len(rows))
        for c0 in range(0, len(rows), 50_000):
            r, c = rows[c0 : c0 + 50_000], cols[c0 : c0 + 50_000]
            out[c0 : c0 + len(r)] = np.asarray(self.a_idf[r].multiply(self.b_ones[c]).sum(axis=1)).ravel()
        return out


def content_overlap(ta: Sequence[str], tb: Sequence[str], k: int, block: int = 512) -> ContentOverlap:
    """Return the rare-word overlap of ``ta`` and ``tb`` and each sentence's ``k`` best partners by it (row blocks)."""
    stems_a, stems_b = [word_stems(t) for t in ta], [word_stems(t) for t in tb]
    bags_a = [set(stems) - FUNCTION_WORDS for stems in stems_a]
    bags_b = [set(stems) - FUNCTION_WORDS for stems in stems_b]
    df: Counter[str] = Counter()
    for bag in bags_a + bags_b:
        df.update(bag)
    total = len(bags_a) + len(bags_b)
    idf = {w: math.log((total + 1) / (c + 0.5)) for w, c in df.items()}
    all_a, all_b = set().union(*bags_a), set().union(*bags_b)
    weight_a = np.array([math.fsum(idf[w] for w in bag) or 1.0 for bag in bags_a])
    weight_b = np.array([math.fsum(idf[w] for w in bag) or 1.0 for bag in bags_b])
    found_in_b = np.array([math.fsum(idf[w] for w in bag & all_b) for bag in bags_a]) / weight_a
    found_in_a = np.array([math.fsum(idf[w] for w in bag & all_a) for bag in bags_b]) / weight_b
    vocab = {w: c for c, w in enumerate(sorted(df))}

    def matrix(bags: list[set[str]], weighted: bool) -> sparse.csr_matrix:
        cols = [vocab[w] for bag in bags for w in sorted(bag)]
        data = [idf[w] if weighted else 1.0 for bag in bags for w in sorted(bag)]
        ptr = np.cumsum([0] + [len(bag) for bag in bags])
        return sparse.csr_matrix((data, cols, ptr), shape=(len(bags), max(len(vocab), 1)))

    a_idf, b_rows = matrix(bags_a, True), matrix(bags_b, False)
    b_ones = b_rows.T.tocsr()
    n, m = len(ta), len(tb)
    kk = min(k, m)
    best = np.zeros(n)
    top_a = np.full((n, kk), -1, dtype=np.int64)
    col_vals, col_idx = np.zeros((m, 0)), np.zeros((m, 0), dtype=np.int64)
    # A tiny negative ramp makes every entry distinct (argpartition is slow on the many zeros) and keeps zeros <= 0.
    ramp_b, ramp_a = np.arange(m) * -1e-12, np.arange(block) * -1e-12
    for r0 in range(0, n, block):
        approx = (a_idf[r0 : r0 + block] @ b_ones).toarray()
        rows = approx.shape[0]
        part = top_indices(approx + ramp_b, kk)
        top_a[r0 : r0 + rows] = np.where(np.take_along_axis(approx, part, axis=1) > 0, part, -1)
        ct = np.ascontiguousarray(approx.T) + ramp_a[:rows]
        part_c = top_indices(ct, min(k, rows))
        vals = np.concatenate([col_vals, np.take_along_axis(ct, part_c, axis=1)], axis=1)
        idx = np.concatenate([col_idx, part_c + r0], axis=1)
        keep = top_indices(vals, min(k, vals.shape[1]))
        col_vals, col_idx = np.take_along_axis(vals, keep, axis=1), np.take_along_axis(idx, keep, axis=1)
        best[r0 : r0 + rows] = approx.max(axis=1, initial=0.0)
    top_b = np.where(col_vals > 0, col_idx, -1)
    return ContentOverlap(
        stems_a, stems_b, bags_a, bags_b, idf, weight_a, weight_b, found_in_b, found_in_a, best, top_a, top_b, a_idf, b_rows
    )


def _lexical_at(stems_a: list[list[str]], stems_b: list[list[str]], rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """Return ``lexical_similarity(ta, tb)[rows, cols]`` without the (n, m) matrix (same IDF, weights, float64)."""
    sa = [Counter(stems) for stems in stems_a]
    sb = [Counter(stems) for stems in stems_b]
    df: Counter[str] = Counter()
    for bag in sa + sb:
        df.update(bag.keys())
    if not df:
        return np.zeros(len(rows))
    total = len(sa) + len(sb)
    vocab = {w: k for k, w in enumerate(sorted(df))}
    idf = np.array([math.log((total + 1) / (df[w] + 0.5)) for w in sorted(df)], dtype=np.float64)

    def matrix(bags: list[Counter[str]]) -> sparse.csr_matrix:
        cols_ = np.array([vocab[w] for bag in bags for w in bag], dtype=np.int64)
        tf = np.array([1 + math.log(c) for bag in bags for c in bag.values()], dtype=np.float64)
        ptr = np.cumsum([0] + [len(bag) for bag in bags])
        mat = sparse.csr_matrix((tf * idf[cols_], cols_, ptr), shape=(len(bags), len(vocab)), dtype=np.float64)
        norms = np.sqrt(np.asarray(mat.multiply(mat).sum(axis=1), dtype=np.float64).ravel())
        scaled: sparse.csr_matrix = sparse.diags(1 / np.maximum(norms, 1e-9)) @ mat
        return scaled.tocsr()

    ma, mb = matrix(sa), matrix(sb)
    out = np.empty(len(rows))
    for c0 in range(0, len(rows), 50_000):
        r, c = rows[c0 : c0 + 50_000], cols[c0 : c0 + 50_000]
        out[c0 : c0 + len(r)] = np.asarray(ma[r].multiply(mb[c]).sum(axis=1), dtype=np.float64).ravel()
    return out


def pair_features_at(
    va: np.ndarray,
    vb: np.ndarray,
    ta: Sequence[str],
    tb: Sequence[str],
    rows: np.ndarray,
    cols: np.ndarray,
    near: np.ndarray,
    stats: Sequence[np.ndarray],
    summary: tuple[float, float, float],
    overlap: ContentOverlap,
) -> np.ndarray:
    """Return ``pair_features(va, vb, ta, tb, order)[rows, cols]``, (K, len(FEATURES)), without (n, m) arrays.

    ``near`` holds the cosines at and around each pair (``compare.align.sparse.cosines_near``: at the pair, a row
    before and after, a column before and after, and both diagonal neighbours; NaN outside the texts); ``stats``
    the whole cosine matrix's row best, column best, row two-best mean and column two-best mean; ``summary`` its
    (mean, std, order agreement); ``overlap`` the texts' ``content_overlap``. The merged-neighbour cosines are
    ``merged_with_neighbours``' vectors against the other side, expanded into these cosines (equal up to rounding).
    """
    n, m = len(ta), len(tb)
    row_best, col_best, row_top2, col_top2 = stats
    mean, std, order = summary
    len_a = np.array([max(len(TOKEN.findall(t)), 1) for t in ta], dtype=np.float64)
    len_b = np.array([max(len(TOKEN.findall(t)), 1) for t in tb], dtype=np.float64)
    cos, up, down, left, right, before, after = (np.asarray(x, dtype=np.float64) for x in near)
    next_a, prev_a = merged_norms(va, len_a)
    next_b, prev_b = merged_norms(vb, len_b)
    wa, wb = len_a[rows], len_b[cols]
    wa_next = np.where(rows + 1 < n, len_a[np.minimum(rows + 1, n - 1)], 0.0)
    wa_prev = np.where(rows >= 1, len_a[np.maximum(rows - 1, 0)], 0.0)
    wb_next = np.where(cols + 1 < m, len_b[np.minimum(cols + 1, m - 1)], 0.0)
    wb_prev = np.where(cols >= 1, len_b[np.maximum(cols - 1, 0)], 0.0)
    merged_a = np.maximum(
        (wa * cos + wa_next * np.nan_to_num(down)) / next_a[rows], (wa * cos + wa_prev * np.nan_to_num(up)) / prev_a[rows]
    )
    merged_b = np.maximum(
        (wb * cos + wb_next * np.nan_to_num(right)) / next_b[cols], (wb * cos + wb_prev * np.nan_to_num(left)) / prev_b[cols]
    )
    if n > 1 and m > 1:
        diagonal = (np.where(np.isnan(before), mean, before) + np.where(np.isnan(after), mean, after)) / 2
    else:
        diagonal = np.full(len(rows), mean)
    position = order * np.abs((rows + 0.5) / n - (cols + 0.5) / m)
    log_a, log_b = np.log1p(len_a)[rows], np.log1p(len_b)[cols]
    shared = overlap.shared(rows, cols)
    recall_a = shared / overlap.weight_a[rows]
    features = [
        cos,
        _lexical_at(overlap.stems_a, overlap.stems_b, rows, cols).astype(np.float64),
        cos - row_best[rows],
        cos - col_best[cols],
        cos - (row_top2[rows] + col_top2[cols]) / 2,
        (cos - mean) / (std + 1e-6),
        merged_a,
        merged_b,
        merged_a - cos,
        merged_b - cos,
        diagonal,
        position,
        log_a,
        log_b,
        log_a - log_b,
        row_best[rows],
        col_best[cols],
        np.full(len(rows), math.log(n / m)),
        recall_a,
        shared / overlap.weight_b[cols],
        overlap.found_in_b[rows],
        overlap.found_in_a[cols],
        recall_a - overlap.best_shared_a[rows] / overlap.weight_a[rows],
    ]
    if len(features) != len(FEATURES):
        raise ValueError(f"pair_features_at computes {len(features)} features; FEATURES has {len(FEATURES)}")
    return np.stack(features, axis=-1)
