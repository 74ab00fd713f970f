"""The ``quote`` rule: words inside a secondary source's quotation marks that differ from every record of the statement."""

from __future__ import annotations

import difflib
import re

from ..records import Change
from .context import HunkContext, say
from .cues import compounds, inside_spans, quoted_spans, split_compound
from .hunks import Side
from .lexicon import (
    ATTENTION_WORDS,
    BOOSTERS,
    CONNECTIVES,
    EMPHATICS,
    FOCUS_PARTICLES,
    INDEFINITE_WORDS,
    INFORMAL_SPELLINGS,
    NEGATIONS,
    base_form,
    content_stems,
    is_function_word,
    stem,
    word_tag,
    words,
)
from .sameness import (
    abbreviates,
    amount_words,
    approximator_swap,
    bracketed,
    clipped,
    comparator_words,
    degree_swap,
    degree_words,
    derived,
    frame_words,
    fuller_name,
    light_verbs,
    same_characters,
    same_quantities,
    spelt_out,
)

__all__ = ["quote_change"]


def _content(ws: list[str]) -> list[str]:
    """The words of ``ws`` that can carry what was said: no function word (nor its spoken spelling, "cos"), digit,
    connective, focus particle or booster ("very", "remarkably": ``BOOSTERS``, emphasis only)."""
    return [w for w in dict.fromkeys(ws) if not is_function_word(INFORMAL_SPELLINGS.get(w, w)) and not w.isdigit()
            and w not in CONNECTIVES and w not in FOCUS_PARTICLES and w not in INDEFINITE_WORDS and w not in BOOSTERS]


_NAME = re.compile(r"\b[A-Z][a-z]+\b")


def _vocabulary(text: str) -> tuple[set[str], set[str], set[str], set[str]]:
    """The crude stems and the Snowball stems of the content words of ``text`` (two words written as one included),
    its capitalised words, lower-cased, and its words."""
    ws = [base_form(w) for w in words(text)]
    names = {m.group(0).lower() for m in _NAME.finditer(text)}
    return content_stems(text, adverbs=True) | compounds(text), {stem(w) for w in ws}, names, set(ws)


_NEGATING_AFFIXES = frozenset({"un", "in", "im", "ir", "il", "dis", "non", "less", "anti"})


def _compound_of(w: str, x: str) -> bool:
    """Whether one of ``w`` and ``x`` is the other with a word of three letters or more joined before or after it
    ("road" / "roadside", "work" / "workplace"): the same thing in a compound, unless what is joined negates ("care" /
    "careless")."""
    short, long_ = sorted((w, x), key=len)
    if len(short) < 4 or len(long_) - len(short) < 2:
        return False
    rest = long_[len(short):] if long_.startswith(short) else long_[: -len(short)] if long_.endswith(short) else None
    return rest is not None and rest not in _NEGATING_AFFIXES and len(rest) >= 3 and not is_function_word(rest) \
        and word_tag(rest) != ""  # the joined part is a word itself ("side"), not an affix ("al-ways", "en-courage")


def _absent(w: str, vocabulary: tuple[set[str], set[str], set[str], set[str]], names: set[str]) -> bool:
    """Whether ``w`` is in none of its forms in ``vocabulary``: neither its crude stem nor its Snowball stem
    ("keeps" / "keep", "enemies" / "enemy", "feet" / "foot": another inflection of one word is no other word), nor,
    for a name (``names``: capitalised in its text), another spelling of it, one letter in five apart at most ("Imla" /
    "Imlah", "Shophach" / "Shobach": a transliteration, not another person), nor, for a word no lexicon knows, another
    unknown word three letters in four alike ("lama" / "lima"), nor a compound of it ("road" / "roadside"; not with a
    negating part, "care" / "careless")."""
    crude, stems, theirs, all_words = vocabulary
    if base_form(w)[:5] in crude or stem(base_form(w)) in stems:
        return False
    if any(abbreviates(w, x) or abbreviates(x, w) or clipped(w, x) or clipped(x, w) for x in all_words):
        return False  # "sq km" / "square kilometres", "e-cigs" / "e-cigarettes": the same words shortened
    if INFORMAL_SPELLINGS.get(w) in all_words or any(INFORMAL_SPELLINGS.get(x) == w for x in all_words):
        return False  # "gonna" / "going to": one word in its spoken spelling
    if any(_compound_of(w, x) for x in all_words if not is_function_word(x)):
        return False  # "road" / "roadside": the same word in a compound
    if any(derived(w, x) for x in all_words):
        return False  # "sensory" / "the senses": one word in another part of speech
    if w in names and any(difflib.SequenceMatcher(None, w, x).ratio() >= 0.8 for x in theirs):
        return False
    # a word no lexicon knows, against another unknown one that close: one transliteration spelt two ways ("lama"/"lima")
    return not (word_tag(w) == "" and len(w) >= 4 and any(
        word_tag(x) == "" and difflib.SequenceMatcher(None, w, x).ratio() >= 0.75 for x in stems))


_NOUN_TAGS = ("NN", "NNS", "NNP", "NNPS", "")


def _frames_shared_noun(hunk: str, start: int, side: str, other_hunk: str) -> bool:
    """Whether ``hunk`` (at ``start`` in ``side``) only adds a noun that frames a noun both sides have at this spot,
    the other side's words here being no more than that noun: a head joined by "of" to the noun right after ("the land
    of Egypt" / "Egypt", "the children of Israel" / "Israel", "the point of birth" / "the birth"), or a noun right after
    it that makes one compound with it ("the Sabbath day" / "the Sabbath"). The added noun names the same thing in a
    fuller form, and says nothing the other side does not."""
    hw, ow = words(hunk), words(other_hunk)
    if not hw or any(not is_function_word(w) and w not in hw for w in ow):
        return False  # the other side has words of its own here: a substitution, not a fuller name
    content = [i for i, w in enumerate(hw) if not is_function_word(w)]
    if not content or word_tag(hw[content[0]]) not in ("NN", "NNS"):
        return False
    head, rest = content[0], content[1:]
    after = [w for w in words(side[start + len(hunk):]) if not is_function_word(w)][:1]
    if head + 1 < len(hw) and hw[head + 1] == "of":
        framed = [hw[i] for i in rest] or after
        return len(framed) == 1 and (framed[0] in ow or not rest) and word_tag(framed[0]) in _NOUN_TAGS
    before = words(side[:start])[-1:]
    return not rest and bool(before) and not is_function_word(before[0]) and word_tag(before[0]) in _NOUN_TAGS \
        and len(hw) == 1  # "the Sabbath day": one noun after a noun both sides have


_SPEECH_TAG = re.compile(r"(?:(?:he|she|they|[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)\s+(?:said|says|added|adds|told\s+\w+)|"
                         r"(?:said|says|added|adds)\s+(?:[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?|he|she|they))")
"""A speech tag ("said Entwisle", "she added", "Mr Smith told reporters") as the whole of a hunk inside quotation marks."""


_DISCOURSE = re.compile(
    r"\b(?:(?:first|last) of all|above all|after all|at last|(?:in )?(?:doing|do|does|did|done) so"
    r"|on the (?:one|other) hand|in other words|by the way"
    r"|(?:this|that|these|those) things?"
    r"|it (?:will |shall |would )?(?:happens?|happened)(?=,? (?:when|that|if|as)\b))\b",
    re.IGNORECASE)
"""Phrases that order, resume or point without content of their own: "last of all" (as "afterward"), "on the other
hand", "in other words" (connectives: how one clause stands to the last), "in doing so"
(the clause before, resumed), "this thing" (a pro-form for what was named), "it will happen, when" (an empty subject
before the clause that says what happens)."""


def _discourse_words(text: str, start: int, end: int) -> set[str]:
    """The words of the discourse phrases (``_DISCOURSE``) of ``text`` that overlap text[start:end], lower-cased."""
    return {w for m in _DISCOURSE.finditer(text) if m.start() < end and start < m.end() for w in words(m.group())}


def _foreign_phrase(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] stands in a phrase of another language: a word right before or after it, written in
    lower case, that no lexicon knows ("lama sabachthani"; the rule asks it of both sides). Transliterations are spelt
    in many ways."""
    before = re.findall(r"[^\W\d_]+", text[max(0, start - 30) : start])[-1:]
    after = re.findall(r"[^\W\d_]+", text[end : end + 30])[:1]
    return any(w.islower() and len(w) > 3 and word_tag(w) == "" for w in before + after)


_OCCUR = frozenset({"occur", "occurs", "occurred", "happen", "happens", "happened", "exist", "exists", "existed"})
_THERE_BE = re.compile(r"\bthere\s+(?:\w+\s+){0,2}?(?:is|are|was|were|be|been|will|would|might|may|could)\b",
                       re.IGNORECASE)


def _existential(added: list[str], other: str) -> bool:
    """Whether the only word of ``added`` is a verb of occurrence ("a riot occur") against "there" + "be" on the other
    side ("there might be a riot"): two ways to say that something is, or takes place."""
    return len(added) == 1 and added[0] in _OCCUR and bool(_THERE_BE.search(other))


def _negation_of_time(dropped: list[str], here: str, there: str) -> bool:
    """Whether the only word of ``dropped`` is the "more" or "longer" of a negation ("no more", "not any longer")
    against a plain negation on the other side: both deny, the word only says from when."""
    ws = words(here)
    return dropped in (["more"], ["longer"]) and any(w in NEGATIONS for w in words(there)) and any(
        x in ("more", "longer") and i > 0 and ws[i - 1] in ("no", "any") for i, x in enumerate(ws))


_HORTATIVE = re.compile(r"\blet\s+(?:him|her|them|us|it|me)\b", re.IGNORECASE)


def _hortative(w: str, said: str) -> bool:
    """Whether ``w`` is the "let" of a command in the third or first person ("Let him seek peace" / "Seek peace"): the
    person and mood of the command change, not what it says."""
    return w == "let" and bool(_HORTATIVE.search(said))


def _same_referent(names: list[str], other_hunk: str) -> bool:
    """Whether the only content words on one side are nouns or names standing where the other side has a pronoun
    ("them" / "the Philistines", "you" / "Yahweh"), the other side's words there being grammatical words only: the
    referent is made explicit, nothing else is said ("courage" / "in his heart to pray" is another word)."""
    theirs = words(other_hunk)
    return bool(names) and all(word_tag(w).startswith("NN") or word_tag(w) == "" for w in names) \
        and any(word_tag(w) in ("PRP", "PRP$") for w in theirs) and all(is_function_word(w) for w in theirs)


_ATTENTION = re.compile(r"(?:^|(?<=[“‘\"'(\[:;,.!?—–])\s*)(?P<w>[^\W\d_]+)(?=\s*,)", re.UNICODE)


def _attention_words(text: str, start: int, end: int) -> set[str]:
    """The interjections and attention words (``ATTENTION_WORDS``) of ``text`` that open a clause before a comma
    ("Look, here is", "‘Listen, we", "Well, I") and overlap text[start:end], lower-cased: they call attention, and add
    nothing to what is said."""
    return {m.group("w").lower() for m in _ATTENTION.finditer(text)
            if m.group("w").lower() in ATTENTION_WORDS and m.start("w") < end and start < m.end("w")}


_EMPHATIC_NEGATION = re.compile(r"\b(?:by no means|in no (?:way|wise|sense)|not at all|not in the least)\b",
                                re.IGNORECASE)


def _emphatic_negation(text: str, start: int, end: int, other: str) -> set[str]:
    """The words of an emphatic negation in ``text`` ("by no means", "in no way", "not at all") that overlap
    text[start:end], when ``other`` (the other side's words there) negates too ("will not pass away"): the same denial,
    only stressed."""
    if not any(w in NEGATIONS for w in words(other)):
        return set()
    return {w for m in _EMPHATIC_NEGATION.finditer(text) if m.start() < end and start < m.end() for w in words(m.group())}


_INDEFINITE_COMPOUND = re.compile(r"\b(any|no|every|some)(one|body|thing|where)\b", re.IGNORECASE)
_INDEFINITE_PHRASE = re.compile(r"\b(?:(any|no|every|some)\s+(man|person|one|thing|place)|(all)\s+(men|people|persons|things"
                                r"|places))\b", re.IGNORECASE)
"""A determiner and a general noun: singular after "any", "no", "every", "some" ("any man"); plural after "all" ("all
people", as "everyone"). "some people" is not "someone": the number differs."""
_KIND = {"one": "person", "body": "person", "man": "person", "men": "person", "person": "person", "persons": "person",
         "people": "person", "thing": "thing", "things": "thing", "where": "place", "place": "place", "places": "place"}


def _indefinites(text: str, start: int, end: int) -> dict[tuple[str, str], set[str]]:
    """The indefinite pronouns of ``text`` overlapping text[start:end], each as (determiner, kind of referent) with its
    words: "anyone" and "any man" are both ("any", "person"), "nowhere" and "no place" ("no", "place"), "everyone"
    and "all people" ("every", "person")."""
    found: dict[tuple[str, str], set[str]] = {}
    for rx in (_INDEFINITE_COMPOUND, _INDEFINITE_PHRASE):
        for m in rx.finditer(text):
            if m.start() < end and start < m.end():
                det, noun = [g.lower() for g in m.groups() if g][:2]
                key = ("every" if det == "all" else det, _KIND[noun])
                found.setdefault(key, set()).update(words(m.group()))
    return found


def _same_indefinite(here: str, h_start: int, h_end: int, there: str, t_start: int, t_end: int) -> set[str]:
    """The words of the indefinite pronouns that both sides have in one form or another at this spot ("anyone" /
    "any man", "nowhere" / "no place"): one pronoun in two forms, not another word."""
    mine, theirs = _indefinites(here, h_start, h_end), _indefinites(there, t_start, t_end)
    return {w for k in mine.keys() & theirs.keys() for w in mine[k] | theirs[k]}


def _emphasis_only(content: list[str], hunk_words: list[str]) -> bool:
    """Whether every word of ``content`` is an emphasizer (``EMPHATICS``), a "most" only before another one ("most
    certainly"; "the most important" ranks, it does not stress)."""
    return all(w in EMPHATICS and (w != "most" or any(
        x == "most" and i + 1 < len(hunk_words) and hunk_words[i + 1] in EMPHATICS - {"most"}
        for i, x in enumerate(hunk_words))) for w in content)


def quote_change(c: HunkContext) -> Change | None:
    """Words inside a secondary source's quotation marks that differ from every record of the statement.

    Only on a near-verbatim link to a record whose words there are speech (a transcript, or a readout's own quoted
    words), and only for content words (adverbs included: a dropped "almost" counts; connectives, focus particles,
    interjections and indefinite words, "then", "even", "behold", "anyone", do not) that the other side does not have
    at all, in any form: a word the quotation has anywhere (the whole quotation, and the sentences before and after,
    ``Side.nearby``) is not missing; another inflection ("keeps" / "keep"), an irregular form ("came" / "come"), two
    words written as one ("wine skins" / "wineskins"), a name or an unknown word spelt another way ("Imla" / "Imlah",
    "lama" / "lima"), a word and its compound ("road" / "roadside") and a name for a pronoun ("them" / "the
    Philistines") are the same words; a word the record's speaker says anywhere in the speech (``Side.speech``) is not
    added; phrases that order, resume or point ("last of all", "in doing so", "this thing"), an attention word opening
    a quoted clause ("Look, here he is"), one indefinite pronoun in two forms ("anyone" / "any man") and the "let" of a
    third-person command are no content; one emphasizer for another ("Truly" / "Most certainly") and an emphatic
    negation against a plain one ("by no means" / "not") say the same (an emphasizer added or dropped alone still
    counts); a noun that only frames a shared noun ("the land of Egypt" / "Egypt"), "no
    more" against "not", "occur" against "there ... be" and a transliteration inside a phrase of another language
    change nothing. The transcript and the readout are two translations: when the
    quoted words are those of another record linked to the same sentences, the quote is faithful (``wording``, and the
    detail says whose words they are).
    """
    a, b, h = c.a, c.b, c.hunk
    if not c.verbatim:
        return None
    qa = a.quoted if a.quoted is not None else quoted_spans(a.text)
    qb = b.quoted if b.quoted is not None else quoted_spans(b.text)
    in_a = inside_spans(qa, h.a_start, h.a_end, a.text)
    in_b = inside_spans(qb, h.b_start, h.b_end, b.text)
    rec = c.settings.record_kinds
    if not ((in_a and a.kind not in rec and b.kind in rec) or (in_b and b.kind not in rec and a.kind in rec)):
        return None
    quoting: Side = a if in_a and a.kind not in rec else b
    other: Side = b if quoting is a else a
    said, instead = (h.a, h.b) if quoting is a else (h.b, h.a)
    if other.kind not in c.settings.speech_kinds and not (in_b if other is b else in_a):
        return None  # the record narrates here: no record of the words to differ from
    # a word the record's speaker says anywhere in the speech is not one the quotation added: the detail says "not in" it
    theirs = _vocabulary(f"{other.text} {other.nearby} {other.speech}")
    ours = _vocabulary(f"{quoting.text} {quoting.nearby}")
    names = theirs[2] | ours[2]
    q_start, o_start = (h.a_start, h.b_start) if quoting is a else (h.b_start, h.a_start)
    o_end, q_end = o_start + len(instead), q_start + len(said)
    glosses = (bracketed(quoting.text, q_start, q_end) or not said.strip(),
               bracketed(other.text, o_start, o_end) or not instead.strip())
    if same_characters(said, instead) or all(glosses) and bool(said.strip() + instead.strip()):
        return None  # "VO 2" / "VO2": spacing only; "[the man who ...]" / "[the engineer ...]": the editor's words
    if re.fullmatch(r"[\s,;:]*(?:…|\.\s?\.\s?\.)[\s,;:]*", said) and instead.strip():
        return None  # "Jammu and Kashmir … as": a cut the quotation marks as one, no word changed
    if not said.strip(" ,.;:") and _SPEECH_TAG.fullmatch(instead.strip(" ,.;:")):
        return None  # ", said Entwisle" read inside a quotation the record never closed: the tag, not the words
    ordering = _discourse_words(other.text, o_start, o_end) | _discourse_words(quoting.text, q_start, q_end) \
        | _attention_words(other.text, o_start, o_end) | _attention_words(quoting.text, q_start, q_end) \
        | _emphatic_negation(other.text, o_start, o_end, said) | _emphatic_negation(quoting.text, q_start, q_end, instead) \
        | _same_indefinite(other.text, o_start, o_end, quoting.text, q_start, q_end) \
        | frame_words(other.text, o_start, o_end) | frame_words(quoting.text, q_start, q_end) \
        | degree_words(other.text, o_start, o_end) | degree_words(quoting.text, q_start, q_end) \
        | amount_words(said, instead) | comparator_words(said, instead) | light_verbs(other.text, o_start, o_end, said) \
        | light_verbs(quoting.text, q_start, q_end, instead)
    numbers = same_quantities(said, instead)
    if numbers is not None:
        ordering |= set(words(numbers))  # "£62bn" / "£62 billion": one number in two notations
    missing = [w for w in _content(words(instead)) if _absent(w, ours, names) and not split_compound(instead, said)
               and not _hortative(w, instead) and w not in ordering]
    extra = [w for w in _content(words(said)) if _absent(w, theirs, names) and not split_compound(said, instead)
             and not _hortative(w, said) and w not in ordering]
    if missing and extra and _emphasis_only(missing, words(instead)) and _emphasis_only(extra, words(said)):
        return None  # "Truly I tell you" / "Most certainly I tell you": one emphasizer for another, the same assurance
    if approximator_swap(missing, extra):
        return None  # "virtually all" / "almost all": one approximator for another
    if not (missing or extra) or (not missing and _same_referent(extra, instead)) \
            or (not extra and _same_referent(missing, said)):
        return None
    if (not missing and fuller_name(quoting.text, q_start, q_end, other.text)) \
            or (not extra and fuller_name(other.text, o_start, o_end, quoting.text)):
        return None  # "I like Barack Obama" / "I like Obama": the same person, named in full
    texts = (quoting.text, other.text)
    if (not missing and spelt_out(texts, said)) or (not extra and spelt_out(texts, instead)):
        return None  # "HE" / "higher education", "USP (unique selling point)": an acronym spelt out
    if degree_swap(said, instead, quoting.text[q_end : q_end + 30], other.text[o_end : o_end + 30]):
        return None  # "heavily reliant" / "very reliant": one degree for another
    if _foreign_phrase(quoting.text, q_start, q_start + len(said)) and _foreign_phrase(other.text, o_start,
                                                                                        o_start + len(instead)):
        return None  # "Eloi, Eloi, lama sabachthani" / "Eli, Eli, lima sabachthani": a transliteration spelt two ways
    if (not missing and _existential(extra, other.text)) or (not extra and _existential(missing, quoting.text)):
        return None  # "lest a riot occur" / "there might be a riot": the same event said to be
    if _negation_of_time(missing, instead, said) or _negation_of_time(extra, said, instead):
        return None  # "I will no more drink" / "I will not drink": both deny
    if (not missing and _frames_shared_noun(said, q_start, quoting.text, instead)) \
            or (not extra and _frames_shared_noun(instead, o_start, other.text, said)):
        return None  # "Egypt" / "the land of Egypt": the same thing named in a fuller form
    checked = [other.name]
    if c.testimony is not None:
        has = content_stems(said, adverbs=True) - split_compound(said, instead)
        lacks = content_stems(instead, adverbs=True) - has - compounds(said)
        at = quoting.doc_offset(h.a_start if quoting is a else h.b_start)
        agree, covered = c.testimony.agreeing(at, has, lacks, other.name)
        if agree:
            c.faithful_to = agree
            return None
        checked += covered
    records = " and ".join(checked)
    why = []
    if missing:
        why.append(f"{', '.join(f'“{w}”' for w in missing)} {'is' if len(missing) == 1 else 'are'} in {records}, "
                   f"not in the quotation")
    if extra:
        where = f"in {records}" if len(checked) == 1 else "in any of them" if len(checked) > 2 else "in either"
        why.append(f"{', '.join(f'“{w}”' for w in extra)} {'is' if len(extra) == 1 else 'are'} in the quotation, "
                   f"not {where}")
    return Change("quote", c.ta, c.tb, f"Inside quotation marks {quoting.name} has {say(said.strip())} where "
                  f"{other.name} has {say(instead.strip())}: {'; '.join(why)} (checked against {records}, "
                  f"{'every record' if len(checked) > 1 else 'the only record'} of the statement linked here).")
