"""Reading dates from the fact base and writing them as the source does.

The fact base writes dates in a language-neutral ISO form ("2010-10-06/07",
"early 2015-06", "1948"); answers write them in the reader's language
("6–7 October 2010", "early June 2015").
"""
from __future__ import annotations

import calendar
import re

from .model import Fact, FuzzyDate, Language

_PART = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
QUALIFIERS = ("early", "mid", "late")


class DateError(ValueError):
    """A date the fact base cannot mean."""


def parse_date(text: str) -> FuzzyDate:
    """Parse "YYYY[-MM[-DD]]", an optional qualifier before it, and "/END" for a range.

    The end of a range may leave out what it shares with the start: "2010-10-06/07" is
    6–7 October 2010, "2016-11-30/12-02" runs into December.
    """
    raw = str(text).strip()
    qualifier = None
    head, _, rest = raw.partition(" ")
    if head in QUALIFIERS:
        qualifier, raw = head, rest.strip()
    start, _, end = raw.partition("/")
    m = _PART.match(start)
    if not m:
        raise DateError(f"bad date {text!r}: expected YYYY, YYYY-MM or YYYY-MM-DD, "
                        "optionally 'early'/'mid'/'late' before and '/END' after")
    year, month, day = (int(g) if g else None for g in m.groups())
    end_year = end_month = end_day = None
    if end:
        end_year, end_month, end_day = _parse_end(end, year, month, day, text)
    date = FuzzyDate(year, month, day, end_year, end_month, end_day, qualifier)
    _check(date, text)
    return date


def _parse_end(end: str, year: int, month: int | None, day: int | None,
               text: str) -> tuple[int, int | None, int | None]:
    parts = end.split("-")
    if not all(p.isdigit() for p in parts) or not parts:
        raise DateError(f"bad date range {text!r}")
    numbers = [int(p) for p in parts]
    precision = 1 + (month is not None) + (day is not None)
    if len(numbers) > precision:
        raise DateError(f"bad date range {text!r}: the end is more precise than the start")
    full = [year, month, day][:precision]
    full[precision - len(numbers):] = numbers
    full += [None] * (3 - len(full))
    return full[0], full[1], full[2]  # type: ignore[return-value]


def _check(date: FuzzyDate, text: str) -> None:
    for y, m, d in ((date.year, date.month, date.day),
                    (date.last_year, date.end_month or date.month, date.end_day)):
        if m is not None and not 1 <= m <= 12:
            raise DateError(f"bad month in {text!r}")
        if d is not None and m is not None and not 1 <= d <= calendar.monthrange(y, m)[1]:
            raise DateError(f"bad day in {text!r}")
    if date.qualifier and date.day is not None:
        raise DateError(f"{text!r}: a qualifier goes with a month or a year, not a day")
    if _key_end(date) < _key_start(date):
        raise DateError(f"{text!r}: the range ends before it starts")


def _key_start(date: FuzzyDate) -> tuple[int, int, int]:
    return (date.year, date.month or 0, date.day or 0)


def _key_end(date: FuzzyDate) -> tuple[int, int, int]:
    if date.end_year is None:
        return (date.year, date.month or 13, date.day or 32)
    return (date.end_year, date.end_month or date.month or 13, date.end_day or 32)


def sort_key(date: FuzzyDate | None) -> tuple[int, int, int]:
    """Order undated facts last, and a month before its days ("June 2017" before 9 June)."""
    if date is None:
        return (9999, 99, 99)
    offset = {"early": 5, "mid": 15, "late": 25}.get(date.qualifier or "", 0)
    return (date.year, date.month or 0, date.day or offset)


def format_date(date: FuzzyDate, language: Language) -> str:
    """Write a date as the language does: "10 December 1996", "6–7 October 2010",
    "2024 ж. 18–19 қараша"; a range within one year names the year once."""
    fmt = {"day": "{day} {month} {year}", "month": "{month} {year}", "year": "{year}"}
    fmt.update(language.date_formats)

    def parts(year: int, month: int | None, day: int | None | str) -> tuple[str, str, str]:
        """(year before, the rest, year after) of one end of the date."""
        if month is None:
            return "", str(year), ""
        if day is None:
            # "June 2017" alone, but "early June 2015" takes the inflected form in Russian.
            names = language.months_standalone if not date.qualifier else ()
            before, body, after = _split(fmt["month"])
            name = (names or language.months)[month - 1]
        else:
            before, body, after = _split(fmt["day"])
            name = language.months[month - 1]
        fill = {"year": year, "month": name, "day": day}
        return before.format(**fill), body.format(**fill), after.format(**fill)

    def whole(year: int, month: int | None, day: int | None | str) -> str:
        return "".join(parts(year, month, day))

    if date.end_year is None:
        text = whole(date.year, date.month, date.day)
    elif date.day is not None and date.end_year == date.year and date.end_month == date.month:
        text = whole(date.year, date.month, f"{date.day}–{date.end_day}")
    elif date.end_year == date.year and date.month is not None:
        before, first, after = parts(date.year, date.month, date.day)
        _, last, _ = parts(date.year, date.end_month, date.end_day)
        text = f"{before}{first} – {last}{after}"
    else:
        text = f"{whole(date.year, date.month, date.day)} – " \
               f"{whole(date.end_year, date.end_month, date.end_day)}"
    if date.qualifier:
        text = f"{language.qualifiers.get(date.qualifier, date.qualifier)} {text}"
    return text


_YEAR_FIRST = re.compile(r"^(\{year\}[^{]*)(.*)$", re.S)
_YEAR_LAST = re.compile(r"^(.*?)([^}]*\{year\})$", re.S)


def _split(pattern: str) -> tuple[str, str, str]:
    """A date pattern as (year and what follows it, the rest, what precedes the year and
    the year): "{year} ж. {day} {month}" → ("{year} ж. ", "{day} {month}", "")."""
    if m := _YEAR_FIRST.match(pattern):
        return m.group(1), m.group(2), ""
    if m := _YEAR_LAST.match(pattern):
        return "", m.group(1), m.group(2)
    return "", pattern, ""


def chronological(fact: Fact) -> tuple:
    """Date order; on the same date an occasion comes before what happened during it."""
    return (sort_key(fact.date), fact.part_of is not None, fact.id)
