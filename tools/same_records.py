#!/usr/bin/env python3
"""Do two versions of the code give the same records? For refactors that must not change output.

usage: python tools/same_records.py [BASE_REV] [INPUT ...]

Runs BASE_REV's code (default HEAD) and the working tree's code over the seed article and every
gold split (or the INPUTs given) with ``--explain``, and compares the records byte for byte.
Exit 0 when identical, 1 with the first differences otherwise. BASE_REV is checked out into a
temporary git worktree and run with this interpreter, so run it from the project's .venv.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def records(src: Path, inputs: list[str], out: Path) -> bytes:
    env = {**os.environ, "PYTHONPATH": str(src)}
    subprocess.run([sys.executable, "-m", "twin_extract", "run", *inputs, "-o", str(out), "--explain",
                    "--force", "--quiet", "--workers", "2"], cwd=ROOT, env=env, check=True)
    return out.read_bytes()


def main() -> int:
    args = sys.argv[1:]
    base = args.pop(0) if args and not Path(args[0]).exists() else "HEAD"
    inputs = args or ["corpus/source-article.txt", *sorted(str(p.relative_to(ROOT)) for p in (ROOT / "corpus/gold").glob("*.jsonl"))]
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "base"
        subprocess.run(["git", "worktree", "add", "--detach", "-q", str(tree), base], cwd=ROOT, check=True)
        try:
            before = records(tree / "src", inputs, Path(tmp) / "before.jsonl")
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(tree)], cwd=ROOT, check=True)
        after = records(ROOT / "src", inputs, Path(tmp) / "after.jsonl")
    if before == after:
        count = len(before.splitlines())
        print(f"identical: {count} records from {len(inputs)} inputs ({base} vs working tree)")
        return 0
    old, new = before.decode().splitlines(), after.decode().splitlines()
    print(f"DIFFERENT: {len(old)} records at {base}, {len(new)} now")
    for line in sorted(set(old) ^ set(new))[:10]:
        print(("- " if line in old else "+ ") + line[:300])
    return 1


if __name__ == "__main__":
    sys.exit(main())
