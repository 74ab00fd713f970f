"""Split text into sentences (pysbd), then split inside multi-sentence quotations."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["split_sentences", "trim_span"]

@lru_cache(maxsize=8)
def _segmenter(language: str):  # type: ignore[no-untyped-def]
    import pysbd

    try:
        return pysbd.Segmenter(language=language, clean=False)
    except ValueError:
        return pysbd.Segmenter(language="en", clean=False)


# Control characters and every other kind of white space become a plain space in the copy pysbd reads (one
# character for one, so offsets hold): pysbd's rules take "\x1c3." for a list number and fail on int("\x1c3"), and a
# line break there would end a sentence.
_PLAIN = {c: " " for c in range(0x110000) if chr(c).isspace() or unicodedata.category(chr(c)) in ("Cc", "Cs")}
_CHUNK = 2_000
"""pysbd's time grows faster than the length of what it reads: a paragraph longer than this (characters) is cut
into pieces of about this length at a likely sentence end before pysbd sees them."""
_LIKELY_END = re.compile(r"[.!?…][\"”’»)]?\s+(?=[\"“‘«„(\[]?[A-Z0-9])")


def _chunks(flat: str) -> list[tuple[int, int]]:
    """Cut ``flat`` into spans of at most about ``_CHUNK`` characters, at a likely sentence end (else a space)."""
    out, start = [], 0
    while len(flat) - start > _CHUNK:
        window = flat[start : start + _CHUNK]
        ends = [m.end() for m in _LIKELY_END.finditer(window)]
        cut = ends[-1] if ends and ends[-1] > _CHUNK // 4 else window.rfind(" ") + 1
        if cut <= 0:
            cut = _CHUNK
        out.append((start, start + cut))
        start += cut
    out.append((start, len(flat)))
    return out


def split_sentences(text: str, language: str = "en") -> list[tuple[int, int]]:
    """Return (start, end) offsets of the sentences of ``text``; together they cover every non-space character."""
    # pysbd ends a sentence at every line break; a paragraph's inner breaks are not boundaries here.
    flat = text.translate(_PLAIN)
    segmenter = _segmenter(language[:2].lower())
    bounds: list[tuple[int, int]] = []
    for c0, c1 in _chunks(flat) if flat.strip() else []:
        pos = c0
        for piece in segmenter.segment(flat[c0:c1]):
            core = piece.strip()
            if not core:
                continue
            at = flat.find(core, pos, c1)
            if at < 0:  # the segmenter altered the text: the rest of the chunk joins the sentence before it
                break
            bounds.extend(_split_inside_quotes(flat, at, at + len(core)))
            pos = at + len(core)
    # Characters the segmenter skipped join the sentence before them (or after, at the start).
    merged: list[list[int]] = []
    cursor = 0
    for s, e in bounds:
        if text[cursor:s].strip():
            if merged:
                merged[-1][1] = s
            else:
                s = cursor
        merged.append([s, e])
        cursor = e
    if text[cursor:].strip():
        if merged:
            merged[-1][1] = len(text)
        else:
            merged.append([0, len(text)])
    # A piece with no letter or digit (a stray closing quote) belongs to the sentence before it.
    joined: list[list[int]] = []
    for s, e in merged:
        if joined and not any(ch.isalnum() for ch in text[s:e]):
            joined[-1][1] = e
        else:
            joined.append([s, e])
    return [span for s, e in joined if (span := trim_span(text, s, e))[0] < span[1]]


# pysbd keeps a quotation whole; news quotes run to many sentences, so split inside them too:
# after . ! ? or … (and any closing quote), before an optional opening quote and a capital letter; « » and „ too.
_INNER_END = re.compile(r"(?<=[.!?…])[\"”’»]?\s+(?=[\"“‘«„(\[]?[A-Z0-9])")


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    from pysbd.lang.english import English

    return frozenset(a.lower() for a in English.Abbreviation.ABBREVIATIONS) | {"mr", "mrs", "ms", "dr", "st", "no", "vs"}


_LOWERCASE_ABBREVIATIONS = frozenset({"etc", "e.g", "i.e", "vs", "viz", "al", "esp", "approx", "cf", "pp", "ft", "hr",
                                      "min", "sec", "mm", "nos", "fig", "ref", "ext", "adj", "adv"})
"""Abbreviations written in lower case ("etc.", "vs."). pysbd's list also holds titles and places that are written
with a capital ("Gen.", "Me." for Maine, "Wash."): in lower case those are words that end sentences ("to me.",
"it is ill."), so only the capitalised form counts for them."""


def _is_abbreviation(word: str) -> bool:
    low = word.lower()
    if low not in _abbreviations():
        return False
    return word[:1].isupper() or low in _LOWERCASE_ABBREVIATIONS or len(word) == 1


def _split_inside_quotes(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split text[start:end] at sentence ends pysbd left alone; abbreviations ("Mr.") are not ends."""
    out = []
    cut = start
    for m in _INNER_END.finditer(text, start, end):
        before = re.search(r"(\w+)[.!?…]$", text[cut : m.start()].rstrip("\"”’»"))
        if before and text[m.start() - 1] == "." and (_is_abbreviation(before.group(1)) or len(before.group(1)) == 1):
            continue
        stop = m.start()
        while stop < m.end() and text[stop] in "\"”’»":
            stop += 1
        out.append((cut, stop))
        cut = m.end()
    out.append((cut, end))
    return [(s, e) for s, e in out if text[s:e].strip()]


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Return ``(start, end)`` moved inwards past white space on both sides (``start == end`` when only space)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
