"""The parts of a batch every engine shares: options, one worker's extraction and rendering,
the stream of inputs in bounded chunks, the counts and the summary.

``batch`` (this machine's process pool, resumable per document) and ``dask_engine`` (a cluster,
shard by shard) differ only in where chunks run and how output is made durable; what a
document becomes (records as bytes, or an error line) is decided here, once.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, BinaryIO, Callable, Iterable, Iterator, Protocol, Sequence, TextIO

from . import csv_layout, jsonl
from .about import DEFAULT_MODEL, __version__
from .readers import ReadError
from .record import NewsItem, RecordExtractor, TwinningRecord

DEFAULT_SHARD_MB = 32.0
"""``--shard-mb``: input per shard of the Dask engine, a few tens of MB as object stores like."""

DEFAULT_MAX_DOC_CHARS = 2_000_000
"""``--max-doc-chars``: longer documents run alone, chunk by chunk, and the summary counts them."""

ERRORS_NAME = "errors.jsonl"


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


def content_key(item: NewsItem) -> tuple[str, str]:
    """``(id, hash)`` of everything that shapes the document's records."""
    payload = json.dumps([item.id, item.text, item.path, item.url, item.published, item.title],
                         ensure_ascii=False)
    return item.id, hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]


def fsync(handle: BinaryIO) -> None:
    handle.flush()
    os.fsync(handle.fileno())


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
        fsync(self.out)
        if self._pending:
            self.state.write(b"".join(self._pending))
            fsync(self.state)
            self._pending.clear()
        self._last_commit = time.monotonic()


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

    def counts(self) -> dict[str, Any]:
        """The counts as plain JSON (what a shard reports, what a manifest keeps)."""
        return {**{name: getattr(self, name) for name in COUNTED}, "skipped_records": dict(self.skipped_records)}

    def add(self, counts: dict[str, Any]) -> None:
        """Add another part's ``counts()`` (a shard's) to these."""
        for name in COUNTED:
            setattr(self, name, getattr(self, name) + int(counts.get(name, 0)))
        self.skipped_records.update(counts.get("skipped_records", {}))


COUNTED = ("read", "skipped", "processed", "failed", "records", "long_docs")
"""The counts that add up over parts of a run (``changed`` belongs to a resumed local run)."""


class ErrorReporter(Protocol):
    def report(self, error: ReadError) -> None: ...


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


def input_chunks(events: Iterable[NewsItem | ReadError], options: BatchOptions,
                 done: set[tuple[str, str]], stats: Stats) -> Iterator[list[NewsItem | ReadError]]:
    """The inputs not yet done, with their language, in bounded chunks: what either engine
    hands to its workers (a document over ``--max-doc-chars`` is counted and runs alone)."""
    fresh = fresh_inputs(with_language(events, options.lang), done, stats)
    return chunked(counted_long(fresh, options.max_doc_chars, stats), options.chunk_docs,
                   min(options.chunk_chars, options.max_doc_chars))


def counted_long(events: Iterable[NewsItem | ReadError], max_doc_chars: int, stats: Stats
                 ) -> Iterator[NewsItem | ReadError]:
    """Documents as they come, counting those over ``--max-doc-chars`` for the summary."""
    for event in events:
        if isinstance(event, NewsItem) and len(event.text) >= max_doc_chars:
            stats.long_docs += 1
        yield event


def documents_of(chunk: list[NewsItem | ReadError]) -> list[NewsItem]:
    return [event for event in chunk if isinstance(event, NewsItem)]


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


