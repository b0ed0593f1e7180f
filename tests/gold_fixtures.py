"""Gold lines built as dicts, for the evaluation and gold-format tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def gparty(name: str, country: str | None, type: str = "city", code: str | None = None) -> dict:
    data: dict[str, Any] = {"name": name, "country": country, "type": type}
    if code:
        data["code"] = code
    return data


def gpair(a: dict, b: dict, status: str = "signed", date: str | None = None) -> dict:
    return {"a": a, "b": b, "status": status, "date": date}


def gdoc(doc_id: str, *pairs: dict, text: str = "Some article.") -> dict:
    return {"id": doc_id, "url": None, "published": "2023-05-14", "text": text,
            "pairs": list(pairs), "notes": ""}


BUCHA = gparty("Bucha", "UA")
BERGAMO = gparty("Bergamo", "IT")


def write_jsonl(path: Path, rows: list[Any]) -> Path:
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in rows) + "\n",
                    encoding="utf-8")
    return path
