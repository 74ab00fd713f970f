"""Split a run of several events into one corpus per event, and write one report each plus an index of events."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path

from .records import Corpus, Document

__all__ = ["EventSummary", "split_events", "write_event_outputs"]


@dataclass(frozen=True)
class EventSummary:
    """One line of the index of events."""

    folder: str
    """Sub-folder of ``events/`` holding the event's report."""
    documents: tuple[str, ...]
    """Ids of the event's documents, in corpus order."""
    titles: tuple[str, ...]
    """Their titles."""
    links: int
    """Links across all pairs of the event."""


def split_events(corpus: Corpus) -> tuple[list[Corpus], list[Document]]:
    """Return one corpus per event (documents joined by reported pairs) and the documents in no pair.

    The pipeline reports every pair of a single-event corpus, so such a corpus comes back whole, as one event.
    """
    parent = {d.id: d.id for d in corpus.documents}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for pair in corpus.pairs:
        parent[find(pair.a)] = find(pair.b)
    paired = {p.a for p in corpus.pairs} | {p.b for p in corpus.pairs}
    members: dict[str, list[Document]] = {}
    for d in corpus.documents:
        if d.id in paired:
            members.setdefault(find(d.id), []).append(d)
    events = []
    for docs in members.values():
        ids = {d.id for d in docs}
        events.append(replace(
            corpus,
            documents=tuple(docs),
            units={k: v for k, v in corpus.units.items() if k in ids},
            pairs=tuple(p for p in corpus.pairs if p.a in ids),
            rejected=(),
            flags={k: v for k, v in corpus.flags.items() if k in ids},
        ))
    return events, [d for d in corpus.documents if d.id not in paired]


def write_event_outputs(corpus: Corpus, events: list[Corpus], unrelated: list[Document], out_dir: Path) -> Path:
    """Write ``events/NNN-<first id>/`` (a full report each), ``events.json`` and ``index.html``; return the index."""
    from .pipeline import write_atomically, write_report_files
    from .report import environment

    summaries = [
        EventSummary(f"{n:03d}-{e.documents[0].id}", tuple(d.id for d in e.documents),
                     tuple(d.source.title for d in e.documents), sum(len(p.links) for p in e.pairs))
        for n, e in enumerate(events, 1)
    ]

    def fill(tmp: Path) -> None:
        for summary, event in zip(summaries, events):
            folder = tmp / "events" / summary.folder
            folder.mkdir(parents=True)
            write_report_files(event, folder)
        data = {
            "schema": "compare.events/1",
            "events": [{"folder": f"events/{s.folder}", "documents": list(s.documents), "links": s.links} for s in summaries],
            "unrelated": [d.id for d in unrelated],
            "rejected": [{"file": r.file, "reason": r.reason} for r in corpus.rejected],
        }
        (tmp / "events.json").write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        html = environment().get_template("events.html").render(events=summaries, unrelated=unrelated)
        (tmp / "index.html").write_text(html, encoding="utf-8")

    write_atomically(out_dir, fill)
    return out_dir / "index.html"
