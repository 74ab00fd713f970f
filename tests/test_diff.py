from __future__ import annotations

from compare.diff import diff_words, tokenize


def _rebuild(edits, side):
    skip = "insert" if side == "a" else "delete"
    return "".join(e.text for e in edits if e.op != skip)


def test_piggery_beastly_words_marked():
    a = "However, we are already used to this, pardon my language, beastly Western behaviour."
    b = "Today’s are larger but we are already accustomed to this piggery of the West, I beg your pardon."
    edits = diff_words(a, b)
    assert _rebuild(edits, "a") == a and _rebuild(edits, "b") == b
    deleted = " ".join(e.text for e in edits if e.op == "delete")
    inserted = " ".join(e.text for e in edits if e.op == "insert")
    assert "beastly Western behaviour" in deleted and "piggery of the West" in inserted
    assert ("equal", " we are already ") in [(e.op, e.text) for e in edits]


def test_whole_words_only():
    edits = diff_words("The cat sat.", "The cats sat.")
    assert [(e.op, e.text) for e in edits] == [("equal", "The "), ("delete", "cat"), ("insert", "cats"), ("equal", " sat.")]


def test_identical_and_empty():
    assert [(e.op, e.text) for e in diff_words("Same text.", "Same text.")] == [("equal", "Same text.")]
    assert diff_words("", "") == ()
    assert [(e.op, e.text) for e in diff_words("", "New.")] == [("insert", "New.")]


def test_tokenize_round_trip():
    text = "Mr Putin’s “piggery” – 1.5 percent,\n  twice!"
    assert "".join(tokenize(text)) == text
    assert "Putin’s" in tokenize(text)
