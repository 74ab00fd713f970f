"""Lay out the overview: per source, how much of the reference it renders and which kinds of change it makes.

Pure view models for ``compare.report``: no HTML here.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..records import Change, Corpus, Document, Flag
from .synopsis import CHANGE_ORDER, find_pair, oriented_links, sentence_units

__all__ = ["TELLING_TYPES", "HeatCell", "Overview", "SourceSummary", "Telling", "build_overview", "coverage_level"]

TELLING_TYPES = ("loaded_language", "meaning", "quote", "number")
"""Change types listed first among the most telling differences, in this order."""


@dataclass(frozen=True)
class HeatCell:
    """One cell of the heat map: how much of a reference section a source renders."""

    covered: int
    total: int
    level: str
    """CSS class: ``none``, ``low``, ``mid``, ``high``, ``full``."""

    @property
    def percent(self) -> int:
        """Return the share covered, in whole percent."""
        return round(100 * self.covered / self.total) if self.total else 0


@dataclass(frozen=True)
class SourceSummary:
    """One source's line of the overview."""

    doc: Document
    covered: int
    """Reference sentences with a counterpart in this source."""
    total: int
    """Reference sentences."""
    counts: dict[str, int]
    """Changes of each type on the links between the reference and this source."""
    flags: tuple[Flag, ...]
    heat: tuple[HeatCell, ...]


@dataclass(frozen=True)
class Telling:
    """One of the most telling differences, linked into the synopsis."""

    change: Change
    source: str
    anchor: str
    """Synopsis row id of the first reference sentence of the link."""
    ref_words: str
    """The change's words on the reference's side."""
    source_words: str
    """The change's words on the source's side."""


@dataclass(frozen=True)
class Overview:
    """Everything the overview page shows."""

    reference: Document
    sections: tuple[tuple[int, str, int], ...]
    """(section number, its first words, its sentence count) for each reference section."""
    sources: tuple[SourceSummary, ...]
    telling: tuple[Telling, ...]


def coverage_level(covered: int, total: int) -> str:
    """Return the shade class of a coverage share: ``none``, ``low`` (< 1/3), ``mid`` (< 2/3), ``high``, ``full``."""
    if covered == 0 or total == 0:
        return "none"
    if covered == total:
        return "full"
    share = covered / total
    return "low" if share < 1 / 3 else ("mid" if share < 2 / 3 else "high")


def build_overview(corpus: Corpus, ref: Document, limit: int = 12) -> Overview:
    """Return per-source coverage of ``ref``, change counts, flags, the heat map and the most telling changes."""
    ref_sent = sentence_units(corpus.units[ref.id])
    section_ids = sorted({u.section for u in ref_sent})
    sections = tuple(
        (s, " ".join(next(u.text for u in ref_sent if u.section == s).split()[:6]), sum(1 for u in ref_sent if u.section == s))
        for s in section_ids
    )  # fmt: skip
    summaries, telling = [], []
    for doc in corpus.documents:
        if doc.id == ref.id:
            continue
        pair = find_pair(corpus, ref.id, doc.id)
        oriented = oriented_links(pair, ref.id) if pair else []
        covered_ids = {r for r_ids, _, _ in oriented for r in r_ids}
        counts: Counter[str] = Counter(c.type for _, _, lk in oriented for c in lk.changes)
        heat = tuple(
            HeatCell(c := sum(1 for u in ref_sent if u.section == s and u.id in covered_ids), n, coverage_level(c, n))
            for s, _, n in sections
        )  # fmt: skip
        summaries.append(SourceSummary(
            doc, len(covered_ids & {u.id for u in ref_sent}), len(ref_sent),
            {t: counts.get(t, 0) for t in CHANGE_ORDER}, corpus.flags.get(doc.id, ()), heat,
        ))  # fmt: skip
        ref_is_a = pair is not None and pair.a == ref.id
        for r_ids, _, lk in oriented:
            for change in lk.changes:
                if change.type in TELLING_TYPES:
                    words = (change.a, change.b) if ref_is_a else (change.b, change.a)
                    telling.append(Telling(change, doc.id, f"r{r_ids[0]}", *words))
    telling.sort(key=lambda t: (TELLING_TYPES.index(t.change.type), int(t.anchor[1:]), t.source))
    return Overview(ref, sections, tuple(summaries), tuple(telling[:limit]))
