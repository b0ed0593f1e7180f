"""How the review app opens and answers keys with 10 and with 10,000 records (issue 14).

Usage: ``.venv/bin/python benchmarks/review.py [--records 10000] [--loads 5] [--keys 20]``

For each size a records file is generated (the test fixtures' records, equal confidence), the
app is loaded (start-up: reading and checking the file), served by uvicorn on a free loopback
port and opened in headless Debian Chromium through Playwright. Measured: first contentful
paint and the load event (median of ``--loads`` fresh page loads), and the time from pressing
``a`` until the card shows the new state (median of ``--keys`` presses). The section between
the markers in ``benchmarks/RESULTS.md`` is replaced (``run.py`` keeps it when it rewrites the file).
"""

from __future__ import annotations

import argparse
import datetime as dt
import socket
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent / "src"), str(HERE.parent / "tests")]

from review_fixtures import many_records, write_records  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
BEGIN, END = "<!-- review-bench -->", "<!-- /review-bench -->"
TARGET_PAINT_MS = 1000.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve(app: Any) -> tuple[str, Any, threading.Thread]:
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.02)
    return f"http://127.0.0.1:{port}/", server, thread


def open_once(browser: Any, url: str) -> tuple[float, float]:
    """(first contentful paint, load event) in ms for one fresh page."""
    page = browser.new_page()
    page.goto(url, wait_until="load")
    page.wait_for_function("() => performance.getEntriesByName('first-contentful-paint').length > 0", timeout=30_000)
    paint = page.evaluate("performance.getEntriesByName('first-contentful-paint')[0].startTime")
    load = page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")
    page.close()
    return paint, load


def key_latency(browser: Any, url: str, presses: int) -> float:
    """Median ms from pressing ``a`` to the accepted card being on screen with its new state."""
    page = browser.new_page()
    page.goto(url)
    page.wait_for_selector("#queue .card.current")
    times = []
    for _ in range(presses):
        card_id = page.eval_on_selector("#queue .card.current", "card => card.dataset.id")
        started = time.perf_counter()
        page.keyboard.press("a")
        page.wait_for_function("id => [...document.querySelectorAll('#queue .card')]"
                               ".some(c => c.dataset.id === id && c.dataset.state === 'accepted')", arg=card_id)
        times.append((time.perf_counter() - started) * 1000)
    page.close()
    return statistics.median(times)


def measure(count: int, loads: int, presses: int, browser: Any) -> dict[str, float]:
    from twin_extract.review.app import create_app

    with tempfile.TemporaryDirectory() as tmp:
        path = write_records(Path(tmp) / "records.jsonl", many_records(count))
        started = time.perf_counter()
        app = create_app(path, Path(tmp) / "review.sqlite", reviewer="bench")
        startup = time.perf_counter() - started
        url, server, thread = serve(app)
        try:
            opened = [open_once(browser, url) for _ in range(loads)]
            keys = key_latency(browser, url, presses)
        finally:
            server.should_exit = True
            thread.join(timeout=10)
    return {"records": count, "startup_s": startup, "paint_ms": statistics.median(p for p, _ in opened),
            "load_ms": statistics.median(load for _, load in opened), "key_ms": keys}


def render(small: dict[str, float], large: dict[str, float], args: argparse.Namespace) -> str:
    def row(m: dict[str, float]) -> str:
        return (f"| {m['records']:,} | {m['startup_s']:.2f} | {m['paint_ms']:.0f} | {m['load_ms']:.0f} "
                f"| {m['key_ms']:.0f} |")

    ratio = {key: large[key] / small[key] for key in ("paint_ms", "load_ms", "key_ms")}
    met = "yes" if large["paint_ms"] < TARGET_PAINT_MS else "no"
    return "\n".join([
        BEGIN,
        "## Review app (issue 14)",
        "",
        f"`benchmarks/review.py` on {dt.date.today().isoformat()}: headless Chromium, loopback server, "
        f"median of {args.loads} page loads and {args.keys} `a` presses.",
        "",
        "| records | start-up (load + check), s | first paint, ms | load event, ms | `a` to updated card, ms |",
        "|---:|---:|---:|---:|---:|",
        row(small),
        row(large),
        "",
        f"- {large['records']:,} vs {small['records']:,} records: first paint x{ratio['paint_ms']:.2f}, "
        f"load event x{ratio['load_ms']:.2f}, key to updated card x{ratio['key_ms']:.2f}.",
        f"- Target: first paint under {TARGET_PAINT_MS:.0f} ms with {large['records']:,} records: "
        f"{large['paint_ms']:.0f} ms, met: {met}.",
        END,
    ])


def write_section(results: Path, section: str) -> None:
    text = results.read_text(encoding="utf-8") if results.exists() else ""
    if BEGIN in text and END in text:
        text = text[:text.index(BEGIN)] + section + text[text.index(END) + len(END):]
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    results.write_text(text, encoding="utf-8")


def kept_section(results: Path) -> str:
    """The review section of an existing RESULTS.md, for ``run.py`` to keep when it rewrites the file."""
    text = results.read_text(encoding="utf-8") if results.exists() else ""
    if BEGIN not in text or END not in text:
        return ""
    return "\n" + text[text.index(BEGIN):text.index(END) + len(END)] + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=10_000, help="records in the large file")
    parser.add_argument("--small", type=int, default=10, help="records in the small file")
    parser.add_argument("--loads", type=int, default=5, help="page loads per size")
    parser.add_argument("--keys", type=int, default=20, help="'a' presses per size")
    parser.add_argument("--results", type=Path, default=HERE / "RESULTS.md")
    args = parser.parse_args(argv)
    if not Path(CHROMIUM).exists():
        print(f"review benchmark: {CHROMIUM} is not installed (apt-get install chromium)", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"])
        small = measure(args.small, args.loads, min(args.keys, args.small), browser)
        large = measure(args.records, args.loads, args.keys, browser)
        browser.close()
    section = render(small, large, args)
    write_section(args.results, section)
    print(section)
    return 0


if __name__ == "__main__":
    sys.exit(main())
