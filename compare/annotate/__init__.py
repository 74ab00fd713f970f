"""Annotate: a teacher's corrections and notes, kept in the corpus's annotations.json and applied to a run.

``file`` reads and checks the file (schema ``compare.annotations/1``) and writes it atomically, ``resolve``
names sentences by source and text, ``apply`` applies verdicts, notes and stars to the aligned corpus
(stage ``annotate``: after align, before classify), ``marks`` changes one mark in the file's content.
"""

from __future__ import annotations

from .apply import Vectors, annotate_corpus
from .file import (
    ANNOTATIONS_FILE,
    PREVIOUS_FILE,
    SCHEMA,
    annotations_schema,
    check_annotations,
    dump_annotations,
    empty_annotations,
    read_annotations,
    write_annotations,
)
from .marks import set_note, set_star, set_verdict
from .resolve import Found, describe_sentence, find_sentence, normalise, sentence_name

__all__ = [
    "ANNOTATIONS_FILE",
    "PREVIOUS_FILE",
    "SCHEMA",
    "Found",
    "Vectors",
    "annotate_corpus",
    "annotations_schema",
    "check_annotations",
    "describe_sentence",
    "dump_annotations",
    "empty_annotations",
    "find_sentence",
    "normalise",
    "read_annotations",
    "sentence_name",
    "set_note",
    "set_star",
    "set_verdict",
    "write_annotations",
]
