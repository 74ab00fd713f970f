"""Render a Corpus as a static HTML report: an index page and one side-by-side page per document pair."""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from .errors import OutputError
from .records import Corpus, Document, Edit, Link, PairAlignment, Unit

__all__ = ["render_report", "pair_file_name"]

_SAFE_ID = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]*")


def pair_file_name(a_id: str, b_id: str) -> str:
    """Return the file name of the page comparing documents ``a_id`` and ``b_id`` (a first, as in the pair)."""
    return f"pair-{a_id}--{b_id}.html"


@functools.cache
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("compare", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


@functools.cache
def _css() -> Markup:
    css = (resources.files("compare") / "static" / "report.css").read_text(encoding="utf-8")
    # Inlined verbatim into <style>; our own file, never source text, so marking it safe is sound.
    if "</" in css:
        raise ValueError("report.css must not contain '</' (it is inlined into a <style> element)")
    return Markup(css)


# --- view records: what the templates see -------------------------------------------------------


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


@dataclass
class _Cell:
    units: list[_UnitView] = field(default_factory=list)
    note: str = ""
    """Shown instead of units in an empty cell ("no counterpart in ...")."""
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


@dataclass(frozen=True)
class _CoverageCell:
    text: str
    href: str
    title: str
    level: str
    """CSS class: ``self``, ``none``, ``low``, ``mid``, ``high``, ``full``, ``na``."""


@dataclass(frozen=True)
class _MatrixRow:
    doc: Document
    cells: tuple[_CoverageCell, ...]


@dataclass(frozen=True)
class _PairSummary:
    a: Document
    b: Document
    href: str
    links: int
    a_covered: int
    a_total: int
    b_covered: int
    b_total: int


# --- rendering -----------------------------------------------------------------------------------


def render_report(corpus: Corpus, out_dir: Path) -> Path:
    """Write ``index.html`` and one ``pair-<a>--<b>.html`` per pair into ``out_dir``; return the index path.

    Every page is self-contained (inline CSS, no script, no network) and the output is byte-identical
    for the same corpus.
    """
    _check_ids(corpus)
    docs = {d.id: d for d in corpus.documents}
    pages: dict[str, str] = {"index.html": _render_index(corpus)}
    for pair in corpus.pairs:
        pages[pair_file_name(pair.a, pair.b)] = _render_pair(corpus, pair, docs[pair.a], docs[pair.b])
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        for name in sorted(pages):
            (out_dir / name).write_text(pages[name], encoding="utf-8", newline="\n")
    except OSError as exc:
        raise OutputError(
            f"cannot write the report to {out_dir}: {exc.strerror}. Pick a folder you can write to (-o)."
        ) from None
    return out_dir / "index.html"


def _check_ids(corpus: Corpus) -> None:
    for doc in corpus.documents:
        if not _SAFE_ID.fullmatch(doc.id):
            raise OutputError(
                f"cannot name the report page for {doc.path}: its id {doc.id!r} is not URL-safe. "
                "Use only letters, digits, '-', '_' and '.' in the id (set it in sources.toml)."
            )


def _sentence_ids(units: Sequence[Unit]) -> set[int]:
    return {u.id for u in units if u.is_sentence}


def _covered(corpus: Corpus, pair: PairAlignment) -> tuple[set[int], set[int]]:
    """Return the sentence ids of a and of b that appear in a link of ``pair``."""
    a_sent, b_sent = _sentence_ids(corpus.units[pair.a]), _sentence_ids(corpus.units[pair.b])
    a_ids = {i for lk in pair.links for i in lk.a} & a_sent
    b_ids = {i for lk in pair.links for i in lk.b} & b_sent
    return a_ids, b_ids


def _percent(covered: int, total: int) -> str:
    share = 100 * covered / total
    # Never round a partial coverage to a clean 0% or 100%: that would hide the one sentence that matters.
    if 0 < share < 1:
        return "<1%"
    if 99 < share < 100:
        return ">99%"
    return f"{round(share)}%"


def _level(covered: int, total: int) -> str:
    if covered == 0:
        return "none"
    if covered == total:
        return "full"
    share = covered / total
    return "low" if share < 1 / 3 else ("mid" if share < 2 / 3 else "high")


def _render_index(corpus: Corpus) -> str:
    docs = {d.id: d for d in corpus.documents}
    totals = {d.id: len(_sentence_ids(corpus.units[d.id])) for d in corpus.documents}
    pairs: dict[tuple[str, str], PairAlignment] = {}
    coverage: dict[tuple[str, str], int] = {}
    summaries = []
    for pair in corpus.pairs:
        a_ids, b_ids = _covered(corpus, pair)
        pairs[(pair.a, pair.b)] = pairs[(pair.b, pair.a)] = pair
        coverage[(pair.a, pair.b)], coverage[(pair.b, pair.a)] = len(a_ids), len(b_ids)
        summaries.append(
            _PairSummary(
                docs[pair.a], docs[pair.b], pair_file_name(pair.a, pair.b), len(pair.links),
                len(a_ids), totals[pair.a], len(b_ids), totals[pair.b],
            )
        )  # fmt: skip
    matrix = [
        _MatrixRow(
            x,
            tuple(
                _coverage_cell(x, y, totals[x.id], pairs.get((x.id, y.id)), coverage.get((x.id, y.id), 0))
                for y in corpus.documents
            ),
        )
        for x in corpus.documents
    ]
    return _environment().get_template("index.html").render(
        css=_css(),
        documents=corpus.documents,
        counts={d.id: (totals[d.id], len(corpus.units[d.id]) - totals[d.id]) for d in corpus.documents},
        matrix=matrix,
        pairs=summaries,
        rejected=sorted(corpus.rejected, key=lambda r: (r.file, r.reason)),
        model_name=corpus.model_name,
        model_sha256=corpus.model_sha256,
    )


def _coverage_cell(x: Document, y: Document, total: int, pair: PairAlignment | None, covered: int) -> _CoverageCell:
    if x.id == y.id:
        return _CoverageCell("—", "", "same document", "self")
    if pair is None:
        return _CoverageCell("not compared", "", f"{x.id} and {y.id} were not aligned", "na")
    href = pair_file_name(pair.a, pair.b)
    if total == 0:
        return _CoverageCell("n/a", href, f"{x.id} has no sentences", "na")
    title = f"{covered} of {total} sentences of {x.id} have a counterpart in {y.id}"
    return _CoverageCell(_percent(covered, total), href, title, _level(covered, total))


def _render_pair(corpus: Corpus, pair: PairAlignment, a: Document, b: Document) -> str:
    units_a, units_b = corpus.units[pair.a], corpus.units[pair.b]
    rows = _pair_rows(pair.links, units_a, units_b, a_title=a.source.title or a.id, b_title=b.source.title or b.id)
    a_ids, b_ids = _covered(corpus, pair)
    return _environment().get_template("pair.html").render(
        css=_css(),
        a=a,
        b=b,
        rows=rows,
        links=len(pair.links),
        a_covered=len(a_ids),
        a_total=len(_sentence_ids(units_a)),
        b_covered=len(b_ids),
        b_total=len(_sentence_ids(units_b)),
    )


# --- the pair table ------------------------------------------------------------------------------


def _pair_rows(
    links: Sequence[Link], units_a: Sequence[Unit], units_b: Sequence[Unit], *, a_title: str, b_title: str
) -> list[_Row]:
    """Lay out a pair's rows in A's order, B's leftover units placed after their nearest preceding B unit."""
    by_a = {u.id: u for u in units_a}
    by_b = {u.id: u for u in units_b}
    starts: dict[int, list[Link]] = {}
    in_link_a: set[int] = set()
    for lk in sorted(links, key=lambda lk: (lk.a[0], lk.b[0])):
        starts.setdefault(lk.a[0], []).append(lk)
        in_link_a.update(lk.a)

    rows: list[_Row] = []
    shown_b: dict[int, int] = {}  # B unit id -> index of the first row showing it
    for unit in units_a:
        for lk in starts.get(unit.id, []):
            left, right = _link_cells(lk, by_a, by_b)
            for j in lk.b:
                shown_b.setdefault(j, len(rows))
            rows.append(_Row("link", left, right, score=f"{lk.score:.2f}"))
        if unit.id in in_link_a:
            continue
        if unit.set_aside is not None:
            rows.append(_Row("aside-a", _Cell([_plain(unit)]), _Cell()))
        else:
            rows.append(_Row("unmatched-a", _Cell([_plain(unit)]), _Cell(note=f"no counterpart in {b_title}")))

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
            row = _Row("unmatched-b", _Cell(note=f"no counterpart in {a_title}"), _Cell([_plain(unit)]))
        after.setdefault(anchor, []).append(row)
    ordered = list(after.get(-1, []))
    for i, row in enumerate(rows):
        ordered.append(row)
        ordered.extend(after.get(i, []))

    ordered = _merge_aside_runs(ordered)
    _mark_moved(ordered)
    _keep_speaker_changes(row.left.units for row in ordered)
    _keep_speaker_changes(row.right.units for row in ordered)
    _set_anchors(ordered)
    return ordered


def _merge_aside_runs(rows: Sequence[_Row]) -> list[_Row]:
    """Join runs of set-aside units that follow each other on one side into one row, to keep the table compact."""
    out: list[_Row] = []
    for row in rows:
        prev = out[-1] if out else None
        if prev is not None and row.kind == prev.kind and row.kind in ("aside-a", "aside-b"):
            side, prev_side = (row.left, prev.left) if row.kind == "aside-a" else (row.right, prev.right)
            if side.units[0].id == prev_side.units[-1].id + 1:
                prev_side.units.extend(side.units)
                continue
        out.append(row)
    return out


def _plain(unit: Unit) -> _UnitView:
    return _UnitView(unit.id, [_Piece("equal", unit.text)], unit.speaker, unit.set_aside)


def _link_cells(lk: Link, by_a: dict[int, Unit], by_b: dict[int, Unit]) -> tuple[_Cell, _Cell]:
    ua, ub = [by_a[i] for i in lk.a], [by_b[j] for j in lk.b]
    left = _side_pieces(lk.edits, "insert", [u.text for u in ua])
    right = _side_pieces(lk.edits, "delete", [u.text for u in ub])
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
