"""Unit tests of the aligner's logic on hand-made vectors (no model: these check mechanics, not quality)."""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np
import pytest

from compare.align import AlignInput, align_vectors, event_groups, link_scores, relatedness
from compare.align.confidence import (
    CONFIDENCE_FEATURES,
    anchor_count,
    counterpart_prior,
    evidence_gate,
    mutual_best_share,
    null_z,
    pairing_confidence,
    shared_content,
    shared_phrases,
)
from compare.align.scoring import (
    FEATURES,
    link_log_odds,
    order_agreement,
    pair_features,
    run_order_agreement,
    walk_order,
)
from compare.align.walk import align_pair
from compare.segment import section_groups
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
    links, _ = align_vectors(a, b, AlignSettings())
    assert [(lk.a, lk.b) for lk in links] == [((0, 1), (0,)), ((2,), (1,)), ((3,), (2,))]


def test_short_sentences_need_a_close_match():
    e = _basis(3)
    near = _unit(e[0] * 0.8 + e[1] * 0.6)  # cosine 0.8 with e0
    a = AlignInput(np.stack([e[0], e[2]]), ["Thank you.", "long sentence about the talks"])
    b = AlignInput(np.stack([near, e[2]]), ["Thanks.", "long sentence about the talks"])
    links, _ = align_vectors(a, b, AlignSettings())
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


def test_order_breaks_ties_between_equal_candidates():
    # a1 is as similar to b1 as to b3; the walk prefers the partner that keeps the texts' order.
    e = _basis(6)
    twin = _unit(e[1] + e[5])
    a = AlignInput(np.stack([e[0], twin, e[2], e[3]]), [f"statement number {k} here" for k in range(4)])
    b = AlignInput(np.stack([e[0], e[1], e[2], e[3], e[5]]), [f"statement number {k} there" for k in range(5)])
    links, _ = align_vectors(a, b, AlignSettings())
    assert ((1,), (1,)) in [(lk.a, lk.b) for lk in links]
    assert ((1,), (4,)) not in [(lk.a, lk.b) for lk in links]


def test_without_confidence_a_sentence_keeps_one_partner_run():
    # b0 was picked by a0, a1 (adjacent: one run) and a5 (far away); with another scorer's log-odds and no
    # calibrated confidence, only the run holding the strongest link stays.
    from compare.align.walk import _one_run_per_sentence

    log_odds = np.zeros((6, 3))
    log_odds[0, 0], log_odds[1, 0], log_odds[5, 0], log_odds[2, 1] = 3.0, 1.0, 2.0, 1.0
    kept = _one_run_per_sentence({(0, 0), (1, 0), (5, 0), (2, 1)}, log_odds)
    assert kept == {(0, 0), (1, 0), (2, 1)}
    log_odds[5, 0] = 4.0
    assert _one_run_per_sentence({(0, 0), (1, 0), (5, 0), (2, 1)}, log_odds) == {(5, 0), (2, 1)}


def test_a_second_place_needs_its_own_evidence_and_a_hub_keeps_its_most_confident_place():
    from compare.align.walk import _one_run_per_sentence

    pairs = {(0, 0), (1, 0), (5, 0), (2, 1)}  # b0 at two places of a: a0-a1 and a5
    log_odds = np.zeros((8, 3))
    log_odds[0, 0], log_odds[1, 0], log_odds[5, 0], log_odds[2, 1] = 3.0, 1.0, 2.0, 1.0
    rare = np.zeros((8, 3))
    confidence = {(0, 0): 0.9, (1, 0): 0.6, (5, 0): 0.7, (2, 1): 0.8}
    # a5 is a link by its confidence but shares no rare word with b0: the stronger place alone stays
    assert _one_run_per_sentence(pairs, log_odds, confidence, rare, 0.5) == {(0, 0), (1, 0), (2, 1)}
    rare[5, 0] = 1.0  # a name, a number or a word in at most two sentences: a reader can check it
    assert _one_run_per_sentence(pairs, log_odds, confidence, rare, 0.5) == pairs
    # below the link threshold, however much it shares, the second place goes
    assert _one_run_per_sentence(pairs, log_odds, {**confidence, (5, 0): 0.45}, rare, 0.5) == {(0, 0), (1, 0), (2, 1)}
    # three places: a hub; only its most confident place stays, whatever the log-odds (position) say
    hub = pairs | {(7, 0)}
    rare[7, 0] = 1.0
    kept = _one_run_per_sentence(hub, log_odds, {**confidence, (7, 0): 0.95}, rare, 0.5)
    assert kept == {(7, 0), (2, 1)}


def test_order_agreement():
    eye = np.eye(5, dtype=np.float32)
    assert order_agreement(eye) == 1.0
    assert order_agreement(eye[::-1]) == 0.0  # reversed: tau -1, clipped
    assert order_agreement(np.zeros((2, 2))) == 1.0  # no anchors: no evidence of reordering


def test_features_and_weights_agree():
    e = _basis(4)
    f = pair_features(np.stack(e[:2]), np.stack(e[2:]), ["one two", "three four"], ["five six", "seven"])
    assert f.shape == (2, 2, len(FEATURES))
    assert len(AlignSettings().weights) == len(FEATURES)
    with pytest.raises(ValueError, match="weights for"):
        link_log_odds(f, (1.0,), 0.0)
    scores = link_scores(AlignInput(np.stack(e[:2]), ["one two", "three four"]), AlignInput(np.stack(e[:2]), ["one two", "three four"]))
    assert scores[0, 0] > scores[0, 1] and scores[1, 1] > scores[1, 0]


def test_precomputed_scores_are_decoded_by_the_same_walk():
    e = _basis(5)
    a = AlignInput(np.stack([e[0], e[1], e[2], e[3]]), TEXTS_A)
    b = AlignInput(np.stack([e[2], e[0], e[4]]), TEXTS_B)
    s = AlignSettings()
    # the aligner's own log-odds, passed in, give the walk's pairings: its links and possible counterparts
    # (every pairing the walk chose; with a confidence threshold of 0 the aligner shows them all as links)
    walked = [(lk.a, lk.b) for lk in align_vectors(a, b, s, scores=link_scores(a, b, s))[0]]
    assert walked == [(lk.a, lk.b) for lk in align_vectors(a, b, replace(s, link_confidence=0.0))[0]]
    assert walked
    # another scorer's evidence decides instead: one strong cell, everything else far below the threshold
    own = np.full((4, 3), -10.0)
    own[2, 0] = 5.0
    assert [(lk.a, lk.b) for lk in align_vectors(a, b, s, scores=own)[0]] == [((2,), (0,))]
    # but never without evidence in the two sentences (orthogonal vectors, no shared word): the gate holds
    own[3, 2] = 5.0
    assert ((3,), (2,)) not in [(lk.a, lk.b) for lk in align_vectors(a, b, s, scores=own)[0]]
    with pytest.raises(ValueError, match="shape"):
        align_vectors(a, b, s, scores=np.zeros((3, 4)))


_FEATURES_DIGEST = """
import hashlib, sys
import numpy as np
from compare.align.scoring import pair_features
from pathlib import Path
corpus = sorted(Path("corpus").glob("00[12]_*.txt"))
a, b = ([s for s in p.read_text(encoding="utf-8").split(". ") if s.strip()][:60] for p in corpus)
rng = np.random.default_rng(0)
va = rng.normal(size=(len(a), 8)); va /= np.linalg.norm(va, axis=1, keepdims=True)
vb = rng.normal(size=(len(b), 8)); vb /= np.linalg.norm(vb, axis=1, keepdims=True)
sys.stdout.write(hashlib.sha256(pair_features(va, vb, a, b).tobytes()).hexdigest())
"""


def test_evidence_does_not_depend_on_string_hashing():
    # Python salts str hashes per process, so a set of words is iterated in a different order in each run;
    # sums over such sets must not depend on it, or two runs of one corpus could differ.
    import os
    import subprocess
    import sys
    from pathlib import Path

    digests = {
        subprocess.run(
            [sys.executable, "-c", _FEATURES_DIGEST],
            cwd=Path(__file__).resolve().parent.parent,
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in (1, 2, 3, 4)
    }
    assert len(digests) == 1, digests


def test_null_z_measures_against_the_pairs_own_cosines():
    cos = np.array([[0.1, 0.2, 0.1], [0.2, 0.9, 0.1], [0.1, 0.2, 0.15]])
    z = null_z(cos)
    assert z[1, 1] == z.max() and z[1, 1] > 5
    assert abs(float(np.median(z))) < 1e-9


def test_evidence_gate_needs_shared_words_or_a_clear_similarity():
    words, rares, _ = shared_content(["Lukashenko met Putin in Moscow", "Thank you for coming"],
                                     ["Putin and Lukashenko met", "The answer will not be long in coming"])
    assert words[0, 0] == 3 and words[1, 1] == 1 and words[0, 1] == 0
    z = np.array([[0.5, 0.0], [0.0, -0.3]])
    gate = evidence_gate(z, words, z_alone=3.0, z_with_word=0.0)
    assert gate[0, 0] and not gate[1, 1] and not gate[0, 1]  # one shared word below the pair's median: no
    assert evidence_gate(np.full((2, 2), 3.5), words, z_alone=3.0, z_with_word=0.0).all()


def test_shared_phrases_weigh_a_repeated_phrase_above_scattered_words():
    ta = ["Sanctions are a time of opportunity.", "The West imposed sanctions again."]
    tb = ["He said sanctions are a time of opportunity for us.", "Sanctions again, the West says."]
    rows, cols = np.array([0, 0, 1, 1]), np.array([0, 1, 0, 1])
    w = shared_phrases(ta, tb, rows, cols)
    assert w[0] > w[3] > 0  # five shared word pairs beat two ("sanctions again", "the west"); both beat none
    assert w[1] == 0.0 and w[2] == 0.0  # shared words, but never two in a row
    rare = shared_phrases(["a time of opportunity"] * 3, ["a time of opportunity", "something else"], np.array([0]), np.array([0]))
    assert 0 < rare[0] < w[0]  # a phrase in every sentence of the pair weighs less than one found in two


def test_position_alone_never_creates_a_link():
    # Four orthogonal sentences a side, in the same order, no shared words: only position could pair them.
    e = _basis(8)
    a = AlignInput(np.stack(e[:4]), ["red apples", "blue sky", "fast cars", "old songs"])
    b = AlignInput(np.stack(e[4:]), ["green hills", "cold rain", "small boats", "new shoes"])
    strong = np.full((4, 4), 8.0)  # a scorer that believes every diagonal pair
    assert align_vectors(a, b, AlignSettings(), scores=strong)[0] == []


def test_confidence_splits_links_from_possible_counterparts():
    e = _basis(5)
    a = AlignInput(np.stack([e[0], e[1], e[2], e[3]]), TEXTS_A)
    b = AlignInput(np.stack([e[2], e[0], e[4]]), TEXTS_B)
    s = AlignSettings()
    shown = align_pair(a, b, s)
    assert shown.links and all(lk.confidence is not None and lk.confidence >= s.link_confidence for lk in shown.links)
    doubtful = align_pair(a, b, replace(s, link_confidence=1.01, possible_floor=0.0))
    assert doubtful.links == []
    assert {(lk.a, lk.b) for lk in doubtful.possible} == {(lk.a, lk.b) for lk in shown.links}
    assert all(lk.confidence is not None for lk in doubtful.possible)
    assert shown.coverage[0] == len({i for lk in shown.links for i in lk.a}) / 4


def test_pairing_confidence_is_a_probability_that_grows_with_evidence():
    x = np.array([[0.0, 1.0], [1.0, 1.0], [3.0, 1.0]])
    p = pairing_confidence(x, (1.0, 0.5), -1.0)
    assert np.all((p > 0) & (p < 1)) and p[0] < p[1] < p[2]
    with pytest.raises(ValueError, match="confidence weights"):
        pairing_confidence(x, (1.0,), 0.0)
    assert len(AlignSettings().confidence_weights) == len(CONFIDENCE_FEATURES)


def test_mutual_best_share():
    assert mutual_best_share(np.eye(3)) == 1.0
    assert mutual_best_share(np.array([[0.9, 0.8], [0.8, 0.1], [0.85, 0.2]])) == 0.5


def test_anchor_count_counts_clear_mutual_best_pairs_only():
    cos = np.array([[0.9, 0.1, 0.0], [0.2, 0.6, 0.1], [0.1, 0.5, 0.8]])
    best, arg, col_arg = cos.max(axis=1), cos.argmax(axis=1), cos.argmax(axis=0)
    assert anchor_count(best, arg, col_arg, 0.7) == 2  # (0, 0) and (2, 2); (1, 1) is mutual but 0.6 < 0.7
    assert anchor_count(best, arg, col_arg, 0.5) == 3
    hub = np.array([[0.9, 0.8], [0.85, 0.1]])  # row 1's best is column 0, whose best is row 0: not mutual
    assert anchor_count(hub.max(axis=1), hub.argmax(axis=1), hub.argmax(axis=0), 0.5) == 1


def test_counterpart_prior_follows_the_share_of_the_smaller_text_with_a_counterpart():
    # A near-parallel pair (most of the smaller text anchored) gets higher prior odds than a commentary that
    # shares a few sentences, by the same evidence; the prior's odds grow with the share.
    parallel = counterpart_prior(40, 50, strength=5.0, base=0.25)
    loose = counterpart_prior(3, 50, strength=5.0, base=0.25)
    assert parallel > 0 > loose
    assert math.isclose(loose, math.log((3 + 1.25) / (55 - 3 - 1.25)))
    # Shrinkage: two sentences of a short text move the prior less than forty of a long one.
    assert abs(counterpart_prior(2, 2, strength=5.0, base=0.25) - counterpart_prior(0, 0, 5.0, 0.25)) < abs(parallel - loose)
    assert counterpart_prior(0, 0, strength=5.0, base=0.25) == pytest.approx(math.log(0.25 / 0.75))
    # Clipped: never certainty either way.
    assert -4.0 < counterpart_prior(0, 10_000, 5.0, 0.25) and counterpart_prior(10_000, 10_000, 5.0, 0.25) < 4.0


def test_the_prior_turns_the_same_evidence_into_a_link_or_a_possible_counterpart():
    # posterior odds = evidence odds x prior odds: pairing_confidence adds the prior's log-odds with weight one.
    x = np.array([[1.0]])
    p_loose = float(pairing_confidence(x, (1.0,), 0.0, counterpart_prior(3, 50, 5.0, 0.25))[0])
    p_parallel = float(pairing_confidence(x, (1.0,), 0.0, counterpart_prior(40, 50, 5.0, 0.25))[0])
    assert p_loose < 0.5 < p_parallel
    assert math.isclose(math.log(p_parallel / (1 - p_parallel)) - math.log(p_loose / (1 - p_loose)),
                        counterpart_prior(40, 50, 5.0, 0.25) - counterpart_prior(3, 50, 5.0, 0.25))


def test_align_pair_gives_a_loose_pair_lower_confidence_for_the_same_sentences():
    # The same two matching sentence pairs, once among texts whose other sentences match one to one (near-parallel)
    # and once among texts whose other sentences have no counterpart (commentary): the loose pair's confidence is lower.
    rng = np.random.default_rng(0)
    dim = 64
    shared = [_unit(list(rng.normal(size=dim))) for _ in range(8)]
    noise = [_unit(list(rng.normal(size=dim))) for _ in range(16)]
    texts = [f"Statement number {k} about topic {k}." for k in range(8)]
    a = AlignInput(np.stack(shared), texts)
    parallel_b = AlignInput(np.stack(shared), texts)
    loose_b = AlignInput(np.stack(shared[:2] + noise[:6]), texts[:2] + [f"Commentary {k} of another kind." for k in range(6)])
    s = replace(AlignSettings(), possible_floor=0.0)
    near = {(lk.a, lk.b): lk.confidence for lk in (*align_pair(a, parallel_b, s).links, *align_pair(a, parallel_b, s).possible)}
    far = {(lk.a, lk.b): lk.confidence for lk in (*align_pair(a, loose_b, s).links, *align_pair(a, loose_b, s).possible)}
    for key in [((0,), (0,)), ((1,), (1,))]:
        assert key in near and key in far
        assert far[key] < near[key]


def test_run_order_agreement_sees_order_kept_within_moved_passages():
    # Two passages swapped, each kept in order: the global tau is low, the order within runs high.
    n = 12
    perm = list(range(6, 12)) + list(range(6))
    cos = np.full((n, n), 0.1)
    for i, j in enumerate(perm):
        cos[i, j] = 0.9
    assert order_agreement(cos) < 0.2
    assert run_order_agreement(cos) == pytest.approx(2 * 10 / 11 - 1)
    shuffled = np.full((n, n), 0.1)
    for i, j in enumerate([3, 0, 7, 1, 9, 2, 11, 4, 6, 5, 10, 8]):
        shuffled[i, j] = 0.9
    assert run_order_agreement(shuffled) < run_order_agreement(cos)
    assert run_order_agreement(np.zeros((2, 2))) == 1.0  # fewer than three anchors: no evidence
    assert walk_order(0.1, 0.8) == 0.8 and walk_order(0.9, 0.2) == 0.9
