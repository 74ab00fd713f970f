"""Small cues of modality the hedge rule reads: a purpose clause ("that we may see"), and quotation marks as a writer's
quoting style rather than distance."""

from __future__ import annotations

import re

from ..settings import ClassifySettings
from .hunks import Side
from .lexicon import content_stems, is_noun, word_tag, words

__all__ = ["claim_told", "purposive", "withholds", "without_quoting_style"]


_PURPOSE = re.compile(r"\b(\w+)[,;:]?\s+(?:so\s+)?(?:that|lest)\s+(?:[\w’'-]+\s+){1,3}?(may|might)\b", re.IGNORECASE)
_THAT_OF_A_VIEW = frozenset({
    "said", "says", "say", "warned", "warns", "think", "thinks", "thought", "believe", "believes", "believed", "fear",
    "fears", "feared", "possible", "likely", "chance", "risk", "hope", "hopes", "hoped", "suggest", "suggests",
    "suggested", "expect", "expects", "expected", "claim", "claims", "claimed", "worry", "worried", "concern",
})
"""Words after which "that ... may" reports a view or a possibility ("warned that it may"), not a purpose."""


def purposive(text: str, modal: str) -> bool:
    """Whether every ``modal`` ("may", "might") of ``text`` stands in a purpose clause ("that we may see", "so that the
    inheritance may be ours", "lest they might"): the subjunctive of a purpose, which says nothing about how sure
    anyone is. After a verb of saying or thinking, or a word of possibility, "that ... may" is a view ("warned that it
    may rain"), and counts."""
    uses = [m.start() for m in re.finditer(rf"\b{modal}\b", text, re.IGNORECASE)]
    purposes = {m.start(2) for m in _PURPOSE.finditer(text) if m.group(1).lower() not in _THAT_OF_A_VIEW
                and m.group(2).lower() == modal}
    return bool(uses) and all(u in purposes for u in uses)


def _in_speech(mark: str, side: Side) -> bool:
    """Whether every use of the single-quoted ``mark`` stands inside a speaker's quoted words (``Side.quoted``): a
    quotation the speaker makes, not the writer's distance."""
    spans = side.quoted or ()
    at = [i for i in range(len(side.text)) if side.text.startswith(mark, i)]
    return bool(at) and bool(spans) and all(any(s <= i and i + len(mark) <= e for s, e in spans) for i in at)


def _quoted_there(mark: str, other: Side) -> bool:
    """Whether ``other`` puts the words of the single-quoted ``mark`` in quotation marks of its own (what the researchers
    call the “organic computer”): both keep the same distance from the term."""
    inner = re.escape(" ".join(mark.strip("'‘’").split())).replace(r"\ ", r"\s+")
    return bool(re.search(rf"[“\"'‘«]\s*{inner}\s*[”\"'’»]", other.text, re.IGNORECASE))


def _so_called_quoted(mark: str, side: Side, other: Side) -> bool:
    """Whether ``mark`` is "so-called" and ``other`` puts the term after it in quotation marks ("a so-called top-ten" /
    "the much-hyped “top ten”"): both keep the same distance from the term."""
    if mark.lower().replace(" ", "-") != "so-called":
        return False
    at = side.text.lower().find(mark.lower())
    term = re.findall(r"[\w’']+(?:-[\w’']+)*", side.text[at + len(mark) :] if at >= 0 else "")[:1]
    if not term:
        return False
    inner = r"[-\s]+".join(re.escape(p) for p in term[0].split("-"))
    return bool(re.search(rf"[“\"'‘«]\s*{inner}", other.text, re.IGNORECASE))


def without_quoting_style(found: dict[str, list[str]], side: Side, other: Side, s: ClassifySettings) -> dict[str, list[str]]:
    """Drop scare quotes unless a secondary source puts them around words a record says plainly: many writers (British
    ones) quote any phrase in single quotation marks ('let himself down'), so only against the record of what was said
    do they show distance, and never inside a speaker's quoted words (the speaker quotes); and drop "so-called" where
    the other side quotes the term it introduces."""
    marks = [m for m in found.get("distancing", []) if (m[0] not in "'‘" or (side.kind not in s.record_kinds and
                                                                           other.kind in s.record_kinds
                                                                           and not _in_speech(m, side)
                                                                           and not _quoted_there(m, other)))
             and not _so_called_quoted(m, side, other)]
    out = {k: v for k, v in found.items() if k != "distancing"}
    if marks:
        out["distancing"] = marks
    return out


_ATTRIBUTIVE_MARKS = frozenset({"alleged", "so-called", "so called", "purported", "supposed"})


def claim_told(text: str, mark: str, start: int, end: int, other: str, least: int = 2) -> bool:
    """Whether ``other`` tells what the distancing word ``mark`` (in text[start:end]) distances from: at least ``least``
    content words of the claim are on the other side (all of them when it has fewer).

    The claim is what follows the word in its sentence ("claimed to have survived for nine months"), or what comes
    before it when little follows ("..., US researchers claim."); for a participle or adjective ("the corruption alleged
    herein", "the alleged ringleader") the three content words on each side of it, one of them enough. A marker whose
    claim the other side does not tell
    ("each claimed to be the more handsome" / "disputing about their good looks") changes no one's certainty about it.
    Scare quotes are the claim themselves: always told.
    """
    if mark[:1] in "'‘":
        return True
    at = text.lower().find(mark.lower(), start, max(end, start + len(mark)))
    at = text.lower().find(mark.lower()) if at < 0 else at
    if at < 0:
        return True
    stop = re.search(r"[.!?;](?:\s|$)", text[at:])
    after = text[at + len(mark) : at + (stop.end() if stop else len(text) - at)]
    begin = max(text.rfind(". ", 0, at), text.rfind("? ", 0, at), text.rfind("! ", 0, at))
    head = text[begin + 1 : at]
    # the claim ends with its clause: before ", but ..." and, in a sentence that opens with a subordinate clause
    # holding the word ("Although the memo claims X, all denied it"), at the comma that closes that clause
    cut = re.search(r",\s+(?:but|yet|although|though|while|whereas)\b", after)
    if re.match(r"\s*[“\"]?(?:although|though|even though|while|whereas|if|because|since|as)\b", head, re.IGNORECASE) \
            and "," not in head:
        cut = re.search(r",", after) or cut
    rest = content_stems(after[cut.end() :]) if cut else set()  # "..., but Google does not have a back door"
    after = after[: cut.start()] if cut else after
    dashes = [d.start() for d in re.finditer(r"\s[–—]\s", head)]
    aside = max(head.rfind("(") if head.rfind("(") > head.rfind(")") else -1, dashes[-1] if len(dashes) % 2 else -1)
    close = re.search(r"\)" if head[aside:aside + 1] == "(" else r"\s[–—]\s", after) if aside >= 0 else None
    if close:  # "(each reportedly worth almost $200,000)": the aside, closed after the word, is the claim
        after, begin = after[: close.start()], begin + 1 + aside
    before = [w for w in words(text[begin + 1 : at]) if w[:5] in content_stems(w)]
    claim = [w for w in words(after) if w[:5] in content_stems(w)][:8]
    first = words(after)[:2]
    if mark.lower() in _ATTRIBUTIVE_MARKS:  # "the corruption alleged herein", "the alleged ringleader": the noun it modifies
        claim, least = before[-3:] + claim[:3], 1
    elif mark.lower().endswith("ly") and len(first) == 2 and word_tag(first[0]) == "JJ" and is_noun(first[1]):
        claim, least = first[:1], 1  # "the supposedly prestigious avenue": the word of distance qualifies "prestigious"
    elif len(claim) < 2:
        # an aside's words only, however few, its figures too: "(each reportedly above £50,000)"
        claim = claim + before[-8:] + re.findall(r"\d+", after) if close else before[-8:]
    theirs = (content_stems(other) | set(re.findall(r"\d+", other))) - rest  # the other side tells the denial, not the claim
    told = {w[:5] for w in claim} & theirs
    return len(told) >= min(least, len({w[:5] for w in claim}))


_WITHHELD = re.compile(r"\b(?:(?:suggestion|speculation|rumou?rs?|allegations?|fears?|concerns?|suspicions?|worr(?:y|ies)|"
                       r"doubts?)\s+that|(?:must|may|might)\s+have\s+(?:been\s+)?(?=(?P<part>\w+(?:ed|en|wn|t)\b))|"
                       r"(?:seem|seems|seemed|appear|appears|appeared)\s+to|"
                       r"(?:you|people|many|some|others|most)\s+(?:may\s+|might\s+|would\s+|often\s+)?(?:think|regard|see|"
                       r"consider)\s+(?:of\s+)?(?:\w+\s+){0,3}?as)\b", re.IGNORECASE)


def withholds(other: str, text: str, mark: str) -> bool:
    """Whether ``other`` withholds its word on the claim that ``mark`` (a word of distance or doubt in ``text``) qualifies,
    in other terms than a hedge word: a noun of doubt before the claim ("some concern that", "the suggestion that"), an
    inference ("must have been forewarned", "may have left"), an appearance ("seemed to prove"), or a view given to
    others ("someone you may think of as a
    lazy teenager"). A writer who does so vouches no more than one who writes "reportedly" or "seemed", so the word
    against it is no change of certainty. The claim is the content words after the mark (with those before it in its
    sentence when fewer than two follow); the frame governs it when the words of its clause hold two of them (all, when
    fewer): "fears that its equipment could be used for espionage" does not withhold "supposedly been banned"."""
    at = text.lower().find(mark.lower())
    if at < 0:
        return False
    begin = max(text.rfind(". ", 0, at), text.rfind("? ", 0, at), text.rfind("! ", 0, at)) + 1
    stop = re.search(r"[.!?;](?:\s|$)", text[at:])
    after = [w[:5] for w in words(text[at + len(mark) : at + stop.start() if stop else len(text)]) if content_stems(w)][:8]
    before = [w[:5] for w in words(text[begin:at]) if content_stems(w)][-6:]
    claim = set(after if len(after) >= 2 else before + after)
    for m in _WITHHELD.finditer(other):
        start = m.start("part") if m.group("part") else m.end()  # the claim after the frame ("must have been" + it)
        end = re.search(r"[.!?;](?:\s|$)", other[start:])
        clause = {w[:5] for w in words(other[start : start + end.start() if end else len(other)]) if content_stems(w)}
        if claim and len(claim & clause) >= min(2, len(claim)):
            return True
    return False
