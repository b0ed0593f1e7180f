"""WARC files built in tests with warcio, the way a crawler writes them."""

from __future__ import annotations

import html
import io
from dataclasses import dataclass
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter


@dataclass(frozen=True)
class Page:
    uri: str
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: str = "200 OK"
    date: str = "2023-06-01T10:00:00Z"


def article_html(text: str, title: str) -> bytes:
    """A news page around ``text``: navigation and a footer that must not become records."""
    paragraphs = "".join(f"<p>{html.escape(p.strip())}</p>" for p in text.split("\n\n") if p.strip())
    return (f"<html><head><title>{html.escape(title)}</title></head><body>"
            f"<nav>Home | News | Sport</nav><article><h1>{html.escape(title)}</h1>{paragraphs}</article>"
            "<footer>We use cookies.</footer></body></html>").encode("utf-8")


def write_warc(path: Path, pages: list[Page], gzip: bool = True) -> None:
    """A warcinfo record, then a request and a response per page."""
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "twin_extract tests"}))
        for page in pages:
            request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.org")], is_http_request=True)
            writer.write_record(writer.create_warc_record(page.uri, "request", payload=io.BytesIO(b""),
                                                          http_headers=request))
            headers = StatusAndHeaders(page.status, [("Content-Type", page.content_type)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                page.uri, "response", payload=io.BytesIO(page.body), http_headers=headers,
                warc_headers_dict={"WARC-Date": page.date}))
