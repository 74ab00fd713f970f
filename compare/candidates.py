"""Group documents into events from a nearest-neighbour index over their sentence vectors.

Comparing every document with every other grows with the square of the corpus. Instead, each sentence asks
a FAISS index for its ``neighbours`` nearest sentences; two documents are a candidate pair only when one
sentence of one has a neighbour in the other at a cosine of at least the event threshold. Only candidate
pairs have their relatedness computed (exactly, as ``compare.align.relatedness``), and documents join one
event when a candidate pair reaches the threshold, transitively (``compare.align.event_groups``). Since a
pair's relatedness (a mean of best cosines) can reach the threshold only if its best cosine does, a pair
left out can never join two documents (up to the index's recall), so small corpora group exactly as the
all-pairs comparison did.

Up to ``exact_max`` sentences the index is exact (``IndexFlatIP``); above it an HNSW graph, built on one
thread so that the same corpus always gives the same graph.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .align import event_groups, relatedness

__all__ = [
    "EventPlan",
    "build_index",
    "candidate_pairs",
    "hits_to_pairs",
    "plan_events",
    "search_index",
    "stack_documents",
]

_HNSW_LINKS = 32
"""Graph degree of the HNSW index (FAISS's ``M``)."""


@dataclass(frozen=True)
class EventPlan:
    """Which documents report one event, and which document pairs to align and report."""

    groups: tuple[int, ...]
    """Event number of each document (in input order); a document related to no other is an event of its own."""
    pairs: tuple[tuple[int, int], ...]
    """Document pairs (i < j, sorted) to report: every pair when there is at most one multi-document event
    (the single-event report, as before), else only the pairs inside each multi-document event."""
    related: dict[tuple[int, int], float]
    """Exact relatedness of every pair in ``pairs`` (and of the candidate pairs found)."""
    candidates: int
    """How many document pairs the index proposed (for benchmarks)."""

    @property
    def multi_event(self) -> bool:
        """Whether the corpus holds two or more events of at least two documents."""
        sizes: dict[int, int] = {}
        for g in self.groups:
            sizes[g] = sizes.get(g, 0) + 1
        return sum(1 for n in sizes.values() if n >= 2) >= 2


def build_index(vectors: np.ndarray, *, exact_max: int = 20_000):  # type: ignore[no-untyped-def]
    """Return a FAISS inner-product index over ``vectors`` ((n, dim) float32, L2-normalised): exact up to ``exact_max`` rows."""
    import faiss

    n, dim = vectors.shape
    x = np.ascontiguousarray(vectors, dtype=np.float32)
    if n <= exact_max:
        index = faiss.IndexFlatIP(dim)
        index.add(x)
        return index
    index = faiss.IndexHNSWFlat(dim, _HNSW_LINKS, faiss.METRIC_INNER_PRODUCT)
    index.hnsw.efConstruction = 80
    threads = faiss.omp_get_max_threads()
    faiss.omp_set_num_threads(1)  # parallel insertion makes the graph depend on thread timing
    try:
        index.add(x)
    finally:
        faiss.omp_set_num_threads(threads)
    return index


def search_index(index, queries: np.ndarray, neighbours: int) -> tuple[np.ndarray, np.ndarray]:  # type: ignore[no-untyped-def]
    """Return (cosines, row indices) of each query's ``neighbours`` + 1 nearest rows (itself included), best first."""
    k = min(neighbours + 1, index.ntotal)
    if hasattr(index, "hnsw"):
        index.hnsw.efSearch = max(64, 2 * k)
    return index.search(np.ascontiguousarray(queries, dtype=np.float32), k)


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


def plan_events(
    doc_vectors: Sequence[np.ndarray],
    *,
    top: int,
    threshold: float,
    neighbours: int,
    found: set[tuple[int, int]] | None = None,
) -> EventPlan:
    """Group documents into events and choose the pairs to align (see the module docstring).

    ``found`` gives the candidate pairs when they were searched elsewhere (the Spark engine).
    """
    n = len(doc_vectors)

    def rel(i: int, j: int) -> float:
        a, b = doc_vectors[i], doc_vectors[j]
        return relatedness(a @ b.T, top) if a.shape[0] and b.shape[0] else 0.0

    if found is None:
        found = candidate_pairs(doc_vectors, neighbours, threshold)
    related = {p: rel(*p) for p in sorted(found)}
    groups = tuple(event_groups(related, n, threshold))
    plan = EventPlan(groups, (), related, len(found))
    if plan.multi_event:
        members: dict[int, list[int]] = {}
        for d, g in enumerate(groups):
            members.setdefault(g, []).append(d)
        pairs = sorted(p for m in members.values() for p in itertools.combinations(m, 2))
    else:
        pairs = list(itertools.combinations(range(n), 2))
    for p in pairs:
        if p not in related:
            related[p] = rel(*p)
    return EventPlan(groups, tuple(pairs), related, len(found))
