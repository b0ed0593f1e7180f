"""Small helper components: sentence boundaries at line breaks, none at lowercase words.

News text arrives with one paragraph (often one sentence) per line; the parser sometimes glues
a heading or a short line to the next one, which would let a relation cross paragraphs.
"""

from __future__ import annotations

from typing import Callable

import numpy
from spacy.attrs import IS_ALPHA, SENT_START
from spacy.errors import Errors
from spacy.language import Language
from spacy.tokens import Doc

from .doctext import words_of


def newline_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every line break and after a wire dateline; never start one after
    a word (a sentence ends with punctuation or a line: "Finland Raahe Agreement on ..." is one
    list line), an abbreviation ("St."), a list number or bullet at the start of a line ("1. Fukuoka, Japan", "• Milan"), a semicolon ("Lyon, France (1959); Odessa, Ukraine (1965)") or at a lowercase word in the
    middle of a line ("Freiburg | im Breisgau has welcomed ..." was a parser split).
    The parser keeps preset boundaries.

    The marks are read and written as one array: ``Token.is_sent_start``'s setter looks over
    the whole Doc for a parse each time, which made this step grow with the square of a Doc's
    length."""
    dateline = _dateline_end(doc)
    texts = words_of(doc)
    spaces = [token.whitespace_ for token in doc]
    alpha = doc.to_array(IS_ALPHA).tolist()
    starts = doc.to_array(SENT_START).astype("int64").tolist()
    touched = False
    for i in range(1, len(doc)):
        previous = texts[i - 1]
        if i == dateline or "\n" in previous or "\n" in spaces[i - 1]:
            starts[i], touched = 1, True
        elif alpha[i - 1] or previous == ";" or texts[i][:1].islower() and previous not in _ENDS \
                or _abbreviation_before(doc, i) or _list_number_before(doc, i) or _line_number_before(doc, i):
            starts[i], touched = -1, True
    if not touched:
        return doc
    if doc.has_annotation("DEP"):
        raise ValueError(Errors.E043)  # as the setter says
    doc.from_array([SENT_START], numpy.asarray(starts, dtype="int64").astype("uint64"))
    return doc


_ENDS = frozenset({".", "!", "?", ":", ";"})


ABBREVIATIONS = {"st", "ste", "sta", "sto", "mt", "ft", "dr", "mr", "mrs", "ms", "gen", "gov", "sen", "rep", "lt", "col", "prof",
                 "rev", "no", "vs", "jan", "feb", "aug", "sept", "oct", "nov", "dec"}
"""Words written with a dot that do not end a sentence ("the St. Paul-Nagasaki committee")."""


def _abbreviation_before(doc: Doc, i: int) -> bool:
    previous = doc[i - 1]
    if previous.text.endswith(".") and previous.text[:-1].lower() in ABBREVIATIONS:
        return True
    return previous.text == "." and i >= 2 and doc[i - 2].lower_ in ABBREVIATIONS and not doc[i - 2].whitespace_


BULLETS = {"•", "·", "▪", "►", "*", "-", "–", "—", "○", "◦"}


def _list_number_before(doc: Doc, i: int) -> bool:
    """"1. Fukuoka, Japan", "12) Lyon", "• Milan, Italy": the number or bullet opens a list line,
    it does not end a sentence."""
    k = i - 1
    if k >= 0 and doc[k].text in BULLETS:
        return k == 0 or "\n" in doc[k - 1].text or "\n" in doc[k - 1].whitespace_
    if k >= 0 and doc[k].text in {".", ")"}:
        k -= 1
    elif k >= 0 and doc[k].text[-1:] in {".", ")"} and doc[k].text[:-1].isdigit():
        pass
    else:
        return False
    if k < 0 or not doc[k].text.rstrip(".)").isdigit() or len(doc[k].text.rstrip(".)")) > 3:
        return False
    return k == 0 or "\n" in doc[k - 1].text or "\n" in doc[k - 1].whitespace_


def _line_number_before(doc: Doc, i: int) -> bool:
    """"1959 Sapporo, Japan", "2. Lille, France": a number that opens a line (a year before a
    partner, a list number before its dot) does not end a sentence."""
    k = i - 1
    if not doc[k].text.isdigit() or len(doc[k].text) > 4:
        return False
    return k == 0 or "\n" in doc[k - 1].text or "\n" in doc[k - 1].whitespace_


def _dateline_end(doc: Doc) -> int | None:
    """Where the story starts after a wire dateline ("TUPELO, Miss. – The council ..."), if any."""
    if not len(doc) or not (doc[0].is_upper and doc[0].is_alpha and len(doc[0].text) >= 2):
        return None
    for token in doc[1:10]:
        if token.text in {"–", "—", "-", "--"} and token.i + 1 < len(doc) and doc[token.i - 1].whitespace_:
            return token.i + 1
        if token.is_lower or "\n" in token.whitespace_:
            return None
    return None


@Language.factory("twin_sentences")
def make_sentence_splitter(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """``nlp.add_pipe("twin_sentences", before="parser")``."""
    return newline_boundaries
