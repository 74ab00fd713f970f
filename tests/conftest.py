"""Shared fixtures: the seed corpus, the real bundled model (loaded once), a fresh cache per test."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


@pytest.fixture(scope="session")
def model_info():
    from compare.embed import resolve_model

    return resolve_model(None)


@pytest.fixture(scope="session")
def real_embedder(model_info):
    """The bundled all-MiniLM-L6-v2, loaded once for the whole session."""
    from compare.embed import SentenceTransformerEmbedder

    return SentenceTransformerEmbedder(model_info)


@pytest.fixture(scope="session")
def seed_corpus(real_embedder, model_info, tmp_path_factory):
    """The seed corpus run through the whole pipeline with the real model (no cache)."""
    from compare.pipeline import build_corpus
    from compare.settings import Settings

    corpus, _ = build_corpus(CORPUS, Settings(cache_dir=None), embedder=real_embedder, model=model_info)
    return corpus


@pytest.fixture()
def corpus_copy(tmp_path: Path) -> Path:
    """A writable copy of the seed corpus."""
    dest = tmp_path / "corpus"
    shutil.copytree(CORPUS, dest)
    return dest
