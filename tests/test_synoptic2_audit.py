"""Labels a teacher can trust, on a gospel corpus nobody writing rules had read: the judged audit sample holds its floor.

The sample (``tests/data/synoptic2/judged.json``) is every named label that ``benchmarks/synoptic_audit.py --corpus
tests/data/synoptic2`` found with the label rules of issue 13 frozen at ebb429c, on 41 further gospel pericopes of
the World English Bible (Mark the record, Matthew, Luke and John retelling it; see the corpus README), each judged by
reading, by an engineer who wrote no rule: 75 labels, 49 right (0.653). Here each judged link is classified again
from its stored texts (pure: the real word diff and the classifier, no model). Each side is rebuilt as the pipeline
builds it: the passage is read and cut into units by the pipeline's own reader and segmenter, the linked sentences
are the units that the stored text covers, the quotation marks are read from the whole passage (a sentence in the
middle of a parable lies inside quotation marks opened sentences before), and ``nearby`` is the sentence right
before and right after them. What differs from the pipeline: no ``Testimony`` (each pericope has one record, Mark,
so a quotation is checked against this link's record only, as there), and the corpus-wide pass is not run, so a
label it alone gives (a quotation sentence linked to nothing) does not come back from one link: 70 of the 75 come
back, the five missing are all such labels (all judged right); the benchmark counts them. A rule change that brings
back labels judged wrong, or loses the right ones, fails.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from compare.classify import Side, classify_link, quoted_spans
from compare.diff import diff_words
from compare.read import read_corpus
from compare.records import Unit
from compare.segment import split_units
from compare.settings import Settings

CORPUS = Path(__file__).parent / "data" / "synoptic2"
SAMPLE = CORPUS / "judged.json"
PRECISION_FLOOR = 0.60
"""Right among the judged labels that come back with the same detail (a label whose detail changed is judged again);
measured with the rules frozen at ebb429c, judged by an engineer who wrote no rule: 44 right of the 70 that come back
from one link (0.629); 49 of 75 (0.653) in the benchmark, which also runs the corpus-wide pass."""
RIGHT_FLOOR = 42
"""Measured: 44."""
WRONG_CEILING = 8
"""Measured: 7 (3 ``hedge``, 4 ``quote``)."""


def _sample() -> list[dict[str, str]]:
    return json.loads(SAMPLE.read_text(encoding="utf-8"))


@cache
def _passage(pericope: str, doc: str) -> tuple[str, tuple[Unit, ...], tuple[tuple[int, int], ...]]:
    """Return a passage's text as the pipeline reads it, its units and its quotation spans."""
    docs, _ = read_corpus(CORPUS / pericope)
    d = next(x for x in docs if x.id == doc)
    return d.text, split_units(d, min_section=Settings().align.section_min_units), quoted_spans(d.text)


def _side(pericope: str, doc: str, kind: str, text: str) -> Side:
    """Rebuild one side of a judged link: the units the stored text covers, their quotation spans, their neighbours."""
    passage, units, spans = _passage(pericope, doc)
    found = re.search(r"\s+".join(re.escape(w) for w in text.split()), passage)
    assert found, f"{text!r} is not in {pericope}/{doc}.txt"
    ids = [u.id for u in units if u.is_sentence and found.start() <= u.start and u.end <= found.end()]
    assert ids and " ".join(units[i].text for i in ids) == text, f"{text!r} is not whole sentences of {pericope}/{doc}"
    quoted, offsets, pos = [], [], 0
    for i in ids:  # as compare.classify.links._side: each unit's quotation spans, shifted to the joined text
        u = units[i]
        offsets.append((pos, u.start))
        quoted += [(max(s, u.start) - u.start + pos, min(e, u.end) - u.start + pos)
                   for s, e in spans if max(s, u.start) < min(e, u.end)]
        pos += len(u.text) + 1
    nearby = " ".join(units[k].text for k in (min(ids) - 1, max(ids) + 1) if 0 <= k < len(units) and units[k].is_sentence)
    return Side(text, doc, kind=kind, quoted=tuple(quoted), offsets=tuple(offsets), nearby=nearby)


def _again(r: dict[str, str]) -> set[tuple[str, str, str, str]]:
    """Classify a judged label's link again from its stored texts; return its named (type, a, b, detail) labels."""
    sa = _side(r["pericope"], r["doc_a"], r["kind_a"], r["text_a"])
    sb = _side(r["pericope"], r["doc_b"], r["kind_b"], r["text_b"])
    return {(c.type, c.a, c.b, c.detail) for c in classify_link(diff_words(r["text_a"], r["text_b"]), sa, sb)
            if c.type != "wording"}



def test_synoptic2_sample_is_judged_and_large_enough():
    sample = _sample()
    assert all(r["verdict"] in ("right", "debatable", "wrong") and r["note"] for r in sample)
    assert len([r for r in sample if r["type"] != "wording"]) >= 60
    assert len({r["pericope"] for r in sample}) >= 20  # spread over the corpus, not a few passages
    # Mark (the record) is always one side: the sample judges the retelling against it
    assert all({r["kind_a"], r["kind_b"]} == {"readout", "other"} for r in sample)


def test_synoptic2_texts_are_the_committed_passages():
    # every judged link's texts are still whole sentences of the committed corpus (not edited under the verdicts)
    for r in _sample():
        _side(r["pericope"], r["doc_a"], r["kind_a"], r["text_a"])
        _side(r["pericope"], r["doc_b"], r["kind_b"], r["text_b"])


def test_synoptic2_precision_holds_its_floor():
    right, other, back = 0, 0, []
    for r in _sample():
        if (r["type"], r["a"], r["b"], r["detail"]) not in _again(r):
            continue
        if r["verdict"] == "right":
            right += 1
        else:
            other += 1
            back += [r] if r["verdict"] == "wrong" else []
    assert right / (right + other) >= PRECISION_FLOOR, [(r["type"], r["a"], r["b"], r["note"]) for r in back]
    assert right >= RIGHT_FLOOR  # most right labels stay
    assert len(back) <= WRONG_CEILING, [(r["type"], r["a"], r["b"], r["note"]) for r in back]
