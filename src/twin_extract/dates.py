"""Find and resolve date expressions in English news text.

The relation extractor needs the calendar date of each reported event, with honest precision:
a date is never given a day or a year the text (or the article's publication date) does not
supply. Recognition is a set of regular expressions compiled once at import; month and weekday
names are parsed with plain dicts, so no dateparser call (and no slow language-data load, no
"fill the missing day with today's") is ever needed.

Rules, in short:

* ``absolute`` mentions carry their own year ("12 March 2023", "March 2023", "2023-03-12",
  "12.03.2023" day-first); ``year`` mentions are bare-year expressions ("in 2022", "since 2015",
  "early 2023", "the summer of 2022"); a bare 4-digit number is a year only in 1900-2099 and only
  after a cue word ("in", "since", "of", "by", ...) or next to a month, and never when a count noun
  follows ("by 2000 people") or a quantity word precedes ("a population of 2000").
* ``partial`` mentions (month, or day and month, without a year) take the year of the latest
  earlier ``absolute``/``year`` mention in the same text, else ``published``'s year, else ``None``.
  The head of a range takes the year of its tail ("from March to June 2022").
* ``relative`` mentions ("yesterday", "last week", "recently", "on Monday", "three years ago")
  resolve only against ``published``; "recently" is read (so "until recently" is no other date)
  but names no month or day, so it stays unresolved. "now" is never a date; "today" (and "tonight", "this
  morning") is one only when ``published`` is known.
* A leading preposition ("In June 2022", "since 2015", "on 3 May") is part of the mention text,
  as in the record format; a range connector ("to", "and", "-") is not.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

__all__ = ["DateMention", "find_dates"]


@dataclass(frozen=True)
class DateMention:
    """One date expression: its span in the text and its resolved calendar value."""

    text: str
    start: int
    end: int
    value: str | None
    precision: str | None
    kind: str


_MONTH_NAMES = ["january", "february", "march", "april", "may", "june", "july", "august",
                "september", "october", "november", "december"]
_MONTH_ABBR = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
               "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12}
_MONTHS = {name: i for i, name in enumerate(_MONTH_NAMES, 1)} | _MONTH_ABBR
_WEEKDAY_NAMES = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_WEEKDAYS = {name: i for i, name in enumerate(_WEEKDAY_NAMES)}
_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
                 "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
                 "twelve": 12, "a couple of": 2}


def _capitalised(words: list[str]) -> str:
    """Title-case or upper-case only: lower-case "may", "march" are usually not months."""
    return "|".join(f"{w.capitalize()}|{w.upper()}" for w in sorted(words, key=len, reverse=True))


_MONTH_FULL = rf"(?:{_capitalised(_MONTH_NAMES)})\b"
_MONTH_ANY = rf"(?:{_MONTH_FULL}|(?:{_capitalised(list(_MONTH_ABBR))})\b\.?)"
_WEEKDAY = rf"(?:{_capitalised(_WEEKDAY_NAMES)})\b"
_YEAR = r"(?P<y>(?:19|20)\d{2})\b"
_DAY = r"(?<![\d.,:/])(?P<d>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\b(?!\s*%|[.,:]\d)"
_WD_PREFIX = rf"(?:{_WEEKDAY},?\s+)?"
# Parts of a year or month that keep the precision of what follows ("early 2023", "mid-June").
_PART = (r"\b(?i:(?:early|late|mid)(?:-|\s+)"
         r"|(?:the\s+)?(?:end|beginning|start|middle|turn|(?:first|second|last)\s+half"
         r"|(?:first|second|third|fourth|last)\s+(?:week|quarter|days?|months?))\s+of\s+)")
_SEASON = (r"\b(?i:(?:the\s+)?(?:(?:early|late|mid)(?:-|\s+))?(?:spring|summer|autumn|winter)"
           r"(?:\s+of)?\s+|(?:the\s+)?fall\s+of\s+)")

_ISO_RE = re.compile(r"(?<![\d.-])(?P<y>(?:19|20)\d{2})(?P<isep>[-./])(?P<m>0?[1-9]|1[0-2])(?P=isep)"
                     r"(?P<d>0?[1-9]|[12]\d|3[01])(?!\d|[./]\d)")
"""Year first: "2019-05-03", and as East Asian pages write it, "1979.5.2" or "2008/12/02"."""
_NUMERIC_RE = re.compile(r"(?<![\d.,/-])(?P<a>\d{1,2})(?P<sep>[./-])(?P<b>\d{1,2})(?P=sep)"
                         r"(?P<y>(?:19|20)\d{2})(?!\d|[.,/-]\d)")
_DMY_RE = re.compile(rf"{_WD_PREFIX}(?i:the\s+)?{_DAY}(?:\s+(?i:day))?(?:\s+(?i:of))?\s+(?P<mon>{_MONTH_ANY})"
                     rf"(?:,?\s+(?:(?i:of)\s+)?(?:A\.\s?D\.,?\s+)?{_YEAR})?")
"""Day first: "12 May 2023", "the 3rd of June", and as resolutions date themselves, "this 14th day
of May, 2008", "the 6th day of November, A.D., 1991"."""
_DASHED_DMY_RE = re.compile(rf"(?<![\d-])(?P<d>3[01]|[12]\d|0?[1-9])[-/](?P<mon>{_MONTH_ANY})[-/]{_YEAR}")
"""Day, month and year joined by hyphens, as forms and tables write them: "08-May-2023", "8-Jun-2021"."""
_MDY_RE = re.compile(rf"{_WD_PREFIX}(?P<mon>{_MONTH_ANY})\s+(?:(?i:the)\s+)?{_DAY}"
                     rf"(?:,?\s+{_YEAR})?")
_MONTH_YEAR_RE = re.compile(rf"(?P<part>{_PART})?(?P<mon>{_MONTH_ANY}),?\s+(?:(?i:of)\s+)?{_YEAR}")
_MONTH_RE = re.compile(rf"(?P<part>{_PART})?(?P<mon>{_MONTH_FULL})(?!['’]s)")
_YEAR_PART_RE = re.compile(rf"(?:{_PART}|{_SEASON}|\b(?i:(?:the\s+)?year\s+)|\bFY\s?){_YEAR}")
"""A year with a word that makes it one: "early 2023", "the summer of 2022", "the year 2019", a
fiscal year "FY2019" (named by the calendar year it ends in; a date needs no finer reading)."""
_YEAR_RE = re.compile(r"(?<![\d.,$€£#/-])" + _YEAR + r"(?![.,/]\d|\s*(?:%|(?i:per\s*cent)))")
_TAIL_YEAR_RE = re.compile(r"(?<![\d.,])" + _YEAR + r"(?![.,/]\d|\s*(?:%|(?i:per\s*cent)))")
_RELATIVE_RE = re.compile(
    r"(?i:\b(?P<r>the\s+day\s+before\s+yesterday|yesterday|today|tonight|tomorrow"
    r"|this\s+(?:morning|afternoon|evening)|recently"
    r"|(?P<part>(?:early|earlier|late|later|mid)(?:-|\s+)"
    r"|(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+)?(?P<q>this|last|next)\s+"
    r"(?P<u>week|month|year))\b)")
_AGO_RE = re.compile(r"(?i:\b(?P<n>\d{1,2}|a\s+couple\s+of|an?|one|two|three|four|five|six"
                     r"|seven|eight|nine|ten|eleven|twelve)\s+(?P<u>day|week|month|year)s?"
                     r"\s+ago\b)")
_WEEKDAY_RE = re.compile(rf"(?i:\b(?P<q>on|last|next|(?:this\s+)?past))\s+(?P<wd>{_WEEKDAY})")
_AP_WEEKDAY_RE = re.compile(
    rf"\b(?:[a-z]+ed|said|met|told|held|took|gave|sent|made|wrote|began|agreed|signed|voted|[a-z]+ly"
    rf"|meeting|session|ceremony|call|conference|vote|event)\s+"
    rf"(?P<wd>{_WEEKDAY})|\b(?P<wd2>{_WEEKDAY})(?:\s+(?:night|morning|afternoon|evening)\b|['’]s\b)")
# Wire style drops the "on": "the council voted Tuesday", "voted unanimously Monday night",
# "at Monday's meeting", "during a virtual meeting Tuesday".
_DAY_ONLY_RE = re.compile(
    r"(?i:\b(?:on|since|from|by|until)\s+the\s+)(?P<d>3[01]|[12]\d|[1-9])(?:st|nd|rd|th)\b"
    r"(?!\s*(?:-|of\b)|\s+(?i:anniversary|century|centuries|birthday|floor|time|times|edition|annual|session|congress"
    r"|summit|conference|meeting|day|days|year|years|place|round|stage|week|month|largest|biggest|most|and)\b)")
"""Korean and Japanese pages date events by the day alone: "signed on the 21st", "announced on the
22nd that ...": the month and year are the page's (the month before when the day is later)."""
_MONTH_REL_RE = re.compile(rf"(?i:\b(?P<q>last|this|next))\s+(?P<mon>{_MONTH_FULL})")

_PREPOSITIONS = r"in|on|since|from|until|till|by|during|before|after|between|through|throughout"
# A preposition right before a mention becomes part of its text.
_TEXT_PREP_RE = re.compile(rf"(?<!\w)(?i:{_PREPOSITIONS}|as\s+of)\s+$")
# Cues that make a bare month or a bare 4-digit number a date.
_MONTH_CUE_RE = re.compile(rf"(?<!\w)(?i:(?!on\b)(?:{_PREPOSITIONS})|as\s+of)\s+$")
_LABEL_VERBS = r"established|est\.|founded|signed|twinned|partnered|formed|adopted|ratified|renewed"
# Partner pages label an entry's year with a bare participle: "Monterrey, Mexico (Established
# 1953)", "Kumamoto, Japan, est. 1987", "Twinned: 1972".
_YEAR_CUE_RE = re.compile(rf"(?<![\w-])(?P<cue>(?i:(?!on\b)(?:{_PREPOSITIONS})|of|as\s+of|back\s+to"
                          rf"|as\s+(?:far\s+back|early|long\s+ago)\s+as|(?:{_LABEL_VERBS})\s*:?))\s+$")
# "The 1986 link with Castiglione", "the 1994 memorandum": a year that modifies a noun after a
# determiner dates the thing the noun names.
_YEAR_DETERMINER_RE = re.compile(r"(?<![\w-])(?i:the|its|their)\s+$")
_NOUN_AFTER_RE = re.compile(r"\s+[a-z]")
_WORD_BEFORE_RE = re.compile(r"(?<![\w-])(?P<w>[A-Za-z]+)\s+$")
_QUANTITY_WORDS = frozenset(
    "population total number sum amount budget cost costs area capacity crowd group groups "
    "maximum minimum average worth price value salary increased decreased grew rose fell "
    "dropped reduced raised climbed jumped up down".split())
_COUNT_AFTER_RE = re.compile(
    r"\s+(?i:people|persons|residents|inhabitants|citizens|children|kids|students|pupils"
    r"|refugees|families|households|volunteers|participants|visitors|tourists|soldiers"
    r"|troops|employees|workers|jobs|members|delegates|guests|spectators|signatures|votes"
    r"|euros?|dollars?|hryvnias?|uah|eur|usd|zlotys?|pounds|tonnes|tons|kg|km|kilometres"
    r"|kilometers|metres|meters|miles|hectares|square|sq|beds|homes|houses|apartments|flats"
    r"|buildings|books|trees|items|units|pieces|copies|times|hours|minutes|seconds|cars"
    r"|vehicles|buses|generators|packages|parcels|kits|meals|boxes)\b")
_RANGE_CONNECTOR_RE = re.compile(r"\s*[-–—]\s*|\s+(?i:to|and|until|till|through|or)\s+")
_THE_BEFORE_RE = re.compile(r"(?<!\w)(?i:the)\s+$")
_PUBLISHED_RE = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})(?:[T\s].*)?\s*$", re.S)
_PREP_WINDOW = 24


@dataclass
class _Candidate:
    """A matched span before resolution; ``info`` holds what the resolver needs."""

    start: int
    end: int
    kind: str
    info: dict[str, Any]
    range_tail: "_Candidate | None" = None


def _month_number(name: str) -> int:
    return _MONTHS[name.rstrip(".").lower()]


def _cued(text: str, start: int, cue_re: re.Pattern[str]) -> bool:
    return cue_re.search(text, max(0, start - _PREP_WINDOW), start) is not None


def _year_cue_ok(text: str, start: int, end: int) -> bool:
    """A bare 4-digit year needs a cue before it ("in", "since", "dates back to"; or a determiner
    when it modifies a noun: "the 1994 memorandum") and no count noun or quantity word around it
    (``_year`` also takes one alone in brackets after a name, as lists of partners write it:
    "Lyon (1959)", "Dallas, Texas (1997)"; not "2,000 inhabitants (2021)")."""
    cue = _YEAR_CUE_RE.search(text, max(0, start - _PREP_WINDOW), start)
    if _COUNT_AFTER_RE.match(text, end):
        return False
    if cue is None:
        return _YEAR_DETERMINER_RE.search(text, max(0, start - _PREP_WINDOW), start) is not None and \
            _NOUN_AFTER_RE.match(text, end) is not None
    before = _WORD_BEFORE_RE.search(text, max(0, cue.start() - _PREP_WINDOW), cue.start())
    return before is None or before.group("w").lower() not in _QUANTITY_WORDS


def _day_month(m: re.Match[str]) -> _Candidate:
    info: dict[str, Any] = {"m": _month_number(m.group("mon")), "d": int(m.group("d"))}
    if m.group("y"):
        info["y"] = int(m.group("y"))
        return _Candidate(m.start(), m.end(), "absolute", info)
    return _Candidate(m.start(), m.end(), "partial", info)


def _iso(m: re.Match[str]) -> _Candidate:
    return _Candidate(m.start(), m.end(), "absolute",
                      {"y": int(m.group("y")), "m": int(m.group("m")), "d": int(m.group("d"))})


def _numeric(m: re.Match[str]) -> _Candidate:
    """Dots and hyphens are day-first; slashes only when the order is unambiguous."""
    a, b = int(m.group("a")), int(m.group("b"))
    info: dict[str, Any] = {"y": int(m.group("y"))}
    if m.group("sep") != "/" or a == b or (a > 12 >= b):
        info.update(d=a, m=b)
    elif b > 12 >= a:
        info.update(d=b, m=a)
    else:
        info.update(ambiguous=True, a=a, b=b)
    return _Candidate(m.start(), m.end(), "absolute", info)


def _published_reading(info: dict[str, Any], pub: datetime.date | None) -> tuple[str | None, str | None]:
    """"Date Created: 5/3/2023" on a page published on 3 May 2023: of the two readings of a
    slashed date, the one that is the publication day; otherwise none."""
    if pub is None:
        return None, None
    for month, day in ((info["a"], info["b"]), (info["b"], info["a"])):
        if _format(int(info["y"]), month, day)[0] == pub.isoformat():
            return _format(int(info["y"]), month, day)
    return None, None


def _month_year(m: re.Match[str]) -> _Candidate:
    return _Candidate(m.start(), m.end(), "absolute",
                      {"y": int(m.group("y")), "m": _month_number(m.group("mon"))})


def _month(m: re.Match[str], text: str, cue_needed: bool = True) -> _Candidate | None:
    if cue_needed and not m.group("part") and not _cued(text, m.start(), _MONTH_CUE_RE):
        return None
    return _Candidate(m.start(), m.end(), "partial", {"m": _month_number(m.group("mon"))})


def _year_part(m: re.Match[str]) -> _Candidate:
    return _Candidate(m.start(), m.end(), "year", {"y": int(m.group("y"))})


def _year(m: re.Match[str], text: str) -> _Candidate | None:
    bracketed = text[max(0, m.start() - 1):m.start()] == "(" and text[m.end():m.end() + 1] in (")", ";", ",") \
        and re.search(r"[A-ZÀ-Þ][^\s(]*\)?,?\s*$", text[max(0, m.start() - 40):m.start() - 1]) is not None
    # "Los Altos (USA, 1985)": a country and the year in one bracket after a partner's name
    bracketed = bracketed or text[m.end():m.end() + 1] == ")" and \
        re.search(r"[A-ZÀ-Þ][^\s(]*\s*\(\s*[A-ZÀ-Þ][\w.' -]{1,30},\s*$", text[max(0, m.start() - 60):m.start()]) is not None
    if not bracketed and not _year_cue_ok(text, m.start(), m.end()):
        return None
    return _Candidate(m.start(), m.end(), "year", {"y": int(m.group("y"))})


def _relative(m: re.Match[str], text: str) -> _Candidate | None:
    unit, q = m.group("u"), m.group("q")
    if unit:
        # "the last year", "the next week": a span of time, not a calendar unit.
        if not m.group("part") and q.lower() != "this" and _cued(text, m.start(), _THE_BEFORE_RE):
            return None
        step = {"this": 0, "last": -1, "next": 1}[q.lower()]
        return _Candidate(m.start(), m.end(), "relative", {"unit": unit.lower(), "n": step})
    word = " ".join(m.group("r").lower().split())
    if word == "recently":
        return _Candidate(m.start(), m.end(), "relative", {"unit": "recent"})
    days = {"the day before yesterday": -2, "yesterday": -1, "tomorrow": 1}.get(word, 0)
    return _Candidate(m.start(), m.end(), "relative",
                      {"unit": "day", "n": days, "today": word not in
                       ("the day before yesterday", "yesterday", "tomorrow")})


def _ago(m: re.Match[str]) -> _Candidate:
    raw = " ".join(m.group("n").lower().split())
    n = int(raw) if raw.isdigit() else _NUMBER_WORDS[raw]
    return _Candidate(m.start(), m.end(), "relative", {"unit": m.group("u").lower(), "n": -n})


def _weekday(m: re.Match[str]) -> _Candidate:
    q = " ".join(m.group("q").lower().split())
    mode = {"on": "on_or_before", "next": "after"}.get(q, "before")
    return _weekday_at(m.start(), m.end(), m.group("wd"), mode)


def _ap_weekday(m: re.Match[str]) -> _Candidate:
    group = "wd" if m.group("wd") else "wd2"
    return _weekday_at(m.start(group), m.end(group), m.group(group), "on_or_before")


def _weekday_at(start: int, end: int, name: str, mode: str) -> _Candidate:
    return _Candidate(start, end, "relative", {"unit": "weekday", "wd": _WEEKDAYS[name.lower()], "mode": mode})


def _day_only(m: re.Match[str]) -> _Candidate:
    return _Candidate(m.start(), m.end(), "relative", {"unit": "day_of_month", "d": int(m.group("d"))})


def _month_relative(m: re.Match[str]) -> _Candidate:
    return _Candidate(m.start(), m.end(), "relative",
                      {"unit": "named_month", "m": _month_number(m.group("mon")),
                       "mode": m.group("q").lower()})


_Finder = Callable[[re.Match[str], str], "_Candidate | None"]
_FINDERS: list[tuple[re.Pattern[str], _Finder]] = [
    (_ISO_RE, lambda m, t: _iso(m)),
    (_NUMERIC_RE, lambda m, t: _numeric(m)),
    (_DASHED_DMY_RE, lambda m, t: _day_month(m)),
    (_DMY_RE, lambda m, t: _day_month(m)),
    (_MDY_RE, lambda m, t: _day_month(m)),
    (_MONTH_YEAR_RE, lambda m, t: _month_year(m)),
    (_MONTH_RE, _month),
    (_YEAR_PART_RE, lambda m, t: _year_part(m)),
    (_YEAR_RE, _year),
    (_RELATIVE_RE, _relative),
    (_AGO_RE, lambda m, t: _ago(m)),
    (_WEEKDAY_RE, lambda m, t: _weekday(m)),
    (_AP_WEEKDAY_RE, lambda m, t: _ap_weekday(m)),
    (_MONTH_REL_RE, lambda m, t: _month_relative(m)),
    (_DAY_ONLY_RE, lambda m, t: _day_only(m)),
]
# After a range connector the second element needs no cue of its own ("from 2014 to 2022").
_TAIL_FINDERS: list[tuple[re.Pattern[str], _Finder]] = [
    (_ISO_RE, lambda m, t: _iso(m)),
    (_NUMERIC_RE, lambda m, t: _numeric(m)),
    (_DMY_RE, lambda m, t: _day_month(m)),
    (_MDY_RE, lambda m, t: _day_month(m)),
    (_MONTH_YEAR_RE, lambda m, t: _month_year(m)),
    (_MONTH_RE, lambda m, t: _month(m, t, cue_needed=False)),
    (_TAIL_YEAR_RE, lambda m, t: None if _COUNT_AFTER_RE.match(t, m.end()) else _year_part(m)),
]


def _with_preposition(text: str, cand: _Candidate) -> _Candidate:
    prep = _TEXT_PREP_RE.search(text, max(0, cand.start - _PREP_WINDOW), cand.start)
    if prep is not None:
        cand.start = prep.start()
    return cand


def _candidates(text: str) -> list[_Candidate]:
    found = []
    for pattern, build in _FINDERS:
        for m in pattern.finditer(text):
            cand = build(m, text)
            if cand is not None:
                found.append(_with_preposition(text, cand))
    return found


def _select(cands: list[_Candidate]) -> list[_Candidate]:
    """Keep the longest of overlapping candidates (earlier wins a tie)."""
    chosen: list[_Candidate] = []
    for cand in sorted(cands, key=lambda c: (c.start - c.end, c.start)):
        if all(cand.end <= c.start or cand.start >= c.end for c in chosen):
            chosen.append(cand)
    return sorted(chosen, key=lambda c: c.start)


def _add_range_tails(text: str, chosen: list[_Candidate]) -> list[_Candidate]:
    """Second halves of ranges ("to 2022", "and June 2023") that lack a cue of their own."""
    result: list[_Candidate] = []
    queue = list(chosen)
    while queue:
        cand = queue.pop(0)
        result.append(cand)
        conn = _RANGE_CONNECTOR_RE.match(text, cand.end) if cand.kind != "relative" else None
        if conn is None:
            continue
        if queue and queue[0].start == conn.end() and queue[0].kind != "relative":
            cand.range_tail = queue[0]
            continue
        best: _Candidate | None = None
        for pattern, build in _TAIL_FINDERS:
            m = pattern.match(text, conn.end())
            tail = build(m, text) if m else None
            if tail is not None and (best is None or tail.end > best.end):
                best = tail
        if best is None or (queue and queue[0].start < best.end):
            continue
        cand.range_tail = best
        queue.insert(0, best)
    return result


_YEAR_LIST_RE = re.compile(r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)" + _YEAR + r"(?![.,/]\d|\s*(?:%|(?i:per\s*cent)))")


def _add_year_lists(text: str, chosen: list[_Candidate]) -> list[_Candidate]:
    """The other years of a list that a cued year starts ("renewed in 1998, 2002 and 2007")."""
    result = list(chosen)
    for cand in chosen:
        if cand.kind != "year":
            continue
        end = cand.end
        while (m := _YEAR_LIST_RE.match(text, end)) and not _COUNT_AFTER_RE.match(text, m.end()):
            if any(c.start < m.end() and m.start("y") < c.end for c in result):
                break
            result.append(_Candidate(m.start("y"), m.end(), "year", {"y": int(m.group("y"))}))
            end = m.end()
    return sorted(result, key=lambda c: c.start)


def _parse_published(published: str | datetime.date | None) -> datetime.date | None:
    if isinstance(published, datetime.datetime):
        return published.date()
    if isinstance(published, datetime.date):
        return published
    if isinstance(published, str):
        m = _PUBLISHED_RE.match(published)
        if m:
            try:
                return datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                return None
    return None


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + delta
    return index // 12, index % 12 + 1


def _format(y: int | None, m: int | None = None, d: int | None = None
            ) -> tuple[str | None, str | None]:
    """(value, precision); an impossible calendar date is unresolved, not corrected."""
    if y is None:
        return None, None
    if m is None:
        return f"{y:04d}", "year"
    if d is None:
        return f"{y:04d}-{m:02d}", "month"
    try:
        datetime.date(y, m, d)
    except ValueError:
        return None, None
    return f"{y:04d}-{m:02d}-{d:02d}", "day"


def resolve_relative(published: str | datetime.date | None, unit: str, n: int) -> tuple[str | None, str | None]:
    """(value, precision) of a date ``n`` days, months or years from the publication date
    ("yesterday", "last month", "last year"), or of weekday ``n`` (0 = Monday) on or before it
    ("on Tuesday"): the one place every language's relative dates are counted; (None, None)
    without a publication date."""
    pub = _parse_published(published)
    info: dict[str, Any] = {"unit": unit, "wd": n, "mode": "on_or_before"} if unit == "weekday" else {"unit": unit, "n": n}
    return _resolve_relative(info, pub) if pub is not None else (None, None)


def _resolve_relative(info: dict[str, Any], pub: datetime.date
                      ) -> tuple[str | None, str | None]:
    unit = info["unit"]
    if unit == "recent":
        return None, None  # "recently": some time before publication, no calendar unit
    if unit in ("day", "week"):
        days = int(info["n"]) * (7 if unit == "week" else 1)
        day = pub + datetime.timedelta(days=days)
        return _format(day.year, day.month, day.day)
    if unit == "month":
        return _format(*_shift_month(pub.year, pub.month, int(info["n"])))
    if unit == "year":
        return _format(pub.year + int(info["n"]))
    if unit == "day_of_month":
        day = int(info["d"])
        year, month = (pub.year, pub.month) if day <= pub.day else _shift_month(pub.year, pub.month, -1)
        return _format(year, month, day)
    if unit == "weekday":
        back = (pub.weekday() - int(info["wd"])) % 7
        if info["mode"] == "after":
            day = pub + datetime.timedelta(days=(7 - back) % 7 or 7)
        else:
            day = pub - datetime.timedelta(days=back or (7 if info["mode"] == "before" else 0))
        return _format(day.year, day.month, day.day)
    month = int(info["m"])
    year = pub.year
    if info["mode"] == "last" and month >= pub.month:
        year -= 1
    elif info["mode"] == "next" and month <= pub.month:
        year += 1
    return _format(year, month)


def _context_month(cand: _Candidate, earlier: list[DateMention], pub: datetime.date | None) -> DateMention | None:
    """The month a day-only date continues ("from July 26 to the 29th, ... on the 27th"; "the
    event in Olympia in July ... signed at the event on the 27th"): the last earlier date with a
    month, unless that puts the day after publication."""
    for d in reversed(earlier):
        if d.value and len(d.value) >= 7:
            day = _format(int(d.value[:4]), int(d.value[5:7]), int(cand.info["d"]))[0]
            return d if day and (pub is None or day <= pub.isoformat()) else None
    return None


_YEAR_SPAN_RE = re.compile(r"(?<![\d.,/$€£#-])(?P<y>(?:19|20)\d{2})\s*[-–]\s*(?:19|20)\d{2}(?![\d.,/-]|\s*(?:%|(?i:per\s*cent)))")
"""A span of years with no cue ("a cooperation agreement for 2021-2026"): names no date of its own,
but it is an explicit year, so a day or month without a year after it takes its first year."""


_TO_PRESENT_RE = re.compile(r"(?<![\d.,/$€£#-])(?P<y>(?:19|20)\d{2})\s*[-–—]\s*(?i:present|now|today)\b")
"""A span of years up to now ("sister cities, 1989–present"): its first year is when it began,
as "since 1989" says."""


def _year_spans(text: str, chosen: list[_Candidate]) -> list[_Candidate]:
    spans = [_Candidate(m.start(), m.end(), "context", {"y": int(m.group("y"))}) for m in _YEAR_SPAN_RE.finditer(text)
             if all(m.end() <= c.start or m.start() >= c.end for c in chosen)]
    spans += [_Candidate(m.start(), m.start() + 4, "year", {"y": int(m.group("y"))})
              for m in _TO_PRESENT_RE.finditer(text) if all(m.end() <= c.start or m.start() >= c.end for c in chosen)]
    return sorted(chosen + spans, key=lambda c: c.start)


_RELATIVE_YEAR_AFTER_RE = re.compile(r",?\s+(?i:(?P<q>last|this|next)\s+year)\b")
_YEAR_OFFSETS = {"last": -1, "this": 0, "next": 1}


def find_dates(text: str, published: str | datetime.date | None = None) -> list[DateMention]:
    """All date expressions in reading order, each resolved."""
    pub = _parse_published(published)
    chosen = _year_spans(text, _add_year_lists(text, _add_range_tails(text, _select(_candidates(text)))))
    mentions: list[DateMention] = []
    context_year: int | None = None
    absorbed = -1
    for cand in chosen:
        info = cand.info
        if cand.start < absorbed:
            continue
        if cand.kind == "context":
            context_year = int(info["y"])
            continue
        if cand.kind in ("absolute", "year"):
            context_year = int(info["y"])
            value, precision = _published_reading(info, pub) if info.get("ambiguous") else _format(
                context_year, info.get("m"), info.get("d"))
        elif cand.kind == "partial":
            tail = cand.range_tail
            year = tail.info.get("y") if tail is not None else None
            year = year or context_year or (pub.year if pub else None)
            if (which := _RELATIVE_YEAR_AFTER_RE.match(text, cand.end)) is not None:
                # "on September 5 last year": the year the words after the day name
                year = pub.year + _YEAR_OFFSETS[which.group("q").lower()] if pub else None
                absorbed = cand.end = which.end()
            value, precision = _format(year, info["m"], info.get("d"))
        elif info.get("unit") == "day_of_month" and (month := _context_month(cand, mentions, pub)):
            value, precision = _format(int(month.value[:4]), int(month.value[5:7]), info["d"])
        elif pub is None:
            if info.get("today"):
                continue
            value, precision = None, None
        else:
            value, precision = _resolve_relative(info, pub)
        mentions.append(DateMention(text[cand.start:cand.end], cand.start, cand.end,
                                    value, precision, cand.kind))
    return mentions


_PAGE_DATE_LINE = re.compile(
    r"^\s*(?:(?:published|posted|updated|last\s+updated|date|dated)(?:\s+on)?\s*:?\s*)?"
    r"(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s*)?"
    r"(?P<date>[^|\n]{6,40}?)"
    r"\s*(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?\s*(?:\|.*)?$",
    re.IGNORECASE)
PAGE_DATE_LINES = 8
"""How far down a page its own date line may stand (after the headline, byline, navigation)."""


def page_date(text: str) -> str | None:
    """The date a page carries on a line of its own near the top ("Oct. 30, 2023", "Published:
    12 May 2023 | 3 min read"), as YYYY-MM-DD: stands in for a missing publication date, so "on
    Monday" and "last month" resolve as the page meant them. Not when the text states a later
    date: then the line dates something else ("Date: 1979.5.2" in a list of signings)."""
    for line in text.splitlines()[:PAGE_DATE_LINES]:
        for field in _PAGE_DATE_FIELDS.split(line):
            m = _PAGE_DATE_LINE.match(_PAGE_DATE_BYLINE.sub("", field))
            if not m:
                continue
            found = find_dates(m.group("date"))
            if len(found) == 1 and found[0].precision == "day" and found[0].text.strip() == m.group("date").strip():
                later = [d for d in find_dates(text) if d.kind == "absolute" and d.value and d.value > found[0].value]
                return None if later else found[0].value
    return None


_PAGE_DATE_FIELDS = re.compile(r"\s[|·•/]\s")
"""Fields of a page's byline ("By Kim Min-ji | May 9, 2023", "By Kim Min-ji / Tuesday, May 9, 2023")."""
_PAGE_DATE_BYLINE = re.compile(r"\s+by\s+[^\d]{1,40}$", re.IGNORECASE)
"""A byline after the date ("Posted on May 8, 2023 by admin")."""
