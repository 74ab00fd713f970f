"""One frozen object holding every knob of the pipeline, with its default."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

__all__ = ["Settings", "AlignSettings", "ClassifySettings", "default_cache_dir"]


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
class ClassifySettings:
    """Knobs of the change classifier and the document findings (see ``compare.classify``)."""

    max_words: int = 8
    """A changed passage longer than this (words, either side) is only called ``wording``: too long to name one change."""
    emotive_valence: float = 2.0
    """Least VADER valence (absolute, on -4..4) for a word to count as evaluative or emotive."""
    emotive_emotions: tuple[str, ...] = ("anger", "disgust")
    """NRC emotions that make a word count as evaluative or emotive (the emotions of condemnation)."""
    min_overlap: float = 0.4
    """Share of the longer text's content words found in the other before a ``quote``, ``speaker``, ``number`` or
    key-noun ``meaning`` change is claimed (a loose link is no ground for an accusation)."""
    quote_overlap: float = 0.6
    """Share of content words (as for ``min_overlap``) before words inside quotation marks are compared at all: only a
    near-verbatim match shows that a quotation departs from what the other source says."""
    passage_overlap: float = 0.25
    """Least share of content words (as for ``min_overlap``) before a distancing word ("claimed", 'scare quotes') or a
    changed key noun after shared words inside a passage reworded as a whole is named (``hedge``, ``meaning``)."""
    object_words: int = 8
    """Inside a reworded passage, how many words after a shared phrase are searched for a changed key noun (``meaning``)."""
    record_kinds: tuple[str, ...] = ("transcript", "readout")
    """Source kinds that record what was said; a ``quote`` change is a secondary source's quotation differing from one of
    these (two records differing, e.g. two translations, is ``wording``)."""
    run_min_sentences: int = 8
    """Fewest consecutive sentences without any link for a ``no_counterpart`` flag."""


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
    """Torch device for the model ("cpu", "cuda")."""
    quiet: bool = False
    """No progress output on stderr."""
    align: AlignSettings = field(default_factory=AlignSettings)
    """The aligner's settings."""
    classify: ClassifySettings = field(default_factory=ClassifySettings)
    """The change classifier's settings."""

    def evolve(self, **changes: object) -> "Settings":
        """Return a copy with ``changes`` applied."""
        return replace(self, **changes)
