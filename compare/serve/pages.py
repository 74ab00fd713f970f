"""Serve a report page with the editing script: its own Content-Security-Policy, widened just enough.

A report page carries its policy in a ``<meta http-equiv>`` tag, which would block the editing script (a
browser enforces every policy it is given). The served copy drops that tag and sends the same policy as a
header, with ``'self'`` added to ``script-src`` and ``style-src`` (the packaged editing script and style),
``connect-src 'self'`` (its requests) and ``frame-ancestors 'none'``. The page's own inline script stays
allowed by its hash; no other inline script runs. Only our own head is touched: source text in a page is
escaped, so it can hold neither a ``<meta`` tag nor ``</head>``.
"""

from __future__ import annotations

import html
import json
import re

from .workspace import PageInfo

__all__ = ["editable_page"]

_META_CSP = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">\n?')
_DEFAULT = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"


def _widened(policy: str) -> str:
    directives: dict[str, list[str]] = {}
    for part in policy.split(";"):
        words = part.split()
        if words:
            directives[words[0].lower()] = words[1:]
    for name in ("script-src", "style-src", "connect-src"):
        values = [v for v in directives.get(name, []) if v != "'none'"]
        directives[name] = values + (["'self'"] if "'self'" not in values else [])
    directives["frame-ancestors"] = ["'none'"]
    return "; ".join(" ".join([name, *values]) for name, values in directives.items())


def editable_page(page: str, token: str, info: PageInfo) -> tuple[str, str]:
    """Return the page with the editing script and this session's token in its head, and the policy to send."""
    found = _META_CSP.search(page)
    policy = html.unescape(found.group(1)) if found else _DEFAULT
    if found:
        page = page[: found.start()] + page[found.end():]
    about = json.dumps({"kind": info.kind, "a": info.a, "b": info.b})
    head = (f'<meta name="compare-token" content="{html.escape(token)}">\n'
            f'<meta name="compare-page" content="{html.escape(about)}">\n'
            '<link rel="stylesheet" href="/_edit/edit.css">\n'
            '<script src="/_edit/edit.js" defer></script>\n')
    at = page.find("</head>")
    page = page[:at] + head + page[at:] if at >= 0 else head + page
    return page, _widened(policy)
