"""Report: renderers that return the HTML pages (overview, synopsis, pair pages, index of events); templates and static inside."""

from __future__ import annotations

from .environment import environment
from .events import render_events_index
from .pages import pair_file_name, render_report

__all__ = ["environment", "pair_file_name", "render_events_index", "render_report"]
