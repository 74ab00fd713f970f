"""Extract parallel passages of the World English Bible (an oracle, a vision, a reign, a list, a charge or an event
given twice) into a fresh label-audit corpus.

Usage:  python -m tools.further [--imp FILE] [--out DIR]

An eighth audit set, disjoint from the seven before it (``tests/data/synoptic``, ``synoptic2``, ``kings``,
``citations``, ``retold``, ``esdras``, ``doublets``: no passage shares a verse with them, nor with another passage of
this corpus; ``tests/test_further.py`` checks both). It was chosen by what the passages are, blind to the labels the
pipeline gives, for a judge who labels it after the rules are frozen. Each entry of the three tables is a folder
``tests/data/further/<name>/`` with one plain-text file per passage and a ``sources.toml`` naming each passage
("Ezekiel 18:23; 18:31-32") and its kind; the passage listed first is the record (``kind = "readout"``), the others
``kind = "other"``:

- ``PROPHETS``: what Ezekiel says twice (the righteous and the wicked of Ezekiel 18 and 33, the righteous man's deeds twice in Ezekiel 18; the living creatures of
  Ezekiel 1 and the cherubim of Ezekiel 10) and what Jeremiah is told twice (the temple sermon of Jeremiah 7 and 26,
  the scroll of Jeremiah 36 and the one written again); the first in the book is the record.
- ``HISTORIES``: an event, a list or a command told twice: Josiah's reform in Kings and Chronicles (Kings the
  record, as in ``tools/kings.py``), the line from Perez to David, the sons of Levi, the makers of the tabernacle, and
  a word and its fulfilment or its retelling (Moses and the seventy elders, Samuel and Saul, Elisha and Naaman, the
  spies and Rahab, Nebuchadnezzar's threat and his dream), and a word of God or of Pharaoh quoted back or passed on
  (the tree of knowledge, Sarah's laugh, Jacob's blessing at Bethel, the three days' journey, the straw, the land
  promised to Moses and to Joshua, the charge to Joshua, Saul among the prophets), a word said again and again
  ("Let my people go", "I will not leave you") and a law given three times (when your son asks); the first telling is
  the record.
- ``LETTERS``: the overseer of 1 Timothy and Titus (1 Timothy the record), and Paul's arrest in the temple as Acts
  narrates it and as Lysias' letter, Tertullus and Paul retell it (the narrative the record), and Paul's account of
  his upbringing in two speeches and a letter (the first speech the record).

A passage is written as in ``tools/kings.py`` (the book as the dump names it, then chapter:verse ranges; ``;``
between ranges, set apart as paragraphs and taken in the order given) and its file named as in ``tools/retold.py``
(``retold.stems``: ``ruth.txt``, ``1_chronicles.txt``; ``ezekiel_18.txt`` and ``ezekiel_33.txt`` where a folder has
two passages of one book; ``acts_24_5.txt`` where they start in one chapter). The source and the extraction are those
of ``tools/synoptic.py`` (SWORD module ``engWEB2015eb``, dumped with ``mod2imp engWEB2015eb > /tmp/web.imp``;
``--imp``, or the tool runs ``mod2imp`` itself). The committed files are what tests read; this tool only regenerates
them.
"""

from __future__ import annotations

from pathlib import Path

from tools.kings import table_main
from tools.retold import stems

__all__ = ["HISTORIES", "LETTERS", "PROPHETS", "folders", "stems", "tables"]

OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "further"

PROPHETS: dict[str, tuple[str, ...]] = {
    # the righteous and the wicked: Ezekiel 18, then 33 (Ezekiel 18:1-4 and 33:7-9 are in tests/data/doublets)
    "the_righteous_man_and_his_son": ("Ezekiel 18:5-9", "Ezekiel 18:14-17"),
    "why_will_you_die": ("Ezekiel 18:23; 18:31-32", "Ezekiel 33:10-11"),
    "the_wicked_turns_from_his_sins": ("Ezekiel 18:21-22; 18:27-28", "Ezekiel 33:14-16; 33:19"),
    "the_righteous_turns_away": ("Ezekiel 18:24; 18:26", "Ezekiel 33:12-13; 33:18"),
    "the_way_of_the_lord_is_not_equal": ("Ezekiel 18:25; 18:29-30", "Ezekiel 33:17; 33:20"),
    # the living creatures of Ezekiel 1, then the cherubim of Ezekiel 10
    "the_wheels": ("Ezekiel 1:15-21", "Ezekiel 10:9-13; 10:16-17"),
    "the_four_faces": ("Ezekiel 1:10-12", "Ezekiel 10:14; 10:20-22"),
    "the_sound_of_their_wings": ("Ezekiel 1:22; 1:24; 1:26", "Ezekiel 10:1; 10:5"),
    # Jeremiah: the temple sermon, then its retelling (Jeremiah 26:17-19 is in tests/data/retold); the scroll
    "like_shiloh": ("Jeremiah 7:12-14", "Jeremiah 26:4-6"),
    "write_on_another_scroll": ("Jeremiah 36:2-3", "Jeremiah 36:28-29; 36:32"),
}
"""An oracle or a vision given twice: the first in the book as the record (``kind = "readout"``)."""

HISTORIES: dict[str, tuple[str, ...]] = {
    # Kings, then Chronicles (the rest of 2 Kings 22-23 is in tests/data/kings)
    "josiahs_reform": ("II Kings 23:4-20", "II Chronicles 34:3-7"),
    # a list given twice
    "from_perez_to_david": ("Ruth 4:18-22", "I Chronicles 2:5; 2:9-15"),
    "the_sons_of_levi": ("Exodus 6:16-19", "Numbers 3:17-20"),
    "bezalel_and_oholiab": ("Exodus 31:1-6", "Exodus 35:30-35"),
    # a word and its fulfilment or its retelling
    "the_seventy_elders": ("Numbers 11:16-17", "Numbers 11:24-25"),
    "prince_over_my_people": ("I Samuel 9:15-16", "I Samuel 10:1"),
    "wash_and_be_clean": ("II Kings 5:10", "II Kings 5:13-14"),
    "the_scarlet_cord": ("Joshua 2:12-14; 2:18-19", "Joshua 6:22-23; 6:25"),
    "tell_me_the_dream": ("Daniel 2:5-6", "Daniel 2:9"),
    "the_stone_cut_without_hands": ("Daniel 2:31-35", "Daniel 2:44-45"),
    # a word of God quoted back or passed on (in quotation marks on the other side)
    "the_tree_of_knowledge": ("Genesis 2:16-17", "Genesis 3:2-3"),
    "why_did_sarah_laugh": ("Genesis 18:12", "Genesis 18:13-14"),
    "a_company_of_nations": ("Genesis 35:11-12", "Genesis 48:3-4"),
    "a_three_days_journey": ("Exodus 3:18", "Exodus 5:3"),
    "no_more_straw": ("Exodus 5:6-9", "Exodus 5:10-11"),
    "every_place_your_foot_treads": ("Deuteronomy 11:24-25", "Joshua 1:3-5"),
    "be_strong_and_courageous": ("Deuteronomy 31:23", "Joshua 1:6-7"),
    "is_saul_also_among_the_prophets": ("I Samuel 10:5-6", "I Samuel 10:10-11"),
    # a word said again and again, or a law given three times
    "let_my_people_go": ("Exodus 8:1", "Exodus 9:1", "Exodus 9:13", "Exodus 10:3"),
    "i_will_not_leave_you": ("II Kings 2:2", "II Kings 2:4", "II Kings 2:6"),
    "when_your_son_asks": ("Exodus 12:26-27", "Exodus 13:14-15", "Deuteronomy 6:20-21"),
}
"""An event, a list or a word told twice: the first telling as the record."""

LETTERS: dict[str, tuple[str, ...]] = {
    "the_overseer_must_be_blameless": ("I Timothy 3:2-7", "Titus 1:6-9"),
    # the narrative, then Lysias' letter; the narrative, then Tertullus and Paul's defence
    "lysias_rescues_paul": ("Acts 21:31-33; 22:30", "Acts 23:26-28"),
    "seized_in_the_temple": ("Acts 21:27-29", "Acts 24:5-6", "Acts 24:17-19"),
    # Paul's account of his upbringing, twice in Acts and once in his letter
    "a_pharisee_zealous_for_god": ("Acts 22:3", "Acts 26:4-5", "Philippians 3:5-6"),
}
"""A charge two letters give, and an arrest Acts narrates and then has retold: the earlier as the record."""

READOUT = "readout"


def tables() -> dict[str, dict[str, tuple[str, ...]]]:
    """Every table of the corpus by name."""
    return {"PROPHETS": PROPHETS, "HISTORIES": HISTORIES, "LETTERS": LETTERS}


def folders() -> dict[str, tuple[str, dict[str, str]]]:
    """Return every folder of the corpus: its record's kind (``readout``) and its passages by file stem, the record
    first."""
    return {name: (READOUT, stems(refs)) for table in tables().values() for name, refs in table.items()}


def main() -> None:
    table_main(__doc__, folders(), OUT)


if __name__ == "__main__":
    main()
