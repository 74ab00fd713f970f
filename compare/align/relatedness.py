"""How related two texts are, from the cosines of their sentences."""

from __future__ import annotations

import numpy as np

__all__ = ["relatedness"]

def relatedness(cos: np.ndarray, top: int) -> float:
    """Return how related two texts are: the mean of the ``top`` best per-sentence cosines of the smaller side.

    ``cos`` is the (n, m) cosine matrix of their sentences.
    """
    if cos.size == 0:
        return 0.0
    best = cos.max(axis=1) if cos.shape[0] <= cos.shape[1] else cos.max(axis=0)
    k = min(top, best.shape[0])
    return float(np.sort(best)[-k:].mean())
