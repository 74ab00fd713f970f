"""Render a Corpus as a static HTML report: an overview, a synopsis against one reference, and one page per pair."""

from __future__ import annotations

import base64
import functools
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from .errors import OutputError
from .pair_table import pair_rows
from .records import Corpus, Document, PairAlignment, Unit
from .synopsis import CHANGE_ORDER, build_overview, build_synopsis, choose_reference, coverage_level, unrelated_sources

__all__ = ["environment", "render_report", "pair_file_name"]

_SAFE_ID = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]*")


def pair_file_name(a_id: str, b_id: str) -> str:
    """Return the file name of the page comparing documents ``a_id`` and ``b_id`` (a first, as in the pair)."""
    return f"pair-{a_id}--{b_id}.html"


_CHANGE_SYMBOLS = {
    "loaded_language": "!",
    "meaning": "≠",
    "quote": "❝",
    "number": "#",
    "speaker": "@",
    "hedge": "~",
    "wording": "✎",
}


# Unicode direction controls in source text could reorder what a reader sees (a file name or a quote shown
# backwards); they are shown as visible markers instead. Only the displayed copy changes, never the data.
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")


def _show_controls(value: object) -> object:
    if isinstance(value, str) and not isinstance(value, Markup) and _BIDI.search(value):
        return _BIDI.sub(lambda m: f"[U+{ord(m.group()):04X}]", value)
    return value


@functools.cache
def environment() -> Environment:
    """Return the one jinja2 environment of the report pages (autoescape, strict, packaged CSS/JS and CSP hash)."""
    from .classify import CHANGE_TYPES, FLAG_TYPES

    env = Environment(
        loader=PackageLoader("compare", "templates"),
        autoescape=True,
        finalize=_show_controls,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals.update(
        css=_static("report.css"),
        js=_static("report.js"),
        script_hash=_script_hash(),
        change_types=CHANGE_ORDER,
        change_rules=CHANGE_TYPES,
        change_symbols=_CHANGE_SYMBOLS,
        flag_rules=FLAG_TYPES,
    )
    return env


@functools.cache
def _static(name: str) -> Markup:
    text = (resources.files("compare") / "static" / name).read_text(encoding="utf-8")
    # Inlined verbatim into <style>/<script>; our own files, never source text, so marking them safe is sound.
    if "</" in text:
        raise ValueError(f"{name} must not contain '</' (it is inlined into the page)")
    return Markup(text)


@functools.cache
def _script_hash() -> str:
    """Return the CSP source allowing exactly the inlined report.js (and no other script)."""
    digest = hashlib.sha256(str(_static("report.js")).encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


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


def render_report(corpus: Corpus, out_dir: Path, *, reference: str | None = None) -> Path:
    """Write ``index.html`` (overview), ``synopsis.html`` and one ``pair-<a>--<b>.html`` per pair; return the index.

    ``reference`` is the source id the synopsis and overview compare against (default: the first transcript).
    Every page is self-contained (inline CSS and script, allowed by hash in its Content-Security-Policy; no
    network) and the output is byte-identical for the same corpus.
    """
    _check_ids(corpus)
    docs = {d.id: d for d in corpus.documents}
    ref = choose_reference(corpus, reference)
    pages: dict[str, str] = {"index.html": _render_index(corpus, ref), "synopsis.html": _render_synopsis(corpus, ref)}
    for pair in corpus.pairs:
        pages[pair_file_name(pair.a, pair.b)] = _render_pair(corpus, pair, docs[pair.a], docs[pair.b])
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        for name in sorted(pages):
            (out_dir / name).write_text(pages[name], encoding="utf-8", newline="\n")
    except OSError as exc:
        raise OutputError(
            f"cannot write the report to {out_dir}: {exc.strerror}. Pick a folder you can write to (-o)."
        ) from None
    return out_dir / "index.html"


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


def _percent(covered: int, total: int) -> str:
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


def _render_synopsis(corpus: Corpus, ref: Document) -> str:
    others, rows = build_synopsis(corpus, ref)
    unrelated = unrelated_sources(corpus)
    return environment().get_template("synopsis.html").render(
        ref=ref,
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
    return _CoverageCell(_percent(covered, total), href, title, coverage_level(covered, total))


def _render_pair(corpus: Corpus, pair: PairAlignment, a: Document, b: Document) -> str:
    units_a, units_b = corpus.units[pair.a], corpus.units[pair.b]
    rows = pair_rows(pair.links, units_a, units_b, a_title=a.source.title or a.id, b_title=b.source.title or b.id)
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
    )
