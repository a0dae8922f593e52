"""A site's opening hours: parsed and checked once, then "is the desk open?" and "when does it
open next?" for any instant.

Pure Python (no Qt, nothing of the kiosk) because both ends need the same rules: the kiosk
shows when the desk opens, and the back office checks an edited value before it sends it to
40 sites. Hours are wall-clock times of the site's time zone: "09:00" is nine on the clock on
the wall, in winter and in summer, so every computation goes through zoneinfo, and instants
are compared in UTC (two aware datetimes sharing a tzinfo compare naively in Python, which
is wrong across a DST change).

The written form, in the configuration and the back office, is a table of days, each a text
of comma-separated ranges: `mon = "09:00-12:00, 14:00-17:30"`; a missing day or "" is closed
that day; an empty table is always open. A range closes at its end minute ("12:00" is closed),
and "24:00" may end a day.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from itertools import pairwise
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")  # datetime.weekday() order
DEFAULT_TIMEZONE = "Europe/Paris"
KEY = "opening.hours"
EXAMPLE = "'09:00-12:00, 14:00-17:30'"
DAY_MINUTES = 24 * 60
_RANGE = re.compile(r"(\d{1,2}):(\d{2})\s*[-–]\s*(\d{1,2}):(\d{2})")  # an en dash too: copied text


class OpeningHoursError(ValueError):
    """A value an IT officer wrote wrong; the message names the key, the range and the fix."""


@dataclass(frozen=True, slots=True)
class Range:
    start: int  # minutes after midnight, opening
    end: int  # minutes after midnight, closing (excluded); up to 24 * 60

    def text(self) -> str:
        return f"{_clock(self.start)}-{_clock(self.end)}"


@dataclass(frozen=True, slots=True)
class OpeningHours:
    """The week's ranges, Monday first, in `zone`; `always_open` for an empty table."""

    week: tuple[tuple[Range, ...], ...]
    zone: ZoneInfo
    always_open: bool = False

    @property
    def never_open(self) -> bool:
        return not self.always_open and not any(self.week)

    def is_open(self, at: datetime) -> bool:
        """Whether the desk is open at the instant `at` (an aware datetime, any zone)."""
        if self.always_open:
            return True
        local = _aware(at).astimezone(self.zone)
        second = local.hour * 3600 + local.minute * 60 + local.second
        return any(r.start * 60 <= second < r.end * 60 for r in self.week[local.weekday()])

    def next_opening(self, at: datetime) -> datetime | None:
        """The first instant at or after `at` when the desk is open (`at` itself when open),
        in the site's zone; None when it never opens. Friday evening gives Monday morning.
        Compare it with others through UTC: Python's == says an instant of the repeated
        autumn hour differs from the same instant in another zone (PEP 495)."""
        at = _aware(at).astimezone(UTC)
        if self.is_open(at):
            return at.astimezone(self.zone)
        if self.never_open:
            return None
        today = at.astimezone(self.zone).date()
        # Within a week, or two when the only range is lost in the hour the clocks skip.
        for offset in range(15):
            day = today + timedelta(days=offset)
            for instant in self._moments_it_may_open(day):
                if instant > at and self.is_open(instant):
                    return instant.astimezone(self.zone)
        return None  # unreachable while some range lasts a minute: kept for the type

    def _moments_it_may_open(self, day: date) -> list[datetime]:
        """In order: each range's start on the wall clock, and the instant the clocks
        change that day (jumping into a range, or going back into one)."""
        starts = [instant for opening in self.week[day.weekday()]
                  for instant in _instants_at(day, opening.start, self.zone)]
        return sorted(starts + _clock_change(day, self.zone))


def parse_hours(table: object, timezone: str = DEFAULT_TIMEZONE, key: str = KEY) -> OpeningHours:
    """The table as written (TOML or the back office's JSON) into OpeningHours; raises
    OpeningHoursError naming `key.day`, the bad range and what to write instead."""
    zone = parse_timezone(timezone)
    if not isinstance(table, Mapping):
        raise OpeningHoursError(f"key '{key}' has the value {table!r}; expected a table of "
                                f"days {', '.join(DAYS)}, each a text like {EXAMPLE}.")
    unknown = [name for name in table if name not in DAYS]
    if unknown:
        raise OpeningHoursError(f"key '{key}.{unknown[0]}' is not a day; the days are "
                                f"{', '.join(DAYS)} (a missing day is closed).")
    if not table:
        return OpeningHours((), zone, always_open=True)
    week = tuple(parse_day(table.get(name, ""), f"{key}.{name}") for name in DAYS)
    return OpeningHours(week, zone)


def parse_day(text: object, key: str) -> tuple[Range, ...]:
    """One day's ranges, sorted; "" is closed."""
    if not isinstance(text, str):
        raise OpeningHoursError(f"key '{key}' has the value {text!r}; expected a text like "
                                f"{EXAMPLE}, or \"\" when closed that day.")
    ranges = sorted((_parse_range(part.strip(), key) for part in text.split(",")
                     if part.strip()), key=lambda r: r.start)
    for before, after in pairwise(ranges):
        if after.start < before.end:
            joined = Range(before.start, max(before.end, after.end)).text()
            raise OpeningHoursError(f"key '{key}': '{before.text()}' and '{after.text()}' "
                                    f"overlap; write one range ('{joined}'), or start the "
                                    "second when the first has ended.")
    return tuple(ranges)


def parse_timezone(name: object) -> ZoneInfo:
    try:
        if not isinstance(name, str) or not name:
            raise ValueError(name)
        return ZoneInfo(name)
    except (ValueError, ZoneInfoNotFoundError):
        raise OpeningHoursError(f"key 'opening.timezone' has the value {name!r}; expected a "
                                "time zone name such as 'Europe/Paris' or 'Indian/Reunion' "
                                "(`timedatectl list-timezones` lists them).") from None


def _parse_range(part: str, key: str) -> Range:
    match = _RANGE.fullmatch(part)
    if match is None:
        raise OpeningHoursError(f"key '{key}': '{part}' is not a range of two times; write "
                                f"hours and minutes, e.g. {EXAMPLE}.")
    start_h, start_m, end_h, end_m = (int(group) for group in match.groups())
    for hours, minutes in ((start_h, start_m), (end_h, end_m)):
        if minutes > 59 or hours > 24 or (hours == 24 and minutes):
            raise OpeningHoursError(f"key '{key}': '{part}': {hours:02d}:{minutes:02d} is not "
                                    "a time of day; use 00:00 to 23:59 (24:00 to close at "
                                    "midnight).")
    start, end = start_h * 60 + start_m, end_h * 60 + end_m
    if start == DAY_MINUTES:
        raise OpeningHoursError(f"key '{key}': '{part}' opens at 24:00; write 00:00 on the "
                                "next day instead.")
    if end == start:
        raise OpeningHoursError(f"key '{key}': '{part}' ends when it starts; write the "
                                "opening time, then a later closing time, e.g. '09:00-12:00'.")
    if end < start:
        raise OpeningHoursError(f"key '{key}': '{part}' ends before it starts; write the "
                                f"opening time first ('{_clock(end)}-{_clock(start)}'); a "
                                "range cannot go past midnight.")
    return Range(start, end)


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _aware(at: datetime) -> datetime:
    if at.tzinfo is None or at.utcoffset() is None:
        raise ValueError("opening hours need an aware datetime (with its time zone)")
    return at


def _instants_at(day: date, minute: int, zone: ZoneInfo) -> list[datetime]:
    """The instants (in UTC) when the wall clock on `day` shows `minute`: usually one; two
    when the clocks go back and that hour comes twice; none in the hour they skip."""
    wall = datetime.combine(day, time(minute // 60, minute % 60))
    found: list[datetime] = []
    for fold in (0, 1):
        instant = wall.replace(tzinfo=zone, fold=fold).astimezone(UTC)
        if instant.astimezone(zone).replace(tzinfo=None) == wall and instant not in found:
            found.append(instant)
    return found


def _clock_change(day: date, zone: ZoneInfo) -> list[datetime]:
    """The instant (in UTC) the clocks go forward or back on `day`, if they do."""
    def midnight(of: date) -> int:
        return int(datetime.combine(of, time()).replace(tzinfo=zone).timestamp())

    def offset(at: int) -> timedelta | None:
        return datetime.fromtimestamp(at, zone).utcoffset()

    low, high = midnight(day), midnight(day + timedelta(days=1))
    if offset(low) == offset(high):
        return []
    after = offset(high)
    while high - low > 1:  # to the second: zones change their offset once a day at most
        middle = (low + high) // 2
        if offset(middle) == after:
            high = middle
        else:
            low = middle
    return [datetime.fromtimestamp(high, UTC)]
