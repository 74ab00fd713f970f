"""Build the files a teacher brings, from text, for the input tests: a PDF with a text layer, a DOCX, an HTML page."""

from __future__ import annotations

import html
import io
import textwrap


def pdf_bytes(paragraphs: list[str]) -> bytes:
    """Return a PDF (Helvetica, WinAnsi) whose text layer holds ``paragraphs``, wrapped, a blank line between them."""
    lines: list[str | None] = []
    for para in paragraphs:
        lines.extend(textwrap.wrap(para, 90) or [""])
        lines.append(None)  # paragraph gap
    pages: list[list[tuple[float, str]]] = [[]]
    y = 800.0
    for line in lines:
        if y < 50:
            pages.append([])
            y = 800.0
        if line is not None:
            pages[-1].append((y, line))
        y -= 13
    objects: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>", b"", b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"]
    kids = []
    for page in pages:
        ops = ["BT", "/F1 10 Tf"]
        for y, line in page:
            raw = line.encode("cp1252", errors="replace").decode("latin-1")
            esc = raw.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            ops.append(f"1 0 0 1 50 {y:.0f} Tm ({esc}) Tj")
        ops.append("ET")
        stream = "\n".join(ops).encode("latin-1")
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        content_no = len(objects)
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % content_no)
        kids.append(len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % n + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def docx_bytes(lines: list[str]) -> bytes:
    """Return a Word document with one paragraph per line."""
    import docx

    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def html_page(title: str, paragraphs: list[str], *, noise: bool = True, heading: bool = True) -> str:
    """Return an HTML page with ``paragraphs`` as its article, wrapped in a menu, a cookie banner and a comment form."""
    body = "".join(f"<p>{html.escape(p)}</p>\n" for p in paragraphs)
    page = f"<html><head><title>{html.escape(title)}</title></head><body>\n"
    if noise:
        page += '<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sport">Sport</a></nav>\n'
        page += "<div class=\"cookies\">We use cookies to improve your experience. Accept all cookies?</div>\n"
    h1 = f"<h1>{html.escape(title)}</h1>" if heading else ""
    page += f"<article>{h1}\n{body}</article>\n"
    if noise:
        page += "<section class=\"comments\"><h3>Leave a Reply</h3><p>Your email address will not be published.</p></section>\n"
    return page + "</body></html>\n"
