"""A Corpus as tidy tables (pandas DataFrames), one row per thing: documents, units, pairs, links, edits, changes,
possible counterparts, flags; and those tables as Parquet.

pandas (and pyarrow for Parquet) are optional: they are imported when a table is asked for, with a clear error when
missing (``pip install 'compare[frames]'``). Keys: a document is ``doc``; a unit ``(doc, unit)``; a link
``(doc_a, doc_b, link)``, ``link`` numbering the links of one pair from 0 as in ``alignment.csv``; a link's units are
``a_first..a_last`` in ``doc_a`` and ``b_first..b_last`` in ``doc_b`` (adjacent, so first and last say them all).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from ..errors import DependencyError, OutputError
from ..records import Corpus, Edit, Link, PairAlignment
from .table import change_types

__all__ = ["FRAME_COLUMNS", "FRAME_NAMES", "corpus_frames", "pair_rows", "pairs_from_rows", "write_parquet"]

FRAME_COLUMNS: dict[str, tuple[str, ...]] = {
    "documents": ("doc", "path", "title", "outlet", "kind", "language", "date", "format", "encoding", "event",
                  "units", "sentences"),
    "units": ("doc", "unit", "start", "end", "text", "speaker", "status", "reason", "section"),
    "pairs": ("doc_a", "doc_b", "related", "links", "possible"),
    "links": ("doc_a", "doc_b", "link", "a_first", "a_last", "b_first", "b_last", "start_a", "end_a", "start_b", "end_b",
              "text_a", "text_b", "score", "confidence", "change_types", "changes", "checked", "added"),
    "edits": ("doc_a", "doc_b", "link", "edit", "op", "text"),
    "changes": ("doc_a", "doc_b", "link", "change", "type", "a", "b", "detail", "score", "confidence"),
    "possible": ("doc_a", "doc_b", "possible", "a_first", "a_last", "b_first", "b_last", "score", "confidence"),
    "flags": ("doc", "type", "detail", "start", "end"),
}
"""Each table's columns, in order."""

FRAME_NAMES = tuple(FRAME_COLUMNS)
"""The tables ``corpus_frames`` returns."""

_INT = {"units", "sentences", "unit", "start", "end", "section", "links", "possible", "link", "a_first", "a_last",
        "b_first", "b_last", "start_a", "end_a", "start_b", "end_b", "changes", "edit", "change"}
_FLOAT = {"related", "score", "confidence"}
_BOOL = {"checked", "added"}


def _pandas() -> Any:
    try:
        import pandas
    except ImportError:
        raise DependencyError(
            "the data frames need pandas, which is not installed. Install it: pip install 'compare[frames]'."
        ) from None
    return pandas


def _frame(pd: Any, name: str, rows: Sequence[Sequence[Any]]) -> Any:
    columns = FRAME_COLUMNS[name]
    frame = pd.DataFrame(list(rows), columns=list(columns))
    dtypes = {c: ("int64" if c in _INT else "float64" if c in _FLOAT else "bool" if c in _BOOL else "object")
              for c in columns}
    return frame.astype(dtypes)


def pair_rows(pairs: Sequence[PairAlignment]) -> dict[str, list[tuple[Any, ...]]]:
    """Return the rows of ``pairs``, ``edits`` and ``possible`` and the alignment columns of ``links`` for ``pairs``.

    The ``links`` rows hold ``doc_a, doc_b, link, a_first, a_last, b_first, b_last, score, confidence, checked, added``
    (the columns the aligner decides); ``pairs_from_rows`` turns these rows back into the same PairAlignments.
    """
    out: dict[str, list[tuple[Any, ...]]] = {"pairs": [], "links": [], "edits": [], "possible": []}
    for p in pairs:
        out["pairs"].append((p.a, p.b, p.related, len(p.links), len(p.possible)))
        for n, lk in enumerate(p.links):
            out["links"].append((p.a, p.b, n, lk.a[0], lk.a[-1], lk.b[0], lk.b[-1], lk.score, lk.confidence,
                                 lk.checked, lk.added))
            out["edits"].extend((p.a, p.b, n, k, e.op, e.text) for k, e in enumerate(lk.edits))
        for n, lk in enumerate(p.possible):
            out["possible"].append((p.a, p.b, n, lk.a[0], lk.a[-1], lk.b[0], lk.b[-1], lk.score, lk.confidence))
    return out


def pairs_from_rows(rows: Mapping[str, Sequence[Sequence[Any]]]) -> list[PairAlignment]:
    """Rebuild the PairAlignments from rows shaped as ``pair_rows`` returns them (any row order), in ``pairs`` order."""
    def _float(v: Any) -> float | None:
        return None if v is None or v != v else float(v)  # NaN (a missing confidence in a table) is None

    edits: dict[tuple[str, str, int], list[tuple[int, Edit]]] = {}
    for a, b, n, k, op, text in rows["edits"]:
        edits.setdefault((a, b, int(n)), []).append((int(k), Edit(op, text)))
    links: dict[tuple[str, str], list[tuple[int, Link]]] = {}
    for a, b, n, a0, a1, b0, b1, score, conf, checked, added in rows["links"]:
        es = tuple(e for _, e in sorted(edits.get((a, b, int(n)), []), key=lambda x: x[0]))
        lk = Link(tuple(range(int(a0), int(a1) + 1)), tuple(range(int(b0), int(b1) + 1)), float(score), es,
                  checked=bool(checked), added=bool(added), confidence=_float(conf))
        links.setdefault((a, b), []).append((int(n), lk))
    possible: dict[tuple[str, str], list[tuple[int, Link]]] = {}
    for a, b, n, a0, a1, b0, b1, score, conf in rows["possible"]:
        lk = Link(tuple(range(int(a0), int(a1) + 1)), tuple(range(int(b0), int(b1) + 1)), float(score), confidence=_float(conf))
        possible.setdefault((a, b), []).append((int(n), lk))
    return [
        PairAlignment(a, b, tuple(lk for _, lk in sorted(links.get((a, b), []), key=lambda x: x[0])), related=float(rel),
                      possible=tuple(lk for _, lk in sorted(possible.get((a, b), []), key=lambda x: x[0])))
        for a, b, rel, _n_links, _n_possible in rows["pairs"]
    ]


def corpus_frames(corpus: Corpus) -> dict[str, Any]:
    """Return the corpus as pandas DataFrames keyed by table name (``FRAME_NAMES``); offsets index each document's text."""
    pd = _pandas()
    rows: dict[str, list[Sequence[Any]]] = {name: [] for name in FRAME_NAMES}
    for doc in corpus.documents:
        src, units = doc.source, corpus.units.get(doc.id, ())
        event = corpus.event_of(doc.id)
        rows["documents"].append((doc.id, doc.path, src.title, src.outlet, src.kind, src.language, src.date, doc.format,
                                  doc.encoding, event.id if event else None, len(units),
                                  sum(1 for u in units if u.is_sentence)))
        for u, status in zip(units, corpus.status(doc.id)):
            rows["units"].append((doc.id, u.id, u.start, u.end, u.text, u.speaker, status, u.set_aside, u.section))
        rows["flags"].extend((doc.id, f.type, f.detail, f.start, f.end) for f in corpus.flags.get(doc.id, ()))
    aligned = pair_rows(corpus.pairs)
    for name in ("pairs", "edits", "possible"):
        rows[name] = list(aligned[name])
    for p in corpus.pairs:
        ua, ub = corpus.units[p.a], corpus.units[p.b]
        for n, lk in enumerate(p.links):
            rows["links"].append((
                p.a, p.b, n, lk.a[0], lk.a[-1], lk.b[0], lk.b[-1], ua[lk.a[0]].start, ua[lk.a[-1]].end,
                ub[lk.b[0]].start, ub[lk.b[-1]].end, " ".join(ua[i].text for i in lk.a), " ".join(ub[j].text for j in lk.b),
                lk.score, lk.confidence, " ".join(change_types(lk)), len(lk.changes), lk.checked, lk.added,
            ))
            rows["changes"].extend((p.a, p.b, n, k, c.type, c.a, c.b, c.detail, lk.score, lk.confidence)
                                   for k, c in enumerate(lk.changes))
    return {name: _frame(pd, name, rows[name]) for name in FRAME_NAMES}


def write_parquet(frames: Mapping[str, Any], folder: Path) -> list[Path]:
    """Write each table to ``folder/<name>.parquet`` (pyarrow); return the paths written."""
    try:
        import pyarrow  # noqa: F401  (pandas needs it to write Parquet; fail here with the fix, not deep inside pandas)
    except ImportError:
        raise DependencyError(
            "writing Parquet needs pyarrow, which is not installed. Install it: pip install 'compare[frames]'."
        ) from None
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create {folder}: {exc.strerror or exc}. Choose a folder you can write to.") from None
    paths = []
    for name, frame in frames.items():
        path = folder / f"{name}.parquet"
        try:
            frame.to_parquet(path, index=False)
        except OSError as exc:
            raise OutputError(f"cannot write {path}: {exc.strerror or exc}. Choose a folder you can write to.") from None
        paths.append(path)
    return paths
