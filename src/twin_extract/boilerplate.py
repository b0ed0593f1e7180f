"""Related-links blocks around a story: other news's headlines, not this page's facts.

"RELATED: Cincinnati, Kharkiv renew sister city partnership", "Читайте також: …": a teaser for
another story often names a pair with a tie verb; the gold never counts it, and neither may the
rules. Markers are data (``patterns/boilerplate.jsonl``, ``patterns/uk/boilerplate.jsonl``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

BLANK_LINE = re.compile(r"\n\s*\n")


def link_blocks(text: str, markers: Iterable[str], line_only: Iterable[str] = ()) -> list[tuple[int, int]]:
    """Character spans of the related-links blocks: a marker opening a line (or following a
    sentence's end on it) and what follows up to a blank line; a ``line_only`` marker ("RELATED:")
    covers the rest of its own line only, for pages that run the story on right after it."""
    blocks = []
    for marker in markers:
        for match in re.finditer(rf"(?im)(?:^[^\w\n]*|(?<=[.!?»])[^\S\n]+){re.escape(marker)}", text):
            blank = BLANK_LINE.search(text, match.end())
            blocks.append((match.start(), blank.start() if blank else len(text)))
    for marker in line_only:
        for match in re.finditer(rf"(?im)^[^\w\n]*{re.escape(marker)}", text):
            end = text.find("\n", match.end())
            blocks.append((match.start(), end if end >= 0 else len(text)))
    return blocks
