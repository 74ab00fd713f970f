"""One frozen object holding every knob of the pipeline, with its default."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

__all__ = ["Settings", "AlignSettings", "default_cache_dir"]


def default_cache_dir() -> Path:
    """Return the user's cache folder for compare (``$XDG_CACHE_HOME/compare``)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "compare"


@dataclass(frozen=True)
class AlignSettings:
    """Knobs of the sentence aligner (see ``compare.align``)."""

    threshold: float = 0.55
    """Least calibrated score for a link; scores are cosine similarities adjusted by margin and lexical overlap."""
    margin_k: int = 4
    """Neighbours averaged on each side for the margin (hubness) correction."""
    margin_weight: float = 0.5
    """How much of the margin correction enters the score (0 = raw cosine)."""
    lexical_weight: float = 0.15
    """Weight of shared rare words, names and numbers in the score."""
    merge: bool = True
    """Try linking one sentence to two adjacent sentences of the other side (1-2 and 2-1 links)."""
    merge_gain: float = 0.04
    """How much better the merged pair must score than the best single link to be kept."""
    min_tokens: int = 3
    """Sentences with fewer word tokens than this are linked only on a very close match."""
    short_threshold: float = 0.9
    """Score a sentence shorter than ``min_tokens`` words needs to be linked."""
    relatedness_top: int = 3
    """Relatedness of a text to another = mean of its ``relatedness_top`` best sentence cosines there."""
    event_threshold: float = 0.77
    """Documents this related (directly or through others) report one event; others get no links at all."""
    section_threshold: float = 0.65
    """Least relatedness of a section (text between page furniture) to the other document for it to be aligned."""
    section_min_units: int = 6
    """Sections with fewer sentences join the next section before the check."""


@dataclass(frozen=True)
class Settings:
    """Every setting of a run. Build it with keywords; ``replace()`` it to change one."""

    model: Path | None = None
    """Sentence-transformers model folder; ``None`` means the bundled all-MiniLM-L6-v2."""
    cache_dir: Path | None = field(default_factory=default_cache_dir)
    """Where embeddings are cached; ``None`` disables the cache."""
    batch_size: int = 16
    """Sentences per model batch; 16 measured fastest on a 2-core CPU (benchmarks/seed_timing.py)."""
    device: str = "cpu"
    """Torch device for the model ("cpu", "cuda"); on "cuda" the model runs in fp16 with ``gpu_batch_size``."""
    gpu_batch_size: int = 1024
    """Sentences per model batch on a GPU (``batch_size`` applies on the CPU)."""
    engine: str = "local"
    """``local`` (this process) or ``spark`` (a PySpark job, see ``compare.spark_engine``)."""
    spark_master: str = "local[*]"
    """Spark master URL for ``engine="spark"``."""
    neighbours: int = 16
    """Nearest sentences each sentence asks the index for when grouping documents into events."""
    quiet: bool = False
    """No progress output on stderr."""
    align: AlignSettings = field(default_factory=AlignSettings)
    """The aligner's settings."""

    def evolve(self, **changes: object) -> "Settings":
        """Return a copy with ``changes`` applied."""
        return replace(self, **changes)
