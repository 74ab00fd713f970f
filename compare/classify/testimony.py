"""What every record of a statement says where a secondary source quotes it: the ground for a ``quote`` change, and
for a ``speaker`` change when a source has one person echo another who, in the record, spoke later.

The transcript and the readout are two translations of one conversation: a press quotation that matches either is
faithful. ``Testimony`` holds, for one secondary document, the links of each record to it (which stretch of the
secondary text, and the record's content words there); the ``quote`` rule asks whether the quoted words at one spot
differ from every record that covers the spot. ``narrates`` tells a speaker's own account of what happened (first
person, past) from a statement a record could hold.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..records import Change, Unit
from .hunks import Side
from .lexicon import base_form, content_stems, word_tag, words

__all__ = ["Testimony", "add_link", "echo_order", "narrates"]


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


_ECHO = re.compile(r"\b(?:echoing|echoed|repeating|agreeing\s+with|in\s+response\s+to|responding\s+to|replying\s+to)\s+"
                   r"(?:(?:President|Prime\s+Minister|Mr\.?|Mrs\.?|Ms\.?)\s+)?((?:[A-Z][\w’'-]+\s+){0,2}[A-Z][\w’'-]+)")
"""A secondary source's claim that the speaker answers or repeats someone who spoke before ("echoing Putin")."""


def echo_order(secondary: Side, record: Side, linked: Sequence[int], units: Sequence[Unit]) -> Change | None:
    """A ``speaker`` change when ``secondary`` says its speaker was echoing someone who, in the record, spoke later.

    ``record`` is a record side whose sentences are ``units[i]`` for ``i`` in ``linked`` (a transcript with speaker
    labels, in the order things were said). "X said, echoing Y" claims that Y said it first. The statement's
    distinctive word is the content word (crude stem) that the secondary sentence and the record's sentence share, that
    Y uses somewhere in the record, and that the fewest sentences of the record use; when Y uses it only after X's
    linked sentence, the order is the other way round. Y never saying any of it in the record proves nothing (the
    record may be partial): no change.
    """
    match = _ECHO.search(secondary.text)
    speakers = {sp for i in linked if (sp := units[i].speaker)}
    if match is None or not speakers:
        return None
    echoed = match.group(1).split()[-1].lower().replace("’", "'").removesuffix("'s")
    by = {s for s in speakers if s and s.split()[-1].lower() == echoed}
    if by:
        return None  # "X, echoing himself": nothing to check
    named = [u.speaker for u in units if u.speaker and u.speaker.split()[-1].lower() == echoed]
    if not named:
        return None
    echo_name = named[0]
    names = {w[:5] for u in units if u.speaker for w in words(u.speaker)}
    key = (content_stems(secondary.text) & content_stems(record.text)) - names
    said = [(i, content_stems(u.text)) for i, u in enumerate(units) if u.is_sentence and u.speaker]
    uses = {k: [i for i, stems in said if k in stems and units[i].speaker == echo_name] for k in key}
    freq = {k: sum(k in stems for _, stems in said) for k in key if uses[k]}
    if not freq:
        return None  # the echoed person never says any of it in the record
    rarest = min(freq.values())
    first = min(linked)
    distinctive = sorted(k for k, n in freq.items() if n == rarest)
    if any(min(uses[k]) < first for k in distinctive):
        return None
    k = distinctive[0]
    at = uses[k][0]
    word = next((w for w in words(units[at].text) if w[:5] == k), k)
    speaker = " and ".join(sorted(speakers))
    return Change("speaker", match.group(0), speaker,
                  f"{secondary.name} says {speaker.split()[-1]} was {match.group(0)}, but in {record.name} {echo_name} "
                  f"speaks of “{word}” only later (“{units[at].text.strip()}”), after {speaker}: the order is the other "
                  f"way round.")


_FIRST_PERSON = frozenset({"i", "we"})


def narrates(text: str) -> bool:
    """Whether ``text`` tells, in the first person and the past, what the speaker did or saw ("In that very hour I
    looked up at him", "I told it to the magicians"): a verb in the simple past (Brill's VBD, or an irregular past)
    right after "I" or "we" (an adverb between allowed). "I have found", "I will bring" and "we are" do not narrate."""
    ws = words(text)
    for i, w in enumerate(ws[:-1]):
        if w not in _FIRST_PERSON:
            continue
        j = i + 1
        if j + 1 < len(ws) and word_tag(ws[j]) == "RB":
            j += 1  # "I then told", "we also saw"
        if word_tag(ws[j]) == "VBD" or (base_form(ws[j]) != ws[j] and word_tag(ws[j]).startswith("VB")):
            return True
    return False
