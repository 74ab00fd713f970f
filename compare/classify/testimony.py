"""What every record of a statement says where a secondary source quotes it: the ground for a ``quote`` change.

The transcript and the readout are two translations of one conversation: a press quotation that matches either is
faithful. ``Testimony`` holds, for one secondary document, the links of each record to it (which stretch of the
secondary text, and the record's content words there); the ``quote`` rule asks whether the quoted words at one spot
differ from every record that covers the spot.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .hunks import Side
from .lexicon import content_stems

__all__ = ["Testimony", "add_link"]


@dataclass
class Testimony:
    """For one secondary document: per record id, each link's stretches of the secondary text and the record's words."""

    links: dict[str, list[tuple[tuple[tuple[int, int], ...], frozenset[str]]]] = field(default_factory=dict)
    """Record id -> [(document spans of the secondary sentences linked, the record side's content stems)]."""

    def agreeing(self, at: int, has: set[str], lacks: set[str], record: str) -> tuple[list[str], list[str]]:
        """Return (records other than ``record`` that agree with the secondary text at offset ``at``, records covering it).

        A record agrees when its linked text has every content word (crude stem) of ``has`` (what the secondary text
        says there) and none of ``lacks`` (what ``record`` says there and the secondary text does not).
        """
        agree, covered = [], []
        for rec in sorted(self.links):
            if rec == record:
                continue
            here = [stems for spans, stems in self.links[rec] if any(s <= at <= e for s, e in spans)]
            if not here:
                continue
            covered.append(rec)
            if any(has <= stems and not lacks & stems for stems in here):
                agree.append(rec)
        return agree, covered


def add_link(testimony: Testimony, secondary: Side, record: Side) -> None:
    """Add one link between a secondary side and the record side ``record`` (named by its source id)."""
    spans = []
    for k, (at, doc) in enumerate(secondary.offsets or ((0, 0),)):
        end = secondary.offsets[k + 1][0] - 1 if k + 1 < len(secondary.offsets) else len(secondary.text)
        spans.append((doc, doc + end - at))
    testimony.links.setdefault(record.name, []).append((tuple(spans), frozenset(content_stems(record.text, adverbs=True))))
