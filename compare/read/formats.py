"""Read the text layer of a PDF (pdfminer.six) and the paragraphs of a Word document (python-docx).

Each reader returns the text every offset will index and a short name of how it was read (the encoding, or
``pdf text layer`` / ``docx``), shown in the report. Failures are ``InputError`` naming the file, the cause
and the fix.
"""

from __future__ import annotations

import io
import re

from ..errors import InputError

__all__ = ["read_docx", "read_pdf"]

_ENDS_SENTENCE = re.compile(r"[.!?…:;\"”’)\]]$")
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
    except Exception as exc:
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
    except Exception as exc:
        raise InputError(
            f"cannot read {display}: damaged Word document ({type(exc).__name__}: {exc}). Save it again as .docx."
        ) from None
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    text = "\n".join(p.rstrip() for p in parts).strip("\n")
    return text + "\n" if text.strip() else ""
