"""A source's naming convention inside a quotation (compare.classify.conventions): pure, on hand-made links."""

from __future__ import annotations

from compare.classify.conventions import apply_conventions, name_conventions
from compare.diff import diff_words
from compare.records import Change, Link

RECORD = ["Serve Yahweh your God and his people Israel.", "Yahweh is gracious.", "Give thanks to Yahweh.",
          "The war will end soon."]
RETOLD = ["Serve the Lord your God and his people Israel.", "The Lord is gracious.", "Give thanks to the Lord.",
          "The special military operation will end soon."]


def _links(pairs) -> list[Link]:
    return [Link((k,), (k,), 0.9, edits=diff_words(a, b)) for k, (a, b) in enumerate(pairs)]


def test_a_name_swapped_throughout_the_pair_is_its_convention():
    conventions = name_conventions(_links(zip(RECORD, RETOLD)), 3)
    assert conventions == {("yahweh", "lord"): 3}
    # in fewer links it is no convention
    assert name_conventions(_links(list(zip(RECORD, RETOLD))[:2]), 3) == {}


def test_inside_a_quotation_the_convention_is_wording_and_other_changes_stay():
    conventions = {("yahweh", "lord"): 3}
    swap = Change("quote", "therefore serve Yahweh", "serve the Lord", "Inside quotation marks ...")
    more = Change("quote", "serve Yahweh", "worship the Lord", "Inside quotation marks ...")  # a verb changes too
    other = Change("quote", "war", "special military operation", "Inside quotation marks ...")  # no name: framing
    loaded = Change("loaded_language", "Yahweh", "the Lord", "...")
    out = apply_conventions((swap, more, other, loaded), conventions, "record", "retold")
    assert [c.type for c in out] == ["wording", "quote", "quote", "loaded_language"]
    assert "“yahweh” / “lord” in 3 links" in out[0].detail and "not a change to what was said" in out[0].detail
