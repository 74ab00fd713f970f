from __future__ import annotations

import pytest

from compare.read import read_corpus
from compare.records import Document, Source
from compare.segment import split_sentences, split_units

from .conftest import CORPUS


def _doc(text: str, kind: str = "other") -> Document:
    return Document(source=Source(id="d", file="d.txt", title="d", kind=kind), path="c/d.txt", text=text)


@pytest.fixture(scope="module")
def seeds() -> dict[str, tuple]:
    docs, _ = read_corpus(CORPUS)
    return {d.id: (d, split_units(d, min_section=6)) for d in docs}


def test_offsets_exact_and_ids_in_order(seeds):
    for doc, units in seeds.values():
        assert [u.id for u in units] == list(range(len(units)))
        for u in units:
            assert doc.text[u.start : u.end] == u.text
        starts = [u.start for u in units]
        assert starts == sorted(starts)


def test_every_non_space_character_in_exactly_one_unit(seeds):
    for doc, units in seeds.values():
        owner = [0] * len(doc.text)
        for u in units:
            for k in range(u.start, u.end):
                owner[k] += 1
        assert max(owner) == 1, doc.id
        lost = [ch for ch, n in zip(doc.text, owner) if n == 0 and not ch.isspace()]
        assert lost == [], doc.id


def test_furniture_is_set_aside_with_reasons(seeds):
    _, units = seeds["transcript"]
    reasons = {u.text: u.set_aside for u in units if u.set_aside}
    assert reasons["Events"] == "page furniture: navigation label"
    assert reasons["2 of 4"] == "page furniture: photo gallery counter"
    assert reasons["Geography"] == "page furniture: navigation label"
    assert reasons["Publication status"] == "page furniture: publication metadata"
    assert reasons["14:20"] == "dateline: time"
    _, readout = seeds["readout"]
    assert [u.set_aside for u in readout if u.text in ("- 6", "- 2")] == ["scraper noise: list marker with a number"] * 2
    _, forum = seeds["forum"]
    assert forum[-2].text == "Leave a Reply" and forum[-2].set_aside == "page furniture: comment form"
    _, press = seeds["press"]
    assert press[0].text == "date 2022-03-11" and press[0].set_aside == "metadata header: date"
    assert press[1].text.startswith("Amid the ongoing war") and press[1].set_aside is None


def test_speaker_label_broken_across_lines(seeds):
    _, units = seeds["transcript"]
    label = next(u for u in units if u.text.startswith("President of Belarus Alexander Lukashenko\n"))
    assert label.set_aside == "speaker label: Alexander Lukashenko"
    after = units[label.id + 1]
    assert after.text == "More than at the presidential elections, by the way, by 1.5 percent."
    assert after.speaker == "Alexander Lukashenko"


def test_speaker_turns_carry_over_in_transcript(seeds):
    _, units = seeds["transcript"]
    by_text = {u.text: u for u in units}
    assert by_text["However, we are already used to this, pardon my language, beastly Western behaviour."].speaker == "Alexander Lukashenko"
    assert by_text["Thank you for coming."].speaker == "Vladimir Putin"
    # the Security Council transcript: "Defence Minister Sergei Shoigu" / ": Mr President," is one label
    assert by_text["We are proceeding as planned, as we have been reporting to you every day this week."].speaker == "Sergei Shoigu"


def test_press_headline_label_does_not_run_on(seeds):
    _, units = seeds["tv"]
    by_text = {u.text: u for u in units}
    assert by_text["sanctions are a time of opportunity."].speaker == "Lukashenko"
    later = next(u for u in units if u.text.startswith("And since the sanctions are for a long time"))
    assert later.speaker is None


def test_not_a_speaker_label():
    units = split_units(_doc("According to Aleksandr Lukashenko, sanctions are a time of opportunities. He said so."))
    assert all(u.set_aside is None and u.speaker is None for u in units)
    assert [u.text for u in units] == ["According to Aleksandr Lukashenko, sanctions are a time of opportunities.", "He said so."]


def test_sentences_inside_quotes_are_split():
    text = "He said: “You and I are in touch. As if we expected it. Why piggery?” he asked. Mr. Putin agreed."
    got = [text[s:e] for s, e in split_sentences(text)]
    assert got == ["He said: “You and I are in touch.", "As if we expected it.", "Why piggery?” he asked.", "Mr. Putin agreed."]


def test_line_broken_list_is_one_sentence(seeds):
    _, units = seeds["transcript"]
    taking = next(u for u in units if u.text.startswith("Taking part in the meeting"))
    assert taking.text.endswith("Sergei Ivanov\n.")


def test_stray_closing_quote_joins_its_sentence(seeds):
    _, units = seeds["forum"]
    assert not any(u.text.strip() in {"”", "\""} for u in units)


def test_security_council_is_its_own_section(seeds):
    _, units = seeds["transcript"]
    beastly = next(u for u in units if "beastly Western" in u.text)
    shoigu = next(u for u in units if u.text.startswith("We are proceeding as planned"))
    title = next(u for u in units if u.text == "Meeting with President of Belarus Alexander Lukashenko")
    assert beastly.section != shoigu.section
    assert title.section == beastly.section  # the short header joins the text it introduces


def test_empty_and_whitespace():
    assert split_sentences("") == []
    assert split_sentences("  \n ") == []
    assert split_units(_doc("   \n\n  ")) == ()


def test_a_long_paragraph_is_cut_at_sentence_ends_and_keeps_exact_offsets():
    sentence = "The presidents met in Moscow on Friday and talked about sanctions for hours. "
    text = sentence * 400  # one paragraph of 31,000 characters: pysbd alone slows down sharply on such
    bounds = split_sentences(text)
    assert [text[s:e] for s, e in bounds] == [sentence.strip()] * 400


def test_control_characters_are_white_space_to_the_segmenter_and_kept_in_the_text():
    text = "Intro\x1c3. Something here.\x1f4. And more.\x00 Done."
    units = split_units(_doc(text))
    assert all(text[u.start : u.end] == u.text for u in units)
    assert "".join(ch for u in units for ch in u.text if not ch.isspace()) == "".join(ch for ch in text if not ch.isspace())


@pytest.mark.parametrize("doc", ["press", "transcript"])
@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_windows_and_old_mac_line_breaks_make_the_same_paragraphs(seeds, newline, doc):
    # a seed text as a Windows (CRLF) or classic Mac OS (CR only) file: the same units, at offsets of its own text
    text = seeds[doc][0].text
    other = _doc(text.replace("\n", newline))
    units, lf_units = split_units(other), split_units(_doc(text))
    def seen(us):  # a unit over two lines holds that file's own line break
        return [(" ".join(u.text.split()), u.set_aside, u.speaker) for u in us]

    assert seen(units) == seen(lf_units)
    assert all(other.text[u.start:u.end] == u.text for u in units)


def test_a_lower_case_word_that_pysbd_lists_as_an_abbreviation_ends_a_quoted_sentence():
    # pysbd lists "me" (Maine), "ill", "is", "may" ... as abbreviations; inside « » quotations only their capitalised
    # form is one, while "etc." and a title ("Gen.", "Mr.") still do not end a sentence.
    text = "He said: «Give it to me.» So they did. «Ask Gen. Smith, who is ill. Mr. Brown is not.» She left."
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "He said: «Give it to me.»", "So they did.", "«Ask Gen. Smith, who is ill.", "Mr. Brown is not.»", "She left."]
