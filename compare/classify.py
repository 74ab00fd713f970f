"""Name the changes inside each link: wording, loaded language, hedge, number, quote, speaker, meaning.

Pure: edits and both sides' texts (with speakers, quotation marks and source kinds) in, ``Change`` records
out; no model. The edits are cut into *hunks* (a run of deleted and inserted words between two unchanged
stretches); each hunk gets at most one type, tried in a fixed order (number, meaning, hedge, loaded
language, quote, wording), and every type is decided from the words of the hunk itself, so a reader can
check it against the highlighted text. A passage reworded as a whole is ``wording``, plus a ``hedge`` for a
distancing word in it and a ``meaning`` for a key noun changed after a shared phrase. Claims that accuse a
source (quote, speaker, number) are made only when the two linked texts share enough content words
(``ClassifySettings.min_overlap``). Text cues live in ``compare.cues``, word lists in ``compare.lexicon``,
document-level findings in ``compare.findings``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from .cues import (
    WORDS,
    content_overlap,
    distancing_marks,
    hedge_classes,
    inside_spans,
    quoted_spans,
    shared_runs,
    speakers_named,
    surname,
)
from .findings import find_flags
from .lexicon import (
    NEGATIONS,
    content_stems,
    emotive_reason,
    is_function_word,
    is_noun,
    nrc_emotions,
    vader_valence,
    words,
)
from .quantities import Quantity, find_quantities, same_value
from .records import Change, Corpus, Edit, Link, Unit
from .settings import ClassifySettings, Settings

__all__ = ["CHANGE_TYPES", "FLAG_TYPES", "Side", "classify_corpus", "classify_link", "quoted_spans", "speakers_named"]

CHANGE_TYPES: dict[str, str] = {
    "number": "A quantity, date or duration differs once both are put on one scale "
    "(digits, number words, fractions, percent, dates, durations): \"1.5 percent\" and \"one and a half percent\" agree.",
    "meaning": "The claim itself changes: a negation (not, no, never) is on one side only, or right after shared words "
    "a key noun is swapped for one with a different charge (\"people will forget\" ... \"economy\" became \"war\").",
    "hedge": "Certainty or modality shifts: a modal or stance word of one class (certain: will, must, sure; possible: "
    "may, might, think; distancing: claimed, allegedly, so-called, 'scare quotes') is on one side only.",
    "loaded_language": "An evaluative or emotive word (VADER sentiment lexicon, |valence| >= 2, or NRC Emotion Lexicon: "
    "anger or disgust) stands on one side without a match on the other (\"piggery\" and \"beastly\").",
    "quote": "A press or other secondary source puts words in quotation marks that differ from what the matched "
    "transcript or readout says; only content words count, and only on near-verbatim matches (two official "
    "translations differing is wording).",
    "speaker": "The same words are given to a different person (speaker labels of a transcript, or \"X said\" in the text).",
    "wording": "Any other word change: synonyms, word order, added or dropped words, passages reworded as a whole.",
}
"""Each change type and the one-sentence rule that decides it (the README and the report show these)."""

FLAG_TYPES: dict[str, str] = {
    "unrelated": "The document is related to no other source of the corpus (relatedness below the event threshold), "
    "so it is about something else and gets no links.",
    "no_counterpart": "A long run of consecutive sentences (at least ClassifySettings.run_min_sentences) has no link "
    "to any other source; start/end cover the run.",
    "date_mismatch": "The document's date (manifest or \"date\" header) differs from the event date that at least two "
    "other sources of the same event agree on; start/end cover the date header when there is one.",
}
"""Each document flag type and the rule that decides it."""

@dataclass(frozen=True)
class Side:
    """One side of a link, as the classifier sees it."""

    text: str
    """The linked sentences joined by one space (the text the edits rebuild)."""
    name: str = "a"
    """Source id, used in the details ("readout says ...")."""
    speakers: tuple[str, ...] = ()
    """Who says these words (speaker labels, or people the text says said them)."""
    quoted: tuple[tuple[int, int], ...] | None = None
    """Spans of ``text`` inside quotation marks; None: find them in ``text`` alone."""
    kind: str = "other"
    """The source's kind (``transcript`` is taken as the record of what was said)."""


@dataclass
class _Hunk:
    a: str
    b: str
    a_start: int
    b_start: int
    anchored: bool = False
    """Whether unchanged content words stand right before it (the same slot in both sentences)."""

    @property
    def a_end(self) -> int:
        return self.a_start + len(self.a)

    @property
    def b_end(self) -> int:
        return self.b_start + len(self.b)


def _hunks(edits: Sequence[Edit]) -> list[_Hunk]:
    hunks: list[_Hunk] = []
    pa = pb = 0
    before = ""
    cur: _Hunk | None = None
    for e in edits:
        if e.op == "equal":
            cur = None
            pa += len(e.text)
            pb += len(e.text)
            before = e.text
            continue
        if cur is None:
            cur = _Hunk("", "", pa, pb, anchored=bool(content_stems(before)))
            hunks.append(cur)
        if e.op == "delete":
            cur.a += e.text
            pa += len(e.text)
        else:
            cur.b += e.text
            pb += len(e.text)
    return hunks


def _distancing_in_passage(h: _Hunk, a: Side, b: Side) -> list[Change]:
    """A distancing marker inside a passage reworded as a whole still counts: a hedge change with just that marker."""
    out = []
    for side, text, other in ((a, h.a, b), (b, h.b, a)):
        if distancing_marks(other.text):
            continue
        for mark in dict.fromkeys(distancing_marks(text)):
            pair = (mark, "") if side is a else ("", mark)
            said = f"quotation marks around “{mark[1:-1]}”" if mark[0] in "'‘" else f"“{mark}”"
            out.append(Change("hedge", *pair, f"{said[0].upper()}{said[1:]} (distancing) only in {side.name}: it reports "
                              f"the words without vouching for them; {other.name} has no such marker."))
    return out


def _describe(q: Quantity) -> str:
    """Say a quantity's value on the common scale ("1.5 percent", "30 days", "month 3, day 11")."""
    unit = {"percent": " percent", "duration": " days"}.get(q.kind, "")
    if q.kind == "date":
        y, md = divmod(int(q.value), 10000)
        return f"month {md // 100}, day {md % 100}" + (f", year {y}" if y else "")
    if q.kind == "year":
        return f"year {int(q.value) // 10000}"
    return f"{q.value:g}{unit}"


def _number_change(ta: str, tb: str, p: Quantity, q: Quantity, a: Side, b: Side) -> Change:
    return Change("number", ta, tb, f"{a.name} says “{p.text}” ({_describe(p)}), {b.name} says “{q.text}” ({_describe(q)}).")


def _number_pairs(a: str, b: str) -> tuple[list[tuple[Quantity, Quantity]], list[tuple[Quantity, Quantity]]]:
    """Return (differing, same-but-written-differently) quantity pairs between ``a`` and ``b``."""
    qa, qb = find_quantities(a), find_quantities(b)
    same = [(p, q) for p in qa for q in qb if same_value(p, q) and p.text.lower() != q.text.lower()]
    left_a = [p for p in qa if p.kind != "count" and not any(same_value(p, q) for q in qb)]
    left_b = [q for q in qb if q.kind != "count" and not any(same_value(p, q) for p in qa)]
    differ: list[tuple[Quantity, Quantity]] = []
    for p in left_a:
        for q in left_b:
            if p.kind == q.kind and all(q is not d[1] for d in differ):
                differ.append((p, q))
                break
    return differ, same


def _grave(noun: str, s: ClassifySettings) -> str | None:
    """Why ``noun`` names something grave (war, attack), per the lexicons; None for a neutral or pleasant noun."""
    v = vader_valence(noun)
    if v is not None and v <= -s.emotive_valence:
        return f"VADER sentiment lexicon rates it {v:+.1f} on a -4..+4 scale"
    assoc = nrc_emotions(noun)
    if "negative" in assoc and any(e in assoc for e in ("anger", "fear", "disgust")):
        return "NRC Emotion Lexicon associates it with " + ", ".join(e for e in assoc if e not in ("positive", "negative"))
    return None


def _noun_swap(wa: Sequence[str], wb: Sequence[str], a: Side, b: Side, s: ClassifySettings) -> str | None:
    """Say how a key noun changed between the words ``wa`` and ``wb`` (one grave, one not), or None."""
    stems_a, stems_b = content_stems(a.text), content_stems(b.text)
    nouns_a = [w for w in wa if is_noun(w) and w[:5] not in stems_b]
    nouns_b = [w for w in wb if is_noun(w) and w[:5] not in stems_a]
    if not (nouns_a and nouns_b):
        return None
    charged = {w: _grave(w, s) for w in (*nouns_a, *nouns_b)}
    ca = [w for w in nouns_a if charged[w]]
    cb = [w for w in nouns_b if charged[w]]
    if bool(ca) == bool(cb):
        return None
    # the head of an English noun phrase comes last: "in terms of the economy" is about the economy
    x, y = (ca[0], nouns_b[-1]) if ca else (nouns_a[-1], cb[0])
    hot = x if ca else y
    return (f"The key word changes from “{x}” ({a.name}) to “{y}” ({b.name}), a different thing: “{hot}” is charged "
            f"({charged[hot]}), the other is not.")


def _anchored_swap(h: _Hunk, a: Side, b: Side, s: ClassifySettings) -> Change | None:
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
        swap = _noun_swap([t[0] for t in after_a], [t[0] for t in after_b], a, b, s)
        if swap:
            wa = h.a[after_a[0][1] : after_a[-1][2]]
            wb = h.b[after_b[0][1] : after_b[-1][2]]
            return Change("meaning", wa, wb, f"Both say “{' '.join(shared)}”, then differ. " + swap)
    return None


def _say(words_: str) -> str:
    return f"“{words_}”" if words_ else "nothing"


def _classify_hunk(h: _Hunk, a: Side, b: Side, s: ClassifySettings, close: bool, verbatim: bool,
                   numbers: list[tuple[Quantity, Quantity]], same: list[tuple[Quantity, Quantity]]) -> Change | None:
    ta, tb = h.a.strip(), h.b.strip()
    wa, wb = words(h.a), words(h.b)
    if wa == wb:
        return None  # only punctuation, quotation marks or capitals differ
    for p, q in numbers:
        if h.a_start <= p.start < h.a_end or h.b_start <= q.start < h.b_end:
            if len(wa) <= s.max_words and len(wb) <= s.max_words:
                numbers.remove((p, q))
                return _number_change(ta, tb, p, q, a, b)
    note = "".join(
        f" “{p.text}” and “{q.text}” are the same quantity ({_describe(p)})."
        for p, q in same if h.a_start <= p.start < h.a_end and h.b_start <= q.start < h.b_end
    )
    if len(wa) > s.max_words or len(wb) > s.max_words:
        return Change("wording", ta, tb, f"Passage reworded as a whole ({len(wa)} words in {a.name}, {len(wb)} in {b.name})."
                      + note)
    # meaning 1: a negation on one side only, the rest (nearly) the same words
    neg_a, neg_b = [w for w in wa if w in NEGATIONS], [w for w in wb if w in NEGATIONS]
    rest = ({w for w in wa if w not in NEGATIONS} ^ {w for w in wb if w not in NEGATIONS}) - {"do", "does", "did"}
    if len(neg_a) != len(neg_b) and len(rest) <= 1:
        count_a = sum(w in NEGATIONS for w in words(a.text))
        count_b = sum(w in NEGATIONS for w in words(b.text))
        if count_a != count_b:
            side, neg = (a.name, neg_a[0]) if len(neg_a) > len(neg_b) else (b.name, neg_b[0])
            return Change("meaning", ta, tb, f"“{neg}” is only in {side}: one source negates what the other affirms.")
    # meaning 2: a key noun swapped for a different one with a different charge ("economy" -> "war")
    swap = _noun_swap(wa, wb, a, b, s) if close and h.anchored else None
    if swap:
        return Change("meaning", ta, tb, swap)
    # hedge: a certainty/modality class on one side only
    ha, hb = hedge_classes(h.a), hedge_classes(h.b)
    full_a, full_b = hedge_classes(a.text), hedge_classes(b.text)
    only_a = {c: ws for c, ws in ha.items() if c not in full_b}
    only_b = {c: ws for c, ws in hb.items() if c not in full_a}
    # Distancing counts wherever it stands; certain/possible only as a swap (will -> may) or when the
    # marker is all that was added or dropped ("probably"), since "will" also just marks the future.
    swap = bool(ha) and bool(hb) and set(ha) != set(hb)
    bare = len(wa) + len(wb) - sum(len(v) for v in (*ha.values(), *hb.values())) <= 1
    if not (swap or bare):
        only_a = {c: v for c, v in only_a.items() if c == "distancing"}
        only_b = {c: v for c, v in only_b.items() if c == "distancing"}
    if only_a or only_b:
        parts = [f"“{ws[0]}” ({c}) only in {a.name}" for c, ws in sorted(only_a.items())]
        parts += [f"“{ws[0]}” ({c}) only in {b.name}" for c, ws in sorted(only_b.items())]
        return Change("hedge", ta, tb, "Certainty changes: " + "; ".join(parts) + ".")
    # loaded language: an emotive word with no match on the other side
    stems_a, stems_b = content_stems(a.text), content_stems(b.text)
    for w, side, other_stems, other in [*((w, a, stems_b, b) for w in wa), *((w, b, stems_a, a) for w in wb)]:
        if w[:5] in other_stems or is_function_word(w):
            continue
        why = emotive_reason(w, s.emotive_valence, s.emotive_emotions)
        if why:
            other_words = tb if side is a else ta
            return Change("loaded_language", ta, tb, f"“{w}” in {side.name} is an evaluative or emotive word ({why}); "
                          f"{other.name} has {_say(other_words)} instead.")
    # quote: changed content words inside quotation marks
    # only content words count, and only ones the other side does not have at all (after crude stemming)
    all_a, all_b = content_stems(a.text, adverbs=True), content_stems(b.text, adverbs=True)
    content_changed = bool(content_stems(h.a) - all_b or content_stems(h.b) - all_a)
    if verbatim and content_changed:
        qa = a.quoted if a.quoted is not None else quoted_spans(a.text)
        qb = b.quoted if b.quoted is not None else quoted_spans(b.text)
        in_a = inside_spans(qa, h.a_start, h.a_end, a.text)
        in_b = inside_spans(qb, h.b_start, h.b_end, b.text)
        rec = s.record_kinds
        if (in_a and a.kind not in rec and b.kind in rec) or (in_b and b.kind not in rec and a.kind in rec):
            quoting = a if in_a and a.kind not in rec else b
            other = b if quoting is a else a
            return Change("quote", ta, tb, f"Inside quotation marks {quoting.name} has {_say(ta if quoting is a else tb)} "
                          f"where {other.name} has {_say(tb if quoting is a else ta)}.")
    if not wa:
        detail = f"{_say(tb)} added in {b.name}."
    elif not wb:
        detail = f"{_say(ta)} left out in {b.name}."
    else:
        detail = f"Words swapped: {_say(ta)} ({a.name}) → {_say(tb)} ({b.name})."
    return Change("wording", ta, tb, detail + note)


def classify_link(edits: Sequence[Edit], a: Side, b: Side, settings: ClassifySettings | None = None) -> tuple[Change, ...]:
    """Return the named changes of one link, in text order of side a, then the link-wide ones (number, speaker)."""
    s = settings or ClassifySettings()
    overlap = content_overlap(a.text, b.text)
    close, verbatim = overlap >= s.min_overlap, overlap >= s.quote_overlap
    numbers, same = _number_pairs(a.text, b.text)
    if not close:
        numbers = []
    changes: list[Change] = []
    for h in _hunks(edits):
        change = _classify_hunk(h, a, b, s, close, verbatim, numbers, same)
        if change is not None:
            changes.append(change)
            if change.detail.startswith("Passage reworded as a whole") and overlap >= s.passage_overlap:
                changes.extend(_distancing_in_passage(h, a, b))
                swap = _anchored_swap(h, a, b, s)
                if swap:
                    changes.append(swap)
    for p, q in numbers:  # differing quantities inside long reworded passages
        changes.append(_number_change(p.text, q.text, p, q, a, b))
    if close and a.speakers and b.speakers and not {surname(x) for x in a.speakers} & {surname(y) for y in b.speakers}:
        changes.append(Change("speaker", ", ".join(a.speakers), ", ".join(b.speakers),
                              f"{a.name} gives these words to {' and '.join(a.speakers)}, "
                              f"{b.name} to {' and '.join(b.speakers)}."))
    return tuple(changes)


def _side(corpus: Corpus, doc_id: str, ids: Sequence[int], names: Sequence[str], quotes: dict[str, tuple[tuple[int, int], ...]]) -> Side:
    units: tuple[Unit, ...] = corpus.units[doc_id]
    doc = next(d for d in corpus.documents if d.id == doc_id)
    parts, spans, pos = [], [], 0
    for i in ids:
        u = units[i]
        for s, e in quotes[doc_id]:
            lo, hi = max(s, u.start), min(e, u.end)
            if lo < hi:
                spans.append((lo - u.start + pos, hi - u.start + pos))
        parts.append(u.text)
        pos += len(u.text) + 1
    text = " ".join(parts)
    speakers = list(dict.fromkeys(units[i].speaker for i in ids if units[i].speaker))
    if not speakers:
        speakers = list(speakers_named(text, names))
    return Side(text=text, name=doc_id, speakers=tuple(speakers), quoted=tuple(spans), kind=doc.source.kind)


def classify_corpus(corpus: Corpus, settings: Settings | None = None) -> Corpus:
    """Return ``corpus`` with every link's ``changes`` filled in and the document ``flags`` found."""
    settings = settings or Settings()
    names = sorted({u.speaker for us in corpus.units.values() for u in us if u.speaker})
    quotes = {d.id: quoted_spans(d.text) for d in corpus.documents}
    pairs = []
    for p in corpus.pairs:
        links: list[Link] = []
        for lk in p.links:
            a = _side(corpus, p.a, lk.a, names, quotes)
            b = _side(corpus, p.b, lk.b, names, quotes)
            links.append(replace(lk, changes=classify_link(lk.edits, a, b, settings.classify)))
        pairs.append(replace(p, links=tuple(links)))
    classified = replace(corpus, pairs=tuple(pairs))
    return replace(classified, flags=find_flags(classified, settings))
