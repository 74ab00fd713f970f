"""Regression tests for what benchmarks/hostile_inputs.py found, each on the smallest input that shows it."""

from __future__ import annotations

import numpy as np

from compare.align import AlignInput
from compare.align.pairs import PairJob, align_document_pair
from compare.align.runs import group_pairs
from compare.records import Unit
from compare.settings import AlignSettings


def _unit(v: np.ndarray) -> np.ndarray:
    return (v / np.linalg.norm(v)).astype(np.float32)


def test_a_link_never_spans_set_aside_text() -> None:
    """Sentences 1 and 2 of side a have a speaker label between them: adjacent as sentences, not in the document.

    Found on the seed transcript with « » quotation marks: a link of units [1, 2, 9] (a title, a sentence and the
    first words after a speaker label), which alignment.json's own check refuses ("not adjacent and ascending").
    """
    pairs: list[tuple[int, int, float, float | None]] = [(0, 0, 0.8, 0.9), (1, 0, 0.7, 0.8)]
    assert [(lk.a, lk.b) for lk in group_pairs(pairs)] == [((0, 1), (0,))]
    split = group_pairs(pairs, ((0, 5), ()))
    assert [(lk.a, lk.b, lk.score, lk.confidence) for lk in split] == [((0,), (0,), 0.8, 0.9), ((1,), (0,), 0.7, 0.8)]
    assert [(lk.a, lk.b) for lk in group_pairs(pairs, ((3, 4), ()))] == [((0, 1), (0,))]  # adjacent units still join


def test_a_pair_of_documents_links_only_adjacent_units() -> None:
    """The same through the walk: b's one sentence sums up a's two, which a speaker label separates."""
    e = np.eye(8, dtype=np.float32)
    texts_a = ["alpha one statement here", "beta two statement here", "gamma three statement here"]
    units_a = (Unit(0, 0, 24, texts_a[0]), Unit(1, 25, 48, texts_a[1]), Unit(2, 49, 59, "Speaker A:", set_aside="speaker label"),
               Unit(3, 60, 86, texts_a[2]))
    texts_b = ["alpha one statement here", "beta two and gamma three statement here"]
    units_b = (Unit(0, 0, 24, texts_b[0]), Unit(1, 25, 25 + len(texts_b[1]), texts_b[1]))
    a = AlignInput(np.stack([e[0], e[1], e[2]]), texts_a, positions=[0, 1, 3])
    b = AlignInput(np.stack([e[0], _unit(e[1] + e[2])]), texts_b, positions=[0, 1])
    job = PairJob(("a", "b"), (a, b), (units_a, units_b), ([0, 1, 3], [0, 1]), True, 1.0)
    result = align_document_pair(job, AlignSettings())
    assert {(lk.a, lk.b) for lk in result.links} >= {((0,), (0,))}
    assert any(1 in lk.a or 3 in lk.a for lk in [*result.links, *result.possible])  # the two are still paired
    for lk in [*result.links, *result.possible]:
        for ids in (lk.a, lk.b):
            assert list(ids) == list(range(ids[0], ids[0] + len(ids))), ids
