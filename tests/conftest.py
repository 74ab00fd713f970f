"""Shared fixtures: the seed corpus, the real bundled model (loaded once), a fresh cache per test."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"

_MODEL_FIXTURES = {"model_info", "real_embedder", "seed_corpus"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark ``model`` every test that uses a fixture loading the real model (others mark themselves)."""
    for item in items:
        if _MODEL_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.model)


@pytest.fixture(autouse=True)
def _model_only_where_marked(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail a test that loads the sentence model without the ``model`` marker, so ``-m "not model"`` stays light."""
    if request.node.get_closest_marker("model") is not None:
        return
    from compare.embed import SentenceTransformerEmbedder

    def forbidden(self: object) -> None:
        raise AssertionError("this test loads the sentence model: mark it @pytest.mark.model")

    monkeypatch.setattr(SentenceTransformerEmbedder, "_load", forbidden)


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
def session_cache(tmp_path_factory) -> Path:
    """An embedding cache that lives for one test session (empty at its start), so sentences are encoded once."""
    return tmp_path_factory.mktemp("embedding-cache")


@pytest.fixture(scope="session")
def seed_corpus(real_embedder, model_info, session_cache):
    """The seed corpus run through the whole pipeline with the real model (cache: this session's only)."""
    from compare.pipeline import build_corpus
    from compare.settings import Settings

    corpus, _ = build_corpus(CORPUS, Settings(cache_dir=session_cache), embedder=real_embedder, model=model_info)
    return corpus


@pytest.fixture()
def corpus_copy(tmp_path: Path) -> Path:
    """A writable copy of the seed corpus."""
    dest = tmp_path / "corpus"
    shutil.copytree(CORPUS, dest)
    return dest
