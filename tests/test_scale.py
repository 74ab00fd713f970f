"""Scale: the generated corpora, event grouping by nearest neighbours, one report per event, the Spark engine."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import numpy as np
import pytest

from compare.align import index as candidates
from compare.align import plan_events
from compare.align.index import candidate_pairs
from compare.outputs import event_corpus
from compare.pipeline import build_corpus, write_report
from compare.settings import Settings
from tools.generate import generate_corpus, read_truth, score_against_truth, write_corpus

from .conftest import CORPUS


def test_generator_is_deterministic_and_records_truth(tmp_path: Path):
    a = generate_corpus(40, seed=3, outlets=6)
    assert a == generate_corpus(40, seed=3, outlets=6)
    assert a != generate_corpus(40, seed=4, outlets=6)
    assert len(a.documents) == 40
    events = {d.event for d in a.documents}
    assert sum(e.startswith("unrelated:") for e in events) == 1  # 3% of 40, at least one
    assert len(events) == 1 + 7  # ceil(39 / 6) events
    for d in a.documents:
        for (start, end), origins in zip(d.spans, d.origins):
            assert d.text[start:end].strip() and origins
    write_corpus(a, tmp_path / "corpus", tmp_path / "truth.json")
    assert read_truth(tmp_path / "truth.json").true_pairs() == a.true_pairs()
    assert len(list((tmp_path / "corpus").glob("*.txt"))) == 40


def test_generator_rewords_with_the_other_telling():
    gen = generate_corpus(20, seed=0, outlets=9, rates={"reword": 1.0, "drop": 0, "merge": 0, "move": 0, "number": 0})
    from tools.generate import load_stories

    stories = {s.name: s for s in load_stories()}
    doc = next(d for d in gen.documents if not d.event.startswith("unrelated:"))
    story = stories[doc.event]
    sentences = [doc.text[s:e] for s, e in doc.spans]
    for k, text in enumerate(sentences):
        assert text == story.paraphrase.get(k, story.sentences[k])


def test_hnsw_index_finds_the_same_pairs_as_the_exact_one():
    rng = np.random.default_rng(0)
    base = rng.normal(size=(40, 16)).astype(np.float32)
    docs = []
    for d in range(30):  # doc d and doc d+1 share near-copies of sentences; others are noise
        v = np.concatenate([base[d : d + 2] + 0.01 * rng.normal(size=(2, 16)), rng.normal(size=(3, 16))]).astype(np.float32)
        docs.append(v / np.linalg.norm(v, axis=1, keepdims=True))
    exact = candidate_pairs(docs, 8, 0.9)
    assert exact == {(d, d + 1) for d in range(29)}
    stacked, doc_of = candidates.stack_documents(docs)
    index = candidates.build_index(stacked, exact_max=0)
    assert hasattr(index, "hnsw")
    cos, idx = candidates.search_index(index, stacked, 8)
    assert candidates.hits_to_pairs(doc_of, cos, idx, doc_of, 0.9) == exact
    plan = plan_events(docs, top=1, threshold=0.9, neighbours=8)
    assert len(set(plan.groups)) == 1 and not plan.multi_event  # a chain is one event


@pytest.fixture(scope="module")
def generated(tmp_path_factory, real_embedder, model_info):
    root = tmp_path_factory.mktemp("gen")
    gen = generate_corpus(24, seed=2, outlets=6)
    write_corpus(gen, root / "corpus", root / "truth.json")
    corpus, _ = build_corpus(root / "corpus", Settings(cache_dir=None), embedder=real_embedder, model=model_info)
    return gen, corpus, root


def test_generated_events_found_and_linked(generated):
    gen, corpus, _ = generated
    events = [event_corpus(corpus, e) for e in corpus.events]
    unrelated = [d for d in corpus.documents if corpus.event_of(d.id) is None]
    truth: dict[str, set[str]] = {}
    for d in gen.documents:
        truth.setdefault(d.event, set()).add(d.id)
    assert sorted(sorted(d.id for d in e.documents) for e in events) == sorted(
        sorted(ids) for name, ids in truth.items() if not name.startswith("unrelated:"))
    assert [d.id for d in unrelated] == sorted(i for name, ids in truth.items() if name.startswith("unrelated:") for i in ids)
    # only pairs inside events are aligned: 4 events of 6 outlets minus the unrelated one
    assert len(corpus.pairs) == sum(len(e.documents) * (len(e.documents) - 1) // 2 for e in events)
    score = score_against_truth(corpus, gen)
    assert score.precision >= 0.9 and score.recall >= 0.8, score


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        if tag == "a":
            self.hrefs.append(dict(attrs)["href"])


def test_one_report_per_event_and_an_index(generated, tmp_path: Path):
    _, corpus, _ = generated
    events = corpus.events
    unrelated = [d for d in corpus.documents if corpus.event_of(d.id) is None]
    index = write_report(corpus, tmp_path / "out")
    parser = _Links()
    parser.feed(index.read_text(encoding="utf-8"))
    assert len(parser.hrefs) == len(events) == 4
    for href in parser.hrefs:
        assert (index.parent / href).is_file()
    data = json.loads((tmp_path / "out" / "events.json").read_text(encoding="utf-8"))
    assert data["unrelated"] == [d.id for d in unrelated]
    sub = json.loads((index.parent / data["events"][0]["folder"] / "alignment.json").read_text(encoding="utf-8"))
    assert [d["id"] for d in sub["documents"]] == data["events"][0]["documents"]


def test_seed_corpus_stays_one_report(seed_corpus):
    (event,) = seed_corpus.events
    assert event.folder is None and event.reference == "transcript"
    assert event.documents == ("press", "readout", "transcript", "tv")
    assert seed_corpus.event_of("forum") is None  # the look-alike belongs to no event
    assert len(seed_corpus.pairs) == 10  # every pair of the 5 sources, the look-alike's included


def test_spark_engine_gives_the_local_links(seed_corpus):
    corpus, encoded = build_corpus(CORPUS, Settings(cache_dir=None, engine="spark", spark_master="local[2]"))
    assert encoded == 332
    assert [(p.a, p.b, p.related) for p in corpus.pairs] == [(p.a, p.b, p.related) for p in seed_corpus.pairs]
    for mine, local in zip(corpus.pairs, seed_corpus.pairs):
        assert [(lk.a, lk.b, lk.edits) for lk in mine.links] == [(lk.a, lk.b, lk.edits) for lk in local.links]
        assert all(abs(x.score - y.score) <= 2e-4 for x, y in zip(mine.links, local.links))
