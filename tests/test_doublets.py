"""The seventh audit corpus (``tests/data/doublets/``, made by ``tools/doublets.py``): every folder holds its passages
and a manifest the reader accepts, with one record, and no passage shares a verse with the six audit sets before it
(``tests/data/synoptic``, ``synoptic2``, ``kings``, ``citations``, ``retold``, ``esdras``) nor with another passage
of this corpus. Pure: no model."""

from __future__ import annotations

import json
from pathlib import Path

from tests.audit_sides import (
    Span,
    audit_spans,
    check_catches,
    check_disjoint,
    check_disjoint_within,
    check_manifests,
    check_passages,
    check_readme_lists,
    spans,
)
from tools import esdras, retold
from tools.doublets import ACTS, CONFESSION, LETTERS, PROVERBS, QUOTED, folders, kinds, tables

CORPUS = Path(__file__).parent / "data" / "doublets"


def earlier_sets() -> list[Span]:
    """Every passage range of the six earlier audit sets: the four ``audit_spans`` knows, and ``retold`` and
    ``esdras`` read from their tools' tables."""
    return audit_spans("synoptic", "synoptic2", "kings", "citations") + [
        span for tool in (retold, esdras) for _, refs in tool.folders().values() for span in spans(refs)]


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


def test_no_passage_shares_a_verse_with_the_other_audit_sets_or_with_another_passage():
    table = {name: refs for name, (_, refs) in folders().items()}
    check_disjoint(table, earlier_sets())
    check_disjoint_within(table)  # nor a verse with another passage of this corpus


def test_the_overlap_check_finds_a_shared_verse():
    # the check the corpus passes fails on a passage that reuses one verse of an earlier set: retold's Jude 4-16,
    # citations' Acts 10:1-8 and Jeremiah 10:12-16, esdras' Jeremiah 6:12-15
    seen = earlier_sets()
    check_disjoint({"new": {"jude": "Jude 1:17-18"}}, seen)
    check_catches(seen, ("Jude 1:16-17", "Acts 10:8", "Jeremiah 10:16", "Jeremiah 6:15", "Proverbs 25:22"))
    # and within the corpus: a second folder reusing Daniel 9:19 is caught
    table = {name: refs for name, (_, refs) in folders().items()}
    try:
        check_disjoint({"again": {"daniel": "Daniel 9:19-20"}},
                       [span for refs in table.values() for span in spans(refs)])
    except AssertionError:
        pass
    else:
        raise AssertionError("Daniel 9:19, in this corpus, was not caught")


def test_judged_sample_is_absent_or_a_list_and_the_readme_lists_every_folder():
    judged = CORPUS / "judged.json"  # the judge writes it, after the rules are frozen
    assert not judged.exists() or isinstance(json.loads(judged.read_text(encoding="utf-8")), list)
    check_readme_lists(CORPUS, folders())


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
