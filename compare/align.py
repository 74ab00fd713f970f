"""Pair the sentences of two documents from their vectors: many-to-one, crossing, or none at all.

Pure numpy; no model, no I/O. The score of a candidate pair (i, j) is

    score = cos(i, j) + margin_weight * (cos(i, j) - (r_i + c_j) / 2) + lexical_weight * lex(i, j)

where r_i and c_j are the mean of the ``margin_k`` best cosines of sentence i (of a) and j (of b), so a
"hub" sentence similar to everything gains nothing from its high cosines, and lex is the TF-IDF cosine of
the two sentences' word stems with IDF taken over the two documents (names, numbers and rare words count,
function words do not). Links are chosen greedily by score, each sentence once; then a sentence whose best
partner is already taken joins that link when close enough (many-to-one and one-to-many). Links may cross.
Before any of this, each section of a document (text between runs of page furniture) must be related to
the other document (``relatedness``: the mean of its few best sentence cosines there), or it gets no links;
and across a corpus, documents that are related to no other document (``event_groups``) get no links at all.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .records import Link
from .settings import AlignSettings

__all__ = ["AlignInput", "align_vectors", "event_groups", "relatedness", "section_groups", "word_stems"]

_TOKEN = re.compile(r"\w+", re.UNICODE)


def word_stems(text: str) -> list[str]:
    """Return crude stems of the words of ``text``: lower-cased, cut to six characters (numbers whole)."""
    return [t if t.isdigit() else t[:6] for t in _TOKEN.findall(text.lower())]


@dataclass(frozen=True)
class AlignInput:
    """One side of an alignment: sentence vectors, texts and sections."""

    vectors: np.ndarray
    """(n, dim) float32, L2-normalised."""
    texts: Sequence[str]
    """The n sentence texts (for lexical evidence and length)."""
    sections: Sequence[int] = ()
    """Section index of each sentence (empty: all one section)."""


def section_groups(sections: Sequence[int], min_units: int) -> list[int]:
    """Merge sections with fewer than ``min_units`` sentences into the next section (the last into the previous)."""
    if not sections:
        return []
    order: list[int] = []
    for s in sections:
        if not order or order[-1] != s:
            order.append(s)
    sizes = Counter(sections)
    target: dict[int, int] = {}
    pending: list[int] = []
    for s in order:
        pending.append(s)
        if sizes[s] >= min_units or sum(sizes[p] for p in pending) >= min_units:
            for p in pending:
                target[p] = s
            pending = []
    if pending:
        last = target[order[len(order) - len(pending) - 1]] if len(pending) < len(order) else pending[-1]
        for p in pending:
            target[p] = last
    return [target[s] for s in sections]


def _lexical(a: Sequence[str], b: Sequence[str]) -> np.ndarray:
    """TF-IDF cosine of word stems between every a and b sentence, IDF over both documents' sentences."""
    sa = [Counter(word_stems(t)) for t in a]
    sb = [Counter(word_stems(t)) for t in b]
    df: Counter[str] = Counter()
    for bag in sa + sb:
        df.update(bag.keys())
    n = len(sa) + len(sb)
    vocab = {w: k for k, w in enumerate(sorted(df))}
    idf = np.array([math.log((n + 1) / (df[w] + 0.5)) for w in sorted(df)], dtype=np.float32)

    def matrix(bags: list[Counter[str]]) -> np.ndarray:
        m = np.zeros((len(bags), len(vocab)), dtype=np.float32)
        for r, bag in enumerate(bags):
            for w, c in bag.items():
                m[r, vocab[w]] = (1 + math.log(c)) * idf[vocab[w]]
        norms = np.linalg.norm(m, axis=1, keepdims=True)
        return m / np.maximum(norms, 1e-9)

    if not vocab:
        return np.zeros((len(a), len(b)), dtype=np.float32)
    return matrix(sa) @ matrix(sb).T


def relatedness(cos: np.ndarray, top: int) -> float:
    """Return how related two texts are: the mean of the ``top`` best per-sentence cosines of the smaller side.

    ``cos`` is the (n, m) cosine matrix of their sentences.
    """
    if cos.size == 0:
        return 0.0
    best = cos.max(axis=1) if cos.shape[0] <= cos.shape[1] else cos.max(axis=0)
    k = min(top, best.shape[0])
    return float(np.sort(best)[-k:].mean())


def _section_mask(cos: np.ndarray, groups: Sequence[int], settings: AlignSettings) -> np.ndarray:
    """Return, per row of ``cos``, whether its section is related enough to the columns' document."""
    keys = list(groups) if groups else [0] * cos.shape[0]
    ok = np.ones(cos.shape[0], dtype=bool)
    best = cos.max(axis=1)
    for g in set(keys):
        idx = np.array([k == g for k in keys])
        k = min(settings.relatedness_top, int(idx.sum()))
        if float(np.sort(best[idx])[-k:].mean()) < settings.section_threshold:
            ok[idx] = False
    return ok


def align_vectors(a: AlignInput, b: AlignInput, settings: AlignSettings | None = None) -> tuple[list[Link], float]:
    """Link sentences of ``a`` to sentences of ``b``; return the links (sorted) and the pair's relatedness.

    Link.a and Link.b hold sentence indices into ``a`` and ``b``.
    """
    s = settings or AlignSettings()
    n, m = len(a.texts), len(b.texts)
    if n == 0 or m == 0:
        return [], 0.0
    cos = a.vectors @ b.vectors.T
    k_a, k_b = min(s.margin_k, m), min(s.margin_k, n)
    r = np.sort(cos, axis=1)[:, -k_a:].mean(axis=1)
    c = np.sort(cos, axis=0)[-k_b:, :].mean(axis=0)
    score = cos + s.margin_weight * (cos - (r[:, None] + c[None, :]) / 2)
    if s.lexical_weight:
        score = score + s.lexical_weight * _lexical(a.texts, b.texts)

    related = relatedness(cos, s.relatedness_top)
    ok_a = _section_mask(cos, section_groups(a.sections, s.section_min_units), s)
    ok_b = _section_mask(cos.T, section_groups(b.sections, s.section_min_units), s)
    short_a = np.array([len(_TOKEN.findall(t)) < s.min_tokens for t in a.texts])
    short_b = np.array([len(_TOKEN.findall(t)) < s.min_tokens for t in b.texts])
    need = np.where(short_a[:, None] | short_b[None, :], s.short_threshold, s.threshold)
    allowed = (score >= need) & ok_a[:, None] & ok_b[None, :]

    # 1. one-to-one, best first
    pairs: list[tuple[int, int, float]] = []
    taken_a: dict[int, int] = {}
    taken_b: dict[int, int] = {}
    flat = np.argsort(-score, axis=None, kind="stable")
    for idx in flat:
        i, j = divmod(int(idx), m)
        if not allowed[i, j]:
            if score[i, j] < s.threshold:
                break
            continue
        if i in taken_a or j in taken_b:
            continue
        taken_a[i], taken_b[j] = j, i
        pairs.append((i, j, float(score[i, j])))
    link_score = {(i, j): sc for i, j, sc in pairs}

    # 2. a sentence whose best partner is taken joins it (n-1 / 1-n), if nearly as good as that link
    extra: list[tuple[int, int, float]] = []
    for i in range(n):
        if i in taken_a:
            continue
        j = int(np.argmax(score[i]))
        if allowed[i, j] and j in taken_b and score[i, j] >= link_score[(taken_b[j], j)] - s.merge_gain * 5:
            extra.append((i, j, float(score[i, j])))
    for j in range(m):
        if j in taken_b:
            continue
        i = int(np.argmax(score[:, j]))
        if allowed[i, j] and i in taken_a and score[i, j] >= link_score[(i, taken_a[i])] - s.merge_gain * 5:
            extra.append((i, j, float(score[i, j])))

    chosen = [*pairs, *extra] if s.merge else pairs
    # A link's reported score is the plain cosine of its sentences (0..1), which a reader can interpret;
    # the margin and lexical terms only decide which links are made.
    links = _group([(i, j, float(cos[i, j])) for i, j, _ in chosen])
    return links, related


def _group(pairs: list[tuple[int, int, float]]) -> list[Link]:
    """Join pairs that share a sentence into links when the other side's sentences are adjacent."""
    by_a: dict[int, list[tuple[int, float]]] = {}
    for i, j, sc in pairs:
        by_a.setdefault(i, []).append((j, sc))
    # Union pairs into connected components, then split each into runs of adjacent ids.
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(x: tuple[str, int]) -> tuple[str, int]:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j, _ in pairs:
        parent[find(("a", i))] = find(("b", j))
    comps: dict[tuple[str, int], list[tuple[int, int, float]]] = {}
    for p in pairs:
        comps.setdefault(find(("a", p[0])), []).append(p)
    links: list[Link] = []
    for comp in comps.values():
        a_ids = sorted({i for i, _, _ in comp})
        b_ids = sorted({j for _, j, _ in comp})
        adjacent = a_ids[-1] - a_ids[0] == len(a_ids) - 1 and b_ids[-1] - b_ids[0] == len(b_ids) - 1
        if adjacent and (len(a_ids) == 1 or len(b_ids) == 1):
            score = sum(sc for _, _, sc in comp) / len(comp)
            links.append(Link(tuple(a_ids), tuple(b_ids), round(min(max(score, 0.0), 1.0), 4)))
        else:
            for i, j, sc in comp:
                links.append(Link((i,), (j,), round(min(max(sc, 0.0), 1.0), 4)))
    links.sort(key=lambda lk: (lk.a[0], lk.b[0]))
    return links


def event_groups(related: dict[tuple[int, int], float], n: int, threshold: float) -> list[int]:
    """Group ``n`` documents into events: linked when their relatedness reaches ``threshold``, transitively.

    Returns a group number per document; a document related to no other is a group of its own.
    """
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for (i, j), value in sorted(related.items()):
        if value >= threshold:
            parent[find(i)] = find(j)
    roots = [find(i) for i in range(n)]
    first: dict[int, int] = {}
    return [first.setdefault(r, len(first)) for r in roots]
