"""Time the aligner on long documents: wall time and peak memory of ``align_vectors`` at 1,000, 3,000 and 10,000
sentences a side, and on two book-length documents (every OneStopEnglish article, advanced vs elementary).

Usage:  .venv/bin/python benchmarks/long_documents.py [--sizes 1000 3000 10000 book] [--cache /tmp/cache-walk]
                                                    [--dense N] [--freeze]

The long texts are concatenations of /work/shared/data/onestopenglish articles in one fixed order (sorted names):
``book``: every advanced article (6,782 sentences) against the first 6,000 sentences of the simplified side, by
default every elementary article (the same articles in the same order, a realistic near-parallel pair); size N: the first N sentences of the advanced-then-
elementary concatenation against the first N of the elementary-then-advanced one (so 10,000 a side stays
near-parallel: the advanced articles face their elementary versions, then the first elementary articles their
advanced versions). Sentences are split by compare's own segmenter and embedded once with the real bundled model into
the cache folder (``--cache``); the timed part is the warm run: ``align_vectors`` on the cached vectors, each size in
its own process so that its peak memory (resident set, ``ru_maxrss``, which includes the
loaded vectors and libraries) is that run's alone; the process's CPU time is printed beside the wall time, since
the machine may be shared. ``--freeze`` (for a machine too busy to encode every sentence in time) fixes the
simplified side, once, to the elementary and then intermediate sentences already cached, in order, in
books/frozen.json of the cache folder. ``--dense N`` also times
today's dense walk at the sizes up to N (it needs about 8 GB at 7,000 x 6,000) and says whether its links are the
sparse path's (column ``same``: the same pairs of sentences; ``score diff``: the largest difference of a link's
shown cosine, rounded to 4 decimals, which float32 products of row blocks can move by 0.0001). Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DATA = Path("/work/shared/data/onestopenglish")


def _level_text(level: str) -> str:
    """Return every article of one reading level, in sorted name order, as one text (paragraphs kept)."""
    from tools.splits import onestop_articles

    parts = []
    for name in onestop_articles(DATA):
        text = (DATA / level / f"{name}-{level}.txt").read_text(encoding="utf-8-sig", errors="replace")
        parts.append(text.strip())
    return "\n\n".join(parts) + "\n"


def sentences(cache: Path, level: str) -> list[str]:
    """Return the model texts of the sentences of one reading level's concatenation (compare's segmenter)."""
    from compare.pipeline import read_units
    from compare.progress import Silent
    from compare.segment import unit_text_for_model
    from compare.settings import Settings

    folder = cache / "books" / level
    out = folder / "texts.json"
    if out.is_file():
        texts: list[str] = json.loads(out.read_text(encoding="utf-8"))
        return texts
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{level}.txt").write_text(_level_text(level), encoding="utf-8")
    (folder / "other.txt").write_text("A second document, so that the folder can be read.\n", encoding="utf-8")
    reading = read_units(folder, Settings(cache_dir=None), Silent())
    doc = next(d for d in reading.documents if d.id.startswith(level))
    texts = [unit_text_for_model(reading.units[doc.id][i]) for i in reading.sentences[doc.id]]
    out.write_text(json.dumps(texts), encoding="utf-8")
    return texts


def embedded(cache: Path, texts: list[str]) -> Any:
    """Return the vectors of ``texts`` from the cache (encoding with the real model what is not there yet)."""
    from compare.embed import EmbeddingCache, embed_texts, resolve_model
    from compare.engines import local_embedder
    from compare.settings import Settings

    model = resolve_model(None)
    store = EmbeddingCache(cache, model.sha256)
    try:
        vectors, _ = embed_texts(texts, local_embedder(Settings(cache_dir=cache), model), cache=store)
    finally:
        store.close()
    return vectors


def simplified(cache: Path) -> list[str]:
    """Return the simplified side: the elementary concatenation, or with ``--freeze`` the sentences frozen there.

    ``--freeze`` keeps, in order, the elementary then the intermediate sentences that already have a vector in the
    cache (for a machine too busy to encode them all in time); without it, every elementary sentence.
    """
    frozen = cache / "books" / "frozen.json"
    if frozen.is_file():
        texts: list[str] = json.loads(frozen.read_text(encoding="utf-8"))
        return texts
    return sentences(cache, "ele")


def freeze(cache: Path) -> None:
    """Write books/frozen.json: the elementary, then intermediate, sentences that have a cached vector."""
    from compare.embed import EmbeddingCache, resolve_model

    store = EmbeddingCache(cache, resolve_model(None).sha256)
    try:
        texts = sentences(cache, "ele") + sentences(cache, "int")
        found = store.get_many(texts)
    finally:
        store.close()
    kept = list(dict.fromkeys(t for t in texts if t in found))
    (cache / "books" / "frozen.json").write_text(json.dumps(kept), encoding="utf-8")
    print(f"frozen: {len(kept)} of {len(texts)} elementary and intermediate sentences have a vector")


def sides(cache: Path, size: str) -> tuple[list[str], list[str]]:
    """Return the two sides' sentence texts for ``size`` ("book" or a number of sentences a side)."""
    adv, simple = sentences(cache, "adv"), simplified(cache)
    if size == "book":
        return adv, simple[:6000]
    n = int(size)
    return (adv + simple)[:n], (simple + adv)[:n]


def one_run(cache: Path, size: str, dense: bool) -> dict[str, Any]:
    """Align one pair (vectors from the cache); return time and peak memory of the alignment alone."""
    import numpy as np

    from compare.align import AlignInput, align_vectors
    from compare.settings import AlignSettings

    ta, tb = sides(cache, size)
    va, vb = embedded(cache, ta), embedded(cache, tb)
    assert isinstance(va, np.ndarray) and isinstance(vb, np.ndarray)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    settings = AlignSettings(dense_below=10**9) if dense else AlignSettings(dense_below=0)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    start = time.perf_counter()
    links, related = align_vectors(AlignInput(va, ta), AlignInput(vb, tb), settings)
    took = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_SELF)
    cpu = after.ru_utime + after.ru_stime - usage.ru_utime - usage.ru_stime
    peak = after.ru_maxrss / 1024
    linked_a = {i for lk in links for i in lk.a}
    same, score_diff = "", 0.0
    if dense:  # the same pair through the sparse path, after the timing: are the linked sentences identical?
        other = {(lk.a, lk.b): lk.score for lk in align_vectors(AlignInput(va, ta), AlignInput(vb, tb), AlignSettings(dense_below=0))[0]}
        mine = {(lk.a, lk.b): lk.score for lk in links}
        same = "yes" if other.keys() == mine.keys() else "NO"
        score_diff = max((abs(mine[k] - other[k]) for k in mine if k in other), default=0.0)
    return {
        "same_links_as_sparse": same,
        "score_diff": score_diff,
        "n": len(ta),
        "m": len(tb),
        "seconds": took,
        "cpu_seconds": cpu,
        "peak_mb": peak,
        "before_mb": before,
        "links": len(links),
        "linked_a": len(linked_a) / max(len(ta), 1),
        "related": related,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", nargs="*", default=["1000", "3000", "10000", "book"])
    parser.add_argument("--cache", type=Path, default=Path("/tmp/cache-walk"))
    parser.add_argument("--dense", type=int, default=0, help="also time the dense walk at sizes up to this")
    parser.add_argument("--freeze", action="store_true", help="fix the simplified side to the sentences cached now")
    parser.add_argument("--one", nargs=2, metavar=("SIZE", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        size, mode = args.one
        print(json.dumps(one_run(args.cache, size, mode == "dense")))
        return
    if args.freeze:
        freeze(args.cache)
    # Embed once (not timed): every text of every size goes through the cache.
    embedded(args.cache, sentences(args.cache, "adv"))
    embedded(args.cache, simplified(args.cache))
    load = os.getloadavg()[0]
    print(f"load average {load:.1f} on {os.cpu_count()} cores (wall time is shared with whatever else runs)")
    print(f"{'size':>6} {'walk':>6} {'n':>6} {'m':>6} {'seconds':>8} {'cpu s':>7} {'peak MB':>8} {'links':>6} {'a linked':>8} {'same':>5} {'score diff':>10}")
    for size in args.sizes:
        modes = ["sparse"]
        if args.dense and (size != "book" and int(size) <= args.dense):
            modes.append("dense")
        for mode in modes:
            cmd = [sys.executable, __file__, "--cache", str(args.cache), "--one", size, mode]
            out = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
            if out.returncode != 0:
                print(f"{size:>6} {mode:>6} failed: {out.stderr.strip().splitlines()[-1:]}")
                continue
            r = json.loads(out.stdout.strip().splitlines()[-1])
            diff = f"{r['score_diff']:.4f}" if r["same_links_as_sparse"] else ""
            print(
                f"{size:>6} {mode:>6} {r['n']:>6} {r['m']:>6} {r['seconds']:>8.1f} {r['cpu_seconds']:>7.1f} {r['peak_mb']:>8.0f} "
                f"{r['links']:>6} {r['linked_a']:>8.2f} {r['same_links_as_sparse']:>5} {diff:>10}"
            )


if __name__ == "__main__":
    main()
