"""Findings about whole documents: unrelated to the rest, long runs with no counterpart, a contradicting date.

Pure: reads a Corpus whose pairs are aligned, returns ``Flag`` records per document id. The rules are in
``compare.classify.FLAG_TYPES``; which documents form one event is the corpus's
``events`` (decided once, by ``compare.align.events``).
"""

from __future__ import annotations

from collections import Counter

from ..read.dates import header_date
from ..records import Corpus, Document, Flag
from ..settings import Settings

__all__ = ["find_flags"]


def _relatedness(corpus: Corpus) -> dict[str, dict[str, float]]:
    related: dict[str, dict[str, float]] = {d.id: {} for d in corpus.documents}
    for p in corpus.pairs:
        related[p.a][p.b] = related[p.b][p.a] = p.related
    return related


def _unrelated(doc: Document, related: dict[str, float], threshold: float) -> Flag:
    best = max(sorted(related), key=lambda k: related[k])
    share = Settings().align.found_share_threshold
    return Flag(
        "unrelated",
        f"About something else: its closest source is {best}, with relatedness {related[best]:.2f} (the mean of "
        f"the best sentence cosines of the smaller text) below the {threshold:.2f} that sources of one event reach, "
        f"and less than {share:.0%} of the smaller text's sentences have a confident counterpart there (the "
        "statements are not the same, even where the topic is); it gets no links.",
        0,
        len(doc.text),
    )


def _runs(corpus: Corpus, doc_id: str, min_sentences: int) -> list[Flag]:
    """Flag runs of at least ``min_sentences`` consecutive sentences that no link touches."""
    units = corpus.units[doc_id]
    linked = {u.id for u, status in zip(units, corpus.status(doc_id)) if status == "aligned"}
    sentences = [u for u in units if u.is_sentence]
    linked_sections = {u.section for u in sentences if u.id in linked}
    runs: list[list[int]] = [[]]
    for k, u in enumerate(sentences):
        if u.id in linked:
            runs.append([])
        else:
            runs[-1].append(k)
    flags = []
    for run in runs:
        # Trim sentences at either end that share a section with linked text: the run proper starts where a
        # section with no link at all starts (a heading such as "Meeting with permanent members ...").
        core = [k for k in run if sentences[k].section not in linked_sections]
        chosen = core if len(core) >= min_sentences else run
        if len(chosen) < min_sentences:
            continue
        first, last = sentences[chosen[0]], sentences[chosen[-1]]
        flags.append(Flag(
            "no_counterpart",
            f"{len(chosen)} sentences in a row ({last.end - first.start} characters) have no counterpart in any other "
            f"source, from “{first.text[:60]}” to “{last.text[-60:]}”.",
            first.start,
            last.end,
        ))
    return flags


def _dates(doc: Document) -> tuple[set[str], tuple[int, int] | None]:
    found = {doc.source.date} if doc.source.date else set()
    header = header_date(doc.text)
    if header:
        found.add(header[0])
    return found, (header[1], header[2]) if header else None


def _date_mismatch(doc: Document, others: list[Document]) -> Flag | None:
    mine, span = _dates(doc)
    if not mine:
        return None
    votes: Counter[str] = Counter()
    for o in others:
        votes.update(_dates(o)[0])
    if not votes:
        return None
    (event_date, n), *rest = votes.most_common()
    if n < 2 or (rest and rest[0][1] == n) or event_date in mine:
        return None
    agree = sorted(o.id for o in others if event_date in _dates(o)[0])
    start, end = span if span else (0, len(doc.text))
    return Flag(
        "date_mismatch",
        f"Dated {', '.join(sorted(mine))}, but {', '.join(agree)} date the event {event_date}.",
        start,
        end,
    )


def find_flags(corpus: Corpus, settings: Settings | None = None) -> dict[str, tuple[Flag, ...]]:
    """Return the flags of each document (documents without findings are left out); events come from ``corpus.events``."""
    settings = settings or Settings()
    related = _relatedness(corpus)
    flags: dict[str, tuple[Flag, ...]] = {}
    for doc in corpus.documents:
        found: list[Flag] = []
        event = corpus.event_of(doc.id)
        if event is None:
            if corpus.events and related[doc.id]:
                found.append(_unrelated(doc, related[doc.id], settings.align.event_threshold))
        else:
            found.extend(_runs(corpus, doc.id, settings.classify.run_min_sentences))
            others = [d for d in corpus.documents if d.id != doc.id and d.id in event.documents]
            mismatch = _date_mismatch(doc, others)
            if mismatch:
                found.append(mismatch)
        if found:
            flags[doc.id] = tuple(found)
    return flags
