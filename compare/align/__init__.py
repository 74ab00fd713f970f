"""Align: group documents into events, score sentence pairs, walk each pair of documents (numpy; no I/O)."""

from __future__ import annotations

from .events import (
    EventPlan,
    check_reference,
    choose_reference,
    event_groups,
    plan_events,
    plan_to_events,
    reference_pairs,
)
from .pairs import PairJob, align_document_pair, align_inputs, link_text
from .relatedness import relatedness
from .walk import AlignInput, align_vectors, link_scores

__all__ = [
    "AlignInput",
    "EventPlan",
    "PairJob",
    "align_document_pair",
    "align_inputs",
    "align_vectors",
    "check_reference",
    "choose_reference",
    "event_groups",
    "link_scores",
    "link_text",
    "plan_events",
    "plan_to_events",
    "reference_pairs",
    "relatedness",
]
