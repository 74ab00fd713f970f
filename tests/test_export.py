"""Exports on disk: every file the suite writes here validates against its published schema; CSV names the changes.

``hand_corpus`` (also used by test_schema, test_tei and test_frames) is a small corpus made by hand, with every field
the export carries filled: set-aside text, speakers, flags, confidence (and a missing one), possible counterparts,
checked and added links, notes and stars, a rejected file, and two events.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from compare.cli import cli
from compare.export import (
    alignment_csv,
    alignment_json,
    changes_csv,
    events_problems,
    validate_alignment,
)
from compare.records import (
    Annotations,
    Change,
    Corpus,
    Document,
    Edit,
    Event,
    Flag,
    Link,
    Note,
    PairAlignment,
    Rejected,
    Source,
    Unit,
)

from .conftest import CORPUS

FOUR = Path(__file__).parent / "data" / "four_articles"


def _units(text: str, spans: list[tuple[int, int, str | None]], speaker: str | None = None) -> tuple[Unit, ...]:
    out, section = [], 0
    for k, (start, end, aside) in enumerate(spans):
        if aside is not None and k:
            section += 1
        out.append(Unit(k, start, end, text[start:end], speaker=speaker if aside is None else None, set_aside=aside,
                        section=section))
    return tuple(out)


def hand_corpus() -> Corpus:
    """Return a corpus made by hand (no model): three documents of one event, one unrelated, every export field used."""
    texts = {
        "transcript": "Events\n\nVladimir Putin: The West behaves in a beastly way. We will meet 2 times.\n\x0cEnd",
        "readout": "The piggery of the West, I beg your pardon. We may meet three times. <b>&amp;</b>",
        "press": "Putin said the West behaves badly. They met.",
        "forum": "1 Something else entirely.",
    }
    spans = {
        "transcript": [(0, 6, "page furniture: navigation label"), (8, 23, "speaker label"), (24, 58, None), (59, 80, None),
                       (81, 85, "page furniture: end")],
        "readout": [(0, 43, None), (44, 68, None), (69, 81, None)],
        "press": [(0, 34, None), (35, 44, None)],
        "forum": [(0, 26, None)],
    }
    kinds = {"transcript": "transcript", "readout": "readout", "press": "press", "forum": "other"}
    docs = tuple(
        Document(Source(d, f"{d}.txt", f"The {d}", outlet=f"{d} outlet", kind=kinds[d], date="2022-03-11",
                        extra=(("url", f"https://example.org/{d}"),)), f"corpus/{d}.txt", t)
        for d, t in texts.items()
    )
    units = {d: _units(texts[d], spans[d], "Vladimir Putin" if d == "transcript" else None) for d in texts}

    def edits(a: str, b: str) -> tuple[Edit, ...]:
        return (Edit("delete", a), Edit("insert", b))

    ta, tb = units["transcript"][2].text, units["readout"][0].text
    loaded = Change("loaded_language", "West behaves in a beastly way.", "piggery of the West, I beg your pardon.",
                    "“beastly” is an evaluative word")
    pairs = (
        PairAlignment("transcript", "readout", (
            Link((2,), (0,), 0.62, edits(ta, tb), (loaded, Change("wording", "The", "The", "")), checked=True, confidence=0.9),
            Link((3,), (1, 2), 0.55, edits(units["transcript"][3].text, units["readout"][1].text + " " + units["readout"][2].text),
                 (Change("number", "2", "three", "2 and 3 differ"), Change("hedge", "will", "may", "certain vs possible")),
                 added=True, confidence=None),
        ), related=0.81, possible=(Link((3,), (2,), 0.31, confidence=0.2),)),
        PairAlignment("transcript", "press", (
            Link((2,), (0,), 0.7, edits(ta, units["press"][0].text), (Change("speaker", "Vladimir Putin", "Putin", "x"),),
                 confidence=0.75),
        ), related=0.7),
        PairAlignment("readout", "press", (), related=0.5),
    )
    return Corpus(
        documents=docs, units=units, pairs=pairs, model_name="sentence-transformers/all-MiniLM-L6-v2", model_sha256="0" * 64,
        rejected=(Rejected("scan.txt", "scan.txt is not text (binary data); remove it."),),
        flags={"forum": (Flag("unrelated", "about something else", 0, len(texts["forum"])),),
               "transcript": (Flag("date_mismatch", "date differs", 0, 6),)},
        events=(Event("001-transcript", ("transcript", "readout", "press"), "transcript"),),
        annotations=Annotations(notes=(Note("readout", 0, "Ask: <b>why</b> 'piggery'?"),), starred=(("readout", 0),),
                                problems=("no sentence of press contains “nowhere”",)),
    )


def test_hand_corpus_export_validates() -> None:
    data = json.loads(alignment_json(hand_corpus()))
    validate_alignment(data)
    link = data["pairs"][0]["links"][0]
    assert (link["checked"], link["added"], link["confidence"]) == (True, False, 0.9)
    assert data["pairs"][0]["links"][1]["confidence"] is None and data["pairs"][0]["links"][1]["added"] is True
    assert data["pairs"][0]["possible"] == [{"a": [3], "b": [2], "score": 0.31, "confidence": 0.2}]
    assert data["annotations"] == {"notes": [{"source": "readout", "unit": 0, "text": "Ask: <b>why</b> 'piggery'?"}],
                                   "starred": [{"source": "readout", "unit": 0}],
                                   "problems": ["no sentence of press contains “nowhere”"]}


def _csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_alignment_csv_names_change_types_count_and_confidence() -> None:
    rows = _csv(alignment_csv(hand_corpus()))
    got = [(r["doc_a"], r["doc_b"], r["link"], r["change_types"], r["changes"], r["confidence"], r["checked"], r["added"])
           for r in rows]
    assert got == [
        ("transcript", "readout", "0", "loaded_language wording", "2", "0.9000", "1", "0"),
        ("transcript", "readout", "1", "number hedge", "2", "", "0", "1"),
        ("transcript", "press", "0", "speaker", "1", "0.7500", "0", "0"),
    ]


def test_changes_csv_has_one_row_per_named_change() -> None:
    rows = _csv(changes_csv(hand_corpus()))
    assert [(r["doc_a"], r["doc_b"], r["link"], r["type"]) for r in rows] == [
        ("transcript", "readout", "0", "loaded_language"), ("transcript", "readout", "0", "wording"),
        ("transcript", "readout", "1", "number"), ("transcript", "readout", "1", "hedge"),
        ("transcript", "press", "0", "speaker"),
    ]
    assert rows[0]["b"] == "piggery of the West, I beg your pardon." and rows[0]["detail"] == "“beastly” is an evaluative word"
    assert rows[2]["units_b"] == "1 2" and rows[2]["confidence"] == ""


def _check_report(out: Path) -> int:
    """Validate every alignment.json and events.json under ``out``; check the CSVs against the JSON; return files checked."""
    checked = 0
    for path in sorted(out.rglob("alignment.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        validate_alignment(data, what=f"{path} does not follow compare.alignment/1")
        links = [(p["a"], p["b"], n, lk) for p in data["pairs"] for n, lk in enumerate(p["links"])]
        rows = _csv((path.parent / "alignment.csv").read_text(encoding="utf-8"))
        assert len(rows) == len(links)
        for row, (a, b, n, lk) in zip(rows, links):
            named = {c["type"] for c in lk["changes"]}
            assert (row["doc_a"], row["doc_b"], int(row["link"])) == (a, b, n)
            assert set(row["change_types"].split()) == named and int(row["changes"]) == len(lk["changes"])
        changes = _csv((path.parent / "changes.csv").read_text(encoding="utf-8"))
        assert len(changes) == sum(len(lk["changes"]) for *_, lk in links)
        assert (path.parent / "alignment.tei.xml").is_file()
        checked += 1
    for path in sorted(out.rglob("events.json")):
        assert events_problems(json.loads(path.read_text(encoding="utf-8"))) == []
        checked += 1
    return checked


@pytest.mark.model
def test_seed_report_exports_validate(tmp_path: Path, session_cache: Path) -> None:
    out = tmp_path / "reports"
    result = CliRunner().invoke(cli, ["run", str(CORPUS), "-o", str(out), "--cache-dir", str(session_cache), "-q"])
    assert result.exit_code == 0, result.output
    assert _check_report(out) == 1
    data = json.loads((out / "alignment.json").read_text(encoding="utf-8"))
    assert sum(len(p["links"]) for p in data["pairs"]) > 100
    rows = _csv((out / "alignment.csv").read_text(encoding="utf-8"))
    assert any("loaded_language" in r["change_types"].split() for r in rows)


@pytest.mark.model
def test_multi_event_report_exports_validate(tmp_path: Path, session_cache: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for p in sorted(FOUR.glob("*.txt")):
        shutil.copy(p, corpus / p.name)
    (corpus / "scan.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    out = tmp_path / "reports"
    result = CliRunner().invoke(cli, ["run", str(corpus), "-o", str(out), "--cache-dir", str(session_cache), "-q"])
    assert result.exit_code == 0, result.output
    # the top-level alignment.json and events.json, and each of the four events' alignment.json
    assert _check_report(out) == 1 + 1 + 4
    for folder in sorted((out / "events").iterdir()):
        assert (folder / "changes.csv").is_file() and (folder / "alignment.tei.xml").is_file()


def test_a_run_whose_own_export_breaks_the_schema_fails_and_leaves_the_earlier_report(tmp_path: Path, monkeypatch) -> None:
    import compare.pipeline as pipeline
    from compare.errors import SchemaViolation
    from compare.outputs import report_files

    corpus = hand_corpus()
    out = tmp_path / "reports"
    pipeline.write_report(corpus, out, reference="transcript")  # a valid export is written
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    def broken(corpus: Corpus, reference: str | None = None) -> dict[str, str]:
        files = report_files(corpus, reference)
        data = json.loads(files["alignment.json"])
        data["documents"][0]["units"][0]["end"] += 1  # an offset that no longer matches the unit's text
        return {**files, "alignment.json": json.dumps(data)}

    monkeypatch.setattr(pipeline, "report_files", broken)
    with pytest.raises(SchemaViolation, match="(?s)fault of compare.*units\\[0\\]"):
        pipeline.write_report(corpus, out, reference="transcript")
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
