"""Classify every link of a corpus: named changes per link, then the document findings.

Pure: edits and both sides' texts (with speakers, quotation marks and source kinds) in, ``Change`` records
out; no model. Per hunk the ordered rules of ``compare.classify.rules`` decide; a passage reworded as a
whole may also carry a ``hedge`` for a distancing word in it and a ``meaning`` for a key noun changed after
a shared phrase (``compare.classify.passages``); the link-wide ones (numbers inside long passages, speaker)
come last. Across the corpus: a source that has one person echo another who spoke later in a record with speaker
labels gets a ``speaker`` change (``compare.classify.testimony.echo_order``), and a judging verb in the unlinked
sentence that introduces a linked quotation ("He also slammed ...") a ``loaded_language`` change on that quotation's
link (``compare.classify.passages.judging_frame``), and an unlinked sentence inside the same quotation whose words
no record has anywhere a ``quote`` change on it. Claims that accuse a source (quote, speaker, number) are made only
when the two linked texts share enough content words (``ClassifySettings.min_overlap``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ..records import Change, Corpus, Edit, Link, PairAlignment, Unit
from ..settings import ClassifySettings, Settings
from .conventions import apply_conventions, name_conventions
from .cues import content_overlap, quoted_spans, speakers_named, surname
from .findings import find_flags
from .hunks import Side, hunks
from .lexicon import INDEFINITE_WORDS, content_stems, words
from .numbers import number_change, number_pairs
from .passages import anchored_swap, distancing_in_passage, judging_frame, judging_verbs_in_passage
from .quantities import find_quantities
from .rules import WHOLE_PASSAGE, HunkContext, classify_hunk
from .testimony import Testimony, add_link, echo_order, narrates

__all__ = ["classify_corpus", "classify_link", "link_side"]


def classify_link(
    edits: Sequence[Edit], a: Side, b: Side, settings: ClassifySettings | None = None, testimony: Testimony | None = None
) -> tuple[Change, ...]:
    """Return the named changes of one link, in text order of side a, then the link-wide ones (number, speaker).

    ``testimony``: what every record says at each spot of the link's secondary side (``classify_corpus`` builds it),
    so that a quotation is checked against all of them, not only against this link's record.
    """
    s = settings or ClassifySettings()
    overlap = content_overlap(a.text, b.text)
    close, verbatim = overlap >= s.min_overlap, overlap >= s.quote_overlap
    numbers, same = number_pairs(a.text, b.text, a.nearby, b.nearby)
    if not close:  # a changed timing ("the same day" / "six hours before") is read on looser links too, and so is a
        # list that counts the same things on both sides ("100,000 infantry, 20,000 cavalry" / "110,000 infantry,
        # 5,300 cavalry"): two counted nouns or more in common show that both enumerate one force or one gift
        listed = _common_counted(a.text, b.text) >= 2
        numbers = [(p, q) for p, q in numbers if (p.kind == "offset" and overlap >= s.passage_overlap)
                   or (listed and p.kind.startswith("count:"))]
    changes: list[Change] = []
    for h in hunks(edits):
        change = classify_hunk(HunkContext(h, a, b, s, close, verbatim, numbers, same, testimony))
        if change is not None:
            changes.append(change)
            if change.detail.startswith(WHOLE_PASSAGE) and overlap >= s.passage_overlap:
                inside = [*distancing_in_passage(h, a, b, s), *judging_verbs_in_passage(h, a, b, s)]
                swap = anchored_swap(h, a, b, s)
                if swap:
                    inside.append(swap)
                has_record = a.kind in s.record_kinds or b.kind in s.record_kinds
                changes.extend(x for x in inside if has_record or x.type not in s.record_only)
    for p, q in numbers:  # differing quantities inside long reworded passages
        changes.append(number_change(p.text, q.text, p, q, a, b))
    if close and a.speakers and b.speakers and not {surname(x) for x in a.speakers} & {surname(y) for y in b.speakers}:
        changes.append(Change("speaker", ", ".join(a.speakers), ", ".join(b.speakers),
                              f"{a.name} gives these words to {' and '.join(a.speakers)}, "
                              f"{b.name} to {' and '.join(b.speakers)}."))
    return tuple(changes)


def _common_counted(a: str, b: str) -> int:
    """How many counted nouns (``count:<noun>`` quantities) both texts count."""
    kinds = [{q.kind for q in find_quantities(t) if q.kind.startswith("count:")} for t in (a, b)]
    return len(kinds[0] & kinds[1])


_SPEECH_CHARS = 4000
"""Longest quotation read whole as the words around a linked sentence (``Side.nearby``)."""


def _speech(doc_text: str, quotes: Sequence[tuple[int, int]], first: int, last: int) -> list[str]:
    """The quotations that the text ``doc_text[first:last]`` stands in, each read whole: a quotation that runs over
    several paragraphs (each opening with a quotation mark, only the last one closed: the printer's convention for one
    speech) is one speech; none longer than ``_SPEECH_CHARS``."""
    runs: list[list[tuple[int, int]]] = []
    for s, e in quotes:
        prev = runs[-1][-1] if runs else None
        if prev is not None and doc_text[prev[1]:prev[1] + 1] == "\n" and not doc_text[prev[1]:s - 1].strip():
            runs[-1].append((s, e))  # the last paragraph's quotation was left open: this one goes on with it
        else:
            runs.append([(s, e)])
    out = []
    for run in runs:
        if run[0][0] < last and first < run[-1][1]:
            whole = [doc_text[s:e] for s, e in run]
            if sum(map(len, whole)) > _SPEECH_CHARS:  # too long to read whole: only its parts that the text overlaps
                whole = [doc_text[s:e] for s, e in run if s < last and first < e and e - s <= _SPEECH_CHARS]
            out += whole
    return out


def _side(corpus: Corpus, doc_id: str, ids: Sequence[int], names: Sequence[str], quotes: dict[str, tuple[tuple[int, int], ...]]) -> Side:
    doc = next(d for d in corpus.documents if d.id == doc_id)
    return link_side(doc.text, corpus.units[doc_id], ids, doc_id, doc.source.kind, quotes[doc_id], names)


def link_side(doc_text: str, units: Sequence[Unit], ids: Sequence[int], doc_id: str, kind: str,
              quotes: Sequence[tuple[int, int]], names: Sequence[str] = ()) -> Side:
    """Return one side of a link as the rules read it: the linked units ``ids`` of a document (its ``doc_text`` and
    ``units``) joined by a space, the stretches inside the document's quotation spans ``quotes``, the speakers, and
    ``nearby`` (the sentences right before and after, and the whole quotation the linked words stand in)."""
    parts, spans, pos, offsets = [], [], 0, []
    for i in ids:
        u = units[i]
        offsets.append((pos, u.start))
        for s, e in quotes:
            lo, hi = max(s, u.start), min(e, u.end)
            if lo < hi:
                spans.append((lo - u.start + pos, hi - u.start + pos))
        parts.append(u.text)
        pos += len(u.text) + 1
    text = " ".join(parts)
    speakers = list(dict.fromkeys(sp for i in ids if (sp := units[i].speaker)))
    if not speakers:
        speakers = list(speakers_named(text, names))
    nearby = " ".join(units[k].text for k in (min(ids) - 1, max(ids) + 1) if 0 <= k < len(units) and units[k].is_sentence)
    first, last = units[min(ids)].start, units[max(ids)].end
    speech = [doc_text[s:e] for s, e in quotes if s < last and first < e and e - s <= _SPEECH_CHARS]
    nearby = " ".join([nearby, *speech]).strip()  # the whole quotation the linked words stand in
    return Side(text=text, name=doc_id, speakers=tuple(speakers), quoted=tuple(spans), kind=kind, offsets=tuple(offsets),
                nearby=nearby, speech=" ".join(_speech(doc_text, quotes, first, last)))


def _speech_of(doc_text: str, units: Sequence[Unit], quotes: Sequence[tuple[int, int]]) -> str:
    """The words of ``units`` that are speech: those inside the document's quotation marks, or all of them when none
    stand inside any (a transcript)."""
    parts = [doc_text[max(s, u.start):min(e, u.end)] for u in units for s, e in quotes if s < u.end and u.start < e]
    return " ".join(parts) if parts else " ".join(u.text for u in units)


def _unmatched_clause(record: str, quotation: str, start: bool) -> bool:
    """Whether ``record`` opens (``start``) or closes with a clause of two content words or more that ``quotation``
    lacks, set off from the shared words by a comma, semicolon, colon or dash: a clause the quotation's linked sentence
    leaves out ("for I will forgive their iniquity, and I will remember ..." / "I will remember ..."). Words written
    with a capital and indefinite words ("according") are left out: they attribute, they do not say."""
    ours = content_stems(quotation, adverbs=True)
    names = {m.lower() for m in re.findall(r"\b[A-Z]\w+", record)}  # who is reported ("According to Aleksandr ...")
    tokens = list(re.finditer(r"\w+(?:['’]\w+)*", record))
    shared = [m for m in tokens if content_stems(m.group(), adverbs=True) & ours]
    if not shared:
        return False
    edge = record[: shared[0].start()] if start else record[shared[-1].end():]
    own = [w for w in words(edge) if content_stems(w, adverbs=True) and w not in names and w not in INDEFINITE_WORDS]
    return len(own) >= 2 and bool(re.search(r"[,;:—–]", edge))


def _unlinked_quotation(corpus: Corpus, pair: PairAlignment, lk: Link, quoting: str, quoted: Sequence[tuple[int, int]],
                        linked: dict[str, set[int]], changes: tuple[Change, ...], records: Sequence[str],
                        named: set[tuple[str, str, int]] | None = None) -> tuple[Change, ...]:
    """Add a ``quote`` change when a sentence right before (or after) the link's secondary sentences stands inside the
    same quotation, is linked to nothing, and has content words that no record of the corpus has anywhere: words given
    to the speaker that no record of the statement holds ("Disgusting."). Not when the sentence narrates, in the first
    person and the past, what happened (``narrates``: a record may tell the event in its own narrative), nor when the
    record's linked speech opens (for a sentence before) or closes (after) with a clause that the quotation's linked
    sentence lacks (``_unmatched_clause``: the unlinked sentence may render it in other words, "I will be merciful to
    their unrighteousness" for "I will forgive their iniquity")."""
    units = corpus.units[quoting]
    ids = lk.a if quoting == pair.a else lk.b
    record = pair.b if quoting == pair.a else pair.a
    theirs = {i for other in corpus.pairs if record in (other.a, other.b) and quoting in (other.a, other.b)
              for x in other.links for i in (x.a if quoting == other.a else x.b)}
    for k, first in ((min(ids) - 1, True), (max(ids) + 1, False)):
        if not 0 <= k < len(units) or k in linked[quoting] or not units[k].is_sentence:
            continue
        if not first and k + 1 in theirs:
            continue  # the sentence after it is linked to this record too: named there, once
        if named is not None and (record, quoting, k) in named:
            continue  # named already on another link of this sentence's neighbour (a sentence linked at two places)
        u, near = units[k], units[min(ids) if first else max(ids)]
        span = next(((s, e) for s, e in quoted if s <= u.start and u.end - 1 <= e), None)
        if span is None or not (span[0] <= near.end and near.start <= span[1]):
            continue  # not inside the quotation the linked sentence belongs to
        stems = content_stems(u.text, adverbs=True)
        docs = [d for d in corpus.documents if d.source.kind in records]
        if not stems or any(stems & content_stems(d.text, adverbs=True) for d in docs):
            continue
        if narrates(u.text):
            continue  # the speaker tells what happened ("I told it to the magicians"): a record may tell it as narrative
        doc = next(d for d in corpus.documents if d.id == record)
        said = _speech_of(doc.text, [corpus.units[record][i] for i in (lk.b if quoting == pair.a else lk.a)],
                          quoted_spans(doc.text))
        if _unmatched_clause(said, near.text, first):
            continue  # the record's linked words say more on this sentence's side: it may be their rewording
        checked = " and ".join(d.id for d in docs)
        change = Change("quote", u.text.strip(), "", f"Inside the quotation {quoting} gives the speaker “{u.text.strip()}”, "
                        f"words linked to nothing: no record has them anywhere (checked against {checked}, every record "
                        f"of the corpus).")
        if named is not None:
            named.add((record, quoting, k))
        pair_a = quoting == pair.a
        change = change if pair_a else Change("quote", "", change.a, change.detail)
        return (change, *changes) if first else (*changes, change)
    return changes


def classify_corpus(corpus: Corpus, settings: Settings | None = None) -> Corpus:
    """Return ``corpus`` with every link's ``changes`` filled in and the document ``flags`` found."""
    settings = settings or Settings()
    names = sorted({u.speaker for us in corpus.units.values() for u in us if u.speaker})
    quotes = {d.id: quoted_spans(d.text) for d in corpus.documents}
    kinds = {d.id: d.source.kind for d in corpus.documents}
    records = settings.classify.record_kinds
    sides = {(p.a, p.b, lk.a, lk.b): (_side(corpus, p.a, lk.a, names, quotes), _side(corpus, p.b, lk.b, names, quotes))
             for p in corpus.pairs for lk in p.links}
    testimony: dict[str, Testimony] = {}
    for p in corpus.pairs:  # what every record says at each spot of each secondary source
        for lk in p.links:
            a, b = sides[(p.a, p.b, lk.a, lk.b)]
            if (kinds[p.a] in records) != (kinds[p.b] in records):
                secondary, record = (a, b) if kinds[p.b] in records else (b, a)
                add_link(testimony.setdefault(secondary.name, Testimony()), secondary, record)
    linked: dict[str, set[int]] = {d.id: set() for d in corpus.documents}
    for p in corpus.pairs:
        for lk in p.links:
            linked[p.a].update(lk.a)
            linked[p.b].update(lk.b)
    pairs = []
    named: set[tuple[str, str, int]] = set()  # (record, quoting document, unit) already named as linked to nothing
    for p in corpus.pairs:
        links: list[Link] = []
        conventions = name_conventions(p.links, settings.classify.convention_links)
        for lk in p.links:
            a, b = sides[(p.a, p.b, lk.a, lk.b)]
            quoting = p.a if kinds[p.a] not in records else p.b
            changes = classify_link(lk.edits, a, b, settings.classify, testimony.get(quoting))
            ids = lk.a if quoting == p.a else lk.b
            before = min(ids) - 1
            has_record = kinds[p.a] in records or kinds[p.b] in records
            if has_record and before >= 0 and before not in linked[quoting] and corpus.units[quoting][before].is_sentence:
                secondary, record = (a, b) if quoting == p.a else (b, a)
                frame = judging_frame(corpus.units[quoting][before].text, secondary, record, settings.classify)
                if frame is not None and not any(c.type == "loaded_language" and c.a == frame.a for c in changes):
                    changes = (frame, *changes)
            if (kinds[p.a] in records) != (kinds[p.b] in records):
                changes = _unlinked_quotation(corpus, p, lk, quoting, quotes[quoting], linked, changes, records, named)
            if (kinds[p.a] in records) != (kinds[p.b] in records) and not any(c.type == "speaker" for c in changes):
                secondary, record, ids = (a, b, lk.b) if kinds[p.b] in records else (b, a, lk.a)
                order = echo_order(secondary, record, ids, corpus.units[record.name])
                if order is not None:
                    changes = (*changes, order)
            links.append(replace(lk, changes=apply_conventions(changes, conventions, p.a, p.b) if conventions else changes))
        pairs.append(replace(p, links=tuple(links)))
    classified = replace(corpus, pairs=tuple(pairs))
    return replace(classified, flags=find_flags(classified, settings))
