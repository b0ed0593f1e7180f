"""The model's rule lemmatizer, with every answer remembered.

spaCy's ``Lemmatizer`` calls ``rule_lemmatize`` for every token. Its result depends only on the
word, its part of speech and its morphology, but spaCy caches it only for some tokens (not for
base forms or proper nouns, most of news), so the lemmatizer cost as much as the parser on the
kept news. Here the keys come from one ``Doc.to_array``, each key's lemma is found once and
remembered (not for a token without a part of speech, which spaCy warns about), and the lemmas
are written back in one ``Doc.from_array``: the same lemmas.

A lemma not yet remembered is found by spaCy's rules with one change: spaCy tests each candidate
form for membership in the model's word index, a list of up to 57,000 words per part of speech,
by scanning it; here the index is also held as a set (0.2 ms -> microseconds per new word,
about a second per 600 twinning stories).
"""

from __future__ import annotations

import warnings

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.errors import Errors, Warnings
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc, Token


class CachedLemmatizer(EnglishLemmatizer):
    """``EnglishLemmatizer`` that remembers the lemma of each (word, part of speech, morphology)."""

    memo: dict[tuple[int, int, int], int]
    index_sets: dict[str, frozenset[str]]

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
                    found = strings.add(self.rule_lemmas(doc[i])[0])
                    if pos:
                        memo[key] = found
                lemmas[i] = found
            doc.from_array([LEMMA], lemmas)
            return doc
        except Exception as e:  # noqa: BLE001  (spaCy's own error handling, as in Lemmatizer)
            error_handler(self.name, self, [doc], e)

    def rule_lemmas(self, token: Token) -> list[str]:
        """spaCy's ``rule_lemmatize`` (3.8, step for step), reading the word index as a set."""
        string = token.text
        univ_pos = token.pos_.lower()
        if univ_pos in ("", "eol", "space"):
            if univ_pos == "":
                warnings.warn(Warnings.W108)
            return [string.lower()]
        if self.is_base_form(token):
            return [string.lower()]
        index_table = self.lookups.get_table("lemma_index", {})
        exc_table = self.lookups.get_table("lemma_exc", {})
        rules_table = self.lookups.get_table("lemma_rules", {})
        if not any((index_table.get(univ_pos), exc_table.get(univ_pos), rules_table.get(univ_pos))):
            return [string] if univ_pos == "propn" else [string.lower()]
        index = self.index_sets.get(univ_pos)
        if index is None:
            index = self.index_sets[univ_pos] = frozenset(index_table.get(univ_pos, {}))
        exceptions = exc_table.get(univ_pos, {})
        orig, string = string, string.lower()
        forms: list[str] = []
        oov_forms = []
        for old, new in rules_table.get(univ_pos, {}):
            if string.endswith(old):
                form = string[: len(string) - len(old)] + new
                if not form:
                    pass
                elif form in index:
                    forms.insert(0, form)
                elif not form.isalpha():
                    forms.append(form)
                else:
                    oov_forms.append(form)
        forms = list(dict.fromkeys(forms))
        for form in exceptions.get(string, []):
            if form not in forms:
                forms.insert(0, form)
        return forms or oov_forms or [orig]


def speed_up(lemmatizer: Lemmatizer) -> None:
    """Make an English rule lemmatizer read its cache directly (nothing else changes)."""
    if type(lemmatizer) is EnglishLemmatizer:
        lemmatizer.__class__ = CachedLemmatizer
        lemmatizer.memo = {}
        lemmatizer.index_sets = {}
