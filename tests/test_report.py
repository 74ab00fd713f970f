"""Tests of the HTML report: structure checked with a parser, plus golden files.

Golden files live in tests/golden/, one per page of the report of the small corpus built below. After
an intended change to the templates, CSS or layout, regenerate them and review the `git diff`:

    COMPARE_REGEN_GOLDEN=1 .venv/bin/python -m pytest tests/test_report.py -q
"""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser
from pathlib import Path

import pytest

import compare
from compare.errors import OutputError
from compare.outputs import report_reference
from compare.records import (
    Annotations,
    Change,
    Corpus,
    Document,
    Edit,
    Event,
    Flag,
    Link,
    Note,
    PairAlignment,
    Rejected,
    Source,
    Unit,
)
from compare.report import render_report
from compare.report.pages import coverage_percent
from compare.write import write_folder

GOLDEN = Path(__file__).parent / "golden"
SCRIPT = "<script>alert(1)</script>"

# --- a tiny DOM built with the stdlib parser ------------------------------------------------------

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    children: list[Node | str] = field(default_factory=list)

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def iter(self):  # type: ignore[no-untyped-def]
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.iter()

    def find_all(self, tag: str, cls: str | None = None) -> list[Node]:
        return [n for n in self.iter() if n.tag == tag and (cls is None or cls in n.classes)]

    def find(self, tag: str, cls: str | None = None) -> Node:
        found = self.find_all(tag, cls)
        assert found, f"no <{tag} class={cls!r}> in the page"
        return found[0]

    def text(self, skip: frozenset[str] = frozenset()) -> str:
        """Return the text inside, leaving out elements having one of the ``skip`` classes."""
        return "".join(
            c if isinstance(c, str) else ("" if c.classes & skip else c.text(skip)) for c in self.children
        )


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in _VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Node(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        assert any(n.tag == tag for n in self.stack), f"stray </{tag}>"
        while self.stack.pop().tag != tag:
            pass

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(path: Path) -> Node:
    builder = _TreeBuilder()
    builder.feed(path.read_text(encoding="utf-8"))
    builder.close()
    assert builder.stack == [builder.root], f"unclosed elements in {path.name}: {[n.tag for n in builder.stack]}"
    return builder.root


# --- the small corpus -----------------------------------------------------------------------------


def _document(source: Source, spans: list[tuple[str, str | None, str | None]]) -> tuple[Document, tuple[Unit, ...]]:
    """Build a Document whose text is the spans, one per line, and Units with exact offsets."""
    units, pos, text = [], 0, ""
    for i, (span, speaker, set_aside) in enumerate(spans):
        units.append(Unit(i, pos, pos + len(span), span, speaker=speaker, set_aside=set_aside))
        text += span + "\n"
        pos = len(text)
    doc = Document(source=source, path=f"corpus/{source.file}", text=text)
    assert all(doc.text[u.start : u.end] == u.text for u in units)
    return doc, tuple(units)


TRANSCRIPT = "Transcript of the call"
READOUT = "Readout of the meeting"


def small_corpus() -> Corpus:
    """Three sources: a transcript and a readout of one meeting, and an unrelated weather note."""
    transcript, tu = _document(
        Source("transcript", "t.txt", TRANSCRIPT, outlet="Kremlin", kind="transcript", date="2022-03-11"),
        [
            ("Moscow, 11 March 2022", None, "metadata"),
            ("The president met the minister on Monday.", "Anna Smith", None),
            ("They discussed grain exports and energy prices.", "Anna Smith", None),
            ("Prices rose by 12 percent last year.", "Anna Smith", None),
            (f"{SCRIPT} was typed by a hacker.", "Ben Jones", None),
            ("The talks will continue in May.", "Ben Jones", None),
            ("Both sides agreed to stay in touch.", "Anna Smith", None),
        ],
    )
    readout, ru = _document(
        Source("readout", "r.txt", READOUT, outlet="Ministry", kind="readout", date="2022-03-12"),
        [
            ("The president and the minister met on Monday.", None, None),
            ("The talks will resume in June.", None, None),
            ("They discussed grain exports.", None, None),
            ("The minister praised the cooperation.", None, None),
            ("The sides agreed to stay in touch.", None, None),
            ("Press office, all rights reserved.", None, "page furniture"),
            ("Follow us", None, "navigation label"),
        ],
    )
    weather, wu = _document(
        Source("weather", "w.txt", f"Weather {SCRIPT} outlook", kind="other", language="en-GB"),
        [("Rain is expected on Tuesday.", None, None), ("Temperatures will fall to 5 degrees.", None, None)],
    )
    links = (
        Link(
            (1,),
            (0,),
            0.912,
            (
                Edit("equal", "The president "),
                Edit("insert", "and the minister "),
                Edit("equal", "met "),
                Edit("delete", "the minister "),
                Edit("equal", "on Monday."),
            ),
        ),
        Link(
            (2, 3),
            (2,),
            0.7449,
            (
                Edit("equal", "They discussed grain exports"),
                Edit("delete", " and energy prices"),
                Edit("equal", "."),
                Edit("delete", " Prices rose by 12 percent last year."),
            ),
        ),
        Link(  # crosses: B #1 comes after B #2 in A's order
            (5,),
            (1,),
            0.83,
            (
                Edit("equal", "The talks will "),
                Edit("delete", "continue"),
                Edit("insert", "resume"),
                Edit("equal", " in "),
                Edit("delete", "May"),
                Edit("insert", "June"),
                Edit("equal", "."),
            ),
            (
                Change("wording", "continue", "resume", ""),
                Change("number", "May", "June", "the month differs: May vs June"),
                Change("wording", "in", "in", ""),
            ),
            confidence=0.61,
        ),
        Link(
            (6,),
            (4,),
            0.88,
            (Edit("delete", "Both"), Edit("insert", "The"), Edit("equal", " sides agreed to stay in touch.")),
        ),
    )
    return Corpus(
        documents=(transcript, readout, weather),
        units={"transcript": tu, "readout": ru, "weather": wu},
        flags={"weather": (Flag("unrelated", "related to no other source (0.31 < 0.77)", 0, len(weather.text)),)},
        pairs=(
            PairAlignment("transcript", "readout", links, related=0.8),
            PairAlignment("transcript", "weather", ()),
            PairAlignment("readout", "weather", ()),
        ),
        model_name="all-MiniLM-L6-v2",
        model_sha256="0123456789abcdef" * 4,
        rejected=(Rejected("notes.docx", "cannot use notes.docx: .docx is not supported. Save it as .txt."),),
    )


PAGES = [
    "handout.html", "index.html", "pair-readout--weather.html", "pair-transcript--readout.html",
    "pair-transcript--weather.html", "synopsis-readout.html", "synopsis.html",
]


def render_pages(corpus: Corpus, out: Path, reference: str | None = None) -> Path:
    """Write the report's HTML pages (only those) into ``out``; return its index."""
    out.mkdir(parents=True, exist_ok=True)
    for name, html in render_report(corpus, report_reference(corpus, reference)).items():
        (out / name).write_text(html, encoding="utf-8", newline="\n")
    return out / "index.html"


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report")
    index = render_pages(small_corpus(), out)
    assert index == out / "index.html"
    return out


@pytest.fixture(scope="module")
def pair_rows(report: Path) -> list[Node]:
    table = parse(report / "pair-transcript--readout.html").find("table", "pair")
    return table.find("tbody").find_all("tr")


def _cells(row: Node) -> tuple[Node, Node, Node]:
    tds = row.find_all("td")
    assert len(tds) == 3
    return tds[0], tds[1], tds[2]


def _kind(row: Node) -> str:
    return row.attrs["class"].split()[0]


def _unit_ids(cell: Node) -> list[int]:
    return [int(n.attrs["data-unit"]) for n in cell.find_all("span", "unit")]


# --- index ----------------------------------------------------------------------------------------


def test_writes_one_page_per_pair_and_an_index(report: Path) -> None:
    assert sorted(p.name for p in report.iterdir()) == PAGES


def test_index_matrix_shows_coverage_percentages_and_links_to_pairs(report: Path) -> None:
    matrix = parse(report / "index.html").find("table", "matrix")
    columns = [th.text() for th in matrix.find("thead").find_all("th")]
    assert columns == ["transcript", "readout", "weather"]
    grid, hrefs = {}, {}
    for tr in matrix.find("tbody").find_all("tr"):
        row = tr.find("th")
        assert row.attrs["scope"] == "row"
        for col, td in zip(columns, tr.find_all("td")):
            grid[(row.text(), col)] = td.text()
            links = td.find_all("a")
            hrefs[(row.text(), col)] = links[0].attrs["href"] if links else None
    # transcript: 5 of its 6 sentences are linked (A4 is not; A0 is set aside and does not count);
    # readout: 4 of 5 (B3 is not; B5 is set aside); weather is about something else.
    assert grid == {
        ("transcript", "transcript"): "—",
        ("transcript", "readout"): "83%",
        ("transcript", "weather"): "0%",
        ("readout", "transcript"): "80%",
        ("readout", "readout"): "—",
        ("readout", "weather"): "0%",
        ("weather", "transcript"): "0%",
        ("weather", "readout"): "0%",
        ("weather", "weather"): "—",
    }
    assert hrefs[("transcript", "readout")] == hrefs[("readout", "transcript")] == "pair-transcript--readout.html"
    assert hrefs[("weather", "readout")] == "pair-readout--weather.html"
    assert hrefs[("weather", "weather")] is None


def test_index_lists_sources_rejected_files_and_model(report: Path) -> None:
    page = parse(report / "index.html")
    assert page.find("title").text() == "compare report"
    rows = page.find("table", "sources").find("tbody").find_all("tr")
    cells = [[c.text() for c in r.children if isinstance(c, Node)] for r in rows]
    assert cells[0] == ["transcript", TRANSCRIPT, "Kremlin", "transcript", "2022-03-11", "en", "corpus/t.txt", "utf-8", "6", "1", ""]
    assert cells[1][-3:] == ["5", "2", ""]
    assert cells[2][1] == f"Weather {SCRIPT} outlook"
    assert "unrelated" in cells[2][-1]  # the flag is shown in the list of sources
    rejected = page.find("ul", "rejected").text()
    assert "notes.docx" in rejected and ".docx is not supported" in rejected
    sha = [c for c in page.find_all("code") if c.attrs.get("title") == "0123456789abcdef" * 4]
    assert sha and sha[0].text() == "0123456789ab…"
    assert "all-MiniLM-L6-v2" in page.find("header").text()


@pytest.mark.parametrize(
    ("covered", "total", "shown"), [(0, 7, "0%"), (1, 300, "<1%"), (299, 300, ">99%"), (7, 7, "100%"), (5, 6, "83%")]
)
def test_coverage_never_rounds_a_partial_share_to_0_or_100(covered: int, total: int, shown: str) -> None:
    assert coverage_percent(covered, total) == shown


# --- pair page --------------------------------------------------------------------------------------


def test_pair_rows_follow_a_order_with_b_leftovers_after_their_b_neighbour(pair_rows: list[Node]) -> None:
    layout = [(_kind(r), _unit_ids(_cells(r)[0]), _unit_ids(_cells(r)[2])) for r in pair_rows]
    assert layout == [
        ("aside-a", [0], []),
        ("link", [1], [0]),
        ("link", [2, 3], [2]),
        ("unmatched-b", [], [3]),  # right after the row showing B #2
        ("unmatched-a", [4], []),
        ("link", [5], [1]),
        ("link", [6], [4]),
        ("aside-b", [], [5, 6]),  # a run of set-aside units shares one row
    ]


def test_pair_cells_rebuild_each_unit_text_exactly(pair_rows: list[Node]) -> None:
    corpus = small_corpus()
    for row in pair_rows:
        left, _, right = _cells(row)
        for cell, doc in ((left, "transcript"), (right, "readout")):
            for span in cell.find_all("span", "unit"):
                unit = corpus.units[doc][int(span.attrs["data-unit"])]
                assert span.text(skip=frozenset({"speaker", "reason"})) == unit.text


def test_del_and_ins_hold_exactly_the_changed_words(pair_rows: list[Node]) -> None:
    left_del = [d.text() for r in pair_rows for d in _cells(r)[0].find_all("del")]
    right_ins = [i.text() for r in pair_rows for i in _cells(r)[2].find_all("ins")]
    # The joining space between A #2 and A #3 belongs to neither sentence, so it is not shown.
    assert left_del == ["the minister ", " and energy prices", "Prices rose by 12 percent last year.", "continue", "May", "Both"]
    assert right_ins == ["and the minister ", "resume", "June", "The"]
    assert not any(_cells(r)[0].find_all("ins") or _cells(r)[2].find_all("del") for r in pair_rows)


def test_scores_are_shown_with_two_decimals(pair_rows: list[Node]) -> None:
    assert [_cells(r)[1].text() for r in pair_rows if _kind(r) == "link"] == ["0.91", "0.74", "0.83confidence 0.61", "0.88"]
    assert all(_cells(r)[1].text() == "" for r in pair_rows if _kind(r) != "link")


def test_unmatched_sentences_say_they_have_no_counterpart(pair_rows: list[Node]) -> None:
    by_kind = {_kind(r): _cells(r) for r in pair_rows}
    left, _, right = by_kind["unmatched-a"]
    assert left.text(skip=frozenset({"speaker"})) == f"{SCRIPT} was typed by a hacker."
    assert right.find("span", "note").text() == "no counterpart"  # compact: the column header names the source
    left, _, right = by_kind["unmatched-b"]
    assert left.find("span", "note").text() == "no counterpart"
    assert right.text() == "The minister praised the cooperation."


def test_set_aside_units_show_their_reason_and_no_score(pair_rows: list[Node]) -> None:
    by_kind = {_kind(r): _cells(r) for r in pair_rows}
    left, score, right = by_kind["aside-a"]
    assert left.find("span", "reason").text() == "set aside: metadata"
    assert "aside" in left.classes and score.text() == "" and right.text() == ""
    left, score, right = by_kind["aside-b"]
    reasons = [r.text() for r in right.find_all("span", "reason")]
    assert reasons == ["set aside: page furniture", "set aside: navigation label"]
    assert "aside" in right.classes and left.text() == ""


def test_only_the_crossing_b_sentence_is_marked_moved(pair_rows: list[Node]) -> None:
    moved = [(_unit_ids(_cells(r)[2]), m.text()) for r in pair_rows for m in _cells(r)[2].find_all("span", "moved")]
    assert moved == [([1], "↕ moved: B #1")]
    assert not any(_cells(r)[0].find_all("span", "moved") for r in pair_rows)


def _two_documents(n_a: int, n_b: int, links: list[tuple[int, int]]) -> Corpus:
    """Two documents of numbered sentences, linked one to one as given (no edits)."""
    a, ua = _document(Source("a", "a.txt", "A"), [(f"Sentence A{i}.", None, None) for i in range(n_a)])
    b, ub = _document(Source("b", "b.txt", "B"), [(f"Sentence B{j}.", None, None) for j in range(n_b)])
    pair = PairAlignment("a", "b", tuple(Link((i,), (j,), 0.9) for i, j in links))
    return Corpus(documents=(a, b), units={"a": ua, "b": ub}, pairs=(pair,))


def test_a_moved_run_of_b_is_marked_once_at_its_start(tmp_path: Path) -> None:
    # B #4 comes early in A's order and B #5, unmatched, follows it: both are out of B's order,
    # but only the start of that run carries the marker.
    render_pages(_two_documents(5, 6, [(0, 0), (1, 4), (2, 1), (3, 2), (4, 3)]), tmp_path)
    rows = parse(tmp_path / "pair-a--b.html").find("table", "pair").find("tbody").find_all("tr")
    layout = [(_unit_ids(_cells(r)[2]), [m.text() for m in _cells(r)[2].find_all("span", "moved")]) for r in rows]
    assert layout == [([0], []), ([4], ["↕ moved: B #4"]), ([5], []), ([1], []), ([2], []), ([3], [])]


def test_speaker_is_named_where_it_changes(pair_rows: list[Node]) -> None:
    labels = [
        (int(u.attrs["data-unit"]), u.find("b", "speaker").text())
        for r in pair_rows
        for u in _cells(r)[0].find_all("span", "unit")
        if u.find_all("b", "speaker")
    ]
    assert labels == [(1, "Anna Smith"), (4, "Ben Jones"), (6, "Anna Smith")]


def test_pair_header_names_both_sources_and_links_back(report: Path) -> None:
    page = parse(report / "pair-transcript--readout.html")
    header = page.find("header")
    assert header.find("h1").text() == f"{TRANSCRIPT} ↔ {READOUT}"
    assert "4 links" in header.text()
    assert [a.attrs["href"] for a in header.find_all("a")] == ["index.html"]
    assert [th.attrs.get("scope") for th in page.find("table", "pair").find_all("th")] == ["col"] * 3


def test_pair_without_links_lists_every_sentence_as_unmatched(report: Path) -> None:
    page = parse(report / "pair-readout--weather.html")
    rows = page.find("table", "pair").find("tbody").find_all("tr")
    kinds = [(_kind(r), _unit_ids(_cells(r)[0]), _unit_ids(_cells(r)[2])) for r in rows]
    # No B sentence is shown before the first A row, so the B leftovers go to the top; runs share a row.
    assert kinds == [("unmatched-b", [], [0, 1]), ("unmatched-a", [0, 1, 2, 3, 4], []), ("aside-a", [5, 6], [])]
    assert "0 links" in page.find("header").text()


def test_link_without_edits_shows_plain_text(tmp_path: Path) -> None:
    corpus = small_corpus()
    pair = corpus.pairs[0]
    plain = replace(pair, links=tuple(replace(lk, edits=()) for lk in pair.links))
    render_pages(replace(corpus, pairs=(plain, *corpus.pairs[1:])), tmp_path)
    table = parse(tmp_path / "pair-transcript--readout.html").find("table", "pair")
    assert not table.find_all("del") and not table.find_all("ins")
    assert "They discussed grain exports and energy prices." in table.text()


# --- every page -------------------------------------------------------------------------------------


def test_source_text_is_escaped(report: Path) -> None:
    for name in PAGES:
        raw = (report / name).read_text(encoding="utf-8")
        # One script per page, our own packaged file; source text never becomes markup.
        assert raw.count("<script") == 1, name
        (script,) = parse(report / name).find_all("script")
        assert script.text() == (Path(compare.__file__).parent / "report" / "static" / "report.js").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in (report / "pair-transcript--readout.html").read_text(encoding="utf-8")
    weather = parse(report / "pair-transcript--weather.html")
    assert weather.find("h1").text() == f"{TRANSCRIPT} ↔ Weather {SCRIPT} outlook"


def test_pages_are_self_contained_and_accessible(report: Path) -> None:
    for name in PAGES:
        raw = (report / name).read_text(encoding="utf-8")
        assert "http://" not in raw and "https://" not in raw, name
        page = parse(report / name)
        html = page.find("html")
        assert html.attrs["lang"] == "en"
        assert len(page.find_all("style")) == 1 and "font-size: 18px" in page.find("style").text()
        csp = [m for m in page.find_all("meta") if m.attrs.get("http-equiv") == "Content-Security-Policy"]
        assert csp and csp[0].attrs["content"].startswith("default-src 'none'"), name
        script_src = next(d for d in csp[0].attrs["content"].split(";") if d.strip().startswith("script-src"))
        assert "'sha256-" in script_src and "unsafe" not in script_src, script_src  # only our script, by hash
        assert not page.find_all("link") and not any("src" in n.attrs for n in page.iter()), name
        for a in page.find_all("a"):
            target, _, anchor = a.attrs["href"].partition("#")
            assert (report / (target or name)).is_file(), (name, a.attrs["href"])
            if anchor:
                assert any(n.attrs.get("id") == anchor for n in parse(report / (target or name)).iter()), a.attrs["href"]
        assert all("scope" in th.attrs for th in page.find_all("th")), name
        # The handout says what its marks mean in its header; every other page has the legend.
        assert page.find_all("section", "legend") or name == "handout.html", name


def test_same_corpus_gives_byte_identical_pages(report: Path, tmp_path: Path) -> None:
    again = tmp_path / "elsewhere" / "deeper"
    render_pages(small_corpus(), again)
    for name in PAGES:
        assert (again / name).read_bytes() == (report / name).read_bytes(), name
        assert str(tmp_path) not in (again / name).read_text(encoding="utf-8")


def test_unsafe_document_id_is_refused_with_the_fix(tmp_path: Path) -> None:
    corpus = small_corpus()
    bad = replace(corpus.documents[2], source=replace(corpus.documents[2].source, id="../weather"))
    with pytest.raises(OutputError) as info:
        render_pages(replace(corpus, documents=(*corpus.documents[:2], bad)), tmp_path)
    message = str(info.value)
    assert "corpus/w.txt" in message and "'../weather' is not URL-safe" in message
    assert "sources.toml" in message
    assert not list(tmp_path.iterdir())


def test_unwritable_report_folder_is_reported_with_the_fix(tmp_path: Path) -> None:
    taken = tmp_path / "report"
    taken.write_text("a file, not a folder", encoding="utf-8")
    with pytest.raises(OutputError) as info:
        write_folder(taken, {"index.html": "<p>page</p>"})
    assert str(info.value).startswith(f"cannot write the report to {taken}: ")
    assert "Pick a folder you can write to (-o)." in str(info.value)


def _shared_assets_out(page: str) -> str:
    """Return ``page`` with the packaged CSS, JS and the script's CSP hash replaced by named placeholders.

    The golden files then hold what each page itself renders; one edit to report.css or report.js changes no golden.
    """
    from compare.report.environment import script_hash, static_text

    for name in ("report.css", "report.js"):
        text = str(static_text(name))
        assert text in page, f"{name} is not inlined in the page"
        page = page.replace(text, f"/* packaged {name} */")
    return page.replace(script_hash(), "sha256-<packaged report.js>")


def test_pages_match_golden_files(report: Path) -> None:
    regen = os.environ.get("COMPARE_REGEN_GOLDEN") == "1"
    if regen:
        GOLDEN.mkdir(exist_ok=True)
        for old in GOLDEN.glob("*.html"):
            old.unlink()
    failures = []
    for name in PAGES:
        got = _shared_assets_out((report / name).read_text(encoding="utf-8"))
        golden = GOLDEN / name
        if regen:
            golden.write_text(got, encoding="utf-8", newline="\n")
            continue
        want = golden.read_text(encoding="utf-8") if golden.is_file() else ""
        if got != want:
            diff = difflib.unified_diff(
                want.splitlines(keepends=True), got.splitlines(keepends=True), f"golden/{name}", f"rendered/{name}"
            )
            failures.append("".join(diff))
    assert sorted(p.name for p in GOLDEN.glob("*.html")) == PAGES
    if failures:
        print("\n".join(failures))
        pytest.fail(
            f"{len(failures)} page(s) differ from tests/golden (diff above); if intended, rerun with COMPARE_REGEN_GOLDEN=1"
        )


# --- the lesson workflow: notes, stars, checked and added links, possible counterparts, the handout --------

NOTE = "<b>Why</b> June & not May?"


def annotated_corpus() -> Corpus:
    """The small corpus with a teacher's annotations applied: a note, a star, a checked and an added link, a problem,
    and a possible counterpart below the link threshold."""
    corpus = small_corpus()
    pair = corpus.pairs[0]
    links = list(pair.links)
    links[0] = replace(links[0], checked=True)
    links[3] = replace(links[3], added=True, confidence=None)
    possible = (Link((4,), (3,), 0.41, confidence=0.32),)
    annotations = Annotations(
        notes=(Note("readout", 1, NOTE), Note("transcript", 1, "Who met whom?")),
        starred=(("transcript", 5),),
        problems=("annotations.json: note on press “no such words” matches no sentence of press",),
    )
    return replace(
        corpus, pairs=(replace(pair, links=tuple(links), possible=possible), *corpus.pairs[1:]), annotations=annotations
    )


@pytest.fixture(scope="module")
def annotated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("annotated")
    render_pages(annotated_corpus(), out)
    return out


def _ref_row(page: Node, text: str) -> Node:
    return next(r for r in page.find("table", "synopsis").find("tbody").find_all("tr") if "ref" in r.classes and text in r.find("th").text())


def test_notes_are_shown_escaped_beside_their_sentence(annotated: Path) -> None:
    escaped = "&lt;b&gt;Why&lt;/b&gt; June &amp; not May?"
    for name in ("synopsis.html", "pair-transcript--readout.html", "handout.html"):
        raw = (annotated / name).read_text(encoding="utf-8")
        assert escaped in raw and NOTE not in raw, name
    synopsis = parse(annotated / "synopsis.html")
    row = _ref_row(synopsis, "The talks will continue in May.")
    cell = next(td for td in row.find_all("td") if td.attrs.get("data-source") == "readout")
    assert cell.find("span", "tnote").text() == f"Note: {NOTE}"
    assert _ref_row(synopsis, "The president met").find("th").find("span", "tnote").text() == "Note: Who met whom?"
    pair = parse(annotated / "pair-transcript--readout.html")
    unit = next(u for u in pair.find_all("span", "unit") if u.text().startswith("The talks will resume"))
    assert unit in pair.find("table", "pair").find_all("span", "unit")
    assert any(n.text() == f"Note: {NOTE}" for n in pair.find_all("span", "tnote"))


def test_handout_holds_the_starred_rows_and_no_other(annotated: Path) -> None:
    page = parse(annotated / "handout.html")
    items = page.find("table", "handout").find_all("tbody", "item")
    assert [i.find("th").text() for i in items] == ["1. Ben JonesThe talks will continue in May."]
    assert "the 1 row starred by the teacher" in page.find("p", "selection").text()
    text = items[0].text()
    assert "Number: The month differs: May vs June" in text  # the named change, in words (its detail quotes both)
    assert f"Note (readout): {NOTE}" in text
    assert items[0].find_all("div", "answer")
    assert [th.text() for th in page.find("thead").find_all("th")] == ["transcript (reference)", "readout"]


def test_handout_without_stars_takes_the_most_telling_rows(report: Path) -> None:
    page = parse(report / "handout.html")
    assert "no row was starred: the 1 most telling difference" in page.find("p", "selection").text()
    items = page.find("table", "handout").find_all("tbody", "item")
    assert len(items) == 1 and "The talks will continue in May." in items[0].text()


def test_handout_shows_at_most_three_source_columns() -> None:
    from compare.report.handout import build_handout

    corpus = small_corpus()
    extra = []
    for k in range(3):  # three more sources, each a copy of the readout with the same links
        doc = replace(corpus.documents[1], source=replace(corpus.documents[1].source, id=f"copy{k}"))
        extra.append((doc, replace(corpus.pairs[0], b=f"copy{k}")))
    wide = replace(
        corpus,
        documents=(*corpus.documents, *(d for d, _ in extra)),
        units={**corpus.units, **{d.id: corpus.units["readout"] for d, _ in extra}},
        pairs=(*corpus.pairs, *(p for _, p in extra)),
    )
    handout = build_handout(wide, wide.documents[0])
    assert len(handout.sources) == 2 and handout.items
    assert set(handout.left_out) == {"copy0", "copy1", "copy2", "readout"} - {d.id for d in handout.sources}


def test_checked_added_and_possible_links_are_marked(annotated: Path) -> None:
    synopsis = parse(annotated / "synopsis.html")
    first = _ref_row(synopsis, "The president met")
    readout = next(td for td in first.find_all("td") if td.attrs.get("data-source") == "readout")
    assert "checked by a person" in readout.find("span", "pmark").text()
    last = _ref_row(synopsis, "Both sides agreed")
    readout = next(td for td in last.find_all("td") if td.attrs.get("data-source") == "readout")
    assert "added by a person" in readout.find("span", "pmark").text()
    # the possible counterpart: dashed, its confidence said, no badge, no diff, still "not in" and not covered
    hacker = _ref_row(synopsis, "was typed by a hacker")
    cell = next(td for td in hacker.find_all("td") if td.attrs.get("data-source") == "readout")
    assert "possible" in cell.classes
    assert "possible counterpart, confidence 0.32" in cell.text()
    assert cell.find("span", "maybe").text() == "The minister praised the cooperation."
    assert not cell.find_all("span", "badge") and not cell.find_all("del") and not cell.find_all("ins")
    assert "not in: readout" in hacker.find("span", "missing-list").text()
    assert "has-change" not in hacker.classes
    pair = parse(annotated / "pair-transcript--readout.html")
    rows = pair.find("table", "pair").find("tbody").find_all("tr")
    possible = [r for r in rows if _kind(r) == "possible"]
    assert len(possible) == 1 and "possible counterpart" in possible[0].text()
    assert "4 links" in pair.find("header").text() and "1 possible counterpart" in pair.find("header").text()
    assert "5 of 6 sentences of A and 4 of 5 of B" in pair.find("header").text()  # the possible one is not counted
    matrix = parse(annotated / "index.html").find("table", "matrix")
    assert "83%" in matrix.text() and "80%" in matrix.text()


def test_confidence_is_shown_in_the_synopsis(report: Path) -> None:
    row = _ref_row(parse(report / "synopsis.html"), "The talks will continue in May.")
    cell = next(td for td in row.find_all("td") if td.attrs.get("data-source") == "readout")
    assert cell.find("span", "pos").text() == "sentence 2 of 5; confidence 0.61"


def test_synopsis_strikes_the_reference_words_beside_the_source_words(report: Path) -> None:
    row = _ref_row(parse(report / "synopsis.html"), "The talks will continue in May.")
    cell = next(td for td in row.find_all("td") if td.attrs.get("data-source") == "readout")
    marks = [(n.tag, n.text()) for n in cell.iter() if n.tag in ("del", "ins")]
    assert marks == [("del", "continue"), ("ins", "resume"), ("del", "May"), ("ins", "June")]


def test_one_badge_per_change_type_and_wording_is_quiet(report: Path) -> None:
    synopsis = parse(report / "synopsis.html")
    row = _ref_row(synopsis, "The talks will continue in May.")
    cell = next(td for td in row.find_all("td") if td.attrs.get("data-source") == "readout")
    assert [b.text() for b in cell.find_all("span", "badge")] == ["# number", "✎ wording ×2"]
    assert "has-change" in row.classes and row.attrs["data-types"] == "number wording"
    # a row whose only change is wording is no stop for j/k and no "difference"
    wording_only = replace(small_corpus(), pairs=tuple(
        replace(p, links=tuple(replace(lk, changes=tuple(c for c in lk.changes if c.type == "wording")) for lk in p.links))
        for p in small_corpus().pairs))  # fmt: skip
    from compare.report.synopsis import build_synopsis

    _, rows = build_synopsis(wording_only, wording_only.documents[0])
    talks = next(r for r in rows if r.unit is not None and r.unit.text.startswith("The talks"))
    assert talks.types == ("wording",) and not talks.loud
    overview = parse(report / "index.html").find("table", "overview")
    assert "wording" not in overview.text() and "number" in overview.text()


def test_problems_are_listed_in_the_overview(annotated: Path) -> None:
    section = parse(annotated / "index.html").find("section", "problems")
    assert "matches no sentence of press" in section.text()


def test_pair_page_names_never_collide() -> None:
    from compare.report.pages import pair_file_name

    ids = ["a", "b--c", "a--b", "c"]
    names = {pair_file_name(x, y) for k, x in enumerate(ids) for y in ids[k + 1 :]}
    assert len(names) == 6
    assert pair_file_name("transcript", "readout") == "pair-transcript--readout.html"
    long = pair_file_name("x" * 200, "y" * 200)
    assert len(long) < 90 and long != pair_file_name("x" * 199, "y" * 200)
    assert len({pair_file_name("x-", "y"), pair_file_name("x", "-y"), pair_file_name("x-", "-y")}) == 3


def test_pages_of_colliding_ids_are_six_and_linked(tmp_path: Path) -> None:
    ids = ["a", "b--c", "a--b", "c"]
    docs, units = [], {}
    for i in ids:
        doc, us = _document(Source(i, f"{i}.txt", f"Title {i}"), [(f"Sentence of {i}.", None, None)])
        docs.append(doc)
        units[i] = us
    pairs = tuple(PairAlignment(x, y, ()) for k, x in enumerate(ids) for y in ids[k + 1 :])
    corpus = Corpus(documents=tuple(docs), units=units, pairs=pairs)
    pages = render_report(corpus, "a")
    assert len([n for n in pages if n.startswith("pair-")]) == 6
    render_pages(corpus, tmp_path, "a")
    for a in parse(tmp_path / "index.html").find("table", "matrix").find_all("a"):
        assert (tmp_path / a.attrs["href"]).is_file()


def test_the_reference_is_switchable_in_the_page(report: Path) -> None:
    nav = parse(report / "synopsis.html").find("nav", "refs")
    assert [a.attrs["href"] for a in nav.find_all("a")] == ["synopsis-readout.html"]  # weather is unrelated: none
    other = parse(report / "synopsis-readout.html")
    assert "Reference: readout" in other.find("th", "refcol").text()
    assert [a.attrs["href"] for a in other.find("nav", "refs").find_all("a")] == ["synopsis.html"]


def test_default_reference_is_never_an_unrelated_document() -> None:
    from compare.outputs import report_files

    corpus = small_corpus()
    # the look-alike first in the folder and the event's reference, as without a manifest
    weather = corpus.documents[2]
    lookalike = replace(corpus, documents=(weather, *corpus.documents[:2]),
                        events=(Event("001-weather", ("weather", "transcript", "readout"), "weather"),))  # fmt: skip
    assert report_reference(lookalike) == "transcript"
    files = report_files(lookalike)
    assert "Reference: <code>transcript</code>" in files["synopsis.html"]
    assert '"reference": "transcript"' in files["alignment.json"]
    # asked for by name, it is kept
    assert "Reference: <code>weather</code>" in report_files(lookalike, "weather")["synopsis.html"]


def test_shared_words_stay_visible_inside_a_reworded_passage() -> None:
    from compare.diff import diff_words
    from compare.report.rewording import keep_shared_words

    a = "The West hopes that the new sanctions will bring our economy to its knees within a month."
    b = "Moscow sees in the sanctions an opportunity, and our economy will grow stronger, the minister said."
    edits = keep_shared_words(diff_words(a, b))
    assert "".join(e.text for e in edits if e.op != "insert") == a
    assert "".join(e.text for e in edits if e.op != "delete") == b
    shared = [e.text for e in edits if e.op == "equal"]
    assert any("sanctions" in t for t in shared) and any("economy" in t for t in shared)
    assert not any(t.strip() in ("the", ",") for t in shared)  # slight shared words are not shown as shared
    # nothing shared: left as it was
    plain = diff_words("Thank you for coming.", "Welcome.")
    assert keep_shared_words(plain) == plain
