"""Plain, frozen records passed between the pipeline's stages."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

__all__ = [
    "Source",
    "Document",
    "Unit",
    "Edit",
    "Link",
    "PairAlignment",
    "Corpus",
    "Event",
    "Annotations",
    "Note",
    "Rejected",
    "Change",
    "Flag",
    "ChangeType",
    "FlagType",
    "UnitStatus",
    "EditOp",
    "SourceKind",
]

UnitStatus = Literal["aligned", "unmatched", "set_aside"]
EditOp = Literal["equal", "insert", "delete"]
SourceKind = Literal["transcript", "readout", "press", "other"]
ChangeType = Literal["wording", "loaded_language", "hedge", "number", "quote", "speaker", "meaning"]
FlagType = Literal["unrelated", "no_counterpart", "date_mismatch"]


@dataclass(frozen=True)
class Source:
    """What the manifest (or the file itself) says about one source."""

    id: str
    """Short, unique, URL-safe name used in reports ("transcript", "readout")."""
    file: str
    """File name inside the corpus folder."""
    title: str
    """Human title of the source."""
    outlet: str = ""
    """Who published it ("Kremlin", "a news site")."""
    kind: str = "other"
    """One of ``transcript``, ``readout``, ``press``, ``other``."""
    language: str = "en"
    """BCP 47 language tag of the text."""
    date: str = ""
    """Publication or event date, ISO 8601 where known."""
    extra: tuple[tuple[str, str], ...] = ()
    """Any further manifest keys, as sorted (key, value) pairs."""


@dataclass(frozen=True)
class Document:
    """One source's decoded text, with its metadata."""

    source: Source
    """Its manifest entry."""
    path: str
    """Display path, ``<corpus folder name>/<file name>``; never absolute."""
    text: str
    """The text every offset indexes: the file decoded (BOM stripped, newlines untouched), or for HTML the extracted main text."""
    format: str = "text"
    """``text``, ``markdown`` or ``html``."""
    encoding: str = "utf-8"
    """How the file was read: the encoding it was decoded with, or ``pdf text layer`` / ``docx``."""
    asides: tuple[tuple[int, int, str], ...] = ()
    """(start, end, reason) spans of ``text`` that reading already knows to set aside (an HTML page's boilerplate)."""

    @property
    def id(self) -> str:
        """The source id."""
        return self.source.id


@dataclass(frozen=True)
class Unit:
    """A span of a document: a sentence, or text set aside as boilerplate."""

    id: int
    """0..n-1 in text order within its document."""
    start: int
    """Offset of the first character in ``Document.text``."""
    end: int
    """Offset after the last character; ``text == Document.text[start:end]``."""
    text: str
    """The exact characters of the span."""
    speaker: str | None = None
    """Who says it, for speaker turns in transcripts; ``None`` when not known."""
    set_aside: str | None = None
    """Why the span is kept out of the alignment (page furniture, metadata, speaker label); ``None`` for sentences."""
    section: int = 0
    """Index of the section it belongs to; sections are separated by runs of set-aside text."""

    @property
    def is_sentence(self) -> bool:
        """Whether this unit takes part in the alignment."""
        return self.set_aside is None


@dataclass(frozen=True)
class Edit:
    """One word-level operation turning side a's text into side b's."""

    op: EditOp
    """``equal`` (in both), ``delete`` (only in a), ``insert`` (only in b)."""
    text: str
    """The characters concerned, spaces included."""


@dataclass(frozen=True)
class Change:
    """One named difference inside a link, explainable from the highlighted words."""

    type: ChangeType
    """What kind of change: ``wording``, ``loaded_language``, ``hedge``, ``number``, ``quote``, ``speaker``, ``meaning``."""
    a: str
    """The words on side a (as in the edits; empty when only side b has words)."""
    b: str
    """The words on side b (empty when only side a has words)."""
    detail: str = ""
    """Why this type was chosen, in words a reader can check against the highlighted text."""


@dataclass(frozen=True)
class Flag:
    """A finding about a whole document or a long stretch of it."""

    type: FlagType
    """``unrelated`` (about something else), ``no_counterpart`` (a long run with no counterpart anywhere),
    ``date_mismatch`` (a date header that contradicts the event's date given by the other sources)."""
    detail: str
    """What was found, in words a reader can check."""
    start: int = 0
    """Offset of the flagged stretch in ``Document.text``."""
    end: int = 0
    """Offset after the flagged stretch (the whole text for document-wide flags)."""


@dataclass(frozen=True)
class Link:
    """Sentences of document a that report the same statement as sentences of document b."""

    a: tuple[int, ...]
    """Unit ids in document a (one or more, adjacent, ascending)."""
    b: tuple[int, ...]
    """Unit ids in document b (one or more, adjacent, ascending)."""
    score: float
    """Cosine similarity of the linked sentences' embeddings (mean over sentence pairs), 0..1."""
    edits: tuple[Edit, ...] = ()
    """Word-level edits from a's text to b's text; empty until the diff stage runs."""
    changes: tuple[Change, ...] = ()
    """Named changes (see ``compare.classify``); empty until the classify stage runs."""
    checked: bool = False
    """A person marked this link right (``annotations.json``, verdict ``right``)."""
    added: bool = False
    """A person made this link (``annotations.json``, verdict ``add``); its edits and changes are computed as for any link."""
    confidence: float | None = None
    """Calibrated probability that the link is right (on held-out gold, of links given 0.8 about 80% are right);
    ``None`` where the aligner gives none (``compare.align_sentences`` with a caller's scores)."""


@dataclass(frozen=True)
class PairAlignment:
    """All links between two documents (a before b in corpus order)."""

    a: str
    """Id of document a."""
    b: str
    """Id of document b."""
    links: tuple[Link, ...]
    """Links sorted by their first a unit, then first b unit."""
    related: float = 0.0
    """How related the two texts are: mean of the best sentence cosines (see ``compare.align.relatedness``)."""
    possible: tuple[Link, ...] = ()
    """Possible counterparts: pairings below the link threshold but above a floor, kept with their confidence,
    shown apart and never counted as links (no edits' badges, not in coverage)."""


@dataclass(frozen=True)
class Rejected:
    """A file of the corpus folder that could not be used, and why."""

    file: str
    """File name inside the corpus folder."""
    reason: str
    """What is wrong and what to do."""


@dataclass(frozen=True)
class Event:
    """Documents that report one event, decided once by the grouping stage (``compare.align.events``)."""

    id: str
    """``NNN-<id of its first document>``, numbered in corpus order from 001."""
    documents: tuple[str, ...]
    """Ids of its documents (two or more), in corpus order."""
    reference: str
    """Id of the document its synopsis compares every other against."""
    folder: str | None = None
    """``events/<id>`` when the report has one sub-report per event; ``None`` when one report covers the corpus."""


@dataclass(frozen=True)
class Note:
    """A teacher's note on one sentence (``annotations.json``)."""

    source: str
    """Document id."""
    unit: int
    """Unit id of the sentence in that document."""
    text: str
    """The note, as written (shown escaped like all text)."""


@dataclass(frozen=True)
class Annotations:
    """A teacher's annotations, resolved against this run's sentences (``compare.annotate``)."""

    notes: tuple[Note, ...] = ()
    starred: tuple[tuple[str, int], ...] = ()
    """(document id, unit id) of each starred sentence, in file order."""
    problems: tuple[str, ...] = ()
    """Annotations that named no sentence or several, each said in words (shown on stderr and in the overview)."""


@dataclass(frozen=True)
class Corpus:
    """Everything one run produced: documents, their units, the pairwise links."""

    documents: tuple[Document, ...]
    units: dict[str, tuple[Unit, ...]] = field(hash=False)
    """Units per document id."""
    pairs: tuple[PairAlignment, ...] = ()
    model_name: str = ""
    model_sha256: str = ""
    rejected: tuple[Rejected, ...] = ()
    """Files skipped, with the reason."""
    flags: dict[str, tuple[Flag, ...]] = field(default_factory=dict, hash=False)
    """Document-level findings per document id (see ``compare.classify``)."""
    events: tuple[Event, ...] = ()
    """The events of the corpus (documents related to no other belong to none)."""
    annotations: Annotations = field(default_factory=Annotations)
    """The teacher's annotations applied to this run (empty without an ``annotations.json``)."""

    def event_of(self, doc_id: str) -> Event | None:
        """Return the event that holds document ``doc_id``, or None when it is related to no other document."""
        return next((e for e in self.events if doc_id in e.documents), None)

    def status(self, doc_id: str) -> list[str]:
        """Return each unit's status (``aligned``, ``unmatched``, ``set_aside``) in unit order."""
        linked: set[int] = set()
        for pair in self.pairs:
            for link in pair.links:
                if pair.a == doc_id:
                    linked.update(link.a)
                if pair.b == doc_id:
                    linked.update(link.b)
        return [
            "set_aside" if u.set_aside is not None else ("aligned" if u.id in linked else "unmatched")
            for u in self.units[doc_id]
        ]
