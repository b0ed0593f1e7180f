#!/usr/bin/env python3
"""Assemble the real-modelled gold from the study sessions' drafts in ``parts/``.

usage: python corpus/real/build.py

Each draft document was written from one studied page (``modelled_on``). The split is by page and
fixed before any extractor output exists: a page goes to real-test when the first hex digit of
sha1(its normalised URL) is below 6 (6/16 = 37.5 %), else to real-dev, so documents modelled on
the same page never straddle the split. Writes ``../gold/real-dev.jsonl``, ``../gold/real-test.jsonl``
and ``pages.jsonl`` (every studied page, with the id of the document modelled on it).
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
GOLD = HERE.parent / "gold"
TEST_DIGITS = set("012345")


def norm_url(url: str) -> str:
    u = re.sub(r"^[a-z]+://", "", url.strip().lower())
    u = re.sub(r"^(www|m|amp|mobile)\.", "", u)
    return re.split(r"[?#]", u)[0].rstrip("/")


def split_of(url: str) -> str:
    return "real-test" if hashlib.sha1(norm_url(url).encode()).hexdigest()[0] in TEST_DIGITS else "real-dev"


def read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def main() -> None:
    drafts = sorted(HERE.glob("parts/*-docs.jsonl"))
    splits: dict[str, list[dict]] = {"real-dev": [], "real-test": []}
    renamed: dict[str, str] = {}
    for path in drafts:
        for doc in read(path):
            splits[split_of(doc["modelled_on"])].append(doc)
    for name, docs in splits.items():
        out = []
        for doc in docs:
            new_id = f"{name}-{doc['id']}"
            renamed[doc["id"]] = new_id
            out.append({"id": new_id, "url": None, "modelled_on": doc["modelled_on"], "published": doc.get("published"),
                        "title": doc.get("title"), "text": doc["text"], "pairs": doc["pairs"],
                        "notes": doc.get("notes", "")})
        (GOLD / f"{name}.jsonl").write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in out),
                                           encoding="utf-8")
        print(f"{name}: {len(out)} documents, {sum(len(d['pairs']) for d in out)} pairs, "
              f"{sum(not d['pairs'] for d in out)} negatives")
    pages = []
    for path in sorted(HERE.glob("parts/*-pages.jsonl")):
        for page in read(path):
            docs = page.get("doc")
            page["doc"] = renamed.get(docs, docs) if isinstance(docs, str) else docs
            page["split"] = split_of(page["url"])
            pages.append(page)
    (HERE / "pages.jsonl").write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in pages), encoding="utf-8")
    print(f"pages: {len(pages)} studied, {len({norm_url(p['url']) for p in pages})} distinct URLs")
    write_catalogue(pages)


def write_catalogue(pages: list[dict]) -> None:
    """constructions.md: every construction id with how many studied pages show it (counted from
    pages.jsonl), the description and invented example the study sessions gave, and a few URLs."""
    notes: dict[str, dict[str, str]] = {}
    for path in sorted(HERE.glob("parts/*-constructions.md")):
        current = None
        for line in path.read_text(encoding="utf-8").splitlines():
            head = re.match(r"^##\s+(C-[\w-]+)", line)
            if head:
                current = notes.setdefault(head.group(1), {})
                continue
            field = re.match(r"^-\s*(description|example[^:]*):\s*(.+)$", line, re.IGNORECASE)
            if current is not None and field:
                key = "description" if field.group(1).lower() == "description" else "example"
                current.setdefault(key, field.group(2).strip())
    urls: dict[str, list[str]] = {}
    for page in pages:
        for cid in page.get("constructions", []):
            urls.setdefault(cid, []).append(page["url"])
    lines = ["# Constructions of real reporting", "",
             "Catalogue of what real pages about municipal ties do, built by `build.py` from the study",
             "sessions' notes: `pages` counts the studied pages in `pages.jsonl` that show the construction.",
             "Examples are invented, never quoted. Rules and tests that cover a construction:",
             "`tests/test_real_constructions.py` and the rule families in `src/twin_extract/rules/`.", "",
             "| id | pages | what it is | example (invented) | some pages |", "|---|---:|---|---|---|"]
    for cid in sorted(urls, key=lambda c: (-len(urls[c]), c)):
        info = notes.get(cid, {})
        cell = lambda text: (text or "").replace("|", "/").strip("'\"")
        some = " ".join(f"<{u}>" for u in urls[cid][:3])
        lines.append(f"| {cid} | {len(urls[cid])} | {cell(info.get('description'))} | {cell(info.get('example'))} | {some} |")
    (HERE / "constructions.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
