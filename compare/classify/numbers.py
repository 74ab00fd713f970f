"""The ``number`` change: quantities that differ once put on one scale, and those that agree though written differently."""

from __future__ import annotations

import math
import re

from ..records import Change
from .hunks import Side
from .lexicon import is_function_word, stem
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
    if q.kind.startswith("ordinal:"):
        n = int(q.value)
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{suffix} {q.kind.split(':', 1)[1]}"
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
    if p.kind == "offset":
        return True
    return bool(_shared(a, p, b, q, n))


def _shared(a: str, p: Quantity, b: str, q: Quantity, n: int = 4) -> set[str]:
    """The content words around ``p`` and around ``q`` that both have (a counted noun shared counts as one of them)."""
    shared = _neighbours(a, p, n) & _neighbours(b, q, n)
    if p.kind.startswith("count:") and p.kind == q.kind:
        shared.add(p.kind)
    return shared


_OF_COMPLEMENT = re.compile(r"^\s+of\s+(?:the\s+|a\s+|an\s+)?([^\W\d_]+)", re.UNICODE)


def _counted_of(text: str, q: Quantity) -> str:
    """The noun of the "of" phrase right after a count ("five sockets of bronze": "bronze"; "two tonnes of wheat"), or
    "" when there is none."""
    m = _OF_COMPLEMENT.match(text[q.end :])
    return m.group(1).lower() if m else ""


def _other_stuff(a: str, p: Quantity, b: str, q: Quantity) -> bool:
    """Whether two counts of one noun count different things: each has an "of" phrase after it and their nouns differ
    ("five sockets of bronze" / "four sockets of silver", "two tonnes of wheat" / "three tonnes of barley")."""
    x, y = _counted_of(a, p), _counted_of(b, q)
    return bool(x and y) and p.kind.startswith("count:") and stem(x) != stem(y) and not (
        is_function_word(x) or is_function_word(y))


_BOUND = re.compile(
    r"(?:\b(?P<neg>no|not)\s+)?\b(?P<bound>more than|over|above|at least|upwards of|in excess of|fewer than|less than|"
    r"under|below|up to|at most|almost|nearly|barely|just under|just over|close to|about|around|roughly|approximately|"
    r"some|an estimated|circa|estimated)\s+(?:an?\s+)?$", re.IGNORECASE)
_ABOVE, _BELOW = frozenset({"more than", "over", "above", "upwards of", "in excess of", "just over"}), frozenset(
    {"fewer than", "less than", "under", "below", "just under"})
_SPAN = 0.25
"""How far a bound reaches: "more than 15,000" says 15,000 to a quarter more (15,152 is told; 50,000 is not)."""


def _bound(text: str, q: Quantity) -> str:
    """The bound or approximator written right before ``q`` ("more than", "not over"), or "" (the same on both sides:
    "more than ten" / "more than a dozen" set two numbers against each other)."""
    m = _BOUND.search(text[max(0, q.start - 30) : q.start].replace("$", ""))
    return f"{m.group('neg') or ''} {m.group('bound')}".lower().strip() if m else ""


def _interval(text: str, q: Quantity) -> tuple[float, float]:
    """Return the values ``q`` admits, read from the bound or approximator right before it: an exact number itself;
    "more than"/"over" above it (strictly), "fewer than"/"under" below it, "at least" from it up, "up to"/"at most" up
    to it, "almost"/"nearly"/"barely" from a tenth below up to it, "about"/"roughly" a tenth either side; a negated bound
    ("no more than", "not over") is the other side of it. A bound reaches ``_SPAN`` of the value at most."""
    if q.kind == "offset" and q.value < 0:  # "more than a year before": the bound is on how long before
        low, high = _interval(text, Quantity(-q.value, "duration", q.start, q.end, q.text))
        return -high, -low
    v = q.value
    m = _BOUND.search(text[max(0, q.start - 30) : q.start].replace("$", ""))
    if m is None or q.kind in ("date", "year") or q.kind.startswith("ordinal:"):
        return v, v
    bound, tiny, span = m.group("bound").lower(), abs(v) * 1e-9 + 1e-12, abs(v) * _SPAN
    if bound in _ABOVE or bound == "at least":
        low, high = (v + tiny if bound != "at least" else v), v + span
        return (v - span, v) if m.group("neg") and bound != "at least" else ((v - span, v - tiny) if m.group("neg") else (low, high))
    if bound in _BELOW or bound in ("up to", "at most"):
        low, high = v - span, (v - tiny if bound in _BELOW else v)
        return (v, v + span) if m.group("neg") else (low, high)
    if m.group("neg"):
        return v, v
    if bound in ("almost", "nearly", "barely", "close to"):
        return v - abs(v) * 0.1, v
    return v - abs(v) * 0.1, v + abs(v) * 0.1


def _within(x: tuple[float, float], y: tuple[float, float]) -> bool:
    """Whether two sides' admitted values meet and at least one of them is not one exact number (two exact numbers that
    differ are a change)."""
    return (x[0] != x[1] or y[0] != y[1]) and x[0] <= y[1] and y[0] <= x[1]


def _told_around(own: list[Quantity], linked: list[Quantity], around: list[Quantity]) -> bool:
    """Whether a count of ``own`` is given, not in the linked sentence (``linked``), but in the sentences around it
    (``around``): "a review of 223 studies in 2010" against "earlier studies in 2009", the 223 studies one sentence
    before. Its other figures belong to that statement, not to the linked one."""
    return any(q.kind.startswith("count:") and not any(_told(q, x) for x in linked) and any(same_value(x, q) for x in around)
               for q in own)


def number_pairs(a: str, b: str, near_a: str = "", near_b: str = "") -> tuple[list[tuple[Quantity, Quantity]],
                                                                             list[tuple[Quantity, Quantity]]]:
    """Return (differing, same-but-written-differently) quantity pairs between ``a`` and ``b``.

    Each quantity is paired with the one of its kind around which the most words agree (``same_slot``); when a side
    counts one noun more than once, the noun alone tells nothing apart and a second shared word is needed. A quantity
    that the other side gives in the sentences around its linked ones (``near_a``, ``near_b``: "the pillar was
    eighteen cubits" one sentence before) is not changed: the link pairs two different things."""
    qa, qb = find_quantities(a), find_quantities(b)
    same = [(p, q) for p in qa for q in qb if same_value(p, q) and p.text.lower() != q.text.lower()]
    left_a = [p for p in qa if p.kind != "count" and not any(_told(p, q) for q in qb)]
    left_b = [q for q in qb if q.kind != "count" and not any(_told(q, p) for p in qa)]
    differ: list[tuple[Quantity, Quantity]] = []
    # the pairs around which the most words agree first ("in Judah were ... men" / "the men of Judah were ... men"); a
    # counted noun alone tells nothing apart when one side counts it more than once
    several = {x.kind for side in (left_a, left_b) for x in side if sum(y.kind == x.kind for y in side) > 1}
    fits = sorted(((len(_shared(a, p, b, q)), -i, -k, p, q) for i, p in enumerate(left_a) for k, q in enumerate(left_b)
                   if p.kind == q.kind and same_slot(a, p, b, q) and not _other_stuff(a, p, b, q)),
                  key=lambda f: f[:3], reverse=True)
    for n, _, _, p, q in fits:
        if any(p is d[0] or q is d[1] for d in differ) or (p.kind in several and p.kind.startswith("count:") and n < 2):
            continue
        differ.append((p, q))
    around_a, around_b = find_quantities(near_a), find_quantities(near_b)
    if _told_around(qb, qa, around_a) or _told_around(qa, qb, around_b):
        return [], same  # a sentence that gives a figure of the other side's next sentence merges that statement
    differ = [(p, q) for p, q in differ
              if not any(same_value(x, q) for x in around_a) and not any(same_value(x, p) for x in around_b)
              and not (_bound(a, p) != _bound(b, q) and _within(_interval(a, p), _interval(b, q)))]
    differ.sort(key=lambda d: d[0].start)
    return differ, same
