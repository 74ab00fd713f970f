"""Errors the library raises, each carrying its exit code; the CLI turns them into messages."""

from __future__ import annotations

__all__ = [
    "EXIT_INTERRUPTED",
    "EXIT_RUNTIME",
    "CompareError",
    "DependencyError",
    "InputError",
    "LexiconError",
    "ModelError",
    "OutputError",
    "ServeError",
    "SchemaViolation",
    "SparkError",
]

EXIT_RUNTIME = 1
"""A problem with the input, the model, the output folder or the engine (bad usage is click's 2)."""
EXIT_INTERRUPTED = 130
"""Interrupted (Ctrl-C), as a shell reports SIGINT."""


class CompareError(Exception):
    """A failure a user can act on: the message names the cause and the fix."""

    exit_code: int = EXIT_RUNTIME


class InputError(CompareError):
    """The corpus folder, a source file or the manifest cannot be used as given."""


class ModelError(CompareError):
    """The embedding model is missing, corrupted or does not match its expected hash."""


class OutputError(CompareError):
    """The report folder cannot be written."""


class LexiconError(CompareError):
    """A word list the classifier reads is missing from the installed packages."""


class SparkError(CompareError):
    """Spark (or the Java it needs) cannot be started."""


class ServeError(CompareError):
    """``compare serve`` cannot listen on its port, or a change sent to it cannot be applied or saved."""
class SchemaViolation(CompareError):
    """A JSON export does not follow its published schema (``compare schema NAME``); the message lists each problem."""


class DependencyError(CompareError):
    """An optional package a feature needs (pandas, pyarrow) is not installed; the message names the install command."""
