"""Find quantities in text and put them on one scale: digits, number words, fractions, percents, dates, durations.

"1.5 percent" and "One and a half percent" give the same Quantity (1.5, "percent"); "a day" and "24 hours" give
(1.0, "duration"), in days; "March 11" and "11 March 2022" give dates that agree. Pure, no I/O.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace

__all__ = ["Quantity", "find_quantities", "same_value"]

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 10**12}
_SCALE_ABBR = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000, "b": 1_000_000_000, "tn": 10**12}
"""Scales written right after the digits: "$5m" is "$5 million", "£5.3bn" is "£5.3 billion"."""
_FRACTIONS = {"half": 0.5, "halves": 0.5, "third": 1 / 3, "thirds": 1 / 3, "quarter": 0.25, "quarters": 0.25}
_DURATION_DAYS = {
    "second": 1 / 86400, "minute": 1 / 1440, "hour": 1 / 24, "day": 1.0, "week": 7.0, "fortnight": 14.0,
    "month": 30.0, "year": 365.0, "decade": 3650.0, "century": 36500.0, "centuries": 36500.0,
}
_MONTHS = {
    m: n for n, m in enumerate(
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
         "november", "december"], 1)
}
_MONTHS.update({m[:3]: n for m, n in list(_MONTHS.items())})
_MONTHS.pop("may")  # "may" is far more often the modal verb; "May 9" is still read below
_MONTHS["sept"] = 9

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[A-Za-z]+(?:-[A-Za-z]+)*|%|\$|€|£", re.UNICODE)
_NOT_COUNTED = frozenset({"with", "and", "the", "for", "from", "that", "this", "was", "were", "are", "has", "had", "have",
                          "but", "who", "which", "academic", "per", "out", "than", "into", "over", "under", "after", "before"})
"""Words after a number that are not what it counts ("59 with a value of", "2015-6 academic year")."""
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_SAME_DAY = re.compile(r"\b(?:on\s+)?(?:the|that)\s+(?:very\s+)?same\s+(?:day|night|morning|afternoon|evening)\b", re.IGNORECASE)
_BEFORE, _AFTER = ("before", "earlier"), ("after", "later")
_ORDINAL_UNITS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
    "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
    "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90,
    "hundredth": 100,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_ORDINAL = re.compile(
    r"\b(?:(?P<tens>" + "|".join(_TENS) + r")[-\s])?(?P<unit>" + "|".join(sorted(_ORDINAL_UNITS, key=len, reverse=True))
    + r")\s+(?P<noun>day|week|month|year|time|round|century)s?\b"
    + r"|\b(?P<digits>\d{1,3})(?:st|nd|rd|th)\s+(?P<dnoun>day|week|month|year|time|round|century)s?\b",
    re.IGNORECASE)
"""A place in a sequence of days, years, times ("the twenty-third day", "the 3rd round"): ``ordinal:<noun>``."""


@dataclass(frozen=True)
class Quantity:
    """One quantity found in a text, with its value on a common scale."""

    value: float
    """Percent points for ``percent``, days for ``duration``, YYYYMMDD-like key for ``date`` (year 0 when not given), the number otherwise."""
    kind: str
    """``percent``, ``duration``, ``offset`` (days after another event, negative before; "the same day" is 0), ``date``, ``year``, ``money:$``..., ``count:<noun>`` (what is counted), ``count`` or ``ordinal:<noun>`` (a place in a sequence: "the third day" is 3)."""
    start: int
    """Offset of the first character in the text."""
    end: int
    """Offset after the last character."""
    text: str
    """The characters as written ("One and a half percent")."""


def same_value(p: Quantity, q: Quantity) -> bool:
    """Return whether two quantities say the same thing (same kind, same value; a date without a year matches any year)."""
    if p.kind != q.kind:
        return False
    if p.kind == "date":
        (yp, mdp), (yq, mdq) = divmod(int(p.value), 10000), divmod(int(q.value), 10000)
        return mdp == mdq and (yp == yq or yp == 0 or yq == 0)
    return math.isclose(p.value, q.value, rel_tol=1e-6, abs_tol=1e-9)


def _digits(tok: str) -> float | None:
    if not tok[0].isdigit():
        return None
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", tok):
        tok = tok.replace(",", "")
    elif "," in tok:
        return None
    try:
        return float(tok)
    except ValueError:
        return None


def _words_number(words: list[str], i: int) -> tuple[float, int] | None:
    """Read a number written in words starting at ``words[i]``; return (value, tokens used) or None."""
    total, current, used, seen = 0.0, 0.0, 0, False
    j = i
    n = len(words)
    while j < n:
        w = words[j]
        if w == "dozen" and seen and current and not total:
            current *= 12  # "two dozen" is 24
            used = j - i + 1
        elif w in _UNITS:
            if seen and current and _UNITS[w] >= 10 and current % 100 == 0 and current >= 100:
                current += _UNITS[w]
            elif seen and current % 10 == 0 and current >= 20 and _UNITS[w] < 10:
                current += _UNITS[w]
            elif seen and current and not current % 100 == 0:
                break
            else:
                current += _UNITS[w]
            seen, used = True, j - i + 1
        elif "-" in w and all(p in _UNITS for p in w.split("-")):
            current += sum(_UNITS[p] for p in w.split("-"))
            seen, used = True, j - i + 1
        elif w in _SCALES and seen:
            current = max(current, 1.0) * _SCALES[w]
            if _SCALES[w] >= 1000:
                total, current = total + current, 0.0
            used = j - i + 1
        elif w == "half" and j == i and j + 2 < n and words[j + 1] in ("a", "an") and words[j + 2] == "dozen":
            return 6.0, 3  # "half a dozen" is six
        elif w == "half" and j == i and j + 2 < n and words[j + 1] in ("a", "an") and words[j + 2] in _SCALES:
            return 0.5 * _SCALES[words[j + 2]], 3  # "half a million"
        elif w == "half" and j == i and j + 2 < n and words[j + 1] in ("a", "an") and _unit(words[j + 2]):
            return 0.5, 2  # "half a century": the unit is read after the number
        elif w in ("a", "an") and j == i and j + 4 < n and words[j + 1] in _FRACTIONS and words[j + 2] == "of" \
                and words[j + 3] in ("a", "an") and words[j + 4] in _SCALES:
            return _FRACTIONS[words[j + 1]] * _SCALES[words[j + 4]], 5  # "a third of a million"
        elif w in ("a", "an") and j == i and j + 1 < n and words[j + 1] in _FRACTIONS:
            return _FRACTIONS[words[j + 1]], 2  # "a half", "a third"
        elif w in ("a", "an") and j == i and j + 1 < n and (words[j + 1] in _SCALES or _unit(words[j + 1])):
            current, seen, used = 1.0, True, 1  # "a hundred", "a month"
        elif w == "and" and seen and j + 2 < n and words[j + 1] in ("a", "an") and words[j + 2] in _FRACTIONS:
            current += _FRACTIONS[words[j + 2]]  # "one and a half"
            used = j - i + 3
            break
        elif w == "and" and seen and j + 1 < n and words[j + 1] in _UNITS and current >= 100:
            pass  # "two hundred and five"
        else:
            break
        j += 1
    if not seen or used == 0:
        return None
    return total + current, used


def find_quantities(text: str) -> list[Quantity]:
    """Return the quantities of ``text`` in text order."""
    found: list[Quantity] = []
    taken: set[int] = set()
    for m in _ISO_DATE.finditer(text):
        y, mo, d = (int(g) for g in m.groups())
        found.append(Quantity(float(y * 10000 + mo * 100 + d), "date", m.start(), m.end(), m.group()))
        taken.update(range(m.start(), m.end()))
    for m in _SAME_DAY.finditer(text):  # a time relative to another event: the same day is an offset of 0 days
        found.append(Quantity(0.0, "offset", m.start(), m.end(), m.group()))
        taken.update(range(m.start(), m.end()))
    for m in _ORDINAL.finditer(text):  # "by the twenty-third day of the month Adar" / "on the third day"
        if m.start() in taken:
            continue
        if m.group("digits"):
            value, noun = int(m.group("digits")), m.group("dnoun")
        else:
            value, noun = _ORDINAL_UNITS[m.group("unit").lower()] + _TENS.get((m.group("tens") or "").lower(), 0), m.group("noun")
        found.append(Quantity(float(value), f"ordinal:{noun.lower()}", m.start(), m.end(), m.group()))
        taken.update(range(m.start(), m.end()))
    toks = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text) if m.start() not in taken]
    low = [t.lower() for t, _, _ in toks]
    i = 0
    while i < len(toks):
        q, used = _read_at(text, toks, low, i)
        if q is not None:
            found.append(replace(q, text=text[q.start : q.end]))
            i += used
        else:
            i += 1
    found.sort(key=lambda q: q.start)
    return found


def _is_day(tok: str) -> bool:
    """Whether ``tok`` is a day of a month, 1 to 31 (a run of thousands of digits is not: int() refuses it)."""
    return tok.isdigit() and len(tok.lstrip("0")) <= 2 and 1 <= int(tok) <= 31


def _read_at(text: str, toks: list[tuple[str, int, int]], low: list[str], i: int) -> tuple[Quantity | None, int]:
    # A unit or counted noun belongs to the number only when nothing but spaces stands between them.
    n = i + 1
    while n < len(toks) and not text[toks[n - 1][2] : toks[n][1]].strip():
        n += 1
    # dates: "March 11", "11 March", optional ", 2022" / " 2022"
    month = _MONTHS.get(low[i]) or (5 if toks[i][0] == "May" and i + 1 < n and toks[i + 1][0].isdigit() else None)
    if month and i + 1 < n and _is_day(low[i + 1]):
        return _date(toks, low, i, i + 2, month, int(low[i + 1]))
    if _is_day(low[i]) and i + 1 < n and low[i + 1] in _MONTHS:
        return _date(toks, low, i, i + 2, _MONTHS[low[i + 1]], int(low[i]))
    money = ""
    start_i = i
    if i and text[toks[i - 1][2] : toks[i][1]] == "-" and re.fullmatch(r"\d{4}", low[i - 1]):
        return None, 1  # the end of a range of years ("2015-6", "2015-16")
    if low[i] in ("$", "€", "£") and i + 1 < n and low[i + 1][0].isdigit():
        money, i = low[i], i + 1
    value = _digits(low[i])
    used = 1
    if value is not None and not money and _item_label(text, toks, i):
        return None, 1  # "8 You can't cure jet lag": the number of an item in a list, not a quantity
    if value is None:
        read = _words_number(low, i)
        if read is None:
            return None, 1
        value, used = read
    elif i + 1 < len(toks) and low[i + 1] in _SCALES and text[toks[i][2] : toks[i + 1][1]] in ("-", "") or (
            i + 1 < n and low[i + 1] in _SCALES):
        value, used = value * _SCALES[low[i + 1]], 2  # "£14 million", "£14-million"
    elif i + 1 < len(toks) and low[i + 1] in _SCALE_ABBR and toks[i + 1][1] == toks[i][2]:
        value, used = value * _SCALE_ABBR[low[i + 1]], 2
    j = i + used
    if value is not None and j == i + 1 and re.fullmatch(r"\d{4}", low[i]) and 1800 <= value <= 2100 and not money:
        if not (j < n and (low[j] in ("%", "percent") or _unit(low[j]))):
            return Quantity(value * 10000, "year", toks[i][1], toks[i][2], ""), 1
    kind = "count"
    if money:
        kind = f"money:{money}"
    elif j < n and low[j] == "%":
        kind, j = "percent", j + 1
    elif j < n and low[j] in ("percent", "pc"):
        kind, j = "percent", j + 1
    elif j + 1 < n and low[j] == "per" and low[j + 1] == "cent":
        kind, j = "percent", j + 2
    elif (j < n and low[j] == "second" and j + 1 < n and low[j + 1].isalpha()
          and low[j + 1] not in (*_BEFORE, *_AFTER, *_NOT_COUNTED)):
        return None, 1  # "a second opinion", "one second thought": the ordinal, no duration
    elif j < n and (unit := _unit(low[j])):
        if j + 3 < len(toks) and low[j + 1] == "and" and low[j + 2] in ("a", "an") and low[j + 3] == "half":
            value, j = value + 0.5, j + 3  # "a year and a half": one and a half years
        value, kind, j = value * _DURATION_DAYS[unit], "duration", j + 1
        if j < len(toks) and low[j] in (*_BEFORE, *_AFTER):  # "six hours before": a time relative to another event
            value, kind, j = (-value if low[j] in _BEFORE else value), "offset", j + 1
        elif j + 1 < len(toks) and low[j] == "in" and low[j + 1] == "advance":
            value, kind, j = -value, "offset", j + 2
    elif j < n and low[j].isalpha() and len(low[j]) > 2 and low[j] not in _NOT_COUNTED:
        kind = f"count:{low[j].rstrip('s')}"
    start, end = toks[start_i][1], toks[j - 1][2]
    if kind.startswith("count:"):
        end = toks[j][2]
        j += 1
    return Quantity(float(value), kind, start, end, ""), j - start_i


def _item_label(text: str, toks: list[tuple[str, int, int]], i: int) -> bool:
    """Whether the whole number at ``toks[i]`` opens a line and a capitalised word follows it ("8 You can't cure jet
    lag", "3. Volcanic fallout"): the label of an item in a list, which counts nothing."""
    tok, start, end = toks[i]
    if not tok.isdigit() or text[:start].rsplit("\n", 1)[-1].strip():
        return False
    if i + 1 >= len(toks) or text[end : toks[i + 1][1]].strip() not in ("", ".", ")", ":"):
        return False
    nxt = toks[i + 1][0]
    return nxt[:1].isupper() and nxt.lower() not in _MONTHS and nxt.lower() not in _SCALES


def _unit(word: str) -> str | None:
    if word in _DURATION_DAYS:
        return word
    if word.endswith("s") and word[:-1] in _DURATION_DAYS:
        return word[:-1]
    return None


def _date(toks: list[tuple[str, int, int]], low: list[str], i: int, j: int, month: int, day: int) -> tuple[Quantity, int]:
    year = 0
    k = j
    if k < len(toks) and re.fullmatch(r"\d{4}", low[k]):
        year, k = int(low[k]), k + 1
    return Quantity(float(year * 10000 + month * 100 + day), "date", toks[i][1], toks[k - 1][2], ""), k - i
