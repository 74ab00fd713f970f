"""Fit the aligner's evidence weights on GNAT Aesop and print their cross-validated link quality.

Usage:  .venv/bin/python benchmarks/train_aligner.py [--write]

The weights of ``compare.settings.AlignSettings`` (one per feature of ``compare.scoring.FEATURES``) are a
logistic regression of "A sentence i and B sentence j are a gold link" on the features of every (i, j) of the
153 GNAT pairs. Two figures are printed so that the in-sample figure is never mistaken for the honest one:

- 2-fold cross-validation: weights fitted on the even-numbered pairs decode the odd-numbered ones and vice
  versa (pairs sorted by file name), scored with the whole aligner (``align_vectors``);
- in-sample: weights fitted on all 153 pairs, scored on the same pairs (what benchmarks/alignment_quality.py
  reports with the defaults).

``--write`` stores the all-pairs weights in compare/settings.py.

``--calibrate`` fits the confidence model instead (``compare.align.confidence``; Platt scaling): a logistic
regression of "this pairing of the walk is right" over ``CONFIDENCE_FEATURES`` of every pairing the walk chooses
on the training data, the even-numbered GNAT pairs and the seed pairs without the TV rewrite (every pairing
weighs the same). Held out, never fitted on: the odd-numbered GNAT pairs and the four pairs with the TV
rewrite; it prints a reliability table on each. With ``--write`` it stores those weights in compare/settings.py. scikit-learn (installed with
sentence-transformers) does the fitting; the package itself only multiplies the weights.
"""

from __future__ import annotations

import sys as _sys
from pathlib import Path as _Path

_sys.path.insert(0, str(_Path(__file__).resolve().parent.parent))  # the repository root: compare/ and tools/
_sys.path.insert(0, str(_Path(__file__).resolve().parent))  # benchmarks/: pairing_data

import argparse
import re
from dataclasses import replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent


def _load():
    from compare.embed import EmbeddingCache, SentenceTransformerEmbedder, embed_texts, resolve_model
    from compare.settings import Settings
    from tools.evaluate import load_gnat

    settings = Settings()
    model = resolve_model(settings.model)
    pairs = load_gnat(ROOT / "data" / "gnat_aesop")
    texts = [" ".join(t.split()) for p in pairs for t in (*p.a, *p.b)]
    cache = EmbeddingCache(settings.cache_dir, model.sha256) if settings.cache_dir else None
    vectors, _ = embed_texts(texts, SentenceTransformerEmbedder(model, batch_size=settings.batch_size), cache=cache)
    out, pos = [], 0
    for p in pairs:
        na, nb = len(p.a), len(p.b)
        out.append((p, vectors[pos : pos + na], vectors[pos + na : pos + na + nb], texts[pos : pos + na], texts[pos + na : pos + na + nb]))
        pos += na + nb
    return out


def _fit(data, rows):
    from sklearn.linear_model import LogisticRegression

    from compare.align.scoring import pair_features

    xs, ys = [], []
    for k in rows:
        p, va, vb, ta, tb = data[k]
        f = pair_features(va, vb, ta, tb)
        y = np.zeros(f.shape[:2])
        for i, j in p.links:
            y[i, j] = 1
        xs.append(f.reshape(-1, f.shape[-1]))
        ys.append(y.ravel())
    model = LogisticRegression(C=1.0, max_iter=5000).fit(np.concatenate(xs), np.concatenate(ys))
    return tuple(round(float(w), 4) for w in model.coef_[0]), round(float(model.intercept_[0]), 4)


def _score(data, rows, align_settings):
    from compare.align import AlignInput, align_vectors
    from tools.evaluate import Score, links_to_pairs, score_links

    total = Score(0, 0, 0)
    for k in rows:
        p, va, vb, ta, tb = data[k]
        links, _ = align_vectors(AlignInput(va, ta), AlignInput(vb, tb), align_settings)
        total = total + score_links(links_to_pairs(links), p.links)
    return total


def _fmt(s) -> str:
    return f"P {s.precision:.3f}  R {s.recall:.3f}  F1 {s.f1:.3f}   (tp {s.tp}, fp {s.fp}, fn {s.fn})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="store the fitted weights in compare/settings.py")
    parser.add_argument("--calibrate", action="store_true", help="fit the confidence model (see the docstring)")
    args = parser.parse_args()
    if args.calibrate:
        calibrate(args.write)
        return
    from compare.align.scoring import FEATURES
    from compare.settings import AlignSettings
    from tools.evaluate import Score

    data = _load()
    rows = range(len(data))
    base = AlignSettings()
    cv = Score(0, 0, 0)
    for fold in (0, 1):
        weights, intercept = _fit(data, [k for k in rows if k % 2 != fold])
        cv = cv + _score(data, [k for k in rows if k % 2 == fold], replace(base, weights=weights, intercept=intercept))
    weights, intercept = _fit(data, rows)
    full = _score(data, rows, replace(base, weights=weights, intercept=intercept))
    print(f"GNAT Aesop, {len(data)} pairs, link-level micro scores (cross product of each link's sentences):")
    print(f"  2-fold cross-validated: {_fmt(cv)}")
    print(f"  in-sample (all pairs):  {_fmt(full)}")
    print("weights:")
    for name, w in zip(FEATURES, weights):
        print(f"  {name:16s} {w:+.4f}")
    print(f"  {'intercept':16s} {intercept:+.4f}")
    if args.write:
        path = ROOT / "compare" / "settings.py"
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"_WEIGHTS: tuple\[float, \.\.\.\] = \([^)]*\)", f"_WEIGHTS: tuple[float, ...] = {weights!r}", text)
        text = re.sub(r"_INTERCEPT = [-0-9.e]+", f"_INTERCEPT = {intercept!r}", text)
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")


def _pairings(a, b, align_settings):
    from compare.align.confidence import CONFIDENCE_FEATURES
    from compare.align.walk import walk_pairings

    if not a.texts or not b.texts:
        return [], np.zeros((0, len(CONFIDENCE_FEATURES)))
    found, _, _, inputs = walk_pairings(a, b, align_settings)
    return found, inputs


def calibrate(write: bool) -> None:
    """Fit the confidence model on the training pairings; print reliability on held-out pairings."""
    from pairing_data import (
        HELD_OUT_DOC,
        gnat_inputs,
        model_and_embedder,
        reliability,
        seed_cell_labels,
        seed_pairs,
        seed_reading,
    )
    from sklearn.linear_model import LogisticRegression

    from compare.align.confidence import CONFIDENCE_FEATURES

    settings, model, embedder = model_and_embedder(None)
    s = settings.align
    train_x, train_y, train_w, held = [], [], [], {"GNAT odd pairs": ([], []), "seed pairs with tv": ([], [])}
    for k, (p, a, b) in enumerate(gnat_inputs(settings, model, embedder)):
        found, x = _pairings(a, b, s)
        y = [cell in p.links for cell in found]
        if k % 2 == 0:
            train_x.append(x), train_y.extend(y), train_w.extend([1.0] * len(y))
        else:
            held["GNAT odd pairs"][0].append(x), held["GNAT odd pairs"][1].extend(y)
    reading, inputs, gold_id = seed_reading(settings, model, embedder)
    for da, db, ga, gb in seed_pairs(reading, gold_id):
        found, x = _pairings(inputs[da.id], inputs[db.id], s)
        y = seed_cell_labels(reading, gold_id, da, db, found)
        if HELD_OUT_DOC in (ga, gb):
            if "forum" not in (ga, gb):
                held["seed pairs with tv"][0].append(x), held["seed pairs with tv"][1].extend(y)
        else:
            train_x.append(x), train_y.extend(y), train_w.extend([1.0] * len(y))
    fitted = LogisticRegression(C=1.0, max_iter=5000).fit(np.concatenate(train_x), train_y, sample_weight=train_w)
    weights = tuple(round(float(w), 4) for w in fitted.coef_[0])
    intercept = round(float(fitted.intercept_[0]), 4)
    print(f"confidence model fitted on {len(train_y)} pairings ({sum(train_y)} right):")
    for name, w in zip(CONFIDENCE_FEATURES, weights):
        print(f"  {name:18s} {w:+.4f}")
    print(f"  {'intercept':18s} {intercept:+.4f}")
    for name, (xs, ys) in held.items():
        probs = fitted.predict_proba(np.concatenate(xs))[:, 1]
        print(f"reliability on held-out {name} ({len(ys)} pairings the walk chose):")
        print("\n".join(reliability(probs, ys)))
    if write:
        path = ROOT / "compare" / "settings.py"
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"_CONFIDENCE_WEIGHTS: tuple\[float, \.\.\.\] = [^\n]*", f"_CONFIDENCE_WEIGHTS: tuple[float, ...] = {weights!r}", text)
        text = re.sub(r"_CONFIDENCE_INTERCEPT = [-0-9.e]+", f"_CONFIDENCE_INTERCEPT = {intercept!r}", text)
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
