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
import hashlib
import json
import os
import signal
import sys
import time
from collections import Counter, deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from itertools import chain, islice
from multiprocessing import get_context
from pathlib import Path
from typing import Any, BinaryIO, Callable, Iterable, Iterator, Protocol, Sequence, TextIO

from .about import DEFAULT_MODEL, __version__
from . import csv_layout, jsonl, storage
from .language import LANGUAGES
from .memory import MIN_WORKER_MB, address_space_limit, limit_address_space, per_worker_mb
from .readers import STDIN, ReadError, read_inputs
from .record import NewsItem, RecordExtractor, TwinningRecord

DEFAULT_SHARD_MB = 32.0
"""``--shard-mb``: input per shard of the Dask engine, a few tens of MB as object stores like."""

DEFAULT_MAX_DOC_CHARS = 2_000_000
"""``--max-doc-chars``: longer documents run alone, chunk by chunk, and the summary counts them."""

STATE_SUFFIX = ".state.jsonl"
ERRORS_NAME = "errors.jsonl"
STATE_FORMAT = 1


ExtractorFactory = Callable[[], RecordExtractor]


class UsageError(Exception):
    """A problem with the command line or the output's state: exit code 2."""


class ExtractorUnavailable(Exception):
    """The pipeline could not be built (bad model name, broken patterns ...)."""


@dataclass(frozen=True)
class PipelineFactory:
    """Picklable recipe for the real ``Extractor``, so each worker process builds its own."""

    model: str = DEFAULT_MODEL
    patterns: str | None = None

    def __call__(self) -> RecordExtractor:
        from .pipeline import Extractor

        return Extractor(model=self.model, patterns=self.patterns)


@dataclass
class BatchOptions:
    paths: list[str]
    output: str
    fmt: str = "jsonl"
    workers: int = 1
    force: bool = False
    quiet: bool = False
    verbose: bool = False
    explain: bool = False
    model: str = DEFAULT_MODEL
    patterns: str | None = None
    lang: str | None = None
    """Language of inputs that do not state one (``--lang``); None: detected per document."""
    progress: bool | None = None
    """None: a progress bar only when stderr is a terminal."""
    max_memory_mb: int | None = None
    """``--max-memory``: the extraction's memory budget, split over the workers (None: 75 % of RAM)."""
    max_doc_chars: int = DEFAULT_MAX_DOC_CHARS
    """``--max-doc-chars``: a longer document runs alone, in streamed windows, and is counted."""
    engine: str = "local"
    """``local`` (this machine's process pool) or ``dask`` (a Dask cluster, shard by shard)."""
    scheduler: str | None = None
    """``--scheduler``: a Dask scheduler's address; None: a LocalCluster of ``workers`` processes."""
    shard_mb: float = DEFAULT_SHARD_MB
    """``--shard-mb``: input per shard for the Dask engine."""
    chunk_docs: int = 32
    chunk_chars: int = 500_000
    commit_docs: int = 256
    commit_seconds: float = 1.0

    @property
    def to_stdout(self) -> bool:
        return self.output == "-"

    def settings(self) -> dict[str, Any]:
        """What makes the output's bytes: a resumed run must use the same."""
        settings = {"format": self.fmt, "explain": self.explain, "model": self.model,
                    "patterns": self.patterns, "version": __version__}
        if self.lang is not None:
            settings["lang"] = self.lang
        return settings


# ---------------------------------------------------------------- rendering


class Renderer:
    """Records of one document as output bytes (JSON Lines, or CSV rows in ``csv_layout``'s layout)."""

    def __init__(self, fmt: str, explain: bool) -> None:
        if fmt not in ("jsonl", "csv"):
            raise ValueError(f"unknown format {fmt!r}")
        self.fmt = fmt
        self.explain = explain
        self.columns = csv_layout.columns(explain=explain)

    def header(self) -> bytes:
        return csv_layout.csv_text([self.columns]).encode("utf-8") if self.fmt == "csv" else b""

    def render(self, records: Sequence[TwinningRecord]) -> bytes:
        if not records:
            return b""
        if self.fmt == "csv":
            data = [r.to_dict(explain=self.explain) for r in records]
            return csv_layout.csv_text(csv_layout.record_rows(data, self.columns)).encode("utf-8")
        return jsonl.dumps(r.to_dict(explain=self.explain) for r in records).encode("utf-8")


# ---------------------------------------------------------------- workers


@dataclass(frozen=True)
class Outcome:
    """One document's result: its rendered records, or why extraction failed."""

    records: int
    data: bytes
    error: str | None = None


class Worker:
    """An extractor plus a renderer; isolates a document that makes the pipeline fail."""

    def __init__(self, extractor: RecordExtractor, renderer: Renderer) -> None:
        self.extractor = extractor
        self.renderer = renderer

    def process(self, items: list[NewsItem]) -> list[Outcome]:
        """Outcomes in input order; on failure the chunk is redone one document at a time."""
        try:
            return self._pipe(items)
        except MemoryError:
            if len(items) == 1:
                return [Outcome(0, b"", "extraction failed: the document needs more memory than the budget "
                                        "allows (--max-memory, split over --workers)")]
            return [outcome for item in items for outcome in self.process([item])]
        except Exception as err:  # noqa: BLE001  (one bad document must not stop the batch)
            if len(items) == 1:
                return [Outcome(0, b"", f"extraction failed: {type(err).__name__}: {err}")]
            return [outcome for item in items for outcome in self.process([item])]

    def _pipe(self, items: list[NewsItem]) -> list[Outcome]:
        pairs = list(self.extractor.pipe(items))
        if len(pairs) != len(items):
            raise RuntimeError(f"extractor returned {len(pairs)} results for {len(items)} documents")
        return [self._outcome(records) for _, records in pairs]

    def _outcome(self, records: list[TwinningRecord]) -> Outcome:
        return Outcome(len(records), self.renderer.render(records))


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


def content_key(item: NewsItem) -> tuple[str, str]:
    """``(id, hash)`` of everything that shapes the document's records."""
    payload = json.dumps([item.id, item.text, item.path, item.url, item.published, item.title],
                         ensure_ascii=False)
    return item.id, hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]


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


def _fsync(handle: BinaryIO) -> None:
    handle.flush()
    os.fsync(handle.fileno())


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


class Sink:
    """Writes documents' records and, when a state file is kept, commits them durably."""

    def __init__(self, out: BinaryIO, state: BinaryIO | None, offset: int,
                 commit_docs: int, commit_seconds: float) -> None:
        self.out = out
        self.state = state
        self.offset = offset
        self.commit_docs = commit_docs
        self.commit_seconds = commit_seconds
        self._pending: list[bytes] = []
        self._last_commit = time.monotonic()

    def add(self, key: tuple[str, str], data: bytes) -> None:
        self.out.write(data)
        self.offset += len(data)
        if self.state is None:
            return
        entry = {"id": key[0], "hash": key[1], "end": self.offset}
        self._pending.append(json.dumps(entry, ensure_ascii=False).encode("utf-8") + b"\n")
        if (len(self._pending) >= self.commit_docs
                or time.monotonic() - self._last_commit >= self.commit_seconds):
            self.commit()

    def commit(self) -> None:
        """Records reach the disk before the state says their documents are done."""
        if self.state is None:
            self.out.flush()
            return
        _fsync(self.out)
        if self._pending:
            self.state.write(b"".join(self._pending))
            _fsync(self.state)
            self._pending.clear()
        self._last_commit = time.monotonic()


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
        _fsync(handle)
    os.replace(temporary, state_path)
    out = open(output, "wb")
    out.write(header)
    _fsync(out)
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
    _fsync(out)
    state_file = open(state_path, "r+b")
    state_file.truncate(state.state_size)
    state_file.seek(state.state_size)
    _fsync(state_file)
    return OutputFiles(out, state_file, state.end, state.done, True)


# ---------------------------------------------------------------- the run


@dataclass
class Stats:
    read: int = 0
    skipped: int = 0
    processed: int = 0
    failed: int = 0
    records: int = 0
    changed: int = 0
    """Documents done by an earlier run whose content has changed since."""
    long_docs: int = 0
    """Documents over ``--max-doc-chars``."""
    skipped_records: Counter[str] = field(default_factory=Counter)
    """Archive records that are not news pages, by reason."""
    started: float = field(default_factory=time.perf_counter)

    def elapsed(self) -> float:
        return time.perf_counter() - self.started


class ErrorReporter(Protocol):
    def report(self, error: ReadError) -> None: ...


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


def chunked(events: Iterable[NewsItem | ReadError], max_docs: int, max_chars: int
            ) -> Iterator[list[NewsItem | ReadError]]:
    """Bounded groups of consecutive inputs (errors ride along to keep their place); a document
    longer than ``max_chars`` is a group of its own."""
    chunk: list[NewsItem | ReadError] = []
    chars = 0
    for event in events:
        if isinstance(event, NewsItem) and len(event.text) >= max_chars and chunk:
            yield chunk
            chunk, chars = [], 0
        chunk.append(event)
        if isinstance(event, NewsItem):
            chars += len(event.text)
        if len(chunk) >= max_docs or chars >= max_chars:
            yield chunk
            chunk, chars = [], 0
    if chunk:
        yield chunk


def with_language(events: Iterable[NewsItem | ReadError], lang: str | None
                  ) -> Iterator[NewsItem | ReadError]:
    """Documents that state no language get ``lang`` (a ``lang`` field in the input wins)."""
    for event in events:
        if lang is not None and isinstance(event, NewsItem) and event.lang is None:
            event.lang = lang
        yield event


def fresh_inputs(events: Iterable[NewsItem | ReadError], done: set[tuple[str, str]], stats: Stats
                 ) -> Iterator[NewsItem | ReadError]:
    """Inputs not yet done; a document seen twice (same id and content) is done once."""
    seen = done
    earlier_ids = {doc_id for doc_id, _ in done}
    for event in events:
        stats.read += 1
        if isinstance(event, ReadError):
            yield event
            continue
        key = content_key(event)
        if key in seen:
            stats.skipped += 1
            continue
        if event.id in earlier_ids:
            stats.changed += 1
        seen.add(key)
        yield event


def counted_long(events: Iterable[NewsItem | ReadError], max_doc_chars: int, stats: Stats
                 ) -> Iterator[NewsItem | ReadError]:
    """Documents as they come, counting those over ``--max-doc-chars`` for the summary."""
    for event in events:
        if isinstance(event, NewsItem) and len(event.text) >= max_doc_chars:
            stats.long_docs += 1
        yield event


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


def documents_of(chunk: list[NewsItem | ReadError]) -> list[NewsItem]:
    return [event for event in chunk if isinstance(event, NewsItem)]


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
        from .dask_engine import run_dask

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
    events = fresh_inputs(with_language(read_inputs(options.paths, exclude=exclude, on_skip=skip,
                                                    skipped=stats.skipped_records),
                                        options.lang), files.done, stats)
    chunks = chunked(counted_long(events, options.max_doc_chars, stats), options.chunk_docs,
                     min(options.chunk_chars, options.max_doc_chars))
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


def write_chunk(chunk: list[NewsItem | ReadError], outcomes: list[Outcome], sink: Sink,
                errors: ErrorReporter, stats: Stats) -> None:
    """Records of a chunk's documents to the sink, in order; its bad inputs to ``errors``."""
    results = iter(outcomes)
    for event in chunk:
        if isinstance(event, ReadError):
            stats.failed += 1
            errors.report(event)
            continue
        outcome = next(results)
        if outcome.error is not None:
            stats.failed += 1
            errors.report(ReadError(event.path or event.id, getattr(event, "line", None),
                                    f"{event.id}: {outcome.error}"))
            continue
        stats.processed += 1
        stats.records += outcome.records
        sink.add(content_key(event), outcome.data)


def progress_bar(options: BatchOptions, stderr: TextIO, total: int | None = None, unit: str = "doc") -> Any:
    """A tqdm bar on stderr when asked for (default: when stderr is a terminal), else None."""
    show = options.progress if options.progress is not None else _is_tty(stderr)
    if not show or options.quiet:
        return None
    from tqdm import tqdm

    return tqdm(file=stderr, total=total, unit=unit, desc="twin-extract", mininterval=0.5, smoothing=0.1)


def _is_tty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


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


def print_summary(stats: Stats, error_count: int, errors_at: str | None, stderr: TextIO) -> None:
    elapsed = stats.elapsed()
    work = stats.processed + stats.failed
    rate = work / elapsed if elapsed > 0 else 0.0
    skipped = f" ({stats.skipped} already done, skipped)" if stats.skipped else ""
    print(f"twin-extract run: {stats.read} documents read{skipped}, {stats.records} records "
          f"written, {stats.failed} documents failed, {elapsed:.1f} s, {rate:.1f} documents/s",
          file=stderr)
    if stats.long_docs:
        print(f"twin-extract run: {stats.long_docs} documents longer than --max-doc-chars were run alone, "
              "in streamed windows", file=stderr)
    if stats.changed:
        print(f"twin-extract run: warning: {stats.changed} documents changed since the interrupted "
              "run; the records of their old version remain (use --force for a clean output)",
              file=stderr)
    if stats.skipped_records:
        reasons = ", ".join(f"{n} {why}" for why, n in stats.skipped_records.most_common())
        print(f"twin-extract run: {sum(stats.skipped_records.values())} archive records skipped "
              f"({reasons})", file=stderr)
    if error_count and errors_at is not None:
        print(f"twin-extract run: errors listed in {errors_at}", file=stderr)


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
