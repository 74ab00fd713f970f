"""Align one pair of documents: cut the corpus's vectors per document, walk the pair, diff each link's words."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from ..diff import diff_words
from ..records import Document, Link, PairAlignment, Unit
from ..segment import unit_text_for_model
from ..settings import AlignSettings
from .walk import AlignInput, align_pair

__all__ = ["PairJob", "align_document_pair", "align_inputs", "link_text"]


@dataclass(frozen=True)
class PairJob:
    """Everything needed to align two documents, in plain data (so an engine can ship it to a worker)."""

    ids: tuple[str, str]
    """Ids of documents a and b (a first in corpus order)."""
    inputs: tuple[AlignInput, AlignInput]
    """Each side's sentence vectors, model texts and sections."""
    units: tuple[Sequence[Unit], Sequence[Unit]]
    """Each side's units (sentences and set-aside text)."""
    sentences: tuple[Sequence[int], Sequence[int]]
    """Per side, the unit id of each row of that side's vectors."""
    same_event: bool
    """Whether the two documents report one event (no links otherwise)."""
    related: float
    """The pair's relatedness (``compare.align.relatedness``)."""


def link_text(units: Sequence[Unit], ids: Sequence[int]) -> str:
    """Return the text a link compares on one side: its units' texts joined by one space."""
    return " ".join(units[i].text for i in ids)


def align_inputs(
    docs: Sequence[Document], units: Mapping[str, Sequence[Unit]], sent_ids: Mapping[str, Sequence[int]], vectors: np.ndarray
) -> dict[str, AlignInput]:
    """Cut the corpus's sentence vectors (documents in order) into one aligner input per document."""
    per_doc: dict[str, AlignInput] = {}
    pos = 0
    for d in docs:
        ids = sent_ids[d.id]
        per_doc[d.id] = AlignInput(
            vectors=vectors[pos : pos + len(ids)] if ids else np.zeros((0, 1), dtype=np.float32),
            texts=[unit_text_for_model(units[d.id][i]) for i in ids],
            sections=[units[d.id][i].section for i in ids],
            positions=list(ids),
        )
        pos += len(ids)
    return per_doc


def align_document_pair(job: PairJob, settings: AlignSettings) -> PairAlignment:
    """Align and word-diff two documents (no links unless ``job.same_event``); sentence indices become unit ids.

    Links carry their calibrated ``confidence``; the possible counterparts (``PairAlignment.possible``) carry
    theirs too, and no edits (they are never shown as a rewrite).
    """
    if not job.same_event:
        return PairAlignment(job.ids[0], job.ids[1], (), round(job.related, 4))
    result = align_pair(job.inputs[0], job.inputs[1], settings)
    ua, ub = job.units

    def units_of(lk: Link) -> tuple[tuple[int, ...], tuple[int, ...]]:
        return tuple(job.sentences[0][x] for x in lk.a), tuple(job.sentences[1][y] for y in lk.b)

    mapped = []
    for lk in result.links:
        a_ids, b_ids = units_of(lk)
        mapped.append(Link(a_ids, b_ids, lk.score, diff_words(link_text(ua, a_ids), link_text(ub, b_ids)),
                           confidence=lk.confidence))
    possible = tuple(Link(*units_of(lk), lk.score, confidence=lk.confidence) for lk in result.possible)
    return PairAlignment(job.ids[0], job.ids[1], tuple(mapped), round(job.related, 4), possible)
