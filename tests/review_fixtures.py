"""Small factories for review, export and report tests: records are built directly, not extracted."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from twin_extract.record import DateInfo, Party, Source, Evidence, TwinningRecord, record_id

XSS = '<script>alert(1)</script>'
ATTR = '" onmouseover="alert(2)'


def make_party(name: str, country: str | None, start: int, text: str | None = None, **extra: Any) -> Party:
    text = text or name
    fields: dict[str, Any] = dict(text=text, name=name, type="city", country=country,
                                  country_name=None, subdivision=None, geonames_id=None,
                                  start=start, end=start + len(text))
    fields.update(extra)
    return Party(**fields)


def make_record(a: tuple[str, str | None], b: tuple[str, str | None], *, source_id: str = "s1",
                status: str = "signed", confidence: float = 0.5, date: str | None = "2022-06",
                prefix: str = "", url: str | None = "https://example.org/news/1",
                title: str | None = "Town news", offset: int = 100) -> TwinningRecord:
    """A record whose evidence sentence names both parties and the date, with source offsets."""
    date_text = "in June 2022"
    sentence = f"{prefix}{a[0]} and {b[0]} signed a twinning agreement {date_text}."
    a_start = offset + len(prefix)
    b_start = a_start + len(a[0]) + len(" and ")
    date_start = offset + sentence.index(date_text)
    parties = [make_party(a[0], a[1], a_start), make_party(b[0], b[1], b_start)]
    date_info = DateInfo(date_text, date, "month" if date and len(date) == 7 else "year", date_start,
                         date_start + len(date_text)) if date else None
    return TwinningRecord(
        id=record_id(source_id, [p.key for p in parties]),
        source=Source(id=source_id, path=f"news/{source_id}.txt", url=url, published="2022-06-20", title=title),
        relation="twinning", status=status, parties=parties, date=date_info,
        evidence=[Evidence(sentence, offset, offset + len(sentence))], confidence=confidence,
    )


def sample_records() -> list[TwinningRecord]:
    """Three ordinary records plus one whose strings try to inject HTML."""
    return [
        make_record(("Bucha", "UA"), ("Bergamo", "IT"), source_id="s1", confidence=0.9),
        make_record(("Lviv", "UA"), ("Wroclaw", "PL"), source_id="s2", confidence=0.3, status="proposed"),
        make_record(("Kharkiv", "UA"), ("Nuremberg", "DE"), source_id="s3", confidence=0.6, date="2021"),
        make_record((XSS, "FR"), (f"Paris{ATTR}", "FR"), source_id="s4", confidence=0.7,
                    prefix=f"{XSS} {ATTR} ", title=f"{XSS} title", url="javascript:alert(3)"),
    ]


def many_records(count: int) -> list[TwinningRecord]:
    """``count`` distinct records of equal confidence, so the queue order is their source order."""
    return [make_record((f"Town{index}", "UA"), (f"City{index}", "PL"), source_id=f"s{index:05d}", confidence=0.5)
            for index in range(count)]


def write_records(path: Path, records: list[TwinningRecord], bad_lines: dict[int, str] | None = None) -> Path:
    """Write records as JSON Lines; ``bad_lines`` inserts raw text before the given 0-based index."""
    lines = [json.dumps(r.to_dict(), ensure_ascii=False) for r in records]
    for index, text in sorted((bad_lines or {}).items(), reverse=True):
        lines.insert(index, text)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


class _ResourceFinder(HTMLParser):
    """Collects URLs the browser would fetch by itself (not plain navigation links)."""

    FETCHING = {"script": "src", "img": "src", "iframe": "src", "audio": "src", "video": "src",
                "source": "src", "embed": "src", "link": "href", "object": "data", "image": "href"}

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        wanted = self.FETCHING.get(tag)
        self.urls += [value or "" for name, value in attrs if name in (wanted, "srcset", "xlink:href")]


def external_resources(html: str) -> list[str]:
    """Every http(s) or protocol-relative URL the page would load: tags, CSS url() and @import."""
    finder = _ResourceFinder()
    finder.feed(html)
    urls = finder.urls + re.findall(r"url\(\s*['\"]?([^'\")]+)", html) + re.findall(r"@import\s+['\"]([^'\"]+)", html)
    return [url for url in urls if re.match(r"\s*(?:https?:)?//", url, re.I)]
