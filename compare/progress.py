"""Where the pipeline reports what it is doing; the CLI draws it on stderr, benchmarks time its stages."""

from __future__ import annotations

from typing import Protocol

__all__ = ["Progress", "Silent"]


class Progress(Protocol):
    """Receives notices, step counts and the start of each stage of a run."""

    def notice(self, message: str) -> None:
        """Tell the user something worth knowing (a skipped file, a cache in use)."""

    def advance(self, label: str, done: int, total: int) -> None:
        """Report ``done`` of ``total`` items of the step ``label``."""

    def stage(self, name: str) -> None:
        """Mark the start of a pipeline stage (``read``, ``embed``, ``group``, ``align``, ``annotate``, ``classify``, ``write``)."""


class Silent:
    """A Progress that ignores everything (library calls without a progress)."""

    def notice(self, message: str) -> None:
        """Ignore the notice."""

    def advance(self, label: str, done: int, total: int) -> None:
        """Ignore the count."""

    def stage(self, name: str) -> None:
        """Ignore the stage."""
