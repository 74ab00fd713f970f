"""Export: the corpus as data files (``alignment.json``, ``alignment.csv``, ``changes.csv``, ``alignment.tei.xml``,
``events.json``), their published JSON Schemas, and the corpus as tidy data frames."""

from __future__ import annotations

from .alignment import SCHEMA, alignment_json, corpus_to_dict
from .events import EVENTS_SCHEMA, events_json
from .frames import FRAME_NAMES, corpus_frames, write_parquet
from .schema import (
    SCHEMA_NAMES,
    alignment_problems,
    check_file,
    events_problems,
    load_schema,
    schema_text,
    validate_alignment,
    validate_events,
)
from .table import CHANGES_COLUMNS, CSV_COLUMNS, alignment_csv, change_types, changes_csv
from .tei import TEI_NS, alignment_tei

__all__ = [
    "CHANGES_COLUMNS",
    "CSV_COLUMNS",
    "EVENTS_SCHEMA",
    "FRAME_NAMES",
    "SCHEMA",
    "SCHEMA_NAMES",
    "TEI_NS",
    "alignment_csv",
    "alignment_json",
    "alignment_problems",
    "alignment_tei",
    "change_types",
    "check_file",
    "changes_csv",
    "corpus_frames",
    "corpus_to_dict",
    "events_json",
    "events_problems",
    "load_schema",
    "schema_text",
    "validate_alignment",
    "validate_events",
    "write_parquet",
]
