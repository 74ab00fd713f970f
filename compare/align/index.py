"""Nearest-neighbour search over all sentence vectors (FAISS): which document pairs share a close sentence.

Up to ``exact_max`` sentences the index is exact (``IndexFlatIP``); above it an HNSW graph, built on one
thread so that the same corpus always gives the same graph.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

__all__ = ["build_index", "candidate_pairs", "hits_to_pairs", "search_index", "stack_documents"]

_HNSW_LINKS = 32
"""Graph degree of the HNSW index (FAISS's ``M``)."""


def build_index(vectors: np.ndarray, *, exact_max: int = 20_000) -> Any:
    """Return a FAISS inner-product index over ``vectors`` ((n, dim) float32, L2-normalised): exact up to ``exact_max`` rows."""
    import faiss

    n, dim = vectors.shape
    x = np.ascontiguousarray(vectors, dtype=np.float32)
    if n <= exact_max:
        flat = faiss.IndexFlatIP(dim)
        flat.add(x)
        return flat
    index = faiss.IndexHNSWFlat(dim, _HNSW_LINKS, faiss.METRIC_INNER_PRODUCT)
    index.hnsw.efConstruction = 80
    threads = faiss.omp_get_max_threads()
    faiss.omp_set_num_threads(1)  # parallel insertion makes the graph depend on thread timing
    try:
        index.add(x)
    finally:
        faiss.omp_set_num_threads(threads)
    return index


def search_index(index: Any, queries: np.ndarray, neighbours: int) -> tuple[np.ndarray, np.ndarray]:
    """Return (cosines, row indices) of each query's ``neighbours`` + 1 nearest rows (itself included), best first."""
    k = min(neighbours + 1, index.ntotal)
    if hasattr(index, "hnsw"):
        index.hnsw.efSearch = max(64, 2 * k)
    cos, idx = index.search(np.ascontiguousarray(queries, dtype=np.float32), k)
    return cos, idx


def hits_to_pairs(
    query_docs: np.ndarray, cos: np.ndarray, idx: np.ndarray, doc_of: np.ndarray, min_cosine: float
) -> set[tuple[int, int]]:
    """Return document pairs (i < j) joined by a hit of at least ``min_cosine`` between two documents.

    ``query_docs`` is the document of each query row; ``doc_of`` the document of each indexed row.
    """
    rows = np.repeat(query_docs, idx.shape[1])
    cols = idx.ravel()
    keep = (cols >= 0) & (cos.ravel() >= min_cosine)
    da, db = rows[keep], doc_of[cols[keep]]
    cross = da != db
    lo, hi = np.minimum(da[cross], db[cross]), np.maximum(da[cross], db[cross])
    return {(int(i), int(j)) for i, j in set(zip(lo.tolist(), hi.tolist()))}


def stack_documents(doc_vectors: Sequence[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Return all sentence vectors in one (n, dim) array and the document number of each row."""
    doc_of = np.repeat(np.arange(len(doc_vectors)), [v.shape[0] for v in doc_vectors])
    return np.concatenate([v for v in doc_vectors if v.shape[0]], axis=0), doc_of


def candidate_pairs(doc_vectors: Sequence[np.ndarray], neighbours: int, min_cosine: float) -> set[tuple[int, int]]:
    """Return document pairs (i < j) with a sentence neighbour across them at ``min_cosine`` or more."""
    if sum(v.shape[0] for v in doc_vectors) == 0:
        return set()
    stacked, doc_of = stack_documents(doc_vectors)
    cos, idx = search_index(build_index(stacked), stacked, neighbours)
    return hits_to_pairs(doc_of, cos, idx, doc_of, min_cosine)
