"""The long-document aligner (compare.align.sparse) gives the dense aligner's links.

Pure tests: the walk over candidates against the dense walk on random log-odds (with holes), the features at
chosen pairs against ``pair_features`` (real GNAT texts, random vectors), and whole alignments on random vectors.
Model tests: every GNAT gold pair and every pair of seed documents, real model, the two paths' links identical.
"""

from __future__ import annotations

from itertools import combinations
from pathlib import Path

import numpy as np
import pytest

from compare.align import AlignInput, align_inputs, align_vectors
from compare.align.features_at import content_overlap, pair_features_at
from compare.align.scoring import FEATURES, pair_features
from compare.align.sparse import cosine_stats, cosines_near, walk_candidates
from compare.align.walk import _viterbi
from compare.embed import EmbeddingCache, embed_texts
from compare.pipeline import read_units
from compare.progress import Silent
from compare.settings import AlignSettings, Settings
from tools.evaluate import load_gnat

ROOT = Path(__file__).resolve().parent.parent
DENSE = AlignSettings(dense_below=10**9)
SPARSE = AlignSettings(dense_below=0)


def _unit(rng: np.random.Generator, n: int, dim: int = 24) -> np.ndarray:
    v = rng.normal(size=(n, dim)).astype(np.float32)
    out: np.ndarray = v / np.linalg.norm(v, axis=1, keepdims=True)
    return out


@pytest.mark.parametrize(
    "settings",
    [AlignSettings(), AlignSettings(stay_penalty=0.7, back_step_penalty=0.05, skip_penalty=0.3, back_penalty=1.5)],
)
def test_the_walk_over_candidates_is_the_dense_walk(settings: AlignSettings) -> None:
    rng = np.random.default_rng(7)
    for trial in range(60):
        n, m = int(rng.integers(1, 40)), int(rng.integers(1, 40))
        log_odds = rng.normal(size=(n, m)) * float(rng.choice([0.5, 2.0, 5.0])) - float(rng.choice([0.0, 2.0]))
        log_odds[rng.random((n, m)) < rng.random()] = -np.inf  # pairs that are not candidates
        order = float(rng.choice([0.0, 0.4, 1.0]))
        rows, cols = np.nonzero(np.isfinite(log_odds))
        indptr = np.searchsorted(rows, np.arange(n + 1))
        sparse = walk_candidates(indptr, cols, log_odds[rows, cols] - settings.link_threshold, m, settings, order)
        assert sparse == _viterbi(log_odds, settings, order), trial


def test_features_at_pairs_are_those_of_the_dense_stack() -> None:
    rng = np.random.default_rng(3)
    for pair in load_gnat(ROOT / "data" / "gnat_aesop")[:12]:
        ta, tb = list(pair.a), list(pair.b)
        va, vb = _unit(rng, len(ta)), _unit(rng, len(tb))
        vb[: min(len(ta), len(tb))] += va[: min(len(ta), len(tb))]  # some true partners
        vb /= np.linalg.norm(vb, axis=1, keepdims=True)
        dense = pair_features(va, vb, ta, tb)
        stats = cosine_stats(va, vb, 4, block=5)  # small blocks: the statistics must not depend on them
        overlap = content_overlap(ta, tb, 4, block=3)
        rows, cols = np.divmod(np.arange(len(ta) * len(tb)), len(tb))
        near = cosines_near(va, vb, rows, cols, block=4)
        at = pair_features_at(
            va, vb, ta, tb, rows, cols, near, (stats.row_best, stats.col_best, stats.row_top2, stats.col_top2),
            (stats.mean, stats.std, stats.order), overlap,
        )
        flat = dense.reshape(-1, len(FEATURES))
        for k, name in enumerate(FEATURES):
            assert np.allclose(at[:, k], flat[:, k], rtol=0, atol=1e-5), (pair.name, name)


def test_sparse_alignment_equals_dense_on_random_near_parallel_texts() -> None:
    rng = np.random.default_rng(11)
    pairs = load_gnat(ROOT / "data" / "gnat_aesop")
    for pair in pairs[:20]:
        ta, tb = list(pair.a), list(pair.b)
        va = _unit(rng, len(ta))
        source = rng.permutation(len(ta))[: len(tb)] if len(ta) >= len(tb) else rng.integers(0, len(ta), len(tb))
        vb = va[np.sort(source)] + 0.6 * _unit(rng, len(tb))
        vb /= np.linalg.norm(vb, axis=1, keepdims=True)
        a, b = AlignInput(va, ta), AlignInput(vb.astype(np.float32), tb)
        assert align_vectors(a, b, SPARSE) == align_vectors(a, b, DENSE), pair.name


def test_long_random_pair_is_aligned_without_dense_arrays() -> None:
    """A pair too long for the dense walk's arrays in a test (1,500 x 1,200) runs, and links its parallel part."""
    rng = np.random.default_rng(5)
    n, m = 1500, 1200
    va = _unit(rng, n)
    source = np.sort(rng.choice(n, m, replace=False))
    vb = va[source] + 0.4 * _unit(rng, m)
    vb /= np.linalg.norm(vb, axis=1, keepdims=True)
    ta = [f"sentence {i} about the topic number {i % 97}" for i in range(n)]
    tb = [ta[i] for i in source]
    links, related = align_vectors(AlignInput(va, ta), AlignInput(vb.astype(np.float32), tb), SPARSE)
    right = {(int(source[j]), j) for j in range(m)}
    found = {(i, j) for lk in links for i in lk.a for j in lk.b}
    assert len(found & right) > 0.9 * m and len(found - right) < 0.05 * m and related > 0.8


def _vectors(texts: list[str], embedder: object, cache_dir: Path, sha: str) -> np.ndarray:
    cache = EmbeddingCache(cache_dir, sha)
    try:
        vectors, _ = embed_texts(texts, embedder, cache=cache)  # type: ignore[arg-type]
    finally:
        cache.close()
    return vectors


@pytest.mark.model
def test_sparse_links_equal_dense_links_on_every_gnat_pair(real_embedder, model_info, session_cache) -> None:
    pairs = load_gnat(ROOT / "data" / "gnat_aesop")
    texts = [" ".join(t.split()) for p in pairs for t in (*p.a, *p.b)]
    vectors = _vectors(texts, real_embedder, session_cache, model_info.sha256)
    pos, compared = 0, 0
    for p in pairs:
        na, nb = len(p.a), len(p.b)
        a = AlignInput(vectors[pos : pos + na], texts[pos : pos + na])
        b = AlignInput(vectors[pos + na : pos + na + nb], texts[pos + na : pos + na + nb])
        pos += na + nb
        assert align_vectors(a, b, SPARSE) == align_vectors(a, b, DENSE), p.name
        compared += 1
    assert compared == len(pairs) == 153


@pytest.mark.model
def test_sparse_links_equal_dense_links_on_every_seed_pair(real_embedder, model_info, session_cache) -> None:
    reading = read_units(ROOT / "corpus", Settings(cache_dir=None), Silent())
    vectors = _vectors(reading.model_texts(), real_embedder, session_cache, model_info.sha256)
    inputs = align_inputs(reading.documents, reading.units, reading.sentences, vectors)
    ids = [d.id for d in reading.documents]
    assert len(ids) == 5
    linked = 0
    for x, y in combinations(ids, 2):
        sparse, dense = align_vectors(inputs[x], inputs[y], SPARSE), align_vectors(inputs[x], inputs[y], DENSE)
        assert sparse == dense, (x, y)
        linked += len(dense[0])
    assert linked > 100  # the seed pairs do have links: the comparison is not between two empty lists
