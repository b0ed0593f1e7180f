"""Latin letters typed inside Cyrillic words ("Тернoпіль" with a Latin o, "Луцьк i Рівне" with a Latin
i): folded to the Cyrillic letters they look like before matching, one character for one, so every
offset into the text stays the input's.

A word is folded only when it mixes Cyrillic with Latin letters that all have a Cyrillic twin
(a, o, e, i, c, p, x, y and the capitals that look alike); a Latin word ("Telegram", "JICA") is
left alone, and a one-letter Latin word ("a", "i", "o", "y", "c") only between two Cyrillic words.
"""

from __future__ import annotations

import re

TWINS = str.maketrans({
    "a": "а", "o": "о", "e": "е", "i": "і", "c": "с", "p": "р", "x": "х", "y": "у",
    "A": "А", "O": "О", "E": "Е", "I": "І", "C": "С", "P": "Р", "X": "Х", "Y": "У",
    "B": "В", "H": "Н", "K": "К", "M": "М", "T": "Т",
})
LATIN_TWINS = frozenset(chr(c) for c in TWINS)
WORD = re.compile(r"[^\W\d_]+")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
LATIN = re.compile(r"[A-Za-z]")


def fold(text: str | None) -> str | None:
    """``text`` with the Latin look-alikes of Cyrillic words made Cyrillic; same length."""
    if not text or not LATIN.search(text) or not CYRILLIC.search(text):
        return text
    words = list(WORD.finditer(text))
    chars = list(text)
    for n, word in enumerate(words):
        value = word.group(0)
        latin = {ch for ch in value if "A" <= ch <= "z"}
        if not latin or not latin <= LATIN_TWINS:
            continue
        if not CYRILLIC.search(value) and not (
                len(value) == 1 and 0 < n < len(words) - 1
                and _cyrillic_beside(text, words[n - 1], word) and _cyrillic_beside(text, word, words[n + 1])):
            continue
        chars[word.start():word.end()] = value.translate(TWINS)
    return "".join(chars)


def _cyrillic_beside(text: str, left: re.Match, right: re.Match) -> bool:
    """Two neighbouring words on one line, a few spaces or marks apart, one of them Cyrillic."""
    gap = text[left.end():right.start()]
    return "\n" not in gap and len(gap) <= 3 and bool(CYRILLIC.search(left.group(0) + right.group(0)))
