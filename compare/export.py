"""Write a Corpus as JSON (schema compare.alignment/1) and as CSV, one row per link."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from .records import Corpus

__all__ = ["SCHEMA", "corpus_to_dict", "write_json", "write_csv", "CSV_COLUMNS"]

SCHEMA = "compare.alignment/1"
CSV_COLUMNS = (
    "doc_a", "doc_b", "units_a", "units_b", "score", "text_a", "text_b", "deleted", "inserted",
    "start_a", "end_a", "start_b", "end_b",
)


def corpus_to_dict(corpus: Corpus) -> dict[str, Any]:
    """Return the JSON-ready form of ``corpus``; offsets index each document's decoded text."""
    documents = []
    for doc in corpus.documents:
        src = doc.source
        status = corpus.status(doc.id)
        meta: dict[str, Any] = {
            "outlet": src.outlet,
            "kind": src.kind,
            "language": src.language,
            "date": src.date,
            "format": doc.format,
            "encoding": doc.encoding,
            **dict(src.extra),
        }
        units = []
        for u, st in zip(corpus.units[doc.id], status):
            entry: dict[str, Any] = {"id": u.id, "start": u.start, "end": u.end, "text": u.text, "speaker": u.speaker, "status": st}
            if u.set_aside is not None:
                entry["reason"] = u.set_aside
            entry["section"] = u.section
            units.append(entry)
        flags = [{"type": f.type, "detail": f.detail, "start": f.start, "end": f.end} for f in corpus.flags.get(doc.id, ())]
        documents.append(
            {"id": doc.id, "path": doc.path, "title": src.title, "meta": meta, "units": units, "flags": flags}
        )
    pairs = [
        {
            "a": p.a,
            "b": p.b,
            "related": p.related,
            "links": [
                {
                    "a": list(lk.a),
                    "b": list(lk.b),
                    "score": lk.score,
                    "edits": [[e.op, e.text] for e in lk.edits],
                    "changes": [{"type": c.type, "a": c.a, "b": c.b, "detail": c.detail} for c in lk.changes],
                }
                for lk in p.links
            ],
        }
        for p in corpus.pairs
    ]
    return {
        "schema": SCHEMA,
        "model": {"name": corpus.model_name, "sha256": corpus.model_sha256},
        "documents": documents,
        "pairs": pairs,
        "rejected": [{"file": r.file, "reason": r.reason} for r in corpus.rejected],
    }


def write_json(corpus: Corpus, path: Path) -> None:
    """Write ``alignment.json`` (UTF-8, sorted as the corpus is, stable across runs)."""
    path.write_text(json.dumps(corpus_to_dict(corpus), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def _cell(text: str) -> str:
    """Return source text safe to open in a spreadsheet: a leading = + - @ (a formula there) gets a ' before it."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def write_csv(corpus: Corpus, path: Path) -> None:
    """Write ``alignment.csv``: one row per link, with both texts and the changed words."""
    with path.open("w", encoding="utf-8", newline="") as fh:
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
