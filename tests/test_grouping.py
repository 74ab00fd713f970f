"""Event grouping: the decision on how much of the smaller document is found in the other (compare.align.events)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from compare.align import AlignInput
from compare.align.events import FoundEvidence, found_evidence, found_joins, plan_events
from compare.settings import AlignSettings

S = AlignSettings()


def test_a_share_that_could_be_chance_needs_a_close_pair():
    # 1 of 2 sentences found is 50% of the smaller text, but one link of 0.6 between two short texts can be chance
    assert not found_joins(1, 2, S.found_cosine - 0.05, 0.4, S)
    assert found_joins(1, 2, S.found_cosine, 0.4, S)


def test_links_unlikely_to_all_be_wrong_join_whatever_the_closest_cosine():
    assert found_joins(2, 5, 0.45, S.found_chance, S)
    assert found_joins(3, 6, 0.0, 0.3 * 0.3, S)  # two links of 0.7
    assert not found_joins(3, 6, 0.0, 0.4 * 0.5, S)  # two weak links (0.6, 0.5) could both be wrong


def test_below_the_share_nothing_joins():
    assert not found_joins(2, 10, 0.99, 0.0, S)  # 20% < 30%, however close and sure, on one link
    assert not found_joins(0, 0, 0.99, 1.0, S)
    assert found_joins(3, 10, 0.3, 0.01, S)  # exactly the share


def test_a_smaller_share_joins_on_two_links_that_are_unlikely_all_to_be_wrong():
    # two tellings of one fable keeping a few statements close: 3 of 13 sentences on three links of about 0.7
    assert found_joins(3, 13, 0.7, 0.03, S, links=3)
    assert not found_joins(3, 13, 0.7, 0.03, S, links=1)  # one link holding three sentences is one chance
    assert not found_joins(3, 13, 0.7, 0.2, S, links=3)  # three weak links could all be wrong
    assert not found_joins(2, 12, 0.9, 0.01, S, links=2)  # 17%: below found_share_alone
    assert not found_joins(3, 13, 0.7, 0.03, S, links=3, closest=False)


def test_a_pair_neither_of_whose_documents_is_the_others_closest_does_not_join_on_what_is_found():
    # in a folder of many fables, a telling's closest text is a telling of its own story: another story's is not
    assert found_joins(3, 5, 0.7, 0.01, S, closest=True)
    assert not found_joins(3, 5, 0.7, 0.01, S, closest=False)


def test_nearest_pair_of_each_document():
    from compare.align.events import _nearest

    related = {(0, 1): 0.5, (0, 2): 0.7, (1, 2): 0.6, (2, 3): 0.65}
    assert _nearest(related, 5) == [(0, 2), (1, 2), (0, 2), (2, 3), None]


def test_the_evidence_names_its_share():
    e = FoundEvidence(found=2, size=8, best_cosine=0.5, chance=0.2, joins=False)
    assert e.share == pytest.approx(0.25)
    assert FoundEvidence(0, 0, 0.0, 1.0, False).share == 0.0


def _unit(rng: np.random.Generator, n: int, dim: int = 24) -> np.ndarray:
    v = rng.standard_normal((n, dim))
    out: np.ndarray = (v / np.linalg.norm(v, axis=1, keepdims=True)).astype(np.float32)
    return out


def _near(rng: np.random.Generator, base: np.ndarray, noise: float) -> np.ndarray:
    v = base + noise * rng.standard_normal(base.shape)
    out: np.ndarray = (v / np.linalg.norm(v, axis=1, keepdims=True)).astype(np.float32)
    return out


STORY_A = ["The wolf saw a lamb drinking at the stream.", "He accused the lamb of muddying his water.",
           "The lamb answered that the stream ran from the wolf to him.", "The wolf ate the lamb all the same."]
STORY_B = ["A wolf, meeting a lamb at a stream, wanted a pretext.", "You muddy my water, said the wolf to the lamb.",
           "The lamb replied the water ran downhill from the wolf.", "Any excuse serves a tyrant, and the wolf ate him.",
           "So the story ends."]
OTHER = ["Parliament passed the budget on Tuesday.", "Tax receipts rose by four percent.",
         "The opposition voted against the bill.", "Markets barely moved.", "Economists expect growth."]


def _documents() -> list[AlignInput]:
    rng = np.random.default_rng(7)
    story = _unit(rng, 4)
    a = AlignInput(_near(rng, story, 0.35), STORY_A)
    b_vectors = np.vstack([_near(rng, story, 0.35), _unit(rng, 1)])
    b = AlignInput(b_vectors, STORY_B)
    other = AlignInput(_unit(rng, 5), OTHER)
    return [a, b, other]


def test_a_story_found_in_the_other_joins_below_the_relatedness_threshold():
    docs = _documents()
    strict = replace(S, event_threshold=0.99)  # relatedness alone cannot join them: only what is found can
    plan = plan_events([d.vectors for d in docs], top=strict.relatedness_top, threshold=strict.event_threshold,
                       neighbours=4, inputs=docs, settings=strict)
    assert plan.related[(0, 1)] < strict.event_threshold
    evidence = plan.evidence[(0, 1)]
    assert evidence.size == 4 and evidence.found >= 2 and evidence.chance <= strict.found_chance and evidence.joins
    assert plan.found[(0, 1)] == evidence.share
    assert plan.groups[0] == plan.groups[1] != plan.groups[2]


def test_unrelated_texts_stay_apart_and_far_ones_are_not_asked():
    docs = _documents()
    plan = plan_events([d.vectors for d in docs], top=S.relatedness_top, threshold=S.event_threshold,
                       neighbours=4, inputs=docs, settings=S)
    assert plan.groups[2] not in (plan.groups[0], plan.groups[1])
    for pair in ((0, 2), (1, 2)):
        e = plan.evidence.get(pair)
        assert e is None or not e.joins
    far = replace(S, found_floor=1.01)  # nothing is that close: no pair is asked
    plan = plan_events([d.vectors for d in docs], top=far.relatedness_top, threshold=0.99, neighbours=4,
                       inputs=docs, settings=far)
    assert plan.evidence == {} and len(set(plan.groups)) == 3


def test_found_evidence_counts_the_smaller_side():
    a, b, _ = _documents()
    forward, backward = found_evidence(a, b, S), found_evidence(b, a, S)
    assert forward.size == backward.size == 4
    assert forward.best_cosine == pytest.approx(backward.best_cosine, abs=1e-6)
    assert 0.0 <= forward.chance < 1.0 and forward.found >= 1
    assert found_evidence(AlignInput(np.zeros((0, 24), dtype=np.float32), []), b, S) == FoundEvidence(0, 0, 0.0, 1.0, False)


def _fable_folder(tmp_path: Path, name: str, a, b) -> Path:
    folder = tmp_path / name
    folder.mkdir()
    (folder / "a.txt").write_text(" ".join(" ".join(s.split()) for s in a) + "\n", encoding="utf-8")
    (folder / "b.txt").write_text(" ".join(" ".join(s.split()) for s in b) + "\n", encoding="utf-8")
    return folder


def test_fable_tellings_join_and_different_fables_stay_apart_with_a_reason(tmp_path, real_embedder, model_info):
    """Real text: manDeath's two tellings (relatedness about 0.5, closest cosine below found_cosine) are one event;
    a telling of it beside a telling of another fable is not, and both are flagged with the reason."""
    from compare.classify.findings import find_flags
    from compare.pipeline import build_corpus
    from compare.settings import Settings
    from tools.evaluate import load_gnat

    pairs = {p.name: p for p in load_gnat(Path(__file__).resolve().parent.parent / "data" / "gnat_aesop")}
    fable = pairs["manDeath_49010__manDeath_11339"]
    other = pairs["wolfLamb_28__wolfLamb_34588"]
    settings = Settings(cache_dir=tmp_path / "cache")
    corpus, _ = build_corpus(_fable_folder(tmp_path, "one", fable.a, fable.b), settings,
                             embedder=real_embedder, model=model_info)
    assert len(corpus.events) == 1 and len(corpus.events[0].documents) == 2
    assert corpus.pairs[0].related < settings.align.event_threshold  # joined by what is found, not by relatedness
    assert corpus.pairs[0].links
    apart, _ = build_corpus(_fable_folder(tmp_path, "two", fable.a, other.b), settings,
                            embedder=real_embedder, model=model_info)
    assert apart.events == () and not any(p.links for p in apart.pairs)
    flags = find_flags(apart, settings)
    for doc in apart.documents:
        (flag,) = [f for f in flags.get(doc.id, ()) if f.type == "unrelated"]
        assert "confident counterpart" in flag.detail and "chance" in flag.detail


def test_two_tellings_that_keep_few_statements_close_join_on_links_unlikely_all_to_be_wrong(tmp_path, real_embedder, model_info):
    """Real text: Sheet8's tellings (the birds, the beasts and the bat; relatedness about 0.68) have three of the
    shorter telling's thirteen sentences linked, below found_share_threshold, on links that are very unlikely all to
    be wrong (found_chance_alone)."""
    from compare.pipeline import build_corpus
    from compare.settings import Settings
    from tools.evaluate import load_gnat

    pairs = {p.name: p for p in load_gnat(Path(__file__).resolve().parent.parent / "data" / "gnat_aesop")}
    fable = pairs["Sheet8"]
    settings = Settings(cache_dir=tmp_path / "cache")
    corpus, _ = build_corpus(_fable_folder(tmp_path, "bats", fable.a, fable.b), settings,
                             embedder=real_embedder, model=model_info)
    assert len(corpus.events) == 1 and len(corpus.events[0].documents) == 2
    sizes = {d: sum(u.is_sentence for u in corpus.units[d]) for d in corpus.units}
    shorter = min(sizes, key=lambda d: (sizes[d], d))
    share = corpus.status(shorter).count("aligned") / sizes[shorter]
    assert settings.align.found_share_alone <= share < settings.align.found_share_threshold
    assert len(corpus.pairs[0].links) >= 2


def test_floor_on_fables_spread_over_the_files(tmp_path, real_embedder, model_info, session_cache):
    """Twelve GNAT fables evenly spread over the files, each as its own folder: a floor a little below
    benchmarks/fable_grouping.py (132 of all 153 one event and linked on 30% of the shorter telling; 9 of these 12);
    and six pairs of different fables, none one event."""
    import random

    from compare.pipeline import build_corpus
    from compare.settings import Settings
    from tools.evaluate import load_gnat

    pairs = load_gnat(Path(__file__).resolve().parent.parent / "data" / "gnat_aesop")
    settings = Settings(cache_dir=session_cache)
    chosen = [pairs[round(k * (len(pairs) - 1) / 11)] for k in range(12)]
    good = 0
    for k, p in enumerate(chosen):
        corpus, _ = build_corpus(_fable_folder(tmp_path, f"f{k}", p.a, p.b), settings, embedder=real_embedder, model=model_info)
        sizes = {d: sum(u.is_sentence for u in corpus.units[d]) for d in corpus.units}
        shorter = min(sizes, key=lambda d: (sizes[d], d))
        share = corpus.status(shorter).count("aligned") / sizes[shorter]
        good += len(corpus.events) == 1 and share >= 0.3
    assert good >= 8
    rng = random.Random(5)
    for k in range(6):
        x, y = rng.sample(pairs, 2)
        while x.name.split("_")[0] == y.name.split("_")[0]:
            x, y = rng.sample(pairs, 2)
        corpus, _ = build_corpus(_fable_folder(tmp_path, f"x{k}", x.a, y.b), settings, embedder=real_embedder, model=model_info)
        assert corpus.events == (), (x.name, y.name)
