"""The review web app through Starlette's test client: actions, CSRF, validation, escaping."""

from __future__ import annotations

import argparse
import json
import re
import socket
import warnings
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from markupsafe import escape

warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
from starlette.testclient import TestClient  # noqa: E402

from review_fixtures import (ATTR, XSS, external_resources, make_record, many_records, sample_records,  # noqa: E402
                             write_records)
from twin_extract.review import app as review_app  # noqa: E402
from twin_extract.review import serve  # noqa: E402
from twin_extract.review.store import Store  # noqa: E402

RECORDS = sample_records()
BUCHA, LVIV, KHARKIV, PARIS = (record.id for record in RECORDS)
LONG = many_records(120)


@pytest.fixture
def records_path(tmp_path: Path) -> Path:
    return write_records(tmp_path / "records.jsonl", RECORDS, bad_lines={2: '{"id": "broken", '})


@pytest.fixture
def client(records_path: Path) -> TestClient:
    app = review_app.create_app(records_path, records_path.parent / "review.sqlite", reviewer="ana")
    return TestClient(app)


def store_of(client: TestClient) -> Store:
    return client.app.state.review.store


def token(client: TestClient) -> str:
    return client.app.state.review.csrf


def post(client: TestClient, path: str, body: Any = None, csrf: str | None = "auto") -> Any:
    headers = {} if csrf is None else {"X-CSRF-Token": token(client) if csrf == "auto" else csrf}
    return client.post(path, json=body if body is not None else {}, headers=headers)


def snapshot(client: TestClient) -> dict[str, Any]:
    return {key: value.public() for key, value in store_of(client).all().items()}


def cards_in_order(html: str) -> list[str]:
    return re.findall(r'<article class="card[^"]*" id="r-([^"]+)"', html)


def test_page_lists_records_least_confident_first(client: TestClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert cards_in_order(response.text) == [LVIV, KHARKIV, PARIS, BUCHA]
    assert re.search(r'id="count-reviewed">0</strong> of <strong id="count-total">4<', response.text)
    assert "Keys:" in response.text and "<kbd>a</kbd> accept" in response.text


def test_evidence_marks_parties_and_date_in_place(client: TestClient) -> None:
    html = client.get("/").text
    assert '<mark class="ent ent-party-a">Lviv<span class="ent-label">PARTY A</span></mark> and ' in html
    assert '<mark class="ent ent-party-b">Wroclaw<span class="ent-label">PARTY B</span></mark>' in html
    assert '<mark class="ent ent-date">in June 2022<span class="ent-label">DATE</span></mark>.' in html


def test_fields_show_country_code_and_name(client: TestClient) -> None:
    html = client.get("/").text
    assert "<code>UA</code> Ukraine" in html and "<code>PL</code> Poland" in html


def test_malformed_line_is_listed_and_the_rest_is_reviewable(client: TestClient) -> None:
    html = client.get("/").text
    assert "1 unreadable line" in html
    assert "line 3: invalid JSON" in html
    assert len(cards_in_order(html)) == 4
    assert post(client, f"/api/records/{BUCHA}/accept", {"version": 0}).status_code == 200


def test_accept_reject_note_and_undo(client: TestClient) -> None:
    response = post(client, f"/api/records/{BUCHA}/accept", {"version": 0})
    assert response.status_code == 200
    data = response.json()
    assert data["decision"]["state"] == "accepted" and data["decision"]["reviewer"] == "ana"
    assert data["counts"]["accepted"] == 1 and data["counts"]["reviewed"] == 1
    assert 'data-state="accepted"' in data["card"]
    assert post(client, f"/api/records/{LVIV}/reject", {"version": 0}).json()["decision"]["state"] == "rejected"
    noted = post(client, f"/api/records/{LVIV}/note", {"version": 1, "note": "wrong city"}).json()
    assert noted["decision"]["note"] == "wrong city" and noted["decision"]["state"] == "rejected"
    undone = post(client, f"/api/records/{LVIV}/undo", {"version": 2}).json()
    assert undone["decision"]["note"] == "" and undone["decision"]["state"] == "rejected"
    assert post(client, "/api/undo").json()["decision"]["record_id"] == LVIV
    assert store_of(client).get(LVIV).state == "unreviewed"
    assert store_of(client).get(BUCHA).state == "accepted"
    assert re.search(r'id="count-reviewed">1</strong> of', client.get("/").text)


def test_correct_applies_and_shows_changes(client: TestClient) -> None:
    corrections = {"parties": [{"name": "Lviv", "country": "UA"}, {"name": "Wrocław", "country": "de"}],
                   "status": "signed", "date": "2022-06-30"}
    response = post(client, f"/api/records/{LVIV}/correct", {"version": 0, "corrections": corrections})
    assert response.status_code == 200, response.text
    decision = response.json()["decision"]
    assert decision["state"] == "corrected"
    assert decision["corrections"] == {"status": "signed", "date": "2022-06-30",
                                       "parties": [{}, {"name": "Wrocław", "country": "DE"}]}
    card = response.json()["card"]
    assert "<code>DE</code> Germany" in card
    assert "<del>proposed</del> → <ins>signed</ins>" in card


def test_correct_without_changes_counts_as_accept(client: TestClient) -> None:
    response = post(client, f"/api/records/{BUCHA}/correct", {"version": 0, "corrections": {"status": "signed"}})
    assert response.json()["decision"]["state"] == "accepted"


def test_region_subdivision_must_exist_and_match_country(client: TestClient) -> None:
    ok = {"parties": [{"type": "region", "country": "UA", "subdivision": "ua-46"}, {}]}
    assert post(client, f"/api/records/{LVIV}/correct", {"version": 0, "corrections": ok}).status_code == 200
    bad = {"parties": [{"country": "PL", "subdivision": "UA-46"}, {}]}
    response = post(client, f"/api/records/{KHARKIV}/correct", {"version": 0, "corrections": bad})
    assert response.status_code == 422 and "not in PL" in response.json()["error"]


ENDPOINTS = [f"/api/records/{BUCHA}/{action}" for action in ("accept", "reject", "correct", "note", "undo")]


@pytest.mark.parametrize("path", ENDPOINTS + ["/api/undo"])
@pytest.mark.parametrize("csrf", [None, "", "wrong-token"])
def test_every_post_requires_the_csrf_token(client: TestClient, path: str, csrf: str | None) -> None:
    store_of(client).decide(KHARKIV, "accepted", "ana", 0)
    before = snapshot(client)
    body = {"version": 0, "note": "x", "corrections": {"status": "pending"}}
    response = post(client, path, body, csrf=csrf)
    assert response.status_code == 403
    assert "CSRF" in response.json()["error"]
    assert snapshot(client) == before


def test_get_cannot_change_state(client: TestClient) -> None:
    assert client.get(f"/api/records/{BUCHA}/accept").status_code == 405
    assert snapshot(client) == {}


BAD_REQUESTS = [
    ("/api/records/0000000000000000/accept", {"version": 0}, 404, "unknown record id"),
    (f"/api/records/{BUCHA}/approve", {"version": 0}, 404, "unknown action"),
    (f"/api/records/{BUCHA}/accept", {}, 400, "version"),
    (f"/api/records/{BUCHA}/accept", {"version": "0"}, 400, "version"),
    (f"/api/records/{BUCHA}/correct", {"version": 0, "corrections": {"parties": [{"country": "XX"}, {}]}}, 422, "country code"),
    (f"/api/records/{BUCHA}/correct", {"version": 0, "corrections": {"parties": [{"country": "France"}, {}]}}, 422, "country code"),
    (f"/api/records/{BUCHA}/correct", {"version": 0, "corrections": {"parties": [{"name": " "}, {}]}}, 422, "name"),
    (f"/api/records/{BUCHA}/correct", {"version": 0, "corrections": {"parties": [{"type": "village"}, {}]}}, 422, "type"),
    (f"/api/records/{BUCHA}/correct", {"version": 0, "corrections": {"date": "2022-13"}}, 422, "not a real date"),
    (f"/api/records/{BUCHA}/correct", {"version": 0, "corrections": {"date": "2023-02-29"}}, 422, "not a real date"),
    (f"/api/records/{BUCHA}/correct", {"version": 0, "corrections": {"date": "June 2022"}}, 422, "YYYY"),
    (f"/api/records/{BUCHA}/correct", {"version": 0, "corrections": {"date": "22-06"}}, 422, "YYYY"),
    (f"/api/records/{BUCHA}/correct", {"version": 0, "corrections": {"status": "twinned"}}, 422, "status"),
    (f"/api/records/{BUCHA}/correct", {"version": 0, "corrections": {"status": None}}, 422, "status"),
    (f"/api/records/{BUCHA}/correct", {"version": 0, "corrections": {"colour": "red"}}, 422, "unknown field"),
    (f"/api/records/{BUCHA}/correct", {"version": 0, "corrections": "DE"}, 422, "expected an object"),
    (f"/api/records/{BUCHA}/note", {"version": 0, "note": 5}, 422, "note"),
    (f"/api/records/{BUCHA}/accept", {"version": 3}, 409, "changed elsewhere"),
]


@pytest.mark.parametrize("path, body, status, message", BAD_REQUESTS)
def test_bad_requests_are_4xx_with_a_message_and_change_nothing(
        client: TestClient, path: str, body: dict[str, Any], status: int, message: str) -> None:
    store_of(client).decide(KHARKIV, "accepted", "ana", 0)
    before = snapshot(client)
    response = post(client, path, body)
    assert response.status_code == status
    assert message in response.json()["error"]
    assert snapshot(client) == before


def test_body_must_be_json(client: TestClient) -> None:
    response = client.post(f"/api/records/{BUCHA}/accept", content=b"version=0",
                           headers={"X-CSRF-Token": token(client)})
    assert response.status_code == 400 and "JSON" in response.json()["error"]
    assert snapshot(client) == {}


def test_second_tab_with_old_version_gets_409_not_an_overwrite(client: TestClient) -> None:
    assert post(client, f"/api/records/{BUCHA}/accept", {"version": 0}).status_code == 200
    response = post(client, f"/api/records/{BUCHA}/reject", {"version": 0})
    assert response.status_code == 409 and response.json()["version"] == 1
    assert store_of(client).get(BUCHA).state == "accepted"


def test_undo_with_nothing_to_undo_is_409(client: TestClient) -> None:
    assert post(client, "/api/undo").status_code == 409
    assert post(client, f"/api/records/{BUCHA}/undo").status_code == 409


def test_record_strings_are_escaped(client: TestClient) -> None:
    html = client.get("/").text
    assert XSS not in html and "<script>alert" not in html
    assert ATTR not in html and 'onmouseover="' not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "Paris&#34; onmouseover=&#34;alert(2)" in html
    assert 'href="javascript:' not in html
    card = post(client, f"/api/records/{PARIS}/accept", {"version": 0}).json()["card"]
    assert XSS not in card and ATTR not in card


def test_escaped_in_notes_and_errors_too(tmp_path: Path) -> None:
    path = write_records(tmp_path / "r.jsonl", RECORDS[:1], bad_lines={0: f'"{XSS}"', 1: f"{{{XSS}"})
    client = TestClient(review_app.create_app(path, tmp_path / "db.sqlite", reviewer=XSS))
    post(client, f"/api/records/{BUCHA}/note", {"version": 0, "note": XSS})
    html = client.get("/").text
    assert XSS not in html and "line 1: not a JSON object" in html


def test_security_headers(client: TestClient) -> None:
    headers = client.get("/").headers
    assert "script-src 'self'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"


def test_static_assets_are_served_locally(client: TestClient) -> None:
    html = client.get("/").text
    assert external_resources(html) == []
    assert '<link rel="stylesheet" href="/static/review.css">' in html
    for asset in ("review.js", "review.css", "marks.css"):
        assert client.get(f"/static/{asset}").status_code == 200


@pytest.mark.parametrize("query, expected", [
    ("status=proposed", [LVIV]),
    ("country=de", [KHARKIV]),
    ("country=UA&min=0.5", [KHARKIV, BUCHA]),
    ("max=0.65", [LVIV, KHARKIV]),
    ("min=abc", [LVIV, KHARKIV, PARIS, BUCHA]),
    ("q=BERGAMO", [BUCHA]),
    ("q=town+news", [LVIV, KHARKIV, BUCHA]),
])
def test_filters(client: TestClient, query: str, expected: list[str]) -> None:
    assert cards_in_order(client.get(f"/?{query}").text) == expected


def test_review_state_filter_and_corrected_values(client: TestClient) -> None:
    post(client, f"/api/records/{BUCHA}/accept", {"version": 0})
    post(client, f"/api/records/{LVIV}/correct", {"version": 0, "corrections": {"parties": [{}, {"country": "DE"}]}})
    assert cards_in_order(client.get("/?state=accepted").text) == [BUCHA]
    assert cards_in_order(client.get("/?state=unreviewed").text) == [KHARKIV, PARIS]
    assert cards_in_order(client.get("/?state=corrected&country=DE").text) == [LVIV]


def test_vanished_decisions_are_flagged(records_path: Path) -> None:
    store = Store(records_path.parent / "review.sqlite")
    store.decide("feedfacefeedface", "accepted", "bob", 0)
    client = TestClient(review_app.create_app(records_path, store.path, reviewer="ana"))
    html = client.get("/").text
    assert "1 decision for records no longer in the file" in html and "feedfacefeedface" in html


def test_decisions_survive_a_restart_and_a_rerun(records_path: Path) -> None:
    first = TestClient(review_app.create_app(records_path, None, reviewer="ana"))
    post(first, f"/api/records/{BUCHA}/accept", {"version": 0})
    rerun = [RECORDS[0], make_record(("Odesa", "UA"), ("Genoa", "IT"), source_id="s9")]
    write_records(records_path, rerun)
    second = TestClient(review_app.create_app(records_path, None, reviewer="bob"))
    assert second.app.state.review.store.path == records_path.parent / "review.sqlite"
    html = second.get("/").text
    assert re.search(r'id="count-reviewed">1</strong> of <strong id="count-total">2<', html)


def test_wrong_host_header_is_refused(records_path: Path) -> None:
    app = review_app.create_app(records_path, None, "ana", allowed_hosts=serve.allowed_hosts("127.0.0.1"))
    assert TestClient(app, base_url="http://127.0.0.1:8765").get("/").status_code == 200
    assert TestClient(app, base_url="http://attacker.example").get("/").status_code == 400


def _parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    serve.add_arguments(parser)
    return parser.parse_args(list(argv))


def test_command_binds_loopback_and_prints_url(records_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    bound: list[tuple[str, int]] = []
    monkeypatch.setattr("uvicorn.Server.run", lambda self, sockets: bound.extend(s.getsockname() for s in sockets))
    port = _free_port()
    assert serve.command(_parse(str(records_path), "--port", str(port))) == 0
    assert bound == [("127.0.0.1", port)]
    err = capsys.readouterr().err
    assert f"http://127.0.0.1:{port}/" in err and "line 3 unreadable, skipped: invalid JSON" in err
    assert (records_path.parent / "review.sqlite").is_file()


def test_busy_port_is_a_usage_error_without_a_url(records_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        assert serve.command(_parse(str(records_path), "--port", str(port))) == 2
    err = capsys.readouterr().err
    assert "already in use" in err and f"--port {port + 1}" in err
    assert "http://" not in err and "Traceback" not in err


@pytest.mark.parametrize("argv", [["none.jsonl"], ["records.jsonl", "--port", "70000"]])
def test_command_usage_errors(records_path: Path, argv: list[str]) -> None:
    argv[0] = str(records_path.parent / argv[0])
    assert serve.command(_parse(*argv)) == 2


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


MALFORMED = [
    ("deep list", b"[" * 5000 + b"]" * 5000, 400, "nested"),
    ("deep object", b'{"version": 0, "note": ' + b'{"a": ' * 30 + b"1" + b"}" * 30 + b"}", 400, "nested"),
    ("lone surrogate", b'{"version": 0, "note": "\\ud800"}', 400, "lone surrogate"),
    ("surrogate key", b'{"version": 0, "\\udfff": 1}', 400, "lone surrogate"),
    ("not UTF-8", b'{"version": 0, "note": "\xff\xfe"}', 400, "not JSON"),
    ("huge", b'{"note": "' + b"x" * 1_100_000 + b'"}', 413, "over"),
    ("huge version", b'{"version": 99999999999999999999999}', 409, "changed elsewhere"),
    ("NaN", b'{"version": NaN}', 400, "version"),
]


@pytest.mark.parametrize("name, raw, status, message", MALFORMED, ids=[case[0] for case in MALFORMED])
def test_malformed_bodies_are_4xx_json(client: TestClient, name: str, raw: bytes, status: int, message: str) -> None:
    response = client.post(f"/api/records/{BUCHA}/note", content=raw, headers={"X-CSRF-Token": token(client)})
    assert response.status_code == status
    assert message in response.json()["error"]
    assert snapshot(client) == {}


def test_a_streamed_body_over_the_limit_is_413(client: TestClient) -> None:
    chunks = (b"x" * 100_000 for _ in range(20))
    response = client.post(f"/api/records/{BUCHA}/note", content=chunks, headers={"X-CSRF-Token": token(client)})
    assert response.status_code == 413 and "over" in response.json()["error"]


@pytest.mark.parametrize("headers, status", [
    ({"Origin": "http://testserver"}, 200),
    ({"Referer": "http://testserver/?status=signed"}, 200),
    ({"Origin": "http://attacker.example"}, 403),
    ({"Origin": "null"}, 403),
    ({"Origin": "http://testserver.attacker.example"}, 403),
    ({"Referer": "http://attacker.example/page"}, 403),
    ({"Origin": "http://attacker.example", "Referer": "http://testserver/"}, 403),
])
def test_post_origin_must_be_this_server(client: TestClient, headers: dict[str, str], status: int) -> None:
    response = client.post(f"/api/records/{BUCHA}/accept", json={"version": 0},
                           headers={"X-CSRF-Token": token(client), **headers})
    assert response.status_code == status
    assert (store_of(client).get(BUCHA).state == "accepted") == (status == 200)
    if status == 403:
        assert "another origin" in response.json()["error"]


@pytest.mark.parametrize("record_id", ["a/b", "a/b/accept", "ünï cödé", "100%", "?x=1#y"])
def test_any_record_id_can_be_decided_through_its_url_encoding(tmp_path: Path, record_id: str) -> None:
    data = RECORDS[0].to_dict()
    data["id"] = record_id
    path = tmp_path / "records.jsonl"
    path.write_text(json.dumps(data) + "\n", encoding="utf-8")
    client = TestClient(review_app.create_app(path, tmp_path / "db.sqlite", reviewer="ana"))
    response = post(client, f"/api/records/{quote(record_id, safe='')}/accept", {"version": 0})
    assert response.status_code == 200, response.text
    assert store_of(client).get(record_id).state == "accepted"
    assert response.json()["message"] == "accepted Bucha – Bergamo"


def test_unknown_api_paths_answer_json(client: TestClient) -> None:
    response = post(client, "/api/nothing")
    assert response.status_code == 404 and response.json() == {"error": "not found"}
    assert client.get("/api/undo").json() == {"error": "method not allowed"}


BROKEN_RECORDS = [
    ("number for a string", lambda d: d["parties"][1].update(name=7), "parties[1].name: expected string, found 7"),
    ("list for an object", lambda d: d.update(source=[]), "source: expected object, found list"),
    ("numeric id", lambda d: d.update(id=12), "id: expected string, found 12"),
    ("one party", lambda d: d["parties"].pop(), "parties: expected 2 to 2 items, found 1"),
    ("unknown status", lambda d: d.update(status="twinned"), "status: 'twinned' is not one of"),
    ("lone surrogate", lambda d: d["evidence"][0].update(text="\ud800"), "evidence[0].text: contains a lone surrogate"),
    ("confidence NaN", lambda d: d.update(confidence=float("nan")), "confidence: expected number, found nan"),
    ("missing field", lambda d: d.pop("evidence"), "record: missing evidence"),
    ("offset as float", lambda d: d["parties"][0].update(start=101.0), "parties[0].start: expected integer, found 101.0"),
]


@pytest.mark.parametrize("name, breaks, message", BROKEN_RECORDS, ids=[case[0] for case in BROKEN_RECORDS])
def test_a_record_against_the_schema_is_listed_and_skipped(tmp_path: Path, name: str, breaks: Any, message: str) -> None:
    broken = RECORDS[0].to_dict()
    breaks(broken)
    lines = [json.dumps(r.to_dict()) for r in RECORDS[1:]] + [json.dumps(broken)]
    path = tmp_path / "records.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    client = TestClient(review_app.create_app(path, tmp_path / "db.sqlite", reviewer="ana"))
    response = client.get("/")
    assert response.status_code == 200
    assert f"line 4: not a twinning record: {escape(message)}" in response.text
    assert cards_in_order(response.text) == [LVIV, KHARKIV, PARIS]


@pytest.fixture
def long_client(tmp_path: Path) -> TestClient:
    path = write_records(tmp_path / "records.jsonl", LONG)
    return TestClient(review_app.create_app(path, tmp_path / "db.sqlite", reviewer="ana"))


def test_the_queue_is_served_a_page_at_a_time(long_client: TestClient) -> None:
    ids = [record.id for record in LONG]
    first = long_client.get("/").text
    assert cards_in_order(first) == ids[:50] and "Records 1–50 of 120 matching" in first
    assert re.search(rf'rel="next" href="/\?after={ids[49]}"', first) and 'rel="prev"' not in first
    third = long_client.get(f"/?after={ids[99]}").text
    assert cards_in_order(third) == ids[100:] and 'rel="next"' not in third
    assert cards_in_order(long_client.get(f"/?before={ids[100]}").text) == ids[50:100]
    assert cards_in_order(long_client.get("/?after=unknown").text) == ids[:50]


def test_deciding_under_a_state_filter_skips_no_record(long_client: TestClient) -> None:
    ids = [record.id for record in LONG]
    for record_id in ids[:50]:
        assert post(long_client, f"/api/records/{record_id}/accept", {"version": 0}).status_code == 200
    page = long_client.get(f"/?state=unreviewed&after={ids[49]}").text
    assert cards_in_order(page) == ids[50:100]
    assert "Records 1–50 of 70 matching" in page
    assert f"state=unreviewed&amp;after={ids[99]}" in page
