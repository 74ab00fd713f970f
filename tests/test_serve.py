"""compare serve: the key, the Origin and Host checks, saving at once (atomically), and the browser round trip.

The app tests use a tiny corpus and word-hash vectors (no model: they check who may write and what is saved,
not the alignment); the browser test runs the real model on a copy of the seed corpus in Debian's Chromium.
"""

from __future__ import annotations

import json
import os
import socket
from pathlib import Path

import httpx
import pytest
from starlette.testclient import TestClient

from compare.annotate import ANNOTATIONS_FILE, PREVIOUS_FILE, read_annotations
from compare.errors import ServeError
from compare.serve import COOKIE, TOKEN_HEADER, PageInfo, Workspace, editable_page, make_app, open_socket, start_server
from compare.settings import Settings
from tests.test_properties import MODEL, HashingEmbedder

ROOT = Path(__file__).resolve().parent.parent
BASE = "http://127.0.0.1:8765"
KEY = "test-key-0123456789"
CHROMIUM = Path("/usr/bin/chromium")
SHOTS = ROOT / "test-output"

TRANSCRIPT = ("Vladimir Putin: Good afternoon, Mr President. We meet regularly to discuss our economic ties. "
              "The sanctions will create new opportunities for our two countries. Trade grew by 34 percent last year. "
              "We will talk about energy prices and the gas contract. Thank you for coming to Moscow.\n")
READOUT = ("Putin: Good afternoon, Mr President. We meet regularly to discuss our economic ties. "
           "The sanctions will create great new opportunities for our countries. Trade grew by a third last year. "
           "We will talk about energy prices and the gas contract. Thank you for coming to Minsk.\n")


@pytest.fixture()
def tiny(tmp_path: Path) -> Path:
    corpus = tmp_path / "lesson"
    corpus.mkdir()
    (corpus / "a-transcript.txt").write_text(TRANSCRIPT, encoding="utf-8")
    (corpus / "b-readout.txt").write_text(READOUT, encoding="utf-8")
    return corpus


@pytest.fixture()
def workspace(tiny: Path) -> Workspace:
    ws = Workspace(tiny, Settings(cache_dir=None), embedder=HashingEmbedder(), model=MODEL)
    ws.refresh(raise_errors=True)
    return ws


@pytest.fixture()
def client(workspace: Workspace) -> TestClient:
    c = TestClient(make_app(workspace, KEY), base_url=BASE, follow_redirects=False)
    assert c.get(f"/?key={KEY}").status_code == 303
    return c


def _sentence(ws: Workspace, doc: str, part: str) -> list[object]:
    assert ws.corpus is not None
    unit = next(u for u in ws.corpus.units[doc] if u.is_sentence and part in u.text)
    return [doc, unit.id]


def _post(c: TestClient, body: object, **headers: str) -> httpx.Response:
    sent = {"Origin": BASE, TOKEN_HEADER: KEY, "Content-Type": "application/json", **headers}
    return c.post("/api/edit", content=json.dumps(body), headers={k: v for k, v in sent.items() if v})


def test_every_page_needs_this_sessions_key(workspace: Workspace) -> None:
    c = TestClient(make_app(workspace, KEY), base_url=BASE, follow_redirects=False)
    assert c.get("/").status_code == 403
    assert c.get("/api/state").status_code == 403
    assert c.get("/?key=guess").status_code == 403
    r = c.get(f"/synopsis.html?key={KEY}")
    assert r.status_code == 303 and r.headers["location"] == "/synopsis.html"  # the key leaves the address bar
    assert "httponly" in r.headers["set-cookie"].lower() and "samesite=strict" in r.headers["set-cookie"].lower()
    assert c.get("/synopsis.html").status_code == 200
    assert c.cookies.get(COOKIE) == KEY


def test_a_served_page_is_the_reports_page_with_the_editing_script_allowed_by_its_own_policy(client: TestClient) -> None:
    r = client.get("/synopsis.html")
    page = r.text
    assert 'http-equiv="Content-Security-Policy"' not in page  # the meta policy would block the script
    policy = r.headers["content-security-policy"]
    assert "script-src 'sha256-" in policy and "'self'" in policy.split("script-src")[1].split(";")[0]
    assert "connect-src 'self'" in policy and "frame-ancestors 'none'" in policy and "default-src 'none'" in policy
    assert f'<meta name="compare-token" content="{KEY}">' in page
    assert '<script src="/_edit/edit.js" defer></script>' in page
    assert "&#34;kind&#34;: &#34;synopsis&#34;" in page or "&quot;kind&quot;: &quot;synopsis&quot;" in page
    assert client.get("/_edit/edit.js").headers["content-type"].startswith("text/javascript")
    assert client.get("/alignment.json").json()["schema"] == "compare.alignment/1"
    assert client.get("/nothing.html").status_code == 404


def test_page_policy_keeps_the_pages_own_directives_and_escapes_what_it_adds() -> None:
    page = ('<html><head>\n<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
            'script-src \'sha256-abc\'; form-action \'none\'">\n<title>x</title></head><body>&lt;/head&gt;</body></html>')
    served, policy = editable_page(page, "k", PageInfo("pair", 'a"<b', "c"))
    assert policy == ("default-src 'none'; script-src 'sha256-abc' 'self'; form-action 'none'; "
                      "style-src 'self'; connect-src 'self'; frame-ancestors 'none'")
    assert "&quot;a\\&quot;&lt;b&quot;" in served and 'a"<b' not in served
    assert served.index("/_edit/edit.js") < served.index("</head>") < served.index("&lt;/head&gt;")


def test_a_write_from_another_origin_or_without_the_key_is_refused_and_changes_nothing(client: TestClient, tiny: Path, workspace: Workspace) -> None:
    note = {"action": "note", "sentence": _sentence(workspace, "a-transcript", "sanctions"), "note": "Ask why."}
    assert _post(client, note, Origin="http://evil.example").status_code == 403
    assert _post(client, note, Origin="http://127.0.0.1:9999").status_code == 403  # another port is another origin
    assert _post(client, note, Origin="").status_code == 403
    assert _post(client, note, **{"Sec-Fetch-Site": "cross-site"}).status_code == 403
    assert _post(client, note, **{TOKEN_HEADER: "guess"}).status_code == 403
    assert _post(client, note, **{TOKEN_HEADER: ""}).status_code == 403
    assert _post(client, note, **{"Content-Type": "text/plain"}).status_code == 415
    assert client.post("/api/edit", content=json.dumps(note), headers={"Host": "evil.example", "Origin": "http://evil.example",
                                                                        TOKEN_HEADER: KEY}).status_code == 400
    assert _post(client, {"action": "note", "sentence": ["a-transcript", 0]}).status_code == 400
    assert not (tiny / ANNOTATIONS_FILE).exists()
    assert _post(client, note).status_code == 200
    assert (tiny / ANNOTATIONS_FILE).exists()


def test_each_mark_is_saved_at_once_the_previous_version_kept_and_the_report_rebuilt(client: TestClient, tiny: Path, workspace: Workspace) -> None:
    t = _sentence(workspace, "a-transcript", "sanctions")
    r = _sentence(workspace, "b-readout", "sanctions")
    state = client.get("/api/state").json()
    pair = state["pairs"][0]
    assert any(t[1] in lk["a"] and r[1] in lk["b"] for lk in pair["links"])  # the word-hash aligner links them
    assert _post(client, {"action": "note", "sentence": t, "note": "<b>Ask:</b> what changed?"}).json() == {"ok": True, "problems": []}
    first = (tiny / ANNOTATIONS_FILE).read_text(encoding="utf-8")
    assert _post(client, {"action": "star", "sentence": t, "starred": True}).status_code == 200
    assert (tiny / PREVIOUS_FILE).read_text(encoding="utf-8") == first
    assert _post(client, {"action": "verdict", "a": t, "b": r, "verdict": "wrong"}).status_code == 200
    data = read_annotations(tiny)
    assert data is not None
    assert data["notes"] == [{"source": "a-transcript", "text": "The sanctions will create new opportunities for our two countries.",
                              "note": "<b>Ask:</b> what changed?"}]
    assert data["starred"] == [{"source": "a-transcript", "text": "The sanctions will create new opportunities for our two countries."}]
    assert [e["verdict"] for e in data["links"]] == ["wrong"]
    state = client.get("/api/state").json()
    assert not any(t[1] in lk["a"] and r[1] in lk["b"] for lk in state["pairs"][0]["links"])
    assert state["notes"] == [{"sentence": t, "note": "<b>Ask:</b> what changed?"}]
    assert state["starred"] == [t]
    assert state["verdicts"] == [{"a": t, "b": r, "verdict": "wrong"}]
    assert _post(client, {"action": "verdict", "a": t, "b": r, "verdict": None}).status_code == 200
    assert any(t[1] in lk["a"] and r[1] in lk["b"] for lk in client.get("/api/state").json()["pairs"][0]["links"])
    refused = _post(client, {"action": "verdict", "a": t, "b": ["a-transcript", 1], "verdict": "add"})
    assert refused.status_code == 409 and "two sources" in refused.json()["error"]
    assert _post(client, {"action": "star", "sentence": ["a-transcript", 999], "starred": True}).status_code == 409


def test_a_file_broken_by_hand_is_shown_and_never_overwritten(client: TestClient, tiny: Path, workspace: Workspace) -> None:
    broken = '{"schema": "compare.annotations/1", "notes": [<script>]}'
    (tiny / ANNOTATIONS_FILE).write_text(broken, encoding="utf-8")
    r = client.get("/synopsis.html")
    assert r.status_code == 503
    assert "lesson/annotations.json: not valid JSON (line 1, column" in r.text
    refused = _post(client, {"action": "star", "sentence": _sentence(workspace, "a-transcript", "Trade"), "starred": True})
    assert refused.status_code == 409 and "not valid JSON" in refused.json()["error"]
    assert (tiny / ANNOTATIONS_FILE).read_text(encoding="utf-8") == broken
    (tiny / ANNOTATIONS_FILE).unlink()
    assert client.get("/synopsis.html").status_code == 200  # fixed by hand: the next page is built again


def test_the_server_answers_on_127_0_0_1_only_and_a_taken_port_is_a_clear_error(workspace: Workspace) -> None:
    serving = start_server(workspace, port=0)
    try:
        assert serving.url.startswith("http://127.0.0.1:")
        port = int(serving.url.split(":")[2].split("/")[0])
        with httpx.Client(follow_redirects=True) as http:
            assert http.get(serving.url).status_code == 200
        with pytest.raises(ServeError, match=rf"cannot listen on 127.0.0.1:{port}: .*Pick another port \(--port 8766"):
            open_socket(port)
        others = [a for a in {i[4][0] for i in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)} if not a.startswith("127.")]
        for address in others:  # not on the machine's other addresses
            with pytest.raises(httpx.ConnectError):
                httpx.get(f"http://{address}:{port}/", timeout=2)
    finally:
        serving.stop()


def test_serve_options_are_documented() -> None:
    from click.testing import CliRunner

    from compare.cli import cli

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    result = CliRunner().invoke(cli, ["serve", "--help"])
    assert result.exit_code == 0
    for word in result.output.split():
        if word.startswith("--") and word.rstrip(",") != "--help":
            assert word.rstrip(",") in readme, word
    assert "compare serve" in readme and "annotations.json" in readme


# --- the real browser ----------------------------------------------------------------------------------------


@pytest.fixture()
def browser():  # type: ignore[no-untyped-def]
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing (apt-get install chromium)")
        pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=["--headless", "--no-sandbox", "--disable-gpu"])
        yield b
        b.close()


def test_an_edit_in_the_browser_is_saved_survives_a_reload_and_compare_run_applies_it(
    browser, seed_corpus, corpus_copy: Path, real_embedder, model_info, session_cache: Path, tmp_path: Path,  # type: ignore[no-untyped-def]
    capsys: pytest.CaptureFixture[str],
) -> None:
    from compare.cli import cli

    pair = next(p for p in seed_corpus.pairs if {p.a, p.b} == {"readout", "transcript"})
    t_side = "a" if pair.a == "transcript" else "b"
    single = [lk for lk in pair.links if len(lk.a) == 1 and len(lk.b) == 1]
    wrong = single[len(single) // 2]
    ref_unit = getattr(wrong, t_side)[0]
    other_unit = getattr(wrong, "b" if t_side == "a" else "a")[0]
    noted = next(u.id for u in seed_corpus.units["transcript"] if u.is_sentence and u.id != ref_unit and u.id > 20)

    ws = Workspace(corpus_copy, Settings(cache_dir=session_cache), embedder=real_embedder, model=model_info)
    ws.refresh(raise_errors=True)
    serving = start_server(ws, port=0)
    errors: list[str] = []
    try:
        pg = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
        pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        pg.on("pageerror", lambda e: errors.append(str(e)))
        pg.goto(serving.url.replace("/?key=", "/synopsis.html?key="))
        pg.wait_for_selector("html[data-edit-ready]")
        cell = pg.locator(f"#r{ref_unit} td[data-source=readout]")
        assert "not in" not in cell.inner_text()
        cell.click()
        panel = pg.locator("#compare-edit")
        assert "Linked (score" in panel.locator(".edit-link-status").inner_text()
        with pg.expect_navigation():
            panel.get_by_role("button", name="Wrong").click()
        pg.wait_for_selector("html[data-edit-ready]")
        assert "not in readout" in pg.locator(f"#r{ref_unit} td[data-source=readout]").inner_text()
        assert "Marked wrong" in panel.locator(".edit-link-status").inner_text()  # the selection is kept over the reload

        pg.locator(f"#r{noted} th.refcell").click()
        note = "<b>Ask:</b> who said this first?"
        panel.get_by_label("Note on sentence 1").fill(note)
        with pg.expect_navigation():
            panel.locator(".edit-save-note").first.click()
        pg.wait_for_selector("html[data-edit-ready]")
        with pg.expect_navigation():
            panel.locator(".edit-star").first.click()
        pg.wait_for_selector("html[data-edit-ready]")
        pg.reload()
        pg.wait_for_selector("html[data-edit-ready]")
        assert panel.get_by_label("Note on sentence 1").input_value() == note
        assert panel.locator(".edit-star").first.get_attribute("aria-pressed") == "true"
        SHOTS.mkdir(exist_ok=True)
        pg.screenshot(path=str(SHOTS / "serve-synopsis.png"))
        assert errors == []  # the policy lets the editing script run, and it throws nothing
    finally:
        serving.stop()

    data = read_annotations(corpus_copy)
    assert data is not None and [e["verdict"] for e in data["links"]] == ["wrong"]
    assert data["notes"][0]["note"] == note and len(data["starred"]) == 1

    out = tmp_path / "report"
    with pytest.raises(SystemExit) as stop:
        cli.main(["run", str(corpus_copy), "-o", str(out), "--cache-dir", str(session_cache), "-q"], prog_name="compare")
    assert stop.value.code == 0
    report = json.loads((out / "alignment.json").read_text(encoding="utf-8"))
    links = next(p for p in report["pairs"] if {p["a"], p["b"]} == {"readout", "transcript"})["links"]
    t_key, r_key = ("a", "b") if t_side == "a" else ("b", "a")
    assert not any(ref_unit in lk[t_key] and other_unit in lk[r_key] for lk in links)
    assert len(links) == len(pair.links) - 1


@pytest.mark.model
def test_compare_serve_prints_its_address_opens_the_browser_there_and_stops_on_ctrl_c(
    seed_corpus: object, corpus_copy: Path, session_cache: Path, tmp_path: Path,  # seed_corpus fills the cache
) -> None:
    import signal
    import subprocess
    import sys
    import time

    opened = tmp_path / "opened"
    record = tmp_path / "record-browser"
    record.write_text(f'#!/bin/sh\necho "$1" > {opened}\n', encoding="utf-8")
    record.chmod(0o755)
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "BROWSER": str(record)}  # webbrowser.open runs $BROWSER
    proc = subprocess.Popen([sys.executable, "-m", "compare", "serve", str(corpus_copy), "--port", "0", "--cache-dir",
                             str(session_cache)], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        url = proc.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:") and "/?key=" in url
        deadline = time.monotonic() + 30
        while not (opened.exists() and opened.read_text(encoding="utf-8").strip()) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert opened.read_text(encoding="utf-8").strip() == url
        with httpx.Client(follow_redirects=True) as http:
            page = http.get(url)
            assert page.status_code == 200 and "compare-token" in page.text
            assert http.post(url.split("?")[0] + "api/edit", json={}, headers={"Origin": "http://evil.example"}).status_code == 403
    finally:
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
    assert "Serving" in err and "annotations.json" in err
