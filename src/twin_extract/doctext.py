"""A Doc's text and lower-case words, built once: spaCy joins every token each time ``doc.text``
is read, and makes a Token object for each word read."""

from __future__ import annotations

from spacy.tokens import Doc


def text_of(doc: Doc) -> str:
    """``doc.text``, built once per Doc: the rules and place recognition slice the text thousands
    of times per article, and each read of the property costs a join over all tokens."""
    text = doc.user_data.get("twin_text")
    if text is None:
        text = doc.user_data["twin_text"] = doc.text
    return text


def lowers_of(doc: Doc) -> list[str]:
    """Every token's ``lower_``, built once per Doc: cue words are looked up around each of
    thousands of candidate names."""
    lowers = doc.user_data.get("twin_lowers")
    if lowers is None:
        lowers = doc.user_data["twin_lowers"] = [token.lower_ for token in doc]
    return lowers


def words_of(doc: Doc) -> list[str]:
    """Every token's text, built once per Doc (see ``lowers_of``)."""
    words = doc.user_data.get("twin_words")
    if words is None:
        words = doc.user_data["twin_words"] = [token.text for token in doc]
    return words
