"""Render a Corpus as the pages of a static HTML report: an overview, a synopsis against one reference, one page per pair.

Renderers return the pages (file name -> HTML); ``compare.write`` puts them on disk.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..errors import OutputError
from ..read import shorten
from ..records import Corpus, Document, PairAlignment, Source, Unit
from .environment import environment
from .handout import render_handout
from .marks import CHANGE_ORDER, QUIET_TYPES, NoteIndex
from .overview import build_overview, coverage_level
from .pair_table import pair_rows
from .synopsis import build_synopsis, unrelated_sources

__all__ = ["coverage_percent", "pair_file_name", "render_report", "synopsis_file_name"]

MAX_REFERENCES = 12
"""Sources offered as the reference of a synopsis of their own (the default one included)."""

_SAFE_ID = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]*")
_PLAIN_ID = re.compile(r"(?!.*--)[A-Za-z0-9_][A-Za-z0-9_.-]{0,39}(?<!-)")
"""Ids that name a page as they are: short, no ``--`` inside, not ending in ``-`` (so ``a--b`` splits one way)."""


def _digest(*ids: str) -> str:
    return hashlib.sha256("\0".join(ids).encode("utf-8")).hexdigest()[:10]


def pair_file_name(a_id: str, b_id: str) -> str:
    """Return the file name of the page comparing documents ``a_id`` and ``b_id`` (a first, as in the pair).

    ``pair-<a>--<b>.html`` when both ids are plain (see ``_PLAIN_ID``), so the name splits back one way only;
    otherwise the ids shortened to 30 characters and a hash of both, after a ``~`` that no id may hold:
    ``pair-a--b--c~1f2e3d4c5b.html``. No two pairs of ids get the same name.
    """
    if _PLAIN_ID.fullmatch(a_id) and _PLAIN_ID.fullmatch(b_id):
        return f"pair-{a_id}--{b_id}.html"
    return f"pair-{a_id[:30]}--{b_id[:30]}~{_digest(a_id, b_id)}.html"


def synopsis_file_name(ref_id: str, default: bool) -> str:
    """Return the file name of the synopsis against ``ref_id``: ``synopsis.html`` for the default reference."""
    if default:
        return "synopsis.html"
    if _PLAIN_ID.fullmatch(ref_id):
        return f"synopsis-{ref_id}.html"
    return f"synopsis-{ref_id[:30]}~{_digest(ref_id)}.html"


# --- view records: what the templates see -------------------------------------------------------


@dataclass(frozen=True)
class _CoverageCell:
    text: str
    href: str
    title: str
    level: str
    """CSS class: ``self``, ``none``, ``low``, ``mid``, ``high``, ``full``, ``na``."""


@dataclass(frozen=True)
class _MatrixRow:
    doc: Document
    cells: tuple[_CoverageCell, ...]


@dataclass(frozen=True)
class _PairSummary:
    a: Document
    b: Document
    href: str
    links: int
    a_covered: int
    a_total: int
    b_covered: int
    b_total: int


# --- rendering -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _ReferenceChoice:
    doc: Document
    href: str
    current: bool


DISPLAY_LIMIT = 200
"""Characters of a title or other manifest string shown on a page (the JSON keeps the whole value)."""


def for_display(corpus: Corpus) -> Corpus:
    """Return ``corpus`` with each source's title, outlet and further manifest values shortened for the pages.

    A 2 MB title repeated in every page header would make the report hundreds of MB; sentences are never cut.
    """
    def short(src: Source) -> Source:
        return replace(src, title=shorten(src.title, DISPLAY_LIMIT), outlet=shorten(src.outlet, DISPLAY_LIMIT),
                       extra=tuple((k, shorten(v, DISPLAY_LIMIT)) for k, v in src.extra))

    docs = tuple(replace(d, source=short(d.source)) for d in corpus.documents)
    return corpus if docs == corpus.documents else replace(corpus, documents=docs)


def render_report(corpus: Corpus, reference: str) -> dict[str, str]:
    """Return the pages of one report by file name: ``index.html`` (overview), ``synopsis.html``, ``handout.html``,
    one page per pair, and ``synopsis-<id>.html`` against each other source that may be the reference.

    ``reference`` is the id of the source the overview, ``synopsis.html`` and the handout compare against; the
    synopses link to each other, so the reader switches the reference in the page. A document flagged
    ``unrelated`` gets no synopsis of its own. Every page is self-contained (inline CSS and script, allowed by
    hash in its Content-Security-Policy; no network) and the pages are identical for the same corpus.
    """
    _check_ids(corpus)
    corpus = for_display(corpus)
    docs = {d.id: d for d in corpus.documents}
    ref = docs[reference]
    unrelated = unrelated_sources(corpus)
    # One synopsis per possible reference costs sources x sources cells: past a dozen sources only the first are offered.
    choices = [d for d in corpus.documents if d.id == ref.id or d.id not in unrelated]
    keep = {ref.id} | {d.id for d in [c for c in choices if c.id != ref.id][: MAX_REFERENCES - 1]}
    choices = [d for d in choices if d.id in keep]
    pages: dict[str, str] = {"index.html": _render_index(corpus, ref)}
    for doc in choices:
        menu = [_ReferenceChoice(d, synopsis_file_name(d.id, d.id == ref.id), d.id == doc.id) for d in choices]
        pages[synopsis_file_name(doc.id, doc.id == ref.id)] = _render_synopsis(corpus, doc, menu)
    pages["handout.html"] = render_handout(corpus, ref)
    for pair in corpus.pairs:
        name = pair_file_name(pair.a, pair.b)
        if name in pages:  # only a 40-bit hash collision could do this
            raise OutputError(f"cannot name the report page for {pair.a} and {pair.b}: {name} is taken. Rename one source (sources.toml).")
        pages[name] = _render_pair(corpus, pair, docs[pair.a], docs[pair.b])
    return pages


def _check_ids(corpus: Corpus) -> None:
    for doc in corpus.documents:
        if not _SAFE_ID.fullmatch(doc.id):
            raise OutputError(
                f"cannot name the report page for {doc.path}: its id {doc.id!r} is not URL-safe. "
                "Use only letters, digits, '-', '_' and '.' in the id (set it in sources.toml)."
            )


def _sentence_ids(units: Sequence[Unit]) -> set[int]:
    return {u.id for u in units if u.is_sentence}


def _covered(corpus: Corpus, pair: PairAlignment) -> tuple[set[int], set[int]]:
    """Return the sentence ids of a and of b that appear in a link of ``pair``."""
    a_sent, b_sent = _sentence_ids(corpus.units[pair.a]), _sentence_ids(corpus.units[pair.b])
    a_ids = {i for lk in pair.links for i in lk.a} & a_sent
    b_ids = {i for lk in pair.links for i in lk.b} & b_sent
    return a_ids, b_ids


def coverage_percent(covered: int, total: int) -> str:
    share = 100 * covered / total
    # Never round a partial coverage to a clean 0% or 100%: that would hide the one sentence that matters.
    if 0 < share < 1:
        return "<1%"
    if 99 < share < 100:
        return ">99%"
    return f"{round(share)}%"


def _pair_hrefs(corpus: Corpus, ref: Document) -> dict[str, str]:
    return {
        (p.b if p.a == ref.id else p.a): pair_file_name(p.a, p.b) for p in corpus.pairs if ref.id in (p.a, p.b)
    }


def _render_synopsis(corpus: Corpus, ref: Document, references: Sequence[_ReferenceChoice]) -> str:
    others, rows = build_synopsis(corpus, ref)
    unrelated = unrelated_sources(corpus)
    return environment().get_template("synopsis.html").render(
        ref=ref,
        references=references,
        others=others,
        rows=rows,
        flags=corpus.flags,
        langs={d.id: d.source.language for d in corpus.documents},
        unrelated=unrelated,
        unrelated_docs=[d for d in others if d.id in unrelated],
        sentence_counts={d.id: len(_sentence_ids(corpus.units[d.id])) for d in corpus.documents},
        pair_hrefs=_pair_hrefs(corpus, ref),
    )


def _render_index(corpus: Corpus, ref: Document) -> str:
    docs = {d.id: d for d in corpus.documents}
    totals = {d.id: len(_sentence_ids(corpus.units[d.id])) for d in corpus.documents}
    pairs: dict[tuple[str, str], PairAlignment] = {}
    coverage: dict[tuple[str, str], int] = {}
    summaries = []
    for pair in corpus.pairs:
        a_ids, b_ids = _covered(corpus, pair)
        pairs[(pair.a, pair.b)] = pairs[(pair.b, pair.a)] = pair
        coverage[(pair.a, pair.b)], coverage[(pair.b, pair.a)] = len(a_ids), len(b_ids)
        summaries.append(
            _PairSummary(
                docs[pair.a], docs[pair.b], pair_file_name(pair.a, pair.b), len(pair.links),
                len(a_ids), totals[pair.a], len(b_ids), totals[pair.b],
            )
        )  # fmt: skip
    matrix = [
        _MatrixRow(
            x,
            tuple(
                _coverage_cell(x, y, totals[x.id], pairs.get((x.id, y.id)), coverage.get((x.id, y.id), 0))
                for y in corpus.documents
            ),
        )
        for x in corpus.documents
    ]
    return environment().get_template("index.html").render(
                documents=corpus.documents,
        counts={d.id: (totals[d.id], len(corpus.units[d.id]) - totals[d.id]) for d in corpus.documents},
        matrix=matrix,
        pairs=summaries,
        rejected=sorted(corpus.rejected, key=lambda r: (r.file, r.reason)),
        model_name=corpus.model_name,
        model_sha256=corpus.model_sha256,
        overview=build_overview(corpus, ref),
        loud_types=[t for t in CHANGE_ORDER if t not in QUIET_TYPES],
        problems=corpus.annotations.problems,
        starred=bool(corpus.annotations.starred),
        flags=corpus.flags,
    )


def _coverage_cell(x: Document, y: Document, total: int, pair: PairAlignment | None, covered: int) -> _CoverageCell:
    if x.id == y.id:
        return _CoverageCell("—", "", "same document", "self")
    if pair is None:
        return _CoverageCell("not compared", "", f"{x.id} and {y.id} were not aligned", "na")
    href = pair_file_name(pair.a, pair.b)
    if total == 0:
        return _CoverageCell("n/a", href, f"{x.id} has no sentences", "na")
    title = f"{covered} of {total} sentences of {x.id} have a counterpart in {y.id}"
    return _CoverageCell(coverage_percent(covered, total), href, title, coverage_level(covered, total))


def _render_pair(corpus: Corpus, pair: PairAlignment, a: Document, b: Document) -> str:
    units_a, units_b = corpus.units[pair.a], corpus.units[pair.b]
    index = NoteIndex(corpus)

    def notes(side: str, unit: int) -> tuple[tuple[str, ...], bool]:
        doc = pair.a if side == "a" else pair.b
        return index.notes(doc, [unit]), index.starred(doc, [unit])

    rows = pair_rows(pair.links, units_a, units_b, possible=pair.possible, notes=notes)
    a_ids, b_ids = _covered(corpus, pair)
    return environment().get_template("pair.html").render(
                a=a,
        b=b,
        rows=rows,
        links=len(pair.links),
        a_covered=len(a_ids),
        a_total=len(_sentence_ids(units_a)),
        b_covered=len(b_ids),
        b_total=len(_sentence_ids(units_b)),
        possible=sum(1 for r in rows if r.kind == "possible"),
        types=[t for t in CHANGE_ORDER if any(t in r.types for r in rows)],
    )
