"""Which language a document is in, from its letters alone (no model, no download).

Only the distinction the pipelines need: Ukrainian text goes to the Ukrainian pipeline, all else
to the English one. Ukrainian and Russian share most Cyrillic letters, so the letters each
alphabet has alone decide: і ї є ґ are Ukrainian only, ы э ъ ё Russian only.
"""

from __future__ import annotations

import re

LANGUAGES = ("en", "uk")
"""Languages with a pipeline; ``--lang``/``lang`` accept these."""

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z]")
_UKRAINIAN_ONLY = re.compile(r"[іїєґІЇЄҐ]")
_RUSSIAN_ONLY = re.compile(r"[ыэъёЫЭЪЁ]")
_WORD = re.compile(r"[\u0400-\u04ff]+")
_UKRAINIAN_WORDS = frozenset("та з із зі що від це який яка яке які ще вже але або чи й між після".split())
_RUSSIAN_WORDS = frozenset("и с со что от это который которая которое которые ещё еще уже но или между после".split())
"""Short words each language has alone: a sentence with none of the telling letters ("Одеса та Генуя
розпочали переговори про побратимство") is decided by them."""


def detect_language(text: str) -> str:
    """``uk``, ``ru`` or ``en`` (anything else), from the letters of ``text``.

    Cyrillic must outnumber Latin letters (an English story quoting "Київ" stays English); then
    Ukrainian-only letters without Russian-only ones make it Ukrainian; with neither, at least as
    many of Ukrainian's own short words as of Russian's (a short sentence with none of either is
    Ukrainian, the language with a pipeline). Russian is reported as
    ``ru`` so callers can tell it apart, though only ``uk`` has its own pipeline.
    """
    if not _CYRILLIC.search(text):
        return "en"  # no Cyrillic letter: the common case, told without listing every Latin one
    cyrillic = len(_CYRILLIC.findall(text))
    if cyrillic <= len(_LATIN.findall(text)):
        return "en"
    if _UKRAINIAN_ONLY.search(text) and not _RUSSIAN_ONLY.search(text):
        return "uk"
    if not _UKRAINIAN_ONLY.search(text) and not _RUSSIAN_ONLY.search(text):
        words = [w.lower() for w in _WORD.findall(text)]
        if sum(w in _UKRAINIAN_WORDS for w in words) >= sum(w in _RUSSIAN_WORDS for w in words):
            return "uk"
    return "ru"


def check_language(lang: str) -> str:
    """``lang`` itself when a pipeline exists for it; a clear ``ValueError`` otherwise."""
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}: use one of {', '.join(LANGUAGES)}")
    return lang
