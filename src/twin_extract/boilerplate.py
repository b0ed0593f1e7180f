"""Related-links blocks around a story: other news's headlines, not this page's facts.

"RELATED: Cincinnati, Kharkiv renew sister city partnership", "Читайте також: …": a teaser for
another story often names a pair with a tie verb; the gold never counts it, and neither may the
rules. Markers are data (``patterns/boilerplate.jsonl``, ``patterns/uk/boilerplate.jsonl``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

BLANK_LINE = re.compile(r"\n\s*\n")


def link_blocks(text: str, markers: Iterable[str], line_only: Iterable[str] = (),
                headings: Iterable[str] = ()) -> list[tuple[int, int]]:
    """Character spans of the related-links blocks: a marker opening a line (or following a
    sentence's end on it) and what follows up to a blank line, or on over blank lines while the
    lines are headlines (``_block_end``); a ``line_only`` marker ("RELATED:") covers the rest of
    its own line only, for pages that run the story on right after it; a ``headings`` marker
    ("Read next", "Trending now") opens a block only as a line of its own, since a paragraph may
    start with the same words."""
    blocks = []
    for marker in markers:
        for match in re.finditer(rf"(?im)(?:^[^\w\n]*|(?<=[.!?»])[^\S\n]+){re.escape(marker)}", text):
            blocks.append((match.start(), _block_end(text, match.end())))
    for marker in headings:
        for match in re.finditer(rf"(?im)^[^\w\n]*{re.escape(marker)}[^\w\n]*$", text):
            blocks.append((match.start(), _block_end(text, match.end())))
    for marker in line_only:
        for match in re.finditer(rf"(?im)^[^\w\n]*{re.escape(marker)}", text):
            end = text.find("\n", match.end())
            blocks.append((match.start(), end if end >= 0 else len(text)))
    return blocks


def _block_end(text: str, start: int) -> int:
    """Where a heading's block of other stories ends: pages put a blank line after the heading
    and between the headlines as often as not ("Related stories", blank, "Lviv and Wroclaw mark
    20 years of twinning", blank, ...), so blank lines end it only before a line that reads as a
    story's own text: one ending in a sentence's punctuation, or longer than a headline. Above
    the story's first sentence (a section label over the page's own headline, "Latest news")
    the block stops at the first blank line, as it always did."""
    if not _STORY_LINE.search(text, 0, start):
        return _paragraph_end(text, start)
    line_end = text.find("\n", start)
    end = len(text) if line_end < 0 else line_end
    for line in _LINE.finditer(text, end):
        body = line.group(0).strip()
        if not body:
            continue
        story = body[-1] in SENTENCE_END or len(body) > HEADLINE_CHARS
        if story and line.start() > end + 1:
            break
        end = line.end()
        if story:
            return _paragraph_end(text, end)
    return end


def _paragraph_end(text: str, start: int) -> int:
    blank = BLANK_LINE.search(text, start)
    return blank.start() if blank else len(text)


_LINE = re.compile(r"[^\n]*")
_STORY_LINE = re.compile(r"[.!?…][\"'”’)]*[^\S\n]*\n")
"""A line that ends a sentence: the story has begun above this point."""
SENTENCE_END = frozenset(".!?…")
HEADLINE_CHARS = 120
"""Longest line read as another story's headline in a related-links block."""
