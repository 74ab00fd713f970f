"""Errors the library raises; the CLI turns them into messages and exit codes."""

from __future__ import annotations

__all__ = [
    "CompareError",
    "InputError",
    "ModelError",
    "OutputError",
    "EXIT_OK",
    "EXIT_RUNTIME",
    "EXIT_USAGE",
]

EXIT_OK = 0
EXIT_RUNTIME = 1
EXIT_USAGE = 2


class CompareError(Exception):
    """A failure a user can act on: the message names the cause and the fix."""

    exit_code: int = EXIT_RUNTIME


class InputError(CompareError):
    """The corpus folder, a source file or the manifest cannot be used as given."""


class ModelError(CompareError):
    """The embedding model is missing, corrupted or does not match its expected hash."""


class OutputError(CompareError):
    """The report folder cannot be written."""
