"""Extract the parallels of Samuel–Kings and their retellings from the World English Bible into a label-audit corpus.

Usage:  python -m tools.kings [--imp FILE] [--out DIR]

The books of Chronicles retell Samuel and Kings, often word for word, sometimes changing numbers ("seven hundred
charioteers" / "seven thousand charioteers"), speakers, details and the words of speeches; Isaiah 36–39 retells
2 Kings 18–20 and Jeremiah 52 retells 2 Kings 24–25: a later account rewriting an earlier record, as a press report
rewrites an official one. Each parallel of ``PARALLELS`` (one event, reported in both) becomes a folder
``tests/data/kings/<parallel>/`` with one plain-text file per book (``samuel.txt`` or ``kings.txt``, and
``chronicles.txt``, ``isaiah.txt`` or ``jeremiah.txt``): the verses of the passage, paragraphs as in the edition,
separated by blank lines, and a ``sources.toml`` naming each passage ("2 Samuel 10:1-19") and its kind. The Samuel
or Kings passage is ``kind = "readout"``, the record the retelling is checked against (the majority view: the
Chronicler used Samuel–Kings, and Isaiah 36–39 and Jeremiah 52 reuse Kings); the retelling is ``kind = "other"``.

The source and its treatment are those of ``tools/synoptic.py`` (whose helpers this tool uses): the SWORD module
``engWEB2015eb`` dumped with ``mod2imp`` (``--imp FILE``, or the tool runs ``mod2imp`` itself), markup removed,
the text unchanged. A range may run into the next chapter ("15:25-16:3"); ranges separated by ``;`` are set apart
as paragraphs. The committed files are what tests read; this tool only regenerates them.
"""

from __future__ import annotations

import argparse
import subprocess
from pathlib import Path

from tools.synoptic import MODULE, manifest, parse_imp, passage_text

__all__ = ["PARALLELS", "RECORDS", "extract", "passages", "title", "write_folders"]

OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "kings"

PARALLELS: dict[str, dict[str, str]] = {
    # folder: {file stem: "Book (as the dump names it) C:V-V; C:V-V"}, the record first
    "death_of_saul": {"samuel": "I Samuel 31:1-13", "chronicles": "I Chronicles 10:1-12"},
    "david_king_over_israel": {"samuel": "II Samuel 5:1-3", "chronicles": "I Chronicles 11:1-3"},
    "capture_of_jerusalem": {"samuel": "II Samuel 5:6-10", "chronicles": "I Chronicles 11:4-9"},
    "philistines_defeated": {"samuel": "II Samuel 5:17-25", "chronicles": "I Chronicles 14:8-17"},
    "ark_and_uzzah": {"samuel": "II Samuel 6:1-11", "chronicles": "I Chronicles 13:5-14"},
    "ark_to_jerusalem": {"samuel": "II Samuel 6:12-19", "chronicles": "I Chronicles 15:25-16:3"},
    "nathans_oracle": {"samuel": "II Samuel 7:1-17", "chronicles": "I Chronicles 17:1-15"},
    "davids_prayer": {"samuel": "II Samuel 7:18-29", "chronicles": "I Chronicles 17:16-27"},
    "davids_wars": {"samuel": "II Samuel 8:1-18", "chronicles": "I Chronicles 18:1-17"},
    "ammonite_war": {"samuel": "II Samuel 10:1-19", "chronicles": "I Chronicles 19:1-19"},
    "capture_of_rabbah": {"samuel": "II Samuel 11:1; 12:26-31", "chronicles": "I Chronicles 20:1-3"},
    "philistine_giants": {"samuel": "II Samuel 21:18-22", "chronicles": "I Chronicles 20:4-8"},
    "three_mighty_men": {"samuel": "II Samuel 23:8-17", "chronicles": "I Chronicles 11:10-19"},
    "census": {"samuel": "II Samuel 24:1-9", "chronicles": "I Chronicles 21:1-6"},
    "plague_and_altar": {"samuel": "II Samuel 24:10-25", "chronicles": "I Chronicles 21:7-27"},
    "solomon_at_gibeon": {"kings": "I Kings 3:4-15", "chronicles": "II Chronicles 1:3-13"},
    "solomons_horses": {"kings": "I Kings 10:26-29", "chronicles": "II Chronicles 1:14-17"},
    "hiram_and_solomon": {"kings": "I Kings 5:1-12", "chronicles": "II Chronicles 2:1-16"},
    "ark_into_the_temple": {"kings": "I Kings 8:1-11", "chronicles": "II Chronicles 5:2-14"},
    "dedication_speech": {"kings": "I Kings 8:12-21", "chronicles": "II Chronicles 6:1-11"},
    "dedication_prayer": {"kings": "I Kings 8:22-40", "chronicles": "II Chronicles 6:12-31"},
    "prayer_for_foreigners_and_exiles": {"kings": "I Kings 8:41-53", "chronicles": "II Chronicles 6:32-42"},
    "second_vision": {"kings": "I Kings 9:1-9", "chronicles": "II Chronicles 7:11-22"},
    "queen_of_sheba": {"kings": "I Kings 10:1-13", "chronicles": "II Chronicles 9:1-12"},
    "division_of_the_kingdom": {"kings": "I Kings 12:1-19", "chronicles": "II Chronicles 10:1-19"},
    "shemaiah_forbids_war": {"kings": "I Kings 12:21-24", "chronicles": "II Chronicles 11:1-4"},
    "shishak_invades": {"kings": "I Kings 14:21-31", "chronicles": "II Chronicles 12:1-16"},
    "micaiah_prophesies": {"kings": "I Kings 22:1-28", "chronicles": "II Chronicles 18:1-27"},
    "death_of_ahab": {"kings": "I Kings 22:29-35", "chronicles": "II Chronicles 18:28-34"},
    "joash_made_king": {"kings": "II Kings 11:1-12", "chronicles": "II Chronicles 22:10-23:11"},
    "death_of_athaliah": {"kings": "II Kings 11:13-20", "chronicles": "II Chronicles 23:12-21"},
    "joash_repairs_the_temple": {"kings": "II Kings 12:1-16", "chronicles": "II Chronicles 24:1-14"},
    "amaziah_and_jehoash": {"kings": "II Kings 14:8-14", "chronicles": "II Chronicles 25:17-24"},
    "manasseh": {"kings": "II Kings 21:1-9; 21:17-18", "chronicles": "II Chronicles 33:1-9; 33:18-20"},
    "rabshakeh_speaks": {"kings": "II Kings 18:13-25", "isaiah": "Isaiah 36:1-10"},
    "rabshakeh_on_the_wall": {"kings": "II Kings 18:26-37", "isaiah": "Isaiah 36:11-22"},
    "hezekiahs_prayer": {"kings": "II Kings 19:1-19", "isaiah": "Isaiah 37:1-20"},
    "isaiahs_answer": {"kings": "II Kings 19:20-37", "isaiah": "Isaiah 37:21-38"},
    "hezekiahs_illness": {"kings": "II Kings 20:1-11", "isaiah": "Isaiah 38:1-8; 38:21-22"},
    "envoys_from_babylon": {"kings": "II Kings 20:12-19", "isaiah": "Isaiah 39:1-8"},
    "book_of_the_law": {"kings": "II Kings 22:1-13", "chronicles": "II Chronicles 34:1-2; 34:8-21"},
    "huldahs_oracle": {"kings": "II Kings 22:14-20", "chronicles": "II Chronicles 34:22-28"},
    "covenant_renewed": {"kings": "II Kings 23:1-3", "chronicles": "II Chronicles 34:29-32"},
    "fall_of_jerusalem": {"kings": "II Kings 24:18-25:7", "jeremiah": "Jeremiah 52:1-11"},
    "temple_burned": {"kings": "II Kings 25:8-21", "jeremiah": "Jeremiah 52:12-27"},
}
"""Each parallel's passages, by file stem: the book as the dump names it, then chapter:verse ranges (a range may run
into the next chapter; ``;`` between ranges). The record (Samuel or Kings) comes first."""

RECORDS = frozenset({"samuel", "kings"})
"""The file stems whose passage is the record (``kind = "readout"``)."""
_NUMERALS = {"I": "1", "II": "2"}


def passages(refs: dict[str, str]) -> dict[str, tuple[str, str]]:
    """Split each passage of a parallel into the book's name in the dump and its ranges: ``{stem: (book, ranges)}``
    ("II Samuel 11:1; 12:26-31" -> "II Samuel", "11:1; 12:26-31")."""
    out = {}
    for stem, ref in refs.items():
        words = ref.split(" ")
        at = next(i for i, w in enumerate(words) if ":" in w)
        out[stem] = (" ".join(words[:at]), " ".join(words[at:]))
    return out


def title(book: str, ranges: str) -> str:
    """Return a passage's title as readers write it: "II Samuel", "10:1-19" -> "2 Samuel 10:1-19"."""
    first, _, rest = book.partition(" ")
    return f"{_NUMERALS[first]} {rest} {ranges}" if first in _NUMERALS and rest else f"{book} {ranges}"


def write_folder(folder: Path, verses: dict[tuple[str, int, int], str], refs: dict[str, str], record: str,
                 record_kind: str = "readout") -> list[Path]:
    """Write one folder: a .txt per passage of ``refs`` and a ``sources.toml`` with ``record`` as the record."""
    folder.mkdir(parents=True, exist_ok=True)
    split = passages(refs)
    written = []
    for stem, (book, ranges) in split.items():
        path = folder / f"{stem}.txt"
        path.write_text(passage_text(verses, stem, ranges, name=book), encoding="utf-8")
        written.append(path)
    titles = {stem: title(book, ranges) for stem, (book, ranges) in split.items()}
    (folder / "sources.toml").write_text(manifest(refs, record=record, titles=titles, record_kind=record_kind),
                                         encoding="utf-8")
    return written


def write_folders(table: dict[str, tuple[str, dict[str, str]]], imp_text: str, out: Path) -> list[Path]:
    """Write each folder of ``table`` (name: its record's kind and its passages by file stem, the record first) under
    ``out`` from a ``mod2imp`` dump; return the files written (the corpus tools of the later audit sets use it)."""
    verses = parse_imp(imp_text)
    return [path for name, (kind, refs) in table.items()
            for path in write_folder(out / name, verses, refs, next(iter(refs)), kind)]


def extract(imp_text: str, out: Path = OUT) -> list[Path]:
    """Write every parallel's passages under ``out``; return the files written."""
    verses = parse_imp(imp_text)
    return [path for name, refs in PARALLELS.items()
            for path in write_folder(out / name, verses, refs, next(stem for stem in refs if stem in RECORDS))]


def read_dump(imp: Path | None) -> str:
    """The ``mod2imp`` dump of the edition: the file ``imp``, or ``mod2imp`` run now."""
    if imp is not None:
        return imp.read_text(encoding="utf-8")
    return subprocess.run(["mod2imp", MODULE], check=True, capture_output=True, text=True).stdout


def table_main(doc: str | None, folders: dict[str, tuple[str, dict[str, str]]], out: Path, argv: list[str] | None = None) -> None:
    """The command line of a corpus tool built on ``write_folders``: ``--imp FILE`` (a ``mod2imp`` dump; default: run
    ``mod2imp``) and ``--out DIR`` (default ``out``); writes every folder and says how many passages and folders."""
    parser = argparse.ArgumentParser(description=(doc or "").splitlines()[0])
    parser.add_argument("--imp", type=Path, default=None, help=f"a mod2imp dump of {MODULE} [default: run mod2imp]")
    parser.add_argument("--out", type=Path, default=out, help=f"corpus folder [default: {out}]")
    args = parser.parse_args(argv)
    written = write_folders(folders, read_dump(args.imp), args.out)
    print(f"{len(written)} passages in {len(folders)} folders written under {args.out}")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--imp", type=Path, default=None, help=f"a mod2imp dump of {MODULE} [default: run mod2imp]")
    parser.add_argument("--out", type=Path, default=OUT, help="corpus folder [default: tests/data/kings]")
    args = parser.parse_args()
    written = extract(read_dump(args.imp), args.out)
    print(f"{len(written)} passages in {len(PARALLELS)} parallels written under {args.out}")


if __name__ == "__main__":
    main()
