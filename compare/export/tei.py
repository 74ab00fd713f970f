"""A Corpus as TEI P5 (``alignment.tei.xml``): a ``teiCorpus`` with one ``TEI`` per source, sentences as ``<s>``, links as ``<link>``.

Shape (every element in the TEI namespace; offsets, scores and the link flags in the extension namespace ``EXT_NS``,
since TEI has no attribute for them; stripped of those attributes the file is valid against ``tei_all``):

- the corpus header declares the model (``appInfo``), two taxonomies (``change-types``: one ``category`` per change type
  with its rule; ``set-aside``: one per reason text is set aside) and says how the file is encoded;
- each source is ``<TEI xml:id="DOC">`` with its metadata in the header (title, outlet, date, file, kind, language, flags
  as ``notesStmt/note``), its units in text order inside ``<div type="section" n="…"><ab>``: a sentence is
  ``<s xml:id="DOC.N" n="N" ext:start ext:end>``, set-aside text ``<seg type="set_aside" ana="#set-aside.K">`` (kept, with
  its reason); the whitespace between units is kept, so each ``ab``'s text is the document's text over that stretch;
- the links of each pair are a ``<linkGrp type="alignment" corresp="#A #B">`` in the ``back`` of document a, one
  ``<link target="#A.i … #B.j …" cert="confidence" ana="#change.TYPE …" ext:score>`` per link (a's units first);
  a teacher's notes are ``<note type="teacher" target="#DOC.N">`` there too.

Characters that XML 1.0 forbids (form feeds from PDF text layers, other control characters) become U+FFFD, one for one,
so the offsets still index the document's text.
"""

from __future__ import annotations

import re
from importlib.metadata import PackageNotFoundError, version

from lxml import etree

from ..classify import CHANGE_TYPES, FLAG_TYPES
from ..records import Corpus, Document, Link, Unit
from .table import change_types

__all__ = ["EXT_NS", "TEI_NS", "alignment_tei", "xml_ids"]

TEI_NS = "http://www.tei-c.org/ns/1.0"
EXT_NS = "urn:x-compare:tei:1"
"""Namespace of the attributes TEI has none for: ``start``/``end`` (offsets), ``score``, ``related``, ``checked``, ``added``."""
_XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_ILLEGAL = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_NCNAME_BAD = re.compile(r"[^A-Za-z0-9_.\-]")
_ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_RESERVED = {"change-types", "set-aside"}
_LANG = re.compile(r"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$")


def _t(tag: str) -> str:
    return f"{{{TEI_NS}}}{tag}"


def _x(name: str) -> str:
    return f"{{{EXT_NS}}}{name}"


def _clean(text: str) -> str:
    return _ILLEGAL.sub("\ufffd", text)


def _el(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    el = etree.SubElement(parent, _t(tag), {k: v for k, v in attrs.items()})
    if text is not None:
        el.text = _clean(text)
    return el


def xml_ids(corpus: Corpus) -> dict[str, str]:
    """Return each document id's ``xml:id`` in the TEI file: the id itself when it is an XML name, else a safe, unique form."""
    out: dict[str, str] = {}
    used: set[str] = set()
    for doc in corpus.documents:
        base = _NCNAME_BAD.sub("_", doc.id)
        if not re.match(r"[A-Za-z_]", base):
            base = "_" + base
        name, n = base, 2
        while name in used or name in _RESERVED or name.startswith(("change.", "set-aside.", "pair.")):
            name, n = f"{base}_{n}", n + 1
        used.add(name)
        out[doc.id] = name
    return out


def _app_version() -> str:
    try:
        return version("compare")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0"


def _corpus_header(root: etree._Element, corpus: Corpus, reasons: dict[str, str]) -> None:
    header = _el(root, "teiHeader")
    fd = _el(header, "fileDesc")
    _el(_el(fd, "titleStmt"), "title", f"Sentence alignment of {len(corpus.documents)} sources")
    _el(_el(fd, "publicationStmt"), "p", "Written by compare (alignment.tei.xml); the same alignment as alignment.json "
        "(schema compare.alignment/1).")
    _el(_el(fd, "sourceDesc"), "p", "The usable documents of the corpus folder: " + ", ".join(d.path for d in corpus.documents))
    enc = _el(header, "encodingDesc")
    app = _el(_el(enc, "appInfo"), "application", ident="compare", version=_app_version())
    _el(app, "label", "compare")
    _el(app, "desc", f"Sentences encoded with {corpus.model_name or 'an unnamed model'}"
        + (f" (weights SHA-256 {corpus.model_sha256})" if corpus.model_sha256 else "") + ".")
    _el(enc, "p", f"Each s is a sentence, each seg of type set_aside text kept out of the alignment (its reason in @ana); "
        f"ext:start and ext:end (ext: {EXT_NS}) give a unit's character offsets in the source's decoded text. Each link joins the "
        f"sentences of two sources that report the same statement (a's first): @cert is its calibrated confidence, "
        f"ext:score the cosine similarity of the sentences, @ana its named changes.")
    cls = _el(enc, "classDecl")
    tax = _el(cls, "taxonomy", **{_XML_ID: "change-types"})
    for name, rule in CHANGE_TYPES.items():
        _el(_el(tax, "category", **{_XML_ID: f"change.{name}"}), "catDesc", f"{name}: {rule}")
    if reasons:
        aside = _el(cls, "taxonomy", **{_XML_ID: "set-aside"})
        for reason, ref in reasons.items():
            _el(_el(aside, "category", **{_XML_ID: ref}), "catDesc", reason)


def _source_header(tei: etree._Element, corpus: Corpus, doc: Document) -> None:
    src = doc.source
    header = _el(tei, "teiHeader")
    fd = _el(header, "fileDesc")
    _el(_el(fd, "titleStmt"), "title", src.title)
    pub = _el(fd, "publicationStmt")
    _el(pub, "publisher", src.outlet or "unknown")
    date_attrs = {"when": src.date} if _ISO_DATE.match(src.date) else {}
    if src.date:
        _el(pub, "date", src.date, **date_attrs)
    _el(pub, "idno", doc.path, type="path")
    flags = corpus.flags.get(doc.id, ())
    if flags:
        notes = _el(fd, "notesStmt")
        for f in flags:
            _el(notes, "note", f.detail, type=f.type, **{_x("start"): str(f.start), _x("end"): str(f.end)})
    bibl = _el(_el(fd, "sourceDesc"), "bibl")
    _el(bibl, "title", src.title)
    if src.outlet:
        _el(bibl, "publisher", src.outlet)
    if src.date:
        _el(bibl, "date", src.date, **date_attrs)
    _el(bibl, "idno", doc.path, type="path")
    _el(bibl, "note", f"read as {doc.format}, {doc.encoding}", type="format")
    for key, value in src.extra:
        _el(bibl, "note", value, type=_NCNAME_BAD.sub("_", key) or "extra")
    profile = _el(header, "profileDesc")
    if _LANG.match(src.language):
        _el(_el(profile, "langUsage"), "language", src.language, ident=src.language)
    keywords = _el(_el(profile, "textClass"), "keywords")
    _el(keywords, "term", src.kind, type="kind")
    flag_rules = [t for t in FLAG_TYPES if any(f.type == t for f in flags)]
    for t in flag_rules:
        _el(keywords, "term", t, type="flag")


def _unit(ab: etree._Element, u: Unit, doc_xml: str, reasons: dict[str, str]) -> etree._Element:
    offsets = {_x("start"): str(u.start), _x("end"): str(u.end)}
    if u.set_aside is None:
        el = _el(ab, "s", u.text, **{_XML_ID: f"{doc_xml}.{u.id}", "n": str(u.id), **offsets})
    else:
        el = _el(ab, "seg", u.text, **{_XML_ID: f"{doc_xml}.{u.id}", "n": str(u.id), "type": "set_aside",
                                      "ana": "#" + reasons[u.set_aside], **offsets})
    return el


def _body(tei: etree._Element, corpus: Corpus, doc: Document, doc_xml: str, reasons: dict[str, str]) -> etree._Element:
    text = _el(tei, "text", **({_XML_LANG: doc.source.language} if _LANG.match(doc.source.language) else {}))
    body = _el(text, "body")
    units = corpus.units.get(doc.id, ())
    if not units:
        _el(_el(body, "div", type="section", n="0"), "ab")
        return text
    ab: etree._Element | None = None
    section: int | None = None
    prev: etree._Element | None = None
    prev_end = 0
    for u in units:
        if ab is None or u.section != section:
            section = u.section
            ab = _el(_el(body, "div", type="section", n=str(section)), "ab")
            prev = None
        elif prev is not None:
            prev.tail = _clean(doc.text[prev_end:u.start])
        prev = _unit(ab, u, doc_xml, reasons)
        if u.speaker:
            prev.set(_x("speaker"), _clean(u.speaker))
        prev_end = u.end
    return text


def _link(parent: etree._Element, lk: Link, a_xml: str, b_xml: str) -> None:
    attrs = {
        "type": "alignment",
        "target": " ".join([f"#{a_xml}.{i}" for i in lk.a] + [f"#{b_xml}.{j}" for j in lk.b]),
        _x("score"): f"{lk.score:.4f}",
    }
    if lk.confidence is not None:
        attrs["cert"] = f"{lk.confidence:.4f}"
    kinds = change_types(lk)
    if kinds:
        attrs["ana"] = " ".join(f"#change.{t}" for t in kinds)
    if lk.checked:
        attrs[_x("checked")] = "true"
    if lk.added:
        attrs[_x("added")] = "true"
    _el(parent, "link", **attrs)


def _indent(root: etree._Element) -> None:
    """Put each structural element on its own line; the text inside ``ab`` (units and the space between) is left exact."""
    for el in root.iter(etree.Element):
        local = etree.QName(el).localname
        if local in ("s", "seg"):
            continue
        if local != "ab" and len(el) and el.text is None:
            el.text = "\n"
        if el.tail is None and el is not root:
            el.tail = "\n"


def alignment_tei(corpus: Corpus) -> str:
    """Return ``alignment.tei.xml`` (UTF-8 text, stable across runs): the sources, their sentences and every link, as TEI P5."""
    ids = xml_ids(corpus)
    reasons = {r: f"set-aside.{k}" for k, r in enumerate(sorted({u.set_aside for us in corpus.units.values()
                                                                  for u in us if u.set_aside is not None}), 1)}
    root = etree.Element(_t("teiCorpus"), nsmap={None: TEI_NS, "ext": EXT_NS})
    _corpus_header(root, corpus, reasons)
    notes: dict[str, list[tuple[str, int, str]]] = {}
    known = {d.id for d in corpus.documents}
    n_units = {d: len(us) for d, us in corpus.units.items()}
    for n in corpus.annotations.notes:
        if n.source in known and n.unit < n_units.get(n.source, 0):
            notes.setdefault(n.source, []).append(("teacher", n.unit, n.text))
    for source, unit in corpus.annotations.starred:
        if source in known and unit < n_units.get(source, 0):
            notes.setdefault(source, []).append(("starred", unit, "starred"))
    for doc in corpus.documents:
        tei = _el(root, "TEI", **{_XML_ID: ids[doc.id]})
        _source_header(tei, corpus, doc)
        text = _body(tei, corpus, doc, ids[doc.id], reasons)
        pairs = [p for p in corpus.pairs if p.a == doc.id and p.links]
        doc_notes = notes.get(doc.id, [])
        if not pairs and not doc_notes:
            continue
        back = _el(text, "back")
        for p in pairs:
            grp = _el(back, "linkGrp", **{"type": "alignment", _XML_ID: f"pair.{ids[p.a]}--{ids[p.b]}",
                                          "corresp": f"#{ids[p.a]} #{ids[p.b]}", _x("related"): f"{p.related:.4f}"})
            for lk in p.links:
                _link(grp, lk, ids[p.a], ids[p.b])
        for kind, unit, note in doc_notes:
            _el(back, "note", note, type=kind, target=f"#{ids[doc.id]}.{unit}")
    _indent(root)
    body = str(etree.tostring(root, encoding="unicode"))
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"
