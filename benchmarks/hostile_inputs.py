"""Run `compare run` (the CLI, through click's CliRunner) on folders of real texts mutated as a hostile user would.

Each case is a folder built from real passages (the seed corpus, tests/data/kings, the GNAT fables) with one kind of
damage: quotation marks unbalanced, nested, curly, straight, « » and „ “, a quotation opened and never closed,
quotes only, a paragraph with no full stops, a one-word document, 200 near-duplicates, odd quantities, RTL, CJK,
emoji, zero-width and combining characters, CRLF and lone CR, a BOM, control characters, whitespace and one word,
one sentence 500 times, a 5,000-word sentence, manifests with odd kinds or missing files. For each case, twice:

- the exit status is 0 or 1 (never a traceback, never an exception escaping the CLI); on 1 the message is one
  CompareError line;
- on 0, alignment.json (and events.json when written) passes the published schema and its cross-field checks;
- every non-whitespace character of each used text file lies in exactly one unit (``text == decoded[start:end]``);
- the two runs write byte-identical files (``--processes``: in two child processes of different PYTHONHASHSEED).

Prints one line per case and a summary; exits 1 when any case fails.

    HF_HUB_OFFLINE=1 .venv/bin/python benchmarks/hostile_inputs.py [--cache-dir DIR] [--only NAME ...]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from click.testing import CliRunner  # noqa: E402

from compare.cli import cli  # noqa: E402
from compare.export.schema import alignment_problems, events_problems  # noqa: E402

KINGS = ROOT / "tests" / "data" / "kings"
GNAT = Path("/work/shared/data/gnat_aesop/csv")
if not GNAT.is_dir():
    GNAT = ROOT / "data" / "gnat_aesop" / "csv"

Files = dict[str, bytes]


def _kings(name: str = "ammonite_war") -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((KINGS / name).glob("*.txt"))]


def _seed(k: int) -> str:
    return sorted((ROOT / "corpus").glob("*.txt"))[k].read_text(encoding="utf-8")


def _fable(stem: str = "assDriver") -> list[str]:
    path = next(p for p in sorted(GNAT.glob("*.csv")) if p.name.startswith(stem))
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    head = rows[0]
    cols = [head.index("sent1"), head.index("sent2")]
    sides: list[list[str]] = [[], []]
    for row in rows[1:]:
        for k, col in enumerate(cols):
            if col < len(row) and row[col].strip():
                sides[k].append(row[col].strip())
    return [" ".join(s) for s in sides]


def _txt(texts: list[str]) -> Files:
    return {f"doc{k}.txt": t.encode("utf-8") for k, t in enumerate(texts)}


def _map_paragraphs(text: str, fn: Callable[[str], str]) -> str:
    return "\n\n".join(fn(p) for p in text.split("\n\n"))


def _quotes(text: str, opening: str, closing: str) -> str:
    return text.replace("“", opening).replace("”", closing)


def cases() -> dict[str, Callable[[], Files]]:
    k = _kings()
    mark = "\u200b\u200d\u2060\ufeff"
    return {
        "straight quotes": lambda: _txt([_quotes(k[0], '"', '"'), k[1]]),
        "guillemets": lambda: _txt([_quotes(k[0], "«", "»"), _quotes(k[1], "»", "«")]),
        "german quotes": lambda: _txt([_quotes(k[0], "„", "“"), k[1]]),
        "nested quotes": lambda: _txt([_quotes(k[0], "“‘“", "”’”"), k[1].replace("“", "“He said, ‘").replace("”", "’ ”")]),
        "unbalanced: closing only": lambda: _txt([k[0].replace("“", ""), k[1]]),
        "unbalanced: opening only": lambda: _txt([k[0].replace("”", ""), k[1].replace("”", "")]),
        "quote opened, never closed": lambda: _txt(["“" + k[0].replace("“", "").replace("”", ""), k[1]]),
        "every paragraph opens a quote": lambda: _txt([_map_paragraphs(k[0], lambda p: "“" + p), _map_paragraphs(k[1], lambda p: "\"" + p)]),
        "quotes only": lambda: _txt(["“”" * 50, "\"\"“”«»„“" * 30, k[1]]),
        "quote marks between every word": lambda: _txt([" ".join(f"“{w}”" for w in k[0].split()), k[1]]),
        "one paragraph, no full stops": lambda: _txt([k[0].replace(".", "").replace("?", "").replace("!", "").replace("\n", " "), k[1]]),
        "one-word document": lambda: _txt(["Hello", k[0], k[1]]),
        "one word each": lambda: _txt(["Hello", "World"]),
        "whitespace and one word": lambda: _txt([" \n\t\u00a0\u3000\n\n   word  \n\n\t", k[0], k[1]]),
        "same sentence 500 times": lambda: _txt([" ".join(["David sent messengers to comfort him."] * 500), k[0]]),
        "5,000-word sentence": lambda: _txt([" ".join((k[0].replace(".", ",") + " ").split()[:5000] * 3)[:40000], k[1]]),
        "200 near-duplicates": lambda: _txt([k[0].replace("David", f"David{n}", 1) for n in range(200)]),
        "40 near-duplicates": lambda: _txt([k[0].replace("David", f"David{n}", 1) for n in range(40)]),
        "numbers in odd forms": lambda: _txt([
            "The king sent 5-6 men. Prices rose 1,5 % in May. He paid $5m for it. Half (½) the army went; ¾ stayed. "
            "It cost €1.234,56 or 1 234 567 units. About 10^6 people, 3e5 horses, -0 chariots, 1/0 spears. "
            "They marched 12km, then 3 ½ miles, in 24h. Some 1.000.000 people and 99.9999999999999999% of them.",
            "The king sent five or six men. Prices rose 1.5 percent in May. He paid $5 million for it. Half the army went; "
            "three quarters stayed. It cost 1234.56 euros or 1,234,567 units. About a million people, 300,000 horses, "
            "no chariots, no spears. They marched 12 kilometres, then 3.5 miles, in a day. Some a million people and all of them.",
        ]),
        "a 5,000-digit number": lambda: _txt([
            k[0].replace("concerning his father.", "concerning his father on March " + "1" * 5000 + ".", 1)
            + "\n\n" + "1" * 4400 + ". A list item.", k[1].replace("concerning his father.", "concerning his father on March 11.", 1)]),
        "digits of other scripts": lambda: _txt([k[0].replace("1", "١").replace("2", "٢") + " On ٣ March ٢٠٢٢ they sent ５ men and Ⅻ horses.",
                                                 k[1] + " On 3 March 2022 they sent 5 men and 12 horses."]),
        "RTL, CJK, emoji": lambda: _txt([
            "قال داود: «سأصنع معروفا مع حانون». " + k[0] + " 大卫说：“我要恩待哈嫩。” 👑🗡️👨‍👩‍👧 \u202eevil\u202c",
            "大卫说：“我要恩待拿辖的儿子哈嫩。” " + k[1] + " שלום 🙂",
        ]),
        "zero-width and combining": lambda: _txt([
            "".join(c + (mark[i % 4] if i % 7 == 0 else "") for i, c in enumerate(k[0])),
            "".join(c + ("\u0301" if c.isalpha() and i % 5 == 0 else "") for i, c in enumerate(k[1])),
        ]),
        "CRLF": lambda: _txt([k[0].replace("\n", "\r\n"), k[1].replace("\n", "\r\n")]),
        "lone CR": lambda: _txt([k[0].replace("\n", "\r"), k[1].replace("\n", "\r")]),
        "BOM": lambda: {"doc0.txt": b"\xef\xbb\xbf" + k[0].encode(), "doc1.txt": "\ufeff".join(k[1].split("\n\n")).encode()},
        "UTF-16 BOM": lambda: {"doc0.txt": k[0].encode("utf-16"), "doc1.txt": ("\ufeff" + k[1]).encode("utf-16-be")},
        "control characters": lambda: _txt([
            "".join(c + (chr(i % 32) if i % 11 == 0 and i % 32 not in (0, 9, 10, 13) else "") for i, c in enumerate(k[0])),
            k[1].replace(" ", "\x0b", 20).replace(".", ".\x1b[31m", 5) + "\x7f\x85\u2028\u2029",
        ]),
        "paragraph and line separators": lambda: _txt([k[0].replace("\n\n", "\u2029").replace(". ", ".\u2028"), k[1]]),
        "speaker labels everywhere": lambda: _txt([_map_paragraphs(k[0], lambda p: "David: " + p), _map_paragraphs(k[1], lambda p: "Hanun:\n" + p)]),
        "said frames only": lambda: _txt(["He said: “Yes.” She said: “No.” They said:\n\n" * 20, k[0]]),
        "first-person narration in quotes": lambda: _txt([
            _map_paragraphs(k[0], lambda p: "I saw it myself. “" + p + "” I wrote it down, I said."), k[1]]),
        "fables": lambda: _txt(_fable()),
        "fable with scare quotes and hedges": lambda: _txt([
            _fable()[0].replace(" the ", " the 'so-called' ", 5), _fable()[1].replace(".", ", allegedly.", 3)]),
        "seed with guillemets": lambda: _txt([_quotes(_seed(2), "«", "»"), _seed(1)]),
        "markdown odd": lambda: {"a.md": ("# \n\n#\n\n> “" + k[0] + "\n\n```\n“code\n```\n").encode(), "b.md": ("#" * 200 + " x\n\n" + k[1]).encode()},
        "html with quotes in attributes": lambda: {
            "a.html": ("<html><head><title>“T</title></head><body><article><p>“" + k[0].replace("\n\n", "</p><p>„")
                       + "</p></article></body></html>").encode(), "b.txt": k[1].encode()},
        "one speech over 40 paragraphs": lambda: _txt([
            "David said,\n\n" + "\n\n".join("“" + p.replace("“", "‘").replace("”", "’") for p in (k[0].split("\n\n") * 8)[:40]) + "”",
            k[1]]),
        "html: script and style only": lambda: {"a.html": b"<html><script>var a='\xe2\x80\x9c';</script><style>p{}</style></html>",
                                                "b.txt": k[0].encode(), "c.txt": k[1].encode()},
        "html: quotes across blocks": lambda: {"a.html": ("<p>“" + "</p><p>".join(k[0].replace("”", "").split("\n\n"))
                                                          + "”</p><br><br><q>x</q><blockquote>“</blockquote>").encode(), "b.txt": k[1].encode()},
        "annotations: not a list": lambda: {**_txt(k), "annotations.json": b'{"schema": "compare.annotations/1", "links": {}}'},
        "annotations: quote marks only": lambda: {**_txt(k), "annotations.json": (
            '{"schema": "compare.annotations/1", "notes": [{"source": "doc0", "text": "\u201c", "note": "x"}], '
            '"starred": [{"source": "doc1", "text": "David", "occurrence": 99999999999}], '
            '"links": [{"a": {"source": "doc0", "text": "David"}, "b": {"source": "doc0", "text": "Hanun"}, "verdict": "add"}]}').encode()},
        "annotations: add across sources": lambda: {**_txt(k), "annotations.json": (
            b'{"schema": "compare.annotations/1", "links": [{"a": {"source": "doc0", "text": "After this"}, '
            b'"b": {"source": "doc1", "text": "Hanun"}, "verdict": "add"}, {"a": {"source": "doc1", "text": "After this"}, '
            b'"b": {"source": "doc0", "text": "After this"}, "verdict": "wrong"}]}')},
        "annotations: BOM and nulls": lambda: {**_txt(k), "annotations.json": b'\xef\xbb\xbf{"schema": "compare.annotations/1", '
                                               b'"notes": [{"source": "doc0", "text": "David\\u0000", "note": "\\u0000"}]}'},
        "the other text three times over": lambda: _txt([k[0], "\n\n".join([k[1]] * 3)]),
        "the other text twice, reordered": lambda: _txt([k[0], k[1] + "\n\n" + "\n\n".join(reversed(k[1].split("\n\n")))]),
        "same text, other whitespace": lambda: _txt([k[0], k[0].replace(" ", "  ").replace("\n\n", "\n\n\n")]),
        "two events and their mix": lambda: _txt([*k, *_kings("ark_and_uzzah"), k[0] + "\n\n" + _kings("ark_and_uzzah")[0]]),
        "a mix of five fables": lambda: _txt([_fable(f)[0] for f in ("assDriver", "baldmanFly", "assLion")]
                                             + [" ".join(_fable(f)[1] for f in ("assDriver", "baldmanFly", "assLion"))]),
        "manifest: odd kinds": lambda: {**_txt(k), "sources.toml": (
            b'[[source]]\nfile = "doc0.txt"\nkind = "tweet"\nid = "a"\n\n[[source]]\nfile = "doc1.txt"\nkind = 5\n')},
        "manifest: missing file": lambda: {**_txt(k), "sources.toml": b'[[source]]\nfile = "nope.txt"\n'},
        "manifest: not toml": lambda: {**_txt(k), "sources.toml": b'[[source]\nfile = "doc0.txt\n'},
        "manifest: duplicate ids": lambda: {**_txt(k), "sources.toml": (
            b'[[source]]\nfile = "doc0.txt"\nid = "x"\n[[source]]\nfile = "doc1.txt"\nid = "x"\n')},
        "manifest: odd values": lambda: {**_txt(k), "sources.toml": (
            b'[[source]]\nfile = "doc0.txt"\nid = ""\ndate = "not a date"\nlanguage = 3\n'
            b'[[source]]\nfile = "doc1.txt"\nid = "../x"\ndate = 2022-03-11\ntitle = ["a"]\n')},
        "manifest: empty id": lambda: {**_txt(k), "sources.toml": b'[[source]]\nfile = "doc0.txt"\nid = ""\n'},
        "manifest: language a number": lambda: {**_txt(k), "sources.toml": b'[[source]]\nfile = "doc0.txt"\nlanguage = 3\n'},
        "manifest: title a list": lambda: {**_txt(k), "sources.toml": b'[[source]]\nfile = "doc0.txt"\ntitle = ["a"]\n'},
        "manifest: date not a date": lambda: {**_txt(k), "sources.toml": b'[[source]]\nfile = "doc0.txt"\ndate = "not a date"\n'},
        "manifest: date a TOML date": lambda: {**_txt(k), "sources.toml": b'[[source]]\nfile = "doc0.txt"\ndate = 2022-03-11\n'},
        "manifest: date a TOML datetime": lambda: {**_txt(k), "sources.toml": b'[[source]]\nfile = "doc0.txt"\ndate = 2022-03-11T10:00:00Z\n'},
        "manifest: file a number": lambda: {**_txt(k), "sources.toml": b'[[source]]\nfile = 5\n'},
        "manifest: no file key": lambda: {**_txt(k), "sources.toml": b'[[source]]\nid = "x"\n'},
        "manifest: file in a subfolder": lambda: {**_txt(k), "sources.toml": b'[[source]]\nfile = "sub/doc0.txt"\n'},
        "manifest: absolute file": lambda: {**_txt(k), "sources.toml": b'[[source]]\nfile = "/etc/hostname"\n'},
        "manifest: unknown keys": lambda: {**_txt(k), "sources.toml": b'[[source]]\nfile = "doc0.txt"\ncolour = "red"\n[extra]\nx = 1\n'},
        "manifest: empty": lambda: {**_txt(k), "sources.toml": b''},
        "manifest: not UTF-8": lambda: {**_txt(k), "sources.toml": b'[[source]]\nfile = "doc0.txt"\ntitle = "\xff\xfe"\n'},
        "manifest: id with odd characters": lambda: {**_txt(k), "sources.toml": '[[source]]\nfile = "doc0.txt"\nid = "a b«»\u202e"\n'.encode()},
        "manifest: source not a table": lambda: {**_txt(k), "sources.toml": b'source = "doc0.txt"\n'},
        "manifest: same file twice": lambda: {**_txt(k), "sources.toml": b'[[source]]\nfile = "doc0.txt"\n[[source]]\nfile = "doc0.txt"\n'},
    }


MUTATIONS: dict[str, Callable[[str], str]] = {
    "straight": lambda t: _quotes(t, '"', '"'),
    "guillemets": lambda t: _quotes(t, "«", "»"),
    "german": lambda t: _quotes(t, "„", "“"),
    "speech over paragraphs": lambda t: _map_paragraphs(t, lambda p: "“" + p.replace("“", "‘").replace("”", "’")) + "”",
    "never closed": lambda t: t.replace("”", ""),
    "CRLF": lambda t: t.replace("\n", "\r\n"),
    "lone CR": lambda t: t.replace("\n", "\r"),
}


def sweep_cases(folders: int) -> dict[str, Callable[[], Files]]:
    """Each mutation on both sides of the first ``folders`` folders of tests/data/kings and tests/data/retold."""
    out: dict[str, Callable[[], Files]] = {}
    roots = [ROOT / "tests" / "data" / c for c in ("kings", "retold")]
    for folder in [f for r in roots for f in sorted(p for p in r.iterdir() if p.is_dir())[:folders]]:
        texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))}
        if len(texts) < 2:
            continue
        for mname, mutate in MUTATIONS.items():
            def build(texts: dict[str, str] = texts, mutate: Callable[[str], str] = mutate) -> Files:
                return {name: mutate(t).encode("utf-8") for name, t in texts.items()}
            out[f"{folder.parent.name}/{folder.name}: {mname}"] = build
    return out


def _decoded(path: Path, encoding: str) -> str:
    data = path.read_bytes()
    text = data.decode(encoding, errors="replace")
    return text[1:] if text.startswith("\ufeff") else text


def _accounting(data: dict[str, object], corpus: Path) -> list[str]:
    """Every non-whitespace character of each used .txt file in exactly one unit, each unit's text at its offsets."""
    problems = []
    for doc in data["documents"]:  # type: ignore[attr-defined]
        meta = doc["meta"]
        path = Path(doc["path"])
        if not path.is_absolute():
            path = corpus / path.name
        if meta.get("format") != "text" or not path.suffix == ".txt":
            continue
        text = _decoded(path, meta["encoding"])
        seen = [0] * len(text)
        for unit in doc["units"]:
            if text[unit["start"]:unit["end"]] != unit["text"]:
                problems.append(f"{doc['id']}: unit {unit['id']} text differs from the file at {unit['start']}:{unit['end']}")
            for i in range(unit["start"], unit["end"]):
                seen[i] += 1
        lost = [i for i, c in enumerate(text) if not c.isspace() and seen[i] != 1]
        if lost:
            i = lost[0]
            problems.append(f"{doc['id']}: {len(lost)} non-whitespace characters not in exactly one unit, "
                            f"first at {i} {text[max(0, i - 20):i + 20]!r} (in {seen[i]} units)")
    return problems


class _Result:
    """What a child process's run gave, shaped like click's Result for the checks below."""

    def __init__(self, proc: subprocess.CompletedProcess[str]) -> None:
        self.output, self.exit_code, self.exception = proc.stdout + proc.stderr, proc.returncode, None


def _invoke(args: list[str], hash_seed: int | None) -> Any:
    if hash_seed is None:
        return CliRunner().invoke(cli, args)
    env = {**os.environ, "PYTHONHASHSEED": str(hash_seed)}
    return _Result(subprocess.run([sys.executable, "-m", "compare", *args], cwd=ROOT, env=env, capture_output=True,
                                  text=True, timeout=1800))


def _tree(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def run_case(name: str, files: Files, cache: Path, work: Path, processes: bool = False) -> list[str]:
    corpus = work / "corpus"
    if corpus.exists():
        shutil.rmtree(corpus)
    corpus.mkdir(parents=True)
    for fname, content in files.items():
        (corpus / fname).write_bytes(content)
    outputs = []
    trees: list[dict[str, bytes]] = []
    problems: list[str] = []
    for attempt in (1, 2):
        out = work / f"out{attempt}"
        if out.exists():
            shutil.rmtree(out)
        result = _invoke(["run", str(corpus), "-o", str(out), "--cache-dir", str(cache)], attempt if processes else None)
        said = result.output
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            tb = "".join(traceback.format_exception(result.exception))
            return [f"exception escaped the CLI: {tb}"]
        if "Traceback" in said:
            problems.append(f"traceback in output: {said[-2000:]}")
        if result.exit_code not in (0, 1):
            problems.append(f"exit status {result.exit_code}: {said[-500:]}")
        if result.exit_code == 1:
            outputs.append(("exit 1", said.strip().splitlines()[-1] if said.strip() else ""))
            if not said.strip():
                problems.append("exit 1 with no message")
            continue
        alignment = out / "alignment.json"
        if not alignment.is_file():
            problems.append("exit 0 but no alignment.json")
            continue
        raw = alignment.read_text(encoding="utf-8")
        data = json.loads(raw)
        problems += [f"schema: {p}" for p in alignment_problems(data)[:5]]
        if (out / "events.json").is_file():
            problems += [f"events schema: {p}" for p in events_problems(json.loads((out / "events.json").read_text()))[:5]]
        if not (out / "index.html").is_file():
            problems.append("no index.html")
        if attempt == 1:
            problems += _accounting(data, corpus)[:5]
        outputs.append(("exit 0", raw))
        trees.append(_tree(out))
    if len(outputs) == 2 and outputs[0] != outputs[1]:
        problems.append("the two runs differ")
    if len(trees) == 2 and trees[0] != trees[1]:
        differ = sorted(k for k in trees[0].keys() | trees[1].keys() if trees[0].get(k) != trees[1].get(k))
        problems.append(f"the two runs wrote different files: {differ[:5]}")
    if outputs and outputs[0][0] == "exit 1":
        print(f"    (exit 1) {outputs[0][1][:300]}")
    elif outputs:
        data = json.loads(outputs[0][1])
        links = sum(len(p["links"]) for p in data["pairs"])
        print(f"    (exit 0) {len(data['documents'])} documents, {links} links, rejected {len(data['rejected'])}")
    return problems


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache-dir", default="/tmp/cache-fuzz")
    parser.add_argument("--only", nargs="*", default=None, help="Run only the cases whose name contains one of these.")
    parser.add_argument("--skip", nargs="*", default=[], help="Leave out the cases whose name contains one of these.")
    parser.add_argument("--sweep", type=int, default=0, metavar="N",
                        help="Instead, each quotation and newline mutation on the first N folders of kings and retold.")
    parser.add_argument("--processes", action="store_true",
                        help="Run each time in a child process, with PYTHONHASHSEED 1 then 2 (slower: the model loads each time).")
    args = parser.parse_args()
    failed = 0
    all_cases = sweep_cases(args.sweep) if args.sweep else cases()
    with tempfile.TemporaryDirectory(prefix="hostile-") as tmp:
        for name, build in all_cases.items():
            if (args.only and not any(o in name for o in args.only)) or any(o in name for o in args.skip):
                continue
            print(f"{name}", flush=True)
            problems = run_case(name, build(), Path(args.cache_dir), Path(tmp), args.processes)
            for problem in problems:
                print(f"    FAIL {problem}", flush=True)
            failed += bool(problems)
    print(f"{failed} case(s) failed of {len(all_cases) if not args.only else 'the chosen'}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
