"""One news page as a document: what reading produces, and how a page's bytes become text.

Shared by every reader (files, folders, stdin, web archives): ``InputItem`` for a document,
``ReadError`` for an input that could not become one, and the decoding of bytes (byte order
marks, UTF-8, a declared or detected encoding) and of HTML (main text, title, URL and date).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .record import NewsItem

GZIP_MAGIC = b"\x1f\x8b"
SNIFF_BYTES = 8192
"""How much of a file is inspected for NUL bytes (as git does) and encoding declarations."""

FALLBACK_ENCODINGS = (
    "cp1252", "iso8859_15", "cp1250", "iso8859_2", "cp1251", "koi8_r", "cp1253", "cp1254",
    "cp1257", "shift_jis", "euc_jp", "gb18030", "big5", "euc_kr",
)
"""Encodings news archives really use; limiting detection to them avoids exotic code pages."""

MIN_COHERENCE = 0.1
"""A detected encoding is trusted only if the decoded text looks like some language."""

META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)
BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"),
)


@dataclass(frozen=True)
class ReadError:
    """One input that could not become a document; ``line`` is set for JSON Lines."""

    path: str
    line: int | None
    error: str

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "line": self.line, "error": self.error}

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.error}"


@dataclass
class InputItem(NewsItem):
    """A ``NewsItem`` that remembers its line, so a later failure can point at it."""

    line: int | None = None


class InputError(Exception):
    """Why a whole file (or a line) cannot be read; becomes a ``ReadError``."""


def decode_text(data: bytes, declared: str | None = None, allow_blank: bool = False) -> str:
    """Bytes to text: BOM, UTF-8, the declared encoding, then a confident detection.

    Raises ``InputError`` for binary, empty or undecodable content, so nothing is silently
    turned into mojibake.
    """
    if not allow_blank and not data:
        raise InputError("empty file")
    if b"\x00" in data[:SNIFF_BYTES] and not data.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00")):
        raise InputError("binary file (contains NUL bytes)")
    text = _decode(data, declared)
    if not allow_blank and not text.strip():
        raise InputError("empty file (only whitespace)")
    return text


def _decode(data: bytes, declared: str | None) -> str:
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as err:
                raise InputError(f"invalid {encoding} despite its byte order mark: {err.reason}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        utf8_error = f"invalid UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start})"
    if declared:
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
    detected = detect_encoding(data)
    if detected is None:
        raise InputError(f"{utf8_error}; no declared or detectable encoding")
    return data.decode(detected)


def detect_encoding(data: bytes) -> str | None:
    """The encoding charset_normalizer is confident about, among common news encodings."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:
        return None
    best = from_bytes(data, cp_isolation=list(FALLBACK_ENCODINGS)).best()
    if best is None or best.coherence < MIN_COHERENCE:
        return None
    return best.encoding


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first bytes (meta tag or XML declaration)."""
    head = data[:SNIFF_BYTES]
    match = META_CHARSET.search(head) or XML_ENCODING.search(head)
    return match.group(1).decode("ascii").strip().lower() if match else None


def html_item(data: bytes, doc_id: str, path: str | None) -> InputItem:
    """Main text of a page (boilerplate dropped) with its title, URL and publication date."""
    html = decode_text(data, declared=declared_charset(data))
    html = XML_DECLARATION.sub("", html, count=1)
    import trafilatura

    doc = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        favor_precision=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        raise InputError("HTML page has no main text")
    title = getattr(doc, "title", None) or None
    return InputItem(
        text=with_headline(title, text),
        id=doc_id,
        path=path,
        url=getattr(doc, "url", None) or None,
        published=getattr(doc, "date", None) or None,
        title=title,
    )


def with_headline(title: str | None, text: str) -> str:
    """The page's text with its headline as the first line when the main text left it out: many
    sites put the headline outside the article element, and the headline is often the one place
    that names both towns ("Kyiv and Zagreb become twin cities" over "The two capitals signed
    ..."). Offsets of the records are offsets in this text."""
    if not title or _squeezed(title) in _squeezed(text[:len(title) + HEADLINE_REACH]):
        return text
    return f"{title}\n\n{text}"


HEADLINE_REACH = 300
"""Characters of the main text's start in which the headline counts as already given."""


def _squeezed(text: str) -> str:
    return " ".join(text.split()).casefold()


XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
"""lxml refuses text that still carries an encoding declaration."""
