"""Classify every link of a corpus: named changes per link, then the document findings.

Pure: edits and both sides' texts (with speakers, quotation marks and source kinds) in, ``Change`` records
out; no model. Per hunk the ordered rules of ``compare.classify.rules`` decide; a passage reworded as a
whole may also carry a ``hedge`` for a distancing word in it and a ``meaning`` for a key noun changed after
a shared phrase (``compare.classify.passages``); the link-wide ones (numbers inside long passages, speaker)
come last; across the corpus, a source that has one person echo another who spoke later in a record with
speaker labels gets a ``speaker`` change (``compare.classify.testimony.echo_order``). Claims that accuse a source (quote, speaker, number) are made only when the two linked texts
share enough content words (``ClassifySettings.min_overlap``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..records import Change, Corpus, Edit, Link, Unit
from ..settings import ClassifySettings, Settings
from .cues import content_overlap, quoted_spans, speakers_named, surname
from .findings import find_flags
from .hunks import Side, hunks
from .numbers import number_change, number_pairs
from .passages import anchored_swap, distancing_in_passage, judging_verbs_in_passage
from .rules import WHOLE_PASSAGE, HunkContext, classify_hunk
from .testimony import Testimony, add_link, echo_order

__all__ = ["classify_corpus", "classify_link"]


def classify_link(
    edits: Sequence[Edit], a: Side, b: Side, settings: ClassifySettings | None = None, testimony: Testimony | None = None
) -> tuple[Change, ...]:
    """Return the named changes of one link, in text order of side a, then the link-wide ones (number, speaker).

    ``testimony``: what every record says at each spot of the link's secondary side (``classify_corpus`` builds it),
    so that a quotation is checked against all of them, not only against this link's record.
    """
    s = settings or ClassifySettings()
    overlap = content_overlap(a.text, b.text)
    close, verbatim = overlap >= s.min_overlap, overlap >= s.quote_overlap
    numbers, same = number_pairs(a.text, b.text)
    if not close:  # a changed timing ("the same day" / "six hours before") is read on looser links too
        numbers = [(p, q) for p, q in numbers if p.kind == "offset" and overlap >= s.passage_overlap]
    changes: list[Change] = []
    for h in hunks(edits):
        change = classify_hunk(HunkContext(h, a, b, s, close, verbatim, numbers, same, testimony))
        if change is not None:
            changes.append(change)
            if change.detail.startswith(WHOLE_PASSAGE) and overlap >= s.passage_overlap:
                changes.extend(distancing_in_passage(h, a, b, s))
                changes.extend(judging_verbs_in_passage(h, a, b, s))
                swap = anchored_swap(h, a, b, s)
                if swap:
                    changes.append(swap)
    for p, q in numbers:  # differing quantities inside long reworded passages
        changes.append(number_change(p.text, q.text, p, q, a, b))
    if close and a.speakers and b.speakers and not {surname(x) for x in a.speakers} & {surname(y) for y in b.speakers}:
        changes.append(Change("speaker", ", ".join(a.speakers), ", ".join(b.speakers),
                              f"{a.name} gives these words to {' and '.join(a.speakers)}, "
                              f"{b.name} to {' and '.join(b.speakers)}."))
    return tuple(changes)


def _side(corpus: Corpus, doc_id: str, ids: Sequence[int], names: Sequence[str], quotes: dict[str, tuple[tuple[int, int], ...]]) -> Side:
    units: tuple[Unit, ...] = corpus.units[doc_id]
    doc = next(d for d in corpus.documents if d.id == doc_id)
    parts, spans, pos, offsets = [], [], 0, []
    for i in ids:
        u = units[i]
        offsets.append((pos, u.start))
        for s, e in quotes[doc_id]:
            lo, hi = max(s, u.start), min(e, u.end)
            if lo < hi:
                spans.append((lo - u.start + pos, hi - u.start + pos))
        parts.append(u.text)
        pos += len(u.text) + 1
    text = " ".join(parts)
    speakers = list(dict.fromkeys(sp for i in ids if (sp := units[i].speaker)))
    if not speakers:
        speakers = list(speakers_named(text, names))
    return Side(text=text, name=doc_id, speakers=tuple(speakers), quoted=tuple(spans), kind=doc.source.kind,
                offsets=tuple(offsets))


def classify_corpus(corpus: Corpus, settings: Settings | None = None) -> Corpus:
    """Return ``corpus`` with every link's ``changes`` filled in and the document ``flags`` found."""
    settings = settings or Settings()
    names = sorted({u.speaker for us in corpus.units.values() for u in us if u.speaker})
    quotes = {d.id: quoted_spans(d.text) for d in corpus.documents}
    kinds = {d.id: d.source.kind for d in corpus.documents}
    records = settings.classify.record_kinds
    sides = {(p.a, p.b, lk.a, lk.b): (_side(corpus, p.a, lk.a, names, quotes), _side(corpus, p.b, lk.b, names, quotes))
             for p in corpus.pairs for lk in p.links}
    testimony: dict[str, Testimony] = {}
    for p in corpus.pairs:  # what every record says at each spot of each secondary source
        for lk in p.links:
            a, b = sides[(p.a, p.b, lk.a, lk.b)]
            if (kinds[p.a] in records) != (kinds[p.b] in records):
                secondary, record = (a, b) if kinds[p.b] in records else (b, a)
                add_link(testimony.setdefault(secondary.name, Testimony()), secondary, record)
    pairs = []
    for p in corpus.pairs:
        links: list[Link] = []
        for lk in p.links:
            a, b = sides[(p.a, p.b, lk.a, lk.b)]
            quoting = p.a if kinds[p.a] not in records else p.b
            changes = classify_link(lk.edits, a, b, settings.classify, testimony.get(quoting))
            if (kinds[p.a] in records) != (kinds[p.b] in records) and not any(c.type == "speaker" for c in changes):
                secondary, record, ids = (a, b, lk.b) if kinds[p.b] in records else (b, a, lk.a)
                order = echo_order(secondary, record, ids, corpus.units[record.name])
                if order is not None:
                    changes = (*changes, order)
            links.append(replace(lk, changes=changes))
        pairs.append(replace(p, links=tuple(links)))
    classified = replace(corpus, pairs=tuple(pairs))
    return replace(classified, flags=find_flags(classified, settings))
