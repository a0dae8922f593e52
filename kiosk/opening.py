"""Is the front desk open now, and the words that tell a citizen when it opens.

The rules live in offline_cache.opening_hours (the back office checks edits with them); this
module reads the site's settings, asks them about one instant, and turns the answer into
plain French: "L'accueil est fermé. Il ouvre demain à 9 h." The screen shows "9 h", the
voice says "9 heures" (espeak-ng reads "9 h" as "neuf ache").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from kiosk.i18n import tr
from offline_cache.opening_hours import DAYS, parse_hours


@dataclass(frozen=True, slots=True)
class DeskStatus:
    """What the screens need to know about the hours at one moment (equal while nothing a
    citizen sees changes, so a timer can compare two)."""

    open: bool = True
    opens_at: datetime | None = None  # when closed: the next opening, site time; None: never
    days_ahead: int = 0  # from today to that opening: "aujourd'hui", "demain", "lundi"
    takes_requests: bool = True  # closed, but opening.requests_when_closed

    @property
    def can_start(self) -> bool:
        """A citizen may begin a session (open, or the site takes requests when closed)."""
        return self.open or self.takes_requests


OPEN = DeskStatus()  # always open: the kiosk without opening.hours


@dataclass(frozen=True, slots=True)
class Sentence:
    shown: str
    spoken: str


def desk_status(settings: Any, now: datetime) -> DeskStatus:
    """The desk at `now` (an aware datetime), from a validated configuration's values."""
    hours = parse_hours(settings["opening.hours"], settings["opening.timezone"])
    if hours.is_open(now):
        return OPEN
    opens_at = hours.next_opening(now)
    today = now.astimezone(hours.zone).date()
    days_ahead = (opens_at.date() - today).days if opens_at is not None else 0
    return DeskStatus(False, opens_at, days_ahead, settings["opening.requests_when_closed"])


def closed_sentence(status: DeskStatus | None, lang: str) -> Sentence:
    """"L'accueil est fermé. Il ouvre demain à 9 h." (empty when open, or no hours set)."""
    if status is None or status.open:
        return Sentence("", "")
    closed = tr("opening.closed", lang)
    if status.opens_at is None:
        return Sentence(closed, closed)
    shown = tr("opening.opens", lang, when=_when(status, lang, spoken=False))
    spoken = tr("opening.opens", lang, when=_when(status, lang, spoken=True))
    return Sentence(f"{closed} {shown}", f"{closed} {spoken}")


def requests_sentence(status: DeskStatus | None, lang: str) -> str:
    """Whether the kiosk can still be used while the desk is closed (empty when open)."""
    if status is None or status.open:
        return ""
    return tr("opening.still_requests" if status.takes_requests else "opening.come_back", lang)


def _when(status: DeskStatus, lang: str, spoken: bool) -> str:
    at = status.opens_at
    clock = tr(f"opening.clock{'.spoken' if spoken else ''}"
               f"{'.on_the_hour' if at.minute == 0 else ''}",
               lang, hour=at.hour, minute=f"{at.minute:02d}")
    day = tr(f"opening.day.{DAYS[at.weekday()]}", lang)
    if status.days_ahead == 0:
        return tr("opening.today", lang, time=clock)
    if status.days_ahead == 1:
        return tr("opening.tomorrow", lang, time=clock)
    if status.days_ahead >= 7:  # today's weekday, next week: "lundi" alone would mean today
        return tr("opening.next_week", lang, day=day, time=clock)
    return tr("opening.weekday", lang, day=day, time=clock)
