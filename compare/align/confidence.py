"""Evidence a reader can check, and a calibrated probability for each pairing (pure numpy; no model, no I/O).

A pairing is allowed only with evidence in its two sentences (``evidence_gate``): content words they share
(names, numbers, rare words) or a similarity clearly above what the other sentence pairs of the same two
documents reach (``null_z``: the cosine against that pair's own distribution, median and MAD, since nearly
all sentence pairs of two documents are not counterparts). Position never enters the gate, so it can order
and break ties in the walk but never create a pairing alone.

Each pairing the walk proposes then gets a probability of being right (``pairing_confidence``): the document
pair's prior (``counterpart_prior``: how much of the two texts has any counterpart, estimated per pair from its
clear mutual best partners) times the odds of a logistic model (Platt scaling) over evidence without position (cosine, its place in the pair's null, how it stands
against each sentence's other candidates, shared words, shared phrases, the aligner's log-odds without the position terms)
and over what the document pair has in common as a whole (how much of the smaller text has a mutual best
counterpart, whether the clear counterparts keep one order, relatedness, sizes). The weights live in
``AlignSettings.confidence_weights``; ``benchmarks/train_aligner.py --calibrate`` fits them on training data
only and prints a reliability table on held-out data.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

import numpy as np

from .scoring import content_vocabulary, word_stems

__all__ = [
    "CONFIDENCE_FEATURES",
    "anchor_count",
    "confidence_features",
    "counterpart_prior",
    "evidence_gate",
    "mutual_best_share",
    "null_z",
    "pairing_confidence",
    "shared_content",
    "shared_content_at",
    "shared_phrases",
]

CONFIDENCE_FEATURES: tuple[str, ...] = (
    "cos",
    "null_z",
    "row_margin",
    "col_margin",
    "lexical",
    "log_shared_weight",
    "shared_rare",
    "shared_words",
    "coverage",
    "content_log_odds",
    "order",
    "relatedness",
    "size_ratio",
    "shared_phrase",
)
"""Names of the confidence model's inputs, in the order of ``AlignSettings.confidence_weights``.

All but the last come from ``confidence_features``; ``shared_phrase`` (``shared_phrases``) is taken at the chosen
pairings only, by the dense and the sparse walk alike."""


def null_z(cos: np.ndarray) -> np.ndarray:
    """Return each cosine's distance above the pair's own null, in robust standard deviations (median, MAD)."""
    if cos.size == 0:
        return np.zeros_like(cos, dtype=np.float64)
    med = float(np.median(cos))
    mad = float(np.median(np.abs(cos - med))) * 1.4826 + 1e-6
    out: np.ndarray = (cos.astype(np.float64) - med) / mad
    return out


def shared_content(ta: Sequence[str], tb: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return (n, m) matrices: how many content stems two sentences share, how many of them are rare (in at most
    two sentences of the pair, or a number), and the log of their summed IDF weight plus one."""
    bags_a, bags_b, idf, rare = content_vocabulary(ta, tb)
    n, m = len(ta), len(tb)
    words, rares, weight = np.zeros((n, m)), np.zeros((n, m)), np.zeros((n, m))
    index_b: dict[str, list[int]] = {}
    for j, bag in enumerate(bags_b):
        for w in bag:
            index_b.setdefault(w, []).append(j)
    for i, bag in enumerate(bags_a):
        for w in sorted(bag):
            for j in index_b.get(w, ()):
                words[i, j] += 1
                rares[i, j] += w in rare
                weight[i, j] += idf[w]
    return words, rares, np.log1p(weight)


def shared_content_at(
    ta: Sequence[str], tb: Sequence[str], rows: np.ndarray, cols: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return ``shared_content``'s three values at the pairs (rows[k], cols[k]) only (long documents)."""
    bags_a, bags_b, idf, rare = content_vocabulary(ta, tb)
    words, rares, weight = np.zeros(len(rows)), np.zeros(len(rows)), np.zeros(len(rows))
    for k, (i, j) in enumerate(zip(rows.tolist(), cols.tolist())):
        common = sorted(bags_a[i] & bags_b[j])
        words[k] = len(common)
        rares[k] = sum(w in rare for w in common)
        weight[k] = sum(idf[w] for w in common)
    return words, rares, np.log1p(weight)


def shared_phrases(ta: Sequence[str], tb: Sequence[str], rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """Return, at each pair (rows[k], cols[k]), the log of one plus the summed IDF of the word pairs the two
    sentences share: consecutive word stems (``scoring.word_stems``) in both, the IDF over the pair's sentences.

    A repeated phrase ("a time of opportunity", "in the CSTO and the EAEU") is evidence a reader can check,
    and stronger than the same words scattered: two sentences on one topic share words ("sanctions", "West")
    far more often than they share a rare phrase.
    """
    grams_a = [set(zip(w, w[1:])) for w in (word_stems(t) for t in ta)]
    grams_b = [set(zip(w, w[1:])) for w in (word_stems(t) for t in tb)]
    df: Counter[tuple[str, str]] = Counter()
    for grams in grams_a + grams_b:
        df.update(grams)
    total = len(grams_a) + len(grams_b)
    out = np.zeros(len(rows))
    for k, (i, j) in enumerate(zip(rows.tolist(), cols.tolist())):
        weight = math.fsum(math.log((total + 1) / (df[g] + 0.5)) for g in sorted(grams_a[i] & grams_b[j]))
        out[k] = math.log1p(weight)
    return out


def evidence_gate(z: np.ndarray, words: np.ndarray, *, z_alone: float, z_with_word: float) -> np.ndarray:
    """Return where a pairing has checkable evidence: a similarity ``z_alone`` robust deviations above the
    pair's null, or two shared content words, or one shared content word with a similarity ``z_with_word``
    above the null."""
    gate: np.ndarray = (z >= z_alone) | (words >= 2) | ((words >= 1) & (z >= z_with_word))
    return gate


def _margin(cos: np.ndarray, axis: int, fill: float) -> np.ndarray:
    """Return how far each cosine stands above the best other cosine along ``axis`` (negative when another is better)."""
    srt = np.sort(cos, axis=axis)
    best = np.expand_dims(srt.take(-1, axis=axis), axis)
    second = np.expand_dims(srt.take(-2, axis=axis), axis) if cos.shape[axis] > 1 else np.full_like(best, fill)
    out: np.ndarray = cos - np.where(cos >= best, second, best)
    return out


def confidence_features(
    cos: np.ndarray, z: np.ndarray, lexical: np.ndarray, content: tuple[np.ndarray, np.ndarray, np.ndarray],
    content_log_odds: np.ndarray, order: float, related: float,
) -> np.ndarray:
    """Return the (n, m, len(CONFIDENCE_FEATURES) - 1) inputs of the confidence model: all but ``shared_phrase``,
    which the walk adds at its chosen pairings (``shared_phrases``).

    None depends on where a sentence stands. Three describe the document pair as a whole, so that a pairing
    is judged against how much the two texts have in common at all: ``order`` (``scoring.order_agreement``:
    do the clear counterparts keep one order, as in two tellings of one text), ``related``
    (``compare.align.relatedness``) and the log of the ratio of their sentence counts.
    """
    n, m = cos.shape
    fill = float(np.median(cos)) if cos.size else 0.0
    words, rares, weight = content
    coverage = mutual_best_share(cos)
    return np.stack(
        [
            cos.astype(np.float64),
            z,
            _margin(cos, 1, fill),
            _margin(cos, 0, fill),
            lexical.astype(np.float64),
            weight,
            rares,
            np.minimum(words, 4),
            np.full((n, m), coverage),
            np.maximum(content_log_odds, -10.0),
            np.full((n, m), order),
            np.full((n, m), related),
            np.full((n, m), abs(math.log(n / m))),
        ],
        axis=-1,
    )


def mutual_best_share(cos: np.ndarray) -> float:
    """Return the share of the smaller text's sentences whose best partner has them as its best partner too:
    near 1 for two tellings of one text, low where one text is mostly commentary the other lacks."""
    n, m = cos.shape
    if not n or not m:
        return 0.0
    best_b, best_a = cos.argmax(axis=1), cos.argmax(axis=0)
    mutual = int((best_a[best_b] == np.arange(n)).sum())
    return float(mutual / min(n, m))


def anchor_count(row_best: np.ndarray, row_arg: np.ndarray, col_arg: np.ndarray, anchor: float) -> int:
    """Return how many sentence pairs are each other's best partner with a cosine of at least ``anchor``.

    ``row_best``/``row_arg``: each a sentence's best cosine in b and its column; ``col_arg``: each b sentence's
    best row (the first on ties, as ``argmax`` gives them).
    """
    if not len(row_arg):
        return 0
    mutual = col_arg[row_arg] == np.arange(len(row_arg))
    return int((mutual & (row_best >= anchor)).sum())


def counterpart_prior(anchors: int, smaller: int, strength: float, base: float) -> float:
    """Return the log prior odds that a pairing the walk proposes between two texts is right.

    How much of two texts has a counterpart at all decides how likely any proposed pairing is to be right
    before its own evidence is read: nearly all of two tellings of one fable, a small share of a commentary
    that quotes a speech. It is estimated per document pair from ``anchors``, the sentence pairs that are each
    other's best partner by a clear cosine (``anchor_count``), as a share of the ``smaller`` text, shrunk
    towards ``base`` (the share on the training pairs) with the weight of ``strength`` sentences, so a short
    text's few sentences move it little. The result is added to the evidence's log-odds
    (``pairing_confidence``): posterior odds = evidence odds x prior odds.
    """
    share = (anchors + strength * base) / (max(smaller, 0) + strength) if smaller + strength > 0 else base
    share = min(max(share, 0.02), 0.98)
    return math.log(share / (1.0 - share))


def pairing_confidence(
    features: np.ndarray, weights: Sequence[float], intercept: float, prior_log_odds: float = 0.0
) -> np.ndarray:
    """Return the calibrated probability that each pairing is right: the logistic of ``features @ weights +
    intercept + prior_log_odds`` (the document pair's ``counterpart_prior``, with its weight fixed at one)."""
    if len(weights) != features.shape[-1]:
        raise ValueError(f"{len(weights)} confidence weights for {features.shape[-1]} inputs ({', '.join(CONFIDENCE_FEATURES)})")
    logit = features @ np.asarray(weights, dtype=np.float64) + intercept + prior_log_odds
    out: np.ndarray = 1.0 / (1.0 + np.exp(-logit))
    return out
