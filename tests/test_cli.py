"""The command line as a user meets it: exact messages, exit codes, stdout kept for the report path."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from compare.cli import cli

from .conftest import CORPUS, ROOT


def test_help_does_not_import_torch():
    code = "import sys; from compare.cli import cli\ntry:\n cli(['--help'])\nexcept SystemExit: pass\nprint('torch' in sys.modules, 'sentence_transformers' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().endswith("False False")


def test_run_help_lists_options():
    result = CliRunner().invoke(cli, ["run", "--help"])
    assert result.exit_code == 0
    for option in ("--output", "--model", "--cache-dir", "--no-cache", "--quiet", "--device", "--engine", "--spark-master"):
        assert option in result.output


def test_missing_corpus_message_and_exit_code(tmp_path: Path):
    result = CliRunner().invoke(cli, ["run", str(tmp_path / "nope"), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert result.stderr == f"Error: cannot read corpus {tmp_path / 'nope'}: no such folder. Give the folder that holds the source files.\n"
    assert result.stdout == ""


def test_too_few_documents(tmp_path: Path):
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "one.txt").write_text("Only one text here.", encoding="utf-8")
    result = CliRunner().invoke(cli, ["run", str(tmp_path / "c"), "-o", str(tmp_path / "out"), "--no-cache"])
    assert result.exit_code == 1
    assert result.stderr.endswith(
        f"Error: cannot compare {tmp_path / 'c'}: 1 usable document(s); at least two are needed. "
        "Add source files (.txt, .md, .html, .pdf, .docx) to the folder.\n"
    )


def test_output_inside_corpus_refused(corpus_copy: Path):
    result = CliRunner().invoke(cli, ["run", str(corpus_copy), "-o", str(corpus_copy / "reports")])
    assert result.exit_code == 1
    assert "is inside the corpus folder" in result.stderr and "Pick an output folder outside it" in result.stderr


def test_bad_model_path(tmp_path: Path, corpus_copy: Path):
    result = CliRunner().invoke(cli, ["run", str(corpus_copy), "-o", str(tmp_path / "out"), "--model", str(tmp_path / "m")])
    assert result.exit_code == 1
    assert result.stderr == f"Error: cannot use model {tmp_path / 'm'}: no such folder. Pass --model PATH to a sentence-transformers model folder.\n"


@pytest.mark.model
def test_run_renamed_copy_writes_report_and_uses_cache(tmp_path: Path):
    """`compare run DIR -o OUT` on the seeds under other names, no manifest; a second run encodes nothing."""
    src = tmp_path / "my sources"
    src.mkdir()
    for k, f in enumerate(sorted(CORPUS.glob("*.txt"))):
        shutil.copyfile(f, src / f"version-{k}.txt")
    out, cache = tmp_path / "out", tmp_path / "cache"
    args = ["run", str(src), "-o", str(out), "--cache-dir", str(cache)]
    first = CliRunner().invoke(cli, args)
    assert first.exit_code == 0, first.stderr
    assert first.stdout == f"{out / 'index.html'}\n"
    for name in ("index.html", "alignment.json", "alignment.csv"):
        assert (out / name).is_file()
    data = json.loads((out / "alignment.json").read_text(encoding="utf-8"))
    assert [d["id"] for d in data["documents"]] == [f"version-{k}" for k in range(5)]
    assert data["documents"][2]["path"] == "my sources/version-2.txt"
    second = CliRunner().invoke(cli, args)
    assert second.exit_code == 0
    assert "(all sentences from the cache)" in second.stderr
    assert (out / "alignment.json").read_bytes() == json.dumps(data, ensure_ascii=False, indent=1).encode() + b"\n"


def test_readme_documents_every_option():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    result = CliRunner().invoke(cli, ["run", "--help"])
    for word in result.output.split():
        if word.startswith("--") and word.rstrip(",") != "--help":
            assert word.rstrip(",") in readme, word
