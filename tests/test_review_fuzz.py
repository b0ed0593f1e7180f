"""Generated bodies, ids and records files never make the review app answer 500 or a command crash.

Hypothesis runs with a fixed seed and a bounded number of examples (``review_strategies.FUZZ``).
The test client re-raises any exception inside the app, so a crash fails the test with its
traceback, and every answer must be a 2xx, or a 4xx with a JSON message.
"""

from __future__ import annotations

import json
import warnings
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
from starlette.testclient import TestClient  # noqa: E402

from review_fixtures import sample_records, write_records  # noqa: E402
from review_strategies import FUZZ, JSON, TEXT, broken_records  # noqa: E402
from twin_extract.cli import main  # noqa: E402
from twin_extract.review.app import ACTIONS, create_app  # noqa: E402

RECORDS = sample_records()
IDS = [record.id for record in RECORDS]


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    folder = tmp_path_factory.mktemp("fuzz")
    path = write_records(folder / "records.jsonl", RECORDS)
    return TestClient(create_app(path, folder / "review.sqlite", reviewer="fuzz"))


def assert_answered(response: Any) -> None:
    assert response.status_code < 500, response.text
    if response.status_code >= 400 and response.headers.get("content-type", "").startswith("application/json"):
        assert isinstance(response.json()["error"], str)


CHANGES = st.fixed_dictionaries({}, optional={"note": st.one_of(TEXT, JSON), "corrections": JSON,
                                              "version": st.integers(-1, 3)})
"""Bodies shaped like real ones; the test gives most of them the record's current version."""
RAW = st.one_of(
    JSON.map(lambda value: json.dumps(value).encode()),
    st.binary(max_size=200),
    st.integers(1, 3000).map(lambda depth: b'{"version": 0, "note": ' + b"[" * depth + b"]" * depth + b"}"),
)


@FUZZ
@given(body=st.one_of(RAW, CHANGES), current=st.booleans(), record_id=st.sampled_from(IDS),
       action=st.sampled_from(ACTIONS + ("approve",)))
def test_generated_bodies_get_no_500(client: TestClient, body: bytes | dict[str, Any], current: bool,
                                     record_id: str, action: str) -> None:
    if isinstance(body, dict):
        if current:
            body["version"] = client.app.state.review.store.get(record_id).version
        body = json.dumps(body).encode()
    response = client.post(f"/api/records/{record_id}/{action}", content=body,
                           headers={"X-CSRF-Token": client.app.state.review.csrf})
    assert_answered(response)
    assert response.headers["content-type"].startswith("application/json")


@FUZZ
@given(record_id=TEXT, action=TEXT)
def test_generated_ids_and_actions_get_no_500(client: TestClient, record_id: str, action: str) -> None:
    path = f"/api/records/{quote(record_id.encode('utf-8', 'surrogatepass'), safe='')}/{quote(action.encode('utf-8', 'surrogatepass'), safe='')}"
    assert_answered(client.post(path, json={"version": 0}, headers={"X-CSRF-Token": client.app.state.review.csrf}))


@FUZZ
@given(query=st.dictionaries(st.sampled_from(["status", "country", "state", "min", "max", "q", "after", "before"]),
                             TEXT, max_size=4))
def test_generated_filters_get_no_500(client: TestClient, query: dict[str, str]) -> None:
    response = client.get("/?" + urlencode(query, encoding="utf-8", errors="surrogatepass"))
    assert response.status_code == 200


LINES = st.one_of(broken_records().map(json.dumps), JSON.map(json.dumps), TEXT)


@settings(FUZZ, max_examples=30)
@given(lines=st.lists(LINES, min_size=1, max_size=6))
def test_generated_records_files_open_in_every_command(tmp_path_factory: pytest.TempPathFactory, lines: list[str],
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path_factory.mktemp("records")
    path = folder / "records.jsonl"
    path.write_text("\n".join(line.replace("\n", " ") for line in lines) + "\n", encoding="utf-8", errors="surrogatepass")
    client = TestClient(create_app(path, folder / "review.sqlite", reviewer="fuzz"))
    assert client.get("/").status_code == 200
    review = client.app.state.review
    for record_id in list(review.records)[:2]:
        assert_answered(client.post(f"/api/records/{quote(record_id, safe='')}/accept", json={"version": 0},
                                    headers={"X-CSRF-Token": review.csrf}))
    assert main(["report", str(path), "-o", str(folder / "report.html")]) in (0, 1)
    assert main(["export", str(path), "--db", str(folder / "review.sqlite"), "-o", str(folder / "out.csv"),
                 "--format", "csv"]) in (0, 1)
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert err.count("unreadable, skipped") == 2 * len(review.errors)


def test_the_fuzz_settings_are_bounded_and_seeded() -> None:
    assert FUZZ.derandomize and FUZZ.max_examples <= 100 and FUZZ.database is None
