"""Extract parallel passages of the World English Bible (one prayer, letter, oracle, proverb or report given twice)
into a fresh label-audit corpus.

Usage:  python -m tools.doublets [--imp FILE] [--out DIR]

A seventh audit set, disjoint from the six before it (``tests/data/synoptic``, ``synoptic2``, ``kings``,
``citations``, ``retold``, ``esdras``: no passage shares a verse with them, nor with another passage of this corpus;
``tests/test_doublets.py`` checks both). It was chosen by what the passages are, blind to the labels the pipeline
gives, for a judge who labels it after the rules are frozen. Each entry of the six tables is a folder
``tests/data/doublets/<name>/`` with one plain-text file per passage and a ``sources.toml`` naming each passage
("Daniel 9:4-10") and its kind; the passage listed first is the record (``kind = "readout"``, or ``"transcript"``
for the one text quoted as spoken, ``QUOTED``), the others ``kind = "other"``:

- ``CONFESSION``: the prayer of confession that Daniel 9:4-19 and Baruch 1:15-2:19 both give, one matching stretch a
  folder; Daniel is the record (Baruch's prayer is held to draw on Daniel's, the majority view), Baruch ``other``.
- ``LETTERS``: Jude against 2 Peter (the mockers of the last days; Jude the record, 2 Peter held to reuse it) and
  Colossians against Ephesians (the same sentences in the two letters; Colossians the record, Ephesians held to
  reuse it, as ``tests/data/retold``'s household code takes it).
- ``ACTS``: what Acts narrates and then retells in a speech, or what Paul tells himself: the men from Caesarea, the
  Spirit on the Gentiles, Saul the persecutor, the escape from Damascus, Saul in Jerusalem; the narrative is the
  record.
- ``PROPHETS``: an oracle that one prophet gives twice, or two prophets give (Jeremiah's doublets, Isaiah,
  Ezekiel, Joel and Amos, Joel and Zephaniah, Joel and Jonah); the earlier text (by the order of the book, or the
  earlier prophet by the majority view) is the record.
- ``PROVERBS``: the sayings that Proverbs gives twice, a few to a folder by theme, the first occurrence in the
  record; one saying that a psalm and Proverbs share.
- ``NARRATIVES``: a law given twice, a command and its fulfilment, an event told twice (Kings, Daniel, Esther), a
  blessing and a psalm given twice; and ``QUOTED``: the name of Yahweh that Exodus 34 proclaims and Moses quotes
  back in Numbers 14 (``kind = "transcript"``, as ``tools/retold.py``'s quotations).

A passage is written as in ``tools/kings.py`` (the book as the dump names it, then chapter:verse ranges; ``;``
between ranges, set apart as paragraphs and taken in the order given) and its file named as in ``tools/retold.py``
(``retold.stems``: ``daniel.txt``, ``baruch.txt``; ``proverbs_6.txt`` and ``proverbs_24.txt`` where a folder has two
passages of one book; ``proverbs_19_5.txt`` where they start in one chapter). The source and the extraction are
those of ``tools/synoptic.py`` (SWORD module ``engWEB2015eb``, dumped with ``mod2imp engWEB2015eb > /tmp/web.imp``;
``--imp``, or the tool runs ``mod2imp`` itself). The committed files are what tests read; this tool only regenerates
them.
"""

from __future__ import annotations

from pathlib import Path

from tools.kings import table_main
from tools.retold import stems

__all__ = ["ACTS", "CONFESSION", "LETTERS", "NARRATIVES", "PROPHETS", "PROVERBS", "QUOTED", "folders",
           "kinds", "stems", "tables"]

OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "doublets"

CONFESSION: dict[str, tuple[str, ...]] = {
    # folder: (Daniel, then Baruch), one matching stretch of the prayer a folder
    "confusion_of_face": ("Daniel 9:4-10", "Baruch 1:15-19"),
    "the_curse_of_moses": ("Daniel 9:11-14", "Baruch 1:20-2:10"),
    "with_a_mighty_hand": ("Daniel 9:15-16", "Baruch 2:11-13"),
    "incline_your_ear_and_hear": ("Daniel 9:17-19", "Baruch 2:14-19"),
}
"""The prayer of confession: Daniel as the record (``kind = "readout"``), then Baruch."""

LETTERS: dict[str, tuple[str, ...]] = {
    # Jude, then 2 Peter (Jude 4-16 / 2 Peter 2:1-18 are in tests/data/retold)
    "mockers_in_the_last_time": ("Jude 1:17-18", "II Peter 3:1-4"),
    # Colossians, then Ephesians (the household code and Tychicus are in tests/data/retold)
    "we_heard_of_your_faith": ("Colossians 1:3-4; 1:9; 1:16; 1:18-19", "Ephesians 1:15-23"),
    "reconciled_through_the_cross": ("Colossians 1:20-22", "Ephesians 2:13-16"),
    "the_mystery_among_the_gentiles": ("Colossians 1:24-27", "Ephesians 3:1-9"),
    "the_head_and_the_body": ("Colossians 2:19", "Ephesians 4:15-16"),
    "immorality_and_covetousness": ("Colossians 3:5-7", "Ephesians 5:3-6"),
    "the_old_man_and_the_new": ("Colossians 3:8-10", "Ephesians 4:22-25; 4:31"),
    "bearing_with_one_another": ("Colossians 3:12-13", "Ephesians 4:1-3; 4:32"),
    "psalms_hymns_and_spiritual_songs": ("Colossians 3:16-17", "Ephesians 5:18-21"),
    "continue_in_prayer": ("Colossians 4:2-5", "Ephesians 5:15-16; 6:18-20"),
}
"""One text two letters give: the earlier letter by the majority view (Jude, Colossians) as the record."""

ACTS: dict[str, tuple[str, ...]] = {
    # folder: (the narrative, then the retellings); Acts 10:1-16, 11:4-10, 9:1-19, 22:6-16 and 26:12-18 are in
    # tests/data/citations
    "the_men_from_caesarea": ("Acts 10:17-23", "Acts 11:11-14"),
    "the_spirit_on_the_gentiles": ("Acts 10:44-48", "Acts 11:15-17", "Acts 15:7-9"),
    "saul_persecutes_the_assembly": ("Acts 8:1-3", "Acts 22:4-5", "Acts 26:9-11"),
    "let_down_in_a_basket": ("Acts 9:23-25", "II Corinthians 11:32-33"),
    "saul_in_jerusalem": ("Acts 9:26-30", "Acts 22:17-21", "Galatians 1:18-24"),
}
"""Each event Acts narrates and then has retold: the narrative as the record, then the speeches or the letter."""

PROPHETS: dict[str, tuple[str, ...]] = {
    # Jeremiah's doublets, the first in the book as the record (10:12-16, 16:14-15, 23:19-20, 49:18-21 are used)
    "yahweh_tests_the_heart": ("Jeremiah 11:20", "Jeremiah 20:12"),
    "treasures_for_a_plunder": ("Jeremiah 15:13-14", "Jeremiah 17:3-4"),
    "the_valley_of_slaughter": ("Jeremiah 7:31-32", "Jeremiah 19:5-6"),
    "shouldnt_i_punish_them": ("Jeremiah 5:9", "Jeremiah 5:29", "Jeremiah 9:9"),
    "a_righteous_branch": ("Jeremiah 23:5-6", "Jeremiah 33:14-16"),
    "an_eagle_spreads_his_wings": ("Jeremiah 48:40-41", "Jeremiah 49:22"),
    # one saying two prophets give
    "sour_grapes": ("Jeremiah 31:29-30", "Ezekiel 18:1-4"),
    "terror_pit_and_snare": ("Isaiah 24:17-18", "Jeremiah 48:43-44"),
    "the_wolf_and_the_lamb": ("Isaiah 11:6-9", "Isaiah 65:25", "Habakkuk 2:14"),
    "the_ransomed_return": ("Isaiah 35:10", "Isaiah 51:11"),
    "the_watchman": ("Ezekiel 3:17-19", "Ezekiel 33:7-9"),
    "a_new_heart": ("Ezekiel 11:19-20", "Ezekiel 36:26-28"),
    "yahweh_roars_from_zion": ("Amos 1:2; 9:13", "Joel 3:16; 3:18"),
    "a_day_of_darkness": ("Zephaniah 1:14-16", "Joel 2:1-2"),
    "who_knows_he_may_relent": ("Joel 2:12-14", "Jonah 3:9; 4:2"),
}
"""Each oracle given twice: the first in the book, or the earlier prophet, as the record."""

PROVERBS: dict[str, tuple[str, ...]] = {
    # folder: (the first occurrences, then their repetitions in the same order)
    "the_sluggard": ("Proverbs 6:10-11; 19:24; 22:13", "Proverbs 24:33-34; 26:15; 26:13"),
    "a_contentious_wife": ("Proverbs 19:13; 21:9", "Proverbs 27:15; 25:24"),
    "a_way_that_seems_right": ("Proverbs 14:12; 16:2", "Proverbs 16:25; 21:2"),
    "words_of_a_gossip": ("Proverbs 18:8; 11:13", "Proverbs 26:22; 20:19"),
    "the_prudent_and_the_surety": ("Proverbs 22:3; 20:16", "Proverbs 27:12-13"),
    "the_poor_who_walks_in_integrity": ("Proverbs 19:1; 12:11", "Proverbs 28:6; 28:19"),
    "a_wise_son_and_an_angry_man": ("Proverbs 10:1; 15:18", "Proverbs 15:20; 29:22"),
    "delivers_from_death": ("Proverbs 10:2; 13:14", "Proverbs 11:4; 14:27"),
    "a_false_witness_and_the_kings_wrath": ("Proverbs 19:5; 19:12", "Proverbs 19:9; 20:2"),
    "the_ancient_boundary_stone": ("Proverbs 22:28; 11:14", "Proverbs 23:10-11; 24:6"),
    "silver_and_gold_refined": ("Proverbs 17:3; 28:12", "Proverbs 27:21; 28:28"),
    "the_strange_woman": ("Proverbs 2:16; 3:15; 9:4", "Proverbs 7:5; 8:11; 9:16"),
    "dont_fret_because_of_evildoers": ("Psalms 37:1-2", "Proverbs 24:19-20"),
}
"""The sayings Proverbs gives twice: the first occurrences as the record, the repetitions ``other``."""

NARRATIVES: dict[str, tuple[str, ...]] = {
    # a law given twice (Deuteronomy 6:4-5 is in tests/data/retold)
    "these_words_on_your_heart": ("Deuteronomy 6:6-9", "Deuteronomy 11:18-21"),
    "just_weights_and_measures": ("Leviticus 19:35-36", "Deuteronomy 25:13-16"),
    "the_continual_burnt_offering": ("Exodus 29:38-42", "Numbers 28:3-8"),
    # a word and its fulfilment
    "the_curse_on_jericho": ("Joshua 6:26", "I Kings 16:34"),
    "the_dogs_and_jezebel": ("I Kings 21:19; 21:23", "II Kings 9:25-26; 9:36-37"),
    # an event told twice
    "samaria_taken": ("II Kings 17:3-6", "II Kings 18:9-12"),
    "vashti_refuses": ("Esther 1:10-12", "Esther 1:15-17"),
    "driven_from_men": ("Daniel 4:31-33", "Daniel 5:20-21"),
    "the_fourth_animal": ("Daniel 7:7-8", "Daniel 7:19-20"),
    # a blessing and a psalm given twice
    "who_will_rouse_him_up": ("Genesis 49:9; 27:29", "Numbers 24:9"),
    "sihon_and_og": ("Psalms 135:8-12", "Psalms 136:10-26"),
}
"""A law, a word, an event or a psalm given twice: the earlier (the law, the word, the narrative) as the record."""

QUOTED: dict[str, tuple[str, ...]] = {
    # folder: (the text quoted, then the passage that quotes it with its framing sentence)
    "slow_to_anger_as_you_have_spoken": ("Exodus 34:6-7", "Numbers 14:17-19"),
}
"""The name of Yahweh proclaimed at Sinai, quoted back in quotation marks: the quoted text is the record
(``kind = "transcript"``), the quoting passage ``other``."""

READOUT = "readout"
TRANSCRIPT = "transcript"


def tables() -> dict[str, dict[str, tuple[str, ...]]]:
    """Every table of the corpus by name."""
    return {"CONFESSION": CONFESSION, "LETTERS": LETTERS, "ACTS": ACTS, "PROPHETS": PROPHETS, "PROVERBS": PROVERBS,
            "NARRATIVES": NARRATIVES, "QUOTED": QUOTED}


def kinds() -> dict[str, str]:
    """The record's kind of every folder: ``transcript`` for the quoted text, ``readout`` for the others."""
    return {name: TRANSCRIPT if table is QUOTED else READOUT for table in tables().values() for name in table}


def folders() -> dict[str, tuple[str, dict[str, str]]]:
    """Return every folder of the corpus: its record's kind and its passages by file stem, the record first."""
    record_kind = kinds()
    return {name: (record_kind[name], stems(refs)) for table in tables().values() for name, refs in table.items()}


def main() -> None:
    table_main(__doc__, folders(), OUT)


if __name__ == "__main__":
    main()
