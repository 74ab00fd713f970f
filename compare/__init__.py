"""compare: align the sentences of several versions of one event and show how they differ.

Importing this package does not import torch; the model loads when sentences are first encoded.
"""

from __future__ import annotations

from .errors import CompareError, InputError, ModelError, OutputError
from .pipeline import align_sentences, build_corpus, compare_corpus
from .records import Corpus, Document, Edit, Link, PairAlignment, Source, Unit
from .settings import AlignSettings, Settings

__version__ = "0.1.0"

__all__ = [
    "AlignSettings",
    "CompareError",
    "Corpus",
    "Document",
    "Edit",
    "InputError",
    "Link",
    "ModelError",
    "OutputError",
    "PairAlignment",
    "Settings",
    "Source",
    "Unit",
    "align_sentences",
    "build_corpus",
    "compare_corpus",
]
