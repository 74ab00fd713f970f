"""Build scale corpora with known truth from real text: events retold by several outlets, plus unrelated texts.

Each event is one Aesop fable of the GNAT data (``data/gnat_aesop``): telling A is the wire story, and an
"outlet" retells it with sentences dropped, moved, merged, numbers changed, and sentences reworded with
real paraphrase: the sentence of the fable's independent telling B that the GNAT annotators linked to that
A sentence alone. Unrelated documents are fables not used as events and passages of the seed corpus's
transcript. Every generated sentence remembers which A sentences it came from (its origins); two sentences
of two outlets of one event are truly linked when their origins meet. Everything follows from the seed.

    python -m tools.generate 1000 /tmp/scale --seed 1 --outlets 9   # -> /tmp/scale/corpus, /tmp/scale/truth.json
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from compare.read import read_corpus
from compare.segment import split_units

from .evaluate import Score, load_gnat

__all__ = ["Story", "GeneratedDocument", "GeneratedCorpus", "generate_corpus", "load_stories", "score_against_truth",
           "sentence_pool", "write_corpus"]

ROOT = Path(__file__).resolve().parent.parent  # the repository: tools/ sits beside data/ and corpus/
GNAT_DIR = ROOT / "data" / "gnat_aesop"
SEED_TRANSCRIPT = ROOT / "corpus" / "002_4770bb945dcefbd3.txt"

_NUMBER_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                 "twenty", "hundred"]
_NUMBER = re.compile(r"\b(\d+|" + "|".join(_NUMBER_WORDS) + r")\b", re.IGNORECASE)


@dataclass(frozen=True)
class Story:
    """One event's source text and its real paraphrases."""

    name: str
    """The fable's name in GNAT (``lionMouse``), or ``transcript-N`` for a seed passage."""
    sentences: tuple[str, ...]
    """Sentences of telling A, as the annotators split them."""
    paraphrase: dict[int, str]
    """A sentence index -> the telling-B sentence linked to that A sentence alone."""


@dataclass(frozen=True)
class GeneratedDocument:
    """One generated source and where each of its sentences came from."""

    id: str
    """Source id (also the file name without ``.txt``)."""
    event: str
    """Story name; unrelated documents have an event of their own."""
    text: str
    """The file's text: one sentence per paragraph."""
    spans: tuple[tuple[int, int], ...]
    """(start, end) of each generated sentence in ``text``."""
    origins: tuple[frozenset[int], ...]
    """A-sentence indices each generated sentence reports."""


@dataclass(frozen=True)
class GeneratedCorpus:
    """Documents plus the settings that made them."""

    documents: tuple[GeneratedDocument, ...]
    seed: int
    outlets: int

    def true_pairs(self) -> set[tuple[str, int, str, int]]:
        """Return every truly linked sentence pair as (doc a, sentence, doc b, sentence), a < b by id."""
        by_event: dict[str, list[GeneratedDocument]] = {}
        for d in self.documents:
            by_event.setdefault(d.event, []).append(d)
        gold = set()
        for docs in by_event.values():
            docs.sort(key=lambda d: d.id)
            for x, da in enumerate(docs):
                for db in docs[x + 1 :]:
                    gold.update((da.id, i, db.id, j) for i, oa in enumerate(da.origins)
                                for j, ob in enumerate(db.origins) if oa & ob)
        return gold


def load_stories(folder: Path = GNAT_DIR) -> list[Story]:
    """Return one story per distinct GNAT fable (its first file by name; the unnamed Sheet files are left out)."""
    stories: dict[str, Story] = {}
    for pair in load_gnat(folder):
        name = pair.name.split("_")[0]
        if name.startswith("Sheet") or name in stories:
            continue
        targets = [j for _, j in pair.links]
        a = [_clean(t) for t in pair.a]
        kept = {i: k for k, i in enumerate(i for i, t in enumerate(a) if t)}  # old A index -> index without empties
        para = {kept[i]: _clean(pair.b[j]) for i, j in pair.links if targets.count(j) == 1 and i in kept and _clean(pair.b[j])}
        stories[name] = Story(name, tuple(t for t in a if t), para)
    return [stories[k] for k in sorted(stories)]


def _clean(text: str) -> str:
    """Drop the GNAT texts' italics marks (underscores) and collapse whitespace."""
    return " ".join(text.replace("_", " ").split())


def _seed_passages(size: int = 6) -> list[Story]:

    docs, _ = read_corpus(SEED_TRANSCRIPT.parent)
    doc = next(d for d in docs if d.path.endswith(SEED_TRANSCRIPT.name))
    sents = [" ".join(u.text.split()) for u in split_units(doc) if u.is_sentence and len(u.text.split()) >= 4]
    return [Story(f"transcript-{k // size}", tuple(sents[k : k + size]), {}) for k in range(0, len(sents) - size + 1, size)]


def _change_number(text: str, rng: random.Random) -> str:
    def repl(m: re.Match[str]) -> str:
        word = m.group(0)
        if word.isdigit():
            return str(max(1, int(word) + rng.choice([-3, -2, -1, 1, 2, 5, 10])))
        other = rng.choice([w for w in _NUMBER_WORDS if w != word.lower()])
        return other.capitalize() if word[0].isupper() else other

    return _NUMBER.sub(repl, text, count=1)


def _merge(a: str, b: str) -> str:
    head = a.rstrip().rstrip(".!?;:")
    tail = b[0].lower() + b[1:] if len(b) > 1 and b[1].islower() and not b.startswith("I ") else b
    return f"{head}, and {tail}"


def _retell(story: Story, rng: random.Random, rates: dict[str, float]) -> list[tuple[str, frozenset[int]]]:
    """Return an outlet's sentences with their origins."""
    out = []
    for i, text in enumerate(story.sentences):
        if i in story.paraphrase and rng.random() < rates["reword"]:
            text = story.paraphrase[i]
        if _NUMBER.search(text) and rng.random() < rates["number"]:
            text = _change_number(text, rng)
        out.append((text, frozenset({i})))
    kept = [s for s in out if rng.random() >= rates["drop"]]
    out = kept if len(kept) >= min(3, len(out)) else out
    merged: list[tuple[str, frozenset[int]]] = []
    for s in out:
        if merged and rng.random() < rates["merge"] and len(merged[-1][1]) == 1:
            prev = merged.pop()
            s = (_merge(prev[0], s[0]), prev[1] | s[1])
        merged.append(s)
    if len(merged) > 2 and rng.random() < rates["move"]:
        moved = merged.pop(rng.randrange(len(merged)))
        merged.insert(rng.randrange(len(merged) + 1), moved)
    return merged


def _document(doc_id: str, event: str, sentences: Sequence[tuple[str, frozenset[int]]]) -> GeneratedDocument:
    text, spans = "", []
    for s, _ in sentences:
        spans.append((len(text), len(text) + len(s)))
        text += s + "\n\n"
    return GeneratedDocument(doc_id, event, text, tuple(spans), tuple(o for _, o in sentences))


def generate_corpus(
    n_docs: int,
    *,
    seed: int = 0,
    outlets: int = 9,
    unrelated_share: float = 0.03,
    rates: dict[str, float] | None = None,
) -> GeneratedCorpus:
    """Return ``n_docs`` documents: events of ``outlets`` retellings each, and about ``unrelated_share`` unrelated ones."""
    rates = {"reword": 0.25, "number": 0.5, "drop": 0.12, "merge": 0.12, "move": 0.4, **(rates or {})}
    rng = random.Random(seed)
    stories = load_stories()
    rng.shuffle(stories)
    n_unrelated = max(1, round(n_docs * unrelated_share)) if n_docs > outlets else 0
    n_events = math.ceil((n_docs - n_unrelated) / outlets)
    if n_events > len(stories):
        raise ValueError(f"{n_docs} documents with {outlets} outlets need {n_events} events; there are "
                         f"{len(stories)} stories. Raise --outlets to at least {math.ceil(n_docs / len(stories))}.")
    spare = stories[n_events:] + _seed_passages()
    n_unrelated = min(n_unrelated, len(spare), n_docs - n_events)
    sizes = [len(range(e, n_docs - n_unrelated, n_events)) for e in range(n_events)]
    planned: list[tuple[str, list[tuple[str, frozenset[int]]]]] = []
    for e, story in enumerate(stories[:n_events]):
        told: set[tuple[str, ...]] = set()
        for o in range(sizes[e]):
            # Two outlets telling a story word for word alike would be one text twice (the reader rejects the copy).
            for attempt in range(50):
                key = f"{seed}:{story.name}:{o}" + (f":{attempt}" if attempt else "")
                sentences = _retell(story, random.Random(key), rates)
                if tuple(t for t, _ in sentences) not in told:
                    break
            told.add(tuple(t for t, _ in sentences))
            planned.append((story.name, sentences))
    for story in spare[:n_unrelated]:
        planned.append((f"unrelated:{story.name}", [(s, frozenset({i})) for i, s in enumerate(story.sentences)]))
    rng.shuffle(planned)
    docs = tuple(_document(f"d{k:05d}", event, sents) for k, (event, sents) in enumerate(planned))
    return GeneratedCorpus(docs, seed, outlets)


def write_corpus(gen: GeneratedCorpus, corpus_dir: Path, truth_path: Path) -> None:
    """Write one ``.txt`` per document and ``sources.toml`` into ``corpus_dir``, and the truth as JSON."""
    corpus_dir.mkdir(parents=True, exist_ok=True)
    manifest = []
    for d in gen.documents:
        (corpus_dir / f"{d.id}.txt").write_text(d.text, encoding="utf-8")
        manifest.append(f'[[source]]\nfile = "{d.id}.txt"\nid = "{d.id}"\ntitle = "Story {d.id}"\nkind = "press"\n')
    (corpus_dir / "sources.toml").write_text("\n".join(manifest), encoding="utf-8")
    truth = {
        "seed": gen.seed,
        "outlets": gen.outlets,
        "documents": [{"id": d.id, "event": d.event, "spans": d.spans, "origins": [sorted(o) for o in d.origins]}
                      for d in gen.documents],
    }
    truth_path.write_text(json.dumps(truth, indent=1), encoding="utf-8")


def read_truth(path: Path) -> GeneratedCorpus:
    """Read a truth file written by ``write_corpus`` (texts are not kept there)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    docs = tuple(GeneratedDocument(d["id"], d["event"], "", tuple(map(tuple, d["spans"])),
                                   tuple(frozenset(o) for o in d["origins"])) for d in data["documents"])
    return GeneratedCorpus(docs, data["seed"], data["outlets"])


def score_against_truth(corpus, gen: GeneratedCorpus) -> Score:  # type: ignore[no-untyped-def]
    """Score a run's links (a ``compare.records.Corpus``) as generated-sentence pairs against the truth."""
    spans = {d.id: d.spans for d in gen.documents}

    def sentence_of(doc_id: str, unit_id: int) -> int | None:
        u = corpus.units[doc_id][unit_id]
        return next((k for k, (s, e) in enumerate(spans[doc_id]) if s <= u.start < e), None)

    predicted = set()
    for pair in corpus.pairs:
        for lk in pair.links:
            for ua in lk.a:
                for ub in lk.b:
                    sa, sb = sentence_of(pair.a, ua), sentence_of(pair.b, ub)
                    if sa is None or sb is None:
                        continue
                    predicted.add((pair.a, sa, pair.b, sb) if pair.a < pair.b else (pair.b, sb, pair.a, sa))
    gold = gen.true_pairs()
    tp = len(predicted & gold)
    return Score(tp=tp, fp=len(predicted) - tp, fn=len(gold) - tp)


def sentence_pool(n: int, *, seed: int = 0) -> list[str]:
    """Return ``n`` distinct real-looking sentences: every GNAT sentence, then edited variants of them."""
    base: list[str] = []
    for pair in load_gnat(GNAT_DIR):
        base.extend(" ".join(s.split()) for s in (*pair.a, *pair.b))
    base = sorted(set(s for s in base if s))
    rng = random.Random(seed)
    seen: dict[str, None] = dict.fromkeys(base)
    while len(seen) < n:
        words = rng.choice(base).split()
        if len(words) > 3:
            k = rng.randrange(len(words) - 1)
            if rng.random() < 0.5:
                words[k], words[k + 1] = words[k + 1], words[k]
            else:
                del words[k]
        words.append(rng.choice(_NUMBER_WORDS)) if rng.random() < 0.3 else None
        seen.setdefault(" ".join(words), None)
    return list(seen)[:n]


def _main(argv: Iterable[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Write a generated corpus and its truth.")
    parser.add_argument("documents", type=int)
    parser.add_argument("out", type=Path, help="folder to create: OUT/corpus and OUT/truth.json")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--outlets", type=int, default=9)
    args = parser.parse_args(list(argv) if argv is not None else None)
    gen = generate_corpus(args.documents, seed=args.seed, outlets=args.outlets)
    write_corpus(gen, args.out / "corpus", args.out / "truth.json")
    print(args.out / "corpus")


if __name__ == "__main__":
    _main()
