"""The classifier's view of a link: its two sides, and its edits cut into hunks."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..records import Edit
from .lexicon import content_stems

__all__ = ["Hunk", "Side", "hunks"]


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
    offsets: tuple[tuple[int, int], ...] = ()
    """Per linked sentence, (offset in ``text``, offset in the document's text); empty: ``text`` is the document."""
    nearby: str = ""
    """The sentences right before and after the linked ones in the document (a statement split or joined differently
    by the other source), and the whole quotation the linked words stand in: words found there are not missing from
    this side."""
    speech: str = ""
    """The whole speech the linked words stand in, over paragraphs (a quotation whose paragraphs each open with a
    quotation mark, only the last one closed, is one speech): a word a record's speaker says anywhere in it is not a
    word that a quotation of that speech added."""

    def doc_offset(self, i: int) -> int:
        """Return the document offset of ``text[i]``."""
        at, doc = 0, 0
        for t, d in self.offsets:
            if t <= i:
                at, doc = t, d
        return doc + i - at


@dataclass
class Hunk:
    """A run of deleted and inserted words between two unchanged stretches, with its offsets on each side."""

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


def hunks(edits: Sequence[Edit]) -> list[Hunk]:
    """Cut a link's edits into hunks, in text order."""
    hunks: list[Hunk] = []
    pa = pb = 0
    before = ""
    cur: Hunk | None = None
    for e in edits:
        if e.op == "equal":
            cur = None
            pa += len(e.text)
            pb += len(e.text)
            before = e.text
            continue
        if cur is None:
            cur = Hunk("", "", pa, pb, anchored=bool(content_stems(before)))
            hunks.append(cur)
        if e.op == "delete":
            cur.a += e.text
            pa += len(e.text)
        else:
            cur.b += e.text
            pb += len(e.text)
    return hunks
