"""Run ``compare serve``: build the report, listen on 127.0.0.1 only, open the browser, serve until Ctrl-C."""

from __future__ import annotations

import secrets
import socket
import threading
import time
import webbrowser
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import uvicorn

from ..annotate import ANNOTATIONS_FILE
from ..errors import ServeError
from ..progress import Progress, Silent
from ..settings import Settings
from .app import make_app
from .workspace import Workspace

__all__ = ["HOST", "Serving", "open_socket", "serve_corpus", "start_server"]

HOST = "127.0.0.1"
"""The only address served: the loopback interface, never the network."""


def open_socket(port: int) -> socket.socket:
    """Return a socket listening on 127.0.0.1:``port`` (0: a free port the system picks)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.bind((HOST, port))
    except OSError as exc:
        sock.close()
        raise ServeError(f"cannot listen on {HOST}:{port}: {exc.strerror}. Pick another port (--port 8766, "
                         "or --port 0 for any free one).") from None
    sock.listen(64)
    return sock


@dataclass
class Serving:
    """A server started in a thread (see ``start_server``)."""

    url: str
    """The address to open, with this session's key."""
    server: uvicorn.Server
    thread: threading.Thread

    def stop(self) -> None:
        """Stop serving and wait for the thread to end."""
        self.server.should_exit = True
        self.thread.join(timeout=10)


def _server(workspace: Workspace, token: str) -> uvicorn.Server:
    config = uvicorn.Config(make_app(workspace, token), log_level="warning", access_log=False, lifespan="off")
    return uvicorn.Server(config)


def start_server(workspace: Workspace, port: int = 0) -> Serving:
    """Serve ``workspace`` from a thread on 127.0.0.1:``port``; return once it answers."""
    sock = open_socket(port)
    token = secrets.token_urlsafe(32)
    server = _server(workspace, token)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and thread.is_alive() and time.monotonic() < deadline:
        time.sleep(0.02)
    return Serving(f"http://{HOST}:{sock.getsockname()[1]}/?key={token}", server, thread)


def serve_corpus(corpus_dir: Path, settings: Settings, *, port: int, open_browser: bool,
                 progress: Progress | None = None, on_ready: Callable[[str], None] | None = None) -> None:
    """Build the report of ``corpus_dir`` and serve it for correcting until interrupted (Ctrl-C).

    ``on_ready(url)``, when given, is called with the address (with its key) once the server answers.
    """
    progress = progress or Silent()
    sock = open_socket(port)  # before the model loads: a taken port fails at once
    workspace = Workspace(corpus_dir, settings, progress=progress)
    try:
        workspace.refresh(raise_errors=True)
    except BaseException:
        sock.close()
        raise
    token = secrets.token_urlsafe(32)
    url = f"http://{HOST}:{sock.getsockname()[1]}/?key={token}"
    server = _server(workspace, token)

    def announce() -> None:
        while not server.started and not server.should_exit:
            time.sleep(0.05)
        if server.started:
            progress.notice(f"Serving {corpus_dir} at http://{HOST}:{sock.getsockname()[1]}/ ; marks are saved to "
                            f"{corpus_dir / ANNOTATIONS_FILE}. Press Ctrl-C to stop.")
            if on_ready is not None:
                on_ready(url)
            if open_browser:
                webbrowser.open(url)

    threading.Thread(target=announce, daemon=True).start()
    server.run(sockets=[sock])
