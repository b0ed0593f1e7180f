"""Web archives (WARC, WARC.gz) as news items: each HTML ``response`` record is one page.

News archives such as CC-NEWS are published as WARC files. A page goes through the same
main-text extraction as an ``.html`` file; its ``url`` is the record's target URI (what was
fetched, not what the page claims) and its date is the page's own (htmldate, via trafilatura)
or else the day it was archived. Everything else in the archive (requests, metadata, redirects,
images, pages without main text) is skipped and counted, not reported as an error: an archive
is mostly such records.
"""

from __future__ import annotations

import zlib
from collections import Counter
from typing import Any, BinaryIO, Iterator

from .pages import GZIP_MAGIC, SNIFF_BYTES, InputError, InputItem, ReadError, html_item

HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(stream: BinaryIO, name: str, path: str | None,
              skipped: Counter[str] | None = None) -> Iterator[InputItem | ReadError]:
    """Pages of one archive in order; ``skipped`` counts the records passed over, by reason.

    A document's id is ``NAME@OFFSET`` (the record's byte offset in the file), stable across
    runs and enough to find the record again.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    counts: Counter[str] = skipped if skipped is not None else Counter()
    shown = path or name
    if not _looks_like_warc(stream):
        yield ReadError(shown, None, "not a WARC file (it does not start with a WARC record)")
        return
    records = ArchiveIterator(stream)
    try:
        for record in records:
            reason = _skip_reason(record)
            if reason is not None:
                counts[reason] += 1
                continue
            payload = record.content_stream().read()
            offset = records.get_record_offset()
            missing = getattr(record.raw_stream, "limit", 0)
            item = _page(record, payload, f"{name}@{offset}", path, counts)
            if item is not None:
                yield item
            if missing:
                yield ReadError(shown, None, f"truncated WARC file: the record at byte {offset} lacks its last "
                                             f"{missing:,} bytes and the rest of the archive was lost; "
                                             "the part before was read")
                return
    except (ArchiveLoadFailed, EOFError, OSError, ValueError) as err:
        yield ReadError(shown, None, f"broken WARC file: the records from here on were lost ({err})")


def _looks_like_warc(stream: BinaryIO) -> bool:
    """A WARC file starts with ``WARC/``, plain or as the first gzip member (warcio itself reads
    any text as records with warnings)."""
    head = stream.read(SNIFF_BYTES)
    stream.seek(0)
    if head[:2] == GZIP_MAGIC:
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 16)
        except zlib.error:
            return False
    return head.startswith(b"WARC/")


def _page(record: Any, payload: bytes, doc_id: str, path: str | None,
          counts: Counter[str]) -> InputItem | None:
    """The record's page as a document, dated by the page or else by the archive."""
    try:
        item = html_item(payload, doc_id=doc_id, path=path)
    except InputError:
        counts["WARC page without main text"] += 1
        return None
    item.url = record.rec_headers.get_header("WARC-Target-URI") or item.url
    if item.published is None:
        item.published = (record.rec_headers.get_header("WARC-Date") or "")[:10] or None
    return item


def _skip_reason(record: object) -> str | None:
    rec_type = getattr(record, "rec_type", None)
    if rec_type != "response":
        return f"WARC {rec_type or 'unknown'} record"
    http = getattr(record, "http_headers", None)
    if http is None:
        return "WARC response without HTTP headers"
    status = http.get_statuscode() or ""
    if not status.startswith("2"):
        return "WARC response with HTTP status other than 2xx"
    content_type = (http.get_header("Content-Type") or "").lower()
    if not any(kind in content_type for kind in HTML_TYPES):
        return "WARC response that is not HTML"
    return None
