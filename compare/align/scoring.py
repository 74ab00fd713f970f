"""Score every candidate sentence pair of two texts: evidence from vectors and words, weighed into log-odds.

Pure numpy; no model, no I/O. ``pair_features`` turns the two sides' vectors and texts into a stack of
(n, m) feature matrices, each one piece of evidence a careful annotator would weigh:

- the plain cosine, and how it compares with each sentence's best alternatives (a "hub" sentence that is
  similar to everything gains nothing: the CSLS-style margin and the gaps to the row and column best);
- the cosine relative to this pair of texts (z-score), so that two loosely related retellings and two close
  translations are judged on their own scale rather than by one global threshold;
- shared rare words, names and numbers (TF-IDF over word stems; function words weigh nothing), and how much
  of each sentence's rare-word weight the other sentence, or the other text as a whole, repeats: a sentence
  whose content appears nowhere in the other text is probably not reported there;
- merged neighbours: the sentence joined with the one before or after it, against the other side, so that
  one sentence can pair with two when a retelling merges or splits them (Vecalign/Bertalign overlaps,
  approximated by the length-weighted sum of the two sentence vectors);
- the neighbours' agreement (are the sentences before and after also similar?) and relative position, the
  latter weighed by how far the two texts keep one order (``order_agreement``): a retelling that follows its
  source closely is judged by position, a readout that moves whole passages about is not;
- lengths.

``link_log_odds`` weighs them with a logistic model (``AlignSettings.weights``) into the log-odds that the
two sentences report the same statement. The weights were fitted on the GNAT Aesop gold by
``benchmarks/train_aligner.py``, which also prints their cross-validated quality.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

import numpy as np

__all__ = [
    "FEATURES",
    "FUNCTION_WORDS",
    "TOKEN",
    "content_vocabulary",
    "lexical_similarity",
    "link_log_odds",
    "merged_norms",
    "merged_with_neighbours",
    "order_agreement",
    "pair_features",
    "run_order_agreement",
    "walk_order",
    "word_stems",
]

_TOKEN = re.compile(r"\w+", re.UNICODE)

FEATURES: tuple[str, ...] = (
    "cos",
    "lexical",
    "row_gap",
    "col_gap",
    "margin",
    "z",
    "merged_a",
    "merged_b",
    "merged_a_gain",
    "merged_b_gain",
    "diagonal",
    "position",
    "log_len_a",
    "log_len_b",
    "log_len_ratio",
    "row_best",
    "col_best",
    "log_size_ratio",
    "recall_a",
    "recall_b",
    "found_in_b",
    "found_in_a",
    "recall_a_gap",
)
"""Names of the features, in the order of ``pair_features``' last axis and of ``AlignSettings.weights``."""


def word_stems(text: str) -> list[str]:
    """Return crude stems of the words of ``text``: lower-cased, cut to six characters (numbers whole)."""
    return [t if t.isdigit() else t[:6] for t in _TOKEN.findall(text.lower())]


def lexical_similarity(a: Sequence[str], b: Sequence[str]) -> np.ndarray:
    """Return the (n, m) TF-IDF cosine of word stems between every a and b sentence, IDF over both texts."""
    sa = [Counter(word_stems(t)) for t in a]
    sb = [Counter(word_stems(t)) for t in b]
    df: Counter[str] = Counter()
    for bag in sa + sb:
        df.update(bag.keys())
    if not df:
        return np.zeros((len(a), len(b)), dtype=np.float64)
    n = len(sa) + len(sb)
    words = sorted(df)
    vocab = {w: k for k, w in enumerate(words)}
    idf = np.array([math.log((n + 1) / (df[w] + 0.5)) for w in words], dtype=np.float64)

    def matrix(bags: list[Counter[str]]) -> np.ndarray:
        m = np.zeros((len(bags), len(vocab)), dtype=np.float64)
        for r, bag in enumerate(bags):
            for w, c in bag.items():
                m[r, vocab[w]] = (1 + math.log(c)) * idf[vocab[w]]
        normed: np.ndarray = m / np.maximum(np.linalg.norm(m, axis=1, keepdims=True), 1e-9)
        return normed

    sim: np.ndarray = matrix(sa) @ matrix(sb).T
    return sim


def order_agreement(cos: np.ndarray, anchor: float = 0.5) -> float:
    """Return how far two texts keep the same order, 0 (shuffled or reversed) to 1 (same order).

    Anchors are mutual best pairs with a cosine of at least ``anchor``; the result is Kendall's tau over the
    anchors' positions, clipped at 0. With fewer than three anchors there is no evidence of reordering: 1.
    """
    if cos.size == 0:
        return 1.0
    anchors = _anchors(cos, anchor)
    if len(anchors) < 3:
        return 1.0
    a = np.array([i for i, _ in anchors])[:, None]
    b = np.array([j for _, j in anchors])[:, None]
    agree = np.sign(a - a.T) * np.sign(b - b.T)
    upper = np.triu_indices(len(anchors), 1)
    tau = float(agree[upper].mean())
    return min(max(tau, 0.0), 1.0)


def _anchors(cos: np.ndarray, anchor: float) -> list[tuple[int, int]]:
    """Return the mutual best pairs (i, j) with a cosine of at least ``anchor``, in a's order."""
    best_b = cos.argmax(axis=1)
    best_a = cos.argmax(axis=0)
    return [(i, int(j)) for i, j in enumerate(best_b) if best_a[j] == i and cos[i, j] >= anchor]


def run_order_agreement(cos: np.ndarray, anchor: float = 0.5) -> float:
    """Return how far two texts keep one order within runs, 0 (no run) to 1 (every step forward).

    The anchors of ``order_agreement`` taken in a's order: the share of consecutive anchors whose b positions
    step forward, as 2 * share - 1, clipped at 0 (a shuffle steps forward half the time). A readout that moves
    whole passages about but keeps each passage in order scores high here and low on ``order_agreement``.
    With fewer than three anchors: 1.
    """
    if cos.size == 0:
        return 1.0
    return run_order_of([j for _, j in _anchors(cos, anchor)])


def run_order_of(b_positions: Sequence[int]) -> float:
    """Return ``run_order_agreement`` from the anchors' b positions in a's order."""
    if len(b_positions) < 3:
        return 1.0
    forward = float((np.diff(np.asarray(b_positions)) > 0).mean())
    return min(max(2.0 * forward - 1.0, 0.0), 1.0)


def walk_order(order: float, run_order: float) -> float:
    """Return the order that scales the walk's jump costs: the larger of the global and the within-run agreement,
    so that local order is preferred inside passages a text kept together, wherever it moved them."""
    return max(order, run_order)


FUNCTION_WORDS = frozenset(
    "a an and are as at be been but by for from had has have he her here him his i if in is it its me my no not "
    "of on or our she so than that the their them then there they this to was we were what when which who will "
    "with would you your".split()
)


def content_vocabulary(
    ta: Sequence[str], tb: Sequence[str]
) -> tuple[list[set[str]], list[set[str]], dict[str, float], set[str]]:
    """Return each sentence's content stems, their IDF over the pair's sentences, and the rare ones (in at most two
    sentences, or a number)."""
    bags_a = [set(word_stems(t)) - FUNCTION_WORDS for t in ta]
    bags_b = [set(word_stems(t)) - FUNCTION_WORDS for t in tb]
    df: Counter[str] = Counter()
    for bag in bags_a + bags_b:
        df.update(bag)
    total = len(bags_a) + len(bags_b)
    idf = {w: math.log((total + 1) / (c + 0.5)) for w, c in df.items()}
    rare = {w for w, c in df.items() if c <= 2 or w.isdigit()}
    return bags_a, bags_b, idf, rare


def _content_recall(ta: Sequence[str], tb: Sequence[str]) -> list[np.ndarray]:
    """Return (n, m) matrices: the share of a's rare-word weight found in b's sentence, and the reverse; the
    share of each sentence's weight found anywhere in the other text (constant along the other axis)."""
    bags_a, bags_b, idf, _ = content_vocabulary(ta, tb)
    n, m = len(ta), len(tb)
    recall_a, recall_b = np.zeros((n, m)), np.zeros((n, m))
    found_in_b, found_in_a = np.zeros((n, m)), np.zeros((n, m))
    all_a, all_b = set().union(*bags_a), set().union(*bags_b)
    weight_b = [math.fsum(idf[w] for w in bag) or 1.0 for bag in bags_b]
    for i, bag in enumerate(bags_a):
        weight = math.fsum(idf[w] for w in bag) or 1.0
        found_in_b[i, :] = math.fsum(idf[w] for w in bag & all_b) / weight
        for j, other in enumerate(bags_b):
            shared = math.fsum(idf[w] for w in bag & other)
            recall_a[i, j] = shared / weight
            recall_b[i, j] = shared / weight_b[j]
    for j, bag in enumerate(bags_b):
        found_in_a[:, j] = math.fsum(idf[w] for w in bag & all_a) / weight_b[j]
    return [recall_a, recall_b, found_in_b, found_in_a, recall_a - recall_a.max(axis=1, keepdims=True)]


def _normed(v: np.ndarray) -> np.ndarray:
    out: np.ndarray = v / np.maximum(np.linalg.norm(v, axis=-1, keepdims=True), 1e-9)
    return out


def _merged_with_neighbours(vectors: np.ndarray, lengths: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Return each sentence merged with the next one and with the previous one (length-weighted vector sums)."""
    weighted = vectors * lengths[:, None]
    zero = np.zeros_like(weighted[:1])
    after = np.concatenate([weighted[1:], zero]) if len(weighted) else weighted
    before = np.concatenate([zero, weighted[:-1]]) if len(weighted) else weighted
    return _normed(weighted + after), _normed(weighted + before)


def merged_norms(vectors: np.ndarray, lengths: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Return the norms ``merged_with_neighbours`` divides by: of each sentence merged with the next and the previous."""
    weighted = vectors.astype(np.float64) * lengths[:, None]
    zero = np.zeros_like(weighted[:1])
    after = np.concatenate([weighted[1:], zero]) if len(weighted) else weighted
    before = np.concatenate([zero, weighted[:-1]]) if len(weighted) else weighted
    norms = (np.linalg.norm(weighted + after, axis=-1), np.linalg.norm(weighted + before, axis=-1))
    return np.maximum(norms[0], 1e-9), np.maximum(norms[1], 1e-9)


def _merged_cosines(
    va: np.ndarray, vb: np.ndarray, cos: np.ndarray, len_a: np.ndarray, len_b: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Return the cosine of each a sentence merged with its next or previous one (the better) against each b sentence,
    and the same for b: ``merged_with_neighbours``' vectors against the other side, expanded into the pair's cosines
    (``(w_i cos_ij + w_i+1 cos_i+1,j) / |w_i a_i + w_i+1 a_i+1|``), as ``compare.align.features_at`` computes them."""
    n, m = cos.shape
    next_a, prev_a = merged_norms(va, len_a)
    next_b, prev_b = merged_norms(vb, len_b)
    zero_row, zero_col = np.zeros((1, m)), np.zeros((n, 1))
    down, up = np.concatenate([cos[1:], zero_row]), np.concatenate([zero_row, cos[:-1]])
    right, left = np.concatenate([cos[:, 1:], zero_col], axis=1), np.concatenate([zero_col, cos[:, :-1]], axis=1)
    wa, wb = len_a[:, None], len_b[None, :]
    wa_next, wa_prev = np.append(len_a[1:], 0.0)[:, None], np.insert(len_a[:-1], 0, 0.0)[:, None]
    wb_next, wb_prev = np.append(len_b[1:], 0.0)[None, :], np.insert(len_b[:-1], 0, 0.0)[None, :]
    merged_a = np.maximum((wa * cos + wa_next * down) / next_a[:, None], (wa * cos + wa_prev * up) / prev_a[:, None])
    merged_b = np.maximum((wb * cos + wb_next * right) / next_b[None, :], (wb * cos + wb_prev * left) / prev_b[None, :])
    return merged_a, merged_b


def _shifted(matrix: np.ndarray, d: int, fill: float) -> np.ndarray:
    """Return ``out[i, j] = matrix[i + d, j + d]`` (``fill`` outside)."""
    n, m = matrix.shape
    out = np.full_like(matrix, fill)
    if d > 0 and n > d and m > d:
        out[: n - d, : m - d] = matrix[d:, d:]
    elif d < 0 and n > -d and m > -d:
        out[-d:, -d:] = matrix[: n + d, : m + d]
    return out


def pair_features(
    va: np.ndarray, vb: np.ndarray, ta: Sequence[str], tb: Sequence[str], order: float | None = None
) -> np.ndarray:
    """Return the (n, m, len(FEATURES)) evidence for every pair of an a sentence and a b sentence.

    ``va`` (n, dim) and ``vb`` (m, dim) are L2-normalised sentence vectors; ``ta``/``tb`` their texts;
    ``order`` the texts' ``order_agreement`` (computed when not given).
    """
    n, m = len(ta), len(tb)
    cos = (va @ vb.T).astype(np.float64)
    if order is None:
        order = order_agreement(cos)
    len_a = np.array([max(len(_TOKEN.findall(t)), 1) for t in ta], dtype=np.float64)
    len_b = np.array([max(len(_TOKEN.findall(t)), 1) for t in tb], dtype=np.float64)
    row_best = cos.max(axis=1, keepdims=True)
    col_best = cos.max(axis=0, keepdims=True)
    row_top2 = np.sort(cos, axis=1)[:, -2:].mean(axis=1, keepdims=True)
    col_top2 = np.sort(cos, axis=0)[-2:, :].mean(axis=0, keepdims=True)
    merged_a, merged_b = _merged_cosines(va, vb, cos, len_a, len_b)
    mean = float(cos.mean())
    diagonal = (_shifted(cos, -1, mean) + _shifted(cos, 1, mean)) / 2
    position = order * np.abs((np.arange(n)[:, None] + 0.5) / n - (np.arange(m)[None, :] + 0.5) / m)
    log_a = np.log1p(len_a)[:, None] * np.ones((1, m))
    log_b = np.log1p(len_b)[None, :] * np.ones((n, 1))
    features = [
        cos,
        lexical_similarity(ta, tb).astype(np.float64),
        cos - row_best,
        cos - col_best,
        cos - (row_top2 + col_top2) / 2,
        (cos - mean) / (float(cos.std()) + 1e-6),
        merged_a,
        merged_b,
        merged_a - cos,
        merged_b - cos,
        diagonal,
        position,
        log_a,
        log_b,
        log_a - log_b,
        row_best * np.ones((1, m)),
        col_best * np.ones((n, 1)),
        np.full((n, m), math.log(n / m)),
        *_content_recall(ta, tb),
    ]
    return np.stack(features, axis=-1)


def link_log_odds(features: np.ndarray, weights: Sequence[float], intercept: float) -> np.ndarray:
    """Return the (n, m) log-odds that each pair reports the same statement: ``features @ weights + intercept``."""
    if len(weights) != features.shape[-1]:
        raise ValueError(f"{len(weights)} weights for {features.shape[-1]} features ({', '.join(FEATURES)})")
    return features @ np.asarray(weights, dtype=np.float64) + intercept


# Public names for compare.align.features_at, which computes the same features at chosen pairs (long documents):
# it uses these very objects, so a change here reaches both.

merged_with_neighbours = _merged_with_neighbours
TOKEN = _TOKEN
