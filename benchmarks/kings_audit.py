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

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from synoptic_audit import main  # noqa: E402

CORPUS = ROOT / "tests" / "data" / "kings"

if __name__ == "__main__":
    main(CORPUS, (__doc__ or "").splitlines()[0])
