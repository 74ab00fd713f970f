"""Apply a teacher's annotations to the aligner's links (stage ``annotate``, after align, before classify).

Each entry names its sentences by source and text (``compare.annotate.resolve``). For a pair of sentences the
last verdict in the file counts:

- ``wrong``: every link (and possible counterpart) that pairs the two sentences is dropped, so it never comes back.
- ``right``: the link that pairs them is marked ``checked``; when the aligner no longer makes it, it is made.
- ``add``: a link of the two sentences is made (``added``), with its edits; classify names its changes later.
  A person's link next to another person's link of the same sentence grows it (two sentences of one side
  for one of the other); any other link holding one of the two sentences in that pair of sources is dropped,
  since a sentence has one counterpart per source.

Entries that name no sentence or several, or that cannot be applied, are kept as problems in words.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from ..align import link_text
from ..diff import diff_words
from ..records import Annotations, Corpus, Link, Note, PairAlignment, Unit
from .file import ANNOTATIONS_FILE
from .resolve import describe_sentence, find_sentence

__all__ = ["Vectors", "annotate_corpus"]

Vectors = Mapping[str, tuple[Sequence[int], np.ndarray]]
"""Per document id: the unit id of each row, and the rows (L2-normalised sentence vectors)."""

_Sentence = tuple[str, int]


@dataclass(frozen=True)
class _Verdict:
    first: _Sentence
    second: _Sentence
    verdict: str
    where: str
    """The entry, as a problem names it (``annotations.json links[3] (add)``)."""


def _resolve_links(corpus: Corpus, entries: Sequence[Mapping[str, Any]], problems: list[str]) -> list[_Verdict]:
    """Return the last verdict per pair of sentences, in the file order of those entries."""
    last: dict[frozenset[_Sentence], _Verdict] = {}
    for i, entry in enumerate(entries):
        where = f"{ANNOTATIONS_FILE} links[{i}] ({entry['verdict']})"
        ends: list[_Sentence] = []
        for side in ("a", "b"):
            found = find_sentence(corpus.units, entry[side])
            if found.unit is None:
                problems.append(f"{where}, {side}: {found.problem}; the entry is not applied.")
            else:
                ends.append((str(entry[side]["source"]), found.unit))
        if len(ends) < 2:
            continue
        if ends[0][0] == ends[1][0]:
            problems.append(f"{where}: both sentences are in {ends[0][0]}; a link joins sentences of two sources.")
            continue
        key = frozenset(ends)
        if key in last and last[key].verdict != entry["verdict"]:
            problems.append(f"{where}: {last[key].where} judged the same two sentences; the later entry counts.")
            del last[key]
        last[key] = _Verdict(ends[0], ends[1], str(entry["verdict"]), where)
    return list(last.values())


def _orient(pair: PairAlignment, v: _Verdict) -> tuple[int, int]:
    """Return (unit in pair.a, unit in pair.b) of the verdict's two sentences."""
    return (v.first[1], v.second[1]) if v.first[0] == pair.a else (v.second[1], v.first[1])


def _pairs(link: Link, sa: int, sb: int) -> bool:
    return sa in link.a and sb in link.b


def _score(vectors: Vectors, pair: PairAlignment, a: Sequence[int], b: Sequence[int]) -> float:
    """Return the mean cosine of the sentence pairs (0.0 where a vector is not known)."""
    if pair.a not in vectors or pair.b not in vectors:
        return 0.0
    (rows_a, va), (rows_b, vb) = vectors[pair.a], vectors[pair.b]
    try:
        xa = va[[list(rows_a).index(i) for i in a]]
        xb = vb[[list(rows_b).index(j) for j in b]]
    except ValueError:
        return 0.0
    return round(float(np.mean(xa @ xb.T)), 4)


def _make_link(units: Mapping[str, Sequence[Unit]], vectors: Vectors, pair: PairAlignment, a: Sequence[int],
               b: Sequence[int], checked: bool) -> Link:
    edits = diff_words(link_text(units[pair.a], a), link_text(units[pair.b], b))
    return Link(tuple(a), tuple(b), _score(vectors, pair, a, b), edits, checked=checked, added=True)


def _next_to(units: Sequence[Unit], ids: Sequence[int], unit: int) -> bool:
    """Whether sentence ``unit`` is the sentence just before or just after the run ``ids``."""
    order = [u.id for u in units if u.is_sentence]
    k = order.index(unit)
    return (k > 0 and order[k - 1] == max(ids)) or (k + 1 < len(order) and order[k + 1] == min(ids))


def _label(units: Mapping[str, Sequence[Unit]], source: str, ids: Sequence[int]) -> str:
    return f"{source} " + ", ".join(describe_sentence(units[source], i) for i in ids)


def _add(corpus: Corpus, vectors: Vectors, pair: PairAlignment, v: _Verdict, problems: list[str]) -> PairAlignment:
    sa, sb = _orient(pair, v)
    links = list(pair.links)
    if any(_pairs(lk, sa, sb) for lk in links):
        return pair
    units = corpus.units
    for k, lk in enumerate(links):  # a person's link grows by a sentence next to it
        if not lk.added:
            continue
        grown: tuple[list[int], list[int]] | None = None
        if sa in lk.a and sb not in lk.b and _next_to(units[pair.b], lk.b, sb):
            grown = (list(lk.a), sorted({*lk.b, sb}))
        elif sb in lk.b and sa not in lk.a and _next_to(units[pair.a], lk.a, sa):
            grown = (sorted({*lk.a, sa}), list(lk.b))
        if grown is not None and not any(sb in o.b or sa in o.a for j, o in enumerate(links) if j != k):
            links[k] = _make_link(units, vectors, pair, *grown, checked=lk.checked or v.verdict == "right")
            return replace(pair, links=tuple(links))
    kept = []
    for lk in links:
        if sa in lk.a or sb in lk.b:
            if lk.added or lk.checked:
                problems.append(f"{v.where}: it takes a sentence of the link a person made or checked between "
                                f"{_label(units, pair.a, lk.a)} and {_label(units, pair.b, lk.b)}, which is dropped; "
                                "the later entry counts.")
            continue
        kept.append(lk)
    kept.append(_make_link(units, vectors, pair, [sa], [sb], checked=v.verdict == "right"))
    possible = tuple(p for p in pair.possible if not (sa in p.a or sb in p.b))
    return replace(pair, links=tuple(sorted(kept, key=lambda lk: (lk.a[0], lk.b[0]))), possible=possible)


def _apply_verdicts(corpus: Corpus, verdicts: Sequence[_Verdict], vectors: Vectors, problems: list[str]) -> tuple[PairAlignment, ...]:
    by_docs = {frozenset((p.a, p.b)): k for k, p in enumerate(corpus.pairs)}
    pairs = list(corpus.pairs)
    for v in verdicts:
        k = by_docs.get(frozenset((v.first[0], v.second[0])))
        if k is None:
            problems.append(f"{v.where}: {v.first[0]} and {v.second[0]} are not compared in this run (they report "
                            "different events), so the verdict is not applied.")
            continue
        pair = pairs[k]
        sa, sb = _orient(pair, v)
        if v.verdict == "wrong":
            pairs[k] = replace(pair, links=tuple(lk for lk in pair.links if not _pairs(lk, sa, sb)),
                               possible=tuple(lk for lk in pair.possible if not _pairs(lk, sa, sb)))
        elif v.verdict == "right" and any(_pairs(lk, sa, sb) for lk in pair.links):
            pairs[k] = replace(pair, links=tuple(replace(lk, checked=True) if _pairs(lk, sa, sb) else lk for lk in pair.links))
        else:  # add, or right where the aligner no longer links the two
            pairs[k] = _add(corpus, vectors, pair, v, problems)
    return tuple(pairs)


def _resolve_sentences(corpus: Corpus, key: str, entries: Sequence[Mapping[str, Any]], problems: list[str]) -> list[tuple[_Sentence, Mapping[str, Any]]]:
    out = []
    for i, entry in enumerate(entries):
        found = find_sentence(corpus.units, entry)
        if found.unit is None:
            problems.append(f"{ANNOTATIONS_FILE} {key}[{i}]: {found.problem}; the entry is not applied.")
        else:
            out.append(((str(entry["source"]), found.unit), entry))
    return out


def annotate_corpus(corpus: Corpus, data: Mapping[str, Any] | None, vectors: Vectors | None = None) -> Corpus:
    """Return ``corpus`` with the verdicts of ``data`` (checked annotations.json content) applied and its notes and stars resolved.

    ``vectors`` gives the score (mean cosine) of links a person makes; without them such links score 0.0.
    """
    if data is None:
        return corpus
    problems: list[str] = []
    verdicts = _resolve_links(corpus, data.get("links", []), problems)
    pairs = _apply_verdicts(corpus, verdicts, vectors or {}, problems)
    notes = tuple(Note(s, u, str(e["note"])) for (s, u), e in _resolve_sentences(corpus, "notes", data.get("notes", []), problems)
                  if str(e["note"]).strip())
    starred = tuple(dict.fromkeys(s for s, _ in _resolve_sentences(corpus, "starred", data.get("starred", []), problems)))
    return replace(corpus, pairs=pairs, annotations=Annotations(notes=notes, starred=starred, problems=tuple(problems)))

