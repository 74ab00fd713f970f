"""The local engine: every stage in this process."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ..align import PairJob, align_document_pair
from ..align.index import candidate_pairs
from ..embed import ModelInfo, SentenceTransformerEmbedder
from ..progress import Progress
from ..records import PairAlignment
from ..settings import AlignSettings, Settings

__all__ = ["LocalEngine", "local_embedder"]


def local_embedder(settings: Settings, model: ModelInfo) -> SentenceTransformerEmbedder:
    """Return the model's embedder for the settings' device: ``batch_size`` on CPU, ``gpu_batch_size`` on CUDA."""
    gpu = settings.device.startswith("cuda")
    batch = settings.gpu_batch_size if gpu else settings.batch_size
    return SentenceTransformerEmbedder(model, device=settings.device, batch_size=batch)


class LocalEngine:
    """Encode, search and align in this process (see ``compare.engines.base.Engine``)."""

    def embedder(self, settings: Settings, model: ModelInfo) -> SentenceTransformerEmbedder:
        """Return the model's embedder for the settings' device."""
        return local_embedder(settings, model)

    def candidate_pairs(self, doc_vectors: Sequence[np.ndarray], settings: Settings) -> set[tuple[int, int]]:
        """Search one FAISS index over all sentences (``compare.align.index``)."""
        return candidate_pairs(doc_vectors, settings.neighbours, settings.align.event_threshold)

    def align_pairs(self, jobs: Sequence[PairJob], settings: AlignSettings, progress: Progress) -> list[PairAlignment]:
        """Align the pairs one after the other, counting them on ``progress``."""
        out = []
        for n, job in enumerate(jobs, 1):
            out.append(align_document_pair(job, settings))
            progress.advance("aligning pairs", n, len(jobs))
        return out

    def close(self) -> None:
        """Nothing to release."""
