"""The result as tidy tables: pandas DataFrames with one row per thing, keys that join, Parquet that reads back."""

from __future__ import annotations

import builtins
import json
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from compare.errors import DependencyError
from compare.export import FRAME_NAMES, alignment_json, corpus_frames, write_parquet
from compare.export.frames import FRAME_COLUMNS, pair_rows, pairs_from_rows
from compare.pipeline import compare_corpus
from compare.settings import Settings

from .conftest import CORPUS
from .test_export import hand_corpus


def test_frames_have_one_row_per_thing_and_match_the_json() -> None:
    corpus = hand_corpus()
    frames = corpus_frames(corpus)
    data = json.loads(alignment_json(corpus))
    assert tuple(frames) == FRAME_NAMES
    assert all(tuple(frames[n].columns) == FRAME_COLUMNS[n] for n in FRAME_NAMES)
    assert len(frames["documents"]) == len(data["documents"])
    assert len(frames["units"]) == sum(len(d["units"]) for d in data["documents"])
    assert len(frames["links"]) == sum(len(p["links"]) for p in data["pairs"])
    assert len(frames["changes"]) == sum(len(lk["changes"]) for p in data["pairs"] for lk in p["links"])
    assert len(frames["possible"]) == 1 and len(frames["flags"]) == 2 and len(frames["pairs"]) == 3
    links = frames["links"]
    assert links["confidence"].isna().tolist() == [False, True, False]
    assert links["change_types"].tolist() == ["loaded_language wording", "number hedge", "speaker"]
    assert links[["a_first", "a_last", "b_first", "b_last"]].values.tolist() == [[2, 2, 0, 0], [3, 3, 1, 2], [2, 2, 0, 0]]
    units = frames["units"].set_index(["doc", "unit"])
    assert units.loc[("transcript", 0), "status"] == "set_aside" and units.loc[("transcript", 0), "reason"].startswith("page")
    # the keys join: each change to its link, each link's units to the units table
    joined = frames["changes"].merge(links, on=["doc_a", "doc_b", "link"], validate="many_to_one")
    assert len(joined) == len(frames["changes"])
    assert frames["documents"].set_index("doc").loc["forum", "event"] is None


def test_loaded_language_per_source_as_in_the_readme() -> None:
    changes = corpus_frames(hand_corpus())["changes"]
    loaded = changes[changes["type"] == "loaded_language"]
    per_source = pd.concat([loaded["doc_a"], loaded["doc_b"]]).value_counts().sort_index()
    assert per_source.to_dict() == {"readout": 1, "transcript": 1}


def test_parquet_reads_back_the_same_tables(tmp_path: Path) -> None:
    frames = corpus_frames(hand_corpus())
    paths = write_parquet(frames, tmp_path / "frames")
    assert [p.name for p in paths] == [f"{n}.parquet" for n in FRAME_NAMES]
    for name, frame in frames.items():
        back = pd.read_parquet(tmp_path / "frames" / f"{name}.parquet")
        pd.testing.assert_frame_equal(back, frame, check_dtype=False)


def test_pair_rows_rebuild_the_same_pairs() -> None:
    pairs = hand_corpus().pairs
    rebuilt = pairs_from_rows(pair_rows(pairs))
    stripped = [p.__class__(p.a, p.b, tuple(lk.__class__(lk.a, lk.b, lk.score, lk.edits, (), lk.checked, lk.added,
                                                          lk.confidence) for lk in p.links), p.related, p.possible)
                for p in pairs]
    assert rebuilt == stripped  # everything the aligner decides; changes come later, from classify


def test_without_pandas_the_error_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def no_pandas(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "pandas" or name.startswith("pandas.") or name == "pyarrow":
            raise ImportError(f"No module named {name!r}")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pandas)
    with pytest.raises(DependencyError, match=r"need pandas, which is not installed\. Install it: pip install 'compare\[frames\]'"):
        corpus_frames(hand_corpus())
    with pytest.raises(DependencyError, match=r"Parquet needs pyarrow"):
        write_parquet({}, Path("unused"))


@pytest.mark.model
def test_run_result_frames_on_the_seed_corpus(tmp_path: Path, session_cache: Path, real_embedder: Any) -> None:
    result = compare_corpus(CORPUS, tmp_path / "reports", Settings(cache_dir=session_cache))
    frames = result.frames()
    data = json.loads((tmp_path / "reports" / "alignment.json").read_text(encoding="utf-8"))
    assert len(frames["links"]) == sum(len(p["links"]) for p in data["pairs"])
    changes = frames["changes"]
    loaded = changes[changes["type"] == "loaded_language"]
    counts = pd.concat([loaded["doc_a"], loaded["doc_b"]]).value_counts()
    assert counts.get("transcript", 0) > 0 and counts.get("press", 0) > 0  # "beastly" where the press has "Western (policy)"
