"""The output contract: which files a run writes, the same for a corpus of one event and of many.

The output folder always has ``index.html`` and a top-level ``alignment.json`` (and ``alignment.csv``) with
every document; each document names its event, and ``events`` lists them. With two or more events, each gets
a full report in ``events/<id>/`` and the top-level ``index.html`` is the index of events (``events.json``
beside it). Files not used are listed in the top-level ``index.html`` of either shape.
"""

from __future__ import annotations

from dataclasses import replace

from .align import choose_reference
from .export import alignment_csv, alignment_json, alignment_tei, changes_csv, events_json
from .records import Corpus, Document, Event
from .report import render_events_index, render_report

__all__ = ["event_corpus", "report_files", "report_reference"]


def report_reference(corpus: Corpus, reference: str | None = None) -> str:
    """Return the id the one-report synopsis compares against: ``reference``, else its event's, else the default."""
    if reference is not None:
        return reference
    if corpus.events:
        return _related_reference(corpus, corpus.events[0], None).reference
    return choose_reference(_related(corpus, [d.id for d in corpus.documents])).id


def _related(corpus: Corpus, ids: list[str]) -> list[Document]:
    """Return the documents ``ids`` not flagged ``unrelated`` (all of them when every one is)."""
    docs = [d for d in corpus.documents if d.id in ids]
    related = [d for d in docs if not any(f.type == "unrelated" for f in corpus.flags.get(d.id, ()))]
    return related or docs


def _related_reference(corpus: Corpus, event: Event, reference: str | None) -> Event:
    """Return ``event`` with a default reference that is not flagged ``unrelated`` (an asked-for one is kept)."""
    if event.reference == reference:
        return event
    return replace(event, reference=choose_reference(_related(corpus, list(event.documents)), event.reference).id)


def event_corpus(corpus: Corpus, event: Event) -> Corpus:
    """Return the part of ``corpus`` that reports ``event``: its documents, their pairs and flags."""
    ids = set(event.documents)
    return replace(
        corpus,
        documents=tuple(d for d in corpus.documents if d.id in ids),
        units={k: v for k, v in corpus.units.items() if k in ids},
        pairs=tuple(p for p in corpus.pairs if p.a in ids and p.b in ids),
        rejected=(),
        flags={k: v for k, v in corpus.flags.items() if k in ids},
        events=(event,),
        annotations=replace(
            corpus.annotations,
            notes=tuple(n for n in corpus.annotations.notes if n.source in ids),
            starred=tuple(st for st in corpus.annotations.starred if st[0] in ids),
        ),
    )


def _one_report(corpus: Corpus, reference: str) -> dict[str, str]:
    return {"alignment.json": alignment_json(corpus), "alignment.csv": alignment_csv(corpus),
            "changes.csv": changes_csv(corpus), "alignment.tei.xml": alignment_tei(corpus),
            **render_report(corpus, reference)}


def report_files(corpus: Corpus, reference: str | None = None) -> dict[str, str]:
    """Return every file of the output folder, by path relative to it."""
    corpus = replace(corpus, events=tuple(_related_reference(corpus, e, reference) for e in corpus.events))
    folders = [e for e in corpus.events if e.folder is not None]
    if not folders:
        return _one_report(corpus, report_reference(corpus, reference))
    files = {
        "alignment.json": alignment_json(corpus),
        "alignment.csv": alignment_csv(corpus),
        "changes.csv": changes_csv(corpus),
        "alignment.tei.xml": alignment_tei(corpus),
        "events.json": events_json(corpus),
        "index.html": render_events_index(corpus),
    }
    for event in folders:
        for name, text in _one_report(event_corpus(corpus, event), event.reference).items():
            files[f"{event.folder}/{name}"] = text
    return files
