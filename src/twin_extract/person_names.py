"""A bare surname is the person the document named in full ("Anthony Williams ... Williams said").

News names a person once in full, often with a title ("Houston Mayor Annise Parker"), and then
by surname alone ("Parker pointed out ..."). Many surnames are also GeoNames towns (Williams,
Parker, Spencer, Brown, Martin), and the bare mention has nothing before it to say it is a
person; the full mention elsewhere in the document does. Only a full name that a title heads or
the NER calls a person counts, and never a run that is itself a place's name ("Port Angeles",
"Stevens Point").
"""

from __future__ import annotations

from typing import Callable

from spacy.tokens import Doc, Span, Token

from .doctext import words_of
from .lazy_ner import span_types

CACHE = "twin_named_persons"
"""``doc.user_data`` key: a word's text -> whether the document names a person with it."""
INDEX = "twin_capitalised_words"
"""``doc.user_data`` key: a capitalised word's text -> the indices of its tokens."""
NAME_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii"})
MAX_NAME_WORDS = 5


def _name_word(token: Token, blocks: Callable[[Token], bool]) -> bool:
    return token.text[:1].isupper() and token.text.rstrip(".").isalpha() and token.pos_ == "PROPN" and \
        not token.is_stop and "\n" not in token.whitespace_ and not blocks(token)


def _person_run(doc: Doc, k: int, blocks: Callable[[Token], bool]) -> tuple[int, int]:
    """The capitalised words around token ``k`` that could be one person's name: initials and
    suffixes ("Edmund G. Brown Jr."), and halves joined by a hyphen ("Chi-mai Chen"). A title,
    a place word, a country or a demonym ends it ("Bloomington Mayor John Hamilton")."""
    start = k
    while start > 0 and k - start < MAX_NAME_WORDS:
        before = doc[start - 1]
        if start >= 3 and doc[start - 2].text == "-" and not doc[start - 2].whitespace_ and \
                not doc[start - 3].whitespace_ and before.is_alpha and _name_word(doc[start - 3], blocks):
            start -= 3
        elif _name_word(before, blocks) and not before.is_sent_end:
            start -= 1
        else:
            break
    end = k + 1
    while end < len(doc) and end - start < MAX_NAME_WORDS and not doc[end - 1].is_sent_end and \
            "\n" not in doc[end - 1].whitespace_ and \
            (_name_word(doc[end], blocks) or doc[end].lower_ in NAME_SUFFIXES):
        end += 1
    return start, end


def names_person(doc: Doc, span: Span, titles: frozenset[str], blocks: Callable[[Token], bool],
                 is_place_name: Callable[[str], bool], trust_ner: bool) -> bool:
    """Does the document use this one word as part of a person's full name somewhere? A title
    before the name says so; without one, the NER must call the whole name a person and the word
    must follow a first name ("Anthony Williams"), since the small model also calls "Limerick
    Leader" or "Targi Kielce" persons. ``trust_ner`` is False for a big city's name."""
    cache: dict[str, bool] = doc.user_data.setdefault(CACHE, {})
    text = span.text
    if text not in cache:
        cache[text] = any(_full_name_at(doc, i, titles, blocks, is_place_name, trust_ner)
                          for i in occurrences(doc, text))
    return cache[text]


def occurrences(doc: Doc, text: str) -> list[int]:
    """Indices of the tokens spelt ``text``, from one index of the Doc's capitalised words."""
    index: dict[str, list[int]] | None = doc.user_data.get(INDEX)
    if index is None:
        index = {}
        for i, word in enumerate(words_of(doc)):
            if word[:1].isupper():
                index.setdefault(word, []).append(i)
        doc.user_data[INDEX] = index
    return index.get(text, [])


def _full_name_at(doc: Doc, k: int, titles: frozenset[str], blocks: Callable[[Token], bool],
                  is_place_name: Callable[[str], bool], trust_ner: bool) -> bool:
    start, end = _person_run(doc, k, blocks)
    if end - start < 2:
        return False
    for a in range(start, k + 1):
        for b in range(k + 1, end + 1):
            if b - a >= 2 and is_place_name(doc[a:b].text):
                return False
    if start > 0 and doc[start - 1].lower_ in titles:
        return True
    return trust_ner and k > start and span_types(doc, start, end) == {"PERSON"}
