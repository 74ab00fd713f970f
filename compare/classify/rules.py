"""The hunk rules: an ordered list, one function per rule, tried until one names the hunk.

Each hunk (a run of deleted and inserted words between two unchanged stretches, ``compare.classify.hunks``)
gets at most one change. The rules are tried in the order of ``HUNK_RULES``, which follows
``CHANGE_TYPES`` (number, meaning, hedge, loaded language, quote, then wording), with one guard in front of
the specific rules: a hunk longer than ``ClassifySettings.max_words`` words on either side is a passage
reworded as a whole, too long to name one change (``compare.classify.passages`` then looks inside it). Every
type is decided from the words of the hunk itself, so a reader can check it against the highlighted text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ..records import Change, ChangeType
from ..settings import ClassifySettings
from .cues import hedge_classes, inside_spans, quoted_spans
from .hunks import Hunk, Side
from .lexicon import NEGATIONS, content_stems, emotive_reason, is_function_word, words
from .numbers import describe_quantity, number_change
from .passages import noun_swap
from .quantities import Quantity

__all__ = ["HUNK_RULES", "HunkContext", "WHOLE_PASSAGE", "classify_hunk"]

WHOLE_PASSAGE = "Passage reworded as a whole"
"""How the detail of a ``wording`` change for a whole reworded passage begins."""


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
    wa: list[str] = field(init=False)
    wb: list[str] = field(init=False)

    def __post_init__(self) -> None:
        self.wa, self.wb = words(self.hunk.a), words(self.hunk.b)

    @property
    def ta(self) -> str:
        """Side a's words of the hunk, trimmed."""
        return self.hunk.a.strip()

    @property
    def tb(self) -> str:
        """Side b's words of the hunk, trimmed."""
        return self.hunk.b.strip()

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


def _say(words_: str) -> str:
    return f"“{words_}”" if words_ else "nothing"


def _number(c: HunkContext) -> Change | None:
    """A differing quantity inside a short hunk (long passages report theirs after all hunks)."""
    h = c.hunk
    for p, q in c.numbers:
        if h.a_start <= p.start < h.a_end or h.b_start <= q.start < h.b_end:
            if not c.long:
                c.numbers.remove((p, q))
                return number_change(c.ta, c.tb, p, q, c.a, c.b)
    return None


def _whole_passage(c: HunkContext) -> Change | None:
    if not c.long:
        return None
    return Change("wording", c.ta, c.tb, f"{WHOLE_PASSAGE} ({len(c.wa)} words in {c.a.name}, {len(c.wb)} in {c.b.name})."
                  + c.same_quantity_note())


def _negation(c: HunkContext) -> Change | None:
    """A negation on one side only, the rest (nearly) the same words."""
    neg_a, neg_b = [w for w in c.wa if w in NEGATIONS], [w for w in c.wb if w in NEGATIONS]
    rest = ({w for w in c.wa if w not in NEGATIONS} ^ {w for w in c.wb if w not in NEGATIONS}) - {"do", "does", "did"}
    if len(neg_a) == len(neg_b) or len(rest) > 1:
        return None
    count_a = sum(w in NEGATIONS for w in words(c.a.text))
    count_b = sum(w in NEGATIONS for w in words(c.b.text))
    if count_a == count_b:
        return None
    side, neg = (c.a.name, neg_a[0]) if len(neg_a) > len(neg_b) else (c.b.name, neg_b[0])
    return Change("meaning", c.ta, c.tb, f"“{neg}” is only in {side}: one source negates what the other affirms.")


def _key_noun(c: HunkContext) -> Change | None:
    """A key noun right after shared words swapped for one with a different charge ("economy" -> "war")."""
    if not (c.close and c.hunk.anchored):
        return None
    swap = noun_swap(c.wa, c.wb, c.a, c.b, c.settings)
    return Change("meaning", c.ta, c.tb, swap) if swap else None


def _hedge(c: HunkContext) -> Change | None:
    """A certainty or modality class on one side only."""
    ha, hb = hedge_classes(c.hunk.a), hedge_classes(c.hunk.b)
    full_a, full_b = hedge_classes(c.a.text), hedge_classes(c.b.text)
    only_a = {k: ws for k, ws in ha.items() if k not in full_b}
    only_b = {k: ws for k, ws in hb.items() if k not in full_a}
    # Distancing counts wherever it stands; certain/possible only as a swap (will -> may) or when the
    # marker is all that was added or dropped ("probably"), since "will" also just marks the future.
    swap = bool(ha) and bool(hb) and set(ha) != set(hb)
    bare = len(c.wa) + len(c.wb) - sum(len(v) for v in (*ha.values(), *hb.values())) <= 1
    if not (swap or bare):
        only_a = {k: v for k, v in only_a.items() if k == "distancing"}
        only_b = {k: v for k, v in only_b.items() if k == "distancing"}
    if not (only_a or only_b):
        return None
    parts = [f"“{ws[0]}” ({k}) only in {c.a.name}" for k, ws in sorted(only_a.items())]
    parts += [f"“{ws[0]}” ({k}) only in {c.b.name}" for k, ws in sorted(only_b.items())]
    return Change("hedge", c.ta, c.tb, "Certainty changes: " + "; ".join(parts) + ".")


def _loaded(c: HunkContext) -> Change | None:
    """An emotive word with no match on the other side."""
    s = c.settings
    stems_a, stems_b = content_stems(c.a.text), content_stems(c.b.text)
    for w, side, other_stems, other in [*((w, c.a, stems_b, c.b) for w in c.wa), *((w, c.b, stems_a, c.a) for w in c.wb)]:
        if w[:5] in other_stems or is_function_word(w):
            continue
        why = emotive_reason(w, s.emotive_valence, s.emotive_emotions)
        if why:
            other_words = c.tb if side is c.a else c.ta
            return Change("loaded_language", c.ta, c.tb, f"“{w}” in {side.name} is an evaluative or emotive word ({why}); "
                          f"{other.name} has {_say(other_words)} instead.")
    return None


def _quote(c: HunkContext) -> Change | None:
    """Changed content words inside quotation marks of a secondary source, on a near-verbatim link to a record.

    Only content words count, and only ones the other side does not have at all (after crude stemming).
    """
    a, b, h = c.a, c.b, c.hunk
    all_a, all_b = content_stems(a.text, adverbs=True), content_stems(b.text, adverbs=True)
    content_changed = bool(content_stems(h.a) - all_b or content_stems(h.b) - all_a)
    if not (c.verbatim and content_changed):
        return None
    qa = a.quoted if a.quoted is not None else quoted_spans(a.text)
    qb = b.quoted if b.quoted is not None else quoted_spans(b.text)
    in_a = inside_spans(qa, h.a_start, h.a_end, a.text)
    in_b = inside_spans(qb, h.b_start, h.b_end, b.text)
    rec = c.settings.record_kinds
    if not ((in_a and a.kind not in rec and b.kind in rec) or (in_b and b.kind not in rec and a.kind in rec)):
        return None
    quoting = a if in_a and a.kind not in rec else b
    other = b if quoting is a else a
    return Change("quote", c.ta, c.tb, f"Inside quotation marks {quoting.name} has {_say(c.ta if quoting is a else c.tb)} "
                  f"where {other.name} has {_say(c.tb if quoting is a else c.ta)}.")


def _wording(c: HunkContext) -> Change:
    """Any other word change."""
    if not c.wa:
        detail = f"{_say(c.tb)} added in {c.b.name}."
    elif not c.wb:
        detail = f"{_say(c.ta)} left out in {c.b.name}."
    else:
        detail = f"Words swapped: {_say(c.ta)} ({c.a.name}) → {_say(c.tb)} ({c.b.name})."
    return Change("wording", c.ta, c.tb, detail + c.same_quantity_note())


HUNK_RULES: tuple[tuple[ChangeType, Callable[[HunkContext], Change | None]], ...] = (
    ("number", _number),
    ("wording", _whole_passage),
    ("meaning", _negation),
    ("meaning", _key_noun),
    ("hedge", _hedge),
    ("loaded_language", _loaded),
    ("quote", _quote),
    ("wording", _wording),
)
"""The rules in the order they are tried, each with the type it names."""


def classify_hunk(c: HunkContext) -> Change | None:
    """Return the change the first matching rule names, or None when only punctuation or capitals differ."""
    if c.wa == c.wb:
        return None
    for _, rule in HUNK_RULES:
        change = rule(c)
        if change is not None:
            return change
    return None  # unreachable: the last rule always names a change
