"""Labels a teacher can trust, on the synoptic gospels: the judged audit sample holds its floor.

The sample (``tests/data/synoptic/judged.json``) is every named label that ``benchmarks/synoptic_audit.py`` found on
36 parallel pericopes of the World English Bible (Matthew, Mark, Luke and John reporting one event; a corpus no rule
was tuned on), with the rules of this tree and with the revised rules of issue 13, each judged by reading. Here each
judged link is classified again from its stored texts (pure: the real word diff and the classifier, no model), with
each side's quotation marks read from the whole passage it comes from (a sentence in the middle of a parable lies
inside quotation marks opened sentences before), so a rule change that brings back labels judged wrong, or loses
the right ones, fails.
"""

from __future__ import annotations

from pathlib import Path

from tests.audit_sides import check_texts, comes_back, figures, judged
from tools.splits import audit_feedback

CORPUS = Path(__file__).parent / "data" / "synoptic"
SAMPLE = CORPUS / "judged.json"
PRECISION_FLOOR = 0.84
"""Right among the judged labels that come back from their stored texts with the same detail (a label whose detail
changed is judged again); measured: 62 of 69 (0.90) with the fifth round of rules (clean half 31 of 37), 47 of 54
(0.87) with the fourth, 75 of 85 (0.88) with the rules of
main 1d44536 (quotes checked only against a record's own quoted words, neighbouring sentences read), 90 of 107 (0.84)
before them, 87 of 111 (0.78) with the rules before issue 13 (6709419)."""
RIGHT_FLOOR = 44
WRONG_CEILING = 2
CLEAN_FLOOR = 0.8
"""The same on the clean half (never shown to the rules; tools/splits.py audit_feedback): measured 24 of 29 (0.83)."""


def _sample() -> list[dict[str, str]]:
    return judged(CORPUS)


def test_synoptic_sample_is_judged_and_large_enough():
    sample = _sample()
    assert all(r["verdict"] in ("right", "debatable", "wrong") and r["note"] for r in sample)
    assert len([r for r in sample if r["type"] != "wording"]) >= 60
    assert len({r["pericope"] for r in sample}) >= 20  # spread over the corpus, not a few passages


def test_synoptic_texts_are_the_committed_passages():
    # every judged link's texts still stand in the committed corpus (the corpus was not edited under the verdicts)
    check_texts(CORPUS, _sample())


def test_synoptic_precision_holds_its_floor():
    # a label given only by the corpus-wide pass (a quotation linked to nothing) does not come back from one link; the
    # benchmark counts those
    right, other, back = figures(CORPUS, _sample())
    assert right / (right + other) >= PRECISION_FLOOR, [(r["type"], r["a"], r["b"], r["note"]) for r in back]
    assert right >= RIGHT_FLOOR  # most right labels stay
    assert len(back) <= WRONG_CEILING, [(r["type"], r["a"], r["b"], r["note"]) for r in back]
    clean = [r for r in _sample() if not audit_feedback("synoptic", r["pericope"]) and comes_back(CORPUS, r)]
    assert sum(r["verdict"] == "right" for r in clean) / len(clean) >= CLEAN_FLOOR


def test_extraction_keeps_the_text_and_drops_the_markup():
    from tools.synoptic import parse_imp, passage_text

    imp = ('$$$Matthew 16:18\n<div sID="g1" type="x-p"/><w lemma="strong:G1161">I</w> also tell you that you are Peter,'
           '<note type="crossReference"><reference>John 1:42</reference></note>and on this rock<note placement="foot">'
           'a note</note>I will build my assembly.<div eID="g1" type="x-p"/>\n'
           '$$$Matthew 16:19\n<div sID="g2" type="x-p"/><q marker="" who="Jesus">“<lg sID="a"/><l sID="b"/>Tell the '
           'daughter of Zion,<l eID="b"/><l sID="c"/>behold, your King comes.”</q> <title>A heading</title>')
    text = passage_text(parse_imp(imp), "matthew", "16:18-19")
    assert text == ("I also tell you that you are Peter, and on this rock I will build my assembly.\n\n"
                    "“Tell the daughter of Zion, behold, your King comes.”\n")
