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


def one_run(n: int, outlets: int, seed: int, cache: Path, raw: bool) -> dict[str, float]:
    """Run the pipeline's stages on a generated corpus of ``n`` documents; return the figures."""
    from compare.embed import resolve_model
    from compare.events import split_events, write_event_outputs
    from compare.generate import generate_corpus, score_against_truth, write_corpus
    from compare.pipeline import (_Silent, align_document_pair, align_inputs, embed_with_cache, embedder_for,
                                  plan_document_pairs, read_units, write_outputs)
    from compare.records import Corpus
    from compare.segment import unit_text_for_model
    from compare.settings import Settings

    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        gen = generate_corpus(n, seed=seed, outlets=outlets)
        write_corpus(gen, Path(tmp) / "corpus", Path(tmp) / "truth.json")
        settings = Settings(cache_dir=cache)
        model = resolve_model(None)
        embedder = embedder_for(settings, model)
        embedder._load()  # model loading is not a stage of the corpus
        t0 = time.perf_counter()
        docs, rejected, units, sent_ids = read_units(Path(tmp) / "corpus", settings, _Silent())
        t1 = time.perf_counter()
        texts = [unit_text_for_model(units[d.id][i]) for d in docs for i in sent_ids[d.id]]
        vectors, encoded = embed_with_cache(texts, embedder, settings, model, _Silent())
        t2 = time.perf_counter()
        per_doc = align_inputs(docs, units, sent_ids, vectors)
        plan = plan_document_pairs([per_doc[d.id].vectors for d in docs], settings)
        t3 = time.perf_counter()
        pairs = [align_document_pair((docs[i].id, docs[j].id), (per_doc[docs[i].id], per_doc[docs[j].id]),
                                     (units[docs[i].id], units[docs[j].id]), (sent_ids[docs[i].id], sent_ids[docs[j].id]),
                                     same_event=plan.groups[i] == plan.groups[j], related=plan.related[(i, j)],
                                     settings=settings.align) for i, j in plan.pairs]
        t4 = time.perf_counter()
        corpus = Corpus(tuple(docs), units, tuple(pairs), model.name, model.sha256, tuple(rejected))
        events, unrelated = split_events(corpus)
        out = Path(tmp) / "reports"
        write_outputs(corpus, out) if len(events) <= 1 else write_event_outputs(corpus, events, unrelated, out)
        t5 = time.perf_counter()
        score = score_against_truth(corpus, gen)
        figures.update(
            documents=len(docs), sentences=len(texts), distinct=len(set(texts)), encoded=encoded,
            events=len(events), pairs=len(pairs), candidates=plan.candidates,
            read=t1 - t0, embed=t2 - t1, group=t3 - t2, align=t4 - t3, write=t5 - t4, wall=t5 - t0,
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
          f"{'group':>6} {'align':>6} {'write':>6} {'non-emb':>7} {'peak MB':>7} {'recall':>6} {'prec':>6}  embedding rate")
    for n in args.sizes:
        cmd = [sys.executable, __file__, "--one", str(n), "--outlets", str(args.outlets), "--seed", str(args.seed),
               "--cache", str(cache)] + (["--raw"] if args.raw else [])
        f = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.splitlines()[-1])
        rate = f"{f['encoded'] / f['embed']:.0f}/s" if f["encoded"] else "all cached"
        if "raw_rate" in f:
            rate += f" (same sentences: pipeline encode {f['pipeline_encode_rate']:.0f}/s, raw model {f['raw_rate']:.0f}/s)"
        print(f"{f['documents']:>5} {f['sentences']:>6} {f['encoded']:>5} {f['events']:>6} {f['pairs']:>6} {f['wall']:>7.2f} "
              f"{f['read']:>6.2f} {f['embed']:>7.2f} {f['group']:>6.2f} {f['align']:>6.2f} {f['write']:>6.2f} "
              f"{f['wall'] - f['embed']:>7.2f} {f['peak_rss_mb']:>7.0f} {f['recall']:>6.3f} {f['precision']:>6.3f}  {rate}",
              flush=True)


if __name__ == "__main__":
    main()
