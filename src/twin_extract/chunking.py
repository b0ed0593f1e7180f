"""Very long documents in overlapping chunks, and their per-chunk records merged back.

spaCy's memory and time grow with document length (``nlp.max_length`` defaults to 1,000,000
characters), so a several-MB document is cut on paragraph or sentence boundaries. Consecutive
chunks share a few sentences, so a relation told over neighbouring sentences at a chunk edge is
still seen whole by one chunk; the duplicates this creates are removed when merging.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Iterable

from .record import TwinningRecord

DEFAULT_MAX_CHARS = 30_000
"""Characters per chunk of a long text. Measured on 300 KB of twinning-dense text (one worker):
100,000-character chunks took 73 s and 958 MB peak, 30,000-character chunks 35 s and 504 MB
(the relation rules' cost grows faster than linearly with a Doc's places and sentences)."""
DEFAULT_OVERLAP_SENTENCES = 3

SENTENCE_END = re.compile(r"""[.!?…]+["'”’»)\]]*\s+|\n\s*\n\s*|\n(?=\s*[-*•]\s)""")
"""Where a sentence may end: terminal punctuation (closing quotes/brackets) plus space, or a
blank line (paragraph) or a list item; the whitespace stays with the sentence before."""

PARAGRAPH_END = re.compile(r"\n\s*\n\s*$")


def split_long_text(
    text: str,
    max_chars: int = DEFAULT_MAX_CHARS,
    overlap_sentences: int = DEFAULT_OVERLAP_SENTENCES,
) -> list[tuple[int, str]]:
    """``[(offset, chunk)]`` with ``text[offset:offset + len(chunk)] == chunk``.

    A text that fits is one chunk. Otherwise each chunk holds whole sentences up to
    ``max_chars``, preferring to end at a paragraph in its second half, and the next chunk
    starts ``overlap_sentences`` sentences earlier (the overlap never exceeds half a chunk).
    """
    if max_chars <= 0:
        raise ValueError("max_chars must be positive")
    if len(text) <= max_chars:
        return [(0, text)]
    spans = sentence_spans(text, max_chars)
    chunks: list[tuple[int, str]] = []
    first = 0
    while first < len(spans):
        last = _chunk_end(text, spans, first, max_chars)
        start, end = spans[first][0], spans[last - 1][1]
        chunks.append((start, text[start:end]))
        if last >= len(spans):
            break
        first = _next_start(spans, first, last, overlap_sentences, max_chars // 2)
    return chunks


def sentence_spans(text: str, max_len: int) -> list[tuple[int, int]]:
    """Contiguous ``(start, end)`` spans covering ``text``, none longer than ``max_len``."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in SENTENCE_END.finditer(text):
        if match.end() > start:
            spans.extend(_cut_long(text, start, match.end(), max_len))
            start = match.end()
    if start < len(text):
        spans.extend(_cut_long(text, start, len(text), max_len))
    return spans


def _cut_long(text: str, start: int, end: int, max_len: int) -> list[tuple[int, int]]:
    """A "sentence" longer than a chunk (a table, a list without stops) cut at whitespace."""
    pieces: list[tuple[int, int]] = []
    while end - start > max_len:
        limit = start + max_len
        space = max(text.rfind("\n", start + max_len // 2, limit), text.rfind(" ", start + max_len // 2, limit))
        cut = space + 1 if space > start else limit
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces


def _chunk_end(text: str, spans: list[tuple[int, int]], first: int, max_chars: int) -> int:
    """Index after the last sentence of the chunk starting at ``first``."""
    start = spans[first][0]
    last = first + 1
    while last < len(spans) and spans[last][1] - start <= max_chars:
        last += 1
    if last >= len(spans):
        return last
    for candidate in range(last, first + 1, -1):
        end = spans[candidate - 1][1]
        if end - start < max_chars // 2:
            break
        if PARAGRAPH_END.search(text, spans[candidate - 1][0], end):
            return candidate
    return last


def _next_start(
    spans: list[tuple[int, int]], first: int, last: int, overlap: int, max_overlap_chars: int
) -> int:
    """First sentence of the next chunk: ``overlap`` sentences back, always moving forward."""
    start = max(first + 1, last - overlap)
    while start < last and spans[last - 1][1] - spans[start][0] > max_overlap_chars:
        start += 1
    return start


def shift_record(record: TwinningRecord, offset: int) -> TwinningRecord:
    """The same record with every offset moved from chunk to document coordinates."""
    if offset == 0:
        return record
    return replace(
        record,
        parties=[replace(p, start=p.start + offset, end=p.end + offset) for p in record.parties],
        date=replace(record.date, start=record.date.start + offset, end=record.date.end + offset)
        if record.date is not None else None,
        evidence=[replace(e, start=e.start + offset, end=e.end + offset) for e in record.evidence],
    )


def merge_chunk_records(chunks: Iterable[tuple[int, list[TwinningRecord]]]) -> list[TwinningRecord]:
    """One record per id over all chunks, offsets in document coordinates.

    Of the records sharing an id (the same pair, seen in an overlap or in two chunks) the one
    with the most evidence, then the highest confidence, then the earliest, is kept; the
    evidence spans and rules of the others are added to it so no evidence is lost. Records
    come out in order of first appearance.
    """
    groups: dict[str, list[TwinningRecord]] = {}
    for offset, records in chunks:
        for record in records:
            groups.setdefault(record.id, []).append(shift_record(record, offset))
    return [_combine(group) for group in groups.values()]


def _combine(group: list[TwinningRecord]) -> TwinningRecord:
    if len(group) == 1:
        return group[0]
    _, best = max(enumerate(group), key=lambda pair: (len(pair[1].evidence), pair[1].confidence, -pair[0]))
    ordered = [best, *group]
    evidence = {(e.start, e.end): e for r in reversed(ordered) for e in r.evidence}
    rules = list(dict.fromkeys(rule for r in ordered for rule in r.rules))
    return replace(best, evidence=sorted(evidence.values(), key=lambda e: (e.start, e.end)),
                   rules=rules)
