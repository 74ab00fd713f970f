"""Time and peak memory of `compare run` on the large inputs of issue 15: a 20 MB text file, a paragraph-bomb .docx.

Each input goes beside two seed documents and runs in a child process with the default limits; the peak is the
largest resident set of the child processes so far (resource.getrusage), so it covers the model as well. Both inputs
are meant to be refused up front (the 20 MB file by --max-file-bytes, the .docx by --max-expanded-bytes) while the
run goes on with the seeds.

    .venv/bin/python benchmarks/large_inputs.py [--cache DIR]
"""

from __future__ import annotations

import argparse
import io
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _bomb_docx(paragraphs: int) -> bytes:
    """A minimal .docx whose document.xml holds ``paragraphs`` one-word paragraphs (compresses to about 1 MB per 2 million)."""
    body = "<w:p><w:r><w:t>x</w:t></w:r></w:p>" * paragraphs
    xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
           f'wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>')
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                   'content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/'
                   'document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.'
                   'main+xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
                   'relationships+xml"/></Types>')
        z.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                   'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                   'relationships/officeDocument" Target="word/document.xml"/></Relationships>')
        z.writestr("word/document.xml", xml)
    return out.getvalue()


def _run(corpus: Path, out: Path, cache: str, file: str, *extra: str) -> tuple[float, float, int, str]:
    started = time.monotonic()
    proc = subprocess.run([sys.executable, "-m", "compare", "run", str(corpus), "-o", str(out), "--cache-dir", cache, *extra],
                          cwd=ROOT, capture_output=True, text=True, timeout=900)
    wall = time.monotonic() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # MB; the largest child so far
    lines = proc.stderr.strip().splitlines() or [""]
    said = next((ln for ln in lines if file in ln), lines[-1])  # what the run said about the large file
    return wall, peak, proc.returncode, said


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", default=str(Path(tempfile.gettempdir()) / "compare-bench-cache"))
    parser.add_argument("--paragraphs", type=int, default=10_000_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        cases = {
            "20 MB text file": ("big.txt", ("The presidents met in Moscow and talked about sanctions. " * 20).encode() * 18_000, ()),
            f"docx, {args.paragraphs:,} paragraphs": ("bomb.docx", _bomb_docx(args.paragraphs), ()),
        }
        print(f"{'input':32} {'size':>10} {'wall s':>8} {'peak MB':>8} exit  what the run said about it")
        for name, (file, data, extra) in cases.items():
            corpus = base / name.replace(" ", "_").replace(",", "")
            corpus.mkdir()
            for seed in ("001_248ce3e746adae3b.txt", "002_4770bb945dcefbd3.txt"):
                shutil.copy(ROOT / "corpus" / seed, corpus / seed)
            (corpus / file).write_bytes(data)
            wall, peak, code, said = _run(corpus, base / "out", args.cache, file, *extra)
            print(f"{name:32} {len(data):>10,} {wall:>8.1f} {peak:>8.0f} {code:>4}  {said[:160]}")


if __name__ == "__main__":
    main()
