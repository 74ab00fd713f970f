"""Time `compare run corpus/` cold (empty cache) and warm, and the embedding rate against the raw model.

Usage:  .venv/bin/python benchmarks/seed_timing.py [--repeat N]

Prints figures; asserts nothing (timings belong here, not in tests).
"""

from __future__ import annotations

import sys as _sys
from pathlib import Path as _Path

_sys.path.insert(0, str(_Path(__file__).resolve().parent.parent))  # the repository root: compare/ and tools/

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _run(corpus: Path, out: Path, cache: Path) -> float:
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    t = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "compare", "run", str(corpus), "-o", str(out), "--cache-dir", str(cache), "--quiet"],
        check=True, env=env, stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - t


def wall_times(repeat: int) -> tuple[list[float], list[float]]:
    """Return cold and warm wall times (seconds) of whole CLI runs on corpus/."""
    cold, warm = [], []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as tmp:
            cache, out = Path(tmp) / "cache", Path(tmp) / "reports"
            cold.append(_run(ROOT / "corpus", out, cache))
            warm.append(_run(ROOT / "corpus", out, cache))
    return cold, warm


def embedding_rates(repeat: int) -> tuple[int, float, float]:
    """Return (sentences, pipeline rate, raw model rate) in sentences/second on the corpus's distinct sentences."""
    from compare.embed import SentenceTransformerEmbedder, embed_texts, resolve_model
    from compare.read import read_corpus
    from compare.segment import split_units, unit_text_for_model

    docs, _ = read_corpus(ROOT / "corpus")
    texts = sorted({unit_text_for_model(u) for d in docs for u in split_units(d) if u.is_sentence})
    model = resolve_model(None)
    embedder = SentenceTransformerEmbedder(model)
    raw = embedder._load()  # the same SentenceTransformer object, called the default way below
    raw.encode(texts[:32])  # warm-up
    pipe_t, raw_t = [], []
    for _ in range(repeat):
        t = time.perf_counter()
        embed_texts(texts, embedder, cache=None)
        pipe_t.append(time.perf_counter() - t)
        t = time.perf_counter()
        raw.encode(texts)  # sentence-transformers defaults: batch_size 32, its own length sorting
        raw_t.append(time.perf_counter() - t)
    return len(texts), len(texts) / statistics.median(pipe_t), len(texts) / statistics.median(raw_t)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    cold, warm = wall_times(args.repeat)
    n, pipe, raw = embedding_rates(args.repeat)
    print(f"seed corpus, {args.repeat} runs each, median wall time of `compare run corpus/`:")
    print(f"  cold (empty cache): {statistics.median(cold):6.2f} s   runs: {', '.join(f'{x:.2f}' for x in cold)}")
    print(f"  warm (cached):      {statistics.median(warm):6.2f} s   runs: {', '.join(f'{x:.2f}' for x in warm)}")
    print(f"  warm / cold:        {statistics.median(warm) / statistics.median(cold):6.2f}")
    print(f"embedding {n} distinct sentences (median of {args.repeat}):")
    print(f"  pipeline (embed_texts): {pipe:7.1f} sentences/s")
    print(f"  raw model.encode:       {raw:7.1f} sentences/s")
    print(f"  pipeline / raw:         {pipe / raw:7.2f}")


if __name__ == "__main__":
    main()
