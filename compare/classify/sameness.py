"""Words that are the same words in another form, for the ``quote`` rule: an abbreviation, a clipping, a name in full,
an acronym spelt out, a number in another notation, one degree word for another, and the frames and emphasizers that
add nothing to what is said."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from .lexicon import BOOSTERS, EMPHATIC_FRAMES, EMPHATICS, is_function_word, word_tag, words
from .quantities import find_quantities

__all__ = ["abbreviates", "amount_words", "approximator_swap", "bracketed", "clipped", "comparator_words", "degree_swap", "degree_words", "derived",
           "frame_words", "fuller_name", "light_verbs", "same_characters", "same_quantities",
           "spelt_out"]

_LIGHT_VERBS = frozenset({
    "get", "gets", "got", "gotten", "getting", "do", "does", "did", "done", "doing", "have", "has", "had", "having",
    "become", "becomes", "became", "becoming",
})
"""The light verbs of English grammar (Quirk et al. 1985, 3.31-3.37, 10.75-10.77: "get", "do", "have" and the
copula "become"): auxiliaries, pro-forms and carriers of a voice or a tense ("lodges that are getting built" / "that
they are building", "be done" / "do more", "I did" / "I've done", "you get" / "it becomes"), not what is said; the
verb that carries the meaning still counts ("taken", "leaving"), and so does a light verb with its particle ("get
through", "do away with")."""

_BE = frozenset({"be", "been", "being", "is", "are", "was", "were", "am", "'s", "'re", "'m"})
_PARTICLES = frozenset({"through", "over", "up", "out", "off", "away", "back", "rid", "by", "along", "down", "on",
                        "in", "around", "round", "across", "into", "ahead", "together", "without"})

_AMOUNTS = frozenset({"much", "many", "lot", "lots", "plenty", "numerous"})
"""Words for a large amount ("much of what she did" / "a lot of what she did")."""

_CLAUSE_FRAMES = re.compile(
    r"\b(?:as soon as|in order (?:to|that)|so as to|as to|(?:for|by) the fact that|all the more|by far|"
    r"if anything|(?:honestly|frankly|candidly|truthfully|seriously|basically|personally)(?=\s*,(?!\s*[”’\"]))|ever(?= before\b)|(?<=than )ever|once(?= (?:i|we|you|he|she|they|it)\b)|"
    r"(?:way|much|far)(?= (?:too|less|more|better|worse)\b)|(?<=not )nearly|well(?= (?:over|above|below|under|beyond|past)\b))\b", re.IGNORECASE)
"""Subordinators and degree frames of one sense with their plainer forms: "as soon as" / "once" / "when" before a
clause, "in order to" / "to", "for the fact that" / "because", "as to", "by far", "all the more", "if anything",
"way too" / "much too", "far less" / "less" (a comparative boosted), "not nearly" / "not", "well over" / "over", "than ever before" / "than before", and a style disjunct set off by a
comma ("Honestly, I was scared"; not "he did his job honestly") (Quirk et al. 14.12-14.19, 8.104-8.110, 8.122)."""


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


_RATE = re.compile(r"\b(?:a|an|every|each|per)\s+(year|month|week|day|hour|minute|annum)\b", re.IGNORECASE)


def same_characters(said: str, instead: str) -> bool:
    """Whether two hunks are the same letters and digits, only spaced or punctuated otherwise ("VO 2" / "VO2",
    "e-mail" / "email"): no word is changed."""
    a, b = re.sub(r"[\W_]+", "", said.lower()), re.sub(r"[\W_]+", "", instead.lower())
    return bool(a) and a == b


def bracketed(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] stands inside one pair of square brackets: inside a quotation, the editor's words ("Mike
    Todd [the man who dressed him]"), not the speaker's."""
    inner = text[start:end].strip(" []")
    if "[" in inner or "]" in inner:
        return False  # "[the man] stole the [car]": words between two glosses are the speaker's
    opened, closed = text.rfind("[", 0, start + 1), text.rfind("]", 0, start)
    after_close, after_open = text.find("]", end - 1 if end > start else end), text.find("[", end)
    return opened > closed and after_close != -1 and (after_open == -1 or after_close < after_open)


def same_quantities(said: str, instead: str) -> str | None:
    """The words of a hunk's numbers when both sides give the same quantities in other words ("£62bn" / "£62
    billion", "two dozen" / "24"), else None: a number written another way is the same number said."""
    rates = ({m.group(1).lower() for m in _RATE.finditer(said)}, {m.group(1).lower() for m in _RATE.finditer(instead)})
    if rates[0] and rates[0] == rates[1]:  # "£80 million every year" / "£80m a year": one rate, both sides
        said, instead = _RATE.sub(" ", said), _RATE.sub(" ", instead)
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
    return {w for frames in (EMPHATIC_FRAMES, _CLAUSE_FRAMES) for m in frames.finditer(text)
            if m.start() < max(end, start + 1) and start < m.end() for w in words(m.group())}


def light_verbs(text: str, start: int, end: int, other: str) -> set[str]:
    """The light verbs (``_LIGHT_VERBS``) of the hunk text[start:end] where they carry only a voice, a tense or a
    copula: before a participle ("have gone"; "get" and "become" only where the other side's hunk ``other`` says
    something instead: "are getting built" / "they are building", not "are getting married" / "are married"), "get"
    and "become" before an adjective ("get dangerous" / "become dangerous"), a passive "be done to" or "by", or closing
    the clause ("what I did." / "what I've done."; not a predicate, "the deal is done"). With an object they are the
    verb of what is said ("having a wife" / "leaves a wife", "doing this" / "untying it"), and before a particle too
    ("get through")."""
    before = words(text[max(0, start - 20) : start])[-1:]
    ws = before + words(text[start:end])
    tail = text[end:].lstrip()
    following = words(tail)[:1] if tail[:1].isalnum() else ["."] if tail[:1] in ".,;:!?”’\"')" or not tail else [""]
    ws = ws + following
    out = set()
    for k in range(len(before), len(ws) - 1):
        w, nxt, prev = ws[k], ws[k + 1], ws[k - 1] if k else ""
        if w not in _LIGHT_VERBS or nxt in _PARTICLES:
            continue
        inchoative = w.startswith(("get", "got", "bec"))
        if nxt == "." and prev not in _BE or prev in _BE and nxt in ("to", "by") \
                or inchoative and (word_tag(nxt)[:2] in ("JJ", "RB") or word_tag(nxt) in ("VBN", "VBD") and words(other)) \
                or not inchoative and (word_tag(nxt) in ("VBN", "VBD") or nxt in ("been", "gone")):
            out.add(w)
    return out


_APPROXIMATORS = frozenset({"almost", "nearly", "virtually", "practically", "roughly", "approximately", "about",
                            "around", "some"})
"""Approximators (Quirk et al. 8.113: "almost", "nearly", "virtually"; with numbers "about", "roughly")."""


def approximator_swap(missing: list[str], extra: list[str]) -> bool:
    """Whether one approximator stands for another ("virtually all" / "almost all", "about 30" / "roughly 30"): the
    same claim that it is not quite so. One added or dropped alone still changes the claim ("almost daily")."""
    return bool(missing) and bool(extra) and all(w in _APPROXIMATORS for w in (*missing, *extra))


_AMOUNT_PHRASES = re.compile(r"\b(?:(?:an? )?(?:large|great|huge|big|vast|good) (?:number|amount|deal|quantity)|quite a bit|"
                             r"a (?:whole )?(?:bunch|host|load)|loads)\b", re.IGNORECASE)
_COMPARATORS = (re.compile(r"\b(?:more than|over|above|in excess of)\b", re.IGNORECASE),
                re.compile(r"\b(?:less than|fewer than|under|below)\b", re.IGNORECASE))


_NEGATED = re.compile(r"\b(?:no|not|never|n't|hardly)\b", re.IGNORECASE)


def _amounts(hunk: str) -> set[str]:
    return (set(words(hunk)) & _AMOUNTS) | {w for m in _AMOUNT_PHRASES.finditer(hunk) for w in words(m.group())}


def comparator_words(said: str, instead: str) -> set[str]:
    """The words of one comparator said two ways, one in each hunk ("well over two-thirds" / "more than two-thirds",
    "under 30" / "less than 30"): the same bound. One added or dropped alone still counts."""
    if _NEGATED.search(said) or _NEGATED.search(instead):
        return set()  # "no more than 50" / "over 50": the opposite bound
    return {w for pattern in _COMPARATORS if pattern.search(said) and pattern.search(instead)
            for h in (said, instead) for m in pattern.finditer(h) for w in words(m.group())}


def amount_words(said: str, instead: str) -> set[str]:
    """The words for a large amount in both hunks when each has one ("much" / "a lot", "many" / "lots", "a large
    number" / "a lot"): one amount said two ways. A "lot" alone ("I like it a lot") only stresses, and is in the set too."""
    if _NEGATED.search(said.replace("’", "'")) or _NEGATED.search(instead.replace("’", "'")):
        return set()  # "not much has changed" / "a great deal has changed": a denial, not an amount
    mine, theirs = _amounts(said), _amounts(instead)
    alone = {w for w in mine | theirs if w in ("lot", "lots")}
    return (mine | theirs) if mine and theirs else alone


@lru_cache(maxsize=1)
def _lancaster() -> Callable[[str], str]:
    from nltk.stem.lancaster import LancasterStemmer  # type: ignore[import-untyped]  # code only, no data download

    return LancasterStemmer().stem  # type: ignore[no-any-return]


@lru_cache(maxsize=65536)
def _derivation_stem(w: str) -> str:
    return _lancaster()(w)


def derived(w: str, x: str) -> bool:
    """Whether ``w`` and ``x`` are one word in two parts of speech ("sensory" / "senses", "limiting" / "limits"):
    their Lancaster stems (Paice 1990, the stemmer that strips derivational suffixes too) are one stem of four letters
    or more, the words share their first four letters, and Brill's lexicon gives them two parts of speech."""
    if len(w) < 4 or len(x) < 4 or w[:4] != x[:4]:
        return False
    tw, tx = word_tag(w)[:2], word_tag(x)[:2]
    if not tw or not tx or tw == tx:
        return False  # "hosts" / "hostages", "sign" / "signal", "bank" / "banker": two nouns, two things
    sw = _derivation_stem(w)
    return len(sw) >= 4 and sw == _derivation_stem(x)
