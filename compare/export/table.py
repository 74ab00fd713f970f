"""A Corpus as CSV: ``alignment.csv`` (one row per link) and ``changes.csv`` (one row per named change)."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from ..classify import CHANGE_TYPES
from ..records import Corpus, Link

__all__ = ["CHANGES_COLUMNS", "CSV_COLUMNS", "alignment_csv", "change_types", "changes_csv"]

CSV_COLUMNS = (
    "doc_a", "doc_b", "units_a", "units_b", "score", "text_a", "text_b", "deleted", "inserted",
    "start_a", "end_a", "start_b", "end_b", "link", "confidence", "change_types", "changes", "checked", "added",
)
"""Columns of ``alignment.csv``; ``link`` numbers the links of one pair from 0 (``changes.csv`` names it too)."""

CHANGES_COLUMNS = ("doc_a", "doc_b", "link", "units_a", "units_b", "type", "a", "b", "detail", "score", "confidence")
"""Columns of ``changes.csv``: the link's pair, number and units, then the change."""


def _cell(text: str) -> str:
    """Return source text safe to open in a spreadsheet: a leading = + - @ (a formula there) gets a ' before it."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def change_types(link: Link) -> list[str]:
    """Return the distinct change types of ``link``, in the order of ``compare.classify.CHANGE_TYPES``."""
    present = {c.type for c in link.changes}
    return [t for t in CHANGE_TYPES if t in present]


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:.4f}"


def _ids(ids: Sequence[int]) -> str:
    return " ".join(map(str, ids))


def _rows(rows: list[list[object]], columns: Sequence[str]) -> str:
    fh = io.StringIO(newline="")
    out = csv.writer(fh)
    out.writerow(columns)
    out.writerows(rows)
    return fh.getvalue()


def alignment_csv(corpus: Corpus) -> str:
    """Return ``alignment.csv``: one row per link, with both texts, the changed words, its confidence and change types."""
    rows: list[list[object]] = []
    for p in corpus.pairs:
        ua, ub = corpus.units[p.a], corpus.units[p.b]
        for n, lk in enumerate(p.links):
            rows.append([
                p.a,
                p.b,
                _ids(lk.a),
                _ids(lk.b),
                f"{lk.score:.4f}",
                _cell(" ".join(ua[i].text for i in lk.a)),
                _cell(" ".join(ub[j].text for j in lk.b)),
                _cell(" … ".join(e.text.strip() for e in lk.edits if e.op == "delete")),
                _cell(" … ".join(e.text.strip() for e in lk.edits if e.op == "insert")),
                ua[lk.a[0]].start,
                ua[lk.a[-1]].end,
                ub[lk.b[0]].start,
                ub[lk.b[-1]].end,
                n,
                _number(lk.confidence),
                " ".join(change_types(lk)),
                len(lk.changes),
                int(lk.checked),
                int(lk.added),
            ])
    return _rows(rows, CSV_COLUMNS)


def changes_csv(corpus: Corpus) -> str:
    """Return ``changes.csv``: one row per named change of every link, with the words on each side and why."""
    rows: list[list[object]] = []
    for p in corpus.pairs:
        for n, lk in enumerate(p.links):
            for c in lk.changes:
                rows.append([p.a, p.b, n, _ids(lk.a), _ids(lk.b), c.type, _cell(c.a), _cell(c.b), _cell(c.detail),
                             f"{lk.score:.4f}", _number(lk.confidence)])
    return _rows(rows, CHANGES_COLUMNS)
