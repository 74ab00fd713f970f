"""Sections: text between runs of page furniture; small sections join the next one."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from ..records import Unit

__all__ = ["merge_small_sections", "section_groups"]

def merge_small_sections(units: list[Unit], min_section: int) -> tuple[Unit, ...]:

    sentences = [u for u in units if u.is_sentence]
    mapping = dict(zip((id(u) for u in sentences), section_groups([u.section for u in sentences], min_section)))
    if not mapping:
        return tuple(units)
    renumber = {old: new for new, old in enumerate(sorted(set(mapping.values())))}
    out = []
    current = 0
    for u in units:
        if u.is_sentence:
            current = renumber[mapping[id(u)]]
        out.append(replace(u, section=current) if u.section != current else u)
    return tuple(out)
def section_groups(sections: Sequence[int], min_units: int) -> list[int]:
    """Merge sections with fewer than ``min_units`` sentences into the next section (the last into the previous)."""
    if not sections:
        return []
    order: list[int] = []
    for s in sections:
        if not order or order[-1] != s:
            order.append(s)
    sizes = Counter(sections)
    target: dict[int, int] = {}
    pending: list[int] = []
    for s in order:
        pending.append(s)
        if sizes[s] >= min_units or sum(sizes[p] for p in pending) >= min_units:
            for p in pending:
                target[p] = s
            pending = []
    if pending:
        last = target[order[len(order) - len(pending) - 1]] if len(pending) < len(order) else pending[-1]
        for p in pending:
            target[p] = last
    return [target[s] for s in sections]
