"""Ukrainian probes: invented sentences in common news phrasing (not taken from any gold document),
for each status, case forms, word orders, lists, oblasts and communities, and dates. Cases the
extractor does not get right yet are strict xfails."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def extractor():
    from twin_extract.pipeline import Extractor

    return Extractor()


def _found(extractor, text: str, published: str | None = "2025-06-10") -> dict[frozenset[str], tuple]:
    return {frozenset(p.name for p in r.parties): (r.status, r.date.value if r.date else None)
            for r in extractor.extract(text, lang="uk", published=published)}


def test_unbulleted_dash_lines_under_a_colon_line_are_its_items(extractor) -> None:
    text = ("Громади області уклали угоди з польськими ґмінами\n\n12.05.2025\n\n"
            "Сьогодні громади підписали угоди про співпрацю з польськими партнерами.\n\nПерелік підписаних угод:\n\n"
            "Луцьк — Люблін\nРівне — Жешув (Польща)\n\nДалі буде більше зустрічей.")
    assert _found(extractor, text) == {frozenset({"Lutsk", "Lublin"}): ("signed", "2025-06-10"),
                                       frozenset({"Rivne", "Rzeszów"}): ("signed", "2025-06-10")}


@pytest.mark.parametrize("line, partner", [
    ("Вижниця — Апа (повіт Сату-Маре)", "Apa"),
    ("Вижниця — Бетгаузен (повіт Тіміш)", "Bethausen"),
    ("Вижниця — Ульма (повіт Сучава)", "Ulma"),
])
def test_a_foreign_county_in_brackets_picks_the_towns_country(extractor, line: str, partner: str) -> None:
    text = f"Громади підписали угоди про співпрацю.\n\nПерелік угод:\n\n{line}\n"
    assert {n for pair in _found(extractor, text) for n in pair} == {"Vyzhnytsya", partner}


@pytest.mark.parametrize("text, expected", [
    ("Житомир розірвав зв'язки з Тулою.", {frozenset({"Zhytomyr", "Tula"}): ("terminated", None)}),
    ("Житомир розірвав стосунки з Тулою.", {frozenset({"Zhytomyr", "Tula"}): ("terminated", None)}),
    ("Рівне припинило партнерські стосунки з Курськом 12 березня 2022 року.",
     {frozenset({"Rivne", "Kursk"}): ("terminated", "2022-03-12")}),
    ("Луцьк і Люблін підтримують дружні зв’язки понад 30 років.",
     {frozenset({"Lutsk", "Lublin"}): ("established", None)}),
])
def test_ties_and_relations_are_triggers(extractor, text: str, expected: dict) -> None:
    assert _found(extractor, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Ковельська та Володимирська громади уклали угоди з Хелмом.",
     {frozenset({"Kovel", "Chełm"}), frozenset({"Volodymyr-Volynskyi", "Chełm"})}),
    ("Луцьк, Рівне та Житомир підписали угоди про співпрацю з Любліном.",
     {frozenset({"Lutsk", "Lublin"}), frozenset({"Rivne", "Lublin"}), frozenset({"Zhytomyr", "Lublin"})}),
    ("Тернопіль і Вінниця уклали меморандуми про партнерство з польськими Кельце та Жешувом.",
     {frozenset({a, b}) for a in ("Ternopil", "Vinnytsya") for b in ("Kielce", "Rzeszów")}),
    # one subject: the hub, as before
    ("Луцьк уклав угоди про співпрацю з Любліном, Жешувом і Каунасом.",
     {frozenset({"Lutsk", x}) for x in ("Lublin", "Rzeszów", "Kaunas")}),
])
def test_listed_subjects_each_pair_with_the_partner_after_z(extractor, text: str, expected: set) -> None:
    assert set(_found(extractor, text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("Луцьк хоче поріднитися з Любліном.", {frozenset({"Lutsk", "Lublin"}): ("proposed", None)}),
    ("Житомир і Гдиня хочуть підписати угоду про партнерство.",
     {frozenset({"Zhytomyr", "Gdynia"}): ("proposed", None)}),
    # wanting to cooperate in a field is the content of a tie, no step
    ("Луцьк і Люблін хочуть співпрацювати в культурі.", {frozenset({"Lutsk", "Lublin"}): ("established", None)}),
])
def test_a_wish_to_twin_is_proposed(extractor, text: str, expected: dict) -> None:
    assert _found(extractor, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Делегація з Жешува відвідала Рівне. Під час візиту сторони обговорили майбутнє партнерство.",
     {frozenset({"Rivne", "Rzeszów"}): ("proposed", None)}),
    ("Мер Любліна приїхав до Луцька. Під час зустрічі міста підписали меморандум про співпрацю.",
     {frozenset({"Lutsk", "Lublin"}): ("signed", None)}),
    ("Мер Любліна приїхав до Луцька 12 травня. Після зустрічі міста підписали угоду про партнерство.",
     {frozenset({"Lutsk", "Lublin"}): ("signed", "2025-05-12")}),
    ("Мер Любліна приїхав до Луцька. Того ж дня сторони підписали угоду про партнерство.",
     {frozenset({"Lutsk", "Lublin"}): ("signed", None)}),
])
def test_an_event_opener_before_the_sides_refers_back(extractor, text: str, expected: dict) -> None:
    assert _found(extractor, text) == expected


@pytest.mark.parametrize("text, value", [
    ("19.05.2022  7\n\nМісто розірвало угоду.", "2022-05-19"),
    ("Події\n13:07 10.10.2025\n\nОбласті підписали меморандум.", "2025-10-10"),
    ("РІШЕННЯ № 5/12\n\nвід 19.05.2022 року            м. Фастів\n\nПро припинення дії угоди", "2022-05-19"),
    # a community site's labelled date is its template's, not the story's
    ("Дата: 13.01.2026 09:44\nКількість переглядів: 24\n\nГромади підписали меморандум.", None),
])
def test_more_date_lines(text: str, value: str | None) -> None:
    from twin_extract.uk.dates import dateline

    found = dateline(text)
    assert (found.value if found else None) == value


@pytest.mark.parametrize("text, expected", [
    ("Громади-партнери Луцьк і Рівне погодили план заходів на 2026 рік.",
     {frozenset({"Lutsk", "Rivne"}): ("established", None)}),
    ("Мери Луцька і Любліна погодилися, що співпраця міст успішна.",
     {frozenset({"Lutsk", "Lublin"}): ("established", None)}),
    ("Міністерство погодило проєкт угоди про співпрацю між Луцьком і Любліном.",
     {frozenset({"Lutsk", "Lublin"}): ("pending", None)}),
    ("Проєкт угоди про партнерство між Луцьком і Любліном погоджено.",
     {frozenset({"Lutsk", "Lublin"}): ("pending", None)}),
    ("Луцьк і Люблін погодили текст угоди про побратимство.", {frozenset({"Lutsk", "Lublin"}): ("pending", None)}),
])
def test_approving_is_pending_only_for_an_agreement_or_tie(extractor, text: str, expected: dict) -> None:
    assert _found(extractor, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Навчальні заклади Луцька і польського Хелма уклали угоду про співпрацю.", {}),
    ("Школи Рівного та Жешува уклали угоду про партнерство.", {}),
    ("Кременчуцька міська лікарня підписала меморандум з Любліном.", {}),
    ("Луцький національний технічний університет уклав угоду про співпрацю з Любліном.", {}),
    ("Лікарня Вінниці та Університетська лікарня Кельце стали партнерами.", {}),
    # a town council and a community are the town's
    ("Луцька міська рада підписала угоду про партнерство з Любліном.",
     {frozenset({"Lutsk", "Lublin"}): ("signed", None)}),
    ("Луцька міська територіальна громада підписала угоду про партнерство з Любліном.",
     {frozenset({"Lutsk", "Lublin"}): ("signed", None)}),
    ("Луцьк і Люблін підписали угоду про співпрацю, зокрема школи міст обмінюватимуться учнями.",
     {frozenset({"Lutsk", "Lublin"}): ("signed", None)}),
])
def test_institutions_of_towns_are_no_town_ties(extractor, text: str, expected: dict) -> None:
    assert _found(extractor, text) == expected


def test_a_colon_list_takes_the_day_its_paragraph_stated(extractor) -> None:
    text = ("Форум громад завершився\n\nУчора у Львові завершився форум міжнародної співпраці громад. Його відвідали понад сто гостей.\n\n"
            "Серед підписаних документів:\n• Луцьк і Люблін уклали угоду про партнерство;\n"
            "• Рівне та Жешув підписали меморандум про співпрацю.")
    assert _found(extractor, text) == {frozenset({"Lutsk", "Lublin"}): ("signed", "2025-06-09"),
                                       frozenset({"Rivne", "Rzeszów"}): ("signed", "2025-06-09")}


def test_an_acts_date_does_not_date_the_list(extractor) -> None:
    text = ("Рішення ради\n\nНаказом міністерства від 19.05.2025 № 879 погоджено проєкти угод.\n\n"
            "Серед погоджених документів:\n• угода між Луцьком і Любліном;\n")
    assert _found(extractor, text)[frozenset({"Lutsk", "Lublin"})][1] is None


@pytest.mark.parametrize("text, expected", [
    ("Полтавська громада стала партнером Херсонської в межах проєкту «Пліч-о-пліч: згуртовані громади».",
     {frozenset({"Poltava", "Kherson"}): ("established", None)}),
    ("Луцька громада уклала меморандум про співпрацю з Ковельською у сфері освіти.",
     {frozenset({"Lutsk", "Kovel"}): ("signed", None)}),
    # an oblast's elided noun after "з" stays the oblast
    ("Гайворонська громада підписала меморандум з Боярською — з Київської.",
     {frozenset({"Hayvoron", "Boyarka"}): ("signed", None)}),
])
def test_a_community_adjective_whose_noun_was_given_before(extractor, text: str, expected: dict) -> None:
    assert _found(extractor, text) == expected
