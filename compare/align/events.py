"""Group documents into events from a nearest-neighbour index over their sentence vectors.

Comparing every document with every other grows with the square of the corpus. Instead, each sentence asks
a FAISS index for its ``neighbours`` nearest sentences; two documents are a candidate pair only when one
sentence of one has a neighbour in the other at a cosine of at least the event threshold. Only candidate
pairs have their relatedness computed (exactly, as ``compare.align.relatedness``), and documents join one
event when a candidate pair reaches the threshold, transitively (``event_groups``). Since a
pair's relatedness (a mean of best cosines) can reach the threshold only if its best cosine does, a pair
left out can never join two documents (up to the index's recall), so small corpora group exactly as the
all-pairs comparison did.

A mean of best cosines misses two tellings of one story in different words (GNAT fables: 0.34-0.90). So,
when the sentences' texts are given, a second question is asked of the pairs whose sentences come within
``AlignSettings.found_floor`` of each other and that are the most related pair of one of their documents: how
much of the *smaller* document is found in the other, the sentences of it that the aligner links there with a
confident link (``found_evidence``). The pair is one event
when at least ``AlignSettings.found_share_threshold`` of the smaller document is found and the finding is more
than chance (``found_joins``): some sentence pair reaches ``found_cosine``, or the chance that every one of those
links is wrong, the product of one minus each link's calibrated confidence, is at most ``found_chance``. And one
of the two documents must be the other's most related document in the corpus (the corpus's other documents are
the null: in a folder of many fables, a telling has its own story's tellings closer than another story's). One
link of confidence 0.6 between two unrelated short texts happens (two different fables: a share of 0.5); two or
three independent ones rarely do (benchmarks/fable_grouping.py prints the negatives). A link that joins several
sentences is one link, one chance. A look-alike article on the same topic shares words and
themes but hardly any statement (its share stays near 0.1). A smaller share, from ``found_share_alone``, joins
two documents only when at least two links hold it and the chance that all are wrong is at most
``found_chance_alone``: two tellings of one fable that keep two or three statements close and retell the rest.

The plan is made once per run; ``plan_to_events`` turns it into the ``Event`` records that the corpus carries
and that findings, reports and writers read.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from ..errors import InputError
from ..records import Document, Event
from ..settings import AlignSettings
from .index import candidate_pairs
from .relatedness import relatedness
from .walk import AlignInput, align_pair

__all__ = [
    "EventPlan", "FoundEvidence", "check_reference", "choose_reference", "reference_pairs", "event_groups", "found_evidence", "found_joins",
    "found_share", "plan_events", "plan_to_events",
]


@dataclass(frozen=True)
class EventPlan:
    """Which documents report one event, and which document pairs to align and report."""

    groups: tuple[int, ...]
    """Event number of each document (in input order); a document related to no other is an event of its own."""
    pairs: tuple[tuple[int, int], ...]
    """Document pairs (i < j, sorted) to report: every pair when there is at most one multi-document event
    (the single-event report, as before), else only the pairs inside each multi-document event."""
    related: dict[tuple[int, int], float]
    """Exact relatedness of every pair in ``pairs`` (and of the candidate pairs found)."""
    candidates: int
    """How many document pairs the index proposed (for benchmarks)."""
    found: dict[tuple[int, int], float] = field(default_factory=dict)
    """Share of the smaller document found in the other (``found_share``), for the pairs where it was asked."""
    evidence: dict[tuple[int, int], FoundEvidence] = field(default_factory=dict)
    """What was found of the smaller document in the other and whether it joins the pair, where it was asked."""

    @property
    def multi_event(self) -> bool:
        """Whether the corpus holds two or more events of at least two documents."""
        sizes: dict[int, int] = {}
        for g in self.groups:
            sizes[g] = sizes.get(g, 0) + 1
        return sum(1 for n in sizes.values() if n >= 2) >= 2


def plan_events(
    doc_vectors: Sequence[np.ndarray],
    *,
    top: int,
    threshold: float,
    neighbours: int,
    found: set[tuple[int, int]] | None = None,
    inputs: Sequence[AlignInput] | None = None,
    settings: AlignSettings | None = None,
) -> EventPlan:
    """Group documents into events and choose the pairs to align (see the module docstring).

    ``found`` gives the candidate pairs when they were searched elsewhere (the Spark engine). ``inputs`` (each
    document's sentence vectors and texts, in the order of ``doc_vectors``) and ``settings`` turn on the
    second question, how much of the smaller document is found in the other.
    """
    n = len(doc_vectors)

    def rel(i: int, j: int) -> float:
        a, b = doc_vectors[i], doc_vectors[j]
        return relatedness(a @ b.T, top) if a.shape[0] and b.shape[0] else 0.0

    if found is None:
        found = candidate_pairs(doc_vectors, neighbours, threshold)
    related = {p: rel(*p) for p in sorted(found)}
    evidence: dict[tuple[int, int], FoundEvidence] = {}
    if inputs is not None and settings is not None:
        close = candidate_pairs(doc_vectors, neighbours, settings.found_floor)
        for p in sorted(close):
            if p not in related:
                related[p] = rel(*p)
        nearest = _nearest(related, n)
        for p in sorted(close):
            # Only a document's most related pair can join on what is found (``found_joins``), so only those are
            # aligned here: at most one per document, however many pairs the index proposes.
            if related[p] < threshold and p in (nearest[p[0]], nearest[p[1]]):
                evidence[p] = found_evidence(inputs[p[0]], inputs[p[1]], settings)
    shares = {p: e.share for p, e in evidence.items()}
    joined = dict(related)
    for p, e in evidence.items():
        if e.joins:
            joined[p] = threshold  # one event: enough of the smaller document is found in the other
    groups = tuple(event_groups(joined, n, threshold))
    plan = EventPlan(groups, (), related, len(found), shares, evidence)
    if plan.multi_event:
        members: dict[int, list[int]] = {}
        for d, g in enumerate(groups):
            members.setdefault(g, []).append(d)
        pairs = sorted(p for m in members.values() for p in itertools.combinations(m, 2))
    else:
        pairs = list(itertools.combinations(range(n), 2))
    for p in pairs:
        if p not in related:
            related[p] = rel(*p)
    return EventPlan(groups, tuple(pairs), related, len(found), shares, evidence)


@dataclass(frozen=True)
class FoundEvidence:
    """How much of the smaller of two documents is found in the other, and whether that makes them one event."""

    found: int
    """Sentences of the smaller document with a confident link in the other."""
    size: int
    """Sentences of the smaller document."""
    best_cosine: float
    """The closest sentence pair of the two documents."""
    chance: float
    """Chance that every link found is wrong: the product of one minus each link's calibrated confidence (1.0: none)."""
    joins: bool
    """Whether this makes the two documents one event (``found_joins``)."""
    links: int = 0
    """How many links the smaller document's found sentences hold (a link that joins several sentences is one)."""

    @property
    def share(self) -> float:
        """Share of the smaller document's sentences found in the other."""
        return self.found / self.size if self.size else 0.0


def found_joins(
    found: int, size: int, best_cosine: float, chance: float, settings: AlignSettings, *, closest: bool = True,
    links: int = 0,
) -> bool:
    """Return whether ``found`` of the smaller document's ``size`` sentences, linked with confidence in the other,
    make two documents one event: one of the two has the other as its most related document in the corpus
    (``closest``: the corpus's other documents are the null; tellings of two different stories each have a closer
    text), at least ``found_share_threshold`` of the smaller is found, and that is more than chance: a closest
    sentence pair at ``found_cosine`` or more, or ``chance`` (that every link found is wrong) at most ``found_chance``.

    A smaller share, from ``found_share_alone``, is enough when at least two ``links`` hold it and the chance that
    all of them are wrong is at most ``found_chance_alone``: two tellings of one fable that retell most sentences
    in other words, with two or three statements kept close (in two draws of 30 and 150 pairs of two different fables in
    benchmarks/fable_grouping.py none had two links, and the lowest chance was 0.15)."""
    if size == 0 or not closest:
        return False
    share = found / size
    if share >= settings.found_share_threshold:
        return best_cosine >= settings.found_cosine or chance <= settings.found_chance
    return share >= settings.found_share_alone and links >= 2 and chance <= settings.found_chance_alone


def _nearest(related: dict[tuple[int, int], float], n: int) -> list[tuple[int, int] | None]:
    """Return, per document, its most related pair among ``related`` (ties: the first pair in order), or None."""
    best: list[tuple[int, int] | None] = [None] * n
    for p, value in sorted(related.items()):
        for d in p:
            q = best[d]
            if q is None or value > related[q]:
                best[d] = p
    return best


def found_evidence(a: AlignInput, b: AlignInput, settings: AlignSettings, *, closest: bool = True) -> FoundEvidence:
    """Align ``a`` with ``b`` and return what was found of the smaller one in the other (``FoundEvidence``);
    ``closest``: whether one of the two is the other's most related document (see ``found_joins``)."""
    n, m = len(a.texts), len(b.texts)
    if n == 0 or m == 0:
        return FoundEvidence(0, min(n, m), 0.0, 1.0, False)
    result = align_pair(a, b, settings)
    side = 0 if n <= m else 1
    found = len({k for lk in result.links for k in (lk.a if side == 0 else lk.b)})
    chance = math.prod(1.0 - (lk.confidence if lk.confidence is not None else 1.0) for lk in result.links)
    best = float((a.vectors @ b.vectors.T).max())
    size = min(n, m)
    links = len(result.links)
    joins = found_joins(found, size, best, chance, settings, closest=closest, links=links)
    return FoundEvidence(found, size, best, chance, joins, links)


def found_share(a: AlignInput, b: AlignInput, settings: AlignSettings) -> float:
    """Return the share of the smaller document's sentences that have a confident link in the other."""
    return found_evidence(a, b, settings).share


def event_groups(related: dict[tuple[int, int], float], n: int, threshold: float) -> list[int]:
    """Group ``n`` documents into events: linked when their relatedness reaches ``threshold``, transitively.

    Returns a group number per document; a document related to no other is a group of its own.
    """
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for (i, j), value in sorted(related.items()):
        if value >= threshold:
            parent[find(i)] = find(j)
    roots = [find(i) for i in range(n)]
    first: dict[int, int] = {}
    return [first.setdefault(r, len(first)) for r in roots]


def check_reference(ids: Sequence[str], reference: str) -> None:
    """Raise InputError unless ``reference`` is one of the source ``ids``."""
    if reference not in ids:
        raise InputError(
            f"cannot use --reference {reference}: no source has that id (sources: {', '.join(sorted(ids))}). "
            "Pass one of those ids, or leave --reference out to use the transcript."
        )


def choose_reference(docs: Sequence[Document], reference: str | None = None) -> Document:
    """Return ``reference`` when it is one of ``docs``, else the first transcript (manifest kind), else the first document."""
    for doc in docs:
        if doc.id == reference:
            return doc
    for doc in docs:
        if doc.source.kind == "transcript":
            return doc
    return docs[0]


def reference_pairs(plan: EventPlan, docs: Sequence[Document], reference: str | None,
                    record_kinds: Sequence[str]) -> tuple[tuple[int, int], ...]:
    """Return the pairs of ``plan`` with a base on one side: the reference of the event of either document (as
    ``plan_to_events`` chooses it) or a record of it (a source of a ``record_kinds`` kind), so every secondary source
    is compared with every record that its quotations are checked against (``--pairs reference``)."""
    members: dict[int, list[Document]] = {}
    for doc, number in zip(docs, plan.groups):
        members.setdefault(number, []).append(doc)
    base: set[str] = set()
    for group in members.values():
        base.add(choose_reference(group, reference).id)
        base.update(d.id for d in group if d.source.kind in record_kinds)
    return tuple((i, j) for i, j in plan.pairs if docs[i].id in base or docs[j].id in base)


def plan_to_events(plan: EventPlan, docs: Sequence[Document], reference: str | None = None) -> tuple[Event, ...]:
    """Return the plan's events (groups of two or more documents), numbered in corpus order.

    ``reference`` (``--reference``) becomes the reference of the event that holds it; every other event gets
    its first transcript, else its first document.
    """
    members: dict[int, list[Document]] = {}
    for doc, number in zip(docs, plan.groups):
        members.setdefault(number, []).append(doc)
    groups = [m for m in members.values() if len(m) >= 2]
    events = []
    for n, group in enumerate(groups, 1):
        event_id = f"{n:03d}-{group[0].id}"
        events.append(Event(
            id=event_id,
            documents=tuple(d.id for d in group),
            reference=choose_reference(group, reference).id,
            folder=f"events/{event_id}" if plan.multi_event else None,
        ))
    return tuple(events)
