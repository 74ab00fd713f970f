"""The ``number`` change: quantities that differ once put on one scale, and those that agree though written differently."""

from __future__ import annotations

import math

from ..records import Change
from .hunks import Side
from .quantities import Quantity, find_quantities, same_value

__all__ = ["describe_quantity", "number_change", "number_pairs"]


def describe_quantity(q: Quantity) -> str:
    """Say a quantity's value on the common scale ("1.5 percent", "30 days", "month 3, day 11")."""
    unit = {"percent": " percent", "duration": " days"}.get(q.kind, "")
    if q.kind == "date":
        y, md = divmod(int(q.value), 10000)
        return f"month {md // 100}, day {md % 100}" + (f", year {y}" if y else "")
    if q.kind == "offset":
        if not q.value:
            return "at the same time as the event it is measured from"
        span = f"{abs(q.value) * 24:g} hours" if abs(q.value) < 1 else f"{abs(q.value):g} days"
        return f"{span} {'before' if q.value < 0 else 'after'} the event it is measured from"
    if q.kind == "year":
        return f"year {int(q.value) // 10000}"
    return f"{q.value:g}{unit}"


def number_change(ta: str, tb: str, p: Quantity, q: Quantity, a: Side, b: Side) -> Change:
    """Return the ``number`` change between quantity ``p`` of side a and ``q`` of side b."""
    timing = " The timing differs." if p.kind == "offset" else ""
    return Change("number", ta, tb, f"{a.name} says “{p.text}” ({describe_quantity(p)}), {b.name} says “{q.text}” "
                  f"({describe_quantity(q)}).{timing}")


def _told(p: Quantity, q: Quantity) -> bool:
    """Whether ``q`` gives the value of ``p``: the same quantity, or the same count with its noun elsewhere or another
    noun read after it ("142,000 households" / "142,000 worth $25 million")."""
    if same_value(p, q):
        return True
    return p.kind.startswith("count") and q.kind.startswith("count") and math.isclose(p.value, q.value, rel_tol=1e-6)


def number_pairs(a: str, b: str) -> tuple[list[tuple[Quantity, Quantity]], list[tuple[Quantity, Quantity]]]:
    """Return (differing, same-but-written-differently) quantity pairs between ``a`` and ``b``."""
    qa, qb = find_quantities(a), find_quantities(b)
    same = [(p, q) for p in qa for q in qb if same_value(p, q) and p.text.lower() != q.text.lower()]
    left_a = [p for p in qa if p.kind != "count" and not any(_told(p, q) for q in qb)]
    left_b = [q for q in qb if q.kind != "count" and not any(_told(q, p) for p in qa)]
    differ: list[tuple[Quantity, Quantity]] = []
    for p in left_a:
        for q in left_b:
            if p.kind == q.kind and all(q is not d[1] for d in differ):
                differ.append((p, q))
                break
    return differ, same
