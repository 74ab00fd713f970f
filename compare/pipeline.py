"""The stage sequence, written once: read -> segment -> embed -> group -> align (+ diff) -> annotate -> classify -> write.

Each stage is a named function with plain records in and out. An engine (``compare.engines``) supplies the
three steps it may distribute: the embedder, the candidate search and the alignment of the planned pairs;
everything else runs here, the same for every engine. ``Progress.stage`` marks where each stage starts
(the benchmarks time the stages through it).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

from .align import (
    AlignInput,
    EventPlan,
    PairJob,
    align_inputs,
    align_vectors,
    check_reference,
    plan_events,
    plan_to_events,
    reference_pairs,
)
from .annotate import ANNOTATIONS_FILE, annotate_corpus, read_annotations
from .classify import classify_corpus
from .diff import diff_words
from .embed import Embedder, EmbeddingCache, ModelInfo, embed_texts, resolve_model
from .engines import Engine, LocalEngine, SparkEngine, local_embedder
from .errors import InputError
from .export import corpus_frames, validate_alignment
from .outputs import report_files
from .progress import Progress, Silent
from .read import Limits, read_corpus
from .records import Corpus, Document, Link, PairAlignment, Rejected, Unit
from .segment import split_units, unit_text_for_model
from .settings import Settings
from .write import check_output_folder, write_folder

__all__ = [
    "Reading",
    "RunResult",
    "align_pairs",
    "align_sentences",
    "build_corpus",
    "choose_pairs",
    "compare_corpus",
    "embed_sentences",
    "engine_for",
    "group_documents",
    "read_units",
    "write_report",
]


@dataclass(frozen=True)
class Reading:
    """What the read and segment stages produced."""

    documents: tuple[Document, ...]
    rejected: tuple[Rejected, ...]
    units: dict[str, tuple[Unit, ...]]
    """Units per document id."""
    sentences: dict[str, tuple[int, ...]]
    """Per document id, the unit ids of its sentences (the units that take part in the alignment)."""

    def model_texts(self) -> list[str]:
        """Return every sentence as the model sees it, documents in order."""
        return [unit_text_for_model(self.units[d.id][i]) for d in self.documents for i in self.sentences[d.id]]


@dataclass(frozen=True)
class RunResult:
    """What ``compare_corpus`` produced."""

    corpus: Corpus
    index: Path
    """The report's index.html."""
    encoded: int
    """Sentences the model encoded in this run (0 when all came from the cache)."""

    def frames(self) -> dict[str, Any]:
        """Return the run's result as tidy pandas DataFrames (``compare.export.frames``; needs pandas)."""
        return corpus_frames(self.corpus)


def engine_for(settings: Settings) -> Engine:
    """Return the engine the settings ask for (``local`` or ``spark``)."""
    return SparkEngine(settings.spark_master) if settings.engine == "spark" else LocalEngine()


def read_units(corpus_dir: Path, settings: Settings, progress: Progress) -> Reading:
    """Read and segment the corpus (stages ``read`` and ``segment``)."""
    limits = Limits(settings.max_file_bytes, settings.max_sentences, settings.max_expanded_bytes)
    docs, rejected = read_corpus(corpus_dir, settings.encoding, limits=limits, notice=progress.notice)
    rejected = [r for r in rejected if r.file != ANNOTATIONS_FILE]  # the teacher's annotations, not a source
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
    sentences = {d.id: tuple(u.id for u in units[d.id] if u.is_sentence) for d in docs}
    return Reading(tuple(docs), tuple(rejected), units, sentences)


def embed_sentences(
    texts: Sequence[str], embedder: Embedder, settings: Settings, model: ModelInfo, progress: Progress
) -> tuple[np.ndarray, int]:
    """Encode ``texts`` through the settings' cache when it opens (stage ``embed``); return vectors and how many were encoded."""
    cache = None
    if settings.cache_dir is not None:
        try:
            cache = EmbeddingCache(settings.cache_dir, model.sha256, notice=progress.notice)
        except Exception as exc:  # sqlite3 and the file system raise many types; the cache is only an optimisation
            progress.notice(f"cache {settings.cache_dir} cannot be used ({exc}); encoding without it.")
    try:
        return embed_texts(
            texts, embedder, cache=cache, on_progress=lambda done, total: progress.advance("encoding sentences", done, total)
        )
    finally:
        if cache is not None:
            cache.close()


def group_documents(
    doc_vectors: Sequence[np.ndarray], found: set[tuple[int, int]], settings: Settings,
    inputs: Sequence[AlignInput] | None = None,
) -> EventPlan:
    """Group the documents into events from the candidate pairs ``found``; choose the pairs to align (stage ``group``)."""
    a = settings.align
    return plan_events(doc_vectors, top=a.relatedness_top, threshold=a.event_threshold, neighbours=settings.neighbours,
                       found=found, inputs=inputs, settings=a)


def choose_pairs(plan: EventPlan, docs: Sequence[Document], settings: Settings, progress: Progress) -> EventPlan:
    """Return ``plan`` with only the pairs ``settings.pairs`` asks for (stage ``group``); with every pair, a notice
    when an event has more than ``settings.many_pairs`` of them to align, naming the option that aligns fewer."""
    if settings.pairs not in ("all", "reference"):
        raise ValueError(f"Settings.pairs is {settings.pairs!r}; expected 'all' or 'reference'")
    based = reference_pairs(plan, docs, settings.reference, settings.classify.record_kinds)
    if settings.pairs == "reference":
        return replace(plan, pairs=based)
    walked = [p for p in plan.pairs if plan.groups[p[0]] == plan.groups[p[1]]]
    if len(walked) > settings.many_pairs:
        fewer = sum(plan.groups[i] == plan.groups[j] for i, j in based)
        sizes = sorted((plan.groups.count(g) for g in set(plan.groups)), reverse=True)
        progress.notice(f"{len(walked)} document pairs to align (every pair of the {sizes[0]} sources of the largest event "
                        f"is compared, so the work grows with the square of the sources); --pairs reference compares "
                        f"each source only with the reference and the records: {fewer} pairs.")
    return plan


def align_pairs(reading: Reading, inputs: dict[str, AlignInput], plan: EventPlan) -> list[PairJob]:
    """Return the alignment job of every planned pair (the engine runs them: stage ``align``)."""
    docs, units, sent = reading.documents, reading.units, reading.sentences
    return [
        PairJob(
            ids=(docs[i].id, docs[j].id),
            inputs=(inputs[docs[i].id], inputs[docs[j].id]),
            units=(units[docs[i].id], units[docs[j].id]),
            sentences=(sent[docs[i].id], sent[docs[j].id]),
            same_event=plan.groups[i] == plan.groups[j],
            related=plan.related[(i, j)],
        )
        for i, j in plan.pairs
    ]


def build_corpus(
    corpus_dir: Path,
    settings: Settings | None = None,
    *,
    engine: Engine | None = None,
    embedder: Embedder | None = None,
    model: ModelInfo | None = None,
    progress: Progress | None = None,
) -> tuple[Corpus, int]:
    """Read, segment, embed, group, align, diff and classify a corpus folder; return the Corpus and how many sentences were encoded."""
    settings = settings or Settings()
    progress = progress or Silent()
    own_engine = engine is None
    engine = engine or engine_for(settings)
    try:
        progress.stage("read")
        reading = read_units(corpus_dir, settings, progress)
        annotations = read_annotations(corpus_dir)  # a broken file fails here, before the model runs
        model = model or resolve_model(settings.model)
        progress.stage("embed")
        vectors, encoded = embed_sentences(
            reading.model_texts(), embedder or engine.embedder(settings, model), settings, model, progress
        )
        progress.stage("group")
        inputs = align_inputs(reading.documents, reading.units, reading.sentences, vectors)
        doc_vectors = [inputs[d.id].vectors for d in reading.documents]
        plan = group_documents(doc_vectors, engine.candidate_pairs(doc_vectors, settings), settings,
                               [inputs[d.id] for d in reading.documents])
        plan = choose_pairs(plan, reading.documents, settings, progress)
        progress.stage("align")
        pairs: list[PairAlignment] = engine.align_pairs(align_pairs(reading, inputs, plan), settings.align, progress)
    finally:
        if own_engine:
            engine.close()
    corpus = Corpus(
        documents=reading.documents,
        units=reading.units,
        pairs=tuple(pairs),
        model_name=model.name,
        model_sha256=model.sha256,
        rejected=reading.rejected,
        events=plan_to_events(plan, reading.documents, settings.reference),
    )
    progress.stage("annotate")
    corpus = annotate_corpus(corpus, annotations, {d: (reading.sentences[d], inputs[d].vectors) for d in inputs})
    for problem in corpus.annotations.problems:
        progress.notice(problem)
    progress.stage("classify")
    return classify_corpus(corpus, settings), encoded


def write_report(corpus: Corpus, out_dir: Path, *, reference: str | None = None) -> Path:
    """Write every file of the report into ``out_dir``, replacing it as a whole (stage ``write``); return its index.

    The top-level ``alignment.json`` is checked against its published schema and cross-field rules first
    (``compare.export.schema``), so a run never ends with exit status 0 on an export that breaks its own contract:
    such a run fails with the problems listed, and the earlier report is left as it was."""
    files = report_files(corpus, reference)
    check_export(files["alignment.json"])
    write_folder(out_dir, files)
    return out_dir / "index.html"


def check_export(alignment: str) -> None:
    """Raise ``SchemaViolation`` when ``alignment`` (the text of an ``alignment.json`` this run made) breaks
    ``compare.alignment/1``: a fault of compare, not of the corpus."""
    validate_alignment(json.loads(alignment), what="compare made an alignment.json that does not follow "
                       "compare.alignment/1 (a fault of compare, not of the corpus; nothing was written: please report it "
                       "with the corpus folder)")


def compare_corpus(
    corpus_dir: Path, out_dir: Path, settings: Settings | None = None, *, progress: Progress | None = None
) -> RunResult:
    """Compare the documents of ``corpus_dir`` and write the report to ``out_dir``.

    A corpus of one event (and maybe unrelated documents) gets one report comparing every pair; a corpus of
    several events gets one report per event under ``out_dir/events/`` and an index of events. Either way
    ``out_dir`` has ``index.html`` and an ``alignment.json`` with every document (``compare.outputs``).
    """
    settings = settings or Settings()
    progress = progress or Silent()
    check_output_folder(corpus_dir, out_dir)
    corpus, encoded = build_corpus(corpus_dir, settings, progress=progress)
    progress.stage("write")
    index = write_report(corpus, out_dir, reference=settings.reference)
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
        embedder = local_embedder(settings, resolve_model(settings.model))
    texts = [" ".join(t.split()) for t in [*a, *b]]
    vectors, _ = embed_texts(texts, embedder) if texts else (np.zeros((0, 1), dtype=np.float32), 0)
    va, vb = vectors[: len(a)], vectors[len(a) :]
    links, _ = align_vectors(AlignInput(va, texts[: len(a)]), AlignInput(vb, texts[len(a) :]), settings.align)
    return [
        replace(lk, edits=diff_words(" ".join(a[i] for i in lk.a), " ".join(b[j] for j in lk.b))) for lk in links
    ]
