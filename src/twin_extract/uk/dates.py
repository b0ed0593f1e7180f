"""Ukrainian dates through dateparser, with its known faults handled around it.

dateparser reads "12 травня 2023 року", but turns "12.05.2023" into 5 December unless told the
order, gives year 4 for "у 2019 році", loses the day of "12-го травня" and fills a missing day
with today's. So the text is located and its precision decided by the patterns below, and
dateparser only converts what was found, with DMY order and the first day of a month.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import dateparser

from ..dates import resolve_relative

MONTHS = ("січ", "лют", "берез", "квіт", "трав", "черв", "лип", "серп", "верес", "жовт", "листопад", "груд")
_MONTH = r"(?:" + "|".join(MONTHS) + r")[а-яії]*"
_DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})(?:-го)?\s+({_MONTH})\s+(\d{{4}})", re.I)
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:-го)?\s+({_MONTH})", re.I)
_MONTH_YEAR = re.compile(rf"\b({_MONTH})\s+(\d{{4}})", re.I)
_IN_MONTH = re.compile(rf"\b(?:у|в|наприкінці|на\s+початку|(?:у|в)\s+(?:середині|кінці))\s+({_MONTH})", re.I)
"""A month without a day or year ("у березні", "наприкінці лютого", "на початку травня"): that
month of the last year the text stated."""
_NUMERIC = re.compile(r"\b(\d{1,2})[./](\d{1,2})[./](\d{4})(?!\d)")
"""Also glued to its 'р.' ("20.05.2024р.")."""
_NUMERIC_SHORT = re.compile(r"\b(0?[1-9]|[12]\d|3[01])\.(0?[1-9]|1[0-2])\.(\d{2})\b(?![.,]?\d)")
"""A day with a two-digit year ("12.05.23"): this century's, as Ukrainian news writes it."""
_TODAY = re.compile(r"\bсьогодн[а-яії]*|(?<!,\s)\bщойно\b|\b(?:хвилин[уи]?|годин[уи]?|хв\.?)\s+тому\b", re.I)
"""Today, as the story was written: "сьогодні", "щойно", "десять хвилин тому", "годину тому"; not
"…, щойно депутати затвердять текст" (as soon as)."""
_YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)(?!\d)(?!-(?:х|ті|тих|их)\b)")
"""A year, not a decade ("з 1990-х років", "у 2000-ті": no year of an event)."""
RELATIVE = (
    (re.compile(r"\bпозавчора\b", re.I), "day", -2), (re.compile(r"\b[ву]чора(?:шн[а-яії]*)?\b", re.I), "day", -1),
    (re.compile(r"\bзавтра\b", re.I), "day", 1),
    (re.compile(r"\bминулого\s+тижня\b|\bна\s+минулому\s+тижні\b", re.I), "day", -7),
    (re.compile(r"\bминулого\s+місяця\b", re.I), "month", -1),
    (re.compile(r"\b(?:минулого\s+року|торік)\b", re.I), "year", -1),
    (re.compile(r"\b(?:цього|поточного)\s+місяця\b", re.I), "month", 0),
    (re.compile(r"\b(?:цього|поточного)\s+року\b|\bцьогоріч\b", re.I), "year", 0),
    (re.compile(r"\b(?:на\s+початку|наприкінці|в\s+кінці|у\s+кінці|в\s+середині|у\s+середині)\s+року\b", re.I),
     "year", 0),
    *((re.compile(rf"\b[уві]\s+{day}\b", re.I), "weekday", n) for n, day in enumerate(
        ("понеділок", "вівторок", "середу", "четвер", "п['’ʼ]ятницю", "суботу", "неділю"))),
    *((re.compile(rf"\bминул(?:ого|ої)\s+{day}\b", re.I), "last weekday", n) for n, day in enumerate(
        ("понеділка", "вівторка", "середи", "четверга", "п['’ʼ]ятниці", "суботи", "неділі"))),
)
"""Relative dates, resolved against the publication date as the English pipeline does
("yesterday", "last week" = seven days back, "last year", "on Tuesday" = the last Tuesday on or
before it; "на початку року", with no year, is the publication's year). "Нещодавно" (recently)
dates nothing: Ukrainian pages use it for events weeks or months old, and the Ukrainian gold gives
such a step no date.
"Учора" is "вчора" after a vowel or at a sentence start (Ukrainian у/в alternation); "учорашнього
саміту" is yesterday's."""
SAME_DAY = re.compile(r"\b(?:того|цього|в\s+той|у\s+той)\s+(?:(?:ж|же)\s+)?(?:дня|день)\b"
                      r"|\b(?:під\s+час|за\s+підсумками|наприкінці|у\s+ході|в\s+ході)\s+(?:цього\s+|цієї\s+)?(?:візиту|зустрічі)\b"
                      r"|\bпісля\s+(?:цієї\s+)?зустрічі\b", re.I)
"""A day named by reference ("Того дня громади підписали …", "у той же день", "Під час візиту
міські голови підписали …", "Після зустрічі міста підписали …" after the meeting's day): the last day the text stated before, as the
English pipeline's "the same day"."""
_TIME_FIRST = r"(?:\d{1,2}:\d{2},?[^\S\n]+)?"
_TIME_AFTER = r"(?:[^\S\n]*(?:р\.|року))?(?:,?[^\S\n]*(?:-[^\S\n]*|о[^\S\n]+)?\d{1,2}:\d{2})?[^\S\n]*(?:\|[^\n]*|\d{1,6}|№[^\S\n]*[\w/.-]+)?[^\S\n]*$"
DATELINE = re.compile(r"(?m)^[^\S\n]*(?:[^\n|]{0,40}\|[^\S\n]*)?" + _TIME_FIRST + r"(\d{1,2}\.\d{1,2}\.\d{4})"
                      + _TIME_AFTER)
"""A page's date line: a line that is a date, with a time, a source or a counter around it
("26.01.2022, 19:16", "Depo.Дніпро | 07.09.2016, 12:01", "20.09.2023 - 14:34 | Переглядів: 3640", "19.05.2022  7") or the time first ("13:07 10.10.2025"), or a decision's number after it ("23.11.2023 № 5/12"). A labelled line ("Дата: 13.01.2026 09:44", a
community site's page template) is not: the Ukrainian gold dates no step by it."""


def dateline(text: str, skip: list[tuple[int, int]] = ()) -> FoundDate | None:
    """The page's own date line, the day the story was filed: as in English, the last resort
    for a step (signed, ended, …) the story reports without a date of its own. A council
    decision's own line of date and number ("від 13.06.2025 № 1169-41/2025") is its date line;
    so is a line that is a date in words ("17 вересня 2024, 10:15") or a publication label's
    ("Опубліковано: 17.09.2024"). A line inside ``skip`` (a related-links block's) is no date line."""
    match = next((m for regex in (DATELINE, ACT_LINE, WORDED_LINE) for m in regex.finditer(text)
                  if not any(a <= m.start() < b for a, b in skip)), None)
    return find_date(match.group(1), match.start(1), None) if match else None
WORDED_LINE = re.compile(r"(?m)^[^\S\n]*(?:(?:Опубліковано|Оприлюднено|Дата\s+публікації)[^\S\n]*:?[^\S\n]*)?"
                         rf"(\d{{1,2}}\.\d{{1,2}}\.\d{{4}}|\d{{1,2}}[^\S\n]+{_MONTH}[^\S\n]+\d{{4}})"
                         r"(?:[^\S\n]*(?:р\.|року))?(?:,?[^\S\n]*(?:о[^\S\n]+)?\d{1,2}:\d{2})?[^\S\n]*$")
"""A date line in words ("17 вересня 2024, 10:15") or after a publication label ("Опубліковано:
17.09.2024", "Дата публікації: 17 вересня 2024 року"); a bare "Дата:" stays a template's."""
ACT_LINE = re.compile(r"(?m)^[^\S\n]*(?:РІШЕННЯ[^\S\n]+)?(?:від|ВІД)[^\S\n]+(\d{1,2}\.\d{1,2}\.\d{4})(?:[^\S\n]*(?:р\.|року))?"
                      r"[^\S\n]*(?:№[^\S\n]*[\w/.-]+|м\.[^\S\n]*[А-ЯІЇЄҐ][\w'’-]*)[^\S\n]*$")
"""A decision's line of date and number, alone on its line ("від 13.06.2025 № 1169-41/2025"), or of date
and town ("від 19.05.2022 року          м. Фастів")."""
PERIOD = re.compile(r"\b(?:на|до)\s+(?:19|20)\d{2}(?:\s*[–—-]\s*(?:19|20)\d{2})?\s*(?:рік|роки|р\.|рр\.)", re.I)
"""A period a plan or programme covers ("План дій на 2025 рік", "програма на 2024–2027 роки"): no
event date."""
SETTINGS = {"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["month"]}


@dataclass(frozen=True)
class FoundDate:
    text: str
    value: str
    precision: str
    start: int
    end: int


def _month(text: str) -> int | None:
    """Month number from the stem table: dateparser misses locative forms ("у червні")."""
    lowered = text.lower()
    for number, stem in enumerate(MONTHS, start=1):
        if lowered.startswith(stem):
            return number
    parsed = dateparser.parse(f"1 {text} 2000", languages=["uk"], settings=SETTINGS)
    return parsed.month if parsed else None


HALF_YEAR = 6
"""Months past the page's date beyond which a day stated without a year is read as last year's."""


def find_date(sentence: str, offset: int, default_year: str | None,
              published: str | None = None) -> FoundDate | None:
    """The most precise date stated in ``sentence``; a day without a year takes the year a relative
    phrase beside it gives ("у травні минулого року"), else ``default_year``; "сьогодні" (today)
    the ``published`` date."""
    sentence = PERIOD.sub(lambda m: " " * len(m.group(0)), sentence)
    relative_year = _relative(sentence, offset, published, units=("year",))
    default_year = relative_year.value if relative_year else default_year
    match = _NUMERIC.search(sentence) or _NUMERIC_SHORT.search(sentence)
    if match:
        day, month, year = match.groups()
        year = year if len(year) == 4 else f"20{year}"
        return FoundDate(match.group(0), f"{year}-{int(month):02d}-{int(day):02d}", "day",
                         offset + match.start(), offset + match.end())
    for pattern, precision in ((_DAY_MONTH_YEAR, "day"), (_MONTH_YEAR, "month"), (_DAY_MONTH, "day")):
        match = pattern.search(sentence)
        if not match:
            continue
        groups = match.groups()
        month = _month(groups[1] if precision == "day" else groups[0])
        year = groups[2] if pattern is _DAY_MONTH_YEAR else groups[1] if precision == "month" else default_year
        if month is None or year is None:
            continue
        value = f"{year}-{month:02d}" + (f"-{int(groups[0]):02d}" if precision == "day" else "")
        if pattern is _DAY_MONTH and published and len(published) >= 10 and year == published[:4] \
                and month - int(published[5:7]) > HALF_YEAR:
            # a day more than half a year past the page's own date is last year's: "28 грудня" on a page
            # of 15 January; "12 травня" on a page of 5 March is an event ahead
            value = f"{int(year) - 1}{value[4:]}"
        return FoundDate(match.group(0), value, precision, offset + match.start(), offset + match.end())
    match = _IN_MONTH.search(sentence)
    month = _month(match.group(1)) if match else None
    if match and month is not None and default_year:
        return FoundDate(match.group(0), f"{default_year}-{month:02d}", "month",
                         offset + match.start(), offset + match.end())
    match = _TODAY.search(sentence)
    if match and published:
        return FoundDate(match.group(0), published, "day", offset + match.start(), offset + match.end())
    relative = _relative(sentence, offset, published)
    if relative:
        return relative
    match = _YEAR.search(sentence)
    if match:
        return FoundDate(match.group(0), match.group(0), "year", offset + match.start(), offset + match.end())
    return None


def _relative(sentence: str, offset: int, published: str | None,
              units: tuple[str, ...] = ("day", "month", "year", "weekday", "last weekday")) -> FoundDate | None:
    """"Вчора", "минулого тижня", "торік", "у четвер", … against ``published``; None without it."""
    if not published or not re.match(r"\d{4}-\d{2}-\d{2}$", published):
        return None
    for pattern, unit, n in RELATIVE:
        if unit not in units:
            continue
        match = pattern.search(sentence)
        if not match:
            continue
        if unit == "last weekday":
            # "минулої середи" on a Wednesday is a week back: the weekday before the publication day
            from datetime import date, timedelta
            day_before = (date.fromisoformat(published) - timedelta(days=1)).isoformat()
            value, precision = resolve_relative(day_before, "weekday", n)
        else:
            value, precision = resolve_relative(published, unit, n)
        if value is None or precision is None:
            return None
        return FoundDate(match.group(0), value, precision, offset + match.start(), offset + match.end())
    return None
