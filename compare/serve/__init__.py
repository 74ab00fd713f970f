"""Serve: ``compare serve CORPUS``, a local web app to correct and annotate a report in the browser.

``workspace`` builds the corpus's report with the pipeline and saves marks to its annotations.json, ``app``
is the Starlette app (key, Origin and Host checks), ``pages`` puts the editing script into the report's own
pages, ``run`` listens on 127.0.0.1 only (uvicorn) and opens the browser; ``static/`` holds the script and style.
"""

from __future__ import annotations

from .app import COOKIE, EDIT_REQUEST, TOKEN_HEADER, make_app
from .pages import editable_page
from .run import HOST, Serving, open_socket, serve_corpus, start_server
from .workspace import PageInfo, RememberingEngine, Workspace

__all__ = [
    "COOKIE",
    "EDIT_REQUEST",
    "HOST",
    "TOKEN_HEADER",
    "PageInfo",
    "RememberingEngine",
    "Serving",
    "Workspace",
    "editable_page",
    "make_app",
    "open_socket",
    "serve_corpus",
    "start_server",
]
