"""Run the pipeline as a PySpark job: the same stages, with embedding, candidate search and alignment on Spark.

The driver reads and segments the corpus and writes the sentences as Parquet; Spark reads them back and
encodes them in batches with a pandas function (``applyInPandas``, one model per Python worker), searches
each partition's sentences against the broadcast FAISS index for candidate document pairs, and aligns
and word-diffs the planned pairs on the workers (``mapInPandas``), writing the pairs as Parquet. The batches
are those of the local engine (same texts in the same order and sizes), so the vectors, and therefore the
links, are the local engine's. The embedding cache is read and written on the driver.

``Settings.spark_master`` picks the cluster (``local[*]`` by default: every core of this machine).
"""

from __future__ import annotations

import pickle
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np

from .candidates import build_index, hits_to_pairs, plan_events, search_index, stack_documents
from .embed import ModelInfo, SentenceTransformerEmbedder, resolve_model
from .errors import CompareError
from .records import Corpus
from .segment import unit_text_for_model
from .settings import Settings

__all__ = ["SparkError", "SparkEmbedder", "build_corpus_spark", "spark_session"]

_WORKER_EMBEDDERS: dict[tuple[str, str, int], SentenceTransformerEmbedder] = {}
"""One loaded model per Python worker process, reused across tasks."""


class SparkError(CompareError):
    """Spark (or the Java it needs) cannot be started."""


def spark_session(master: str):  # type: ignore[no-untyped-def]
    """Start (or reuse) the SparkSession for ``master``; workers use this Python and see this package."""
    import os

    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise SparkError("the Spark engine needs pyspark. Install it: pip install 'compare[spark]'.") from None
    package_root = str(Path(__file__).resolve().parent.parent)
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

    def __init__(self, spark, local: SentenceTransformerEmbedder, work: Path) -> None:  # type: ignore[no-untyped-def]
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


def _candidates_on_spark(spark, doc_vectors: Sequence[np.ndarray], settings: Settings) -> set[tuple[int, int]]:  # type: ignore[no-untyped-def]
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


def build_corpus_spark(corpus_dir: Path, settings: Settings, *, progress=None) -> tuple[Corpus, int]:  # type: ignore[no-untyped-def]
    """Run read → segment → embed → group → align → diff as a Spark job, then classify; return the Corpus and sentences encoded."""
    import pandas as pd

    from .pipeline import _Silent, align_document_pair, align_inputs, embed_with_cache, embedder_for, read_units

    progress = progress or _Silent()
    docs, rejected, units, sent_ids = read_units(corpus_dir, settings, progress)
    model = resolve_model(settings.model)
    spark = spark_session(settings.spark_master)
    with tempfile.TemporaryDirectory(prefix="compare-spark-") as tmp:
        work = Path(tmp)
        sentences = pd.DataFrame(
            [(d.id, i, unit_text_for_model(units[d.id][i])) for d in docs for i in sent_ids[d.id]],
            columns=["doc", "unit", "text"],
        )
        sentences.to_parquet(work / "sentences.parquet")
        texts = [r["text"] for r in spark.read.parquet(str(work / "sentences.parquet")).select("text").collect()]
        embedder = SparkEmbedder(spark, embedder_for(settings, model), work)
        vectors, encoded = embed_with_cache(texts, embedder, settings, model, progress)
        per_doc = align_inputs(docs, units, sent_ids, vectors)
        doc_vectors = [per_doc[d.id].vectors for d in docs]
        a = settings.align
        found = _candidates_on_spark(spark, doc_vectors, settings)
        plan = plan_events(doc_vectors, top=a.relatedness_top, threshold=a.event_threshold,
                           neighbours=settings.neighbours, found=found)
        shared = spark.sparkContext.broadcast((docs, units, sent_ids, per_doc, plan.groups, plan.related, a))

        def align(frames: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
            d, u, s, p, groups, related, align_settings = shared.value
            for frame in frames:
                out = []
                for i, j in zip(frame["i"], frame["j"]):
                    da, db = d[i].id, d[j].id
                    pair = align_document_pair((da, db), (p[da], p[db]), (u[da], u[db]), (s[da], s[db]),
                                               same_event=groups[i] == groups[j], related=related[(i, j)],
                                               settings=align_settings)
                    out.append(pickle.dumps(pair))
                yield pd.DataFrame({"i": frame["i"], "j": frame["j"], "pair": out})

        pairs_df = pd.DataFrame(plan.pairs, columns=["i", "j"], dtype="int64") if plan.pairs else pd.DataFrame(
            {"i": pd.Series(dtype="int64"), "j": pd.Series(dtype="int64")})
        (spark.createDataFrame(pairs_df, schema="i long, j long").repartition(8)
         .mapInPandas(align, schema="i long, j long, pair binary").write.mode("overwrite").parquet(str(work / "pairs.parquet")))
        done = pd.read_parquet(work / "pairs.parquet")
        by_pair = {(int(i), int(j)): pickle.loads(b) for i, j, b in zip(done["i"], done["j"], done["pair"])}
    corpus = Corpus(
        documents=tuple(docs),
        units=units,
        pairs=tuple(by_pair[p] for p in plan.pairs),
        model_name=model.name,
        model_sha256=model.sha256,
        rejected=tuple(rejected),
    )
    from .classify import classify_corpus

    return classify_corpus(corpus, settings), encoded
