"""Cues the classifier reads in a text: quotations, named speakers, stance words, shared phrases, shared content.

Pure string work on one or two texts; no records, no model."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .lexicon import HEDGES, content_stems, is_noun, word_tag, words
from .modality import purposive

__all__ = [
    "WORDS",
    "HEARSAY_ADVERBS",
    "OPINION",
    "attributed_alike",
    "chance_before",
    "compounds",
    "content_overlap",
    "distancing_marks",
    "hearsay",
    "hedge_classes",
    "inside_spans",
    "quoted_spans",
    "shared_runs",
    "speakers_named",
    "split_compound",
    "surname",
    "written_names",
]

_QUOTES = {"“": "”", "«": "»", "„": "“"}
WORDS = re.compile(r"\w+(?:['’]\w+)*")
_DISTANCING = re.compile(
    r"\b(?:" + "|".join(re.escape(w) for w, c in HEDGES.items() if c == "distancing") + r"|so called)\b", re.IGNORECASE
)
# 'special military operation': a short phrase in single quotation marks, not an apostrophe
_SCARE_QUOTES = re.compile(r"(?<![\w'‘])['‘]([A-Za-z][^'‘’\n,.;:!?]{1,60}?)['’](?![\w'’])")


def quoted_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Return the spans of ``text`` inside quotation marks (“…”, «…», "…"); an unclosed quote ends at the paragraph."""
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    closer = ""
    for i, ch in enumerate(text):
        if open_at is None:
            if ch in _QUOTES:
                open_at, closer = i + 1, _QUOTES[ch]
            elif ch == '"':
                open_at, closer = i + 1, '"'
        elif ch == closer or (ch == "\n" and closer):
            spans.append((open_at, i))
            open_at = None
        elif ch in _QUOTES and closer != '"':
            open_at = i + 1  # a new quotation before the old one closed: the old one was never closed
    if open_at is not None:
        spans.append((open_at, len(text)))
    return tuple(s for s in spans if s[1] > s[0])


def speakers_named(text: str, names: Sequence[str]) -> tuple[str, ...]:
    """Return the people of ``names`` whom ``text`` reports as speaking ("Lukashenko said", "said Putin")."""
    verbs = r"(?:said|says|told|stressed|added|noted|remarked|emphasi[sz]ed|stated|declared|explained|asked|replied)"
    found = []
    for name in names:
        last = re.escape(name.split()[-1])
        if re.search(rf"\b{last}\s+{verbs}\b|\b{verbs}\s+(?:\w+\s+){{0,2}}{last}\b", text):
            found.append(name)
    return tuple(found)


def written_names(text: str, start: int, end: int) -> set[str]:
    """Return the words of text[start:end] written with a capital inside a sentence, lower-cased: names ("John").

    A capital after the start of the text, a full stop, a colon or an opening quotation mark proves nothing."""
    out = set()
    for m in WORDS.finditer(text, start, end):
        before = text[: m.start()].rstrip().rstrip("“\"‘'«(–—-").rstrip()
        if m.group()[0].isupper() and before and before[-1] not in ".!?:":
            out.add(m.group().lower())
    return out


def surname(name: str) -> str:
    return name.split()[-1].lower()


def inside_spans(spans: Sequence[tuple[int, int]], start: int, end: int, text: str) -> bool:
    """Whether the non-space characters of text[start:end] all lie inside ``spans`` (and there is at least one)."""
    idx = [i for i in range(start, end) if not text[i].isspace() and text[i] not in "“”\"«»„,.;:"]
    if start == end:  # words left out: is the gap inside a quotation?
        return any(s < start < e for s, e in spans)
    return bool(idx) and all(any(s <= i < e for s, e in spans) for i in idx)


def content_overlap(a: str, b: str) -> float:
    """Share of the longer side's content words (crude stems) found on the other side."""
    sa, sb = content_stems(a), content_stems(b)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / max(len(sa), len(sb))


# a term being introduced or named, not doubted: called a 'verbal autopsy', the hashtag 'X'
_NAMING = re.compile(r"\b(?:called|calls|call|known as|dubbed|named|nicknamed|termed|titled|entitled|word|words|term|"
                     r"phrase|slogan|label|hashtag|motto|brand|name|said|say|says|saying|answered|replied|voted)\s+"
                     r"(?:an?\s+|the\s+)?$", re.IGNORECASE)


def _is_title(phrase: str) -> bool:
    """Whether ``phrase`` starts with a capital: a name or a title ('New European Drive Cycle', 'Fit in four minutes')."""
    return phrase[:1].isupper()


_FALSE_BEFORE = frozenset({"false", "fraudulent", "defamatory", "unfounded", "baseless", "bogus", "untrue"})


def _plain_use(text: str, m: re.Match[str]) -> bool:
    """Whether a distancing word is used plainly: "fraudulent claims" (the writer asserts they are false), "so-called"
    naming a term ("so-called CSP")."""
    w = m.group().lower()
    before = re.findall(r"[\w’']+", text[max(0, m.start() - 30) : m.start()].lower())
    after = text[m.end() : m.end() + 3].lstrip()
    if w in ("claim", "claims") and before and before[-1] in _FALSE_BEFORE:
        return True
    if w in ("claim", "claims") and _claim_noun(w, before, text[m.end() :]):
        return True  # "the government's claim that", "compensation claims", "rejected these claims": a legal noun
    if w.startswith("claim") and not _reports_a_statement(text[m.end() :]):
        return True  # "claimed 70,000 lives", "claimed the records", "is claiming a domain name": no statement follows
    return w.replace(" ", "-") == "so-called" and (after[:1].isupper() or after[:1] in "“\"‘'")  # so-called “X”


_NOUN_AFTER = frozenset({"from", "of", "for", "against", "on", "over", "about", "by", "under", "and", "or", "were", "are",
                         "was", "is", "had", "have"})


def _claim_noun(w: str, before: list[str], after: str) -> bool:
    """Whether "claim"/"claims" is the noun (a demand or an argument one side makes in a dispute, an insurance or legal
    claim), not the verb that reports a statement: after a determiner, a possessive, a number, an adjective or a verb
    ("the claim", "the government's claim that", "rejected claims", "legal claims"), or, after a noun, with no
    statement of its own after it ("compensation claims.", "asylum claims were ...")."""
    if not before:
        return False
    prev = before[-1]
    tag = word_tag(prev)
    if tag == "PRP" or (w == "claim" and tag == "NNS"):
        return False  # "he claims", "..., US researchers claim.": a subject and its verb
    if prev in _DETERMINERS or prev.endswith(("'s", "’s", "s'", "s’")) or prev.isdigit():
        return True
    if w == "claim" and len(before) >= 2 and before[-2] in _DETERMINERS and tag in ("NN", "JJ", ""):
        return True  # "his asylum claim to be processed": after a singular noun the verb would be "claims"
    if tag in ("JJ", "CD", "PRP$", "DT") or tag.startswith("VB"):
        return True
    ws = re.findall(r"[\w’']+|[.,;:!?()]", after.lower())[:1]
    return tag in ("NN", "NNS", "") and (not ws or not ws[0][0].isalnum() or ws[0] in _NOUN_AFTER)


_CLAUSE_START = frozenset({"that", "to", "it", "he", "she", "they", "we", "i", "you", "there", "this", "his", "her", "their"})
_FINITE = frozenset({"is", "was", "are", "were", "had", "has", "have", "would", "will", "could", "can", "did", "does"})


def _reports_a_statement(after: str) -> bool:
    """Whether the words after "claimed" report a statement: "that ...", "to have ...", or a clause with its own verb
    ("claimed the crisis was ..."), not an object ("claimed the records", "claimed 70,000 lives")."""
    ws = re.findall(r"[\w’']+|[.,;:!?]", after.lower())[:7]
    if not ws or ws[0] in _CLAUSE_START or not ws[0][0].isalnum():
        return True
    for w in ws[1:]:
        if w in ("that", "which", "who") or not w[0].isalnum():
            return False
        if w in _FINITE:
            return True
    return False


def distancing_marks(text: str, start: int = 0, end: int | None = None) -> list[str]:
    """Return the distancing markers of ``text`` that overlap text[start:end], as written: "claimed", "so-called", 'scare quotes'.

    "fraudulent claims" asserts, and "so-called" before a capital names a term ("so-called CSP"): neither distances. Scare quotes are 2-4 words in single quotation marks (one word in
    quotation marks is most often a term being introduced, 'no-take'); quotation marks around a name or title ('New European
    Drive Cycle') or a term being named (called a 'verbal autopsy') are not scare quotes, nor are single quotation
    marks inside a speaker's quoted words (“It is written, ‘...’”: the speaker quotes, the writer does not distance
    himself). The whole text is
    read, so the words before a span count.
    """
    end = len(text) if end is None else end
    found = [(m.start(), m.end(), m.group()) for m in _DISTANCING.finditer(text) if not _plain_use(text, m)]
    speech = quoted_spans(text)
    found += [
        (m.start(), m.end(), m.group()) for m in _SCARE_QUOTES.finditer(text)
        if 2 <= len(m.group(1).split()) <= 4 and not _is_title(m.group(1))
        and not _NAMING.search(text[max(0, m.start() - 40) : m.start()])
        and not any(s <= m.start() and m.end() <= e for s, e in speech)  # a quotation inside the speaker's words
        and not _echoes_a_quotation(text, m, speech)
    ]
    return [mark for s, e, mark in sorted(found) if s < end and e > start]


def _echoes_a_quotation(text: str, m: re.Match[str], speech: tuple[tuple[int, int], ...]) -> bool:
    """Whether the words in single quotation marks stand inside another quotation of the text ("Someone asked “Have
    you ever used pink slime ...?” – ‘pink slime’ is ..."): they name the words quoted, they do not distance."""
    quoted = m.group(1).lower()
    return any(quoted in text[s:e].lower() for s, e in speech if not (s <= m.start() < e))


_HEARSAY = re.compile(r"\b(?:reports?\s+(?:say|says|said|suggest|suggests|suggested|of)|there (?:have|has) been reports|"
                      r"people (?:say|said)|according to|it is (?:said|understood|thought|believed|reported|rumou?red)|"
                      r"(?:is|are|was|were|been) estimated\b|(?:is|are|was|were|been) (?:said|thought|believed|"
                      r"understood|reported|rumou?red|alleged|claimed|supposed) to|"
                      r"(?:deceived|fooled|misled|tricked|duped|conned) into (?:thinking|believing)|"
                      r"mistak(?:e|es|ing|en)\b[^.;]{1,40}?\bfor\b|(?:wrongly|falsely|mistakenly) (?:believ|think|thought|assum)\w*|"
                      r"(?:is|are|was|were|been|being|stands?|stood)\s+accused|as a joke|in jest|jok(?:ingly|ily|ed))\b",
                      re.IGNORECASE)


def hearsay(text: str) -> bool:
    """Whether ``text`` attributes what it says to others ("reports say", "according to", "stands accused", "is thought
    to"), says it was not meant plainly ("said as a joke") or that it is believed in error ("deceived into thinking",
    "mistake an intolerance for an allergy"): a writer who does so keeps at least the distance of one who writes
    "reportedly" or "claimed", so a distancing word against it is no change."""
    return bool(_HEARSAY.search(text))


_EXAMPLE_ADVERBS = frozenset({"perhaps", "maybe", "possibly", "probably"})
_ATTRIBUTIVE = frozenset({"likely", "unlikely", "certain", "sure"})
_PERSUADED = frozenset({"convinced", "persuaded"})
"""Words of certainty that are also verbs of persuasion ("convinced its sellers to ..."); certainty only after a form
of "be" or "feel" ("I am convinced", "remained convinced") or before "that"/"of"."""
_BE = frozenset({"am", "is", "are", "was", "were", "be", "been", "being", "remain", "remains", "remained", "feel", "feels",
                 "felt", "seem", "seems", "seemed", "m", "re", "s", "not", "so", "fully", "firmly", "still", "i’m", "i'm",
                 "we're", "we’re", "he's", "he’s", "she's", "she’s", "they're", "they’re"})
_GOES = frozenset({"go", "goes", "went", "gone", "become", "becomes", "became", "turn", "turns", "turned"})
_CONCEDING = frozenset({"certainly", "definitely", "surely", "clearly", "obviously", "undoubtedly", "of course"})
_CONCESSION = re.compile(r"\b(?:but|yet|however|although|though)\b", re.IGNORECASE)


def _sentence_after(text: str, start: int, w: str) -> str:
    """The rest of the sentence after the first ``w`` at or after ``start``."""
    m = re.search(rf"\b{re.escape(w)}\b", text[start:], re.IGNORECASE)
    if m is None:
        return ""
    rest = text[start + m.end() :]
    stop = re.search(r"[.!?](?:\s|$)", rest)
    return rest[: stop.start()] if stop else rest
_DETERMINERS = frozenset({"a", "an", "the", "this", "these", "those", "its", "his", "her", "their", "our", "my", "your",
                          "some", "any"})
_PREPOSITIONS = frozenset({"for", "of", "in", "at", "on", "with", "to", "from", "by", "about", "into", "like", "including",
                           "than", "among", "between", "over", "under", "around", "near", "per", "after", "before"})


def hedge_classes(text: str, start: int = 0, end: int | None = None) -> dict[str, list[str]]:
    """Return the certainty classes marked in text[start:end] ("certain", "possible", "distancing"), with their words.

    An adverb of possibility right after a preposition gives an example or an estimate inside a phrase ("for, perhaps,
    a meal for two", "in maybe ten years"), not a doubt about the statement; "likely", "unlikely", "certain" and "sure"
    before a noun or after a determiner describe a thing ("the unlikely focus", "a certain age"), and do not say how sure
    the writer is, nor do they before a name or an adjective unless a form of "be" comes first ("certain Android phones"
    are some phones; "is certain Madrid won" is sure); "convinced" with an object is persuaded ("convinced its sellers to
    withdraw"), not sure (``_PERSUADED``); "certainly", "definitely" and the like before "but" in the same sentence
    concede a point ("There's certainly a lot of wealth here but ..."), and vouch for nothing more: all are left out.
    """
    end = len(text) if end is None else end
    found: dict[str, list[str]] = {}
    before = words(text[max(0, start - 40) : start])[-1:]
    ws = words(text[start:end])
    after = (ws[1:] + words(text[end : end + 40])[:1] + [""])[: len(ws)]
    for w, nxt in zip(ws, after, strict=True):
        if w in _PERSUADED and before and before[0] not in _BE and nxt not in ("that", "of", "about", ""):
            before = [w]
            continue  # "convinced its sellers to withdraw": persuaded them, nobody's certainty
        if w in _ATTRIBUTIVE and nxt and word_tag(nxt) in ("", "JJ", "NNP") and not (before and before[0] in _BE):
            before = [w]
            continue  # "certain Android phones", "certain new rules": some of them, not a degree of certainty
        if w == "truly" and nxt and (word_tag(nxt)[:2] in ("JJ", "RB", "VB") and word_tag(nxt) not in ("VB", "VBP", "VBZ", "VBD")
                                      or bool(before) and before[0] in _GOES and is_noun(nxt)):
            before = [w]
            continue  # "truly grateful", "goes truly mainstream": a degree of the quality, not the speaker's certainty
        if w in ("may", "might") and purposive(text, w):
            before = [w]
            continue  # "that we may see and believe", "lest they might": a purpose, not a possibility
        if w in HEDGES and HEDGES[w] != "distancing" and not (w in _EXAMPLE_ADVERBS and before and before[0] in _PREPOSITIONS) \
                and not (w in _ATTRIBUTIVE and (is_noun(nxt) or (before and before[0] in _DETERMINERS))) \
                and not (w in _CONCEDING and _CONCESSION.search(_sentence_after(text, start, w))):
            found.setdefault(HEDGES[w], []).append(w)
        before = [w]
    if "of course" in " ".join(words(text[start:end])):
        found.setdefault("certain", []).append("of course")
    marks = distancing_marks(text, start, end)
    if marks:
        found["distancing"] = marks
    return found


HEARSAY_ADVERBS = frozenset({"allegedly", "reportedly", "supposedly", "purportedly", "alleged", "reported", "supposed",
                             "purported"})
"""Distancing words that only attribute a statement to others: "allegedly mistreated" is "someone says they were"."""
_REPORTED = re.compile(r"\b(?:say|says|said|saying|tell|tells|told|according\s+to)\b", re.IGNORECASE)


def attributed_alike(mark: str, text: str, other: str) -> bool:
    """Whether the other side keeps the distance of ``mark`` (in ``text``): a word that only attributes ("allegedly",
    "reportedly") against a side that attributes in a reporting verb of its own ("who say they were treated badly"):
    one more "say"/"said"/"told"/"according to" there than in ``text``, inside quotation marks where the mark is inside
    them and outside where it is outside (a "said" that gives the whole quotation to its speaker attributes nothing
    inside it). A verb that doubts ("claimed" / "said") is not kept this way; any word of the mark's own root on the
    other side keeps it, noun or verb ("claims" / "claimed", "alleged" / "allegations")."""
    if mark[:1] not in "'‘" and any(w.startswith(mark.lower()[:5]) for w in words(other)):
        return True  # "following claims it mistreated" / "because of claims that it mistreated": the same word, noun or verb
    if mark.lower() not in HEARSAY_ADVERBS:
        return False
    at = text.lower().find(mark.lower())
    inside = any(s0 <= at < s1 for s0, s1 in quoted_spans(text))

    def count(t: str) -> int:
        spans = quoted_spans(t)
        return sum(any(s0 <= m.start() < s1 for s0, s1 in spans) == inside for m in _REPORTED.finditer(t))

    return count(other) > count(text)


_CHANCE = frozenset({"chance", "chances", "possibility", "possibilities", "risk", "risks", "likelihood", "odds", "danger",
                     "probability", "prospect", "hope", "hopes"})
"""Nouns that set a possibility for the clause after them ("a chance Inky could/will come home")."""
def chance_before(text: str, start: int, n: int = 4) -> bool:
    """Whether a possibility noun (``_CHANCE``) stands among the ``n`` words before ``start`` in its sentence."""
    head = re.split(r"[.!?;](?:\s|$)", text[:start])[-1]
    return bool(set(words(head)[-n:]) & _CHANCE)


def compounds(text: str) -> set[str]:
    """The crude stems of every two neighbouring words of ``text`` written as one ("wine skins" as "wineskins")."""
    ws = words(text)
    return {(x + y)[:5] for x, y in zip(ws, ws[1:], strict=False) if x.isalpha() and y.isalpha()}


def split_compound(hunk: str, other: str) -> set[str]:
    """The stems of the words of ``hunk`` that stand in ``other`` as one word with their neighbour ("wine skins" /
    "wineskins"): a spelling, not a word added."""
    ws, theirs = words(hunk), set(words(other))
    out: set[str] = set()
    for x, y in zip(ws, ws[1:], strict=False):
        if x + y in theirs:
            out |= {x[:5], y[:5]}
    return out


OPINION = re.compile(
    r"\b(?:predict|expect|forecast|estimat|anticipat|guess|suspect|reckon|assum|believ|think|thought|suppos|consider|"
    r"regard|doubt|fear|feel|felt|appear(?:s|ed)?\s+to\b|(?:see|sees|saw|seen|view|views|viewed)\b(?:\W+\w+){1,5}?\W+as)\w*\b",
    re.IGNORECASE)
"""Verbs that give a view or a forecast, not a fact ("predicted", "believe", "consider", "sees it as", "appeared to"): a side with one
already allows for doubt, so a possibility marker on the other side ("probably", "think") changes no certainty."""


def shared_runs(a: Sequence[str], b: Sequence[str], least: int) -> list[tuple[int, int, int]]:
    """Return (i, j, n): maximal runs a[i:i+n] == b[j:j+n] with n >= ``least``, in any order (a rewrite may move them)."""
    runs = []
    for i in range(len(a)):
        for j in range(len(b)):
            if (i and j and a[i - 1] == b[j - 1]) or a[i] != b[j]:
                continue  # not the start of a maximal run
            n = 0
            while i + n < len(a) and j + n < len(b) and a[i + n] == b[j + n]:
                n += 1
            if n >= least:
                runs.append((i, j, n))
    return runs
