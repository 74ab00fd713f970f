"""A press rewrite against its record: hedges, numbers and key nouns that say the same thing are no change; the real
changes beside them still are. The mechanisms behind the false claims of ``tests/data/written_press`` (judged fresh
at 38aa243); sentences written for these tests (news-like), not taken from a judged corpus."""

from __future__ import annotations

import pytest

from compare.classify.quantities import find_quantities

from .test_classify import _named


def _types(press: str, record: str) -> list[str]:
    return [t for t, _, _ in _named(press, record, a_kind="press", b_kind="readout")]


@pytest.mark.parametrize(
    "press, record",
    [
        # a hedge dropped with the aside it qualified: the press never tells that claim, so no certainty changed
        ("The council has received offers for hundreds of empty shops in the town centre.",
         "The council has received offers (each reportedly above £50,000) for hundreds of empty shops in the town centre."),
        ("The club has signed three players from the academy this summer.",
         "The club has signed three players – allegedly for a record fee – from the academy this summer."),
        # the record hedges with a passive verb of saying or thinking: a hedge word in the press keeps that distance
        ("The ship reportedly sank off the coast in a storm in 1871.",
         "The ship was believed to have sunk off the coast in a storm in 1871."),
        ("The painting is reportedly worth more than the house it hangs in.",
         "The painting is thought to be worth more than the house it hangs in."),
        # the record quotes the same term: scare quotes in the press keep the record's own distance
        ("Doctors hail spooky step towards the 'bionic pancreas' for children",
         "Doctors have tested a device on young patients in a major step towards what its makers call the world’s first "
         "“bionic pancreas”."),
        ("Doctors hail spooky step towards the 'bionic pancreas' for children",
         "Doctors have tested a device on young patients in a major step towards the world’s first 'bionic pancreas'."),
        # a certainty word swapped for its synonym of the same certainty
        ("“We must wait until we are convinced by the tests,” she said.",
         "“We must wait until we are persuaded by the tests,” she said."),
    ],
)
def test_no_hedge(press, record):
    assert "hedge" not in _types(press, record), _named(press, record, a_kind="press", b_kind="readout")


@pytest.mark.parametrize(
    "press, record",
    [
        # a hedge on a claim the press tells is still named, inside an aside or not
        ("The council has received offers (each reportedly above £50,000) for hundreds of empty shops.",
         "The council has received offers (each above £50,000) for hundreds of empty shops."),
        ("The ship reportedly sank off the coast in a storm in 1871.", "The ship sank off the coast in a storm in 1871."),
        # scare quotes around words the record says plainly
        ("Doctors hail spooky step towards the 'bionic pancreas' for children",
         "Doctors have tested a device on young patients in a major step towards the world’s first bionic pancreas."),
    ],
)
def test_hedge_still_named(press, record):
    assert "hedge" in _types(press, record)


@pytest.mark.parametrize(
    "press, record",
    [
        # a bound or an approximator that holds the other side's exact figure
        ("The survey counted more than 8,000 nesting birds on the island.",
         "The survey counted 8,214 nesting birds on the island."),
        ("The town, home to fewer than half a million people, voted to close the airport.",
         "The town, home to barely 480,000 people, voted to close the airport."),
        ("Some 300 workers lost their jobs when the plant closed.", "312 workers lost their jobs when the plant closed."),
        ("The region has under a quarter of a million residents.", "The region has 240,000 residents."),
    ],
)
def test_no_number_change(press, record):
    assert "number" not in _types(press, record), _named(press, record, a_kind="press", b_kind="readout")


@pytest.mark.parametrize(
    "press, record",
    [
        # two exact figures, a bound that does not hold the figure, the same bound on two figures
        ("The survey counted 8,000 nesting birds on the island.", "The survey counted 8,214 nesting birds on the island."),
        ("The survey counted more than 9,000 nesting birds on the island.",
         "The survey counted 8,214 nesting birds on the island."),
        ("The park has more than twenty climbing routes.", "The park has more than a dozen climbing routes."),
        ("The region has a third of a million residents.", "The region has 240,000 residents."),
    ],
)
def test_number_change_still_named(press, record):
    assert "number" in _types(press, record)


def test_a_fraction_of_a_scale_is_read_whole():
    assert [q.value for q in find_quantities("fewer than a third of a million people")] == pytest.approx([1e6 / 3])
    assert [q.value for q in find_quantities("a quarter of a billion dollars")][:1] == pytest.approx([2.5e8])


def test_a_part_of_a_compound_is_no_key_noun():
    # "price-killers" are discount shops, not killers: a compound is one thing, its charged part no key noun
    press = "Analysts said savvy firms grew stronger, while newcomers have changed what shoppers expect."
    record = "Analysts said savvy firms grew stronger. New price- killers like the discount chains have changed what shoppers expect."
    assert "meaning" not in _types(press, record)
    # a charged noun standing alone is still a key noun swapped
    record = "Analysts said savvy firms grew stronger. New killers like the discount chains have changed what shoppers expect."
    assert "meaning" in _types(press, record)


# --- the nineteenth round: the mechanisms behind written_press2's labels that were not right --------------------------


@pytest.mark.parametrize(
    "press, record",
    [
        # the record says the claim is believed in error: a distancing word in the press keeps (at least) that distance
        ("Nor does the new diet supposedly cure back pain, as its sellers say.",
         "Nor should people be fooled into thinking the new diet cures back pain, as its sellers say."),
        ("Many drivers wrongly believe that the new bridge is free to cross.",
         "Many drivers claim that the new bridge is free to cross."),
        ("Staff hearing so many parents mistake a cold for the flu may stop taking care.",
         "Staff hearing so many parents claiming their children have the flu may stop taking care."),
    ],
)
def test_no_hedge_against_a_belief_in_error(press, record):
    assert "hedge" not in _types(press, record), _named(press, record, a_kind="press", b_kind="readout")


def test_a_boosted_comparative_is_emphasis_only():
    assert _types("“Drivers may be far less careful at night,” she said.",
                  "“Drivers may be less careful at night,” she said.") == []
    assert _types("“The new trains are much more comfortable,” he said.",
                  "“The new trains are more comfortable,” he said.") == []
    # the comparative itself changed is still named
    assert "quote" in _types("“Drivers may be far more careful at night,” she said.",
                             "“Drivers may be far less careful at night,” she said.")


def test_a_figure_of_the_sentence_before_is_no_number_change():
    # the press sentence gives the count of the record's sentence before the linked one: its year belongs there
    from compare.classify.numbers import number_pairs

    press = "A larger survey of 410 farms in 2016 found the same."
    record = "Smaller surveys in 2014 found the same, though one of them looked at just 12 farms."
    before = "The largest survey so far, of 410 farms in 2018, found no effect."
    assert number_pairs(press, record, "", before)[0] == []
    # without that sentence around, the two years of one survey are set against each other
    assert [(p.text, q.text) for p, q in number_pairs("A survey of farms in 2016 found the same.",
                                                       "A survey of farms in 2014 found the same.")[0]] == [("2016", "2014")]


# --- the twentieth round: the mechanisms behind written_press3's labels that were not right ---------------------------


@pytest.mark.parametrize(
    "press, record",
    [
        # the record withholds its word in other terms: an inference, a noun of doubt, a view given to others
        ("The minister, who had reportedly been warned, left the hall early.",
         "The minister, who must have been warned, left the hall early."),
        ("On the way down the brakes of the lorry seemed to fail.",
         "On the way down there was some concern that the brakes of the lorry were failing."),
        ("Critics allege that the clubs sell tickets mainly to tourists.",
         "There is anger, too, with the suggestion that the clubs could sell tickets mainly to tourists."),
        ("By 18 the supposedly idle student is set to work best at noon.",
         "By 18 someone you may think of as an idle student actually works best at noon."),
        # "so-called" before a quoted term names it; against the term in quotation marks it keeps the same distance
        ("The council has ruled out so-called “rolling closures” of every school in the area.",
         "The council has ruled out rolling closures, closing every school in the area."),
        ("The much-hyped \"top five\" players were picked by fans, not coaches.",
         "The club publicised a so-called top-five players, picked by fans rather than by coaches."),
        # one emphasis word for another is no change of certainty
        ("“It is the first show that has truly caught on with children,” he said.",
         "“It is the first show that has really caught on with children,” he said."),
    ],
)
def test_no_hedge_against_a_word_withheld_otherwise(press, record):
    assert "hedge" not in _types(press, record), _named(press, record, a_kind="press", b_kind="readout")


@pytest.mark.parametrize(
    "press, record",
    [
        # the record states it plainly: the press's word of distance or doubt is still named
        ("The minister, who had reportedly been warned, left the hall early.",
         "The minister, who had been warned, left the hall early."),
        ("Critics allege that the clubs sell tickets mainly to tourists.",
         "The clubs sell tickets mainly to tourists."),
        ("The council has ruled out so-called rolling closures of every school in the area.",
         "The council has ruled out rolling closures of every school in the area."),
    ],
)
def test_hedge_against_a_plain_record_still_named(press, record):
    assert "hedge" in _types(press, record)


def test_a_judging_verb_against_a_word_of_distance_is_no_loaded_language():
    press = "And he says the touted 5,000 members in fact numbered just 310."
    record = "He also reported that the supposed 5,000 members in fact numbered 310."
    assert "loaded_language" not in _types(press, record)


def test_not_nearly_is_emphasis_only():
    assert _types("“It does not nearly go far enough,” she said.", "“It does not go far enough,” she said.") == []
    # "nearly" without a negation is an approximator: still named
    assert "quote" in _types("“We nearly lost the match,” she said.", "“We lost the match,” she said.")


def test_a_frame_of_doubt_withholds_only_its_own_claim():
    # the record's "fears that" is about another claim than the one the press distances itself from
    press = "The firm joined the list despite having supposedly been barred by two governments over spying fears."
    record = "The firm joined the list. It has been barred by two governments due to fears that its phones could be used for spying."
    assert "hedge" in _types(press, record)
    # two inferences of different strength are still a change of certainty
    assert "hedge" in _types("In 2015 the judge found “clear evidence … that there must have been abuse of prisoners”.",
                             "The judge said in 2015 that there was “clear evidence … that there may have been abuse of prisoners ”.")


# --- the twenty-first round: the mechanisms behind written_press4's labels that were not right -------------------------


@pytest.mark.parametrize(
    "press, record",
    [
        # the record hedges in other words: "it is understood", "is estimated at", "seemed to"
        ("The coach reportedly told the squad in the dressing room on Monday.",
         "It is understood he told the squad in the dressing room on Monday morning."),
        ("The cost of the repairs is reportedly £40m, more than the bridge itself.",
         "The cost of the repairs is estimated at £40m, more than the bridge itself."),
        ("A long report on the town's schools supposedly proved that small classes help.",
         "The long report on the town's schools seemed to prove that small classes help."),
        # the word of distance qualifies a clause the press leaves out: no certainty changed on what both tell
        ("“Our bank does not sell its customers' data,” the firm said.",
         "From time to time, people claim that we sell data to advertisers, but our bank does not sell its customers' data."),
        ("But the schools that replied all denied knowing about it.",
         "Although the leaflet claims the scheme is run with the help of the schools, all those that replied denied knowing about it."),
    ],
)
def test_no_hedge_twenty_first_round(press, record):
    assert "hedge" not in _types(press, record), _named(press, record, a_kind="press", b_kind="readout")


def test_a_claim_before_but_is_still_told():
    assert "hedge" in _types("The new tram reportedly costs too much for the city, but the mayor denies it.",
                             "The new tram costs too much for the city, but the mayor denies it.")


def test_a_unit_and_a_half_is_read_whole():
    assert [q.value for q in find_quantities("about a year and a half ago")] == pytest.approx([547.5])
    assert "number" in _types("“It's two hours since the race,” she said.", "“It's an hour and a half since the race,” she said.")
    assert "number" not in _types("“It's 90 minutes since the race,” she said.", "“It's an hour and a half since the race,” she said.")


# --- the twenty-second round: written_press5's false claims ---------------------------------------------------------


def test_a_cut_marked_with_an_ellipsis_is_no_altered_quote():
    assert _types("“There is no reason to close the north road … during the winter,” he said.",
                  "“There is no reason to close the north road, or even the bridge, during the winter,” he said.") == []
    # words in place of the cut are still named
    assert "quote" in _types("“There is no reason to close the north road or the tunnel during the winter,” he said.",
                             "“There is no reason to close the north road, or even the bridge, during the winter,” he said.")


def test_a_bound_on_how_long_before_holds_the_figure():
    from compare.classify.numbers import number_pairs

    assert number_pairs("The plan was filed 14 months before the bridge opened.",
                        "The plan was filed more than a year before the bridge opened.")[0] == []
    assert number_pairs("The plan was filed 14 months before the bridge opened.",
                        "The plan was filed more than two years before the bridge opened.")[0] != []


def test_a_word_of_distance_before_an_adjective_qualifies_the_adjective():
    # the press never calls the square famous: no certainty about what both say has changed
    assert "hedge" not in _types("The council ranks the square as the busiest in the city.",
                                 "Shops are empty around the supposedly famous square that the council ranks as the second busiest in the city.")
    assert "hedge" in _types("Shops are empty around the supposedly famous square.", "Shops are empty around the famous square.")


# --- the twenty-third round: written_press6 -----------------------------------------------------------------------


def test_a_speech_tag_read_inside_an_unclosed_quotation_is_no_quoted_word():
    # the record never closes the quotation before "said Hale": the tag is not the speaker's words
    assert _types("“I like working with the birds in the early morning,” said Hale.",
                  "“I like working with the birds in the early morning, said Hale. They are calm then.") == []


def test_a_connective_phrase_dropped_is_no_altered_quote():
    assert _types("“It was cheap. It took us six years to build,” she said.",
                  "“It was cheap. On the other hand, it took us six years to build,” she said.") == []
    assert "quote" in _types("“It was cheap. It took us many years to build,” she said.",
                             "“It was cheap. On the other hand, it took us six years to build,” she said.")
