"""What a person sees: the seed report opened from file:// in Debian's Chromium, driven by Playwright.

Needs /usr/bin/chromium (Debian package ``chromium``), the ``playwright`` Python package (never its browser
download) and axe-core from the npm registry in tests/.node (``make test`` installs all three). Outside CI a
missing piece skips these tests with the reason; with CI=true it fails them. Screenshots go to test-output/.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from compare.pipeline import write_report

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
AXE = ROOT / "tests" / ".node" / "node_modules" / "axe-core" / "axe.min.js"
SHOTS = ROOT / "test-output"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]


def _missing() -> str | None:
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is missing (apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is missing (pip install -e '.[test]')"
    if not AXE.exists():
        return f"{AXE.relative_to(ROOT)} is missing (npm install --prefix tests/.node axe-core@4)"
    return None


@pytest.fixture(scope="module")
def browser():
    reason = _missing()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"browser tests cannot run in CI: {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def report(seed_corpus, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("browser") / "report"
    write_report(seed_corpus, out)
    return out


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    pg = context.new_page()
    pg.errors = []  # type: ignore[attr-defined]
    pg.on("console", lambda m: pg.errors.append(m.text) if m.type == "error" else None)  # type: ignore[attr-defined]
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))  # type: ignore[attr-defined]
    yield pg
    context.close()


def _visible_rows(pg) -> int:  # type: ignore[no-untyped-def]
    return pg.locator("table.synopsis tbody tr:visible").count()


def test_pages_open_without_console_errors(page, report: Path) -> None:
    SHOTS.mkdir(exist_ok=True)
    for name in ("index.html", "synopsis.html", "pair-readout--transcript.html"):
        page.goto((report / name).as_uri())
        page.wait_for_load_state("load")
        page.screenshot(path=str(SHOTS / name.replace(".html", ".png")))
    assert page.errors == []  # a script blocked by the CSP, or one that throws, would show here


def test_filters_change_what_is_shown(page, report: Path) -> None:
    page.goto((report / "synopsis.html").as_uri())
    total = _visible_rows(page)
    assert page.locator("#shown").inner_text() == f"{total} of {total} rows shown."
    page.check("input[name=type][value=loaded_language]")
    loaded = page.locator("table.synopsis tbody tr:visible")
    assert 0 < loaded.count() < total
    for k in range(loaded.count()):
        assert "loaded_language" in (loaded.nth(k).get_attribute("data-types") or "").split()
    page.uncheck("input[name=type][value=loaded_language]")
    assert _visible_rows(page) == total
    page.check("#diff-only")
    assert 0 < _visible_rows(page) < total
    page.uncheck("#diff-only")
    readout_cells = page.locator("table.synopsis td[data-source=readout]")
    assert readout_cells.first.is_visible()
    page.uncheck("input[name=source][value=readout]")
    assert not readout_cells.first.is_visible()
    assert page.locator("table.synopsis tr.ref td[data-source=press]").first.is_visible()
    assert page.locator("table.synopsis tr.added[data-source=readout]:visible").count() == 0
    assert page.errors == []


def test_piggery_row_is_reachable_and_labelled(page, report: Path) -> None:
    page.goto((report / "synopsis.html").as_uri())
    page.keyboard.press("/")
    page.keyboard.type("piggery")
    rows = page.locator("table.synopsis tbody tr:visible")
    assert rows.count() >= 1
    row = page.locator("table.synopsis tbody tr:visible", has_text="beastly Western behaviour")
    assert row.count() == 1
    cell = row.locator("td[data-source=readout]")
    assert "piggery of the West" in cell.inner_text()
    badge = cell.locator(".badge.t-loaded_language")
    assert badge.is_visible() and "loaded language" in badge.inner_text()
    assert "NRC" in (badge.get_attribute("title") or "") or "VADER" in (badge.get_attribute("title") or "")
    page.keyboard.press("Escape")
    page.keyboard.press("j")  # next change: the only row left with a change
    assert page.evaluate("document.activeElement.classList.contains('current')")
    row.screenshot(path=str(SHOTS / "piggery-row.png"))
    assert page.errors == []


@pytest.mark.parametrize("name", ["index.html", "synopsis.html", "pair-readout--transcript.html"])
def test_no_serious_accessibility_violations(browser, report: Path, name: str) -> None:
    # axe-core is injected from outside the page: a context that bypasses the page's CSP for the test alone.
    context = browser.new_context(bypass_csp=True)
    pg = context.new_page()
    pg.goto((report / name).as_uri())
    pg.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result = pg.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    context.close()
    bad = [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes'][:3]]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert bad == []
