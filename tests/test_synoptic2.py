"""The second synoptic audit corpus (``tests/data/synoptic2/``, ``tools/synoptic.py --set 2``): every pericope folder
holds its passages and a manifest the reader accepts, with Mark as the one readout, and the set shares no pericope and
no verse with the first (``tests/data/synoptic/``), so a label judged on one set is never judged on the other. Pure:
no model."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

from compare.read import read_corpus
from tests.audit_sides import check_passages
from tools.synoptic import BOOKS, PERICOPES, PERICOPES2, RECORD, _ranges, extract, manifest

DATA = Path(__file__).parent / "data"
CORPUS = DATA / "synoptic2"
FIRST = DATA / "synoptic"


def _spans(books: dict[str, str]) -> list[tuple[str, tuple[int, int], tuple[int, int]]]:
    """Each passage range as (gospel, (chapter, verse) of its first verse, (chapter, verse) of its last)."""
    return [(book, (c, v), (lc, lv)) for book, ref in books.items() for c, v, lc, lv in _ranges(ref)]


def test_every_pericope_is_a_folder_with_its_passages():
    folders = sorted(p.name for p in CORPUS.iterdir() if p.is_dir())
    assert folders == sorted(PERICOPES2)
    assert 35 <= len(folders) <= 45
    for name, books in PERICOPES2.items():
        assert len(books) >= 2 and set(books) <= set(BOOKS), name  # two or more gospels report the event
        check_passages(CORPUS / name, books, 20)


def test_each_manifest_declares_mark_as_its_one_readout():
    for name, books in PERICOPES2.items():
        folder = CORPUS / name
        text = (folder / "sources.toml").read_text(encoding="utf-8")
        assert text == manifest(books), name  # as the tool writes it
        sources = tomllib.loads(text)["source"]
        assert sorted(s["file"] for s in sources) == sorted(f"{book}.txt" for book in books)
        readouts = [s["id"] for s in sources if s["kind"] == "readout"]
        assert readouts == ([RECORD] if RECORD in books else []), name
        assert all(s["kind"] == "other" for s in sources if s["id"] != RECORD), name
        assert {s["id"]: s["title"] for s in sources} == {b: f"{BOOKS[b]} {ref}" for b, ref in books.items()}
        docs, rejected = read_corpus(folder)  # the reader accepts the folder as it is
        assert not rejected and {d.id: d.source.kind for d in docs} == {s["id"]: s["kind"] for s in sources}


def test_the_second_set_shares_no_pericope_and_no_verse_with_the_first():
    first_folders = {p.name for p in FIRST.iterdir() if p.is_dir()}
    assert first_folders == set(PERICOPES)  # the first set's table is the committed first corpus
    assert not set(PERICOPES2) & set(PERICOPES)
    first = [span for books in PERICOPES.values() for span in _spans(books)]
    for name, books in PERICOPES2.items():
        for book, start, end in _spans(books):
            assert start <= end, (name, book)
            clash = [(b, s, e) for b, s, e in first if b == book and s <= end and start <= e]
            assert not clash, (name, book, start, end, clash)
    # nor within the second set: one verse belongs to one pericope
    second = [(name, span) for name, books in PERICOPES2.items() for span in _spans(books)]
    for i, (name, (book, start, end)) in enumerate(second):
        for other, (b, s, e) in second[i + 1:]:
            assert not (b == book and s <= end and start <= e), (name, other, book)


def test_judged_sample_is_a_list_and_the_readme_lists_every_pericope():
    assert isinstance(json.loads((CORPUS / "judged.json").read_text(encoding="utf-8")), list)
    readme = (CORPUS / "README.md").read_text(encoding="utf-8")
    for name, books in PERICOPES2.items():
        assert f"| `{name}` | " + "; ".join(f"{BOOKS[b]} {ref}" for b, ref in books.items()) + " |" in readme


def test_a_known_verse_is_extracted_as_the_edition_has_it():
    # Matthew 15:38 and Mark 8:9: Matthew counts the men, and adds the women and children
    folder = CORPUS / "feeding_of_the_four_thousand"
    assert ("Those who ate were four thousand men, in addition to women and children."
            in (folder / "matthew.txt").read_text(encoding="utf-8"))
    assert "Those who had eaten were about four thousand." in (folder / "mark.txt").read_text(encoding="utf-8")


def test_extract_writes_the_table_it_is_given(tmp_path: Path):
    imp = ("$$$Mark 1:1\nThe beginning of the Good News.\n$$$Luke 1:1\nMany have undertaken to set in order a "
           "narrative.\n")
    written = extract(imp, tmp_path, {"opening": {"mark": "1:1", "luke": "1:1"}})
    assert sorted(p.relative_to(tmp_path).as_posix() for p in written) == ["opening/luke.txt", "opening/mark.txt"]
    assert (tmp_path / "opening" / "mark.txt").read_text(encoding="utf-8") == "The beginning of the Good News.\n"
    assert (tmp_path / "opening" / "sources.toml").read_text(encoding="utf-8") == manifest(
        {"mark": "1:1", "luke": "1:1"})


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
