"""Extract passages of the World English Bible that retell, repeat or quote another passage into a fresh label-audit corpus.

Usage:  python -m tools.retold [--imp FILE] [--out DIR]

A fifth audit set, disjoint from the four the rule writers read (``tests/data/synoptic``, ``synoptic2``, ``kings``,
``citations``: no passage shares a verse with them, ``tests/test_retold.py`` checks it). Each entry of the six
tables is a folder ``tests/data/retold/<name>/`` with one plain-text file per passage and a ``sources.toml`` naming
each passage ("Numbers 21:21-32") and its kind; the passage listed first is the record, the others ``kind = "other"``:

- ``RETELLINGS``: a narrative (``kind = "readout"``) and a later speech or account that tells the same events in other
  words, quoting what was said in them: Moses in Deuteronomy retelling Numbers and Exodus, Jephthah retelling the
  messages to Edom and Sihon, a messenger, a servant or a courtier retelling what the narrative told, accusers
  retelling a king's decree, a second account of one event (Luke and Acts on the ascension).
- ``LAWS``: one law given twice or three times (Exodus, Leviticus, Numbers, Deuteronomy): the earlier code
  (``readout``), the later restatement (``other``).
- ``PARALLELS``: one text that two books or two places give (a list of names and numbers, a decree, a letter, an
  oracle, a household code), or a command and the account of its execution; the one listed first is ``readout``
  (the earlier text by the majority view, or the command), the other ``other``.
- ``QUOTATIONS``: a passage that a later one introduces as written or spoken and gives in quotation marks: the quoted
  passage is ``kind = "transcript"`` (every word of it is the text being quoted), the quoting one ``other``.
- ``CHRONICLES``: the parallels of Samuel–Kings and Chronicles that ``tools/kings.py`` leaves out (the temple and
  its furnishings, Solomon's wealth, the reigns of the later kings of Judah), Samuel or Kings ``readout`` as there.
- ``GOSPELS``: the pericopes of the gospels that neither table of ``tools/synoptic.py`` holds (John's testimony, the
  parable of the sower explained, the discourse on the end), Mark ``readout`` as there, and the sayings and parables
  that Matthew and Luke share without Mark, Luke ``readout``.

A passage is written as in ``tools/kings.py`` (the book as the dump names it, then chapter:verse ranges; ``;``
between ranges, set apart as paragraphs and taken in the order given). A file is named after its book
(``citations.stem``: ``numbers.txt``, ``1_kings.txt``), with its first chapter, then verse, added where the folder
has two passages of one book (``genesis_27_1.txt``, ``genesis_27_5.txt``). The source and the extraction are those
of ``tools/synoptic.py`` (SWORD module ``engWEB2015eb``, dumped with ``mod2imp engWEB2015eb > /tmp/web.imp``;
``--imp``, or the tool runs ``mod2imp`` itself). The committed files are what tests read; this tool only
regenerates them.
"""

from __future__ import annotations

from pathlib import Path

from tools.citations import stem
from tools.kings import passages, table_main
from tools.synoptic import _ranges

__all__ = ["CHRONICLES", "GOSPELS", "LAWS", "PARALLELS", "QUOTATIONS", "RETELLINGS", "folders", "kinds", "stems"]

OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "retold"

RETELLINGS: dict[str, tuple[str, ...]] = {
    # folder: (the narrative, then the passages that retell it)
    "the_way_through_edom": ("Numbers 20:14-21", "Deuteronomy 2:1-8", "Judges 11:12-18"),
    "sihon_king_of_the_amorites": ("Numbers 21:21-32", "Deuteronomy 2:26-37", "Judges 11:19-28"),
    "og_king_of_bashan": ("Numbers 21:33-35", "Deuteronomy 3:1-7"),
    "the_oath_in_the_wilderness": ("Numbers 14:20-35", "Deuteronomy 1:34-40"),
    "defeat_at_hormah": ("Numbers 14:39-45", "Deuteronomy 1:41-46"),
    "moses_sees_the_land": ("Numbers 27:12-14", "Deuteronomy 3:23-28", "Deuteronomy 32:48-52"),
    "joshua_commissioned": ("Numbers 27:15-23", "Deuteronomy 31:1-8"),
    "land_east_of_the_jordan": ("Numbers 32:28-42", "Deuteronomy 3:12-20", "Joshua 1:12-18"),
    "death_of_aaron": ("Numbers 20:22-29", "Numbers 33:37-39", "Deuteronomy 10:6-7"),
    "the_people_afraid": ("Exodus 20:18-21", "Deuteronomy 5:22-31"),
    "tablets_of_stone": ("Exodus 24:12-18; 31:18", "Deuteronomy 9:8-11"),
    "moses_born": ("Exodus 1:6-2:10", "Acts 7:17-22"),
    "promise_to_abraham": ("Genesis 15:13-16", "Acts 7:5-8"),
    "isaacs_request": ("Genesis 27:1-4", "Genesis 27:5-10"),
    "jacobs_wages": ("Genesis 30:31-43", "Genesis 31:4-13"),
    "potiphars_wife": ("Genesis 39:7-13", "Genesis 39:14-19"),
    "judahs_plea": ("Genesis 43:1-14", "Genesis 44:18-34"),
    "balaks_message": ("Numbers 22:4-7", "Numbers 22:9-12"),
    "samsons_birth_announced": ("Judges 13:2-5", "Judges 13:6-7", "Judges 13:11-14"),
    "deborah_and_sisera": ("Judges 4:12-22", "Judges 5:19-27"),
    "nabal_refuses_david": ("I Samuel 25:4-11", "I Samuel 25:14-17"),
    "saul_rejected": ("I Samuel 15:24-29", "I Samuel 28:15-19"),
    "uriahs_death_reported": ("II Samuel 11:14-21", "II Samuel 11:22-25"),
    "absaloms_death_reported": ("II Samuel 18:9-17", "II Samuel 18:19-32"),
    "ziba_and_mephibosheth": ("II Samuel 16:1-4", "II Samuel 19:24-30"),
    "adonijahs_feast": ("I Kings 1:5-14", "I Kings 1:15-21", "I Kings 1:22-27"),
    "shimei_breaks_his_oath": ("I Kings 2:36-38", "I Kings 2:39-46"),
    "the_man_of_god_from_judah": ("I Kings 13:7-10", "I Kings 13:15-22"),
    "obadiah_meets_elijah": ("I Kings 18:1-6", "I Kings 18:7-16"),
    "ben_hadads_demands": ("I Kings 20:1-4", "I Kings 20:5-9"),
    "naboths_vineyard": ("I Kings 21:1-4", "I Kings 21:5-7"),
    "ahaziahs_messengers": ("II Kings 1:2-4", "II Kings 1:5-8", "II Kings 1:15-17"),
    "gehazis_lie": ("II Kings 5:15-19", "II Kings 5:20-27"),
    "the_lepers_report": ("II Kings 7:3-8", "II Kings 7:9-11"),
    "hazaels_answer": ("II Kings 8:7-13", "II Kings 8:14-15"),
    "jehu_anointed": ("II Kings 9:1-10", "II Kings 9:11-13"),
    "the_image_of_gold": ("Daniel 3:1-7", "Daniel 3:8-12"),
    "the_tree_in_the_dream": ("Daniel 4:10-17", "Daniel 4:19-26"),
    "the_decree_against_prayer": ("Daniel 6:6-9", "Daniel 6:10-13"),
    "the_plot_against_the_king": ("Esther 2:21-23", "Esther 6:1-3"),
    "hamans_offer": ("Esther 3:8-11", "Esther 4:4-8"),
    "hananiahs_prophecy": ("Jeremiah 28:1-4", "Jeremiah 28:10-11"),
    "the_ascension": ("Luke 24:44-53", "Acts 1:1-11"),
    "death_of_judas": ("Matthew 27:3-10", "Acts 1:16-19"),
}
"""Each retelling: a narrative taken as the record (``kind = "readout"``), then the passages that tell the same events
in other words (``kind = "other"``)."""

LAWS: dict[str, tuple[str, ...]] = {
    # folder: (the earlier code, then its restatements)
    "the_hebrew_servant": ("Exodus 21:2-11", "Deuteronomy 15:12-18"),
    "clean_and_unclean_animals": ("Leviticus 11:2-23", "Deuteronomy 14:3-20"),
    "the_three_feasts": ("Exodus 23:14-19", "Exodus 34:18-26", "Deuteronomy 16:16-17"),
    "the_passover": ("Exodus 12:14-20", "Leviticus 23:4-8", "Deuteronomy 16:1-8"),
    "covenant_and_the_nations": ("Exodus 23:20-33", "Exodus 34:10-17"),
    "cities_of_refuge": ("Numbers 35:9-28", "Deuteronomy 19:1-13", "Joshua 20:1-9"),
    "the_sabbath_kept": ("Exodus 31:12-17", "Exodus 35:1-3"),
    "forbidden_unions": ("Leviticus 18:6-23", "Leviticus 20:10-21"),
    "gleaning": ("Leviticus 19:9-10", "Leviticus 23:22", "Deuteronomy 24:19-22"),
    "lost_animals": ("Exodus 23:4-5", "Deuteronomy 22:1-4"),
    "interest_on_loans": ("Exodus 22:25-27", "Leviticus 25:35-38", "Deuteronomy 23:19-20"),
    "eye_for_an_eye": ("Exodus 21:22-25", "Leviticus 24:17-22", "Deuteronomy 19:16-21"),
    "the_sabbath_year": ("Exodus 23:10-12", "Leviticus 25:1-7"),
    # a law and the later account of its reading, in other words
    "no_ammonite_or_moabite": ("Deuteronomy 23:3-5", "Nehemiah 13:1-3"),
}
"""Each law given more than once: the earlier code as the record (``kind = "readout"``), then its restatements."""

PARALLELS: dict[str, tuple[str, ...]] = {
    # commands for the tabernacle and the account of their execution
    "curtains_of_the_tabernacle": ("Exodus 26:1-14", "Exodus 36:8-19"),
    "boards_of_the_tabernacle": ("Exodus 26:15-37", "Exodus 36:20-38"),
    "the_court": ("Exodus 27:9-19", "Exodus 38:9-20"),
    "the_breastpiece": ("Exodus 28:15-30", "Exodus 39:8-21"),
    "the_robe_and_the_garments": ("Exodus 28:31-43", "Exodus 39:22-31"),
    "the_altar_of_incense": ("Exodus 30:1-10", "Exodus 37:25-29"),
    "altar_on_mount_ebal": ("Deuteronomy 27:1-8", "Joshua 8:30-35"),
    "jericho_encircled": ("Joshua 6:2-5", "Joshua 6:12-21"),
    "jezebels_letters": ("I Kings 21:8-10", "I Kings 21:11-14"),
    # lists of names and numbers that two books give
    "table_of_nations": ("Genesis 10:1-32", "I Chronicles 1:5-23"),
    "shem_to_abraham": ("Genesis 11:10-26", "I Chronicles 1:24-27"),
    "sons_of_ishmael_and_keturah": ("Genesis 25:1-4; 25:13-16", "I Chronicles 1:28-33"),
    "sons_of_esau_and_seir": ("Genesis 36:10-28", "I Chronicles 1:35-42"),
    "kings_of_edom": ("Genesis 36:31-43", "I Chronicles 1:43-54"),
    "the_residents_of_jerusalem": ("Nehemiah 11:3-19", "I Chronicles 9:2-17"),
    "the_family_of_saul": ("I Chronicles 8:29-38", "I Chronicles 9:35-44"),
    "cities_of_the_priests": ("Joshua 21:9-19", "I Chronicles 6:54-60"),
    "cities_of_the_levites": ("Joshua 21:20-40", "I Chronicles 6:61-81"),
    "sons_born_in_hebron": ("II Samuel 3:2-5", "I Chronicles 3:1-4"),
    "sons_born_in_jerusalem": ("II Samuel 5:13-16", "I Chronicles 14:3-7", "I Chronicles 3:5-9"),
    "abishai_and_benaiah": ("II Samuel 23:18-23", "I Chronicles 11:20-25"),
    "the_thirty": ("II Samuel 23:24-39", "I Chronicles 11:26-41"),
    # Joshua and Judges on the conquest
    "achsahs_request": ("Joshua 15:13-19", "Judges 1:10-15"),
    "the_unconquered_cities": ("Joshua 15:63; 17:11-13; 16:10", "Judges 1:21; 1:27-29"),
    "dan_takes_laish": ("Joshua 19:47-48", "Judges 18:27-29"),
    "death_of_joshua": ("Joshua 24:28-31", "Judges 2:6-9"),
    # decrees, letters and reports
    "the_decree_of_cyrus": ("Ezra 1:1-4", "II Chronicles 36:22-23", "Ezra 5:13-15", "Ezra 6:3-5"),
    "tattenais_letter": ("Ezra 5:1-5", "Ezra 5:6-12"),
    "the_kings_decrees": ("Esther 3:12-15", "Esther 8:9-14"),
    "the_letter_to_the_gentiles": ("Acts 15:19-21", "Acts 15:28-29", "Acts 21:25"),
    "gedaliah_governor": ("II Kings 25:22-26", "Jeremiah 40:7-9; 41:1-3"),
    "jehoiachin_released": ("II Kings 25:27-30", "Jeremiah 52:31-34"),
    "the_accuser_in_heaven": ("Job 1:6-12", "Job 2:1-7"),
    # letters and oracles that repeat one text
    "household_rules": ("Colossians 3:18-4:1", "Ephesians 5:22-6:9"),
    "tychicus_sent": ("Colossians 4:7-9", "Ephesians 6:21-22"),
    "false_teachers": ("Jude 1:4-16", "II Peter 2:1-18"),
    "lament_for_moab": ("Isaiah 16:6-11; 15:2-6", "Jeremiah 48:29-38"),
    "a_people_from_the_north": ("Jeremiah 6:22-24", "Jeremiah 50:41-43"),
    "a_lion_from_the_jordan": ("Jeremiah 49:18-21", "Jeremiah 50:40; 50:44-46"),
    "as_yahweh_lives": ("Jeremiah 16:14-15", "Jeremiah 23:7-8"),
    "save_us_god_of_our_salvation": ("Psalms 106:1; 106:47-48", "I Chronicles 16:34-36"),
    "the_storm_of_yahweh": ("Jeremiah 23:19-20", "Jeremiah 30:23-24"),
}
"""Each parallel: one text two books or places give, or a command and its execution; the first listed (the command,
or the earlier text) is the record (``kind = "readout"``)."""

QUOTATIONS: dict[str, tuple[str, ...]] = {
    # folder: (the passage quoted, then the passages that quote it, with their framing sentence)
    "micah_at_jeremiahs_trial": ("Micah 3:12", "Jeremiah 26:17-19"),
    "fathers_and_children": ("Deuteronomy 24:16", "II Kings 14:5-6", "II Chronicles 25:3-4"),
    "no_marriage_with_the_nations": ("Deuteronomy 7:1-3", "Ezra 9:10-12"),
    "scattered_and_gathered": ("Deuteronomy 30:1-4", "Nehemiah 1:8-9"),
    "the_word_is_near_you": ("Deuteronomy 30:11-14", "Romans 10:5-8"),
    "love_god_and_your_neighbor": ("Deuteronomy 6:4-5", "Luke 10:25-28"),
    "love_your_neighbor": ("Leviticus 19:18", "James 2:8"),
    "cursed_is_everyone": ("Deuteronomy 27:26; 21:23", "Galatians 3:10-13"),
    "do_not_muzzle_the_ox": ("Deuteronomy 25:4", "I Corinthians 9:8-10", "I Timothy 5:17-18"),
    "vengeance_is_mine": ("Deuteronomy 32:35-36", "Romans 12:19", "Hebrews 10:30"),
    "two_or_three_witnesses": ("Deuteronomy 19:15", "II Corinthians 13:1"),
    "god_resists_the_proud": ("Proverbs 3:34", "James 4:6", "I Peter 5:5"),
    "righteousness_counted": ("Genesis 15:5-6", "Romans 4:1-3", "Galatians 3:6-7", "James 2:21-23"),
    "father_of_many_nations": ("Genesis 17:4-5", "Romans 4:16-18"),
    "cast_out_the_handmaid": ("Genesis 21:9-12", "Galatians 4:28-31", "Romans 9:6-9", "Hebrews 11:17-19"),
    "god_rested": ("Genesis 2:1-3", "Hebrews 4:3-4"),
    "all_nations_blessed": ("Genesis 22:18", "Acts 3:25-26"),
    "jacob_loved_esau_hated": ("Malachi 1:2-3", "Romans 9:10-13"),
    "i_will_have_mercy": ("Exodus 33:19", "Romans 9:14-16"),
    "raised_up_for_this": ("Exodus 9:16", "Romans 9:17-18"),
    "the_firstborn_is_holy": ("Exodus 13:1-2; 13:12", "Luke 2:22-24"),
    "he_who_gathered_much": ("Exodus 16:16-18", "II Corinthians 8:13-15"),
    "speak_no_evil_of_a_ruler": ("Exodus 22:28", "Acts 23:1-5"),
    "bread_from_heaven": ("Psalms 78:23-25", "John 6:30-31"),
    "zeal_for_your_house": ("Psalms 69:9", "John 2:17", "Romans 15:3"),
    "hated_without_a_cause": ("Psalms 69:4", "John 15:25"),
    "out_of_the_mouth_of_babies": ("Psalms 8:2", "Matthew 21:14-16"),
    "the_earth_is_the_lords": ("Psalms 24:1", "I Corinthians 10:25-26"),
    "be_angry_and_do_not_sin": ("Psalms 4:4", "Ephesians 4:26-27"),
    "he_makes_his_angels_winds": ("Psalms 104:4", "Hebrews 1:7"),
    "all_gentiles_praise": ("Psalms 117:1-2", "Romans 15:11"),
    "you_shall_be_holy": ("Leviticus 11:44-45", "I Peter 1:15-16"),
    "i_will_dwell_among_them": ("Leviticus 26:11-12", "II Corinthians 6:16"),
    "the_name_blasphemed": ("Isaiah 52:5", "Romans 2:23-24"),
    "who_has_known_the_mind_of_the_lord": ("Isaiah 40:13-14", "Romans 11:33-36", "I Corinthians 2:16"),
    "let_him_boast_in_the_lord": ("Jeremiah 9:23-24", "I Corinthians 1:30-31", "II Corinthians 10:17-18"),
    "taught_by_god": ("Isaiah 54:13", "John 6:44-45"),
    "no_deceit_in_his_mouth": ("Isaiah 53:9", "I Peter 2:21-22"),
    "the_children_god_gave_me": ("Isaiah 8:17-18", "Hebrews 2:13"),
    "shake_the_heavens": ("Haggai 2:6", "Hebrews 12:26-27"),
    "the_righteous_scarcely_saved": ("Proverbs 11:31", "I Peter 4:18"),
    "they_will_look_on_him_whom_they_pierced": ("Zechariah 12:10", "John 19:36-37"),
}
"""Each quotation: the passage quoted, the record (``kind = "transcript"``), then the passages that quote it."""

CHRONICLES: dict[str, tuple[str, ...]] = {
    # folder: (Samuel or Kings, then Chronicles): the parallels that tests/data/kings does not hold
    "hirams_cedar": ("II Samuel 5:11-12", "I Chronicles 14:1-2"),
    "death_of_david": ("I Kings 2:10-12", "I Chronicles 29:26-28"),
    "solomons_stalls": ("I Kings 4:20-28", "II Chronicles 9:25-28"),
    "the_temple_built": ("I Kings 6:1-3; 6:15-28", "II Chronicles 3:1-13"),
    "the_pillars_and_the_sea": ("I Kings 7:15-26", "II Chronicles 3:15-4:5"),
    "the_temple_furnishings": ("I Kings 7:38-51", "II Chronicles 4:6-5:1"),
    "end_of_the_dedication": ("I Kings 8:54-66", "II Chronicles 7:1-10"),
    "solomons_cities_and_ships": ("I Kings 9:10-28", "II Chronicles 8:1-18"),
    "solomons_gold": ("I Kings 10:14-25", "II Chronicles 9:13-24"),
    "death_of_solomon": ("I Kings 11:41-43", "II Chronicles 9:29-31"),
    "abijah": ("I Kings 15:1-8", "II Chronicles 13:1-2; 13:22-14:1"),
    "asa": ("I Kings 15:9-24", "II Chronicles 14:2-3; 15:16-16:6; 16:11-14"),
    "jehoshaphat": ("I Kings 22:41-50", "II Chronicles 20:31-21:1"),
    "jehoram_of_judah": ("II Kings 8:16-24", "II Chronicles 21:5-10; 21:20"),
    "ahaziah_of_judah": ("II Kings 8:25-29", "II Chronicles 22:1-6"),
    "death_of_joash": ("II Kings 12:17-21", "II Chronicles 24:23-27"),
    "amaziah": ("II Kings 14:1-4; 14:7", "II Chronicles 25:1-2; 25:11-12"),
    "death_of_amaziah": ("II Kings 14:17-22", "II Chronicles 25:25-26:2"),
    "uzziah": ("II Kings 15:1-7", "II Chronicles 26:3-4; 26:21-23"),
    "jotham": ("II Kings 15:32-38", "II Chronicles 27:1-9"),
    "ahaz": ("II Kings 16:1-4; 16:19-20", "II Chronicles 28:1-4; 28:26-27"),
    "hezekiah_begins_to_reign": ("II Kings 18:1-3", "II Chronicles 29:1-2"),
    "death_of_hezekiah": ("II Kings 20:20-21", "II Chronicles 32:32-33"),
    "amon": ("II Kings 21:19-26", "II Chronicles 33:21-25"),
    "josiahs_passover": ("II Kings 23:21-23", "II Chronicles 35:1; 35:18-19"),
    "death_of_josiah": ("II Kings 23:28-30", "II Chronicles 35:20-27"),
    "jehoahaz": ("II Kings 23:31-35", "II Chronicles 36:1-4"),
    "jehoiakim": ("II Kings 23:36-24:7", "II Chronicles 36:5-8"),
    "jehoiachin": ("II Kings 24:8-17", "II Chronicles 36:9-10"),
}
"""Each parallel of Samuel–Kings and Chronicles that ``tools/kings.py`` leaves out: Samuel or Kings as the record
(``kind = "readout"``, as in ``tests/data/kings``), Chronicles ``other``."""

GOSPELS: dict[str, tuple[str, ...]] = {
    # folder: (Mark, then Matthew, Luke or John): pericopes that neither synoptic table holds
    "the_one_who_comes_after_me": ("Mark 1:7-8", "Matthew 3:11-12", "Luke 3:15-18", "John 1:24-27"),
    "preaching_in_galilee": ("Mark 1:14-15", "Matthew 4:12; 4:17", "Luke 4:14-15"),
    "leaving_capernaum": ("Mark 1:35-39", "Luke 4:42-44"),
    "crowds_by_the_sea": ("Mark 3:7-12", "Luke 6:17-19"),
    "the_sower_explained": ("Mark 4:10-20", "Matthew 13:10-13; 13:18-23", "Luke 8:9-15"),
    "healings_at_gennesaret": ("Mark 6:53-56", "Matthew 14:34-36"),
    "what_defiles": ("Mark 7:14-23", "Matthew 15:10-20"),
    "causes_of_stumbling": ("Mark 9:42-50", "Matthew 18:6-9", "Luke 17:1-2"),
    "reward_of_discipleship": ("Mark 10:23-31", "Matthew 19:23-30", "Luke 18:24-30"),
    "plot_after_the_temple": ("Mark 11:18-19", "Luke 19:47-48"),
    "the_withered_fig_tree": ("Mark 11:20-25", "Matthew 21:20-22"),
    "beware_of_the_scribes": ("Mark 12:38-40", "Luke 20:45-47"),
    "signs_before_the_end": ("Mark 13:3-13", "Matthew 24:3-14", "Luke 21:7-19"),
    "the_great_tribulation": ("Mark 13:14-23", "Matthew 24:15-25", "Luke 21:20-24"),
    "coming_of_the_son_of_man": ("Mark 13:24-27", "Matthew 24:29-31", "Luke 21:25-28"),
    "lesson_of_the_fig_tree": ("Mark 13:28-32", "Matthew 24:32-36", "Luke 21:29-33"),
    "delivered_to_pilate": ("Mark 15:1", "Matthew 27:1-2", "Luke 23:1"),
    "blasphemy_against_the_spirit": ("Mark 3:28-30", "Matthew 12:31-32", "Luke 12:10"),
    # sayings and parables that Matthew and Luke have and Mark has not (the double tradition): Luke first
    "brood_of_vipers": ("Luke 3:7-9", "Matthew 3:7-10"),
    "the_beatitudes": ("Luke 6:20-23", "Matthew 5:3-12"),
    "love_your_enemies": ("Luke 6:27-36", "Matthew 5:38-48"),
    "judging_others": ("Luke 6:37-42", "Matthew 7:1-5"),
    "a_tree_and_its_fruit": ("Luke 6:43-45", "Matthew 7:16-20"),
    "the_two_builders": ("Luke 6:46-49", "Matthew 7:21-27"),
    "messengers_from_john": ("Luke 7:18-23", "Matthew 11:2-6"),
    "jesus_speaks_of_john": ("Luke 7:24-35", "Matthew 11:7-19"),
    "would_be_followers": ("Luke 9:57-62", "Matthew 8:19-22"),
    "the_harvest_and_the_laborers": ("Luke 10:2-12", "Matthew 9:37-38; 10:7-16"),
    "woes_on_the_cities": ("Luke 10:13-15", "Matthew 11:20-24"),
    "revealed_to_little_children": ("Luke 10:21-24", "Matthew 11:25-27; 13:16-17"),
    "the_lords_prayer": ("Luke 11:1-4", "Matthew 6:9-13"),
    "ask_seek_knock": ("Luke 11:9-13", "Matthew 7:7-11"),
    "return_of_the_unclean_spirit": ("Luke 11:24-26", "Matthew 12:43-45"),
    "the_sign_of_jonah": ("Luke 11:29-32", "Matthew 12:38-42"),
    "the_lamp_of_the_body": ("Luke 11:33-36", "Matthew 5:15; 6:22-23"),
    "woes_on_the_pharisees": ("Luke 11:42-52", "Matthew 23:23-36"),
    "whom_to_fear": ("Luke 12:2-9", "Matthew 10:26-33"),
    "do_not_be_anxious": ("Luke 12:22-31", "Matthew 6:25-33"),
    "treasure_in_heaven": ("Luke 12:33-34", "Matthew 6:19-21"),
    "the_faithful_servant": ("Luke 12:39-46", "Matthew 24:43-51"),
    "division_in_households": ("Luke 12:51-53", "Matthew 10:34-36"),
    "settle_with_your_accuser": ("Luke 12:57-59", "Matthew 5:25-26"),
    "the_leaven": ("Luke 13:20-21", "Matthew 13:33"),
    "lament_over_jerusalem": ("Luke 13:34-35", "Matthew 23:37-39"),
    "the_great_supper": ("Luke 14:15-24", "Matthew 22:1-14"),
    "hating_father_and_mother": ("Luke 14:26-27", "Matthew 10:37-38"),
    "salt_that_has_lost_its_flavor": ("Luke 14:34-35", "Matthew 5:13"),
    "the_lost_sheep": ("Luke 15:3-7", "Matthew 18:12-14"),
    "two_masters": ("Luke 16:13", "Matthew 6:24"),
    "the_law_and_divorce": ("Luke 16:17-18", "Matthew 5:18; 5:31-32"),
    "forgive_your_brother": ("Luke 17:3-4", "Matthew 18:15; 18:21-22"),
    "days_of_the_son_of_man": ("Luke 17:22-37", "Matthew 24:26-28; 24:37-41"),
    "the_talents": ("Luke 19:11-27", "Matthew 25:14-30"),
}
"""Pericopes of the gospels that ``tools/synoptic.py``'s two tables leave out: Mark as the record (``kind =
"readout"``, by Markan priority, as in ``tests/data/synoptic``), the others ``other``; where Mark has no account
(the double tradition), Luke is the record (by the two-source hypothesis both rewrote a lost source, whose order and
more often its wording Luke is held to keep: Q is cited by Luke's chapter and verse)."""

TRANSCRIPT = "transcript"
READOUT = "readout"


def kinds() -> dict[str, str]:
    """The record's kind of every folder: ``transcript`` for a quotation, ``readout`` for the others."""
    return {**{n: READOUT for n in (*RETELLINGS, *LAWS, *PARALLELS, *CHRONICLES, *GOSPELS)},
            **{n: TRANSCRIPT for n in QUOTATIONS}}


def stems(refs: tuple[str, ...]) -> dict[str, str]:
    """Name each passage of a folder by its file stem, in the order given: the book's stem, with the first chapter
    (then chapter and verse) added where the folder has another passage of that book."""
    split = passages({str(i): ref for i, ref in enumerate(refs)})
    books = [stem(book) for book, _ in split.values()]
    out = {}
    for (book, ranges), ref in zip(split.values(), refs, strict=True):
        name = stem(book)
        if books.count(name) > 1:
            chapter, verse, _, _ = _ranges(ranges)[0]
            same_chapter = [r for b, r in split.values() if stem(b) == name and _ranges(r)[0][0] == chapter]
            name = f"{name}_{chapter}" + (f"_{verse}" if len(same_chapter) > 1 else "")
        out[name] = ref
    return out


def folders() -> dict[str, tuple[str, dict[str, str]]]:
    """Return every folder of the corpus: its record's kind and its passages by file stem, the record first."""
    record_kind = kinds()
    return {name: (record_kind[name], stems(refs))
            for name, refs in {**RETELLINGS, **LAWS, **PARALLELS, **QUOTATIONS, **CHRONICLES, **GOSPELS}.items()}


def main() -> None:
    table_main(__doc__, folders(), OUT)


if __name__ == "__main__":
    main()
