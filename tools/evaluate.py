"""Score alignments against gold: the GNAT Aesop pairs and the hand-made seed-corpus links.

Stdlib only (no model, no torch): the evaluation reads gold files and counts matches, so it can run
wherever the predictions came from.

Two gold sets are supported:

- **GNAT Aesop** (``data/gnat_aesop``; Pial & Skiena, EMNLP 2023, CC BY-SA 4.0): 153 pairs of
  pre-split English fable tellings, gold as sentence-index pairs. See ``data/gnat_aesop/STRUCTURE.md``.
- **Seed gold** (``tests/data/seed_gold.json``): exact substrings of the seed corpus that report the
  same statement, located in the documents by character offsets.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from compare.records import Corpus

__all__ = [
    "GoldPair",
    "Score",
    "SeedGoldLink",
    "best_per_a",
    "corpus_link_spans",
    "links_to_pairs",
    "load_gnat",
    "load_seed_gold",
    "locate_seed_link",
    "score_links",
    "score_seed_links",
]

Pair = tuple[int, int]
Span = tuple[int, int]
PredictedSpanLink = tuple[str, str, Span, Span]
"""(a document id, b document id, a character span, b character span); spans are half-open."""

_INT = re.compile(r"-?\d+")


class _IndexLink(Protocol):
    """Anything shaped like ``compare.records.Link`` (only its indices are read)."""

    @property
    def a(self) -> tuple[int, ...]: ...

    @property
    def b(self) -> tuple[int, ...]: ...


class _ScoredLink(_IndexLink, Protocol):
    """A link with a similarity score, like ``compare.records.Link``."""

    @property
    def score(self) -> float: ...


# ---------------------------------------------------------------------------------------------
# Link-level scores


@dataclass(frozen=True)
class Score:
    """Counts of a link-level comparison; add two to micro-average."""

    tp: int
    """Predicted links that are gold."""
    fp: int
    """Predicted links that are not gold."""
    fn: int
    """Gold links that were not predicted."""

    @property
    def precision(self) -> float:
        """Return tp / (tp + fp), or 0.0 when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        """Return tp / (tp + fn), or 0.0 when there is no gold."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        """Return the harmonic mean of precision and recall, or 0.0 when both are 0."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Score) -> Score:
        """Sum the counts (micro-averaging over document pairs)."""
        if not isinstance(other, Score):
            return NotImplemented
        return Score(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)


def score_links(predicted: Iterable[Pair], gold: Iterable[Pair]) -> Score:
    """Compare predicted (i, j) sentence pairs with gold pairs by exact match (duplicates count once)."""
    pred, ref = set(predicted), set(gold)
    tp = len(pred & ref)
    return Score(tp=tp, fp=len(pred) - tp, fn=len(ref) - tp)


def links_to_pairs(links: Iterable[_IndexLink]) -> set[Pair]:
    """Return every (a index, b index) pair covered by the links: the cross product of each link's sides."""
    return {(i, j) for link in links for i in link.a for j in link.b}


def best_per_a(links: Iterable[_ScoredLink]) -> set[Pair]:
    """Keep, for each a index, only the b index of its highest-scoring link.

    GNAT's gold is a function A -> B or none: each A sentence has at most one gold B sentence, so a
    predicted one-to-many link can never be wholly right. STRUCTURE.md suggests reducing predictions
    to one B per A before scoring; this does that. When the best link has several b indices (a
    one-to-many block), its first (lowest) b index is kept; ties between links go to the earlier one.
    """
    best: dict[int, tuple[float, int]] = {}
    for link in links:
        if not link.b:
            continue
        for i in link.a:
            if i not in best or link.score > best[i][0]:
                best[i] = (link.score, min(link.b))
    return {(i, j) for i, (_, j) in best.items()}


# ---------------------------------------------------------------------------------------------
# GNAT Aesop


@dataclass(frozen=True)
class GoldPair:
    """One GNAT document pair: two pre-split tellings of a fable and their gold links."""

    name: str
    """CSV file name without ``.csv`` (e.g. ``eagleFox_11339__eagleFox_34588``)."""
    a: tuple[str, ...]
    """Sentences of telling A (non-empty ``sent1`` cells, in row order), as given."""
    b: tuple[str, ...]
    """Sentences of telling B (non-empty ``sent2`` cells, in row order), as given."""
    links: frozenset[Pair]
    """Gold (i, j) pairs: A sentence i reports what B sentence j reports."""
    a_none: frozenset[int] = frozenset()
    """A sentences whose gold says they have no counterpart in B (``(i, -1)``)."""
    dropped: int = 0
    """Gold cells ignored because they did not hold two integers or an index was out of range."""
    second: frozenset[Pair] | None = None
    """A second annotator's (i, j) links (``2nd_manual_alignments``, 32 files), read like ``links``; ``None``
    where the file has no second annotation. Scoring them against ``links`` gives the human agreement."""


def load_gnat(folder: Path) -> list[GoldPair]:
    """Read every ``folder/csv/*.csv`` (sorted by name) as a GNAT gold pair.

    Gold comes from the ``manual_alignments`` column, one ``(i, j)`` per row. Cells are read leniently
    (the first two integers in the cell), because the release has two malformed cells, ``(8 -1)`` and
    ``19, 6)``. A cell whose i is not an A sentence or whose j is neither -1 nor a B sentence is
    dropped and counted in ``GoldPair.dropped`` (seven files carry ``(i, -1)`` rows past their last
    A sentence).
    """
    pairs = []
    for path in sorted((folder / "csv").glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        a = tuple(r["sent1"] for r in rows if (r.get("sent1") or "").strip())
        b = tuple(r["sent2"] for r in rows if (r.get("sent2") or "").strip())
        links, a_none, dropped = _read_links(rows, "manual_alignments", len(a), len(b))
        second = None
        if any((r.get("2nd_manual_alignments") or "").strip() for r in rows):
            second = frozenset(_read_links(rows, "2nd_manual_alignments", len(a), len(b))[0])
        pairs.append(GoldPair(path.stem, a, b, frozenset(links), frozenset(a_none), dropped, second))
    return pairs


def _read_links(rows: list[dict[str, str]], column: str, na: int, nb: int) -> tuple[set[Pair], set[int], int]:
    """Return (links, A sentences marked as having no counterpart, cells dropped) of one annotation column."""
    links: set[Pair] = set()
    a_none: set[int] = set()
    dropped = 0
    for row in rows:
        cell = row.get(column) or ""
        if not cell.strip():
            continue
        numbers = [int(n) for n in _INT.findall(cell)]
        if len(numbers) != 2:
            dropped += 1
            continue
        i, j = numbers
        if not 0 <= i < na or not -1 <= j < nb:
            dropped += 1
        elif j == -1:
            a_none.add(i)
        else:
            links.add((i, j))
    return links, a_none, dropped


# ---------------------------------------------------------------------------------------------
# Seed-corpus gold


@dataclass(frozen=True)
class SeedGoldLink:
    """Two passages of the seed corpus, in two documents, that report the same statement."""

    a_doc: str
    """Source id of the first document (``transcript``)."""
    b_doc: str
    """Source id of the second document (``readout``, ``press``)."""
    a_text: str
    """Exact substring of document a; occurs exactly once there."""
    b_text: str
    """Exact substring of document b; occurs exactly once there."""
    note: str = ""
    """Why the annotator judged the two passages to be the same statement."""


def load_seed_gold(path: Path) -> list[SeedGoldLink]:
    """Read the ``links`` of a seed-gold JSON file (format described in its ``description``)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return [
        SeedGoldLink(
            a_doc=item["a"],
            b_doc=item["b"],
            a_text=item["a_text"],
            b_text=item["b_text"],
            note=item.get("note", ""),
        )
        for item in data["links"]
    ]


def _locate(text: str, substring: str, doc_id: str) -> Span:
    """Return the half-open character span of the single occurrence of ``substring`` in ``text``."""
    start = text.find(substring)
    if start < 0:
        raise ValueError(f"seed gold text not found in document {doc_id!r}: {substring!r}")
    if text.find(substring, start + 1) >= 0:
        raise ValueError(
            f"seed gold text occurs more than once in document {doc_id!r}: {substring!r}; "
            "lengthen it until it is unique"
        )
    return start, start + len(substring)


def locate_seed_link(link: SeedGoldLink, doc_texts: dict[str, str]) -> tuple[Span, Span]:
    """Return the character spans of a gold link's two passages in their documents' texts."""
    return (
        _locate(doc_texts[link.a_doc], link.a_text, link.a_doc),
        _locate(doc_texts[link.b_doc], link.b_text, link.b_doc),
    )


def _overlaps(x: Span, y: Span) -> bool:
    return x[0] < y[1] and y[0] < x[1]


def score_seed_links(
    gold: Sequence[SeedGoldLink],
    doc_texts: dict[str, str],
    predicted: Iterable[PredictedSpanLink],
) -> Score:
    """Score predicted links, given as character spans, against seed gold links.

    A gold link is *matched* by a predicted link between the same two documents (in either order)
    whose a span overlaps the gold a passage and whose b span overlaps the gold b passage (spans are
    half-open character offsets into ``doc_texts``). TP = gold links matched; FN = gold links not
    matched; FP = predicted links between documents that some gold link joins which match no gold
    link. Predicted links between other document pairs are ignored. TP counts gold links and FP
    counts predicted links, so one wide predicted block that covers three gold links scores 3 TP.

    Raises ValueError naming the passage when a gold passage is absent from its document or occurs
    in it more than once.
    """
    located = [(link.a_doc, link.b_doc, *locate_seed_link(link, doc_texts)) for link in gold]
    scored_pairs = {frozenset((a_doc, b_doc)) for a_doc, b_doc, _, _ in located}
    matched = [False] * len(located)
    fp = 0
    for a_doc, b_doc, a_span, b_span in predicted:
        if frozenset((a_doc, b_doc)) not in scored_pairs:
            continue
        hit = False
        for k, (g_a_doc, g_b_doc, g_a, g_b) in enumerate(located):
            if (a_doc, b_doc) == (g_a_doc, g_b_doc):
                mine_a, mine_b = a_span, b_span
            elif (b_doc, a_doc) == (g_a_doc, g_b_doc):
                mine_a, mine_b = b_span, a_span
            else:
                continue
            if _overlaps(mine_a, g_a) and _overlaps(mine_b, g_b):
                matched[k] = True
                hit = True
        fp += not hit
    tp = sum(matched)
    return Score(tp=tp, fp=fp, fn=len(located) - tp)


def corpus_link_spans(corpus: Corpus) -> list[PredictedSpanLink]:
    """Turn a pipeline result's links into character-span links for ``score_seed_links``.

    Each side's span runs from the start of its first unit to the end of its last unit.
    """
    spans: list[PredictedSpanLink] = []
    for pair in corpus.pairs:
        units_a = {u.id: u for u in corpus.units[pair.a]}
        units_b = {u.id: u for u in corpus.units[pair.b]}
        for link in pair.links:
            a_units = [units_a[i] for i in link.a]
            b_units = [units_b[j] for j in link.b]
            spans.append(
                (
                    pair.a,
                    pair.b,
                    (min(u.start for u in a_units), max(u.end for u in a_units)),
                    (min(u.start for u in b_units), max(u.end for u in b_units)),
                )
            )
    return spans
