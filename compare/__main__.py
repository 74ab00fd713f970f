"""python -m compare, and the ``compare`` console script: the CLI, with Ctrl-C handled from its first import on."""

from __future__ import annotations

import importlib
import sys

from .errors import EXIT_INTERRUPTED

__all__ = ["main"]


def main() -> None:
    """Import the CLI (click, the settings) and run it; an interrupt while importing exits 130 without a traceback."""
    try:
        cli = importlib.import_module("compare.cli")
    except KeyboardInterrupt:
        sys.stderr.write("Interrupted; the previous report, if any, is left as it was.\n")
        sys.exit(EXIT_INTERRUPTED)
    cli.main()


if __name__ == "__main__":
    main()
