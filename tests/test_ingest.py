from __future__ import annotations

from pathlib import Path

import pytest

from compare.errors import InputError
from compare.read import read_corpus

from .conftest import CORPUS


def test_seed_manifest_read():
    docs, rejected = read_corpus(CORPUS)
    assert rejected == []
    assert [d.id for d in docs] == ["press", "readout", "transcript", "tv", "forum"]
    transcript = docs[2]
    assert transcript.source.kind == "transcript" and transcript.source.outlet.startswith("Kremlin")
    assert transcript.path == "corpus/002_4770bb945dcefbd3.txt"
    assert transcript.text == (CORPUS / "002_4770bb945dcefbd3.txt").read_bytes().decode("utf-8")


def test_no_manifest_defaults(corpus_copy: Path):
    (corpus_copy / "sources.toml").unlink()
    docs, _ = read_corpus(corpus_copy)
    assert [d.id for d in docs] == ["000-74b30c2ffe5e7494", "001-248ce3e746adae3b", "002-4770bb945dcefbd3",
                                    "003-29d4744841097645", "004-8e9a0eef931b4c23"]
    assert docs[0].source.date == "2022-03-11"  # from the " date 2022-03-11" header
    assert docs[3].source.date == "2019-12-13"
    assert docs[1].source.title == "001 248ce3e746adae3b"


def test_bom_stripped_newlines_kept(tmp_path: Path):
    (tmp_path / "a.txt").write_bytes(b"\xef\xbb\xbfFirst line.\r\nSecond line.\r\n")
    (tmp_path / "b.md").write_bytes(b"# Title here\n\nText.\n")
    docs, _ = read_corpus(tmp_path)
    assert docs[0].text == "First line.\r\nSecond line.\r\n"
    assert docs[1].source.title == "Title here" and docs[1].format == "markdown"


def test_bad_files_rejected_with_reasons(tmp_path: Path):
    (tmp_path / "good.txt").write_text("A sentence.", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PNG")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8")
    docs, rejected = read_corpus(tmp_path)
    assert [d.id for d in docs] == ["good"]
    reasons = {r.file: r.reason for r in rejected}
    d = tmp_path.name
    assert reasons["empty.txt"] == f"cannot use {d}/empty.txt: it holds no text (empty or only whitespace). Remove it or fill it."
    assert reasons["binary.txt"].startswith(f"cannot read {d}/binary.txt: it looks like a binary file")
    assert reasons["photo.jpg"].startswith(f"skipped {d}/photo.jpg: unsupported file type .jpg")


def test_manifest_entry_outside_corpus(tmp_path: Path):
    (tmp_path / "a.txt").write_text("A.", encoding="utf-8")
    (tmp_path / "sources.toml").write_text('[[source]]\nfile = "../../etc/passwd"\n', encoding="utf-8")
    with pytest.raises(InputError) as exc:
        read_corpus(tmp_path)
    assert "points to '../../etc/passwd', which is not a file directly inside" in str(exc.value)


def test_manifest_bad_kind_and_missing_file(tmp_path: Path):
    (tmp_path / "a.txt").write_text("A.", encoding="utf-8")
    (tmp_path / "sources.toml").write_text('[[source]]\nfile = "a.txt"\nkind = "blog"\n', encoding="utf-8")
    with pytest.raises(InputError, match="kind = 'blog'; use one of transcript, readout, press, other"):
        read_corpus(tmp_path)
    (tmp_path / "sources.toml").write_text('[[source]]\nfile = "b.txt"\n', encoding="utf-8")
    with pytest.raises(InputError, match="it lists b.txt, which is not in"):
        read_corpus(tmp_path)


def test_missing_folder(tmp_path: Path):
    with pytest.raises(InputError, match="no such folder"):
        read_corpus(tmp_path / "nope")


def test_html_main_text(tmp_path: Path):
    page = (
        "<html><head><title>Talks in Moscow</title></head><body><nav>Home | News | Contact</nav>"
        "<article><h1>Talks in Moscow</h1><p>The two presidents met on Friday in the Kremlin and talked for five hours "
        "about sanctions, trade and the situation in the region.</p><p>They agreed to meet again soon, the readout said, "
        "and to prepare a joint plan on energy prices.</p></article><footer>Copyright 2022</footer></body></html>"
    )
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    docs, rejected = read_corpus(tmp_path)
    assert rejected == []
    text = docs[0].text
    assert "The two presidents met on Friday" in text
    assert docs[0].source.title == "Talks in Moscow"
    # the menu and the footer are kept, set aside with the reason, never deleted
    from compare.read import BOILERPLATE_REASON
    from compare.segment import split_units

    units = split_units(docs[0])
    aside = {u.text: u.set_aside for u in units if u.set_aside}
    assert aside == {"Home | News | Contact": BOILERPLATE_REASON, "Copyright 2022": BOILERPLATE_REASON}
    assert any(u.is_sentence and u.text.startswith("The two presidents met") for u in units)


def test_long_file_names_give_short_ids_and_names_that_are_not_utf8_are_escaped(tmp_path: Path):
    import os

    long_name = "Putin and Lukashenko meet " * 9 + ".txt"
    (tmp_path / long_name).write_text("The presidents met in Moscow.", encoding="utf-8")
    (tmp_path / os.fsdecode(b"caf\xe9.txt")).write_text("They talked about sanctions.", encoding="utf-8")
    docs, rejected = read_corpus(tmp_path)
    assert rejected == []
    by_file = {d.source.file: d for d in docs}
    assert len(by_file[long_name].id) == 48 and by_file[long_name].id.startswith("putin-and-lukashenko-meet-putin")
    assert by_file["caf\\xe9.txt"].path == f"{tmp_path.name}/caf\\xe9.txt"


def test_links_inside_the_folder_are_read_and_other_entries_are_skipped_with_a_reason(tmp_path: Path):
    import os

    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "real.txt").write_text("The presidents met in Moscow.", encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(tmp_path / "sub" / "real.txt")
    (tmp_path / "out.txt").symlink_to("/etc/hostname")
    os.mkfifo(tmp_path / "pipe.md")
    docs, rejected = read_corpus(tmp_path)
    d = tmp_path.name
    assert [doc.source.file for doc in docs] == ["link.txt"]
    assert {r.file: r.reason for r in rejected} == {
        "out.txt": f"skipped {d}/out.txt: a link to a file outside the corpus folder, and compare reads nothing outside "
                   "it. Copy the file itself into the folder.",
        "pipe.md": f"skipped {d}/pipe.md: a named pipe (FIFO), not a regular file, and compare reads only files. "
                   "Remove it from the folder.",
    }
