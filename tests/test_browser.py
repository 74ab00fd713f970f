"""What a person sees: the seed report opened from file:// in Debian's Chromium, driven by Playwright.

Needs /usr/bin/chromium (Debian package ``chromium``), the ``playwright`` Python package (never its browser
download) and axe-core from the npm registry in tests/.node (``make test`` installs all three). Outside CI a
missing piece skips these tests with the reason; with CI=true it fails them. Screenshots go to test-output/.
"""

from __future__ import annotations

import os
import unicodedata
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
    assert any("beastly" in t for t in cell.locator("del").all_inner_texts())  # the reference's word, struck
    # piggery/beastly is one weight (wording); the row's loaded-language change is the press's neutral wording
    badge = row.locator("td[data-source=press] .badge.t-loaded_language")
    assert badge.is_visible() and "loaded language" in badge.inner_text()
    assert "NRC" in (badge.get_attribute("title") or "") or "VADER" in (badge.get_attribute("title") or "")
    page.keyboard.press("Escape")
    page.keyboard.press("j")  # next change: the only row left with a change
    assert page.evaluate("document.activeElement.classList.contains('current')")
    row.screenshot(path=str(SHOTS / "piggery-row.png"))
    assert page.errors == []


@pytest.mark.parametrize("name", ["index.html", "synopsis.html", "pair-readout--transcript.html", "handout.html"])
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


# --- the handout, printed ------------------------------------------------------------------------------

NOTE = "Ask: <b>why</b> does Minsk say “piggery”?"


def _pdf_pages(path: Path) -> list[str]:
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTTextContainer

    pages = []
    for layout in extract_pages(str(path)):
        text = " ".join(el.get_text() for el in layout if isinstance(el, LTTextContainer))
        pages.append(" ".join(unicodedata.normalize("NFKC", text).split()))  # ligatures (ﬀ, ﬁ) back to letters
    return pages


def _reference_column(path: Path) -> list[str]:
    """Return, per page, the text of lines that start in the left third (the reference column and full-width lines), in reading order.

    The columns of a page are read apart, so a sentence wrapped in its column is read back whole.
    """
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTTextLine

    def lines(node):  # type: ignore[no-untyped-def]
        if isinstance(node, LTTextLine):
            yield node
        elif hasattr(node, "__iter__"):
            for child in node:
                yield from lines(child)

    pages = []
    for layout in extract_pages(str(path), laparams=LAParams(char_margin=0.8)):
        left = sorted((ln for ln in lines(layout) if ln.x0 < layout.width * 0.36), key=lambda ln: (-round(ln.y1), ln.x0))
        text = " ".join(ln.get_text() for ln in left)
        pages.append(" ".join(unicodedata.normalize("NFKC", text).split()))
    return pages


def _squash(text: str) -> str:
    return "".join(text.split())


def _print(browser, html: Path, pdf: Path, fmt: str) -> list[str]:  # type: ignore[no-untyped-def]
    pg = browser.new_page()
    pg.goto(html.as_uri())
    pg.wait_for_load_state("load")
    pg.pdf(path=str(pdf), format=fmt)
    pg.close()
    return _pdf_pages(pdf)


@pytest.fixture(scope="module")
def starred_report(seed_corpus, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The seed report with one reference sentence starred and noted, as ``compare.annotate`` resolves them."""
    from dataclasses import replace

    from compare.records import Annotations, Note

    unit = next(u for u in seed_corpus.units["transcript"] if "beastly Western behaviour" in u.text)
    annotations = Annotations(notes=(Note("transcript", unit.id, NOTE),), starred=(("transcript", unit.id),))
    out = tmp_path_factory.mktemp("starred") / "report"
    write_report(replace(seed_corpus, annotations=annotations), out)
    return out, unit.text


@pytest.mark.parametrize("fmt", ["A4", "Letter"])
def test_handout_prints_the_starred_row_and_no_other(browser, starred_report: tuple[Path, str], fmt: str) -> None:
    report, sentence = starred_report
    SHOTS.mkdir(exist_ok=True)
    pdf = SHOTS / f"handout-starred-{fmt}.pdf"
    pages = _print(browser, report / "handout.html", pdf, fmt)
    text = " ".join(pages)
    # the starred sentence in full (compared without whitespace: a line may break after "self-")
    assert _squash(sentence) in _squash(" ".join(_reference_column(pdf)))
    assert NOTE in text  # shown as written: the markup is text, not bold
    assert "the 1 row starred by the teacher" in text
    assert text.count("Your answer:") == 1 and "2." not in text.split("Your answer:")[0].split("1.", 1)[0]
    assert len(pages) == 1


@pytest.mark.parametrize("fmt", ["A4", "Letter"])
def test_default_handout_fits_portrait_pages_with_headers_and_whole_rows(browser, report: Path, fmt: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    pages = _print(browser, report / "handout.html", SHOTS / f"handout-{fmt}.pdf", fmt)
    print(f"default handout of the seed corpus on {fmt} portrait: {len(pages)} pages")
    assert "most telling differences" in pages[0] and "rewording left out" in pages[0]
    items = parse_items(report / "handout.html")
    assert 1 <= len(items) <= 10
    for page in pages:
        assert "transcript (reference)" in page  # the header row, repeated on every page
    # rows are never split: each row's sentence, its explanation and its answer box are on one page
    left = _reference_column(SHOTS / f"handout-{fmt}.pdf")
    for number, sentence in items:
        holding = [k for k, page in enumerate(left) if _squash(sentence) in _squash(page)]
        assert len(holding) == 1, (number, sentence)
    assert sum(p.count("Your answer:") for p in pages) == len(items)
    assert len(pages) <= len(items)


def parse_items(handout: Path) -> list[tuple[int, str]]:
    from .test_report import parse

    rows = parse(handout).find("table", "handout").find_all("tbody", "item")
    out = []
    for row in rows:
        th = row.find("th")
        number = int(th.find("span", "num").text().rstrip("."))
        out.append((number, th.text(skip=frozenset({"num", "speaker"})).strip()))
    return out


def test_j_skips_rows_whose_only_change_is_wording(page, report: Path) -> None:
    page.goto((report / "synopsis.html").as_uri())
    page.locator("body").click(position={"x": 5, "y": 5})
    seen = set()
    for _ in range(15):
        page.keyboard.press("j")
        types = page.evaluate("document.activeElement.getAttribute('data-types')") or ""
        assert set(types.split()) - {"wording"}, types
        seen.add(page.evaluate("document.activeElement.id"))
    assert len(seen) >= 3
    header = page.locator("table.synopsis thead th.refcol")
    box = header.bounding_box()
    assert box is not None and box["y"] >= 0 and header.is_visible()  # the sticky header stays in view
    assert page.errors == []
