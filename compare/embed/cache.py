"""Cache vectors on disk (SQLite) and encode each distinct text once."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from ..errors import ModelError
from .encoder import Embedder

__all__ = ["EmbeddingCache", "embed_texts"]


_CORRUPT = ("malformed", "not a database", "file is encrypted")


class EmbeddingCache:
    """Vectors stored in SQLite, keyed by (model weights SHA-256, text SHA-256).

    The cache is only an optimisation: no method raises. A fault (read-only, locked by another writer, disk full)
    is one line to ``notice`` and the cache is off for the rest of the run; a damaged file is kept aside for
    inspection (``embeddings.sqlite3.corrupt-<time>``) and a new one started. The constructor raises only
    ``OSError``, when the folder cannot be made.
    """

    def __init__(self, folder: Path, model_sha256: str, notice: Callable[[str], None] | None = None) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / "embeddings.sqlite3"
        self.model_sha256 = model_sha256
        self._notice = notice or (lambda message: None)
        self._db: sqlite3.Connection | None = None
        try:
            self._open()
        except sqlite3.Error as exc:
            self._recover(exc)  # a notice; the cache is off, or new after damage

    def _open(self) -> None:
        db = sqlite3.connect(self.path, timeout=2.0)
        try:
            db.execute(
                "CREATE TABLE IF NOT EXISTS vectors (model TEXT, text TEXT, dim INTEGER, vec BLOB, PRIMARY KEY (model, text))"
            )
        except sqlite3.Error:
            db.close()
            raise
        self._db = db

    def _recover(self, exc: sqlite3.Error) -> bool:
        """Handle a fault: a damaged file is moved aside and replaced; anything else turns the cache off. Return whether it works."""
        if self._db is not None:
            self._db.close()
            self._db = None
        if any(word in str(exc) for word in _CORRUPT):
            aside = self.path.with_name(f"{self.path.name}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}")
            try:
                os.replace(self.path, aside)
                self._open()
            except (OSError, sqlite3.Error) as again:
                self._notice(f"cache {self.path} is damaged ({exc}) and cannot be replaced ({again}); encoding without it.")
                return False
            self._notice(f"cache {self.path} was damaged ({exc}); kept it as {aside.name} and started a new one.")
            return True
        self._notice(f"cache {self.path} cannot be used ({exc}); encoding without it.")
        return False

    @staticmethod
    def key(text: str) -> str:
        """Return the cache key of a text."""
        return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()

    def get_many(self, texts: Sequence[str]) -> dict[str, np.ndarray]:
        """Return the cached vectors of ``texts`` that are present, by text (none after a fault)."""
        keys = {self.key(t): t for t in texts}
        found: dict[str, np.ndarray] = {}
        items = list(keys)
        for attempt in range(2):
            if self._db is None:
                return {}
            try:
                for i in range(0, len(items), 500):
                    chunk = items[i : i + 500]
                    rows = self._db.execute(
                        f"SELECT text, dim, vec FROM vectors WHERE model = ? AND text IN ({','.join('?' * len(chunk))})",
                        [self.model_sha256, *chunk],
                    )
                    for key, dim, blob in rows:
                        vec = np.frombuffer(blob, dtype=np.float32, count=dim) if len(blob) == 4 * dim else None
                        if vec is not None and np.isfinite(vec).all():
                            found[keys[key]] = vec
                return found
            except sqlite3.Error as exc:
                found = {}
                if not self._recover(exc) or attempt:
                    return {}
        return found

    def put_many(self, texts: Sequence[str], vectors: np.ndarray) -> None:
        """Store one vector per text (nothing after a fault)."""
        if self._db is None:
            return
        try:
            with self._db:
                self._db.executemany(
                    "INSERT OR REPLACE INTO vectors VALUES (?, ?, ?, ?)",
                    [
                        (self.model_sha256, self.key(t), int(v.shape[0]), np.ascontiguousarray(v, dtype=np.float32).tobytes())
                        for t, v in zip(texts, vectors)
                    ],
                )
        except sqlite3.Error as exc:
            self._recover(exc)  # off for the rest of the run, or a new file after damage

    def close(self) -> None:
        """Close the database."""
        if self._db is not None:
            try:
                self._db.close()
            except sqlite3.Error:
                pass
            self._db = None


def _check_finite(vectors: np.ndarray, model: object) -> None:
    """Raise ModelError when a model gave NaN or infinite numbers: nothing computed from them would mean anything."""
    if vectors.size and not np.isfinite(vectors).all():
        bad = int((~np.isfinite(vectors).all(axis=1)).sum())
        info = getattr(model, "model", None)
        name = getattr(info, "path", None) or getattr(info, "name", None) or type(model).__name__
        raise ModelError(
            f"cannot use model {name}: it gave NaN or infinite numbers for {bad} of {len(vectors)} sentences, so its "
            "weights are damaged or it does not suit this device (fp16 overflow). Use the bundled model, or check the "
            "folder's weights (--model)."
        )


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
        _check_finite(np.asarray(encoded), embedder)
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
