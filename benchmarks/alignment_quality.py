"""Alignment quality, by pair: the ten seed pairs, the TV pairs held out, GNAT, grouping, OneStopEnglish.

Usage:  .venv/bin/python benchmarks/alignment_quality.py [--no-cache] [--onestop-root DIR] [--fables N] [--misses]

Prints figures; asserts nothing. What is measured (gold never fitted on is marked "held out"):

- Seed corpus, full gold (tests/data/seed_gold_full.json), through the whole pipeline (``build_corpus``:
  grouping included), twice: with its manifest, and renamed with no manifest (the five .txt files copied to a
  temporary folder as source_q.txt .. source_u.txt; ids mapped back by file). Per pair of the ten: P, R, F1 by
  span overlap (``tools.evaluate.score_seed_links``), links into background text (the gold's ``background``
  passages: the press's Japan/EU/SWIFT section, the TV's studio quote, the Security Council transcript, the
  forum article) and possible counterparts; then the six pairs among transcript, readout, press and TV, and the
  pairs with the TV rewrite (held out: the confidence model is fitted without them, benchmarks/train_aligner.py).
- Reliability of the confidence (links and possible counterparts together) on held-out pairings: the TV pairs
  of the seed corpus and the odd-numbered GNAT pairs.
- GNAT Aesop, 153 pairs, through ``compare.align_sentences`` (link-level micro P/R/F1, cross product of each
  link's sentences), all pairs and the odd-numbered ones alone (held out from the confidence fit).
- Grouping: GNAT fables, each pair of tellings written as a folder of two .txt files and run with
  ``build_corpus``: how many are one event, and the share of the shorter telling's sentences that are linked.
- OneStopEnglish (tests/data/onestop_gold.json, if present; else a note): all articles' three levels in one
  folder, run with ``build_corpus``; the events found, and P/R/F1 per level pair, held-out articles apart.

``--misses`` prints only the seed gold links of the six pairs that no link matches, each with what the walk made of
it (a possible counterpart, a pairing below the floor, or not proposed: never walked, or dropped by the place
rule of ``compare.align.runs``) and its closest cosine.
"""

from __future__ import annotations

import sys as _sys
from pathlib import Path as _Path

_sys.path.insert(0, str(_Path(__file__).resolve().parent.parent))  # the repository root: compare/ and tools/
_sys.path.insert(0, str(_Path(__file__).resolve().parent))  # benchmarks/: pairing_data

import argparse
import json
import shutil
import tempfile
import time
from pathlib import Path

from pairing_data import HELD_OUT_DOC, ROOT, fmt, gnat_inputs, model_and_embedder, reliability, score_seed_pair, seed_gold

FOUR = {"press", "readout", "transcript", "tv"}


def seed_corpus_figures(settings, model, embedder, manifest: bool):
    """Print per-pair figures of one pipeline run over the seed corpus; return (probs, rights) of held-out pairings."""
    from pairing_data import SEED_IDS

    from compare.pipeline import build_corpus
    from tools.evaluate import Score

    folder, tmp, names = ROOT / "corpus", None, {}
    if not manifest:
        tmp = Path(tempfile.mkdtemp(prefix="seed-renamed-"))
        for k, path in enumerate(sorted(folder.glob("*.txt"))):
            new = f"source_{chr(ord('q') + k)}.txt"
            shutil.copy(path, tmp / new)
            names[new] = SEED_IDS[path.name[:3]]
        folder = tmp
    try:
        corpus, _ = build_corpus(folder, settings, embedder=embedder, model=model)
    finally:
        if tmp is not None:
            shutil.rmtree(tmp)
    gold_id = {d.id: names.get(Path(d.path).name) or SEED_IDS[Path(d.path).name[:3]] for d in corpus.documents}
    docs = {d.id: d for d in corpus.documents}
    reading = _Reading(corpus)
    six, tv, total_bg = Score(0, 0, 0), Score(0, 0, 0), 0
    probs, rights = [], []
    print(f"seed corpus, {'with its manifest' if manifest else 'renamed, no manifest'} "
          f"(events: {[sorted(gold_id[i] for i in e.documents) for e in corpus.events]}):")
    for pair in sorted(corpus.pairs, key=lambda p: (gold_id[p.a], gold_id[p.b])):
        ga, gb = gold_id[pair.a], gold_id[pair.b]
        score, into_bg, hits = score_seed_pair(reading, gold_id, docs[pair.a], docs[pair.b], pair.links)
        _, _, possible_hits = score_seed_pair(reading, gold_id, docs[pair.a], docs[pair.b], pair.possible)
        print(f"  {ga:10s} <-> {gb:10s} {fmt(score)}  into background {into_bg}  possible {len(pair.possible)}")
        if {ga, gb} <= FOUR:
            six, total_bg = six + score, total_bg + into_bg
            if HELD_OUT_DOC in (ga, gb):
                tv = tv + score
                probs += [lk.confidence for lk in (*pair.links, *pair.possible)]
                rights += [*hits, *possible_hits]
    print(f"  {'six pairs':24s} {fmt(six)}  into background {total_bg}")
    print(f"  {'TV pairs (held out)':24s} {fmt(tv)}")
    return probs, rights


class _Reading:
    """The parts of a pipeline reading that pairing_data's scorers use, taken from a Corpus."""

    def __init__(self, corpus) -> None:
        self.documents = corpus.documents
        self.units = {d: {u.id: u for u in us} for d, us in corpus.units.items()}
        self.sentences = {d: _Identity() for d in corpus.units}


class _Identity:
    def __getitem__(self, k: int) -> int:
        return k


def seed_misses(settings, model, embedder) -> None:
    """Print every gold link of the six pairs that no link matches (renamed, no manifest), and what the walk made
    of it: a possible counterpart or a pairing below the floor (with its confidence), or not proposed."""
    from pairing_data import SEED_GOLD, _overlap, seed_pairs, seed_reading, sentence_span

    from compare.align.confidence import pairing_confidence, shared_content
    from compare.align.walk import walk_pairings
    from tools.evaluate import load_seed_gold, locate_seed_link

    s = settings.align
    reading, inputs, gold_id = seed_reading(settings, model, embedder, manifest=False)
    gold = load_seed_gold(SEED_GOLD)
    texts = {gold_id[d.id]: d.text for d in reading.documents}
    kinds = {"link": 0, "possible": 0, "below the floor": 0, "not proposed": 0}
    print("gold links of the six pairs that no link matches (renamed, no manifest):")
    for da, db, ga, gb in seed_pairs(reading, gold_id):
        if not {ga, gb} <= FOUR:
            continue
        a, b = inputs[da.id], inputs[db.id]
        found, cos, _, x, prior = walk_pairings(a, b, s)
        confidence = dict(zip(found, pairing_confidence(x, s.confidence_weights, s.confidence_intercept, prior).tolist()))
        words = shared_content(a.texts, b.texts)[0]
        for g in gold:
            if {g.a_doc, g.b_doc} != {ga, gb}:
                continue
            sa, sb = locate_seed_link(g, texts)
            if (g.a_doc, g.b_doc) != (ga, gb):
                sa, sb = sb, sa
            rows = [i for i in range(len(a.texts)) if _overlap(sentence_span(reading, da.id, [i]), sa)]
            cols = [j for j in range(len(b.texts)) if _overlap(sentence_span(reading, db.id, [j]), sb)]
            cells = [(i, j) for i in rows for j in cols]
            best = max((confidence.get(c, -1.0) for c in cells), default=-1.0)
            kind = ("link" if best >= s.link_confidence else "possible" if best >= s.possible_floor
                    else "below the floor" if best >= 0 else "not proposed")
            kinds[kind] += 1
            if kind == "link":
                continue
            i, j = max(cells, key=lambda c: float(cos[c]))
            what = kind if best < 0 else f"{kind} ({best:.2f})"
            print(f"  {ga} <-> {gb}: {what}; closest cosine {float(cos[i, j]):.2f}, {int(words[i, j])} shared content words")
            print(f"    {ga}: {' '.join(a.texts[r] for r in rows)[:160]}")
            print(f"    {gb}: {' '.join(b.texts[c] for c in cols)[:160]}")
    print("  " + ", ".join(f"{k} {v}" for k, v in kinds.items()) + f" (of {sum(kinds.values())})")


def gnat_figures(settings, model, embedder):
    """Print GNAT P/R/F1 through compare.align_sentences; return (probs, rights) of the odd (held-out) pairs."""
    from compare import align_sentences
    from tools.evaluate import Score, links_to_pairs, score_links

    total, odd, probs, rights = Score(0, 0, 0), Score(0, 0, 0), [], []
    for k, (p, _, _) in enumerate(gnat_inputs(settings, model, embedder)):
        links = align_sentences(list(p.a), list(p.b), settings=settings, embedder=embedder)
        score = score_links(links_to_pairs(links), p.links)
        total = total + score
        if k % 2:
            odd = odd + score
            for lk in links:
                cells = {(i, j) for i in lk.a for j in lk.b}
                probs.append(lk.confidence)
                rights.append(len(cells & p.links) * 2 >= len(cells))
    print("GNAT Aesop through compare.align_sentences, link-level micro (cross product of each link's sentences):")
    print(f"  all 153 pairs:              {fmt(total)}")
    print(f"  odd-numbered 76 (held out): {fmt(odd)}")
    return probs, rights


def fable_folders(settings, model, embedder, count: int) -> None:
    """Run ``count`` GNAT fables (evenly spread over the sorted files), each as a folder of its two tellings."""
    from compare.pipeline import build_corpus
    from tools.evaluate import load_gnat

    pairs = load_gnat(ROOT / "data" / "gnat_aesop")
    chosen = pairs if count >= len(pairs) else [pairs[round(k * (len(pairs) - 1) / max(count - 1, 1))] for k in range(count)]
    related, covered, shares = 0, 0, []
    for p in chosen:
        with tempfile.TemporaryDirectory(prefix="fable-") as tmp:
            folder = Path(tmp)
            (folder / "telling_a.txt").write_text(" ".join(" ".join(s.split()) for s in p.a) + "\n", encoding="utf-8")
            (folder / "telling_b.txt").write_text(" ".join(" ".join(s.split()) for s in p.b) + "\n", encoding="utf-8")
            corpus, _ = build_corpus(folder, settings, embedder=embedder, model=model)
        one_event = len(corpus.events) == 1 and len(corpus.events[0].documents) == 2
        sizes = {d.id: sum(u.is_sentence for u in corpus.units[d.id]) for d in corpus.documents}
        shorter = min(sizes, key=lambda d: (sizes[d], d))
        share = corpus.status(shorter).count("aligned") / max(sizes[shorter], 1)
        related += one_event
        covered += one_event and share >= 0.3
        shares.append(share)
        if count <= 12:
            print(f"  {p.name:44s} one event: {one_event!s:5s}  linked share of the shorter telling {share:.2f}")
    print(f"  {len(chosen)} fables: {related} one event, {covered} related and linked on >= 30% of the shorter "
          f"(median share {sorted(shares)[len(shares) // 2]:.2f})")


def onestop_figures(settings, model, embedder, root: Path) -> None:
    """All OneStopEnglish gold articles in one folder: the events, and P/R/F1 per level pair (held out apart)."""
    from compare.pipeline import build_corpus
    from tools.evaluate import Score, SeedGoldLink, corpus_link_spans, score_seed_links

    path = root / "tests" / "data" / "onestop_gold.json"
    if not path.is_file():
        print(f"OneStopEnglish: {path.relative_to(root) if path.is_relative_to(root) else path} is missing; skipped.")
        return
    data = json.loads(path.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory(prefix="onestop-") as tmp:
        folder = Path(tmp)
        stem_of = {}
        for art in data["articles"]:
            for level, rel in art["files"].items():
                src = root / rel
                shutil.copy(src, folder / src.name)
                stem_of[(art["name"], level)] = src.name
        corpus, _ = build_corpus(folder, settings, embedder=embedder, model=model)
    by_file = {Path(d.path).name: d.id for d in corpus.documents}
    texts = {d.id: d.text for d in corpus.documents}
    predicted = corpus_link_spans(corpus)
    article_of = {by_file[f]: name for (name, _), f in stem_of.items()}
    events_ok = sum(len({article_of[d] for d in e.documents}) == 1 and len(e.documents) == 3 for e in corpus.events)
    print(f"OneStopEnglish ({len(data['articles'])} articles x 3 levels in one folder): {len(corpus.events)} events, "
          f"{events_ok} of them exactly one article's three levels")
    totals = {True: Score(0, 0, 0), False: Score(0, 0, 0)}
    for art in data["articles"]:
        gold = [SeedGoldLink(by_file[stem_of[(art["name"], g["a"])]], by_file[stem_of[(art["name"], g["b"])]],
                             g["a_text"], g["b_text"]) for g in art["links"]]
        score = score_seed_links(gold, texts, predicted)
        totals[bool(art.get("heldout"))] += score
        print(f"  {art['name']:24s} {'held out' if art.get('heldout') else '        '} {fmt(score)}")
    print(f"  {'not held out':33s} {fmt(totals[False])}")
    print(f"  {'held out':33s} {fmt(totals[True])}")
    print(f"  {'all':33s} {fmt(totals[False] + totals[True])}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-cache", action="store_true", help="encode everything afresh")
    parser.add_argument("--cache-dir", type=Path, help="embedding cache folder")
    parser.add_argument("--onestop-root", type=Path, default=ROOT,
                        help="checkout holding tests/data/onestop_gold.json and its texts [default: this one]")
    parser.add_argument("--fables", type=int, default=6, help="GNAT fables run as folders (153: all)")
    parser.add_argument("--misses", action="store_true", help="only list the seed gold links missed in the six pairs")
    args = parser.parse_args()
    from dataclasses import replace

    settings, model, embedder = model_and_embedder(args.cache_dir)
    if args.no_cache:
        settings = replace(settings, cache_dir=None)
    if args.misses:
        seed_misses(settings, model, embedder)
        return
    t = time.perf_counter()
    held_probs, held_rights = [], []
    for manifest in (True, False):
        probs, rights = seed_corpus_figures(settings, model, embedder, manifest)
        if manifest:
            held_probs, held_rights = probs, rights
    gnat_probs, gnat_rights = gnat_figures(settings, model, embedder)
    print("reliability of the confidence on held-out pairings (links and possible counterparts):")
    print(f" seed pairs with the TV rewrite ({len(held_probs)} pairings):")
    print("\n".join(reliability(held_probs, held_rights)))
    print(f" odd-numbered GNAT pairs, links of compare.align_sentences ({len(gnat_probs)}; right = most of its cells gold):")
    print("\n".join(reliability(gnat_probs, gnat_rights)))
    print("GNAT fables, each pair of tellings run as its own folder (build_corpus):")
    fable_folders(settings, model, embedder, args.fables)
    onestop_figures(settings, model, embedder, args.onestop_root)
    print(f"({time.perf_counter() - t:.0f} s)")
    _ = seed_gold


if __name__ == "__main__":
    main()
