"""The OneStopEnglish alignment gold is well-formed (pure: no model)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tools.onestop_gold import DEFAULT_GOLD, PAIRS, OneStopGoldError, load_onestop_gold
from tools.splits import ONESTOP_DIR, onestop_heldout

ROOT = Path(__file__).resolve().parent.parent


def test_check_command_passes() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "onestop_gold.py"), "--check"], capture_output=True, text=True, cwd=ROOT
    )
    assert result.returncode == 0, result.stderr
    assert "ok: " in result.stdout


def test_spans_point_at_the_texts() -> None:
    articles = load_onestop_gold()
    assert len(articles) >= 2
    for article in articles:
        for a, b in PAIRS:
            assert article.pair_links(a, b), (article.name, a, b)
        for link in article.links:
            assert article.texts[link.a][slice(*link.a_span)] == link.a_text
            assert article.texts[link.b][slice(*link.b_span)] == link.b_text
        for u in article.unmatched:
            assert article.texts[u.level][slice(*u.span)] == u.text


def test_held_out_part_and_copies() -> None:
    articles = load_onestop_gold()
    assert any(a.heldout for a in articles) and any(not a.heldout for a in articles)
    for article in articles:
        assert article.heldout is onestop_heldout(article.name)
        for level, path in article.files.items():
            assert path.name == f"{article.name}-{level}.txt"
            original = ONESTOP_DIR / level / path.name
            if original.is_file():  # the shared copy beside the checkout, when present
                assert path.read_bytes() == original.read_bytes(), path


def _broken(tmp_path: Path, change: str) -> Path:
    data = json.loads(DEFAULT_GOLD.read_text(encoding="utf-8"))
    article = data["articles"][0]
    if change == "missing":
        article["links"][0]["a_text"] += " (not in the file)"
    elif change == "repeated":
        article["links"][0]["b_text"] = "."
    elif change == "heldout":
        article["heldout"] = not article["heldout"]
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize(("change", "message"), [("missing", "not found"), ("repeated", "more than once"), ("heldout", "splits.py")])
def test_bad_gold_is_refused(tmp_path: Path, change: str, message: str) -> None:
    with pytest.raises(OneStopGoldError, match=message):
        load_onestop_gold(_broken(tmp_path, change))
