"""Cheap pre-filter: can an article hold a twinning relation at all, and which passages of a long one.

Most news says nothing about twinning, and the tagger, parser and NER cost far more than the
tokenizer. A passage (a line/paragraph) is relevant when it has a trigger phrase from
``patterns/triggers.jsonl`` and, with its neighbours, at least two capitalised words that the
gazetteer knows. A strong trigger ("sister city", "twinned", "partner town") always counts; a
generic one ("agreement", "partnership", "cooperation", "memorandum", "ties", "partners"),
which ordinary city news is full of (bus contracts, university partnerships, aid convoys),
counts only when it pairs two municipalities: in a sentence that joins two places with "and"
("Kalisz and Chernivtsi will sign"), or that has a municipal word (city, town, council, mayor,
region ...) and two places or "the two cities", or a phrase standing for two places named
before ("the partners", "both sides"), or right before "with"/"between"/"to" and a
place ("the link with Rivas"); the word lists are ``municipal_words``, ``pair_words`` and
``tie_links`` in ``patterns/place_words.jsonl``. The neighbouring passages are kept too, for
status and date cues that follow or precede the relation ("The agreement is to be signed.").
An article up to
``WHOLE_ARTICLE`` characters with such a passage is kept whole: "the city's partner towns" is
resolved against places named anywhere before, a partner page's entries run over many lines
with label lines between them ("Date: 1979.5.2"), a page's own date line stands in for its
publication date, and a country named in another paragraph ranks same-name towns. A longer text
(minutes, reports, a whole site in one file) keeps only windows, so its size does not decide
how much goes through spaCy. With only other triggers ("cooperation agreement", "memorandum": the usual
near-misses), only such passages among the two before a relevant one are added, and the
first passage naming a place (the story's own town, which a lone "the link with X" pairs with).
Everything else is blanked with spaces, so offsets into the
original text stay exact and the pipeline skips it cheaply.
"""

from __future__ import annotations

import calendar
import re
from typing import Iterable

from spacy.language import Language
from spacy.tokens import Doc

from .countries import resolver_for
from .gazetteer import Gazetteer, default_gazetteer
from .patterns import PatternSet
from .place_match import DASHES
from .phrases import WORD as _WORD, PatternIndex, required_words
from .place_words import words_for
from .spelling_variants import closest, known_name
from .textnorm import fold

CONTEXT_PASSAGES = 1
WHOLE_ARTICLE = 30_000
"""An article up to this many characters is kept whole once one passage is relevant: partner
pages, label lines ("Date: 1979.5.2"), a page's own date line and hosts named paragraphs away
all matter, and the pre-filter must never change a record. Longer texts (council minutes, whole
sites in one file) keep only the windows around relevant passages."""
HOST_CONTEXT = 2
"""How many passages before a relevant one may name the place "the city's partners" means."""
MAX_NAME_WORDS = 4
"""Words of a place's name tried after a generic cue's "with" ("Rio de Janeiro")."""
_PASSAGE = re.compile(r"[^\n]*\n?")
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s)")
_CALENDAR = frozenset(calendar.month_name[1:]) | frozenset(calendar.day_name)
"""May, June, Sunday ...: also the names of small places, never what a sentence pairs."""
_COORDINATION = re.compile(r",? (?:and|&) |, ")
_CAPITALISED_WORD = r"[A-ZÀ-ÞĀ-Ž][\w’'\-\u00ad\u200c\u200d\u2060]+"
"""A soft hyphen or a joiner inside a word is part of it ("Wroc&shy;law"); ``fold`` drops it."""


def capitalised_words(abbreviations: Iterable[str]) -> re.Pattern[str]:
    """Capitalised words, an abbreviation's dot and the word after it being one ("St. Moritz",
    "Sta. Rosa": ``abbreviations`` in patterns/place_words.jsonl, the list the place matcher joins)."""
    short = "|".join(re.escape(w.capitalize().rstrip(".")) for w in sorted(abbreviations, key=len, reverse=True))
    return re.compile(rf"\b(?:(?:{short})\. )?{_CAPITALISED_WORD}" if short else rf"\b{_CAPITALISED_WORD}")
"""A capitalised word, with an abbreviated "St." or "Mt." before it: "St. Moritz" is one name."""


class PassageFilter:
    """Marks the passages worth the full pipeline, using only the tokenizer and the gazetteer."""

    def __init__(self, nlp: Language, patterns: PatternSet, gazetteer: Gazetteer | None = None) -> None:
        self.tokenizer = nlp.tokenizer
        triggers = [row for row in patterns["triggers"] if row["strength"] != "block"]
        self.index = PatternIndex(nlp.vocab, [(row["id"], row["pattern"]) for row in triggers])
        self.strong = {row["id"] for row in triggers if row["strength"] == "strong"}
        self.pair_anaphors = PatternIndex(nlp.vocab, [(row["id"], row["pattern"]) for row in patterns["anaphors"]
                                                      if row.get("pair")])
        words = words_for(patterns)
        self.municipal, self.pair_words, self.tie_links = words.municipal_words, words.pair_words, words.tie_links
        self.keywords = required_words(row["pattern"] for row in patterns["triggers"] if row["strength"] != "block")
        self.resolver = resolver_for(patterns)
        self._gazetteer = gazetteer
        self.connectors = words.connectors
        self._capitalised = capitalised_words(words.abbreviations)
        self.not_places = {fold(r["text"]) for r in patterns["not_places"]}
        slots = "|".join(re.escape(w) for w in sorted(words.variant_slots, key=len, reverse=True))
        hosts = "|".join(re.escape(w) for w in sorted(words.host_nouns, key=len, reverse=True))
        self._slot_names = re.compile(rf"(?<!\w)(?i:{slots}|(?:{hosts})\s+of)\s+([A-ZÀ-ÞĀ-Ž][^\W\d_]{{4,}})\b")

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = default_gazetteer()
        return self._gazetteer

    def passages(self, text: str) -> list[tuple[int, int]]:
        return [(m.start(), m.end()) for m in _PASSAGE.finditer(text) if m.end() > m.start()]

    def _trigger_rules(self, passage: str) -> set[str]:
        """Ids of the trigger rules that count in the passage: strong ones, and generic ones that
        pair two municipalities (none without a needed word)."""
        words = set(_WORD.findall(passage.casefold()))
        if self.keywords is not None and not self.keywords & words:
            return set()
        doc = self.tokenizer(passage)
        found = set()
        for rule, start, end in self.index.matches(doc, words):
            if rule in found:
                continue
            sentence = _sentence_at(passage, doc[start].idx, doc[end - 1].idx)
            if rule in self.strong or self._tied_to_place(doc, end) or self._municipal_pair(sentence) or \
                    self._pair_anaphor(sentence) or self._dash_pair_before(doc, start):
                found.add(rule)
        return found

    def _pair_anaphor(self, sentence: str) -> bool:
        """"The partners will work out areas of cooperation": a phrase that stands for the two
        places named before (``pair`` rows of ``patterns/anaphors.jsonl``) pairs them as the
        relation rules do."""
        return bool(self.pair_anaphors.matches(self.tokenizer(sentence)))

    def _dash_pair_before(self, doc: Doc, start: int) -> bool:
        """"The Leeds-Dortmund partnership": two known places joined by a dash right before a
        generic cue, which the relation rules read as the pair it is about."""
        if start < 3 or doc[start - 2].text not in DASHES:
            return False
        return all(doc[k].text[:1].isupper() and self._known_place(doc[k].text) for k in (start - 3, start - 1))

    def _tied_to_place(self, doc: Doc, end: int) -> bool:
        """"the link with Rivas", "cooperation with Lublin": a generic cue tied to a named place."""
        if end + 1 >= len(doc) or doc[end].lower_ not in self.tie_links:
            return False
        name = doc[end + 1].text
        if not name[:1].isupper() or name in _CALENDAR:
            return False
        if self._known_place(name) or self.resolver.country(name):
            return True
        words = [name]  # "cooperation with Saint Petersburg", "the link with New Bern": a name of several words
        for token in doc[end + 2:end + 1 + MAX_NAME_WORDS]:
            if not token.text[:1].isupper() and token.lower_ not in self.connectors:
                break
            words.append(token.text)
            if self.gazetteer.find(" ".join(words)):
                return True
        return False

    def _misspelt_partner(self, passage: str) -> bool:
        """"the Castlebar – Hochstedt twinning": one known place, and an unknown name in a
        partner's slot that is a near spelling of a town (``spelling_variants``)."""
        for match in self._slot_names.finditer(passage):
            word = match.group(1)
            if not known_name(word, self.resolver, self.gazetteer, self.not_places) and \
                    closest(self.gazetteer, fold(word), self.connectors) is not None:
                return True
        return False

    def _known_place(self, word: str) -> bool:
        """A town the gazetteer knows or a region's name."""
        return bool(self.gazetteer.find(word) or self.resolver.subdivisions_named(word, stripped=True))

    def _municipal_pair(self, sentence: str) -> bool:
        """Does a sentence speak of two municipalities: two places coordinated ("Kalisz and
        Chernivtsi will sign"), or a municipal word with two places or "the two cities"? (A bus
        company's agreement with a regional office does not; exporters from one town and
        importers from another do not.)"""
        runs = self._place_runs(sentence)
        if any(_COORDINATION.fullmatch(sentence[a[1]:b[0]]) for a, b in zip(runs, runs[1:])):
            return True
        words = _WORD.findall(sentence.casefold())
        if self.municipal.isdisjoint(words):
            return False
        if any(a in self.pair_words and b in self.municipal for a, b in zip(words, words[1:])):
            return True
        return len(runs) >= 2

    def _place_runs(self, sentence: str) -> list[tuple[int, int]]:
        """Character spans of the runs of capitalised words with a known place in them: "Hans
        Schmidt" is one run, however many of its words a gazetteer of small towns knows."""
        runs: list[tuple[int, int]] = []
        start, last_end, known = 0, -2, False
        for match in self._capitalised.finditer(sentence):
            word = match.group(0).removesuffix("’s").removesuffix("'s")
            if match.start() != last_end + 1 or word in _CALENDAR:
                if known:
                    runs.append((start, last_end))
                start, known = match.start(), False
            if word in _CALENDAR:
                last_end = -2
                continue
            known = known or self._known_place(word)
            last_end = match.end()
        if known:
            runs.append((start, last_end))
        return runs

    def _place_candidates(self, passage: str) -> int:
        """Capitalised words (or two-word names) that the gazetteer or the region names know."""
        words = list(self._capitalised.finditer(passage))
        found = 0
        for k, match in enumerate(words):
            word = match.group(0).removesuffix("’s").removesuffix("'s")
            pair = None
            if k + 1 < len(words) and words[k + 1].start() == match.end() + 1:
                pair = f"{word} {words[k + 1].group(0)}"
            if self._known_place(word) or (pair and self.gazetteer.find(pair)):
                found += 1
            elif "-" in word:
                found += sum(1 for part in word.split("-") if part[:1].isupper() and self._known_place(part))
        return found

    def _names_country(self, passage: str) -> bool:
        return any(self.resolver.country(m.group(0)) or self.resolver.demonym(m.group(0))
                   for m in self._capitalised.finditer(passage))

    def select(self, text: str) -> str | None:
        """The text with irrelevant passages blanked, or None when nothing can hold a relation;
        a text short enough to be kept whole is returned at its first relevant passage."""
        spans = [span for span in self.passages(text) if text[span[0]:span[1]].strip()]
        counted: dict[int, int] = {}

        def places(k: int) -> int:
            if k not in counted:
                counted[k] = self._place_candidates(text[spans[k][0]:spans[k][1]])
            return counted[k]

        keep: set[int] = set()
        for k, (s, e) in enumerate(spans):
            if not self._trigger_rules(text[s:e]):
                continue
            window = range(max(0, k - CONTEXT_PASSAGES), min(len(spans), k + CONTEXT_PASSAGES + 1))
            if sum(places(n) for n in window) >= 2 or \
                    places(k) == 1 and self._misspelt_partner(text[s:e]):
                keep.update(window)
                if len(text) <= WHOLE_ARTICLE:
                    return text
        if not keep:
            return None
        near = {n for k in keep for n in range(max(0, k - HOST_CONTEXT), min(len(spans), k + 2))}
        lead = next((k for k in range(len(spans)) if places(k)), None)
        named = {k for k in (near | {lead}) - keep - {None}
                 if places(k) or self._names_country(text[spans[k][0]:spans[k][1]])}
        keep |= named
        if len(keep) == len(spans):
            return text
        pieces, done = [], 0
        for k, (s, e) in enumerate(spans):
            pieces.append(text[done:s])
            chunk = text[s:e]
            pieces.append(chunk if k in keep else re.sub(r"[^\n]", " ", chunk))
            done = e
        pieces.append(text[done:])
        return "".join(pieces)


def _sentence_at(passage: str, start: int, end: int) -> str:
    """The sentence of a passage around characters ``start``..``end`` (a cheap split on
    sentence-final punctuation; an abbreviation only makes the sentence shorter)."""
    lo = 0
    for match in _SENTENCE_END.finditer(passage, 0, start):
        lo = match.end()
    after = _SENTENCE_END.search(passage, end)
    return passage[lo:after.end() if after else len(passage)]
