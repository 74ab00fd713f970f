"""Read: a corpus folder (manifest, formats, encodings, HTML pages) -> Documents, and the files not used."""

from __future__ import annotations

from .dates import header_date
from .encodings import LEGACY_ENCODINGS, decode_text
from .folder import KINDS, MANIFEST_NAME, SUPPORTED_SUFFIXES, read_corpus
from .html import BOILERPLATE_REASON, extract_html

__all__ = [
    "BOILERPLATE_REASON",
    "KINDS",
    "LEGACY_ENCODINGS",
    "MANIFEST_NAME",
    "SUPPORTED_SUFFIXES",
    "decode_text",
    "extract_html",
    "header_date",
    "read_corpus",
]
