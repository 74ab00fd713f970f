"""Decode a text file's bytes: byte-order mark, then UTF-8, then the likeliest legacy single-byte encoding."""

from __future__ import annotations

import codecs

from ..errors import InputError

__all__ = ["LEGACY_ENCODINGS", "binary_file_error", "decode_text"]

LEGACY_ENCODINGS = ("cp1252", "latin_1", "cp1251", "koi8_r", "iso8859_15", "cp1250", "iso8859_2")
"""Single-byte encodings the detector chooses among when a file is not UTF-8 (Western, Cyrillic, Central European)."""

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def binary_file_error(display: str, what: str) -> InputError:
    return InputError(
        f"cannot read {display}: it looks like a binary file ({what}). "
        "Remove it from the corpus folder or replace it with the text it should hold."
    )


def decode_text(data: bytes, display: str, encoding: str | None = None) -> tuple[str, str]:
    """Return the decoded text (BOM stripped, newlines kept) and the name of the encoding used.

    ``encoding`` forces one (``--encoding``); otherwise a byte-order mark decides, then UTF-8, then the
    charset-normalizer detector over ``LEGACY_ENCODINGS``.
    """
    if encoding is not None:
        try:
            codec = codecs.lookup(encoding).name
        except LookupError:
            raise InputError(
                f"cannot read {display}: unknown encoding {encoding!r}. Pass a Python codec name such as "
                "utf-8, cp1252, latin-1 or cp1251 to --encoding."
            ) from None
        try:
            text = data.decode(codec)
        except UnicodeDecodeError as exc:
            raise InputError(
                f"cannot read {display}: not {encoding} (byte 0x{data[exc.start]:02x} at offset {exc.start}). "
                "Pass the file's real encoding with --encoding, or leave --encoding out to detect it."
            ) from None
        return text.removeprefix("\ufeff"), codec
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name).removeprefix("\ufeff"), "utf-16" if name == "utf-16" else "utf-8"
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"cannot read {display}: it starts with a {name} byte-order mark but is not valid {name} "
                    f"(offset {exc.start}). Re-save it as UTF-8."
                ) from None
    if b"\x00" in data[:4096]:
        raise binary_file_error(display, "it contains NUL bytes")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        first_bad = exc.start
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
    return data.decode(name), name
