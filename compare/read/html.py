"""Read an HTML page: its whole visible text, which part of it is the main text, and its title, date and URL.

Nothing is thrown away: the document's text is every visible text block of the page, and what lies outside
the main text that trafilatura finds (menus, cookie banners, comment forms, a second article) is returned as
spans to set aside, with the reason shown in the report.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from ..errors import InputError

__all__ = ["BOILERPLATE_REASON", "extract_html"]

BOILERPLATE_REASON = "boilerplate: outside the page's main text (menus, banners, comments, other articles)"

_BLOCK = frozenset(
    "address article aside blockquote body br dd details div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 "
    "h5 h6 header hr li main nav ol p pre section summary table td th tr ul".split()
)
_DROP = ("script", "style", "noscript", "template", "head", "svg", "iframe", "object")


class _StreamText(HTMLParser):
    """The visible text of a page read as a stream of tags (no tree, so no depth limit), in blocks as ``_visible_text``."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._dropped = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DROP:
            self._dropped += 1
        elif tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROP:
            self._dropped = max(0, self._dropped - 1)
        elif tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._dropped:
            self.parts.append(data)


def _blocks(parts: list[str]) -> str:
    blocks = [" ".join(b.split()) for b in re.split(r"\n\s*\n", "".join(parts))]
    return "\n\n".join(b for b in blocks if b)


def _visible_text(markup: str) -> str:
    """Return the page's visible text: one block per paragraph-like element, blocks separated by blank lines.

    libxml2 drops what lies deeper than 256 nested elements (10,000 nested ``<div>`` s); when a stream reading of
    the tags finds more text than the tree holds, the stream's text is the page's.
    """
    tree = _tree_text(markup)
    stream = _StreamText()
    stream.feed(markup)
    stream.close()
    flat = _blocks(stream.parts)
    return flat if len("".join(flat.split())) > len("".join(tree.split())) else tree


def _tree_text(markup: str) -> str:
    """Return the page's visible text from lxml's tree of it."""
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

    # An explicit stack rather than recursion: the depth of a page is not ours to choose.
    stack: list[tuple[object, bool]] = [(root, False)]
    while stack:
        element, closing = stack.pop()
        tag = getattr(element, "tag", None)
        block = isinstance(tag, str) and tag in _BLOCK
        if closing:
            if block:
                parts.append("\n\n")
            tail = getattr(element, "tail", None)
            if tail and element is not root:
                parts.append(tail)
            continue
        if block:
            parts.append("\n\n")
        text = getattr(element, "text", None)
        if isinstance(tag, str) and text:
            parts.append(text)
        stack.append((element, True))
        stack.extend((child, False) for child in reversed(list(element)))  # type: ignore[call-overload]
    return _blocks(parts)


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
