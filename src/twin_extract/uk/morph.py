"""Nominative forms of an inflected Ukrainian word, every parse of it, not just the first.

pymorphy3's first parse is often wrong for place names (Києві -> кий), so the gazetteer is asked
about every reading; only a reading that names a place survives.
"""

from __future__ import annotations

from functools import lru_cache

import pymorphy3


@lru_cache(maxsize=1)
def analyzer() -> pymorphy3.MorphAnalyzer:
    """The Ukrainian analyser, pointed at the dictionary package the project declares (nothing is
    looked up or downloaded at run time)."""
    import pymorphy3_dicts_uk

    return pymorphy3.MorphAnalyzer(path=pymorphy3_dicts_uk.get_path(), lang="uk")


@lru_cache(maxsize=65536)
def nominatives(word: str) -> tuple[str, ...]:
    """The word itself (lower case), its lemmas and its nominative singular, in that order."""
    forms = [word.lower()]
    for parse in analyzer().parse(word):
        forms.append(parse.normal_form)
        inflected = parse.inflect({"nomn"})
        if inflected is not None:
            forms.append(inflected.word)
    return tuple(dict.fromkeys(forms))


@lru_cache(maxsize=65536)
def is_known(word: str) -> bool:
    """True when the dictionary has the word (a town with no Cyrillic name in GeoNames usually is not)."""
    return analyzer().word_is_known(word.lower())


@lru_cache(maxsize=65536)
def only_names(word: str, fixed_only: bool = False) -> bool:
    """True when every reading of a known word is a proper or indeclinable noun ("Нансі"); with
    ``fixed_only``, indeclinable only (a foreign name, not a Ukrainian first name or surname)."""
    tags = {"Fixd"} if fixed_only else {"Name", "Surn", "Geox", "Fixd"}
    parses = analyzer().parse(word)
    return bool(parses) and all(tags & set(str(p.tag).replace(" ", ",").split(",")) for p in parses)


FUNCTION_POS = {"PREP", "CONJ", "PRCL", "NPRO", "ADVB", "NUMR", "INTJ"}


@lru_cache(maxsize=65536)
def is_function_word(word: str) -> bool:
    """True when the dictionary reads the word as a preposition, conjunction, pronoun or adverb
    ("Перед підписанням …" opens a sentence; a Slovak village alias is "Перед")."""
    return is_known(word) and any(p.tag.POS in FUNCTION_POS for p in analyzer().parse(word.lower()))


@lru_cache(maxsize=65536)
def is_first_name(word: str) -> bool:
    """True when the dictionary's first reading is a first name: the next word is a surname
    ("Тарас Шевченко", "імені Богдана Хмельницького"), even when a town bears it."""
    parses = analyzer().parse(word)
    return bool(parses) and "Name" in str(parses[0].tag)


@lru_cache(maxsize=65536)
def _readings(word: str) -> frozenset[str]:
    return frozenset(g for p in analyzer().parse(word) for g in str(p.tag).replace(" ", ",").split(","))


def is_name_before_surname(word: str, following: str) -> bool:
    """True when ``word`` can be a first name and ``following`` a surname or patronymic ("Марією
    Гуцу", "Георге Томеску", "Володимир Петренко"): a person, though a village bears the first name
    (Марія, Gheorghe Doja, Volodymyr)."""
    return following[:1].isupper() and may_be_first_name(word) and bool({"Surn", "Patr"} & _readings(following))


@lru_cache(maxsize=65536)
def may_be_first_name(word: str) -> bool:
    """True when a reading of the word is a first name, or an animate noun whose genitive is one:
    the dictionary tags "Володимира", "Богдана" as names but not the nominatives "Володимир",
    "Богдан"."""
    if "Name" in _readings(word):
        return True
    for parse in analyzer().parse(word):
        if parse.tag.POS == "NOUN" and parse.tag.animacy == "anim" and "Surn" not in parse.tag:
            genitive = parse.inflect({"gent"})
            if genitive is not None and any("Name" in p.tag and p.tag.case == "gent" and p.normal_form == parse.normal_form
                                            for p in analyzer().parse(genitive.word)):
                return True
    return False


@lru_cache(maxsize=65536)
def only_vocative(word: str) -> bool:
    """True when the dictionary reads the word only as a vocative ("Біскупе" of "біскуп"): no word
    a news sentence uses, so a foreign name's part (Papowo Biskupie)."""
    parses = analyzer().parse(word)
    return bool(parses) and all(p.tag.case == "voct" for p in parses)


@lru_cache(maxsize=65536)
def is_common_word(word: str) -> bool:
    """True when the dictionary knows the word only as a common word: no reading is a name,
    surname, place or indeclinable foreign word ("План", "Мир", not "Нансі", "Борна")."""
    parses = analyzer().parse(word)
    return is_known(word) and not any({"Name", "Surn", "Patr", "Geox", "Fixd"} & set(str(p.tag).replace(" ", ",").split(","))
                                      for p in parses)


@lru_cache(maxsize=65536)
def is_declined_name(word: str) -> bool:
    """True when a reading is a first name or surname in the nominative that declines ("Солодка",
    "Микола"): a person as written, not the case form of a town (an indeclinable surname, "Вінник",
    reads as every case)."""
    return any({"Name", "Surn"} & set(str(p.tag).replace(" ", ",").split(",")) and p.tag.case == "nomn"
               and "Fixd" not in p.tag for p in analyzer().parse(word))
