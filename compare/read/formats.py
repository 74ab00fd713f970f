"""Read the text layer of a PDF (pdfminer.six) and the paragraphs of a Word document (python-docx).

Each reader returns the text every offset will index and a short name of how it was read (the encoding, or
``pdf text layer`` / ``docx``), shown in the report. Failures are ``InputError`` naming the file, the cause
and the fix.
"""

from __future__ import annotations

import io
import re

from ..errors import InputError
from .limits import over_limit

__all__ = ["read_docx", "read_pdf"]

_ENDS_SENTENCE = re.compile(r"[.!?…:;\"”’)\]]$")


def read_pdf(data: bytes, display: str, max_chars: int = 30_000_000) -> str:
    """Return the text layer of a PDF: lines of a text block joined by spaces, blocks by blank lines.

    Reading stops with InputError once the text passes ``max_chars`` (``--max-expanded-bytes``).
    """
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTTextContainer
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError

    blocks: list[str] = []
    size = 0
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
                    size += len(block) + 2
                    if size > max_chars:
                        raise over_limit(display, "its text layer in characters is over", max_chars, max_chars,
                                         "--max-expanded-bytes")
    except InputError:
        raise
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise InputError(
            f"cannot read {display}: the PDF is encrypted (it needs a password to open). "
            "Save a copy without the password, or save its text as a .txt file."
        ) from None
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


def read_docx(data: bytes, display: str, max_expanded: int = 30_000_000) -> str:
    """Return a Word document's paragraphs (and table cells), one per line, as a text file would hold them.

    A document whose XML parts unzip to more than ``max_expanded`` bytes (``--max-expanded-bytes``) is refused
    before it is parsed: a small .docx can hold millions of paragraphs.
    """
    import zipfile

    import docx

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            expanded = sum(i.file_size for i in archive.infolist() if i.filename.lower().endswith((".xml", ".rels")))
    except zipfile.BadZipFile as exc:
        raise InputError(f"cannot read {display}: not a readable Word document ({exc}). Save it again as .docx.") from None
    except Exception as exc:
        raise InputError(
            f"cannot read {display}: damaged Word document ({type(exc).__name__}: {exc}). Save it again as .docx."
        ) from None
    if expanded > max_expanded:
        raise over_limit(display, "its XML unzipped in bytes is", expanded, max_expanded, "--max-expanded-bytes")
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
