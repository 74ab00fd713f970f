"""Dates a source states about itself: a leading `` date 2022-03-11`` header line, and the dates its text names.

The text's dates ("March 11, 2022" on a dateline, "on Friday, March 11", "On 11 March") are found by a pattern
and read by dateparser, so that the findings can take the event date from the texts themselves when no manifest
gives one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["DateMention", "header_date", "text_dates"]

_HEADER_DATE = re.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})\b")
_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December"
           "|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?")
_WEEKDAY = r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"
_DATE = re.compile(
    rf"\b(?:{_WEEKDAY}(?:{_MONTHS})\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
    rf"|{_WEEKDAY}\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})(?:,?\s+\d{{4}})?"
    r"|\d{4}-\d{2}-\d{2})\b"
)
_HAS_YEAR = re.compile(r"\d{4}")
_SEARCH_CHARS = 1500
"""Dates are read from the start of a text only: a dateline or the lede names the event's day; later dates are
background ("on February 24")."""


@dataclass(frozen=True)
class DateMention:
    """A date the text names, as written and as read."""

    text: str
    """The words, as in the document ("On 11 March" is found as "11 March")."""
    start: int
    end: int
    month_day: str
    """``MM-DD``."""
    iso: str | None
    """``YYYY-MM-DD`` when the words give the year, else None."""


def header_date(text: str) -> tuple[str, int, int] | None:
    """Return the date of a leading " date 2022-03-11" header line (ISO text, start, end of the header), or None."""
    m = _HEADER_DATE.match(text)
    if m is None:
        return None
    return m.group(1), m.start() + len(m.group()) - len(m.group().lstrip()), m.end()


@lru_cache(maxsize=4096)
def _parse(words: str) -> tuple[str, str | None] | None:
    import dateparser  # type: ignore[import-untyped]  # lazy: only the findings read dates from the texts

    settings = {"REQUIRE_PARTS": ["day", "month"], "PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False}
    when = dateparser.parse(words, languages=["en"], settings=settings)
    if when is None:
        return None
    return when.strftime("%m-%d"), when.strftime("%Y-%m-%d") if _HAS_YEAR.search(words) else None


def text_dates(text: str, start: int = 0) -> list[DateMention]:
    """Return the dates named in the first characters of ``text`` from ``start`` (a header line is skipped by the caller)."""
    out = []
    for m in _DATE.finditer(text, start, min(len(text), start + _SEARCH_CHARS)):
        parsed = _parse(m.group())
        if parsed is not None:
            out.append(DateMention(m.group(), m.start(), m.end(), parsed[0], parsed[1]))
    return out
