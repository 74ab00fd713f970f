"""Export: the corpus as data files (``alignment.json``, ``alignment.csv``, ``events.json``)."""

from __future__ import annotations

from .alignment import SCHEMA, alignment_json, corpus_to_dict
from .events import EVENTS_SCHEMA, events_json
from .table import CSV_COLUMNS, alignment_csv

__all__ = ["CSV_COLUMNS", "EVENTS_SCHEMA", "SCHEMA", "alignment_csv", "alignment_json", "corpus_to_dict", "events_json"]
