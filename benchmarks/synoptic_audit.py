"""Audit the named change labels on the synoptic gospels: precision per type, from judged verdicts.

Usage:  python benchmarks/synoptic_audit.py [--corpus DIR] [--code DIR] [--cache-dir DIR] [--show] [--add-unjudged]

Each pericope folder of ``tests/data/synoptic/`` (two to four gospels reporting one event in different words; see
its README.md and ``tools/synoptic.py``) is run through the whole pipeline with the bundled model; every named
(non-``wording``) change is looked up in the judged sample ``tests/data/synoptic/judged.json`` (each label with both
linked texts, a verdict ``right`` / ``debatable`` / ``wrong`` given by reading, and a one-line note; a label is
known by its texts, type, words and detail, so a label whose detail changed is judged again). It prints the
sentences and links, the named labels per type, precision per type (right / judged; a debatable label counts as not
right) and the labels not judged yet (``--add-unjudged`` appends those not in the sample with verdict ``"?"`` for a
person to fill in; a ``"?"`` counts as not judged). ``--code DIR`` imports ``compare`` from another checkout (to
judge the labels of other rules on the same corpus). Asserts nothing: ``tests/test_record_audits.py`` holds the floors.
Half of this corpus was shown to a round of rule work (the split tables below).

``--corpus DIR`` audits another corpus built the same way (``tests/data/synoptic2/``, the second set of
``tools/synoptic.py --set 2``; ``tests/data/citations/``, ``tools/citations.py``; ``benchmarks/kings_audit.py`` is
this audit with ``tests/data/kings/`` as its default), with ``DIR/judged.json`` as its judged sample; the clean / feedback split tables
(``tools/splits.py`` ``audit_feedback``) belong to the default corpus only, so for another one only the plain table
is printed.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from label_audit import corpus_labels, precision_table  # noqa: E402

CORPUS = ROOT / "tests" / "data" / "synoptic"
JUDGED = CORPUS / "judged.json"
VERDICTS = ("right", "debatable", "wrong")


def pericopes(corpus: Path = CORPUS) -> list[Path]:
    """Return the pericope folders (each holds one .txt per gospel), sorted."""
    return sorted(p for p in corpus.iterdir() if p.is_dir() and any(p.glob("*.txt")))


def label_key(rec: dict[str, str]) -> tuple[str, ...]:
    """Identify one label across runs: the pericope, both documents and texts, the type, the words on each side and
    the detail (a verdict is on what the label says: a label whose detail changed is judged again)."""
    return (rec["pericope"], rec["doc_a"], rec["doc_b"], rec["text_a"], rec["text_b"], rec["type"], rec["a"], rec["b"],
            rec["detail"])


def named_labels(cache_dir: Path | None, folders: list[Path], counts: Counter[str] | None = None) -> list[dict[str, str]]:
    """Run the pipeline on every pericope folder; return each named change with its link's texts. ``counts``, when
    given, gets the sentences (units) and links of every folder added under ``"sentences"`` and ``"links"``."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from compare.embed import resolve_model
    from compare.engines import local_embedder
    from compare.pipeline import build_corpus
    from compare.settings import Settings

    settings = Settings(cache_dir=cache_dir)
    model = resolve_model(None)
    embedder = local_embedder(settings, model)
    out: list[dict[str, str]] = []
    for folder in folders:
        corpus, _ = build_corpus(folder, settings, embedder=embedder, model=model)
        out += corpus_labels(corpus, pericope=folder.name)
        if counts is not None:
            counts["sentences"] += sum(len(units) for units in corpus.units.values())
            counts["links"] += sum(len(p.links) for p in corpus.pairs)
    return out


def main(default_corpus: Path = CORPUS, description: str = "") -> None:
    """Run the audit on ``--corpus`` (``default_corpus`` unless given); ``benchmarks/kings_audit.py`` calls it too."""
    parser = argparse.ArgumentParser(description=description or __doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=default_corpus,
                        help=f"corpus folder; its judged sample is DIR/judged.json [default: {default_corpus.relative_to(ROOT)}]")
    parser.add_argument("--code", type=Path, default=None, help="import compare from this checkout [default: this one]")
    parser.add_argument("--cache-dir", type=Path, default=None, help="embedding cache folder [default: none]")
    parser.add_argument("--show", action="store_true", help="print every label found with its verdict")
    parser.add_argument("--add-unjudged", action="store_true", help="append unjudged labels to the sample, verdict '?'")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from tools.splits import audit_feedback  # this checkout's split, whichever rules are audited

    sys.path.insert(0, str((args.code or ROOT).resolve()))
    import compare

    corpus_dir = args.corpus.resolve()
    judged_file = corpus_dir / "judged.json"
    folders = pericopes(corpus_dir)
    counts: Counter[str] = Counter()
    found = named_labels(args.cache_dir, folders, counts)
    sample = json.loads(judged_file.read_text(encoding="utf-8")) if judged_file.is_file() else []
    verdicts = {label_key(r): r for r in sample}
    judged = [verdicts[label_key(r)] for r in found if verdicts.get(label_key(r), {}).get("verdict") in VERDICTS]
    unjudged = [r for r in found if verdicts.get(label_key(r), {}).get("verdict") not in VERDICTS]  # "?" too
    docs = sum(len(list(f.glob("*.txt"))) for f in folders)
    per_type = Counter(r["type"] for r in found)
    print(f"compare from {Path(compare.__file__).parent}\n{len(folders)} folders, {docs} passages, "
          f"{counts['sentences']} sentences, {counts['links']} links; "
          f"{len(found)} named labels found, {len(judged)} judged, {len(unjudged)} not judged yet.")
    print("found per type: " + (", ".join(f"{t} {n}" for t, n in sorted(per_type.items())) or "none") + "\n")
    print(precision_table(judged))
    if corpus_dir == CORPUS.resolve():  # the split belongs to the first synoptic corpus
        clean = [r for r in judged if not audit_feedback("synoptic", r["pericope"])]
        print(f"\nthe clean half (never shown to the rules; tools/splits.py audit_feedback):\n{precision_table(clean)}")
        print(f"\nthe half given to the second round of rule work as feedback:\n"
              f"{precision_table([r for r in judged if r not in clean])}")
    for r in found if args.show else unjudged:
        v = verdicts.get(label_key(r), {}).get("verdict", "not judged")
        print(f"\n[{v}] {r['type']} {r['pericope']} {r['doc_a']}/{r['doc_b']} {r['a']!r} / {r['b']!r}\n"
              f"  a: {r['text_a']}\n  b: {r['text_b']}\n  -> {r['detail']}")
    new = [r for r in unjudged if label_key(r) not in verdicts]
    if args.add_unjudged and new:
        sample += [{**r, "verdict": "?", "note": ""} for r in new]
        judged_file.write_text(json.dumps(sample, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"\n{len(new)} labels appended to {judged_file} with verdict '?'.")


if __name__ == "__main__":
    main()
