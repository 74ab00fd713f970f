"""Change one mark in annotations.json content: a verdict on two sentences, a note, a star.

Pure functions on the file's content (a dict as read by ``read_annotations``), used by ``compare serve``: each
returns new content in which the entries naming the same sentences are replaced in place (so the file's diff
stays small), entries it cannot resolve are kept as written, and any other key is kept.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from typing import Any

from ..records import Unit
from .file import empty_annotations
from .resolve import find_sentence, sentence_name

__all__ = ["set_note", "set_star", "set_verdict"]

Units = Mapping[str, Sequence[Unit]]


def _names(units: Units, entry: Mapping[str, Any]) -> tuple[str, int] | None:
    found = find_sentence(units, entry)
    return None if found.unit is None else (str(entry["source"]), found.unit)


def _replace(entries: list[Any], matches: list[bool], new: Any | None) -> list[Any]:
    """Put ``new`` where the first matching entry was (or at the end), dropping every matching entry."""
    out: list[Any] = []
    placed = False
    for entry, hit in zip(entries, matches):
        if not hit:
            out.append(entry)
        elif not placed and new is not None:
            out.append(new)
            placed = True
    if not placed and new is not None:
        out.append(new)
    return out


def _start(data: Mapping[str, Any] | None) -> dict[str, Any]:
    return copy.deepcopy(dict(data)) if data is not None else empty_annotations()


def set_verdict(data: Mapping[str, Any] | None, units: Units, a: tuple[str, int], b: tuple[str, int], verdict: str | None) -> dict[str, Any]:
    """Return ``data`` with the verdict on sentences ``a`` and ``b`` set (``wrong``, ``right``, ``add``) or cleared (None)."""
    out = _start(data)
    links = list(out.get("links", []))
    pair = {a, b}
    hits = [{_names(units, e["a"]), _names(units, e["b"])} == pair for e in links]
    new = None if verdict is None else {"a": sentence_name(units[a[0]], *a), "b": sentence_name(units[b[0]], *b), "verdict": verdict}
    out["links"] = _replace(links, hits, new)
    return out


def set_note(data: Mapping[str, Any] | None, units: Units, sentence: tuple[str, int], note: str) -> dict[str, Any]:
    """Return ``data`` with the note on ``sentence`` set to ``note`` (removed when it is blank)."""
    out = _start(data)
    notes = list(out.get("notes", []))
    hits = [_names(units, e) == sentence for e in notes]
    new = {**sentence_name(units[sentence[0]], *sentence), "note": note} if note.strip() else None
    out["notes"] = _replace(notes, hits, new)
    return out


def set_star(data: Mapping[str, Any] | None, units: Units, sentence: tuple[str, int], starred: bool) -> dict[str, Any]:
    """Return ``data`` with ``sentence`` starred or not."""
    out = _start(data)
    stars = list(out.get("starred", []))
    hits = [_names(units, e) == sentence for e in stars]
    out["starred"] = _replace(stars, hits, sentence_name(units[sentence[0]], *sentence) if starred else None)
    return out
