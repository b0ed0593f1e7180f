"""Where the time goes on a corpus: the pre-filter, each spaCy component and twin_extract's own.

usage: python benchmarks/profile_split.py CORPUS.jsonl [--model NAME]

Runs the extractor's steps one after the other on the documents the pre-filter keeps (component
by component, as ``nlp.pipe`` would), timing each; the rest of a batch run (reading, rendering,
writing) is what ``run.py``'s wall time adds. Prints a Markdown table for RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from twin_extract.about import DEFAULT_MODEL
from twin_extract.pipeline import Extractor
from twin_extract.record import NewsItem

OURS = ("twin_sentences", "twin_places", "twin_extractor")


def split(corpus: Path, model: str) -> tuple[dict[str, float], int, int]:
    extractor = Extractor(model=model)
    items = [NewsItem(text=row["text"], id=row["id"], published=row.get("published"))
             for row in map(json.loads, corpus.read_text("utf-8").splitlines())]
    times: dict[str, float] = {}
    start = time.perf_counter()
    kept = [(item, extractor.passage_filter.select(item.text)) for item in items]
    times["pre-filter"] = time.perf_counter() - start
    kept = [(item, text) for item, text in kept if text is not None]
    start = time.perf_counter()
    docs = [extractor.make_doc(item, text, full_text=item.text, offset=0) for item, text in kept]
    times["tokenizer"] = time.perf_counter() - start
    for name, component in extractor.nlp.pipeline:
        start = time.perf_counter()
        docs = list(component.pipe(docs, batch_size=64)) if hasattr(component, "pipe") else [component(d) for d in docs]
        times[name] = time.perf_counter() - start
    return times, len(kept), len(items)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--model", default=DEFAULT_MODEL)
    args = parser.parse_args()
    times, kept, total = split(args.corpus, args.model)
    whole = sum(times.values())
    print(f"{kept} of {total} documents kept by the pre-filter; {whole:.2f} s in all\n")
    print("| step | s | share |\n|---|---:|---:|")
    groups = {"pre-filter": ["pre-filter"], "spaCy (tokenizer and model components)":
              [k for k in times if k != "pre-filter" and k not in OURS],
              "places (twin_sentences, twin_places)": ["twin_sentences", "twin_places"],
              "relations (twin_extractor)": ["twin_extractor"]}
    for label, names in groups.items():
        seconds = sum(times.get(n, 0.0) for n in names)
        print(f"| {label} | {seconds:.2f} | {seconds / whole:.0%} |")
    print("\n| component | s |\n|---|---:|")
    for name, seconds in times.items():
        print(f"| {name} | {seconds:.2f} |")


if __name__ == "__main__":
    main()
