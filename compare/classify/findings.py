"""Findings about whole documents: unrelated to the rest, long runs with no counterpart, a contradicting date.

Pure: reads a Corpus whose pairs are aligned, returns ``Flag`` records per document id. The rules are in
``compare.classify.FLAG_TYPES``; which documents form one event is the corpus's
``events`` (decided once, by ``compare.align.events``).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date

from ..read.dates import DateMention, header_date, text_dates
from ..records import Corpus, Document, Flag
from ..settings import Settings

__all__ = ["find_flags"]

_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")
_PUBLICATION_DAYS = 7
"""A source dated up to this many days after the event is a report published later, not a contradiction."""


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
        f"and less than {share:.0%} of the smaller text's sentences have a confident counterpart there, or those "
        "few could all match by chance (the statements are not the same, even where the topic "
        "is); it gets no links.",
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


@dataclass(frozen=True)
class _DateEvidence:
    """What one source says about its date: the date it claims (manifest or header), the date its text names."""

    claimed: str
    """``YYYY-MM-DD`` of the manifest ``date`` or the header line; empty when neither gives one."""
    span: tuple[int, int] | None
    """Offsets of the header line, when the claim is one."""
    named: DateMention | None
    """The first date the text names after any header (a dateline, "on Friday, March 11")."""

    def supports(self, iso: str) -> bool:
        """Whether this source dates the event ``iso``: by its claim, or by the date its text names."""
        if self.named is not None:
            return self.named.iso == iso if self.named.iso else self.named.month_day == iso[5:]
        return self.claimed == iso


def _dates(doc: Document) -> _DateEvidence:
    header = header_date(doc.text)
    claimed = doc.source.date if _ISO.fullmatch(doc.source.date) else (header[0] if header else "")
    named = text_dates(doc.text, header[2] if header else 0)
    return _DateEvidence(claimed, (header[1], header[2]) if header else None, named[0] if named else None)


def _far_apart(claimed: str, event: str) -> bool:
    """Whether a claimed date contradicts the event date: before it, or more than a week after (a report's own date)."""
    gap = (date.fromisoformat(claimed) - date.fromisoformat(event)).days
    return gap < -1 or gap > _PUBLICATION_DAYS


def _date_mismatch(doc: Document, others: list[Document]) -> Flag | None:
    """Flag ``doc`` when its claimed date contradicts the event date on which at least two other sources agree.

    The event date is the full date (claimed, or named in a text with its year) most other sources support; a text
    naming only the day and month ("On 11 March") supports every full date with that day and month.
    """
    mine = _dates(doc)
    if not mine.claimed:
        return None
    theirs = {o.id: _dates(o) for o in others}
    candidates = sorted({e.claimed for e in theirs.values() if e.claimed}
                        | {e.named.iso for e in theirs.values() if e.named is not None and e.named.iso})
    votes = Counter({iso: sum(e.supports(iso) for e in theirs.values()) for iso in candidates})
    if not votes:
        return None
    (event_date, n), *rest = votes.most_common()
    if n < 2 or (rest and rest[0][1] == n) or not _far_apart(mine.claimed, event_date):
        return None
    agree = sorted(k for k, e in theirs.items() if e.supports(event_date))
    start, end = mine.span if mine.span else (0, len(doc.text))
    detail = f"Dated {mine.claimed}, but {', '.join(agree)} date the event {event_date}."
    if mine.named is not None and mine.named.month_day == event_date[5:]:
        detail += f" Its own text says “{mine.named.text}”."
    quoted = [f"{k}: “{theirs[k].named.text}”" for k in agree if theirs[k].named is not None]  # type: ignore[union-attr]
    if quoted:
        detail += f" ({'; '.join(quoted)})"
    return Flag("date_mismatch", detail, start, end)


def find_flags(corpus: Corpus, settings: Settings | None = None) -> dict[str, tuple[Flag, ...]]:
    """Return the flags of each document (documents without findings are left out); events come from ``corpus.events``."""
    settings = settings or Settings()
    related = _relatedness(corpus)
    flags: dict[str, tuple[Flag, ...]] = {}
    for doc in corpus.documents:
        found: list[Flag] = []
        event = corpus.event_of(doc.id)
        if event is None:
            if related[doc.id]:  # set apart: from the event, or (no event at all) from every other source
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
