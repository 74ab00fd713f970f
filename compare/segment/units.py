"""Split a Document into Units: sentences with exact offsets, and boilerplate set aside with a reason."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..records import Document, Unit
from .sections import merge_small_sections
from .sentences import split_sentences, trim_span

__all__ = ["split_units"]

# Lines that are page furniture, each with the reason shown in the report.
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_FURNITURE: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p, re.IGNORECASE if i else 0), reason)
    for i, (p, reason) in enumerate(
        [
            (r"^\d+ of \d+$", "page furniture: photo gallery counter"),
            (r"^[-–—•*]\s*\d+$", "scraper noise: list marker with a number"),
            (r"^[<\[(]\s*(?:…|\.\.\.)\s*[>\])]$", "omission marker"),
            (r"^(?:\*\s*){3,}$", "separator"),
            (rf"^(?:(?:{_MONTHS})\s+\d{{1,2}},\s+\d{{4}}|\d{{1,2}}\s+(?:{_MONTHS})\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})$",
             "dateline: date"),
            (r"^\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?$", "dateline: time"),
            (r"^(?:publication status|published in sections|publication date|last updated|updated)\b",
             "page furniture: publication metadata"),
            (r"\b(?:we use cookies|accept (?:all )?cookies|cookie (?:policy|settings|preferences))\b",
             "page furniture: cookie banner"),
            (r"^(?:leave a reply|leave a comment|your email address will not be published|required fields are marked"
             r"|post comment|cancel reply)", "page furniture: comment form"),
            (r"^(?:(?:text version|events|geography|topics|persons|see also|share|print|tags|related|read more"
             r"|advertisement|subscribe|menu|home|search)\s*)+$", "page furniture: navigation label"),
        ]
    )
)
_NAV_HEADINGS = re.compile(r"^(?:geography|topics|persons|tags|see also|related)$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?…:;\"”’)]\s*$")
_HEADER_DATE = re.compile(r"\A\s*(date\s+\d{4}-\d{2}-\d{2})\b")
_LABEL = re.compile(r"\A(?P<label>[^:\n]*?(?:\n[^:\n]*?)?)[ \t]*\n?[ \t]*:(?:[ \t]+|[ \t]*\n|[ \t]*\Z)")
_CONNECTORS = {"of", "the", "and", "de", "von", "van", "der", "for", "da", "del", "la", "le", "bin", "al"}
# Capitalised words that open a sentence rather than a speaker label ("According to X, ...").
_NOT_NAMES = {"according", "as", "in", "on", "at", "for", "after", "before", "when", "while", "if", "but", "and", "so", "the"}
_WORD = re.compile(r"\w+", re.UNICODE)
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
"""A line break as Windows (CRLF), old Mac (CR) or Unix (LF) files write it."""


@dataclass
class _Span:
    """A working span of text before it becomes a Unit."""

    start: int
    end: int
    set_aside: str | None = None
    speaker: str | None = None
    label_for: str | None = None  # set on speaker-label spans: the raw label


def _lines(text: str) -> list[tuple[int, int]]:
    """Return (start, end) of every non-blank line, trimmed of surrounding whitespace."""
    spans = (trim_span(text, m.start(), m.end()) for m in re.finditer(r"[^\r\n]+", text))  # CRLF, CR or LF
    return [(s, e) for s, e in spans if s < e]


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Group lines into paragraphs; a line starting with , ; : . ) continues the line above it."""
    paras: list[tuple[int, int]] = []
    prev_end = -1
    for s, e in _lines(text):
        adjacent = paras and len(_LINE_BREAK.findall(text, prev_end, s)) == 1
        if adjacent and text[s] in ",;:.)":
            paras[-1] = (paras[-1][0], e)
        else:
            paras.append((s, e))
        prev_end = e
    return paras


def _is_short_label_line(line: str) -> bool:
    return len(line.split()) <= 5 and not _SENTENCE_END.search(line)


def _name_like(label: str) -> bool:
    """Whether ``label`` reads like a speaker: capitalised words and connectors, no sentence punctuation."""
    label = " ".join(label.split())
    if len(label) > 160 or re.search(r"[.!?\"“”«»()\[\];]|\d", label):
        return False
    name, _, role = label.partition(",")
    words = name.split()
    if not 1 <= len(words) <= 8 or not words[0][0].isupper() or words[0].lower() in _NOT_NAMES:
        return False
    return all(w[0].isupper() or w.lower() in _CONNECTORS for w in words + role.split())


def _speaker_names(labels: list[str]) -> dict[str, str]:
    """Map raw labels to short speaker names ("President of Russia Vladimir Putin" -> "Vladimir Putin")."""
    base = {lab: " ".join(lab.split()).split(",", 1)[0].strip() for lab in labels}
    names = set(base.values())
    out = {}
    for lab, name in base.items():
        shorter = [n for n in names if n != name and name.endswith(" " + n) and len(n.split()) >= 2]
        out[lab] = min(shorter, key=len) if shorter else name
    return out


def _classify_paragraphs(
    text: str, paras: list[tuple[int, int]], asides: tuple[tuple[int, int, str], ...] = ()
) -> list[_Span]:
    """Mark furniture paragraphs (and those inside ``asides``); split off header dates and speaker labels."""
    spans: list[_Span] = []
    in_tag_list = False
    prev_reason: str | None = None
    for s, e in paras:
        line = text[s:e]
        flat = " ".join(line.split())
        known = next((r for a, b, r in asides if a <= s < b), None)
        reason = known or next((r for p, r in _FURNITURE if p.search(flat)), None)
        if reason is None and in_tag_list and _is_short_label_line(flat):
            reason = "page furniture: tag list"
        elif reason is None and prev_reason == "page furniture: photo gallery counter" and len(flat.split()) <= 20:
            reason = "page furniture: photo caption"
        elif reason is None and prev_reason == "dateline: time" and _is_short_label_line(flat):
            reason = "dateline: place"
        if reason is not None:
            in_tag_list = bool(_NAV_HEADINGS.match(flat)) or (in_tag_list and reason == "page furniture: tag list")
            spans.append(_Span(s, e, set_aside=reason))
            prev_reason = reason
            continue
        in_tag_list = False
        prev_reason = None
        header = _HEADER_DATE.match(line)
        if header:
            spans.append(_Span(s + header.start(1), s + header.end(1), set_aside="metadata header: date"))
            s = s + header.end(1)
            while s < e and text[s].isspace():
                s += 1
            if s >= e:
                continue
            line = text[s:e]
        m = _LABEL.match(line)
        if m and m.group("label").strip() and _name_like(m.group("label")):
            label_end = s + m.end()
            raw = m.group("label")
            lab_stop = s + m.end()
            while lab_stop > s and text[lab_stop - 1].isspace():
                lab_stop -= 1
            spans.append(_Span(s, lab_stop, set_aside="speaker label", label_for=raw))
            s = label_end
            while s < e and text[s].isspace():
                s += 1
            if s >= e:
                continue
        spans.append(_Span(s, e))
    return spans


def _is_transcript(doc: Document, speakers: list[str]) -> bool:
    """Whether speaker turns run on past their label: a manifest transcript, or two speakers labelled twice each."""
    if doc.source.kind == "transcript":
        return True
    return sum(1 for name in set(speakers) if speakers.count(name) >= 2) >= 2


def split_units(doc: Document, *, min_section: int = 1) -> tuple[Unit, ...]:
    """Split ``doc.text`` into Units in text order, ids 0..n-1.

    Sections (text between runs of page furniture) with fewer than ``min_section`` sentences join the next one.

    Every non-whitespace character lies in exactly one unit; ``unit.text == doc.text[unit.start:unit.end]``.
    """
    text = doc.text
    spans = _classify_paragraphs(text, _paragraphs(text), doc.asides)
    labels = [sp.label_for for sp in spans if sp.label_for is not None]
    names = _speaker_names(labels)
    transcript = _is_transcript(doc, [names[lab] for lab in labels])

    units: list[Unit] = []
    speaker: str | None = None
    section = 0
    pending_label: str | None = None
    last_aside = False
    for sp in spans:
        if sp.set_aside is not None:
            if sp.label_for is not None:
                speaker = names[sp.label_for]
                pending_label = speaker
                reason = f"speaker label: {speaker}"
            else:
                reason = sp.set_aside
                if not last_aside and units and not reason.startswith("metadata header"):
                    section += 1
                if not reason.startswith("metadata header"):
                    speaker = None
                    last_aside = True
            units.append(Unit(len(units), sp.start, sp.end, text[sp.start : sp.end], None, reason, section))
            continue
        last_aside = False
        who = pending_label if pending_label is not None else (speaker if transcript else None)
        pending_label = None
        for s, e in split_sentences(text[sp.start : sp.end], doc.source.language):
            s, e = sp.start + s, sp.start + e
            units.append(Unit(len(units), s, e, text[s:e], who, None, section))
    return merge_small_sections(units, min_section)

