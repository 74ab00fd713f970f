"""The hunk rules: an ordered list, one function per rule, tried until one names the hunk.

Each hunk (a run of deleted and inserted words between two unchanged stretches, ``compare.classify.hunks``)
gets at most one change. The rules are tried in the order of ``HUNK_RULES``, which follows
``CHANGE_TYPES`` (number, meaning, hedge, loaded language, quote, then wording), with one guard in front of
the specific rules: a hunk longer than ``ClassifySettings.max_words`` words on either side is a passage
reworded as a whole, too long to name one change (``compare.classify.passages`` then looks inside it). Every
type is decided from the words of the hunk itself, so a reader can check it against the highlighted text (the quote
rule also reads the whole quotation and the sentences around it, ``compare.classify.quotes``).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..records import Change, ChangeType
from .context import HunkContext, say
from .cues import (
    HEARSAY_ADVERBS,
    OPINION,
    attributed_alike,
    chance_before,
    hearsay,
    hedge_classes,
    written_names,
)
from .evaluation import (
    charge,
    degree,
    head_swapped,
    judged_by_someone,
    may_judge,
    noun_carries,
    possession_sense,
    quoted_word,
    strong,
    strong_valence,
)
from .lexicon import (
    BOOSTERS,
    EVALUATIVE_VERBS,
    FACTUAL_ADJECTIVES,
    HEDGES,
    MODAL_VERBS,
    NEGATIONS,
    NEGATIVE_POLARITY,
    content_stems,
    emotive_reason,
    is_function_word,
    polarity,
    word_tag,
    words,
)
from .modality import claim_told, withholds, without_quoting_style
from .numbers import number_change
from .passages import compound_parts, noun_swap
from .quotes import quote_change

__all__ = ["HUNK_RULES", "HunkContext", "WHOLE_PASSAGE", "classify_hunk"]

WHOLE_PASSAGE = "Passage reworded as a whole"
"""How the detail of a ``wording`` change for a whole reworded passage begins."""


def _number(c: HunkContext) -> Change | None:
    """A differing quantity inside a short hunk (long passages report theirs after all hunks)."""
    h = c.hunk
    for p, q in c.numbers:
        if h.a_start <= p.start < h.a_end or h.b_start <= q.start < h.b_end:
            if not c.long:
                c.numbers.remove((p, q))
                return number_change(c.ta, c.tb, p, q, c.a, c.b)
    return None


def _whole_passage(c: HunkContext) -> Change | None:
    if not c.long:
        return None
    return Change("wording", c.ta, c.tb, f"{WHOLE_PASSAGE} ({len(c.wa)} words in {c.a.name}, {len(c.wb)} in {c.b.name})."
                  + c.same_quantity_note())


def _negation(c: HunkContext) -> Change | None:
    """One side denies what the other asserts: a negation added or dropped, every other word of the clause the same.

    The scope is the negation's clause: the words around it (``negation_scope`` on each side, do-support aside)
    must stand in the same order on the other side without it, and the other side must not deny in another way
    ("few notice", "unless we win", "they fail to").
    """
    neg_a, neg_b = [w for w in c.wa if w in NEGATIONS], [w for w in c.wb if w in NEGATIONS]
    if len(neg_a) == len(neg_b):
        return None
    aux = {"do", "does", "did"}
    rest_a = [w for w in c.wa if w not in NEGATIONS and w not in aux]
    rest_b = [w for w in c.wb if w not in NEGATIONS and w not in aux]
    if rest_a != rest_b:
        return None
    all_a, all_b = words(c.a.text), words(c.b.text)
    if sum(w in NEGATIONS for w in all_a) == sum(w in NEGATIONS for w in all_b):
        return None
    denied_by_a = len(neg_a) > len(neg_b)
    negated, other = (all_a, all_b) if denied_by_a else (all_b, all_a)
    if NEGATIVE_POLARITY & set(other) or any(_negative_prefix(w) for w in other if w not in negated):
        return None  # "Few probably notice" / "They probably don't notice"; "unrealistic" / "not possible": both deny
    neg = (neg_a if denied_by_a else neg_b)[0]
    k, n = negated.index(neg), c.settings.negation_scope
    clause = [w for w in negated[max(0, k - n) : k + n + 1] if w not in NEGATIONS and w not in aux]
    if not _contains(other, clause):
        return None  # the words around the negation differ too: not the same statement denied
    side = c.a.name if denied_by_a else c.b.name
    return Change("meaning", c.ta, c.tb, f"“{neg}” is only in {side}: one source denies what the other asserts.")


def _negative_prefix(w: str) -> bool:
    """Whether ``w`` denies by its prefix ("unrealistic", "impossible"): the prefix and a word Brill's lexicon knows."""
    for pre in ("un", "im", "in", "ir", "il", "dis", "non"):
        if w.startswith(pre) and len(w) > len(pre) + 3 and word_tag(w[len(pre):]) and word_tag(w) in ("JJ", "RB", ""):
            return True
    return False


def _contains(seq: list[str], part: list[str]) -> bool:
    """Whether ``part`` stands in ``seq`` as one contiguous run, ignoring do-support and negations in ``seq``."""
    plain = [w for w in seq if w not in NEGATIONS and w not in ("do", "does", "did")]
    return any(plain[i : i + len(part)] == part for i in range(len(plain) - len(part) + 1))


def _key_noun(c: HunkContext) -> Change | None:
    """A key noun right after shared words swapped for one with a different charge ("economy" -> "war")."""
    if not (c.close and c.hunk.anchored):
        return None
    h = c.hunk
    names = written_names(c.a.text, h.a_start, h.a_end) | written_names(c.b.text, h.b_start, h.b_end) \
        | compound_parts(c.a.text, h.a_start, h.a_end) | compound_parts(c.b.text, h.b_start, h.b_end)
    swap = noun_swap(c.wa, c.wb, c.a, c.b, c.settings, names)
    return Change("meaning", c.ta, c.tb, swap) if swap else None


def _verb_kind(w: str) -> str:
    """The kind of word a certainty marker is: a modal verb, a verb of thought, or another word (adverb, adjective)."""
    return "modal" if w in ("will", "must", "may", "might", "could") else "thought" if w in MODAL_VERBS else "other"


def _hedge(c: HunkContext) -> Change | None:
    """A certainty or modality class on one side only (a side whose sentence gives a view or a forecast, ``OPINION``,
    already has the class ``possible``). A modal right after a possibility noun on both sides ("a chance he could" /
    "a chance he will") changes nothing: the noun hedges; and a word that only attributes ("allegedly", "reportedly")
    keeps the distance of an other side that attributes the same in a reporting verb ("who say they were ...")."""
    h = c.hunk
    ha, hb = hedge_classes(c.a.text, h.a_start, h.a_end), hedge_classes(c.b.text, h.b_start, h.b_end)
    full_a, full_b = hedge_classes(c.a.text), hedge_classes(c.b.text)
    if hearsay(c.a.text):
        full_a.setdefault("distancing", ["hearsay"])
    if hearsay(c.b.text):
        full_b.setdefault("distancing", ["hearsay"])
    if len(c.wa) == len(c.wb) == 1 and {*c.wa, *c.wb} & BOOSTERS:
        return None  # "really leapt" / "truly leapt": one emphasis word for another, no certainty changed
    for text, full in ((c.a.text, full_a), (c.b.text, full_b)):
        if OPINION.search(text):  # "predicted that he would not" / "would probably not": a forecast, hedged either way
            full.setdefault("possible", ["opinion"])
    only_a = {k: ws for k, ws in ha.items() if k not in full_b}
    only_b = {k: ws for k, ws in hb.items() if k not in full_a}
    for only, side, other in ((only_a, c.a, c.b), (only_b, c.b, c.a)):  # "some concern that it was not working" /
        for k in ("distancing", "possible"):  # "it seemed to fail": doubt either way
            if k in only and all(_verb_kind(w) != "modal" and withholds(other.text, side.text, w) for w in only[k]):
                del only[k]
    # Distancing counts wherever it stands; certain/possible only as a swap (will -> may) or when the
    # marker is all that was added or dropped ("probably"), since "will" also just marks the future.
    for found in (ha, hb):  # "will probably": the future, hedged; "will" itself vouches for nothing more
        if "possible" in found and "will" in found.get("certain", []):
            found["certain"].remove("will")
            if not found["certain"]:
                del found["certain"]
    swap = bool(ha) and bool(hb) and set(ha) != set(hb)
    kinds_a = {_verb_kind(w) for k, v in ha.items() if k != "distancing" for w in v}
    kinds_b = {_verb_kind(w) for k, v in hb.items() if k != "distancing" for w in v}
    if swap and not kinds_a & kinds_b:
        swap = False  # "will be insisting" / "believe", "probably" / "must": a verb against a word of another kind
    bare = len(c.wa) + len(c.wb) - sum(len(v) for v in (*ha.values(), *hb.values())) <= 1
    if bare and not swap and {w for k, v in (*ha.items(), *hb.items()) if k != "distancing" for w in v} <= MODAL_VERBS:
        bare = False  # a modal verb added or dropped on its own: ability or tense ("could only do"), not certainty
    if not (swap or bare):
        only_a = {k: v for k, v in only_a.items() if k == "distancing"}
        only_b = {k: v for k, v in only_b.items() if k == "distancing"}
    only_a = without_quoting_style(only_a, c.a, c.b, c.settings)
    only_b = without_quoting_style(only_b, c.b, c.a, c.settings)
    if chance_before(c.a.text, h.a_start) and chance_before(c.b.text, h.b_start):
        for only in (only_a, only_b):  # "a chance he could come home" / "a chance he will": the chance is the hedge
            only.pop("certain", None), only.pop("possible", None)
    for only, side, other, (start, end) in ((only_a, c.a, c.b, (h.a_start, h.a_end)), (only_b, c.b, c.a, (h.b_start, h.b_end))):
        told = [m for m in only.get("distancing", []) if claim_told(side.text, m, start, end, other.text)
                and not attributed_alike(m, side.text, other.text)]
        if not told:
            only.pop("distancing", None)  # the other side does not tell the claim at all: nothing is vouched for there
        else:
            only["distancing"] = told
    if not (only_a or only_b):
        return None
    parts = [f"“{ws[0]}” ({k}) only in {c.a.name}" for k, ws in sorted(only_a.items())]
    parts += [f"“{ws[0]}” ({k}) only in {c.b.name}" for k, ws in sorted(only_b.items())]
    return Change("hedge", c.ta, c.tb, "Certainty changes: " + "; ".join(parts) + ".")


def _loaded(c: HunkContext) -> Change | None:
    """An evaluative word whose evaluation the other side does not carry: neutral against charged, or the opposite polarity.

    The other side is neutral only when it provably is: its words in the hunk are there (a swap) and none of them
    could judge (no adjective, adverb or word the lexicons do not know), or the charged word is all that was added
    or dropped (at most ``loaded_bare_words`` words) and judges strongly (``strong``: two lexicons agree). A word
    written with a capital inside a sentence is a name; a synonym in the same slot ("awful" / "terrible", "piggery" /
    "beastly") is wording, and so is an adjective whose noun is swapped too for one noun ("unfair governments" /
    "regimes"), unless it judges strongly.
    """
    s = c.settings
    stems_a, stems_b = content_stems(c.a.text), content_stems(c.b.text)
    names_a = written_names(c.a.text, c.hunk.a_start, c.hunk.a_end)
    names_b = written_names(c.b.text, c.hunk.b_start, c.hunk.b_end)
    for w, side, own, other_stems, other, names, theirs in [
        *((w, c.a, c.wa, stems_b, c.b, names_a, c.wb) for w in c.wa),
        *((w, c.b, c.wb, stems_a, c.a, names_b, c.wa) for w in c.wb),
    ]:
        if w[:5] in other_stems or is_function_word(w) or w in names or quoted_word(side, w):
            continue  # inside quotation marks the word is the speaker's, not the writer's ("toxic overload")
        why = emotive_reason(w, s.emotive_valence, s.emotive_emotions, vader_floor=s.nrc_vader_floor)
        if not why or w in FACTUAL_ADJECTIVES:
            continue
        own_stems = {x[:5] for x in own}
        slot = [x for x in theirs if not is_function_word(x) and x[:5] not in own_stems]
        this_side = content_stems(side.text, adverbs=True)
        unmatched = [x for x in words(other.text) if x[:5] not in this_side]  # "praised the work" / "said it was great"
        if polarity(w) in {polarity(x, nrc_needs="disgust") for x in slot + unmatched}:
            continue  # the other side judges the same way ("troublemakers" / "antisocial people")
        if w in EVALUATIVE_VERBS and any(HEDGES.get(x) == "distancing" or x in HEARSAY_ADVERBS for x in slot):
            continue  # "the touted 200,000" / "the supposed 200,000": a word of distance in its place judges alike
        flip = bool(charge(slot, s))
        if degree(side.text, w) or (noun_carries(side.text, w) and not strong_valence(w, s)):
            continue  # "an awful lot", "a great deal", "a terrible earthquake": a degree, not a judgement
        verb = w in EVALUATIVE_VERBS  # "slammed" / "spoke of": a plain reporting verb in its slot judges nothing
        if verb and (possession_sense(side.text, w, theirs) or not any(
                judged_by_someone(side.text, m.start()) for m in re.finditer(rf"\b{re.escape(w)}\b", side.text, re.I))):
            continue  # "which boasts more than a dozen observatories" / "which has": having, not speaking
        if not flip and any(word_tag(x) == "FW" for x in theirs):
            continue  # a foreign phrase in its place ("tour de force") judges in words the lexicons do not rate
        if not flip and any(may_judge(x) and not (verb and word_tag(x).startswith("VB")) for x in slot):
            continue  # the other side may well say the same in words the lexicons do not rate
        if not flip and slot and head_swapped(side.text, w, other.text) and all(word_tag(x) in ("NN", "NNS") for x in slot) \
                and not strong_valence(w, s):
            continue  # "unfair governments" / "regimes": one noun for adjective and noun may carry the judgement itself
        if not slot and not (len(own) <= s.loaded_bare_words and strong(w, s)):
            continue  # an added description ("the second least successful"), not a judgement of the same thing
        other_words = c.tb if side is c.a else c.ta
        then = "an evaluation in the opposite direction" if flip else "no such evaluation"
        return Change("loaded_language", c.ta, c.tb, f"“{w}” in {side.name} is an evaluative or emotive word ({why}); "
                      f"{other.name} has {say(other_words)} instead: {then}.")
    return None


def _wording(c: HunkContext) -> Change:
    """Any other word change; the detail says only what the highlighted words cannot show (often nothing)."""
    detail = ""
    if c.faithful_to:
        detail = (f"The quotation has the words of {' and '.join(c.faithful_to)} here: a difference between translations "
                  f"of the statement, not a misquotation.")
    return Change("wording", c.ta, c.tb, (detail + c.same_quantity_note()).strip())


HUNK_RULES: tuple[tuple[ChangeType, Callable[[HunkContext], Change | None]], ...] = (
    ("number", _number),
    ("wording", _whole_passage),
    ("meaning", _negation),
    ("meaning", _key_noun),
    ("hedge", _hedge),
    ("loaded_language", _loaded),
    ("quote", quote_change),
    ("wording", _wording),
)
"""The rules in the order they are tried, each with the type it names."""


def classify_hunk(c: HunkContext) -> Change | None:
    """Return the change the first matching rule names, or None when only punctuation or capitals differ.

    The rules of a type in ``ClassifySettings.record_only`` are tried only when a side of the link is a record."""
    if c.wa == c.wb:
        return None
    for kind, rule in HUNK_RULES:
        if kind in c.settings.record_only and not c.has_record:
            continue  # a changed claim, certainty or evaluation needs a record to stand against
        change = rule(c)
        if change is not None:
            return change
    return None  # unreachable: the last rule always names a change
