"""``twin-extract run``: many news files to JSON Lines (or CSV) records, resumable after a crash.

Documents stream from the readers in order, go to the extractor in bounded chunks (in this
process or in a pool of worker processes, each with its own pipeline) and their records are
written in input order, so the output is the same bytes whatever ``--workers``.

Crash safety: a state file beside the output (``OUT.state.jsonl``) lists every document done
with its id, content hash and the output size after its records. Records are written and
fsync'd before their documents are appended to the state and fsync'd, so on resume the output
is cut back to the size of the last document done: torn lines and records of unfinished
documents disappear, and those documents are extracted again.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from itertools import chain, islice
from multiprocessing import get_context
from pathlib import Path
from typing import Any, BinaryIO, Callable, Iterable, Iterator, TextIO

from .about import DEFAULT_MODEL
from . import jsonl, storage
from .dask_engine import run_dask
from .language import LANGUAGES
from .memory import MIN_WORKER_MB, address_space_limit, limit_address_space, per_worker_mb
from .readers import STDIN, ReadError, read_inputs
from .record import NewsItem
from .work import (DEFAULT_MAX_DOC_CHARS, DEFAULT_SHARD_MB, ERRORS_NAME, BatchOptions,
                   ExtractorFactory, ExtractorUnavailable, Outcome, PipelineFactory, Renderer, Sink,
                   Stats, UsageError, Worker, documents_of, fsync, input_chunks, print_summary,
                   progress_bar, write_chunk)

STATE_SUFFIX = ".state.jsonl"
STATE_FORMAT = 1


# ---------------------------------------------------------------- workers


_WORKER: Worker | None = None
_WORKER_ERROR: str | None = None


def _init_worker(factory: ExtractorFactory, fmt: str, explain: bool, memory_mb: int) -> None:
    """Pool initializer: one extractor per process, within its memory budget; Ctrl-C is left to
    the parent."""
    global _WORKER, _WORKER_ERROR
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    limit_address_space(memory_mb)
    try:
        _WORKER = Worker(factory(), Renderer(fmt, explain))
    except Exception as err:  # noqa: BLE001  (reported once by the parent)
        _WORKER_ERROR = f"{type(err).__name__}: {err}"


def _work(items: list[NewsItem]) -> list[Outcome]:
    if _WORKER is None:
        raise ExtractorUnavailable(_WORKER_ERROR or "worker not initialised")
    return _WORKER.process(items)


# ---------------------------------------------------------------- resume state


@dataclass
class ResumeState:
    """What a previous run finished: the documents done and where its output must end."""

    done: set[tuple[str, str]] = field(default_factory=set)
    end: int = 0
    state_size: int = 0


def load_state(state_path: Path, settings: dict[str, Any]) -> ResumeState:
    """Parse the state file; a torn last line (killed mid-write) is ignored."""
    data = state_path.read_bytes()
    lines = data.split(b"\n")
    complete, torn = lines[:-1], lines[-1]
    state = ResumeState()
    good_size = 0
    for number, line in enumerate(complete, start=1):
        try:
            entry = json.loads(line)
        except json.JSONDecodeError:
            if number == len(complete) and not torn and number > 1:
                break
            raise UsageError(f"{state_path}:{number}: corrupt state file; use --force to start over")
        if number == 1:
            _check_header(state_path, entry, settings)
        try:
            _apply_entry(state, entry, header=number == 1)
        except (KeyError, TypeError, ValueError):
            raise UsageError(f"{state_path}:{number}: corrupt state file; use --force to start over")
        good_size += len(line) + 1
    if good_size == 0:
        raise UsageError(f"{state_path}: empty state file; use --force to start over")
    state.state_size = good_size
    return state


def _apply_entry(state: ResumeState, entry: dict[str, Any], header: bool) -> None:
    if header:
        state.end = int(entry["start"])
        return
    state.done.add((str(entry["id"]), str(entry["hash"])))
    state.end = int(entry["end"])


def _check_header(state_path: Path, header: Any, settings: dict[str, Any]) -> None:
    if not isinstance(header, dict) or header.get("state") != STATE_FORMAT:
        raise UsageError(f"{state_path}: not a twin-extract state file; use --force to start over")
    previous = header.get("settings")
    if previous != settings:
        changed = sorted(k for k in settings if (previous or {}).get(k) != settings[k])
        raise UsageError(
            f"{state_path}: the output was started with other settings ({', '.join(changed)}); "
            "re-run with the same options or use --force to start over"
        )


def _fsync_folder(folder: Path) -> None:
    """New and renamed files survive a power cut only once their folder is synced too."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


# ---------------------------------------------------------------- output


@dataclass
class OutputFiles:
    out: BinaryIO
    state: BinaryIO | None
    offset: int
    done: set[tuple[str, str]]
    resumed: bool


def state_path_for(output: str) -> Path:
    return Path(output + STATE_SUFFIX)


def errors_path_for(output: str) -> Path:
    return Path(output).parent / ERRORS_NAME


def open_output(options: BatchOptions, renderer: Renderer) -> OutputFiles:
    """Resume a matching run, refuse to clobber a foreign file, or start afresh."""
    if options.to_stdout:
        out = sys.stdout.buffer
        out.write(renderer.header())
        return OutputFiles(out, None, 0, set(), False)
    output = Path(options.output)
    state_path = state_path_for(options.output)
    output.parent.mkdir(parents=True, exist_ok=True)
    if not options.force and output.exists() and state_path.exists():
        return _resume(output, state_path, options, renderer)
    if not options.force and output.exists() and output.stat().st_size > 0:
        raise UsageError(f"{output} exists and was not written by an interrupted run "
                         "(no state file); choose another output or use --force to overwrite it")
    return _start(output, state_path, options, renderer)


def _start(output: Path, state_path: Path, options: BatchOptions, renderer: Renderer) -> OutputFiles:
    header = renderer.header()
    entry = {"state": STATE_FORMAT, "settings": options.settings(), "start": len(header)}
    temporary = state_path.with_name(state_path.name + ".tmp")
    with open(temporary, "wb") as handle:
        handle.write(json.dumps(entry).encode("utf-8") + b"\n")
        fsync(handle)
    os.replace(temporary, state_path)
    out = open(output, "wb")
    out.write(header)
    fsync(out)
    _fsync_folder(output.parent)
    return OutputFiles(out, open(state_path, "ab"), len(header), set(), False)


def _resume(output: Path, state_path: Path, options: BatchOptions, renderer: Renderer) -> OutputFiles:
    state = load_state(state_path, options.settings())
    if not state.done:
        return _start(output, state_path, options, renderer)
    if output.stat().st_size < state.end:
        raise UsageError(f"{output} is shorter than its state file says; use --force to start over")
    out = open(output, "r+b")
    out.truncate(state.end)
    out.seek(state.end)
    fsync(out)
    state_file = open(state_path, "r+b")
    state_file.truncate(state.state_size)
    state_file.seek(state.state_size)
    fsync(state_file)
    return OutputFiles(out, state_file, state.end, state.done, True)


# ---------------------------------------------------------------- the run


class ErrorLog:
    """Bad inputs on stderr and, for a file output, in ``errors.jsonl`` beside it."""

    def __init__(self, path: Path | None, stderr: TextIO) -> None:
        self.path = path
        self.stderr = stderr
        self.count = 0
        self._file = open(path, "w", encoding="utf-8") if path is not None else None
        self._lines = jsonl.writer(self._file, flush=True) if self._file is not None else None

    def report(self, error: ReadError) -> None:
        self.count += 1
        print(f"twin-extract run: error: {error}", file=self.stderr)
        if self._lines is not None:
            self._lines.write(error.to_dict())

    def close(self) -> None:
        if self._file is not None:
            self._file.close()


def run_chunks(chunks: Iterable[list[NewsItem | ReadError]], options: BatchOptions,
               factory: ExtractorFactory, renderer: Renderer,
               on_chars: Callable[[int, int], None] | None = None,
               ) -> Iterator[tuple[list[NewsItem | ReadError], list[Outcome]]]:
    """``(chunk, outcomes of its documents)`` in input order, in-process or in a pool, each
    process within its share of the memory budget.

    An input of a single chunk is done in-process whatever ``--workers``: starting a pool
    (one model load per worker) would cost more than it saves. In-process, a long document
    reports its characters done through ``on_chars`` (the progress bar).
    """
    chunks = iter(chunks)
    head = list(islice(chunks, 2))
    if options.workers <= 1 or len(head) < 2:
        with address_space_limit(per_worker_mb(options.max_memory_mb, 1)):
            yield from _run_here(chain(head, chunks), factory, renderer, on_chars)
    else:
        yield from _run_pool(chain(head, chunks), options, factory)


def _run_here(chunks: Iterable[list[NewsItem | ReadError]], factory: ExtractorFactory,
              renderer: Renderer, on_chars: Callable[[int, int], None] | None = None,
              ) -> Iterator[tuple[list[NewsItem | ReadError], list[Outcome]]]:
    worker: Worker | None = None
    for chunk in chunks:
        docs = documents_of(chunk)
        if docs and worker is None:
            worker = _build_worker(factory, renderer)
            if on_chars is not None and hasattr(worker.extractor, "on_chars"):
                worker.extractor.on_chars = on_chars
        yield chunk, worker.process(docs) if docs and worker is not None else []


def _build_worker(factory: ExtractorFactory, renderer: Renderer) -> Worker:
    try:
        return Worker(factory(), renderer)
    except Exception as err:  # noqa: BLE001  (a bad model name, broken patterns ...)
        raise ExtractorUnavailable(f"{type(err).__name__}: {err}") from err


def _run_pool(chunks: Iterable[list[NewsItem | ReadError]], options: BatchOptions,
              factory: ExtractorFactory
              ) -> Iterator[tuple[list[NewsItem | ReadError], list[Outcome]]]:
    """At most ``4 x workers`` chunks in flight: bounded memory, results taken in order."""
    window = 4 * options.workers
    pending: deque[tuple[list[NewsItem | ReadError], Future[list[Outcome]] | None]] = deque()
    executor = ProcessPoolExecutor(
        max_workers=options.workers, mp_context=get_context("spawn"),
        initializer=_init_worker, initargs=(factory, options.fmt, options.explain,
                                            per_worker_mb(options.max_memory_mb, options.workers)),
    )
    try:
        for chunk in chunks:
            docs = documents_of(chunk)
            pending.append((chunk, executor.submit(_work, docs) if docs else None))
            while len(pending) >= window:
                yield _take(pending)
        while pending:
            yield _take(pending)
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


def _take(pending: deque[tuple[list[NewsItem | ReadError], Future[list[Outcome]] | None]]
          ) -> tuple[list[NewsItem | ReadError], list[Outcome]]:
    chunk, future = pending.popleft()
    return chunk, future.result() if future is not None else []


def run_batch(options: BatchOptions, factory: ExtractorFactory | None = None,
              stderr: TextIO | None = None) -> int:
    """The whole job; returns the exit code (0 ok, 1 some input failed, 2 usage error)."""
    stderr = stderr if stderr is not None else sys.stderr
    factory = factory if factory is not None else PipelineFactory(options.model, options.patterns)
    try:
        check_options(options)
    except UsageError as err:
        print(f"twin-extract run: error: {err}", file=stderr)
        return 2
    if options.engine == "dask":
        return run_dask(options, factory, stderr)
    try:
        renderer = Renderer(options.fmt, options.explain)
        files = open_output(options, renderer)
    except UsageError as err:
        print(f"twin-extract run: error: {err}", file=stderr)
        return 2
    errors = ErrorLog(None if options.to_stdout else errors_path_for(options.output), stderr)
    stats = Stats()
    sink = Sink(files.out, files.state, files.offset, options.commit_docs, options.commit_seconds)
    if files.resumed and not options.quiet:
        print(f"twin-extract run: resuming {options.output} "
              f"({len(files.done)} documents already done)", file=stderr)
    try:
        code = _process(options, factory, renderer, files, sink, errors, stats, stderr)
    finally:
        sink.commit()
        errors.close()
        if not options.to_stdout:
            files.out.close()
            if files.state is not None:
                files.state.close()
    if not options.quiet:
        print_summary(stats, errors.count, str(errors.path) if errors.path else None, stderr)
    return code


def _process(options: BatchOptions, factory: ExtractorFactory, renderer: Renderer,
             files: OutputFiles, sink: Sink, errors: ErrorLog, stats: Stats, stderr: TextIO) -> int:
    exclude = [] if options.to_stdout else [
        Path(options.output), state_path_for(options.output), errors_path_for(options.output)]
    skip = (lambda path: print(f"twin-extract run: ignored: {path}", file=stderr)
            ) if options.verbose else None
    events = read_inputs(options.paths, exclude=exclude, on_skip=skip, skipped=stats.skipped_records)
    chunks = input_chunks(events, options, files.done, stats)
    bar = progress_bar(options, stderr)

    def on_chars(done: int, total: int) -> None:
        if bar is not None and total >= options.max_doc_chars:
            bar.set_postfix_str(f"long document: {done / 1e6:.1f} of {total / 1e6:.1f} M characters")

    try:
        for chunk, outcomes in run_chunks(chunks, options, factory, renderer, on_chars):
            write_chunk(chunk, outcomes, sink, errors, stats)
            if bar is not None:
                bar.update(len(chunk))
                bar.set_postfix(records=stats.records, refresh=False)
    except ExtractorUnavailable as err:
        print(f"twin-extract run: error: cannot build the extraction pipeline: {err}", file=stderr)
        return 2
    except BrokenProcessPool:
        print("twin-extract run: error: a worker process died (out of memory?); "
              "re-run the same command to resume", file=stderr)
        return 1
    finally:
        if bar is not None:
            bar.close()
    return 1 if stats.failed else 0


def check_options(options: BatchOptions) -> None:
    """Usage errors found before anything is written."""
    missing = [p for p in options.paths if p != STDIN and not storage.exists(p)]
    if missing:
        raise UsageError(f"no such file or directory: {', '.join(missing)}")
    if options.paths.count(STDIN) > 1:
        raise UsageError("'-' (stdin) can be given only once")
    if options.engine == "dask":
        _check_dask(options)
        return
    if storage.is_url(options.output):
        raise UsageError("the local engine writes local files only; use --engine dask to write to a URL")
    if options.scheduler is not None:
        raise UsageError("--scheduler needs --engine dask")
    if options.workers < 1:
        raise UsageError("--workers must be at least 1")
    share = per_worker_mb(options.max_memory_mb, options.workers)
    if share < MIN_WORKER_MB:
        raise UsageError(f"--max-memory gives each of {options.workers} workers {share} MB; "
                         f"each needs at least {MIN_WORKER_MB} MB")
    _check_common(options)
    if not options.to_stdout and Path(options.output).is_dir():
        raise UsageError(f"the output {options.output} is a folder; give a file name")


def _check_common(options: BatchOptions) -> None:
    if options.patterns is not None and not os.path.isdir(options.patterns):
        raise UsageError(f"--patterns: no such folder: {options.patterns}")
    if not options.to_stdout and storage.name_of(options.output) == ERRORS_NAME:
        raise UsageError(f"the output cannot be named {ERRORS_NAME} (the errors file)")


def _check_dask(options: BatchOptions) -> None:
    try:
        import distributed  # noqa: F401
    except ImportError:
        raise UsageError('--engine dask needs Dask: pip install "twin_extract[dask]"') from None
    if STDIN in options.paths:
        raise UsageError("--engine dask reads files and URLs, not stdin")
    if options.to_stdout:
        raise UsageError("--engine dask writes a file or URL, not stdout")
    if options.scheduler is None:
        share = per_worker_mb(options.max_memory_mb, options.workers)
        if share < MIN_WORKER_MB:
            raise UsageError(f"--max-memory gives each of {options.workers} workers {share} MB; "
                             f"each needs at least {MIN_WORKER_MB} MB")
    if options.shard_mb <= 0:
        raise UsageError("--shard-mb must be positive")
    _check_common(options)
    if storage.isdir(options.output):
        raise UsageError(f"the output {options.output} is a folder; give a file name")


# ---------------------------------------------------------------- command line


def positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="files, folders or URLs (txt, md, html, jsonl, ndjson, warc, also .gz); - for stdin")
    parser.add_argument("-o", "--output", required=True, metavar="OUT",
                        help="output file (- for stdout, no resume then)")
    parser.add_argument("--format", dest="fmt", choices=("jsonl", "csv"), default="jsonl")
    parser.add_argument("--workers", type=positive_int, default=os.cpu_count() or 1,
                        help="worker processes (default: all cores)")
    parser.add_argument("--force", action="store_true",
                        help="overwrite the output instead of resuming it")
    parser.add_argument("-q", "--quiet", action="store_true", help="no summary, no progress bar")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="also list files a folder walk ignores")
    parser.add_argument("--model", default=DEFAULT_MODEL, help="spaCy model package name")
    parser.add_argument("--patterns", metavar="DIR", help="folder of extra or overriding rules")
    parser.add_argument("--lang", choices=LANGUAGES, default=None,
                        help="language of inputs without a 'lang' field (default: detected per document)")
    parser.add_argument("--explain", action="store_true",
                        help="add the ids of the rules behind each record")
    parser.add_argument("--max-memory", type=positive_int, default=None, metavar="MB",
                        help="memory budget of the extraction, split over the workers; a document that "
                             "needs more fails with an error line (default: 75%% of RAM)")
    parser.add_argument("--engine", choices=("local", "dask"), default="local",
                        help="local: a process pool on this machine (resumable per document); "
                             "dask: a Dask cluster, shard by shard (inputs and output may be URLs)")
    parser.add_argument("--scheduler", metavar="ADDRESS",
                        help="with --engine dask: a running scheduler (default: a local cluster of --workers)")
    parser.add_argument("--shard-mb", type=float, default=DEFAULT_SHARD_MB, metavar="MB",
                        help=f"with --engine dask: input per shard (default: {DEFAULT_SHARD_MB:g})")
    parser.add_argument("--max-doc-chars", type=positive_int, default=DEFAULT_MAX_DOC_CHARS, metavar="N",
                        help="documents longer than this run alone, in streamed windows, and are counted "
                             f"in the summary (default: {DEFAULT_MAX_DOC_CHARS:,})")


def command(args: argparse.Namespace) -> int:
    options = BatchOptions(
        paths=list(args.paths), output=args.output, fmt=args.fmt, workers=args.workers,
        force=args.force, quiet=args.quiet, verbose=args.verbose, explain=args.explain,
        model=args.model, patterns=args.patterns, lang=args.lang,
        max_memory_mb=args.max_memory, max_doc_chars=args.max_doc_chars,
        engine=args.engine, scheduler=args.scheduler, shard_mb=args.shard_mb,
    )
    return run_batch(options)
