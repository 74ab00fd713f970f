"""The change types and document flags, each with the one rule that decides it (the README and the report show these)."""

from __future__ import annotations

__all__ = ["CHANGE_TYPES", "FLAG_TYPES"]

CHANGE_TYPES: dict[str, str] = {
    "number": "A quantity, date, duration or timing differs once both are put on one scale (digits, number words, "
    "fractions, percent, \"$5m\" = \"$5 million\", dates, durations): \"1.5 percent\" and \"one and a half percent\" "
    "agree; \"the same day\" and \"six hours before\" do not.",
    "meaning": "Against a record only: the claim itself changes: one side denies what the other asserts (a negation added or dropped, every other "
    "word the same), or right after shared words a key noun is swapped for one with a different charge "
    "(\"people will forget\" ... \"economy\" became \"war\").",
    "hedge": "Against a record only: certainty or modality shifts: a modal or stance word of one class (certain: will, must, sure; possible: "
    "may, might, think; distancing: claimed, allegedly, so-called, 'scare quotes', not a quoted name or title) is on one "
    "side only.",
    "loaded_language": "Against a record only: the evaluation changes: an evaluative adjective or adverb (VADER |valence| >= 2.5, or NRC "
    "disgust) or a judging reporting verb (\"slammed\") stands where the other side is neutral or judges the other way; "
    "same-weight synonyms and names are wording.",
    "quote": "A press or other secondary source's words in quotation marks differ from every record of the statement "
    "(transcript and readout: matching either is faithful), a content word added or dropped included; only on "
    "near-verbatim matches.",
    "speaker": "The same words are given to a different person (speaker labels of a transcript, or \"X said\" in the text), or put in the wrong order (\"echoing Y\" where the record has Y say it later).",
    "wording": "Any other word change: synonyms, word order, added or dropped words, passages reworded as a whole; the "
    "rules say wording whenever they cannot be sure.",
}
"""Each change type and the one-sentence rule that decides it (the README and the report show these)."""

FLAG_TYPES: dict[str, str] = {
    "unrelated": "The document is related to no other source of the corpus (relatedness below the event threshold), "
    "so it is about something else and gets no links.",
    "no_counterpart": "A long run of consecutive sentences (at least ClassifySettings.run_min_sentences) has no link "
    "to any other source; start/end cover the run.",
    "date_mismatch": "The document's date (manifest or \"date\" header) differs from the event date that at least two "
    "other sources of the same event agree on; start/end cover the date header when there is one.",
}
"""Each document flag type and the rule that decides it."""
