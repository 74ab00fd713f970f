"""Small cues of modality the hedge rule reads: a purpose clause ("that we may see"), and quotation marks as a writer's
quoting style rather than distance."""

from __future__ import annotations

import re

from ..settings import ClassifySettings
from .hunks import Side

__all__ = ["purposive", "without_quoting_style"]


_PURPOSE = re.compile(r"\b(\w+)[,;:]?\s+(?:so\s+)?(?:that|lest)\s+(?:[\w’'-]+\s+){1,3}?(may|might)\b", re.IGNORECASE)
_THAT_OF_A_VIEW = frozenset({
    "said", "says", "say", "warned", "warns", "think", "thinks", "thought", "believe", "believes", "believed", "fear",
    "fears", "feared", "possible", "likely", "chance", "risk", "hope", "hopes", "hoped", "suggest", "suggests",
    "suggested", "expect", "expects", "expected", "claim", "claims", "claimed", "worry", "worried", "concern",
})
"""Words after which "that ... may" reports a view or a possibility ("warned that it may"), not a purpose."""


def purposive(text: str, modal: str) -> bool:
    """Whether every ``modal`` ("may", "might") of ``text`` stands in a purpose clause ("that we may see", "so that the
    inheritance may be ours", "lest they might"): the subjunctive of a purpose, which says nothing about how sure
    anyone is. After a verb of saying or thinking, or a word of possibility, "that ... may" is a view ("warned that it
    may rain"), and counts."""
    uses = [m.start() for m in re.finditer(rf"\b{modal}\b", text, re.IGNORECASE)]
    purposes = {m.start(2) for m in _PURPOSE.finditer(text) if m.group(1).lower() not in _THAT_OF_A_VIEW
                and m.group(2).lower() == modal}
    return bool(uses) and all(u in purposes for u in uses)


def _in_speech(mark: str, side: Side) -> bool:
    """Whether every use of the single-quoted ``mark`` stands inside a speaker's quoted words (``Side.quoted``): a
    quotation the speaker makes, not the writer's distance."""
    spans = side.quoted or ()
    at = [i for i in range(len(side.text)) if side.text.startswith(mark, i)]
    return bool(at) and bool(spans) and all(any(s <= i and i + len(mark) <= e for s, e in spans) for i in at)


def without_quoting_style(found: dict[str, list[str]], side: Side, other: Side, s: ClassifySettings) -> dict[str, list[str]]:
    """Drop scare quotes unless a secondary source puts them around words a record says plainly: many writers (British
    ones) quote any phrase in single quotation marks ('let himself down'), so only against the record of what was said
    do they show distance, and never inside a speaker's quoted words (the speaker quotes)."""
    marks = [m for m in found.get("distancing", []) if m[0] not in "'‘" or (side.kind not in s.record_kinds and
                                                                          other.kind in s.record_kinds
                                                                          and not _in_speech(m, side))]
    out = {k: v for k, v in found.items() if k != "distancing"}
    if marks:
        out["distancing"] = marks
    return out
