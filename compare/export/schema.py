"""The published JSON Schemas (``schemas/*.schema.json``, draft 2020-12) and the checks they cannot express.

``validate_alignment`` runs the schema, then the cross-field rules of ``compare.alignment/1``: unit ids 0..n-1,
offsets inside the text and in order, every link naming sentences that exist (and are not set aside), each unit's
status agreeing with the links, the edits rebuilding both sides, pairs, events and annotations naming documents that
exist.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import InputError, SchemaViolation

__all__ = [
    "SCHEMA_NAMES",
    "alignment_problems",
    "check_file",
    "events_problems",
    "load_schema",
    "schema_problems",
    "schema_text",
    "validate_alignment",
    "validate_events",
]

SCHEMA_NAMES: dict[str, str] = {
    "alignment": "compare.alignment/1",
    "events": "compare.events/1",
    "annotations": "compare.annotations/1",
}
"""Short name (``compare schema NAME``) -> the ``schema`` value of the files it describes."""

_MAX_SHOWN = 20


def schema_text(name: str) -> str:
    """Return the packaged schema ``name`` (a key of ``SCHEMA_NAMES``) as JSON text."""
    if name not in SCHEMA_NAMES:
        raise KeyError(name)
    return resources.files("compare.export").joinpath("schemas", f"{name}.schema.json").read_text(encoding="utf-8")


def load_schema(name: str) -> dict[str, Any]:
    """Return the packaged schema ``name`` as a dict."""
    data: dict[str, Any] = json.loads(schema_text(name))
    return data


def _where(path: Any) -> str:
    return "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path) or "(top level)"


def schema_problems(data: Any, name: str) -> list[str]:
    """Return what in ``data`` breaks the schema ``name``, one message per error (JSON path: what is wrong)."""
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(load_schema(name))
    errors = sorted(validator.iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path])
    return [f"{_where(e.absolute_path)}: {e.message}" for e in errors]


def _units_problems(d: int, doc: dict[str, Any]) -> Iterator[str]:
    where = f".documents[{d}] ({doc['id']})"
    end = 0
    for k, unit in enumerate(doc["units"]):
        if unit["id"] != k:
            yield f"{where}.units[{k}]: id is {unit['id']}, expected {k} (unit ids are 0..n-1 in text order)"
        if unit["start"] > unit["end"]:
            yield f"{where}.units[{k}]: start {unit['start']} is after end {unit['end']}"
        elif unit["end"] - unit["start"] != len(unit["text"]):
            yield (f"{where}.units[{k}]: end - start is {unit['end'] - unit['start']} but the text has "
                   f"{len(unit['text'])} characters")
        if unit["start"] < end:
            yield f"{where}.units[{k}]: starts at {unit['start']}, before the previous unit ends ({end}); units are in text order"
        end = max(end, unit["end"])
    for f, flag in enumerate(doc["flags"]):
        if flag["start"] > flag["end"]:
            yield f"{where}.flags[{f}]: start {flag['start']} is after end {flag['end']}"


def _side_problems(where: str, ids: list[int], doc: dict[str, Any]) -> Iterator[str]:
    units = doc["units"]
    for i in ids:
        if i >= len(units):
            yield f"{where}: unit {i} does not exist in {doc['id']} ({len(units)} units)"
        elif units[i]["status"] == "set_aside":
            yield f"{where}: unit {i} of {doc['id']} is set aside, so it cannot be linked"
    if ids != list(range(ids[0], ids[0] + len(ids))):
        yield f"{where}: units {ids} are not adjacent and ascending"


def _edits_problems(where: str, link: dict[str, Any], da: dict[str, Any], db: dict[str, Any]) -> Iterator[str]:
    if not link["edits"] or max(link["a"]) >= len(da["units"]) or max(link["b"]) >= len(db["units"]):
        return
    text_a = " ".join(da["units"][i]["text"] for i in link["a"])
    text_b = " ".join(db["units"][j]["text"] for j in link["b"])
    if "".join(t for op, t in link["edits"] if op != "insert") != text_a:
        yield f"{where}.edits: the equal and delete texts do not rebuild side a's sentences"
    if "".join(t for op, t in link["edits"] if op != "delete") != text_b:
        yield f"{where}.edits: the equal and insert texts do not rebuild side b's sentences"


def _pairs_problems(data: dict[str, Any], docs: dict[str, dict[str, Any]]) -> Iterator[str]:
    linked: dict[str, set[int]] = {d: set() for d in docs}
    for p, pair in enumerate(data["pairs"]):
        where = f".pairs[{p}] ({pair['a']}--{pair['b']})"
        missing = [x for x in (pair["a"], pair["b"]) if x not in docs]
        if missing:
            yield f"{where}: names document(s) {', '.join(missing)} that are not in documents"
            continue
        if pair["a"] == pair["b"]:
            yield f"{where}: a document is paired with itself"
        for kind in ("links", "possible"):
            for n, link in enumerate(pair[kind]):
                here = f"{where}.{kind}[{n}]"
                yield from _side_problems(f"{here}.a", link["a"], docs[pair["a"]])
                yield from _side_problems(f"{here}.b", link["b"], docs[pair["b"]])
                if kind == "links":
                    linked[pair["a"]].update(link["a"])
                    linked[pair["b"]].update(link["b"])
                    yield from _edits_problems(here, link, docs[pair["a"]], docs[pair["b"]])
    for doc_id, doc in docs.items():
        for unit in doc["units"]:
            status, is_linked = unit["status"], unit["id"] in linked[doc_id]
            if status == "aligned" and not is_linked:
                yield f"document {doc_id}, unit {unit['id']}: status is aligned but no link names it"
            if status == "unmatched" and is_linked:
                yield f"document {doc_id}, unit {unit['id']}: status is unmatched but a link names it"


def _events_problems(data: dict[str, Any], docs: dict[str, dict[str, Any]]) -> Iterator[str]:
    events = {e["id"]: e for e in data["events"]}
    if len(events) != len(data["events"]):
        yield ".events: two events have the same id"
    for e in data["events"]:
        for doc_id in e["documents"]:
            if doc_id not in docs:
                yield f"event {e['id']}: document {doc_id} is not in documents"
            elif docs[doc_id]["event"] != e["id"]:
                yield f"event {e['id']}: document {doc_id} names event {docs[doc_id]['event']!r}"
        if e["reference"] not in e["documents"]:
            yield f"event {e['id']}: its reference {e['reference']} is not one of its documents"
    for doc_id, doc in docs.items():
        if doc["event"] is not None and doc["event"] not in events:
            yield f"document {doc_id}: names event {doc['event']} that is not in events"


def _annotations_problems(data: dict[str, Any], docs: dict[str, dict[str, Any]]) -> Iterator[str]:
    ann = data["annotations"]
    for kind in ("notes", "starred"):
        for n, item in enumerate(ann[kind]):
            doc = docs.get(item["source"])
            if doc is None:
                yield f".annotations.{kind}[{n}]: document {item['source']} is not in documents"
            elif item["unit"] >= len(doc["units"]):
                yield f".annotations.{kind}[{n}]: unit {item['unit']} does not exist in {item['source']}"


def alignment_problems(data: Any) -> list[str]:
    """Return what is wrong with ``data`` as a ``compare.alignment/1`` export (empty when it is valid)."""
    problems = schema_problems(data, "alignment")
    if problems:  # the cross-field rules below assume the shapes the schema guarantees
        return problems
    docs: dict[str, dict[str, Any]] = {}
    for d, doc in enumerate(data["documents"]):
        if doc["id"] in docs:
            problems.append(f".documents[{d}]: id {doc['id']} is used by an earlier document too")
        docs[doc["id"]] = doc
        problems.extend(_units_problems(d, doc))
    problems.extend(_pairs_problems(data, docs))
    problems.extend(_events_problems(data, docs))
    problems.extend(_annotations_problems(data, docs))
    return problems


def events_problems(data: Any) -> list[str]:
    """Return what is wrong with ``data`` as a ``compare.events/1`` file (empty when it is valid)."""
    problems = schema_problems(data, "events")
    if not problems:
        listed = [d for e in data["events"] for d in e["documents"]] + data["unrelated"]
        problems.extend(f"document {d} is listed twice" for d in sorted({d for d in listed if listed.count(d) > 1}))
    return problems


def _raise(problems: list[str], what: str) -> None:
    if problems:
        shown = "\n  ".join(problems[:_MAX_SHOWN])
        more = f"\n  ... and {len(problems) - _MAX_SHOWN} more" if len(problems) > _MAX_SHOWN else ""
        raise SchemaViolation(f"{what}: {len(problems)} problem(s):\n  {shown}{more}")


def validate_alignment(data: Any, *, what: str = "alignment.json does not follow compare.alignment/1") -> None:
    """Raise ``SchemaViolation`` listing every problem when ``data`` is not a valid ``compare.alignment/1`` export."""
    _raise(alignment_problems(data), what)


def validate_events(data: Any, *, what: str = "events.json does not follow compare.events/1") -> None:
    """Raise ``SchemaViolation`` listing every problem when ``data`` is not a valid ``compare.events/1`` file."""
    _raise(events_problems(data), what)


def check_file(path: Path, name: str) -> None:
    """Read the JSON file ``path`` and raise ``SchemaViolation`` unless it follows schema ``name`` and its rules."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}. Check the path.") from None
    except UnicodeDecodeError:
        raise InputError(f"cannot check {path}: it is not UTF-8 text. Pass the JSON file compare wrote.") from None
    except json.JSONDecodeError as exc:
        raise InputError(f"cannot check {path}: not JSON ({exc.msg} at line {exc.lineno}, column {exc.colno}). "
                         "Pass the JSON file compare wrote.") from None
    what = f"{path} does not follow {SCHEMA_NAMES[name]}"
    problems = {"alignment": alignment_problems, "events": events_problems}.get(name)
    _raise(problems(data) if problems else schema_problems(data, name), what)
