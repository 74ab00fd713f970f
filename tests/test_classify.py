"""The classify stage: named changes per link (pure, hand-made edits) and the acceptance points on the seed corpus."""

from __future__ import annotations

import json
import typing

import pytest

from compare.classify import CHANGE_TYPES, FLAG_TYPES, Side, classify_link, quoted_spans, speakers_named
from compare.classify.quantities import find_quantities, same_value
from compare.diff import diff_words
from compare.export import corpus_to_dict
from compare.records import ChangeType, Edit, FlagType

from .test_pipeline import _linked


def _classify(a: str, b: str, **sides: object) -> list[tuple[str, str, str, str]]:
    """Classify the real word diff of ``a`` -> ``b``; ``sides`` sets Side fields as a_<field>/b_<field>.

    Side b is a record (``kind="transcript"``) unless a test says otherwise: hedge, loaded language and meaning are
    named only against a record (``ClassifySettings.record_only``)."""
    sides = {"a_name": "a", "b_name": "b", "b_kind": "transcript", **sides}
    sa = Side(a, **{k[2:]: v for k, v in sides.items() if k.startswith("a_")})  # type: ignore[arg-type]
    sb = Side(b, **{k[2:]: v for k, v in sides.items() if k.startswith("b_")})  # type: ignore[arg-type]
    return [(c.type, c.a, c.b, c.detail) for c in classify_link(diff_words(a, b), sa, sb)]


def _types(changes: list[tuple[str, str, str, str]]) -> list[str]:
    return [c[0] for c in changes]


# --- rules, one table for the README and the report ---------------------------------------------------------------


def test_every_type_has_a_rule():
    assert set(CHANGE_TYPES) == set(typing.get_args(ChangeType))
    assert set(FLAG_TYPES) == set(typing.get_args(FlagType))
    assert all(rule.endswith(".") and len(rule) > 40 for rule in [*CHANGE_TYPES.values(), *FLAG_TYPES.values()])


# --- quantities --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "first, second",
    [
        ("by 1.5 percent", "One and a half percent more"),
        ("by more than 34%", "more than 34 per cent"),
        ("thirty-four percent", "34 percent"),
        ("a day before", "24 hours in advance"),
        ("on Friday, March 11, met", "in the Kremlin on 11 March"),
        ("date 2022-03-11", "March 11, 2022"),
        ("in a month", "in one month"),
        ("two hundred and five people", "205 people"),
        ("on the twenty-third day", "on the 23rd day"),
    ],
)
def test_same_quantity_written_differently(first, second):
    (p,), (q,) = find_quantities(first), find_quantities(second)
    assert same_value(p, q), (p, q)


@pytest.mark.parametrize(
    "first, second",
    [("by 1.5 percent", "by 2.5 percent"), ("in six months", "in a month"), ("on March 11", "on 12 March"),
     ("four positions", "five positions"), ("by the twenty-third day", "on the third day"),
     ("for the second time", "for the third time")],
)
def test_different_quantities(first, second):
    (p,), (q,) = find_quantities(first), find_quantities(second)
    assert p.kind == q.kind and not same_value(p, q)


def test_an_ordinal_counts_only_before_a_noun_of_sequence():
    found = find_quantities("First of all, in the sixth year of King Darius, a second opinion came on the 3rd day.")
    assert [(q.text, q.value, q.kind) for q in found] == [("sixth year", 6.0, "ordinal:year"), ("3rd day", 3.0, "ordinal:day")]


def test_a_changed_day_in_the_month_is_named():
    changes = _classify("So the holy house was finished by the twenty-third day of the month Adar, in the sixth year of King Darius.",
                        "This house was finished on the third day of the month Adar, which was in the sixth year of the reign of Darius the king.")
    named = [c for c in changes if c[0] == "number"]
    assert len(named) == 1 and "(23rd day)" in named[0][3] and "(3rd day)" in named[0][3], changes


def test_quantity_text_is_what_was_written():
    (q,) = find_quantities("“One and a half percent more than we had")
    assert (q.text, q.value, q.kind) == ("One and a half percent", 1.5, "percent")
    assert [q.text for q in find_quantities("more than a third, more than 34 percent")] == ["a third", "34 percent"]


# --- one type each ------------------------------------------------------------------------------------------------


def test_number_written_in_words_is_no_discrepancy():
    changes = _classify(
        "“One and a half percent more than we had in the recent presidential election,” Aleksandr Lukashenko said.",
        "More than at the presidential elections, by the way, by 1.5 percent.",
    )
    assert "number" not in _types(changes)
    assert any("“One and a half percent” and “1.5 percent” are the same quantity" in c[3] for c in changes)


def test_number_discrepancy_names_both_quantities():
    changes = _classify("Last year our mutual trade increased by 34 percent.", "Last year our mutual trade increased by 43 percent.")
    assert changes == [("number", "34", "43", "a says “34 percent” (34 percent), b says “43 percent” (43 percent).")]


def test_date_discrepancy():
    changes = _classify("The leaders met in the Kremlin on 11 March.", "The leaders met in the Kremlin on 12 March.")
    assert _types(changes) == ["number"]


def test_loaded_language_beastly_against_a_neutral_word():
    changes = _classify(
        '"We are already accustomed to this Western (policy).',
        "However, we are already used to this, pardon my language, beastly Western behaviour.",
        a_name="press", b_name="transcript",
    )
    loaded = [c for c in changes if c[0] == "loaded_language"]
    assert len(loaded) == 1
    _, a, b, detail = loaded[0]
    assert "Western (policy)" in a and "beastly" in b
    assert detail.startswith("“beastly” in transcript is an evaluative or emotive word (NRC Emotion Lexicon")
    # the plain synonym next to it is only wording
    assert ("wording", "accustomed", "used", "") in changes  # the diff shows it all: nothing to add


def test_two_insults_of_the_same_weight_are_wording():
    # the readout's "piggery of the West" and the transcript's "beastly Western behaviour" judge alike
    changes = _classify(
        "Today’s are larger but we are already accustomed to this piggery of the West, I beg your pardon.",
        "However, we are already used to this, pardon my language, beastly Western behaviour.",
        a_name="readout", b_name="transcript",
    )
    assert set(_types(changes)) == {"wording"}


def test_topic_words_are_not_loaded_language():
    # "war" and "attack" name what happened; the lexicons rate them negative, but they judge nothing
    assert "loaded_language" not in _types(_classify("Our conscience is clear.", "So, we did not unleash this war, our conscience is clear."))
    assert "loaded_language" not in _types(_classify("They were preparing to attack Donbass.", "They were going to strike Donbass."))


def test_hedge_modal_swap_and_distancing():
    assert _types(_classify("Russia will win the negotiations.", "Russia may win the negotiations.")) == ["hedge"]
    (change,) = _classify(
        "He went on to allege that foreign mercenaries are moving along the border.",
        "Foreign mercenaries are moving along the border.",
        a_name="press",
    )
    assert change[0] == "hedge" and "“allege” (distancing) only in press" in change[3]
    # a future "will" beside another future "will" is not a change of certainty
    assert "hedge" not in _types(_classify("We will deal with it and acquire more.", "We will deal with it and will acquire more."))


def test_distancing_inside_a_reworded_passage():
    press = ("Meanwhile, Belarusian President Lukashenko claimed that if Russia had not launched the 'special military "
             "operation' in Ukraine on February 24, Ukraine would have attacked Belarus the same day.")
    readout = ("Had there not been a preventive strike on the positions (four positions, I will show it now, I have brought "
               "the map) six hours before the operation, they would have attacked the troops of Belarus and Russia.")
    changes = _classify(press, readout, a_name="press", b_name="readout", a_kind="press", b_kind="readout")
    hedges = [c for c in changes if c[0] == "hedge"]
    assert [(c[1], c[2]) for c in hedges] == [("claimed", ""), ("'special military operation'", "")]
    assert hedges[1][3].startswith("Quotation marks around “special military operation” (distancing) only in press")
    # a British-style quotation or an apostrophe is no scare quote
    assert "hedge" not in _types(_classify("'We are ready,' he said.", "We are ready, he said loudly."))
    assert "hedge" not in _types(_classify("Russia's president's plan was ready.", "The plan of Russia was ready."))


def test_meaning_negation_flipped():
    (change,) = _classify("We will survive the sanctions.", "We will not survive the sanctions.", b_name="tv")
    assert change == ("meaning", "", "not", "“not” is only in tv: one source denies what the other asserts.")


def test_meaning_key_noun_economy_becomes_war():
    # the press rewrite of "people will forget this happened, in terms of the economy"
    edits = (
        Edit("equal", "In six months people will forget "),
        Edit("delete", "this happened, in terms of the economy"),
        Edit("insert", "about the war"),
        Edit("equal", "."),
    )
    a = Side("In six months people will forget this happened, in terms of the economy.", "transcript", kind="transcript")
    b = Side("In six months people will forget about the war.", "press", kind="press")
    (change,) = classify_link(edits, a, b)
    assert change.type == "meaning"
    assert "from “economy” (transcript) to “war” (press)" in change.detail


def test_meaning_in_the_real_press_rewrite():
    # transcript (002) and press (000) as written; the aligner does not link them (cosine 0.38), the rule still holds
    transcript = ("If we find our bearings, believe me, in six months or by the end of the year people will forget this "
                  "happened, in terms of the economy.")
    press = "He also claimed that people will forget about the war in Ukraine by the end of 2022."
    changes = _classify(transcript, press, a_name="transcript", a_kind="transcript", b_name="press", b_kind="press")
    assert [c[:3] for c in changes] == [
        ("wording", transcript[:-1], press[:-1]),
        ("hedge", "", "claimed"),
        ("meaning", "this happened, in terms of the economy", "about the war in Ukraine"),
    ]
    assert changes[2][3].startswith("Both say “people will forget”, then differ. The key word changes from “economy” "
                                    "(transcript) to “war” (press)")
    # "by the end of the year" / "by the end of 2022": a year is no key noun, and no number discrepancy either
    assert "number" not in _types(changes)


def test_quote_differs_from_transcript():
    a = "“We will deal with these difficulties and acquire more competencies and more opportunities,” he said."
    b = "We will get through these difficulties and acquire more competencies and more opportunities."
    changes = _classify(a, b, a_name="press", a_kind="press", b_name="transcript", b_kind="transcript")
    assert ("quote", "deal with", "get through",
            "Inside quotation marks press has “deal with” where transcript has “get through”: “get” is in transcript, not in "
            "the quotation; “deal” is in the quotation, not in transcript (checked against transcript, the only record of "
            "the statement linked here).") in changes
    # against another rewrite nothing says which is right; between two records it is a translator's choice
    assert "quote" not in _types(_classify(a, b, a_kind="press", b_kind="press"))
    assert "quote" not in _types(_classify(a, b, a_kind="readout", b_kind="transcript"))
    # words of the transcript left out inside the quotation
    dropped = _classify("“They walk along the border to the Chernobyl plant and want to cut off the routes,” he said.",
                        "They walk along the border to the Chernobyl nuclear power plant and want to cut off the routes.",
                        a_kind="press", b_kind="transcript")
    assert dropped[0][:3] == ("quote", "", "nuclear power")
    assert dropped[0][3].startswith("Inside quotation marks a has nothing where b has “nuclear power”")


def test_quote_needs_a_close_match():
    # a loose link (few shared words) is no ground for a misquoting claim
    changes = _classify(
        'Putin said that sanctions are an "excellent opportunity to bolster economic and technological independence."',
        "Today, sanctions represent an opportunity for us.",
        b_kind="transcript", a_speakers=("Vladimir Putin",), b_speakers=("Alexander Lukashenko",),
    )
    assert "quote" not in _types(changes) and "speaker" not in _types(changes)


def test_speaker_changed():
    text = "We have survived them so many times, and we will survive them again."
    changes = _classify(text, text, a_speakers=("Vladimir Putin",), b_speakers=("Alexander Lukashenko",), a_name="readout", b_name="transcript")
    assert changes == [("speaker", "Vladimir Putin", "Alexander Lukashenko",
                        "readout gives these words to Vladimir Putin, transcript to Alexander Lukashenko.")]
    assert _classify(text, text, a_speakers=("Lukashenko",), b_speakers=("Alexander Lukashenko",)) == []


def test_speakers_named_in_text():
    names = ["Alexander Lukashenko", "Vladimir Putin"]
    assert speakers_named("Sanctions are now a window of opportunity for us,\" Lukashenko said, echoing Putin.", names) == ("Alexander Lukashenko",)
    assert speakers_named("There is certain positive progress there,\" said Vladimir Putin.", names) == ("Vladimir Putin",)
    assert speakers_named("Putin met Lukashenko.", names) == ()


def test_wording_and_no_change():
    assert _classify("Well, we need to rally together.", "Well, we need to unite.") == [
        ("wording", "rally together", "unite", "")]
    assert _classify("“They are not that simple.", "They are not that simple.") == []  # a quotation mark only
    long = _classify("Amid the ongoing war with Ukraine, Russian President Vladimir Putin met his counterpart in Moscow.",
                     "Vladimir Putin met with President of the Republic of Belarus Alexander Lukashenko at the Kremlin.")
    assert all(t == "wording" for t in _types(long))


def test_quoted_spans():
    text = "He said: “We can. We will!” Then “more\nNot quoted. \"Yes\" end"
    spans = quoted_spans(text)
    assert [text[s:e] for s, e in spans] == ["We can. We will!", "more", "Yes"]


# --- acceptance on the seed corpus (real model, real text) ------------------------------------------------------


def _changes(corpus, a, b, a_part, b_part):
    (link,) = _linked(corpus, a, b, a_part, b_part)
    return link.changes


def test_seed_piggery_beastly_is_one_link_of_the_same_weight(seed_corpus):
    changes = _changes(seed_corpus, "readout", "transcript", "piggery of the West", "beastly Western behaviour")
    assert {c.type for c in changes} == {"wording"}  # two insults, two translations: neither loaded nor a misquotation
    loaded = _changes(seed_corpus, "press", "transcript", "Western (policy)", "beastly Western behaviour")
    # the transcript's "beastly" against the press's plain words, and the press's own "slammed" in the sentence that
    # introduces the quotation (linked to nothing itself)
    assert [(c.type, c.a) for c in loaded if c.type != "wording"] == [("loaded_language", "slammed"),
                                                                     ("loaded_language", "Western (policy)")]


def test_seed_echo_order_and_words_no_record_has(seed_corpus):
    changes = _changes(seed_corpus, "press", "transcript", "echoing Putin", "sanctions represent an opportunity")
    (order,) = [c for c in changes if c.type == "speaker"]
    assert order.a == "echoing Putin" and "Vladimir Putin speaks of “opportunity” only later" in order.detail
    assert any(c.type == "quote" and c.a == "Disgusting." for c in changes)


def test_seed_one_and_a_half_percent_is_no_number_discrepancy(seed_corpus):
    changes = _changes(seed_corpus, "readout", "transcript", "One and a half percent more", "by 1.5 percent")
    assert "number" not in {c.type for c in changes}
    assert any("are the same quantity (1.5 percent)" in c.detail for c in changes)


def test_seed_no_false_number_or_quote_claims(seed_corpus):
    checked = [
        ("readout", "transcript", "in a few days we would have incurred huge losses", "this 24 hours in advance"),
        ("readout", "transcript", "bilateral trade soared by more than 34%", "more than a third, more than 34 percent"),
        ("press", "readout", "on Friday, March 11, met", "in the Kremlin on 11 March"),
    ]
    for a, b, a_part, b_part in checked:
        types = {c.type for c in _changes(seed_corpus, a, b, a_part, b_part)}
        assert not types & {"number", "quote", "speaker"}, (a_part, types)


def test_seed_flags(seed_corpus):
    docs = {d.id: d for d in seed_corpus.documents}
    # the readout's peace-talks narrative and the TV's studio commentary have no counterpart (the gold marks them so)
    assert {k: [f.type for f in v] for k, v in seed_corpus.flags.items()} == {
        "forum": ["unrelated"], "readout": ["no_counterpart"], "transcript": ["no_counterpart"],
        "tv": ["no_counterpart", "date_mismatch"]}
    (unrelated,) = seed_corpus.flags["forum"]
    assert (unrelated.start, unrelated.end) == (0, len(docs["forum"].text))
    (run,) = seed_corpus.flags["transcript"]
    text = docs["transcript"].text
    last = "Let us proceed to the current item on the agenda."
    assert run.start == text.index("Meeting with permanent members of Security Council")
    assert run.end == text.index(last) + len(last)
    assert "President of Belarus" not in text[run.start : run.end]
    (date,) = [f for f in seed_corpus.flags["tv"] if f.type == "date_mismatch"]
    assert docs["tv"].text[date.start : date.end] == "date 2019-12-13"
    assert "2022-03-11" in date.detail


def test_seed_json_has_changes_and_flags(seed_corpus):
    data = json.loads(json.dumps(corpus_to_dict(seed_corpus)))
    forum = next(d for d in data["documents"] if d["id"] == "forum")
    assert [f["type"] for f in forum["flags"]] == ["unrelated"]
    assert next(d for d in data["documents"] if d["id"] == "press")["flags"] == []
    links = [lk for p in data["pairs"] for lk in p["links"]]
    assert all(set(c) == {"type", "a", "b", "detail"} and c["type"] in CHANGE_TYPES for lk in links for c in lk["changes"])
    assert any(c["type"] == "loaded_language" and "beastly" in c["b"] for lk in links for c in lk["changes"])


def test_readme_explains_every_type():
    from .conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in [*CHANGE_TYPES, *FLAG_TYPES]:
        assert f"- `{name}`: " in readme, name
    assert '"changes": [{"type": ' in readme and '"flags": [{"type": ' in readme


# --- document flags on a hand-made corpus (pure) -----------------------------------------------------------------


def _doc(doc_id: str, sentences: list[str], date: str = "", header: str = "", sections: list[int] | None = None):
    from compare.records import Document, Source, Unit

    text, units, pos = header, [], len(header)
    for k, s in enumerate(sentences):
        units.append(Unit(k, pos, pos + len(s), s, section=(sections or [0] * len(sentences))[k]))
        text += s + " "
        pos += len(s) + 1
    return Document(Source(doc_id, f"{doc_id}.txt", doc_id, date=date), f"c/{doc_id}.txt", text), tuple(units)


def _corpus(docs, related: dict[tuple[str, str], float], links: dict[tuple[str, str], list[tuple[int, int]]]):
    from compare.align import EventPlan, event_groups, plan_to_events
    from compare.records import Corpus, Link, PairAlignment
    from compare.settings import AlignSettings

    ids = [d.id for d, _ in docs]
    pairs = tuple(
        PairAlignment(a, b, tuple(Link((i,), (j,), 0.9) for i, j in links.get((a, b), [])), related.get((a, b), 0.5))
        for n, a in enumerate(ids) for b in ids[n + 1 :]
    )
    # the grouping stage's decision, from the same relatedness (as the pipeline makes it)
    index = {d: n for n, d in enumerate(ids)}
    rel = {(index[p.a], index[p.b]): p.related for p in pairs}
    groups = tuple(event_groups(rel, len(ids), AlignSettings().event_threshold))
    documents = tuple(d for d, _ in docs)
    events = plan_to_events(EventPlan(groups, (), rel, len(rel)), documents)
    return Corpus(documents=documents, units={d.id: u for d, u in docs}, pairs=pairs, events=events)


def test_flags_on_a_hand_made_corpus():
    from compare.classify.findings import find_flags

    same = ["The leaders met in Moscow.", "They discussed sanctions."]
    extra = [f"Unrelated sentence number {k}." for k in range(8)]
    docs = [
        _doc("t", same + extra, date="2022-03-11", sections=[0, 0] + [1] * 8),
        _doc("r", same, date="2022-03-11"),
        _doc("p", same, header=" date 2022-03-11 "),
        _doc("tv", same, header=" date 2019-12-13 "),
        _doc("x", ["Something else entirely."], date="2022-03-11"),
    ]
    close = {(a, b): 0.9 for a in "t r p tv".split() for b in "t r p tv".split()}
    links = {(a, b): [(0, 0), (1, 1)] for (a, b) in close}
    corpus = _corpus(docs, close, links)
    flags = find_flags(corpus)
    assert sorted(flags) == ["t", "tv", "x"]
    (run,) = flags["t"]
    t_text = docs[0][0].text
    assert (run.type, t_text[run.start : run.end]) == ("no_counterpart", " ".join(extra))
    (date,) = flags["tv"]
    assert (date.type, docs[3][0].text[date.start : date.end]) == ("date_mismatch", "date 2019-12-13")
    assert date.detail == "Dated 2019-12-13, but p, r, t date the event 2022-03-11."
    (unrelated,) = flags["x"]
    assert unrelated.type == "unrelated" and unrelated.detail.startswith("About something else: its closest source is p")
    # seven unlinked sentences are not enough for a flag
    short = _corpus([_doc("t", same + extra[:7], sections=[0, 0] + [1] * 7), docs[1]], close, links)
    assert find_flags(short) == {}


def test_hunk_rules_are_tried_in_the_order_of_change_types():
    from compare.classify.rules import HUNK_RULES

    order = list(CHANGE_TYPES)
    named = [t for t, rule in HUNK_RULES if rule.__name__ != "_whole_passage"]  # the guard for long passages
    assert named == sorted(named, key=order.index)
    assert {t for t, _ in HUNK_RULES} == set(CHANGE_TYPES) - {"speaker"}  # speaker is decided per link, not per hunk


# --- issue 13, second round: wrong labels that stay gone, right ones that stay (pure) ----------------------------
# Sentences from OneStopEnglish (CC BY-SA 4.0, onestopenglish.com, via tests/data/label_audit/onestop_fresh.json and
# the held-out articles of tools/splits.py), shortened where the rule reads only part of them.


def _named(a: str, b: str, **sides: object) -> list[tuple[str, str, str]]:
    return [c[:3] for c in _classify(a, b, **sides) if c[0] != "wording"]


def _quote_types(quoted: str, record: str, a_kind: str = "press", b_kind: str = "readout") -> list[str]:
    """The named types of a quotation against its record (for the tests of the quote rule)."""
    return [t for t, _, _ in _named(quoted, record, a_kind=a_kind, b_kind=b_kind)]


@pytest.mark.parametrize(
    "first, second",
    [
        # two verbs of view of the same weight: wording
        ("Many people do not think the checks are invasive.", "Many people do not see the checks as so invasive."),
        ("Scientists believe the virus is dangerous.", "Scientists consider the virus dangerous."),
        ("Police suspect the gang is behind it.", "Police think the gang is behind it."),
        # a forecast is hedged either way: "predicted" / "would probably"
        ("Kelly said that he would probably not fly again with NASA.", "Kelly predicted that he would not fly again with NASA."),
        # an example or estimate inside a phrase, not a doubt: "for, perhaps, a meal" / "for, say, a meal"
        ("We pay £15 plus reimbursement for, say, a meal for two or a hotel stay.",
         "We pay £15 plus reimbursement for, perhaps, a meal for two or a hotel stay."),
        # "the unlikely focus": surprising, not improbable
        ("A lonely old man is the unlikely focus of the advert.", "A lonely old man is the unusual focus of the advert."),
        ("He seemed to laugh at a journalist for his disability.", "He appeared to laugh at a journalist for his disability."),
        # a ligature in one text only ("deﬁnitely") is the same word
        ("The worst part of the job is deﬁnitely not handling the eels.", "The worst part of the job is definitely not handling the eels."),
    ],
)
def test_no_certainty_change(first, second):
    assert "hedge" not in [t for t, _, _ in _named(first, second)], _named(first, second)


def test_certainty_changes_still_named():
    assert _named("Russia will win the negotiations.", "Russia may win the negotiations.") == [("hedge", "will", "may")]
    assert _named("He said the plan works.", "He said the plan probably works.") == [("hedge", "", "probably")]
    assert _named("He will certainly win the vote.", "He will probably win the vote.") == [("hedge", "certainly", "probably")]
    assert [t for t, *_ in _named("Scientists claim they have found evidence for it.",
                                  "Scientists say they have found evidence for it.")] == ["hedge"]


@pytest.mark.parametrize(
    "first, second",
    [
        # NRC links these with disgust; VADER does not rate them or calls them mild: two lexicons must agree
        ("Whether it needs reinvigorating is questionable.", "But, it is not certain that it needs reinvigorating."),
        ("It is this shared universe of highly infectious nostalgia that keeps it on top.",
         "It is this shared universe of nostalgia that keeps it on top."),
        ("The tests showed that many people were overweight or obese.", "The tests showed that many people were overweight."),
        # an adjective and its noun said as one noun that may judge by itself
        ("The network helped to end unfair governments and changed words.", "The network helped to end regimes and changed words."),
        # a judging verb against an evaluation of the same direction
        ("A facility that is free is being hailed as an unprecedented boon by all the people in the town today.",
         "A facility that is free and has no restrictions is very welcome to all the people in the town today."),
    ],
)
def test_no_change_of_evaluation(first, second):
    assert "loaded_language" not in [t for t, _, _ in _named(first, second)], _named(first, second)


def test_changes_of_evaluation_still_named():
    assert _named("It was a decision, she said.", "It was a terrible decision, she said.") == [("loaded_language", "", "terrible")]
    assert [t for t, *_ in _named("Security has grown since the devastating bombing of the cell in July.",
                                  "Security has grown since the bombing of the cell in July.")] == ["loaded_language"]


def test_a_key_noun_whose_root_the_other_side_has_is_no_meaning_change():
    # "banned smoking ... a rule" / "ban smoking ... a ban": the ban is in both
    adv = "“There’s no way I could have banned smoking in my bar without it being a rule throughout the whole city,” says Douville."
    ele = "“I couldn’t ban smoking in my bar without a ban in the whole city,” says Douville."
    assert "meaning" not in [t for t, *_ in _named(adv, ele)]


# --- issue 13: who spoke first, the verdict that introduces a quotation, words no record has (hand-made corpus) ---


def _unit_doc(doc_id: str, kind: str, sentences: list[str], speakers: list[str | None] | None = None):
    from compare.records import Document, Source, Unit

    text, units, pos = "", [], 0
    for k, s in enumerate(sentences):
        units.append(Unit(k, pos, pos + len(s), s, speaker=(speakers or [None] * len(sentences))[k]))
        text += s + " "
        pos += len(s) + 1
    return Document(Source(doc_id, f"{doc_id}.txt", doc_id, kind=kind), f"c/{doc_id}.txt", text), tuple(units)


def _two_sources(press: list[str], record: list[str], speakers: list[str | None], links: list[tuple[int, int]]):
    from compare.classify import classify_corpus
    from compare.records import Corpus, Link, PairAlignment

    docs = [_unit_doc("press", "press", press), _unit_doc("transcript", "transcript", record, speakers)]
    pair = PairAlignment("press", "transcript", tuple(
        Link((i,), (j,), 0.9, edits=diff_words(press[i], record[j])) for i, j in links), 0.9)
    corpus = Corpus(documents=tuple(d for d, _ in docs), units={d.id: u for d, u in docs}, pairs=(pair,))
    return {lk.a[0]: [(c.type, c.a, c.b, c.detail) for c in lk.changes] for lk in classify_corpus(corpus).pairs[0].links}


RECORD = [
    "Today, sanctions represent an opportunity for us.",
    "We will deal with the difficulties.",
    "This is indeed a time of opportunity when we must strengthen our sovereignty.",
]
L, P = "Alexander Lukashenko", "Vladimir Putin"


def test_echoing_someone_who_spoke_later_is_a_speaker_change():
    press = ['Sanctions are now a window of opportunity for us," Lukashenko said, echoing Putin.']
    (speaker,) = [c for c in _two_sources(press, RECORD, [L, P, P], [(0, 0)])[0] if c[0] == "speaker"]
    assert speaker[1:3] == ("echoing Putin", L)
    assert "Vladimir Putin speaks of “opportunity” only later" in speaker[3] and "“This is indeed a time" in speaker[3]
    # Putin spoke first: "echoing Putin" is right, nothing to name
    first = [RECORD[2], RECORD[1], RECORD[0]]
    assert "speaker" not in [c[0] for c in _two_sources(press, first, [P, P, L], [(0, 2)])[0]]
    # Putin never says it: the record may be partial, no claim either way
    assert "speaker" not in [c[0] for c in _two_sources(press, RECORD, [L, P, L], [(0, 0)])[0]]


def test_verdict_before_a_quotation_and_words_no_record_has():
    press = ["He also slammed Western countries for imposing sanctions on Russia and Belarus.",
             '"We are already accustomed to this Western (policy).', "Disgusting.",
             'Sanctions are now a window of opportunity for us," Lukashenko said.']
    record = ["However, we are already used to this, pardon my language, beastly Western behaviour.", RECORD[0]]
    changes = _two_sources(press, record, [L, L], [(1, 0), (3, 1)])
    slammed = [c for c in changes[1] if c[0] == "loaded_language" and c[1] == "slammed"]
    assert len(slammed) == 1 and "own verdict on what was said" in slammed[0][3]
    (quote,) = [c for c in changes[3] if c[0] == "quote"]
    assert quote[1:3] == ("Disgusting.", "") and "checked against transcript" in quote[3]
    # the same sentences outside a quotation, or a verb that does not judge: nothing named
    plain = _two_sources(["He also spoke of Western countries and the sanctions.", *press[1:]], record, [L, L], [(1, 0), (3, 1)])
    assert not [c for c in plain[1] if c[0] == "loaded_language" and c[1] != "Western (policy)"]
    unquoted = ["We are already accustomed to this Western policy.", "Disgusting.", "Sanctions are now an opportunity, he said."]
    assert "quote" not in [c[0] for lk in _two_sources(unquoted, record, [L, L], [(0, 0), (2, 1)]).values() for c in lk]


def test_a_distancing_word_needs_the_claim_told_on_the_other_side():
    # GNAT Aesop (CC BY-SA 4.0; tests/data/label_audit/README.md): two tellings, the claim itself told in one only
    a = "A Fox and a Leopard, resting lazily after a generous dinner, amused themselves by disputing about their good looks."
    b = "A Fox and a Leopard were disputing about their looks, and each claimed to be the more handsome of the two."
    assert "hedge" not in [t for t, *_ in _named(a, b)]
    # the claim told on both sides, distanced on one: still named
    assert [t for t, *_ in _named("They claimed to have survived for nine months at sea on a diet of rainwater.",
                                  "They said they survived for nine months at sea on a diet of rainwater.")] == ["hedge"]
    assert [t for t, *_ in _named("“The scale of corruption alleged herein is completely unacceptable.”",
                                  "“The scale of corruption is completely unacceptable.”")] == ["hedge"]


def test_distance_kept_on_both_sides_is_no_hedge():
    # OneStopEnglish: "stands accused" / "is accused"; "said as a joke" / "jokily claimed"
    assert "hedge" not in [t for t, *_ in _named(
        "The gang, with Gao the alleged ringleader, stands accused of laundering up to €300m a year.",
        "Gao’s gang is accused of laundering up to €300m a year.")]
    assert "hedge" not in [t for t, *_ in _named(
        "The director of the Globe Theatre recently said as a joke that Shakespeare was a true London man.",
        "The director of the Globe, Dominic Dromgoole, recently jokily claimed Shakespeare was a true Londoner.")]


def test_a_conceding_certainly_is_no_hedge():
    # OneStopEnglish held-out ("WNL Winter"): "certainly ... but" concedes a point, it vouches for nothing more
    assert "hedge" not in [t for t, *_ in _named(
        "“There’s certainly a lot of wealth here but almost all of that wealth is in second homes,” says Cantwell.",
        "“There’s a lot of wealth here but almost all of that wealth is in second homes,” says Cantwell.")]
    assert [t for t, *_ in _named("“Metadata absolutely tells you everything about somebody’s life.”",
                                  "“Metadata tells you everything about somebody’s life.”")] == ["hedge"]


def test_the_same_count_with_its_noun_elsewhere_is_no_number_change():
    # OneStopEnglish held-out ("WNL Wealth therapy"), advanced and elementary
    adv = "Households worth $5m or more reached 1.3m and 142,000 households are now worth $25m or more."
    ele = "There were 1.3 million households worth $5 million and 142,000 worth $25 million or more."
    assert "number" not in [t for t, *_ in _named(adv, ele)]
    assert _named("Last year 142,000 households were worth more.", "Last year 152,000 households were worth more.") == [
        ("number", "142", "152")]


# --- issue 13, third round: the mechanisms behind the dev sample's wrong labels (own sentences, same shapes) ---------


@pytest.mark.parametrize(
    "first, second",
    [
        # the label of an item in a list at a line start counts nothing: one side dropped an item, the numbers shift
        ("4 Pack light for long trips", "5 Pack light for long trips"),
        ("11. Sleep on the plane", "12. Sleep on the plane"),
        # "half a dozen" is six; a scale joined with a hyphen is still the scale
        ("She and half a dozen colleagues walked to the office.", "She and six colleagues walked to the office."),
        ("A £30m concert hall will open in the spring.", "A new £30-million concert hall will open in the spring."),
        # a figure from a clause the other side dropped is not the other side's figure changed
        ("Prices rose from 5 to 8% in a decade, the study says. Rents for the poorest 0.5% rose faster still.",
         "Prices rose from 5% to 8% in a decade, the study says."),
        ("The bridge opened in 1932 and the tunnel was finished after the war in 1951.",
         "The bridge opened in 1932, before the road to the coast was paved in 1947."),
    ],
)
def test_no_number_change(first, second):
    assert "number" not in [t for t, _, _ in _named(first, second)], _named(first, second)


def test_number_changes_in_the_same_slot_still_named():
    assert [t for t, *_ in _named("She and half a dozen colleagues walked.", "She and nine colleagues walked.")] == ["number"]
    assert [t for t, *_ in _named("A £30m hall will open.", "A £40-million hall will open.")] == ["number"]
    assert [t for t, *_ in _named("Turnout in the north rose to 40% this year.", "Turnout in the north rose to 45% this year.")] \
        == ["number"]
    # a number at a line start that counts ("3 people died") is still a quantity
    assert [t for t, *_ in _named("3 people died in the fire.", "4 people died in the fire.")] == ["number"]


@pytest.mark.parametrize(
    "first, second",
    [
        # "claim(s)" as a noun: an insurance, legal or asylum claim, or one side's argument in a dispute
        ("The firm faces hundreds of insurance claims from flooded homes.", "The firm may have to pay hundreds of flooded homes."),
        ("The judge rejected the council's claim that the road was safe.", "The council said that the road was safe."),
        ("The tribunal dismissed claims from the landlord that the rent was fair.",
         "The landlord said the rent was fair, but the tribunal did not agree."),
        ("Five years on, the families were still fighting over asylum claims.) “We will help them,” she said.",
         "“We will help them,” she said."),
        # "convinced" someone to do something: persuaded, nobody's certainty
        ("The coach convinced the players to stay for another season.", "The coach asked the players to stay for another season."),
        # "certain" before a noun or a name: some of them
        ("The update can be installed on certain Samsung tablets.", "The update can be installed on Samsung tablets."),
        # "allegedly" against a side that attributes in a reporting verb of its own: the same distance
        ("Dozens of workers who were allegedly underpaid will now get money back.",
         "Dozens of workers who say they were underpaid will now get money back."),
        # the same distancing word on both sides, one read as a noun and one as a verb: the distance is kept
        ("Shoppers have left the chain following claims it sold stale bread.",
         "Shoppers have left the chain because of claims that it sold stale bread."),
        ("Shoppers have left the chain following claims it sold stale bread.",
         "Shoppers are staying away because a newspaper claimed that the chain sold stale bread."),
        # a modal after a possibility noun on both sides: the noun hedges
        ("“There is still a chance the dog will find its way home.”", "“There is still a chance the dog could find its way home.”"),
    ],
)
def test_no_certainty_change_third_round(first, second):
    assert "hedge" not in [t for t, _, _ in _named(first, second)], _named(first, second)


def test_certainty_changes_third_round_still_named():
    # the verb "claims" before a statement, "am convinced that", "certain that", "allegedly" against a plain statement
    assert [t for t, *_ in _named("The council claims the water is safe to drink.", "The council says the water is safe to drink.")] \
        == ["hedge"]
    assert [t for t, *_ in _named("I am convinced that the plan will work.", "I think that the plan will work.")] == ["hedge"]
    assert [t for t, *_ in _named("Tea protects the heart, British doctors claim.", "Tea protects the heart, British doctors say.")] \
        == ["hedge"]
    assert [t for t, *_ in _named("She is certain Madrid won the cup.", "She is told Madrid won the cup.")] == ["hedge"]
    assert [t for t, *_ in _named("Dozens of workers who were allegedly underpaid will get money back.",
                                  "Dozens of workers who were underpaid will get money back.")] == ["hedge"]
    assert [t for t, *_ in _named("Experts believe the river will flood next year.",
                                  "Experts believe the river could flood next year.")] == ["hedge"]


@pytest.mark.parametrize(
    "first, second",
    [
        # an adverb that intensifies an adjective says how much, not how good
        ("It would be entirely possible to finish by May.", "It would be possible to finish by May."),
        ("It would be perfectly reasonable to wait.", "It would be reasonable to wait."),
        # a word of size before a noun
        ("A great crowd gathered at the gate of the city.", "A crowd gathered at the gate of the city."),
        ("She was ill with a great fever for a week.", "She was ill with a fever for a week."),
        # "boasts" = has: an object follows, or the other side says "has"
        ("The town boasts three museums and a fine harbour.", "The town has three museums and a fine harbour."),
        ("The hotel, which boasts more than twenty rooms, is full.", "The hotel, with twenty rooms, is full."),
        # a word only NRC rates, with disgust alone, describes a physical thing
        ("The children played on the muddy field all afternoon.", "The children played on the football field all afternoon."),
        # NRC disgust with VADER's mild agreement, but no anger or fear: a description ("dirty water")
        ("The pipes carried dirty water to the farm.", "The pipes carried water to the farm."),
        # an adjective whose noun already carries its direction says how bad, not that it is bad
        ("Hundreds of homes fell in the terrible earthquake of May.", "Hundreds of homes fell in the earthquake of May."),
        ("A violent storm reached the islands on Tuesday.", "A storm reached the islands on Tuesday."),
    ],
)
def test_no_change_of_evaluation_third_round(first, second):
    assert "loaded_language" not in [t for t, _, _ in _named(first, second)], _named(first, second)


def test_changes_of_evaluation_third_round_still_named():
    # "boasted that" reports a statement and judges it; an adverb that is itself the judgement still counts
    assert [t for t, *_ in _named("He boasted that the team would win.", "He said that the team would win.")] == ["loaded_language"]
    assert [t for t, *_ in _named("It was a wonderful decision, she said.", "It was a terrible decision, she said.")] \
        == ["loaded_language"]
    # (an NRC-only word with disgust and fear, "beastly", still counts: test_loaded_language_beastly_against_a_neutral_word)


def test_a_charged_noun_in_an_added_clause_is_no_key_noun_swap():
    assert "meaning" not in [t for t, *_ in _named(
        "The firm that ran the mine cannot bid for the contract.",
        "The firm that ran the mine when the disaster happened cannot run it again.")]


@pytest.mark.parametrize(
    "first, second",
    [
        # another tense or case of the same word; two words written as one; a joining adverb
        ("He said, “I have not come to judge the world, but to save it.”", "He said, “I came not to judge the world, but to save it.”"),
        ("She said, “Whoever I point to, take him.”", "She said, “Whomever I point to, take him.”"),
        ("He said, “Pour the oil into the clay jars, or the clay jars will crack.”",
         "He said, “Pour the oil into the clayjars, or the clay jars will crack.”"),
        ("He said, “Give what you have to the poor. Then you will be rich; then follow me.”",
         "He said, “Give what you have to the poor, and you will be rich; and follow me.”"),
    ],
)
def test_no_quote_change_third_round(first, second):
    assert "quote" not in _quote_types(first, second, "other", "readout")


def test_quote_changes_third_round_still_named():
    named = _named("He said, “I have not come to judge the world.”", "He said, “I came not to save the world.”",
                   a_kind="other", b_kind="readout")
    assert "quote" in [t for t, _, _ in named], named


def test_claims_certainty_and_evaluation_need_a_record_on_one_side():
    # between two secondary sources (two outlets, two reading levels) these are wording: there is no record to stand
    # against; the same words against a record are named, and a number is named either way
    pairs = [
        ("Putin said the talks were useful.", "Putin claimed the talks were useful."),
        ("It was a decision, she said.", "It was a terrible decision, she said."),
        ("People probably notice the noise of the ships.", "People probably don't notice the noise of the ships."),
    ]
    for a, b in pairs:
        secondary = _classify(a, b, a_kind="press", b_kind="other")
        assert [t for t in _types(secondary) if t != "wording"] == [], (a, b, secondary)
        assert [t for t in _types(_classify(a, b, a_kind="press", b_kind="readout")) if t != "wording"], (a, b)
    numbers = _classify("Trade grew by 34 percent.", "Trade grew by 43 percent.", a_kind="press", b_kind="other")
    assert _types(numbers) == ["number"]


# --- the sixth round (issue 13): abstain where a mechanism cannot tell a change from the same thing said again ------


@pytest.mark.parametrize(
    "quoted, record",
    [
        # a noun that only frames a noun both sides have at this spot: the same thing named in a fuller form
        ("He said, “We sent the aid to the people of Minsk.”", "We sent the aid to Minsk."),
        ("He said, “They will meet on the Monday morning.”", "They will meet on the Monday."),
        # the "let" of a command in the third person: the person and mood change, not what is asked
        ("He said, “Let them open the border.”", "Open the border."),
        # a word and its compound
        ("He said, “The trucks stood by the roadside all night.”", "The trucks stood by the road all night."),
        # phrases that order, resume or point, with no content of their own
        ("He said, “Last of all, the ministers signed.”", "He said, “Afterwards the ministers signed.”"),
        ("He said, “In doing so, you will lose the market.”", "You will lose the market."),
        ("He said, “I regret this thing that I have done.”", "I regret that which I have done."),
        # a transliteration spelt two ways inside a phrase of another language
        ("He said, “The crowd outside shouted pora lima until the evening.”",
         "He said, “The crowd outside shouted pora lama until the evening.”"),
        # both deny; "more" only says from when
        ("He said, “We will buy no more gas from them after the summer.”",
         "He said, “We will not buy gas from them after the summer.”"),
        # "occur" against "there ... be": two ways to say that something takes place
        ("He said, “We closed the border lest a riot occur in the city.”",
         "He said, “We closed the border because there might be a riot in the city.”"),
    ],
)
def test_no_quote_change_sixth_round(quoted, record):
    assert "quote" not in _quote_types(quoted, record, "press", "transcript")


@pytest.mark.parametrize(
    "quoted, record",
    [
        ("He said, “We sent the aid to the people of Minsk.”", "He said, “We sent the troops to the people of Minsk.”"),
        # the command itself changes
        ("He said, “Let them open the border crossings for the grain trucks.”",
         "He said, “Close the border crossings for the grain trucks.”"),
        # a negating part is no compound
        ("He said, “The truck drivers at the border were careless yesterday.”",
         "He said, “The truck drivers at the border were careful yesterday.”"),
        ("He said, “In doing so, you will lose the grain market in Europe.”",
         "He said, “You will win the grain market in Europe.”"),
        ("He said, “The crowd outside shouted for lima until the evening.”",
         "He said, “The crowd outside shouted for lama until the evening.”"),  # no phrase of another language
        ("He said, “We will buy more gas from them after the summer.”",
         "He said, “We will not buy gas from them after the summer.”"),  # "more" with no negation
        ("He said, “We closed the border lest a riot occur in the city.”",
         "He said, “We closed the border lest a riot spread in the city.”"),  # another verb, no "there ... be"
    ],
)
def test_quote_changes_sixth_round_still_named(quoted, record):
    assert "quote" in _quote_types(quoted, record, "press", "readout")


def test_a_word_the_record_says_elsewhere_in_the_speech_is_not_added():
    from compare.classify.links import _speech

    doc = ("He said: “The border will stay open for trucks.\n\n“Farmers will get their grain out by May.\n\n"
           "“We will see.”\n\nThen he left. “Another quotation.”")
    start = doc.index("The border")
    speech = _speech(doc, quoted_spans(doc), start, start + 10)
    # one speech over three paragraphs (each opens with a quotation mark, only the last is closed); not the next one
    assert "Farmers" in " ".join(speech) and "We will see" in " ".join(speech) and "Another" not in " ".join(speech)
    quoted = "He said, “The border will stay open for trucks and farmers this spring.”"
    record = "He said, “The border will stay open for trucks this spring.”"
    assert "quote" in _types(_classify(quoted, record, a_kind="press", b_kind="readout"))
    assert "quote" not in _types(_classify(quoted, record, a_kind="press", b_kind="readout", b_speech=" ".join(speech)))


def test_single_quotes_inside_a_speakers_words_are_no_scare_quotes():
    from compare.classify.cues import distancing_marks

    assert distancing_marks("He said to them, “It is written that you have made it a ‘den of robbers’ now!”") == []
    assert distancing_marks("Lukashenko defended the 'special military operation' in Ukraine.") \
        == ["'special military operation'"]


def test_a_quantity_the_other_side_gives_beside_is_no_change():
    a, b = "The height of the tower was forty metres.", "The height of the tower was sixty metres."
    assert "number" in _types(_classify(a, b))
    assert "number" not in _types(_classify(a, b, a_nearby="The height of the old tower was sixty metres."))


def test_narration_and_an_unmatched_record_clause():
    from compare.classify.links import _unmatched_clause
    from compare.classify.testimony import narrates

    assert narrates("In that very hour I looked up at him.") and narrates("I told it to the ministers, but no one knew.")
    assert not any(narrates(t) for t in ("Disgusting.", "I have found no crime in him.", "We will win.", "Who hit you?"))
    # the record's linked words open with a clause the quotation's linked sentence lacks: the sentence before may
    # render it; a reworded opening of one word, or words only attributing, is no such clause
    assert _unmatched_clause("For I will forgive their debts, and I will remember their faults no more.",
                             "I will remember their faults and crimes no more.", True)
    assert not _unmatched_clause("Today, sanctions represent an opportunity for us.",
                                 "Sanctions are now a window of opportunity for us.", True)
    assert not _unmatched_clause("According to Aleksandr Lukashenko, sanctions are a time of opportunities.",
                                 "Sanctions are now a window of opportunity for us, Lukashenko said.", True)


@pytest.mark.parametrize(
    ("quoted", "record"),
    [
        # one emphasizer for another: the same assurance
        ("He said, “Most certainly I tell you, the border will stay open.”",
         "He said, “Truly I tell you, the border will stay open.”"),
        # an emphatic negation against a plain one: the same denial
        ("He said, “The sanctions will by no means stop our trade.”",
         "He said, “The sanctions will not stop our trade.”"),
        # an attention word opening the quoted clause
        ("He said, “Look, the talks have failed.”", "He said, “Listen, the talks have failed.”"),
        ("He said, “Well, the talks have failed.”", "He said, “The talks have failed.”"),
        # one indefinite pronoun in two forms
        ("He said, “If anyone tells you the border is shut, do not believe it.”",
         "He said, “If any person tells you the border is shut, do not believe it.”"),
        ("He said, “The refugees have nowhere to go this winter.”",
         "He said, “The refugees have no place to go this winter.”"),
    ],
)
def test_emphasis_attention_words_and_pronoun_forms_are_no_misquote(quoted, record):
    assert "quote" not in _quote_types(quoted, record, "press", "readout")


@pytest.mark.parametrize(
    ("quoted", "record"),
    [
        # an approximator dropped changes the claim ("on a daily basis" / "almost daily")
        ("He said, “We talk to each other on a daily basis.”", "He said, “We talk to each other almost daily.”"),
        ("He said, “We talk to each other daily.”", "He said, “We talk to each other almost daily.”"),
        # an emphasizer against a limiter, and an emphasizer added on its own, are still named
        ("He said, “Truly the border will stay open.”", "He said, “Only the border will stay open.”"),
        ("He said, “I will certainly deliver the grain to you.”", "He said, “I will deliver the grain to you.”"),
        # an attention word inside the clause is a word of its own ("look at the map")
        ("He said, “We must look at the talks again.”", "He said, “We must hold the talks again.”"),
        # another pronoun or another determiner is another claim
        ("He said, “Everyone has somewhere to go this winter.”", "He said, “Everyone has nowhere to go this winter.”"),
        ("He said, “If no person tells you the border is shut, do not believe it.”",
         "He said, “If anyone tells you the border is shut, do not believe it.”"),
        ("He said, “Some people told us the border is shut.”", "He said, “Someone told us the border is shut.”"),
        # a superlative ranks, it does not stress
        ("He said, “This is the most important deal for our farmers.”",
         "He said, “This is a very important deal for our farmers.”"),
    ],
)
def test_approximators_limiters_and_other_pronouns_stay_named_in_a_quotation(quoted, record):
    assert "quote" in _quote_types(quoted, record, "press", "readout")


def test_a_degree_adverb_is_no_loaded_language():
    for adverb in ("perfectly", "completely"):
        a, b = f"The minister said the public will understand it {adverb}.", "The minister said the public will understand it."
        assert "loaded_language" not in _types(_classify(a, b)), adverb
    # an evaluation added beside it is still named
    assert _named("It was a decision, she said.", "It was a terrible decision, she said.") == [("loaded_language", "", "terrible")]
    assert _named("It was a completely terrible decision, she said.", "It was a completely sound decision, she said.")[0][0] \
        == "loaded_language"


def test_counts_of_one_noun_of_different_stuff_are_two_quantities():
    wheat, barley = "Ukraine shipped two tonnes of wheat to Egypt.", "Ukraine shipped three tonnes of barley to Egypt."
    assert "number" not in _types(_classify(wheat, barley))
    # the same stuff, or no "of" phrase on one side, is still one count changed
    assert "number" in _types(_classify(wheat, "Ukraine shipped three tonnes of wheat to Egypt."))
    assert "number" in _types(_classify(wheat, "Ukraine shipped three tonnes to Egypt."))



def test_an_irregular_participle_is_the_same_word():
    # "those who were slain" / "those they slew": one verb in two irregular forms
    assert "quote" not in [t for t, _, _ in _named("He said, “The soldiers who were slain at the border were ours.”",
                                                  "He said, “The soldiers they slew at the border were ours.”",
                                                  a_kind="press", b_kind="readout")]
    assert "quote" in [t for t, _, _ in _named("He said, “The soldiers who were hit at the border were ours.”",
                                               "He said, “The soldiers they slew at the border were ours.”",
                                               a_kind="press", b_kind="readout")]
