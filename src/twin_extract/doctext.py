"""A Doc's text, built once: spaCy joins every token each time ``doc.text`` is read."""

from __future__ import annotations

from spacy.tokens import Doc


def text_of(doc: Doc) -> str:
    """``doc.text``, built once per Doc: the rules and place recognition slice the text thousands
    of times per article, and each read of the property costs a join over all tokens."""
    text = doc.user_data.get("twin_text")
    if text is None:
        text = doc.user_data["twin_text"] = doc.text
    return text
