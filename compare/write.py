"""The one writer: every file of a report goes to disk here, through an atomic swap of the whole output folder.

The files are written into a temporary folder beside ``-o``, which is then moved into place, so a failed or
interrupted run leaves the previous report as it was. Every failure is one ``OutputError`` with the fix.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path

from .errors import OutputError

__all__ = ["REPORT_MARKER", "check_output_folder", "write_folder"]

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
    if o.is_dir() and not _is_earlier_report(o):
        others = sorted(p.name for p in o.iterdir())
        if others:
            shown = ", ".join(others[:3]) + (", …" if len(others) > 3 else "")
            raise OutputError(
                f"cannot write the report to {out_dir}: it holds other files ({shown}) and is not an earlier report, "
                "and the report folder is replaced as a whole. Pick a new or empty folder (-o)."
            )


def _fill(folder: Path, files: Mapping[str, str]) -> None:
    for name in sorted(files):
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(files[name], encoding="utf-8", newline="\n")


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
        tmp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.", dir=parent))
    except OSError as exc:
        raise _cannot_write(out_dir, str(exc.strerror)) from None
    old: Path | None = None
    try:
        _fill(tmp, files)
        os.chmod(tmp, 0o755)
        if out_dir.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.old.", dir=parent))
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
