"""Name sentences by source and text: find the one sentence an annotation means, and write the name of a sentence.

Texts are compared after light normalisation (Unicode NFKC, typographic quotes and dashes as plain ones,
runs of whitespace as one space), so a note typed by hand with straight quotes still finds its sentence.
A text that is the whole of some sentences names those; otherwise it names the sentences it is a part of.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..records import Unit

__all__ = ["Found", "describe_sentence", "find_sentence", "normalise", "sentence_name"]

_SPACE = re.compile(r"\s+")
_PLAIN = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "“": '"', "”": '"', "„": '"',
                        "‟": '"', "″": '"', "«": '"', "»": '"', "–": "-", "—": "-", "‐": "-", "‑": "-"})


@functools.lru_cache(maxsize=1 << 16)
def normalise(text: str) -> str:
    """Return ``text`` as annotations compare it (NFKC, plain quotes and dashes, single spaces, trimmed)."""
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text).translate(_PLAIN)).strip()


@dataclass(frozen=True)
class Found:
    """The outcome of naming a sentence: its unit id, or why none could be chosen."""

    unit: int | None
    """The unit id of the one sentence named; None when there is no such sentence or several."""
    problem: str = ""
    """Why no sentence was chosen, in words (empty when ``unit`` is set)."""


def _candidates(units: Sequence[Unit], text: str) -> tuple[list[Unit], list[Unit]]:
    """Return the sentences whose whole text is ``text`` (else those holding it), and set-aside units holding it."""
    sentences = [u for u in units if u.is_sentence]
    whole = [u for u in sentences if normalise(u.text) == text]
    parts = whole or [u for u in sentences if text in normalise(u.text)]
    aside = [u for u in units if not u.is_sentence and text in normalise(u.text)]
    return parts, aside


def describe_sentence(units: Sequence[Unit], unit: int) -> str:
    """Return where a sentence stands in its source, as the report says it ("sentence 12 of 40")."""
    sentences = [u.id for u in units if u.is_sentence]
    return f"sentence {sentences.index(unit) + 1} of {len(sentences)}" if unit in sentences else f"unit {unit}"


def _quoted(text: str, limit: int = 60) -> str:
    return f"“{text if len(text) <= limit else text[: limit - 1] + '…'}”"


def find_sentence(units_by_doc: Mapping[str, Sequence[Unit]], name: Mapping[str, Any]) -> Found:
    """Return the sentence ``name`` (``{"source", "text", "occurrence"?}``) means among ``units_by_doc``."""
    source, text = str(name["source"]), normalise(str(name["text"]))
    if source not in units_by_doc:
        known = ", ".join(sorted(units_by_doc))
        return Found(None, f"there is no source {source!r} in this corpus (its sources: {known})")
    units = units_by_doc[source]
    found, aside = _candidates(units, text)
    occurrence = name.get("occurrence")
    if not found:
        if aside:
            return Found(None, f"{_quoted(text)} is in text of {source} set aside ({aside[0].set_aside}), "
                               "not in a sentence; annotations name sentences")
        return Found(None, f"no sentence of {source} holds {_quoted(text)}")
    if occurrence is not None:
        if occurrence > len(found):
            return Found(None, f"{_quoted(text)} is in {len(found)} sentence(s) of {source}, so there is no "
                               f"occurrence {occurrence}")
        return Found(found[occurrence - 1].id)
    if len(found) > 1:
        where = ", ".join(describe_sentence(units, u.id) for u in found[:5]) + (", …" if len(found) > 5 else "")
        return Found(None, f"{_quoted(text)} is in {len(found)} sentences of {source} ({where}); quote more of the "
                           'one you mean, or add "occurrence": 1 for the first')
    return Found(found[0].id)


def sentence_name(units: Sequence[Unit], source: str, unit: int) -> dict[str, Any]:
    """Return the name that ``find_sentence`` resolves back to sentence ``unit`` of ``source``: its whole text, and which one if repeated."""
    text = normalise(units[unit].text)
    name: dict[str, Any] = {"source": source, "text": text}
    found, _ = _candidates(units, text)
    if len(found) > 1:
        name["occurrence"] = [u.id for u in found].index(unit) + 1
    return name
