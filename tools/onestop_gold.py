"""Load and check the hand-made OneStopEnglish sentence-alignment gold (``tests/data/onestop_gold.json``).

Stdlib only (no model). The gold links sentences of eight OneStopEnglish articles across their three reading
levels (advanced, intermediate, elementary); the linking policy is the file's ``description``. Each link names
two exact substrings, one per level, that occur exactly once in their files; the loader turns them into
half-open character spans of the files' text as decoded with ``utf-8-sig`` (a leading BOM is not counted).

Check the file (every text found exactly once, all three level pairs present, held-out flags as in
``tools/splits.py``) and print the links per article and level pair::

    python tools/onestop_gold.py --check
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

try:
    from .splits import onestop_heldout
except ImportError:  # run as a script: python tools/onestop_gold.py
    from splits import onestop_heldout  # type: ignore[no-redef]

__all__ = [
    "DEFAULT_GOLD",
    "LEVELS",
    "PAIRS",
    "OneStopArticle",
    "OneStopGoldError",
    "OneStopLink",
    "OneStopUnmatched",
    "load_onestop_gold",
]

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_GOLD = ROOT / "tests" / "data" / "onestop_gold.json"
LEVELS = ("adv", "int", "ele")
"""Reading levels, most advanced first."""
PAIRS = (("adv", "int"), ("adv", "ele"), ("int", "ele"))
"""The level pairs every article covers; ``a`` is the more advanced level."""

Span = tuple[int, int]


class OneStopGoldError(ValueError):
    """The gold file is malformed: the message names the article, the level and the text at fault."""


@dataclass(frozen=True)
class OneStopLink:
    """Two passages, at two reading levels of one article, that report the same statement."""

    a: str
    """The more advanced level (``adv`` or ``int``)."""
    b: str
    """The simpler level (``int`` or ``ele``)."""
    a_text: str
    b_text: str
    a_span: Span
    """Half-open character span of ``a_text`` in the ``a`` file's text."""
    b_span: Span
    """Half-open character span of ``b_text`` in the ``b`` file's text."""
    note: str = ""


@dataclass(frozen=True)
class OneStopUnmatched:
    """A sentence with no counterpart at the other level of ``pair`` (``None``: at neither other level)."""

    level: str
    text: str
    span: Span
    pair: tuple[str, str] | None = None


@dataclass(frozen=True)
class OneStopArticle:
    """One article: its three files, their texts, and the gold links of its three level pairs."""

    name: str
    """Article name as in the corpus (``"Japan menu"``)."""
    heldout: bool
    """Whether ``tools/splits.py`` holds the article out (never tune on it; only score)."""
    files: dict[str, Path]
    """Level -> file path."""
    texts: dict[str, str]
    """Level -> file text decoded with ``utf-8-sig``."""
    links: tuple[OneStopLink, ...]
    unmatched: tuple[OneStopUnmatched, ...] = ()

    def pair_links(self, a: str, b: str) -> list[OneStopLink]:
        """Return the links between levels ``a`` and ``b`` (``a`` the more advanced)."""
        return [link for link in self.links if (link.a, link.b) == (a, b)]


def _locate(text: str, substring: str, where: str) -> Span:
    if not substring.strip():
        raise OneStopGoldError(f"{where}: empty text")
    start = text.find(substring)
    if start < 0:
        raise OneStopGoldError(f"{where}: text not found in the file: {substring!r}")
    if text.find(substring, start + 1) >= 0:
        raise OneStopGoldError(f"{where}: text occurs more than once in the file; lengthen it until it is unique: {substring!r}")
    return start, start + len(substring)


def _read_text(path: Path, where: str) -> str:
    try:
        return path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise OneStopGoldError(f"{where}: file {path} does not exist") from None
    except UnicodeDecodeError as exc:
        raise OneStopGoldError(f"{where}: file {path} is not UTF-8 ({exc}); use another article") from None


def _article(item: dict[str, object], root: Path) -> OneStopArticle:
    name = item.get("name")
    if not isinstance(name, str) or not name:
        raise OneStopGoldError(f"article without a name: {item!r:.80}")
    heldout = item.get("heldout")
    if heldout is not onestop_heldout(name):
        raise OneStopGoldError(f"article {name!r}: heldout is {heldout!r} but tools/splits.py says {onestop_heldout(name)}")
    files_raw = item.get("files")
    if not isinstance(files_raw, dict) or set(files_raw) != set(LEVELS):
        raise OneStopGoldError(f"article {name!r}: 'files' must name exactly the levels {LEVELS}")
    files = {level: root / str(files_raw[level]) for level in LEVELS}
    texts = {level: _read_text(files[level], f"article {name!r}, level {level}") for level in LEVELS}
    links: list[OneStopLink] = []
    for k, raw in enumerate(item.get("links") or []):  # type: ignore[attr-defined]
        a, b = raw.get("a"), raw.get("b")
        if (a, b) not in PAIRS:
            raise OneStopGoldError(f"article {name!r}, link {k}: levels ({a!r}, {b!r}) are not one of {PAIRS}")
        a_text, b_text = raw.get("a_text", ""), raw.get("b_text", "")
        a_span = _locate(texts[a], a_text, f"article {name!r}, link {k}, level {a}")
        b_span = _locate(texts[b], b_text, f"article {name!r}, link {k}, level {b}")
        links.append(OneStopLink(a, b, a_text, b_text, a_span, b_span, raw.get("note", "")))
    for a, b in PAIRS:
        if not any((link.a, link.b) == (a, b) for link in links):
            raise OneStopGoldError(f"article {name!r}: no links for the level pair {a}-{b}")
    seen = Counter((link.a, link.b, link.a_span, link.b_span) for link in links)
    doubled = [key for key, n in seen.items() if n > 1]
    if doubled:
        raise OneStopGoldError(f"article {name!r}: the same link appears twice: {doubled[0]}")
    unmatched: list[OneStopUnmatched] = []
    for k, raw in enumerate(item.get("unmatched") or []):  # type: ignore[attr-defined]
        level = raw.get("level")
        if level not in LEVELS:
            raise OneStopGoldError(f"article {name!r}, unmatched {k}: unknown level {level!r}")
        pair_raw = raw.get("pair")
        pair = tuple(pair_raw.split("-")) if isinstance(pair_raw, str) else None
        if pair is not None and (pair not in PAIRS or level not in pair):
            raise OneStopGoldError(f"article {name!r}, unmatched {k}: pair {pair_raw!r} does not contain level {level!r}")
        span = _locate(texts[level], raw.get("text", ""), f"article {name!r}, unmatched {k}, level {level}")
        unmatched.append(OneStopUnmatched(level, raw["text"], span, pair))  # type: ignore[arg-type]
    for u in unmatched:
        for link in links:
            if u.pair is not None and (link.a, link.b) != u.pair:
                continue
            own = link.a_span if link.a == u.level else link.b_span if link.b == u.level else None
            if own is not None and own[0] < u.span[1] and u.span[0] < own[1]:
                raise OneStopGoldError(f"article {name!r}: {u.text!r} is listed as unmatched ({u.level}) but is linked")
    return OneStopArticle(name, bool(heldout), files, texts, tuple(links), tuple(unmatched))


def load_onestop_gold(path: Path = DEFAULT_GOLD, root: Path = ROOT) -> list[OneStopArticle]:
    """Read the gold file and return its articles with every link located as character spans.

    File paths in the gold are relative to ``root`` (the repository root). Raises ``OneStopGoldError`` naming
    the article, level and text when a text is missing from its file or occurs more than once, when a level pair
    has no links, or when an article's ``heldout`` flag disagrees with ``tools/splits.py``.
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise OneStopGoldError(f"{path}: cannot read the gold file ({exc})") from None
    articles = [_article(item, root) for item in data.get("articles", [])]
    names = Counter(article.name for article in articles)
    if any(n > 1 for n in names.values()):
        raise OneStopGoldError(f"{path}: an article appears twice: {[k for k, n in names.items() if n > 1]}")
    return articles


def main(argv: list[str] | None = None) -> int:
    """Validate the gold file and print links per article and level pair."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="validate the gold file and print link counts")
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    args = parser.parse_args(argv)
    if not args.check:
        parser.print_help()
        return 2
    try:
        articles = load_onestop_gold(args.gold)
    except OneStopGoldError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    totals: Counter[str] = Counter()
    print(f"{'article':<24}{'held-out':>9}" + "".join(f"{a + '-' + b:>8}" for a, b in PAIRS) + f"{'unmatched':>11}")
    for article in articles:
        counts = [len(article.pair_links(a, b)) for a, b in PAIRS]
        for (a, b), n in zip(PAIRS, counts):
            totals[f"{a}-{b}"] += n
        print(f"{article.name:<24}{'yes' if article.heldout else 'no':>9}" + "".join(f"{n:>8}" for n in counts) + f"{len(article.unmatched):>11}")
    print(f"{'total':<24}{'':>9}" + "".join(f"{totals[f'{a}-{b}']:>8}" for a, b in PAIRS) + f"{sum(len(x.unmatched) for x in articles):>11}")
    print(f"ok: {len(articles)} articles ({sum(x.heldout for x in articles)} held out), {sum(len(x.links) for x in articles)} links")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
