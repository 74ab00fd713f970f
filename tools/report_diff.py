#!/usr/bin/env python3
"""Compare two report folders made by two versions of compare, as the redesign's acceptance asks.

Every file must be byte-identical, except ``alignment.json``, which may differ only by the output contract's
additions (``"event"`` per document, top-level ``"events"``). Files only in the new folder are listed as added.

Usage:  python tools/report_diff.py OLD_REPORT NEW_REPORT     (exit 1 when anything else differs)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def _without_additions(text: str) -> object:
    data = json.loads(text)
    data.pop("events", None)
    for doc in data["documents"]:
        doc.pop("event", None)
    return data


def compare_reports(old: Path, new: Path) -> int:
    """Print what differs between the two folders; return the number of differences beyond the additions."""
    bad = 0
    for path in sorted(p for p in new.rglob("*") if p.is_file()):
        rel = path.relative_to(new)
        before = old / rel
        if not before.exists():
            print("added:", rel)
        elif path.read_bytes() == before.read_bytes():
            continue
        elif path.name == "alignment.json" and _without_additions(path.read_text("utf-8")) == _without_additions(
            before.read_text("utf-8")
        ):
            print("additions only:", rel)
        else:
            print("DIFFERS:", rel)
            bad += 1
    for path in sorted(p for p in old.rglob("*") if p.is_file()):
        if not (new / path.relative_to(old)).exists():
            print("REMOVED:", path.relative_to(old))
            bad += 1
    print("differences beyond the additions:", bad)
    return bad


if __name__ == "__main__":
    sys.exit(1 if compare_reports(Path(sys.argv[1]), Path(sys.argv[2])) else 0)
