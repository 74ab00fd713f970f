"""Build ``tests/data/onestop_records``: each OneStopEnglish article of the label audit's final set as a folder of its
advanced rewrite, declared the record (``kind = "readout"``: its quotations are what the people quoted said), and
its elementary rewrite, declared a press rewrite of it (``kind = "press"``).

Usage:  .venv/bin/python -m tools.onestop_records [--out DIR]

The articles are ``benchmarks/label_audit.py``'s ``onestop_final()`` (never fitted on, never shown to whoever writes
the rules); the files are byte-for-byte copies of ``../shared/data/onestopenglish`` (CC BY-SA 4.0, Vajjala and
Lučić 2018; see the corpus README). With a record declared, every rule runs on these pairs, the ones named only
against a record (``meaning``, ``hedge``, ``loaded_language``) and ``quote`` among them, as a news rewrite of an
official text would get them.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "data" / "onestop_records"
LEVELS = {"adv": ("readout", "advanced"), "ele": ("press", "elementary")}


def folder_name(article: str) -> str:
    """The folder of one article: its name in lower case, runs of other characters as one underscore."""
    return re.sub(r"[^a-z0-9]+", "_", article.lower()).strip("_")


def _manifest(article: str) -> str:
    entries = []
    for level, (kind, title) in LEVELS.items():
        entries.append(
            f'[[source]]\nfile = "{level}.txt"\nid = "{level}"\ntitle = "{article} ({title})"\n'
            f'outlet = "OneStopEnglish ({title} level)"\nkind = "{kind}"\nlanguage = "en"\n'
        )
    return "\n".join(entries)


def build(out: Path = OUT) -> list[Path]:
    """Write every folder; return the folders written."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from label_audit import onestop_final

    from tools.splits import ONESTOP_DIR

    folders = []
    for article in onestop_final():
        folder = out / folder_name(article)
        folder.mkdir(parents=True, exist_ok=True)
        for level in LEVELS:
            (folder / f"{level}.txt").write_bytes((ONESTOP_DIR / level / f"{article}-{level}.txt").read_bytes())
        (folder / "sources.toml").write_text(_manifest(article), encoding="utf-8")
        folders.append(folder)
    return folders


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help=f"corpus folder [default: {OUT}]")
    args = parser.parse_args(argv)
    folders = build(args.out)
    print(f"{len(folders)} folders written under {args.out}")


if __name__ == "__main__":
    main()
