"""Input readers: files, folders and stdin become a stream of ``NewsItem`` or ``ReadError``.

Every bad input becomes a ``ReadError`` in the stream instead of an exception, so a batch over
thousands of files reports it and goes on. Folders are walked lazily in sorted order, so the
stream is deterministic and memory stays bounded (a JSON Lines file is read line by line).
"""

from __future__ import annotations

import gzip
import io
import os
import re
import sys
import zlib
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any, BinaryIO, Callable, Collection, Iterable, Iterator

from . import jsonl, storage
from .language import check_language
from .pages import (GZIP_MAGIC, SNIFF_BYTES, InputError, InputItem, ReadError, decode_text,
                    html_item)
from .record import NewsItem
from .warc import read_warc

TEXT, HTML, JSONL, WARC = "text", "html", "jsonl", "warc"
KINDS: dict[str, str] = {
    ".txt": TEXT, ".md": TEXT, ".html": HTML, ".htm": HTML, ".jsonl": JSONL, ".ndjson": JSONL,
    ".warc": WARC,
}
"""Known extensions (after removing ``.gz``) and how their files are read."""

STDIN = "-"
STDIN_NAME = "<stdin>"
OPTIONAL_FIELDS = ("published", "url", "title", "lang")
OWN_FILES = re.compile(r"^errors\.jsonl$|\.state\.jsonl(\.tmp)?$")
"""Files ``twin-extract run`` writes beside its output; never news, so a folder walk skips them."""


def read_inputs(
    paths: Iterable[str],
    *,
    stdin: BinaryIO | None = None,
    exclude: Collection[Path] = (),
    on_skip: Callable[[str], None] | None = None,
    skipped: Counter[str] | None = None,
) -> Iterator[NewsItem | ReadError]:
    """Documents from every path or URL in order; ``-`` is stdin, folders are walked recursively.

    ``exclude`` lists files never read (the batch's own output, state and error files);
    ``on_skip`` hears about the files a folder walk ignores (unknown type, twin-extract's own
    state and error files); ``skipped`` counts the archive records passed over.
    """
    excluded = {p.resolve() for p in exclude}
    for raw in paths:
        if raw == STDIN:
            yield from read_stdin(stdin if stdin is not None else sys.stdin.buffer)
            continue
        for location, doc_id in input_files(raw, excluded, on_skip):
            yield from read_file(location, doc_id=doc_id, default_kind=TEXT, skipped=skipped)


def input_files(raw: str, excluded: Collection[Path] = (), on_skip: Callable[[str], None] | None = None
                ) -> Iterator[tuple[str, str]]:
    """``(path or URL, document id)`` of the files one input names: itself, or a folder's files
    (id: the path inside the folder) in sorted order, never the batch's own files."""
    if storage.is_url(raw):
        if not storage.isdir(raw):
            yield raw, storage.name_of(raw)
            return
        files: Iterable[tuple[str, str]] = storage.walk_files(raw)
    else:
        root = Path(storage.local(raw))
        if not root.is_dir():
            if root.resolve() not in excluded:
                yield str(root), root.name
            return
        files = ((str(path), rel) for path, rel in walk_folder(root) if path.resolve() not in excluded)
    for location, rel in files:
        if kind_of(location) is None or OWN_FILES.search(storage.name_of(location)):
            if on_skip is not None:
                on_skip(location)
            continue
        yield location, rel


def walk_folder(root: Path) -> Iterator[tuple[Path, str]]:
    """``(path, path relative to root)`` in sorted order, skipping hidden files and folders."""
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = Path(folder) / name
            yield path, path.relative_to(root).as_posix()


def kind_of(location: str | Path) -> str | None:
    """How a file is read, from its extension (``.gz`` removed); None when unknown."""
    suffixes = [s.lower() for s in PurePosixPath(storage.name_of(str(location))).suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes.pop()
    return KINDS.get(suffixes[-1]) if suffixes else None


def is_gzip_name(location: str | Path) -> bool:
    return str(location).lower().endswith(".gz")


@dataclass(frozen=True)
class Span:
    """Whole lines ``[start, end)`` of an uncompressed JSON Lines file, the first being line
    ``first_line``: how a large file is cut into shards without changing any document's id."""

    start: int
    end: int
    first_line: int


def read_file(
    location: str | Path, doc_id: str, default_kind: str | None = None,
    span: Span | None = None, skipped: Counter[str] | None = None,
) -> Iterator[NewsItem | ReadError]:
    """One file's documents (a local path or a URL); any failure is yielded as a ``ReadError``,
    never raised."""
    shown = str(location)
    kind = kind_of(location) or default_kind
    if kind is None:
        yield ReadError(shown, None, "unknown file type")
        return
    try:
        if kind == JSONL:
            with _open_stream(location, span) as stream:
                yield from read_jsonl_stream(stream, name=doc_id, path=shown,
                                             first_line=span.first_line if span else 1)
            return
        if kind == WARC:
            with _open(location) as raw:
                yield from read_warc(raw, name=doc_id, path=shown, skipped=skipped)
            return
        data, lost = _read_all(location)
        if kind == HTML:
            yield html_item(data, doc_id=doc_id, path=shown)
        else:
            yield InputItem(text=decode_text(data), id=doc_id, path=shown)
        if lost is not None:
            yield ReadError(shown, None, lost)
    except InputError as err:
        yield ReadError(shown, None, str(err))
    except OSError as err:
        yield ReadError(shown, None, f"cannot read: {err.strerror or err}")


def _open(location: str | Path) -> BinaryIO:
    """The one place files are opened (tests replace it to simulate unreadable files)."""
    return storage.open_binary(str(location))


@contextmanager
def _open_stream(location: str | Path, span: Span | None = None) -> Iterator[BinaryIO]:
    """A binary stream of the (decompressed) content, or of one span; closes the file whatever
    happens."""
    with _open(location) as raw:
        if span is not None:
            raw.seek(span.start)
            yield io.BytesIO(raw.read(span.end - span.start))
            return
        if not is_gzip_name(location):
            yield raw
            return
        with gzip.GzipFile(fileobj=raw, mode="rb") as gz:
            yield gz  # type: ignore[misc]


def _read_all(path: str | Path) -> tuple[bytes, str | None]:
    """Whole (decompressed) content of one single-document file, and what was lost: a truncated
    ``.gz`` gives the part that decoded, with a message saying the rest is missing."""
    with _open(path) as raw:
        if not is_gzip_name(path):
            return raw.read(), None
        data, err = _gunzip(raw)
        if err is None:
            return data, None
        if not data.strip():
            raise InputError(f"broken gzip file: {err}")
        return data, (f"truncated gzip file: the text after its first {len(data):,} bytes was lost "
                      f"({err}); the part before was read")


def _gunzip(raw: BinaryIO) -> tuple[bytes, str | None]:
    """Decompress as far as the data goes (``GzipFile`` drops the last block it was decoding when
    the file ends early): the bytes, and what went wrong, if anything. Handles several members."""
    out: list[bytes] = []
    unzip, fed, pending = zlib.decompressobj(GZIP_WBITS), False, b""
    while True:
        block, pending = pending or raw.read(GZIP_CHUNK), b""
        if not block:
            break
        try:
            out.append(unzip.decompress(block))
        except zlib.error as err:
            return b"".join(out), str(err)
        fed = True
        if unzip.eof:
            pending, unzip, fed = unzip.unused_data.lstrip(b"\x00"), zlib.decompressobj(GZIP_WBITS), False
    if fed:
        out.append(unzip.flush())
        return b"".join(out), "compressed file ended before the end-of-stream marker was reached"
    return b"".join(out), None


GZIP_CHUNK = 1 << 16
GZIP_WBITS = 16 + zlib.MAX_WBITS
"""zlib's window bits for data with a gzip header and trailer."""


def read_stdin(stream: BinaryIO) -> Iterator[NewsItem | ReadError]:
    """Standard input, streamed: gzip is recognised by its magic, JSON Lines by a leading ``{``."""
    source: Any = stream if hasattr(stream, "peek") else io.BufferedReader(stream)  # type: ignore[arg-type]
    try:
        if source.peek(2)[:2] == GZIP_MAGIC:
            source = gzip.GzipFile(fileobj=source, mode="rb")
        head = source.peek(SNIFF_BYTES)[:SNIFF_BYTES].lstrip()[:64].lower()
        if head.startswith(b"{"):
            yield from read_jsonl_stream(source, name=STDIN_NAME, path=None)
        elif head.startswith((b"<!doctype html", b"<html")):
            yield html_item(source.read(), doc_id=STDIN_NAME, path=None)
        else:
            yield InputItem(text=decode_text(source.read()), id=STDIN_NAME, path=None)
    except InputError as err:
        yield ReadError(STDIN_NAME, None, str(err))
    except (gzip.BadGzipFile, EOFError, zlib.error) as err:
        yield ReadError(STDIN_NAME, None, f"broken gzip data: {err}")


def iter_lines(stream: Any, block: int = 1 << 16) -> Iterator[bytes]:
    """Lines without their ending; a file that is binary raises ``InputError`` first."""
    head = stream.read(SNIFF_BYTES)
    if b"\x00" in head:
        raise InputError("binary file (contains NUL bytes)")
    if not head.strip():
        raise InputError("empty file")
    pending = head
    while True:
        *lines, pending = pending.split(b"\n")
        for line in lines:
            yield line.rstrip(b"\r")
        chunk = stream.read(block)
        if not chunk:
            break
        pending += chunk
    if pending:
        yield pending.rstrip(b"\r")


class BrokenStream(InputError):
    """The compressed stream ends or breaks part-way; the lines before it were read."""


class _DecodedLines:
    """Raw lines as text (BOM, UTF-8, then a detected encoding); a line that cannot be decoded
    is kept in ``errors`` and passed on as text that is never JSON, so its number stays right."""

    NOT_JSON = "\x00"

    def __init__(self, raw_lines: Iterable[bytes]) -> None:
        self._raw = raw_lines
        self.number = 0
        self.errors: dict[int, str] = {}

    def __iter__(self) -> Iterator[str]:
        try:
            for raw in self._raw:
                self.number += 1
                if self.number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                    raw = raw[3:]
                try:
                    yield decode_text(raw, allow_blank=True)
                except InputError as err:
                    self.errors[self.number] = str(err)
                    yield self.NOT_JSON
        except (gzip.BadGzipFile, EOFError, zlib.error) as err:
            raise BrokenStream(f"truncated or broken gzip file: the lines from here on were lost ({err})") from None


def read_jsonl_stream(stream: Any, name: str, path: str | None, first_line: int = 1
                      ) -> Iterator[NewsItem | ReadError]:
    """News JSON Lines: one bad line is one ``ReadError`` with its number; the rest goes on."""
    shown = path or name
    lines = _DecodedLines(iter_lines(stream))
    before = first_line - 1
    try:
        for line in jsonl.read(lines):
            error = lines.errors.get(line.number) or line.error
            number = before + line.number
            try:
                if error is not None:
                    raise InputError(error)
                yield news_item(line.value, default_id=f"{name}:{number}", path=path, line=number)
            except InputError as err:
                yield ReadError(shown, number, str(err))
    except BrokenStream as err:
        yield ReadError(shown, before + lines.number + 1 if lines.number else None, str(err))


def news_item(obj: Any, default_id: str, path: str | None, line: int) -> InputItem:
    """One decoded line of the news format; only ``text`` is required."""
    if not isinstance(obj, dict):
        raise InputError(f"expected a JSON object, got {_json_type(obj)}")
    if "text" not in obj:
        raise InputError('missing "text"')
    text = obj["text"]
    if not isinstance(text, str):
        raise InputError(f'"text" must be a string, got {_json_type(text)}')
    if not text.strip():
        raise InputError('"text" is empty')
    doc_id = obj.get("id")
    if doc_id is None:
        doc_id = default_id
    elif isinstance(doc_id, int) and not isinstance(doc_id, bool):
        doc_id = str(doc_id)
    elif not isinstance(doc_id, str):
        raise InputError(f'"id" must be a string, got {_json_type(doc_id)}')
    fields = {key: _optional_string(obj, key) for key in OPTIONAL_FIELDS}
    if fields["lang"] is not None:
        try:
            check_language(fields["lang"])
        except ValueError as err:
            raise InputError(f'"lang": {err}') from None
    return InputItem(text=text, id=doc_id, path=path, line=line, **fields)


def _optional_string(obj: dict[str, Any], key: str) -> str | None:
    value = obj.get(key)
    if value is not None and not isinstance(value, str):
        raise InputError(f'"{key}" must be a string or null, got {_json_type(value)}')
    return value


def _json_type(value: Any) -> str:
    names = {bool: "boolean", int: "number", float: "number", list: "array", dict: "object"}
    return "null" if value is None else names.get(type(value), type(value).__name__)
