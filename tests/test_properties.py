"""Property tests over read -> segment -> align -> diff -> classify -> report, on generated hostile text.

A fixed seed (derandomize) and a bounded number of examples keep the run repeatable and within about a minute.
A small hashing embedder stands in for the model here: these properties are about offsets, coverage, edits and
errors, not about alignment quality (tests/test_quality.py holds that, with the real model).
"""

from __future__ import annotations

import hashlib
import tempfile
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from compare.align import link_text
from compare.embed import ModelInfo
from compare.errors import CompareError
from compare.pipeline import build_corpus, write_report
from compare.settings import Settings


class HashingEmbedder:
    """Bag-of-words vectors from word hashes: similar wording, similar vectors; deterministic, no model."""

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), 64), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in text.lower().split():
                out[row, int(hashlib.md5(word.encode("utf-8")).hexdigest(), 16) % 64] += 1.0
            out[row, 0] += 0.01
        return out / np.linalg.norm(out, axis=1, keepdims=True)


MODEL = ModelInfo(Path("."), "hashing-test-embedder", "0" * 64)

WORDS = st.sampled_from([
    "Putin", "Lukashenko", "said", "sanctions", "piggery", "beastly", "the", "West", "1.5", "percent", "34%",
    "“quoted", "words”", "\"so-called\"", "Mr.", "e.g.", "war", "economy", "—", "–", "…", "(sic)", "[sic]",
    "Президент", "санкции", "café", "naïve", "\u202eevil", "<script>alert(1)</script>", "x\u200by", "a\u00a0b",
    "date", "2019-12-13", "Events", "2 of 4", "- 6", "Leave a Reply", "Vladimir Putin:", "President of Belarus",
])
SEPARATORS = st.sampled_from([" ", " ", " ", ". ", "? ", "! ", ", ", ": ", "\n", "\n\n", "\t", "  ", ".\n", "\r\n"])


@st.composite
def documents(draw) -> str:  # type: ignore[no-untyped-def]
    n = draw(st.integers(min_value=0, max_value=60)) if draw(st.integers(0, 9)) == 0 else draw(st.integers(6, 60))
    parts = []
    for _ in range(n):
        parts.append(draw(WORDS))
        parts.append(draw(SEPARATORS))
    if draw(st.booleans()):
        parts.insert(0, draw(st.sampled_from([" date 2022-03-11 ", "Vladimir Putin: ", "\ufeff", "   \n"])))
    return "".join(parts)


FILES = st.lists(
    st.tuples(
        st.sampled_from([".txt"] * 6 + [".md", ".html", ".pdf", ".docx", ".csv"]),
        documents(),
        st.sampled_from(["utf-8"] * 4 + ["utf-16", "cp1252", "cp1251", "raw"]),
    ),
    min_size=2,
    max_size=5,
)


def _write(folder: Path, files: list[tuple[str, str, str]]) -> None:
    for k, (suffix, text, encoding) in enumerate(files):
        path = folder / f"doc{k}{suffix}"
        if encoding == "raw":
            path.write_bytes(hashlib.sha256(text.encode()).digest() * 3 + text.encode("utf-8", "replace")[:50])
        elif suffix == ".html":
            path.write_text(f"<html><body><nav>Home</nav><article><p>{text}</p></article></body></html>", encoding="utf-8")
        else:
            path.write_bytes(text.encode(encoding, errors="replace"))


def _check(corpus) -> None:  # type: ignore[no-untyped-def]
    for doc in corpus.documents:
        units = corpus.units[doc.id]
        owner = [0] * len(doc.text)
        last_end = 0
        for k, u in enumerate(units):
            assert u.id == k
            assert doc.text[u.start : u.end] == u.text  # offsets index the decoded text exactly
            assert u.start >= last_end  # in order, never overlapping
            last_end = u.end
            for i in range(u.start, u.end):
                owner[i] += 1
        for i, ch in enumerate(doc.text):
            if not ch.isspace():
                assert owner[i] == 1, (doc.id, i, repr(doc.text[max(0, i - 10) : i + 10]))
    for pair in corpus.pairs:
        ua, ub = corpus.units[pair.a], corpus.units[pair.b]
        for lk in pair.links:
            a_text = "".join(e.text for e in lk.edits if e.op != "insert")
            b_text = "".join(e.text for e in lk.edits if e.op != "delete")
            assert a_text == link_text(ua, lk.a) and b_text == link_text(ub, lk.b)  # edits rebuild both sides


@settings(max_examples=200, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(FILES)
def test_pipeline_invariants_and_only_compare_errors(files: list[tuple[str, str, str]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        _write(folder, files)
        try:
            corpus, _ = build_corpus(folder, Settings(cache_dir=None), embedder=HashingEmbedder(), model=MODEL)
        except CompareError as exc:
            event("refused: " + " ".join(str(exc).split()[:2]))
            return
        event(f"compared: {'with' if any(p.links for p in corpus.pairs) else 'without'} links")
        _check(corpus)
        try:
            write_report(corpus, Path(tmp) / "out")
        except CompareError:
            return
        assert (Path(tmp) / "out" / "index.html").is_file()


# --- decoding and segmentation over arbitrary code points (issue 15) ---------------------------------------------

ANY_TEXT = st.text(
    alphabet=st.one_of(
        st.characters(codec=None, categories=None),  # every code point, surrogates included
        st.sampled_from(["\x1c", "\x1d", "\x1e", "\x1f", "\x00", "\x0b", "\x0c", "\x85", "\u2028", "\u0301", "\u0308",
                         "\u202e", "\ufeff", "\ud800", "\udfff", "3", ".", " ", "\n", "M", "A"]),
    ),
    max_size=300,
)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(ANY_TEXT)
def test_segmentation_covers_every_visible_character_of_any_text(text: str) -> None:
    from compare.records import Document, Source
    from compare.segment import split_units

    doc = Document(Source("d", "d.txt", "d"), "c/d.txt", text)
    units = split_units(doc)
    owner = [0] * len(text)
    for k, u in enumerate(units):
        assert u.id == k and text[u.start : u.end] == u.text
        for i in range(u.start, u.end):
            owner[i] += 1
    assert all(n <= 1 for n in owner)
    assert all(owner[i] == 1 for i, ch in enumerate(text) if not ch.isspace())


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.binary(max_size=400), st.sampled_from([None, "utf-8", "cp1252", "latin-1"]))
def test_decoding_any_bytes_gives_text_or_a_compare_error(data: bytes, encoding: str | None) -> None:
    from compare.read import decode_text

    try:
        decoded = decode_text(data, "c/x.txt", encoding)
    except CompareError as exc:
        assert "c/x.txt" in str(exc)
        return
    assert isinstance(decoded.text, str)
    decoded.text.encode("utf-8")  # no lone surrogate: every text can be written to JSON and HTML
    if decoded.encoding == "utf-8" and decoded.notices and "not UTF-8" in decoded.notices[0]:
        assert decoded.text == data.decode("utf-8", errors="replace")  # each bad byte replaced in place


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.text(alphabet=st.characters(blacklist_categories=["Cs"]), min_size=1, max_size=200), st.integers(0, 3))
def test_a_few_bad_bytes_in_utf8_text_never_switch_the_codec(text: str, bad: int) -> None:
    from compare.read import decode_text

    data = ("é" * 5 + text).encode("utf-8")  # UTF-8 evidence: multi-byte sequences
    data = b"\xff" * bad + data  # fewer bad bytes than valid multi-byte sequences
    try:
        decoded = decode_text(data, "c/x.txt")
    except CompareError:
        assert b"\x00" in data
        return
    assert decoded.encoding == "utf-8"
    assert decoded.text == data.removeprefix(b"\xef\xbb\xbf").decode("utf-8", errors="replace")
