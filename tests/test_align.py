"""Unit tests of the aligner's logic on hand-made vectors (no model: these check mechanics, not quality)."""

from __future__ import annotations

import numpy as np

from compare.align import AlignInput, align_vectors, event_groups, relatedness, section_groups
from compare.settings import AlignSettings


def _unit(v: list[float]) -> np.ndarray:
    a = np.asarray(v, dtype=np.float32)
    return a / np.linalg.norm(a)


def _basis(n: int, dim: int = 16) -> list[np.ndarray]:
    return [_unit([1.0 if k == i else 0.0 for k in range(dim)]) for i in range(n)]


TEXTS_A = ["alpha one statement here", "beta two statement here", "gamma three statement here", "delta four statement"]
TEXTS_B = ["gamma three restated here", "alpha one restated here", "epsilon unrelated words entirely"]


def test_crossing_links_and_unmatched():
    e = _basis(5)
    a = AlignInput(np.stack([e[0], e[1], e[2], e[3]]), TEXTS_A)
    b = AlignInput(np.stack([e[2], e[0], e[4]]), TEXTS_B)
    links, related = align_vectors(a, b, AlignSettings())
    assert [(lk.a, lk.b) for lk in links] == [((0,), (1,)), ((2,), (0,))]  # a0-b1 and a2-b0 cross
    assert abs(related - 2 / 3) < 1e-6  # b's best cosines: 1, 1, 0


def test_many_to_one_adjacent_becomes_one_link():
    e = _basis(6)
    merged = _unit(e[0] + e[1])
    a = AlignInput(np.stack([e[0], e[1], e[3], e[4]]), ["first half of it", "second half of it", "other thing said", "fourth"])
    b = AlignInput(np.stack([merged, e[3], e[4]]), ["first half and second half of it", "other thing said", "fourth"])
    links, _ = align_vectors(a, b, AlignSettings(threshold=0.5))
    assert [(lk.a, lk.b) for lk in links] == [((0, 1), (0,)), ((2,), (1,)), ((3,), (2,))]


def test_short_sentences_need_a_close_match():
    e = _basis(3)
    near = _unit(e[0] * 0.8 + e[1] * 0.6)  # cosine 0.8 with e0
    a = AlignInput(np.stack([e[0], e[2]]), ["Thank you.", "long sentence about the talks"])
    b = AlignInput(np.stack([near, e[2]]), ["Thanks.", "long sentence about the talks"])
    links, _ = align_vectors(a, b, AlignSettings(lexical_weight=0.0, margin_weight=0.0))
    assert [(lk.a, lk.b) for lk in links] == [((1,), (1,))]


def test_unrelated_section_gets_no_links():
    e = _basis(12)
    # a: section 0 matches b; section 1 (6 sentences) is only weakly similar to anything in b
    weak = [_unit(e[6 + k] + 0.9 * e[0]) for k in range(6)]
    va = np.stack([e[0], e[1], e[2], e[3], e[4], e[5], *weak])
    a = AlignInput(va, [f"sentence number {k} here" for k in range(12)], sections=[0] * 6 + [1] * 6)
    b = AlignInput(np.stack([e[0], e[1], e[2], e[3], e[4], e[5]]), [f"sentence number {k} here" for k in range(6)])
    links, _ = align_vectors(a, b, AlignSettings())
    assert all(lk.a[0] < 6 for lk in links)
    assert len(links) == 6


def test_relatedness_and_event_groups():
    cos = np.array([[0.9, 0.1], [0.2, 0.8], [0.1, 0.1]], dtype=np.float32)
    assert abs(relatedness(cos, 2) - 0.85) < 1e-6  # smaller side (columns): best 0.9 and 0.8
    groups = event_groups({(0, 1): 0.9, (1, 2): 0.8, (0, 3): 0.5, (2, 3): 0.6}, 4, 0.77)
    assert groups[0] == groups[1] == groups[2] and groups[3] != groups[0]


def test_section_groups_merge_small_into_next():
    assert section_groups([0, 0, 1, 1, 1, 1, 1, 1, 2], 3) == [1, 1, 1, 1, 1, 1, 1, 1, 1]
    assert section_groups([0, 0, 0, 1, 1, 1], 3) == [0, 0, 0, 1, 1, 1]
    assert section_groups([], 3) == []


def test_empty_sides():
    a = AlignInput(np.zeros((0, 4), dtype=np.float32), [])
    b = AlignInput(_basis(1, 4)[0][None, :], ["x y z"])
    assert align_vectors(a, b) == ([], 0.0)
