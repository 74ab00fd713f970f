"""The one writer: every file of a report goes to disk here, through an atomic swap of the whole output folder.

The files are written into a temporary folder beside ``-o`` (``.<name>.compare-tmp-<pid>-…``), which then trades
places with the previous report in one ``renameat2(RENAME_EXCHANGE)`` on Linux, so at every instant ``-o`` holds
either the old or the new report (elsewhere, or where the file system refuses the exchange, two renames). The
temporary folders of a run that was killed are removed by the next run. Every file a report writes gets one
modification time, the same to the nanosecond; a file in an earlier report with any other time was added or
changed by someone, and the run refuses to replace the folder (never deletes it). Every failure is one
``OutputError`` with the fix.
"""

from __future__ import annotations

import ctypes
import json
import os
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path

from .errors import OutputError

__all__ = ["REPORT_MARKER", "check_output_folder", "remove_leftovers", "write_folder"]

REPORT_MARKER = "alignment.json"
"""The file every report has at its top; a folder holding it is an earlier report that a run may replace."""

_SCHEMA_PREFIX = "compare.alignment/"


def _cannot_write(out_dir: Path, why: str) -> OutputError:
    return OutputError(f"cannot write the report to {out_dir}: {why}. Pick a folder you can write to (-o).")


def _is_earlier_report(folder: Path) -> bool:
    try:
        data = json.loads((folder / REPORT_MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and str(data.get("schema", "")).startswith(_SCHEMA_PREFIX)


_TMP_TAG = ".compare-tmp-"
_OLD_TMP = re.compile(r"\A\.(?P<name>.+?)\.(?:old\.)?[a-z0-9_]{8}\Z")
"""Temporary folders of the writer before this one (``tempfile.mkdtemp(prefix=".<name>.")``)."""
_REPORT_NAMES = re.compile(r"\A(?:index\.html|synopsis\.html|pair-.+\.html|alignment\.(?:json|csv)|events\.json"
                           r"|events/[^/]+/(?:index\.html|synopsis\.html|pair-.+\.html|alignment\.(?:json|csv)))\Z")
"""Files of a report written before reports carried one modification time (recognised by name)."""


def _user_files(folder: Path) -> list[str]:
    """Return the files of an earlier report that the report did not write (added or changed by someone since)."""
    files = sorted(p for p in folder.rglob("*") if not p.is_dir() or p.is_symlink())
    try:
        stamp = (folder / REPORT_MARKER).stat().st_mtime_ns
        stamps = {p: p.lstat().st_mtime_ns for p in files}
    except OSError:
        return []
    if sum(1 for p in files if stamps[p] == stamp) >= 2:  # alignment.json and at least one page: this writer's
        foreign = [p for p in files if stamps[p] != stamp]
    else:  # a report of an earlier version: its own files by name
        foreign = [p for p in files if p.is_symlink() or not _REPORT_NAMES.match(p.relative_to(folder).as_posix())]
    return [p.relative_to(folder).as_posix() for p in foreign]


def check_output_folder(corpus_dir: Path, out_dir: Path) -> None:
    """Raise OutputError unless ``out_dir`` may be replaced by a report of ``corpus_dir`` (checked before any work)."""
    c, o = corpus_dir.resolve(), out_dir.resolve()
    if o == c or o.is_relative_to(c):
        raise OutputError(
            f"cannot write the report to {out_dir}: it is inside the corpus folder {corpus_dir}, so the next run "
            "would read the report as a source. Pick an output folder outside it (-o reports)."
        )
    if c.is_relative_to(o):
        raise OutputError(
            f"cannot write the report to {out_dir}: it holds the corpus folder {corpus_dir}, and the report folder is "
            "replaced as a whole. Pick an output folder outside the corpus (-o reports)."
        )
    if o.exists() and not o.is_dir():
        raise OutputError(f"cannot write the report to {out_dir}: a file of that name exists. Pick another -o folder.")
    if o.is_dir() and _is_earlier_report(o):
        mine = _user_files(o)
        if mine:
            shown = ", ".join(mine[:5]) + (f", … ({len(mine)} in all)" if len(mine) > 5 else "")
            raise OutputError(
                f"cannot write the report to {out_dir}: the earlier report there holds files it did not write ({shown}), "
                "and the report folder is replaced as a whole. Move them out of the folder, or pick another -o folder."
            )
    if o.is_dir() and not _is_earlier_report(o):
        others = sorted(p.name for p in o.iterdir())
        if others:
            shown = ", ".join(others[:3]) + (", …" if len(others) > 3 else "")
            raise OutputError(
                f"cannot write the report to {out_dir}: it holds other files ({shown}) and is not an earlier report, "
                "and the report folder is replaced as a whole. Pick a new or empty folder (-o)."
            )


def _fill(folder: Path, files: Mapping[str, str]) -> None:
    stamp = time.time_ns()
    for name in sorted(files):
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(files[name], encoding="utf-8", newline="\n")
    for name in files:  # one time for all: how the next run tells the report's files from anyone else's
        os.utime(folder / name, ns=(stamp, stamp))


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one step (Linux ``renameat2(RENAME_EXCHANGE)``); False where that is not available."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (22, 38, 95):  # EINVAL, ENOSYS, EOPNOTSUPP: this file system or kernel cannot exchange
        return False
    raise OSError(err, os.strerror(err))


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def remove_leftovers(out_dir: Path) -> None:
    """Remove the temporary folders that earlier runs writing ``out_dir`` left when they were killed."""
    parent = out_dir.resolve().parent
    prefix = f".{out_dir.name}{_TMP_TAG}"
    try:
        entries = list(parent.iterdir())
    except OSError:
        return
    for path in entries:
        name = path.name
        if not path.is_dir() or path.is_symlink():
            continue
        if name.startswith(prefix):
            pid = name[len(prefix) :].split("-", 1)[0]
            if pid.isdigit() and not _alive(int(pid)):
                # killed between the two renames of the fallback: the previous report goes back to -o first
                if not out_dir.exists() and _is_earlier_report(path / "previous"):
                    os.replace(path / "previous", out_dir)
                shutil.rmtree(path, ignore_errors=True)
        else:
            m = _OLD_TMP.match(name)
            # an earlier writer's: a half-written report, or a previous report moved aside
            if m and m.group("name") == out_dir.name and (
                _is_earlier_report(path) or _is_earlier_report(path / "previous") or (path / "index.html").exists()
            ):
                shutil.rmtree(path, ignore_errors=True)


def _clean_up(tmp: Path, old: Path | None, out_dir: Path) -> None:
    """After a failed write: drop the half-written folder and put the previous report back if it was moved aside."""
    shutil.rmtree(tmp, ignore_errors=True)
    if old is not None:
        if not out_dir.exists() and (old / "previous").exists():
            os.replace(old / "previous", out_dir)
        shutil.rmtree(old, ignore_errors=True)


def write_folder(out_dir: Path, files: Mapping[str, str]) -> None:
    """Write ``files`` (relative path -> UTF-8 text) as the whole of ``out_dir``, replacing what was there at once."""
    if out_dir.exists() and not out_dir.is_dir():
        raise _cannot_write(out_dir, "a file of that name exists, and it is not replaced")
    parent = out_dir.resolve().parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        remove_leftovers(out_dir)
        tmp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}{_TMP_TAG}{os.getpid()}-", dir=parent))
    except OSError as exc:
        raise _cannot_write(out_dir, str(exc.strerror)) from None
    old: Path | None = None
    try:
        _fill(tmp, files)
        os.chmod(tmp, 0o755)
        if out_dir.exists() and _exchange(tmp, out_dir):
            shutil.rmtree(tmp, ignore_errors=True)  # the previous report, now at the temporary name
            return
        if out_dir.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}{_TMP_TAG}{os.getpid()}-old-", dir=parent))
            os.replace(out_dir, old / "previous")
        os.replace(tmp, out_dir)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except OSError as exc:
        _clean_up(tmp, old, out_dir)
        raise _cannot_write(out_dir, str(exc.strerror)) from None
    except BaseException:
        _clean_up(tmp, old, out_dir)
        raise
