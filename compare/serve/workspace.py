"""What ``compare serve`` works on: one corpus folder, its current report (in memory) and its annotations.json.

The report is built by the pipeline's own stage sequence (``compare.pipeline.build_corpus``) and rendered by
``compare.outputs.report_files``, so the pages served are those ``compare run`` writes. It is rebuilt when the
corpus folder changes (a save, or a file edited by hand); the model's vectors and each pair's alignment are
kept in memory between builds, so a rebuild after a save reads, annotates, classifies and renders only.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ..align import PairJob
from ..annotate import (
    ANNOTATIONS_FILE,
    find_sentence,
    read_annotations,
    set_note,
    set_star,
    set_verdict,
    write_annotations,
)
from ..embed import Embedder, ModelInfo, resolve_model
from ..engines import LocalEngine, local_embedder
from ..errors import CompareError, InputError, ServeError
from ..outputs import report_files, report_reference
from ..pipeline import build_corpus
from ..progress import Progress, Silent
from ..records import Corpus, PairAlignment
from ..report import pair_file_name
from ..settings import AlignSettings, Settings

__all__ = ["PageInfo", "RememberingEngine", "Workspace"]


class _RememberingEmbedder:
    """Encode each distinct text once for the life of the server (the model runs only for new texts)."""

    def __init__(self, inner: Embedder) -> None:
        self.inner = inner
        self.chunk_size = int(getattr(inner, "chunk_size", 64))
        self._known: dict[str, np.ndarray] = {}

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        missing = [t for t in dict.fromkeys(texts) if t not in self._known]
        if missing:
            for t, v in zip(missing, self.inner.encode(missing)):
                self._known[t] = v
        if not texts:
            return np.zeros((0, 1), dtype=np.float32)
        return np.stack([self._known[t] for t in texts]).astype(np.float32)


def _job_key(job: PairJob) -> tuple[Any, ...]:
    a, b = job.inputs
    return (job.ids, tuple(a.texts), tuple(b.texts), tuple(a.sections), tuple(b.sections),
            tuple(job.sentences[0]), tuple(job.sentences[1]), job.same_event, job.related)


class RememberingEngine:
    """The local engine, remembering each pair's alignment by the pair's texts (``compare.engines.base.Engine``)."""

    def __init__(self, embedder: Embedder) -> None:
        self._local = LocalEngine()
        self._embedder = embedder
        self._aligned: dict[tuple[Any, ...], PairAlignment] = {}

    def embedder(self, settings: Settings, model: ModelInfo) -> Embedder:
        """Return the server's embedder (loaded once)."""
        return self._embedder

    def candidate_pairs(self, doc_vectors: Sequence[np.ndarray], settings: Settings) -> set[tuple[int, int]]:
        """Search as the local engine does."""
        return self._local.candidate_pairs(doc_vectors, settings)

    def align_pairs(self, jobs: Sequence[PairJob], settings: AlignSettings, progress: Progress) -> list[PairAlignment]:
        """Align the pairs not aligned before with these texts; return one PairAlignment per job, in order."""
        keys = [_job_key(j) for j in jobs]
        todo = [j for j, k in zip(jobs, keys) if k not in self._aligned]
        for job, done in zip(todo, self._local.align_pairs(todo, settings, progress)):
            self._aligned[_job_key(job)] = done
        return [self._aligned[k] for k in keys]

    def close(self) -> None:
        """Nothing to release."""


@dataclass(frozen=True)
class PageInfo:
    """What the editing script needs to know about one served page."""

    kind: str
    """``pair``, ``synopsis`` or ``other``."""
    a: str = ""
    """Pair pages: document a; synopsis: the reference."""
    b: str = ""
    """Pair pages: document b."""


def _pages(corpus: Corpus, files: Mapping[str, str], reference: str | None) -> dict[str, PageInfo]:
    folders = [e for e in corpus.events if e.folder is not None]
    out: dict[str, PageInfo] = {}
    if not folders:
        out["synopsis.html"] = PageInfo("synopsis", report_reference(corpus, reference))
        for p in corpus.pairs:
            out[pair_file_name(p.a, p.b)] = PageInfo("pair", p.a, p.b)
    for e in folders:
        out[f"{e.folder}/synopsis.html"] = PageInfo("synopsis", e.reference)
        for p in corpus.pairs:
            if p.a in e.documents and p.b in e.documents:
                out[f"{e.folder}/{pair_file_name(p.a, p.b)}"] = PageInfo("pair", p.a, p.b)
    return {name: info for name, info in out.items() if name in files}


class Workspace:
    """A corpus folder being corrected: builds its report, answers what it holds, saves marks to annotations.json."""

    def __init__(self, corpus_dir: Path, settings: Settings, *, embedder: Embedder | None = None,
                 model: ModelInfo | None = None, progress: Progress | None = None) -> None:
        self.corpus_dir = corpus_dir
        self.settings = settings
        self.progress = progress or Silent()
        self.model = model or resolve_model(settings.model)
        self._engine = RememberingEngine(_RememberingEmbedder(embedder or local_embedder(settings, self.model)))
        self._lock = threading.RLock()
        self._stamp: tuple[Any, ...] | None = None
        self.corpus: Corpus | None = None
        self.files: dict[str, str] = {}
        self.pages: dict[str, PageInfo] = {}
        self.error = ""
        """Why the last build failed (a CompareError's message); empty when it succeeded."""

    def _folder_stamp(self) -> tuple[Any, ...]:
        entries = []
        for p in sorted(self.corpus_dir.iterdir(), key=lambda p: p.name):
            try:
                st = p.stat()
            except OSError:
                continue
            entries.append((p.name, st.st_size, st.st_mtime_ns))
        try:
            digest = hashlib.sha256((self.corpus_dir / ANNOTATIONS_FILE).read_bytes()).hexdigest()
        except OSError:
            digest = ""
        return (tuple(entries), digest)

    def refresh(self, *, raise_errors: bool = False) -> None:
        """Rebuild the report if the corpus folder changed since the last build.

        A build that fails keeps its message in ``error`` (the pages say it), or raises with ``raise_errors``.
        """
        with self._lock:
            stamp = self._folder_stamp()
            if stamp == self._stamp:
                return
            try:
                corpus, _ = build_corpus(self.corpus_dir, self.settings, engine=self._engine, model=self.model,
                                         progress=self.progress)
                files = report_files(corpus, self.settings.reference)
            except CompareError as exc:
                if raise_errors:
                    raise
                self.error = str(exc)
                self._stamp = stamp
                return
            self.corpus, self.files, self.error, self._stamp = corpus, files, "", stamp
            self.pages = _pages(corpus, files, self.settings.reference)

    def state(self) -> dict[str, Any]:
        """Return what the editing script shows: sentences, links, the file's marks resolved, the problems."""
        with self._lock:
            self.refresh()
            corpus = self.corpus
            if corpus is None:
                return {"error": self.error}
            data = read_annotations(self.corpus_dir) if not self.error else None
            verdicts = []
            for entry in (data or {}).get("links", []):
                ends = [find_sentence(corpus.units, entry[s]) for s in ("a", "b")]
                if ends[0].unit is not None and ends[1].unit is not None:
                    verdicts.append({"a": [entry["a"]["source"], ends[0].unit], "b": [entry["b"]["source"], ends[1].unit],
                                     "verdict": entry["verdict"]})
            return {
                "error": self.error,
                "file": f"{self.corpus_dir.name}/{ANNOTATIONS_FILE}",
                "documents": [{"id": d.id, "title": d.source.title} for d in corpus.documents],
                "sentences": {d: [[u.id, u.text] for u in us if u.is_sentence] for d, us in corpus.units.items()},
                "pairs": [{"a": p.a, "b": p.b, "links": [
                    {"a": list(lk.a), "b": list(lk.b), "score": lk.score, "checked": lk.checked, "added": lk.added}
                    for lk in p.links]} for p in corpus.pairs],
                "verdicts": verdicts,
                "notes": [{"sentence": [n.source, n.unit], "note": n.text} for n in corpus.annotations.notes],
                "starred": [list(s) for s in corpus.annotations.starred],
                "problems": list(corpus.annotations.problems),
            }

    def _sentence(self, corpus: Corpus, value: Any) -> tuple[str, int]:
        source, unit = value
        units = corpus.units.get(source)
        if units is None or not 0 <= unit < len(units) or not units[unit].is_sentence:
            raise ServeError(f"there is no sentence {unit} in a source {source!r} of {self.corpus_dir.name}; "
                              "reload the page (the corpus may have changed).")
        return source, unit

    def edit(self, action: Mapping[str, Any]) -> list[str]:
        """Apply one mark (see ``compare.serve.app``'s request schema), save annotations.json, rebuild; return the problems."""
        with self._lock:
            self.refresh()
            if self.corpus is None or self.error:
                raise ServeError(f"nothing is saved while the report cannot be built: {self.error}")
            corpus = self.corpus
            try:
                data = read_annotations(self.corpus_dir)
            except InputError as exc:
                raise ServeError(f"{exc} Nothing was saved, so that your file is not overwritten.") from None
            kind = action["action"]
            if kind == "verdict":
                a, b = self._sentence(corpus, action["a"]), self._sentence(corpus, action["b"])
                if a[0] == b[0]:
                    raise ServeError("both sentences are in one source; a link joins sentences of two sources.")
                if action["verdict"] is not None and not any({p.a, p.b} == {a[0], b[0]} for p in corpus.pairs):
                    raise ServeError(f"{a[0]} and {b[0]} are not compared in this run (different events).")
                new = set_verdict(data, corpus.units, a, b, action["verdict"])
            elif kind == "note":
                new = set_note(data, corpus.units, self._sentence(corpus, action["sentence"]), action["note"])
            else:
                new = set_star(data, corpus.units, self._sentence(corpus, action["sentence"]), action["starred"])
            try:
                write_annotations(self.corpus_dir, new)
            except CompareError as exc:
                raise ServeError(str(exc)) from None
            self.refresh()
            if self.error:
                raise ServeError(f"saved, but the report cannot be rebuilt: {self.error}")
            assert self.corpus is not None
            return list(self.corpus.annotations.problems)
