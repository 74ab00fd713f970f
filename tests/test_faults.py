"""Every fault found when the tool was attacked (issue 15), each run through ``compare run`` with its message and exit code."""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from compare.cli import cli

from .conftest import CORPUS, ROOT
from .makefiles import docx_bytes, pdf_bytes

SEED = {p.name[:3]: p for p in CORPUS.glob("*.txt")}
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "c"
    folder.mkdir()
    shutil.copy(SEED["001"], folder / "readout.txt")
    shutil.copy(SEED["002"], folder / "transcript.txt")
    return folder


def _run(*args: str, cache: Path | None = None):  # type: ignore[no-untyped-def]
    extra = ["--cache-dir", str(cache)] if cache is not None else ["--no-cache"]
    return CliRunner().invoke(cli, ["run", *args, *extra])


def _ok(result) -> None:  # type: ignore[no-untyped-def]
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output


def _rejected(out: Path) -> dict[str, str]:
    data = json.loads((out / "alignment.json").read_text(encoding="utf-8"))
    return {r["file"]: r["reason"] for r in data["rejected"]}


def _report_text(out: Path) -> str:
    return "".join(p.read_text(encoding="utf-8") for p in sorted(out.rglob("*")) if p.is_file())


@pytest.mark.model
def test_control_characters_before_a_list_number(tmp_path: Path, session_cache: Path) -> None:
    corpus = _corpus(tmp_path)
    text = "The presidents met in Moscow.\x1c3. They talked about sanctions.\x1f4. And about trade for five hours.\n"
    (corpus / "ctl.txt").write_text(text, encoding="utf-8")
    result = _run(str(corpus), "-o", str(tmp_path / "out"), cache=session_cache)
    _ok(result)
    data = json.loads((tmp_path / "out" / "alignment.json").read_text(encoding="utf-8"))
    (doc,) = [d for d in data["documents"] if d["id"] == "ctl"]
    visible = "".join(ch for ch in text if not ch.isspace())  # \x1c-\x1f are white space to Python too
    assert "".join(ch for u in doc["units"] for ch in u["text"] if not ch.isspace()) == visible


@pytest.mark.model
def test_a_file_name_that_is_not_utf8(tmp_path: Path, session_cache: Path) -> None:
    corpus = _corpus(tmp_path)
    (corpus / os.fsdecode(b"bad\xff.exe")).write_bytes(b"MZ")
    (corpus / os.fsdecode(b"caf\xe9.txt")).write_text("The presidents met in Moscow. They talked.", encoding="utf-8")
    result = _run(str(corpus), "-o", str(tmp_path / "out"), cache=session_cache)
    _ok(result)
    assert _rejected(tmp_path / "out")["bad\\xff.exe"].startswith("skipped c/bad\\xff.exe: unsupported file type .exe")
    data = json.loads((tmp_path / "out" / "alignment.json").read_text(encoding="utf-8"))
    assert "c/caf\\xe9.txt" in [d["path"] for d in data["documents"]]


@pytest.mark.model
def test_a_fifo_is_skipped_never_opened(tmp_path: Path, session_cache: Path) -> None:
    corpus = _corpus(tmp_path)
    os.mkfifo(corpus / "x.txt")
    result = subprocess.run(
        [sys.executable, "-m", "compare", "run", str(corpus), "-o", str(tmp_path / "out"), "--cache-dir", str(session_cache)],
        capture_output=True, text=True, timeout=300, cwd=ROOT, env={**os.environ, "HF_HUB_OFFLINE": "1"},
    )
    assert result.returncode == 0, result.stderr
    message = ("skipped c/x.txt: a named pipe (FIFO), not a regular file, and compare reads only files. "
               "Remove it from the folder.")
    assert message in result.stderr and _rejected(tmp_path / "out")["x.txt"] == message


@pytest.mark.model
def test_a_link_to_a_file_outside_the_corpus_is_not_read(tmp_path: Path, session_cache: Path) -> None:
    corpus = _corpus(tmp_path)
    (corpus / "passwd.txt").symlink_to("/etc/passwd")
    (corpus / "inside.txt").symlink_to(corpus / "readout.txt")  # a link inside the folder is read (and is a copy)
    result = _run(str(corpus), "-o", str(tmp_path / "out"), cache=session_cache)
    _ok(result)
    message = ("skipped c/passwd.txt: a link to a file outside the corpus folder, and compare reads nothing outside it. "
               "Copy the file itself into the folder.")
    rejected = _rejected(tmp_path / "out")
    assert rejected["passwd.txt"] == message
    assert rejected["readout.txt"].startswith("skipped c/readout.txt: byte-for-byte identical to c/inside.txt")
    assert "root:x:0:0" not in _report_text(tmp_path / "out")


class _FaultyConnection:
    """A real SQLite connection whose writes fail as a read-only or full disk makes them fail."""

    def __init__(self, real: sqlite3.Connection, message: str) -> None:
        self._real, self._message = real, message

    def execute(self, *args: object):  # type: ignore[no-untyped-def]
        return self._real.execute(*args)  # type: ignore[arg-type]

    def executemany(self, *args: object) -> None:
        raise sqlite3.OperationalError(self._message)

    def __enter__(self):  # type: ignore[no-untyped-def]
        return self

    def __exit__(self, *exc: object) -> None:
        pass

    def close(self) -> None:
        self._real.close()


@pytest.mark.model
@pytest.mark.parametrize("fault", ["attempt to write a readonly database", "database or disk is full"])
def test_a_cache_that_cannot_be_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fault: str) -> None:
    from compare.embed import cache as cache_module

    real = sqlite3.connect
    monkeypatch.setattr(cache_module.sqlite3, "connect", lambda *a, **k: _FaultyConnection(real(*a, **k), fault))
    corpus = _corpus(tmp_path)
    result = _run(str(corpus), "-o", str(tmp_path / "out"), cache=tmp_path / "cache")
    _ok(result)
    assert f"cache {tmp_path / 'cache' / 'embeddings.sqlite3'} cannot be used ({fault}); encoding without it." in result.stderr


@pytest.mark.model
def test_a_cache_locked_by_another_writer(tmp_path: Path) -> None:
    (tmp_path / "cache").mkdir()
    other = sqlite3.connect(tmp_path / "cache" / "embeddings.sqlite3", isolation_level=None)
    other.execute("CREATE TABLE vectors (model TEXT, text TEXT, dim INTEGER, vec BLOB, PRIMARY KEY (model, text))")
    other.execute("BEGIN EXCLUSIVE")
    try:
        result = _run(str(_corpus(tmp_path)), "-o", str(tmp_path / "out"), cache=tmp_path / "cache")
    finally:
        other.close()
    _ok(result)
    assert "database is locked); encoding without it." in result.stderr


@pytest.mark.model
def test_a_damaged_cache_is_kept_aside_and_replaced(tmp_path: Path) -> None:
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / "embeddings.sqlite3").write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    result = _run(str(_corpus(tmp_path)), "-o", str(tmp_path / "out"), cache=tmp_path / "cache")
    _ok(result)
    kept = [p.name for p in (tmp_path / "cache").iterdir() if ".corrupt-" in p.name]
    assert len(kept) == 1
    assert f"; kept it as {kept[0]} and started a new one." in result.stderr
    with sqlite3.connect(tmp_path / "cache" / "embeddings.sqlite3") as db:  # the new cache holds this run's vectors
        assert db.execute("SELECT COUNT(*) FROM vectors").fetchone()[0] > 0


@pytest.mark.parametrize("name", ["rot13", "base64", "hex", "zlib"])
def test_an_encoding_that_is_not_a_text_encoding(tmp_path: Path, name: str) -> None:
    result = _run(str(_corpus(tmp_path)), "-o", str(tmp_path / "out"), "--encoding", name)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.stderr.strip().splitlines()[-1] == (
        f"Error: --encoding {name!r} is not a text encoding (it turns bytes into bytes, or text into text). Pass the "
        "character set the files are saved in, such as utf-8, cp1252, latin-1 or cp1251, or leave it out to detect it.")


@pytest.mark.model
def test_size_limits_refuse_up_front_with_the_option(tmp_path: Path, session_cache: Path) -> None:
    corpus = _corpus(tmp_path)
    with (corpus / "big.txt").open("wb") as fh:  # 20 MB
        fh.truncate(20 * 1024 * 1024)
    (corpus / "bomb.docx").write_bytes(docx_bytes([f"P{k}." for k in range(20_000)]))
    (corpus / "many.txt").write_text("Yes. " * 3000, encoding="utf-8")
    started = time.monotonic()
    result = _run(str(corpus), "-o", str(tmp_path / "out"), "--max-expanded-bytes", "1000000", "--max-sentences", "2000",
                  cache=session_cache)
    _ok(result)
    rejected = _rejected(tmp_path / "out")
    assert rejected["big.txt"] == ("skipped c/big.txt: its size in bytes is 20,971,520, over the limit of 10,000,000. "
                                   "Split the file, or raise the limit with --max-file-bytes 20971521.")
    assert rejected["bomb.docx"].startswith("skipped c/bomb.docx: its XML unzipped in bytes is ")
    assert re.search(r", over the limit of 1,000,000\. Split the file, or raise the limit with --max-expanded-bytes \d+\.$",
                     rejected["bomb.docx"])
    assert rejected["many.txt"] == ("skipped c/many.txt: its sentences number about 3,000, over the limit of 2,000. "
                                    "Split the file, or raise the limit with --max-sentences 4000.")
    assert time.monotonic() - started < 120
    for option in ("--max-file-bytes", "--max-sentences", "--max-expanded-bytes"):
        assert option in README


@pytest.mark.model
def test_ids_that_join_alike_give_distinct_pair_pages(tmp_path: Path, session_cache: Path) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    manifest = ""
    for sid, key in (("a", "000"), ("b--c", "001"), ("a--b", "002"), ("c", "003")):
        shutil.copy(SEED[key], corpus / f"{key}.txt")
        manifest += f'[[source]]\nfile = "{key}.txt"\nid = "{sid}"\n'
    (corpus / "sources.toml").write_text(manifest, encoding="utf-8")
    result = _run(str(corpus), "-o", str(tmp_path / "out"), cache=session_cache)
    _ok(result)
    pages = list((tmp_path / "out").glob("pair-*.html"))
    assert len(pages) == 6


@pytest.mark.model
def test_a_very_long_file_name(tmp_path: Path, session_cache: Path) -> None:
    corpus = _corpus(tmp_path)
    shutil.copy(SEED["000"], corpus / ("x" * 246 + ".txt"))
    result = _run(str(corpus), "-o", str(tmp_path / "out"), cache=session_cache)
    _ok(result)
    data = json.loads((tmp_path / "out" / "alignment.json").read_text(encoding="utf-8"))
    assert len(data["documents"]) == 3 and max(len(d["id"]) for d in data["documents"]) <= 48


@pytest.mark.model
def test_user_files_in_an_earlier_report_are_refused_never_deleted(tmp_path: Path, session_cache: Path) -> None:
    corpus, out = _corpus(tmp_path), tmp_path / "out"
    _ok(_run(str(corpus), "-o", str(out), cache=session_cache))
    (out / "my-notes.txt").write_text("mine", encoding="utf-8")
    (out / "index.html").write_text("edited", encoding="utf-8")
    result = _run(str(corpus), "-o", str(out), cache=session_cache)
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines()[-1] == (
        f"Error: cannot write the report to {out}: the earlier report there holds files it did not write "
        "(index.html, my-notes.txt), and the report folder is replaced as a whole. Move them out of the folder, "
        "or pick another -o folder.")
    assert (out / "my-notes.txt").read_text(encoding="utf-8") == "mine"
    (out / "my-notes.txt").unlink()
    (out / "index.html").unlink()
    _ok(_run(str(corpus), "-o", str(out), cache=session_cache))  # a report (even missing a page) is replaced


@pytest.mark.model
def test_leftovers_of_killed_runs_are_removed_and_the_swap_is_one_step(tmp_path: Path, session_cache: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from compare import write

    corpus, out = _corpus(tmp_path), tmp_path / "out"
    _ok(_run(str(corpus), "-o", str(out), cache=session_cache))
    dead = tmp_path / ".out.compare-tmp-999999999-abcd1234"  # a pid that cannot be alive
    dead.mkdir()
    (dead / "index.html").write_text("half", encoding="utf-8")
    older = tmp_path / ".out.old.k2j4h5g6"  # the writer before this one
    (older / "previous").mkdir(parents=True)
    shutil.copy(out / "alignment.json", older / "previous" / "alignment.json")
    alive = tmp_path / f".out.compare-tmp-{os.getpid()}-zzzz9999"  # a run still going: kept
    alive.mkdir()
    swaps: list[bool] = []
    real = write._exchange
    monkeypatch.setattr(write, "_exchange", lambda a, b: swaps.append(real(a, b)) or swaps[-1])
    _ok(_run(str(corpus), "-o", str(out), cache=session_cache))
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["c", "out", alive.name])
    assert swaps == [True]  # renameat2(RENAME_EXCHANGE): -o never missing


def _nan_model(model_path: Path, dest: Path) -> Path:
    import torch
    from safetensors.torch import load_file, save_file

    shutil.copytree(model_path, dest)
    weights = load_file(str(dest / "model.safetensors"))
    for name, tensor in weights.items():
        if name.endswith("LayerNorm.weight"):
            weights[name] = torch.full_like(tensor, float("nan"))
    save_file(weights, str(dest / "model.safetensors"))
    return dest


def test_a_model_giving_nan_vectors(tmp_path: Path, model_info) -> None:  # type: ignore[no-untyped-def]
    broken = _nan_model(model_info.path, tmp_path / "nan-model")
    result = _run(str(_corpus(tmp_path)), "-o", str(tmp_path / "out"), "--model", str(broken))
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.stderr.strip().splitlines()[-1].startswith(
        f"Error: cannot use model {broken}: it gave NaN or infinite numbers for ")
    assert not (tmp_path / "out").exists()


@pytest.mark.model
def test_a_few_bad_bytes_keep_a_utf8_file_utf8(tmp_path: Path, session_cache: Path) -> None:
    corpus = _corpus(tmp_path)
    good = "Lukashenko called it “piggery” – the West’s café diplomacy is over. " * 5
    data = good.encode("utf-8")
    data = data[:40] + b"\xff" + data[40:]
    (corpus / "press.txt").write_bytes(data)
    result = _run(str(corpus), "-o", str(tmp_path / "out"), cache=session_cache)
    _ok(result)
    assert ("c/press.txt: 1 byte(s) are not UTF-8 (0xff at byte 40) in a file that is otherwise UTF-8; each is "
            "shown as \ufffd (first at character ") in result.stderr
    doc = next(d for d in json.loads((tmp_path / "out" / "alignment.json").read_text(encoding="utf-8"))["documents"]
               if d["id"] == "press")
    assert doc["meta"]["encoding"] == "utf-8"
    text = data.decode("utf-8", errors="replace")
    assert all(text[u["start"] : u["end"]] == u["text"] for u in doc["units"])
    assert "“piggery”" in text


@pytest.mark.model
def test_nul_bytes_after_the_first_4kb(tmp_path: Path, session_cache: Path) -> None:
    corpus = _corpus(tmp_path)
    body = ("The presidents met in Moscow and talked for five hours about sanctions and trade. " * 60)
    (corpus / "nul.txt").write_text(body + "\x00 They agreed.\n", encoding="utf-8")
    result = _run(str(corpus), "-o", str(tmp_path / "out"), cache=session_cache)
    _ok(result)
    assert "c/nul.txt: 1 NUL character(s) kept in the text" in result.stderr
    pages = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "out").glob("*.html"))
    assert "\x00" not in pages  # the report shows a visible marker


@pytest.mark.model
def test_deeply_nested_html_keeps_its_text(tmp_path: Path, session_cache: Path) -> None:
    corpus = _corpus(tmp_path)
    (corpus / "deep.html").write_text("<html><body>" + "<div>" * 10_000 + "<p>The presidents met in Moscow on Friday "
                                      "and talked about sanctions.</p>" + "</div>" * 10_000 + "</body></html>",
                                      encoding="utf-8")
    result = _run(str(corpus), "-o", str(tmp_path / "out"), cache=session_cache)
    _ok(result)
    assert "deep.html" not in _rejected(tmp_path / "out")


@pytest.mark.model
def test_a_two_megabyte_title(tmp_path: Path, session_cache: Path) -> None:
    corpus = _corpus(tmp_path)
    title = "T" * 2_000_000
    (corpus / "sources.toml").write_text(f'[[source]]\nfile = "readout.txt"\ntitle = "{title}"\n', encoding="utf-8")
    result = _run(str(corpus), "-o", str(tmp_path / "out"), cache=session_cache)
    _ok(result)
    data = json.loads((tmp_path / "out" / "alignment.json").read_text(encoding="utf-8"))
    assert title in [d["title"] for d in data["documents"]]  # the data keeps it whole
    assert max(p.stat().st_size for p in (tmp_path / "out").glob("*.html")) < 1_500_000  # the pages show it short


_INTERRUPT_AT = """
import importlib.abc, os, runpy, signal, sys

class Interrupt(importlib.abc.MetaPathFinder):
    # Send this process SIGINT the moment the named module starts to import: a fixed point, not a timer.
    def __init__(self, module):
        self.module = module

    def find_spec(self, name, path=None, target=None):
        if name == self.module:
            sys.meta_path.remove(self)
            os.kill(os.getpid(), signal.SIGINT)
        return None

sys.meta_path.insert(0, Interrupt(sys.argv.pop(1)))
sys.argv[0] = "compare"
runpy.run_module("compare", run_name="__main__", alter_sys=True)
"""


@pytest.mark.parametrize("module", ["click", "compare.cli", "numpy", "faiss", "compare.pipeline", "tokenizers", "torch", "sentence_transformers"])
def test_ctrl_c_at_start_gives_no_traceback(tmp_path: Path, module: str) -> None:
    # Ctrl-C while the CLI imports click, while it imports the pipeline's libraries (numpy's C import would turn an
    # interrupt into an ImportError), and once the run has begun: exit 130 with one line, never a traceback. The
    # signal is sent from an import hook inside the child, so the test does not depend on how busy the machine is.
    corpus = _corpus(tmp_path)
    proc = subprocess.run([sys.executable, "-c", _INTERRUPT_AT, module, "run", str(corpus), "-o", str(tmp_path / "out"),
                           "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert "Traceback" not in proc.stderr, (module, proc.stderr[-2000:])
    assert proc.returncode == 130, (module, proc.returncode, proc.stderr[-2000:])
    assert "Interrupted; the previous report, if any, is left as it was." in proc.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.model
def test_an_encrypted_pdf_and_a_bogus_device(tmp_path: Path, session_cache: Path) -> None:
    corpus = _corpus(tmp_path)
    pdf = pdf_bytes(["The presidents met in Moscow on Friday."])
    at = pdf.index(b"\nxref") + 1
    encrypt = (b"99 0 obj\n<< /Filter /Standard /V 1 /R 2 /O <" + b"41" * 32 + b"> /U <" + b"42" * 32
               + b"> /P -4 >>\nendobj\n")
    pdf = (pdf[:at] + encrypt + pdf[at:]).replace(
        b"trailer\n<<", b"trailer\n<< /Encrypt 99 0 R /ID [<00112233445566778899aabbccddeeff><00112233445566778899aabbccddeeff>]", 1)
    (corpus / "locked.pdf").write_bytes(pdf)
    result = _run(str(corpus), "-o", str(tmp_path / "out"), cache=session_cache)
    _ok(result)
    assert _rejected(tmp_path / "out")["locked.pdf"] == (
        "cannot read c/locked.pdf: the PDF is encrypted (it needs a password to open). "
        "Save a copy without the password, or save its text as a .txt file.")
    bogus = _run(str(corpus), "-o", str(tmp_path / "out2"), "--device", "bogus", cache=tmp_path / "fresh-cache")
    assert bogus.exit_code == 1 and "Traceback" not in bogus.output
    assert bogus.stderr.strip().splitlines()[-1] == (
        "Error: cannot use --device 'bogus': not a torch device. Pass cpu, or cuda (cuda:0, ...) on a machine with an "
        "NVIDIA GPU.")


@pytest.mark.model
def test_seeds_renamed_without_a_manifest_flag_only_the_tv_date(tmp_path: Path, session_cache: Path) -> None:
    corpus = tmp_path / "folder"
    corpus.mkdir()
    names = {"000": "news.txt", "001": "minsk.txt", "002": "kremlin.txt", "003": "television.txt", "004": "forum.txt"}
    for key, name in names.items():
        shutil.copy(SEED[key], corpus / name)
    result = _run(str(corpus), "-o", str(tmp_path / "out"), cache=session_cache)
    _ok(result)
    data = json.loads((tmp_path / "out" / "alignment.json").read_text(encoding="utf-8"))
    dated = {d["id"]: f for d in data["documents"] for f in d["flags"] if f["type"] == "date_mismatch"}
    assert list(dated) == ["television"]
    tv = next(d for d in data["documents"] if d["id"] == "television")
    text = SEED["003"].read_text(encoding="utf-8")
    assert text[dated["television"]["start"] : dated["television"]["end"]] == "date 2019-12-13"
    assert dated["television"]["detail"].startswith("Dated 2019-12-13, but kremlin, minsk, news date the event 2022-03-11.")
    assert "“March 11, 2022”" in dated["television"]["detail"] and "Its own text says “11 March”." in dated["television"]["detail"]
    assert tv["meta"]["date"] == "2019-12-13"


@pytest.mark.model
def test_hostile_files_beside_the_seeds_are_listed_and_escaped(tmp_path: Path, session_cache: Path) -> None:
    corpus = tmp_path / "c"
    shutil.copytree(CORPUS, corpus)
    (corpus / "empty.txt").write_text(" \n\t\n", encoding="utf-8")
    (corpus / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (corpus / "legacy.txt").write_bytes("Lukashenko called it “piggery” – the West’s café diplomacy, he said, is over. "
                                        "The talks in Moscow lasted for more than five hours.".encode("cp1252"))
    payloads = ("<script>alert(1)</script>", '"><img src=x onerror=alert(2)>', "javascript:alert(3)")
    (corpus / 'evil "><img src=x onerror=alert(4)>.txt').write_text(
        "The presidents met in Moscow. " + " ".join(payloads) + " They discussed sanctions and trade at length.\n",
        encoding="utf-8")
    os.mkfifo(corpus / "pipe.txt")
    (corpus / "passwd.txt").symlink_to("/etc/passwd")
    (corpus / os.fsdecode(b"name\xff.txt")).write_text("Bytes that are not UTF-8 in the name. The text is fine.", encoding="utf-8")
    result = _run(str(corpus), "-o", str(tmp_path / "out"), cache=session_cache)
    _ok(result)
    out = tmp_path / "out"
    rejected = _rejected(out)
    assert sorted(rejected) == ["empty.txt", "image.txt", "passwd.txt", "pipe.txt"]
    data = json.loads((out / "alignment.json").read_text(encoding="utf-8"))
    legacy = next(d for d in data["documents"] if d["path"] == "c/legacy.txt")
    assert legacy["meta"]["encoding"] == "cp1252" and "“piggery” – the West’s café" in "".join(u["text"] for u in legacy["units"])
    index = (out / "index.html").read_text(encoding="utf-8")
    for name in rejected:
        assert name in index
    for page in out.glob("*.html"):
        raw = page.read_text(encoding="utf-8")
        assert "<script>alert" not in raw and "<img" not in raw and "root:x:0:0" not in raw, page.name
