"""The web app of ``compare serve`` (Starlette): the report's pages, the editing script, and one write endpoint.

Who may do what:

- Every request must name this server as its Host (``127.0.0.1`` or ``localhost``; a page of another site
  rebound to our address by DNS gets 400) and carry this session's key: the address the server prints has
  it as ``?key=``, which sets a cookie (HttpOnly, SameSite=Strict) and redirects to the same page without it.
- A write (``POST /api/edit``) must also come from our own Origin, send the key again in the
  ``X-Compare-Token`` header (the page's ``compare-token`` meta tag, readable by our own pages only) and be JSON;
  anything else is answered 403 (415 for another content type) and changes nothing.
"""

from __future__ import annotations

import functools
import hmac
import html
import json
from importlib import resources
from typing import Any

import jsonschema
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route

from ..errors import ServeError
from .pages import editable_page
from .workspace import PageInfo, Workspace

__all__ = ["COOKIE", "EDIT_REQUEST", "TOKEN_HEADER", "make_app"]

COOKIE = "compare_key"
TOKEN_HEADER = "X-Compare-Token"
_HEADERS = {"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"}
_TYPES = {".html": "text/html; charset=utf-8", ".json": "application/json", ".csv": "text/csv; charset=utf-8",
          ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8"}

_SENTENCE = {"type": "array", "prefixItems": [{"type": "string"}, {"type": "integer", "minimum": 0}],
             "minItems": 2, "maxItems": 2}
EDIT_REQUEST: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "oneOf": [
        {"type": "object", "required": ["action", "a", "b", "verdict"], "additionalProperties": False,
         "properties": {"action": {"const": "verdict"}, "a": _SENTENCE, "b": _SENTENCE,
                        "verdict": {"enum": ["wrong", "right", "add", None]}}},
        {"type": "object", "required": ["action", "sentence", "note"], "additionalProperties": False,
         "properties": {"action": {"const": "note"}, "sentence": _SENTENCE, "note": {"type": "string", "maxLength": 10000}}},
        {"type": "object", "required": ["action", "sentence", "starred"], "additionalProperties": False,
         "properties": {"action": {"const": "star"}, "sentence": _SENTENCE, "starred": {"type": "boolean"}}},
    ],
}
"""What ``POST /api/edit`` accepts: a verdict on two sentences (None clears it), a note, or a star."""


@functools.cache
def _static(name: str) -> str:
    return (resources.files("compare.serve") / "static" / name).read_text(encoding="utf-8")


def _same(given: str | None, token: str) -> bool:
    return given is not None and hmac.compare_digest(given.encode("utf-8"), token.encode("utf-8"))


def _refuse(why: str, status: int = 403) -> Response:
    return PlainTextResponse(f"{why}\n", status_code=status, headers=_HEADERS)


def make_app(workspace: Workspace, token: str, *, hosts: tuple[str, ...] = ("127.0.0.1", "localhost")) -> Starlette:
    """Return the app serving ``workspace``; ``token`` is this session's key (see the module docstring)."""

    def keyed(request: Request) -> bool:
        return _same(request.cookies.get(COOKIE), token)

    def no_key() -> Response:
        return _refuse("This page needs the key of this compare serve session: open the address that "
                       "`compare serve` printed (it ends with ?key=...).")

    async def page(request: Request) -> Response:
        name = request.path_params.get("name") or "index.html"
        if _same(request.query_params.get("key"), token):
            back = RedirectResponse(request.url.path, status_code=303, headers=_HEADERS)
            back.set_cookie(COOKIE, token, httponly=True, samesite="strict", path="/")
            return back
        if not keyed(request):
            return no_key()
        await run_in_threadpool(workspace.refresh)
        if name.endswith("/"):
            name += "index.html"
        if workspace.error:  # never an outdated report, which would show links the teacher threw out
            text = ("<!DOCTYPE html>\n<html lang=\"en\"><meta charset=\"utf-8\"><title>compare serve</title>"
                    f"<h1>The report cannot be built</h1><p>{html.escape(workspace.error)}</p>"
                    "<p>Fix it, then reload this page.</p></html>")
            return Response(text, status_code=503, media_type="text/html",
                            headers={**_HEADERS, "Content-Security-Policy": "default-src 'none'"})
        if name not in workspace.files:
            return _refuse(f"No page {name} in this report.", 404)
        body = workspace.files[name]
        suffix = name[name.rfind("."):]
        if suffix != ".html":
            return Response(body, media_type=_TYPES.get(suffix, "text/plain; charset=utf-8"), headers=_HEADERS)
        served, policy = editable_page(body, token, workspace.pages.get(name, PageInfo("other")))
        return Response(served, media_type=_TYPES[".html"], headers={**_HEADERS, "Content-Security-Policy": policy})

    async def static(request: Request) -> Response:
        name = request.path_params["name"]
        if name not in ("edit.js", "edit.css"):
            return _refuse(f"No file {name}.", 404)
        return Response(_static(name), media_type=_TYPES[name[name.rfind("."):]], headers=_HEADERS)

    async def state(request: Request) -> Response:
        if not keyed(request):
            return no_key()
        return JSONResponse(await run_in_threadpool(workspace.state), headers=_HEADERS)

    async def edit(request: Request) -> Response:
        origin = request.headers.get("origin")
        if origin != f"{request.url.scheme}://{request.headers.get('host', '')}":
            return _refuse(f"Refused: a change must come from this server's own pages (Origin {origin or 'missing'}).")
        if request.headers.get("sec-fetch-site", "same-origin") != "same-origin":
            return _refuse("Refused: a change must come from this server's own pages.")
        if not keyed(request) or not _same(request.headers.get(TOKEN_HEADER), token):
            return _refuse("Refused: this session's key is missing or wrong; reload the page from the address "
                           "`compare serve` printed.")
        if request.headers.get("content-type", "").split(";")[0].strip() != "application/json":
            return _refuse("A change is sent as JSON (Content-Type: application/json).", 415)
        try:
            action = json.loads(await request.body())
            jsonschema.validate(action, EDIT_REQUEST)
        except (ValueError, jsonschema.ValidationError) as exc:
            return JSONResponse({"ok": False, "error": f"not a change this server knows: {str(exc).splitlines()[0]}"},
                                status_code=400, headers=_HEADERS)
        try:
            problems = await run_in_threadpool(workspace.edit, action)
        except ServeError as exc:
            return JSONResponse({"ok": False, "error": str(exc)}, status_code=409, headers=_HEADERS)
        return JSONResponse({"ok": True, "problems": problems}, headers=_HEADERS)

    routes = [
        Route("/api/state", state, methods=["GET"]),
        Route("/api/edit", edit, methods=["POST"]),
        Route("/_edit/{name}", static, methods=["GET"]),
        Route("/", page, methods=["GET"]),
        Route("/{name:path}", page, methods=["GET"]),
    ]
    return Starlette(routes=routes, middleware=[Middleware(TrustedHostMiddleware, allowed_hosts=list(hosts))])
