"""The one call that runs it all: read, segment, embed, align, diff, then export and render."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Protocol

import numpy as np

from .align import AlignInput, align_vectors
from .candidates import EventPlan, plan_events
from .classify import classify_corpus
from .diff import diff_words
from .embed import Embedder, EmbeddingCache, ModelInfo, SentenceTransformerEmbedder, embed_texts, resolve_model
from .errors import InputError, OutputError
from .ingest import read_corpus
from .records import Corpus, Document, Link, PairAlignment, Rejected, Unit
from .segment import split_units, unit_text_for_model
from .settings import AlignSettings, Settings
from .synopsis import check_reference

__all__ = [
    "Progress",
    "RunResult",
    "align_document_pair",
    "align_sentences",
    "build_corpus",
    "embedder_for",
    "compare_corpus",
    "link_text",
    "plan_document_pairs",
    "write_atomically",
    "write_outputs",
    "write_report_files",
]


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


def embedder_for(settings: Settings, model: ModelInfo) -> SentenceTransformerEmbedder:
    """Return the model's embedder for the settings' device: ``batch_size`` on CPU, ``gpu_batch_size`` on CUDA."""
    gpu = settings.device.startswith("cuda")
    batch = settings.gpu_batch_size if gpu else settings.batch_size
    return SentenceTransformerEmbedder(model, device=settings.device, batch_size=batch)


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
    docs, rejected, units, sent_ids = read_units(corpus_dir, settings, progress)
    if model is None:
        model = resolve_model(settings.model)
    if embedder is None:
        embedder = embedder_for(settings, model)
    texts = [unit_text_for_model(units[d.id][i]) for d in docs for i in sent_ids[d.id]]
    vectors, encoded = embed_with_cache(texts, embedder, settings, model, progress)
    per_doc = align_inputs(docs, units, sent_ids, vectors)
    plan = plan_document_pairs([per_doc[d.id].vectors for d in docs], settings)
    pairs = [
        align_document_pair(
            (docs[i].id, docs[j].id),
            (per_doc[docs[i].id], per_doc[docs[j].id]),
            (units[docs[i].id], units[docs[j].id]),
            (sent_ids[docs[i].id], sent_ids[docs[j].id]),
            same_event=plan.groups[i] == plan.groups[j],
            related=plan.related[(i, j)],
            settings=settings.align,
        )
        for i, j in _advancing(plan.pairs, progress)
    ]
    corpus = Corpus(
        documents=tuple(docs),
        units=units,
        pairs=tuple(pairs),
        model_name=model.name,
        model_sha256=model.sha256,
        rejected=tuple(rejected),
    )
    return classify_corpus(corpus, settings), encoded


def read_units(
    corpus_dir: Path, settings: Settings, progress: Progress
) -> tuple[list[Document], list[Rejected], dict[str, list[Unit]], dict[str, list[int]]]:
    """Read and segment the corpus; return documents, rejected files, units and sentence unit ids per document."""
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
    sent_ids = {d.id: [u.id for u in units[d.id] if u.is_sentence] for d in docs}
    return docs, rejected, units, sent_ids


def embed_with_cache(
    texts: Sequence[str], embedder: Embedder, settings: Settings, model: ModelInfo, progress: Progress
) -> tuple[np.ndarray, int]:
    """Encode ``texts`` through the settings' cache (when it can be opened); return vectors and how many were encoded."""
    cache = _open_cache(settings, model, progress)
    try:
        return embed_texts(
            texts, embedder, cache=cache, on_progress=lambda done, total: progress.advance("encoding sentences", done, total)
        )
    finally:
        if cache is not None:
            cache.close()


def align_inputs(
    docs: Sequence[Document], units: dict[str, list[Unit]], sent_ids: dict[str, list[int]], vectors: np.ndarray
) -> dict[str, AlignInput]:
    """Cut the corpus's sentence vectors (documents in order) into one aligner input per document."""
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
    return per_doc


def plan_document_pairs(doc_vectors: Sequence[np.ndarray], settings: Settings) -> EventPlan:
    """Group the documents into events with the nearest-neighbour index; choose the pairs to align."""
    a = settings.align
    return plan_events(doc_vectors, top=a.relatedness_top, threshold=a.event_threshold, neighbours=settings.neighbours)


def _advancing(pairs: Sequence[tuple[int, int]], progress: Progress):  # type: ignore[no-untyped-def]
    for n, pair in enumerate(pairs, 1):
        yield pair
        progress.advance("aligning pairs", n, len(pairs))


def align_document_pair(
    ids: tuple[str, str],
    inputs: tuple[AlignInput, AlignInput],
    units: tuple[Sequence[Unit], Sequence[Unit]],
    sentences: tuple[Sequence[int], Sequence[int]],
    *,
    same_event: bool,
    related: float,
    settings: AlignSettings,
) -> PairAlignment:
    """Align and word-diff two documents (no links unless ``same_event``); sentence indices become unit ids.

    ``sentences`` holds, per side, the unit id of each row of that side's vectors.
    """
    links = align_vectors(inputs[0], inputs[1], settings)[0] if same_event else []
    ua, ub = units
    mapped = []
    for lk in links:
        a_ids = tuple(sentences[0][x] for x in lk.a)
        b_ids = tuple(sentences[1][y] for y in lk.b)
        mapped.append(Link(a_ids, b_ids, lk.score, diff_words(link_text(ua, a_ids), link_text(ub, b_ids))))
    return PairAlignment(ids[0], ids[1], tuple(mapped), round(related, 4))


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
    write_atomically(out_dir, lambda tmp: write_report_files(corpus, tmp, reference=reference))
    return out_dir / "index.html"


def write_report_files(corpus: Corpus, folder: Path, *, reference: str | None = None) -> None:
    """Write ``alignment.json``, ``alignment.csv`` and the HTML report into an existing ``folder``."""
    from .export import write_csv, write_json
    from .report import render_report

    write_json(corpus, folder / "alignment.json")
    write_csv(corpus, folder / "alignment.csv")
    render_report(corpus, folder, reference=reference)


def write_atomically(out_dir: Path, fill: Callable[[Path], None]) -> None:
    """Let ``fill`` write into a temporary folder beside ``out_dir``, then put that folder in its place."""
    parent = out_dir.resolve().parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.", dir=parent))
    except OSError as exc:
        raise OutputError(f"cannot write the report to {out_dir}: {exc.strerror}. Pick a folder you can write to (-o).") from None
    old: Path | None = None
    try:
        fill(tmp)
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


def compare_corpus(
    corpus_dir: Path, out_dir: Path, settings: Settings | None = None, *, progress: Progress | None = None
) -> RunResult:
    """Compare the documents of ``corpus_dir`` and write the report to ``out_dir``.

    A corpus of one event (and maybe unrelated documents) gets one report comparing every pair; a corpus of
    several events gets one report per event under ``out_dir/events/`` and an index of events.
    """
    settings = settings or Settings()
    _check_out_dir(corpus_dir, out_dir)
    if settings.engine == "spark":
        from .spark_engine import build_corpus_spark

        corpus, encoded = build_corpus_spark(corpus_dir, settings, progress=progress)
    else:
        corpus, encoded = build_corpus(corpus_dir, settings, progress=progress)
    from .events import split_events, write_event_outputs

    events, unrelated = split_events(corpus)
    index = write_outputs(corpus, out_dir, reference=settings.reference) if len(events) <= 1 else write_event_outputs(corpus, events, unrelated, out_dir)
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
        embedder = embedder_for(settings, resolve_model(settings.model))
    texts = [" ".join(t.split()) for t in [*a, *b]]
    vectors, _ = embed_texts(texts, embedder) if texts else (np.zeros((0, 1), dtype=np.float32), 0)
    va, vb = vectors[: len(a)], vectors[len(a) :]
    links, _ = align_vectors(AlignInput(va, texts[: len(a)]), AlignInput(vb, texts[len(a) :]), settings.align)
    return [
        replace(lk, edits=diff_words(" ".join(a[i] for i in lk.a), " ".join(b[j] for j in lk.b))) for lk in links
    ]
