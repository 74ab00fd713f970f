"""The engine interface: the three stages an engine may run its own way (embedding, candidate search, alignment).

The stage sequence itself is written once, in ``compare.pipeline``; an engine only supplies these steps.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import numpy as np

from ..align import PairJob
from ..embed import Embedder, ModelInfo
from ..progress import Progress
from ..records import PairAlignment
from ..settings import AlignSettings, Settings

__all__ = ["Engine"]


class Engine(Protocol):
    """Runs the distributable stages of a run."""

    def embedder(self, settings: Settings, model: ModelInfo) -> Embedder:
        """Return the embedder that encodes this run's sentences."""

    def candidate_pairs(self, doc_vectors: Sequence[np.ndarray], settings: Settings) -> set[tuple[int, int]]:
        """Return the document pairs (i < j) that share a sentence at the event threshold or closer."""

    def align_pairs(self, jobs: Sequence[PairJob], settings: AlignSettings, progress: Progress) -> list[PairAlignment]:
        """Align and word-diff every pair of ``jobs``; return one PairAlignment per job, in order."""

    def close(self) -> None:
        """Release what the engine holds (temporary files); the engine is not used afterwards."""
