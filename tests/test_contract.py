"""The output contract, the same for one event and many: top-level index.html and alignment.json, events listed."""

from __future__ import annotations

import json
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from compare.cli import cli
from compare.export import alignment_problems

from .conftest import CORPUS

FOUR = Path(__file__).parent / "data" / "four_articles"

pytestmark = pytest.mark.model


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _visible(path: Path) -> str:
    parser = _Text()
    parser.feed(path.read_text(encoding="utf-8"))
    return " ".join(" ".join(parser.text).split())


@pytest.fixture(scope="module")
def four_articles(tmp_path_factory: pytest.TempPathFactory) -> Path:
    corpus = tmp_path_factory.mktemp("four") / "corpus"
    corpus.mkdir()
    for p in sorted(FOUR.glob("*.txt")):
        shutil.copy(p, corpus / p.name)
    (corpus / "scan.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    return corpus


def _run(corpus: Path, out: Path, cache: Path, *extra: str) -> dict[str, object]:
    result = CliRunner().invoke(cli, ["run", str(corpus), "-o", str(out), "--cache-dir", str(cache), *extra])
    assert result.exit_code == 0, result.output
    data: dict[str, object] = json.loads((out / "alignment.json").read_text(encoding="utf-8"))
    for path in sorted(out.rglob("alignment.json")):  # every export of the run follows the published schema
        assert alignment_problems(json.loads(path.read_text(encoding="utf-8"))) == [], path
    return data


def test_four_articles_give_four_events_in_one_top_level_report(four_articles: Path, tmp_path: Path, session_cache: Path) -> None:
    out = tmp_path / "reports"
    data = _run(four_articles, out, session_cache, "--reference", "banksy-ele")
    docs = data["documents"]
    assert isinstance(docs, list) and len(docs) == 12
    events = data["events"]
    assert isinstance(events, list) and len(events) == 4
    by_article = {e["id"]: {d.split("-")[0] for d in e["documents"]} for e in events}
    assert sorted(len(a) for a in by_article.values()) == [1, 1, 1, 1]  # each event is one article's three levels
    assert all(len(e["documents"]) == 3 and e["folder"] == f"events/{e['id']}" for e in events)
    assert {d["id"]: d["event"] for d in docs} == {d: e["id"] for e in events for d in e["documents"]}
    refs = {e["documents"][0].split("-")[0]: e["reference"] for e in events}
    assert refs["banksy"] == "banksy-ele"  # --reference applies to the event that holds it
    assert refs["amazon"] == "amazon-adv" and refs["kenya"] == "kenya-adv"  # the others keep their default
    banksy = next(e for e in events if e["reference"] == "banksy-ele")
    assert "Reference: banksy-ele" in _visible(out / banksy["folder"] / "synopsis.html")
    sub = json.loads((out / banksy["folder"] / "alignment.json").read_text(encoding="utf-8"))
    assert [e["reference"] for e in sub["events"]] == ["banksy-ele"]
    index = _visible(out / "index.html")
    assert "Files not used" in index and "scan.txt" in index  # the binary file, in the top-level page
    for e in events:
        assert (out / e["folder"] / "index.html").is_file()
    # a second identical run over the same -o replaces the earlier report of this shape
    again = _run(four_articles, out, session_cache, "--reference", "banksy-ele")
    assert again == data


def test_one_event_report_has_the_same_contract(tmp_path: Path, session_cache: Path) -> None:
    out = tmp_path / "reports"
    data = _run(CORPUS, out, session_cache)
    (event,) = data["events"]
    assert event["folder"] is None and event["reference"] == "transcript"
    assert {d["id"]: d["event"] for d in data["documents"]} == {
        "press": event["id"], "readout": event["id"], "transcript": event["id"], "tv": event["id"], "forum": None}
    assert (out / "index.html").is_file()
    _run(CORPUS, out, session_cache)  # and a second run replaces it
