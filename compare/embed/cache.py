"""Cache vectors on disk (SQLite) and encode each distinct text once."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from .encoder import Embedder

__all__ = ["EmbeddingCache", "embed_texts"]


class EmbeddingCache:
    """Vectors stored in SQLite, keyed by (model weights SHA-256, text SHA-256)."""

    def __init__(self, folder: Path, model_sha256: str) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / "embeddings.sqlite3"
        self.model_sha256 = model_sha256
        self._db = sqlite3.connect(self.path)
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS vectors (model TEXT, text TEXT, dim INTEGER, vec BLOB, PRIMARY KEY (model, text))"
        )

    @staticmethod
    def key(text: str) -> str:
        """Return the cache key of a text."""
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def get_many(self, texts: Sequence[str]) -> dict[str, np.ndarray]:
        """Return the cached vectors of ``texts`` that are present, by text."""
        keys = {self.key(t): t for t in texts}
        found: dict[str, np.ndarray] = {}
        items = list(keys)
        for i in range(0, len(items), 500):
            chunk = items[i : i + 500]
            rows = self._db.execute(
                f"SELECT text, dim, vec FROM vectors WHERE model = ? AND text IN ({','.join('?' * len(chunk))})",
                [self.model_sha256, *chunk],
            )
            for key, dim, blob in rows:
                found[keys[key]] = np.frombuffer(blob, dtype=np.float32, count=dim)
        return found

    def put_many(self, texts: Sequence[str], vectors: np.ndarray) -> None:
        """Store one vector per text."""
        with self._db:
            self._db.executemany(
                "INSERT OR REPLACE INTO vectors VALUES (?, ?, ?, ?)",
                [
                    (self.model_sha256, self.key(t), int(v.shape[0]), np.ascontiguousarray(v, dtype=np.float32).tobytes())
                    for t, v in zip(texts, vectors)
                ],
            )

    def close(self) -> None:
        """Close the database."""
        self._db.close()


def embed_texts(
    texts: Sequence[str],
    embedder: Embedder,
    *,
    cache: EmbeddingCache | None = None,
    chunk_size: int | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> tuple[np.ndarray, int]:
    """Encode every distinct text once (cache first); return (vectors in ``texts`` order, number encoded now).

    ``on_progress(done, total)`` is called after each chunk of the texts that had to be encoded; a chunk is
    ``chunk_size`` texts, by default the embedder's own ``chunk_size`` (64 when it has none).
    """
    chunk_size = chunk_size or int(getattr(embedder, "chunk_size", 64))
    distinct = sorted(set(texts))
    row = {t: k for k, t in enumerate(distinct)}
    found = cache.get_many(distinct) if cache is not None else {}
    missing = [t for t in distinct if t not in found]
    # Similar lengths in one chunk waste less padding.
    missing.sort(key=lambda t: (len(t), t))
    if on_progress is not None:
        on_progress(0, len(missing))
    table: np.ndarray | None = None
    if found:
        table = np.zeros((len(distinct), next(iter(found.values())).shape[0]), dtype=np.float32)
        for t, v in found.items():
            table[row[t]] = v
    for i in range(0, len(missing), chunk_size):
        chunk = missing[i : i + chunk_size]
        encoded = embedder.encode(chunk)
        if cache is not None:
            cache.put_many(chunk, encoded)
        if table is None:
            table = np.zeros((len(distinct), encoded.shape[1]), dtype=np.float32)
        table[[row[t] for t in chunk]] = encoded
        if on_progress is not None:
            on_progress(min(i + chunk_size, len(missing)), len(missing))
    if not texts or table is None:
        return np.zeros((0, 0), dtype=np.float32), len(missing)
    return table[[row[t] for t in texts]], len(missing)
