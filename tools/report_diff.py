#!/usr/bin/env python3
"""Compare two report folders: every file byte-identical, except alignment.json, which may differ only by the
contract additions ("event" per document, top-level "events"); files only in the new folder are listed."""
import json, sys
from pathlib import Path
old, new = Path(sys.argv[1]), Path(sys.argv[2])
bad = 0
for p in sorted(new.rglob("*")):
    if p.is_dir(): continue
    rel = p.relative_to(new); q = old / rel
    if not q.exists():
        print("added:", rel); continue
    if p.read_bytes() == q.read_bytes(): continue
    if p.name == "alignment.json":
        a, b = json.loads(q.read_text()), json.loads(p.read_text())
        b.pop("events"); [d.pop("event") for d in b["documents"]]
        if a == b: print("additions only:", rel); continue
    print("DIFFERS:", rel); bad += 1
for q in sorted(old.rglob("*")):
    if q.is_file() and not (new / q.relative_to(old)).exists(): print("REMOVED:", q.relative_to(old)); bad += 1
print("differences beyond the additions:", bad)
