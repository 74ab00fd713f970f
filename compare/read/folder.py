"""Read a corpus folder into Documents: manifest, formats, decoding, metadata defaults."""

from __future__ import annotations

import datetime
import hashlib
import os
import re
import stat
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..records import Document, Rejected, Source
from .dates import header_date
from .encodings import check_encoding, decode_text
from .formats import read_docx, read_pdf
from .html import extract_html
from .limits import Limits, estimate_sentences, over_limit

__all__ = ["KINDS", "MANIFEST_NAME", "SUPPORTED_SUFFIXES", "read_corpus"]

MANIFEST_NAME = "sources.toml"
SUPPORTED_SUFFIXES = {
    ".txt": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html", ".pdf": "pdf",
    ".docx": "docx",
}
KINDS = ("transcript", "readout", "press", "other")
_MANIFEST_KEYS = {"id", "file", "title", "outlet", "kind", "language", "date"}
_SLUG_STRIP = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class _Entry:
    """One manifest entry before its file is read."""

    file: str
    values: dict[str, str]


_SLUG_MAX = 48
"""Longest id made from a file name: a longer one keeps its start and gets a hash of the whole (file names and page
names stay short whatever the file is called)."""


def _slug(name: str) -> str:
    slug = _SLUG_STRIP.sub("-", name.lower()).strip("-") or "source"
    if len(slug) > _SLUG_MAX:
        slug = slug[: _SLUG_MAX - 9].rstrip("-") + "-" + hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return slug


def _read_file(
    data: bytes, fmt: str, display: str, encoding: str | None, limits: Limits
) -> tuple[str, str, dict[str, str], tuple[tuple[int, int, str], ...], tuple[str, ...]]:
    """Return (text, how it was read, page metadata, spans to set aside, notices) for one file's bytes."""
    if fmt == "pdf":
        return read_pdf(data, display, limits.expanded_bytes), "pdf text layer", {}, (), ()
    if fmt == "docx":
        return read_docx(data, display, limits.expanded_bytes), "docx", {}, (), ()
    decoded = decode_text(data, display, encoding)
    text, used = decoded.text, decoded.encoding
    if fmt == "html":
        text, meta, asides = extract_html(text, display)
        return text, used, meta, asides, decoded.notices
    return text, used, {}, (), decoded.notices


def _read_manifest(folder: Path, display_root: str) -> list[_Entry]:
    path = folder / MANIFEST_NAME
    if not path.is_file():
        return []
    where = f"{display_root}/{MANIFEST_NAME}"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read {where}: {exc}. Fix the TOML syntax or remove the file.") from None
    raw = data.get("source", [])
    if not isinstance(raw, list):
        raise InputError(f"cannot read {where}: expected [[source]] tables. See README.md for the format.")
    entries: list[_Entry] = []
    root = folder.resolve()
    for n, item in enumerate(raw, 1):
        if not isinstance(item, dict) or not isinstance(item.get("file"), str):
            raise InputError(f"cannot read {where}: source #{n} has no file = \"...\" entry. Add the file name.")
        file = item["file"]
        target = (folder / file).resolve()
        if not target.is_relative_to(root) or target.parent != root:
            raise InputError(
                f"cannot use {where}: source #{n} points to {file!r}, which is not a file directly inside "
                f"{display_root}/. Move the file into the corpus folder and give its bare name."
            )
        kind = str(item.get("kind", "other"))
        if kind not in KINDS:
            raise InputError(
                f"cannot use {where}: source #{n} ({file}) has kind = {kind!r}; use one of {', '.join(KINDS)}."
            )
        entries.append(_Entry(file=file, values=_manifest_values(item, f"{where}: source #{n} ({file})")))
    files = [e.file for e in entries]
    dupes = sorted({f for f in files if files.count(f) > 1})
    if dupes:
        raise InputError(f"cannot use {where}: {dupes[0]} is listed more than once. Keep one entry per file.")
    return entries


def _manifest_values(item: dict[str, object], where: str) -> dict[str, str]:
    """A manifest entry's values as text; refuse a described value (id, title, ...) that is not text, an empty id and a
    date that is no calendar date (a TOML date, or text as YYYY-MM-DD), each with the fix."""
    values: dict[str, str] = {}
    for key, value in item.items():
        if key == "date" and isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
            value = value.isoformat()
        if key in _MANIFEST_KEYS and not isinstance(value, str):
            raise InputError(f"cannot use {where}: {key} = {value!r} is not text. Write it in quotes: {key} = \"...\".")
        values[key] = str(value)
    if "id" in values and not values["id"].strip():
        raise InputError(f"cannot use {where}: id is empty. Give it a short name, or leave id out to use the file name.")
    date = values.get("date", "")
    if date and not _is_calendar_date(date):
        raise InputError(
            f"cannot use {where}: date = {date!r} is not a date. Write it as YYYY-MM-DD (date = \"2022-03-11\"), or "
            "leave it out to use a date header line of the text."
        )
    return values


def _is_calendar_date(text: str) -> bool:
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return len(text) == 10


def _default_title(path: Path, text: str, fmt: str) -> str:
    if fmt == "markdown":
        for line in text.splitlines():
            if line.startswith("# "):
                return line[2:].strip()
    return path.stem.replace("_", " ")


def _make_source(
    path: Path, shown: str, text: str, fmt: str, values: dict[str, str], used_ids: set[str], meta_title: str = ""
) -> Source:
    header = header_date(text)
    sid = values.get("id") or _slug(Path(shown).stem)
    base, n = sid, 2
    while sid in used_ids:
        sid, n = f"{base}-{n}", n + 1
    used_ids.add(sid)
    extra = tuple(sorted((k, v) for k, v in values.items() if k not in _MANIFEST_KEYS))
    return Source(
        id=sid,
        file=shown,
        title=values.get("title") or meta_title or _default_title(Path(shown), text, fmt),
        outlet=values.get("outlet", ""),
        kind=values.get("kind", "other"),
        language=values.get("language", "en"),
        date=values.get("date") or (header[0] if header else ""),
        extra=extra,
    )


def _shown(name: str) -> str:
    """Return a file name as it can be printed and written to JSON: bytes that are not UTF-8 as ``\\xNN``."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


_NOT_REGULAR = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
                (stat.S_ISBLK, "a block device"))


def _regular_file(path: Path, root: Path, display: str) -> None:
    """Raise InputError unless ``path`` is a regular file, or a link to one inside ``root`` (nothing outside is read)."""
    try:
        info = path.lstat()
        if stat.S_ISLNK(info.st_mode):
            target = path.resolve()
            if not target.is_relative_to(root):
                raise InputError(
                    f"skipped {display}: a link to a file outside the corpus folder, and compare reads nothing outside "
                    "it. Copy the file itself into the folder."
                )
            info = target.stat()
    except OSError as exc:
        raise InputError(f"cannot read {display}: {exc.strerror}. Check that the file exists and that you may read it.") from None
    if not stat.S_ISREG(info.st_mode):
        what = next((w for test, w in _NOT_REGULAR if test(info.st_mode)), "not a regular file")
        raise InputError(f"skipped {display}: {what}, not a regular file, and compare reads only files. Remove it from the folder.")


def _read_bytes(path: Path, display: str, limit: int) -> bytes:
    """Read a regular file without ever blocking (a FIFO swapped in after the check is refused, not waited on)."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise InputError(f"skipped {display}: not a regular file, and compare reads only files. Remove it from the folder.")
        if info.st_size > limit:
            raise over_limit(display, "its size in bytes is", info.st_size, limit, "--max-file-bytes")
        with os.fdopen(fd, "rb", closefd=False) as fh:
            data = fh.read(limit + 1)
    finally:
        os.close(fd)
    if len(data) > limit:
        raise over_limit(display, "its size in bytes is over", limit, limit, "--max-file-bytes")
    return data


def read_corpus(
    folder: Path,
    encoding: str | None = None,
    *,
    limits: Limits | None = None,
    notice: Callable[[str], None] | None = None,
) -> tuple[list[Document], list[Rejected]]:
    """Read every supported file of ``folder`` (sorted by name); return the usable Documents and the rejected files.

    ``encoding`` forces the encoding of text files (.txt, .md, .html); by default it is detected per file.
    A file byte-for-byte identical to an earlier one is rejected: comparing a text with itself shows nothing.
    Only regular files directly in ``folder`` are read (or links whose target lies inside it); a file over one of
    ``limits`` is rejected before it is parsed. ``notice`` receives what the user should know about a file that is
    used all the same (bytes that are not UTF-8 replaced, NUL characters).
    """
    limits = limits or Limits()
    display_root = _shown(folder.name or str(folder))
    if not folder.exists():
        raise InputError(f"cannot read corpus {folder}: no such folder. Give the folder that holds the source files.")
    if not folder.is_dir():
        raise InputError(f"cannot read corpus {folder}: not a folder. Give the folder that holds the source files.")
    if encoding is not None:
        check_encoding(encoding)
    root = folder.resolve()
    entries = {e.file: e for e in _read_manifest(folder, display_root)}
    for name in entries:
        if not (folder / name).is_file():
            raise InputError(
                f"cannot use {display_root}/{MANIFEST_NAME}: it lists {_shown(name)}, which is not in {display_root}/. "
                "Fix the file name or remove the entry."
            )
    docs: list[Document] = []
    rejected: list[Rejected] = []
    seen_bytes: dict[str, str] = {}
    used_ids: set[str] = set()
    # Manifest ids are claimed first so that a file without an entry cannot take one.
    used_ids.update(e.values["id"] for e in entries.values() if "id" in e.values)
    ids_seen: set[str] = set()
    for e in entries.values():
        if "id" in e.values:
            if e.values["id"] in ids_seen:
                raise InputError(
                    f"cannot use {display_root}/{MANIFEST_NAME}: id {e.values['id']!r} is used twice. Give each source its own id."
                )
            ids_seen.add(e.values["id"])
    for path in sorted(folder.iterdir(), key=lambda p: p.name):
        if path.name.startswith(".") or path.name == MANIFEST_NAME:
            continue
        if path.is_dir() and not path.is_symlink():
            continue
        shown = _shown(path.name)
        display = f"{display_root}/{shown}"
        fmt = SUPPORTED_SUFFIXES.get(path.suffix.lower())
        if fmt is None:
            if path.is_symlink() and path.is_dir():
                continue
            suffix = _shown(path.suffix) or "(none)"
            rejected.append(Rejected(shown, f"skipped {display}: unsupported file type {suffix}; "
                                            f"compare reads {', '.join(sorted(SUPPORTED_SUFFIXES))}."))
            continue
        entry = entries.get(path.name)
        values = dict(entry.values) if entry else {}
        if "id" in values:
            used_ids.discard(values["id"])
        try:
            _regular_file(path, root, display)
            data = _read_bytes(path, display, limits.file_bytes)
            digest = hashlib.sha256(data).hexdigest()
            if digest in seen_bytes:
                raise InputError(
                    f"skipped {display}: byte-for-byte identical to {display_root}/{seen_bytes[digest]}, and a text "
                    "compared with itself shows nothing. Remove one of the two copies."
                )
            text, used, meta, asides, notes = _read_file(data, fmt, display, encoding, limits)
            meta_title = meta.get("title", "")
            for key in ("date", "url"):
                if meta.get(key) and key not in values:
                    values[key] = meta[key]
            if not text.strip():
                raise InputError(f"cannot use {display}: it holds no text (empty or only whitespace). Remove it or fill it.")
            n = estimate_sentences(text)
            if n > limits.sentences:
                raise over_limit(display, "its sentences number about", n, limits.sentences, "--max-sentences")
        except OSError as exc:
            rejected.append(Rejected(shown, f"cannot read {display}: {exc.strerror}. Check that the file exists and that you may read it."))
            continue
        except InputError as exc:
            rejected.append(Rejected(shown, str(exc)))
            continue
        if notice is not None:
            for note in notes:
                notice(note)
        seen_bytes[digest] = shown
        source = _make_source(path, shown, text, fmt, values, used_ids, meta_title)
        docs.append(Document(source=source, path=display, text=text, format=fmt, encoding=used, asides=asides))
    return docs, rejected
