"""Lay out and render the handout: the rows a teacher starred (else the most telling differences), ready to print.

Each item is one row of the synopsis against the reference: the reference sentence and at most two other
sources' versions with the changed words marked, the named changes spelled out in words, the teacher's notes
and room for the students' answers. At most three source columns, so that it fits A4 and Letter portrait.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ..records import Change, Corpus, Document
from .environment import environment
from .marks import CHANGE_ORDER, QUIET_TYPES
from .synopsis import Counterpart, SynopsisRow, build_synopsis, find_pair, unrelated_sources

__all__ = ["Handout", "HandoutItem", "build_handout", "render_handout"]

MAX_OTHER_SOURCES = 2
"""Sources shown beside the reference: three columns in all fit a portrait page."""
MAX_TELLING_ROWS = 10
"""Rows chosen when none is starred."""

_TELLING = ("loaded_language", "meaning", "quote", "number", "speaker", "hedge")


@dataclass(frozen=True)
class HandoutItem:
    """One row of the handout."""

    number: int
    row: SynopsisRow
    cells: tuple[Counterpart | None, ...]
    """One per chosen source, in column order; ``None`` where the row is another source's addition."""
    explained: tuple[str, ...]
    """The named changes of the shown versions, each said in a sentence."""
    notes: tuple[tuple[str, str], ...]
    """(source id, note) of every note on the row's sentences."""
    rewordings: int
    """``wording`` changes in the shown versions (not spelled out)."""


@dataclass(frozen=True)
class Handout:
    """Everything the handout shows."""

    reference: Document
    sources: tuple[Document, ...]
    """The other sources shown, in column order (at most ``MAX_OTHER_SOURCES``)."""
    items: tuple[HandoutItem, ...]
    selection: str
    """How the rows were chosen, in words (stated in the header)."""
    left_out: tuple[str, ...]
    """Ids of sources of the event not shown (a handout has room for three columns)."""


def _label(t: str) -> str:
    return t.replace("_", " ")


def _chosen_rows(rows: Sequence[SynopsisRow]) -> tuple[list[SynopsisRow], str]:
    starred = [r for r in rows if r.starred]
    if starred:
        n = len(starred)
        return starred, f"the {n} {'row' if n == 1 else 'rows'} starred by the teacher"

    def rank(r: SynopsisRow) -> tuple[int, int]:
        return min(_TELLING.index(t) for t in r.types if t in _TELLING), r.unit.id if r.unit else 0

    telling = [r for r in rows if r.kind == "ref" and r.loud]
    picked = set(id(r) for r in sorted(telling, key=rank)[:MAX_TELLING_ROWS])
    chosen = [r for r in rows if id(r) in picked]
    if not chosen:
        return [], "no row was starred, and compare named no change other than rewording"
    n = len(chosen)
    return chosen, (
        f"no row was starred: the {n} most telling {'difference' if n == 1 else 'differences'} compare found "
        "(loaded language, meaning, quote, number, speaker, hedge first; rewording left out)"
    )


def _choose_sources(rows: Sequence[SynopsisRow], others: Sequence[Document], unrelated: set[str]) -> list[Document]:
    """Pick the sources with the most to show in the chosen rows: starred versions first, then named changes."""
    weight: Counter[str] = Counter()
    for row in rows:
        if row.kind == "added":
            weight[row.source] += 100
        for c in row.cells:
            if c.missing or c.same_as_above:
                continue
            weight[c.source] += 1 + 100 * c.starred + 10 * sum(b.count for b in c.badges if b.type not in QUIET_TYPES)
    order = {d.id: k for k, d in enumerate(others)}
    ranked = sorted((d for d in others if d.id not in unrelated and weight[d.id]), key=lambda d: (-weight[d.id], order[d.id]))
    return sorted(ranked[:MAX_OTHER_SOURCES], key=lambda d: order[d.id])


def _explain(change: Change, source: str, ref: str, ref_is_a: bool) -> str:
    ref_words, src_words = ((w or "").strip(" ,.;:") for w in ((change.a, change.b) if ref_is_a else (change.b, change.a)))
    detail = change.detail[:1].upper() + change.detail[1:]
    label = _label(change.type).capitalize()
    if detail and all(w in detail for w in (ref_words, src_words) if w):
        return f"{label}: {detail}"  # the detail already quotes both sides
    if change.type == "speaker":
        said = f"{source} gives the words to {src_words or 'someone else'}; {ref} to {ref_words or 'someone else'}."
    elif ref_words and src_words:
        said = f"{source} has “{src_words}” where {ref} has “{ref_words}”."
    elif src_words:
        said = f"{source} adds “{src_words}”."
    else:
        said = f"{source} leaves out “{ref_words}”."
    return f"{label}: {said} {detail}".strip()


def build_handout(corpus: Corpus, ref: Document) -> Handout:
    """Return the handout against ``ref``: starred rows, else the most telling; at most two sources beside it."""
    others, rows = build_synopsis(corpus, ref)
    unrelated = unrelated_sources(corpus)
    chosen, selection = _chosen_rows(rows)
    sources = _choose_sources(chosen, others, unrelated)
    shown = {d.id for d in sources}
    ref_is_a = {d.id: (p := find_pair(corpus, ref.id, d.id)) is not None and p.a == ref.id for d in sources}
    items = []
    for k, row in enumerate(chosen, 1):
        by_source = {c.source: c for c in row.cells}
        cells = tuple(by_source.get(d.id) for d in sources)
        explained: list[str] = []
        rewordings = 0
        for c in cells:
            if c is None or c.missing or c.same_as_above:
                continue
            for t in CHANGE_ORDER:
                for change in (ch for ch in c.changes if ch.type == t):
                    if t in QUIET_TYPES:
                        rewordings += 1
                    else:
                        explained.append(_explain(change, c.source, ref.id, ref_is_a[c.source]))
        notes = [(ref.id if row.kind == "ref" else row.source, n) for n in row.notes]
        notes += [(c.source, n) for c in row.cells for n in c.notes]
        items.append(HandoutItem(k, row, cells, tuple(explained), tuple(notes), rewordings))
    left_out = tuple(d.id for d in others if d.id not in shown and d.id not in unrelated)
    return Handout(ref, tuple(sources), tuple(items), selection, left_out)


def render_handout(corpus: Corpus, ref: Document) -> str:
    """Return ``handout.html``: the handout against ``ref``, laid out for printing on A4 or Letter portrait."""
    return environment().get_template("handout.html").render(
        handout=build_handout(corpus, ref), langs={d.id: d.source.language for d in corpus.documents}
    )
