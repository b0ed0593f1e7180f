"""Places named in Ukrainian text: towns, communities named by their town's adjective, oblasts.

Words are capitalised Cyrillic runs (hyphens and apostrophes inside: "Велізі-Віллакубле",
"Куп'янськ"), looked up in GeoNames through every lemma parse. A capitalised adjective before a
community noun ("Чортківською … громадами", even at the head of a list) is the community's town;
before an oblast noun ("Тернопільської … обласних рад") it is the oblast, as is a -щина name
("на Тернопільщині"); before a foreign region noun it is that region ("з Підкарпатським
воєводством"). A foreign town GeoNames has no Cyrillic name for is found by its sound key among
the places of a country the document names, or of the usual partner countries
(``partner_countries``) when it names none (``translit.SoundMatcher``). A country named next to
a place ("французький Шомон", "Віндзор у канадській провінції") picks that country's homonym.
"""

from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass
from typing import Iterator

import pycountry

from ..gazetteer import Place, default_gazetteer
from .morph import (is_common_word, is_declined_name, is_first_name, is_function_word, is_known, is_name_before_surname,
                    may_be_first_name, nominatives, only_names, only_vocative)
from .patterns import rows
from .translit import SoundMatcher, cyrillic_key, latin_key

WORD = re.compile(r"[А-ЯІЇЄҐ][а-яіїєґ'’ʼ]*(?:-[А-ЯІЇЄҐа-яіїєґ][а-яіїєґ'’ʼ]*)*")
ADJECTIVE = re.compile(r"^(.*(?:ськ|цьк|зьк))(?:ий|а|е|і|ого|ої|ому|ій|им|ою|их|ими|ої)$", re.I)
"""A place adjective and its stem: "Тернопільської" -> "Тернопільськ"."""
LIST_GLUE = re.compile(r"\s*(?:\([^()\n]{0,40}\)|,|та\b|і\b|й\b|а також\b|[А-ЯІЇЄҐ][\w'’ʼ-]*(?:ськ|цьк|зьк)\w*)")
"""What may stand between an adjective and its noun in a list: "Чортківською (Тернопільщина),
Кіцманською … та Жовківською громадами"."""
BRACKET = re.compile(r"\s*\(([^()]{1,40})\)")
COUNTRY_ADJECTIVE = re.compile(r"(?:ськ|цьк|зьк)[а-яіїє]*$", re.I)
"""A country's adjective ("польською") qualifies the next noun; its name ("України в …") does not."""
NEXT_WORD = re.compile(r"\s*([\w'’ʼ]+)")
QUALIFYING_AFTER = re.compile(r"(?<=\s)[а-яіїєґ'’]+(?:ськ|цьк|зьк)[а-яіїєґ]*(?=\s+(?:(?:місто|містом|міста|містечк\w*)\s+)?[А-ЯІЇЄҐ])")
"""A lower-case country adjective right before a name (or before "місто" and a name)."""
CUE_WORDS = re.compile(r"[\w'’ʼ-]+")
SENTENCE_END = re.compile(r"[.!?\n]")
MIN_SOUND_KEY = 4
CUED_RATIO = 0.75
UNCUED_RATIO = 0.9
"""How close a sound key must be: loose when a country adjective qualifies the word ("румунська
комуна Мілішівці" for Milişăuţi), near-exact otherwise (an inflected "Франконвілі")."""
TWO_WORD_RATIO = 0.8
"""How close the sound key of a two-word foreign name must be ("Назарет Ілліт" for Naẕerat ‘Illit)."""
STRAY_VILLAGE = 5000
"""A foreign place this small is not what a common Ukrainian word means unless its country is named."""
HOME_RATIO = 10
"""How much larger a foreign town must be than every Ukrainian homonym to be the one a Ukrainian
text means when nothing else decides: Paris (2 million) for "Париж" or "Паризька міська рада", not
Шацьк in Russia (5,700) over Шацьк in Volyn (5,300)."""
AREA = re.compile(r"([А-ЯІЇЄҐ][\w'’-]*(?:ськ|цьк|зьк)[а-яії]*)\s+(?:област|обл\.|обласн|облрад|район|ОВА|ОДА)")
AREA_WINDOW = 60
NICKNAME = re.compile(r"[А-ЯІЇЄҐ][\w'’]*(?:щин|ччин)[а-яії]*")
DISTRICT_CITY = 100_000
"""A city large enough to have districts GeoNames lists as places of their own."""
COMPOUND_FIRST_ENDINGS = ("а", "ий", "е", "і", "ій", "я")
"""Endings of a two-word name's first word (an adjective: Липова, Кривий, Нове, Лісові, Синій)."""
VENUE_WORDS = {"у", "в", "до", "зі", "із"}
ADJECTIVE_ENDING = re.compile(r"(?:ий|ій|а|я|е|ого|ої|ому|ій|им|ою|их|ими)$")
RUSSIAN_LETTERS = re.compile("[ыэъёЫЭЪЁ]")
"""A Russian spelling (a quoted Russian name) is not sounded out as a Ukrainian one."""


@dataclass(frozen=True)
class Mention:
    """A place as named in the text; ``subdivision`` is set for an oblast."""
    key: str
    name: str
    country: str
    text: str
    start: int
    end: int
    geonames_id: int | None = None
    subdivision: str | None = None

    @property
    def type(self) -> str:
        return "region" if self.subdivision else "city"


def _city(place: Place, text: str, start: int) -> Mention:
    return Mention(str(place.geonames_id), place.name, place.country, text, start, start + len(text),
                   geonames_id=place.geonames_id)


class PlaceFinder:
    """Finds mentions; the tables (nouns, adjectives, country cues, sound rules) come from ``patterns/uk``."""

    def __init__(self, patterns: str | None, not_places: set[str]) -> None:
        self.gazetteer = default_gazetteer()
        self.not_places = not_places
        self.nouns = {r["stem"]: r["kind"] for r in rows("place_nouns.jsonl", patterns)}
        self.partner_countries = [r["country"] for r in rows("partner_countries.jsonl", patterns)]
        self.titles = tuple(r["title"] for r in rows("roles.jsonl", patterns) if "title" in r)
        self.town_nouns = tuple(r["town_noun"] for r in rows("roles.jsonl", patterns) if "town_noun" in r)
        nickname_rows = rows("region_nicknames.jsonl", patterns)
        self.nicknames = [(r["suffix"], r["adjective"]) for r in nickname_rows if "suffix" in r]
        self.region_names = {r["name"]: r["code"] for r in nickname_rows if "name" in r}
        """Historic names that stand for one oblast ("Закарпаття", "Волинь", "Буковина")."""
        self.capitals = [(re.compile(rf"\b(?:([\w'’-]+)\s+)?({r['capital']}[а-яії]*)\b(?!\s+[А-ЯІЇЄҐ])"),
                          r["city"], r["own"]) for r in nickname_rows if "capital" in r]
        """"Столиця" standing for the country's capital (``capital`` rows)."""
        spellings = rows("russian_spellings.jsonl", patterns)
        self.russian_spellings = [(r["ending"], r["russian"], set(r["countries"])) for r in spellings if "ending" in r]
        self.russian_letters = [(str.maketrans(r["letters"]), set(r["countries"])) for r in spellings if "letters" in r]
        self.adjective_towns = [(r["suffix"], tuple(r["endings"])) for r in rows("community_adjectives.jsonl", patterns)]
        self.declension = sorted(((r["ending"], tuple(r["nominatives"]), bool(r.get("alternate")), bool(r.get("fleeting")))
                                  for r in rows("case_endings.jsonl", patterns)), key=lambda r: -len(r[0]))
        """Case endings and the nominative endings behind them (``case_endings``), for a name the
        dictionary lacks or knows only as a name or surname ("Жадова" -> Жадів, "Вінник" -> Вінники)."""
        self._declined_memo: dict[str, tuple[str, ...]] = {}
        self.country_cues = sorted(((r["stem"], r["country"]) for r in rows("countries.jsonl", patterns)),
                                   key=lambda c: -len(c[0]))
        self._country_memo: dict[str, str | None] = {}
        sounds = rows("latin_sounds.jsonl", patterns)
        self.sounds = SoundMatcher(self.gazetteer.path, sounds)
        ua_rules = self.sounds.rules_for("UA")
        self.state_alternatives: dict[str, list[tuple[str, str, str]]] = {}
        self.states = {k: v for k, v in _foreign_subdivisions(self.state_alternatives).items()
                       if not (k.startswith("~") and self.country_of(k[1:]))}
        """A stem that is a country's adjective ("~французьк", "~британськ") names no region: "французького
        департаменту" is a department of France, not French Guiana."""
        self.loose_states: dict[str, tuple[str, str, str]] = {}
        for key, value in self.states.items():
            self.loose_states.setdefault(_loose(key), value)
        self.state_nouns = tuple(r["stem"] for r in rows("state_nouns.jsonl", patterns))
        self.noun_types = {r["stem"]: set(r["types"]) for r in rows("state_nouns.jsonl", patterns) if "types" in r}
        """The pycountry subdivision types a region noun names ("штат": State): of two regions one
        name may stand for (Maryland, a US state and a Liberian county), the one of the noun's type."""
        self.region_only_nouns = tuple(r["stem"] for r in rows("state_nouns.jsonl", patterns) if r.get("names_region"))
        """Nouns whose next name is a region's even when no ISO code exists for it ("округом Верхня
        Франконія", "округом Швабія"): that name is no town."""
        self.oblasts = {latin_key(s.name.removesuffix(" oblast"), ua_rules): (s.code, s.name)
                        for s in pycountry.subdivisions.get(country_code="UA") if s.type == "Region"}

    # --- cues -------------------------------------------------------------------------------

    def country_of(self, word: str) -> str | None:
        """The country a word names or describes ("польською", "Франції", "РФ")."""
        lowered = word.lower()
        if lowered not in self._country_memo:
            self._country_memo[lowered] = next(
                (country for stem, country in self.country_cues if lowered.startswith(stem)), None)
        return self._country_memo[lowered]

    def _areas_after(self, text: str, end: int) -> frozenset[str]:
        """The GeoNames admin1 code of the oblast that qualifies a place right after it, by
        adjective and noun ("Новоселицька міська рада Чернівецького району", "Жданівською ОТГ
        Вінницької області") or a -щина name ("громада на Тернопільщині"), through the oblast's
        or district's town: a Ukrainian homonym there is the one meant. Only lower-case words
        (the community's nouns) may stand between."""
        window = SENTENCE_END.split(text[end:end + AREA_WINDOW])[0]
        match = AREA.search(window) or NICKNAME.search(window)
        if match is None or re.search(r"[А-ЯІЇЄҐ][а-яіїєґ]|[,(]", window[:match.start()]):
            return frozenset()
        return self._area_of(match)

    def _area_of(self, match: re.Match) -> frozenset[str]:
        """The admin1 code(s) an ``AREA`` or ``NICKNAME`` match names, through its oblast's town."""
        if match.re is AREA:
            town = self._community_town(match.group(1), set())
            return frozenset({town.admin1}) if town else frozenset()
        towns = [self._community_town(form[:-len(suffix)] + adjective, set())
                 for form in nominatives(match.group(0)) for suffix, adjective in self.nicknames
                 if form.endswith(suffix)]
        return frozenset(t.admin1 for t in towns if t is not None)

    def _document_areas(self, text: str) -> frozenset[str]:
        """The oblast of a document that names one by adjective and noun or by its -щина name
        ("Чернівецького району" in the second paragraph): a homonym named before its own area (the
        headline's "Новоселицька громада") is the one there. A document naming several oblasts
        (its partners' too: "з Чортківською (Тернопільщина) … громадами") gives none."""
        areas = frozenset().union(*(self._area_of(m) for regex in (AREA, NICKNAME) for m in regex.finditer(text)))
        return areas if len(areas) == 1 else frozenset()

    def document_countries(self, text: str) -> list[str]:
        """Foreign countries the document names, most mentioned first."""
        counts: dict[str, int] = {}
        for match in CUE_WORDS.finditer(text):
            country = self.country_of(match.group(0))
            if country and country != "UA":
                counts[country] = counts.get(country, 0) + 1
        return sorted(counts, key=lambda c: -counts[c])

    def _near_countries(self, text: str, start: int, end: int) -> tuple[list[str], str | None]:
        """Countries named within three words before or four after (same sentence), and the
        country that qualifies the place itself: an adjective right before it or before a common
        noun before it ("з румунською комуною Апа", not "з польським Любліном Луцьк"), or a country
        in brackets right after ("Вандліц (Німеччина)")."""
        before = SENTENCE_END.split(text[max(0, start - 80):start])[-1]
        after = SENTENCE_END.split(text[end:end + 80])[0]
        words_before = CUE_WORDS.findall(before)[-3:]
        # a country adjective after the place that qualifies the next name ("Одеса співпрацює з
        # американським Балтимором") is that name's country, not this place's
        words_after = CUE_WORDS.findall(QUALIFYING_AFTER.sub(" ", after))
        near = [self.country_of(w) for w in reversed(words_before)] + \
               [self.country_of(w) for w in words_after[:4]]
        qualifying = words_before[-2:] if words_before and words_before[-1][:1].islower() else words_before[-1:]
        own = [self.country_of(w) for w in reversed(qualifying) if COUNTRY_ADJECTIVE.search(w)]
        bracket = BRACKET.match(after)
        if bracket:
            inner = CUE_WORDS.findall(bracket.group(1))
            own[:0] = [self.country_of(w) for w in inner] + self._bracket_region_countries(inner)
        return [c for c in near if c], next((c for c in own if c), None)

    def _bracket_region_countries(self, words: list[str]) -> list[str]:
        """The country of a foreign region in brackets after a town ("Апа (повіт Сату-Маре)",
        "Ремець (Марамуреський повіт)", "Ґрац (земля Штирія)"): that region's country qualifies the
        town as a country in brackets does."""
        found = []
        for first, second in zip(words, words[1:]):
            if first.lower().startswith(self.state_nouns) and second[:1].isupper():
                state = self._state(second, first)
            elif second.lower().startswith(self.state_nouns) and first[:1].isupper():
                state = self._foreign_region(first)
            else:
                continue
            if state is None and first.lower().startswith(self.state_nouns):
                # a county named as its seat town ("повіт Ботошани"): the town's country
                countries = {p.country for p in self._places([second])}
                state = (None, None, countries.pop()) if len(countries) == 1 and "UA" not in countries else None
            if state is not None:
                found.append(state[2])
        return found

    # --- lookups ----------------------------------------------------------------------------

    def _forms(self, word: str) -> tuple[str, ...]:
        word = word.replace("’", "'").replace("ʼ", "'")
        if "ґ" in word.lower():
            # a name written with ґ (Ґданськ, Ґраубюнден) is also found as GeoNames' г spelling
            plain = word.replace("ґ", "г").replace("Ґ", "Г")
            return tuple(dict.fromkeys(self._forms_exact(word) + self._forms_exact(plain)))
        return self._forms_exact(word)

    def _forms_exact(self, word: str) -> tuple[str, ...]:
        if "-" in word:
            head, _, last = word.rpartition("-")
            both = () if "-" in head else \
                tuple(f"{h}-{t}" for h in nominatives(head)[1:4] for t in nominatives(last)[:4])
            """Both parts declined: "Хутора-Михайлівського" is Хутір-Михайлівський, "Кам'янця-Подільського"."""
            return tuple(dict.fromkeys((word.lower(), *(f"{head.lower()}-{n}" for n in nominatives(last)),
                                        *nominatives(word), *both)))
        return nominatives(word)

    def _declined(self, word: str) -> tuple[str, ...]:
        """Nominatives a case ending allows (``case_endings``): the stem with each nominative ending,
        the closed syllable's і restored where a row says ("Жадова" -> жадів, "Тернополем" ->
        тернопіль, "Коцюбієві" -> коцюбіїв), and a genitive plural's inserted vowel dropped ("Ічок"
        -> ічки). A hyphenated name declines in its last part, or in both."""
        lowered = word.lower().replace("’", "'").replace("ʼ", "'")
        if lowered in self._declined_memo:
            return self._declined_memo[lowered]
        if "-" in lowered:
            head, _, last = lowered.rpartition("-")
            tails = self._declined(last)
            heads = (head,) if "-" in head else tuple(dict.fromkeys((head, *self._declined(head)[:12])))
            forms = [f"{h}-{t}" for h in heads for t in tails]
        else:
            forms = [lowered]
            for ending, nominative_endings, alternate, fleeting in self.declension:
                if not lowered.endswith(ending) or len(lowered) - len(ending) < 3:
                    continue
                stem = lowered[:len(lowered) - len(ending)]
                stems = [stem]
                if fleeting:
                    vowel = re.search(r"[^аеєиіїоуюя'ь]([ое])[^аеєиіїоуюя'ь]$", stem)
                    if vowel:
                        stems.append(stem[:vowel.start(1)] + stem[vowel.end(1):])
                for base in stems:
                    for nominative in nominative_endings:
                        forms.append(base + nominative)
                        if alternate and nominative in ("", "ь"):
                            forms.extend(f"{opened}{nominative}" for opened in _alternated_closed(base))
        found = tuple(dict.fromkeys(forms))
        self._declined_memo[lowered] = found
        return found

    def _places(self, words: list[str]) -> tuple[Place, ...]:
        """Candidates over every reading, the first reading's first; none for a common word. The
        words of a name are joined by a space and by a hyphen ("Солт Лейк Сіті" is GeoNames'
        "Солт-Лейк-Сіті"). A name
        GeoNames lacks is tried in its Russian spelling (``russian_spellings``: -ськ/-ск, -ів/-ев),
        as GeoNames often spells Russian, Belarusian, Kazakh and Moldovan towns only so."""
        if len(words) == 1 and (self.not_places.intersection(self._forms(words[0])) or is_function_word(words[0])):
            return ()
        found: dict[int, Place] = {}
        for forms in _combinations([self._forms(w) for w in words]):
            for joined in {" ".join(forms), "-".join(forms)}:
                for place in self.gazetteer.find(joined):
                    found.setdefault(place.geonames_id, place)
        if not found:
            for forms in _combinations([self._forms(w) for w in words]):
                for spelled, countries in self._russian(" ".join(forms)):
                    for place in self.gazetteer.find(spelled):
                        if place.country in countries or "*" in countries and place.country != "UA":
                            found.setdefault(place.geonames_id, place)
        if not found and any(not is_known(w) for w in words):
            for forms in _combinations([_guessed_forms(w) if not is_known(w) else self._forms(w) for w in words]):
                for joined in {" ".join(forms), "-".join(forms)}:
                    for place in self.gazetteer.find(joined):
                        if place.country != "UA":
                            found.setdefault(place.geonames_id, place)
        if not found and len(words) <= 2 and any(_unlisted(w) for w in words):
            # a Ukrainian town's case form the dictionary lacks ("Мушкетова", "з Ічками", "Вінник");
            # a foreign one is the sound matcher's
            for forms in _combinations([self._declined(w) if _unlisted(w) else self._forms(w) for w in words]):
                for joined in {" ".join(forms), "-".join(forms)}:
                    for place in self.gazetteer.find(joined):
                        if place.country == "UA":
                            found.setdefault(place.geonames_id, place)
        return tuple(found.values())

    def _russian(self, name: str) -> Iterator[tuple[str, set[str]]]:
        """Russian spellings of a Ukrainian name: its ending rewritten (Красноярськ -> Красноярск),
        its letters (Нижній Тагіл -> Нижний Тагил, Барановичі -> Барановичи), or both."""
        for ending, russian, countries in self.russian_spellings:
            if name.endswith(ending):
                yield name[:-len(ending)] + russian, countries
        for table, countries in self.russian_letters:
            lettered = name.translate(table)
            if lettered == name:
                continue
            yield lettered, countries
            for ending, russian, ending_countries in self.russian_spellings:
                if lettered.endswith(ending):
                    yield lettered[:-len(ending)] + russian, countries & ending_countries

    def _community_town(self, adjective: str, seen: set[str], abroad: bool = False,
                        areas: frozenset[str] = frozenset()) -> Place | None:
        """"Новоселицька громада" is the community of Новоселиця: the town behind the adjective.
        When the adjective is also a town's own name ("Хмельницька міська рада": Хмельницький),
        or its stem fits several towns ("Дніпровська": Дніпро, Дніпровка), a town the document
        names elsewhere wins ("м. Богодухів" over the district Богодухівський), else the larger
        (not the village Київський for "Київська міська рада"). A громада is Ukrainian; a town
        council (``abroad``) may be foreign ("Паризька міська рада"), when its town dwarfs every
        Ukrainian candidate, whose homonyms are often a village's old name. An oblast named right
        after the community (``areas``: "Жданівською ОТГ Вінницької області") picks its town."""
        own = [p for form in nominatives(adjective)[1:] if form.endswith("ий")
               for p in self.gazetteer.find(form) if p.country == "UA"][:1]
        candidates = own + self._towns_behind(adjective)
        named = [p for p in candidates if str(p.geonames_id) in seen] \
            or [p for p in candidates if p.admin1 in areas and p.country == "UA"]
        if named:
            return max(named, key=lambda p: p.population)
        if not abroad:
            candidates = [p for p in candidates if p.country == "UA"]
        return _at_home(tuple(candidates), areas) if candidates else None

    def _towns_behind(self, adjective: str) -> list[Place]:
        """Every town, at home or abroad, that an adjective's stem and the suffix table allow."""
        found: dict[int, Place] = {}
        for form in nominatives(adjective):
            for suffix, endings in self.adjective_towns:
                if form.endswith(suffix):
                    stem = form[: -len(suffix)]
                    for ending in endings:
                        for place in self.gazetteer.find(stem + ending):
                            found.setdefault(place.geonames_id, place)
        if not found:
            for form in nominatives(adjective):
                for suffix, endings in self.adjective_towns:
                    if form.endswith(suffix):
                        for stem in _alternated(form[: -len(suffix)]):
                            for ending in endings:
                                for place in self.gazetteer.find(stem + ending):
                                    found.setdefault(place.geonames_id, place)
        for name in self._compound_names(adjective):
            # also when a simple reading found a village: "Білоцерківська" is Біла Церква, not the
            # village Білоцерківка; "Криворізька" Кривий Ріг (the larger wins)
            for place in self.gazetteer.find(name):
                found.setdefault(place.geonames_id, place)
        return list(found.values())

    def _compound_names(self, adjective: str) -> Iterator[str]:
        """The two-word names a compound adjective may stand for: "Липоводолинська" is Липова Долина,
        "Новоушицька" Нова Ушиця (the first word's stem, a linking о, then the second word's
        adjective), through the same suffix table for the second word."""
        for form in nominatives(adjective):
            for suffix, endings in self.adjective_towns:
                if not form.endswith(suffix):
                    continue
                stem = form[: -len(suffix)]
                for link in (i for i, ch in enumerate(stem) if ch == "о" and 3 <= i <= len(stem) - 3):
                    first, second = stem[:link].removesuffix("ь"), stem[link + 1:]
                    # a soft first word links with -ьо-: "Горішньоплавнівська" is Горішні Плавні
                    for ending in endings:
                        for first_ending in COMPOUND_FIRST_ENDINGS:
                            yield f"{first}{first_ending} {second}{ending}"

    def _state(self, word: str, noun: str | None = None) -> tuple[str, str, str] | None:
        """The foreign region a word after a region noun names ("зі штатом Каліфорнія", "штату-побратима
        Міссісіпі", "з повітом Долж"; ``state_nouns``), by pycountry's Ukrainian subdivision names,
        through every nominative; later the name alone is that region ("між Хмельницькою областю
        та Міссісіпі")."""
        keys = dict.fromkeys((word.lower(), *nominatives(word)))
        if "ґ" in word.lower():
            # "Береґ" as the transcription writes it, "Берег" as the name table does
            keys.update(dict.fromkeys(k.replace("ґ", "г") for k in list(keys)))
        if noun is not None:
            types = next((t for stem, t in self.noun_types.items() if noun.lower().startswith(stem)), set())
            for key in keys:
                typed = [v for v in self.state_alternatives.get(key, ()) if _subdivision_type(v[0]) in types]
                if typed:
                    return typed[0]
        return next((self.states[k] for k in keys if k in self.states), None) or \
            next((self.loose_states[_loose(k)] for k in keys if _loose(k) in self.loose_states), None)

    def _foreign_region(self, adjective: str) -> tuple[str, str, str] | None:
        """The foreign region an adjective before a region noun names: "з Підкарпатським
        воєводством" (PL-18), "Вільнюського регіону" (LT-VL)."""
        match = ADJECTIVE.match(adjective)
        if not match:
            return None
        key = "~" + match.group(1).lower()
        return self.states.get(key) or self.loose_states.get(_loose(key))

    def _oblast(self, adjective: str) -> tuple[str, str] | None:
        """(ISO 3166-2 code, name) of the oblast an adjective names: "Тернопільської" -> UA-61. The
        romanisation's "ts" is read as ц in the keys, so "Zakarpatska" (т + с) is keyed "zakarpacka"
        and "Закарпатської" is looked up the same way."""
        match = ADJECTIVE.match(adjective)
        if not match:
            return None
        key = cyrillic_key(match.group(1) + "а")
        return self.oblasts.get(key) or self.oblasts.get(key.replace("ts", "c"))

    def _nickname(self, word: str) -> tuple[str, str, str] | None:
        """(code, name, country) of the oblast a -щина name stands for ("на Тернопільщині",
        "Хмельниччина"), through the oblast adjective the ``region_nicknames`` table rebuilds from it,
        or of the foreign region when no oblast has that adjective ("Пряшівщина", "Люблінщина"); a
        historic name the table lists ("Закарпаття") is its oblast."""
        lowered = word.lower()
        if self.region_names:
            code = next((self.region_names[f] for f in nominatives(word) if f in self.region_names), None)
            if code is not None:
                return code, pycountry.subdivisions.get(code=code).name, "UA"
        if not any(suffix[:-1] in lowered for suffix, _ in self.nicknames):
            return None
        foreign = None
        for form in nominatives(word):
            for suffix, adjective in self.nicknames:
                if form.endswith(suffix):
                    oblast = self._oblast(form[:-len(suffix)] + adjective)
                    if oblast is not None:
                        return (*oblast, "UA")
                    foreign = foreign or self._foreign_region(form[:-len(suffix)] + adjective)
        return foreign

    def _noun_kind(self, text: str, end: int) -> str | None:
        """"community", "council" or "region" when the adjective ending at ``end`` qualifies such a noun,
        directly, across one qualifier ("Пряшівський самоврядний край") or at the head of a list of
        adjectives."""
        pos = end
        while True:
            glue = LIST_GLUE.match(text, pos)
            if not glue or glue.end() == pos:
                break
            pos = glue.end()
        word = NEXT_WORD.match(text, pos)
        if not word:
            return None
        lowered = word.group(1).lower()
        kind = next((kind for stem, kind in self.nouns.items() if lowered.startswith(stem)), None)
        if kind == "qualifier":
            word = NEXT_WORD.match(text, word.end())
            lowered = word.group(1).lower() if word else ""
            kind = next((kind for stem, kind in self.nouns.items() if lowered.startswith(stem)), None)
        return kind if kind != "qualifier" else None

    def _by_sound(self, word: str, countries: list[str], cued: bool, exact: bool = False) -> tuple | None:
        """A foreign town GeoNames has no Cyrillic name for, by sound, in the countries given;
        a town a country adjective qualifies may be a dictionary word, shorter, and sound a little
        further off; otherwise only a word the dictionary lacks (or an indeclinable one) is tried. A
        form that sounds exactly like a town wins over a near one ("Сільві" is Silvi, though its
        lemma "Сільва" is near Silla). A word the dictionary knows only as a proper name ("Сільві", a
        surname's case) is tried as written, and must sound exactly like a town."""
        if not countries or RUSSIAN_LETTERS.search(word):
            return None
        exact_only = False
        if not cued and is_known(word) and not only_names(word, fixed_only=True):
            if not only_names(word):
                return None
            exact_only = True
        forms = (word,) if exact_only else (*nominatives(word)[1:], word)
        keys = [key for key in dict.fromkeys(cyrillic_key(f) for f in forms)
                if len(key.replace("-", "")) >= MIN_SOUND_KEY - cued]
        for floor in (1.0,) if exact_only or exact else (1.0, CUED_RATIO if cued else UNCUED_RATIO):
            for key in keys:
                row = self.sounds.find(key, countries, min_ratio=floor)
                if row:
                    return row
        return None

    # --- the scan ---------------------------------------------------------------------------

    def mentions(self, text: str) -> list[Mention]:
        """Every place named in ``text``, in order, longest reading first."""
        words = list(WORD.finditer(text))
        foreign = self.document_countries(text)
        areas = self._document_areas(text)
        found: list[Mention] = []
        names = [(m.start(1), m.end(1)) for m in QUOTED_NAME.finditer(text)]
        i = 0
        while i < len(words):
            if any(a <= words[i].start() < b for a, b in names):
                i += 1
                continue
            if found and self._after_titled_place(text, words, i, found[-1]):
                i += 2
                continue
            mention, size = self._mention_at(text, words, i, foreign, {m.key for m in found}, areas)
            if mention:
                found.append(mention)
            i += size
        capitals = self._capitals(text)
        return sorted(found + capitals, key=lambda m: m.start) if capitals else found

    def _capitals(self, text: str) -> list[Mention]:
        """"Столиця" in lower case, unqualified or "українська", as the capital it stands for; not a
        venue ("у столиці"), not a capital named by the word after it ("столиці Польщі"), not another
        country's ("французької столиці")."""
        found = []
        for pattern, city, own in self.capitals:
            for match in pattern.finditer(text):
                before = (match.group(1) or "").lower()
                if before in VENUE_WORDS or before and not before.startswith(own) \
                        and ADJECTIVE_ENDING.search(before):
                    continue
                places = [p for p in self._places([city]) if p.country == "UA"]
                if places:
                    place = max(places, key=lambda p: p.population)
                    found.append(_city(place, match.group(2), match.start(2)))
        return found

    def _mention_at(self, text: str, words: list[re.Match], i: int, foreign: list[str],
                    seen: set[str], areas: frozenset[str] = frozenset()) -> tuple[Mention | None, int]:
        word = words[i]
        if i + 2 < len(words) and text[word.end():words[i + 1].start()] == " " == \
                text[words[i + 1].end():words[i + 2].start()]:
            triple = words[i:i + 3]
            # three words a gazetteer name ("Солт Лейк Сіті") are no first name and surname
            places = self._places([m.group(0) for m in triple])
            if places:
                return self._choose(text, places, word.start(), triple[2].end(), seen,
                                    self._areas_after(text, triple[2].end()) or areas), 3
        if i > 0 and text[words[i - 1].end():word.start()] == " " and is_first_name(words[i - 1].group(0)) and \
                not LOCATIVE_BEFORE.search(text, max(0, words[i - 1].start() - 5), words[i - 1].start()):
            # not a town's locative after "у/в/на" that is also a name's dative: "У Києві Житомир і Гдиня …"
            return None, 1
        if _titled(text, word.start(), word.end()) and not self._partner_before_topic(text, word):
            return None, 1
        if i + 1 < len(words) and text[word.end():words[i + 1].start()] == " " and \
                is_name_before_surname(word.group(0), words[i + 1].group(0)):
            return None, 1
        if self._titled_person(text, words, i):
            return None, 2
        previous = re.findall(r"[\w'’-]+", text[max(0, word.start() - 30):word.start()])
        after_noun = bool(previous) and previous[-1].lower().startswith(self.state_nouns)
        spaced = i + 1 < len(words) and text[word.end():words[i + 1].start()] == " "
        if after_noun and spaced:
            state = self._state(f"{word.group(0)} {words[i + 1].group(0)}")
            if state is not None:
                code, name, country = state
                return Mention(code, name, country, text[word.start():words[i + 1].end()], word.start(),
                               words[i + 1].end(), subdivision=code), 2
        if after_noun or seen:
            state = self._state(word.group(0), previous[-1] if after_noun else None)
            if state is not None and (after_noun or state[0] in seen):
                code, name, country = state
                return Mention(code, name, country, word.group(0), word.start(), word.end(), subdivision=code), 1
        if after_noun and previous[-1].lower().startswith(self.region_only_nouns):
            return None, 2 if spaced else 1
        if i + 1 < len(words) and text[word.end():words[i + 1].start()] == " ":
            pair = words[i:i + 2]
            places = self._places([m.group(0) for m in pair])
            if places:
                return self._choose(text, places, word.start(), pair[1].end(), seen,
                                    self._areas_after(text, pair[1].end()) or areas), 2
            row = self._two_words_by_sound(text, pair, foreign)
            if row:
                place = Place(row[0], row[1], row[2], row[3], row[4], True)
                return _city(place, text[word.start():pair[1].end()], word.start()), 2
        nickname = self._nickname(word.group(0))
        if nickname is not None:
            code, name, country = nickname
            return Mention(code, name, country, word.group(0), word.start(), word.end(), subdivision=code), 1
        kind = self._noun_kind(text, word.end()) if ADJECTIVE.match(word.group(0)) else None
        if kind is None and ADJECTIVE.match(word.group(0)) and ELIDED_AFTER.match(text, word.end()) and \
                FROM_BEFORE.search(text, max(0, word.start() - 6), word.start()) and not INSTRUMENTAL.search(word.group(0)):
            oblast = self._oblast(word.group(0))
            if oblast is not None:
                code, name = oblast
                return Mention(code, name, "UA", word.group(0), word.start(), word.end(), subdivision=code), 1
        if kind is None and ADJECTIVE.match(word.group(0)) and self._elided_community(text, word):
            kind = "community"
        if kind == "region" and LOCATED_TOWN.match(text, word.end()) and self._places([word.group(0)]):
            kind = None
        if kind == "region":
            oblast = self._oblast(word.group(0))
            if oblast is not None:
                code, name = oblast
                return Mention(code, name, "UA", word.group(0), word.start(), word.end(), subdivision=code), 1
            region = self._foreign_region(word.group(0))
            if region is not None:
                code, name, country = region
                return Mention(code, name, country, word.group(0), word.start(), word.end(), subdivision=code), 1
            return None, 1
        if kind in ("community", "council"):
            town = self._community_town(word.group(0), seen, abroad=kind == "council",
                                        areas=self._areas_after(text, word.end()) or areas)
            if town is not None:
                return _city(town, word.group(0), word.start()), 1
        if kind is None and not ADJECTIVE.match(word.group(0)) and OTHER_ADJECTIVE.match(word.group(0)) \
                and not re.search(r"(?:^|[.!?\n«\"])\s*$", text[max(0, word.start() - 3):word.start()]) \
                and self._noun_kind(text, word.end()) == "community":
            town = self._named_as_adjective(word.group(0), self._areas_after(text, word.end()) or areas)
            if town is not None:
                return _city(town, word.group(0), word.start()), 1
        places = self._places([word.group(0)])
        if places and self._stray_village(text, word, places, foreign):
            # "чеської Плани": a common word's villages lie elsewhere, but the adjective's country has
            # a town the word is a case form of
            own = self._near_countries(text, word.start(), word.end())[1]
            declined = self._declined_in(word.group(0), own) if own else None
            return (_city(declined, word.group(0), word.start()) if declined else None), 1
        if places:
            return self._choose(text, places, word.start(), word.end(), seen, self._areas_after(text, word.end()) or areas), 1
        near, own = self._near_countries(text, word.start(), word.end())
        declined = self._declined_in(word.group(0), own) if own else None
        if declined is not None:
            return _city(declined, word.group(0), word.start()), 1
        named = list(dict.fromkeys([c for c in near if c != "UA"] + foreign))
        countries = [own] if own else named or self.partner_countries
        row = self._by_sound(word.group(0), countries, own is not None or bool(named) and self._after_town_noun(text, word))
        if row:
            place = Place(row[0], row[1], row[2], row[3], row[4], True)
            return _city(place, word.group(0), word.start()), 1
        return self._district(word), 1

    def _partner_before_topic(self, text: str, word: re.Match) -> bool:
        """A town after "з"/"між"/"та" that a "про" follows is the partner a talk or agreement is with
        ("веде переговори з Генуєю про партнерство", "домовився з Любліном про обмін"), not a
        document's title ("Угоду про співпрацю"): unquoted, and a town of some size."""
        if not PARTNER_BEFORE.search(text, max(0, word.start() - 30), word.start()) or \
                any(text[word.start() - 1:word.start()] == q[0] for q in QUOTES):
            return False
        return any(p.population >= TOPIC_PARTNER_SIZE for p in self._places([word.group(0)]))

    def _after_titled_place(self, text: str, words: list[re.Match], i: int, last: Mention) -> bool:
        """Two capitalised words right after the place of a title ("мер Поважської Бистриці Карол
        Янас", "війт гміни Граєво Єжи Тишка"): the office holder's first name and surname, though
        neither is a Ukrainian name and a town abroad bears the first."""
        if text[last.end:words[i].start()] != " " or i + 1 >= len(words) or \
                text[words[i].end():words[i + 1].start()] != " ":
            return False
        before = SENTENCE_END.split(text[max(0, last.start - 40):last.start])[-1]
        if not any(w.lower().startswith(self.titles) for w in re.findall(r"[\w'’-]+", before)[-2:]):
            return False
        return not self._places([words[i].group(0), words[i + 1].group(0)])

    def _elided_community(self, text: str, word: re.Match) -> bool:
        """A community adjective whose noun the sentence gave once before ("з трьома громадами-партнерами:
        Смілянською з Черкащини, Немішаївською з Київщини", "громади-форпости — Роганська й Савинська",
        "Боярською громадою …, Гайворонською — з Кіровоградської"): no noun follows it, a list word, a
        dash, "з" or a stop does, and a community noun stands earlier in the sentence."""
        if not ELIDED_AFTER.match(text, word.end()):
            return False
        before = SENTENCE_END.split(text[max(0, word.start() - 200):word.start()])[-1].lower()
        return bool(COMMUNITY_NOUN.search(before))

    def _named_as_adjective(self, adjective: str, areas: frozenset[str]) -> Place | None:
        """"Агрономічною громадою" is the community of Агрономічне: a village named by an adjective
        other than -ськ- is that adjective in the nominative of any gender, in Ukraine."""
        from .morph import analyzer

        forms = set()
        for parse in analyzer().parse(adjective.lower()):
            if parse.tag.POS in ("ADJF", "PRTF"):
                for gender in ("masc", "femn", "neut"):
                    inflected = parse.inflect({gender, "nomn"})
                    if inflected is not None:
                        forms.add(inflected.word)
        candidates = tuple(p for form in sorted(forms) for p in self.gazetteer.find(form) if p.country == "UA")
        return _at_home(candidates, areas) if candidates else None

    def _stray_village(self, text: str, word: re.Match, places: tuple[Place, ...], foreign: list[str]) -> bool:
        """A common Ukrainian word ("План дій") that is only the Cyrillic alias of small villages
        abroad (Plasnes, 659 people), in a document that names none of their countries: the word."""
        if not all(p.country != "UA" and p.population < STRAY_VILLAGE for p in places) or \
                not is_common_word(word.group(0)):
            return False
        near, own = self._near_countries(text, word.start(), word.end())
        return not {p.country for p in places} & {own, *near, *foreign}

    def _after_town_noun(self, text: str, word: re.Match) -> bool:
        """True when a municipality's common noun stands right before the word ("комуна Мілішівці"),
        a word that is no country ("міста Румунії") and no common word."""
        before = re.findall(r"[\w'’-]+", text[max(0, word.start() - 20):word.start()])
        return bool(before) and text[word.start() - 1:word.start()] == " " and \
            before[-1].lower().startswith(self.town_nouns) and before[-1][:1].islower() and \
            not self.country_of(word.group(0)) and not is_common_word(word.group(0)) and \
            not is_function_word(word.group(0))

    def _titled_person(self, text: str, words: list[re.Match], i: int) -> bool:
        """A title (``roles.jsonl`` "title" rows: "міський голова", "мер", "війт"), one of the two words
        before a word that
        can be a first name and a second capitalised word ("голова громади Богдан Ковель"): a person
        (first name and surname), even when the surname is a town's name. Not when the two words name
        a place together."""
        if i + 1 >= len(words) or text[words[i].end():words[i + 1].start()] != " ":
            return False
        before = SENTENCE_END.split(text[max(0, words[i].start() - 40):words[i].start()])[-1]
        if not any(w.lower().startswith(self.titles) for w in re.findall(r"[\w'’-]+", before)[-2:]):
            return False
        return may_be_first_name(words[i].group(0)) and not self._places([words[i].group(0), words[i + 1].group(0)])

    def _two_words_by_sound(self, text: str, pair: list[re.Match], foreign: list[str]) -> tuple | None:
        """A foreign name of two words GeoNames has no Cyrillic name for ("Папове Біскупе"), by the
        sound of both: only when the second word is no Ukrainian word (or one read only as a
        vocative) and no place of its own (a name's tail: "Ілліт", "Біскупе"), and the first is no
        country ("в Україні Енн Хоппер"), in a country named near it or in the
        document. The longer key may sound a little further off than one word's (``TWO_WORD_RATIO``)."""
        first, second = pair[0].group(0), pair[1].group(0)
        if self.not_places.intersection(self._forms(first)) or self.country_of(first):
            return None
        if RUSSIAN_LETTERS.search(text[pair[0].start():pair[1].end()]) or \
                is_known(second) and not only_names(second, fixed_only=True) and not only_vocative(second) \
                or self._places([second]):
            return None
        near, own = self._near_countries(text, pair[0].start(), pair[1].end())
        countries = [own] if own else list(dict.fromkeys([c for c in near if c != "UA"] + foreign))
        if not countries:
            return None
        return self.sounds.find(cyrillic_key(f"{pair[0].group(0)}-{second}"), countries, min_ratio=TWO_WORD_RATIO)

    def _declined_in(self, word: str, country: str) -> Place | None:
        """The largest town of the country a country adjective names ("французької Обени", "чеській
        Плані", "італійській Перці") whose Cyrillic name a case ending of the word allows, after a town
        that sounds exactly like the word and before one that sounds nearly like it: a word the dictionary knows ("Плани": plans) is read as a case
        form too, since the adjective says a town of that country follows."""
        row = self._by_sound(word, [country], True, exact=True)
        if row:
            # a town that sounds exactly like the word ("французьким Валансом": Valence) comes first
            return Place(row[0], row[1], row[2], row[3], row[4], True)
        forms = dict.fromkeys((*_guessed_forms(word), *self._declined(word)))
        found = [p for form in forms for p in self.gazetteer.find(form) if p.country == country]
        return max(found, key=lambda p: p.population) if found else None

    def _district(self, word: re.Match) -> Mention | None:
        """A city's district named after the city with a hyphen ("Прага-Ржепориє", "Варшава-Урсинів"),
        GeoNames listing the district as a place of its own: the district, found by name or by
        sound in the city's country, is the party, not the city. Abroad only: "Київ-Бровари" is a road."""
        city, _, district = word.group(0).partition("-")
        if not district or "-" in district:
            return None
        countries = {p.country for p in self._places([city]) if p.population >= DISTRICT_CITY and p.country != "UA"}
        for country in countries:
            place = next((p for p in self._places([district]) if p.country == country), None)
            row = None if place else self._by_sound(district, [country], True)
            place = place or (Place(row[0], row[1], row[2], row[3], row[4], True) if row else None)
            if place is not None:
                return _city(place, word.group(0), word.start())
        return None

    def _choose(self, text: str, places: tuple[Place, ...], start: int, end: int,
                seen: set[str], areas: frozenset[str] = frozenset()) -> Mention | None:
        """A place the document already named, else the homonym in the country that qualifies it
        ("Борна (ФРН)", even after "Мілвокі (США), "), else in a country named next to it,
        else the largest in Ukraine unless a foreign one dwarfs it (``HOME_RATIO``). When a country qualifies the place ("з чеським Табором") and no
        homonym lies there, the town is looked for by sound in that country, and is no place
        of the gazetteer's other countries."""
        near, own = self._near_countries(text, start, end)
        chosen = next((p for p in places if str(p.geonames_id) in seen), None)
        if chosen is None and own and not any(p.country == own for p in places):
            chosen = self._declined_in(text[start:end], own) if " " not in text[start:end] else None
            row = self._by_sound(text[start:end], [own], True) if " " not in text[start:end] and chosen is None else None
            if row is None and chosen is None:
                return None
            chosen = chosen or Place(row[0], row[1], row[2], row[3], row[4], True)
        if chosen is None:
            chosen = next((p for c in ([own] if own else []) + near for p in places if p.country == c), None) \
                or _at_home(places, areas)
        return _city(chosen, text[start:end], start)


LOCATED_TOWN = re.compile(r" [А-ЯІЇЄҐ][\w'’ʼ-]*(?:ськ|цьк|зьк)(?:ої|ого|ій|ому)\s+(?:област|обл\.|район|повіт|воєводств|краю)")
"""A town's genitive that looks like an adjective, right before its oblast ("до Луцька Волинської
області"): the town, located by the oblast, not a region adjective heading a list."""
FROM_BEFORE = re.compile(r"\b(?:з|із|зі)\s+$")
"""An oblast's adjective after "з" with its noun elided ("Гайворонською — з Кіровоградської"): the oblast."""
INSTRUMENTAL = re.compile(r"(?:ою|им|ими)$")
""""з" with the instrumental is "with" ("з Херсонською": a partner community), with the genitive
"from" ("— з Київської": the oblast a community is in)."""
ELIDED_AFTER = re.compile(r"\s*(?:[,;:—–).!?]|\s-\s|$|(?:з|із|зі|та|і|й|в|у|на|за|для|щодо)\s)")
COMMUNITY_NOUN = re.compile(r"\bгромад|\bотг\b|\bтг\b")
"""The community noun an elided list refers back to."""
OTHER_ADJECTIVE = re.compile(r"^[А-ЯІЇЄҐ][а-яіїєґ'’ʼ-]{3,}(?:ий|ій|а|я|е|є|ого|ього|ої|ьої|ому|ьому|ім|им|ою|ьою)$")
"""An adjective of another shape than -ськ- ("Агрономічною", "Зеленою"): a village's name when a
community noun follows, unless it opens a sentence ("Великою громадою …")."""
QUOTED_NAME = re.compile(r"«((?:[^\W\d_][\w'’-]*)(?:\s+[\w'’-]+){1,3})»")
"""A short quoted name of two to four words, with no dash or stop ("єврорегіон «Верхній Прут»",
"форум «Буковинський діалог»"): an organisation's or event's name, not a place; a quote with
a dash ("«Люблін — Луцьк»") or a sentence (direct speech) is left alone."""
QUOTES = ("«»", "“”", '""', "„“")
"""Quotation marks around a name make it a party's, paper's or project's name («Свобода»)."""

TOPIC_AFTER = re.compile(r"\s+про\s")
""""Лист про наміри": a capitalised noun followed by "про" (about) names a document."""


PARTNER_BEFORE = re.compile(r"(?:^|(?<=\s))(?:[Зз]|[Іі]з|[Зз]і|[Мм]іж|та|і|й) (?:[а-яіїєґ'’]+(?:ськ|цьк|зьк)[а-яіїєґ]* )?$")
TOPIC_PARTNER_SIZE = 20000
"""A town after "з" that "про" follows is a partner when it has at least so many people (no
document noun is one)."""

LOCATIVE_BEFORE = re.compile(r"(?:^|(?<=[\s(]))(?:[УуВв]|[Нн]а|[Пп]ри|[Пп]о) $")


CASE_ENDINGS = ("ами", "ями", "ові", "еві", "єві", "ою", "ею", "єю", "ом", "ем", "єм", "ах", "ях",
                "а", "я", "у", "ю", "і", "и", "ї", "е")
"""Case endings of nouns the dictionary does not know (a foreign town's "Сонча", "Сончі"): taken off,
the stem is tried bare and with a nominative ending."""
NOMINATIVE_ENDINGS = ("", "а", "я", "е", "о")


@lru_cache(maxsize=65536)
def _guessed_forms(word: str) -> tuple[str, ...]:
    """Nominatives of a word the dictionary does not know, by its case ending: "Сонча", "Сончі" ->
    "сонч" (Новий Сонч), "Ополя" -> "ополе"; the word itself first."""
    lowered = word.lower().replace("’", "'").replace("ʼ", "'")
    forms = [lowered, *nominatives(word)]
    for ending in CASE_ENDINGS:
        if lowered.endswith(ending) and len(lowered) - len(ending) >= 3:
            stem = lowered[:-len(ending)]
            forms.extend(stem + n for n in NOMINATIVE_ENDINGS)
    return tuple(dict.fromkeys(forms))


def _unlisted(word: str) -> bool:
    """A word the dictionary lacks, or knows only as a name, surname or foreign word ("Вінник",
    "Теодосії"), but no place adjective and no person's name as written ("Солодка", a surname's
    nominative): its case form is guessed from its ending (``PlaceFinder._declined``)."""
    plain = word.replace("’", "'").replace("ʼ", "'")
    if ADJECTIVE.match(plain.rpartition("-")[2]):
        return False  # "Вінницька делегація": a place adjective is the community and oblast rules' to read
    return not is_known(plain) or not is_common_word(plain) and not is_declined_name(plain)


CLOSED_SYLLABLE = re.compile(r"([оеє])([бвгґджзклмнпрстфхцчшщ]ь?)$")


def _alternated_closed(stem: str) -> Iterator[str]:
    """The stem with its last syllable's о, е as і and є as ї, as a masculine nominative closes it:
    "жадов" -> "жадів", "тернопол" -> "тернопіл", "коцюбієв" -> "коцюбіїв"."""
    match = CLOSED_SYLLABLE.search(stem)
    if match:
        yield stem[:match.start(1)] + ("ї" if match.group(1) == "є" else "і") + match.group(2)


def _titled(text: str, start: int, end: int) -> bool:
    """Is the word at ``start:end`` a quoted name or the head of a document's title, not a place?"""
    before, after = text[start - 1:start], text[end:end + 1]
    return any(before == q[0] and after == q[1] for q in QUOTES) or bool(TOPIC_AFTER.match(text, end))


def _at_home(places: tuple[Place, ...], areas: frozenset[str] = frozenset()) -> Place:
    """The largest Ukrainian candidate in an oblast the document names (``areas``, GeoNames admin1
    codes), else the largest Ukrainian one, unless a foreign one is ``HOME_RATIO`` times larger."""
    local = [p for p in places if p.country == "UA" and p.admin1 in areas]
    home = max(local or (p for p in places if p.country == "UA"), key=lambda p: p.population, default=None)
    foreign = max((p for p in places if p.country != "UA"), key=lambda p: p.population, default=None)
    if home is None or foreign is not None and foreign.population > HOME_RATIO * home.population:
        return foreign
    return home


def _subdivision_type(code: str) -> str | None:
    sub = pycountry.subdivisions.get(code=code)
    return sub.type if sub else None


def _foreign_subdivisions(alternatives: dict[str, list[tuple[str, str, str]]] | None = None
                          ) -> dict[str, tuple[str, str, str]]:
    """Lower-case Ukrainian name -> (ISO 3166-2 code, name, country) of every foreign country's
    subdivisions, from pycountry's Ukrainian translations (a name without one is left out): "огайо",
    "долж", "західнопоморське воєводство", and for a name of adjective and noun also the adjective's
    stem, keyed "~західнопоморськ", which any case and any region noun may follow ("Вільнюського
    регіону" for "Вільнюський повіт"). Top-level subdivisions win a shared key. A
    republic is also keyed by its bare name ("Республіку Комі": "комі"), read only after its noun
    (``state_nouns``)."""
    import gettext

    try:
        translate = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["uk"]).gettext
    except OSError:
        return {}
    found: dict[str, tuple[str, str, str]] = {}
    subdivisions = sorted((s for s in pycountry.subdivisions if s.country_code != "UA"),
                          key=lambda s: s.parent_code is not None)
    derived: dict[str, tuple[str, str, str]] = {}
    for sub in subdivisions:
        local = translate(sub.name)
        if local == sub.name:
            continue
        value = (sub.code, sub.name, sub.country_code)
        found.setdefault(local.lower(), value)
        if alternatives is not None:
            alternatives.setdefault(local.lower(), []).append(value)
        first, _, rest = local.partition(" ")
        adjective = ADJECTIVE.match(first)
        if adjective and rest:
            found.setdefault("~" + adjective.group(1).lower(), value)
        elif not rest and not adjective and sub.parent_code is None:
            derived.setdefault("~" + _adjective_stem(local.lower()), value)
        elif first.lower() == "республіка" and rest:
            derived.setdefault(rest.lower(), value)
    for key, value in derived.items():
        found.setdefault(key, value)
    return found


def _adjective_stem(name: str) -> str:
    """The adjective stem Ukrainian forms from a region's bare name, for a county or land named by
    adjective and noun: "Сучава" -> "сучавськ" ("Сучавського повіту"), "Ботошані" -> "ботошанськ",
    "Баварія" -> "баварськ", "Сабольч-Сатмар-Берег" -> "сабольч-сатмар-березьк" (г, ж, з + ськ -> зьк; к, ч, ц -> цьк;
    х, ш, с -> ськ)."""
    stem = re.sub(r"(?:ія|[аяеєіїоуиь])$", "", name)
    if stem[-1:] in "гжз":
        return stem[:-1] + "зьк"
    if stem[-1:] in "кчц":
        return stem[:-1] + "цьк"
    if stem[-1:] in "хшс":
        return stem[:-1] + "ськ"
    return stem + "ськ"


LOOSE = str.maketrans({"ь": None, "'": None, "’": None, "є": "е", "ї": "о", "і": "о", "и": "о"})


def _loose(key: str) -> str:
    """A region adjective's key spelled loosely: soft signs and apostrophes dropped, є as е, і and ї
    as о (the alternation of "Могилів"/"Могильовська"), ц before с dropped ("Констанцський"), so
    "Свєнтокшиського" finds "Свентокшиське"
    and "Саболч-Сатмар-Березької" the key built from "Сабольч-Сатмар-Берег"; и as о too, and a compound's
    hyphen and linking "-сько-" as "-о-", so "Мораво-Сілезьким краєм" finds "Моравськосилезький край"."""
    return re.sub(r"ско(?=[а-яіїєґ])", "о", key.translate(LOOSE).replace("цс", "ц").replace("-", ""))


ALTERNATION = {"є": "ї", "е": "і", "о": "і"}
"""The і of a town's closed syllable opens in its adjective: "Дунаївці" gives "Дунаєвецька",
"Чемерівці" "Чемеровецька". The adjective's last е, є, о are tried as і, ї."""


def _alternated(stem: str) -> Iterator[str]:
    """The stem with the vowel of its last syllable alternated back ("дунаєв" -> "дунаїв")."""
    for i in range(len(stem) - 1, max(0, len(stem) - 4), -1):
        if stem[i] in ALTERNATION:
            yield stem[:i] + ALTERNATION[stem[i]] + stem[i + 1:]
            return


def _combinations(options: list[tuple[str, ...]]) -> Iterator[tuple[str, ...]]:
    if not options:
        yield ()
        return
    for head in options[0]:
        for tail in _combinations(options[1:]):
            yield (head, *tail)
