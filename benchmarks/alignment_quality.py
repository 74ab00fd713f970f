"""Alignment quality: P/R/F1 on GNAT Aesop (153 gold pairs) and on the seed corpus's hand-made gold.

Usage:  .venv/bin/python benchmarks/alignment_quality.py [--no-cache]

GNAT: link-level micro P/R/F1, links scored as the cross product of their sentence sets, and again with each
A sentence reduced to its best link (the gold is a function A -> B or none; see data/gnat_aesop/STRUCTURE.md).
Seeds: tests/data/seed_gold.json (transcript <-> readout, transcript <-> press), scored by span overlap
(tools.evaluate.score_seed_links), plus the links made to the look-alike article (forum, 004) and from the
Security Council transcript inside 002; both should be 0. Prints figures; asserts nothing.
"""

from __future__ import annotations

import sys as _sys
from pathlib import Path as _Path

_sys.path.insert(0, str(_Path(__file__).resolve().parent.parent))  # the repository root: compare/ and tools/

import argparse
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def gnat(settings, embedder) -> tuple[int, object, object, dict[str, object]]:
    """Return (pairs, cross-product Score, best-per-A Score, human-agreement Scores) over all GNAT pairs.

    The last is measured on the files a second annotator also linked: the aligner against each annotator,
    and the second annotator against the first (the same scorer, the same files).
    """
    from compare.align import AlignInput, align_vectors
    from compare.embed import EmbeddingCache, embed_texts
    from tools.evaluate import Score, best_per_a, links_to_pairs, load_gnat, score_links

    pairs = load_gnat(ROOT / "data" / "gnat_aesop")
    texts = [" ".join(t.split()) for p in pairs for t in (*p.a, *p.b)]
    cache = EmbeddingCache(settings.cache_dir, embedder.model.sha256) if settings.cache_dir else None
    vectors, _ = embed_texts(texts, embedder, cache=cache)
    cross, best = Score(0, 0, 0), Score(0, 0, 0)
    human = {"aligner vs annotator 1": Score(0, 0, 0), "aligner vs annotator 2": Score(0, 0, 0), "annotator 2 vs annotator 1": Score(0, 0, 0)}
    pos = 0
    for p in pairs:
        na, nb = len(p.a), len(p.b)
        va, vb = vectors[pos : pos + na], vectors[pos + na : pos + na + nb]
        ta, tb = texts[pos : pos + na], texts[pos + na : pos + na + nb]
        pos += na + nb
        links, _ = align_vectors(AlignInput(va, ta), AlignInput(vb, tb), settings.align)
        cross = cross + score_links(links_to_pairs(links), p.links)
        best = best + score_links(best_per_a(links), p.links)
        if p.second is not None:
            human["aligner vs annotator 1"] += score_links(links_to_pairs(links), p.links)
            human["aligner vs annotator 2"] += score_links(links_to_pairs(links), p.second)
            human["annotator 2 vs annotator 1"] += score_links(p.second, p.links)
    human["files"] = sum(p.second is not None for p in pairs)
    return len(pairs), cross, best, human


def seeds(settings, embedder, model) -> tuple[object, dict[str, object], int, int]:
    """Return (overall Score, Score per document pair, links to forum, links from the Security Council part)."""
    from compare.pipeline import build_corpus
    from tools.evaluate import corpus_link_spans, load_seed_gold, score_seed_links

    corpus, _ = build_corpus(ROOT / "corpus", settings, embedder=embedder, model=model)
    gold = load_seed_gold(ROOT / "tests" / "data" / "seed_gold.json")
    texts = {d.id: d.text for d in corpus.documents}
    predicted = corpus_link_spans(corpus)
    overall = score_seed_links(gold, texts, predicted)
    per_pair = {}
    for a, b in sorted({(g.a_doc, g.b_doc) for g in gold}):
        sub = [g for g in gold if (g.a_doc, g.b_doc) == (a, b)]
        per_pair[f"{a} <-> {b}"] = score_seed_links(sub, texts, predicted)
    to_forum = sum(len(p.links) for p in corpus.pairs if "forum" in (p.a, p.b))
    units = corpus.units["transcript"]
    sc_start = next(u.id for u in units if u.text.startswith("Meeting with permanent members of Security Council"))
    from_sc = 0
    for p in corpus.pairs:
        for lk in p.links:
            ids = lk.a if p.a == "transcript" else lk.b if p.b == "transcript" else ()
            from_sc += any(i >= sc_start for i in ids)
    return overall, per_pair, to_forum, from_sc


def _fmt(s) -> str:
    return f"P {s.precision:.3f}  R {s.recall:.3f}  F1 {s.f1:.3f}   (tp {s.tp}, fp {s.fp}, fn {s.fn})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-cache", action="store_true", help="encode everything afresh")
    args = parser.parse_args()
    from compare.embed import SentenceTransformerEmbedder, resolve_model
    from compare.settings import Settings

    settings = Settings(cache_dir=None) if args.no_cache else Settings()
    model = resolve_model(settings.model)
    embedder = SentenceTransformerEmbedder(model, batch_size=settings.batch_size)
    t = time.perf_counter()
    n, cross, best, human = gnat(settings, embedder)
    print(f"GNAT Aesop, {n} pairs, link-level micro scores ({time.perf_counter() - t:.1f} s):")
    print(f"  all links (cross product): {_fmt(cross)}")
    print(f"  best link per A sentence:  {_fmt(best)}")
    print(f"  the {human.pop('files')} files a second annotator also linked:")
    for name, score in human.items():
        print(f"    {name:27s} {_fmt(score)}")
    print("  (the aligner's weights were fitted on annotator 1's links of all files: benchmarks/train_aligner.py;")
    print("   its cross-validated figure and the ideas tried beyond it: benchmarks/aligner_ceiling.py)")
    overall, per_pair, to_forum, from_sc = seeds(settings, embedder, model)
    print("seed corpus gold (tests/data/seed_gold.json), span-overlap scoring:")
    for name, s in per_pair.items():
        print(f"  {name:24s} {_fmt(s)}")
    print(f"  {'all':24s} {_fmt(overall)}")
    print(f"links to the look-alike article (forum, 004): {to_forum}")
    print(f"links from the Security Council transcript inside 002: {from_sc}")


if __name__ == "__main__":
    main()
