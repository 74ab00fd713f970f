"""Turn sentences into unit vectors with a sentence-transformers model, loaded lazily (never at import)."""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Protocol

import numpy as np

from ..errors import ModelError
from .model import ModelInfo

__all__ = ["Embedder", "SentenceTransformerEmbedder"]


class Embedder(Protocol):
    """Anything that maps texts to L2-normalised float32 vectors of shape (len(texts), dim)."""

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


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
        self._st: Any = None
        self._tokenize: Callable[[list[str]], dict[str, Any]] | None = None

    @property
    def on_gpu(self) -> bool:
        """Whether the model runs on a CUDA device."""
        return self.device.startswith("cuda")

    @property
    def chunk_size(self) -> int:
        """Texts ``embed_texts`` hands over per call: enough to keep the device busy, few enough for progress."""
        return 65_536 if self.on_gpu else 256

    def _load(self) -> Any:
        """Return the loaded SentenceTransformer (loading it, and torch, on the first call)."""
        if self._st is None:
            # The model is local; any hub access would be a bug, and fails here and in CI anyway.
            os.environ["HF_HUB_OFFLINE"] = "1"
            os.environ["TRANSFORMERS_OFFLINE"] = "1"
            os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
            # Our own progress bar is the only one: the libraries' bars and warnings stay off stderr.
            os.environ["HF_HUB_DISABLE_PROGRESS_BARS"] = "1"
            os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
            self._check_device()
            try:
                import transformers

                transformers.utils.logging.disable_progress_bar()  # type: ignore[no-untyped-call]
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

    def _check_device(self) -> None:
        """Raise ModelError naming ``--device`` when torch does not know it, or it is not on this machine."""
        import torch

        try:
            device = torch.device(self.device)
        except (RuntimeError, TypeError, ValueError):
            raise ModelError(
                f"cannot use --device {self.device!r}: not a torch device. Pass cpu, or cuda (cuda:0, ...) on a machine "
                "with an NVIDIA GPU."
            ) from None
        if device.type == "cuda" and not torch.cuda.is_available():
            raise ModelError(
                f"cannot use --device {self.device!r}: torch finds no CUDA GPU on this machine. Pass --device cpu."
            )
        if device.type not in ("cpu", "cuda", "mps", "xpu"):
            raise ModelError(f"cannot use --device {self.device!r}: compare runs the model on cpu or cuda. Pass one of them.")

    def _tokenizer(self, st: Any) -> Callable[[list[str]], dict[str, Any]]:
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
    def _forward(st: Any) -> Callable[[dict[str, Any]], Any]:
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
        outputs: list[Any] = []
        with ThreadPoolExecutor(max_workers=ahead) as pool, torch.inference_mode():
            pending: deque[Future[dict[str, Any]]] = deque(pool.submit(tokenize, [texts[i] for i in b]) for b in batches[:ahead])
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
