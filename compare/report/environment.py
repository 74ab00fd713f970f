"""The one jinja2 environment of the report pages: autoescape, strict undefined, packaged CSS/JS and its CSP hash."""

from __future__ import annotations

import base64
import functools
import hashlib
import re
from importlib import resources

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from ..classify import CHANGE_TYPES, FLAG_TYPES
from .marks import CHANGE_ORDER

__all__ = ["environment", "script_hash", "static_text"]


_CHANGE_SYMBOLS = {
    "loaded_language": "!",
    "meaning": "≠",
    "quote": "❝",
    "number": "#",
    "speaker": "@",
    "hedge": "~",
    "wording": "✎",
}


# Unicode direction controls in source text could reorder what a reader sees (a file name or a quote shown
# backwards), and C0/C1 control characters (NUL among them) are invisible or break a page; both are shown as
# visible markers instead. Tab, newline and carriage return stay. Only the displayed copy changes, never the data.
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _show_controls(value: object) -> object:
    if isinstance(value, str) and not isinstance(value, Markup) and _BIDI.search(value):
        return _BIDI.sub(lambda m: f"[U+{ord(m.group()):04X}]", value)
    return value


@functools.cache
def environment() -> Environment:
    """Return the one jinja2 environment of the report pages (autoescape, strict, packaged CSS/JS and CSP hash)."""
    env = Environment(
        loader=PackageLoader("compare.report", "templates"),
        autoescape=True,
        finalize=_show_controls,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals.update(
        css=static_text("report.css"),
        js=static_text("report.js"),
        script_hash=script_hash(),
        change_types=CHANGE_ORDER,
        change_rules=CHANGE_TYPES,
        change_symbols=_CHANGE_SYMBOLS,
        flag_rules=FLAG_TYPES,
    )
    return env


@functools.cache
def static_text(name: str) -> Markup:
    text = (resources.files("compare.report") / "static" / name).read_text(encoding="utf-8")
    # Inlined verbatim into <style>/<script>; our own files, never source text, so marking them safe is sound.
    if "</" in text:
        raise ValueError(f"{name} must not contain '</' (it is inlined into the page)")
    return Markup(text)


@functools.cache
def script_hash() -> str:
    """Return the CSP source allowing exactly the inlined report.js (and no other script)."""
    digest = hashlib.sha256(str(static_text("report.js")).encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")
