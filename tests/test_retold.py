"""The fresh audit corpus (``tests/data/retold/``, made by ``tools/retold.py``): every folder holds its passages and a
manifest the reader accepts, with one record, every quoting passage puts the words in quotation marks, and no passage
shares a verse with the four audit sets that rules were written beside or judged on (``tests/data/synoptic``,
``synoptic2``, ``kings``, ``citations``) nor with another passage of this corpus. Pure: no model."""

from __future__ import annotations

import json
from pathlib import Path

from tests.audit_sides import (
    audit_spans,
    check_disjoint,
    check_disjoint_within,
    check_manifests,
    check_passages,
    check_readme_lists,
)
from tools.retold import CHRONICLES, GOSPELS, LAWS, PARALLELS, QUOTATIONS, RETELLINGS, folders, kinds, stems
from tools.synoptic import parse_imp, passage_text

CORPUS = Path(__file__).parent / "data" / "retold"
QUOTATION_MARKS = "“‘"


def test_every_folder_holds_its_passages():
    table = folders()
    assert sorted(p.name for p in CORPUS.iterdir() if p.is_dir()) == sorted(table)
    tables = (RETELLINGS, LAWS, PARALLELS, QUOTATIONS, CHRONICLES, GOSPELS)
    assert len(table) == sum(map(len, tables)) >= 100
    for name, (_, refs) in table.items():
        check_passages(CORPUS / name, refs, 10)


def test_each_manifest_declares_one_record_and_the_reader_accepts_it():
    check_manifests(CORPUS, folders())
    assert all(kind == ("transcript" if name in QUOTATIONS else "readout") for name, (kind, _) in folders().items())
    assert set(kinds()) == set(folders())


def test_every_quoting_passage_puts_the_words_in_quotation_marks():
    for name, (_, refs) in folders().items():
        if name in QUOTATIONS:
            for s in list(refs)[1:]:
                assert any(m in (CORPUS / name / f"{s}.txt").read_text(encoding="utf-8") for m in QUOTATION_MARKS), (
                    name, s)


def test_no_passage_shares_a_verse_with_the_other_audit_sets_or_with_another_passage():
    table = {name: refs for name, (_, refs) in folders().items()}
    check_disjoint(table, audit_spans("synoptic", "synoptic2", "kings", "citations"))
    check_disjoint_within(table)  # nor a verse with another passage of this corpus


def test_the_overlap_check_finds_a_shared_verse():
    # the check the corpus passes fails on a passage that reuses one verse of the Samuel–Kings set
    seen = audit_spans("kings")
    check_disjoint({"new": {"samuel": "II Samuel 10:20-21"}}, seen)
    try:
        check_disjoint({"reused": {"samuel": "II Samuel 10:19-20"}}, seen)
    except AssertionError:
        return
    raise AssertionError("a passage sharing 2 Samuel 10:19 with tests/data/kings was not caught")


def test_judged_sample_is_absent_or_a_list_and_the_readme_lists_every_folder():
    judged = CORPUS / "judged.json"
    assert not judged.exists() or isinstance(json.loads(judged.read_text(encoding="utf-8")), list)
    check_readme_lists(CORPUS, folders())


def test_a_passage_is_named_by_its_book_and_where_needed_its_chapter_and_verse():
    assert list(stems(("Numbers 20:14-21", "Deuteronomy 2:1-8", "Judges 11:12-18"))) == [
        "numbers", "deuteronomy", "judges"]
    assert list(stems(("Genesis 27:1-4", "Genesis 27:5-10"))) == ["genesis_27_1", "genesis_27_5"]
    assert list(stems(("Numbers 27:12-14", "Deuteronomy 3:23-28", "Deuteronomy 32:48-52"))) == [
        "numbers", "deuteronomy_3", "deuteronomy_32"]
    assert list(stems(("II Samuel 5:13-16", "I Chronicles 14:3-7", "I Chronicles 3:5-9"))) == [
        "2_samuel", "1_chronicles_14", "1_chronicles_3"]


def test_a_known_retelling_is_extracted_as_the_edition_has_it():
    # Isaac asks Esau for venison (Genesis 27:3-4); Rebekah retells it to Jacob (27:7), "before Yahweh" added
    folder = CORPUS / "isaacs_request"
    assert "Make me savory food, such as I love, and bring it to me, that I may eat, and that my soul may bless you " \
           "before I die." in (folder / "genesis_27_1.txt").read_text(encoding="utf-8")
    assert "‘Bring me venison, and make me savory food, that I may eat, and bless you before Yahweh before my " \
           "death.’" in (folder / "genesis_27_5.txt").read_text(encoding="utf-8")


def test_ranges_of_one_passage_are_paragraphs_in_the_order_given():
    imp = ("$$$Joshua 15:63\nAs for the Jebusites.\n$$$Joshua 16:10\nThey didn’t drive out the Canaanites.\n"
           "$$$Joshua 17:11\nManasseh had three heights.\n")
    assert passage_text(parse_imp(imp), "joshua", "15:63; 17:11; 16:10", name="Joshua") == (
        "As for the Jebusites.\n\nManasseh had three heights.\n\nThey didn’t drive out the Canaanites.\n")
