"""Embed: sentences -> L2-normalised vectors, with the bundled model verified and an on-disk cache."""

from __future__ import annotations

from .cache import EmbeddingCache, embed_texts
from .encoder import Embedder, SentenceTransformerEmbedder
from .model import (
    BUNDLED_MODEL_NAME,
    BUNDLED_MODEL_SHA256,
    ModelInfo,
    bundled_model_path,
    resolve_model,
)

__all__ = [
    "BUNDLED_MODEL_NAME",
    "BUNDLED_MODEL_SHA256",
    "Embedder",
    "EmbeddingCache",
    "ModelInfo",
    "SentenceTransformerEmbedder",
    "bundled_model_path",
    "embed_texts",
    "resolve_model",
]
