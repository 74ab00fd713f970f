"""Lay out the synopsis: one reference text, every other source's rendering beside it.

Pure view models for ``compare.report``: no HTML here. The synopsis walks the reference's sentences in
order; for each source it shows the linked sentences with the words that differ from the reference, says
where a source has nothing ("not in: readout, tv"), places a source's own additions after the reference
sentence its neighbours are linked to, and marks passages a source tells in another order.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..records import Change, Corpus, Document, Edit, Flag, Link, PairAlignment, Unit
from .marks import CHANGE_ORDER, Badge, NoteIndex, badges, confidence_text, link_marks, loud_types
from .rewording import keep_shared_words

__all__ = [
    "CHANGE_ORDER",
    "Counterpart",
    "SynopsisRow",
    "build_synopsis",
    "find_pair",
    "oriented_links",
    "partner_units",
    "sentence_units",
    "unrelated_sources",
]


@dataclass
class Counterpart:
    """What one source has for one reference sentence."""

    source: str
    """The source's id."""
    pieces: list[tuple[str, str]] = field(default_factory=list)
    """(op, text) of the source's linked sentences in reading order: ``equal``, ``insert`` for the source's own
    words, ``delete`` for the reference's words the source lacks (struck beside what replaces them)."""
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
    badges: tuple[Badge, ...] = ()
    """One per change type (``changes`` grouped)."""
    confidence: str = ""
    """The link's confidence ("0.93"), "" when the aligner gave none."""
    marks: tuple[str, ...] = ()
    """What a person did to the link ("checked by a person", "added by a person")."""
    notes: tuple[str, ...] = ()
    """The teacher's notes on the source's sentences."""
    starred: bool = False
    possible: bool = False
    """Only a possible counterpart (below the link threshold): shown apart, never as a rewrite, not counted."""


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
    notes: tuple[str, ...] = ()
    """The teacher's notes on the row's sentence (the reference sentence, or the added one)."""
    starred: bool = False
    """The teacher starred the row's sentence, or a counterpart in it."""

    @property
    def loud(self) -> bool:
        """Whether the row has a change other than ``wording`` (a stop of ``j``/``k``, kept by "differences only")."""
        return bool(loud_types(self.types))


def find_pair(corpus: Corpus, a: str, b: str) -> PairAlignment | None:
    return next((p for p in corpus.pairs if {p.a, p.b} == {a, b}), None)


def oriented_links(
    pair: PairAlignment, ref: str, *, possible: bool = False
) -> list[tuple[tuple[int, ...], tuple[int, ...], Link]]:
    """Return (reference ids, source ids, link) for each link of ``pair`` (its possible counterparts with
    ``possible``), the reference first."""
    links = pair.possible if possible else pair.links
    if pair.a == ref:
        return [(lk.a, lk.b, lk) for lk in links]
    return [(lk.b, lk.a, lk) for lk in links]


def _pieces(edits: Sequence[Edit], ref_is_a: bool) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Return the reference side of a link's edits, and the source side with the reference's missing words kept.

    The source side reads in order: shared words, the reference's words it lacks (``delete``, struck) and right
    after them the source's own words (``insert``), so "beastly" stands struck beside "piggery".
    """
    ref_only, source_only = ("delete", "insert") if ref_is_a else ("insert", "delete")
    ref = [("delete" if e.op == ref_only else "equal", e.text) for e in edits if e.op != source_only]
    src = [("delete" if e.op == ref_only else "insert" if e.op == source_only else "equal", e.text) for e in edits]
    return ref, src


def _plain(units: Sequence[Unit], ids: Sequence[int]) -> list[tuple[str, str]]:
    by_id = {u.id: u for u in units}
    return [("equal", " ".join(by_id[i].text for i in ids if i in by_id))]


def _position(ords: dict[int, int], s_ids: Sequence[int]) -> str:
    first, total = ords.get(s_ids[0], 0), len(ords)
    return f"sentence {first} of {total}" if len(s_ids) == 1 else f"sentences {first}–{ords.get(s_ids[-1], 0)} of {total}"


def sentence_units(units: Sequence[Unit]) -> list[Unit]:
    return [u for u in units if u.is_sentence]


def _ordinal(units: Sequence[Unit]) -> dict[int, int]:
    return {u.id: k for k, u in enumerate(sentence_units(units), 1)}


def build_synopsis(corpus: Corpus, ref: Document) -> tuple[list[Document], list[SynopsisRow]]:
    """Return the other sources (column order) and the synopsis rows against ``ref``: the sources compared with it
    (every other one, unless ``--pairs reference`` left some pairs out)."""
    others = [d for d in corpus.documents if d.id != ref.id and find_pair(corpus, ref.id, d.id) is not None]
    ref_units = corpus.units[ref.id]
    notes = NoteIndex(corpus)
    by_ref: dict[str, dict[int, tuple[tuple[int, ...], tuple[int, ...], Link]]] = {}
    possible: dict[str, dict[int, tuple[tuple[int, ...], tuple[int, ...], Link]]] = {}
    pairs: dict[str, PairAlignment] = {}
    for doc in others:
        pair = find_pair(corpus, ref.id, doc.id)
        if pair is not None:
            pairs[doc.id] = pair
        table: dict[int, tuple[tuple[int, ...], tuple[int, ...], Link]] = {}
        for r_ids, s_ids, lk in oriented_links(pair, ref.id) if pair else []:
            for r in r_ids:
                table.setdefault(r, (r_ids, s_ids, lk))
        by_ref[doc.id] = table
        maybe: dict[int, tuple[tuple[int, ...], tuple[int, ...], Link]] = {}
        for r_ids, s_ids, lk in oriented_links(pair, ref.id, possible=True) if pair else []:
            if r_ids[0] not in table:
                maybe.setdefault(r_ids[0], (r_ids, s_ids, lk))
        possible[doc.id] = maybe
    runs = [f for f in corpus.flags.get(ref.id, ()) if f.type == "no_counterpart"]
    unrelated = unrelated_sources(corpus)
    started: set[int] = set()

    rows: list[SynopsisRow] = []
    ref_ord = _ordinal(ref_units)
    ref_total = len(ref_ord)
    last_shown: dict[str, int] = {d.id: -1 for d in others}
    previous_end: dict[str, int] = {d.id: -2 for d in others}
    row_of_source_unit: dict[tuple[str, int], int] = {}
    for unit in sentence_units(ref_units):
        for k, flag in enumerate(runs):
            if k not in started and flag.start <= unit.start < flag.end:
                started.add(k)
                rows.append(SynopsisRow("flag", f"flag-{flag.start}", flag=flag))
        cells: list[Counterpart] = []
        missing: list[str] = []
        types: set[str] = set()
        starred = notes.starred(ref.id, [unit.id])
        for doc in others:
            hit = by_ref[doc.id].get(unit.id)
            if hit is None:
                if doc.id not in unrelated:
                    missing.append(doc.id)
                candidate = possible[doc.id].get(unit.id)
                if candidate is None:
                    cells.append(Counterpart(doc.id, missing=True))
                    continue
                # A possible counterpart: its plain text, dashed, with its confidence; never diffed, never badged.
                _, s_ids, lk = candidate
                cells.append(Counterpart(
                    doc.id, _plain(corpus.units[doc.id], s_ids), units=s_ids,
                    position=_position(_ordinal(corpus.units[doc.id]), s_ids), missing=True,
                    confidence=confidence_text(lk), possible=True,
                ))  # fmt: skip
                continue
            r_ids, s_ids, lk = hit
            ref_piece, src_piece = _pieces(keep_shared_words(lk.edits), ref_is_a=pairs[doc.id].a == ref.id)
            if not lk.edits:
                src_piece = _plain(corpus.units[doc.id], s_ids)
            position = _position(_ordinal(corpus.units[doc.id]), s_ids)
            same = unit.id != r_ids[0]
            # Marked where a source's passage told out of the reference's order begins, not on every sentence of it.
            moved = not same and s_ids[0] < last_shown[doc.id] and s_ids[0] != previous_end[doc.id] + 1
            if not same:
                last_shown[doc.id] = max(last_shown[doc.id], s_ids[-1])
                previous_end[doc.id] = s_ids[-1]
                for s in s_ids:
                    row_of_source_unit.setdefault((doc.id, s), len(rows))
            changes = () if same else lk.changes
            cell_starred = notes.starred(doc.id, s_ids)
            starred = starred or (cell_starred and not same)
            cells.append(Counterpart(
                doc.id, src_piece, ref_piece, s_ids, position, moved, same, changes, badges=badges(changes),
                confidence=confidence_text(lk), marks=link_marks(lk), notes=() if same else notes.notes(doc.id, s_ids),
                starred=cell_starred,
            ))  # fmt: skip
            types.update(c.type for c in changes)
        rows.append(SynopsisRow(
            "ref", f"r{unit.id}", unit, cells, missing_in=tuple(missing), types=tuple(t for t in CHANGE_ORDER if t in types),
            position=f"sentence {ref_ord[unit.id]} of {ref_total}", notes=notes.notes(ref.id, [unit.id]),
            starred=starred,
        ))  # fmt: skip

    # A source's sentences that the reference lacks go after the row showing the source's sentence before them.
    inserts: dict[int, list[SynopsisRow]] = {}
    for doc in others:
        if doc.id in unrelated:
            continue  # about something else: listed apart, not interleaved
        shown = sorted(s for (d, s) in row_of_source_unit if d == doc.id)
        ords = _ordinal(corpus.units[doc.id])
        for unit in sentence_units(corpus.units[doc.id]):
            if (doc.id, unit.id) in row_of_source_unit:
                continue
            k = bisect.bisect_left(shown, unit.id)
            anchor_row = row_of_source_unit[(doc.id, shown[k - 1])] if k else -1
            also = tuple(
                d.id for d in corpus.documents
                if d.id not in (doc.id, ref.id) and unit.id in partner_units(corpus, doc.id, d.id)
            )  # fmt: skip
            inserts.setdefault(anchor_row, []).append(SynopsisRow(
                "added", f"s-{doc.id}-{unit.id}", unit, source=doc.id, also_in=also,
                position=f"sentence {ords[unit.id]} of {len(ords)}", notes=notes.notes(doc.id, [unit.id]),
                starred=notes.starred(doc.id, [unit.id]),
            ))  # fmt: skip
    out = list(inserts.get(-1, []))
    for k, row in enumerate(rows):
        out.append(row)
        out.extend(inserts.get(k, []))
    return others, out


def unrelated_sources(corpus: Corpus) -> set[str]:
    """Return the ids of documents flagged ``unrelated``."""
    return {d for d, flags in corpus.flags.items() if any(f.type == "unrelated" for f in flags)}


def partner_units(corpus: Corpus, doc: str, other: str) -> set[int]:
    """Return the unit ids of ``doc`` that have a link to ``other``."""
    pair = find_pair(corpus, doc, other)
    if pair is None:
        return set()
    return {i for lk in pair.links for i in (lk.a if pair.a == doc else lk.b)}
