"""Read: a corpus folder (manifest, formats, encodings, HTML pages) -> Documents, and the files not used."""

from __future__ import annotations

from .dates import header_date
from .encodings import LEGACY_ENCODINGS, Decoded, check_encoding, decode_text
from .folder import KINDS, MANIFEST_NAME, SUPPORTED_SUFFIXES, read_corpus
from .html import BOILERPLATE_REASON, extract_html
from .limits import Limits, shorten

__all__ = [
    "BOILERPLATE_REASON",
    "KINDS",
    "LEGACY_ENCODINGS",
    "MANIFEST_NAME",
    "SUPPORTED_SUFFIXES",
    "Decoded",
    "check_encoding",
    "decode_text",
    "Limits",
    "shorten",
    "extract_html",
    "header_date",
    "read_corpus",
]
