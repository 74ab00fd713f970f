"""Which document pairs are aligned: every pair, or (``--pairs reference``) each source with the reference and the records."""

from __future__ import annotations

import itertools
from dataclasses import replace

import pytest

from compare.align import EventPlan, reference_pairs
from compare.pipeline import choose_pairs
from compare.records import Document, Source
from compare.settings import Settings

from .conftest import CORPUS


def _doc(i: str, kind: str = "press") -> Document:
    return Document(Source(i, f"{i}.txt", i, kind=kind), f"c/{i}.txt", "Text.")


class _Notices:
    def __init__(self) -> None:
        self.messages: list[str] = []

    def notice(self, message: str) -> None:
        self.messages.append(message)

    def advance(self, label: str, done: int, total: int) -> None:
        pass

    def stage(self, name: str) -> None:
        pass


def _plan(groups: tuple[int, ...]) -> EventPlan:
    pairs = tuple(itertools.combinations(range(len(groups)), 2))
    return EventPlan(groups, pairs, {p: 0.9 for p in pairs}, len(pairs))


def test_reference_pairs_keep_every_pair_with_the_reference_or_a_record_of_its_event():
    docs = [_doc("a"), _doc("tr", "transcript"), _doc("b"), _doc("ro", "readout"), _doc("c"), _doc("x"), _doc("y")]
    plan = _plan((0, 0, 0, 0, 0, 1, 1))  # one event of five (two records), one of two without a record
    kept = reference_pairs(plan, docs, None, ("transcript", "readout"))
    names = {(docs[i].id, docs[j].id) for i, j in kept}
    # Within the first event: each source with the transcript (its reference) and the readout; the two records with
    # each other; never two secondary sources ("a"/"b"). The second event's reference is its first document, "x".
    assert ("a", "b") not in names and ("b", "c") not in names and ("a", "c") not in names
    assert {("a", "tr"), ("a", "ro"), ("tr", "ro"), ("b", "ro"), ("ro", "c"), ("tr", "c")} <= names
    assert ("x", "y") in names
    assert set(kept) <= set(plan.pairs)


def test_the_named_reference_is_a_base_even_when_it_is_no_record():
    docs = [_doc("a"), _doc("b"), _doc("c")]
    kept = reference_pairs(_plan((0, 0, 0)), docs, "b", ("transcript", "readout"))
    assert [(docs[i].id, docs[j].id) for i, j in kept] == [("a", "b"), ("b", "c")]


def test_many_pairs_get_a_notice_that_names_the_option_and_all_keeps_every_pair():
    docs = [_doc("tr", "transcript")] + [_doc(f"s{k}") for k in range(15)]
    plan = _plan((0,) * 16)  # 120 pairs in one event
    notices = _Notices()
    kept = choose_pairs(plan, docs, Settings(), notices)
    assert kept.pairs == plan.pairs
    (message,) = notices.messages
    assert "120 document pairs" in message and "--pairs reference" in message and "15 pairs" in message
    quiet = _Notices()
    choose_pairs(plan, docs, Settings(many_pairs=200), quiet)
    assert quiet.messages == []
    fewer = choose_pairs(plan, docs, Settings(pairs="reference"), quiet)
    assert len(fewer.pairs) == 15 and quiet.messages == []


def test_an_unknown_choice_is_refused():
    with pytest.raises(ValueError, match="pairs"):
        choose_pairs(_plan((0, 0)), [_doc("a"), _doc("b")], Settings(pairs="some"), _Notices())


@pytest.mark.model
def test_reference_pairs_on_the_seeds_give_the_same_links_and_labels_as_every_pair(seed_corpus, real_embedder, model_info,
                                                                                   session_cache):
    """Real text: the two secondary sources (press, tv) are not compared with each other; every pair that is
    compared has the links, possible counterparts and named changes of the run over every pair."""
    from compare.pipeline import build_corpus

    corpus, _ = build_corpus(CORPUS, replace(Settings(cache_dir=session_cache), pairs="reference"),
                             embedder=real_embedder, model=model_info)
    every = {(p.a, p.b): p for p in seed_corpus.pairs}
    kept = {(p.a, p.b): p for p in corpus.pairs}
    assert set(every) - set(kept) == {("press", "tv")}
    for key, pair in kept.items():
        assert pair.links == every[key].links and pair.possible == every[key].possible
