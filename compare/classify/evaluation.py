"""What the loaded-language rule reads about an evaluative word: its direction, its strength, where it stands.

Pure word-level checks on top of the lexicons (``compare.classify.lexicon``); the rule itself is ``_loaded`` in
``compare.classify.rules``.
"""

from __future__ import annotations

import re

from ..settings import ClassifySettings
from .cues import quoted_spans
from .hunks import Side
from .lexicon import (
    DEGREE_ADVERBS,
    EVALUATIVE_VERBS,
    emotive_reason,
    nrc_emotions,
    polarity,
    stem,
    vader_valence,
    word_tag,
    words,
)

__all__ = [
    "judged_by_someone","DEGREE", "SIZE", "noun_carries", "possession_sense", "charge", "degree", "head_swapped", "may_judge", "quoted_word", "strong", "strong_valence"]


def charge(ws: list[str], s: ClassifySettings) -> set[int]:
    """The evaluative directions (-1, +1) that any word of ``ws`` carries in the lexicons, whatever its part of speech."""
    return {polarity(w) for w in ws if emotive_reason(w, s.emotive_valence, s.emotive_emotions, any_pos=True,
                                                          vader_floor=s.nrc_vader_floor)} - {0}


DEGREE = frozenset({"lot", "lots", "deal", "much", "many", "plenty", "bit", "very", "really", "so", "too"})


def quoted_word(side: Side, w: str) -> bool:
    """Whether every occurrence of ``w`` in ``side`` stands inside quotation marks (double, or a short single-quoted phrase)."""
    spans = list(side.quoted if side.quoted is not None else quoted_spans(side.text))
    spans += [(m.start(), m.end()) for m in re.finditer(r"['‘][^'‘’\n]{1,60}['’]", side.text)]
    hits = [m.start() for m in re.finditer(rf"\b{re.escape(w)}\b", side.text, re.IGNORECASE)]
    return bool(hits) and all(any(s0 <= i < s1 for s0, s1 in spans) for i in hits)


SIZE = frozenset({"great", "big", "huge", "vast", "enormous", "massive", "tremendous", "immense", "giant", "large"})
"""Adjectives that before a noun say how big or how much ("a great multitude", "a great fever"), not how good."""


def degree(text: str, w: str) -> bool:
    """Whether ``w`` only says how much in ``text``: before a degree word ("an awful lot", "a great deal"), an adverb
    before an adjective or another adverb that it intensifies ("perfectly possible", "incredibly fast"), or a word of
    size before a noun ("a great herd", "a great calm"); a degree adverb (``DEGREE_ADVERBS``: "understand it perfectly",
    "completely") wherever it stands."""
    if w in DEGREE_ADVERBS:
        return True
    nexts = [m.group(1).lower() for m in re.finditer(rf"\b{re.escape(w)}\s+(\w+)", text, re.IGNORECASE)]
    if not nexts:
        return False
    if all(x in DEGREE for x in nexts):
        return True
    if word_tag(w) == "RB" and all(word_tag(x) in ("JJ", "JJR", "RB", "VBN") for x in nexts):
        return True
    return w in SIZE and all(word_tag(x) in ("NN", "NNS", "JJ") or not word_tag(x) for x in nexts)


def strong(w: str, s: ClassifySettings) -> bool:
    """Whether ``w`` judges strongly enough to be named when it is all that was added or dropped: VADER at least
    ``strong_valence`` from neutral, a judging reporting verb ("devastating", "slammed"), or NRC disgust that VADER
    rates too, with anger or fear ("terrible", not "dirty": disgust alone mostly describes a physical thing). NRC alone does
    not do: its disgust words include plain descriptions ("obese", "infectious", "latent"), so a word only NRC rates
    counts only in a swap against a provably neutral word."""
    v = vader_valence(w)
    if w in EVALUATIVE_VERBS or (v is not None and abs(v) >= s.strong_valence):
        return True
    feel = set(nrc_emotions(w))
    return v is not None and abs(v) >= s.nrc_vader_floor and "disgust" in feel and bool(feel & {"anger", "fear"})


def strong_valence(w: str, s: ClassifySettings) -> bool:
    """Whether VADER rates ``w`` at least ``strong_valence`` from neutral, or ``w`` is a judging reporting verb."""
    v = vader_valence(w)
    return w in EVALUATIVE_VERBS or (v is not None and abs(v) >= s.strong_valence)


def head_swapped(text: str, w: str, other: str) -> bool:
    """Whether the adjective ``w`` stands before a noun in ``text`` that the other side lacks (its root too): the other
    side named the whole thing with other words ("unfair governments" / "regimes")."""
    if word_tag(w) != "JJ":
        return False
    roots = {stem(x) for x in words(other)}
    heads = [m.group(1) for m in re.finditer(rf"\b{re.escape(w)}\s+(\w+)", text, re.IGNORECASE)]
    return bool(heads) and all(word_tag(x.lower()) in ("NN", "NNS") and x[:1].islower() and stem(x) not in roots
                               for x in heads)


def may_judge(w: str) -> bool:
    """Whether ``w`` may carry an evaluation the lexicons do not rate: anything but a plain noun (an adjective, adverb,
    verb, a degree word such as "lot" for "a great deal", or a word they do not know: "piggery", "well-heeled");
    such a word in the other side's slot makes the change a synonym's."""
    return "-" in w or w in DEGREE or word_tag(w) not in ("NN", "NNS")


_POSSESSION = frozenset({"has", "have", "had", "having", "contains", "includes", "features", "offers", "holds", "with"})
_OBJECT_START = frozenset({"a", "an", "the", "more", "some", "many", "several", "over", "nearly", "almost", "about",
                           "its", "their", "his", "her", "one", "two", "three", "no"})


def possession_sense(text: str, w: str, theirs: list[str]) -> bool:
    """Whether the judging verb ``w`` ("boasts") means "has" here: the other side's word in its slot is one of having
    ("has", "includes"), or an object follows it directly ("which boasts more than a dozen observatories"), not a
    statement ("boasted that ...", "boasted of ...")."""
    if set(theirs) & _POSSESSION:
        return True
    if not w.startswith("boast"):
        return False
    nexts = [m.group(1).lower() for m in re.finditer(rf"\b{re.escape(w)}\s+(\w+)", text, re.IGNORECASE)]
    return bool(nexts) and all(x in _OBJECT_START or x[:1].isdigit() for x in nexts)


def noun_carries(text: str, w: str) -> bool:
    """Whether the adjective ``w`` stands only before nouns that carry its direction themselves ("a terrible
    earthquake", "a violent storm"): it says how bad the thing is, the noun already says it is bad. (The rule still
    names a strongly judging one, "the devastating bombing".)"""
    if word_tag(w) != "JJ" or not polarity(w):
        return False
    heads = [m.group(1).lower() for m in re.finditer(rf"\b{re.escape(w)}\s+(\w+)", text, re.IGNORECASE)]
    return bool(heads) and all(word_tag(x) in ("NN", "NNS") and polarity(x) == polarity(w) for x in heads)


_PERSONS = frozenset({"he", "she", "they", "we", "i", "you", "who"})


def judged_by_someone(text: str, at: int) -> bool:
    """Whether the judging verb at offset ``at`` of ``text`` has a person for its subject, so that it reports speech:
    a pronoun or a capitalised name among the three words before it in its sentence ("He also slammed", "Putin
    lambasted"); "grain blasted by the east wind" is blighted grain, no verdict on what anyone said."""
    before = re.split(r"[.!?;]\s", text[:at])[-1]
    ws = re.findall(r"\w+(?:['’]\w+)*", before)[-3:]
    return any(w.lower() in _PERSONS or (w[:1].isupper() and word_tag(w.lower()) in ("", "NNP", "NN")) for w in ws)
