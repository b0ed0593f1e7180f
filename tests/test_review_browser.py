"""End to end in headless Chromium: keyboard review, correction, persistence, escaping.

Runs the real uvicorn server on a free loopback port and drives Debian's chromium with
Playwright. Skipped when /usr/bin/chromium is missing, unless TWIN_REQUIRE_BROWSER=1 (CI).
"""

from __future__ import annotations

import json
import os
import socket
import threading
import time
from pathlib import Path
from typing import Any, Iterator

import pytest

from review_fixtures import ATTR, XSS, make_record, many_records, sample_records, write_records

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
REQUIRED = os.environ.get("TWIN_REQUIRE_BROWSER") == "1"
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run"]
RECORDS = sample_records()
BUCHA, LVIV, KHARKIV, PARIS = (record.id for record in RECORDS)
LONG = many_records(120)


def _unavailable(reason: str) -> None:
    if REQUIRED:
        pytest.fail(f"{reason} and TWIN_REQUIRE_BROWSER=1")
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """The review app under a real uvicorn server in a thread."""

    def __init__(self, records: Path, db: Path, reviewer: str = "e2e") -> None:
        import uvicorn

        from twin_extract.review.app import create_app
        from twin_extract.review.serve import allowed_hosts

        self.app = create_app(records, db, reviewer=reviewer, allowed_hosts=allowed_hosts("127.0.0.1"))
        port = _free_port()
        self.url = f"http://127.0.0.1:{port}/"
        self.uv = uvicorn.Server(uvicorn.Config(self.app, host="127.0.0.1", port=port, log_level="warning"))
        self.thread = threading.Thread(target=self.uv.run, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.uv.started:
            assert time.monotonic() < deadline, "uvicorn did not start"
            time.sleep(0.05)

    def stop(self) -> None:
        self.uv.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, Any]]:
    """The sample records (line 2 is not JSON) under a real server; yields (url, app)."""
    records = write_records(tmp_path / "records.jsonl", RECORDS, bad_lines={1: "{not json"})
    running = Server(records, tmp_path / "review.sqlite")
    yield running.url, running.app
    running.stop()


@pytest.fixture
def long_queue(tmp_path: Path) -> Iterator[Server]:
    """120 records, so the queue has three pages."""
    running = Server(write_records(tmp_path / "records.jsonl", LONG), tmp_path / "review.sqlite")
    yield running
    running.stop()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} is not installed")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed")
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A page that records alert dialogs and script errors instead of letting them pass unseen."""
    page = browser.new_page()
    page.dialogs, page.errors = [], []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("console", lambda msg: page.errors.append(msg.text) if msg.type == "error" else None)
    page.set_default_timeout(10_000)
    yield page
    page.close()


def card(record_id: str) -> str:
    return f"#r-{record_id}"


def open_queue(server: tuple[str, Any], page: Any) -> Any:
    """Open the sample queue and wait for its first card (Lviv, the least confident) to be current."""
    url, app = server
    page.goto(url)
    page.wait_for_selector(f"{card(LVIV)}.current")
    return app


def press(page: Any, key: str, until: str) -> None:
    """Press a key and wait until the selector shows its effect."""
    page.keyboard.press(key)
    page.wait_for_selector(until)


def correct_to_an_impossible_date(page: Any, selector: str) -> None:
    """Open the current card's edit form (e), enter 30 February and wait for the error beside the card."""
    page.keyboard.press("e")
    date = page.locator(f'{selector} input[name="date"]')
    date.fill("2022-02-30")
    date.press("Enter")
    page.wait_for_selector(f"{selector} .card-msg.error")


def test_keyboard_review_persists_across_reload(server: tuple[str, Any], page: Any) -> None:
    app = open_queue(server, page)
    page.keyboard.press("a")
    page.wait_for_selector(f'{card(LVIV)}[data-state="accepted"]')
    page.wait_for_selector(f"{card(KHARKIV)}.current")

    page.keyboard.press("e")
    country = page.locator(f'{card(KHARKIV)} input[name="b.country"]')
    country.wait_for(state="visible")
    country.fill("AT")
    country.press("Enter")
    page.wait_for_selector(f'{card(KHARKIV)}[data-state="corrected"]')
    assert page.locator("#count-reviewed").inner_text() == "2"

    page.reload()
    page.wait_for_selector("#queue .card.current")
    assert page.get_attribute(card(LVIV), "data-state") == "accepted"
    assert page.get_attribute(card(KHARKIV), "data-state") == "corrected"
    assert "AT Austria" in page.locator(f"{card(KHARKIV)} .card-fields").inner_text()
    assert page.locator("#count-reviewed").inner_text() == "2"
    store = app.state.review.store
    assert store.get(LVIV).state == "accepted"
    assert store.get(KHARKIV).corrections == {"parties": [{}, {"country": "AT"}]}
    assert page.errors == []


def test_backspace_undoes_and_j_k_move(server: tuple[str, Any], page: Any) -> None:
    app = open_queue(server, page)
    page.keyboard.press("x")
    page.wait_for_selector(f'{card(LVIV)}[data-state="rejected"]')
    page.keyboard.press("Backspace")
    page.wait_for_selector(f'{card(LVIV)}[data-state="unreviewed"]')
    page.wait_for_selector(f"{card(LVIV)}.current")
    page.keyboard.press("j")
    page.keyboard.press(" ")
    page.wait_for_selector(f"{card(PARIS)}.current")
    page.keyboard.press("k")
    page.wait_for_selector(f"{card(KHARKIV)}.current")
    assert app.state.review.store.get(LVIV).state == "unreviewed"
    assert page.errors == []


def test_invalid_correction_shows_the_error_and_changes_nothing(server: tuple[str, Any], page: Any) -> None:
    app = open_queue(server, page)
    correct_to_an_impossible_date(page, card(LVIV))
    assert "not a real date" in page.locator("#msg").inner_text()
    assert "not a real date" in page.locator(f"{card(LVIV)} .card-msg.error").inner_text()
    assert app.state.review.store.get(LVIV).version == 0
    page.errors = [e for e in page.errors if "422" not in e]
    assert page.errors == []


def test_hostile_strings_render_as_text(server: tuple[str, Any], page: Any) -> None:
    url, _ = server
    page.goto(url)
    paris = page.locator(card(PARIS))
    paris.wait_for()
    evidence = paris.locator(".evidence").inner_text()
    assert XSS in evidence and ATTR in evidence
    assert XSS in paris.locator(".card-fields").inner_text()
    assert XSS in paris.locator(".source").inner_text()
    paris.locator("mark.ent-party-b").hover()
    assert page.evaluate("document.querySelectorAll('[onmouseover]').length") == 0
    assert page.evaluate("document.scripts.length") == 1
    assert page.locator(f'{card(PARIS)} input[name="b.name"]').input_value() == f"Paris{ATTR}"
    assert "line 2: invalid JSON" in page.locator(".errors").inner_text()
    page.keyboard.press("j")
    page.keyboard.press("j")
    page.keyboard.press("a")
    page.wait_for_selector(f'{card(PARIS)}[data-state="accepted"]')
    assert XSS in page.locator(f"{card(PARIS)} .evidence").inner_text()
    assert page.dialogs == [] and page.errors == []


def test_report_is_offline_sortable_and_escaped(tmp_path: Path, page: Any) -> None:
    from twin_extract.review.report import render_report

    out = tmp_path / "report.html"
    out.write_text(render_report(RECORDS, [], "report"), encoding="utf-8")
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(out.as_uri())
    page.click("details.records-section > summary")
    first = page.locator("#records tbody tr").first
    assert first.get_attribute("id") == f"r-{BUCHA}"
    page.click("#records th:first-child")
    assert page.locator("#records tbody tr").first.get_attribute("id") == f"r-{LVIV}"
    assert XSS in page.locator(f"#r-{PARIS}").inner_text()
    assert requests == [out.as_uri()]
    assert page.dialogs == [] and page.errors == []


def in_viewport(page: Any, selector: str) -> bool:
    """True when the element is on screen and not hidden under the fixed status line."""
    return page.evaluate(
        """(selector) => {
            const element = document.querySelector(selector);
            const box = element.getBoundingClientRect();
            const status = document.getElementById("status");
            const bottom = status.contains(element) ? window.innerHeight : status.getBoundingClientRect().top;
            return box.height > 0 && box.top >= 0 && box.bottom <= bottom;
        }""", selector)


def test_a_line_against_the_schema_is_listed_and_the_rest_reviewable(tmp_path: Path, page: Any) -> None:
    wrong = RECORDS[0].to_dict()
    wrong["parties"][1]["name"] = 42
    records = write_records(tmp_path / "records.jsonl", RECORDS[1:], bad_lines={1: json.dumps(wrong)})
    running = Server(records, tmp_path / "review.sqlite")
    try:
        page.goto(running.url)
        page.wait_for_selector(f"{card(LVIV)}.current")
        assert "line 2: not a twinning record: parties[1].name: expected string, found 42" in page.locator("#skipped").inner_text()
        assert page.locator(card(BUCHA)).count() == 0
        page.keyboard.press("a")
        page.wait_for_selector(f'{card(LVIV)}[data-state="accepted"]')
        assert "accepted Lviv – Wroclaw" in page.locator("#msg").inner_text()
    finally:
        running.stop()
    assert page.errors == []


def test_page_opens_at_the_top_and_j_walks_on_to_the_next_page(long_queue: Server, page: Any) -> None:
    page.set_viewport_size({"width": 1000, "height": 600})
    page.goto(long_queue.url)
    page.wait_for_selector(f"{card(LONG[0].id)}.current")
    assert page.evaluate("window.scrollY") == 0
    assert page.locator("#queue .card").count() == 50
    for _ in range(50):
        page.keyboard.press("j")
    page.wait_for_selector(f"{card(LONG[50].id)}.current")
    assert "Records 51–100 of 120" in page.locator(".pager").first.inner_text()
    page.keyboard.press("k")
    page.wait_for_selector(f"{card(LONG[49].id)}.current")
    assert in_viewport(page, f"{card(LONG[49].id)}")
    assert page.errors == []


def test_an_error_deep_in_the_queue_shows_beside_the_card(long_queue: Server, page: Any) -> None:
    page.set_viewport_size({"width": 1000, "height": 600})
    page.goto(long_queue.url)
    deep = card(LONG[40].id)
    page.wait_for_selector(f"{card(LONG[0].id)}.current")
    for _ in range(40):
        page.keyboard.press("j")
    page.wait_for_selector(f"{deep}.current")
    correct_to_an_impossible_date(page, deep)
    assert in_viewport(page, f"{deep} .card-msg")
    assert in_viewport(page, "#msg") and "not a real date" in page.locator("#msg").inner_text()
    assert long_queue.app.state.review.store.get(LONG[40].id).version == 0


def test_a_stopped_server_shows_unreachable(tmp_path: Path, page: Any) -> None:
    running = Server(write_records(tmp_path / "records.jsonl", RECORDS), tmp_path / "review.sqlite")
    page.goto(running.url)
    page.wait_for_selector(f"{card(LVIV)}.current")
    running.stop()
    page.keyboard.press("a")
    page.wait_for_selector("body.unreachable")
    assert "unreachable" in page.locator("#msg").inner_text()
    assert "unreachable" in page.locator(f"{card(LVIV)} .card-msg").inner_text()
    assert page.get_attribute(card(LVIV), "data-state") == "unreviewed"
    page.errors = [e for e in page.errors if "Failed to fetch" not in e and "ERR_CONNECTION_REFUSED" not in e]
    assert page.errors == []


def test_undo_reverts_only_this_reviewers_and_this_tabs_changes(server: tuple[str, Any], page: Any, browser: Any) -> None:
    url, app = server
    store = app.state.review.store
    page.goto(url)
    page.wait_for_selector(f"{card(LVIV)}.current")
    press(page, "a", f'{card(LVIV)}[data-state="accepted"]')
    press(page, "x", f'{card(KHARKIV)}[data-state="rejected"]')
    store.decide(PARIS, "accepted", "bob", 0)

    fresh = browser.new_page()
    fresh.goto(url)
    fresh.wait_for_selector(f"{card(LVIV)}.current")
    press(fresh, "Backspace", "#status.error")
    assert "Nothing to undo in this tab" in fresh.locator("#msg").inner_text()
    fresh.close()
    assert store.get(KHARKIV).state == "rejected"

    press(page, "Backspace", f'{card(KHARKIV)}[data-state="unreviewed"]')
    assert page.locator("#msg").inner_text() == "undid reject of Kharkiv – Nuremberg; it is now unreviewed"
    press(page, "Backspace", f'{card(LVIV)}[data-state="unreviewed"]')
    assert page.locator("#msg").inner_text() == "undid accept of Lviv – Wroclaw; it is now unreviewed"
    press(page, "Backspace", "#status.error")
    assert store.get(PARIS).state == "accepted"

    page.locator(f'{card(PARIS)} button[data-action="undo"]').click()
    page.wait_for_selector(f"{card(PARIS)} .card-msg.error")
    assert "made by bob" in page.locator(f"{card(PARIS)} .card-msg").inner_text()
    assert store.get(PARIS).state == "accepted"
    page.errors = [e for e in page.errors if "409" not in e]
    assert page.errors == []


def test_enter_saves_a_note_and_shift_enter_adds_a_line(server: tuple[str, Any], page: Any) -> None:
    app = open_queue(server, page)
    page.keyboard.press("n")
    note = page.locator(f"{card(LVIV)} textarea")
    note.type("first")
    note.press("Shift+Enter")
    note.type("second")
    note.press("Enter")
    page.wait_for_selector(f'{card(LVIV)}[data-version="1"]')
    assert app.state.review.store.get(LVIV).note == "first\nsecond"
    assert "note saved on Lviv – Wroclaw" in page.locator("#msg").inner_text()


def test_report_map_has_an_arc_per_tie_and_the_table_filters(tmp_path: Path, page: Any, monkeypatch) -> None:
    from twin_extract.review import report
    from twin_extract.review.report import render_report

    monkeypatch.setattr(report, "PAGE_ROWS", 3)
    records = RECORDS + [make_record(("Odesa", "UA"), ("Genoa", "IT"), source_id=f"g{i}", status=status,
                                     date=f"202{i}-05") for i, status in enumerate(("proposed", "signed", "terminated"))]
    out = tmp_path / "report.html"
    out.write_text(render_report(records, [], "report"), encoding="utf-8")
    page.goto(out.as_uri())
    rows = page.locator("#ties tbody tr")
    assert page.locator("#ties tbody tr:not([hidden])").count() == 3
    page.click("#tie-more")
    assert page.locator("#ties tbody tr:not([hidden])").count() == 5 and page.locator("#tie-more").is_hidden()
    located = page.locator("#ties tbody tr").evaluate_all(
        "rows => rows.filter(r => document.querySelector('#map .arc[data-tie=\"' + r.id.slice(2) + '\"]')).length")
    assert rows.count() == 5 and located == page.locator("#map .arc").count() >= 4
    odesa = page.locator("#ties tbody tr", has_text="Odesa")
    assert odesa.get_attribute("data-status") == "terminated"
    page.fill("#tie-search", "odesa")
    assert page.locator("#ties tbody tr:not([hidden])").count() == 1
    assert page.locator("#map .arc:not(.hidden)").count() == 1
    page.fill("#tie-search", "")
    page.select_option("#tie-status", "proposed")
    assert page.locator("#ties tbody tr:not([hidden])").count() == 1
    assert "Lviv" in page.locator("#ties tbody tr:not([hidden])").inner_text()
    page.select_option("#tie-status", "")
    odesa.click()
    history = odesa.locator("ol.events li")
    assert [item.locator("strong").inner_text() for item in history.all()] == ["proposed", "signed", "terminated"]
    assert page.locator("#ties tbody tr:not([hidden])").count() == 5
    assert page.dialogs == [] and page.errors == []
