"""Regression tests for what benchmarks/hostile_inputs.py found, each on the smallest input that shows it."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compare.align import AlignInput
from compare.align.pairs import PairJob, align_document_pair
from compare.align.runs import group_pairs
from compare.classify import CHANGE_TYPES, Side, classify_link, link_side, quoted_spans
from compare.classify.quantities import find_quantities
from compare.diff import diff_words
from compare.read import read_corpus
from compare.records import Unit
from compare.segment import split_units, unit_text_for_model
from compare.settings import AlignSettings


def _unit(v: np.ndarray) -> np.ndarray:
    return (v / np.linalg.norm(v)).astype(np.float32)


def test_a_link_never_spans_set_aside_text() -> None:
    """Sentences 1 and 2 of side a have a speaker label between them: adjacent as sentences, not in the document.

    Found on the seed transcript with « » quotation marks: a link of units [1, 2, 9] (a title, a sentence and the
    first words after a speaker label), which alignment.json's own check refuses ("not adjacent and ascending").
    """
    pairs: list[tuple[int, int, float, float | None]] = [(0, 0, 0.8, 0.9), (1, 0, 0.7, 0.8)]
    assert [(lk.a, lk.b) for lk in group_pairs(pairs)] == [((0, 1), (0,))]
    split = group_pairs(pairs, ((0, 5), ()))
    assert [(lk.a, lk.b, lk.score, lk.confidence) for lk in split] == [((0,), (0,), 0.8, 0.9), ((1,), (0,), 0.7, 0.8)]
    assert [(lk.a, lk.b) for lk in group_pairs(pairs, ((3, 4), ()))] == [((0, 1), (0,))]  # adjacent units still join


def test_a_pair_of_documents_links_only_adjacent_units() -> None:
    """The same through the walk: b's one sentence sums up a's two, which a speaker label separates."""
    e = np.eye(8, dtype=np.float32)
    texts_a = ["alpha one statement here", "beta two statement here", "gamma three statement here"]
    units_a = (Unit(0, 0, 24, texts_a[0]), Unit(1, 25, 48, texts_a[1]), Unit(2, 49, 59, "Speaker A:", set_aside="speaker label"),
               Unit(3, 60, 86, texts_a[2]))
    texts_b = ["alpha one statement here", "beta two and gamma three statement here"]
    units_b = (Unit(0, 0, 24, texts_b[0]), Unit(1, 25, 25 + len(texts_b[1]), texts_b[1]))
    a = AlignInput(np.stack([e[0], e[1], e[2]]), texts_a, positions=[0, 1, 3])
    b = AlignInput(np.stack([e[0], _unit(e[1] + e[2])]), texts_b, positions=[0, 1])
    job = PairJob(("a", "b"), (a, b), (units_a, units_b), ([0, 1, 3], [0, 1]), True, 1.0)
    result = align_document_pair(job, AlignSettings())
    assert {(lk.a, lk.b) for lk in result.links} >= {((0,), (0,))}
    assert any(1 in lk.a or 3 in lk.a for lk in [*result.links, *result.possible])  # the two are still paired
    for lk in [*result.links, *result.possible]:
        for ids in (lk.a, lk.b):
            assert list(ids) == list(range(ids[0], ids[0] + len(ids))), ids


ODD = st.sampled_from([
    "5-6", "5--6", "1,5 %", "1,5%", "-5%", "$5m", "$5bn", "£5.3bn", "€1.234,56", "½", "½½", "3 ½", "⅞", "1/0", "0/0",
    "1e309", "10^1000", "9" * 400, "0.000000001%", "١٢٣", "٣٠٠", "五", "５", "Ⅻ", "²", "1st", "24h", "12km", "a day",
    "24 hours", "six hours before", "the same day", "2022-03-11", "31/02/2022", "March 99, 2022", "year 0", "99999 BC",
    "“", "”", "«", "»", "„", "‘", "’", '"', "'", "said", "I", "we", "my", "not", "n't", "never", "allegedly", "so-called",
    "'special military operation'", "claimed that", "may", "will", "slammed", "beastly", "the", "men", "of", "Judah", "were",
    "\u200b", "\u0301", "\u202e", "👨‍👩‍👧", "大卫", "\x00", "\x1b", "\r", "\n", "\n\n", ".", "?", "!", ",", ":", ";", "—",
])


@st.composite
def _sentence(draw: st.DrawFn) -> str:
    base = draw(st.sampled_from([
        "David said, “I will show kindness to Hanun the son of Nahash, because his father showed kindness to me.”",
        "In Judah were 470,000 men that drew sword, and 1.5 percent of them fled the same day.",
        "The king sent 5 men; the price rose by $5m and the army of 30,000 marched for a day.",
    ])).split(" ")
    for _ in range(draw(st.integers(0, 8))):
        base.insert(draw(st.integers(0, len(base))), draw(ODD))
    return " ".join(base)


def _side(text: str, kind: str, name: str) -> Side:
    units = [Unit(0, 0, len(text), text)]
    return link_side(text, units, [0], name, kind, quoted_spans(text), ("David", "Hanun"))


@settings(max_examples=300, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(_sentence(), _sentence(), st.sampled_from(["transcript", "readout", "press", "other"]),
       st.sampled_from(["transcript", "readout", "press", "other"]))
def test_naming_changes_on_hostile_sentences_never_fails(ta: str, tb: str, ka: str, kb: str) -> None:
    """Odd quantities, quotation marks, narration, hedges and scripts inside linked sentences: the classifier names
    changes or none, never raises, and each change's words are the sides' own."""
    changes = classify_link(diff_words(ta, tb), _side(ta, ka, "a"), _side(tb, kb, "b"))
    for c in changes:
        assert c.type in CHANGE_TYPES
        assert isinstance(c.detail, str) and (c.detail or c.type == "wording")


def test_a_number_of_thousands_of_digits_is_read_without_failing() -> None:
    """int() refuses more than 4,300 digits: "March 111…1" (4,400 ones) failed with a ValueError in the date reader.

    The pipeline cuts a unit at 2,000 characters, so only a caller of ``classify_link`` with longer texts met it."""
    huge = "1" * 4400
    ta, tb = f"They came on March {huge} and left on {huge} May.", "They came on March 11 and left on 1 May."
    classify_link(diff_words(ta, tb), _side(ta, "transcript", "a"), _side(tb, "press", "b"))
    assert [q.text for q in find_quantities("on 011 March 2022, March 11 and ٣ March")] == ["011 March 2022", "March 11", "٣ March"]


def test_guillemets_split_and_frame_speech_as_curly_quotes_do(tmp_path: Path) -> None:
    """« » were not quotation marks to the segmenter: a quotation of two sentences stayed one sentence and "David
    said, «…»" kept its frame in what the model compares (the kings passages lost up to a quarter of their links)."""
    curly = "David said, “I will show kindness to Hanun. His father was kind to him.” So David sent messengers."
    texts = {}
    for name, text in (("curly", curly), ("guillemets", curly.replace("“", "«").replace("”", "»"))):
        folder = tmp_path / name
        folder.mkdir()
        (folder / "a.txt").write_text(text, encoding="utf-8")
        (folder / "b.txt").write_text("Another text.", encoding="utf-8")
        docs, _ = read_corpus(folder)
        doc = next(d for d in docs if d.id == "a")
        texts[name] = [unit_text_for_model(u).strip("“”«»") for u in split_units(doc) if u.is_sentence]
    assert texts["guillemets"] == texts["curly"] == ["I will show kindness to Hanun.", "His father was kind to him.",
                                                     "So David sent messengers."]
