"""A Corpus as JSON (schema ``compare.alignment/1``): documents with their units and flags, pairs with their links, events,
annotations. ``compare schema alignment`` prints the JSON Schema (``schemas/alignment.schema.json``)."""

from __future__ import annotations

import json
from typing import Any

from ..records import Corpus, Link

__all__ = ["SCHEMA", "alignment_json", "corpus_to_dict"]

SCHEMA = "compare.alignment/1"


def _link(lk: Link) -> dict[str, Any]:
    return {
        "a": list(lk.a),
        "b": list(lk.b),
        "score": lk.score,
        "confidence": lk.confidence,
        "edits": [[e.op, e.text] for e in lk.edits],
        "changes": [{"type": c.type, "a": c.a, "b": c.b, "detail": c.detail} for c in lk.changes],
        "checked": lk.checked,
        "added": lk.added,
    }


def _annotations(corpus: Corpus) -> dict[str, Any]:
    """Return the annotations on this corpus's documents (an event's report carries only its own)."""
    ann, ids = corpus.annotations, {d.id for d in corpus.documents}
    return {
        "notes": [{"source": n.source, "unit": n.unit, "text": n.text} for n in ann.notes if n.source in ids],
        "starred": [{"source": doc, "unit": unit} for doc, unit in ann.starred if doc in ids],
        "problems": list(ann.problems),
    }


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
        }
        # further manifest keys, never over what reading found (a manifest "format" key must not hide the real one)
        meta.update((k, v) for k, v in src.extra if k not in meta)
        units = []
        for u, st in zip(corpus.units[doc.id], status):
            entry: dict[str, Any] = {"id": u.id, "start": u.start, "end": u.end, "text": u.text, "speaker": u.speaker, "status": st}
            if u.set_aside is not None:
                entry["reason"] = u.set_aside
            entry["section"] = u.section
            units.append(entry)
        flags = [{"type": f.type, "detail": f.detail, "start": f.start, "end": f.end} for f in corpus.flags.get(doc.id, ())]
        event = corpus.event_of(doc.id)
        documents.append({
            "id": doc.id, "path": doc.path, "title": src.title, "meta": meta, "units": units, "flags": flags,
            "event": event.id if event else None,
        })
    pairs = [
        {
            "a": p.a,
            "b": p.b,
            "related": p.related,
            "links": [_link(lk) for lk in p.links],
            "possible": [{"a": list(lk.a), "b": list(lk.b), "score": lk.score, "confidence": lk.confidence} for lk in p.possible],
        }
        for p in corpus.pairs
    ]
    return {
        "schema": SCHEMA,
        "model": {"name": corpus.model_name, "sha256": corpus.model_sha256},
        "documents": documents,
        "pairs": pairs,
        "rejected": [{"file": r.file, "reason": r.reason} for r in corpus.rejected],
        "events": [
            {"id": e.id, "documents": list(e.documents), "reference": e.reference, "folder": e.folder}
            for e in corpus.events
        ],
        "annotations": _annotations(corpus),
    }


def alignment_json(corpus: Corpus) -> str:
    """Return ``alignment.json`` (UTF-8 text, sorted as the corpus is, stable across runs)."""
    return json.dumps(corpus_to_dict(corpus), ensure_ascii=False, indent=1, allow_nan=False) + "\n"  # NaN is not JSON
