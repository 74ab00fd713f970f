"""Dates a source states about itself: a leading `` date 2022-03-11`` header line."""

from __future__ import annotations

import re

__all__ = ["header_date"]

_HEADER_DATE = re.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})\b")
def header_date(text: str) -> tuple[str, int, int] | None:
    """Return the date of a leading " date 2022-03-11" header line (ISO text, start, end of the header), or None."""
    m = _HEADER_DATE.match(text)
    if m is None:
        return None
    return m.group(1), m.start() + len(m.group()) - len(m.group().lstrip()), m.end()
