"""Ukrainian dates: dateparser's faults handled, relative dates against the publication date as
English ones, the page's date line."""

from __future__ import annotations

import pytest

from twin_extract.uk.dates import dateline, find_date


@pytest.mark.parametrize("text, value, precision", [
    ("12 травня 2023 року", "2023-05-12", "day"),
    ("12.05.2023", "2023-05-12", "day"),
    ("у 2019 році", "2019", "year"),
    ("12-го травня", "2024-05-12", "day"),
    ("у червні 2022 року", "2022-06", "month"),
    ("без дати", None, None),
    ("сьогодні міста підписали угоду", "2024-03-05", "day"),
    ("Вчора міста підписали угоду.", "2024-03-04", "day"),
    ("Учора мери міст підписали угоду.", "2024-03-04", "day"),
    ("Позавчора мери підписали меморандум.", "2024-03-03", "day"),
    ("Результат учорашнього саміту — підписаний меморандум.", "2024-03-04", "day"),
    ("Угоду уклали минулого тижня.", "2024-02-27", "day"),
    ("Меморандум підписали минулого місяця.", "2024-02", "month"),
    ("Торік громади стали партнерами.", "2023", "year"),
    # "recently" dates nothing (the Ukrainian gold gives such a step no date)
    ("Нещодавно міста уклали угоду.", None, None),
    # a part of the year with no year stated is the publication's year
    ("На початку року громади підписали меморандум.", "2024", "year"),
    ("Наприкінці року міста уклали угоду.", "2024", "year"),
    # a weekday is the last one on or before the publication date (5 March 2024 is a Tuesday)
    ("У четвер міста підписали угоду.", "2024-02-29", "day"),
    ("Угоду підписали у вівторок.", "2024-03-05", "day"),
    ("Меморандум уклали в п'ятницю.", "2024-03-01", "day"),
    # a slash as in dots
    ("Угоду підписано 03/05/2021.", "2021-05-03", "day"),
    # a month takes the year a relative phrase beside it gives
    ("У травні минулого року міста підписали угоду.", "2023-05", "month"),
    ("12 травня минулого року міста підписали угоду.", "2023-05-12", "day"),
    # the beginning, middle or end of a month is that month
    ("Наприкінці лютого міста підписали угоду.", "2024-02", "month"),
    ("На початку січня громади уклали меморандум.", "2024-01", "month"),
    ("У середині лютого міста стали партнерами.", "2024-02", "month"),
    # a two-digit year is this century's; a ratio or version is no date
    ("Угоду підписали 12.05.23.", "2023-05-12", "day"),
    ("Населення зросло в 1.5 раза.", None, None),
])
def test_find_date(text: str, value: str | None, precision: str | None) -> None:
    found = find_date(text, 0, "2024", published="2024-03-05")
    assert (found.value, found.precision) == (value, precision) if found else value is None


def test_no_relative_date_without_publication_date() -> None:
    assert find_date("Вчора міста підписали угоду.", 0, None, published=None) is None


@pytest.mark.parametrize("text, value", [
    ("26.01.2022, 19:16\nЧитати на сайті\n\nОбласті підписали меморандум.", "2022-01-26"),
    ("Новини | 07.09.2016, 12:01\n\nМісто розірвало угоди.", "2016-09-07"),
    ("Міста стали партнерами.\n\n20.09.2023 - 14:34 | Переглядів: 120", "2023-09-20"),
    # a date inside a sentence is no date line
    ("Угоду підписали 12.05.2023 у Львові.", None),
])
def test_date_line(text: str, value: str | None) -> None:
    found = dateline(text)
    assert (found.value if found else None) == value


def test_a_month_alone_takes_the_default_year() -> None:
    found = find_date("У березні область підписала угоду.", 0, "2024", published="2024-04-26")
    assert (found.value, found.precision) == ("2024-03", "month")
