"""Segment: a Document -> Units (sentences with exact offsets; page furniture set aside with a reason)."""

from __future__ import annotations

from .sections import section_groups
from .sentences import split_sentences
from .speech import unit_text_for_model
from .units import split_units

__all__ = ["section_groups", "split_sentences", "split_units", "unit_text_for_model"]
