"""What every hunk rule may read about one hunk and its link (``HunkContext``), and how a detail quotes words."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..settings import ClassifySettings
from .hunks import Hunk, Side
from .lexicon import words
from .numbers import describe_quantity
from .quantities import Quantity
from .testimony import Testimony

__all__ = ["HunkContext", "say"]


def say(words_: str) -> str:
    """Quote ``words_`` for a detail ("nothing" when empty)."""
    return f"“{words_}”" if words_ else "nothing"


@dataclass
class HunkContext:
    """What every rule may read about one hunk and its link."""

    hunk: Hunk
    a: Side
    b: Side
    settings: ClassifySettings
    close: bool
    """The two sides share at least ``min_overlap`` of their content words."""
    verbatim: bool
    """The two sides share at least ``quote_overlap`` of their content words."""
    numbers: list[tuple[Quantity, Quantity]]
    """Quantity pairs of the link that differ and are not yet claimed by a hunk; the number rule claims them."""
    same: list[tuple[Quantity, Quantity]]
    """Quantity pairs written differently that agree ("1.5 percent" and "one and a half percent")."""
    testimony: Testimony | None = None
    """What the other records of the statement say at each spot of the secondary side (None: only this link is known)."""
    faithful_to: list[str] = field(default_factory=list)
    """Records whose words a quotation in this hunk has, though the other side's differ (set by the quote rule)."""
    wa: list[str] = field(init=False)
    wb: list[str] = field(init=False)

    def __post_init__(self) -> None:
        self.wa, self.wb = words(self.hunk.a), words(self.hunk.b)

    ta = property(lambda self: self.hunk.a.strip(), doc="Side a's words of the hunk, trimmed.")
    tb = property(lambda self: self.hunk.b.strip(), doc="Side b's words of the hunk, trimmed.")

    @property
    def has_record(self) -> bool:
        """Whether either side is a record of what was said (``ClassifySettings.record_kinds``)."""
        return self.a.kind in self.settings.record_kinds or self.b.kind in self.settings.record_kinds

    @property
    def long(self) -> bool:
        """Whether the hunk is a passage reworded as a whole."""
        n = self.settings.max_words
        return len(self.wa) > n or len(self.wb) > n

    def same_quantity_note(self) -> str:
        """Say which quantities of the hunk agree though written differently (empty when none)."""
        h = self.hunk
        return "".join(
            f" “{p.text}” and “{q.text}” are the same quantity ({describe_quantity(p)})."
            for p, q in self.same if h.a_start <= p.start < h.a_end and h.b_start <= q.start < h.b_end
        )
