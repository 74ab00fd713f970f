"""Rebuild the links of a judged audit sample from its stored texts, as the pipeline builds them (shared by the audit tests).

A judged label stores both linked texts; each is found again in its committed passage (read with the project's reader,
segmented with its segmenter) and turned into a classifier side by ``compare.classify.link_side``, the function the
pipeline uses, so that a pure test reclassifies exactly what the benchmark classified (no model, no alignment).
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from types import ModuleType

from compare.classify import Side, classify_link, link_side, quoted_spans
from compare.diff import diff_words
from compare.read import read_corpus
from compare.records import Unit
from compare.segment import split_units
from compare.settings import Settings
from tools import kings
from tools.synoptic import manifest


@cache
def passage(folder: Path, doc: str) -> tuple[str, tuple[Unit, ...], tuple[tuple[int, int], ...]]:
    """Return a passage's text as the pipeline reads it, its units and its quotation spans."""
    docs, _ = read_corpus(folder)
    d = next(x for x in docs if x.id == doc)
    return d.text, split_units(d, min_section=Settings().align.section_min_units), quoted_spans(d.text)


def side(folder: Path, doc: str, kind: str, text: str) -> Side:
    """One side of a judged link: the units of ``folder``/``doc`` that the stored ``text`` covers, as the pipeline sees them."""
    whole, units, spans = passage(folder, doc)
    found = re.search(r"\s+".join(re.escape(w) for w in text.split()), whole)
    assert found, f"{text!r} is not in {folder.name}/{doc}.txt"
    ids = [u.id for u in units if u.is_sentence and found.start() <= u.start and u.end <= found.end()]
    assert ids and " ".join(units[i].text for i in ids) == text, f"{text!r} is not whole sentences of {folder.name}/{doc}"
    return link_side(whole, units, ids, doc, kind, spans)


def again(corpus: Path, r: dict[str, str]) -> set[tuple[str, str, str, str]]:
    """Classify a judged label's link again from its stored texts; return its named (type, a, b, detail) labels."""
    folder = corpus / r["pericope"]
    sa = side(folder, r["doc_a"], r["kind_a"], r["text_a"])
    sb = side(folder, r["doc_b"], r["kind_b"], r["text_b"])
    return {(c.type, c.a, c.b, c.detail) for c in classify_link(diff_words(r["text_a"], r["text_b"]), sa, sb)
            if c.type != "wording"}


def comes_back(corpus: Path, r: dict[str, str]) -> bool:
    """Whether the judged label comes back, with the same words and detail, from its stored link."""
    return (r["type"], r["a"], r["b"], r["detail"]) in again(corpus, r)


def judged(corpus: Path) -> list[dict[str, str]]:
    """The judged sample of an audit corpus (``corpus/judged.json``)."""
    return json.loads((corpus / "judged.json").read_text(encoding="utf-8"))


def check_texts(corpus: Path, records: list[dict[str, str]]) -> None:
    """Assert that every judged link's texts are still whole sentences of the committed passages."""
    for r in records:
        side(corpus / r["pericope"], r["doc_a"], r["kind_a"], r["text_a"])
        side(corpus / r["pericope"], r["doc_b"], r["kind_b"], r["text_b"])


def figures(corpus: Path, records: list[dict[str, str]]) -> tuple[int, int, list[dict[str, str]]]:
    """Among the judged labels that come back from their links: (right, not right, the wrong ones)."""
    back = [r for r in records if comes_back(corpus, r)]
    right = sum(r["verdict"] == "right" for r in back)
    return right, len(back) - right, [r for r in back if r["verdict"] == "wrong"]


def check_passages(folder: Path, stems: Iterable[str], min_words: int) -> None:
    """Assert that ``folder`` holds exactly one .txt per stem, each ending in a newline, of at least ``min_words``
    words and free of the edition's markup."""
    stems = sorted(stems)
    assert sorted(p.stem for p in folder.glob("*.txt")) == stems, folder.name
    for stem in stems:
        text = (folder / f"{stem}.txt").read_text(encoding="utf-8")
        assert text.endswith("\n") and len(text.split()) >= min_words, f"{folder.name}/{stem}.txt"
        assert not any(c in text for c in "<>\x00\x01"), f"{folder.name}/{stem}.txt keeps markup"


Span = tuple[str, tuple[int, int], tuple[int, int]]


def spans(refs: dict[str, str]) -> list[Span]:
    """Each range of a folder's passages (``{stem: "Book C:V-V; C:V-V"}``) as (book as the dump names it, (chapter,
    verse) first, (chapter, verse) last)."""
    from tools.kings import passages
    from tools.synoptic import _ranges

    return [(book, (c, v), (lc, lv)) for book, ranges in passages(refs).values() for c, v, lc, lv in _ranges(ranges)]


def audit_spans(*sets: str) -> list[Span]:
    """Every passage range of the named audit sets (``synoptic``, ``synoptic2``, ``kings``, ``citations``)."""
    from tools import citations, kings
    from tools.synoptic import BOOKS, PERICOPES, PERICOPES2

    tables: dict[str, list[dict[str, str]]] = {
        "synoptic": [{g: f"{BOOKS[g]} {ref}" for g, ref in books.items()} for books in PERICOPES.values()],
        "synoptic2": [{g: f"{BOOKS[g]} {ref}" for g, ref in books.items()} for books in PERICOPES2.values()],
        "kings": list(kings.PARALLELS.values()),
        "citations": [refs for _, refs in citations.folders().values()],
    }
    return [span for name in sets for refs in tables[name] for span in spans(refs)]


def check_disjoint(folders: dict[str, dict[str, str]], seen: list[Span]) -> None:
    """Assert that no passage of ``folders`` (``{folder: {stem: "Book C:V-V"}}``) shares a verse with ``seen``."""
    for name, refs in folders.items():
        for book, start, end in spans(refs):
            assert start <= end, (name, book)
            clash = [(b, s, e) for b, s, e in seen if b == book and s <= end and start <= e]
            assert not clash, (name, book, start, end, clash)


def check_manifests(corpus: Path, table: dict[str, tuple[str, dict[str, str]]]) -> None:
    """Assert that each folder's ``sources.toml`` is the one its tool writes (the record first with its kind, the others
    ``other``, each passage's title) and that the project's reader accepts the folder as declared."""
    for name, (kind, refs) in table.items():
        folder = corpus / name
        text = (folder / "sources.toml").read_text(encoding="utf-8")
        titles = {s: kings.title(*p) for s, p in kings.passages(refs).items()}
        assert text == manifest(refs, record=next(iter(refs)), titles=titles, record_kind=kind), name
        sources = tomllib.loads(text)["source"]
        assert sorted(s["file"] for s in sources) == sorted(f"{s}.txt" for s in refs), name
        assert [s["kind"] for s in sources] == [kind] + ["other"] * (len(refs) - 1), name
        docs, rejected = read_corpus(folder)  # the reader accepts the folder as it is
        assert not rejected and {d.id: d.source.kind for d in docs} == {s["id"]: s["kind"] for s in sources}, name


def check_readme_lists(corpus: Path, table: dict[str, tuple[str, dict[str, str]]]) -> None:
    """Assert that the corpus's README.md has a row ``| `folder` | titles |`` for every folder of its tool's table."""
    readme = (corpus / "README.md").read_text(encoding="utf-8")
    for name, (_, refs) in table.items():
        titles = "; ".join(kings.title(*p) for p in kings.passages(refs).values())
        assert f"| `{name}` | {titles} |" in readme, name


def check_disjoint_within(table: dict[str, dict[str, str]]) -> None:
    """Assert that no passage of a corpus shares a verse with another passage of it, nor one range with another range."""
    for name, refs in table.items():
        others = [span for other, r in table.items() if other != name for span in spans(r)]
        check_disjoint({name: refs}, others)
        mine = spans(refs)
        for i, (book, start, end) in enumerate(mine):
            assert not [s for s in mine[i + 1:] if s[0] == book and s[1] <= end and start <= s[2]], (name, book)


def check_catches(seen: list[Span], reused: Iterable[str]) -> None:
    """Assert that ``check_disjoint`` refuses a passage of each reference in ``reused`` against ``seen`` (the check
    can fail: each of these verses is in an earlier set)."""
    for ref in reused:
        try:
            check_disjoint({"reused": {"x": ref}}, seen)
        except AssertionError:
            continue
        raise AssertionError(f"{ref}, which the spans hold, was not caught by the overlap check")


def check_overlap_check(seen: list[Span], free: dict[str, str], reused: Iterable[str],
                        folders: dict[str, tuple[str, dict[str, str]]] | None = None, reused_within: Iterable[str] = ()) -> None:
    """The overlap check a fresh corpus passes can fail: a passage of the free verses ``free`` (stem: references)
    passes against the earlier sets ``seen``, one of each reference in ``reused`` is refused, and, with the corpus's
    ``folders``, one of each reference in ``reused_within`` is refused against the corpus's own passages."""
    check_disjoint({"new": free}, seen)
    check_catches(seen, reused)
    if folders is not None:
        check_catches([span for _, refs in folders.values() for span in spans(refs)], reused_within)


def earlier_spans(*tools: ModuleType) -> list[Span]:
    """Every passage range of the audit sets before a new one: the four ``audit_spans`` knows, and those of the corpus
    ``tools`` (``tools.retold``, ``tools.esdras``, ...) read from their tables (``folders()``)."""
    return audit_spans("synoptic", "synoptic2", "kings", "citations") + [
        span for tool in tools for _, refs in tool.folders().values() for span in spans(refs)]


def check_fresh_corpus(corpus: Path, table: dict[str, tuple[str, dict[str, str]]], seen: list[Span]) -> None:
    """The checks every fresh audit corpus passes: no passage shares a verse with ``seen`` (the earlier sets) nor with
    another passage of it, its judged sample is absent (not judged yet) or a list, and its README lists every folder."""
    refs = {name: r for name, (_, r) in table.items()}
    check_disjoint(refs, seen)
    check_disjoint_within(refs)
    judged = corpus / "judged.json"  # the judge writes it, after the rules are frozen
    assert not judged.exists() or isinstance(json.loads(judged.read_text(encoding="utf-8")), list)
    check_readme_lists(corpus, table)
