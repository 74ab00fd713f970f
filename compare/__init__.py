"""compare: align the sentences of several versions of one event and show how they differ.

Importing this package does not import torch; the model loads when sentences are first encoded.
"""

from __future__ import annotations

import importlib
from typing import Any

from .errors import CompareError, InputError, ModelError, OutputError
from .records import Corpus, Document, Edit, Link, PairAlignment, Source, Unit
from .settings import AlignSettings, Settings

__version__ = "0.1.0"

_PIPELINE = ("align_sentences", "build_corpus", "compare_corpus")


def __getattr__(name: str) -> Any:
    """Import the pipeline on first use, so that ``compare`` (the CLI) starts fast and handles Ctrl-C from its start."""
    if name in _PIPELINE:
        # importlib rather than an import statement: the pipeline (numpy, faiss, ...) loads on first use only, and
        # the CLI's main() is already running, with its Ctrl-C handler, when it does.
        return getattr(importlib.import_module("compare.pipeline"), name)
    raise AttributeError(f"module 'compare' has no attribute {name!r}")

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
