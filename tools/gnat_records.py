"""Build ``tests/data/gnat_records``: each GNAT Aesop fable pair whose two tellings both hold quoted speech, as a folder
of its first telling, declared the record (``kind = "readout"``: its quotations are taken as what the animals said),
and its second telling, declared a press rewrite of it (``kind = "press"``).

Usage:  .venv/bin/python -m tools.gnat_records [--out DIR]

The tellings come from ``data/gnat_aesop`` (Pial and Skiena 2023, CC BY-SA 4.0; the texts are Project Gutenberg
editions of Aesop, public domain), side A (``sent1``, the first book of the file name) as ``record.txt`` and side B
as ``retelling.txt``, their sentences as the dataset splits them, joined with a space into one paragraph (the
pipeline splits them again). Only pairs with two quotation marks or more on each side are written: the rules that
are named against a record (``quote``, ``hedge``, ``loaded_language``, ``meaning``) run on them as on a press
rewrite of an official text. No label rule was written beside these pairs: the fables were read for the aligner
only, never with a record.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

OUT = ROOT / "tests" / "data" / "gnat_records"
_QUOTES = re.compile(r"[\"“”]")


def folder_name(fable: str) -> str:
    """The folder of one fable pair: its file name in lower case, runs of other characters as one underscore."""
    return re.sub(r"[^a-z0-9]+", "_", fable.lower()).strip("_")


def _manifest(fable: str) -> str:
    entries = []
    for file, ident, kind, side in (("record.txt", "record", "readout", "first"), ("retelling.txt", "retelling",
                                                                                     "press", "second")):
        entries.append(f'[[source]]\nfile = "{file}"\nid = "{ident}"\ntitle = "{fable} ({side} telling)"\n'
                       f'outlet = "Aesop, {side} Gutenberg edition"\nkind = "{kind}"\nlanguage = "en"\n')
    return "\n".join(entries)


def quoted(sentences: tuple[str, ...]) -> bool:
    """Whether a telling holds quoted speech: two quotation marks or more."""
    return sum(len(_QUOTES.findall(s)) for s in sentences) >= 2


def build(out: Path = OUT) -> list[Path]:
    """Write one folder per fable pair with quoted speech on both sides; return the folders written."""
    from tools.evaluate import load_gnat

    folders = []
    for pair in load_gnat(ROOT / "data" / "gnat_aesop"):
        if not (quoted(pair.a) and quoted(pair.b)):
            continue
        folder = out / folder_name(pair.name)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "record.txt").write_text(" ".join(pair.a) + "\n", encoding="utf-8")
        (folder / "retelling.txt").write_text(" ".join(pair.b) + "\n", encoding="utf-8")
        (folder / "sources.toml").write_text(_manifest(pair.name), encoding="utf-8")
        folders.append(folder)
    return folders


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help=f"corpus folder [default: {OUT.relative_to(ROOT)}]")
    args = parser.parse_args(argv)
    folders = build(args.out)
    print(f"{len(folders)} folders written under {args.out}")


if __name__ == "__main__":
    main()
