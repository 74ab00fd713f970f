"""Which texts we may fit on, and which we never fit on (the held-out part of every data set we use).

OneStopEnglish articles are split by a hash of the article name, so the split never depends on file order:
an article is held out when the first hex digit of the SHA-1 of its name (e.g. ``"Amazon"``) is 0-3 (about a
quarter). Nothing under benchmarks/ or tests/ may tune a weight, threshold or rule on a held-out article;
held-out articles are only scored.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

__all__ = ["ONESTOP_DIR", "audit_feedback", "onestop_articles", "onestop_heldout"]

ONESTOP_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "onestopenglish"
"""The OneStopEnglish copy beside the checkout (CC BY-SA 4.0; see its README.md)."""


def onestop_heldout(article: str) -> bool:
    """Return whether ``article`` (a name such as ``"Amazon"``) is in the held-out part."""
    return hashlib.sha1(article.encode("utf-8")).hexdigest()[0] in "0123"


def onestop_articles(folder: Path = ONESTOP_DIR) -> list[str]:
    """Return the names of the articles that have all three levels, sorted."""
    names = {p.name.removesuffix("-adv.txt") for p in (folder / "adv").glob("*-adv.txt")}
    return sorted(n for n in names if (folder / "ele" / f"{n}-ele.txt").is_file() and (folder / "int" / f"{n}-int.txt").is_file())


def audit_feedback(corpus: str, name: str) -> bool:
    """Return whether one corpus of the label audit's final material was shown to the rules (the second round).

    ``corpus`` is ``"onestop"``, ``"gnat"`` or ``"synoptic"``; ``name`` the article, fable pair or pericope. Half of
    the final audit material, chosen by the SHA-1 of ``"round2:<corpus>:<name>"`` (first hex digit 0-7), was judged and
    then given, with its verdicts, to the second round of rule work of issue 13; the other half was never read by
    anyone writing rules, and only it is the clean measure.
    """
    return hashlib.sha1(f"round2:{corpus}:{name}".encode()).hexdigest()[0] < "8"
