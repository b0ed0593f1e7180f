"""Ukrainian beside English: throughput of each language's pipeline on the gold documents.

Usage: ``.venv/bin/python benchmarks/languages.py [--rounds 3]``

One warm process (model loaded and the gazetteer and sound-key caches built before timing), the
same documents for every round: Ukrainian from ``corpus/gold/uk-dev.jsonl`` and ``uk-test.jsonl``,
English from ``test.jsonl`` and ``real-test.jsonl``. Bare spaCy ``nlp.pipe`` of the English model
on the English documents is measured in the same run as the yardstick. Medians of the rounds are
printed as a Markdown table for ``benchmarks/RESULTS.md``; nothing is asserted (machines are
shared and noisy).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Callable

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "src"))

import spacy  # noqa: E402

from twin_extract.about import DEFAULT_MODEL  # noqa: E402
from twin_extract.pipeline import Extractor  # noqa: E402
from twin_extract.record import NewsItem  # noqa: E402

GOLD = ROOT / "corpus" / "gold"
SPLITS = {"uk": ("uk-dev.jsonl", "uk-test.jsonl"), "en": ("test.jsonl", "real-test.jsonl")}


def items(lang: str) -> list[NewsItem]:
    """The gold documents of one language as news items (the language stated, as a feed would)."""
    found = []
    for name in SPLITS[lang]:
        for line in (GOLD / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                doc = json.loads(line)
                found.append(NewsItem(text=doc["text"], id=doc["id"], published=doc.get("published"),
                                      lang=lang if lang == "uk" else None))
    return found


def timed(run: Callable[[], object], rounds: int) -> float:
    """Median wall time of ``rounds`` calls, in seconds."""
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    extractor = Extractor()
    corpora = {lang: items(lang) for lang in SPLITS}
    for docs in corpora.values():
        list(extractor.pipe(docs[:3]))
    rows = []
    for lang, docs in corpora.items():
        seconds = timed(lambda docs=docs: list(extractor.pipe(docs)), args.rounds)
        rows.append((f"twin_extract, {lang}", len(docs), sum(len(d.text) for d in docs), seconds))
    bare = spacy.load(DEFAULT_MODEL)
    english = [d.text for d in corpora["en"]]
    list(bare.pipe(english[:3]))
    seconds = timed(lambda: list(bare.pipe(english)), args.rounds)
    rows.append((f"bare spaCy nlp.pipe, en ({DEFAULT_MODEL})", len(english), sum(map(len, english)), seconds))
    print("| run | docs | characters | s (median) | characters/s | docs/s |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, n, chars, s in rows:
        print(f"| {name} | {n} | {chars:,} | {s:.2f} | {chars / s:,.0f} | {n / s:.1f} |")


if __name__ == "__main__":
    main()
