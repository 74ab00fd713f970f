"""Which texts we may fit on, and which we never fit on (the held-out part of every data set we use).

OneStopEnglish articles are split by a hash of the article name, so the split never depends on file order:
an article is held out when the first hex digit of the SHA-1 of its name (e.g. ``"Amazon"``) is 0-3 (about a
quarter). Nothing under benchmarks/ or tests/ may tune a weight, threshold or rule on a held-out article;
held-out articles are only scored.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

__all__ = ["ONESTOP_DIR", "onestop_articles", "onestop_heldout"]

ONESTOP_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "onestopenglish"
"""The OneStopEnglish copy beside the checkout (CC BY-SA 4.0; see its README.md)."""


def onestop_heldout(article: str) -> bool:
    """Return whether ``article`` (a name such as ``"Amazon"``) is in the held-out part."""
    return hashlib.sha1(article.encode("utf-8")).hexdigest()[0] in "0123"


def onestop_articles(folder: Path = ONESTOP_DIR) -> list[str]:
    """Return the names of the articles that have all three levels, sorted."""
    names = {p.name.removesuffix("-adv.txt") for p in (folder / "adv").glob("*-adv.txt")}
    return sorted(n for n in names if (folder / "ele" / f"{n}-ele.txt").is_file() and (folder / "int" / f"{n}-int.txt").is_file())
