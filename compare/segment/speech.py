"""What the model sees of a unit: whitespace collapsed, a reported-speech frame ("X said:") dropped."""

from __future__ import annotations

import re

from ..records import Unit

__all__ = ["unit_text_for_model"]

_SAYING = r"(?:said|says|added|adds|noted|notes|stressed|remarked|stated|continued|explained|emphasi[sz]ed|asked|replied|told\s+\w+|pointed out|concluded)"
_ATTRIBUTION = (
    # Aleksandr Lukashenko said: “You and I are constantly in touch.
    re.compile(rf"^[^“”\"«»„]{{0,90}}?\b{_SAYING}\b[^“”\"«»„]{{0,40}}?[:,]\s*[“\"«„](?P<quote>.+?)[”\"»]?$"),
    # “Now we see what is happening in Chernobyl,” the Belarusian leader said.  (« » alike)
    re.compile(rf"^[“\"«„]?(?P<quote>.+?)[,.!?]?[”\"»],?\s+[^“”\"«»„]{{0,80}}?\b{_SAYING}\b[^“”\"«»„]{{0,40}}?\.?$"),
    # According to Aleksandr Lukashenko, sanctions are a time of opportunities.
    re.compile(r"^According to [A-Z][^,]{0,60},\s*(?P<quote>.+)$"),
)


def unit_text_for_model(unit: Unit) -> str:
    """Return the unit's text as the model sees it: whitespace runs collapsed, a reported-speech frame dropped.

    A press sentence such as ``Aleksandr Lukashenko said: “You and I are constantly in touch.`` reports the
    same statement as the transcript's ``you and I communicate closely``; the frame ("X said:", "..., the
    leader added.", "According to X,") says who spoke, which the speaker check compares separately, and
    would otherwise pull the sentence towards every other sentence about the same people. Only the model's
    view changes: the unit, its offsets and its text stay as they are.
    """
    text = " ".join(unit.text.split())
    for pattern in _ATTRIBUTION:
        match = pattern.match(text)
        if match and len(match.group("quote").split()) >= 3:
            return match.group("quote").strip()
    return text
