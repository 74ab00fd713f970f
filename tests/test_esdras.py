"""The sixth audit corpus (``tests/data/esdras/``, made by ``tools/esdras.py``): every folder holds its passages and a
manifest the reader accepts, with one record, and no passage shares a verse with the five audit sets before it
(``tests/data/synoptic``, ``synoptic2``, ``kings``, ``citations``, ``retold``) nor with another passage of this
corpus. Pure: no model."""

from __future__ import annotations

from pathlib import Path

from tests.audit_sides import (
    Span,
    check_fresh_corpus,
    check_manifests,
    check_overlap_check,
    check_passages,
    earlier_spans,
)
from tools import retold
from tools.esdras import DOUBLETS, ESDRAS, MACCABEES, folders, kinds

CORPUS = Path(__file__).parent / "data" / "esdras"


def earlier_sets() -> list[Span]:
    """Every passage range of the audit sets before this one."""
    return earlier_spans(retold)


def test_every_folder_holds_its_passages():
    table = folders()
    assert sorted(p.name for p in CORPUS.iterdir() if p.is_dir()) == sorted(table)
    assert len(table) == len(ESDRAS) + len(MACCABEES) + len(DOUBLETS)
    assert 40 <= len(table) <= 70
    for name, (_, refs) in table.items():
        check_passages(CORPUS / name, refs, 40)
        assert all("." in (CORPUS / name / f"{s}.txt").read_text(encoding="utf-8") for s in refs), name


def test_each_manifest_declares_one_record_and_the_reader_accepts_it():
    check_manifests(CORPUS, folders())
    assert all(kind == "readout" for kind, _ in folders().values())
    assert set(kinds()) == set(folders())


def test_the_record_is_the_canonical_book_or_first_maccabees():
    for name in ESDRAS:
        record, other = folders()[name][1]
        assert record in {"2_chronicles", "ezra", "nehemiah"} and other == "1_esdras", name
    for name in MACCABEES:
        assert list(folders()[name][1]) == ["1_maccabees", "2_maccabees"], name


def test_no_shared_verse_a_judged_sample_or_none_and_the_readme_lists_every_folder():
    # no passage shares a verse with the earlier audit sets nor with another passage of this corpus
    check_fresh_corpus(CORPUS, folders(), earlier_sets())


def test_the_overlap_check_finds_a_shared_verse():
    # the check the corpus passes fails on a passage that reuses one verse of retold's Cyrus decree (Ezra 1:1-4)
    check_overlap_check(earlier_sets(), {"ezra": "Ezra 1:5-6"},
                        ("Ezra 1:4-5", "Ezra 2:70", "Nehemiah 7:73", "II Chronicles 35:18"))


def test_a_known_parallel_is_extracted_as_the_edition_has_it():
    # the vessels Cyrus gave back: Ezra counts 5,400, 1 Esdras 5,479 (Ezra 1:11 / 1 Esdras 2:14)
    folder = CORPUS / "the_vessels_given_back"
    assert "All the vessels of gold and of silver were five thousand four hundred." in (
        folder / "ezra.txt").read_text(encoding="utf-8")
    assert "even five thousand four hundred seventy-nine," in (folder / "1_esdras.txt").read_text(encoding="utf-8")
    # the letter is quoted in 1 Esdras, its closing quotation mark kept
    assert "no passage into Coelesyria and Phoenicia.”" in (
        CORPUS / "the_letter_to_artaxerxes" / "1_esdras.txt").read_text(encoding="utf-8")
