"""Engines: who runs the distributable stages (embedding, candidate search, alignment); ``compare.pipeline`` runs the rest."""

from __future__ import annotations

from .base import Engine
from .local import LocalEngine, local_embedder
from .spark import SparkEmbedder, SparkEngine, spark_session

__all__ = ["Engine", "LocalEngine", "SparkEmbedder", "SparkEngine", "local_embedder", "spark_session"]
