"""Real inputs and hostile inputs: every format, every encoding, every failure explained, nothing lost (issue 5)."""

from __future__ import annotations

import shutil
import socket
from pathlib import Path

import pytest
from click.testing import CliRunner

from compare.cli import cli
from compare.errors import CompareError
from compare.read import read_corpus
from compare.segment import split_units

from .conftest import CORPUS
from .makefiles import docx_bytes, html_page, pdf_bytes
from .test_report import parse

SEED = {p.name[:3]: p for p in CORPUS.glob("*.txt")}


@pytest.fixture()
def run(session_cache: Path):  # type: ignore[no-untyped-def]
    """Run ``compare run ARGS -q`` with this session's embedding cache."""

    def invoke(*args: str):  # type: ignore[no-untyped-def]
        return CliRunner().invoke(cli, ["run", *args, "-q", "--cache-dir", str(session_cache)])

    return invoke


def _last_line(result) -> str:  # type: ignore[no-untyped-def]
    return result.stderr.strip().splitlines()[-1]


def _assert_all_text_in_one_unit(doc) -> None:  # type: ignore[no-untyped-def]
    units = split_units(doc)
    owner = [0] * len(doc.text)
    for u in units:
        assert doc.text[u.start : u.end] == u.text
        for k in range(u.start, u.end):
            owner[k] += 1
    for k, ch in enumerate(doc.text):
        assert owner[k] <= 1, (doc.id, k)
        if not ch.isspace():
            assert owner[k] == 1, (doc.id, k, doc.text[max(0, k - 20) : k + 20])


# --- formats ---------------------------------------------------------------------------------------------------


def test_every_format_is_read_with_its_metadata(tmp_path: Path) -> None:
    paragraphs = ["The two presidents met in Moscow on Friday.", "They talked about sanctions – and about “trade”."]
    (tmp_path / "a.txt").write_text("\n".join(paragraphs) + "\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("# Talks\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    page = html_page("Talks in Moscow", paragraphs).replace(
        "<head>", '<head><meta name="date" content="2022-03-11"><link rel="canonical" href="https://example.org/talks">')
    (tmp_path / "c.html").write_text(page, encoding="utf-8")
    (tmp_path / "d.pdf").write_bytes(pdf_bytes(paragraphs))
    (tmp_path / "e.docx").write_bytes(docx_bytes(paragraphs))
    (tmp_path / "f.xyz").write_text("who knows", encoding="utf-8")
    docs, rejected = read_corpus(tmp_path)
    by = {d.source.file: d for d in docs}
    assert sorted(by) == ["a.txt", "b.md", "c.html", "d.pdf", "e.docx"]
    for d in docs:
        flat = " ".join(d.text.split())
        assert "They talked about sanctions – and about “trade”." in flat, d.source.file
        _assert_all_text_in_one_unit(d)
    assert (by["d.pdf"].format, by["d.pdf"].encoding) == ("pdf", "pdf text layer")
    assert (by["e.docx"].format, by["e.docx"].encoding) == ("docx", "docx")
    html_doc = by["c.html"]
    assert html_doc.source.title == "Talks in Moscow" and html_doc.source.date == "2022-03-11"
    assert dict(html_doc.source.extra)["url"] == "https://example.org/talks"
    assert by["b.md"].source.title == "Talks"
    assert [r.reason for r in rejected] == [
        f"skipped {tmp_path.name}/f.xyz: unsupported file type .xyz; compare reads "
        ".docx, .htm, .html, .markdown, .md, .pdf, .txt."]


def test_damaged_pdf_and_docx_are_refused_with_a_message(tmp_path: Path) -> None:
    good = docx_bytes(["The presidents met in Moscow on Friday."])
    damaged = bytearray(good)
    damaged[len(damaged) // 2 : len(damaged) // 2 + 200] = b"\x00" * 200  # a zip whose compressed data is broken
    (tmp_path / "a.docx").write_bytes(bytes(damaged))
    (tmp_path / "b.pdf").write_bytes(pdf_bytes(["The presidents met."])[:300])
    (tmp_path / "c.docx").write_bytes(b"PK\x03\x04 not really a zip")
    _, rejected = read_corpus(tmp_path)
    reasons = {r.file: r.reason for r in rejected}
    d = tmp_path.name
    assert reasons["a.docx"].startswith(f"cannot read {d}/a.docx: ") and reasons["a.docx"].endswith("Save it again as .docx.")
    assert reasons["b.pdf"].startswith(f"cannot read {d}/b.pdf: ") and reasons["b.pdf"].endswith("Save it again as PDF, or as text.")
    assert reasons["c.docx"] == (f"cannot read {d}/c.docx: not a readable Word document (File is not a zip file). "
                                 "Save it again as .docx.")


def test_html_noise_is_set_aside_with_its_reason_never_deleted(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(html_page("Talks", ["The two presidents met in Moscow on Friday and talked "
                                                            "for five hours about sanctions and trade."]), encoding="utf-8")
    (doc,), _ = read_corpus(tmp_path)
    units = split_units(doc)
    aside = {u.text: u.set_aside for u in units if u.set_aside}
    boilerplate = "boilerplate: outside the page's main text (menus, banners, comments, other articles)"
    assert aside["Home | World | Sport"] == boilerplate
    assert aside["We use cookies to improve your experience. Accept all cookies?"] in (boilerplate, "page furniture: cookie banner")
    assert "Leave a Reply" in " ".join(t for t, r in aside.items() if r == boilerplate)
    assert [u.text for u in units if u.is_sentence] == [
        "Talks", "The two presidents met in Moscow on Friday and talked for five hours about sanctions and trade."]
    _assert_all_text_in_one_unit(doc)


def test_run_together_words_and_odd_whitespace_keep_sentence_boundaries(tmp_path: Path) -> None:
    text = "Lukashenko saidthe West doesnot\u00a0understand.\tThe talks\u200b lasted five hours.  Both sides agreed."
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (doc,), _ = read_corpus(tmp_path)
    assert [u.text for u in split_units(doc)] == [
        "Lukashenko saidthe West doesnot\u00a0understand.", "The talks\u200b lasted five hours.", "Both sides agreed."]


# --- encodings -------------------------------------------------------------------------------------------------

RUSSIAN = "Президент Беларуси Александр Лукашенко провёл переговоры с Владимиром Путиным в Москве. Обсуждали санкции."
ENGLISH = "Lukashenko called it “piggery” – the West’s café diplomacy, he said, is over. " * 3


@pytest.mark.parametrize(
    ("data", "expected", "text"),
    [
        (ENGLISH.encode("utf-8"), "utf-8", ENGLISH),
        (b"\xef\xbb\xbf" + ENGLISH.encode("utf-8"), "utf-8", ENGLISH),
        (ENGLISH.encode("utf-16"), "utf-16", ENGLISH),
        (ENGLISH.encode("cp1252"), "cp1252", ENGLISH),
        (RUSSIAN.encode("cp1251"), "cp1251", RUSSIAN),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-bom", "cp1252", "cp1251"],
)
def test_encodings_are_detected_and_offsets_index_the_decoded_text(tmp_path: Path, data: bytes, expected: str, text: str) -> None:
    (tmp_path / "a.txt").write_bytes(data)
    (doc,), rejected = read_corpus(tmp_path)
    assert rejected == []
    assert (doc.encoding, doc.text) == (expected, text)
    for u in split_units(doc):
        assert doc.text[u.start : u.end] == u.text


def test_french_latin1_is_not_read_as_central_european(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes("Le président a très bien parlé. Très réussi, à Genève, où il était.".encode("latin-1"))
    (doc,), _ = read_corpus(tmp_path)
    assert (doc.text, doc.encoding) == ("Le président a très bien parlé. Très réussi, à Genève, où il était.", "cp1252")


def test_xhtml_with_an_encoding_declaration(tmp_path: Path) -> None:
    page = ('<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body><article>'
            "<p>The two presidents met in Moscow on Friday and talked for five hours about sanctions.</p></article></body></html>")
    (tmp_path / "a.xhtml.html").write_text(page, encoding="utf-8")
    (doc,), rejected = read_corpus(tmp_path)
    assert rejected == [] and "The two presidents met in Moscow" in doc.text


def test_latin1_text_is_read(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes("Le président a visité le café de Genève à midi. Très réussi.".encode("latin-1"))
    (doc,), _ = read_corpus(tmp_path)
    assert doc.text == "Le président a visité le café de Genève à midi. Très réussi."
    assert doc.encoding in ("cp1252", "latin_1", "iso8859-1", "iso8859-15")  # the same letters in all of them


def test_encoding_override_and_its_errors(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(RUSSIAN.encode("cp1251"))
    (doc,), _ = read_corpus(tmp_path, encoding="cp1251")
    assert (doc.encoding, doc.text) == ("cp1251", RUSSIAN)
    (tmp_path / "b.txt").write_bytes("naïve “quote”".encode())
    _, rejected = read_corpus(tmp_path, encoding="ascii")
    d = tmp_path.name
    assert {r.file: r.reason for r in rejected}["b.txt"] == (
        f"cannot read {d}/b.txt: not ascii (byte 0xc3 at offset 2). "
        "Pass the file's real encoding with --encoding, or leave --encoding out to detect it.")
    with pytest.raises(CompareError) as refused:  # before any file is read
        read_corpus(tmp_path, encoding="klingon")
    assert str(refused.value) == ("unknown encoding 'klingon' (--encoding). Pass a Python codec name such as utf-8, "
                                  "cp1252, latin-1 or cp1251 to --encoding, or leave it out to detect each file's encoding.")


# --- failures, each with its message and exit code -------------------------------------------------------------


def _two_good(folder: Path) -> None:
    folder.mkdir(exist_ok=True)
    shutil.copy(SEED["001"], folder / "readout.txt")
    shutil.copy(SEED["002"], folder / "transcript.txt")


@pytest.mark.model
def test_one_bad_file_among_good_ones_is_listed_and_strict_fails(run, tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    _two_good(corpus)
    (corpus / "empty.txt").write_text(" \n\t\n", encoding="utf-8")
    (corpus / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    shutil.copy(corpus / "readout.txt", corpus / "readout-copy.txt")
    result = run(str(corpus), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    reasons = [
        "cannot use c/empty.txt: it holds no text (empty or only whitespace). Remove it or fill it.",
        "cannot read c/image.txt: it looks like a binary file (it contains NUL bytes). "
        "Remove it from the corpus folder or replace it with the text it should hold.",
        "skipped c/readout.txt: byte-for-byte identical to c/readout-copy.txt, and a text compared with itself "
        "shows nothing. Remove one of the two copies.",
    ]
    listed = parse(tmp_path / "out" / "index.html").find("ul", "rejected").text()
    for reason in reasons:
        assert reason in listed
    strict = run(str(corpus), "-o", str(tmp_path / "out2"), "--strict")
    assert strict.exit_code == 1
    assert _last_line(strict) == (
        f"Error: cannot compare {corpus} with --strict: 3 file(s) could not be used ({'; '.join(reasons)}). "
        "Fix or remove them, or run without --strict.")
    assert not (tmp_path / "out2").exists()


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _two_good(tmp_path / "c")
    (tmp_path / "c" / "locked.txt").write_text("secret", encoding="utf-8")
    import os

    real = os.open

    def refuse(path: object, *args: object, **kwargs: object) -> int:
        if str(path).endswith("locked.txt"):
            raise PermissionError(13, "Permission denied")
        return real(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", refuse)
    _, rejected = read_corpus(tmp_path / "c")
    assert [r.reason for r in rejected] == [
        "cannot read c/locked.txt: Permission denied. Check that the file exists and that you may read it."]


def test_fewer_than_two_usable_documents(run, tmp_path: Path) -> None:
    (tmp_path / "c").mkdir()
    shutil.copy(SEED["001"], tmp_path / "c" / "a.txt")
    shutil.copy(SEED["001"], tmp_path / "c" / "b.txt")
    result = run(str(tmp_path / "c"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert _last_line(result) == (
        f"Error: cannot compare {tmp_path / 'c'}: 1 usable document(s); at least two are needed. "
        "Add source files (.txt, .md, .html, .pdf, .docx) to the folder.")


def test_manifest_entry_outside_the_corpus(run, tmp_path: Path) -> None:
    _two_good(tmp_path / "c")
    (tmp_path / "c" / "sources.toml").write_text('[[source]]\nfile = "../../etc/passwd"\n', encoding="utf-8")
    result = run(str(tmp_path / "c"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert _last_line(result) == (
        "Error: cannot use c/sources.toml: source #1 points to '../../etc/passwd', which is not a file directly "
        "inside c/. Move the file into the corpus folder and give its bare name.")


@pytest.mark.parametrize(("entry", "message"), [
    ("language = 3", "language = 3 is not text. Write it in quotes: language = \"...\"."),
    ("title = ['a']", "title = ['a'] is not text. Write it in quotes: title = \"...\"."),
    ("id = ''", "id is empty. Give it a short name, or leave id out to use the file name."),
    ("date = 'not a date'", "date = 'not a date' is not a date. Write it as YYYY-MM-DD (date = \"2022-03-11\"), or leave "
     "it out to use a date header line of the text."),
    ("date = '2022-02-30'", "date = '2022-02-30' is not a date."),
])
def test_a_manifest_value_that_is_no_text_or_no_date_is_refused(tmp_path: Path, entry: str, message: str) -> None:
    _two_good(tmp_path / "c")
    (tmp_path / "c" / "sources.toml").write_text(f"[[source]]\nfile = 'readout.txt'\n{entry}\n", encoding="utf-8")
    with pytest.raises(CompareError) as caught:
        read_corpus(tmp_path / "c")
    assert str(caught.value).startswith(f"cannot use c/sources.toml: source #1 (readout.txt): {message}"), caught.value


def test_a_toml_date_in_the_manifest_is_read_as_its_iso_form(tmp_path: Path) -> None:
    _two_good(tmp_path / "c")
    (tmp_path / "c" / "sources.toml").write_text("[[source]]\nfile = 'readout.txt'\ndate = 2022-03-11\n", encoding="utf-8")
    docs, _ = read_corpus(tmp_path / "c")
    assert {d.id: d.source.date for d in docs}["readout"] == "2022-03-11"


@pytest.mark.model
def test_output_folder_inside_the_corpus_or_not_writable(run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _two_good(tmp_path / "c")
    inside = run(str(tmp_path / "c"), "-o", str(tmp_path / "c" / "reports"))
    assert inside.exit_code == 1
    assert _last_line(inside) == (
        f"Error: cannot write the report to {tmp_path / 'c' / 'reports'}: it is inside the corpus folder "
        f"{tmp_path / 'c'}, so the next run would read the report as a source. Pick an output folder outside it (-o reports).")
    import tempfile

    def refuse(*args: object, **kwargs: object) -> str:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkdtemp", refuse)
    locked = run(str(tmp_path / "c"), "-o", str(tmp_path / "out"))
    assert locked.exit_code == 1
    assert _last_line(locked) == (
        f"Error: cannot write the report to {tmp_path / 'out'}: Permission denied. Pick a folder you can write to (-o).")


def test_output_folder_holding_the_corpus_or_other_files_is_refused(run, tmp_path: Path) -> None:
    _two_good(tmp_path / "c")
    holding = run(str(tmp_path / "c"), "-o", str(tmp_path))
    assert holding.exit_code == 1
    assert _last_line(holding) == (
        f"Error: cannot write the report to {tmp_path}: it holds the corpus folder {tmp_path / 'c'}, and the report "
        "folder is replaced as a whole. Pick an output folder outside the corpus (-o reports).")
    documents = tmp_path / "Documents"
    documents.mkdir()
    for name in ("taxes.pdf", "letter.docx", "photos", "notes.txt"):
        (documents / name).write_text("mine", encoding="utf-8")
    other = run(str(tmp_path / "c"), "-o", str(documents))
    assert other.exit_code == 1
    assert _last_line(other) == (
        f"Error: cannot write the report to {documents}: it holds other files (letter.docx, notes.txt, photos, …) and is "
        "not an earlier report, and the report folder is replaced as a whole. Pick a new or empty folder (-o).")
    assert sorted(p.name for p in documents.iterdir()) == ["letter.docx", "notes.txt", "photos", "taxes.pdf"]


def test_corrupted_model_folder_and_tampered_weights(run, tmp_path: Path, model_info) -> None:  # type: ignore[no-untyped-def]
    _two_good(tmp_path / "c")
    broken = tmp_path / "broken-model"
    broken.mkdir()
    (broken / "config.json").write_text("{", encoding="utf-8")
    result = run(str(tmp_path / "c"), "-o", str(tmp_path / "out"), "--model", str(broken))
    assert result.exit_code == 1
    assert _last_line(result) == (
        f"Error: cannot use model {broken}: no weights file (model.safetensors or pytorch_model.bin). "
        "Copy the complete model folder, weights included.")
    damaged = tmp_path / "damaged-model"
    shutil.copytree(model_info.path, damaged)
    (damaged / "model.safetensors").write_bytes(b"not really weights")
    result = run(str(tmp_path / "c"), "-o", str(tmp_path / "out"), "--model", str(damaged))
    assert result.exit_code == 1, result.output
    assert _last_line(result).startswith(f"Error: cannot load model {damaged}: SafetensorError")
    assert "Traceback" not in result.output


# --- nothing lost, nothing half-written ------------------------------------------------------------------------


def test_every_seed_character_lies_in_exactly_one_unit() -> None:
    docs, _ = read_corpus(CORPUS)
    for doc in docs:
        _assert_all_text_in_one_unit(doc)


def test_a_crash_while_writing_leaves_the_previous_report(seed_corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from compare import write
    from compare.pipeline import write_report

    out = tmp_path / "reports"
    write_report(seed_corpus, out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    for failure in (OSError(28, "No space left on device"), KeyboardInterrupt()):
        def boom(folder: Path, files: dict[str, str], failure: BaseException = failure) -> None:  # fails after one file
            (folder / "index.html").write_text("half", encoding="utf-8")
            raise failure

        monkeypatch.setattr(write, "_fill", boom)
        with pytest.raises((CompareError, KeyboardInterrupt)):
            write_report(seed_corpus, out)
        assert {p.name: p.read_bytes() for p in out.iterdir()} == before
        assert [p.name for p in tmp_path.iterdir()] == ["reports"]  # no temporary folder left behind
    monkeypatch.undo()
    # the failure at the worst moment: the previous report moved aside, the new one not yet in place
    import os

    real_replace, calls = os.replace, []
    monkeypatch.setattr(write, "_exchange", lambda a, b: False)  # the two-rename fallback, where no exchange exists

    def replace(src: object, dst: object) -> None:
        calls.append(dst)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(CompareError, match="No space left on device"):
        write_report(seed_corpus, out)
    monkeypatch.undo()
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert [p.name for p in tmp_path.iterdir()] == ["reports"]


# --- safe reports ----------------------------------------------------------------------------------------------

HOSTILE = ("<script>alert(1)</script>", '"><img src=x onerror=alert(2)>', "javascript:alert(3)", "\u202eexe.txt")


@pytest.mark.model
def test_hostile_text_names_and_manifest_values_are_shown_as_text(run, tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    _two_good(corpus)
    evil_name = 'evil "><img src=x onerror=alert(4)>.txt'
    (corpus / evil_name).write_text(
        "The presidents met in Moscow. " + " ".join(HOSTILE) + " They discussed sanctions and trade at length.\n",
        encoding="utf-8")
    (corpus / "sources.toml").write_text(
        "[[source]]\nfile = 'readout.txt'\nid = 'readout'\ntitle = '<script>alert(5)</script>'\n"
        "outlet = 'javascript:alert(6)'\nurl = 'javascript:alert(7)'\n"
        "[[source]]\nfile = 'transcript.txt'\nid = 'transcript'\nkind = 'transcript'\ntitle = \"\u202eevil\"\n",
        encoding="utf-8")
    result = run(str(corpus), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    for page in sorted((tmp_path / "out").glob("*.html")):
        raw = page.read_text(encoding="utf-8")
        tree = parse(page)
        assert len(tree.find_all("script")) == 1  # ours alone
        assert not tree.find_all("img")
        for node in tree.iter():
            assert not any(k.startswith("on") for k in node.attrs), (page.name, node.tag, node.attrs)
            assert not node.attrs.get("href", "").lower().startswith("javascript:"), page.name
        assert "\u202e" not in raw, page.name  # shown as a visible marker instead
        assert "<script>alert" not in raw and "<img" not in raw
    index = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(5)&lt;/script&gt;" in index and "[U+202E]evil" in index


def test_the_pipeline_makes_no_network_connection(seed_corpus, session_cache, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"network connection attempted: {args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    _two_good(tmp_path / "c")
    result = CliRunner().invoke(cli, ["run", str(tmp_path / "c"), "-o", str(tmp_path / "out"), "-q",
                                      "--cache-dir", str(session_cache)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "synopsis.html").is_file()


# --- the same corpus in other formats gives the same links ------------------------------------------------------


def _link_texts(corpus) -> set[tuple[str, str, str, str]]:  # type: ignore[no-untyped-def]
    out = set()
    for p in corpus.pairs:
        ua, ub = corpus.units[p.a], corpus.units[p.b]
        for lk in p.links:
            out.add((p.a, p.b, " ".join(" ".join(ua[i].text for i in lk.a).split()),
                     " ".join(" ".join(ub[j].text for j in lk.b).split())))
    return out


def test_seeds_saved_as_html_pdf_docx_and_cp1252_give_the_same_links(seed_corpus, real_embedder, model_info, session_cache, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from compare.pipeline import build_corpus
    from compare.settings import Settings

    corpus = tmp_path / "formats"
    corpus.mkdir()
    manifest = (CORPUS / "sources.toml").read_text(encoding="utf-8")
    press = SEED["000"].read_text(encoding="utf-8")
    (corpus / "000.html").write_text(html_page("press", [ln for ln in press.splitlines() if ln.strip()], noise=False, heading=False),
                                     encoding="utf-8")
    readout = SEED["001"].read_text(encoding="utf-8")
    (corpus / "001.pdf").write_bytes(pdf_bytes([ln for ln in readout.splitlines() if ln.strip()]))
    (corpus / "002.docx").write_bytes(docx_bytes(SEED["002"].read_text(encoding="utf-8").splitlines()))
    (corpus / "003.txt").write_bytes(SEED["003"].read_text(encoding="utf-8").encode("cp1252", errors="strict"))
    shutil.copy(SEED["004"], corpus / "004.txt")
    for key, new in (("000", "000.html"), ("001", "001.pdf"), ("002", "002.docx"), ("003", "003.txt"), ("004", "004.txt")):
        manifest = manifest.replace(SEED[key].name, new)
    (corpus / "sources.toml").write_text(manifest, encoding="utf-8")
    other, _ = build_corpus(corpus, Settings(cache_dir=session_cache), embedder=real_embedder, model=model_info)
    assert {d.id: d.format for d in other.documents} == {
        "press": "html", "readout": "pdf", "transcript": "docx", "tv": "text", "forum": "text"}
    assert next(d for d in other.documents if d.id == "tv").encoding == "cp1252"
    got, want = _link_texts(other), _link_texts(seed_corpus)
    assert (sorted(got - want), sorted(want - got)) == ([], [])


def test_csv_cells_never_start_a_spreadsheet_formula(tmp_path: Path) -> None:
    import csv

    from compare.export import alignment_csv
    from compare.records import Corpus, Document, Edit, Link, PairAlignment, Source, Unit

    docs = tuple(Document(Source(i, f"{i}.txt", i), f"c/{i}.txt", t) for i, t in (("a", "=HYPERLINK(1)"), ("b", "+SUM(2)")))
    units = {"a": (Unit(0, 0, 13, "=HYPERLINK(1)"),), "b": (Unit(0, 0, 7, "+SUM(2)"),)}
    link = Link((0,), (0,), 0.5, (Edit("delete", "=HYPERLINK(1)"), Edit("insert", "+SUM(2)")))
    (tmp_path / "x.csv").write_text(alignment_csv(Corpus(docs, units, (PairAlignment("a", "b", (link,)),))), encoding="utf-8")
    (row,) = list(csv.DictReader((tmp_path / "x.csv").open(encoding="utf-8")))
    assert (row["text_a"], row["text_b"], row["deleted"], row["inserted"]) == (
        "'=HYPERLINK(1)", "'+SUM(2)", "'=HYPERLINK(1)", "'+SUM(2)")


def test_a_run_killed_between_the_two_renames_gets_its_report_back(tmp_path: Path) -> None:
    from compare.write import remove_leftovers, write_folder

    out = tmp_path / "reports"
    files = {"alignment.json": '{"schema": "compare.alignment/1"}', "index.html": "old"}
    write_folder(out, files)
    moved = tmp_path / ".reports.compare-tmp-999999999-old-abcd1234"  # the fallback's folder of a dead run
    moved.mkdir()
    out.rename(moved / "previous")
    remove_leftovers(out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["reports"]
    assert (out / "index.html").read_text(encoding="utf-8") == "old"
