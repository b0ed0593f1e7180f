"""jsonl.py: JSON Lines through the jsonlines package; a bad line is named and the rest is read."""

from __future__ import annotations

import io
from typing import Any

import pytest

from twin_extract import jsonl


@pytest.mark.parametrize("lines, expected", [
    (['{"a": 1}', "[2]"], [(1, {"a": 1}, None), (2, [2], None)]),
    (['{"a": 1}', "", "   ", "3"], [(1, {"a": 1}, None), (4, 3, None)]),  # blank lines skipped, numbers kept
    (["{oops", '{"b": 2}'], [(1, None, "invalid JSON"), (2, {"b": 2}, None)]),  # the rest is read
    ([b'{"a": 1}', b"\xff{}", b"null"], [(1, {"a": 1}, None), (2, None, "invalid UTF-8"), (3, None, None)]),
    (["\ufeff" + '{"a": 1}'], [(1, {"a": 1}, None)]),
])
def test_read_numbers_every_line_and_names_bad_ones(lines: list[Any], expected: list[tuple]) -> None:
    got = [(line.number, line.value, line.error) for line in jsonl.read(lines)]
    assert [(n, v) for n, v, _ in got] == [(n, v) for n, v, _ in expected]
    for (_, _, error), (_, _, wanted) in zip(got, expected):
        assert (error is None) if wanted is None else (wanted in error)


def test_dumps_is_one_utf8_line_per_row_and_reads_back() -> None:
    rows = [{"name": "Київ", "n": 1}, ["Kraków", None]]
    text = jsonl.dumps(rows)
    assert text == '{"name": "Київ", "n": 1}\n["Kraków", null]\n'
    assert [line.value for line in jsonl.read(text.splitlines())] == rows


def test_writer_flushes_each_line_when_asked() -> None:
    class Counting(io.StringIO):
        flushes = 0

        def flush(self) -> None:
            self.flushes += 1

    out = Counting()
    writer = jsonl.writer(out, flush=True)
    writer.write({"a": 1})
    writer.write({"b": 2})
    assert out.getvalue() == '{"a": 1}\n{"b": 2}\n' and out.flushes == 2
