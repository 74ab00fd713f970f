"""The Spark engine: embedding, candidate search and alignment as PySpark jobs; the rest of the run is local.

The driver reads and segments the corpus (``compare.pipeline``, as for every engine); this engine writes the
sentences as Parquet and encodes them in batches with a pandas function (``applyInPandas``, one model per Python worker), searches
each partition's sentences against the broadcast FAISS index for candidate document pairs, and aligns
and word-diffs the planned pairs on the workers (``mapInPandas``), writing what the aligner decided as the tidy tables of
``compare.export.frames`` (``pairs``, ``links``, ``edits``, ``possible``: same names and columns) in Parquet, from which
the driver rebuilds the pairs. The batches
are those of the local engine (same texts in the same order and sizes), so the vectors, and therefore the
links, are the local engine's. The embedding cache is read and written on the driver.

``Settings.spark_master`` picks the cluster (``local[*]`` by default: every core of this machine).
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ..align import PairJob, align_document_pair
from ..align.index import build_index, hits_to_pairs, search_index, stack_documents
from ..embed import ModelInfo, SentenceTransformerEmbedder
from ..errors import SparkError
from ..export.frames import pair_rows, pairs_from_rows
from ..progress import Progress
from ..records import PairAlignment
from ..settings import AlignSettings, Settings
from .local import local_embedder

__all__ = ["SparkEmbedder", "SparkEngine", "spark_session"]

_WORKER_EMBEDDERS: dict[tuple[str, str, int], SentenceTransformerEmbedder] = {}
"""One loaded model per Python worker process, reused across tasks."""


def spark_session(master: str) -> Any:
    """Start (or reuse) the SparkSession for ``master``; workers use this Python and see this package."""
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise SparkError("the Spark engine needs pyspark. Install it: pip install 'compare[spark]'.") from None
    package_root = str(Path(__file__).resolve().parents[2])
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    path = os.pathsep.join(p for p in (package_root, os.environ.get("PYTHONPATH", "")) if p)
    try:
        spark = (
            SparkSession.builder.master(master)
            .appName("compare")
            .config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")
            .config("spark.sql.execution.arrow.pyspark.enabled", "true")
            .config("spark.sql.shuffle.partitions", "8")
            .config("spark.executorEnv.PYTHONPATH", path)
            .config("spark.executorEnv.HF_HUB_OFFLINE", "1")
            .getOrCreate()
        )
    except Exception as exc:  # py4j / Java launch failures come in many types
        raise SparkError(
            f"cannot start Spark ({master}): {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}. "
            "Spark needs Java 17 or later on the PATH (Debian: apt-get install default-jre-headless), "
            "or run without --engine spark."
        ) from None
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def _worker_embedder(path: str, device: str, batch: int) -> SentenceTransformerEmbedder:
    key = (path, device, batch)
    if key not in _WORKER_EMBEDDERS:
        info = ModelInfo(path=Path(path), name=Path(path).name, sha256="")
        _WORKER_EMBEDDERS[key] = SentenceTransformerEmbedder(info, device=device, batch_size=batch)
    return _WORKER_EMBEDDERS[key]


class SparkEmbedder:
    """An Embedder whose ``encode`` is a Spark job: Parquet in, one pandas group per local-engine chunk, vectors out.

    ``chunk_size`` is many local chunks, so one job encodes many batches in parallel; inside it the texts are
    cut into the local engine's chunks (``local.chunk_size``), which keeps each batch, and so each vector, the same.
    """

    def __init__(self, spark: Any, local: SentenceTransformerEmbedder, work: Path) -> None:
        self.spark = spark
        self.local = local
        self.work = work
        self.chunk_size = local.chunk_size * 64
        self._jobs = 0

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Return L2-normalised float32 vectors, one row per text, encoded on the Spark workers."""
        import pandas as pd

        sub = self.local.chunk_size
        path, device, batch = str(self.local.model.path), self.local.device, self.local.batch_size
        self._jobs += 1
        src, dst = self.work / f"texts-{self._jobs}.parquet", self.work / f"vectors-{self._jobs}.parquet"
        pd.DataFrame({"chunk": [k // sub for k in range(len(texts))], "pos": range(len(texts)), "text": list(texts)}).to_parquet(src)

        def encode_chunk(frame: pd.DataFrame) -> pd.DataFrame:
            frame = frame.sort_values("pos")
            vecs = _worker_embedder(path, device, batch).encode(frame["text"].tolist())
            return pd.DataFrame({"pos": frame["pos"].to_numpy(), "vec": [v.tobytes() for v in vecs]})

        df = self.spark.read.parquet(str(src)).repartition("chunk")
        df.groupBy("chunk").applyInPandas(encode_chunk, schema="pos long, vec binary").write.mode("overwrite").parquet(str(dst))
        out = pd.read_parquet(dst).sort_values("pos")
        return np.stack([np.frombuffer(b, dtype=np.float32) for b in out["vec"]])


def _candidates_on_spark(spark: Any, doc_vectors: Sequence[np.ndarray], settings: Settings) -> set[tuple[int, int]]:
    import faiss
    import pandas as pd

    if sum(v.shape[0] for v in doc_vectors) == 0:
        return set()
    stacked, doc_of = stack_documents(doc_vectors)
    index_bytes = spark.sparkContext.broadcast(faiss.serialize_index(build_index(stacked)))
    docs_b = spark.sparkContext.broadcast(doc_of)
    neighbours, threshold = settings.neighbours, settings.align.event_threshold
    rows = pd.DataFrame({"doc": doc_of, "vec": [v.tobytes() for v in stacked]})

    def search(frames: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        index = faiss.deserialize_index(index_bytes.value)
        for frame in frames:
            q = np.stack([np.frombuffer(b, dtype=np.float32) for b in frame["vec"]])
            cos, idx = search_index(index, q, neighbours)
            found = sorted(hits_to_pairs(frame["doc"].to_numpy(), cos, idx, docs_b.value, threshold))
            yield pd.DataFrame({"a": [p[0] for p in found], "b": [p[1] for p in found]}, dtype="int64")

    out = spark.createDataFrame(rows).mapInPandas(search, schema="a long, b long").distinct().collect()
    return {(int(r["a"]), int(r["b"])) for r in out}




_ROWS = (
    ("table", "string"), ("k", "long"), ("doc_a", "string"), ("doc_b", "string"), ("n", "long"), ("edit", "long"),
    ("a_first", "long"), ("a_last", "long"), ("b_first", "long"), ("b_last", "long"), ("score", "double"),
    ("confidence", "double"), ("related", "double"), ("op", "string"), ("text", "string"), ("checked", "boolean"),
    ("added", "boolean"), ("links", "long"), ("possible", "long"),
)
"""One row type for every table the workers produce (``table`` says which); the driver writes each table apart."""

_TABLES: dict[str, tuple[str, ...]] = {
    "pairs": ("k", "doc_a", "doc_b", "related", "links", "possible"),
    "links": ("doc_a", "doc_b", "n AS link", "a_first", "a_last", "b_first", "b_last", "score", "confidence", "checked",
              "added"),
    "edits": ("doc_a", "doc_b", "n AS link", "edit", "op", "text"),
    "possible": ("doc_a", "doc_b", "n AS possible", "a_first", "a_last", "b_first", "b_last", "score", "confidence"),
}
"""The aligner's part of the tidy tables of ``compare.export.frames`` (same names and columns), as Spark writes them."""


def _pair_records(k: int, pair: PairAlignment) -> list[dict[str, Any]]:
    rows = pair_rows([pair])
    out: list[dict[str, Any]] = []
    for a, b, rel, n_links, n_possible in rows["pairs"]:
        out.append({"table": "pairs", "k": k, "doc_a": a, "doc_b": b, "related": rel, "links": n_links, "possible": n_possible})
    for a, b, n, a0, a1, b0, b1, score, conf, checked, added in rows["links"]:
        out.append({"table": "links", "doc_a": a, "doc_b": b, "n": n, "a_first": a0, "a_last": a1, "b_first": b0,
                    "b_last": b1, "score": score, "confidence": conf, "checked": checked, "added": added})
    for a, b, n, e, op, text in rows["edits"]:
        out.append({"table": "edits", "doc_a": a, "doc_b": b, "n": n, "edit": e, "op": op, "text": text})
    for a, b, n, a0, a1, b0, b1, score, conf in rows["possible"]:
        out.append({"table": "possible", "doc_a": a, "doc_b": b, "n": n, "a_first": a0, "a_last": a1, "b_first": b0,
                    "b_last": b1, "score": score, "confidence": conf})
    return out


def _align_on_spark(spark: Any, jobs: Sequence[PairJob], settings: AlignSettings, work: Path) -> list[PairAlignment]:
    """Align on the workers, write the tidy tables (pairs, links, edits, possible) as Parquet, rebuild the pairs from them."""
    import pandas as pd

    shared = spark.sparkContext.broadcast((list(jobs), settings))
    names = [name for name, _ in _ROWS]
    dtypes = {name: {"long": "Int64", "double": "float64", "boolean": "boolean", "string": "object"}[kind]
              for name, kind in _ROWS}

    def align(frames: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        all_jobs, align_settings = shared.value
        for frame in frames:
            records = [r for k in frame["k"] for r in _pair_records(int(k), align_document_pair(all_jobs[int(k)], align_settings))]
            yield pd.DataFrame.from_records(records, columns=names).astype(dtypes)

    ks = pd.DataFrame({"k": pd.Series(range(len(jobs)), dtype="int64")})
    schema = ", ".join(f"{name} {kind}" for name, kind in _ROWS)
    rows = spark.createDataFrame(ks, schema="k long").repartition(8).mapInPandas(align, schema=schema).persist()
    try:
        for table, columns in _TABLES.items():
            rows.filter(rows["table"] == table).selectExpr(*columns).write.mode("overwrite").parquet(str(work / f"{table}.parquet"))
    finally:
        rows.unpersist()
    read = {table: pd.read_parquet(work / f"{table}.parquet") for table in _TABLES}
    pairs = read["pairs"].sort_values("k")
    return pairs_from_rows({
        "pairs": list(pairs[["doc_a", "doc_b", "related", "links", "possible"]].itertuples(index=False, name=None)),
        "links": list(read["links"].itertuples(index=False, name=None)),
        "edits": list(read["edits"].itertuples(index=False, name=None)),
        "possible": list(read["possible"].itertuples(index=False, name=None)),
    })


class SparkEngine:
    """Encode, search and align as Spark jobs (see the module docstring and ``compare.engines.base.Engine``).

    The session starts on first use; ``close`` removes the engine's temporary Parquet files.
    """

    def __init__(self, master: str) -> None:
        self.master = master
        self._spark: Any = None
        self._work: tempfile.TemporaryDirectory[str] | None = None

    def _session(self) -> tuple[Any, Path]:
        if self._spark is None:
            self._spark = spark_session(self.master)
        if self._work is None:
            self._work = tempfile.TemporaryDirectory(prefix="compare-spark-")
        return self._spark, Path(self._work.name)

    def embedder(self, settings: Settings, model: ModelInfo) -> SparkEmbedder:
        """Return an embedder whose batches are the local engine's, encoded on the Spark workers."""
        spark, work = self._session()
        return SparkEmbedder(spark, local_embedder(settings, model), work)

    def candidate_pairs(self, doc_vectors: Sequence[np.ndarray], settings: Settings) -> set[tuple[int, int]]:
        """Search each partition's sentences against the broadcast FAISS index."""
        spark, _ = self._session()
        return _candidates_on_spark(spark, doc_vectors, settings)

    def align_pairs(self, jobs: Sequence[PairJob], settings: AlignSettings, progress: Progress) -> list[PairAlignment]:
        """Align and diff the pairs on the workers (``mapInPandas``), through Parquet."""
        if not jobs:
            return []
        spark, work = self._session()
        progress.advance("aligning pairs", 0, len(jobs))
        pairs = _align_on_spark(spark, jobs, settings, work)
        progress.advance("aligning pairs", len(jobs), len(jobs))
        return pairs

    def close(self) -> None:
        """Remove the temporary Parquet files (the Spark session stays for later runs in this process)."""
        if self._work is not None:
            self._work.cleanup()
            self._work = None
