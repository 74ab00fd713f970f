"""Word-level differences between two texts, with diff-match-patch working on words as tokens."""

from __future__ import annotations

import re

from diff_match_patch import diff_match_patch

from .records import Edit

__all__ = ["diff_words", "tokenize"]

_TOKENS = re.compile(r"\w+(?:['’]\w+)*|\s+|[^\w\s]", re.UNICODE)
_OPS = {-1: "delete", 0: "equal", 1: "insert"}


def tokenize(text: str) -> list[str]:
    """Split ``text`` into words, whitespace runs and single punctuation marks; joined they give ``text``."""
    return _TOKENS.findall(text)


def diff_words(a: str, b: str) -> tuple[Edit, ...]:
    """Return the edits turning ``a`` into ``b``, word by word, after diff-match-patch's semantic clean-up.

    The ``equal`` and ``delete`` texts, in order, rebuild ``a``; ``equal`` and ``insert`` rebuild ``b``.
    """
    # Each distinct token becomes one character, so the character diff is a token diff (the trick
    # diff-match-patch documents for line mode, applied to words).
    table: dict[str, str] = {}
    tokens: list[str] = []

    def encode(text: str) -> str:
        out = []
        for tok in tokenize(text):
            if tok not in table:
                table[tok] = chr(0xE000 + len(tokens)) if len(tokens) < 6400 else chr(0xF0000 + len(tokens) - 6400)
                tokens.append(tok)
            out.append(table[tok])
        return "".join(out)

    ea, eb = encode(a), encode(b)
    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0  # deterministic: never cut a diff short on a slow machine
    diffs = dmp.diff_main(ea, eb, False)
    dmp.diff_cleanupSemantic(diffs)
    back = {ch: tok for tok, ch in table.items()}
    edits: list[Edit] = []
    for op, chars in diffs:
        text = "".join(back[ch] for ch in chars)
        if not text:
            continue
        kind = _OPS[op]
        if edits and edits[-1].op == kind:
            edits[-1] = Edit(kind, edits[-1].text + text)
        else:
            edits.append(Edit(kind, text))  # type: ignore[arg-type]
    return tuple(edits)
