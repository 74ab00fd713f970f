"""Extract passages of the World English Bible that quote or retell an earlier passage into a label-audit corpus.

Usage:  python -m tools.citations [--imp FILE] [--out DIR]

A later text quotes an earlier one in quotation marks, the situation of a press article quoting an official record.
Three tables, one folder ``tests/data/citations/<name>/`` per entry, one plain-text file per passage and a
``sources.toml`` naming each passage ("Isaiah 7:14") and its kind:

- ``CITATIONS``: Matthew, Luke, John, Acts, the letters and Hebrews introduce a passage of the Old Testament ("...
  spoken by Isaiah the prophet, saying, '...'") and give it in their own wording, which differs from the edition's
  translation of the Hebrew text the way a press quotation differs from a transcript: words dropped, added or
  replaced inside the quotation marks, clauses left out, a changed tense or person. The Old Testament passage is the
  record (``kind = "transcript"``: every word of it is the text being quoted), the New Testament passage that quotes
  it ``kind = "other"``, taken with its framing sentence so that the quotation marks are in the text. A file is
  named after its book (``isaiah.txt``, ``1_peter.txt``).
- ``RETELLINGS``: a narrative (``kind = "readout"``) and the later speeches that tell the same events in other
  words, quoting what was said in them (``other``): Paul's conversion told in Acts 9 and by Paul in Acts 22 and 26,
  Stephen's speech (Acts 7) retelling Genesis and Exodus, Moses in Deuteronomy retelling Exodus and Numbers, a
  servant or Pharaoh retelling what the narrative told.
- ``PARALLELS``: one text that two books give (a song, a psalm, an oracle, a list of returned exiles with their
  numbers), or a command and the account of its execution ("You shall make..." / "He made..."); the one listed first
  is ``readout`` (a choice, not a claim about which was written first), the other ``other``.

The source and the extraction are those of ``tools/synoptic.py`` (SWORD module ``engWEB2015eb``, Debian package
``sword-text-web``, dumped with ``mod2imp engWEB2015eb > /tmp/web.imp``; ``--imp``, or the tool runs ``mod2imp``
itself), the references those of ``tools/kings.py`` (the book as the dump names it, then ranges; ``;`` between
ranges, which are set apart as paragraphs and taken in the order given, so a record that joins two verses of one
book, "Hosea 2:23; 1:10", reads as the quotation does). The committed files are what tests read; this tool only
regenerates them.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from tools.kings import passages, read_dump, write_folders
from tools.synoptic import MODULE

__all__ = ["CITATIONS", "PARALLELS", "RECORD_KIND", "RETELLINGS", "RETELLING_KIND", "extract", "folders", "stem"]

OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "citations"

CITATIONS: dict[str, tuple[str, str]] = {
    # folder: (the record, Old Testament; the quotation, New Testament, with its framing sentence)
    "immanuel": ("Isaiah 7:14", "Matthew 1:22-23"),
    "bethlehem": ("Micah 5:2", "Matthew 2:5-6"),
    "rachel_weeping": ("Jeremiah 31:15", "Matthew 2:17-18"),
    "galilee_of_the_gentiles": ("Isaiah 9:1-2", "Matthew 4:13-16"),
    "my_chosen_servant": ("Isaiah 42:1-4", "Matthew 12:15-21"),
    "hearing_you_will_hear": ("Isaiah 6:9-10", "Matthew 13:14-15"),
    "honor_me_with_their_lips": ("Isaiah 29:13", "Matthew 15:7-9"),
    "spirit_of_the_lord_on_me": ("Isaiah 61:1-2", "Luke 4:17-19"),
    "who_has_believed": ("Isaiah 53:1", "John 12:37-38"),
    "last_days": ("Joel 2:28-32", "Acts 2:16-21"),
    "the_lord_before_my_face": ("Psalms 16:8-11", "Acts 2:25-28"),
    "why_do_the_nations_rage": ("Psalms 2:1-2", "Acts 4:24-26"),
    "heaven_is_my_throne": ("Isaiah 66:1-2", "Acts 7:48-50"),
    "sheep_to_the_slaughter": ("Isaiah 53:7-8", "Acts 8:32-33"),
    "you_are_my_son": ("Psalms 2:7", "Acts 13:32-33"),
    "behold_you_scoffers": ("Habakkuk 1:5", "Acts 13:40-41"),
    "tabernacle_of_david": ("Amos 9:11-12", "Acts 15:15-17"),
    "go_to_this_people": ("Isaiah 6:9-10", "Acts 28:25-27"),
    "no_one_righteous": ("Psalms 14:1-3", "Romans 3:10-12"),
    "blessed_whose_sins_are_covered": ("Psalms 32:1-2", "Romans 4:6-8"),
    "not_my_people": ("Hosea 2:23; 1:10", "Romans 9:25-26"),
    "sand_of_the_sea": ("Isaiah 10:22-23", "Romans 9:27-28"),
    "beautiful_feet": ("Isaiah 52:7", "Romans 10:15"),
    "found_by_those_who_did_not_seek": ("Isaiah 65:1-2", "Romans 10:20-21"),
    "the_deliverer_from_zion": ("Isaiah 59:20-21; 27:9", "Romans 11:26-27"),
    "root_of_jesse": ("Isaiah 11:10", "Romans 15:12"),
    "eye_has_not_seen": ("Isaiah 64:4", "I Corinthians 2:9"),
    "acceptable_time": ("Isaiah 49:8", "II Corinthians 6:2"),
    "throne_forever": ("Psalms 45:6-7", "Hebrews 1:8-9"),
    "what_is_man": ("Psalms 8:4-6", "Hebrews 2:6-8"),
    "today_if_you_hear_his_voice": ("Psalms 95:7-11", "Hebrews 3:7-11"),
    "order_of_melchizedek": ("Psalms 110:4", "Hebrews 5:6"),
    "new_covenant": ("Jeremiah 31:31-34", "Hebrews 8:8-12"),
    "a_body_prepared": ("Psalms 40:6-8", "Hebrews 10:5-7"),
    "discipline_of_the_lord": ("Proverbs 3:11-12", "Hebrews 12:5-6"),
    "all_flesh_is_grass": ("Isaiah 40:6-8", "I Peter 1:24-25"),
    "cornerstone_in_zion": ("Isaiah 28:16", "I Peter 2:6"),
    "love_life_and_see_good_days": ("Psalms 34:12-16", "I Peter 3:10-12"),
    # further quotations, added when the first 38 folders gave too few named labels for an audit
    "out_of_egypt": ("Hosea 11:1", "Matthew 2:15"),
    "open_my_mouth_in_parables": ("Psalms 78:2", "Matthew 13:34-35"),
    "lifted_up_his_heel": ("Psalms 41:9", "John 13:18"),
    "a_prophet_like_me": ("Deuteronomy 18:15; 18:18-19", "Acts 3:22-23"),
    "sacrifices_in_the_wilderness": ("Amos 5:25-27", "Acts 7:42-43"),
    "seed_left_to_us": ("Isaiah 1:9", "Romans 9:29"),
    "seven_thousand_reserved": ("I Kings 19:10; 19:18", "Romans 11:2-4"),
    "their_table_a_snare": ("Psalms 69:22-23", "Romans 11:9-10"),
    "every_knee_will_bow": ("Isaiah 45:23", "Romans 14:11"),
    "wisdom_of_the_wise": ("Isaiah 29:14", "I Corinthians 1:19"),
    "rejoice_you_barren": ("Isaiah 54:1", "Galatians 4:27"),
    "ascended_on_high": ("Psalms 68:18", "Ephesians 4:8"),
    "foundation_of_the_earth": ("Psalms 102:25-27", "Hebrews 1:10-12"),
    "blessing_i_will_bless_you": ("Genesis 22:16-17", "Hebrews 6:13-14"),
    "the_righteous_live_by_faith": ("Habakkuk 2:3-4", "Hebrews 10:37-38"),
    "the_lord_is_my_helper": ("Psalms 118:6", "Hebrews 13:6"),
    "you_are_gods": ("Psalms 82:6", "John 10:34"),
    "another_take_his_office": ("Psalms 69:25; 109:8", "Acts 1:20"),
    "a_light_for_the_gentiles": ("Isaiah 49:6", "Acts 13:46-47"),
    "sheep_for_the_slaughter": ("Psalms 44:22", "Romans 8:36"),
    "their_sound_went_out": ("Psalms 19:4", "Romans 10:18"),
    "if_your_enemy_is_hungry": ("Proverbs 25:21-22", "Romans 12:20"),
    "to_whom_no_news_came": ("Isaiah 52:15", "Romans 15:21"),
    "strange_languages": ("Isaiah 28:11-12", "I Corinthians 14:21"),
    "given_to_the_poor": ("Psalms 112:9", "II Corinthians 9:9"),
    "i_will_declare_your_name": ("Psalms 22:22", "Hebrews 2:11-12"),
}
"""Each quotation: the record (Old Testament) and the passage that quotes it (New Testament), each as the book's name
in the dump and its chapter:verse ranges (``;`` between ranges)."""

RETELLINGS: dict[str, dict[str, str]] = {
    # folder: {file stem: "Book C:V-V"}, the record (a narrative) first, then the speeches that retell it
    "conversion_of_saul": {"acts_9": "Acts 9:1-19", "acts_22": "Acts 22:6-16", "acts_26": "Acts 26:12-18"},
    "vision_of_cornelius": {"acts_10": "Acts 10:1-8", "acts_10_30": "Acts 10:30-33"},
    "vision_of_peter": {"acts_10": "Acts 10:9-16", "acts_11": "Acts 11:4-10"},
    "burning_bush": {"exodus": "Exodus 3:2-10", "acts": "Acts 7:30-34"},
    "moses_flees_to_midian": {"exodus": "Exodus 2:11-15", "acts": "Acts 7:23-29"},
    "the_golden_calf": {"exodus": "Exodus 32:1-6", "acts": "Acts 7:39-41"},
    "ten_commandments": {"exodus": "Exodus 20:1-17", "deuteronomy": "Deuteronomy 5:4-21"},
    "the_calf_and_the_tablets": {"exodus": "Exodus 32:7-20", "deuteronomy": "Deuteronomy 9:12-21"},
    "judges_appointed": {"exodus": "Exodus 18:13-26", "deuteronomy": "Deuteronomy 1:9-18"},
    "the_second_tablets": {"exodus": "Exodus 34:1-4", "deuteronomy": "Deuteronomy 10:1-5"},
    "the_spies_report": {"numbers": "Numbers 13:25-33", "deuteronomy": "Deuteronomy 1:22-28"},
    "abraham_called": {"genesis": "Genesis 12:1-5", "acts": "Acts 7:2-4"},
    "pharaohs_dreams": {"genesis": "Genesis 41:1-7", "genesis_41_17": "Genesis 41:17-24"},
    "rebekah_at_the_well": {"genesis": "Genesis 24:10-27", "genesis_24_34": "Genesis 24:34-48"},
    "the_brothers_in_egypt": {"genesis": "Genesis 42:6-24", "genesis_42_29": "Genesis 42:29-34"},
    "plot_against_paul": {"acts_23": "Acts 23:12-15", "acts_23_20": "Acts 23:19-21"},
    "paul_before_festus": {"acts_25": "Acts 25:1-12", "acts_25_13": "Acts 25:13-21"},
}
"""Each retelling: a narrative taken as the record (``kind = "readout"``) and one or more later speeches that tell the
same events in other words, quoting the words spoken in them (``kind = "other"``), by file stem: the book as the dump
names it, then chapter:verse ranges."""

PARALLELS: dict[str, dict[str, str]] = {
    # folder: {file stem: "Book C:V-V"}, the record first
    # one text given twice (a song, a psalm, an oracle, a list)
    "returned_exiles_counted": {"ezra": "Ezra 2:1-35", "nehemiah": "Nehemiah 7:6-38"},
    "returned_priests_and_levites": {"ezra": "Ezra 2:36-70", "nehemiah": "Nehemiah 7:39-73"},
    "davids_song_of_deliverance": {"samuel": "II Samuel 22:1-20", "psalms": "Psalms 18:1-19"},
    "the_mountain_of_the_lord": {"isaiah": "Isaiah 2:2-4", "micah": "Micah 4:1-3"},
    "the_fool_says_there_is_no_god": {"psalms": "Psalms 14:1-7", "psalms_53": "Psalms 53:1-6"},
    "hurry_to_help_me": {"psalms": "Psalms 40:13-17", "psalms_70": "Psalms 70:1-5"},
    "maker_of_the_earth": {"jeremiah": "Jeremiah 10:12-16", "jeremiah_51": "Jeremiah 51:15-19"},
    "pride_of_edom": {"jeremiah": "Jeremiah 49:14-16", "obadiah": "Obadiah 1:1-4"},
    "davids_song_of_victory": {"samuel": "II Samuel 22:21-51", "psalms": "Psalms 18:20-50"},
    "my_heart_is_steadfast": {"psalms": "Psalms 57:7-11; 60:5-12", "psalms_108": "Psalms 108:1-13"},
    "give_thanks_to_yahweh": {"psalms": "Psalms 105:1-15", "chronicles": "I Chronicles 16:8-22"},
    "sing_a_new_song": {"psalms": "Psalms 96:1-13", "chronicles": "I Chronicles 16:23-33"},
    # instructions and their execution: what was commanded as the record, what was done as the other
    "the_ark_of_the_covenant": {"exodus": "Exodus 25:10-22", "exodus_37": "Exodus 37:1-9"},
    "the_table_and_the_lampstand": {"exodus": "Exodus 25:23-40", "exodus_37": "Exodus 37:10-24"},
    "the_altar_of_burnt_offering": {"exodus": "Exodus 27:1-8", "exodus_38": "Exodus 38:1-7"},
    "the_ephod": {"exodus": "Exodus 28:6-14", "exodus_39": "Exodus 39:2-7"},
}
"""Each parallel: one text that two books give (or a command and the account of its execution), each passage by file
stem as in ``RETELLINGS``; the first listed (or the command) is the record (``kind = "readout"``)."""

RECORD_KIND = "transcript"
"""A quotation's record's kind: every word of the Old Testament passage is the text being quoted."""
RETELLING_KIND = "readout"
"""A retelling's or a parallel's record's kind: a narrative of the events (the words spoken in them among its own), or
the first of two copies of one text."""
_NUMERALS = {"I": "1", "II": "2"}


def stem(book: str) -> str:
    """Return a book's file stem and source id: "I Peter" -> "1_peter", "Psalms" -> "psalms"."""
    words = book.split(" ")
    return "_".join([_NUMERALS.get(words[0], words[0]), *words[1:]] if len(words) > 1 else words).lower()


def folders() -> dict[str, tuple[str, dict[str, str]]]:
    """Return every folder of the corpus: its record's kind and its passages by file stem, the record first."""
    out: dict[str, tuple[str, dict[str, str]]] = {}
    for name, pair in CITATIONS.items():
        out[name] = (RECORD_KIND, {stem(book): f"{book} {ranges}"
                                   for book, ranges in passages({str(i): ref for i, ref in enumerate(pair)}).values()})
    for name, refs in {**RETELLINGS, **PARALLELS}.items():
        out[name] = (RETELLING_KIND, refs)
    return out


def extract(imp_text: str, out: Path = OUT) -> list[Path]:
    """Write every folder's passages under ``out``; return the files written."""
    return write_folders(folders(), imp_text, out)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--imp", type=Path, default=None, help=f"a mod2imp dump of {MODULE} [default: run mod2imp]")
    parser.add_argument("--out", type=Path, default=OUT, help="corpus folder [default: tests/data/citations]")
    args = parser.parse_args()
    written = extract(read_dump(args.imp), args.out)
    print(f"{len(written)} passages in {len(CITATIONS)} quotations, {len(RETELLINGS)} retellings and "
          f"{len(PARALLELS)} parallels written under {args.out}")


if __name__ == "__main__":
    main()
