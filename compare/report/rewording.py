"""Keep the words both sides share visible inside a passage the diff marks as reworded as a whole.

diff-match-patch's semantic clean-up (``compare.diff``) folds short equal stretches into the changes around
them, which is right for naming changes but hides, on the page, the words a paraphrase keeps ("sanctions",
"opportunity"). For display only, each run of changed words is diffed again token by token, and a shared
stretch is kept as shared when it holds a content word. The edits in ``alignment.json`` are not changed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from difflib import SequenceMatcher

from ..diff import tokenize
from ..records import Edit

__all__ = ["keep_shared_words"]

_CONTENT = re.compile(r"\w{4,}|\d")
"""A token that is worth showing as shared: a word of four letters or more, or a number."""


def keep_shared_words(edits: Sequence[Edit]) -> tuple[Edit, ...]:
    """Return ``edits`` with the shared content words inside each run of changes marked ``equal``.

    The ``equal`` and ``delete`` texts still rebuild side a, ``equal`` and ``insert`` side b.
    """
    out: list[Edit] = []
    i = 0
    while i < len(edits):
        if edits[i].op == "equal":
            _append(out, edits[i].op, edits[i].text)
            i += 1
            continue
        j = i
        while j < len(edits) and edits[j].op != "equal":
            j += 1
        a = "".join(e.text for e in edits[i:j] if e.op == "delete")
        b = "".join(e.text for e in edits[i:j] if e.op == "insert")
        if a and b:
            for op, text in _rediff(a, b):
                _append(out, op, text)
        else:
            for e in edits[i:j]:
                _append(out, e.op, e.text)
        i = j
    return tuple(out)


def _rediff(a: str, b: str) -> list[tuple[str, str]]:
    ta, tb = tokenize(a), tokenize(b)
    out: list[tuple[str, str]] = []
    deleted, inserted = "", ""
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, ta, tb, autojunk=False).get_opcodes():
        if tag == "equal" and any(_CONTENT.fullmatch(t) for t in ta[i1:i2]):
            out.extend((op, text) for op, text in (("delete", deleted), ("insert", inserted)) if text)
            out.append(("equal", "".join(ta[i1:i2])))
            deleted, inserted = "", ""
        else:  # a changed stretch, or shared words too slight to show ("the", ","): one struck, one underlined run
            deleted += "".join(ta[i1:i2])
            inserted += "".join(tb[j1:j2])
    out.extend((op, text) for op, text in (("delete", deleted), ("insert", inserted)) if text)
    return out


def _append(out: list[Edit], op: str, text: str) -> None:
    if not text:
        return
    if out and out[-1].op == op:
        out[-1] = Edit(out[-1].op, out[-1].text + text)
    else:
        out.append(Edit(op, text))  # type: ignore[arg-type]
