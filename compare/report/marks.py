"""What the pages mark on a link or a sentence besides its words: grouped badges, the teacher's notes and stars, confidence.

Pure view helpers shared by the synopsis, the pair pages and the handout: no HTML here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..records import Change, Corpus, Link

__all__ = ["CHANGE_ORDER", "QUIET_TYPES", "Badge", "NoteIndex", "badges", "confidence_text", "link_marks", "loud_types"]

CHANGE_ORDER = ("loaded_language", "meaning", "quote", "number", "speaker", "hedge", "wording")

QUIET_TYPES = frozenset({"wording"})
"""Change types that are a quiet default: no badge in the overview, not a stop of ``j``/``k``, not "a difference"."""


@dataclass(frozen=True)
class Badge:
    """One badge per change type on a row: how many changes of that type, and why each was named."""

    type: str
    count: int
    detail: str
    """The changes' details, one per line (shown on hover)."""
    changes: tuple[Change, ...]


def badges(changes: Sequence[Change]) -> tuple[Badge, ...]:
    """Return one badge per change type of ``changes``, in ``CHANGE_ORDER``."""
    out = []
    for t in CHANGE_ORDER:
        of_type = tuple(c for c in changes if c.type == t)
        if of_type:
            details = list(dict.fromkeys(c.detail for c in of_type if c.detail))
            out.append(Badge(t, len(of_type), "\n".join(details), of_type))
    return tuple(out)


def loud_types(types: Sequence[str]) -> tuple[str, ...]:
    """Return the change types of ``types`` that are not quiet (everything but ``wording``)."""
    return tuple(t for t in types if t not in QUIET_TYPES)


def confidence_text(link: Link) -> str:
    """Return the link's confidence as a reader sees it ("0.93"), or "" when the aligner gave none."""
    return "" if link.confidence is None else f"{link.confidence:.2f}"


def link_marks(link: Link) -> tuple[str, ...]:
    """Return what a person did to this link, in words: ``checked by a person``, ``added by a person``."""
    return tuple(m for m, on in (("added by a person", link.added), ("checked by a person", link.checked)) if on)


class NoteIndex:
    """The teacher's notes and stars of a corpus, looked up by (document id, unit id)."""

    def __init__(self, corpus: Corpus) -> None:
        self._notes: dict[tuple[str, int], list[str]] = {}
        for note in corpus.annotations.notes:
            self._notes.setdefault((note.source, note.unit), []).append(note.text)
        self._starred = set(corpus.annotations.starred)

    def notes(self, source: str, units: Sequence[int]) -> tuple[str, ...]:
        """Return the notes on any of ``units`` of ``source``, in unit order then file order."""
        return tuple(n for u in units for n in self._notes.get((source, u), ()))

    def starred(self, source: str, units: Sequence[int]) -> bool:
        """Return whether any of ``units`` of ``source`` is starred."""
        return any((source, u) in self._starred for u in units)
