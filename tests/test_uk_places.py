"""Ukrainian places: sound keys for foreign towns GeoNames has no Cyrillic name for, hyphenated
names, communities and oblasts named by adjective, a country adjective choosing the homonym,
and words that only look like places."""

from __future__ import annotations

import pytest

from twin_extract.uk.patterns import rows
from twin_extract.uk.translit import cyrillic_key, latin_key


def _rules(country: str) -> list[tuple[str, str]]:
    table = rows("latin_sounds.jsonl")
    return [(r["from"], r["to"]) for r in table if country in r["countries"]] + \
        [(r["from"], r["to"]) for r in table if "*" in r["countries"]]


@pytest.mark.parametrize("cyrillic, latin, country", [
    ("Ржешув", "Rzeszów", "PL"),
    ("Щецин", "Szczecin", "PL"),
    ("Віченца", "Vicenza", "IT"),
    ("Беневенто", "Benevento", "IT"),
    ("Шартр", "Chartres", "FR"),
    ("Лімож", "Limoges", "FR"),
    ("Шверін", "Schwerin", "DE"),
    ("Тімішоара", "Timişoara", "RO"),
    ("Пльзень", "Plzeň", "CZ"),
    ("Коїмбра", "Coimbra", "PT"),
    # German sp, st at a word's start
    ("Шпандау", "Spandau", "DE"),
    ("Штутгарт", "Stuttgart", "DE"),
])
def test_sound_keys_meet(cyrillic: str, latin: str, country: str) -> None:
    assert cyrillic_key(cyrillic) == latin_key(latin, _rules(country))


@pytest.fixture(scope="module")
def extractor():
    from twin_extract.pipeline import Extractor

    return Extractor()


def _pairs(extractor, text: str) -> set[frozenset[str]]:
    return {frozenset(f"{p.name}/{p.country}" for p in r.parties) for r in extractor.extract(text, lang="uk")}


@pytest.mark.parametrize("text, expected", [
    # a hyphenated French town with a Cyrillic name in GeoNames
    ("Бориспіль підписав угоду про партнерство з французьким містом Сен-Мало.",
     {frozenset({"Boryspil/UA", "Saint-Malo/FR"})}),
    # a small Italian town GeoNames spells only in Latin letters: found by sound in Italy
    ("Ірпінь підписав угоду про побратимство з італійським містом Кастельфранко-Венето.",
     {frozenset({"Irpin/UA", "Castelfranco Veneto/IT"})}),
    # the country adjective picks the Canadian Windsor, not the larger homonyms
    ("Житомир підписав угоду про партнерство з канадським Віндзором.",
     {frozenset({"Zhytomyr/UA", "Windsor/CA"})}),
    # communities named by adjective, a list sharing one noun
    ("Бучанська громада уклала меморандуми про співпрацю з Ковельською, Рахівською та Бродівською громадами.",
     {frozenset({"Bucha/UA", "Kovel/UA"}), frozenset({"Bucha/UA", "Rakhiv/UA"}),
      frozenset({"Bucha/UA", "Brody/UA"})}),
    # the adjective is the town's own name; с and к of the town merge into -ськ-/-цьк-
    ("Хмельницька міська рада припинила дію угоди про побратимство з російським Підольськом.",
     {frozenset({"Khmelnytskyi/UA", "Podolsk/RU"})}),
    ("Черкаська міська рада ухвалила рішення про побратимство з містом Гранада (Іспанія).",
     {frozenset({"Cherkasy/UA", "Granada/ES"})}),
    ("Кременчуцька міська рада розірвала угоду з російським Ногінськом.",
     {frozenset({"Kremenchuk/UA", "Noginsk/RU"})}),
    ("Рівненська міська рада підписала угоду про партнерство з литовським містом Паневежис.",
     {frozenset({"Rivne/UA", "Panevėžys/LT"})}),
    # е before -ве of the town is і before -вськ- (Мукачеве); a town in -ія keeps й (Олександрія)
    ("Мукачівська громада підписала угоду про партнерство з угорським містом Ніредьгаза.",
     {frozenset({"Mukachevo/UA", "Nyíregyháza/HU"})}),
    ("Олександрійська міська рада уклала договір про дружбу з англійським Батом.",
     {frozenset({"Oleksandriya/UA", "Bath/GB"})}),
    # a country adjective qualifies the name after it, or after a common noun, not a name after a name
    ("Меморандум з польським Любліном Луцьк підписав ще минулого року.",
     {frozenset({"Lutsk/UA", "Lublin/PL"})}),
    # a council head's masculine adjective names the town as the feminine one does
    ("Городнянський міський голова підписав меморандум про співпрацю з польським Хелмно.",
     {frozenset({"Horodnia/UA", "Chełmno/PL"})}),
    ("Бучанський міський голова підписав угоду про партнерство з литовським Тракаєм.",
     {frozenset({"Bucha/UA", "Trakai/LT"})}),
    ("Рівненський міський голова уклав угоду про співпрацю з польським Любліном.",
     {frozenset({"Rivne/UA", "Lublin/PL"})}),
    # a Russian town GeoNames spells only in Russian: Ukrainian -ськ is its -ск
    ("Луцьк розірвав угоду про побратимство з Красноярськом.",
     {frozenset({"Lutsk/UA", "Krasnoyarsk/RU"})}),
    ("Полтава припинила побратимство з Подольськом.",
     {frozenset({"Poltava/UA", "Podolsk/RU"})}),
    # a name of three words, spaced where GeoNames hyphenates, though its first two look like a person
    ("Луцьк підписав угоду з містом Сан Луїс Обіспо.", {frozenset({"Lutsk/UA", "San Luis Obispo/US"})}),
    # a foreign name of two words by the sound of both, its tail no Ukrainian word of its own
    ("Луцьк підписав угоду з польським містом Кросно Оджанське.", {frozenset({"Lutsk/UA", "Krosno Odrzańskie/PL"})}),
    ("Луцьк підписав угоду з польською гміною Ґура Кальварія.", {frozenset({"Lutsk/UA", "Góra Kalwaria/PL"})}),
    ("Рівне підписало угоду з польськими гмінами Бжег Дольни та Кросно Оджанське.",
     {frozenset({"Rivne/UA", "Brzeg Dolny/PL"}), frozenset({"Rivne/UA", "Krosno Odrzańskie/PL"})}),
])
def test_places_found(extractor, text: str, expected: set) -> None:
    assert _pairs(extractor, text) == expected


@pytest.mark.parametrize("text, expected", [
    # the town keeps its -цьк and its plural -івці behind the community's adjective
    ("Шацька селищна громада підписала меморандум про співпрацю з польським Любліном.",
     {frozenset({"Shatsk/UA", "Lublin/PL"})}),
    ("Трибухівська сільська громада уклала угоду про партнерство з польським Любліном.",
     {frozenset({"Trybukhivtsi/UA", "Lublin/PL"})}),
    # ш + ськ gives ськ
    ("Калуська громада підписала меморандум з німецьким Ліппштадтом.",
     {frozenset({"Kalush/UA", "Lippstadt/DE"})}),
    # a town in -о takes -вськ-: Дніпро, not the village Дніпровка
    ("Дніпровська міська рада розірвала угоду про побратимство з російською Самарою.",
     {frozenset({"Dnipro/UA", "Samara/RU"})}),
    # a council may be foreign when its town dwarfs the Ukrainian homonyms
    ("Паризька міська рада схвалила угоду про співробітництво з Києвом.",
     {frozenset({"Kyiv/UA", "Paris/FR"})}),
    # the town the document names itself, not the larger district of the same adjective
    ("Сесія відбулася в м. Богодухів. Богодухівська міська рада підписала меморандум з польським Любліном.",
     {frozenset({"Bohodukhiv/UA", "Lublin/PL"})}),
    # є before -ве is ї before -вськ-
    ("Немішаївська громада та польське місто Радзимін відтепер побратими.",
     {frozenset({"Nemishaieve/UA", "Radzymin/PL"})}),
    # the і of the town's closed syllable opens in the adjective: Дунаївці, Чемерівці
    ("Чемеровецька громада підписала меморандум про партнерство з Дунаєвецькою громадою.",
     {frozenset({"Chemerivtsi/UA", "Dunayivtsi/UA"})}),
    # -ки gives -цька: П'ядики
    ("Чаплинська та П’ядицька громади підписали меморандум про співпрацю.",
     {frozenset({"Chaplynka/UA", "Piadyky/UA"})}),
    # a village named by another adjective than -ськ-, before a community noun
    ("Луцька громада підписала меморандум про партнерство з Агрономічною громадою Вінниччини.",
     {frozenset({"Lutsk/UA", "Ahronomichne/UA"})}),
])
def test_the_town_behind_a_community_adjective(extractor, text: str, expected: set) -> None:
    assert _pairs(extractor, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a Ukrainian homonym of about the same size wins in a Ukrainian text
    ("Шацьк підписав угоду про партнерство з естонським Ріуге.", {frozenset({"Shatsk/UA", "Rõuge/EE"})}),
    # ... unless the foreign town dwarfs it
    ("Київ і Париж підписали угоду про співпрацю.", {frozenset({"Kyiv/UA", "Paris/FR"})}),
])
def test_homonyms_at_home_unless_dwarfed(extractor, text: str, expected: set) -> None:
    assert _pairs(extractor, text) == expected


@pytest.mark.parametrize("text, expected", [
    # no country named: a town GeoNames spells only in Latin is looked for in the usual partner countries
    ("Вінниця і Нансі підписали угоду про побратимство.", {frozenset({"Vinnytsya/UA", "Nancy/FR"})}),
    ("Вінниця та Біркенгед є містами-побратимами.", {frozenset({"Vinnytsya/UA", "Birkenhead/GB"})}),
    # a common word is still no town
    ("Вінниця підписала угоду про співпрацю. Документ передбачає обмін досвідом.", set()),
])
def test_partner_countries_when_none_is_named(extractor, text: str, expected: set) -> None:
    assert _pairs(extractor, text) == expected


@pytest.mark.parametrize("text, expected", [
    # the oblast or district named right after a community picks the homonym there
    ("Любарська селищна ОТГ підписала меморандум із Жданівською сільською ОТГ Вінницької області.",
     {frozenset({"Liubar/UA", "Viitivtsi/UA"})}),
    ("Новоселицька міська рада Чернівецького району підписала угоду з румунською комуною Апа.",
     {frozenset({"Novoselytsya/UA", "Apa/RO"})}),
    # е inserted before -цьк-: Чернівецька is Чернівці
    ("Чернівецька міська рада розірвала угоду про побратимство з Подольськом.",
     {frozenset({"Chernivtsi/UA", "Podolsk/RU"})}),
])
def test_the_oblast_after_a_community_picks_its_homonym(extractor, text: str, expected: set) -> None:
    assert _pairs(extractor, text) == expected


@pytest.mark.parametrize("text, expected", [
    # Ukrainian -ів is Russian -ев/-ов in a name GeoNames spells in Russian only
    ("Кишинів може стати побратимом Чернівців.", {frozenset({"Chisinau/MD", "Chernivtsi/UA"})}),
    ("Примар Кишинева готовий підписати угоду з Рівним.", {frozenset({"Chisinau/MD", "Rivne/UA"})}),
    ("Луцьк розірвав угоду про побратимство з Саратовом.", {frozenset({"Lutsk/UA", "Saratov/RU"})}),
    ("Полтава припинила побратимство з Новокузнецьком.", {frozenset({"Poltava/UA", "Novokuznetsk/RU"})}),
    # Ukrainian і is Russian и: "Нижній Тагіл" is GeoNames' "Нижний Тагил"
    ("Кривий Ріг розірвав побратимство з Нижнім Тагілом.", {frozenset({"Kryvyy Rih/UA", "Nizhny Tagil/RU"})}),
    # ... and further abroad, where GeoNames' only Cyrillic name is Russian too
    ("Луцьк підписав угоду з Карвіною.", {frozenset({"Lutsk/UA", "Karviná/CZ"})}),
    ("Луцьк підписав угоду з Дєчином.", {frozenset({"Lutsk/UA", "Děčín/CZ"})}),
    ("Луцьк підписав угоду з Вірцбургом.", {frozenset({"Lutsk/UA", "Würzburg/DE"})}),
])
def test_a_russian_spelling_of_the_name(extractor, text: str, expected: set) -> None:
    assert _pairs(extractor, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a German or Austrian Land locates the partner; it is no party
    ("У федеральній землі Форарльберг Яремче підписало договір про дружбу з Брегенцом.",
     {frozenset({"Yaremche/UA", "Bregenz/AT"})}),
    ("Під час візиту до землі Форарльберг (Австрія) підписали договір про дружбу між Яремчем і Брегенцом.",
     {frozenset({"Yaremche/UA", "Bregenz/AT"})}),
])
def test_a_land_is_context(extractor, text: str, expected: set) -> None:
    assert _pairs(extractor, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a foreign region by its adjective before a region noun, in any case
    ("Львівська область уклала угоду про співпрацю з Підкарпатським воєводством.",
     {frozenset({"UA-46", "PL-18"})}),
    ("Житомирська обласна рада та Кошицький край уклали угоду про співробітництво.",
     {frozenset({"UA-18", "SK-KI"})}),
    # ... or named after the noun; "між" names both parties
    ("Вінницька обласна рада уклала угоду з повітом Ясси.", {frozenset({"UA-05", "RO-IS"})}),
    ("Угода між Чернівецькою областю та повітом Сучава діє з 2000 року.", {frozenset({"UA-77", "RO-SV"})}),
    # after a preposition of place, a bracket or the town it locates, the region is context
    ("Віндзор у канадській провінції Онтаріо став побратимом Куп'янська.", set()),
    ("Куп'янськ уклав угоду з комуною Апа повіту Сату-Маре.", set()),
    ("Громада підписала меморандум з ґміною Бранево Вармінсько-Мазурського воєводства.", set()),
])
def test_foreign_regions(extractor, text: str, expected: set) -> None:
    found = {frozenset(p.subdivision for p in r.parties if p.subdivision) for r in extractor.extract(text, lang="uk")}
    assert found - {frozenset()} == expected


@pytest.mark.parametrize("text, expected", [
    # an oblast by its -щина name
    ("Черкащина та Одещина підписали угоду про міжрегіональну співпрацю.", {frozenset({"UA-71", "UA-51"})}),
    ("Хмельниччина та штат Мейн підписали угоду про побратимство.", {frozenset({"UA-68", "US-ME"})}),
    ("Львівщина уклала угоду про співпрацю з Підкарпатським воєводством.", {frozenset({"UA-46", "PL-18"})}),
    # ... a place, not a party, after "на" or in brackets
    ("Шумська громада на Тернопільщині уклала меморандум з Кочубеївською громадою.", set()),
    ("Тростянець підписав меморандуми з Чортківською (Тернопільщина) та Жовківською (Львівщина) громадами.",
     set()),
    # a foreign region named once after its noun is that region when named alone later
    ("Хмельниччина отримала допомогу від штату-побратима Міссісіпі. Побратимство між Хмельницькою "
     "областю та Міссісіпі встановили у 2022 році.", {frozenset({"UA-68", "US-MS"})}),
])
def test_oblast_nicknames_and_regions_named_again(extractor, text: str, expected: set) -> None:
    found = {frozenset(p.subdivision for p in r.parties if p.subdivision) for r in extractor.extract(text, lang="uk")}
    assert found - {frozenset()} == expected


@pytest.mark.parametrize("text, expected", [
    # oblast councils that sign are parties, each with each
    ("Львівська та Волинська обласні ради уклали меморандум про співпрацю.",
     {frozenset({"UA-46", "UA-07"})}),
    # oblasts that only locate communities are not
    ("Громади Львівської та Волинської областей підписали меморандум про співпрацю.", set()),
    # the romanisation's "ts" of т + с ("Zakarpatska") is no ц
    ("Закарпатська та Львівська обласні ради уклали меморандум про співпрацю.",
     {frozenset({"UA-21", "UA-46"})}),
    # a US state named after "штат" is a region, a party to an oblast's tie
    ("Волинська область уклала угоду про побратимство зі штатом Огайо.",
     {frozenset({"UA-07", "US-OH"})}),
    ("У березні Одеська область встановила побратимські відносини зі штатом Вашингтон.",
     {frozenset({"UA-51", "US-WA"})}),
])
def test_oblasts(extractor, text: str, expected: set) -> None:
    found = {frozenset(p.subdivision for p in r.parties) for r in extractor.extract(text, lang="uk")}
    assert found == expected


@pytest.mark.parametrize("text", [
    # a person's name, even where a town bears it
    "Університет імені Тараса Шевченка підписав меморандум про співпрацю з Любліном.",
    # a preposition opening the sentence is no village
    "Перед підписанням угоди про партнерство Житомир чекав гостей.",
    # a town in brackets after a quoted name locates a club or school, not a party
    "Футбольний клуб «Волинь» (Луцьк) підписав угоду про співпрацю з клубом «Мотор» (Люблін).",
])
def test_not_places(extractor, text: str) -> None:
    assert _pairs(extractor, text) == set()


@pytest.mark.parametrize("text, word", [
    # a quoted name is a party's or a paper's; a capitalised noun before "про" heads a document's title
    ("Депутати від «Свободи» запропонували розірвати угоду про побратимство.", "Свободи"),
    ("Під час візиту сторони підписали Лист про наміри щодо побратимства.", "Лист"),
])
def test_titles_are_not_places(extractor, text: str, word: str) -> None:
    assert word not in {m.text for m in extractor.ukrainian.places.mentions(text)}


@pytest.mark.parametrize("text, expected", [
    # a foreign city's district after the city and a hyphen is the party
    ("Луцьк і Прага-Ржепориє підписали угоду про партнерство.", {frozenset({"Lutsk/UA", "Řeporyje/CZ"})}),
    ("Луцьк підписав угоду про співпрацю з Варшавою-Урсиновом.", {frozenset({"Lutsk/UA", "Ursynów/PL"})}),
    # a road between two Ukrainian towns is no place
    ("Луцьк підписав угоду про ремонт траси Київ-Бровари.", set()),
])
def test_a_citys_district_after_a_hyphen(extractor, text: str, expected: set) -> None:
    assert _pairs(extractor, text) == expected


@pytest.mark.parametrize("later, expected", [
    # the one oblast the story names elsewhere picks the headline's homonym
    ("Це вже третій закордонний партнер громади Чернівецького району.", "Novoselytsya"),
    ("Громада розташована у Чернівецькій області.", "Novoselytsya"),
    # none named: the largest Ukrainian homonym
    ("Це вже третій закордонний партнер громади.", "Samar"),
])
def test_the_documents_one_oblast_picks_a_homonym(extractor, later: str, expected: str) -> None:
    text = f"Новоселицька громада підписала угоду з румунським містом Сучава.\n\n{later}"
    assert _pairs(extractor, text) == {frozenset({f"{expected}/UA", "Suceava/RO"})}


@pytest.mark.parametrize("text, word", [
    # a first name before a surname is a person, though a village bears the name
    ("Угоду підписали мер міста Георге Томеску та голова громади.", "Георге"),
    ("Голова громади зустрівся з очільницею комуни Марією Гуцу.", "Марією"),
])
def test_a_first_name_before_a_surname_is_no_place(extractor, text: str, word: str) -> None:
    assert word not in {m.text for m in extractor.ukrainian.places.mentions(text)}


def test_the_ukrainian_extractor_pickles(extractor) -> None:
    """Like the gazetteer, so a process pool may ship it: the sound matcher reopens its index."""
    import pickle

    from twin_extract.record import NewsItem

    text = "Житомир підписав угоду з польським Жиракувом."
    copy = pickle.loads(pickle.dumps(extractor.ukrainian))
    assert [r.parties[1].name for r in copy.records(NewsItem(text=text, id="a"))] == ["Żyraków"]


@pytest.mark.parametrize("text, expected", [
    # a region the noun introduces, by a loose spelling (є for е)
    ("Рівне має угоду.", set()),
    ("Рівненська область уклала угоду про співпрацю з департаментом Майєнн (Франція).", {"UA-56", "FR-53"}),
    # a two-word name after the noun
    ("Рівненська область уклала угоду про співпрацю із землею Верхня Австрія.", {"UA-56", "AT-4"}),
])
def test_regions_after_a_region_noun(extractor, text: str, expected: set) -> None:
    found = {p.subdivision for r in extractor.extract(text, lang="uk") for p in r.parties}
    assert found == expected


@pytest.mark.parametrize("text", [
    "Рівненська область затвердила програму співпраці з округом Верхня Франконія (Німеччина).",
    "Рівненська область уклала угоду з округом Швабія.",
])
def test_a_region_without_a_code_after_its_noun_is_no_town(extractor, text: str) -> None:
    assert not any(p.type == "city" for r in extractor.extract(text, lang="uk") for p in r.parties)


@pytest.mark.parametrize("text, expected", [
    # a compound adjective names a two-word town
    ("Липоводолинська громада підписала меморандум про співпрацю з Ралівською громадою.",
     {frozenset({"Lypova Dolyna/UA", "Ralivka/UA"})}),
    ("Новоушицька громада уклала угоду про партнерство з Ралівською громадою.",
     {frozenset({"Nova Ushytsya/UA", "Ralivka/UA"})}),
])
def test_a_compound_adjective_names_a_two_word_town(extractor, text: str, expected: set) -> None:
    assert _pairs(extractor, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a short quoted name is an organisation's or event's, not a place
    ("Області співпрацюють у межах єврорегіону «Верхній Прут», а Луцьк підписав угоду з Любліном.",
     {frozenset({"Lutsk/UA", "Lublin/PL"})}),
    # a quoted dash pair still names places
    ("Учасники підтримали партнерство «Люблін — Луцьк».", {frozenset({"Lublin/PL", "Lutsk/UA"})}),
])
def test_a_short_quoted_name_is_no_place(extractor, text: str, expected: set) -> None:
    assert _pairs(extractor, text) == expected


@pytest.mark.parametrize("text, words", [
    # a first name the dictionary tags only in its other cases, before a surname
    ("Угоду підписали Володимир Петренко та мер Любліна.", {"Володимир"}),
    # a title before a first name: the name and the surname are a person, though a town bears the surname
    ("Голова громади Богдан Ковель підписав угоду з Любліном.", {"Богдан", "Ковель"}),
    ("Міський голова Володимир Петренко підписав угоду з Любліном.", {"Володимир"}),
    # the two capitalised words after a title's place are the office holder, a foreign name too
    ("Угоду засвідчили мер Луцька та мер Поважської Бистриці Карол Янас.", {"Карол", "Карол Янас"}),
    # a country and a foreign first name are no two-word town
    ("Про угоду розповіла заступниця директора Місії USAID в Україні Енн Хоппер.", {"Україні Енн"}),
])
def test_people_are_not_places(extractor, text: str, words: set) -> None:
    assert not words & {m.text for m in extractor.ukrainian.places.mentions(text)}


@pytest.mark.parametrize("text, expected", [
    # ... but a title before a town's name in the genitive leaves the town
    ("Мер Ковеля підписав угоду з Любліном.", {frozenset({"Kovel/UA", "Lublin/PL"})}),
    # a town's genitive that looks like an adjective, right before its oblast, is the town
    ("Мер Любліна приїхав до Луцька Волинської області й підписав угоду про партнерство.",
     {frozenset({"Lutsk/UA", "Lublin/PL"})}),
    # ... nor is a town whose name is a surname a person after a town
    ("Луцьк підписав угоду з Ярославом Підкарпатського воєводства.", {frozenset({"Lutsk/UA", "Jarosław/PL"})}),
])
def test_towns_next_to_titles_and_names(extractor, text: str, expected: set) -> None:
    assert _pairs(extractor, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a common word that is only a small foreign village's alias, its country unnamed, is the word
    ("Мери Луцька та Рівного підписали План дій щодо реалізації меморандуму про співпрацю.",
     {frozenset({"Lutsk/UA", "Rivne/UA"})}),
])
def test_common_words_are_not_stray_villages(extractor, text: str, expected: set) -> None:
    assert _pairs(extractor, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a form sounding exactly like a town wins over its lemma sounding near another
    ("Луцьк підписав угоду з італійським містом Сільві.", {frozenset({"Lutsk/UA", "Silvi/IT"})}),
    # a word the dictionary knows only as a proper name, sounding exactly like a town of a country named
    ("Італійське Еріче поріднилося з Трускавцем, а Сільві — з Луцьком.",
     {frozenset({"Erice/IT", "Truskavets/UA"}), frozenset({"Silvi/IT", "Lutsk/UA"})}),
])
def test_exact_sounds_first(extractor, text: str, expected: set) -> None:
    assert _pairs(extractor, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a municipality's noun right before an unknown word cues it as loosely as a country adjective
    ("Вижницька громада та комуна Мілішівці Сучавського повіту Румунії підписали угоду про співробітництво.",
     {frozenset({"Vyzhnytsya/UA", "Milişăuţi/RO"})}),
    # ... but a country after the noun is the country ("міста Румунії")
    ("Побратимами Луцька є три міста Румунії — Сучава, Ясси та Тімішоара.",
     {frozenset({"Lutsk/UA", x}) for x in ("Suceava/RO", "Iaşi/RO", "Timişoara/RO")}),
])
def test_a_municipality_noun_cues_the_name_after_it(extractor, text: str, expected: set) -> None:
    assert _pairs(extractor, text) == expected


@pytest.mark.parametrize("text, expected", [
    # "столиця", unqualified or "українська", stands for Kyiv
    ("Новини\n\nДепутати пропонували скасувати угоди про побратимство між столицею та російськими містами, "
     "зокрема Тулою й Орлом.",
     {frozenset({"Kyiv/UA", "Tula/RU"}), frozenset({"Kyiv/UA", "Orël/RU"})}),
    ("Новини\n\nУкраїнська столиця розірвала побратимські відносини з Тулою.", {frozenset({"Kyiv/UA", "Tula/RU"})}),
    # not a venue, not another country's capital, not a capital the next word names
    ("Новини\n\nДелегація прибула до столиці, де Полтава підписала угоду про партнерство з Любліном.",
     {frozenset({"Poltava/UA", "Lublin/PL"})}),
    ("Новини\n\nПолтава підписала угоду про партнерство з Любліном. Мер французької столиці привітав обидва міста.",
     {frozenset({"Poltava/UA", "Lublin/PL"})}),
    ("Новини\n\nУ столиці Польщі Полтава підписала угоду про партнерство з Любліном.",
     {frozenset({"Poltava/UA", "Lublin/PL"})}),
])
def test_the_capital_stands_for_kyiv(extractor, text: str, expected: set) -> None:
    assert _pairs(extractor, text) == expected


@pytest.fixture(scope="module")
def finder():
    from twin_extract.uk.places import PlaceFinder

    return PlaceFinder(None, set())


@pytest.mark.parametrize("word, nominative", [
    ("Жадова", "жадів"),            # genitive: the closed syllable's і comes back
    ("Струньковом", "струньків"),
    ("Тернополем", "тернопіль"),
    ("Коцюбієві", "коцюбіїв"),      # є -> ї
    ("Вінник", "вінники"),          # genitive plural with no ending
    ("Ічок", "ічки"),               # ... and its inserted о dropped
    ("Ічками", "ічки"),
    ("Леонтовичів", "леонтовичі"),
    ("Мушкетова", "мушкетове"),     # a neuter -ове town
    ("Палієвим", "палієве"),
    ("Ізобільної", "ізобільна"),
    ("Теодосії", "теодосія"),
    ("Хутора-Михайлівського", "хутір-михайлівський"),
])
def test_case_endings_give_the_nominative(finder, word: str, nominative: str) -> None:
    assert nominative in finder._declined(word) or nominative in finder._forms(word)


@pytest.mark.parametrize("text, expected", [
    # Ukrainian towns whose case forms the dictionary lacks or knows only as a surname
    ("Люблін став містом-побратимом Мушкетова.", {frozenset({"Lublin/PL", "Mushketove/UA"})}),
    ("Польський Люблін підписав меморандум про співпрацю з Ічками.", {frozenset({"Lublin/PL", "Ichki/UA"})}),
    ("Міські голови Кибляр та Любліна підписали угоду про побратимство.", {frozenset({"Lublin/PL", "Kybliari/UA"})}),
    ("Люблін став містом-побратимом Леонтовичів.", {frozenset({"Lublin/PL", "Leontovychi/UA"})}),
    ("Між Хутором-Михайлівським та Любліном встановлено побратимські зв'язки.",
     {frozenset({"Lublin/PL", "Khutir-Mykhaylivskyi/UA"})}),
    # a place adjective is not guessed as a village ("Вінницька делегація" is no Vinnytske)
    ("Вінницька делегація підписала угоду про співпрацю з Любліном.", set()),
    # a surname's nominative stays a person ("Солодка" is no Solodke)
    ("Міський голова Солодка підписав меморандум про співпрацю з польським Любліном.", set()),
])
def test_case_forms_the_dictionary_lacks(extractor, text: str, expected: set) -> None:
    assert _pairs(extractor, text) == expected


@pytest.mark.parametrize("adjective, town", [
    ("Білоцерківською", "Bila Tserkva"),      # a compound wins over the village Білоцерківка
    ("Криворізькою", "Kryvyy Rih"),
    ("Горішньоплавнівською", "Horishni Plavni"),  # the soft first word links with -ьо-
    ("Дубенською", "Dubno"),                   # the е inserted before -ськ- is no part of the town's name
    ("Лубенською", "Lubny"),
    ("Сімеїзькою", "Simeyiz"),                 # the town's own з stays
    ("Кароліно-Бугазькою", "Karolino-Buhaz"),
])
def test_community_adjectives_of_more_shapes(extractor, adjective: str, town: str) -> None:
    text = f"Бучанська громада підписала меморандум про співпрацю з {adjective} громадою."
    assert _pairs(extractor, text) == {frozenset({"Bucha/UA", f"{town}/UA"})}


@pytest.mark.parametrize("text, partner", [
    # a country adjective says a town of that country follows: its case form is read before a
    # near-sounding town is looked for, even when the dictionary knows the word ("Плани": plans)
    ("Міські голови Житомира та чеської Плани підписали угоду про побратимство.", "Planá/CZ"),
    ("У італійській Перці міський голова Житомира підписав угоду про побратимство.", "Perca/IT"),
    ("Французькому Мелену надано статус міста-побратима Житомира.", "Melun/FR"),
    # a town that sounds exactly like the word still comes first
    ("Житомир уклав угоду про партнерство з французьким Валансом.", "Valence/FR"),
])
def test_a_country_adjective_reads_the_next_word_as_its_towns_case_form(extractor, text: str, partner: str) -> None:
    assert _pairs(extractor, text) == {frozenset({"Zhytomyr/UA", partner})}
