"""The ``number`` change: quantities that differ once put on one scale, and those that agree though written differently."""

from __future__ import annotations

import math
import re

from ..records import Change
from .hunks import Side
from .lexicon import is_function_word
from .quantities import Quantity, find_quantities, same_value

__all__ = ["describe_quantity", "number_change", "number_pairs", "same_slot"]


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
    noun read after it ("142,000 households" / "142,000 worth $25 million"), or a bare number against the same value with
    its unit ("from 10 to 20%" / "from 10% to 20%": a range writes its unit once)."""
    if same_value(p, q):
        return True
    if "count" in (p.kind, q.kind) and not p.kind.startswith("count:") and math.isclose(p.value, q.value, rel_tol=1e-6):
        return True  # "from 10 to 20%" / "from 10% to 20%": the unit of a range is written once
    return p.kind.startswith("count") and q.kind.startswith("count") and math.isclose(p.value, q.value, rel_tol=1e-6)


_WORD = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?|[.!?;]")


def _neighbours(text: str, q: Quantity, n: int) -> set[str]:
    """The stems of the content words within ``n`` words before and after ``q``, in its own sentence."""
    before = [w.lower() for w in _WORD.findall(text[: q.start])]
    after = [w.lower() for w in _WORD.findall(text[q.end :])]
    if any(w in ".!?;" for w in before):
        before = before[max(i for i, w in enumerate(before) if w in ".!?;") + 1 :]
    after = after[: next((i for i, w in enumerate(after) if w in ".!?;"), len(after))]
    near = before[-n:] + after[:n]
    return {w[:5] for w in near if len(w) > 2 and not is_function_word(w) and w not in _NUMBER_WORDS}


_NUMBER_WORDS = frozenset({"half", "dozen", "hundred", "thousand", "million", "billion", "trillion", "percent", "cent"})


def same_slot(a: str, p: Quantity, b: str, q: Quantity, n: int = 4) -> bool:
    """Whether ``p`` (in ``a``) and ``q`` (in ``b``) fill the same slot, so that their values can differ at all: the
    same counted noun, or a content word shared among the words around each ("$5m of venture capital" / "$6 million
    of venture capital"). A figure from a sentence the other side dropped ("the top 0.01%") and one of a clause it
    kept ("from 10% to 20%") are two quantities, not one changed. A changed timing (``offset``) is read as a whole."""
    if p.kind == "offset" or (p.kind.startswith("count:") and p.kind == q.kind):
        return True
    return bool(_neighbours(a, p, n) & _neighbours(b, q, n))


def number_pairs(a: str, b: str) -> tuple[list[tuple[Quantity, Quantity]], list[tuple[Quantity, Quantity]]]:
    """Return (differing, same-but-written-differently) quantity pairs between ``a`` and ``b``."""
    qa, qb = find_quantities(a), find_quantities(b)
    same = [(p, q) for p in qa for q in qb if same_value(p, q) and p.text.lower() != q.text.lower()]
    left_a = [p for p in qa if p.kind != "count" and not any(_told(p, q) for q in qb)]
    left_b = [q for q in qb if q.kind != "count" and not any(_told(q, p) for p in qa)]
    differ: list[tuple[Quantity, Quantity]] = []
    for p in left_a:
        for q in left_b:
            if p.kind == q.kind and all(q is not d[1] for d in differ) and same_slot(a, p, b, q):
                differ.append((p, q))
                break
    return differ, same
