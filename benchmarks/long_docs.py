"""Peak memory and time of ``twin-extract run`` on one very long document (issue 16).

usage: .venv/bin/python benchmarks/long_docs.py [--sizes 0.2,2,20] [--ordinary 50] [--out FILE]

Inputs are generated: *dense* is the reference article (corpus/source-article.txt) repeated to the
size (a twinning story in every paragraph, the worst case for the relation rules); *ordinary* is
council news without any tie (the benchmark's city-news filler) with the reference article at its
end. Each run is ``twin-extract run FILE -o OUT --workers 1`` in a fresh process under
``/usr/bin/time -v``; the table gives wall time, characters per second and peak RSS. Any failed
run makes the script exit 1 and the table says so.
"""

from __future__ import annotations

import argparse
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent / "twin-extract"
FILLER = [
    "The council approved the budget for road repairs on the eastern bypass.",
    "Residents were asked to sort their waste before the new collection schedule starts.",
    "The library will stay open until eight in the evening during the exam period.",
    "A delegation of teachers visited the new sports hall on Monday.",
    "The transport department signed a contract for twelve electric buses.",
    "Police reported fewer burglaries in the old town than last year.",
    "The water utility warned of short interruptions in the northern districts.",
    "Volunteers planted two hundred trees along the river embankment.",
]


def dense(size: int) -> str:
    article = (ROOT / "corpus" / "source-article.txt").read_text(encoding="utf-8")
    parts, total = [], 0
    while total < size:
        parts.append(article)
        total += len(article) + 2
    return "\n\n".join(parts)[:size]


def ordinary(size: int) -> str:
    rng = random.Random(16)
    paragraphs, total = [], 0
    while total < size:
        paragraph = " ".join(rng.choice(FILLER) for _ in range(6))
        paragraphs.append(paragraph)
        total += len(paragraph) + 2
    return "\n\n".join(paragraphs) + "\n\n" + (ROOT / "corpus" / "source-article.txt").read_text(encoding="utf-8")


def measure(path: Path, out: Path) -> tuple[bool, float, int, int]:
    """(ok, seconds, peak RSS in MB, records) of one run."""
    done = subprocess.run(["/usr/bin/time", "-v", str(BIN), "run", str(path), "-o", str(out), "--force",
                           "--workers", "1", "-q"], capture_output=True, text=True, check=False)
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", done.stderr)
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr)
    seconds = 0.0
    if wall:
        for part in wall.group(1).split(":"):
            seconds = seconds * 60 + float(part)
    records = len(out.read_text(encoding="utf-8").splitlines()) if out.exists() else 0
    return done.returncode == 0, seconds, int(rss.group(1)) // 1024 if rss else 0, records


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="0.2,2,20", help="MB of twinning-dense text, comma-separated")
    parser.add_argument("--ordinary", type=float, default=50.0, help="MB of ordinary text with one story")
    parser.add_argument("--out", type=Path, default=None, help="also write the table to this file")
    args = parser.parse_args(argv)
    runs = [("dense", float(s)) for s in args.sizes.split(",") if s] + \
        ([("ordinary + one story", args.ordinary)] if args.ordinary else [])
    lines = ["| input | MB | s | characters/s | peak RSS MB | records | ok |", "|---|---:|---:|---:|---:|---:|---|"]
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        for kind, mb in runs:
            text = dense(int(mb * 1e6)) if kind == "dense" else ordinary(int(mb * 1e6))
            path = Path(tmp) / "long.txt"
            path.write_text(text, encoding="utf-8")
            ok, seconds, peak, records = measure(path, Path(tmp) / "out.jsonl")
            failed |= not ok
            rate = len(text) / seconds if seconds else 0.0
            lines.append(f"| {kind} | {mb:g} | {seconds:.0f} | {rate:,.0f} | {peak} | {records} | {'yes' if ok else 'FAILED'} |")
            print(lines[-1], flush=True)
    table = "\n".join(lines) + ("\n\nA run failed: no target is met.\n" if failed else "\n")
    if args.out:
        args.out.write_text(table, encoding="utf-8")
    print(table)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
