"""JSON Lines in and out through the ``jsonlines`` package, with the project's rules in one place.

Writing: UTF-8 text, no ASCII escapes, one object per line. Reading: blank lines are skipped and
a line that is not JSON becomes a ``Line`` with an ``error`` and its number while the lines after
it are still read, because one broken line of a large file must not hide the rest.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from functools import partial
from typing import IO, Any, Iterable, Iterator

import jsonlines

_DUMPS = partial(json.dumps, ensure_ascii=False)


@dataclass(frozen=True)
class Line:
    """One non-blank line: its decoded ``value``, or why it is not JSON (``error``)."""

    number: int
    value: Any = None
    error: str | None = None


class _Counted:
    """The lines, counted as jsonlines takes them, so each value knows its line number."""

    def __init__(self, lines: Iterable[str | bytes]) -> None:
        self._lines = lines
        self.number = 0

    def __iter__(self) -> Iterator[str | bytes]:
        for line in self._lines:
            self.number += 1
            yield line


def read(lines: Iterable[str | bytes]) -> Iterator[Line]:
    """Every non-blank line in order; bytes are read as UTF-8 (callers with other encodings
    decode first)."""
    counted = _Counted(lines)
    reader = jsonlines.Reader(counted)
    while True:
        try:
            value = reader.read(allow_none=True, skip_empty=True)
        except EOFError:
            return
        except jsonlines.InvalidLineError as err:
            yield Line(err.lineno, error=_reason(err))
            continue
        yield Line(counted.number, value)


def _reason(err: jsonlines.InvalidLineError) -> str:
    cause = err.__cause__
    if isinstance(cause, json.JSONDecodeError):
        return f"invalid JSON: {cause.msg} (column {cause.colno})"
    if isinstance(cause, UnicodeDecodeError):
        return f"invalid UTF-8 (byte 0x{cause.object[cause.start]:02x} at offset {cause.start})"
    return str(err)


def writer(out: IO[str] | IO[bytes], flush: bool = False) -> jsonlines.Writer:
    """A writer of the project's lines on an open file (text or binary); ``flush`` after each."""
    return jsonlines.Writer(out, flush=flush, dumps=_DUMPS)


def dumps(rows: Iterable[Any]) -> str:
    """The rows as JSON Lines text, each line ending in a newline."""
    buffer = io.StringIO()
    writer(buffer).write_all(rows)
    return buffer.getvalue()
