"""The corpus's ``annotations.json``: read and check it against its schema, write it atomically.

The file lives in the corpus folder beside the sources, so a teacher can share it with the corpus. Writing
keeps the version it replaces as ``.annotations.previous.json`` (a dot file, which the reader never takes for
a source); both files are always complete, since each is written beside itself and moved into place.
"""

from __future__ import annotations

import functools
import json
import os
import tempfile
from pathlib import Path
from typing import Any

import jsonschema

from ..errors import InputError, OutputError
from ..export.schema import schema_text

__all__ = [
    "ANNOTATIONS_FILE",
    "PREVIOUS_FILE",
    "SCHEMA",
    "annotations_schema",
    "check_annotations",
    "dump_annotations",
    "empty_annotations",
    "read_annotations",
    "write_annotations",
]

SCHEMA = "compare.annotations/1"
ANNOTATIONS_FILE = "annotations.json"
PREVIOUS_FILE = ".annotations.previous.json"
_FIX = 'Fix it by hand (README, "Correcting and annotating"), or remove it to run without annotations.'


@functools.cache
def annotations_schema() -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of ``compare.annotations/1``."""
    text = schema_text("annotations")  # the one published copy (``compare schema annotations``)
    schema: dict[str, Any] = json.loads(text)
    return schema


def empty_annotations() -> dict[str, Any]:
    """Return the annotations of a corpus nobody has annotated yet."""
    return {"schema": SCHEMA, "links": [], "notes": [], "starred": []}


def _where(path: Any) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "the top level"


def check_annotations(data: Any, display: str) -> dict[str, Any]:
    """Return ``data`` when it is valid ``compare.annotations/1``; raise InputError naming the first faults otherwise."""
    validator = jsonschema.Draft202012Validator(annotations_schema())
    errors = sorted(validator.iter_errors(data), key=lambda e: (list(map(str, e.absolute_path)), e.message))
    if errors:
        shown = "; ".join(f"{_where(e.absolute_path)}: {e.message}" for e in errors[:3])
        more = f" (and {len(errors) - 3} more)" if len(errors) > 3 else ""
        raise InputError(f"cannot use {display}: {shown}{more}. {_FIX}")
    assert isinstance(data, dict)  # the schema says "object"
    return data


def read_annotations(corpus_dir: Path) -> dict[str, Any] | None:
    """Return the checked content of ``corpus_dir/annotations.json``, or None when the corpus has none."""
    path = corpus_dir / ANNOTATIONS_FILE
    display = f"{corpus_dir.name or corpus_dir}/{ANNOTATIONS_FILE}"
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise InputError(f"cannot read {display}: {exc.strerror}. Check that you may read it.") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"cannot use {display}: not UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start}). "
                         "Save it as UTF-8.") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"cannot use {display}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}). "
                         f"{_FIX} The version before the last save by compare serve is {PREVIOUS_FILE}.") from None
    return check_annotations(data, display)


def dump_annotations(data: dict[str, Any]) -> str:
    """Return ``data`` as the text of annotations.json: the schema first, then the three lists, then any other key."""
    known = ("schema", "links", "notes", "starred")
    ordered = {k: data[k] for k in known if k in data} | {k: v for k, v in data.items() if k not in known}
    return json.dumps(ordered, ensure_ascii=False, indent=2) + "\n"


def _replace_with(path: Path, text: bytes) -> None:
    fd, tmp = tempfile.mkstemp(prefix=".annotations.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_annotations(corpus_dir: Path, data: dict[str, Any]) -> Path:
    """Check ``data`` and write it as ``corpus_dir/annotations.json`` at once; keep the replaced version; return the path."""
    display = f"{corpus_dir.name or corpus_dir}/{ANNOTATIONS_FILE}"
    check_annotations(data, display)
    path = corpus_dir / ANNOTATIONS_FILE
    try:
        if path.exists():
            _replace_with(corpus_dir / PREVIOUS_FILE, path.read_bytes())
        _replace_with(path, dump_annotations(data).encode("utf-8"))
    except OSError as exc:
        raise OutputError(f"cannot write {display}: {exc.strerror}. Check that you may write to the corpus folder.") from None
    return path
