"""The eighth audit corpus (``tests/data/further/``, made by ``tools/further.py``): every folder holds its passages
and a manifest the reader accepts, with one record, and no passage shares a verse with the seven audit sets before
it (``tests/data/synoptic``, ``synoptic2``, ``kings``, ``citations``, ``retold``, ``esdras``, ``doublets``) nor with
another passage of this corpus. Pure: no model."""

from __future__ import annotations

from pathlib import Path

from tests.audit_sides import (
    Span,
    check_fresh_corpus,
    check_manifests,
    check_overlap_check,
    check_passages,
    earlier_spans,
    spans,
)
from tools import doublets, esdras, retold
from tools.further import HISTORIES, LETTERS, PROPHETS, folders, tables

CORPUS = Path(__file__).parent / "data" / "further"


def earlier_sets() -> list[Span]:
    """Every passage range of the audit sets before this one."""
    return earlier_spans(retold, esdras, doublets)


def test_every_folder_holds_its_passages():
    table = folders()
    assert sorted(p.name for p in CORPUS.iterdir() if p.is_dir()) == sorted(table)
    assert len(table) == sum(len(t) for t in tables().values())
    assert 20 <= len(table) <= 45
    for name, (_, refs) in table.items():
        check_passages(CORPUS / name, refs, 15)
        texts = [(CORPUS / name / f"{s}.txt").read_text(encoding="utf-8") for s in refs]
        assert all(any(end in text for end in ".?!") for text in texts), name  # a whole sentence at least


def test_each_manifest_declares_one_record_and_the_reader_accepts_it():
    check_manifests(CORPUS, folders())
    assert all(kind == "readout" for kind, _ in folders().values())


def test_the_record_is_the_one_the_readme_names():
    for name in PROPHETS:  # the first in the book
        first, *others = (spans({"x": ref}) for ref in PROPHETS[name])
        for other in others:
            assert first[0][0] == other[0][0] and first[0][1] < other[0][1], name
    assert next(iter(folders()["josiahs_reform"][1])) == "2_kings"
    assert next(iter(folders()["the_overseer_must_be_blameless"][1])) == "1_timothy"
    for name in ("lysias_rescues_paul", "seized_in_the_temple"):
        assert next(iter(folders()[name][1])) == "acts_21", name
    assert set(HISTORIES) | set(LETTERS) | set(PROPHETS) == set(folders())


def test_no_shared_verse_a_judged_sample_or_none_and_the_readme_lists_every_folder():
    # no passage shares a verse with the earlier audit sets nor with another passage of this corpus
    check_fresh_corpus(CORPUS, folders(), earlier_sets())


def test_the_overlap_check_finds_a_shared_verse():
    # the check the corpus passes fails on a passage that reuses one verse of an earlier set: doublets' Ezekiel
    # 18:1-4 and 33:7-9, kings' 2 Kings 22-23, citations' Exodus 18:13-26, retold's Jeremiah 26:17-19
    # and within the corpus: a second folder reusing one of its verses is caught
    check_overlap_check(earlier_sets(), {"ezekiel": "Ezekiel 18:5-9"},
                        ("Ezekiel 18:4-5", "Ezekiel 33:9-10", "II Kings 23:3-4", "Exodus 18:21", "Jeremiah 26:16-17"),
                        folders(), ("Ezekiel 33:11-12",))


def test_a_known_parallel_is_extracted_as_the_edition_has_it():
    # Ezekiel 18 and 33 ask the same question, "why will you die, house of Israel?"
    folder = CORPUS / "why_will_you_die"
    for stem in ("ezekiel_18", "ezekiel_33"):
        assert "why will you die, house of Israel?" in (folder / f"{stem}.txt").read_text(encoding="utf-8"), stem
    # Elisha's word is quoted back by Naaman's servants in single quotation marks
    assert "‘Wash, and be clean?’" in (CORPUS / "wash_and_be_clean" / "2_kings_5_13.txt").read_text(encoding="utf-8")
    # the seventy elders: the number in the command and in its fulfilment
    elders = CORPUS / "the_seventy_elders"
    assert all("seventy" in p.read_text(encoding="utf-8") for p in elders.glob("*.txt"))
