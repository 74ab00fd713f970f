"""Command line: turn options into Settings, run the pipeline, turn errors into messages and exit codes.

Importing it does not import torch (the model loads when sentences are first encoded).
"""

from __future__ import annotations

import importlib
import signal
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from .errors import EXIT_INTERRUPTED, EXIT_RUNTIME, CompareError
from .settings import Settings, default_cache_dir

__all__ = ["main", "cli"]


def _say(message: str, quiet: bool = False) -> None:
    """Write a human-facing line to stderr (stdout is kept for what a script captures)."""
    if not quiet:
        click.echo(message, err=True)


class _StderrProgress:
    """Progress on stderr: a bar while encoding on a terminal, nothing when piped or --quiet."""

    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet
        self.tty = sys.stderr.isatty()
        self._bar: Any = None
        self._label = ""

    def notice(self, message: str) -> None:
        _say(message, self.quiet)

    def advance(self, label: str, done: int, total: int) -> None:
        if self.quiet or not self.tty or total == 0:
            return
        if self._bar is None or self._label != label:
            self.close()
            self._bar = click.progressbar(length=total, label=label, file=sys.stderr, show_pos=True)
            self._bar.__enter__()
            self._label = label
        self._bar.update(done - self._bar.pos)
        if done >= total:
            self.close()

    def stage(self, name: str) -> None:
        pass

    def close(self) -> None:
        if self._bar is not None:
            self._bar.__exit__(None, None, None)
            self._bar = None


def _import_held(module: str = "compare.pipeline") -> Any:
    """Import the pipeline (numpy, faiss, ...) or the server with Ctrl-C held until it is done, then raise KeyboardInterrupt.

    Imported here, not at the top, so that the CLI's interrupt handling covers it; held, because an interrupt
    inside numpy's C import surfaces as an ImportError rather than a KeyboardInterrupt.
    """
    if threading.current_thread() is not threading.main_thread():  # signals are the main thread's only
        return importlib.import_module(module)
    held: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, frame: held.append(signum))
    try:
        pipeline = importlib.import_module(module)
    finally:
        signal.signal(signal.SIGINT, previous)
    if held:
        raise KeyboardInterrupt
    return pipeline


_F = TypeVar("_F", bound=Callable[..., Any])


def _model_and_reading_options(command: _F) -> _F:
    """Add the options that ``run`` and ``serve`` share (model, cache, device, reference, encoding)."""
    options = [
        click.option("--model", type=click.Path(path_type=Path), default=None,
                     help="Local sentence-transformers model folder [default: the bundled all-MiniLM-L6-v2]."),
        click.option("--cache-dir", type=click.Path(path_type=Path), default=None,
                     help=f"Embedding cache folder [default: {default_cache_dir()}]."),
        click.option("--no-cache", is_flag=True, help="Neither read nor write the embedding cache."),
        click.option("--device", default="cpu", show_default=True, help="Torch device for the model (cpu, cuda)."),
        click.option("--reference", default=None, metavar="ID",
                     help="Source id the synopsis compares every other source against [default: the first transcript]."),
        click.option("--encoding", default=None, metavar="NAME",
                     help="Encoding of the text files (e.g. cp1252) [default: detected per file]."),
        click.option("--pairs", type=click.Choice(["all", "reference"]), default="all", show_default=True,
                     help="Align every pair of sources of an event, or only each source with the reference and the "
                     "records (transcript, readout): n pairs instead of n(n-1)/2, for many outlets."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="compare", prog_name="compare")
def cli() -> None:
    """Compare several versions of one event, sentence by sentence.

    Pairs the sentences that report the same statement across all sources (even reworded or moved),
    marks the changed words, and writes an HTML report with JSON and CSV exports.
    """


@cli.command()
@click.argument("corpus", type=click.Path(path_type=Path, file_okay=False))
@click.option("-o", "--output", "output", type=click.Path(path_type=Path), default=Path("reports"), show_default=True,
              help="Folder to write the report into (replaced as a whole).")
@_model_and_reading_options
@click.option("--strict", is_flag=True, help="Fail (exit 1) when any file of CORPUS cannot be used.")
@click.option("--engine", type=click.Choice(["local", "spark"]), default="local", show_default=True,
              help="Run in this process, or as a PySpark job (needs pyspark and Java 17+).")
@click.option("--spark-master", default="local[*]", show_default=True, help="Spark master URL for --engine spark.")
@click.option("-q", "--quiet", is_flag=True, help="No progress or notices on stderr.")
@click.option("--max-file-bytes", type=click.IntRange(min=1), default=Settings.max_file_bytes, show_default=True,
              metavar="N", help="Leave out any file larger than N bytes.")
@click.option("--max-sentences", type=click.IntRange(min=1), default=Settings.max_sentences, show_default=True,
              metavar="N", help="Leave out any document of more than about N sentences.")
@click.option("--max-expanded-bytes", type=click.IntRange(min=1), default=Settings.max_expanded_bytes,
              show_default=True, metavar="N", help="Leave out a .docx whose XML unzips to more than N bytes, "
              "or a PDF whose text layer passes N characters.")
def run(
    corpus: Path, output: Path, model: Path | None, cache_dir: Path | None, no_cache: bool, device: str,
    reference: str | None, encoding: str | None, pairs: str, strict: bool, engine: str, spark_master: str, quiet: bool,
    max_file_bytes: int, max_sentences: int, max_expanded_bytes: int,
) -> None:
    """Compare the sources in CORPUS, each with every other unless --pairs reference is given, and write the report.

    Prints the path of the report's index.html on stdout.
    """
    settings = Settings(
        model=model,
        cache_dir=None if no_cache else (cache_dir or default_cache_dir()),
        device=device,
        reference=reference,
        encoding=encoding,
        pairs=pairs,
        strict=strict,
        engine=engine,
        spark_master=spark_master,
        max_file_bytes=max_file_bytes,
        max_sentences=max_sentences,
        max_expanded_bytes=max_expanded_bytes,
    )
    progress = _StderrProgress(quiet)
    try:
        pipeline = _import_held()
        result = pipeline.compare_corpus(corpus, output, settings, progress=progress)
    except CompareError as exc:
        progress.close()
        click.echo(f"Error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        progress.close()
        click.echo("Interrupted; the previous report, if any, is left as it was.", err=True)
        sys.exit(EXIT_INTERRUPTED)
    progress.close()
    c = result.corpus
    n_links = sum(len(p.links) for p in c.pairs)
    cached = "" if result.encoded else " (all sentences from the cache)"
    _say(f"{len(c.documents)} documents, {len(c.pairs)} pairs, {n_links} links{cached}.", quiet)
    click.echo(str(result.index))


@cli.command()
@click.argument("corpus", type=click.Path(path_type=Path, file_okay=False))
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True,
              help="Port on 127.0.0.1 to serve on (0: any free port).")
@click.option("--no-browser", is_flag=True, help="Do not open the report in the browser.")
@_model_and_reading_options
@click.option("-q", "--quiet", is_flag=True, help="No progress or notices on stderr.")
def serve(
    corpus: Path, port: int, no_browser: bool, model: Path | None, cache_dir: Path | None, no_cache: bool,
    device: str, reference: str | None, encoding: str | None, pairs: str, quiet: bool,
) -> None:
    """Serve the report of CORPUS on 127.0.0.1 to correct and annotate it in the browser.

    Marks (wrong/right links, added links, notes, stars) are saved at once to CORPUS/annotations.json,
    which `compare run` applies. Prints the address (with this session's key) on stdout; Ctrl-C stops.
    """
    settings = Settings(
        model=model,
        cache_dir=None if no_cache else (cache_dir or default_cache_dir()),
        device=device,
        reference=reference,
        encoding=encoding,
        pairs=pairs,
    )
    progress = _StderrProgress(quiet)
    try:
        _import_held("compare.serve").serve_corpus(corpus, settings, port=port, open_browser=not no_browser, progress=progress,
                     on_ready=lambda url: click.echo(url))
    except CompareError as exc:
        progress.close()
        click.echo(f"Error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        progress.close()
    progress.close()


@cli.command()
@click.argument("name", type=click.Choice(["alignment", "events", "annotations"]), default="alignment")
@click.option("--check", "check", type=click.Path(path_type=Path, dir_okay=False), default=None, metavar="FILE",
              help="Check FILE against the schema (and its cross-field rules) instead of printing the schema.")
def schema(name: str, check: Path | None) -> None:
    """Print the JSON Schema (draft 2020-12) of an export: alignment (default), events or annotations."""
    export = _import_held("compare.export")  # lxml and jsonschema load only for this command
    if check is None:
        click.echo(export.schema_text(name), nl=False)
        return
    try:
        export.check_file(check, name)
    except CompareError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(exc.exit_code)
    _say(f"{check}: follows {export.SCHEMA_NAMES[name]}.")


def main() -> None:
    """Entry point of the ``compare`` console script."""
    try:
        cli(prog_name="compare")
    except CompareError as exc:  # pragma: no cover - commands handle their own
        click.echo(f"Error: {exc}", err=True)
        sys.exit(EXIT_RUNTIME)
    except KeyboardInterrupt:  # before a command's own handler is in place (click parsing its options)
        click.echo("Interrupted; the previous report, if any, is left as it was.", err=True)
        sys.exit(EXIT_INTERRUPTED)
