"""Turn a source file's bytes into text: encodings detected, PDF text layers and Word documents read.

Each reader returns the text every offset will index and a short name of how it was read (the encoding, or
``pdf text layer`` / ``docx``), shown in the report. Failures are ``InputError`` naming the file, the cause
and the fix.
"""

from __future__ import annotations

import codecs
import io
import re

from .errors import InputError

__all__ = ["LEGACY_ENCODINGS", "decode_text", "read_docx", "read_pdf"]

LEGACY_ENCODINGS = ("cp1252", "latin_1", "cp1251", "koi8_r", "iso8859_15", "cp1250", "iso8859_2")
"""Single-byte encodings the detector chooses among when a file is not UTF-8 (Western, Cyrillic, Central European)."""

_ENDS_SENTENCE = re.compile(r"[.!?…:;\"”’)\]]$")
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def _binary(display: str, what: str) -> InputError:
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
        raise _binary(display, "it contains NUL bytes")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    from charset_normalizer import from_bytes  # lazy: only legacy files need the detector

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


def read_pdf(data: bytes, display: str) -> str:
    """Return the text layer of a PDF: lines of a text block joined by spaces, blocks by blank lines."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTTextContainer
    from pdfminer.pdfparser import PDFSyntaxError

    blocks: list[str] = []
    try:
        for page in extract_pages(io.BytesIO(data)):
            first_on_page = True
            for element in page:
                if isinstance(element, LTTextContainer):
                    lines = [" ".join(line.split()) for line in element.get_text().splitlines()]
                    block = _join_lines([ln for ln in lines if ln])
                    if not block:
                        continue
                    # A paragraph running on over a page break: the page ends mid-sentence, the next starts lower-case.
                    if first_on_page and blocks and not _ENDS_SENTENCE.search(blocks[-1]) and block[:1].islower():
                        blocks[-1] = _join_lines([blocks[-1], block])
                    else:
                        blocks.append(block)
                    first_on_page = False
    except PDFSyntaxError as exc:
        raise InputError(f"cannot read {display}: not a readable PDF ({exc}). Save it again as PDF, or as text.") from None
    except Exception as exc:  # noqa: BLE001 - untrusted bytes: pdfminer raises many types (PSEOF, KeyError, ...)
        raise InputError(
            f"cannot read {display}: damaged PDF ({type(exc).__name__}: {exc}). Save it again as PDF, or as text."
        ) from None
    if not blocks:
        raise InputError(
            f"cannot use {display}: the PDF has no text layer (a scan?). Run it through OCR, or paste its text into a .txt file."
        )
    return "\n\n".join(blocks) + "\n"


def _join_lines(lines: list[str]) -> str:
    """Join a block's lines, mending words hyphenated across a line break ("sanc-" + "tions")."""
    out = ""
    for line in lines:
        if out.endswith("-") and len(out) > 1 and out[-2].isalpha() and line[:1].islower():
            out = out[:-1] + line
        else:
            out = f"{out} {line}" if out else line
    return out


def read_docx(data: bytes, display: str) -> str:
    """Return a Word document's paragraphs (and table cells), one per line, as a text file would hold them."""
    import zipfile

    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise InputError(f"cannot read {display}: not a readable Word document ({exc}). Save it again as .docx.") from None
    except Exception as exc:  # noqa: BLE001 - untrusted bytes: a damaged archive raises zlib.error, KeyError, lxml errors
        raise InputError(
            f"cannot read {display}: damaged Word document ({type(exc).__name__}: {exc}). Save it again as .docx."
        ) from None
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    text = "\n".join(p.rstrip() for p in parts).strip("\n")
    return text + "\n" if text.strip() else ""
