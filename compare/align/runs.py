"""Which partners each sentence keeps after the walk, and how the kept sentence pairs become links (pure Python).

``keep_places``: a sentence keeps its partners at one place of the other text, or at two when the second stands
on its own evidence; a hub with partners at three places or more keeps its most confident one.
``group_pairs``: pairs that share a sentence become one link when the other side's sentences are adjacent (in the
document: no set-aside text between them).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import numpy as np

from ..records import Link

__all__ = ["group_pairs", "keep_places"]


def keep_places(
    pairs: set[tuple[int, int]],
    log_odds: np.ndarray | Mapping[tuple[int, int], float],
    confidence: Mapping[tuple[int, int], float] | None = None,
    rare: np.ndarray | Mapping[tuple[int, int], float] | None = None,
    link_confidence: float = 0.5,
) -> set[tuple[int, int]]:
    """Keep, for each sentence of either side, its partners at one place of the other text, or at two.

    A place is a run of adjacent partners. A sentence with partners at three places or more is a hub ("Putin met
    Lukashenko") rather than a match: it keeps only the place with the most confident pairing (``confidence``, the
    calibrated probability, which position does not enter). A sentence with partners at two places keeps the one
    with the strongest log-odds (where position breaks the tie), and the other as well when that place stands on
    its own evidence: a pairing there is a link by its confidence (``link_confidence``) and shares a rare word (a
    name, a number, a word in at most two sentences of the pair: ``rare``) with the sentence. So a statement
    that one text makes twice ("sanctions are a time of opportunity") can be linked at both places, and one
    sentence that sums up two remarks of the other at both. Without ``confidence`` (another scorer's log-odds)
    every sentence keeps one place, the one with the strongest log-odds.
    """
    for side in (1, 0):
        partners: dict[int, list[int]] = {}
        for pair in pairs:
            partners.setdefault(pair[side], []).append(pair[1 - side])
        for key, others in partners.items():
            if len(others) < 2:
                continue
            others.sort()
            runs: list[list[int]] = [[others[0]]]
            for o in others[1:]:
                if o == runs[-1][-1] + 1:
                    runs[-1].append(o)
                else:
                    runs.append([o])
            if len(runs) < 2:
                continue

            def cell(o: int, key: int = key, side: int = side) -> tuple[int, int]:
                return (o, key) if side else (key, o)

            def strength(run: Iterable[int]) -> float:
                return max(float(log_odds[cell(o)]) for o in run)

            if confidence is None:
                keep = set(max(runs, key=strength))
            elif len(runs) == 2:
                main = max(runs, key=strength)
                other = runs[1] if main is runs[0] else runs[0]
                keep = set(main)
                if max(confidence[cell(o)] for o in other) >= link_confidence and rare is not None and any(
                    float(rare[cell(o)]) >= 1 for o in other
                ):
                    keep |= set(other)
            else:
                keep = set(max(runs, key=lambda run: max(confidence[cell(o)] for o in run)))
            pairs = {p for p in pairs if p[side] != key or p[1 - side] in keep}
    return pairs


def group_pairs(pairs: list[tuple[int, int, float, float | None]],
                positions: tuple[Sequence[int], Sequence[int]] = ((), ())) -> list[Link]:
    """Join pairs that share a sentence into links when the other side's sentences are adjacent.

    Each pair is (a index, b index, cosine, confidence or None); a joined link's score and confidence are the
    means of its pairs'. ``positions`` gives, per side, each sentence's place in its document (its unit id; empty:
    the index itself): sentences with set-aside text between them (a speaker label, a dateline) are not adjacent,
    so a link never spans it.
    """

    def adjacent(ids: list[int], place: Sequence[int]) -> bool:
        at = [place[i] for i in ids] if place else ids
        return at[-1] - at[0] == len(at) - 1

    # Union pairs into connected components, then split each into runs of adjacent ids.
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(x: tuple[str, int]) -> tuple[str, int]:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j, _, _ in pairs:
        parent[find(("a", i))] = find(("b", j))
    comps: dict[tuple[str, int], list[tuple[int, int, float, float | None]]] = {}
    for p in pairs:
        comps.setdefault(find(("a", p[0])), []).append(p)
    links: list[Link] = []
    for comp in comps.values():
        a_ids = sorted({i for i, _, _, _ in comp})
        b_ids = sorted({j for _, j, _, _ in comp})
        if adjacent(a_ids, positions[0]) and adjacent(b_ids, positions[1]) and (len(a_ids) == 1 or len(b_ids) == 1):
            score = sum(sc for _, _, sc, _ in comp) / len(comp)
            probs = [c for _, _, _, c in comp if c is not None]
            conf = round(sum(probs) / len(probs), 4) if probs else None
            links.append(Link(tuple(a_ids), tuple(b_ids), round(min(max(score, 0.0), 1.0), 4), confidence=conf))
        else:
            for i, j, sc, c in comp:
                conf = round(c, 4) if c is not None else None
                links.append(Link((i,), (j,), round(min(max(sc, 0.0), 1.0), 4), confidence=conf))
    links.sort(key=lambda lk: (lk.a[0], lk.b[0]))
    return links

