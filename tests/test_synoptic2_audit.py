"""Labels a teacher can trust, on a gospel corpus nobody writing rules had read: the judged audit sample holds its floor.

The sample (``tests/data/synoptic2/judged.json``) is every named label that ``benchmarks/synoptic_audit.py --corpus
tests/data/synoptic2`` found with the label rules of issue 13 frozen at ebb429c, on 41 further gospel pericopes of
the World English Bible (Mark the record, Matthew, Luke and John retelling it; see the corpus README), each judged by
reading, by an engineer who wrote no rule: 75 labels, 49 right (0.653). Here each judged link is classified again
from its stored texts (pure: the real word diff and the classifier, no model). Each side is rebuilt as the pipeline
builds it: the passage is read and cut into units by the pipeline's own reader and segmenter, the linked sentences
are the units that the stored text covers, the quotation marks are read from the whole passage (a sentence in the
middle of a parable lies inside quotation marks opened sentences before), and ``nearby`` is the sentence right
before and right after them and the whole quotation they stand in (``tests/audit_sides.py``, which calls the
pipeline's ``compare.classify.link_side``). What differs from the pipeline: no ``Testimony`` (each pericope has one record, Mark,
so a quotation is checked against this link's record only, as there), and the corpus-wide pass is not run, so a
label it alone gives (a quotation sentence linked to nothing) does not come back from one link: 70 of the 75 come
back, the five missing are all such labels (all judged right); the benchmark counts them. A rule change that brings
back labels judged wrong, or loses the right ones, fails.
"""

from __future__ import annotations

from pathlib import Path

from tests.audit_sides import check_texts, figures, judged

CORPUS = Path(__file__).parent / "data" / "synoptic2"
SAMPLE = CORPUS / "judged.json"
PRECISION_FLOOR = 0.68
"""Right among the judged labels that come back with the same detail (a label whose detail changed is judged again);
measured with the rules frozen at ebb429c, judged by an engineer who wrote no rule: 44 right of the 70 that come back
from one link (0.629); 49 of 75 (0.653) in the benchmark, which also runs the corpus-wide pass. The fifth round of
rules read those verdicts (since then this set is development material): 46 of 63 (0.730), every label judged."""
RIGHT_FLOOR = 39
"""Measured: 46 (44 at ebb429c)."""
WRONG_CEILING = 3
"""Measured: 2 (7 at ebb429c: 3 ``hedge``, 4 ``quote``)."""


def _sample() -> list[dict[str, str]]:
    return judged(CORPUS)


def test_synoptic2_sample_is_judged_and_large_enough():
    sample = _sample()
    assert all(r["verdict"] in ("right", "debatable", "wrong") and r["note"] for r in sample)
    assert len([r for r in sample if r["type"] != "wording"]) >= 60
    assert len({r["pericope"] for r in sample}) >= 20  # spread over the corpus, not a few passages
    # Mark (the record) is always one side: the sample judges the retelling against it
    assert all({r["kind_a"], r["kind_b"]} == {"readout", "other"} for r in sample)


def test_synoptic2_texts_are_the_committed_passages():
    # every judged link's texts are still whole sentences of the committed corpus (not edited under the verdicts)
    check_texts(CORPUS, _sample())


def test_synoptic2_precision_holds_its_floor():
    right, other, back = figures(CORPUS, _sample())
    assert right / (right + other) >= PRECISION_FLOOR, [(r["type"], r["a"], r["b"], r["note"]) for r in back]
    assert right >= RIGHT_FLOOR  # most right labels stay
    assert len(back) <= WRONG_CEILING, [(r["type"], r["a"], r["b"], r["note"]) for r in back]
