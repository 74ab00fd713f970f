"""Extract the main text and metadata of an HTML page."""

from __future__ import annotations

from .errors import InputError

__all__ = ["extract_html"]


def extract_html(markup: str, display: str) -> tuple[str, dict[str, str]]:
    """Return the page's main text (paragraphs separated by blank lines) and its title, date and url when known."""
    import trafilatura  # lazy: lxml is slow to import and only HTML needs it

    text = trafilatura.extract(markup, include_comments=False, include_tables=True, favor_recall=True, deduplicate=False)
    if not text or not text.strip():
        raise InputError(
            f"cannot use {display}: no main text found in the HTML page. "
            "Save the article as text, or save the full page rather than a frame or an empty shell."
        )
    meta: dict[str, str] = {}
    doc = trafilatura.extract_metadata(markup)
    if doc is not None:
        for key in ("title", "date", "url"):
            value = getattr(doc, key, None)
            if value:
                meta[key] = str(value)
    # Paragraphs come one per line; a blank line between them keeps them apart for the segmenter.
    return "\n\n".join(line for line in text.splitlines() if line.strip()) + "\n", meta
