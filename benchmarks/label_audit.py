"""Audit the named change labels on text nobody tuned the rules for: precision per type, from judged verdicts.

Usage:  .venv/bin/python benchmarks/label_audit.py [--set fresh|heldout] [--cache-dir DIR] [--show] [--add-unjudged]

Each OneStopEnglish article of the set (its advanced, intermediate and elementary rewrites, each article its own
3-document corpus) is run through the whole pipeline with the bundled model; every named (non-``wording``) change is
looked up in the judged sample ``tests/data/label_audit/onestop_<set>.json`` (each label with both linked texts, a
verdict ``right`` / ``debatable`` / ``wrong`` given by reading, and a note). It prints precision per type (right /
judged; a debatable label counts as not right), the named labels per advanced/elementary pair, and the labels not
judged yet (``--add-unjudged`` appends them with verdict ``"?"`` for a person to fill in). Asserts nothing:
``tests/test_label_audit.py`` holds the floor. The articles the issue's own examples come from (``EXCLUDED``) are
left out of both sets: the regression tests use them.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tools.splits import ONESTOP_DIR, onestop_articles, onestop_heldout  # noqa: E402

DATA = ROOT / "tests" / "data" / "label_audit"
EXCLUDED = frozenset({"WNL Wealth therapy", "Life expectancy", "Japan", "Richard III"})
"""Articles the issue's own examples of wrong labels come from: regression tests, not audit material."""
FRESH = 60
"""How many articles the fresh set holds."""
LEVELS = ("adv", "int", "ele")


def audit_articles(which: str = "fresh") -> list[str]:
    """Return the OneStopEnglish articles of one audit set, sorted.

    ``fresh``: ``FRESH`` articles outside the held-out part, chosen by the SHA-1 of their names, that no one read while
    writing the rules; the audit figure is measured on these. ``heldout``: the held-out articles of
    ``tools/splits.py``, which were read while the rules of issue 13 were revised (the development set of the label
    rules, so no longer a clean measure for them).
    """
    if which == "heldout":
        return [a for a in onestop_articles() if onestop_heldout(a) and a not in EXCLUDED]
    pool = [a for a in onestop_articles() if not onestop_heldout(a) and a not in EXCLUDED]
    return sorted(sorted(pool, key=lambda a: hashlib.sha1(a.encode("utf-8")).hexdigest())[:FRESH])


def label_key(rec: dict[str, str]) -> tuple[str, ...]:
    """Identify one label across runs: the article, both documents and texts, the type and the words on each side."""
    return (rec["article"], rec["doc_a"], rec["doc_b"], rec["text_a"], rec["text_b"], rec["type"], rec["a"], rec["b"])


def named_labels(cache_dir: Path | None, articles: list[str]) -> list[dict[str, str]]:
    """Run the pipeline on every audit article; return each named change with its link's texts."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from compare.embed import resolve_model
    from compare.engines import local_embedder
    from compare.pipeline import build_corpus
    from compare.settings import Settings

    settings = Settings(cache_dir=cache_dir)
    model = resolve_model(None)
    embedder = local_embedder(settings, model)
    out: list[dict[str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for article in articles:
            folder = Path(tmp) / article
            folder.mkdir()
            for level in LEVELS:
                shutil.copy(ONESTOP_DIR / level / f"{article}-{level}.txt", folder / f"{level}.txt")
            corpus, _ = build_corpus(folder, settings, embedder=embedder, model=model)
            kinds = {d.id: d.source.kind for d in corpus.documents}
            for p in corpus.pairs:
                for lk in p.links:
                    for c in lk.changes:
                        if c.type == "wording":
                            continue
                        out.append({
                            "article": article, "doc_a": p.a, "doc_b": p.b,
                            "kind_a": kinds[p.a], "kind_b": kinds[p.b],
                            "text_a": " ".join(corpus.units[p.a][i].text for i in lk.a),
                            "text_b": " ".join(corpus.units[p.b][j].text for j in lk.b),
                            "type": c.type, "a": c.a, "b": c.b, "detail": c.detail,
                        })
    return out


def precision_table(judged: list[dict[str, str]]) -> str:
    """Return a Markdown table of right / debatable / wrong and precision per type, all types last."""
    rows = []
    types = sorted({r["type"] for r in judged})
    for t in [*types, None]:
        rs = [r for r in judged if t is None or r["type"] == t]
        n = Counter(r["verdict"] for r in rs)
        total = n["right"] + n["debatable"] + n["wrong"]
        prec = f"{n['right'] / total:.3f}" if total else "-"
        rows.append(f"| {t or '**all named**'} | {total} | {n['right']} | {n['debatable']} | {n['wrong']} | {prec} |")
    return "\n".join(["| type | judged | right | debatable | wrong | precision |", "|---|---|---|---|---|---|", *rows])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache-dir", type=Path, default=None, help="embedding cache folder [default: none]")
    parser.add_argument("--set", dest="which", choices=["fresh", "heldout"], default="fresh",
                        help="fresh: articles no one read while writing the rules (the measure); heldout: the development set")
    parser.add_argument("--show", action="store_true", help="print every label found with its verdict")
    parser.add_argument("--add-unjudged", action="store_true", help="append unjudged labels to the sample, verdict '?'")
    args = parser.parse_args()
    articles = audit_articles(args.which)
    judged_file = DATA / f"onestop_{args.which}.json"
    found = named_labels(args.cache_dir, articles)
    sample = json.loads(judged_file.read_text(encoding="utf-8")) if judged_file.is_file() else []
    verdicts = {label_key(r): r for r in sample}
    judged = [verdicts[label_key(r)] for r in found if label_key(r) in verdicts and verdicts[label_key(r)]["verdict"] != "?"]
    unjudged = [r for r in found if label_key(r) not in verdicts]
    print(f"{len(articles)} {args.which} articles x 3 levels; {len(found)} named labels found, "
          f"{len(judged)} judged, {len(unjudged)} not judged yet.\n")
    print(precision_table(judged))
    per_pair = Counter(r["article"] for r in found if {r["doc_a"], r["doc_b"]} == {"adv", "ele"})
    print(f"\nnamed labels on advanced vs elementary: {sum(per_pair.values())} in {len(articles)} articles; "
          + ", ".join(f"{a}: {n}" for a, n in sorted(per_pair.items())))
    for r in found if args.show else unjudged:
        v = verdicts.get(label_key(r), {}).get("verdict", "not judged")
        print(f"\n[{v}] {r['type']} {r['article']} {r['doc_a']}/{r['doc_b']}\n  a: {r['text_a']}\n  b: {r['text_b']}\n"
              f"  -> {r['detail']}")
    if args.add_unjudged and unjudged:
        judged_file.parent.mkdir(parents=True, exist_ok=True)
        sample += [{**r, "verdict": "?", "note": ""} for r in unjudged]
        judged_file.write_text(json.dumps(sample, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"\n{len(unjudged)} labels appended to {judged_file} with verdict '?'.")


if __name__ == "__main__":
    main()
