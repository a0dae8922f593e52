"""Dates, times and numbers as each language writes them, through Babel's CLDR data.

Babel is imported on first use, not at start-up (its locale data costs a first paint).
Digits stay Western (0-9) in every language: references, postal codes and phone numbers are
written so on every French paper, and the same digits throughout avoid mixing two kinds.
"""

from __future__ import annotations

from datetime import date, datetime, time

from offline_cache.languages import language


def long_date(day: date, lang: str) -> str:
    """"1er mars 1950", "1 de marzo de 1950", "1 مارس 1950"."""
    from babel.dates import format_date

    return _ordinal_first(format_date(day, "long", locale=language(lang).locale), day, lang)


def day_and_month(day: date, lang: str) -> str:
    """"3 mars", "3 de diciembre": a date of this year."""
    return _ordinal_first(_skeleton("dMMMM", day, lang), day, lang)


def short_date(day: date, lang: str) -> str:
    """"03/12/2026", "3.12.2026": digits, with the year in full."""
    return _skeleton("yMd", day, lang)


def _skeleton(skeleton: str, day: date, lang: str) -> str:
    from babel.dates import format_skeleton

    return format_skeleton(skeleton, day, locale=language(lang).locale)


def _ordinal_first(written: str, day: date, lang: str) -> str:
    if lang == "fr" and day.day == 1:  # French writes the first of the month as an ordinal
        return "1er" + written[1:]
    return written


def clock(moment: datetime | time, lang: str) -> str:
    """The time of day, "14:30" (24-hour or 12-hour as the language writes it)."""
    from babel.dates import format_time

    return format_time(moment, "short", locale=language(lang).locale)


def whole_number(value: int, lang: str) -> str:
    """"12 500" in French (a narrow no-break space), "12,500" in English."""
    from babel.numbers import format_decimal

    return format_decimal(value, locale=language(lang).locale, numbering_system="latn")
