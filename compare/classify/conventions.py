"""Naming conventions of a source: a name one document writes wherever the other writes another is no misquotation.

Two translations or two editions name the same person, place or god their own way throughout ("Nebuchadnezzar" /
"Nabuchodonosor", "Yahweh" / "the Lord", "Alexander" / "Aleksandr", "Kyiv" / "Kiev"). Inside a quotation such a
swap is the source's convention, not a change to what was said. A swap between two capitalised words is a
convention of the document pair when it stands in the word diffs of at least ``ClassifySettings.convention_links``
of its links; a ``quote`` change whose differing content words are all such swaps becomes ``wording``, with a detail
that says so. Only names: a common word swapped throughout ("war" for "special military operation") is a choice of
framing and stays named.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from ..records import Change, Link
from .lexicon import CONNECTIVES, is_function_word, words

__all__ = ["apply_conventions", "name_conventions"]

_CAPITALISED = re.compile(r"\b[A-Z][^\W\d_]+", re.UNICODE)


def _names(text: str) -> set[str]:
    return {m.group().lower() for m in _CAPITALISED.finditer(text) if not is_function_word(m.group().lower())}


def name_conventions(links: Sequence[Link], least: int) -> dict[tuple[str, str], int]:
    """Return the (a name, b name) swaps found in the word diffs of at least ``least`` of ``links``, with how many."""
    seen: dict[tuple[str, str], set[int]] = defaultdict(set)
    for n, lk in enumerate(links):
        gone: list[str] = []
        came: list[str] = []
        for e in (*lk.edits, None):
            if e is not None and e.op != "equal":
                (gone if e.op == "delete" else came).append(e.text)
                continue
            a_only, b_only = _names(" ".join(gone)), _names(" ".join(came))
            for x in a_only - b_only:
                for y in b_only - a_only:
                    seen[(x, y)].add(n)
            gone, came = [], []
    return {pair: len(ns) for pair, ns in seen.items() if len(ns) >= least}


def _content(text: str) -> set[str]:
    return {w for w in words(text) if not is_function_word(w) and w not in CONNECTIVES}


def apply_conventions(changes: Sequence[Change], conventions: dict[tuple[str, str], int], name_a: str,
                      name_b: str) -> tuple[Change, ...]:
    """Return ``changes`` with every ``quote`` change that only swaps names by the pair's conventions made ``wording``."""
    out = []
    for c in changes:
        a_only, b_only = _content(c.a) - _content(c.b), _content(c.b) - _content(c.a)
        swaps = [(x, y) for x in a_only for y in b_only if (x, y) in conventions]
        if c.type != "quote" or not a_only or not b_only or {x for x, _ in swaps} != a_only or {y for _, y in swaps} != b_only:
            out.append(c)
            continue
        said = "; ".join(f"“{x}” / “{y}” in {conventions[(x, y)]} links" for x, y in sorted(swaps))
        out.append(Change("wording", c.a, c.b, f"Inside the quotation only a name differs, as it does throughout "
                          f"{name_a} and {name_b} ({said}): each source's own way of naming, not a change to what was said."))
    return tuple(out)
