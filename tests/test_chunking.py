"""Long documents: chunks on sentence boundaries with overlap, per-chunk records merged back."""

from __future__ import annotations

import random
import re
from dataclasses import replace

import pytest

from twin_extract.chunking import merge_chunk_records, sentence_spans, shift_record, split_long_text
from twin_extract.record import DateInfo, Party, Source, Evidence, TwinningRecord, record_id

FILLER = [
    "The council approved the budget for the new library on Tuesday.",
    "Residents complained about the noise from the construction site near the river.",
    "The local football team won its third match in a row!",
    "Officials said the bridge would reopen next month, weather permitting.",
    "Why did the bus company raise its fares again?",
    "A new bakery opened in the old town; queues formed before dawn.",
]
PAIR = re.compile(r"(\w+) twinned with (\w+)")


def long_document(megabytes: float, seed: int = 3) -> str:
    """Paragraphs of filler with a twinning sentence now and then."""
    rng = random.Random(seed)
    paragraphs: list[str] = []
    size = 0
    while size < megabytes * 1_000_000:
        sentences = rng.choices(FILLER, k=rng.randint(2, 8))
        if rng.random() < 0.2:
            sentences.insert(rng.randrange(len(sentences)), f"Town{len(paragraphs)} twinned with City{len(paragraphs)}.")
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
    return "\n\n".join(paragraphs)


def fake_extract(text: str, source_id: str = "doc") -> list[TwinningRecord]:
    records = []
    for m in PAIR.finditer(text):
        parties = [_party(m, 1), _party(m, 2)]
        records.append(TwinningRecord(
            id=record_id(source_id, [p.key for p in parties]), source=Source(id=source_id),
            relation="twinning", status="established", parties=parties,
            date=DateInfo(text=m.group(0)[:3], value="2022", precision="year", start=m.start(),
                          end=m.start() + 3),
            evidence=[Evidence(m.group(0), m.start(), m.end())], confidence=0.5,
        ))
    return records


def _party(m: re.Match[str], group: int) -> Party:
    return Party(text=m.group(group), name=m.group(group), type="city", country=None, country_name=None,
                 subdivision=None, geonames_id=None, start=m.start(group), end=m.end(group))


def assert_offsets_index_text(records: list[TwinningRecord], text: str) -> None:
    for r in records:
        for p in r.parties:
            assert text[p.start:p.end] == p.text
        for e in r.evidence:
            assert text[e.start:e.end] == e.text
        assert r.date is not None and text[r.date.start:r.date.end] == r.date.text


def test_short_text_is_one_chunk() -> None:
    assert split_long_text("Short text.", max_chars=100) == [(0, "Short text.")]
    assert split_long_text("", max_chars=100) == [(0, "")]


def test_chunks_are_slices_on_sentence_boundaries_and_overlap() -> None:
    text = long_document(0.05)
    chunks = split_long_text(text, max_chars=5_000, overlap_sentences=2)
    assert len(chunks) > 10
    for (offset, chunk), (next_offset, _) in zip(chunks, chunks[1:]):
        assert text[offset:offset + len(chunk)] == chunk
        assert len(chunk) <= 5_000
        assert next_offset < offset + len(chunk), "consecutive chunks must overlap"
        assert next_offset > offset, "chunks must move forward"
        assert re.search(r"[.!?]\s*$", chunk), "a chunk ends at a sentence end"
        assert text[next_offset - 1].isspace(), "a chunk starts at a sentence start"
    last_offset, last = chunks[-1]
    assert last_offset + len(last) == len(text)


def test_chunks_prefer_paragraph_ends() -> None:
    text = long_document(0.05)
    chunks = split_long_text(text, max_chars=5_000)
    assert sum(chunk.endswith("\n\n") for _, chunk in chunks[:-1]) >= len(chunks) // 2


def test_several_mb_document_loses_no_relation() -> None:
    """The acceptance case: a multi-MB document, chunked, gives the same records as whole."""
    text = long_document(3)
    expected = fake_extract(text)
    chunks = split_long_text(text)
    assert len(chunks) >= 30 and all(len(chunk) <= 100_000 for _, chunk in chunks)
    merged = merge_chunk_records((offset, fake_extract(chunk)) for offset, chunk in chunks)
    assert [r.id for r in merged] == [r.id for r in expected]
    assert [(r.parties, r.evidence, r.date) for r in merged] == [
        (r.parties, r.evidence, r.date) for r in expected]
    assert_offsets_index_text(merged, text)


def test_relation_over_neighbouring_sentences_survives_every_cut() -> None:
    """A relation told in 3 consecutive sentences is whole in some chunk, wherever the cut."""
    filler = " ".join(FILLER) + " "
    story = "Lviv twinned with Krakow. The agreement is to be signed. The mayors met in May. "
    for shift in range(0, len(filler), 37):
        text = filler * 3 + filler[:shift] + story + filler * 3
        start = text.index(story)
        end = start + len(story)
        chunks = split_long_text(text, max_chars=800, overlap_sentences=3)
        assert any(offset <= start and end <= offset + len(chunk) for offset, chunk in chunks), shift


def test_sentence_without_punctuation_longer_than_a_chunk() -> None:
    text = ("word " * 5_000).strip() + ". End."
    chunks = split_long_text(text, max_chars=1_000)
    assert all(len(chunk) <= 1_000 for _, chunk in chunks)
    assert chunks[0][1].startswith("word word")
    covered = max(offset + len(chunk) for offset, chunk in chunks)
    assert covered == len(text)


def test_sentence_spans_cover_the_text() -> None:
    text = long_document(0.01) + " trailing words without a stop"
    spans = sentence_spans(text, max_len=300)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:]))
    assert all(end - start <= 300 for start, end in spans)


def test_invalid_max_chars() -> None:
    with pytest.raises(ValueError):
        split_long_text("text", max_chars=0)


def test_shift_record_moves_every_offset() -> None:
    [record] = fake_extract("Lviv twinned with Krakow.")
    shifted = shift_record(record, 100)
    assert [(p.start, p.end) for p in shifted.parties] == [(100, 104), (118, 124)]
    assert (shifted.evidence[0].start, shifted.evidence[0].end) == (100, 124)
    assert shifted.date is not None and (shifted.date.start, shifted.date.end) == (100, 103)
    assert record.parties[0].start == 0, "the original is not modified"
    assert shift_record(replace(record, date=None), 5).date is None


def test_merge_keeps_the_best_duplicate_and_all_evidence() -> None:
    [weak] = fake_extract("Lviv twinned with Krakow.")
    strong = replace(weak, confidence=0.9, status="signed", rules=["r2"],
                     evidence=[Evidence("x", 3, 4), Evidence("Lviv twinned with Krakow.", 0, 24)])
    weak = replace(weak, rules=["r1"], evidence=[Evidence("Lviv twinned with Krakow.", 0, 24)])
    [other] = fake_extract("Rivne twinned with Poprad.")
    merged = merge_chunk_records([(0, [weak, other]), (10, [strong])])
    assert [r.id for r in merged] == [weak.id, other.id]
    best = merged[0]
    assert best.status == "signed" and best.confidence == 0.9
    assert [(e.start, e.end) for e in best.evidence] == [(0, 24), (10, 34), (13, 14)]
    assert best.rules == ["r2", "r1"]


def test_merge_prefers_confidence_then_the_earliest() -> None:
    [a] = fake_extract("Lviv twinned with Krakow.")
    b = replace(a, confidence=0.7, status="pending")
    assert merge_chunk_records([(0, [a]), (0, [b])])[0].status == "pending"
    c = replace(a, status="proposed")
    assert merge_chunk_records([(0, [c]), (0, [a])])[0].status == "proposed"
    assert merge_chunk_records([]) == []
