"""Audit the named change labels on text the rules were not tuned for: precision per type, from judged verdicts.

Usage:  .venv/bin/python benchmarks/label_audit.py [--set dev|final] [--code DIR] [--cache-dir DIR] [--show]
            [--add-unjudged] [--only onestop|gnat] [--aligned DIR [--reclassify]] [--dump FILE]

Two audit sets, each a list of small corpora run one by one through the whole pipeline with the bundled model:

- ``dev``: the 60 "fresh" OneStopEnglish articles (``FRESH`` articles outside the held-out part of
  ``tools/splits.py``, chosen by the SHA-1 of their names; each article's advanced, intermediate and elementary
  rewrites are one 3-document corpus), the 42 held-out articles of ``tools/splits.py`` (the rules of issue 13 were
  revised while reading their labels, so they are development material for the rules) and the first half (76) of the 153 GNAT Aesop fable pairs ordered by the
  SHA-1 of their names (each pair of tellings is one 2-document corpus). The rules may be read against it:
  its judged sample is ``tests/data/label_audit/dev.json``.
- ``final``: the other 77 GNAT pairs and every OneStopEnglish article that is neither held out,
  nor fresh, nor one the issue's own examples come from (``EXCLUDED``: the regression tests use those). Never
  fitted on, never shown to whoever writes the rules; its judged sample is ``tests/data/label_audit/final.json``.

Every named (non-``wording``) change found is looked up in the set's judged sample (each label with both linked texts,
a verdict ``right`` / ``debatable`` / ``wrong`` given by reading, and a note). The script prints precision per type
(right / judged; a debatable label counts as not right) for OneStopEnglish, GNAT and both, the named labels on the
advanced/elementary pair of the first ``SIX`` articles of the set (issue 13: at most three in all), and the labels not
judged yet (``--add-unjudged`` appends them with verdict ``"?"`` for a person to fill in). ``--code DIR`` imports
``compare`` from the checkout ``DIR`` instead of this one, to audit another branch's rules; ``--aligned DIR`` stores
each corpus after the pipeline, and ``--reclassify`` then runs only the classify stage on the stored corpora (minutes
instead of half an hour; exact when the rules' checkout differs only in ``compare/classify/``). Asserts nothing:
``tests/test_label_audit.py`` holds the floor.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import pickle
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tools.splits import ONESTOP_DIR, audit_feedback, onestop_articles, onestop_heldout  # noqa: E402

DATA = ROOT / "tests" / "data" / "label_audit"
GNAT_DIR = ROOT / "data" / "gnat_aesop" / "csv"
"""The GNAT Aesop fable pairs kept in the repository (CC BY-SA 4.0, Pial & Skiena 2023; see its ATTRIBUTION.md)."""
EXCLUDED = frozenset({"WNL Wealth therapy", "Life expectancy", "Japan", "Richard III"})
"""Articles the issue's own examples of wrong labels come from: regression tests, not audit material."""
FRESH = 60
"""How many OneStopEnglish articles the dev set holds."""
SIX = 6
"""How many advanced/elementary pairs the issue's "at most three named labels" figure is counted on."""
LEVELS = ("adv", "int", "ele")


def _sha1(name: str) -> str:
    return hashlib.sha1(name.encode("utf-8")).hexdigest()


def onestop_fresh() -> list[str]:
    """Return the ``FRESH`` OneStopEnglish articles of the dev set (outside the held-out part), sorted."""
    pool = [a for a in onestop_articles() if not onestop_heldout(a) and a not in EXCLUDED]
    return sorted(sorted(pool, key=_sha1)[:FRESH])


def onestop_heldout_articles() -> list[str]:
    """Return the held-out OneStopEnglish articles of ``tools/splits.py`` (not excluded), sorted: dev material too,
    as the rules of issue 13 were revised while reading their labels."""
    return [a for a in onestop_articles() if onestop_heldout(a) and a not in EXCLUDED]


def onestop_final() -> list[str]:
    """Return the OneStopEnglish articles of the final set: not held out, not fresh, not excluded; sorted."""
    fresh = set(onestop_fresh())
    return [a for a in onestop_articles() if not onestop_heldout(a) and a not in EXCLUDED and a not in fresh]


def gnat_pairs(which: str) -> list[str]:
    """Return the GNAT pair names (CSV stems) of ``which`` set, sorted: the pairs ordered by the SHA-1 of their names,
    the first half (76 of 153) is dev, the rest final."""
    names = sorted((p.stem for p in GNAT_DIR.glob("*.csv")), key=_sha1)
    half = len(names) // 2
    return sorted(names[:half] if which == "dev" else names[half:])


def gnat_texts(name: str) -> dict[str, bytes]:
    """Return the two tellings of one GNAT pair as ``{"a": text, "b": text}`` (UTF-8): its sentences, as given, one
    per line."""
    a: list[str] = []
    b: list[str] = []
    with (GNAT_DIR / f"{name}.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            a += [row["sent1"].strip()] if (row.get("sent1") or "").strip() else []
            b += [row["sent2"].strip()] if (row.get("sent2") or "").strip() else []
    return {"a": ("\n".join(a) + "\n").encode("utf-8"), "b": ("\n".join(b) + "\n").encode("utf-8")}


def onestop_texts(article: str) -> dict[str, bytes]:
    """Return one OneStopEnglish article's three rewrites as ``{"adv": bytes, "int": bytes, "ele": bytes}``, as
    stored (one file is cp1252: the pipeline's reader finds each file's encoding)."""
    return {lv: (ONESTOP_DIR / lv / f"{article}-{lv}.txt").read_bytes() for lv in LEVELS}


def audit_corpora(which: str, only: str | None = None) -> list[tuple[str, str]]:
    """Return the corpora of one audit set as ``(source, name)``: source ``onestop`` or ``gnat``."""
    onestop = sorted(onestop_fresh() + onestop_heldout_articles()) if which == "dev" else onestop_final()
    out = [("onestop", a) for a in onestop] + [("gnat", n) for n in gnat_pairs(which)]
    return [c for c in out if only is None or c[0] == only]


def label_key(rec: dict[str, str]) -> tuple[str, ...]:
    """Identify one label across runs: the corpus, both documents and texts, the type and the words on each side."""
    return (rec["article"], rec["doc_a"], rec["doc_b"], rec["text_a"], rec["text_b"], rec["type"], rec["a"], rec["b"])


def named_labels(cache_dir: Path | None, corpora: list[tuple[str, str]], aligned: Path | None = None,
                 reclassify: bool = False) -> list[dict[str, str]]:
    """Run the pipeline on every corpus; return each named change with its link's texts.

    With ``aligned``, each corpus is stored there (pickle) after the whole pipeline; with ``reclassify`` too, a corpus
    stored there is read back and only the classify stage is run again, with the rules of the ``compare`` imported
    (exact when the checkout the rules come from differs from the one that stored it only in ``compare/classify/``).
    """
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from compare.classify import classify_corpus
    from compare.embed import resolve_model
    from compare.engines import local_embedder
    from compare.pipeline import build_corpus
    from compare.settings import Settings

    settings = Settings(cache_dir=cache_dir)
    model = resolve_model(None)
    embedder = local_embedder(settings, model)
    out: list[dict[str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for n, (source, name) in enumerate(corpora):
            stored = aligned / f"{source}-{_sha1(name)[:16]}.pickle" if aligned is not None else None
            if reclassify and stored is not None and stored.is_file():
                corpus = classify_corpus(pickle.loads(stored.read_bytes()), settings)
            else:
                folder = Path(tmp) / f"c{n}"
                folder.mkdir()
                for doc, text in (onestop_texts(name) if source == "onestop" else gnat_texts(name)).items():
                    (folder / f"{doc}.txt").write_bytes(text)
                corpus, _ = build_corpus(folder, settings, embedder=embedder, model=model)
                if stored is not None:
                    stored.parent.mkdir(parents=True, exist_ok=True)
                    stored.write_bytes(pickle.dumps(corpus))
            print(f"  {n + 1}/{len(corpora)} {source} {name}", file=sys.stderr, flush=True)
            out += corpus_labels(corpus, corpus=source, article=name)
    return out


def corpus_labels(classified: Any, /, **where: str) -> list[dict[str, str]]:
    """Return each named (non-``wording``) change of a classified corpus with its link's texts, ``where`` first."""
    kinds = {d.id: d.source.kind for d in classified.documents}
    out: list[dict[str, str]] = []
    for p in classified.pairs:
        for lk in p.links:
            for c in lk.changes:
                if c.type != "wording":
                    out.append({
                        **where, "doc_a": p.a, "doc_b": p.b, "kind_a": kinds[p.a], "kind_b": kinds[p.b],
                        "text_a": " ".join(classified.units[p.a][i].text for i in lk.a),
                        "text_b": " ".join(classified.units[p.b][j].text for j in lk.b),
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


def load_sample(which: str) -> list[dict[str, Any]]:
    """Return the judged sample of one audit set (empty when there is none yet)."""
    path = DATA / f"{which}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else []


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--set", dest="which", choices=["dev", "final"], default="final",
                        help="final: never fitted on (the measure) [default]; dev: the set the rules may be read against")
    parser.add_argument("--code", type=Path, default=None,
                        help="import compare from this checkout instead of this one (read-only use)")
    parser.add_argument("--only", choices=["onestop", "gnat"], default=None, help="run one source of the set only")
    parser.add_argument("--cache-dir", type=Path, default=None, help="embedding cache folder [default: none]")
    parser.add_argument("--show", action="store_true", help="print every label found with its verdict")
    parser.add_argument("--add-unjudged", action="store_true", help="append unjudged labels to the sample, verdict '?'")
    parser.add_argument("--aligned", type=Path, default=None, help="store each corpus after the pipeline in this folder")
    parser.add_argument("--reclassify", action="store_true",
                        help="with --aligned: reuse the stored corpora and run only the classify stage again")
    parser.add_argument("--dump", type=Path, default=None, help="write every label found (JSON) to this file")
    args = parser.parse_args()
    if args.code is not None:
        sys.path.insert(0, str(args.code.resolve()))
    import compare

    corpora = audit_corpora(args.which, args.only)
    found = named_labels(args.cache_dir, corpora, args.aligned, args.reclassify)
    sample = load_sample(args.which)
    verdicts = {label_key(r): r for r in sample}
    judged = [verdicts[label_key(r)] for r in found if label_key(r) in verdicts and verdicts[label_key(r)]["verdict"] != "?"]
    unjudged = [r for r in found if verdicts.get(label_key(r), {}).get("verdict", "?") == "?"]
    sources = Counter(s for s, _ in corpora)
    print(f"rules: {Path(compare.__file__).parent}")
    print(f"set {args.which}: {sources['onestop']} OneStopEnglish articles x 3 levels, {sources['gnat']} GNAT fable pairs; "
          f"{len(found)} named labels found, {len(judged)} judged, {len(unjudged)} not judged yet.\n")
    for source in ("onestop", "gnat"):
        part = [r for r in judged if r.get("corpus", "onestop") == source]
        if part:
            print(f"{source}:\n{precision_table(part)}\n")
    print(f"both:\n{precision_table(judged)}")
    if args.which == "final":
        clean = [r for r in judged if not audit_feedback(r.get("corpus", "onestop"), r["article"])]
        print(f"\nthe clean half (never shown to the rules; tools/splits.py audit_feedback):\n{precision_table(clean)}")
        print(f"\nthe half given to the second round of rule work as feedback:\n"
              f"{precision_table([r for r in judged if r not in clean])}")
    six = [a for s, a in corpora if s == "onestop"][:SIX]
    per_pair = Counter(r["article"] for r in found if r["article"] in six and {r["doc_a"], r["doc_b"]} == {"adv", "ele"})
    print(f"\nnamed labels on advanced vs elementary of {len(six)} articles ({', '.join(six)}): {sum(per_pair.values())}"
          + "".join(f"; {a}: {n}" for a, n in sorted(per_pair.items())))
    for r in found if args.show else unjudged:
        v = verdicts.get(label_key(r), {}).get("verdict", "not judged")
        print(f"\n[{v}] {r['type']} {r['article']} {r['doc_a']}/{r['doc_b']}  a={r['a']!r} b={r['b']!r}\n"
              f"  a: {r['text_a']}\n  b: {r['text_b']}\n  -> {r['detail']}")
    if args.dump is not None:
        args.dump.write_text(json.dumps(found, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    new = [r for r in unjudged if label_key(r) not in verdicts]
    if args.add_unjudged and new:
        DATA.mkdir(parents=True, exist_ok=True)
        sample += [{**r, "verdict": "?", "note": ""} for r in new]
        (DATA / f"{args.which}.json").write_text(json.dumps(sample, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"\n{len(new)} labels appended to {DATA / (args.which + '.json')} with verdict '?'.")


if __name__ == "__main__":
    main()
