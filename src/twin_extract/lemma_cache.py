"""The model's rule lemmatizer, with every answer remembered.

spaCy's ``Lemmatizer`` calls ``rule_lemmatize`` for every token. Its result depends only on the
word, its part of speech and its morphology, but spaCy caches it only for some tokens (not for
base forms or proper nouns, most of news), so the lemmatizer cost as much as the parser on the
kept news. Here the keys come from one ``Doc.to_array``, each key's lemma is asked of
``rule_lemmatize`` once and remembered (not for a token without a part of speech, which spaCy
warns about), and the lemmas are written back in one ``Doc.from_array``: the same lemmas.
"""

from __future__ import annotations

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.errors import Errors
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc


class CachedLemmatizer(EnglishLemmatizer):
    """``EnglishLemmatizer`` that remembers the lemma of each (word, part of speech, morphology)."""

    memo: dict[tuple[int, int, int], int]

    def __call__(self, doc: Doc) -> Doc:
        if self.mode != "rule" or self.overwrite or not len(doc):
            return super().__call__(doc)
        if not self._validated:
            self._validate_tables(Errors.E1004)
        error_handler = self.get_error_handler()
        try:
            memo, strings = self.memo, doc.vocab.strings
            rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
            lemmas = rows[:, 3].copy()
            for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
                if lemma:
                    continue
                key = (orth, pos, morph)
                found = memo.get(key)
                if found is None:
                    found = strings.add(self.lemmatize(doc[i])[0])
                    if pos:
                        memo[key] = found
                lemmas[i] = found
            doc.from_array([LEMMA], lemmas)
            return doc
        except Exception as e:  # noqa: BLE001  (spaCy's own error handling, as in Lemmatizer)
            error_handler(self.name, self, [doc], e)


def speed_up(lemmatizer: Lemmatizer) -> None:
    """Make an English rule lemmatizer read its cache directly (nothing else changes)."""
    if type(lemmatizer) is EnglishLemmatizer:
        lemmatizer.__class__ = CachedLemmatizer
        lemmatizer.memo = {}
