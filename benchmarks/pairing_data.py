"""Shared by the pairing benchmarks: the gold sets read once, walk pairings labelled, seeds scored by pair.

Not a benchmark itself. ``seed_reading`` reads the seed corpus with its manifest, or "renamed, no manifest"
(the five .txt files copied to a temporary folder as source_q.txt .. source_u.txt, ids mapped back by file).
"""

from __future__ import annotations

import sys as _sys
from pathlib import Path as _Path

_sys.path.insert(0, str(_Path(__file__).resolve().parent.parent))  # the repository root: compare/ and tools/

import json
import shutil
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
SEED_GOLD = ROOT / "tests" / "data" / "seed_gold_full.json"
SEED_IDS = {"000": "press", "001": "readout", "002": "transcript", "003": "tv", "004": "forum"}
"""Gold id of each seed file, by the file name's first three characters."""
HELD_OUT_DOC = "tv"
"""The seed document whose pairs are never fitted on (the loose, commentary-heavy rewrite)."""


def model_and_embedder(cache_dir: Path | None):
    from compare.embed import SentenceTransformerEmbedder, resolve_model
    from compare.settings import Settings

    settings = Settings(cache_dir=cache_dir) if cache_dir else Settings()
    model = resolve_model(settings.model)
    return settings, model, SentenceTransformerEmbedder(model, batch_size=settings.batch_size)


def gnat_inputs(settings, model, embedder):
    """Return [(GoldPair, AlignInput a, AlignInput b)] for the 153 GNAT pairs."""
    from compare.align import AlignInput
    from compare.embed import EmbeddingCache, embed_texts
    from tools.evaluate import load_gnat

    pairs = load_gnat(ROOT / "data" / "gnat_aesop")
    texts = [" ".join(t.split()) for p in pairs for t in (*p.a, *p.b)]
    cache = EmbeddingCache(settings.cache_dir, model.sha256) if settings.cache_dir else None
    vectors, _ = embed_texts(texts, embedder, cache=cache)
    out, pos = [], 0
    for p in pairs:
        na, nb = len(p.a), len(p.b)
        out.append((p, AlignInput(vectors[pos : pos + na], texts[pos : pos + na]),
                    AlignInput(vectors[pos + na : pos + na + nb], texts[pos + na : pos + na + nb])))
        pos += na + nb
    return out


def seed_reading(settings, model, embedder, manifest: bool = True):
    """Return (reading, per-document AlignInput, {document id: gold id}) for the seed corpus."""
    from compare.pipeline import align_inputs, embed_sentences, read_units
    from compare.progress import Silent

    folder = ROOT / "corpus"
    tmp = None
    names: dict[str, str] = {}
    if not manifest:
        tmp = Path(tempfile.mkdtemp(prefix="seed-renamed-"))
        for k, path in enumerate(sorted(folder.glob("*.txt"))):
            new = f"source_{chr(ord('q') + k)}.txt"
            shutil.copy(path, tmp / new)
            names[new] = SEED_IDS[path.name[:3]]
        folder = tmp
    try:
        reading = read_units(folder, settings, Silent())
        vectors, _ = embed_sentences(reading.model_texts(), embedder, settings, model, Silent())
    finally:
        if tmp is not None:
            shutil.rmtree(tmp)
    inputs = align_inputs(reading.documents, reading.units, reading.sentences, vectors)
    gold_id = {}
    for d in reading.documents:
        file = Path(d.path).name
        gold_id[d.id] = names.get(file) or SEED_IDS[file[:3]]
    return reading, inputs, gold_id


def _overlap(x, y) -> bool:
    return x[0] < y[1] and y[0] < x[1]


def seed_gold():
    from tools.evaluate import load_seed_gold

    return load_seed_gold(SEED_GOLD), json.loads(SEED_GOLD.read_text(encoding="utf-8"))


def seed_pairs(reading, gold_id):
    """Yield (doc a, doc b, gold id a, gold id b) for the ten document pairs, a before b."""
    docs = reading.documents
    for x in range(len(docs)):
        for y in range(x + 1, len(docs)):
            yield docs[x], docs[y], gold_id[docs[x].id], gold_id[docs[y].id]


def sentence_span(reading, doc_id: str, rows) -> tuple[int, int]:
    units = reading.units[doc_id]
    ids = [reading.sentences[doc_id][r] for r in rows]
    return min(units[i].start for i in ids), max(units[i].end for i in ids)


def seed_cell_labels(reading, gold_id, doc_a, doc_b, cells):
    """Return, per (i, j) sentence pair, whether it lies inside one gold link of that document pair."""
    from tools.evaluate import locate_seed_link

    gold, _ = seed_gold()
    texts = {gold_id[d.id]: d.text for d in reading.documents}
    ga, gb = gold_id[doc_a.id], gold_id[doc_b.id]
    located = [locate_seed_link(g, texts) for g in gold if (g.a_doc, g.b_doc) == (ga, gb)]
    out = []
    for i, j in cells:
        sa, sb = sentence_span(reading, doc_a.id, [i]), sentence_span(reading, doc_b.id, [j])
        out.append(any(_overlap(sa, g[0]) and _overlap(sb, g[1]) for g in located))
    return out


def score_seed_pair(reading, gold_id, doc_a, doc_b, links):
    """Return (Score, links into background, link hits) of one document pair's links against the full seed gold."""
    from tools.evaluate import Score, locate_seed_link, score_seed_links

    gold, raw = seed_gold()
    texts = {gold_id[d.id]: d.text for d in reading.documents}
    ga, gb = gold_id[doc_a.id], gold_id[doc_b.id]
    background = [(b["doc"], texts[b["doc"]].find(b["text"]), len(b["text"])) for b in raw["background"]]
    predicted, into_background = [], 0
    for lk in links:
        sa, sb = sentence_span(reading, doc_a.id, lk.a), sentence_span(reading, doc_b.id, lk.b)
        predicted.append((ga, gb, sa, sb))
        if any((doc == ga and _overlap(sa, (st, st + ln))) or (doc == gb and _overlap(sb, (st, st + ln)))
               for doc, st, ln in background):
            into_background += 1
    sub = [g for g in gold if {g.a_doc, g.b_doc} == {ga, gb}]
    located = [locate_seed_link(g, texts) if (g.a_doc, g.b_doc) == (ga, gb) else locate_seed_link(g, texts)[::-1]
               for g in sub]
    hits = [any(_overlap(sa, g[0]) and _overlap(sb, g[1]) for g in located) for _, _, sa, sb in predicted]
    score = score_seed_links(sub, texts, predicted) if sub else Score(0, len(predicted), 0)
    return score, into_background, hits


def reliability(probs, rights, edges=(0.0, 0.2, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0001)) -> list[str]:
    """Return the lines of a reliability table: per confidence bin, how many pairings and how many were right."""
    probs, rights = np.asarray(probs, dtype=float), np.asarray(rights, dtype=bool)
    lines = ["  confidence    pairings  right  mean confidence"]
    for lo, hi in zip(edges[:-1], edges[1:]):
        k = (probs >= lo) & (probs < hi)
        if k.sum():
            lines.append(f"  {lo:.1f}-{min(hi, 1.0):.1f}    {int(k.sum()):8d}  {rights[k].mean():5.2f}  {probs[k].mean():5.2f}")
    return lines


def fmt(s) -> str:
    return f"P {s.precision:.3f}  R {s.recall:.3f}  F1 {s.f1:.3f}   (tp {s.tp}, fp {s.fp}, fn {s.fn})"
