"""Ukrainian pairing and status: venues, multilateral agreements, clauses, dash runs, headings of
partner lists, sentences with no partner yet, and status cues (also from the next sentence)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def extractor():
    from twin_extract.pipeline import Extractor

    return Extractor()


def _found(extractor, text: str, published: str | None = None) -> dict[frozenset[str], tuple]:
    return {frozenset(p.name for p in r.parties): (r.status, r.date.value if r.date else None)
            for r in extractor.extract(text, lang="uk", published=published)}


@pytest.mark.parametrize("text, expected", [
    # the city where the signing happened is no party
    ("Новини громади\n\nУ Варшаві Луцьк підписав угоду про партнерство з Любліном.",
     {frozenset({"Lutsk", "Lublin"})}),
    # ... unless an apposition names it the partner
    ("Новини\n\nДелегація Луцька перебувала у Любліні, місті-партнері Луцька.",
     {frozenset({"Lutsk", "Lublin"})}),
    # a trilateral agreement pairs every party with every other
    ("Луцьк, Люблін і Рівне уклали тристоронню угоду про співпрацю.",
     {frozenset({"Lutsk", "Lublin"}), frozenset({"Lutsk", "Rivne"}), frozenset({"Lublin", "Rivne"})}),
    # two clauses, two pairs
    ("Ірпінь поріднився з Гданськом, а Буча — з Любліном.",
     {frozenset({"Irpin", "Gdańsk"}), frozenset({"Bucha", "Lublin"})}),
    # a dash run is a network around its first town
    ("Учасники обговорили партнерство Люблін–Луцьк–Рівне.",
     {frozenset({"Lublin", "Lutsk"}), frozenset({"Lublin", "Rivne"})}),
    # "Міста …" opening a sentence refers to the towns of the sentence before
    ("Мер Житомира прийняв делегацію Гдині. Міста є побратимами вже багато років.",
     {frozenset({"Zhytomyr", "Gdynia"})}),
    # towns still looking for partners have none
    ("Делегати з Ірпеня, Бучі та Ворзеля зустрілися з мерами і шукають партнерів.", set()),
    # a list after a single dash pairs with the town before the dash
    ("Побратими Луцька — Люблін (Польща), Каунас (Литва), а також українські Рівне та Суми.",
     {frozenset({"Lutsk", x}) for x in ("Lublin", "Kaunas", "Rivne", "Sumy")}),
    ("Житомир розірвав угоду з Тулою; Рівне — з Курськом і Брянськом.",
     {frozenset({"Zhytomyr", "Tula"}), frozenset({"Rivne", "Kursk"}), frozenset({"Rivne", "Bryansk"})}),
    # dash pairs side by side stay pairs
    ("Партнерства уклали Боярка — Палезо, Рівне — Каунас.",
     {frozenset({"Boyarka", "Palaiseau"}), frozenset({"Rivne", "Kaunas"})}),
    # a state in brackets locates its town and is no party
    ("Луцьк підписав угоду про побратимство з Маямі (штат Флорида).",
     {frozenset({"Lutsk", "Miami"})}),
    # a country in brackets picks its own homonym, not the previous item's country
    ("Серед побратимів Ірпеня — Маямі (США), Борна (ФРН).",
     {frozenset({"Irpin", "Miami"}), frozenset({"Irpin", "Borna"})}),
    # two towns of one foreign country are someone's partners (here the capital's), never a pair of their own
    ("Депутати пропонували скасувати угоди про побратимство між столицею та низкою російських міст, "
     "зокрема Москвою й Санкт-Петербургом.",
     {frozenset({"Kyiv", "Moscow"}), frozenset({"Kyiv", "Saint Petersburg"})}),
    # towns named for comparison ("слідом за", "за прикладом") are no parties, nor the rest of their list
    ("Рівне розірвало угоду з Курськом слідом за Житомиром та Луцьком.",
     {frozenset({"Rivne", "Kursk"})}),
    ("За прикладом Полтави і Сум Рівне розірвало угоду з Курськом.",
     {frozenset({"Rivne", "Kursk"})}),
    ("Мешканці закликали повторити крок Рівного й розірвати договори Луцька з Курськом.",
     {frozenset({"Lutsk", "Kursk"})}),
    # a city with its district in brackets: the partner is the district, neither the city nor the district's name
    ("Луцьк розірвав договір про побратимство з Курськом та Санкт-Петербургом (Приморський район).",
     {frozenset({"Lutsk", "Kursk"})}),
    # the city after a district's name locates the district, the party
    ("Луцька громада підписала меморандум про партнерство з районом Шпандау, Берлін.",
     {frozenset({"Lutsk", "Spandau"})}),
    # the one Ukrainian town among several foreign ones is their hub, wherever it stands
    ("Три нових побратими — Люблін, Жешув, Каунас — з'явилися у Луцька.",
     {frozenset({"Lutsk", x}) for x in ("Lublin", "Rzeszów", "Kaunas")}),
    # a region between commas after a town locates it
    ("19 червня селище Любар, Житомирська область, та американське місто Монтіселло, штат Індіана, "
     "підписали угоду про побратимство.",
     {frozenset({"Liubar", "Monticello"})}),
    # ... not in a list of regions
    ("Волинська область і її партнери\n\nОбласть продовжує втілювати домовленості з дружніми регіонами: "
     "департаментом Майєнн (Франція), Сілезьким та Лодзьким воєводствами (Республіка Польща), "
     "провінцією Саскачеван (Канада).",
     {frozenset({"Volynska oblast", x}) for x in ("Mayenne", "Śląskie", "Łódzkie", "Saskatchewan")}),
    # ", а ще" adds to a list, it opens no clause
    ("Побратимами Луцька є Люблін, Каунас, а ще Рівне.",
     {frozenset({"Lutsk", x}) for x in ("Lublin", "Kaunas", "Rivne")}),
    # a venue followed by its own actor is the town that acts
    ("Житомир розірвав угоду з Тулою, а в Рівному мер ініціював розірвання угоди з Курськом.",
     {frozenset({"Zhytomyr", "Tula"}), frozenset({"Rivne", "Kursk"})}),
    ("У Луцьку депутати проголосували за розірвання угоди з Курськом.",
     {frozenset({"Lutsk", "Kursk"})}),
    # ... but not a mayor of another town
    ("Новини\n\nУ Варшаві мер Луцька підписав угоду про партнерство з Любліном.",
     {frozenset({"Lutsk", "Lublin"})}),
])
def test_pairs(extractor, text: str, expected: set) -> None:
    assert set(_found(extractor, text)) == expected


def test_a_heading_line_names_the_partner_of_the_line_under_it(extractor) -> None:
    text = "Полтава\n\nМіста-партнери Полтави\n\nФіладельфія (США)\n\nУгоду підписано: 12 травня 1999 року"
    assert _found(extractor, text) == {frozenset({"Poltava", "Philadelphia"}): ("signed", "1999-05-12")}


@pytest.mark.parametrize("text, status", [
    ("Мешканці закликали розірвати угоду про побратимство між Луцьком і Тулою.", "established"),
    ("Міністерство погодило проєкт угоди про співпрацю між Черкасами та Бидгощем.", "pending"),
    ("Рівне розпочинає співпрацю з литовським Каунасом.", "proposed"),
    ("Житомир і німецький Дортмунд готуються офіційно оформити побратимство.", "pending"),
    ("Депутати скасували угоду про побратимство між Луцьком і Тулою.", "terminated"),
    ("Міські голови Рівного та Каунаса поставили підписи під угодою про партнерство.", "signed"),
    # the cue of the next sentence, which names no place, is the pair's
    ("Житомир і Гдиня тепер побратими. Вчора міські голови обох міст підписали угоду.", "signed"),
    # readiness and possibility are offers; preparing a draft is not getting ready to sign
    ("Мер Луцька готовий підписати угоду про партнерство з Любліном.", "proposed"),
    ("Люблін може стати побратимом Луцька.", "proposed"),
    ("Фахівці Луцька та Любліна готують проєкт документа про партнерство.", "established"),
    ("Луцьк і Люблін готуються підписати угоду про партнерство.", "pending"),
    # stripped of the status, left the agreement
    ("Рада позбавила Мінськ статусу міста-побратима Луцька.", "terminated"),
    ("Луцьк вийшов з угоди про побратимство з російським Орлом.", "terminated"),
    # a signature ahead, in the future or not yet made
    ("Луцьк і Люблін погодили угоду. Наступним кроком стане підписання документа.", "pending"),
    ("Угоду між Луцьком і Любліном будуть підписувати восени.", "pending"),
    ("Угоду між Луцьком і Любліном підписуватимуть восени.", "pending"),
    ("Угоду між Луцьком і Любліном ще не підписали.", "proposed"),
    # a planned signature is pending, as the English "plan to sign"; planned projects are no signature
    ("У квітні Луцьк планує підписати угоду про партнерство з Любліном.", "pending"),
    ("Луцьк і Люблін планують спільні проєкти в межах партнерства.", "proposed"),
    # a termination only proposed is no step: the tie stands
    ("Один із депутатів Луцька запропонував розірвати побратимство з Орлом.", "established"),
    ("Луцьк розірвав побратимство з Орлом.", "terminated"),
    # a council's vote, consent or deputies' support comes before the signature
    ("Сесія Луцької міської ради проголосувала за встановлення побратимських відносин з Любліном.", "pending"),
    ("Рада дала згоду на підписання угоди про партнерство між Луцьком і Любліном.", "pending"),
    ("Депутати підтримали побратимство Луцька з польським Любліном.", "pending"),
    # ... and help from partners is no vote
    ("Міста-партнери Луцька підтримали громаду: Люблін передав генератори.", "established"),
    # a future perfective signature
    ("Луцьк і Люблін незабаром укладуть угоду про партнерство.", "pending"),
    # a lapse or a decision not to renew ends the tie; initiating or requesting an ending does not
    ("Угода між Луцьком і Курськом втратила чинність.", "terminated"),
    ("Луцьк вирішив не продовжувати угоду з білоруським Брестом.", "terminated"),
    ("Луцьк ініціює розірвання угоди з Курськом.", "established"),
    ("Депутати Луцька звернулися до мера з проханням розірвати угоду з Курськом.", "established"),
    ("Луцьк ініціює партнерство з польським Любліном.", "proposed"),
    # the noun "план" proposes nothing, the verb does
    ("Мери Луцька та Рівного підписали План дій щодо реалізації меморандуму про співпрацю.", "signed"),
    ("Луцьк планує партнерство з польським Любліном.", "proposed"),
    # officially twinned is signed, as the English "officially twinned"
    ("Луцьк і Люблін офіційно стали містами-партнерами.", "signed"),
    ("Італійське Мерано офіційно поповнило перелік міст-побратимів Луцька.", "signed"),
    ("Луцьк і Люблін стали містами-партнерами.", "established"),
    # intent as the text's subject matter ("в Угоді йдеться про наміри") is no letter of intent
    ("Мер Любліна підписав Угоду про партнерство з Луцьком. У тексті Угоди йдеться про наміри розвивати "
     "дружні відносини Луцька та Любліна.", "signed"),
    # imperfective forms of the ending verbs end a tie as the perfective ones do
    ("Луцьк припиняє співпрацю з Курськом.", "terminated"),
    ("Припиняється дія угоди між Луцьком і Курськом.", "terminated"),
    ("Рівне скасовує угоду про побратимство з Курськом.", "terminated"),
    ("Житомир відмовляється від побратимства з Тулою.", "terminated"),
])
def test_status(extractor, text: str, status: str) -> None:
    assert [s for s, _ in _found(extractor, text).values()] == [status]


def test_a_day_takes_the_last_year_the_text_stated(extractor) -> None:
    text = ("Луцьк і Люблін уклали угоду про співпрацю у 2019 році. "
            "3 травня міський голова Луцька підписав угоду про співпрацю з Рівним.")
    assert _found(extractor, text, published="2024-01-01")[frozenset({"Lutsk", "Rivne"})] == ("signed", "2019-05-03")


def test_a_list_after_a_colon_pairs_its_items_with_the_head(extractor) -> None:
    text = ("Новини міста\n\nМіста-партнери Житомира:\n- Гдиня (Польща), угоду підписано у 1999 році;\n"
            "- Пардубице (Чехія);\n\nКонтакти: вул. Київська, 1")
    assert _found(extractor, text) == {frozenset({"Zhytomyr", "Gdynia"}): ("signed", "1999"),
                                       frozenset({"Zhytomyr", "Pardubice"}): ("established", None)}


@pytest.mark.parametrize("text, expected", [
    # each clause's own status cue, and its own date (none when it states none)
    ("Луцьк у 2023 році підписав угоду з Любліном, а з Каунасом зараз триває погодження проєкту угоди.",
     {frozenset({"Lutsk", "Lublin"}): ("signed", "2023"), frozenset({"Lutsk", "Kaunas"}): ("pending", None)}),
    # one cue for the whole sentence stays the sentence's
    ("Луцьк підписав угоду з Любліном, а Рівне — з Каунасом.",
     {frozenset({"Lutsk", "Lublin"}): ("signed", None), frozenset({"Rivne", "Kaunas"}): ("signed", None)}),
])
def test_each_clause_keeps_its_own_status(extractor, text: str, expected: dict) -> None:
    assert _found(extractor, text) == expected


def test_a_clause_naming_one_place_continues_the_subject_with_its_own_date(extractor) -> None:
    text = ("Київська міська рада призупинила дію угоди про співпрацю з Москвою у 2014 році, "
            "а у 2022 році розірвала побратимські зв'язки з Мінськом.")
    assert _found(extractor, text) == {frozenset({"Kyiv", "Moscow"}): ("terminated", "2014"),
                                       frozenset({"Kyiv", "Minsk"}): ("terminated", "2022")}


def test_a_numbered_list_after_a_colon(extractor) -> None:
    text = ("Міжнародна співпраця\n\nМісто Рівне має партнерські відносини з такими містами:\n"
            "1. Жешув (Польща) — з 1995 року\n2. Опава (Чехія)\n\nКонтакти відділу")
    assert _found(extractor, text) == {frozenset({"Rivne", "Rzeszów"}): ("established", "1995"),
                                       frozenset({"Rivne", "Opava"}): ("established", None)}


def test_a_council_decision_is_pending(extractor) -> None:
    text = ("Про встановлення партнерських відносин між містом Рівне та містом Ольштин\n\n"
            "Рівненська міська рада вирішила:\n1. Встановити партнерські відносини між містом Рівне "
            "та містом Ольштин.\n2. Доручити міському голові підписати угоду.")
    assert _found(extractor, text) == {frozenset({"Rivne", "Olsztyn"}): ("pending", None)}


def test_related_links_are_other_news(extractor) -> None:
    text = ("Луцьк і Люблін підписали угоду\n\nЛуцьк уклав угоду про партнерство з Любліном.\n\n"
            "Читайте також:\n— Рівне підписало меморандум про співпрацю з Каунасом\n\nФото: міська рада")
    assert set(_found(extractor, text)) == {frozenset({"Lutsk", "Lublin"})}


@pytest.mark.parametrize("crumbs", ["Головна > Новини Рівного > ", "Новини Рівного › "])
def test_a_breadcrumb_trail_names_site_sections(extractor, crumbs: str) -> None:
    text = f"{crumbs}Луцька громада уклала угоду з польським Любліном"
    assert set(_found(extractor, text)) == {frozenset({"Lutsk", "Lublin"})}


def test_related_links_after_a_sentence_on_the_same_line(extractor) -> None:
    text = "Луцьк уклав угоду про партнерство з Любліном. Читайте також: Рівне підписало меморандум з Каунасом"
    assert set(_found(extractor, text)) == {frozenset({"Lutsk", "Lublin"})}


def test_a_placeless_colon_line_after_a_trigger_opens_the_list(extractor) -> None:
    text = ("Новини\n\nЖитомир має дев'ять міст-побратимів. Серед них:\n"
            "— Гдиня, Люблін (Польща);\n— Пардубице (Чехія), Каунас (Литва).")
    assert set(_found(extractor, text)) == {frozenset({"Zhytomyr", x}) for x in ("Gdynia", "Lublin", "Pardubice", "Kaunas")}


@pytest.mark.parametrize("text, expected", [
    # the places follow "з": the subject "місто" is the headline's town
    ("Рівне виходить з угод\n\nВідтепер місто не має побратимських стосунків з Тулою, Курськом та Брянськом.",
     {frozenset({"Rivne", x}) for x in ("Tula", "Kursk", "Bryansk")}),
    # a named subject stays the hub
    ("Рівне виходить з угод\n\nЛуцьк розірвав угоди про побратимство з Тулою та Курськом.",
     {frozenset({"Lutsk", "Tula"}), frozenset({"Lutsk", "Kursk"})}),
])
def test_places_after_z_are_the_hosts_partners(extractor, text: str, expected: set) -> None:
    assert set(_found(extractor, text)) == expected


@pytest.mark.parametrize("text, expected", [
    # words naming each side's kind of unit may stand around the dash of a pair
    ("Партнерства уклали Бродівська міська громада — ґміна Ярослав, Рівне — місто Каунас.",
     {frozenset({"Brody", "Jarosław"}), frozenset({"Rivne", "Kaunas"})}),
    ("Угоди про партнерство: Ковельська громада — місто і ґміна Перемишль.",
     {frozenset({"Kovel", "Przemyśl"})}),
])
def test_dash_pairs_with_unit_words(extractor, text: str, expected: set) -> None:
    assert set(_found(extractor, text)) == expected


@pytest.mark.parametrize("items", [
    # unbulleted lines ending in ";" under "а саме:", and the last line after them
    "Бродівська міська громада — ґміна Ярослав;\nКовельська громада — місто Перемишль.",
    "Бродівська міська громада — ґміна Ярослав (підписали голова громади та бургомістр);\n"
    "Ковельська громада — місто Перемишль;",
])
def test_unbulleted_items_keep_the_opening_lines_status_and_day(extractor, items: str) -> None:
    text = ("Новини\n\n12 березня 2024 року делегації громад побували у Варшаві.\n"
            "Того дня громади підписали листи про наміри щодо співпраці, а саме:\n" + items)
    assert _found(extractor, text) == {frozenset({"Brody", "Jarosław"}): ("proposed", "2024-03-12"),
                                       frozenset({"Kovel", "Przemyśl"}): ("proposed", "2024-03-12")}


@pytest.mark.parametrize("same_day", ["Того ж дня", "Того дня", "У той же день", "Цього дня",
                                      "Під час візиту", "За підсумками зустрічі"])
def test_a_day_named_by_reference_is_the_last_day_stated(extractor, same_day: str) -> None:
    text = f"15 травня 2023 року мери зустрілися на форумі. {same_day} Луцьк і Люблін підписали угоду про партнерство."
    assert _found(extractor, text) == {frozenset({"Lutsk", "Lublin"}): ("signed", "2023-05-15")}


@pytest.mark.parametrize("bullet", ["🇵🇱", "✅", "►", "▪️"])
def test_symbols_and_emoji_open_list_items(extractor, bullet: str) -> None:
    text = f"Міста-побратими Житомира:\n{bullet} Гдиня\n{bullet} Каунас"
    assert set(_found(extractor, text)) == {frozenset({"Zhytomyr", "Gdynia"}), frozenset({"Zhytomyr", "Kaunas"})}


@pytest.mark.parametrize("text, expected", [
    ("Рівне і французький Мец підписали Пакт дружби.", {frozenset({"Rivne", "Metz"})}),
    ("Ічнянська громада побраталася з французьким Авраншем.", {frozenset({"Ichnia", "Avranches"})}),
    # friendly ties and a charter of friendship
    ("Рівне і французький Мец налагодили дружні зв'язки.", {frozenset({"Rivne", "Metz"})}),
    ("Рівне і французький Мец підписали хартію дружби.", {frozenset({"Rivne", "Metz"})}),
])
def test_friendship_pacts_and_twinning_verbs(extractor, text: str, expected: set) -> None:
    assert set(_found(extractor, text)) == expected


def test_an_items_own_acting_oblasts_pair_with_each_other(extractor) -> None:
    text = ("Луцьк приймав саміт громад.\n\nСеред підписаних документів:\n"
            "• Луцька міська рада уклала меморандум з асоціацією;\n"
            "• Волинська обласна рада та Підкарпатське воєводство підписали заяву про наміри.")
    assert set(_regions(extractor, text)) == {frozenset({"UA-07", "PL-18"})}


@pytest.mark.parametrize("kind", ["Заяву", "лист", "протокол"])
def test_a_statement_of_intent_is_proposed(extractor, kind: str) -> None:
    text = f"Луцьк і Люблін підписали {kind} про наміри."
    assert _found(extractor, text) == {frozenset({"Lutsk", "Lublin"}): ("proposed", None)}


@pytest.mark.parametrize("text", [
    # the agreement named is one of intent: its later signing signs the intent
    "Луцьк уклав тристоронню угоду про намір співпрацювати з Любліном і Каунасом. Угоду підписали мери міст.",
    "Рівне і Каунас підписали лист про наміри. Документ підписали в мерії Каунаса.",
    # a headline's "домовилися" agreed that intent
    "Рівне і Каунас домовилися про партнерство\n\nМери міст підписали лист про наміри щодо співпраці.",
    # "інтенційний лист" is a letter of intent by its adjective
    "Громада Луцька підписала інтенційний лист про партнерську співпрацю з Любліном.",
])
def test_an_agreement_of_intent_keeps_every_step_proposed(extractor, text: str) -> None:
    assert {status for status, _ in _found(extractor, text).values()} == {"proposed"}


def test_another_agreement_named_keeps_its_own_status(extractor) -> None:
    text = ("Рівне і Каунас підписали лист про наміри у 2022 році. "
            "Цього року міста уклали угоду про партнерство.")
    assert _found(extractor, text)[frozenset({"Rivne", "Kaunas"})][0] == "signed"


@pytest.mark.parametrize("text, expected", [
    # a multilateral partnership written as a dash run pairs every town with every other
    ("Мери обговорили чотиристороннє партнерство Люблін — Каунас — Мюнхен — Луцьк.",
     {frozenset(p) for p in [("Lublin", "Kaunas"), ("Lublin", "Munich"), ("Lublin", "Lutsk"),
                             ("Kaunas", "Munich"), ("Kaunas", "Lutsk"), ("Munich", "Lutsk")]}),
    # the host where the signing took place is the third party of a trilateral agreement
    ("Луцьк має нових партнерів\n\nУ Луцьку підписали тристоронню угоду з польським Любліном та литовським Каунасом.",
     {frozenset(p) for p in [("Lutsk", "Lublin"), ("Lutsk", "Kaunas"), ("Lublin", "Kaunas")]}),
])
def test_multilateral_runs_and_the_hosts_trilateral_agreement(extractor, text: str, expected: set) -> None:
    assert set(_found(extractor, text)) == expected


@pytest.mark.parametrize("signing", [
    "За підсумками зустрічі сторони підписали меморандум про співпрацю між громадами.",
    "Наприкінці візиту громади підписали угоду про партнерство.",
])
def test_the_sides_that_sign_after_a_meeting_are_the_host_and_its_guest(extractor, signing: str) -> None:
    text = ("Луцьк розширює співпрацю\n\n12 травня 2024 року мер Луцька зустрівся з бургомістром Любліна. " + signing)
    assert _found(extractor, text) == {frozenset({"Lutsk", "Lublin"}): ("signed", "2024-05-12")}


@pytest.mark.parametrize("line", [
    "Нашими побратимами є м. Ряшів та м. Каунас.",
    "Наші міста-партнери Ряшів і Каунас передали громаді генератори.",
])
def test_our_partners_are_the_hosts(extractor, line: str) -> None:
    assert set(_found(extractor, f"Новини Самбора\n\n{line}")) == {frozenset({"Sambir", "Rzeszów"}),
                                                                     frozenset({"Sambir", "Kaunas"})}


@pytest.mark.parametrize("text, status", [
    # discussing or striving to develop a tie presupposes it
    ("Мери Луцька і Любліна обговорили, як розвивати партнерські відносини після війни.", "established"),
    ("Луцьк і Люблін прагнуть і надалі поглиблювати співпрацю між містами.", "established"),
    # discussing a tie to come is a proposal
    ("Мери Луцька і Любліна обговорили можливе партнерство між містами.", "proposed"),
    # developing named in an agreement signed is still a signature
    ("Луцьк і Люблін підписали угоду про розвиток партнерських відносин.", "signed"),
])
def test_developing_a_tie_presupposes_it(extractor, text: str, status: str) -> None:
    assert {s for s, _ in _found(extractor, text).values()} == {status}


@pytest.mark.parametrize("among", ["Серед них — литовський Каунас і польський Перемишль.",
                                   "Серед яких литовський Каунас і польський Перемишль."])
def test_among_them_lists_the_partners_of_the_sentence_before(extractor, among: str) -> None:
    text = f"Рівне має нового побратима\n\nВідтепер у Рівного 12 міст-партнерів. {among}"
    assert set(_found(extractor, text)) == {frozenset({"Rivne", "Kaunas"}), frozenset({"Rivne", "Przemyśl"})}


@pytest.mark.parametrize("line, expected", [
    # the unnamed town that opens the sentence is the host
    ("Місто має 12 побратимів, зокрема Люблін, Каунас і Мюнхен.",
     {frozenset({"Sambir", x}) for x in ("Lublin", "Kaunas", "Munich")}),
    ("У громади п'ять партнерів, серед них Люблін і Каунас.",
     {frozenset({"Sambir", x}) for x in ("Lublin", "Kaunas")}),
    # ... not when the opening noun names its own town
    ("Місто Люблін підписало угоду з литовським Каунасом.", {frozenset({"Lublin", "Kaunas"})}),
])
def test_a_sentence_about_the_unnamed_town_is_about_the_host(extractor, line: str, expected: set) -> None:
    assert set(_found(extractor, f"Новини Самбора\n\n{line}")) == expected


def test_communities_that_join_an_agreement_take_its_partners(extractor) -> None:
    text = ("Луцьк підписав меморандум про співпрацю з польськими Любліном та Холмом 12 травня 2023 року. "
            "До документа приєдналися також Ковельська та Рівненська громади.")
    expected = {frozenset({u, p}): ("signed", "2023-05-12")
                for u in ("Lutsk", "Kovel", "Rivne") for p in ("Lublin", "Chełm")}
    assert _found(extractor, text) == expected


def test_a_colon_line_of_prose_opens_no_unbulleted_list(extractor) -> None:
    text = ("Луцьк підписав угоду про партнерство з Любліном. Мер сказав:\n"
            "«Рівне та Каунас теж шукають друзів; це добре».")
    assert set(_found(extractor, text)) == {frozenset({"Lutsk", "Lublin"})}


def _regions(extractor, text: str) -> dict[frozenset[str], tuple]:
    return {frozenset(p.subdivision for p in r.parties): (r.status, r.date.value if r.date else None)
            for r in extractor.extract(text, lang="uk")}


@pytest.mark.parametrize("later", [
    "Раніше волиняни вже уклали подібні документи з Житомирською та Закарпатською обласними радами.",
    "Волинська рада також має угоди про співпрацю з Житомирською і Закарпатською обласними радами.",
])
def test_oblasts_after_z_are_the_acting_oblasts_partners(extractor, later: str) -> None:
    text = "Волинська та Рівненська обласні ради уклали меморандум про співпрацю. " + later
    assert set(_regions(extractor, text)) == {frozenset({"UA-07", "UA-56"}), frozenset({"UA-07", "UA-18"}),
                                               frozenset({"UA-07", "UA-21"})}


def test_oblasts_after_z_without_an_acting_oblast_are_no_pairs(extractor) -> None:
    text = "Громада підписала меморандум про співпрацю з Житомирською та Закарпатською обласними радами."
    assert _regions(extractor, text) == {}


@pytest.mark.parametrize("text, expected", [
    # "документ" names the agreement only after a trigger named it
    ("Луцьк і Люблін уклали угоду про партнерство. Документ підписали 19 лютого 2021 року під час сесії "
     "Луцької міської ради.", {frozenset({"Lutsk", "Lublin"}): ("signed", "2021-02-19")}),
    ("Мер Луцька зустрівся з мером Любліна. Документ підписали 19 лютого 2021 року.", {}),
    # ... and only with a status cue of its own
    ("Луцьк уклав угоду з Любліном. Документи для ремонту доріг Рівне отримало від Києва.",
     {frozenset({"Lutsk", "Lublin"}): ("signed", None)}),
    # towns no longer friends; a dated decision with no tie word dates that step
    ("Луцьк більше не дружить із Орлом. Відповідне рішення виконком Луцької міської ради ухвалив 9 червня 2022 року.",
     {frozenset({"Lutsk", "Orël"}): ("terminated", "2022-06-09")}),
])
def test_a_later_sentence_within_the_pair_dates_it(extractor, text: str, expected: dict) -> None:
    assert _found(extractor, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a sentence naming only the host: "громади" are the host and the last other town named
    ("Новини\n\nДо Луцька приїхала делегація Любліна.\n"
     "Гості прибули до Луцька на виконання угоди, яку громади підписали в січні 2023 року.",
     {frozenset({"Lutsk", "Lublin"}): ("signed", "2023-01")}),
    # a sentence naming no place: "між двома громадами" is the last pair stated
    ("Луцьк налагоджує партнерство з Любліном.\nДелегація Любліна відвідала школи.\n"
     "Підсумком візиту став підписаний меморандум про співпрацю між двома громадами.",
     {frozenset({"Lutsk", "Lublin"}): ("signed", None)}),
])
def test_the_two_communities_are_the_host_and_its_guest(extractor, text: str, expected: dict) -> None:
    assert _found(extractor, text) == expected


@pytest.mark.parametrize("title, partner", [
    # a title the text does not open with still names the host, not the weather widget's town
    ("Луцьк уклав угоду з Любліном", "Lutsk"),
    (None, "Kyiv"),
])
def test_a_title_the_text_does_not_open_with_names_the_host(extractor, title: str | None, partner: str) -> None:
    text = "Київ  вологість: 80%\n\nМер Луцька зустрів гостей.\nУгоду про партнерство з Любліном підписали вчора."
    records = extractor.extract(text, lang="uk", title=title)
    assert {frozenset(p.name for p in r.parties) for r in records} == {frozenset({partner, "Lublin"})}


@pytest.mark.parametrize("text, expected", [
    # a Romanian county or Hungarian megye by the adjective Ukrainian forms from its bare name
    ("Житомирська область і Ясський повіт підписали угоду про співпрацю.", {frozenset({"UA-18", "RO-IS"})}),
    ("Угоду про співпрацю між Бекеським медьє та Житомирською областю підписали в понеділок.",
     {frozenset({"HU-BE", "UA-18"})}),
    # a loose spelling of a voivodeship's adjective (є for е)
    ("Рівненська область і Свєнтокшиське воєводство уклали угоду про партнерство.",
     {frozenset({"UA-56", "PL-26"})}),
    # a qualifier between the adjective and the region noun
    ("Рівненська обласна рада та Кошицький самоврядний край підписали угоду про співпрацю.",
     {frozenset({"UA-56", "SK-KI"})}),
])
def test_foreign_regions_by_adjective(extractor, text: str, expected: set) -> None:
    assert set(_regions(extractor, text)) == expected


def test_a_country_adjective_names_no_foreign_region(extractor) -> None:
    finder = extractor.ukrainian.places
    assert finder._foreign_region("французького") is None
    assert finder._foreign_region("британської") is None


@pytest.mark.parametrize("text, expected", [
    # foreign regions after "з" in a document whose first place is an oblast are its partners
    ("Рівненська ОДА розриває зв'язки з Білоруссю.\n\nПрипиняються угоди з Гомельським і Брестським "
     "облвиконкомами.", {frozenset({"UA-56", "BY-HO"}), frozenset({"UA-56", "BY-BR"})}),
    # ... also across a region noun and its adjectives; they are no pairs of their own
    ("Рівненська область має дружні зв'язки.\n\nОбласть співпрацює з дружніми регіонами: федеральною землею "
     "Карінтія (Австрія) та провінцією Саскачеван (Канада).",
     {frozenset({"UA-56", "AT-2"}), frozenset({"UA-56", "CA-SK"})}),
])
def test_foreign_regions_after_z_are_the_documents_oblasts_partners(extractor, text: str, expected: set) -> None:
    assert set(_regions(extractor, text)) == expected


def test_implementing_agreements_is_no_pending_step(extractor) -> None:
    text = "У сфері співпраці Рівненська область продовжує втілювати домовленості з провінцією Саскачеван (Канада)."
    assert _regions(extractor, text) == {frozenset({"UA-56", "CA-SK"}): ("established", None)}


def test_a_negated_ending_is_no_ending(extractor) -> None:
    text = "Чернігів і Гомель підписали угоду про співпрацю. Міста не розривали дружніх зв'язків і після 1991 року."
    assert _found(extractor, text) == {frozenset({"Chernihiv", "Homyel'"}): ("signed", None)}


def test_a_weaker_steps_date_does_not_date_the_ending(extractor) -> None:
    text = ("Луцьк розірвав угоду про побратимство з Брестом.\n\n"
            "Угоду про побратимство з Брестом Луцьк підписав 2001 року.")
    assert _found(extractor, text) == {frozenset({"Lutsk", "Brest"}): ("terminated", None)}


@pytest.mark.parametrize("text, expected", [
    # a historic name that stands for one oblast is that oblast as a party
    ("Закарпаття підписало угоду про співпрацю з Пряшівським самоврядним краєм.", {frozenset({"UA-21", "SK-PV"})}),
    ("Волинь і Люблінське воєводство уклали угоду про партнерство.", {frozenset({"UA-07", "PL-06"})}),
    ("Буковина уклала угоду про співпрацю з повітом Сучава.", {frozenset({"UA-77", "RO-SV"})}),
])
def test_a_historic_region_name_is_its_oblast(extractor, text: str, expected: set) -> None:
    assert set(_regions(extractor, text)) == expected


def test_first_steps_towards_a_partnership_are_a_proposal(extractor) -> None:
    text = "Волинь зробила перші кроки до партнерства з повітом Долж у Румунії."
    assert _regions(extractor, text) == {frozenset({"UA-07", "RO-DJ"}): ("proposed", None)}


def test_a_foreign_regions_shchyna_name(extractor) -> None:
    text = "Волинь уклала угоду про партнерство з Люблінщиною."
    assert set(_regions(extractor, text)) == {frozenset({"UA-07", "PL-06"})}


def test_a_foreign_region_in_a_towns_list_pairs_with_the_hub(extractor) -> None:
    text = "Київ розірвав побратимство з Москвою, Волгоградом та Республікою Комі."
    found = {frozenset(p.subdivision or p.name for p in r.parties) for r in extractor.extract(text, lang="uk")}
    assert found == {frozenset({"Kyiv", "Moscow"}), frozenset({"Kyiv", "Volgograd"}), frozenset({"Kyiv", "RU-KO"})}


def test_a_region_a_town_is_from_is_no_party(extractor) -> None:
    text = "Ґміна Нєдзьвяда з Люблінського воєводства та місто Берестечко підписали лист про наміри."
    found = {frozenset(p.subdivision or p.name for p in r.parties) for r in extractor.extract(text, lang="uk")}
    assert found == {frozenset({"Berestechko", "Niedźwiada"})}


def test_the_status_cues_clause_dates_the_step(extractor) -> None:
    text = "Луцьк став побратимом Любліна ще в 1997 році, а у 2023 році міста підписали нову угоду."
    assert _found(extractor, text) == {frozenset({"Lutsk", "Lublin"}): ("signed", "2023")}


@pytest.mark.parametrize("text, expected", [
    ("Рівне розірвало угоду з Курськом, укладену 2009 року.", {frozenset({"Rivne", "Kursk"}): ("terminated", None)}),
    ("Боярка припинила дію Угоди про співробітництво з Несвіжем від 15 вересня 2007 року.",
     {frozenset({"Boyarka", "Nesvizh"}): ("terminated", None)}),
    ("Рівне розірвало угоду з Курськом 12 травня 2022 року.",
     {frozenset({"Rivne", "Kursk"}): ("terminated", "2022-05-12")}),
])
def test_an_ended_agreements_own_date_does_not_date_the_ending(extractor, text: str, expected: dict) -> None:
    assert _found(extractor, text) == expected


@pytest.mark.parametrize("text, expected", [
    # the noun picks the region of its type (a US state, not a Liberian county)
    ("Київська область та штат Меріленд стали регіонами-партнерами.", {frozenset({"UA-32", "US-MD"})}),
    # a loose spelling of a derived adjective
    ("Одеська область підписала угоду про партнерство з Констанцським повітом.", {frozenset({"UA-51", "RO-CT"})}),
    # regions after "з" pair with the acting oblast, not with each other
    ("Волинська ОВА уклала угоду з Любуським воєводством та землею Бранденбург.",
     {frozenset({"UA-07", "PL-08"}), frozenset({"UA-07", "DE-BB"})}),
])
def test_regions_by_noun_and_object(extractor, text: str, expected: set) -> None:
    assert set(_regions(extractor, text)) == expected


def test_a_partner_pages_heading_opens_a_list_of_lines(extractor) -> None:
    text = ("Побратими Вінниці\n\nКельце (Польща) — з 1998 року\nКаргополь (Росія) — угоду розірвано 2016 року\n"
            "Петах-Тіква (Ізраїль) — з 2001 року")
    assert _found(extractor, text) == {frozenset({"Vinnytsya", "Kielce"}): ("established", "1998"),
                                       frozenset({"Vinnytsya", "Kargopol’"}): ("terminated", "2016"),
                                       frozenset({"Vinnytsya", "Petaẖ Tiqva"}): ("established", "2001")}


def test_a_heading_without_a_place_opens_no_list(extractor) -> None:
    text = "Новини партнерства\n\nКиїв отримав нові автобуси\nЛьвів відкрив новий сквер"
    assert _found(extractor, text) == {}


@pytest.mark.parametrize("text, expected", [
    ("Співпрацю Луцька з Брестом поставлено на паузу.", {frozenset({"Lutsk", "Brest"}): ("terminated", None)}),
    # an offer from a town: "від" names the proposer, not a distance
    ("Луцьк отримав від Любліна пропозицію стати побратимами.", {frozenset({"Lutsk", "Lublin"}): ("proposed", None)}),
    # an offer to end a tie is no step
    ("Депутат вніс пропозицію розірвати угоду про побратимство між Луцьком і Брестом.",
     {frozenset({"Lutsk", "Brest"}): ("established", None)}),
])
def test_hold_and_offer(extractor, text: str, expected: dict) -> None:
    assert _found(extractor, text) == expected


def test_proposing_support_for_a_partnership_presupposes_it(extractor) -> None:
    text = "Учасники запропонували створити організацію для підтримки стратегічного партнерства Люблін–Луцьк."
    assert _found(extractor, text) == {frozenset({"Lublin", "Lutsk"}): ("established", None)}


@pytest.mark.parametrize("text, expected", [
    # regions of two countries joined by "та" are the two sides, even after a community noun
    ("Сторони домовилися про контакти, щоб згодом вони переросли у співпрацю громад Волинської області "
     "та Люблінського воєводства.",
     {frozenset({"Volynska oblast", "Lubelskie"}): ("proposed", None)}),
    # regions of one country after a community noun only locate the communities
    ("Луцьк підписав меморандум про співпрацю з громадами Чернігівської та Миколаївської областей.", {}),
    # a tie that is the later aim of what was agreed is proposed; agreeing to sign is pending
    ("Луцьк і Люблін домовилися обмінюватися делегаціями, щоб згодом укласти угоду про партнерство.",
     {frozenset({"Lutsk", "Lublin"}): ("proposed", None)}),
    ("Луцьк і Люблін домовилися підписати угоду про партнерство.",
     {frozenset({"Lutsk", "Lublin"}): ("pending", None)}),
])
def test_regions_of_two_countries_and_aims(extractor, text: str, expected: dict) -> None:
    assert _found(extractor, text) == expected


def test_an_added_matter_does_not_restate_the_pairs_before_it(extractor) -> None:
    # the year of the ended agreements' signing in a relative clause is not the ending's;
    # "Крім того" adds another matter, whose year is no date of the pairs before it
    text = ("Рівне припиняє співпрацю з російськими містами. Припиняється дія угод, які 2015 року "
            "уклали з Курськом і Брянськом. Крім того, Рівне розриває договір про співробітництво 1996 року.")
    assert _found(extractor, text) == {frozenset({"Rivne", "Kursk"}): ("terminated", None),
                                       frozenset({"Rivne", "Bryansk"}): ("terminated", None)}


@pytest.mark.parametrize("text, expected", [
    # a round-up headline naming no town: the body's first town is no partner of the others
    ("На форумі громад підписали 7 меморандумів про співпрацю\n\nЛуцька громада стала партнером Любліна. "
     "Меморандум про співпрацю підписала і Рівненська громада.",
     {frozenset({"Lutsk", "Lublin"})}),
    # a headline naming its town keeps it as the host
    ("Луцьк має нового партнера\n\nМіста-побратими Люблін і Луцьк підписали угоду.",
     {frozenset({"Lutsk", "Lublin"})}),
])
def test_round_up_pages_have_no_host(extractor, text: str, expected: set) -> None:
    assert set(_found(extractor, text)) == expected


def test_a_decision_is_dated_by_its_own_line_not_by_the_acts_it_cites(extractor) -> None:
    text = ("ЛУЦЬКА МІСЬКА РАДА\nРІШЕННЯ\nвід 14.03.2024 № 512-20/2024\n\n"
            "Враховуючи наказ Міністерства від 02.02.2024 № 77 про погодження проєкту угоди, міська рада вирішила:\n"
            "1. Схвалити проєкт Угоди про партнерство між Луцьком і Любліном.")
    assert _found(extractor, text) == {frozenset({"Lutsk", "Lublin"}): ("pending", "2024-03-14")}


@pytest.mark.parametrize("text, expected", [
    # community adjectives whose noun the sentence gave once before, each with its oblast after "з"
    ("Новини\n\nЛуцька громада уклала меморандуми з трьома громадами-партнерами: Смілянською з Черкащини, "
     "Немішаївською з Київщини та Шепетівською з Хмельниччини.",
     {frozenset({"Lutsk", x}): ("signed", None) for x in ("Smila", "Nemishaieve", "Shepetivka")}),
    # an oblast's adjective after "з" with its noun elided is the oblast, not its town
    ("Новини\n\nСавинська громада уклала меморандуми з Боярською громадою з Київської області, "
     "Гайворонською — з Кіровоградської, Шепетівською — з Хмельницької.",
     {frozenset({"Savyntsi", x}): ("signed", None) for x in ("Boyarka", "Hayvoron", "Shepetivka")}),
    # the day a placeless sentence gives the signings dates those the text then details
    ("Новини\n\n8 квітня у міністерстві відбулося підписання трьох меморандумів про співпрацю. "
     "Роганська громада уклала меморандум зі Смілянською громадою.",
     {frozenset({"Rohan", "Smila"}): ("signed", "2025-04-08")}),
])
def test_elided_community_lists(extractor, text: str, expected: dict) -> None:
    assert _found(extractor, text, published="2025-04-10") == expected


@pytest.mark.parametrize("text, expected", [
    # a later sentence whose subject is the delegation, naming only foreign places, pairs them with its owner
    ("Делегація Волинської області відвідала партнерські регіони Польщі. Крім того, делегація зустрілася з "
     "керівництвом Люблінського та Підкарпатського воєводств, де говорили про поглиблення співпраці.",
     {frozenset({"Volynska oblast", "Lubelskie"}): ("established", None),
      frozenset({"Volynska oblast", "Podkarpackie"}): ("established", None)}),
    # agreeing on the content of a tie is no pending step; agreeing to sign is
    ("Луцьк і Люблін є партнерами. Сторони домовилися обмінюватися досвідом і проводити спільні заходи "
     "в межах співпраці Луцька та Любліна.",
     {frozenset({"Lutsk", "Lublin"}): ("established", None)}),
    ("Мери Луцька та Любліна домовилися підписати угоду про партнерство.",
     {frozenset({"Lutsk", "Lublin"}): ("pending", None)}),
])
def test_delegations_and_agreed_content(extractor, text: str, expected: dict) -> None:
    assert _found(extractor, text) == expected


@pytest.mark.parametrize("text, expected", [
    # the day a placeless sentence gives an ending dates the endings the text then details
    ("Новини\n\nСьогодні міська рада розірвала побратимські відносини з містами Росії. Досі побратимами "
     "Полтави були Тула і Орел. Їм уже надіслали листи про припинення співпраці.",
     {frozenset({"Poltava", "Tula"}): ("terminated", "2022-03-15"),
      frozenset({"Poltava", "Orël"}): ("terminated", "2022-03-15")}),
    ("Новини\n\n15 березня міськрада розірвала побратимські відносини з російськими містами. Зокрема, "
     "Полтава розірвала угоди з Тулою та Орлом.",
     {frozenset({"Poltava", "Tula"}): ("terminated", "2022-03-15"),
      frozenset({"Poltava", "Orël"}): ("terminated", "2022-03-15")}),
    # an ending dated in a sentence naming its pair dates only that pair
    ("Новини\n\nУ 2014 році Львів розірвав побратимство з Уфою. Пізніше Полтава розірвала угоду з Тулою.",
     {frozenset({"Lviv", "Ufa"}): ("terminated", "2014"), frozenset({"Poltava", "Tula"}): ("terminated", None)}),
    # an ending's day does not date a signing
    ("Новини\n\n15 березня міськрада розірвала побратимські відносини з російськими містами. Полтава "
     "підписала угоду про партнерство з Любліном.",
     {frozenset({"Poltava", "Lublin"}): ("signed", None)}),
])
def test_placeless_ending_dates_later_endings(extractor, text: str, expected: dict) -> None:
    assert _found(extractor, text, published="2022-03-15") == expected


@pytest.mark.parametrize("text, expected", [
    # "до (його) підписання" is the time before a signing: no signing, the approved tie stays pending
    ("Новини\n\nСьогодні міська рада проголосувала за встановлення партнерських відносин між Полтавою і "
     "Любліном. До його підписання міста три роки вивчали досвід одне одного.",
     {frozenset({"Poltava", "Lublin"}): ("pending", "2024-05-20")}),
    ("Новини\n\nДепутати погодили проєкт угоди про партнерство Полтави з Любліном. До її підписання сторони "
     "ще мають узгодити текст.",
     {frozenset({"Poltava", "Lublin"}): ("pending", None)}),
    # a signing after which, or before which, something else happened is still a signing
    ("Новини\n\nПісля підписання угоди про партнерство мери Полтави і Любліна посадили дерево.",
     {frozenset({"Poltava", "Lublin"}): ("signed", None)}),
    ("Новини\n\nПолтава і Люблін підписали угоду про партнерство. До підписання мери обговорили спільні проєкти.",
     {frozenset({"Poltava", "Lublin"}): ("signed", None)}),
])
def test_time_before_a_signing_is_no_signing(extractor, text: str, expected: dict) -> None:
    assert _found(extractor, text, published="2024-05-20") == expected


@pytest.mark.parametrize("text, expected", [
    # an approval dated after the signing is the latest step: its date dates the signed tie
    ("Новини\n\nСьогодні, 10 липня, міська рада Любліна проголосувала за угоду про співпрацю з Полтавою. "
     "Саму угоду мери двох міст підписали ще у квітні.",
     {frozenset({"Poltava", "Lublin"}): ("signed", "2023-07-10")}),
    ("Новини\n\nУ квітні мери Полтави і Любліна підписали угоду про співпрацю. 10 липня міська рада Любліна "
     "схвалила угоду про партнерство з Полтавою.",
     {frozenset({"Poltava", "Lublin"}): ("signed", "2023-07-10")}),
    # an approval before the signing does not date it
    ("Новини\n\n10 липня міська рада Любліна проголосувала за угоду про співпрацю з Полтавою. У вересні мери "
     "Полтави і Любліна підписали угоду.",
     {frozenset({"Poltava", "Lublin"}): ("signed", "2023-09")}),
    ("Новини\n\nУ березні депутати Полтави схвалили партнерство з Любліном. 20 квітня мери Полтави і Любліна "
     "підписали угоду про співпрацю.",
     {frozenset({"Poltava", "Lublin"}): ("signed", "2023-04-20")}),
])
def test_an_approval_after_the_signing_is_the_latest_step(extractor, text: str, expected: dict) -> None:
    assert _found(extractor, text, published="2023-07-10") == expected
