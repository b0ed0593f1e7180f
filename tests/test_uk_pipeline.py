"""The Ukrainian pipeline: lemmas through every parse, records end to end with English names,
Cyrillic text and ``source.lang`` (dates: ``test_uk_dates.py``)."""

from __future__ import annotations

import pytest

from twin_extract.uk.morph import nominatives


@pytest.mark.parametrize("word, lemma", [
    ("Києві", "київ"), ("Львові", "львів"), ("Вроцлавом", "вроцлав"), ("Харкова", "харків"),
])
def test_nominatives_include_the_place(word: str, lemma: str) -> None:
    assert lemma in nominatives(word)


@pytest.fixture(scope="module")
def extractor():
    from twin_extract.pipeline import Extractor

    return Extractor()


UK_TEXT = ("Житомир та Гдиня стали побратимами\n\n"
           "15 березня 2022 року міський голова Житомира підписав угоду з польським містом Гдиня. "
           "У 2016 році Житомир розірвав побратимські зв'язки зі Смоленськом.")


def test_ukrainian_records_end_to_end(extractor) -> None:
    records = extractor.extract(UK_TEXT, published="2022-03-20")
    found = {frozenset(p.name for p in r.parties): (r.status, r.date.value if r.date else None)
             for r in records}
    assert found == {frozenset({"Zhytomyr", "Gdynia"}): ("signed", "2022-03-15"),
                     frozenset({"Zhytomyr", "Smolensk"}): ("terminated", "2016")}
    data = records[0].to_dict()
    assert data["source"]["lang"] == "uk"
    assert data["parties"][0]["text"] in UK_TEXT


def test_mixed_batch_keeps_order_and_english_has_no_lang(extractor) -> None:
    from twin_extract.record import NewsItem

    items = [NewsItem(text="Kyiv and Paris signed a twinning agreement in 2022.", id="en"),
             NewsItem(text=UK_TEXT, id="uk", published="2022-03-20"),
             NewsItem(text="Город Днепр разорвал отношения с Самарой, побратимом.", id="ru")]
    out = list(extractor.pipe(items))
    assert [item.id for item, _ in out] == ["en", "uk", "ru"]
    assert out[0][1] and "lang" not in out[0][1][0].to_dict()["source"]
    assert out[1][1] and out[2][1] == []


def test_lang_argument_overrides_detection(extractor) -> None:
    assert extractor.extract(UK_TEXT, published="2022-03-20", lang="en") == []
    with pytest.raises(ValueError):
        extractor.extract(UK_TEXT, lang="xx")


@pytest.mark.parametrize("text, expected", [
    # pairs written with dashes pair as written, not all with the first place
    ("Побратимство громад\n\nВже сформувалися такі пари громад-побратимів: Житомир — Гдиня; Луцьк — Люблін.",
     {frozenset({"Zhytomyr", "Gdynia"}), frozenset({"Lutsk", "Lublin"})}),
    # without dashes the first place is the hub
    ("Житомир підписав угоду про побратимство з Гдинею та Любліном.",
     {frozenset({"Zhytomyr", "Gdynia"}), frozenset({"Zhytomyr", "Lublin"})}),
])
def test_dash_pairs(extractor, text: str, expected: set) -> None:
    assert {frozenset(p.name for p in r.parties) for r in extractor.extract(text, lang="uk")} == expected


@pytest.mark.parametrize("text", [
    "Житомир підписав угоду про співпрацю з організацією Stand with Ukraine.",
    "Житомир і Україна підписали угоду про співпрацю.",
    "Житомир підписав меморандум про співпрацю: така думка Республіка не від того.",
])
def test_countries_and_common_words_are_not_partners(extractor, text: str) -> None:
    assert extractor.extract(text, lang="uk") == []


@pytest.mark.parametrize("text, expected", [
    # a community named by its town's adjective
    ("Шумська громада стала партнером Кочубеївської громади.", {frozenset({"Shumsk", "Kochubeivka"})}),
    ("Житомирська міська рада підписала угоду про побратимство з Любліном.", {frozenset({"Zhytomyr", "Lublin"})}),
])
def test_a_community_named_by_its_adjective(extractor, text: str, expected: set) -> None:
    assert {frozenset(p.name for p in r.parties) for r in extractor.extract(text, lang="uk")} == expected
