"""A Corpus as CSV, one row per link: both texts, the changed words and the offsets."""

from __future__ import annotations

import csv
import io

from ..records import Corpus

__all__ = ["CSV_COLUMNS", "alignment_csv"]

CSV_COLUMNS = (
    "doc_a", "doc_b", "units_a", "units_b", "score", "text_a", "text_b", "deleted", "inserted",
    "start_a", "end_a", "start_b", "end_b",
)


def _cell(text: str) -> str:
    """Return source text safe to open in a spreadsheet: a leading = + - @ (a formula there) gets a ' before it."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def alignment_csv(corpus: Corpus) -> str:
    """Return ``alignment.csv``: one row per link, with both texts and the changed words."""
    fh = io.StringIO(newline="")
    out = csv.writer(fh)
    out.writerow(CSV_COLUMNS)
    for p in corpus.pairs:
        ua, ub = corpus.units[p.a], corpus.units[p.b]
        for lk in p.links:
            out.writerow([
                p.a,
                p.b,
                " ".join(map(str, lk.a)),
                " ".join(map(str, lk.b)),
                f"{lk.score:.4f}",
                _cell(" ".join(ua[i].text for i in lk.a)),
                _cell(" ".join(ub[j].text for j in lk.b)),
                _cell(" … ".join(e.text.strip() for e in lk.edits if e.op == "delete")),
                _cell(" … ".join(e.text.strip() for e in lk.edits if e.op == "insert")),
                ua[lk.a[0]].start,
                ua[lk.a[-1]].end,
                ub[lk.b[0]].start,
                ub[lk.b[-1]].end,
            ])
    return fh.getvalue()
