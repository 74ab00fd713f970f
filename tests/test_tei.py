"""alignment.tei.xml: well-formed TEI P5, one <s> per sentence, one <link> per link, every target resolving to an <s>."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from lxml import etree

from compare.export import alignment_json, alignment_tei
from compare.export.tei import EXT_NS, TEI_NS
from compare.records import Source

from .test_export import hand_corpus

NS = {"t": TEI_NS, "x": EXT_NS}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
RNG = Path(__file__).parent / "data" / "tei" / "tei_all.rng"


def _parse(text: str) -> etree._Element:
    return etree.fromstring(text.encode("utf-8"))


def _check_against_json(root: etree._Element, data: dict) -> None:
    """The acceptance checks: TEI namespace, an <s> per sentence, a <link> per JSON link, every target an <s>."""
    assert root.tag == f"{{{TEI_NS}}}teiCorpus"
    assert len(root.findall("t:TEI", NS)) == len(data["documents"])
    ids = {el.get(XML_ID): el for el in root.iter() if el.get(XML_ID) is not None}
    for doc in data["documents"]:
        tei = ids[doc["id"]] if doc["id"] in ids else None
        assert tei is not None and tei.tag == f"{{{TEI_NS}}}TEI"
        sentences = [u for u in doc["units"] if u["status"] != "set_aside"]
        found = tei.findall(".//t:body//t:s", NS)
        assert [(s.text, s.get(f"{{{EXT_NS}}}start"), s.get(f"{{{EXT_NS}}}end")) for s in found] == [
            (u["text"].replace("\x0c", "\ufffd"), str(u["start"]), str(u["end"])) for u in sentences]
        asides = tei.findall(".//t:body//t:seg[@type='set_aside']", NS)
        assert [a.text for a in asides] == [u["text"].replace("\x0c", "\ufffd") for u in doc["units"]
                                             if u["status"] == "set_aside"]
    links = root.findall(".//t:linkGrp[@type='alignment']/t:link", NS)
    assert len(links) == len(root.findall(".//t:link", NS)) == sum(len(p["links"]) for p in data["pairs"])
    for link in links:
        targets = link.get("target").split()
        assert len(targets) >= 2 and all(t.startswith("#") and ids[t[1:]].tag == f"{{{TEI_NS}}}s" for t in targets)
        for ref in (link.get("ana") or "").split():
            assert ids[ref[1:]].tag == f"{{{TEI_NS}}}category"


def test_hand_corpus_tei_matches_its_json() -> None:
    corpus = hand_corpus()
    root = _parse(alignment_tei(corpus))
    _check_against_json(root, json.loads(alignment_json(corpus)))
    first = root.find(".//t:linkGrp[@corresp='#transcript #readout']/t:link", NS)
    assert first is not None
    assert first.attrib == {"type": "alignment", "target": "#transcript.2 #readout.0", f"{{{EXT_NS}}}score": "0.6200",
                            "cert": "0.9000", "ana": "#change.loaded_language #change.wording", f"{{{EXT_NS}}}checked": "true"}
    added = root.findall(".//t:linkGrp[@corresp='#transcript #readout']/t:link", NS)[1]
    assert added.get("target") == "#transcript.3 #readout.1 #readout.2" and added.get("cert") is None
    assert added.get(f"{{{EXT_NS}}}added") == "true"
    # set-aside text is kept, marked, with its reason in the header's taxonomy
    menu = root.find(".//t:seg[@type='set_aside']", NS)
    assert menu is not None and menu.text == "Events"
    reason = root.find(f".//t:category[@{{http://www.w3.org/XML/1998/namespace}}id='{menu.get('ana')[1:]}']/t:catDesc", NS)
    assert reason is not None and reason.text == "page furniture: navigation label"
    # metadata in each source's header; flags and a teacher's note kept; markup in text stays text
    header = root.find("t:TEI[@{http://www.w3.org/XML/1998/namespace}id='forum']/t:teiHeader", NS)
    assert header is not None and header.findtext(".//t:titleStmt/t:title", namespaces=NS) == "The forum"
    assert header.find(".//t:notesStmt/t:note[@type='unrelated']", NS) is not None
    assert header.findtext(".//t:publicationStmt/t:date[@when='2022-03-11']", namespaces=NS) == "2022-03-11"
    note = root.find(".//t:back/t:note[@type='teacher']", NS)
    assert note is not None and note.text == "Ask: <b>why</b> 'piggery'?" and note.get("target") == "#readout.0"
    assert root.find(".//t:s[.='<b>&amp;</b>']", NS) is not None


def test_ab_text_is_the_document_text_and_xml_ids_are_safe() -> None:
    corpus = hand_corpus()
    odd = replace(corpus.documents[3], source=replace(corpus.documents[3].source, id="1 forum/x"))
    docs = (*corpus.documents[:3], odd)
    corpus = replace(corpus, documents=docs, units={**{k: v for k, v in corpus.units.items() if k != "forum"},
                                                     "1 forum/x": corpus.units["forum"]}, flags={}, events=())
    root = _parse(alignment_tei(corpus))
    assert root.find("t:TEI[@{http://www.w3.org/XML/1998/namespace}id='_1_forum_x']", NS) is not None
    transcript = root.find("t:TEI[@{http://www.w3.org/XML/1998/namespace}id='transcript']", NS)
    assert transcript is not None
    text = corpus.documents[0].text
    for ab in transcript.findall(".//t:ab", NS):
        spans = ab.findall("*")
        start, end = int(spans[0].get(f"{{{EXT_NS}}}start")), int(spans[-1].get(f"{{{EXT_NS}}}end"))
        assert "".join(ab.itertext()) == text[start:end].replace("\x0c", "\ufffd")


def test_an_empty_or_odd_source_still_gives_well_formed_tei() -> None:
    corpus = hand_corpus()
    src = Source("x", "x.txt", "Title with <tags> & \x07 bell", language="not a tag", date="last spring")
    corpus = replace(corpus, documents=(*corpus.documents, replace(corpus.documents[0], source=src, text="")),
                     units={**corpus.units, "x": ()})
    root = _parse(alignment_tei(corpus))
    tei = root.find("t:TEI[@{http://www.w3.org/XML/1998/namespace}id='x']", NS)
    assert tei is not None and tei.findtext(".//t:titleStmt/t:title", namespaces=NS) == "Title with <tags> & \ufffd bell"
    assert tei.find(".//t:publicationStmt/t:date", NS).get("when") is None


def _strip_extension(root: etree._Element) -> etree._Element:
    for el in root.iter():
        for key in [k for k in el.attrib if k.startswith(f"{{{EXT_NS}}}")]:
            del el.attrib[key]
    etree.cleanup_namespaces(root)
    return root


@pytest.mark.model
def test_seed_corpus_tei(seed_corpus) -> None:
    root = _parse(alignment_tei(seed_corpus))
    _check_against_json(root, json.loads(alignment_json(seed_corpus)))
    loaded = root.findall(".//t:link[@ana]", NS)
    assert any("#change.loaded_language" in lk.get("ana").split() for lk in loaded)


@pytest.mark.model  # not the model, but ~15-40 s to compile tei_all: kept out of the quick pure run
def test_valid_against_tei_all_once_the_extension_attributes_are_stripped(seed_corpus) -> None:
    schema = etree.RelaxNG(etree.parse(str(RNG)))
    for corpus in (hand_corpus(), seed_corpus):
        root = _strip_extension(_parse(alignment_tei(corpus)))
        assert schema.validate(root), str(schema.error_log)
        assert root.find(".//t:link", NS) is not None
