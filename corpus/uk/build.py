#!/usr/bin/env python3
"""Add the Ukrainian study session's drafts in ``parts/`` to the Ukrainian gold.

usage: python corpus/uk/build.py

The first twelve documents (session 3) stay as they are. Each draft in ``parts/*-docs.jsonl`` was
written from one studied page (``modelled_on``) before any extractor output on it existed; a page
goes to uk-dev when the first hex digit of sha1(its normalised URL) is 0-7, else to uk-test, so
the split is by page and fixed in advance. Draft ``uk-w-007`` becomes ``uk-dev-w007`` or
``uk-test-w007`` (and ``uk-x-007``, the sixth session's part, ``uk-dev-x007`` or
``uk-test-x007``). The drafts' ``lang`` field is left out: the extractor detects the language
itself (a Russian page must be recognised as not Ukrainian), and a ``lang`` field in JSON Lines
input would override that. Rewrites ``../gold/uk-dev.jsonl`` and ``../gold/uk-test.jsonl``.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
GOLD = HERE.parent / "gold"
DEV_DIGITS = set("01234567")
DRAFT_ID = re.compile(r"-[a-z]\d{3}$")
"""Ids of documents built from drafts ("uk-dev-w007", "uk-test-x012"); the rest were written by hand."""

_spec = importlib.util.spec_from_file_location("real_build", HERE.parent / "real" / "build.py")
_real = importlib.util.module_from_spec(_spec)  # type: ignore[arg-type]
_spec.loader.exec_module(_real)  # type: ignore[union-attr]
norm_url, read = _real.norm_url, _real.read
"""One URL normalisation and reader for both study corpora (``corpus/real/build.py``)."""


def split_of(url: str) -> str:
    return "uk-dev" if hashlib.sha1(norm_url(url).encode()).hexdigest()[0] in DEV_DIGITS else "uk-test"


def main() -> None:
    splits: dict[str, list[dict]] = {name: [d for d in read(GOLD / f"{name}.jsonl") if not DRAFT_ID.search(d["id"])]
                                     for name in ("uk-dev", "uk-test")}
    for path in sorted(HERE.glob("parts/*-docs.jsonl")):
        for doc in read(path):
            name = split_of(doc["modelled_on"])
            _, part, number = doc["id"].split("-")
            splits[name].append({"id": f"{name}-{part}{number}", "url": None, "modelled_on": doc["modelled_on"],
                                 "published": doc.get("published"),
                                 "title": doc.get("title"), "text": doc["text"], "pairs": doc["pairs"],
                                 "notes": doc.get("notes", "")})
    for name, docs in splits.items():
        (GOLD / f"{name}.jsonl").write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs),
                                           encoding="utf-8")
        print(f"{name}: {len(docs)} documents, {sum(len(d['pairs']) for d in docs)} pairs, "
              f"{sum(not d['pairs'] for d in docs)} negatives")


if __name__ == "__main__":
    main()
