"""Labels a teacher can trust, on quotations and retellings: the judged audit sample holds its floor.

The sample (``tests/data/citations/judged.json``) is every named label that ``benchmarks/synoptic_audit.py --corpus
tests/data/citations`` found with the label rules of issue 13 frozen at 13fe22e, on 97 folders of the World English
Bible (New Testament passages quoting the Old Testament, the record ``transcript``; retellings and parallel texts,
the record ``readout``; a corpus nobody writing the rules had read), each judged by reading, by an engineer who wrote
no rule. Here each judged link is classified again from its stored texts (pure: the real word diff and the
classifier, no model), each side rebuilt as the pipeline builds it by ``tests/audit_sides.py`` (the passage read and
cut into units by the pipeline's own reader and segmenter, the quotation marks read from the whole passage, the
neighbouring sentences and the whole quotation as ``nearby``). What differs from the pipeline: no ``Testimony`` (each folder has one record,
so a quotation is checked against this link's record only, as there), and the corpus-wide pass is not run, so a label
it alone gives (a quotation sentence linked to nothing: 5 of the 69 judged) does not come back from one link; the
benchmark counts those. A rule change that brings back labels judged wrong, or loses the right ones, fails.
"""

from __future__ import annotations

from pathlib import Path

from tests.audit_sides import check_texts, figures, judged

CORPUS = Path(__file__).parent / "data" / "citations"
SAMPLE = CORPUS / "judged.json"
PRECISION_FLOOR = 0.85
"""Right among the judged labels that come back with the same detail (a label whose detail changed is judged again);
measured with the rules frozen at 13fe22e, judged by an engineer who wrote no rule: 56 right of the 64 that come back
from their links (0.875); the benchmark, with the corpus-wide pass, 57 of 69 (0.826)."""
RIGHT_FLOOR = 53
WRONG_CEILING = 1
"""Measured: 1 wrong comes back from its link (the garments number); the other 2 wrong are corpus-wide labels."""


def _sample() -> list[dict[str, str]]:
    return judged(CORPUS)


def test_citations_sample_is_judged_and_large_enough():
    sample = _sample()
    assert all(r["verdict"] in ("right", "debatable", "wrong") and r["note"] for r in sample)
    assert len([r for r in sample if r["type"] != "wording"]) >= 60
    assert len({r["pericope"] for r in sample}) >= 20  # spread over the corpus, not a few passages
    # one side is always the record (the quoted verse, the narrative, the first parallel): the sample judges the other
    assert all(sorted((r["kind_a"], r["kind_b"])) in (["other", "transcript"], ["other", "readout"]) for r in sample)


def test_citations_texts_are_the_committed_passages():
    # every judged link's texts are still whole sentences of the committed corpus (not edited under the verdicts)
    check_texts(CORPUS, _sample())


def test_citations_precision_holds_its_floor():
    right, other, back = figures(CORPUS, _sample())
    assert right / (right + other) >= PRECISION_FLOOR, [(r["type"], r["a"], r["b"], r["note"]) for r in back]
    assert right >= RIGHT_FLOOR  # most right labels stay
    assert len(back) <= WRONG_CEILING, [(r["type"], r["a"], r["b"], r["note"]) for r in back]
