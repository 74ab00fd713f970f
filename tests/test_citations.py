"""The quotation audit corpus (``tests/data/citations/``, made by ``tools/citations.py``): every folder holds its
passages and a manifest the reader accepts, with one record, every quoting passage puts the words in quotation marks,
and no passage shares a verse with the audit sets that rules were written beside (``tests/data/synoptic``,
``synoptic2``, ``kings``). Pure: no model."""

from __future__ import annotations

import json
from pathlib import Path

from tests.audit_sides import audit_spans, check_disjoint, check_manifests, check_passages, check_readme_lists
from tools import kings
from tools.citations import CITATIONS, PARALLELS, RECORD_KIND, RETELLING_KIND, RETELLINGS, folders, stem

DATA = Path(__file__).parent / "data"
CORPUS = DATA / "citations"
QUOTATION_MARKS = "“‘"


def test_every_folder_holds_its_passages():
    table = folders()
    assert sorted(p.name for p in CORPUS.iterdir() if p.is_dir()) == sorted(table)
    assert len(CITATIONS) >= 30 and len(table) == len(CITATIONS) + len(RETELLINGS) + len(PARALLELS)
    for name, (_, refs) in table.items():
        check_passages(CORPUS / name, refs, 10)


def test_each_manifest_declares_one_record_and_the_reader_accepts_it():
    check_manifests(CORPUS, folders())
    assert all(kind == (RECORD_KIND if name in CITATIONS else RETELLING_KIND) for name, (kind, _) in folders().items())


def test_every_quoting_passage_puts_the_words_in_quotation_marks():
    for name, (record, quotation) in CITATIONS.items():
        book = kings.passages({"q": quotation})["q"][0]
        text = (CORPUS / name / f"{stem(book)}.txt").read_text(encoding="utf-8")
        assert any(mark in text for mark in QUOTATION_MARKS), name
        assert stem(book) != stem(kings.passages({"r": record})["r"][0]), name  # two files, two sources


def test_no_passage_shares_a_verse_with_the_other_audit_sets():
    check_disjoint({name: refs for name, (_, refs) in folders().items()}, audit_spans("synoptic", "synoptic2", "kings"))


def test_judged_sample_is_a_list_and_the_readme_lists_every_folder():
    assert isinstance(json.loads((CORPUS / "judged.json").read_text(encoding="utf-8")), list)
    check_readme_lists(CORPUS, folders())


def test_a_known_quotation_is_extracted_as_the_edition_has_it():
    # Matthew 2:18 quotes Jeremiah 31:15: "is heard" / "was heard", "bitter weeping" / "weeping and great mourning"
    folder = CORPUS / "rachel_weeping"
    assert ("“A voice was heard in Ramah, lamentation, weeping and great mourning, Rachel weeping for her children; "
            "she wouldn’t be comforted, because they are no more.”" in (folder / "matthew.txt").read_text("utf-8"))
    assert ("“A voice is heard in Ramah, lamentation and bitter weeping, Rachel weeping for her children. She refuses "
            "to be comforted for her children, because they are no more.”"
            in (folder / "jeremiah.txt").read_text("utf-8"))


def test_a_book_name_becomes_a_file_stem():
    assert [stem(b) for b in ("I Peter", "II Corinthians", "Psalms", "Song of Solomon")] == [
        "1_peter", "2_corinthians", "psalms", "song_of_solomon"]
