"""The published JSON Schemas: valid draft 2020-12, every field described, in step with the code, strict on broken exports."""

from __future__ import annotations

import copy
import json
import typing
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from jsonschema import Draft202012Validator

from compare.classify import CHANGE_TYPES, FLAG_TYPES
from compare.cli import cli
from compare.errors import SchemaViolation
from compare.export import (
    SCHEMA_NAMES,
    alignment_json,
    alignment_problems,
    events_json,
    events_problems,
    load_schema,
    schema_text,
    validate_alignment,
)
from compare.export.schema import schema_problems
from compare.read.folder import KINDS, SUPPORTED_SUFFIXES
from compare.records import Event, UnitStatus
from tools import schema_docs

from .test_export import hand_corpus


@pytest.fixture()
def export() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(alignment_json(hand_corpus()))
    assert alignment_problems(data) == []
    return data


@pytest.mark.parametrize("name", list(SCHEMA_NAMES))
def test_schema_is_draft_2020_12_and_names_its_format(name: str) -> None:
    schema = load_schema(name)
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["properties"]["schema"]["const"] == SCHEMA_NAMES[name]


def _undescribed(spec: Any, where: str) -> list[str]:
    out = []
    if isinstance(spec, dict):
        for field, sub in spec.get("properties", {}).items():
            if "description" not in sub and "$ref" not in sub:
                out.append(f"{where}.{field}")
        for key in ("properties", "$defs"):
            for field, sub in spec.get(key, {}).items():
                out += _undescribed(sub, f"{where}.{field}")
        for key in ("items", "additionalProperties"):
            if isinstance(spec.get(key), dict):
                out += _undescribed(spec[key], f"{where}[]")
        for k, sub in enumerate(spec.get("prefixItems", ())):
            if "description" not in sub:
                out.append(f"{where}[{k}]")
    return out


@pytest.mark.parametrize("name", list(SCHEMA_NAMES))
def test_every_field_has_a_description(name: str) -> None:
    schema = load_schema(name)
    assert _undescribed(schema, name) == []
    assert all("description" in d for d in schema.get("$defs", {}).values())


def test_schema_enums_follow_the_code() -> None:
    defs = load_schema("alignment")["$defs"]
    assert defs["change"]["properties"]["type"]["enum"] == list(CHANGE_TYPES)
    assert defs["flag"]["properties"]["type"]["enum"] == list(FLAG_TYPES)
    assert defs["unit"]["properties"]["status"]["enum"] == list(typing.get_args(UnitStatus))
    assert defs["meta"]["properties"]["kind"]["enum"] == list(KINDS)
    assert set(defs["meta"]["properties"]["format"]["enum"]) == set(SUPPORTED_SUFFIXES.values())


def test_docs_page_is_rendered_from_the_schemas() -> None:
    assert schema_docs.DOCS.read_text(encoding="utf-8") == schema_docs.render(), (
        "docs/schema.md is stale: run python -m tools.schema_docs")


def test_compare_schema_prints_each_schema() -> None:
    runner = CliRunner()
    default = runner.invoke(cli, ["schema"])
    assert default.exit_code == 0 and json.loads(default.output) == load_schema("alignment")
    for name in SCHEMA_NAMES:
        result = runner.invoke(cli, ["schema", name])
        assert result.exit_code == 0 and result.output == schema_text(name)
    bad = runner.invoke(cli, ["schema", "nonsense"])
    assert bad.exit_code == 2 and "'nonsense' is not one of" in bad.output


def _broken(export: dict[str, Any], change: Any) -> list[str]:
    data = copy.deepcopy(export)
    change(data)
    return alignment_problems(data)


def _doc(data: dict[str, Any], doc_id: str) -> dict[str, Any]:
    return next(d for d in data["documents"] if d["id"] == doc_id)


def test_unknown_unit_status_is_rejected(export: dict[str, Any]) -> None:
    problems = _broken(export, lambda d: _doc(d, "readout")["units"][0].update(status="matched"))
    assert problems == [".documents[1].units[0].status: 'matched' is not one of ['aligned', 'unmatched', 'set_aside']"]
    data = copy.deepcopy(export)
    _doc(data, "readout")["units"][0]["status"] = "matched"
    with pytest.raises(SchemaViolation, match=r"1 problem\(s\):\n  \.documents\[1\]\.units\[0\]\.status: 'matched'"):
        validate_alignment(data)


def test_link_to_a_missing_unit_is_rejected(export: dict[str, Any]) -> None:
    def point_away(d: dict[str, Any]) -> None:
        d["pairs"][0]["links"][0]["b"] = [40]

    problems = _broken(export, point_away)
    assert ".pairs[0] (transcript--readout).links[0].b: unit 40 does not exist in readout (3 units)" in problems


def test_link_to_set_aside_text_and_to_a_missing_document_are_rejected(export: dict[str, Any]) -> None:
    assert ".pairs[0] (transcript--readout).links[0].a: unit 0 of transcript is set aside, so it cannot be linked" in (
        _broken(export, lambda d: d["pairs"][0]["links"][0].update(a=[0])))
    assert ".pairs[1] (transcript--gone): names document(s) gone that are not in documents" in (
        _broken(export, lambda d: d["pairs"][1].update(b="gone")))


def test_offsets_out_of_order_are_rejected(export: dict[str, Any]) -> None:
    def swap(d: dict[str, Any]) -> None:
        units = _doc(d, "readout")["units"]
        units[0], units[1] = units[1] | {"id": 0}, units[0] | {"id": 1}

    problems = _broken(export, swap)
    assert ".documents[1] (readout).units[1]: starts at 0, before the previous unit ends (68); units are in text order" in problems
    assert _broken(export, lambda d: _doc(d, "press")["units"][0].update(start=40)) == [
        ".documents[2] (press).units[0]: start 40 is after end 34"]
    assert _broken(export, lambda d: _doc(d, "press")["units"][1].update(id=7)) == [
        ".documents[2] (press).units[1]: id is 7, expected 1 (unit ids are 0..n-1 in text order)"]


def test_status_must_agree_with_the_links(export: dict[str, Any]) -> None:
    problems = _broken(export, lambda d: d["pairs"][1].update(links=[]))
    assert problems == ["document press, unit 0: status is aligned but no link names it"]
    assert _broken(export, lambda d: _doc(d, "forum")["units"][0].update(status="aligned")) == [
        "document forum, unit 0: status is aligned but no link names it"]


def test_reason_goes_with_set_aside_only(export: dict[str, Any]) -> None:
    assert _broken(export, lambda d: _doc(d, "transcript")["units"][0].pop("reason")) == [
        ".documents[0].units[0]: 'reason' is a required property"]
    problems = _broken(export, lambda d: _doc(d, "press")["units"][0].update(reason="why"))
    assert problems and problems[0].startswith(".documents[2].units[0]:")


def test_unknown_fields_types_and_values_are_rejected(export: dict[str, Any]) -> None:
    assert _broken(export, lambda d: d["pairs"][0]["links"][0]["changes"][0].update(type="spin")) == [
        f".pairs[0].links[0].changes[0].type: 'spin' is not one of {list(CHANGE_TYPES)}"]
    assert _broken(export, lambda d: d.update(extra=1)) == [
        "(top level): Additional properties are not allowed ('extra' was unexpected)"]
    assert _broken(export, lambda d: d["pairs"][0]["links"][0].update(confidence=1.5)) == [
        ".pairs[0].links[0].confidence: 1.5 is greater than the maximum of 1"]
    assert _broken(export, lambda d: d["pairs"][0]["links"][0]["edits"].append(["replace", "x"])) == [
        ".pairs[0].links[0].edits[2][0]: 'replace' is not one of ['equal', 'delete', 'insert']"]
    assert _broken(export, lambda d: d["pairs"][0]["links"][0].pop("checked")) == [
        ".pairs[0].links[0]: 'checked' is a required property"]


def test_edits_must_rebuild_both_sides(export: dict[str, Any]) -> None:
    assert _broken(export, lambda d: d["pairs"][0]["links"][0]["edits"].pop()) == [
        ".pairs[0] (transcript--readout).links[0].edits: the equal and insert texts do not rebuild side b's sentences"]


def test_events_and_annotations_must_name_what_exists(export: dict[str, Any]) -> None:
    assert _broken(export, lambda d: _doc(d, "forum").update(event="002-forum")) == [
        "document forum: names event 002-forum that is not in events"]
    assert _broken(export, lambda d: d["events"][0].update(reference="forum")) == [
        "event 001-transcript: its reference forum is not one of its documents"]
    assert _broken(export, lambda d: d["annotations"]["notes"][0].update(unit=9)) == [
        ".annotations.notes[0]: unit 9 does not exist in readout"]
    assert _broken(export, lambda d: d["documents"].append(copy.deepcopy(d["documents"][3]))) == [
        ".documents[4]: id forum is used by an earlier document too"]


def test_events_json_validates_and_rejects_a_document_listed_twice() -> None:
    corpus = hand_corpus()
    corpus = replace(corpus, events=(replace(corpus.events[0], folder="events/001-transcript"),
                                     Event("002-x", ("forum", "press"), "forum", "events/002-x")))
    data = json.loads(events_json(corpus))
    assert schema_problems(data, "events") == []
    assert events_problems(data) == ["document press is listed twice"]
    data["events"][0]["links"] = -1
    assert events_problems(data) == [".events[0].links: -1 is less than the minimum of 0"]


def test_annotations_schema_accepts_the_documented_example_and_rejects_a_bad_verdict() -> None:
    example = {
        "schema": "compare.annotations/1",
        "links": [{"a": {"source": "transcript", "text": "beastly"}, "b": {"source": "readout", "text": "piggery"},
                   "verdict": "right"}],
        "notes": [{"source": "readout", "text": "piggery", "note": "Ask the class <why>."}],
        "starred": [{"source": "readout", "text": "piggery"}],
        "saved_by": "compare serve",
    }
    assert schema_problems(example, "annotations") == []
    example["links"][0]["verdict"] = "maybe"
    assert schema_problems(example, "annotations") == [
        ".links[0].verdict: 'maybe' is not one of ['wrong', 'right', 'add']"]


def test_compare_schema_check_says_whether_a_file_follows_the_schema(tmp_path: Path, export: dict[str, Any]) -> None:
    runner = CliRunner()
    good = tmp_path / "alignment.json"
    good.write_text(json.dumps(export), encoding="utf-8")
    ok = runner.invoke(cli, ["schema", "--check", str(good)])
    assert (ok.exit_code, ok.stdout, ok.stderr) == (0, "", f"{good}: follows compare.alignment/1.\n")
    export["documents"][0]["units"][2]["status"] = "maybe"
    bad = tmp_path / "broken.json"
    bad.write_text(json.dumps(export), encoding="utf-8")
    result = runner.invoke(cli, ["schema", "alignment", "--check", str(bad)])
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == (f"Error: {bad} does not follow compare.alignment/1: 1 problem(s):\n"
                             "  .documents[0].units[2].status: 'maybe' is not one of ['aligned', 'unmatched', 'set_aside']\n")
    (tmp_path / "page.html").write_text("<html>", encoding="utf-8")
    result = runner.invoke(cli, ["schema", "--check", str(tmp_path / "page.html")])
    assert result.exit_code == 1 and result.stderr == (
        f"Error: cannot check {tmp_path / 'page.html'}: not JSON (Expecting value at line 1, column 1). "
        "Pass the JSON file compare wrote.\n")
    result = runner.invoke(cli, ["schema", "--check", str(tmp_path / "missing.json")])
    assert result.exit_code == 1 and "cannot read" in result.stderr and "Check the path." in result.stderr
