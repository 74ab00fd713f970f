"""Lay out the synopsis and the overview: one reference text, every other source's rendering beside it.

Pure view models for ``compare.report``: no HTML here. The synopsis walks the reference's sentences in
order; for each source it shows the linked sentences with the words that differ from the reference, says
where a source has nothing ("not in: readout, tv"), places a source's own additions after the reference
sentence its neighbours are linked to, and marks passages a source tells in another order. The overview
counts, per source, how much of the reference it renders and which kinds of change it makes.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from .errors import InputError
from .records import Change, Corpus, Document, Edit, Flag, Link, PairAlignment, Unit

__all__ = [
    "TELLING_TYPES",
    "Counterpart",
    "HeatCell",
    "Overview",
    "SourceSummary",
    "SynopsisRow",
    "Telling",
    "build_overview",
    "build_synopsis",
    "check_reference",
    "choose_reference",
    "coverage_level",
    "unrelated_sources",
]

TELLING_TYPES = ("loaded_language", "meaning", "quote", "number")
"""Change types listed first among the most telling differences, in this order."""

CHANGE_ORDER = ("loaded_language", "meaning", "quote", "number", "speaker", "hedge", "wording")


def check_reference(ids: Sequence[str], reference: str) -> None:
    """Raise InputError unless ``reference`` is one of the source ``ids``."""
    if reference not in ids:
        raise InputError(
            f"cannot use --reference {reference}: no source has that id (sources: {', '.join(sorted(ids))}). "
            "Pass one of those ids, or leave --reference out to use the transcript."
        )


def choose_reference(corpus: Corpus, reference: str | None) -> Document:
    """Return the reference document: ``reference`` by id, else the first transcript, else the first document."""
    docs = {d.id: d for d in corpus.documents}
    if reference is not None:
        check_reference(list(docs), reference)
        return docs[reference]
    for doc in corpus.documents:
        if doc.source.kind == "transcript":
            return doc
    return corpus.documents[0]


@dataclass
class Counterpart:
    """What one source has for one reference sentence."""

    source: str
    """The source's id."""
    pieces: list[tuple[str, str]] = field(default_factory=list)
    """(op, text) of the source's linked sentences: ``equal``, or ``insert`` for words not in the reference."""
    ref_pieces: list[tuple[str, str]] = field(default_factory=list)
    """(op, text) of the reference side of the link: ``equal``, or ``delete`` for words the source does not have."""
    units: tuple[int, ...] = ()
    """The source's unit ids."""
    position: str = ""
    """Where the sentences stand in their own source ("sentence 12 of 40")."""
    moved: bool = False
    """The source tells this out of the reference's order."""
    same_as_above: bool = False
    """The link spans several reference sentences and was shown at the first of them."""
    changes: tuple[Change, ...] = ()
    missing: bool = False
    """The source has no counterpart for this reference sentence."""


@dataclass
class SynopsisRow:
    """One row of the synopsis: a reference sentence with every source's counterpart, or a source's addition."""

    kind: str
    """``ref`` (a reference sentence), ``added`` (a source's sentence the reference lacks) or ``flag``."""
    anchor: str
    unit: Unit | None = None
    """The reference sentence (``ref``) or the added sentence (``added``)."""
    cells: list[Counterpart] = field(default_factory=list)
    """One per other source, in column order (``ref`` rows)."""
    source: str = ""
    """The source of an ``added`` row."""
    also_in: tuple[str, ...] = ()
    """Other sources that have the added sentence (empty: found nowhere else)."""
    missing_in: tuple[str, ...] = ()
    """Sources with no counterpart for this reference sentence."""
    types: tuple[str, ...] = ()
    """Change types in the row, for filtering."""
    flag: Flag | None = None
    """For ``flag`` rows: the reference document's flag that starts here."""
    position: str = ""


def _pair(corpus: Corpus, a: str, b: str) -> PairAlignment | None:
    return next((p for p in corpus.pairs if {p.a, p.b} == {a, b}), None)


def _oriented(pair: PairAlignment, ref: str) -> list[tuple[tuple[int, ...], tuple[int, ...], Link]]:
    """Return (reference ids, source ids, link) for each link of ``pair``, the reference first."""
    if pair.a == ref:
        return [(lk.a, lk.b, lk) for lk in pair.links]
    return [(lk.b, lk.a, lk) for lk in pair.links]


def _pieces(edits: Sequence[Edit], ref_is_a: bool) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Split a link's edits into the reference side and the source side, each with its own marks."""
    ref_only, source_only = ("delete", "insert") if ref_is_a else ("insert", "delete")
    ref = [("delete" if e.op == ref_only else "equal", e.text) for e in edits if e.op != source_only]
    src = [("insert" if e.op == source_only else "equal", e.text) for e in edits if e.op != ref_only]
    return ref, src


def _sentences(units: Sequence[Unit]) -> list[Unit]:
    return [u for u in units if u.is_sentence]


def _ordinal(units: Sequence[Unit]) -> dict[int, int]:
    return {u.id: k for k, u in enumerate(_sentences(units), 1)}


def build_synopsis(corpus: Corpus, ref: Document) -> tuple[list[Document], list[SynopsisRow]]:
    """Return the other sources (column order) and the synopsis rows against ``ref``."""
    others = [d for d in corpus.documents if d.id != ref.id]
    ref_units = corpus.units[ref.id]
    by_ref: dict[str, dict[int, tuple[tuple[int, ...], tuple[int, ...], Link]]] = {}
    pairs: dict[str, PairAlignment] = {}
    for doc in others:
        pair = _pair(corpus, ref.id, doc.id)
        if pair is not None:
            pairs[doc.id] = pair
        table: dict[int, tuple[tuple[int, ...], tuple[int, ...], Link]] = {}
        for r_ids, s_ids, lk in _oriented(pair, ref.id) if pair else []:
            for r in r_ids:
                table.setdefault(r, (r_ids, s_ids, lk))
        by_ref[doc.id] = table
    runs = [f for f in corpus.flags.get(ref.id, ()) if f.type == "no_counterpart"]
    unrelated = unrelated_sources(corpus)
    started: set[int] = set()

    rows: list[SynopsisRow] = []
    ref_ord = _ordinal(ref_units)
    ref_total = len(ref_ord)
    last_shown: dict[str, int] = {d.id: -1 for d in others}
    previous_end: dict[str, int] = {d.id: -2 for d in others}
    row_of_source_unit: dict[tuple[str, int], int] = {}
    for unit in _sentences(ref_units):
        for k, flag in enumerate(runs):
            if k not in started and flag.start <= unit.start < flag.end:
                started.add(k)
                rows.append(SynopsisRow("flag", f"flag-{flag.start}", flag=flag))
        cells, missing, types = [], [], set()
        for doc in others:
            hit = by_ref[doc.id].get(unit.id)
            if hit is None:
                cells.append(Counterpart(doc.id, missing=True))
                if doc.id not in unrelated:
                    missing.append(doc.id)
                continue
            r_ids, s_ids, lk = hit
            ref_piece, src_piece = _pieces(lk.edits, ref_is_a=pairs[doc.id].a == ref.id)
            ords = _ordinal(corpus.units[doc.id])
            total = len(ords)
            first = ords.get(s_ids[0], 0)
            position = f"sentence {first} of {total}" if len(s_ids) == 1 else f"sentences {first}–{ords.get(s_ids[-1], 0)} of {total}"
            same = unit.id != r_ids[0]
            # Marked where a source's passage told out of the reference's order begins, not on every sentence of it.
            moved = not same and s_ids[0] < last_shown[doc.id] and s_ids[0] != previous_end[doc.id] + 1
            if not same:
                last_shown[doc.id] = max(last_shown[doc.id], s_ids[-1])
                previous_end[doc.id] = s_ids[-1]
                for s in s_ids:
                    row_of_source_unit.setdefault((doc.id, s), len(rows))
            cells.append(Counterpart(doc.id, src_piece, ref_piece, s_ids, position, moved, same, () if same else lk.changes))
            types.update(c.type for c in lk.changes if not same)
        rows.append(SynopsisRow(
            "ref", f"r{unit.id}", unit, cells, missing_in=tuple(missing), types=tuple(t for t in CHANGE_ORDER if t in types),
            position=f"sentence {ref_ord[unit.id]} of {ref_total}",
        ))  # fmt: skip

    # A source's sentences that the reference lacks go after the row showing the source's sentence before them.
    inserts: dict[int, list[SynopsisRow]] = {}
    for doc in others:
        if doc.id in unrelated:
            continue  # about something else: listed apart, not interleaved
        shown = sorted(s for (d, s) in row_of_source_unit if d == doc.id)
        ords = _ordinal(corpus.units[doc.id])
        for unit in _sentences(corpus.units[doc.id]):
            if (doc.id, unit.id) in row_of_source_unit:
                continue
            k = bisect.bisect_left(shown, unit.id)
            anchor_row = row_of_source_unit[(doc.id, shown[k - 1])] if k else -1
            also = tuple(
                d.id for d in corpus.documents
                if d.id not in (doc.id, ref.id) and unit.id in _partners(corpus, doc.id, d.id)
            )  # fmt: skip
            inserts.setdefault(anchor_row, []).append(SynopsisRow(
                "added", f"{doc.id}-{unit.id}", unit, source=doc.id, also_in=also,
                position=f"sentence {ords[unit.id]} of {len(ords)}",
            ))  # fmt: skip
    out = list(inserts.get(-1, []))
    for k, row in enumerate(rows):
        out.append(row)
        out.extend(inserts.get(k, []))
    return others, out


def unrelated_sources(corpus: Corpus) -> set[str]:
    """Return the ids of documents flagged ``unrelated``."""
    return {d for d, flags in corpus.flags.items() if any(f.type == "unrelated" for f in flags)}


def _partners(corpus: Corpus, doc: str, other: str) -> set[int]:
    """Return the unit ids of ``doc`` that have a link to ``other``."""
    pair = _pair(corpus, doc, other)
    if pair is None:
        return set()
    return {i for lk in pair.links for i in (lk.a if pair.a == doc else lk.b)}


@dataclass(frozen=True)
class HeatCell:
    """One cell of the heat map: how much of a reference section a source renders."""

    covered: int
    total: int
    level: str
    """CSS class: ``none``, ``low``, ``mid``, ``high``, ``full``."""

    @property
    def percent(self) -> int:
        """Return the share covered, in whole percent."""
        return round(100 * self.covered / self.total) if self.total else 0


@dataclass(frozen=True)
class SourceSummary:
    """One source's line of the overview."""

    doc: Document
    covered: int
    """Reference sentences with a counterpart in this source."""
    total: int
    """Reference sentences."""
    counts: dict[str, int]
    """Changes of each type on the links between the reference and this source."""
    flags: tuple[Flag, ...]
    heat: tuple[HeatCell, ...]


@dataclass(frozen=True)
class Telling:
    """One of the most telling differences, linked into the synopsis."""

    change: Change
    source: str
    anchor: str
    """Synopsis row id of the first reference sentence of the link."""
    ref_words: str
    """The change's words on the reference's side."""
    source_words: str
    """The change's words on the source's side."""


@dataclass(frozen=True)
class Overview:
    """Everything the overview page shows."""

    reference: Document
    sections: tuple[tuple[int, str, int], ...]
    """(section number, its first words, its sentence count) for each reference section."""
    sources: tuple[SourceSummary, ...]
    telling: tuple[Telling, ...]


def coverage_level(covered: int, total: int) -> str:
    """Return the shade class of a coverage share: ``none``, ``low`` (< 1/3), ``mid`` (< 2/3), ``high``, ``full``."""
    if covered == 0 or total == 0:
        return "none"
    if covered == total:
        return "full"
    share = covered / total
    return "low" if share < 1 / 3 else ("mid" if share < 2 / 3 else "high")


def build_overview(corpus: Corpus, ref: Document, limit: int = 12) -> Overview:
    """Return per-source coverage of ``ref``, change counts, flags, the heat map and the most telling changes."""
    ref_sent = _sentences(corpus.units[ref.id])
    section_ids = sorted({u.section for u in ref_sent})
    sections = tuple(
        (s, " ".join(next(u.text for u in ref_sent if u.section == s).split()[:6]), sum(1 for u in ref_sent if u.section == s))
        for s in section_ids
    )  # fmt: skip
    summaries, telling = [], []
    for doc in corpus.documents:
        if doc.id == ref.id:
            continue
        pair = _pair(corpus, ref.id, doc.id)
        oriented = _oriented(pair, ref.id) if pair else []
        covered_ids = {r for r_ids, _, _ in oriented for r in r_ids}
        counts: Counter[str] = Counter(c.type for _, _, lk in oriented for c in lk.changes)
        heat = tuple(
            HeatCell(c := sum(1 for u in ref_sent if u.section == s and u.id in covered_ids), n, coverage_level(c, n))
            for s, _, n in sections
        )  # fmt: skip
        summaries.append(SourceSummary(
            doc, len(covered_ids & {u.id for u in ref_sent}), len(ref_sent),
            {t: counts.get(t, 0) for t in CHANGE_ORDER}, corpus.flags.get(doc.id, ()), heat,
        ))  # fmt: skip
        ref_is_a = pair is not None and pair.a == ref.id
        for r_ids, _, lk in oriented:
            for c in lk.changes:
                if c.type in TELLING_TYPES:
                    words = (c.a, c.b) if ref_is_a else (c.b, c.a)
                    telling.append(Telling(c, doc.id, f"r{r_ids[0]}", *words))
    telling.sort(key=lambda t: (TELLING_TYPES.index(t.change.type), int(t.anchor[1:]), t.source))
    return Overview(ref, sections, tuple(summaries), tuple(telling[:limit]))
