"""The seventh audit corpus (``tests/data/doublets/``, made by ``tools/doublets.py``): every folder holds its passages
and a manifest the reader accepts, with one record, and no passage shares a verse with the six audit sets before it
(``tests/data/synoptic``, ``synoptic2``, ``kings``, ``citations``, ``retold``, ``esdras``) nor with another passage
of this corpus. Pure: no model."""

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
from tools import esdras, retold
from tools.doublets import ACTS, CONFESSION, LETTERS, PROVERBS, QUOTED, folders, kinds, tables

CORPUS = Path(__file__).parent / "data" / "doublets"


def earlier_sets() -> list[Span]:
    """Every passage range of the audit sets before this one."""
    return earlier_spans(retold, esdras)


def test_every_folder_holds_its_passages():
    table = folders()
    assert sorted(p.name for p in CORPUS.iterdir() if p.is_dir()) == sorted(table)
    assert len(table) == sum(len(t) for t in tables().values())
    assert 35 <= len(table) <= 60
    for name, (_, refs) in table.items():
        check_passages(CORPUS / name, refs, 15)  # a proverb or a refrain: a verse or two a side
        assert all("." in (CORPUS / name / f"{s}.txt").read_text(encoding="utf-8") for s in refs), name


def test_each_manifest_declares_one_record_and_the_reader_accepts_it():
    check_manifests(CORPUS, folders())
    assert set(kinds()) == set(folders())
    assert {name for name, (kind, _) in folders().items() if kind == "transcript"} == set(QUOTED)
    assert all(kind == "readout" for name, (kind, _) in folders().items() if name not in QUOTED)


def test_the_record_is_the_one_the_readme_names():
    for name in CONFESSION:
        assert list(folders()[name][1]) == ["daniel", "baruch"], name
    for name in LETTERS:
        assert next(iter(folders()[name][1])) in {"jude", "colossians"}, name
    for name in ACTS:
        assert next(iter(folders()[name][1])).startswith("acts"), name
    for name, refs in PROVERBS.items():  # the record holds the first occurrence of each saying
        first, *others = (spans({"x": ref}) for ref in refs)
        for other in others:
            assert [s[1] for s in first if s[0] == "Proverbs"] < [s[1] for s in other], name


def test_no_shared_verse_a_judged_sample_or_none_and_the_readme_lists_every_folder():
    # no passage shares a verse with the earlier audit sets nor with another passage of this corpus
    check_fresh_corpus(CORPUS, folders(), earlier_sets())


def test_the_overlap_check_finds_a_shared_verse():
    # the check the corpus passes fails on a passage that reuses one verse of an earlier set: retold's Jude 4-16,
    # citations' Acts 10:1-8 and Jeremiah 10:12-16, esdras' Jeremiah 6:12-15
    # and within the corpus: a second folder reusing one of its verses is caught
    check_overlap_check(earlier_sets(), {"jude": "Jude 1:17-18"},
                        ("Jude 1:16-17", "Acts 10:8", "Jeremiah 10:16", "Jeremiah 6:15", "Proverbs 25:22"),
                        folders(), ("Daniel 9:19-20",))


def test_a_known_parallel_is_extracted_as_the_edition_has_it():
    # Daniel's and Baruch's prayers open alike ("confusion of face, as it is today" / "as at this day")
    folder = CORPUS / "confusion_of_face"
    assert "but to us confusion of face, as it is today;" in (folder / "daniel.txt").read_text(encoding="utf-8")
    assert "but to us confusion of face, as at this day" in (folder / "baruch.txt").read_text(encoding="utf-8")
    # Joshua's curse and its fulfilment name the sons only in Kings
    jericho = CORPUS / "the_curse_on_jericho"
    assert "with the loss of Abiram his firstborn" in (jericho / "1_kings.txt").read_text(encoding="utf-8")
    # Moses quotes the name proclaimed at Sinai in single quotation marks, inside his own speech
    assert "‘Yahweh is slow to anger," in (
        CORPUS / "slow_to_anger_as_you_have_spoken" / "numbers.txt").read_text(encoding="utf-8")
