"""Embedding-stage throughput on a GPU: compare's embed_texts (fp16, length-sorted batches, tokenisation ahead)
against the raw model's default ``SentenceTransformer.encode`` on the same generated sentences.

Usage (on a machine with CUDA, torch and sentence-transformers, from the repository root):

    python benchmarks/gpu_embedding.py                      # 200,000 sentences, --device cuda, the bundled model
    python benchmarks/gpu_embedding.py --model PATH         # any local copy of all-MiniLM-L6-v2 (fp16 weights are fine)

Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=200_000)
    parser.add_argument("--device", default="cuda")
    parser.add_argument("--model", type=Path, default=None)
    parser.add_argument("--batch-size", type=int, default=None, help="default: Settings.gpu_batch_size")
    parser.add_argument("--raw-sentences", type=int, default=50_000, help="sentences for the raw model's rate")
    args = parser.parse_args()

    import numpy as np
    import torch

    from compare.embed import EmbeddingCache, SentenceTransformerEmbedder, embed_texts, resolve_model
    from compare.settings import Settings
    from tools.generate import sentence_pool

    t = time.perf_counter()
    texts = sentence_pool(args.sentences)
    print(f"{len(texts)} distinct generated sentences ({time.perf_counter() - t:.1f} s to generate), "
          f"mean {np.mean([len(s) for s in texts]):.0f} characters")
    model = resolve_model(args.model)
    batch = args.batch_size or Settings().gpu_batch_size
    embedder = SentenceTransformerEmbedder(model, device=args.device, batch_size=batch)
    embedder.encode(texts[:4096])  # load and warm up
    print(f"device: {torch.cuda.get_device_name() if args.device.startswith('cuda') else args.device}; batch {batch}")

    def timed(label: str, fn) -> object:  # type: ignore[no-untyped-def]
        if args.device.startswith("cuda"):
            torch.cuda.synchronize()
        t = time.perf_counter()
        out = fn()
        if args.device.startswith("cuda"):
            torch.cuda.synchronize()
        dt = time.perf_counter() - t
        n = out[1] if isinstance(out, tuple) else len(out)
        print(f"  {label:<44} {n:>7} sentences in {dt:6.2f} s = {n / dt:9.0f} sentences/s")
        return out

    print("embedding stage, end to end (compare.embed.embed_texts):")
    ours, _ = timed("no cache", lambda: embed_texts(texts, embedder))
    with tempfile.TemporaryDirectory() as tmp:
        cache = EmbeddingCache(Path(tmp), model.sha256)
        timed("cache, cold (encode + write)", lambda: embed_texts(texts, embedder, cache=cache))
        timed("cache, warm (all from the cache)", lambda: (None, len(embed_texts(texts, embedder, cache=cache)[0])))
        cache.close()

    from sentence_transformers import SentenceTransformer

    raw = SentenceTransformer(str(model.path), device=args.device, local_files_only=True)
    if args.device.startswith("cuda"):
        raw.half()
    sample = texts[: args.raw_sentences]
    raw.encode(sample[:4096])
    print("raw model, default encode (batch_size 32), fp16 on CUDA:")
    ref = timed("SentenceTransformer.encode", lambda: raw.encode(sample, convert_to_numpy=True, normalize_embeddings=True))
    cos = np.sum(np.asarray(ref, dtype=np.float32) * ours[: len(sample)], axis=1)
    print(f"agreement with the raw model: cosine min {cos.min():.4f}, mean {cos.mean():.5f}")


if __name__ == "__main__":
    main()
