"""Render the index page of a report with several events: each event with its sub-report, the unrelated documents, the files not used."""

from __future__ import annotations

from dataclasses import dataclass

from ..records import Corpus, Document
from .environment import environment
from .pages import for_display

__all__ = ["EventSummary", "render_events_index", "summarise_events", "unrelated_documents"]


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


def summarise_events(corpus: Corpus) -> list[EventSummary]:
    """Return one summary per event that has its own folder, in event order."""
    titles = {d.id: d.source.title for d in corpus.documents}
    out = []
    for e in corpus.events:
        if e.folder is None:
            continue
        ids = set(e.documents)
        links = sum(len(p.links) for p in corpus.pairs if p.a in ids and p.b in ids)
        out.append(EventSummary(e.folder.removeprefix("events/"), e.documents, tuple(titles[d] for d in e.documents), links))
    return out


def unrelated_documents(corpus: Corpus) -> list[Document]:
    """Return the documents that belong to no event, in corpus order."""
    return [d for d in corpus.documents if corpus.event_of(d.id) is None]


def render_events_index(corpus: Corpus) -> str:
    """Return ``index.html`` of a report with one sub-report per event."""
    corpus = for_display(corpus)
    return environment().get_template("events.html").render(
        events=summarise_events(corpus),
        unrelated=unrelated_documents(corpus),
        rejected=sorted(corpus.rejected, key=lambda r: (r.file, r.reason)),
    )
