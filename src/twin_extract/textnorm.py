"""Folding of place names so that spelling variants meet (Düsseldorf = Dusseldorf, Rzeszów =
Rzeszow), and the spaces of web text made plain."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPECIAL = str.maketrans({
    "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "ß": "ss", "đ": "d", "Đ": "d", "ı": "i",
    "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "þ": "th", "ð": "d",
    "’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'",
    "‐": "-", "‑": "-", "–": "-", "—": "-",
    "\u00ad": None, "\u200c": None, "\u200d": None, "\u2060": None,
})
_APOSTROPHES = re.compile(r"'")
_SEPARATORS = re.compile(r"[\s\-]+")


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Case-, diacritic-, apostrophe- and hyphen-insensitive key for a name; cached, since
    place recognition folds the same few thousand words and names over and over."""
    text = text.translate(_SPECIAL)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _APOSTROPHES.sub("", text.casefold())
    return _SEPARATORS.sub(" ", text).strip(" .")


_PLAIN_SPACES = str.maketrans({"\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ",
                               "\ufeff": " ", "\u200b": " "})


_CARRIAGE_RETURN = re.compile(r"\r(\n?)")


def plain_spaces(text: str) -> str:
    """Non-breaking, thin and zero-width spaces (and a byte-order mark) as plain ones, one
    character for one: web pages put them inside names and dates ("San&nbsp;Diego",
    "12&nbsp;May"), where the tokenizer made them a token of their own and split the name.
    Offsets stay those of the original text. (Soft hyphens and joiners inside a word are left to
    ``fold``, which drops them.) A Windows line end ("\r\n") becomes a line break and a space,
    and a lone carriage return a line break: the tokenizer made "\r" a word of its own."""
    text = text.translate(_PLAIN_SPACES)
    if "\r" in text:
        text = _CARRIAGE_RETURN.sub(lambda m: "\n " if m.group(1) else "\n", text)
    return text


def as_written(original: str, read: str) -> str:
    """The article's own characters for a text the rules read at the same offsets, when they differ
    only by ``plain_spaces`` ("12&nbsp;May"); else what was read."""
    return original if plain_spaces(original) == read else read


def edit_distance(a: str, b: str, transpositions: bool = False) -> int:
    """Levenshtein distance: how many letters to change, add or drop to turn ``a`` into ``b``;
    with ``transpositions``, two neighbours swapped count as one edit ("Limeria" for "Limeira")."""
    before: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            if transpositions and i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cost = min(cost, before[j - 2] + 1)
            current.append(cost)
        before, previous = previous, current
    return previous[-1]
