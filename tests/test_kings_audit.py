"""Labels a teacher can trust, on Samuel–Kings and their retellings: the judged audit sample holds its floor.

The sample (``tests/data/kings/judged.json``) is every named label that ``benchmarks/kings_audit.py`` found with the
label rules of issue 13 frozen at 1d44536, on 45 parallels of the World English Bible (a Samuel or Kings passage,
the record, and its retelling in Chronicles, Isaiah or Jeremiah; a corpus nobody writing the rules had read), each
judged by reading, by someone who wrote no rule. Here each judged link is classified again from its stored texts
(pure: the real word diff and the classifier, no model). Each side is rebuilt as the pipeline builds it: the
passage is read and cut into units by the pipeline's own reader and segmenter, the linked sentences are the units
that the stored text covers, the quotation marks are read from the whole passage (a sentence in the middle of a
prayer lies inside quotation marks opened sentences before), and ``nearby`` is the sentence right before and right
after them and the whole quotation they stand in (``tests/audit_sides.py``, which calls the pipeline's
``compare.classify.link_side``). What differs from the pipeline: no ``Testimony`` (each parallel has one record, so a quotation is
checked against this link's record only, as there), and the corpus-wide pass is not run, so a label it alone gives
(a quotation sentence linked to nothing) does not come back from one link; the benchmark counts those. A rule
change that brings back labels judged wrong, or loses the right ones, fails.
"""

from __future__ import annotations

from pathlib import Path

from tests.audit_sides import check_texts, figures, judged

CORPUS = Path(__file__).parent / "data" / "kings"
SAMPLE = CORPUS / "judged.json"
PRECISION_FLOOR = 0.88
"""Right among the judged labels that come back with the same detail (a label whose detail changed is judged again);
measured with the rules frozen at 1d44536, judged by an engineer who wrote no rule: 89 right of 130 (0.685); with the
fourth round of rules (which read those verdicts: since then this set is development material): 77 of 84 (0.917);
after the labels whose detail changed were judged again, and the fifth round: 92 of 100 (0.920)."""
RIGHT_FLOOR = 72
WRONG_CEILING = 2
"""Measured: 1 wrong (7 with the rules of 1d44536)."""


def _sample() -> list[dict[str, str]]:
    return judged(CORPUS)


def test_kings_sample_is_judged_and_large_enough():
    sample = _sample()
    assert all(r["verdict"] in ("right", "debatable", "wrong") and r["note"] for r in sample)
    assert len([r for r in sample if r["type"] != "wording"]) >= 60
    assert len({r["pericope"] for r in sample}) >= 20  # spread over the corpus, not a few passages
    # the record is always the Samuel or Kings side: the sample judges the retelling against it
    assert all({r["kind_a"], r["kind_b"]} == {"readout", "other"} for r in sample)


def test_kings_texts_are_the_committed_passages():
    # every judged link's texts are still whole sentences of the committed corpus (not edited under the verdicts)
    check_texts(CORPUS, _sample())


def test_kings_precision_holds_its_floor():
    right, other, back = figures(CORPUS, _sample())
    assert right / (right + other) >= PRECISION_FLOOR, [(r["type"], r["a"], r["b"], r["note"]) for r in back]
    assert right >= RIGHT_FLOOR  # most right labels stay
    assert len(back) <= WRONG_CEILING, [(r["type"], r["a"], r["b"], r["note"]) for r in back]
