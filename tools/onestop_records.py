"""Build ``tests/data/onestop_records``: each OneStopEnglish article of the label audit's final set as a folder of its
advanced rewrite, declared the record (``kind = "readout"``: its quotations are what the people quoted said), and
its elementary rewrite, declared a press rewrite of it (``kind = "press"``).

Usage:  .venv/bin/python -m tools.onestop_records [--set final|dev|final-int|dev-int|gold|gold-int|int-ele] [--out DIR]

The articles of ``--set final`` (``tests/data/onestop_records``) are ``benchmarks/label_audit.py``'s
``onestop_final()`` (never fitted on, never shown to whoever writes the rules); ``--set dev``
(``tests/data/onestop_records2``) takes the label audit's dev articles (``onestop_fresh()`` and
``onestop_heldout_articles()``, whose labels without a record the rules were read beside: none of their pairs was
run with a record before) less the eight of the alignment gold (``tests/data/onestop``); ``--set final-int``
(``tests/data/onestop_records3``) the final set's advanced rewrites against their intermediate ones (``int.txt``),
``--set dev-int`` (``tests/data/onestop_records4``) the dev set's; ``--set gold`` and ``--set gold-int``
(``tests/data/onestop_records5``, folders ``<article>_ele`` and ``<article>_int``) the eight articles of the alignment
gold, whose labels no round of rules had read with or without a record; ``--set int-ele``
(``tests/data/onestop_records6``) every article's intermediate rewrite, declared the record, against its elementary
one: no pair of these two levels had been run with a record (both levels were read, each against the advanced
record, in ``onestop_records`` to ``onestop_records5``); the files are byte-for-byte copies of ``../shared/data/onestopenglish`` (CC BY-SA 4.0, Vajjala and
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
OUT = {"final": ROOT / "tests" / "data" / "onestop_records", "dev": ROOT / "tests" / "data" / "onestop_records2",
       "final-int": ROOT / "tests" / "data" / "onestop_records3", "dev-int": ROOT / "tests" / "data" / "onestop_records4",
       "gold": ROOT / "tests" / "data" / "onestop_records5", "gold-int": ROOT / "tests" / "data" / "onestop_records5",
       "int-ele": ROOT / "tests" / "data" / "onestop_records6"}
LEVEL_NAMES = {"adv": "advanced", "int": "intermediate", "ele": "elementary"}


def levels(which: str) -> dict[str, str]:
    """The two levels of a set's folders, each with its kind: the advanced the record, the other a press rewrite (for
    ``int-ele`` the intermediate the record, the elementary the press rewrite)."""
    if which == "int-ele":
        return {"int": "readout", "ele": "press"}
    return {"adv": "readout", ("int" if which.endswith("-int") else "ele"): "press"}


def folder_name(article: str) -> str:
    """The folder of one article: its name in lower case, runs of other characters as one underscore."""
    return re.sub(r"[^a-z0-9]+", "_", article.lower()).strip("_")


def _manifest(article: str, which: str) -> str:
    entries = []
    for level, kind in levels(which).items():
        title = LEVEL_NAMES[level]
        entries.append(
            f'[[source]]\nfile = "{level}.txt"\nid = "{level}"\ntitle = "{article} ({title})"\n'
            f'outlet = "OneStopEnglish ({title} level)"\nkind = "{kind}"\nlanguage = "en"\n'
        )
    return "\n".join(entries)


def articles(which: str) -> list[str]:
    """The articles of one set (``final`` or ``dev``, see the module docstring), sorted."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from label_audit import onestop_final, onestop_fresh, onestop_heldout_articles

    if which in ("final", "final-int"):
        return onestop_final()
    if which == "int-ele":
        from tools.splits import ONESTOP_DIR

        return sorted(p.name.rsplit("-", 1)[0] for p in (ONESTOP_DIR / "int").glob("*-int.txt")
                      if (ONESTOP_DIR / "ele" / p.name.replace("-int.txt", "-ele.txt")).is_file())
    gold = {p.name.rsplit("-", 1)[0] for p in (ROOT / "tests" / "data" / "onestop").glob("*-adv.txt")}
    if which.startswith("gold"):
        return sorted(gold)
    return sorted(a for a in onestop_fresh() + onestop_heldout_articles() if a not in gold)


def build(which: str = "final", out: Path | None = None) -> list[Path]:
    """Write every folder of one set; return the folders written."""
    from tools.splits import ONESTOP_DIR

    out = out or OUT[which]
    folders = []
    for article in articles(which):
        press = next(level for level, kind in levels(which).items() if kind == "press")
        folder = out / (folder_name(article) + (f"_{press}" if which.startswith("gold") else ""))
        folder.mkdir(parents=True, exist_ok=True)
        for level in levels(which):
            (folder / f"{level}.txt").write_bytes((ONESTOP_DIR / level / f"{article}-{level}.txt").read_bytes())
        (folder / "sources.toml").write_text(_manifest(article, which), encoding="utf-8")
        folders.append(folder)
    return folders


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--set", choices=sorted(OUT), default="final", help="which articles [default: final]")
    parser.add_argument("--out", type=Path, default=None, help="corpus folder [default: by set, see above]")
    args = parser.parse_args(argv)
    folders = build(args.set, args.out)
    print(f"{len(folders)} folders written under {args.out or OUT[args.set]}")


if __name__ == "__main__":
    main()
