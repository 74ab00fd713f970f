"""Fit the aligner's evidence weights on GNAT Aesop and print their cross-validated link quality.

Usage:  .venv/bin/python benchmarks/train_aligner.py [--write] [--calibrate [--gnat-only] [--cache-dir DIR]]

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
rewrite; it prints a reliability table on each. The document pair's prior (``counterpart_prior``: how much of the
two texts has a clear counterpart) enters as an offset with its weight fixed at one, so the weights are fitted as
evidence odds on top of it; the prior's base (the mean share on the training pairs) is fitted first. The walk
reads the confidence (which of a sentence's places it keeps, ``compare.align.runs.keep_places``), so the
pairings depend on the weights: the fit is repeated, each time on the pairings walked with the last weights, until
the weights (rounded to four places) stay put (at most ten rounds; one from the shipped weights). With
``--write`` it stores the weights and the base in compare/settings.py. The fit is scipy's L-BFGS on the
L2-penalised logistic loss; the package itself only multiplies the weights. ``--gnat-only`` fits on the even-numbered
GNAT pairs alone (no seed pair; the shipped weights are not fitted that way: see README.md for its figures).
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
    parser.add_argument("--cache-dir", type=Path, help="embedding cache folder (--calibrate)")
    parser.add_argument("--gnat-only", action="store_true", help="--calibrate on the even-numbered GNAT pairs alone")
    args = parser.parse_args()
    if args.calibrate:
        calibrate(args.write, args.cache_dir, gnat_only=args.gnat_only)
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
    """Return the walk's pairings of two texts, their confidence inputs and the pair's prior log-odds."""
    from compare.align.confidence import CONFIDENCE_FEATURES
    from compare.align.walk import walk_pairings

    if not a.texts or not b.texts:
        return [], np.zeros((0, len(CONFIDENCE_FEATURES))), 0.0
    found, _, _, inputs, prior = walk_pairings(a, b, align_settings)
    return found, inputs, prior


def _anchor_share(a, b, anchor: float) -> float:
    """Return the share of the smaller text's sentences with a clear mutual best partner (``anchor_count``)."""
    from compare.align.confidence import anchor_count

    if not a.texts or not b.texts:
        return 0.0
    cos = a.vectors @ b.vectors.T
    return anchor_count(cos.max(axis=1), cos.argmax(axis=1), cos.argmax(axis=0), anchor) / min(cos.shape)


def fit_with_offset(x: np.ndarray, y: np.ndarray, offset: np.ndarray, c: float = 1.0) -> tuple[np.ndarray, float]:
    """Logistic regression of ``y`` on ``x`` with a known ``offset`` added to the logit (its weight fixed at one).

    The same objective as scikit-learn's ``LogisticRegression(C=c)`` (L2 on the weights, none on the intercept),
    minimised with L-BFGS from zero: deterministic.
    """
    from scipy.optimize import minimize

    d = x.shape[1]
    y = np.asarray(y, dtype=np.float64)

    def loss(wb: np.ndarray) -> tuple[float, np.ndarray]:
        z = x @ wb[:d] + wb[d] + offset
        g = 1.0 / (1.0 + np.exp(-z)) - y
        value = float((np.logaddexp(0.0, z) - y * z).sum() + 0.5 / c * (wb[:d] ** 2).sum())
        return value, np.concatenate([x.T @ g + wb[:d] / c, [g.sum()]])

    res = minimize(loss, np.zeros(d + 1), jac=True, method="L-BFGS-B", options={"maxiter": 10_000})
    return res.x[:d], float(res.x[d])


def calibrate(write: bool, cache_dir: Path | None = None, *, gnat_only: bool = False) -> None:
    """Fit the confidence model on the training pairings; print reliability on held-out pairings.

    ``gnat_only``: train on the even-numbered GNAT pairs alone; the seed pairs without the TV rewrite are then
    held out too, and a reliability table is printed for them."""
    from pairing_data import HELD_OUT_DOC, gnat_inputs, model_and_embedder, reliability, seed_pairs, seed_reading

    from compare.align.confidence import CONFIDENCE_FEATURES

    settings, model, embedder = model_and_embedder(cache_dir)
    s = settings.align
    gnat = gnat_inputs(settings, model, embedder)
    reading, inputs, gold_id = seed_reading(settings, model, embedder)
    seeds = list(seed_pairs(reading, gold_id))
    # The prior's base: the mean share of clear mutual best partners over the training pairs.
    shares = [_anchor_share(a, b, s.prior_anchor) for k, (_, a, b) in enumerate(gnat) if k % 2 == 0]
    if not gnat_only:
        shares += [_anchor_share(inputs[da.id], inputs[db.id], s.prior_anchor) for da, db, ga, gb in seeds if HELD_OUT_DOC not in (ga, gb)]
    base = round(float(np.mean(shares)), 4)
    s = replace(s, prior_base=base)
    # Which places a sentence keeps in the walk reads the calibrated confidence (``compare.align.runs.keep_places``), so
    # the pairings depend on the weights: fit, walk again with the new weights, fit again, until they stay put.
    weights, intercept = tuple(s.confidence_weights), s.confidence_intercept
    rounds = 0
    while rounds < 10:
        rounds += 1
        s = replace(s, confidence_weights=weights, confidence_intercept=intercept)
        train_x, train_y, train_o, held = _calibration_data(s, gnat, reading, inputs, gold_id, seeds, gnat_only)
        w, b0 = fit_with_offset(np.concatenate(train_x), np.asarray(train_y), np.asarray(train_o))
        new_weights, new_intercept = tuple(round(float(v), 4) for v in w), round(b0, 4)
        if (new_weights, new_intercept) == (weights, intercept):
            break
        weights, intercept = new_weights, new_intercept
    print(f"fixed point after {rounds} rounds of fitting and walking again")
    print(f"prior base (mean share of clear mutual best partners, {len(shares)} training pairs): {base}")
    print(f"confidence model fitted on {len(train_y)} pairings ({sum(train_y)} right), the pair's prior as an offset:")
    for name, v in zip(CONFIDENCE_FEATURES, weights):
        print(f"  {name:18s} {v:+.4f}")
    print(f"  {'intercept':18s} {intercept:+.4f}")
    for name, (xs, ys, os) in held.items():
        logit = np.concatenate(xs) @ np.asarray(weights) + intercept + np.asarray(os)
        probs = 1.0 / (1.0 + np.exp(-logit))
        print(f"reliability on held-out {name} ({len(ys)} pairings the walk chose):")
        print("\n".join(reliability(probs, ys)))
    if write:
        path = ROOT / "compare" / "settings.py"
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"_CONFIDENCE_WEIGHTS: tuple\[float, \.\.\.\] = [^\n]*", f"_CONFIDENCE_WEIGHTS: tuple[float, ...] = {weights!r}", text)
        text = re.sub(r"_CONFIDENCE_INTERCEPT = [-0-9.e]+", f"_CONFIDENCE_INTERCEPT = {intercept!r}", text)
        text = re.sub(r"prior_base: float = [-0-9.e]+", f"prior_base: float = {base!r}", text)
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")


def _calibration_data(s, gnat, reading, inputs, gold_id, seeds, gnat_only):
    """Return the training pairings (inputs, labels, prior offsets) and the held-out ones by set, walked with ``s``."""
    from pairing_data import HELD_OUT_DOC, seed_cell_labels

    train_x, train_y, train_o, held = [], [], [], {"GNAT odd pairs": ([], [], []), "seed pairs with tv": ([], [], [])}
    if gnat_only:
        held["seed pairs without tv"] = ([], [], [])
    for k, (p, a, b) in enumerate(gnat):
        found, x, prior = _pairings(a, b, s)
        y = [cell in p.links for cell in found]
        if k % 2 == 0:
            train_x.append(x), train_y.extend(y), train_o.extend([prior] * len(y))
        else:
            held["GNAT odd pairs"][0].append(x), held["GNAT odd pairs"][1].extend(y), held["GNAT odd pairs"][2].extend([prior] * len(y))
    for da, db, ga, gb in seeds:
        found, x, prior = _pairings(inputs[da.id], inputs[db.id], s)
        y = seed_cell_labels(reading, gold_id, da, db, found)
        if HELD_OUT_DOC in (ga, gb):
            if "forum" not in (ga, gb):
                h = held["seed pairs with tv"]
                h[0].append(x), h[1].extend(y), h[2].extend([prior] * len(y))
        elif gnat_only:
            h = held["seed pairs without tv"]
            h[0].append(x), h[1].extend(y), h[2].extend([prior] * len(y))
        else:
            train_x.append(x), train_y.extend(y), train_o.extend([prior] * len(y))
    return train_x, train_y, train_o, held


if __name__ == "__main__":
    main()
