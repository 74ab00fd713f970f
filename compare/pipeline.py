"""The one call that runs it all: read, segment, embed, align, diff, then export and render."""

from __future__ import annotations

import itertools
import os
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Protocol

import numpy as np

from .align import AlignInput, align_vectors, event_groups, relatedness
from .classify import classify_corpus
from .diff import diff_words
from .embed import Embedder, EmbeddingCache, ModelInfo, SentenceTransformerEmbedder, embed_texts, resolve_model
from .errors import InputError, OutputError
from .ingest import read_corpus
from .records import Corpus, Document, Link, PairAlignment, Unit
from .segment import split_units, unit_text_for_model
from .settings import Settings
from .synopsis import check_reference

__all__ = ["Progress", "RunResult", "align_sentences", "build_corpus", "compare_corpus", "link_text"]


class Progress(Protocol):
    """Where the pipeline reports what it is doing; the CLI draws it on stderr."""

    def notice(self, message: str) -> None:
        """Tell the user something worth knowing (a skipped file, a cache in use)."""

    def advance(self, label: str, done: int, total: int) -> None:
        """Report ``done`` of ``total`` items of the step ``label``."""


class _Silent:
    def notice(self, message: str) -> None:
        pass

    def advance(self, label: str, done: int, total: int) -> None:
        pass


@dataclass(frozen=True)
class RunResult:
    """What ``compare_corpus`` produced."""

    corpus: Corpus
    index: Path
    """The report's index.html."""
    encoded: int
    """Sentences the model encoded in this run (0 when all came from the cache)."""


def link_text(units: Sequence[Unit], ids: Sequence[int]) -> str:
    """Return the text a link compares on one side: its units' texts joined by one space."""
    return " ".join(units[i].text for i in ids)


def _embedder(settings: Settings, model: ModelInfo) -> SentenceTransformerEmbedder:
    return SentenceTransformerEmbedder(model, device=settings.device, batch_size=settings.batch_size)


def _open_cache(settings: Settings, model: ModelInfo, progress: Progress) -> EmbeddingCache | None:
    if settings.cache_dir is None:
        return None
    try:
        return EmbeddingCache(settings.cache_dir, model.sha256)
    except (OSError, Exception) as exc:  # sqlite3 raises its own types for a bad file
        progress.notice(f"cache {settings.cache_dir} cannot be used ({exc}); encoding without it.")
        return None


def build_corpus(
    corpus_dir: Path,
    settings: Settings | None = None,
    *,
    embedder: Embedder | None = None,
    model: ModelInfo | None = None,
    progress: Progress | None = None,
) -> tuple[Corpus, int]:
    """Read, segment, embed, align, diff and classify a corpus folder; return the Corpus and how many sentences were encoded."""
    settings = settings or Settings()
    progress = progress or _Silent()
    docs, rejected = read_corpus(corpus_dir, settings.encoding)
    for r in rejected:
        progress.notice(r.reason)
    if settings.strict and rejected:
        raise InputError(
            f"cannot compare {corpus_dir} with --strict: {len(rejected)} file(s) could not be used "
            f"({'; '.join(r.reason for r in rejected)}). Fix or remove them, or run without --strict."
        )
    if len(docs) < 2:
        raise InputError(
            f"cannot compare {corpus_dir}: {len(docs)} usable document(s); at least two are needed. "
            "Add source files (.txt, .md, .html, .pdf, .docx) to the folder."
        )
    if settings.reference is not None:  # fail before the model runs, not after
        check_reference([d.id for d in docs], settings.reference)
    units = {d.id: split_units(d, min_section=settings.align.section_min_units) for d in docs}
    if model is None:
        model = resolve_model(settings.model)
    if embedder is None:
        embedder = _embedder(settings, model)
    cache = _open_cache(settings, model, progress)
    sent_ids = {d.id: [u.id for u in units[d.id] if u.is_sentence] for d in docs}
    texts = [unit_text_for_model(units[d.id][i]) for d in docs for i in sent_ids[d.id]]
    try:
        vectors, encoded = embed_texts(
            texts, embedder, cache=cache, on_progress=lambda done, total: progress.advance("encoding sentences", done, total)
        )
    finally:
        if cache is not None:
            cache.close()
    per_doc: dict[str, AlignInput] = {}
    pos = 0
    for d in docs:
        ids = sent_ids[d.id]
        per_doc[d.id] = AlignInput(
            vectors=vectors[pos : pos + len(ids)] if ids else np.zeros((0, 1), dtype=np.float32),
            texts=[unit_text_for_model(units[d.id][i]) for i in ids],
            sections=[units[d.id][i].section for i in ids],
        )
        pos += len(ids)
    pairs: list[PairAlignment] = []
    combos = list(itertools.combinations(range(len(docs)), 2))
    rel = {
        (i, j): relatedness(per_doc[docs[i].id].vectors @ per_doc[docs[j].id].vectors.T, settings.align.relatedness_top)
        if len(sent_ids[docs[i].id]) and len(sent_ids[docs[j].id]) else 0.0
        for i, j in combos
    }
    groups = event_groups(rel, len(docs), settings.align.event_threshold)
    for n, (i, j) in enumerate(combos, 1):
        da, db = docs[i], docs[j]
        if groups[i] == groups[j]:
            links, _ = align_vectors(per_doc[da.id], per_doc[db.id], settings.align)
        else:
            links = []  # not the same event: nothing to pair, however similar some sentences look
        related = rel[(i, j)]
        ua, ub = units[da.id], units[db.id]
        mapped = []
        for lk in links:
            a_ids = tuple(sent_ids[da.id][i] for i in lk.a)
            b_ids = tuple(sent_ids[db.id][j] for j in lk.b)
            edits = diff_words(link_text(ua, a_ids), link_text(ub, b_ids))
            mapped.append(Link(a_ids, b_ids, lk.score, edits))
        pairs.append(PairAlignment(da.id, db.id, tuple(mapped), round(related, 4)))
        progress.advance("aligning pairs", n, len(combos))
    corpus = Corpus(
        documents=tuple(docs),
        units=units,
        pairs=tuple(pairs),
        model_name=model.name,
        model_sha256=model.sha256,
        rejected=tuple(rejected),
    )
    return classify_corpus(corpus, settings), encoded


def _check_out_dir(corpus_dir: Path, out_dir: Path) -> None:
    c, o = corpus_dir.resolve(), out_dir.resolve()
    if o == c or o.is_relative_to(c):
        raise OutputError(
            f"cannot write the report to {out_dir}: it is inside the corpus folder {corpus_dir}, so the next run "
            "would read the report as a source. Pick an output folder outside it (-o reports)."
        )
    if c.is_relative_to(o):
        raise OutputError(
            f"cannot write the report to {out_dir}: it holds the corpus folder {corpus_dir}, and the report folder is "
            "replaced as a whole. Pick an output folder outside the corpus (-o reports)."
        )
    if o.exists() and not o.is_dir():
        raise OutputError(f"cannot write the report to {out_dir}: a file of that name exists. Pick another -o folder.")
    if o.is_dir() and not (o / "alignment.json").is_file():
        others = sorted(p.name for p in o.iterdir())
        if others:
            shown = ", ".join(others[:3]) + (", …" if len(others) > 3 else "")
            raise OutputError(
                f"cannot write the report to {out_dir}: it holds other files ({shown}) and is not an earlier report, "
                "and the report folder is replaced as a whole. Pick a new or empty folder (-o)."
            )


def _clean_up(tmp: Path, old: Path | None, out_dir: Path) -> None:
    """After a failed write: drop the half-written folder and put the previous report back if it was moved aside."""
    shutil.rmtree(tmp, ignore_errors=True)
    if old is not None:
        if not out_dir.exists() and (old / "previous").exists():
            os.replace(old / "previous", out_dir)
        shutil.rmtree(old, ignore_errors=True)


def write_outputs(corpus: Corpus, out_dir: Path, *, reference: str | None = None) -> Path:
    """Write JSON, CSV and HTML into a temporary folder beside ``out_dir``, then move it into place."""
    from .export import write_csv, write_json
    from .report import render_report

    parent = out_dir.resolve().parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.", dir=parent))
    except OSError as exc:
        raise OutputError(f"cannot write the report to {out_dir}: {exc.strerror}. Pick a folder you can write to (-o).") from None
    old: Path | None = None
    try:
        write_json(corpus, tmp / "alignment.json")
        write_csv(corpus, tmp / "alignment.csv")
        render_report(corpus, tmp, reference=reference)
        os.chmod(tmp, 0o755)
        if out_dir.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.old.", dir=parent))
            os.replace(out_dir, old / "previous")
        os.replace(tmp, out_dir)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except OSError as exc:
        _clean_up(tmp, old, out_dir)
        raise OutputError(f"cannot write the report to {out_dir}: {exc.strerror}. Pick a folder you can write to (-o).") from None
    except BaseException:
        _clean_up(tmp, old, out_dir)
        raise
    return out_dir / "index.html"


def compare_corpus(
    corpus_dir: Path, out_dir: Path, settings: Settings | None = None, *, progress: Progress | None = None
) -> RunResult:
    """Compare every document of ``corpus_dir`` with every other and write the report to ``out_dir``."""
    settings = settings or Settings()
    _check_out_dir(corpus_dir, out_dir)
    corpus, encoded = build_corpus(corpus_dir, settings, progress=progress)
    index = write_outputs(corpus, out_dir, reference=settings.reference)
    return RunResult(corpus=corpus, index=index, encoded=encoded)


def align_sentences(
    a: Sequence[str],
    b: Sequence[str],
    *,
    settings: Settings | None = None,
    embedder: Embedder | None = None,
) -> list[Link]:
    """Align two lists of pre-split sentences; return links whose ``a``/``b`` hold indices into ``a`` and ``b``.

    Uses the same aligner as the corpus pipeline, with edits filled in. Pass ``embedder`` to reuse a loaded model.
    """
    settings = settings or Settings()
    if embedder is None:
        embedder = _embedder(settings, resolve_model(settings.model))
    texts = [" ".join(t.split()) for t in [*a, *b]]
    vectors, _ = embed_texts(texts, embedder) if texts else (np.zeros((0, 1), dtype=np.float32), 0)
    va, vb = vectors[: len(a)], vectors[len(a) :]
    links, _ = align_vectors(AlignInput(va, texts[: len(a)]), AlignInput(vb, texts[len(a) :]), settings.align)
    return [
        replace(lk, edits=diff_words(" ".join(a[i] for i in lk.a), " ".join(b[j] for j in lk.b))) for lk in links
    ]
