"""Planted changes: which deliberate changes of a written press rewrite are named, and which faithful quotations are.

Usage:  python benchmarks/planted_changes.py [--corpus DIR] [--keys DIR] [--cache-dir DIR] [--show]

For a corpus whose press rewrites were written with a key (``tests/data/written_press``: each folder a record and a
press rewrite of it; ``tests/data/written_press_keys/<folder>.json``, the writer's list of every quotation used and
every deliberate change outside quotations, each ``faithful``, ``altered`` or ``outside_quote_change``, with the press
words and the record's), runs the whole pipeline (as ``benchmarks/synoptic_audit.py`` does) and prints, per kind of
key entry, how many press sentences holding the entry carry a named label:

- ``altered``: a quotation changed in its words (recall of what a fact-checker wants named);
- ``outside_quote_change``: the outlet's own word, hedge, number or timing outside quotation marks;
- ``faithful``: a quotation kept word for word (a label there is often a false claim, though the sentence may hold
  another change too; the judged sample, ``DIR/judged.json``, is the measure of precision, this only a pointer).

Asserts nothing. A key entry is found in the press sentence that holds its words (spaces and quote marks folded).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from synoptic_audit import named_labels, pericopes  # noqa: E402

KINDS = ("altered", "outside_quote_change", "faithful")


def fold(text: str) -> str:
    """Return ``text`` with quote marks, dashes and runs of spaces folded, lower-cased (to find key words in a sentence)."""
    text = re.sub(r"[\u201c\u201d\u201e\u00ab\u00bb\"]", '"', text)
    text = re.sub(r"[\u2018\u2019\u201a`]", "'", text)
    text = re.sub(r"[\u2013\u2014]", "-", text)
    return " ".join(text.split()).lower()


def press_side(label: dict[str, str]) -> str:
    """Return the press sentence(s) of a label's link."""
    return label["text_a"] if label["kind_a"] == "press" else label["text_b"]


def core(words: str) -> str:
    """Return the longest run of a key's press words without quote marks or ellipses (a split quotation's first part)."""
    parts = [p.strip(" ,.;:!?-'") for p in re.split(r"\"|\.\.\.|\u2026", fold(words))]
    return max(parts, key=len) if parts else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "tests" / "data" / "written_press")
    parser.add_argument("--keys", type=Path, default=ROOT / "tests" / "data" / "written_press_keys")
    parser.add_argument("--cache-dir", type=Path, default=None, help="embedding cache folder [default: none]")
    parser.add_argument("--show", action="store_true", help="print every key entry with the labels on its sentence")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    folders = pericopes(args.corpus.resolve())
    labels = named_labels(args.cache_dir, folders)
    by_folder: dict[str, list[dict[str, str]]] = {}
    for r in labels:
        by_folder.setdefault(r["pericope"], []).append(r)
    total: Counter[str] = Counter()
    named: Counter[str] = Counter()
    by_type: dict[str, Counter[str]] = {k: Counter() for k in KINDS}
    lost = 0
    for folder in folders:
        key_file = args.keys / f"{folder.name}.json"
        if not key_file.is_file():
            print(f"{folder.name}: no key ({key_file})")
            continue
        press = fold((folder / "press.txt").read_text(encoding="utf-8"))
        for entry in json.loads(key_file.read_text(encoding="utf-8")):
            kind, words = entry["kind"], core(entry["press"])
            if kind not in KINDS or not words or words not in press:
                lost += 1
                continue
            total[kind] += 1
            on = [r for r in by_folder.get(folder.name, []) if words in fold(press_side(r))]
            named[kind] += bool(on)
            by_type[kind].update({r["type"] for r in on})
            if args.show:
                print(f"\n[{kind}{' NAMED' if on else ''}] {folder.name}: {entry['press']!r}\n  record: {entry.get('record')!r}"
                      f"\n  what: {entry.get('what')}")
                for r in on:
                    print(f"    {r['type']}: {r['a']!r} / {r['b']!r} -> {r['detail']}")
    print(f"{len(folders)} folders, {len(labels)} named labels; key entries found in their press text: "
          f"{sum(total.values())} ({lost} not found or of no kind)")
    print("| key entry | entries | with a named label on its sentence | share | label types there |")
    print("|---|---|---|---|---|")
    for kind in KINDS:
        share = f"{named[kind] / total[kind]:.2f}" if total[kind] else "-"
        types = ", ".join(f"{t} {n}" for t, n in sorted(by_type[kind].items())) or "-"
        print(f"| {kind} | {total[kind]} | {named[kind]} | {share} | {types} |")


if __name__ == "__main__":
    main()
