"""Lay out the side-by-side table of one document pair: A's order, B's leftovers placed, moves marked."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from ..records import Edit, Link, Unit
from .marks import Badge, badges, confidence_text, link_marks, loud_types
from .rewording import keep_shared_words

__all__ = ["NoteLookup", "pair_rows"]


@dataclass(frozen=True)
class _Piece:
    op: str
    """``equal``, ``delete`` or ``insert``."""
    text: str


@dataclass
class _UnitView:
    id: int
    pieces: list[_Piece]
    speaker: str | None
    """The unit's speaker, kept only where it differs from the previous shown unit on its side."""
    set_aside: str | None
    notes: tuple[str, ...] = ()
    """The teacher's notes on this sentence."""
    starred: bool = False


@dataclass
class _Cell:
    units: list[_UnitView] = field(default_factory=list)
    note: str = ""
    """Shown instead of units in an empty cell ("no counterpart"; the column says in which source)."""
    moved: int | None = None
    """B unit id shown in the "moved" marker, when this cell breaks B's order."""


@dataclass
class _Row:
    kind: str
    """``link``, ``unmatched-a``, ``unmatched-b``, ``aside-a`` or ``aside-b``; also the row's CSS class."""
    left: _Cell
    right: _Cell
    score: str = ""
    anchor: str = ""
    confidence: str = ""
    """The link's confidence ("0.87"); "" when the aligner gave none or the row is no link."""
    badges: tuple[Badge, ...] = ()
    """One per change type of the link."""
    marks: tuple[str, ...] = ()
    """What a person did to the link."""

    @property
    def types(self) -> tuple[str, ...]:
        """The link's change types, for filtering."""
        return tuple(b.type for b in self.badges)

    @property
    def loud(self) -> bool:
        """Whether the link has a change other than ``wording``."""
        return bool(loud_types(self.types))


NoteLookup = Callable[[str, int], tuple[tuple[str, ...], bool]]
"""(side ``a``/``b``, unit id) -> (the teacher's notes on it, starred)."""


def _no_notes(side: str, unit: int) -> tuple[tuple[str, ...], bool]:
    return (), False


def pair_rows(
    links: Sequence[Link],
    units_a: Sequence[Unit],
    units_b: Sequence[Unit],
    *,
    possible: Sequence[Link] = (),
    notes: NoteLookup = _no_notes,
) -> list[_Row]:
    """Lay out a pair's rows in A's order, B's leftover units placed after their nearest preceding B unit.

    ``possible`` counterparts whose sentences are in no link get a row of their own (kind ``possible``): the two
    texts plain, never diffed or badged. Runs of consecutive unmatched sentences on one side share a row.
    """
    by_a = {u.id: u for u in units_a}
    by_b = {u.id: u for u in units_b}
    linked_a = {i for lk in links for i in lk.a}
    linked_b = {j for lk in links for j in lk.b}
    maybe = [lk for lk in possible if not (set(lk.a) & linked_a or set(lk.b) & linked_b)]
    starts: dict[int, list[tuple[Link, bool]]] = {}
    in_link_a: set[int] = set()
    for lk, is_possible in sorted([(lk, False) for lk in links] + [(lk, True) for lk in maybe],
                                  key=lambda x: (x[0].a[0], x[0].b[0], x[1])):  # fmt: skip
        starts.setdefault(lk.a[0], []).append((lk, is_possible))
        in_link_a.update(lk.a)

    rows: list[_Row] = []
    shown_b: dict[int, int] = {}  # B unit id -> index of the first row showing it
    for unit in units_a:
        for lk, is_possible in starts.get(unit.id, []):
            if is_possible:
                left = _Cell([_plain(by_a[i]) for i in lk.a])
                right = _Cell([_plain(by_b[j]) for j in lk.b])
            else:
                left, right = _link_cells(lk, by_a, by_b)
            for j in lk.b:
                shown_b.setdefault(j, len(rows))
            rows.append(_Row(
                "possible" if is_possible else "link", left, right, score=f"{lk.score:.2f}",
                confidence=confidence_text(lk), badges=() if is_possible else badges(lk.changes),
                marks=() if is_possible else link_marks(lk),
            ))  # fmt: skip
        if unit.id in in_link_a:
            continue
        if unit.set_aside is not None:
            rows.append(_Row("aside-a", _Cell([_plain(unit)]), _Cell()))
        else:
            rows.append(_Row("unmatched-a", _Cell([_plain(unit)]), _Cell(note="no counterpart")))

    # Each leftover B unit goes right after the row of the nearest preceding B unit already shown;
    # walking B in order keeps runs of leftovers in B order.
    linked = sorted(shown_b)
    after: dict[int, list[_Row]] = {}
    for unit in units_b:
        if unit.id in shown_b:
            continue
        k = bisect.bisect_left(linked, unit.id)
        anchor = shown_b[linked[k - 1]] if k else -1
        if unit.set_aside is not None:
            row = _Row("aside-b", _Cell(), _Cell([_plain(unit)]))
        else:
            row = _Row("unmatched-b", _Cell(note="no counterpart"), _Cell([_plain(unit)]))
        after.setdefault(anchor, []).append(row)
    ordered = list(after.get(-1, []))
    for i, row in enumerate(rows):
        ordered.append(row)
        ordered.extend(after.get(i, []))

    ordered = _merge_runs(ordered)
    _mark_moved(ordered)
    _keep_speaker_changes(row.left.units for row in ordered)
    _keep_speaker_changes(row.right.units for row in ordered)
    _set_anchors(ordered)
    for row in ordered:
        for side, cell in (("a", row.left), ("b", row.right)):
            for view in cell.units:
                view.notes, view.starred = notes(side, view.id)
    return ordered


def _merge_runs(rows: Sequence[_Row]) -> list[_Row]:
    """Join runs of set-aside or unmatched units that follow each other on one side into one row (a compact table)."""
    out: list[_Row] = []
    for row in rows:
        prev = out[-1] if out else None
        if prev is not None and row.kind == prev.kind and row.kind in ("aside-a", "aside-b", "unmatched-a", "unmatched-b"):
            side, prev_side = (row.left, prev.left) if row.kind.endswith("-a") else (row.right, prev.right)
            if side.units[0].id == prev_side.units[-1].id + 1:
                prev_side.units.extend(side.units)
                continue
        out.append(row)
    return out


def _plain(unit: Unit) -> _UnitView:
    return _UnitView(unit.id, [_Piece("equal", unit.text)], unit.speaker, unit.set_aside)


def _link_cells(lk: Link, by_a: dict[int, Unit], by_b: dict[int, Unit]) -> tuple[_Cell, _Cell]:
    ua, ub = [by_a[i] for i in lk.a], [by_b[j] for j in lk.b]
    edits = keep_shared_words(lk.edits)
    left = _side_pieces(edits, "insert", [u.text for u in ua])
    right = _side_pieces(edits, "delete", [u.text for u in ub])
    return (
        _Cell([_UnitView(u.id, p, u.speaker, None) for u, p in zip(ua, left)]),
        _Cell([_UnitView(u.id, p, u.speaker, None) for u, p in zip(ub, right)]),
    )


def _side_pieces(edits: Sequence[Edit], skip: str, texts: Sequence[str]) -> list[list[_Piece]]:
    """Split one side's edits (all but ``skip``) back into its units' texts.

    Edits run over the units' texts joined by one space (``pipeline.link_text``); the joining spaces
    belong to no unit and are dropped. Without edits, or with edits that do not rebuild the text,
    each unit is shown plain.
    """
    joined = " ".join(texts)
    ops = [(e.op, e.text) for e in edits if e.op != skip]
    if "".join(t for _, t in ops) != joined:
        return [[_Piece("equal", t)] for t in texts]
    spans, start = [], 0
    for t in texts:
        spans.append((start, start + len(t)))
        start += len(t) + 1
    out: list[list[_Piece]] = [[] for _ in texts]
    pos = 0
    for op, text in ops:
        end = pos + len(text)
        for i, (s, e) in enumerate(spans):
            lo, hi = max(s, pos), min(e, end)
            if lo < hi:
                pieces = out[i]
                if pieces and pieces[-1].op == op:
                    pieces[-1] = _Piece(op, pieces[-1].text + joined[lo:hi])
                else:
                    pieces.append(_Piece(op, joined[lo:hi]))
        pos = end
    return out


def _mark_moved(rows: Sequence[_Row]) -> None:
    """Mark where a run of B sentences shown out of B's order begins.

    B's order is kept by a longest increasing subsequence of the sentence cells' first B ids, so
    one sentence that jumps ahead marks only itself, not every cell after it. A cell outside it
    that goes straight on from the B cell shown just above (next B id) is part of the same moved
    run and gets no marker of its own.
    """
    cells = [row.right for row in rows if row.right.units and row.kind != "aside-b"]
    keys = [c.units[0].id for c in cells]
    tails: list[int] = []  # tails[k]: index of the smallest last key of an increasing run of length k+1
    tail_keys: list[int] = []
    prev = [-1] * len(keys)
    for i, key in enumerate(keys):
        k = bisect.bisect_left(tail_keys, key)
        if k:
            prev[i] = tails[k - 1]
        if k == len(tails):
            tails.append(i)
            tail_keys.append(key)
        else:
            tails[k], tail_keys[k] = i, key
    keep: set[int] = set()
    i = tails[-1] if tails else -1
    while i >= 0:
        keep.add(id(cells[i]))
        i = prev[i]
    last_b: int | None = None
    for row in rows:
        cell = row.right
        if not cell.units:
            continue
        first = cell.units[0].id
        goes_on = last_b is not None and first == last_b + 1
        if row.kind != "aside-b" and id(cell) not in keep and not goes_on:
            cell.moved = first
        last_b = cell.units[-1].id


def _keep_speaker_changes(cells: Iterable[list[_UnitView]]) -> None:
    """Blank each unit's speaker unless it differs from the previous sentence shown on the same side."""
    last: str | None = None
    for units in cells:
        for view in units:
            if view.set_aside is not None:
                view.speaker = None
                continue
            speaker, view.speaker = view.speaker, (view.speaker if view.speaker != last else None)
            last = speaker


def _set_anchors(rows: Sequence[_Row]) -> None:
    used: set[str] = set()
    for row in rows:
        side, cell = ("a", row.left) if row.left.units else ("b", row.right)
        name = f"{side}{cell.units[0].id}"
        if name not in used:
            row.anchor = name
            used.add(name)
