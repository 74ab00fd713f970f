"""Decode a text file's bytes: byte-order mark, then UTF-8, then the likeliest legacy single-byte encoding."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from ..errors import InputError

__all__ = ["LEGACY_ENCODINGS", "Decoded", "binary_file_error", "check_encoding", "decode_text"]

LEGACY_ENCODINGS = ("cp1252", "latin_1", "cp1251", "koi8_r", "iso8859_15", "cp1250", "iso8859_2")
"""Single-byte encodings the detector chooses among when a file is not UTF-8 (Western, Cyrillic, Central European)."""

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


# A UTF-8 sequence of two to four bytes (no overlongs, no surrogates): evidence that a file is UTF-8.
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}|\xed[\x80-\x9f][\x80-\xbf]"
    rb"|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
_NUL_SHARE = 0.001
"""A file whose NUL bytes are more than this share of it (or that has one in its first 4 KB) is binary."""


@dataclass(frozen=True)
class Decoded:
    """A text file's decoded text and what the user should know about it."""

    text: str
    """The text every offset indexes (BOM stripped, newlines kept; bytes that could not be decoded as U+FFFD)."""
    encoding: str
    """The codec used (``meta.encoding`` in the JSON)."""
    notices: tuple[str, ...] = ()
    """One line per thing worth telling: bytes replaced, NUL characters kept."""


def check_encoding(encoding: str) -> str:
    """Return the codec name of ``--encoding``; InputError when it is unknown or not a text encoding (rot13, base64)."""
    try:
        info = codecs.lookup(encoding)
    except LookupError:
        raise InputError(
            f"unknown encoding {encoding!r} (--encoding). Pass a Python codec name such as "
            "utf-8, cp1252, latin-1 or cp1251 to --encoding, or leave it out to detect each file's encoding."
        ) from None
    if not getattr(info, "_is_text_encoding", True):
        raise InputError(
            f"--encoding {encoding!r} is not a text encoding (it turns bytes into bytes, or text into text). Pass the "
            "character set the files are saved in, such as utf-8, cp1252, latin-1 or cp1251, or leave it out to detect it."
        )
    return info.name


def _mostly_utf8(data: bytes, bad: int) -> bool:
    """Whether a file that is not valid UTF-8 still reads as UTF-8: more valid multi-byte sequences than bad bytes."""
    return len(_UTF8_MULTIBYTE.findall(data)) > bad


def _undecodable(data: bytes) -> list[int]:
    """Return the offsets of the bytes that are not part of a valid UTF-8 sequence."""
    bad: list[int] = []
    pos = 0
    while True:
        try:
            data[pos:].decode("utf-8")
            return bad
        except UnicodeDecodeError as exc:
            bad.extend(range(pos + exc.start, pos + exc.end))
            pos += exc.end


def _nul_notice(text: str, display: str) -> tuple[str, ...]:
    n = text.count("\x00")
    if not n:
        return ()
    return (f"{display}: {n} NUL character(s) kept in the text (first at offset {text.index(chr(0))}); the report "
            "shows each as a visible marker. Re-save the file without them if they are not meant to be there.",)


def binary_file_error(display: str, what: str) -> InputError:
    return InputError(
        f"cannot read {display}: it looks like a binary file ({what}). "
        "Remove it from the corpus folder or replace it with the text it should hold."
    )


def decode_text(data: bytes, display: str, encoding: str | None = None) -> Decoded:
    """Return the decoded text (BOM stripped, newlines kept), the encoding used and the notices about it.

    ``encoding`` forces one (``--encoding``); otherwise a byte-order mark decides, then UTF-8, then the
    charset-normalizer detector over ``LEGACY_ENCODINGS``. A file that is UTF-8 but for a few bytes stays UTF-8:
    each bad byte becomes U+FFFD at its place (so offsets stay exact) and a notice names where, never a silent
    switch of codec.
    """
    if encoding is not None:
        codec = check_encoding(encoding)
        try:
            text = data.decode(codec)
        except UnicodeDecodeError as exc:
            raise InputError(
                f"cannot read {display}: not {encoding} (byte 0x{data[exc.start]:02x} at offset {exc.start}). "
                "Pass the file's real encoding with --encoding, or leave --encoding out to detect it."
            ) from None
        text = text.removeprefix("\ufeff")
        return Decoded(text, codec, _nul_notice(text, display))
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(name).removeprefix("\ufeff")
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"cannot read {display}: it starts with a {name} byte-order mark but is not valid {name} "
                    f"(offset {exc.start}). Re-save it as UTF-8."
                ) from None
            return Decoded(text, "utf-16" if name == "utf-16" else "utf-8", _nul_notice(text, display))
    if b"\x00" in data[:4096] or data.count(b"\x00") > _NUL_SHARE * len(data):
        raise binary_file_error(display, "it contains NUL bytes")
    try:
        text = data.decode("utf-8")
        return Decoded(text, "utf-8", _nul_notice(text, display))
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    bad = _undecodable(data)
    if _mostly_utf8(data, len(bad)):
        text = data.decode("utf-8", errors="replace")
        shown = ", ".join(f"0x{data[b]:02x} at byte {b}" for b in bad[:3]) + (", …" if len(bad) > 3 else "")
        first = text.index("\ufffd") if "\ufffd" in text else 0
        note = (f"{display}: {len(bad)} byte(s) are not UTF-8 ({shown}) in a file that is otherwise UTF-8; each is shown "
                f"as \ufffd (first at character {first}). Re-save the file as UTF-8 to keep those characters.")
        return Decoded(text, "utf-8", (note, *_nul_notice(text, display)))
    from charset_normalizer import (
        from_bytes,  # lazy: only legacy files need the detector
    )

    matches = from_bytes(data, cp_isolation=list(LEGACY_ENCODINGS))
    best = matches.best()
    if best is None or best.chaos > 0.3:
        raise InputError(
            f"cannot read {display}: not UTF-8 (byte 0x{data[first_bad]:02x} at offset {first_bad}) and no "
            "single-byte encoding fits it. Re-save it as UTF-8, or pass its encoding with --encoding (e.g. cp1252)."
        )
    # Several single-byte encodings often fit about as well (cp1250 and cp1252 for French or English text): take
    # the most common one, in LEGACY_ENCODINGS order, among those the detector finds as clean as its best.
    fitting = {
        codecs.lookup(e).name for m in matches if m.chaos <= best.chaos + 0.02 for e in (m.encoding, *m.could_be_from_charset)
    }
    name = next((codecs.lookup(e).name for e in LEGACY_ENCODINGS if codecs.lookup(e).name in fitting),
                codecs.lookup(best.encoding).name)
    text = data.decode(name)
    return Decoded(text, name, _nul_notice(text, display))
