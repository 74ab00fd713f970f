"""Labels a teacher can trust: the judged audit samples hold their floor, and the wrong labels of issue 13 stay gone.

The audit samples are every named label that ``benchmarks/label_audit.py`` found on its two sets, each judged by
reading (``tests/data/label_audit/README.md``): ``final.json`` (GNAT fable pairs and OneStopEnglish articles never
fitted on: the measure) and ``dev.json`` (OneStopEnglish fresh and held-out articles and the other GNAT pairs: the
set the rules may be read against). Here each judged link is
classified again from its stored texts (pure: the real word diff and the classifier, no model), so a rule change that
brings back a label judged wrong, or loses most of the right ones, fails.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from compare.classify import Side, classify_corpus, classify_link
from compare.diff import diff_words
from compare.records import Corpus, Document, Link, PairAlignment, Source, Unit

DATA = Path(__file__).parent / "data" / "label_audit"
VERDICTS = ("right", "debatable", "wrong")
# Floors a little below what benchmarks/label_audit.py measures with the rules of issue 13 (see
# tests/data/label_audit/README.md). Every link of these sets is between two secondary sources (reading levels, two
# tellings of a fable), where only checkable facts are named (ClassifySettings.record_only): what is left must be right.
# Half of FINAL was shown to an earlier round of rule work as feedback (tools/splits.py audit_feedback).
FINAL_FLOOR = 0.95  # measured: 3 right of 3 named labels given again (number); before the record gate 24 of 39
FINAL_MIN_LABELS = 3  # measured: 3 (the rules before the record gate gave 39 of them again, 24 right)
FINAL_MAX_WRONG = 0  # measured: 0 judged wrong (before the record gate: 5, and 10 debatable)
DEV_FLOOR = 0.6  # measured: 2 right of 3 given again (one number label debatable; the rules were read against this set)


def _labels(a: str, b: str, kind_a: str = "other", kind_b: str = "readout", name_a: str = "a", name_b: str = "b"):
    """The changes of one link; side b is a record unless told (hedge, loaded language and meaning need one)."""
    sa, sb = Side(a, name_a, kind=kind_a), Side(b, name_b, kind=kind_b)
    return [(c.type, c.a, c.b, c.detail) for c in classify_link(diff_words(a, b), sa, sb)]


def _named(changes) -> list[str]:
    return [c[0] for c in changes if c[0] != "wording"]


# --- the judged samples ------------------------------------------------------------------------------------------


def _sample(which: str) -> list[dict[str, str]]:
    return json.loads((DATA / f"{which}.json").read_text(encoding="utf-8"))


def _again(sample: list[dict[str, str]]) -> list[dict[str, str]]:
    """Return the judged labels the classifier gives again on their stored texts."""
    out = []
    for r in sample:
        again = _labels(r["text_a"], r["text_b"], r["kind_a"], r["kind_b"], r["doc_a"], r["doc_b"])
        if (r["type"], r["a"], r["b"]) in {c[:3] for c in again}:
            out.append(r)
    return out


@pytest.mark.parametrize("which", ["dev", "final"])
def test_audit_sample_is_judged(which):
    sample = _sample(which)
    assert len(sample) >= 60
    assert all(r["verdict"] in VERDICTS and r["note"] for r in sample), [r for r in sample if r["verdict"] not in VERDICTS]
    assert all(r["type"] != "wording" for r in sample)
    assert len({(r["article"], r["doc_a"], r["doc_b"], r["text_a"], r["text_b"], r["type"], r["a"], r["b"])
                for r in sample}) == len(sample)  # each label judged once


def test_final_audit_precision_holds_its_floor():
    again = _again(_sample("final"))
    right = [r for r in again if r["verdict"] == "right"]
    wrong = [r for r in again if r["verdict"] == "wrong"]
    assert len(again) >= FINAL_MIN_LABELS
    assert len(wrong) <= FINAL_MAX_WRONG, [(r["type"], r["a"], r["b"], r["note"]) for r in wrong]
    assert len(right) / len(again) >= FINAL_FLOOR, [(r["type"], r["a"], r["b"], r["verdict"], r["note"]) for r in again]
    # no record on either side: a changed claim, certainty or evaluation is never named there
    assert {r["type"] for r in again} <= {"number", "speaker"}


def test_dev_audit_precision_holds_its_floor():
    again = _again(_sample("dev"))
    right = [r for r in again if r["verdict"] == "right"]
    wrong = [r for r in again if r["verdict"] == "wrong"]
    assert len(right) / len(again) >= DEV_FLOOR, [(r["type"], r["a"], r["b"], r["note"]) for r in wrong]


# --- the wrong labels listed in issue 13 -------------------------------------------------------------------------


def test_a_name_is_never_an_emotive_word():
    # NRC links "john" with disgust; written with a capital inside a sentence it is a name
    assert _named(_labels("Swift said that John Lewis had stuck to the same strategy for years.",
                          "Swift said that the store had kept the same plan for years.")) == []
    # at the start of a sentence a capital proves nothing: "Disgusting." is still an evaluation
    assert _named(_labels("Disgusting, he said of the sanctions.", "Sanctions, he said of the sanctions.")) == ["loaded_language"]


def test_money_with_a_scale_is_one_quantity():
    # OneStopEnglish "Japan", advanced and elementary
    adv = "After unveiling them at the festival in Austin, Texas, they have attracted $5m of venture capital."
    ele = "Since he first presented them to the public in Texas, they have attracted $5 million from investors."
    assert "number" not in _named(_labels(adv, ele))
    assert _named(_labels("They have attracted $5m of venture capital.", "They have attracted $6 million of venture capital.")) == ["number"]


def test_percent_in_words_is_the_same_quantity():
    assert "number" not in _named(_labels("Turnout rose by 1.5 percent this year.", "Turnout rose by one and a half percent this year."))


def test_same_weight_synonyms_are_wording():
    assert _named(_labels("It suggests the story that his naked corpse was brought back on a horse is true.",
                          "It suggests the story that his naked dead body was brought back on a horse is true.")) == []
    assert _named(_labels("The strike could hold up the project for months.", "The strike could delay the project for months.")) == []
    assert _named(_labels("It was an awful decision, she said.", "It was a terrible decision, she said.")) == []
    # two grave words, one graded by VADER and one only by NRC (Jonah 4:2 / Joel 2:13, World English Bible)
    assert "meaning" not in _named(_labels(
        "Therefore I hurried to flee to Tarshish, for I knew that you are a gracious God and merciful, slow to anger, "
        "and abundant in loving kindness, and you relent of doing harm.",
        "Tear your heart and not your garments, and turn to Yahweh, your God; for he is gracious and merciful, slow to "
        "anger, and abundant in loving kindness, and relents from sending calamity."))
    # a changed evaluation is named: neutral against charged, or the polarity flips
    assert _named(_labels("It was a decision, she said.", "It was a terrible decision, she said.")) == ["loaded_language"]
    assert _named(_labels("It was a wonderful decision, she said.", "It was a terrible decision, she said.")) == ["loaded_language"]


def test_nouns_that_name_what_happened_are_not_loaded():
    # OneStopEnglish "Life expectancy": the family interview is "called a 'verbal autopsy'"
    adv = ("Where there were no death registries, they decided the cause of death by an interview with the family, "
           "a verbal autopsy.")
    ele = ("When they didn't have death registries or medical records they decided the cause of death by an interview "
           "with the family – called a 'verbal autopsy'.")
    labels = _labels(adv, ele)
    assert "loaded_language" not in _named(labels)
    assert [c[2] for c in labels if c[0] == "hedge"] in ([], [""])  # the term is named, not doubted


def test_negation_needs_one_side_to_deny_what_the_other_asserts():
    assert _named(_labels("Few probably notice the noise of the ships.", "They probably don't notice the noise of the ships.")) == []
    assert _named(_labels("People probably notice the noise of the ships.",
                          "People probably don't notice the noise of the ships.")) == ["meaning"]
    # a negation elsewhere in a reworded clause is no denial of the same words
    assert "meaning" not in _named(_labels("We will not stop, and they grow.", "We will go on, and they do not grow."))


def test_quotation_marks_around_a_name_or_title_are_not_scare_quotes():
    assert _named(_labels("Emissions are measured in the 'New European Drive Cycle' test, the firm said.",
                          "Emissions are measured in a laboratory test, the firm said.")) == []
    # lower-case words in single quotation marks still are
    changes = _labels("Russia launched the 'special military operation' in Ukraine, he said.",
                      "Russia launched the operation in Ukraine, he said.", "press", "transcript", "press", "transcript")
    assert "hedge" in _named(changes)


def test_a_reporting_verb_that_judges_is_named():
    changes = _labels("He also slammed Western countries for the sanctions.", "He also spoke of Western countries and the sanctions.",
                      "press", "transcript", "press", "transcript")
    assert [(c[0], c[1]) for c in changes if c[0] != "wording"] == [("loaded_language", "slammed")]
    assert "judges what was said" in next(c[3] for c in changes if c[0] == "loaded_language")


def test_changed_timing_is_named():
    press = "Ukraine would have attacked Belarus the same day, he claimed."
    record = "Six hours before the operation they would have attacked the troops of Belarus, he said."
    changes = _labels(press, record, "press", "transcript", "press", "transcript")
    timing = [c for c in changes if c[0] == "number"]
    assert len(timing) == 1 and "The timing differs" in timing[0][3]


def test_a_list_counting_the_same_things_is_compared_on_a_loose_link():
    # a long retelling that shares few words with the record but counts the same forces (1 Maccabees 6:30 and
    # 2 Maccabees 13:2, World English Bible, public domain; the second case keeps only the infantry)
    record = ("The number of his forces was one hundred thousand infantry, and twenty thousand cavalry, and "
              "thirty-two elephants trained for war.")
    retold = ("In the one hundred forty-ninth year, news was brought to Judas and his company that Antiochus Eupator "
              "was coming with multitudes against Judea, and with him Lysias his guardian and chancellor, each having "
              "a Greek force of one hundred ten thousand infantry, five thousand three hundred cavalry, twenty-two "
              "elephants, and three hundred chariots armed with scythes.")
    named = [c[3] for c in _labels(record, retold) if c[0] == "number"]
    assert len(named) == 3 and any("(100000)" in d and "(110000)" in d for d in named), named
    # one counted noun in common is no ground on such a loose link: the two may count different things
    retold_one = retold.replace("five thousand three hundred cavalry, twenty-two elephants, and ", "")
    record_one = record.replace(", and twenty thousand cavalry, and thirty-two elephants trained for war", "")
    assert [c for c in _labels(record_one, retold_one) if c[0] == "number"] == []


# --- a quote is checked against every record of the statement ------------------------------------------------------


def _doc(doc_id: str, kind: str, sentences: list[str]) -> tuple[Document, tuple[Unit, ...]]:
    text, units, pos = "", [], 0
    for k, s in enumerate(sentences):
        units.append(Unit(k, pos, pos + len(s), s))
        text += s + " "
        pos += len(s) + 1
    return Document(Source(doc_id, f"{doc_id}.txt", doc_id, kind=kind), f"c/{doc_id}.txt", text), tuple(units)


def _three_sources(press: str, transcript: str, readout: str) -> Corpus:
    docs = [_doc("press", "press", [press]), _doc("readout", "readout", [readout]), _doc("transcript", "transcript", [transcript])]
    texts = {d.id: u[0].text for d, u in docs}
    pairs = tuple(
        PairAlignment(a, b, (Link((0,), (0,), 0.9, edits=diff_words(texts[a], texts[b])),), 0.9)
        for a, b in [("press", "readout"), ("press", "transcript"), ("readout", "transcript")]
    )
    return Corpus(documents=tuple(d for d, _ in docs), units={d.id: u for d, u in docs}, pairs=pairs)


def _quotes(corpus: Corpus) -> dict[str, list[tuple[str, str, str]]]:
    return {p.b: [(c.a, c.b, c.detail) for lk in p.links for c in lk.changes if c.type == "quote"]
            for p in corpus.pairs if p.a == "press"}


SEED_PRESS_5 = ('"I am sure that we will get through these difficulties and acquire more competencies, more opportunities to '
                'feel independent, self-sufficient, and ultimately benefit, as it was in previous years," the Russian '
                'president said.')
SEED_READOUT_5 = ("But I am sure that we will deal with these difficulties and will acquire more competencies, more "
                  "opportunities to be self-reliant and independent. In the end, this will benefit us, as it was in previous "
                  'years," Vladimir Putin is convinced.')
SEED_TRANSCRIPT_5 = ("I am sure that we will get through the difficult period and, in fact, will gain more competencies, find "
                     "more ways to feel independent and self-sufficient, and will ultimately benefit, as it happened in the "
                     "previous years.")
SEED_PRESS_6 = ('"I will certainly inform you about the situation in Ukraine, and about how the negotiations that are being '
                "held on a daily basis.")
SEED_READOUT_6 = ('"I will certainly inform you about the situation with regard to Ukraine, first of all, about the '
                  "negotiations, which are held on an almost daily basis.")
SEED_TRANSCRIPT_6 = ("I will certainly update you on Ukrainian developments and, above all, the progress of the negotiations, "
                     "which are now being held almost on a daily basis.")


def test_a_quote_matching_either_translation_is_faithful():
    # the seed corpus's press quote has the Belarusian readout's words where the Kremlin's translation differs
    corpus = classify_corpus(_three_sources(SEED_PRESS_5, SEED_TRANSCRIPT_5, SEED_READOUT_5))
    assert _quotes(corpus) == {"readout": [], "transcript": []}
    wording = [c for p in corpus.pairs if (p.a, p.b) == ("press", "transcript") for lk in p.links for c in lk.changes]
    assert any("the words of readout" in c.detail for c in wording)
    # with the transcript alone, the same words are a quotation that differs from the record
    alone = _labels(SEED_PRESS_5, SEED_TRANSCRIPT_5, "press", "transcript", "press", "transcript")
    assert "quote" in _named(alone)


def test_a_word_dropped_from_both_translations_is_a_quote():
    quotes = _quotes(classify_corpus(_three_sources(SEED_PRESS_6, SEED_TRANSCRIPT_6, SEED_READOUT_6)))
    for record in ("readout", "transcript"):
        assert any("“almost” is in" in d and "checked against" in d for _, _, d in quotes[record]), quotes[record]
    # "update" (transcript) / "inform" (press and readout) is a translation difference, not a misquotation
    assert not any("inform" in a for a, _, _ in quotes["transcript"])


# --- on the seed corpus, with the real model ---------------------------------------------------------------------


def _seed_changes(corpus: Corpus, a: str, b: str, kind: str) -> list[tuple[str, str, str, str, str]]:
    out = []
    for p in corpus.pairs:
        if {p.a, p.b} != {a, b}:
            continue
        for lk in p.links:
            ta = " ".join(corpus.units[p.a][i].text for i in lk.a)
            tb = " ".join(corpus.units[p.b][j].text for j in lk.b)
            out += [(ta, tb, c.a, c.b, c.detail) for c in lk.changes if c.type == kind]
    return out


@pytest.mark.model
def test_seed_labels_of_issue_13(seed_corpus):
    quotes = _seed_changes(seed_corpus, "press", "transcript", "quote") + _seed_changes(seed_corpus, "press", "readout", "quote")
    # the five press quotes with the readout's words are no misquotation
    for words in ("inform", "opportunities", "was", "these difficulties"):
        assert not any(words in qa or words in qb for *_, qa, qb, _ in quotes), words
    # the dropped "almost" of "held on an almost daily basis" is named
    assert any("daily basis" in ta + tb and "“almost” is in" in d for ta, tb, _, _, d in quotes)
    # the right labels stay
    hedges = [x for pair in ("transcript", "readout") for x in _seed_changes(seed_corpus, "press", pair, "hedge")]
    said = " ".join(qa + qb + d for *_, qa, qb, d in hedges)
    assert "claimed" in said and "allege" in said and "special military operation" in said
    # "war" vs "economy": the aligner now keeps this pairing only as a possible counterpart (confidence about 0.4,
    # below the link threshold), so the label is checked on the two sentences themselves
    press = next(u.text for u in seed_corpus.units["press"] if "forget about the war" in u.text)
    record = next(u.text for u in seed_corpus.units["transcript"] if "people will forget this happened" in u.text)
    meaning = classify_link(diff_words(press, record), Side(press, "press", kind="press"),
                            Side(record, "transcript", kind="transcript"))
    assert any(c.type == "meaning" and "“war”" in c.detail and "“economy”" in c.detail for c in meaning), meaning
    loaded = _seed_changes(seed_corpus, "press", "transcript", "loaded_language")
    assert any("Western (policy)" in ta + tb and "beastly" in d for ta, tb, _, _, d in loaded)
    # "the same day" (press) / "six hours before the operation" (both records): a changed timing
    timing = [x for pair in ("transcript", "readout") for x in _seed_changes(seed_corpus, "press", pair, "number")]
    assert any("the same day" in d and "six hours before" in d for *_, d in timing)


def test_a_sentence_linked_to_nothing_is_named_once_though_its_neighbour_has_two_partners():
    # Daniel 2:44-45 against 2:34-35 (World English Bible, shortened): the retelling's sentence is linked to two
    # sentences of the record, and the words after it, which no record has, are one change, not one per link
    docs = [_doc("record", "readout", ["“The stone struck the image on its feet of iron and clay.",
                                       "Then the iron and the clay were broken in pieces together.”"]),
            _doc("retold", "other", ["“The stone was cut out of the mountain and broke in pieces the iron and the clay.",
                                     "The dream is certain, and its interpretation sure.”"])]
    texts = {d.id: [u.text for u in us] for d, us in docs}
    links = tuple(Link((k,), (0,), 0.8, edits=diff_words(texts["record"][k], texts["retold"][0])) for k in (0, 1))
    corpus = Corpus(documents=tuple(d for d, _ in docs), units={d.id: u for d, u in docs},
                    pairs=(PairAlignment("record", "retold", links, 0.8),))
    named = [c for lk in classify_corpus(corpus).pairs[0].links for c in lk.changes
             if c.type == "quote" and "linked to nothing" in c.detail]
    assert len(named) == 1 and "The dream is certain" in named[0].b, named
