"""Print how many changes of each type the classifier names, per source pair, and the document flags.

Usage:  .venv/bin/python benchmarks/change_counts.py [CORPUS] [--examples TYPE ...] [--onestop N]

Runs the whole pipeline (the embedding cache is used when present) and prints a Markdown table; asserts nothing.
``--examples loaded_language meaning`` also prints every change of those types with both texts, to check by reading.
``--onestop 6`` instead runs the first six held-out OneStopEnglish articles (``tools/splits.py``; the development set
of the label rules), each as a corpus of its advanced and elementary rewrites, and prints the named (non-``wording``)
labels per type and each one with both texts: a simplified rewrite changes wording, hardly ever a claim, so few
named labels is the aim (issue 13: at most three on six rewrites).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from compare.classify import CHANGE_TYPES  # noqa: E402
from compare.records import Corpus  # noqa: E402


def change_table(corpus: Corpus) -> str:
    """Return a Markdown table: one row per source pair with links, one column per change type, totals last."""
    types = list(CHANGE_TYPES)
    rows, total = [], Counter()
    for p in corpus.pairs:
        if not p.links:
            continue
        counts = Counter(c.type for lk in p.links for c in lk.changes)
        total.update(counts)
        rows.append([f"{p.a} / {p.b}", str(len(p.links)), *(str(counts[t]) for t in types)])
    links = sum(len(p.links) for p in corpus.pairs)
    rows.append(["**all pairs**", str(links), *(str(total[t]) for t in types)])
    head = ["pair", "links", *types]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(lines)


def onestop_named(n: int, cache_dir: Path | None) -> None:
    """Print the named labels of the first ``n`` held-out OneStopEnglish articles, advanced vs elementary."""
    import shutil
    import tempfile

    from compare.pipeline import build_corpus
    from compare.settings import Settings
    from tools.splits import ONESTOP_DIR, onestop_articles, onestop_heldout

    articles = [a for a in onestop_articles() if onestop_heldout(a)][:n]
    total: Counter[str] = Counter()
    shown = []
    with tempfile.TemporaryDirectory() as tmp:
        for article in articles:
            folder = Path(tmp) / article
            folder.mkdir()
            for level in ("adv", "ele"):
                shutil.copy(ONESTOP_DIR / level / f"{article}-{level}.txt", folder / f"{level}.txt")
            corpus, _ = build_corpus(folder, Settings(cache_dir=cache_dir))
            for p in corpus.pairs:
                for lk in p.links:
                    for c in lk.changes:
                        if c.type != "wording":
                            total[c.type] += 1
                            ta = " ".join(corpus.units[p.a][i].text for i in lk.a)
                            tb = " ".join(corpus.units[p.b][j].text for j in lk.b)
                            shown.append(f"\n{c.type} {article} {p.a}/{p.b}\n  a: {ta}\n  b: {tb}\n  -> {c.detail}")
    print(f"{len(articles)} held-out OneStopEnglish articles, advanced vs elementary: {sum(total.values())} named labels"
          + "".join(f"; {t} {total[t]}" for t in CHANGE_TYPES if total[t]))
    print("articles: " + ", ".join(articles))
    print("".join(shown))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(ROOT / "corpus"))
    parser.add_argument("--examples", nargs="*", default=[], choices=list(CHANGE_TYPES))
    parser.add_argument("--cache-dir", type=Path, default=None, help="embedding cache folder [default: none]")
    parser.add_argument("--onestop", type=int, default=0, metavar="N",
                        help="run the first N held-out OneStopEnglish articles, advanced vs elementary, instead")
    args = parser.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    if args.onestop:
        onestop_named(args.onestop, args.cache_dir)
        return
    from compare.pipeline import build_corpus
    from compare.settings import Settings

    corpus, _ = build_corpus(Path(args.corpus), Settings(cache_dir=args.cache_dir))
    print(change_table(corpus))
    print()
    for doc in corpus.documents:
        for f in corpus.flags.get(doc.id, ()):
            print(f"flag {doc.id}: {f.type} [{f.start}:{f.end}] {f.detail}")
    for p in corpus.pairs:
        for lk in p.links:
            for c in lk.changes:
                if c.type in args.examples:
                    ta = " ".join(corpus.units[p.a][i].text for i in lk.a)
                    tb = " ".join(corpus.units[p.b][j].text for j in lk.b)
                    print(f"\n{c.type} {p.a}{list(lk.a)} / {p.b}{list(lk.b)}\n  a: {ta}\n  b: {tb}\n  -> {c.detail}")


if __name__ == "__main__":
    main()
