"""The Samuel–Kings audit corpus (``tests/data/kings/``, made by ``tools/kings.py``): every parallel folder holds its
passages and a manifest the reader accepts, with the record as the one readout, and the extraction keeps the text.
Pure: no model."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

from compare.read import read_corpus
from tests.audit_sides import check_passages
from tools.kings import PARALLELS, RECORDS, passages, title
from tools.synoptic import parse_imp, passage_text

CORPUS = Path(__file__).parent / "data" / "kings"


def test_every_parallel_is_a_folder_with_its_passages():
    folders = sorted(p.name for p in CORPUS.iterdir() if p.is_dir())
    assert folders == sorted(PARALLELS)
    assert 35 <= len(folders) <= 45
    for name, refs in PARALLELS.items():
        check_passages(CORPUS / name, refs, 60)


def test_each_manifest_declares_the_record_as_its_one_readout():
    for name, refs in PARALLELS.items():
        folder = CORPUS / name
        manifest = tomllib.loads((folder / "sources.toml").read_text(encoding="utf-8"))["source"]
        assert sorted(s["file"] for s in manifest) == sorted(f"{stem}.txt" for stem in refs)
        readouts = [s["id"] for s in manifest if s["kind"] == "readout"]
        assert len(readouts) == 1 and readouts[0] in RECORDS, name
        assert all(s["kind"] == "other" for s in manifest if s["id"] not in RECORDS), name
        assert {s["id"]: s["title"] for s in manifest} == {stem: title(*p) for stem, p in passages(refs).items()}
        docs, rejected = read_corpus(folder)  # the reader accepts the folder as it is
        assert not rejected and {d.id: d.source.kind for d in docs} == {s["id"]: s["kind"] for s in manifest}


def test_judged_sample_is_a_list():
    assert isinstance(json.loads((CORPUS / "judged.json").read_text(encoding="utf-8")), list)


def test_a_known_verse_is_extracted_as_the_edition_has_it():
    # 2 Samuel 10:18 and 1 Chronicles 19:18: the retelling changes the number (and horsemen to footmen)
    assert ("The Syrians fled before Israel; and David killed seven hundred charioteers of the Syrians and forty "
            "thousand horsemen, and struck Shobach the captain of their army, so that he died there."
            in (CORPUS / "ammonite_war" / "samuel.txt").read_text(encoding="utf-8"))
    assert ("The Syrians fled before Israel; and David killed of the Syrian men seven thousand charioteers and forty "
            "thousand footmen, and also killed Shophach the captain of the army."
            in (CORPUS / "ammonite_war" / "chronicles.txt").read_text(encoding="utf-8"))


def test_references_split_into_the_dump_book_and_its_ranges():
    assert passages({"samuel": "II Samuel 11:1; 12:26-31", "isaiah": "Isaiah 36:1-10"}) == {
        "samuel": ("II Samuel", "11:1; 12:26-31"), "isaiah": ("Isaiah", "36:1-10")}
    assert title("II Samuel", "11:1; 12:26-31") == "2 Samuel 11:1; 12:26-31"
    assert title("I Chronicles", "15:25-16:3") == "1 Chronicles 15:25-16:3"
    assert title("Jeremiah", "52:1-11") == "Jeremiah 52:1-11"


def test_a_range_runs_into_the_next_chapter_with_its_paragraph_mark():
    imp = ('$$$I Chronicles 15:28\n<w lemma="strong:H3478">Thus all Israel</w> brought up the ark.\n'
           '$$$I Chronicles 15:29\nAs the ark came, Michal looked out at the window.<div eID="g1" type="x-p"/>\n'
           '$$$I Chronicles 16:0\n<div sID="g2" type="x-p"/><chapter n="16" osisID="1Chr.16" sID="1Chr.16"/>\n'
           '$$$I Chronicles 16:1\nThey brought in God’s ark.\n'
           '$$$I Chronicles 16:2\nNot in the range.\n')
    text = passage_text(parse_imp(imp), "chronicles", "15:28-16:1", name="I Chronicles")
    assert text == ("Thus all Israel brought up the ark. As the ark came, Michal looked out at the window.\n\n"
                    "They brought in God’s ark.\n")
    # two ranges are two paragraphs; a range within one chapter reads as before
    assert passage_text(parse_imp(imp), "chronicles", "15:28; 16:2", name="I Chronicles") == (
        "Thus all Israel brought up the ark.\n\nNot in the range.\n")
