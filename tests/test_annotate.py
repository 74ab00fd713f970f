"""annotations.json: read and checked, sentences named by text, verdicts/notes/stars applied, written atomically."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from compare.annotate import (
    ANNOTATIONS_FILE,
    PREVIOUS_FILE,
    annotate_corpus,
    empty_annotations,
    find_sentence,
    read_annotations,
    sentence_name,
    set_note,
    set_star,
    set_verdict,
    write_annotations,
)
from compare.diff import diff_words
from compare.errors import InputError
from compare.records import Corpus as CorpusRecord
from compare.records import Document, Link, PairAlignment, Source, Unit

A_TEXTS = ["Thank you.", "We met in Moscow on Friday.", "Thank you.", "The talks were “very useful”.", "Prices rose by 5%."]
B_TEXTS = ["They met in Moscow.", "Talks were useful.", "Costs went up.", "Everyone said thank you."]


def _units(texts: list[str], aside: int | None = None) -> tuple[Unit, ...]:
    out, pos = [], 0
    for i, t in enumerate(texts):
        out.append(Unit(i, pos, pos + len(t), t, set_aside="page furniture" if i == aside else None))
        pos += len(t) + 1
    return tuple(out)


def _doc(doc_id: str, texts: list[str]) -> Document:
    return Document(Source(doc_id, f"{doc_id}.txt", doc_id), f"corpus/{doc_id}.txt", " ".join(texts))


def _corpus(links: tuple[Link, ...], possible: tuple[Link, ...] = ()) -> CorpusRecord:
    return CorpusRecord(
        documents=(_doc("ta", A_TEXTS), _doc("rb", B_TEXTS)),
        units={"ta": _units(A_TEXTS), "rb": _units(B_TEXTS)},
        pairs=(PairAlignment("ta", "rb", links, 0.8, possible),),
    )


def _link(a: tuple[int, ...], b: tuple[int, ...]) -> Link:
    return Link(a, b, 0.7, diff_words(" ".join(A_TEXTS[i] for i in a), " ".join(B_TEXTS[j] for j in b)))


def _data(**lists: object) -> dict[str, object]:
    return {**empty_annotations(), **lists}


def _ref(source: str, text: str, **more: object) -> dict[str, object]:
    return {"source": source, "text": text, **more}


# --- naming sentences -------------------------------------------------------------------------------------


def test_a_part_of_one_sentence_names_it_and_typed_quotes_match_typographic_ones() -> None:
    units = {"ta": _units(A_TEXTS)}
    assert find_sentence(units, _ref("ta", "in Moscow")).unit == 1
    assert find_sentence(units, _ref("ta", 'were "very useful"')).unit == 3
    assert find_sentence(units, _ref("ta", "  Prices   rose\nby 5%. ")).unit == 4


def test_a_whole_sentence_wins_over_sentences_it_is_a_part_of_but_a_repeated_one_is_ambiguous() -> None:
    units = {"ta": _units(["Thank you.", "Thank you very much."])}
    assert find_sentence(units, _ref("ta", "Thank you.")).unit == 0
    found = find_sentence({"ta": _units(A_TEXTS)}, _ref("ta", "Thank you."))
    assert found.unit is None
    assert "is in 2 sentences of ta (sentence 1 of 5, sentence 3 of 5)" in found.problem
    assert '"occurrence": 1' in found.problem
    assert find_sentence({"ta": _units(A_TEXTS)}, _ref("ta", "Thank you.", occurrence=2)).unit == 2
    assert "no occurrence 3" in find_sentence({"ta": _units(A_TEXTS)}, _ref("ta", "Thank you.", occurrence=3)).problem


def test_names_of_nothing_say_why() -> None:
    units = {"ta": _units(["Menu", "We met."], aside=0)}
    assert "no source 'tx' in this corpus (its sources: ta)" in find_sentence(units, _ref("tx", "We met.")).problem
    assert "no sentence of ta holds “We parted.”" in find_sentence(units, _ref("ta", "We parted.")).problem
    assert "set aside (page furniture)" in find_sentence(units, _ref("ta", "Menu")).problem


def test_the_name_written_for_a_sentence_resolves_back_to_it() -> None:
    units = _units(A_TEXTS)
    for u in units:
        name = sentence_name(units, "ta", u.id)
        assert find_sentence({"ta": units}, name).unit == u.id
    assert sentence_name(units, "ta", 2) == {"source": "ta", "text": "Thank you.", "occurrence": 2}


# --- applying verdicts, notes and stars ------------------------------------------------------------------


def test_a_wrong_link_is_dropped_from_the_links_and_the_possible_counterparts() -> None:
    corpus = _corpus((_link((1,), (0,)), _link((3,), (1,))), possible=(Link((4,), (2,), 0.4),))
    data = _data(links=[
        {"a": _ref("ta", "met in Moscow"), "b": _ref("rb", "They met"), "verdict": "wrong"},
        {"a": _ref("rb", "Costs"), "b": _ref("ta", "Prices"), "verdict": "wrong"},  # sides in either order
    ])
    out = annotate_corpus(corpus, data)
    assert [(lk.a, lk.b) for lk in out.pairs[0].links] == [((3,), (1,))]
    assert out.pairs[0].possible == ()
    assert out.annotations.problems == ()


def test_an_added_link_gets_its_edits_and_score_and_replaces_the_aligners_links_of_its_sentences() -> None:
    corpus = _corpus((_link((4,), (1,)), _link((1,), (0,))))
    vec = np.eye(5, 4, dtype=np.float32)
    vectors = {"ta": ((0, 1, 2, 3, 4), vec), "rb": ((0, 1, 2, 3), np.eye(4, 4, dtype=np.float32))}
    data = _data(links=[{"a": _ref("ta", "Prices rose"), "b": _ref("rb", "Costs went up."), "verdict": "add"}])
    out = annotate_corpus(corpus, data, vectors)
    links = {(lk.a, lk.b): lk for lk in out.pairs[0].links}
    assert set(links) == {((1,), (0,)), ((4,), (2,))}  # the aligner's 4 <-> 1 is gone: 4 has one counterpart in rb
    added = links[((4,), (2,))]
    assert added.added and not added.checked and added.confidence is None
    assert added.edits == diff_words("Prices rose by 5%.", "Costs went up.")
    assert added.score == pytest.approx(0.0)  # orthogonal toy vectors
    assert [lk.a[0] for lk in out.pairs[0].links] == sorted(lk.a[0] for lk in out.pairs[0].links)


def test_a_persons_second_link_of_one_sentence_to_the_next_sentence_grows_the_link() -> None:
    data = _data(links=[
        {"a": _ref("ta", "in Moscow"), "b": _ref("rb", "They met"), "verdict": "add"},
        {"a": _ref("ta", "in Moscow"), "b": _ref("rb", "Talks were"), "verdict": "add"},
    ])
    out = annotate_corpus(_corpus(()), data)
    assert [(lk.a, lk.b, lk.added) for lk in out.pairs[0].links] == [((1,), (0, 1), True)]
    assert out.pairs[0].links[0].edits == diff_words(A_TEXTS[1], "They met in Moscow. Talks were useful.")


def test_right_marks_the_link_checked_and_makes_it_when_the_aligner_no_longer_does() -> None:
    corpus = _corpus((_link((1,), (0,)),))
    data = _data(links=[
        {"a": _ref("ta", "in Moscow"), "b": _ref("rb", "in Moscow"), "verdict": "right"},
        {"a": _ref("ta", "useful"), "b": _ref("rb", "useful"), "verdict": "right"},
    ])
    out = annotate_corpus(corpus, data)
    got = [(lk.a, lk.b, lk.checked, lk.added) for lk in out.pairs[0].links]
    assert got == [((1,), (0,), True, False), ((3,), (1,), True, True)]


def test_the_later_of_two_verdicts_on_the_same_sentences_counts_and_the_clash_is_reported() -> None:
    corpus = _corpus((_link((1,), (0,)),))
    data = _data(links=[
        {"a": _ref("ta", "in Moscow"), "b": _ref("rb", "They met"), "verdict": "right"},
        {"a": _ref("ta", "in Moscow"), "b": _ref("rb", "They met"), "verdict": "wrong"},
    ])
    out = annotate_corpus(corpus, data)
    assert out.pairs[0].links == ()
    assert out.annotations.problems == (
        "annotations.json links[1] (wrong): annotations.json links[0] (right) judged the same two sentences; the later entry counts.",
    )


def test_notes_and_stars_are_resolved_and_unresolved_entries_are_problems_not_failures() -> None:
    corpus = _corpus((_link((1,), (0,)),))
    data = _data(
        notes=[_ref("ta", "in Moscow", note="<b>Ask:</b> who was there?"), _ref("ta", "Berlin", note="lost")],
        starred=[_ref("ta", "in Moscow"), _ref("rb", "Costs"), _ref("ta", "in Moscow"), _ref("nowhere", "x")],
        links=[{"a": _ref("ta", "Thank you."), "b": _ref("rb", "thank you"), "verdict": "add"},
               {"a": _ref("ta", "in Moscow"), "b": _ref("ta", "Prices"), "verdict": "add"}],
    )
    out = annotate_corpus(corpus, data)
    assert [(n.source, n.unit, n.text) for n in out.annotations.notes] == [("ta", 1, "<b>Ask:</b> who was there?")]
    assert out.annotations.starred == (("ta", 1), ("rb", 2))
    problems = out.annotations.problems
    assert len(problems) == 4
    assert problems[0].startswith("annotations.json links[0] (add), a: “Thank you.” is in 2 sentences of ta")
    assert problems[1] == "annotations.json links[1] (add): both sentences are in ta; a link joins sentences of two sources."
    assert problems[2] == "annotations.json notes[1]: no sentence of ta holds “Berlin”; the entry is not applied."
    assert problems[3].startswith("annotations.json starred[3]: there is no source 'nowhere'")
    assert out.pairs == corpus.pairs  # nothing that failed to resolve changed a link


def test_no_annotations_leave_the_corpus_as_it_is() -> None:
    corpus = _corpus((_link((1,), (0,)),))
    assert annotate_corpus(corpus, None) is corpus


# --- the file ---------------------------------------------------------------------------------------------


def test_reading_a_missing_file_gives_none_and_a_broken_one_a_clear_error(tmp_path: Path) -> None:
    assert read_annotations(tmp_path) is None
    (tmp_path / ANNOTATIONS_FILE).write_text('{"schema": "compare.annotations/1", "links": [}', encoding="utf-8")
    with pytest.raises(InputError, match=r"annotations.json: not valid JSON \(line 1, column 47"):
        read_annotations(tmp_path)
    bad = {"schema": "compare.annotations/1", "links": [{"a": _ref("x", "y"), "b": _ref("z", "w"), "verdict": "wrongg"}]}
    (tmp_path / ANNOTATIONS_FILE).write_text(json.dumps(bad), encoding="utf-8")
    with pytest.raises(InputError, match=r"links\[0\]\.verdict: 'wrongg' is not one of \['wrong', 'right', 'add'\]\. Fix it by hand"):
        read_annotations(tmp_path)
    (tmp_path / ANNOTATIONS_FILE).write_text(json.dumps({"schema": "compare.annotations/2"}), encoding="utf-8")
    with pytest.raises(InputError, match=r"schema: 'compare.annotations/1' was expected"):
        read_annotations(tmp_path)


def test_writing_is_atomic_keeps_the_previous_version_and_keeps_unknown_keys(tmp_path: Path) -> None:
    first = {**_data(starred=[_ref("ta", "in Moscow")]), "lesson": "week 3"}
    write_annotations(tmp_path, first)
    assert not (tmp_path / PREVIOUS_FILE).exists()
    second = set_star(read_annotations(tmp_path), {"ta": _units(A_TEXTS)}, ("ta", 4), True)
    write_annotations(tmp_path, second)
    assert json.loads((tmp_path / PREVIOUS_FILE).read_text(encoding="utf-8")) == first
    now = read_annotations(tmp_path)
    assert now is not None and now["lesson"] == "week 3" and len(now["starred"]) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == [PREVIOUS_FILE, ANNOTATIONS_FILE]  # no temporary file left
    with pytest.raises(InputError, match="verdict"):  # content that would not read back is never written
        write_annotations(tmp_path, {**second, "links": [{"a": _ref("ta", "x"), "b": _ref("rb", "y"), "verdict": "maybe"}]})
    assert read_annotations(tmp_path) == now


def test_marks_replace_the_entry_for_the_same_sentences_in_place() -> None:
    units = {"ta": _units(A_TEXTS), "rb": _units(B_TEXTS)}
    data = set_verdict(None, units, ("ta", 1), ("rb", 0), "wrong")
    data = set_verdict(data, units, ("ta", 3), ("rb", 1), "add")
    data = set_verdict(data, units, ("rb", 0), ("ta", 1), "right")  # same two sentences, other order
    assert [e["verdict"] for e in data["links"]] == ["right", "add"]
    assert set_verdict(data, units, ("ta", 3), ("rb", 1), None)["links"] == data["links"][:1]
    data = set_note(data, units, ("ta", 2), "first")
    data = set_note(data, units, ("ta", 2), "second")
    assert data["notes"] == [{"source": "ta", "text": "Thank you.", "occurrence": 2, "note": "second"}]
    assert set_note(data, units, ("ta", 2), "  ")["notes"] == []
    data = set_star(set_star(data, units, ("ta", 0), True), units, ("ta", 0), True)
    assert data["starred"] == [{"source": "ta", "text": "Thank you.", "occurrence": 1}]
    assert set_star(data, units, ("ta", 0), False)["starred"] == []


# --- with the real model on the seed corpus ----------------------------------------------------------------


def _seed_annotations(corpus: CorpusRecord) -> tuple[dict[str, object], tuple[str, int, str, int], tuple[str, int, str, int]]:
    """Pick a link the aligner made (to mark wrong) and two unlinked sentences of one pair (to add), from the run."""
    pair = next(p for p in corpus.pairs if {p.a, p.b} == {"readout", "transcript"})
    wrong = pair.links[len(pair.links) // 2]
    linked_a = {i for lk in pair.links for i in lk.a}
    linked_b = {j for lk in pair.links for j in lk.b}
    free_a = [u.id for u in corpus.units[pair.a] if u.is_sentence and u.id not in linked_a]
    free_b = [u.id for u in corpus.units[pair.b] if u.is_sentence and u.id not in linked_b]
    units = corpus.units
    data = set_verdict(None, units, (pair.a, wrong.a[0]), (pair.b, wrong.b[0]), "wrong")
    data = set_verdict(data, units, (pair.a, free_a[0]), (pair.b, free_b[0]), "add")
    data = set_note(data, units, (pair.a, free_a[0]), "<script>alert(1)</script> Ask: <b>who</b> said it?")
    data = set_star(data, units, (pair.a, free_a[0]), True)
    data["notes"].append({"source": "transcript", "text": "a sentence that exists nowhere", "note": "lost"})
    return data, (pair.a, wrong.a[0], pair.b, wrong.b[0]), (pair.a, free_a[0], pair.b, free_b[0])


def test_compare_run_applies_the_annotations_of_a_copy_of_the_seed_corpus(
    seed_corpus: CorpusRecord, corpus_copy: Path, tmp_path: Path, session_cache: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    from compare.cli import cli

    data, wrong, added = _seed_annotations(seed_corpus)
    write_annotations(corpus_copy, data)
    out = tmp_path / "report"
    with pytest.raises(SystemExit) as stop:
        cli.main(["run", str(corpus_copy), "-o", str(out), "--cache-dir", str(session_cache)], prog_name="compare")
    assert stop.value.code == 0
    err = capsys.readouterr().err
    assert "annotations.json notes[1]: no sentence of transcript holds “a sentence that exists nowhere”" in err
    assert "annotations.json" not in "".join(line for line in err.splitlines() if "skipped" in line)
    report = json.loads((out / "alignment.json").read_text(encoding="utf-8"))
    assert report["rejected"] == []  # the annotations are not taken for a source
    pair = next(p for p in report["pairs"] if (p["a"], p["b"]) == (wrong[0], wrong[2]))
    pairs_of = [(lk["a"], lk["b"]) for lk in pair["links"]]
    assert not any(wrong[1] in a and wrong[3] in b for a, b in pairs_of)
    assert not any(wrong[1] in lk["a"] and wrong[3] in lk["b"] for lk in pair["possible"])
    made = next(lk for lk in pair["links"] if lk["a"] == [added[1]] and lk["b"] == [added[3]])
    units_a = {u["id"]: u["text"] for d in report["documents"] if d["id"] == added[0] for u in d["units"]}
    units_b = {u["id"]: u["text"] for d in report["documents"] if d["id"] == added[2] for u in d["units"]}
    assert "".join(t for op, t in made["edits"] if op != "insert") == units_a[added[1]]
    assert "".join(t for op, t in made["edits"] if op != "delete") == units_b[added[3]]
    assert 0.0 < made["score"] <= 1.0  # scored with the run's vectors


def test_the_annotate_stage_fills_the_corpus_record_on_the_seed_corpus(
    seed_corpus: CorpusRecord, corpus_copy: Path, real_embedder: object, model_info: object, session_cache: Path,
) -> None:
    from compare.pipeline import build_corpus
    from compare.settings import Settings

    data, wrong, added = _seed_annotations(seed_corpus)
    write_annotations(corpus_copy, data)
    corpus, _ = build_corpus(corpus_copy, Settings(cache_dir=session_cache), embedder=real_embedder, model=model_info)  # type: ignore[arg-type]
    ann = corpus.annotations
    assert [(n.source, n.unit) for n in ann.notes] == [(added[0], added[1])]
    assert ann.notes[0].text.startswith("<script>")  # kept as written; pages escape it
    assert ann.starred == ((added[0], added[1]),)
    assert len(ann.problems) == 1 and "exists nowhere" in ann.problems[0]
    pair = next(p for p in corpus.pairs if (p.a, p.b) == (wrong[0], wrong[2]))
    assert not any(wrong[1] in lk.a and wrong[3] in lk.b for lk in pair.links)
    made = next(lk for lk in pair.links if lk.a == (added[1],) and lk.b == (added[3],))
    assert made.added and made.edits


def test_the_readme_example_names_sentences_of_the_seed_corpus(seed_corpus: CorpusRecord) -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Correcting and annotating"):]
    example = json.loads(section[section.index("```json") + 7 : section.index("```", section.index("```json") + 7)])
    out = annotate_corpus(seed_corpus, example)
    assert out.annotations.problems == ()
    pair = next(p for p in out.pairs if {p.a, p.b} == {"readout", "transcript"})
    checked = [lk for lk in pair.links if lk.checked]
    assert len(checked) == 1 and not checked[0].added  # the aligner's own beastly/piggery link, now checked
    assert len(out.annotations.notes) == 1 and len(out.annotations.starred) == 1
