"""Input readers: every supported format, and every kind of bad input as a ``ReadError``."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path
from typing import Any

import pytest

from twin_extract import readers as tio
from twin_extract.readers import ReadError, read_inputs
from twin_extract.record import NewsItem

ARTICLE = (
    "In June, the city of Bucha signed a twinning agreement with Bergamo (Italy). The mayors "
    "met in Kyiv to sign the memorandum on cooperation, which covers schools and hospitals."
)
PAGE = """<!DOCTYPE html><html><head><meta charset="{charset}"><title>Bucha and Bergamo</title>
<link rel="canonical" href="https://news.example.org/bucha-bergamo">
<meta property="article:published_time" content="2022-06-14T10:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Bucha and Bergamo</h1><p>{body}</p>
<p>The ceremony was attended by officials from both cities and by representatives of the
regional government, who said the partnership will focus on reconstruction.</p></article>
<footer>Copyright 2022 Example News</footer><script>var tracking = 1;</script></body></html>"""


def read(*paths: Path | str, **kw: Any) -> list[NewsItem | ReadError]:
    return list(read_inputs([str(p) for p in paths], **kw))


def only_error(events: list[NewsItem | ReadError]) -> ReadError:
    assert len(events) == 1 and isinstance(events[0], ReadError), events
    return events[0]


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


# ---------------------------------------------------------------- good inputs


def test_text_file_id_is_its_name(tmp_path: Path) -> None:
    path = write(tmp_path / "source-article.txt", ARTICLE)
    [item] = read(path)
    assert isinstance(item, NewsItem)
    assert (item.id, item.path, item.text) == ("source-article.txt", str(path), ARTICLE)


def test_text_is_kept_byte_for_byte(tmp_path: Path) -> None:
    """Offsets index the source text: no newline translation, no stripping."""
    text = "  Line one.\r\nLine two.\r\n"
    [item] = read(write(tmp_path / "a.md", text.encode()))
    assert item.text == text  # type: ignore[union-attr]


def test_folder_is_walked_recursively_in_sorted_order(tmp_path: Path) -> None:
    root = tmp_path / "news"
    for name in ["b.txt", "a.md", "sub/z.txt", "sub/deeper/c.txt", "A/x.txt", ".hidden/h.txt",
                 ".h.txt", "skip.pdf", "sub/notes.docx", "errors.jsonl", "out.jsonl.state.jsonl"]:
        write(root / name, f"Text of {name}.")
    skipped: list[str] = []
    items = read(root, on_skip=skipped.append)
    assert [i.id for i in items] == ["a.md", "b.txt", "A/x.txt", "sub/z.txt", "sub/deeper/c.txt"]
    assert items[3].path == str(root / "sub" / "z.txt")
    assert sorted(Path(s).name for s in skipped) == [
        "errors.jsonl", "notes.docx", "out.jsonl.state.jsonl", "skip.pdf"]


def test_explicit_file_with_unknown_extension_is_text(tmp_path: Path) -> None:
    [item] = read(write(tmp_path / "story.news", ARTICLE))
    assert isinstance(item, NewsItem) and item.text == ARTICLE


def test_excluded_files_are_not_read(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", ARTICLE)
    out = write(tmp_path / "out.jsonl", '{"text": "a record, not news"}\n')
    assert [i.id for i in read(tmp_path, exclude=[out])] == ["a.txt"]


def test_jsonl_news_format(tmp_path: Path) -> None:
    lines = [
        {"id": "kyiv-news-17", "text": ARTICLE, "published": "2022-09-01", "url": "https://x.org/1",
         "title": "Twins"},
        {"text": "Only text."},
        {"id": 42, "text": "Numeric id.", "published": None},
    ]
    path = write(tmp_path / "feed.ndjson", "\n".join(json.dumps(line) for line in lines) + "\n\n")
    items = read(path)
    assert [i.id for i in items] == ["kyiv-news-17", "feed.ndjson:2", "42"]
    first = items[0]
    assert isinstance(first, NewsItem)
    assert (first.published, first.url, first.title, first.path) == (
        "2022-09-01", "https://x.org/1", "Twins", str(path))
    assert items[1].line == 2  # type: ignore[union-attr]


def test_jsonl_in_a_folder_gets_relative_default_ids(tmp_path: Path) -> None:
    write(tmp_path / "root" / "sub" / "feed.jsonl", '{"text": "One."}\n{"text": "Two."}')
    assert [i.id for i in read(tmp_path / "root")] == ["sub/feed.jsonl:1", "sub/feed.jsonl:2"]


def test_jsonl_with_bom_and_crlf(tmp_path: Path) -> None:
    path = write(tmp_path / "a.jsonl", b'\xef\xbb\xbf{"text": "One."}\r\n{"text": "Two."}\r\n')
    assert [i.text for i in read(path)] == ["One.", "Two."]  # type: ignore[union-attr]


def test_jsonl_long_lines_across_read_blocks(tmp_path: Path) -> None:
    texts = [("word " * 30_000).strip(), "short", ("x" * 100_000)]
    path = write(tmp_path / "big.jsonl", "\n".join(json.dumps({"text": t}) for t in texts))
    assert [i.text for i in read(path)] == texts  # type: ignore[union-attr]


@pytest.mark.parametrize("name", ["a.txt.gz", "a.md.gz"])
def test_gzip_text(tmp_path: Path, name: str) -> None:
    path = write(tmp_path / name, gzip.compress(ARTICLE.encode()))
    [item] = read(path)
    assert isinstance(item, NewsItem) and item.text == ARTICLE and item.id == name


def test_gzip_jsonl_and_html(tmp_path: Path) -> None:
    write(tmp_path / "d" / "feed.jsonl.gz", gzip.compress(b'{"text": "One."}\n{"text": "Two."}\n'))
    write(tmp_path / "d" / "page.html.gz", gzip.compress(PAGE.format(charset="utf-8", body=ARTICLE).encode()))
    items = read(tmp_path / "d")
    assert [i.id for i in items] == ["feed.jsonl.gz:1", "feed.jsonl.gz:2", "page.html.gz"]
    assert "Bergamo" in items[2].text  # type: ignore[union-attr]


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    path = write(tmp_path / "page.html", PAGE.format(charset="utf-8", body=ARTICLE))
    [item] = read(path)
    assert isinstance(item, NewsItem)
    assert ARTICLE in item.text
    assert "tracking" not in item.text and "Copyright" not in item.text and "Sport" not in item.text
    assert item.published == "2022-06-14"
    assert item.url == "https://news.example.org/bucha-bergamo"
    assert item.title == "Bucha and Bergamo"


def test_html_without_date_metadata_invents_none(tmp_path: Path) -> None:
    """htmldate's extensive search would turn "Copyright 2022" into 2022-01-01."""
    page = PAGE.format(charset="utf-8", body=ARTICLE).replace(
        '<meta property="article:published_time" content="2022-06-14T10:00:00Z">', "")
    [item] = read(write(tmp_path / "page.htm", page))
    assert isinstance(item, NewsItem) and item.published is None


def test_html_in_declared_legacy_encoding(tmp_path: Path) -> None:
    body = "Le maire de Saint-Étienne a signé un accord de jumelage avec Düsseldorf."
    page = PAGE.format(charset="iso-8859-1", body=body).encode("latin-1")
    [item] = read(write(tmp_path / "page.html", page))
    assert isinstance(item, NewsItem) and body in item.text


def test_html_with_xml_declaration(tmp_path: Path) -> None:
    page = "<?xml version='1.0' encoding='utf-8'?>" + PAGE.format(charset="utf-8", body=ARTICLE)
    [item] = read(write(tmp_path / "page.html", page))
    assert isinstance(item, NewsItem) and ARTICLE in item.text


def test_utf16_with_bom(tmp_path: Path) -> None:
    [item] = read(write(tmp_path / "a.txt", ARTICLE.encode("utf-16")))
    assert isinstance(item, NewsItem) and item.text == ARTICLE


def test_legacy_encoding_detected(tmp_path: Path) -> None:
    text = ("Der Bürgermeister von Düsseldorf und die Stadt Czernowitz haben heute einen "
            "Partnerschaftsvertrag unterzeichnet. Die Zusammenarbeit umfasst Schulen, Kultur "
            "und den Wiederaufbau der zerstörten Krankenhäuser.")
    [item] = read(write(tmp_path / "a.txt", text.encode("cp1252")))
    assert isinstance(item, NewsItem) and item.text == text


def test_stdin_text_and_jsonl() -> None:
    [item] = read("-", stdin=io.BytesIO(ARTICLE.encode()))
    assert isinstance(item, NewsItem) and (item.id, item.text, item.path) == ("<stdin>", ARTICLE, None)
    items = read("-", stdin=io.BytesIO(b'{"text": "One."}\nnot json\n{"text": "Three."}\n'))
    assert [getattr(i, "id", None) for i in items] == ["<stdin>:1", None, "<stdin>:3"]
    assert only_error(items[1:2]).line == 2


def test_stdin_gzip_and_html() -> None:
    [item] = read("-", stdin=io.BytesIO(gzip.compress(ARTICLE.encode())))
    assert isinstance(item, NewsItem) and item.text == ARTICLE
    [page] = read("-", stdin=io.BytesIO(PAGE.format(charset="utf-8", body=ARTICLE).encode()))
    assert isinstance(page, NewsItem) and page.title == "Bucha and Bergamo"


# ---------------------------------------------------------------- bad inputs


def test_binary_file(tmp_path: Path) -> None:
    error = only_error(read(write(tmp_path / "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")))
    assert "binary" in error.error and error.line is None and error.path.endswith("image.txt")


def test_binary_jsonl(tmp_path: Path) -> None:
    assert "binary" in only_error(read(write(tmp_path / "a.jsonl", b"{\x00\x01}\n" * 10))).error


def test_invalid_utf8_without_a_plausible_encoding(tmp_path: Path) -> None:
    data = "Kraków twinned with Kyiv – ".encode() + b"\xe2\x80 broken \xff\xfe\x80 bytes"
    error = only_error(read(write(tmp_path / "a.txt", data)))
    assert "invalid UTF-8" in error.error and "offset" in error.error


def test_invalid_utf8_in_a_jsonl_line(tmp_path: Path) -> None:
    path = write(tmp_path / "a.jsonl", b'{"text": "One."}\n{"text": "\xff\xfe\x80"}\n{"text": "Three."}\n')
    items = read(path)
    assert [type(i).__name__ for i in items] == ["InputItem", "ReadError", "InputItem"]
    assert items[1].line == 2 and "UTF-8" in items[1].error  # type: ignore[union-attr]


@pytest.mark.parametrize("data", [b"", b"   \n\t\n"])
def test_empty_file(tmp_path: Path, data: bytes) -> None:
    assert "empty" in only_error(read(write(tmp_path / "a.txt", data))).error


@pytest.mark.parametrize("name", ["a.jsonl", "a.html", "a.txt.gz"])
def test_empty_file_of_other_kinds(tmp_path: Path, name: str) -> None:
    data = gzip.compress(b"") if name.endswith(".gz") else b""
    assert "empty" in only_error(read(write(tmp_path / name, data))).error


def test_malformed_json_line_keeps_the_other_lines(tmp_path: Path) -> None:
    path = write(tmp_path / "feed.jsonl", '{"text": "One."}\n{"text": "Two.",\n\n{"text": "Four."}\n')
    items = read(path)
    assert [getattr(i, "text", None) for i in items] == ["One.", None, "Four."]
    error = items[1]
    assert isinstance(error, ReadError)
    assert error.line == 2 and error.path == str(path) and "invalid JSON" in error.error
    assert items[2].id == "feed.jsonl:4"  # type: ignore[union-attr]


@pytest.mark.parametrize("line,message", [
    ('{"title": "No text"}', 'missing "text"'),
    ('{"text": null}', '"text" must be a string, got null'),
    ('{"text": 17}', '"text" must be a string, got number'),
    ('{"text": ["a", "b"]}', '"text" must be a string, got array'),
    ('{"text": "  "}', '"text" is empty'),
    ('["text"]', "expected a JSON object"),
    ('{"text": "x", "id": {"a": 1}}', '"id" must be a string'),
    ('{"text": "x", "published": 2022}', '"published" must be a string or null'),
])
def test_bad_jsonl_line(tmp_path: Path, line: str, message: str) -> None:
    path = write(tmp_path / "feed.jsonl", f'{{"text": "Good."}}\n{line}\n')
    good, error = read(path)
    assert isinstance(good, NewsItem) and isinstance(error, ReadError)
    assert error.line == 2 and message in error.error


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests run as root, where chmod 000 does not stop reading: simulate the refusal."""
    path = write(tmp_path / "locked.txt", ARTICLE)
    write(tmp_path / "ok.txt", ARTICLE)
    real_open = tio._open

    def refuse(target: Path) -> Any:
        if Path(target).name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(target))
        return real_open(target)

    monkeypatch.setattr(tio, "_open", refuse)
    locked, ok = read(tmp_path)
    assert isinstance(locked, ReadError) and "Permission denied" in locked.error
    assert isinstance(ok, NewsItem)


def test_file_vanishing_or_broken_link(tmp_path: Path) -> None:
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    assert "cannot read" in only_error(read(tmp_path)).error


def test_unreadable_file_by_permissions(tmp_path: Path) -> None:
    import os

    path = write(tmp_path / "locked.txt", ARTICLE)
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running as root: permissions do not stop reading")
        assert "cannot read" in only_error(read(path)).error
    finally:
        path.chmod(0o644)


@pytest.mark.parametrize("name", ["a.txt.gz", "a.jsonl.gz", "a.html.gz"])
def test_broken_gzip(tmp_path: Path, name: str) -> None:
    error = only_error(read(write(tmp_path / name, b"this is not gzip data")))
    assert "gzip" in error.error


def test_truncated_gzip_jsonl_keeps_lines_before_the_break(tmp_path: Path) -> None:
    lines = "".join(json.dumps({"text": f"Story {i} " + "word " * 200}) + "\n" for i in range(200))
    data = gzip.compress(lines.encode())
    items = read(write(tmp_path / "feed.jsonl.gz", data[: len(data) // 2]))
    assert isinstance(items[-1], ReadError) and "gzip" in items[-1].error and "lost" in items[-1].error
    assert len(items) > 10 and all(isinstance(i, NewsItem) for i in items[:-1])


@pytest.mark.parametrize("name", ["a.txt.gz", "a.html.gz"])
def test_truncated_gzip_document_keeps_the_part_that_decoded(tmp_path: Path, name: str) -> None:
    body = "".join(f"<p>Paragraph {i}. {ARTICLE}</p>" for i in range(200))
    content = PAGE.format(charset="utf-8", body=body) if name.endswith(".html.gz") else body
    data = gzip.compress(content.encode())
    item, error = read(write(tmp_path / name, data[: len(data) // 2]))
    assert isinstance(item, NewsItem) and "Paragraph 0." in item.text and "Paragraph 199." not in item.text
    assert isinstance(error, ReadError) and "truncated gzip" in error.error and "lost" in error.error


def test_truncated_gzip_with_nothing_decoded(tmp_path: Path) -> None:
    data = gzip.compress(ARTICLE.encode() * 50)
    assert "gzip" in only_error(read(write(tmp_path / "a.txt.gz", data[:12]))).error


@pytest.mark.parametrize("page", [
    "<html><body><nav><a href='/'>Home</a> <a href='/w'>World news</a></nav>"
    "<footer>Copyright 2022 Example News. All rights reserved.</footer></body></html>",
    "<html><head><title>Only a title</title></head><body></body></html>",
    "<html><body><script>var a = 1;</script></body></html>",
])
def test_html_without_main_text(tmp_path: Path, page: str) -> None:
    assert "no main text" in only_error(read(write(tmp_path / "a.html", page))).error


def test_read_error_as_dict() -> None:
    error = ReadError("feed.jsonl", 3, "malformed JSON")
    assert error.to_dict() == {"path": "feed.jsonl", "line": 3, "error": "malformed JSON"}
    assert str(error) == "feed.jsonl:3: malformed JSON"


def test_stdin_broken_gzip_and_empty() -> None:
    assert "gzip" in only_error(read("-", stdin=io.BytesIO(b"\x1f\x8b" + b"junk" * 10))).error
    assert "empty" in only_error(read("-", stdin=io.BytesIO(b""))).error


@pytest.mark.parametrize("title, text, expected", [
    ("Kyiv and Zagreb become twin cities", "The two capitals signed on Monday.",
     "Kyiv and Zagreb become twin cities\n\nThe two capitals signed on Monday."),
    ("Lviv and Wrocław renew twinning", "Lviv and Wrocław renew twinning\n12 May 2023\nLVIV — ...",
     "Lviv and Wrocław renew twinning\n12 May 2023\nLVIV — ..."),
    ("Lviv  and Wrocław renew twinning", "May 2023\nLVIV AND WROCŁAW RENEW TWINNING\nText.",
     "May 2023\nLVIV AND WROCŁAW RENEW TWINNING\nText."),
    (None, "Text.", "Text."),
])
def test_html_text_gets_its_headline_when_the_main_text_left_it_out(title, text, expected):
    from twin_extract.pages import with_headline

    assert with_headline(title, text) == expected
