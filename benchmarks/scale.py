"""Time the pipeline on generated corpora of N documents: wall time, peak memory, time per stage, embedding rate
against the raw model, and recall/precision against the generator's truth.

Usage:  .venv/bin/python benchmarks/scale.py [--sizes 10 100 1000] [--outlets 9] [--seed 1] [--cache DIR] [--raw]

Each size runs in its own process (so peak memory is that run's). With --cache DIR the embedding cache is kept
between invocations: a second invocation shows the pipeline without the model's cost. --raw also times the raw
model's default ``SentenceTransformer.encode`` on the same new sentences. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


class _StageClock:
    """A Progress that records when each stage of the pipeline starts (the pipeline's own sequence is timed)."""

    def __init__(self) -> None:
        self.starts: list[tuple[str, float]] = []

    def notice(self, message: str) -> None:
        pass

    def advance(self, label: str, done: int, total: int) -> None:
        pass

    def stage(self, name: str) -> None:
        self.starts.append((name, time.perf_counter()))

    def durations(self, end: float) -> dict[str, float]:
        marks = [*self.starts, ("end", end)]
        return {name: marks[k + 1][1] - t for k, (name, t) in enumerate(self.starts)}


def one_run(n: int, outlets: int, seed: int, cache: Path, raw: bool) -> dict[str, float]:
    """Run the pipeline on a generated corpus of ``n`` documents; return the figures."""
    from compare.embed import resolve_model
    from compare.engines import local_embedder
    from compare.pipeline import build_corpus, write_report
    from compare.settings import Settings
    from tools.generate import generate_corpus, score_against_truth, write_corpus

    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        gen = generate_corpus(n, seed=seed, outlets=outlets)
        write_corpus(gen, Path(tmp) / "corpus", Path(tmp) / "truth.json")
        settings = Settings(cache_dir=cache)
        model = resolve_model(None)
        embedder = local_embedder(settings, model)
        embedder._load()  # model loading is not a stage of the corpus
        clock = _StageClock()
        t0 = time.perf_counter()
        corpus, encoded = build_corpus(Path(tmp) / "corpus", settings, embedder=embedder, model=model, progress=clock)
        clock.stage("write")
        write_report(corpus, Path(tmp) / "reports")
        t_end = time.perf_counter()
        stages = clock.durations(t_end)
        texts = [u.text for us in corpus.units.values() for u in us if u.is_sentence]
        score = score_against_truth(corpus, gen)
        figures.update(
            documents=len(corpus.documents), sentences=len(texts), distinct=len(set(texts)), encoded=encoded,
            events=len(corpus.events), pairs=len(corpus.pairs),
            read=stages["read"], embed=stages["embed"], group=stages["group"], align=stages["align"], classify=stages["classify"],
            write=stages["write"], wall=t_end - t0,
            recall=score.recall, precision=score.precision,
            peak_rss_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        )
        if raw and encoded:
            st = embedder._load()
            fresh = sorted(set(texts))[:encoded]
            for _ in range(2):  # the second round counts: the first builds the CPU kernels for each batch shape
                t = time.perf_counter()
                st.encode(fresh)
                figures["raw_rate"] = len(fresh) / (time.perf_counter() - t)
                t = time.perf_counter()
                embedder.encode(fresh)
                figures["pipeline_encode_rate"] = len(fresh) / (time.perf_counter() - t)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000])
    parser.add_argument("--outlets", type=int, default=9)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--cache", type=Path, default=None, help="embedding cache folder (default: a fresh one)")
    parser.add_argument("--raw", action="store_true", help="also time the raw model on the same sentences")
    parser.add_argument("--one", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one is not None:
        print(json.dumps(one_run(args.one, args.outlets, args.seed, args.cache, args.raw)))
        return
    cache = args.cache or Path(tempfile.mkdtemp(prefix="compare-scale-cache-"))
    print(f"{'docs':>5} {'sents':>6} {'new':>5} {'events':>6} {'pairs':>6} {'wall s':>7} {'read':>6} {'embed':>7} "
          f"{'group':>6} {'align':>6} {'class':>6} {'write':>6} {'non-emb':>7} {'peak MB':>7} {'recall':>6} {'prec':>6}  embedding rate")
    for n in args.sizes:
        cmd = [sys.executable, __file__, "--one", str(n), "--outlets", str(args.outlets), "--seed", str(args.seed),
               "--cache", str(cache)] + (["--raw"] if args.raw else [])
        f = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.splitlines()[-1])
        rate = f"{f['encoded'] / f['embed']:.0f}/s" if f["encoded"] else "all cached"
        if "raw_rate" in f:
            rate += f" (same sentences: pipeline encode {f['pipeline_encode_rate']:.0f}/s, raw model {f['raw_rate']:.0f}/s)"
        print(f"{f['documents']:>5} {f['sentences']:>6} {f['encoded']:>5} {f['events']:>6} {f['pairs']:>6} {f['wall']:>7.2f} "
              f"{f['read']:>6.2f} {f['embed']:>7.2f} {f['group']:>6.2f} {f['align']:>6.2f} {f['classify']:>6.2f} {f['write']:>6.2f} "
              f"{f['wall'] - f['embed']:>7.2f} {f['peak_rss_mb']:>7.0f} {f['recall']:>6.3f} {f['precision']:>6.3f}  {rate}",
              flush=True)


if __name__ == "__main__":
    main()
