"""End to end in headless Chromium: keyboard review, correction, persistence, escaping.

Runs the real uvicorn server on a free loopback port and drives Debian's chromium with
Playwright. Skipped when /usr/bin/chromium is missing, unless TWIN_REQUIRE_BROWSER=1 (CI).
"""

from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path
from typing import Any, Iterator

import pytest

from review_fixtures import ATTR, XSS, make_record, sample_records, write_records

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
REQUIRED = os.environ.get("TWIN_REQUIRE_BROWSER") == "1"
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run"]
RECORDS = sample_records()
BUCHA, LVIV, KHARKIV, PARIS = (record.id for record in RECORDS)


def _unavailable(reason: str) -> None:
    if REQUIRED:
        pytest.fail(f"{reason} and TWIN_REQUIRE_BROWSER=1")
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, Any]]:
    """The review app under a real uvicorn server in a thread; yields (url, app)."""
    import uvicorn

    from twin_extract.review.app import allowed_hosts, create_app

    records = write_records(tmp_path / "records.jsonl", RECORDS, bad_lines={1: "{not json"})
    app = create_app(records, tmp_path / "review.sqlite", reviewer="e2e", allowed_hosts=allowed_hosts("127.0.0.1"))
    port = _free_port()
    uv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not uv.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}/", app
    uv.should_exit = True
    thread.join(timeout=10)


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


def test_keyboard_review_persists_across_reload(server: tuple[str, Any], page: Any) -> None:
    url, app = server
    page.goto(url)
    page.wait_for_selector(f"{card(LVIV)}.current")
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
    url, app = server
    page.goto(url)
    page.wait_for_selector(f"{card(LVIV)}.current")
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
    url, app = server
    page.goto(url)
    page.wait_for_selector(f"{card(LVIV)}.current")
    page.keyboard.press("e")
    date = page.locator(f'{card(LVIV)} input[name="date"]')
    date.fill("2022-02-30")
    date.press("Enter")
    page.wait_for_selector("#msg.error")
    assert "not a real date" in page.locator("#msg").inner_text()
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
