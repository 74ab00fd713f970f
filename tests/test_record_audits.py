"""Labels a teacher can trust, on judged corpora with a record: each judged audit sample holds its floor.

Each sample (``tests/data/<corpus>/judged.json``) is every named label that ``benchmarks/synoptic_audit.py --corpus
tests/data/<corpus>`` (``benchmarks/kings_audit.py`` for ``kings``) found on a corpus of the World English Bible,
each judged by reading (right, debatable, wrong, with a note; see each corpus's README.md):

- ``synoptic``: 36 gospel pericopes, Mark the record; judged for earlier rules, half of it shown to a round of rule
  work (``tools/splits.py`` ``audit_feedback``), the other half held apart as its clean measure;
- ``kings``: 45 Samuel-Kings parallels retold in Chronicles, Isaiah, Jeremiah; judged fresh at 1d44536;
- ``synoptic2``: 41 further pericopes; judged fresh at ebb429c;
- ``citations``: 97 folders, New Testament quotations of the Old Testament (record ``transcript``), retellings and
  parallel texts (record ``readout``); judged fresh at 13fe22e;
- ``retold``: 224 folders, Deuteronomy retelling Numbers, laws given twice, parallels, quotations, Kings-Chronicles
  and gospel parallels no other set holds; judged fresh at 67feb08 (the sixth round of rules);
- ``esdras``: 55 folders, 1 Esdras against Chronicles, Ezra and Nehemiah, 2 Maccabees against 1 Maccabees, five
  doublets; judged fresh at 866fb73 (after the seventh round); only 20 labels, so its sample is held to a smaller size;
- ``doublets``: 59 folders, Daniel/Baruch, Colossians/Ephesians, Acts retold, prophetic doublets, repeated proverbs,
  narratives; judged fresh at 97b4b19 (after the eighth round); only 8 labels;
- ``further``: 35 folders, Ezekiel 18/33 and 1/10, Jeremiah, retold commands and messages, Acts; judged fresh at
  1c295da (after the ninth round); only 6 labels.
- ``onestop_records`` to ``onestop_records6``: OneStopEnglish news rewrites, a higher reading level declared the
  record and a lower one a press rewrite of it (``tools/onestop_records.py``), each judged fresh after a round of
  rules (see each README.md).
- ``written_press``: press rewrites written for the audit (wire, tabloid, broadsheet, broadcast) of 24 OneStopEnglish
  advanced articles, the record; judged fresh at 38aa243 (see its README.md); ``written_press2``, 24 more, judged
  fresh at c43bf36; ``written_press3``, 24 more, judged fresh at 5d2d8a9;
  ``written_press4``, 24 more, judged fresh at 9b34157; ``written_press5``, 24 more, judged fresh at f9b224b;
  ``written_press6``, 24 more, judged fresh at 05d5a3d; ``written_press7`` (24 more) and ``written_press8`` (16, advanced and
  intermediate records), judged fresh at 4daf3c6, read by no round.

``gnat_records`` (GNAT fables, one telling declared the record) has only 3 labels: its sample is checked, no floor.

A corpus whose verdicts were read by a later round of rules is development material from then on (the README says
which figure is which). Here each judged link is classified again from its stored texts (pure: the real word diff
and the classifier, no model), each side rebuilt as the pipeline builds it by ``tests/audit_sides.py`` (the passage
read and cut into units by the pipeline's reader and segmenter, quotation marks read from the whole passage, the
sentences around and the whole quotation as ``nearby``, through the pipeline's ``compare.classify.link_side``), and
matched on type, words and detail: a label whose detail changed is judged again. What differs from the pipeline: no
``Testimony`` (each folder has one record) and no corpus-wide pass, so a quotation sentence linked to nothing does
not come back from one link; the benchmark counts those. A rule change that brings back labels judged wrong, or
loses the right ones, fails.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.audit_sides import check_texts, comes_back, figures, judged
from tools.splits import audit_feedback

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Audit:
    """One judged corpus and the floors its sample holds (a little below what this test measures)."""

    corpus: str
    precision: float
    """Least share right among the judged labels that come back from their links."""
    right: int
    """Fewest right labels that come back (the right ones stay)."""
    wrong: int
    """Most wrong labels that come back."""
    kinds: tuple[tuple[str, str], ...]
    """The (sorted) source kinds a judged link may join."""
    clean: float | None = None
    """Least share right on the half never shown to the rules (``synoptic`` only)."""
    size: tuple[int, int] = (60, 20)
    """Fewest judged named labels, and fewest folders they come from, for the sample to hold a floor at all."""


AUDITS = (
    # measured 62 of 66 (0.94) with the sixth round of rules; 62 of 69 (0.90) with the fifth, clean half 31 of 37; 47
    # of 54 with the fourth; 75 of 85 with the rules of 1d44536; 90 of 107 before them; 87 of 111 with the rules before
    # issue 13 (6709419)
    Audit("synoptic", 0.84, 44, 2, (("other", "readout"), ("other", "other")), clean=0.8),
    # fresh at 1d44536: 89 right of 130 (0.685), 7 wrong; with the fourth round 77 of 84; after the labels whose detail
    # changed were judged again, and the fifth round: 92 of 100 (0.920), 1 wrong; the sixth round: 91 of 94, 1 wrong (2
    # labels whose detail changed not judged yet)
    Audit("kings", 0.88, 72, 2, (("other", "readout"),)),
    # fresh at ebb429c: 44 right of 70 (0.629), 7 wrong; with the fifth round, every label judged: 46 of 63 (0.730), 2 wrong;
    # the sixth round: 46 of 58 (0.793), 1 wrong
    Audit("synoptic2", 0.68, 39, 3, (("other", "readout"),)),
    # fresh at 13fe22e (today's rules): 56 right of 64 (0.875), 1 wrong (the benchmark, with the corpus-wide pass: 57 of
    # 69, 0.826); the sixth round, which read these verdicts: 56 of 59 (0.949), 1 wrong (the benchmark: 57 of 60)
    Audit("citations", 0.85, 53, 1, (("other", "readout"), ("other", "transcript"))),
    # fresh at 67feb08: 72 right of 100 (0.72), 5 wrong (the benchmark, with the corpus-wide pass: 87 of 120, 0.725;
    # 18 of 37 on the four tables of genres no round had read); the seventh round, which read these verdicts: 72 of 92
    # (0.78), 3 wrong (the benchmark: 86 of 111)
    Audit("retold", 0.74, 65, 4, (("other", "other"), ("other", "readout"), ("other", "transcript"))),
    # fresh at 866fb73: 16 right of 20 (0.80), none wrong, on 55 folders of 1 Esdras, 1-2 Maccabees and doublets (the
    # frozen rules name few labels there); the next rule (counted lists on loose links) added 3 right numbers: 19 of 23
    Audit("esdras", 0.78, 17, 0, (("other", "readout"),), size=(20, 7)),
    # fresh at 97b4b19: 5 right of 8 (0.625; the benchmark, with the corpus-wide pass), 2 wrong; rebuilt here, without
    # that pass, 4 of 6, 1 wrong; on 59 folders of doublets (most records hold no quotation marks: few labels)
    Audit("doublets", 0.6, 4, 1, (("other", "readout"),), size=(8, 5)),
    # fresh at 1c295da: 1 right of 6 (0.167), 5 wrong (three quotation sentences linked to nothing, one of them named
    # twice, and two links between different requests of Elijah); rebuilt here, without the corpus-wide pass, 1 of 3
    Audit("further", 0.3, 1, 2, (("other", "readout"),), size=(6, 4)),
    # fresh at 6608c8a: 235 right of 287 (0.819), 6 wrong, 46 debatable; OneStopEnglish news, advanced declared the
    # record and elementary a press rewrite, on the 70 articles of the label audit's final set
    Audit("onestop_records", 0.79, 220, 8, (("press", "readout"),), size=(60, 20)),
    # fresh at b4ad724 (the round read beside onestop_records): 318 right of 378 (0.841), 3 wrong, 57 debatable; the
    # label audit's 96 dev articles (less the alignment gold's eight), advanced the record, elementary a press rewrite
    Audit("onestop_records2", 0.82, 305, 5, (("press", "readout"),), size=(60, 20)),
    # fresh at 82fdff4 (the round read beside onestop_records2): 228 right of 260 (0.877), 3 wrong, 29 debatable; the
    # final set's advanced rewrites (read with onestop_records) against their intermediate ones (never read)
    Audit("onestop_records3", 0.85, 215, 5, (("press", "readout"),), size=(60, 20)),
    # fresh at 59c8313 (the round read beside onestop_records3): 315 right of 356 (0.885), 2 wrong, 39 debatable; the
    # dev set's advanced rewrites (read with onestop_records2) against their intermediate ones (never read)
    Audit("onestop_records4", 0.86, 300, 4, (("press", "readout"),), size=(60, 20)),
    # fresh at e72f794 (the round read beside onestop_records4): 73 right of 80 (0.912), 0 wrong, 7 debatable; the
    # eight alignment-gold articles, advanced against elementary and intermediate
    Audit("onestop_records5", 0.88, 68, 1, (("press", "readout"),), size=(60, 10)),
    # fresh at 34f8077 (the sixteenth round, read beside onestop_records to onestop_records5): 544 right of 618 (0.880),
    # 5 wrong, 69 debatable; every article's intermediate rewrite declared the record against its elementary one; the
    # seventeenth round, which read these verdicts: 544 of 607 (0.896), none wrong
    Audit("onestop_records6", 0.87, 530, 2, (("press", "readout"),), size=(60, 20)),
    # fresh at 38aa243: 70 right of 78 (0.897), 7 wrong (hedge 4, number 2, meaning 1), 1 debatable; press rewrites
    # written for the audit of 24 advanced articles (the record); the eighteenth round, which read these verdicts: 71 of
    # 72 (0.986), none wrong
    Audit("written_press", 0.93, 66, 1, (("press", "readout"),), size=(60, 20)),
    # fresh at c43bf36 (the eighteenth round): 63 right of 67 (0.940), 1 wrong, 3 debatable; a second set of written press
    # rewrites; the nineteenth round, which read these verdicts: 63 of 63
    Audit("written_press2", 0.93, 60, 1, (("press", "readout"),), size=(60, 20)),
    # fresh at 5d2d8a9 (the nineteenth round): 75 right of 84 (0.893), 4 wrong, 5 debatable; a third set; the twentieth
    # round, which read these verdicts: 75 of 76
    Audit("written_press3", 0.93, 71, 1, (("press", "readout"),), size=(60, 20)),
    # fresh at 9b34157 (the twentieth round): 50 right of 60 (0.833), 4 wrong, 6 debatable; a fourth set; the
    # twenty-first round, which read these verdicts: 51 of 55, 1 wrong
    Audit("written_press4", 0.88, 48, 1, (("press", "readout"),), size=(50, 20)),
    # fresh at f9b224b (the twenty-first round): 57 right of 65 (0.877), 4 wrong, 4 debatable; a fifth set; the
    # twenty-second round, which read these verdicts: 57 of 62, 1 wrong
    Audit("written_press5", 0.88, 54, 1, (("press", "readout"),), size=(60, 20)),
    # fresh at 05d5a3d (the twenty-second round): 64 right of 70 (0.914), 2 wrong, 4 debatable; a sixth set; the
    # twenty-third round, which read these verdicts: 64 of 68, 1 wrong
    Audit("written_press6", 0.9, 61, 1, (("press", "readout"),), size=(60, 20)),
    # fresh at 4daf3c6 (the twenty-third round), as the next one; no round has read them: 41 right of 43 (0.953), 1
    # wrong (few quotations in these records), and 29 right of 32 (0.906), 2 wrong: together 70 of 75 (0.933)
    Audit("written_press7", 0.9, 39, 1, (("press", "readout"),), size=(40, 20)),
    Audit("written_press8", 0.85, 27, 2, (("press", "readout"),), size=(30, 16)),
    # fresh at 4daf3c6 too, read by no round: 55 right of 57 (0.965), 1 wrong; the three together 125 of 132 (0.947)
    Audit("written_press9", 0.93, 52, 1, (("press", "readout"),), size=(50, 20)),
)


def test_fable_sample_is_judged_on_the_committed_passages():
    # tests/data/gnat_records: two tellings of one fable, the first declared the record; the rules name only 3 labels
    # on 95 folders (few near-verbatim links), too few for a floor, so only the sample itself is checked
    sample = judged(DATA / "gnat_records")
    assert len(sample) >= 3 and all(r["verdict"] in ("right", "debatable", "wrong") and r["note"] for r in sample)
    check_texts(DATA / "gnat_records", sample)


@pytest.mark.parametrize("audit", AUDITS, ids=lambda a: a.corpus)
def test_sample_is_judged_and_large_enough(audit: Audit):
    sample = judged(DATA / audit.corpus)
    assert all(r["verdict"] in ("right", "debatable", "wrong") and r["note"] for r in sample)
    assert len([r for r in sample if r["type"] != "wording"]) >= audit.size[0]
    assert len({r["pericope"] for r in sample}) >= audit.size[1]  # spread over the corpus, not a few passages
    assert {tuple(sorted((r["kind_a"], r["kind_b"]))) for r in sample} <= set(audit.kinds)


@pytest.mark.parametrize("audit", AUDITS, ids=lambda a: a.corpus)
def test_texts_are_the_committed_passages(audit: Audit):
    # every judged link's texts are still whole sentences of the committed corpus (not edited under the verdicts)
    check_texts(DATA / audit.corpus, judged(DATA / audit.corpus))


@pytest.mark.parametrize("audit", AUDITS, ids=lambda a: a.corpus)
def test_precision_holds_its_floor(audit: Audit):
    corpus = DATA / audit.corpus
    sample = judged(corpus)
    right, other, back = figures(corpus, sample)
    assert right / (right + other) >= audit.precision, [(r["type"], r["a"], r["b"], r["note"]) for r in back]
    assert right >= audit.right  # most right labels stay
    assert len(back) <= audit.wrong, [(r["type"], r["a"], r["b"], r["note"]) for r in back]
    if audit.clean is not None:
        clean = [r for r in sample if not audit_feedback(audit.corpus, r["pericope"]) and comes_back(corpus, r)]
        assert sum(r["verdict"] == "right" for r in clean) / len(clean) >= audit.clean
