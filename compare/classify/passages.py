"""Changes named inside a passage reworded as a whole, and the key-noun swap that ``meaning`` shares with it."""

from __future__ import annotations

import re
from collections.abc import Sequence, Set

from ..records import Change
from ..settings import ClassifySettings
from .cues import WORDS, attributed_alike, distancing_marks, hearsay, quoted_spans, shared_runs, written_names
from .evaluation import judged_by_someone
from .hunks import Hunk, Side
from .lexicon import EVALUATIVE_VERBS, content_stems, is_noun, nrc_emotions, polarity, stem, vader_valence, words
from .modality import claim_told, withholds, without_quoting_style

__all__ = ["anchored_swap", "distancing_in_passage", "judging_frame", "judging_verbs_in_passage", "noun_swap"]


def distancing_in_passage(h: Hunk, a: Side, b: Side, s: ClassifySettings) -> list[Change]:
    """A distancing marker inside a passage reworded as a whole still counts: a hedge change with just that marker.

    Scare quotes count only when a secondary source puts them around what a record says (as in the hunk rule).
    """
    out = []
    for side, (start, end), other in ((a, (h.a_start, h.a_end), b), (b, (h.b_start, h.b_end), a)):
        if distancing_marks(other.text) or hearsay(other.text):
            continue
        marks = without_quoting_style({"distancing": distancing_marks(side.text, start, end)}, side, other, s).get("distancing", [])
        for mark in dict.fromkeys(marks):
            if not claim_told(side.text, mark, start, end, other.text) or attributed_alike(mark, side.text, other.text) \
                    or withholds(other.text, side.text, mark):
                continue  # "each claimed to be the more handsome" / "disputing about their good looks": no claim told there
            pair = (mark, "") if side is a else ("", mark)
            said = f"quotation marks around “{mark[1:-1]}”" if mark[0] in "'‘" else f"“{mark}”"
            out.append(Change("hedge", *pair, f"{said[0].upper()}{said[1:]} (distancing) only in {side.name}: it reports "
                              f"the words without vouching for them; {other.name} has no such marker."))
    return out


def judging_verbs_in_passage(h: Hunk, a: Side, b: Side, s: ClassifySettings) -> list[Change]:
    """A writer's own verb that judges what was said ("slammed"), outside quotation marks, inside a passage reworded as a
    whole: a ``loaded_language`` change with just that verb, when the other side judges nothing the same way."""
    out = []
    for side, (start, end), other, other_words in ((a, (h.a_start, h.a_end), b, h.b), (b, (h.b_start, h.b_end), a, h.a)):
        quoted = side.quoted if side.quoted is not None else quoted_spans(side.text)
        other_charge = {polarity(w, nrc_needs="disgust") for w in words(other_words)}  # "hailed as a boon" / "very welcome"
        for m in WORDS.finditer(side.text, start, end):
            w = m.group().lower()
            if w not in EVALUATIVE_VERBS or polarity(w) in other_charge or any(q0 <= m.start() < q1 for q0, q1 in quoted):
                continue
            if _MOVEMENT.match(side.text[m.end() :]) or not judged_by_someone(side.text, m.start()):
                continue  # "slammed through the ice", "grain blasted": no verdict on a statement
            pair = (m.group(), "") if side is a else ("", m.group())
            out.append(Change("loaded_language", *pair, f"“{m.group()}” in {side.name} is {side.name}'s own verdict on "
                              f"what was said (a reporting verb that judges it, {EVALUATIVE_VERBS[w]}); {other.name} "
                              f"reports the statement without it."))
            break
    return out


_MOVEMENT = re.compile(r"\s+(?:through|into|against|onto|on|down|shut|open|the\s+door|the\s+brakes)\b")


def judging_frame(frame: str, side: Side, other: Side, s: ClassifySettings) -> Change | None:
    """A ``loaded_language`` change for the sentence that introduces a quotation: "He also slammed Western countries
    ..." right before a quotation that ``side`` links to the record ``other``.

    ``frame`` is the secondary source's sentence before the quotation, linked to nothing itself. Its reporting verb
    that judges what was said (outside quotation marks) is the source's own verdict on the statement that follows,
    when the record has no such verb of its own (the speaker's own harsh words, "beastly", are what the verb judges:
    they do not make it the record's verdict). The change's ``a``/``b`` are the verb and nothing.
    """
    if side.kind in s.record_kinds or other.kind not in s.record_kinds or side.text.lstrip()[:1] not in ("“", "\"", "«", "„"):
        return None
    quoted = quoted_spans(frame)
    other_verdict = {polarity(w) for w in words(other.text) if w in EVALUATIVE_VERBS}  # the record's own verdict, if any
    for m in WORDS.finditer(frame):
        w = m.group().lower()
        if w not in EVALUATIVE_VERBS or polarity(w) in other_verdict or any(q0 <= m.start() < q1 for q0, q1 in quoted):
            continue
        if _MOVEMENT.match(frame[m.end() :]) or not judged_by_someone(frame, m.start()):
            continue
        return Change("loaded_language", m.group(), "", f"“{m.group()}” in {side.name}'s sentence before the quotation "
                      f"(“{frame.strip()}”) is {side.name}'s own verdict on what was said (a reporting verb that judges "
                      f"it, {EVALUATIVE_VERBS[w]}); {other.name} records the statement without it.")
    return None


def _grave(noun: str, s: ClassifySettings) -> str | None:
    """Why ``noun`` names something grave (war, death), per VADER; None for a neutral or pleasant noun.

    The NRC associations are not used here: they link "prey", "bacteria" and "government" with fear.
    """
    v = vader_valence(noun)
    if v is not None and v <= -s.grave_valence:
        return f"VADER sentiment lexicon rates it {v:+.1f} on a -4..+4 scale"
    return None


_GLOOMY = frozenset({"negative", "sadness", "anger", "disgust"})
"""NRC associations that make a word grave enough for the other side of a noun swap ("calamity": sadness)."""


def _negative(word: str) -> bool:
    """Whether ``word`` is unpleasant by either lexicon: then a grave noun on the other side is no change of weight
    ("harm" / "calamity"). Generous on purpose: it can only keep a ``meaning`` change from being named."""
    return polarity(word) < 0 or bool(_GLOOMY & set(nrc_emotions(word)))


_SUBORDINATORS = frozenset({"when", "while", "after", "before", "if", "since", "because", "although", "though", "until",
                            "unless", "whenever", "once", "where"})
"""Words that open a clause of time, cause or condition: a charged noun inside one the other side lacks is an added
circumstance, not the key noun swapped."""


_GENERAL_NOUNS = frozenset({
    "thing", "things", "stuff", "person", "persons", "people", "man", "men", "woman", "women", "body", "bodies", "place",
    "places", "creature", "creatures",
})
"""The general nouns of English for people, things and places (Halliday and Hasan 1976, 6.4: "thing", "person",
"place"), which stand for a more specific noun said before or around them: a charged noun swapped for one of them
alone ("his naked corpse" / "his naked body") names the same thing in a general word, not a different thing. The
abstract ones ("matter", "affair", "incident") are left out: "the murder" / "the parking matter", "the attack" /
"the incident" say something else."""


_COMPOUND = re.compile(r"\b\w+(?:-\s?\w+)+")


def compound_parts(text: str, start: int = 0, end: int | None = None) -> set[str]:
    """Return the words of the hyphenated compounds of ``text`` that overlap text[start:end] ("category-killers", and
    "category- killers" with a stray space): a part is no key noun, the compound is one thing ("killers" is charged,
    "category-killers" are businesses)."""
    end = len(text) if end is None else end
    return {w.lower() for m in _COMPOUND.finditer(text) if m.start() < end and m.end() > start
            for w in re.findall(r"\w+", m.group())}


def noun_swap(
    wa: Sequence[str], wb: Sequence[str], a: Side, b: Side, s: ClassifySettings, names: Set[str] = frozenset()
) -> str | None:
    """Say how a key noun changed between the words ``wa`` and ``wb`` (one grave, one not), or None.

    ``names``: words written as names (a capital inside a sentence), which are never key nouns ("John"). A charged noun
    after a clause opener (``_SUBORDINATORS``) that the other side's words lack is an added circumstance: None.
    """
    stems_a, stems_b = content_stems(a.text), content_stems(b.text)
    roots_a, roots_b = {stem(w) for w in words(a.text)}, {stem(w) for w in words(b.text)}
    # a noun whose root the other side has in another form ("a ban" / "could have banned") names the same thing
    nouns_a = [w for w in wa if is_noun(w) and w[:5] not in stems_b and stem(w) not in roots_b and w not in names]
    nouns_b = [w for w in wb if is_noun(w) and w[:5] not in stems_a and stem(w) not in roots_a and w not in names]
    if not (nouns_a and nouns_b):
        return None
    charged = {w: _grave(w, s) for w in (*nouns_a, *nouns_b)}
    ca = [w for w in nouns_a if charged[w]]
    cb = [w for w in nouns_b if charged[w]]
    if bool(ca) == bool(cb):
        return None
    if any(_negative(w) for w in (wb if ca else wa)):
        return None  # "corpse" / "dead body", "death" / "explosions": the other side is grave too, in other words
    if all(w in _GENERAL_NOUNS for w in (nouns_b if ca else nouns_a)):
        return None  # "his naked corpse" / "his naked body": a general noun for the same thing, not another thing
    # the head of an English noun phrase comes last: "in terms of the economy" is about the economy
    x, y = (ca[0], nouns_b[-1]) if ca else (nouns_a[-1], cb[0])
    hot = x if ca else y
    own, theirs = (wa, wb) if ca else (wb, wa)
    if set(own[: list(own).index(hot)]) & (_SUBORDINATORS - set(theirs)):
        return None  # "cannot bid for the contract" / "when the disaster happened cannot run it": an added circumstance
    return (f"The key word changes from “{x}” ({a.name}) to “{y}” ({b.name}), a different thing: “{hot}” is charged "
            f"({charged[hot]}), the other is not.")


def anchored_swap(h: Hunk, a: Side, b: Side, s: ClassifySettings) -> Change | None:
    """Inside a passage reworded as a whole: the same words (3 or more, one a content word) followed by a different key noun.

    "people will forget this happened, in terms of the economy" / "people will forget about the war": both say
    "people will forget", what is forgotten differs. ``a``/``b`` of the change are the words after the shared ones.
    """
    ta = [(m.group().lower(), m.start(), m.end()) for m in WORDS.finditer(h.a)]
    tb = [(m.group().lower(), m.start(), m.end()) for m in WORDS.finditer(h.b)]
    runs = shared_runs([t[0] for t in ta], [t[0] for t in tb], 3)
    starts_a, starts_b = {i for i, _, _ in runs}, {j for _, j, _ in runs}

    def window(tokens: list[tuple[str, int, int]], k: int, starts: set[int]) -> list[tuple[str, int, int]]:
        end = k
        while end < min(len(tokens), k + s.object_words) and end not in starts:
            end += 1  # the words after the shared run, up to the next shared run
        return tokens[k:end]

    for i, j, n in runs:
        shared = [t[0] for t in ta[i : i + n]]
        if not content_stems(" ".join(shared)):
            continue
        after_a, after_b = window(ta, i + n, starts_a), window(tb, j + n, starts_b)
        if not after_a or not after_b:
            continue
        names = written_names(h.a, 0, len(h.a)) | written_names(h.b, 0, len(h.b)) | compound_parts(h.a) | compound_parts(h.b)
        swap = noun_swap([t[0] for t in after_a], [t[0] for t in after_b], a, b, s, names)
        if swap:
            wa = h.a[after_a[0][1] : after_a[-1][2]]
            wb = h.b[after_b[0][1] : after_b[-1][2]]
            return Change("meaning", wa, wb, f"Both say “{' '.join(shared)}”, then differ. " + swap)
    return None
