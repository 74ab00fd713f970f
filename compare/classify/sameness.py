"""Words that are the same words in another form, for the ``quote`` rule: an abbreviation, a clipping, a name in full,
an acronym spelt out, a number in another notation, one degree word for another, and the frames and emphasizers that
add nothing to what is said."""

from __future__ import annotations

import re

from .lexicon import BOOSTERS, EMPHATIC_FRAMES, EMPHATICS, is_function_word, word_tag, words
from .quantities import find_quantities

__all__ = ["abbreviates", "clipped", "degree_swap", "degree_words", "frame_words", "fuller_name", "same_quantities",
           "spelt_out"]


def abbreviates(short: str, full: str) -> bool:
    """Whether ``short`` is an abbreviation of ``full`` ("sq" / "square", "km" / "kilometres", "govt" /
    "government"): two letters, or up to four without a vowel, no function word ("no" / "not"), beginning like
    ``full`` with all its letters standing in it in order."""
    if not (short.isalpha() and 2 <= len(short) <= 4 and len(full) >= len(short) + 3 and short[0] == full[0]):
        return False
    if is_function_word(short) or (len(short) > 2 and any(ch in "aeiou" for ch in short)):
        return False  # a word of its own ("no", "man" / "manager"), not an abbreviation
    rest = iter(full)
    return all(ch in rest for ch in short)


def clipped(short: str, full: str) -> bool:
    """Whether ``short`` is a clipping of ``full`` ("cigs" / "cigarettes", "info" / "information"): a word no
    lexicon knows, of three letters or more (a plural "s" aside), that begins ``full``, three letters shorter at least."""
    core = short[:-1] if short.endswith("s") and full.endswith("s") else short
    return len(core) >= 3 and len(full) >= len(core) + 3 and full.startswith(core) and word_tag(short) == "" \
        and short.isalpha()


def fuller_name(text: str, start: int, end: int, other: str) -> bool:
    """Whether text[start:end] only adds capitalised words to a name that ``other`` has right beside them ("Barack
    Obama" / "Obama"): the same person named in a fuller form. A title or a word of address ("President", "Lord",
    "Greetings") is a word of its own and still counts."""
    added = [w.strip(",.;:!?") for w in text[start:end].split()]
    if not added or not all(w[:1].isupper() and w.isalpha() and word_tag(w.lower()) in ("", "NNP") for w in added):
        return False  # a given name no lexicon holds as a common word; not a title or a word of address ("Lord")
    after = re.match(r"\s*([A-Z][\w'’-]+)", text[end:])
    before = re.search(r"([A-Z][\w'’-]+)\s*$", text[:start])
    return any(m is not None and re.search(rf"\b{re.escape(m.group(1))}\b", other) is not None for m in (after, before))


def spelt_out(texts: tuple[str, str], hunk: str) -> bool:
    """Whether the content words of ``hunk`` are the initials, in order, of an acronym written in capitals in either
    text ("HE" / "higher education", "Our big USP (unique selling point)"): the acronym spelt out."""
    initials = "".join(w[0] for w in re.findall(r"[^\W\d_]+", hunk) if not is_function_word(w.lower())).upper()
    return len(initials) >= 2 and any(re.search(rf"\b{initials}\b", t) for t in texts)


def degree_swap(said: str, instead: str, after_said: str, after_instead: str) -> bool:
    """Whether one degree adverb stands for another before the same word ("heavily reliant" / "very reliant",
    "fundamentally different" / "completely different"): one side's is a booster, the other's an adverb in -ly."""
    a, b = words(said), words(instead)
    if len(a) != 1 or len(b) != 1 or not (a[0] in BOOSTERS or b[0] in BOOSTERS):
        return False
    if not all(w in BOOSTERS or w.endswith("ly") for w in (a[0], b[0])):
        return False
    na, nb = words(after_said)[:1], words(after_instead)[:1]
    return bool(na) and na == nb


def same_quantities(said: str, instead: str) -> str | None:
    """The words of a hunk's numbers when both sides give the same quantities in other words ("£62bn" / "£62
    billion", "two dozen" / "24"), else None: a number written another way is the same number said."""
    qs, qi = find_quantities(said), find_quantities(instead)
    if not qs or not qi or sorted(q.value for q in qs) != sorted(q.value for q in qi):
        return None
    return " ".join(q.text for q in (*qs, *qi))


def degree_words(text: str, start: int, end: int) -> set[str]:
    """The emphasizers of the hunk text[start:end] that stand right before an adjective or an adverb ("truly
    grateful", "certainly bigger"): there they grade the quality like a booster, they do not vouch for the claim
    ("the most important" ranks: a claim)."""
    ws = words(text[start:end]) + words(text[end : end + 40])[:1]
    return {w for w, nxt in zip(ws, ws[1:]) if w in EMPHATICS - {"most"} and word_tag(nxt)[:2] in ("JJ", "RB")}


def frame_words(text: str, start: int, end: int) -> set[str]:
    """The words of an emphatic frame (``EMPHATIC_FRAMES``: "the truth is", "in fact") that the hunk text[start:end]
    touches: they stress the clause, they add nothing to it."""
    return {w for m in EMPHATIC_FRAMES.finditer(text) if m.start() < max(end, start + 1) and start < m.end()
            for w in words(m.group())}
