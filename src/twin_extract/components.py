"""Small helper components: sentence boundaries at line breaks.

News text arrives with one paragraph (often one sentence) per line; the parser sometimes glues
a heading or a short line to the next one, which would let a relation cross paragraphs.
"""

from __future__ import annotations

from typing import Callable

from spacy.language import Language
from spacy.tokens import Doc


def newline_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every line break; the parser keeps preset boundaries."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text or "\n" in previous.whitespace_:
            token.is_sent_start = True
    return doc


@Language.factory("twin_sentences")
def make_sentence_splitter(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """``nlp.add_pipe("twin_sentences", before="parser")``."""
    return newline_boundaries
