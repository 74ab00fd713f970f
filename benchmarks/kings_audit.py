"""Audit the named change labels on Samuel–Kings and their retellings: precision per type, from judged verdicts.

Usage:  python benchmarks/kings_audit.py [--code DIR] [--cache-dir DIR] [--show] [--add-unjudged]

Each parallel folder of ``tests/data/kings/`` (one event told by Samuel or Kings, the record, and retold by
Chronicles, Isaiah or Jeremiah; see its README.md and ``tools/kings.py``) is run through the whole pipeline with the
bundled model; every named (non-``wording``) change is looked up in the judged sample ``tests/data/kings/judged.json``
(each label with both linked texts, a verdict ``right`` / ``debatable`` / ``wrong`` given by reading, and a one-line
note; the folder is in the field ``pericope``, as in the synoptic sample, so both samples share one format). It
prints the sentences and links, the named labels found per type, precision per type and overall (right / judged; a debatable label counts as
not right), and the labels not judged yet (``--add-unjudged`` appends those not in the sample with verdict ``"?"``
for a person to fill in; a ``"?"`` counts as not judged). ``--code DIR`` imports ``compare`` from another checkout
(to judge the labels of other rules on the same corpus). Asserts nothing. This corpus was built after the rules of
issue 13 were written and read by nobody writing them: it is the audit set no rule was tuned on.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from label_audit import precision_table  # noqa: E402
from synoptic_audit import VERDICTS, label_key, named_labels, pericopes  # noqa: E402

CORPUS = ROOT / "tests" / "data" / "kings"
JUDGED = CORPUS / "judged.json"


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--code", type=Path, default=None, help="import compare from this checkout [default: this one]")
    parser.add_argument("--cache-dir", type=Path, default=None, help="embedding cache folder [default: none]")
    parser.add_argument("--show", action="store_true", help="print every label found with its verdict")
    parser.add_argument("--add-unjudged", action="store_true", help="append unjudged labels to the sample, verdict '?'")
    args = parser.parse_args()
    sys.path.insert(0, str((args.code or ROOT).resolve()))
    import compare

    folders = pericopes(CORPUS)
    counts: Counter[str] = Counter()
    found = named_labels(args.cache_dir, folders, counts)
    sample = json.loads(JUDGED.read_text(encoding="utf-8")) if JUDGED.is_file() else []
    verdicts = {label_key(r): r for r in sample}
    judged = [verdicts[label_key(r)] for r in found if verdicts.get(label_key(r), {}).get("verdict") in VERDICTS]
    unjudged = [r for r in found if verdicts.get(label_key(r), {}).get("verdict") not in VERDICTS]
    docs = sum(len(list(f.glob("*.txt"))) for f in folders)
    per_type = Counter(r["type"] for r in found)
    print(f"compare from {Path(compare.__file__).parent}\n{len(folders)} parallels, {docs} passages, "
          f"{counts['sentences']} sentences, {counts['links']} links; "
          f"{len(found)} named labels found, {len(judged)} judged, {len(unjudged)} not judged yet.")
    print("found per type: " + (", ".join(f"{t} {n}" for t, n in sorted(per_type.items())) or "none") + "\n")
    print(precision_table(judged))
    for r in found if args.show else unjudged:
        v = verdicts.get(label_key(r), {}).get("verdict", "not judged")
        print(f"\n[{v}] {r['type']} {r['pericope']} {r['doc_a']}/{r['doc_b']} {r['a']!r} / {r['b']!r}\n"
              f"  a: {r['text_a']}\n  b: {r['text_b']}\n  -> {r['detail']}")
    new = [r for r in unjudged if label_key(r) not in verdicts]
    if args.add_unjudged and new:
        sample += [{**r, "verdict": "?", "note": ""} for r in new]
        JUDGED.write_text(json.dumps(sample, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"\n{len(new)} labels appended to {JUDGED} with verdict '?'.")


if __name__ == "__main__":
    main()
