"""The index of events as JSON (schema ``compare.events/1``), written beside the per-event reports."""

from __future__ import annotations

import json

from ..records import Corpus

__all__ = ["EVENTS_SCHEMA", "events_json"]

EVENTS_SCHEMA = "compare.events/1"


def events_json(corpus: Corpus) -> str:
    """Return ``events.json``: each event's folder, documents and links, the unrelated documents, the files not used."""
    events = []
    for e in corpus.events:
        ids = set(e.documents)
        links = sum(len(p.links) for p in corpus.pairs if p.a in ids and p.b in ids)
        events.append({"folder": e.folder, "documents": list(e.documents), "links": links})
    data = {
        "schema": EVENTS_SCHEMA,
        "events": events,
        "unrelated": [d.id for d in corpus.documents if corpus.event_of(d.id) is None],
        "rejected": [{"file": r.file, "reason": r.reason} for r in corpus.rejected],
    }
    return json.dumps(data, indent=1, ensure_ascii=False) + "\n"
