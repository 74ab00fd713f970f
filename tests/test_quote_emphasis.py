"""A quotation that differs from its record only in emphasis, notation or spelling is no altered quote; a changed
claim still is. Sentences written for these tests (news-like), not taken from a judged corpus."""

from __future__ import annotations

import pytest

from compare.classify.quantities import find_quantities

from .test_classify import _named, _quote_types


@pytest.mark.parametrize(
    "quoted, record",
    [
        # a booster swapped for another, added or dropped: the emphasis, not what was said
        ("“The results are extremely encouraging,” she said.", "“The results are highly encouraging,” she said."),
        ("“We are really proud of the whole team,” he said.", "“We are proud of the whole team,” he said."),
        ("“It was utter chaos at the border,” a driver said.", "“It was chaos at the border,” a driver said."),
        # one number in two notations, a unit abbreviated, a spoken spelling
        ("“We raised £3bn for the hospitals last year,” he said.", "“We raised £3 billion for the hospitals last year,” he said."),
        ("“About two dozen families lost their homes,” the mayor said.", "“About 24 families lost their homes,” the mayor said."),
        ("“The new park covers 40 sq km of forest,” she said.", "“The new park covers 40 square kilometres of forest,” she said."),
        ("“I left the meeting early cos I was tired,” he said.", "“I left the meeting early because I was tired,” he said."),
        # an emphatic frame dropped
        ("“The council never listened to us,” she said.", "“The truth is the council never listened to us,” she said."),
        # an emphasizer or a compromiser ("just", "pretty", "rather"), a connective phrase, a spoken spelling
        ("“I thought it was over,” he said.", "“I just thought it was over,” he said."),
        ("“The new bridge is cool,” one student said.", "“The new bridge is pretty cool,” one student said."),
        ("“It is a town, not just a village,” the mayor said.", "“It is a town, rather than just a village,” the mayor said."),
        ("“We sell bread and cakes,” she said.", "“We sell bread as well as cakes,” she said."),
        ("“They are going to win the final,” he said.", "“They're gonna win the final,” he said."),
        # a complex preposition for a simple one, a clipping, a name given in full, one emphasizer for another
        ("“We played under the new rules,” he said.", "“We played pursuant to the new rules,” he said."),
        ("“More people now smoke e-cigarettes than ever,” he said.", "“More people now smoke e-cigs than ever,” he said."),
        ("“I like Barack Obama a lot,” she said.", "“I like Obama a lot,” she said."),
        ("“It was exactly what we wanted,” she said.", "“It was precisely what we wanted,” she said."),
        # an acronym spelt out, one degree adverb for another before the same word, another tense of one verb
        ("“Students in higher education pay more,” he said.", "“Students in HE pay more,” he said."),
        ("“The staff are very reliant on tips,” she said.", "“The staff are heavily reliant on tips,” she said."),
        ("“He went to London for work,” she said.", "“He goes to London for work,” she said."),
        # a light verb that carries only the voice or the tense, a subordinator of one sense, an amount said two ways,
        # one word in another part of speech
        ("“The flats that they are building are too small,” she said.", "“The flats that are getting built are too small,” she said."),
        ("“I am proud of what I did,” the coach said.", "“I am proud of what I have done,” the coach said."),
        ("“When the rain stops, we will start again,” he said.", "“As soon as the rain stops, we will start again,” he said."),
        ("“To win the cup, we must train harder,” he said.", "“In order to win the cup, we must train harder,” he said."),
        ("“Voters disagreed with a lot of what he said,” she said.", "“Voters disagreed with much of what he said,” she said."),
        ("“The queue was much too long for us,” he said.", "“The queue was way too long for us,” he said."),
        ("“The robots share information through the senses,” she said.", "“The robots share sensory information,” she said."),
        ("“Almost every shop in the street has closed,” he said.", "“Virtually every shop in the street has closed,” he said."),
        ("“The plan is fairly new to us,” she said.", "“The plan is somewhat new to us,” she said."),
        ("“A large number of fans stayed home,” he said.", "“A lot of fans stayed home,” he said."),
        ("“Well over half of the nurses say they are tired,” she said.", "“More than half of the nurses say they are tired,” she said."),
        # a connective for another, a style disjunct or an expletive dropped, "ever" in "than ever before"
        ("“Instead, we will walk to school,” she said.", "“Rather, we will walk to school,” she said."),
        ("“I don't know anything about it,” he said.", "“I don't know a damn thing about it,” he said."),
        ("“We are busier than before,” she said.", "“We are busier than ever before,” she said."),
        ("“I was scared,” he said.", "“Honestly, I was scared,” he said."),
        # spacing only; the editor's words in square brackets inside the quotation
        ("“Runners train at 170% of their VO 2 max,” he said.", "“Runners train at 170% of their VO2 max,” he said."),
        ("“Then Mike [the man who built the boat] came in,” she said.", "“Then Mike [the engineer who built the boat] came in,” she said."),
        ("“Our impact on the economy is £80 million every year,” he said.", "“Our impact on the economy is £80m a year,” he said."),
    ],
)
def test_emphasis_notation_and_spelling_are_no_altered_quote(quoted, record):
    assert _quote_types(quoted, record) == []


@pytest.mark.parametrize(
    "quoted, record",
    [
        # an approximator changes the claim: "almost every week" is not "every week"
        ("“We meet every week to discuss the talks,” he said.", "“We meet almost every week to discuss the talks,” he said."),
        # a booster beside a changed word: the word is still named
        ("“The plan is extremely costly for the city,” he said.", "“The plan is extremely dangerous for the city,” he said."),
        # a hedge dropped is no degree: "potentially reliant" / "reliant"; another place, not an acronym
        ("“The staff are reliant on tips,” she said.", "“The staff are potentially reliant on tips,” she said."),
        ("“Students in schools pay more,” he said.", "“Students in higher education pay more,” he said."),
        # a reviewer's cases: a negated bound or amount, "once" as "formerly", a predicate, a change of state, two
        # nouns of one stem, words between two glosses, a bracketed name against another, "otherwise" as an adverb, a
        # manner adverb
        ("“No more than 50 people came,” he said.", "“Over 50 people came,” he said."),
        ("“Not many people came to the meeting in the town hall,” she said.",
         "“A lot of people came to the meeting in the town hall,” she said."),
        ("“The plan is not so much costly as slow,” he said.", "“The plan is costly and slow,” he said."),
        ("“He was once a player,” she said.", "“He was a player,” she said."),
        ("“The deal is done,” he said.", "“The deal is off,” he said."),
        ("“They are getting married,” she said.", "“They are married,” she said."),
        ("“Three hostages were freed,” he said.", "“Three hosts were freed,” he said."),
        ("“Then Mike [the man] stole the [car],” she said.", "“Then Mike found the car,” she said."),
        ("“Then [Biden] came in,” he said.", "“Then Obama came in,” he said."),
        ("“The evidence suggests otherwise,” she said.", "“The evidence suggests so,” she said."),
        ("“He did his job honestly,” she said.", "“He did his job,” she said."),
        # a comparator dropped changes the bound
        ("“Half of the nurses say they are tired,” she said.", "“More than half of the nurses say they are tired,” she said."),
        # a light verb with its object or its particle is the verb of what is said
        ("“If the tenant dies having a debt, the family pays,” he said.", "“If the tenant dies and leaves a debt, the family pays,” he said."),
        ("“We will get through these cuts together,” she said.", "“We will deal with these cuts together,” she said."),
        # another person of the same family name
        ("“I like Michelle Obama a lot,” she said.", "“I like Barack Obama a lot,” she said."),
        # another number, not another notation
        ("“We raised £3bn for the hospitals last year,” he said.", "“We raised £2 billion for the hospitals last year,” he said."),
    ],
)
def test_a_changed_claim_inside_the_quotation_is_still_named(quoted, record):
    assert {"quote", "number"} & set(_quote_types(quoted, record))


def test_dozens_are_counted():
    assert [q.value for q in find_quantities("two dozen children and a dozen eggs")] == [24.0, 12.0]


def test_claim_heading_a_noun_phrase_is_no_distancing():
    a = "He arrived in 2013 and is still waiting for his asylum claim to be processed by the court."
    b = "He arrived in 2013 and is still waiting for the court to decide whether he can stay."
    assert not [c for c in _named(a, b, a_kind="press", b_kind="readout") if c[0] == "hedge"]


def test_single_quotes_that_name_words_quoted_before_are_no_scare_quotes():
    a = "One reader asked “Do your burgers contain pink slime?” – ‘pink slime’ is a filler made from beef scraps."
    b = "One reader asked “Do your burgers contain pink slime?”, meaning a filler made from beef scraps."
    assert not [c for c in _named(a, b, a_kind="press", b_kind="readout") if c[0] == "hedge"]


def test_truly_before_an_adjective_is_degree_and_before_a_clause_certainty():
    grateful = _named("“I am grateful to the nurses,” she said.", "“I am truly grateful to the nurses,” she said.",
                      a_kind="press", b_kind="readout")
    assert not [c for c in grateful if c[0] in ("hedge", "quote")]
    vouched = _named("“This will change the law,” she said.", "“Truly, this will change the law,” she said.",
                     a_kind="press", b_kind="readout")
    assert [c for c in vouched if c[0] in ("hedge", "quote")]


def test_general_nouns_and_truly_after_a_linking_verb():
    # "his naked corpse" / "his naked body": a general noun for the same thing; "the murder" / "the parking matter" is not
    assert not [c for c in _named("“It suggests his naked body was brought back,” she said.",
                                  "“It suggests his naked corpse was brought back,” she said.", a_kind="press",
                                  b_kind="transcript") if c[0] == "meaning"]
    assert [c for c in _named("Police are investigating the parking matter in the town.",
                              "Police are investigating the murder in the town.", a_kind="press", b_kind="transcript")
            if c[0] == "meaning"]
    # "goes truly mainstream" grades; "she is truly president" vouches
    assert not [c for c in _named("Is this when streaming goes mainstream?", "Is this when streaming goes truly mainstream?",
                                  a_kind="press", b_kind="readout") if c[0] == "hedge"]
    assert [c for c in _named("Now she is president of the club.", "Now she is truly president of the club.",
                              a_kind="press", b_kind="readout") if c[0] == "hedge"]
