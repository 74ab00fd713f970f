"""Extract parallel gospel pericopes from the World English Bible into a label-audit corpus.

Usage:  python -m tools.synoptic [--imp FILE] [--out DIR] [--set 2]

The synoptic gospels (Matthew, Mark, Luke, and for some events John) report the same events and sayings in
different words: numbers that differ ("two blind men" / "a blind man"), sayings worded differently inside quotation
marks, details added or left out. Each pericope of ``PERICOPES`` (after Aland's *Synopsis Quattuor Evangeliorum*;
only accounts that report one event) becomes a folder ``tests/data/synoptic/<pericope>/`` with one plain-text file
per gospel (``matthew.txt``, ...): the verses of the passage, paragraphs as in the edition, separated by blank lines,
and a ``sources.toml`` naming each passage ("Mark 2:1-12") and its kind. Mark, where it has the event, is
``kind = "readout"``, the record the others are checked against: by Markan priority (the two-source hypothesis, the
majority view) Matthew and Luke rewrote Mark, so their words inside quotation marks are a later source's rendering of
Mark's; Matthew, Luke and John are ``kind = "other"``. Without Mark (the centurion's servant) every account is
``other``.

The source is the SWORD module ``engWEB2015eb`` (Debian package ``sword-text-web``), dumped with
``mod2imp engWEB2015eb > /tmp/web.imp`` (``--imp``; the tool runs ``mod2imp`` itself when no file is given). Each
verse is a ``$$$Book C:V`` line followed by OSIS XML; the text is kept unchanged except that markup is removed:
footnotes and cross references (``<note>``), headings (``<title>``) and word tags go, paragraph markers become
blank lines, poetry lines (``<l>``) are joined with a space (none after an opening quotation mark), a space goes
back where a removed note stood between two words, and the curly quotation marks in the text stay as they are
(``<q>`` elements carry no marks of their own in this edition). Half verses (Aland's "43a") are taken whole.
The committed files are what tests read; this tool only regenerates them.

``--set 2`` writes the second, disjoint table ``PERICOPES2`` (41 further pericopes, no verse shared with
``PERICOPES``) under ``tests/data/synoptic2/`` instead: a third audit set, read by nobody writing rules.
"""

from __future__ import annotations

import argparse
import html
import re
import subprocess
from pathlib import Path

__all__ = ["PERICOPES", "PERICOPES2", "extract", "manifest", "parse_imp", "passage_text", "verse_text"]

OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "synoptic"
OUT2 = OUT.parent / "synoptic2"
MODULE = "engWEB2015eb"

PERICOPES: dict[str, dict[str, str]] = {
    # folder: {gospel: "C:V-V; C:V-V"}; Aland section in the comment
    "john_the_baptist": {"matthew": "3:1-6", "mark": "1:2-6", "luke": "3:1-6"},  # Aland 13
    "baptism_of_jesus": {"matthew": "3:13-17", "mark": "1:9-11", "luke": "3:21-22"},  # 18
    "temptation": {"matthew": "4:1-11", "mark": "1:12-13", "luke": "4:1-13"},  # 20
    "peters_mother_in_law": {"matthew": "8:14-15", "mark": "1:29-31", "luke": "4:38-39"},  # 37
    "cleansing_of_a_leper": {"matthew": "8:1-4", "mark": "1:40-45", "luke": "5:12-16"},  # 42
    "healing_of_the_paralytic": {"matthew": "9:1-8", "mark": "2:1-12", "luke": "5:17-26"},  # 43
    "call_of_levi": {"matthew": "9:9-13", "mark": "2:13-17", "luke": "5:27-32"},  # 44
    "question_about_fasting": {"matthew": "9:14-17", "mark": "2:18-22", "luke": "5:33-39"},  # 45
    "plucking_grain_on_the_sabbath": {"matthew": "12:1-8", "mark": "2:23-28", "luke": "6:1-5"},  # 46
    "man_with_a_withered_hand": {"matthew": "12:9-14", "mark": "3:1-6", "luke": "6:6-11"},  # 47
    "centurions_servant": {"matthew": "8:5-13", "luke": "7:1-10"},  # 85
    "parable_of_the_sower": {"matthew": "13:1-9", "mark": "4:1-9", "luke": "8:4-8"},  # 122
    "mustard_seed": {"matthew": "13:31-32", "mark": "4:30-32", "luke": "13:18-19"},  # 128
    "calming_the_storm": {"matthew": "8:23-27", "mark": "4:35-41", "luke": "8:22-25"},  # 136
    "gerasene_demoniac": {"matthew": "8:28-34", "mark": "5:1-20", "luke": "8:26-39"},  # 137
    "jairus_daughter": {"matthew": "9:18-26", "mark": "5:21-43", "luke": "8:40-56"},  # 138
    "feeding_of_the_five_thousand": {"matthew": "14:13-21", "mark": "6:30-44", "luke": "9:10-17", "john": "6:1-14"},  # 146
    "walking_on_the_water": {"matthew": "14:22-33", "mark": "6:45-52", "john": "6:15-21"},  # 147
    "peters_confession": {"matthew": "16:13-20", "mark": "8:27-30", "luke": "9:18-21"},  # 158
    "first_passion_prediction": {"matthew": "16:21-23", "mark": "8:31-33", "luke": "9:22"},  # 159
    "transfiguration": {"matthew": "17:1-8", "mark": "9:2-8", "luke": "9:28-36"},  # 161
    "epileptic_boy": {"matthew": "17:14-20", "mark": "9:14-29", "luke": "9:37-43"},  # 163
    "blessing_the_children": {"matthew": "19:13-15", "mark": "10:13-16", "luke": "18:15-17"},  # 253
    "rich_young_man": {"matthew": "19:16-22", "mark": "10:17-22", "luke": "18:18-23"},  # 254
    "request_of_james_and_john": {"matthew": "20:20-28", "mark": "10:35-45"},  # 263
    "blind_men_at_jericho": {"matthew": "20:29-34", "mark": "10:46-52", "luke": "18:35-43"},  # 264
    "triumphal_entry": {"matthew": "21:1-11", "mark": "11:1-11", "luke": "19:28-40", "john": "12:12-19"},  # 269
    "cleansing_of_the_temple": {"matthew": "21:12-13", "mark": "11:15-17", "luke": "19:45-46"},  # 273
    "question_of_authority": {"matthew": "21:23-27", "mark": "11:27-33", "luke": "20:1-8"},  # 276
    "tribute_to_caesar": {"matthew": "22:15-22", "mark": "12:13-17", "luke": "20:20-26"},  # 280
    "widows_mite": {"mark": "12:41-44", "luke": "21:1-4"},  # 286
    "anointing_at_bethany": {"matthew": "26:6-13", "mark": "14:3-9", "john": "12:1-8"},  # 306
    "gethsemane": {"matthew": "26:36-46", "mark": "14:32-42", "luke": "22:39-46"},  # 330
    "arrest_of_jesus": {"matthew": "26:47-56", "mark": "14:43-52", "luke": "22:47-53", "john": "18:1-11"},  # 331
    "peters_denial": {"matthew": "26:69-75", "mark": "14:66-72", "luke": "22:54-62", "john": "18:15-18; 18:25-27"},  # 333
    "empty_tomb": {"matthew": "28:1-8", "mark": "16:1-8", "luke": "24:1-12"},  # 352
}
"""Each pericope's passages, by gospel: chapter:verse ranges, ``;`` between ranges."""

PERICOPES2: dict[str, dict[str, str]] = {
    # the second set (``--set 2``): other pericopes of Aland's synopsis, no verse shared with PERICOPES
    "call_of_the_first_disciples": {"matthew": "4:18-22", "mark": "1:16-20"},  # Aland 34
    "demoniac_in_the_synagogue": {"mark": "1:21-28", "luke": "4:31-37"},  # 36
    "healings_at_evening": {"matthew": "8:16-17", "mark": "1:32-34", "luke": "4:40-41"},  # 38
    "choosing_the_twelve": {"matthew": "10:1-4", "mark": "3:13-19", "luke": "6:12-16"},  # 49
    "beelzebul_controversy": {"matthew": "12:22-30", "mark": "3:22-27", "luke": "11:14-23"},  # 117
    "jesus_true_family": {"matthew": "12:46-50", "mark": "3:31-35", "luke": "8:19-21"},  # 121
    "lamp_under_a_basket": {"mark": "4:21-25", "luke": "8:16-18"},  # 124
    "rejection_at_nazareth": {"matthew": "13:53-58", "mark": "6:1-6"},  # 139
    "sending_the_twelve": {"mark": "6:7-13", "luke": "9:1-6"},  # 142
    "herods_opinion": {"matthew": "14:1-2", "mark": "6:14-16", "luke": "9:7-9"},  # 143
    "death_of_john_the_baptist": {"matthew": "14:3-12", "mark": "6:17-29"},  # 144
    "syrophoenician_woman": {"matthew": "15:21-28", "mark": "7:24-30"},  # 151
    "feeding_of_the_four_thousand": {"matthew": "15:32-39", "mark": "8:1-10"},  # 153
    "demand_for_a_sign": {"matthew": "16:1-4", "mark": "8:11-13"},  # 154
    "leaven_of_the_pharisees": {"matthew": "16:5-12", "mark": "8:14-21"},  # 155
    "conditions_of_discipleship": {"matthew": "16:24-28", "mark": "8:34-9:1", "luke": "9:23-27"},  # 160
    "coming_of_elijah": {"matthew": "17:9-13", "mark": "9:9-13"},  # 162
    "second_passion_prediction": {"matthew": "17:22-23", "mark": "9:30-32", "luke": "9:44-45"},  # 164
    "who_is_the_greatest": {"matthew": "18:1-5", "mark": "9:33-37", "luke": "9:46-48"},  # 166
    "strange_exorcist": {"mark": "9:38-41", "luke": "9:49-50"},  # 167
    "on_divorce": {"matthew": "19:3-12", "mark": "10:2-12"},  # 252
    "third_passion_prediction": {"matthew": "20:17-19", "mark": "10:32-34", "luke": "18:31-34"},  # 262
    "cursing_the_fig_tree": {"matthew": "21:18-19", "mark": "11:12-14"},  # 272
    "wicked_tenants": {"matthew": "21:33-46", "mark": "12:1-12", "luke": "20:9-19"},  # 278
    "question_about_the_resurrection": {"matthew": "22:23-33", "mark": "12:18-27", "luke": "20:27-40"},  # 281
    "great_commandment": {"matthew": "22:34-40", "mark": "12:28-34"},  # 282
    "question_about_davids_son": {"matthew": "22:41-46", "mark": "12:35-37", "luke": "20:41-44"},  # 284
    "destruction_of_the_temple_foretold": {"matthew": "24:1-2", "mark": "13:1-2", "luke": "21:5-6"},  # 287
    "plot_to_kill_jesus": {"matthew": "26:1-5", "mark": "14:1-2", "luke": "22:1-2"},  # 305
    "judas_betrayal": {"matthew": "26:14-16", "mark": "14:10-11", "luke": "22:3-6"},  # 307
    "preparing_the_passover": {"matthew": "26:17-19", "mark": "14:12-16", "luke": "22:7-13"},  # 308
    "betrayer_foretold": {"matthew": "26:20-25", "mark": "14:17-21", "john": "13:21-30"},  # 310
    "lords_supper": {"matthew": "26:26-29", "mark": "14:22-25", "luke": "22:14-20"},  # 311
    "peters_denial_foretold": {"matthew": "26:30-35", "mark": "14:26-31"},  # 315
    "jesus_before_the_council": {"matthew": "26:57-68", "mark": "14:53-65"},  # 332
    "jesus_before_pilate": {"matthew": "27:11-14", "mark": "15:2-5", "luke": "23:2-5", "john": "18:33-37"},  # 336
    "barabbas": {"matthew": "27:15-26", "mark": "15:6-15", "luke": "23:17-25", "john": "18:38-40"},  # 339
    "mocking_by_the_soldiers": {"matthew": "27:27-31", "mark": "15:16-20", "john": "19:2-3"},  # 342
    "crucifixion": {"matthew": "27:32-44", "mark": "15:21-32", "luke": "23:26-43", "john": "19:17-27"},  # 343
    "death_of_jesus": {"matthew": "27:45-56", "mark": "15:33-41", "luke": "23:44-49", "john": "19:28-30"},  # 347
    "burial_of_jesus": {"matthew": "27:57-61", "mark": "15:42-47", "luke": "23:50-56", "john": "19:38-42"},  # 350
}
"""The second set's pericopes (``--set 2``, ``tests/data/synoptic2/``), as ``PERICOPES``."""

BOOKS = {"matthew": "Matthew", "mark": "Mark", "luke": "Luke", "john": "John"}
RECORD = "mark"
"""The gospel taken as the record (``kind = "readout"``) where a pericope has it."""
_VERSE_KEY = re.compile(r"^\$\$\$(.+) (\d+):(\d+)$")
_DROP = re.compile(r"<(note|title)\b[^>]*>.*?</\1>", re.S)
_PARAGRAPH = re.compile(r'<div\b[^>]*type="x-p"[^>]*/>')
_SPACE_TAG = re.compile(r"<(l|lb|lg)\b[^>]*/?>")
_TAG = re.compile(r"<[^>]+>")
_PARA_MARK = "\x00"
_CUT = "\x01"
_JOINED = re.compile(r"(?<=[A-Za-z,.;:!?’”])\x01+(?=[A-Za-z])")
"""A note cut out between two words ("rock<note/>I will build") leaves them glued: a space goes back there."""


def parse_imp(text: str) -> dict[tuple[str, int, int], str]:
    """Return the OSIS markup of every verse of a ``mod2imp`` dump, keyed by (book, chapter, verse)."""
    verses: dict[tuple[str, int, int], str] = {}
    key: tuple[str, int, int] | None = None
    lines: list[str] = []
    for line in text.splitlines():
        m = _VERSE_KEY.match(line)
        if m:
            if key is not None:
                verses[key] = "\n".join(lines)
            key, lines = (m.group(1), int(m.group(2)), int(m.group(3))), []
        elif key is not None:
            lines.append(line)
    if key is not None:
        verses[key] = "\n".join(lines)
    return verses


def verse_text(markup: str) -> str:
    """Return one verse's text without markup; a paragraph break is marked with ``_PARA_MARK``."""
    text = _DROP.sub(_CUT, markup)
    text = _PARAGRAPH.sub(_PARA_MARK, text)
    text = _SPACE_TAG.sub(_CUT, text)
    text = _TAG.sub("", text)
    return html.unescape(_JOINED.sub(" ", text).replace(_CUT, ""))


def _ranges(ref: str) -> list[tuple[int, int, int, int]]:
    """Return each ``;``-separated range of ``ref`` ("C:V", "C:V-V" or "C:V-C:V") as (chapter, verse, last chapter,
    last verse)."""
    out = []
    for part in ref.split(";"):
        start, _, end = part.strip().partition("-")
        chapter, first = start.split(":")
        last_chapter, _, last = end.rpartition(":")
        out.append((int(chapter), int(first), int(last_chapter or chapter), int(last or first)))
    return out


def passage_text(verses: dict[tuple[str, int, int], str], book: str, ref: str, name: str | None = None) -> str:
    """Return a passage as paragraphs separated by blank lines, each paragraph one line.

    ``book`` is a key of ``BOOKS`` unless ``name``, the book's name in the dump ("II Samuel"), is given. A range that
    runs into the next chapter ("15:25-16:3") takes the rest of its first chapter, then the next chapter's verse 0
    where the dump has one (it holds the paragraph mark that opens the chapter) and its verses up to the last;
    ranges separated by ``;`` are paragraphs.
    """
    name = name or BOOKS[book]
    parts = []
    for chapter, first, last_chapter, last in _ranges(ref):
        for c in range(chapter, last_chapter + 1):
            v = first if c == chapter else 0
            while (name, c, v) in verses if c < last_chapter else v <= last:  # a chapter before the last: to its end
                if v or (name, c, v) in verses:  # a missing verse 0 is no loss; a missing verse is a KeyError
                    parts.append(verse_text(verses[(name, c, v)]))
                v += 1
        parts.append(_PARA_MARK)  # separate ranges of one passage
    paragraphs = (" ".join(p.split()) for p in " ".join(parts).split(_PARA_MARK))
    return "\n\n".join(p for p in paragraphs if p) + "\n"


def extract(imp_text: str, out: Path = OUT, pericopes: dict[str, dict[str, str]] | None = None) -> list[Path]:
    """Write every pericope's passages under ``out``; return the files written. ``pericopes`` is the table
    [default: ``PERICOPES``]."""
    verses = parse_imp(imp_text)
    written = []
    for name, books in (PERICOPES if pericopes is None else pericopes).items():
        folder = out / name
        folder.mkdir(parents=True, exist_ok=True)
        for book, ref in books.items():
            path = folder / f"{book}.txt"
            path.write_text(passage_text(verses, book, ref), encoding="utf-8")
            written.append(path)
        (folder / "sources.toml").write_text(manifest(books), encoding="utf-8")
    return written


def manifest(books: dict[str, str], record: str = RECORD, titles: dict[str, str] | None = None,
             record_kind: str = "readout") -> str:
    """Return a pericope's ``sources.toml``: each passage's id, title (book and reference), outlet and kind.

    ``record`` is the passage that is ``kind = record_kind`` [default: ``"readout"``]; ``titles`` gives a passage's
    title where the book's name and reference would not do [default: ``BOOKS[book] ref``]."""
    entries = []
    for book, ref in books.items():
        kind = record_kind if book == record else "other"
        title = (titles or {}).get(book) or f"{BOOKS[book]} {ref}"
        entries.append(f'[[source]]\nfile = "{book}.txt"\nid = "{book}"\ntitle = "{title}"\n'
                       f'outlet = "World English Bible"\nkind = "{kind}"\nlanguage = "en"\n')
    return "\n".join(entries)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--imp", type=Path, default=None, help=f"a mod2imp dump of {MODULE} [default: run mod2imp]")
    parser.add_argument("--out", type=Path, default=None,
                        help="corpus folder [default: tests/data/synoptic, or tests/data/synoptic2 with --set 2]")
    parser.add_argument("--set", type=int, choices=(1, 2), default=1, dest="table",
                        help="1: PERICOPES; 2: PERICOPES2, the second, disjoint set [default: 1]")
    args = parser.parse_args()
    table, out = (PERICOPES, OUT) if args.table == 1 else (PERICOPES2, OUT2)
    out = args.out if args.out is not None else out
    if args.imp is not None:
        text = args.imp.read_text(encoding="utf-8")
    else:
        text = subprocess.run(["mod2imp", MODULE], check=True, capture_output=True, text=True).stdout
    written = extract(text, out, table)
    print(f"{len(written)} passages in {len(table)} pericopes written under {out}")


if __name__ == "__main__":
    main()
