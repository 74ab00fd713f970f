"""Read an HTML page: its whole visible text, which part of it is the main text, and its title, date and URL.

Nothing is thrown away: the document's text is every visible text block of the page, and what lies outside
the main text that trafilatura finds (menus, cookie banners, comment forms, a second article) is returned as
spans to set aside, with the reason shown in the report.
"""

from __future__ import annotations

import re

from ..errors import InputError

__all__ = ["BOILERPLATE_REASON", "extract_html"]

BOILERPLATE_REASON = "boilerplate: outside the page's main text (menus, banners, comments, other articles)"

_BLOCK = frozenset(
    "address article aside blockquote body br dd details div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 "
    "h5 h6 header hr li main nav ol p pre section summary table td th tr ul".split()
)
_DROP = ("script", "style", "noscript", "template", "head", "svg", "iframe", "object")


def _visible_text(markup: str) -> str:
    """Return the page's visible text: one block per paragraph-like element, blocks separated by blank lines."""
    import lxml.html
    from lxml import etree

    # lxml refuses a str that declares its own encoding (<?xml ... encoding="..."?>): the text is decoded already.
    markup = re.sub(r"\A\s*<\?xml[^>]*\?>", "", markup)
    try:
        root = lxml.html.document_fromstring(markup)
    except (etree.ParserError, ValueError):
        return ""
    for element in list(root.iter(*_DROP)):
        element.drop_tree()
    parts: list[str] = []

    def walk(element) -> None:  # type: ignore[no-untyped-def]
        block = isinstance(element.tag, str) and element.tag in _BLOCK
        if block:
            parts.append("\n\n")
        if isinstance(element.tag, str) and element.text:
            parts.append(element.text)
        for child in element:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if block:
            parts.append("\n\n")

    walk(root)
    blocks = [" ".join(b.split()) for b in re.split(r"\n\s*\n", "".join(parts))]
    return "\n\n".join(b for b in blocks if b)


def _locate(text: str, line: str, start: int) -> tuple[int, int] | None:
    """Find ``line`` in ``text`` from ``start``, whitespace runs matching any whitespace."""
    words = line.split()
    if not words:
        return None
    m = re.compile(r"\s+".join(re.escape(w) for w in words)).search(text, start)
    return (m.start(), m.end()) if m else None


def extract_html(markup: str, display: str) -> tuple[str, dict[str, str], tuple[tuple[int, int, str], ...]]:
    """Return the page's visible text, its title/date/url when known, and the spans outside its main text."""
    import trafilatura  # lazy: lxml is slow to import and only HTML needs it

    full = _visible_text(markup)
    if not full.strip():
        raise InputError(
            f"cannot use {display}: no visible text in the HTML page. "
            "Save the article as text, or save the full page rather than a frame or an empty shell."
        )
    main = trafilatura.extract(markup, include_comments=False, include_tables=True, favor_recall=True, deduplicate=False)
    meta: dict[str, str] = {}
    doc = trafilatura.extract_metadata(markup)
    if doc is not None:
        for key in ("title", "date", "url"):
            value = getattr(doc, key, None)
            if value:
                meta[key] = str(value)
    asides: list[tuple[int, int, str]] = []
    if main and main.strip():
        found: list[tuple[int, int]] = []
        cursor = 0
        for line in main.splitlines():
            span = _locate(full, line, cursor)
            if span is None:  # trafilatura reworded something: keep the whole page, set nothing aside
                found = []
                break
            found.append(span)
            cursor = span[1]
        if found:
            edges = [(0, found[0][0])] + [(a[1], b[0]) for a, b in zip(found, found[1:])] + [(found[-1][1], len(full))]
            asides = [(s, e, BOILERPLATE_REASON) for s, e in edges if full[s:e].strip()]
    return full + "\n", meta, tuple(asides)
