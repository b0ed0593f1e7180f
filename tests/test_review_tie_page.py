"""The review app links each record to its tie's history, folded from the current decisions."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pytest

warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
from starlette.testclient import TestClient  # noqa: E402

from review_fixtures import XSS, make_record, sample_records, write_records  # noqa: E402
from twin_extract.review import app as review_app  # noqa: E402

PROPOSAL = make_record(("Odesa", "UA"), ("Genoa", "IT"), source_id="g1", status="proposed", date="2021-05")
SIGNING = make_record(("Genoa", "IT"), ("Odesa", "UA"), source_id="g2", status="signed", date="2022-05")


@pytest.fixture
def client(tmp_path: Path) -> TestClient:
    records = write_records(tmp_path / "records.jsonl", [*sample_records(), PROPOSAL, SIGNING])
    return TestClient(review_app.create_app(records, tmp_path / "review.sqlite", reviewer="ana"))


def test_every_card_links_to_its_tie(client: TestClient) -> None:
    html = client.get("/").text
    cards = re.findall(r'<article class="card[^"]*" id="r-([0-9a-f]{16})"', html)
    assert len(cards) == 6
    assert all(f'href="ties/{record_id}"' in html for record_id in cards)


def test_tie_page_shows_the_whole_history_in_order(client: TestClient) -> None:
    response = client.get(f"/ties/{SIGNING.id}")
    assert response.status_code == 200
    events = re.findall(r'<li id="e-([0-9a-f]{16})"', response.text)
    assert events == [PROPOSAL.id, SIGNING.id]
    assert "since 2022-05" in response.text


def test_rejected_record_leaves_the_tie(client: TestClient) -> None:
    store = client.app.state.review.store
    store.decide(PROPOSAL.id, "rejected", "ana", 0)
    assert re.findall(r'<li id="e-([0-9a-f]{16})"', client.get(f"/ties/{SIGNING.id}").text) == [SIGNING.id]
    assert client.get(f"/ties/{PROPOSAL.id}").status_code == 404


def test_unknown_record_and_escaping(client: TestClient) -> None:
    assert client.get("/ties/0000000000000000").status_code == 404
    paris = sample_records()[3]
    html = client.get(f"/ties/{paris.id}").text
    assert XSS not in html and "&lt;script&gt;" in html
