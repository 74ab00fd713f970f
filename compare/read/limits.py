"""Size limits checked before any heavy work, each raised by a documented option, and short forms for display."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import InputError

__all__ = ["Limits", "estimate_sentences", "over_limit", "shorten"]


@dataclass(frozen=True)
class Limits:
    """How much one file may hold (``Settings.max_file_bytes`` and friends; README "Limits")."""

    file_bytes: int = 10_000_000
    """Bytes of one file on disk (``--max-file-bytes``)."""
    sentences: int = 10_000
    """Sentences of one document, estimated before segmenting (``--max-sentences``)."""
    expanded_bytes: int = 30_000_000
    """Bytes of a .docx's XML once unzipped, or characters of a PDF's text layer (``--max-expanded-bytes``)."""


# An upper estimate of pysbd's sentences: every run of sentence punctuation followed by a space, and every line.
_ENDS = re.compile(r"[.!?…]+[\"”’)\]]*(?=\s)|\n(?=\s*\S)")


def estimate_sentences(text: str) -> int:
    """Return about as many sentences as ``text`` will be split into (a little more: "Mr." counts as an end)."""
    tail = text.rstrip()
    return len(_ENDS.findall(text)) + (0 if not tail or tail.endswith((".", "!", "?", "…")) else 1)


def over_limit(display: str, what: str, value: int, limit: int, option: str) -> InputError:
    """Return the error for a file over one of the limits: the size, the limit and the option that raises it."""
    return InputError(
        f"skipped {display}: {what} {value:,}, over the limit of {limit:,}. Split the file, or raise the limit "
        f"with {option} {max(value + 1, 2 * limit)}."
    )


def shorten(value: str, limit: int = 200) -> str:
    """Return ``value`` cut to about ``limit`` characters for display (the data keeps the full value), with "…" marking the cut."""
    if len(value) <= limit:
        return value
    return value[: limit - 1].rstrip() + "…"
